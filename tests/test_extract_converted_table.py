"""A criteria table that a PDF-to-Word converter wrote as a paragraph per cell, with group rows (issue 11).

A lone small number between long lines is dropped as a page number; a row's number after a group row
("IV" / "Nhóm chỉ số về tài chính công và chính quyền điện tử, chính quyền số" / "6" / "Cải cách tài chính
công" / "7" / "6" / "85.71") is a cell and is kept. Values are read from the cells built here.
"""

from __future__ import annotations

from pathlib import Path

import docx

from cchc.extractors.readers.docx import read_docx

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "minh-duc-2022.txt"
CELLS = [
    "IV", "Nhóm chỉ số về tài chính công và chính quyền điện tử, chính quyền số", "6", "Cải cách tài chính công",
    "7", "6", "85.71", "Bị trừ 1 điểm",
]  # fmt: skip
PROSE = [
    "Công tác tuyên truyền về cải cách hành chính được thực hiện thường xuyên, bằng nhiều hình thức khác",
    "6",
    "nhau, phù hợp với điều kiện thực tế của địa phương và nhu cầu của người dân trên địa bàn xã.",
]


def _converted(path: Path, inserted: list[str]) -> Path:
    """The sample's printed lines a paragraph each (as a converter writes them), ``inserted`` after "Căn cứ …"."""
    lines = [line.strip() for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    at = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ")) + 1
    document = docx.Document()
    for line in [*lines[:at], *inserted, *lines[at:]]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_row_number_after_a_group_row_is_kept(tmp_path: Path) -> None:
    text = " ".join(b.text for b in read_docx(_converted(tmp_path / "cells.docx", CELLS)).blocks)
    assert "chính quyền số 6 Cải cách tài chính công 7 6 85.71" in text


def test_a_page_number_between_prose_lines_is_still_dropped(tmp_path: Path) -> None:
    text = " ".join(b.text for b in read_docx(_converted(tmp_path / "prose.docx", PROSE)).blocks)
    assert "khác nhau, phù hợp" in text
    assert " 6 nhau" not in text
