"""Uploads and their queue: files stored by content hash, batches run one at a time through the
Prefect flow of ``cchc ingest`` (:func:`cchc.pipeline.flow.run_ingest`) in a worker thread.

Layout under the server's data folder::

    uploads/<sha256>/<safe name>   each uploaded content once (never served back, never executed)
    uploads/.partial/              files being received; a server stopped mid-upload leaves only these
    batches/<batch id>.json        each batch's state (queued, running, done, failed) and outcomes
    runs/<batch id>/               the flow's outputs (records, batch.json, review files)

Batches still queued or running when the server stopped are queued again when it starts.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cchc._files import atomic_write_json
from cchc.pipeline.batch import safe_name
from cchc.settings import Settings

ALLOWED_SUFFIXES = (".pdf", ".docx", ".txt", ".doc", ".rtf", ".odt")
_CHUNK = 1024 * 1024


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Received:
    """One file of an upload: stored (by hash) or rejected with the reason."""

    name: str
    sha256: str | None
    path: Path | None
    error: str | None = None


def display_name(name: str | None) -> str:
    """The uploaded file's base name, made safe (no folders, separators or control characters)."""
    raw = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = raw.rpartition(".")
    if not dot:
        stem, suffix = raw, ""
    clean_suffix = safe_name(suffix)[:10].lower() if suffix else ""
    return safe_name(stem) + (f".{clean_suffix}" if clean_suffix else "")


class Uploads:
    """Files stored by content hash under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.partial = root / ".partial"
        self.partial.mkdir(parents=True, exist_ok=True)

    def receive(self, name: str | None, stream: BinaryIO, max_bytes: int) -> Received:
        """Copy ``stream`` to a partial file while hashing it, then move it to ``<sha256>/<name>``."""
        shown = display_name(name)
        suffix = Path(shown).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            return Received(shown, None, None, f"{shown}: unsupported type {suffix or '(none)'}; "
                                               f"accepted: {', '.join(ALLOWED_SUFFIXES)}")
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.partial, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        return Received(shown, None, None,
                                        f"{shown}: larger than the limit of {max_bytes:,} bytes")
                    digest.update(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            folder = self.root / sha
            folder.mkdir(exist_ok=True)
            existing = sorted(folder.iterdir())
            if existing:  # the same content uploaded before: keep its first name
                return Received(shown, sha, existing[0])
            target = folder / shown
            os.replace(tmp, target)
            os.chmod(target, 0o600)
            return Received(shown, sha, target)
        finally:
            Path(tmp).unlink(missing_ok=True)

    def path_of(self, sha256: str) -> Path | None:
        """The stored file of a content hash (None when it was not uploaded here)."""
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            return None
        folder = self.root / sha256
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        return files[0] if files else None


Progress = Callable[[dict[str, Any]], None]
Runner = Callable[[list[str], Path, Progress], dict[str, Any]]


class Jobs:
    """Batches of uploaded files, queued and run one at a time (the flow's process pool is per run)."""

    def __init__(self, data_dir: Path, db_url: str, settings: Settings, runner: Runner | None = None) -> None:
        self.uploads = Uploads(data_dir / "uploads")
        self.batches_dir = data_dir / "batches"
        self.runs_dir = data_dir / "runs"
        self.batches_dir.mkdir(parents=True, exist_ok=True)
        self.runs_dir.mkdir(parents=True, exist_ok=True)
        self.db_url = db_url
        self.settings = settings
        self.runner = runner or self._run_flow
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ batches

    def _path(self, batch_id: str) -> Path:
        return self.batches_dir / f"{batch_id}.json"

    def get(self, batch_id: str) -> dict[str, Any] | None:
        if not batch_id.isalnum():
            return None
        try:
            data: dict[str, Any] = json.loads(self._path(batch_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data

    def _save(self, batch: dict[str, Any]) -> None:
        with self._lock:
            atomic_write_json(self._path(batch["batch_id"]), batch)

    def submit(self, received: list[Received]) -> dict[str, Any]:
        """A new batch of the received files (rejected ones listed with their reason), queued."""
        batch_id = uuid.uuid4().hex
        documents = [
            {"name": r.name, "sha256": r.sha256, "status": "queued" if r.path else "rejected",
             **({"error": r.error} if r.error else {})}
            for r in received
        ]
        batch = {
            "batch_id": batch_id,
            "status": "queued" if any(r.path for r in received) else "done",
            "created_at": _now(),
            "documents": documents,
            "inputs": [str(r.path) for r in received if r.path],
            "outcomes": [],
        }
        self._save(batch)
        if batch["status"] == "queued":
            self._queue.put(batch_id)
        return batch

    def recover(self) -> list[str]:
        """Queue again the batches a stopped server left queued or running; their files are stored."""
        pending = []
        for path in sorted(self.batches_dir.glob("*.json"), key=lambda p: p.stat().st_mtime):
            batch = self.get(path.stem)
            if batch and batch.get("status") in ("queued", "running"):
                batch["status"] = "queued"
                self._save(batch)
                self._queue.put(batch["batch_id"])
                pending.append(batch["batch_id"])
        return pending

    # ------------------------------------------------------------------ the worker

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="cchc-web-jobs", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    def idle(self) -> bool:
        return self._queue.unfinished_tasks == 0

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued batch is done (for the command line and tests)."""
        done = threading.Event()

        def joiner() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=joiner, daemon=True).start()
        return done.wait(timeout)

    def _work(self) -> None:
        while True:
            batch_id = self._queue.get()
            try:
                if batch_id is None:
                    return
                self._run(batch_id)
            finally:
                self._queue.task_done()

    def _run(self, batch_id: str) -> None:
        batch = self.get(batch_id)
        if batch is None or batch.get("status") not in ("queued", "running"):
            return
        batch["status"], batch["started_at"] = "running", _now()
        for doc in batch["documents"]:
            if doc["status"] == "queued":
                doc["status"] = "running"
        self._save(batch)
        def progress(outcome: dict[str, Any]) -> None:
            """One document done: shown on the batch page while the others run."""
            for doc in batch["documents"]:
                if doc["sha256"] == outcome.get("sha256") and doc["status"] == "running":
                    _settle(doc, outcome)
            self._save(batch)

        try:
            inputs = [p for p in batch["inputs"] if Path(p).is_file()]
            summary = self.runner(inputs, self.runs_dir / batch_id, progress) if inputs else {"outcomes": []}
        except Exception as exc:  # noqa: BLE001 - the batch fails with its reason; the server goes on
            batch["status"], batch["error"] = "failed", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            for doc in batch["documents"]:
                if doc["status"] in ("running", "done"):  # read, perhaps, but not stored
                    doc["status"], doc["error"] = "failed", f"{doc['name']}: {batch['error']}"
        else:
            outcomes = summary.get("outcomes", [])
            by_sha = {o.get("sha256"): o for o in outcomes if o.get("sha256")}
            for doc in batch["documents"]:
                outcome = by_sha.get(doc["sha256"])
                if doc["status"] in ("running", "done"):  # the outcome as stored, whatever progress showed
                    _settle(doc, outcome)
            batch["outcomes"] = outcomes
            batch["counts"] = summary.get("counts")
            batch["errors"] = summary.get("errors", [])
            batch["status"] = "done"
        batch["finished_at"] = _now()
        self._save(batch)

    def _run_flow(self, inputs: list[str], out: Path, progress: Progress) -> dict[str, Any]:
        """The Prefect flow of ``cchc ingest`` on the batch's stored files, saving to the store."""
        from dataclasses import asdict

        from cchc.pipeline.flow import run_ingest

        overrides = {k: v for k, v in asdict(self.settings).items() if k != "lang"}
        result = run_ingest(inputs, out, workers=1, settings=overrides, db=self.db_url,
                            progress=lambda outcome: progress(outcome.to_dict()))
        return result.summary


def _settle(doc: dict[str, Any], outcome: dict[str, Any] | None) -> None:
    """A document's status from its outcome in the flow (done, or failed with the one-line reason)."""
    if outcome is None:
        doc["status"], doc["error"] = "failed", f"{doc['name']}: not processed"
    elif outcome.get("status") == "failed":
        doc["status"], doc["error"] = "failed", outcome.get("error")
    else:
        doc["status"] = "done"
        doc["unit"], doc["counts"] = outcome.get("unit"), outcome.get("counts")
