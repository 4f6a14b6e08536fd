"""The store step of ``cchc ingest`` (plain functions): save the batch, run the cross-year rules on it,
add the store to batch.json and the cross-year findings to the record files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.errors import StoreError
from cchc.schemas.record import Finding, Record
from cchc.settings import DEFAULT_SETTINGS, Settings
from cchc.store.store import Saved, Store


@dataclass
class StoredBatch:
    """The store's part of a batch: where it went, each record's version, the cross-year findings."""

    url: str
    path: str | None
    batch_id: int
    saved: list[Saved]
    history_findings: list[Finding] = field(default_factory=list)
    history_by_record: dict[int, list[Finding]] = field(default_factory=dict)  # index in the records given

    def summary(self) -> dict[str, Any]:
        """The ``store`` section of batch.json."""
        return {
            "url": self.url,
            "path": self.path,
            "status": "ok",
            "batch_id": self.batch_id,
            "records": [s.to_dict() for s in self.saved],
            "history_findings": len(self.history_findings),
        }


def store_batch(
    url: str,
    records: Sequence[Record],
    batch_findings: Sequence[Finding],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    out_dir: str | Path | None = None,
) -> StoredBatch:
    """Save every record and the batch findings, then check each record against its unit's previous year.

    All records are saved before the rules run, so a batch holding two years of a unit checks the later
    against the earlier. The cross-year findings are stored with their record (its findings and its
    stored JSON) and returned, by record. Raises ``StoreError`` (one line naming the store and the cause)
    when the store cannot be opened or written.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from cchc.pipeline.batch import release_free_memory
    from cchc.store.database import normalize_url, redact

    try:
        with Store(url) as store:
            return _store_batch(store, records, batch_findings, settings, out_dir)
    except (SQLAlchemyError, OSError) as exc:
        try:
            shown = redact(normalize_url(url))
        except Exception:  # noqa: BLE001 - the URL was opened above; this only names it
            shown = str(url)
        cause = getattr(exc, "orig", None) or exc  # the driver's message, without SQLAlchemy's trailer
        text = " ".join(str(cause).split())[:300]
        raise StoreError(f"cannot write the store {shown}: {type(cause).__name__}: {text}") from exc
    finally:
        release_free_memory()  # the records parsed a chunk at a time: their buffers go back to the system


def _store_batch(
    store: Store,
    records: Sequence[Record],
    batch_findings: Sequence[Finding],
    settings: Settings,
    out_dir: str | Path | None,
) -> StoredBatch:
    from cchc.checker.history import run_history_rules

    rankings: dict[str, Record] = {}  # the batch's published rankings (a few), noted while the records are saved

    def note_ranking(record: Record) -> None:
        if record.document_type == "ranking" and record.ranking is not None:
            rankings.setdefault(record.source.sha256, record)

    batch_id, saved = store.save_batch(
        records, out_dir=str(out_dir) if out_dir is not None else None, seen=note_ranking
    )
    store.save_findings(batch_findings, scope="batch", batch_id=batch_id)
    history: list[Finding] = []
    by_record: dict[int, list[Finding]] = {}
    # issue 13: keep the batch's published rankings; check reports against the rankings already stored
    from cchc.store.rankings import has_rankings_besides, reconcile_with_stored, save_ranking

    for ranking in rankings.values():
        save_ranking(store, ranking, batch_id=batch_id)
    # the reconciliation reads every record twice more (from its file, for the flow's lazy records):
    # only when the store has rankings other than the batch's
    official = (
        reconcile_with_stored(store, records, batch_findings, settings)
        if has_rankings_besides(store, rankings)
        else [[] for _ in saved]
    )
    for index, (where, found) in enumerate(zip(saved, official)):
        if found:
            store.save_findings(found, scope="official", record_id=where.record_id, batch_id=batch_id)
            by_record[index] = list(found)
            history.extend(found)
    # save_batch returns each record's current flag once the whole batch is saved (a later version in the
    # same batch wins); the previous years are looked up for the whole batch in a few queries, from what
    # was saved, and a record is read again only when it has a previous year to be checked against
    for index, (where, previous) in enumerate(zip(saved, store.previous_records(saved))):
        if previous is None:
            continue
        found = run_history_rules(records[index], previous, settings)
        store.save_findings(found, scope="history", record_id=where.record_id, batch_id=batch_id)
        if found:
            by_record.setdefault(index, []).extend(found)
        history.extend(found)
    path = store.path
    return StoredBatch(store.display_url, str(path) if path else None, batch_id, saved, history, by_record)


def annotate_summary(summary: dict[str, Any], stored: StoredBatch) -> None:
    """Add the store to batch.json: its URL or path, and each outcome's version and whether it is current."""
    summary["store"] = stored.summary()
    by_sha = {s.sha256: s for s in stored.saved}
    for outcome in summary.get("outcomes", []):
        saved = by_sha.get(outcome.get("sha256") or "")
        if saved is not None:
            outcome["store_version"] = saved.version
            outcome["store_current"] = saved.is_current


def annotate_store_failure(summary: dict[str, Any], url: str, error: str) -> None:
    """batch.json when the store step failed: the store, ``status: failed`` and the one-line cause."""
    from cchc.store.database import redact

    summary["store"] = {"url": redact(url), "status": "failed", "error": error}
    summary.setdefault("errors", []).append(error)


def attach_history_findings(
    record_files: Sequence[Path], stored: StoredBatch, outcomes: Sequence[Any] = ()
) -> None:
    """Write each record's cross-year findings into its record file (``record_files[i]`` is record ``i``).

    Findings of the cross-year rules from an earlier run are replaced, so a re-run never doubles them.
    The severity counts of the outcomes whose ``record`` file is rewritten are updated.
    """
    from cchc._files import atomic_write_text
    from cchc.checker.history import HISTORY_CODES, merge_history_findings
    from cchc.pipeline.batch import severity_counts

    outcome_of: dict[str, Any] = {}
    for outcome in outcomes:
        if getattr(outcome, "record", None):
            outcome_of[Path(outcome.record).name] = outcome
    for index, path in enumerate(record_files):
        found = stored.history_by_record.get(index, [])
        outcome = outcome_of.get(path.name)
        if not found and outcome is not None and not outcome.from_cache:
            continue  # freshly extracted: no cross-year finding of an earlier run to remove
        data = json.loads(path.read_bytes())
        if not found and not any(f.get("rule") in HISTORY_CODES for f in data.get("findings") or []):
            continue
        record = Record.model_validate(data)
        record.findings = merge_history_findings(record.findings, found)
        atomic_write_text(path, record.model_dump_json(indent=2) + "\n")
        if outcome is not None:
            outcome.counts = severity_counts(record.findings)

