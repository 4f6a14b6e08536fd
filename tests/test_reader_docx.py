"""DOCX reader: documents are built here with python-docx (numbering and tricky XML written by hand)."""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from cchc.api import read_document
from cchc.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    LimitExceededError,
    UnsupportedFormatError,
)
from cchc.extractors.document import BlockKind, Provenance, nfc
from cchc.extractors.readers import docx as docx_reader
from cchc.extractors.readers.docx import format_number, read_docx
from cchc.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
W = nsdecls("w")


# --- builders ------------------------------------------------------------------------------------


def save(document: docx.document.Document, tmp_path: Path, name: str = "report.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def add_abstract(document, abstract_id: int, levels: list[tuple[str, str, int]]) -> None:
    """Add a w:abstractNum with (numFmt, lvlText, start) per level, before the first w:num."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    el = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def add_num(document, num_id: int, abstract_id: int, start_override: dict[int, int] | None = None) -> None:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for lvl, start in (start_override or {}).items()
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )


def numbered(document, text: str, num_id: int, ilvl: int = 0):
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return p


def xml_paragraph(document, runs_xml: str):
    """A paragraph whose content is the given raw WordprocessingML."""
    p = document.add_paragraph()
    for el in parse_xml(f"<w:wrap {W}>{runs_xml}</w:wrap>"):
        p._p.append(el)
    return p


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


# --- numbering -----------------------------------------------------------------------------------


def test_numbering_decimal_rebuilt_into_text_and_label(tmp_path: Path) -> None:
    d = docx.Document()
    add_abstract(d, 90, [("decimal", "%1.", 1)])
    add_num(d, 90, 90)
    items = [
        "Công tác chỉ đạo, điều hành",
        "Cái cách thể chế",
        "Cải cách thủ tục hành chính",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Cải cách chế độ công vụ",
        "Cải cách tài chính công",
        "Xây dựng và phát triển Chính quyền điện tử, chính quyền số",
    ]
    for item in items:
        numbered(d, item, 90)
    doc = read_docx(save(d, tmp_path), Settings())
    assert [b.label for b in doc.blocks] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert doc.blocks[0].text == "1. Công tác chỉ đạo, điều hành"
    assert doc.blocks[6].text == "7. Xây dựng và phát triển Chính quyền điện tử, chính quyền số"
    assert doc.blocks[1].kind is BlockKind.HEADING and doc.blocks[1].level == 1


def test_numbering_nested_levels_restart_deeper_counters(tmp_path: Path) -> None:
    d = docx.Document()
    add_abstract(d, 91, [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1), ("decimal", "%1.%2.%3.", 1)])
    add_num(d, 91, 91)
    for text, lvl in [
        ("Chỉ đạo", 0),
        ("Đạt", 1),
        ("Chưa đạt", 1),
        ("Chi tiết", 2),
        ("Thể chế", 0),
        ("Đạt điểm", 1),
        ("Thủ tục", 0),
    ]:
        numbered(d, text, 91, lvl)
    doc = read_docx(save(d, tmp_path), Settings())
    assert [b.label for b in doc.blocks] == ["1.", "1.1.", "1.2.", "1.2.1.", "2.", "2.1.", "3."]
    assert doc.blocks[3].text == "1.2.1. Chi tiết"
    assert [b.level for b in doc.blocks] == [1, 2, 2, 3, 1, 2, 1]


def test_numbering_formats_roman_letters_zero_and_custom_text(tmp_path: Path) -> None:
    d = docx.Document()
    add_abstract(d, 92, [("upperRoman", "%1.", 1), ("lowerLetter", "%2)", 1)])
    add_abstract(d, 93, [("decimal", "Mục %1:", 1)])
    add_abstract(d, 94, [("decimalZero", "%1.", 8), ("lowerRoman", "(%2)", 1)])
    add_abstract(d, 95, [("upperLetter", "%1.", 26)])
    for nid in (92, 93, 94, 95):
        add_num(d, nid, nid)
    numbered(d, "KẾT QUẢ THỰC HIỆN", 92)
    numbered(d, "ý một", 92, 1)
    numbered(d, "ý hai", 92, 1)
    numbered(d, "ĐÁNH GIÁ CHUNG", 92)
    numbered(d, "Kế hoạch", 93)
    numbered(d, "Báo cáo", 93)
    numbered(d, "tám", 94)
    numbered(d, "chín", 94)
    numbered(d, "con", 94, 1)
    numbered(d, "con", 94, 1)
    numbered(d, "chữ", 95)
    numbered(d, "chữ", 95)
    doc = read_docx(save(d, tmp_path), Settings())
    assert [b.label for b in doc.blocks] == [
        "I.",
        "a)",
        "b)",
        "II.",
        "Mục 1:",
        "Mục 2:",
        "08.",
        "09.",
        "(i)",
        "(ii)",
        "Z.",
        "AA.",
    ]
    assert doc.blocks[0].text == "I. KẾT QUẢ THỰC HIỆN"
    assert doc.blocks[0].kind is BlockKind.HEADING and doc.blocks[0].level == 1
    assert doc.blocks[4].text == "Mục 1: Kế hoạch"


def test_format_number_edges() -> None:
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XL",
        "XC",
        "CD",
        "MCMXCIV",
    ]
    assert format_number(3, "lowerLetter") == "c" and format_number(28, "upperLetter") == "BB"
    assert format_number(7, "decimalZero") == "07" and format_number(12, "decimalZero") == "12"
    assert format_number(5, "ordinalText") == "5"


def test_numbering_shared_by_num_ids_and_restarted_by_start_override(tmp_path: Path) -> None:
    d = docx.Document()
    add_abstract(d, 96, [("decimal", "%1.", 1)])
    add_num(d, 96, 96)
    add_num(d, 97, 96)  # same abstractNum, no override: continues
    add_num(d, 98, 96, {0: 1})  # restarts at 1
    add_num(d, 99, 96, {0: 5})  # starts at 5
    numbered(d, "a", 96)
    numbered(d, "b", 96)
    numbered(d, "c", 97)
    d.add_paragraph("Đoạn văn xen giữa không đánh số.")
    numbered(d, "d", 98)
    numbered(d, "e", 98)
    numbered(d, "f", 96)
    numbered(d, "g", 99)
    doc = read_docx(save(d, tmp_path), Settings())
    assert [b.label for b in doc.blocks] == ["1.", "2.", "3.", None, "1.", "2.", "4.", "5."]


def test_numbering_from_style_with_based_on_and_bullets(tmp_path: Path) -> None:
    d = docx.Document()
    add_abstract(d, 80, [("decimal", "%1.", 1)])
    add_num(d, 80, 80)
    add_abstract(d, 81, [("bullet", "\uf0b7", 1), ("bullet", "+", 1)])
    add_num(d, 81, 81)
    base = d.styles.add_style("Muc So", WD_STYLE_TYPE.PARAGRAPH)
    base.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="80"/></w:numPr>'))
    child = d.styles.add_style("Muc So Dam", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    d.add_paragraph("Về cải cách thể chế", style=base)
    d.add_paragraph("Về cải cách thủ tục hành chính", style=child)
    numbered(d, "Ban hành kịp thời Kế hoạch", 81)
    numbered(d, "Số TTHC giải quyết theo hình thức liên thông", 81, 1)
    p = d.add_paragraph("Không đánh số dù kiểu có số", style=child)
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="0"/></w:numPr>'))
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc) == [
        "1. Về cải cách thể chế",
        "2. Về cải cách thủ tục hành chính",
        "- Ban hành kịp thời Kế hoạch",
        "+ Số TTHC giải quyết theo hình thức liên thông",
        "Không đánh số dù kiểu có số",
    ]
    assert doc.blocks[1].style == "Muc So Dam"
    assert doc.blocks[2].kind is BlockKind.LIST_ITEM and doc.blocks[2].label == "-"


def test_python_docx_builtin_list_styles_are_numbered(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Thứ nhất", style="List Number")
    d.add_paragraph("Thứ hai", style="List Number")
    d.add_paragraph("Một ý", style="List Bullet")
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc) == ["1. Thứ nhất", "2. Thứ hai", "- Một ý"]


# --- headings, styles, bold ------------------------------------------------------------------------


def test_headings_by_style_outline_level_and_bold(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("BÁO CÁO", style="Title")
    d.add_paragraph("Kết quả thực hiện", style="Heading 1")
    d.add_paragraph("Về cải cách thể chế", style="Heading 2")
    builtin = d.styles["Heading 3"].element
    builtin.getparent().remove(builtin)  # a localized Word names its built-in style in its own language
    localized = d.styles.add_style("Đề mục riêng", WD_STYLE_TYPE.PARAGRAPH)
    localized.style_id = "Heading3"
    d.add_paragraph("Chỉ số thành phần", style=localized)
    outlined = d.styles.add_style("Mục lớn", WD_STYLE_TYPE.PARAGRAPH)
    outlined.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="1"/>'))
    d.add_paragraph("Đánh giá chung", style=outlined)
    d.add_paragraph().add_run("Ưu điểm:").bold = True
    mixed = d.add_paragraph()
    mixed.add_run("Tồn tại: ").bold = True
    mixed.add_run("chưa có sự đột phá.")
    d.add_paragraph().add_run("Một đoạn văn dài được in đậm toàn bộ " * 8).bold = True
    d.add_paragraph("Đoạn văn thường của báo cáo.")
    doc = read_docx(save(d, tmp_path), Settings())
    kinds = [(b.kind, b.level, b.style, b.bold) for b in doc.blocks]
    assert kinds == [
        (BlockKind.HEADING, None, "Title", False),
        (BlockKind.HEADING, 1, "heading 1", True),
        (BlockKind.HEADING, 2, "heading 2", True),
        (BlockKind.HEADING, 3, "Đề mục riêng", False),
        (BlockKind.HEADING, 2, "Mục lớn", False),
        (BlockKind.HEADING, None, "Normal", True),
        (BlockKind.PARAGRAPH, None, "Normal", False),
        (BlockKind.PARAGRAPH, None, "Normal", True),
        (BlockKind.PARAGRAPH, None, "Normal", False),
    ]
    assert doc.blocks[6].text == "Tồn tại: chưa có sự đột phá."


def test_numbered_heading_text_gives_outline_depth(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("II. KẾT QUẢ ĐÁNH GIÁ TÁC ĐỘNG CỦA CCHC", style="Heading 1")
    d.add_paragraph("3.1. Các chỉ số thành phần đạt điểm tuyệt đối:")
    d.add_paragraph("- Mục 3.1 (Kiểm soát TTHC): Đã ban hành kịp thời Kế hoạch rà soát.")
    doc = read_docx(save(d, tmp_path), Settings())
    assert [(b.kind, b.level) for b in doc.blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.LIST_ITEM, None),
    ]


# --- tables ----------------------------------------------------------------------------------------


def header_table(d) -> None:
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    t.cell(0, 0).add_paragraph("XÃ AN BÌNH")
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    t.cell(1, 0).text = "Số: 15/BC-UBND"
    t.cell(1, 1).text = "An Bình, ngày 10 tháng 1 năm 2024"


def test_header_table_split_into_left_then_right_column_blocks(tmp_path: Path) -> None:
    d = docx.Document()
    header_table(d)
    d.add_paragraph("BÁO CÁO")
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ AN BÌNH",
        "Số: 15/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "An Bình, ngày 10 tháng 1 năm 2024",
        "BÁO CÁO",
    ]
    assert all(b.prov == Provenance(table=0) for b in doc.blocks[:6])
    assert doc.blocks[6].prov == Provenance(paragraph=0)
    assert doc.blocks[0].kind is BlockKind.HEADING


def test_soft_line_breaks_in_header_cells_become_separate_blocks(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    d.add_paragraph("Dòng một\ndòng hai")  # outside a layout table a soft break is a space
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ AN BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Dòng một dòng hai",
    ]


def test_data_table_rows_with_merged_cells_repeated(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Kết quả các lĩnh vực:")
    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    values = [
        ["TT", "Lĩnh vực", "Điểm", ""],
        ["", "", "Tối đa", "Đạt được"],
        ["1", "Công tác chỉ đạo, điều hành", "15", "12,7"],
        ["2", "Cải cách thể chế", "5", "5"],
    ]
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if value:
                t.cell(i, j).text = value
    t.cell(0, 2).merge(t.cell(0, 3))
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(0, 1).merge(t.cell(1, 1))
    d.add_paragraph("Đoạn sau bảng.")
    doc = read_docx(save(d, tmp_path), Settings())
    table = doc.blocks[1]
    assert table.kind is BlockKind.TABLE and table.prov == Provenance(table=0)
    assert table.rows == [
        ["TT", "Lĩnh vực", "Điểm", "Điểm"],
        ["TT", "Lĩnh vực", "Tối đa", "Đạt được"],
        ["1", "Công tác chỉ đạo, điều hành", "15", "12,7"],
        ["2", "Cải cách thể chế", "5", "5"],
    ]
    assert table.text.splitlines()[2] == "1 | Công tác chỉ đạo, điều hành | 15 | 12,7"
    assert doc.blocks[2].prov == Provenance(paragraph=1)


def test_bordered_table_later_in_body_is_data_not_layout(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Danh sách văn bản:")
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "Số: 29/KH-UBND"
    t.cell(0, 1).text = "Kế hoạch CCHC năm 2022"
    doc = read_docx(save(d, tmp_path), Settings())
    assert doc.blocks[1].kind is BlockKind.TABLE
    assert doc.blocks[1].text == "Số: 29/KH-UBND | Kế hoạch CCHC năm 2022"


def test_borderless_signature_table_at_end_is_layout(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Trên đây là báo cáo của UBND xã./.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:"
    t.cell(0, 0).add_paragraph("- Lưu: VP.")
    t.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN"
    t.cell(0, 1).add_paragraph("CHỦ TỊCH")
    t.cell(0, 1).add_paragraph("Nguyễn Văn A")
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc)[1:] == ["Nơi nhận:", "- Lưu: VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
    assert doc.blocks[5].prov == Provenance(table=0)


# --- runs: tracked changes, fields, hyperlinks, content controls, text boxes, fonts ----------------


def test_run_level_content(tmp_path: Path) -> None:
    d = docx.Document()
    xml_paragraph(
        d,
        (
            '<w:r><w:t xml:space="preserve">Đạt </w:t></w:r>'
            '<w:del w:id="1" w:author="A" w:date="2023-01-01T00:00:00Z"><w:r><w:delText>83,5</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A" w:date="2023-01-01T00:00:00Z"><w:r><w:t>83,97</w:t></w:r></w:ins>'
            '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>cũ</w:t></w:r></w:moveFrom>'
            '<w:r><w:t xml:space="preserve">/100</w:t><w:tab/><w:t>điểm</w:t><w:br/><w:t xml:space="preserve">(trang </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>8</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            "<w:r><w:t>)</w:t></w:r>"
        ),
    )
    xml_paragraph(
        d,
        (
            '<w:hyperlink w:anchor="x"><w:r><w:t>Trang TTĐT</w:t></w:r></w:hyperlink>'
            '<w:r><w:t xml:space="preserve"> của </w:t></w:r>'
            '<w:sdt><w:sdtPr><w:alias w:val="Xã"/></w:sdtPr><w:sdtContent><w:r><w:t>xã Minh Đức</w:t></w:r>'
            "</w:sdtContent></w:sdt>"
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Bấm để nhập</w:t></w:r>"
            "</w:sdtContent></w:sdt>"
            '<w:fldSimple w:instr=" DOCPROPERTY x "><w:r><w:t xml:space="preserve"> năm 2022</w:t></w:r></w:fldSimple>'
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
            '<w:r><w:rPr><w:caps/></w:rPr><w:t xml:space="preserve"> tăng 6 bậc</w:t></w:r>'
        ),
    )
    xml_paragraph(d, '<w:del w:id="4" w:author="A"><w:r><w:delText>Đoạn đã xóa hết</w:delText></w:r></w:del>')
    d.add_paragraph("Cuối.")
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc) == [
        "Đạt 83,97/100 điểm (trang 8)",
        "Trang TTĐT của xã Minh Đức năm 2022 TĂNG 6 BẬC",
        "Cuối.",
    ]
    assert [b.prov.paragraph for b in doc.blocks] == [0, 1, 3]


def test_text_box_paragraphs_follow_their_anchor(tmp_path: Path) -> None:
    d = docx.Document()
    xml_paragraph(
        d,
        (
            '<w:r><w:t>Neo</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></v:textbox>"
            "</v:shape></w:pict></w:r>"
        ),
    )
    d.add_paragraph("Sau.")
    doc = read_docx(save(d, tmp_path), Settings())
    assert texts(doc) == ["Neo", "DỰ THẢO", "Sau."]
    assert [b.prov.paragraph for b in doc.blocks] == [0, 0, 1]


def test_runs_are_decoded_with_their_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str | None]] = []

    def fake_decode(text: str, font: str | None = None) -> str:
        seen.append((text, font))
        return text.replace("¸", "á") if font == ".VnTime" else text

    monkeypatch.setattr(docx_reader, "decode_run", fake_decode)
    d = docx.Document()
    legacy = d.styles.add_style("Than VnTime", WD_STYLE_TYPE.PARAGRAPH)
    legacy.font.name = ".VnTime"
    p = d.add_paragraph(style=legacy)
    p.add_run("B¸o c¸o ")
    unicode_run = p.add_run("năm")
    unicode_run.font.name = "Times New Roman"
    doc = read_docx(save(d, tmp_path), Settings())
    assert seen == [("B¸o c¸o ", ".VnTime"), ("năm", "Times New Roman")]
    assert texts(doc) == ["Báo cáo năm"]


def test_provenance_counts_empty_paragraphs_and_tables(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("Một")
    d.add_paragraph("   ")
    t = d.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    t.cell(0, 0).text = "ô"
    d.add_paragraph("Hai")
    t2 = d.add_table(rows=1, cols=1)
    t2.style = "Table Grid"
    t2.cell(0, 0).text = "ô hai"
    doc = read_docx(save(d, tmp_path), Settings())
    assert [(b.text, b.prov) for b in doc.blocks] == [
        ("Một", Provenance(paragraph=1)),
        ("ô", Provenance(table=0)),
        ("Hai", Provenance(paragraph=3)),
        ("ô hai", Provenance(table=1)),
    ]
    reopened = docx.Document(str(tmp_path / "report.docx"))
    assert reopened.paragraphs[3].text == "Hai"


# --- hostile and broken files ----------------------------------------------------------------------


def simple_docx(tmp_path: Path, name: str = "ok.docx") -> Path:
    d = docx.Document()
    d.add_paragraph("Nội dung.")
    return save(d, tmp_path, name)


def rewrite_part(src: Path, dst: Path, part: str, data: bytes | None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info.filename, zin.read(info))
        if data is not None:
            zout.writestr(part, data)
    return dst


def test_zip_bomb_declared_huge_document_xml_is_refused_fast(tmp_path: Path) -> None:
    path = simple_docx(tmp_path)
    raw = bytearray(path.read_bytes())
    entry = raw.find(b"PK\x01\x02")
    while entry != -1:
        name_len = struct.unpack_from("<H", raw, entry + 28)[0]
        if raw[entry + 46 : entry + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", raw, entry + 24, 3_000_000_000)
        entry = raw.find(b"PK\x01\x02", entry + 4)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bytes(raw))
    start = time.perf_counter()
    with pytest.raises(LimitExceededError) as err:
        read_docx(bomb, Settings())
    assert time.perf_counter() - start < 2.0  # refused from the zip directory, never decompressed
    assert str(err.value) == (
        f"{bomb}: part word/document.xml unpacks to 3000000000 bytes, over the limit of 52428800 (max_docx_xml_bytes)"
    )


def test_highly_compressed_part_and_configured_limit(tmp_path: Path) -> None:
    src = simple_docx(tmp_path)
    padded = rewrite_part(
        src, tmp_path / "ratio.docx", "customXml/item9.xml", b"<a>" + b" " * 3_000_000 + b"</a>"
    )
    with pytest.raises(LimitExceededError, match=r"customXml/item9.xml is compressed \d+:1 \(a zip bomb\)"):
        read_docx(padded, Settings())
    with pytest.raises(LimitExceededError, match="over the limit of 1000 "):
        read_docx(src, Settings(max_docx_xml_bytes=1000))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="a">
<w:name w:val="&xxe;"/></w:style></w:styles>"""


def test_doctype_entities_are_refused(tmp_path: Path) -> None:
    src = simple_docx(tmp_path)
    laughs = rewrite_part(src, tmp_path / "laughs.docx", "word/document.xml", BILLION_LAUGHS)
    with pytest.raises(CorruptFileError) as err:
        read_docx(laughs, Settings())
    assert str(err.value) == f"{laughs}: XML DOCTYPE/entities are not allowed (in word/document.xml)"
    xxe = rewrite_part(src, tmp_path / "xxe.docx", "word/styles.xml", EXTERNAL_ENTITY)
    with pytest.raises(CorruptFileError, match=r"DOCTYPE/entities are not allowed \(in word/styles.xml\)"):
        read_docx(xxe, Settings())
    utf16 = rewrite_part(
        src, tmp_path / "utf16.docx", "word/document.xml", BILLION_LAUGHS.decode().encode("utf-16")
    )
    with pytest.raises(CorruptFileError, match="DOCTYPE"):
        read_docx(utf16, Settings())


def test_only_the_parts_read_are_inflated_and_checked(tmp_path: Path) -> None:
    """The Word reader never parses stylesWithEffects.xml; read_package (XLSX, parsed whole by openpyxl) does."""
    src = simple_docx(tmp_path)
    unused = rewrite_part(src, tmp_path / "unused.docx", "word/stylesWithEffects.xml", EXTERNAL_ENTITY)
    assert texts(read_docx(unused, Settings())) == ["Nội dung."]
    with pytest.raises(CorruptFileError, match=r"not allowed \(in word/stylesWithEffects.xml\)"):
        docx_reader.read_package(unused, Settings())
    # sizes are checked from the ZIP directory for every part, read or not
    with pytest.raises(LimitExceededError, match="part word/stylesWithEffects.xml unpacks to 438131 bytes"):
        read_docx(src, Settings(max_docx_xml_bytes=400_000))


def test_broken_packages_are_corrupt_file_errors(tmp_path: Path) -> None:
    not_zip = tmp_path / "not zip.docx"
    not_zip.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(CorruptFileError, match=r"not zip\.docx: not a valid DOCX: the ZIP package is broken"):
        read_docx(not_zip, Settings())
    src = simple_docx(tmp_path)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    with pytest.raises(CorruptFileError, match="truncated.docx: not a valid DOCX"):
        read_docx(truncated, Settings())
    missing = rewrite_part(src, tmp_path / "missing.docx", "word/document.xml", None)
    with pytest.raises(CorruptFileError, match="no word/document.xml in the package"):
        read_docx(missing, Settings())
    malformed = rewrite_part(src, tmp_path / "malformed.docx", "word/document.xml", b"<w:document><w:body>")
    with pytest.raises(CorruptFileError, match=r"malformed XML in word/document.xml"):
        read_docx(malformed, Settings())
    for err_path in (not_zip, truncated, missing, malformed):
        with pytest.raises(CorruptFileError) as err:
            read_docx(err_path, Settings())
        assert "\n" not in str(err.value)


def test_ole_containers(tmp_path: Path) -> None:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    encrypted = tmp_path / "mật khẩu.docx"
    encrypted.write_bytes(header + b"\x00" * 2000 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100)
    with pytest.raises(EncryptedFileError, match=r"mật khẩu\.docx: a password-protected"):
        read_docx(encrypted, Settings())
    old_doc = tmp_path / "cu.docx"
    old_doc.write_bytes(header + "WordDocument".encode("utf-16-le") + b"\x00" * 100)
    with pytest.raises(UnsupportedFormatError, match="old Word"):
        read_docx(old_doc, Settings())


def test_document_without_text_is_empty(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("  \t ")
    path = save(d, tmp_path)
    with pytest.raises(EmptyFileError, match="no text in the Word document"):
        read_docx(path, Settings())


def test_read_document_dispatches_docx(tmp_path: Path) -> None:
    d = docx.Document()
    header_table(d)
    d.add_paragraph("Căn cứ Kế hoạch số 29/KH-UBND ngày 27/12/2021.")
    doc = read_document(save(d, tmp_path, "báo cáo.docx"))
    assert doc.format == "docx" and doc.pages is None
    assert doc.blocks[-1].text == "Căn cứ Kế hoạch số 29/KH-UBND ngày 27/12/2021."
    assert doc.text.splitlines()[0] == "ỦY BAN NHÂN DÂN"


# --- the sample report as Word -------------------------------------------------------------------


def test_sample_docx_keeps_every_word_of_the_text_report() -> None:
    doc = read_docx(SAMPLES / "minh-duc-2022.docx", Settings())
    txt = (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8")
    lines = [line for line in txt.splitlines() if line.strip() != "8"]  # the text's stray page number
    assert doc.text.split() == nfc("\n".join(lines)).split()


def test_sample_docx_structure() -> None:
    doc = read_docx(SAMPLES / "minh-duc-2022.docx", Settings())
    assert texts(doc)[:8] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ MINH ĐỨC",
        "Số: 29/BC- UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Minh Đức, ngày 06 tháng 4 năm 2023",
        "BÁO CÁO",
        (
            "Tổng kết công tác Cải cách hành chính xã Minh Đức năm 2022 và triển khai nhiệm vụ Cải cách hành "
            "chính năm 2023"
        ),
    ]
    assert {b.prov for b in doc.blocks[:6]} == {Provenance(table=0)}
    section_iv = texts(doc).index("IV. TRIỂN KHAI THỰC HIỆN KẾ HOẠCH CCHC NĂM 2023")
    plan = doc.blocks[section_iv + 2 : section_iv + 9]
    assert [b.label for b in plan] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert plan[1].text == "2. Cái cách thể chế"
    section_iii = texts(doc).index("III. ĐÁNH GIÁ CHUNG")
    labels = [b.label for b in doc.blocks[section_iii:section_iv] if b.label]
    assert labels == ["1.", "2.", "2.1.", "2.2.", "2.3.", "2.4.", "2.5.", "2.6.", "2.7.", "3."]
    headings = [b for b in doc.blocks if b.style == "heading 1"]
    assert [b.text.split(".")[0] for b in headings] == ["I", "II", "III", "IV", "V"]
    assert all(b.kind is BlockKind.HEADING and b.level == 1 for b in headings)
    assert texts(doc)[-3:] == ["TM. ỦY BAN NHÂN DÂN XÃ", "CHỦ TỊCH", "Nguyễn Hữu Lăng"]


def test_sample_docx_paragraph_provenance_points_at_the_real_paragraph() -> None:
    path = SAMPLES / "minh-duc-2022.docx"
    doc = read_docx(path, Settings())
    paragraphs = docx.Document(str(path)).paragraphs
    checked = 0
    for block in doc.blocks:
        if block.prov.paragraph is None:
            continue
        body = block.text[len(block.label) :].strip() if block.label else block.text
        assert " ".join(paragraphs[block.prov.paragraph].text.split()) == body
        checked += 1
    assert checked > 120


def test_invented_docx_criteria_numbered_only_by_word_and_bold() -> None:
    doc = read_docx(SAMPLES / "phuoc-an-2021.docx", Settings())
    criteria = [b for b in doc.blocks if b.label and b.text.startswith(f"{b.label} Chỉ số thành phần")]
    assert [b.label for b in criteria] == [f"{n}." for n in range(1, 11)]
    assert all(b.kind is BlockKind.HEADING and b.bold and b.level == 1 for b in criteria)
    assert criteria[1].text.startswith("2. Chỉ số thành phần Cải cách thể chế: đạt 5,5/6 điểm")
