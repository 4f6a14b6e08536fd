"""A PDF whose body is drawn letter-spaced (a wide character spacing, Tc, on every line; held-out round 24, issue
11): a short line wrapped alone ("0,5/2 điểm.") is too short to show its own tracking, and was read "0 , 5 / 2 đ i ể
m ." with a false malformed_number. It takes the tracking the page's long lines show, when its own gaps are all as
wide; a line of a PDF drawn without tracking is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from cchc.api import check_record, extract_file
from cchc.extractors.readers.pdf import read_pdf
from tests.pdf_factory import MARGIN_L, PAGE_H, SERIF

LINES = [
    "- Mục 1.6 (Đối thoại của lãnh đạo xã với người dân, doanh nghiệp): chưa cập nhật kịp thời lên phần mềm",
    "chấm điểm, đạt",
    "0,5/2 điểm.",
    "- Mục 1.7 (Cải cách hành chính): thực hiện đầy đủ, đúng quy định, đạt 2/2 điểm.",
]


def _pdf(path: Path, char_space: float) -> Path:
    c = canvas.Canvas(str(path))
    text = c.beginText(MARGIN_L, PAGE_H - 80)
    text.setFont(SERIF, 11)
    text.setCharSpace(char_space)
    for line in LINES:
        text.textLine(line)
    c.drawText(text)
    c.save()
    return path


@pytest.mark.parametrize("char_space", [0.0, 1.2, 2.0])
def test_a_short_line_of_a_letter_spaced_body_is_read_whole(tmp_path: Path, char_space: float) -> None:
    text = " ".join(b.text for b in read_pdf(_pdf(tmp_path / "spaced.pdf", char_space)).blocks)
    assert "chấm điểm, đạt 0,5/2 điểm." in text
    assert "thực hiện đầy đủ, đúng quy định, đạt 2/2 điểm." in text


def test_no_malformed_number_from_the_spacing(tmp_path: Path) -> None:
    record = extract_file(_pdf(tmp_path / "spaced.pdf", 2.0))
    assert not [f for f in check_record(record) if f.kind == "malformed_number"]
