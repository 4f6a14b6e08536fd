"""Checker rules over records built in the test: each rule with a positive and a negative case,
the rounding edge cases, the quantity matcher on sentence pairs, and the sample report rebuilt by hand."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cchc.checker import RULES, run_rules
from cchc.checker.messages import num, pct
from cchc.checker.rounding import decimals, percent_consistent
from cchc.checker.rules import describe, same_quantity
from cchc.extractors.numbers import parse_number
from cchc.schemas.record import (
    Criterion,
    Evidence,
    Finding,
    Heading,
    Indicator,
    Meta,
    Overall,
    Quantity,
    Record,
    Reference,
    Repair,
    Source,
    YearStatement,
)
from cchc.settings import DEFAULT_SETTINGS

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.txt"
SAMPLE_LINES = unicodedata.normalize("NFC", SAMPLE.read_text(encoding="utf-8")).splitlines()


# --------------------------------------------------------------------------- builders


def ev(text: str, line: int | None = None) -> Evidence:
    return Evidence(line=line, text=text)


def sample_ev(snippet: str, start: int = 1) -> Evidence:
    """Evidence quoting the sample's line that contains ``snippet`` (first at or after ``start``)."""
    for number, text in enumerate(SAMPLE_LINES, 1):
        if number >= start and snippet in text:
            return Evidence(line=number, text=text.strip())
    raise AssertionError(f"{snippet!r} not in the sample")


def crit(
    code: str | None,
    score: float | None,
    max_score: float | None,
    percent: float | None = None,
    rank: int | None = None,
    total: int | None = None,
    change: int | None = None,
    evidence: Evidence | None = None,
    **kw: Any,
) -> Criterion:
    return Criterion(
        code=code,
        title=kw.pop("title", f"Tiêu chí {code}"),
        score=score,
        max_score=max_score,
        percent=percent,
        rank=rank,
        rank_total=total,
        rank_change=change,
        evidence=[evidence or ev(f"{code}. {score}/{max_score} điểm")],
        **kw,
    )


def ind(
    code: str,
    listed_as: str | None = None,
    score: float | None = None,
    max_score: float | None = None,
    percent: float | None = None,
    zero: bool = False,
    criterion: str | None = None,
    evidence: Evidence | None = None,
) -> Indicator:
    return Indicator(
        code=code,
        listed_as=listed_as,  # type: ignore[arg-type]
        score=score,
        max_score=max_score,
        percent=percent,
        zero_score=zero,
        criterion=criterion or code.split(".")[0],
        evidence=[evidence or ev(f"- Mục {code}")],
    )


def qty(
    label: str,
    numerator: float | None,
    denominator: float | None,
    unit: str | None,
    sentence: str | None = None,
    percent: float | None = None,
    line: int | None = None,
) -> Quantity:
    sentence = sentence or label
    return Quantity(
        label=label,
        numerator=numerator,
        denominator=denominator,
        percent=percent,
        unit=unit,
        sentence=sentence,
        evidence=[ev(sentence, line)],
    )


def head(number: str, section: str | None = None, line: int | None = None) -> Heading:
    roman = number.isalpha()
    return Heading(
        number=number,
        scheme="roman" if roman else "arabic",
        depth=1 if roman else number.count(".") + 1,
        title=f"Mục {number}",
        section=None if roman else section,
        evidence=[ev(f"{number}. ...", line)],
    )


def outline(spec: str) -> list[Heading]:
    """``"I: 1 1.1 1.2 2 | II: 1 9 10"`` -> headings; a section without a roman label is ``-:``."""
    out: list[Heading] = []
    for part in spec.split("|"):
        label, _, numbers = part.partition(":")
        label = label.strip()
        section = None if label == "-" else label
        if section:
            out.append(head(section))
        out += [head(n, section) for n in numbers.split()]
    return out


def sample_outline(spec: str) -> list[Heading]:
    """Like :func:`outline`, with each heading's evidence found in the sample, in order."""
    found: list[Heading] = []
    start = 1
    for h in outline(spec):
        pattern = re.compile(rf"^{re.escape(h.number)}(\.(?!\d)|\s)")
        line = next(n for n in range(start, len(SAMPLE_LINES) + 1) if pattern.match(SAMPLE_LINES[n - 1].strip()))
        found.append(h.model_copy(update={"evidence": [Evidence(line=line, text=SAMPLE_LINES[line - 1].strip())]}))
        start = line + 1
    return found


def make(**kw: Any) -> Record:
    kw.setdefault("source", Source(file="test.txt", sha256="0" * 64, format="txt"))
    return Record(**kw)


def check(record: Record, *select: str, framework: Any = None) -> list[Finding]:
    return run_rules(record, DEFAULT_SETTINGS, framework=framework, select=select or None)


def pairs(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind, f.subject) for f in findings]


@dataclass
class FwCriterion:
    code: str
    max_score: float | None
    name: str


@dataclass
class Framework:
    criteria: list[FwCriterion] = field(default_factory=list)


MAXIMA = [15, 5, 18.5, 6, 11, 7, 11.5, 2, 14, 10]
FRAMEWORK = Framework([FwCriterion(str(k + 1), mx, f"Tiêu chí {k + 1}") for k, mx in enumerate(MAXIMA)])


# --------------------------------------------------------------------------- registry


def test_registry_lists_every_contract_kind_once_with_titles() -> None:
    kinds = {s.kind for s in RULES}
    assert kinds == {
        "percent_mismatch", "total_mismatch", "deduction_mismatch", "max_mismatch", "conflicting_values",
        "status_contradiction", "numbering_gap", "missing_criterion", "year_mismatch", "rank_out_of_range",
        "date_inconsistency", "malformed_number", "not_scored_report",
        "rank_order", "rank_total_mismatch", "duplicate_report",
        "rank_change_mismatch", "score_history_jump",
        "ranking_total_mismatch", "ranking_percent_mismatch", "ranking_order", "ranking_rank_gap",
        "official_score_mismatch", "official_rank_mismatch", "official_unit_missing", "report_missing",
        "unplaced_statement", "score_above_max",
    }  # fmt: skip
    codes = [s.code for s in RULES]
    assert len(codes) == len(set(codes)) and all(c.startswith("CCHC") for c in codes)
    assert all(s.title_vi and s.title_en and s.severity in ("error", "warning", "info") for s in RULES)
    assert {s.kind for s in RULES if s.batch} == {
        "rank_order", "rank_total_mismatch", "duplicate_report", "max_mismatch",
        "official_score_mismatch", "official_rank_mismatch", "official_unit_missing", "report_missing",
    }  # fmt: skip


# --------------------------------------------------------------------------- rounding


@pytest.mark.parametrize(
    ("score", "max_score", "percent"),
    [
        (9.67, 10, 96.71),
        (8.97, 11.5, 77.99),
        (1.31, 2, 65.65),
        (15.52, 18.5, 83.89),
        (10, 14, 71.4),
        (6, 7, 85.71),
        (3150, 3155, 99.8),
        (2252, 3177, 70.9),
        (0.7, 1, 70),
        (2.5, 3, 83.33),
        (8.8, 11, 80),
        (83.97, 100, 83.97),
        (6, 7, 85.7),
        (5, 5, 100),
        (3150, 3158, 99.8),  # 99,747 shown by a spreadsheet as 99,75, then typed as 99,8
        (8.97, 11.5, 78),  # 77,999 -> 78,00 -> 78
    ],
)
def test_percent_consistent_at_printed_precision(score: float, max_score: float, percent: float) -> None:
    assert percent_consistent(score, max_score, percent)
    record = make(criteria=[crit("1", score, max_score, percent)])
    assert check(record, "percent_mismatch") == []


@pytest.mark.parametrize(
    ("score", "max_score", "percent"),
    [(12.7, 15, 87.67), (6, 7, 85.6), (10, 14, 71.5), (3150, 3155, 99.7), (9, 10, 91), (3150, 3159, 99.8)],
)
def test_percent_inconsistent(score: float, max_score: float, percent: float) -> None:
    assert not percent_consistent(score, max_score, percent)


def test_percent_slack_widens_the_interval() -> None:
    # 10/14 = 71,43%; a report that truncates to 71,4 is fine, one printing 71,5 is off by 0,07.
    assert not percent_consistent(10, 14, 71.5)
    assert percent_consistent(10, 14, 71.5, slack=0.1)


def test_decimals_read_back_from_the_float() -> None:
    assert [decimals(x) for x in (12.7, 83.97, 5.0, 70.0, 0.5, 3150.0)] == [1, 2, 0, 0, 1, 0]
    assert (num(12.7), num(84.666, "vi", 2), num(84.666, "en", 2), pct(87.67)) == ("12,7", "84,67", "84.67", "87,67%")


# --------------------------------------------------------------------------- percent_mismatch


def test_percent_mismatch_on_criterion_message_and_evidence() -> None:
    line = sample_ev("12,7/15 điểm")
    record = make(criteria=[crit("1", 12.7, 15, 87.67, evidence=line)])
    [f] = check(record)
    assert (f.rule, f.kind, f.severity, f.subject) == ("CCHC101", "percent_mismatch", "error", "1")
    assert f.message == "Tiêu chí 1: tỷ lệ in 87,67% nhưng 12,7/15 = 84,67%"
    assert f.message_en == "Criterion 1: printed percent 87.67% but 12.7/15 = 84.67%"
    assert (f.expected, f.actual) == (84.67, 87.67)
    assert f.evidence[0].line == 28 and "87,67%" in f.evidence[0].text


def test_percent_mismatch_on_overall_indicator_and_quantity() -> None:
    record = make(
        overall=Overall(score=83.97, max_score=100, percent=84.97, evidence=[ev("83,97/100 (84,97%)", 1)]),
        indicators=[
            ind("1.6", "incomplete", 0.7, 1, 80, evidence=ev("0,7/1 (80%)", 2)),  # 0,7 is at most 0,75: 75%
            ind("1.7", "incomplete", 2.5, 3, 83.33, evidence=ev("2,5/3 (83,33%)", 3)),
        ],
        quantities=[
            qty("Tỷ lệ hồ sơ giải quyết đúng hạn", 3150, 3155, "hồ sơ", percent=99.5, line=4),
            qty("Tỷ lệ hồ sơ trực tuyến", 2252, 3177, "hồ sơ", percent=70.9, line=5),
        ],
    )
    found = check(record, "percent_mismatch")
    assert pairs(found) == [
        ("percent_mismatch", "overall"),
        ("percent_mismatch", "1.6"),
        ("percent_mismatch", "hồ sơ"),
    ]
    assert found[2].message == "“Tỷ lệ hồ sơ giải quyết đúng hạn”: tỷ lệ in 99,5% nhưng 3150/3155 = 99,8%"


def test_percent_mismatch_recomputes_at_the_printed_decimals_even_with_a_trailing_zero() -> None:
    # "83,75/100 điểm, tỷ lệ 83,50%": the float 83.5 has one decimal, the printed percent two
    overall = Overall(score=83.75, max_score=100, percent=83.5, evidence=[ev("đạt 83,75/100 điểm, tỷ lệ 83,50%")])
    [f] = check(make(overall=overall), "percent_mismatch")
    assert (f.expected, f.actual) == (83.75, 83.5)
    assert f.message == "Điểm tổng hợp: tỷ lệ in 83,50% nhưng 83,75/100 = 83,75%"
    # printed with one decimal, the same ratio is recomputed with one
    overall = Overall(score=83.75, max_score=100, percent=83.5, evidence=[ev("đạt 83,75/100 điểm, tỷ lệ 83,5%")])
    [g] = check(make(overall=overall), "percent_mismatch")
    assert (g.expected, g.message_en) == (83.8, "Overall score: printed percent 83.5% but 83.75/100 = 83.8%")


# --------------------------------------------------------------------------- total_mismatch


SAMPLE_SCORES = [12.7, 5, 15.52, 6, 8.8, 6, 8.97, 1.31, 10, 9.67]


def ten_criteria(scores: list[float] = SAMPLE_SCORES, maxima: list[float] = MAXIMA) -> list[Criterion]:
    return [crit(str(k + 1), s, mx) for k, (s, mx) in enumerate(zip(scores, maxima))]


def test_total_matches_sum_of_ten_criteria() -> None:
    record = make(overall=Overall(score=83.97, max_score=100), criteria=ten_criteria())
    assert check(record, "total_mismatch") == []


def test_total_mismatch_on_score_and_on_maxima() -> None:
    overall = Overall(score=84.97, max_score=100, evidence=[ev("đạt 84,97/100 điểm")])
    record = make(overall=overall, criteria=ten_criteria(maxima=[*MAXIMA[:9], 11]))
    found = check(record, "total_mismatch")
    assert [(f.expected, f.actual) for f in found] == [(83.97, 84.97), (101.0, 100.0)]
    assert found[0].message == "Điểm tổng hợp in 84,97 nhưng tổng điểm 10 tiêu chí = 83,97"
    assert len(found[0].evidence) == 11  # the overall statement and every criterion


def test_total_tolerance_counts_decimal_terms() -> None:
    # 10 terms with decimals (and the total): 0,005 each allows 0,05 of accumulated rounding.
    scores = [9.67] * 10
    assert check(make(overall=Overall(score=96.74), criteria=ten_criteria(scores)), "total_mismatch") == []
    assert len(check(make(overall=Overall(score=96.8), criteria=ten_criteria(scores)), "total_mismatch")) == 1


def test_total_not_checked_when_a_criterion_score_is_missing() -> None:
    criteria = ten_criteria()
    criteria[3] = crit("4", None, 6)
    assert check(make(overall=Overall(score=50.0), criteria=criteria), "total_mismatch") == []


# --------------------------------------------------------------------------- deduction_mismatch


CRITERION_1_INDICATORS = [
    ind("1.1", "full"),
    ind("1.2", "full"),
    ind("1.3", "full", 0.5, 1, 50),
    ind("1.4", "full"),
    ind("1.5", "incomplete", 1, 2, 50),
    ind("1.6", "incomplete", 0.7, 1, 70),
    ind("1.7", "incomplete", 2.5, 3, 83.33),
]


def test_deductions_of_criterion_1_account_for_its_lost_points() -> None:
    # 15 - 12,7 = 2,3 = 0,5 (1.3) + 1 (1.5) + 0,3 (1.6) + 0,5 (1.7)
    record = make(criteria=[crit("1", 12.7, 15, 84.67)], indicators=CRITERION_1_INDICATORS)
    assert check(record, "deduction_mismatch") == []


def test_deduction_mismatch_when_the_listing_is_complete() -> None:
    record = make(criteria=[crit("1", 12.2, 15)], indicators=CRITERION_1_INDICATORS)
    [f] = check(record, "deduction_mismatch")
    assert (f.subject, f.expected, f.actual) == ("1", 2.8, 2.3)
    assert f.message.startswith("Tiêu chí 1: bị trừ 2,8 điểm (12,2/15) nhưng các chỉ số thành phần bị trừ tổng 2,3")
    assert len(f.evidence) == 8


def test_deduction_over_the_lost_points_is_flagged_even_with_unknown_indicators() -> None:
    indicators = [ind("3.1", "full"), ind("3.2", "incomplete", 1, 3), ind("3.3", "incomplete")]
    [f] = check(make(criteria=[crit("3", 17.5, 18.5)], indicators=indicators), "deduction_mismatch")
    assert (f.expected, f.actual) == (1.0, 2.0)


def test_deduction_not_checked_when_a_loss_is_unknown_or_listing_partial() -> None:
    unknown = [*CRITERION_1_INDICATORS[:6], ind("1.7", "incomplete")]
    assert check(make(criteria=[crit("1", 12.2, 15)], indicators=unknown), "deduction_mismatch") == []
    zero_no_max = [ind("3.1", "full"), ind("3.1.2", "incomplete", zero=True)]
    assert check(make(criteria=[crit("3", 15.52, 18.5)], indicators=zero_no_max), "deduction_mismatch") == []
    only_lost = [ind("1.5", "incomplete", 1, 2), ind("1.6", "incomplete", 0.7, 1)]  # 1.1-1.4 not listed
    assert check(make(criteria=[crit("1", 12.7, 15)], indicators=only_lost), "deduction_mismatch") == []


def test_indicator_in_both_lists_is_counted_once_with_its_stated_score() -> None:
    indicators = [ind("2.1", "full"), ind("2.2", "full"), ind("2.2", "incomplete", 0.5, 1), ind("2.3", "incomplete", 1, 2)]
    assert check(make(criteria=[crit("2", 4.5, 6)], indicators=indicators), "deduction_mismatch") == []
    [f] = check(make(criteria=[crit("2", 5, 6)], indicators=indicators), "deduction_mismatch")
    assert (f.expected, f.actual) == (1.0, 1.5)


def test_indicators_whose_maxima_make_up_the_criterions_are_its_whole_listing() -> None:
    # a table "Mã chỉ số | Nội dung | Điểm tối đa | Điểm đạt": no list heading, every indicator with its points;
    # 3 + 3 + 3,5 = 9,5, the criterion's maximum: its lost 2 against the indicators' 1,5 is a mismatch
    table = [ind("3.1", None, 3, 3), ind("3.2", None, 3, 3), ind("3.3", None, 2, 3.5)]
    [f] = check(make(criteria=[crit("3", 7.5, 9.5)], indicators=table), "deduction_mismatch")
    assert (f.expected, f.actual) == (2.0, 1.5)
    assert check(make(criteria=[crit("3", 8, 9.5)], indicators=table), "deduction_mismatch") == []
    # maxima that do not make up the criterion's: a part of its indicators, nothing to say
    assert check(make(criteria=[crit("3", 10.5, 12.5)], indicators=table), "deduction_mismatch") == []


def test_an_indicator_numbered_under_another_criterion_is_not_its_deduction() -> None:
    # 3.1 placed under criterion 1 (a misread heading): criterion 1's own 1.6 accounts for its lost 1,5
    indicators = [ind("1.6", "incomplete", 1, 2.5, criterion="1"), ind("3.1", "incomplete", 0.75, 3, criterion="1")]
    assert check(make(criteria=[crit("1", 10.5, 12)], indicators=indicators), "deduction_mismatch") == []
    alone = [ind("1.6", "incomplete", 0.5, 2.5, criterion="1"), ind("3.1", "incomplete", 0.75, 3, criterion="1")]
    [f] = check(make(criteria=[crit("1", 10.5, 12)], indicators=alone), "deduction_mismatch")
    assert (f.expected, f.actual) == (1.5, 2.0)


# --------------------------------------------------------------------------- max_mismatch


def test_max_mismatch_only_when_framework_maxima_known() -> None:
    criteria = ten_criteria(maxima=[*MAXIMA[:6], 12, *MAXIMA[7:]])
    known = make(criteria=criteria, framework="test-2022", framework_maxima_known=True)
    [f] = check(known, "max_mismatch", framework=FRAMEWORK)
    assert (f.subject, f.expected, f.actual) == ("7", 11.5, 12.0)
    assert f.message == "Tiêu chí 7: điểm tối đa in 12 nhưng bộ chỉ số test-2022 quy định 11,5"
    unknown = make(criteria=criteria, framework="test-2022", framework_maxima_known=False)
    assert check(unknown, "max_mismatch", framework=FRAMEWORK) == []
    assert check(make(criteria=ten_criteria(), framework_maxima_known=True), "max_mismatch", framework=FRAMEWORK) == []


# --------------------------------------------------------------------------- status_contradiction


def test_full_listed_indicator_with_lost_points_is_an_error() -> None:
    [f] = check(make(indicators=[ind("1.3", "full", 0.5, 1, 50), ind("1.4", "full")]), "status_contradiction")
    assert (f.subject, f.severity) == ("1.3", "error")
    assert f.message == "Chỉ số 1.3: liệt kê trong nhóm đạt điểm tuyệt đối nhưng chỉ đạt 0,5/1"


def test_indicator_in_both_lists() -> None:
    lost = [
        ind("3.3", "full", percent=100, evidence=ev("- Mục 3.3 (Thực hiện cơ chế một cửa): đạt tỷ lệ 100%", 91)),
        ind("3.3", "incomplete", 0.5, 1, 50, evidence=ev("0,5/1 điểm (đạt 50% theo biểu điểm);", 132)),
    ]
    [f] = check(make(indicators=lost), "status_contradiction")
    assert (f.subject, f.severity, len(f.evidence)) == ("3.3", "error", 2)
    no_numbers = [ind("4.2", "full"), ind("4.2", "incomplete")]
    [g] = check(make(indicators=no_numbers), "status_contradiction")
    assert g.severity == "warning"


def test_parent_listed_as_full_while_its_part_is_not_achieved() -> None:
    parent = ind("3.1", "full", percent=100, criterion="3", evidence=ev("- Mục 3.1 (Kiểm soát TTHC): đạt 100%", 90))
    child = ind("3.1.2", "incomplete", zero=True, criterion="3", evidence=ev("- Mục 3.1.2. (Không đạt điểm)", 125))
    [f] = check(make(indicators=[parent, child]), "status_contradiction")
    assert (f.subject, f.severity, [e.line for e in f.evidence]) == ("3.1", "error", [90, 125])
    assert "3.1.2" in f.message and "3.1.2" in (f.message_en or "")
    unscored = ind("3.1.2", "incomplete", criterion="3")
    [g] = check(make(indicators=[parent, unscored]), "status_contradiction")
    assert g.severity == "warning"  # listed as not achieved, no loss printed


@pytest.mark.parametrize(
    "indicators",
    [
        [ind("7.2", "incomplete", percent=70.9), ind("7.2.1", "full")],  # the part full, the parent not: fine
        [ind("3.1", "full", criterion="3"), ind("3.1.2", "full", criterion="3")],
        [ind("3.1", "full", criterion="3"), ind("3.12", "incomplete", criterion="3")],  # 3.12 is no part of 3.1
        [ind("1.1", "full", criterion="1"), ind("1.1.2", "incomplete", criterion="7")],  # another criterion's list
    ],
)
def test_parent_and_part_that_agree_are_not_flagged(indicators: list[Indicator]) -> None:
    assert check(make(indicators=indicators), "status_contradiction") == []


def test_full_indicator_with_percent_below_100_is_a_warning_and_100_is_fine() -> None:
    [f] = check(make(indicators=[ind("7.1.3", "full", percent=81.4)]), "status_contradiction")
    assert (f.severity, f.actual) == ("warning", 81.4)
    assert check(make(indicators=[ind("3.2", "full", 3, 3, 100), ind("3.4", "full", percent=100)])) == []


# --------------------------------------------------------------------------- numbering_gap


def test_numbering_gap_in_section_ii_of_the_sample() -> None:
    found = check(make(outline=outline("I: 1 1.1 1.2 2 3 3.1 3.2 4 5 6 7 | II: 1 9 10 | III: 1 2 2.1 2.2 3")))
    [f] = found
    assert (f.kind, f.subject, f.actual, f.expected) == ("numbering_gap", "II", "1, 9, 10", "1, 2, 3")
    assert f.message == "Phần II: đánh số 1, 9, 10 không liên tục (nhảy từ 1 lên 9)"


def test_numbering_continuing_from_previous_section_and_nested_lists_are_fine() -> None:
    assert check(make(outline=outline("I: 1 2 3 4 5 6 7 | II: 8 9 10 | III: 1 2 3"))) == []
    # A list 1, 2 inside item 2.1, then the section goes on with 3.
    assert check(make(outline=outline("I: 1 2 2.1 1 2 2.2 3"))) == []


def test_numbering_restart_subitems_and_roman_gaps() -> None:
    assert pairs(check(make(outline=outline("I: 1 2 3 1 2")))) == [("numbering_gap", "I")]
    [f] = check(make(outline=outline("I: 1 1.1 1.3 2")))
    assert (f.subject, f.actual, f.expected) == ("I 1", "1.1, 1.3", "1.1, 1.2")
    [g] = check(make(outline=outline("I: 1 | II: 1 | IV: 1")))
    assert (g.subject, g.actual, g.expected) == ("I, II, III", "I, II, IV", "I, II, III")


def lettered(letters: str, section: str | None = "I") -> list[Criterion]:
    """Criteria 1, 2, … printed with the letters given ("a b c d đ đ g"), in that order."""
    return [
        crit(str(k + 1), 1, 2, evidence=ev(f"{letter}) Tiêu chí {k + 1}: 1/2 điểm"), printed_number=f"{letter})", section=section)
        for k, letter in enumerate(letters.split())
    ]


def test_lettered_criteria_a_letter_used_twice_or_skipped() -> None:
    # Vietnamese legal lettering: a b c d đ e g h i k (no f, j, w, z)
    [f] = check(make(criteria=lettered("a b c d đ đ g h i k")), "numbering_gap")
    assert (f.subject, f.actual, f.expected) == ("I a, b, c", "a, b, c, d, đ, đ, g, h, i, k", "a, b, c, d, đ, e, g, h, i, k")
    assert f.message_en.endswith("(repeats đ)")
    assert [e.text for e in f.evidence] == ["đ) Tiêu chí 5: 1/2 điểm", "đ) Tiêu chí 6: 1/2 điểm"]
    [g] = check(make(criteria=lettered("a b c d đ e h i k")), "numbering_gap")  # g skipped
    assert (g.actual, g.expected) == ("a, b, c, d, đ, e, h, i, k", "a, b, c, d, đ, e, g, h, i")
    assert "(jumps from e to h)" in g.message_en
    [h] = check(make(criteria=lettered("b c d")), "numbering_gap")
    assert "(starts at b)" in h.message_en
    # criteria 8, 9, 10 lettered h, i, k may open a section; lettered i, k, l they start out of place
    eight = [replace_code(c, str(k)) for c, k in zip(lettered("i k l", "II"), (8, 9, 10))]
    [g] = check(make(criteria=eight), "numbering_gap")
    assert (g.subject, g.actual, g.expected) == ("II a, b, c", "i, k, l", "a, b, c")


def test_lettered_criteria_in_order_are_fine() -> None:
    assert check(make(criteria=lettered("a b c d đ e g h i k")), "numbering_gap") == []
    # lettered as in English (d, e, f) is a sequence too, and so is a list without đ
    assert check(make(criteria=lettered("a b c d e f g h i j")), "numbering_gap") == []
    assert check(make(criteria=lettered("a b c d e")), "numbering_gap") == []
    # a second section starting again at a, or going on from the first
    two = [*lettered("a b c d đ e g"), *lettered("a b c", "II")]
    assert check(make(criteria=two), "numbering_gap") == []
    on = [*lettered("a b c d đ e g"), *[replace_letter(c, x) for c, x in zip(lettered("a b c", "II"), "hik")]]
    assert check(make(criteria=on), "numbering_gap") == []
    eight = [replace_code(c, str(k)) for c, k in zip(lettered("h i k", "II"), (8, 9, 10))]
    assert check(make(criteria=eight), "numbering_gap") == []
    # lettering that starts again at a within a section (groups of criteria under headings) is a new list
    assert check(make(criteria=[*lettered("a b c"), *lettered("a b")]), "numbering_gap") == []
    # criteria numbered 1., 2., … or I., II., … are not letters
    assert check(make(criteria=[crit(str(k), 1, 2, printed_number=f"{r}.") for k, r in ((1, "I"), (2, "I"))])) == []
    assert check(make(criteria=[crit(str(k), 1, 2, printed_number=f"{k}.") for k in (1, 2, 2, 4)]), "numbering_gap") == []


def test_lettered_criteria_in_english_lettering_with_a_gap() -> None:
    [f] = check(make(criteria=lettered("a b c d e f h")), "numbering_gap")  # f: English lettering, g skipped
    assert (f.actual, f.expected) == ("a, b, c, d, e, f, h", "a, b, c, d, e, f, g")


def replace_code(criterion: Criterion, code: str) -> Criterion:
    return criterion.model_copy(update={"code": code})


def replace_letter(criterion: Criterion, letter: str) -> Criterion:
    return criterion.model_copy(update={"printed_number": f"{letter})"})


# --------------------------------------------------------------------------- missing_criterion


def test_missing_criterion_from_framework() -> None:
    criteria = [c for c in ten_criteria() if c.code != "8"]
    [f] = check(make(criteria=criteria), "missing_criterion", framework=FRAMEWORK)
    assert (f.subject, f.severity) == ("8", "warning")
    assert "9/10" in f.message


def test_missing_criterion_not_on_letters_or_partial_reports() -> None:
    letter = make(criteria=ten_criteria()[:3], is_scored_report=True)
    assert check(letter, "missing_criterion", framework=FRAMEWORK) == []  # 3 of 10: not a criteria report
    plan = make(criteria=[c for c in ten_criteria() if c.code != "8"], is_scored_report=False)
    assert check(plan, "missing_criterion", framework=FRAMEWORK) == []


def test_missing_criterion_without_framework_reports_gaps_only() -> None:
    criteria = [crit(str(k), 1, 2) for k in (1, 2, 3, 5, 6, 7)]
    assert pairs(check(make(criteria=criteria), "missing_criterion")) == [("missing_criterion", "4")]
    assert check(make(criteria=ten_criteria()[:7]), "missing_criterion") == []


# --------------------------------------------------------------------------- year_mismatch


def years(*spec: tuple[str, int, int | None]) -> list[YearStatement]:
    return [YearStatement(role=r, year=y, next_year=n, evidence=[ev(f"{r} {y}")]) for r, y, n in spec]  # type: ignore[arg-type]


def test_year_mismatch_closing_differs_from_title() -> None:
    record = make(years=years(("title", 2022, 2023), ("body", 2022, None), ("closing", 2023, 2023)))
    [f] = check(record)
    assert (f.kind, f.subject, f.expected, f.actual) == ("year_mismatch", "closing", 2022, 2023)
    assert len(f.evidence) == 2
    assert check(make(years=years(("title", 2022, 2023), ("closing", 2022, 2023)))) == []


def test_year_mismatch_without_title_uses_majority() -> None:
    record = make(years=years(("body", 2022, None), ("body", 2022, None), ("closing", 2021, None)))
    assert [(f.subject, f.actual) for f in check(record)] == [("closing", 2021)]


def test_year_mismatch_a_title_outvoted_by_the_body_and_the_closing_is_the_one_flagged() -> None:
    record = make(years=years(("title", 2023, None), ("body", 2022, None), ("closing", 2022, None)))
    [f] = check(record)
    assert (f.subject, f.expected, f.actual) == ("title", 2022, 2023)
    assert f.message_en.endswith("but in the rest of the report it is 2022")
    # with one statement against the title, or the others disagreeing among themselves, the title stands
    assert [f.subject for f in check(make(years=years(("title", 2023, None), ("body", 2022, None))))] == ["body"]
    split = make(years=years(("title", 2023, None), ("body", 2022, None), ("closing", 2021, None)))
    assert [f.subject for f in check(split)] == ["body", "closing"]


# --------------------------------------------------------------------------- rank, dates, repairs, letters


def test_rank_out_of_range() -> None:
    record = make(
        overall=Overall(rank=8, rank_total=23),
        criteria=[crit("1", 1, 2, rank=5, total=19), crit("2", 1, 2, rank=4, total=3), crit("3", 1, 2, rank=0)],
    )
    assert [(f.subject, f.actual) for f in check(record, "rank_out_of_range")] == [("2", "4/3"), ("3", "0")]


def test_date_inconsistency() -> None:
    refs = [
        Reference(type="Quyết định", number="855/QĐ-UBND", date="2023-03-22", evidence=[ev("ngày 22/3/2023", 18)]),
        Reference(type="Kế hoạch", number="71/KH-UBND", date="2023-05-30", evidence=[ev("ngày 30/5/2023", 40)]),
        Reference(type="Công văn", number="12/UBND", date_valid=False, evidence=[ev("ngày 31/02/2022", 60)]),
    ]
    meta = Meta(issued_date="2023-04-06", evidence=[ev("Minh Đức, ngày 06 tháng 4 năm 2023")])
    found = check(make(meta=meta, references=refs), "date_inconsistency")
    assert [f.subject for f in found] == ["71/KH-UBND", "12/UBND"]
    assert found[0].message == "Kế hoạch số 71/KH-UBND ngày 30/05/2023 sau ngày ban hành báo cáo 06/04/2023"
    assert len(found[0].evidence) == 2


def test_malformed_number_and_not_scored_report() -> None:
    repair = Repair(original="8,97/,11,5", value="8,97/11,5", reason="dấu phẩy thừa", evidence=[ev("8,97/,11,5")])
    [f] = check(make(repairs=[repair]))
    assert (f.kind, f.severity, f.actual, f.expected) == ("malformed_number", "warning", "8,97/,11,5", "8,97/11,5")
    assert f.subject == "8,97/,11,5"
    line = sample_ev("8,97/,11,5")
    placed = repair.model_copy(update={"evidence": [line]})
    [g] = check(make(repairs=[placed], criteria=[crit("7", 8.97, 11.5, 77.99, evidence=line)]))
    assert (g.subject, g.evidence[0].line) == ("7", 211)  # the criterion stated on that line
    [h] = check(make(is_scored_report=False, meta=Meta(title="Kế hoạch CCHC năm 2023")))
    assert (h.kind, h.severity) == ("not_scored_report", "warning")
    assert check(make()) == []


# --------------------------------------------------------------------------- same quantity: sentence pairs

STAFF_19 = qty(
    "Tổng số cán bộ, công chức đạt chuẩn của UBND xã",
    2, 19, "cán bộ, công chức",
    "Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 2/19 do chủ tịch Hội nông dân xã và Công chức Tài "
    "chính Kế toán có trình độ Trung cấp.", line=180,
)  # fmt: skip
STAFF_10 = qty(
    "Đội ngũ cán bộ, công chức của xã vẫn còn", 2, 10, "cán bộ, công chức",
    "Đội ngũ cán bộ, công chức của xã vẫn còn 2/10 chưa đạt chuẩn.", line=362,
)  # fmt: skip
ON_TIME = qty(
    "Tỷ lệ hồ sơ năm 2022 giải quyết đúng hạn", 3150, 3155, "hồ sơ",
    "Tỷ lệ hồ sơ năm 2022 giải quyết đúng hạn: 3150/3155=99,8%, do có 05 hồ sơ bị trễ hạn do phần mềm hệ thống.",
    percent=99.8, line=144,
)  # fmt: skip
ONLINE = qty(
    "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3, 4", 2252, 3177, "hồ sơ",
    "Mục 7.2 (cung cấp dịch vụ công trực tuyến): Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3, 4 có "
    "2.252/3.177 tổng số hồ sơ TTHC được giải quyết trong năm, đạt tỷ lệ 70,9%.",
    percent=70.9, line=258,
)  # fmt: skip

# the third item is the population both wholes are read as (conflicting_values' subject)
SAME = [
    (STAFF_19, STAFF_10, "cán bộ, công chức"),
    (ON_TIME, ONLINE, "hồ sơ giải quyết"),
    (
        qty("Số cán bộ, công chức đạt chuẩn", 17, 19, "cán bộ, công chức", "Số cán bộ, công chức đạt chuẩn là 17/19 người."),
        qty("có", 2, 20, "cán bộ, công chức", "Hiện có 2/20 cán bộ, công chức chưa đạt chuẩn theo quy định."),
        "cán bộ, công chức",
    ),
]  # fmt: skip

DIFFERENT = [
    (  # tasks of a plan that is not named: two plans' tasks may be meant
        qty("Kế hoạch đề ra 10 nhiệm vụ, hoàn thành", 8, 10, "nhiệm vụ", "Kế hoạch đề ra 10 nhiệm vụ, hoàn thành 8/10 nhiệm vụ."),
        qty("số nhiệm vụ hoàn thành là", 8, 12, "nhiệm vụ", "Số nhiệm vụ hoàn thành là 8/12 nhiệm vụ đề ra."),
    ),
    (  # dialogues held vs dialogues put on the scoring software: the words around them say different things
        qty("tiếp xúc đối thoại", 2, 5, "cuộc", "Chỉ có 2 cuộc tiếp xúc đối thoại trong năm (2/5 cuộc theo biểu điểm)."),
        qty("Mới đưa", 2, 6, "cuộc", "Mới đưa 2/6 cuộc đối thoại của Lãnh đạo xã với nhân dân lên phần mềm."),
    ),
    (  # "tiếp nhận trong năm được giải quyết đúng hạn" does not say whether its whole is received or resolved
        qty("Hồ sơ TTHC tiếp nhận trong năm được giải quyết đúng hạn", 1200, 1210, "hồ sơ TTHC"),
        qty("Tỷ lệ hồ sơ được giải quyết đúng hạn", 1195, 1210, "hồ sơ"),
    ),
    (qty("mới có", 1, 2, "sáng kiến", "mới có 1/2 sáng kiến kinh nghiệm"), qty("đạt", 1, 2, "điểm", "đạt 1/2 điểm")),
    (
        qty("số nhiệm vụ hoàn thành là", 6, 7, "nhiệm vụ", "số nhiệm vụ hoàn thành là 6/7 nhiệm vụ đề ra theo Kế hoạch"),
        qty("Tỷ lệ hồ sơ trả lại", 3, 500, "hồ sơ", "Tỷ lệ hồ sơ trả lại 3/500 hồ sơ"),
    ),
    (
        qty("TTHC liên thông có phát sinh hồ sơ", 1, 17, "TTHC", "Có 1/17 TTHC liên thông có phát sinh hồ sơ."),
        qty("TTHC cung cấp dịch vụ công trực tuyến có phát sinh hồ sơ", 45, 120, "TTHC"),
    ),
    (ON_TIME, qty("Tỷ lệ hồ sơ giải quyết đúng hạn lĩnh vực đất đai", 95, 100, "hồ sơ")),
    (
        qty("Số cán bộ, công chức đạt chuẩn năm 2021", 15, 18, "cán bộ, công chức"),
        qty("Số cán bộ, công chức đạt chuẩn", 17, 19, "cán bộ, công chức"),
    ),
    (
        qty("Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3", 40, 100, "hồ sơ"),
        qty("Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4", 30, 120, "hồ sơ"),
    ),
    (
        qty("cán bộ, công chức sử dụng thư điện tử", 15, 19, "cán bộ, công chức"),
        qty("cán bộ, công chức đạt chuẩn", 17, 20, "cán bộ, công chức"),
    ),
    (
        qty("văn bản đi được ký số", 300, 350, "văn bản"),
        qty("văn bản đến được xử lý trên môi trường mạng", 400, 500, "văn bản"),
    ),
    (qty("hộ nghèo thôn Mép", 2, 5, "hộ"), qty("hộ nghèo thôn Quàn", 3, 6, "hộ")),
    (
        qty("cán bộ, công chức được đào tạo, bồi dưỡng", 12, 19, "cán bộ, công chức"),
        qty("cán bộ, công chức đạt chuẩn", 17, 20, "cán bộ, công chức"),
    ),
    (qty("Tỷ lệ hồ sơ được số hóa", 2780, 3155, "hồ sơ"), qty("hồ sơ có cấp kết quả bản điện tử", 1280, 3160, "hồ sơ")),
    (qty("hồ sơ giải quyết đúng hạn", 3150, 3155, "hồ sơ"), qty("hồ sơ trễ hạn", 5, 3160, "hồ sơ")),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "words"), SAME)
def test_same_quantity_positive(a: Quantity, b: Quantity, words: str) -> None:
    match = same_quantity(a, b, 2022)
    assert match is not None and match.shared_text() == words
    assert same_quantity(b, a, 2022) is not None


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_same_quantity_negative(a: Quantity, b: Quantity) -> None:
    assert same_quantity(a, b, 2022) is None and same_quantity(b, a, 2022) is None


def test_describe_takes_the_whole_after_the_fraction() -> None:
    d = describe(ONLINE)  # "… trực tuyến mức độ 3, 4 có 2.252/3.177 tổng số hồ sơ TTHC được giải quyết trong năm"
    assert d.whole.text() == "hồ sơ giải quyết" and {"trực tuyến", "mức độ 3,4"} <= d.part
    assert describe(STAFF_10).whole.text() == "cán bộ, công chức" and describe(STAFF_10).part == {"chưa đạt chuẩn"}


def test_conflicting_values_staff_and_records() -> None:
    dialogue = "Chỉ có 2 cuộc tiếp xúc đối thoại trong năm (2/5 cuộc theo biểu điểm)."
    record = make(
        meta=Meta(report_year=2022),
        quantities=[
            STAFF_19,
            ON_TIME,
            qty("tiếp xúc đối thoại", 2, 5, "cuộc", dialogue),
            qty("Mới đưa", 2, 5, "cuộc", "Mới đưa 2/5 cuộc đối thoại của Lãnh đạo xã với nhân dân lên phần mềm."),
            qty("số nhiệm vụ hoàn thành là", 6, 7, "nhiệm vụ", "số nhiệm vụ hoàn thành là 6/7 nhiệm vụ", 85.7),
            ONLINE,
            STAFF_10,
        ],
    )
    found = check(record, "conflicting_values")
    # known by the values printed (line 144 comes before line 180), not by the words the checker names it by
    assert [(f.expected, f.actual) for f in found] == [("3150/3155", "2252/3177"), ("2/19", "2/10")]
    assert [[ev.line for ev in f.evidence] for f in found] == [[144, 258], [180, 362]]
    staff = found[1]
    assert staff.severity == "warning" and len(staff.evidence) == 2
    assert "tổng 19 ≠ 10" in staff.message and "cùng tổng thể “cán bộ, công chức”" in staff.message
    assert "same population “cán bộ, công chức”" in (staff.message_en or "")


def test_conflicting_counts_with_the_same_whole_and_percent_statements() -> None:
    record = make(
        quantities=[
            qty("Số cán bộ, công chức đạt chuẩn", 17, 19, "cán bộ, công chức"),
            qty("Cán bộ, công chức đạt chuẩn", 16, 19, "cán bộ, công chức"),
            qty("Cán bộ, công chức chưa đạt chuẩn", 2, 19, "cán bộ, công chức"),
            qty("Tỷ lệ trao đổi văn bản điện tử có ký số", None, None, "văn bản", percent=81.4),
            qty("tỷ lệ trao đổi văn bản điện tử có ký số của UBND xã", None, None, "văn bản", percent=85.0),
            qty("Tỷ lệ văn bản được xử lý trên môi trường mạng", None, None, "văn bản", percent=81.4),
        ]
    )
    found = check(record, "conflicting_values")
    assert [(f.expected, f.actual) for f in found] == [("17/19", "16/19"), ("81,4%", "85%")]


def test_a_list_of_alike_items_is_not_a_restatement() -> None:
    quarters = [
        qty(f"Hồ sơ giải quyết đúng hạn quý {q}", n, d, "hồ sơ", f"Quý {q}: giải quyết đúng hạn {n}/{d} hồ sơ.")
        for q, n, d in (("I", 300, 310), ("II", 280, 290), ("III", 350, 351), ("IV", 400, 404))
    ]
    assert check(make(quantities=quarters), "conflicting_values") == []  # quý I, II, ... qualify the whole
    batches = [
        qty("Hồ sơ giải quyết đúng hạn", n, d, "hồ sơ", f"Giải quyết đúng hạn {n}/{d} hồ sơ tiếp nhận.")
        for n, d in ((300, 310), (280, 290), (350, 351), (400, 404))
    ]
    assert check(make(quantities=batches), "conflicting_values") == []  # four alike: a list, not restatements
    assert len(check(make(quantities=batches[:2]), "conflicting_values")) == 1  # two alone do conflict


def test_criterion_stated_twice_with_different_scores() -> None:
    record = make(criteria=[crit("2", 5, 5, 100), crit("2", 4.5, 5)])
    [f] = check(record, "conflicting_values")
    assert (f.subject, f.expected, f.actual) == ("2", "5/5", "4,5/5")
    assert check(make(criteria=[crit("2", 5, 5, 100), crit("2", 5, 5)]), "conflicting_values") == []


# --------------------------------------------------------------------------- the sample, rebuilt by hand


def sample_record() -> Record:
    """The Minh Đức 2022 report's statements, typed in from its printed numbers."""
    e = sample_ev
    criteria = [
        crit("1", 12.7, 15, 87.67, 5, 19, 6, e("12,7/15 điểm")),
        crit("2", 5, 5, 100, 1, 3, 0, e("5/5 điểm, tỷ lệ đạt 100%")),
        crit("3", 15.52, 18.5, 83.89, 16, 21, -13, e("15,52/18,5")),
        crit("4", 6, 6, 100, None, None, 0, e("6/6 điểm")),
        crit("5", 8.8, 11, 80, 14, 19, -15, e("8,8/11")),
        crit("6", 6, 7, 85.71, 5, 13, -10, e("6/7 điểm")),
        crit("7", 8.97, 11.5, 77.99, 12, 21, -7, e("8,97/,11,5")),
        crit("8", 1.31, 2, 65.65, 8, 15, None, e("1,31/2"), printed_number="1.", section="II"),
        crit("9", 10, 14, 71.4, 1, 21, None, e("10/14 điểm")),
        crit("10", 9.67, 10, 96.71, 4, 19, None, e("9,67/10")),
    ]
    indicators = [
        ind("1.1", "full", evidence=e("Mục 1.1")),
        ind("1.2", "full", evidence=e("Mục 1.2")),
        ind("1.3", "full", 0.5, 1, 50, evidence=e("0,5/1 điểm (50%)")),
        ind("1.4", "full", evidence=e("Mục 1.4")),
        ind("1.5", "incomplete", 1, 2, 50, evidence=e("đạt 1/2 điểm")),
        ind("1.6", "incomplete", 0.7, 1, 70, evidence=e("0,7/1 điểm")),
        ind("1.7", "incomplete", 2.5, 3, 83.33, evidence=e("2,5/3 điểm")),
        ind("3.1", "full", percent=100, evidence=e("Mục 3.1 (Kiểm soát")),
        ind("3.2", "full", 3, 3, 100, evidence=e("3/3 điểm")),
        ind("3.3", "full", percent=100, evidence=e("Mục 3.3 (Thực hiện")),
        ind("3.4", "full", 1, 1, 100, evidence=e("1/1 điểm")),
        ind("3.5", "full", percent=100, evidence=e("Mục 3.5 (Kết quả")),
        ind("3.6", "full", evidence=e("Mục 3.6:")),
        ind("3.7", "full", percent=100, evidence=e("3.7 Tiếp nhận")),
        ind("3.1.2", "incomplete", zero=True, evidence=e("Mục 3.1.2")),
        ind("3.3", "incomplete", 0.5, 1, 50, evidence=e("0,5/1 điểm (đạt 50%")),
        ind("3.5", "incomplete", percent=99.8, evidence=e("Mục 3.5 (Kết quả", 140)),
        ind("3.6", "incomplete", percent=87.73, evidence=e("Mục 3.6:", 150)),
        ind("7.1.1", "full", evidence=e("Chỉ số 7.1.1")),
        ind("7.1.5", "full", evidence=e("Chỉ số 7.1.5")),
        ind("7.1.7", "full", evidence=e("Chỉ số 7.1.7")),
        ind("7.2.1", "full", evidence=e("Chỉ số 7.2.1")),
        ind("7.1.2", "incomplete", percent=85.7, evidence=e("Mục 7.1.2")),
        ind("7.1.3", "incomplete", percent=81.4, evidence=e("Mục 7.1.3")),
        ind("7.1.4", "incomplete", percent=81.4, evidence=e("Mục 7.1.4")),
        ind("7.1.6", "incomplete", zero=True, evidence=e("Mục 7.1.6")),
        ind("7.1.7", "incomplete", percent=85.7, evidence=e("Mục 7.1.7 (Cung")),
        ind("7.2", "incomplete", percent=70.9, evidence=e("Mục 7.2 (cung")),
    ]
    dialogue = "do chỉ có 2 cuộc tiếp xúc đối thoại trong năm với thôn Mép và thônQuàn (2/5 cuộc theo biểu điểm)"
    quantities = [
        qty("sáng kiến kinh nghiệm", 1, 2, "sáng kiến", "mới có 1/2 sáng kiến kinh nghiệm, đạt 1/2 điểm (50%)."),
        qty("cuộc tiếp xúc đối thoại", 2, 5, "cuộc", dialogue),
        ON_TIME,
        STAFF_19,
        qty("số nhiệm vụ hoàn thành", 6, 7, "nhiệm vụ",
            "số nhiệm vụ hoàn thành là 6/7 nhiệm vụ đề ra theo Kế hoạch, đạt tỷ lệ 85,7%.", 85.7),
        ONLINE,
        qty("cuộc đối thoại của Lãnh đạo xã với nhân dân", 2, 5, "cuộc",
            "Mới đưa 2/5 cuộc đối thoại của Lãnh đạo xã với nhân dân lên phần mềm chấm điểm"),
        STAFF_10,
    ]  # fmt: skip
    refs = [
        ("Kế hoạch", "29/KH-UBND", "2021-12-27"),
        ("Quyết định", "855/QĐ-UBND", "2023-03-22"),
        ("Công văn", "623/UBND-VP", "2022-05-06"),
        ("Nghị quyết", "76/NQ-CP", "2021-07-15"),
        ("Chỉ thị", "23/CT-TTg", "2021-09-02"),
        ("Kế hoạch", "71/KH-UBND", "2022-12-30"),
        ("Công văn", "217/UBND-NV", "2023-03-15"),
        ("Kế hoạch", "72/KH-UBND", "2022-12-30"),
    ]
    return make(
        meta=Meta(
            unit_name="Minh Đức", unit_level="xã", district="Tứ Kỳ", doc_number="29/BC-UBND",
            issued_date="2023-04-06", report_year=2022, evidence=[e("ngày 06  tháng 4")],
        ),
        overall=Overall(score=83.97, max_score=100, percent=83.97, rank=8, rank_total=23, rank_change=-5,
                        evidence=[e("83,97/100"), e("83,97%")]),
        criteria=criteria,
        indicators=indicators,
        quantities=quantities,
        references=[Reference(type=t, number=n, date=d, evidence=[e(n.split("/")[0] + "/")]) for t, n, d in refs],
        outline=sample_outline(
            "I: 1 1.1 1.2 2 3 3.1 3.2 4 5 5.1 5.2 6 6.1 6.2 7 7.1 7.2 | II: 1 9 10 "
            "| III: 1 2 2.1 2.2 2.3 2.4 2.5 2.6 2.7 3 | IV: 1 2 3 4 5 6 7 | V: 1 2"
        ),
        years=[
            YearStatement(role="title", year=2022, next_year=2023, evidence=[e("xã Minh Đức năm 2022")]),
            YearStatement(role="body", year=2022, evidence=[e("I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022")]),
            YearStatement(role="closing", year=2023, next_year=2023, evidence=[e("Trên đây là Báo cáo")]),
        ],
        repairs=[Repair(original="8,97/,11,5", value="8,97/11,5", reason="dấu phẩy thừa trước mẫu số",
                        evidence=[e("8,97/,11,5")])],
    )  # fmt: skip


def test_sample_rebuilt_by_hand_gives_exactly_its_inconsistencies() -> None:
    record = sample_record()
    found = run_rules(record, DEFAULT_SETTINGS, framework=FRAMEWORK)
    # conflicting values are named by the two values printed, not by the checker's subject words
    assert [(f.severity, f.kind, f.subject if f.kind != "conflicting_values" else f"{f.expected} vs {f.actual}")
            for f in found] == [
        ("error", "percent_mismatch", "1"),
        ("error", "status_contradiction", "1.3"),
        ("error", "status_contradiction", "3.1"),  # listed as full while its part 3.1.2 scored nothing
        ("error", "status_contradiction", "3.3"),
        ("error", "status_contradiction", "3.5"),
        ("error", "status_contradiction", "3.6"),
        ("error", "status_contradiction", "7.1.7"),
        ("warning", "conflicting_values", "3150/3155 vs 2252/3177"),
        ("warning", "conflicting_values", "2/19 vs 2/10"),
        ("warning", "malformed_number", "7"),
        ("warning", "numbering_gap", "II"),
        ("warning", "year_mismatch", "closing"),
    ]
    by_kind = {f.kind: f for f in found}
    assert by_kind["percent_mismatch"].message == "Tiêu chí 1: tỷ lệ in 87,67% nhưng 12,7/15 = 84,67%"
    assert by_kind["percent_mismatch"].evidence[0].line == 28
    staff = next(f for f in found if f.kind == "conflicting_values" and f.expected == "2/19")
    assert [ev.line for ev in staff.evidence] == [180, 362]
    records = next(f for f in found if f.kind == "conflicting_values" and f.expected == "3150/3155")
    assert [ev.line for ev in records.evidence] == [144, 258]
    assert by_kind["year_mismatch"].evidence[0].line == 479 and by_kind["year_mismatch"].evidence[1].line == 12
    assert by_kind["numbering_gap"].actual == "1, 9, 10"
    assert [ev.line for ev in by_kind["numbering_gap"].evidence] == [264, 272]
    # Nothing that adds up is flagged: the total, the ratios, criterion 1's deductions, framework maxima.
    assert not {"total_mismatch", "deduction_mismatch", "max_mismatch", "missing_criterion"} & set(by_kind)


def test_sample_findings_serialise_with_both_languages() -> None:
    for f in run_rules(sample_record(), DEFAULT_SETTINGS, framework=FRAMEWORK):
        assert f.message and f.message_en and "\n" not in f.message
        assert f.evidence, f.kind
        assert Finding.model_validate_json(f.model_dump_json()) == f


# --------------------------------------------------------------------------- end to end on the samples

SAMPLES = SAMPLE.parent


@pytest.mark.parametrize(
    "file",
    ["minh-duc-2022.txt", "dong-hoa-2023.pdf", "phuoc-an-2021.docx", "dong-lac-2023.pdf"],
)
def test_extracted_samples_give_exactly_their_planted_findings(file: str) -> None:
    """Extractor + checker on each sample: every planted inconsistency, nothing else (dong-lac is clean)."""
    from cchc.api import extract_file

    truth = json.loads((SAMPLES / "truth" / f"{Path(file).stem}.json").read_text(encoding="utf-8"))
    record = extract_file(SAMPLES / file)
    found = {(f.kind, f.subject) for f in record.findings if f.kind not in ("conflicting_values", "unplaced_statement")}
    assert found == {(p["kind"], p["subject"]) for p in truth["planted"] if p["kind"] != "conflicting_values"}
    # A conflict is known by the two values a person read in the report, whatever words the checker names it by.
    conflicts = {frozenset(map(_ratio, (f.expected, f.actual))) for f in record.findings if f.kind == "conflicting_values"}
    assert conflicts == {frozenset(map(_ratio, p["values"])) for p in truth["planted"] if p["kind"] == "conflicting_values"}


def _ratio(printed: object) -> tuple[float, ...]:
    """ "2.252/3.177" -> (2252.0, 3177.0), read with the extractor's number parser."""
    parts = [parse_number(part) for part in str(printed).split("/")]
    return tuple(p.value for p in parts if p is not None)


@pytest.mark.parametrize(
    ("file", "unplaced"),
    [
        ("minh-duc-2022.txt", []),
        ("dong-lac-2023.pdf", []),
        ("dong-hoa-2023.pdf", ["21.75/24 điểm"]),  # the subtotal of criteria 9 and 10, stated in prose
        ("phuoc-an-2021.docx", []),  # indicators 1.5 and 1.6 inside one paragraph are read as indicators
    ],
)
def test_scores_placed_nowhere_are_reported_as_info(file: str, unplaced: list[str]) -> None:
    """Never silence: a score the extractor cannot place is an info finding with its evidence."""
    from cchc.api import extract_file

    record = extract_file(SAMPLES / file)
    found = [f for f in record.findings if f.kind == "unplaced_statement"]
    assert sorted(f.subject for f in found) == sorted(unplaced)
    assert all(f.severity == "info" and f.evidence and f.subject in f.evidence[0].text for f in found)


def test_a_percent_printed_with_two_zero_decimals_is_that_precise() -> None:
    """"9,5 | 96,00": the float 96.0 forgets the two printed decimals; the evidence keeps them."""
    from cchc.checker.rounding import printed_decimals

    assert printed_decimals(96.0, ["10 | Sự hài lòng của người dân | 10 | 9,5 | 96,00"]) == 2
    assert printed_decimals(96.0, ["đạt tỷ lệ 96%"]) == 0
    assert not percent_consistent(9.5, 10, 96.0, places=2)  # 95,00% printed as 96,00%
    assert percent_consistent(9.5, 10, 96.0)  # "96%": 9,5 may be 9,55 rounded, 95,5% prints as 96%
    assert percent_consistent(12.7, 15, 84.47, places=2)  # the score's own rounding still counts


def test_a_score_above_its_own_maximum(tmp_path: Path) -> None:
    """"6,5/6 điểm": flagged whatever the percent beside it says; 6/6 and 5,75/6 are not."""
    text = ("BÁO CÁO\nKết quả cải cách hành chính năm 2022 của UBND xã An Khánh\n"
            "1. Công tác chỉ đạo, điều hành: 6,5/6 điểm, đạt tỷ lệ 108,33%.\n"
            "2. Cải cách thể chế: 6/6 điểm, đạt tỷ lệ 100%.\n3. Cải cách thủ tục hành chính: 5,75/6 điểm.\n")
    from cchc.api import check_record, extract_file

    path = tmp_path / "above.txt"
    path.write_text(text, encoding="utf-8")
    findings = check_record(extract_file(path))
    above = [(f.rule, f.subject, f.actual) for f in findings if f.kind == "score_above_max"]
    assert above == [("CCHC115", "1", 6.5)]
    assert not [f for f in findings if f.kind == "percent_mismatch" and f.subject == "1"]
