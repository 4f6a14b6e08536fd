"""The command line: every command has help with an example, and each does what it says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cchc.cli import cli, main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ROOT = SAMPLES.parent


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example" in out and f"cchc {name}" in out


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in cli.commands:
        assert f"cchc {name}" in readme


def test_extract_prints_the_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLES / "minh-duc-2022.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["overall"]["score"] == 83.97
    assert record["schema_version"].startswith("1.")
    assert {f["kind"] for f in record["findings"]} >= {"percent_mismatch", "year_mismatch"}


def test_extract_out_dir_writes_one_json_per_input(tmp_path: Path) -> None:
    files = [SAMPLES / "minh-duc-2022.txt", SAMPLES / "minh-duc-2022.docx"]
    out = tmp_path / "records"
    # two inputs with the same stem: the second would overwrite the first, so use one stem per run
    assert main(["extract", str(files[0]), str(SAMPLES / "phuoc-an-2021.docx"), "--out-dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["minh-duc-2022.json", "phuoc-an-2021.json"]
    assert json.loads((out / "phuoc-an-2021.json").read_text("utf-8"))["meta"]["unit_name"] == "Phước An"


def test_extract_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "trống.pdf"
    empty.write_bytes(b"")
    assert main(["extract", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "trống.pdf" in err and "empty" in err


def test_extract_png_behind_pdf_name_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert main(["extract", str(fake)]) == 2
    assert "image" in capsys.readouterr().err


def test_check_exit_code_follows_worst_severity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLES / "minh-duc-2022.txt"), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert any(f["kind"] == "percent_mismatch" and f["subject"] == "1" for f in findings)


def test_check_reads_a_record_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record_path = tmp_path / "r.json"
    assert main(["extract", str(SAMPLES / "minh-duc-2022.txt"), "--no-check", "-o", str(record_path)]) == 0
    capsys.readouterr()
    assert main(["check", str(record_path), "--format", "json", "--lang", "en"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert all(f["message_en"] for f in findings)


def test_check_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no-such-report.pdf"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_schema_command_matches_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    committed = json.loads((ROOT / "schemas" / "record.schema.json").read_text("utf-8"))
    assert printed == committed, "schemas/record.schema.json is stale: run `make schema`"
    assert {"source", "meta", "overall", "criteria", "indicators", "quantities", "references", "findings"} <= set(
        printed["properties"]
    )


def test_rules_lists_every_contract_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    kinds = {r["kind"] for r in json.loads(capsys.readouterr().out)}
    assert kinds >= {
        "percent_mismatch", "total_mismatch", "deduction_mismatch", "max_mismatch", "conflicting_values",
        "status_contradiction", "numbering_gap", "missing_criterion", "year_mismatch", "rank_out_of_range",
        "date_inconsistency", "malformed_number", "rank_order", "rank_total_mismatch", "duplicate_report",
    }


def test_report_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    assert main(["report", str(SAMPLES / "minh-duc-2022.txt"), "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    assert "Minh Đức" in html and "84,67" in html


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = "import sys; from cchc.cli import main; main(['--help']); print(sorted(m for m in ('prefect','spacy','pdfplumber','pydantic','docx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
