"""The one document model every reader produces: ordered blocks with provenance.

Readers (text, PDF, DOCX, OCR) turn a file into a :class:`Document`; everything downstream
(parsers, extraction, checker) reads only this model and never imports a PDF or DOCX library.

Coordinates: PDF bboxes are ``(x0, top, x1, bottom)`` in PDF points with the origin at the
top-left of the page (pdfplumber's convention). Pages and lines are 1-based.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

BBox = tuple[float, float, float, float]


class BlockKind(str, Enum):
    """What a block is in the layout of the report."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a block (or a line of it) comes from in the source file.

    ``page``/``line``/``bbox`` for PDF (line is the line number within the page); ``line`` for
    text (line number in the file); ``paragraph`` (body paragraph index) or ``table`` for DOCX.
    """

    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    paragraph: int | None = None
    table: int | None = None


@dataclass(slots=True)
class Block:
    """One ordered unit of the document.

    ``text`` is NFC. For a table, ``rows`` holds the cell texts and ``text`` joins them with
    `` | `` per row and newlines between rows. ``label`` is list numbering that is not part of
    the text itself (Word automatic numbering, rebuilt by the DOCX reader), e.g. ``"1."``;
    ``text`` already starts with it when it was rebuilt, so parsers need not care.
    ``lines`` gives provenance for each source line of the block, in order, with the character
    offset in ``text`` where that line starts.
    """

    kind: BlockKind
    text: str
    prov: Provenance
    lines: list[tuple[int, Provenance]] = field(default_factory=list)
    rows: list[list[str]] | None = None
    label: str | None = None
    style: str | None = None
    bold: bool = False
    level: int | None = None

    def prov_at(self, offset: int) -> Provenance:
        """Provenance of the source line holding character ``offset`` of ``text``."""
        best = self.prov
        for start, prov in self.lines:
            if start <= offset:
                best = prov
            else:
                break
        return best


@dataclass(slots=True)
class Document:
    """A report as ordered blocks, plus what the reader learned about the file."""

    blocks: list[Block]
    format: str  # "pdf" | "docx" | "txt"
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    converted_from: str | None = None  # "doc", "rtf", "odt" when LibreOffice converted the file
    # the page headers' and footers' paragraphs (DOCX), not the body: where a template names its unit
    running_text: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def nfc(text: str) -> str:
    """Unicode NFC, with non-breaking and odd spaces made plain (one grouping thousands, "2 841", the thousands
    dot), zero-width marks dropped and full-width forms as their ASCII ("：" as ":")."""
    if text.isascii():
        return join_spaced_letters(text) if "  " in text else text  # already NFC, no odd space is ASCII
    text = unicodedata.normalize("NFC", text)
    if _ODD_CHARS_RE.search(text):
        text = _GROUPED_DIGITS_RE.sub(_thousands_dot, text).translate(_ODD_CHARS_TABLE)
    return join_spaced_letters(text) if "  " in text else text


def join_spaced_letters(text: str) -> str:
    """Words typed or drawn letter-spaced, one space between letters and two between words ("B Á O  C Á O",
    "I .  K Ế T  Q U Ả"), joined back ("BÁO CÁO", "I. KẾT QUẢ"): only when two or more such words stand side by
    side, so a list "a, b, c" or a lone "x  x" stays as it is."""
    if not _SPACED_PAIR_RE.search(text):
        return text
    parts = _WORD_GAP_RE.split(text)
    if sum(1 for part in parts[::2] if _SPACED_WORD_RE.fullmatch(part)) < 2:
        return text
    return "".join(
        part.replace(" ", "") if k % 2 == 0 and _SPACED_WORD_RE.fullmatch(part) else part
        for k, part in enumerate(parts)
    )


def join_spaced_by_gaps(pieces: list[str], gaps: list[float]) -> str | None:
    """A line drawn letter-spaced ("B Á O C Á O", every letter apart), from its pieces (letters) and the gaps
    between them: the gaps clearly wider than the usual one are word gaps; the words joined back by
    :func:`join_spaced_letters`. None when the gaps do not split in two sizes or no word was joined."""
    if len(gaps) < 3 or len(gaps) != len(pieces) - 1:
        return None
    letter_gap = sorted(gaps)[len(gaps) // 2]
    if letter_gap <= 0:
        return None
    parts = [pieces[0]]
    for gap, piece in zip(gaps, pieces[1:], strict=True):
        parts.append("  " if gap > 1.5 * letter_gap else " ")
        parts.append(piece)
    spaced = "".join(parts)
    joined = join_spaced_letters(spaced)
    return " ".join(joined.split()) if joined != spaced else None


def _thousands_dot(m: re.Match[str]) -> str:
    return _GROUP_SPACE_RE.sub(".", m.group(0))


# A letter-spaced word: single letters (or digits, or a dot after a numeral) one space apart, two of them at least.
_SPACED_WORD_RE = re.compile(r"[^\W_](?: [^\W_.]| \.)+")
_SPACED_PAIR_RE = re.compile(r"(?<!\S)[^\W_] [^\W_.]+ {2}")
_WORD_GAP_RE = re.compile(r"( {2,})")
_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\u200b\u200c\u200d\ufeff\u00ad"
_SPACE_TABLE = {ord(ch): " " for ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"} | {
    ord(ch): None for ch in "\u200b\u200c\u200d\ufeff\u00ad"
}
# Full-width forms an East Asian input method types ("Số：05/BC-UBND", "９３,００"): their ASCII letters, digits and
# signs, one character for one (held-out round 23)
_FULL_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_ODD_CHARS_TABLE = _SPACE_TABLE | _FULL_WIDTH_TABLE
_ODD_CHARS_RE = re.compile(f"[{_ODD_SPACES}\uff01-\uff5e]")
# Thousands grouped with a no-break or thin space, as Word and typesetting print them ("2 841", U+00A0, U+2009,
# U+202F): the Vietnamese thousands dot ("2.841"), one character for one so offsets hold; a plain space stays a space.
_GROUP_SPACE = "\u00a0\u2007\u202f\u2009"
_GROUP_SPACE_RE = re.compile(f"[{_GROUP_SPACE}]")
_GROUPED_DIGITS_RE = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+(?![\d])")


# A running footer "UBND xã An Thới – Báo cáo CCHC năm 2024 – Trang 2/5": the issuer, the report's short title and
# the page, dash-separated, as a page's furniture prints it; a converted or scanned file can glue it to the text.
_PAGE_FOOTER_RE = re.compile(
    r"\s*(?<!\S)(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s(?:(?!\s[–—-]\s)[^|\n]){1,80}?\s[–—-]\s"
    r"(?:(?!\s[–—-]\s)[^|\n]){1,100}?\s[–—-]\s(?:Trang|trang|TRANG)\s\d{1,3}(?P<of>\s?/\s?\d{1,3})?(?!\S)"
)


def drop_page_footers(document: Document) -> Document:
    """Running page footers taken out of the blocks' text (a block that was only a footer dropped, with a
    warning), so that their year or page "2/5" never becomes a value."""
    found = {
        k: list(_PAGE_FOOTER_RE.finditer(block.text))
        for k, block in enumerate(document.blocks)
        if block.kind is not BlockKind.TABLE and ("Trang" in block.text or "TRANG" in block.text)
    }
    if not any(found.values()):
        return document
    # "Trang 2" without "/5" is a footer when the same footer (but its page) is printed again
    repeated = Counter(_without_page(m) for matches in found.values() for m in matches)
    kept: list[Block] = []
    for k, block in enumerate(document.blocks):
        footers = [m for m in found.get(k, []) if m["of"] or repeated[_without_page(m)] > 1]
        if not footers:
            kept.append(block)
            continue
        pieces = [block]
        for m in reversed(footers):
            _cut(block, m.start(), m.end())
            if _LIST_START_RE.match(block.text, m.start()) and block.text[: m.start()].strip():
                pieces.insert(1, _split_off(block, m.start()))
        kept.extend(piece for piece in pieces if piece.text.strip())
        if not block.text.strip():
            document.warnings.append(f"dropped running footer {block.prov}")
    document.blocks = kept
    return document


def _without_page(m: re.Match[str]) -> str:
    """A footer's text without its page number."""
    return m.group(0).strip().rsplit(" ", 1)[0]


# What follows a footer glued inside a paragraph starts a list item of its own ("- Tiêu chí thành phần 3.2 …"):
# the page break was a paragraph break.
_LIST_START_RE = re.compile(r"\s*(?:[-+•*]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)")


def _split_off(block: Block, at: int) -> Block:
    """The text of ``block`` from ``at`` on, as a list item block of its own (``block`` keeps what came before)."""
    rest = block.text[at:]
    lead = len(rest) - len(rest.lstrip())
    lines = [(max(off - at - lead, 0), prov) for off, prov in block.lines if off >= at]
    tail = Block(BlockKind.LIST_ITEM, rest[lead:], block.prov_at(at), lines or [(0, block.prov_at(at))])
    block.text = block.text[:at].rstrip()
    block.lines = [(off, prov) for off, prov in block.lines if off < at]
    return tail


def _cut(block: Block, start: int, end: int) -> None:
    """Characters ``start:end`` taken out of ``block.text``, the offsets of its later lines moved back."""
    if start == 0:
        end += len(block.text[end:]) - len(block.text[end:].lstrip())
    block.text = block.text[:start] + block.text[end:]
    width = end - start
    block.lines = [(off if off <= start else max(start, off - width), prov) for off, prov in block.lines]
