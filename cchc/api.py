"""Entry points of the library: read, extract, check. Heavy libraries are imported lazily."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from cchc.extractors.document import Document
    from cchc.schemas.record import Finding, Record


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_document(path: str | Path, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Read a PDF, DOCX or text file into the document model (raises ``InputError``; ``MissingFileError``
    when there is no such file)."""
    from cchc.errors import MissingFileError, UnsupportedFormatError
    from cchc.extractors.readers import read_document as _read

    if not Path(path).exists():
        raise MissingFileError(str(path), "no such file")
    if Path(path).is_dir():
        raise UnsupportedFormatError(str(path), "a folder, not a report file")
    return _read(path, settings)


def extract_file(
    path: str | Path,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    check: bool = True,
    timings: dict[str, float] | None = None,
) -> Record:
    """Read and extract one report; with ``check`` the record's ``findings`` are filled.

    Raises an ``InputError`` subclass when the file cannot be read. ``timings``, when given,
    receives the seconds spent reading, extracting and checking (added to what it holds).

    Example::

        record = extract_file("samples/minh-duc-2022.pdf")
        record.overall.score   # 83.97
    """
    from cchc.extractors.assemble import extract_record
    from cchc.schemas.record import Source

    path = Path(path)
    started = time.perf_counter()
    document = read_document(path, settings)
    read_at = time.perf_counter()
    source = Source(
        file=str(path),
        sha256=file_sha256(path),
        format=document.format,  # type: ignore[arg-type]
        pages=document.pages,
        ocr=bool(document.ocr_pages),
        ocr_pages=list(document.ocr_pages),
        size_bytes=path.stat().st_size,
        converted_from=document.converted_from,  # type: ignore[arg-type]
        warnings=list(document.warnings),
    )
    record = extract_record(document, source)
    extracted_at = time.perf_counter()
    if check:
        record.findings = check_record(record, settings)
    if timings is not None:
        for phase, seconds in (
            ("read", read_at - started),
            ("extract", extracted_at - read_at),
            ("check", time.perf_counter() - extracted_at),
        ):
            timings[phase] = timings.get(phase, 0.0) + seconds
    return record


def check_record(record: Record, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """Run every per-report rule over a record; findings sorted by severity then place."""
    from cchc.checker import run_rules

    return run_rules(record, settings)


def check_batch(records: list[Record], settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """Run the batch rules (ranks across communes, duplicates) over records of one batch."""
    from cchc.checker import run_batch_rules

    return run_batch_rules(records, settings)
