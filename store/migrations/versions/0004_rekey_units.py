"""Unit keys recomputed with the one normalisation (extractors.normalize), shared with the checker.

The first keys were NFC + casefold, so tone placement ("Hoà"/"Hòa") gave two units, and stores made
before this revision would no longer find their units, previous years or rankings. Rows whose new
keys coincide become versions of one unit and year, in the order they were stored; the last is current.

Revision ID: 0004_rekey_units
Revises: 0003_rankings
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004_rekey_units"
down_revision: str | None = "0003_rankings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from cchc.store.store import fold, unit_key

    connection = op.get_bind()
    records = sa.table(
        "records", sa.column("id"), sa.column("unit_key"), sa.column("name_key"), sa.column("unit_name"),
        sa.column("unit_level"), sa.column("district"), sa.column("report_year"), sa.column("version"),
        sa.column("is_current"), sa.column("created_at"),
    )
    rows = connection.execute(
        sa.select(records).order_by(records.c.created_at, records.c.id)
    ).mappings().all()
    groups: dict[tuple[str, Any], list[Any]] = {}
    for row in rows:
        key = unit_key(row["unit_name"], row["unit_level"], row["district"])
        groups.setdefault((key, row["report_year"]), []).append(row)
    # clear the unique keys first, so a row never collides with one not yet rewritten
    connection.execute(
        records.update().values(unit_key=sa.literal("~") + sa.cast(records.c.id, sa.Text), is_current=False)
    )
    for (key, _year), members in groups.items():
        for version, row in enumerate(members, start=1):
            connection.execute(
                records.update().where(records.c.id == row["id"]).values(
                    unit_key=key, name_key=fold(row["unit_name"]), version=version,
                    is_current=version == len(members),
                )
            )
    entries = sa.table("ranking_rows", sa.column("id"), sa.column("name_key"), sa.column("unit_name"))
    for row in connection.execute(sa.select(entries)).mappings().all():
        connection.execute(entries.update().where(entries.c.id == row["id"]).values(name_key=fold(row["unit_name"])))


def downgrade() -> None:
    """Keys are derived data: the next upgrade recomputes them."""
