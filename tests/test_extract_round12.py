"""Layouts and wordings of held-out round 12 (issue 11), each in a report written here, with its negative."""

from __future__ import annotations

from pathlib import Path

from cchc.api import extract_file
from cchc.extractors.framework import generic_framework
from cchc.extractors.tables import criteria_from_cell_stream, indicators_from_cell_stream

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ AN KHÁNH",
    "Số: 02/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "An Khánh, ngày 11 tháng 01 năm 2023",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2022",
]

# A criteria table with its indicators as sub-rows, its cells written one after another by a converter: a
# wrapped title's lines stand around the row's number ("Sáng kiến trong thực hiện 1.2 4 3 CCHC").
SUB_ROW_STREAM = (
    "Điểm tối TT Lĩnh vực, tiêu chí / chỉ số thành phần Điểm đạt Tỷ lệ (%) đa "
    "Chỉ đạo, điều hành công tác cải cách hành 1 12 10,5 87,50 chính "
    "1.1 Kế hoạch CCHC năm 3 3 Sáng kiến trong thực hiện 1.2 4 3 CCHC 1.3 Đối thoại với người dân 5 4,5 "
    "2 Cải cách thể chế 6 5 83,33 2.1 Ban hành văn bản 3 3 2.2 Kiểm tra, rà soát văn bản 3 2 "
    "3 Cải cách thủ tục hành chính 20 18 90,00 3.1 Kiểm soát TTHC 10 9 3.2 Công khai TTHC 10 9 "
    "4 Cải cách tổ chức bộ máy 7 6 85,71 4.1 Thực hiện quy chế làm việc 7 6 "
    "5 Cải cách chế độ công vụ 11 10 90,91 5.1 Đánh giá, xếp loại cán bộ, công chức 5 5 "
    "5.2 Chấp hành kỷ luật, kỷ cương hành chính 6 5 "
    "6 Cải cách tài chính công 6 5,5 91,67 6.1 Quản lý, sử dụng tài sản công 6 5,5"
)


def _indicators(stream: str) -> list[tuple[str | None, str, float | None, float | None]]:
    rows = criteria_from_cell_stream(stream, generic_framework())
    return [(i.criterion, i.code, i.score, i.max_score) for i, _, _ in indicators_from_cell_stream(stream, rows, len(stream))]


def test_indicator_sub_rows_of_a_converters_cell_stream() -> None:
    assert _indicators(SUB_ROW_STREAM) == [
        ("1", "1.1", 3, 3), ("1", "1.2", 3, 4), ("1", "1.3", 4.5, 5),
        ("2", "2.1", 3, 3), ("2", "2.2", 2, 3),
        ("3", "3.1", 9, 10), ("3", "3.2", 9, 10),
        ("4", "4.1", 6, 7),
        ("5", "5.1", 5, 5), ("5", "5.2", 5, 6),
        ("6", "6.1", 5.5, 6),
    ]  # fmt: skip


def test_a_cell_stream_code_needs_its_criterion_and_two_cells() -> None:
    # a code of another criterion under row 1, and a code with words only after it: no indicator
    stream = SUB_ROW_STREAM.replace("1.3 Đối thoại", "3.9 Đối thoại").replace("2.2 Kiểm tra, rà soát văn bản 3 2", "2.2 Kiểm tra")
    found = _indicators(stream)
    assert [code for _, code, _, _ in found][:4] == ["1.1", "1.2", "2.1", "3.1"]
    # a score printed with a decimal point ("2.5") is a cell, never the next indicator's code
    dotted = SUB_ROW_STREAM.replace("2.1 Ban hành văn bản 3 3", "2.1 Ban hành văn bản 2.5 2.5")
    assert [row for row in _indicators(dotted) if row[0] == "2"] == [("2", "2.1", 2.5, 2.5), ("2", "2.2", 2, 3)]
    # codes printed with a closing dot ("1.1.") are the same codes
    dotted_codes = SUB_ROW_STREAM.replace("1.1 ", "1.1. ").replace("1.2 ", "1.2. ")
    assert _indicators(dotted_codes) == _indicators(SUB_ROW_STREAM)
    # rows of prose, not a table: nothing
    assert _indicators("Chỉ số 1.1 đạt 2 2 điểm. " * 6) == []


def test_a_converted_docx_reads_the_tables_indicator_sub_rows(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    body = [
        "Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 88,00/100 điểm, xếp thứ 6/19 xã, thị trấn.",
        "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022",
        SUB_ROW_STREAM,
        "II. ĐÁNH GIÁ CHUNG",
    ]
    for text in HEADER + body:
        document.add_paragraph(text)
    path = tmp_path / "sub-rows.docx"
    document.save(str(path))
    r = extract_file(path)
    assert [(c.code, c.score, c.max_score) for c in r.criteria][:3] == [("1", 10.5, 12), ("2", 5, 6), ("3", 18, 20)]
    got = {i.code: (i.score, i.max_score) for i in r.indicators}
    assert got["1.2"] == (3, 4) and got["3.2"] == (9, 10) and got["6.1"] == (5.5, 6)
    assert len(r.indicators) == 11
    assert r.indicators[1].evidence[0].text == "1.2 4 3"


def test_thousands_grouped_with_a_thin_or_no_break_space(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    body = [
        "Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 88,00/100 điểm, xếp thứ 6/19 xã, thị trấn.",
        "- Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 2\u2009839/2\u00a0841 hồ sơ được giải quyết trong năm, đạt 99,93%.",
        "- Tỷ lệ hồ sơ TTHC được xử lý trực tuyến: 1\u202f900/2\u202f841 hồ sơ, đạt 66,88%.",
        "- Ngày 12\u00a0tháng 3, xã tổ chức 12\u00a0hội nghị; năm 2023\u00a0123 lượt người dự.",
    ]
    for text in HEADER + body:
        document.add_paragraph(text)
    path = tmp_path / "thin.docx"
    document.save(str(path))
    r = extract_file(path)
    found = {(q.numerator, q.denominator) for q in r.quantities}
    assert {(2839, 2841), (1900, 2841)} <= found
    text = r.quantities[0].evidence[0].text or ""
    assert "2.839/2.841" in text  # the group's space read as the thousands dot
    # a no-break space between a number and a word, or after a four-digit year, stays a space
    from cchc.extractors.document import nfc

    assert nfc("Ngày 12\u00a0tháng 3, năm 2023\u00a0123 lượt") == "Ngày 12 tháng 3, năm 2023 123 lượt"
    assert nfc("12 345 hồ sơ") == "12 345 hồ sơ"  # a plain space is not read as a thousands separator


CRITERIA_IN_ROMAN = [
    ("Chỉ đạo, điều hành công tác cải cách hành chính", "11/12"),
    ("Cải cách thể chế", "5/6"),
    ("Cải cách thủ tục hành chính", "18/20"),
    ("Cải cách tổ chức bộ máy", "5,5/6"),
    ("Cải cách chế độ công vụ", "10/11"),
    ("Cải cách tài chính công", "5,5/6"),
    ("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "11/13"),
    ("Tác động của cải cách hành chính đến phát triển kinh tế - xã hội", "3/3"),
    ("Đánh giá của các tổ chức đối với công tác cải cách hành chính (điều tra xã hội học)", "9/11"),
    ("Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước", "11/12"),
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _roman_report(tmp_path: Path, numbers: list[str], sections: tuple[str, str, str] = ("I", "II", "III"), wrap: int = 0):  # type: ignore[no-untyped-def]
    """A report whose criteria are headed in Roman numerals under Roman sections, headings in bold; a title
    longer than ``wrap`` characters (when given) wrapped onto a second bold paragraph at its last word in it."""
    import docx

    document = docx.Document()
    for text in HEADER:
        document.add_paragraph(text)
    document.add_paragraph("Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 89,00/100 điểm, xếp thứ 6/19 xã.")
    document.add_paragraph().add_run(f"{sections[0]}. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022").bold = True
    for number, (title, score) in zip(numbers, CRITERIA_IN_ROMAN, strict=True):
        cut = title.rfind(" ", 0, wrap) if wrap and len(title) > wrap else len(title)
        for line in filter(None, (f"{number}. {title[:cut]}", title[cut:].strip())):
            document.add_paragraph().add_run(line).bold = True
        document.add_paragraph(f"Lĩnh vực này được chấm {score} điểm.")
    document.add_paragraph().add_run(f"{sections[1]}. ĐÁNH GIÁ CHUNG").bold = True
    document.add_paragraph("Công tác CCHC được quan tâm chỉ đạo.")
    document.add_paragraph().add_run(f"{sections[2]}. NHIỆM VỤ TRỌNG TÂM NĂM 2023").bold = True
    document.add_paragraph("Tiếp tục đẩy mạnh công tác tuyên truyền về CCHC.")
    path = tmp_path / "roman.docx"
    document.save(str(path))
    return extract_file(path)


def _gaps(record) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message_en for f in record.findings if f.kind == "numbering_gap"]


def test_criteria_in_roman_under_roman_sections_are_two_sequences(tmp_path: Path) -> None:
    r = _roman_report(tmp_path, ROMAN)
    assert [(c.code, c.score) for c in r.criteria][:3] == [("1", 11), ("2", 5), ("3", 18)]
    assert _gaps(r) == []


def test_a_gap_in_roman_criteria_names_the_criterion(tmp_path: Path) -> None:
    numbers = ROMAN[:5] + ["V"] + ROMAN[6:]  # criterion 6 (Cải cách tài chính công) headed "V."
    r = _roman_report(tmp_path, numbers)
    [gap] = _gaps(r)
    assert "I, II, III, IV, V, V, VII" in gap and "repeats V" in gap and "criterion 6" in gap
    [finding] = [f for f in r.findings if f.kind == "numbering_gap"]
    assert finding.subject == "lĩnh vực I, II, III"  # not the sections' subject: both may break in one report
    assert any(ev.text == "V. Cải cách tài chính công" for ev in finding.evidence)


def test_a_gap_in_roman_sections_around_roman_criteria_is_still_found(tmp_path: Path) -> None:
    [gap] = _gaps(_roman_report(tmp_path, ROMAN, sections=("I", "II", "IV")))
    assert "Roman sections" in gap and "I, II, IV" in gap and "jumps from II to IV" in gap


def _txt_report(tmp_path: Path, opening: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    body = [
        "Căn cứ Quyết định số 175/QĐ-UBND ngày 06/01/2023 của UBND huyện về việc công bố Chỉ số CCHC năm 2022;",
        opening,
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022",
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2022 của UBND xã An Khánh./.",
    ]
    path.write_text("\n".join([*HEADER, *body]) + "\n", encoding="utf-8")
    return extract_file(path)


def test_an_opening_comparing_two_years_is_no_statement_of_the_report_year(tmp_path: Path) -> None:
    two_years = (
        "UBND xã An Khánh báo cáo kết quả như sau: Chỉ số CCHC của UBND xã An Khánh qua hai năm: năm 2021 đạt "
        "86,25 điểm; năm 2022 đạt 89,00/100 điểm, tỷ lệ 89,00%, xếp vị trí thứ 4/13 các xã, thị trấn."
    )
    r = _txt_report(tmp_path, two_years)
    assert r.overall.score == 89 and r.overall.rank == 4
    assert {y.year for y in r.years} == {2022}
    assert [f for f in r.findings if f.kind == "year_mismatch"] == []
    # an opening that names last year alone as the report's result is still a mismatch
    one_year = "UBND xã An Khánh báo cáo kết quả Chỉ số CCHC năm 2021 như sau: đạt 89,00/100 điểm, xếp thứ 4/13 xã."
    r = _txt_report(tmp_path, one_year)
    mismatches = [f.actual for f in r.findings if f.kind == "year_mismatch"]
    assert mismatches and set(mismatches) == {2021}


def test_a_table_with_self_assessed_and_appraised_scores_reads_the_appraised_in_either_order(tmp_path: Path) -> None:
    import docx

    maxima = [12, 6, 20, 6, 11, 6, 13, 3, 11, 12]
    for heads in (("Điểm tự đánh giá", "Điểm thẩm định"), ("Kết quả thẩm định", "Điểm xã tự chấm")):
        appraised_first = "thẩm định" in heads[0]
        document = docx.Document()
        for text in HEADER:
            document.add_paragraph(text)
        table = document.add_table(rows=1, cols=6)
        for cell, text in zip(table.rows[0].cells, ["STT", "Lĩnh vực", "Điểm tối đa", *heads, "Tỷ lệ (%)"], strict=True):
            cell.text = text
        for k, ((title, stated), maximum) in enumerate(zip(CRITERIA_IN_ROMAN, maxima, strict=True), 1):
            score = stated.split("/")[0]  # the appraised score, "5,5"; the commune's own is the maximum
            pair = [score, str(maximum)] if appraised_first else [str(maximum), score]
            percent = f"{float(score.replace(',', '.')) / maximum * 100:.2f}".replace(".", ",")
            for cell, text in zip(table.add_row().cells, [str(k), title, str(maximum), *pair, percent], strict=True):
                cell.text = text
        path = tmp_path / "self.docx"
        document.save(str(path))
        r = extract_file(path)
        assert [(c.code, c.score, c.max_score) for c in r.criteria][2:4] == [("3", 18, 20), ("4", 5.5, 6)], heads


def test_round12_wordings_of_a_criterions_score_rank_and_last_years_score(tmp_path: Path) -> None:
    body = [
        ("Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 88,50/100 điểm, tỷ lệ 88,50%, xếp vị trí thứ 5/18 "
        "các xã, thị trấn trên địa bàn huyện, tăng 2 bậc so với năm 2021."),
        "II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC",
        "1. Công tác chỉ đạo, điều hành công tác cải cách hành chính",
        ("Lĩnh vực này được chấm 10,5/12 điểm, đạt tỷ lệ 87,50%. Xếp vị trí thứ 8/15 (tăng 2 bậc so với năm 2021). "
        "Năm 2021, lĩnh vực này đạt 9 điểm."),
        "2. Cải cách thể chế",
        "Số điểm đạt được là 5 điểm trên 6 điểm tối đa, đạt tỷ lệ 83,33%. Năm 2021, lĩnh vực này đạt 5,5 điểm.",
        "3. Cải cách thủ tục hành chính",
        "Điểm thẩm định: 17,5/20 điểm (87,50%). Xếp vị trí thứ 3/15.",
    ]
    path = tmp_path / "wordings.txt"
    path.write_text("\n".join([*HEADER, *body]) + "\n", encoding="utf-8")
    r = extract_file(path)
    assert (r.overall.score, r.overall.rank, r.overall.rank_total, r.overall.rank_change) == (88.5, 5, 18, 2)
    assert [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in r.criteria] == [
        ("1", 10.5, 12, 87.5, 8, 15), ("2", 5, 6, 83.33, None, None), ("3", 17.5, 20, 87.5, 3, 15),
    ]  # fmt: skip
    assert r.criteria[0].rank_change == 2
    # last year's score beside a criterion's is another year's value: no finding of any kind about it
    assert [f.kind for f in r.findings if f.kind in ("conflicting_values", "percent_mismatch", "year_mismatch")] == []


def _criteria_table_docx(tmp_path: Path, row_numbers: list[str], headings: list[str] | None, name: str):  # type: ignore[no-untyped-def]
    """Section I with a criteria table (rows numbered ``row_numbers``), section II with a Roman heading per
    criterion numbered ``headings`` (none if None, no score under it), section III; extracted."""
    import docx

    maxima = [12, 6, 20, 6, 11, 6, 13, 3, 11, 12]
    document = docx.Document()
    for text in HEADER:
        document.add_paragraph(text)
    document.add_paragraph("Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 89,00/100 điểm, xếp thứ 6/19 xã.")
    document.add_paragraph().add_run("I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022").bold = True
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt"], strict=True):
        cell.text = text
    for number, (title, stated), maximum in zip(row_numbers, CRITERIA_IN_ROMAN, maxima, strict=True):
        for cell, text in zip(table.add_row().cells, [number, title, str(maximum), stated.split("/")[0]], strict=True):
            cell.text = text
    document.add_paragraph().add_run("II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC").bold = True
    if headings is None:
        document.add_paragraph("Công tác CCHC được quan tâm chỉ đạo.")
    for number, (title, _) in zip(headings or [], CRITERIA_IN_ROMAN[: len(headings or [])], strict=True):
        document.add_paragraph().add_run(f"{number}. {title}").bold = True
        document.add_paragraph("Các nhiệm vụ được triển khai kịp thời, đúng kế hoạch.")
    document.add_paragraph().add_run("III. ĐÁNH GIÁ CHUNG").bold = True
    document.add_paragraph("Công tác CCHC được quan tâm chỉ đạo.")
    path = tmp_path / name
    document.save(str(path))
    return extract_file(path)


def _table_then_roman_headings(tmp_path: Path, numbers: list[str]):  # type: ignore[no-untyped-def]
    """A criteria table, then a Roman heading per criterion (no score under it) inside Roman sections."""
    return _criteria_table_docx(tmp_path, [str(k) for k in range(1, 11)], numbers, "table-roman.docx")


def test_roman_criterion_headings_after_a_criteria_table_are_known_by_their_titles(tmp_path: Path) -> None:
    r = _table_then_roman_headings(tmp_path, ROMAN)
    assert [(c.code, c.score) for c in r.criteria][:2] == [("1", 11), ("2", 5)]
    assert _gaps(r) == []
    numbers = ROMAN[:5] + ["VII", "VIII", "IX", "X", "XI"]  # criterion 6 (Cải cách tài chính công) headed "VII."
    [gap] = _gaps(_table_then_roman_headings(tmp_path, numbers))
    assert "jumps from V to VII" in gap and "criterion 6" in gap


def test_a_criteria_table_numbered_in_roman_under_section_i_leaves_the_sections_one_sequence(tmp_path: Path) -> None:
    r = _criteria_table_docx(tmp_path, ROMAN, None, "roman-rows.docx")
    assert [(c.code, c.printed_number) for c in r.criteria][:2] == [("1", "I"), ("2", "II")]
    assert _gaps(r) == []


def test_a_pdfs_ratio_of_counts_grouped_with_a_thin_space(tmp_path: Path) -> None:
    from tests.pdf_factory import ReportPdf

    pdf = ReportPdf(tmp_path / "thin.pdf")
    for line in HEADER:
        pdf.paragraph(line)
    pdf.paragraph("- Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 2\u2009839/2\u2009841 hồ sơ được giải quyết trong năm, đạt 99,93%.")
    pdf.paragraph("- Năm 2022 có 12 100/120 hồ sơ được số hóa; xếp thứ 5 123/456.")  # no grouped counts: as before
    r = extract_file(pdf.save())
    ratios = [(q.numerator, q.denominator, q.percent) for q in r.quantities]
    assert (2839, 2841, 99.93) in ratios
    assert all(den != 120 or num == 100 for num, den, _ in ratios)  # "12 100/120" is never 12100/120
    assert "2 839/2 841" in r.quantities[0].evidence[0].text  # the evidence is the printed text


def test_roman_criterion_headings_wrapped_onto_a_second_line(tmp_path: Path) -> None:
    # "VIII. Tác động của cải cách hành chính đến" / "phát triển kinh tế - xã hội": a title naming no criterion alone
    r = _roman_report(tmp_path, ROMAN, wrap=40)
    assert [c.code for c in r.criteria] == [str(n) for n in range(1, 11)]
    assert _gaps(r) == []
    [gap] = _gaps(_roman_report(tmp_path, ROMAN[:7] + ["VII", "IX", "X"], wrap=40))
    assert "repeats VII" in gap and "criterion 8" in gap


def test_roman_criterion_headings_numbered_by_word_and_wrapped_onto_a_second_paragraph(tmp_path: Path) -> None:
    import docx

    from tests.test_reader_docx import add_abstract, add_num, numbered

    document = docx.Document()
    add_abstract(document, 7, [("upperRoman", "%1.", 1)])
    add_num(document, 7, 7)
    for text in HEADER:
        document.add_paragraph(text)
    document.add_paragraph("Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 89,00/100 điểm, xếp thứ 6/19 xã.")
    document.add_paragraph().add_run("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022").bold = True
    for title, score in CRITERIA_IN_ROMAN:
        cut = title.rfind(" ", 0, 40) if len(title) > 40 else len(title)  # "Tác động của cải cách hành chính đến"
        for run in numbered(document, title[:cut], 7).runs:
            run.bold = True
        if title[cut:].strip():
            document.add_paragraph().add_run(title[cut:].strip()).bold = True
        document.add_paragraph(f"Lĩnh vực này được chấm {score} điểm.")
        for sentence in ("- Các nhiệm vụ được triển khai kịp thời.", "- Kết quả đạt yêu cầu đề ra.", "- Còn một số hạn chế."):
            document.add_paragraph(sentence)  # a report written in Word: few paragraphs break mid-sentence
    document.add_paragraph().add_run("II. ĐÁNH GIÁ CHUNG").bold = True
    document.add_paragraph("Công tác CCHC được quan tâm chỉ đạo.")
    path = tmp_path / "autonum.docx"
    document.save(str(path))
    r = extract_file(path)
    assert [(c.code, c.printed_number) for c in r.criteria][7:] == [("8", "VIII."), ("9", "IX."), ("10", "X.")]
    assert _gaps(r) == []


ALIGNED_SUB_ROWS = """TT    Lĩnh vực, tiêu chí                          Điểm tối đa   Điểm đạt   Tỷ lệ (%)
1     Chỉ đạo, điều hành công tác CCHC             12            10,5       87,50
1.1   Kế hoạch CCHC năm                            3             3
1.2   Sáng kiến trong thực hiện CCHC               4             3
1.3   Đối thoại với người dân                      5             4,5
2     Cải cách thể chế                             6             5          83,33
2.1   Ban hành văn bản                             3             3
2.2   Kiểm tra, rà soát văn bản                    3             2
3     Cải cách thủ tục hành chính                  20            18         90,00
3.1   Kiểm soát TTHC                               10            9
3.2   Công khai TTHC                               10            9
4     Cải cách tổ chức bộ máy                      7             6          85,71
5     Cải cách chế độ công vụ                      11            10         90,91
6     Cải cách tài chính công                      6             5,5        91,67"""


def test_a_text_tables_indicator_sub_rows_are_read_once(tmp_path: Path) -> None:
    expected = [("1.1", 3, 3), ("1.2", 3, 4), ("1.3", 4.5, 5), ("2.1", 3, 3), ("2.2", 2, 3), ("3.1", 9, 10), ("3.2", 9, 10)]
    # the header naming the component indicators ("chỉ số thành phần") reads them as their own table too
    named = ALIGNED_SUB_ROWS.replace("Lĩnh vực, tiêu chí  ", "Lĩnh vực, tiêu chí / chỉ số thành phần")
    for table in (ALIGNED_SUB_ROWS, named):
        path = tmp_path / "aligned.txt"
        lead = ["Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 88,00/100 điểm.", "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022"]
        path.write_text("\n".join([*HEADER, *lead, *table.splitlines(), "II. ĐÁNH GIÁ CHUNG", "Tốt."]) + "\n", "utf-8")
        r = extract_file(path)
        assert [(c.code, c.score) for c in r.criteria][:3] == [("1", 10.5), ("2", 5), ("3", 18)]
        assert [(i.code, i.score, i.max_score) for i in r.indicators] == expected
