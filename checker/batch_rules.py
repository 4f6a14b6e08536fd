"""Batch rules: across the reports of one batch, grouped by (district, report year).

A batch rule is ``(records, ctx) -> Iterable[Hit]``. Records whose district or year is unknown are left
out of the rank rules: comparing units of different districts would only produce false alarms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, rule
from cchc.checker.ranks import rank_inversions
from cchc.extractors.normalize import fold
from cchc.schemas.record import Evidence, Record


def unit_label(record: Record) -> str:
    """``xã Minh Đức``, or the file name when the unit is unknown."""
    name = record.meta.unit_name
    if not name:
        return record.source.file
    return f"{record.meta.unit_level} {name}" if record.meta.unit_level else name


def _key(text: str | None) -> str | None:
    return fold(text) if text else None


def groups(records: Sequence[Record]) -> dict[tuple[str, int], list[Record]]:
    """Scored records by (district, report year); records missing either are left out."""
    out: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for r in records:
        district = _key(r.meta.district)
        if district and r.meta.report_year is not None and r.is_scored_report:
            out[(district, r.meta.report_year)].append(r)
    return out


def _district(rs: Sequence[Record]) -> str:
    return rs[0].meta.district or "?"


def _overall_evidence(*records: Record) -> list[Evidence]:
    return [ev for r in records for ev in r.overall.evidence]


def _distinct_units(rs: Sequence[Record]) -> list[Record]:
    """One record per unit (duplicates are the duplicate rule's business)."""
    seen: set[tuple[Any, ...]] = set()
    out: list[Record] = []
    for r in rs:
        key = (_key(r.meta.unit_name), r.meta.unit_level) if r.meta.unit_name else (r.source.file,)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


@rule(
    "CCHC201",
    "rank_order",
    "warning",
    "Đơn vị điểm cao hơn nhưng xếp hạng thấp hơn",
    "A unit with a higher score is ranked below a lower one",
    batch=True,
)
def rank_order(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """Within one district and year: higher overall score but a larger rank number (ties allowed)."""
    for (_, year), rs in groups(records).items():
        units = _distinct_units(rs)
        for lo, hi in rank_inversions(units, lambda r: r.overall.score, lambda r: r.overall.rank):
            h, low = hi.overall, lo.overall
            yield Hit(
                subject=f"{unit_label(hi)} / {unit_label(lo)}",
                message=f"{m.overall_place('vi')} năm {year}: {unit_label(hi)} đạt {m.num(h.score)} điểm xếp "
                f"thứ {h.rank} nhưng {unit_label(lo)} đạt {m.num(low.score)} điểm xếp thứ {low.rank}",
                message_en=f"Overall {year}: {unit_label(hi)} scored {m.num(h.score, 'en')} and ranks "
                f"{h.rank} but {unit_label(lo)} scored {m.num(low.score, 'en')} and ranks {low.rank}",
                expected=f"< {low.rank}",
                actual=h.rank,
                evidence=_overall_evidence(hi, lo),
            )


@rule(
    "CCHC202",
    "rank_total_mismatch",
    "warning",
    "Các đơn vị ghi tổng số đơn vị xếp hạng khác nhau",
    "Units disagree on how many units were ranked",
    batch=True,
)
def rank_total_mismatch(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """Within one district and year: the overall rank totals (8/23 vs 8/25) must agree."""
    for (_, year), rs in groups(records).items():
        with_total = [r for r in _distinct_units(rs) if r.overall.rank_total is not None]
        counts = Counter(r.overall.rank_total for r in with_total)
        if len(counts) < 2:
            continue
        (top, n_top), (_, n_second) = counts.most_common(2)
        by_total: dict[int, list[str]] = defaultdict(list)
        for r in with_total:
            by_total[r.overall.rank_total or 0].append(unit_label(r))
        if n_top == n_second:
            shown = "; ".join(f"{t}: {', '.join(units)}" for t, units in sorted(by_total.items()))
            yield Hit(
                subject=", ".join(unit_label(r) for r in with_total),
                message=f"Huyện {_district(rs)} năm {year}: tổng số đơn vị xếp hạng ghi khác nhau ({shown})",
                message_en=f"District {_district(rs)} {year}: units state different numbers of ranked units "
                f"({shown})",
                expected=None,
                actual=", ".join(str(t) for t in sorted(by_total)),
                evidence=_overall_evidence(*with_total),
            )
            continue
        majority = [r for r in with_total if r.overall.rank_total == top]
        for r in with_total:
            if r.overall.rank_total == top:
                continue
            o = r.overall
            others = m.join([unit_label(x) for x in majority[:3]], "vi")
            others_en = m.join([unit_label(x) for x in majority[:3]], "en")
            yield Hit(
                subject=unit_label(r),
                message=f"{unit_label(r)} ghi xếp thứ {o.rank}/{o.rank_total} nhưng {others} ghi tổng {top} đơn vị "
                f"(huyện {_district(rs)}, năm {year})",
                message_en=f"{unit_label(r)} states rank {o.rank}/{o.rank_total} but {others_en} state {top} units "
                f"(district {_district(rs)}, {year})",
                expected=top,
                actual=o.rank_total,
                evidence=_overall_evidence(r, majority[0]),
            )


def _values(r: Record) -> tuple[Any, ...]:
    o = r.overall
    crit = tuple((c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in r.criteria)
    return (
        o.score,
        o.max_score,
        o.percent,
        o.rank,
        o.rank_total,
        crit,
        r.meta.doc_number,
        r.meta.issued_date,
    )


def _differences(a: Record, b: Record) -> list[str]:
    diffs: list[str] = []
    if a.overall.score != b.overall.score:
        diffs.append(f"{m.num(a.overall.score)} ≠ {m.num(b.overall.score)}")
    if (a.overall.rank, a.overall.rank_total) != (b.overall.rank, b.overall.rank_total):
        diffs.append(f"{a.overall.rank}/{a.overall.rank_total} ≠ {b.overall.rank}/{b.overall.rank_total}")
    if a.meta.doc_number != b.meta.doc_number:
        diffs.append(f"{a.meta.doc_number} ≠ {b.meta.doc_number}")
    return diffs


@rule(
    "CCHC203",
    "duplicate_report",
    "warning",
    "Cùng một đơn vị và năm có hai báo cáo",
    "The same unit and year reported twice",
    batch=True,
)
def duplicate_report(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """Same unit name, level, district and year twice: identical values -> info, different values -> warning."""
    seen: dict[tuple[Any, ...], Record] = {}
    for r in records:
        if not r.meta.unit_name or r.meta.report_year is None:
            continue
        key = (_key(r.meta.unit_name), r.meta.unit_level, _key(r.meta.district), r.meta.report_year)
        first = seen.setdefault(key, r)
        if first is r:
            continue
        identical = first.source.sha256 == r.source.sha256 or _values(first) == _values(r)
        unit = unit_label(r)
        files = f"{first.source.file}, {r.source.file}"
        diffs = _differences(first, r)
        detail_vi = (
            "giống hệt nhau" if identical else "khác nhau" + (f" ({'; '.join(diffs)})" if diffs else "")
        )
        detail_en = (
            "identical"
            if identical
            else "with different values" + (f" ({'; '.join(diffs)})" if diffs else "")
        )
        yield Hit(
            subject=unit,
            message=f"{unit} năm {r.meta.report_year} có hai báo cáo {detail_vi}: {files}",
            message_en=f"{unit} {r.meta.report_year} reported twice, {detail_en}: {files}",
            expected=first.source.file,
            actual=r.source.file,
            evidence=[*first.meta.evidence[:1], *r.meta.evidence[:1], *_overall_evidence(first, r)],
            severity="info" if identical else "warning",
        )
