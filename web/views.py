"""What the pages show, as plain data read from the store (no HTTP here, so the bench times it alone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from cchc.schemas.record import Record
from cchc.store.models import Document, FindingRow, RecordRow
from cchc.store.rankings import OfficialEntry, official_history
from cchc.store.store import Store, fold
from cchc.store.triage import SEVERITIES, current_findings, current_statuses, finding_key


@dataclass(slots=True)
class UnitRow:
    """One row of the overview: a unit's current report for the year."""

    sha256: str
    unit_name: str | None
    unit_level: str | None
    district: str | None
    province: str | None
    score: float | None
    max_score: float | None
    rank: int | None
    rank_total: int | None
    version: int
    file: str
    open_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    decided: int = 0


@dataclass(slots=True)
class Overview:
    years: list[int]
    year: int | None
    rows: list[UnitRow]
    districts: list[str]
    levels: list[str]


def years(store: Store) -> list[int]:
    with sessionmaker(store.engine)() as session:
        found = session.scalars(
            select(RecordRow.report_year).distinct().where(RecordRow.is_current, RecordRow.report_year.is_not(None))
        ).all()
    return sorted((int(y) for y in found if y is not None), reverse=True)


def overview(
    store: Store,
    year: int | None,
    *,
    district: str | None = None,
    level: str | None = None,
    severity: str | None = None,
) -> Overview:
    """One row per unit for ``year`` (default: the latest), its open findings counted by severity.

    Reads columns only (never the records' JSON), so a year of hundreds of units is one quick query each
    for records, findings and decisions.
    """
    known = years(store)
    year = year if year is not None else (known[0] if known else None)
    if year is None:
        return Overview(known, None, [], [], [])
    records_t, findings_t, documents_t = RecordRow.__table__.c, FindingRow.__table__.c, Document.__table__.c
    # Core queries (no ORM row loading): a year of 500 reports has ~5,000 findings
    with store.engine.connect() as connection:
        records = connection.execute(
            select(records_t.id, records_t.unit_key, records_t.unit_name, records_t.unit_level, records_t.district,
                   records_t.province, records_t.overall_score, records_t.overall_max, records_t.overall_rank,
                   records_t.overall_rank_total, records_t.version, documents_t.sha256, documents_t.file_name)
            .join_from(RecordRow.__table__, Document.__table__, records_t.document_id == documents_t.id)
            .where(records_t.report_year == year, records_t.is_current)
        ).all()
        findings = connection.execute(
            select(findings_t.record_id, findings_t.rule, findings_t.subject, findings_t.expected,
                   findings_t.actual, findings_t.severity)
            .join_from(FindingRow.__table__, RecordRow.__table__, findings_t.record_id == records_t.id)
            .where(records_t.report_year == year, records_t.is_current)
        ).all()
    all_districts = sorted({r.district for r in records if r.district}, key=fold)
    all_levels = sorted({r.unit_level for r in records if r.unit_level})
    rows: dict[int, UnitRow] = {}
    keys: dict[int, str] = {}
    for r in records:
        if district and fold(r.district) != fold(district):
            continue
        if level and (r.unit_level or "") != level:
            continue
        rows[r.id] = UnitRow(r.sha256, r.unit_name, r.unit_level, r.district, r.province, r.overall_score,
                             r.overall_max, r.overall_rank, r.overall_rank_total, r.version, r.file_name)
        keys[r.id] = r.unit_key
    per_record: dict[int, dict[str, str]] = {}
    for record_id, rule, subject, expected, actual, sev in findings:
        if record_id in rows:
            key = finding_key(keys[record_id], year, rule, subject, expected, actual)
            per_record.setdefault(record_id, {})[key] = sev
    latest = current_statuses(store)
    for record_id, found in per_record.items():
        row = rows[record_id]
        for key, sev in found.items():
            if latest.get(key, "open") == "open":
                row.open_counts[sev] = row.open_counts.get(sev, 0) + 1
            else:
                row.decided += 1
    selected = [r for r in rows.values() if not severity or r.open_counts.get(severity, 0) > 0]
    folded = {d: fold(d) for d in {r.district for r in selected}}
    selected.sort(key=lambda r: (folded[r.district], r.rank if r.rank is not None else 10**6, r.unit_name or ""))
    return Overview(known, year, selected, all_districts, all_levels)


@dataclass(slots=True)
class CriterionLine:
    code: str | None
    title: str
    score: float | None
    max_score: float | None
    printed_percent: float | None
    recomputed_percent: float | None
    rank: str
    flagged: bool = False  # the checker found its printed percent wrong (at the precision printed)


@dataclass(slots=True)
class ReportPage:
    record: Record
    version: int
    is_current: bool
    criteria: list[CriterionLine]
    findings: list[Any]
    original: Path | None


def record_row(store: Store, sha256: str) -> tuple[Record, int, bool] | None:
    with sessionmaker(store.engine)() as session:
        row = session.execute(
            select(RecordRow.record, RecordRow.version, RecordRow.is_current)
            .join(Document, RecordRow.document_id == Document.id)
            .where(Document.sha256 == sha256)
        ).first()
    if row is None:
        return None
    return Record.model_validate(row.record), row.version, bool(row.is_current)


def report_page(store: Store, sha256: str, original: Path | None) -> ReportPage | None:
    """A report's fields, its criteria (printed vs recomputed percent) and its findings with status."""
    found = record_row(store, sha256)
    if found is None:
        return None
    record, version, is_current = found
    wrong = {f.subject for f in record.findings if f.kind == "percent_mismatch"}
    lines = []
    for c in record.criteria:
        recomputed = round(c.score / c.max_score * 100, 2) if c.score is not None and c.max_score else None
        rank = f"{c.rank}/{c.rank_total}" if c.rank is not None and c.rank_total else (str(c.rank) if c.rank else "")
        lines.append(CriterionLine(c.code, c.title, c.score, c.max_score, c.percent, recomputed, rank,
                                   flagged=c.code is not None and c.code in wrong))
    return ReportPage(record, version, is_current, lines, current_findings(store, sha256=sha256), original)


def original_file(record: Record, uploaded: Path | None) -> Path | None:
    """The report's file, to render its pages: the uploaded copy, else the ingested path if unchanged."""
    if uploaded is not None:
        return uploaded
    path = Path(record.source.file)
    try:
        if path.is_file() and (record.source.size_bytes is None or path.stat().st_size == record.source.size_bytes):
            return path
    except OSError:
        return None
    return None


def official_values(entry: OfficialEntry | None) -> dict[str, Any] | None:
    """A year's published values (a stored ranking's row), as ``cchc history --format json`` gives them."""
    if entry is None:
        return None
    return {"total": entry.total, "percent": entry.percent, "rank": entry.rank, "rank_total": entry.rank_total,
            "scores": dict(entry.scores), "doc_number": entry.doc_number, "file": entry.file}


def unit_history(store: Store, name: str, district: str | None = None) -> list[dict[str, Any]]:
    """Each unit called ``name`` (optionally in ``district``) with its years side by side: self-reported, and
    official where a stored ranking of its area lists it (None otherwise)."""
    out = []
    for unit in store.units(name):
        if district and fold(unit.district) != fold(district):
            continue
        entries = store.history(unit)
        official = official_history(store, unit.unit_name, unit.unit_level, unit.district, unit.province)
        out.append({
            "unit": unit.unit_name,
            "level": unit.unit_level,
            "district": unit.district,
            "province": unit.province,
            "years": [
                {
                    "year": e.year,
                    "self_reported": {
                        "version": e.version,
                        "file": e.file,
                        "score": e.score,
                        "max_score": e.max_score,
                        "rank": e.rank,
                        "rank_total": e.rank_total,
                        "rank_change": e.rank_change,
                        "criteria": {code: {"score": s, "max_score": m} for code, (s, m) in e.criteria.items()},
                    },
                    "official": official_values(official.get(e.year)) if e.year is not None else None,
                }
                for e in entries
            ],
        })
    return out
