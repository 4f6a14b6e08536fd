"""Reports on part of a year (6 months, a quarter, 9 months) that state last year's index (issue 11, held-out
round 13): the report year is the index year; the period's own year is no mismatch with it; a third year is."""

from __future__ import annotations

from pathlib import Path

import docx

from cchc.api import extract_file

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ BÌNH LỘC",
    "Số: 31/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Bình Lộc, ngày 18 tháng 6 năm 2024",
    "BÁO CÁO",
]
TITLE = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024 và kết quả Chỉ số cải cách hành chính năm 2023 của xã Bình Lộc"
OPENING = (
    "Trong 6 tháng đầu năm 2024, Bộ phận tiếp nhận và trả kết quả của xã đã giải quyết 412 hồ sơ TTHC. "
    "Kết quả Chỉ số CCHC năm 2023 của xã được UBND huyện công bố như sau:"
)
HEADING = "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023"
OVERALL = "Kết quả Chỉ số CCHC năm 2023 của UBND xã Bình Lộc đạt 88,50/100 điểm, tỷ lệ 88,50%, đứng thứ 5 trong số 17 đơn vị."
CLOSING = (
    "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024 và kết quả "
    "Chỉ số CCHC năm 2023 của UBND xã Bình Lộc./."
)


def _txt(tmp_path: Path, lines: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return extract_file(path)


def _year_mismatches(record) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    return [(f.subject, f.expected, f.actual) for f in record.findings if f.kind == "year_mismatch"]


def test_a_half_year_report_is_on_the_index_year_and_its_period_year_is_no_mismatch(tmp_path: Path) -> None:
    r = _txt(tmp_path, [*HEADER, TITLE, OPENING, HEADING, OVERALL, CLOSING])
    assert r.meta.report_year == 2023
    assert {(y.role, y.year) for y in r.years} == {("title", 2023), ("body", 2023), ("closing", 2023)}
    assert _year_mismatches(r) == []
    # the same report without its period: nothing changes in what is compared
    annual = TITLE.replace(" 6 tháng đầu năm 2024 và kết quả", " và kết quả")
    r = _txt(tmp_path, [*HEADER, annual, OPENING, HEADING, OVERALL, CLOSING.replace(" 6 tháng đầu năm 2024 và kết quả", "")])
    assert r.meta.report_year == 2023 and _year_mismatches(r) == []


def test_a_closing_naming_a_third_index_year_is_a_mismatch(tmp_path: Path) -> None:
    quarter_title = TITLE.replace("6 tháng đầu năm 2024", "quý I năm 2024")
    closing = CLOSING.replace("6 tháng đầu năm 2024", "quý I năm 2024").replace("Chỉ số CCHC năm 2023", "Chỉ số CCHC năm 2021")
    r = _txt(tmp_path, [*HEADER, quarter_title, OPENING, HEADING, OVERALL, closing])
    assert r.meta.report_year == 2023
    assert _year_mismatches(r) == [("closing", 2023, 2021)]


def test_a_results_heading_naming_another_year_than_the_index_is_a_mismatch(tmp_path: Path) -> None:
    nine_months = [
        "Kết quả thực hiện công tác cải cách hành chính 9 tháng đầu năm 2025 và kết quả Chỉ số cải cách hành chính năm 2024 của xã Bình Lộc",
        OPENING.replace("6 tháng đầu năm 2024", "9 tháng đầu năm 2025").replace("năm 2023", "năm 2024"),
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023",
        OVERALL.replace("năm 2023", "năm 2024"),
        CLOSING.replace("6 tháng đầu năm 2024", "9 tháng đầu năm 2025").replace("năm 2023", "năm 2024"),
    ]
    r = _txt(tmp_path, [*HEADER, *nine_months])
    assert r.meta.report_year == 2024
    assert _year_mismatches(r) == [("body", 2024, 2023)]


def test_a_period_only_report_keeps_comparing_its_period_years(tmp_path: Path) -> None:
    # no index year anywhere: the report's year is the period's, and the statements of the period are compared
    title = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024 của xã Bình Lộc"
    opening = "UBND xã Bình Lộc báo cáo kết quả thực hiện công tác CCHC 6 tháng đầu năm 2024 như sau:"
    closing = "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023 của UBND xã Bình Lộc./."
    r = _txt(tmp_path, [*HEADER, title, opening, "I. KẾT QUẢ THỰC HIỆN", closing])
    assert r.meta.report_year == 2024
    assert _year_mismatches(r) == [("closing", 2024, 2023)]


def test_a_body_sentence_on_the_period_alone_is_not_compared_with_the_index_year(tmp_path: Path) -> None:
    period_opening = "UBND xã Bình Lộc báo cáo kết quả thực hiện công tác CCHC 6 tháng đầu năm 2024 như sau:"
    r = _txt(tmp_path, [*HEADER, TITLE, period_opening, HEADING, OVERALL, CLOSING])
    assert r.meta.report_year == 2023 and _year_mismatches(r) == []
    # a date ("ngày 15 tháng 3 năm 2024") is no period: an opening naming it beside "kết quả CCHC" still counts
    dated = "UBND xã Bình Lộc báo cáo kết quả CCHC đến ngày 15 tháng 3 năm 2024 như sau:"
    r = _txt(tmp_path, [*HEADER, TITLE, dated, HEADING, OVERALL, CLOSING])
    assert ("body", 2023, 2024) in _year_mismatches(r)


def test_a_title_typed_as_two_paragraphs_gives_the_index_year_of_its_second(tmp_path: Path) -> None:
    document = docx.Document()
    for text in [
        *HEADER,
        "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024",
        "và kết quả Chỉ số cải cách hành chính năm 2023 của xã Bình Lộc",
        OPENING,
        HEADING,
        OVERALL,
        CLOSING,
    ]:
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(str(path))
    r = extract_file(path)
    assert r.meta.report_year == 2023
    assert _year_mismatches(r) == []
    # a second paragraph that is a new sentence (capital) is not the title's: the title stays on its period
    document = docx.Document()
    for text in [*HEADER, "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024", "Căn cứ Kế hoạch số 12/KH-UBND;"]:
        document.add_paragraph(text)
    document.save(str(path))
    assert extract_file(path).meta.report_year == 2024


def test_a_title_run_into_the_opening_grounds_ends_before_them(tmp_path: Path) -> None:
    # a scan's title line joined with the opening's first line: the unit is "Bình Lộc", not "Bình Lộc Căn"
    header = [line for line in HEADER if line != "XÃ BÌNH LỘC"]
    joined = TITLE + " Căn cứ Kế hoạch số 30/KH-UBND ngày 20/12/2023 của UBND xã Bình Lộc về cải cách hành chính năm 2024;"
    r = _txt(tmp_path, [*header, joined, OPENING, HEADING, OVERALL, CLOSING])
    assert r.meta.unit_name == "Bình Lộc" and r.meta.title == TITLE
    # a title of its own, no grounds in it: unchanged
    r = _txt(tmp_path, [*header, TITLE, "Căn cứ Kế hoạch số 30/KH-UBND ngày 20/12/2023;", OPENING, HEADING, OVERALL, CLOSING])
    assert r.meta.unit_name == "Bình Lộc" and r.meta.title == TITLE
    # grounds run into a title that does not name the unit: the unit is read from the grounds, the title ends before
    annual = "Kết quả thực hiện công tác cải cách hành chính năm 2023"
    grounds = " Căn cứ Kế hoạch số 30/KH-UBND ngày 20/12/2022 của UBND xã Bình Lộc về cải cách hành chính năm 2023;"
    r = _txt(tmp_path, [*header, annual + grounds, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023", OVERALL])
    assert r.meta.unit_name == "Bình Lộc" and r.meta.title == annual
