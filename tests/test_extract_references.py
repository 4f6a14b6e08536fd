"""References with Party and State numbering, and a unit named only in the title line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.references import find_references

CASES = [
    ("Thực hiện Công văn số 225-CV/ĐU ngày 12/3/2023 của Đảng ủy xã về việc", "Công văn", "225-CV/ĐU", "2023-03-12"),
    ("Chương trình số 04-CTr/ĐU ngày 05/01/2023 của Ban Chấp hành Đảng bộ xã", "Chương trình", "04-CTr/ĐU", "2023-01-05"),
    ("Kế hoạch 12-KH/ĐU ngày 1/2/2023 về", "Kế hoạch", "12-KH/ĐU", "2023-02-01"),
    ("Nghị quyết số 124/NQ-HĐND ngày 20/12/2022 của HĐND xã", "Nghị quyết", "124/NQ-HĐND", "2022-12-20"),
    ("Căn cứ Kế hoạch số 29/ KH-UBND ngày 27/12/2021 của UBND xã", "Kế hoạch", "29/KH-UBND", "2021-12-27"),
    ("Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện Tứ Kỳ", "Quyết định", "855/QĐ-UBND", "2023-03-22"),
    # a date typed with hyphens or dots (issue 11, held-out round 6)
    ("Căn cứ Quyết định số 699/QĐ-UBND ngày 10-02-2023 của UBND huyện", "Quyết định", "699/QĐ-UBND", "2023-02-10"),
    ("Kế hoạch số 45/KH-UBND ngày 26.12.2021 của UBND xã", "Kế hoạch", "45/KH-UBND", "2021-12-26"),
    # a space before the slash, the date in brackets or after "ban hành"
    ("Căn cứ Quyết định số 855 /QĐ-UBND ngày 22/4/2023 của UBND huyện", "Quyết định", "855/QĐ-UBND", "2023-04-22"),
    ("Căn cứ Quyết định số 855/QĐ-UBND (ngày 22/4/2023) của UBND huyện", "Quyết định", "855/QĐ-UBND", "2023-04-22"),
    ("Kế hoạch số 45/KH-UBND ban hành ngày 26/12/2021 của UBND xã", "Kế hoạch", "45/KH-UBND", "2021-12-26"),
]


def test_a_date_with_mixed_separators_is_no_date() -> None:
    assert all(ref.date is None for _, ref in find_references(["Kế hoạch số 45/KH-UBND ngày 26/12-2021, của UBND xã"]))


@pytest.mark.parametrize(("text", "kind", "number", "date"), CASES)
def test_reference_numbering(text: str, kind: str, number: str, date: str) -> None:
    ((_, ref),) = find_references([text])
    assert (ref.type, ref.number, ref.date) == (kind, number, date)


@pytest.mark.parametrize(
    "text", ["từ ngày 3-5/2023 đến nay", "đạt 2/5 cuộc", "Kế hoạch năm 2023", "kế hoạch 12 /15 nhiệm vụ"]
)
def test_not_references(text: str) -> None:
    assert find_references([text]) == []


def test_unit_named_only_in_the_title_and_party_style_numbers(tmp_path: Path) -> None:
    path = tmp_path / "ha-phong.txt"
    path.write_text(
        "UBND THÀNH PHỐ HẠ LONG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 228/ BC-UBND\nHạ Long, ngày 10 tháng 01 năm 2024\nBÁO CÁO\n"
        "Kết quả thực hiện công tác cải cách hành chính năm 2023 của UBND phường Hà Phong\n"
        "Căn cứ Công văn số 225-CV/ĐU ngày 12/3/2023 của Đảng ủy phường, UBND phường báo cáo như sau:\n"
        "Chỉ số CCHC năm 2023 của phường đạt 85,12/100 điểm, xếp thứ nhì trong tổng số 20 phường, xã.\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert (record.meta.unit_level, record.meta.unit_name) == ("phường", "Hà Phong")
    assert record.meta.doc_number == "228/BC-UBND" and record.meta.report_year == 2023
    assert [(r.type, r.number) for r in record.references] == [("Công văn", "225-CV/ĐU")]
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (85.12, 2, 20)
