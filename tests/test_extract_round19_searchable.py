"""Round 19: "searchable" scans, page images with the scanner software's OCR as an invisible text layer.

The PDFs are built here: a page image drawn with Pillow (DejaVu Serif, the words a person reads) and over it, in
text render mode 3 (invisible), the layer scanner software set to English makes of the same words (tone marks
lost, "tỷ lệ" read "ty 1é"), or under it a visible layer the image hides. The reader must take the image's words
(our OCR), say so in the warnings, and never OCR a digital PDF whatever images it has.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from cchc.extractors.legacy_fonts import vietnamese_share
from cchc.extractors.readers import read_document
from cchc.extractors.readers.ocr import ocr_available
from cchc.extractors.readers.pdf import read_pdf
from cchc.settings import DEFAULT_SETTINGS
from tests.pdf_factory import FONT_DIR, SERIF

PAGE_W, PAGE_H = A4
DPI = 200
SCALE = DPI / 72
# What the page shows, and what a scanner's English OCR made of it (the kind of misreading round 19's layers hold).
SHOWN = [
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2022",
    "UBND xã Tân Lập được chấm điểm đạt 88,50/100 điểm, tỷ lệ 88,50%.",
    "1. Về cải cách thể chế: 5,5/6 điểm, đạt tỷ lệ 91,67%.",
]
ENGLISH_LAYER = [
    "BAO CAO",
    "Két qua thuc hién céng tac cai cach hanh chinh nam 2022",
    "UBND x4 Tan Lap dugc cham diém dat 88,50/100 diém, ty 1é 86,50%.",
    "1. Vé cai cach thé ché: 5,5/6 diém, dat ty 1é 91,67%.",
]
needs_ocr = pytest.mark.skipif(not ocr_available("vie"), reason="needs tesseract-ocr-vie, which `make setup` installs")


def _page_image(lines: list[str]) -> Image.Image:
    """A clean scanned page: black text on white at DPI, one line every 26 pt from 80 pt down."""
    image = Image.new("L", (round(PAGE_W * SCALE), round(PAGE_H * SCALE)), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_DIR / f"{SERIF}.ttf"), round(13 * SCALE))
    for k, text in enumerate(lines):
        draw.text((70 * SCALE, (80 + 26 * k) * SCALE), text, fill=10, font=font)
    return image


def _layer(c: canvas.Canvas, lines: list[str], mode: int) -> None:
    """Text in render ``mode`` where the image's lines are (reportlab's y runs up from the bottom)."""
    for k, text in enumerate(lines):
        t = c.beginText(70, PAGE_H - (80 + 26 * k) - 12)
        t.setFont(SERIF, 13)
        t.setTextRenderMode(mode)
        t.textLine(text)
        c.drawText(t)


def _searchable(path: Path, layer: list[str], *, under: bool = False, form: bool = False, mode: int = 3) -> Path:
    """A one-page searchable scan: the page image and an invisible layer over it (or a visible one under it); with
    ``form`` the layer is a form XObject drawn over the page, as OCRmyPDF grafts it."""
    c = canvas.Canvas(str(path), pagesize=A4)
    if under:
        _layer(c, layer, 0)
    c.drawImage(ImageReader(_page_image(SHOWN)), 0, 0, PAGE_W, PAGE_H)
    if form:
        c.beginForm("ocr-layer")
        _layer(c, layer, mode)
        c.endForm()
        c.doForm("ocr-layer")
    elif not under:
        _layer(c, layer, mode)
    c.showPage()
    c.save()
    return path


def _text(doc: object) -> str:
    return "\n".join(b.text for b in doc.blocks)  # type: ignore[attr-defined]


# -- the layer's language --------------------------------------------------------------------------
def test_vietnamese_share_tells_a_vietnamese_layer_from_one_ocrd_in_english() -> None:
    assert vietnamese_share(" ".join(SHOWN)) > 0.6
    assert vietnamese_share(" ".join(ENGLISH_LAYER)) < 0.25
    # round 19's English layers, as printed there: "é"/"ô" make some words look marked, few are syllables
    assert vietnamese_share("Can ctr Quyét dinh s6 740/QD-UBND ngay 08/01/2023 cua UBND huyén Kréng Bong") < 0.25
    assert vietnamese_share("") == 0.0
    assert vietnamese_share("2022 88,50% 5,5/6") == 0.0  # numbers are not words


# -- searchable scans are read by OCR ---------------------------------------------------------------
@needs_ocr
def test_an_english_ocr_layer_is_replaced_by_our_ocr(tmp_path: Path) -> None:
    doc = read_pdf(_searchable(tmp_path / "searchable.pdf", ENGLISH_LAYER))
    text = _text(doc)
    assert doc.ocr_pages == [1]
    assert "Kết quả thực hiện công tác cải cách hành chính năm 2022" in text
    assert "88,50%" in text and "86,50%" not in text  # the image's percent, not the layer's misreading
    assert "tỷ lệ 91,67%" in text
    assert "ty 1é" not in text
    warning = next(w for w in doc.warnings if "searchable scan" in w)
    assert warning.startswith("page 1:") and "read by OCR instead of its text layer" in warning


@needs_ocr
def test_a_vietnamese_layer_is_replaced_too_and_the_warning_says_it_read_as_vietnamese(tmp_path: Path) -> None:
    doc = read_pdf(_searchable(tmp_path / "searchable-vie.pdf", SHOWN))
    assert doc.ocr_pages == [1]
    assert "đạt 88,50/100 điểm" in _text(doc)
    warning = next(w for w in doc.warnings if "searchable scan" in w)
    assert "read as Vietnamese" in warning and "read by OCR" in warning


@needs_ocr
def test_a_layer_drawn_under_the_page_image_is_hidden_as_well(tmp_path: Path) -> None:
    doc = read_document(_searchable(tmp_path / "under.pdf", ENGLISH_LAYER, under=True))
    assert doc.ocr_pages == [1]
    assert "Về cải cách thể chế: 5,5/6 điểm" in _text(doc)


@needs_ocr
@pytest.mark.parametrize(("form", "mode"), [(True, 3), (False, 7)], ids=["layer in a form XObject", "clip mode 7"])
def test_other_invisible_layers_are_recognised(tmp_path: Path, form: bool, mode: int) -> None:
    doc = read_pdf(_searchable(tmp_path / "other.pdf", ENGLISH_LAYER, form=form, mode=mode))
    assert doc.ocr_pages == [1]
    assert "được chấm điểm đạt 88,50/100 điểm" in _text(doc)


def test_a_visible_layer_in_a_form_over_a_page_image_is_read_as_text(tmp_path: Path) -> None:
    doc = read_pdf(_searchable(tmp_path / "visible-form.pdf", ENGLISH_LAYER, form=True, mode=0))
    assert doc.ocr_pages == []
    assert "ty 1é 86,50%" in _text(doc)  # visible text is what the page shows: read as it is


def test_without_ocr_the_layer_is_kept_and_the_warning_says_it_is_not_vietnamese(tmp_path: Path) -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS, ocr=False)
    doc = read_pdf(_searchable(tmp_path / "no-ocr.pdf", ENGLISH_LAYER), settings)
    assert doc.ocr_pages == []
    assert "ty 1é 86,50%" in _text(doc)  # the layer as it is: nothing lost in silence
    assert any("does not read as Vietnamese" in w and "values may be misread" in w for w in doc.warnings)


def test_a_page_turned_by_its_rotate_entry_is_still_covered_by_its_image(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)  # /Rotate 90: the viewer shows the page landscape, the image still covers its media box
    c.drawImage(ImageReader(_page_image(SHOWN)), 0, 0, PAGE_W, PAGE_H)
    _layer(c, ENGLISH_LAYER, 3)
    c.showPage()
    c.save()
    doc = read_pdf(path, dataclasses.replace(DEFAULT_SETTINGS, ocr=False))
    assert any("searchable scan" in w and "does not read as Vietnamese" in w for w in doc.warnings)


def test_without_ocr_a_vietnamese_layer_is_read_with_a_plain_note(tmp_path: Path) -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS, ocr=False)
    doc = read_pdf(_searchable(tmp_path / "no-ocr-vie.pdf", SHOWN), settings)
    assert "tỷ lệ 88,50%" in _text(doc)
    assert any("read from its invisible text layer" in w for w in doc.warnings)
    assert not any("does not read as Vietnamese" in w for w in doc.warnings)


# -- negatives: digital PDFs are never OCR'd ----------------------------------------------------------
def _digital(path: Path, *, image: tuple[float, float, float, float] | None, mode: int = 0) -> Path:
    """Visible text (or text in ``mode``) with an image at (x, y, w, h): a logo, a seal, or a page background."""
    c = canvas.Canvas(str(path), pagesize=A4)
    if image is not None:
        logo = Image.new("L", (200, 200), 200)
        ImageDraw.Draw(logo).ellipse((20, 20, 180, 180), outline=0, width=8)
        c.drawImage(ImageReader(logo), *image)
    _layer(c, SHOWN, mode)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize(
    "image",
    [None, (400, 650, 120, 120), (0, 0, PAGE_W, PAGE_H)],
    ids=["no image", "a seal", "a page-sized background under visible text"],
)
def test_a_digital_pdf_is_read_from_its_text_whatever_images_it_has(tmp_path: Path, image: tuple | None) -> None:
    doc = read_pdf(_digital(tmp_path / "digital.pdf", image=image))
    assert doc.ocr_pages == []
    assert "UBND xã Tân Lập được chấm điểm đạt 88,50/100 điểm, tỷ lệ 88,50%." in _text(doc)
    assert not any("searchable" in w for w in doc.warnings)


def test_invisible_text_without_a_page_image_is_not_a_searchable_scan(tmp_path: Path) -> None:
    doc = read_pdf(_digital(tmp_path / "invisible.pdf", image=(400, 650, 120, 120), mode=3))
    assert doc.ocr_pages == []
    assert not any("searchable" in w for w in doc.warnings)
