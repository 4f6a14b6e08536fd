"""`cchc ingest` end to end: the Prefect flow on the samples plus unreadable files (one session fixture)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.flow

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TRUTH = SAMPLES / "truth"


def _ingest_command() -> click.Command:
    """The registered `cchc ingest` when cchc.cli has it, else the command itself."""
    try:
        from cchc.cli import cli  # type: ignore[attr-defined]

        if isinstance(cli, click.Group) and "ingest" in cli.commands:
            return cli.commands["ingest"]
    except ImportError:
        pass
    from cchc._cli_ingest import ingest

    return ingest


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    batch: dict[str, Any]
    mtimes: dict[str, float]
    records: dict[str, dict[str, Any]]
    findings_csv: bytes


@dataclass
class Runs:
    inbox: Path
    out: Path
    first: Run
    second: Run
    changed: Run
    changed_file: Path
    dask: Run
    dask_out: Path


def _run(args: list[str], out: Path) -> Run:
    start = time.perf_counter()
    result = CliRunner().invoke(_ingest_command(), [*args, "--no-progress"], catch_exceptions=False)
    seconds = time.perf_counter() - start
    batch = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    files = sorted((out / "records").glob("*.json"))
    mtimes = {p.name: p.stat().st_mtime_ns for p in files}
    records = {f"records/{p.name}": json.loads(p.read_text(encoding="utf-8")) for p in files}
    csv_text = (out / "findings.csv").read_bytes()
    return Run(result.exit_code, result.stdout, result.stderr, seconds, batch, mtimes, records, csv_text)


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("ingest")
    inbox = root / "inbox"
    inbox.mkdir()
    for sample in sorted(SAMPLES.glob("*")):
        if sample.suffix in (".txt", ".pdf", ".docx"):
            shutil.copyfile(sample, inbox / sample.name)
    (inbox / "hỏng.pdf").write_bytes(os.urandom(4096))
    (inbox / "trống.docx").write_bytes(b"")
    (inbox / "ghi chú.pptx").write_bytes(b"PK\x03\x04")  # not a type extract reads: skipped, with its reason
    out = root / "results"
    first = _run([str(inbox), "--out", str(out), "--workers", "2"], out)
    second = _run([str(inbox), "--out", str(out), "--workers", "2"], out)
    changed_file = inbox / "minh-duc-2022.txt"
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = _run([str(inbox), "--out", str(out), "--workers", "2"], out)
    dask_inbox = root / "dask-inbox"
    dask_inbox.mkdir()
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", dask_inbox / "minh-duc-2022.txt")
    (dask_inbox / "hỏng.pdf").write_bytes(os.urandom(4096))
    dask_out = root / "dask-results"
    dask = _run([str(dask_inbox), "--out", str(dask_out), "--workers", "2", "--dask-address", "local",
                 "--review-form", "split"], dask_out)
    return Runs(inbox, out, first, second, changed, changed_file, dask, dask_out)


def _good_inputs(inbox: Path) -> list[Path]:
    return [p for p in sorted(inbox.iterdir()) if (TRUTH / f"{p.stem}.json").is_file()]


def test_first_run_outputs(runs: Runs) -> None:
    run = runs.first
    assert run.exit_code == 1, run.stderr
    counts = run.batch["counts"]
    good = _good_inputs(runs.inbox)
    assert counts["inputs"] == len(good) + 2
    assert counts["ok"] == counts["extracted"] == len(good)
    assert counts["failed"] == 2 and counts["cached"] == 0
    by_file = {Path(o["file"]).name: o for o in run.batch["outcomes"]}
    for path in good:
        outcome = by_file[path.name]
        assert outcome["status"] == "ok", outcome
        record = run.records[outcome["record"]]
        truth = json.loads((TRUTH / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert record["overall"]["score"] == truth["overall"]["score"], path.name
        assert record["meta"]["unit_name"] == truth["meta"]["unit_name"], path.name
        assert record["source"]["sha256"] == outcome["sha256"]
    assert by_file["minh-duc-2022.txt"]["status"] == "ok"
    txt = run.records[by_file["minh-duc-2022.txt"]["record"]]
    assert txt["overall"]["score"] == 83.97
    # same stem in several formats: unique record names
    names = sorted(o["record"] for o in run.batch["outcomes"] if o["record"])
    assert len(names) == len(set(names)) == len(good)
    assert run.batch["versions"]["schema"] == txt["schema_version"]
    assert {"cchc", "extractor", "schema", "framework", "prefect"} <= set(run.batch["versions"])


def test_failures_are_listed_with_their_message(runs: Runs) -> None:
    failures = {Path(f["file"]).name: f["error"] for f in runs.first.batch["failures"]}
    corrupt, empty = runs.inbox / "hỏng.pdf", runs.inbox / "trống.docx"
    assert failures == {
        "hỏng.pdf": f"{corrupt}: not a PDF (no %PDF- header)",
        "trống.docx": f"{empty}: empty file (0 bytes)",
    }
    assert f"{corrupt}: not a PDF (no %PDF- header)" in runs.first.stderr
    assert f"{empty}: empty file (0 bytes)" in runs.first.stderr
    assert "Traceback" not in runs.first.stderr


def test_reports_and_csv(runs: Runs) -> None:
    html = (runs.out / "review.html").read_text(encoding="utf-8")
    assert "Minh Đức" in html and "hỏng.pdf" in html
    assert (runs.out / "review.md").read_text(encoding="utf-8").count("Minh Đức") >= 1
    assert f"Review: {runs.out / 'review.html'}" in runs.first.stdout
    raw = runs.first.findings_csv
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    txt_outcome = next(o for o in runs.first.batch["outcomes"] if o["file"].endswith("minh-duc-2022.txt"))
    record = runs.first.records[txt_outcome["record"]]
    txt_rows = [r for r in rows if r["file"] == txt_outcome["file"]]
    assert [(r["rule"], r["kind"], r["subject"]) for r in txt_rows] == [
        (f["rule"], f["kind"], f["subject"]) for f in record["findings"]
    ]
    assert sum(txt_outcome["counts"].values()) == len(record["findings"])
    batch_kinds = {f["kind"] for f in runs.first.batch["batch_findings"]}
    assert "duplicate_report" in batch_kinds  # the same report as .txt, .pdf and .docx
    assert len([r for r in rows if r["file"] == "(batch)"]) == len(runs.first.batch["batch_findings"])


def test_second_run_hits_the_cache(runs: Runs) -> None:
    run = runs.second
    assert run.exit_code == 1
    counts = run.batch["counts"]
    assert counts["extracted"] == 0 and counts["cached"] == runs.first.batch["counts"]["ok"]
    assert all(o["status"] == "cached" for o in run.batch["outcomes"] if o["record"])
    assert all(o["from_cache"] for o in run.batch["outcomes"])
    assert run.mtimes == runs.first.mtimes  # no record rewritten (how much faster it is: bench/bench_flow.py)


def test_changed_file_is_the_only_one_extracted(runs: Runs) -> None:
    counts = runs.changed.batch["counts"]
    assert counts["extracted"] == 1 and counts["cached"] == runs.first.batch["counts"]["ok"] - 1
    extracted = [o for o in runs.changed.batch["outcomes"] if o["status"] == "ok"]
    assert [Path(o["file"]).name for o in extracted] == [runs.changed_file.name]
    record = runs.changed.records[extracted[0]["record"]]
    assert record["overall"]["score"] == 83.97 and record["source"]["sha256"] == extracted[0]["sha256"]
    changed = {n for n in runs.changed.mtimes if runs.changed.mtimes[n] != runs.first.mtimes.get(n)}
    assert changed == {Path(extracted[0]["record"]).name}


def test_dask_local_cluster(runs: Runs) -> None:
    run = runs.dask
    assert run.exit_code == 1, run.stderr
    assert run.batch["runner"]["dask_address"] == "local"
    by_file = {Path(o["file"]).name: o for o in run.batch["outcomes"]}
    assert by_file["hỏng.pdf"]["status"] == "failed"
    record = json.loads((runs.dask_out / by_file["minh-duc-2022.txt"]["record"]).read_text(encoding="utf-8"))
    assert record["overall"]["score"] == 83.97


def test_review_form_split_is_an_index_and_a_page_per_report(runs: Runs) -> None:
    index = (runs.dask_out / "review.html").read_text(encoding="utf-8")
    assert 'href="review/minh-duc-2022.html"' in index and "12,7/15" not in index
    page = (runs.dask_out / "review" / "minh-duc-2022.html").read_text(encoding="utf-8")
    assert "12,7/15" in page and "../review.html" in page
    assert "12,7/15" in (runs.out / "review.html").read_text(encoding="utf-8")  # auto, 4 reports: one file
    assert not (runs.out / "review").exists()


def test_other_files_are_skipped_with_their_reason(runs: Runs) -> None:
    sheet = runs.inbox / "ghi chú.pptx"
    reason = "unsupported file type .pptx; ingest reads .pdf .docx .txt .doc .md .odt .rtf .text .xlsx"
    assert runs.first.batch["skipped"] == [{"file": str(sheet), "reason": reason}]
    assert runs.first.batch["counts"]["skipped"] == 1
    assert f"skipped {sheet}: {reason}" in runs.first.stderr
    assert ", 1 skipped; " in runs.first.stderr


def test_each_run_has_an_id_that_its_outputs_carry(runs: Runs) -> None:
    ids = [run.batch["run_id"] for run in (runs.first, runs.second, runs.changed)]
    assert len(set(ids)) == 3 and all(len(i) == 36 for i in ids)  # Prefect's flow-run ids (UUIDs)
    last = ids[-1]
    assert f'<meta name="cchc-run-id" content="{last}">' in (runs.out / "review.html").read_text(encoding="utf-8")
    assert (runs.out / "review.md").read_text(encoding="utf-8").endswith(f"<!-- cchc run {last} -->\n")
    # batch.json is written last: no output is newer than the manifest
    manifest = (runs.out / "batch.json").stat().st_mtime_ns
    assert all((runs.out / name).stat().st_mtime_ns <= manifest for name in ("review.html", "review.md",
                                                                             "findings.csv"))


def test_start_up_is_visible(runs: Runs) -> None:
    assert runs.first.stderr.startswith("starting Prefect…\n")
