"""Published rankings in the store (issue 13): saved by area and year, read back for the reconciliation
of later batches and for ``cchc history UNIT`` (official values beside the self-reported ones)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cchc.schemas.record import Finding, Record
from cchc.settings import DEFAULT_SETTINGS, Settings
from cchc.store.models import Document, RankingDoc, RankingEntry
from cchc.store.store import Store, fold


def area_key(district: str | None, province: str | None) -> str:
    """A ranking covers a district (its units), else a province."""
    return f"d:{fold(district)}" if district else f"p:{fold(province)}"


def save_ranking(store: Store, record: Record, *, batch_id: int | None = None) -> bool:
    """Store a ranking record's ranking (once per document content); False when not a ranking or stored already."""
    ranking = record.ranking
    if record.document_type != "ranking" or ranking is None:
        return False
    with store._sessions.begin() as session:
        document = session.scalar(select(Document).where(Document.sha256 == record.source.sha256))
        if document is None:  # saved with its record first (Store.save_record)
            return False
        if session.scalar(select(RankingDoc.id).where(RankingDoc.document_id == document.id)) is not None:
            return False
        session.add(
            RankingDoc(
                document_id=document.id,
                batch_id=batch_id,
                area_key=area_key(ranking.district, ranking.province),
                district=ranking.district,
                province=ranking.province,
                year=ranking.year,
                level=ranking.level,
                issuer=ranking.issuer,
                doc_number=ranking.doc_number,
                form=ranking.form,
                record=record.model_dump(mode="json"),
                rows=[
                    RankingEntry(
                        position=i,
                        name_key=fold(row.unit_name),
                        unit_name=row.unit_name,
                        unit_level=row.unit_level,
                        group_label=row.group,
                        total=row.total,
                        percent=row.percent,
                        rank=row.rank,
                        rank_total=row.rank_total,
                        classification=row.classification,
                        scores=dict(row.scores),
                    )
                    for i, row in enumerate(ranking.rows)
                ],
            )
        )
    return True


def stored_rankings(store: Store, district: str | None, province: str | None, years: Sequence[int]) -> list[Record]:
    """The stored ranking records covering an area in ``years`` (the district's, else the province's)."""
    keys = [area_key(district, province)] if district else []
    if province:
        keys.append(area_key(None, province))
    with store._sessions() as session:
        rows = session.scalars(
            select(RankingDoc).where(RankingDoc.area_key.in_(keys), RankingDoc.year.in_(list(years)))
        ).all()
        return [Record.model_validate(r.record) for r in rows]


def has_rankings_besides(store: Store, shas: Iterable[str]) -> bool:
    """Whether the store holds a ranking of a document other than ``shas`` (a batch's own rankings)."""
    with store._sessions() as session:
        query = select(RankingDoc.id).join(Document, RankingDoc.document_id == Document.id)
        shas = list(shas)
        if shas:
            query = query.where(Document.sha256.not_in(shas))
        return session.scalar(query.limit(1)) is not None


@dataclass(frozen=True, slots=True)
class OfficialEntry:
    """A unit's row in a stored ranking."""

    year: int | None
    total: float | None
    percent: float | None
    rank: int | None
    rank_total: int | None
    scores: dict[str, float]
    doc_number: str | None
    file: str


def official_history(
    store: Store, unit_name: str, unit_level: str | None, district: str | None, province: str | None
) -> dict[int, OfficialEntry]:
    """The unit's official values by year, from the stored rankings of its area."""
    keys = {area_key(district, province), area_key(None, province)} if district else {area_key(None, province)}
    with store._sessions() as session:
        entries = session.scalars(
            select(RankingEntry)
            .options(selectinload(RankingEntry.ranking).selectinload(RankingDoc.document))
            .join(RankingDoc, RankingEntry.ranking_id == RankingDoc.id)
            .where(RankingEntry.name_key == fold(unit_name), RankingDoc.area_key.in_(keys))
            .order_by(RankingDoc.year, RankingDoc.id.desc())
        ).all()
        out: dict[int, OfficialEntry] = {}
        for e in entries:
            if e.ranking.year is None or e.ranking.year in out:
                continue
            if unit_level and e.unit_level and fold(e.unit_level) != fold(unit_level):
                continue
            out[e.ranking.year] = OfficialEntry(
                e.ranking.year, e.total, e.percent, e.rank, e.rank_total, dict(e.scores), e.ranking.doc_number,
                Path(e.ranking.document.file_name).name,
            )
        return out


def reconcile_with_stored(
    store: Store, records: Sequence[Record], batch_findings: Sequence[Finding], settings: Settings = DEFAULT_SETTINGS
) -> list[list[Finding]]:
    """Each record's official findings against rankings the store has and the batch has not (this year's
    and last year's, for "giảm 5 bậc"), leaving out what the batch rules or an earlier run already found
    (the flow writes these findings into the record's file). One list per record."""
    from cchc.checker.official import check_against_rankings

    in_batch = [r for r in records if r.document_type == "ranking" and r.ranking is not None]
    batch_shas = {r.source.sha256 for r in in_batch}
    already = {(f.rule, f.subject) for f in batch_findings}
    out: list[list[Finding]] = []
    for record in records:
        meta = record.meta
        if record.document_type != "report" or not meta.unit_name or meta.report_year is None:
            out.append([])
            continue
        stored = [
            r
            for r in stored_rankings(store, meta.district, meta.province, [meta.report_year, meta.report_year - 1])
            if r.source.sha256 not in batch_shas
        ]
        if not stored:
            out.append([])
            continue
        found = check_against_rankings(record, [*in_batch, *stored], settings)
        # a record read back from an earlier run's file already carries what the store found then
        kept = already | {(f.rule, f.subject) for f in record.findings}
        out.append([f for f in found if (f.rule, f.subject) not in kept])
    return out
