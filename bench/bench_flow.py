"""Benchmark of `cchc ingest` (the Prefect flow) against direct calls. Not a test.

    .venv/bin/python bench/bench_flow.py [--n 100] [--skip-startup]
    .venv/bin/python bench/bench_flow.py --startup-only [--runs 5]   # issue 15's start-up targets only

Measures, on N generated copies of samples/*.pdf|docx|txt (each copy's bytes made unique):
- direct calls of the plain per-document function, in one process (the floor);
- the flow through the CLI in a fresh process, workers 1 and 2 (wall, start-up included, and inside the flow);
- the second run on the same inbox (cache) against the first;
- Prefect start-up (first flow of a fresh process): Prefect's raw defaults, Prefect's own temporary
  server with cchc's environment, and the server cchc starts early; each with a fresh and an
  existing PREFECT_HOME.
With --startup-only, what a user waits for (cold processes, an existing PREFECT_HOME, medians of
--runs): `cchc ingest` of one cached report, and its phases (server import, server ready, client
import, flow start, flow body); a cached re-run of 120 files; 6 cached files with a running server
(PREFECT_API_URL); and the temporary server alone, as Prefect starts it and as cchc does (seconds and
server CPU to /health, RSS, stop). Writes bench/results/startup.json.
Prints a table and writes bench/results/flow.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
RESULTS = ROOT / "bench" / "results"


def make_corpus(folder: Path, n: int) -> list[Path]:
    """N files cycling over the samples, each with unique bytes (so the content cache cannot help)."""
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = samples[i % len(samples)]
        dst = folder / f"{src.stem}-{i:04d}{src.suffix}"
        if src.suffix == ".txt":
            dst.write_text(src.read_text(encoding="utf-8") + f"\n\n{' ' * (i % 7)}\n", encoding="utf-8")
        elif src.suffix == ".pdf":
            dst.write_bytes(src.read_bytes() + f"\n% bench copy {i}\n".encode())
        else:
            shutil.copyfile(src, dst)
            with zipfile.ZipFile(dst, "a") as zf:
                zf.writestr(f"customXml/bench-{i}.txt", str(i))
        out.append(dst)
    return out


def bench_direct(files: list[Path], out: Path) -> dict[str, Any]:
    from cchc.pipeline import batch

    names = batch.output_names(files)
    batch.process_file(files[0], out / "warm", name="warm")  # imports, once
    start = time.perf_counter()
    outcomes = [batch.process_file(f, out, name=n) for f, n in zip(files, names)]
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "docs_per_s": len(files) / seconds,
            "ok": sum(o.status == "ok" for o in outcomes), "failed": sum(o.status == "failed" for o in outcomes)}


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    return env


def run_cli(inbox: Path, out: Path, workers: int, home: Path) -> dict[str, Any]:
    """`cchc ingest` in a fresh process; wall time and the flow's own timings from batch.json."""
    code = ("from cchc._cli_ingest import ingest; "
            f"ingest.main([{str(inbox)!r}, '--out', {str(out)!r}, '--workers', '{workers}', '--no-progress'])")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    summary = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    return {"wall": wall, "exit_code": proc.returncode, "flow": summary["timings"], "counts": summary["counts"],
            "stderr_tail": proc.stderr.strip().splitlines()[-3:]}


STARTUP_PREFECT = """
import time, sys
t0 = time.perf_counter()
from cchc.pipeline import prefect_env
{configure}
{early}
from prefect import flow, task
@task
def one(x): return x + 1
@flow
def f(): return one(1)
{wait}
{run}
print(time.perf_counter() - t0)
"""


def bench_startup(home: Path, early: bool, raw: bool = False) -> float:
    """Seconds from process start to the end of a one-task flow (Prefect imported in that process)."""
    code = STARTUP_PREFECT.format(
        configure="" if raw else "prefect_env.configure()",
        early="prefect_env.start_local_server()" if early else "",
        wait=("from prefect.settings import PREFECT_API_URL, temporary_settings\n"
              "prefect_env.wait_local_server()\n") if early else "",
        # what `cchc ingest` does around its flow (no heartbeats, events drained), for the cchc variant
        run=("from cchc.pipeline.flow import _without_heartbeats, _drain_events\n"
             "with _without_heartbeats():\n    f()\n_drain_events()") if early else "f()",
    )
    proc = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, check=True)
    return float(proc.stdout.strip().splitlines()[-1])


PHASES_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
from cchc.pipeline import prefect_env, run
marks = {}
def wrap(module, name, label):
    original = getattr(module, name)
    def wrapped(*a, **k):
        marks.setdefault(label + "_start", time.perf_counter() - t0)
        try:
            return original(*a, **k)
        finally:
            marks[label + "_end"] = time.perf_counter() - t0
    setattr(module, name, wrapped)
wrap(prefect_env, "start_local_server", "spawn")
wrap(prefect_env, "wait_local_server", "server_wait")
importer = run.import_module
def import_module(name):
    marks["client_import_start"] = time.perf_counter() - t0
    module = importer(name)
    marks["client_import_end"] = time.perf_counter() - t0
    import cchc.pipeline.flow as flow
    wrap(flow, "run_ingest", "run_ingest")
    wrap(flow, "_ingest", "flow_body")
    return module
run.import_module = import_module
from cchc._cli_ingest import ingest
try:
    ingest.main(sys.argv[1:])
except SystemExit:
    pass
marks["end"] = time.perf_counter() - t0
print(json.dumps(marks))
"""


def run_phases(inbox: Path, out: Path, home: Path, api_url: str | None = None) -> dict[str, float]:
    """`cchc ingest` in a fresh process with its phases timed (seconds since the process started)."""
    env = _env(home)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PHASES_SCRIPT, str(inbox), "--out", str(out), "--no-db",
                           "--no-progress"], env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the process tree (cchc, its Prefect server, the pool): what free cores would have to do
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    m = json.loads(proc.stdout.strip().splitlines()[-1])
    phases = {"wall": wall, "cpu": cpu, "process_end": m["end"], "client_import": m["client_import_end"] - m["client_import_start"],
              "flow_start": m["flow_body_start"] - m["run_ingest_start"],
              "flow_body": m["flow_body_end"] - m["flow_body_start"]}
    if not api_url and "server_wait_end" in m and "spawn_start" in m:  # our own server
        phases["server_ready"] = m["server_wait_end"] - m["spawn_start"]
        phases["waiting_for_server"] = m["server_wait_end"] - m["server_wait_start"]
    return phases


def _server_command(variant: str, port: int) -> tuple[list[str], dict[str, str]]:
    """The temporary server as Prefect starts its own ("prefect": uvicorn's command line on
    ``create_app``, PREFECT__SERVER_FINAL) or as cchc does ("cchc": pipeline/prefect_server.py)."""
    from cchc.pipeline import prefect_env

    if variant == "cchc":
        return [sys.executable, "-P", str(prefect_env.SERVER_SCRIPT), str(port)], dict(prefect_env.SERVER_ENVIRONMENT)
    import importlib.util

    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None
    return ([sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port), "--log-level",
             "error", "--lifespan", "on"],
            {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"})


def bench_server_start(home: Path, runs: int) -> dict[str, Any]:
    """Each server alone, alternately: seconds from spawn to /health, the server's CPU seconds then
    (``/proc/<pid>/stat``), its RSS, and the seconds SIGTERM takes to end it."""
    import socket
    import urllib.request

    from cchc.pipeline import prefect_env

    results: dict[str, list[dict[str, float]]] = {"prefect": [], "cchc": []}
    for _ in range(runs):
        for variant, found in results.items():
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                port = sock.getsockname()[1]
            command, server_env = _server_command(variant, port)
            env = {**_env(home), **prefect_env.prefect_environment(home=home), **server_env}
            start = time.perf_counter()
            server = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            try:
                while True:
                    assert server.poll() is None, f"the {variant} server exited with {server.returncode}"
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                            break
                    except OSError:
                        time.sleep(0.02)
                ready = time.perf_counter() - start
                with open(f"/proc/{server.pid}/stat", encoding="ascii") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{server.pid}/statm", encoding="ascii") as fh:
                    rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
                cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                stop = time.perf_counter()
                server.terminate()
                server.wait(timeout=30)
                found.append({"ready": ready, "cpu": cpu, "rss_mb": rss, "stop": time.perf_counter() - stop})
            finally:
                if server.poll() is None:
                    server.kill()
                    server.wait()
    return {variant: _median_phases(found) for variant, found in results.items()}


def _median_phases(runs: list[dict[str, float]]) -> dict[str, Any]:
    return {key: {"median": round(statistics.median(r[key] for r in runs), 3),
                  "min": round(min(r[key] for r in runs), 3), "max": round(max(r[key] for r in runs), 3)}
            for key in runs[0]}


def _load() -> float:
    return os.getloadavg()[0]


def bench_startup_targets(work: Path, runs: int) -> dict[str, Any]:
    """Issue 15's Prefect start-up targets, measured as a user meets them."""
    home = work / "prefect-home"
    one = work / "one"
    one.mkdir()
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", one / "minh-duc-2022.txt")
    many = make_corpus(work / "in120", 120)
    six = work / "in6"
    six.mkdir()
    for path in many[:6]:
        shutil.copyfile(path, six / path.name)
    res: dict[str, Any] = {"load_at_start": _load()}
    run_phases(one, work / "out-one", home)  # a fresh home migrates once, and the cache is filled
    server_import = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import prefect.server.api.server"], env=_env(home), check=True)
        server_import.append(time.perf_counter() - t)
    res["server_import"] = _median_phases([{"wall": t} for t in server_import])["wall"]
    res["server_start"] = bench_server_start(home, runs)
    res["one_cached"] = _median_phases([run_phases(one, work / "out-one", home) for _ in range(runs)])
    run_phases(work / "in120", work / "out120", home)  # first run: extracts the 120
    res["cached_120"] = _median_phases([run_phases(work / "in120", work / "out120", home) for _ in range(runs)])
    from cchc.pipeline import prefect_env

    os.environ["PREFECT_HOME"] = str(home)
    prefect_env.configure()
    server = prefect_env.start_local_server()
    try:
        prefect_env.wait_local_server()
        assert server is not None
        run_phases(six, work / "out6", home, server.api_url)
        res["running_server_6_cached"] = _median_phases(
            [run_phases(six, work / "out6", home, server.api_url) for _ in range(runs)])
    finally:
        prefect_env.stop_local_server()
    res["load_at_end"] = _load()
    one_s = res["one_cached"]["wall"]["median"]
    res["targets"] = {
        "startup_existing_home_le_4s": one_s <= 4.0,
        "cached_120_le_startup_plus_1s": res["cached_120"]["wall"]["median"] <= one_s + 1.0,
        "running_server_6_cached_le_2s": res["running_server_6_cached"]["wall"]["median"] <= 2.0,
    }
    return res


def print_startup(res: dict[str, Any]) -> None:
    def cell(x: dict[str, float]) -> str:
        return f"{x['median']:.2f} s ({x['min']:.2f}-{x['max']:.2f})"

    print(f"load average (1 min): {res['load_at_start']:.1f} at start, {res['load_at_end']:.1f} at end")
    print(f"  import prefect.server.api.server: {cell(res['server_import'])}")
    for variant, label in (("prefect", "as Prefect starts it"), ("cchc", "as cchc starts it")):
        r = res["server_start"][variant]
        print(f"  temporary server {label}: ready {cell(r['ready'])}, CPU until ready {cell(r['cpu'])}, "
              f"RSS {r['rss_mb']['median']:.0f} MB, stop {r['stop']['median']:.2f} s")
    for key, label in (("one_cached", "cchc ingest, 1 cached file"), ("cached_120", "cchc ingest, 120 cached files"),
                       ("running_server_6_cached", "PREFECT_API_URL, 6 cached files")):
        r = res[key]
        print(f"  {label}: wall {cell(r['wall'])}; " + ", ".join(f"{k} {v['median']:.2f}" for k, v in r.items()
                                                                if k != "wall"))
    for key, ok in res["targets"].items():
        print(f"  {key}: {'pass' if ok else 'FAIL'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="documents in the batch (default 100)")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--startup-only", action="store_true", help="only issue 15's start-up targets")
    parser.add_argument("--runs", type=int, default=5, help="cold runs per start-up measure (default 5)")
    args = parser.parse_args()
    if args.startup_only:
        work = Path(tempfile.mkdtemp(prefix="cchc-bench-startup-"))
        try:
            res = bench_startup_targets(work, args.runs)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        res |= {"machine": {"platform": platform.platform(), "python": platform.python_version(),
                            "cpus": os.cpu_count()}, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                "command": f".venv/bin/python bench/bench_flow.py --startup-only --runs {args.runs}"}
        print_startup(res)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "startup.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS / 'startup.json'}")
        return

    work = Path(tempfile.mkdtemp(prefix="cchc-bench-flow-"))
    home = work / "prefect-home"
    results: dict[str, Any] = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "n": args.n,
    }
    try:
        files = make_corpus(work / "inbox", args.n)
        results["direct"] = bench_direct(files, work / "direct")
        # warm PREFECT_HOME (migrations) so the flow runs below measure an existing home
        bench_startup(home, early=True)
        results["flow_w1"] = run_cli(work / "inbox", work / "out-w1", 1, home)
        results["flow_w2"] = run_cli(work / "inbox", work / "out-w2", 2, home)
        results["flow_w2_cached"] = run_cli(work / "inbox", work / "out-w2", 2, home)
        if not args.skip_startup:
            startup: dict[str, float] = {}
            variants = {"prefect_raw_defaults": (False, True), "prefect_own_server_cchc_env": (False, False),
                        "cchc_early_server": (True, False)}
            for label, (early, raw) in variants.items():
                fresh = work / f"home-{label}"
                startup[f"{label}_fresh"] = bench_startup(fresh, early, raw)
                # a user's second and later runs: median of 3, never the fastest
                startup[f"{label}_existing"] = statistics.median(bench_startup(fresh, early, raw) for _ in range(3))
            results["startup"] = startup
    finally:
        shutil.rmtree(work, ignore_errors=True)

    d, w1, w2, c = results["direct"], results["flow_w1"], results["flow_w2"], results["flow_w2_cached"]
    results["ratios"] = {
        "flow_w1_inside_over_direct": w1["flow"]["process"] / d["seconds"],
        "speedup_w2_over_w1_process": w1["flow"]["process"] / w2["flow"]["process"],
        "speedup_w2_over_w1_wall": w1["wall"] / w2["wall"],
        "cache_speedup_wall": w2["wall"] / c["wall"],
        "cache_speedup_flow": w2["flow"]["wall"] / c["flow"]["wall"],
    }
    rows = [
        ("direct calls, 1 process", f"{d['seconds']:.2f} s", f"{d['docs_per_s']:.1f} docs/s"),
        ("flow --workers 1 (wall / in flow)", f"{w1['wall']:.2f} s", f"{w1['flow']['wall']:.2f} s"),
        ("flow --workers 2 (wall / in flow)", f"{w2['wall']:.2f} s", f"{w2['flow']['wall']:.2f} s"),
        ("flow, second run (cache)", f"{c['wall']:.2f} s", f"{c['flow']['wall']:.2f} s"),
        ("flow w1 processing / direct", f"{results['ratios']['flow_w1_inside_over_direct']:.2f}x", ""),
        ("speed-up w2 / w1 (processing, wall)", f"{results['ratios']['speedup_w2_over_w1_process']:.2f}x",
         f"{results['ratios']['speedup_w2_over_w1_wall']:.2f}x"),
        ("cache speed-up (wall, in flow)", f"{results['ratios']['cache_speedup_wall']:.1f}x",
         f"{results['ratios']['cache_speedup_flow']:.1f}x"),
    ]
    for key, value in results.get("startup", {}).items():
        rows.append((f"start-up: {key}", f"{value:.2f} s", ""))
    width = max(len(r[0]) for r in rows)
    print(f"cchc ingest, {args.n} documents, {os.cpu_count()} CPUs")
    for label, a, b in rows:
        print(f"  {label:<{width}}  {a:>10}  {b:>10}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "flow.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS / 'flow.json'}")


if __name__ == "__main__":
    main()
