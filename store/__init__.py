"""The store of every ingested record (SQLite by default, PostgreSQL for a team), with its history.

``Store(url)`` opens (and migrates) a database; ``cchc ingest`` saves its batch with
``cchc.pipeline.store_step.store_batch``.
Names are imported on first use, so ``cchc.store.database`` alone stays light for the CLI.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc.store.database import default_path, default_url, normalize_url, redact
    from cchc.store.store import Saved, Store, Unit, YearEntry, fold

_WHERE = {
    "default_path": "database",
    "default_url": "database",
    "normalize_url": "database",
    "redact": "database",
    "Saved": "store",
    "Store": "store",
    "Unit": "store",
    "YearEntry": "store",
    "fold": "store",
}
__all__ = [
    "Saved",
    "Store",
    "Unit",
    "YearEntry",
    "default_path",
    "default_url",
    "fold",
    "normalize_url",
    "redact",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'cchc.store' has no attribute {name!r}")
    return getattr(import_module(f"cchc.store.{_WHERE[name]}"), name)
