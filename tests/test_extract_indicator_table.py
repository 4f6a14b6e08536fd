"""Component indicators printed as a table under their criterion ("TT | Chỉ số thành phần | Điểm tối đa | Điểm đạt")."""

from __future__ import annotations

from pathlib import Path

import docx

from cchc.api import extract_file

HEAD = ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/BC-UBND", "An Bình, ngày 10 tháng 01 năm 2024", "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính năm 2023",
        "Chỉ số CCHC năm 2023 của UBND xã An Bình đạt 88,00% (88/100 điểm), xếp thứ 8/11 xã, thị trấn.",
        "I. KẾT QUẢ CỤ THỂ", "1. Công tác chỉ đạo, điều hành: 12,5/14 điểm, đạt tỷ lệ 89,29%.",
        "Kết quả các chỉ số thành phần:")
# criterion 1 lost 1,5 (12,5/14): its components lose 0,5 (1.2) and 1 (1.4)
ROWS = [("TT", "Chỉ số thành phần", "Điểm tối đa", "Điểm đạt"), ("1.1", "Kế hoạch CCHC năm", "2", "2"),
        ("1.2", "Báo cáo CCHC", "2", "1,5"), ("1.3", "Kiểm tra CCHC", "2", "2"), ("1.4", "Tuyên truyền CCHC", "2", "1"),
        ("1.5", "Sáng kiến CCHC", "3", "3"), ("1.6", "Đối thoại với người dân", "3", "3")]
TAIL = ("2. Cải cách thể chế: 5,5/6 điểm, đạt tỷ lệ 91,67%.",
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 của UBND xã An Bình./.")


def _report(path: Path, rows: list[tuple[str, ...]]) -> Path:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in TAIL:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_the_components_table_gives_each_indicator_its_score_and_maximum(tmp_path: Path) -> None:
    record = extract_file(_report(tmp_path / "an-binh.docx", ROWS))
    read = [(i.code, i.criterion, i.title, i.score, i.max_score) for i in record.indicators]
    assert read == [
        ("1.1", "1", "Kế hoạch CCHC năm", 2, 2), ("1.2", "1", "Báo cáo CCHC", 1.5, 2), ("1.3", "1", "Kiểm tra CCHC", 2, 2),
        ("1.4", "1", "Tuyên truyền CCHC", 1, 2), ("1.5", "1", "Sáng kiến CCHC", 3, 3),
        ("1.6", "1", "Đối thoại với người dân", 3, 3),
    ]  # fmt: skip
    assert [(c.code, c.score) for c in record.criteria] == [("1", 12.5), ("2", 5.5)]  # no row read as a criterion
    assert not [f for f in record.findings if f.severity != "info"]


def test_components_that_lost_more_than_their_criterion_are_a_deduction_mismatch(tmp_path: Path) -> None:
    rows = [row if row[0] != "1.4" else ("1.4", "Tuyên truyền CCHC", "2", "0,5") for row in ROWS]  # 2 lost in all
    record = extract_file(_report(tmp_path / "an-binh.docx", rows))
    found = [(f.kind, f.subject, f.expected, f.actual) for f in record.findings if f.severity != "info"]
    assert found == [("deduction_mismatch", "1", 1.5, 2.0)]


def test_the_code_in_the_title_cell(tmp_path: Path) -> None:
    rows = [("TT", "Chỉ số thành phần", "Điểm tối đa", "Điểm đạt"), ("1", "1.1. Kế hoạch CCHC năm", "2", "2"),
            ("2", "1.2. Báo cáo CCHC", "2", "1,5")]
    record = extract_file(_report(tmp_path / "an-binh.docx", rows))
    assert [(i.code, i.title, i.score, i.max_score) for i in record.indicators] == [
        ("1.1", "Kế hoạch CCHC năm", 2, 2), ("1.2", "Báo cáo CCHC", 1.5, 2),
    ]
