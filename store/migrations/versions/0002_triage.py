"""Triage: reviewers' decisions on findings (accepted, dismissed with a reason, reopened), who and when.

Revision ID: 0002_triage
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_triage"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "triage",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("finding_key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_triage_finding_key", "triage", ["finding_key"])


def downgrade() -> None:
    op.drop_index("ix_triage_finding_key", table_name="triage")
    op.drop_table("triage")
