"""Format backends: each turns one kind of file into the shared :class:`Document` model.

``read_document(path)`` sniffs the content (not only the extension) and dispatches:
``pdf.read_pdf``, ``docx.read_docx``, ``xlsx.read_xlsx`` (published rankings), ``text.read_text``.
Readers raise only :mod:`cchc.errors` ``InputError`` subclasses for files they cannot read.
"""

from __future__ import annotations

from pathlib import Path

from cchc.errors import EmptyFileError, EncryptedFileError, LimitExceededError, UnsupportedFormatError
from cchc.extractors.document import Document, drop_page_footers
from cchc.settings import DEFAULT_SETTINGS, Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
CONVERTED_SUFFIXES = {".doc", ".rtf", ".odt"}
KNOWN_SUFFIXES = {".pdf", ".docx", ".xlsx"} | TEXT_SUFFIXES | CONVERTED_SUFFIXES


def sniff_format(path: Path, head: bytes) -> str:
    """The format a file really is ("pdf", "docx", "txt"), or UnsupportedFormatError."""
    suffix = path.suffix.lower()
    name = str(path)
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and suffix == ".pdf"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        kind = "zip"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix == ".docx":
            raise EncryptedFileError(name, "a password-protected (encrypted) Word document; remove the password")
        if suffix == ".doc":
            return "convert"
        raise UnsupportedFormatError(name, "an old Office (OLE) file; save the report as .docx or PDF")
    elif head.startswith(b"{\\rtf"):
        if suffix in (".rtf", ".doc"):
            return "convert"
        raise UnsupportedFormatError(name, f"an RTF document behind a {suffix or 'bare'} name; rename it .rtf")
    elif head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        raise UnsupportedFormatError(name, "an image, not a PDF, DOCX or text report")
    else:
        kind = "txt"
    if kind == "zip":
        if suffix == ".odt":
            return "convert"
        if suffix in (".xlsx", ".xlsm"):
            return "xlsx"
        if suffix not in (".docx", ".docm", ""):
            raise UnsupportedFormatError(name, f"a ZIP archive behind a {suffix or 'bare'} name, not a report")
        return "docx"
    if kind == "pdf":
        if suffix not in (".pdf", ""):
            raise UnsupportedFormatError(name, f"a PDF behind a {suffix} name; rename it .pdf")
        return "pdf"
    if suffix == ".pdf":
        raise UnsupportedFormatError(name, "not a PDF (no %PDF- header)")
    if suffix == ".docx":
        raise UnsupportedFormatError(name, "not a DOCX (not a ZIP package)")
    if suffix and suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(name, f"unsupported file type {suffix}; expected .pdf, .docx or .txt")
    return "txt"


def read_document(path: str | Path, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Read a PDF, DOCX or text report into the document model.

    Raises an ``InputError`` subclass (empty, unsupported, corrupt, encrypted, over a limit)
    with a one-line message naming the file. Running page footers are taken out of the text.
    """
    return drop_page_footers(_read_any(path, settings))


def _read_any(path: str | Path, settings: Settings) -> Document:
    """The document as its format's reader gives it."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise EmptyFileError(str(path), "empty file (0 bytes)")
    if size > settings.max_file_bytes:
        raise LimitExceededError(
            str(path), f"file is {size} bytes, over the limit of {settings.max_file_bytes} (max_file_bytes)"
        )
    with path.open("rb") as fh:
        head = fh.read(2048)
    fmt = sniff_format(path, head)
    if fmt == "pdf":
        from cchc.extractors.readers.pdf import read_pdf

        return read_pdf(path, settings)
    if fmt == "docx":
        from cchc.extractors.readers.docx import read_docx

        return read_docx(path, settings)
    if fmt == "xlsx":
        from cchc.extractors.readers.xlsx import read_xlsx

        return read_xlsx(path, settings)
    if fmt == "convert":
        return _read_converted(path, settings)
    from cchc.extractors.readers.text import read_text

    return read_text(path)


def _read_converted(path: Path, settings: Settings) -> Document:
    """A .doc/.rtf/.odt report read through a LibreOffice conversion to DOCX."""
    import tempfile

    from cchc.extractors.readers.convert import convert_to_docx
    from cchc.extractors.readers.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="cchc-convert-") as tmp:
        converted = convert_to_docx(path, Path(tmp), settings)
        document = read_docx(converted, settings)
    document.converted_from = path.suffix.lower().lstrip(".")
    document.warnings.append(f"converted from .{document.converted_from} to DOCX with LibreOffice")
    return document
