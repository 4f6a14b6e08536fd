"""conflicting_values beyond the sample: the same population stated with two wholes, and pairs that differ.

Each statement is read by the extractor from a sentence as a report prints it, then compared by the
checker; the negative pairs sit beside the positives so that precision is measured, not hoped for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.checker.rules import same_quantity
from cchc.extractors.quantities import find_quantities
from cchc.schemas.record import Quantity


def stated(sentence: str) -> Quantity:
    """The one ratio of ``sentence``, as the extractor reads it."""
    (q,) = find_quantities(sentence)
    return Quantity(
        label=q.label, numerator=q.numerator, denominator=q.denominator, percent=q.percent, unit=q.unit, sentence=q.sentence
    )


# the same population (counted noun, stage, scope, period) stated twice
SAME = [
    (  # issue 11: "hồ sơ TTHC" is records (hồ sơ), on both sides
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
        "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến có 727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm.",
    ),
    (
        "Số công chức đạt chuẩn là 8/10 công chức.",
        "Công chức đạt chuẩn theo quy định: 8/11.",
    ),
    (
        "Hộ nghèo thôn Mép còn 12/150 hộ.",
        "Số hộ nghèo thôn Mép là 12/160 hộ.",
    ),
]
# different populations that must never be compared
DIFFERENT = [
    (  # received vs resolved
        "Tỷ lệ hồ sơ TTHC tiếp nhận đúng hạn: 1.040/1.040.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
    ),
    (  # staff (civil servants) vs cadres
        "Số công chức đạt chuẩn là 8/10 công chức.",
        "Số cán bộ đạt chuẩn là 7/9 cán bộ.",
    ),
    (  # the whole staff vs the civil servants alone
        "Tổng số cán bộ, công chức đạt chuẩn là 17/19.",
        "Số công chức đạt chuẩn là 8/10 công chức.",
    ),
    (  # one village vs the commune
        "Hộ nghèo thôn Mép còn 12/150 hộ.",
        "Hộ nghèo toàn xã còn 40/1.200 hộ.",
    ),
    (  # records vs procedures
        "Có 17/120 TTHC được thực hiện liên thông.",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.",
    ),
    (  # online records are a part of all records ("được tiếp nhận trực tuyến: a/b" is online over all
        # received, so the online records' own whole is named: "300 hồ sơ trực tuyến, trong đó …")
        "Trong năm tiếp nhận 300 hồ sơ trực tuyến, trong đó 290 hồ sơ giải quyết đúng hạn.",
        "Tỷ lệ hồ sơ TTHC được tiếp nhận: 1.000/1.040.",
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_population(a: str, b: str) -> None:
    assert same_quantity(stated(a), stated(b), 2023) is not None
    assert same_quantity(stated(b), stated(a), 2023) is not None


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_populations(a: str, b: str) -> None:
    assert same_quantity(stated(a), stated(b), 2023) is None
    assert same_quantity(stated(b), stated(a), 2023) is None


def _report(tmp_path: Path, second: str) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/BC-UBND\nAn Bình, ngày 10 tháng 01 năm 2024\nBÁO CÁO\n"
        "Kết quả công tác cải cách hành chính năm 2023\n"
        "I. KẾT QUẢ THỰC HIỆN\n"
        "3. Cải cách thủ tục hành chính: 15/17 điểm, tỷ lệ 88,24%.\n"
        "- Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899, đạt 100%.\n"
        f"7. Chính quyền điện tử, chính quyền số: 11/13 điểm, tỷ lệ 84,62%.\n- {second}\n",
        encoding="utf-8",
    )
    return path


def test_two_totals_of_the_records_resolved_in_the_year_are_flagged(tmp_path: Path) -> None:
    record = extract_file(
        _report(tmp_path, "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến có 727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm.")
    )
    [found] = [f for f in record.findings if f.kind == "conflicting_values"]
    assert (found.severity, found.expected, found.actual) == ("warning", "899/899", "727/1039")
    assert found.evidence[0].text.startswith("- Tỷ lệ hồ sơ TTHC giải quyết đúng hạn")
    assert "1.039" in found.evidence[1].text  # both sentences quoted


def test_received_records_are_not_the_resolved_ones(tmp_path: Path) -> None:
    record = extract_file(_report(tmp_path, "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 727/1.039 tổng số hồ sơ tiếp nhận."))
    assert [f for f in record.findings if f.kind == "conflicting_values"] == []


def test_a_records_tables_total_is_compared_with_the_prose(tmp_path: Path) -> None:
    import docx

    def report(online: str) -> Path:
        document = docx.Document()
        for line in ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/BC-UBND", "An Bình, ngày 10 tháng 01 năm 2024", "BÁO CÁO",
                     "Kết quả công tác cải cách hành chính năm 2023", "I. KẾT QUẢ THỰC HIỆN",
                     "3. Cải cách thủ tục hành chính: 15/17 điểm, tỷ lệ 88,24%.",
                     "- Kết quả tiếp nhận, giải quyết hồ sơ TTHC năm 2023:"):
            document.add_paragraph(line)
        table = document.add_table(rows=2, cols=4)
        for k, (head, cell) in enumerate(zip(("Số hồ sơ tiếp nhận", "Đã giải quyết", "Giải quyết đúng hạn",
                                              "Tỷ lệ đúng hạn (%)"), ("1.245", "1.230", "1.221", "98,27"), strict=True)):
            table.cell(0, k).text, table.cell(1, k).text = head, cell
        document.add_paragraph("7. Chính quyền điện tử, chính quyền số: 11/13 điểm, tỷ lệ 84,62%.")
        document.add_paragraph(f"+ Tỷ lệ hồ sơ TTHC được xử lý trực tuyến: có {online} tổng số hồ sơ TTHC được giải "
                               "quyết trong năm.")
        path = tmp_path / "table.docx"
        document.save(str(path))
        return path

    record = extract_file(report("800/1.300"))  # 1.230 resolved in the table, 1.300 in the prose
    [found] = [f for f in record.findings if f.kind == "conflicting_values"]
    assert (found.expected, found.actual) == ("1221/1230", "800/1300")
    [pct] = [f for f in record.findings if f.kind == "percent_mismatch"]  # 1.221/1.230 is 99,27%, printed 98,27
    assert (pct.expected, pct.actual) == (99.27, 98.27)
    record = extract_file(report("800/1.230"))  # the same total: nothing to flag between them
    assert [f for f in record.findings if f.kind == "conflicting_values"] == []
