"""Layouts first met in held-out round 17 (issue 11): a report pasted from an e-mail reply, every line quoted
with "> " and hard-wrapped; the criteria table drawn turned a quarter on a portrait page, its text running bottom to
top; each form with a negative example beside it."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers.ocr import OcrLine, blocks_from_ocr_lines
from cchc.extractors.readers.pdf import read_pdf
from cchc.extractors.readers.text import read_text, unquote_mail
from tests.pdf_factory import PAGE_H, PAGE_W, SERIF, ReportPdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = unicodedata.normalize("NFC", (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8"))
GREETING = [
    "Kính gửi Phòng Nội vụ,",
    "",
    "Văn phòng UBND xã Minh Đức chuyển lại báo cáo theo email dưới đây.",
    "",
    "Vào ngày 06/04/2023 lúc 08:14, Văn phòng UBND xã <vanphong.minhduc@gmail.com> đã viết:",
    "",
]


def _mail(text: str, mark: str = "> ", width: int = 70) -> str:
    """``text`` as a mail client quotes it in a reply: a greeting, the reply line, then every line quoted and
    hard-wrapped at ``width``."""
    quoted: list[str] = []
    for line in text.splitlines():
        pieces = textwrap.wrap(line, width) or [""]
        quoted.extend((mark + piece).rstrip() if piece else mark.rstrip() for piece in pieces)
    return "\n".join(GREETING + quoted) + "\n"


def _values(path: Path) -> tuple[object, ...]:
    record = extract_file(path)
    criteria = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in record.criteria]
    kinds = sorted((f.kind, f.subject) for f in record.findings if f.severity != "info")
    meta = record.meta.model_dump(exclude={"evidence"})  # its line numbers count the greeting's six lines
    return meta, record.overall.score, record.overall.percent, record.overall.rank, criteria, kinds


def test_a_report_quoted_in_a_mail_reply_reads_as_the_report(tmp_path: Path) -> None:
    mail = tmp_path / "minh-duc-mail.txt"
    mail.write_text(_mail(SAMPLE), encoding="utf-8")
    record = extract_file(mail)
    # read from samples/minh-duc-2022.txt: the header, the overall statement and criterion 1
    assert (record.meta.unit_name, record.meta.doc_number, record.meta.issued_date) == (
        "Minh Đức", "29/BC-UBND", "2023-04-06")  # fmt: skip
    assert (record.meta.district, record.meta.signer) == ("Tứ Kỳ", "Nguyễn Hữu Lăng")
    overall = record.overall
    assert (overall.score, overall.max_score, overall.percent, overall.rank, overall.rank_total) == (
        83.97, 100.0, 83.97, 8, 23)  # fmt: skip
    first = record.criteria[0]
    assert (first.code, first.score, first.max_score, first.percent, first.rank, first.rank_total) == (
        "1", 12.7, 15.0, 87.67, 5, 19)  # fmt: skip
    assert [c.code for c in record.criteria] == [str(n) for n in range(1, 11)]  # "1." to "10." in the sample
    assert not any(f.kind == "missing_criterion" for f in record.findings)


def test_the_quoted_report_gives_what_the_report_gives(tmp_path: Path) -> None:
    """Every value and finding of the sample's own text, whether quoted with "> " or ">> "."""
    plain = tmp_path / "plain.txt"
    plain.write_text(SAMPLE, encoding="utf-8")
    for mark in ("> ", ">> ", ">"):
        mail = tmp_path / f"mail{len(mark)}.txt"
        mail.write_text(_mail(SAMPLE, mark, width=500), encoding="utf-8")
        assert _values(mail) == _values(plain), mark


def test_the_greeting_and_reply_line_stay_out_and_lines_keep_their_numbers(tmp_path: Path) -> None:
    mail = tmp_path / "mail.txt"
    mail.write_text(_mail(SAMPLE), encoding="utf-8")
    doc = read_text(mail)
    texts = " ".join(b.text for b in doc.blocks)
    assert "đã viết" not in texts and "Kính gửi" not in texts and "gmail" not in texts
    assert not any(b.text.startswith(">") for b in doc.blocks)
    assert doc.blocks[0].text == "ỦY BAN NHÂN DÂN" and doc.blocks[0].prov.line == 7  # line 7 of the file
    assert any("đã viết" in w for w in doc.warnings)


def test_a_report_with_a_line_starting_with_a_comparison_is_no_quote(tmp_path: Path) -> None:
    lines = [
        "Kết quả giải quyết hồ sơ trong năm:",
        "> 90% hồ sơ được giải quyết trước hạn;",
        "<5 hồ sơ quá hạn, đã xin lỗi người dân.",
        "Tiêu chí 1: Chỉ đạo, điều hành đạt 12/13 điểm.",
        "Tiêu chí 2: Cải cách thể chế đạt 5/5 điểm.",
        "Tiêu chí 3: Cải cách thủ tục hành chính đạt 17/19 điểm.",
    ]
    assert unquote_mail(lines) == (lines, [])
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts = [b.text for b in read_text(path).blocks]
    assert any("> 90% hồ sơ được giải quyết" in t for t in texts)
    assert any("<5 hồ sơ quá hạn" in t for t in texts)


def test_a_few_quoted_lines_in_a_report_are_no_quote() -> None:
    """Under five lines with ">" or under four in five of the lines: the text is left as it is."""
    report = ["Báo cáo kết quả:", "> 90% hồ sơ trực tuyến", "> 95% hồ sơ đúng hạn", "Tiêu chí 1 đạt 12/13 điểm."]
    assert unquote_mail(report) == (report, [])
    mixed = ["> dòng một", "> dòng hai", "> dòng ba", "> dòng bốn", "> dòng năm", "a", "b", "c"]
    assert unquote_mail(mixed) == (mixed, [])


# -- the criteria table turned a quarter on a portrait page ---------------------------------------------------------
CRITERIA_TABLE = [
    ["STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"],
    ["1", "Công tác chỉ đạo, điều hành CCHC", "13", "12", "92,31"],
    ["2", "Cải cách thể chế", "5", "5", "100"],
    ["3", "Cải cách thủ tục hành chính", "19", "17,5", "92,11"],
    ["4", "Cải cách tổ chức bộ máy hành chính nhà nước", "6", "5", "83,33"],
    ["5", "Cải cách chế độ công vụ", "10", "9,5", "95"],
]
WIDE = [40.0, 330.0, 90.0, 90.0, 90.0]  # wider than a portrait page: drawn turned
NARROW = [30.0, 272.0, 76.0, 62.0, 62.0]
ROW_H, CELL_SIZE = 24.0, 11.0


def _ruled_table(pdf: ReportPdf, left: float, top: float, height: float, widths: list[float]) -> None:
    """``CRITERIA_TABLE`` ruled, in a frame ``height`` tall whose y runs up (the canvas's current frame)."""
    c = pdf.c
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [height - top - r * ROW_H for r in range(len(CRITERIA_TABLE) + 1)]
    c.setLineWidth(0.6)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    c.setFont(SERIF, CELL_SIZE)
    for r, row in enumerate(CRITERIA_TABLE):
        for j, cell in enumerate(row):
            c.drawString(xs[j] + 4, ys[r] - ROW_H / 2 - CELL_SIZE * 0.35, cell)


def _report_with_table_page(path: Path, turned: bool, landscape: bool = False, down: bool = False) -> Path:
    """Portrait prose, then the criteria table on a page of its own (turned a quarter, text running bottom to top;
    on a landscape page; or upright), then prose again."""
    pdf = ReportPdf(path, page_numbers="{n}")
    pdf.centred_lines(["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"], bold=True)
    pdf.paragraph("Số: 15/BC-UBND", indent=0.0)
    pdf.centred_lines(["BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính năm 2023"], bold=True)
    pdf.paragraph(
        "Kết quả Chỉ số cải cách hành chính năm 2023 của UBND xã An Phú đạt 83,50/100 điểm, tỷ lệ 83,50%, xếp "
        "thứ 3/12 xã, thị trấn."
    )
    pdf.paragraph("I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", bold=True, indent=0.0)
    pdf.paragraph("Kết quả cụ thể từng lĩnh vực như bảng sau:")
    pdf.new_page()
    if landscape:  # a page's size is the one set when it is shown
        pdf.c.setPageSize((PAGE_H, PAGE_W))
        _ruled_table(pdf, 80.0, 80.0, PAGE_W, WIDE)
    elif turned:
        pdf.c.saveState()
        if down:
            pdf.c.translate(0, PAGE_H)
            pdf.c.rotate(-90)  # the frame's x runs down the page, its y to the page's right
        else:
            pdf.c.translate(PAGE_W, 0)
            pdf.c.rotate(90)  # the frame's x runs up the page, its y to the page's left
        _ruled_table(pdf, 100.0, 80.0, PAGE_W, WIDE)
        pdf.c.restoreState()
    else:
        _ruled_table(pdf, 60.0, 80.0, PAGE_H, NARROW)
    pdf.new_page()
    pdf.c.setPageSize((PAGE_W, PAGE_H))
    pdf.paragraph("II. TỒN TẠI, HẠN CHẾ", bold=True, indent=0.0)
    pdf.paragraph("Việc cập nhật tài liệu kiểm chứng lên phần mềm chấm điểm còn chậm.")
    return pdf.save()


def _table_rows(path: Path) -> list[list[str]]:
    tables = [b for b in read_pdf(path).blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    return [row.split(" | ") for row in tables[0].text.split("\n")]


@pytest.mark.parametrize("down", [False, True], ids=["bottom_to_top", "top_to_bottom"])
def test_a_criteria_table_turned_a_quarter_reads_as_the_upright_one(down: bool, tmp_path: Path) -> None:
    turned = _report_with_table_page(tmp_path / "turned.pdf", turned=True, down=down)
    upright = _report_with_table_page(tmp_path / "upright.pdf", turned=False)
    assert _table_rows(turned) == CRITERIA_TABLE == _table_rows(upright)
    record = extract_file(turned)
    # read from CRITERIA_TABLE: (criterion, score, maximum, percent)
    assert [(c.code, c.score, c.max_score, c.percent) for c in record.criteria] == [
        ("1", 12.0, 13.0, 92.31), ("2", 5.0, 5.0, 100.0), ("3", 17.5, 19.0, 92.11), ("4", 5.0, 6.0, 83.33),
        ("5", 9.5, 10.0, 95.0)]  # fmt: skip
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (83.5, 3, 12)


def test_a_criteria_table_on_a_landscape_page_between_portrait_pages(tmp_path: Path) -> None:
    path = _report_with_table_page(tmp_path / "landscape.pdf", turned=False, landscape=True)
    assert _table_rows(path) == CRITERIA_TABLE
    record = extract_file(path)
    assert [(c.code, c.score, c.max_score) for c in record.criteria] == [
        ("1", 12.0, 13.0), ("2", 5.0, 5.0), ("3", 17.5, 19.0), ("4", 5.0, 6.0), ("5", 9.5, 10.0)]  # fmt: skip


def test_a_portrait_page_with_one_turned_margin_label_reads_as_portrait(tmp_path: Path) -> None:
    """A label turned along the left margin ("Dự thảo lần 2") does not turn the page: its prose and table read
    upright, the label aside."""
    pdf = ReportPdf(tmp_path / "label.pdf")
    text = "Kết quả cụ thể từng lĩnh vực như bảng sau đây."
    pdf.paragraph(text, indent=0.0)
    pdf.y += 10
    _ruled_table(pdf, 60.0, pdf.y, PAGE_H, NARROW)
    pdf.c.saveState()
    pdf.c.translate(30, 300)
    pdf.c.rotate(90)
    pdf.c.setFont(SERIF, 9)
    pdf.c.drawString(0, 0, "Dự thảo lần 2")
    pdf.c.restoreState()
    assert pdfmetrics.stringWidth(text, SERIF, pdf.size) < PAGE_W - 60 - 57  # one line
    path = pdf.save()
    assert _table_rows(path) == CRITERIA_TABLE
    texts = [b.text for b in read_pdf(path).blocks if b.kind != BlockKind.TABLE]
    assert text in texts


# -- the document header in the first page's header part (DOCX) ------------------------------------------------------
def _docx_with_page_header(path: Path, first_page: list[str], running: str, body: list[str]) -> Path:
    """A DOCX whose first page's header part holds ``first_page`` (a table: the commune and number left, the motto
    and the date right, as a template keeps them), the later pages' header ``running``, then ``body``."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    table = header.add_table(rows=1, cols=2, width=section.page_width - section.left_margin - section.right_margin)
    half = len(first_page) // 2
    for cell, lines in zip(table.rows[0].cells, (first_page[:half], first_page[half:])):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    section.header.paragraphs[0].text = running
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))
    return path


BODY = [
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2023",
    (
        "Kết quả Chỉ số cải cách hành chính năm 2023 của UBND xã An Phú đạt 83,50/100 điểm, tỷ lệ 83,50%, xếp "
        "thứ 3/12 xã, thị trấn."
    ),
    "1. Công tác chỉ đạo, điều hành: đạt 12/13 điểm, tỷ lệ 92,31%.",
    "2. Cải cách thể chế: đạt 5/5 điểm, tỷ lệ 100%.",
]
PAGE_HEADER = ["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "Số: 97/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc", "An Phú, ngày 20 tháng 9 năm 2024"]  # fmt: skip


def test_the_number_and_date_in_the_first_pages_header_part_are_read(tmp_path: Path) -> None:
    path = _docx_with_page_header(tmp_path / "header.docx", PAGE_HEADER, "UBND xã An Phú", BODY)
    record = extract_file(path)
    assert (record.meta.doc_number, record.meta.issued_date) == ("97/BC-UBND", "2024-09-20")
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (83.5, 3, 12)
    from cchc.extractors.readers.docx import read_docx

    texts = [b.text for b in read_docx(path).blocks]
    assert texts.index("Số: 97/BC-UBND") < texts.index("BÁO CÁO")
    assert "UBND xã An Phú" not in texts  # the later pages' running header


def test_a_running_header_part_alone_stays_out_of_the_blocks(tmp_path: Path) -> None:
    """A first page header with no number, motto or date ("UBND xã …"), or a body that has its own header: the
    header part is not read."""
    from cchc.extractors.readers.docx import read_docx

    plain = _docx_with_page_header(tmp_path / "plain.docx", ["UBND xã An Phú", "Báo cáo CCHC"], "UBND xã An Phú", BODY)
    assert [b.text for b in read_docx(plain).blocks] == BODY
    own = _docx_with_page_header(tmp_path / "own.docx", PAGE_HEADER, "", ["Số: 12/BC-UBND", *BODY])
    texts = [b.text for b in read_docx(own).blocks]
    assert "Số: 97/BC-UBND" not in texts and "Số: 12/BC-UBND" in texts


# -- a scan's signature beside the recipients, an indicator's dot read as a colon -------------------------------------
def _ocr_line(text: str, bbox: tuple[float, float, float, float], block: int = 2, par: int = 1) -> OcrLine:
    return OcrLine(text, bbox, (), block, par)


def test_a_scans_signer_right_of_the_recipients_is_a_block_of_its_own() -> None:
    """Tesseract puts "Lò Văn Cơi" (right, below) in the paragraph of "- Lưu: VP," (left): a line starting right of
    where the line above it ended does not continue it."""
    lines = [
        _ocr_line("- TT Đảng ủy, HĐND xã;", (125.0, 90.0, 250.0, 99.0)),
        _ocr_line("- Lưu: VP,", (156.0, 103.0, 204.0, 111.0)),
        _ocr_line("Lò Văn Cơi", (387.0, 116.0, 442.0, 125.0)),
    ]
    assert [b.text for b in blocks_from_ocr_lines(lines, page=4)] == [
        "- TT Đảng ủy, HĐND xã;", "- Lưu: VP,", "Lò Văn Cơi"]  # fmt: skip
    wrapped = [  # a wrapped sentence goes on at the left margin
        _ocr_line("Tổng số hồ sơ tiếp nhận trong năm là 120 hồ sơ,", (85.0, 100.0, 500.0, 111.0)),
        _ocr_line("trong đó đúng hạn 118 hồ sơ.", (85.0, 114.0, 300.0, 125.0)),
    ]
    assert [b.text for b in blocks_from_ocr_lines(wrapped, page=1)] == [
        "Tổng số hồ sơ tiếp nhận trong năm là 120 hồ sơ, trong đó đúng hạn 118 hồ sơ."]  # fmt: skip


def test_an_indicator_code_read_with_a_colon_is_repaired() -> None:
    line = "- Chỉ số 7:3 (Cung cấp dịch vụ công trực tuyến): tài liệu kiểm chứng chưa đầy đủ, đạt 2/3 điểm."
    warnings: list[str] = []
    blocks = blocks_from_ocr_lines([_ocr_line(line, (85.0, 100.0, 500.0, 111.0))], page=3, warnings=warnings)
    assert blocks[0].text == line.replace("7:3", "7.3")
    assert any("'7:3'" in w for w in warnings)
    for other in ("Họp lúc 7:30 tại hội trường UBND xã.", "Tỷ lệ hồ sơ trực tuyến và trực tiếp là 7:3 trong năm."):
        assert blocks_from_ocr_lines([_ocr_line(other, (85.0, 100.0, 500.0, 111.0))], page=1)[0].text == other
