"""Province-scale batches (issue 16): what keeps `cchc ingest` small and its outputs unchanged.

The figures themselves (wall time, RSS, PSS) are measured by bench/bench_scale.py, never asserted here.
"""

from __future__ import annotations

import gc
import os
import shutil
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
