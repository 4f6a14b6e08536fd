"""One call for a whole ingest run, as ``cchc ingest`` makes it: check the options and the output folder,
set up and start Prefect and the worker processes, stop cleanly on Ctrl-C or SIGTERM, run the flow.

Importing this module does not import Prefect (it is imported inside :func:`ingest`, after its
environment is set up). What the caller shows meanwhile (a spinner, a progress bar) comes in as
hooks, so the run itself prints nothing but the one stop line of an interrupted run.
"""

from __future__ import annotations

import atexit
import errno
import gc
import os
import signal
import socket
import sys
import threading
import urllib.parse
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from importlib import import_module
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Self

from cchc.errors import CchcError, UsageError
from cchc.pipeline import DOCS_PER_TASK

if TYPE_CHECKING:
    from cchc.pipeline.batch import Outcome
    from cchc.pipeline.flow import IngestResult

DASK_CONNECT_TIMEOUT = 5.0

OnOutcome = Callable[["Outcome"], None]


class StartError(CchcError):
    """The local Prefect server did not start: one line with its cause; the run stops with exit 1."""


def _no_tracking(total: int) -> AbstractContextManager[OnOutcome | None]:
    return nullcontext(None)


def ingest(
    inputs: list[str],
    out: Path,
    *,
    workers: int | None = None,
    dask_address: str | None = None,
    docs_per_task: int = DOCS_PER_TASK,
    lang: str | None = None,
    review_form: str | None = None,
    db: str | None = None,
    no_db: bool = False,
    verbose: bool = False,
    terminal: bool = False,
    starting: Callable[[], AbstractContextManager[object]] = nullcontext,
    tracking: Callable[[int], AbstractContextManager[OnOutcome | None]] = _no_tracking,
) -> IngestResult:
    """Ingest ``inputs`` (folders, files, globs) into ``out`` with the Prefect flow; the flow's result.

    ``db``: a store URL or SQLite file (None: the default store; ``no_db``: no store). ``terminal``:
    stderr is a terminal (the stop line of an interrupted run then clears the progress line).
    ``starting()``: a context shown while Prefect is imported and its server boots. ``tracking(total)``:
    a context giving the callback called as each document finishes (or None).
    Ctrl-C / SIGTERM end the process (exit 130 / 143) after stopping the workers and the server.

    Raises ``UsageError`` for bad inputs or options (before any work), ``OutputError`` when the output
    folder or the Prefect home cannot be written, ``StartError`` when the Prefect server does not start.
    """
    from cchc.pipeline import batch, prefect_env

    _freeze_at_exit()
    with Stopper(terminal, out) as stop:
        gathered, settings, db_url = _checked(inputs, out, lang, review_form, db, no_db, dask_address, verbose)
        workers = workers or os.cpu_count() or 1
        pool = batch.WorkerPool(workers) if workers >= 1 and not dask_address else None
        stop.pool = pool
        server_ready, prepared = _start(out, gathered.paths, pool, workers, dask_address, settings, starting,
                                        store=db_url is not None)
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from cchc.pipeline.flow import run_ingest

        api_url = prefect_env.local_api_url()
        updates = {PREFECT_API_URL: api_url} if api_url else {}
        try:
            with tracking(len(gathered.paths)) as on_outcome, temporary_settings(updates=updates):
                result = run_ingest(list(inputs), out, workers=workers, dask_address=dask_address,
                                    settings=settings, progress=on_outcome, pool=pool,
                                    docs_per_task=docs_per_task, db=db_url, prepared=prepared)
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EDQUOT, errno.EPERM):
                raise
            raise batch.output_error(exc, out) from None
    if server_ready is not None:
        result.timings["server_ready"] = server_ready
    return result


def _checked(inputs: list[str], out: Path, lang: str | None, review_form: str | None, db: str | None,
             no_db: bool, dask_address: str | None, verbose: bool) -> tuple[Any, dict[str, Any], str | None]:
    """Everything that can be refused before work starts: inputs, settings, store, Dask, outputs, Prefect home."""
    from cchc.pipeline import batch, prefect_env
    from cchc.settings import DEFAULT_SETTINGS
    from cchc.store.database import default_url, normalize_url

    gathered = batch.gather_inputs(list(inputs), out)
    settings: dict[str, Any] = {"lang": lang} if lang else {}
    if review_form:
        settings["review_form"] = review_form
    DEFAULT_SETTINGS.with_overrides(**settings)
    db_url = None if no_db else normalize_url(db or default_url())
    if dask_address:
        check_dask_address(dask_address)
    batch.check_output_folder(out)
    try:
        prefect_env.configure(verbose=verbose)
    except OSError as exc:  # creating the Prefect home
        raise batch.OutputError(f"cannot write the Prefect home {exc.filename}: {exc.strerror or exc}") from None
    batch.check_writable(Path(os.environ["PREFECT_HOME"]), "the Prefect home ")
    return gathered, settings, db_url


def _start(out: Path, paths: list[Path], pool: Any, workers: int, dask_address: str | None,
           settings: dict[str, Any], starting: Callable[[], AbstractContextManager[object]],
           store: bool = False) -> tuple[float | None, Any]:
    """Boot the Prefect server and, while it starts, the rest: inputs hashed and looked up in the cache,
    worker processes started, Prefect and the run's other modules imported, the first missing documents
    extracted.
    Returns (seconds to a ready server, None when not ours; the prepared work, see :mod:`.prestart`)."""
    from cchc.pipeline import batch, prefect_env, prestart

    if not dask_address or dask_address == "local":
        prefect_env.start_local_server()
    with starting():
        prepared = prestart.prepare(paths, out)
        # workers start (and import the extraction code) only when something is left to extract: a cached
        # re-run leaves both cores to Prefect's start-up
        missing = pool is not None and bool(prepared.missing())
        if missing:
            threading.Thread(target=batch.warm_pool, args=(pool, workers), daemon=True).start()
        _import_flow(store, extracting=missing)  # Prefect's import, while the server boots
        if missing:
            prestart.extract_while(prefect_env.local_server_starting, prepared, pool, workers, settings)
        try:
            return prefect_env.wait_local_server(), prepared
        except RuntimeError as exc:
            raise StartError(" ".join(str(exc).split())[:500]) from None


def _import_flow(store: bool, extracting: bool = False) -> None:
    """Import the flow, and so Prefect (~1 s of CPU), and the modules the run imports on its way
    (:func:`cchc.pipeline.flow.import_run_modules`; with documents to extract, ``extracting``, only those the
    flow's start needs), with the cyclic garbage collector paused; then, the
    first time, freeze what the imports built (``gc.freeze``): about 135,000 tracked objects that live as long
    as the process, which the ~350 collections during the import, and every full one after it, walked
    again and again."""
    first = "cchc.pipeline.flow" not in sys.modules
    enabled = gc.isenabled()
    gc.disable()
    try:
        import_module("cchc.pipeline.flow").import_run_modules(store, extracting)
    finally:
        if enabled:
            gc.enable()
    if first:
        gc.freeze()


_FREEZE_REGISTERED = False


def _freeze_at_exit() -> None:
    """At interpreter exit, after the other exit handlers (registered later, run earlier), freeze every
    object: the collections of the interpreter's teardown then skip them. With Prefect imported they took
    0.3-0.8 s between cchc's last line and the end of the process."""
    global _FREEZE_REGISTERED
    if not _FREEZE_REGISTERED:
        atexit.register(gc.freeze)
        _FREEZE_REGISTERED = True


class Stopper:
    """Ctrl-C (SIGINT) and SIGTERM: one line, the workers and the Prefect server stopped, this run's
    temporary files removed, exit 130 (143 for SIGTERM) within a second or two. The finished documents
    are already in the cache, so a re-run continues where this one stopped."""

    def __init__(self, terminal: bool, out: Path) -> None:
        self.terminal, self.out = terminal, out
        self.pool: Any = None
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

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        from cchc.pipeline import batch, prefect_env

        name = "interrupted (Ctrl-C)" if signum == signal.SIGINT else "terminated (SIGTERM)"
        line = f"{name}: stopped; finished documents are kept, a re-run continues\n"
        # on a terminal: clear the spinner or progress line and show the cursor they hid
        os.write(2, (f"\r\x1b[2K{line}\x1b[?25h" if self.terminal else f"\n{line}").encode())
        if self.pool is not None:
            self.pool.kill()
        prefect_env.stop_local_server(timeout=2.0)
        try:
            batch.remove_tmp_files(self.out)
        except OSError:
            pass
        os._exit(128 + signum)


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
