"""Batch rules: across the reports of one batch, grouped by (district, report year).

A batch rule is ``(records, ctx) -> Iterable[Hit]``. Records whose district or year is unknown are left
out of the rank rules: comparing units of different districts would only produce false alarms.

The rules of this module read a record through a :class:`BatchEntry`, the few values they compare and
the evidence they quote, so a batch of thousands of reports is checked without holding its records
(:func:`check_records`, used by ``cchc ingest``); given records, they make the entries themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from cchc.checker import messages as m
from cchc.checker.engine import RULES, Hit, RuleContext, rule, run_batch_rules, sort_findings
from cchc.checker.ranks import rank_inversions
from cchc.extractors.normalize import fold
from cchc.schemas.record import Evidence, Finding, Record, light_copy
from cchc.settings import DEFAULT_SETTINGS, Settings

EvidenceValues = tuple[Any, ...]  # an Evidence's field values, in the order of its fields (a third of its size)
_EVIDENCE_FIELDS = tuple(Evidence.model_fields)


def _evidence_values(ev: Evidence) -> EvidenceValues:
    return tuple(getattr(ev, name) for name in _EVIDENCE_FIELDS)


def _evidence(values: Sequence[EvidenceValues]) -> list[Evidence]:
    return [Evidence(**dict(zip(_EVIDENCE_FIELDS, v))) for v in values]


class _Origin:
    """The records the entries were made from, read again (the last few kept) when two reports of a unit
    are compared on their criteria: rarely, and only those records."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.records = records
        self._kept: dict[int, Record] = {}

    def __getitem__(self, index: int) -> Record:
        record = self._kept.get(index)
        if record is None:
            if len(self._kept) >= 8:
                self._kept.pop(next(iter(self._kept)))
            record = self._kept[index] = self.records[index]
        return record


@dataclass(frozen=True, slots=True, eq=False)
class BatchEntry:
    """What the rules of this module read of one record: identity, overall values, the evidence a finding
    quotes (the meta's first statement, the overall's statements), and where to read the criteria that two
    reports of a unit are compared on."""

    file: str
    sha256: str
    unit_name: str | None
    unit_level: str | None
    district: str | None
    report_year: int | None
    doc_number: str | None
    issued_date: str | None
    is_scored_report: bool
    score: float | None
    max_score: float | None
    percent: float | None
    rank: int | None
    rank_total: int | None
    meta_evidence_values: tuple[EvidenceValues, ...]
    overall_evidence_values: tuple[EvidenceValues, ...]
    origin: _Origin = field(repr=False)
    index: int = 0

    @property
    def meta_evidence(self) -> list[Evidence]:
        return _evidence(self.meta_evidence_values)

    @property
    def overall_evidence(self) -> list[Evidence]:
        return _evidence(self.overall_evidence_values)

    @property
    def criteria(self) -> tuple[tuple[Any, ...], ...]:
        """(code, score, max_score, percent, rank, rank_total) of each criterion, read from the record."""
        record = self.origin[self.index]
        return tuple((c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in record.criteria)


def batch_entry(record: Record, origin: _Origin | None = None, index: int = 0) -> BatchEntry:
    """The :class:`BatchEntry` of a record (``origin[index]`` is the record, read again when needed)."""
    meta, o = record.meta, record.overall
    return BatchEntry(
        file=record.source.file,
        sha256=record.source.sha256,
        unit_name=meta.unit_name,
        unit_level=meta.unit_level,
        district=meta.district,
        report_year=meta.report_year,
        doc_number=meta.doc_number,
        issued_date=meta.issued_date,
        is_scored_report=record.is_scored_report,
        score=o.score,
        max_score=o.max_score,
        percent=o.percent,
        rank=o.rank,
        rank_total=o.rank_total,
        meta_evidence_values=tuple(_evidence_values(ev) for ev in meta.evidence[:1]),
        overall_evidence_values=tuple(_evidence_values(ev) for ev in o.evidence),
        origin=origin if origin is not None else _Origin([record]),
        index=index,
    )


def _entries(records: Sequence[Record | BatchEntry]) -> list[BatchEntry]:
    if all(isinstance(r, BatchEntry) for r in records):
        return list(records)  # type: ignore[arg-type]
    origin = _Origin(records)  # type: ignore[arg-type]
    return [r if isinstance(r, BatchEntry) else batch_entry(r, origin, i) for i, r in enumerate(records)]


def unit_label(record: Record | BatchEntry) -> str:
    """``xã Minh Đức``, or the file name when the unit is unknown."""
    if isinstance(record, BatchEntry):
        name, level, file = record.unit_name, record.unit_level, record.file
    else:
        name, level, file = record.meta.unit_name, record.meta.unit_level, record.source.file
    if not name:
        return file
    return f"{level} {name}" if level else name


def _key(text: str | None) -> str | None:
    return fold(text) if text else None


def groups(records: Sequence[Record | BatchEntry]) -> dict[tuple[str, int], list[BatchEntry]]:
    """Scored records by (district, report year); records missing either are left out."""
    out: dict[tuple[str, int], list[BatchEntry]] = defaultdict(list)
    for r in _entries(records):
        district = _key(r.district)
        if district and r.report_year is not None and r.is_scored_report:
            out[(district, r.report_year)].append(r)
    return out


def _district(rs: Sequence[BatchEntry]) -> str:
    return rs[0].district or "?"


def _overall_evidence(*records: BatchEntry) -> list[Evidence]:
    return _evidence([ev for r in records for ev in r.overall_evidence_values])


def _distinct_units(rs: Sequence[BatchEntry]) -> list[BatchEntry]:
    """One record per unit (duplicates are the duplicate rule's business)."""
    seen: set[tuple[Any, ...]] = set()
    out: list[BatchEntry] = []
    for r in rs:
        key = (_key(r.unit_name), r.unit_level) if r.unit_name else (r.file,)
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
def rank_order(records: list[Record | BatchEntry], ctx: RuleContext) -> Iterator[Hit]:
    """Within one district and year: higher overall score but a larger rank number (ties allowed)."""
    for (_, year), rs in groups(records).items():
        units = _distinct_units(rs)
        for lo, hi in rank_inversions(units, lambda r: r.score, lambda r: r.rank):
            h, low = hi, lo
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
def rank_total_mismatch(records: list[Record | BatchEntry], ctx: RuleContext) -> Iterator[Hit]:
    """Within one district and year: the overall rank totals (8/23 vs 8/25) must agree."""
    for (_, year), rs in groups(records).items():
        with_total = [r for r in _distinct_units(rs) if r.rank_total is not None]
        counts = Counter(r.rank_total for r in with_total)
        if len(counts) < 2:
            continue
        (top, n_top), (_, n_second) = counts.most_common(2)
        by_total: dict[int, list[str]] = defaultdict(list)
        for r in with_total:
            by_total[r.rank_total or 0].append(unit_label(r))
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
        majority = [r for r in with_total if r.rank_total == top]
        for r in with_total:
            if r.rank_total == top:
                continue
            o = r
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


def _values(r: BatchEntry) -> tuple[Any, ...]:
    return (r.score, r.max_score, r.percent, r.rank, r.rank_total, r.criteria, r.doc_number, r.issued_date)


def _differences(a: BatchEntry, b: BatchEntry) -> list[str]:
    diffs: list[str] = []
    if a.score != b.score:
        diffs.append(f"{m.num(a.score)} ≠ {m.num(b.score)}")
    if (a.rank, a.rank_total) != (b.rank, b.rank_total):
        diffs.append(f"{a.rank}/{a.rank_total} ≠ {b.rank}/{b.rank_total}")
    if a.doc_number != b.doc_number:
        diffs.append(f"{a.doc_number} ≠ {b.doc_number}")
    return diffs


@rule(
    "CCHC203",
    "duplicate_report",
    "warning",
    "Cùng một đơn vị và năm có hai báo cáo",
    "The same unit and year reported twice",
    batch=True,
)
def duplicate_report(records: list[Record | BatchEntry], ctx: RuleContext) -> Iterator[Hit]:
    """Same unit name, level, district and year twice: identical values -> info, different values -> warning."""
    seen: dict[tuple[Any, ...], BatchEntry] = {}
    for r in _entries(records):
        if not r.unit_name or r.report_year is None:
            continue
        key = (_key(r.unit_name), r.unit_level, _key(r.district), r.report_year)
        first = seen.setdefault(key, r)
        if first is r:
            continue
        identical = first.sha256 == r.sha256 or _values(first) == _values(r)
        unit = unit_label(r)
        files = f"{first.file}, {r.file}"
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
            message=f"{unit} năm {r.report_year} có hai báo cáo {detail_vi}: {files}",
            message_en=f"{unit} {r.report_year} reported twice, {detail_en}: {files}",
            expected=first.file,
            actual=r.file,
            evidence=[*_evidence([*first.meta_evidence_values, *r.meta_evidence_values]), *_overall_evidence(first, r)],
            severity="info" if identical else "warning",
        )


def check_records(records: Sequence[Record], settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """The batch rules' findings, the same as ``run_batch_rules(records)``, holding little of the records.

    ``records`` may be lazy (each item read from its file when asked for, as ``cchc ingest`` gives them):
    it is read once, keeping a :class:`BatchEntry` of each record; the rules of published rankings
    (``checker.official``) get light copies of the batch's rankings and of the reports they cover (read a
    second time only when the batch has a ranking); any other batch rule gets light copies of all.
    Findings come sorted as ``run_batch_rules`` sorts them.
    """
    from cchc.checker import official

    entries: list[BatchEntry] = []
    rankings: list[Record] = []
    origin = _Origin(records)
    for index, record in enumerate(records):
        entries.append(batch_entry(record, origin, index))
        if record.document_type == "ranking" and record.ranking is not None:
            rankings.append(light_copy(record))
    batch_specs = [spec for spec in RULES if spec.batch]
    own = [s.code for s in batch_specs if s.func.__module__ == __name__]
    of_rankings = [s.code for s in batch_specs if s.func.__module__ == official.__name__]
    others = [s.code for s in batch_specs if s.code not in own and s.code not in of_rankings]
    findings = run_batch_rules(entries, settings, select=own) if own else []  # type: ignore[arg-type]
    del entries
    if of_rankings and rankings:
        findings += run_batch_rules(covered_records(records, rankings), settings, select=of_rankings)
    if others:
        findings += run_batch_rules([light_copy(r) for r in records], settings, select=others)
    # each call's findings are sorted, and no two calls share a rule (part of the order): sorting the
    # whole gives the order of one call over everything
    return sort_findings(findings)


def covered_records(records: Sequence[Record], rankings: Sequence[Record]) -> list[Record]:
    """Light copies, in batch order, of the rankings and of the reports one of them covers: all that the
    rules of published rankings read (:func:`cchc.checker.official.matches`) and the reviews' published
    rankings section shows (a report no ranking covers is in no table)."""
    from cchc.checker.official import covering_rankings

    kept: list[Record] = []
    for record in records:
        is_ranking = record.document_type == "ranking" and record.ranking is not None
        if is_ranking or (record.document_type == "report" and covering_rankings(record, rankings)):
            kept.append(light_copy(record))
    return kept
