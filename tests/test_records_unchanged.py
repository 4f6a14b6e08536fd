"""The records of samples/ byte for byte as last accepted: a refactor or a speed-up must not change them.

This is a regression snapshot, not a truth: the values a person read from the documents are checked
in tests/test_extract_sample.py and tests/test_samples.py against samples/truth/. When a change is
meant to alter a record, regenerate the snapshot and review its diff with the change:

    CCHC_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_records_unchanged.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cchc.api import extract_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
DOCUMENTS = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt", ".xlsx"))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_sample_record_is_unchanged(name: str) -> None:
    record = extract_file(SAMPLES / name)
    text = record.model_dump_json(indent=1, exclude={"source": {"file"}}) + "\n"
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("CCHC_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no snapshot for {name}: run with CCHC_UPDATE_GOLDEN=1 and review the new file"
    assert text == golden.read_text(encoding="utf-8"), f"{name}: the record changed; see the module docstring"
