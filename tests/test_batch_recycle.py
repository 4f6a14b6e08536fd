"""The pool's workers recycled every N documents (issue 16: a worker's memory grows with what it has read).

Real documents of samples/, real worker processes: a recycled pool gives the same outcomes, in input
order, as one that is not, loses none, and its old workers are gone once it shuts down.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from cchc.pipeline import batch
from cchc.pipeline.lifetime import alive
from cchc.settings import DEFAULT_SETTINGS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCUMENTS = ["minh-duc-2022.txt", "phuoc-an-2021.docx", "dong-lac-2023.pdf", "minh-duc-2022.docx",
             "dong-hoa-2023.pdf", "minh-duc-2022.pdf"]


def _items(tmp_path: Path) -> list[tuple[str, str, str | None]]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    items = []
    for name in DOCUMENTS:
        shutil.copyfile(SAMPLES / name, inbox / name)
        items.append((str(inbox / name), name.replace(".", "-"), None))
    return items


def _gone(pids: set[int], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(alive(pid) for pid in pids)


def test_recycled_workers_give_the_same_outcomes_in_input_order(tmp_path: Path) -> None:
    items = _items(tmp_path)
    runs = {}
    for recycle_after in (0, 2):  # never, and a new pool every two documents
        pool = batch.WorkerPool(2, recycle_after=recycle_after)
        out = tmp_path / f"out-{recycle_after}"
        try:
            outcomes = batch.process_on_pool(pool, items, str(out), DEFAULT_SETTINGS)
        finally:
            pool.shutdown(wait=True)
        runs[recycle_after] = (pool.recycled, outcomes, out)
    (never, plain, plain_out), (recycled, outcomes, out) = runs[0], runs[2]
    assert never == 0
    assert recycled == 2  # 6 documents, 2 a pool: 3 pools
    assert [o.name for o in outcomes] == [name for _, name, _ in items]  # all of them, in input order
    assert [o.status for o in outcomes] == ["ok"] * len(items), [o.error for o in outcomes]
    assert [(o.unit, o.counts) for o in outcomes] == [(o.unit, o.counts) for o in plain]
    for o in outcomes:  # the records themselves: byte for byte
        assert (out / o.record).read_bytes() == (plain_out / o.record).read_bytes()


def test_a_recycled_pool_runs_every_call_on_fresh_workers_and_leaves_none_behind() -> None:
    pool = batch.WorkerPool(2, recycle_after=3)
    try:
        futures = [pool.submit(os.getpid) for _ in range(9)]
        pids = [f.result(timeout=60) for f in futures]
        assert pool.recycled == 2  # the 4th and the 7th calls went to a new pool
        # one pool of 2 workers would have run them all in 2 processes
        assert len(set(pids)) >= 3
        assert len(set(pids[:3]) & set(pids[3:])) == 0 and len(set(pids[3:6]) & set(pids[6:])) == 0
    finally:
        pool.shutdown(wait=True)
    assert _gone(set(pids))


def test_a_pool_holds_at_most_two_calls_a_worker_on_its_processes(tmp_path: Path) -> None:
    """The others wait in the pool's own line, in the order submitted (so a recycled pool is left with little)."""
    pool = batch.WorkerPool(1, recycle_after=0)
    marker = tmp_path / "go"
    try:
        futures = [pool.submit(_wait_for, str(marker), n) for n in range(6)]
        time.sleep(0.5)
        assert pool.in_flight == 3
        assert len(pool._waiting) == 3  # the line itself is what is tested
        marker.touch()
        assert [f.result(timeout=60) for f in futures] == list(range(6))
    finally:
        pool.shutdown(wait=True)


def test_cancelled_calls_never_reach_a_worker(tmp_path: Path) -> None:
    pool = batch.WorkerPool(1, recycle_after=0)
    marker = tmp_path / "go"
    futures = [pool.submit(_wait_for, str(marker), n) for n in range(5)]
    marker.touch()
    pool.shutdown(wait=True, cancel_futures=True)
    assert all(f.cancelled() for f in futures[3:])  # still in the pool's line
    assert all(f.done() for f in futures[:3])  # given to the process pool: finished or cancelled by it, not lost


def _wait_for(marker: str, n: int) -> int:
    while not os.path.exists(marker):
        time.sleep(0.02)
    return n
