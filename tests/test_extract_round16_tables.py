"""Held-out round 16 (issue 11), tables and cells: a report printed from a spreadsheet, its overall result as label |
value cells ("Tổng điểm đạt được | 91,00", "Xếp hạng | 4/23", "Tăng (+), giảm (-) thứ hạng so với năm trước | +2"),
ruled (PDF, DOCX) or run into one paragraph by a converter; criteria tables lettered "a" … "k" with a header over two
rows ("Điểm" over "Đạt | Tối đa | Tỷ lệ (%)") and the totals row first, ruled or re-flowed by a converter. Each in a
report written here (PDF with reportlab and the DejaVu fonts, DOCX with python-docx), with its negative.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument

from cchc.api import check_record, extract_file
from cchc.extractors.tables import overall_from_label_table, overall_from_label_text, total_from_text
from tests.pdf_factory import ReportPdf

TITLE = "Kết quả thực hiện công tác cải cách hành chính năm 2023 và nhiệm vụ trọng tâm năm 2024"
BASIS = (
    "Căn cứ Quyết định số 880/QĐ-UBND ngày 11/01/2024 của UBND huyện Bắc Quang, tỉnh Hà Giang về việc công bố "
    "Chỉ số cải cách hành chính năm 2023 của UBND các xã, phường, thị trấn; UBND xã Việt Vinh báo cáo kết quả như sau:"
)
CLOSING = "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 của UBND xã Việt Vinh./."
SIGNATURE = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Văn Vinh"]
# (letter, title, score, maximum, percent as printed): the 2023 framework's maxima, percents score / maximum
CRITERIA = [
    ("a", "Công tác chỉ đạo, điều hành CCHC", "11", "12", "91,67"),
    ("b", "Cải cách thể chế", "5,5", "6", "91,67"),
    ("c", "Cải cách thủ tục hành chính", "18", "20", "90,00"),
    ("d", "Cải cách tổ chức bộ máy hành chính nhà nước", "5,5", "6", "91,67"),
    ("đ", "Cải cách chế độ công vụ", "10", "11", "90,91"),
    ("e", "Cải cách tài chính công", "6,5", "7", "92,86"),
    ("g", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "11", "12", "91,67"),
    ("h", "Tác động của cải cách hành chính đến phát triển kinh tế - xã hội của xã", "2,5", "3", "83,33"),
    ("i", "Đánh giá của các tổ chức đối với công tác CCHC của UBND xã (qua điều tra xã hội học)", "10", "11", "90,91"),
    ("k", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã", "11", "12", "91,67"),
]  # they add up to 91
SCORES = {str(n): (float(s.replace(",", ".")), float(m)) for n, (_, _, s, m, _) in enumerate(CRITERIA, 1)}


def _label_rows(total: str, rank: str, change: str, grade: str = "Xuất sắc") -> list[list[str]]:
    return [
        ["Chỉ tiêu", "Kết quả"],
        ["Đơn vị", "UBND xã Việt Vinh, huyện Bắc Quang, tỉnh Hà Giang"],
        ["Năm đánh giá", "2023"],
        ["Tổng điểm đạt được", total],
        ["Điểm tối đa", "100"],
        ["Tỷ lệ đạt (%)", total],
        ["Xếp hạng", rank],
        ["Tăng (+), giảm (-) thứ hạng so với năm trước", change],
        ["Xếp loại", grade],
    ]


def _criteria_rows(totals_first: bool) -> list[list[str]]:
    rows = [[letter, title, score, maximum, pct] for letter, title, score, maximum, pct in CRITERIA]
    total = ["", "Tổng điểm", "91,00", "100", "91,00"]
    return [total, *rows] if totals_first else [*rows, total]


# ------------------------------------------------------------------------------------- label | value cells, PDF
def _grid_pdf(path: Path, labels: list[list[str]]) -> Path:
    pdf = ReportPdf(path, size=12)
    pdf.two_column_header(
        [("ỦY BAN NHÂN DÂN", False), ("XÃ VIỆT VINH", True), ("Số: 07/BC-UBND", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
         ("Việt Vinh, ngày 16 tháng 01 năm 2024", False)],
    )  # fmt: skip
    pdf.centred_lines(["BÁO CÁO"], bold=True)
    pdf.centred_lines([TITLE], bold=True, size=10)
    pdf.paragraph(BASIS)
    pdf.table(labels, [240, 213], size=8)
    pdf.paragraph("I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2023", bold=True, indent=0)
    header = [["STT", "Lĩnh vực / tiêu chí", "Đạt", "Tối đa", "Tỷ lệ (%)"]]
    pdf.table(header + _criteria_rows(totals_first=False), [22, 330, 33, 33, 35], size=6.5)
    pdf.paragraph(CLOSING)
    for line in SIGNATURE:
        pdf.paragraph(line, bold=line != SIGNATURE[-1], align="center")
    return pdf.save()


def test_a_spreadsheets_label_cells_give_the_overall_in_a_pdf(tmp_path: Path) -> None:
    record = extract_file(_grid_pdf(tmp_path / "viet-vinh.pdf", _label_rows("91,00", "4/23", "+2")))
    overall = record.overall
    assert (overall.score, overall.max_score, overall.percent) == (91.0, 100.0, 91.0)
    assert (overall.rank, overall.rank_total, overall.rank_change) == (4, 23, 2)
    assert overall.classification == "Xuất sắc"
    assert {c.code: (c.score, c.max_score) for c in record.criteria} == SCORES
    assert not [f for f in check_record(record) if f.severity in ("warning", "error")]


def test_a_falling_rank_and_a_kept_one_in_the_change_cell(tmp_path: Path) -> None:
    fell = extract_file(_grid_pdf(tmp_path / "fell.pdf", _label_rows("91,00", "9/21", "-1", "Tốt")))
    kept = extract_file(_grid_pdf(tmp_path / "kept.pdf", _label_rows("91,00", "9/21", "0", "Tốt")))
    assert (fell.overall.rank, fell.overall.rank_total, fell.overall.rank_change) == (9, 21, -1)
    assert kept.overall.rank_change == 0
    assert fell.overall.classification == kept.overall.classification == "Tốt"


def _lines_pdf(path: Path, lines: list[str]) -> Path:
    """The report with ``lines`` printed one a line, no rules (a table drawn without them)."""
    pdf = ReportPdf(path, size=12)
    pdf.two_column_header(
        [("ỦY BAN NHÂN DÂN", False), ("XÃ VIỆT VINH", True), ("Số: 07/BC-UBND", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Việt Vinh, ngày 16 tháng 01 năm 2024", False)],
    )
    pdf.centred_lines(["BÁO CÁO"], bold=True)
    pdf.centred_lines([TITLE], bold=True, size=10)
    pdf.paragraph(BASIS)
    for line in lines:
        pdf.paragraph(line, indent=0, align="left", space_after=0)
    pdf.paragraph(CLOSING)
    for line in SIGNATURE:
        pdf.paragraph(line, align="center")
    return pdf.save()


def test_label_cells_a_line_each(tmp_path: Path) -> None:
    lines = [f"{label}      {value}" for label, value in _label_rows("91,00", "4/23", "-1")]
    record = extract_file(_lines_pdf(tmp_path / "lines.pdf", lines))
    overall = record.overall
    assert (overall.score, overall.max_score, overall.percent, overall.rank, overall.rank_total) == (91.0, 100.0, 91.0, 4, 23)
    assert overall.rank_change == -1
    assert overall.evidence[0].text == "Tổng điểm đạt được 91,00"


def test_short_lines_naming_the_maximum_are_no_label_cells(tmp_path: Path) -> None:
    """Negative: a component list's short lines ("đạt điểm tối đa", a rank) give no overall."""
    lines = [
        "1. Công tác chỉ đạo, điều hành CCHC: xếp hạng 4/23 trong huyện",
        "a) Các chỉ số thành phần đạt điểm tối đa: 1.1, 1.2, 1.3.",
        "- Chỉ số 1.4: tổng điểm 2 trên điểm tối đa 2.",
        "b) Các chỉ số thành phần chưa đạt điểm tối đa:",
        "- Chỉ số 1.5 (Sáng kiến): đạt 1,5/2 điểm.",
    ]
    assert overall_from_label_text(" ".join(lines)) is None
    record = extract_file(_lines_pdf(tmp_path / "list.pdf", lines))
    assert (record.overall.score, record.overall.rank) == (None, None)


# ------------------------------------------------------------------------------------ label | value cells, DOCX
def _grid_docx(path: Path, labels: list[list[str]], criteria_rows: list[list[str]]) -> Path:
    doc = DocxDocument()
    for line in ["ỦY BAN NHÂN DÂN", "XÃ VIỆT VINH", "Số: 07/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Việt Vinh, ngày 16 tháng 01 năm 2024", "BÁO CÁO", TITLE, BASIS]:
        doc.add_paragraph(line)  # fmt: skip
    _docx_table(doc, labels)
    doc.add_paragraph("I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2023")
    table = _docx_table(doc, [["STT", "Lĩnh vực, tiêu chí", "Điểm", "", ""], ["", "", "Đạt", "Tối đa", "Tỷ lệ (%)"],
                              *criteria_rows])  # fmt: skip
    table.cell(0, 2).merge(table.cell(0, 4))  # "Điểm" over "Đạt | Tối đa | Tỷ lệ (%)"
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    for line in [CLOSING, *SIGNATURE]:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def _docx_table(doc, rows: list[list[str]]):  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def test_a_total_cell_against_its_criteria_and_a_rank_beyond_its_total(tmp_path: Path) -> None:
    """The criteria add up to 91; the total cell says 95,50 and the rank cell 19/18."""
    labels = _label_rows("95,50", "19/18", "0")
    record = extract_file(_grid_docx(tmp_path / "ky-phu.docx", labels, _criteria_rows(totals_first=False)[:-1]))
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (95.5, 19, 18)
    assert record.overall.rank_change == 0
    kinds = {f.kind for f in check_record(record) if f.subject == "overall"}
    assert {"total_mismatch", "rank_out_of_range"} <= kinds


def test_label_cells_that_agree_raise_nothing(tmp_path: Path) -> None:
    """Negative: total 91,00 as the criteria add up, rank 4/23."""
    labels = _label_rows("91,00", "4/23", "+2")
    record = extract_file(_grid_docx(tmp_path / "agree.docx", labels, _criteria_rows(totals_first=False)[:-1]))
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (91.0, 4, 23)
    assert not [f for f in check_record(record) if f.severity in ("warning", "error")]


def test_a_two_row_header_lettered_table_with_its_totals_first_in_a_docx(tmp_path: Path) -> None:
    labels = _label_rows("91,00", "4/23", "+2")
    record = extract_file(_grid_docx(tmp_path / "letters.docx", labels, _criteria_rows(totals_first=True)))
    assert {c.code: (c.score, c.max_score) for c in record.criteria} == SCORES
    assert [c.printed_number for c in record.criteria] == [letter for letter, *_ in CRITERIA]
    assert record.criteria[5].percent == 92.86


def test_two_column_tables_that_are_no_overall() -> None:
    """Negative: the records' cells, a table of the unit, a label without its value: no overall."""
    assert overall_from_label_table([["Số hồ sơ tiếp nhận", "1.320"], ["Đã giải quyết", "1.314"]]) is None
    assert overall_from_label_table([["Đơn vị", "UBND xã Việt Vinh"], ["Năm đánh giá", "2023"]]) is None
    assert overall_from_label_table([["Tổng điểm đạt được", "chưa công bố"], ["Xếp hạng", "4/23"]]) is None
    assert overall_from_label_table([["Tổng điểm đạt được", "91,00"], ["Xếp hạng", "4/23"]]) == (
        {"score": 91.0, "rank": 4, "rank_total": 23}, 0)  # fmt: skip


def test_label_cells_with_their_units_and_worded_changes() -> None:
    """Values with their units, a worded change, a row number before the label, a scan's tone marks misread."""
    rows = [["Tổng điểm đạt được:", "91,00 điểm"], ["Điểm tối đa", "100 điểm"], ["Tỷ lệ đạt", "91,00%"],
            ["Xếp hạng", "Thứ 4/23 xã, thị trấn"], ["Tăng, giảm thứ hạng", "Tăng 2 bậc"]]  # fmt: skip
    assert overall_from_label_table(rows) == (
        {"score": 91.0, "max_score": 100.0, "percent": 91.0, "rank": 4, "rank_total": 23, "rank_change": 2}, 0)  # fmt: skip
    numbered = [["STT", "Chỉ tiêu", "Kết quả"], ["1", "Tổng điểm đạt được", "91,00"], ["2", "Xếp hạng", "4/23"]]
    assert overall_from_label_table(numbered) == ({"score": 91.0, "rank": 4, "rank_total": 23}, 1)
    three = [["Tổng điểm đạt được", "91,00", "100"], ["Xếp hạng", "4/23", "5/23"]]  # a label with two values: a year each
    assert overall_from_label_table(three) is None
    misread = [["Tông điểm đạt được", "86,50"], ["Xép hạng", "9/21"], ["Tăng (+), giám (-) thứ hạng so với năm trước", "-1"]]
    assert overall_from_label_table(misread) == ({"score": 86.5, "rank": 9, "rank_total": 21, "rank_change": -1}, 0)
    years = [["Chỉ tiêu", "Năm 2022", "Năm 2023"], ["Tổng điểm đạt được", "88,00", "91,00"], ["Xếp hạng", "6/23", "4/23"]]
    assert overall_from_label_table(years) == ({"score": 91.0, "rank": 4, "rank_total": 23}, 1)  # the latest year's
    across = [["Tổng điểm đạt được", "Điểm tối đa", "Tỷ lệ đạt (%)", "Xếp hạng", "Tăng (+), giảm (-) thứ hạng", "Xếp loại"],
              ["91,00", "100", "91,00", "4/23", "+2", "Xuất sắc"]]  # fmt: skip
    assert overall_from_label_table(across) == ({"score": 91.0, "max_score": 100.0, "percent": 91.0, "rank": 4,
                                                 "rank_total": 23, "rank_change": 2, "classification": "Xuất sắc"}, 1)  # fmt: skip
    records = [["Số hồ sơ tiếp nhận", "Đã giải quyết", "Tỷ lệ đúng hạn (%)"], ["1.320", "1.314", "99,92"]]
    assert overall_from_label_table(records) is None  # labels across that name no score or rank
    criteria = [["STT", "Lĩnh vực", "Tổng điểm", "Điểm tối đa", "Tỷ lệ (%)", "Xếp hạng"], ["1", "Cải cách thể chế", "5,5", "6",
                "91,67", "3/23"]]  # fmt: skip
    assert overall_from_label_table(criteria) is None  # a criteria table's header, its first row
    dates = [["Tổng điểm đạt được", "đang thẩm định"], ["Xếp hạng", "4/23/2024"], ["Xếp loại", "Xuất sắc"]]
    assert overall_from_label_table(dates) is None  # a date is no rank, words are no score


# ------------------------------------------------------------------- the same cells run into one paragraph
RUN_CELLS = (
    "Chỉ tiêu Kết quả UBND xã Ký Phú, huyện Đại Từ, tỉnh Thái Đơn vị Nguyên Năm đánh giá 2022 Tổng điểm đạt được "
    "95,50 Điểm tối đa 100 Tỷ lệ đạt (%) 95,50 Xếp hạng 19/18 Tăng (+), giảm (-) thứ hạng so với năm 0 trước Xếp "
    "loại Xuất sắc"
)


def test_label_cells_run_into_a_paragraph() -> None:
    read = overall_from_label_text(RUN_CELLS)
    assert read is not None
    values, lo, hi = read
    assert values == {"score": 95.5, "max_score": 100.0, "percent": 95.5, "rank": 19, "rank_total": 18,
                      "rank_change": 0, "classification": "Xuất sắc"}  # fmt: skip
    assert RUN_CELLS[lo:hi] == "Tổng điểm đạt được 95,50"
    signed = overall_from_label_text(RUN_CELLS.replace("năm 0 trước", "năm trước -2"))
    assert signed is not None and signed[0]["rank_change"] == -2
    wrapped = overall_from_label_text(RUN_CELLS.replace("so với năm 0 trước", "so với +2 năm trước"))
    assert wrapped is not None and wrapped[0]["rank_change"] == 2
    heading = overall_from_label_text(RUN_CELLS + " I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022")  # the next heading run in
    assert heading is not None and heading[0]["classification"] == "Xuất sắc"
    ungraded = overall_from_label_text(RUN_CELLS.replace("Xếp loại Xuất sắc", "Xếp loại cán bộ"))
    assert ungraded is not None and "classification" not in ungraded[0]
    worded = overall_from_label_text(RUN_CELLS.replace("Xếp hạng 19/18", "Xếp hạng: thứ 9/18"))
    assert worded is not None and (worded[0]["rank"], worded[0]["rank_total"]) == (9, 18)
    year = overall_from_label_text(RUN_CELLS.replace("so với năm 0 trước", "so với năm 2021"))
    assert year is not None and "rank_change" not in year[0]  # a year is no change


def test_prose_naming_the_maximum_is_no_run_of_cells() -> None:
    """Negative: sentences with "điểm tối đa", a score and a rank, but not as label then value."""
    for text in [
        "Chỉ số 1.4 (Công tác tuyên truyền CCHC) đạt điểm tối đa 2/2 điểm, xếp hạng 3/20.",
        "Các chỉ số thành phần đạt điểm tối đa: tổng điểm đạt được của lĩnh vực là 11/12 điểm.",
        "Điểm STT Lĩnh vực, tiêu chí Đạt Tối đa Tỷ lệ (%) Tổng cộng 95,50 100 95,50",
    ]:
        assert overall_from_label_text(text) is None, text


# ------------------------------------------------------------- a lettered criteria table re-flowed by a converter
def _flowed_docx(path: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    """The table's cells as a converter re-flows them: each title wrapped around its numbers, paragraphs cut
    every few printed lines regardless of rows."""
    cells = ["Điểm STT Lĩnh vực, tiêu chí Đạt Tối đa Tỷ lệ (%) Tổng điểm 91,00 100 91,00"]
    for letter, title, score, maximum, pct in rows:
        words = title.split()
        cells.append(" ".join([*words[:5], letter, score, maximum, pct, *words[5:]]))
    doc = DocxDocument()
    for line in ["ỦY BAN NHÂN DÂN", "XÃ VIỆT VINH", "Số: 07/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Việt Vinh, ngày 16 tháng 01 năm 2024", "BÁO CÁO", TITLE, BASIS,
                 "Chỉ số CCHC năm 2023 của UBND xã Việt Vinh đạt 91,00/100 điểm, xếp thứ 4/23 xã, thị trấn."]:
        doc.add_paragraph(line)  # fmt: skip
    doc.add_paragraph("I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 Kết quả cụ thể theo từng lĩnh vực như sau: " + " ".join(cells[:4]))
    for k in range(4, len(cells), 3):
        doc.add_paragraph(" ".join(cells[k : k + 3]))
    for line in [CLOSING, *SIGNATURE]:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def test_a_lettered_table_re_flowed_by_a_converter(tmp_path: Path) -> None:
    record = extract_file(_flowed_docx(tmp_path / "tan-lap.docx", CRITERIA))
    assert {c.code: (c.score, c.max_score) for c in record.criteria} == SCORES
    assert {c.code: c.percent for c in record.criteria}["8"] == 83.33
    assert [c.printed_number for c in record.criteria] == [letter for letter, *_ in CRITERIA]
    assert record.overall.score == 91.0
    assert not [f for f in check_record(record) if f.severity in ("warning", "error")]


def test_a_misprinted_percent_in_a_re_flowed_lettered_table(tmp_path: Path) -> None:
    """Row "e": 6,5/7 is 92,86%, printed 95,86%; the row is still read as printed, and found."""
    rows = [row if row[0] != "e" else (*row[:4], "95,86") for row in CRITERIA]
    record = extract_file(_flowed_docx(tmp_path / "misprinted.docx", rows))
    assert {c.code: (c.score, c.max_score) for c in record.criteria} == SCORES
    [finding] = [f for f in check_record(record) if f.severity in ("warning", "error")]
    assert (finding.kind, finding.subject, finding.expected, finding.actual) == ("percent_mismatch", "6", 92.86, 95.86)


def test_lettered_rows_that_are_no_criteria(tmp_path: Path) -> None:
    """Negative: lettered rows of records (received, resolved, on time: no maximum under 50) give no criterion."""
    rows = [(letter, f"Lĩnh vực {title}", "120", "118", "98,33") for letter, title in
            [("a", "tư pháp hộ tịch"), ("b", "đất đai"), ("c", "xây dựng"), ("d", "lao động"), ("đ", "y tế"),
             ("e", "giáo dục"), ("g", "văn hóa")]]  # fmt: skip
    record = extract_file(_flowed_docx(tmp_path / "records.docx", rows))
    assert record.criteria == []


# ------------------------------------------------------------------- the lettered table typed as text columns
def _text_report(path: Path, header: list[str], sep: str, capitals: bool = False) -> Path:
    head = ["ỦY BAN NHÂN DÂN", "XÃ VIỆT VINH", "Số: 07/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Việt Vinh, ngày 16 tháng 01 năm 2024", "BÁO CÁO", TITLE, BASIS, "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"]  # fmt: skip
    lettered = [(letter.upper() if capitals else letter, *rest) for letter, *rest in CRITERIA]
    rows = [sep.join(["", "Tổng điểm", "91,00", "100", "91,00"]), *(sep.join(row) for row in lettered)]
    path.write_text("\n".join([*head, *header, *rows, CLOSING, *SIGNATURE]) + "\n", encoding="utf-8")
    return path


def test_a_lettered_table_as_text_columns_under_one_header_row(tmp_path: Path) -> None:
    """"STT | Lĩnh vực, tiêu chí | Đạt | Tối đa | Tỷ lệ (%)", no "Điểm" over them; the totals row first gives the
    overall when no sentence states it."""
    for sep, capitals in (("\t", False), ("   ", False), ("\t", True)):
        header = [sep.join(["STT", "Lĩnh vực, tiêu chí", "Đạt", "Tối đa", "Tỷ lệ (%)"])]
        record = extract_file(_text_report(tmp_path / "columns.txt", header, sep, capitals))
        assert {c.code: (c.score, c.max_score) for c in record.criteria} == SCORES, repr(sep)
        assert record.criteria[4].printed_number == ("Đ" if capitals else "đ")
        assert (record.overall.score, record.overall.max_score, record.overall.percent) == (91.0, 100.0, 91.0)
        assert record.overall.evidence[0].text == "Tổng điểm 91,00 100 91,00"


def test_a_totals_row_that_does_not_check_is_no_overall() -> None:
    """Negative: a records table's totals (a maximum over 200), a percent that is not score / maximum."""
    assert total_from_text("Tổng số 1.320 1.314 99,55") is None
    assert total_from_text("Tổng số 320 314 98,13") is None
    assert total_from_text("Tổng điểm 91,00 100 93,00") is None
    assert total_from_text("Tổng cộng | 100 | 95,50 | 95,50")[0] == (100.0, 95.5, 95.5)  # type: ignore[index]
