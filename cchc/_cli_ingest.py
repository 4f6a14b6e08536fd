"""``cchc ingest``: a batch of reports through the Prefect flow (registered by cchc.cli).

Prefect is imported lazily inside the command, after its environment is set up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from cchc.errors import UsageError


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", default="results", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: records/, batch.json, findings.csv, review.html, review.md.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the number of CPU cores).")
@click.option("--dask-address", default=None, metavar="ADDRESS",
              help="Run tasks on a Dask cluster (tcp://scheduler:8786), or 'local' for a temporary local cluster.")
@click.option("--docs-per-task", type=click.IntRange(min=1), default=10, show_default=True,
              help="Documents per Prefect task (1: one task per document, more orchestration overhead).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
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
           docs_per_task: int, lang: str | None, db: str | None, no_db: bool, verbose: bool,
           no_progress: bool, officials: tuple[str, ...] = ()) -> None:
    """Ingest a batch of reports (folders, files, globs; PDF, DOCX, text, XLSX) with a Prefect flow.

    Writes one record per input, findings.csv, batch.json and review.html/review.md for the whole
    batch. Published rankings (decision annexes, announcements; also XLSX) may sit in the same inbox
    or be given with --official: every report is reconciled with the ranking of its year and area. A file that cannot be read becomes a failure record and the batch goes on. Re-running
    on the same inbox re-uses the records of unchanged files (cache by content).

    Exit code: 0 every input processed, 1 some failed (listed on stderr) or the store could not be
    written (records and reports are still written), 2 usage error.

    \b
    Example:
      cchc ingest inbox/ --out results/
      cchc ingest inbox/ "more/*.pdf" --out results/ --workers 2
      cchc ingest inbox/ --official qd-1146-chi-so-cchc.xlsx --out results/
    """
    from rich.console import Console

    from cchc.pipeline import batch, prefect_env

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    start = time.perf_counter()
    inputs = (*inputs, *officials)
    try:
        paths = batch.collect_inputs(list(inputs), out)
        settings: dict[str, Any] = {"lang": lang} if lang else {}
        from cchc.settings import DEFAULT_SETTINGS

        DEFAULT_SETTINGS.with_overrides(**settings)
        from cchc.store.engine import default_url, normalize_url

        db_url = None if no_db else normalize_url(db or default_url())
    except UsageError as exc:
        raise click.UsageError(str(exc), ctx) from None

    # Start-up work overlaps: the Prefect server and the worker processes boot while Prefect is imported.
    prefect_env.configure(verbose=verbose)
    if not dask_address or dask_address == "local":
        prefect_env.start_local_server()
    import os

    workers = workers or os.cpu_count() or 1
    pool = batch.make_pool(workers) if workers >= 1 and not dask_address else None
    if pool is not None:
        batch.warm_pool(pool, workers)
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from cchc.pipeline.flow import run_ingest

    server_ready = prefect_env.wait_local_server()
    api_url = prefect_env.local_api_url()
    totals = {"failed": 0, "findings": 0}

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("[bold]ingest[/]"), BarColumn(), TextColumn("{task.completed}/{task.total} files"),
        TextColumn("failures: {task.fields[failed]}  findings: {task.fields[findings]}"), TimeElapsedColumn(),
        console=err, disable=no_progress, transient=False,
    )
    bar = progress.add_task("ingest", total=len(paths), failed=0, findings=0)

    def on_outcome(outcome: batch.Outcome) -> None:
        totals["failed"] += outcome.status == "failed"
        totals["findings"] += outcome.findings
        progress.update(bar, advance=1, failed=totals["failed"], findings=totals["findings"])

    updates = {PREFECT_API_URL: api_url} if api_url else {}
    try:
        with progress, temporary_settings(updates=updates):
            result = run_ingest(list(inputs), out, workers=workers, dask_address=dask_address, settings=settings,
                                progress=on_outcome, pool=pool, docs_per_task=docs_per_task, db=db_url)
    except UsageError as exc:
        raise click.UsageError(str(exc), ctx) from None

    counts = result.summary["counts"]
    failures = [o for o in result.outcomes if o.status == "failed"]
    err.print(
        f"{counts['inputs']} input(s): {counts['extracted']} extracted, {counts['cached']} from cache, "
        f"{counts['failed']} failed; {counts['findings']} finding(s) "
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
