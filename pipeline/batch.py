"""Plain functions of a batch run (no Prefect here): inputs, names, cache, per-document work, outputs.

The Prefect flow in :mod:`cchc.pipeline.flow` only orchestrates these; each is usable and testable alone.
"""

from __future__ import annotations

import csv
import ctypes
import errno
import gc
import glob
import hashlib
import importlib.util
import io
import json
import math
import multiprocessing
import os
import signal
import stat
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import weakref
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import regex

import cchc
from cchc._files import (
    atomic_write_bytes,
    atomic_write_text,
    file_mode,
    set_tmp_owner,
    tmp_owner,
    tmp_pattern,
)
from cchc.api import file_sha256
from cchc.errors import CchcError, InputError, LimitExceededError, MissingFileError, UsageError
from cchc.extractors.readers import KNOWN_SUFFIXES
from cchc.pipeline.lifetime import alive, watch_process
from cchc.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from cchc.schemas.record import Finding, Record
    from cchc.store.triage import StatusOf

# every type `cchc extract` reads (the readers' registry, with .xlsx for published rankings),
# PDF/DOCX/text first in messages
SUFFIXES = (".pdf", ".docx", ".txt", *sorted(KNOWN_SUFFIXES - {".pdf", ".docx", ".txt"}))
# a README.md in an inbox is notes, not a report: read from a folder only when named or globbed
NOTES_SUFFIXES = (".md",)
SEVERITIES = ("error", "warning", "info")
CACHE_DIR = ".cache"
CACHE_ENTRIES = "entries"
RECORDS_DIR = "records"
CSV_COLUMNS = (
    "file", "unit", "rule", "kind", "severity", "subject", "message",
    "expected", "actual", "page", "line", "evidence",
    "status", "reason", "decided_by", "decided_at",  # triage (cchc serve); added last: other tools read the CSV
)
OPEN_COLUMNS = {"status": "open", "reason": "", "decided_by": "", "decided_at": ""}

Status = Literal["ok", "failed", "cached"]
# why an input failed: only "input" (the content is not a readable report) is a fact about the
# content, kept in the cache; the others may not happen again and are never cached
Failure = Literal["input", "transient", "worker", "internal"]
Extract = Callable[[Path, Settings], "Record"]


class OutputError(CchcError):
    """The output folder cannot be written (no space, no permission): the run stops with one line."""


def output_error(exc: OSError, path: str | Path | None = None) -> OutputError:
    """One line naming the path and the cause (``No space left on device``, ``Permission denied``)."""
    where = exc.filename or path or "the output folder"
    return OutputError(f"cannot write {where}: {exc.strerror or exc}")


@dataclass
class Outcome:
    """What happened to one input."""

    file: str
    name: str
    status: Status
    record: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    seconds: float = 0.0
    sha256: str | None = None
    error: str | None = None
    unit: str | None = None
    from_cache: bool = False
    failure: Failure | None = None

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------- inputs and names


@dataclass
class Skipped:
    """A path that is not read, and why (listed in batch.json and on stderr, counted)."""

    file: str
    reason: str


@dataclass
class Inputs:
    """What a batch reads (regular files, in a stable order) and what it skips."""

    paths: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _hidden_part(path: Path, root: Path) -> str | None:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    return next((part for part in parts if part.startswith((".", "~$"))), None)


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (None for a regular file or a link to one); never opens it."""
    try:
        if path.is_symlink():
            try:
                path.resolve(strict=True)
            except RuntimeError:
                return "symbolic link loop"
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    return "symbolic link loop"
                return "broken symbolic link (its target does not exist)"
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder named like a report, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "a device or special file, not a regular file"


def _unsupported(path: Path) -> str:
    suffix = path.suffix.lower()
    kind = f"file type {suffix}" if suffix else "file without an extension"
    return f"unsupported {kind}; ingest reads {' '.join(SUFFIXES)}"


def gather_inputs(specs: Sequence[str | Path], out_dir: str | Path | None = None) -> Inputs:
    """Files to process from folders (recursive), files and globs, and every path skipped with its reason.

    Folders yield the types ``cchc extract`` reads (:data:`SUFFIXES`, any case, .xlsx for published
    rankings, but not Markdown notes); every other file in them is skipped with a reason, as are
    hidden files and folders, Office lock files, FIFOs, sockets, broken links and symbolic link
    loops; the output folder is left out. A regular file named explicitly is kept whatever its
    suffix (reading decides). Deduplicated by target.
    Raises ``UsageError`` for a spec that matches nothing, or when no input is found at all.
    """
    gatherer = _Gatherer(Path(out_dir).resolve() if out_dir is not None else None)
    for spec in specs:
        gatherer.spec(spec)
    result = gatherer.result
    unique: dict[Path, Path] = {}
    for path in gatherer.found:
        unique.setdefault(path.resolve(), path)
    result.paths = list(unique.values())
    if not result.paths:
        shown = ", ".join(str(s) for s in specs) or "(nothing given)"
        skipped = f"; {len(result.skipped)} skipped, e.g. {result.skipped[0].file}: {result.skipped[0].reason}" \
            if result.skipped else ""
        raise UsageError(f"no inputs found ({', '.join(SUFFIXES)}) in {shown}{skipped}")
    return result


class _Gatherer:
    """The state of :func:`gather_inputs`: what was found and what was skipped, in the order seen."""

    def __init__(self, out_resolved: Path | None) -> None:
        self.out_resolved = out_resolved
        self.result = Inputs()
        self.found: list[Path] = []

    def spec(self, spec: str | Path) -> None:
        spec_path = Path(spec)
        if spec_path.is_dir():
            self.walk(spec_path)
        elif spec_path.exists() or spec_path.is_symlink():
            self.consider(spec_path, None, explicit=True)
        else:
            matches = sorted(glob.glob(str(spec), recursive=True))
            if not matches:
                raise UsageError(f"{spec}: no such file or folder, and no file matches it")
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir() and match_path.suffix.lower() not in SUFFIXES:
                    self.walk(match_path)
                else:
                    self.consider(match_path, None, explicit=False)

    def consider(self, path: Path, root: Path | None, explicit: bool) -> None:
        if root is not None and (hidden := _hidden_part(path, root)) is not None:
            what = "Office lock file" if hidden.startswith("~$") else "hidden file or folder"
            self.result.skipped.append(Skipped(str(path), what))
            return
        reason = _not_regular(path)
        if reason is None and not explicit and path.suffix.lower() not in SUFFIXES:
            reason = _unsupported(path)
        if reason is None and root is not None and path.suffix.lower() in NOTES_SUFFIXES:
            reason = "Markdown notes in a folder are not read as a report (name the file to read it)"
        if reason is not None:
            self.result.skipped.append(Skipped(str(path), reason))
        elif not _inside(path, self.out_resolved):
            self.found.append(path)

    def walk(self, root: Path) -> None:
        for folder, dirs, files in os.walk(root, followlinks=False):
            here = Path(folder)
            if self.out_resolved is not None and _inside(here, self.out_resolved):
                dirs[:] = []
                continue
            kept = []
            for name in sorted(dirs):
                sub = here / name
                if name.startswith((".", "~$")):
                    self.result.skipped.append(Skipped(str(sub), "hidden folder"))
                elif sub.is_symlink():  # a linked folder is not followed (it may loop)
                    self.result.skipped.append(Skipped(str(sub), "symbolic link to a folder (not followed)"))
                else:
                    kept.append(name)
            dirs[:] = kept
            for name in sorted(files):
                self.consider(here / name, root, explicit=False)


def collect_inputs(specs: Sequence[str | Path], out_dir: str | Path | None = None) -> list[Path]:
    """The paths of :func:`gather_inputs` (what is read, without the skipped ones)."""
    return gather_inputs(specs, out_dir).paths


_UNSAFE = regex.compile(r"[\p{Cc}\p{Cf}/\\:*?\"<>|]+")


def safe_name(stem: str) -> str:
    """A file-name stem safe on every OS: NFC, no separators or control characters, no leading dots.

    Vietnamese letters and spaces are kept: ``"Báo cáo/../x"`` -> ``"Báo cáo_.._x"``.
    """
    name = unicodedata.normalize("NFC", stem)
    name = _UNSAFE.sub("_", name)
    name = regex.sub(r"\s+", " ", name).strip(" .")
    name = name.lstrip(".") or "document"
    return name[:150]


def _target_stem(path: Path) -> str:
    """The file stem, of the link's target for a symbolic link."""
    try:
        return path.resolve().stem if path.is_symlink() else path.stem
    except (OSError, RuntimeError):
        return path.stem


def output_names(paths: Sequence[Path]) -> list[str]:
    """One unique safe name per input: its file stem, or, when stems collide (case-blind), the stem and
    a short hash of its path (``x-1f3a9c2e``).

    A name depends only on the input's own path and on whether another input shares its stem, never on
    the order of the inputs: adding a file never gives an existing name to another document. A
    symbolic link is named after its target, so the name stays when the link is renamed.
    """
    stems = [safe_name(_target_stem(path)) for path in paths]
    shared = Counter(stem.casefold() for stem in stems)
    names: list[str] = []
    for path, stem in zip(paths, stems):
        if shared[stem.casefold()] == 1:
            names.append(stem)
        else:
            tag = hashlib.sha256(os.path.normpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:8]
            names.append(f"{stem}-{tag}")
    return names


# ---------------------------------------------------------------- temporary files (writes: cchc._files)


def remove_tmp_files(out_dir: Path, owner: int | None = None) -> int:
    """Remove the temporary files of a run (``owner``'s, default this run) from the output folder."""
    removed = 0
    for folder in (out_dir, out_dir / RECORDS_DIR, out_dir / CACHE_DIR / CACHE_ENTRIES):
        for tmp in folder.glob(tmp_pattern(owner)):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_stale_tmp_files(out_dir: Path) -> int:
    """Remove temporary files left by runs that were killed (their process no longer exists)."""
    removed = 0
    for folder in (out_dir, out_dir / RECORDS_DIR, out_dir / CACHE_DIR / CACHE_ENTRIES):
        for tmp in folder.glob(".*.tmp"):
            owner = tmp.name.rsplit(".", 3)[-3] if tmp.name.count(".") >= 4 else ""
            if owner.isdigit() and not alive(int(owner)):
                tmp.unlink(missing_ok=True)
                removed += 1
    return removed


def check_writable(folder: Path, what: str = "") -> None:
    """Create ``folder`` and write a probe file in it; ``OutputError`` naming the folder when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = atomic_write_bytes(folder / ".cchc-write-test", b"ok\n")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write {what or ''}{folder}: {exc.strerror or exc}") from None


def check_output_folder(out_dir: str | Path) -> Path:
    """Create the output folder and its sub-folders and prove they can be written, before any work.

    Raises ``OutputError`` (one line naming the path) for a read-only folder, a parent that is a
    file, a full disk.
    """
    out = Path(out_dir)
    for folder in (out, out / RECORDS_DIR, out / CACHE_DIR / CACHE_ENTRIES):
        check_writable(folder)
    return out


# ---------------------------------------------------------------- cache

# What a record depends on besides the file's content: the code that reads, extracts and checks it,
# and the frameworks (criteria, maxima). Hashing them means no version number has to be bumped by
# hand for the cache to notice a change (issue 10.8).
CODE_PACKAGES = ("cchc.extractors", "cchc.checker", "cchc.schemas")
CODE_MODULES = ("cchc.api", "cchc.settings", "cchc.errors")


def _module_file(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None, f"{name} is not installed"
    return Path(spec.origin)


def code_files() -> list[Path]:
    """The Python files whose code decides what a record holds (readers, extractors, checker, schema)."""
    files: set[Path] = {_module_file(name) for name in CODE_MODULES}
    for package in CODE_PACKAGES:
        files.update(_module_file(package).parent.rglob("*.py"))
    return sorted(files)


def framework_files() -> list[Path]:
    """The framework definitions (``schemas/frameworks/*.toml``)."""
    folder = resources.files("cchc.schemas").joinpath("frameworks")
    return sorted(Path(str(folder)).glob("*.toml"))


def files_digest(files: Iterable[Path]) -> str:
    """sha256 over the names and bytes of ``files`` (order-independent)."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name + "/" + str(p)):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _default_digests() -> tuple[str, str]:
    return files_digest(code_files()), files_digest(framework_files())


def versions() -> dict[str, str]:
    """What a record depends on (the cache key) plus the orchestrator's versions, for batch.json.

    ``extraction_code`` and ``frameworks`` are sha256 digests (first 16 hex digits) of the files.
    """
    from cchc.extractors.assemble import EXTRACTOR_VERSION
    from cchc.extractors.framework import frameworks_version
    from cchc.schemas.record import SCHEMA_VERSION

    code, frameworks = _default_digests()
    return {
        "cchc": cchc.__version__,
        "extractor": EXTRACTOR_VERSION,
        "schema": SCHEMA_VERSION,
        "framework": frameworks_version(),
        "extraction_code": code[:16],
        "frameworks": frameworks[:16],
    }


def cache_key(sha256: str, dependencies: dict[str, str] | None = None) -> str:
    """Content key: the file's sha256 plus everything in :func:`versions` (code and framework digests)."""
    v = dependencies or versions()
    material = "|".join([sha256, *(f"{name}={v[name]}" for name in sorted(v))])
    return hashlib.sha256(material.encode()).hexdigest()


def _valid_entry(entry: Any) -> bool:
    if not isinstance(entry, dict) or entry.get("status") not in ("ok", "failed"):
        return False
    if entry["status"] == "ok":
        return isinstance(entry.get("record"), str) and isinstance(entry.get("counts", {}), dict)
    return isinstance(entry.get("error"), str)


@dataclass
class Cache:
    """``<out>/.cache/entries/<key>.json``: what a run produced for a content, one file per document.

    Each entry is written (atomically) the moment its document is finished, so a run that is
    killed keeps its progress, and concurrent runs on the same folder never overwrite each
    other's entries. Only deterministic outcomes are kept: a record, or "this content is not a
    readable report". A bad entry or record is dropped and its document extracted again.
    """

    out_dir: Path
    dependencies: dict[str, str] = field(default_factory=versions)

    @property
    def folder(self) -> Path:
        return self.out_dir / CACHE_DIR / CACHE_ENTRIES

    @classmethod
    def load(cls, out_dir: str | Path) -> Cache:
        return cls(Path(out_dir))

    def key(self, sha256: str) -> str:
        return cache_key(sha256, self.dependencies)

    def _entry_path(self, sha256: str) -> Path:
        return self.folder / f"{self.key(sha256)}.json"

    def entries(self) -> dict[str, dict[str, Any]]:
        """Every valid entry on disk, by key."""
        found: dict[str, dict[str, Any]] = {}
        for path in sorted(self.folder.glob("*.json")):
            entry = self._read(path)
            if entry is not None:
                found[path.stem] = entry
        return found

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entry = None
        if not _valid_entry(entry):
            path.unlink(missing_ok=True)  # poisoned or truncated: dropped, the document is extracted again
            return None
        return entry  # type: ignore[no-any-return]

    def remember(self, outcome: Outcome) -> None:
        """Keep an extracted record or a content failure, durably, now. Never an I/O error, a timeout,
        a killed worker or an internal error: those may not happen again."""
        if outcome.sha256 is None or outcome.from_cache or outcome.status == "cached":
            return
        if outcome.status == "failed" and outcome.failure != "input":
            return
        entry = {
            "status": outcome.status,
            "record": outcome.record,
            "counts": outcome.counts,
            "error": outcome.error,
            "unit": outcome.unit,
            "sha256": outcome.sha256,
        }
        try:
            atomic_write_json(self._entry_path(outcome.sha256), entry)
        except OSError as exc:
            raise output_error(exc, self.folder) from None

    def any_missing(self, paths: Iterable[Path]) -> bool:
        """Whether some input has no cache entry (stops at the first; an unreadable file counts as missing)."""
        for path in paths:
            try:
                if not self._entry_path(file_sha256(path)).is_file():
                    return True
            except OSError:
                return True
        return False

    def lookup(self, path: Path, name: str, sha256: str) -> Outcome | None:
        """The outcome from the cache for this content, or None (a miss; extract it).

        A cached record is copied to this input's name and source path when they changed. A record
        file that is missing, not a valid record or of other content is a miss.
        """
        entry_path = self._entry_path(sha256)
        if not entry_path.is_file():
            return None
        entry = self._read(entry_path)
        if entry is None:
            return None
        start = time.perf_counter()
        if entry["status"] == "failed":
            return Outcome(str(path), name, "failed", sha256=sha256, error=_error_for(path, entry.get("error")),
                           from_cache=True, seconds=time.perf_counter() - start, failure="input")
        cached_rel = entry["record"]
        target_rel = f"{RECORDS_DIR}/{name}.json"
        data = _read_record(self.out_dir / cached_rel, sha256)
        if data is None:
            entry_path.unlink(missing_ok=True)
            return None
        if cached_rel != target_rel or data["source"].get("file") != str(path):
            data["source"]["file"] = str(path)
            try:
                atomic_write_json(self.out_dir / target_rel, data)
            except OSError as exc:
                raise output_error(exc) from None
        counts = {s: int(entry.get("counts", {}).get(s, 0)) for s in SEVERITIES}
        return Outcome(str(path), name, "cached", record=target_rel, counts=counts, sha256=sha256,
                       unit=entry.get("unit"), from_cache=True, seconds=time.perf_counter() - start)


def _read_record(path: Path, sha256: str) -> dict[str, Any] | None:
    """A record file's JSON when it is a valid record of that content, else None."""
    from pydantic import ValidationError

    from cchc.schemas.record import Record

    try:
        raw = path.read_bytes()
        record = Record.model_validate_json(raw)
    except (OSError, ValueError, ValidationError):
        return None
    if record.source.sha256 != sha256:
        return None
    data: dict[str, Any] = json.loads(raw)
    return data


def _error_for(path: Path, error: str | None) -> str:
    """A cached failure message, naming the current path."""
    if not error:
        return f"{path}: unreadable"
    _, sep, cause = error.partition(": ")
    return f"{path}: {cause}" if sep else error


# ---------------------------------------------------------------- per document


def _default_extract(path: Path, settings: Settings) -> Record:
    from cchc.api import extract_file

    return extract_file(path, settings)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITIES}


def _deterministic(exc: InputError) -> bool:
    """An input error that the same content always gives: not a time limit (it depends on the machine's
    load), not a missing file (moved away during the run, it may be back)."""
    if isinstance(exc, MissingFileError):
        return False
    return not (isinstance(exc, LimitExceededError) and "took over" in exc.cause)


def process_file(
    path: str | Path,
    out_dir: str | Path,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    name: str | None = None,
    sha256: str | None = None,
    extract: Extract | None = None,
) -> Outcome:
    """Read + extract + check one file and write ``<out>/records/<name>.json`` atomically.

    Never raises for a bad input: an ``InputError`` becomes a failed outcome with its one-line
    message; an I/O error while reading it a ``transient`` failure; any other exception a failed
    outcome ``"internal error: <type>: <msg>"``. Raises ``OutputError`` when the record cannot be
    written (no space, no permission): that stops the run.
    """
    start = time.perf_counter()
    path, out_dir = Path(path), Path(out_dir)
    name = name or safe_name(path.stem)
    outcome = Outcome(str(path), name, "failed", sha256=sha256)
    try:
        if outcome.sha256 is None:
            outcome.sha256 = file_sha256(path)
        record = (extract or _default_extract)(path, settings)
    except InputError as exc:
        outcome.error = _one_line(str(exc))
        outcome.failure = "input" if _deterministic(exc) else "transient"
    except OSError as exc:
        outcome.error = _one_line(f"{path}: cannot read the file: {exc.strerror or exc}")
        outcome.failure = "transient"
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the failure is recorded
        outcome.error = _one_line(f"internal error: {type(exc).__name__}: {exc}")
        outcome.failure = "internal"
    else:
        record_rel = f"{RECORDS_DIR}/{name}.json"
        try:
            atomic_write_text(out_dir / record_rel, record.model_dump_json(indent=2) + "\n")
        except OSError as exc:
            raise output_error(exc, out_dir / record_rel) from None
        outcome.status, outcome.record = "ok", record_rel
        outcome.counts = severity_counts(record.findings)
        outcome.unit = record.meta.unit_name
    outcome.seconds = time.perf_counter() - start
    return outcome


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


# ---------------------------------------------------------------- the shared process pool

# Imported once in the forkserver, so each worker starts with them (missing ones are skipped).
POOL_PRELOAD = [
    "cchc.pipeline.batch", "cchc.api", "cchc.schemas.record", "cchc.extractors.readers",
    "cchc.extractors.readers.text", "cchc.extractors.readers.pdf", "cchc.extractors.readers.docx",
    "cchc.extractors.assemble", "cchc.checker",
    # imported on the first table PDF or ranking: ~12 MB that each worker would otherwise hold alone
    "pdfplumber", "cchc.extractors.ranking",
    # not spaCy: references need it only in rare texts (extractors/references.py, needs_spacy)
]


def _init_worker(owner: int) -> None:
    """Every pool worker: ends when the ingest process ``owner`` is gone (see :mod:`.lifetime`),
    leaves Ctrl-C to the ingest process, names its temporary files after the owner's run."""
    set_tmp_owner(owner)
    # what the forkserver imported is never collected here: a full collection (after ~400 documents)
    # would otherwise touch every inherited object and copy their pages into the worker (+20 MB each)
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not alive(owner):
        os._exit(1)
    watch_process(owner)


_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


def make_pool(workers: int) -> ProcessPoolExecutor:
    """The one process pool for CPU work: forkserver on Linux (never fork a threaded process), else spawn.

    Workers exit when the ingest process dies, whatever killed it (see :mod:`cchc.pipeline.lifetime`).
    """
    # the resource tracker (spawned with this process's -W options) would warn about the pool's
    # semaphores after an interrupted run: the one line that says "interrupted" is enough
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(POOL_PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(tmp_owner(),))


def _warm() -> int:
    import cchc.api  # noqa: F401  (spawn has no preload: import here)

    return os.getpid()


def warm_pool(pool: ProcessPoolExecutor | WorkerPool, workers: int) -> list[Future[int]]:
    """Start every worker now (returns at once), so their start-up overlaps other start-up work."""
    return [pool.submit(_warm) for _ in range(workers)]


# A pool's workers are replaced by fresh ones after this many documents a worker (issue 16): a worker's
# memory grows with the documents it has read (the extractors' bounded caches filling, the C heap's
# fragments): the pool's PSS grew 108 -> 121 MB over 10,000 documents, ~111 MB at 1,000.
RECYCLE_DOCUMENTS = 250


class WorkerPool:
    """The shared process pool, replaced when a worker dies (the OOM killer, a crash); thread-safe.

    Every submit is tagged with the pool's generation, so that of several threads that see the
    same broken pool only the first replaces it.

    At most ``3 x workers`` calls are on the process pool at once; the others wait here, in the order
    they were submitted, and go to the pool as earlier ones finish (``in_flight``). After ``recycle_after``
    calls (default ``RECYCLE_DOCUMENTS`` a worker; 0: never) the pool is recycled (:meth:`_recycle`):
    the few calls it holds finish, its workers exit, and the next calls go to fresh workers forked from
    the forkserver.
    """

    def __init__(self, workers: int, recycle_after: int | None = None) -> None:
        self.workers = workers
        self.replaced = 0
        self.recycled = 0
        self.recycle_after = RECYCLE_DOCUMENTS * workers if recycle_after is None else recycle_after
        self.in_flight = 3 * max(1, workers)
        self._lock = threading.RLock()
        self._drained = threading.Condition(self._lock)
        self._pool = make_pool(workers)
        self._generation = 0
        self._dispatched = 0  # calls given to the current pool
        self._running = 0  # calls on a process pool (current or retiring), not finished
        self._waiting: deque[tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = deque()
        self._recycling: threading.Thread | None = None
        self._killed = False
        self._closed = False
        with _POOLS_LOCK:
            _LIVE_POOLS.add(self)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self.submit_tagged(fn, *args, **kwargs)[0]

    def submit_tagged(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> tuple[Future[Any], int]:
        """Submit (it goes to the current pool, replaced first if it is broken, when a place is free):
        (future, generation). A ``BrokenProcessPool`` from the future: the pool was replaced already."""
        outer: Future[Any] = Future()
        with self._lock:
            generation = self._generation
            self._waiting.append((outer, fn, args, kwargs))
            self._dispatch()
        return outer, generation

    def _dispatch(self) -> None:
        """Calls from the waiting line to the pool while places are free (with the lock held)."""
        while self._waiting and self._running < self.in_flight and self._recycling is None:
            if self.recycle_after and self._dispatched >= self.recycle_after and not self._killed:
                self._recycling = threading.Thread(target=self._recycle, name="cchc-pool-recycle", daemon=True)
                self._recycling.start()
                return
            outer, fn, args, kwargs = self._waiting.popleft()
            if not outer.set_running_or_notify_cancel():
                continue
            if self._killed:  # an interrupted run: nothing more goes to the workers
                outer.set_exception(CancelledError())
                continue
            inner: Future[Any] | None = None
            for _ in range(3):
                generation = self._generation
                try:
                    inner = self._pool.submit(fn, *args, **kwargs)
                    break
                except BrokenProcessPool:
                    self.replace(generation)
                except RuntimeError as exc:  # shut down meanwhile (an interrupted run)
                    outer.set_exception(exc)
                    break
            else:
                outer.set_exception(BrokenProcessPool("the process pool broke three times in a row"))
            if inner is None:
                continue
            self._dispatched += 1
            self._running += 1
            inner.add_done_callback(partial(self._settle, outer=outer, generation=generation))

    def _settle(self, inner: Future[Any], outer: Future[Any], generation: int) -> None:
        """A call on a process pool ended: its result to the caller's future, the next call to the pool."""
        exc = None if inner.cancelled() else inner.exception()
        with self._lock:
            self._running -= 1
            if isinstance(exc, BrokenProcessPool):
                self.replace(generation)  # before the caller sees it: its replace() is then a no-op
            self._dispatch()
            self._drained.notify_all()
        if inner.cancelled():  # by a shutdown with cancel_futures (an interrupted run, a broken pool)
            outer.set_exception(CancelledError())
        elif exc is not None:
            outer.set_exception(exc)
        else:
            outer.set_result(inner.result())

    def _recycle(self) -> None:
        """Fresh workers (on a thread of its own): the pool's calls finish, its workers exit, new ones start.

        The old workers are gone before the new ones start, so the two never hold memory at once; the
        cores wait meanwhile for the last calls' tail and the new workers' start (~0.1 s)."""
        with self._lock:
            old = self._pool
            while self._running and self._pool is old:
                self._drained.wait()
        old.shutdown(wait=True)
        with self._lock:
            if self._pool is old and not self._closed:  # not replaced (broken) or shut down meanwhile
                self._pool = make_pool(self.workers)
                self._generation += 1
                self.recycled += 1
            self._dispatched = 0
            self._recycling = None
            self._dispatch()
            self._drained.notify_all()

    def replace(self, generation: int) -> None:
        """A new pool, when the one of ``generation`` broke (no-op if it was replaced already)."""
        with self._lock:
            if generation != self._generation:
                return
            old = self._pool
            self._pool = make_pool(self.workers)
            self._generation += 1
            self._dispatched = 0
            self.replaced += 1
        old.shutdown(wait=False, cancel_futures=True)

    def kill(self) -> None:
        """SIGKILL every worker now (an interrupted run).

        Called from the Ctrl-C/SIGTERM handler, which runs in the main thread between two of its bytecodes,
        possibly inside :meth:`submit_tagged` with the lock held (``extract_while`` submits from the main
        thread): the lock is waited for a second at most, then the workers are read without it."""
        self._killed = True
        locked = self._lock.acquire(timeout=1.0)
        try:
            processes: list[Any] = []
            for _ in range(3):  # the executor may add a worker meanwhile
                try:
                    processes = _processes(self._pool)
                    break
                except RuntimeError:
                    continue
        finally:
            if locked:
                self._lock.release()
        for process in processes:
            try:
                process.kill()
            except (OSError, ValueError):
                pass

    def shutdown_behind(self) -> threading.Thread:
        """:meth:`shutdown` on a thread of its own, returned at once: the workers' and the forkserver's exit
        (~0.1 s, most of it the forkserver's interpreter teardown) overlaps what the caller does next; join
        the thread before the memory they held matters."""
        thread = threading.Thread(target=self.shutdown, name="cchc-pool-shutdown", daemon=True)
        thread.start()
        return thread

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Shut the pool down; with ``wait``, its workers have exited on return, and the forkserver too
        when no other pool of this process is open (a later pool starts it again). Calls still waiting
        for a place are cancelled with ``cancel_futures``, else run first."""
        if not wait:
            self.shutdown_behind()
            return
        with self._lock:
            if cancel_futures:
                for outer, *_ in self._waiting:
                    outer.cancel()
                self._waiting.clear()
            while self._waiting:
                self._drained.wait()
            self._closed = True
            recycling = self._recycling
        if recycling is not None:
            recycling.join()
        self._pool.shutdown(wait=True, cancel_futures=cancel_futures)
        with _POOLS_LOCK:
            _LIVE_POOLS.discard(self)
            last = not _LIVE_POOLS
        if last:
            stop_forkserver()


def _processes(pool: ProcessPoolExecutor) -> list[Any]:
    """The worker processes of ``pool`` still known to it (none once it has shut down)."""
    return list((getattr(pool, "_processes", None) or {}).values())


_LIVE_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()
_POOLS_LOCK = threading.Lock()


def stop_forkserver() -> None:
    """Stop multiprocessing's forkserver, if it runs (no worker of it may be alive).

    Once its workers are gone, the pages it imported (cchc, pdfplumber, spaCy: ~110 MB) are no longer
    shared with anyone, and it would keep them until the ingest process exits. The standard library
    has no public call for this; ``ForkServer._stop`` closes its "alive" pipe and reaps it.
    """
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


WORKER_DIED = "the worker process reading this file died twice (killed by the system, e.g. out of memory)"


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc
        return None


_MALLOC_TRIM = _malloc_trim()


def process_file_on_worker(path: str | Path, out_dir: str | Path, settings: Settings = DEFAULT_SETTINGS,
                           **kwargs: Any) -> Outcome:
    """:func:`process_file` in a pool worker, then the C heap's free pages given back to the system
    (``malloc_trim``: pdfium's and lxml's buffers freed by the document, ~5 MB a worker kept otherwise;
    ~0.2 ms a document)."""
    try:
        return process_file(path, out_dir, settings, **kwargs)
    finally:
        release_free_memory()


def process_on_pool(
    pool: WorkerPool,
    items: Sequence[tuple[str, str, str | None]],
    out: str,
    settings: Settings,
    report: Callable[[Outcome], None] = lambda outcome: None,
    extract: Extract | None = None,
    submitted: Sequence[tuple[Future[Outcome], int] | None] = (),
) -> list[Outcome]:
    """:func:`process_file` for each ``(path, name, sha256)`` on the pool; ``report`` as each finishes.

    A document whose worker died (the pool broke) is tried once more, alone; if a worker dies
    again, that document fails with :data:`WORKER_DIED` (never cached). ``OutputError`` stops it all.
    ``extract``: as in :func:`process_file` (a module-level function: it goes to the workers).
    ``submitted``: item k's call from :func:`submit_to_pool` made earlier (None, or absent: submitted now).
    """
    results: list[Outcome | None] = [None] * len(items)
    futures: dict[Future[Outcome], tuple[int, int]] = {}
    for k, item in enumerate(items):
        earlier = submitted[k] if k < len(submitted) else None
        future, generation = earlier or submit_to_pool(pool, item, out, settings, extract)
        futures[future] = (k, generation)
    suspects: list[int] = []
    from concurrent.futures import as_completed as plain_as_completed

    for future in plain_as_completed(futures):
        k, generation = futures[future]
        try:
            outcome = future.result()
        except BrokenProcessPool:
            pool.replace(generation)
            suspects.append(k)
            continue
        except OutputError:
            for other in futures:
                other.cancel()
            raise
        except Exception as exc:  # noqa: BLE001 - one document's failure; the batch goes on
            outcome = crashed_outcome(items[k], exc)
        results[k] = _sharing_strings(outcome, items[k])
        report(outcome)
    for k in sorted(suspects):  # one at a time: a document that kills its worker again is found
        path, name, sha = items[k]
        future, generation = submit_to_pool(pool, items[k], out, settings, extract)
        try:
            outcome = future.result()
        except BrokenProcessPool:
            pool.replace(generation)
            outcome = Outcome(path, name, "failed", sha256=sha, error=f"{path}: {WORKER_DIED}", failure="worker")
        except OutputError:
            raise
        except Exception as exc:  # noqa: BLE001
            outcome = crashed_outcome(items[k], exc)
        results[k] = outcome
        report(outcome)
    return [o for o in results if o is not None]


def submit_to_pool(pool: WorkerPool, item: tuple[str, str, str | None], out: str, settings: Settings,
                   extract: Extract | None = None) -> tuple[Future[Outcome], int]:
    """One ``(path, name, sha256)``'s :func:`process_file` on the pool: (future, generation), for
    :func:`process_on_pool` to collect."""
    path, name, sha = item
    return pool.submit_tagged(process_file_on_worker, path, out, settings, name=name, sha256=sha, extract=extract)


def _sharing_strings(outcome: Outcome, item: tuple[str, str, str | None]) -> Outcome:
    """``outcome``, unpickled from a worker with its own copies of the input's path, name and content hash,
    made to hold the caller's equal strings instead, which the batch keeps anyway (~350 bytes a document
    less in the ingest process for as long as the batch runs)."""
    path, name, sha = item
    if outcome.file == path:
        outcome.file = path
    if outcome.name == name:
        outcome.name = name
    if sha is not None and outcome.sha256 == sha:
        outcome.sha256 = sha
    return outcome


def crashed_outcome(item: tuple[str, str, str | None], exc: BaseException) -> Outcome:
    """A document whose processing raised outside :func:`process_file` (never cached)."""
    return Outcome(item[0], item[1], "failed", sha256=item[2], error=f"internal error: {type(exc).__name__}: {exc}",
                   failure="internal")


# ---------------------------------------------------------------- batch outputs


class RecordFiles(Sequence["Record"]):
    """The records of a batch, read from their JSON files each time they are iterated.

    A batch of thousands of records is never held in memory at once: each pass (batch rules,
    store, reviews, findings.csv) parses one record at a time (~2 ms each).
    """

    def __init__(self, out_dir: Path, outcomes: Iterable[Outcome]) -> None:
        self.paths = [out_dir / o.record for o in outcomes if o.record and o.status in ("ok", "cached")]

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index: int) -> Record:  # type: ignore[override]
        from cchc.schemas.record import Record

        return Record.model_validate_json(self.paths[index].read_bytes())

    def __iter__(self) -> Iterator[Record]:
        from cchc.schemas.record import Record

        for path in self.paths:
            yield Record.model_validate_json(path.read_bytes())
        release_free_memory()  # a pass parsed every record: its freed buffers go back to the system


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc ``malloc_trim``; no-op elsewhere).

    Parsing thousands of records leaves freed buffers in the heap that the process would keep; a
    batch step calls this when it ends, so the next one starts from what is really in use."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def load_records(out_dir: Path, outcomes: Iterable[Outcome]) -> RecordFiles:
    """The records of the successful outcomes, read back lazily from their JSON files."""
    return RecordFiles(out_dir, outcomes)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def finding_rows(
    records: Iterable[Record], batch_findings: Iterable[Finding] = (), lang: str = "vi",
    status_of: StatusOf | None = None,
) -> list[dict[str, str]]:
    """One row per finding (per-record findings, then batch findings with file ``(batch)``); ``message``
    in ``lang``. ``status_of`` gives a record's finding its reviewer's decision (the store's triage,
    :func:`cchc.store.triage.status_lookup`); without it, and for batch findings, every finding is open."""
    return list(iter_finding_rows(records, batch_findings, lang, status_of))


def iter_finding_rows(
    records: Iterable[Record], batch_findings: Iterable[Finding] = (), lang: str = "vi",
    status_of: StatusOf | None = None,
) -> Iterator[dict[str, str]]:
    """The rows of :func:`finding_rows` one at a time, each record read when its rows are asked for."""

    def row(file: str, unit: str | None, finding: Finding,
            triage: dict[str, str] = OPEN_COLUMNS) -> dict[str, str]:
        first = finding.evidence[0] if finding.evidence else None
        return {
            "file": file,
            "unit": unit or "",
            "rule": finding.rule,
            "kind": finding.kind,
            "severity": finding.severity,
            "subject": finding.subject,
            "message": (finding.message_en or finding.message) if lang == "en" else finding.message,
            "expected": _cell(finding.expected),
            "actual": _cell(finding.actual),
            "page": _cell(first.page if first else None),
            "line": _cell(first.line if first else None),
            "evidence": " … ".join(e.text for e in finding.evidence),
            **triage,
        }

    for record in records:
        for finding in record.findings:
            triage = OPEN_COLUMNS
            if status_of is not None:
                from cchc.store.triage import status_columns

                triage = status_columns(status_of(record, finding))
            yield row(record.source.file, record.meta.unit_name, finding, triage)
    for finding in batch_findings:
        yield row("(batch)", None, finding)


def findings_csv(rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_findings_csv(path: Path, rows: Iterable[dict[str, str]]) -> Path:
    """findings.csv in UTF-8 with BOM (so Excel shows Vietnamese), CRLF rows; written atomically as the
    rows come (a batch's rows are never all in memory)."""
    with atomic_stream(path, encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


_FILE_MODE = file_mode()  # read once, at import: reading the umask sets it (see cchc._files)


def atomic_write_json(path: Path, data: Any) -> Path:
    """``data`` as indented JSON (UTF-8, not \\u-escaped) with a final newline, written atomically as it is
    encoded: the bytes of :func:`cchc._files.atomic_write_json` without the whole text in memory (batch.json
    of a large batch is tens of MB)."""
    with atomic_stream(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2, default=str)
        fh.write("\n")
    return path


@contextmanager
def atomic_stream(path: Path, encoding: str = "utf-8") -> Iterator[io.TextIOWrapper]:
    """A text file written bit by bit into a temporary file next to ``path`` (named as
    :mod:`cchc._files` names them) and renamed over ``path`` at the end: a reader sees the old file or the
    whole new one; on error the temporary file is removed. No newline translation."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{tmp_owner()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def source_href(base: Path, file: str) -> str:
    """The relative href from the folder ``base`` (resolved) to the source file ``file``."""
    rel = os.path.relpath(Path(file).resolve(), base)
    return urllib.parse.quote(Path(rel).as_posix())


class SourceLinks(dict[str, str]):
    """Relative hrefs from the output folder to source files, made when first asked for: the reviews
    look up each record's link as they render it, so the records are not read once more for their names."""

    def __init__(self, out_dir: Path) -> None:
        super().__init__()
        self.base = out_dir.resolve()

    def __missing__(self, file: str) -> str:  # not kept: each is asked for once or twice
        return source_href(self.base, file)

    def get(self, file: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[file]

    def __bool__(self) -> bool:
        return True


def source_links(out_dir: Path, records: Iterable[Record]) -> dict[str, str]:
    """Relative hrefs from the output folder to each record's source file."""
    base = out_dir.resolve()
    return {record.source.file: source_href(base, record.source.file) for record in records}


def batch_counts(
    outcomes: Sequence[Outcome], batch_findings: Sequence[Finding] = (), skipped: Sequence[Skipped] = ()
) -> dict[str, int]:
    statuses = Counter(o.status for o in outcomes)
    findings: Counter[str] = Counter()
    for o in outcomes:
        findings.update(o.counts)
    batch: Counter[str] = Counter(f.severity for f in batch_findings)
    return {
        "inputs": len(outcomes),
        "ok": statuses.get("ok", 0),
        "cached": statuses.get("cached", 0),
        "failed": statuses.get("failed", 0),
        "extracted": sum(1 for o in outcomes if not o.from_cache and o.status == "ok"),
        "findings": sum(findings.values()) + sum(batch.values()),
        **{f"findings_{s}": findings.get(s, 0) + batch.get(s, 0) for s in SEVERITIES},
        "batch_findings": sum(batch.values()),
        "skipped": len(skipped),
    }


def batch_summary(
    inputs: Sequence[str],
    outcomes: Sequence[Outcome],
    batch_findings: Sequence[Finding],
    timings: dict[str, float],
    extra_versions: dict[str, str] | None = None,
    skipped: Sequence[Skipped] = (),
    run_id: str | None = None,
) -> dict[str, Any]:
    """The content of batch.json (``run_id``: the id that every output of the run carries)."""
    return {
        "run_id": run_id,
        "inputs": list(inputs),
        "skipped": [asdict(s) for s in skipped],
        "counts": batch_counts(outcomes, batch_findings, skipped),
        "outcomes": [o.to_dict() for o in outcomes],
        "failures": [{"file": o.file, "error": o.error} for o in outcomes if o.status == "failed"],
        "batch_findings": [f.model_dump(mode="json") for f in batch_findings],
        "timings": {k: round(v, 4) for k, v in timings.items()},
        "versions": {**versions(), **(extra_versions or {})},
    }


def summary_markdown(summary: dict[str, Any], review_html: str | None = None) -> str:
    """A short Markdown summary of a batch (Prefect artifact and review.md fallback)."""
    c = summary["counts"]
    lines = [
        "# cchc ingest",
        "",
        (f"- inputs: {c['inputs']} (extracted {c['extracted']}, cached {c['cached']}, failed {c['failed']})"
         + (f"; skipped {c['skipped']}" if c.get("skipped") else "")),
        (f"- findings: {c['findings']} (error {c['findings_error']}, warning {c['findings_warning']}, "
         f"info {c['findings_info']}; batch {c['batch_findings']})"),
        f"- wall time: {summary['timings'].get('wall', 0):.2f} s",
    ]
    if review_html:
        lines.append(f"- review: {review_html}")
    if summary["failures"]:
        lines += ["", "## Failures", ""]
        for failure in summary["failures"]:
            error = failure["error"] or "failed"
            cause = error[len(failure["file"]) + 2:] if error.startswith(f"{failure['file']}: ") else error
            lines.append(f"- `{failure['file']}`: {cause}")
    return "\n".join(lines) + "\n"


# The table artifact lists every input of a batch up to this size; a larger batch, the inputs that failed or have
# findings (batch.json and the review list them all).
ARTIFACT_ALL_ROWS = 2000


def artifact_outcomes(outcomes: Sequence[Outcome], all_rows: int | None = None) -> list[Outcome]:
    """The inputs the table artifact lists: all of them up to ``all_rows`` (default ``ARTIFACT_ALL_ROWS``), else
    those that failed or have findings, in input order."""
    if len(outcomes) <= (ARTIFACT_ALL_ROWS if all_rows is None else all_rows):
        return list(outcomes)
    return [o for o in outcomes if o.status == "failed" or o.findings]


def summary_table(outcomes: Sequence[Outcome]) -> list[dict[str, Any]]:
    """One row per input for a table artifact."""
    return [summary_row(o) for o in outcomes]


def summary_row(o: Outcome) -> dict[str, Any]:
    """An input's row of the table artifact."""
    return {
        "file": Path(o.file).name,
        "unit": o.unit or "",
        "status": o.status,
        "errors": o.counts.get("error", 0),
        "warnings": o.counts.get("warning", 0),
        "infos": o.counts.get("info", 0),
        "seconds": None if math.isnan(o.seconds) else round(o.seconds, 3),
        "message": o.error or "",
    }


def summary_table_json(outcomes: Iterable[Outcome]) -> str:
    """``json.dumps(summary_table(outcomes))``, the text Prefect's table artifact stores, encoded a row at a
    time: the rows are never all held as objects at once (issue 16: ~1 KB of dicts a row, twice over in
    Prefect's ``TableArtifact``, which copies the table to replace NaNs)."""
    return "[" + ", ".join(json.dumps(summary_row(o)) for o in outcomes) + "]"


def write_reviews(
    out_dir: Path,
    records: Sequence[Record],
    batch_findings: Sequence[Finding],
    outcomes: Sequence[Outcome],
    title: str | None = None,
    stored: dict[str, tuple[int, bool]] | None = None,
    lang: str = "vi",
    run_id: str | None = None,
    form: str = "auto",
    split_threshold: int | None = None,
    status_of: StatusOf | None = None,
) -> dict[str, Path]:
    """review.html and review.md for the whole batch (via cchc.report.write_report); ``stored``: sha256 -> (version, current).

    ``status_of``: each finding's triage decision (None: every finding is open).

    ``run_id``: written into both (a ``cchc-run-id`` meta tag, a closing Markdown comment), so a
    review can be matched with its batch.json. ``form``: auto (split into an index and
    review/<name>.html past ``split_threshold`` reports), single or split.
    """
    from cchc.report import write_report

    failures = [(o.file, o.error or "") for o in outcomes if o.status == "failed"]
    return write_report(out_dir, records, title=title, batch_findings=list(batch_findings), failures=failures,
                        source_links=SourceLinks(out_dir), stored=stored, lang=lang,
                        form=form, split_threshold=split_threshold, count=len(records),  # type: ignore[arg-type]
                        run_id=run_id, status_of=status_of)


def with_run_id_html(html: str, run_id: str) -> str:
    """The page with ``<meta name="cchc-run-id">`` at the start of its head."""
    tag = f'<meta name="cchc-run-id" content="{run_id}">'
    match = regex.search(r"<head[^>]*>", html, flags=regex.IGNORECASE)
    return f"{html[:match.end()]}\n{tag}{html[match.end():]}" if match else f"{tag}\n{html}"


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """0 when every input was processed, 1 when some failed."""
    return 1 if any(o.status == "failed" for o in outcomes) else 0
