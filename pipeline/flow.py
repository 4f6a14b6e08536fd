"""The Prefect flow of ``cchc ingest``: plain functions of :mod:`cchc.pipeline.batch`, orchestrated.

Parallelism: Prefect tasks run on a ThreadPoolTaskRunner (bookkeeping stays in this process, ~5 ms
a task) and each hands its CPU work to ONE shared plain ``ProcessPoolExecutor`` (forkserver or
spawn), so extraction uses every core without Prefect's ProcessPoolTaskRunner, which starts a
temporary server in each worker process (~250 ms a task). ``workers=1`` still uses a pool of one
process: extraction in the flow's own process would share the GIL with Prefect's client threads
(measured: 1.25x the direct calls in-process, 1.20x with one worker process).
With a Dask address, tasks run on the Dask cluster and call the plain function directly there.

A task processes a chunk of up to ``docs_per_task`` documents (default ``DOCS_PER_TASK``, 30; 1 gives one Prefect task
per document), and a batch makes at most ``MAX_TASK_RUNS`` (64) task runs, with larger chunks beyond
that (:func:`chunk_size`): every task run also costs the local Prefect server ~25 ms of CPU, which on a
2-core machine competes with extraction. Progress and outcomes are still per document. With the local
pool, the documents of the chunks that start first go to the pool before their task runs do (the workers
would otherwise wait ~0.15 s for Prefect's server to record the first task run); each task collects its own.

Importing this module imports Prefect: :mod:`cchc.pipeline.prefect_env` is applied first.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from cchc.pipeline import prefect_env

if "prefect" not in sys.modules:
    prefect_env.configure()

from prefect import flow, get_run_logger, task, unmapped
from prefect._internal.compatibility.async_dispatch import async_dispatch
from prefect.artifacts import Artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from cchc.pipeline import DOCS_PER_TASK, MAX_TASK_RUNS, batch
from cchc.pipeline.batch import Outcome
from cchc.pipeline.prestart import Prepared, clear_previous_run
from cchc.settings import DEFAULT_SETTINGS, Settings

Progress = Callable[[Outcome], None]

# Set by run_ingest for the duration of one run, in the flow's process only.
_EXECUTOR: batch.WorkerPool | None = None
_PROGRESS: Progress | None = None
_CACHE: batch.Cache | None = None
_PREPARED: Prepared | None = None
# Calls on the pool made before their task runs started (by output name), for the tasks to collect.
_AHEAD: dict[str, tuple[Future[Outcome], int]] = {}


# Modules a run imports only when it gets to them (by name, for import_run_modules).
START_MODULES = (
    "fastapi.encoders",  # Prefect encodes the flow's parameters with it when the flow run starts
)
RUN_MODULES = START_MODULES + (
    "cchc.checker",  # batch rules
    "cchc.report",  # review.html, review.md
)
STORE_MODULES = (
    "cchc.pipeline.store_step",  # SQLAlchemy and the store's tables
    "alembic.command", "alembic.config", "alembic.script",  # the store's migration check, when it opens
)


def import_run_modules(store: bool, extracting: bool = False) -> None:
    """Import what the flow would import on its way (``RUN_MODULES``, and ``STORE_MODULES`` with a store),
    ahead of it: ``cchc ingest`` calls this while its Prefect server starts, on the core the server leaves
    idle, instead of after it.

    ``extracting``: documents are left to extract. Then only what the flow's start needs: the batch steps'
    modules (~30 MB with a store, SQLAlchemy and Alembic ~26 MB of it) would be held through the extraction,
    when the process tree is at its largest; the flow imports them when the extraction is over
    (:func:`_ingest`), once the pool is shutting down."""
    for name in (START_MODULES if extracting else RUN_MODULES + (STORE_MODULES if store else ())):
        import_module(name)


def default_workers() -> int:
    return os.cpu_count() or 1


Item = tuple[str, str, str | None]  # (path, output name, sha256)


class ChunkOutcomes:
    """The outcomes of a task's chunk, returned as one object: Prefect links every element of a returned list
    to its task run's state (``FlowRunContext.run_results``: an entry, a weak reference and the state, per
    document, kept until the flow ends); this object is one entry a task."""

    __slots__ = ("outcomes",)

    def __init__(self, outcomes: list[Outcome]) -> None:
        self.outcomes = outcomes


@task(name="process-documents", cache_policy=NO_CACHE, persist_result=False, log_prints=False)
def process_documents(items: list[Item], out: str, settings: Settings) -> ChunkOutcomes | dict[str, str]:
    """Read + extract + check + write the records of a chunk of documents (CPU work on the shared pool).

    One Prefect task per chunk, not per document: each task run costs the local Prefect server
    ~25 ms of CPU (events, state rows in SQLite), which on a small machine competes with extraction.
    """
    executor = _EXECUTOR
    try:
        if executor is None:  # on a Dask worker: the flow's process records the outcomes
            return ChunkOutcomes([batch.process_file(path, out, settings, name=name, sha256=sha)
                                  for path, name, sha in items])
        ahead = [_AHEAD.pop(name, None) for _, name, _ in items]
        return ChunkOutcomes(batch.process_on_pool(executor, items, out, settings, report=_finished, submitted=ahead))
    except batch.OutputError as exc:
        # returned, not raised: a failed task or flow makes Prefect log a traceback; the CLI prints one line
        return {"output_error": str(exc)}


def _finished(outcome: Outcome) -> None:
    """A document is done: its cache entry is written now (a killed run keeps it), then progress."""
    if _CACHE is not None:
        _CACHE.remember(outcome)
    _report(outcome)


@task(name="batch-rules", cache_policy=NO_CACHE, persist_result=False)
def batch_rules(
    out: str, outcomes: list[Outcome], settings: Settings
) -> tuple[Sequence[Any], list[Any], str | None]:
    """Records of the batch read back, and the batch findings (ranks, duplicates)."""
    from cchc.checker.batch_rules import check_records

    records = batch.load_records(Path(out), outcomes)
    try:  # check_records: the batch rules holding a few values of each record, not the records (issue 16)
        return records, check_records(records, settings), None
    except Exception as exc:  # noqa: BLE001 - the per-document results must still be written
        return records, [], f"internal error: batch rules: {type(exc).__name__}: {exc}"


@task(name="write-outputs", cache_policy=NO_CACHE, persist_result=False)
def write_outputs(out: str, summary: dict[str, Any], records: list[Any], batch_findings: list[Any],
                  outcomes: list[Outcome], settings: Settings = DEFAULT_SETTINGS,
                  decisions: dict[str, Any] | None = None) -> dict[str, str]:
    """findings.csv, review.html and review.md, each written atomically (``OutputError`` when they cannot be).

    ``decisions``: the store's triage decisions by finding key (None without a store: every finding is open).
    """
    try:
        return _write_outputs(Path(out), summary, records, batch_findings, outcomes, settings, decisions)
    except OSError as exc:
        raise batch.output_error(exc, out) from None


def _write_outputs(out_dir: Path, summary: dict[str, Any], records: list[Any], batch_findings: list[Any],
                   outcomes: list[Outcome], settings: Settings,
                   decisions: dict[str, Any] | None = None) -> dict[str, str]:
    lang = settings.lang
    paths: dict[str, str] = {}
    status_of = None
    if decisions is not None:
        from cchc.store.triage import status_lookup

        status_of = status_lookup(decisions)
    try:
        stored = {
            o["sha256"]: (o["store_version"], bool(o.get("store_current")))
            for o in summary.get("outcomes", [])
            if o.get("sha256") and o.get("store_version") is not None
        }
        reviews = batch.write_reviews(out_dir, records, batch_findings, outcomes, stored=stored or None,
                                      lang=lang, run_id=summary.get("run_id"), form=settings.review_form,
                                      split_threshold=settings.report_split_threshold, status_of=status_of)
        paths |= {"review_html": str(reviews["html"]), "review_md": str(reviews["md"])}
    except OSError:
        raise
    except Exception as exc:  # noqa: BLE001
        summary.setdefault("errors", []).append(f"internal error: review: {type(exc).__name__}: {exc}")
        review_md = batch.atomic_write_text(out_dir / "review.md", batch.summary_markdown(summary))
        paths["review_md"] = str(review_md)
    rows = batch.iter_finding_rows(records, batch_findings, lang=lang, status_of=status_of)
    paths["findings_csv"] = str(batch.write_findings_csv(out_dir / "findings.csv", rows))
    return paths


@task(name="publish-artifacts", cache_policy=NO_CACHE, persist_result=False)
def publish_artifacts(summary: dict[str, Any], outcomes: list[Outcome], review_html: str | None,
                      batch_json: str | None = None) -> None:
    """The batch summary as Prefect artifacts (markdown and table) for users of the Prefect UI.

    The table has a row per input up to ``ARTIFACT_ALL_ROWS`` inputs; a larger batch lists the inputs that
    failed or have findings (each row costs Prefect's server ~2 KB for the rest of its life: +20 MB at
    10,000 rows), and the markdown says so and where every input is (batch.json, the review)."""
    listed = batch.artifact_outcomes(outcomes)
    markdown = batch.summary_markdown(summary, review_html)
    description = "cchc ingest: one row per input"
    if len(listed) < len(outcomes):
        description = f"cchc ingest: the {len(listed)} of {len(outcomes)} inputs that failed or have findings"
        markdown += (f"- files table: the {len(listed)} of {len(outcomes)} inputs that failed or have findings;"
                     f" every input: {batch_json or 'batch.json'}\n")
    create_markdown_artifact(markdown=markdown, key="cchc-ingest-summary", description="cchc ingest: batch summary")
    EncodedTableArtifact(table_json=batch.summary_table_json(listed), key="cchc-ingest-files",
                         description=description).create(_sync=True)  # type: ignore[call-arg]


class EncodedTableArtifact(Artifact):
    """A table artifact from its JSON text (:func:`batch.summary_table_json`): what ``create_table_artifact``
    stores for the same rows, without the table as Python objects twice over (a list of dicts, and Prefect's
    copy of it; +26 MB in cchc's process for 10,000 rows, at the end of the run when the tree is largest)."""

    table_json: str
    type: str | None = "table"

    async def aformat(self) -> str:
        return self.table_json

    @async_dispatch(aformat)
    def format(self) -> str:  # type: ignore[override]
        return self.table_json


@flow(name="cchc-ingest", task_runner=ThreadPoolTaskRunner(max_workers=4),  # type: ignore[arg-type]
      validate_parameters=False, log_prints=False)
def ingest_flow(
    inputs: list[str],
    out: str,
    workers: int | None = None,
    dask_address: str | None = None,
    settings: dict[str, Any] | None = None,
    docs_per_task: int = DOCS_PER_TASK,
    db: str | None = None,
) -> dict[str, Any]:
    """Ingest a batch: every input to a record, then batch rules, batch.json, findings.csv, reviews.

    ``db``: a store URL; the records and findings are saved there and checked against the previous year.

    Call it through :func:`run_ingest`, which picks the task runner (threads + a process pool, or Dask).
    An output folder that cannot be written ends the flow with ``{"output_error": "<one line>"}``.
    """
    try:
        return _ingest(inputs, out, workers, dask_address, settings, docs_per_task, db)
    except batch.OutputError as exc:
        return {"output_error": str(exc)}


def _ingest(inputs: list[str], out: str, workers: int | None, dask_address: str | None,
            settings: dict[str, Any] | None, docs_per_task: int, db: str | None) -> dict[str, Any]:
    started = time.perf_counter()
    logger = get_run_logger()
    cfg = DEFAULT_SETTINGS.with_overrides(**(settings or {}))
    out_dir = batch.check_output_folder(out)
    run_id = _run_id()
    gathered = batch.gather_inputs(inputs, out_dir)
    paths = gathered.paths
    names = batch.output_names(paths)
    prepared = _PREPARED if _PREPARED is not None and _PREPARED.out_dir == out_dir else None
    if prepared is None:
        clear_previous_run(out_dir)
    cache = _CACHE or batch.Cache.load(out_dir)
    timings: dict[str, float] = {"collect": time.perf_counter() - started}

    lookup_start = time.perf_counter()
    outcomes, todo, shas = _cache_hits(cache, paths, names, prepared)
    timings["cache_lookup"] = time.perf_counter() - lookup_start

    process_start = time.perf_counter()
    if todo:
        items: list[Item] = [(str(paths[i]), names[i], shas[i] or None) for i in todo]
        _process(items, todo, outcomes, cache, out_dir, cfg, workers, dask_address, docs_per_task)
    # extraction is over: the workers and the forkserver exit (~0.1 s) while the batch rules run, and their
    # memory is back before the store and the outputs (joined below)
    closing = _EXECUTOR.shutdown_behind() if _EXECUTOR is not None else None
    timings["process"] = time.perf_counter() - process_start
    import_run_modules(store=db is not None)  # no-op when imported ahead (nothing was left to extract)
    done = [o for o in outcomes if o is not None]

    rules_start = time.perf_counter()
    # quote(): Prefect would otherwise walk every element of these big inputs (~1 ms per record)
    records, batch_findings, rules_error = batch_rules(str(out_dir), quote(done), quote(cfg))  # type: ignore[call-overload]
    timings["batch_rules"] = time.perf_counter() - rules_start
    if closing is not None:
        closing.join()
    store_start = time.perf_counter()
    stored, store_error = _store(db, str(out_dir), records, batch_findings, cfg) if db else (None, None)
    if stored is not None:  # cross-year findings belong to their record (its file, findings.csv, counts)
        from cchc.pipeline.store_step import attach_history_findings

        attach_history_findings(records.paths, stored, done)
    timings["store"] = time.perf_counter() - store_start
    timings["extract_seconds_sum"] = sum(o.seconds for o in done if not o.from_cache)
    timings["wall"] = time.perf_counter() - started  # so far; final value below

    import prefect

    summary = batch.batch_summary([str(p) for p in paths], done, batch_findings, timings,
                                  {"prefect": prefect.__version__}, skipped=gathered.skipped, run_id=run_id)
    summary["runner"] = {"workers": workers, "dask_address": dask_address, "docs_per_task": docs_per_task}
    if rules_error:
        summary["errors"] = [rules_error]
        logger.error(rules_error)
    _annotate_store(summary, db, stored, store_error)
    outputs_start = time.perf_counter()
    decisions = _decisions(db, summary) if stored is not None and db else None
    paths_out = write_outputs(str(out_dir), quote(summary), quote(records), quote(batch_findings),
                              quote(done), quote(cfg), quote(decisions))  # type: ignore[call-overload]
    timings["outputs"] = time.perf_counter() - outputs_start
    publish_artifacts(quote(summary), quote(done), paths_out.get("review_html"),  # type: ignore[call-overload]
                      str(out_dir / "batch.json"))
    timings["wall"] = time.perf_counter() - started
    summary["timings"] = {k: round(v, 4) for k, v in timings.items()}
    try:  # last: its presence says the run completed
        paths_out["batch_json"] = str(batch.atomic_write_json(out_dir / "batch.json", summary))
    except OSError as exc:
        raise batch.output_error(exc, out_dir / "batch.json") from None
    return {"summary": summary, "outputs": paths_out, "outcomes": done}


def _cache_hits(
    cache: batch.Cache, paths: list[Path], names: list[str], prepared: Prepared | None = None
) -> tuple[list[Outcome | None], list[int], list[str]]:
    """(outcomes found in the cache or ``prepared`` before the flow, reported; indices still to process;
    content hashes, "" if unreadable)."""
    outcomes: list[Outcome | None] = [None] * len(paths)
    todo: list[int] = []
    shas: list[str] = [""] * len(paths)
    for i, (path, name) in enumerate(zip(paths, names)):
        known = prepared.known(path, name) if prepared is not None else None
        if known is not None:
            shas[i], hit = known
        else:
            try:
                shas[i] = batch.file_sha256(path)
            except OSError:
                shas[i] = ""
            hit = cache.lookup(path, name, shas[i]) if shas[i] else None
        if not shas[i]:
            todo.append(i)  # process_file turns the read error into a failure outcome
            continue
        if hit is None:
            todo.append(i)
        else:
            outcomes[i] = hit
            _report(hit)
    return outcomes, todo, shas


def _process(items: list[Item], todo: list[int], outcomes: list[Outcome | None], cache: batch.Cache,
             out_dir: Path, cfg: Settings, workers: int | None, dask_address: str | None,
             docs_per_task: int) -> None:
    """Process ``items`` (the documents at indices ``todo``) in chunks as tasks; fill ``outcomes``.

    A crashed task fails its documents and the batch goes on; an ``OutputError`` ends the run.
    """
    size = chunk_size(len(todo), docs_per_task, workers or 1)
    positions = largest_first_chunks([_file_size(path) for path, _, _ in items], size)
    if _EXECUTOR is not None:  # as many chunks as the task runner runs at once (_task_runner)
        _submit_ahead(_EXECUTOR, items, positions[: 2 * max(1, workers or 1)], str(out_dir), cfg)
    futures = process_documents.map(
        [[items[p] for p in chunk] for chunk in positions], unmapped(str(out_dir)), unmapped(cfg)
    )
    chunk_of = {id(f): chunk for f, chunk in zip(futures, positions)}
    reported_in_task = _EXECUTOR is not None or not dask_address
    for future in as_completed(list(futures)):
        chunk = chunk_of[id(future)]
        try:
            returned = future.result()
            if isinstance(returned, dict):
                raise batch.OutputError(returned["output_error"])
            chunk_outcomes = returned.outcomes
        except batch.OutputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a crashed task: its documents fail, the batch goes on
            chunk_outcomes = [batch.crashed_outcome(items[p], exc) for p in chunk]
            reported = False
        else:
            reported = reported_in_task
        for p, outcome in zip(chunk, chunk_outcomes):
            outcomes[todo[p]] = outcome
            if not reported:
                cache.remember(outcome)
                _report(outcome)
        batch.release_free_memory()  # what the chunk's task run freed (its pickles, events, states)


def _submit_ahead(pool: batch.WorkerPool, items: list[Item], chunks: list[list[int]], out: str,
                  cfg: Settings) -> None:
    """The documents of the chunks whose task runs start first go to the pool now, in the order their tasks
    would send them: the workers start at once, not when Prefect's server has recorded a task run
    (~0.1-0.2 s with every core idle); each task collects its own (``_AHEAD``)."""
    for chunk in chunks:
        for p in chunk:
            _AHEAD[items[p][1]] = batch.submit_to_pool(pool, items[p], out, cfg)


def chunk_size(documents: int, docs_per_task: int, workers: int) -> int:
    """Documents a task: at most ``docs_per_task`` and two chunks a worker at least (Dask runs a chunk's
    documents in turn), but never more than ``MAX_TASK_RUNS`` task runs (each costs Prefect's server ~30 ms
    of CPU and some memory until the run ends; 10,000 documents make 64 chunks of 157, not 334 of 30)."""
    size = max(1, min(docs_per_task, -(-documents // (2 * max(1, workers)))))
    return max(size, -(-documents // MAX_TASK_RUNS))


def largest_first_chunks(sizes: Sequence[int], size: int) -> list[list[int]]:
    """Positions ``0..len(sizes)-1`` in chunks of at most ``size``, the largest documents first: sorted by
    size (descending, then position) and dealt round robin, so each chunk runs its largest first and the
    chunks are alike; whichever way the chunks' documents reach the pool, its last ones are the smallest,
    and no worker is left with a long document while the other waits (the tail of a batch).
    The outcomes keep the input order: they are placed by position, not by when they finish."""
    if not sizes:
        return []
    order = sorted(range(len(sizes)), key=lambda p: (-sizes[p], p))
    count = -(-len(sizes) // max(1, size))
    return [order[c::count] for c in range(count)]


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # process_file reports it
        return 0


def _annotate_store(summary: dict[str, Any], db: str | None, stored: Any, store_error: Any) -> None:
    """What the store did with the batch (or why it could not), in batch.json's summary."""
    if stored is not None:
        from cchc.pipeline.store_step import annotate_summary

        annotate_summary(summary, stored)
    if store_error and db:
        from cchc.pipeline.store_step import annotate_store_failure

        annotate_store_failure(summary, db, store_error)


def _run_id() -> str:
    """The Prefect flow run's id (a fresh uuid outside a flow run)."""
    from prefect.runtime import flow_run

    run_id = flow_run.get_id()
    if run_id:
        return str(run_id)
    import uuid

    return str(uuid.uuid4())


def _store(db: str, out: str, records: list[Any], batch_findings: list[Any],
           settings: Settings) -> tuple[Any, str | None]:
    """Records and findings into the store, in the flow's process; a store error does not stop the batch."""
    from cchc.errors import StoreError
    from cchc.pipeline.store_step import store_batch
    from cchc.store import redact

    try:
        return store_batch(db, records, batch_findings, settings, out_dir=out), None
    except StoreError as exc:  # the batch's outputs must still be written; the run fails (exit 1)
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001
        return None, f"cannot write the store {redact(db)}: internal error: {type(exc).__name__}: {exc}"[:400]


def _decisions(db: str, summary: dict[str, Any]) -> dict[str, Any] | None:
    """The store's triage decisions by finding key, for the outputs' status columns (None: cannot read them)."""
    from sqlalchemy.exc import SQLAlchemyError

    from cchc.store import Store
    from cchc.store.triage import decisions

    try:
        with Store(db) as store:
            return dict(decisions(store))
    except (SQLAlchemyError, OSError) as exc:  # the outputs are still written, every finding shown open
        summary.setdefault("errors", []).append(f"cannot read the triage decisions: {type(exc).__name__}: {exc}"[:400])
        return None


@contextmanager
def _without_heartbeats() -> Iterator[None]:
    """Run without flow-run heartbeats: they detect crashed runs of deployments, which a local batch
    is not, and the engine waits up to a second for the heartbeat thread when the flow ends.
    (The setting cannot be unset from the environment, hence a settings context.)"""
    from prefect.context import SettingsContext
    from prefect.settings import get_current_settings

    current = get_current_settings()
    quiet = current.model_copy(update={"flows": current.flows.model_copy(update={"heartbeat_frequency": None})})
    context = SettingsContext.get()
    if context is None:  # outside any settings context there is nothing to override
        yield
        return
    with SettingsContext(profile=context.profile, settings=quiet):
        yield


def _drain_events(timeout: float = 10.0) -> None:
    """Send Prefect's pending events before the process exits (else it warns at shutdown)."""
    try:
        from prefect.events.worker import EventsWorker

        EventsWorker.drain_all(timeout=timeout)
    except Exception:  # noqa: BLE001, S110 - best effort: the batch's outputs are already written
        pass


_REPORT_LOCK = threading.Lock()


def _report(outcome: Outcome) -> None:
    if _PROGRESS is not None:
        with _REPORT_LOCK:
            _PROGRESS(outcome)


@dataclass
class IngestResult:
    """What :func:`run_ingest` returns."""

    summary: dict[str, Any]
    outputs: dict[str, str]
    outcomes: list[Outcome]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        store_failed = self.summary.get("store", {}).get("status") == "failed"
        return max(batch.exit_code(self.outcomes), 1 if store_failed else 0)


def _task_runner(workers: int, dask_address: str | None) -> Any:
    if dask_address:
        from prefect_dask import DaskTaskRunner

        if dask_address == "local":
            # this machine only: the scheduler on 127.0.0.1 and no dashboard (it has no login)
            return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                                  "processes": True, "host": "127.0.0.1",
                                                  "dashboard_address": None})
        return DaskTaskRunner(address=dask_address)
    # two tasks a worker at least: the next chunk is on the pool before the last one ends (with one task at a
    # time, one worker waited for each task run's start and end, i.e. the Prefect server's answers)
    return ThreadPoolTaskRunner(max_workers=2 * max(1, workers))


def run_ingest(
    inputs: list[str],
    out: str | Path,
    workers: int | None = None,
    dask_address: str | None = None,
    settings: dict[str, Any] | None = None,
    progress: Progress | None = None,
    pool: batch.WorkerPool | None = None,
    docs_per_task: int = DOCS_PER_TASK,
    db: str | None = None,
    prepared: Prepared | None = None,
) -> IngestResult:
    """Run :func:`ingest_flow` with the right task runner and the shared process pool.

    ``dask_address="local"`` starts a temporary local Dask cluster of ``workers`` processes.
    ``pool``: a process pool made (and warmed) earlier by the caller; it is shut down at the end.
    ``db``: a store URL (None: no store). ``prepared``: hashes, cache hits and documents extracted
    before the flow (:mod:`cchc.pipeline.prestart`), taken as they are.
    Raises ``OutputError`` when the output cannot be written.
    """
    global _EXECUTOR, _PROGRESS, _CACHE, _PREPARED
    workers = workers or default_workers()
    start = time.perf_counter()
    if pool is None and workers >= 1 and not dask_address:
        pool = batch.WorkerPool(workers)
    cache = prepared.cache if prepared is not None else batch.Cache.load(out)
    _EXECUTOR, _PROGRESS, _CACHE, _PREPARED = pool, progress, cache, prepared
    try:
        runner = _task_runner(workers, dask_address)
        with _without_heartbeats():
            result = ingest_flow.with_options(task_runner=runner)(
                inputs=[str(i) for i in inputs], out=str(out), workers=workers, dask_address=dask_address,
                settings=settings, docs_per_task=docs_per_task, db=db,
            )
        _drain_events()
    finally:
        _EXECUTOR, _PROGRESS, _CACHE, _PREPARED = None, None, None, None
        _AHEAD.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    if "output_error" in result:
        raise batch.OutputError(result["output_error"])
    return IngestResult(result["summary"], result["outputs"], result["outcomes"],
                        {"run": time.perf_counter() - start})
