"""Test session set-up: nothing a test runs may write into the user's real data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the store (CCHC_DB) at a temporary SQLite file for every `cchc ingest` run without --db."""
    data = tmp_path_factory.mktemp("data")
    saved = os.environ.get("CCHC_DB")
    os.environ["CCHC_DB"] = str(data / "cchc.sqlite")
    yield data
    if saved is None:
        os.environ.pop("CCHC_DB", None)
    else:
        os.environ["CCHC_DB"] = saved
