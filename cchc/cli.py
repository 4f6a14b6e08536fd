"""The ``cchc`` command line.

Exit codes: 0 success (``check``: no error-severity finding); 1 ``check``: an error-severity
finding, ``extract``/``ingest``: some inputs failed; 2 an input could not be read or a usage error.
Heavy libraries are imported inside the commands so ``cchc --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from cchc import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _settings(lang: str = "vi", **overrides: Any) -> Any:
    from cchc.settings import Settings

    return Settings().with_overrides(lang=lang, **overrides)


def settings_options(func: Any) -> Any:
    """Options shared by the commands that read reports."""
    func = click.option("--max-pages", type=int, default=None, help="Refuse PDFs with more pages (default 500).")(func)
    func = click.option(
        "--percent-slack",
        type=float,
        default=None,
        help="Extra tolerance in percentage points when comparing printed percents (default 0).",
    )(func)
    func = click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="Language of messages.")(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cchc")
def cli() -> None:
    """Turn Vietnamese commune CCHC reports (PDF, DOCX, text) into validated records and findings.

    \b
    Examples:
      cchc extract samples/minh-duc-2022.pdf          # the record as JSON
      cchc check samples/minh-duc-2022.docx           # findings as a table
      cchc ingest samples/ --out results/             # the batch job (Prefect flow)
      cchc schema > record.schema.json                # the export contract
    """


def _fail(path: str, message: str) -> None:
    click.echo(f"cchc: {message}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the record to FILE (one input).")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one <file name without extension>.json per input into DIR.",
)
@click.option("--no-check", is_flag=True, help="Leave findings empty (skip the checker).")
@settings_options
def extract(
    files: tuple[Path, ...],
    output: Path | None,
    out_dir: Path | None,
    no_check: bool,
    lang: str,
    percent_slack: float | None,
    max_pages: int | None,
) -> None:
    """Extract the record of each report and print it as JSON (or write it).

    \b
    Examples:
      cchc extract report.pdf
      cchc extract report.docx -o record.json
      cchc extract a.pdf b.docx c.txt --out-dir records/
    """
    from cchc.api import extract_file
    from cchc.errors import InputError

    if output and len(files) > 1:
        raise click.UsageError("-o/--output takes one input; use --out-dir for several")
    if len(files) > 1 and not out_dir:
        raise click.UsageError("several inputs need --out-dir")
    settings = _settings(lang, percent_slack=percent_slack, max_pages=max_pages)
    failed = 0
    for path in files:
        if not path.exists():
            _fail(str(path), f"{path}: no such file")
            failed += 1
            continue
        try:
            record = extract_file(path, settings, check=not no_check)
        except InputError as exc:
            _fail(str(path), str(exc))
            failed += 1
            continue
        text = record.model_dump_json(indent=2)
        if out_dir:
            out_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(out_dir / f"{path.stem}.json", text + "\n")
        elif output:
            write_atomic(output, text + "\n")
        else:
            click.echo(text)
    if failed:
        sys.exit(EXIT_INPUT if failed == len(files) else EXIT_FINDINGS)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never a half file."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_record(path: Path, settings: Any) -> Any:
    """A record from a report file, or from a record JSON written by ``cchc extract``."""
    from cchc.api import extract_file
    from cchc.errors import InputError

    if path.suffix.lower() == ".json":
        from pydantic import ValidationError

        from cchc.schemas.record import Record

        try:
            return Record.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise InputError(str(path), f"not a cchc record ({exc.error_count()} schema errors)") from exc
    return extract_file(path, settings, check=False)


@cli.command()
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@settings_options
def check(report: Path, fmt: str, lang: str, percent_slack: float | None, max_pages: int | None) -> None:
    """Check one report (PDF, DOCX, text, or a record .json) and print its findings.

    Exit 0 when no error-severity finding, 1 when there is one, 2 when the input could not be read.

    \b
    Examples:
      cchc check samples/minh-duc-2022.pdf
      cchc check record.json --format json --lang en
    """
    from cchc.api import check_record
    from cchc.errors import InputError

    settings = _settings(lang, percent_slack=percent_slack, max_pages=max_pages)
    if not report.exists():
        _fail(str(report), f"{report}: no such file")
        sys.exit(EXIT_INPUT)
    try:
        record = load_record(report, settings)
    except InputError as exc:
        _fail(str(report), str(exc))
        sys.exit(EXIT_INPUT)
    findings = check_record(record, settings)
    if fmt == "json":
        click.echo(json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False, indent=2))
    else:
        print_findings(record, findings, lang)
    sys.exit(EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK)


def print_findings(record: Any, findings: list[Any], lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=max(console.width, 140))
    meta = record.meta
    unit = " ".join(x for x in (meta.unit_level, meta.unit_name) if x) or record.source.file
    colours = {"error": "red", "warning": "yellow", "info": "blue"}
    counts = {s: sum(1 for f in findings if f.severity == s) for s in colours}
    head = "Findings" if lang == "en" else "Phát hiện"
    table = Table(title=f"{unit} {meta.report_year or ''} — {head}: {len(findings)}", show_lines=False)
    for col in ("Rule", "Severity", "Kind", "Subject"):
        table.add_column(col, overflow="fold", max_width=22)
    table.add_column("Message" if lang == "en" else "Nội dung", overflow="fold", ratio=1, min_width=40)
    table.add_column("Where", overflow="fold", max_width=16)
    for f in findings:
        where = ", ".join(_place(ev) for ev in f.evidence[:2])
        message = (f.message_en or f.message) if lang == "en" else f.message
        table.add_row(f.rule, f"[{colours[f.severity]}]{f.severity}[/]", f.kind, f.subject, message, where)
    console.print(table)
    console.print(" ".join(f"[{colours[s]}]{s}: {n}[/]" for s, n in counts.items()))


def _place(ev: Any) -> str:
    if ev.page is not None:
        return f"p.{ev.page} l.{ev.line}" if ev.line is not None else f"p.{ev.page}"
    if ev.paragraph is not None:
        return f"¶{ev.paragraph}"
    if ev.table is not None:
        return f"table {ev.table}"
    return f"l.{ev.line}" if ev.line is not None else ""


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the schema to FILE.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the exported record (contract v1).

    \b
    Example:
      cchc schema -o schemas/record.schema.json
    """
    from cchc.schemas import record_json_schema

    text = json.dumps(record_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def rules(fmt: str) -> None:
    """List the consistency rules: code, kind, default severity and title.

    \b
    Example:
      cchc rules --format json
    """
    from cchc.checker import RULES

    rows = [_rule_row(r) for r in RULES]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="cchc rules")
    for col in ("code", "kind", "severity", "title"):
        table.add_column(col)
    for row in rows:
        table.add_row(row["code"], row["kind"], row["severity"], row["title"])
    Console().print(table)


def _rule_row(rule: Any) -> dict[str, str]:
    get = (lambda k: rule.get(k)) if isinstance(rule, dict) else (lambda k: getattr(rule, k, None))
    return {
        "code": str(get("code")),
        "kind": str(get("kind")),
        "severity": str(get("severity")),
        "title": str(get("title_vi") or get("title") or ""),
        "title_en": str(get("title_en") or ""),
        "scope": str(get("scope") or "report"),
    }


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="review.html or review.md")
@settings_options
def report(files: tuple[Path, ...], output: Path, lang: str, percent_slack: float | None, max_pages: int | None) -> None:
    """Write the reviewer's report (HTML or Markdown, by the output's extension) for a few reports.

    No Prefect: the quick path for one or a few files; use ``cchc ingest`` for a batch.

    \b
    Example:
      cchc report samples/minh-duc-2022.pdf -o review.html
    """
    from cchc.api import check_batch, extract_file
    from cchc.errors import InputError
    from cchc.report import render_html, render_markdown

    settings = _settings(lang, percent_slack=percent_slack, max_pages=max_pages)
    records, failures = [], []
    for path in files:
        try:
            records.append(load_record(path, settings) if path.suffix == ".json" else extract_file(path, settings))
        except InputError as exc:
            failures.append((str(path), str(exc)))
    if records and files and all(p.suffix == ".json" for p in files):
        from cchc.api import check_record

        for record in records:
            record.findings = check_record(record, settings)
    batch_findings = check_batch(records, settings) if len(records) > 1 else []
    render = render_markdown if output.suffix.lower() in (".md", ".markdown") else render_html
    base = output.resolve().parent
    links = {r.source.file: _relative(Path(r.source.file), base) for r in records}
    text = render(records, batch_findings=batch_findings, failures=failures, source_links=links, lang=lang)
    write_atomic(output, text)
    click.echo(f"cchc: wrote {output}")
    if failures:
        sys.exit(EXIT_FINDINGS)


def _relative(path: Path, base: Path) -> str:
    import os

    return os.path.relpath(path.resolve(), base).replace(os.sep, "/")


def _register_commands() -> None:
    from cchc._cli_ingest import ingest
    from cchc._cli_store import export, history

    for command in (ingest, history, export):
        cli.add_command(command)


_register_commands()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: sys.argv[1:]) and return its exit code."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="cchc", standalone_mode=False)
        if isinstance(result, int):
            return result
    except click.exceptions.UsageError as exc:
        exc.show()
        return EXIT_INPUT
    except click.exceptions.Abort:
        return EXIT_INPUT
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # the CLI's last line of defence: one line, no traceback
        from cchc.errors import CchcError

        if isinstance(exc, CchcError):
            click.echo(f"cchc: {exc}", err=True)
            return EXIT_INPUT
        raise
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
