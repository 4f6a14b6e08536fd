"""The overall stated first as a summary's label lines (a text box or a box of "Kết quả nổi bật" at the top: "Tổng
điểm: 91,50/100 điểm" / "Xếp thứ 6/24 xã, thị trấn"), then whole in a sentence with its percent and change (held-out
round 22, issue 11): what the summary leaves unstated is read from the sentence of the same score. A later statement
of another score or of another ranking fills nothing."""

from __future__ import annotations

from pathlib import Path

from docx import Document as Docx

from cchc.api import extract_file

HEADER = """ỦY BAN NHÂN DÂN
XÃ NGHĨA LẠC
Số: 07/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghĩa Lạc, ngày 16 tháng 01 năm 2024
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2023
KẾT QUẢ CHỈ SỐ CCHC NĂM 2023
Tổng điểm: 91,50/100 điểm
Xếp thứ 6/24 xã, thị trấn
"""
WHOLE = (
    "UBND xã Nghĩa Lạc được UBND huyện chấm điểm đạt 91,50/100 điểm (đạt tỷ lệ 91,50% chỉ số tổng hợp), xếp thứ 6/24"
    " xã, thị trấn (tụt 1 bậc so với năm 2022) và được xếp loại Tốt.\n"
)


def _overall(tmp_path: Path, body: str) -> tuple[object, ...]:
    """The report as a DOCX, a paragraph a line (a text file would run the summary's lines into one paragraph)."""
    doc = Docx()
    for line in (HEADER + body).splitlines():
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "nghia-lac-2023.docx"))
    o = extract_file(tmp_path / "nghia-lac-2023.docx").overall
    return o.score, o.percent, o.rank, o.rank_total, o.rank_change, o.classification


def test_the_sentence_after_a_summary_gives_its_percent_change_and_grade(tmp_path: Path) -> None:
    assert _overall(tmp_path, WHOLE) == (91.5, 91.5, 6, 24, -1, "Tốt")


def test_last_years_result_after_the_summary_fills_nothing(tmp_path: Path) -> None:
    last_year = "Năm 2022, UBND xã đạt 90,00/100 điểm (đạt tỷ lệ 90,00%), xếp thứ 5/24, tăng 2 bậc.\n"
    assert _overall(tmp_path, last_year) == (91.5, None, 6, 24, None, None)


def test_the_same_score_in_another_ranking_gives_no_change(tmp_path: Path) -> None:
    group = "Trong nhóm các xã miền núi, xã đạt 91,50/100 điểm, xếp thứ 2/9 (tăng 1 bậc).\n"
    assert _overall(tmp_path, group) == (91.5, None, 6, 24, None, None)
