"""Rules on the reading of a document: malformed numbers, no scores, unplaced statements (CCHC112-CCHC114)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, copy_evidence, rule
from cchc.checker.rules._common import _at
from cchc.extractors.numbers_ocr import OCR_MISREAD_REASON
from cchc.schemas.record import Evidence, Record

# --------------------------------------------------------------------------- CCHC112 malformed_number


def _same_place(a: Evidence, b: Evidence) -> bool:
    if (a.page, a.line, a.paragraph, a.table) == (None, None, None, None):
        return False
    if a.block is not None and b.block is not None and a.block != b.block:
        return False  # one paragraph of a converted document holds many blocks (held-out round 15)
    return (a.page, a.line, a.paragraph, a.table) == (b.page, b.line, b.paragraph, b.table)


def _score_pair(value: str) -> tuple[float, float | None] | None:
    """(score, maximum) of a repair's reading as printed by the extractor ("9,5/11"); of a percent's reading
    ("97,37%"), (the percent, None)."""
    if value.endswith("%"):
        try:
            return (float(value[:-1].replace(",", ".")), None)
        except ValueError:
            return None
    parts = value.split("/")
    try:
        return (float(parts[0].replace(",", ".")), float(parts[1].replace(",", "."))) if len(parts) == 2 else None
    except ValueError:
        return None


def _statement_owner(record: Record, evidence: Sequence[Evidence], value: str = "") -> str | None:
    """Code of the criterion or indicator stated at the same place as ``evidence``; when several are (criteria
    in the clauses of one paragraph), the one whose score and maximum (or percent) are the repaired reading ``value``."""
    percent = value.endswith("%")
    owners: list[tuple[str | None, Sequence[Evidence], tuple[float | None, float | None]]] = [
        (c.code, c.evidence, (c.percent, None) if percent else (c.score, c.max_score)) for c in record.criteria
    ]
    owners += [(i.code, i.evidence, (i.score, i.max_score)) for i in record.indicators]
    here: list[tuple[str, tuple[float | None, float | None]]] = [
        (code, pair) for code, statements, pair in owners
        if code and any(_same_place(a, b) for a in evidence for b in statements)
    ]
    read = _score_pair(value)
    if not here and percent:  # a percent in a sentence of its own ("Tỷ lệ 91, 67%."), after its score's block
        here = [(code, pair) for code, _, pair in owners if code and read is not None and tuple(pair) == read][:1]
    same_value = [code for code, pair in here if read is not None and pair == read]
    candidates = same_value or [code for code, _ in here]
    return candidates[0] if candidates else None


@rule(
    "CCHC112",
    "malformed_number",
    "warning",
    "Số in sai định dạng, phải sửa mới đọc được",
    "A number that needed repair to be read",
)
def malformed_number(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """One finding per number the extractor had to repair ("8,97/,11,5"). A digit OCR misread on a scanned
    page, restored by the printed percent, is no fault of the report: that finding is info."""
    ocr_pages = set(record.source.ocr_pages)
    for r in record.repairs:
        misread = r.reason.startswith(OCR_MISREAD_REASON) and any(ev.page in ocr_pages for ev in r.evidence)
        what_vi, what_en = ("Số OCR đọc nhầm", "Number OCR misread") if misread else ("Số in sai định dạng", "Malformed number")
        scan_vi, scan_en = (": xem lại bản quét", ": check the scan") if misread else ("", "")
        yield Hit(
            severity="info" if misread else None,
            subject=_statement_owner(record, r.evidence, r.value) or r.original,
            message=f"{what_vi} {m.quote(r.original)}, đọc là {m.quote(r.value)} ({r.reason}{scan_vi})",
            message_en=f"{what_en} {m.quote(r.original)} read as {m.quote(r.value)} ({r.reason}{scan_en})",
            expected=r.value,
            actual=r.original,
            evidence=r.evidence,
        )


# --------------------------------------------------------------------------- CCHC113 not_scored_report


@rule(
    "CCHC113",
    "not_scored_report",
    "warning",
    "Văn bản không phải báo cáo có chấm điểm",
    "Document is not a scored report",
)
def not_scored_report(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A plan or a letter: no overall score and no scored criteria."""
    if record.is_scored_report or record.document_type == "ranking":  # a ranking is checked by checker/official.py
        return
    title = record.meta.title or record.source.file
    yield Hit(
        subject=m.short(title),
        message=f"Văn bản {m.quote(title, 60)} không có điểm tổng hợp hay điểm tiêu chí (kế hoạch, công văn?)",
        message_en=f"Document {m.quote(title, 60)} has no overall or criterion scores (a plan or a letter?)",
        expected=None,  # the message says it all; no value to compare
        actual=None,
        evidence=copy_evidence(record.meta.evidence[:1]),
    )


# --------------------------------------------------------------------------- CCHC114 unplaced_statement


@rule(
    "CCHC114",
    "unplaced_statement",
    "info",
    "Điểm số đọc được nhưng không gắn được vào tiêu chí, chỉ số hay tổng điểm",
    "A score read but placed under no criterion, indicator or total",
)
def unplaced_statement(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Every score the extractor read and could not place: a reviewer sees it rather than nothing."""
    for u in record.unplaced:
        yield Hit(
            subject=u.text,
            message=f"Điểm {m.quote(u.text)}{_at(u.evidence, 'vi')} không gắn được vào tiêu chí, chỉ số hay tổng điểm nào",
            message_en=f"Score {m.quote(u.text)}{_at(u.evidence, 'en')} placed under no criterion, indicator or total",
            expected=None,
            actual=u.text,
            evidence=copy_evidence(u.evidence),
        )
