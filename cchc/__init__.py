"""cchc: Vietnamese commune CCHC reports to validated records and consistency findings.

The public API is what ``__all__`` lists; everything else is private.
"""

from cchc.api import check_batch, check_record, extract_file, read_document
from cchc.errors import (
    CchcError,
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    InputError,
    LimitExceededError,
    MissingFileError,
    StoreError,
    UnsupportedFormatError,
    UsageError,
)
from cchc.settings import DEFAULT_SETTINGS, Settings

__version__ = "0.1.0"


def __getattr__(name: str) -> str:
    # EXTRACTOR_VERSION has one home, the extractor (cchc.extractors.assemble); read lazily so that
    # `import cchc` does not import the extraction code
    if name == "EXTRACTOR_VERSION":
        from cchc.extractors.assemble import EXTRACTOR_VERSION

        return EXTRACTOR_VERSION
    raise AttributeError(f"module 'cchc' has no attribute {name!r}")


__all__ = [
    "DEFAULT_SETTINGS",
    "EXTRACTOR_VERSION",
    "CchcError",
    "CorruptFileError",
    "EmptyFileError",
    "EncryptedFileError",
    "InputError",
    "LimitExceededError",
    "MissingFileError",
    "Settings",
    "StoreError",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "check_batch",
    "check_record",
    "extract_file",
    "read_document",
]
