"""Reports typed in TCVN3 fonts whose font names no longer say so, first met in held-out round 22 (issue 11).

A PDF printed from a document typed in ".VnTime" / ".VnTimeH" through another font, or a converter's DOCX of
one, holds the TCVN3 bytes read as Latin-1 ("KÕt qu¶"), with nothing naming the capitals font ".VnTimeH", which
draws the lower-case codes as capitals. Its lines in capitals then convert to capitals with lower-case letters
inside words ("NHâN", "KếT QUả"), and short lines ("Sè: 03/BC-UBND", "Ph¹m V¨n Kiªu") read in TCVN3 and VISCII
alike. The bytes here come from glibc's iconv (``TCVN5712-1``), not from the project's own tables; every
expected value is the Unicode text the test starts from. Unicode documents beside them stay as they are.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cchc.api import check_record, extract_file
from cchc.extractors.legacy_fonts import decode_run, fix_legacy_text, restore_capitals
from cchc.extractors.readers.docx import legacy_encoding, read_docx
from cchc.extractors.readers.pdf import read_pdf
from tests.pdf_factory import ReportPdf


def tcvn3(text: str, capitals: bool = False) -> str:
    """``text`` as a TCVN3 document stores it, read as Latin-1. ``capitals``: typed in a capitals font
    (".VnTimeH"), where a toned capital is typed with its lower-case code and plain letters either way."""
    source = text.lower() if capitals else text
    stored = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=source.encode(), capture_output=True, check=True
    ).stdout.decode("latin-1")
    return "".join(ch.upper() if capitals and ch.isascii() else ch for ch in stored)


# (text, typed in the capitals font)
HEADER_LEFT = [("ỦY BAN NHÂN DÂN", True), ("XÃ TÂN PHƯỚC", True), ("Số: 05/BC-UBND", False)]
HEADER_RIGHT = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("Độc lập - Tự do - Hạnh phúc", False),
    ("Tân Phước, ngày 10 tháng 01 năm 2023", False),
]
CRITERIA = [  # name, maximum, score, percent as printed
    ("Chỉ đạo, điều hành công tác CCHC", "12", "11", "91,67"),
    ("Cải cách thể chế", "5", "4,5", "90,00"),
    ("Cải cách thủ tục hành chính", "20", "18", "90,00"),
    ("Cải cách tổ chức bộ máy", "6", "5,5", "91,67"),
    ("Cải cách chế độ công vụ, công chức", "11", "10", "90,91"),
    ("Cải cách tài chính công", "7", "6,5", "92,86"),
    ("Xây dựng chính quyền điện tử, chính quyền số", "12", "11", "91,67"),
    ("Tác động của CCHC đến phát triển kinh tế - xã hội", "3", "2,5", "83,33"),
    ("Chỉ số đánh giá tác động của các tổ chức", "12", "10,5", "87,50"),
    ("Sự hài lòng của người dân, tổ chức", "12", "8,75", "72,92"),
]
BODY = [  # (text, capitals, kind): "title" centred, "line" a paragraph of one line, "table"
    ("BÁO CÁO", True, "title"),
    ("Kết quả thực hiện công tác cải cách hành chính năm 2022", False, "title"),
    ("Kết quả Chỉ số CCHC năm 2022 của UBND xã Tân Phước đạt 88,25/100 điểm, xếp thứ 7/21 xã.", False, "line"),
    ("I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022", True, "line"),
    ("Kết quả cụ thể theo từng lĩnh vực như sau:", False, "line"),
    ("", False, "table"),
    ("II. ĐÁNH GIÁ CHUNG", True, "line"),
    ("Công tác CCHC được cấp ủy, chính quyền quan tâm chỉ đạo.", False, "line"),
    ("III. NHIỆM VỤ TRỌNG TÂM NĂM 2023", True, "line"),
    ("Tiếp tục đẩy mạnh công tác tuyên truyền về CCHC.", False, "line"),
    ("TM. ỦY BAN NHÂN DÂN", True, "line"),
    ("CHỦ TỊCH", True, "line"),
    ("Lương Văn Tư", False, "line"),
]
TABLE_HEADER = ["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]


def _as_stored(text: str, capitals: bool, legacy: bool) -> str:
    return tcvn3(text, capitals) if legacy else text


def _report_pdf(path: Path, legacy: bool) -> Path:
    pdf = ReportPdf(path, size=12.0)
    pdf.two_column_header(
        [(_as_stored(t, c, legacy), c) for t, c in HEADER_LEFT], [(_as_stored(t, c, legacy), c) for t, c in HEADER_RIGHT]
    )
    for text, capitals, kind in BODY:
        if kind == "table":
            rows = [TABLE_HEADER] + [[str(i), *row] for i, row in enumerate(CRITERIA, 1)]
            pdf.table([[_as_stored(cell, False, legacy) for cell in row] for row in rows], [28, 250, 58, 50, 55], 9.0)
        elif kind == "title":
            pdf.centred_lines([_as_stored(text, capitals, legacy)], bold=capitals)
        else:
            pdf.paragraph(_as_stored(text, capitals, legacy))
    return pdf.save()


def test_the_bytes_are_glibcs_tcvn3() -> None:
    """The helper gives what a TCVN3 document holds: "ủ" 0xF1, "â" 0xA9, "ư" 0xAD, capitals typed as lower codes."""
    assert tcvn3("ỦY BAN NHÂN DÂN", capitals=True) == "\xf1Y BAN NH\xa9N D\xa9N"
    assert tcvn3("Lương Văn Tư") == "L\xad\xacng V\xa8n T\xad"


@pytest.mark.parametrize(
    ("converted", "meant"),
    [
        ("ỦY BAN NHâN DâN", "ỦY BAN NHÂN DÂN"),
        ("XÃ PHú LộC", "XÃ PHÚ LỘC"),
        ("II. KếT QUả Cụ THể TừNG LĩNH VựC", "II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC"),
        ("đáNH GIá CHUNG", "ĐÁNH GIÁ CHUNG"),
        ("I. KếT QUả CHỉ Số CCHC NăM 2020", "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2020"),
    ],
)
def test_capitals_typed_in_the_capitals_font_are_restored(converted: str, meant: str) -> None:
    assert restore_capitals(converted) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Số: 03/BC-UBND",
        "Căn cứ Kế hoạch số 63/KH-UBND",
        "Độc lập - Tự do - Hạnh phúc",
        "Phú Lộc",
        "UBND xã",
        "CCHC",
        "Tổ",
        "Cụ",
        "CCHC: Bộ",
        "Phụ lục: BảNG Số LIệU",  # an ASCII lower-case word: not a line of capitals
    ],
)
def test_ordinary_text_keeps_its_case(text: str) -> None:
    assert restore_capitals(text) == text


def test_a_short_run_is_decoded_in_the_documents_encoding() -> None:
    short = tcvn3("Số: 03/BC-UBND")
    assert decode_run(short) == short  # too short to tell on its own ("Sè" is a syllable as it stands)
    assert decode_run(short, None, "tcvn3") == "Số: 03/BC-UBND"
    assert decode_run(tcvn3("Lương Văn Tư"), None, "tcvn3") == "Lương Văn Tư"
    assert decode_run(tcvn3("ỦY BAN NHÂN DÂN", capitals=True), None, "tcvn3") == "ỦY BAN NHÂN DÂN"


@pytest.mark.parametrize("text", ["Số: 03/BC-UBND", "Café", "UBND xã Phú Lộc", "CCHC 2022", "© 2022"])
def test_unicode_and_foreign_words_are_not_taken_for_the_documents_encoding(text: str) -> None:
    assert decode_run(text, None, "tcvn3") == text


def test_tcvn3_pdf_printed_through_another_font_reads_as_its_unicode_twin(tmp_path: Path) -> None:
    legacy = read_pdf(_report_pdf(tmp_path / "tan-phuoc.pdf", legacy=True))
    twin = read_pdf(_report_pdf(tmp_path / "tan-phuoc-unicode.pdf", legacy=False))
    texts = [b.text for b in legacy.blocks]
    assert texts == [b.text for b in twin.blocks]
    for line in ("ỦY BAN NHÂN DÂN", "XÃ TÂN PHƯỚC", "Số: 05/BC-UBND", "BÁO CÁO", "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022"):
        assert any(t.startswith(line) or line in t for t in texts), line
    assert "II. ĐÁNH GIÁ CHUNG" in texts and "III. NHIỆM VỤ TRỌNG TÂM NĂM 2023" in texts
    assert texts[-1] == "Lương Văn Tư"  # "ư" stored as 0xAD, a soft hyphen in Latin-1
    table = next(b for b in legacy.blocks if b.kind.value == "table")
    assert "Lĩnh vực | Điểm tối đa | Điểm đạt | Tỷ lệ (%)" in table.text
    assert "10 | Sự hài lòng của người dân, tổ chức | 12 | 8,75 | 72,92" in table.text


def test_tcvn3_pdf_gives_its_header_criteria_and_no_false_finding(tmp_path: Path) -> None:
    record = extract_file(_report_pdf(tmp_path / "tan-phuoc.pdf", legacy=True))
    meta = record.meta
    assert (meta.unit_level, meta.unit_name, meta.doc_number, meta.report_year) == ("xã", "Tân Phước", "05/BC-UBND", 2022)
    assert record.overall.score == 88.25
    got = {c.code: (c.score, c.max_score, c.percent) for c in record.criteria}
    assert got["1"] == (11.0, 12.0, 91.67)
    assert got["10"] == (8.75, 12.0, 72.92)
    assert len(got) == 10
    alarms = [f for f in check_record(record) if f.severity.value in ("warning", "error")]
    assert alarms == []


def _docx(path: Path, lines: list[str], font: str = "Times New Roman") -> Path:
    from docx import Document as DocxDocument

    doc = DocxDocument()
    for line in lines:
        doc.add_paragraph().add_run(line).font.name = font
    doc.save(str(path))
    return path


CONVERTED = [
    ("ỦY BAN NHÂN DÂN", True),
    ("XÃ TÂN PHƯỚC", True),
    ("Số: 05/BC-UBND", False),
    ("Tân Phước, ngày 10 tháng 01 năm 2023", False),
    ("BÁO CÁO", True),
    ("Kết quả thực hiện công tác cải cách hành chính năm 2022", False),
    ("I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022", True),
    ("Tiêu chí 2: Cải cách thể chế", False),
    ("Kết quả: đạt 4,5/5 điểm (tỷ lệ 90,00%).", False),
    ("II. ĐÁNH GIÁ CHUNG", True),
    ("Lương Văn Tư", False),
]


def test_converted_docx_in_the_converters_font_reads_as_its_unicode_twin(tmp_path: Path) -> None:
    legacy = read_docx(_docx(tmp_path / "conv.docx", [tcvn3(t, c) for t, c in CONVERTED]))
    twin = read_docx(_docx(tmp_path / "twin.docx", [t for t, _ in CONVERTED]))
    assert [b.text for b in legacy.blocks] == [b.text for b in twin.blocks]
    texts = " | ".join(b.text for b in legacy.blocks)
    for line in ("ỦY BAN NHÂN DÂN", "XÃ TÂN PHƯỚC", "Số: 05/BC-UBND", "Tiêu chí 2: Cải cách thể chế", "II. ĐÁNH GIÁ"):
        assert line in texts


def test_a_unicode_docx_is_never_decoded(tmp_path: Path) -> None:
    lines = ["Số: 05/BC-UBND", "Phụ lục: BảNG Số LIệU", "PHó", "Café ©", "UBND xã Tân Phước"]
    path = _docx(tmp_path / "unicode.docx", lines)
    assert [b.text for b in read_docx(path).blocks] == lines
    with __import__("zipfile").ZipFile(path) as zf:
        assert legacy_encoding(zf.read("word/document.xml")) is None


def test_the_document_encoding_needs_a_whole_legacy_body() -> None:
    body = "".join(f"<w:p><w:r><w:t>{tcvn3(t, c)}</w:t></w:r></w:p>" for t, c in CONVERTED).encode()
    assert legacy_encoding(body) == "tcvn3"
    one_short_line = f"<w:p><w:r><w:t>{tcvn3('Số: 05/BC-UBND')}</w:t></w:r></w:p>".encode()
    assert legacy_encoding(one_short_line) is None  # "Sè" is a syllable as it stands: nothing tells
    assert legacy_encoding(b"<w:t>UBND</w:t>") is None


def test_text_in_tcvn3_restores_its_capitals_lines() -> None:
    lines = [tcvn3(t, c) for t, c in CONVERTED]
    assert fix_legacy_text("\n".join(lines)).split("\n") == [t for t, _ in CONVERTED]


def test_tcvn3_text_file_gives_its_header(tmp_path: Path) -> None:
    text = "\n".join(tcvn3(t, c) for t, c in CONVERTED) + "\n" + tcvn3(BODY[2][0]) + "\n"
    path = tmp_path / "tan-phuoc.txt"
    path.write_bytes(text.encode("latin-1"))
    meta = extract_file(path).meta
    assert (meta.unit_level, meta.unit_name, meta.doc_number, meta.report_year) == ("xã", "Tân Phước", "05/BC-UBND", 2022)
