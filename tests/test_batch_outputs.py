"""The batch's big outputs are written as they are encoded (issue 16): the same bytes as a whole-text
write, and never a partial file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cchc._files import atomic_write_json as whole_json
from cchc.pipeline import batch


def test_streamed_json_has_the_bytes_of_the_whole_text_write(tmp_path: Path) -> None:
    summary = {
        "inputs": ["inbox/Báo cáo Minh Đức.pdf"],
        "counts": {"inputs": 1, "findings_warning": 2},
        "timings": {"process": 0.25},
        "store": {"path": tmp_path / "cchc.sqlite", "records": []},  # a Path: written as text (default=str)
        "batch_findings": [{"message": "xã Minh Đức năm 2022 có hai báo cáo khác nhau (83,97 ≠ 84,5)", "actual": None}],
    }
    streamed = batch.atomic_write_json(tmp_path / "streamed.json", summary)
    whole = whole_json(tmp_path / "whole.json", summary)
    assert streamed.read_bytes() == whole.read_bytes()
    assert streamed.stat().st_mode == whole.stat().st_mode
    assert "Minh Đức" in streamed.read_text(encoding="utf-8")  # not \\u-escaped


def test_a_failed_stream_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "batch.json"
    target.write_text("the previous run\n", encoding="utf-8")
    with pytest.raises(TypeError), batch.atomic_stream(target) as fh:
        fh.write('{"half": ')
        raise TypeError("not serialisable")
    assert target.read_text(encoding="utf-8") == "the previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.json"]


def test_streamed_csv_rows_come_from_a_generator(tmp_path: Path) -> None:
    rows_given = []

    def rows():  # the rows are produced while the file is written, never all held
        for i in range(3):
            row = {column: "" for column in batch.CSV_COLUMNS} | {"file": f"x-{i}.pdf", "unit": "Đồng Lạc"}
            rows_given.append(i)
            yield row

    path = batch.write_findings_csv(tmp_path / "findings.csv", rows())
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 4 and rows_given == [0, 1, 2]
    parsed = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["file"] for r in parsed] == ["x-0.pdf", "x-1.pdf", "x-2.pdf"] and parsed[0]["unit"] == "Đồng Lạc"
    assert batch.findings_csv(parsed).encode("utf-8-sig") == raw  # the same text as the whole-string writer
