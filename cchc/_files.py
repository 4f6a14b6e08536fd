"""Atomic file writes, the one helper every output of cchc goes through (CLI, batch job, store, web).

A file is written to a temporary file next to it and renamed over it: a reader sees the old file or the
whole new one, never a partial one, and on error nothing is left. The file gets the mode ``open()`` would
give (0o666 minus the umask), not ``mkstemp``'s 0o600.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "atomic_write_bytes",
    "atomic_write_json",
    "atomic_write_parts",
    "atomic_write_text",
    "file_mode",
    "set_tmp_owner",
    "tmp_owner",
    "tmp_pattern",
]


def file_mode() -> int:
    """0o666 minus the process umask (what open() would give; mkstemp alone gives 0o600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# read once: os.umask can only be read by setting it, which is not safe while other threads create files
_FILE_MODE = file_mode()

# The process that owns the temporary files: the ingest process itself, also in its pool workers
# (see set_tmp_owner), so an interrupted run removes its own .tmp files and no one else's.
_tmp_owner = os.getpid()


def set_tmp_owner(owner: int) -> None:
    """Name this process's temporary files after process ``owner`` (a pool worker: its ingest process)."""
    global _tmp_owner
    _tmp_owner = owner


def tmp_owner() -> int:
    """The process whose run this process's temporary files belong to."""
    return _tmp_owner


def tmp_pattern(owner: int | None = None) -> str:
    """Glob of the temporary files written by the run of process ``owner`` (default: this run)."""
    return f".*.{owner or _tmp_owner}.*.tmp"


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temp file next to ``path`` and rename it over ``path``; return ``path``."""
    return _atomic_write(path, (data,))


def atomic_write_parts(path: Path, parts: Iterable[str], encoding: str = "utf-8") -> Path:
    """The concatenation of ``parts``, encoded and written atomically one part at a time: a large page
    rendered as it is written is never held whole in memory."""
    return _atomic_write(path, (part.encode(encoding) for part in parts))


def _atomic_write(path: Path, chunks: Iterable[bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{_tmp_owner}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(
                    chunk
                )  # no fsync: atomic against crashes and readers, not power loss (~10 ms a file)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """``text`` encoded (UTF-8 unless told) and written atomically, as written: no newline translation."""
    return atomic_write_bytes(path, text.encode(encoding))


def atomic_write_json(path: Path, data: Any) -> Path:
    """``data`` as indented JSON (UTF-8, not \\u-escaped) with a final newline, written atomically."""
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
