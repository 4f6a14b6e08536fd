"""A sheet of two pages side by side, printed 2-up and scanned (held-out round 25, issue 11): each half is read as
a page of its own, the left page's lines and its table before the right page's, where the page's top-to-bottom
order had run the right page's first lines in among the left page's. A portrait scan and a landscape page whose
table crosses the middle are no such sheet.

The pages are drawn here (reportlab, DejaVu Serif as the Makefile installs it), scanned at 300 dpi on grey
paper as tests/test_extract_round18_scan.py does, and put side by side on a landscape sheet, each shrunk to 0.69."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from cchc.api import extract_file, read_document
from cchc.extractors.readers.deskew import two_up_gutter
from cchc.extractors.readers.ocr import OcrLine, blocks_from_ocr_lines, ocr_available
from tests.pdf_factory import ReportPdf
from tests.test_extract_round17_layout import _report_with_table_page
from tests.test_extract_round18_scan import _scan_pages as _scanned_at

DPI = 300  # a 2-up sheet shrinks each page to 0.69: scanned at 300 dpi, a page's text is at about 200


def _scan_pages(vector: Path) -> list[Image.Image]:
    return _scanned_at(vector, dpi=DPI)


def _two_up(pages: list[Image.Image]) -> list[Image.Image]:
    """Two pages to a landscape sheet, each shrunk to 0.69, a margin around them (grey paper as the scans)."""
    w, h = pages[0].size
    small = [p.resize((round(w * 0.69), round(h * 0.69))) for p in pages]
    sheets = []
    for k in range(0, len(small), 2):
        sheet = Image.new("L", (h, w), 239)
        top = (w - small[k].height) // 2
        sheet.paste(small[k], (h // 2 - small[k].width - 20, top))
        if k + 1 < len(small):
            sheet.paste(small[k + 1], (h // 2 + 20, top))
        sheets.append(sheet)
    return sheets


def test_a_two_up_sheet_reads_its_left_page_first(tmp_path: Path) -> None:
    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"
    pages = _scan_pages(_report_with_table_page(tmp_path / "vector.pdf", turned=False))
    sheets = _two_up(pages)
    assert [two_up_gutter(s) is not None for s in sheets] == [True] + [False] * (len(sheets) - 1)
    scan = tmp_path / "an-phu-2023-scan.pdf"
    sheets[0].save(scan, "PDF", resolution=float(DPI), save_all=True, append_images=sheets[1:])
    record = extract_file(scan)
    # read from the drawn report: its overall statement (left page) and the criteria table (right page)
    assert (record.meta.unit_name, record.overall.score, record.overall.rank, record.overall.rank_total) == (
        "An Phú", 83.5, 3, 12)  # fmt: skip
    assert [(c.code, c.score, c.max_score) for c in record.criteria][:2] == [("1", 12.0, 13.0), ("2", 5.0, 5.0)]
    assert "page 1: two pages on one sheet, read left page first" in record.source.warnings


def _list_across_pages(path: Path) -> Path:
    """Criterion 1's lists begun at the foot of page 1 and gone on at the top of page 2, then criterion 2."""
    pdf = ReportPdf(path, page_numbers="{n}")
    pdf.centred_lines(["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"], bold=True)
    pdf.centred_lines(["BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính năm 2023"], bold=True)
    pdf.paragraph("Kết quả Chỉ số CCHC năm 2023 của UBND xã An Phú đạt 83,50/100 điểm, xếp thứ 3/12 xã, thị trấn.")
    tasks = ["tuyên truyền", "kiểm tra", "rà soát văn bản", "một cửa", "số hóa hồ sơ", "đối thoại", "tập huấn",
             "khảo sát", "chuyển đổi số", "công khai ngân sách"]  # fmt: skip
    for k, task in enumerate(tasks, start=1):
        pdf.paragraph(f"Nhiệm vụ {k} về {task} được triển khai kịp thời, bám sát chỉ đạo của cấp trên, đúng kế hoạch.")
    pdf.paragraph("1. Công tác chỉ đạo, điều hành: đạt 11/13 điểm, tỷ lệ 84,62%.", bold=True, indent=0.0)
    pdf.paragraph("a) Các chỉ số thành phần đạt điểm tối đa:", indent=0.0)
    pdf.paragraph("- Mục 1.1 (Kế hoạch CCHC năm): đã thực hiện đầy đủ, đúng quy định, đạt 2/2 điểm.")
    pdf.new_page()
    pdf.paragraph("- Mục 1.2 (Kiểm tra công tác CCHC): thực hiện kịp thời, đạt 3/3 điểm.")
    pdf.paragraph("b) Các chỉ số thành phần chưa đạt điểm tối đa:", indent=0.0)
    pdf.paragraph("- Mục 1.3 (Công tác tuyên truyền CCHC): tài liệu kiểm chứng chưa đầy đủ, đạt 1/2 điểm.")
    pdf.paragraph("Kết quả giải quyết hồ sơ TTHC trong năm như bảng sau:")
    pdf.table([["STT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn"], ["1", "Tư pháp - Hộ tịch", "420", "420"],
               ["2", "Đất đai", "135", "134"]], [40.0, 200.0, 90.0, 90.0])  # fmt: skip
    pdf.paragraph("2. Cải cách thể chế: đạt 5/5 điểm, tỷ lệ 100%.", bold=True, indent=0.0)
    return pdf.save()


def test_a_list_gone_on_from_the_left_page_stays_with_its_criterion(tmp_path: Path) -> None:
    sheets = _two_up(_scan_pages(_list_across_pages(tmp_path / "vector.pdf")))
    scan = tmp_path / "an-phu-2023-scan.pdf"
    sheets[0].save(scan, "PDF", resolution=float(DPI), save_all=True, append_images=sheets[1:])
    record = extract_file(scan)
    # read from the drawn report: each page's sentences whole, criterion 1's lists with it
    assert "Nhiệm vụ 3 về rà soát văn bản được triển khai kịp thời, bám sát chỉ đạo của cấp trên, đúng kế hoạch." in [
        b.text for b in read_document(scan).blocks]  # fmt: skip
    assert [(i.code, i.listed_as, i.score, i.max_score) for i in record.indicators] == [
        ("1.1", "full", 2.0, 2.0), ("1.2", "full", 3.0, 3.0), ("1.3", "incomplete", 1.0, 2.0)]  # fmt: skip
    assert [(c.code, c.score, c.max_score) for c in record.criteria] == [("1", 11.0, 13.0), ("2", 5.0, 5.0)]


def test_a_portrait_page_and_a_wide_table_are_no_sheet_of_two(tmp_path: Path) -> None:
    pages = _scan_pages(_report_with_table_page(tmp_path / "wide.pdf", turned=False, landscape=True))
    assert [two_up_gutter(p) for p in pages] == [None] * len(pages)


def test_a_criterion_heading_tesseract_put_in_the_paragraph_above_starts_a_block() -> None:
    """Tesseract's one paragraph: an item ending a sentence, then "Tiêu chí 2: …" (a photographed page, round 25)."""
    lines = [
        OcrLine("- Chỉ số 1.1 (Kế hoạch CCHC năm): chậm so với kế hoạch, đạt 0,5/2 điểm.", (85.0, 100, 500, 111), (), 1, 1),
        OcrLine("Tiêu chí 2: Cải cách thể chế Kết quả: đạt 4,5/5 điểm (tỷ lệ 90,00%).", (85.0, 114, 480, 125), (), 1, 1),
        OcrLine("Theo tiêu chí 2 của bộ chỉ số, xã đã rà soát", (85.0, 128, 480, 139), (), 1, 1),
        OcrLine("tiêu chí 3: các văn bản còn hiệu lực.", (85.0, 142, 400, 153), (), 1, 1),
    ]
    blocks = [b.text for b in blocks_from_ocr_lines(lines, page=1)]
    assert [b[:20] for b in blocks] == ["- Chỉ số 1.1 (Kế hoạ", "Tiêu chí 2: Cải cách"]
    assert blocks[1].endswith("xã đã rà soát tiêu chí 3: các văn bản còn hiệu lực.")  # mid-sentence: no heading
