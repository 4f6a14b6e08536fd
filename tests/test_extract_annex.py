"""A report whose criteria table is repeated in an annex (PHỤ LỤC) after the signature (issue 11).

The annex table is read first (a table is where the criteria stand), so the body's criterion headings
restate criteria already known; the component lists under them still belong to them. Values below are
read from the text built here.
"""

from __future__ import annotations

from pathlib import Path

from cchc.api import extract_file

BODY = """ỦY BAN NHÂN DÂN XÃ HOÀNG ĐỒNG
Số: 10/BC-UBND
Hoàng Đồng, ngày 22 tháng 01 năm 2024
BÁO CÁO
Kết quả Chỉ số cải cách hành chính năm 2023
I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023
Tiêu chí 1: Chỉ đạo, điều hành công tác cải cách hành chính
Kết quả: đạt 12,5/14 điểm (tỷ lệ 89,29%).

a) Các chỉ số thành phần đạt điểm tối đa:
- Mục 1.2 (Thực hiện chế độ báo cáo định kỳ): đảm bảo số lượng, chất lượng, thời gian theo quy định.

- Mục 1.6 (Đối thoại của lãnh đạo xã với người dân, doanh nghiệp): được quan tâm, đạt 4/4 điểm.

b) Các chỉ số thành phần chưa đạt điểm tối đa:
- Mục 1.1 (Kế hoạch CCHC năm): tài liệu kiểm chứng chưa đầy đủ, đạt 0,5/2 điểm.

Tiêu chí 2: Cải cách thể chế
Kết quả: đạt 5,5/6 điểm (tỷ lệ 91,67%).

II. ĐÁNH GIÁ CHUNG
1. Ưu điểm
- Mục 1.3 (Kiểm tra công tác CCHC) được thực hiện đúng quy định.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Vi Văn Đồng
"""
ANNEX = """PHỤ LỤC
KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2023 CỦA UBND XÃ HOÀNG ĐỒNG

STT\tLĩnh vực\tĐiểm tối đa\tĐiểm đạt\tTỷ lệ (%)
1\tChỉ đạo, điều hành công tác cải cách hành chính\t14\t12,5\t89,29
2\tCải cách thể chế\t6\t5,5\t91,67
3\tCải cách thủ tục hành chính\t20\t17,5\t87,50
4\tCải cách tổ chức bộ máy hành chính nhà nước\t6\t5,5\t91,67
5\tCải cách chế độ công vụ\t10\t9\t90,00
6\tCải cách tài chính công\t6\t5\t83,33
7\tXây dựng chính quyền điện tử, chính quyền số\t12\t10,5\t87,50
8\tTác động của cải cách hành chính đến phát triển kinh tế - xã hội của xã\t3\t2,5\t83,33
9\tChỉ số đánh giá tác động của các tổ chức đối với CCHC (điều tra xã hội học)\t11\t9,4\t85,45
10\tSự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước\t12\t10,6\t88,33
\tTổng cộng\t100\t88,00\t88,00
"""


def _indicators(tmp_path: Path, text: str) -> dict[str, tuple[str | None, str | None, float | None, float | None]]:
    path = tmp_path / "hoang-dong.txt"
    path.write_text(text, encoding="utf-8")
    record = extract_file(path)
    return {i.code: (i.criterion, i.listed_as, i.score, i.max_score) for i in record.indicators}


def test_component_lists_under_a_scored_heading_restating_an_annex_table(tmp_path: Path) -> None:
    with_annex = _indicators(tmp_path, BODY + ANNEX)
    assert with_annex == {
        "1.2": ("1", "full", None, None),
        "1.6": ("1", "full", 4.0, 4.0),
        "1.1": ("1", "incomplete", 0.5, 2.0),
    }
    # the same body without the annex reads the same lists
    assert _indicators(tmp_path, BODY) == with_annex


def test_an_item_under_a_later_section_is_no_criterion_s_indicator(tmp_path: Path) -> None:
    # "- Mục 1.3 …" under "II. ĐÁNH GIÁ CHUNG / 1. Ưu điểm" names no criterion heading above it
    assert "1.3" not in _indicators(tmp_path, BODY + ANNEX)


BODY_3 = """Tiêu chí 3: Cải cách thủ tục hành chính
Kết quả: đạt 17,5/20 điểm (tỷ lệ 87,50%).

II. ĐÁNH GIÁ CHUNG"""


def _record(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "annex.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def test_a_criterion_scored_otherwise_in_the_annex_is_a_conflict(tmp_path: Path) -> None:
    # the body says 17,5/20, the annex 18,5/20 (with 92,50%): both kept, the body's first, and CCHC105 raised
    annex = ANNEX.replace("20\t17,5\t87,50", "20\t18,5\t92,50")
    record = _record(tmp_path, BODY.replace("\nII. ĐÁNH GIÁ CHUNG", "\n" + BODY_3, 1) + annex)
    assert [(c.score, c.max_score, c.percent) for c in record.criteria if c.code == "3"] == [
        (17.5, 20, 87.5), (18.5, 20, 92.5),
    ]
    conflicts = [f for f in record.findings if f.kind == "conflicting_values" and f.subject == "3"]
    assert [(f.expected, f.actual) for f in conflicts] == [("17,5/20", "18,5/20")]


def test_a_criterion_the_annex_repeats_alike_is_one_criterion(tmp_path: Path) -> None:
    record = _record(tmp_path, BODY.replace("\nII. ĐÁNH GIÁ CHUNG", "\n" + BODY_3, 1) + ANNEX)
    assert [(c.score, c.max_score, c.percent) for c in record.criteria if c.code == "3"] == [(17.5, 20, 87.5)]
    assert not [f for f in record.findings if f.kind == "conflicting_values"]


def test_a_ruled_annex_table_after_the_body_scoring_a_criterion_otherwise(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in BODY.replace("\nII. ĐÁNH GIÁ CHUNG", "\n" + BODY_3, 1).splitlines():
        document.add_paragraph(line)
    document.add_paragraph("PHỤ LỤC")
    rows = [line.split("\t") for line in ANNEX.splitlines() if "\t" in line]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    document.save(str(tmp_path / "ruled.docx"))
    record = extract_file(tmp_path / "ruled.docx")
    assert [(c.score, c.percent) for c in record.criteria if c.code == "3"] == [(17.5, 87.5)]
    assert not [f for f in record.findings if f.kind == "conflicting_values"]
    table.cell(3, 3).text, table.cell(3, 4).text = "18,5", "92,50"  # row "3 | Cải cách thủ tục hành chính"
    document.save(str(tmp_path / "ruled.docx"))
    record = extract_file(tmp_path / "ruled.docx")
    assert [(c.score, c.percent) for c in record.criteria if c.code == "3"] == [(17.5, 87.5), (18.5, 92.5)]
    assert [f.subject for f in record.findings if f.kind == "conflicting_values"] == ["3"]
