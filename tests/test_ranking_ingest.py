"""`cchc ingest` with rankings in the inbox (issue 13): rankings and reports in any order, the
reconciliation in findings.csv, batch.json and the review, and --official FILE."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc.cli import cli

pytestmark = pytest.mark.flow


def _ingest(args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["ingest", *args, "--no-progress", "--no-db"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_ingest_reconciles_reports_with_the_ranking_in_the_same_inbox(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # the ranking sorts first in the folder listing here, after the report in samples/: order does not matter
    shutil.copyfile("samples/phu-lam-2023-chi-so-cchc.xlsx", inbox / "0-quyet-dinh-1146.xlsx")
    shutil.copyfile("samples/dong-hoa-2023.pdf", inbox / "dong-hoa-2023.pdf")
    shutil.copyfile("samples/dong-lac-2023.pdf", inbox / "dong-lac-2023.pdf")
    out = tmp_path / "out"
    _ingest([str(inbox), "--out", str(out), "--workers", "1"])
    batch = json.loads((out / "batch.json").read_text("utf-8"))
    kinds = sorted((f["kind"], f["subject"]) for f in batch["batch_findings"] if f["kind"] != "report_missing")
    assert kinds == [
        ("official_score_mismatch", "phường Đông Hòa: 9"),
        ("official_score_mismatch", "phường Đông Hòa: overall"),
        ("official_score_mismatch", "phường Đông Hòa: percent"),
    ]  # xã Đồng Lạc (huyện Kim Bảng) is not in thị xã Phú Lâm's ranking, and not flagged for it
    assert sum(f["kind"] == "report_missing" for f in batch["batch_findings"]) == 18
    ranking = json.loads((out / "records" / "0-quyet-dinh-1146.json").read_text("utf-8"))
    assert ranking["document_type"] == "ranking" and len(ranking["ranking"]["rows"]) == 19
    rows = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text("utf-8-sig"))))
    assert {r["kind"] for r in rows} >= {"official_score_mismatch", "report_missing", "ranking_percent_mismatch"}
    review = (out / "review.html").read_text("utf-8")
    assert "Kết quả công bố" in review and "<strong>89,88</strong>" in review


def test_ingest_official_option(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile("samples/dong-hoa-2023.pdf", inbox / "dong-hoa-2023.pdf")
    out = tmp_path / "out"
    _ingest([str(inbox), "--official", "samples/phu-lam-2023-chi-so-cchc.xlsx", "--out", str(out), "--workers", "1"])
    batch = json.loads((out / "batch.json").read_text("utf-8"))
    assert ("official_score_mismatch", "phường Đông Hòa: overall") in {
        (f["kind"], f["subject"]) for f in batch["batch_findings"]
    }
