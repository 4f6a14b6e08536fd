"""Recall and precision of the checker on invented reports in many phrasings and three formats.

Every planted inconsistency must be found (kind and subject), and nothing else may be flagged
at error or warning severity: clean reports come out clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from tests.variants import Variant, variants

CASES = [(v, fmt) for v in variants() for fmt in ("txt", "docx", "pdf") if not (v.table and fmt == "txt")]


def found_pairs(record) -> set[tuple[str, str]]:
    pairs = set()
    for f in record.findings:
        if f.severity == "info":
            continue
        subject = "staff" if f.kind == "conflicting_values" else f.subject
        pairs.add((f.kind, subject))
    return pairs


@pytest.mark.parametrize(("variant", "fmt"), CASES, ids=[f"{v.name}-{fmt}" for v, fmt in CASES])
def test_planted_found_and_nothing_else(variant: Variant, fmt: str, tmp_path: Path) -> None:
    record = extract_file(variant.write(tmp_path, fmt))
    assert len([c for c in record.criteria if c.score is not None]) == (9 if variant.drop else 10)
    assert record.meta.unit_name == variant.unit and record.meta.report_year == variant.year
    assert found_pairs(record) == variant.planted, [f.message for f in record.findings]
