"""``cchc history`` and ``cchc export``: reading the store of ingested records (registered by cchc.cli)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click

from cchc.errors import UsageError

DB_HELP = (
    "The store: a SQLAlchemy URL (postgresql://user@host/db) or a SQLite file "
    "(default: $XDG_DATA_HOME/cchc/cchc.sqlite; env CCHC_DB)."
)
LABELS = {
    "vi": {
        "total": "Tổng điểm",
        "rank": "Xếp hạng",
        "change": "Thay đổi",
        "criterion": "Tiêu chí",
        "version": "Phiên bản",
        "file": "Tệp",
        "official_total": "Tổng điểm công bố",
        "official_rank": "Xếp hạng công bố",
        "official_source": "Quyết định công bố",
    },
    "en": {
        "total": "Total",
        "rank": "Rank",
        "change": "Change",
        "criterion": "Criterion",
        "version": "Version",
        "file": "File",
        "official_total": "Published total",
        "official_rank": "Published rank",
        "official_source": "Published in",
    },
}


def _open(db: str | None) -> Any:
    """The store, migrated; a bad URL or an unreachable server is a one-line usage error (exit 2)."""
    from sqlalchemy.exc import SQLAlchemyError

    from cchc.store import Store, default_url, redact
    from cchc.store.database import normalize_url, sqlite_path

    url = normalize_url(db or default_url())
    path = sqlite_path(url)
    if path is not None and not path.is_file():  # a mistyped path must not create an empty store
        raise UsageError(
            f"no store at {path}"
            + ("" if db else " (cchc ingest creates it)")
            + "; give the store with --db or CCHC_DB"
        )
    try:
        return Store(url)
    except SQLAlchemyError as exc:
        cause = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
        raise UsageError(f"cannot open the store {redact(url)}: {cause}") from None


def _num(x: float | None, lang: str) -> str:
    from cchc.checker.messages import num

    return num(x, "vi" if lang == "vi" else "en") if x is not None else "–"


def _ratio(a: float | None, b: float | None, lang: str) -> str:
    if a is None:
        return "–"
    return f"{_num(a, lang)}/{_num(b, lang)}" if b is not None else _num(a, lang)


def _score_of(criteria: dict[str, tuple[float | None, float | None]], code: str) -> tuple[float | None, float | None]:
    return criteria.get(code, (None, None))


def _rank(rank: int | None, total: int | None) -> str:
    if rank is None:
        return "–"
    return f"{rank}/{total}" if total is not None else str(rank)


def _change(change: int | None) -> str:
    if change is None:
        return "–"
    return f"+{change}" if change > 0 else str(change) if change < 0 else "0"


def _codes(entries: list[Any]) -> list[str]:
    codes = {code for e in entries for code in e.criteria}
    return sorted(codes, key=lambda c: (len(c), c))


@click.command("history")
@click.argument("unit")
@click.option("--district", default=None, help="The district, when several units share the name.")
@click.option(
    "--level",
    type=click.Choice(["xã", "phường", "thị trấn"]),
    default=None,
    help="The unit's level, when a commune and a ward share the name.",
)
@click.option("--db", metavar="URL", envvar="CCHC_DB", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="Language of labels."
)
def history(unit: str, district: str | None, level: str | None, db: str | None, fmt: str, lang: str) -> None:
    """Show a unit's years side by side: total, rank, change of rank and each criterion (current versions).

    The name is matched without regard to case or Unicode form; a name typed without diacritics
    matches without them ("Minh Duc" finds Minh Đức). When several units share it,
    they are listed and --district picks one. Exit code 2: no such unit, or several.

    \b
    Example:
      cchc history "Minh Đức"
      cchc history "Minh Duc"            # typed without diacritics
      cchc history "Tân Phong" --district "Yên Lạc" --format json
      cchc history "Minh Đức" --db postgresql://cchc@db.example/cchc
    """
    from cchc.store import fold

    store = _open(db)
    try:
        units = store.units(unit)
        if district:
            units = [u for u in units if fold(u.district) == fold(district)]
        if level:
            units = [u for u in units if fold(u.unit_level) == fold(level)]
        if not units:
            raise click.UsageError(
                f"no unit named {unit!r}"
                + (f" in {district!r}" if district else "")
                + f" in the store {store.display_url}"
            )
        if len(units) > 1:
            listing = "; ".join(
                f"{u.unit_level or ''} {u.unit_name}, {u.district or '?'} "
                f"({', '.join(map(str, u.years))})".strip()
                for u in units
            )
            raise click.UsageError(
                f"{len(units)} units are named {unit!r}: {listing}. Pick one with --district"
                + (" (and --level)" if len({fold(u.district) for u in units}) < len(units) else "")
            )
        chosen = units[0]
        entries = store.history(chosen)
        from cchc.store.rankings import official_history  # issue 13: the published values beside

        official = official_history(store, chosen.unit_name, chosen.unit_level, chosen.district, chosen.province)
    finally:
        store.close()
    if fmt == "json":
        data = _history_json(chosen, entries)
        for year in data["years"]:
            entry = official.get(year["year"])
            year["official"] = None if entry is None else {
                "total": entry.total, "percent": entry.percent, "rank": entry.rank, "rank_total": entry.rank_total,
                "scores": entry.scores, "doc_number": entry.doc_number, "file": entry.file,
            }  # fmt: skip
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _history_table(chosen, entries, lang, official)


def _history_json(unit: Any, entries: list[Any]) -> dict[str, Any]:
    return {
        "unit_name": unit.unit_name,
        "unit_level": unit.unit_level,
        "district": unit.district,
        "province": unit.province,
        "years": [
            {
                "year": e.year,
                "version": e.version,
                "file": e.file,
                "score": e.score,
                "max_score": e.max_score,
                "rank": e.rank,
                "rank_total": e.rank_total,
                "rank_change": e.rank_change,
                "criteria": {code: {"score": s, "max_score": m} for code, (s, m) in e.criteria.items()},
            }
            for e in entries
        ],
    }


def _history_table(unit: Any, entries: list[Any], lang: str, official: dict[int, Any] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    words = LABELS[lang]
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    title = f"{unit.unit_level or ''} {unit.unit_name}".strip() + (
        f", {unit.district}" if unit.district else ""
    )
    table = Table(title=title)
    table.add_column("")
    for e in entries:
        table.add_column(str(e.year), justify="right")
    table.add_row(words["total"], *(_ratio(e.score, e.max_score, lang) for e in entries))
    table.add_row(words["rank"], *(_rank(e.rank, e.rank_total) for e in entries))
    if official:  # issue 13: the published ranking's values under the self-reported ones
        published = [official.get(e.year) for e in entries]
        table.add_row(words["official_total"], *(_ratio(p.total, None, lang) if p else "—" for p in published))
        table.add_row(words["official_rank"], *(_rank(p.rank, p.rank_total) if p else "—" for p in published))
        table.add_row(words["official_source"], *(p.doc_number or p.file if p else "—" for p in published), style="dim")
    table.add_row(words["change"], *(_change(e.rank_change) for e in entries))
    for code in _codes(entries):
        table.add_row(
            f"{words['criterion']} {code}",
            *(_ratio(*_score_of(e.criteria, code), lang) for e in entries),
        )
    table.add_row(words["version"], *(str(e.version) for e in entries), style="dim")
    table.add_row(words["file"], *(e.file for e in entries), style="dim")
    console.print(table)


@click.command("export")
@click.option("--year", type=int, required=True, help="The report year to export.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "parquet"]),
    default="csv",
    show_default=True,
    help="csv/parquet: one row per unit (meta, overall, score and max of each criterion, findings open, "
    "accepted and dismissed); "
    "json: the full records.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write to FILE (default and -: standard output; parquet needs -o).",
)
@click.option("--db", metavar="URL", envvar="CCHC_DB", default=None, help=DB_HELP)
def export(year: int, fmt: str, output: Path | None, db: str | None) -> None:
    """Export a year's current records from the store for other tools (CSV, JSON or Parquet).

    CSV is UTF-8 with a BOM (for spreadsheets), in a file and on standard output alike.

    \b
    Example:
      cchc export --year 2022 > cchc-2022.csv
      cchc export --year 2022 --format parquet -o cchc-2022.parquet
      cchc export --year 2022 --format json -o records-2022.json
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE (or -o - for standard output)")
    if output is not None and str(output) == "-":
        output = None
    store = _open(db)
    try:
        if fmt == "json":
            records = store.current_records(year)
            payload = (
                json.dumps([r.model_dump(mode="json") for r in records], ensure_ascii=False, indent=2) + "\n"
            )
            _write_text(payload, output, encoding="utf-8")
            count = len(records)
        else:
            rows = store.export_rows(year)
            from cchc.store.triage import add_status_counts

            add_status_counts(store, rows, year)  # findings_open, _accepted, _dismissed: reviewers' triage
            count = len(rows)
            if fmt == "csv":
                _write_text(_csv(rows), output, encoding="utf-8-sig")
            else:
                _write_parquet(rows, output)
    finally:
        store.close()
    if count == 0:
        click.echo(f"cchc: no record of {year} in the store", err=True)
    elif output is not None:
        click.echo(f"{count} record(s) of {year} written to {output}", err=True)


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _write_text(text: str, output: Path | None, encoding: str) -> None:
    _write_bytes(text.encode(encoding), output)


def _write_bytes(data: bytes, output: Path | None) -> None:
    """``data`` to standard output, or to ``output`` atomically (mode per umask, no partial file)."""
    if output is None:
        from cchc.cli import write_stdout

        write_stdout(data)
        return
    from cchc._files import atomic_write_bytes

    atomic_write_bytes(output, data)


def _write_parquet(rows: list[dict[str, Any]], output: Path | None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_arrow_schema(rows))
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer)
    _write_bytes(buffer.getvalue().to_pybytes(), output)


def _arrow_schema(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    ints = {"report_year", "version", "rank", "rank_total", "rank_change",
            "findings_open", "findings_accepted", "findings_dismissed"}
    texts = {"unit_name", "unit_level", "district", "province", "file", "sha256", "classification"}
    names = list(rows[0]) if rows else ["unit_name", "report_year"]
    return pa.schema(
        [(n, pa.string() if n in texts else pa.int64() if n in ints else pa.float64()) for n in names]
    )
