"""XLSX reader: spreadsheets as published rankings come (openpyxl in read-only mode).

The package is first checked like a DOCX (part sizes, zip bombs, DOCTYPEs: ``read_package``), so
the same limits apply. Each sheet becomes blocks in row order: a row with one filled cell is a
paragraph (titles, notes), consecutive rows with two or more filled cells are one TABLE block (with
the one-cell group titles between them, "Nhóm xã"); an empty row ends a table.
Numbers are written back in Vietnamese form ("83,97"; a percent-formatted 0.8397 as "83,97%") so the
one number grammar reads them. Provenance: ``table`` is the table's index, ``line`` the sheet row.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

from cchc.errors import CorruptFileError, EmptyFileError
from cchc.extractors.document import Block, BlockKind, Document, Provenance, nfc
from cchc.extractors.layout import classify
from cchc.extractors.numbers import format_vi
from cchc.extractors.readers.docx import read_package
from cchc.settings import DEFAULT_SETTINGS, Settings

MAX_COLUMNS = 200


def cell_text(value: object, number_format: str | None = None) -> str:
    """A cell value as printed in a Vietnamese document."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            return format_vi(round(float(value) * 100, 6)) + "%"
        return format_vi(round(float(value), 6))
    if isinstance(value, datetime | date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return " ".join(nfc(str(value)).split())


def _paragraph(text: str, row_number: int) -> Block:
    kind, level = classify(text)
    return Block(kind=kind, text=text, prov=Provenance(line=row_number), level=level)


def _table_block(pending: list[tuple[int, list[str]]], table_index: int) -> Block:
    """Consecutive rows of two or more filled cells as one TABLE block (rows padded to one width)."""
    width = max(len(r) for _, r in pending)
    rows = [r + [""] * (width - len(r)) for _, r in pending]
    text = ""
    lines: list[tuple[int, Provenance]] = []
    for (row_number, _), row in zip(pending, rows, strict=True):
        if text:
            text += "\n"
        lines.append((len(text), Provenance(line=row_number, table=table_index)))
        text += " | ".join(row)
    return Block(kind=BlockKind.TABLE, text=text, prov=lines[0][1], lines=lines, rows=rows)


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
        for sheet in workbook.worksheets:
            pending: list[tuple[int, list[str]]] = []
            held: list[tuple[int, list[str]]] = []  # one-cell rows after table rows: a group title or the end
            for row_number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
                cells = [cell_text(c.value, getattr(c, "number_format", None)) for c in row]
                while cells and not cells[-1]:
                    cells.pop()
                filled = [c for c in cells if c]
                if len(filled) >= 2:
                    pending.extend(held)
                    held = []
                    pending.append((row_number, cells))
                elif filled and pending:
                    held.append((row_number, cells))
                elif filled:
                    blocks.append(_paragraph(filled[0], row_number))
                else:
                    if pending:
                        blocks.append(_table_block(pending, tables))
                        tables, pending = tables + 1, []
                    blocks.extend(_paragraph(" ".join(c for c in r if c), n) for n, r in held)
                    held = []
            if pending:
                blocks.append(_table_block(pending, tables))
                tables += 1
            blocks.extend(_paragraph(" ".join(c for c in r if c), n) for n, r in held)
    finally:
        workbook.close()
    if not blocks:
        raise EmptyFileError(name, "no text in the workbook")
    return Document(blocks=blocks, format="xlsx", pages=None)


__all__ = ["cell_text", "read_xlsx"]
