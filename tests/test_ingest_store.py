"""`cchc ingest` and its store (issue 10, points 6, 7, 10): a failing store fails the run, batch.json is right
on the first run, --lang en reaches every output. Each test runs the Prefect flow once."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
from pathlib import Path

import pytest

from cchc.cli import main

pytestmark = pytest.mark.flow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _inbox(tmp_path: Path) -> Path:
    """The sample report of Minh Đức as DOCX, PDF and text: three versions of one unit and year."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for suffix in ("docx", "pdf", "txt"):
        shutil.copyfile(SAMPLES / f"minh-duc-2022.{suffix}", inbox / f"minh-duc-2022.{suffix}")
    return inbox


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ingest(*args: str) -> int:
    return main(["ingest", *args, "--workers", "1", "--no-progress"])


def test_one_version_is_current_on_the_first_run_and_english_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, db = tmp_path / "out", tmp_path / "store.sqlite"
    inbox = _inbox(tmp_path)
    (inbox / "hỏng.pdf").write_bytes(b"")  # unreadable: its reason is listed in English too
    assert _ingest(str(inbox), "--out", str(out), "--db", str(db), "--lang", "en") == 1
    summary = json.loads((out / "batch.json").read_text("utf-8"))
    flags = sorted(
        (Path(o["file"]).suffix, o["store_version"], o["store_current"])
        for o in summary["outcomes"]
        if o["status"] != "failed"
    )
    assert [current for *_, current in flags].count(True) == 1
    assert sorted(v for _, v, _ in flags) == [1, 2, 3]
    (newest,) = [f for f in flags if f[1] == 3]
    assert newest[2] is True
    assert [r["is_current"] for r in summary["store"]["records"]].count(True) == 1
    assert summary["store"]["status"] == "ok"

    html = (out / "review.html").read_text("utf-8")
    assert '<html lang="en">' in html and html.count("(current)") == 1 and "Criterion 1" in html
    assert "hiện hành" not in html and "Tiêu chí 1:" not in html
    assert "Unreadable files" in html and "empty file" in html and "Tệp không đọc được" not in html
    markdown = (out / "review.md").read_text("utf-8")
    assert "Criterion 1" in markdown and "Tiêu chí 1:" not in markdown
    rows = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text("utf-8-sig"))))
    percent = [r for r in rows if r["kind"] == "percent_mismatch" and r["subject"] == "1"]
    assert len(percent) == 3 and all(r["message"].startswith("Criterion 1") for r in percent)
    assert not any("Tiêu chí" in r["message"] for r in rows)


@pytest.mark.parametrize("where", ["postgresql", "sqlite"])
def test_a_store_that_cannot_be_written_fails_the_run_but_keeps_the_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    if where == "postgresql":
        db, named = f"postgresql://cchc@127.0.0.1:{_closed_port()}/cchc", "127.0.0.1"
    else:
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder", "utf-8")
        db, named = str(blocker / "store.sqlite"), str(blocker / "store.sqlite")
    out = tmp_path / "out"
    capsys.readouterr()
    assert _ingest(str(_inbox(tmp_path)), "--out", str(out), "--db", db) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "store" in line]
    assert len(lines) == 1 and named in lines[0] and "cannot write the store" in lines[0]
    assert "Traceback" not in err
    summary = json.loads((out / "batch.json").read_text("utf-8"))
    assert summary["store"]["status"] == "failed" and named in summary["store"]["error"]
    assert summary["counts"]["ok"] == 3 and summary["counts"]["failed"] == 0
    names = {o["name"] for o in summary["outcomes"]}
    assert len(names) == 3 and {p.stem for p in (out / "records").glob("*.json")} == names
    assert (out / "review.html").is_file() and (out / "findings.csv").is_file()

