"""Build the sample reports in samples/: the real sample as PDF and DOCX, and invented communes' reports.

Run ``.venv/bin/python samples/build_samples.py [OUT_DIR]`` (``make samples``). Output is deterministic.

- minh-duc-2022.pdf / .docx are laid out from minh-duc-2022.txt (its blocks, via the text reader):
  two-column header, justified body, bold numbered headings, page numbers, signature block.
- dong-hoa-2023.pdf, phuoc-an-2021.docx and dong-lac-2023.pdf are reports of invented communes in other
  layouts and phrasings; their stated values (and the inconsistencies planted in them) are written to
  truth/<name>.json, computed from the same data that writes the document.

PDFs use reportlab with DejaVu Serif (Debian package fonts-dejavu-core); DOCX uses python-docx.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import regex as re

if TYPE_CHECKING:
    from cchc.extractors.document import Block

SAMPLES = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_PACKAGE = "fonts-dejavu-core"
FONTS = {"DejaVuSerif": "DejaVuSerif.ttf", "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf"}
FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

# ---------------------------------------------------------------------------------------------------
# The layout model both renderers read
# ---------------------------------------------------------------------------------------------------


@dataclass
class Para:
    """A body paragraph. ``label`` is its outline number ("1.", "2.1."); ``auto`` names the Word
    automatic-numbering list that prints the label in DOCX (the label is then not in the text)."""

    text: str
    label: str | None = None
    bold: bool = False
    section: bool = False  # a roman section heading ("I. KẾT QUẢ …")
    indent: bool = True
    auto: str | None = None
    level: int = 0


@dataclass
class Header:
    left: list[tuple[str, bool]]
    right: list[tuple[str, bool]]


@dataclass
class Title:
    lines: list[str]


@dataclass
class Table:
    rows: list[list[str]]
    widths: list[float]  # fractions of the text width


@dataclass
class Signature:
    recipients: list[str]
    lines: list[str]  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", …
    name: str


Item = Header | Title | Para | Table | Signature


@dataclass
class Report:
    name: str
    items: list[Item]
    running_header: str | None = None  # printed at the top of every page
    page_number: str = (
        "footer"  # "footer": "N" at the bottom; "top": "N" at the top from page 2; "trang": "Trang N/M"
    )
    lists: dict[str, bool] = field(default_factory=dict)  # auto-numbering list name -> numbers in bold


# ---------------------------------------------------------------------------------------------------
# Vietnamese number formatting
# ---------------------------------------------------------------------------------------------------


def vn(value: Decimal | int | str, sep: str = ",") -> str:
    """Print a number the Vietnamese way, keeping its digits: "12.5" → "12,5"; ``sep="."`` keeps a dot."""
    text = value if isinstance(value, str) else format(Decimal(value), "f")
    return text.replace(".", sep)


def pct(score: Decimal, max_score: Decimal, places: int = 2) -> Decimal:
    """score/max as a percent rounded half-up to ``places`` decimals."""
    q = Decimal(1).scaleb(-places)
    return (score / max_score * 100).quantize(q, rounding=ROUND_HALF_UP)


def short(value: Decimal) -> str:
    """A percent without trailing zeros: 87.50 → "87,5"; 100.00 → "100"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


# ---------------------------------------------------------------------------------------------------
# Fonts and PDF rendering (reportlab)
# ---------------------------------------------------------------------------------------------------


def register_fonts() -> None:
    """Register DejaVu Serif regular and bold; exit with the apt package to install if missing."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    missing = [str(FONT_DIR / f) for f in FONTS.values() if not (FONT_DIR / f).is_file()]
    if missing:
        sys.exit(
            f"build_samples: font file(s) missing: {', '.join(missing)}. "
            f"Install them with: sudo apt-get install -y {FONT_PACKAGE}"
        )
    for name, file in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    for italic in (0, 1):
        addMapping("DejaVuSerif", 0, italic, "DejaVuSerif")
        addMapping("DejaVuSerif", 1, italic, "DejaVuSerif-Bold")


BODY_SIZE = 13
BODY_LEADING = 15
LEFT_MARGIN_CM, RIGHT_MARGIN_CM, TOP_MARGIN_CM, BOTTOM_MARGIN_CM = 3.0, 1.5, 2.0, 2.0


def pdf_styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm

    base = ParagraphStyle(
        "body",
        fontName="DejaVuSerif",
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=1 * cm,
        spaceAfter=2,
    )
    return {
        "body": base,
        "plain": ParagraphStyle("plain", parent=base, firstLineIndent=0),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName="DejaVuSerif-Bold", spaceBefore=3, keepWithNext=1
        ),
        "section": ParagraphStyle(
            "section", parent=base, fontName="DejaVuSerif-Bold", spaceBefore=6, keepWithNext=1
        ),
        "head_l": ParagraphStyle(
            "head_l",
            parent=base,
            fontSize=12,
            leading=15,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=0,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="DejaVuSerif-Bold",
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=0,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontName="DejaVuSerif-Bold",
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=0,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=11, leading=14, alignment=TA_LEFT, firstLineIndent=0, spaceAfter=0
        ),
        "cell_c": ParagraphStyle(
            "cell_c",
            parent=base,
            fontSize=11,
            leading=14,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=0,
        ),
        "recip_h": ParagraphStyle(
            "recip_h",
            parent=base,
            fontName="DejaVuSerif-Bold",
            fontSize=11,
            leading=13,
            alignment=TA_LEFT,
            firstLineIndent=0,
            spaceAfter=0,
        ),
        "recip": ParagraphStyle(
            "recip",
            parent=base,
            fontSize=10,
            leading=12.5,
            alignment=TA_LEFT,
            firstLineIndent=0,
            spaceAfter=0,
        ),
        "sign": ParagraphStyle(
            "sign",
            parent=base,
            fontName="DejaVuSerif-Bold",
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=0,
        ),
    }


def _p(text: str, style: Any, bold: bool = False) -> Any:
    from reportlab.platypus import Paragraph

    body = escape(text)
    return Paragraph(f"<b>{body}</b>" if bold else body, style)


def pdf_flowables(report: Report, width: float) -> list[Any]:
    """The platypus story of a report."""
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import HRFlowable, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    st = pdf_styles()
    story: list[Any] = []
    for item in report.items:
        if isinstance(item, Header):
            left_w = width * 0.36

            def column(lines: list[tuple[str, bool]], rule_w: float) -> list[Any]:
                cells: list[Any] = []
                for i, (text, bold) in enumerate(lines):
                    if i == len(lines) - 1 and len(lines) > 1:
                        cells.append(
                            HRFlowable(
                                width=rule_w, thickness=0.6, color=colors.black, spaceBefore=3, spaceAfter=6
                            )
                        )
                    cells.append(_p(text, st["head_l"], bold))
                return cells

            table = RLTable(
                [[column(item.left, 2.2 * cm), column(item.right, 5.6 * cm)]],
                colWidths=[left_w, width - left_w],
            )
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            story += [table, Spacer(1, 16)]
        elif isinstance(item, Title):
            story.append(_p(item.lines[0], st["title"]))
            story += [_p(line, st["subtitle"]) for line in item.lines[1:]]
            story += [
                HRFlowable(width=4 * cm, thickness=0.6, color=colors.black, spaceBefore=7, spaceAfter=10)
            ]
        elif isinstance(item, Para):
            text = f"{item.label} {item.text}" if item.label else item.text
            if item.section:
                style = st["section"]
            elif item.bold:
                style = st["heading"]
            else:
                style = st["body"] if item.indent else st["plain"]
            story.append(_p(text, style))
        elif isinstance(item, Table):
            rows = [
                [
                    _p(cell, st["cell"] if c == 1 and r > 0 else st["cell_c"], bold=r == 0 or row[0] == "")
                    for c, cell in enumerate(row)
                ]
                for r, row in enumerate(item.rows)
            ]
            table = RLTable(rows, colWidths=[width * f for f in item.widths], repeatRows=0, splitByRow=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            story += [Spacer(1, 4), table, Spacer(1, 8)]
        elif isinstance(item, Signature):
            left = [_p("Nơi nhận:", st["recip_h"])] + [_p(r, st["recip"]) for r in item.recipients]
            right = [_p(line, st["sign"]) for line in item.lines] + [Spacer(1, 56), _p(item.name, st["sign"])]
            table = RLTable([[left, right]], colWidths=[width * 0.45, width * 0.55])
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            story += [Spacer(1, 10), table]
    return story


def build_pdf(report: Report, out: Path) -> None:
    """Write ``report`` as an A4 PDF at ``out`` (deterministic bytes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    page_w, page_h = A4
    width = page_w - (LEFT_MARGIN_CM + RIGHT_MARGIN_CM) * cm
    top = TOP_MARGIN_CM * cm + (0.8 * cm if report.running_header else 0)

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        if report.running_header:
            canvas.setFont("DejaVuSerif", 10)
            y = page_h - 1.5 * cm
            canvas.drawString(LEFT_MARGIN_CM * cm, y, report.running_header)
            canvas.setLineWidth(0.5)
            canvas.line(LEFT_MARGIN_CM * cm, y - 4, page_w - RIGHT_MARGIN_CM * cm, y - 4)
        canvas.setFont("DejaVuSerif", 11)
        centre = LEFT_MARGIN_CM * cm + width / 2
        if report.page_number == "footer":
            canvas.drawCentredString(centre, 1.1 * cm, str(page))
        elif report.page_number == "top" and page > 1:
            canvas.drawCentredString(centre, page_h - 1.2 * cm, str(page))
        elif report.page_number == "trang":
            canvas.drawRightString(page_w - RIGHT_MARGIN_CM * cm, 1.1 * cm, f"Trang {page}/{total}")
        canvas.restoreState()

    class NumberedCanvas(Canvas):
        """Defers page decoration to the end so the total page count is known."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)
                super().showPage()
            super().save()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=LEFT_MARGIN_CM * cm,
        rightMargin=RIGHT_MARGIN_CM * cm,
        topMargin=top,
        bottomMargin=BOTTOM_MARGIN_CM * cm,
        invariant=1,
        title=report.name,
        author="cchc samples",
        creator="cchc samples/build_samples.py",
        subject="",
    )
    doc.build(pdf_flowables(report, width), canvasmaker=NumberedCanvas)
    out.write_bytes(buf.getvalue())


# ---------------------------------------------------------------------------------------------------
# DOCX rendering (python-docx, numbering.xml written by hand)
# ---------------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _set_fonts(rpr_owner: Any, name: str = "Times New Roman") -> None:
    """Point every script of a style's or run's rFonts at ``name`` (dropping theme fonts)."""
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def _abstract_num_xml(abstract_id: int, nsid: str, bold: bool) -> str:
    levels = []
    for ilvl in range(3):
        text = ".".join(f"%{i + 1}" for i in range(ilvl + 1)) + "."
        rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else '<w:rPr><w:b w:val="0"/></w:rPr>'
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>{rpr}</w:lvl>'
        )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{nsid}"/><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )


def add_numbering(document: Any, lists: dict[str, bool]) -> dict[str, int]:
    """Define one Word numbering list per name (own abstractNum, so each restarts at 1); name -> numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    nums = numbering.findall(qn("w:num"))
    next_abstract = max((int(a.get(qn("w:abstractNumId"))) for a in abstracts), default=-1) + 1
    next_num = max((int(n.get(qn("w:numId"))) for n in nums), default=0) + 1
    ids: dict[str, int] = {}
    anchor = abstracts[-1] if abstracts else None
    for i, (name, bold) in enumerate(lists.items()):
        abstract = parse_xml(_abstract_num_xml(next_abstract + i, f"5A{i:06X}", bold))
        if anchor is None:
            numbering.insert(0, abstract)
        else:
            anchor.addnext(abstract)
        anchor = abstract
        num = parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{next_num + i}">'
            f'<w:abstractNumId w:val="{next_abstract + i}"/></w:num>'
        )
        numbering.append(num)
        ids[name] = next_num + i
    return ids


def _no_borders(table: Any) -> None:
    from docx.oxml import parse_xml

    tbl_pr = table._tbl.tblPr
    tbl_pr.append(
        parse_xml(
            f'<w:tblBorders xmlns:w="{W_NS}">'
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    )


def _grid(table: Any) -> None:
    from docx.oxml import parse_xml

    table._tbl.tblPr.append(
        parse_xml(
            f'<w:tblBorders xmlns:w="{W_NS}">'
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    )


def _cell_lines(
    cell: Any, lines: Sequence[tuple[str, bool]], size: float = 12.5, centre: bool = True
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for i, (text, bold) in enumerate(lines):
        par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        par.paragraph_format.first_line_indent = Pt(0)
        par.paragraph_format.space_after = Pt(0)
        if centre:
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = par.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)


def _page_number_footer(section: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    par = section.footer.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par._p.append(
        parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def build_docx(report: Report, out: Path, heading_style: bool) -> None:
    """Write ``report`` as DOCX; roman sections use "Heading 1" when ``heading_style``, else bold Normal."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    _page_number_footer(section)

    normal = document.styles["Normal"]
    normal.font.size = Pt(13)
    _set_fonts(normal.element)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.15
    h1 = document.styles["Heading 1"]
    _set_fonts(h1.element)
    h1.font.size, h1.font.bold, h1.font.color.rgb = Pt(13), True, RGBColor(0, 0, 0)
    h1.paragraph_format.space_before, h1.paragraph_format.space_after = Pt(6), Pt(3)
    h1.paragraph_format.first_line_indent = Cm(1)

    num_ids = add_numbering(document, report.lists)
    counters: dict[str, list[int]] = {}
    body = document.add_paragraph  # the default document starts empty

    for item in report.items:
        if isinstance(item, Header):
            table = document.add_table(rows=1, cols=2)
            _no_borders(table)
            table.autofit = False
            widths = (Cm(6.2), Cm(10.3))
            for cell, w in zip(table.rows[0].cells, widths):
                cell.width = w
            _cell_lines(table.rows[0].cells[0], item.left)
            _cell_lines(table.rows[0].cells[1], item.right)
            body("")
        elif isinstance(item, Title):
            for i, line in enumerate(item.lines):
                par = body()
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = par.add_run(line)
                run.bold = True
                run.font.size = Pt(14 if i == 0 else 13)
        elif isinstance(item, Para):
            if item.section and heading_style:
                par = document.add_paragraph(style="Heading 1")
            else:
                par = body()
                par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                par.paragraph_format.first_line_indent = Cm(1) if item.indent else Cm(0)
            if item.auto:
                _check_label(counters, item)
                num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = item.level
                num_pr.get_or_add_numId().val = num_ids[item.auto]
                text = item.text
            else:
                text = f"{item.label} {item.text}" if item.label else item.text
            run = par.add_run(text)
            if item.bold or (item.section and not heading_style):
                run.bold = True
        elif isinstance(item, Table):
            table = document.add_table(rows=len(item.rows), cols=len(item.rows[0]))
            _grid(table)
            for r, row in enumerate(item.rows):
                for c, text in enumerate(row):
                    cell = table.rows[r].cells[c]
                    cell.width = Cm(16.5 * item.widths[c])
                    _cell_lines(cell, [(text, r == 0 or row[0] == "")], size=11, centre=c != 1)
            body("")
        elif isinstance(item, Signature):
            table = document.add_table(rows=1, cols=2)
            _no_borders(table)
            left, right = table.rows[0].cells
            _cell_lines(
                left, [("Nơi nhận:", True)] + [(r, False) for r in item.recipients], size=11, centre=False
            )
            _cell_lines(
                right,
                [(line, True) for line in item.lines] + [("", False)] * 3 + [(item.name, True)],
                size=13,
            )
    props = document.core_properties
    props.author = props.last_modified_by = "cchc samples"
    props.title = report.name
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    out.write_bytes(_stable_zip(buf.getvalue()))


def _check_label(counters: dict[str, list[int]], item: Para) -> None:
    """The label Word will print for an auto-numbered paragraph must be the label we mean."""
    levels = counters.setdefault(item.auto or "", [])
    del levels[item.level + 1 :]
    while len(levels) <= item.level:
        levels.append(0)
    levels[item.level] += 1
    printed = ".".join(str(n) for n in levels) + "."
    if printed != item.label:
        raise AssertionError(f"auto numbering would print {printed!r} for {item.label!r} {item.text[:40]!r}")


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so identical content gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# The real sample: from its text to the layout model
# ---------------------------------------------------------------------------------------------------

NATIONAL_TITLE_RE = re.compile(r"^CỘNG\s+HÒA\s+XÃ\s+HỘI", re.IGNORECASE)
RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\s*:?$", re.IGNORECASE)
NUMBER_RE = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*\.?)\s+(?P<rest>\S.*)$")
ROMAN_RE = re.compile(r"^[IVX]{1,5}\.\s")
SENTENCE_END_RE = re.compile(r"[\.:;!?]\s*$")


def _split_merged_items(blocks: list[Block], raw: list[str]) -> list[tuple[Block | None, str]]:
    """(block, text) pairs, splitting a short numbered line that the text reader merged with the next
    paragraph ("2.5. Lĩnh vực cải cách chế độ công vụ" + "Chất lượng đội ngũ …")."""
    out: list[tuple[Block | None, str]] = []
    for block in blocks:
        text = block.text
        first = raw[block.lines[0][1].line - 1].strip() if block.lines else text
        m = NUMBER_RE.match(first)
        if m and len(block.lines) > 1 and not SENTENCE_END_RE.search(first):
            offset = block.lines[1][0]
            rest = text[offset:].strip()
            prev = NUMBER_RE.match(out[-1][1]) if out else None
            sibling = (
                prev is not None
                and "\n" not in out[-1][1]
                and len(out[-1][1]) < 80
                and prev["label"].count(".") == m["label"].count(".")
                and _next_label(prev["label"]) == m["label"]
            )
            if rest[:1].isupper() and (len(first) < 40 or sibling):
                out += [(block, text[:offset].strip()), (None, rest)]
                continue
        out.append((block, text))
    return out


def _next_label(label: str) -> str:
    parts = label.rstrip(".").split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts) + ("." if label.endswith(".") else "")


def _regular_sections(paras: list[Para]) -> set[int]:
    """Indexes of roman sections whose arabic numbering runs 1, 2, 3 … (and k.1, k.2 … under k)."""
    regular: set[int] = set()
    section = -1
    ok: dict[int, bool] = {}
    expected: list[int] = []
    for para in paras:
        if para.section:
            section += 1
            ok[section] = True
            expected = [0]
            continue
        if para.label is None or section < 0:
            continue
        parts = [int(p) for p in para.label.rstrip(".").split(".")]
        depth = len(parts)
        if depth > 2 or not para.label.endswith("."):
            ok[section] = False
            continue
        if depth == 1:
            good = parts[0] == expected[0] + 1
            expected = [parts[0], 0]
        else:
            good = len(expected) == 2 and parts[0] == expected[0] and parts[1] == expected[1] + 1
            if good:
                expected[1] = parts[1]
        ok[section] = ok[section] and good
    regular = {s for s, good in ok.items() if good}
    return regular


def sample_report(txt: Path) -> Report:
    """Lay out the real sample from its text: header, title, body, signature."""
    from cchc.extractors.readers.text import blocks_from_lines

    raw = txt.read_text(encoding="utf-8").splitlines()
    blocks = blocks_from_lines(raw).blocks
    title_at = next(i for i, b in enumerate(blocks) if b.text.strip() == "BÁO CÁO")
    national_at = next(i for i, b in enumerate(blocks[:title_at]) if NATIONAL_TITLE_RE.match(b.text))
    recipients_at = next(i for i, b in enumerate(blocks) if RECIPIENTS_RE.match(b.text.strip()))

    left = [(b.text, i == 1) for i, b in enumerate(blocks[:national_at])]
    right = [(b.text, i < 2) for i, b in enumerate(blocks[national_at:title_at])]
    items: list[Item] = [Header(left, right), Title([blocks[title_at].text, blocks[title_at + 1].text])]

    paras: list[Para] = []
    for _block, text in _split_merged_items(blocks[title_at + 2 : recipients_at], raw):
        if ROMAN_RE.match(text):
            paras.append(Para(text, section=True))
            continue
        m = NUMBER_RE.match(text)
        if m:
            paras.append(
                Para(
                    m["rest"],
                    label=m["label"],
                    bold=len(text) <= 300,
                    level=m["label"].rstrip(".").count("."),
                )
            )
        else:
            paras.append(Para(text))
    _mark_plain_lists(paras)
    regular = _regular_sections(paras)
    lists: dict[str, bool] = {}
    section = -1
    for para in paras:
        if para.section:
            section += 1
        elif para.label and section in regular:
            para.auto = f"s{section}"
            lists.setdefault(para.auto, para.bold)
    items += paras

    tail = blocks[recipients_at + 1 :]
    recipients = [b.text for b in tail if b.text.startswith(("-", "–"))]
    sign = [b.text for b in tail if not b.text.startswith(("-", "–"))]
    items.append(Signature(recipients, sign[:-1], sign[-1]))
    return Report(name=txt.stem, items=items, page_number="footer", lists=lists)


def _short_top_item(para: Para) -> bool:
    """A one-line item numbered "1.", "2." … (not "2.1.")."""
    return para.label is not None and para.label.count(".") == 1 and len(para.text) < 80


def _mark_plain_lists(paras: list[Para]) -> None:
    """A run of three or more short one-line numbered items is a plain list, not bold headings."""
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and _short_top_item(paras[j]):
            j += 1
        if j - i >= 3:
            for para in paras[i:j]:
                para.bold = False
        i = max(j, i + 1)


# ---------------------------------------------------------------------------------------------------
# Invented communes
# ---------------------------------------------------------------------------------------------------

CANONICAL_TITLES = {
    "1": "Công tác chỉ đạo, điều hành CCHC",
    "2": "Cải cách thể chế",
    "3": "Cải cách thủ tục hành chính",
    "4": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "5": "Cải cách chế độ công vụ",
    "6": "Cải cách tài chính công",
    "7": "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "8": "Tác động của CCHC đến phát triển kinh tế - xã hội",
    "9": "Đánh giá tác động của các tổ chức đối với CCHC",
    "10": "Sự hài lòng của người dân, tổ chức",
}


@dataclass
class Crit:
    """One criterion as the invented report states it; ``percent`` overrides the computed percent."""

    title: str
    max_score: str
    score: str
    rank: int | None
    rank_total: int | None
    rank_change: int | None
    percent: str | None = None
    rank_text: str | None = None  # printed rank when planted out of range, e.g. "21/19"

    @property
    def printed_percent(self) -> Decimal:
        return Decimal(self.percent) if self.percent else pct(Decimal(self.score), Decimal(self.max_score))


def change_text(change: int | None, prev_year: int) -> str:
    if change is None:
        return ""
    if change == 0:
        return f"giữ nguyên thứ hạng so với năm {prev_year}"
    return f"{'tăng' if change > 0 else 'giảm'} {abs(change)} bậc so với năm {prev_year}"


def truth(
    meta: dict[str, object], overall: dict[str, object], crits: dict[str, Crit], planted: list[dict[str, object]]
) -> dict[str, object]:
    """The truth file content: values as the report states them, JSON numbers."""
    criteria = {
        code: {
            "title": c.title,
            "score": float(Decimal(c.score)),
            "max_score": float(Decimal(c.max_score)),
            "percent": float(c.printed_percent),
            "rank": c.rank,
            "rank_total": c.rank_total,
            "rank_change": c.rank_change,
        }
        for code, c in crits.items()
    }
    return {"meta": meta, "overall": overall, "criteria": criteria, "planted": planted}


# ---- a) phường Đông Hòa, thị xã Phú Lâm: criteria in a ruled table across two pages -------------

DONG_HOA = {
    "1": Crit("Công tác chỉ đạo, điều hành CCHC", "12", "10.5", 6, 19, 2),
    "2": Crit("Cải cách thể chế", "6", "6", 1, 19, 0),
    "3": Crit("Cải cách thủ tục hành chính", "17", "15.25", 5, 19, 4),
    "4": Crit("Cải cách tổ chức bộ máy hành chính nhà nước", "6", "5.5", 3, 19, -1),
    "5": Crit("Cải cách chế độ công vụ", "10", "9", 21, 19, 1, rank_text="21/19"),
    "6": Crit("Cải cách tài chính công", "8", "7.3", 4, 19, 3),
    "7": Crit(
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "13",
        "11.08",
        7,
        19,
        -2,
        percent="82.54",
    ),
    "8": Crit("Tác động của CCHC đến phát triển kinh tế - xã hội", "4", "3.5", 2, 19, 1),
    "9": Crit(
        "Chỉ số đánh giá tác động của các tổ chức đối với CCHC (qua điều tra xã hội học)",
        "12",
        "10.25",
        9,
        19,
        -3,
    ),
    "10": Crit(
        "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
        "12",
        "11.5",
        3,
        19,
        5,
    ),
}


def dong_hoa() -> tuple[Report, dict[str, object]]:
    crits = DONG_HOA
    total = sum((Decimal(c.score) for c in crits.values()), Decimal(0))
    assert total == Decimal("89.88"), total
    rows = [["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)", "Xếp hạng"]]
    for code, c in crits.items():
        rows.append(
            [
                code,
                c.title,
                vn(c.max_score),
                vn(c.score),
                short(c.printed_percent),
                c.rank_text or f"{c.rank}/{c.rank_total}",
            ]
        )
    rows.append(["", "Tổng cộng", "100", vn(total), short(pct(total, Decimal(100))), "4/19"])

    items: list[Item] = [
        Header(
            [("ỦY BAN NHÂN DÂN", False), ("PHƯỜNG ĐÔNG HÒA", True), ("Số: 42/BC-UBND", False)],
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                ("Độc lập - Tự do - Hạnh phúc", True),
                ("Đông Hòa, ngày 20 tháng 3 năm 2024", False),
            ],
        ),
        Title(
            [
                "BÁO CÁO",
                "Kết quả Chỉ số cải cách hành chính năm 2023 của UBND phường Đông Hòa",
                "và phương hướng, nhiệm vụ năm 2024",
            ]
        ),
        Para(
            "Căn cứ Kế hoạch số 186/KH-UBND ngày 25/12/2022 của UBND phường Đông Hòa về cải cách hành "
            "chính nhà nước năm 2023; Căn cứ Quyết định số 1146/QĐ-UBND ngày 05/3/2024 của UBND thị xã "
            "Phú Lâm về việc phê duyệt và công bố Chỉ số cải cách hành chính năm 2023 của UBND các xã, "
            "phường trên địa bàn thị xã; UBND phường Đông Hòa báo cáo kết quả Chỉ số cải cách hành chính "
            "(CCHC) năm 2023 và phương hướng, nhiệm vụ năm 2024 như sau:"
        ),
        Para("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023", label="I.", section=True),
        Para("Kết quả chung", label="1.", bold=True),
        Para(
            "Năm 2023, Hội đồng thẩm định Chỉ số CCHC của thị xã Phú Lâm đã thẩm định và chấm điểm Chỉ số "
            f"CCHC của UBND phường Đông Hòa đạt {vn(total, '.')} điểm trên tổng số 100 điểm, tỷ lệ đạt "
            f"{short(pct(total, Decimal(100)))}%, xếp thứ 4/19 xã, phường thuộc thị xã, tăng 3 bậc so "
            "với năm 2022; xếp loại Tốt. Đây là năm thứ hai liên tiếp phường nằm trong nhóm 5 đơn vị "
            "dẫn đầu của thị xã về Chỉ số CCHC."
        ),
        Para(
            "Việc chấm điểm được thực hiện trên phần mềm chấm điểm Chỉ số CCHC của tỉnh Thái Nguyên, căn "
            "cứ Bộ tiêu chí xác định Chỉ số CCHC áp dụng đối với UBND cấp xã ban hành kèm theo Quyết định "
            "số 2650/QĐ-UBND ngày 14/11/2022 của UBND tỉnh Thái Nguyên, gồm 10 lĩnh vực với tổng điểm "
            "tối đa là 100 điểm, trong đó điểm đánh giá qua điều tra xã hội học là 24 điểm."
        ),
        Para("Kết quả cụ thể theo từng lĩnh vực", label="2.", bold=True),
        Para("Kết quả điểm số, tỷ lệ và thứ hạng của từng lĩnh vực, tiêu chí được tổng hợp tại bảng sau:"),
        Table(rows, widths=[0.07, 0.41, 0.12, 0.13, 0.12, 0.15]),
        Para("Đánh giá theo từng lĩnh vực", label="3.", bold=True),
        Para(
            "- Lĩnh vực công tác chỉ đạo, điều hành CCHC đạt 10.5 điểm: phường đã ban hành đầy đủ kế "
            "hoạch CCHC, kế hoạch tuyên truyền, kế hoạch kiểm tra; thực hiện đầy đủ chế độ báo cáo định kỳ. "
            "Tuy nhiên chưa có sáng kiến, giải pháp mới trong thực hiện CCHC được công nhận."
        ),
        Para(
            "- Lĩnh vực cải cách thể chế đạt điểm tối đa 6/6 điểm; công tác theo dõi thi hành pháp luật, "
            "phổ biến giáo dục pháp luật được thực hiện nghiêm túc."
        ),
        Para(
            "- Lĩnh vực cải cách thủ tục hành chính đạt 15.25 điểm, tăng 4 bậc so với năm 2022. Năm 2023, "
            "Bộ phận Một cửa của phường tiếp nhận 4.316 hồ sơ, đã giải quyết đúng hạn 4.309 hồ sơ, đạt "
            "tỷ lệ 99,84%; 100% hồ sơ trễ hạn đều có văn bản xin lỗi tổ chức, công dân."
        ),
        Para(
            "- Lĩnh vực cải cách tổ chức bộ máy đạt 5.5 điểm; lĩnh vực cải cách chế độ công vụ đạt "
            "9 điểm, 17/18 cán bộ, công chức của phường đạt chuẩn theo quy định."
        ),
        Para(
            "- Lĩnh vực cải cách tài chính công đạt 7.3 điểm; lĩnh vực xây dựng và phát triển Chính quyền "
            "điện tử, Chính quyền số đạt 11.08 điểm, trong đó tỷ lệ hồ sơ TTHC được tiếp nhận và giải quyết "
            "trực tuyến toàn trình đạt 3.102/4.316 hồ sơ, tỷ lệ 71,87%."
        ),
        Para(
            "- Các chỉ số đánh giá qua điều tra xã hội học đạt tổng số 21.75/24 điểm, trong đó chỉ số hài "
            "lòng của người dân, tổ chức đạt 11.5 điểm, cao hơn mức bình quân chung của thị xã."
        ),
        Para("ĐÁNH GIÁ CHUNG", label="II.", section=True),
        Para("Ưu điểm", label="1.", bold=True),
        Para(
            "Công tác CCHC năm 2023 được cấp ủy, chính quyền phường quan tâm lãnh đạo, chỉ đạo quyết liệt; "
            "kỷ luật, kỷ cương hành chính được tăng cường; chất lượng phục vụ người dân, doanh nghiệp tại Bộ "
            "phận Một cửa được nâng lên rõ rệt, được người dân đánh giá cao."
        ),
        Para("Hạn chế, tồn tại", label="2.", bold=True),
        Para(
            "Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp so với chỉ tiêu thị xã giao; việc số hóa kết quả "
            "giải quyết TTHC chưa đạt yêu cầu; một số công chức còn kiêm nhiệm nhiều việc nên chất lượng "
            "tham mưu chưa cao."
        ),
        Para("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", label="III.", section=True),
        Para(
            "- Tiếp tục quán triệt, triển khai đầy đủ Kế hoạch CCHC năm 2024 của UBND phường; phấn đấu Chỉ số "
            "CCHC năm 2024 duy trì trong nhóm 5 đơn vị dẫn đầu thị xã."
        ),
        Para(
            "- Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến; nâng cao tỷ lệ số "
            "hóa hồ sơ, kết quả giải quyết TTHC."
        ),
        Para(
            "- Nâng cao chất lượng đội ngũ cán bộ, công chức; gắn kết quả thực hiện nhiệm vụ CCHC với đánh "
            "giá, xếp loại và thi đua, khen thưởng."
        ),
        Para(
            "Trên đây là Báo cáo kết quả Chỉ số cải cách hành chính năm 2023 và phương hướng, nhiệm vụ năm "
            "2024 của UBND phường Đông Hòa./."
        ),
        Signature(
            [
                "- Phòng Nội vụ thị xã Phú Lâm;",
                "- Thường trực Đảng ủy phường;",
                "- Chủ tịch, các PCT UBND;",
                "- Lưu: VT.",
            ],
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            "Trần Thị Thu Hà",
        ),
    ]
    report = Report(name="dong-hoa-2023", items=items, page_number="top")
    data = truth(
        meta={
            "unit_name": "Đông Hòa",
            "unit_level": "phường",
            "district": "Phú Lâm",
            "province": "Thái Nguyên",
            "doc_number": "42/BC-UBND",
            "issued_date": "2024-03-20",
            "report_year": 2023,
            "signer": "Trần Thị Thu Hà",
        },
        overall={
            "score": float(total),
            "max_score": 100.0,
            "percent": float(pct(total, Decimal(100))),
            "rank": 4,
            "rank_total": 19,
            "rank_change": 3,
            "classification": "Tốt",
        },
        crits=crits,
        planted=[
            {
                "kind": "percent_mismatch",
                "subject": "7",
                "note": "table row 7: 11,08/13 is 85,23% but the table prints 82,54",
            },
            {
                "kind": "rank_out_of_range",
                "subject": "5",
                "note": "table row 5: rank 21/19, larger than the number of units",
            },
        ],
    )
    # The table has no column of rank changes and the prose states one only for criterion 3
    # ("tăng 4 bậc"): the truth holds what the report states, so the others are null.
    for code, crit in data["criteria"].items():  # type: ignore[attr-defined]
        if code != "3":
            crit["rank_change"] = None
    return report, data


# ---- b) thị trấn Phước An: DOCX, Word automatic numbering, bold direct formatting ----------------

PHUOC_AN = {
    "1": Crit("Công tác chỉ đạo, điều hành CCHC", "14", "12.5", 3, 20, 2),
    "2": Crit("Cải cách thể chế", "6", "5.5", 5, 20, -1),
    "3": Crit("Cải cách thủ tục hành chính", "17", "15.75", 2, 20, 4),
    "4": Crit("Cải cách tổ chức bộ máy hành chính nhà nước", "6", "6", 1, 20, 0),
    "5": Crit("Cải cách chế độ công vụ", "10", "8.5", 9, 20, -3),
    "6": Crit("Cải cách tài chính công", "8", "7.5", 4, 20, 1),
    "7": Crit("Xây dựng, phát triển Chính quyền điện tử, Chính quyền số", "13", "11.2", 6, 20, 5),
    "8": Crit("Tác động của cải cách hành chính đến phát triển kinh tế - xã hội", "2", "1.6", 7, 20, None),
    "9": Crit("Đánh giá tác động của các tổ chức, cá nhân đối với công tác CCHC", "14", "11.8", 8, 20, None),
    "10": Crit(
        "Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của UBND thị trấn",
        "10",
        "9.2",
        5,
        20,
        None,
    ),
}

PHUOC_AN_DETAILS: dict[str, list[str]] = {
    "1": [
        (
            "Các chỉ số đạt điểm tối đa: ban hành Kế hoạch CCHC năm 2021 đúng thời hạn (Chỉ số 1.1); thực hiện "
            "đầy đủ chế độ báo cáo CCHC định kỳ (Chỉ số 1.2); kiểm tra công tác CCHC đối với 100% bộ phận chuyên "
            "môn (Chỉ số 1.3); tuyên truyền CCHC (Chỉ số 1.4)."
        ),
        (
            "Các chỉ số chưa đạt điểm tối đa: Chỉ số 1.5 (sáng kiến, giải pháp mới trong thực hiện CCHC) đạt "
            "0,5/1,5 điểm; Chỉ số 1.6 (đối thoại giữa lãnh đạo UBND với người dân) đạt 0,5/1 điểm do chỉ tổ "
            "chức được 01 cuộc đối thoại trong năm."
        ),
    ],
    "2": [
        (
            "Đã ban hành đầy đủ kế hoạch theo dõi thi hành pháp luật, kế hoạch phổ biến giáo dục pháp luật năm "
            "2021. Còn 01 văn bản quy phạm pháp luật chưa được tự kiểm tra kịp thời sau khi ban hành."
        ),
    ],
    "3": [
        (
            "Năm 2021, Bộ phận Tiếp nhận và trả kết quả thị trấn tiếp nhận 2.418 hồ sơ, giải quyết đúng hạn "
            "2.411 hồ sơ, đạt tỷ lệ 99,71%; công khai đầy đủ 112 TTHC thuộc thẩm quyền giải quyết trên Cổng "
            "dịch vụ công của tỉnh Quảng Ngãi và tại trụ sở."
        ),
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC còn thấp, chưa đạt chỉ tiêu huyện giao.",
    ],
    "4": [
        (
            "Thực hiện đúng quy định về tổ chức bộ máy, số lượng cán bộ, công chức; ban hành và thực hiện "
            "nghiêm quy chế làm việc của UBND thị trấn nhiệm kỳ 2021 - 2026."
        ),
    ],
    "5": [
        (
            "Thực hiện đúng quy trình đánh giá, xếp loại cán bộ, công chức năm 2021. Còn 03/21 cán bộ, công "
            "chức chưa đạt chuẩn về trình độ chuyên môn theo quy định; việc chấp hành giờ giấc làm việc của "
            "một số công chức chưa nghiêm."
        ),
    ],
    "6": [
        "Các chỉ số đạt điểm tối đa:",
        "- Chỉ số 6.1 (Thực hiện quy chế chi tiêu nội bộ): ban hành và thực hiện đúng quy chế chi tiêu nội bộ.",
        "- Chỉ số 6.2 (Công khai dự toán, quyết toán ngân sách thị trấn): đạt 1,5/2 điểm.",
        "- Chỉ số 6.3 (Quản lý, sử dụng tài sản công): thực hiện đúng quy định.",
    ],
    "7": [
        (
            "Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng đạt 96,5%; tỷ lệ hồ sơ TTHC giải quyết "
            "trực tuyến mức độ 3, 4 đạt 38,2%, chưa đạt chỉ tiêu 50% của huyện."
        ),
    ],
    "8": [
        "Có 11/14 chỉ tiêu phát triển kinh tế - xã hội năm 2021 đạt và vượt kế hoạch đề ra.",
    ],
    "9": [
        (
            "Kết quả lấy ý kiến của đại biểu HĐND huyện, lãnh đạo UBND huyện và lãnh đạo các phòng, ban "
            "chuyên môn thuộc UBND huyện."
        ),
    ],
    "10": [
        "Kết quả khảo sát 120 phiếu lấy ý kiến người dân, tổ chức đã giao dịch tại Bộ phận Một cửa thị trấn.",
    ],
}


def phuoc_an() -> tuple[Report, dict[str, object]]:
    crits = PHUOC_AN
    total = sum((Decimal(c.score) for c in crits.values()), Decimal(0))
    assert total == Decimal("89.55"), total
    stated = Decimal("90.35")  # planted: not the sum of the criteria
    items: list[Item] = [
        Header(
            [("ỦY BAN NHÂN DÂN", False), ("THỊ TRẤN PHƯỚC AN", True), ("Số: 08/BC-UBND", False)],
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                ("Độc lập - Tự do - Hạnh phúc", True),
                ("Phước An, ngày 10 tháng 02 năm 2022", False),
            ],
        ),
        Title(
            [
                "BÁO CÁO",
                "Phân tích, đánh giá kết quả Chỉ số cải cách hành chính năm 2021",
                "của UBND thị trấn Phước An",
            ]
        ),
        Para(
            "Thực hiện Quyết định số 312/QĐ-UBND ngày 25/02/2022 của UBND huyện Tây Trà Sơn về việc công bố "
            "Chỉ số cải cách hành chính năm 2021 của UBND các xã, thị trấn; UBND thị trấn Phước An báo cáo "
            "phân tích, đánh giá kết quả Chỉ số cải cách hành chính năm 2021 như sau:"
        ),
        Para("KẾT QUẢ CHUNG", label="I.", section=True),
        Para(
            f"Năm 2021, Chỉ số cải cách hành chính của UBND thị trấn Phước An đạt {vn(stated)}/100 điểm, tỷ lệ "
            f"{short(pct(stated, Decimal(100)))}%, xếp hạng 2/20 xã, thị trấn, tăng 1 bậc so với năm 2020; "
            "xếp loại Tốt. Kết quả từng chỉ số thành phần như sau:"
        ),
        Para("KẾT QUẢ TỪNG CHỈ SỐ THÀNH PHẦN", label="II.", section=True),
    ]
    for code, c in crits.items():
        head = (
            f"Chỉ số thành phần {c.title}: đạt {vn(c.score)}/{vn(c.max_score)} điểm "
            f"({short(c.printed_percent)}%), xếp hạng {c.rank}/{c.rank_total}"
        )
        if c.rank_change is not None:
            head += ", " + (
                change_text(c.rank_change, 2020)
                if c.rank_change == 0
                else f"{'tăng' if c.rank_change > 0 else 'giảm'} {abs(c.rank_change)} bậc"
            )
        items.append(Para(head + ".", label=f"{code}.", bold=True, auto="criteria"))
        items += [Para(line) for line in PHUOC_AN_DETAILS[code]]
    items += [
        Para("HẠN CHẾ VÀ NGUYÊN NHÂN", label="III.", section=True),
        Para(
            "- Chưa có sáng kiến, giải pháp mới trong thực hiện CCHC; số cuộc đối thoại giữa lãnh đạo UBND "
            "thị trấn với người dân còn ít."
        ),
        Para(
            "- Tỷ lệ hồ sơ TTHC giải quyết trực tuyến còn thấp do người dân chưa quen sử dụng dịch vụ công "
            "trực tuyến; hạ tầng công nghệ thông tin tại Bộ phận Một cửa còn hạn chế."
        ),
        Para("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022", label="IV.", section=True),
        Para(
            "- Phấn đấu Chỉ số CCHC năm 2022 của thị trấn đạt từ 90 điểm trở lên, duy trì trong nhóm 3 đơn vị "
            "dẫn đầu huyện."
        ),
        Para(
            "- Tập trung khắc phục các chỉ số thành phần bị trừ điểm; đẩy mạnh số hóa hồ sơ, kết quả giải "
            "quyết TTHC và cung cấp dịch vụ công trực tuyến mức độ 3, 4."
        ),
        Para(
            "Trên đây là báo cáo phân tích, đánh giá kết quả Chỉ số cải cách hành chính năm 2021 của UBND "
            "thị trấn Phước An./."
        ),
        Signature(
            ["- Phòng Nội vụ huyện;", "- TT Đảng ủy, TT HĐND thị trấn;", "- Lưu: VT, VP."],
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            "Lê Văn Thành",
        ),
    ]
    report = Report(name="phuoc-an-2021", items=items, lists={"criteria": True})
    data = truth(
        meta={
            "unit_name": "Phước An",
            "unit_level": "thị trấn",
            "district": "Tây Trà Sơn",
            "province": "Quảng Ngãi",
            "doc_number": "08/BC-UBND",
            "issued_date": "2022-02-10",
            "report_year": 2021,
            "signer": "Lê Văn Thành",
        },
        overall={
            "score": float(stated),
            "max_score": 100.0,
            "percent": float(pct(stated, Decimal(100))),
            "rank": 2,
            "rank_total": 20,
            "rank_change": 1,
            "classification": "Tốt",
        },
        crits=crits,
        planted=[
            {
                "kind": "total_mismatch",
                "subject": "overall",
                "note": "the ten criteria sum to 89,55 but the report states 90,35/100",
            },
            {
                "kind": "status_contradiction",
                "subject": "6.2",
                "note": "Chỉ số 6.2 is listed under 'đạt điểm tối đa' but scores 1,5/2",
            },
            {
                "kind": "date_inconsistency",
                "subject": "312/QĐ-UBND",
                "note": "Quyết định 312/QĐ-UBND dated 25/02/2022, after the report's own date 10/02/2022",
            },
        ],
    )
    return report, data


# ---- c) xã Đồng Lạc: clean two-page-plus PDF with running header and "Trang N/M" --------------------

DONG_LAC = {
    "1": Crit("Công tác chỉ đạo, điều hành", "15", "13.25", 4, 18, 2),
    "2": Crit("Cải cách thể chế", "5", "4.5", 6, 18, -1),
    "3": Crit("Cải cách thủ tục hành chính", "18.5", "16.8", 3, 18, 5),
    "4": Crit("Cải cách tổ chức bộ máy hành chính nhà nước", "6", "6", 1, 18, 0),
    "5": Crit("Cải cách chế độ công vụ", "11", "9.9", 5, 18, 1),
    "6": Crit("Cải cách tài chính công", "7", "6.5", 2, 18, 3),
    "7": Crit("Xây dựng, phát triển Chính quyền điện tử, Chính quyền số", "11.5", "10.35", 4, 18, 2),
    "8": Crit("Tác động của CCHC đến sự phát triển kinh tế - xã hội", "2", "1.7", 6, 18, -2),
    "9": Crit("Chỉ số đánh giá tác động của các tổ chức đối với CCHC của UBND xã", "14", "12.4", 3, 18, 1),
    "10": Crit(
        "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
        "10",
        "9.45",
        2,
        18,
        4,
    ),
}

DONG_LAC_DETAILS: dict[str, list[str]] = {
    "1": [
        (
            "- Ban hành Kế hoạch CCHC năm 2023 đúng thời hạn, xác định rõ nhiệm vụ, sản phẩm và thời gian hoàn "
            "thành; thực hiện đầy đủ các báo cáo CCHC định kỳ quý, 6 tháng, năm."
        ),
        (
            "- Mục 1.5 (sáng kiến, giải pháp mới trong thực hiện CCHC): chưa có sáng kiến được công nhận, bị "
            "trừ 1 điểm."
        ),
        (
            "- Mục 1.6 (đối thoại của lãnh đạo UBND xã với người dân): tổ chức 3/4 cuộc đối thoại theo kế "
            "hoạch, bị trừ 0,75 điểm."
        ),
    ],
    "2": [
        (
            "- Thực hiện tốt công tác phổ biến, giáo dục pháp luật; tuy nhiên việc tự kiểm tra văn bản quy "
            "phạm pháp luật do xã ban hành chưa kịp thời, bị trừ 0,5 điểm."
        ),
    ],
    "3": [
        (
            "- Công khai đầy đủ, đúng quy định 109 TTHC thuộc thẩm quyền giải quyết của UBND xã trên Cổng dịch "
            "vụ công và tại Bộ phận Một cửa."
        ),
        (
            "- Năm 2023, UBND xã tiếp nhận 1.250 hồ sơ TTHC, trong đó giải quyết đúng hạn 1.245 hồ sơ, đạt tỷ "
            "lệ 99,6%; 05 hồ sơ trễ hạn đã có văn bản xin lỗi người dân."
        ),
        "- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 82,4%, chưa đạt chỉ tiêu huyện giao.",
    ],
    "4": [
        (
            "- Thực hiện nghiêm các quy định về tổ chức bộ máy, bố trí cán bộ, công chức đúng vị trí việc làm; "
            "quy chế làm việc của UBND xã được rà soát, bổ sung kịp thời."
        ),
    ],
    "5": [
        (
            "- Có 19/20 cán bộ, công chức xã đạt chuẩn theo quy định, đạt tỷ lệ 95%; việc đánh giá, xếp loại "
            "cán bộ, công chức thực hiện đúng quy trình."
        ),
    ],
    "6": [
        (
            "- Công khai dự toán, quyết toán ngân sách xã đầy đủ; chưa đăng tải kịp thời báo cáo công khai "
            "quý III trên Trang thông tin điện tử của xã."
        ),
    ],
    "7": [
        (
            "- Tỷ lệ văn bản điện tử được ký số đạt 98,5%; tỷ lệ hồ sơ TTHC giải quyết trực tuyến đạt 812/1.250 "
            "hồ sơ, tỷ lệ 64,96%."
        ),
    ],
    "8": [
        "- Có 13/15 chỉ tiêu phát triển kinh tế - xã hội năm 2023 đạt và vượt kế hoạch.",
    ],
    "9": [
        (
            "- Kết quả lấy ý kiến đại biểu HĐND huyện, lãnh đạo UBND huyện và lãnh đạo các phòng, ban chuyên "
            "môn thuộc UBND huyện đối với công tác CCHC của xã."
        ),
    ],
    "10": [
        (
            "- Kết quả khảo sát trực tiếp 30 phiếu đối với người dân đã thực hiện TTHC tại Bộ phận Một cửa xã "
            "trên 3 lĩnh vực: Tư pháp - Hộ tịch, Đất đai, Lao động - Thương binh và Xã hội."
        ),
    ],
}


def dong_lac() -> tuple[Report, dict[str, object]]:
    crits = DONG_LAC
    total = sum((Decimal(c.score) for c in crits.values()), Decimal(0))
    assert total == Decimal("90.85"), total
    items: list[Item] = [
        Header(
            [("ỦY BAN NHÂN DÂN", False), ("XÃ ĐỒNG LẠC", True), ("Số: 17/BC-UBND", False)],
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                ("Độc lập - Tự do - Hạnh phúc", True),
                ("Đồng Lạc, ngày 28 tháng 3 năm 2024", False),
            ],
        ),
        Title(
            [
                "BÁO CÁO",
                "Kết quả thực hiện công tác cải cách hành chính năm 2023",
                "và nhiệm vụ trọng tâm năm 2024",
            ]
        ),
        Para(
            "Căn cứ Kế hoạch số 95/KH-UBND ngày 20/12/2022 của UBND xã Đồng Lạc về thực hiện công tác cải "
            "cách hành chính năm 2023; Căn cứ Quyết định số 604/QĐ-UBND ngày 12/3/2024 của UBND huyện Kim "
            "Bảng về việc công bố Chỉ số cải cách hành chính năm 2023 của UBND các xã, thị trấn trên địa bàn "
            "huyện; UBND xã Đồng Lạc báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 như sau:"
        ),
        Para("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", label="I.", section=True),
        Para(
            f"Năm 2023, UBND xã Đồng Lạc được UBND huyện đánh giá, chấm điểm Chỉ số CCHC đạt {vn(total)}/100 "
            f"điểm, tỷ lệ {short(pct(total, Decimal(100)))}%, xếp thứ 3/18 xã, thị trấn của huyện, tăng 4 "
            "bậc so với năm 2022, được xếp loại hoàn thành tốt nhiệm vụ. Kết quả cụ thể trên từng lĩnh vực "
            "như sau:"
        ),
    ]
    for code, c in crits.items():
        head = (
            f"{c.title}: đạt {vn(c.score)}/{vn(c.max_score)} điểm, tỷ lệ {short(c.printed_percent)}%, "
            f"xếp thứ {c.rank}/{c.rank_total} xã, thị trấn, {change_text(c.rank_change, 2022)}."
        )
        items.append(Para(head, label=f"{code}.", bold=True))
        items += [Para(line) for line in DONG_LAC_DETAILS[code]]
    items += [
        Para("ĐÁNH GIÁ CHUNG", label="II.", section=True),
        Para("Ưu điểm", label="1.", bold=True),
        Para(
            "Công tác CCHC năm 2023 của xã có nhiều chuyển biến tích cực; Đảng ủy, UBND xã quan tâm lãnh "
            "đạo, chỉ đạo sát sao; đội ngũ cán bộ, công chức nâng cao tinh thần trách nhiệm, thái độ phục vụ "
            "người dân, tổ chức. Chỉ số CCHC của xã tăng cả về điểm số và thứ hạng so với năm 2022."
        ),
        Para("Tồn tại, hạn chế", label="2.", bold=True),
        Para(
            "Chưa có sáng kiến, giải pháp mới trong thực hiện CCHC; số cuộc đối thoại với người dân chưa đạt "
            "kế hoạch; tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt chỉ tiêu huyện giao; việc tự kiểm "
            "tra văn bản quy phạm pháp luật còn chậm."
        ),
        Para("Nguyên nhân", label="3.", bold=True),
        Para(
            "Một số cán bộ, công chức kiêm nhiệm nhiều lĩnh vực; hạ tầng công nghệ thông tin chưa đồng bộ; "
            "một bộ phận người dân chưa có kỹ năng sử dụng dịch vụ công trực tuyến."
        ),
        Para("NHIỆM VỤ TRỌNG TÂM NĂM 2024", label="III.", section=True),
        Para(
            "Thực hiện Kế hoạch số 112/KH-UBND ngày 22/12/2023 của UBND xã về cải cách hành chính năm 2024, "
            "UBND xã tập trung thực hiện các nhiệm vụ sau:"
        ),
        Para(
            "Tiếp tục đẩy mạnh tuyên truyền về CCHC; phấn đấu có ít nhất 01 sáng kiến, giải pháp mới trong "
            "thực hiện CCHC được công nhận trong năm 2024.",
            label="1.",
        ),
        Para(
            "Tổ chức đầy đủ các cuộc đối thoại giữa lãnh đạo UBND xã với người dân theo kế hoạch.", label="2."
        ),
        Para(
            "Nâng cao tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC và tỷ lệ hồ sơ giải quyết trực tuyến; "
            "thực hiện nghiêm việc tự kiểm tra văn bản quy phạm pháp luật.",
            label="3.",
        ),
        Para(
            "Trên đây là Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 và nhiệm vụ trọng "
            "tâm năm 2024 của UBND xã Đồng Lạc./."
        ),
        Signature(
            ["- Phòng Nội vụ huyện Kim Bảng;", "- Đảng ủy, HĐND xã;", "- Lưu: VP."],
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            "Phạm Quang Huy",
        ),
    ]
    report = Report(
        name="dong-lac-2023",
        items=items,
        running_header="Báo cáo CCHC năm 2023 - xã Đồng Lạc",
        page_number="trang",
    )
    data = truth(
        meta={
            "unit_name": "Đồng Lạc",
            "unit_level": "xã",
            "district": "Kim Bảng",
            "province": None,
            "doc_number": "17/BC-UBND",
            "issued_date": "2024-03-28",
            "report_year": 2023,
            "signer": "Phạm Quang Huy",
        },
        overall={
            "score": float(total),
            "max_score": 100.0,
            "percent": float(pct(total, Decimal(100))),
            "rank": 3,
            "rank_total": 18,
            "rank_change": 4,
            "classification": "hoàn thành tốt nhiệm vụ",
        },
        crits=crits,
        planted=[],
    )
    return report, data


# ---------------------------------------------------------------------------------------------------
# The sample's truth (values it states, and the inconsistencies it contains as we read them)
# ---------------------------------------------------------------------------------------------------

MINH_DUC_CRITERIA: dict[str, Crit] = {
    "1": Crit("công tác chỉ đạo, điều hành", "15", "12.7", 5, 19, 6, percent="87.67"),
    "2": Crit("cải cách thể chế", "5", "5", 1, 3, 0, percent="100"),
    "3": Crit("Cải cách thủ tục hành chính", "18.5", "15.52", 16, 21, -13, percent="83.89"),
    "4": Crit(
        "cải cách tổ chức bộ máy nhà nước, chính quyền địa phương", "6", "6", None, None, 0, percent="100"
    ),
    "5": Crit("Cải cách chế độ công vụ", "11", "8.8", 14, 19, -15, percent="80"),
    "6": Crit("cải cách tài chính công", "7", "6", 5, 13, -10, percent="85.71"),
    "7": Crit("xây dựng Chính quyền điện tử, chính quyền số", "11.5", "8.97", 12, 21, -7, percent="77.99"),
    "8": Crit(
        "tác động của CCHC đến sự phát triển kinh tế- xã hội", "2", "1.31", 8, 15, None, percent="65.65"
    ),
    "9": Crit(
        "chỉ số đánh giá tác động của các tổ chức đối với CCHC của UBND xã (qua điều tra xã hội học)",
        "14",
        "10",
        1,
        21,
        None,
        percent="71.4",
    ),
    "10": Crit(
        "chỉ số thành phần đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
        "hành chính nhà nước tại UBND xã (qua điều tra xã hội học)",
        "10",
        "9.67",
        4,
        19,
        None,
        percent="96.71",
    ),
}


def minh_duc_truth() -> dict[str, object]:
    total = sum((Decimal(c.score) for c in MINH_DUC_CRITERIA.values()), Decimal(0))
    assert total == Decimal("83.97"), total
    return truth(
        meta={
            "unit_name": "Minh Đức",
            "unit_level": "xã",
            "district": "Tứ Kỳ",
            "province": "Hải Dương",
            "doc_number": "29/BC-UBND",
            "issued_date": "2023-04-06",
            "report_year": 2022,
            "signer": "Nguyễn Hữu Lăng",
        },
        overall={
            "score": 83.97,
            "max_score": 100.0,
            "percent": 83.97,
            "rank": 8,
            "rank_total": 23,
            "rank_change": -5,
            "classification": "hoàn thành tốt nhiệm vụ",
        },
        crits=MINH_DUC_CRITERIA,
        planted=[
            {"kind": "percent_mismatch", "subject": "1", "note": "12,7/15 is 84,67%, printed 87,67%"},
            {"kind": "malformed_number", "subject": "7", "note": "'8,97/,11,5' read as 8,97/11,5"},
            # a conflict is known by the two values a reader sees printed, not by words the checker picks
            {
                "kind": "conflicting_values",
                "values": ["2/19", "2/10"],
                "note": "staff not up to standard: 2/19 in section I.5.2, 2/10 in section III.2.5",
            },
            {
                "kind": "conflicting_values",
                "values": ["3150/3155", "2.252/3.177"],
                "note": "records resolved in the year: 3150/3155 in criterion 3, 2.252/3.177 in criterion 7",
            },
            {"kind": "numbering_gap", "subject": "II", "note": "section II numbers its items 1, 9, 10"},
            {
                "kind": "year_mismatch",
                "subject": "closing",
                "note": "closing says 'Báo cáo tổng kết công tác CCHC năm 2023', the report is on 2022",
            },
            {
                "kind": "status_contradiction",
                "subject": "1.3",
                "note": "Mục 1.3 listed among full-score components but scores 0,5/1",
            },
            {
                "kind": "status_contradiction",
                "subject": "7.1.7",
                "note": "Chỉ số 7.1.7 listed both as full score and as not achieved (85,7%)",
            },
            {
                "kind": "status_contradiction",
                "subject": "3.1",
                "note": "Mục 3.1 listed under 3.1 (full score, 'đạt 100%') while its part 3.1.2 is listed under "
                "3.2 (not achieved, 'Không đạt điểm theo biểu điểm')",
            },
            {
                "kind": "status_contradiction",
                "subject": "3.3",
                "note": "Mục 3.3 listed both under 3.1 (full score) and under 3.2 (not achieved)",
            },
            {
                "kind": "status_contradiction",
                "subject": "3.5",
                "note": "Mục 3.5 listed both under 3.1 (full score) and under 3.2 (not achieved)",
            },
            {
                "kind": "status_contradiction",
                "subject": "3.6",
                "note": "Mục 3.6 listed both under 3.1 (full score) and under 3.2 (not achieved)",
            },
        ],
    )


# ---------------------------------------------------------------------------------------------------


def build_all(out_dir: Path) -> list[Path]:
    """Write every sample document and truth file into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "truth").mkdir(exist_ok=True)
    register_fonts()
    written: list[Path] = []
    txt = SAMPLES / "minh-duc-2022.txt"
    sample = sample_report(txt)
    build_pdf(sample, out_dir / "minh-duc-2022.pdf")
    build_docx(sample, out_dir / "minh-duc-2022.docx", heading_style=True)
    written += [out_dir / "minh-duc-2022.pdf", out_dir / "minh-duc-2022.docx"]
    truths: dict[str, dict[str, object]] = {"minh-duc-2022": minh_duc_truth()}

    makers: list[tuple[Callable[[], tuple[Report, dict[str, object]]], str]] = [
        (dong_hoa, "pdf"),
        (phuoc_an, "docx"),
        (dong_lac, "pdf"),
    ]
    for make, fmt in makers:
        report, data = make()
        path = out_dir / f"{report.name}.{fmt}"
        if fmt == "pdf":
            build_pdf(report, path)
        else:
            build_docx(report, path, heading_style=False)
        truths[report.name] = {"file": path.name, **data}
        written.append(path)
    truths["minh-duc-2022"] = {"file": "minh-duc-2022.txt", **truths["minh-duc-2022"]}
    for name, data in truths.items():
        path = out_dir / "truth" / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else SAMPLES
    for path in build_all(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
