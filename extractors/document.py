"""The one document model every reader produces: ordered blocks with provenance.

Readers (text, PDF, DOCX, OCR) turn a file into a :class:`Document`; everything downstream
(parsers, extraction, checker) reads only this model and never imports a PDF or DOCX library.

Coordinates: PDF bboxes are ``(x0, top, x1, bottom)`` in PDF points with the origin at the
top-left of the page (pdfplumber's convention). Pages and lines are 1-based.
"""

from __future__ import annotations

import re
import unicodedata
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

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def nfc(text: str) -> str:
    """Unicode NFC, with non-breaking and odd spaces made plain (one grouping thousands, "2 841", the thousands
    dot) and zero-width marks dropped."""
    if text.isascii():
        return text  # already NFC, and none of the odd spaces is ASCII
    text = unicodedata.normalize("NFC", text)
    if _ODD_SPACES_RE.search(text):
        text = _GROUPED_DIGITS_RE.sub(_thousands_dot, text).translate(_SPACE_TABLE)
    return text


def _thousands_dot(m: re.Match[str]) -> str:
    return _GROUP_SPACE_RE.sub(".", m.group(0))


_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\u200b\u200c\u200d\ufeff\u00ad"
_SPACE_TABLE = {ord(ch): " " for ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"} | {
    ord(ch): None for ch in "\u200b\u200c\u200d\ufeff\u00ad"
}
_ODD_SPACES_RE = re.compile(f"[{_ODD_SPACES}]")
# Thousands grouped with a no-break or thin space, as Word and typesetting print them ("2 841", U+00A0, U+2009,
# U+202F): the Vietnamese thousands dot ("2.841"), one character for one so offsets hold; a plain space stays a space.
_GROUP_SPACE = "\u00a0\u2007\u202f\u2009"
_GROUP_SPACE_RE = re.compile(f"[{_GROUP_SPACE}]")
_GROUPED_DIGITS_RE = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+(?![\d])")
