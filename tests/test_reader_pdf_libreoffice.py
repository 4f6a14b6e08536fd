"""PDFs exported by LibreOffice from the sample DOCX files: what a Word/LibreOffice export looks like
(substituted fonts, tight glyph boxes that put commas below the letters' boxes). They must extract
exactly like their sources."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.readers import convert

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIELDS = ("score", "max_score", "percent", "rank", "rank_total", "rank_change")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = convert.libreoffice()
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    out = tmp_path_factory.mktemp("lo-pdf")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(SAMPLES / "minh-duc-2022.docx"), str(SAMPLES / "phuoc-an-2021.docx")],
        check=True, capture_output=True, timeout=240,
    )
    return out


@pytest.mark.parametrize("name", ["minh-duc-2022", "phuoc-an-2021"])
def test_exported_pdf_extracts_like_its_docx(exported: Path, name: str) -> None:
    pdf = extract_file(exported / f"{name}.pdf")
    docx = extract_file(SAMPLES / f"{name}.docx")
    assert pdf.meta.model_dump(exclude={"evidence"}) == docx.meta.model_dump(exclude={"evidence"})
    assert [getattr(pdf.overall, f) for f in FIELDS] == [getattr(docx.overall, f) for f in FIELDS]
    assert {c.code: [getattr(c, f) for f in FIELDS] for c in pdf.criteria} == {
        c.code: [getattr(c, f) for f in FIELDS] for c in docx.criteria
    }
    assert sorted((f.kind, f.subject) for f in pdf.findings) == sorted((f.kind, f.subject) for f in docx.findings)


def test_commas_stay_in_their_place(exported: Path) -> None:
    record = extract_file(exported / "minh-duc-2022.pdf")
    assert record.meta.place == "Minh Đức" and record.meta.issued_date == "2023-04-06"
    assert "83,97/100 điểm" in record.overall.evidence[0].text


@pytest.fixture(scope="module")
def exported_variants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.variants import variants

    soffice = convert.libreoffice()
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    out = tmp_path_factory.mktemp("lo-variants")
    docs = [str(v.write(out, "docx")) for v in variants()]
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out / "pdf"), *docs],
        check=True, capture_output=True, timeout=600,
    )
    return out / "pdf"


def test_exported_variants_give_their_planted_findings_and_nothing_else(exported_variants: Path) -> None:
    """Every invented report (tests/variants.py) as Word would export it to PDF."""
    from tests.variants import variants

    wrong = []
    for variant in variants():
        record = extract_file(exported_variants / f"{variant.name}.pdf")
        found = {
            (f.kind, "staff" if f.kind == "conflicting_values" else f.subject)
            for f in record.findings
            if f.severity != "info"
        }
        scored = len([c for c in record.criteria if c.score is not None])
        if found != variant.planted or scored != (9 if variant.drop else 10) or record.meta.unit_name != variant.unit:
            wrong.append((variant.name, scored, sorted(found), sorted(variant.planted)))
    assert wrong == []


def test_scanned_criteria_table_is_read_row_by_row(exported_variants: Path, tmp_path: Path) -> None:
    """The exported table report, printed and scanned: OCR gives the table as text, rows are parsed."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    from tests.variants import variants

    variant = next(v for v in variants() if v.name == "table-percent")
    pdf = pdfium.PdfDocument(str(exported_variants / "table-percent.pdf"))
    pages = [
        pdf[i].render(scale=200 / 72).to_pil().convert("L").rotate(0.3, fillcolor=255, resample=Image.BICUBIC)
        .filter(ImageFilter.GaussianBlur(0.5))
        for i in range(len(pdf))
    ]
    pdf.close()
    scan = tmp_path / "table-scan.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=200)
    record = extract_file(scan)
    assert record.source.ocr
    assert [c.code for c in record.criteria] == [str(n) for n in range(1, 11)]
    assert {(c.code, c.score, c.max_score) for c in record.criteria} == {
        (code, float(variant.scores[code]), float(variant.maxima[code])) for code in variant.scores
    }
    serious = {(f.kind, f.subject) for f in record.findings if f.severity == "error"}
    assert serious == variant.planted  # the planted wrong percent of criterion 7, and nothing else
