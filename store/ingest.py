"""What ``cchc ingest`` does with the store: save the batch, run the cross-year rules (plain functions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

    def summary(self) -> dict[str, Any]:
        """The ``store`` section of batch.json."""
        return {
            "url": self.url,
            "path": self.path,
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
    against the earlier. The cross-year findings are stored with their record and returned.
    """
    from cchc.checker.history import run_history_rules

    with Store(url) as store:
        batch_id = store.start_batch(str(out_dir) if out_dir is not None else None, len(records))
        saved = [store.save_record(record, batch_id=batch_id) for record in records]
        store.save_findings(batch_findings, scope="batch", batch_id=batch_id)
        history: list[Finding] = []
        for record, where in zip(records, saved):
            meta = record.meta
            if not meta.unit_name or meta.report_year is None:
                continue
            previous = store.previous_record(
                meta.unit_name, meta.unit_level, meta.district, meta.report_year - 1
            )
            if previous is None:
                continue
            found = run_history_rules(record, previous, settings)
            store.save_findings(found, scope="history", record_id=where.record_id, batch_id=batch_id)
            history.extend(found)
        path = store.path
        return StoredBatch(store.display_url, str(path) if path else None, batch_id, saved, history)


def annotate_summary(summary: dict[str, Any], stored: StoredBatch) -> None:
    """Add the store to batch.json: its URL or path, and each outcome's version and whether it is current."""
    summary["store"] = stored.summary()
    by_sha = {s.sha256: s for s in stored.saved}
    for outcome in summary.get("outcomes", []):
        saved = by_sha.get(outcome.get("sha256") or "")
        if saved is not None:
            outcome["store_version"] = saved.version
            outcome["store_current"] = saved.is_current
