"""Round 21: a report typed in a spreadsheet reads as the blocks a DOCX of it would give.

The workbooks are built here with openpyxl as a commune's clerk types one (the held-out round 21 form): the
header's two sides in two merged cells with line breaks inside, the title and every paragraph a row merged across
the sheet, a summary of label and value cells, the criteria table as ruled cells with numbers stored as numbers
under a display format, the records on a second sheet. Beside them, published rankings (one grid of communes, group
titles between its rows) stay one table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cchc.api import check_record, extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers.xlsx import cell_text, read_xlsx

# The criteria of xã Quảng Hợp's 2024 report as its sheet types them: (number, name, maximum, score, percent).
CRITERIA = [
    (1, "Công tác chỉ đạo, điều hành CCHC", 13, 12, 92.31),
    (2, "Cải cách thể chế", 5, 4.5, 90),
    (3, "Cải cách thủ tục hành chính", 20, 18, 90),
    (4, "Cải cách tổ chức bộ máy", 6, 5.5, 91.67),
    (5, "Cải cách chế độ công vụ", 11, 10, 90.91),
    (6, "Cải cách tài chính công", 6, 5.5, 91.67),
    (7, "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", 12, 11.5, 95.83),
    (8, "Tác động của CCHC đến sự phát triển kinh tế - xã hội", 3, 2.5, 83.33),
    (9, "Đánh giá của các tổ chức đối với công tác CCHC của UBND xã (qua điều tra xã hội học)", 12, 11, 91.67),
    (10, "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước", 12, 11, 91.67),
]


def _merged_row(sheet: Any, row: int, text: str, last: int = 5) -> None:
    sheet.cell(row, 1, text)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)


def _two_sides(sheet: Any, row: int, left: str, right: str) -> None:
    sheet.cell(row, 1, left)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    sheet.cell(row, 3, right)
    sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)


def report_workbook(
    path: Path, *, criteria: list[tuple[int, str, int, float, float]] = CRITERIA, total: float = 91.5,
    records_sheet: bool = True,
) -> Path:
    """xã Quảng Hợp's 2024 report typed in cells (the records' paragraph and table on a second sheet)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Bao cao"
    _two_sides(sheet, 1, "ỦY BAN NHÂN DÂN\nXÃ QUẢNG HỢP\nSố: 07/BC-UBND",
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Hợp, ngày 16 tháng 01 năm 2025")
    _merged_row(sheet, 2, "BÁO CÁO")
    _merged_row(sheet, 3, "Kết quả thực hiện công tác cải cách hành chính năm 2024")
    _merged_row(sheet, 4, "và nhiệm vụ trọng tâm năm 2025")
    _merged_row(sheet, 5, "Căn cứ Quyết định số 261/QĐ-UBND ngày 11/01/2025 của UBND huyện Quảng Xương, tỉnh Thanh Hóa "
                "về việc công bố Chỉ số cải cách hành chính năm 2024 của UBND các xã, phường, thị trấn; UBND xã "
                "Quảng Hợp báo cáo kết quả như sau:")
    summary = [("Chỉ tiêu", "Kết quả"), ("Đơn vị", "UBND xã Quảng Hợp, huyện Quảng Xương, tỉnh Thanh Hóa"),
               ("Năm đánh giá", 2024), ("Tổng điểm đạt được", total), ("Điểm tối đa", 100),
               ("Tỷ lệ đạt (%)", total), ("Xếp hạng", "9/29"),
               ("Tăng (+), giảm (-) thứ hạng so với năm trước", "-2"), ("Xếp loại", "Tốt")]
    for row, (label, value) in enumerate(summary, start=6):
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, value).number_format = "0.00" if isinstance(value, float) else "General"
    _merged_row(sheet, 15, "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2024")
    _merged_row(sheet, 16, "Kết quả cụ thể theo từng lĩnh vực như sau:")
    for col, head in enumerate(("STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"), start=1):
        sheet.cell(17, col, head)
    for row, values in enumerate(criteria, start=18):
        for col, value in enumerate(values, start=1):
            sheet.cell(row, col, value)
        sheet.cell(row, 5).number_format = "0.00"
    last = 18 + len(criteria)
    for col, value in ((2, "Tổng cộng"), (3, 100), (4, total), (5, total)):
        sheet.cell(last, col, value).number_format = "0.00" if col > 3 else "General"
    records = book.create_sheet("Phu luc TTHC") if records_sheet else sheet
    start = 1 if records_sheet else last + 1
    _merged_row(records, start, "- Kết quả tiếp nhận, giải quyết hồ sơ TTHC năm 2024:")
    for col, head in enumerate(("Số hồ sơ tiếp nhận", "Đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)"), 1):
        records.cell(start + 1, col, head)
    for col, value in enumerate((1320, 1314, 1313, 99.92), start=1):
        records.cell(start + 2, col, value).number_format = "0.00" if col == 4 else "#,##0"
    _merged_row(sheet, last + (1 if records_sheet else 4), "Trên đây là báo cáo kết quả thực hiện công tác cải cách "
                "hành chính năm 2024 của UBND xã Quảng Hợp./.")
    _two_sides(sheet, last + (2 if records_sheet else 5), "Nơi nhận:\n- Phòng Nội vụ huyện;\n- Lưu: VP.",
               "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nLê Văn Hợp")
    book.save(path)
    return path


def ranking_workbook(path: Path, *, merged_header: bool = True, two_cell_row: bool = False) -> Path:
    """A district's published ranking: titles, a two-row header (the criteria's title merged over them), group titles
    merged across the grid, communes with the classification left empty for some."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ỦY BAN NHÂN DÂN HUYỆN QUẢNG XƯƠNG"])
    sheet.append(["Phụ lục: KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA UBND CÁC XÃ, THỊ TRẤN"])
    sheet.append([])
    sheet.append(["STT", "Đơn vị", "Điểm đạt được theo lĩnh vực", None, None, "Tổng điểm", "Chỉ số (%)", "Xếp hạng",
                  "Xếp loại"])
    if merged_header:
        sheet.merge_cells("C4:E4")
    sheet.append([None, None, "LV1 (13 điểm)", "LV2 (5 điểm)", "LV3 (20 điểm)"])
    sheet.append(["Khối xã"])
    sheet.merge_cells("A6:I6")
    sheet.append([1, "Xã Quảng Hợp", 12, 4.5, 18, 91.5, 0.915, 1, "Tốt"])
    sheet.append([2, "Xã Quảng Ninh", 11.5, 4, 17.5, 88.25, 0.8825, 2])
    sheet.append(["Khối thị trấn"])
    sheet.merge_cells("A9:I9")
    sheet.append([3, "Thị trấn Tân Phong", 12.5, 5, 19, 93.75, 0.9375, 1, "Xuất sắc"])
    if two_cell_row:
        sheet.append(["Tổng điểm đạt được", 91.5])
    for row in sheet.iter_rows(min_row=7, min_col=7, max_col=7):
        row[0].number_format = "0.00%"
    book.save(path)
    return path


def test_report_sheet_reads_as_its_docx_would(tmp_path: Path) -> None:
    blocks = read_xlsx(report_workbook(tmp_path / "quang-hop-2024.xlsx")).blocks
    texts = [b.text for b in blocks if b.kind is not BlockKind.TABLE]
    # the header's two sides, line by line, the left side first
    assert texts[:6] == ["ỦY BAN NHÂN DÂN", "XÃ QUẢNG HỢP", "Số: 07/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Quảng Hợp, ngày 16 tháng 01 năm 2025"]
    assert "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2024" in texts and "Kết quả cụ thể theo từng lĩnh vực như sau:" in texts
    # the signature's two sides on the first sheet, then the second sheet's paragraph
    assert texts[-3:] == ["CHỦ TỊCH", "Lê Văn Hợp", "- Kết quả tiếp nhận, giải quyết hồ sơ TTHC năm 2024:"]
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert [t.rows[0] for t in tables] == [
        ["Chỉ tiêu", "Kết quả"], ["STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"],
        ["Số hồ sơ tiếp nhận", "Đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)"]]
    assert tables[0].rows[3] == ["Tổng điểm đạt được", "91,50"]
    assert tables[1].rows[3] == ["3", "Cải cách thủ tục hành chính", "20", "18", "90,00"]
    assert tables[2].rows[1] == ["1.320", "1.314", "1.313", "99,92"]
    # provenance: the sheet (there are two) and its row
    assert (tables[1].prov.page, tables[1].prov.line) == (1, 17)
    assert (tables[2].prov.page, tables[2].prov.line) == (2, 2)


def test_report_sheet_gives_its_record(tmp_path: Path) -> None:
    record = extract_file(report_workbook(tmp_path / "quang-hop-2024.xlsx"))
    meta = record.meta
    assert (meta.unit_level, meta.unit_name, meta.district, meta.province) == ("xã", "Quảng Hợp", "Quảng Xương",
                                                                                "Thanh Hóa")
    assert (meta.doc_number, str(meta.issued_date), meta.report_year, meta.signer) == (
        "07/BC-UBND", "2025-01-16", 2024, "Lê Văn Hợp")
    overall = record.overall
    assert (overall.score, overall.rank, overall.rank_total, overall.rank_change, overall.classification) == (
        91.5, 9, 29, -2, "Tốt")
    got = {c.code: (c.max_score, c.score, c.percent) for c in record.criteria}
    assert got == {str(n): (float(m), float(s), float(p)) for n, _, m, s, p in CRITERIA}
    assert any((q.numerator, q.denominator) == (1313, 1314) for q in record.quantities)
    assert not [f for f in check_record(record) if f.severity in ("warning", "error")]


def test_records_on_the_first_sheet_too(tmp_path: Path) -> None:
    record = extract_file(report_workbook(tmp_path / "one-sheet.xlsx", records_sheet=False))
    assert len(record.criteria) == 10 and record.overall.score == 91.5
    assert any((q.numerator, q.denominator) == (1313, 1314) for q in record.quantities)


def test_planted_percent_in_a_criteria_row_is_found(tmp_path: Path) -> None:
    planted = [row if row[0] != 4 else (4, "Cải cách tổ chức bộ máy", 6, 5.5, 95.67) for row in CRITERIA]
    findings = check_record(extract_file(report_workbook(tmp_path / "planted.xlsx", criteria=planted)))
    assert [(f.kind, f.subject) for f in findings if f.severity == "error"] == [("percent_mismatch", "4")]


def test_planted_total_in_the_summary_is_found(tmp_path: Path) -> None:
    findings = check_record(extract_file(report_workbook(tmp_path / "planted.xlsx", total=89.5)))
    kinds = [f.kind for f in findings if f.severity in ("warning", "error")]
    assert "total_mismatch" in kinds


@pytest.mark.parametrize(
    ("value", "number_format", "printed"),
    [(91.67, "0.00", "91,67"), (90, "0.00", "90,00"), (1320, "#,##0", "1.320"), (5.5, "General", "5,5"),
     (12345.5, "#,##0.00", "12.345,50"), (2024, "General", "2024"), (0.8397, "0.00%", "83,97%"),
     (7.25, '0.0" điểm"', "7,3"), (None, "0.00", ""), (-2, "0", "-2")],
)
def test_numbers_print_as_the_sheet_displays_them(value: float | None, number_format: str, printed: str) -> None:
    assert cell_text(value, number_format) == printed


def test_ranking_sheet_stays_one_table(tmp_path: Path) -> None:
    blocks = read_xlsx(ranking_workbook(tmp_path / "ranking.xlsx")).blocks
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    # the group titles stay in the grid (a row after one leaves its classification empty)
    assert ["Khối xã"] == tables[0].rows[2][:1] and tables[0].rows[5][0] == "Khối thị trấn"
    # a merged cell over the criteria's columns in the header is not a paragraph
    assert tables[0].rows[0][2] == "Điểm đạt được theo lĩnh vực"
    assert "Điểm đạt được theo lĩnh vực" not in [b.text for b in blocks if b.kind is not BlockKind.TABLE]
    assert blocks[0].prov.page is None  # one sheet: no sheet number


def test_label_value_pair_in_a_grid_of_communes_is_not_an_overall(tmp_path: Path) -> None:
    path = ranking_workbook(tmp_path / "ranking.xlsx", two_cell_row=True)
    tables = [b for b in read_xlsx(path).blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].rows[-1][:2] == ["Tổng điểm đạt được", "91,5"]
    record = extract_file(path)
    assert record.document_type == "ranking" and record.overall.score is None


def _sides_a_line_a_row(path: Path) -> Path:
    """The same report with the header's and the signature's sides typed a line a row (columns A and C, no merge)."""
    from openpyxl import load_workbook

    book = load_workbook(report_workbook(path))
    sheet = book["Bao cao"]
    for first in (sheet.max_row, 1):
        left, right = (sheet.cell(first, c).value.split("\n") for c in (1, 3))
        for merged in [m for m in sheet.merged_cells.ranges if m.min_row == first]:
            sheet.unmerge_cells(str(merged))
        if first == 1:
            sheet.insert_rows(2, 2)
        right = [x for x in right if x]
        for k in range(max(len(left), len(right))):
            sheet.cell(first + k, 1, left[k] if k < len(left) else None)
            sheet.cell(first + k, 3, right[k] if k < len(right) else None)
    book.save(path)
    return path


def test_sides_typed_a_line_a_row_read_as_the_header(tmp_path: Path) -> None:
    path = _sides_a_line_a_row(tmp_path / "lines.xlsx")
    blocks = read_xlsx(path).blocks
    assert [b.text for b in blocks[:6]] == [
        "ỦY BAN NHÂN DÂN", "XÃ QUẢNG HỢP", "Số: 07/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Quảng Hợp, ngày 16 tháng 01 năm 2025"]
    assert [b.prov.line for b in blocks[:6]] == [1, 2, 3, 1, 2, 3]
    meta = extract_file(path).meta
    assert (meta.unit_name, meta.doc_number, str(meta.issued_date), meta.signer) == (
        "Quảng Hợp", "07/BC-UBND", "2025-01-16", "Lê Văn Hợp")


def test_a_ruled_grid_naming_the_committee_is_no_header(tmp_path: Path) -> None:
    """A ruled two-column grid after the title whose first row names "UBND xã …" stays a table."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    book = Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO"])
    thin = Side(style="thin")
    for row in (["UBND xã Quảng Hợp", "Tổng điểm đạt được"], ["Năm 2024", 91.5]):
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    book.save(tmp_path / "ruled.xlsx")
    tables = [b for b in read_xlsx(tmp_path / "ruled.xlsx").blocks if b.kind is BlockKind.TABLE]
    assert [t.rows for t in tables] == [[["UBND xã Quảng Hợp", "Tổng điểm đạt được"], ["Năm 2024", "91,5"]]]
