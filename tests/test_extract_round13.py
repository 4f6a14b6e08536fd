"""Score and rank phrasings of held-out round 13 (issue 11), each in a report written here, with its negative.

Three forms of a criterion's or the overall score: the score then "trên tổng số" the maximum, the score in words
with its digits in brackets ("đạt mười bảy phẩy năm (17,5) điểm trên tổng số 20 điểm"), and only the points lost
("bị trừ 1,5 điểm so với điểm tối đa 13 điểm" is 11,5 of 13).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.scores import find_scores

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ AN PHÚ",
    "Số: 15/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "An Phú, ngày 12 tháng 01 năm 2024",
    "BÁO CÁO",
    "Kết quả Chỉ số cải cách hành chính năm 2023 của xã An Phú",
]


@pytest.mark.parametrize(
    ("text", "score", "maximum", "lost"),
    [
        ("Kết quả đạt 10,5 điểm trên tổng số 12 điểm (87,50%).", 10.5, 12, False),
        ("Lĩnh vực này đạt mười bảy phẩy năm (17,5) điểm trên tổng số 20 điểm, tỷ lệ 87,50%.", 17.5, 20, False),
        ("Lĩnh vực này đạt năm (5) điểm trên tổng số 6 điểm, tỷ lệ 83,33%.", 5, 6, False),
        # the same class the other way round: the digits, then the words in brackets
        ("Lĩnh vực này đạt 17,5 (mười bảy phẩy năm) điểm trên tổng số 20 điểm.", 17.5, 20, False),
        ("xã đạt tám mươi tám phẩy năm mươi (88,50) điểm trên tổng số 100 điểm, tỷ lệ 88,50%", 88.5, 100, False),
        ("Lĩnh vực này bị trừ 1,5 điểm so với điểm tối đa 13 điểm, đạt tỷ lệ 88,46%.", 11.5, 13, True),
        ("Lĩnh vực này bị trừ 0,5 điểm so với điểm tối đa 3 điểm, đạt tỷ lệ 83,33%.", 2.5, 3, True),
        ("LĨNH VỰC NÀY BỊ TRỪ 2 ĐIỂM SO VỚI ĐIỂM TỐI ĐA 20 ĐIỂM", 18, 20, True),
    ],
)
def test_round13_score_forms(text: str, score: float, maximum: float, lost: bool) -> None:
    assert [(s.score.value, s.max.value, s.lost) for s in find_scores(text)] == [(score, maximum, lost)]


@pytest.mark.parametrize(
    "text",
    [
        # a bracketed number that is not followed by points, and points compared with last year (no maximum)
        "Thực hiện theo Kế hoạch (05) của huyện, tăng 2 điểm so với năm 2022.",
        # a bracket that closes before "điểm" with no digits in it after words: no score
        "Xã đạt mười bảy (xem Phụ lục) điểm trên tổng số 20 điểm.",
        # points compared with another unit's, not with a maximum
        "Xã bị trừ 2 điểm so với xã Phú Hòa ở chỉ số 3.2.",
        # a points increase is no loss: "tăng 1,5 điểm so với điểm tối đa" is not read as a score
        "Điểm đạt tăng 1,5 điểm so với điểm tối đa năm trước 13 điểm.",
    ],
)
def test_no_round13_score_where_there_is_none(text: str) -> None:
    assert find_scores(text) == []


def _report(tmp_path: Path, body: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "an-phu.txt"
    path.write_text("\n".join([*HEADER, *body]) + "\n", encoding="utf-8")
    return extract_file(path)


def test_a_report_in_the_round13_phrasings(tmp_path: Path) -> None:
    r = _report(
        tmp_path,
        [
            (
                "Chỉ số CCHC năm 2023 của UBND xã An Phú đạt tám mươi bảy (87,00) điểm trên tổng số 100 điểm, tỷ lệ "
                "87,00%, đứng thứ 5 trong số 22 đơn vị (tăng 2 hạng so với cùng kỳ năm 2022). Xếp loại: Tốt."
            ),
            "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023",
            "1. Công tác chỉ đạo, điều hành CCHC",
            "Lĩnh vực này bị trừ 1,5 điểm so với điểm tối đa 13 điểm, đạt tỷ lệ 88,46%. Đứng thứ 2 trong số 22 đơn vị.",
            "2. Cải cách thể chế",
            "Kết quả đạt 4,5 điểm trên tổng số 5 điểm (90,00%).",
            "3. Cải cách thủ tục hành chính",
            (
                "Lĩnh vực này đạt mười bảy phẩy năm (17,5) điểm trên tổng số 20 điểm, tỷ lệ 87,50%. Đứng thứ 15 "
                "trong số 22 đơn vị (giảm 3 hạng so với cùng kỳ)."
            ),
        ],
    )
    o = r.overall
    assert (o.score, o.max_score, o.percent, o.rank, o.rank_total, o.rank_change) == (87, 100, 87, 5, 22, 2)
    got = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total, c.rank_change) for c in r.criteria]
    assert got == [
        ("1", 11.5, 13, 88.46, 2, 22, None),
        ("2", 4.5, 5, 90, None, None, None),
        ("3", 17.5, 20, 87.5, 15, 22, -3),
    ]


@pytest.mark.parametrize("verb", ["giảm", "bị trừ"])
def test_points_compared_with_last_year_are_no_score(tmp_path: Path, verb: str) -> None:
    """Negative: "giảm 1,5 điểm so với năm 2022" is a change of score, "bị trừ 1,5 điểm so với năm 2022" names no
    maximum: the criterion keeps its percent and has no score."""
    r = _report(
        tmp_path,
        [
            "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023",
            "1. Công tác chỉ đạo, điều hành CCHC",
            f"Lĩnh vực này {verb} 1,5 điểm so với năm 2022, đạt tỷ lệ 88,46%.",
        ],
    )
    assert [(c.code, c.score, c.max_score, c.percent) for c in r.criteria] == [("1", None, None, 88.46)]


@pytest.mark.parametrize(
    ("score", "maximum", "percent", "repaired"),
    [
        (5.9, 6, 91.67, 5.5),  # a scanned row printing 5,5 and 91,67% read "5,9": 91,67% of 6 is 5,5
        (9.9, 11, 86.36, 9.5),  # "9,5" read as "9,9": 86,36% of 11 is 9,5
        (5.9, 6, 98.33, None),  # 5,9 of 6 is 98,33%: nothing to repair
        (5.9, 6, 83.33, None),  # 83,33% of 6 is 5, not one digit from 5,9: a wrong percent left for the checker
        (9.5, 12, 79.17, None),  # 79,17% of 12 is 9,5: consistent
    ],
)
def test_a_five_read_as_a_nine_is_restored_by_the_printed_percent(
    score: float, maximum: float, percent: float, repaired: float | None
) -> None:
    from cchc.extractors.numbers_ocr import score_from_percent

    assert score_from_percent(score, maximum, percent) == repaired


def _repair_findings(reason: str, ocr_pages: list[int]) -> list[tuple[str, str, str]]:
    from cchc.checker import run_rules
    from cchc.schemas.record import Evidence, Record, Repair, Source

    row = Evidence(page=1, line=24, text="4 | Cải cách tổ chức bộ máy hành chính nhà nước | 6 | 5,9 | 91,67")
    record = Record(
        source=Source(file="scan.pdf", sha256="0" * 64, format="pdf", ocr=bool(ocr_pages), ocr_pages=ocr_pages),
        repairs=[Repair(original="5,9/6", value="5,5/6", reason=reason, evidence=[row])],
    )
    return [(f.kind, f.severity, f.actual) for f in run_rules(record, select=["malformed_number"])]


def test_a_digit_ocr_misread_is_info_a_malformed_number_a_warning() -> None:
    from cchc.extractors.numbers_ocr import OCR_MISREAD_REASON

    misread = f"{OCR_MISREAD_REASON}: the printed 91,67% of 6 is 5,5"
    assert _repair_findings(misread, ocr_pages=[1]) == [("malformed_number", "info", "5,9/6")]
    # negatives: the same repair on a page not read by OCR, and a stray separator printed on a scanned page
    assert _repair_findings(misread, ocr_pages=[]) == [("malformed_number", "warning", "5,9/6")]
    assert _repair_findings("stray separator: '5,9, /6' read as 5,9/6", ocr_pages=[1]) == [
        ("malformed_number", "warning", "5,9/6")
    ]
