"""``cchc ingest``: parse the options, call :func:`cchc.pipeline.run.ingest`, print the summary
(registered by cchc.cli). Prefect is imported by the run, after its environment is set up.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc.errors import UsageError
from cchc.pipeline import DOCS_PER_TASK

if TYPE_CHECKING:
    from rich.console import Console

    from cchc.pipeline.batch import Outcome

SKIPPED_SHOWN = 20  # skipped paths listed on stderr; batch.json has them all


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", default="results", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: records/, batch.json, findings.csv, review.html, review.md.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the number of CPU cores).")
@click.option("--dask-address", default=None, metavar="ADDRESS",
              help="Run tasks on a Dask cluster (tcp://scheduler:8786), or 'local' for a temporary local cluster "
                   "(on 127.0.0.1, no dashboard).")
@click.option("--docs-per-task", type=click.IntRange(min=1), default=DOCS_PER_TASK, show_default=True,
              help="Documents per Prefect task (1: one task per document, more orchestration overhead).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
@click.option("--review-form", type=click.Choice(["auto", "single", "split"]), default=None,
              help="review.html as one file, or an index plus review/<name>.html per report "
                   "(auto: split past 50 reports).")
@click.option("--db", metavar="URL", envvar="CCHC_DB", default=None,
              help="Store the records here and check them against last year: a SQLAlchemy URL "
                   "(postgresql://user@host/db) or a SQLite file "
                   "(default: $XDG_DATA_HOME/cchc/cchc.sqlite; env CCHC_DB).")
@click.option("--no-db", is_flag=True, help="Do not store the records (no cross-year checks).")
@click.option("-v", "--verbose", is_flag=True, help="Show Prefect's logs.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--official", "officials", multiple=True, metavar="FILE",
              help="A published ranking to reconcile the reports with (as if it were in the inbox); repeatable.")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], out: Path, workers: int | None, dask_address: str | None,
           docs_per_task: int, lang: str | None, review_form: str | None, db: str | None, no_db: bool, verbose: bool,
           no_progress: bool, officials: tuple[str, ...] = ()) -> None:
    """Ingest a batch of reports (folders, files, globs; PDF, DOCX, text, XLSX, .doc/.odt/.rtf) with a Prefect flow.

    Writes one record per input, findings.csv, review.html/review.md and, last, batch.json for the
    whole batch. Published rankings (decision annexes, announcements; also XLSX) may sit in the same
    inbox or be given with --official: every report is reconciled with the ranking of its year and
    area. A file that cannot be read becomes a failure and the batch goes on; a file of another
    type, a FIFO or a link loop is skipped with its reason. Re-running on the same inbox re-uses
    the records of unchanged files (cache by content, kept as each document finishes).

    Exit code: 0 every input processed, 1 some failed (listed on stderr), the store could not be
    written (records and reports are still written) or the output could not be written, 2 usage
    error, 130 interrupted (Ctrl-C).

    \b
    Example:
      cchc ingest inbox/ --out results/
      cchc ingest inbox/ "more/*.pdf" --out results/ --workers 2
      cchc ingest inbox/ --official qd-1146-chi-so-cchc.xlsx --out results/
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from cchc.pipeline import batch, run

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    start = time.perf_counter()

    @contextmanager
    def tracking(total: int) -> Iterator[Callable[[Outcome], None]]:
        progress = Progress(
            TextColumn("[bold]ingest[/]"), BarColumn(), TextColumn("{task.completed}/{task.total} files"),
            TextColumn("failures: {task.fields[failed]}  findings: {task.fields[findings]}"), TimeElapsedColumn(),
            console=err, disable=no_progress, transient=False,
        )
        bar = progress.add_task("ingest", total=total, failed=0, findings=0)
        totals = {"failed": 0, "findings": 0}

        def on_outcome(outcome: Outcome) -> None:
            totals["failed"] += outcome.status == "failed"
            totals["findings"] += outcome.findings
            progress.update(bar, advance=1, failed=totals["failed"], findings=totals["findings"])

        with progress:
            yield on_outcome

    try:
        result = run.ingest([*inputs, *officials], out, workers=workers, dask_address=dask_address,
                            docs_per_task=docs_per_task, lang=lang, review_form=review_form, db=db, no_db=no_db,
                            verbose=verbose, terminal=err.is_terminal, starting=lambda: _starting(err),
                            tracking=tracking)
    except UsageError as exc:
        raise click.UsageError(str(exc), ctx) from None
    except (batch.OutputError, run.StartError) as exc:
        err.print(str(exc), markup=False)
        raise SystemExit(1) from None

    counts = result.summary["counts"]
    failures = [o for o in result.outcomes if o.status == "failed"]
    for line in skipped_lines(result.summary.get("skipped", [])):
        err.print(line, markup=False)
    server_ready = result.timings.get("server_ready")
    err.print(
        f"{counts['inputs']} input(s): {counts['extracted']} extracted, {counts['cached']} from cache, "
        f"{counts['failed']} failed"
        + (f", {counts['skipped']} skipped" if counts.get("skipped") else "")
        + f"; {counts['findings']} finding(s) "
        f"({counts['findings_error']} error, {counts['findings_warning']} warning) "
        f"in {time.perf_counter() - start:.1f} s"
        + (f" (Prefect server ready after {server_ready:.1f} s)" if server_ready and verbose else "")
    )
    if failures:
        err.print(f"[red]{len(failures)} input(s) could not be processed:[/]")
        for outcome in failures:
            message = outcome.error or "failed"
            shown = message if message.startswith(outcome.file) else f"{outcome.file}: {message}"
            err.print(f"  {shown}", markup=False)
    for problem in result.summary.get("errors", []):
        err.print(f"[yellow]{problem}[/]", markup=True)
    review = result.outputs.get("review_html") or result.outputs.get("review_md")
    click.echo(f"Review: {review}" if review else f"Results: {out}")
    sys.stdout.flush()
    if result.exit_code:
        # SystemExit, not ctx.exit(): click's main(standalone_mode=False) returns ctx.exit codes
        # instead of raising them, and callers that ignore that return value would report 0.
        raise SystemExit(result.exit_code)


@contextmanager
def _starting(err: Console) -> Iterator[None]:
    """A visible 'starting Prefect…' while Prefect is imported and its server boots (seconds)."""
    if err.is_terminal:
        with err.status("starting Prefect…", spinner="dots"):
            yield
    else:
        err.print("starting Prefect…", markup=False)
        yield


def skipped_lines(skipped: list[dict[str, str]], shown: int = SKIPPED_SHOWN) -> list[str]:
    """The stderr lines for skipped paths: the first ``shown`` with their reason, then how many more."""
    lines = [f"skipped {item['file']}: {item['reason']}" for item in skipped[:shown]]
    if len(skipped) > shown:
        lines.append(f"skipped {len(skipped) - shown} more (batch.json lists every one with its reason)")
    return lines
