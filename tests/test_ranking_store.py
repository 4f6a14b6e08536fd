"""Rankings in the store (issue 13): kept by area and year, used for reports of later batches and for
last year's rank, and shown by `cchc history UNIT` beside the self-reported values (SQLite)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from cchc.api import check_batch, extract_file
from cchc.cli import main
from cchc.pipeline.store_step import store_batch
from cchc.schemas.record import Record
from cchc.store import Store
from cchc.store.rankings import official_history
from tests.ranking_factory import DONG_HOA_SCORES, Ranking, Unit, ranking_docx, units_around


@cache
def dong_hoa() -> Record:
    return extract_file("samples/dong-hoa-2023.pdf")


@cache
def published_2023() -> Record:
    return extract_file("samples/phu-lam-2023-chi-so-cchc.xlsx")


def test_ranking_stored_and_shown_by_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cchc.sqlite'}"
    records = [dong_hoa(), published_2023()]
    store_batch(url, records, check_batch(records))
    with Store(url) as store:
        assert store.count("documents") == 2
        official = official_history(store, "Đông Hoà", "phường", "Phú Lâm", "Thái Nguyên")  # old tone placement
    assert list(official) == [2023]
    assert (official[2023].total, official[2023].rank, official[2023].rank_total) == (89.63, 4, 19)
    assert official[2023].scores["9"] == 10 and official[2023].doc_number == "1146/QĐ-UBND"
    assert main(["history", "Đông Hòa", "--db", url, "--format", "json"]) == 0
    [year] = json.loads(capsys.readouterr().out)["years"]
    assert (year["score"], year["official"]["total"], year["official"]["rank"]) == (89.88, 89.63, 4)
    assert main(["history", "Đông Hòa", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Tổng điểm công bố" in out and "89,63" in out and "1146/QĐ-UBND" in out


def test_a_later_batch_is_reconciled_with_the_stored_ranking(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cchc.sqlite'}"
    store_batch(url, [published_2023()], check_batch([published_2023()]))
    stored = store_batch(url, [dong_hoa()], [])
    assert sorted((f.kind, f.subject) for f in stored.history_findings) == [
        ("official_score_mismatch", "phường Đông Hòa: 9"),
        ("official_score_mismatch", "phường Đông Hòa: overall"),
        ("official_score_mismatch", "phường Đông Hòa: percent"),
    ]
    assert sorted(stored.history_by_record) == [0]  # written into the report's record file by the flow
    again = store_batch(url, [dong_hoa(), published_2023()], check_batch([dong_hoa(), published_2023()]))
    assert again.history_findings == []  # the batch rules found them: not twice
    rerun = dong_hoa().model_copy(update={"findings": [*dong_hoa().findings, *stored.history_findings]})
    assert store_batch(url, [rerun], []).history_findings == []  # read back from its file: not twice


@pytest.mark.parametrize(("rank_2022", "flagged"), [(7, False), (9, True)])
def test_stated_change_of_rank_against_last_years_stored_ranking(tmp_path: Path, rank_2022: int, flagged: bool) -> None:
    url = f"sqlite:///{tmp_path / 'cchc.sqlite'}"
    last_year = Ranking(units_around(Unit("phường", "Đông Hòa", dict(DONG_HOA_SCORES)), rank_2022, 19), year=2022)
    previous = extract_file(ranking_docx(tmp_path / "qd-2022.docx", last_year))
    store_batch(url, [previous], [])
    records = [dong_hoa(), published_2023()]
    stored = store_batch(url, records, check_batch(records))
    found = [(f.kind, f.expected, f.actual) for f in stored.history_findings]
    assert found == ([("official_rank_mismatch", rank_2022 - 4, 3)] if flagged else [])  # tăng 3 bậc
