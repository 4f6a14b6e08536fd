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
