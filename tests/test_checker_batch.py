"""Batch rules over records of one batch built in the test: rank order, rank totals, duplicates."""

from __future__ import annotations

from typing import Any

from cchc.checker import run_batch_rules, run_rules
from cchc.schemas.record import Criterion, Evidence, Finding, Meta, Overall, Record, Source
from cchc.settings import DEFAULT_SETTINGS


def unit(
    name: str,
    score: float | None,
    rank: int | None,
    total: int | None = 23,
    *,
    district: str | None = "Tứ Kỳ",
    year: int | None = 2022,
    file: str | None = None,
    sha: str | None = None,
    **meta: Any,
) -> Record:
    file = file or f"{name.lower().replace(' ', '-')}-{year}.pdf"
    statement = f"UBND xã {name} được chấm {score}/100 điểm, xếp thứ {rank}/{total} xã, thị trấn"
    return Record(
        source=Source(file=file, sha256=sha or file.ljust(64, "0")[:64], format="pdf"),
        meta=Meta(
            unit_name=name,
            unit_level="xã",
            district=district,
            report_year=year,
            evidence=[Evidence(page=1, line=2, text=f"XÃ {name.upper()}")],
            **meta,
        ),
        overall=Overall(
            score=score,
            max_score=100,
            rank=rank,
            rank_total=total,
            evidence=[Evidence(page=1, line=20, text=statement)],
        ),
        criteria=[Criterion(code="1", title="Công tác chỉ đạo, điều hành", score=12.7, max_score=15)],
    )


def batch(*records: Record, select: str | None = None) -> list[Finding]:
    return run_batch_rules(list(records), DEFAULT_SETTINGS, select=[select] if select else None)


def test_consistent_batch_has_no_findings() -> None:
    records = [unit("Minh Đức", 83.97, 8), unit("Văn Tố", 86.1, 3), unit("Hà Kỳ", 83.97, 9), unit("Tân Kỳ", 70, 20)]
    assert batch(*records) == []  # 83,97 twice ranked 8 and 9: a tie may go either way


def test_rank_order_higher_score_ranked_below() -> None:
    found = batch(unit("Minh Đức", 83.97, 8), unit("Văn Tố", 85.2, 10), unit("Hà Kỳ", 90, 1))
    [f] = found
    assert (f.kind, f.rule, f.severity, f.subject) == ("rank_order", "CCHC201", "warning", "xã Văn Tố / xã Minh Đức")
    assert f.message == (
        "Điểm tổng hợp năm 2022: xã Văn Tố đạt 85,2 điểm xếp thứ 10 nhưng xã Minh Đức đạt 83,97 điểm xếp thứ 8"
    )
    assert [ev.text.split(" được")[0] for ev in f.evidence] == ["UBND xã Văn Tố", "UBND xã Minh Đức"]
    assert (f.expected, f.actual) == ("< 8", 10)


def test_rank_rules_compare_only_within_district_and_year() -> None:
    other_district = unit("Văn Tố", 85.2, 10, 25, district="Gia Lộc")
    other_year = unit("Hà Kỳ", 90, 12, 25, year=2021)
    no_district = unit("Tân Kỳ", 95, 15, 30, district=None)
    assert batch(unit("Minh Đức", 83.97, 8), other_district, other_year, no_district) == []


def test_rank_total_mismatch_names_the_odd_unit() -> None:
    records = [unit("Minh Đức", 83.97, 8, 23), unit("Văn Tố", 86.1, 3, 23), unit("Hà Kỳ", 80, 12, 25)]
    [f] = batch(*records, select="rank_total_mismatch")
    assert (f.subject, f.expected, f.actual) == ("xã Hà Kỳ", 23, 25)
    assert f.message == "xã Hà Kỳ ghi xếp thứ 12/25 nhưng xã Minh Đức và xã Văn Tố ghi tổng 23 đơn vị (huyện Tứ Kỳ, năm 2022)"
    assert len(f.evidence) == 2


def test_rank_total_mismatch_without_majority_lists_both() -> None:
    [f] = batch(unit("Minh Đức", 83.97, 8, 23), unit("Văn Tố", 86.1, 3, 25), select="rank_total_mismatch")
    assert f.subject == "xã Minh Đức, xã Văn Tố" and f.actual == "23, 25"
    assert "23: xã Minh Đức; 25: xã Văn Tố" in f.message


def test_duplicate_identical_is_info_and_different_is_warning() -> None:
    a = unit("Minh Đức", 83.97, 8, file="inbox/minh-duc.pdf", doc_number="29/BC-UBND")
    same = unit("Minh Đức", 83.97, 8, file="inbox/minh-duc-copy.docx", doc_number="29/BC-UBND")
    changed = unit("Minh Đức", 84.5, 7, file="inbox/minh-duc-v2.pdf", doc_number="29/BC-UBND")
    found = batch(a, same, changed, select="duplicate_report")
    assert [(f.severity, f.actual) for f in found] == [("warning", "inbox/minh-duc-v2.pdf"), ("info", "inbox/minh-duc-copy.docx")]
    assert found[0].message == (
        "xã Minh Đức năm 2022 có hai báo cáo khác nhau (83,97 ≠ 84,5; 8/23 ≠ 7/23): "
        "inbox/minh-duc.pdf, inbox/minh-duc-v2.pdf"
    )
    # The same commune name in another district or another year is not a duplicate.
    assert batch(a, unit("Minh Đức", 70, 3, district="Gia Lộc"), unit("Minh Đức", 80, 5, year=2021)) == []


def test_duplicates_do_not_also_count_as_rank_conflicts() -> None:
    a = unit("Minh Đức", 83.97, 8)
    b = unit("Minh Đức", 84.5, 9, file="minh-duc-v2.pdf")
    assert [f.kind for f in batch(a, b, unit("Văn Tố", 84, 8))] == ["duplicate_report"]


def test_batch_rules_are_not_run_per_record() -> None:
    assert {f.kind for f in run_rules(unit("Minh Đức", 83.97, 8, 7))} == {"rank_out_of_range"}
