"""Published rankings (issue 13): rankings by area and year, and their ranked units.

Revision ID: 0003_rankings
Revises: 0002_triage
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_rankings"
down_revision: str | None = "0002_triage"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "rankings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("batches.id", ondelete="SET NULL")),
        sa.Column("area_key", sa.Text(), nullable=False),
        sa.Column("district", sa.Text()),
        sa.Column("province", sa.Text()),
        sa.Column("year", sa.Integer()),
        sa.Column("level", sa.String(16)),
        sa.Column("issuer", sa.Text()),
        sa.Column("doc_number", sa.Text()),
        sa.Column("form", sa.String(8), nullable=False),
        sa.Column("record", JSON, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_index("ix_rankings_area_year", "rankings", ["area_key", "year"])
    op.create_table(
        "ranking_rows",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ranking_id", sa.Integer(), sa.ForeignKey("rankings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("unit_name", sa.Text(), nullable=False),
        sa.Column("unit_level", sa.String(16)),
        sa.Column("group_label", sa.Text()),
        sa.Column("total", sa.Double()),
        sa.Column("percent", sa.Double()),
        sa.Column("rank", sa.Integer()),
        sa.Column("rank_total", sa.Integer()),
        sa.Column("classification", sa.Text()),
        sa.Column("scores", JSON, nullable=False),
    )
    op.create_index("ix_ranking_rows_ranking_id", "ranking_rows", ["ranking_id"])
    op.create_index("ix_ranking_rows_name_key", "ranking_rows", ["name_key"])


def downgrade() -> None:
    for table in ("ranking_rows", "rankings"):
        op.drop_table(table)
