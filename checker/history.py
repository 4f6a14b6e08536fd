"""Cross-year rules: what a report says about last year, checked against last year's stored record.

The rules are registered in the same registry as the others (codes CCHC3xx) but only speak when given
a :class:`YearPair`; run them with :func:`run_history_rules`. Evidence comes from both years: the current
statement first, then the previous year's, quoted from its stored record.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cchc.checker import messages as m
from cchc.checker.engine import RULES, Hit, RuleContext, _to_finding, rule, sort_findings
from cchc.checker.rounding import decimals
from cchc.checker.rules import unique_criteria, where
from cchc.schemas.record import Evidence, Finding, Record
from cchc.settings import DEFAULT_SETTINGS, Settings

HISTORY_CODES = ("CCHC301", "CCHC302")
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class YearPair:
    """A record and the stored record of the same unit for the year before."""

    record: Record
    previous: Record

    @property
    def year(self) -> int | None:
        if self.record.meta.report_year is not None:
            return self.record.meta.report_year
        py = self.previous.meta.report_year
        return py + 1 if py is not None else None

    @property
    def previous_year(self) -> int | None:
        if self.previous.meta.report_year is not None:
            return self.previous.meta.report_year
        return self.year - 1 if self.year is not None else None


@dataclass(frozen=True, slots=True)
class _Item:
    subject: str
    place_vi: str
    place_en: str
    score: float | None
    max_score: float | None
    rank: int | None
    rank_total: int | None
    rank_change: int | None
    evidence: Sequence[Evidence]


def _items(record: Record) -> dict[str, _Item]:
    o = record.overall
    items = {
        "overall": _Item(
            "overall",
            m.overall_place("vi"),
            m.overall_place("en"),
            o.score,
            o.max_score,
            o.rank,
            o.rank_total,
            o.rank_change,
            o.evidence,
        )
    }
    for c in unique_criteria(record):
        if c.code is not None:
            items[c.code] = _Item(
                c.code,
                m.criterion_place(c.code, "vi"),
                m.criterion_place(c.code, "en"),
                c.score,
                c.max_score,
                c.rank,
                c.rank_total,
                c.rank_change,
                c.evidence,
            )
    return items


def _pairs(subject: object) -> Iterator[tuple[YearPair, _Item, _Item]]:
    if not isinstance(subject, YearPair):  # a plain record: the runner of per-report rules
        return
    now, before = _items(subject.record), _items(subject.previous)
    for key, item in now.items():
        if key in before:
            yield subject, item, before[key]


def change_text(change: int, lang: m.Lang) -> str:
    """``tăng 2 bậc`` / ``giảm 5 bậc`` / ``giữ nguyên thứ hạng`` (``up 2``, ``down 5``, ``unchanged``)."""
    if lang == "vi":
        return (
            f"tăng {change} bậc"
            if change > 0
            else f"giảm {-change} bậc"
            if change < 0
            else "giữ nguyên thứ hạng"
        )
    return f"up {change}" if change > 0 else f"down {-change}" if change < 0 else "unchanged"


def _rank(rank: int | None, total: int | None) -> str:
    return f"{rank}/{total}" if total is not None else str(rank)


def _source(record: Record, evidence: Sequence[Evidence], lang: m.Lang) -> str:
    place = where(evidence, lang)
    name = Path(record.source.file).name
    return f"{name}, {place}" if place else name


@rule(
    "CCHC301",
    "rank_change_mismatch",
    "warning",
    "Thay đổi thứ hạng so với năm trước không khớp thứ hạng đã lưu của năm trước",
    "Stated change of rank disagrees with last year's stored rank",
)
def rank_change_mismatch(subject: object, ctx: RuleContext) -> Iterator[Hit]:
    """previous rank - current rank must equal the stated change (``giảm 5 bậc``: the rank grew by 5)."""
    for pair, now, before in _pairs(subject):
        if pair.year is not None and pair.previous_year is not None and pair.previous_year != pair.year - 1:
            return
        if now.rank_change is None or now.rank is None or before.rank is None:
            continue
        actual = before.rank - now.rank
        if actual == now.rank_change:
            continue
        py, y = pair.previous_year, pair.year
        was, is_ = _rank(before.rank, before.rank_total), _rank(now.rank, now.rank_total)
        src_vi, src_en = (
            _source(pair.previous, before.evidence, "vi"),
            _source(pair.previous, before.evidence, "en"),
        )
        yield Hit(
            subject=now.subject,
            message=f"{now.place_vi}: báo cáo ghi {change_text(now.rank_change, 'vi')} so với năm {py}, "
            f"nhưng năm {py} xếp thứ {was} ({src_vi}) và năm {y} xếp thứ {is_}: {change_text(actual, 'vi')}",
            message_en=f"{now.place_en}: the report states {change_text(now.rank_change, 'en')} since {py}, "
            f"but it ranked {was} in {py} ({src_en}) and {is_} in {y}: {change_text(actual, 'en')}",
            expected=actual,
            actual=now.rank_change,
            evidence=[*now.evidence, *before.evidence],
        )


@rule(
    "CCHC302",
    "score_history_jump",
    "info",
    "Điểm một tiêu chí thay đổi nhiều so với năm trước",
    "A criterion's score moved a large share of its maximum since last year",
)
def score_history_jump(subject: object, ctx: RuleContext) -> Iterator[Hit]:
    """|score - last year's score| > history_jump_share x the criterion's maximum."""
    share = ctx.settings.history_jump_share
    for pair, now, before in _pairs(subject):
        if now.subject == "overall" or now.score is None or before.score is None:
            continue
        maximum = now.max_score if now.max_score is not None else before.max_score
        if maximum is None or maximum <= 0:
            continue
        delta = now.score - before.score
        if abs(delta) <= share * maximum + _EPS:
            continue
        py, y = pair.previous_year, pair.year
        moved_vi, moved_en = ("tăng", "rose") if delta > 0 else ("giảm", "fell")
        moved = round(abs(delta), max(decimals(now.score), decimals(before.score)))
        src_vi, src_en = (
            _source(pair.previous, before.evidence, "vi"),
            _source(pair.previous, before.evidence, "en"),
        )
        was_vi, is_vi = m.ratio(before.score, before.max_score), m.ratio(now.score, now.max_score)
        was_en, is_en = m.ratio(before.score, before.max_score, "en"), m.ratio(now.score, now.max_score, "en")
        yield Hit(
            subject=now.subject,
            message=f"{now.place_vi}: điểm {moved_vi} từ {was_vi} (năm {py}, {src_vi}) "
            f"đến {is_vi} (năm {y}), {m.num(moved, 'vi')} điểm, hơn {m.num(share * 100, 'vi')}% điểm tối đa",
            message_en=f"{now.place_en}: score {moved_en} from {was_en} ({py}, {src_en}) to {is_en} ({y}), "
            f"{m.num(moved, 'en')} points, more than {m.num(share * 100, 'en')}% of the maximum",
            expected=before.score,
            actual=now.score,
            evidence=[*now.evidence, *before.evidence],
        )


def run_history_rules(
    record: Record, previous_record: Record, settings: Settings = DEFAULT_SETTINGS
) -> list[Finding]:
    """The cross-year findings of ``record`` against the same unit's record of the year before.

    Example::

        previous = store.previous_record("Minh Đức", "xã", "Tứ Kỳ", 2021)
        run_history_rules(record_2022, previous)   # [Finding(kind='rank_change_mismatch', ...)]
    """
    ctx = RuleContext(settings=settings)
    pair = YearPair(record, previous_record)
    findings: list[Finding] = []
    for spec in RULES:
        if spec.code in HISTORY_CODES:
            findings.extend(_to_finding(spec, hit) for hit in spec.func(pair, ctx))
    return sort_findings(findings)


def merge_history_findings(findings: Sequence[Finding], history: Sequence[Finding]) -> list[Finding]:
    """A record's findings with its cross-year findings replaced by ``history`` (a re-run never doubles them)."""
    return sort_findings([*(f for f in findings if f.rule not in HISTORY_CODES), *history])
