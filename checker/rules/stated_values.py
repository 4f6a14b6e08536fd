"""Rules on statements that contradict each other: values and statuses (CCHC105-CCHC106)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

import regex

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, rule
from cchc.checker.rules._common import _EPS, _at
from cchc.extractors.lexicon import COUNTED_NOUNS, STANDING_POPULATIONS
from cchc.extractors.normalize import fold as normalize_fold
from cchc.extractors.normalize import nfc
from cchc.extractors.numbers import parse_number
from cchc.extractors.quantities import Population, StatedQuantity, read_stated_quantity
from cchc.schemas.record import Criterion, Indicator, Quantity, Record, Severity

# --------------------------------------------------------------------------- CCHC105 conflicting_values

cchc_nfc = nfc
Description = StatedQuantity  # the name this module gave a quantity's reading before the population model


def fold(text: str) -> str:
    """The one normalisation (:func:`cchc.extractors.normalize.fold`), with "cán bộ, công chức" kept one noun."""
    return normalize_fold(text).replace("cán bộ, công chức", "cán bộ công chức")


_NOUN_RES = [(regex.compile(rf"(?:{pattern})", regex.I), noun) for pattern, noun, _why in COUNTED_NOUNS]


def _lexicon_noun(unit: str | None) -> str | None:
    """The lexicon's canonical counted noun for a printed unit (``Hồ sơ TTHC`` -> ``hồ sơ``)."""
    if not unit:
        return None
    spoken = " ".join(nfc(unit).split())
    return next((noun for pattern, noun in _NOUN_RES if pattern.fullmatch(spoken)), normalize_fold(spoken))


def normalize_unit(unit: str | None) -> str | None:
    """Canonical counted noun for comparing units, without punctuation (``Hồ sơ TTHC`` -> ``hồ sơ``)."""
    noun = _lexicon_noun(unit)
    return " ".join(regex.sub(r"[^\p{L}\s]", " ", noun).split()) or None if noun else None


def parse_vi_number(text: str) -> float | None:
    """A number as Vietnamese reports print it: ``2.252`` is 2252, ``8,97`` is 8.97 (the extractor's reading)."""
    parsed = parse_number(text)
    return parsed.value if parsed else None


def describe(q: Quantity) -> StatedQuantity:
    """What ``q`` counts, read from its sentence: its whole (a population) and its part's qualifiers."""
    return read_stated_quantity(q.sentence, q.numerator, q.denominator, q.percent, _lexicon_noun(q.unit), q.label)


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """Two statements of the same whole; ``same_part`` when their numerators are qualified alike too."""

    population: Population
    same_part: bool

    def shared_text(self) -> str:
        return self.population.text()


def _in_report_year(p: Population, report_year: int | None) -> Population:
    """``p`` without the report's own year, its default period."""
    return replace(p, periods=p.periods - {f"năm {report_year}"})


def _whole_key(p: Population, report_year: int | None) -> tuple[object, ...]:
    """What makes two wholes one population; the report's own year is the default period."""
    p = _in_report_year(p, report_year)
    return (p.noun, p.stage, p.scopes, p.periods, p.modifiers)


def _same_whole(a: StatedQuantity, b: StatedQuantity, report_year: int | None) -> bool:
    """Same population. A whole named by its noun alone is compared only for a standing population of the
    commune (its staff, its records: lexicon STANDING_POPULATIONS) and when both parts speak of the same
    attribute ("đạt chuẩn" / "chưa đạt chuẩn"), since a bare noun says too little to be sure."""
    if a.whole.noun is None or _whole_key(a.whole, report_year) != _whole_key(b.whole, report_year):
        return False
    return not a.whole.bare or (a.whole.noun in STANDING_POPULATIONS and bool(a.attributes & b.attributes))


def same_quantity(a: Quantity, b: Quantity, report_year: int | None = None) -> QuantityMatch | None:
    """A match when ``a`` and ``b`` state the whole of the same population (counted noun, stage, scopes,
    period); polarities (đúng hạn / trễ hạn) qualify the numerator and never make two wholes differ."""
    da, db = describe(a), describe(b)
    if not _same_whole(da, db, report_year):
        return None
    return QuantityMatch(_in_report_year(da.whole, report_year), da.part == db.part)


def _value(q: Quantity, lang: m.Lang) -> str:
    if q.numerator is not None and q.denominator is not None:
        return m.ratio(q.numerator, q.denominator, lang)
    if q.percent is not None:
        return m.pct(q.percent, lang)
    return m.num(q.numerator, lang)


@dataclass(frozen=True, slots=True)
class _Stated:
    """A quantity with its reading, computed once."""

    position: int
    quantity: Quantity
    reading: StatedQuantity
    sentence: str


def _differs(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and not math.isclose(x, y, abs_tol=1e-6)


def _conflict(sa: _Stated, sb: _Stated, report_year: int | None) -> tuple[str, str] | None:
    """What differs (vi, en) between two statements of the same whole, or None."""
    a, b = sa.reading, sb.reading
    if (sa.sentence and sa.sentence == sb.sentence) or not _same_whole(a, b, report_year):
        return None
    if a.denominator is not None and b.denominator is not None:
        if _differs(a.denominator, b.denominator):
            return f"tổng {m.num(a.denominator)} ≠ {m.num(b.denominator)}", (
                f"total {m.num(a.denominator, 'en')} ≠ {m.num(b.denominator, 'en')}"
            )
        if a.part and a.part == b.part and _differs(a.numerator, b.numerator):
            return f"số đếm {m.num(a.numerator)} ≠ {m.num(b.numerator)}", (
                f"count {m.num(a.numerator, 'en')} ≠ {m.num(b.numerator, 'en')}"
            )
        return None
    if a.numerator is None and b.numerator is None and a.part == b.part and _differs(a.percent, b.percent):
        return f"tỷ lệ {m.pct(a.percent)} ≠ {m.pct(b.percent)}", (
            f"percent {m.pct(a.percent, 'en')} ≠ {m.pct(b.percent, 'en')}"
        )
    return None


# A report states a few dozen quantities; the cap keeps a hostile document's pair count bounded.
_MAX_QUANTITIES_PER_NOUN = 200
_MAX_CONFLICTS_PER_STATEMENT = 2


def _criterion_values(c: Criterion) -> tuple[float | None, float | None, float | None]:
    return (c.score, c.max_score, c.percent)


def _quantity_conflicts(record: Record) -> Iterator[tuple[_Stated, _Stated, str, str]]:
    """Pairs of statements of one whole with different values, in the report's order; a statement at odds
    with more than two others is one item of a list of alike items (quarters, villages), not a restatement."""
    year = record.meta.report_year
    by_noun: dict[str, list[_Stated]] = defaultdict(list)
    for position, q in enumerate(record.quantities):
        reading = describe(q)
        if reading.whole.noun is not None and len(by_noun[reading.whole.noun]) < _MAX_QUANTITIES_PER_NOUN:
            by_noun[reading.whole.noun].append(_Stated(position, q, reading, fold(q.sentence or "")))
    pairs = sorted(
        ((x, y) for group in by_noun.values() for k, x in enumerate(group) for y in group[k + 1 :]),
        key=lambda pair: (pair[0].position, pair[1].position),
    )
    conflicts = [(x, y, found) for x, y in pairs if (found := _conflict(x, y, year)) is not None]
    crowd = Counter(s.position for x, y, _ in conflicts for s in (x, y))
    for x, y, (diff_vi, diff_en) in conflicts:
        if max(crowd[x.position], crowd[y.position]) <= _MAX_CONFLICTS_PER_STATEMENT:
            yield x, y, diff_vi, diff_en


def _quantity_hit(sa: _Stated, sb: _Stated, diff_vi: str, diff_en: str, report_year: int | None) -> Hit:
    a, b = sa.quantity, sb.quantity
    population = _in_report_year(sa.reading.whole, report_year).text()
    return Hit(
        subject=m.short(population),
        message=f"{m.quote(a.label, 50)} {_value(a, 'vi')}{_at(a.evidence, 'vi')} nhưng "
        f"{m.quote(b.label, 50)} {_value(b, 'vi')}{_at(b.evidence, 'vi')}: {diff_vi}; "
        f"cùng tổng thể “{population}”",
        message_en=f"{m.quote(a.label, 50)} {_value(a, 'en')}{_at(a.evidence, 'en')} but "
        f"{m.quote(b.label, 50)} {_value(b, 'en')}{_at(b.evidence, 'en')}: {diff_en}; "
        f"same population “{population}”",
        expected=_value(a, "vi"),
        actual=_value(b, "vi"),
        evidence=[*a.evidence, *b.evidence],
    )


def _criterion_conflicts(record: Record) -> Iterator[Hit]:
    """A criterion stated twice with different scores."""
    first: dict[str, Criterion] = {}
    for c in record.criteria:
        if c.code is None:
            continue
        if c.code not in first:
            first[c.code] = c
            continue
        c0 = first[c.code]
        if any(_differs(u, v) for u, v in zip(_criterion_values(c0), _criterion_values(c))):
            yield Hit(
                subject=c.code,
                message=f"{m.criterion_place(c.code, 'vi')}: nêu {m.ratio(c0.score, c0.max_score)}"
                f"{_at(c0.evidence, 'vi')} nhưng ở chỗ khác là {m.ratio(c.score, c.max_score)}"
                f"{_at(c.evidence, 'vi')}",
                message_en=f"{m.criterion_place(c.code, 'en')}: stated {m.ratio(c0.score, c0.max_score, 'en')}"
                f"{_at(c0.evidence, 'en')} but elsewhere {m.ratio(c.score, c.max_score, 'en')}"
                f"{_at(c.evidence, 'en')}",
                expected=m.ratio(c0.score, c0.max_score),
                actual=m.ratio(c.score, c.max_score),
                evidence=[*c0.evidence, *c.evidence],
            )


@rule(
    "CCHC105",
    "conflicting_values",
    "warning",
    "Cùng một đại lượng được nêu với hai giá trị khác nhau",
    "The same quantity stated with different values",
)
def conflicting_values(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """The whole of one population (counted noun, stage, scopes, period) stated with two totals, or the
    same part of it with two counts; a criterion stated with two scores."""
    for sa, sb, diff_vi, diff_en in _quantity_conflicts(record):
        yield _quantity_hit(sa, sb, diff_vi, diff_en, record.meta.report_year)
    yield from _criterion_conflicts(record)


# --------------------------------------------------------------------------- CCHC106 status_contradiction


def _shows_loss(i: Indicator) -> bool:
    lost = i.score is not None and i.max_score is not None and i.score < i.max_score - _EPS
    return lost or i.zero_score or (i.percent is not None and i.percent < 100 - _EPS)


def _state(i: Indicator, lang: m.Lang) -> str:
    if i.score is not None and i.max_score is not None:
        return m.ratio(i.score, i.max_score, lang)
    if i.zero_score:
        return "0 điểm" if lang == "vi" else "no points"
    if i.percent is not None:
        return m.pct(i.percent, lang)
    return ""


@rule(
    "CCHC106",
    "status_contradiction",
    "error",
    "Chỉ số liệt kê đạt điểm tuyệt đối nhưng bị trừ điểm, hoặc liệt kê ở cả hai nhóm",
    "Indicator listed as full score but lost points, or listed as both full and not achieved",
)
def status_contradiction(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Full-score listing vs lost points; the same indicator in both the full and the not-achieved list."""
    groups: dict[tuple[str | None, str], list[Indicator]] = defaultdict(list)
    for i in record.indicators:
        groups[(i.criterion, i.code.strip().rstrip("."))].append(i)
    yield from _parent_full_child_not(groups)
    for (_, code), entries in groups.items():
        fulls = [i for i in entries if i.listed_as == "full"]
        incomplete = [i for i in entries if i.listed_as == "incomplete"]
        place_vi, place_en = m.indicator_place(code, "vi"), m.indicator_place(code, "en")
        if fulls and incomplete:
            severity: Severity = "error" if any(_shows_loss(i) for i in entries) else "warning"
            states_vi = [s for s in (_state(i, "vi") for i in incomplete) if s]
            states_en = [s for s in (_state(i, "en") for i in incomplete) if s]
            extra_vi = f": {', '.join(states_vi)}" if states_vi else ""
            extra_en = f": {', '.join(states_en)}" if states_en else ""
            yield Hit(
                subject=code,
                message=f"{place_vi}: vừa liệt kê trong nhóm đạt điểm tuyệt đối{_at(fulls[0].evidence, 'vi')} "
                f"vừa trong nhóm chưa hoàn thành{_at(incomplete[0].evidence, 'vi')}{extra_vi}",
                message_en=f"{place_en}: listed among full-score indicators{_at(fulls[0].evidence, 'en')} and "
                f"among those not achieved{_at(incomplete[0].evidence, 'en')}{extra_en}",
                expected="full" if not any(_shows_loss(i) for i in entries) else "incomplete",
                actual="full+incomplete",
                evidence=[ev for i in entries for ev in i.evidence],
                severity=severity,
            )
            continue
        for i in fulls:
            if i.annex_status == "not_achieved":
                yield _annex_not_achieved(code, i)
                continue
            lost = i.score is not None and i.max_score is not None and i.score < i.max_score - _EPS
            if lost or i.zero_score:
                yield Hit(
                    subject=code,
                    message=f"{place_vi}: liệt kê trong nhóm đạt điểm tuyệt đối nhưng chỉ đạt {_state(i, 'vi')}",
                    message_en=f"{place_en}: listed as full score but scored {_state(i, 'en')}",
                    expected=i.max_score,
                    actual=i.score if i.score is not None else 0.0,
                    evidence=i.evidence,
                )
            elif i.percent is not None and i.percent < 100 - _EPS:
                yield Hit(
                    subject=code,
                    message=f"{place_vi}: liệt kê trong nhóm đạt điểm tuyệt đối nhưng tỷ lệ in {m.pct(i.percent)}",
                    message_en=f"{place_en}: listed as full score but printed percent {m.pct(i.percent, 'en')}",
                    expected=100.0,
                    actual=i.percent,
                    evidence=i.evidence,
                    severity="warning",
                )


def _annex_not_achieved(code: str, i: Indicator) -> Hit:
    """An indicator the prose lists among the full-score ones that the annex marks "Không đạt"."""
    return Hit(
        subject=code,
        message=f"{m.indicator_place(code, 'vi')}: liệt kê trong nhóm đạt điểm tối đa{_at(i.evidence, 'vi')} nhưng "
        "phụ lục đánh giá “Không đạt”",
        message_en=f"{m.indicator_place(code, 'en')}: listed among full-score indicators{_at(i.evidence, 'en')} but "
        "marked “Không đạt” (not achieved) in the annex",
        expected="Đạt",
        actual="Không đạt",
        evidence=i.evidence,
    )


def _parent_full_child_not(groups: dict[tuple[str | None, str], list[Indicator]]) -> Iterator[Hit]:
    """A parent listed only as full score while a child of it is listed as not achieved (3.1 vs 3.1.2)."""
    for (criterion, code), entries in groups.items():
        if not all(i.listed_as == "full" for i in entries):
            continue  # a parent in both lists is already the both-lists contradiction
        children = [
            child
            for (crit, child_code), kids in groups.items()
            if crit == criterion and child_code.startswith(code + ".")
            for child in kids
            if child.listed_as == "incomplete"
        ]
        if not children:
            continue
        child = children[0]
        shown_vi = f": {_state(child, 'vi')}" if _state(child, "vi") else ""
        shown_en = f": {_state(child, 'en')}" if _state(child, "en") else ""
        yield Hit(
            subject=code,
            message=f"{m.indicator_place(code, 'vi')}: liệt kê trong nhóm đạt điểm tuyệt đối{_at(entries[0].evidence, 'vi')} "
            f"nhưng chỉ số con {child.code} thuộc nhóm chưa hoàn thành{_at(child.evidence, 'vi')}{shown_vi}",
            message_en=f"{m.indicator_place(code, 'en')}: listed among full-score indicators{_at(entries[0].evidence, 'en')} "
            f"but its part {child.code} is among those not achieved{_at(child.evidence, 'en')}{shown_en}",
            expected="incomplete",
            actual="full",
            evidence=[*entries[0].evidence, *child.evidence],
            severity="error" if any(_shows_loss(c) for c in children) else "warning",
        )
