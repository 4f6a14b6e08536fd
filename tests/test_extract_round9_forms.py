"""Forms of criteria and indicators that the held-out round 9 showed (issue 11), in fixtures written here.

Each value asserted was read from the fixture's own sentence or cell, not from the code's output; each form
has a negative beside it (what must not be read as the form).
"""

from __future__ import annotations

from pathlib import Path

import docx

from cchc.api import extract_file
from cchc.extractors.framework import generic_framework
from cchc.extractors.scores import find_scores
from cchc.extractors.statements import label_numbering, list_parent_named

HEADER = """ỦY BAN NHÂN DÂN
XÃ AN KHÁNH
Số: 02/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Khánh, ngày 11 tháng 01 năm 2023
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2022
"""
OVERALL = "Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 86,50/100 điểm, tỷ lệ 86,50%, xếp thứ 5/19 xã, thị trấn.\n"
CLOSING = "\nTrên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2022 của UBND xã An Khánh./.\n"


def _record(tmp_path: Path, body: str, overall: str = OVERALL):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(HEADER + overall + body + CLOSING, encoding="utf-8")
    return extract_file(path)


def _criteria(record) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {c.code: (c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in record.criteria}


def _kinds(record) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(f.kind, f.subject) for f in record.findings if f.severity != "info"}


# --- a score stated over two sentences, or after "Điểm chuẩn" ---------------------------------------------


def test_the_score_first_and_its_maximum_in_the_next_sentence() -> None:
    found = find_scores("Tổng điểm tiêu chí này là 12,5. Điểm tối đa là 15 điểm, tỷ lệ đạt 83,33%.")
    assert [(s.score.value, s.max.value) for s in found] == [(12.5, 15.0)]
    # a heading run into its statement, as a text reader re-flows them
    found = find_scores("1. Công tác chỉ đạo, điều hành CCHC Tổng điểm tiêu chí này là 11. Điểm tối đa là 13 điểm.")
    assert [(s.score.value, s.max.value, s.text[:9]) for s in found] == [(11.0, 13.0, "Tổng điểm")]
    # the same with other labels: "Điểm đạt được: …; điểm tối đa của lĩnh vực: …", "đạt … điểm, điểm tối đa …"
    found = find_scores("Điểm đạt được: 12,5 điểm; điểm tối đa của lĩnh vực: 15 điểm.")
    assert [(s.score.value, s.max.value) for s in found] == [(12.5, 15.0)]
    found = find_scores("Lĩnh vực này đạt 9,5 điểm, điểm tối đa 11 điểm.")
    assert [(s.score.value, s.max.value) for s in found] == [(9.5, 11.0)]
    # a count before a maximum is no score, nor a self-assessed score alone
    assert find_scores("Tổng số hồ sơ là 120. Điểm tối đa là 15 điểm.") == []
    assert find_scores("(Điểm xã tự đánh giá: 11 điểm.)") == []


def test_diem_chuan_after_a_heading_on_the_same_line() -> None:
    found = find_scores("2. Cải cách thể chế Điểm chuẩn: 5 điểm; điểm đạt: 4 điểm; tỷ lệ 80%.")
    assert [(s.score.value, s.max.value) for s in found] == [(4.0, 5.0)]
    # "điểm chuẩn" inside a sentence, lower case, is no label
    assert find_scores("Xã đạt điểm chuẩn 5 điểm theo quy định, đạt 4 điểm") == []


def test_criteria_headed_then_scored_over_two_sentences_or_after_diem_chuan(tmp_path: Path) -> None:
    body = """I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022
1. Công tác chỉ đạo, điều hành CCHC
Tổng điểm tiêu chí này là 11. Điểm tối đa là 13 điểm, tỷ lệ đạt 85%. Xếp thứ
20/25 nhóm hạng các xã, thị trấn, tăng 1 bậc so với năm 2021.

2. Cải cách thể chế
Điểm chuẩn: 5 điểm; điểm đạt: 4,5 điểm; tỷ lệ 90,00%. (Điểm xã tự đánh giá: 4,75 điểm.)

3. Cải cách thủ tục hành chính
Điểm chuẩn: 20 điểm; điểm đạt: 17,5 điểm; tỷ lệ 87,50%.
"""
    r = _record(tmp_path, body)
    assert _criteria(r) == {
        "1": (11.0, 13.0, 85.0, 20, 25),
        "2": (4.5, 5.0, 90.0, None, None),
        "3": (17.5, 20.0, 87.5, None, None),
    }


# --- several criteria in one sentence, joined by "và" -----------------------------------------------------

RUN_ON = (
    "Kết quả chấm điểm từng lĩnh vực như sau: công tác chỉ đạo, điều hành CCHC đạt 11/13 điểm (84,62%), xếp thứ "
    "6/22; cải cách thể chế đạt 5/6 điểm (83,33%) và cải cách thủ tục hành chính đạt 17/20 điểm (85,00%). Bên "
    "cạnh đó, cải cách tổ chức bộ máy đạt 5,5/6 điểm (91,67%), xếp thứ 4/22 và cải cách chế độ công vụ đạt 9/11 "
    "điểm (81,82%), xếp thứ 9/22.\n"
)


def test_criteria_joined_by_va_in_one_sentence(tmp_path: Path) -> None:
    r = _record(tmp_path, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n" + RUN_ON)
    assert _criteria(r) == {
        "1": (11.0, 13.0, 84.62, 6, 22),
        "2": (5.0, 6.0, 83.33, None, None),
        "3": (17.0, 20.0, 85.0, None, None),  # the rank after "và …" is not the one before it
        "4": (5.5, 6.0, 91.67, 4, 22),
        "5": (9.0, 11.0, 81.82, 9, 22),
    }
    titles = {c.code: c.title for c in r.criteria}
    assert titles["3"] == "cải cách thủ tục hành chính"
    assert titles["4"] == "cải cách tổ chức bộ máy"  # "Bên cạnh đó," is no part of it


def test_a_section_heading_run_into_the_run_on_paragraph(tmp_path: Path) -> None:
    # a converter's paragraph cut every few lines puts the heading and the paragraph after it in one
    r = _record(tmp_path, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022 " + RUN_ON)
    assert _criteria(r)["1"] == (11.0, 13.0, 84.62, 6, 22)
    assert sorted(_criteria(r)) == ["1", "2", "3", "4", "5"]
    # a section heading with a score or two in its line is a section heading still
    r = _record(tmp_path, "I. KẾT QUẢ NĂM 2022: cải cách thể chế đạt 5/6 điểm\n")
    assert "2" not in _criteria(r)


def test_run_on_clauses_with_the_percent_before_the_score(tmp_path: Path) -> None:
    text = (
        "Kết quả chấm điểm từng lĩnh vực như sau: công tác chỉ đạo, điều hành CCHC đạt 84,62% (11/13 điểm), xếp thứ "
        "6/22; cải cách thể chế đạt 83,33% (5/6 điểm) và cải cách thủ tục hành chính đạt 85,00% (17/20 điểm).\n"
    )
    r = _record(tmp_path, "I. KẾT QUẢ\n" + text)
    assert _criteria(r) == {
        "1": (11.0, 13.0, 84.62, 6, 22), "2": (5.0, 6.0, 83.33, None, None), "3": (17.0, 20.0, 85.0, None, None),
    }
    assert [c.title for c in r.criteria] == ["công tác chỉ đạo, điều hành CCHC", "cải cách thể chế", "cải cách thủ tục hành chính"]


def test_words_after_va_that_name_no_criterion_give_none(tmp_path: Path) -> None:
    text = RUN_ON.replace("và cải cách thủ tục hành chính đạt 17/20 điểm", "và tăng 0,5/6 điểm")
    r = _record(tmp_path, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n" + text)
    assert sorted(_criteria(r)) == ["1", "2", "4", "5"]
    assert _criteria(r)["2"] == (5.0, 6.0, 83.33, None, None)


# --- component lists under an unnumbered "+ Lĩnh vực …:" heading -----------------------------------------


def test_an_unnumbered_lĩnh_vực_heading_names_the_criterion_of_the_lists_below() -> None:
    framework = generic_framework()
    assert list_parent_named("+ Lĩnh vực cải cách thủ tục hành chính (TTHC):", framework) == "3"
    assert list_parent_named("+ Lĩnh vực công tác chỉ đạo, điều hành CCHC:", framework) == "1"
    assert list_parent_named("+ Về cải cách thể chế:", framework) == "2"
    assert list_parent_named("- Về ưu điểm:", framework) is None
    # a score on the line, a quantity's label, or words naming no criterion: no such heading
    assert list_parent_named("+ Lĩnh vực cải cách thể chế: đạt 5/6 điểm", framework) is None
    assert list_parent_named("+ Tỷ lệ hồ sơ TTHC giải quyết đúng hạn:", framework) is None
    assert list_parent_named("+ Lĩnh vực còn hạn chế:", framework) is None


def test_component_lists_under_lĩnh_vực_headings_after_a_run_on_paragraph(tmp_path: Path) -> None:
    body = (
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n" + RUN_ON + "Kết quả một số lĩnh vực cụ thể:\n"
        "+ Lĩnh vực cải cách thủ tục hành chính:\n"
        "a) Các chỉ số thành phần đạt điểm tối đa:\n"
        "- Mục 3.1 (Kiểm soát TTHC): đã thực hiện đầy đủ, đúng quy định.\n"
        "b) Các chỉ số thành phần chưa đạt điểm tối đa:\n"
        "- Mục 3.2 (Công khai TTHC): còn chậm so với kế hoạch, đạt 1/3 điểm.\n"
        "+ Lĩnh vực cải cách chế độ công vụ:\n"
        "b) Các chỉ số thành phần chưa đạt điểm tối đa:\n"
        "- Mục 5.4 (Chấp hành kỷ luật, kỷ cương hành chính): đạt 1/3 điểm.\n"
    )
    r = _record(tmp_path, body)
    got = {i.code: (i.criterion, i.listed_as, i.score, i.max_score) for i in r.indicators}
    assert got == {
        "3.1": ("3", "full", None, None),
        "3.2": ("3", "incomplete", 1.0, 3.0),
        "5.4": ("5", "incomplete", 1.0, 3.0),
    }


def test_a_malformed_score_in_the_second_clause_belongs_to_its_criterion(tmp_path: Path) -> None:
    text = RUN_ON.replace("công vụ đạt 9/11", "công vụ đạt 9/,11")
    r = _record(tmp_path, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n" + text)
    assert _criteria(r)["5"][:2] == (9.0, 11.0)
    assert ("malformed_number", "5") in _kinds(r)
    assert ("malformed_number", "4") not in _kinds(r)


# --- "Thứ nhất, về …:" paragraphs ------------------------------------------------------------------------


def test_criteria_as_paragraphs_numbered_thu_nhat(tmp_path: Path) -> None:
    framework = generic_framework()
    assert label_numbering("Thứ năm, về cải cách tài chính công: đạt 5/6 điểm.", framework) == (
        "label", "Thứ năm", "về cải cách tài chính công: đạt 5/6 điểm.",
    )
    # no "về", or words that name no criterion (a point inside a criterion's text): no criterion's label
    assert label_numbering("Thứ nhất, công tác tuyên truyền còn hạn chế.", framework) is None
    assert label_numbering("Thứ hai, về cơ sở vật chất: còn thiếu máy tính.", framework) is None
    body = "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n" + "".join(
        f"{n}, về {title}: đạt {score}/{maximum} điểm, tỷ lệ {pct}.\n\n"
        for n, title, score, maximum, pct in [
            ("Thứ nhất", "công tác chỉ đạo, điều hành CCHC", "11", "13", "84,62%"),
            ("Thứ hai", "cải cách thể chế", "5", "6", "83,33%"),
            ("Thứ ba", "cải cách thủ tục hành chính", "17", "20", "85,00%"),
        ]
    )
    r = _record(tmp_path, body)
    assert [(c.code, c.title, c.score) for c in r.criteria] == [
        ("1", "công tác chỉ đạo, điều hành CCHC", 11.0),
        ("2", "cải cách thể chế", 5.0),
        ("3", "cải cách thủ tục hành chính", 17.0),
    ]
    assert not any(f.kind == "numbering_gap" for f in r.findings)
    twice = _record(tmp_path, body.replace("Thứ ba, về", "Thứ hai, về"))
    assert ("numbering_gap", "I lĩnh vực") in _kinds(twice)


def test_thu_nhat_headings_with_the_score_in_the_next_paragraph(tmp_path: Path) -> None:
    body = """I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022
Thứ nhất, về công tác chỉ đạo, điều hành CCHC:
Tổng điểm tiêu chí này là 11. Điểm tối đa là 13 điểm, tỷ lệ đạt 84,62%.
a) Các chỉ số thành phần đạt điểm tối đa:
- Mục 1.1 (Kế hoạch CCHC năm): đã thực hiện đầy đủ.
Thứ hai, về cải cách thể chế:
Điểm chuẩn: 6 điểm; điểm đạt: 5 điểm; tỷ lệ 83,33%.
Thứ ba, về cải cách thủ tục hành chính: đạt 17/20 điểm, tỷ lệ 85,00%.
Thứ nhất, về công tác tuyên truyền: còn hạn chế.
- Mục 3.2 (Công khai TTHC): đạt 1/3 điểm.
"""
    r = _record(tmp_path, body)
    assert _criteria(r) == {
        "1": (11.0, 13.0, 84.62, None, None), "2": (5.0, 6.0, 83.33, None, None), "3": (17.0, 20.0, 85.0, None, None),
    }
    # a point inside criterion 3's text numbered "Thứ nhất, về" names no criterion: 3.2 stays under criterion 3
    assert {i.code: i.criterion for i in r.indicators} == {"1.1": "1", "3.2": "3"}


# --- the overall statement naming its year ----------------------------------------------------------------


def test_the_overall_statement_naming_another_year_than_the_report(tmp_path: Path) -> None:
    body = "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n1. Cải cách thể chế: đạt 5/6 điểm, tỷ lệ 83,33%.\n"
    wrong = "Năm 2023, UBND xã An Khánh đạt 86,50/100 điểm (tỷ lệ 86,50%), xếp thứ 5/19 xã, thị trấn.\n"
    r = _record(tmp_path, body, overall=wrong)
    hits = [f for f in r.findings if f.kind == "year_mismatch"]
    assert [(f.expected, f.actual) for f in hits] == [(2022, 2023)]
    # the opening run into the statement, as a converter leaves it
    run_in = "UBND xã An Khánh báo cáo kết quả như sau: " + wrong
    hits = [f for f in _record(tmp_path, body, overall=run_in).findings if f.kind == "year_mismatch"]
    assert [(f.expected, f.actual) for f in hits] == [(2022, 2023)]
    right = wrong.replace("Năm 2023,", "Năm 2022,")
    assert not any(f.kind == "year_mismatch" for f in _record(tmp_path, body, overall=right).findings)
    # last year's result beside this year's is no statement of the report's year
    compared = "So với năm 2021, Chỉ số CCHC năm 2022 của xã đạt 86,50/100 điểm, xếp thứ 5/19 xã, thị trấn.\n"
    assert not any(f.kind == "year_mismatch" for f in _record(tmp_path, body, overall=compared).findings)


# --- tables: two years side by side; indicators with their points -----------------------------------------


def _docx(path: Path, tables: list[list[list[str]]], between: list[str] | None = None) -> Path:
    document = docx.Document()
    for line in HEADER.strip().splitlines():
        document.add_paragraph(line)
    document.add_paragraph(OVERALL.strip())
    document.add_paragraph("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022")
    for k, rows in enumerate(tables):
        if between and k < len(between):
            document.add_paragraph(between[k])
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.add_paragraph(CLOSING.strip())
    document.save(str(path))
    return path


TWO_YEARS = [
    ["STT", "Lĩnh vực", "Điểm tối đa", "Năm 2021", "Năm 2022", "Tỷ lệ năm 2022 (%)"],
    ["1", "Công tác chỉ đạo, điều hành CCHC", "13", "11,75", "11,5", "88,46"],
    ["2", "Cải cách thể chế", "5", "3,5", "4,5", "90,00"],
    ["3", "Cải cách thủ tục hành chính", "20", "17", "17,5", "87,50"],
    ["", "Tổng cộng", "38", "32,25", "33,5", "88,16"],
]


def test_a_criteria_table_with_last_years_and_this_years_columns(tmp_path: Path) -> None:
    r = extract_file(_docx(tmp_path / "two-years.docx", [TWO_YEARS]))
    assert {c.code: (c.score, c.max_score, c.percent) for c in r.criteria} == {
        "1": (11.5, 13.0, 88.46), "2": (4.5, 5.0, 90.0), "3": (17.5, 20.0, 87.5),
    }
    # with no percent column naming the year, the latest year's column is the report's
    no_pct = [row[:5] for row in TWO_YEARS]
    r = extract_file(_docx(tmp_path / "latest.docx", [no_pct]))
    assert [c.score for c in r.criteria] == [11.5, 4.5, 17.5]
    # both years headed "Điểm đạt năm …", each with its percent: the report's year, whichever comes first
    labelled = [["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt năm 2022", "Tỷ lệ 2022 (%)", "Điểm đạt năm 2021",
                 "Tỷ lệ 2021 (%)"]] + [row[:3] + [row[4], row[5], row[3], "70,00"] for row in TWO_YEARS[1:]]
    r = extract_file(_docx(tmp_path / "labelled.docx", [labelled]))
    assert [(c.score, c.percent) for c in r.criteria] == [(11.5, 88.46), (4.5, 90.0), (17.5, 87.5)]
    # a table with its own "Điểm đạt" column keeps it, whatever year columns stand beside it
    scored = [["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Năm 2021"]] + [row[:3] + [row[4], row[3]] for row in TWO_YEARS[1:]]
    r = extract_file(_docx(tmp_path / "scored.docx", [scored]))
    assert [c.score for c in r.criteria] == [11.5, 4.5, 17.5]


INDICATORS = [
    ["Mã chỉ số", "Nội dung", "Điểm tối đa", "Điểm đạt"],
    ["3.1", "Kiểm soát TTHC", "3", "3"],
    ["3.2", "Công khai TTHC", "3", "3"],
    ["3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", "3,5", "2"],
]


def test_an_indicator_table_under_its_criterion(tmp_path: Path) -> None:
    intro = ["3. Cải cách thủ tục hành chính: đạt 8/9,5 điểm, tỷ lệ 84,21%."]
    r = extract_file(_docx(tmp_path / "indicators.docx", [INDICATORS], intro))
    assert {i.code: (i.criterion, i.title, i.score, i.max_score, i.listed_as) for i in r.indicators} == {
        "3.1": ("3", "Kiểm soát TTHC", 3.0, 3.0, None),
        "3.2": ("3", "Công khai TTHC", 3.0, 3.0, None),
        "3.3": ("3", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", 2.0, 3.5, None),
    }
    assert not any(f.kind == "deduction_mismatch" for f in r.findings)  # lost 1,5 = 1,5
    # the criterion lost 2 but its indicators, whose maxima make up its 9,5, lost 1,5: a deduction_mismatch
    lost_two = ["3. Cải cách thủ tục hành chính: đạt 7,5/9,5 điểm, tỷ lệ 78,95%."]
    r = extract_file(_docx(tmp_path / "lost.docx", [INDICATORS], lost_two))
    assert [(f.subject, f.expected, f.actual) for f in r.findings if f.kind == "deduction_mismatch"] == [("3", 2.0, 1.5)]
    # indicators whose maxima do not make up the criterion's (a part of them printed): no finding
    part = ["3. Cải cách thủ tục hành chính: đạt 7,5/12,5 điểm, tỷ lệ 60,00%."]
    r = extract_file(_docx(tmp_path / "part.docx", [INDICATORS], part))
    assert not any(f.kind == "deduction_mismatch" for f in r.findings)


# --- the rank as a place among the district's units, the total first ------------------------------------


def test_the_total_of_units_before_the_rank() -> None:
    from cchc.extractors.patterns import find_ranks

    text = "Chỉ số CCHC năm 2021 của xã đạt 88,50%, trong 33 xã, thị trấn của huyện, xã đứng thứ 4, tăng 2 bậc."
    assert [(r.rank, r.total) for r in find_ranks(text)] == [(4, 33)]
    assert [(r.rank, r.total) for r in find_ranks("trong 18 xã, thị trấn của huyện, thị trấn đứng thứ ba")] == [(3, 18)]
    # a count of units with a grade is no rank; a year before a rank gives no total
    assert find_ranks("trong 12 xã có 5 xã xếp loại Tốt") == []
    assert [(r.rank, r.total) for r in find_ranks("Trong năm 2021, xã xếp thứ 3")] == [(3, None)]


TWO_YEARS_TEXT_ROWS = [
    ("1", "Công tác chỉ đạo, điều hành CCHC", "13", "11,75", "11,5", "88,46"),
    ("2", "Cải cách thể chế", "5", "3,5", "4,5", "90,00"),
    ("3", "Cải cách thủ tục hành chính", "20", "17", "17,5", "87,50"),
    ("4", "Cải cách tổ chức bộ máy", "6", "4,75", "5,5", "91,67"),
    ("5", "Cải cách chế độ công vụ", "12", "9,75", "10,25", "85,42"),
    ("6", "Cải cách tài chính công", "7", "6", "5", "71,43"),  # this year's lower than last year's
]


def _paragraphs_docx(path: Path, lines: list[str]):  # type: ignore[no-untyped-def]
    """The record of a DOCX with one paragraph per line (as a PDF-to-Word converter writes one)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return extract_file(path)


def _text_table(rows: list[tuple[str, ...]], header: str) -> str:
    return header + "\n" + "\n".join(f"{n:<4} {t:<40} {m:>6} {a:>8} {b:>8} {p:>8}" for n, t, m, a, b, p in rows) + "\n"


def test_a_two_year_criteria_table_typed_as_text_columns(tmp_path: Path) -> None:
    header = "STT  Lĩnh vực                                 Điểm tối đa  Năm 2021  Năm 2022  Tỷ lệ năm 2022 (%)"
    body = "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\nKết quả cụ thể như sau:\n" + _text_table(TWO_YEARS_TEXT_ROWS, header)
    r = _record(tmp_path, body)
    assert {c.code: (c.score, c.max_score, c.percent) for c in r.criteria} == {
        "1": (11.5, 13.0, 88.46), "2": (4.5, 5.0, 90.0), "3": (17.5, 20.0, 87.5), "4": (5.5, 6.0, 91.67),
        "5": (10.25, 12.0, 85.42), "6": (5.0, 7.0, 71.43),
    }
    assert not any(f.kind == "percent_mismatch" for f in r.findings)
    # a percent that neither year's score gives: this year's (the later column) is read, and the mismatch found
    planted = [*TWO_YEARS_TEXT_ROWS[:4], ("5", "Cải cách chế độ công vụ", "12", "9,75", "10,25", "88,42")]
    r = _record(tmp_path, "I. KẾT QUẢ\n" + _text_table(planted, header))
    assert [(f.subject, f.actual) for f in r.findings if f.kind == "percent_mismatch"] == [("5", 88.42)]


def test_a_rank_without_its_total_after_the_percent_is_no_fourth_score() -> None:
    from cchc.extractors.tables import criteria_from_text_rows

    rows = criteria_from_text_rows("1 Công tác chỉ đạo, điều hành CCHC 14 12,5 89,29 8", generic_framework())
    assert [(c.code, c.score, c.max_score, c.percent) for c, _, _ in rows] == [("1", 12.5, 14.0, 89.29)]


INDICATOR_TEXT = """3. Cải cách thủ tục hành chính: đạt 8/9,5 điểm, tỷ lệ 84,21%.
Điểm các chỉ số thành phần của lĩnh vực cải cách thủ tục hành chính:
Mã chỉ số Nội dung Điểm tối đa Điểm đạt
3.1 Kiểm soát TTHC 3 3
3.2 Công khai TTHC 3 3
3.3 Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC 3,5 2
Thứ tư, về cải cách tổ chức bộ máy hành chính nhà nước: đạt 5,5/6 điểm, tỷ lệ 91,67%.
"""


def test_an_indicator_table_typed_as_text_a_row_a_line_or_run_into_one_paragraph(tmp_path: Path) -> None:
    expected = {"3.1": ("3", 3.0, 3.0), "3.2": ("3", 3.0, 3.0), "3.3": ("3", 2.0, 3.5)}
    r = _record(tmp_path, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n" + INDICATOR_TEXT)
    assert {i.code: (i.criterion, i.score, i.max_score) for i in r.indicators} == expected
    # the paragraph after the last row ("… 3,5 2" then "Thứ tư, về …") is a paragraph of its own: criterion 4 read
    assert _criteria(r)["4"] == (5.5, 6.0, 91.67, None, None)
    # the rows run into the header's paragraph, as a converter's re-flow leaves them; the score first in the header
    lines = INDICATOR_TEXT.splitlines()
    run = " ".join(lines[2:6]).replace("Điểm tối đa Điểm đạt", "Điểm đạt Điểm tối đa").replace("3,5 2", "2 3,5")
    r = _record(tmp_path, "I. KẾT QUẢ\n" + "\n".join([lines[0], lines[1], run, lines[6]]) + "\n")
    assert {i.code: (i.criterion, i.score, i.max_score) for i in r.indicators} == expected
    # dotted numbers with two numbers after them, without such a header, are no indicator table
    r = _record(tmp_path, "I. KẾT QUẢ\n" + "\n".join([lines[0], *lines[3:6]]) + "\n")
    assert [i.code for i in r.indicators if i.score is not None] == []


def test_where_a_line_starts_a_paragraph_after_a_value_word_or_a_table_row() -> None:
    from cchc.extractors.layout import starts_block

    # "… là" awaits its value: the number on the next line is that value, not a heading's number
    assert not starts_block("3. Điểm tối đa là 4 điểm, tỷ lệ đạt 75%.", "8. Tác động của CCHC Tổng điểm tiêu chí này là")
    assert starts_block("3. Cải cách thủ tục hành chính", "- Thực hiện nghiêm túc các quy định.")
    # "Thứ hai, …" capitalised opens a paragraph, even after a row that ends without a stop; lower case goes on
    assert starts_block("Thứ hai, về cải cách thể chế: đạt 5,5/6 điểm.", "1.6 Đối thoại của lãnh đạo xã 4 4")
    assert not starts_block("thứ hai, tăng 1 bậc so với năm trước.", "Cải cách thể chế đạt 5/6 điểm, xếp")


def test_thu_paragraphs_inside_a_converters_paragraphs_are_cut_out(tmp_path: Path) -> None:
    from cchc.extractors.layout import split_ordinal_openings

    text = "I. KẾT QUẢ NĂM 2022 Thứ nhất, về cải cách thể chế: đạt 5/6 điểm. Thứ hai, về cải cách tài chính công: đạt 6/7"
    assert split_ordinal_openings(text) == [
        "I. KẾT QUẢ NĂM 2022 ", "Thứ nhất, về cải cách thể chế: đạt 5/6 điểm. ", "Thứ hai, về cải cách tài chính công: đạt 6/7",
    ]
    # lower case, or no subject after "về", is a sentence going on
    assert split_ordinal_openings("xã xếp thứ hai, về đích sớm") == ["xã xếp thứ hai, về đích sớm"]
    assert split_ordinal_openings("Kết quả: Thứ hai, tăng 1 bậc.") == ["Kết quả: Thứ hai, tăng 1 bậc."]
    # a DOCX whose paragraphs a converter cut every few lines, regardless of sentences
    lines = [*HEADER.strip().splitlines(), OVERALL.strip(),
             "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022 Thứ nhất, về công tác chỉ đạo, điều hành CCHC: đạt",
             "11/13 điểm, tỷ lệ 84,62%. - Các nhiệm vụ được triển khai kịp thời. Thứ hai, về cải cách thể chế: đạt 5/6",
             "điểm, tỷ lệ 83,33%. Thứ ba, về cải cách thủ tục hành chính: đạt 17/20 điểm, tỷ lệ 85,00%.", CLOSING.strip()]
    r = _paragraphs_docx(tmp_path / "flow.docx", lines)
    assert {c.code: (c.score, c.max_score, c.percent) for c in r.criteria} == {
        "1": (11.0, 13.0, 84.62), "2": (5.0, 6.0, 83.33), "3": (17.0, 20.0, 85.0),
    }


def test_a_page_number_flowed_in_before_a_heading_or_item_is_cut_out() -> None:
    from cchc.extractors.layout import split_page_number_before_heading

    text = "- Chỉ số 7.4 (Trang thông tin điện tử): đạt 4/4 điểm. 2 * Các chỉ số thành phần chưa đạt điểm tối đa:"
    assert split_page_number_before_heading(text) == (
        ["- Chỉ số 7.4 (Trang thông tin điện tử): đạt 4/4 điểm.", "* Các chỉ số thành phần chưa đạt điểm tối đa:"], ["2"],
    )
    cut, pages = split_page_number_before_heading("… so với năm 2022. 3 b) Các chỉ số thành phần chưa đạt:")
    assert (len(cut), pages) == (2, ["3"])
    # opening a converter's paragraph
    assert split_page_number_before_heading("2 b) Các chỉ số chưa đạt:") == (["b) Các chỉ số chưa đạt:"], ["2"])
    # a number in a sentence, or before words that are no heading, stays
    for kept in ("Xã có 12 cán bộ. 3 người chưa đạt chuẩn.", "Tổng số hồ sơ là 12. 3 - 4 hồ sơ mỗi ngày."):
        assert split_page_number_before_heading(kept) == ([kept], [])


def test_a_lettered_part_or_phan_heading_run_into_a_paragraph_is_cut_out() -> None:
    from cchc.extractors.layout import split_letter_sections

    assert split_letter_sections("Xếp loại: Tốt. A. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2020 1. Về …") == [
        "Xếp loại: Tốt. ", "A. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2020 1. Về …",
    ]
    assert split_letter_sections("Xếp loại: Tốt. PHẦN I. KẾT QUẢ CHỈ SỐ NĂM 2024 I. CHỈ ĐẠO") == [
        "Xếp loại: Tốt. ", "PHẦN I. KẾT QUẢ CHỈ SỐ NĂM 2024 I. CHỈ ĐẠO",
    ]
    # an initial before a name, a letter with no sentence end before it: no part
    for kept in ("Đã họp. Mời ông A. Nguyễn Văn Bình dự họp.", "Đã họp. A. Nguyễn Văn Bình phát biểu.", "xã hạng A. KẾT QUẢ"):
        assert split_letter_sections(kept) == [kept]


def test_bulleted_items_numbered_by_code_run_into_their_list_heading_are_cut_out() -> None:
    from cchc.extractors.layout import split_code_items

    text = "* Các nội dung đạt điểm tối đa: + 1.1. Kế hoạch CCHC năm: đạt 2/2 điểm. + 1.2. Thực hiện chế độ báo cáo."
    assert split_code_items(text) == [
        "* Các nội dung đạt điểm tối đa: ", "+ 1.1. Kế hoạch CCHC năm: đạt 2/2 điểm. ", "+ 1.2. Thực hiện chế độ báo cáo.",
    ]
    # a range or a sum inside a sentence, or no sentence end before the bullet: no item
    for kept in ("Tỷ lệ tăng từ 1.2 - 1.5 lần.", "Điểm cộng + 1.5 Kế hoạch"):
        assert split_code_items(kept) == [kept]


def test_a_page_number_between_a_heading_and_its_list_keeps_the_list_new(tmp_path: Path) -> None:
    def gaps(lines: list[str]) -> list[str]:
        record = _paragraphs_docx(tmp_path / "parts.docx", [*HEADER.strip().splitlines(), OVERALL.strip(), *lines,
                                                             CLOSING.strip()])
        return [f.actual for f in record.findings if f.kind == "numbering_gap"]

    body = ["B. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Tồn tại, hạn chế", "3. Nguyên nhân", "C. NHIỆM VỤ TRỌNG TÂM NĂM 2023",
            "3", "1. Tiếp tục đẩy mạnh công tác tuyên truyền.", "2. Nâng cao chất lượng giải quyết TTHC."]
    assert gaps(body) == []
    # without the heading the list's numbers go back: a gap
    assert gaps([x for x in body if not x.startswith("C.")]) != []


def test_a_criterions_title_left_at_the_end_of_a_converters_paragraph(tmp_path: Path) -> None:
    # the title after a sentence end, its score (or the rest of the title) in the next paragraph
    lines = [*HEADER.strip().splitlines(), OVERALL.strip(), "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022",
             "Về cải cách thể chế: 5/6 điểm, đạt 83,33%. Xếp thứ 3/19 nhóm hạng các xã, thị trấn, tăng 1 bậc so với",
             "năm 2021. - Thực hiện nghiêm túc các quy định. Về Xây dựng và phát triển Chính quyền điện tử, Chính quyền số:",
             "10,5/12 điểm, đạt 87,50%. - Có 13 chỉ tiêu được giao. Về Đánh giá của các tổ chức đối với công tác CCHC của UBND xã",
             "(qua điều tra xã hội học): 9,6/11 điểm, đạt 87,27%. - Phòng Nội vụ đã lấy ý kiến người dân, tổ",
             "chức. Các chỉ số thành phần đạt điểm tối đa:", CLOSING.strip()]
    r = _paragraphs_docx(tmp_path / "flow.docx", lines)
    assert {c.code: (c.score, c.max_score, c.percent) for c in r.criteria} == {
        "2": (5.0, 6.0, 83.33), "7": (10.5, 12.0, 87.5), "9": (9.6, 11.0, 87.27),
    }
    # a numbered heading's title stays with its number; words naming no criterion stay in their paragraph
    from cchc.extractors.readers.reflow import _split_trailing_title

    numbered = "7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số:"
    assert _split_trailing_title(numbered) == [numbered]
    listing = "Đã thực hiện. Các chỉ số thành phần đạt điểm tối đa:"
    assert _split_trailing_title(listing) == [listing]
