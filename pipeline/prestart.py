"""Work an ingest run does before its flow starts, while the Prefect server boots (seconds): the previous
run's manifest removed, every input hashed and looked up in the content cache, and, while the server is
still not answering, the first missing documents extracted on the pool. The flow then takes these
outcomes as they are (:func:`cchc.pipeline.flow.run_ingest`, ``prepared=``) instead of doing the work
again, so a batch starts working at once and the wait for Prefect is hidden.

No Prefect here: this runs before Prefect is imported, or meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.pipeline import batch
from cchc.pipeline.batch import Outcome


@dataclass
class Prepared:
    """Per input path (``str``): its output name, content hash ("" when unreadable), and the outcome
    when it is known already: a cache hit, or a document extracted before the flow started."""

    out_dir: Path
    cache: batch.Cache
    names: dict[str, str] = field(default_factory=dict)
    shas: dict[str, str] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    def missing(self) -> list[tuple[str, str, str | None]]:
        """(path, name, sha256) of the readable inputs without an outcome yet, in input order."""
        return [(p, self.names[p], sha) for p, sha in self.shas.items() if sha and p not in self.outcomes]

    def known(self, path: Path, name: str) -> tuple[str, Outcome | None] | None:
        """(sha256, outcome or None) as prepared for this input under this name; None if not prepared."""
        key = str(path)
        if self.names.get(key) != name:
            return None
        return self.shas[key], self.outcomes.get(key)


def clear_previous_run(out_dir: Path) -> None:
    """batch.json is the manifest of a complete run: the previous one goes before anything is rewritten."""
    try:
        (out_dir / "batch.json").unlink(missing_ok=True)
        (out_dir / batch.CACHE_DIR / "index.json").unlink(missing_ok=True)  # the old one-file cache, unused
        batch.remove_stale_tmp_files(out_dir)
    except OSError as exc:
        raise batch.output_error(exc, out_dir) from None


def prepare(paths: list[Path], out_dir: Path) -> Prepared:
    """Hash every input and look it up in the cache of ``out_dir`` (after removing the old batch.json)."""
    clear_previous_run(out_dir)
    prepared = Prepared(out_dir, batch.Cache.load(out_dir))
    for path, name in zip(paths, batch.output_names(paths)):
        key = str(path)
        prepared.names[key] = name
        try:
            prepared.shas[key] = batch.file_sha256(path)
        except OSError:
            prepared.shas[key] = ""  # the flow's process step turns the read error into a failure
            continue
        hit = prepared.cache.lookup(path, name, prepared.shas[key])
        if hit is not None:
            prepared.outcomes[key] = hit
    return prepared


def extract_while(waiting: Callable[[], bool], prepared: Prepared, pool: Any, workers: int,
                  settings: dict[str, Any]) -> int:
    """Extract missing documents on ``pool``, ``workers`` at a time, while ``waiting()`` is true; each
    outcome is kept in the cache as it finishes. Returns how many were extracted.

    A round already started is finished (a document or so per worker), so the flow starts at most that
    much later than the server is ready.
    """
    from cchc.settings import DEFAULT_SETTINGS

    cfg = DEFAULT_SETTINGS.with_overrides(**settings)
    todo = prepared.missing()
    done = 0
    while todo and waiting():
        chunk, todo = todo[:workers], todo[workers:]
        for outcome in batch.process_on_pool(pool, chunk, str(prepared.out_dir), cfg,
                                             report=prepared.cache.remember):
            prepared.outcomes[outcome.file] = outcome
            done += 1
    return done
