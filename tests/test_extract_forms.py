"""Forms of the header and the overall statement that reports of other offices use (text fixtures
written here; each value asserted was read from the fixture, not from the code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.readers.reflow import split_header

HEADER = """ỦY BAN NHÂN DÂN
XÃ AN KHÁNH
Số: 02/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Khánh, ngày 11 tháng 01 năm 2023
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2022
"""


def _record(tmp_path: Path, body: str, header: str = HEADER):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(header + body, encoding="utf-8")
    return extract_file(path)


def test_percent_printed_before_its_score(tmp_path: Path) -> None:
    r = _record(tmp_path, "Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 83,40% (83,40/100 điểm), xếp thứ 5/19.\n")
    assert (r.overall.score, r.overall.max_score, r.overall.percent, r.overall.rank) == (83.4, 100.0, 83.4, 5)


def test_a_percent_of_something_else_before_the_score_is_not_taken(tmp_path: Path) -> None:
    r = _record(tmp_path, "Tỷ lệ hồ sơ đúng hạn 99,5%; Chỉ số CCHC của xã đạt 83,40/100 điểm, xếp thứ 5/19.\n")
    assert (r.overall.score, r.overall.percent) == (83.4, None)


def test_a_city_under_the_central_government_is_the_province(tmp_path: Path) -> None:
    body = ("Căn cứ Quyết định số 831/QĐ-UBND ngày 06/01/2023 của UBND huyện Hoài Đức, thành phố Hà Nội về việc "
            "công bố Chỉ số cải cách hành chính năm 2022; UBND xã An Khánh đạt 85,97/100 điểm.\n")
    r = _record(tmp_path, body)
    assert (r.meta.province, r.meta.district) == ("Hà Nội", "Hoài Đức")
    r = _record(tmp_path, body.replace("thành phố Hà Nội", "tỉnh Hải Dương").replace("huyện Hoài Đức", "thành phố Hải Dương"))
    assert (r.meta.province, r.meta.district) == ("Hải Dương", "Hải Dương")


def test_header_columns_interleaved_by_a_converter(tmp_path: Path) -> None:
    header = HEADER.replace("ỦY BAN NHÂN DÂN\nXÃ AN KHÁNH\n", "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ AN KHÁNH\n", 1)
    r = _record(tmp_path, "UBND xã An Khánh đạt 85,97/100 điểm.\n", header)
    assert (r.meta.unit_level, r.meta.unit_name) == ("xã", "An Khánh")


def test_a_merged_header_paragraph_is_cut_at_the_forms_fixed_lines() -> None:
    assert split_header("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM XÃ CAO AN Độc lập - Tự do - Hạnh phúc "
                        "Số: 13/BC-UBND") == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ CAO AN", "Độc lập - Tự do - Hạnh phúc",
        "Số: 13/BC-UBND",
    ]
    assert split_header("Cao An, ngày 31 tháng 01 năm 2024 BÁO CÁO Kết quả thực hiện công tác CCHC năm 2023") == [
        "Cao An, ngày 31 tháng 01 năm 2024", "BÁO CÁO Kết quả thực hiện công tác CCHC năm 2023",
    ]
    assert split_header("Số: 13/BC-UBND Cao An, ngày 31 tháng 01 năm 2024") == [
        "Số: 13/BC-UBND", "Cao An, ngày 31 tháng 01 năm 2024",
    ]
    body = "UBND xã Cao An được UBND huyện chấm điểm đạt 89,10/100 điểm, ngày 12 tháng 1 đã họp."
    assert split_header(body) == [body]
    # places with a number, an apostrophe or a dash, and a number without its colon (held-out round 8's names)
    assert split_header("Số: 08/BC-UBND Đại Ân 2, ngày 22 tháng 01 năm 2024") == [
        "Số: 08/BC-UBND", "Đại Ân 2, ngày 22 tháng 01 năm 2024",
    ]
    assert split_header("XÃ EA H'ĐINH Số 07/BC-UBND Ea H'đinh, ngày 19 tháng 01 năm 2024") == [
        "XÃ EA H'ĐINH", "Số 07/BC-UBND", "Ea H'đinh, ngày 19 tháng 01 năm 2024",
    ]
    assert split_header("PHƯỜNG ĐÔ VINH Số: 03/BC-UBND Phan Rang - Tháp Chàm, ngày 17 tháng 01 năm 2025") == [
        "PHƯỜNG ĐÔ VINH", "Số: 03/BC-UBND", "Phan Rang - Tháp Chàm, ngày 17 tháng 01 năm 2025",
    ]
    # a count is no number line ("Số 15 cán bộ")
    assert split_header("XÃ CAO AN Số 15 cán bộ") == ["XÃ CAO AN Số 15 cán bộ"]


TEXT_TABLE = """UBND xã An Khánh được UBND huyện chấm điểm đạt 95,85/100 điểm, xếp thứ 2/19.
I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022

STT  Tiêu chí                                                 Tối đa     Đạt    Tỷ lệ
1    Chỉ đạo, điều hành công tác cải cách hành chính              12    11,5   95,83%
2    Cải cách thể chế                                              6       6     100%
3    Cải cách thủ tục hành chính                                  20   18,75   93,75%
4    Cải cách tổ chức bộ máy hành chính nhà nước                   7       7     100%
5    Cải cách chế độ công vụ, công chức                           10     9,5   95,00%
6    Cải cách tài chính công                                       6       6     100%
7    Xây dựng và phát triển Chính quyền điện tử, Chính quyền số   13    12,5   96,15%
8    Tác động của cải cách hành chính đến phát triển kinh tế       4     3,5   87,50%
9    Chỉ số đánh giá tác động của các tổ chức đối với CCHC        10     9,5   95,00%
10   Chỉ số hài lòng của người dân, tổ chức                       12    11,6   96,67%
     Tổng cộng                                                   100   95,85   95,85%

II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC
1. Chỉ đạo, điều hành công tác cải cách hành chính
a) Các chỉ số thành phần đạt điểm tối đa:
- Mục 1.2 (Thực hiện chế độ báo cáo định kỳ): đảm bảo thời gian theo quy định, đạt 2/2 điểm.
- Mục 1.4 (Công tác tuyên truyền CCHC): đã thực hiện đầy đủ, đúng quy định.
b) Các chỉ số thành phần chưa đạt điểm tối đa:
- Mục 1.6 (Đối thoại của lãnh đạo xã với người dân): thiếu báo cáo quý, đạt 1,5/2 điểm.
2. Cải cách thể chế
- Thực hiện nghiêm túc các quy định.
"""


def test_component_lists_after_a_criteria_table_typed_as_text(tmp_path: Path) -> None:
    r = _record(tmp_path, TEXT_TABLE)
    assert [(c.code, c.score, c.max_score) for c in r.criteria][:3] == [("1", 11.5, 12.0), ("2", 6.0, 6.0),
                                                                        ("3", 18.75, 20.0)]
    assert len(r.criteria) == 10
    assert [(i.code, i.listed_as, i.score, i.max_score) for i in r.indicators] == [
        ("1.2", "full", 2.0, 2.0), ("1.4", "full", None, None), ("1.6", "incomplete", 1.5, 2.0),
    ]


def test_a_number_alone_is_a_page_number_between_body_lines_and_a_cell_between_cells() -> None:
    from cchc.extractors.document import Block, BlockKind, Provenance
    from cchc.extractors.readers.reflow import _page_number

    def paras(*texts: str) -> list[Block]:
        return [Block(kind=BlockKind.PARAGRAPH, text=t, prov=Provenance(paragraph=k)) for k, t in enumerate(texts)]

    body = paras("UBND xã đã ban hành đầy đủ các văn bản chỉ đạo, phân công nhiệm vụ cụ", "3",
                 "thể cho từng công chức và tổ chức kiểm tra việc thực hiện trong năm.")
    assert _page_number(body, 1)
    cells = paras("Công tác chỉ đạo, điều hành CCHC", "15", "13", "86,67", "2", "Cải cách thể chế")
    assert not any(_page_number(cells, k) for k in range(len(cells)))


CELL_STREAM = (
    "Điểm tối STT Lĩnh vực / tiêu chí Điểm đạt Tỷ lệ (%) đa 1 Công tác chỉ đạo, điều hành CCHC 15 13 86,67 "
    "2 Cải cách thể chế 5 5 100 3 Cải cách thủ tục hành chính 18,5 16,5 89,19 Cải cách tổ chức bộ máy hành "
    "chính nhà 4 6 6 100 nước 5 Cải cách chế độ công vụ, công chức 11 9,5 86,36 6 Cải cách tài chính công 7 6 "
    "85,71 Xây dựng chính quyền điện tử, chính quyền 7 11,5 9,75 84,78 số Tác động của CCHC đến sự phát triển "
    "kinh 8 2 1,5 75,00 tế - xã hội Đánh giá của các tổ chức đối với công tác 9 CCHC của UBND xã (qua điều tra "
    "xã hội 14 11 78,57 học) Chỉ số hài lòng của người dân, tổ chức đối 10 10 9 90,00 với sự phục vụ của UBND "
    "xã Tổng cộng 100 87,25 87,25"
)


def test_a_converters_cells_one_after_another_read_as_criteria_rows() -> None:
    from cchc.extractors.framework import generic_framework
    from cchc.extractors.tables import criteria_from_cell_stream

    rows = criteria_from_cell_stream(CELL_STREAM, generic_framework())
    assert [(c.code, c.max_score, c.score, c.percent) for c, _, _ in rows] == [
        ("1", 15, 13, 86.67), ("2", 5, 5, 100), ("3", 18.5, 16.5, 89.19), ("4", 6, 6, 100), ("5", 11, 9.5, 86.36),
        ("6", 7, 6, 85.71), ("7", 11.5, 9.75, 84.78), ("8", 2, 1.5, 75), ("9", 14, 11, 78.57), ("10", 10, 9, 90),
    ]
    # a row whose percent does not check, between two rows that do, is read as printed (for percent_mismatch),
    # and the next row keeps its own numbers; one without its three numbers is left out; too few rows are no table
    broken = CELL_STREAM.replace("7 6 85,71", "7 6 95,71")
    assert [(c.code, c.score, c.percent) for c, _, _ in criteria_from_cell_stream(broken, generic_framework())][4:7] == [
        ("5", 9.5, 86.36), ("6", 6, 95.71), ("7", 9.75, 84.78),
    ]
    blank = CELL_STREAM.replace("7 6 85,71", "7 – –")
    assert [c.code for c, _, _ in criteria_from_cell_stream(blank, generic_framework())][4:6] == ["5", "7"]
    early = CELL_STREAM.replace("15 13 86,67", "15 13 96,67").replace("Cải cách thể chế 5 5 100", "Cải cách thể chế 5 5 90")
    assert [(c.code, c.score) for c, _, _ in criteria_from_cell_stream(early, generic_framework())][:2] == [
        ("3", 16.5), ("4", 6),
    ]
    prose = "Năm 2022 có 15 13 86,67 hồ sơ; 2 lần kiểm tra 5 5 100 lượt."
    assert criteria_from_cell_stream(prose, generic_framework()) == []


# The same table numbered with roman numerals and a rank column, as a converter streams it: the row number
# in the middle of a wrapped title ("Cải cách tổ chức bộ máy hành IV 6 5,5 91,67 8/20 chính nhà nước")
ROMAN_STREAM = (
    "Điểm Điểm Tỷ lệ STT Lĩnh vực / tiêu chí Xếp hạng tối đa đạt (%) I Công tác chỉ đạo, điều hành 15 12,5 83,33 "
    "12/20 II Cải cách thể chế 5 4,5 90,00 5/20 III Cải cách thủ tục hành chính 18,5 15,75 85,14 19/20 Cải cách "
    "tổ chức bộ máy hành IV 6 5,5 91,67 8/20 chính nhà nước V Cải cách chế độ công vụ 11 9,5 83,36 7/20 VI Cải "
    "cách tài chính công 7 6 85,71 18/20 Điểm Điểm Tỷ lệ STT Lĩnh vực / tiêu chí Xếp hạng tối đa đạt (%) Xây "
    "dựng và phát triển Chính VII 11,5 9,75 84,78 19/20 quyền điện tử, Chính quyền số Tổng cộng 100 85,10 85,10"
)


def test_a_converters_cells_numbered_in_roman_with_a_rank_column() -> None:
    from cchc.extractors.framework import generic_framework
    from cchc.extractors.tables import criteria_from_cell_stream

    rows = [c for c, _, _ in criteria_from_cell_stream(ROMAN_STREAM, generic_framework())]
    assert [(c.code, c.printed_number, c.max_score, c.score, c.percent, c.rank, c.rank_total) for c in rows] == [
        ("1", "I", 15, 12.5, 83.33, 12, 20), ("2", "II", 5, 4.5, 90, 5, 20), ("3", "III", 18.5, 15.75, 85.14, 19, 20),
        ("4", "IV", 6, 5.5, 91.67, 8, 20),
        ("5", "V", 11, 9.5, 83.36, 7, 20),  # 9,5/11 is 86,36%: read as printed, between rows that check
        ("6", "VI", 7, 6, 85.71, 18, 20), ("7", "VII", 11.5, 9.75, 84.78, 19, 20),
    ]
    # a rank beyond its total is read as printed (rank_out_of_range reports it); a row without a rank cell has none
    odd = [c for c, _, _ in criteria_from_cell_stream(ROMAN_STREAM.replace("5/20", "25/20"), generic_framework())]
    assert (odd[1].rank, odd[1].rank_total, odd[2].rank) == (25, 20, 19)
    plain = [c for c, _, _ in criteria_from_cell_stream(ROMAN_STREAM.replace(" 5/20", ""), generic_framework())]
    assert (plain[1].rank, plain[2].rank) == (None, 19)


def test_signer_with_the_page_number_below_and_title_joined_with_recipients(tmp_path: Path) -> None:
    tail = ("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2022 của UBND xã An Khánh./.\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Phòng Nội vụ huyện;\nCHỦ TỊCH - TT Đảng ủy, HĐND xã;\n- Lưu: VP.\n"
            "Trần Văn Lập 4\n")
    r = _record(tmp_path, "UBND xã An Khánh đạt 85,97/100 điểm.\n" + tail)
    assert (r.meta.signer, r.meta.signer_title) == ("Trần Văn Lập", "Chủ tịch")
    # the footer as other converters print it after the name (held-out round 8: "Nguyễn Văn Cửa Trang 4")
    for footer in ("Trang 4", "- 4 -", "4/4"):
        r = _record(tmp_path, "UBND xã An Khánh đạt 85,97/100 điểm.\n" + tail.replace("Trần Văn Lập 4", f"Trần Văn Lập {footer}"))
        assert r.meta.signer == "Trần Văn Lập", footer
    # a name that ends with "Trang" keeps it: with no number after it, or when too few words would be left
    for line in ("Nguyễn Thị Trang", "Nguyễn Thị Trang 4"):
        r = _record(tmp_path, "UBND xã An Khánh đạt 85,97/100 điểm.\n" + tail.replace("Trần Văn Lập 4", line))
        assert r.meta.signer == "Nguyễn Thị Trang", line


def test_a_paragraph_going_on_with_a_year_counts_as_broken_mid_sentence() -> None:
    from cchc.extractors.document import Block, BlockKind, Provenance
    from cchc.extractors.readers.reflow import _breaks_mid_sentence

    def para(text: str) -> Block:
        return Block(kind=BlockKind.PARAGRAPH, text=text, prov=Provenance(paragraph=0))

    assert _breaks_mid_sentence(para("Trên đây là báo cáo kết quả công tác CCHC năm"), para("2021 của UBND xã Tam Hưng./."))
    assert not _breaks_mid_sentence(para("I. KẾT QUẢ THỰC HIỆN CCHC"), para("1. Về công tác chỉ đạo, điều hành"))
    assert not _breaks_mid_sentence(para("Kết quả như sau:"), para("2021 là năm đầu tiên …"))


def test_the_grade_on_the_next_line_and_staff_ratings_are_no_grade(tmp_path: Path) -> None:
    body = ("Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 94,80% (94,80/100 điểm), xếp thứ 2/20. Xếp loại:\n"
            "Xuất sắc.\n- Mục 5.2 (Đánh giá, xếp loại cán bộ, công chức): đạt 2/3 điểm.\n")
    assert _record(tmp_path, body).overall.classification == "Xuất sắc"
    body = "UBND xã An Khánh đạt 85,97/100 điểm.\n- Việc đánh giá, xếp loại cán bộ, công chức được thực hiện.\n"
    assert _record(tmp_path, body).overall.classification is None


def test_a_starred_list_heading_inside_a_converted_paragraph_is_cut() -> None:
    from cchc.extractors.readers.reflow import split_inner_starts

    text = ("1. Công tác chỉ đạo, điều hành CCHC - Thực hiện nghiêm túc các quy định. * Các chỉ số thành phần đạt "
            "điểm tối đa:")
    assert split_inner_starts(text, set()) == [
        "1. Công tác chỉ đạo, điều hành CCHC - Thực hiện nghiêm túc các quy định.",
        "* Các chỉ số thành phần đạt điểm tối đa:",
    ]
    assert split_inner_starts("Tổng số 3 * 4 = 12 hồ sơ", set()) == ["Tổng số 3 * 4 = 12 hồ sơ"]


def test_a_word_header_typed_with_tabs_and_a_report_citing_the_ranking_decision(tmp_path: Path) -> None:
    """Header lines typed as "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …" in Word; the body cites the decision that
    announced the index ("về việc công bố Chỉ số CCHC …"): a unit's report, not a ranking."""
    import docx

    document = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ QUANG PHÚ\t\tĐộc lập - Tự do - Hạnh phúc",
                 "Số: 11/BC-UBND\t\tQuang Phú, ngày 15 tháng 01 năm 2025", "BÁO CÁO",
                 "Kết quả thực hiện công tác cải cách hành chính năm 2024",
                 ("Căn cứ Quyết định số 831/QĐ-UBND ngày 06/01/2025 của UBND huyện về việc công bố Chỉ số cải cách "
                  "hành chính năm 2024 của UBND các xã, thị trấn;"),
                 "UBND xã Quang Phú được UBND huyện chấm điểm đạt 92,375/100 điểm, xếp thứ 4/14 xã, thị trấn.",
                 "1. Công tác chỉ đạo, điều hành: 9,25/10 điểm.", "2. Cải cách thể chế: 7/8 điểm.",
                 "3. Cải cách thủ tục hành chính: 20/22 điểm."]:
        document.add_paragraph(line)
    path = tmp_path / "tabs.docx"
    document.save(str(path))
    r = extract_file(path)
    assert r.document_type == "report"
    assert (r.meta.unit_level, r.meta.unit_name, r.meta.doc_number, r.meta.issued_date) == (
        "xã", "Quang Phú", "11/BC-UBND", "2025-01-15",
    )
    assert (r.overall.score, r.overall.rank, r.overall.rank_total) == (92.375, 4, 14)


def test_an_overall_summary_in_bullets(tmp_path: Path) -> None:
    body = ("UBND xã An Khánh báo cáo kết quả như sau:\n- Tổng điểm đạt được: 89,00/100 điểm; tỷ lệ đạt: 89,00%.\n"
            "- Xếp hạng: xếp thứ 11/32 xã, thị trấn (tụt 2 bậc so với năm 2021).\n- Xếp loại: Khá.\n"
            "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n- Các nhiệm vụ được triển khai kịp thời, xếp thứ 3/10 khối.\n")
    o = _record(tmp_path, body).overall
    assert (o.score, o.percent, o.rank, o.rank_total, o.rank_change, o.classification) == (89.0, 89.0, 11, 32, -2, "Khá")


def test_a_ratios_percent_in_brackets_after_its_noun() -> None:
    from cchc.extractors.quantities import find_quantities

    found = find_quantities("Số công chức có trình độ đại học trở lên là 10/11 công chức (90,91%).")
    assert [(q.numerator, q.denominator, q.percent) for q in found] == [(10, 11, 90.91)]
    found = find_quantities("Đã giải quyết 9/10 hồ sơ (trong đó 2 hồ sơ trễ hạn, 20%).")
    assert [(q.numerator, q.denominator, q.percent) for q in found] == [(9, 10, None)]
    found = find_quantities("- Tỷ lệ hồ sơ được xử lý trực tuyến: 900/1.245 tổng số hồ sơ giải quyết trong năm (72,3%).")
    assert [(q.numerator, q.denominator, q.percent) for q in found] == [(900, 1245, 72.3)]
    assert find_quantities("900/1.245 hồ sơ giải quyết trong năm (tăng 5%).")[0].percent is None


def test_criteria_numbered_with_a_slash(tmp_path: Path) -> None:
    body = ("UBND xã An Khánh đạt 21,5/25 điểm.\nI. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2022\n"
            "1/ Công tác chỉ đạo, điều hành CCHC: đạt 9/10 điểm, tỷ lệ 90,00%.\n- Thực hiện nghiêm túc các quy định.\n"
            "2/ Cải cách thể chế: đạt 7,5/8 điểm, tỷ lệ 93,75%.\n3/ Cải cách thủ tục hành chính: đạt 5/7 điểm.\n"
            "Có 2/19 xã đạt loại tốt.\n")
    r = _record(tmp_path, body)
    assert [(c.code, c.score, c.max_score) for c in r.criteria] == [("1", 9, 10), ("2", 7.5, 8), ("3", 5, 7)]


def test_a_worded_ratio_with_its_noun_before_tren() -> None:
    from cchc.extractors.quantities import find_quantities

    text = ("- Số hồ sơ tiếp nhận, giải quyết trực tuyến: 1.290 hồ sơ trên tổng số 1.900 hồ sơ TTHC đã giải quyết "
            "trong năm, chiếm 67,9%.")
    assert [(q.numerator, q.denominator, q.percent) for q in find_quantities(text)] == [(1290, 1900, 67.9)]
    assert find_quantities("UBND xã xếp vị trí 3 trên 18 đơn vị của huyện.") == []


def test_a_criterion_word_heading_inside_a_converted_paragraph_is_cut() -> None:
    from cchc.extractors.readers.reflow import split_inner_starts

    text = "… đạt 2/2 điểm. Lĩnh vực 6: Cải cách tài chính công Điểm đạt: 6,5/7 điểm;"
    assert split_inner_starts(text, set()) == ["… đạt 2/2 điểm.", "Lĩnh vực 6: Cải cách tài chính công Điểm đạt: 6,5/7 điểm;"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # a criterion named by its title alone, its score after the colon (held-out round 8's form), with "Về" or
        # without it (a criterion's title in the generic framework)
        ("tự chấm điểm. Về cải cách thể chế : 5/5 điểm, xếp thứ 1/3.", ["tự chấm điểm.", "Về cải cách thể chế : 5/5 điểm, xếp thứ 1/3."]),
        ("tự chấm điểm. Cải cách thể chế : 5/5 điểm.", ["tự chấm điểm.", "Cải cách thể chế : 5/5 điểm."]),
        ("… đạt 2/2 điểm. Tiêu chí số 6: Cải cách tài chính công", ["… đạt 2/2 điểm.", "Tiêu chí số 6: Cải cách tài chính công"]),
        ("… đạt 2/2 điểm. Lĩnh vực thứ hai - Cải cách thể chế", ["… đạt 2/2 điểm.", "Lĩnh vực thứ hai - Cải cách thể chế"]),
        ("… đạt 2/2 điểm. 2- Về cải cách thể chế: 5/5 điểm", ["… đạt 2/2 điểm.", "2- Về cải cách thể chế: 5/5 điểm"]),
        ("… kiểm chứng. (2) Về cải cách thể chế : 5/5 điểm", ["… kiểm chứng.", "(2) Về cải cách thể chế : 5/5 điểm"]),
        ("… đạt 2/2 điểm. Lĩnh vực 2. Cải cách thể chế", ["… đạt 2/2 điểm.", "Lĩnh vực 2. Cải cách thể chế"]),
        ("… đạt tỷ lệ 40,53%. (4) Về cải cách tổ chức bộ máy :", ["… đạt tỷ lệ 40,53%.", "(4) Về cải cách tổ chức bộ máy :"]),
        ("- Mục 1.3: gồm (1) Kế hoạch; (2) Báo cáo, đạt 0,5/1 điểm.", ["- Mục 1.3: gồm (1) Kế hoạch; (2) Báo cáo, đạt 0,5/1 điểm."]),
        # not cut: a title after its own number, a label in an item that names no criterion
        ("… quy định. 6. Về Cải cách tài chính công: 5/6 điểm.", ["… quy định.", "6. Về Cải cách tài chính công: 5/6 điểm."]),
        ("- Mục 1.3 (Kiểm tra): đã thực hiện. Kết quả: 0,5/1 điểm.", ["- Mục 1.3 (Kiểm tra): đã thực hiện. Kết quả: 0,5/1 điểm."]),
        ("- Mục 1.3: chưa đủ. Về kết quả: đạt 0,5/1 điểm trong năm.", ["- Mục 1.3: chưa đủ. Về kết quả: đạt 0,5/1 điểm trong năm."]),
    ],
)
def test_criterion_headings_inside_a_converted_paragraph(text: str, pieces: list[str]) -> None:
    from cchc.extractors.readers.reflow import split_inner_starts

    assert split_inner_starts(text, set()) == pieces


def test_a_page_number_run_into_the_next_pages_heading_is_dropped() -> None:
    from cchc.extractors.document import Block, BlockKind, Provenance
    from cchc.extractors.readers.reflow import reflow

    texts = ["III. NHIỆM VỤ TRỌNG TÂM NĂM 2023", "3 1. Tiếp tục đẩy mạnh công tác tuyên truyền về CCHC.",
             "2. Nâng cao chất lượng giải quyết TTHC.", "Có 3 2. lượt kiểm tra"]
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=t, prov=Provenance(paragraph=20 + k)) for k, t in enumerate(texts)]
    warnings: list[str] = []
    out = [b.text for b in reflow(blocks, warnings)]
    assert out[:3] == ["III. NHIỆM VỤ TRỌNG TÂM NĂM 2023", "1. Tiếp tục đẩy mạnh công tác tuyên truyền về CCHC.",
                       "2. Nâng cao chất lượng giải quyết TTHC."]
    assert warnings == ["paragraph 21: dropped page number '3'"]


def test_criteria_headed_linh_vuc_n_dot_with_abbreviated_titles(tmp_path: Path) -> None:
    lines = ["Lĩnh vực 1. Công tác chỉ đạo, điều hành: 11/12 điểm (91,67%).",
             "Lĩnh vực 8. Tác động của CCHC đến phát triển KT-XH: 3,5/4 điểm (87,5%).",
             "Lĩnh vực 9. Đánh giá của tổ chức (điều tra XHH): 8/10 điểm (80%).",
             "Lĩnh vực 10. Sự hài lòng của người dân: 11/12 điểm (91,67%)."]
    r = _record(tmp_path, "Chỉ số CCHC của xã đạt 87,5 điểm/100 điểm, xếp thứ 05/30 xã.\n" + "\n".join(lines) + "\n")
    assert [(c.code, c.score, c.max_score, c.percent) for c in r.criteria] == [
        ("1", 11, 12, 91.67), ("8", 3.5, 4, 87.5), ("9", 8, 10, 80), ("10", 11, 12, 91.67),
    ]
    assert (r.overall.score, r.overall.max_score, r.overall.rank, r.overall.rank_total) == (87.5, 100, 5, 30)


R2_HEADER = """UỶ BAN NHÂN DÂN
PHƯỜNG HÒA BÌNH
Số: 22 /BC-UBND
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Bình, ngày 10 tháng 3 năm 2023
BÁO CÁO
Đánh giá, phân tích kết quả Chỉ số CCHC năm 2022
"""
R2_BODY = """Kết quả Chỉ số CCHC năm 2022 của phường đạt 88,31%, đứng thứ 4 trong 15 phường, xã (năm 2021 xếp thứ 9), tăng 5 bậc.
6. Cải cách tài chính công: 6,5 điểm/7 điểm, đạt 92,86%.
7. Xây dựng chính quyền điện tử, chính quyền số: 10 điểm/11,5 điểm, đạt 86,96%.
8. Tác động của CCHC: 1,75 điểm/2 điểm, đạt 87,5%.
9. Chỉ số đánh giá của tổ chức, cá nhân: 12,5 điểm/14 điểm, đạt 89,29%.
Tổng cộng: 88,31 điểm/100 điểm.
III. PHƯƠNG HƯỚNG NĂM 2023
1. Phấn đấu đạt từ 90/100 điểm trở lên.
"""


def test_a_ward_under_ue_spelling_a_percent_first_and_a_criterion_known_by_its_place(tmp_path: Path) -> None:
    r = _record(tmp_path, R2_BODY, R2_HEADER)
    assert (r.meta.unit_level, r.meta.unit_name) == ("phường", "Hòa Bình")
    o = r.overall
    assert (o.score, o.max_score, o.percent, o.rank, o.rank_total, o.rank_change) == (88.31, 100, 88.31, 4, 15, 5)
    # "8. Tác động của CCHC" names no criterion on its own: it is the one numbered after 7, before 9
    assert [(c.code, c.score, c.max_score) for c in r.criteria] == [
        ("6", 6.5, 7), ("7", 10, 11.5), ("8", 1.75, 2), ("9", 12.5, 14),
    ]
    # a target numbered "1." in a later section is no criterion 1
    assert "1" not in [c.code for c in r.criteria]


R3_BODY = """Tổng điểm đạt được: 85,25 điểm (tổng điểm tối đa 100 điểm), đạt 85,25%, xếp hạng 8/25.
1. Công tác chỉ đạo, điều hành (tối đa 12 điểm): đạt 10,5 điểm.
2. Cải cách thể chế (tối đa 6 điểm): đạt 6 điểm.
3. Cải cách thủ tục hành chính (tối đa 20 điểm): đạt 17,25 điểm.
4. Cải cách tổ chức bộ máy hành chính (tối đa 7 điểm): đạt 6 điểm.
5. Cải cách chế độ công vụ (tối đa 10 điểm): đạt 8,5 điểm.
6. Cải cách tài chính công (tối đa 6 điểm): đạt 5 điểm.
7. Xây dựng chính quyền điện tử (tối đa 13 điểm): đạt 11 điểm.
8. Tác động của CCHC đến phát triển kinh tế - xã hội (tối đa 4 điểm): đạt 3 điểm.
9. Điều tra xã hội học (tối đa 10 điểm): đạt 8 điểm.
10. Chỉ số hài lòng của người dân (tối đa 12 điểm): đạt 10 điểm.
"""


def test_scores_stated_as_points_with_the_maximum_in_brackets(tmp_path: Path) -> None:
    from cchc.api import check_record

    r = _record(tmp_path, R3_BODY)
    assert (r.overall.score, r.overall.max_score, r.overall.percent, r.overall.rank) == (85.25, 100, 85.25, 8)
    assert [(c.code, c.score, c.max_score) for c in r.criteria][:3] == [("1", 10.5, 12), ("2", 6, 6), ("3", 17.25, 20)]
    assert sum(c.max_score or 0 for c in r.criteria) == 100
    assert [f.kind for f in check_record(r) if f.severity != "info"] == []
    wrong = _record(tmp_path, R3_BODY.replace("đạt 17,25 điểm", "đạt 18,25 điểm"))
    assert [f.kind for f in check_record(wrong) if f.severity != "info"] == ["total_mismatch"]


def test_an_overall_under_a_numbered_heading_beside_a_self_assessed_score(tmp_path: Path) -> None:
    body = ("1. Kết quả chung\nĐiểm UBND xã tự đánh giá: 90,5 điểm; điểm được Hội đồng thẩm định: 87,25/100 điểm, "
            "đạt tỷ lệ 87,25 %. UBND xã xếp thứ 08/22 xã, thị trấn, so với năm 2022 tăng 03 bậc (từ thứ 11 lên thứ 8).\n"
            "2. Kết quả từng lĩnh vực\n- Công tác chỉ đạo, điều hành: 11,5/12 điểm (đạt 95,83 %);\n"
            "- Cải cách thể chế: 6/6 điểm (đạt 100 %);\n")
    r = _record(tmp_path, body)
    o = r.overall
    assert (o.score, o.max_score, o.percent, o.rank, o.rank_total, o.rank_change) == (87.25, 100, 87.25, 8, 22, 3)
    assert [(c.code, c.score) for c in r.criteria] == [("1", 11.5), ("2", 6)]


def test_component_lists_after_a_converters_table_with_its_header_repeated(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in HEADER.splitlines():
        document.add_paragraph(line)
    body = [
        "Kết quả Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 85,10/100 điểm, xếp thứ 9/20 xã, thị trấn.",
        "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022",
        ROMAN_STREAM,  # the rank "18/20" then the header repeated: "18/20 Điểm" reads as a score
        "II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC",
        "1. Công tác chỉ đạo, điều hành",
        "a) Các chỉ số thành phần đạt điểm tối đa:",
        "- Chỉ số 1.1 (Kế hoạch CCHC năm): đã thực hiện đầy đủ, đạt 2,5/2,5 điểm.",
        "3. Cải cách thủ tục hành chính",
        "- Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 1.799/1.805 hồ sơ được giải quyết trong năm, đạt 99,67%.",
    ]
    for text in body:
        document.add_paragraph(text)
    path = tmp_path / "table.docx"
    document.save(str(path))
    r = extract_file(path)
    assert [c.code for c in r.criteria] == ["1", "2", "3", "4", "5", "6", "7"]
    [indicator] = r.indicators
    assert (indicator.code, indicator.criterion, indicator.listed_as, indicator.score) == ("1.1", "1", "full", 2.5)
    # the table states every criterion: a ratio after it is not put under the table's last row (7)
    [records] = [q for q in r.quantities if q.denominator == 1805]
    assert records.criterion is None
    # and the table's rank cells ("12/20") are no quantities: the ratio above is the only one
    assert [(q.numerator, q.denominator) for q in r.quantities] == [(1799, 1805)]


def _bold_heading_docx(path: Path, body: list[str]) -> Path:
    """A Word document of ``HEADER`` then ``body``, a paragraph per line, headings (not "Đạt …") in bold."""
    import docx

    document = docx.Document()
    for line in HEADER.splitlines():
        document.add_paragraph(line)
    for text in body:
        document.add_paragraph().add_run(text).bold = not text.startswith(("Đạt", "UBND"))
    document.save(str(path))
    return path


def test_a_roman_criterion_heading_wrapped_into_a_second_paragraph(tmp_path: Path) -> None:
    # one wrapped heading (a document whose paragraphs do not break in mid-sentence is not re-flowed)
    lead = ["UBND xã An Khánh đạt 85,10/100 điểm.", "PHẦN II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC",
            "VII. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            "Đạt 9,5 điểm trên tổng số 11 điểm, tỷ lệ 86,36%."]
    wrapped = [
        "VIII. Tác động của cải cách hành chính đến",  # names no criterion until its second line
        "phát triển kinh tế - xã hội của xã",
        "Đạt 3,5 điểm trên tổng số 3 điểm, tỷ lệ 116,67%.",
    ]
    r = extract_file(_bold_heading_docx(tmp_path / "wrapped.docx", lead + wrapped))
    assert [(c.code, c.printed_number, c.score, c.max_score, c.percent) for c in r.criteria] == [
        ("7", "VII.", 9.5, 11, 86.36), ("8", "VIII.", 3.5, 3, 116.67),
    ]
    # a heading of another kind wrapped the same way stays a section
    other = ["VIII. Những việc cần làm tiếp", "trong năm tới", "Đạt 2 điểm trên tổng số 4 điểm."]
    r = extract_file(_bold_heading_docx(tmp_path / "other.docx", lead + other))
    assert [c.code for c in r.criteria] == ["7"]


def test_a_results_heading_under_phan_states_the_report_year(tmp_path: Path) -> None:
    def body(year: str) -> str:
        return (
            "PHẦN I. KẾT QUẢ CHUNG\nChỉ số CCHC năm 2022 của xã đạt 83,50%, xếp hạng 11/17 xã, thị trấn.\n"
            f"PHẦN II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC NĂM {year}\n"
            "I. Công tác chỉ đạo, điều hành\nĐạt 12 điểm trên tổng số 14 điểm, tỷ lệ 85,71%.\n"
            "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2022 của UBND xã An Khánh./.\n"
        )

    r = _record(tmp_path, body("2020"))  # the title and the closing name 2022
    # the last: the overall statement's own year ("Chỉ số CCHC năm 2022 của xã đạt 83,50%")
    assert [(y.role, y.year) for y in r.years] == [("title", 2022), ("body", 2020), ("closing", 2022), ("body", 2022)]
    assert [(f.kind, f.subject, f.actual) for f in r.findings if f.kind == "year_mismatch"] == [("year_mismatch", "body", 2020)]
    r = _record(tmp_path, body("2022"))
    assert [f for f in r.findings if f.kind == "year_mismatch"] == []


def test_criteria_headed_in_capitals_without_a_number(tmp_path: Path) -> None:
    body = (
        "Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 85,10/100 điểm, xếp thứ 9/20 xã, thị trấn.\n"
        "I. KẾT QUẢ THEO TỪNG LĨNH VỰC\nKết quả cụ thể như sau:\n"
        "CẢI CÁCH THỂ CHẾ\nĐạt 4,5/5 điểm, tỷ lệ 90,00%, xếp thứ 5/20.\n"
        "CẢI CÁCH TÀI CHÍNH CÔNG\nĐạt 6/7 điểm, tỷ lệ 85,71%, xếp thứ 18/20.\n"
        "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ\nThực hiện tốt việc đánh giá cán bộ, công chức theo quy định.\n"  # no score after it
    )
    r = _record(tmp_path, body)
    assert [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in r.criteria] == [
        ("2", 4.5, 5, 90, 5, 20), ("6", 6, 7, 85.71, 18, 20),
    ]
    assert r.criteria[0].title == "CẢI CÁCH THỂ CHẾ"


def test_component_lists_of_codes_alone(tmp_path: Path) -> None:
    body = (
        "Chỉ số CCHC năm 2022 của UBND xã An Khánh đạt 85,10/100 điểm, xếp thứ 9/20 xã, thị trấn.\n"
        "I. KẾT QUẢ THEO TỪNG LĨNH VỰC\n1. Công tác chỉ đạo, điều hành: 12,5/15 điểm, tỷ lệ 83,33%.\n"
        "- Các chỉ số thành phần đạt điểm tối đa: 1.1, 1.2, 1.4, 1.5.\n"
        "- Các chỉ số thành phần chưa đạt điểm tối đa: 1.3 (đạt 0,5/1 điểm), 1.4 (đạt 1/2 điểm), 1.6 (đạt 0/1 điểm).\n"
    )
    r = _record(tmp_path, body)
    assert [(i.code, i.listed_as, i.score, i.max_score, i.criterion) for i in r.indicators] == [
        ("1.1", "full", None, None, "1"), ("1.2", "full", None, None, "1"), ("1.4", "full", None, None, "1"),
        ("1.5", "full", None, None, "1"), ("1.3", "incomplete", 0.5, 1, "1"), ("1.4", "incomplete", 1, 2, "1"),
        ("1.6", "incomplete", 0, 1, "1"),
    ]
    assert [(f.kind, f.subject) for f in r.findings if f.kind == "status_contradiction"] == [("status_contradiction", "1.4")]
    # a decimal comma inside an item's score is no clause break; a list of words names no indicator
    r = _record(tmp_path, body.replace("1.1, 1.2, 1.4, 1.5.", "kế hoạch, báo cáo, kiểm tra."))
    assert [i.code for i in r.indicators if i.listed_as == "full"] == []


def test_a_criteria_table_with_the_score_and_its_maximum_in_one_cell(tmp_path: Path) -> None:
    import docx

    rows = [("1", "Công tác chỉ đạo, điều hành", "12,5/15", "83,33", "12/20"), ("2", "Cải cách thể chế", "4,5/5", "90,00", "5/20"),
            ("3", "Cải cách thủ tục hành chính", "15,75/18,5 điểm", "85,14", "19/20")]
    document = docx.Document()
    for line in HEADER.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows) + 1, cols=5)
    for k, head in enumerate(("TT", "Lĩnh vực", "Điểm đạt/Điểm tối đa", "Tỷ lệ (%)", "Xếp hạng")):
        table.cell(0, k).text = head
    for r, row in enumerate(rows, start=1):
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    document.save(str(tmp_path / "pair.docx"))
    record = extract_file(tmp_path / "pair.docx")
    assert [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in record.criteria] == [
        ("1", 12.5, 15, 83.33, 12, 20), ("2", 4.5, 5, 90, 5, 20), ("3", 15.75, 18.5, 85.14, 19, 20),
    ]


def _group_table_docx(path: Path, rows: list[tuple[str, ...]]) -> Path:
    import docx

    document = docx.Document()
    for line in HEADER.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows) + 1, cols=6)
    for k, head in enumerate(("TT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)", "Ghi chú")):
        table.cell(0, k).text = head
    for r, row in enumerate(rows, start=1):
        if len(row) == 2:  # a group row: its title merged across the other columns
            table.cell(r, 1).merge(table.cell(r, 5))
            table.cell(r, 0).text, table.cell(r, 1).text = row
            continue
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    document.save(str(path))
    return path


def test_a_criteria_table_with_merged_group_rows(tmp_path: Path) -> None:
    # group rows ("I | Nhóm chỉ số về chỉ đạo, điều hành và cải cách thể chế") name a criterion's words
    # ("cải cách thể chế") but hold no score: the criterion is the row below
    rows = [
        ("I", "Nhóm chỉ số về chỉ đạo, điều hành và cải cách thể chế"),
        ("1", "Công tác chỉ đạo, điều hành", "12", "11", "91,67", "Bị trừ 1 điểm"),
        ("2", "Cải cách thể chế", "5", "5", "100", "Đạt điểm tối đa"),
        ("II", "Nhóm chỉ số về cải cách thủ tục hành chính"),
        ("3", "Cải cách thủ tục hành chính", "20", "17,5", "87,50", "Bị trừ 2,5 điểm; 1.848/1.851 hồ sơ đúng hạn"),
    ]
    record = extract_file(_group_table_docx(tmp_path / "groups.docx", rows))
    assert [(c.code, c.score, c.max_score, c.percent) for c in record.criteria] == [
        ("1", 11, 12, 91.67), ("2", 5, 5, 100), ("3", 17.5, 20, 87.5),
    ]
    # a criterion row whose score cells are empty is still that criterion (no group row: an arabic number)
    rows[2] = ("2", "Cải cách thể chế", "5", "", "", "")
    record = extract_file(_group_table_docx(tmp_path / "blank.docx", rows))
    assert [(c.code, c.score, c.max_score) for c in record.criteria] == [("1", 11, 12), ("2", None, 5), ("3", 17.5, 20)]


def test_a_converters_cells_with_a_notes_column_and_a_score_above_its_maximum() -> None:
    from cchc.extractors.framework import generic_framework
    from cchc.extractors.tables import criteria_from_cell_stream

    # a "Ghi chú" column, no rank column: "19/20 CBCC đạt chuẩn" after a percent is a note, no rank
    notes = CELL_STREAM.replace("Tỷ lệ (%) đa", "Tỷ lệ (%) Ghi chú đa").replace("9,5 86,36", "9,5 86,36 10/11 CBCC đạt chuẩn")
    rows = [c for c, _, _ in criteria_from_cell_stream(notes, generic_framework())]
    assert [(c.code, c.score, c.rank, c.rank_total) for c in rows][4] == ("5", 9.5, None, None)
    # with a rank column the same cell is a rank (see ROMAN_STREAM)
    ranked = notes.replace("Ghi chú", "Xếp hạng")
    assert [(c.rank, c.rank_total) for c, _, _ in criteria_from_cell_stream(ranked, generic_framework())][4] == (10, 11)
    # "2 2,5 125,00": a score above its maximum, between rows that check, read as printed (score_above_max)
    above = CELL_STREAM.replace("8 2 1,5 75,00", "8 2 2,5 125,00")
    rows = [c for c, _, _ in criteria_from_cell_stream(above, generic_framework())]
    assert [(c.code, c.max_score, c.score, c.percent) for c in rows][6:9] == [
        ("7", 11.5, 9.75, 84.78), ("8", 2, 2.5, 125), ("9", 14, 11, 78.57),
    ]
    # a percent above 100 that does not check (2,5/2 is 125%, not 135%) is no row
    odd = CELL_STREAM.replace("8 2 1,5 75,00", "8 2 2,5 135,00")
    assert [c.code for c, _, _ in criteria_from_cell_stream(odd, generic_framework())][6:8] == ["7", "9"]


def test_signer_of_an_ede_or_jarai_name(tmp_path: Path) -> None:
    closing = "UBND xã Ea Tu đạt 88,00/100 điểm.\nNơi nhận:\n- Phòng Nội vụ thành phố;\n- Lưu: VP.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
    assert _record(tmp_path, closing + "Y Ngông Niê\n").meta.signer == "Y Ngông Niê"
    assert _record(tmp_path, closing + "H'Hen Niê\n").meta.signer == "H'Hen Niê"
    # a lone capital or a list mark is no name
    assert _record(tmp_path, closing + "Y\n").meta.signer is None
    assert _record(tmp_path, closing + "A B\n").meta.signer is None


def test_the_province_whose_name_holds_a_dash(tmp_path: Path) -> None:
    cited = "Căn cứ Quyết định số 70/QĐ-UBND ngày 10/01/2024 của UBND huyện Long Điền, tỉnh {} về việc công bố Chỉ số CCHC.\n"
    assert _record(tmp_path, cited.format("Bà Rịa - Vũng Tàu")).meta.province == "Bà Rịa - Vũng Tàu"
    # another province followed by a dash and capitals keeps its own name
    assert _record(tmp_path, cited.format("Tiền Giang - Phòng Nội vụ")).meta.province == "Tiền Giang"


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự chấm", "Điểm Hội đồng thẩm định", "Tỷ lệ (%)"],
         {"no": 0, "title": 1, "max": 2, "self": 3, "score": 4, "percent": 5}),
        (["STT", "Nội dung", "Điểm chuẩn", "Điểm huyện thẩm định", "Tỉ lệ"],
         {"no": 0, "title": 1, "max": 2, "score": 3, "percent": 4}),
        (["TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"],  # self-assessed first: not the score
         {"no": 0, "title": 1, "max": 2, "self": 3, "score": 4}),
    ],
)
def test_criteria_table_headers_as_offices_word_them(header: list[str], roles: dict[str, int]) -> None:
    from cchc.extractors.tables import column_roles

    assert column_roles(header) == roles


def test_a_running_header_copied_with_the_text_does_not_cut_a_sentence(tmp_path: Path) -> None:
    """Text copied out of a PDF keeps its running header and page number between the pages: "… Xếp" / "Trang 2" /
    "UBND XÃ AN KHÁNH - Báo cáo …" / "thứ 5/19 …". The header, printed on every page, is dropped; a line of the
    report that is repeated, but not beside a page's end, is kept."""
    header = "UBND XÃ AN KHÁNH - Báo cáo kết quả CCHC năm 2022"
    body = (f"{header}\n" + HEADER + "UBND xã An Khánh đạt 85,97/100 điểm.\nI. KẾT QUẢ\n"
            "1. Công tác chỉ đạo, điều hành: 12,5/14 điểm, đạt tỷ lệ 89,29%. Xếp\n\nTrang 2\n\n"
            f"{header}\n\nthứ 5/19 nhóm hạng các xã, thị trấn.\n"
            "- Thực hiện nghiêm túc các quy định của cấp trên.\n"
            "2. Cải cách thể chế: 5,5/6 điểm.\n- Thực hiện nghiêm túc các quy định của cấp trên.\n")
    record = _record(tmp_path, body, "")
    first = next(c for c in record.criteria if c.code == "1")
    assert (first.score, first.rank, first.rank_total) == (12.5, 5, 19)
    from cchc.extractors.readers import read_document

    texts = [b.text for b in read_document(tmp_path / "report.txt").blocks]
    assert header not in texts and texts.count("- Thực hiện nghiêm túc các quy định của cấp trên.") == 2


@pytest.mark.parametrize("page_break", ["\n1\n\f", "\n- 1 -\n\f", "\fTrang 2\n", "\n\f\n2\n", "\fUBND XÃ AN KHÁNH - Báo cáo kết quả CCHC năm 2022\n"])
def test_a_form_feed_ends_a_page_of_pasted_text(page_break: str, tmp_path: Path) -> None:
    """pdftotext puts a form feed between pages: the page's number beside it is dropped, and so is a running header
    printed after it (the report's first line too), whatever the blank lines around them."""
    first = "UBND XÃ AN KHÁNH - Báo cáo kết quả CCHC năm 2022\n" if "UBND" in page_break else ""
    body = ("UBND xã An Khánh đạt 85,97/100 điểm.\nI. KẾT QUẢ\n"
            f"1. Công tác chỉ đạo, điều hành: 12,5/14 điểm, đạt tỷ lệ 89,29%. Xếp{page_break}thứ 5/19 nhóm hạng các xã.\n")
    record = _record(tmp_path, body, first + HEADER)
    first_criterion = next(c for c in record.criteria if c.code == "1")
    assert (first_criterion.score, first_criterion.rank, first_criterion.rank_total) == (12.5, 5, 19)
