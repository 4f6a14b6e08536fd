"""The first schema: batches, documents, records, criteria, findings.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("out_dir", sa.Text()),
        sa.Column("inputs", sa.Integer(), nullable=False),
        sa.Column("cchc_version", sa.String(32)),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("size_bytes", sa.Integer()),
        sa.Column("pages", sa.Integer()),
        sa.Column("first_seen", NOW, nullable=False),
        sa.Column("last_seen", NOW, nullable=False),
        sa.Column("first_batch_id", sa.Integer(), sa.ForeignKey("batches.id", ondelete="SET NULL")),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("batches.id", ondelete="SET NULL")),
        sa.Column("unit_key", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("unit_name", sa.Text()),
        sa.Column("unit_level", sa.String(16)),
        sa.Column("district", sa.Text()),
        sa.Column("province", sa.Text()),
        sa.Column("report_year", sa.Integer()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("overall_score", sa.Double()),
        sa.Column("overall_max", sa.Double()),
        sa.Column("overall_percent", sa.Double()),
        sa.Column("overall_rank", sa.Integer()),
        sa.Column("overall_rank_total", sa.Integer()),
        sa.Column("overall_rank_change", sa.Integer()),
        sa.Column("record", JSON, nullable=False),
        sa.Column("extractor_version", sa.String(32)),
        sa.Column("schema_version", sa.String(16)),
        sa.Column("created_at", NOW, nullable=False),
        sa.UniqueConstraint("unit_key", "report_year", "version", name="uq_records_unit_year_version"),
    )
    op.create_index("ix_records_name_key", "records", ["name_key"])
    op.create_index("ix_records_year", "records", ["report_year"])
    op.create_index(
        "ix_records_one_current",
        "records",
        ["unit_key", "report_year"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "criteria",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_id", sa.Integer(), sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(8)),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("score", sa.Double()),
        sa.Column("max_score", sa.Double()),
        sa.Column("percent", sa.Double()),
        sa.Column("rank", sa.Integer()),
        sa.Column("rank_total", sa.Integer()),
        sa.Column("rank_change", sa.Integer()),
    )
    op.create_index("ix_criteria_record_id", "criteria", ["record_id"])
    op.create_index("ix_criteria_code", "criteria", ["code"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_id", sa.Integer(), sa.ForeignKey("records.id", ondelete="CASCADE")),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("batches.id", ondelete="CASCADE")),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text()),
        sa.Column("expected", sa.Text()),
        sa.Column("actual", sa.Text()),
        sa.Column("evidence", JSON, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_index("ix_findings_record_id", "findings", ["record_id"])
    op.create_index("ix_findings_batch_id", "findings", ["batch_id"])
    op.create_index("ix_findings_kind", "findings", ["kind"])


def downgrade() -> None:
    for table in ("findings", "criteria", "records", "documents", "batches"):
        op.drop_table(table)
