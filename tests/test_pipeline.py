"""Plain batch functions of cchc ingest (no Prefect): inputs, names, atomic writes, cache, failures, CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

import cchc
from cchc._files import atomic_write_bytes, atomic_write_json, atomic_write_text
from cchc.errors import UsageError
from cchc.pipeline import batch
from cchc.schemas.record import Evidence, Finding

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.txt"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.fixture(scope="module")
def sample_outcome(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, batch.Outcome]:
    """The real sample processed once: (input copy, out dir, outcome)."""
    root = tmp_path_factory.mktemp("sample")
    src = root / "inbox" / "minh-duc-2022.txt"
    src.parent.mkdir()
    shutil.copyfile(SAMPLE, src)
    out = root / "out"
    return src, out, batch.process_file(src, out)


def test_collect_inputs_folders_files_globs(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for rel in ["a.pdf", "c.TXT", "sub/b.docx", ".hidden.pdf", ".git/x.txt", "notes.pptx", "~$lock.docx",
                "results/old.txt", "sub/deeper/d.txt", "sub/annex.xlsx"]:
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_bytes(b"x")
    out = inbox / "results"
    gathered = batch.gather_inputs([inbox], out)
    got = gathered.paths
    assert [p.relative_to(inbox).as_posix() for p in got] == [
        "a.pdf", "c.TXT", "sub/annex.xlsx", "sub/b.docx", "sub/deeper/d.txt"  # .xlsx: published rankings
    ]  # fmt: skip
    # nothing dropped quietly: every other file (and hidden folder) is skipped with its reason
    skipped = {Path(s.file).relative_to(inbox).as_posix(): s.reason for s in gathered.skipped}
    assert skipped == {
        ".git": "hidden folder",
        ".hidden.pdf": "hidden file or folder",
        "notes.pptx": "unsupported file type .pptx; ingest reads .pdf .docx .txt .doc .md .odt .rtf .text .xlsx",
        "~$lock.docx": "Office lock file",
    }
    # a folder and a file in it: listed once; a glob; an explicit file of any suffix is kept
    got = batch.collect_inputs([inbox / "a.pdf", inbox, str(inbox / "sub" / "*.docx"), inbox / "notes.pptx"], out)
    assert [p.name for p in got] == ["a.pdf", "c.TXT", "annex.xlsx", "b.docx", "d.txt", "notes.pptx"]
    # globs follow the shell (case-sensitive here) and skip the output folder
    assert [p.name for p in batch.collect_inputs([str(inbox / "**" / "*.txt")], out)] == ["d.txt"]


def test_collect_inputs_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        batch.collect_inputs([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "x.pptx").write_bytes(b"x")
    with pytest.raises(UsageError, match=r"no inputs found \(\.pdf, \.docx, \.txt, \.doc, .*\.xlsx\) in .*; 1 skipped, "
                                         r"e\.g\. .*x\.pptx: unsupported file type \.pptx"):
        batch.collect_inputs([tmp_path / "empty"])


def test_output_names_unique_and_safe(tmp_path: Path) -> None:
    paths = [Path("x/Báo cáo xã.pdf"), Path("y/Báo cáo xã.docx"), Path("z/BÁO CÁO XÃ.txt"), Path("w/other.txt")]
    names = batch.output_names(paths)
    assert [n.rsplit("-", 1)[0] for n in names[:3]] == ["Báo cáo xã", "Báo cáo xã", "BÁO CÁO XÃ"]
    assert len({n.casefold() for n in names}) == 4 and names[3] == "other"
    nasty = batch.safe_name("../../etc/pass\\wd:\x00?")
    assert "/" not in nasty and "\\" not in nasty and "\x00" not in nasty and not nasty.startswith(".")
    records = tmp_path / "records"
    assert (records / f"{nasty}.json").resolve().parent == records.resolve()
    assert batch.safe_name(unicodedata.normalize("NFD", "Xã Minh Đức  2022")) == "Xã Minh Đức 2022"
    assert batch.safe_name("...") == "document"


def test_atomic_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "record.json"
    atomic_write_text(target, '{"old": true}')
    with pytest.raises(TypeError):
        atomic_write_bytes(target, object())  # type: ignore[arg-type]
    assert target.read_text() == '{"old": true}'
    assert [p.name for p in target.parent.iterdir()] == ["record.json"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()  # like open(), not mkstemp's 0o600
    atomic_write_json(target, {"đơn vị": "xã"})
    assert json.loads(target.read_text(encoding="utf-8")) == {"đơn vị": "xã"}
    assert "đơn vị" in target.read_text(encoding="utf-8")  # not \u-escaped


def test_cache_key_depends_on_content_and_every_version() -> None:
    deps = batch.versions()
    key = batch.cache_key("ab" * 32, deps)
    assert key == batch.cache_key("ab" * 32) and len(key) == 64
    assert key != batch.cache_key("cd" * 32, deps)
    for name in ("cchc", "extractor", "schema", "framework", "extraction_code", "frameworks"):
        assert batch.cache_key("ab" * 32, {**deps, name: deps[name] + "x"}) != key, name
    # one definition of the extractor version: the extractor's, also seen through the package
    from cchc.extractors.assemble import EXTRACTOR_VERSION

    assert deps["extractor"] == EXTRACTOR_VERSION == cchc.EXTRACTOR_VERSION


def test_cache_key_follows_the_framework_and_code_files(tmp_path: Path) -> None:
    """Editing a framework file or an extraction module changes the key; an unchanged tree does not."""
    frameworks = batch.framework_files()
    assert {p.name for p in frameworks} >= {"commune-index.toml", "hai-duong-2022-xa.toml"}
    code = batch.code_files()
    names = {p.name for p in code}
    assert {"assemble.py", "pdf.py", "docx.py", "framework.py", "api.py", "settings.py"} <= names
    copies = tmp_path / "frameworks"
    copies.mkdir()
    for path in frameworks:
        shutil.copyfile(path, copies / path.name)
    copied = sorted(copies.glob("*.toml"))
    before = batch.files_digest(copied)
    assert before == batch.files_digest(frameworks) == batch.files_digest(sorted(copied, reverse=True))
    hai_duong = copies / "hai-duong-2022-xa.toml"
    text = hai_duong.read_text(encoding="utf-8")
    assert "maxima" in text
    hai_duong.write_text(text.replace("[maxima]", "[maxima]\n# a corrected maximum\n", 1), encoding="utf-8")
    assert batch.files_digest(copied) != before
    hai_duong.write_text(text, encoding="utf-8")
    assert batch.files_digest(copied) == before
    # the digests are part of batch.json's versions and of the key
    deps = batch.versions()
    assert deps["frameworks"] == before[:16] and deps["extraction_code"] == batch.files_digest(code)[:16]


def test_process_file_writes_the_real_record(sample_outcome: tuple[Path, Path, batch.Outcome]) -> None:
    src, out, outcome = sample_outcome
    assert outcome.status == "ok", outcome.error
    assert outcome.record == "records/minh-duc-2022.json"
    assert outcome.sha256 == batch.file_sha256(SAMPLE)
    data = json.loads((out / outcome.record).read_text(encoding="utf-8"))
    assert data["overall"]["score"] == 83.97
    assert data["overall"]["rank"] == 8 and data["overall"]["rank_total"] == 23
    assert data["source"]["file"] == str(src)
    assert outcome.unit == data["meta"]["unit_name"] == "Minh Đức"
    severities = [f["severity"] for f in data["findings"]]
    assert outcome.counts == {s: severities.count(s) for s in batch.SEVERITIES}
    assert outcome.findings == len(data["findings"]) > 0


def test_cache_hit_miss_and_rename(sample_outcome: tuple[Path, Path, batch.Outcome], tmp_path: Path) -> None:
    src, out, outcome = sample_outcome
    cache = batch.Cache.load(out)
    cache.remember(outcome)  # written at once, one file per content
    again = batch.Cache.load(out)
    assert list(again.entries()) == [batch.cache_key(outcome.sha256 or "")]
    assert (out / ".cache" / "entries" / f"{batch.cache_key(outcome.sha256 or '')}.json").is_file()
    hit = again.lookup(src, "minh-duc-2022", batch.file_sha256(src))
    assert hit is not None and hit.status == "cached" and hit.from_cache
    assert hit.record == outcome.record and hit.counts == outcome.counts and hit.unit == "Minh Đức"
    # same content under another name: no extraction, the record is copied with the new source path
    other = tmp_path / "copy of report.txt"
    shutil.copyfile(src, other)
    hit = again.lookup(other, "copy of report", batch.file_sha256(other))
    assert hit is not None and hit.status == "cached" and hit.record == "records/copy of report.json"
    copied = json.loads((out / hit.record).read_text(encoding="utf-8"))
    assert copied["source"]["file"] == str(other) and copied["overall"]["score"] == 83.97
    # an edited framework or extraction code (other digests): a miss, so the document is extracted again
    for changed in ("frameworks", "extraction_code"):
        edited = batch.Cache(out, dependencies={**again.dependencies, changed: "0" * 16})
        assert edited.lookup(src, "minh-duc-2022", batch.file_sha256(src)) is None
    assert batch.Cache(out).lookup(src, "minh-duc-2022", batch.file_sha256(src)) is not None
    assert not again.any_missing([src]) and again.any_missing([src, tmp_path / "gone.txt"])
    # changed content: a miss
    other.write_text(src.read_text(encoding="utf-8") + "\nPhụ lục.\n", encoding="utf-8")
    assert again.lookup(other, "copy of report", batch.file_sha256(other)) is None


def test_failure_records_for_unreadable_inputs(tmp_path: Path) -> None:
    empty = tmp_path / "rỗng.pdf"
    empty.write_bytes(b"")
    png = tmp_path / "ảnh.docx"
    png.write_bytes(PNG_BYTES)
    out = tmp_path / "out"
    failed = batch.process_file(empty, out)
    assert failed.status == "failed" and failed.record is None
    assert failed.error == f"{empty}: empty file (0 bytes)"
    failed = batch.process_file(png, out)
    assert failed.status == "failed" and failed.error == f"{png}: an image, not a PDF, DOCX or text report"
    assert failed.sha256 == batch.file_sha256(png)
    assert not (out / "records").exists()
    # input failures are cached by content, internal errors are not
    cache = batch.Cache(out)
    cache.remember(failed)
    moved = tmp_path / "moved.docx"
    shutil.copyfile(png, moved)
    hit = cache.lookup(moved, "moved", batch.file_sha256(moved))
    assert hit is not None and hit.status == "failed" and hit.from_cache
    assert hit.error == f"{moved}: an image, not a PDF, DOCX or text report"

    def broken(path: Path, settings: cchc.Settings) -> object:
        raise ValueError("boom\nsecond line")

    crashed = batch.process_file(SAMPLE, out, extract=broken)  # type: ignore[arg-type]
    assert crashed.status == "failed" and crashed.error == "internal error: ValueError: boom second line"
    assert crashed.failure == "internal"
    cache2 = batch.Cache(tmp_path / "out2")
    cache2.remember(crashed)
    assert cache2.entries() == {}
    assert batch.exit_code([crashed]) == 1


def test_findings_csv_rows(sample_outcome: tuple[Path, Path, batch.Outcome], tmp_path: Path) -> None:
    src, out, outcome = sample_outcome
    records = batch.load_records(out, [outcome])
    assert len(records) == 1 and records[0].overall.score == 83.97
    batch_finding = Finding(
        rule="CCHC900", kind="rank_total_mismatch", severity="warning", subject="rank_total",
        message="Các xã ghi tổng số đơn vị xếp hạng khác nhau: 8/23 và 8/25", expected=23, actual=25,
        evidence=[Evidence(page=1, line=3, text="xếp thứ 8/25 xã, thị trấn")],
    )
    rows = batch.finding_rows(records, [batch_finding])
    assert len(rows) == len(records[0].findings) + 1
    assert all(r["file"] == str(src) and r["unit"] == "Minh Đức" for r in rows[:-1])
    assert {r["severity"] for r in rows} <= set(batch.SEVERITIES)
    path = batch.write_findings_csv(tmp_path / "findings.csv", rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(parsed[0]) == list(batch.CSV_COLUMNS)
    assert parsed[-1] == {
        "file": "(batch)", "unit": "", "rule": "CCHC900", "kind": "rank_total_mismatch", "severity": "warning",
        "subject": "rank_total", "message": "Các xã ghi tổng số đơn vị xếp hạng khác nhau: 8/23 và 8/25",
        "expected": "23", "actual": "25", "page": "1", "line": "3", "evidence": "xếp thứ 8/25 xã, thị trấn",
        "status": "open", "reason": "", "decided_by": "", "decided_at": "",  # no store: every finding open
    }
    assert [r["kind"] for r in parsed[:-1]] == [f.kind for f in records[0].findings]


def test_summary_counts_and_links(sample_outcome: tuple[Path, Path, batch.Outcome], tmp_path: Path) -> None:
    src, out, outcome = sample_outcome
    failed = batch.Outcome(str(tmp_path / "x.pdf"), "x", "failed", error=f"{tmp_path / 'x.pdf'}: not a PDF")
    summary = batch.batch_summary([outcome.file, failed.file], [outcome, failed], [], {"wall": 1.5})
    counts = summary["counts"]
    assert counts["inputs"] == 2 and counts["ok"] == 1 and counts["failed"] == 1 and counts["extracted"] == 1
    assert counts["findings"] == outcome.findings
    assert summary["failures"] == [{"file": failed.file, "error": failed.error}]
    assert summary["versions"]["extractor"] == cchc.EXTRACTOR_VERSION
    assert summary["counts"]["skipped"] == 0 and summary["skipped"] == []
    assert f"- `{failed.file}`: not a PDF\n" in batch.summary_markdown(summary)
    records = batch.load_records(out, [outcome])
    assert batch.source_links(out, records) == {str(src): "../inbox/minh-duc-2022.txt"}


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cchc._cli_ingest import ingest

    result = CliRunner().invoke(ingest, [str(tmp_path / "không-có"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'không-có'}: no such file or folder" in result.stderr
    (tmp_path / "only.pptx").write_bytes(b"x")
    result = CliRunner().invoke(ingest, [str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no inputs found" in result.stderr
    result = CliRunner().invoke(ingest, [str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.stderr
    assert not (tmp_path / "out").exists()


def test_start_up_status_is_a_spinner_on_a_terminal_and_one_line_otherwise() -> None:
    from rich.console import Console

    from cchc._cli_ingest import _starting

    plain = io.StringIO()
    with _starting(Console(file=plain, force_terminal=False, width=80)):
        pass
    assert plain.getvalue() == "starting Prefect…\n"
    terminal = io.StringIO()
    with _starting(Console(file=terminal, force_terminal=True, width=80)):
        pass
    shown = terminal.getvalue()
    assert "starting Prefect…" in shown and "\x1b[" in shown  # drawn (and cleared) with terminal codes


def test_a_prefect_server_that_dies_is_explained_in_one_line(tmp_path: Path) -> None:
    from cchc.pipeline.prefect_env import server_failure

    full = (
        "Traceback (most recent call last):\n  File \"sqlalchemy/engine/base.py\", line 1967, in _exec_single_context\n"
        "sqlite3.OperationalError: database or disk is full\n"
    )
    assert server_failure(3, full, tmp_path) == (
        f"the temporary Prefect server cannot write its home {tmp_path}: No space left on device"
    )
    other = "Traceback (most recent call last):\nModuleNotFoundError: No module named 'aiosqlite'\n\n"
    assert server_failure(1, other, tmp_path) == (
        "the temporary Prefect server exited with code 1: ModuleNotFoundError: No module named 'aiosqlite' "
        f"(log: {tmp_path / 'cchc-server.log'})"
    )
