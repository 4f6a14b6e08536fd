"""PDF backend: characters by position from pdfium, pdfplumber's table finder only where rules are drawn.

Reading order comes from glyph positions, never from the content stream: Word and LibreOffice
exports draw letters missing from the main font (ứ, ố, ộ …) in a fallback font after the rest of
the line, so stream order gives "C NG HÒA … Ộ". Glyphs are grouped into lines by vertical overlap,
sorted by x, spaced from the gaps between them and split into segments at wide gaps (two-column
header blocks). Lines become blocks through the shared heuristics of :mod:`cchc.extractors.layout`
plus geometry (indent, vertical gap, bold and size changes). Pages with drawn rules go through
pdfplumber's ``find_tables``; the cells are filled from the same glyphs, and tables broken across
pages are joined. Page numbers and running headers/footers are dropped and listed in the warnings.
Legacy text (TCVN3, VNI, VISCII) is decoded per line and cell by its font or its words; those too short to
tell take the encoding the document's other converted lines are in (:func:`_decode_left_over`).

pdfium is not thread-safe: every call goes through :data:`PDFIUM_LOCK` (other modules that use
pypdfium2 in the same process, e.g. OCR rendering, should hold it too).
"""

from __future__ import annotations

import ctypes
import math
import os
import threading
import time
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, islice, pairwise
from operator import itemgetter, sub
from pathlib import Path
from typing import Any

import pypdfium2  # noqa: F401  (initialises the pdfium library)
import regex as re
from pypdfium2_raw.bindings import _libs

from cchc.errors import CorruptFileError, EmptyFileError, EncryptedFileError, LimitExceededError
from cchc.extractors.document import BBox, Block, BlockKind, Document, Provenance, join_spaced_by_gaps, nfc
from cchc.extractors.layout import (
    LETTER_ITEM_RE,
    PAGE_NUMBER_RE,
    SENTENCE_END_RE,
    classify,
    goes_on_in_next_column,
    is_all_caps,
    is_bullet,
    numbering,
    rejoins_cut_word,
    starts_block,
)
from cchc.extractors.legacy_fonts import decode_run, decode_run_as, undecided_legacy, vietnamese_share
from cchc.settings import DEFAULT_SETTINGS, Settings

PDFIUM_LOCK = threading.RLock()

_LOW_HIGH_MARKS = frozenset(",.;:'\"`´‘’‚“”„…·_")
MAX_PAGE_OBJECTS = 200_000  # default of Settings.max_page_objects (characters or objects on one page)
SPACE_GAP = 0.12  # x font size, over the line's usual gap between letters: a word space
COLUMN_GAP = 3.0  # x font size: a gap this wide starts a two-column run
SEGMENT_GAP = 1.5  # x font size: a gap this wide splits a line into segments (columns if they line up)
COLUMN_MIN_LINES = 6  # lines of a column side before its own text edges count (a header block has fewer)
PARA_PITCH = 1.35  # x the document's usual line pitch: a paragraph break
MARGIN_BAND = 0.12  # share of the page height at top and bottom where furniture lives
COPY_PROTECTED = "copy-protected: owner password only (no password to open); read as any viewer shows it"
COVER_SHARE = 0.8  # share of the page an image covers when it is the page itself (a scan), not a logo or seal
HIDDEN_SHARE = 0.9  # share of the text objects a "searchable" scan's OCR layer hides (render mode 3, under the image)
_RENDER_INVISIBLE = (3, 7)  # text render modes that draw nothing (7 only adds to the clip path)
VIETNAMESE_LAYER = 0.5  # share of Vietnamese words (legacy_fonts.vietnamese_share) of a layer OCR'd in Vietnamese
OCR_HINT = "no text layer; a scanned PDF needs OCR (apt install tesseract-ocr tesseract-ocr-vie)"

_SKIP = frozenset(
    " \t\r\n\x00\x0b\x0c\u00a0\u2002\u2003\u2007\u2009\u200a\u200b\u200c\u200d\u202f\u3000\ufeff\ufffe"
)
_LIGATURE_RE = re.compile("[\ufb00-\ufb04]")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_LABEL_RE = re.compile(r"^(?:[-+•*▪●◦○–]|\(?(?:\d{1,2}|[IVX]{1,4}|[a-zđ])(?:\.\d{1,2})*[\.\):]?)$")
_DIGITS_RE = re.compile(r"\d+")
_SENTENCE_END = ".:;!?…/ "
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 1 << 18
_PAGEOBJ_TEXT, _PAGEOBJ_PATH, _PAGEOBJ_IMAGE, _PAGEOBJ_FORM = 1, 2, 3, 5
_RENDER_FILL_STROKE = 2


# -- pdfium entry points with plain pointer arguments (faster than the generated wrappers) ------------
def _fn(name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    func = _libs["pdfium"][name]  # a fresh function pointer: pypdfium2's own prototypes stay untouched
    func.restype = restype
    func.argtypes = argtypes
    return func


_P, _I, _D, _F = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
_PF = ctypes.POINTER(_F)
FPDF_LoadDocument = _fn("FPDF_LoadDocument", _P, ctypes.c_char_p, ctypes.c_char_p)
FPDF_CloseDocument = _fn("FPDF_CloseDocument", None, _P)
FPDF_GetLastError = _fn("FPDF_GetLastError", ctypes.c_ulong)
FPDF_GetPageCount = _fn("FPDF_GetPageCount", _I, _P)
FPDF_GetSecurityHandlerRevision = _fn("FPDF_GetSecurityHandlerRevision", _I, _P)
FPDF_LoadPage = _fn("FPDF_LoadPage", _P, _P, _I)
FPDF_ClosePage = _fn("FPDF_ClosePage", None, _P)
FPDF_GetPageHeightF = _fn("FPDF_GetPageHeightF", _F, _P)
FPDF_GetPageWidthF = _fn("FPDF_GetPageWidthF", _F, _P)
FPDFPage_GetMediaBox = _fn("FPDFPage_GetMediaBox", _I, _P, _PF, _PF, _PF, _PF)
FPDFPage_CountObjects = _fn("FPDFPage_CountObjects", _I, _P)
FPDFPage_GetObject = _fn("FPDFPage_GetObject", _P, _P, _I)
FPDFFormObj_CountObjects = _fn("FPDFFormObj_CountObjects", _I, _P)
FPDFFormObj_GetObject = _fn("FPDFFormObj_GetObject", _P, _P, ctypes.c_ulong)
FPDFPageObj_GetType = _fn("FPDFPageObj_GetType", _I, _P)
FPDFPageObj_GetBounds = _fn("FPDFPageObj_GetBounds", _I, _P, _PF, _PF, _PF, _PF)
FPDFPath_CountSegments = _fn("FPDFPath_CountSegments", _I, _P)
FPDFText_LoadPage = _fn("FPDFText_LoadPage", _P, _P)
FPDFText_ClosePage = _fn("FPDFText_ClosePage", None, _P)
FPDFText_CountChars = _fn("FPDFText_CountChars", _I, _P)
FPDFText_GetText = _fn("FPDFText_GetText", _I, _P, _I, _I, _P)
FPDFText_GetUnicode = _fn("FPDFText_GetUnicode", ctypes.c_uint, _P, _I)
FPDFText_GetLooseCharBox = _fn("FPDFText_GetLooseCharBox", _I, _P, _I, _P)
# The same entry point without argument conversion, for the per-character loop (half the call cost):
# called with a c_void_p text page, a Python int index and a byref() to four floats.
_LooseCharBoxRaw = _libs["pdfium"]["FPDFText_GetLooseCharBox"]
_LooseCharBoxRaw.restype = _I
_LooseCharBoxRaw.argtypes = None
FPDFText_GetCharBox = _fn("FPDFText_GetCharBox", _I, _P, _I, _P, _P, _P, _P)
FPDFText_GetCharAngle = _fn("FPDFText_GetCharAngle", _F, _P, _I)
FPDFText_GetTextObject = _fn("FPDFText_GetTextObject", _P, _P, _I)
FPDFTextObj_GetFont = _fn("FPDFTextObj_GetFont", _P, _P)
FPDFTextObj_GetTextRenderMode = _fn("FPDFTextObj_GetTextRenderMode", _I, _P)
FPDFFont_GetBaseFontName = _fn(
    "FPDFFont_GetBaseFontName", ctypes.c_size_t, _P, ctypes.c_char_p, ctypes.c_size_t
)
FPDFFont_GetWeight = _fn("FPDFFont_GetWeight", _I, _P)
FPDFFont_GetFlags = _fn("FPDFFont_GetFlags", _I, _P)

_LOAD_ERRORS = {
    1: "unknown error",
    2: "file not found or could not be opened",
    3: "not a PDF or corrupted",
    5: "unsupported security scheme",
    6: "page not found or content error",
}


# -- what a page yields ----------------------------------------------------------------------------
@dataclass(slots=True)
class Segment:
    text: str
    x0: float
    x1: float
    first: int = -1  # char index of its first glyph
    bold: bool = False  # set only on a line of several segments (a column's side of it)
    raw: str | None = None  # the layer's text when it may be legacy text too short to tell (see _decode_left_over)


@dataclass(slots=True)
class Line:
    """One visual line (or one column segment of it) of a page; coordinates top-left based."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    segments: list[Segment]
    bold: bool = False
    number: int = 0
    edges: tuple[float, float] | None = None  # (left, right) text edges of its column, in a two-column run

    @property
    def bbox(self) -> BBox:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))


@dataclass(slots=True)
class TableRegion:
    page: int
    bbox: BBox
    rows: list[list[str]]
    row_boxes: list[BBox]
    row_numbers: list[int] = field(default_factory=list)
    undecided: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, layer text): as Segment.raw

    @property
    def top(self) -> float:
        return self.bbox[1]


@dataclass(slots=True)
class PageContent:
    number: int
    height: float
    lines: list[Line]
    tables: list[TableRegion]
    letters: int  # letters and digits in the text layer
    images: int
    hidden_text: bool = False  # a "searchable" scan: the text layer is invisible, over or under a page image

    def items(self) -> list[Line | TableRegion]:
        return sorted([*self.lines, *self.tables], key=lambda it: it.top)


Glyph = tuple[
    float, float, float, float, str, int, int
]  # x0, x1, top, bottom, text, char index, 1 + index of the space before it in the stream (0: none)
_X0 = itemgetter(0)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


# -- entry point -----------------------------------------------------------------------------------
def read_pdf(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Read a digital PDF into ordered blocks with page/line/bbox provenance.

    Raises CorruptFileError (truncated, broken), EncryptedFileError, LimitExceededError (pages,
    time, objects per page) and EmptyFileError (no text layer and no OCR), each with a one-line
    message naming the file.

    Example::

        doc = read_pdf(Path("samples/minh-duc-2022.pdf"))
        doc.blocks[0].text   # "ỦY BAN NHÂN DÂN"
    """
    path = Path(path)
    name = str(path)
    _check_tail(path, name)
    started = time.monotonic()
    warnings: list[str] = []
    with PDFIUM_LOCK:
        pages = _read_pages(path, name, settings, started, warnings)
    return _assemble(path, name, pages, settings, warnings)


def _check_tail(path: Path, name: str) -> None:
    """A PDF ends with %%EOF (trailing junk aside); without it the file was cut short."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 4096))
            tail = fh.read()
    except OSError as exc:
        raise CorruptFileError(name, f"cannot read the file ({exc.strerror or exc})") from exc
    if size == 0:
        raise EmptyFileError(name, "empty file (0 bytes)")
    if b"%PDF-" not in head:
        raise CorruptFileError(name, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in tail:
        raise CorruptFileError(name, "truncated PDF (no %%EOF at the end): the file is incomplete")


def _open(path: Path, name: str, warnings: list[str]) -> int:
    """Open with pdfium. A PDF that needs a password to open is refused; one encrypted with an owner
    password only (copying or printing restricted, as many government PDFs are published) opens in
    every viewer, so it is read and the warnings say so."""
    doc = FPDF_LoadDocument(os.fsencode(path), None)
    if not doc:
        code = FPDF_GetLastError()
        if code == 4:
            raise EncryptedFileError(
                name, "encrypted PDF that needs a user password to open; remove the password"
            )
        raise CorruptFileError(name, f"cannot open the PDF ({_LOAD_ERRORS.get(code, f'error {code}')})")
    if FPDF_GetSecurityHandlerRevision(doc) != -1:
        warnings.append(COPY_PROTECTED)
    return int(doc)


def _read_pages(
    path: Path, name: str, settings: Settings, started: float, warnings: list[str]
) -> list[PageContent]:
    doc = _open(path, name, warnings)
    reader = _PageReader(path, name, doc, settings.max_page_objects)
    try:
        count = FPDF_GetPageCount(doc)
        if count <= 0:
            raise EmptyFileError(name, "the PDF has no pages")
        if count > settings.max_pages:
            raise LimitExceededError(
                name, f"{count} pages, over the limit of {settings.max_pages} (max_pages)"
            )
        pages = []
        for index in range(count):
            pages.append(reader.read(index))
            if time.monotonic() - started > settings.max_seconds_per_document:
                raise LimitExceededError(
                    name,
                    f"reading took over {settings.max_seconds_per_document:g} s at page {index + 1} "
                    "(max_seconds_per_document)",
                )
        warnings.extend(reader.warnings)
        _decode_left_over(pages, reader.legacy)
        return pages
    finally:
        reader.close()
        FPDF_CloseDocument(doc)


# -- one page: glyphs, lines, tables ----------------------------------------------------------------
class _PageReader:
    """Reads pages of one open pdfium document; opens pdfplumber only if a page has drawn rules."""

    def __init__(self, path: Path, name: str, doc: int, max_objects: int = MAX_PAGE_OBJECTS) -> None:
        self.path, self.name, self.doc = path, name, doc
        self.max_objects = max_objects
        self.fonts: dict[int, tuple[bool, str]] = {}
        self.plumber: Any = None
        self.warnings: list[str] = []
        self.rect = (_F * 4)()
        self.rect_ref = ctypes.byref(self.rect)
        self.corners = memoryview(self.rect).cast("B").cast("f")  # the four floats, read in one unpack
        self.quad = [_F() for _ in range(4)]
        self.turned = 0  # the page's text runs bottom to top (UP) or top to bottom (DOWN): read in its own orientation
        self.top_y = self.width = 0.0  # of the page being read
        self.cover = -1  # index of a page object that is an image covering the page being read, or -1
        self.area = 0.0  # of the page being read (width x height: the same whether /Rotate turns it or not)
        self.legacy: dict[str, int] = {}  # lines and cells converted, per legacy encoding (their font's or their words')
        self.tracking: dict[int, float] = {}  # letter spacing read off long lines, per font size (rounded)

    def close(self) -> None:
        if self.plumber is not None:
            self.plumber.close()
            self.plumber = None

    def read(self, index: int) -> PageContent:
        page = FPDF_LoadPage(self.doc, index)
        if not page:
            raise CorruptFileError(self.name, f"page {index + 1} cannot be read")
        try:
            top_y = self._page_top(page)
            self.cover, self.area = -1, float(FPDF_GetPageWidthF(page)) * float(FPDF_GetPageHeightF(page))
            edges, rules, images = self._scan_objects(page, index, top_y)
            hidden = self.cover >= 0 and _text_hidden(page, self.cover)
            text_page = FPDFText_LoadPage(page)
            if not text_page:
                raise CorruptFileError(self.name, f"page {index + 1}: text layer cannot be read")
            try:
                self.turned, self.top_y, self.width = _turned_page(text_page), top_y, float(FPDF_GetPageWidthF(page))
                if self.turned and edges:
                    edges = [_turned_edge(edge, top_y, self.width, self.turned) for edge in edges]
                glyph_lines = self._glyph_lines(text_page, index, top_y)
                tables: list[TableRegion] = []
                if rules:
                    tables = self._tables(index, glyph_lines, edges)
                lines = [self._line(text_page, g, index + 1) for g in glyph_lines]
            finally:
                FPDFText_ClosePage(text_page)
        finally:
            FPDF_ClosePage(page)
        lines = [ln for ln in lines if ln.text]
        letters = sum(sum(map(str.isalnum, ln.text)) for ln in lines) + sum(
            sum(map(str.isalnum, cell)) for t in tables for row in t.rows for cell in row
        )
        return PageContent(index + 1, top_y, lines, tables, letters, images, hidden)

    def _page_top(self, page: int) -> float:
        left, bottom, right, top = self.quad
        if FPDFPage_GetMediaBox(page, *(ctypes.byref(v) for v in (left, bottom, right, top))):
            return float(top.value)
        return float(FPDF_GetPageHeightF(page))

    def _scan_objects(
        self, page: int, index: int, top_y: float
    ) -> tuple[list[dict[str, Any]] | None, bool, int]:
        """(rule edges, ruled table likely, image count) from the page objects; checks the object limit.

        Edges are None when a rule is not a plain line or rectangle (pdfplumber then reads the page).
        """
        count = FPDFPage_CountObjects(page)
        if count > self.max_objects:
            raise LimitExceededError(
                self.name,
                f"page {index + 1} has {count} objects, over the limit of {self.max_objects} (max_page_objects)",
            )
        left, bottom, right, top = self.quad
        refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
        horizontal = vertical = boxes = grids = images = 0
        edges: list[dict[str, Any]] | None = []
        seen = 0
        stack: list[tuple[int, int, bool]] = [(page, count, False)]
        while stack:
            holder, n, is_form = stack.pop()
            for i in range(n):
                obj = FPDFFormObj_GetObject(holder, i) if is_form else FPDFPage_GetObject(holder, i)
                kind = FPDFPageObj_GetType(obj)
                if kind == _PAGEOBJ_PATH:
                    if not FPDFPageObj_GetBounds(obj, *refs):
                        continue
                    x0, x1, y0, y1 = left.value, right.value, top_y - top.value, top_y - bottom.value
                    w, h = x1 - x0, y1 - y0
                    if h <= 3 and w >= 8:
                        horizontal += 1
                        shapes = [("h", x0, x1, (y0 + y1) / 2)]
                    elif w <= 3 and h >= 8:
                        vertical += 1
                        shapes = [("v", y0, y1, (x0 + x1) / 2)]
                    elif w >= 8 and h >= 8:
                        boxes += 1
                        if FPDFPath_CountSegments(obj) > 5:
                            edges = None  # a drawn grid or a curve: only pdfplumber can take it apart
                            grids += 1
                        shapes = [("h", x0, x1, y0), ("h", x0, x1, y1), ("v", y0, y1, x0), ("v", y0, y1, x1)]
                    else:
                        continue
                    if is_form:
                        edges = None  # coordinates inside forms need the form's matrix
                    if edges is not None:
                        edges.extend(_edge(*shape) for shape in shapes)
                elif kind == _PAGEOBJ_IMAGE:
                    images += 1
                    if not is_form and self.cover < 0 and FPDFPageObj_GetBounds(obj, *refs):
                        area = (right.value - left.value) * (top.value - bottom.value)
                        if area >= COVER_SHARE * self.area:
                            self.cover = i
                elif kind == _PAGEOBJ_FORM:
                    inner = FPDFFormObj_CountObjects(obj)
                    seen += inner
                    if seen > self.max_objects:
                        raise LimitExceededError(
                            self.name, f"page {index + 1} has over {self.max_objects} objects (in forms)"
                        )
                    stack.append((obj, inner, True))
        rules = (
            (horizontal >= 2 and vertical >= 2)
            or boxes >= 2
            or grids >= 1
            or (boxes >= 1 and horizontal + vertical >= 2)
        )
        return edges, rules, images

    def _glyph_lines(self, text_page: int, index: int, top_y: float) -> list[list[Glyph]]:
        """Glyphs grouped into lines by vertical overlap, in stream order (sorted later)."""
        n = FPDFText_CountChars(text_page)
        if n > self.max_objects:
            raise LimitExceededError(
                self.name,
                f"page {index + 1} has {n} characters, over the limit of {self.max_objects} (max_page_objects)",
            )
        if n <= 0:
            return []
        buf = ctypes.create_string_buffer(2 * (n + 1))
        FPDFText_GetText(text_page, 0, n, buf)
        text = buf.raw[: 2 * n].decode("utf-16-le", "replace")
        if len(text) != n or _SURROGATE_RE.search(text):
            text = "".join(chr(FPDFText_GetUnicode(text_page, k)) for k in range(n))
        if "\ufffe" in text:  # pdfium's mark for the hyphen that ends a line between letters: the hyphen printed
            text = text.replace("\ufffe", "-")
        # The hot loop of the reader (every character of every page): locals, no builtin calls.
        box, page_ref, rect_ref, corners = _LooseCharBoxRaw, ctypes.c_void_p(text_page), self.rect_ref, self.corners
        turned, width, up = self.turned, self.width, TURNED_UP
        marks = _LOW_HIGH_MARKS
        special = _SKIP | {ch for ch in set(text) if unicodedata.combining(ch)}  # skipped or put on the last glyph
        lines: list[list[Any]] = []  # [top, bottom, glyphs]
        cur: list[Glyph] | None = None  # glyphs of the line the previous glyph joined
        cur_t = cur_b = cur_h = 0.0  # that line's extent (of its first glyph)
        space = 0
        lowest = float("-inf")  # bottom of the lowest line so far
        for k, ch in enumerate(text):
            if ch in special:
                if ch in _SKIP:
                    space = k + 1
                elif cur:  # a combining mark: on the glyph before it
                    g = cur[-1]
                    cur[-1] = (g[0], g[1], g[2], g[3], g[4] + ch, g[5], g[6])
                continue
            box(page_ref, k, rect_ref)
            x0, top, x1, bottom = corners
            if turned:  # a page turned a quarter (0 on every other page: one test of a local per glyph)
                if turned == up:  # the line runs up the page: along it is up, down the text is right
                    x0, top, x1, bottom = bottom, top_y - x0, top, top_y - x1
                else:  # the line runs down the page: along it is down, down the text is left
                    x0, top, x1, bottom = top_y - top, top_y - width + x1, top_y - bottom, top_y - width + x0
            t = top_y - top
            b = top_y - bottom
            if x1 <= x0 or b <= t:
                x0, x1, t, b = self._tight_box(text_page, k, top_y)
            glyph = (x0, x1, t, b, ch, k, space)
            space = 0
            # Punctuation sits low (",") or high ("'") on the line, and some PDFs (LibreOffice
            # exports) give tight boxes: any overlap with a line joins it (others: half the lower box).
            if cur is not None:
                ov = (cur_b if cur_b < b else b) - (cur_t if cur_t > t else t)  # noqa: FURB136 (no call)
                if ov > 0.5 * (cur_h if cur_h < b - t else b - t) or (ov > 0.0 and ch in marks):  # noqa: FURB136
                    cur.append(glyph)
                    continue
            found: list[Any] | None = None
            if t < lowest:  # not below every line so far: it may belong to one of them
                need = 0.0 if ch in marks else 0.5
                for cand in reversed(lines):
                    ov = min(cand[1], b) - max(cand[0], t)
                    if ov > need * min(b - t, cand[1] - cand[0]):
                        found = cand
                        break
            if found is None:
                found = [t, b, []]
                lines.append(found)
                lowest = max(lowest, b)
            cur, cur_t, cur_b = found[2], found[0], found[1]
            cur_h = cur_b - cur_t
            cur.append(glyph)
        return [ln[2] for ln in lines]

    def _tight_box(self, text_page: int, k: int, top_y: float) -> tuple[float, float, float, float]:
        left, right, bottom, top = (_D() for _ in range(4))
        FPDFText_GetCharBox(text_page, k, *(ctypes.byref(v) for v in (left, right, bottom, top)))
        if self.turned:  # as in _glyph_lines
            self._turn_box(left, right, bottom, top, top_y)
        x0, x1 = left.value, max(right.value, left.value + 0.1)
        t, b = top_y - top.value, top_y - bottom.value
        if b - t < 1.0:
            t, b = b - 8.0, b + 2.0
        return x0, x1, t, b

    def _turn_box(self, left: Any, right: Any, bottom: Any, top: Any, top_y: float) -> None:
        """A glyph box (pdfium's doubles) of a turned page in its reading orientation, as in ``_glyph_lines``."""
        x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
        if self.turned == TURNED_UP:
            left.value, right.value, bottom.value, top.value = y0, y1, top_y - x1, top_y - x0
        else:  # along the line is measured from the page's top (top_y = 0 when only x is wanted)
            along = self.top_y
            left.value, right.value = along - y1, along - y0
            bottom.value, top.value = top_y - self.width + x0, top_y - self.width + x1

    def _font(self, text_page: int, index: int) -> tuple[bool, str]:
        """(bold, font name) of the glyph at ``index``: name, weight, ForceBold, or fill+stroke rendering."""
        obj = FPDFText_GetTextObject(text_page, index)
        if not obj:
            return False, ""
        font = FPDFTextObj_GetFont(obj)
        stroked = FPDFTextObj_GetTextRenderMode(obj) == _RENDER_FILL_STROKE
        if not font:
            return stroked, ""
        cached = self.fonts.get(font)
        if cached is None:
            buf = ctypes.create_string_buffer(256)
            FPDFFont_GetBaseFontName(font, buf, 256)
            fname = buf.value.decode("latin-1", "replace").split("+", 1)[-1]
            low = fname.lower()
            bold = (
                any(word in low for word in _BOLD_NAMES)
                or FPDFFont_GetWeight(font) >= 700
                or bool(FPDFFont_GetFlags(font) & _FORCE_BOLD)
            )
            cached = self.fonts[font] = (bold, fname)
        return cached[0] or stroked, cached[1]

    def _line(self, text_page: int, glyphs: list[Glyph], page: int) -> Line:
        """Sort a line's glyphs by x, space them from the gaps and split it at column gaps."""
        glyphs.sort(key=_X0)
        x0s, x1s, tops, bottoms = list(zip(*glyphs))[:4]
        heights = sorted(map(sub, bottoms, tops))
        size = max(heights[len(heights) // 2], 1.0)
        usual = 0.0  # letter spacing (tracking), read off lines long enough to show it
        if len(glyphs) >= 12:
            gaps = sorted(map(sub, x0s[1:], x1s))
            usual = min(max(gaps[len(gaps) // 2], 0.0), 0.2 * size)
            if usual > 0:
                self.tracking[round(size)] = usual
        elif len(glyphs) >= 2 and (known := self.tracking.get(round(size), 0.0)) > 0:
            # a short line of a letter-spaced body ("0,5/2 điểm." wrapped alone): every gap as wide as the tracking
            usual = known if min(map(sub, x0s[1:], x1s)) >= 0.7 * known else 0.0
        space_gap = usual + SPACE_GAP * size
        hinted_gap = 0.05 * size  # the text stream has a space here: any real gap will do
        dup_gap = 0.15 * size
        segment_gap = SEGMENT_GAP * size
        segments: list[Segment] = []
        prev = glyphs[0]
        seg_x0 = prev_x0 = prev[0]
        seg_x1, prev_x1, prev_ch, prev_k = prev[1], prev[1], prev[4], prev[5]
        seg_k = prev_k
        parts = [prev_ch]
        for g in islice(glyphs, 1, None):
            gx0, gx1, _, _, ch, k, space = g
            if ch == prev_ch and abs(gx0 - prev_x0) < dup_gap:
                continue  # overprinted (fake bold, shadow)
            gap = gx0 - prev_x1
            if gap > segment_gap:
                segments.append(Segment("".join(parts), seg_x0, seg_x1, seg_k))
                parts = [ch]
                seg_x0, seg_k = gx0, k
            else:
                if gap > space_gap or (
                    space
                    and (
                        gap > hinted_gap
                        if 0 < k - prev_k <= 4
                        else self._space_after(text_page, prev, g, hinted_gap)
                    )
                ):
                    parts.append(" ")
                parts.append(ch)
            if gx1 > seg_x1:  # noqa: PLR1730 (a comparison is cheaper than a call, once per glyph)
                seg_x1 = gx1
            prev, prev_x0, prev_x1, prev_ch, prev_k = g, gx0, gx1, ch, k
        segments.append(Segment("".join(parts), seg_x0, seg_x1, seg_k))
        if len(segments) >= 2:
            for seg in segments:
                seg.bold = self._font(text_page, seg.first)[0]
        samples = {glyphs[0][5], glyphs[len(glyphs) // 2][5], glyphs[-1][5]}
        fonts = [self._font(text_page, k) for k in samples]
        bold = sum(1 for f in fonts if f[0]) * 2 > len(fonts)
        font_name = fonts[0][1] if fonts else ""
        for seg in segments:
            raw = seg.text.translate(_LIGATURES) if _LIGATURE_RE.search(seg.text) else seg.text
            self._decode(seg, raw, font_name)
        segments = [s for s in segments if s.text]
        while len(segments) >= 2 and _LABEL_RE.match(segments[0].text):
            first, second = segments[0], segments[1]
            segments[:2] = [
                Segment(f"{first.text} {second.text}", first.x0, second.x1, first.first, first.bold)
            ]
        top = min(tops)
        bottom = max(bottoms)
        text = " ".join(s.text for s in segments)
        if len(segments) == 1 and text[1:2] == " " and text[3:4] == " ":  # "B Á O …": maybe letter-spaced
            text = segments[0].text = _word_gaps_doubled(glyphs, text, font_name)
        x0 = segments[0].x0 if segments else glyphs[0][0]
        x1 = segments[-1].x1 if segments else seg_x1
        return Line(page, top, bottom, x0, x1, size, text, segments, bold)

    def _decode(self, seg: Segment, raw: str, font_name: str) -> None:
        decoded, encoding = decode_run_as(raw, font_name)
        if encoding is not None:
            self.legacy[encoding] = self.legacy.get(encoding, 0) + 1
        elif undecided_legacy(raw):
            seg.raw = raw
        seg.text = " ".join(nfc(decoded).split())

    def _space_after(self, text_page: int, prev: Glyph, glyph: Glyph, margin: float) -> bool:
        """Whether the space the stream has before ``glyph`` lies right of ``prev``, a glyph drawn out of
        stream order (a fallback-font letter whose box overhangs the space: "SỰ" / "HÀI"). A space that
        pdfium made up for the fallback letter's empty slot sits at the glyph itself ("th" "ự" "c")."""
        space_x = self._tight_box(text_page, glyph[6] - 1, 0.0)[0]
        return (prev[0] + prev[1]) / 2 < space_x < glyph[0] - margin

    # -- tables ------------------------------------------------------------------------------------
    def _tables(
        self, index: int, glyph_lines: list[list[Glyph]], edges: list[dict[str, Any]] | None
    ) -> list[TableRegion]:
        """Ruled tables found by pdfplumber's table finder; their glyphs are taken out of ``glyph_lines``.

        Plain rules come from pdfium and go straight into pdfplumber's edge/intersection/cell
        machinery; pages with drawn grids or curves are parsed by pdfplumber itself.
        """
        try:
            if edges is not None:
                found = _tables_from_edges(edges)
            else:
                found = self._plumber_tables(index)
            cells_rows = [[(row.bbox, list(row.cells)) for row in table.rows] for table in found]
            boxes = [tuple(table.bbox) for table in found]
        except Exception as exc:  # noqa: BLE001 - a failed table search must not lose the page's text
            self.warnings.append(f"page {index + 1}: table search failed ({type(exc).__name__})")
            return []
        regions: list[TableRegion] = []
        for bbox, rows in zip(boxes, cells_rows):
            ncols = max((len(cells) for _, cells in rows), default=0)
            if len(rows) < 2 or ncols < 2:
                continue
            regions.append(self._fill_table(index + 1, bbox, rows, glyph_lines))
        return [r for r in regions if any(any(cell for cell in row) for row in r.rows)]

    def _plumber_tables(self, index: int) -> list[Any]:
        if self.plumber is None:
            import pdfplumber

            self.plumber = pdfplumber.open(self.path)
        page = self.plumber.pages[index]
        try:
            return list(page.find_tables())
        finally:
            page.close()

    def _fill_table(
        self,
        page: int,
        bbox: tuple[float, ...],
        rows: list[tuple[Any, list[Any]]],
        glyph_lines: list[list[Glyph]],
    ) -> TableRegion:
        x0, top, x1, bottom = bbox
        locate = _cell_locator(rows)
        cell_glyphs: dict[tuple[int, int], list[Glyph]] = {}
        for line in glyph_lines:
            keep: list[Glyph] = []
            for g in line:
                cx, cy = (g[0] + g[1]) / 2, (g[2] + g[3]) / 2
                if not (x0 <= cx <= x1 and top <= cy <= bottom):
                    keep.append(g)
                    continue
                hit = locate(cx, cy)
                if hit is not None:
                    cell_glyphs.setdefault(hit, []).append(g)
            line[:] = keep
        glyph_lines[:] = [ln for ln in glyph_lines if ln]
        region = TableRegion(page, tuple(round(v, 2) for v in bbox), [], [])  # type: ignore[arg-type]
        for r, (row_bbox, cells) in enumerate(rows):
            region.rows.append([self._cell(region, r, c, cell_glyphs.get((r, c), [])) for c in range(len(cells))])
            region.row_boxes.append(tuple(round(v, 2) for v in row_bbox))  # type: ignore[arg-type]
        return region

    def _cell(self, region: TableRegion, row: int, column: int, glyphs: list[Glyph]) -> str:
        """A cell's text, decoded as a line is (legacy text by its words: a cell has no font looked at)."""
        raw = _cell_text(glyphs)
        if raw.isascii():
            return " ".join(nfc(raw).split())
        decoded, encoding = decode_run_as(raw)
        if encoding is not None:
            self.legacy[encoding] = self.legacy.get(encoding, 0) + 1
        elif undecided_legacy(raw):
            region.undecided.append((row, column, raw))
        return " ".join(nfc(decoded).split())


def _cell_locator(rows: list[tuple[Any, list[Any]]]) -> Callable[[float, float], tuple[int, int] | None]:
    """A function giving the (row, column) of the first cell, in table order, that holds a point.

    It looks only at rows whose vertical span can hold the point: those from the first whose
    bottom (or an earlier row's) reaches it, until every later row starts below it.
    """
    boxes = [box for box, _ in rows]
    reach = list(accumulate((box[3] for box in boxes), max))  # lowest bottom of the rows up to each
    floor = list(accumulate((box[1] for box in reversed(boxes)), min))[::-1]  # highest top from each on

    def locate(cx: float, cy: float) -> tuple[int, int] | None:
        for r in range(bisect_left(reach, cy), len(rows)):
            if floor[r] > cy:
                return None
            box, cells = rows[r]
            if not (box[1] <= cy <= box[3] and box[0] <= cx <= box[2]):
                continue  # a row's box holds all its cells
            for c, cell in enumerate(cells):
                if cell and cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]:
                    return r, c
        return None

    return locate


def _edge(orientation: str, start: float, end: float, at: float) -> dict[str, Any]:
    """A pdfplumber edge (top-left coordinates) from a rule: ("h", x0, x1, y) or ("v", top, bottom, x)."""
    if orientation == "h":
        return {
            "orientation": "h",
            "x0": start,
            "x1": end,
            "top": at,
            "bottom": at,
            "width": end - start,
            "height": 0,
        }
    return {
        "orientation": "v",
        "x0": at,
        "x1": at,
        "top": start,
        "bottom": end,
        "width": 0,
        "height": end - start,
    }


TURNED_UP, TURNED_DOWN = 1, 2  # a page's text running bottom to top, top to bottom


def _text_hidden(page: int, cover: int) -> bool:
    """True when the page's text is a "searchable" scan's OCR layer: (nearly) all its text objects are drawn
    invisible (render mode 3 or 7) or before the image at index ``cover`` that covers the page. Text inside form
    XObjects counts too (OCRmyPDF grafts its layer as a form). Called only on a page such an image covers, so a
    digital PDF (no page-sized image) pays nothing."""
    hidden = shown = 0
    stack: list[tuple[int, int, bool]] = [(page, FPDFPage_CountObjects(page), False)]
    while stack:
        holder, n, is_form = stack.pop()
        for i in range(n):
            obj = FPDFFormObj_GetObject(holder, i) if is_form else FPDFPage_GetObject(holder, i)
            kind = FPDFPageObj_GetType(obj)
            if kind == _PAGEOBJ_FORM:
                stack.append((obj, FPDFFormObj_CountObjects(obj), True))
            elif kind == _PAGEOBJ_TEXT:
                invisible = FPDFTextObj_GetTextRenderMode(obj) in _RENDER_INVISIBLE
                if invisible or (not is_form and i < cover):
                    hidden += 1
                else:
                    shown += 1
    return hidden > 0 and hidden >= HIDDEN_SHARE * (hidden + shown)


def _turned_page(text_page: int) -> int:
    """TURNED_UP when most of a page's text runs bottom to top (pdfium's angle 3π/2), TURNED_DOWN when it runs top
    to bottom (π/2), else 0: a wide table turned a quarter to fit a portrait page. Nine characters spread over the
    page decide; a margin label turned alone does not."""
    n = FPDFText_CountChars(text_page)
    if n < 20:
        return 0
    angles = [FPDFText_GetCharAngle(text_page, k) for k in range(n // 18, n, max(1, n // 9))]
    for turn, angle in ((TURNED_UP, 1.5 * math.pi), (TURNED_DOWN, 0.5 * math.pi)):
        if sum(1 for a in angles if abs(a - angle) < 0.05) * 2 > len(angles):
            return turn
    return 0


def _turned_edge(edge: dict[str, Any], top_y: float, width: float, turned: int) -> dict[str, Any]:
    """A rule of a turned page in the page's reading orientation (as the glyphs in ``_glyph_lines``)."""
    if turned == TURNED_UP:
        if edge["orientation"] == "h":
            return _edge("v", edge["x0"], edge["x1"], top_y - edge["top"])
        return _edge("h", top_y - edge["bottom"], top_y - edge["top"], edge["x0"])
    if edge["orientation"] == "h":
        return _edge("v", width - edge["x1"], width - edge["x0"], edge["top"])
    return _edge("h", edge["top"], edge["bottom"], width - edge["x0"])


def _tables_from_edges(edges: list[dict[str, Any]]) -> list[Any]:
    """pdfplumber's default "lines" table finding, over edges read by pdfium (no pdfminer parse)."""
    from pdfplumber import table as plumber_table
    from pdfplumber.utils import filter_edges

    s = plumber_table.TableSettings.resolve(None)
    edges = [e for e in edges if e["width"] + e["height"] >= s.edge_min_length_prefilter]
    edges = plumber_table.merge_edges(
        edges, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance
    )
    edges = filter_edges(edges, min_length=s.edge_min_length)
    points = plumber_table.edges_to_intersections(
        edges, s.intersection_x_tolerance, s.intersection_y_tolerance
    )
    cells = _intersection_cells(points)
    return [plumber_table.Table(None, group) for group in plumber_table.cells_to_tables(cells)]  # type: ignore[arg-type]


Point = tuple[float, float]


def _intersection_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``: the same cells in the same order, without its cost.

    Each point's edges become a set once (pdfplumber rebuilt both sets for every pair of points it
    compared), and the points below and right of a point are looked up by column and row.
    """
    v_edges = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in es["v"]} for p, es in intersections.items()}
    h_edges = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in es["h"]} for p, es in intersections.items()}

    def connects(p1: Point, p2: Point) -> bool:
        return (p1[0] == p2[0] and not v_edges[p1].isdisjoint(v_edges[p2])) or (
            p1[1] == p2[1] and not h_edges[p1].isdisjoint(h_edges[p2])
        )

    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    place: dict[Point, int] = {}  # a point's place in its row
    for point in sorted(intersections):  # by x, then y: a column's points top-down, a row's left-right
        columns.setdefault(point[0], []).append(point)
        row = rows.setdefault(point[1], [])
        place[point] = len(row)
        row.append(point)
    cells: list[BBox] = []
    for column in columns.values():
        for i, pt in enumerate(column):
            cell = next(
                (
                    (pt[0], pt[1], right_pt[0], below_pt[1])
                    for below_pt in column[i + 1 :]
                    if connects(pt, below_pt)
                    for right_pt in rows[pt[1]][place[pt] + 1 :]
                    if connects(pt, right_pt)
                    and (right_pt[0], below_pt[1]) in intersections
                    and connects((right_pt[0], below_pt[1]), right_pt)
                    and connects((right_pt[0], below_pt[1]), below_pt)
                ),
                None,
            )
            if cell is not None:
                cells.append(cell)
    return cells


def _cell_text(glyphs: list[Glyph]) -> str:
    """Text of one table cell as the layer has it: its glyphs grouped into lines, each sorted by x, lines joined
    by spaces."""
    if not glyphs:
        return ""
    lines: list[list[Glyph]] = []
    line: list[Glyph] | None = None
    for g in sorted(glyphs, key=_mid_y_x0):
        if line is not None:  # the line's first glyph and this one overlap by half the lower height
            g_top, g_bottom, top, bottom = g[2], g[3], line[0][2], line[0][3]
            height, line_height = g_bottom - g_top, bottom - top
            overlap = (g_bottom if g_bottom < bottom else bottom) - (g_top if g_top > top else top)  # noqa: FURB136
            if overlap > 0.5 * (height if height < line_height else line_height):  # noqa: FURB136 (no call)
                line.append(g)
                continue
        line = [g]
        lines.append(line)
    return " ".join(map(_cell_line, lines)).translate(_LIGATURES)


def _mid_y_x0(g: Glyph) -> tuple[float, float]:
    return (g[2] + g[3]) / 2, g[0]


def _cell_line(line: list[Glyph]) -> str:
    """One line of a cell, spaced from its gaps (a duplicate glyph drawn over itself counted once)."""
    if len(line) == 1:
        return line[0][4]
    line.sort(key=_X0)
    size = max(sorted([g[3] - g[2] for g in line])[len(line) // 2], 1.0)
    dup_gap, space_gap, hinted_gap = 0.15 * size, SPACE_GAP * size, 0.05 * size
    parts = [line[0][4]]
    for a, b in pairwise(line):
        if b[4] == a[4] and abs(b[0] - a[0]) < dup_gap:
            continue
        gap = b[0] - a[1]
        if gap > space_gap or (b[6] and 0 < b[5] - a[5] <= 4 and gap > hinted_gap):
            parts.append(" ")
        parts.append(b[4])
    return "".join(parts)


# -- whole document: furniture, reading order, blocks -----------------------------------------------
def _decode_left_over(pages: list[PageContent], converted: dict[str, int]) -> None:
    """Lines and cells too short to show their legacy encoding on their own ("Sè: 03/BC-UBND", "Ph¹m V¨n
    Kiªu": TCVN3 and VISCII both read them) converted with the encoding most of the document's converted
    lines and cells are in, where their words read in it (:func:`legacy_fonts.fits_encoding`). Nothing
    happens in a document none of whose text was legacy."""
    if not converted:
        return
    encoding = max(converted, key=converted.__getitem__)
    for page in pages:
        for line in page.lines:
            if any(seg.raw is not None for seg in line.segments):
                for seg in line.segments:
                    if seg.raw is not None:
                        seg.text = " ".join(nfc(decode_run(seg.raw, None, encoding)).split())
                line.text = " ".join(seg.text for seg in line.segments)
        for table in page.tables:
            for row, column, raw in table.undecided:
                table.rows[row][column] = " ".join(nfc(decode_run(raw, None, encoding)).split())


def _assemble(
    path: Path, name: str, pages: list[PageContent], settings: Settings, warnings: list[str]
) -> Document:
    scanned = [p.number for p in pages if p.letters < 5 and p.images > 0]
    searchable = [p for p in pages if p.hidden_text and p.letters >= 5]
    ocr_blocks: dict[int, list[Block]] = {}
    if (scanned or searchable) and settings.ocr:
        ocr_blocks = _run_ocr(path, scanned, [p.number for p in searchable], settings, warnings)
    _judge_hidden_layers(searchable, ocr_blocks, warnings)
    if not any(p.letters for p in pages) and not any(ocr_blocks.values()):
        if any(p.images for p in pages):
            raise EmptyFileError(
                name, OCR_HINT if settings.ocr else f"{OCR_HINT}; OCR is turned off (settings.ocr)"
            )
        raise EmptyFileError(name, "no text on any page")
    for number in scanned:
        if number not in ocr_blocks:
            warnings.append(f"page {number}: no text layer (scanned?) and no OCR; page skipped")
    _drop_furniture(pages, warnings)
    for page in pages:
        _number_lines(page)
    blocks = _build_blocks(pages, ocr_blocks)
    return Document(
        blocks=blocks, format="pdf", pages=len(pages), ocr_pages=sorted(ocr_blocks), warnings=warnings
    )


def _run_ocr(
    path: Path, scanned: list[int], searchable: list[int], settings: Settings, warnings: list[str]
) -> dict[int, list[Block]]:
    """OCR of the pages without a text layer and of the searchable scans' pages. Without tesseract a scan
    without a text layer fails as before; searchable pages alone keep their layer (the caller warns)."""
    try:
        from cchc.extractors.readers import ocr
    except ImportError:
        return {}
    numbers = sorted(scanned + searchable)
    try:
        results = ocr.ocr_pages(path, numbers, settings, warnings)
    except ocr.OcrUnavailableError:
        if scanned:
            raise
        return {}
    return dict(zip(numbers, results))


def _judge_hidden_layers(
    searchable: list[PageContent], ocr_blocks: dict[int, list[Block]], warnings: list[str]
) -> None:
    """Say what became of each searchable scan's invisible OCR layer; an OCR'd page's layer is emptied.

    Our OCR replaces the layer even when the layer reads as Vietnamese: measured on round 19's searchable scans,
    the one layer made in Vietnamese (88-91% Vietnamese words) read as it is left 34 fields wrong and gave two false
    alarms (no criterion score: a ruled table's cells come out of the layer as one run of numbers, "IH." for "III."),
    read by our OCR none of either (its ruled tables read cell by cell, its numbers repaired). So the layer is kept
    only when OCR cannot run, and the warning says whether it reads as Vietnamese."""
    for page in searchable:
        share = vietnamese_share(" ".join(ln.text for ln in page.lines))
        judged = f"{share:.0%} of its words read as Vietnamese"
        if page.number in ocr_blocks:
            page.lines, page.tables = [], []
            warnings.append(f"page {page.number}: a searchable scan (invisible text over a page image, {judged}): "
                            "read by OCR instead of its text layer")
        elif share >= VIETNAMESE_LAYER:
            warnings.append(f"page {page.number}: a searchable scan read from its invisible text layer ({judged}; "
                            "no OCR)")
        else:
            warnings.append(f"page {page.number}: a searchable scan whose invisible text layer does not read as "
                            f"Vietnamese ({judged}) was read as it is (no OCR): values may be misread")


# the header lines an official document opens with: the issuer in capitals, the national motto
_DOCUMENT_HEAD_RE = re.compile(r"^\s*(?:[ỦU][YỶ]\s+BAN\s+NHÂN\s+DÂN|UBND|CỘNG\s+HÒA|XÃ|PHƯỜNG|THỊ\s+TRẤN)(?:\s|$)")


def _opens_a_document(text: str) -> bool:
    """Whether a line opens with a document's own header in capitals (``_DOCUMENT_HEAD_RE``; its first two words
    in capitals, the other column's words may follow), not a page's furniture ("UBND xã Sơn Thủy – Báo cáo …")."""
    return _DOCUMENT_HEAD_RE.match(text) is not None and all(word.isupper() for word in text.split()[:2])


def _drop_furniture(pages: list[PageContent], warnings: list[str]) -> None:
    """Drop page numbers and running headers/footers (same text, digits masked, same place, >= half the pages)."""
    candidates: list[tuple[PageContent, Line, str]] = []
    for page in pages:
        ordered = sorted(page.lines, key=lambda ln: ln.top)
        band = MARGIN_BAND * page.height
        edge = ordered[:2] + ordered[-2:] if len(ordered) > 4 else ordered
        for line in edge:
            if line.top < band:
                candidates.append((page, line, "header"))
            elif line.bottom > page.height - band:
                candidates.append((page, line, "footer"))
    dropped: set[int] = set()
    for page, line, _zone in candidates:
        if PAGE_NUMBER_RE.match(line.text):
            dropped.add(id(line))
            warnings.append(f"page {page.number}: dropped page number {line.text!r}")
    if len(pages) >= 2:
        need = max(2, math.ceil(len(pages) / 2))
        groups: dict[tuple[str, str], list[tuple[PageContent, Line]]] = {}
        for page, line, zone in candidates:
            if id(line) not in dropped:
                groups.setdefault((zone, _DIGITS_RE.sub("#", line.text)), []).append((page, line))
        for (zone, key), members in groups.items():
            if zone == "header" and _opens_a_document(key):
                continue  # "ỦY BAN NHÂN DÂN", "XÃ DƯƠNG HƯU" opens a document each time (a letter, then its report)
            if key[:1].islower():
                continue  # "chất lượng và thời gian.": a sentence's end, carried over the page at the same place
            for page, line in members:
                same_place = {p.number for p, other in members if abs(other.top - line.top) <= 4.0}
                if len(same_place) >= need:
                    dropped.add(id(line))
            texts = {line.text for _, line in members if id(line) in dropped}
            if texts:
                shown = min(texts)
                warnings.append(f"dropped running {zone} {shown!r} on {len(members)} pages")
    if dropped:
        for page in pages:
            page.lines = [ln for ln in page.lines if id(ln) not in dropped]


def _number_lines(page: PageContent) -> None:
    """Number the page's visual lines (text lines and table rows) top to bottom, from 1."""
    marks: list[tuple[float, int, Any, int]] = [(ln.top, 0, ln, 0) for ln in page.lines]
    for table in page.tables:
        marks.extend((box[1], 1, table, i) for i, box in enumerate(table.row_boxes))
    marks.sort(key=lambda m: (m[0], m[1]))
    for table in page.tables:
        table.row_numbers = [0] * len(table.rows)
    for number, (_, kind, item, i) in enumerate(marks, start=1):
        if kind == 0:
            item.number = number
        else:
            item.row_numbers[i] = number


def _split_at(line: Line, lo: float, hi: float) -> int | None:
    """Index of the first segment right of a column gap overlapping ``[lo, hi]``; 0 if the line lies
    wholly right of ``lo``, len(segments) if wholly left of ``hi``, None if it crosses."""
    segs = line.segments
    if line.x1 < hi:
        return len(segs)
    if line.x0 > lo:
        return 0
    for k in range(1, len(segs)):
        if segs[k - 1].x1 < hi and segs[k].x0 > lo:
            return k
    return None


def _column_run(
    items: list[Line | TableRegion], i: int, taken: set[int]
) -> tuple[int, int, dict[int, int]] | None:
    """The run of two-column lines around strong line ``i``: (first, end, split index per line)."""
    line = items[i]
    assert isinstance(line, Line)
    strong = [
        k
        for k in range(1, len(line.segments))
        if line.segments[k].x0 - line.segments[k - 1].x1 > COLUMN_GAP * line.size
    ]
    if len(strong) != 1:
        return None
    k = strong[0]
    lo, hi = line.segments[k - 1].x1, line.segments[k].x0
    splits = {i: k}

    def fits(j: int, near: Line) -> bool:
        nonlocal lo, hi
        cand = items[j]
        if j in taken or not isinstance(cand, Line):
            return False
        if max(cand.top - near.bottom, near.top - cand.bottom) > 1.6 * max(cand.size, near.size):
            return False
        at = _split_at(cand, lo, hi)
        if at is None:
            return False
        if at > 0:
            lo = max(lo, cand.segments[at - 1].x1)
        if at < len(cand.segments):
            hi = min(hi, cand.segments[at].x0)
        if lo >= hi:
            return False
        splits[j] = at
        return True

    first = i
    while first - 1 >= 0 and fits(first - 1, items[first]):  # type: ignore[arg-type]
        first -= 1
    if first > 0:  # lines above join only if the run then starts the page (a header block)
        for j in range(first, i):
            del splits[j]
        first = i
        lo, hi = line.segments[k - 1].x1, line.segments[k].x0
    end = i + 1
    while end < len(items) and fits(end, items[end - 1]):  # type: ignore[arg-type]
        end += 1
    return first, end, splits


def _reading_order(page: PageContent) -> list[Line | TableRegion | None]:
    """Items of a page top to bottom; a run of two-column lines yields its left column, then its right.

    A run starts at a line with one column-wide gap (> COLUMN_GAP x font size) and takes the
    lines just above and below that sit wholly on either side of the gap (or split at a narrower
    gap in the same place). ``None`` marks a forced block boundary around each column.
    """
    items = page.items()
    runs: dict[int, tuple[int, dict[int, int]]] = {}
    taken: set[int] = set()
    for i, item in enumerate(items):
        if i in taken or not isinstance(item, Line) or len(item.segments) < 2:
            continue
        found = _column_run(items, i, taken)
        if found is None:
            continue
        first, end, splits = found
        runs[first] = (end, splits)
        taken.update(range(first, end))
    out: list[Line | TableRegion | None] = []
    i = 0
    while i < len(items):
        if i not in runs:
            out.append(items[i])
            i += 1
            continue
        end, splits = runs[i]
        left: list[Line] = []
        right: list[Line] = []
        for j in range(i, end):
            line = items[j]
            assert isinstance(line, Line)
            at = splits[j]
            for side, segs in ((left, line.segments[:at]), (right, line.segments[at:])):
                if segs:
                    text = " ".join(s.text for s in segs)
                    side.append(
                        Line(
                            line.page,
                            line.top,
                            line.bottom,
                            segs[0].x0,
                            segs[-1].x1,
                            line.size,
                            text,
                            list(segs),
                            segs[0].bold if at not in (0, len(line.segments)) else line.bold,
                            line.number,
                        )
                    )
        out.append(None)
        out.extend(_with_column_edges(left))
        out.append(None)
        out.extend(_with_column_edges(right))
        out.append(None)
        i = end
    return out


def _with_column_edges(lines: list[Line]) -> list[Line]:
    """Give a column's lines its own usual left and right text edges, as ``_layout`` finds the page's:
    a line wrapped at the gutter is full, not short. A column of a few lines (a header's two sides)
    keeps the document's edges."""
    if len(lines) >= COLUMN_MIN_LINES:
        lefts = sorted(ln.x0 for ln in lines)
        rights = sorted(ln.x1 for ln in lines)
        edges = (lefts[int(len(lefts) * 0.2)], rights[int(len(rights) * 0.8)])
        for line in lines:
            line.edges = edges
    return lines


def _continues(prev: Line, line: Line, first: Line, layout: tuple[float, float, float]) -> bool:
    """Whether ``line`` continues the block whose last line is ``prev`` (and first line ``first``).

    ``layout`` is the document's usual (line pitch / font size, left text edge, right text edge).
    The shared text heuristics decide, except where the geometry of a wrapped line says otherwise
    (a full previous line, this one back at the margin): "… đạt" / "11.5 điểm, …" goes on.
    """
    pitch, left, right = layout
    if line.edges is not None and line.edges == prev.edges:
        left, right = line.edges
    size = max(prev.size, line.size)
    same_style = line.bold == prev.bold and abs(line.size - prev.size) <= 0.15 * size
    near = line.page != prev.page or line.top - prev.top <= PARA_PITCH * pitch * size
    wrapped = same_style and near and prev.x1 >= right - 1.0 * size and line.x0 <= left + 0.7 * size
    if same_style and near and _centred_continuation(prev, line, left):
        return True
    prev_caps = is_all_caps(prev.text)
    if same_style and near and prev_caps and _caps_tail(line.text):
        return True  # the last word of a wrapped all-caps heading ("… THỜI GIAN" / "TỚI")
    if line.text[0].islower() and not prev_caps and not _letter_item(line.text, prev.text):
        return True  # a sentence going on
    dash = is_bullet(line.text) or line.text[0] in "–—"
    if wrapped and not dash and not SENTENCE_END_RE.search(prev.text) and numbering(line.text) is None:
        return True  # (a numbered heading after a full-width line still starts its own block)
    if starts_block(line.text, prev.text.rstrip(_SENTENCE_END)):
        return False
    if starts_block(line.text, prev.text):  # only the "sentence end, then a capital" rule fired
        return wrapped and not dash
    if not near or not same_style:
        return False
    labelled = prev is first and (numbering(first.text) is not None or is_bullet(first.text))
    if line.x0 - prev.x0 > 0.7 * size and not labelled:
        return False  # an indented first line
    if labelled and first.x0 > left + 0.7 * size and abs(line.x0 - first.x0) <= 0.7 * size:
        return False  # after an indented item whose next line would return to the margin, another indent
    # a previous line that stopped well short of the margin ended its paragraph
    return prev.x1 >= right - 6.0 * size


def _letter_item(text: str, prev_text: str) -> bool:
    """"b) Các chỉ số …" after a finished sentence or with a capital: a labelled item, not a wrapped line
    ("… theo điểm" / "a) khoản 2 …" goes on)."""
    if not LETTER_ITEM_RE.match(text):
        return False
    rest = text[2:].lstrip()
    return rest[:1].isupper() or SENTENCE_END_RE.search(prev_text) is not None


def _centred_continuation(prev: Line, line: Line, left: float) -> bool:
    """A centred line (a header cell, a title) wrapped in mid-sentence: the rest, centred on the same
    axis and narrower, starts with a digit or a lower-case word ("… tháng 4 năm" / "2023")."""
    text = line.text
    if not (text[0].isdigit() or text[0].islower()) or SENTENCE_END_RE.search(prev.text):
        return False
    if numbering(text) is not None or PAGE_NUMBER_RE.match(text):
        return False
    size = max(prev.size, line.size)
    same_axis = abs((prev.x0 + prev.x1) - (line.x0 + line.x1)) <= 1.0 * size
    return same_axis and line.x0 > left + 0.7 * size and line.x1 - line.x0 < prev.x1 - prev.x0


def _caps_tail(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) < 4 and all(ch.isupper() for ch in letters)


def _layout(pages: list[PageContent]) -> tuple[float, float, float]:
    """(usual line pitch / font size, usual left edge, usual right edge) of the document's lines."""
    ratios: list[float] = []
    lefts: list[float] = []
    rights: list[float] = []
    for page in pages:
        ordered = sorted(page.lines, key=lambda ln: ln.top)
        rights.extend(ln.x1 for ln in ordered)
        lefts.extend(ln.x0 for ln in ordered)
        for a, b in pairwise(ordered):
            if abs(a.size - b.size) < 0.1 * a.size:
                r = (b.bottom - a.bottom) / a.size
                if 0.9 <= r <= 3.0:
                    ratios.append(r)
    ratios.sort()
    rights.sort()
    lefts.sort()
    pitch = ratios[len(ratios) // 2] if ratios else 1.3
    right = rights[int(len(rights) * 0.8)] if rights else 0.0
    left = lefts[int(len(lefts) * 0.2)] if lefts else 0.0
    return pitch, left, right


def _build_blocks(pages: list[PageContent], ocr_blocks: dict[int, list[Block]]) -> list[Block]:
    layout = _layout(pages)
    blocks: list[Block] = []
    current: list[Line] = []
    tail: tuple[Block, TableRegion] | None = None  # the table that ended the previous page
    column_break = False  # a column (or a page's first column) starts: only a sentence going on joins

    def flush() -> None:
        if current:
            blocks.append(_text_block(current))
            current.clear()

    for page in pages:
        if page.number in ocr_blocks:
            flush()
            blocks.extend(ocr_blocks[page.number])
            tail = None
            continue
        order = _reading_order(page)
        content = [it for it in order if it is not None]
        pending, tail = tail, None
        for item in order:
            if item is None:
                column_break = bool(current)
            elif isinstance(item, TableRegion):
                column_break = False
                flush()
                if pending and content[0] is item and len(pending[1].rows[0]) == len(item.rows[0]):
                    _extend_table(pending[0], item)
                    block = pending[0]
                else:
                    block = _table_block(item)
                    blocks.append(block)
                if content[-1] is item:
                    tail = (block, item)
            else:
                if column_break:
                    if not goes_on_in_next_column(current[-1].text, item.text):
                        flush()
                    column_break = False
                elif current and not _continues(current[-1], item, current[0], layout):
                    flush()
                current.append(item)
    flush()
    return blocks


def _text_block(lines: list[Line]) -> Block:
    text = ""
    provs: list[tuple[int, Provenance]] = []
    for line in lines:
        if text:
            text = text[:-1] if rejoins_cut_word(text, line.text) else text + " "  # "Xu-" / "ất sắc"
        provs.append((len(text), Provenance(page=line.page, line=line.number, bbox=line.bbox)))
        text += line.text
    first = lines[0]
    same_page = [ln for ln in lines if ln.page == first.page]
    bbox = (
        round(min(ln.x0 for ln in same_page), 2),
        round(min(ln.top for ln in same_page), 2),
        round(max(ln.x1 for ln in same_page), 2),
        round(max(ln.bottom for ln in same_page), 2),
    )
    bold = all(ln.bold for ln in lines)
    kind, level = classify(text)
    if kind is BlockKind.PARAGRAPH and bold and len(text) <= 200:
        kind = BlockKind.HEADING
    return Block(
        kind=kind,
        text=text,
        prov=Provenance(page=first.page, line=first.number, bbox=bbox),
        lines=provs,
        bold=bold,
        level=level,
    )


def _table_block(table: TableRegion) -> Block:
    block = Block(
        kind=BlockKind.TABLE,
        text="",
        prov=Provenance(page=table.page, line=table.row_numbers[0] or None, bbox=table.bbox),
        rows=[],
    )
    _append_rows(block, table, 0)
    return block


def _append_rows(block: Block, table: TableRegion, start: int) -> None:
    assert block.rows is not None
    for i in range(start, len(table.rows)):
        if block.text:
            block.text += "\n"
        block.lines.append(
            (
                len(block.text),
                Provenance(page=table.page, line=table.row_numbers[i] or None, bbox=table.row_boxes[i]),
            )
        )
        block.text += " | ".join(table.rows[i])
        block.rows.append(list(table.rows[i]))


def _extend_table(block: Block, more: TableRegion) -> None:
    """Join a table continued on the next page; a repeated header row is not repeated."""
    assert block.rows is not None
    start = 1 if [c.casefold() for c in more.rows[0]] == [c.casefold() for c in block.rows[0]] else 0
    _append_rows(block, more, start)


__all__ = ["PDFIUM_LOCK", "read_pdf"]


def _word_gaps_doubled(glyphs: list[Glyph], text: str, font_name: str) -> str:
    """A letter-spaced line ("B Á O C Á O", every letter a space apart) joined back into words from the gaps
    between its glyphs (:func:`join_spaced_by_gaps`); ``text`` unchanged when it is not one."""
    drawn = [g for g in glyphs if g[4].strip()]
    gaps = [b[0] - a[1] for a, b in pairwise(drawn)]
    letters = [nfc(decode_run(g[4], font_name)) for g in drawn]
    return join_spaced_by_gaps(letters, gaps) or text
