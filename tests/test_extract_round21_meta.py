"""Header fields first met in held-out round 21 (issue 11): a 2025 report after the districts were abolished (a
commune answers to the province from 01/07/2025; the only district printed is the former communes' former one, which
is not the unit's), and a text file whose header is typed as two columns on each line (Word's header table copied as
text, a tab between the cells; or laid out with spaces as a PDF's text is). Negative examples beside each."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.readers.text import header_by_columns, read_text

HEADER = """ỦY BAN NHÂN DÂN
{unit_line}
Số: 09/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đông Tiến, ngày 16 tháng 01 năm 2026
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2025
"""
MERGED = (
    "Xã Đông Tiến được thành lập trên cơ sở nhập toàn bộ diện tích tự nhiên và quy mô dân số của xã Đông Hòa, xã Đông"
    " Minh và xã Đông Tân (thuộc huyện Đông Sơn trước đây); từ ngày 01/7/2025 chính quyền địa phương hai cấp đi vào"
    " hoạt động, xã trực thuộc UBND tỉnh Thanh Hóa.\n"
)
FORMER_RESULTS = (
    "Năm 2024, trước khi sắp xếp: xã Đông Hòa đạt 88,50/100 điểm, xếp thứ 6/27; xã Đông Minh đạt 86,00/100 điểm,"
    " xếp thứ 11/27 trong số các xã, thị trấn của huyện Đông Sơn.\n"
)
OWN_RESULT = "Năm 2025, UBND xã Đông Tiến đạt 90,25/100 điểm, xếp thứ 45/166 xã, phường của tỉnh Thanh Hóa.\n"


def _write(tmp_path: Path, text: str, name: str = "dong-tien-2025.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body", [MERGED, FORMER_RESULTS, MERGED + FORMER_RESULTS])
def test_a_2025_commune_has_no_district_from_its_former_communes(tmp_path: Path, body: str) -> None:
    record = extract_file(_write(tmp_path, HEADER.format(unit_line="XÃ ĐÔNG TIẾN") + body + OWN_RESULT))
    assert (record.meta.unit_name, record.meta.district, record.meta.province) == ("Đông Tiến", None, "Thanh Hóa")
    assert record.overall.score == 90.25


@pytest.mark.parametrize("former", ["huyện Đông Sơn (cũ)", "huyện Đông Sơn cũ"])
def test_a_district_named_as_the_old_one_is_not_the_units(tmp_path: Path, former: str) -> None:
    body = f"Xã Đông Tiến được thành lập trên cơ sở nhập xã Đông Hòa và xã Đông Minh của {former}.\n"
    assert extract_file(_write(tmp_path, HEADER.format(unit_line="XÃ ĐÔNG TIẾN") + body + OWN_RESULT)).meta.district is None


def test_the_headers_district_stays_beside_former_communes_results(tmp_path: Path) -> None:
    """A 2020 merger: the district still exists, and the report ranks the new commune in it."""
    header = HEADER.format(unit_line="XÃ ĐÔNG TIẾN").replace("2026", "2021").replace("2025", "2020")
    own = "Năm 2020, UBND xã Đông Tiến đạt 90,25/100 điểm, xếp thứ 4/25 xã, thị trấn của huyện Đông Sơn.\n"
    record = extract_file(_write(tmp_path, header + FORMER_RESULTS.replace("2024", "2019") + own))
    assert (record.meta.district, record.overall.rank, record.overall.rank_total) == ("Đông Sơn", 4, 25)


def test_a_district_followed_by_cung_is_still_named(tmp_path: Path) -> None:
    body = "Năm 2025, huyện Đông Sơn cũng tổ chức tập huấn cho các xã.\n"
    assert extract_file(_write(tmp_path, HEADER.format(unit_line="XÃ ĐÔNG TIẾN") + body + OWN_RESULT)).meta.district == (
        "Đông Sơn"
    )


# -- a header typed as two columns on a line ---------------------------------------------------------------------------
TAB_HEADER = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "XÃ ĐÔNG TIẾN\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 09/BC-UBND\tĐông Tiến, ngày 16 tháng 01 năm 2026\n"
    "BÁO CÁO\n"
    "Kết quả thực hiện công tác cải cách hành chính năm 2025\n"
)
LAID_OUT_HEADER = (
    "  ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "    XÃ ĐÔNG TIẾN                 Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 09/BC-UBND\n"
    "                          Đông Tiến, ngày 16 tháng 01 năm 2026\n"
    "\n"
    "                              BÁO CÁO\n"
    "Kết quả thực hiện công tác cải cách hành chính năm 2025\n"
)


@pytest.mark.parametrize("header", [TAB_HEADER, LAID_OUT_HEADER], ids=["tabs", "laid out"])
def test_a_text_header_in_two_columns_gives_its_fields(tmp_path: Path, header: str) -> None:
    record = extract_file(_write(tmp_path, header + MERGED + OWN_RESULT))
    meta = record.meta
    assert (meta.unit_level, meta.unit_name, meta.doc_number, meta.issued_date) == (
        "xã", "Đông Tiến", "09/BC-UBND", "2026-01-16")  # fmt: skip
    assert meta.title == "Kết quả thực hiện công tác cải cách hành chính năm 2025"


def test_a_two_column_header_keeps_each_parts_line_number(tmp_path: Path) -> None:
    blocks = read_text(_write(tmp_path, TAB_HEADER + OWN_RESULT)).blocks
    where = {b.text: b.prov.line for b in blocks[:6]}
    assert where == {
        "ỦY BAN NHÂN DÂN": 1, "XÃ ĐÔNG TIẾN": 2, "Số: 09/BC-UBND": 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 1,
        "Độc lập - Tự do - Hạnh phúc": 2, "Đông Tiến, ngày 16 tháng 01 năm 2026": 3}  # fmt: skip
    assert [b.text for b in blocks[:3]] == ["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG TIẾN", "Số: 09/BC-UBND"]


def test_lines_with_tabs_but_no_motto_stay_in_order() -> None:
    """A body's tab after a number, and a header on lines of its own, are no two-column header."""
    lines = list(enumerate(HEADER.format(unit_line="XÃ ĐÔNG TIẾN").splitlines() + ["1.\tVề công tác chỉ đạo"], 1))
    assert header_by_columns(lines) == lines
    tabbed_body = list(enumerate(["Kết quả:\tđạt 90,25/100 điểm", "Xếp hạng:\t45/166", "Ghi chú:\tCộng hòa"], 1))
    assert header_by_columns(tabbed_body) == tabbed_body


# -- the district heading the header, when the body names none ----------------------------------------------------
BODY_WITHOUT_DISTRICT = "Năm 2022, UBND xã Yên Thắng đạt 88,75/100 điểm, xếp thứ 5/17 xã, thị trấn.\n"


@pytest.mark.parametrize(
    ("district_line", "district"),
    [("ỦY BAN NHÂN DÂN HUYỆN YÊN MÔ", "Yên Mô"), ("UBND HUYỆN CƯ M'GAR", "Cư M'gar"), ("UBND THỊ XÃ NGHI SƠN", "Nghi Sơn")],
)
def test_the_district_heading_the_header_when_the_body_names_none(
    tmp_path: Path, district_line: str, district: str
) -> None:
    header = (district_line + "\n" + HEADER.format(unit_line="XÃ YÊN THẮNG")).replace("ỦY BAN NHÂN DÂN\nXÃ", "UBND XÃ")
    record = extract_file(_write(tmp_path, header.replace("Đông Tiến,", "Yên Thắng,") + BODY_WITHOUT_DISTRICT))
    assert (record.meta.unit_name, record.meta.district) == ("Yên Thắng", district)
    assert any(e.text == district_line for e in record.meta.evidence)


def test_no_district_without_a_district_line_or_from_a_recipients_line(tmp_path: Path) -> None:
    """A commune of 2025 heads its header alone; a district's committee among the recipients is no header."""
    header = HEADER.format(unit_line="XÃ YÊN THẮNG").replace("Đông Tiến,", "Yên Thắng,")
    closing = "Nơi nhận:\n- UBND HUYỆN YÊN MÔ;\n- Lưu: VT.\n"
    assert extract_file(_write(tmp_path, header + BODY_WITHOUT_DISTRICT + closing)).meta.district is None


def test_a_short_letter_gives_no_district_and_no_error(tmp_path: Path) -> None:
    """Fewer blocks than the header's lines: nothing to read, nothing fails."""
    record = extract_file(_write(tmp_path, "ỦY BAN NHÂN DÂN XÃ YÊN THẮNG\nKính gửi: Phòng Nội vụ.\n"))
    assert (record.meta.unit_name, record.meta.district) == ("Yên Thắng", None)
