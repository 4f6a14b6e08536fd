"""Published rankings read from scanned PDFs: the annex table's rules found in the page image, its cells
filled from one OCR pass, and every planted value back.

The scans are made here: the annex drawn with reportlab in DejaVu Serif (the font the Makefile installs),
rasterised at 200 dpi with pypdfium2, blurred and speckled with Pillow and saved as an image-only PDF.
Layouts as decisions print them: one header row with the maxima in the titles; a group header over the
criteria with the units in groups ("I. Nhóm xã"); the maxima on a second header row, the table running
over two pages with its header repeated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from cchc.api import check_batch, extract_file
from cchc.checker.official import OFFICIAL_KINDS
from cchc.extractors.readers.ocr import ocr_available
from cchc.schemas.record import Finding, Record
from tests.ranking_factory import (
    DONG_HOA_SCORES,
    TITLES,
    Ranking,
    Unit,
    invented_units,
    units_around,
    vn,
)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PAGE_W, PAGE_H = 842.0, 595.0  # A4 landscape, as wide annexes are printed
MARGIN = 30.0
DPI = 200
FONT, FONT_SIZE = "DejaVuSans", 9.0  # the annex's cells
RANKING_KINDS = ("ranking_total_mismatch", "ranking_percent_mismatch", "ranking_order", "ranking_rank_gap")


@dataclass
class Cell:
    text: str
    rows: int = 1  # rows spanned (merged down)
    cols: int = 1  # columns spanned (merged right)


def header(ranking: Ranking, layout: str) -> list[list[Cell | None]]:
    """Header rows; ``None`` where a merged cell covers the place."""
    codes = list(ranking.maxima)
    n = len(codes)
    if layout == "simple":
        return [
            [Cell("STT"), Cell("Đơn vị")]
            + [Cell(f"LV{c} ({vn(ranking.maxima[c])} điểm)") for c in codes]
            + [Cell("Tổng điểm"), Cell("Chỉ số (%)"), Cell("Xếp hạng")]
        ]
    if layout == "group_header":
        top: list[Cell | None] = [
            Cell("STT", rows=2),
            Cell("Đơn vị", rows=2),
            Cell("Điểm các lĩnh vực", cols=n),
        ]
        top += [None] * (n - 1) + [Cell("Tổng điểm (100 điểm)", rows=2), Cell("Chỉ số CCHC (%)", rows=2)]
        top += [Cell("Xếp hạng", rows=2)]
        second: list[Cell | None] = [None, None]
        second += [Cell(f"{TITLES[c]} ({vn(ranking.maxima[c])} điểm)") for c in codes] + [None, None, None]
        return [top, second]
    assert layout == "maxima_row"
    first: list[Cell | None] = [Cell("STT"), Cell("Đơn vị"), *[Cell(f"LV{c}") for c in codes]]
    first += [Cell("Tổng điểm"), Cell("Chỉ số (%)"), Cell("Xếp hạng")]
    maxima: list[Cell | None] = [Cell(""), Cell("Điểm tối đa"), *[Cell(vn(ranking.maxima[c])) for c in codes]]
    maxima += [Cell("100"), Cell(""), Cell("")]
    return [first, maxima]


def body(ranking: Ranking) -> list[list[Cell | None]]:
    """Unit rows; a group title ("I. Nhóm xã") spans the row after its roman number."""
    rows: list[list[Cell | None]] = []
    width = 2 + len(ranking.maxima) + 3
    group, groups = None, 0
    for n, unit in enumerate(ranking.units, start=1):
        if ranking.grouped and unit.group != group:
            group, groups = unit.group, groups + 1
            rows.append([Cell("I" * groups), Cell(group or "", cols=width - 1)] + [None] * (width - 2))
        cells = [
            str(n),
            unit.label,
            *[vn(unit.scores[c]) if c in unit.scores else "" for c in ranking.maxima],
        ]
        cells += [vn(unit.total or 0), vn(unit.percent or 0), str(unit.rank or "")]
        rows.append([Cell(text) for text in cells])
    return rows


def draw_scan(path: Path, ranking: Ranking, layout: str, rows_per_page: int = 30, seed: int = 7) -> Path:
    """The decision's first lines and its annex table, as an image-only PDF (one 200 dpi picture a page)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageFilter
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name in (FONT, "DejaVuSerif", "DejaVuSerif-Bold"):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    widths = [26.0, 104.0] + [48.0] * len(ranking.maxima) + [50.0, 50.0, 40.0]
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    head, rows = header(ranking, layout), body(ranking)
    size, pitch = FONT_SIZE, FONT_SIZE * 1.2

    def lines_of(cell: Cell, c: int) -> list[str]:
        return simpleSplit(cell.text, FONT, size, xs[c + cell.cols] - xs[c] - 6)

    def height(row: list[Cell | None]) -> float:
        return max(
            20.0,
            *(len(lines_of(cell, c)) * pitch + 10 for c, cell in enumerate(row) if cell and cell.rows == 1),
        )

    vector = path.with_suffix(".vector.pdf")
    pdf = canvas.Canvas(str(vector), pagesize=(PAGE_W, PAGE_H))
    y = MARGIN + 10
    for text in ranking.title_lines() + ["Phụ lục: Kết quả Chỉ số CCHC"]:
        bold = text.isupper()
        pdf.setFont("DejaVuSerif-Bold" if bold else "DejaVuSerif", 11)
        pdf.drawCentredString(PAGE_W / 2, PAGE_H - y - 10, text)
        y += 17
    y += 8
    chunks = [rows[i : i + rows_per_page] for i in range(0, len(rows), rows_per_page)]
    for k, chunk in enumerate(chunks):
        if k:
            pdf.showPage()
            y = MARGIN + 10
        table = head + chunk
        heights = [height(row) for row in table]
        tops = [y]
        for h in heights:
            tops.append(tops[-1] + h)
        pdf.setLineWidth(0.7)
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                x0, x1 = xs[c], xs[c + cell.cols]
                top, bottom = tops[r], tops[r + cell.rows]
                pdf.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top)
                lines = lines_of(cell, c)
                first = (top + bottom) / 2 - len(lines) * pitch / 2
                pdf.setFont(FONT, size)
                for i, line in enumerate(lines):
                    baseline = PAGE_H - (first + i * pitch + size * 0.8)
                    if c == 1 or cell.cols > 1:
                        pdf.drawString(x0 + 4, baseline, line)
                    else:
                        pdf.drawCentredString((x0 + x1) / 2, baseline, line)
        y = tops[-1] + 10
    pdf.showPage()
    pdf.save()
    rnd = random.Random(seed)
    document = pdfium.PdfDocument(str(vector))
    pages = []
    for index in range(len(document)):
        image = (
            document[index].render(scale=DPI / 72).to_pil().convert("L").filter(ImageFilter.GaussianBlur(0.5))
        )
        noise = Image.frombytes("L", image.size, rnd.randbytes(image.size[0] * image.size[1]))
        noise = noise.point(lambda v: 128 + (v - 128) * 20 // 128)  # uniform, +-20 grey levels
        pages.append(ImageChops.add(image, noise, scale=1.0, offset=-128))
    document.close()
    pages[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return path


def require_tesseract() -> None:
    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"


def dong_hoa_ranking(**changes: object) -> Ranking:
    """The Phú Lâm 2023 ranking with phường Đông Hòa as samples/dong-hoa-2023.pdf states it (4/19), ``changes``
    applied to its row."""
    unit = Unit("phường", "Đông Hòa", dict(DONG_HOA_SCORES))
    units = units_around(unit, 4, 19)
    for name, value in changes.items():
        setattr(unit, name, value)
    return Ranking(units)


def with_planted_errors(units: list[Unit]) -> Ranking:
    """Errors a decision may print (as test_ranking_rules plants them in DOCX and XLSX)."""
    units[9].total = (units[9].total or Decimal(0)) - Decimal("0.5")  # the criteria no longer add up
    units[9].percent = units[9].total
    units[3].percent = (units[3].total or Decimal(0)) + Decimal(1)  # percent off its total
    units[5].rank, units[6].rank = units[6].rank, units[5].rank  # ranks swapped against totals
    units[8].rank = 10  # 9 skipped, then 10 repeated without a tie
    return Ranking(units)


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Ranking, Record]]:
    """Each layout scanned and read once (OCR is slow)."""
    require_tesseract()
    folder = tmp_path_factory.mktemp("scans")
    planted = {
        "simple": (dong_hoa_ranking(), "simple", 30),
        "grouped": (Ranking(invented_units(8, seed=2, grouped=True), grouped=True), "group_header", 30),
        "two_pages": (Ranking(invented_units(20, seed=3)), "maxima_row", 11),
        "errors": (with_planted_errors(invented_units(10, seed=12)), "simple", 30),
    }
    out = {}
    for name, (ranking, layout, per_page) in planted.items():
        out[name] = (ranking, extract_file(draw_scan(folder / f"{name}.pdf", ranking, layout, per_page)))
    return out


@pytest.mark.parametrize("name", ["simple", "grouped", "two_pages", "errors"])
def test_scanned_annex_is_a_ranking_with_every_unit_and_rank(
    scans: dict[str, tuple[Ranking, Record]], name: str
) -> None:
    planted, record = scans[name]
    ranking = record.ranking
    assert record.document_type == "ranking" and ranking is not None and record.source.ocr
    assert [(r.unit_level, r.unit_name) for r in ranking.rows] == [(u.level, u.name) for u in planted.units]
    assert [r.group for r in ranking.rows] == [u.group for u in planted.units]
    for unit, row in zip(planted.units, ranking.rows, strict=True):
        assert row.scores == {k: float(v) for k, v in unit.scores.items()}, unit.name
        assert (row.total, row.percent, row.rank) == (
            float(unit.total or 0),
            float(unit.percent or 0),
            unit.rank,
        )
    for row in ranking.rows:
        ev = row.evidence[0]
        assert ev.page is not None and ev.bbox is not None and row.unit_name in ev.text
        assert 0 <= ev.bbox[0] < ev.bbox[2] <= PAGE_W and 0 <= ev.bbox[1] < ev.bbox[3] <= PAGE_H


def test_table_across_two_pages_is_one_table(scans: dict[str, tuple[Ranking, Record]]) -> None:
    _, record = scans["two_pages"]
    assert record.source.pages == 2 and record.source.ocr_pages == [1, 2]
    assert record.ranking is not None
    pages = [r.evidence[0].page for r in record.ranking.rows]
    assert pages == [1] * 11 + [2] * 9


def test_report_against_a_scanned_ranking(scans: dict[str, tuple[Ranking, Record]], tmp_path: Path) -> None:
    """samples/dong-hoa-2023.pdf states 89,88 and 4/19 with its criterion scores: the matching scan raises
    nothing; a scan whose row prints criterion 9 as 9,1 (total 88,73) is found, with evidence from both."""
    report = extract_file("samples/dong-hoa-2023.pdf")
    _, matching = scans["simple"]
    assert kinds(check_batch([report, matching]), OFFICIAL_KINDS) == []
    scores = dict(DONG_HOA_SCORES, **{"9": Decimal("9.1")})
    planted = dong_hoa_ranking(scores=scores, total=Decimal("88.73"), percent=Decimal("88.73"))
    differing = extract_file(draw_scan(tmp_path / "planted.pdf", planted, "simple"))
    findings = check_batch([report, differing])
    assert kinds(findings, OFFICIAL_KINDS) == [
        ("official_score_mismatch", "phường Đông Hòa: 9"),
        ("official_score_mismatch", "phường Đông Hòa: overall"),
        ("official_score_mismatch", "phường Đông Hòa: percent"),
    ]
    overall = next(f for f in findings if f.subject == "phường Đông Hòa: overall")
    assert (overall.expected, overall.actual) == (88.73, 89.88)
    scanned_row = overall.evidence[-1]
    assert scanned_row.page == 1 and scanned_row.bbox is not None and "Đông Hòa" in scanned_row.text


def kinds(findings: list[Finding], wanted: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((f.kind, f.subject) for f in findings if f.kind in wanted)


def test_a_page_without_rules_has_no_table(tmp_path: Path) -> None:
    """Prose on a scan stays lines and paragraphs (the rule finder sees no grid in text)."""
    from PIL import Image, ImageDraw, ImageFont

    from cchc.extractors.readers.ocr_tables import find_grids, find_rules

    image = Image.new("L", (1654, 600), 255)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 36)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(
        [
            "Về cải cách thể chế: 5/5 điểm, tỷ lệ đạt 100%.",
            "— Tổng điểm: 83,97 điểm —",
            "Độc lập - Tự do - Hạnh phúc",
        ]
    ):
        draw.text((80, 60 + 120 * k), line, font=font, fill=0)
    draw.line((500, 460, 1100, 460), fill=0, width=3)  # an underline is a rule but makes no cell
    assert find_grids(find_rules(image, 200), 200 / 72) == []
    draw.rectangle((80, 500, 1500, 580), outline=0, width=3)
    draw.line((700, 500, 700, 580), fill=0, width=3)
    assert find_grids(find_rules(image, 200), 200 / 72) == []  # one framed row (a note, a stamp) is no table
    draw.line((80, 540, 1500, 540), fill=0, width=3)
    grids = find_grids(find_rules(image, 200), 200 / 72)
    assert len(grids) == 1 and [len(cells) for _, cells in grids[0].rows] == [2, 2]
