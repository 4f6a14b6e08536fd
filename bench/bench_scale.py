"""The province-scale benchmark: `cchc ingest` of N mixed reports with the store, as a user runs it.

    .venv/bin/python bench/bench_scale.py [--n 1000] [--workers N] [--pg] [--store-runs 3]
    make bench-scale            # N=1000;  make bench-scale N=10000 (outside CI: about 10x longer)

Builds (or reuses) bench/corpus/scale-<N>-<seed>/inbox/ (bench/corpus.py: short reports of distinct
invented communes; 40% prose PDF, 20% table PDF, 25% DOCX, 15% plain text), then runs once, cold (a new
output folder, so no cache, and a new SQLite store; Prefect's home as a user has it after a first run):

    cchc ingest <inbox> --out <tmp>/out --db sqlite:///<tmp>/cchc.sqlite --no-progress

and prints wall time, CPU utilisation (CPU seconds of the whole process tree over wall x cores, and
the same while the extraction workers run), peak RSS (of the process tree, summed, sampled every
0.2 s; and the largest single process), the step timings of batch.json, the largest output file and
how many records are right (overall and all ten criterion scores as the manifest states them).

Then the store step alone on the records just written: ``store_batch`` (bulk save, batch findings,
previous-year look-up) into a new SQLite file and, with ``--pg``, a throwaway PostgreSQL cluster
(initdb as in tests/test_store.py), ``--store-runs`` cold runs each (each into an empty database, in
a fresh process): median and spread.

Writes bench/results/scale-<N>.json and .md. Machine, date and load average are part of both.

    .venv/bin/python bench/bench_scale.py --runners [--runs 3] [--batch 120]

Issue 15's scaling targets instead: the extraction part (batch.json's ``process`` step) of a batch of
``--batch`` prose PDFs of the scale corpus (2-4 pages), ``cchc ingest --no-db`` with ``--workers 1``,
``--workers 2``, and ``--workers 2 --dask-address tcp://…`` on a Dask cluster the bench starts
(``distributed.LocalCluster``: 2 worker processes of one thread each, the distributed scheduler);
``--runs`` cold runs of each into a new output folder: the pool's (1 and 2 workers interleaved) first,
while no Dask cluster is alive (an idle cluster of 2 workers takes ~0.1 core-second a second from the
pool's workers), then the cluster's. All of them use one Prefect
server the bench starts (``PREFECT_API_URL``, as with a running server), so no run extracts before its
flow starts (``pipeline/prestart.py`` works only while cchc's own server boots) and the step holds all
the extraction. The Dask cluster gets one untimed run first (its workers import cchc once, as the
pool's warm-up does before the flow). Prints the medians, the ratios 1 worker / 2 workers (target
>= 1.7) and Dask / 2 workers (target <= 1.3); writes bench/results/runners.json and .md.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(BENCH))

import corpus as corpus_mod


def _runqueue_wait(pid: int) -> float:
    """Seconds the process has been runnable but waiting for a core (Linux ``/proc/<pid>/schedstat``):
    time lost to other work on the machine, not to a lack of work."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def _pss(proc: psutil.Process) -> int:
    """Proportional set size: shared pages (the forkserver's imports in its workers) counted once in all."""
    try:
        return int(getattr(proc.memory_full_info(), "pss", 0))
    except (psutil.AccessDenied, OSError):
        return 0


def _role(proc: psutil.Process) -> str:
    cmd = " ".join(proc.cmdline())
    if "multiprocessing" in cmd:
        return "pool"  # the forkserver and the extraction workers it forks
    if "prefect" in cmd or "uvicorn" in cmd:
        return "prefect server"
    return "cchc" if "cchc" in cmd else proc.name()


class TreeSampler(threading.Thread):
    """Samples a process tree every ``interval`` s: RSS and CPU time by role (main, pool, Prefect server).

    ``memory=False``: CPU time only. Reading the tree's PSS (``smaps_rollup``) every 0.1 s costs the sampler
    ~0.17 core-seconds a second, which a run that keeps both cores busy pays in its own time."""

    def __init__(self, pid: int, interval: float = 0.2, memory: bool = True) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.interval = interval
        self.memory = memory
        self.samples: list[dict[str, Any]] = []  # t, rss, cpu, pool_cpu, rss_by_role
        self.stop = threading.Event()
        self._roles: dict[int, str] = {}
        self._last: dict[int, float] = {}
        self._gone = {"all": 0.0, "pool": 0.0}
        self._last_wait: dict[int, float] = {}
        self._gone_wait = 0.0

    def run(self) -> None:
        start = time.perf_counter()
        while not self.stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            cpu: dict[int, float] = {}
            wait: dict[int, float] = {}
            pss_by_role: dict[str, int] = {}
            rss_by_role: dict[str, int] = {}
            for p in procs:
                try:
                    with p.oneshot():
                        role = self._roles.get(p.pid) or _role(p)
                        # a child with cchc's command line is a fork not yet exec'd (the Prefect server's
                        # Popen): its role is known once it has exec'd
                        if p.pid == self.root.pid or role != "cchc":
                            self._roles[p.pid] = role
                        if self.memory:
                            rss_by_role[role] = rss_by_role.get(role, 0) + p.memory_info().rss
                            pss_by_role[role] = pss_by_role.get(role, 0) + _pss(p)
                        t = p.cpu_times()
                        cpu[p.pid] = t.user + t.system
                        if role == "pool":
                            wait[p.pid] = _runqueue_wait(p.pid)
                except (psutil.NoSuchProcess, psutil.ZombieProcess):
                    continue
            for pid, value in self._last.items():  # ended since the last sample: keep their CPU time
                if pid not in cpu:
                    self._gone["all"] += value
                    if self._roles.get(pid) == "pool":
                        self._gone["pool"] += value
            self._last = cpu
            self._gone_wait += sum(v for pid, v in self._last_wait.items() if pid not in wait)
            self._last_wait = wait
            self.samples.append(
                {
                    "t": time.perf_counter() - start,
                    "rss": sum(rss_by_role.values()),
                    "pss": sum(pss_by_role.values()),
                    "pss_by_role": pss_by_role,
                    "cpu": self._gone["all"] + sum(cpu.values()),
                    "pool_cpu": self._gone["pool"]
                    + sum(v for pid, v in cpu.items() if self._roles.get(pid) == "pool"),
                    "pool_wait": self._gone_wait + sum(wait.values()),
                    "rss_by_role": rss_by_role,
                }
            )
            self.stop.wait(self.interval)


def count_right(out: Path, docs: list[corpus_mod.BuiltDoc]) -> tuple[int, int]:
    by_name = {Path(d.path).stem: d for d in docs}
    right = total = 0
    for path in (out / "records").glob("*.json"):
        doc = by_name.get(path.stem)
        if doc is None:
            continue
        record = json.loads(path.read_text("utf-8"))
        total += 1
        scores = {c["code"]: c["score"] for c in record.get("criteria", []) if c.get("code")}
        right += record.get("overall", {}).get("score") == doc.overall and scores == doc.criteria
    return right, total


def largest_files(out: Path, n: int = 3) -> list[dict[str, Any]]:
    files = [p for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts]
    files.sort(key=lambda p: p.stat().st_size, reverse=True)
    return [{"file": str(p.relative_to(out)), "bytes": p.stat().st_size} for p in files[:n]]


def run_ingest(inbox: Path, work: Path, workers: int | None) -> dict[str, Any]:
    out, db = work / "out", work / "cchc.sqlite"
    cmd = [
        str(BIN / "cchc"),
        "ingest",
        str(inbox),
        "--out",
        str(out),
        "--db",
        f"sqlite:///{db}",
        "--no-progress",
    ]
    if workers:
        cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the sampled tree (pool workers are the forkserver's children, which rusage may never count), or rusage
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(waited, sampler.samples[-1]["cpu"] if sampler.samples else 0.0)
    cores = os.cpu_count() or 1
    samples = sampler.samples
    # the extraction window: the longest stretch in which the pool's processes use CPU (pauses under 1 s
    # included; the workers' start-up imports, before Prefect is ready, are a stretch of their own)
    working = [
        i for i in range(1, len(samples)) if samples[i]["pool_cpu"] - samples[i - 1]["pool_cpu"] > 0.01
    ]
    stretches: list[list[int]] = []
    for i in working:
        if stretches and samples[i]["t"] - samples[stretches[-1][-1]]["t"] <= 1.0:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    workers_seen = workers or (os.cpu_count() or 1)
    longest = max(stretches, key=lambda st: samples[st[-1]]["t"] - samples[st[0] - 1]["t"], default=[])
    window = None
    if longest:
        first, last = samples[longest[0] - 1], samples[longest[-1]]
        span = last["t"] - first["t"]
        window = {
            "start_s": round(first["t"], 2),
            "seconds": round(span, 2),
            "cpu_utilisation": round((last["cpu"] - first["cpu"]) / (span * cores), 3) if span > 0 else None,
        }
        if span > 0 and workers_seen:
            # per worker: on a core, runnable but waiting for one (the machine's other load), or idle
            slots = span * workers_seen
            busy = (last["pool_cpu"] - first["pool_cpu"]) / slots
            queued = (last["pool_wait"] - first["pool_wait"]) / slots
            window |= {"pool_workers": workers_seen, "pool_on_cpu": round(busy, 3),
                       "pool_waiting_for_cpu": round(queued, 3),
                       "pool_idle": round(max(0.0, 1 - busy - queued), 3),
                       # cchc's own process and Prefect's server compete with the workers for the cores
                       "others_in_tree_cores": round(((last["cpu"] - first["cpu"])
                                                      - (last["pool_cpu"] - first["pool_cpu"])) / span, 3)}
    peak = max(samples, key=lambda s: s["rss"], default=None)
    peak_pss = max(samples, key=lambda s: s["pss"], default=None)
    # cchc's own processes: the tree without Prefect's server (which a user with a running server,
    # PREFECT_API_URL, does not start)
    own_pss = max((s["pss"] - s["pss_by_role"].get("prefect server", 0) for s in samples), default=0)
    summary = json.loads((out / "batch.json").read_text("utf-8")) if (out / "batch.json").is_file() else {}
    return {
        "command": " ".join(cmd),
        "exit": proc.returncode,
        "stderr_tail": stderr[-1500:],
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "pool_cpu_s": round(samples[-1]["pool_cpu"], 2) if samples else None,
        "cpu_utilisation": round(cpu / (wall * cores), 3),
        "extraction_window": window,
        "peak_rss_tree_mb": round(peak["rss"] / 2**20, 1) if peak else None,
        "peak_rss_by_role_mb": {k: round(v / 2**20, 1) for k, v in peak["rss_by_role"].items()}
        if peak
        else {},
        "peak_pss_tree_mb": round(peak_pss["pss"] / 2**20, 1) if peak_pss else 0.0,
        "peak_pss_at_s": round(peak_pss["t"], 1) if peak_pss else None,
        "peak_pss_by_role_mb": {k: round(v / 2**20, 1) for k, v in peak_pss["pss_by_role"].items()}
        if peak_pss
        else {},
        "peak_pss_without_prefect_server_mb": round(own_pss / 2**20, 1),
        "peak_rss_largest_process_mb": round(after.ru_maxrss / 1024, 1),
        "timings": summary.get("timings", {}),
        "counts": summary.get("counts", {}),
        "largest_files": largest_files(out),
        "timeline_t_rss_mb_cpu_s": [
            (round(x["t"], 1), round(x["rss"] / 2**20), round(x["cpu"], 1))
            for x in samples[:: max(1, len(samples) // 200)]
        ],
        # PSS of each role over the run (MB): whether cchc's own process stays flat after extraction
        "timeline_t_pss_mb_by_role": [
            (round(x["t"], 1), {k: round(v / 2**20) for k, v in x["pss_by_role"].items()})
            for x in samples[:: max(1, len(samples) // 300)]
        ],
        "peak_pss_by_role_any_time_mb": {
            role: round(max(x["pss_by_role"].get(role, 0) for x in samples) / 2**20, 1)
            for role in {r for x in samples for r in x["pss_by_role"]}
        },
        "out": str(out),
    }


# ------------------------------------------------------------------------------------ the store step

STORE_SCRIPT = """
import json, sys, time
from pathlib import Path
from cchc.schemas.record import Record
from cchc.pipeline.store_step import store_batch
from cchc.store import Store
paths = sorted(Path(sys.argv[2]).glob("*.json"))
records = [Record.model_validate_json(p.read_bytes()) for p in paths]
Store(sys.argv[1]).close()  # create and migrate the schema: not part of the store step
start = time.perf_counter()
stored = store_batch(sys.argv[1], records, [])
print(json.dumps({"seconds": time.perf_counter() - start, "records": len(records),
                  "stored": sum(s.stored for s in stored.saved)}))
"""


def start_postgres(root: Path) -> tuple[str, list[str]] | str:
    """A throwaway cluster (as tests/test_store.py starts one): (admin URL prefix, stop command) or why not."""
    found = shutil.which("initdb")
    bindirs = (
        [Path(found).parent]
        if found
        else [Path(p).parent for p in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))]
    )
    if not bindirs:
        return "no initdb (apt-get install postgresql)"
    bindir = bindirs[-1]
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(root, "postgres")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = root / "data"
    subprocess.run(
        [
            *prefix,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        cwd=root,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        [
            *prefix,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            options,
            "start",
        ],
        check=True,
        capture_output=True,
        cwd=root,
    )
    stop = [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]
    return f"postgresql://postgres@127.0.0.1:{port}", stop


def bench_store(records_dir: Path, work: Path, runs: int, pg: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def one(url: str) -> dict[str, Any]:
        proc = subprocess.run(
            [sys.executable, "-c", STORE_SCRIPT, url, str(records_dir)],
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        if proc.returncode:
            raise RuntimeError(proc.stderr[-2000:])
        return json.loads(proc.stdout)

    def summarise(results: list[dict[str, Any]], command: str) -> dict[str, Any]:
        seconds = [r["seconds"] for r in results]
        return {
            "command": command,
            "records": results[0]["records"],
            "runs_s": [round(s, 2) for s in seconds],
            "median_s": round(statistics.median(seconds), 2),
            "spread_s": [round(min(seconds), 2), round(max(seconds), 2)],
            "per_1000_s": round(statistics.median(seconds) / results[0]["records"] * 1000, 2),
        }

    sqlite_runs = [one(f"sqlite:///{work / f'store-{i}.sqlite'}") for i in range(runs)]
    out["sqlite"] = summarise(sqlite_runs, "store_batch(sqlite:///<new file>, records, [])")
    if pg:
        root = Path(tempfile.mkdtemp(prefix="cchc-bench-pg-"))
        started = start_postgres(root)
        if isinstance(started, str):
            out["postgresql"] = {"skipped": started}
        else:
            base, stop = started
            try:
                import pg8000.native

                results = []
                for i in range(runs):
                    admin = pg8000.native.Connection(
                        "postgres", host="127.0.0.1", port=int(base.rsplit(":", 1)[1]), database="postgres"
                    )
                    admin.run(f"CREATE DATABASE bench_{i}")
                    admin.close()
                    results.append(one(f"{base}/bench_{i}"))
                out["postgresql"] = summarise(
                    results, "store_batch(postgresql://<new database>, records, [])"
                )
            finally:
                subprocess.run(stop, check=False, capture_output=True)
                shutil.rmtree(root, ignore_errors=True)
    return out


# ------------------------------------------------------------------------------------------- report


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_avg_start": [round(x, 2) for x in os.getloadavg()],
    }


def markdown(res: dict[str, Any]) -> str:
    m, run = res["machine"], res["ingest"]
    t = run["timings"]
    window = run["extraction_window"] or {}
    lines = [
        f"### `cchc ingest` of {res['n']:,} mixed reports (bench/bench_scale.py)",
        "",
        (
            f"{m['date']}; {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']}; "
            f"load average at start {', '.join(map(str, m['load_avg_start']))}, at end "
            f"{', '.join(map(str, res['load_avg_end']))} (a machine shared with other work: figures are what a user "
            f"of such a machine sees). One cold run: new output folder, new SQLite store. Corpus: {res['corpus']}."
        ),
        "",
        f"Command: `{run['command']}` (exit {run['exit']})",
        "",
        "| Measure | Value |",
        "|---|---:|",
        f"| Wall time | {run['wall_s']:.1f} s |",
        f"| CPU utilisation, whole run (CPU s / wall / cores) | {run['cpu_utilisation']:.0%} |",
        f"| CPU utilisation while the extraction workers run ({window.get('seconds', '—')} s from "
        f"{window.get('start_s', '—')} s) | "
        f"{window['cpu_utilisation']:.0%} |"
        if window.get("cpu_utilisation") is not None
        else "| CPU utilisation, extraction | — |",
        *(
            [
                (
                    f"| Pool workers in that stretch: on a core / runnable, waiting for a core (other load) / idle | "
                    f"{window['pool_on_cpu']:.0%} / {window['pool_waiting_for_cpu']:.0%} / {window['pool_idle']:.0%} |"
                )
            ]
            if "pool_idle" in window
            else []
        ),
        *(
            [
                (
                    f"| CPU of cchc's own process and Prefect's server in that stretch | "
                    f"{window['others_in_tree_cores']:.2f} cores |"
                )
            ]
            if "others_in_tree_cores" in window
            else []
        ),
        (
            f"| Peak RSS, process tree summed | {run['peak_rss_tree_mb']:.0f} MB "
            f"({', '.join(f'{k} {v:.0f}' for k, v in sorted(run['peak_rss_by_role_mb'].items()))}) |"
        ),
        (
            f"| Peak PSS, process tree summed (pages shared between processes counted once) | "
            f"{run.get('peak_pss_tree_mb', 0):.0f} MB at {run.get('peak_pss_at_s')} s "
            f"({', '.join(f'{k} {v:.0f}' for k, v in sorted(run.get('peak_pss_by_role_mb', {}).items()))}) |"
        ),
        (
            f"| Peak PSS without Prefect's server (cchc's own processes) | "
            f"{run.get('peak_pss_without_prefect_server_mb', 0):.0f} MB |"
        ),
        (
            "| Peak PSS of each role, whenever reached | "
            + ", ".join(f"{k} {v:.0f}" for k, v in sorted(run.get("peak_pss_by_role_any_time_mb", {}).items()))
            + " MB |"
        ),
        f"| Peak RSS, largest single process | {run['peak_rss_largest_process_mb']:.0f} MB |",
        f"| Records right (overall + 10 criteria) | {res['right'][0]}/{res['right'][1]} |",
    ]
    for key in ("collect", "cache_lookup", "process", "batch_rules", "store", "outputs", "wall"):
        if key in t:
            lines.append(f"| step `{key}` (batch.json) | {t[key]:.2f} s |")
    for f in run["largest_files"]:
        lines.append(f"| output `{f['file']}` | {f['bytes'] / 2**20:.2f} MB |")
    store = res.get("store") or {}
    if store:
        lines += [
            "",
            (
                "Store step alone (`store_batch`: bulk save, batch findings, previous-year look-up), cold runs "
                "into an empty database, each in a fresh process:"
            ),
            "",
            "| Backend | Records | Median | Spread | Per 1,000 records | Command |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for backend, r in store.items():
            if "skipped" in r:
                lines.append(f"| {backend} | — | — | — | — | not run: {r['skipped']} |")
                continue
            lines.append(
                f"| {backend} | {r['records']} | {r['median_s']:.2f} s | {r['spread_s'][0]:.2f}-"
                f"{r['spread_s'][1]:.2f} s | {r['per_1000_s']:.2f} s | `{r['command']}` |"
            )
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------- workers 1 / 2 and Dask (issue 15)


def _cpu_seconds(pid: int | None) -> float:
    """user + system CPU seconds of one process (``/proc/<pid>/stat``), 0 when unknown."""
    if pid is None:
        return 0.0
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _ingest_process_step(inbox: Path, out: Path, extra: list[str], server_pid: int | None = None) -> dict[str, Any]:
    """One cold ``cchc ingest --no-db`` into a new folder: batch.json's ``process`` step, wall and CPU (of the
    whole run: cchc's own process and its pool, sampled every 0.1 s, and the Prefect server ``server_pid``)."""
    cmd = [str(BIN / "cchc"), "ingest", str(inbox), "--out", str(out), "--no-db", "--no-progress", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = _cpu_seconds(server_pid)
    started = time.perf_counter()
    popen = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(popen.pid, interval=0.1, memory=False)
    sampler.start()
    stdout, stderr = popen.communicate(timeout=1800)
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    proc = subprocess.CompletedProcess(cmd, popen.returncode, stdout, stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    last = sampler.samples[-1] if sampler.samples else {"cpu": 0.0, "pool_cpu": 0.0}
    summary = json.loads((out / "batch.json").read_text("utf-8")) if (out / "batch.json").is_file() else {}
    counts = summary.get("counts", {})
    if proc.returncode or counts.get("extracted") != counts.get("inputs"):
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}, counts {counts}: {proc.stderr[-1500:]}")
    return {
        "process_s": summary["timings"]["process"],
        "wall_s": round(wall, 2),
        # the cchc process and every child it and its children waited for (the pool's workers, reaped by the
        # forkserver, which cchc reaps); the sampled split below leaves out each process's last 0.1 s
        "cpu_cchc_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
        "cpu_sampled_cchc_own_s": round(last["cpu"] - last["pool_cpu"], 2),
        "cpu_sampled_pool_s": round(last["pool_cpu"], 2),
        "cpu_server_s": round(_cpu_seconds(server_pid) - server_before, 2),
        "extract_seconds_sum": summary["timings"].get("extract_seconds_sum"),
        "load_1min": round(os.getloadavg()[0], 2),
    }


def _runner_run(results: dict[str, list[dict[str, Any]]], name: str, inbox: Path, out: Path, extra: list[str],
                server_pid: int | None, i: int) -> None:
    res = _ingest_process_step(inbox, out, extra, server_pid)
    results[name].append(res)
    print(f"  run {i + 1} {name}: process {res['process_s']:.2f} s, wall {res['wall_s']:.2f} s, "
          f"CPU cchc {res['cpu_sampled_cchc_own_s']:.2f} s, pool {res['cpu_sampled_pool_s']:.2f} s, "
          f"server {res['cpu_server_s']:.2f} s, load {res['load_1min']}", flush=True)


def bench_runners(n_files: int, runs: int, seed: int) -> dict[str, Any]:
    """The ``process`` step of the same batch with 1 and 2 pool workers and on a 2-process Dask cluster."""
    from distributed import LocalCluster

    from cchc.pipeline import prefect_env

    docs = [d for d in corpus_mod.build_scale_corpus(1000, seed, log=print) if d.kind == "prose"][:n_files]
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-runners-"))
    inbox = work / "inbox"
    inbox.mkdir()
    for d in docs:
        (inbox / Path(d.path).name).symlink_to(d.path)
    pages = sum(d.pages for d in docs)
    prefect_env.configure()
    # one server for every run (PREFECT_API_URL), as a running server; its CPU is counted per run
    server = prefect_env.start_local_server()
    prefect_env.wait_local_server()
    server_pid = server.process.pid if server is not None else None
    configs = {"workers_1": ["--workers", "1"], "workers_2": ["--workers", "2"]}
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in [*configs, "dask_2"]}
    cluster = None
    try:
        print(f"runners: {len(docs)} prose PDFs ({pages} pages)", flush=True)
        # the pool's runs first, with no Dask cluster alive: an idle LocalCluster of 2 workers takes ~0.1
        # core-second a second (heartbeats), which a user's pool run does not pay
        for i in range(runs):
            for name in list(configs) if i % 2 == 0 else list(reversed(configs)):
                _runner_run(results, name, inbox, work / f"{name}-{i}", configs[name], server_pid, i)
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        dask = ["--workers", "2", "--dask-address", cluster.scheduler_address]
        print(f"runners: Dask scheduler {cluster.scheduler_address}", flush=True)
        _ingest_process_step(inbox, work / "warm-dask", dask)  # the Dask workers import cchc
        for i in range(runs):
            _runner_run(results, "dask_2", inbox, work / f"dask_2-{i}", dask, server_pid, i)
    finally:
        if cluster is not None:
            cluster.close()
        prefect_env.stop_local_server()
        shutil.rmtree(work, ignore_errors=True)
    med = {name: statistics.median(r["process_s"] for r in rs) for name, rs in results.items()}
    speedup = med["workers_1"] / med["workers_2"]
    dask_ratio = med["dask_2"] / med["workers_2"]
    return {
        "files": len(docs),
        "pages": pages,
        "runs": runs,
        "dask_cluster": "distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True)",
        "results": results,
        "median_process_s": {k: round(v, 2) for k, v in med.items()},
        "spread_process_s": {k: [round(min(r["process_s"] for r in rs), 2), round(max(r["process_s"] for r in rs), 2)]
                             for k, rs in results.items()},
        "speedup_2_over_1": round(speedup, 2),
        "speedup_target": 1.7,
        "speedup_pass": speedup >= 1.7,
        "dask_over_pool": round(dask_ratio, 2),
        "dask_target": 1.3,
        "dask_pass": dask_ratio <= 1.3,
    }


def runners_markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    labels = {"workers_1": "`--workers 1` (pool)", "workers_2": "`--workers 2` (pool)",
              "dask_2": "`--workers 2 --dask-address tcp://…` (Dask, 2 worker processes)"}
    lines = [
        f"### Workers 1 / 2 and Dask: the extraction part of {res['files']} prose PDFs ({res['pages']} pages)",
        "",
        (f"{m['date']}; {m['cpu']}, {m['cores']} cores, Python {m['python']}; load average at start "
         f"{', '.join(map(str, m['load_avg_start']))}, at end {', '.join(map(str, res['load_avg_end']))}. "
         f"batch.json's `process` step of `cchc ingest --no-db`, {res['runs']} cold runs each (1 and 2 "
         "workers interleaved, then the Dask runs: no Dask cluster is alive during the pool's runs), "
         "one Prefect server for all (`PREFECT_API_URL`). Command: `.venv/bin/python bench/bench_scale.py "
         f"--runners --runs {res['runs']} --batch {res['files']}`."),
        "",
        ("| Runner | process step, median (spread) | pages/s | wall, median | CPU s of the run, median: cchc's "
         "process / its pool / Prefect server | load (1 min) during the runs |"),
        "|---|---:|---:|---:|---|---|",
    ]

    def cpu(runs: list[dict[str, Any]], key: str) -> str:
        values = [r[key] for r in runs if key in r]
        return f"{statistics.median(values):.2f}" if values else "—"

    def pool_cpu(name: str, runs: list[dict[str, Any]]) -> str:
        return "— (the bench's cluster)" if name == "dask_2" else cpu(runs, "cpu_sampled_pool_s")

    for name, runs in res["results"].items():
        median = res["median_process_s"][name]
        lo, hi = res["spread_process_s"][name]
        lines.append(
            f"| {labels[name]} | {median:.2f} s ({lo:.2f}-{hi:.2f}) | {res['pages'] / median:.0f} | "
            f"{statistics.median(r['wall_s'] for r in runs):.2f} s | "
            f"{cpu(runs, 'cpu_sampled_cchc_own_s')} / {pool_cpu(name, runs)} / {cpu(runs, 'cpu_server_s')} | "
            f"{', '.join(str(r['load_1min']) for r in runs)} |"
        )
    lines += [
        "",
        "| Target (issue 15) | Value | Target | |",
        "|---|---:|---:|---|",
        (f"| 2 workers against 1 (1 worker's time / 2 workers') | {res['speedup_2_over_1']:.2f}x | >= 1.7x | "
        f"{'pass' if res['speedup_pass'] else 'FAIL'} |"),
        (f"| Dask cluster of 2 worker processes against the local pool of 2 | {res['dask_over_pool']:.2f}x | "
        f"<= 1.3x | {'pass' if res['dask_pass'] else 'FAIL'} |"),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="reports in the batch (default 1000)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workers", type=int, default=None, help="cchc ingest --workers (default: its own)")
    parser.add_argument("--store-runs", type=int, default=3, help="cold runs of the store step per backend")
    parser.add_argument(
        "--pg", action="store_true", help="also time the store step on a throwaway PostgreSQL"
    )
    parser.add_argument("--keep", action="store_true", help="keep the output folder (printed)")
    parser.add_argument("--runners", action="store_true",
                        help="issue 15 instead: the extraction part of --batch files with 1 and 2 workers and on Dask")
    parser.add_argument("--batch", type=int, default=120, help="files in the --runners batch (default 120)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs of each runner with --runners (default 3)")
    args = parser.parse_args()
    if args.runners:
        res = {"machine": machine(), **bench_runners(args.batch, args.runs, args.seed)}
        res["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "runners.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
        md = runners_markdown(res)
        (RESULTS / "runners.md").write_text(md, encoding="utf-8")
        print(md)
        return

    res: dict[str, Any] = {"n": args.n, "machine": machine()}
    t0 = time.perf_counter()
    docs = corpus_mod.build_scale_corpus(args.n, args.seed, log=print)
    res["corpus_build_s"] = round(time.perf_counter() - t0, 1)
    kinds: dict[str, int] = {}
    for d in docs:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    res["corpus"] = ", ".join(f"{k} {v}" for k, v in kinds.items()) + f" (seed {args.seed})"
    inbox = Path(docs[0].path).parent
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-scale-"))
    try:
        print(f"ingesting {args.n} reports from {inbox} ...", flush=True)
        res["ingest"] = run_ingest(inbox, work, args.workers)
        res["right"] = count_right(Path(res["ingest"]["out"]), docs)
        print("store step ...", flush=True)
        res["store"] = bench_store(Path(res["ingest"]["out"]) / "records", work, args.store_runs, args.pg)
        res["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"scale-{args.n}.json").write_text(
        json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    md = markdown(res)
    (RESULTS / f"scale-{args.n}.md").write_text(md, encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
