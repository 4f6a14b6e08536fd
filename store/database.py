"""Database URLs, engines and migrations of the store (SQLite by default, PostgreSQL through pg8000).

SQLAlchemy is imported inside the functions: the CLI checks a URL without paying for it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.errors import UsageError

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_LOCK = 7_426_001  # advisory lock key: one migrating process at a time


def default_path() -> Path:
    """``$XDG_DATA_HOME/cchc/cchc.sqlite`` (``~/.local/share/cchc/cchc.sqlite`` without XDG_DATA_HOME)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cchc" / "cchc.sqlite"


def default_url() -> str:
    return f"sqlite:///{default_path()}"


def normalize_url(url: str | Path) -> str:
    """A SQLAlchemy URL: a plain path means SQLite; ``postgresql://`` uses the pure-Python pg8000 driver."""
    text_url = str(url).strip()
    if not text_url:
        raise UsageError("empty database URL")
    if "://" not in text_url:
        return f"sqlite:///{Path(text_url).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if text_url.startswith(prefix):
            text_url = "postgresql+pg8000://" + text_url[len(prefix) :]
    backend = text_url.split("://", 1)[0].split("+", 1)[0]
    if backend not in ("sqlite", "postgresql"):
        raise UsageError(
            f"unsupported database {backend!r}: use a SQLite file, sqlite:///… or postgresql://…"
        )
    return text_url


def redact(url: str) -> str:
    """The URL with its password hidden, for logs and batch.json."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable URL>"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for in-memory or other databases)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (normalized); SQLite gets its folder, foreign keys and a busy timeout."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError

    url = normalize_url(url)
    try:
        path = sqlite_path(url)
    except ArgumentError as exc:
        raise UsageError(f"bad database URL {redact(url)!r}: {exc}") from None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine) -> None:
    """Run Alembic ``upgrade head`` on ``engine`` (no alembic.ini: the script location is set here)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()
