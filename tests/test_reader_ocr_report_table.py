"""A scanned report with a ruled criteria table: the OCR reader's table block gives the criteria the
digital PDF gives (samples/dong-hoa-2023.pdf, rasterised at 200 dpi and blurred, no text layer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers import read_document
from cchc.extractors.readers.ocr import ocr_available

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "dong-hoa-2023.pdf"
OCR_ONLY_KINDS = {"malformed_number", "numbering_gap"}  # info on what OCR repaired or may have misread


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"
    out = tmp_path_factory.mktemp("scan") / "dong-hoa-scan.pdf"
    pdf = pdfium.PdfDocument(str(SAMPLE))
    pages = [
        pdf[i].render(scale=200 / 72).to_pil().convert("L").filter(ImageFilter.GaussianBlur(0.6))
        for i in range(len(pdf))
    ]
    pdf.close()
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=200)
    return out


def test_the_criteria_table_is_a_table_block_like_the_digital_one(scan: Path) -> None:
    scanned = [b for b in read_document(scan).blocks if b.kind is BlockKind.TABLE]
    digital = [b for b in read_document(SAMPLE).blocks if b.kind is BlockKind.TABLE]
    assert len(scanned) == len(digital) == 1
    assert len(scanned[0].rows or []) == len(digital[0].rows or [])
    assert [row[1] for row in scanned[0].rows or []][1:] == [row[1] for row in digital[0].rows or []][
        1:
    ]  # the titles
    assert scanned[0].prov.page == digital[0].prov.page and scanned[0].prov.bbox is not None


def test_scanned_report_extracts_the_criteria_of_the_digital_one(scan: Path) -> None:
    scanned, digital = extract_file(scan), extract_file(SAMPLE)
    assert scanned.source.ocr and scanned.overall is not None and digital.overall is not None
    assert scanned.overall.score == digital.overall.score
    fields = ("code", "score", "max_score", "percent", "rank", "rank_total")
    assert [tuple(getattr(c, f) for f in fields) for c in scanned.criteria] == [
        tuple(getattr(c, f) for f in fields) for c in digital.criteria
    ]
    assert {f.kind for f in scanned.findings} - OCR_ONLY_KINDS == {f.kind for f in digital.findings}
