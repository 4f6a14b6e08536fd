"""Names of communes and districts as reports print them: apostrophes, a number, a dash (issue 11, round 8)."""

from __future__ import annotations

import pytest

from cchc.extractors.assemble import DISTRICT_RE, UNIT_IN_TEXT_RE, UNIT_ONE_LINE_RE, UNIT_RE
from cchc.extractors.layout import DOC_NUMBER_RE, PLACE_DATE_RE

# text -> the unit's name a person reads in it (None: no unit named)
UNITS_IN_TEXT = [
    ("của UBND xã Ea H'đinh về cải cách hành chính", "Ea H'đinh"),
    ("của UBND xã Đại Ân 2 về cải cách hành chính năm 2023", "Đại Ân 2"),
    ("UBND xã Ia Tơi được UBND huyện chấm điểm", "Ia Tơi"),
    # a number after the name that is a count, a score or a year is not part of it
    ("xã Minh Đức 3 năm liền hoàn thành tốt nhiệm vụ", "Minh Đức"),
    ("xã Minh Đức 12/15 điểm", "Minh Đức"),
    ("xã Minh Đức 85,5%", "Minh Đức"),
    ("xã Minh Đức 12 hồ sơ", "Minh Đức"),
    ("các xã, thị trấn", None),
    ("Báo cáo kết quả CCHC năm 2024 của UBND Phường 12, Quận 3", "12"),  # a ward named by its number
    ("xếp thứ 3/23 xã, phường 12/15 hồ sơ", None),
]
DISTRICTS = [
    ("của UBND huyện Cư M'gar, tỉnh Đắk Lắk", "Cư M'gar"),
    ("UBND huyện Ia H'Drai, tỉnh Kon Tum", "Ia H'Drai"),
    ("UBND huyện Cư M’gar (a typographic apostrophe)", "Cư M’gar"),
    ("của UBND thành phố Phan Rang - Tháp Chàm, tỉnh Ninh Thuận", "Phan Rang - Tháp Chàm"),
    # a dash to what is not a name (a level in lower case, a sentence) is not part of the name
    ("UBND huyện Tứ Kỳ - tỉnh Hải Dương", "Tứ Kỳ"),
    ("của UBND Quận 3, Thành phố Hồ Chí Minh", "3"),  # a district named by its number
    ("của UBND Huyện Tứ Kỳ, tỉnh Hải Dương", "Tứ Kỳ"),  # the level capitalised
    ("huyện Tứ Kỳ - năm 2022 tăng 2 bậc", "Tứ Kỳ"),
]
NOT_DISTRICTS = ["các quận 12/15 hồ sơ", "quận 3,5 điểm", "thành phố 2 năm", "ỦY BAN NHÂN DÂN THỊ XÃ PHÚ LÂM"]


@pytest.mark.parametrize(("text", "name"), UNITS_IN_TEXT)
def test_unit_named_in_text(text: str, name: str | None) -> None:
    m = UNIT_IN_TEXT_RE.search(text)
    assert (m["name"] if m else None) == name


@pytest.mark.parametrize(("text", "name"), DISTRICTS)
def test_district_named_in_text(text: str, name: str) -> None:
    m = DISTRICT_RE.search(text)
    assert m is not None and m["name"] == name


@pytest.mark.parametrize("text", NOT_DISTRICTS)
def test_not_a_district(text: str) -> None:
    assert DISTRICT_RE.search(text) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [("XÃ EA H'ĐINH", "EA H'ĐINH"), ("XÃ ĐẠI ÂN 2", "ĐẠI ÂN 2"), ("PHƯỜNG ĐÔ VINH", "ĐÔ VINH"), ("XÃ 12/15 ĐIỂM", None)],
)
def test_unit_header_line(line: str, name: str | None) -> None:
    m = UNIT_RE.match(line)
    assert (m["name"] if m else None) == name


def test_unit_header_on_one_line_with_the_motto() -> None:
    m = UNIT_ONE_LINE_RE.match("UBND XÃ ĐẠI ÂN 2 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert m is not None and m["name"] == "ĐẠI ÂN 2"


@pytest.mark.parametrize(
    ("line", "is_place_date"),
    [
        ("Ea H'đinh, ngày 19 tháng 01 năm 2024", True),
        ("Đại Ân 2, ngày 22 tháng 01 năm 2024", True),
        ("Phan Rang - Tháp Chàm, ngày 17/01/2025", True),
        ("Minh Đức, ngày 06-4-2023", True),
        ("Minh Đức, ngày 06.4.2023", True),
        ("Minh Đức, ngày 06-4/2023", False),  # two separators: no date a clerk types
        ("Căn cứ Quyết định số 363/QĐ-UBND, ngày 29/01/2024", False),  # a reference, not the report's date
        ("Số: 07/BC-UBND, ngày 19 tháng 01 năm 2024", False),
    ],
)
def test_place_and_date_line(line: str, is_place_date: bool) -> None:
    assert bool(PLACE_DATE_RE.match(line)) is is_place_date


@pytest.mark.parametrize(
    ("line", "is_number"),
    [("Số: 29/BC-UBND", True), ("Số 29/BC-UBND", True), ("SỐ:29/BC-UBND", True),
     ("Số 15 cán bộ, công chức đạt chuẩn", False), ("Số hồ sơ: 12/15", False)],
)  # fmt: skip
def test_document_number_line(line: str, is_number: bool) -> None:
    assert bool(DOC_NUMBER_RE.match(line)) is is_number


def test_a_unit_named_in_a_rankings_prose() -> None:
    from cchc.extractors.ranking import UNIT_IN_PROSE_RE

    m = UNIT_IN_PROSE_RE.search("Xã Ea H'đinh đạt 88,25 điểm, xếp thứ 7/17")
    assert m is not None and m["name"] == "Ea H'đinh"
    m = UNIT_IN_PROSE_RE.search("xã An Bình đạt 85 điểm")
    assert m is not None and m["name"] == "An Bình"  # "đạt" is no word of the name


@pytest.mark.parametrize(
    ("text", "province"),
    [("UBND Quận 3, Thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("Tp. Huế, ngày 5/1/2025", "Huế"),
     ("huyện Cư M'gar, Tỉnh Đắk Lắk", "Đắk Lắk"), ("thành phố Hồ Chí Minh", "Hồ Chí Minh")],
)  # fmt: skip
def test_the_province_however_capitalised(text: str, province: str) -> None:
    from cchc.extractors.assemble import PROVINCE_RE

    m = PROVINCE_RE.search(text)
    assert m is not None and m["name"] == province
