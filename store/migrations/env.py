"""Alembic environment of the cchc store.

cchc runs ``upgrade head`` itself on open, with the connection in ``config.attributes["connection"]``;
no alembic.ini is needed on the user's side. Developers can also run Alembic by hand:
``alembic -c store/alembic.ini -x url=sqlite:///cchc.sqlite upgrade head``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection

from cchc.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    from cchc.store.database import normalize_url

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: pass -x url=... or set sqlalchemy.url")
    return normalize_url(url)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.begin() as conn:
        _configure(conn)


if context.is_offline_mode():
    run_offline()
else:
    run_online()
