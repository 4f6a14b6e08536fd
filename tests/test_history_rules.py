"""Cross-year rules on reports built here: a stated change of rank against last year's rank, score jumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.checker import RULES, run_rules
from cchc.checker.history import run_history_rules
from cchc.errors import UsageError
from cchc.schemas.record import Record
from cchc.settings import Settings
from tests.variants import Variant

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PREVIOUS_RANKS = {c: ((int(c) * 7) % 17 + 1, 18) for c in map(str, range(1, 11))}  # Variant's default ranks
# Variant states each criterion's change as (code % 5) - 2: ranks this year that agree with last year's
AGREEING_RANKS = {c: (rank - ((int(c) % 5) - 2), total) for c, (rank, total) in PREVIOUS_RANKS.items()}


def _report(folder: Path, name: str, variant: Variant, *replacements: tuple[str, str]) -> Record:
    text = variant.text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Record]:
    folder = tmp_path_factory.mktemp("history")
    before = Variant(name="b", style=0, unit="Đông Xuân", year=2021)
    now = Variant(
        name="n",
        style=2,
        unit="Đông Xuân",
        year=2022,
        ranks=AGREEING_RANKS,
        scores={**before.scores, "3": "9.75", "7": "7.5"},
    )
    return {
        # overall: 5/18 in 2021, 3/18 in 2022 stated "tăng 2 bậc": right
        "2021": _report(folder, "dong-xuan-2021", before, ("xếp thứ 3/18 xã", "xếp thứ 5/18 xã")),
        "2022": _report(folder, "dong-xuan-2022", now),
        "2022-wrong": _report(
            folder, "dong-xuan-2022-sai", now, ("tăng 2 bậc so với năm 2021", "giảm 4 bậc so với năm 2021")
        ),
    }


def test_rules_are_registered_and_silent_on_a_single_report(years: dict[str, Record]) -> None:
    specs = {s.code: s for s in RULES}
    assert (specs["CCHC301"].kind, specs["CCHC301"].severity) == ("rank_change_mismatch", "warning")
    assert (specs["CCHC302"].kind, specs["CCHC302"].severity) == ("score_history_jump", "info")
    assert not specs["CCHC301"].batch and not specs["CCHC302"].batch
    kinds = {f.kind for f in run_rules(years["2022-wrong"])}
    assert not kinds & {"rank_change_mismatch", "score_history_jump"}


def test_stated_changes_that_agree_with_last_year_are_not_flagged(years: dict[str, Record]) -> None:
    now, before = years["2022"], years["2021"]
    assert (before.overall.rank, now.overall.rank, now.overall.rank_change) == (5, 3, 2)
    assert [(c.code, c.rank, c.rank_change) for c in now.criteria][:5] == [
        ("1", 9, -1),
        ("2", 15, 0),
        ("3", 4, 1),
        ("4", 10, 2),
        ("5", 4, -2),
    ]
    findings = run_history_rules(now, before)
    assert [f.kind for f in findings if f.kind == "rank_change_mismatch"] == []


def test_a_wrong_giam_is_found_with_evidence_from_both_years(years: dict[str, Record]) -> None:
    findings = [
        f for f in run_history_rules(years["2022-wrong"], years["2021"]) if f.kind == "rank_change_mismatch"
    ]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.rule, finding.severity, finding.subject) == ("CCHC301", "warning", "overall")
    assert (finding.expected, finding.actual) == (2, -4)
    assert "giảm 4 bậc" in finding.message and "5/18" in finding.message and "3/18" in finding.message
    assert "tăng 2 bậc" in finding.message and "dong-xuan-2021.txt" in finding.message
    assert finding.message_en and "down 4" in finding.message_en
    current, previous = finding.evidence
    assert "giảm 4 bậc so với năm 2021" in current.text and "Năm 2022" in current.text
    assert "xếp thứ 5/18" in previous.text and "Năm 2021" in previous.text
    assert previous.line == years["2021"].overall.evidence[0].line


def test_giam_means_the_rank_number_grew_on_the_real_sample() -> None:
    # The sample: 8/23 in 2022, "giảm 5 bậc so với năm 2021", so 3/23 in 2021.
    now = extract_file(SAMPLES / "minh-duc-2022.txt")
    assert (now.overall.rank, now.overall.rank_change) == (8, -5)
    before = now.model_copy(deep=True)
    before.meta.report_year = 2021
    before.overall.rank = 3
    before.criteria = []
    assert run_history_rules(now, before) == []
    before.overall.rank = 13  # an improvement of 5 stated as "giảm 5 bậc"
    (finding,) = run_history_rules(now, before)
    assert (finding.kind, finding.expected, finding.actual) == ("rank_change_mismatch", 5, -5)
    before.meta.report_year = 2019  # the statement compares with 2021, not with 2019
    assert run_history_rules(now, before) == []


def test_score_jump_over_the_configured_share_of_the_maximum(years: dict[str, Record]) -> None:
    now, before = years["2022"], years["2021"]
    jumps = [f for f in run_history_rules(now, before) if f.kind == "score_history_jump"]
    # criterion 3: 15,75 -> 9,75 of 17 (6 > 0,3 x 17); criterion 7: 11,2 -> 7,5 of 13 (3,7 <= 3,9) is not
    assert [(f.subject, f.severity, f.expected, f.actual) for f in jumps] == [("3", "info", 15.75, 9.75)]
    assert "15,75/17" in jumps[0].message and "9,75/17" in jumps[0].message and "30%" in jumps[0].message
    assert len(jumps[0].evidence) >= 2 and "9,75" in jumps[0].evidence[0].text
    assert any("15,75" in e.text for e in jumps[0].evidence[1:])
    looser = [
        f.subject
        for f in run_history_rules(now, before, Settings(history_jump_share=0.5))
        if f.kind == "score_history_jump"
    ]
    assert looser == []
    stricter = [
        f.subject
        for f in run_history_rules(now, before, Settings(history_jump_share=0.25))
        if f.kind == "score_history_jump"
    ]
    assert stricter == ["3", "7"]


def test_history_jump_share_is_validated() -> None:
    assert Settings().history_jump_share == 0.3
    with pytest.raises(UsageError, match="history_jump_share"):
        Settings(history_jump_share=1.5)
    with pytest.raises(UsageError):
        Settings().with_overrides(history_jump_share=-0.1)
