"""Rules of issue 13: inside a ranking, and each report against the ranking of its year and area.

The report is the sample samples/dong-hoa-2023.pdf (phường Đông Hòa, thị xã Phú Lâm, 2023: 89,88 điểm,
4/19, "tăng 3 bậc"); the rankings are built here with its values, and differences are planted.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from cchc.api import check_batch, extract_file
from cchc.checker import run_rules
from cchc.checker.official import OFFICIAL_KINDS
from cchc.schemas.record import Finding, Record
from tests.ranking_factory import (
    DONG_HOA_SCORES,
    Ranking,
    Unit,
    invented_units,
    ranking_docx,
    ranking_xlsx,
    units_around,
)

RANKING_KINDS = ("ranking_total_mismatch", "ranking_percent_mismatch", "ranking_order", "ranking_rank_gap")


@cache
def dong_hoa() -> Record:
    return extract_file("samples/dong-hoa-2023.pdf")


def official(**changes: object) -> Ranking:
    """The Phú Lâm 2023 ranking with Đông Hòa as its report states it, ``changes`` applied to its row."""
    unit = Unit("phường", "Đông Hòa", dict(DONG_HOA_SCORES))
    units = units_around(unit, 4, 19)
    for name, value in changes.items():
        setattr(unit, name, value)
    return Ranking(units)


def kinds(findings: list[Finding], wanted: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((f.kind, f.subject) for f in findings if f.kind in wanted)


# --------------------------------------------------------------------------- inside a ranking


def test_clean_ranking_with_ties_has_no_finding(tmp_path: Path) -> None:
    units = invented_units(10, seed=11)
    units[2].scores = dict(units[1].scores)
    units[2].total, units[2].percent = units[1].total, units[1].percent
    units[2].rank = units[1].rank  # a tie shares the rank; the next unit keeps its place (1, 2, 2, 4)
    record = extract_file(ranking_docx(tmp_path / "clean.docx", Ranking(units)))
    assert [r.rank for r in record.ranking.rows][:4] == [1, 2, 2, 4]  # type: ignore[union-attr]
    assert record.findings == []


def test_planted_errors_inside_a_ranking_are_found_and_nothing_else(tmp_path: Path) -> None:
    units = invented_units(10, seed=12)  # ranked 1..10 by distinct totals
    units[9].total = (units[9].total or Decimal(0)) - Decimal("0.5")  # the criteria no longer add up
    units[9].percent = units[9].total
    units[3].percent = (units[3].total or Decimal(0)) + Decimal(1)  # percent off its total
    units[5].rank, units[6].rank = units[6].rank, units[5].rank  # ranks swapped against totals
    units[8].rank = 10  # 9 skipped, then 10 repeated without a tie
    record = extract_file(ranking_xlsx(tmp_path / "errors.xlsx", Ranking(units)))
    found = kinds(record.findings, RANKING_KINDS)
    label = {u.name: f"{u.level} {u.name}" for u in units}
    assert found == sorted(
        [
            ("ranking_total_mismatch", label[units[9].name]),
            ("ranking_percent_mismatch", label[units[3].name]),
            ("ranking_order", label[units[5].name]),
            ("ranking_rank_gap", label[units[8].name]),
            ("ranking_rank_gap", label[units[9].name]),
        ]
    )
    total = next(f for f in record.findings if f.kind == "ranking_total_mismatch")
    assert total.expected == float(sum(units[9].scores.values())) and total.actual == float(units[9].total or 0)
    assert total.evidence[0].line is not None and units[9].name in total.evidence[0].text


def test_percent_within_the_rounding_of_the_total_is_not_flagged(tmp_path: Path) -> None:
    units = invented_units(4, seed=13)
    units[0].percent = Decimal(str(round(float(units[0].total or 0), 1)))  # 86,99 printed as 87,0
    record = extract_file(ranking_docx(tmp_path / "rounded.docx", Ranking(units)))
    assert kinds(record.findings, RANKING_KINDS) == []


# --------------------------------------------------------------------------- a report against a ranking


def ranking_record(tmp_path: Path, ranking: Ranking, name: str = "qd-1146.docx") -> Record:
    return extract_file(ranking_docx(tmp_path / name, ranking))


def test_report_matching_the_ranking_is_not_flagged(tmp_path: Path) -> None:
    findings = check_batch([dong_hoa(), ranking_record(tmp_path, official())])
    assert kinds(findings, OFFICIAL_KINDS) == []
    missing = [f for f in findings if f.kind == "report_missing"]
    assert len(missing) == 18 and all(f.severity == "info" for f in missing)
    assert "phường Đông Hòa" not in {f.subject for f in missing}


def test_planted_score_and_rank_differences_are_found_with_evidence_from_both(tmp_path: Path) -> None:
    scores = dict(DONG_HOA_SCORES, **{"9": Decimal("9.1")})
    ranking = official(scores=scores, total=Decimal("88.73"), percent=Decimal("88.73"))
    ranking.units.sort(key=lambda u: -(u.total or 0))
    for k, u in enumerate(ranking.units, start=1):
        u.rank = k
    findings = check_batch([dong_hoa(), ranking_record(tmp_path, ranking)])
    assert kinds(findings, OFFICIAL_KINDS) == [
        ("official_rank_mismatch", "phường Đông Hòa: rank"),
        ("official_score_mismatch", "phường Đông Hòa: 9"),
        ("official_score_mismatch", "phường Đông Hòa: overall"),
        ("official_score_mismatch", "phường Đông Hòa: percent"),
    ]
    overall = next(f for f in findings if f.subject == "phường Đông Hòa: overall")
    assert (overall.expected, overall.actual) == (88.73, 89.88)
    assert overall.evidence[0].page == 1 and "89.88" in overall.evidence[0].text  # the report's sentence
    assert overall.evidence[-1].table == 0 and "Đông Hòa" in overall.evidence[-1].text  # the official row
    rank = next(f for f in findings if f.kind == "official_rank_mismatch")
    assert (rank.expected, rank.actual) == ("8/19", "4/19")


def test_rounded_statement_of_the_same_value_is_not_a_mismatch(tmp_path: Path) -> None:
    ranking = ranking_record(tmp_path, official())
    report = dong_hoa().model_copy(deep=True)
    for stated, flagged in ((89.9, False), (89.88, False), (89.8, True), (89.87, True), (90.0, True)):
        report.overall.score = stated  # "89,9 điểm" can be 89,88 rounded; "89,8" cannot; an integer is exact
        found = kinds(check_batch([report, ranking]), ("official_score_mismatch",))
        assert found == ([("official_score_mismatch", "phường Đông Hòa: overall")] if flagged else []), stated


def test_unit_absent_from_the_ranking_that_covers_it(tmp_path: Path) -> None:
    ranking = official()
    ranking.units = [u for u in ranking.units if u.name != "Đông Hòa"]
    findings = check_batch([dong_hoa(), ranking_record(tmp_path, ranking)])
    assert kinds(findings, OFFICIAL_KINDS) == [("official_unit_missing", "phường Đông Hòa")]


def test_ranking_of_another_year_or_area_is_not_used(tmp_path: Path) -> None:
    other_year = official(scores={**DONG_HOA_SCORES, "1": Decimal(1)})
    other_year.year = 2022
    other_area = official(scores={**DONG_HOA_SCORES, "1": Decimal(1)})
    other_area.district = "Đại Từ"
    records = [dong_hoa(), ranking_record(tmp_path, other_year, "y.docx"), ranking_record(tmp_path, other_area, "a.docx")]
    assert kinds(check_batch(records), OFFICIAL_KINDS) == []


@pytest.mark.parametrize(("rank_2022", "flagged"), [(7, False), (9, True)])
def test_stated_rank_change_against_last_years_ranking(tmp_path: Path, rank_2022: int, flagged: bool) -> None:
    last_year = Ranking(units_around(Unit("phường", "Đông Hòa", dict(DONG_HOA_SCORES)), rank_2022, 19), year=2022)
    records = [dong_hoa(), ranking_record(tmp_path, official()), ranking_record(tmp_path, last_year, "2022.docx")]
    found = [f for f in check_batch(records) if f.subject == "phường Đông Hòa: rank_change"]
    if not flagged:
        assert found == []
        return
    assert [(f.kind, f.expected, f.actual) for f in found] == [("official_rank_mismatch", 5, 3)]
    assert any("2022.docx" in f.message for f in found)


def test_prose_announcement_is_partial_so_absent_units_and_gaps_are_not_flagged(tmp_path: Path) -> None:
    text = tmp_path / "tin.txt"
    text.write_text(
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC XÃ, PHƯỜNG THỊ XÃ PHÚ LÂM\n\n"
        "UBND thị xã Phú Lâm công bố Chỉ số CCHC năm 2023 của 19 xã, phường. Phường Bảo Lý dẫn đầu với 91,38 điểm; "
        "phường Đông Hòa xếp thứ 4 với 89,88 điểm; xếp cuối là xã An Bình (84,88%).\n"
        "1. Phường Bảo Lý: 91,38 điểm\n2. Xã Quang Sơn: 90,88 điểm\n",
        encoding="utf-8",
    )
    announcement = extract_file(text)
    assert announcement.ranking is not None and announcement.ranking.form == "prose"
    assert kinds(announcement.findings, RANKING_KINDS) == []
    assert kinds(check_batch([dong_hoa(), announcement]), OFFICIAL_KINDS) == []
    changed = dong_hoa().model_copy(deep=True)
    changed.overall.rank = 3
    assert kinds(check_batch([changed, announcement]), OFFICIAL_KINDS) == [
        ("official_rank_mismatch", "phường Đông Hòa: rank")
    ]


def test_per_report_rules_leave_a_ranking_alone(tmp_path: Path) -> None:
    record = ranking_record(tmp_path, official())
    assert run_rules(record) == []


def test_check_official_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cchc.cli import main

    scores = dict(DONG_HOA_SCORES, **{"9": Decimal("9.1")})
    changed = ranking_docx(tmp_path / "qd.docx", official(scores=scores, total=Decimal("88.73"), percent=Decimal("88.73")))
    assert main(["check", "samples/dong-hoa-2023.pdf", "--official", str(changed), "--format", "json"]) == 1
    found = {(f["kind"], f["subject"]) for f in json.loads(capsys.readouterr().out)}
    assert ("official_score_mismatch", "phường Đông Hòa: 9") in found
    assert not any(kind == "report_missing" for kind, _ in found)  # not a batch: nobody else is expected
    letter = tmp_path / "letter.txt"
    letter.write_text("Kính gửi Phòng Nội vụ.\n", encoding="utf-8")
    assert main(["check", "samples/dong-hoa-2023.pdf", "--official", str(letter)]) == 2
    assert "not a published ranking" in capsys.readouterr().err


def test_maxima_of_a_ranking_in_the_batch_check_a_report_without_registered_maxima(tmp_path: Path) -> None:
    report = dong_hoa().model_copy(deep=True)
    report.framework, report.framework_maxima_known = "commune-index", False  # as if no framework were registered
    assert kinds(check_batch([report, ranking_record(tmp_path, official())]), ("max_mismatch",)) == []
    maxima = dict(official().maxima, **{"3": Decimal(18), "5": Decimal(9)})
    changed = Ranking(official().units, maxima=maxima)
    found = [f for f in check_batch([report, ranking_record(tmp_path, changed, "other.docx")]) if f.kind == "max_mismatch"]
    assert sorted((f.subject, f.expected, f.actual) for f in found) == [("3", 18.0, 17.0), ("5", 9.0, 10.0)]
    assert "(18 điểm)" in found[0].evidence[-1].text or "(9 điểm)" in found[0].evidence[-1].text
    registered = dong_hoa()  # a registered framework (from the sample ranking) is checked per report, not here
    assert kinds(check_batch([registered, ranking_record(tmp_path, changed, "third.docx")]), ("max_mismatch",)) == []
