"""``cchc serve``: run the reviewer's web app (registered by cchc.cli)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from cchc.errors import UsageError

DB_HELP = (
    "The store: a SQLAlchemy URL (postgresql://user@host/db) or a SQLite file "
    "(default: $XDG_DATA_HOME/cchc/cchc.sqlite; env CCHC_DB)."
)


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cchc" / "web"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; a non-loopback one needs CCHC_TOKEN or --users.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--db", metavar="URL", envvar="CCHC_DB", default=None, help=DB_HELP)
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Uploads, batches and flow outputs (default: $XDG_DATA_HOME/cchc/web).")
@click.option("--users", "users_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              envvar="CCHC_USERS", help="A users file: one 'name:hash' a line (see --hash-password).")
@click.option("--max-files", type=click.IntRange(min=1), default=50, show_default=True,
              help="Files accepted in one upload (each limited by max_file_bytes, 100 MB).")
@click.option("--hash-password", is_flag=True, help="Read a password and print its users-file hash, then exit.")
@click.option("--openapi", is_flag=True, help="Print the HTTP API's OpenAPI schema (JSON), then exit.")
def serve(host: str, port: int, db: str | None, data_dir: Path | None, users_file: Path | None, max_files: int,
          hash_password: bool, openapi: bool) -> None:
    """Run the reviewer's web app over the store: upload, overview, reports, triage of findings.

    \b
    Examples:
      cchc serve                                   # http://127.0.0.1:8000, the default store
      CCHC_TOKEN=… cchc serve --host 0.0.0.0 --db postgresql://cchc@db/cchc
      cchc serve --hash-password >> users.txt      # then: cchc serve --users users.txt …

    The token (env CCHC_TOKEN) is sent by API clients as 'Authorization: Bearer <token>'; people sign in
    on the login page with their name and the token (or their users-file password).
    """
    from cchc.web.auth import Auth, is_loopback, read_users
    from cchc.web.auth import hash_password as make_hash

    if hash_password:
        name = click.prompt("Name", err=True)
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
        click.echo(f"{name}:{make_hash(password)}")
        return
    from cchc.store import default_url
    from cchc.web.app import WebConfig, create_app, local_user

    token = os.environ.get("CCHC_TOKEN") or None
    users = read_users(users_file) if users_file else {}
    auth = Auth(token=token, users=users, local_user=local_user())
    loopback = is_loopback(host)
    if not loopback and not auth.required:
        raise UsageError(f"refusing to serve on {host} without credentials: set CCHC_TOKEN or pass --users "
                         "(or bind 127.0.0.1)")
    if token is not None and len(token) < 16:
        raise UsageError("CCHC_TOKEN is too short: use at least 16 characters")
    allowed = {"127.0.0.1", "localhost", "::1"} if loopback and not auth.required else None
    config = WebConfig(db_url=db or default_url(), data_dir=data_dir or default_data_dir(), auth=auth,
                       max_files_per_upload=max_files, allowed_hosts=allowed, start_worker=not openapi)
    app = create_app(config)
    if openapi:
        click.echo(json.dumps(app.openapi(), ensure_ascii=False, indent=2, sort_keys=True))
        return
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    click.echo(f"cchc serve: http://{shown}:{port}/  (store {app.state.store.display_url}; Ctrl+C stops)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)
    sys.stderr.flush()
