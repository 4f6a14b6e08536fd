"""The ``cchc`` command line.

Exit codes: 0 success (``check``: no error-severity finding); 1 ``check``: an error-severity
finding, ``extract``/``ingest``: some inputs failed (``ingest``: or the store could not be written);
2 an input could not be read or a usage error; 130 interrupted (Ctrl-C).
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

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


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


def _fail(message: str) -> None:
    click.echo(f"cchc: {message}", err=True)


STDIN_NAME = "<stdin>"
REPORT_SUFFIXES = (".html", ".htm", ".md", ".markdown")


def _in_language(findings: list[Any], lang: str) -> list[Any]:
    """Findings whose ``message`` is in ``lang`` (``message_en`` keeps the English text either way)."""
    if lang != "en":
        return findings
    return [f.model_copy(update={"message": f.message_en or f.message}) for f in findings]


def _stdin_copy(folder: Path) -> Path:
    """Standard input saved to a file in ``folder`` (readers sniff its format from its content)."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    path = folder / ("stdin.json" if data.lstrip()[:1] == b"{" else "stdin")
    path.write_bytes(data)
    return path


def _read_input(path: Path, read: Any) -> Any:
    """``read(path)`` for a file, or for standard input when ``path`` is ``-`` (its source named <stdin>)."""
    if str(path) != "-":
        return read(path)
    import tempfile

    from cchc.errors import InputError

    with tempfile.TemporaryDirectory(prefix="cchc-stdin-") as tmp:
        copy = _stdin_copy(Path(tmp))
        try:
            record = read(copy)
        except InputError as exc:
            raise type(exc)(STDIN_NAME, exc.cause) from None
    if record.source.file == str(copy):
        record.source.file = STDIN_NAME
    return record


def _emit(text: str, output: Path | None, encoding: str = "utf-8") -> None:
    """``text`` to ``output`` written atomically, or to standard output for None or ``-``."""
    if output is None or str(output) == "-":
        write_stdout(text.encode(encoding))
        return
    write_atomic(output, text, encoding)


def write_stdout(data: bytes) -> None:
    """Bytes to standard output as they are (no newline translation, the same bytes as in a file)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write the record to FILE (one input; - for standard output).",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one <name>.json per input into DIR (names as `cchc ingest` gives them).",
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
    """Extract the record of each report and print it as JSON (or write it); - reads standard input.

    With --out-dir, each record is <file name without extension>.json; when two inputs share a
    name, each gets a short hash of its path (x-1f3a9c2e.json), the same from run to run. A record
    file that holds another document's record is never overwritten: the run is refused first.

    \b
    Examples:
      cchc extract report.pdf
      cchc extract report.docx -o record.json
      cchc extract a.pdf b.docx c.txt --out-dir records/
      cat report.pdf | cchc extract - --lang en
    """
    from cchc.api import extract_file
    from cchc.errors import InputError

    if output and len(files) > 1:
        raise click.UsageError("-o/--output takes one input; use --out-dir for several")
    if len(files) > 1 and not out_dir:
        raise click.UsageError("several inputs need --out-dir")
    if out_dir and output:
        raise click.UsageError("use either -o/--output or --out-dir")
    if out_dir and any(str(p) == "-" for p in files):
        raise click.UsageError("standard input (-) has no name for --out-dir; use -o FILE")
    if out_dir:
        try:  # a folder that cannot be made is refused before anything is extracted or written
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise click.UsageError(f"--out-dir {out_dir}: {exc.strerror or exc}") from None
    files = tuple({p.resolve() if str(p) != "-" else p: p for p in files}.values())  # a file given twice: once
    names: list[str] = []
    if out_dir:
        from cchc.pipeline.batch import output_names  # the batch module only for --out-dir (~30 ms)

        names = output_names(list(files))
        _refuse_overwriting_other_documents(files, [out_dir / f"{name}.json" for name in names])
    settings = _settings(lang, percent_slack=percent_slack, max_pages=max_pages)
    failed = 0
    for k, path in enumerate(files):
        try:
            record = _read_input(path, lambda p: extract_file(p, settings, check=not no_check))
        except InputError as exc:
            _fail(str(exc))
            failed += 1
            continue
        record.findings = _in_language(record.findings, lang)
        text = record.model_dump_json(indent=2) + "\n"
        _emit(text, out_dir / f"{names[k]}.json" if out_dir else output)
    if failed:
        sys.exit(EXIT_INPUT if failed == len(files) else EXIT_FINDINGS)


def _refuse_overwriting_other_documents(files: Sequence[Path], targets: Sequence[Path]) -> None:
    """A usage error, before anything is written, when a target holds the record of another document."""
    from cchc.api import file_sha256

    for path, target in zip(files, targets):
        if not target.is_file():
            continue
        try:
            source = json.loads(target.read_bytes()).get("source") or {}
        except (OSError, ValueError, AttributeError):
            raise click.UsageError(f"{target} exists and is not a cchc record; not overwriting it") from None
        held = Path(str(source.get("file") or ""))
        same_file = held.exists() and path.exists() and held.resolve() == path.resolve()
        same_content = path.is_file() and source.get("sha256") == file_sha256(path)
        if not (same_file or same_content):
            raise click.UsageError(
                f"{target} holds the record of {held}, not of {path}; not overwriting it "
                "(remove it or choose another --out-dir)"
            )


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename (never a half file), mode per umask."""
    from cchc._files import atomic_write_text

    atomic_write_text(path, text, encoding=encoding)


def load_record(path: Path, settings: Any) -> Any:
    """A record from a report file, or from a record JSON written by ``cchc extract``."""
    from cchc.api import extract_file
    from cchc.errors import InputError

    if path.suffix.lower() == ".json":
        from pydantic import ValidationError

        from cchc.schemas.record import Record

        if not path.is_file():
            from cchc.errors import MissingFileError

            raise MissingFileError(str(path), "no such file")
        try:
            return Record.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise InputError(str(path), f"not a cchc record ({exc.error_count()} schema errors)") from exc
    return extract_file(path, settings, check=False)


@cli.command()
@click.argument("report", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--official", "officials", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A published ranking (decision annex, announcement) to check the report against; repeatable.")
@settings_options
def check(
    report: Path, fmt: str, officials: tuple[Path, ...], lang: str, percent_slack: float | None, max_pages: int | None
) -> None:
    """Check one report (PDF, DOCX, text, or a record .json; - reads standard input) and print its findings.

    Exit 0 when no error-severity finding, 1 when there is one, 2 when the input could not be read.

    \b
    Examples:
      cchc check samples/minh-duc-2022.pdf
      cchc check record.json --format json --lang en
      cchc extract report.pdf | cchc check -
      cchc check dong-hoa-2023.pdf --official phu-lam-2023-chi-so-cchc.xlsx
    """
    from cchc.api import check_record
    from cchc.errors import InputError

    settings = _settings(lang, percent_slack=percent_slack, max_pages=max_pages)
    try:
        record = _read_input(report, lambda p: load_record(p, settings))
    except InputError as exc:
        _fail(str(exc))
        sys.exit(EXIT_INPUT)
    findings = check_record(record, settings)
    if officials:
        findings = _check_official(record, findings, officials, settings)
    findings = _in_language(findings, lang)
    if fmt == "json":
        _emit(json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False, indent=2) + "\n", None)
    else:
        print_findings(record, findings, lang)
    sys.exit(EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK)


def _check_official(record: Any, findings: list[Any], officials: tuple[Path, ...], settings: Any) -> list[Any]:
    """The report's findings plus those against each published ranking given with --official (issue 13)."""
    from cchc.checker.engine import sort_findings
    from cchc.checker.official import check_against_rankings
    from cchc.errors import InputError

    rankings = []
    for path in officials:
        try:
            ranking = load_record(path, settings) if path.exists() else None
        except InputError as exc:
            _fail(str(exc))
            sys.exit(EXIT_INPUT)
        if ranking is None or ranking.document_type != "ranking":
            _fail(f"{path}: {'no such file' if ranking is None else 'not a published ranking'} (--official)")
            sys.exit(EXIT_INPUT)
        rankings.append(ranking)
    return sort_findings([*findings, *check_against_rankings(record, rankings, settings)])


def print_findings(record: Any, findings: list[Any], lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=max(console.width, 140))
    meta = record.meta
    unit = " ".join(x for x in (meta.unit_level, meta.unit_name) if x) or record.source.file
    colours = {"error": "red", "warning": "yellow", "info": "blue"}
    words = TABLE_WORDS[lang if lang in TABLE_WORDS else "vi"]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in colours}
    table = Table(title=f"{unit} {meta.report_year or ''} — {words['findings']}: {len(findings)}", show_lines=False)
    for col in ("rule", "severity", "kind", "subject"):
        table.add_column(words[col], overflow="fold", max_width=22)
    table.add_column(words["message"], overflow="fold", ratio=1, min_width=40)
    table.add_column(words["where"], overflow="fold", max_width=16)
    for f in findings:
        where = ", ".join(_place(ev, lang) for ev in f.evidence[:2])
        message = (f.message_en or f.message) if lang == "en" else f.message
        severity = words[f.severity]
        table.add_row(f.rule, f"[{colours[f.severity]}]{severity}[/]", f.kind, f.subject, message, where)
    console.print(table)
    console.print(" ".join(f"[{colours[s]}]{words[s]}: {n}[/]" for s, n in counts.items()))


TABLE_WORDS = {
    "vi": {
        "findings": "Phát hiện", "rule": "Quy tắc", "severity": "Mức độ", "kind": "Loại", "subject": "Đối tượng",
        "message": "Nội dung", "where": "Vị trí", "error": "lỗi", "warning": "cảnh báo", "info": "thông tin",
        "page": "tr. ", "line": "dòng ", "table": "bảng",
    },
    "en": {
        "findings": "Findings", "rule": "Rule", "severity": "Severity", "kind": "Kind", "subject": "Subject",
        "message": "Message", "where": "Where", "error": "error", "warning": "warning", "info": "info",
        "page": "p.", "line": "l.", "table": "table",
    },
}


def _place(ev: Any, lang: str = "vi") -> str:
    w = TABLE_WORDS[lang if lang in TABLE_WORDS else "vi"]
    if ev.page is not None:
        return f"{w['page']}{ev.page} {w['line']}{ev.line}" if ev.line is not None else f"{w['page']}{ev.page}"
    if ev.paragraph is not None:
        return f"¶{ev.paragraph}"
    if ev.table is not None:
        return f"{w['table']} {ev.table}"
    return f"{w['line']}{ev.line}" if ev.line is not None else ""


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
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    required=True,
    help="review.html or review.md (- for HTML on standard output).",
)
@settings_options
def report(files: tuple[Path, ...], output: Path, lang: str, percent_slack: float | None, max_pages: int | None) -> None:
    """Write the reviewer's report (HTML or Markdown, by the output's extension) for a few reports.

    No Prefect: the quick path for one or a few files; use ``cchc ingest`` for a batch.
    An input - reads standard input; -o - writes HTML to standard output.

    \b
    Example:
      cchc report samples/minh-duc-2022.pdf -o review.html
      cchc report a.pdf b.docx -o review.md --lang en
    """
    from cchc.api import check_batch, check_record
    from cchc.errors import InputError
    from cchc.report import render_html, render_markdown

    to_stdout = str(output) == "-"
    if not to_stdout and output.suffix.lower() not in REPORT_SUFFIXES:
        raise click.UsageError(
            f"-o {output}: the report is HTML or Markdown; name it .html or .md (or - for standard output)"
        )
    if sum(str(p) == "-" for p in files) > 1:
        raise click.UsageError("standard input (-) can be read once")
    settings = _settings(lang, percent_slack=percent_slack, max_pages=max_pages)
    records, failures = [], []
    for path in files:
        try:
            record = _read_input(path, lambda p: load_record(p, settings))
        except InputError as exc:
            failures.append((str(path), str(exc)))
            continue
        record.findings = check_record(record, settings)
        records.append(record)
    batch_findings = check_batch(records, settings) if len(records) > 1 else []
    markdown = not to_stdout and output.suffix.lower() in (".md", ".markdown")
    render = render_markdown if markdown else render_html
    base = Path.cwd() if to_stdout else output.resolve().parent
    links = {r.source.file: _relative(Path(r.source.file), base) for r in records if r.source.file != STDIN_NAME}
    text = render(records, batch_findings=batch_findings, failures=failures, source_links=links, lang=lang)
    _emit(text, output)
    if not to_stdout:
        click.echo(f"cchc: wrote {output}", err=True)
    if failures:
        for _, message in failures:
            _fail(message)
        sys.exit(EXIT_FINDINGS)


def _relative(path: Path, base: Path) -> str:
    import os

    return os.path.relpath(path.resolve(), base).replace(os.sep, "/")


def _register_commands() -> None:
    from cchc._cli_frameworks import frameworks
    from cchc._cli_ingest import ingest
    from cchc._cli_store import export, history
    from cchc.web.serve_command import serve

    for command in (ingest, history, export, frameworks, serve):
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
    except (click.exceptions.Abort, KeyboardInterrupt):  # Ctrl-C: atomic writes leave no partial file
        click.echo("cchc: interrupted", err=True)
        return EXIT_INTERRUPTED
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:
        return int(exc.code or 0)
    except OSError as exc:  # an output that cannot be written: one line naming it
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"cchc: {where}{exc.strerror or exc}", err=True)
        return EXIT_INPUT
    except Exception as exc:  # the CLI's last line of defence: one line, no traceback
        from cchc.errors import CchcError

        if isinstance(exc, CchcError):
            click.echo(f"cchc: {exc}", err=True)
            return EXIT_INPUT
        raise
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
