"""The store's tables as SQLAlchemy 2.x typed declarative models (the migrations create exactly these).

documents  one row per distinct file content (sha256), however often it is ingested
records    one row per document: the unit and year it reports on, its version among the reports of
           that unit and year, whether it is the current one, and the whole record as JSON
criteria   one row per criterion of a record, for queries across units and years
findings   the findings of a record (``record``), of the cross-year rules (``history``) and of a batch
batches    one row per ``cchc ingest`` run that wrote to the store
rankings   one row per published ranking (a decision's annex, an announcement) by area and year
ranking_rows  one row per ranked unit of a ranking: the official total, percent, rank
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JsonType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JsonType,
        list[Any]: JsonType,
        datetime: DateTime(timezone=True),
    }


class Batch(Base):
    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    out_dir: Mapped[str | None] = mapped_column(Text)
    inputs: Mapped[int] = mapped_column(default=0)
    cchc_version: Mapped[str | None] = mapped_column(String(32))


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(8))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    first_batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id", ondelete="SET NULL"))

    record: Mapped[RecordRow | None] = relationship(back_populates="document", uselist=False)


class RecordRow(Base):
    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("unit_key", "report_year", "version", name="uq_records_unit_year_version"),
        # at most one current version of a unit and year (both backends support partial indexes)
        Index(
            "ix_records_one_current",
            "unit_key",
            "report_year",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        Index("ix_records_name_key", "name_key"),
        Index("ix_records_year", "report_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id", ondelete="SET NULL"))
    unit_key: Mapped[str] = mapped_column(Text, doc="level|name|district, NFC and casefolded")
    name_key: Mapped[str] = mapped_column(Text, doc="unit name, NFC and casefolded")
    unit_name: Mapped[str | None] = mapped_column(Text)
    unit_level: Mapped[str | None] = mapped_column(String(16))
    district: Mapped[str | None] = mapped_column(Text)
    province: Mapped[str | None] = mapped_column(Text)
    report_year: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(default=True)
    overall_score: Mapped[float | None]
    overall_max: Mapped[float | None]
    overall_percent: Mapped[float | None]
    overall_rank: Mapped[int | None]
    overall_rank_total: Mapped[int | None]
    overall_rank_change: Mapped[int | None]
    record: Mapped[dict[str, Any]]
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    schema_version: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="record")
    criteria: Mapped[list[CriterionRow]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="CriterionRow.position"
    )


class CriterionRow(Base):
    __tablename__ = "criteria"
    __table_args__ = (Index("ix_criteria_code", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None]
    max_score: Mapped[float | None]
    percent: Mapped[float | None]
    rank: Mapped[int | None]
    rank_total: Mapped[int | None]
    rank_change: Mapped[int | None]

    record: Mapped[RecordRow] = relationship(back_populates="criteria")


class FindingRow(Base):
    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_kind", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(8), doc="record, history or batch")
    rule: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(Text)
    actual: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RankingDoc(Base):
    """A published ranking (issue 13), by area (district, else province) and index year."""

    __tablename__ = "rankings"
    __table_args__ = (Index("ix_rankings_area_year", "area_key", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id", ondelete="SET NULL"))
    area_key: Mapped[str] = mapped_column(Text, doc="district (else province), folded")
    district: Mapped[str | None] = mapped_column(Text)
    province: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[str | None] = mapped_column(String(16))
    issuer: Mapped[str | None] = mapped_column(Text)
    doc_number: Mapped[str | None] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(8))
    record: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship()
    rows: Mapped[list[RankingEntry]] = relationship(
        back_populates="ranking", cascade="all, delete-orphan", order_by="RankingEntry.position"
    )


class RankingEntry(Base):
    """One unit of a published ranking."""

    __tablename__ = "ranking_rows"
    __table_args__ = (Index("ix_ranking_rows_name_key", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ranking_id: Mapped[int] = mapped_column(ForeignKey("rankings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name_key: Mapped[str] = mapped_column(Text)
    unit_name: Mapped[str] = mapped_column(Text)
    unit_level: Mapped[str | None] = mapped_column(String(16))
    group_label: Mapped[str | None] = mapped_column(Text)
    total: Mapped[float | None]
    percent: Mapped[float | None]
    rank: Mapped[int | None]
    rank_total: Mapped[int | None]
    classification: Mapped[str | None] = mapped_column(Text)
    scores: Mapped[dict[str, Any]]

    ranking: Mapped[RankingDoc] = relationship(back_populates="rows")
