"""The one score grammar (extractors/scores.py): odd forms one per line, each with the value it must give."""

from __future__ import annotations

import pytest

from cchc.extractors.scores import (
    cell_number,
    find_bare_score,
    find_percents,
    find_points_only,
    find_scores,
    find_stated_max,
)

# (text, score, max, repaired?) — forms seen in real reports, or their typing slips
SCORES = [
    ("Về cải cách thể chế: 5/5 điểm, tỷ lệ đạt 100%", 5, 5, False),
    ("chỉ đạo, điều hành:12,7/15 điểm, đạt tỷ lệ 87,67%", 12.7, 15, False),
    ("đạt 12,7 /15 điểm", 12.7, 15, False),
    ("đạt 12,7/ 15điểm", 12.7, 15, False),
    ("đạt 12.7/15 điểm", 12.7, 15, False),  # a dot decimal
    ("đạt 87,602/100 điểm", 87.602, 100, False),  # three decimals, not thousands: a score is small
    ("đạt 87.602/100 điểm", 87.602, 100, False),
    ("đạt 12,5 điểm/14 điểm", 12.5, 14, False),
    ("đạt 12,5 điểm trên tổng số 14 điểm", 12.5, 14, False),
    ("được 12,7 trên 15 điểm", 12.7, 15, False),
    ("đạt 12,5 điểm (tối đa 14 điểm)", 12.5, 14, False),
    ("Chính quyền số: 8,97/,11,5 điểm", 8.97, 11.5, True),  # the sample's leading separator
    ("đạt 12,7//15 điểm", 12.7, 15, True),  # a doubled slash
    ("đạt 6,88, /8 điểm", 6.88, 8, True),  # a separator left before the slash
    ("đạt 8,02 /10 , điểm", 8.02, 10, True),  # ... and before "điểm"
    ("đạt 12, 7/15 điểm", 12.7, 15, True),  # a space after the decimal comma
    ("bị mất 7,14/16 điểm", 8.86, 16, False),  # points lost: the score is 16 − 7,14
    ("Chỉ số này bị trừ 0,5/2 điểm do thiếu báo cáo", 1.5, 2, False),
    ("- Điểm tối đa: 11 điểm; điểm đạt: 9,6 điểm; tỷ lệ: 87,27%.", 9.6, 11, False),  # the maximum first, labelled
    ("Điểm tối đa 10 điểm, điểm đạt được 9 điểm", 9, 10, False),
    ("TỐI ĐA: 6 ĐIỂM. ĐẠT: 5,5 ĐIỂM", 5.5, 6, False),
    ("- Số điểm tối đa: 11 điểm, số điểm đạt: 9,6 điểm", 9.6, 11, False),
    ("Điểm chuẩn: 11 điểm - Điểm thẩm định: 9,6 điểm", 9.6, 11, False),
    ("- Điểm tối đa: 11; điểm đạt: 9,6; tỷ lệ 87,27%", 9.6, 11, False),  # both labels say "điểm": no units
    ("- Điểm tối đa: 3 điểm; điểm đạt: 3,5 điểm", 3.5, 3, False),  # above its maximum: read as printed
    ("đạt 12,7 điểm/15, tỷ lệ 84,67%", 12.7, 15, False),  # "điểm" after the score only
    ("đạt 12,7 điểm (trên 15 điểm)", 12.7, 15, False),
    ("12,7 điểm trên thang điểm 15", 12.7, 15, False),
    ("- Điểm đạt: 12,7/15, tỷ lệ 84,67%", 12.7, 15, False),  # a labelled score without "điểm" after it
    ("Điểm tổng hợp: 83,97/100; tỷ lệ 83,97%", 83.97, 100, False),
    ("- Tổng điểm đạt được: 83,97/100.", 83.97, 100, False),
    # the maximum, the points lost, what remains (issue 11, held-out round 6)
    ("Điểm tối đa 15 điểm, bị trừ 2,25 điểm, còn lại 12,75 điểm (85,00%).", 12.75, 15, False),
    ("Điểm tối đa 5 điểm, không bị trừ điểm, đạt 5 điểm (100%).", 5, 5, False),
    # a heading and its next line read as one block: a capital "Điểm" starts the sentence
    ("1. Công tác chỉ đạo, điều hành Điểm tối đa 15 điểm, bị trừ 1 điểm, còn lại 14 điểm", 14, 15, False),
    ("đạt 12,7 điểm trong tổng số 15 điểm", 12.7, 15, False),
    ("đạt 12,7 điểm (điểm chuẩn 15)", 12.7, 15, False),
    # the score first, then the maximum, both labelled
    ("1. Công tác chỉ đạo, điều hành: điểm đạt 12,7; điểm tối đa 15; tỷ lệ 87,67%", 12.7, 15, False),
    ("- Điểm đạt được: 9,6 điểm - Điểm tối đa: 11 điểm", 9.6, 11, False),
]
NOT_SCORES = [
    "Tỷ lệ hồ sơ giải quyết đúng hạn: 3150/3155=99,8%",
    "xếp thứ 8/23 xã, thị trấn",
    "có 2/5 cuộc theo biểu điểm",  # "điểm" belongs to "biểu điểm", after a counted noun
    "Kế hoạch số 29/KH-UBND ngày 27/12/2021",
    "(tối đa 12 điểm): đạt 10,5 điểm",  # a score stated alone with its maximum beside it (find_stated_max)
    "thang điểm tối đa 10 điểm; được 9 người đánh giá",  # "được" is no score label without "điểm" after it
    "nâng mức tối đa 5 điểm, đạt 3 điểm thưởng",  # "tối đa" inside a sentence, not a label
    "đạt chuẩn: 11; điểm đạt: 9",  # "đạt chuẩn" (meets the standard) is no maximum
    "Điểm tối đa: 11; điểm đạt: 9,6%",  # without units, a percent is no score
    "có 5 điểm/15 xã được kiểm tra",  # "điểm" is a place here: 5 places of 15 communes
    "Điểm: 12/2022",  # no score has a maximum of thousands
    "Các chỉ số đạt điểm tối đa 5 điểm, đạt 5 điểm",  # "điểm tối đa" inside a sentence is no label
    "đạt 5 điểm trong 15 điểm kiểm tra",  # "trong" without "tổng số": places checked, not a maximum
    "điểm đạt 9; điểm tối đa 11%",  # a percent is no maximum
    "chỉ số có điểm đạt 2; tối đa 3 lần kiểm tra",  # "điểm đạt" inside a sentence is no label
]


@pytest.mark.parametrize(("text", "score", "maximum", "repaired"), SCORES)
def test_score_forms(text: str, score: float, maximum: float, repaired: bool) -> None:
    (found,) = find_scores(text)
    assert (found.score.value, found.max.value) == (score, maximum)
    assert bool(found.repaired or found.score.repaired or found.max.repaired) is repaired
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize("text", NOT_SCORES)
def test_not_scores(text: str) -> None:
    assert find_scores(text) == []


def test_lost_points_are_marked_and_keep_the_printed_decimals() -> None:
    (found,) = find_scores("mất 7,14/16 điểm")
    assert found.lost and found.score.decimals == 2


@pytest.mark.parametrize(
    ("text", "score", "maximum", "repaired"),
    [
        ("3. Cải cách thủ tục hành chính: 4,75 /7 , đạt 67,86%", 4.75, 7, True),
        ("2. Cải cách thể chế: 5/5, tỷ lệ 100%", 5, 5, False),
        ("6. Tài chính công: 6/7.", 6, 7, False),
    ],
)
def test_bare_score_after_a_colon(text: str, score: float, maximum: float, repaired: bool) -> None:
    found = find_bare_score(text)
    assert found is not None and (found.score.value, found.max.value) == (score, maximum)
    assert bool(found.repaired) is repaired


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 899/899",  # a count, its whole over 100
        "Tổng số cán bộ đạt chuẩn: 2/19 cán bộ",  # a counted noun follows
        "Kết quả: 9/7, đạt",  # more than the maximum
    ],
)
def test_not_bare_scores(text: str) -> None:
    assert find_bare_score(text) is None


def test_percents_and_points_without_maximum() -> None:
    assert [p.value.value for p in find_percents("đạt 85,5% điểm; 99.8 %, 3150/3155=99,8%")] == [85.5, 99.8, 99.8]
    only = find_points_only("Chỉ số CCHC của xã đạt 85,12 điểm, xếp thứ 5")
    assert only is not None and only.value.value == 85.12
    assert find_points_only("đạt 85,5% điểm") is None
    assert find_points_only("đạt 12,7 điểm/15 điểm") is None


def test_the_maximum_beside_a_score_stated_alone() -> None:
    found = find_stated_max("1. Về công tác chỉ đạo, điều hành (15 điểm): đạt 12,7 điểm, tỷ lệ 87,67%")
    assert found is not None and found.value.value == 15  # the framework's maximum after the title
    assert find_stated_max("(tối đa 12 điểm): đạt 10,5 điểm").value.value == 12  # type: ignore[union-attr]
    # brackets not before a colon: the points of something else ("bị trừ điểm (2 điểm)")
    assert find_stated_max("đạt 12,7 điểm, bị trừ điểm (2 điểm) do chậm báo cáo") is None


def test_percents_in_words_and_full_width() -> None:
    # held-out round 8 printed criterion percents in words: "17,25/20 điểm, đạt 88,25 phần trăm số điểm"
    text = "17,25/20 điểm, đạt 88,25 phần trăm số điểm; đạt 99,5 Phần trăm; tỷ lệ 61,6 ％"
    assert [p.value.value for p in find_percents(text)] == [88.25, 99.5, 61.6]
    # not a percent: a share ("phần") that is not a hundredth, a word that only starts with "trăm"
    assert find_percents("được chia 2 phần thưởng; 3 phần trămg") == []
    assert find_points_only("đạt 88,25 phần trăm số điểm") is None


@pytest.mark.parametrize(
    ("cell", "value", "repaired"),
    [("12,7", 12.7, False), ("6,88,", 6.88, True), (",11,5", 11.5, True), ("92.83", 92.83, False), ("", None, False)],
)
def test_table_cells_read_with_the_same_numbers(cell: str, value: float | None, repaired: bool) -> None:
    parsed = cell_number(cell)
    assert (parsed.value if parsed else None) == value
    assert bool(parsed and parsed.repaired) is repaired
