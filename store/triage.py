"""Reviewers' decisions on findings (triage), keyed by a finding's stable identity.

A finding's identity is its unit, year, rule, subject and the values it compares (expected, actual):
re-ingesting the same report, or a corrected one that still has the problem, gives the same key, so the
decision stays. Decisions are appended (who, when, why); the latest one for a key is the finding's status.
Findings without a decision are ``open``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Literal, get_args

from sqlalchemy import DateTime, Index, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from cchc.errors import UsageError
from cchc.schemas.record import Finding, Record
from cchc.store.models import Base, Document, FindingRow, RecordRow, utcnow
from cchc.store.store import Store, fold, unit_key

Status = Literal["open", "accepted", "dismissed"]
STATUSES: tuple[str, ...] = get_args(Status)
SEVERITIES = ("error", "warning", "info")


class TriageRow(Base):
    """One decision on a finding; the newest row of a key is its current status."""

    __tablename__ = "triage"
    __table_args__ = (Index("ix_triage_finding_key", "finding_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's decision on a finding."""

    finding_key: str
    status: str
    reason: str | None
    decided_by: str
    decided_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(),
        }


@dataclass(slots=True)
class StoredFinding:
    """A finding of a current record, with its identity, its report and its triage status."""

    id: str
    finding: Finding
    unit: str | None
    unit_key: str
    district: str | None
    year: int | None
    file: str
    sha256: str
    scope: str
    decision: Decision | None = None

    @property
    def status(self) -> str:
        return self.decision.status if self.decision else "open"

    def to_dict(self) -> dict[str, Any]:
        """The finding as the HTTP API returns it."""
        f = self.finding
        return {
            "id": self.id,
            "rule": f.rule,
            "kind": f.kind,
            "severity": f.severity,
            "subject": f.subject,
            "message": f.message,
            "message_en": f.message_en,
            "expected": f.expected,
            "actual": f.actual,
            "evidence": [e.model_dump(mode="json") for e in f.evidence],
            "status": self.status,
            "reason": self.decision.reason if self.decision else None,
            "decided_by": self.decision.decided_by if self.decision else None,
            "decided_at": self.decision.decided_at.isoformat() if self.decision else None,
            "unit": self.unit,
            "district": self.district,
            "year": self.year,
            "file": self.file,
            "sha256": self.sha256,
        }


@lru_cache(maxsize=8192)
def _fold_subject(subject: str) -> str:
    return fold(subject)  # subjects repeat across reports ("1", "3.3", "closing")


def _value(value: str | float | None) -> str:
    """A compared value as the store keeps it (text), so a record's finding and its stored row agree."""
    return "" if value is None else str(value)


def finding_key(
    unit: str, year: int | None, rule: str, subject: str, expected: Any, actual: Any
) -> str:
    """The stable identity of a finding (``unit`` is the store's unit key, see :func:`store.unit_key`)."""
    parts = (unit, "" if year is None else str(year), rule, _fold_subject(subject), _value(expected), _value(actual))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def record_finding_key(unit_name: str | None, unit_level: str | None, district: str | None,
                       year: int | None, finding: Finding) -> str:
    """:func:`finding_key` of a finding of a record with this unit and year."""
    return finding_key(unit_key(unit_name, unit_level, district), year, finding.rule, finding.subject,
                       finding.expected, finding.actual)


def _sessions(store: Store) -> sessionmaker[Any]:
    return sessionmaker(store.engine, expire_on_commit=False)


def _decision(row: TriageRow) -> Decision:
    return Decision(row.finding_key, row.status, row.reason, row.decided_by, row.decided_at)


def decide(store: Store, key: str, status: str, reason: str | None, decided_by: str) -> Decision:
    """Record a decision; ``dismissed`` needs a reason. Raises ``UsageError`` for a bad status or reason."""
    if status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    reason = " ".join((reason or "").split()) or None
    if status == "dismissed" and not reason:
        raise UsageError("dismissing a finding needs a reason")
    if reason is not None and len(reason) > 2000:
        raise UsageError("the reason is longer than 2000 characters")
    if not decided_by.strip():
        raise UsageError("a decision needs the name of who decided")
    with _sessions(store).begin() as session:
        row = TriageRow(finding_key=key, status=status, reason=reason, decided_by=decided_by.strip(),
                        decided_at=utcnow())
        session.add(row)
        session.flush()
        return _decision(row)


def decisions(store: Store, keys: Iterable[str] | None = None) -> dict[str, Decision]:
    """The current decision of each key (of ``keys``, or all)."""
    wanted = None if keys is None else set(keys)
    query = select(TriageRow).order_by(TriageRow.id)
    with _sessions(store)() as session:
        rows = session.scalars(query).all()
    latest: dict[str, Decision] = {}
    for row in rows:
        if wanted is None or row.finding_key in wanted:
            latest[row.finding_key] = _decision(row)
    return latest


def current_statuses(store: Store) -> dict[str, str]:
    """The current status of every decided key (lighter than :func:`decisions`: for counting)."""
    table = TriageRow.__table__.c
    with store.engine.connect() as connection:
        rows = connection.execute(select(table.finding_key, table.status).order_by(table.id)).all()
    return dict(rows)  # later rows win


def decision_log(store: Store, key: str) -> list[Decision]:
    """Every decision on ``key``, oldest first (who changed what, when)."""
    with _sessions(store)() as session:
        rows = session.scalars(
            select(TriageRow).where(TriageRow.finding_key == key).order_by(TriageRow.id)
        ).all()
    return [_decision(r) for r in rows]


def current_findings(
    store: Store,
    *,
    year: int | None = None,
    unit: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    sha256: str | None = None,
) -> list[StoredFinding]:
    """The findings of the current version of each report (record and cross-year rules), with status.

    ``unit`` matches the unit's name as :func:`store.fold` does (any case, form and tone placement).
    Batch findings (across the reports of a district) have no single report and are not listed here.
    """
    if status is not None and status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    query = (
        select(FindingRow, RecordRow.unit_name, RecordRow.unit_key, RecordRow.district, RecordRow.report_year,
               Document.file_name, Document.sha256)
        .join(RecordRow, FindingRow.record_id == RecordRow.id)
        .join(Document, RecordRow.document_id == Document.id)
        .order_by(RecordRow.report_year, RecordRow.unit_key, FindingRow.id)
    )
    if sha256:  # one report, current or an older version
        query = query.where(Document.sha256 == sha256)
    else:
        query = query.where(RecordRow.is_current)
    if year is not None:
        query = query.where(RecordRow.report_year == year)
    if unit:
        query = query.where(RecordRow.name_key == fold(unit))
    if kind:
        query = query.where(FindingRow.kind == kind)
    with _sessions(store)() as session:
        rows = session.execute(query).all()
    found: list[StoredFinding] = []
    seen: set[str] = set()
    for row, unit_name, ukey, district, report_year, file_name, sha in rows:
        key = finding_key(ukey, report_year, row.rule, row.subject, row.expected, row.actual)
        if key in seen:  # the same problem stated twice in one report is one decision
            continue
        seen.add(key)
        finding = Finding(rule=row.rule, kind=row.kind, severity=row.severity,  # type: ignore[arg-type]
                          subject=row.subject, message=row.message, message_en=row.message_en,
                          expected=row.expected, actual=row.actual, evidence=row.evidence)
        found.append(StoredFinding(key, finding, unit_name, ukey, district, report_year, file_name, sha,
                                   row.scope))
    latest = decisions(store, seen)
    for item in found:
        item.decision = latest.get(item.id)
    if status is not None:
        found = [f for f in found if f.status == status]
    return found


STATUS_COUNT_COLUMNS = ("findings_open", "findings_accepted", "findings_dismissed")


def add_status_counts(store: Store, rows: list[dict[str, Any]], year: int) -> None:
    """Add to each export row (``Store.export_rows``) its report's findings by status (open, accepted,
    dismissed), counted as the overview counts them: one per identity."""
    counts: dict[str, dict[str, int]] = {}
    for item in current_findings(store, year=year):
        per = counts.setdefault(item.sha256, dict.fromkeys(STATUSES, 0))
        per[item.status] += 1
    for row in rows:
        per = counts.get(row.get("sha256") or "", dict.fromkeys(STATUSES, 0))
        for status, column in zip(STATUSES, STATUS_COUNT_COLUMNS):
            row[column] = per[status]


def find(store: Store, key: str) -> StoredFinding | None:
    """The current finding with identity ``key`` (None when no current report has it)."""
    return next((f for f in current_findings(store) if f.id == key), None)


def statuses_of(store: Store, unit_name: str | None, unit_level: str | None, district: str | None,
                year: int | None, findings: Iterable[Finding]) -> list[Decision | None]:
    """The decision on each of a record's findings (None: open), for reports and exports."""
    keys = [record_finding_key(unit_name, unit_level, district, year, f) for f in findings]
    latest = decisions(store, keys)
    return [latest.get(k) for k in keys]


StatusOf = Callable[[Record, Finding], Decision | None]
STATUS_COLUMNS = ("status", "reason", "decided_by", "decided_at")


def status_lookup(latest: Mapping[str, Decision]) -> StatusOf:
    """The decision on a finding of a record (None: open), from decisions read once (:func:`decisions`),
    for reports and findings.csv of a whole batch."""

    def status_of(record: Record, finding: Finding) -> Decision | None:
        meta = record.meta
        key = record_finding_key(meta.unit_name, meta.unit_level, meta.district, meta.report_year, finding)
        return latest.get(key)

    return status_of


def status_columns(decision: Decision | None) -> dict[str, str]:
    """The triage columns of a finding's row in findings.csv or an export: status, reason, who, when."""
    if decision is None:
        return {"status": "open", "reason": "", "decided_by": "", "decided_at": ""}
    return {"status": decision.status, "reason": decision.reason or "", "decided_by": decision.decided_by,
            "decided_at": decision.decided_at.isoformat(timespec="seconds")}


__all__ = [
    "STATUSES",
    "STATUS_COLUMNS",
    "STATUS_COUNT_COLUMNS",
    "Decision",
    "StatusOf",
    "StoredFinding",
    "TriageRow",
    "add_status_counts",
    "current_findings",
    "current_statuses",
    "decide",
    "decision_log",
    "decisions",
    "find",
    "finding_key",
    "record_finding_key",
    "status_columns",
    "status_lookup",
    "statuses_of",
]
