"""Build the held-out set: every spec of specs.py as a document (.txt, .docx, .pdf, converted .docx) and its truth.

    .venv/bin/python bench/heldout/build.py [--out bench/heldout/build] [--force]

Writes ``<out>/docs/<name>.<ext>`` and the truth, ``bench/heldout/truth/<name>.json`` (committed; with
another ``--out``, ``<out>/truth/``), and a stamp; a second run with the
same specs and builder is a no-op (``--force`` rebuilds). Deterministic: phrasings come from a
``random.Random`` seeded by each report's name; DOCX zips carry fixed dates and PDFs are written in
reportlab's invariant mode (LibreOffice's DOCX get fixed zip dates too). Converted DOCX are made from the rendered PDF by LibreOffice
(``soffice --headless --infilter=writer_pdf_import --convert-to docx``), which writes one text
frame per printed line; ``conv_lines`` and ``conv_flow`` then re-flow those lines into body
paragraphs the way other PDF-to-Word converters do (a paragraph per printed line, or paragraphs
cut every few lines regardless of sentences). Round 16: ``odt`` and ``rtf`` are the rendered DOCX opened and saved by
LibreOffice (``soffice --convert-to odt|rtf``; the ODT with fixed zip dates and its random revision ids fixed). Round 19:
a searchable scan is the page images run through ``tesseract … pdf`` (its creation date fixed); DOCX comments, a footer
naming the unit, a criteria table as a PNG, and PDF paragraphs hyphenated by the builder. Round 21: a DOCX typed in the
legacy TCVN3 (ABC) font encoding (``tcvn3``: runs in ".VnTime" whose characters are the TCVN3 bytes read as Latin-1,
capitals with a tone mark and headings in capitals in ".VnTimeH" with the lower-case codes; the byte table is glibc's
``iconv -t TCVN5712-1``), the DOCX saved by LibreOffice as Word 97-2003 ``.doc``, and a report typed in a spreadsheet
(``xlsx``, openpyxl: merged title rows, numbers as numbers with a display format, the records on a second sheet).
Round 22: DOCX XML python-docx does not write (hidden runs, w:vanish; a text box in mc:AlternateContent, its words in
mc:Choice and again in mc:Fallback; w:sym bullets), a PDF printed from a TCVN3 document (its text layer the TCVN3
bytes as Latin-1; reportlab's soft-hyphen handling held off, 0xAD being "ư"), a portrait page stored with /Rotate 90
holding the turned criteria table, and spreadsheet formulas with the cached values Excel stores beside them (written
into the sheet XML by the builder: LibreOffice Calc is not installed, only Writer).
Round 23: the same words stored as other tools store them (NFD, zero-width spaces and soft hyphens, en dashes, curly
quotes and full-width colons, a space between thousands), applied to the blocks before any format renders them; a
header date in a SAVEDATE field; revisions (w:del, w:ins) inside a criteria table's cells.
Round 25: a printed page photographed with a phone (perspective, uneven light, blur, JPEG) and saved as a PDF, the report
printed two pages to a sheet and scanned, a scan of justified text hyphenated at line ends, and a DOCX whose annex is a
section on a landscape page.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from compose import Block, compose
from specs import SPECS

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
EXTENSIONS = {"txt": ".txt", "txt_utf16": ".txt", "docx": ".docx", "docx_autonum": ".docx", "pdf": ".pdf",
              "conv_soffice": ".docx", "conv_lines": ".docx", "conv_flow": ".docx", "scan": ".pdf",
              "odt": ".odt", "rtf": ".rtf",  # round 16: the DOCX saved by LibreOffice as OpenDocument or RTF
              "doc": ".doc", "xlsx": ".xlsx"}  # round 21: Word 97-2003 saved by LibreOffice; a spreadsheet
DEFAULT_OUT = HERE / "build"
COMMITTED_TRUTH = HERE / "truth"  # the default build's truth is committed, so a reviewer can read it without building


def truth_dir_for(out: Path) -> Path:
    return COMMITTED_TRUTH if out.resolve() == DEFAULT_OUT.resolve() else out / "truth"


def truth_json(truth: dict[str, Any]) -> str:
    return json.dumps(truth, ensure_ascii=False, indent=1) + "\n"


# ---- text ---------------------------------------------------------------------------------------
def hyphen_wrap(text: str, width: int = 78) -> list[str]:
    """Round 18: justified text as some tools break it: a word of letters that does not fit at a line's end is cut
    inside, its first letters and a hyphen on this line, the rest on the next ("hành chí-" / "nh"). Numbers, codes and
    words with a hyphen of their own are never cut; lines break only at spaces otherwise."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - 2  # a space before the piece and the hyphen after it
        if line and word.isalpha() and len(word) >= 4 and room >= 2:
            cut = min(room, len(word) - 2)
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def pdf_hyphen_lines(text: str, first_width: float, width: float) -> list[str]:
    """Round 19: a paragraph's lines as DejaVu Serif 11 pt fills them (the first line indented): a word of letters
    (at least 4, not an abbreviation in capitals) that does not fit is cut inside, as many of its letters as fit (at
    least 2, leaving at least 2) and "-" on this line, the rest on the next; numbers, codes ("UBND") and words with a
    hyphen of their own are never cut."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()

    def fits(candidate: str, lines_so_far: int) -> bool:
        limit = first_width if lines_so_far == 0 else width
        return stringWidth(candidate, "DejaVuSerif", 11) <= limit - 4

    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if fits(candidate, len(lines)):
            line = candidate
            continue
        cut = len(word) - 2
        while cut >= 2 and not fits(f"{line} {word[:cut]}-", len(lines)):
            cut -= 1
        if line and word.isalpha() and not word.isupper() and len(word) >= 4 and cut >= 2:
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def render_txt(blocks: list[Block], rng: random.Random, hyphens: bool = False) -> str:
    """Plain text: either one paragraph a line, or hard-wrapped like text copied out of a PDF (with ``hyphens``,
    round 18, always wrapped, words cut at line ends with a hyphen)."""
    wrapped = rng.random() < 0.6
    if hyphens:
        wrapped = True
        textwrap_wrap = hyphen_wrap
    else:
        textwrap_wrap = textwrap.wrap
    blank_between = rng.random() < 0.5
    lines: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "header":
            lines += [*block[1][:-1], "", block[1][-1], "", *block[2][:2], "", block[2][2], ""]
        elif kind == "center":
            lines.append(block[1])
        elif kind in ("heading", "subheading", "autonum"):
            lines += textwrap_wrap(block[1], 80) if wrapped else [block[1]]
        elif kind == "para":
            lines += textwrap_wrap(block[1], 80) if wrapped else [block[1]]
            if blank_between:
                lines.append("")
        elif kind == "pre":
            lines += ["", *block[1], ""]
        elif kind == "signature":
            lines += ["", *block[1], "", *[x for x in block[2] if x]]
    if wrapped:  # a stray page number left by the copy, as in real exports
        at = len(lines) * 2 // 3
        while at < len(lines) and lines[at].strip():
            at += 1
        lines[at:at] = ["", "", str(rng.randint(3, 6)), ""]
    return "\n".join(lines) + "\n"


def cp1258_bytes(text: str) -> bytes:
    """Round 20: text as Windows-1258 holds it (Notepad's or Word's "Vietnamese (Windows)"): the letters with a
    circumflex, breve or horn and "đ" are single bytes, the tone marks combining bytes after the letter (cp1258 has
    no precomposed toned letter beyond a few Latin-1 ones, which its encoder takes as they are)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        shape = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
        out.append((shape + "".join(tones)).encode("cp1258"))
    return b"".join(out)


def render_email(blocks: list[Block], spec: dict[str, Any]) -> str:
    """Round 17: the report as a forwarded e-mail's quoted body: a reply line and the mail's headers, then every line
    hard-wrapped at 70 characters and quoted with "> " (a table of the text, its rows quoted as they are)."""
    d = date_of(spec)
    forwarded = f"Văn phòng UBND {spec['level']} {spec['unit']} chuyển lại báo cáo theo email dưới đây."
    sender = f"Văn phòng UBND {spec['level']} <vanphong.{spec['name'].rsplit('-', 1)[0]}@gmail.com>"
    reply = f"Vào ngày {d.day:02d}/{d.month:02d}/{d.year} lúc 08:14, {sender} đã viết:"
    lines = ["Kính gửi Phòng Nội vụ,", "", forwarded, "", reply, ""]
    quoted: list[str] = []
    for line in render_txt(blocks, _OnePerLine()).split("\n"):  # one paragraph a line, then the mailer's wrap
        quoted += textwrap.wrap(line, 70) if line.strip() else [""]
    lines += [("> " + line).rstrip() for line in quoted]
    return "\n".join(lines) + "\n"


class _OnePerLine(random.Random):
    """render_txt's choices for a mail body: one paragraph a line, no blank line between (the mailer wraps them)."""

    def random(self) -> float:
        return 0.99


def date_of(spec: dict[str, Any]) -> Any:
    import datetime as _dt

    return _dt.date.fromisoformat(spec["date"])


# ---- DOCX ---------------------------------------------------------------------------------------
NUMBER_FORMATS = {"prose_a": ("decimal", "%1."), "prose_b": ("decimal", "Tiêu chí %1:"),
                  "prose_c": ("upperRoman", "%1."), "table": ("decimal", "%1."), "prose_d": ("decimal", "%1)"),
                  "prose_f": ("decimal", "Lĩnh vực %1:"), "prose_g": ("decimal", "%1/"), "prose_h": ("lowerLetter", "%1)"),
                  "prose_i": ("upperRoman", "%1."), "prose_j": ("decimal", "%1."),
                  "prose_l": ("decimal", "%1."), "table_self": ("decimal", "%1."), "prose_n": ("decimal", "%1."),
                  "table_end": ("decimal", "%1."), "prose_q": ("decimal", "%1."),  # prose_q: round 12
                  "prose_r": ("decimal", "%1."),  # round 13
                  "prose_s": ("decimal", "%1."),  # round 14
                  "prose_t": ("decimal", "%1."),  # round 15
                  "prose_u": ("decimal", "Lĩnh vực %1.")}  # round 20


def add_numbering(document: Any, fmt: str, text: str) -> int:
    """A single-level Word numbering definition; returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>')
    numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def numbered_style(document: Any, num_id: int) -> Any:
    """Round 22 (``style_numbering``): a paragraph style "Tiêu chí CCHC" that carries the numbering (w:numPr in the
    style's w:pPr, the level linked back to the style by w:pStyle), so its paragraphs are numbered with no w:numPr of
    their own, as a clerk's template numbers its headings."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    style = document.styles.add_style("Tiêu chí CCHC", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold = True
    style.element.get_or_add_pPr().insert(
        0, parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{num_id}"/></w:numPr>'))
    level = document.part.numbering_part.element.find(f'{qn("w:abstractNum")}/{qn("w:lvl")}')
    level.insert(2, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{style.style_id}"/>'))
    return style


def set_num(paragraph: Any, num_id: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def office_text(text: str, spec: dict[str, Any]) -> str:
    """Round 12: what an office's Word file holds in place of plain spaces: a non-breaking space before "điểm" and
    "hồ sơ" (``nbsp``), thin spaces for the thousands ("1 863", ``thin_thousands``)."""
    if spec.get("nbsp"):
        text = text.replace(" điểm", "\u00a0điểm").replace(" hồ sơ", "\u00a0hồ sơ")
    if spec.get("thin_thousands"):
        text = re.sub(r"(?<![\d,.])(\d{1,3})\.(\d{3})(?![\d,])", "\\1\u2009\\2", text)
    return text


def add_soft_broken(document: Any, text: str) -> Any:
    """Round 12 (``soft_breaks``): a paragraph typed with Shift+Enter (a w:br) after its first sentence, or in a long
    sentence after a comma."""
    para = document.add_paragraph()
    cut = text.find(". ", 20) + 1  # after the first sentence, else after a comma past the 60th character
    if cut <= 0 and len(text) >= 120:
        cut = text.find(", ", 60) + 1
    if cut <= 0:
        para.add_run(text)
        return para
    para.add_run(text[:cut]).add_break()
    para.add_run(text[cut + 1:])
    return para


def add_textbox_header(document: Any, left: list[str], right: list[str]) -> None:
    """Round 12 (``textbox_header``): the header's two sides typed in two text boxes (VML shapes, w:txbxContent)
    side by side at the top of the page, as many offices lay out the national motto, not in a table."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    def box(lines: list[str], left_pt: int, width_pt: int, shape_id: int) -> str:
        paragraphs = "".join(
            f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{"<w:rPr><w:b/></w:rPr>" if i < 2 else ""}'
            f'<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for i, line in enumerate(lines))
        shapetype = ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
                     'path="m,l,21600r21600,l21600,xe"/>') if shape_id == 1 else ""
        return (f'<w:r><w:pict>{shapetype}<v:shape id="TextBox{shape_id}" o:spid="_x0000_s{1024 + shape_id}" '
                f'type="#_x0000_t202" style="position:absolute;margin-left:{left_pt}pt;margin-top:0;width:{width_pt}pt;'
                f'height:96pt;z-index:{shape_id}" stroked="f"><v:textbox inset="0,0,0,0"><w:txbxContent>{paragraphs}</w:txbxContent>'
                f'</v:textbox></v:shape></w:pict></w:r>')

    namespaces = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
    paragraph = parse_xml(f"<w:p {namespaces}>{box(left, -30, 190, 1)}{box(right, 170, 310, 2)}</w:p>")
    document.add_paragraph()._p.addprevious(paragraph)  # before the section properties, as the body's first paragraph
    for _ in range(3):  # room under the boxes, as the clerk leaves it (with the paragraph above: four)
        document.add_paragraph()


def revision(kind: str, text: str, rpr: Any, rev_id: int) -> Any:
    """A tracked insertion (w:ins) or deletion (w:del) of ``text``, by a clerk, left in the file."""
    from copy import deepcopy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(rev_id))
    wrapper.set(qn("w:author"), "Văn thư UBND")
    wrapper.set(qn("w:date"), "2024-01-10T08:00:00Z")
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(deepcopy(rpr))
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    wrapper.append(run)
    return wrapper


def apply_tracked(document: Any, edits: list[tuple[str, ...]]) -> None:
    """Round 12 (``tracked``): revisions left in the file. ("replace", new, old): ``new`` inserted, ``old`` deleted
    before it; ("delete", anchor, old): ``old`` deleted right after ``anchor``; ("insert", new): ``new`` inserted.
    The printed text is the text with the insertions and without the deletions."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    for rev_id, edit in enumerate(edits, start=100):
        kind, target = edit[0], edit[1]
        run = next(r for r in document.element.body.iter(qn("w:r"))
                   if r.find(qn("w:t")) is not None and target in (r.find(qn("w:t")).text or ""))
        t = run.find(qn("w:t"))
        text, rpr = t.text, run.find(qn("w:rPr"))
        start = text.index(target)
        before, after = (text[:start], text[start + len(target):])
        pieces: list[Any] = []
        if kind == "replace":
            pieces = [revision("del", edit[2], rpr, rev_id), revision("ins", target, rpr, rev_id + 50)]
        elif kind == "delete":
            before, pieces = text[:start + len(target)], [revision("del", edit[2], rpr, rev_id)]
        elif kind == "insert":
            pieces = [revision("ins", target, rpr, rev_id)]
        t.text = before
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        anchor = run
        for piece in pieces:
            anchor.addnext(piece)
            anchor = piece
        if after:
            tail = deepcopy(run)
            tail.find(qn("w:t")).text = after
            anchor.addnext(tail)


def apply_wrapped(document: Any, wraps: list[tuple[str, ...]]) -> None:
    """Round 13 (``wrapped``): a number inside a hyperlink or a Word field, as offices leave them. ("link", text, url):
    ``text`` inside a w:hyperlink to ``url`` (the first run that holds it); ("field", text, instr): the cell whose whole
    text is ``text`` made a w:fldSimple (a formula such as " =SUM(ABOVE) ", its last result shown)."""
    from copy import deepcopy

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, target, extra in wraps:
        if kind == "field":
            run = next(r for r in document.element.body.iter(qn("w:r"))
                       if r.find(qn("w:t")) is not None and (r.find(qn("w:t")).text or "") == target)
            wrapper = OxmlElement("w:fldSimple")
            wrapper.set(qn("w:instr"), extra)
            run.addprevious(wrapper)
            wrapper.append(run)
            continue
        run = next(r for r in document.element.body.iter(qn("w:r"))
                   if r.find(qn("w:t")) is not None and target in (r.find(qn("w:t")).text or ""))
        t = run.find(qn("w:t"))
        text = t.text
        start = text.index(target)
        wrapper = OxmlElement("w:hyperlink")
        wrapper.set(qn("r:id"), document.part.relate_to(extra, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        middle = deepcopy(run)
        middle.find(qn("w:t")).text = target
        wrapper.append(middle)
        tail = deepcopy(run)
        tail.find(qn("w:t")).text = text[start + len(target):]
        t.text = text[:start]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        tail.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.addnext(wrapper)
        wrapper.addnext(tail)


def put_header_in_page_header(document: Any, left: list[str], right: list[str]) -> None:
    """Round 17: the two sides of the header (the commune and the number; the motto and the date) in a table in the
    first page's header part (word/header*.xml), as an office's template holds them; the body starts at "BÁO CÁO"."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Cm(1.0)
    section.top_margin = Cm(6.0)
    part = section.first_page_header
    table = part.add_table(rows=1, cols=2, width=Cm(16))
    for cell, cell_lines in zip(table.rows[0].cells, (left, right)):
        for i, line in enumerate(cell_lines):
            para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(line).bold = True
    later = section.header.paragraphs[0]
    later.text = f"UBND {left[1].title()}" if len(left) > 2 else ""


def apply_content_controls(document: Any, needles: list[str]) -> None:
    """Round 17: each body paragraph holding one of ``needles`` wrapped in a content control (a block-level w:sdt with
    a title and a tag), as a form template fills the values."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for index, needle in enumerate(needles, start=1):
        para = next(p for p in document.paragraphs if needle in p.text)
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Giá trị {index}"/><w:tag w:val="gt{index}"/>'
                        f'<w:id w:val="{1000 + index}"/></w:sdtPr><w:sdtContent/></w:sdt>')
        para._p.addprevious(sdt)
        sdt[-1].append(para._p)


def apply_footnotes(document: Any, notes: list[tuple[str, str]]) -> None:
    """Round 18: footnotes as Word keeps them: a superscript reference mark (w:footnoteReference) right after the first
    body paragraph's ``anchor`` (a number or a word), the note's text in the footnotes part (word/footnotes.xml)."""
    import copy
    from xml.sax.saxutils import escape

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    bodies = []
    for number, (anchor, note) in enumerate(notes, start=1):
        para = next(p for p in document.paragraphs if anchor in p.text)
        run = next(r for r in para.runs if anchor in r.text)  # the anchor is typed inside one run
        cut = run.text.index(anchor) + len(anchor)
        before, after = run.text[:cut], run.text[cut:]
        run.text = before
        mark = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                         f'<w:footnoteReference w:id="{number}"/></w:r>')
        run._r.addnext(mark)
        if after:
            rest = copy.deepcopy(run._r)
            for t in rest.findall(qn("w:t")):
                rest.remove(t)
            text = parse_xml(f'<w:t {nsdecls("w")} xml:space="preserve">{escape(after)}</w:t>')
            rest.append(text)
            mark.addnext(rest)
        bodies.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr>'
                      f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="20"/>'
                      f'</w:rPr><w:t xml:space="preserve"> {escape(note)}</w:t></w:r></w:p></w:footnote>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {w}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/>'
           '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
           'w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           f'{"".join(bodies)}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def split_out_run(document: Any, anchor: str) -> Any:
    """The run holding exactly ``anchor``, cut out of the first body paragraph whose run holds it (the text before and
    after it kept in runs of their own, formatted alike)."""
    import copy

    para = next(p for p in document.paragraphs if any(anchor in r.text for r in p.runs))
    run = next(r for r in para.runs if anchor in r.text)
    at = run.text.index(anchor)
    before, after = run.text[:at], run.text[at + len(anchor):]
    run.text = anchor
    if before:
        head = copy.deepcopy(run._r)
        run._r.addprevious(head)
        from docx.text.run import Run

        Run(head, para).text = before
    if after:
        tail = copy.deepcopy(run._r)
        run._r.addnext(tail)
        from docx.text.run import Run

        Run(tail, para).text = after
    return run


def apply_comments(document: Any, comments: list[tuple[str, str, str]]) -> None:
    """Round 19: a reviewer's comments left in the file (word/comments.xml): each spans the body text ``anchor`` (a
    w:commentRangeStart / w:commentRangeEnd pair and a w:commentReference), its text quoting other numbers than the
    report's; ``comments`` are (anchor, author, text). Fixed dates, so the bytes stay the same."""
    import datetime as _dt

    for anchor, author, text in comments:
        run = split_out_run(document, anchor)
        initials = "".join(word[0] for word in author.split())
        comment = document.add_comment(run, text=text, author=author, initials=initials)
        comment._comment_elm.date = _dt.datetime(2024, 1, 2, 8, 30, tzinfo=_dt.UTC)


def apply_footer_unit(document: Any, spec: dict[str, Any]) -> None:
    """Round 19: the unit named only in the page footer (word/footer1.xml, "UBND xã … – Báo cáo kết quả CCHC năm …"), as
    a commune's template carries it; the body's header, title, prose and signature say only "UBND xã" / "Ủy ban nhân
    dân xã" (the name taken out of every run, body and tables)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    unit = spec["unit"]
    names = re.compile(rf" ?(?:{re.escape(unit)}|{re.escape(unit.upper())})")

    def strip(paragraphs: Any) -> None:
        for para in paragraphs:
            for run in para.runs:
                if unit in run.text or unit.upper() in run.text:
                    run.text = re.sub(r"^, (?=ngày)", "", names.sub("", run.text))  # the date line's place too

    strip(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                strip(cell.paragraphs)
    footer = document.sections[0].footer
    para = footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(f"UBND {spec['level']} {unit} – Báo cáo kết quả CCHC năm {spec['year']}")
    from docx.shared import Pt

    run.font.size = Pt(10)
    run.italic = True


def apply_merge_fields(document: Any, fields: dict[str, str]) -> None:
    """Round 17: each value in ``fields`` (printed value -> field name) shown through a MERGEFIELD in the paragraph
    that holds it: the value is the field's result, between the field's begin, instruction and separate marks."""
    import copy

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    for value, name in fields.items():
        para = next(p for p in document.paragraphs if value in p.text)
        text = para.text
        before, after = text.split(value, 1)
        rpr = para.runs[0]._r.find(qn("w:rPr"))
        for run in list(para.runs):
            run._r.getparent().remove(run._r)

        def run_xml(inner: str, rpr: Any = rpr) -> Any:
            element = parse_xml(f'<w:r {nsdecls("w")}>{inner}</w:r>')
            if rpr is not None:
                element.insert(0, copy.deepcopy(rpr))
            return element

        def t(value_text: str) -> str:
            return f'<w:t xml:space="preserve">{value_text}</w:t>'

        for element in (run_xml(t(before)), run_xml('<w:fldChar w:fldCharType="begin"/>'),
                        run_xml(f'<w:instrText xml:space="preserve"> MERGEFIELD {name} \\* MERGEFORMAT </w:instrText>'),
                        run_xml('<w:fldChar w:fldCharType="separate"/>'), run_xml(t(value)),
                        run_xml('<w:fldChar w:fldCharType="end"/>'), run_xml(t(after))):
            para._p.append(element)


def paragraph_with(document: Any, needle: str) -> Any:
    """The body's first paragraph (python-docx) whose text holds ``needle``."""
    return next(p for p in document.paragraphs if needle in p.text)


def apply_hidden(document: Any, hidden: list[tuple[str, str]]) -> None:
    """Round 22 (``hidden``): text formatted as hidden (w:vanish), at the end of the paragraph holding each anchor:
    a draft's figures or a note the clerk left for the chairman. Word neither shows nor prints it."""
    from docx.oxml import OxmlElement

    for anchor, text in hidden:
        run = paragraph_with(document, anchor).add_run(text)
        run._r.get_or_add_rPr().append(OxmlElement("w:vanish"))


def apply_alt_box(document: Any, anchor: str, lines: list[str]) -> None:
    """Round 22 (``alt_box``): a framed text box floating beside the paragraph holding ``anchor``, as Word 2010+ saves
    one: mc:AlternateContent with the DrawingML shape (wps:txbx) in mc:Choice and the same words again in a VML
    text box (v:textbox) in mc:Fallback for older readers."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    content = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{"<w:b/>" if i == 0 else ""}</w:rPr>'
                      f'<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for i, line in enumerate(lines))
    namespaces = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                  'xmlns:w10="urn:schemas-microsoft-com:office:word"')
    cx, cy = 2286000, 1143000  # 6.35 cm x 3.18 cm
    run = parse_xml(
        f'<w:r {namespaces}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="2" name="Text Box 2"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>'
        f'<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
        f'</a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        f'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" '
        f'o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
        f'o:connecttype="rect"/></v:shapetype><v:shape id="Text Box 2" o:spid="_x0000_s1026" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:0;margin-top:0;width:180pt;height:90pt;z-index:251659264;'
        f'mso-position-horizontal:right;mso-position-horizontal-relative:margin" o:gfxdata=""><v:textbox>'
        f'<w:txbxContent>{content}</w:txbxContent></v:textbox><w10:wrap type="square"/></v:shape></w:pict>'
        f'</mc:Fallback></mc:AlternateContent></w:r>')
    paragraph_with(document, anchor)._p.insert(1, run)  # after the paragraph's properties, before its text


def apply_sym_bullets(document: Any) -> None:
    """Round 22 (``sym_bullets``): list items whose "- " the clerk replaced by a Wingdings bullet (Insert > Symbol),
    stored as w:sym, not as a character of the text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for para in document.paragraphs:
        if not para.text.startswith("- ") or not para.runs or not para.runs[0].text.startswith("- "):
            continue
        first = para.runs[0]
        first.text = "\t" + first.text[2:]
        bullet = OxmlElement("w:r")
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi"):
            fonts.set(qn(attr), "Wingdings")
        rpr = OxmlElement("w:rPr")
        rpr.append(fonts)
        bullet.append(rpr)
        sym = OxmlElement("w:sym")
        sym.set(qn("w:font"), "Wingdings")
        sym.set(qn("w:char"), "F0D8")  # a right arrowhead, a common list mark
        bullet.append(sym)
        first._r.addprevious(bullet)


def tcvn3_text(text: str) -> str:
    """Round 22: ``text`` as a PDF printed from a .VnTime document holds it: each letter's TCVN3 byte read as Latin-1
    (a line in capitals typed in .VnTimeH with the lower-case codes)."""
    capitals = text == text.upper() and any(c.isalpha() for c in text)
    return "".join(chars for _, chars in tcvn3_segments(text, capitals))


class KeepSoftHyphen:
    """Round 22: while a TCVN3 PDF is drawn, reportlab's paragraphs keep U+00AD as a character: it is the byte 0xAD,
    TCVN3's "ư", not a soft hyphen to drop (reportlab reads ``paragraph._shy`` as the soft hyphen)."""

    def __enter__(self) -> None:
        from reportlab.platypus import paragraph

        self.saved = paragraph._shy
        paragraph._shy = "\uffff"  # a noncharacter: never in a report

    def __exit__(self, *exc: object) -> None:
        from reportlab.platypus import paragraph

        paragraph._shy = self.saved


def tcvn3_blocks(blocks: list[Block]) -> list[Block]:
    """Round 22 (``tcvn3_pdf``): every text of the blocks retyped in TCVN3 codes, as the printed PDF's text layer."""
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return tcvn3_text(value)
        if isinstance(value, (list, tuple)):
            return type(value)(convert(v) for v in value)
        return value

    return [(block[0], *(convert(v) for v in block[1:])) for block in blocks]  # type: ignore[misc]


def map_text(value: Any, fn: Any) -> Any:
    """Every string inside a block's payload (lists, tuples, table rows) passed through ``fn``."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, (list, tuple)):
        return type(value)(map_text(v, fn) for v in value)
    return value


def web_pasted(text: str) -> str:
    """Round 23 (``web_paste``): text pasted from a web page: a zero-width space after every sixth word and a soft
    hyphen inside every word of five letters or more (after its second letter, where the page let a browser cut it),
    as they travel, invisible, into the file."""
    text = re.sub(r"\b([^\W\d_]{2})(?=[^\W\d_]{3,})", "\\1\u00ad", text)
    words = text.split(" ")
    return " ".join(word + "\u200b" if i % 6 == 5 else word for i, word in enumerate(words))


def typographic(text: str) -> str:
    """Round 23 (``typographic``): what a word processor's AutoFormat and an IME leave: an en dash for a list's "- "
    and a spaced hyphen, curly quotes, and full-width colons ("：", typed with a Vietnamese/CJK input method on)."""
    text = re.sub(r"^- ", "\u2013 ", text)
    text = text.replace(" - ", " \u2013 ")
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    return text.replace(": ", "\uff1a")


def unicode_variant(blocks: list[Block], spec: dict[str, Any]) -> list[Block]:
    """Round 23: the same words as other tools store them. ``unicode_form`` "nfd" (decomposed: tone marks as combining
    characters, as macOS and some web forms save); ``thousands`` (the thousands separator of counts, "1.231" typed as
    "1 231" with this space); ``web_paste``; ``typographic``; ``fullwidth_digits`` (the digits of the paragraphs stating
    a score out of 100 typed full-width, "９１,５０/１００"). The truth is what a reader reads (unchanged)."""
    steps: list[Any] = []
    if spec.get("thousands"):
        sep = spec["thousands"]
        steps.append(lambda t: re.sub(r"(?<=\d)\.(?=\d{3}(?![\d,]))", sep, t))
    if spec.get("typographic"):
        steps.append(typographic)
    if spec.get("web_paste"):
        steps.append(web_pasted)
    if spec.get("unicode_form"):
        steps.append(lambda t: unicodedata.normalize(spec["unicode_form"].upper(), t))
    if spec.get("fullwidth_digits"):  # an input method left in full-width mode for the overall statement's sentence
        wide = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))
        blocks = [(block[0], block[1].translate(wide), *block[2:])
                  if block[0] == "para" and "/100" in block[1] else block for block in blocks]
    if spec.get("fullwidth_table"):  # round 24: the criteria table's cells typed with an input method in full-width mode
        wide = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))
        blocks = [(block[0], map_text(block[1], lambda t: t.translate(wide)), *block[2:])
                  if (block[0] in ("table", "table2h") and len(block[1][0]) >= 5)
                  or (block[0] == "pre" and block[1] and block[1][0].startswith("STT")) else block for block in blocks]
    if not steps:
        return blocks

    def all_steps(text: str) -> str:
        for step in steps:
            text = step(text)
        return text
    return [(block[0], *map_text(list(block[1:]), all_steps)) for block in blocks]


def annex_table(blocks: list[Block], spec: dict[str, Any]) -> list[Block]:
    """Round 24 (``annex_only``): the criteria table only in an annex after the signature, on a page of its own ("Phụ lục" /
    "KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM … CỦA UBND XÃ …" / "(Kèm theo Báo cáo số … ngày …)"); where the table stood the
    body refers to the annex. The body keeps the overall score and rank and the criteria's sections without scores. When
    the report already has an annex repeating the table, the body's table is left out and that annex stays."""
    at = next(i for i, block in enumerate(blocks) if block[0] == "table" and block[1][0][0] == "STT")
    table = blocks[at]
    body = [block for i, block in enumerate(blocks) if i != at]
    intro = next(i for i, block in enumerate(body)
                 if block[0] == "para" and block[1] == "Kết quả cụ thể theo từng lĩnh vực như sau:")
    body[intro] = ("para", "Kết quả chấm điểm cụ thể theo từng lĩnh vực tại Phụ lục kèm theo Báo cáo này.")
    if any(block[0] == "table" and block[1][0][0] == "STT" for block in body):  # an annex already repeats the table
        return body
    when = date_of(spec)
    turn = ("landscape",) if spec.get("annex_landscape") else ("pagebreak",)  # round 25: the annex on a landscape page
    return body + [turn, ("center", "Phụ lục", True),
                   ("center", (f"KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {spec['year']} "
                              f"CỦA UBND {spec['level'].upper()} {spec['unit'].upper()}"), True),
                   ("center", (f"(Kèm theo Báo cáo số {spec['number']} ngày {when.day:02d}/{when.month:02d}/{when.year} "
                              f"của UBND {spec['level']} {spec['unit']})"), False),
                   table]


def apply_tracked_cells(document: Any, edits: list[tuple[str, int, str]]) -> None:
    """Round 23 (``tracked_cells``): revisions left in a table's cells. (row label, column, old): in the row of a table
    whose first or second cell is the label (its number, or "Tổng cộng"), the cell at that column keeps its text as an insertion (w:ins) after the
    draft's ``old`` value, deleted (w:del). The printed table is the final one."""
    from docx.oxml.ns import qn

    for rev_id, (label, column, old) in enumerate(edits, start=300):
        row = next(r for table in document.tables for r in table.rows
                   if label in (r.cells[0].text, r.cells[1].text))
        run = row.cells[column]._tc.find(".//" + qn("w:r"))
        t = run.find(qn("w:t"))
        rpr = run.find(qn("w:rPr"))
        run.addprevious(revision("del", old, rpr, rev_id))
        run.addprevious(revision("ins", t.text, rpr, rev_id + 50))
        run.getparent().remove(run)


def apply_date_field(document: Any, spec: dict[str, Any]) -> None:
    """Round 23 (``date_field``): the header's "ngày 15 tháng 01 năm 2024" is a Word field (w:fldSimple, e.g.
    SAVEDATE \\@ "'ngày' dd 'tháng' MM 'năm' yyyy"), its last result (the date it was saved and signed) shown."""
    from copy import deepcopy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = next(r for r in document.element.body.iter(qn("w:r"))
               if r.find(qn("w:t")) is not None and re.search(r"ngày \d+ tháng \d+ năm \d{4}", r.find(qn("w:t")).text or ""))
    t = run.find(qn("w:t"))
    text = t.text
    found = re.search(r"ngày \d+ tháng \d+ năm \d{4}", text)
    assert found is not None
    wrapper = OxmlElement("w:fldSimple")
    wrapper.set(qn("w:instr"), spec["date_field"])
    middle = deepcopy(run)
    middle.find(qn("w:t")).text = found.group(0)
    wrapper.append(middle)
    tail = deepcopy(run)
    tail.find(qn("w:t")).text = text[found.end():]
    t.text = text[:found.start()]
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(wrapper)
    if text[found.end():]:
        wrapper.addnext(tail)


def fill_table(table: Any, rows: list[list[str]]) -> None:
    """Round 13: a table's cells, a value with a newline typed as two paragraphs of its cell (Enter in the cell)."""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            first, _, rest = value.partition("\n")
            table.cell(r, c).text = first
            if rest:
                table.cell(r, c).add_paragraph(rest)
            if r == 0:
                for run in table.cell(r, c).paragraphs[0].runs:
                    run.bold = True


def table_picture(rows: list[list[str]]) -> io.BytesIO:
    """Round 19: the criteria table as a spreadsheet's screenshot pasted into Word: a PNG of ruled cells (DejaVu Sans,
    the header row bold on grey, about 200 dpi at 16 cm wide); no text of it is in the document, only the image."""
    from PIL import Image, ImageDraw, ImageFont

    regular = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 26)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 26)
    pad, height = 12, 44
    widths = [max(int((bold if r == 0 else regular).getlength(row[c])) for r, row in enumerate(rows)) + 2 * pad
              for c in range(len(rows[0]))]
    image = Image.new("RGB", (sum(widths) + 1, height * len(rows) + 1), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(rows):
        top, left = r * height, 0
        if r == 0:
            draw.rectangle([0, 0, sum(widths), height], fill=(217, 217, 217))
        for c, value in enumerate(row):
            font = bold if r == 0 else regular
            x = left + pad if c == 1 else left + (widths[c] - font.getlength(value)) / 2
            draw.text((x, top + 8), value, fill="black", font=font)
            draw.rectangle([left, top, left + widths[c], top + height], outline=(80, 80, 80), width=1)
            left += widths[c]
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(200, 200))
    buffer.seek(0)
    return buffer


def render_docx(blocks: list[Block], layout: str, path: Path, tab_header: bool = False,
                spec: dict[str, Any] | None = None) -> None:
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    core = document.core_properties
    core.author = "UBND"
    core.title = ""
    import datetime as _dt

    core.created = core.modified = _dt.datetime(2024, 1, 1)
    core.last_modified_by = "UBND"
    core.revision = 1
    num_id = None
    heading_style = None
    for block in blocks:
        kind = block[0]
        if kind == "header" and tab_header:  # typed as lines with a tab between the two sides, no table
            left, right = list(block[1]), list(block[2])
            for i in range(max(len(left), len(right))):
                line = (left[i] if i < len(left) else "") + "\t" + (right[i] if i < len(right) else "")
                para = document.add_paragraph()
                para.add_run(line).bold = i < 2
        elif kind == "header" and spec and spec.get("header_in_hdr"):  # round 17: in the first page's header part
            put_header_in_page_header(document, list(block[1]), list(block[2]))
        elif kind == "header" and spec and spec.get("textbox_header"):  # round 12: two text boxes, no table
            add_textbox_header(document, list(block[1]), list(block[2]))
        elif kind in ("header", "signature"):
            table = document.add_table(rows=1, cols=2)
            for cell, cell_lines in zip(table.rows[0].cells, (block[1], block[2])):
                cell.paragraphs[0].text = ""
                for i, line in enumerate(cell_lines):
                    para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    run = para.add_run(line)
                    run.bold = kind == "header" or line.isupper()
        elif kind == "center":
            para = document.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(block[1]).bold = bool(block[2])
        elif kind in ("heading", "subheading"):
            para = document.add_paragraph()
            para.add_run(block[1]).bold = True
        elif kind == "autonum" and spec and spec.get("style_numbering"):  # round 22: numbered by the style
            if num_id is None:
                fmt, text = NUMBER_FORMATS[layout]
                num_id = add_numbering(document, fmt, text)
                heading_style = numbered_style(document, num_id)
            document.add_paragraph(block[1], style=heading_style)
        elif kind == "autonum":
            if num_id is None:
                fmt, text = NUMBER_FORMATS[layout]
                num_id = add_numbering(document, fmt, text)
            para = document.add_paragraph()
            set_num(para, num_id)
            para.add_run(block[1]).bold = True
        elif kind == "para" and spec and (spec.get("nbsp") or spec.get("thin_thousands") or spec.get("soft_breaks")):
            text = office_text(block[1], spec)  # round 12
            para = add_soft_broken(document, text) if spec.get("soft_breaks") else document.add_paragraph(text)
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif kind == "para":
            para = document.add_paragraph(block[1])
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif kind == "table" and spec and spec.get("table_picture") and len(block[1]) > 10:  # round 19
            from docx.shared import Cm

            document.add_picture(table_picture(block[1]), width=Cm(16))
        elif kind == "table" and spec and (spec.get("landscape") or spec.get("nested") or spec.get("cell_paras")) \
                and len(block[1]) > 10:  # round 13: the criteria table
            from docx.enum.section import WD_ORIENT, WD_SECTION

            rows = block[1]
            if spec.get("landscape"):  # in a landscape section of its own, as a wide sheet is pasted
                width, height = document.sections[-1].page_width, document.sections[-1].page_height
                wide = document.add_section(WD_SECTION.NEW_PAGE)  # the body's last section, after a break
                wide.orientation = WD_ORIENT.LANDSCAPE
                wide.page_width, wide.page_height = height, width
            if spec.get("nested"):  # inside the one cell of a frame table, under its caption
                frame = document.add_table(rows=1, cols=1)
                frame.style = "Table Grid"
                holder = frame.cell(0, 0)
                holder.paragraphs[0].add_run(f"Bảng 1. Kết quả Chỉ số CCHC năm {spec['year']}").bold = True
                table = holder.add_table(rows=len(rows), cols=len(rows[0]))
                holder.add_paragraph("(Nguồn: Quyết định công bố Chỉ số CCHC của UBND cấp huyện)")
            else:
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            fill_table(table, rows)
            if spec.get("landscape"):
                back = document.add_section(WD_SECTION.NEW_PAGE)
                back.orientation = WD_ORIENT.PORTRAIT
                back.page_width, back.page_height = width, height
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
            for r in block[2] if len(block) > 2 else []:  # round 7: a group row, merged across the columns
                merged = table.cell(r, 1).merge(table.cell(r, len(rows[0]) - 1))
                for para in merged.paragraphs[1:]:  # the merged-in empty cells' paragraphs
                    para._element.getparent().remove(para._element)
                for run in merged.paragraphs[0].runs:
                    run.bold = True
        elif kind == "table2h":  # round 10: a header over two rows, its cells merged
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            spans = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))]
            if len(block) > 2 and block[2] == "score3":  # round 16: "Điểm" over "Đạt | Tối đa | Tỷ lệ (%)"
                spans = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 4))]
            for (r1, c1), (r2, c2) in spans:
                merged = table.cell(r1, c1).merge(table.cell(r2, c2))
                for para in merged.paragraphs[1:]:  # the merged-in empty cell's paragraph
                    para._element.getparent().remove(para._element)
            for r in (0, 1):
                for cell in table.rows[r].cells:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        elif kind == "pre":
            for line in block[1]:
                document.add_paragraph(line)
        elif kind == "pagebreak":  # round 5: a table continued on the next page
            document.add_page_break()
        elif kind == "landscape":  # round 25: a new section on a landscape page (the annex)
            section = document.add_section(WD_SECTION.NEW_PAGE)
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
    if spec and spec.get("merge_fields"):  # round 17
        apply_merge_fields(document, spec["merge_fields"])
    if spec and spec.get("sdt"):  # round 17: after the fields, which look for body paragraphs
        apply_content_controls(document, spec["sdt"])
    if spec and spec.get("tracked"):  # round 12
        apply_tracked(document, spec["tracked"])
    if spec and spec.get("wrapped"):  # round 13
        apply_wrapped(document, spec["wrapped"])
    if spec and spec.get("footnotes"):  # round 18
        apply_footnotes(document, spec["footnotes"])
    if spec and spec.get("comments"):  # round 19
        apply_comments(document, spec["comments"])
    if spec and spec.get("footer_unit"):  # round 19
        apply_footer_unit(document, spec)
    if spec and spec.get("tcvn3"):  # round 21: typed in the legacy font encoding
        apply_tcvn3(document, whole=spec["tcvn3"] == "all")
    if spec and spec.get("hidden"):  # round 22
        apply_hidden(document, spec["hidden"])
    if spec and spec.get("alt_box"):  # round 22
        apply_alt_box(document, spec["alt_box"][0], list(spec["alt_box"][1]))
    if spec and spec.get("sym_bullets"):  # round 22
        apply_sym_bullets(document)
    if spec and spec.get("tracked_cells"):  # round 23
        apply_tracked_cells(document, spec["tracked_cells"])
    if spec and spec.get("date_field"):  # round 23
        apply_date_field(document, spec)
    buffer = io.BytesIO()
    document.save(buffer)
    write_zip_fixed(buffer.getvalue(), path)


def write_zip_fixed(data: bytes, path: Path, keep_methods: bool = False) -> None:
    """Rewrite a zip with fixed entry dates, so the same document gives the same bytes; ``keep_methods`` (round 16,
    OpenDocument) keeps each entry's compression, so the "mimetype" entry stays first and stored."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type if keep_methods else zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if keep_methods and info.filename == "settings.xml":  # LibreOffice's random revision-save id
                content = re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>1", content)
            dst.writestr(fixed, content)
    path.write_bytes(out.getvalue())


# ---- PDF ----------------------------------------------------------------------------------------
_FONTS_READY = False


def register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(FONT_DIR / "DejaVuSerif-Bold.ttf")))
    pdfmetrics.registerFontFamily("DejaVuSerif", normal="DejaVuSerif", bold="DejaVuSerif-Bold")
    _FONTS_READY = True


def letter_spaced(text: str) -> str:
    """Round 15: a heading as a letter-spaced text layer reads it: "K Ế T  Q U Ả" (letters apart, words two apart)."""
    return "  ".join(" ".join(word) for word in text.split())


def pdf_options(spec: dict[str, Any]) -> dict[str, Any]:
    """Round 15: ``footer_of`` (the unit, the report and "Trang n/N" in one line at the foot of every page) and
    ``spaced_caps`` (headings and titles in capitals letter-spaced in the text layer)."""
    footer = None
    if spec.get("footer_of"):
        footer = f"UBND {spec['level']} {spec['unit']} – Báo cáo CCHC năm {spec['year']} – Trang {{page}}/{{pages}}"
    options: dict[str, Any] = {"footer_of": footer, "spaced": bool(spec.get("spaced_caps"))}
    if spec.get("two_cols"):  # round 16: the body in two columns, as a newsletter is laid out
        options["two_cols"] = True
    if spec.get("table_page"):  # round 17: the criteria table on a page of its own, "landscape" or "rotated"
        options["table_page"] = spec["table_page"]
    if spec.get("esign"):  # round 18: the e-government signature's stamp at the top of the first page
        options["stamp"] = esign_lines(spec)
    if spec.get("pdf_hyphens"):  # round 19: justified paragraphs whose words are cut at line ends by a hyphen
        options["hyphens"] = True
    return options


def esign_lines(spec: dict[str, Any]) -> list[str]:
    """Round 18: the text a signed PDF carries in its stamp ("Người ký: Ủy ban nhân dân xã …", the e-mail, the agency,
    "Thời gian ký: 20.01.2023 09:15:22 +07:00"); ``esign`` is (days after the report's date, "HH:MM:SS")."""
    from datetime import timedelta

    days, clock = spec["esign"]
    signed = date_of(spec) + timedelta(days=days)
    slug = "".join(c for c in unicodedata.normalize("NFD", spec["unit"].replace("Đ", "D").replace("đ", "d"))
                   if c.isascii() and c.isalpha()).lower()
    province = "".join(c for c in unicodedata.normalize("NFD", spec["province"].replace("Đ", "D").replace("đ", "d"))
                       if c.isascii() and c.isalpha()).lower()
    return [f"Người ký: Ủy ban nhân dân {spec['level']} {spec['unit']}",
            f"Email: ubnd{slug}@{province}.gov.vn",
            f"Cơ quan: Tỉnh {spec['province']}",
            f"Thời gian ký: {signed.day:02d}.{signed.month:02d}.{signed.year} {clock} +07:00"]


class TurnedFlowable:
    """Round 17: a flowable drawn turned a quarter to the left, its text running bottom to top on a portrait page
    (a wide table pasted turned, so that it fits the page's height)."""

    def __new__(cls, inner: Any, page_rotate: bool = False) -> Any:
        from reportlab.platypus import Flowable

        class _Turned(Flowable):
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner
                self.page_rotate = page_rotate

            def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
                inner_width, inner_height = self.inner.wrap(avail_height, avail_width)
                self.width, self.height = inner_height, inner_width
                return self.width, self.height

            def draw(self) -> None:
                self.canv.saveState()
                self.canv.rotate(90)
                self.inner.drawOn(self.canv, 0, -self.width)
                self.canv.restoreState()
                if self.page_rotate:  # round 22: the page stored portrait with /Rotate 90, so a viewer shows it wide
                    self.canv._doctemplate.pageTemplate.rotation = 90  # the template's rotation is set before showPage
                    width, height = self.canv._pagesize
                    self.canv._pagesize = (height, width)  # reportlab swaps a rotated page's MediaBox: keep it portrait

        return _Turned(inner)


def render_pdf(blocks: list[Block], path: Path, running: str | None = None, footer_of: str | None = None,
               spaced: bool = False, two_cols: bool = False, table_page: str | None = None,
               stamp: list[str] | None = None, hyphens: bool = False) -> None:
    """A digital PDF: page numbers in the footer from page 2; with ``running`` (round 8) that line at the top of
    every page and "Trang n" at the foot of every page, as an office's Word template prints them; with ``footer_of``
    (round 15) that line, "Trang n/N" filled in, at the foot of every page; with ``spaced`` the titles and headings in
    capitals letter-spaced; with ``hyphens`` (round 19) the paragraphs' lines broken by the builder, words of letters cut
    at a line's end by a hyphen ("hành chí-" / "nh"), as a word processor's automatic hyphenation prints them."""
    if hyphens:
        _render_pdf(blocks, path, running, None, spaced, [], stamp=stamp, hyphens=True)
        return
    if footer_of:  # the page count is known after a first pass
        with tempfile.TemporaryDirectory() as tmp:
            pages: list[int] = []
            _render_pdf(blocks, Path(tmp) / "count.pdf", running, footer_of, spaced, pages, two_cols=two_cols)
        _render_pdf(blocks, path, running, footer_of, spaced, [], total_pages=max(pages), two_cols=two_cols)
    elif table_page:
        _render_pdf(blocks, path, running, None, spaced, [], table_page=table_page)
    elif stamp:
        _render_pdf(blocks, path, running, None, spaced, [], stamp=stamp)
    else:
        _render_pdf(blocks, path, running, None, spaced, [], two_cols=two_cols)


def _render_pdf(blocks: list[Block], path: Path, running: str | None, footer_of: str | None, spaced: bool,
                pages: list[int], total_pages: int = 0, two_cols: bool = False, table_page: str | None = None,
                stamp: list[str] | None = None, hyphens: bool = False) -> None:
    from xml.sax.saxutils import escape

    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
        XPreformatted,
    )

    rl_config.invariant = 1
    register_fonts()
    body = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=11, leading=15, alignment=TA_JUSTIFY,
                          firstLineIndent=0.8 * cm, spaceAfter=3)
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVuSerif-Bold")
    center = ParagraphStyle("center", parent=bold, alignment=TA_CENTER, firstLineIndent=0)
    spaced_heading = ParagraphStyle("spaced", parent=bold, alignment=0, firstLineIndent=0)  # round 15: on one line
    cell = ParagraphStyle("cell", fontName="DejaVuSerif", fontSize=10, leading=12)
    cell_center = ParagraphStyle("cellc", parent=cell, alignment=TA_CENTER)
    story: list[Any] = []
    if two_cols:  # round 16: the header and the title across the page, then the body in two columns
        from reportlab.platypus import FrameBreak

        first_para = next(i for i, b in enumerate(blocks) if b[0] not in ("header", "center"))
    for index, block in enumerate(blocks):
        kind = block[0]
        if two_cols and index == first_para:
            story.append(FrameBreak())
        if kind in ("header", "signature"):
            style = cell_center
            left = [Paragraph(escape(x) if x else "&nbsp;", style) for x in block[1]]
            right = [Paragraph(escape(x) if x else "&nbsp;", style) for x in block[2]]
            narrow = two_cols and kind == "signature"  # in a column
            table = Table([[left, right]], colWidths=[3.6 * cm, 4.4 * cm] if narrow else [7 * cm, 9.5 * cm])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 8)]
        elif kind == "center" and spaced and block[2] and block[1] == block[1].upper():  # round 15
            story.append(XPreformatted(escape(letter_spaced(block[1])), center))  # keeps the two spaces between words
        elif kind == "center":
            story.append(Paragraph(escape(block[1]), center if block[2] else body))
        elif kind == "heading" and spaced and block[1] == block[1].upper():  # round 15
            story.append(XPreformatted(escape(letter_spaced(block[1])), spaced_heading))
        elif kind in ("heading", "subheading", "autonum"):
            story.append(Paragraph(escape(block[1]), bold))
        elif kind == "para" and hyphens:  # round 19: the lines as cut, each line within the frame
            lines = pdf_hyphen_lines(block[1], 16 * cm - 12 - 0.8 * cm, 16 * cm - 12)
            story.append(Paragraph("<br/>".join(escape(line) for line in lines), body))
        elif kind == "para":
            story.append(Paragraph(escape(block[1]), body))
        elif kind == "table":
            rows = [[Paragraph(escape(v).replace("\n", "<br/>"), cell if c == 1 else cell_center)  # round 13: "\n"
                     for c, v in enumerate(row)] for row in block[1]]
            widths = [1.2, 8.3, 2.2, 2.2, 2.3] if len(rows[0]) == 5 else [1.3, 6.5, 1.9, 1.9, 2.0, 2.4] \
                if len(rows[0]) == 6 else [16.2 / len(rows[0])] * len(rows[0])  # round 5: a records table
            if len(block) > 2:  # round 7: a grouped table, its "Ghi chú" column wide enough for "1.848/1.851 hồ sơ"
                widths = [1.0, 6.0, 1.7, 1.7, 1.8, 4.0]
            if block[1][0][0] == "Mã chỉ số":  # round 9: an indicator table, its "Nội dung" column wide
                widths = [2.2, 8.8, 2.6, 2.6] if len(rows[0]) == 4 else [2.2, 10.4, 3.6]  # round 15: "Đánh giá"
            if block[1][0] == ["STT", "Nội dung", "Kết quả"]:  # round 17: the body as one table of sections
                widths = [1.2, 4.4, 10.6]
                rows = [[Paragraph(f"<b>{escape(v)}</b>" if r in block[2] else escape(v).replace("\n", "<br/>"),
                                   cell if c else cell_center) for c, v in enumerate(row)]
                        for r, row in enumerate(block[1])]
            turned = table_page and kind == "table" and len(rows) > 10 and len(rows[0]) in (5, 6)
            if turned:  # round 17: the criteria table on a wide page: landscape, or turned on a portrait page
                widths = [1.6, 13.0, 3.0, 3.0, 3.0] if len(rows[0]) == 5 else [1.4, 11.0, 2.8, 2.8, 2.8, 3.0]
            table = Table(rows, colWidths=[w * cm for w in widths], repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                                      + [("SPAN", (1, r), (-1, r)) for r in (block[2] if len(block) > 2 else [])]))
            if turned and table_page == "landscape":
                from reportlab.platypus import NextPageTemplate

                story += [NextPageTemplate("wide"), PageBreak(), table, NextPageTemplate("tall"), PageBreak()]
            elif turned:
                story += [PageBreak(), TurnedFlowable(table, page_rotate=table_page == "rotate_entry"), PageBreak()]
            else:
                story += [table, Spacer(1, 6)]
        elif kind == "table2h":  # round 10: a header over two rows, its cells spanned
            rows = [[Paragraph(escape(v), cell if c == 1 and r > 1 else cell_center) for c, v in enumerate(row)]
                    for r, row in enumerate(block[1])]
            table = Table(rows, colWidths=[w * cm for w in (1.2, 8.3, 2.2, 2.2, 2.3)], repeatRows=2)
            spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (4, 1))]
            if len(block) > 2 and block[2] == "score3":  # round 16: "Điểm" over "Đạt | Tối đa | Tỷ lệ (%)"
                spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (4, 0))]
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
            story += [table, Spacer(1, 6)]
        elif kind == "pre":
            for line in block[1]:
                story.append(Paragraph(escape(line), body))
        elif kind == "pagebreak":
            story.append(PageBreak())

    def page_number(canvas: Any, doc: Any) -> None:
        if getattr(doc.pageTemplate, "rotation", 0):  # round 22: only the turned table's page carries /Rotate
            doc.pageTemplate.rotation = 0
            canvas._pagesize = A4
        canvas.setFont("DejaVuSerif", 10)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, str(doc.page))

    def running_lines(canvas: Any, doc: Any) -> None:
        canvas.setFont("DejaVuSerif", 9)
        canvas.drawString(3 * cm, A4[1] - 1.2 * cm, running or "")
        canvas.line(3 * cm, A4[1] - 1.35 * cm, A4[0] - 2 * cm, A4[1] - 1.35 * cm)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Trang {doc.page}")

    def footer_line(canvas: Any, doc: Any) -> None:
        pages.append(doc.page)
        canvas.setFont("DejaVuSerif", 9)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, (footer_of or "").format(page=doc.page, pages=total_pages))

    if two_cols:
        from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

        width, height = A4
        column, gap, top_height = 8.2 * cm, 0.6 * cm, 6 * cm
        top = Frame(2 * cm, height - 2 * cm - top_height, width - 4 * cm, top_height, id="top")

        def columns(page_top: float) -> list[Any]:
            return [Frame(2 * cm + i * (column + gap), 2 * cm, column, page_top - 2 * cm, id=f"col{i}")
                    for i in (0, 1)]

        on_page = footer_line if footer_of else page_number
        doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                              bottomMargin=2 * cm, title="", author="", creator="", producer="")
        doc.addPageTemplates([PageTemplate("first", [top, *columns(height - 2 * cm - top_height)],
                                           onPage=footer_line if footer_of else lambda c, d: None),
                              PageTemplate("later", columns(height - 2 * cm), onPage=on_page)])
        doc.build([NextPageTemplate("later"), *story])
        return
    if table_page == "landscape":  # round 17: a landscape page for the criteria table between portrait pages
        from reportlab.lib.pagesizes import landscape
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        wide_size = landscape(A4)

        def wide_number(canvas: Any, doc: Any) -> None:
            canvas.setFont("DejaVuSerif", 10)
            canvas.drawCentredString(wide_size[0] / 2, 1.2 * cm, str(doc.page))

        doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                              bottomMargin=2 * cm, title="", author="", creator="", producer="")
        tall = PageTemplate("tall", [Frame(3 * cm, 2 * cm, A4[0] - 5 * cm, A4[1] - 4 * cm, id="tall")],
                            onPage=lambda c, d: page_number(c, d) if d.page > 1 else None, pagesize=A4)
        wide = PageTemplate("wide", [Frame(2 * cm, 2 * cm, wide_size[0] - 4 * cm, wide_size[1] - 4 * cm, id="wide")],
                            onPage=wide_number, pagesize=wide_size)
        doc.addPageTemplates([tall, wide])
        doc.build(story)
        return
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title="", author="", creator="", producer="")
    if stamp:  # round 18: the signature stamp, a framed block of small lines in the first page's top right corner
        def stamp_box(canvas: Any, doc: Any) -> None:
            canvas.saveState()
            canvas.setFont("DejaVuSerif", 7)
            canvas.setFillColorRGB(0.1, 0.2, 0.6)
            canvas.setStrokeColorRGB(0.1, 0.2, 0.6)
            right, top = A4[0] - 1 * cm, A4[1] - 0.45 * cm
            width = max(canvas.stringWidth(line, "DejaVuSerif", 7) for line in stamp) + 0.4 * cm
            canvas.rect(right - width, top - len(stamp) * 9 - 4, width, len(stamp) * 9 + 4)
            for i, line in enumerate(stamp):
                canvas.drawString(right - width + 0.2 * cm, top - 9 * (i + 1), line)
            canvas.restoreState()

        doc.build(story, onFirstPage=stamp_box, onLaterPages=page_number)
    elif footer_of:
        doc.build(story, onFirstPage=footer_line, onLaterPages=footer_line)
    elif running:
        doc.build(story, onFirstPage=running_lines, onLaterPages=running_lines)
    else:
        doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=page_number)


def wrap_width(text: str, width: float, font: str, size: float, char_space: float = 0.0,
               first_indent: float = 0.0) -> list[str]:
    """Greedy word wrap against the drawn width (char_space added after every glyph)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def drawn(s: str) -> float:
        return stringWidth(s, font, size) + char_space * len(s)
    lines: list[str] = []
    line = ""
    for word in text.split():
        limit = width - (first_indent if not lines else 0.0)
        if line and drawn(line + " " + word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def render_pdf_drawn(blocks: list[Block], path: Path, order: str) -> None:
    """Round 24 (``pdf_draw``): a PDF whose text layer is drawn as some generators draw it, laid out by the builder
    (left-aligned lines, ruled tables) and written with the canvas, line by line; what a reader sees is the same page.
    ``order``: "glyphs" (every glyph its own text object, BT … ET, placed by its own x; spaces not drawn, only the
    gap); "bottom_up" (each page's lines drawn from the last to the first); "interleave" (the header's and the
    signature's two columns drawn alternately line by line, a table's cells column by column); "char_space" (the body
    drawn with a character spacing, Tc 1.6, as a justified-by-letters body is, the words apart only by their gap)."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    rl_config.invariant = 1
    register_fonts()
    regular, bold = "DejaVuSerif", "DejaVuSerif-Bold"
    left, right, top, bottom = 3 * cm, A4[0] - 2 * cm, A4[1] - 2 * cm, 2 * cm
    body_space = 1.6 if order == "char_space" else 0.0
    # items: (page, x, y, text, font, size, char_space, group, column, line-in-group); rules: (page, x1, y1, x2, y2)
    items: list[tuple[Any, ...]] = []
    rules: list[tuple[int, float, float, float, float]] = []
    state = {"page": 1, "y": top, "group": 0}
    kinds: dict[int, str] = {}

    def need(height: float) -> None:
        if state["y"] - height < bottom:
            state["page"] += 1
            state["y"] = top

    def put(x: float, text: str, font: str, size: float, space: float, column: int = 0, line: int = 0,
            y: float | None = None) -> None:
        items.append((state["page"], x, state["y"] if y is None else y, text, font, size, space, state["group"],
                      column, line))

    def paragraph(text: str, font: str, indent: float, centred: bool = False) -> None:
        state["group"] += 1
        for i, line in enumerate(wrap_width(text, right - left, font, 11, body_space, indent)):
            need(15)
            state["y"] -= 15
            width = stringWidth(line, font, 11) + body_space * len(line)
            x = left + (right - left - width) / 2 if centred else left + (indent if i == 0 else 0)
            put(x, line, font, 11, body_space, line=i)
        state["y"] -= 3

    def two_columns(left_lines: list[str], right_lines: list[str]) -> None:
        state["group"] += 1
        spans = ((left - 1 * cm, 7 * cm, left_lines), (left - 1 * cm + 7 * cm, 9.5 * cm, right_lines))
        wrapped = [[(x0, w, part) for line in lines for part in (wrap_width(line, w, regular, 10) or [""])]
                   for x0, w, lines in spans]
        need(12 * max(map(len, wrapped)) + 8)
        y0 = state["y"]
        for column, lines in enumerate(wrapped):
            for i, (x0, w, part) in enumerate(lines):
                if part:
                    x = x0 + (w - stringWidth(part, regular, 10)) / 2
                    put(x, part, regular, 10, 0.0, column, i, y=y0 - 12 * (i + 1))
        state["y"] = y0 - 12 * max(map(len, wrapped)) - 8

    def table(rows: list[list[str]]) -> None:
        state["group"] += 1
        kinds[state["group"]] = "table"
        count = len(rows[0])
        widths = [1.2, 8.3, 2.2, 2.2, 2.3] if count == 5 else [1.3, 6.5, 1.9, 1.9, 2.0, 2.4] if count == 6 \
            else [16.0 / count] * count
        widths = [w * cm for w in widths]
        for r, row in enumerate(rows):
            cells = [[part for line in str(value).split("\n") for part in wrap_width(line, w - 6, regular, 10) or [""]]
                     for value, w in zip(row, widths)]
            height = 12 * max(map(len, cells)) + 6
            need(height)
            y0 = state["y"]
            x = left
            for c, (lines, w) in enumerate(zip(cells, widths)):
                for i, part in enumerate(lines):
                    if part:
                        px = x + 3 if c == 1 else x + (w - stringWidth(part, regular, 10)) / 2
                        put(px, part, regular, 10, 0.0, c, r * 100 + i, y=y0 - 3 - 12 * (i + 1) + 2)
                rules.append((state["page"], x, y0, x, y0 - height))
                x += w
            rules.extend([(state["page"], left, y0, x, y0), (state["page"], left, y0 - height, x, y0 - height),
                          (state["page"], x, y0, x, y0 - height)])
            state["y"] = y0 - height
        state["y"] -= 6

    for block in blocks:
        kind = block[0]
        if kind in ("header", "signature"):
            state["y"] -= 4
            two_columns(block[1], block[2])
        elif kind == "center":
            paragraph(block[1], bold if block[2] else regular, 0.0, centred=bool(block[2]))
        elif kind in ("heading", "subheading", "autonum"):
            paragraph(block[1], bold, 0.0)
        elif kind == "para":
            paragraph(block[1], regular, 0.8 * cm)
        elif kind in ("table", "table2h"):
            table(block[1])
        elif kind == "pre":
            for line in block[1]:
                paragraph(line, regular, 0.0)
        elif kind == "pagebreak":
            state["page"] += 1
            state["y"] = top

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle("")
    canvas.setAuthor("")
    canvas.setCreator("")
    canvas.setProducer("")
    for page in range(1, state["page"] + 1):
        on_page = [item for item in items if item[0] == page]
        if order == "bottom_up":
            on_page = sorted(on_page, key=lambda item: (item[2], item[1]))  # the lowest line first
        elif order == "interleave":  # a table's cells column by column; the two columns' lines alternate
            def key(item: tuple[Any, ...]) -> tuple[int, int, int]:
                if kinds.get(item[7]) == "table":
                    return (item[7], item[8], item[9])
                return (item[7], item[9], item[8])
            on_page = sorted(on_page, key=key)
        canvas.setLineWidth(0.5)
        for rule in rules:
            if rule[0] == page:
                canvas.line(*rule[1:])
        for _, x, y, text, font, size, space, *_ in on_page:
            if order == "glyphs":
                for i, ch in enumerate(text):
                    if not ch.isspace():
                        canvas.setFont(font, size)
                        canvas.drawString(x + stringWidth(text[:i], font, size), y, ch)
            elif space:
                obj = canvas.beginText(x, y)
                obj.setFont(font, size)
                obj.setCharSpace(space)
                obj.textOut(text)
                canvas.drawText(obj)
            else:
                canvas.setFont(font, size)
                canvas.drawString(x, y, text)
        if page > 1:
            canvas.setFont(regular, 10)
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, str(page))
        canvas.showPage()
    canvas.save()


# ---- converted DOCX -----------------------------------------------------------------------------
_PROFILE: list[Path] = []


def render_scan(blocks: list[Block], path: Path, running: str | None, spec: dict[str, Any]) -> None:
    """Round 12: the report printed and scanned: the PDF rasterised by pdftoppm (grey, ``scan_dpi``), each page turned
    a little (``scan_angle`` degrees) on a slightly grey paper, wrapped into an image-only PDF by Pillow."""
    import time

    from PIL import Image

    dpi = spec.get("scan_dpi", 200)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "printed.pdf"
        render_pdf(blocks, pdf, running, **pdf_options(spec))
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(Path(tmp) / "page")], check=True)
        printed = []
        for png in sorted(Path(tmp).glob("page*.png")):
            with Image.open(png) as image:
                printed.append(image.convert("L"))
        if spec.get("two_up"):  # round 25: printed two pages to a sheet, then the sheets scanned
            printed = two_up_sheets(printed, dpi)
        pages = []
        for i, page in enumerate(printed):
            if spec.get("photo"):  # round 25: photographed with a phone, not scanned
                pages.append(phone_photo(page, spec, i + 1))
                continue
            if spec.get("scan_portrait") and page.width > page.height:  # round 18: a landscape page fed portrait, so
                page = page.rotate(90, expand=True)  # its image holds the page turned a quarter
            angle = spec.get("scan_angle", 0.4) * (1 if i % 2 == 0 else -0.6)
            page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            if spec.get("fax"):  # round 17: a fax received and printed to PDF: black and white, specks, a fax line
                page = fax_page(page, spec, i + 1, dpi)
                pages.append(page)
                continue
            pages.append(page.point(lambda v: 14 + v * 225 // 255))  # paper 239, ink 14
    if spec.get("searchable"):  # round 19: the scanner's software adds its OCR as an invisible text layer
        save_searchable(pages, path, dpi, spec["searchable"])
        return
    fixed = time.strptime("20240110080000", "%Y%m%d%H%M%S")
    extra: dict[str, Any] = {"quality": 78} if spec.get("photo") else {}  # a phone's JPEG, as the camera saved it
    pages[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:], title=path.stem,
                  creationDate=fixed, modDate=fixed, **extra)


def two_up_sheets(pages: list[Any], dpi: int) -> list[Any]:
    """Round 25 (``two_up``): the printer's "2 pages per sheet": A4 landscape sheets, each holding two A4 pages side by
    side, shrunk to fit (about 0.69), page 1 on the left, page 2 on the right; an odd last page alone on the left."""
    from PIL import Image

    width, height = round(297 / 25.4 * dpi), round(210 / 25.4 * dpi)
    margin = round(4 / 25.4 * dpi)
    sheets = []
    for start in range(0, len(pages), 2):
        sheet = Image.new("L", (width, height), 255)
        for slot, page in enumerate(pages[start:start + 2]):
            scale = min((width / 2 - 2 * margin) / page.width, (height - 2 * margin) / page.height)
            small = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
            x = slot * width // 2 + (width // 2 - small.width) // 2
            sheet.paste(small, (x, (height - small.height) // 2))
        sheets.append(sheet)
    return sheets


def perspective_coefficients(source: list[tuple[float, float]], target: list[tuple[float, float]]) -> list[float]:
    """The eight coefficients Pillow's PERSPECTIVE transform takes: for each output pixel (a point of ``target``) the
    input point (of ``source``) it is taken from."""
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    rhs = [c for point in source for c in point]
    return [float(c) for c in np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))]


def phone_photo(page: Any, spec: dict[str, Any], number: int) -> Any:
    """Round 25 (``photo``): a printed page photographed with a phone and saved as a PDF: the sheet on a darker desk,
    seen a little from the side (its corners moved by up to 3 % of the width, a turn of a couple of degrees), lit
    unevenly (one corner about 30 % darker), slightly out of focus (a blur of about 0.8 px) and in colour with a warm
    cast; the PDF holds the camera's JPEG. Seeded by the report's name and the page's number."""
    from PIL import Image, ImageChops, ImageFilter

    rng = random.Random(f"photo:{spec['name']}:{number}")
    width, height = page.width, page.height
    pad_x, pad_y = width // 14, height // 18
    out_w, out_h = width + 2 * pad_x, height + 2 * pad_y
    jitter = width * 0.03
    corners = [(pad_x + rng.uniform(0, jitter), pad_y + rng.uniform(0, jitter)),
               (pad_x + width - rng.uniform(0, jitter), pad_y + rng.uniform(-jitter / 2, jitter)),
               (pad_x + width - rng.uniform(0, jitter), pad_y + height - rng.uniform(0, jitter)),
               (pad_x + rng.uniform(0, jitter), pad_y + height - rng.uniform(-jitter / 2, jitter))]
    turn = math.radians(rng.uniform(1.2, 2.6) * (1 if number % 2 else -1))
    cx, cy = out_w / 2, out_h / 2
    corners = [(cx + (x - cx) * math.cos(turn) - (y - cy) * math.sin(turn),
                cy + (x - cx) * math.sin(turn) + (y - cy) * math.cos(turn)) for x, y in corners]
    coefficients = perspective_coefficients([(0, 0), (width, 0), (width, height), (0, height)], corners)
    sheet = page.point(lambda v: 22 + v * 218 // 255)  # paper 240, ink 22
    mask = Image.new("L", page.size, 255)
    photo = Image.new("L", (out_w, out_h), 92)  # the desk
    warped = sheet.transform((out_w, out_h), Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)
    inside = mask.transform((out_w, out_h), Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BILINEAR)
    photo.paste(warped, (0, 0), inside)
    side = math.ceil(math.hypot(out_w, out_h))  # a square whose inscribed circle holds the photo, turned, then cut
    light = Image.linear_gradient("L").resize((side, side)).rotate(rng.choice((35, 125, 215, 305)),
                                                                   resample=Image.Resampling.BILINEAR)
    light = light.crop(((side - out_w) // 2, (side - out_h) // 2, (side - out_w) // 2 + out_w,
                        (side - out_h) // 2 + out_h))
    light = light.point(lambda v: 255 - v * 75 // 255)  # 1.0 on the bright side, about 0.7 on the dark one
    photo = ImageChops.multiply(photo, light).filter(ImageFilter.GaussianBlur(0.8))
    return Image.merge("RGB", (photo, photo.point(lambda v: v * 242 // 255), photo.point(lambda v: v * 218 // 255)))


def save_searchable(pages: list[Any], path: Path, dpi: int, lang: str) -> None:
    """Round 19: a "searchable PDF" as scanner software makes it: each page's image, and over it the software's own OCR
    as invisible text (tesseract's PDF renderer, ``lang`` "eng" as a scanner set to English reads Vietnamese: tone
    marks lost, letters taken for digits; "vie" with fewer errors). The image is what a person reads; the truth holds
    the image's values, not the OCR layer's. The renderer's creation date is fixed, so the bytes stay the same."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = []
        for i, page in enumerate(pages):
            png = Path(tmp) / f"page-{i + 1:02d}.png"
            page.save(png, dpi=(dpi, dpi))
            listing.append(str(png))
        (Path(tmp) / "pages.txt").write_text("\n".join(listing) + "\n")
        subprocess.run(["tesseract", str(Path(tmp) / "pages.txt"), str(Path(tmp) / "out"), "-l", lang, "--dpi",
                        str(dpi), "pdf"], check=True, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        data = (Path(tmp) / "out.pdf").read_bytes()
    data = re.sub(rb"(/(?:Creation|Mod)Date \(D:)\d{14}", rb"\g<1>20240110080000", data)  # as long as before
    path.write_bytes(data)


def fax_page(page: Any, spec: dict[str, Any], number: int, dpi: int) -> Any:
    """Round 17: a page as a fax machine prints it: thresholded to black and white, scattered specks (seeded by the
    report's name), and the sending machine's line at the top ("FAX … Tr. n")."""
    from PIL import ImageDraw, ImageFont

    rng = random.Random(f"fax:{spec['name']}:{number}")
    page = page.point(lambda v: 0 if v < 150 else 255).convert("L")
    draw = ImageDraw.Draw(page)
    width, height = page.size
    for _ in range(width * height // 4000):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.point((x, y), fill=0)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono.ttf"), max(10, dpi // 12))
    d = date_of(spec)
    draw.text((dpi // 3, dpi // 6), f"{d.day:02d}/{d.month:02d}/{d.year} 08:{14 + number:02d}   FAX 0{rng.randint(200, 299)}"
              f"{rng.randint(3000000, 3999999)}   UBND {spec['level'].upper()} {spec['unit'].upper()}   Tr. {number:03d}",
              fill=0, font=font)
    return page.convert("1").convert("L")


def soffice_profile() -> Path:
    """A LibreOffice user profile of this process's own, so parallel builds do not share one."""
    if not _PROFILE:
        _PROFILE.append(Path(tempfile.mkdtemp(prefix="cchc-heldout-lo-")))
        atexit.register(shutil.rmtree, _PROFILE[0], ignore_errors=True)
    return _PROFILE[0]


def soffice_convert(pdf: Path, out_dir: Path) -> Path:
    """PDF -> DOCX with LibreOffice's PDF import, as an office without Word does it."""
    profile = soffice_profile()
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=writer_pdf_import",
           "--convert-to", "docx", "--outdir", str(out_dir), str(pdf)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    result = out_dir / (pdf.stem + ".docx")
    if not result.exists():
        raise RuntimeError(f"soffice did not convert {pdf}")
    return result


def soffice_save_as(docx_path: Path, out_dir: Path, fmt: str) -> Path:
    """Round 16: a DOCX opened in LibreOffice Writer and saved as .odt or .rtf."""
    profile = soffice_profile()
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt, "--outdir",
           str(out_dir / "saved"), str(docx_path)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    result = out_dir / "saved" / (docx_path.stem + "." + fmt)
    if not result.exists():
        raise RuntimeError(f"soffice did not save {docx_path} as {fmt}")
    return result


def frame_lines(docx_path: Path) -> list[str]:
    """The printed lines of a LibreOffice-converted DOCX: the text frames in document order."""
    from lxml import etree

    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
          "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"}
    with zipfile.ZipFile(docx_path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for box in root.iterfind(".//wps:txbx/w:txbxContent", ns):
        for para in box.iterfind("w:p", ns):
            text = "".join(t.text or "" for t in para.iterfind(".//w:t", ns)).strip()
            if text:
                lines.append(" ".join(text.split()))
    return lines


def render_reflowed(lines: list[str], path: Path, flow: bool, rng: random.Random) -> None:
    import docx

    document = docx.Document()
    import datetime as _dt

    document.core_properties.created = document.core_properties.modified = _dt.datetime(2024, 1, 1)
    if not flow:
        for line in lines:
            document.add_paragraph(line)
    else:
        i = 0
        while i < len(lines):
            n = rng.randint(2, 5)
            document.add_paragraph(" ".join(lines[i:i + n]))
            i += n
    buffer = io.BytesIO()
    document.save(buffer)
    write_zip_fixed(buffer.getvalue(), path)


# ---- round 21: TCVN3 (ABC) fonts, Word 97-2003, a spreadsheet ------------------------------------
_TCVN3: dict[str, str] = {}


def tcvn3_table() -> dict[str, str]:
    """Each Vietnamese letter (NFC) -> its TCVN3 byte read as Latin-1, from glibc's table (``iconv -t TCVN5712-1``).
    Lower-case letters and the capitals Ă Â Ê Ô Ơ Ư Đ are one byte of 0xA1-0xFE, typed in ".VnTime"; a capital with
    a tone mark has no code in ".VnTime" and is typed in ".VnTimeH" (the capitals' font) with its lower case's code."""
    if not _TCVN3:
        letters = [unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy"
                   for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")] + ["đ"]
        letters += [c.upper() for c in letters]
        out = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input="\n".join(letters).encode("utf-8"),
                             capture_output=True, check=True).stdout.split(b"\n")
        for letter, code in zip(letters, out, strict=True):
            if len(code) == 1 and code[0] >= 0xA1:
                _TCVN3[letter] = code.decode("latin-1")
    return _TCVN3


def tcvn3_segments(text: str, capitals: bool) -> list[tuple[str, str]]:
    """(font, characters) runs of ``text`` as a clerk types it with ABC: ".VnTime" (or, for a line in capitals,
    ".VnTimeH" with the lower-case codes), a capital with a tone mark alone in ".VnTimeH", any character TCVN3 lacks
    (a dash, quotes) left in Times New Roman."""
    table = tcvn3_table()
    segments: list[tuple[str, str]] = []
    for ch in text:
        if capitals and ch.lower() in table:
            font, code = ".VnTimeH", table[ch.lower()]
        elif ch in table:
            font, code = ".VnTime", table[ch]
        elif ch.lower() in table:  # a capital with a tone mark
            font, code = ".VnTimeH", table[ch.lower()]
        elif ord(ch) < 0x80:
            font, code = (".VnTimeH" if capitals else ".VnTime"), ch
        else:
            font, code = "Times New Roman", ch
        if segments and segments[-1][0] == font:
            segments[-1] = (font, segments[-1][1] + code)
        else:
            segments.append((font, code))
    return segments


def apply_tcvn3(document: Any, whole: bool) -> None:
    """Round 21: the body (``whole``: the header and signature tables too) retyped in TCVN3 fonts; a paragraph all
    in capitals (a title, a heading) in ".VnTimeH"."""
    import copy

    from docx.oxml.ns import qn

    body = document.element.body
    paragraphs = list(body.iter(qn("w:p"))) if whole else [p for p in body.iter(qn("w:p"))
                                                            if not any(a.tag == qn("w:tbl") for a in p.iterancestors())]
    for p in paragraphs:
        runs = [r for r in p.iter(qn("w:r")) if r.getparent() is p]
        text = "".join(t.text or "" for r in runs for t in r.iter(qn("w:t")))
        if not text.strip():
            continue
        capitals = text == text.upper() and any(c.isalpha() for c in text)
        for run in runs:
            t_nodes = list(run.iter(qn("w:t")))
            if len(t_nodes) != 1 or len(run) > 2:  # a run with breaks or tabs: leave it (none in these reports)
                continue
            for font, chars in tcvn3_segments(t_nodes[0].text or "", capitals):
                piece = copy.deepcopy(run)
                rpr = piece.find(qn("w:rPr"))
                if rpr is None:
                    rpr = piece.makeelement(qn("w:rPr"), {})
                    piece.insert(0, rpr)
                for old in rpr.findall(qn("w:rFonts")):
                    rpr.remove(old)
                fonts = rpr.makeelement(qn("w:rFonts"), {qn("w:ascii"): font, qn("w:hAnsi"): font, qn("w:cs"): font})
                rpr.insert(0, fonts)
                node = piece.find(qn("w:t"))
                node.text = chars
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.addprevious(piece)
            p.remove(run)


def xlsx_number(text: str) -> tuple[Any, str] | None:
    """A cell typed as a number: ("1.320" -> 1320, "#,##0"), ("5,5" -> 5.5, "General"), ("91,67" -> 91.67, "0.00")."""
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return int(text.replace(".", "")), "#,##0"
    if re.fullmatch(r"\d+", text):
        return int(text), "General"
    if re.fullmatch(r"\d+,\d+", text):
        places = len(text.split(",")[1])
        return float(text.replace(",", ".")), "0." + "0" * places if places == 2 else "General"
    return None


def formula_cells(table_rows: list[list[str]], i: int, r: int, head_row: int) -> dict[int, tuple[str, str]]:
    """Round 22 (``xlsx_formulas``): the formulas a clerk's sheet has in row ``i`` of a criteria table ("STT | … |
    Điểm tối đa | Điểm đạt | Tỷ lệ (%)"), by column, each with the value a spreadsheet computes and caches beside
    it: the percent =ROUND(score/max*100,2) and, in the totals row, the sums; only where the printed value is what
    the formula gives (a value the clerk typed over stays a number)."""
    from decimal import ROUND_HALF_UP, Decimal

    head = table_rows[0]
    if i == 0 or "Điểm tối đa" not in head or "Điểm đạt" not in head or len(head) != 5:
        return {}
    c_max, c_score, c_pct = head.index("Điểm tối đa") + 1, head.index("Điểm đạt") + 1, 5
    row = table_rows[i]
    max_l, score_l = "ABCDE"[c_max - 1], "ABCDE"[c_score - 1]

    def dec(text: str) -> Decimal:
        return Decimal(text.replace(".", "").replace(",", "."))

    def cached(value: Decimal) -> str:
        return f"{value.normalize():f}"

    out: dict[int, tuple[str, str]] = {}
    if row[1].startswith("Tổng"):
        first, last = head_row + 1, r - 1
        for col, letter in ((c_score, score_l), (c_max, max_l)):
            total = sum((dec(x[col - 1]) for x in table_rows[1:i]), Decimal(0))
            if dec(row[col - 1]) == total:
                out[col] = (f"=SUM({letter}{first}:{letter}{last})", cached(total))
    computed = (dec(row[c_score - 1]) / dec(row[c_max - 1]) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if computed == dec(row[c_pct - 1]):
        out[c_pct] = (f"=ROUND({score_l}{r}/{max_l}{r}*100,2)", cached(computed))
    return out


def with_cached_values(xml: bytes, values: dict[str, str]) -> bytes:
    """Round 22: a worksheet's formula cells given the values a spreadsheet caches (openpyxl writes them empty)."""
    for ref, value in values.items():
        xml, count = re.subn(rb'(<c r="' + ref.encode() + rb'"[^>]*><f>[^<]*</f>)<v\s*/?>(</v>)?',
                             rb"\g<1><v>" + value.encode() + rb"</v>", xml)
        if count != 1:
            raise RuntimeError(f"formula cell {ref} not found once")
    return xml


def render_xlsx(blocks: list[Block], path: Path, spec: dict[str, Any]) -> None:
    """Round 21: the report typed in a spreadsheet: the header's two sides in two merged cells, the title rows merged
    across the sheet, a paragraph a row, the tables as cells (numbers stored as numbers, shown with a decimal comma by
    the reader's locale); with ``records_sheet`` the records' paragraph and table on a second sheet."""
    import datetime as _dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    first = book.active
    first.title = "Bao cao"
    second = book.create_sheet("Phu luc TTHC") if spec.get("records_sheet") else None
    thin = Side(style="thin")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    rows = {id(first): 0, id(second): 0}
    width = 5

    def next_row(sheet: Any) -> int:
        rows[id(sheet)] += 1
        return rows[id(sheet)]

    to_second = False
    cached: dict[bool, dict[str, str]] = {False: {}, True: {}}  # round 22: by sheet (the second?), cell -> value
    for block in blocks:
        kind = block[0]
        sheet = second if to_second and second is not None else first
        if kind == "para" and second is not None and block[1].startswith("- Kết quả tiếp nhận"):
            to_second, sheet = True, second
        if kind in ("header", "signature"):
            left, right = "\n".join(block[1]), "\n".join(block[2])
            r = next_row(sheet)
            sheet.cell(r, 1, left).alignment = Alignment(wrap_text=True, horizontal="center", vertical="top")
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
            sheet.cell(r, 3, right).alignment = Alignment(wrap_text=True, horizontal="center", vertical="top")
            sheet.merge_cells(start_row=r, start_column=3, end_row=r, end_column=width)
            sheet.cell(r, 1).font = sheet.cell(r, 3).font = Font(bold=kind == "header")
        elif kind in ("center", "heading", "subheading", "para"):
            r = next_row(sheet)
            cell = sheet.cell(r, 1, block[1])
            cell.alignment = Alignment(wrap_text=True, horizontal="center" if kind == "center" else "left")
            cell.font = Font(bold=kind != "para" and (kind != "center" or bool(block[2])))
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        elif kind == "table":
            table_rows = block[1]
            for i, row in enumerate(table_rows):
                r = next_row(sheet)
                if len(row) == 2 and len(table_rows) == 1:  # the header as a two-cell table (layout grid)
                    for c, (value, span) in enumerate(zip(row, ((1, 2), (3, width)))):
                        cell = sheet.cell(r, span[0], value)
                        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="top")
                        cell.font = Font(bold=True)
                        sheet.merge_cells(start_row=r, start_column=span[0], end_row=r, end_column=span[1])
                    continue
                formulas = formula_cells(table_rows, i, r, r - i) if spec.get("xlsx_formulas") else {}
                for c, (formula, value_text) in formulas.items():
                    cached[sheet is second][f"{'ABCDE'[c - 1]}{r}"] = value_text
                for c, value in enumerate(row, start=1):
                    number = xlsx_number(value) if i > 0 else None
                    cell = sheet.cell(r, c, formulas[c][0] if c in formulas else number[0] if number else value)
                    if number:
                        cell.number_format = number[1]
                    cell.border = ruled
                    cell.alignment = Alignment(wrap_text=True)
                    cell.font = Font(bold=i == 0)
            if to_second:
                to_second = False
        elif kind == "pagebreak":
            continue
        else:
            for line in block[1]:
                sheet.cell(next_row(sheet), 1, line)
    for sheet in (first, second):
        if sheet is not None:
            for letter, w in zip("ABCDE", (8, 42, 12, 12, 12)):
                sheet.column_dimensions[letter].width = w
    book.properties.creator = "UBND"
    book.properties.created = book.properties.modified = _dt.datetime(2024, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    fixed = io.BytesIO()  # openpyxl stamps the save time as "modified": the same date every time instead
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", content)
            for is_second, sheet_file in ((False, "xl/worksheets/sheet1.xml"), (True, "xl/worksheets/sheet2.xml")):
                if info.filename == sheet_file and cached[is_second]:
                    content = with_cached_values(content, cached[is_second])
            dst.writestr(info, content)
    write_zip_fixed(fixed.getvalue(), path)


# ---- the set ------------------------------------------------------------------------------------
def builder_digest() -> str:
    digest = hashlib.sha256()
    for name in ("specs.py", "compose.py", "build.py"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def document_name(spec: dict[str, Any]) -> str:
    """The document's file name: the spec's name and its format ("an-son-2023-txt.txt")."""
    return f"{spec['name']}-{spec['fmt'].replace('_', '-')}{EXTENSIONS[spec['fmt']]}"


def full_truth(spec: dict[str, Any]) -> tuple[list[Block], dict[str, Any]]:
    blocks, truth = compose(spec)
    return blocks, truth | {"file": document_name(spec), "spec_name": spec["name"]}


def build_one(spec: dict[str, Any], docs: Path, truth_dir: Path) -> Path:
    blocks, truth = full_truth(spec)
    if spec.get("annex_only"):  # round 24: the criteria table only in an annex after the signature
        blocks = annex_table(blocks, spec)
    blocks = unicode_variant(blocks, spec)  # round 23: the same words as other tools store them
    fmt = spec["fmt"]
    rng = random.Random("render:" + spec["name"])
    running = None
    if spec.get("running_header"):  # round 8: the unit and the report on every page of the PDF
        running = f"UBND {spec['level'].upper()} {spec['unit'].upper()} - Báo cáo kết quả CCHC năm {spec['year']}"
    path = docs / document_name(spec)
    name = path.stem
    if fmt == "txt" and spec.get("email"):  # round 17: pasted from an e-mail reply, quoted and wrapped at 70
        path.write_text(render_email(blocks, spec), encoding="utf-8")
    elif fmt == "txt" and spec.get("encoding") == "cp1258":  # round 20: re-saved as "Vietnamese (Windows)"
        path.write_bytes(cp1258_bytes(render_txt(blocks, rng).replace("\n", "\r\n")))
    elif fmt == "txt":
        path.write_text(render_txt(blocks, rng, hyphens=bool(spec.get("hyphens"))), encoding="utf-8")
    elif fmt == "txt_utf16":  # Notepad's "Unicode": UTF-16 little-endian with a BOM, CRLF lines
        path.write_bytes(render_txt(blocks, rng).replace("\n", "\r\n").encode("utf-16"))
    elif fmt in ("docx", "docx_autonum"):
        render_docx(blocks, spec["layout"], path, tab_header=spec.get("tab_header", False), spec=spec)
    elif fmt == "pdf" and spec.get("tcvn3_pdf"):  # round 22: printed from a document typed in TCVN3
        with KeepSoftHyphen():
            render_pdf(tcvn3_blocks(blocks), path, running, **pdf_options(spec))
    elif fmt == "pdf" and spec.get("pdf_draw"):  # round 24: the text layer drawn in another order or in pieces
        render_pdf_drawn(blocks, path, spec["pdf_draw"])
    elif fmt == "pdf":
        render_pdf(blocks, path, running, **pdf_options(spec))
    elif fmt == "scan":  # round 12: printed and scanned, an image-only PDF
        render_scan(blocks, path, running, spec)
    elif fmt == "xlsx":  # round 21: typed in a spreadsheet
        render_xlsx(blocks, path, spec)
    elif fmt in ("odt", "rtf", "doc"):  # round 16: saved by LibreOffice as OpenDocument or RTF; round 21: as .doc
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / (name + ".docx")
            render_docx(blocks, spec["layout"], source, tab_header=spec.get("tab_header", False), spec=spec)
            converted = soffice_save_as(source, Path(tmp), fmt)
            if fmt == "odt":  # the same parts every time; only the zip's entry dates differ
                write_zip_fixed(converted.read_bytes(), path, keep_methods=True)
            else:
                path.write_bytes(converted.read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / (name + ".pdf")
            if spec.get("tcvn3_pdf"):  # round 22: printed from a document typed in TCVN3
                with KeepSoftHyphen():
                    render_pdf(tcvn3_blocks(blocks), pdf, running, **pdf_options(spec))
            elif spec.get("pdf_draw"):  # round 24
                render_pdf_drawn(blocks, pdf, spec["pdf_draw"])
            else:
                render_pdf(blocks, pdf, running, **pdf_options(spec))
            converted = soffice_convert(pdf, Path(tmp))
            if fmt == "conv_soffice":  # the same parts every time; only the zip's entry dates differ
                write_zip_fixed(converted.read_bytes(), path)
            else:
                render_reflowed(frame_lines(converted), path, fmt == "conv_flow", rng)
    (truth_dir / (spec["name"] + ".json")).write_text(truth_json(truth), encoding="utf-8")
    return path


def build(out: Path = DEFAULT_OUT, force: bool = False, only: list[str] | None = None) -> list[Path]:
    """Build every spec (or ``only`` these names) into ``out``; cached by the builder's digest."""
    docs, truth_dir = out / "docs", truth_dir_for(out)
    stamp = out / "stamp"
    digest = builder_digest()
    if not force and only is None and stamp.exists() and stamp.read_text() == digest:
        return sorted(docs.iterdir())
    if only is None and docs.exists():
        shutil.rmtree(docs)
        shutil.rmtree(truth_dir, ignore_errors=True)
    docs.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in SPECS:
        if only is not None and spec["name"] not in only:
            continue
        paths.append(build_one(spec, docs, truth_dir))
    if only is None:
        stamp.write_text(digest)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--force", action="store_true", help="rebuild even when the stamp matches")
    parser.add_argument("--only", nargs="*", help="build only these spec names")
    args = parser.parse_args(argv)
    paths = build(args.out, args.force, args.only)
    print(f"{len(paths)} documents in {args.out / 'docs'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
