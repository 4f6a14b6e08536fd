"""The errors cchc raises, as one tree.

    CchcError                      base of everything below
    ├── InputError                 the input could not be read as a report (CLI exit 2; a failure record in a batch)
    │   ├── EmptyFileError         zero bytes, or no text at all
    │   ├── UnsupportedFormatError not PDF/DOCX/text, or content that does not match its extension
    │   ├── CorruptFileError       a PDF/DOCX that its library cannot open (truncated, broken zip, bad XML)
    │   ├── EncryptedFileError     a password-protected PDF/DOCX
    │   ├── LimitExceededError     over a configured limit (size, pages, objects, time)
    │   └── MissingFileError       no such file (also a FileNotFoundError)
    ├── StoreError                 the store could not be opened or written (``ingest``: exit 1)
    └── UsageError                 bad arguments or settings (CLI exit 2)

Every message is one line that names the file and the cause.
"""

from __future__ import annotations


class CchcError(Exception):
    """Base class of every cchc error."""


class InputError(CchcError):
    """The input file could not be read as a report."""

    def __init__(self, file: str, cause: str) -> None:
        self.file = file
        self.cause = cause
        super().__init__(f"{file}: {cause}")


class EmptyFileError(InputError):
    """The file has zero bytes or no text."""


class UnsupportedFormatError(InputError):
    """The file is not a PDF, DOCX or text file, or its content does not match its extension."""


class CorruptFileError(InputError):
    """The file's library could not open it."""


class EncryptedFileError(InputError):
    """The file is password-protected."""


class LimitExceededError(InputError):
    """The file is over a configured limit."""


class MissingFileError(InputError, FileNotFoundError):
    """There is no file at the path given."""


class StoreError(CchcError):
    """The store could not be opened or written; the message names the store and the cause."""


class UsageError(CchcError):
    """Bad arguments or settings."""
