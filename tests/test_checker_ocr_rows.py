"""missing_criterion on a scanned report: rows an OCR'd table lost are no criteria the report left out (issue 11,
held-out round 12's tan-lien-2023 scan: five rows of ten lost to cells read out of order)."""

from __future__ import annotations

from cchc.schemas.record import Criterion, Evidence, Record, Source
from tests.test_checker import FRAMEWORK, check, ten_criteria


def _scanned(criteria: list[Criterion], ocr_pages: list[int]) -> Record:
    on_page = [c.model_copy(update={"evidence": [Evidence(page=1, line=20 + k, text=c.evidence[0].text)]})
               for k, c in enumerate(criteria)]
    source = Source(file="scan.pdf", sha256="0" * 64, format="pdf", ocr=bool(ocr_pages), ocr_pages=ocr_pages)
    return Record(source=source, criteria=on_page, is_scored_report=True)


def test_several_criteria_missing_from_an_ocr_table_are_info() -> None:
    kept = [c for c in ten_criteria() if c.code not in ("2", "4", "6", "8")]
    found = check(_scanned(kept, [1]), "missing_criterion", framework=FRAMEWORK)
    assert [(f.subject, f.severity) for f in found] == [(code, "info") for code in ("2", "4", "6", "8")]
    assert all("OCR" in f.message_en for f in found)


def test_one_criterion_missing_from_an_ocr_table_and_any_from_a_text_layer_stay_warnings() -> None:
    one = [c for c in ten_criteria() if c.code != "8"]
    [f] = check(_scanned(one, [1]), "missing_criterion", framework=FRAMEWORK)
    assert (f.subject, f.severity) == ("8", "warning")
    several = [c for c in ten_criteria() if c.code not in ("2", "4")]
    assert {f.severity for f in check(_scanned(several, []), "missing_criterion", framework=FRAMEWORK)} == {"warning"}
