"""Command-line conventions (issue 10, points 5, 6, 10, 11): names, standard streams, languages, modes, Ctrl-C.

No Prefect here: extract, check, report, history and export only.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc.api import extract_file
from cchc.cli import cli, main
from cchc.errors import CchcError, InputError
from cchc.pipeline.batch import output_names

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MINH_DUC = {suffix: SAMPLES / f"minh-duc-2022.{suffix}" for suffix in ("pdf", "docx", "txt")}


def _invoke(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- 10.5 names


def test_extract_same_stem_in_three_folders_writes_three_records(tmp_path: Path) -> None:
    inputs = []
    for folder, suffix in (("a", "pdf"), ("b", "docx"), ("c", "txt")):
        (tmp_path / folder).mkdir()
        inputs.append(tmp_path / folder / f"x.{suffix}")
        shutil.copyfile(MINH_DUC[suffix], inputs[-1])
    out = tmp_path / "d"
    assert main(["extract", *map(str, inputs), "--out-dir", str(out)]) == 0
    written = {p.name: json.loads(p.read_text("utf-8")) for p in out.glob("*.json")}
    assert len(written) == 3
    assert sorted(r["source"]["file"] for r in written.values()) == sorted(map(str, inputs))
    assert {r["source"]["format"] for r in written.values()} == {"pdf", "docx", "txt"}
    assert all(r["overall"]["score"] == 83.97 for r in written.values())

    # a fourth input with the same stem: every earlier name still holds the same document
    (tmp_path / "0").mkdir()
    shutil.copyfile(MINH_DUC["txt"], tmp_path / "0" / "x.txt")
    again = tmp_path / "again"
    assert main(["extract", str(tmp_path / "0" / "x.txt"), *map(str, inputs), "--out-dir", str(again)]) == 0
    for name, record in written.items():
        assert json.loads((again / name).read_text("utf-8"))["source"]["file"] == record["source"]["file"]
    assert len(list(again.glob("*.json"))) == 4


def test_output_names_do_not_depend_on_order_or_on_other_files() -> None:
    alone = output_names([Path("inbox/x.pdf"), Path("inbox/y.txt")])
    assert alone == ["x", "y"]
    pair = output_names([Path("inbox/x.pdf"), Path("inbox/b/X.docx")])
    assert len({n.casefold() for n in pair}) == 2 and all(n.casefold().startswith("x-") for n in pair)
    grown = output_names([Path("inbox/a/x.txt"), Path("inbox/b/X.docx"), Path("inbox/x.pdf")])
    assert grown[2] == pair[0] and grown[1] == pair[1]  # a file sorted before them takes no one's name
    assert output_names([Path("inbox/x.pdf"), Path("inbox/b/X.docx")][::-1]) == pair[::-1]


def test_extract_out_dir_that_is_a_file_is_refused_before_writing(tmp_path: Path) -> None:
    target = tmp_path / "records"
    target.write_text("not a folder", "utf-8")
    code, _, err = _invoke("extract", str(MINH_DUC["txt"]), str(SAMPLES / "phuoc-an-2021.docx"), "--out-dir", str(target))
    assert code == 2 and "is a file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records"]


# --------------------------------------------------------------------------- 10.6 store paths


@pytest.mark.parametrize("command", [["history", "Minh Đức"], ["export", "--year", "2022"]])
def test_a_mistyped_store_path_is_an_error_and_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "stroe" / "cchc.sqlite"
    assert main([*command, "--db", str(typo)]) == 2
    assert not typo.exists() and not typo.parent.exists()


def test_a_mistyped_store_path_names_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "cchc.sqlit"
    assert main(["export", "--year", "2022", "--db", f"sqlite:///{typo}"]) == 2
    err = capsys.readouterr().err
    assert str(typo) in err and "no store" in err and len(err.strip().splitlines()) == 1


# --------------------------------------------------------------------------- 10.10 languages


def test_extract_and_check_json_messages_in_english(tmp_path: Path) -> None:
    code, out, _ = _invoke("extract", str(MINH_DUC["txt"]), "--lang", "en")
    assert code == 0
    findings = json.loads(out)["findings"]
    percent = next(f for f in findings if f["kind"] == "percent_mismatch" and f["subject"] == "1")
    assert percent["message"] == percent["message_en"] and "Criterion 1" in percent["message"]
    code, out, _ = _invoke("extract", str(MINH_DUC["txt"]))
    vi = next(f for f in json.loads(out)["findings"] if f["kind"] == "percent_mismatch" and f["subject"] == "1")
    assert "Tiêu chí 1" in vi["message"] and vi["message_en"] == percent["message_en"]

    code, out, _ = _invoke("check", str(MINH_DUC["docx"]), "--format", "json", "--lang", "en")
    assert code == 1
    messages = [f["message"] for f in json.loads(out)]
    assert messages and all(m == f["message_en"] for m, f in zip(messages, json.loads(out)))
    assert not any("Tiêu chí" in m for m in messages)


def test_the_vietnamese_check_table_has_vietnamese_headers() -> None:
    code, out, _ = _invoke("check", str(MINH_DUC["txt"]))
    text = out.decode("utf-8")
    assert code == 1
    for header in ("Quy tắc", "Mức độ", "Loại", "Đối tượng", "Nội dung", "Vị trí"):
        assert header in text
    assert "Severity" not in text and "Where" not in text and "lỗi" in text
    code, out, _ = _invoke("check", str(MINH_DUC["txt"]), "--lang", "en")
    assert "Severity" in out.decode("utf-8") and "Mức độ" not in out.decode("utf-8")


# --------------------------------------------------------------------------- 10.11 conventions


def test_dash_reads_standard_input_for_extract_and_check() -> None:
    code, out, _ = _invoke("extract", "-", stdin=MINH_DUC["pdf"].read_bytes())
    assert code == 0
    record = json.loads(out)
    assert record["source"]["file"] == "<stdin>" and record["source"]["format"] == "pdf"
    assert record["overall"]["score"] == 83.97
    code, out, _ = _invoke("check", "-", "--format", "json", stdin=out)  # a record JSON on standard input
    assert code == 1 and "percent_mismatch" in {f["kind"] for f in json.loads(out)}
    code, out, _ = _invoke("check", "-", "--format", "json", stdin=MINH_DUC["docx"].read_bytes())
    assert code == 1 and "year_mismatch" in {f["kind"] for f in json.loads(out)}


def test_unreadable_standard_input_is_named_stdin() -> None:
    code, _, err = _invoke("extract", "-", stdin=b"")
    assert code == 2 and "<stdin>" in err and "empty" in err


def test_dash_writes_standard_output_for_extract_and_report(tmp_path: Path) -> None:
    code, out, _ = _invoke("extract", str(MINH_DUC["txt"]), "-o", "-")
    assert code == 0 and json.loads(out)["meta"]["unit_name"] == "Minh Đức"
    code, out, _ = _invoke("report", "-", "-o", "-", stdin=MINH_DUC["txt"].read_bytes())
    html = out.decode("utf-8")
    assert code == 0 and html.startswith("<!DOCTYPE html>") and "Minh Đức" in html
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["review.pdf", "review.docx", "review"])
def test_report_refuses_an_output_it_cannot_write(tmp_path: Path, name: str) -> None:
    code, _, err = _invoke("report", str(MINH_DUC["txt"]), "-o", str(tmp_path / name))
    assert code == 2 and ".html" in err
    assert not (tmp_path / name).exists()


def test_output_files_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    assert main(["extract", str(MINH_DUC["txt"]), "-o", str(tmp_path / "record.json")]) == 0
    assert main(["extract", str(MINH_DUC["txt"]), "--out-dir", str(tmp_path / "records")]) == 0
    assert main(["report", str(MINH_DUC["txt"]), "-o", str(tmp_path / "review.html")]) == 0
    assert main(["schema", "-o", str(tmp_path / "schema.json")]) == 0
    written = [tmp_path / "record.json", tmp_path / "records" / "minh-duc-2022.json", tmp_path / "review.html",
               tmp_path / "schema.json"]
    assert {p.name: _mode(p) for p in written} == {p.name: 0o644 for p in written}


def test_ctrl_c_exits_130_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc.pipeline import batch

    def interrupted(src: str, dst: str) -> None:  # Ctrl-C while the file is being put in place
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.os, "replace", interrupted)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["extract", str(MINH_DUC["txt"]), "-o", str(out / "record.json")]) == 130
    assert main(["report", str(MINH_DUC["txt"]), "-o", str(out / "review.html")]) == 130
    assert main(["extract", str(MINH_DUC["txt"]), str(SAMPLES / "phuoc-an-2021.docx"), "--out-dir", str(out)]) == 130
    assert list(out.iterdir()) == []
    assert "interrupted" in capsys.readouterr().err


def test_missing_file_in_the_python_api_is_a_cchc_error(tmp_path: Path) -> None:
    from cchc.errors import MissingFileError

    with pytest.raises(MissingFileError) as caught:
        extract_file(tmp_path / "không có.pdf")
    assert isinstance(caught.value, InputError) and isinstance(caught.value, CchcError)
    assert isinstance(caught.value, FileNotFoundError)  # callers catching the built-in keep working
    assert str(caught.value) == f"{tmp_path / 'không có.pdf'}: no such file"
    code, _, err = _invoke("check", str(tmp_path / "record.json"))
    assert code == 2 and "no such file" in err


# --------------------------------------------------------------------------- history and export


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from cchc.pipeline.store_step import store_batch

    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'cchc.sqlite'}"
    store_batch(url, [extract_file(MINH_DUC["txt"])], [])
    return url


@pytest.mark.parametrize("typed", ["Minh Duc", "minh duc", "MINH ĐỨC", "Minh Đúc"])
def test_history_finds_a_name_typed_without_diacritics(store_url: str, typed: str) -> None:
    code, out, err = _invoke("history", typed, "--db", store_url, "--format", "json")
    if typed == "Minh Đúc":  # a different tone is another name, not a spelling of this one
        assert code == 2 and "no unit named" in err
        return
    assert code == 0 and json.loads(out)["unit_name"] == "Minh Đức"


def test_export_to_standard_output_has_the_bom_of_a_file(store_url: str, tmp_path: Path, umask_022: None) -> None:
    code, piped, _ = _invoke("export", "--year", "2022", "--db", store_url)
    assert code == 0 and piped.startswith(b"\xef\xbb\xbf")
    assert _invoke("export", "--year", "2022", "--db", store_url, "-o", "-")[1] == piped
    target = tmp_path / "x.csv"
    assert _invoke("export", "--year", "2022", "--db", store_url, "-o", str(target))[0] == 0
    assert target.read_bytes() == piped and _mode(target) == 0o644
    parquet = tmp_path / "x.parquet"
    assert _invoke("export", "--year", "2022", "--db", store_url, "--format", "parquet", "-o", str(parquet))[0] == 0
    assert _mode(parquet) == 0o644
    code, streamed, _ = _invoke("export", "--year", "2022", "--db", store_url, "--format", "parquet", "-o", "-")
    assert code == 0 and streamed[:4] == b"PAR1"


def test_extract_never_overwrites_the_record_of_another_document(tmp_path: Path) -> None:
    for folder, suffix in (("a", "txt"), ("b", "docx")):
        (tmp_path / folder).mkdir()
        shutil.copyfile(MINH_DUC[suffix], tmp_path / folder / f"x.{suffix}")
    out = tmp_path / "d"
    assert main(["extract", str(tmp_path / "a" / "x.txt"), "--out-dir", str(out)]) == 0
    before = (out / "x.json").read_bytes()
    code, _, err = _invoke("extract", str(tmp_path / "b" / "x.docx"), "--out-dir", str(out))
    assert code == 2 and "x.json" in err and "not overwriting" in err
    assert (out / "x.json").read_bytes() == before and sorted(p.name for p in out.iterdir()) == ["x.json"]
    # the same document again (here under another spelling of its path) is rewritten in place
    assert main(["extract", str(tmp_path / "a" / ".." / "a" / "x.txt"), "--out-dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["x.json"]


READ_SYSCALL = {"x86_64": 0, "aarch64": 63}


def _waits_on_stdin(pid: int) -> bool:
    """True when the process is blocked in read(0, …) (Linux /proc), i.e. inside the command."""
    import platform

    fields = Path(f"/proc/{pid}/syscall").read_text().split()
    return len(fields) > 1 and fields[0] == str(READ_SYSCALL[platform.machine()]) and int(fields[1], 16) == 0


@pytest.mark.parametrize("command", [["extract", "-", "-o"], ["report", "-", "-o"]])
def test_a_real_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path, command: list[str]) -> None:
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / ("x.json" if command[0] == "extract" else "x.html")
    # started as a terminal starts it: a suite run as a background job (`make test &`) has SIGINT
    # ignored, which a child inherits and rightly keeps; a handler here is reset to the default in it
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "cchc", *command, str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert process.stdin is not None
    process.stdin.write(MINH_DUC["pdf"].read_bytes()[:4096])  # half a report, and the pipe stays open
    process.stdin.flush()
    deadline = time.monotonic() + 120
    while not _waits_on_stdin(process.pid):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    # stdin stays open until cchc has exited, so only the interrupt can end the command
    process.wait(timeout=60)
    assert process.stderr is not None
    err = process.stderr.read()
    process.stdin.close()
    assert process.returncode == 130 and "interrupted" in err.decode() and "Traceback" not in err.decode(), err.decode()
    assert list(tmp_path.iterdir()) == []
