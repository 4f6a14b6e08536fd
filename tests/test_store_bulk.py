"""A batch's records stored in bulk, on SQLite and on a throwaway PostgreSQL: the same outcome as one at a
time, all or nothing when the store step dies midway, and a re-run that completes it without duplicates."""

# ruff: noqa: F811 - the fixtures imported from tests/test_store.py are parameters of the tests
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cchc.store.store as store_module
from cchc.pipeline.store_step import store_batch
from cchc.schemas.record import Record
from cchc.store import Store
from tests.test_report_pages import batch
from tests.test_store import Reports, db_url, postgres, reports  # noqa: F401 - fixtures

TABLES = ("documents", "records", "criteria", "findings")


def counts(url: str) -> dict[str, int]:
    with Store(url) as store:
        return {t: store.count(t) for t in (*TABLES, "batches")}


def expected_counts(records: list[Record]) -> dict[str, int]:
    distinct = {r.source.sha256: r for r in records}.values()
    return {
        "documents": len(distinct),
        "records": len(distinct),
        "criteria": sum(len(r.criteria) for r in distinct),
        "findings": sum(len(r.findings) for r in distinct),
    }


def test_bulk_matches_one_at_a_time(db_url: str, reports: Reports, tmp_path: Path) -> None:
    """Two years of three communes, a corrected resubmission (Tân Lập 2022 v1 then v2) and one file twice."""
    order = [
        "hoa-binh-2021",
        "tan-lap-2022-v1",
        "dong-xuan-2021",
        "tan-lap-2021",
        "hoa-binh-2022",
        "tan-lap-2022",
        "dong-xuan-2022",
        "hoa-binh-tam-dao-2022",
        "dong-xuan-2021",
    ]
    records = [reports.records[name] for name in order]
    one_by_one = f"sqlite:///{tmp_path / 'one.sqlite'}"
    with Store(one_by_one) as store:
        batch_id = store.start_batch("out", len(records))
        expected = [store.save_record(r, batch_id=batch_id) for r in records]
    with Store(db_url) as store:
        batch_id, saved = store.save_batch(records, out_dir="out")
        versions = store.versions("Tân Lập", "xã", "Vĩnh Tường", 2022)
    assert [(s.sha256, s.version, s.stored, s.unit_name, s.report_year) for s in saved] == [
        (s.sha256, s.version, s.stored, s.unit_name, s.report_year) for s in expected
    ]
    tan_lap = [s for s in saved if s.unit_name == "Tân Lập" and s.report_year == 2022]
    assert [(s.version, s.is_current) for s in tan_lap] == [(1, False), (2, True)]
    assert [(v, c) for v, c, _ in versions] == [(1, False), (2, True)]
    assert saved[-1].stored is False and saved[-1].record_id == saved[2].record_id  # the same file twice
    assert {t: n for t, n in counts(db_url).items() if t != "batches"} == expected_counts(records)
    assert counts(db_url) == counts(one_by_one)
    with Store(db_url) as store:
        previous = store.previous_record("Hòa Bình", "xã", "Yên Lạc", 2021)
        stored_findings = sorted((f.rule, f.subject, f.message) for f in store.findings(scope="record"))
    assert previous == reports.records["hoa-binh-2021"]
    assert stored_findings == sorted(
        (f.rule, f.subject, f.message)
        for r in {r.source.sha256: r for r in records}.values()
        for f in r.findings
    )


def test_a_new_version_supersedes_the_stored_one(db_url: str, reports: Reports) -> None:
    with Store(db_url) as store:
        first = store.save_records([reports.records["tan-lap-2022-v1"]])
        second = store.save_records([reports.records["tan-lap-2022"], reports.records["tan-lap-2022-v1"]])
        versions = store.versions("Tân Lập", "xã", "Vĩnh Tường", 2022)
    assert [(s.version, s.is_current, s.stored) for s in first] == [(1, True, True)]
    assert [(s.version, s.is_current, s.stored) for s in second] == [(2, True, True), (1, False, False)]
    assert [(v, c) for v, c, _ in versions] == [(1, False), (2, True)]


def _failing_after(chunks: int) -> object:
    real = store_module._save_many
    calls = {"n": 0}

    def save_many(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] > chunks:
            raise RuntimeError("the store step died midway")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    return save_many


def test_failure_midway_leaves_nothing_and_a_rerun_completes(
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records = batch(1000)
    want = expected_counts(records)
    assert want == {"documents": 1000, "records": 1000, "criteria": 10000, "findings": 334 * 4 + 200}
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "_save_many", _failing_after(2))  # 400 of 1,000 records written
        with pytest.raises(RuntimeError, match="died midway"):
            store_batch(db_url, records, [])
    assert counts(db_url) == {**{t: 0 for t in TABLES}, "batches": 0}

    first = store_batch(db_url, records, [])
    assert counts(db_url) == {**want, "batches": 1}
    assert [s.stored for s in first.saved] == [True] * 1000
    again = store_batch(db_url, records, [])
    assert counts(db_url) == {**want, "batches": 2}
    assert [s.stored for s in again.saved] == [False] * 1000
    assert [s.record_id for s in again.saved] == [s.record_id for s in first.saved]


KILLER = """
import os, signal, sys
import cchc.store.store as store_module
from cchc.schemas.record import Record
from cchc.pipeline.store_step import store_batch

records = [Record.model_validate_json(line) for line in open(sys.argv[2], encoding="utf-8")]
real, calls = store_module._save_many, []

def save_many(*args, **kwargs):
    calls.append(1)
    if len(calls) > 2:
        os.kill(os.getpid(), signal.SIGKILL)  # a crash: no exception handler, no rollback by Python
    return real(*args, **kwargs)

if sys.argv[3] == "kill":
    store_module._save_many = save_many
stored = store_batch(sys.argv[1], records, [])
print(sum(s.stored for s in stored.saved))
"""


def test_killed_midway_leaves_nothing_and_a_rerun_completes(db_url: str, tmp_path: Path) -> None:
    records = batch(600)
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r.model_dump(mode="json")) + "\n" for r in records), encoding="utf-8")
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")

    def run(mode: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), db_url, str(lines), mode],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    killed = run("kill")
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert {t: n for t, n in counts(db_url).items() if t != "batches"} == {t: 0 for t in TABLES}
    done = run("complete")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "600"
    assert {t: n for t, n in counts(db_url).items() if t != "batches"} == expected_counts(records)
    assert run("complete").stdout.strip() == "0"
    assert {t: n for t, n in counts(db_url).items() if t != "batches"} == expected_counts(records)


def test_previous_records_match_previous_record(db_url: str, reports: Reports) -> None:
    """The bulk look-up finds what the one-by-one look-up finds, the other Hòa Bình (Tam Đảo) included."""
    records = list(reports.records.values())
    with Store(db_url) as store:
        store.save_records(records)
        bulk = store.previous_records(records)
        one = [
            store.previous_record(
                r.meta.unit_name, r.meta.unit_level, r.meta.district, r.meta.report_year - 1
            )
            if r.meta.unit_name and r.meta.report_year is not None
            else None
            for r in records
        ]
    assert bulk == one
    found = {
        r.source.file.rsplit("/", 1)[-1]: p.meta.report_year for r, p in zip(records, bulk) if p is not None
    }
    assert found == {
        "hoa-binh-2022.txt": 2021,
        "dong-xuan-2022.txt": 2021,
        "tan-lap-2022.txt": 2021,
        "tan-lap-2022-v1.txt": 2021,
    }


def test_previous_records_from_what_was_saved(db_url: str, reports: Reports) -> None:
    """What save_records returns carries each unit's level and district: the look-up needs no record again."""
    records = list(reports.records.values())
    with Store(db_url) as store:
        saved = store.save_records(records)
        again = store.save_records(records)  # already stored: the same units, read from the store
        assert store.previous_records(saved) == store.previous_records(records)
        assert store.previous_records(again) == store.previous_records(records)
    assert [(s.unit_level, s.district) for s in again] == [
        (r.meta.unit_level, r.meta.district) for r in records
    ]
