"""Province-scale batches (issue 16): what keeps `cchc ingest` small and its outputs unchanged.

The figures themselves (wall time, RSS, PSS) are measured by bench/bench_scale.py, never asserted here.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import threading
from functools import cache
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cchc.api import check_batch, extract_file
from cchc.pipeline import batch
from cchc.pipeline.lifetime import alive
from cchc.pipeline.store_step import store_batch
from cchc.report import write_report
from cchc.schemas.record import Record
from cchc.store import Store
from cchc.store.rankings import has_rankings_besides

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@cache
def dong_hoa() -> Record:
    """A ward of Phú Lâm, 2023, ranked by the published ranking below (printed 89,88; published 89,63)."""
    return extract_file(SAMPLES / "dong-hoa-2023.pdf")


@cache
def phu_lam_ranking() -> Record:
    return extract_file(SAMPLES / "phu-lam-2023-chi-so-cchc.xlsx")


@cache
def minh_duc() -> Record:
    """A commune of Tứ Kỳ, 2022: no ranking of this batch covers it."""
    return extract_file(SAMPLES / "minh-duc-2022.txt")


def test_split_index_is_the_same_whether_the_records_are_read_once_or_twice(tmp_path: Path) -> None:
    """A sequence (the flow's record files) is read again for the published rankings' section, keeping only
    the rankings and the reports they cover; a one-pass iterable keeps every light copy. Same pages."""
    records = [minh_duc(), dong_hoa(), phu_lam_ranking()]
    again = write_report(tmp_path / "again", records, form="split")
    once = write_report(tmp_path / "once", iter(records), form="split", count=len(records))
    index = again["html"].read_text(encoding="utf-8")
    assert index == once["html"].read_text(encoding="utf-8")
    assert again["md"].read_text(encoding="utf-8") == once["md"].read_text(encoding="utf-8")
    section = index[index.index('<section class="card" id="official">') :]
    section = section[: section.index("</section>")]
    assert "<strong>89,88</strong>" in section and "TC9: 10,25 ≠ 10" in section  # Đông Hòa beside its row
    assert "Minh Đức" not in section
    pages = sorted(p.name for p in (tmp_path / "again" / "review").iterdir())
    assert pages == sorted(p.name for p in (tmp_path / "once" / "review").iterdir())
    for name in pages:
        assert (tmp_path / "again" / "review" / name).read_bytes() == (tmp_path / "once" / "review" / name).read_bytes()


def test_split_index_without_a_ranking_has_no_rankings_section(tmp_path: Path) -> None:
    paths = write_report(tmp_path, [minh_duc(), dong_hoa()], form="split")
    assert 'id="official"' not in paths["html"].read_text(encoding="utf-8")


def test_source_links_made_on_demand_are_the_ones_made_in_advance(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox" / "Tứ Kỳ", tmp_path / "out"
    inbox.mkdir(parents=True)
    out.mkdir()
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", inbox / "minh đức 2022.txt")
    record = extract_file(inbox / "minh đức 2022.txt")
    eager = batch.source_links(out, [record])
    lazy = batch.SourceLinks(out)
    assert eager == {record.source.file: "../inbox/T%E1%BB%A9%20K%E1%BB%B3/minh%20%C4%91%E1%BB%A9c%202022.txt"}
    assert lazy.get(record.source.file) == lazy[record.source.file] == eager[record.source.file]
    assert bool(lazy)  # the reviews use `links or {}`: an empty lazy mapping must not be replaced


def test_store_knows_whether_it_has_rankings_other_than_the_batchs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cchc.sqlite'}"
    ranking = phu_lam_ranking()
    with Store(url) as store:
        assert not has_rankings_besides(store, [])
    store_batch(url, [ranking], [])
    with Store(url) as store:
        assert not has_rankings_besides(store, [ranking.source.sha256])  # only the batch's own
        assert has_rankings_besides(store, [])
        assert has_rankings_besides(store, [dong_hoa().source.sha256])


def test_reconciliation_with_stored_rankings_only_when_the_store_has_another(tmp_path: Path) -> None:
    """A batch whose only ranking is its own leaves the reconciliation to the batch rules (nothing from the
    store); the next batch, without it, is reconciled with the stored ranking (printed 89,88, published 89,63)."""
    url = f"sqlite:///{tmp_path / 'cchc.sqlite'}"
    both = [dong_hoa(), phu_lam_ranking(), minh_duc()]
    first = store_batch(url, both, check_batch(both))
    assert first.history_findings == [] and first.history_by_record == {}
    later = store_batch(url, [minh_duc(), dong_hoa()], [])
    assert sorted((f.kind, f.subject) for f in later.history_findings) == [
        ("official_score_mismatch", "phường Đông Hòa: 9"),
        ("official_score_mismatch", "phường Đông Hòa: overall"),
        ("official_score_mismatch", "phường Đông Hòa: percent"),
    ]
    assert sorted(later.history_by_record) == [1]  # Minh Đức (Tứ Kỳ, 2022): no ranking covers it


def test_pool_workers_leave_inherited_objects_to_no_collection() -> None:
    """gc.freeze() in each worker: a full collection would otherwise copy every page it inherited."""
    pool = batch.WorkerPool(1)
    try:
        assert pool.submit(gc.get_freeze_count).result(timeout=120) > 1000
    finally:
        pool.shutdown()


def test_the_last_pool_shut_down_stops_the_forkserver() -> None:
    """The forkserver keeps what it imported (~110 MB, shared with nobody once its workers are gone)."""
    first, second = batch.WorkerPool(1), batch.WorkerPool(1)
    try:
        assert first.submit(os.getpid).result(timeout=120) != second.submit(os.getpid).result(timeout=120)
        server = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        assert server is not None and alive(server)
        first.shutdown()
        assert alive(server)  # the second pool may still need it (a worker to replace)
        assert second.submit(os.getpid).result(timeout=120) != os.getpid()
        second.shutdown()
        assert not alive(server)
        third = batch.WorkerPool(1)  # a later pool starts it again
        assert third.submit(os.getpid).result(timeout=120) != os.getpid()
        third.shutdown()
    finally:
        first.shutdown()
        second.shutdown()


def test_workers_are_gone_before_the_batch_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool is shut down once extraction ends: its memory is not held while the store and the outputs run."""
    from cchc._cli_ingest import ingest

    pools: list[batch.WorkerPool] = []
    seen: list[Any] = []
    made = batch.WorkerPool.__init__
    write_reviews = batch.write_reviews

    def init(self: batch.WorkerPool, workers: int) -> None:
        made(self, workers)
        pools.append(self)

    def reviews(*args: Any, **kwargs: Any) -> Any:
        seen.append([getattr(p._pool, "_processes", None) for p in pools])
        seen.append(forkserver._forkserver._forkserver_pid)  # type: ignore[attr-defined]
        return write_reviews(*args, **kwargs)

    monkeypatch.setattr(batch.WorkerPool, "__init__", init)
    monkeypatch.setattr(batch, "write_reviews", reviews)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", inbox / "minh-duc-2022.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(ingest, [str(inbox), "--out", str(out), "--no-db", "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    assert (out / "records" / "minh-duc-2022.json").is_file()
    assert pools and seen == [[None] * len(pools), None]  # no worker processes and no forkserver by then


def test_largest_documents_first_dealt_round_robin() -> None:
    """The chunks of a batch: every position once, at most ``size`` a chunk, the largest documents at the head
    of every chunk and the smallest at the tails (sizes 10, 50, 30, 50, 20, 40, 5 in chunks of 3)."""
    from cchc.pipeline.flow import largest_first_chunks

    sizes = [10, 50, 30, 50, 20, 40, 5]
    # by size: positions 1 and 3 (50, the earlier first), 5 (40), 2 (30), 4 (20), 0 (10), 6 (5); dealt to 3 chunks
    assert largest_first_chunks(sizes, 3) == [[1, 2, 6], [3, 4], [5, 0]]
    assert largest_first_chunks(sizes, 10) == [[1, 3, 5, 2, 4, 0, 6]]
    assert largest_first_chunks([7, 7, 7], 1) == [[0], [1], [2]]
    assert largest_first_chunks([], 30) == []


def test_chunk_size_two_chunks_a_worker_and_at_most_max_task_runs() -> None:
    """Small batches: two chunks a worker at least; the usual batch: DOCS_PER_TASK a chunk; a province's
    batch: no more than MAX_TASK_RUNS (64) task runs, so the chunks grow instead."""
    from cchc.pipeline.flow import chunk_size

    assert chunk_size(6, 30, 2) == 2  # 3 chunks of 2, not 1 chunk of 6: both workers get some
    assert chunk_size(120, 30, 2) == 30  # 4 task runs
    assert chunk_size(1000, 30, 2) == 30  # 34 task runs
    assert chunk_size(1920, 30, 2) == 30  # 64 task runs: the most
    assert chunk_size(1921, 30, 2) == 31  # 62 task runs of 31, not 65 of 30
    assert chunk_size(10_000, 30, 2) == 157  # 64 task runs (63 of 157, one of 109)
    assert chunk_size(10_000, 1, 2) == 157  # even when one document a task is asked for
    assert chunk_size(1, 30, 4) == 1
    assert chunk_size(0, 30, 2) == 1


def _ingest_in_process(tmp_path: Path, names: list[str], *extra: str) -> Path:
    from cchc._cli_ingest import ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in names:
        shutil.copyfile(SAMPLES / name, inbox / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(ingest, [str(inbox), "--out", str(out), "--no-db", "--no-progress", *extra])
    assert result.exit_code == 0, result.stderr
    return out


def test_largest_first_keeps_the_outcomes_in_input_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool gets the documents of the chunks that start first before any task run starts, chunk by chunk,
    each chunk largest first; batch.json lists them in the inputs' order."""
    from prefect.context import TaskRunContext

    from cchc.pipeline import prestart

    submitted: list[tuple[bool, str]] = []
    submit = batch.WorkerPool.submit_tagged

    def spy(self: batch.WorkerPool, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        if fn is batch.process_file_on_worker:
            submitted.append((TaskRunContext.get() is not None, str(args[0])))
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(batch.WorkerPool, "submit_tagged", spy)
    # as with a running Prefect server: nothing is extracted before the flow starts
    monkeypatch.setattr(prestart, "extract_while", lambda *args, **kwargs: 0)
    names = ["minh-duc-2022.txt", "phuoc-an-2021.docx", "dong-lac-2023.pdf", "minh-duc-2022.docx"]
    out = _ingest_in_process(tmp_path, names, "--workers", "1", "--docs-per-task", "2")
    inbox = tmp_path / "inbox"
    largest_first = sorted((str(inbox / name) for name in names), key=lambda path: -Path(path).stat().st_size)
    # two chunks of two, dealt from the sizes round robin: (1st, 3rd) and (2nd, 4th) largest; the task runner
    # runs two tasks a worker at once, so both chunks go to the pool ahead, none from inside a task run (whose
    # start, recorded by Prefect's server, left the workers idle)
    first, second, third, fourth = largest_first
    assert submitted == [(False, first), (False, third), (False, second), (False, fourth)]
    summary = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert [Path(o["file"]).name for o in summary["outcomes"]] == sorted(names)
    assert all(o["status"] == "ok" for o in summary["outcomes"])


def test_chunks_beyond_the_first_ones_go_to_the_pool_from_their_task_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With more chunks than the task runner runs at once (two a worker), only the first ones go ahead: a
    10,000-document batch holds no more calls waiting for the pool than its first tasks would send."""
    from prefect.context import TaskRunContext

    from cchc.pipeline import prestart

    submitted: list[tuple[bool, str]] = []
    submit = batch.WorkerPool.submit_tagged

    def spy(self: batch.WorkerPool, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        if fn is batch.process_file_on_worker:
            submitted.append((TaskRunContext.get() is not None, Path(args[0]).name))
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(batch.WorkerPool, "submit_tagged", spy)
    monkeypatch.setattr(prestart, "extract_while", lambda *args, **kwargs: 0)
    names = ["minh-duc-2022.txt", "phuoc-an-2021.docx", "dong-lac-2023.pdf", "minh-duc-2022.docx"]
    out = _ingest_in_process(tmp_path, names, "--workers", "1", "--docs-per-task", "1")
    by_size = sorted(names, key=lambda name: -(tmp_path / "inbox" / name).stat().st_size)
    # four chunks of one; the two largest ahead, the two others each from its own task run
    assert submitted[:2] == [(False, by_size[0]), (False, by_size[1])]
    assert sorted(submitted[2:]) == sorted([(True, by_size[2]), (True, by_size[3])])
    summary = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert [(Path(o["file"]).name, o["status"]) for o in summary["outcomes"]] == [(n, "ok") for n in sorted(names)]


def test_the_pool_shuts_down_while_the_batch_rules_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers' and the forkserver's exit (~0.1 s) is no part of the extraction step: the batch rules start
    while the pool is still shutting down (this shutdown waits for them), and it is over before the outputs."""
    from cchc.checker import batch_rules

    rules_started = threading.Event()
    seen: dict[str, Any] = {}
    shutdown, check_records = batch.WorkerPool.shutdown, batch_rules.check_records

    def slow_shutdown(self: batch.WorkerPool, *args: Any, **kwargs: Any) -> None:
        seen.setdefault("rules ran meanwhile", rules_started.wait(timeout=60))
        shutdown(self, *args, **kwargs)

    def rules(*args: Any, **kwargs: Any) -> Any:
        rules_started.set()
        return check_records(*args, **kwargs)

    def reviews(*args: Any, **kwargs: Any) -> Any:
        seen["forkserver at the outputs"] = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        return write_reviews(*args, **kwargs)

    write_reviews = batch.write_reviews
    monkeypatch.setattr(batch.WorkerPool, "shutdown", slow_shutdown)
    monkeypatch.setattr(batch_rules, "check_records", rules)
    monkeypatch.setattr(batch, "write_reviews", reviews)
    _ingest_in_process(tmp_path, ["minh-duc-2022.txt"], "--workers", "1")
    assert seen == {"rules ran meanwhile": True, "forkserver at the outputs": None}


STORE_IMPORTS = """
import json, sys
from cchc.pipeline import batch
seen = []
real = batch.process_on_pool
def spy(*args, **kwargs):
    seen.append("sqlalchemy" in sys.modules)
    return real(*args, **kwargs)
batch.process_on_pool = spy
from cchc.cli import main
sys.argv = ["cchc", "ingest", sys.argv[1], "--out", sys.argv[2], "--db", sys.argv[3], "--no-progress", "-w", "1"]
try:
    code = main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "sqlalchemy while extracting": seen, "at the end": "sqlalchemy" in sys.modules}))
"""


def test_the_store_is_imported_after_the_extraction(tmp_path: Path) -> None:
    """With documents to extract, SQLAlchemy and the store (~26 MB) are imported once the pool is done, not
    while the process tree is at its largest; the records are stored all the same."""
    import subprocess
    import sys

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", inbox / "minh-duc-2022.txt")
    shutil.copyfile(SAMPLES / "phuoc-an-2021.docx", inbox / "phuoc-an-2021.docx")
    db = tmp_path / "cchc.sqlite"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", STORE_IMPORTS, str(inbox), str(tmp_path / "out"), f"sqlite:///{db}"],
                          capture_output=True, text=True, timeout=600, env=env, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["at the end"] is True
    assert result["sqlalchemy while extracting"] and not any(result["sqlalchemy while extracting"])
    with Store(f"sqlite:///{db}") as store:
        assert store.count("records") == 2


def test_outcomes_from_the_pool_hold_the_batchs_own_strings(tmp_path: Path) -> None:
    """An outcome comes back from a worker with its own copies of the path, name and hash: it is made to hold
    the batch's (equal) strings, so a 10,000-document batch does not keep every one of them twice."""
    import hashlib
    import pickle

    from cchc.pipeline.flow import ChunkOutcomes

    source = tmp_path / "minh-duc-2022.txt"
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", source)
    item = (str(source), "minh-duc-2022", hashlib.sha256(source.read_bytes()).hexdigest())
    out = batch.check_output_folder(tmp_path / "out")
    pool = batch.WorkerPool(1)
    try:
        (outcome,) = batch.process_on_pool(pool, [item], str(out), batch.DEFAULT_SETTINGS)
    finally:
        pool.shutdown()
    assert (outcome.status, outcome.record) == ("ok", "records/minh-duc-2022.json")
    assert outcome.file is item[0] and outcome.name is item[1] and outcome.sha256 is item[2]
    # a task returns its chunk's outcomes as one object (one entry in Prefect's run results), also through Dask
    again = pickle.loads(pickle.dumps(ChunkOutcomes([outcome])))
    assert again.outcomes == [outcome]
