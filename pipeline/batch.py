"""Plain functions of a batch run (no Prefect here): inputs, names, cache, per-document work, outputs.

The Prefect flow in :mod:`cchc.pipeline.flow` only orchestrates these; each is usable and testable alone.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import multiprocessing
import os
import tempfile
import time
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import regex

import cchc
from cchc.api import file_sha256
from cchc.errors import InputError, UsageError
from cchc.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from cchc.schemas.record import Finding, Record

SUFFIXES = (".pdf", ".docx", ".txt", ".xlsx")  # .xlsx: published rankings (issue 13)
SEVERITIES = ("error", "warning", "info")
FRAMEWORK_VERSION = str(getattr(cchc, "FRAMEWORK_VERSION", "1"))
CACHE_DIR = ".cache"
CACHE_INDEX = "index.json"
RECORDS_DIR = "records"
CSV_COLUMNS = (
    "file", "unit", "rule", "kind", "severity", "subject", "message",
    "expected", "actual", "page", "line", "evidence",
)

Status = Literal["ok", "failed", "cached"]
Extract = Callable[[Path, Settings], "Record"]


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

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------- inputs and names


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(part.startswith((".", "~$")) for part in parts)


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def collect_inputs(specs: Sequence[str | Path], out_dir: str | Path | None = None) -> list[Path]:
    """Files to process from folders (recursive), files and globs; deduplicated, in a stable order.

    Folders yield ``*.pdf *.docx *.txt *.xlsx`` (any case), skipping hidden files/folders, Office lock files
    and the output folder. A file named explicitly is kept whatever its suffix (reading decides).
    Raises ``UsageError`` for a spec that matches nothing, or when no input is found at all.
    """
    out_resolved = Path(out_dir).resolve() if out_dir is not None else None
    found: list[Path] = []
    for spec in specs:
        spec_path = Path(spec)
        if spec_path.is_dir():
            root = spec_path
            hits = sorted(
                p for p in root.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not _hidden(p, root)
                and not _inside(p, out_resolved)
            )
            found.extend(hits)
        elif spec_path.is_file():
            found.append(spec_path)
        else:
            matches = sorted(glob.glob(str(spec), recursive=True))
            if not matches:
                raise UsageError(f"{spec}: no such file or folder, and no file matches it")
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    found.extend(collect_inputs([match_path], out_dir))
                elif match_path.suffix.lower() in SUFFIXES and not _inside(match_path, out_resolved):
                    found.append(match_path)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    if not unique:
        shown = ", ".join(str(s) for s in specs) or "(nothing given)"
        raise UsageError(f"no inputs found ({', '.join(SUFFIXES)}) in {shown}")
    return list(unique.values())


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


def output_names(paths: Sequence[Path]) -> list[str]:
    """One unique safe name per input: its file stem, or, when stems collide (case-blind), the stem and
    a short hash of its path (``x-1f3a9c2e``).

    A name depends only on the input's own path and on whether another input shares its stem, never on
    the order of the inputs: adding a file never gives an existing name to another document.
    """
    stems = [safe_name(path.stem) for path in paths]
    shared = Counter(stem.casefold() for stem in stems)
    names: list[str] = []
    for path, stem in zip(paths, stems):
        if shared[stem.casefold()] == 1:
            names.append(stem)
        else:
            tag = hashlib.sha256(os.path.normpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:8]
            names.append(f"{stem}-{tag}")
    return names


# ---------------------------------------------------------------- atomic writes


def _file_mode() -> int:
    """0o666 minus the process umask (what open() would give; mkstemp alone gives 0o600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temp file next to ``path`` and rename it over ``path``.

    Readers see the old file or the whole new one, never a partial one; on error nothing is left.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)  # no fsync: atomic against crashes and readers, not power loss (fsync: ~10 ms a file)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    return atomic_write_bytes(path, text.encode(encoding))


def atomic_write_json(path: Path, data: Any) -> Path:
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# ---------------------------------------------------------------- cache


def versions() -> dict[str, str]:
    """Versions that change what a record holds (cache key) plus the orchestrator's, for batch.json."""
    from cchc.schemas.record import SCHEMA_VERSION

    return {
        "cchc": cchc.__version__,
        "extractor": str(cchc.EXTRACTOR_VERSION),
        "schema": SCHEMA_VERSION,
        "framework": FRAMEWORK_VERSION,
    }


def cache_key(sha256: str) -> str:
    """Content key: the file's sha256 plus the cchc, extractor, schema and framework versions."""
    v = versions()
    material = "|".join([sha256, v["cchc"], v["extractor"], v["schema"], v["framework"]])
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass
class Cache:
    """``<out>/.cache/index.json``: cache key -> what the last run produced for that content."""

    out_dir: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.out_dir / CACHE_DIR / CACHE_INDEX

    @classmethod
    def load(cls, out_dir: str | Path) -> Cache:
        cache = cls(Path(out_dir))
        try:
            data = json.loads(cache.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("entries"), dict):
                cache.entries = data["entries"]
        except (OSError, ValueError):
            pass
        return cache

    def save(self) -> None:
        atomic_write_json(self.path, {"version": 1, "entries": self.entries})

    def remember(self, outcome: Outcome) -> None:
        """Keep an extracted record or an input failure (an internal error is never cached)."""
        if outcome.sha256 is None or outcome.from_cache or outcome.status == "cached":
            return
        if outcome.status == "failed" and (outcome.error or "").startswith("internal error"):
            return
        self.entries[cache_key(outcome.sha256)] = {
            "status": outcome.status,
            "record": outcome.record,
            "counts": outcome.counts,
            "error": outcome.error,
            "unit": outcome.unit,
        }

    def lookup(self, path: Path, name: str, sha256: str) -> Outcome | None:
        """The outcome from the cache for this content, or None (a miss; extract it).

        A cached record is copied to this input's name and source path when they changed.
        """
        entry = self.entries.get(cache_key(sha256))
        if entry is None:
            return None
        start = time.perf_counter()
        if entry.get("status") == "failed":
            return Outcome(str(path), name, "failed", sha256=sha256, error=_error_for(path, entry.get("error")),
                           from_cache=True, seconds=time.perf_counter() - start)
        cached_rel = entry.get("record")
        if not cached_rel or not (self.out_dir / cached_rel).is_file():
            return None
        target_rel = f"{RECORDS_DIR}/{name}.json"
        target = self.out_dir / target_rel
        try:
            data = json.loads((self.out_dir / cached_rel).read_text(encoding="utf-8"))
            if cached_rel != target_rel or data.get("source", {}).get("file") != str(path):
                data.setdefault("source", {})["file"] = str(path)
                atomic_write_json(target, data)
        except (OSError, ValueError):
            return None
        counts = {s: int(entry.get("counts", {}).get(s, 0)) for s in SEVERITIES}
        return Outcome(str(path), name, "cached", record=target_rel, counts=counts, sha256=sha256,
                       unit=entry.get("unit"), from_cache=True, seconds=time.perf_counter() - start)


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
    message; any other exception a failed outcome ``"internal error: <type>: <msg>"``.
    """
    start = time.perf_counter()
    path, out_dir = Path(path), Path(out_dir)
    name = name or safe_name(path.stem)
    outcome = Outcome(str(path), name, "failed", sha256=sha256)
    try:
        if outcome.sha256 is None:
            outcome.sha256 = file_sha256(path)
        record = (extract or _default_extract)(path, settings)
        record_rel = f"{RECORDS_DIR}/{name}.json"
        atomic_write_text(out_dir / record_rel, record.model_dump_json(indent=2) + "\n")
        outcome.status, outcome.record = "ok", record_rel
        outcome.counts = severity_counts(record.findings)
        outcome.unit = record.meta.unit_name
    except InputError as exc:
        outcome.error = _one_line(str(exc))
    except OSError as exc:
        outcome.error = _one_line(f"{path}: cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the failure is recorded
        outcome.error = _one_line(f"internal error: {type(exc).__name__}: {exc}")
    outcome.seconds = time.perf_counter() - start
    return outcome


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


# ---------------------------------------------------------------- the shared process pool

# Imported once in the forkserver, so each worker starts with them (missing ones are skipped).
POOL_PRELOAD = [
    "cchc.pipeline.batch", "cchc.api", "cchc.schemas.record", "cchc.extractors.readers",
    "cchc.extractors.readers.text", "cchc.extractors.readers.pdf", "cchc.extractors.readers.docx",
    "cchc.extractors.record", "cchc.checker",
]


def make_pool(workers: int) -> ProcessPoolExecutor:
    """The one process pool for CPU work: forkserver on Linux (never fork a threaded process), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(POOL_PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def _warm() -> int:
    import cchc.api  # noqa: F401  (spawn has no preload: import here)

    return os.getpid()


def warm_pool(pool: ProcessPoolExecutor, workers: int) -> list[Future[int]]:
    """Start every worker now (returns at once), so their start-up overlaps other start-up work."""
    return [pool.submit(_warm) for _ in range(workers)]


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
    records: Iterable[Record], batch_findings: Iterable[Finding] = (), lang: str = "vi"
) -> list[dict[str, str]]:
    """One row per finding (per-record findings, then batch findings with file ``(batch)``); ``message``
    in ``lang``."""
    rows: list[dict[str, str]] = []

    def row(file: str, unit: str | None, finding: Finding) -> dict[str, str]:
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
        }

    for record in records:
        for finding in record.findings:
            rows.append(row(record.source.file, record.meta.unit_name, finding))
    for finding in batch_findings:
        rows.append(row("(batch)", None, finding))
    return rows


def findings_csv(rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_findings_csv(path: Path, rows: Iterable[dict[str, str]]) -> Path:
    """findings.csv in UTF-8 with BOM (so Excel shows Vietnamese), CRLF rows."""
    return atomic_write_text(path, findings_csv(rows), encoding="utf-8-sig")


def source_links(out_dir: Path, records: Iterable[Record]) -> dict[str, str]:
    """Relative hrefs from the output folder to each record's source file."""
    links: dict[str, str] = {}
    base = out_dir.resolve()
    for record in records:
        target = Path(record.source.file).resolve()
        rel = os.path.relpath(target, base)
        links[record.source.file] = urllib.parse.quote(Path(rel).as_posix())
    return links


def batch_counts(outcomes: Sequence[Outcome], batch_findings: Sequence[Finding] = ()) -> dict[str, int]:
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
    }


def batch_summary(
    inputs: Sequence[str],
    outcomes: Sequence[Outcome],
    batch_findings: Sequence[Finding],
    timings: dict[str, float],
    extra_versions: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The content of batch.json."""
    return {
        "inputs": list(inputs),
        "counts": batch_counts(outcomes, batch_findings),
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
        f"- inputs: {c['inputs']} (extracted {c['extracted']}, cached {c['cached']}, failed {c['failed']})",
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


def summary_table(outcomes: Sequence[Outcome]) -> list[dict[str, Any]]:
    """One row per input for a table artifact."""
    return [
        {
            "file": Path(o.file).name,
            "unit": o.unit or "",
            "status": o.status,
            "errors": o.counts.get("error", 0),
            "warnings": o.counts.get("warning", 0),
            "infos": o.counts.get("info", 0),
            "seconds": round(o.seconds, 3),
            "message": o.error or "",
        }
        for o in outcomes
    ]


def write_reviews(
    out_dir: Path,
    records: Sequence[Record],
    batch_findings: Sequence[Finding],
    outcomes: Sequence[Outcome],
    title: str | None = None,
    stored: dict[str, tuple[int, bool]] | None = None,
    lang: str = "vi",
) -> dict[str, Path]:
    """review.html and review.md for the whole batch (via cchc.report); ``stored``: sha256 -> (version, current)."""
    from cchc.report import render_html, render_markdown

    failures = [(o.file, o.error or "") for o in outcomes if o.status == "failed"]
    links = source_links(out_dir, records)
    html = render_html(records, title=title, batch_findings=list(batch_findings), failures=failures,
                       source_links=links, stored=stored, lang=lang)
    md = render_markdown(records, title=title, batch_findings=list(batch_findings), failures=failures,
                         source_links=links, stored=stored, lang=lang)
    return {
        "html": atomic_write_text(out_dir / "review.html", html),
        "md": atomic_write_text(out_dir / "review.md", md),
    }


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """0 when every input was processed, 1 when some failed."""
    return 1 if any(o.status == "failed" for o in outcomes) else 0
