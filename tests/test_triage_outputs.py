"""Issue 14: review.html, review.md and findings.csv carry each finding's triage status; a dismissed finding
is shown collapsed with its reason, who dismissed it and when. The plain functions the flow calls (store,
triage, report, CSV), then one real `cchc ingest` with a store (Prefect)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from cchc import extract_file
from cchc.pipeline import batch
from cchc.pipeline.store_step import store_batch
from cchc.report import render_html, render_markdown, write_report
from cchc.schemas.record import Record
from cchc.store import Store
from cchc.store.triage import current_findings, decide, decisions, status_lookup

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REASON = "Năm 2021 là năm triển khai, không phải lỗi"


@pytest.fixture(scope="module")
def sample() -> Record:
    return extract_file(SAMPLES / "minh-duc-2022.txt")


def _dismiss_year_mismatch(url: str) -> None:
    """A reviewer (lan) dismisses the closing year mismatch of the stored sample, as the web app does."""
    with Store(url) as store:
        (closing,) = [f for f in current_findings(store) if (f.finding.kind, f.finding.subject) == ("year_mismatch", "closing")]
        decide(store, closing.id, "dismissed", REASON, "lan")


def _li(html: str, kind: str, subject: str) -> str:
    """The <li> of the finding of ``kind`` about ``subject``."""
    for item in re.findall(r'<li class="finding .*?</li>', html, flags=re.DOTALL):
        if f"<code>{kind}</code>" in item and re.search(rf"<b>(<a [^>]*>)?{re.escape(subject)}(</a>)?</b>", item):
            return item
    raise AssertionError(f"no finding {kind}:{subject}")


def test_csv_and_reviews_carry_the_stored_decisions(sample: Record, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store_batch(url, [sample], [])
    _dismiss_year_mismatch(url)
    with Store(url) as store:
        status_of = status_lookup(decisions(store))

    rows = {(r["kind"], r["subject"]): r for r in batch.finding_rows([sample], status_of=status_of)}
    dismissed = rows[("year_mismatch", "closing")]
    assert (dismissed["status"], dismissed["reason"], dismissed["decided_by"]) == ("dismissed", REASON, "lan")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*", dismissed["decided_at"])
    assert rows[("percent_mismatch", "1")]["status"] == "open"
    assert rows[("percent_mismatch", "1")]["reason"] == rows[("percent_mismatch", "1")]["decided_by"] == ""

    html = render_html([sample], status_of=status_of)
    item = _li(html, "year_mismatch", "closing")
    assert "status-dismissed" in item and item.count("<details>") == 1
    summary = re.search(r"<summary>(.*?)</summary>", item, flags=re.DOTALL)
    assert summary and "Đã bỏ qua" in summary.group(1) and REASON in summary.group(1) and "lan" in summary.group(1)
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", summary.group(1))
    still_open = _li(html, "percent_mismatch", "1")
    assert "<details>" not in still_open and "status-open" in still_open and "Chưa xử lý" in still_open

    markdown = render_markdown([sample], status_of=status_of, lang="en")
    block = markdown[markdown.index("Dismissed — reason: " + REASON):]
    assert block.index("<details><summary>Dismissed</summary>") < block.index("</details>")
    assert "Status: **Open**" in markdown


def test_without_a_store_every_finding_is_open(sample: Record, tmp_path: Path) -> None:
    rows = batch.finding_rows([sample])
    assert rows and {r["status"] for r in rows} == {"open"} and {r["decided_by"] for r in rows} == {""}
    html = render_html([sample])
    items = re.findall(r'<li class="finding .*?</li>', html, flags=re.DOTALL)
    assert len(items) == len(sample.findings)
    assert all("status-open" in i and "<details>" not in i and "Chưa xử lý" in i for i in items)


def test_split_pages_show_the_status(sample: Record, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store_batch(url, [sample], [])
    _dismiss_year_mismatch(url)
    with Store(url) as store:
        status_of = status_lookup(decisions(store))
    paths = write_report(tmp_path / "out", [sample], form="split", status_of=status_of)
    (page,) = sorted(paths["pages"].glob("*.html"))
    item = _li(page.read_text("utf-8"), "year_mismatch", "closing")
    assert "<details>" in item and REASON in item
    (page_md,) = sorted(paths["pages"].glob("*.md"))
    assert "<details><summary>Đã bỏ qua</summary>" in page_md.read_text("utf-8")


@pytest.mark.flow
def test_ingest_again_after_a_dismissal(tmp_path: Path) -> None:
    """`cchc ingest` with a store, a reviewer dismisses one finding, the next run's outputs show it dismissed."""
    from cchc.cli import main

    inbox, out, db = tmp_path / "inbox", tmp_path / "out", tmp_path / "store.sqlite"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "minh-duc-2022.txt", inbox / "minh-duc-2022.txt")
    args = ["ingest", str(inbox), "--out", str(out), "--db", str(db), "--workers", "1", "--no-progress"]
    assert main(args) == 0
    first = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text("utf-8-sig"))))
    assert {r["status"] for r in first} == {"open"}
    _dismiss_year_mismatch(f"sqlite:///{db}")

    assert main(args) == 0
    rows = {(r["kind"], r["subject"]): r for r in csv.DictReader(io.StringIO((out / "findings.csv").read_text("utf-8-sig")))}
    assert list(next(iter(rows.values())))[-4:] == ["status", "reason", "decided_by", "decided_at"]
    assert (rows[("year_mismatch", "closing")]["status"], rows[("year_mismatch", "closing")]["reason"]) == ("dismissed", REASON)
    assert rows[("percent_mismatch", "1")]["status"] == "open"
    html = (out / "review.html").read_text("utf-8")
    assert "<details>" in _li(html, "year_mismatch", "closing") and REASON in html
    assert "<details>" not in _li(html, "percent_mismatch", "1")
    assert "<details><summary>Đã bỏ qua</summary>" in (out / "review.md").read_text("utf-8")


def test_a_hostile_reason_is_escaped(sample: Record, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store_batch(url, [sample], [])
    with Store(url) as store:
        (closing,) = [f for f in current_findings(store) if f.finding.kind == "year_mismatch"]
        decide(store, closing.id, "dismissed", "</summary><script>alert(1)</script> | *x*", "<b>mallory</b>")
        status_of = status_lookup(decisions(store))
    html = render_html([sample], status_of=status_of)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>mallory</b>" not in html and "&lt;b&gt;mallory&lt;/b&gt;" in html
    markdown = render_markdown([sample], status_of=status_of)
    assert "<script>" not in markdown and r"\<script\>alert(1)\</script\>" in markdown
