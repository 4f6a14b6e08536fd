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
