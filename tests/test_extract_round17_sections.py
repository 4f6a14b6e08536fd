"""Held-out round 17 (issue 11), the body as one long table of sections, "STT | Nội dung | Kết quả": sections as rows
merged across the table without numbers ("Kết quả cụ thể từng lĩnh vực", "Tồn tại, hạn chế"), each criterion a row
"n | title | Đạt x/y điểm, tỷ lệ …%. Xếp thứ …", the overall, records and staff in cells. Each in a report written here
(DOCX with python-docx, PDF with reportlab and the DejaVu fonts), with its negatives: a criteria table, a records table
and an indicator table stay tables.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument

from cchc.api import check_record, extract_file
from cchc.extractors.framework import generic_framework
from cchc.extractors.tables import criteria_from_statement_stream, is_sections_table
from tests.pdf_factory import ReportPdf

TITLE = "Kết quả thực hiện công tác cải cách hành chính năm 2023 và nhiệm vụ trọng tâm năm 2024"
BASIS = (
    "Căn cứ Quyết định số 112/QĐ-UBND ngày 12/01/2024 của UBND huyện Bảo Lạc về việc công bố Chỉ số cải cách hành "
    "chính năm 2023 của UBND các xã, thị trấn; UBND xã Cô Ba báo cáo kết quả như sau:"
)
CLOSING = "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 của UBND xã Cô Ba./."
OVERALL = "Chỉ số CCHC năm 2023 của UBND xã Cô Ba đạt 88,50% (88,50/100 điểm), xếp thứ 5/17, tăng 2 bậc so với năm 2022."
# (title, statement): maxima of the 2023 framework, percents score / maximum; they add up to 88,5
CRITERIA = [
    (
        "Công tác chỉ đạo, điều hành",
        "Đạt 11,5/13 điểm, tỷ lệ 88,46%. Xếp thứ 6/17 nhóm hạng các xã, thị trấn.",
    ),
    (
        "Cải cách thể chế",
        "Đạt 4,5/5 điểm, tỷ lệ 90,00%. Xếp thứ 3/17 nhóm hạng các xã, tăng 1 bậc so với năm 2022.",
    ),
    ("Cải cách thủ tục hành chính", "Đạt 17/19 điểm, tỷ lệ 89,47%. Xếp thứ 5/17 nhóm hạng các xã, thị trấn."),
    ("Cải cách tổ chức bộ máy", "Đạt 5/6 điểm, tỷ lệ 83,33%. Xếp thứ 9/17 nhóm hạng các xã, thị trấn."),
    ("Cải cách chế độ công vụ", "Đạt 9/10 điểm, tỷ lệ 90,00%. Xếp thứ 4/17 nhóm hạng các xã, thị trấn."),
    (
        "Cải cách tài chính công",
        "Đạt 6/7 điểm, tỷ lệ 85,71%. Xếp thứ 8/17 nhóm hạng, giảm 3 bậc so với năm 2022.",
    ),
    ("Chính quyền điện tử, chính quyền số", "Đạt 10,5/12 điểm, tỷ lệ 87,50%. Xếp thứ 7/17 nhóm hạng các xã."),
    (
        "Tác động của CCHC đến phát triển kinh tế - xã hội",
        "Đạt 2,5/3 điểm, tỷ lệ 83,33%. Xếp thứ 2/17 nhóm hạng các xã, thị trấn.",
    ),
    ("Đánh giá của các tổ chức", "Đạt 10,5/12 điểm, tỷ lệ 87,50%. Xếp thứ 6/17 nhóm hạng các xã, thị trấn."),
    ("Sự hài lòng của người dân", "Đạt 12/13 điểm, tỷ lệ 92,31%. Xếp thứ 3/17 nhóm hạng các xã, thị trấn."),
]
# what the statements above say, read by hand: (score, maximum, percent, rank, rank total, rank change)
READ = [
    (11.5, 13.0, 88.46, 6, 17, None),
    (4.5, 5.0, 90.0, 3, 17, 1),
    (17.0, 19.0, 89.47, 5, 17, None),
    (5.0, 6.0, 83.33, 9, 17, None),
    (9.0, 10.0, 90.0, 4, 17, None),
    (6.0, 7.0, 85.71, 8, 17, -3),
    (10.5, 12.0, 87.5, 7, 17, None),
    (2.5, 3.0, 83.33, 2, 17, None),
    (10.5, 12.0, 87.5, 6, 17, None),
    (12.0, 13.0, 92.31, 3, 17, None),
]
RECORDS = "+ Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 712/713 hồ sơ được giải quyết trong năm, đạt 99,86%."
STAFF = "- Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 19/20 người, đạt 95,00%."


def _section(title: str, merged_into: int) -> list[str]:
    """A section row as a reader gives it: the title in the merged cell, repeated (DOCX) or once (PDF)."""
    return ["", title, title] if merged_into == 2 else ["", title, ""]


def _rows(merged_into: int) -> list[list[str]]:
    return [
        ["STT", "Nội dung", "Kết quả"],
        _section("Kết quả Chỉ số cải cách hành chính năm 2023", merged_into),
        ["1", "Kết quả chung", OVERALL],
        _section("Kết quả cụ thể từng lĩnh vực", merged_into),
        *[[str(n), title, statement] for n, (title, statement) in enumerate(CRITERIA, 1)],
        _section("Một số kết quả nổi bật", merged_into),
        ["1", "Giải quyết thủ tục hành chính", RECORDS],
        ["2", "Đội ngũ cán bộ, công chức", STAFF],
        _section("Tồn tại, hạn chế", merged_into),
        ["1", "Hạn chế", "Việc cập nhật tài liệu kiểm chứng lên phần mềm chấm điểm còn chậm."],
    ]


def _docx(path: Path, rows: list[list[str]]) -> Path:
    doc = DocxDocument()
    for line in (
        "ỦY BAN NHÂN DÂN",
        "XÃ CÔ BA",
        "Số: 04/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Cô Ba, ngày 15 tháng 01 năm 2024",
        "BÁO CÁO",
        TITLE,
    ):
        doc.add_paragraph().add_run(line).bold = True
    doc.add_paragraph(BASIS)
    table = doc.add_table(rows=len(rows), cols=3)
    for cells, row in zip(table.rows, rows, strict=True):
        if row[0] == "" and row[1] == row[2]:
            cells.cells[1].merge(cells.cells[2]).text = row[1]
            continue
        for cell, text in zip(cells.cells, row, strict=True):
            cell.text = text
    doc.add_paragraph(CLOSING)
    for line in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nông Văn Ba"):
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def _pdf(path: Path, rows: list[list[str]]) -> Path:
    pdf = ReportPdf(path, size=12)
    pdf.two_column_header(
        [("ỦY BAN NHÂN DÂN", False), ("XÃ CÔ BA", True), ("Số: 04/BC-UBND", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Cô Ba, ngày 15 tháng 01 năm 2024", False)],
    )
    pdf.centred_lines(["BÁO CÁO"], bold=True)
    pdf.centred_lines([TITLE], bold=True, size=10)
    pdf.paragraph(BASIS)
    pdf.table(rows, [20, 165, 300], size=5)
    pdf.paragraph(CLOSING)
    for line in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nông Văn Ba"):
        pdf.paragraph(line, align="center")
    return pdf.save()


def _assert_read_as_prose(path: Path) -> None:
    record = extract_file(path)
    overall = record.overall
    assert (overall.score, overall.max_score, overall.percent) == (88.5, 100.0, 88.5)
    assert (overall.rank, overall.rank_total, overall.rank_change) == (5, 17, 2)
    read = [(c.score, c.max_score, c.percent, c.rank, c.rank_total, c.rank_change) for c in record.criteria]
    assert read == READ
    assert [c.title for c in record.criteria] == [title for title, _ in CRITERIA]
    assert {(q.numerator, q.denominator, q.percent) for q in record.quantities} >= {
        (712, 713, 99.86),
        (19, 20, 95.0),
    }
    assert not [f for f in check_record(record) if f.severity in ("warning", "error")]


def test_a_docx_body_as_one_table_of_sections_reads_as_prose(tmp_path: Path) -> None:
    _assert_read_as_prose(_docx(tmp_path / "co-ba.docx", _rows(merged_into=2)))


def test_a_pdf_body_as_one_table_of_sections_reads_as_prose(tmp_path: Path) -> None:
    _assert_read_as_prose(_pdf(tmp_path / "co-ba.pdf", _rows(merged_into=1)))


def test_a_wrong_percent_in_a_sections_cell_is_found(tmp_path: Path) -> None:
    rows = _rows(merged_into=2)
    rows[9][2] = (
        "Đạt 6/7 điểm, tỷ lệ 95,71%. Xếp thứ 8/17 nhóm hạng, giảm 3 bậc so với năm 2022."  # 6/7 = 85,71%
    )
    record = extract_file(_docx(tmp_path / "wrong.docx", rows))
    found = [f for f in check_record(record) if f.kind == "percent_mismatch"]
    assert [(f.subject, f.actual) for f in found] == [("6", 95.71)]


def test_criteria_records_and_indicator_tables_are_no_sections_tables() -> None:
    """Negatives: tables with score or number columns, or without merged section rows, stay tables."""
    criteria = [["STT", "Nội dung", "Điểm tối đa", "Kết quả đạt được"], ["", "Tổng", "100", "88,5"],
                *[[str(n), t, "10", "9"] for n, (t, _) in enumerate(CRITERIA, 1)]]  # fmt: skip
    records = [["STT", "Nội dung", "Kết quả"], ["", "Hồ sơ tiếp nhận", ""], ["1", "Trực tiếp", "512"],
               ["2", "Trực tuyến", "201"], ["", "Hồ sơ giải quyết", ""], ["1", "Đúng hạn", "712"], ["2", "Trễ hạn", "1"]]  # fmt: skip
    indicators = [["Mã", "Nội dung", "Kết quả"], ["", "Công tác chỉ đạo, điều hành", ""],
                  ["1.1", "Kế hoạch CCHC năm", "1/1"], ["1.2", "Báo cáo CCHC", "0,5/1"], ["", "Cải cách thể chế", ""],
                  ["2.1", "Văn bản quy phạm pháp luật", "2/2"]]  # fmt: skip
    no_sections = [["STT", "Nội dung", "Kết quả"], *[[str(n), t, s] for n, (t, s) in enumerate(CRITERIA, 1)]]
    assert is_sections_table(_rows(merged_into=2)) and is_sections_table(_rows(merged_into=1))
    assert not any(is_sections_table(rows) for rows in (criteria, records, indicators, no_sections))


def test_a_criteria_table_in_a_docx_stays_a_table(tmp_path: Path) -> None:
    """Negative end to end: a criteria table "STT | Nội dung | Điểm tối đa | Điểm đạt" is read as a table still."""
    rows = [["STT", "Nội dung", "Điểm tối đa", "Điểm đạt"]]
    rows += [
        [str(n), t, f"{m:g}", f"{s:g}".replace(".", ",")]
        for n, ((t, _), (s, m, *_)) in enumerate(zip(CRITERIA, READ, strict=True), 1)
    ]
    doc = DocxDocument()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ CÔ BA", "BÁO CÁO", TITLE):
        doc.add_paragraph(line)
    doc.add_paragraph(BASIS)
    table = doc.add_table(rows=len(rows), cols=4)
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, row, strict=True):
            cell.text = text
    doc.add_paragraph(CLOSING)
    doc.save(str(tmp_path / "criteria.docx"))
    record = extract_file(tmp_path / "criteria.docx")
    assert [(c.score, c.max_score) for c in record.criteria] == [(s, m) for s, m, *_ in READ]
    assert all(c.evidence[0].table is not None for c in record.criteria)


# ------------------------------------------------- the same table as positioned frames (LibreOffice's frames of a PDF)
# How such frames come out as text: a row's title wrapped around its statement, its number (STT) beside the
# statement's first line, so "… nhóm hạng 1 công tác …".
FRAMES = [
    "STT Nội dung Kết quả Kết quả Chỉ số cải cách hành chính năm 2023 " + OVERALL + " 1 Kết quả chung",
    (
        "Kết quả cụ thể từng lĩnh vực Chỉ đạo, điều hành Đạt 11,5/13 điểm, tỷ lệ 88,46%. Xếp thứ 6/17 nhóm hạng 1 "
        "công tác cải cách các xã, thị trấn. hành chính Đạt 4,5/5 điểm, tỷ lệ 90,00%. Xếp thứ 3/17 nhóm hạng các 2 "
        "Cải cách thể chế xã, tăng 1 bậc so với năm 2022."
    ),
    "Cải cách thủ tục hành Đạt 17/19 điểm, tỷ lệ 89,47%. Xếp thứ 5/17 nhóm hạng 3 chính các xã, thị trấn.",
    "Cải cách tổ chức bộ Đạt 5/6 điểm, tỷ lệ 83,33%. Xếp thứ 9/17 nhóm hạng 4 máy các xã, thị trấn.",
    "Cải cách chế độ công Đạt 9/10 điểm, tỷ lệ 90,00%. Xếp thứ 4/17 nhóm hạng 5 vụ các xã, thị trấn.",
    "Cải cách tài chính Đạt 6/7 điểm, tỷ lệ 85,71%. Xếp thứ 8/17 nhóm hạng, 6 công giảm 3 bậc so với năm 2022.",
    "Chính quyền điện tử, Đạt 10,5/12 điểm, tỷ lệ 87,50%. Xếp thứ 7/17 nhóm hạng 7 chính quyền số các xã.",
    (
        "Tác động của CCHC đến Đạt 2,5/3 điểm, tỷ lệ 83,33%. Xếp thứ 2/17 nhóm hạng 8 phát triển kinh tế - xã hội "
        "các xã, thị trấn. Đánh giá của các tổ Đạt 10,5/12 điểm, tỷ lệ 87,50%. Xếp thứ 6/17 nhóm hạng 9 chức các xã, "
        "thị trấn. Sự hài lòng của Đạt 12/13 điểm, tỷ lệ 92,31%. Xếp thứ 3/17 nhóm hạng 10 người dân các xã, thị trấn."
    ),
    "UBND xã Một số kết quả nổi bật STT Nội dung Kết quả Giải quyết thủ tục",
    RECORDS,
]


def _frames_docx(path: Path, paragraphs: list[str]) -> Path:
    doc = DocxDocument()
    for line in (
        "ỦY BAN NHÂN DÂN",
        "XÃ CÔ BA",
        "Số: 04/BC-UBND",
        "Cô Ba, ngày 15 tháng 01 năm 2024",
        "BÁO CÁO",
        TITLE,
    ):
        doc.add_paragraph(line)
    for text in (BASIS, *paragraphs, CLOSING, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nông Văn Ba"):
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_a_sections_table_as_frames_gives_each_statement_to_its_row_number(tmp_path: Path) -> None:
    record = extract_file(_frames_docx(tmp_path / "frames.docx", FRAMES))
    read = [(c.score, c.max_score, c.percent, c.rank, c.rank_total, c.rank_change) for c in record.criteria]
    assert [c.code for c in record.criteria] == [str(n) for n in range(1, 11)]
    assert read == READ
    assert record.criteria[1].evidence[0].text.startswith("Đạt 4,5/5 điểm, tỷ lệ 90,00%. Xếp thứ 3/17")
    assert not [f for f in check_record(record) if f.severity in ("warning", "error")]
    assert not record.unplaced


def test_statements_without_their_row_numbers_in_order_are_no_frames_table() -> None:
    """Negatives: the row numbers out of order, or fewer statements than a table's rows, read as no such table."""
    framework = generic_framework()
    text = " ".join(FRAMES[1:8])
    assert [c.code for c, _, _ in criteria_from_statement_stream(text, framework)] == [
        str(n) for n in range(1, 11)
    ]
    swapped = text.replace("nhóm hạng 3 chính", "nhóm hạng 4 chính")
    assert criteria_from_statement_stream(swapped, framework) == []
    assert criteria_from_statement_stream(" ".join(FRAMES[1:4]), framework) == []  # 4 statements
