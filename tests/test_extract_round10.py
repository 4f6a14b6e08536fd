"""Forms first met in held-out round 10 (issue 11), each with a negative example beside it."""

from __future__ import annotations

from pathlib import Path

from cchc.api import extract_file

HEADER = [
    "ỦY BAN NHÂN DÂN", "XÃ THẠCH ĐÀ", "Số: 04/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Thạch Đà, ngày 12 tháng 01 năm 2023", "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2022",
]
END_TABLE = [
    ("1", "Công tác chỉ đạo, điều hành", "10", "8,5", "85,00"),
    ("2", "Cải cách thể chế", "8", "6,5", "81,25"),
    ("3", "Cải cách thủ tục hành chính", "22", "19", "86,36"),
]


def _docx(path: Path, body: list[str], rows: list[tuple[str, ...]]) -> Path:
    import docx

    document = docx.Document()
    for line in [*HEADER, *body]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows) + 1, cols=5)
    for k, head in enumerate(("STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)")):
        table.cell(0, k).text = head
    for r, row in enumerate(rows, start=1):
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    document.save(str(path))
    return path


def test_component_lists_under_unscored_headings_when_the_criteria_table_is_at_the_end(tmp_path: Path) -> None:
    # the body names each criterion without its score; the scores are in a table after the body
    body = [
        "I. KẾT QUẢ THỰC HIỆN CÁC LĨNH VỰC NĂM 2022",
        "1. Công tác chỉ đạo, điều hành",
        "a) Các chỉ số thành phần đạt điểm tối đa:",
        "- Mục 1.2 (Thực hiện chế độ báo cáo định kỳ): được quan tâm, đạt 1,5/1,5 điểm.",
        "- Mục 1.3 (Kiểm tra công tác CCHC): đã thực hiện đầy đủ, đúng quy định.",
        "b) Các chỉ số thành phần chưa đạt điểm tối đa:",
        "- Mục 1.1 (Kế hoạch CCHC năm): tài liệu kiểm chứng chưa đầy đủ, đạt 0/1,5 điểm.",
        "3. Cải cách thủ tục hành chính",
        "a) Các chỉ số thành phần đạt điểm tối đa:",
        "- Tiêu chí thành phần 3.1 (Kiểm soát TTHC): thực hiện kịp thời, đạt 3,5/3,5 điểm.",
        "II. ĐÁNH GIÁ CHUNG",
        "a) Các chỉ số thành phần đạt điểm tối đa:",
        "- Chỉ số 9.9 (không thuộc lĩnh vực nào): đạt 1/1 điểm.",
        "Chỉ số CCHC năm 2022 của UBND xã đạt 33,50/40 điểm.",
    ]
    record = extract_file(_docx(tmp_path / "end.docx", body, END_TABLE))
    assert [(c.code, c.score, c.max_score) for c in record.criteria] == [("1", 8.5, 10), ("2", 6.5, 8), ("3", 19, 22)]
    assert [(i.code, i.criterion, i.listed_as, i.score, i.max_score) for i in record.indicators] == [
        ("1.2", "1", "full", 1.5, 1.5),
        ("1.3", "1", "full", None, None),
        ("1.1", "1", "incomplete", 0, 1.5),
        ("3.1", "3", "full", 3.5, 3.5),
    ]  # negative: "Chỉ số 9.9" after a section heading that names no criterion belongs to none, so it is not read


def _text(tmp_path: Path, body: list[str]) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("\n".join([*HEADER, *body]) + "\n", encoding="utf-8")
    return path


SUMMARY = (
    "Tóm tắt điểm từng lĩnh vực: (1) chỉ đạo, điều hành công tác cải cách hành chính: 11,5/13 điểm; "
    "(2) cải cách thể chế: 5/6 điểm; (3) cải cách thủ tục hành chính (TTHC): 17/20 điểm; "
    "(7) xây dựng chính quyền điện tử, chính quyền số: 9,5/12 điểm. Chi tiết từng lĩnh vực như sau:"
)


def test_sections_in_bulleted_capitals_after_a_summary_of_every_criterion(tmp_path: Path) -> None:
    # the summary states each score first; each section restates it, its heading's score on the next line
    body = [
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022", SUMMARY,
        "• CHỈ ĐẠO, ĐIỀU HÀNH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH: đạt",
        "11,5/13 điểm (88,46%).",
        "* Các chỉ số thành phần chưa đạt điểm tối đa:",
        "- Tiêu chí thành phần 1.1 (Kế hoạch CCHC năm): thiếu báo cáo quý theo quy định, đạt 0,5/2 điểm.",
        "• CẢI CÁCH THỂ CHẾ: đạt 5/6 điểm (83,33%). Hạng 3/17.",
        "• XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ: đạt",
        "10,5/12 điểm (87,50%). Hạng 15/17.",
        "* Các chỉ số thành phần chưa đạt điểm tối đa:",
        "- Mục 7.3 (Cung cấp dịch vụ công trực tuyến): đạt 1,5/3 điểm.",
    ]
    record = extract_file(_text(tmp_path, body))
    got = [(c.code, c.score, c.max_score, c.percent, c.rank) for c in record.criteria]
    assert got == [
        ("1", 11.5, 13, 88.46, None), ("2", 5, 6, 83.33, 3), ("3", 17, 20, None, None),
        ("7", 10.5, 12, 87.5, 15),  # the section's own statement first ...
        ("7", 9.5, 12, None, None),  # ... the summary's other score kept beside it (CCHC105 compares them)
    ]
    assert [(i.code, i.criterion, i.listed_as, i.score) for i in record.indicators] == [
        ("1.1", "1", "incomplete", 0.5), ("7.3", "7", "incomplete", 1.5),
    ]
    assert any(f.kind == "conflicting_values" and f.subject == "7" for f in record.findings)
    # negative: a bulleted line in capitals naming no criterion, its next line a score, is no criterion
    body[2] = "• KẾT QUẢ KIỂM TRA NỘI BỘ: đạt"
    record = extract_file(_text(tmp_path, body))
    assert [c.code for c in record.criteria].count("1") == 1
    assert "1.1" not in [i.code for i in record.indicators]


def test_points_typed_without_the_hook_glued_to_the_maximum(tmp_path: Path) -> None:
    from cchc.extractors.scores import find_scores

    # "điêm": "điểm" with its tone mark dropped, no space before it
    [match] = find_scores("– CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC): đạt 15,5/18,5điêm (83,78%).")
    assert (match.score.value, match.max.value) == (15.5, 18.5)
    # negative: "điếm" (a different word) and a ratio with no unit are no score
    assert find_scores("có 15/18 điếm dịch vụ") == []
    assert find_scores("đạt 15,5/18,5 (83,78%)") == []


def _table_block(rows: list[list[str]]):  # type: ignore[no-untyped-def]
    from cchc.extractors.document import Block, BlockKind, Provenance

    return Block(kind=BlockKind.TABLE, text="\n".join(" | ".join(r) for r in rows), prov=Provenance(table=0), rows=rows)


def test_a_pdf_criteria_tables_header_with_points_over_two_columns() -> None:
    from cchc.extractors.assemble import evidence
    from cchc.extractors.framework import generic_framework
    from cchc.extractors.tables import criteria_from_table

    # a PDF prints the merged "Điểm" once, over "Tối đa | Đạt"; the cell beside it comes out blank
    rows = [
        ["STT", "Lĩnh vực, tiêu chí", "Điểm", "", "Tỷ lệ đạt (%)"],
        ["", "", "Tối đa", "Đạt", ""],
        ["1", "Công tác chỉ đạo, điều hành CCHC", "12", "10,5", "87,50"],
        ["2", "Cải cách thể chế", "5", "4,5", "90,00"],
    ]
    found = criteria_from_table(_table_block(rows), 0, generic_framework(), evidence)
    assert [(c.code, c.max_score, c.score, c.percent) for c, _ in found] == [("1", 12, 10.5, 87.5), ("2", 5, 4.5, 90)]
    # negative: a blank header cell with nothing under it carries nothing ("Đạt" alone names no score column)
    rows[1][3] = ""
    rows[0][3] = ""
    rows.insert(2, ["", "", "", "Đạt", ""])
    assert criteria_from_table(_table_block(rows), 0, generic_framework(), evidence) == []


def test_a_criterion_rank_typed_without_its_tone_mark(tmp_path: Path) -> None:
    from cchc.extractors.patterns import find_ranks

    # "Xêp thứ": "xếp" with its tone mark dropped
    [rank] = find_ranks("12/13 điểm, đạt tỷ lệ 92,31%. Xêp thứ 19/23 nhóm hạng các xã, thị trấn.")
    assert (rank.rank, rank.total) == (19, 23)
    body = ["1. Về Công tác chỉ đạo, điều hành CCHC: 12/13 điểm, đạt tỷ lệ 92,31%. Xêp thứ 19/23 nhóm hạng các xã, thị trấn."]
    [criterion] = extract_file(_text(tmp_path, body)).criteria
    assert (criterion.score, criterion.rank, criterion.rank_total) == (12, 19, 23)
    # negative: "xếp loại" then a ratio is no rank, nor is a staff ratio after "xếp"
    assert find_ranks("Xêp loại: Tốt; 19/23 xã hoàn thành") == []


def test_staff_counted_in_words_with_digits_in_brackets_then_of_which() -> None:
    from cchc.extractors.quantities import find_quantities

    text = ("- UBND thị trấn hiện có mười tám (18) cán bộ, công chức; trong đó mười bảy (17) người đạt chuẩn theo quy "
            "định, đạt tỷ lệ 94,44%.")
    assert [(q.numerator, q.denominator, q.percent, q.unit) for q in find_quantities(text)] == [
        (17, 18, 94.44, "cán bộ, công chức")
    ]
    # negative: after "; trong đó" a part of another kind than the clause before is no ratio of it
    assert find_quantities("Xã có năm (5) thôn; trong đó ba (3) người đạt chuẩn.") == []
    assert find_quantities("Xã có 18 cán bộ, công chức; trong đó 5 thôn đạt chuẩn nông thôn mới.") == []
