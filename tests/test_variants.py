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


WORDED = [
    (v, fmt) for v, fmt in CASES if v.word_ranks or v.lost_points or v.stray or v.points_only or v.broken_lines
]


@pytest.mark.parametrize(("variant", "fmt"), WORDED, ids=[f"{v.name}-{fmt}" for v, fmt in WORDED])
def test_scores_and_ranks_in_other_phrasings_read_as_stated(variant: Variant, fmt: str, tmp_path: Path) -> None:
    """Ranks in words, scores printed as the points lost or with a stray comma: every value read as stated."""
    record = extract_file(variant.write(tmp_path, fmt))
    read = {c.code: (c.score, c.max_score, c.rank, c.rank_total, c.rank_change) for c in record.criteria}
    for code, values in read.items():
        rank, total = variant.rank(code)
        maximum = None if code == variant.points_only else float(variant.maxima[code])  # the report states none
        expected = (float(variant.scores[code]), maximum, rank, total, (int(code) % 5) - 2)
        assert values == expected, code
