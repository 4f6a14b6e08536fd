"""Build test PDFs with reportlab and DejaVu fonts, laid out like commune reports.

A :class:`ReportPdf` keeps a cursor down the page and lays out paragraphs (wrapped, justified word
by word as Word does), two-column header blocks, ruled tables (split across pages when they do not
fit), page numbers and running headers. ``fallback`` letters are drawn after the rest of their
line in another font, as Word/LibreOffice exports do when the main font lacks a glyph, so the
content stream order differs from the reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SERIF, SERIF_BOLD, SANS = "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSans"
for _name in (SERIF, SERIF_BOLD, SANS):
    if _name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_name, str(FONT_DIR / f"{_name}.ttf")))

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 85.0, 57.0, 57.0, 57.0


@dataclass
class ReportPdf:
    """A report laid out top to bottom; call :meth:`save` to write it."""

    path: Path
    size: float = 13.0
    leading: float = 1.35
    page_numbers: str | None = None  # e.g. "{n}", "- {n} -", "Trang {n}"; drawn at the bottom
    running_header: str | None = None  # drawn at the top of every page; "{n}" is the page number
    fallback: str = ""  # letters drawn in a fallback font after the rest of their line
    encrypt: str | None = None  # user password
    owner_password: str | None = None
    strength: int = 40  # RC4 key bits of the encryption (40 or 128)
    y: float = field(init=False)
    page: int = field(init=False, default=1)
    late: list[tuple[float, float, float, str]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        enc = None
        if self.encrypt is not None or self.owner_password is not None:
            from reportlab.lib import pdfencrypt

            enc = pdfencrypt.StandardEncryption(
                self.encrypt or "",
                ownerPassword=self.owner_password or "owner",
                canPrint=1,
                canCopy=0,
                strength=self.strength,
            )
        self.c = canvas.Canvas(str(self.path), pagesize=A4, encrypt=enc)
        self.y = MARGIN_T
        self._decorate()

    # -- page furniture -------------------------------------------------------------------
    def _decorate(self) -> None:
        if self.running_header:
            self.c.setFont(SERIF, 9)
            self.c.drawCentredString(PAGE_W / 2, PAGE_H - 30, self.running_header.format(n=self.page))
        if self.page_numbers:
            self.c.setFont(SERIF, 10)
            self.c.drawCentredString(PAGE_W / 2, 30, self.page_numbers.format(n=self.page))

    def _flush_late(self) -> None:
        """Fallback-font letters go last on the page, as in Word exports (stream order != reading order)."""
        for x, baseline, size, ch in self.late:
            self.c.setFont(SANS, size)
            self.c.drawString(x, baseline, ch)
        self.late.clear()

    def new_page(self) -> None:
        self._flush_late()
        self.c.showPage()
        self.page += 1
        self.y = MARGIN_T
        self._decorate()

    def _room(self, height: float) -> None:
        if self.y + height > PAGE_H - MARGIN_B:
            self.new_page()

    # -- text -----------------------------------------------------------------------------
    def draw_line(
        self,
        x: float,
        top: float,
        text: str,
        size: float | None = None,
        bold: bool = False,
        gap: float | None = None,
    ) -> float:
        """Draw one line word by word from ``x`` at ``top`` (distance from the page top); returns its end x.

        ``gap`` is the space between words (justification); fallback letters are drawn at the end of the page.
        """
        size = size or self.size
        font = SERIF_BOLD if bold else SERIF
        ascent, descent = pdfmetrics.getAscentDescent(font, size)
        baseline = PAGE_H - top - size * ascent / (ascent - descent)  # ``top`` is the top of the font box
        space = pdfmetrics.stringWidth(" ", font, size) if gap is None else gap
        cx = x
        for i, word in enumerate(text.split(" ")):
            if i:
                cx += space
            run, run_x = "", cx
            for ch in word:
                if ch in self.fallback:
                    if run:
                        self.c.setFont(font, size)
                        self.c.drawString(run_x, baseline, run)
                    self.late.append((cx, baseline, size, ch))
                    cx += pdfmetrics.stringWidth(ch, SANS, size)
                    run, run_x = "", cx
                else:
                    run += ch
                    cx += pdfmetrics.stringWidth(ch, font, size)
            if run:
                self.c.setFont(font, size)
                self.c.drawString(run_x, baseline, run)
        return cx

    def wrap(
        self, text: str, width: float, size: float, bold: bool = False, indent: float = 0.0
    ) -> list[str]:
        font = SERIF_BOLD if bold else SERIF
        lines: list[str] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}" if line else word
            avail = width - (indent if not lines else 0.0)
            if line and pdfmetrics.stringWidth(trial, font, size) > avail:
                lines.append(line)
                line = word
            else:
                line = trial
        if line:
            lines.append(line)
        return lines

    def paragraph(
        self,
        text: str,
        *,
        bold: bool = False,
        indent: float = 28.0,
        align: str = "justify",
        size: float | None = None,
        space_after: float = 4.0,
    ) -> list[tuple[str, int, float]]:
        """Lay out a wrapped paragraph; returns (text, page, top) of each line drawn."""
        size = size or self.size
        font = SERIF_BOLD if bold else SERIF
        width = PAGE_W - MARGIN_L - MARGIN_R
        pitch = size * self.leading
        drawn: list[tuple[str, int, float]] = []
        lines = self.wrap(text, width, size, bold, indent)
        for i, line in enumerate(lines):
            self._room(pitch)
            x = MARGIN_L + (indent if i == 0 else 0.0)
            avail = width - (indent if i == 0 else 0.0)
            gap = None
            if align == "center":
                x = MARGIN_L + (width - pdfmetrics.stringWidth(line, font, size)) / 2
            elif align == "justify" and i < len(lines) - 1 and " " in line:
                words = line.split(" ")
                natural = sum(pdfmetrics.stringWidth(w, font, size) for w in words)
                gap = (avail - natural) / (len(words) - 1)
            self.draw_line(x, self.y, line, size, bold, gap)
            drawn.append((line, self.page, self.y))
            self.y += pitch
        self.y += space_after
        return drawn

    def centred_lines(
        self, lines: list[str], *, bold: bool = False, size: float | None = None, shift: float = 0.0
    ) -> None:
        """Lines each centred on the text area's axis (moved right by ``shift``), as a wrapped title prints."""
        size = size or self.size
        font = SERIF_BOLD if bold else SERIF
        axis = (MARGIN_L + PAGE_W - MARGIN_R) / 2 + shift
        for line in lines:
            self._room(size * self.leading)
            self.draw_line(axis - pdfmetrics.stringWidth(line, font, size) / 2, self.y, line, size, bold)
            self.y += size * self.leading
        self.y += 4.0

    def two_column_header(
        self, left: list[tuple[str, bool]], right: list[tuple[str, bool]], size: float = 12.0
    ) -> None:
        """Left and right header columns side by side, each line centred in its column."""
        col_l = (MARGIN_L - 30, MARGIN_L + 170)
        col_r = (MARGIN_L + 190, PAGE_W - MARGIN_R + 10)
        pitch = size * 1.3
        for col, lines in ((col_l, left), (col_r, right)):
            top = self.y
            for text, bold in lines:
                if text:
                    font = SERIF_BOLD if bold else SERIF
                    w = pdfmetrics.stringWidth(text, font, size)
                    self.draw_line((col[0] + col[1] - w) / 2, top, text, size, bold)
                top += pitch
        self.y += pitch * max(len(left), len(right)) + 10

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        size: float = 9.5,
        row_h: float = 20.0,
        repeat_header: bool = False,
        grid: bool = False,
    ) -> None:
        """A ruled table (cell borders drawn as lines, or as one grid path); rows that do not fit go to the next page."""
        x0 = MARGIN_L
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        header = rows[0]
        pending = list(rows)
        first = True
        while pending:
            chunk: list[list[str]] = []
            if not first and repeat_header:
                chunk.append(header)
            while pending and self.y + row_h * (len(chunk) + 1) <= PAGE_H - MARGIN_B:
                chunk.append(pending.pop(0))
            if not chunk or (not first and repeat_header and len(chunk) == 1):
                self.new_page()
                continue
            top = self.y
            c = self.c
            c.setLineWidth(0.6)
            if grid:
                c.grid(xs, [PAGE_H - (top + i * row_h) for i in range(len(chunk) + 1)])
            for i in range(len(chunk) + 1 if not grid else 0):
                yy = PAGE_H - (top + i * row_h)
                c.line(xs[0], yy, xs[-1], yy)
            for x in xs if not grid else []:
                c.line(x, PAGE_H - top, x, PAGE_H - (top + len(chunk) * row_h))
            for r, row in enumerate(chunk):
                for j, cell in enumerate(row):
                    self.draw_line(xs[j] + 4, top + r * row_h + (row_h - size) / 2, cell, size)
            self.y = top + len(chunk) * row_h + 8
            first = False
            if pending:
                self.new_page()

    def save(self) -> Path:
        self._flush_late()
        self.c.showPage()
        self.c.save()
        return self.path


def prose_pdf(path: Path, pages: int, paragraphs_per_page: int = 5) -> Path:
    """A long prose report (numbered headings, bullets, justified paragraphs, page numbers)."""
    pdf = ReportPdf(path, page_numbers="{n}")
    body = (
        "Công tác cải cách hành chính trên địa bàn xã tiếp tục được quan tâm chỉ đạo, các công chức "
        "chuyên môn chủ động triển khai nhiệm vụ được giao; việc tiếp nhận và trả kết quả giải quyết thủ "
        "tục hành chính đúng hạn đạt tỷ lệ 99,8%, số hồ sơ trực tuyến tăng so với cùng kỳ năm trước."
    )
    n = 0
    while pdf.page <= pages:
        n += 1
        pdf.paragraph(f"{n}. Về lĩnh vực số {n}: 8,5/10 điểm, đạt tỷ lệ 85%.", bold=True, indent=0)
        for k in range(paragraphs_per_page - 1):
            pdf.paragraph(("- " if k % 2 else "") + body + " " + body)
    pdf.save()
    return path


def scanned_pdf(path: Path, pages: int = 1) -> Path:
    """Pages holding only a picture of text (no text layer), like a scan."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(img).text((10, 40), "BAO CAO 83,97/100", fill=0)
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(img), 80, 500, width=400, height=120)
        c.showPage()
    c.save()
    return path


def zero_page_pdf(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
