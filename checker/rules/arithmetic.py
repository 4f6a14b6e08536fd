"""Rules on the arithmetic of scores: percent, total, deductions, maximum (CCHC101-CCHC104, CCHC115)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, rule
from cchc.checker.rounding import (
    close,
    decimals,
    percent_consistent,
    printed_decimals,
    recomputed_percent,
    sum_tolerance,
)
from cchc.checker.rules._common import _EPS, _code_parts, unique_criteria
from cchc.schemas.record import Criterion, Evidence, Indicator, Record

# --------------------------------------------------------------------------- CCHC101 percent_mismatch


@dataclass(frozen=True, slots=True)
class _Ratio:
    subject: str
    place_vi: str
    place_en: str
    score: float
    max_score: float
    percent: float | None
    evidence: Sequence[Evidence]


def _scored(record: Record, criteria: Iterable[Criterion]) -> Iterator[_Ratio]:
    """The overall, the given criteria and the indicators that state a score and its maximum."""
    o = record.overall
    if o.score is not None and o.max_score is not None:
        yield _Ratio("overall", m.overall_place("vi"), m.overall_place("en"), o.score, o.max_score, o.percent, o.evidence)
    for c in criteria:
        if c.score is not None and c.max_score is not None:
            place_vi, place_en = m.criterion_place(c.code, "vi"), m.criterion_place(c.code, "en")
            yield _Ratio(c.code or c.title, place_vi, place_en, c.score, c.max_score, c.percent, c.evidence)
    for i in record.indicators:
        if i.score is not None and i.max_score is not None:
            place_vi, place_en = m.indicator_place(i.code, "vi"), m.indicator_place(i.code, "en")
            yield _Ratio(i.code, place_vi, place_en, i.score, i.max_score, i.percent, i.evidence)


def _ratios(record: Record) -> Iterator[_Ratio]:
    """Every score, and every count ratio, printed with its percent."""
    yield from (r for r in _scored(record, record.criteria) if r.percent is not None)
    for q in record.quantities:
        if q.numerator is not None and q.denominator is not None and q.percent is not None:
            label = m.quote(q.label, 60)
            yield _Ratio(
                m.short(q.unit or q.label), label, label, q.numerator, q.denominator, q.percent, q.evidence
            )


@rule(
    "CCHC101",
    "percent_mismatch",
    "error",
    "Tỷ lệ in không khớp điểm/điểm tối đa",
    "Printed percent is not score/max",
)
def percent_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A printed percent outside the rounding interval of score/max (overall, criteria, indicators, ratios)."""
    slack = ctx.settings.percent_slack
    for r in _ratios(record):
        percent = r.percent
        if percent is None:
            continue
        printed = printed_decimals(percent, (ev.text for ev in r.evidence))
        if r.max_score <= 0 or percent_consistent(r.score, r.max_score, percent, slack, printed):
            continue
        expected = recomputed_percent(r.score, r.max_score, percent, printed)
        places = max(1, printed)
        yield Hit(
            subject=r.subject,
            message=f"{r.place_vi}: tỷ lệ in {m.pct(percent, 'vi', printed)} nhưng {m.ratio(r.score, r.max_score)}"
            f" = {m.pct(expected, 'vi', places)}",
            message_en=f"{r.place_en}: printed percent {m.pct(percent, 'en', printed)} but "
            f"{m.ratio(r.score, r.max_score, 'en')} = {m.pct(expected, 'en', places)}",
            expected=expected,
            actual=percent,
            evidence=r.evidence,
        )


# --------------------------------------------------------------------------- CCHC102 total_mismatch


def _framework_codes(ctx: RuleContext) -> list[str]:
    return [c.code for c in ctx.framework.criteria] if ctx.framework is not None else []


def _criteria_missing_from_framework(record: Record, ctx: RuleContext) -> list[str]:
    present = {c.code for c in record.criteria if c.code is not None}
    return [code for code in _framework_codes(ctx) if code not in present]


@rule(
    "CCHC102",
    "total_mismatch",
    "error",
    "Tổng điểm khác tổng điểm các tiêu chí",
    "Overall score is not the sum of the criteria",
)
def total_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Sum of criterion scores vs the overall score; sum of criterion maxima vs the overall maximum."""
    criteria = unique_criteria(record)
    if len(criteria) < 2 or _criteria_missing_from_framework(record, ctx):
        return
    per_term = ctx.settings.sum_tolerance_per_term
    evidence = [ev for c in criteria for ev in c.evidence]
    o = record.overall
    n = len(criteria)
    sums = (
        (o.score, [c.score for c in criteria], ("Điểm tổng hợp", f"tổng điểm {n} tiêu chí"),
         ("Overall score", f"the {n} criteria sum to")),
        (o.max_score, [c.max_score for c in criteria], ("Điểm tối đa tổng hợp", f"tổng điểm tối đa {n} tiêu chí"),
         ("Overall maximum", f"the {n} criteria maxima sum to")),
    )
    for printed, parts, (what_vi, sum_vi), (what_en, sum_en) in sums:
        if printed is None or any(x is None for x in parts):
            continue
        values = [x for x in parts if x is not None]
        total = sum(values)
        if close(total, printed, sum_tolerance([*values, printed], per_term)):
            continue
        places = max(decimals(printed), *(decimals(x) for x in values))
        yield Hit(
            subject="overall",
            message=f"{what_vi} in {m.num(printed)} nhưng {sum_vi} = {m.num(total, 'vi', places)}",
            message_en=f"{what_en} printed {m.num(printed, 'en')} but {sum_en} {m.num(total, 'en', places)}",
            expected=round(total, places),
            actual=printed,
            evidence=[*o.evidence, *evidence],
        )


# --------------------------------------------------------------------------- CCHC103 deduction_mismatch


def _indicator_loss(entries: Sequence[Indicator]) -> float | None:
    """Points an indicator lost as the report states them; ``None`` when they are not stated."""
    losses = {
        round(i.max_score - i.score, 6) for i in entries if i.score is not None and i.max_score is not None
    }
    if len(losses) > 1:
        return None
    if losses:
        return losses.pop()
    zero = [i for i in entries if i.zero_score]
    if zero:
        maxima = {i.max_score for i in entries if i.max_score is not None}
        return maxima.pop() if len(maxima) == 1 else None
    if all(i.listed_as == "full" for i in entries):
        return 0.0
    return None


def _listing_complete(codes: Sequence[str]) -> bool:
    """Codes ``N.1 .. N.k`` with no gap, one level only: the report lists every indicator."""
    parts = [_code_parts(c) for c in codes]
    if len(parts) < 2 or any(p is None or len(p) != 2 for p in parts):
        return False
    return sorted(p[1] for p in parts if p is not None) == list(range(1, len(parts) + 1))


def _leaves(codes: Iterable[str]) -> list[str]:
    """Codes with no sub-code among ``codes`` (3.1.2 is kept, 3.1 dropped when 3.1.2 is there)."""
    codes = list(codes)
    parents = {code.rsplit(".", k)[0] for code in codes for k in range(1, code.count(".") + 1)}
    return [c for c in codes if c not in parents]


def _every_indicator(c: Criterion, leaves: Sequence[Sequence[Indicator]], tolerance: float) -> bool:
    """The indicators listed are all of the criterion's: both lists (full and not) are printed, or the
    maxima printed for them add up to the criterion's maximum (a table "Mã chỉ số | … | Điểm tối đa | Điểm đạt")."""
    if {"full", "incomplete"} <= {i.listed_as for entries in leaves for i in entries}:
        return True
    maxima = [next((i.max_score for i in entries if i.max_score is not None), None) for entries in leaves]
    if c.max_score is None or any(v is None for v in maxima):
        return False
    return abs(sum(v for v in maxima if v is not None) - c.max_score) <= tolerance + _EPS


@rule(
    "CCHC103",
    "deduction_mismatch",
    "error",
    "Điểm bị trừ ở các chỉ số thành phần không khớp điểm bị trừ của tiêu chí",
    "Indicators' lost points do not account for the criterion's lost points",
)
def deduction_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Criterion max - score vs the sum of its indicators' lost points, where they are stated."""
    per_term = ctx.settings.sum_tolerance_per_term
    for c in unique_criteria(record):
        if c.code is None or c.score is None or c.max_score is None:
            continue
        by_code: dict[str, list[Indicator]] = defaultdict(list)
        for i in record.indicators:  # an indicator numbered under another criterion (3.1 read under 1) is misplaced
            if i.criterion == c.code and i.code.strip().startswith(f"{c.code}."):
                by_code[i.code.strip().rstrip(".")].append(i)
        if not by_code:
            continue
        leaves = _leaves(by_code)
        losses = {code: _indicator_loss(by_code[code]) for code in leaves}
        known = {code: loss for code, loss in losses.items() if loss is not None}
        stated = [i for code in leaves for i in by_code[code] if i.score is not None or i.zero_score]
        if not stated:
            continue
        lost = c.max_score - c.score
        total = sum(known.values())
        terms = [c.score, *(v for i in stated for v in (i.score, i.max_score) if v is not None)]
        tolerance = sum_tolerance(terms, per_term)
        all_known = len(known) == len(leaves) and len(leaves) == len(by_code)
        complete = all_known and _listing_complete(leaves) and _every_indicator(c, [by_code[k] for k in leaves], tolerance)
        over = total > lost + tolerance + _EPS
        under = complete and total < lost - tolerance - _EPS
        if not (over or under):
            continue
        places = max(decimals(c.score), decimals(c.max_score), *(decimals(v) for v in known.values()))
        parts = [f"{code} ({m.num(known[code], 'vi', places)})" for code in leaves if known.get(code)]
        parts_en = [f"{code} ({m.num(known[code], 'en', places)})" for code in leaves if known.get(code)]
        yield Hit(
            subject=c.code,
            message=f"{m.criterion_place(c.code, 'vi')}: bị trừ {m.num(lost, 'vi', places)} điểm "
            f"({m.ratio(c.score, c.max_score)}) nhưng các chỉ số thành phần bị trừ tổng "
            f"{m.num(total, 'vi', places)}: {', '.join(parts) or 'không'}",
            message_en=f"{m.criterion_place(c.code, 'en')}: lost {m.num(lost, 'en', places)} points "
            f"({m.ratio(c.score, c.max_score, 'en')}) but its indicators lost "
            f"{m.num(total, 'en', places)} in all: {', '.join(parts_en) or 'none'}",
            expected=round(lost, places),
            actual=round(total, places),
            evidence=[*c.evidence, *(ev for code in leaves for i in by_code[code] for ev in i.evidence)],
        )


# --------------------------------------------------------------------------- CCHC104 max_mismatch


@rule(
    "CCHC104",
    "max_mismatch",
    "error",
    "Điểm tối đa của tiêu chí khác bộ chỉ số đang áp dụng",
    "Criterion maximum differs from the framework in force",
)
def max_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A printed criterion maximum that differs from the framework's (only when the framework is known)."""
    if not record.framework_maxima_known or ctx.framework is None:
        return
    maxima = {fc.code: fc.max_score for fc in ctx.framework.criteria}
    for c in unique_criteria(record):
        expected = maxima.get(c.code) if c.code is not None else None
        if expected is None or c.max_score is None or math.isclose(expected, c.max_score, abs_tol=1e-6):
            continue
        yield Hit(
            subject=c.code or c.title,
            message=f"{m.criterion_place(c.code, 'vi')}: điểm tối đa in {m.num(c.max_score)} nhưng bộ chỉ số "
            f"{record.framework} quy định {m.num(expected)}",
            message_en=f"{m.criterion_place(c.code, 'en')}: printed maximum {m.num(c.max_score, 'en')} but "
            f"framework {record.framework} sets {m.num(expected, 'en')}",
            expected=expected,
            actual=c.max_score,
            evidence=c.evidence,
        )


# --------------------------------------------------------------------------- CCHC115 score_above_max


@rule(
    "CCHC115",
    "score_above_max",
    "error",
    "Điểm đạt lớn hơn điểm tối đa",
    "A score above its own maximum",
)
def score_above_max(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A score printed above the maximum printed beside it ("6,5/6 điểm"): one of the two is wrong."""
    for r in _scored(record, unique_criteria(record)):
        if r.score <= r.max_score + _EPS:
            continue
        yield Hit(
            subject=r.subject,
            message=f"{r.place_vi}: đạt {m.num(r.score)} điểm, lớn hơn điểm tối đa {m.num(r.max_score)}",
            message_en=f"{r.place_en}: scored {m.num(r.score, 'en')}, above its maximum {m.num(r.max_score, 'en')}",
            expected=f"<= {m.num(r.max_score, 'en')}",
            actual=r.score,
            evidence=r.evidence,
        )
