"""Faults injected into `cchc ingest` (issue 17): kills, Ctrl-C, dead workers, full disks, odd inputs, poisoned state.

The kill tests run a real ingest in a subprocess (its own session), kill it, check that none of its
processes survive (the Prefect server, the forkserver, the pool workers) and that a re-run finishes
with the documents done before the kill taken from the cache and no duplicate in the store.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cchc.pipeline import batch
from cchc.pipeline.lifetime import alive as _alive
from cchc.pipeline.prefect_env import SERVER_SCRIPT
from cchc.settings import DEFAULT_SETTINGS, Settings

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.txt"
UNITS = 24


def _inbox(folder: Path, count: int = UNITS) -> Path:
    """``count`` real reports: the sample with another commune's name each (distinct contents)."""
    folder.mkdir(parents=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for n in range(1, count + 1):
        (folder / f"xa-{n:02d}.txt").write_text(text.replace("Minh Đức", f"Minh Đức {n}"), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- process tree helpers


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _descendants(root: int) -> set[int]:
    kids, found, todo = _children(), set(), [root]
    while todo:
        for child in kids.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pids: set[int]) -> set[int]:
    """The pids still running (a zombie waiting to be reaped is not running)."""
    alive = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in (b"Z", b"X"):
            alive.add(pid)
    return alive


def _wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while _running(pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return _running(pids)


def _entries(out: Path) -> int:
    return len(list((out / ".cache" / "entries").glob("*.json")))


def _tmp_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*.tmp")]


# ---------------------------------------------------------------- kill -9, Ctrl-C, re-run


@dataclass
class Interrupted:
    returncode: int
    stderr: str
    entries_at_signal: int
    survivors: set[int]
    children: dict[int, str]  # pid -> command line, when the signal was sent
    tmp_files: list[Path]


@dataclass
class KillRuns:
    out: Path
    db: Path
    killed: Interrupted
    ctrl_c: Interrupted
    rerun: subprocess.CompletedProcess[str]
    batch: dict[str, Any]


def _own_server_env() -> dict[str, str]:
    """This environment without a PREFECT_API_URL (an in-process test run may have set one): the
    ingest starts its own Prefect server, which must die with it."""
    return {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _command(inbox: Path, out: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "cchc", "ingest", str(inbox), "--out", str(out), "--workers", "2",
            "--db", f"sqlite:///{db}", "--no-progress"]


def _interrupt(command: list[str], out: Path, sig: int, after_entries: int, group: bool) -> Interrupted:
    """Start an ingest, wait until ``after_entries`` documents are cached, send ``sig``, wait for it."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, env=_own_server_env())
    deadline = time.monotonic() + 300
    while _entries(out) < after_entries and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert process.poll() is None, f"the ingest ended before it could be interrupted: {process.communicate()}"
    children = _descendants(process.pid)
    commands = {pid: _cmdline(pid) for pid in children}
    entries = _entries(out)
    if group:
        os.killpg(process.pid, sig)  # as a terminal's Ctrl-C does
    else:
        os.kill(process.pid, sig)
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
        pytest.fail(f"the ingest did not stop within 30 s of signal {sig}")
    survivors = _wait_gone(set(children) | _descendants(process.pid), 10)
    for pid in survivors:  # do not leave them to the next tests
        os.kill(pid, signal.SIGKILL)
    return Interrupted(process.returncode, stderr, entries, survivors, commands, _tmp_files(out))


@pytest.fixture(scope="module")
def kill_runs(tmp_path_factory: pytest.TempPathFactory) -> KillRuns:
    root = tmp_path_factory.mktemp("kill")
    inbox = _inbox(root / "inbox")
    out, db = root / "out", root / "store.sqlite"
    command = _command(inbox, out, db)
    killed = _interrupt(command, out, signal.SIGKILL, after_entries=4, group=False)
    ctrl_c = _interrupt(command, out, signal.SIGINT, after_entries=killed.entries_at_signal + 4, group=True)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, env=_own_server_env())
    summary = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    return KillRuns(out, db, killed, ctrl_c, rerun, summary)


def test_kill_9_leaves_no_process_running(kill_runs: KillRuns) -> None:
    killed = kill_runs.killed
    assert killed.returncode == -signal.SIGKILL
    # the Prefect server, the forkserver, the resource tracker and the two workers were running
    commands = list(killed.children.values())
    assert sum(c.split()[1:3] == ["-P", str(SERVER_SCRIPT)] for c in commands) == 1
    assert sum("multiprocessing.forkserver" in c for c in commands) == 3  # the forkserver and two workers
    assert killed.survivors == set()
    assert killed.entries_at_signal >= 4


def test_ctrl_c_stops_with_one_line_and_exit_130(kill_runs: KillRuns) -> None:
    ctrl_c = kill_runs.ctrl_c
    assert ctrl_c.returncode == 130
    lines = [line for line in ctrl_c.stderr.splitlines() if line.strip()]
    assert lines[-1] == "interrupted (Ctrl-C): stopped; finished documents are kept, a re-run continues"
    assert [line for line in lines if line != "starting Prefect…"] == [lines[-1]], ctrl_c.stderr
    assert "Traceback" not in ctrl_c.stderr
    assert any(str(SERVER_SCRIPT) in c for c in ctrl_c.children.values())
    assert ctrl_c.survivors == set()
    assert ctrl_c.tmp_files == []


def test_rerun_after_kills_takes_finished_documents_from_the_cache(kill_runs: KillRuns) -> None:
    assert kill_runs.rerun.returncode == 0, kill_runs.rerun.stderr
    counts = kill_runs.batch["counts"]
    assert counts["inputs"] == UNITS and counts["failed"] == 0
    assert counts["cached"] >= kill_runs.ctrl_c.entries_at_signal >= kill_runs.killed.entries_at_signal + 4
    assert counts["cached"] + counts["extracted"] == UNITS
    assert _entries(kill_runs.out) == UNITS
    assert _tmp_files(kill_runs.out) == []
    with sqlite3.connect(kill_runs.db) as db:
        documents = db.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM documents").fetchone()
        records = db.execute("SELECT COUNT(*), COUNT(DISTINCT document_id) FROM records").fetchone()
    assert documents == (UNITS, UNITS)
    assert records == (UNITS, UNITS)


# ---------------------------------------------------------------- a dead worker


def _kill_self_on_poison(path: Path, settings: Settings) -> Any:
    """Extraction that dies like a worker killed by the OOM killer, for a file named poison.*."""
    if path.stem == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    from cchc.api import extract_file

    return extract_file(path, settings)


@pytest.fixture(scope="module")
def pool() -> Iterator[batch.WorkerPool]:
    workers = batch.WorkerPool(2)
    yield workers
    workers.shutdown(wait=True, cancel_futures=True)


def test_a_worker_killed_mid_batch_is_replaced_and_its_documents_retried(
    tmp_path: Path, pool: batch.WorkerPool
) -> None:
    inbox = _inbox(tmp_path / "inbox", 10)
    items = [(str(p), p.stem, None) for p in sorted(inbox.glob("*.txt"))]
    killed: list[int] = []

    def kill_a_worker(outcome: batch.Outcome) -> None:
        if not killed:  # as the OOM killer would, while the others are at work
            processes = list(pool._pool._processes.values())  # the fault to inject
            killed.append(processes[0].pid)
            os.kill(processes[0].pid, signal.SIGKILL)

    replaced = pool.replaced
    outcomes = batch.process_on_pool(pool, items, str(tmp_path / "out"), DEFAULT_SETTINGS, report=kill_a_worker)
    assert killed and pool.replaced == replaced + 1
    assert [o.status for o in outcomes] == ["ok"] * 10, [o.error for o in outcomes]
    assert [o.name for o in outcomes] == [f"xa-{n:02d}" for n in range(1, 11)]


def test_a_document_that_kills_its_worker_twice_fails_alone(tmp_path: Path, pool: batch.WorkerPool) -> None:
    inbox = _inbox(tmp_path / "inbox", 3)
    shutil.copyfile(SAMPLE, inbox / "poison.txt")
    items = [(str(p), p.stem, None) for p in sorted(inbox.glob("*.txt"))]
    replaced = pool.replaced
    outcomes = batch.process_on_pool(pool, items, str(tmp_path / "out"), DEFAULT_SETTINGS,
                                     extract=_kill_self_on_poison)
    by_name = {o.name: o for o in outcomes}
    assert [by_name[f"xa-0{n}"].status for n in (1, 2, 3)] == ["ok", "ok", "ok"]
    poison = by_name["poison"]
    assert poison.status == "failed" and poison.failure == "worker"
    assert poison.error == f"{inbox / 'poison.txt'}: {batch.WORKER_DIED}"
    assert pool.replaced == replaced + 2
    cache = batch.Cache(tmp_path / "out")
    cache.remember(poison)  # a killed worker says nothing about the content: never cached
    assert cache.entries() == {}


# ---------------------------------------------------------------- what is cached


def test_transient_failures_are_not_cached_and_content_failures_are(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cache = batch.Cache(out)
    moved = tmp_path / "moved away.txt"
    gone = batch.process_file(moved, out, sha256="ab" * 32)  # the input vanished during the run
    assert gone.status == "failed" and gone.failure == "transient"
    assert gone.error == f"{moved}: no such file"
    cache.remember(gone)
    slow = tmp_path / "slow.pdf"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.pdf", slow)
    timed_out = batch.process_file(slow, out, Settings(ocr=False, max_seconds_per_document=1e-9))
    assert timed_out.status == "failed" and "max_seconds_per_document" in (timed_out.error or "")
    assert timed_out.failure == "transient"  # the same file may be read in time on a less busy machine
    cache.remember(timed_out)
    assert cache.entries() == {}
    empty = tmp_path / "rỗng.docx"
    empty.write_bytes(b"")
    unreadable = batch.process_file(empty, out)
    assert unreadable.failure == "input"
    cache.remember(unreadable)
    assert list(cache.entries()) == [cache.key(batch.file_sha256(empty))]


def test_poisoned_cache_entries_and_records_are_dropped_and_extracted_again(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "inbox", 2)
    out = tmp_path / "out"
    cache = batch.Cache(out)
    first, second = sorted(inbox.glob("*.txt"))
    for path in (first, second):
        cache.remember(batch.process_file(path, out))
    sha1, sha2 = batch.file_sha256(first), batch.file_sha256(second)
    entry1 = out / ".cache" / "entries" / f"{cache.key(sha1)}.json"
    entry1.write_text('"garbage"', encoding="utf-8")
    (out / "records" / f"{second.stem}.json").write_text("{}", encoding="utf-8")
    assert cache.lookup(first, first.stem, sha1) is None and not entry1.exists()
    assert cache.lookup(second, second.stem, sha2) is None  # the record is not a record: a miss
    # a truncated entry, an entry of the wrong shape: dropped when listed
    (out / ".cache" / "entries" / f"{'0' * 64}.json").write_text('{"status": "ok", "rec', encoding="utf-8")
    (out / ".cache" / "entries" / f"{'1' * 64}.json").write_text('{"status": "ok"}', encoding="utf-8")
    assert cache.entries() == {}
    # extracted again, then a hit
    cache.remember(batch.process_file(first, out, name=first.stem))
    hit = cache.lookup(first, first.stem, sha1)
    assert hit is not None and hit.status == "cached"


# ---------------------------------------------------------------- odd inputs


def test_fifo_symlink_loop_and_folder_named_pdf_are_skipped_with_a_reason(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "inbox", 2)
    os.mkfifo(inbox / "pipe.pdf")
    (inbox / "loop.pdf").symlink_to(inbox / "loop.pdf")
    (inbox / "broken.docx").symlink_to(inbox / "nowhere.docx")
    (inbox / "folder.pdf").mkdir()
    (inbox / "trình chiếu.pptx").write_bytes(b"PK\x03\x04")
    for spec in ([str(inbox)], [str(inbox / "*")]):  # a folder, and a glob that reaches each of them
        gathered = batch.gather_inputs(spec)
        assert [p.name for p in gathered.paths] == ["xa-01.txt", "xa-02.txt"]
        reasons = {Path(s.file).name: s.reason for s in gathered.skipped}
        assert reasons["pipe.pdf"] == "a named pipe (FIFO), not a regular file"
        assert reasons["loop.pdf"] == "symbolic link loop"
        assert reasons["broken.docx"] == "broken symbolic link (its target does not exist)"
        assert reasons["trình chiếu.pptx"].startswith("unsupported file type .pptx")
        if spec[0].endswith("*"):
            assert reasons["folder.pdf"] == "a folder named like a report, not a file"
    # named explicitly, a FIFO is skipped too (opening it would block the run)
    gathered = batch.gather_inputs([inbox / "pipe.pdf", inbox / "xa-01.txt"])
    assert [p.name for p in gathered.paths] == ["xa-01.txt"] and gathered.skipped[0].file == str(inbox / "pipe.pdf")


def test_every_type_extract_reads_is_taken(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.pdf", "b.DOCX", "c.txt", "d.doc", "e.odt", "f.rtf", "g.text", "h.xlsx", "README.md"):
        (inbox / name).write_bytes(b"x")
    gathered = batch.gather_inputs([inbox])
    assert [p.name for p in gathered.paths] == [
        "a.pdf", "b.DOCX", "c.txt", "d.doc", "e.odt", "f.rtf", "g.text", "h.xlsx"
    ]
    # an inbox's README is notes: skipped with its reason, unless named or globbed
    assert gathered.skipped == [batch.Skipped(
        str(inbox / "README.md"), "Markdown notes in a folder are not read as a report (name the file to read it)"
    )]
    assert batch.gather_inputs([inbox / "README.md"]).paths == [inbox / "README.md"]
    assert batch.gather_inputs([str(inbox / "*.md")]).paths == [inbox / "README.md"]


def test_a_symlink_keeps_its_targets_name(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "inbox", 1)
    links = tmp_path / "links"
    links.mkdir()
    (links / "bao-cao-moi-nhat.txt").symlink_to(inbox / "xa-01.txt")
    (links / "ban-sao.txt").symlink_to(inbox / "xa-01.txt")
    gathered = batch.gather_inputs([links])
    assert len(gathered.paths) == 1  # one target, read once
    assert batch.output_names(gathered.paths) == ["xa-01"]


# ---------------------------------------------------------------- output problems


def test_a_record_that_cannot_be_written_stops_the_run_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, text: str, encoding: str = "utf-8") -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(batch, "atomic_write_text", full_disk)
    with pytest.raises(batch.OutputError) as raised:
        batch.process_file(SAMPLE, tmp_path / "out")
    assert str(raised.value) == f"cannot write {tmp_path / 'out' / 'records' / 'minh-duc-2022.json'}: " \
                                "No space left on device"


def test_output_folder_that_cannot_be_written_is_one_line_exit_1_before_any_work(tmp_path: Path) -> None:
    from cchc._cli_ingest import ingest

    inbox = _inbox(tmp_path / "inbox", 1)
    (tmp_path / "a-file").write_text("x")
    result = CliRunner().invoke(ingest, [str(inbox), "--out", str(tmp_path / "a-file" / "out"), "--no-db"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"cannot write {tmp_path / 'a-file' / 'out'}: Not a directory"]


def test_bad_dask_address_is_one_line_exit_2(tmp_path: Path) -> None:
    from cchc._cli_ingest import ingest

    inbox = _inbox(tmp_path / "inbox", 1)
    for address, cause in [
        ("not an address", "expected 'local', tcp://host:port or host:port"),
        ("tcp://127.0.0.1", "expected 'local', tcp://host:port or host:port"),
        ("http://127.0.0.1:8786", "expected 'local', tcp://host:port or host:port"),
        ("127.0.0.1:1", "cannot reach the Dask scheduler: Connection refused"),
    ]:
        result = CliRunner().invoke(ingest, [str(inbox), "--out", str(tmp_path / "out"), "--no-db",
                                             "--dask-address", address])
        assert result.exit_code == 2, result.output
        problem = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert problem == [f"Error: --dask-address {address}: {cause}"], result.stderr
    assert not (tmp_path / "out").exists()


def test_local_dask_cluster_listens_on_localhost_without_a_dashboard() -> None:
    from cchc.pipeline.flow import _task_runner

    runner = _task_runner(2, "local")
    assert runner.cluster_kwargs["host"] == "127.0.0.1"
    assert runner.cluster_kwargs["dashboard_address"] is None


def test_interrupted_run_removes_only_its_own_tmp_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "records").mkdir(parents=True)
    mine = out / "records" / f".x.json.{os.getpid()}.abc123.tmp"
    other_run = out / "records" / f".y.json.{os.getppid()}.def456.tmp"  # a live process: another run
    dead_run = out / f".batch.json.{2**22 + 12345}.ghi789.tmp"  # no such process
    for path in (mine, other_run, dead_run):
        path.write_bytes(b"partial")
    assert batch.remove_tmp_files(out) == 1 and not mine.exists() and other_run.exists()
    assert batch.remove_stale_tmp_files(out) == 1 and not dead_run.exists() and other_run.exists()


def test_children_are_tied_to_the_ingest_process(tmp_path: Path) -> None:
    """A child started like the Prefect server dies with its parent, even by SIGKILL."""
    script = (
        "import os, subprocess, sys, time\n"
        "from cchc.pipeline.lifetime import preexec_die_with\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'],\n"
        "                         start_new_session=True, preexec_fn=preexec_die_with(os.getpid()))\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _running({child}) == {child}
    parent.kill()
    parent.wait()
    assert _wait_gone({child}, 10) == set()


def _summary_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_a_full_disk_during_the_run_is_one_line_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC while the run records its progress: exit 1, one line naming the folder, no batch.json."""
    from cchc._cli_ingest import ingest

    inbox = _inbox(tmp_path / "inbox", 4)
    out = tmp_path / "out"
    out.mkdir()
    (out / "batch.json").write_text('{"run_id": "previous"}', encoding="utf-8")
    real = batch.atomic_write_json
    writes = threading.Semaphore(2)

    def filling_disk(path: Path, data: Any) -> Path:
        if path.parent.name == "entries" and not writes.acquire(blocking=False):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, data)

    monkeypatch.setattr(batch, "atomic_write_json", filling_disk)
    result = CliRunner().invoke(ingest, [str(inbox), "--out", str(out), "--no-db", "--no-progress", "-w", "1"])
    assert result.exit_code == 1, result.output
    lines = [line for line in _summary_lines(result.stderr) if line != "starting Prefect…"]
    assert lines == [f"cannot write {out / '.cache' / 'entries'}: No space left on device"], result.stderr
    # the previous run's manifest is gone: no batch.json says this folder holds a complete run
    assert not (out / "batch.json").exists()
    assert _tmp_files(out) == []


def test_a_prefect_home_that_cannot_be_written_is_one_line_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc._cli_ingest import ingest

    inbox = _inbox(tmp_path / "inbox", 1)
    (tmp_path / "a-file").write_text("x")
    home = tmp_path / "a-file" / "prefect"
    monkeypatch.setenv("PREFECT_HOME", str(home))
    result = CliRunner().invoke(ingest, [str(inbox), "--out", str(tmp_path / "out"), "--no-db"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"cannot write the Prefect home {home}: Not a directory"]


def test_sigterm_is_one_line_and_exit_143(tmp_path: Path) -> None:
    """The same stop as Ctrl-C for a scheduler's SIGTERM: its workers killed, its .tmp files removed."""
    out = tmp_path / "out"
    script = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from rich.console import Console\n"
        "from cchc.pipeline.run import Stopper as _Stopper\n"
        "from cchc.pipeline import batch\n"
        f"out = Path({str(out)!r})\n"
        "(out / 'records').mkdir(parents=True)\n"
        "(out / 'records' / f'.x.json.{os.getpid()}.abc.tmp').write_bytes(b'partial')\n"
        "pool = batch.WorkerPool(1)\n"
        "worker = pool.submit(os.getpid).result()\n"
        "with _Stopper(Console(stderr=True).is_terminal, out) as stop:\n"
        "    stop.pool = pool\n"
        "    print(worker, flush=True)  # the handlers are in place\n"
        "    time.sleep(120)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    assert process.stdout is not None
    worker = int(process.stdout.readline())
    children = _descendants(process.pid)
    assert worker in children
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 143
    assert [line for line in stderr.splitlines() if line] == [
        "terminated (SIGTERM): stopped; finished documents are kept, a re-run continues"
    ]
    assert _wait_gone(children, 10) == set()
    assert _tmp_files(out) == []


def test_concurrent_runs_keep_each_others_cache_entries(tmp_path: Path) -> None:
    """Two runs on one output folder: each document's entry is its own file, written as it finishes."""
    inbox = _inbox(tmp_path / "inbox", 2)
    out = tmp_path / "out"
    first, second = sorted(inbox.glob("*.txt"))
    run_a, run_b = batch.Cache(out), batch.Cache(out)  # loaded before either wrote anything
    run_a.remember(batch.process_file(first, out))
    run_b.remember(batch.process_file(second, out))
    keys = {run_a.key(batch.file_sha256(first)), run_a.key(batch.file_sha256(second))}
    assert set(batch.Cache(out).entries()) == keys
    assert batch.Cache(out).lookup(first, first.stem, batch.file_sha256(first)) is not None


def test_many_skipped_files_are_summed_up_on_stderr(tmp_path: Path) -> None:
    from cchc._cli_ingest import skipped_lines

    inbox = _inbox(tmp_path / "inbox", 1)
    for n in range(25):
        (inbox / f"ảnh {n:02d}.jpg").write_bytes(b"\xff\xd8\xff")
    skipped = [{"file": s.file, "reason": s.reason} for s in batch.gather_inputs([inbox]).skipped]
    assert len(skipped) == 25
    lines = skipped_lines(skipped)
    assert len(lines) == 21
    assert lines[0] == f"skipped {inbox / 'ảnh 00.jpg'}: unsupported file type .jpg; ingest reads {' '.join(batch.SUFFIXES)}"
    assert lines[-1] == "skipped 5 more (batch.json lists every one with its reason)"
    assert skipped_lines(skipped[:3]) == lines[:3]


def test_killing_the_pool_does_not_wait_for_a_lock_its_own_thread_holds() -> None:
    """The Ctrl-C handler runs in the main thread between two bytecodes, possibly while that thread submits to
    the pool with its lock held (documents extracted while Prefect starts): killing the workers then must not
    wait for that lock forever (a run once printed its stop line and never exited)."""
    pool = batch.WorkerPool(1)
    try:
        worker = pool.submit(os.getpid).result(timeout=120)
        assert _alive(worker)

        def interrupted_inside_submit() -> None:
            with pool._lock:  # the thread holds the lock, as inside submit_tagged, when the handler runs
                pool.kill()

        handler = threading.Thread(target=interrupted_inside_submit, daemon=True)
        handler.start()
        handler.join(timeout=30)
        assert not handler.is_alive(), "kill() waited for the lock its own thread holds"
        deadline = time.monotonic() + 30
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
