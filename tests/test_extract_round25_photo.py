"""A report photographed with a phone on a desk (held-out round 25, issue 11): the sheet lies in perspective and a
little turned, the desk darker around it, so a ruled table's rules are not straight and no table was found. The
sheet's corners are found against the desk and the sheet warped upright before anything is read. A scan (its paper
fills the image) and a photograph already square to the frame are left as they are.

The photographs are made here: the report drawn with reportlab in DejaVu Serif, rendered at 200 dpi, then warped
onto a grey desk with a perspective of our own (numpy solves the eight coefficients PIL's PERSPECTIVE takes)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from cchc.api import extract_file
from cchc.extractors.readers.deskew import paper_corners
from cchc.extractors.readers.ocr import ocr_available
from tests.test_extract_round17_layout import _report_with_table_page
from tests.test_extract_round18_scan import CRITERIA, DPI, _scan_pages


def _on_desk(page: Image.Image, quad: list[tuple[float, float]], size: tuple[int, int]) -> Image.Image:
    """``page`` laid on a grey desk of ``size`` with its corners at ``quad`` (top left, top right, bottom right,
    bottom left)."""
    w, h = page.size
    rows, rhs = [], []
    for (u, v), (x, y) in zip(quad, [(0, 0), (w, 0), (w, h), (0, h)], strict=True):  # desk (u, v) -> page (x, y)
        rows += [[u, v, 1, 0, 0, 0, -u * x, -v * x], [0, 0, 0, u, v, 1, -u * y, -v * y]]
        rhs += [x, y]
    coeffs = np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))
    warped = page.transform(size, Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC, fillcolor=0)
    mask = Image.new("L", page.size, 255).transform(size, Image.Transform.PERSPECTIVE, tuple(coeffs), fillcolor=0)
    desk = Image.new("L", size, 85)
    desk.paste(warped, (0, 0), mask)
    # the light falls unevenly: the sheet's far corner a third darker than the near one
    x, y = np.meshgrid(np.linspace(0.67, 1.0, size[0]), np.linspace(0.8, 1.0, size[1]))
    return Image.fromarray((np.asarray(desk, dtype=float) * x * y).astype(np.uint8), mode="L")


def _photographed(page: Image.Image) -> Image.Image:
    w, h = page.size
    size = (round(w * 1.12), round(h * 1.1))
    return _on_desk(page, [(0.1 * w, 0.06 * h), (1.05 * w, 0.075 * h), (1.01 * w, 1.04 * h), (0.04 * w, 1.02 * h)], size)


def test_a_photographed_criteria_table_gives_the_criteria(tmp_path: Path) -> None:
    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"
    pages = [_photographed(p) for p in _scan_pages(_report_with_table_page(tmp_path / "vector.pdf", turned=False))]
    photo = tmp_path / "an-phu-2023-photo.pdf"
    pages[0].save(photo, "PDF", resolution=float(DPI), save_all=True, append_images=pages[1:])
    record = extract_file(photo)
    got = {c.code: (c.score, c.max_score, c.percent) for c in record.criteria}
    assert {code: got.get(code) for code, *_ in CRITERIA} == {code: (s, m, p) for code, s, m, p in CRITERIA}
    assert "page 2: a photographed sheet, its perspective straightened" in record.source.warnings
    # the text around the table, on paper the light left grey (drawn in round 17's report)
    assert (record.meta.unit_name, record.meta.doc_number, record.overall.score) == ("An Phú", "15/BC-UBND", 83.5)


def test_the_corners_are_found_only_on_a_photograph_in_perspective(tmp_path: Path) -> None:
    (page,) = _scan_pages(_report_with_table_page(tmp_path / "v.pdf", turned=False))[1:2]
    w, h = page.size
    corners = paper_corners(_photographed(page))
    assert corners is not None
    expected = [(0.1 * w, 0.06 * h), (1.05 * w, 0.075 * h), (1.01 * w, 1.04 * h), (0.04 * w, 1.02 * h)]
    assert all(abs(x - ex) < 0.02 * w and abs(y - ey) < 0.02 * h for (x, y), (ex, ey) in zip(corners, expected, strict=True))
    assert paper_corners(page) is None  # a scan: the paper fills the image
    square = _on_desk(page, [(0.05 * w, 0.05 * h), (1.05 * w, 0.05 * h), (1.05 * w, 1.05 * h), (0.05 * w, 1.05 * h)],
                      (round(w * 1.1), round(h * 1.1)))  # fmt: skip
    assert paper_corners(square) is None  # a photograph square to the frame: nothing to straighten
