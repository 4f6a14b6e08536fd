"""PDFs exported by LibreOffice from the sample DOCX files: what a Word/LibreOffice export looks like
(substituted fonts, tight glyph boxes that put commas below the letters' boxes). They must extract
exactly like their sources.

The font is chosen here, not left to whatever the machine has: every run of the DOCX is set to one
font before the export. Liberation Serif has the widths of Times New Roman (the exports look like
Word's); DejaVu Serif is wider, so the header's date line and the titles wrap ("… tháng 4 năm" /
"2023"), as they do on a machine without metric-compatible fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.readers import convert

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIELDS = ("score", "max_score", "percent", "rank", "rank_total", "rank_change")
FONTS = ("Liberation Serif", "DejaVu Serif")  # fonts-liberation2, fonts-dejavu-core (Makefile APT_PACKAGES)
# python-docx's template sets the body in Cambria: Caladea has its widths (fonts-crosextra-caladea), DejaVu Serif is wider
VARIANT_FONTS = ("Caladea", "DejaVu Serif")
_RUN_FONTS_RE = re.compile(rb"<w:rFonts\b[^>]*?/>")


def with_font(source: Path, target: Path, font: str) -> Path:
    """A copy of a DOCX whose every run (styles, defaults, text) is set in ``font``."""
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'.encode()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                data = _RUN_FONTS_RE.sub(fonts, data)
            zout.writestr(item, data)
    return target


def export_pdfs(docs: list[Path], out: Path, font: str, timeout: int = 240) -> Path:
    """Export DOCX files to PDF with LibreOffice, every run set in ``font`` (which must be installed)."""
    soffice = convert.libreoffice()
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    listed = subprocess.run(["fc-list", font, "family"], capture_output=True, text=True, check=False).stdout
    assert font in listed, f"font {font!r} is missing: `make test` installs it (APT_PACKAGES)"
    fonted = out / "docx"
    fonted.mkdir(parents=True, exist_ok=True)
    copies = [str(with_font(doc, fonted / doc.name, font)) for doc in docs]
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out / "pdf"), *copies],
        check=True, capture_output=True, timeout=timeout,
    )
    shutil.rmtree(out / "profile", ignore_errors=True)
    return out / "pdf"


def used_fonts(pdf: Path) -> set[str]:
    """Families of the fonts a PDF embeds ("LiberationSerif"), read with poppler's pdffonts."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    return {name.split("+", 1)[-1].split("-")[0] for name in names}


@pytest.fixture(scope="module", params=FONTS)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    font: str = request.param
    out = tmp_path_factory.mktemp("lo-" + font.replace(" ", "-").lower())
    pdfs = export_pdfs([SAMPLES / "minh-duc-2022.docx", SAMPLES / "phuoc-an-2021.docx"], out, font)
    assert used_fonts(pdfs / "minh-duc-2022.pdf") == {font.replace(" ", "")}
    return pdfs


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


@pytest.fixture(scope="module", params=VARIANT_FONTS)
def exported_variants(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.variants import variants

    out = tmp_path_factory.mktemp("lo-variants")
    docs = [v.write(out, "docx") for v in variants()]
    return export_pdfs(docs, out, request.param, timeout=600)


@pytest.fixture(scope="module")
def exported_table_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.variants import variants

    out = tmp_path_factory.mktemp("lo-table")
    doc = next(v for v in variants() if v.name == "table-percent").write(out, "docx")
    return export_pdfs([doc], out, "DejaVu Serif") / "table-percent.pdf"


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


def test_scanned_criteria_table_is_read_row_by_row(exported_table_report: Path, tmp_path: Path) -> None:
    """The exported table report, printed and scanned: OCR gives the table as text, rows are parsed."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    from tests.variants import variants

    variant = next(v for v in variants() if v.name == "table-percent")
    pdf = pdfium.PdfDocument(str(exported_table_report))
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
