"""`cchc frameworks`: the known frameworks and where their maxima come from; derive one from a ranking."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click


@click.command("frameworks")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--from", "ranking_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Derive the framework a published ranking's header defines (maxima, area, year, provenance).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --from: write the framework as TOML here (e.g. schemas/frameworks/<id>.toml).")
def frameworks(fmt: str, ranking_file: Path | None, output: Path | None) -> None:
    """List the known frameworks (criteria maxima by area and year) and where each came from.

    Exit 0, or 2 when the --from file cannot be read or is not a ranking with maxima in its header.

    \b
    Examples:
      cchc frameworks
      cchc frameworks --from qd-1146-chi-so-cchc.xlsx -o schemas/frameworks/thai-nguyen-phu-lam-2023-xa.toml
    """
    from cchc.extractors.framework import all_frameworks, framework_from_ranking, framework_toml

    if ranking_file is not None:
        from cchc.api import extract_file
        from cchc.errors import InputError

        try:
            record = extract_file(ranking_file, check=False)
        except InputError as exc:
            click.echo(f"cchc: {exc}", err=True)
            sys.exit(2)
        framework = framework_from_ranking(record)
        if framework is None:
            click.echo(f"cchc: {ranking_file}: not a published ranking with maxima in its header", err=True)
            sys.exit(2)
        text = framework_toml(framework)
        if output is None:
            click.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
            click.echo(f"cchc: wrote {output}")
        return
    rows = [_row(f) for f in all_frameworks()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="cchc frameworks")
    for col in ("id", "area", "years", "maxima", "source"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(row["id"], row["area"], ", ".join(map(str, row["years"])), row["maxima"], row["source"])
    console = Console()
    if not console.is_terminal:
        console = Console(width=max(console.width, 160))
    console.print(table)


def _row(framework: Any) -> dict[str, Any]:
    source = framework.source
    if framework.has_maxima:
        maxima = "/".join(f"{c.max_score:g}" for c in framework.criteria)
    elif framework.provisional_maxima:
        maxima = "provisional (not used): " + "/".join(f"{v:g}" for _, v in framework.provisional_maxima)
    else:
        maxima = "none (criteria names only)"
    where = {
        "ranking": "ranking {file} (sha256 {short}), {issuer} {decision}, {place}",
        "report": "a unit's own report {file}: demoted",
    }.get(source.get("derived_from", ""), "")
    place = ", ".join(f"{k} {source[k]}" for k in ("page", "line") if source.get(k))
    described = where.format(
        file=source.get("file", "?"), short=source.get("sha256", "?")[:12], issuer=source.get("issuer", ""),
        decision=source.get("decision", ""), place=place,
    ).strip(", ") if where else "schemas/frameworks (no source recorded)"
    return {
        "id": framework.id,
        "title": framework.title,
        "area": ", ".join(x for x in (framework.district, framework.province) if x) or "all",
        "years": list(framework.years),
        "unit_levels": list(framework.unit_levels),
        "maxima": maxima,
        "maxima_used": framework.has_maxima,
        "source": described,
        "provenance": source,
    }
