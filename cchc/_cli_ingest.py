"""``cchc ingest``: a batch of reports through the Prefect flow (registered by cchc.cli).

Prefect is imported lazily inside the command, after its environment is set up.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import click

from cchc.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

DASK_CONNECT_TIMEOUT = 5.0
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
@click.option("--docs-per-task", type=click.IntRange(min=1), default=10, show_default=True,
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

    from cchc.pipeline import batch, prefect_env

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    start = time.perf_counter()
    inputs = (*inputs, *officials)
    stop = _Stopper(err, out)
    with stop:
        try:
            gathered = batch.gather_inputs(list(inputs), out)
            settings: dict[str, Any] = {"lang": lang} if lang else {}
            if review_form:
                settings["review_form"] = review_form
            from cchc.settings import DEFAULT_SETTINGS

            DEFAULT_SETTINGS.with_overrides(**settings)
            from cchc.store.database import default_url, normalize_url

            db_url = None if no_db else normalize_url(db or default_url())
            if dask_address:
                check_dask_address(dask_address)
        except UsageError as exc:
            raise click.UsageError(str(exc), ctx) from None
        try:
            batch.check_output_folder(out)
            prefect_env.configure(verbose=verbose)
            batch.check_writable(Path(os.environ["PREFECT_HOME"]), "the Prefect home ")
        except OSError as exc:  # configure() creating the Prefect home
            err.print(f"cannot write the Prefect home {exc.filename}: {exc.strerror or exc}", markup=False)
            raise SystemExit(1) from None
        except batch.OutputError as exc:
            err.print(str(exc), markup=False)
            raise SystemExit(1) from None
        result = _run(err, stop, gathered, list(inputs), out, workers, dask_address, docs_per_task, settings,
                      db_url, verbose, no_progress)

    counts = result.summary["counts"]
    failures = [o for o in result.outcomes if o.status == "failed"]
    for line in skipped_lines(result.summary.get("skipped", [])):
        err.print(line, markup=False)
    err.print(
        f"{counts['inputs']} input(s): {counts['extracted']} extracted, {counts['cached']} from cache, "
        f"{counts['failed']} failed"
        + (f", {counts['skipped']} skipped" if counts.get("skipped") else "")
        + f"; {counts['findings']} finding(s) "
        f"({counts['findings_error']} error, {counts['findings_warning']} warning) "
        f"in {time.perf_counter() - start:.1f} s"
        + (f" (Prefect server ready after {stop.server_ready:.1f} s)" if stop.server_ready and verbose else "")
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


def _run(err: Console, stop: _Stopper, gathered: Any, inputs: list[str], out: Path, workers: int | None,
         dask_address: str | None, docs_per_task: int, settings: dict[str, Any], db_url: str | None,
         verbose: bool, no_progress: bool) -> Any:
    """Start Prefect and the workers (overlapping), run the flow; ``OutputError`` -> one line, exit 1."""
    from cchc.pipeline import batch, prefect_env

    # Start-up work overlaps: the Prefect server and the worker processes boot while Prefect is imported.
    if not dask_address or dask_address == "local":
        prefect_env.start_local_server()
    workers = workers or os.cpu_count() or 1
    pool = batch.WorkerPool(workers) if workers >= 1 and not dask_address else None
    stop.pool = pool
    # workers start (and import the extraction code) only when something is left to extract: a cached
    # re-run leaves both cores to Prefect's start-up
    if pool is not None and batch.Cache(out).any_missing(gathered.paths):
        batch.warm_pool(pool, workers)
    with _starting(err):
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from cchc.pipeline.flow import run_ingest

        try:
            stop.server_ready = prefect_env.wait_local_server()
        except RuntimeError as exc:
            err.print(" ".join(str(exc).split())[:500], markup=False)
            raise SystemExit(1) from None
    api_url = prefect_env.local_api_url()
    totals = {"failed": 0, "findings": 0}

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("[bold]ingest[/]"), BarColumn(), TextColumn("{task.completed}/{task.total} files"),
        TextColumn("failures: {task.fields[failed]}  findings: {task.fields[findings]}"), TimeElapsedColumn(),
        console=err, disable=no_progress, transient=False,
    )
    bar = progress.add_task("ingest", total=len(gathered.paths), failed=0, findings=0)

    def on_outcome(outcome: batch.Outcome) -> None:
        totals["failed"] += outcome.status == "failed"
        totals["findings"] += outcome.findings
        progress.update(bar, advance=1, failed=totals["failed"], findings=totals["findings"])

    updates = {PREFECT_API_URL: api_url} if api_url else {}
    try:
        with progress, temporary_settings(updates=updates):
            return run_ingest(inputs, out, workers=workers, dask_address=dask_address, settings=settings,
                              progress=on_outcome, pool=pool, docs_per_task=docs_per_task, db=db_url)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except batch.OutputError as exc:
        err.print(str(exc), markup=False)
        raise SystemExit(1) from None
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EDQUOT, errno.EPERM):
            raise
        err.print(str(batch.output_error(exc, out)), markup=False)
        raise SystemExit(1) from None


@contextmanager
def _starting(err: Console) -> Iterator[None]:
    """A visible 'starting Prefect…' while Prefect is imported and its server boots (seconds)."""
    if err.is_terminal:
        with err.status("starting Prefect…", spinner="dots"):
            yield
    else:
        err.print("starting Prefect…", markup=False)
        yield


class _Stopper:
    """Ctrl-C (SIGINT) and SIGTERM: one line, the workers and the Prefect server stopped, this run's
    temporary files removed, exit 130 (143 for SIGTERM) within a second or two. The finished documents
    are already in the cache, so a re-run continues where this one stopped."""

    def __init__(self, err: Console, out: Path) -> None:
        self.err, self.out = err, out
        self.pool: Any = None
        self.server_ready: float | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._stop)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous.clear()

    def _stop(self, signum: int, frame: object) -> None:
        from cchc.pipeline import batch, prefect_env

        name = "interrupted (Ctrl-C)" if signum == signal.SIGINT else "terminated (SIGTERM)"
        line = f"{name}: stopped; finished documents are kept, a re-run continues\n"
        # on a terminal: clear the spinner or progress line and show the cursor they hid
        os.write(2, (f"\r\x1b[2K{line}\x1b[?25h" if self.err.is_terminal else f"\n{line}").encode())
        if self.pool is not None:
            self.pool.kill()
        prefect_env.stop_local_server(timeout=2.0)
        try:
            batch.remove_tmp_files(self.out)
        except OSError:
            pass
        os._exit(128 + signum)


def skipped_lines(skipped: list[dict[str, str]], shown: int = SKIPPED_SHOWN) -> list[str]:
    """The stderr lines for skipped paths: the first ``shown`` with their reason, then how many more."""
    lines = [f"skipped {item['file']}: {item['reason']}" for item in skipped[:shown]]
    if len(skipped) > shown:
        lines.append(f"skipped {len(skipped) - shown} more (batch.json lists every one with its reason)")
    return lines


def check_dask_address(address: str) -> None:
    """``UsageError`` (exit 2) for a malformed or unreachable scheduler address, within a few seconds.

    Accepts ``local``, ``tcp://host:port``, ``tls://host:port`` and ``host:port``.
    """
    if address == "local":
        return
    url = address if "://" in address else f"tcp://{address}"
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None or parts.path not in ("", "/"):
        raise UsageError(f"--dask-address {address}: expected 'local', tcp://host:port or host:port")
    try:
        with socket.create_connection((parts.hostname, port), timeout=DASK_CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        cause = exc.strerror or str(exc) or type(exc).__name__
        raise UsageError(f"--dask-address {address}: cannot reach the Dask scheduler: {cause}") from None
