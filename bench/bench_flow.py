"""Benchmark of `cchc ingest` (the Prefect flow) against direct calls. Not a test.

    .venv/bin/python bench/bench_flow.py [--n 100] [--skip-startup]

Measures, on N generated copies of samples/*.pdf|docx|txt (each copy's bytes made unique):
- direct calls of the plain per-document function, in one process (the floor);
- the flow through the CLI in a fresh process, workers 1 and 2 (wall, start-up included, and inside the flow);
- the second run on the same inbox (cache) against the first;
- Prefect start-up (first flow of a fresh process): Prefect's raw defaults, Prefect's own temporary
  server with cchc's environment, and the server cchc starts early; each with a fresh and an
  existing PREFECT_HOME.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="documents in the batch (default 100)")
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()

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
