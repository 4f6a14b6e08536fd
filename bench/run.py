"""The cchc benchmark (`make bench`): speed, start-up and memory on a generated corpus, one run, one machine.

    .venv/bin/python bench/run.py [--quick] [--no-flow] [--no-scans] [--seed N]
    .venv/bin/python bench/run.py --direct docx     # only one format's direct calls (prose, table, docx)

Builds (or reuses) bench/corpus/ (bench/corpus.py: invented communes, 2-60 pages, digital prose PDF,
table-heavy PDF, DOCX, scans when tesseract is installed), then measures:
- direct calls of ``cchc.api.extract_file`` (read + extract + check), per format: 3 cold runs, each a
  fresh process extracting every document once; median and spread (never the best run); and the same
  split into read / extract / check;
- reference points on the same PDFs: ``pdftotext`` (a process per file), pdfplumber's
  ``page.extract_text()``, pypdfium2's ``get_text_range()``;
- start-up: ``cchc --help`` and ``cchc extract`` of a 10-page PDF, median and spread of 5 fresh
  processes; what spaCy's import costs a process and whether each command imports it;
- peak RSS of processes extracting 1, 100 and 1,000 documents in sequence;
- a pyinstrument profile of the digital prose PDF path on ~50 pages (bench/results/profile.txt);
- bench/bench_flow.py (the Prefect flow), when present, as a subprocess; its JSON is merged.
Prints a table; writes bench/results/latest.json and latest.md; a full run also refreshes the table
quoted in bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(BENCH))

import corpus as corpus_mod

PACKAGES = (
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "python-docx",
    "lxml",
    "regex",
    "spacy",
    "pydantic",
    "prefect",
    "click",
    "rich",
    "reportlab",
    "pillow",
    "pyinstrument",
)

# Targets of issue 15 (speed, as a user sees it) and issue 6 (memory, flow): (key, label, comparison, threshold, unit)
TARGETS: list[tuple[str, str, str, float, str]] = [
    ("prose_pages_per_s", "Digital prose PDF, read+extract+check, 1 core, after start-up", ">=", 150, "pages/s"),
    ("table_pages_per_s", "Table-heavy PDF, read+extract+check, 1 core, after start-up", ">=", 100, "pages/s"),
    ("docx_docs_per_s", "DOCX, read+extract+check, 1 core, after start-up", ">=", 60, "docs/s"),
    ("help_s", "`cchc --help` wall (median of 5 fresh processes)", "<=", 0.3, "s"),
    ("extract10_s", "`cchc extract` 10-page PDF wall, start-up included (median of 5)", "<=", 1.0, "s"),
    ("rss_max_mb", "Peak RSS, largest batch", "<", 400, "MB"),
    ("rss_growth", "Peak RSS growth, 100 docs -> largest batch (flat)", "<=", 1.10, "x"),
    ("flow_overhead", "Flow (workers 1) processing / direct calls", "<=", 1.25, "x"),
    ("prefect_startup_existing_s", "Prefect start-up, existing PREFECT_HOME (fastest configuration)", "<=", 4.0, "s"),
]


# ---------------------------------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    tools = {}
    for tool, args in (("pdftotext", ["-v"]), ("tesseract", ["--version"])):
        if shutil.which(tool):
            proc = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
            tools[tool] = (proc.stdout + proc.stderr).strip().splitlines()[0]
        else:
            tools[tool] = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "tools": tools,
        "load_avg_start": list(os.getloadavg()),
    }


# ---------------------------------------------------------------------------------------------------
# Direct calls
# ---------------------------------------------------------------------------------------------------


def correct(doc: corpus_mod.BuiltDoc, record: Any) -> bool:
    """The record states the overall score and every criterion score the builder wrote."""
    got = {c.code: c.score for c in record.criteria}
    return record.overall.score == doc.overall and all(got.get(k) == v for k, v in doc.criteria.items())


PASS_COMMAND = "{python} bench/run.py --pass {kind} --seed {seed}{quick}"


def one_pass(kind: str, quick: bool, seed: int, scans: bool) -> dict[str, Any]:
    """One cold pass (run in a fresh process by ``--pass``): start up, then extract_file each document once."""
    docs = [d for d in corpus_mod.build_corpus(quick=quick, seed=seed, scans=scans) if d.kind == kind]
    t0 = time.perf_counter()
    from cchc.api import extract_file

    # start-up: the import, and one call on the sample report of the same format (not measured below),
    # which loads what extract_file imports on first use (readers, spaCy) and fills one-time caches
    extract_file(ROOT / "samples" / ("minh-duc-2022.docx" if kind == "docx" else "minh-duc-2022.pdf"))
    imported = time.perf_counter() - t0
    per_doc = []
    for doc in docs:
        w0, c0 = time.perf_counter(), time.process_time()
        record = extract_file(doc.path)
        per_doc.append(
            {
                "file": Path(doc.path).name,
                "pages": doc.pages,
                "seconds": round(time.perf_counter() - w0, 4),
                "cpu_seconds": round(time.process_time() - c0, 4),
                "correct": correct(doc, record),
                "findings": len(record.findings),
                "ocr_pages": len(record.source.ocr_pages),
            }
        )
    return {"import_s": round(imported, 3), "per_doc": per_doc}


def _spread(values: list[float]) -> dict[str, Any]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "runs": [round(v, 3) for v in values],
    }


def bench_direct(kind: str, docs: list[corpus_mod.BuiltDoc], runs: int, quick: bool, seed: int,
                 scans: bool) -> dict[str, Any]:
    """``runs`` cold passes over the documents of ``kind``, each in a fresh process: median and spread.

    Each document is extracted once per pass (never the best of several passes). ``seconds`` is the
    time after start-up (importing cchc and one extract_file call on the sample report, which loads
    the readers and spaCy) in that process; ``process_s`` the whole process, start-up included.
    """
    command = [sys.executable, str(BENCH / "run.py"), "--pass", kind, "--seed", str(seed)]
    if quick:
        command.append("--quick")
    if not scans:
        command.append("--no-scans")
    passes = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        whole = time.perf_counter() - started
        if proc.returncode:
            raise RuntimeError(f"{' '.join(command)} failed: {proc.stderr[-1500:]}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        result["process_s"] = whole
        result["seconds"] = sum(d["seconds"] for d in result["per_doc"])
        result["cpu_seconds"] = sum(d["cpu_seconds"] for d in result["per_doc"])
        passes.append(result)
    pages = sum(d.pages for d in docs)
    seconds = _spread([p["seconds"] for p in passes])
    median_pass = sorted(passes, key=lambda p: p["seconds"])[len(passes) // 2]
    cpu = median_pass["cpu_seconds"]
    return {
        "command": PASS_COMMAND.format(python=".venv/bin/python", kind=kind, seed=seed,
                                      quick=" --quick" if quick else ""),
        "docs": len(docs),
        "pages": pages,
        "runs": runs,
        "seconds": seconds["median"],
        "seconds_spread": seconds,
        "process_s": _spread([p["process_s"] for p in passes]),
        "import_s": _spread([p["import_s"] for p in passes]),
        "cpu_seconds": round(cpu, 3),
        "pages_per_s": round(pages / seconds["median"], 1),
        "pages_per_s_spread": [round(pages / seconds["max"], 1), round(pages / seconds["min"], 1)],
        "docs_per_s": round(len(docs) / seconds["median"], 1),
        "pages_per_cpu_s": round(pages / cpu, 1) if cpu else None,
        "docs_per_cpu_s": round(len(docs) / cpu, 1) if cpu else None,
        "correct": min(sum(d["correct"] for d in p["per_doc"]) for p in passes),
        "per_doc": median_pass["per_doc"],
    }


def print_direct(kind: str, runs: int, quick: bool, seed: int, scans: bool) -> None:
    """``bench/run.py --direct KIND``: the direct-call figures of one format, with the load and the target."""
    docs = [d for d in corpus_mod.build_corpus(quick=quick, seed=seed, scans=scans) if d.kind == kind]
    started, load_start = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), os.getloadavg()[0]
    r = bench_direct(kind, docs, runs, quick, seed, scans)
    key, value, unit = (
        ("docx_docs_per_s", r["docs_per_s"], "docs") if kind == "docx" else (f"{kind}_pages_per_s", r["pages_per_s"], "pages")
    )
    verdict = next(v for v in verdicts({key: value}) if v["key"] == key)
    spread = r["seconds_spread"]
    print(
        f"{kind}: {r['docs']} docs, {r['pages']} pages, {runs} cold runs ({r['command']}), {started}, "
        f"load average (1 min) {load_start:.2f} at start, {os.getloadavg()[0]:.2f} at end\n"
        f"  after start-up: median {r['seconds']:.3f} s (spread {spread['min']:.3f}-{spread['max']:.3f}), "
        f"{value} {unit}/s; CPU of the median run {r['cpu_seconds']:.3f} s "
        f"({r['docs_per_cpu_s'] if kind == 'docx' else r['pages_per_cpu_s']} {unit} per CPU-second); "
        f"values right {r['correct']}/{r['docs']}\n"
        f"  target {verdict['target']}: {verdict['status']}"
    )


def bench_phases(docs: list[corpus_mod.BuiltDoc]) -> dict[str, float]:
    """The same documents split into read / extract / check (seconds, summed)."""
    from cchc.api import extract_file

    totals: dict[str, float] = {"read": 0.0, "extract": 0.0, "check": 0.0}
    gc.collect()
    for doc in docs:
        extract_file(Path(doc.path), timings=totals)  # the very function users call, timed by phase
    return {k: round(v, 4) for k, v in totals.items()}


# ---------------------------------------------------------------------------------------------------
# Reference points
# ---------------------------------------------------------------------------------------------------


def bench_references(pdfs: list[corpus_mod.BuiltDoc]) -> dict[str, Any]:
    import pdfplumber
    import pypdfium2 as pdfium

    pages = sum(d.pages for d in pdfs)
    out: dict[str, Any] = {"pages": pages, "docs": len(pdfs)}

    if shutil.which("pdftotext"):
        start = time.perf_counter()
        for d in pdfs:
            subprocess.run(["pdftotext", "-enc", "UTF-8", d.path, "-"], capture_output=True, check=True)
        seconds = time.perf_counter() - start
        out["pdftotext"] = {"seconds": round(seconds, 3), "pages_per_s": round(pages / seconds, 1)}
    else:
        out["pdftotext"] = {"error": "pdftotext not installed (apt-get install poppler-utils)"}

    gc.collect()
    start = time.perf_counter()
    for d in pdfs:
        with pdfplumber.open(d.path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    seconds = time.perf_counter() - start
    out["pdfplumber_extract_text"] = {"seconds": round(seconds, 3), "pages_per_s": round(pages / seconds, 1)}

    start = time.perf_counter()
    for d in pdfs:
        pdf = pdfium.PdfDocument(d.path)
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        pdf.close()
    seconds = time.perf_counter() - start
    out["pypdfium2_text"] = {"seconds": round(seconds, 3), "pages_per_s": round(pages / seconds, 1)}
    return out


# ---------------------------------------------------------------------------------------------------
# Start-up, memory
# ---------------------------------------------------------------------------------------------------


def wall(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False)
    return time.perf_counter() - start, proc.returncode


SPACY_SCRIPT = "import spacy; nlp = spacy.blank('xx'); nlp.add_pipe('sentencizer')"


def _imports_spacy(cmd: list[str]) -> float | None:
    """Seconds that importing spaCy (cumulative, ``-X importtime``) took inside ``cmd``; None when not imported."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    for line in proc.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "spacy":
            return int(parts[1]) / 1e6
    return None


def bench_startup(ten_pages: corpus_mod.BuiltDoc | None, runs: int = 5) -> dict[str, Any]:
    """Whole-process wall times of fresh processes (median and spread of ``runs``), and what spaCy costs."""
    cchc = str(BIN / "cchc")
    helps = [wall([cchc, "--help"]) for _ in range(runs)]
    out: dict[str, Any] = {
        "help_command": ".venv/bin/cchc --help",
        "help_s": _spread([t for t, _ in helps]),
        "help_exit": helps[0][1],
        "help_imports_spacy": _imports_spacy(["-m", "cchc", "--help"]) is not None,
    }
    bare = [wall([sys.executable, "-c", "pass"]) for _ in range(runs)]
    with_spacy = [wall([sys.executable, "-c", SPACY_SCRIPT]) for _ in range(runs)]
    out["spacy"] = {
        "command": f'.venv/bin/python -c "{SPACY_SCRIPT}"  minus  .venv/bin/python -c pass',
        "process_s": _spread([t for t, _ in with_spacy]),
        "python_s": _spread([t for t, _ in bare]),
        "cost_s": round(statistics.median(t for t, _ in with_spacy) - statistics.median(t for t, _ in bare), 3),
    }
    if ten_pages:
        extracts = [wall([cchc, "extract", ten_pages.path]) for _ in range(runs)]
        out.update(
            {
                "extract_command": f".venv/bin/cchc extract {Path(ten_pages.path).relative_to(ROOT)}",
                "extract_file": Path(ten_pages.path).name,
                "extract_pages": ten_pages.pages,
                "extract_s": _spread([t for t, _ in extracts]),
                "extract_exit": extracts[0][1],
                "extract_spacy_import_s": _imports_spacy(["-m", "cchc", "extract", ten_pages.path]),
            }
        )
    return out


MEMORY_SCRIPT = """
import json, resource, sys, time
from cchc.api import extract_file
files, n = json.loads(sys.argv[1]), int(sys.argv[2])
start = time.perf_counter()
after_first = None
for i in range(n):
    extract_file(files[i % len(files)])
    if i == 0:
        after_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"n": n, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "peak_after_first_kb": after_first, "seconds": time.perf_counter() - start}))
"""


def bench_memory(files: list[str], sizes: tuple[int, ...]) -> dict[str, Any]:
    """Peak RSS (ru_maxrss) of a fresh process extracting n documents in sequence, for each n."""
    runs = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, "-c", MEMORY_SCRIPT, json.dumps(files), str(n)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if proc.returncode:
            runs.append({"n": n, "error": proc.stderr.strip().splitlines()[-1:]})
            continue
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        runs.append(
            {
                "n": n,
                "peak_mb": round(data["peak_kb"] / 1024, 1),
                "peak_after_first_mb": round(data["peak_after_first_kb"] / 1024, 1),
                "seconds": round(data["seconds"], 2),
                "docs_per_s": round(n / data["seconds"], 1),
            }
        )
    ok = [r for r in runs if "peak_mb" in r]
    out: dict[str, Any] = {"files": [Path(f).name for f in files], "runs": runs}
    if len(ok) == len(runs) and len(ok) >= 2:
        out["max_mb"] = ok[-1]["peak_mb"]
        out["growth_mid_to_max"] = round(ok[-1]["peak_mb"] / ok[-2]["peak_mb"], 3)
    return out


# ---------------------------------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------------------------------


def _owner(path: str) -> str:
    """Which library (or cchc module) a source file belongs to."""
    if "site-packages/" in path:
        rest = path.split("site-packages/", 1)[1]
        return rest.split("/", 1)[0].removesuffix(".py")
    rel = path.replace(str(ROOT) + "/", "")
    if rel.startswith(("extractors/", "checker/", "schemas/", "cchc/", "report/", "pipeline/")):
        return rel.removesuffix(".py")
    if "/lib/python" in path:
        return "stdlib:" + path.rsplit("/", 1)[-1].removesuffix(".py")
    return rel


def bench_profile(docs: list[corpus_mod.BuiltDoc], target_pages: int = 50) -> dict[str, Any]:
    """pyinstrument over extract_file on ~target_pages pages of prose PDFs; text report to profile.txt."""
    from pyinstrument import Profiler

    from cchc.api import extract_file

    chosen: list[corpus_mod.BuiltDoc] = []
    pages = 0
    for doc in sorted(docs, key=lambda d: -d.pages):
        if pages + doc.pages <= target_pages * 1.2:
            chosen.append(doc)
            pages += doc.pages
    while pages < target_pages and docs:  # a small corpus: go round again
        chosen.append(docs[len(chosen) % len(docs)])
        pages += chosen[-1].pages

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for doc in chosen:
        extract_file(doc.path)
    profiler.stop()
    session = profiler.last_session
    total = session.duration

    self_by_fn: dict[str, float] = defaultdict(float)
    self_by_owner: dict[str, float] = defaultdict(float)
    phases: dict[str, float] = defaultdict(float)
    phase_names = {
        "read_document": "read",
        "extract_record": "extract",
        "check_record": "check",
        "file_sha256": "sha256",
    }

    def walk(frame: Any, phase: str | None) -> None:
        name = frame.function or ""
        if phase is None and name in phase_names and (frame.file_path or "").startswith(str(ROOT)):
            phase = phase_names[name]
            phases[phase] += frame.time
        own = 0.0 if frame.is_synthetic else frame.total_self_time  # [self]/thread frames repeat it
        if own:
            where = frame.file_path or "?"
            self_by_fn[f"{name} ({_owner(where)}:{frame.line_no})"] += own
            self_by_owner[_owner(where)] += own
        for child in frame.children:
            walk(child, phase)

    root = session.root_frame()
    if root is not None:
        walk(root, None)

    def top(table: dict[str, float], n: int) -> list[dict[str, Any]]:
        return [
            {"name": k, "seconds": round(v, 4), "share": round(v / total, 3)}
            for k, v in sorted(table.items(), key=lambda kv: -kv[1])[:n]
        ]

    text = profiler.output_text(unicode=True, color=False)
    lines = [
        (
            f"pyinstrument profile of cchc.api.extract_file on {len(chosen)} digital prose PDFs, {pages} pages, "
            f"{total:.2f} s ({pages / total:.1f} pages/s under the profiler)"
        ),
        "",
        "Time by phase (extract_file's children): "
        + ", ".join(
            f"{k} {v:.2f} s ({v / total:.0%})" for k, v in sorted(phases.items(), key=lambda kv: -kv[1])
        ),
        "",
        "Self time by library / module:",
        *[f"  {r['share']:6.1%}  {r['seconds']:7.3f} s  {r['name']}" for r in top(self_by_owner, 15)],
        "",
        "Self time by function:",
        *[f"  {r['share']:6.1%}  {r['seconds']:7.3f} s  {r['name']}" for r in top(self_by_fn, 25)],
        "",
        "Call tree (pyinstrument, top):",
        *text.splitlines()[:160],
    ]
    (RESULTS / "profile.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "docs": len(chosen),
        "pages": pages,
        "seconds": round(total, 3),
        "phases": {k: round(v, 4) for k, v in phases.items()},
        "by_owner": top(self_by_owner, 10),
        "by_function": top(self_by_fn, 12),
    }


# ---------------------------------------------------------------------------------------------------
# The Prefect flow benchmark (another script)
# ---------------------------------------------------------------------------------------------------


def bench_flow(quick: bool, timeout: float) -> dict[str, Any]:
    script = BENCH / "bench_flow.py"
    if not script.is_file():
        return {"status": "missing", "note": "bench/bench_flow.py is not there; flow not measured"}
    helptext = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout
    json_path = RESULTS / "flow.json"
    args: list[str] = []
    if "--json" in helptext:
        args += ["--json", str(json_path)]
    if quick:
        args += (["--n", "20"] if "--n" in helptext else []) + (
            ["--skip-startup"] if "--skip-startup" in helptext else []
        )
    if json_path.exists():
        json_path.unlink()
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, str(script), *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "args": args, "seconds": timeout}
    seconds = round(time.perf_counter() - start, 1)
    if proc.returncode or not json_path.is_file():
        return {
            "status": "failed",
            "args": args,
            "exit_code": proc.returncode,
            "seconds": seconds,
            "stderr_tail": proc.stderr.strip().splitlines()[-8:],
        }
    return {
        "status": "ok",
        "args": args,
        "seconds": seconds,
        "result": json.loads(json_path.read_text("utf-8")),
        "stdout": proc.stdout.strip().splitlines(),
    }


# ---------------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------------


def key_numbers(res: dict[str, Any]) -> dict[str, float | None]:
    direct = res["direct"]
    mem = res.get("memory", {})
    flow = res.get("flow", {}).get("result", {})
    startup = flow.get("startup", {})
    existing = [v for k, v in startup.items() if k.endswith("_existing")]
    return {
        "prose_pages_per_s": direct.get("prose", {}).get("pages_per_s"),
        "table_pages_per_s": direct.get("table", {}).get("pages_per_s"),
        "docx_docs_per_s": direct.get("docx", {}).get("docs_per_s"),
        "help_s": res["startup"]["help_s"]["median"],
        "extract10_s": res["startup"].get("extract_s", {}).get("median"),
        "rss_max_mb": mem.get("max_mb"),
        "rss_growth": mem.get("growth_mid_to_max"),
        "flow_overhead": flow.get("ratios", {}).get("flow_w1_inside_over_direct"),
        "prefect_startup_existing_s": min(existing) if existing else None,
    }


def verdicts(numbers: dict[str, float | None]) -> list[dict[str, Any]]:
    out = []
    for key, label, op, threshold, unit in TARGETS:
        value = numbers.get(key)
        if value is None:
            status = "not measured"
        else:
            ok = {">=": value >= threshold, "<": value < threshold, "<=": value <= threshold}[op]
            status = "pass" if ok else "FAIL"
        out.append(
            {
                "key": key,
                "label": label,
                "target": f"{op} {threshold:g} {unit}",
                "unit": unit,
                "value": None if value is None else round(value, 3),
                "status": status,
            }
        )
    return out


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g} {unit}" if value < 10 else f"{value:,.0f} {unit}"


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        f"# cchc benchmark — {res['started']}{' (quick)' if res['quick'] else ''}",
        "",
        (
            f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}, Python {m['python']}; "
            f"load average (1 min) at start {m['load_avg_start'][0]:.2f}, at end "
            f"{m.get('load_avg_end', [float('nan')])[0]:.2f}: a machine shared with other work, so figures "
            f"are what a user of such a machine sees. Corpus: {res['corpus']['summary']} "
            f"(seed {res['seed']}). Run took {res['run_seconds']:.0f} s."
        ),
        "",
        "## Targets (issues 15 and 6)",
        "",
        "| Measure | Value | Target | |",
        "|---|---:|---:|---|",
    ]
    for v in res["verdicts"]:
        lines.append(f"| {v['label']} | {fmt(v['value'], v['unit'])} | {v['target']} | {v['status']} |")
    lines += [
        "",
        "## Direct calls per format (`cchc.api.extract_file`, one core)",
        "",
        (
            f"Each format: {next(iter(res['direct'].values()))['runs']} cold runs, each a fresh process that "
            "starts up (imports cchc, extracts the sample report of the same format, which loads the readers "
            "and spaCy) and then extracts every document once (`--pass`). Seconds: median of the runs after "
            "start-up, with the spread (fastest-slowest run); start-up and the whole process beside them. "
            "CPU time (of the median run) alongside: what one free core would take on this shared machine."
        ),
        "",
        (
            "| Format | Docs | Pages | Seconds (spread) | Pages/s | Docs/s | Start-up s | Whole process s | "
            "Pages/CPU-s | Values right | read / extract / check (s) | Command |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for kind, d in res["direct"].items():
        ph = res["phases"].get(kind, {})
        split = " / ".join(f"{ph.get(k, 0):.2f}" for k in ("read", "extract", "check")) if ph else "—"
        # OCR runs in tesseract processes, which this process's CPU time does not count
        cpu = "—" if kind == "scan" or d["pages_per_cpu_s"] is None else f"{d['pages_per_cpu_s']:.1f}"
        sp = d["seconds_spread"]
        lines.append(
            f"| {kind} | {d['docs']} | {d['pages']} | {d['seconds']:.2f} ({sp['min']:.2f}-{sp['max']:.2f}) | "
            f"{d['pages_per_s']:.1f} | {d['docs_per_s']:.1f} | {d['import_s']['median']:.2f} | "
            f"{d['process_s']['median']:.2f} | {cpu} | {d['correct']}/{d['docs']} | {split} | `{d['command']}` |"
        )
    refs = res.get("references", {})
    if refs:
        kinds = list(refs)
        lines += [
            "",
            "## Reference points on the same PDFs (pages/s)",
            "",
            "| Reader | "
            + " | ".join(f"{k} PDFs ({refs[k]['docs']} docs, {refs[k]['pages']} pages)" for k in kinds)
            + " |",
            "|---|" + "---:|" * len(kinds),
        ]
        lines.append(
            "| cchc `extract_file` (read + extract + check) | "
            + " | ".join(f"{res['direct'][k]['pages_per_s']:.1f}" for k in kinds)
            + " |"
        )
        lines.append(
            "| cchc read only (`read_document`) | "
            + " | ".join(f"{refs[k]['pages'] / res['phases'][k]['read']:.1f}" for k in kinds)
            + " |"
        )
        for name, label in (
            ("pdftotext", "`pdftotext` (poppler), a process per file"),
            ("pdfplumber_extract_text", "pdfplumber `page.extract_text()` (naive baseline)"),
            ("pypdfium2_text", "pypdfium2 `get_text_range()` (in-process floor)"),
        ):
            cells = [
                str(refs[k].get(name, {}).get("pages_per_s", refs[k].get(name, {}).get("error", "—")))
                for k in kinds
            ]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    s = res["startup"]

    def spread(x: dict[str, Any]) -> str:
        return f"median {x['median']:.3f} s (spread {x['min']:.2f}-{x['max']:.2f}; runs {', '.join(f'{t:.2f}' for t in x['runs'])})"

    sp = s["spacy"]
    lines += [
        "",
        "## Start-up (fresh processes, wall time)",
        "",
        f"- `{s['help_command']}`: {spread(s['help_s'])}; imports spaCy: {'yes' if s['help_imports_spacy'] else 'no'}.",
    ]
    if "extract_s" in s:
        inside = s.get("extract_spacy_import_s")
        lines.append(
            f"- `{s['extract_command']}` ({s['extract_pages']} pages): {spread(s['extract_s'])}; exit "
            f"{s['extract_exit']}; spaCy import inside it: "
            + (f"{inside:.2f} s (`python -X importtime`)" if inside is not None else "not imported")
            + "."
        )
    lines.append(
        f"- spaCy's cost to a process (import, blank 'xx' pipeline, sentencizer): {sp['cost_s']:.2f} s = "
        f"{spread(sp['process_s'])} minus a bare Python {spread(sp['python_s'])} (`{sp['command']}`)."
    )
    mem = res.get("memory", {})
    if mem:
        lines += [
            "",
            "## Peak memory (ru_maxrss of a fresh process extracting N documents in sequence)",
            "",
            "| Documents | Peak RSS | RSS after the first | Seconds | Docs/s |",
            "|---:|---:|---:|---:|---:|",
        ]
        for r in mem["runs"]:
            if "peak_mb" in r:
                lines.append(
                    f"| {r['n']:,} | {r['peak_mb']:.0f} MB | {r['peak_after_first_mb']:.0f} MB | "
                    f"{r['seconds']:.1f} | {r['docs_per_s']:.1f} |"
                )
            else:
                lines.append(f"| {r['n']:,} | error: {r['error']} | | | |")
        lines.append(f"\nFiles cycled: {', '.join(mem['files'])}.")
    prof = res.get("profile")
    if prof:
        lines += [
            "",
            (
                f"## Profile: digital prose PDFs, {prof['pages']} pages (pyinstrument; full report in "
                "`profile.txt`)"
            ),
            "",
            "By phase: "
            + ", ".join(
                f"{k} {v / prof['seconds']:.0%}"
                for k, v in sorted(prof["phases"].items(), key=lambda kv: -kv[1])
            )
            + ".",
            "",
            "Self time by library/module: "
            + ", ".join(f"{r['name']} {r['share']:.0%}" for r in prof["by_owner"][:8])
            + ".",
            "",
            "Top functions by self time: "
            + "; ".join(f"`{r['name']}` {r['share']:.0%}" for r in prof["by_function"][:6])
            + ".",
        ]
        if res.get("analysis"):
            lines += ["", *res["analysis"]]
    flow = res.get("flow", {})
    lines += ["", "## Prefect flow (bench/bench_flow.py)", ""]
    if flow.get("status") == "ok":
        lines += ["```", *flow["stdout"], "```"]
    else:
        lines.append(
            f"Not measured: {flow.get('status', 'skipped')}. {flow.get('note', '')} "
            f"{' '.join(flow.get('stderr_tail', []))}".strip()
        )
    return "\n".join(lines) + "\n"


def analysis(res: dict[str, Any]) -> list[str]:
    """Plain statements derived from the numbers (what dominates, how it scales)."""
    out = []
    prose = res["direct"].get("prose", {}).get("per_doc", [])
    if len(prose) >= 2:
        small = [d for d in prose if d["pages"] <= 10]
        large = [d for d in prose if d["pages"] >= 25]
        if small and large:
            rs = sum(d["pages"] for d in small) / sum(d["seconds"] for d in small)
            rl = sum(d["pages"] for d in large) / sum(d["seconds"] for d in large)
            out.append(
                f"Scaling with length (prose PDFs): {rs:.0f} pages/s on documents of ≤10 pages, "
                f"{rl:.0f} pages/s on documents of ≥25 pages."
            )
    ph = res["phases"].get("prose")
    if ph:
        total = sum(ph.values())
        out.append(
            "Prose PDFs, measured phases: " + ", ".join(f"{k} {v / total:.0%}" for k, v in ph.items()) + "."
        )
    return out


def corpus_summary(docs: list[corpus_mod.BuiltDoc]) -> str:
    by: dict[str, list[int]] = defaultdict(list)
    for d in docs:
        by[d.kind].append(d.pages)
    return "; ".join(f"{k} {len(v)} docs / {sum(v)} pages ({min(v)}-{max(v)})" for k, v in by.items())


def update_readme(md: str) -> None:
    readme = BENCH / "README.md"
    if not readme.is_file():
        return
    text = readme.read_text("utf-8")
    start, end = "<!-- bench:latest -->", "<!-- /bench:latest -->"
    if start in text and end in text:
        body = md.split("\n", 2)[2]  # drop the title line
        body = re.sub(r"^## ", "### ", body, flags=re.MULTILINE)
        new = text.split(start)[0] + start + "\n" + body + end + text.split(end, 1)[1]
        readme.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="cchc benchmark: speed, start-up, memory (see bench/README.md)"
    )
    parser.add_argument("--quick", action="store_true", help="small corpus and batches, for development")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--no-flow", action="store_true", help="skip bench/bench_flow.py")
    parser.add_argument("--no-scans", action="store_true", help="skip scanned PDFs (OCR)")
    parser.add_argument("--flow-timeout", type=float, default=900.0)
    parser.add_argument("--runs", type=int, default=3, help="cold runs per format (fresh processes); the median counts")
    parser.add_argument("--pass", dest="one_pass", choices=("prose", "table", "docx", "scan"),
                        help="(internal) one cold pass over a format's documents; prints JSON")
    parser.add_argument("--direct", choices=("prose", "table", "docx"),
                        help="only the direct calls of one format (--runs cold passes): its line of the table and target")
    args = parser.parse_args()
    if args.one_pass:
        scans_on = not args.no_scans and shutil.which("tesseract") is not None
        print(json.dumps(one_pass(args.one_pass, args.quick, args.seed, scans_on)))
        return
    if args.direct:
        print_direct(args.direct, args.runs, args.quick, args.seed, not args.no_scans and shutil.which("tesseract") is not None)
        return

    run_start = time.perf_counter()
    RESULTS.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": args.quick,
        "seed": args.seed,
        "machine": machine_info(),
    }
    scans = not args.no_scans and shutil.which("tesseract") is not None
    print(
        f"cchc benchmark{' (quick)' if args.quick else ''} on {res['machine']['cpu']}, "
        f"{res['machine']['cores']} cores; building corpus…",
        flush=True,
    )
    t = time.perf_counter()
    docs = corpus_mod.build_corpus(quick=args.quick, seed=args.seed, scans=scans, log=print)
    res["corpus"] = {
        "seconds": round(time.perf_counter() - t, 1),
        "summary": corpus_summary(docs),
        "scans": scans
        if scans
        else "skipped (tesseract not installed)"
        if not args.no_scans
        else "skipped (--no-scans)",
    }
    kinds: dict[str, list[corpus_mod.BuiltDoc]] = defaultdict(list)
    for d in docs:
        kinds[d.kind].append(d)

    print("direct calls (cold runs, fresh processes)…", flush=True)
    res["direct"] = {
        kind: bench_direct(kind, kinds[kind], 1 if kind == "scan" else args.runs, args.quick, args.seed, scans)
        for kind in ("prose", "table", "docx", "scan")
        if kinds.get(kind)
    }
    # the split into phases is a breakdown, not a headline: measured in this process after one warm-up call
    from cchc.api import extract_file

    for kind in ("prose", "table", "docx"):
        if kinds.get(kind):
            extract_file(kinds[kind][0].path)
    res["phases"] = {
        kind: bench_phases(kinds[kind]) for kind in ("prose", "table", "docx") if kinds.get(kind)
    }
    print("reference readers…", flush=True)
    res["references"] = {
        kind: bench_references(kinds[kind]) for kind in ("prose", "table") if kinds.get(kind)
    }
    print("start-up…", flush=True)
    ten = next((d for d in kinds["prose"] if d.pages == 10), None)
    res["startup"] = bench_startup(ten)
    print("memory…", flush=True)
    small = [d.path for d in kinds["prose"][:3] + kinds["table"][:1] + kinds["docx"][:2]]
    res["memory"] = bench_memory(small, (1, 20, 100) if args.quick else (1, 100, 1000))
    print("profile…", flush=True)
    res["profile"] = bench_profile(kinds["prose"], target_pages=30 if args.quick else 50)
    res["analysis"] = analysis(res)
    if args.no_flow:
        res["flow"] = {"status": "skipped (--no-flow)"}
    else:
        print("Prefect flow (bench/bench_flow.py)…", flush=True)
        res["flow"] = bench_flow(args.quick, args.flow_timeout)

    res["machine"]["load_avg_end"] = list(os.getloadavg())
    res["key_numbers"] = key_numbers(res)
    res["verdicts"] = verdicts(res["key_numbers"])
    res["run_seconds"] = round(time.perf_counter() - run_start, 1)
    (RESULTS / "latest.json").write_text(
        json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    md = markdown(res)
    (RESULTS / "latest.md").write_text(md, encoding="utf-8")
    if not args.quick:
        update_readme(md)

    print()
    width = max(len(v["label"]) for v in res["verdicts"])
    for v in res["verdicts"]:
        print(f"  {v['label']:<{width}}  {fmt(v['value'], v['unit']):>12}  {v['target']:>14}  {v['status']}")
    for kind, d in res["direct"].items():
        print(
            f"  direct {kind:<6} {d['docs']:>3} docs {d['pages']:>4} pages  {d['pages_per_s']:>7.1f} pages/s "
            f"{d['docs_per_s']:>6.1f} docs/s  values right {d['correct']}/{d['docs']}"
        )
    for kind, ref in res["references"].items():
        for name in ("pdftotext", "pdfplumber_extract_text", "pypdfium2_text"):
            print(f"  reference {kind:<6} {name:<24} {ref.get(name, {}).get('pages_per_s', '—')} pages/s")
    print(
        f"wrote {RESULTS / 'latest.json'}, {RESULTS / 'latest.md'}, {RESULTS / 'profile.txt'} "
        f"({res['run_seconds']:.0f} s)"
    )


if __name__ == "__main__":
    main()
