"""Criteria headed by an ordinal in words ("Lĩnh vực thứ nhất:"), scored as "Số điểm đạt được: x điểm/y điểm"
or as the maximum, the points lost and what remains; ranks "Đạt thứ hạng 3/18, hạ một bậc" (issue 11, forms
of the held-out round 6). Text fixtures written here; every value asserted was read from the fixture."""

from __future__ import annotations

from pathlib import Path

from cchc.api import extract_file
from cchc.extractors.patterns import find_changes
from cchc.extractors.statements import CRITERION_LABEL_RE

HEADER = """ỦY BAN NHÂN DÂN
XÃ TÂN MỸ
Số: 05/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Mỹ, ngày 12 tháng 01 năm 2024
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2023

Theo kết quả thẩm định của UBND huyện, năm 2023 UBND xã Tân Mỹ đạt 88,25 điểm trên thang điểm 100.

I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023
"""


def _record(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    return extract_file(path)


def test_criteria_headed_by_an_ordinal_in_words(tmp_path: Path) -> None:
    body = (
        "Lĩnh vực thứ nhất: Công tác chỉ đạo, điều hành\n"
        "Số điểm đạt được: 10,5 điểm/12 điểm, đạt 87,50% số điểm.\n\n"
        "Lĩnh vực thứ hai: Cải cách thể chế\n"
        "Số điểm đạt được: 4,5 điểm/5 điểm, đạt 90,00% số điểm. Đạt thứ hạng 22/21.\n"
    )
    r = _record(tmp_path, body)
    got = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in r.criteria]
    assert got == [("1", 10.5, 12.0, 87.5, None, None), ("2", 4.5, 5.0, 90.0, 22, 21)]
    assert any(f.kind == "rank_out_of_range" and f.subject == "2" for f in r.findings)


def test_a_criterion_label_takes_an_ordinal_word_and_nothing_else() -> None:
    assert CRITERION_LABEL_RE.match("Lĩnh vực thứ năm: Cải cách tài chính công")["title"] == "Cải cách tài chính công"
    assert CRITERION_LABEL_RE.match("Lĩnh vực thứ mười: Chỉ số hài lòng") is not None
    assert CRITERION_LABEL_RE.match("Lĩnh vực thứ yếu: công tác văn thư") is None  # "thứ yếu": secondary


def test_the_maximum_the_points_lost_and_what_remains(tmp_path: Path) -> None:
    body = (
        "1. Công tác chỉ đạo, điều hành\n"
        "Điểm tối đa 15 điểm, bị trừ 1 điểm, còn lại 14 điểm (93,33%). Đạt thứ hạng 3/18, hạ một bậc.\n\n"
        "2. Cải cách thể chế\n"
        "Điểm tối đa 5 điểm, không bị trừ điểm, đạt 5 điểm (100%).\n"
    )
    r = _record(tmp_path, body)
    got = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total, c.rank_change) for c in r.criteria]
    assert got == [("1", 14.0, 15.0, 93.33, 3, 18, -1), ("2", 5.0, 5.0, 100.0, None, None, None)]


def test_ha_lowers_a_rank_but_ha_tang_is_infrastructure() -> None:
    assert [c.change for c in find_changes("Đạt thứ hạng 3/18, hạ một bậc.")] == [-1]
    assert find_changes("đầu tư hạ tầng 2 bậc thang") == []


def test_last_years_rank_in_brackets_gives_the_change_and_is_no_rank() -> None:
    from cchc.extractors.patterns import find_ranks

    text = "xếp thứ 6 trong số 16 xã, thị trấn (năm 2021 xếp thứ 5)."
    assert [(r.rank, r.total) for r in find_ranks(text)] == [(6, 16)]
    assert [c.change for c in find_changes(text)] == [-1]  # from 5th to 6th: one place down
    assert [c.change for c in find_changes("đạt thứ hạng 2/22 (năm 2023 xếp thứ 3).")] == [1]
    # no rank of this year just before it: no change, and last year's rank is not taken as this year's
    alone = "đạt 88,00 điểm (năm 2021 xếp thứ 5)."
    assert (find_ranks(alone), find_changes(alone)) == ([], [])
    far = "xếp thứ 3/20. Công tác khác có 12 người (năm 2022 xếp thứ 5)"
    assert find_changes(far) == []


# A criteria table whose header has a self-assessed column beside the appraised one, as a converter streams
# it (the header's cells interleaved line by line): STT | Lĩnh vực | Điểm tối đa | Điểm tự đánh giá | Điểm thẩm
# định | Tỷ lệ (%). The percent is the appraised score over the maximum (12/14 = 85,71%).
SELF_ASSESSED_STREAM = (
    "Điểm tự Điểm Điểm STT Lĩnh vực đánh thẩm Tỷ lệ (%) tối đa giá định 1 Công tác chỉ đạo, điều hành 14 12,5 12 "
    "85,71 2 Cải cách thể chế 6 5,75 5,5 91,67 Cải cách thủ tục hành chính 3 20 17,5 17,5 87,50 (TTHC) 4 Cải cách "
    "tổ chức bộ máy 6 6 5,5 91,67 5 Cải cách chế độ công vụ 10 8,75 8,75 87,50 6 Cải cách tài chính công 6 5,5 5 "
    "83,33 Xây dựng và phát triển Chính 7 12 10,5 10,25 83,42 quyền điện tử, Chính quyền số Tác động của cải cách "
    "hành chính 8 đến phát triển kinh tế - xã hội của 3 2,5 2,5 83,33 xã Tổng cộng 100 89,5 86,50 86,50"
)


def test_a_self_assessed_column_beside_the_appraised_score_is_not_the_score() -> None:
    from cchc.extractors.framework import generic_framework
    from cchc.extractors.tables import criteria_from_cell_stream

    rows = [c for c, _, _ in criteria_from_cell_stream(SELF_ASSESSED_STREAM, generic_framework())]
    assert [(c.code, c.max_score, c.score, c.percent) for c in rows] == [
        ("1", 14, 12, 85.71), ("2", 6, 5.5, 91.67), ("3", 20, 17.5, 87.5), ("4", 6, 5.5, 91.67),
        ("5", 10, 8.75, 87.5), ("6", 6, 5, 83.33),
        ("7", 12, 10.25, 83.42),  # 10,25/12 is 85,42%: read as printed between rows that check (percent_mismatch)
        ("8", 3, 2.5, 83.33),
    ]
    # the same rows without the self-assessed column read as before: three numbers a row
    plain = SELF_ASSESSED_STREAM.replace(" 12,5 12 ", " 12 ").replace(" 5,75 5,5 ", " 5,5 ")
    assert [(c.code, c.score) for c, _, _ in criteria_from_cell_stream(plain, generic_framework())][:2] == [
        ("1", 12), ("2", 5.5),
    ]


def test_an_overall_stated_before_a_criteria_table_is_read(tmp_path: Path) -> None:
    overall = (
        "Theo kết quả thẩm định của UBND huyện, năm 2023 UBND xã Tân Mỹ đạt 86,50 điểm trên thang điểm 100, "
        "tỷ lệ 86,50%, xếp thứ 6 trong số 11 xã, thị trấn (năm 2022 xếp thứ 7).\n\n"
    )
    header = HEADER.replace(
        "Theo kết quả thẩm định của UBND huyện, năm 2023 UBND xã Tân Mỹ đạt 88,25 điểm trên thang điểm 100.\n", ""
    )
    path = tmp_path / "report.txt"
    path.write_text(header + overall + SELF_ASSESSED_STREAM + "\n", encoding="utf-8")
    r = extract_file(path)
    assert [c.code for c in r.criteria][:3] == ["1", "2", "3"]
    o = r.overall
    assert (o.score, o.max_score, o.percent, o.rank, o.rank_total, o.rank_change) == (86.5, 100, 86.5, 6, 11, 1)
    # the same statement after a criterion's own prose is no overall ("weak": it names no index)
    later = header + "1. Công tác chỉ đạo, điều hành: đạt 12/14 điểm.\n" + overall
    path.write_text(later, encoding="utf-8")
    assert extract_file(path).overall.score is None


def test_indicators_numbered_after_a_plus_bullet_under_a_component_list(tmp_path: Path) -> None:
    body = (
        "Lĩnh vực thứ năm: Cải cách chế độ công vụ\n"
        "Số điểm đạt được: 10,5 điểm/12 điểm, đạt 87,50% số điểm.\n\n"
        "* Các nội dung đạt điểm tối đa:\n"
        "+ 5.1. Bố trí cán bộ, công chức theo vị trí việc làm: thực hiện đầy đủ, đạt 3/3 điểm.\n\n"
        "+ 5.2. Đánh giá, xếp loại cán bộ, công chức: đảm bảo số lượng, chất lượng, thời gian theo quy định, "
        "đạt 1,25/3 điểm.\n\n"
        "* Các nội dung chưa đạt điểm tối đa (bị trừ điểm):\n"
        "+ 5.3. Đào tạo, bồi dưỡng cán bộ, công chức: đạt 2,25/3 điểm.\n"
    )
    r = _record(tmp_path, body)
    got = [(i.code, i.score, i.max_score, i.listed_as) for i in r.indicators]
    assert got == [("5.1", 3, 3, "full"), ("5.2", 1.25, 3, "full"), ("5.3", 2.25, 3, "incomplete")]
    assert any(f.kind == "status_contradiction" and f.subject == "5.2" for f in r.findings)  # full, yet 1,25/3
    # with no component list open, a bulleted dotted number is no indicator
    plain = _record(tmp_path, "Lĩnh vực thứ năm: Cải cách chế độ công vụ\n+ 5.1. Bố trí cán bộ: đạt 3/3 điểm.\n")
    assert plain.indicators == []


def _labelled(numbers: list[str]) -> str:
    titles = ["Công tác chỉ đạo, điều hành", "Cải cách thể chế", "Cải cách thủ tục hành chính"]
    return "".join(
        f"Lĩnh vực {n}: {t}\nSố điểm đạt được: 4 điểm/5 điểm, đạt 80,00% số điểm.\n\n" for n, t in zip(numbers, titles)
    )


def test_criteria_labelled_in_words_are_in_the_outline_and_a_repeated_number_is_a_gap(tmp_path: Path) -> None:
    r = _record(tmp_path, _labelled(["thứ nhất", "thứ hai", "thứ hai"]))
    assert [(h.scheme, h.number, h.section) for h in r.outline if h.scheme == "label"] == [
        ("label", "thứ nhất", "I"), ("label", "thứ hai", "I"), ("label", "thứ hai", "I"),
    ]
    (gap,) = [f for f in r.findings if f.kind == "numbering_gap"]
    assert gap.actual == "thứ nhất, thứ hai, thứ hai" and gap.expected == "1, 2, 3"
    # numbered in sequence, in words or in digits: no gap
    for numbers in (["thứ nhất", "thứ hai", "thứ ba"], ["1", "2", "3"]):
        assert not [f for f in _record(tmp_path, _labelled(numbers)).findings if f.kind == "numbering_gap"]


def test_a_jump_over_a_criterion_the_report_lacks_is_the_missing_criterion_not_a_numbering_gap(tmp_path: Path) -> None:
    def gaps(headings: list[tuple[str, str]]) -> list[str]:
        body = "".join(f"Tiêu chí {n}: {t}\nKết quả: đạt 4/5 điểm.\n\n" for n, t in headings)
        return [f.actual or "" for f in _record(tmp_path, body).findings if f.kind == "numbering_gap"]

    # criterion 2 (Cải cách thể chế) is not in the report: "Tiêu chí 1" then "Tiêu chí 3" numbers right
    assert gaps([("1", "Công tác chỉ đạo, điều hành"), ("3", "Cải cách thủ tục hành chính")]) == []
    # criterion 2 is there, headed "Tiêu chí 3": the numbering is wrong
    assert gaps([("1", "Công tác chỉ đạo, điều hành"), ("3", "Cải cách thể chế")]) == ["1, 3"]


def test_a_part_after_semicolon_trong_do_counts_the_whole_named_with_the_same_total_before() -> None:
    from cchc.extractors.quantities import find_quantities

    (q,) = find_quantities("- Tổng số cán bộ, công chức của xã: 22 người; trong đó đạt chuẩn 21/22 người (95,45%).")
    assert (q.unit, q.numerator, q.denominator, q.percent) == ("cán bộ, công chức", 21, 22, 95.45)
    # the clause before names another whole (5 villages, not 22): its noun is not the part's
    (other,) = find_quantities("Xã có 5 thôn; trong đó đạt chuẩn 21/22 người.")
    assert other.unit is None


def test_a_rank_printed_as_zero_is_kept_beside_last_years_rank() -> None:
    from cchc.extractors.patterns import find_ranks

    assert [(r.rank, r.total) for r in find_ranks("Xếp thứ 0/19 nhóm hạng các xã (năm 2022 xếp thứ 4).")] == [(0, 19)]
