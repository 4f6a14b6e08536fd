"""DOCX forms first met in held-out round 19 (issue 11): a criteria table pasted as a picture (a spreadsheet's
screenshot), read by the scan reader's table OCR where the picture stands; and a template that names its unit
only in the page footer ("UBND xã … – Báo cáo …"), its header printing "ỦY BAN NHÂN DÂN" / "XÃ" and a date
line without a place. Each with negative examples beside it: a logo, a seal, a banner or a photo is never read
as a table, and a footer naming another body never gives the unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.shared import Cm
from PIL import Image, ImageDraw, ImageFont

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers import docx_pictures
from cchc.extractors.readers.docx import read_docx
from tests.pdf_factory import FONT_DIR, SANS

# the header of a template whose unit's name field is in the footer
HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ",
    "Số: 04/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ngày 16 tháng 01 năm 2025",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2024",
]
BODY = [
    (
        "Căn cứ Quyết định số 179/QĐ-UBND ngày 11/01/2025 của UBND huyện Yên Sơn, tỉnh Tuyên Quang về việc công bố "
        "Chỉ số cải cách hành chính năm 2024; UBND xã báo cáo kết quả như sau:"
    ),
    (
        "Kết quả Chỉ số CCHC năm 2024 của UBND xã đạt 93,50/100 điểm, tỷ lệ 93,50%, xếp thứ 4/28 xã, thị trấn; "
        "xếp loại Xuất sắc."
    ),
    "Ngày 20 tháng 12 năm 2024, UBND xã tổ chức hội nghị tổng kết công tác cải cách hành chính.",
    "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2024 của UBND xã./.",
]
FOOTER = "UBND xã Hòa Phú – Báo cáo kết quả CCHC năm 2024"


def _report(path: Path, header: list[str], footer: str | None, body: list[str] = BODY) -> Path:
    doc = DocxDocument()
    for line in header + body:
        doc.add_paragraph(line)
    if footer is not None:
        doc.sections[0].footer.paragraphs[0].text = footer
    doc.save(str(path))
    return path


def _unit(path: Path) -> tuple[object, ...]:
    m = extract_file(path).meta
    return m.unit_name, m.unit_level, m.issued_date


# -- the unit named only in the footer, the date line without a place --------------------------------------------


def test_the_footer_names_the_unit_the_header_leaves_blank(tmp_path: Path) -> None:
    path = _report(tmp_path / "footer.docx", HEADER, FOOTER)
    assert read_docx(path).running_text == [FOOTER]
    # the footer's "UBND xã Hòa Phú"; the date is the header's line, not the prose's 20 December 2024
    assert _unit(path) == ("Hòa Phú", "xã", "2025-01-16")
    meta = extract_file(path).meta
    assert meta.issuer == "Ủy ban nhân dân xã Hòa Phú"
    assert any(ev.text == FOOTER for ev in meta.evidence)


def test_the_page_header_part_names_the_unit_too(tmp_path: Path) -> None:
    path = tmp_path / "header.docx"
    doc = DocxDocument()
    for line in HEADER + BODY:
        doc.add_paragraph(line)
    doc.sections[0].header.paragraphs[0].text = "UBND phường Tân Hà – Báo cáo CCHC năm 2024"
    doc.save(str(path))
    header = [line.replace("XÃ", "PHƯỜNG") if line == "XÃ" else line for line in HEADER]
    path2 = tmp_path / "header2.docx"
    doc = DocxDocument()
    for line in header + BODY:
        doc.add_paragraph(line)
    doc.sections[0].header.paragraphs[0].text = "UBND phường Tân Hà – Báo cáo CCHC năm 2024"
    doc.save(str(path2))
    # the header prints "XÃ", the page header names a ward: no unit rather than the wrong level
    assert _unit(path) == (None, None, "2025-01-16")
    assert _unit(path2) == ("Tân Hà", "phường", "2025-01-16")


def test_the_bodys_header_wins_over_the_footer(tmp_path: Path) -> None:
    header = ["ỦY BAN NHÂN DÂN", "XÃ HÒA PHÚ"] + HEADER[2:]
    path = _report(tmp_path / "body.docx", header, "UBND xã Tân Tiến – Báo cáo kết quả CCHC năm 2024")
    assert _unit(path)[:2] == ("Hòa Phú", "xã")


@pytest.mark.parametrize(
    "footer",
    [
        "UBND huyện Yên Sơn – Văn phòng HĐND và UBND",  # the district's office
        "Phòng Nội vụ huyện Yên Sơn – Trang 1",  # the office that receives the report
        "Mẫu số 02 – Báo cáo kết quả CCHC cấp xã",  # a template's name
        "Trang 1/3",
    ],
)
def test_a_footer_naming_another_body_gives_no_unit(tmp_path: Path, footer: str) -> None:
    path = _report(tmp_path / "other.docx", HEADER, footer)
    assert _unit(path) == (None, None, "2025-01-16")


def test_two_units_in_the_running_text_give_none(tmp_path: Path) -> None:
    path = tmp_path / "two.docx"
    doc = DocxDocument()
    for line in HEADER + BODY:
        doc.add_paragraph(line)
    doc.sections[0].header.paragraphs[0].text = "UBND xã Tân Tiến"
    doc.sections[0].footer.paragraphs[0].text = FOOTER
    doc.save(str(path))
    assert _unit(path)[:2] == (None, None)


def test_a_date_line_below_the_title_or_in_prose_is_no_issued_date(tmp_path: Path) -> None:
    header = [line for line in HEADER if not line.startswith("ngày")]
    body = ["ngày 16 tháng 01 năm 2025"] + BODY  # a lone date line below the title
    path = _report(tmp_path / "nodate.docx", header, FOOTER, body)
    assert _unit(path) == ("Hòa Phú", "xã", None)


def test_a_docx_without_header_or_footer_parts_has_no_running_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    doc = DocxDocument()
    for line in HEADER + BODY:
        doc.add_paragraph(line)
    doc.save(str(path))
    assert read_docx(path).running_text in ([], [""])
    assert _unit(path) == (None, None, "2025-01-16")


# -- a criteria table pasted as a picture -------------------------------------------------------------------------

# what the screenshot shows (STT, criterion, maximum, score, percent): the values a reader reads in the picture
ROWS = [
    ("STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"),
    ("1", "Công tác chỉ đạo, điều hành", "13", "12", "92,31"),
    ("2", "Cải cách thể chế", "6", "5,5", "91,67"),
    ("3", "Cải cách thủ tục hành chính", "19", "18", "94,74"),
    ("4", "Cải cách tổ chức bộ máy", "6", "5,5", "91,67"),
    ("5", "Cải cách chế độ công vụ", "11", "10,5", "95,45"),
    ("6", "Cải cách tài chính công", "6", "6", "100"),
    ("7", "Xây dựng chính quyền điện tử, chính quyền số", "13", "12", "92,31"),
    ("", "Tổng cộng", "74", "69,5", "93,92"),
]
WIDTHS = [90, 760, 200, 170, 170]


def _table_png(path: Path) -> Path:
    """A spreadsheet's screenshot: ruled cells, the header on grey, DejaVu Sans at 200 dpi."""
    row_h = 44
    image = Image.new("RGB", (sum(WIDTHS) + 1, row_h * len(ROWS) + 1), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_DIR / f"{SANS}.ttf"), 26)
    draw.rectangle((0, 0, sum(WIDTHS), row_h), fill=(217, 217, 217))
    for r, row in enumerate(ROWS):
        x = 0
        for c, text in enumerate(row):
            draw.text(
                (x + 10 if c == 1 else x + WIDTHS[c] // 2, r * row_h + row_h // 2),
                text,
                fill="black",
                font=font,
                anchor="lm" if c == 1 else "mm",
            )
            x += WIDTHS[c]
    for r in range(len(ROWS) + 1):
        draw.line((0, r * row_h, sum(WIDTHS), r * row_h), fill=(90, 90, 90), width=2)
    x = 0
    for width in [0] + WIDTHS:
        x += width
        draw.line((x, 0, x, row_h * len(ROWS)), fill=(90, 90, 90), width=2)
    image.save(path, dpi=(200, 200))
    return path


def _blank_png(path: Path, size: tuple[int, int], text: str = "") -> Path:
    image = Image.new("RGB", size, (200, 30, 30) if not text else "white")
    if text:  # a photo's caption-like text, no ruling
        ImageDraw.Draw(image).text(
            (40, size[1] // 2), text, fill="black", font=ImageFont.truetype(str(FONT_DIR / f"{SANS}.ttf"), 30)
        )
    image.save(path)
    return path


PICTURE_HEADER = (
    ["ỦY BAN NHÂN DÂN", "XÃ HÒA PHÚ"] + HEADER[2:5] + ["Hòa Phú, ngày 16 tháng 01 năm 2025"] + HEADER[6:]
)


def _picture_report(
    path: Path,
    picture: Path | None,
    width_cm: float = 16.0,
    *,
    extra: list[str] = (),
    logo: Path | None = None,
    seal: Path | None = None,
) -> Path:
    doc = DocxDocument()
    if logo is not None:  # a logo above the header
        doc.add_picture(str(logo), width=Cm(2.5))
    for line in (
        PICTURE_HEADER
        + BODY[:2]
        + list(extra)
        + ["I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2024", "Kết quả cụ thể theo từng lĩnh vực như sau:"]
    ):
        doc.add_paragraph(line)
    if picture is not None:
        doc.add_picture(str(picture), width=Cm(width_cm))
    doc.add_paragraph(BODY[3])
    if seal is not None:  # the seal and signature under the closing
        doc.add_picture(str(seal), width=Cm(4.5))
    doc.add_paragraph("CHỦ TỊCH")
    doc.add_paragraph("Hà Văn Phú")
    doc.save(str(path))
    return path


def test_a_criteria_table_pasted_as_a_picture_is_read_by_ocr(tmp_path: Path) -> None:
    path = _picture_report(tmp_path / "picture.docx", _table_png(tmp_path / "table.png"))
    document = read_docx(path)
    tables = [b for b in document.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    # where the picture stands: after "Kết quả cụ thể …", before the closing; pointing at the picture's paragraph
    texts = [b.text for b in document.blocks]
    at = texts.index(tables[0].text)
    assert texts[at - 1] == "Kết quả cụ thể theo từng lĩnh vực như sau:" and texts[at + 1] == BODY[3]
    assert tables[0].prov.paragraph == len(PICTURE_HEADER) + 4
    assert any("picture 1" in w and "OCR" in w for w in document.warnings)
    record = extract_file(path)
    got = [(c.code, c.max_score, c.score, c.percent) for c in record.criteria]
    assert got == [
        ("1", 13, 12, 92.31),
        ("2", 6, 5.5, 91.67),
        ("3", 19, 18, 94.74),
        ("4", 6, 5.5, 91.67),
        ("5", 11, 10.5, 95.45),
        ("6", 6, 6, 100),
        ("7", 13, 12, 92.31),
    ]
    assert any("OCR" in w for w in record.source.warnings)


def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> list[object]:
        raise AssertionError("a picture that cannot hold a table was decoded")

    monkeypatch.setattr(docx_pictures, "_picture_tables", refuse)


def test_a_logo_and_a_seal_are_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_ocr(monkeypatch)
    logo = _blank_png(tmp_path / "logo.png", (300, 300))
    seal = _blank_png(tmp_path / "seal.png", (600, 300))
    path = _picture_report(tmp_path / "small.docx", None, logo=logo, seal=seal)
    document = read_docx(path)
    assert not any("picture" in w for w in document.warnings)
    assert [b for b in document.blocks if b.kind == BlockKind.TABLE] == []


def test_a_small_icon_beside_the_text_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_ocr(monkeypatch)
    table = _table_png(tmp_path / "table.png")
    path = _picture_report(tmp_path / "icon.docx", table, width_cm=3.0)  # the same picture printed 3 cm wide
    assert not any("picture" in w for w in read_docx(path).warnings)


def test_a_banner_above_the_header_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_ocr(monkeypatch)
    banner = _table_png(tmp_path / "banner.png")
    doc = DocxDocument()
    doc.add_picture(str(banner), width=Cm(16))  # a letterhead: before the report's opening
    for line in PICTURE_HEADER + BODY:
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "banner.docx"))
    assert not any("picture" in w for w in read_docx(tmp_path / "banner.docx").warnings)


def test_a_report_stating_its_criteria_reads_no_picture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_ocr(monkeypatch)
    stated = [f"{k}. {title}: {score}/{top} điểm, đạt {pct}%." for k, title, top, score, pct in ROWS[1:6]]
    path = _picture_report(tmp_path / "stated.docx", _table_png(tmp_path / "t.png"), extra=stated)
    assert not any("picture" in w for w in read_docx(path).warnings)


def test_a_large_picture_without_a_ruled_table_adds_nothing(tmp_path: Path) -> None:
    photo = _blank_png(tmp_path / "photo.png", (1400, 700), "Hội nghị tổng kết công tác CCHC năm 2024")
    path = _picture_report(tmp_path / "photo.docx", photo)
    document = read_docx(path)
    assert [b for b in document.blocks if b.kind == BlockKind.TABLE] == []
    assert any("no ruled table" in w for w in document.warnings)  # read, and said so
    assert extract_file(path).criteria == []


def test_a_picture_of_too_few_pixels_is_not_read_and_said_so(tmp_path: Path) -> None:
    # a 300x120 pixel picture printed 16 cm wide: a table's text cannot be read in it
    path = _picture_report(tmp_path / "tiny.docx", _blank_png(tmp_path / "tiny.png", (300, 120), "x"))
    document = read_docx(path)
    assert [b for b in document.blocks if b.kind == BlockKind.TABLE] == []
    assert any("picture 1" in w and "300x120 pixels" in w for w in document.warnings)
