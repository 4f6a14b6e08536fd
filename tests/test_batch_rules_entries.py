"""``check_records`` (what ``cchc ingest`` runs): the batch rules' findings from compact entries and a
lazily read batch, the same, in the same order, as the rules over light copies of every record.

The batch is the samples (a real report three times as PDF, DOCX and text: duplicates; Phú Lâm's
published ranking and the Đông Hòa report it covers: official-result findings) plus copies with changed
values written as record files, read back lazily as the flow reads them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cchc.api import extract_file
from cchc.checker import run_batch_rules
from cchc.checker.batch_rules import BatchEntry, _Origin, batch_entry, check_records
from cchc.pipeline.batch import Outcome, load_records
from cchc.schemas.record import Record, light_copy

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@cache
def sample(name: str) -> Record:
    return extract_file(SAMPLES / name)


def variant(record: Record, file: str, unit: str | None = None, **overall: object) -> Record:
    """The record as another file, with its overall values changed: a second report of the unit, or the
    report of another ``unit`` of the same district and year."""
    copy = record.model_copy(deep=True)
    copy.source.file = file
    copy.source.sha256 = file.encode().hex().ljust(64, "0")[:64]
    if unit is not None:
        copy.meta.unit_name = unit
    for name, value in overall.items():
        setattr(copy.overall, name, value)
    return copy


def batch_records() -> list[Record]:
    minh_duc = sample("minh-duc-2022.pdf")
    dong_hoa = sample("dong-hoa-2023.pdf")
    return [
        minh_duc,
        sample("phu-lam-2023-chi-so-cchc.xlsx"),
        variant(dong_hoa, "inbox/dong-hoa-v2.pdf", score=91.5, rank=6),  # duplicate, and ranked below a lower score
        sample("minh-duc-2022.docx"),
        dong_hoa,
        sample("phuoc-an-2021.docx"),
        variant(minh_duc, "inbox/minh-duc-v2.pdf", rank_total=25),
        variant(minh_duc, "inbox/van-to.pdf", "Văn Tố", score=85.2, rank=10),  # above Minh Đức's score, ranked below
        variant(minh_duc, "inbox/ha-ky.pdf", "Hà Kỳ", score=70.0, rank=20, rank_total=25),
        sample("dong-lac-2023.pdf"),
        sample("minh-duc-2022.txt"),
        variant(dong_hoa, "inbox/dong-hoa-v3.pdf", rank_total=21),
    ]


def written(tmp_path: Path, records: list[Record]) -> list[Record]:
    """The records as ``cchc ingest`` hands them to the batch rules: files read back one at a time."""
    outcomes = []
    for i, record in enumerate(records):
        rel = f"records/{i:02d}.json"
        (tmp_path / "records").mkdir(exist_ok=True)
        (tmp_path / rel).write_text(record.model_dump_json(indent=2), encoding="utf-8")
        outcomes.append(Outcome(record.source.file, f"{i:02d}", "ok", record=rel))
    return load_records(tmp_path, outcomes)  # type: ignore[return-value]


def dumped(findings: list) -> list[dict]:  # type: ignore[type-arg]
    return [f.model_dump(mode="json") for f in findings]


def test_check_records_gives_the_findings_of_every_rule_over_light_copies(tmp_path: Path) -> None:
    records = batch_records()
    before = run_batch_rules([light_copy(r) for r in records])
    after = check_records(written(tmp_path, records))
    assert dumped(after) == dumped(before)
    kinds = {f.kind for f in after}
    # the batch exercises every group of rules: entries (rank, duplicates) and published rankings
    assert {"duplicate_report", "rank_order", "rank_total_mismatch", "official_score_mismatch"} <= kinds
    assert {"report_missing", "official_rank_mismatch"} <= kinds


def test_order_is_kept_when_findings_tie_on_severity_place_and_rule(tmp_path: Path) -> None:
    # two duplicates of the same unit and year: same severity, rule, subject and place of evidence
    minh_duc = sample("minh-duc-2022.pdf")
    records = [minh_duc, variant(minh_duc, "b.pdf", score=80.0), variant(minh_duc, "c.pdf", score=81.0)]
    before = run_batch_rules([light_copy(r) for r in records])
    after = check_records(written(tmp_path, records))
    assert [f.actual for f in after] == [f.actual for f in before] == ["b.pdf", "c.pdf"]
    assert dumped(after) == dumped(before)


def test_a_batch_without_findings_and_one_without_rankings(tmp_path: Path) -> None:
    alone = [sample("dong-lac-2023.pdf"), sample("phuoc-an-2021.docx")]
    assert check_records(written(tmp_path, alone)) == [] == run_batch_rules(alone)
    assert check_records([]) == []


def test_rules_given_records_or_entries_agree() -> None:
    records = batch_records()
    entries: list[Record | BatchEntry] = [batch_entry(r) for r in records]
    for code in ("CCHC201", "CCHC202", "CCHC203"):
        assert dumped(run_batch_rules(entries, select=[code])) == dumped(run_batch_rules(records, select=[code]))  # type: ignore[arg-type]
        assert run_batch_rules(records, select=[code])  # each rule finds something in this batch


def test_an_entry_holds_values_and_reads_evidence_and_criteria_from_its_record(tmp_path: Path) -> None:
    record = sample("minh-duc-2022.pdf")
    lazy = written(tmp_path, [sample("dong-lac-2023.pdf"), record])
    entry = batch_entry(lazy[1], _Origin(lazy), 1)
    assert (entry.unit_name, entry.district, entry.report_year, entry.score) == ("Minh Đức", "Tứ Kỳ", 2022, 83.97)
    assert entry.meta_evidence == record.meta.evidence[:1] and entry.overall_evidence == record.overall.evidence
    assert [c[:2] for c in entry.criteria] == [(c.code, c.score) for c in record.criteria]
