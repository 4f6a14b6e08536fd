"""Reports of invented communes in other layouts: extraction matches the truth they were built from.

samples/build_samples.py renders each report from its truth (samples/truth/<name>.json); here the
rendered PDF/DOCX is read back and every stated value must come out as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc.api import extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TRUTHS = sorted(p for p in (SAMPLES / "truth").glob("*.json") if not p.stem.startswith("minh-duc"))
INVENTED = [
    (truth, doc)
    for truth in TRUTHS
    for doc in sorted(SAMPLES.glob(f"{truth.stem}.*"))
    if doc.suffix in (".pdf", ".docx")
]


def test_there_are_invented_reports_in_each_format() -> None:
    assert {doc.suffix for _, doc in INVENTED} == {".pdf", ".docx"}
    assert len(INVENTED) >= 3


@pytest.fixture(scope="module", params=INVENTED, ids=[doc.name for _, doc in INVENTED])
def case(request: pytest.FixtureRequest):
    truth_path, doc = request.param
    truth = json.loads(truth_path.read_text("utf-8"))
    return truth, extract_file(doc, check=False)


def _criteria(truth: dict) -> dict[str, dict]:
    crit = truth["criteria"]
    return crit if isinstance(crit, dict) else {c["code"]: c for c in crit}


def test_meta(case) -> None:
    truth, record = case
    for key, value in truth["meta"].items():
        assert getattr(record.meta, key) == value, key


def test_overall(case) -> None:
    truth, record = case
    for key, value in truth["overall"].items():
        assert getattr(record.overall, key) == value, key


def test_every_criterion(case) -> None:
    truth, record = case
    got = {c.code: c for c in record.criteria}
    for code, expected in _criteria(truth).items():
        assert code in got, f"criterion {code} not found"
        for key in ("score", "max_score", "percent", "rank", "rank_total", "rank_change"):
            assert getattr(got[code], key) == expected.get(key), f"criterion {code} {key}"
