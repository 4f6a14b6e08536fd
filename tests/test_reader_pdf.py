"""PDF reader: reports are built here with reportlab (DejaVu Serif), plus the sample PDF in samples/."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import regex as re

from cchc.errors import CorruptFileError, EmptyFileError, EncryptedFileError, LimitExceededError
from cchc.extractors.document import Block, BlockKind, Provenance
from cchc.extractors.layout import PAGE_NUMBER_RE
from cchc.extractors.readers.pdf import read_pdf
from cchc.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_factory import MARGIN_L, ReportPdf, prose_pdf, scanned_pdf, zero_page_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NO_OCR = Settings(ocr=False)

BODY_1 = (
    "Căn cứ Kế hoạch số 29/KH-UBND ngày 27/12/2021 của UBND xã về cải cách hành chính nhà nước năm 2022; "
    "căn cứ Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện về công bố chỉ số cải cách hành chính "
    "năm 2022 của Ủy ban nhân dân các xã, thị trấn, UBND xã báo cáo kết quả như sau:"
)
BODY_2 = (
    "UBND xã được UBND huyện chấm điểm đạt 83,97/100 điểm (đạt tỷ lệ 83,97% chỉ số tổng hợp), xếp thứ 8/23 "
    "xã, thị trấn và được xếp loại hoàn thành tốt nhiệm vụ; những chỉ tiêu chưa đạt được rà soát, khắc phục "
    "trong năm tới theo đúng kế hoạch đã đề ra."
)
HEADER_LEFT = [("ỦY BAN NHÂN DÂN", True), ("XÃ TÂN LẬP", True), ("", False), ("Số: 29/BC-UBND", False)]
HEADER_RIGHT = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("Độc lập - Tự do - Hạnh phúc", True),
    ("", False),
    ("Tân Lập, ngày 06 tháng 4 năm 2023", False),
]
TABLE_ROWS = [
    ["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ", "Xếp hạng"],
    ["1", "Công tác chỉ đạo, điều hành", "15", "12,7", "84,67%", "5/19"],
    ["2", "Cải cách thể chế", "5", "5", "100%", "1/3"],
    ["3", "Cải cách thủ tục hành chính", "18,5", "15,52", "83,89%", "16/21"],
    ["4", "Cải cách tổ chức bộ máy", "6", "6", "100%", ""],
    ["5", "Cải cách chế độ công vụ", "11", "8,8", "80%", "14/19"],
    ["6", "Cải cách tài chính công", "7", "6", "85,71%", "5/13"],
    ["7", "Xây dựng Chính quyền số", "11,5", "8,97", "77,99%", "12/21"],
]
WIDTHS = [28.0, 160.0, 62.0, 82.0, 52.0, 62.0]


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


# --- a built report: header, title, paragraphs, heading, table, three pages -----------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    path = tmp_path_factory.mktemp("pdf") / "tan-lap.pdf"
    pdf = ReportPdf(path, page_numbers="- {n} -", running_header="Báo cáo CCHC năm 2022 - xã Tân Lập")
    pdf.two_column_header(HEADER_LEFT, HEADER_RIGHT)
    pdf.paragraph("BÁO CÁO", bold=True, align="center", indent=0, size=14)
    pdf.paragraph("Tổng kết công tác cải cách hành chính năm 2022", bold=True, align="center", indent=0)
    first = pdf.paragraph(BODY_1)
    pdf.paragraph(BODY_2)
    pdf.paragraph("I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", bold=True, indent=28)
    pdf.paragraph("Kết quả từng lĩnh vực được tổng hợp tại bảng sau:")
    pdf.table(TABLE_ROWS, WIDTHS)
    pdf.new_page()
    known = pdf.paragraph("1. Về công tác chỉ đạo, điều hành: 12,7/15 điểm.", bold=True)
    pdf.paragraph("- Mục 1.1 (Kế hoạch CCHC năm): đã ban hành kịp thời, đạt điểm tối đa.")
    pdf.new_page()
    pdf.paragraph("Trên đây là báo cáo tổng kết công tác cải cách hành chính năm 2022 của UBND xã./.")
    pdf.save()
    return path, {"first": first, "known": known}


def test_two_column_header_left_column_then_right(report: tuple[Path, dict[str, object]]) -> None:
    doc = read_pdf(report[0], NO_OCR)
    assert texts(doc.blocks[:8]) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ TÂN LẬP",
        "Số: 29/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tân Lập, ngày 06 tháng 4 năm 2023",
        "BÁO CÁO",
        "Tổng kết công tác cải cách hành chính năm 2022",
    ]
    assert doc.blocks[0].kind is BlockKind.HEADING and doc.blocks[0].bold
    assert doc.blocks[2].kind is BlockKind.PARAGRAPH and not doc.blocks[2].bold
    # "ỦY BAN …" and "CỘNG HÒA …" share the page's first line; each keeps its own column's box
    assert doc.blocks[0].prov.line == doc.blocks[3].prov.line == 1
    assert doc.blocks[0].prov.bbox[2] < doc.blocks[3].prov.bbox[0]


def test_wrapped_lines_join_into_paragraphs(report: tuple[Path, dict[str, object]]) -> None:
    doc = read_pdf(report[0], NO_OCR)
    body = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert BODY_1 in texts(body) and BODY_2 in texts(body)
    block = next(b for b in body if b.text == BODY_1)
    first_lines: list[tuple[str, int, float]] = report[1]["first"]  # type: ignore[assignment]
    assert len(first_lines) >= 3 and len(block.lines) == len(first_lines)
    # each source line's offset in the block text, and its own line number on the page
    offset = 0
    for (start, prov), (line_text, page, _top) in zip(block.lines, first_lines):
        assert start == offset and block.text[start:].startswith(line_text)
        assert prov.page == page == 1
        offset += len(line_text) + 1
    numbers = [prov.line for _, prov in block.lines]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def test_headings_kind_and_level(report: tuple[Path, dict[str, object]]) -> None:
    doc = read_pdf(report[0], NO_OCR)
    by_text = {b.text: b for b in doc.blocks}
    roman = by_text["I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022"]
    assert (roman.kind, roman.level, roman.bold) == (BlockKind.HEADING, 1, True)
    item = by_text["- Mục 1.1 (Kế hoạch CCHC năm): đã ban hành kịp thời, đạt điểm tối đa."]
    assert item.kind is BlockKind.LIST_ITEM and item.prov.page == 2


def test_bbox_and_page_of_a_known_line(report: tuple[Path, dict[str, object]]) -> None:
    doc = read_pdf(report[0], NO_OCR)
    ((text, page, top),) = report[1]["known"]  # type: ignore[misc]
    block = next(b for b in doc.blocks if b.text == text)
    assert block.prov.page == page == 2
    assert block.prov.line == 1  # the running header is dropped, so this is the page's first line
    x0, y0, x1, y1 = block.prov.bbox  # type: ignore[misc]
    assert x0 == pytest.approx(MARGIN_L + 28.0, abs=0.5)  # first-line indent
    assert y1 == pytest.approx(top + 13.0, abs=0.5)  # the font box: 13 pt from its top
    assert top - 3.0 < y0 <= top + 0.5  # tall glyphs (ề) may reach a little above it
    assert 300 < x1 < 560
    assert block.prov_at(5) == block.prov


def test_page_numbers_and_running_header_dropped(report: tuple[Path, dict[str, object]]) -> None:
    doc = read_pdf(report[0], NO_OCR)
    assert doc.pages == 3 and doc.format == "pdf"
    assert not any(re.search(r"Báo cáo CCHC năm 2022 - xã|^- \d -$", b.text) for b in doc.blocks)
    assert "page 2: dropped page number '- 2 -'" in doc.warnings
    assert any("running header 'Báo cáo CCHC năm 2022 - xã Tân Lập' on 3 pages" in w for w in doc.warnings)
    assert doc.blocks[-1].text.startswith("Trên đây là báo cáo") and doc.blocks[-1].prov.page == 3


def test_ruled_table_is_one_table_block(report: tuple[Path, dict[str, object]]) -> None:
    doc = read_pdf(report[0], NO_OCR)
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    table = tables[0]
    assert table.rows == TABLE_ROWS
    assert table.text.splitlines()[3] == "3 | Cải cách thủ tục hành chính | 18,5 | 15,52 | 83,89% | 16/21"
    assert table.prov.page == 1 and len(table.lines) == len(TABLE_ROWS)
    # in reading order: after its lead-in sentence, before page 2; its cells are not paragraphs too
    at = doc.blocks.index(table)
    assert doc.blocks[at - 1].text == "Kết quả từng lĩnh vực được tổng hợp tại bảng sau:"
    assert not any("Cải cách thể chế" in b.text for b in doc.blocks if b.kind is not BlockKind.TABLE)
    row_3 = table.prov_at(table.text.index("Cải cách thủ tục"))
    assert row_3.page == 1 and row_3.bbox is not None and row_3.line == table.lines[3][1].line


@pytest.mark.parametrize("repeat_header", [False, True])
def test_table_across_two_pages_is_joined(tmp_path: Path, repeat_header: bool) -> None:
    pdf = ReportPdf(tmp_path / "long-table.pdf", page_numbers="{n}")
    pdf.paragraph("Bảng tổng hợp kết quả các lĩnh vực:")
    pdf.y = 700.0  # only a few rows fit before the bottom margin
    pdf.table(TABLE_ROWS, WIDTHS, repeat_header=repeat_header)
    pdf.paragraph("Tổng cộng đạt 83,97/100 điểm.")
    doc = read_pdf(pdf.save(), NO_OCR)
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    assert tables[0].rows == TABLE_ROWS  # header once, every row in order
    pages = [prov.page for _, prov in tables[0].lines]
    assert pages[0] == 1 and pages[-1] == 2 and 1 < pages.index(2) < len(TABLE_ROWS)
    assert doc.blocks[-1].text == "Tổng cộng đạt 83,97/100 điểm."


def test_table_drawn_as_one_grid_path(tmp_path: Path) -> None:
    """A grid drawn as one path goes through pdfplumber's own page parse, with the same result."""
    pdf = ReportPdf(tmp_path / "grid.pdf")
    pdf.paragraph("Kết quả từng lĩnh vực:")
    pdf.table(TABLE_ROWS[:4], WIDTHS, grid=True)
    pdf.paragraph("Các lĩnh vực còn lại đạt yêu cầu.")
    doc = read_pdf(pdf.save(), NO_OCR)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert doc.blocks[1].rows == TABLE_ROWS[:4]


# --- characters by position ---------------------------------------------------------------------


def test_fallback_glyphs_are_put_back_in_place(tmp_path: Path) -> None:
    """Letters drawn in a fallback font after the rest of the line land where they are printed."""
    pdf = ReportPdf(tmp_path / "fallback.pdf", fallback="ỘỦỨốộữứĐ")
    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN XÃ MINH ĐỨC",
        "Đã khắc phục những tồn tại, hạn chế; kết quả tốt, đúng tiến độ, giữ vững thứ hạng.",
    ]
    top = 100.0
    for line in lines:
        pdf.draw_line(MARGIN_L, top, line)
        top += 40.0
    path = pdf.save()
    pdf_doc = pdfium.PdfDocument(str(path))
    naive = pdf_doc[0].get_textpage().get_text_range()
    pdf_doc.close()
    assert naive.startswith("C NG HÒA XÃ H I CH NGHĨA")  # the stream order really is broken
    doc = read_pdf(path, NO_OCR)
    assert texts(doc.blocks) == lines


def test_decomposed_marks_are_composed(tmp_path: Path) -> None:
    pdf = ReportPdf(tmp_path / "nfd.pdf")
    import unicodedata

    pdf.draw_line(MARGIN_L, 100.0, unicodedata.normalize("NFD", "Quyết định số 855/QĐ-UBND về chỉ số"))
    doc = read_pdf(pdf.save(), NO_OCR)
    assert texts(doc.blocks) == ["Quyết định số 855/QĐ-UBND về chỉ số"]


# --- wrapped lines of a header cell and of a centred title (fonts wider than the author's) -----------


def test_wrapped_date_line_and_title_are_joined_whatever_they_start_with(tmp_path: Path) -> None:
    """A wider substitute font wraps "… năm" / "2023" in the header cell and the title before its year."""
    pdf = ReportPdf(tmp_path / "wrapped.pdf")
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("Độc lập - Tự do - Hạnh phúc", True),
        ("", False),
        ("Tân Lập, ngày 06 tháng 4 năm", False),
        ("2023", False),
    ]
    pdf.two_column_header(HEADER_LEFT, right)
    pdf.paragraph("BÁO CÁO", bold=True, align="center", indent=0, size=14)
    pdf.centred_lines(["Phân tích, đánh giá kết quả Chỉ số cải cách hành chính năm", "2021", "của UBND xã Tân Lập"],
                      bold=True)
    pdf.centred_lines(["Tổng hợp kết quả chấm điểm các lĩnh vực", "theo thang điểm của huyện"], bold=True)
    pdf.paragraph(BODY_1)
    doc = read_pdf(pdf.save(), NO_OCR)
    assert texts(doc.blocks[:9]) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ TÂN LẬP",
        "Số: 29/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tân Lập, ngày 06 tháng 4 năm 2023",
        "BÁO CÁO",
        "Phân tích, đánh giá kết quả Chỉ số cải cách hành chính năm 2021 của UBND xã Tân Lập",
        "Tổng hợp kết quả chấm điểm các lĩnh vực theo thang điểm của huyện",
    ]
    date = doc.blocks[5]
    assert [prov.line for _, prov in date.lines] == [3, 4]  # each printed line keeps its own place


def test_centred_lines_that_are_separate_stay_separate(tmp_path: Path) -> None:
    """A line that starts with a digit is joined only as the narrower rest of a centred line on its axis."""
    pdf = ReportPdf(tmp_path / "separate.pdf")
    pdf.centred_lines(["Biểu tổng hợp kết quả chấm điểm:", "2023"], bold=True)  # a sentence ended
    pdf.centred_lines(["Kết quả chấm điểm các lĩnh vực của xã"], bold=True)
    pdf.centred_lines(["2022 và 2023"], bold=True, shift=60.0)  # centred on another axis
    pdf.centred_lines(["Danh sách các xã, thị trấn năm"], bold=True)
    pdf.centred_lines(["2022 được huyện chấm điểm theo bộ chỉ số mới ban hành"], bold=True)  # wider
    pdf.paragraph("Kết quả chung", bold=True, align="center", indent=0)
    pdf.paragraph("2.418 hồ sơ được tiếp nhận trong năm, giải quyết đúng hạn 2.411 hồ sơ.", indent=0)
    doc = read_pdf(pdf.save(), NO_OCR)
    assert texts(doc.blocks) == [
        "Biểu tổng hợp kết quả chấm điểm:",
        "2023",
        "Kết quả chấm điểm các lĩnh vực của xã",
        "2022 và 2023",
        "Danh sách các xã, thị trấn năm",
        "2022 được huyện chấm điểm theo bộ chỉ số mới ban hành",
        "Kết quả chung",
        "2.418 hồ sơ được tiếp nhận trong năm, giải quyết đúng hạn 2.411 hồ sơ.",
    ]


# --- broken, protected and over-limit files -------------------------------------------------------


def test_user_password_pdf_is_encrypted_error(tmp_path: Path) -> None:
    pdf = ReportPdf(tmp_path / "locked.pdf", encrypt="secret")
    pdf.paragraph(BODY_1)
    with pytest.raises(EncryptedFileError, match=r"locked\.pdf: .*needs a user password"):
        read_pdf(pdf.save(), NO_OCR)


@pytest.mark.parametrize("strength", [40, 128])
def test_copy_protected_pdf_is_read_with_a_warning(tmp_path: Path, strength: int) -> None:
    """Owner password only (copying forbidden): it opens in every viewer, so it is read, tables too."""
    pdf = ReportPdf(tmp_path / "restricted.pdf", encrypt="", owner_password="owner-secret", strength=strength)
    pdf.paragraph(BODY_1)
    pdf.table(TABLE_ROWS, WIDTHS, grid=True)  # a drawn grid: pdfplumber opens the file as well
    doc = read_pdf(pdf.save(), NO_OCR)
    assert BODY_1 in texts(doc.blocks)
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == TABLE_ROWS
    assert [w for w in doc.warnings if w.startswith("copy-protected")] == [
        "copy-protected: owner password only (no password to open); read as any viewer shows it"
    ]


def test_unprotected_pdf_has_no_copy_protected_warning(report: tuple[Path, dict[str, object]]) -> None:
    assert not [w for w in read_pdf(report[0], NO_OCR).warnings if "copy-protected" in w]


def test_truncated_pdf_is_corrupt(report: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    data = report[0].read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError, match=r"cut\.pdf: truncated PDF"):
        read_pdf(cut, NO_OCR)


def test_garbage_and_zero_pages_are_clean_errors(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(CorruptFileError, match=r"garbage\.pdf: cannot open the PDF"):
        read_pdf(garbage, NO_OCR)
    not_pdf = tmp_path / "note.pdf"
    not_pdf.write_text("just text, no PDF header\n%%EOF\n")
    with pytest.raises(CorruptFileError, match=r"note\.pdf: not a PDF"):
        read_pdf(not_pdf, NO_OCR)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError, match=r"empty\.pdf: empty file"):
        read_pdf(empty, NO_OCR)
    with pytest.raises(EmptyFileError, match=r"zero\.pdf: the PDF has no pages"):
        read_pdf(zero_page_pdf(tmp_path / "zero.pdf"), NO_OCR)


def test_page_limit(report: tuple[Path, dict[str, object]]) -> None:
    with pytest.raises(LimitExceededError, match=r"tan-lap\.pdf: 3 pages, over the limit of 2 \(max_pages\)"):
        read_pdf(report[0], Settings(ocr=False, max_pages=2))


def test_time_limit(report: tuple[Path, dict[str, object]]) -> None:
    with pytest.raises(
        LimitExceededError, match=r"tan-lap\.pdf: reading took over .* \(max_seconds_per_document\)"
    ):
        read_pdf(report[0], Settings(ocr=False, max_seconds_per_document=1e-9))


def test_page_with_too_many_characters(
    report: tuple[Path, dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(
        LimitExceededError, match=r"tan-lap\.pdf: page 1 has \d+ characters, over the limit of 500"
    ):
        read_pdf(report[0], replace(NO_OCR, max_page_objects=500))


def test_scan_without_ocr_says_it_needs_ocr(tmp_path: Path) -> None:
    with pytest.raises(
        EmptyFileError, match=r"scan\.pdf: no text layer; a scanned PDF needs OCR \(apt install"
    ):
        read_pdf(scanned_pdf(tmp_path / "scan.pdf"), NO_OCR)


def test_scanned_pages_go_to_the_ocr_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc.extractors.readers import ocr

    calls: list[list[int]] = []

    def fake_ocr(
        path: Path, numbers: list[int], settings: Settings, warnings: list[str] | None = None
    ) -> list[list[Block]]:
        calls.append(numbers)
        return [
            [Block(BlockKind.PARAGRAPH, f"trang {n} đọc bằng OCR", Provenance(page=n, line=1))]
            for n in numbers
        ]

    monkeypatch.setattr(ocr, "ocr_pages", fake_ocr)
    path = tmp_path / "mixed.pdf"
    pdf = ReportPdf(path)
    pdf.paragraph(BODY_2)
    pdf.save()
    scan = scanned_pdf(tmp_path / "scan.pdf", pages=2)
    # a text page followed by two scanned pages, glued with pdfium
    out = pdfium.PdfDocument.new()
    for source in (path, scan):
        src = pdfium.PdfDocument(str(source))
        out.import_pages(src)
        src.close()
    mixed = tmp_path / "mixed-scan.pdf"
    out.save(str(mixed))
    out.close()
    doc = read_pdf(mixed, Settings())
    assert calls == [[2, 3]] and doc.ocr_pages == [2, 3]
    assert texts(doc.blocks) == [BODY_2, "trang 2 đọc bằng OCR", "trang 3 đọc bằng OCR"]


# --- the sample report ----------------------------------------------------------------------------


def test_sample_pdf_reads_as_its_text() -> None:
    doc = read_pdf(SAMPLES / "minh-duc-2022.pdf", NO_OCR)
    source = [ln for ln in (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8").splitlines()]
    expected = " ".join(ln for ln in source if not PAGE_NUMBER_RE.match(ln)).split()
    assert " ".join(b.text for b in doc.blocks).split() == expected
    assert any("8,97/,11,5 điểm" in b.text for b in doc.blocks)
    assert texts(doc.blocks[:6]) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ MINH ĐỨC",
        "Số: 29/BC- UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Minh Đức, ngày 06 tháng 4 năm 2023",
    ]
    assert doc.pages == 10 and sum("dropped page number" in w for w in doc.warnings) == 10


def test_sample_pdf_blocks_follow_the_outline() -> None:
    doc = read_pdf(SAMPLES / "minh-duc-2022.pdf", NO_OCR)

    def starting(prefix: str) -> Block:
        (block,) = [b for b in doc.blocks if b.text.startswith(prefix)]
        return block

    heading = starting("1. Về công tác chỉ đạo, điều hành:12,7/15")
    assert heading.text.endswith("Xếp thứ 5/19 nhóm hạng các xã, thị trấn, tăng 6 bậc so với năm 2021.")
    assert (heading.kind, heading.level, heading.prov.page) == (BlockKind.HEADING, 1, 1)
    assert starting("V. MỘT SỐ NHIỆM VỤ").text == "V. MỘT SỐ NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI"
    item = starting("- Mục 1.7 (Thực hiện các nhiệm vụ")
    assert item.kind is BlockKind.LIST_ITEM and item.prov.page == 2
    assert item.text.endswith("làm căn cứ tự chấm điểm và cung cấp tài liệu kiểm chứng.")
    # a numbered line and the paragraph after it, both indented, stay apart
    assert (
        starting("7. Xây dựng và phát triển").text
        == "7. Xây dựng và phát triển Chính quyền điện tử, chính quyền số"
    )
    # the signature block: "Nơi nhận" list first, then the signer's column
    tail = texts(doc.blocks[-4:])
    assert tail == ["- Lưu: VP.", "TM. ỦY BAN NHÂN DÂN XÃ", "CHỦ TỊCH", "Nguyễn Hữu Lăng"]


def test_prose_pdf_many_pages(tmp_path: Path) -> None:
    doc = read_pdf(prose_pdf(tmp_path / "prose.pdf", pages=6), NO_OCR)
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings[:3] == [f"{n}. Về lĩnh vực số {n}: 8,5/10 điểm, đạt tỷ lệ 85%." for n in (1, 2, 3)]
    paragraphs = [b for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]
    assert len({b.text.removeprefix("- ") for b in paragraphs}) == 1  # the same text, joined the same way
    assert not any(PAGE_NUMBER_RE.match(b.text) for b in doc.blocks)


def test_lettered_list_heading_after_an_item_starts_its_own_block(tmp_path: Path) -> None:
    """"b) Các chỉ số … chưa đạt điểm tối đa:" indented under a finished item is a heading of its own,
    not the wrapped end of the item (it starts with a lower-case letter)."""
    pdf = ReportPdf(tmp_path / "lettered.pdf")
    pdf.paragraph("a) Các chỉ số thành phần đạt điểm tối đa:", indent=24, space_after=0)
    pdf.paragraph("- Chỉ số 1.1 (Kế hoạch CCHC năm): đảm bảo số lượng, chất lượng, thời gian theo quy định, "
                  "đạt 1,5/1,5 điểm.", indent=20, space_after=0)
    pdf.paragraph("b) Các chỉ số thành phần chưa đạt điểm tối đa:", indent=24, space_after=0)
    pdf.paragraph("- Chỉ số 1.6 (Đối thoại của lãnh đạo xã với người dân, doanh nghiệp): tài liệu kiểm chứng "
                  "chưa đầy đủ, đạt 0,5/2,5 điểm.", indent=20, space_after=0)
    doc = read_pdf(pdf.save(), NO_OCR)
    assert [t[:20] for t in texts(doc.blocks)] == [
        "a) Các chỉ số thành ", "- Chỉ số 1.1 (Kế hoạ", "b) Các chỉ số thành ", "- Chỉ số 1.6 (Đối th",
    ]


def test_a_lower_case_letter_label_inside_a_sentence_goes_on() -> None:
    from cchc.extractors.readers.pdf import _letter_item

    assert _letter_item("b) Các chỉ số thành phần chưa đạt điểm tối đa:", "đúng quy định.")
    assert _letter_item("b) tài liệu kiểm chứng:", "các chỉ số sau:")
    assert not _letter_item("a) khoản 2 Điều 5 của Nghị định", "theo quy định tại điểm")
