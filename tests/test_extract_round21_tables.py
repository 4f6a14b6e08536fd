"""Criteria tables in forms the held-out rounds had not brought (issue 11, written after round 21): a table typed
with pipes in a text or Markdown file (as plain-text exports and web forms write one), and a criteria table in the
framework's order whose titles are worded unlike the framework's ("đội ngũ CBCC") or share a word with another
criterion ("Khảo sát sự hài lòng" as criterion 9): each row is placed by its number. Negative examples beside."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as Docx

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers.text import read_text

HEADER = """ỦY BAN NHÂN DÂN
XÃ YÊN THẮNG
Số: 12/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Thắng, ngày 10 tháng 01 năm 2023
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2022
Năm 2022, UBND xã Yên Thắng đạt 91,50/100 điểm, xếp thứ 5/17 xã, thị trấn của huyện Yên Mô.
Kết quả cụ thể từng lĩnh vực như sau:
"""
# (STT, title as a clerk typed it, maximum, score, percent), the total row last
ROWS = [
    ("1", "Công tác chỉ đạo, điều hành CCHC", "13", "12", "92,31"),
    ("2", "Xây dựng và tổ chức thực hiện văn bản QPPL", "5", "4,5", "90,00"),
    ("3", "Cải cách thủ tục hành chính", "20", "18", "90,00"),
    ("4", "Cải cách tổ chức bộ máy hành chính", "6", "5,5", "91,67"),
    ("5", "Xây dựng và nâng cao chất lượng đội ngũ CBCC", "11", "10", "90,91"),
    ("6", "Cải cách tài chính công", "6", "5,5", "91,67"),
    ("7", "Xây dựng chính quyền điện tử, chính quyền số", "12", "11,5", "95,83"),
    ("8", "Tác động của CCHC đến phát triển KT-XH", "3", "2,5", "83,33"),
    ("9", "Khảo sát sự hài lòng của tổ chức", "12", "11", "91,67"),
    ("10", "Khảo sát sự hài lòng của người dân", "12", "11,5", "95,83"),
]
COLUMNS = ("STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)")
TOTAL = ("", "Tổng cộng", "100", "91,5", "91,50")
# what a reader of the table reads: code -> (score, maximum, percent)
EXPECTED = {no: (float(sc.replace(",", ".")), float(mx), float(pct.replace(",", "."))) for no, _, mx, sc, pct in ROWS}


def _criteria(record: object) -> dict[str, tuple[float | None, float | None, float | None]]:
    return {c.code: (c.score, c.max_score, c.percent) for c in record.criteria}  # type: ignore[attr-defined]


def _markdown(rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|---|---|---:|---:|---:|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows]) + "\n"


def _grid(rows: list[tuple[str, ...]]) -> str:
    rule = "+-----+----------------------------------------------+------+------+--------+"
    lines = [rule, "| " + " | ".join(COLUMNS) + " |", rule.replace("-", "=")]
    for r in rows:
        lines += ["| " + " | ".join(r) + " |", rule]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("typed", "suffix"), [(_markdown, ".md"), (_grid, ".txt")], ids=["markdown", "grid"])
def test_a_table_typed_with_pipes_gives_every_criterion(tmp_path: Path, typed: object, suffix: str) -> None:
    path = tmp_path / f"yen-thang-2022{suffix}"
    path.write_text(HEADER + typed([*ROWS, TOTAL]) + "Nơi nhận:\n- Lưu: VT.\n", encoding="utf-8")  # type: ignore[operator]
    record = extract_file(path)
    assert _criteria(record) == EXPECTED
    assert record.overall.score == 91.5
    table = next(b for b in read_text(path).blocks if b.kind is BlockKind.TABLE)
    assert table.rows is not None and table.rows[0] == list(COLUMNS) and table.rows[-1] == list(TOTAL)
    # the fifth criterion's row: its own line of the file
    typed_lines = typed([*ROWS, TOTAL]).splitlines()  # type: ignore[operator]
    row5 = HEADER.count("\n") + 1 + next(i for i, line in enumerate(typed_lines) if line.startswith("| 5 |"))
    assert any(p.line == row5 for offset, p in table.lines if table.text[offset:].startswith("5 | Xây dựng"))


def test_pipes_in_prose_make_no_table(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(HEADER + "Kết quả | đạt 91,50/100 điểm.\n| Ghi chú |\n", encoding="utf-8")
    assert all(b.kind is not BlockKind.TABLE for b in read_text(path).blocks)


def _docx_table(path: Path, rows: list[tuple[str, ...]]) -> Path:
    doc = Docx()
    for line in HEADER.splitlines():
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(rows) + 1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for i, row in enumerate([COLUMNS, *rows]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    doc.save(str(path))
    return path


def test_a_table_in_the_frameworks_order_places_each_row_by_its_number(tmp_path: Path) -> None:
    record = extract_file(_docx_table(tmp_path / "yen-thang-2022.docx", [*ROWS, TOTAL]))
    assert _criteria(record) == EXPECTED
    assert [c.title for c in record.criteria][4] == "Xây dựng và nâng cao chất lượng đội ngũ CBCC"


def test_a_table_of_some_criteria_numbered_in_its_own_order_is_placed_by_titles(tmp_path: Path) -> None:
    """The criteria that lost points, numbered 1, 2, 3 in the table: their titles say which they are."""
    lost = [
        ("1", "Cải cách thể chế", "5", "4,5", "90,00"),
        ("2", "Cải cách chế độ công vụ", "11", "10", "90,91"),
        ("3", "Cải cách tài chính công", "6", "5,5", "91,67"),
    ]
    record = extract_file(_docx_table(tmp_path / "lost.docx", lost))
    assert _criteria(record) == {"2": (4.5, 5.0, 90.0), "5": (10.0, 11.0, 90.91), "6": (5.5, 6.0, 91.67)}
