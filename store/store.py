"""The store: every ingested record, versioned per unit and year, with its criteria and findings.

Idempotent by content: a document (sha256) is stored once. A different document for the same unit and
year (a corrected resubmission) is stored as the next version and becomes the current one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, cast

from sqlalchemy import Table, Text, bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from cchc.extractors.normalize import fold as normalize_fold
from cchc.extractors.normalize import fold_loose
from cchc.schemas.record import Criterion, Finding, Record, Source
from cchc.store.database import default_url, make_engine, normalize_url, redact, sqlite_path, upgrade
from cchc.store.models import Base, Batch, CriterionRow, Document, FindingRow, RecordRow, utcnow

_RETRIES = 3
# Records per round of bulk statements: bounds the memory of their JSON and SQLite's bound parameters
# (a few columns x 200 rows stays far below its 32,766 limit).
BULK_CHUNK = 200
# Records parsed and inserted per round of a batch's save: each parsed record is ~130 KB in memory and
# 200 at once made the ingest process ~60 MB bigger for the rest of the run (issue 16); 50 cost no time
# (20 a round made no measurable difference to the process's size at 1,000 records).
SAVE_CHUNK = 50


def fold(text: str | None) -> str:
    """How unit and district names are matched: the one normalisation (NFC, case, tone placement, spacing).

    Old and new tone placement (``Hoà``/``Hòa``, ``Thuỷ``/``Thủy``) give the same key. The key is for
    matching only, never shown.
    """
    return normalize_fold(text) if text else ""


def bare(text: str | None) -> str:
    """A name without case or diacritics (``Minh Đức`` -> ``minh duc``), for a name typed without them."""
    return fold_loose(text) if text else ""


def unit_key(unit_name: str | None, unit_level: str | None, district: str | None) -> str:
    return f"{fold(unit_level)}|{fold(unit_name)}|{fold(district)}"


@dataclass(frozen=True, slots=True)
class Saved:
    """Where one record stands in the store after saving it."""

    record_id: int
    sha256: str
    file: str
    unit_name: str | None
    report_year: int | None
    version: int
    is_current: bool
    stored: bool  # False: the same content was already in the store
    unit_level: str | None = None
    district: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "unit": self.unit_name,
            "year": self.report_year,
            "version": self.version,
            "is_current": self.is_current,
            "stored": self.stored,
        }


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit (commune, ward, town) known to the store."""

    unit_name: str
    unit_level: str | None
    district: str | None
    province: str | None
    years: tuple[int, ...]
    key: str


@dataclass(slots=True)
class YearEntry:
    """One year of a unit's history: the current version's totals and criteria."""

    year: int
    version: int
    file: str
    score: float | None
    max_score: float | None
    rank: int | None
    rank_total: int | None
    rank_change: int | None
    criteria: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)


def _text(value: str | float | None) -> str | None:
    return None if value is None else str(value)


class Store:
    """A connection to the store; opening it migrates the schema to the newest version.

    Example::

        with Store("sqlite:///cchc.sqlite") as store:
            saved = store.save_record(record)
            store.previous_record("Minh Đức", "xã", "Tứ Kỳ", 2021)
    """

    def __init__(self, url: str | Path | None = None) -> None:
        self.url = normalize_url(url if url is not None else default_url())
        self.engine = make_engine(self.url)
        upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def display_url(self) -> str:
        return redact(self.url)

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for a server database)."""
        return sqlite_path(self.url)

    # ------------------------------------------------------------------ writing

    def start_batch(self, out_dir: str | None = None, inputs: int = 0) -> int:
        import cchc

        with self._sessions.begin() as session:
            batch = Batch(out_dir=out_dir, inputs=inputs, cchc_version=getattr(cchc, "__version__", None))
            session.add(batch)
            session.flush()
            return batch.id

    def save_record(self, record: Record, *, batch_id: int | None = None) -> Saved:
        """Store ``record`` (and its findings) unless its content is stored already; see :class:`Saved`."""
        for attempt in range(_RETRIES):
            try:
                with self._sessions.begin() as session:
                    return _save(session, record, batch_id)
            except IntegrityError:  # a concurrent writer took the version number or the document
                if attempt == _RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def save_records(self, records: Sequence[Record], *, batch_id: int | None = None) -> list[Saved]:
        """Store many records as :meth:`save_record` would, in one transaction of a few statements per chunk.

        All or nothing: a failure midway (a crash, a killed process) leaves none of them stored, and a
        re-run stores them all; content already in the store is not stored again. ``records`` is read
        a chunk at a time (a lazy sequence of record files stays lazy). The returned ``is_current`` is
        each record's state once the whole batch is stored.
        """
        return self._save_bulk(records, batch_id=batch_id)[1]

    def save_batch(
        self,
        records: Sequence[Record],
        *,
        out_dir: str | None = None,
        inputs: int | None = None,
        seen: Callable[[Record], None] | None = None,
    ) -> tuple[int, list[Saved]]:
        """A new batch and its records in one transaction (see :meth:`save_records`): (batch id, saved).

        ``seen`` is called with each record as it is read (again if the transaction is retried), so a
        caller that needs something of every record does not read a lazy sequence once more.
        """
        batch = {"out_dir": out_dir, "inputs": len(records) if inputs is None else inputs}
        batch_id, saved = self._save_bulk(records, new_batch=batch, seen=seen)
        assert batch_id is not None
        return batch_id, saved

    def _save_bulk(
        self,
        records: Sequence[Record],
        *,
        batch_id: int | None = None,
        new_batch: dict[str, Any] | None = None,
        seen: Callable[[Record], None] | None = None,
    ) -> tuple[int | None, list[Saved]]:
        import cchc

        for attempt in range(_RETRIES):
            try:
                with self._sessions.begin() as session:
                    if new_batch is not None:
                        batch = Batch(**new_batch, cchc_version=getattr(cchc, "__version__", None))
                        session.add(batch)
                        session.flush()
                        batch_id = batch.id
                    saved: list[Saved] = []
                    for start in range(0, len(records), SAVE_CHUNK):
                        chunk = [records[i] for i in range(start, min(start + SAVE_CHUNK, len(records)))]
                        if seen is not None:
                            for record in chunk:
                                seen(record)
                        saved += _save_many(session, chunk, batch_id)
                    return batch_id, _with_final_current(session, saved)
            except IntegrityError:  # a concurrent writer took a version number or a document
                if attempt == _RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def save_findings(
        self,
        findings: Iterable[Finding],
        *,
        scope: str,
        record_id: int | None = None,
        batch_id: int | None = None,
    ) -> None:
        """Store findings of ``scope`` (history, batch); history findings of the record are replaced,
        in its findings rows and in its stored record (so ``cchc export`` carries them)."""
        findings = list(findings)
        with self._sessions.begin() as session:
            if record_id is not None and scope != "batch":
                session.execute(
                    delete(FindingRow).where(FindingRow.record_id == record_id, FindingRow.scope == scope)
                )
            if record_id is not None and scope == "history":
                _set_history_in_record(session, record_id, findings)
            session.add_all(_finding_rows(findings, scope, record_id, batch_id))

    # ------------------------------------------------------------------ reading

    def previous_record(
        self, unit_name: str | None, unit_level: str | None, district: str | None, year: int
    ) -> Record | None:
        """The current record of a unit for ``year`` (call it with the year before a report's year)."""
        row = self._current_row(unit_name, unit_level, district, year)
        return None if row is None else Record.model_validate(row.record)

    def previous_records(self, records: Iterable[Record | Saved]) -> list[Record | None]:
        """:meth:`previous_record` of each record's unit for the year before its report year, in a few queries.

        ``records`` (records, or what :meth:`save_records` returned for them, which spares reading the
        records again) is iterated once; only the chosen previous records are read back from their JSON.
        """
        units = [
            (r.unit_name, r.unit_level, r.district, r.report_year)
            if isinstance(r, Saved)
            else (r.meta.unit_name, r.meta.unit_level, r.meta.district, r.meta.report_year)
            for r in records
        ]
        wanted = {(fold(name), year - 1) for name, _, _, year in units if name and year is not None}
        names = sorted({name for name, _ in wanted})
        years = sorted({year for _, year in wanted})
        candidates: dict[tuple[str, int], list[Any]] = {}
        chosen: list[int | None] = []
        with self._sessions() as session:
            for start in range(0, len(names), BULK_CHUNK * 5):
                for row in session.execute(
                    select(
                        RecordRow.id,
                        RecordRow.name_key,
                        RecordRow.report_year,
                        RecordRow.unit_level,
                        RecordRow.district,
                    ).where(
                        RecordRow.name_key.in_(names[start : start + BULK_CHUNK * 5]),
                        RecordRow.report_year.in_(years),
                        RecordRow.is_current,
                    )
                ):
                    if (row.name_key, row.report_year) in wanted:
                        candidates.setdefault((row.name_key, row.report_year), []).append(row)
            for name, level, district, year in units:
                found = None
                if name and year is not None:
                    found = _pick_current(candidates.get((fold(name), year - 1), []), level, district)
                chosen.append(None if found is None else found.id)
            ids = sorted({i for i in chosen if i is not None})
            stored: dict[int, dict[str, Any]] = {}
            for start in range(0, len(ids), BULK_CHUNK * 5):
                rows = session.execute(
                    select(RecordRow.id, RecordRow.record).where(
                        RecordRow.id.in_(ids[start : start + BULK_CHUNK * 5])
                    )
                )
                stored |= {record_id: record for record_id, record in rows}
        return [None if i is None else Record.model_validate(stored[i]) for i in chosen]

    def _current_row(
        self, unit_name: str | None, unit_level: str | None, district: str | None, year: int
    ) -> RecordRow | None:
        if not unit_name:
            return None
        with self._sessions() as session:
            rows = session.scalars(
                select(RecordRow).where(
                    RecordRow.name_key == fold(unit_name), RecordRow.report_year == year, RecordRow.is_current
                )
            ).all()
        return _pick_current(rows, unit_level, district)

    def versions(
        self, unit_name: str, unit_level: str | None, district: str | None, year: int
    ) -> list[tuple[int, bool, str]]:
        """(version, is_current, sha256) of every stored report of a unit and year, oldest first."""
        key = unit_key(unit_name, unit_level, district)
        with self._sessions() as session:
            rows = session.execute(
                select(RecordRow.version, RecordRow.is_current, Document.sha256)
                .join(Document, RecordRow.document_id == Document.id)
                .where(RecordRow.unit_key == key, RecordRow.report_year == year)
                .order_by(RecordRow.version)
            ).all()
        return [(v, bool(c), s) for v, c, s in rows]

    def count(self, table: str) -> int:
        model = {
            "documents": Document,
            "records": RecordRow,
            "criteria": CriterionRow,
            "findings": FindingRow,
            "batches": Batch,
        }[table]
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def findings(self, kind: str | None = None, scope: str | None = None) -> list[Finding]:
        with self._sessions() as session:
            query = select(FindingRow).order_by(FindingRow.id)
            if kind:
                query = query.where(FindingRow.kind == kind)
            if scope:
                query = query.where(FindingRow.scope == scope)
            rows = session.scalars(query).all()
        return [_finding(r) for r in rows]

    def units(self, name: str) -> list[Unit]:
        """The units called ``name`` (NFC, case-insensitive) with the years stored for each; a name typed
        without any diacritics matches without them (``Minh Duc`` finds Minh Đức, ``Minh Đúc`` does not)."""
        found = self._units(fold(name))
        if found or bare(name) != fold(name):
            return found
        with self._sessions() as session:
            keys = session.scalars(select(RecordRow.name_key).where(RecordRow.is_current).distinct()).all()
        bare_name = bare(name)
        return [
            u for key in sorted({k for k in keys if k and bare(k) == bare_name}) for u in self._units(key)
        ]

    def _units(self, name_key: str) -> list[Unit]:
        with self._sessions() as session:
            rows = session.execute(
                select(
                    RecordRow.unit_key,
                    RecordRow.unit_name,
                    RecordRow.unit_level,
                    RecordRow.district,
                    RecordRow.province,
                    RecordRow.report_year,
                )
                .where(RecordRow.name_key == name_key, RecordRow.is_current)
                .order_by(RecordRow.report_year)
            ).all()
        by_key: dict[str, list[Any]] = {}
        for row in rows:
            by_key.setdefault(row.unit_key, []).append(row)
        units = []
        for key, group in by_key.items():
            last = group[-1]
            province = next((g.province for g in reversed(group) if g.province), None)
            years = tuple(sorted({g.report_year for g in group if g.report_year is not None}))
            units.append(Unit(last.unit_name, last.unit_level, last.district, province, years, key))
        return sorted(units, key=lambda u: (fold(u.district), fold(u.unit_level)))

    def history(self, unit: Unit) -> list[YearEntry]:
        """The current version of each year of ``unit``, oldest year first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(RecordRow)
                .options(selectinload(RecordRow.criteria), selectinload(RecordRow.document))
                .where(
                    RecordRow.unit_key == unit.key, RecordRow.is_current, RecordRow.report_year.is_not(None)
                )
                .order_by(RecordRow.report_year)
            ).all()
            return [_year_entry(r) for r in rows]

    def current_records(self, year: int) -> list[Record]:
        """The current record of every unit for ``year``, by district then unit name."""
        return [Record.model_validate(r.record) for r in self._year_rows(year)]

    def export_rows(self, year: int) -> list[dict[str, Any]]:
        """One flat row per unit for ``year``: meta, overall, and score/max of every criterion code."""
        rows = self._year_rows(year)
        codes = sorted({c.code for r in rows for c in r.criteria if c.code}, key=lambda c: (len(c), c))
        out = []
        for r in rows:
            row: dict[str, Any] = {
                "unit_name": r.unit_name,
                "unit_level": r.unit_level,
                "district": r.district,
                "province": r.province,
                "report_year": r.report_year,
                "version": r.version,
                "file": r.document.file_name,
                "sha256": r.document.sha256,
                "overall_score": r.overall_score,
                "overall_max": r.overall_max,
                "overall_percent": r.overall_percent,
                "rank": r.overall_rank,
                "rank_total": r.overall_rank_total,
                "rank_change": r.overall_rank_change,
                "classification": (r.record.get("overall") or {}).get("classification"),
            }
            criteria = {}
            for c in r.criteria:
                if c.code and c.code not in criteria:
                    criteria[c.code] = c
            for code in codes:
                found = criteria.get(code)
                row[f"c{code}_score"] = found.score if found else None
                row[f"c{code}_max"] = found.max_score if found else None
            out.append(row)
        return out

    def _year_rows(self, year: int) -> Sequence[RecordRow]:
        with self._sessions() as session:
            rows = session.scalars(
                select(RecordRow)
                .options(selectinload(RecordRow.criteria), selectinload(RecordRow.document))
                .where(RecordRow.report_year == year, RecordRow.is_current)
            ).all()
        return sorted(rows, key=lambda r: (fold(r.district), fold(r.unit_name), fold(r.unit_level)))


# ---------------------------------------------------------------------- helpers


def _save(session: Session, record: Record, batch_id: int | None) -> Saved:
    source, meta, overall = record.source, record.meta, record.overall
    now = utcnow()
    document = session.scalar(select(Document).where(Document.sha256 == source.sha256))
    if document is not None:
        document.last_seen = now
        existing = document.record
        if existing is not None:
            return Saved(
                existing.id,
                source.sha256,
                source.file,
                existing.unit_name,
                existing.report_year,
                existing.version,
                bool(existing.is_current),
                stored=False,
                unit_level=existing.unit_level,
                district=existing.district,
            )
    else:
        document = Document(**_document_values(source, batch_id, now))
        session.add(document)
    key = unit_key(meta.unit_name, meta.unit_level, meta.district)
    version = 1
    if meta.unit_name and meta.report_year is not None:
        same = (RecordRow.unit_key == key, RecordRow.report_year == meta.report_year)
        version = int(session.scalar(select(func.max(RecordRow.version)).where(*same)) or 0) + 1
        session.execute(update(RecordRow).where(*same, RecordRow.is_current).values(is_current=False))
    row = RecordRow(
        document=document,
        batch_id=batch_id,
        unit_key=key,
        name_key=fold(meta.unit_name),
        unit_name=meta.unit_name,
        unit_level=meta.unit_level,
        district=meta.district,
        province=meta.province,
        report_year=meta.report_year,
        version=version,
        is_current=True,
        overall_score=overall.score,
        overall_max=overall.max_score,
        overall_percent=overall.percent,
        overall_rank=overall.rank,
        overall_rank_total=overall.rank_total,
        overall_rank_change=overall.rank_change,
        record=record.model_dump(mode="json"),
        extractor_version=record.extractor_version,
        schema_version=record.schema_version,
        created_at=now,
        criteria=[CriterionRow(**_criterion_values(i, c)) for i, c in enumerate(record.criteria)],
    )
    session.add(row)
    session.flush()
    session.add_all(_finding_rows(record.findings, "record", row.id, batch_id))
    return Saved(
        row.id,
        source.sha256,
        source.file,
        meta.unit_name,
        meta.report_year,
        version,
        True,
        stored=True,
        unit_level=meta.unit_level,
        district=meta.district,
    )


def _set_history_in_record(session: Session, record_id: int, findings: list[Finding]) -> None:
    from cchc.checker.history import merge_history_findings

    row = session.get(RecordRow, record_id)
    if row is None:
        return
    record = Record.model_validate(row.record)
    merged = merge_history_findings(record.findings, findings)
    if merged != record.findings:
        record.findings = merged
        row.record = record.model_dump(mode="json")


def _pick_current(
    rows: Sequence[RecordRow], unit_level: str | None, district: str | None
) -> RecordRow | None:
    """The one current row of the candidates (same unit name and year) that matches a unit's level and district.

    ``rows`` are RecordRow objects or rows with their ``unit_level`` and ``district``; None when no single one fits.
    """
    if unit_level:
        rows = [r for r in rows if not r.unit_level or fold(r.unit_level) == fold(unit_level)]
    exact = [r for r in rows if fold(r.district) == fold(district)]
    if len(exact) == 1:
        return exact[0]
    # a district stated in one year only: accept the single candidate whose district is not contradicted
    loose = [r for r in rows if not r.district or not district]
    return loose[0] if len(loose) == 1 and not exact else None


def _save_many(session: Session, records: Sequence[Record], batch_id: int | None) -> list[Saved]:
    """:func:`_save` for a chunk of records: one query to find what is stored, one insert per table."""
    now = utcnow()
    shas = list(dict.fromkeys(r.source.sha256 for r in records))
    known = _stored_documents(session, shas)
    if known:
        session.execute(update(Document).where(Document.sha256.in_(list(known))).values(last_seen=now))
    # a document already stored with its record is not stored again; nor is the same content twice in a chunk
    new: list[Record] = []
    seen: set[str] = set()
    for record in records:
        sha = record.source.sha256
        row = known.get(sha)
        if sha in seen or (row is not None and row.record_id is not None):
            continue
        seen.add(sha)
        new.append(record)
    document_ids = {sha: row.id for sha, row in known.items()}
    missing = [r for r in new if r.source.sha256 not in document_ids]
    if missing:
        values = [_document_values(r.source, batch_id, now) for r in missing]
        inserted = _insert_rows(session, Document, values, Document.id, Document.sha256)
        document_ids |= {sha: doc_id for doc_id, sha in inserted}

    versions = _next_versions(session, new)
    new_ids: dict[str, int] = {}
    if new:
        rows = [
            _record_values(record, document_ids[record.source.sha256], batch_id,
                           versions.get(record.source.sha256, (1, True)), now)
            for record in new
        ]
        by_document = dict(_insert_rows(session, RecordRow, rows, RecordRow.document_id, RecordRow.id))
        new_ids = {r.source.sha256: by_document[document_ids[r.source.sha256]] for r in new}
        criteria = [
            {"record_id": new_ids[r.source.sha256], **_criterion_values(i, c)}
            for r in new
            for i, c in enumerate(r.criteria)
        ]
        _insert_rows(session, CriterionRow, criteria)
        findings = [
            _finding_values(f, "record", new_ids[r.source.sha256], batch_id, now)
            for r in new
            for f in r.findings
        ]
        _insert_rows(session, FindingRow, findings)
    return _saved_in_order(records, known, versions, new_ids)


def _document_values(source: Source, batch_id: int | None, now: datetime) -> dict[str, Any]:
    """The ``documents`` row of a file seen for the first time."""
    return {
        "sha256": source.sha256,
        "file_name": Path(source.file).name,
        "format": source.format,
        "size_bytes": source.size_bytes,
        "pages": source.pages,
        "first_seen": now,
        "last_seen": now,
        "first_batch_id": batch_id,
    }


def _criterion_values(position: int, criterion: Criterion) -> dict[str, Any]:
    """The ``criteria`` row of a record's criterion (without its record's id)."""
    c = criterion
    return {
        "position": position,
        "code": c.code,
        "title": c.title,
        "score": c.score,
        "max_score": c.max_score,
        "percent": c.percent,
        "rank": c.rank,
        "rank_total": c.rank_total,
        "rank_change": c.rank_change,
    }


def _stored_documents(session: Session, shas: list[str]) -> dict[str, Any]:
    """{sha256: the stored document with its record's id, unit, year and version (None if it has no record)}."""
    return {
        row.sha256: row
        for row in session.execute(
            select(
                Document.id,
                Document.sha256,
                RecordRow.id.label("record_id"),
                RecordRow.unit_name,
                RecordRow.unit_level,
                RecordRow.district,
                RecordRow.report_year,
                RecordRow.version,
                RecordRow.is_current,
            )
            .outerjoin(RecordRow, RecordRow.document_id == Document.id)
            .where(Document.sha256.in_(shas))
        )
    }


def _record_values(
    record: Record, document_id: int, batch_id: int | None, version: tuple[int, bool], now: datetime
) -> dict[str, Any]:
    """The ``records`` row of a record to insert; ``version`` is (version number, is current)."""
    meta, overall = record.meta, record.overall
    number, is_current = version
    return {
        "document_id": document_id,
        "batch_id": batch_id,
        "unit_key": unit_key(meta.unit_name, meta.unit_level, meta.district),
        "name_key": fold(meta.unit_name),
        "unit_name": meta.unit_name,
        "unit_level": meta.unit_level,
        "district": meta.district,
        "province": meta.province,
        "report_year": meta.report_year,
        "version": number,
        "is_current": is_current,
        "overall_score": overall.score,
        "overall_max": overall.max_score,
        "overall_percent": overall.percent,
        "overall_rank": overall.rank,
        "overall_rank_total": overall.rank_total,
        "overall_rank_change": overall.rank_change,
        "record": RawJson(record.model_dump_json()),
        "extractor_version": record.extractor_version,
        "schema_version": record.schema_version,
        "created_at": now,
    }


def _saved_in_order(
    records: Sequence[Record], known: dict[str, Any], versions: dict[str, tuple[int, bool]], new_ids: dict[str, int]
) -> list[Saved]:
    """A :class:`Saved` per record, in order: stored before, stored now, or the same content again."""
    saved = []
    emitted: set[str] = set()
    for record in records:
        source, meta = record.source, record.meta
        row = known.get(source.sha256)
        if row is not None and row.record_id is not None:
            saved.append(
                Saved(
                    row.record_id,
                    source.sha256,
                    source.file,
                    row.unit_name,
                    row.report_year,
                    row.version,
                    bool(row.is_current),
                    stored=False,
                    unit_level=row.unit_level,
                    district=row.district,
                )
            )
            continue
        version, is_current = versions.get(source.sha256, (1, True))
        saved.append(
            Saved(
                new_ids[source.sha256],
                source.sha256,
                source.file,
                meta.unit_name,
                meta.report_year,
                version,
                is_current,
                stored=source.sha256 not in emitted,
                unit_level=meta.unit_level,
                district=meta.district,
            )
        )
        emitted.add(source.sha256)
    return saved


def _insert_rows(
    session: Session, model: type[Base], rows: list[dict[str, Any]], *returning: Any
) -> list[Any]:
    """Insert ``rows`` in a few statements; return the ``returning`` columns, in no particular order.

    SQLite: one executemany with RETURNING, which SQLAlchemy sends as multi-row INSERTs. PostgreSQL:
    one statement whose rows come as a single JSON parameter (``json_populate_recordset``), because the
    pure-Python pg8000 makes one round trip a row for an executemany and rewrites the SQL text of a long
    multi-row INSERT character by character (about 3 s for 1,000 records). Callers match returned rows
    on a unique column, never on order.
    """
    if not rows:
        return []
    table = cast(Table, model.__table__)
    columns = returning or (table.c.id,)
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        # JSON already serialised (RawJson) goes in as text: the JSON type would encode it again
        raw = {
            key: bindparam(key, type_=Text()) for key, value in rows[0].items() if isinstance(value, RawJson)
        }
        bulk = insert(table).values(raw) if raw else insert(table)
        return list(connection.execute(bulk.returning(*columns), rows).all())
    names = ", ".join(rows[0])  # the models' own column names, never input
    statement = text(
        f"INSERT INTO {table.name} ({names}) SELECT {names} "
        f"FROM json_populate_recordset(NULL::{table.name}, CAST(:rows AS json)) "
        f"RETURNING {', '.join(c.name for c in columns)}"
    )
    if any(isinstance(value, RawJson) for value in rows[0].values()):
        payload = "[" + ",".join(map(_row_json, rows)) + "]"
    else:
        payload = json.dumps(rows, default=_json_default)
    return list(connection.execute(statement, {"rows": payload}).all())


class RawJson(str):
    """A value already serialised as JSON (a record's ``model_dump_json``), stored as it is."""


def _row_json(row: dict[str, Any]) -> str:
    """One row as a JSON object, with its RawJson values spliced in as they are."""
    text = json.dumps({k: v for k, v in row.items() if not isinstance(v, RawJson)}, default=_json_default)
    raw = "".join(f",{json.dumps(k)}:{v}" for k, v in row.items() if isinstance(v, RawJson))
    return text[:-1] + raw + "}" if raw else text


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


def _next_versions(session: Session, records: Sequence[Record]) -> dict[str, tuple[int, bool]]:
    """sha256 -> (version, is current) of new records of a named unit and year; older versions stop being current.

    Several reports of one unit and year in a chunk take successive versions, the last one current.
    """
    by_pair: dict[tuple[str, int], list[str]] = {}
    for record in records:
        meta = record.meta
        if meta.unit_name and meta.report_year is not None:
            key = unit_key(meta.unit_name, meta.unit_level, meta.district)
            by_pair.setdefault((key, meta.report_year), []).append(record.source.sha256)
    if not by_pair:
        return {}
    keys = list({key for key, _ in by_pair})
    stored: dict[tuple[str, int], int] = {}
    for start in range(0, len(keys), BULK_CHUNK):
        for key, year, top in session.execute(
            select(RecordRow.unit_key, RecordRow.report_year, func.max(RecordRow.version))
            .where(
                RecordRow.unit_key.in_(keys[start : start + BULK_CHUNK]), RecordRow.report_year.is_not(None)
            )
            .group_by(RecordRow.unit_key, RecordRow.report_year)
        ):
            if year is not None and (key, year) in by_pair:
                stored[(key, year)] = int(top)
    if stored:
        table = cast(Table, RecordRow.__table__)
        session.execute(
            update(table)
            .where(
                table.c.unit_key == bindparam("k"), table.c.report_year == bindparam("y"), table.c.is_current
            )
            .values(is_current=False),
            [{"k": key, "y": year} for key, year in stored],
        )
    versions: dict[str, tuple[int, bool]] = {}
    for pair, shas in by_pair.items():
        for n, sha in enumerate(shas, start=1):
            versions[sha] = (stored.get(pair, 0) + n, n == len(shas))
    return versions


def _with_final_current(session: Session, saved: list[Saved]) -> list[Saved]:
    """``saved`` with each record's is_current as stored now (a later report of the batch may supersede it)."""
    ids = list({s.record_id for s in saved})
    current: dict[int, bool] = {}
    for start in range(0, len(ids), BULK_CHUNK * 5):
        chunk = ids[start : start + BULK_CHUNK * 5]
        current |= {
            rid: bool(flag)
            for rid, flag in session.execute(
                select(RecordRow.id, RecordRow.is_current).where(RecordRow.id.in_(chunk))
            )
        }
    return [replace(s, is_current=current.get(s.record_id, s.is_current)) for s in saved]


def _finding_values(
    f: Finding, scope: str, record_id: int | None, batch_id: int | None, now: datetime
) -> dict[str, Any]:
    return {
        "record_id": record_id,
        "batch_id": batch_id,
        "scope": scope,
        "rule": f.rule,
        "kind": f.kind,
        "severity": f.severity,
        "subject": f.subject,
        "message": f.message,
        "message_en": f.message_en,
        "expected": _text(f.expected),
        "actual": _text(f.actual),
        "evidence": [e.model_dump(mode="json") for e in f.evidence],
        "created_at": now,
    }


def _finding_rows(
    findings: Iterable[Finding], scope: str, record_id: int | None, batch_id: int | None
) -> list[FindingRow]:
    return [
        FindingRow(
            record_id=record_id,
            batch_id=batch_id,
            scope=scope,
            rule=f.rule,
            kind=f.kind,
            severity=f.severity,
            subject=f.subject,
            message=f.message,
            message_en=f.message_en,
            expected=_text(f.expected),
            actual=_text(f.actual),
            evidence=[e.model_dump(mode="json") for e in f.evidence],
        )
        for f in findings
    ]


def _finding(row: FindingRow) -> Finding:
    return Finding(
        rule=row.rule,
        kind=row.kind,
        severity=row.severity,  # type: ignore[arg-type]
        subject=row.subject,
        message=row.message,
        message_en=row.message_en,
        expected=row.expected,
        actual=row.actual,
        evidence=row.evidence,
    )


def _year_entry(row: RecordRow) -> YearEntry:
    criteria: dict[str, tuple[float | None, float | None]] = {}
    for c in row.criteria:
        if c.code and c.code not in criteria:
            criteria[c.code] = (c.score, c.max_score)
    assert row.report_year is not None
    return YearEntry(
        row.report_year,
        row.version,
        row.document.file_name,
        row.overall_score,
        row.overall_max,
        row.overall_rank,
        row.overall_rank_total,
        row.overall_rank_change,
        criteria,
    )
