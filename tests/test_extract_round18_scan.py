"""Scans first met in held-out round 18 (issue 11): a page whose image holds the criteria table turned a quarter
(a landscape page fed portrait; a table drawn turned on a portrait page, then printed and scanned), between upright
pages. The page is found by a cheap test of its ink, confirmed by Tesseract's orientation detection, and read in its
own orientation, its table as a table; upright pages (prose, a ruled table, little text, a skewed fax, two columns)
are never turned and never shown to the orientation detection.

The scans are made here: the reports drawn with reportlab in DejaVu Serif (the font the Makefile installs),
rasterised at 200 dpi with pypdfium2, grey paper (239, ink 14), saved as image-only PDFs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers.deskew import may_lie_turned
from cchc.extractors.readers.ocr import ocr_available, ocr_pages, page_turn, upright_page
from tests.pdf_factory import ReportPdf
from tests.test_extract_round16_layout import LEFT, RIGHT, _two_column_pdf
from tests.test_extract_round17_layout import CRITERIA_TABLE, _report_with_table_page
from tests.test_reader_ocr_skew import draw_report

DPI = 200
SCALE = DPI / 72
# read from CRITERIA_TABLE (round 17's table): (criterion, score, maximum, percent)
CRITERIA = [("1", 12.0, 13.0, 92.31), ("2", 5.0, 5.0, 100.0), ("3", 17.5, 19.0, 92.11), ("4", 5.0, 6.0, 83.33),
            ("5", 9.5, 10.0, 95.0)]  # fmt: skip


def _scan_pages(vector: Path, fed_portrait: bool = False, dpi: int = DPI) -> list[Image.Image]:
    """Every page of the PDF printed and scanned at ``dpi`` (200) on grey paper; a landscape page ``fed_portrait``
    is scanned as a portrait image, its text running top to bottom."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(vector))
    images = [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))]
    document.close()
    if fed_portrait:
        images = [im.transpose(Image.Transpose.ROTATE_270) if im.width > im.height else im for im in images]
    return [im.point(lambda v: 14 + v * 225 // 255) for im in images]  # paper 239, ink 14


def _save_scan(images: list[Image.Image], path: Path) -> tuple[Path, list[Image.Image]]:
    images[0].save(path, "PDF", resolution=float(DPI), save_all=True, append_images=images[1:])
    return path, images


Scans = dict[str, tuple[Path, list[Image.Image]]]


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Scans:
    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"
    folder = tmp_path_factory.mktemp("round18-scan")
    drawn = _report_with_table_page(folder / "drawn.pdf", turned=True)
    landscape = _report_with_table_page(folder / "landscape.pdf", turned=False, landscape=True)
    return {
        "drawn turned": _save_scan(_scan_pages(drawn), folder / "an-phu-2023-scan.pdf"),
        "landscape fed portrait": _save_scan(
            _scan_pages(landscape, fed_portrait=True), folder / "an-phu-2023-portrait-scan.pdf"
        ),
    }


@pytest.mark.parametrize(
    ("form", "note"),
    [
        ("drawn turned", "page 2: read turned a quarter clockwise (its text ran bottom to top)"),
        (
            "landscape fed portrait",
            "page 2: read turned a quarter counter-clockwise (its text ran top to bottom)",
        ),
    ],
)
def test_a_scanned_page_with_the_table_turned_a_quarter_gives_the_criteria(
    scans: Scans, form: str, note: str
) -> None:
    path, images = scans[form]
    assert all(im.height > im.width for im in images)  # every page of the scan is a portrait image
    record = extract_file(path)
    assert record.source.ocr
    assert [(c.code, c.score, c.max_score, c.percent) for c in record.criteria] == CRITERIA
    # the upright pages around it read as before: the overall on page 1, the shortcomings on page 3
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (83.5, 3, 12)
    assert [w for w in record.source.warnings if "turned a quarter" in w] == [note]


def test_the_turned_page_is_read_as_a_table_and_the_pages_around_it_as_prose(scans: Scans) -> None:
    warnings: list[str] = []
    pages = ocr_pages(scans["drawn turned"][0], [1, 2, 3], warnings=warnings)
    table = [b for b in pages[1] if b.kind == BlockKind.TABLE]
    assert len(table) == 1
    rows = [row.split(" | ") for row in table[0].text.split("\n")]
    assert rows[1:] == CRITERIA_TABLE[1:]
    assert not any(b.kind == BlockKind.TABLE for b in pages[0] + pages[2])
    assert any("TỒN TẠI, HẠN CHẾ" in b.text for b in pages[2])
    assert [w for w in warnings if "turned a quarter" in w] == [
        "page 2: read turned a quarter clockwise (its text ran bottom to top)"
    ]


def test_the_turned_page_passes_the_ink_test_and_the_orientation_detection_tells_either_way(
    scans: Scans, upright: dict[str, Image.Image]
) -> None:
    up = scans["drawn turned"][1][1]  # page 2: its text runs bottom to top
    down = up.transpose(Image.Transpose.ROTATE_180)  # its text runs top to bottom
    assert may_lie_turned(up, DPI) and may_lie_turned(down, DPI)
    assert (page_turn(up, SCALE, 60.0), page_turn(down, SCALE, 60.0)) == (90, 270)
    assert page_turn(upright["table"], SCALE, 60.0) == 0  # upright, had it passed the ink test


def test_without_the_orientation_model_a_turned_page_is_read_as_it_lies_and_said_so(
    scans: Scans, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc.extractors.readers import ocr

    monkeypatch.setattr(ocr, "tesseract_languages", lambda: frozenset({"eng", "vie"}))  # no osd.traineddata
    turned = scans["drawn turned"][1][1]
    notes: list[str] = []
    assert upright_page(turned, SCALE, 60.0, 2, notes) is turned
    assert notes == ["page 2: may lie turned a quarter; install tesseract-ocr-osd to read it upright"]


# -- negatives: upright pages are never turned, nor shown to the orientation detection ------------------------------
def _page(vector: Path) -> Image.Image:
    return _scan_pages(vector)[0]


def _fax(image: Image.Image) -> Image.Image:
    """A fax of the page: turned 1.5 degrees, 100 dpi across the lines, black and white."""
    turned = image.rotate(1.5, resample=Image.Resampling.BICUBIC, fillcolor=239)
    coarse = turned.resize((turned.width, turned.height // 2)).resize(turned.size)
    return coarse.point(lambda v: 0 if v < 128 else 255)


def _little_text(path: Path) -> Path:
    pdf = ReportPdf(path)
    pdf.paragraph("Trang này để trống.", indent=0.0)
    return pdf.save()


@pytest.fixture(scope="module")
def upright(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Image.Image]:
    folder = tmp_path_factory.mktemp("round18-upright")
    prose = _page(draw_report(folder / "prose.pdf", table=False))
    return {
        "prose": prose,
        "table": _page(draw_report(folder / "table.pdf")),
        "little text": _page(_little_text(folder / "little.pdf")),
        "skewed fax": _fax(prose),
        "report's first page": _page(_report_with_table_page(folder / "report.pdf", turned=False)),
        "two columns": _page(_two_column_pdf(folder / "columns.pdf", LEFT * 3, RIGHT * 3)),
    }


@pytest.mark.parametrize(
    "page", ["prose", "table", "little text", "skewed fax", "report's first page", "two columns"]
)
def test_an_upright_page_is_not_turned_nor_shown_to_the_orientation_detection(
    upright: dict[str, Image.Image], page: str
) -> None:
    image = upright[page]
    assert not may_lie_turned(image, DPI)
    notes: list[str] = []
    assert upright_page(image, SCALE, 60.0, 1, notes) is image and notes == []


def test_a_blank_page_is_not_turned() -> None:
    assert not may_lie_turned(Image.new("L", (1654, 2339), 239), DPI)
