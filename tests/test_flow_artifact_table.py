"""The run's table artifact (one row per input) is encoded a row at a time (issue 16): the text Prefect stores is
the one ``create_table_artifact`` would store for the same rows."""

from __future__ import annotations

import json
import math

from prefect.artifacts import TableArtifact

from cchc.pipeline import batch


def _outcomes() -> list[batch.Outcome]:
    return [
        batch.Outcome("/in/minh-duc-2022.pdf", "minh-duc-2022", "ok", record="records/minh-duc-2022.json",
                      counts={"error": 1, "warning": 2, "info": 0}, seconds=0.12345, unit="Xã Minh Đức"),
        batch.Outcome("/in/phước an.docx", "phuoc-an", "cached", counts={"error": 0, "warning": 0, "info": 3},
                      seconds=0.0, unit='UBND xã "Phước An"', from_cache=True),
        batch.Outcome("/in/hỏng.pdf", "hong", "failed", error="/in/hỏng.pdf: không đọc được tệp PDF\n(trang 2)",
                      failure="input", seconds=math.nan),
    ]


def test_the_encoded_table_is_the_text_prefect_would_store() -> None:
    outcomes = _outcomes()
    rows = batch.summary_table(outcomes)
    assert batch.summary_table_json(outcomes) == json.dumps(TableArtifact._sanitize(rows))
    assert batch.summary_table_json([]) == json.dumps([])


def test_the_rows_say_what_happened_to_each_input() -> None:
    table = json.loads(batch.summary_table_json(_outcomes()))
    assert table[0] == {"file": "minh-duc-2022.pdf", "unit": "Xã Minh Đức", "status": "ok", "errors": 1,
                        "warnings": 2, "infos": 0, "seconds": 0.123, "message": ""}
    assert table[1]["unit"] == 'UBND xã "Phước An"' and table[1]["infos"] == 3 and table[1]["status"] == "cached"
    assert table[2]["status"] == "failed" and table[2]["seconds"] is None
    assert table[2]["message"] == "/in/hỏng.pdf: không đọc được tệp PDF\n(trang 2)"


def test_a_large_batch_lists_the_inputs_that_failed_or_have_findings() -> None:
    outcomes = _outcomes()  # with findings, with infos only, failed
    clean = batch.Outcome("/in/sach.txt", "sach", "ok", record="records/sach.json", unit="Xã Sạch")
    batch_of_four = [outcomes[0], clean, outcomes[1], outcomes[2]]
    assert batch.artifact_outcomes(batch_of_four, all_rows=4) == batch_of_four  # small: every input
    assert batch.artifact_outcomes(batch_of_four, all_rows=3) == [outcomes[0], outcomes[1], outcomes[2]]
    assert batch.artifact_outcomes([clean] * 5, all_rows=4) == []
