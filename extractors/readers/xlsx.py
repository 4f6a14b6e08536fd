"""XLSX reader: published rankings and reports typed in a spreadsheet (openpyxl in read-only mode).

The package is first checked like a DOCX (part sizes, zip bombs, DOCTYPEs: ``read_package``), so
the same limits apply. Each sheet, in order, becomes blocks in row order, as a DOCX of it would give:
- a row of two cells each holding several lines (in-cell line breaks) is the header's (or the
  signature's) two sides, a layout table: its lines as paragraphs, the left side's then the right's;
  so is a grid of a few rows and at most four columns whose first row holds a layout line ("ỦY BAN
  NHÂN DÂN", "Số:", "Nơi nhận:", "…, ngày …"), first on its sheet or without borders (the sides typed
  a line a row), as the DOCX reader judges a layout table;
- a row with one filled cell is a paragraph (titles, prose, notes; a line break in the cell starts a
  new paragraph);
- consecutive rows with two or more filled cells are one TABLE block, a grid. One-cell rows between
  two rows of one grid are its group titles ("Nhóm xã") and stay in it; they end it instead when they
  read as prose (ending in ".", ":" or ";", or of several lines) or the rows after them are another
  grid (wider, or half as wide or less); an empty row ends a table.
Numbers are printed as the sheet displays them, in Vietnamese form: "0.00" gives 91,67 and 90,00,
"#,##0" 1.320, "General" the shortest form (5.5 as 5,5); a percent format 0.809 as 80,9% (the shortest
form, as the published rankings' records hold it).
Provenance: ``line`` is the sheet row, ``table`` the table's index, and ``page`` the sheet's number
when the workbook has more than one sheet.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cchc.errors import CorruptFileError, EmptyFileError
from cchc.extractors.document import Block, BlockKind, Document, Provenance, nfc
from cchc.extractors.layout import PLACE_DATE_RE, classify
from cchc.extractors.numbers import format_vi
from cchc.extractors.readers.docx import LAYOUT_LINE_RE, read_package
from cchc.settings import DEFAULT_SETTINGS, Settings

MAX_COLUMNS = 200
_QUOTED_RE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_PLACES_RE = re.compile(r"\.([0#]+)")
_PROSE_END = (".", ":", ";")


def _number_text(value: float, number_format: str | None) -> str:
    """A number as the sheet displays it under its format, in Vietnamese form."""
    fmt = _QUOTED_RE.sub("", (number_format or "General").split(";")[0])
    if "%" in fmt:  # the shortest form, as the published rankings' records have always held it ("80,9%")
        return format_vi(round(float(value) * 100, 6)) + "%"
    if fmt.lower() == "general" or not re.search(r"[0#]", fmt):
        text = format_vi(round(float(value), 6))
    else:
        places = _PLACES_RE.search(fmt)
        text = format_vi(float(value), len(places.group(1).rstrip("#")) if places else 0)
        if "," in fmt.split(".")[0]:
            whole, comma, frac = text.partition(",")
            sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
            digits = digits.replace(".", "")
            groups = [digits[max(i - 3, 0) : i] for i in range(len(digits), 0, -3)][::-1]
            text = sign + ".".join(groups) + comma + frac
    return text


def cell_text(value: object, number_format: str | None = None) -> str:
    """A cell value as printed in a Vietnamese document."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int | float):
        return _number_text(value, number_format)
    if isinstance(value, datetime | date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return " ".join(nfc(str(value)).split())


def cell_lines(value: object) -> list[str]:
    """A text cell's lines (its in-cell line breaks), each with its spaces tidied; none when empty."""
    if not isinstance(value, str):
        return []
    return [" ".join(line.split()) for line in nfc(value).splitlines() if line.strip()]


def _table_block(pending: list[tuple[int, list[str]]], table_index: int, page: int | None) -> Block:
    """Consecutive rows of two or more filled cells as one TABLE block (rows padded to one width)."""
    width = max(len(r) for _, r in pending)
    rows = [r + [""] * (width - len(r)) for _, r in pending]
    text = ""
    lines: list[tuple[int, Provenance]] = []
    for (row_number, _), row in zip(pending, rows, strict=True):
        if text:
            text += "\n"
        lines.append((len(text), Provenance(page=page, line=row_number, table=table_index)))
        text += " | ".join(row)
    return Block(kind=BlockKind.TABLE, text=text, prov=lines[0][1], lines=lines, rows=rows)


@dataclass
class _Row:
    number: int
    cells: list[str]  # the cells' texts, trailing empty ones dropped
    lines: list[list[str]]  # each filled cell's lines, in column order
    columns: list[int]  # each filled cell's column (0-based)
    ruled: bool = False  # a filled cell has a border (only looked at in rows of four cells or fewer)

    @property
    def prose(self) -> bool:
        """A one-cell row that reads as a paragraph rather than a grid's group title."""
        return any(len(lines) > 1 or lines[-1].endswith(_PROSE_END) for lines in self.lines)

    @property
    def two_sides(self) -> bool:
        """The header's or the signature's two sides: two cells, each of several lines."""
        return len(self.lines) == 2 and all(len(lines) > 1 for lines in self.lines)


@dataclass
class _SheetReader:
    """One sheet's rows into blocks (see the module's docstring)."""

    page: int | None
    tables: int
    blocks: list[Block] = field(default_factory=list)
    pending: list[_Row] = field(default_factory=list)
    held: list[_Row] = field(default_factory=list)  # one-cell rows after grid rows: group titles or prose

    def paragraphs(self, row: _Row) -> None:
        for lines in row.lines:
            for text in lines:
                kind, level = classify(text)
                prov = Provenance(page=self.page, line=row.number)
                self.blocks.append(Block(kind=kind, text=text, prov=prov, level=level))

    def _is_layout(self) -> bool:
        """A header/signature grid, as the DOCX reader judges a layout table: few columns and rows, a layout line
        ("ỦY BAN NHÂN DÂN", "Số:", "Nơi nhận:", "…, ngày …") in its first row, first on the sheet or unruled."""
        rows = self.pending
        if len(rows) > 8 or max(len(r.cells) for r in rows) > 4:
            return False
        first = [line for lines in rows[0].lines for line in lines]
        if not any(LAYOUT_LINE_RE.match(line) or PLACE_DATE_RE.match(line) for line in first):
            return False
        return not self.blocks or not any(r.ruled for r in rows)

    def _layout_paragraphs(self) -> None:
        """A layout grid's lines as paragraphs, column by column (the left side first), as the DOCX reader gives."""
        for column in sorted({c for r in self.pending for c in r.columns}):
            for row in self.pending:
                lines = [x for c, x in zip(row.columns, row.lines, strict=True) if c == column]
                self.paragraphs(_Row(number=row.number, cells=[], lines=lines, columns=[column] * len(lines)))

    def close(self) -> None:
        """End the grid: its TABLE block (or a layout grid's paragraphs), then the one-cell rows held after it as
        paragraphs."""
        if self.pending and self._is_layout():
            self._layout_paragraphs()
            self.pending = []
        if self.pending:
            self.blocks.append(_table_block([(r.number, r.cells) for r in self.pending], self.tables, self.page))
            self.tables, self.pending = self.tables + 1, []
        for row in self.held:
            self.paragraphs(row)
        self.held = []

    def _another_grid(self, row: _Row) -> bool:
        """A row wider than the grid, or half its width or less (trailing empty cells are not counted)."""
        width = max(len(r.cells) for r in self.pending)
        return len(row.cells) > width or 2 * len(row.cells) <= width

    def add(self, row: _Row) -> None:
        filled = len(row.lines)
        if row.two_sides:
            self.close()
            self.paragraphs(row)
        elif filled >= 2:
            if self.held and (any(r.prose for r in self.held) or self._another_grid(row)):
                self.close()
            self.pending.extend(self.held)
            self.held = []
            self.pending.append(row)
        elif filled and self.pending:
            self.held.append(row)
        elif filled:
            self.paragraphs(row)
        else:
            self.close()


def _row(number: int, row: tuple[Any, ...]) -> _Row:
    values = [c.value for c in row]
    cells = [cell_text(v, getattr(c, "number_format", None)) for v, c in zip(values, row, strict=True)]
    while cells and not cells[-1]:
        cells.pop()
    filled = [k for k, t in enumerate(cells) if t]
    lines = [cell_lines(values[k]) if isinstance(values[k], str) else [cells[k]] for k in filled]
    ruled = len(filled) <= 4 and any(_has_border(row[k]) for k in filled)
    return _Row(number=number, cells=cells, lines=lines, columns=filled, ruled=ruled)


def _has_border(cell: Any) -> bool:
    border = getattr(cell, "border", None)
    return border is not None and any(getattr(border, side).style for side in ("left", "right", "top", "bottom"))


def read_xlsx(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Read an XLSX workbook into blocks (raises CorruptFileError, LimitExceededError, EmptyFileError)."""
    import openpyxl

    path = Path(path)
    name = str(path)
    parts = read_package(path, settings)
    if "xl/workbook.xml" not in parts:
        raise CorruptFileError(name, "no xl/workbook.xml in the package (not an Excel workbook)")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise CorruptFileError(name, f"not a readable XLSX ({type(exc).__name__}: {str(exc)[:80]})") from exc
    blocks: list[Block] = []
    tables = 0
    try:
        several = len(workbook.worksheets) > 1
        for number, sheet in enumerate(workbook.worksheets, start=1):
            reader = _SheetReader(page=number if several else None, tables=tables)
            for row_number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
                reader.add(_row(row_number, row))
            reader.close()
            blocks.extend(reader.blocks)
            tables = reader.tables
    finally:
        workbook.close()
    if not blocks:
        raise EmptyFileError(name, "no text in the workbook")
    return Document(blocks=blocks, format="xlsx", pages=None)


__all__ = ["cell_lines", "cell_text", "read_xlsx"]
