"""Page layouts first met in held-out round 16 (issue 11): a report's body in two newsletter columns (a
digital PDF and a scan of one), and a K'Ho signer's name; each form with a negative example beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics

from cchc.api import extract_file
from cchc.extractors.assemble import PERSON_NAME_RE, PROVINCE_RE, TRAILING_NAME_RE
from cchc.extractors.layout import goes_on_in_next_column
from cchc.extractors.readers.ocr import (
    OcrLine,
    OcrWord,
    blocks_from_ocr_lines,
    lines_from_words,
    ocr_available,
    reread_unsure_lines,
)
from cchc.extractors.readers.pdf import read_pdf
from tests.pdf_factory import FONT_DIR, MARGIN_L, PAGE_W, SERIF, SERIF_BOLD, ReportPdf

SIZE = 11.0
PITCH = SIZE * 1.4
GUTTER = 24.0
COL_W = (PAGE_W - MARGIN_L - 57.0 - GUTTER) / 2
# (text, bold, last line of its paragraph): each column set line by line as the held-out PDFs print them,
# justified to the column's width but for a paragraph's last line
LEFT = [
    ("Tiêu chí 5: Cải cách chế độ công vụ,", True, False),
    ("công chức", True, True),
    ("Kết quả: đạt 10,5/11 điểm (tỷ lệ", False, False),
    ("95,45%).", False, True),
    ("- Tổng số cán bộ, công chức đạt", False, False),
    ("chuẩn của UBND xã là 19/20 người, đạt", False, False),
    ("95,00%.", False, True),
    ("- Chỉ số 5.3 (Đào tạo, bồi dưỡng cán", False, False),
    ("bộ, công chức): đã thực hiện đầy đủ,", False, False),
    ("đúng quy định, đạt 2,5/2,5", False, False),
]
RIGHT = [
    ("điểm.", False, True),
    ("- Chỉ số 5.4 (Chấp hành kỷ luật, kỷ", False, False),
    ("cương hành chính): đạt 3/3,5 điểm.", False, True),
    ("Tiêu chí 6: Cải cách tài chính công", True, True),
    ("Kết quả: đạt 6,5/7 điểm (tỷ lệ", False, False),
    ("92,86%).", False, True),
    ("- Các nhiệm vụ được triển khai kịp", False, False),
    ("thời, bám sát chỉ đạo của cấp trên.", False, True),
    ("Tiêu chí 7: Xây dựng chính quyền số", True, True),
    ("Kết quả: đạt 11,5/12 điểm.", False, True),
]


def _column(pdf: ReportPdf, x: float, top: float, lines: list[tuple[str, bool, bool]]) -> None:
    first = True
    for text, bold, last in lines:
        font = SERIF_BOLD if bold else SERIF
        indent = 18.0 if first else 0.0
        words = text.split(" ")
        gap = None
        if not last and len(words) > 1:
            natural = sum(pdfmetrics.stringWidth(w, font, SIZE) for w in words)
            gap = (COL_W - indent - natural) / (len(words) - 1)
        pdf.draw_line(x + indent, top, text, SIZE, bold, gap)
        top += PITCH
        first = last


def _two_column_pdf(
    path: Path, left: list[tuple[str, bool, bool]], right: list[tuple[str, bool, bool]]
) -> Path:
    """A header across the page, then the body in two newsletter columns (the left one read first)."""
    pdf = ReportPdf(path, size=SIZE)
    pdf.two_column_header(
        [("ỦY BAN NHÂN DÂN", True), ("XÃ NHẬT TÂN", True), ("Số: 04/BC-UBND", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), ("", False)],
    )
    pdf.centred_lines(["BÁO CÁO"], bold=True)
    top = pdf.y + 10
    _column(pdf, MARGIN_L, top, left)
    _column(pdf, MARGIN_L + COL_W + GUTTER, top, right)
    pdf.save()
    return path


def _blocks(path: Path) -> list[str]:
    return [b.text for b in read_pdf(path).blocks]


def test_a_line_wrapped_at_the_gutter_goes_on_in_its_column(tmp_path: Path) -> None:
    blocks = _blocks(_two_column_pdf(tmp_path / "two_cols.pdf", LEFT, RIGHT))
    # the percent printed on the line under the score, in either column (the right one beside a bold heading)
    assert "Kết quả: đạt 10,5/11 điểm (tỷ lệ 95,45%)." in blocks
    assert "Kết quả: đạt 6,5/7 điểm (tỷ lệ 92,86%)." in blocks
    assert "- Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 19/20 người, đạt 95,00%." in blocks
    # negative: a paragraph that ended short still ends; a bold heading after it starts its own block
    assert "Tiêu chí 6: Cải cách tài chính công" in blocks
    assert "- Các nhiệm vụ được triển khai kịp thời, bám sát chỉ đạo của cấp trên." in blocks
    # negative: the header's two sides (three lines each at most) keep their lines apart
    assert {"ỦY BAN NHÂN DÂN", "XÃ NHẬT TÂN", "Số: 04/BC-UBND"} <= set(blocks)


def test_a_sentence_runs_on_from_the_foot_of_the_left_column_to_the_top_of_the_right(tmp_path: Path) -> None:
    blocks = _blocks(_two_column_pdf(tmp_path / "run_on.pdf", LEFT, RIGHT))
    assert (
        "- Chỉ số 5.3 (Đào tạo, bồi dưỡng cán bộ, công chức): đã thực hiện đầy đủ, đúng quy định, đạt 2,5/2,5 điểm."
        in blocks
    )
    # negative: the left column ends its sentence and the right one opens with a capital: two blocks
    left = [
        *LEFT[:-3],
        ("- Chỉ số 5.3 (Đào tạo, bồi dưỡng): đạt", False, False),
        ("2,5/2,5 điểm.", False, True),
    ]
    right = [("Tiêu chí 6: Cải cách tài chính công", True, True), *RIGHT[4:]]
    blocks = _blocks(_two_column_pdf(tmp_path / "ends.pdf", left, right))
    assert "- Chỉ số 5.3 (Đào tạo, bồi dưỡng): đạt 2,5/2,5 điểm." in blocks
    assert "Tiêu chí 6: Cải cách tài chính công" in blocks


def test_the_top_of_the_next_column_goes_on_only_with_a_sentence_left_open() -> None:
    assert goes_on_in_next_column("đúng quy định, đạt 2,5/2,5", "điểm.")
    assert not goes_on_in_next_column("đúng quy định, đạt 2,5/2,5 điểm.", "bộ, công chức")  # a sentence ended
    assert not goes_on_in_next_column("đúng quy định, đạt 2,5/2,5", "Tiêu chí 6: Cải cách")  # a capital
    assert not goes_on_in_next_column("I. KẾT QUẢ THỰC HIỆN", "năm 2022")  # after a heading in capitals


def _line(text: str, x0: float, top: float, block: int, conf: float = 95.0) -> OcrLine:
    words, x = [], x0
    for word in text.split():
        words.append(OcrWord(word, (x, top, x + 6.0 * len(word), top + 11.0), conf))
        x += 6.0 * len(word) + 3.0
    return OcrLine(text, (x0, top, x, top + 11.0), tuple(words), block, 1)


def test_a_scans_sentence_runs_on_into_the_next_column() -> None:
    # Tesseract's blocks of a scanned page in two columns: the left column down, then the right from the top
    lines = [
        _line("- Tiêu chí thành phần 5.3 (Đào tạo, bồi", 62.0, 700.0, 4),
        _line("dưỡng): đã thực hiện đầy đủ, đạt 2,5/2,5", 62.0, 715.0, 4),
        _line("điểm.", 312.0, 64.0, 5),
        _line("- Tiêu chí thành phần 5.4 (Chấp hành", 330.0, 79.0, 6),
    ]
    texts = [b.text for b in blocks_from_ocr_lines(lines, page=2)]
    assert texts == [
        "- Tiêu chí thành phần 5.3 (Đào tạo, bồi dưỡng): đã thực hiện đầy đủ, đạt 2,5/2,5 điểm.",
        "- Tiêu chí thành phần 5.4 (Chấp hành",
    ]
    # negative: the left column's last sentence ended, so the right column's first line starts a block
    ended = [
        lines[0],
        _line("dưỡng): đã thực hiện đầy đủ.", 62.0, 715.0, 4),
        _line("khai TTHC.", 312.0, 64.0, 5),
    ]
    assert len(blocks_from_ocr_lines(ended, page=2)) == 2


def test_a_tone_mark_read_apart_as_a_letter_is_dropped() -> None:
    # held-out thanh-thach (scan): the horn of "ước" read as its own line "Z", 11 x 9 px at 300 dpi
    mark = OcrWord("Z", (81.1, 372.0, 83.8, 374.2), 24.7)
    grouped = {
        (1, 1, 1): [OcrWord("nhà", (62.9, 360.0, 80.0, 370.0), 96.0)],
        (2, 1, 1): [mark],
        (3, 1, 1): [OcrWord("nước", (62.9, 375.0, 91.9, 381.2), 94.8)],
    }
    assert [line.text for line in lines_from_words(grouped)] == ["nhà", "nước"]
    # negative: a one-letter word of a name ("Y") as tall as the text stays, however unsure
    grouped[(2, 1, 1)] = [OcrWord("Y", (62.9, 372.0, 69.0, 381.0), 24.7)]
    assert [line.text for line in lines_from_words(grouped)] == ["nhà", "Y", "nước"]


def _line_image(text: str) -> tuple[Image.Image, float]:
    scale = 300 / 72
    image = Image.new("L", (1400, 200), 235)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), round(SIZE * scale))
    ImageDraw.Draw(image).text((100, 70), text, fill=20, font=font)
    return image, scale


@pytest.mark.skipif(not ocr_available("vie"), reason="needs tesseract-ocr-vie, which `make setup` installs")
def test_a_line_misread_whole_is_read_again_alone() -> None:
    image, scale = _line_image("85,71%).")
    left, top, right, bottom = ImageDraw.Draw(image).textbbox(
        (100, 70), "85,71%).", font=ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), round(SIZE * scale))
    )
    box = (left / scale, top / scale, right / scale, bottom / scale)
    # the page pass's reading of the held-out thanh-thach's line, at confidence 0
    grouped = {(5, 2, 6): [OcrWord("N5„/", box, 0.0), OcrWord("L5},", box, 0.0)]}
    reread_unsure_lines(image, grouped, scale, "vie", 60.0)
    assert [w.text for w in grouped[(5, 2, 6)]] == ["85,71%)."]
    # negative: a line read with confidence is not read again (its words stay as they were, even wrong)
    grouped = {(5, 2, 6): [OcrWord("85,11%).", box, 91.0)]}
    reread_unsure_lines(image, grouped, scale, "vie", 60.0)
    assert [w.text for w in grouped[(5, 2, 6)]] == ["85,11%)."]


def test_kho_and_ede_signers_names_with_an_apostrophe_or_a_one_letter_word() -> None:
    for name in ("K' Brỏi", "K'Brỏi Ksor", "Ksor H'Bia", "Y Ngông Niê", "H'Hen Niê", "Nguyễn Văn An"):
        assert PERSON_NAME_RE.match(name), name
    # negative: ordinary lines of a closing are no names
    for line in ("K'", "K' ", "TT Đảng ủy, HĐND xã;", "Lưu: VP.", "Phòng Nội vụ huyện", "CHỦ TỊCH"):
        assert not PERSON_NAME_RE.match(line), line


def test_the_signer_k_broi_is_read_from_the_closing(tmp_path: Path) -> None:
    lines = [
        "ỦY BAN NHÂN DÂN",
        "XÃ ĐINH TRANG THƯỢNG",
        "Số: 05/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đinh Trang Thượng, ngày 15 tháng 01 năm 2025",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính năm 2024",
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2024 của UBND xã./.",
        "Nơi nhận:",
        "- Phòng Nội vụ huyện;",
        "- Lưu: VP.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    path = tmp_path / "closing.txt"
    path.write_text("\n".join([*lines, "K' Brỏi"]) + "\n", encoding="utf-8")
    assert extract_file(path).meta.signer == "K' Brỏi"
    # negative: a recipient's line after the title is no signer
    path.write_text("\n".join([*lines, "- TT Đảng ủy, HĐND xã;"]) + "\n", encoding="utf-8")
    assert extract_file(path).meta.signer is None


def test_a_signers_name_on_the_last_recipients_line_may_open_with_a_one_letter_word() -> None:
    # held-out truong-chinh-2020 (scan): the name read beside "- Lưu: VP." in the other column
    assert TRAILING_NAME_RE.search("- Lưu: VP. A Văn Chinh")["name"] == "A Văn Chinh"  # type: ignore[index]
    assert TRAILING_NAME_RE.search("- Lưu: VP. K' Brỏi")["name"] == "K' Brỏi"  # type: ignore[index]
    # negative: a recipient's line, or a capital letter before an ordinary word, is no name
    for line in ("- Lưu: VP.", "- TT Đảng ủy, HĐND xã;", "- Lưu: VP, A Văn phòng", "- Lưu: A"):
        assert TRAILING_NAME_RE.search(line) is None, line


def test_a_city_written_as_a_province_is_the_city() -> None:
    # held-out phuoc-vinh-an-2024: "của UBND huyện Củ Chi, tỉnh Thành phố Hồ Chí Minh" read as the province "Thành"
    text = "Quyết định số 431/QĐ-UBND của UBND huyện Củ Chi, tỉnh Thành phố Hồ Chí Minh về việc công bố"
    assert [m["name"] for m in PROVINCE_RE.finditer(text)] == ["Hồ Chí Minh"]
    # negative: a province's own name after "tỉnh" (one begins like a city's word: Thanh Hóa)
    assert [m["name"] for m in PROVINCE_RE.finditer("huyện Nga Sơn, tỉnh Thanh Hóa;")] == ["Thanh Hóa"]
    assert [m["name"] for m in PROVINCE_RE.finditer("huyện Tứ Kỳ, tỉnh Hải Dương")] == ["Hải Dương"]


def _report(path: Path, unit_caps: str, body: list[str]) -> Path:
    head = [
        "ỦY BAN NHÂN DÂN",
        f"XÃ {unit_caps}",
        "Số: 05/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Cần Giuộc, ngày 15 tháng 01 năm 2025",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính năm 2024",
    ]
    path.write_text("\n".join([*head, *body]) + "\n", encoding="utf-8")
    return path


def test_a_header_unit_name_ocr_read_short_of_a_mark_takes_the_texts_spelling(tmp_path: Path) -> None:
    # held-out phuoc-hiep-2024 (scan): the header "XÃ PHƯỚC HIỆP" read "XÃ PHƯƠC HIỆP", the text right four times
    body = [
        "Căn cứ Kế hoạch số 62/KH-UBND ngày 21/12/2023 của UBND xã Phước Hiệp về cải cách hành chính năm 2024;",
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2024 của UBND xã Phước Hiệp./.",
    ]
    meta = extract_file(_report(tmp_path / "mark.txt", "PHƯƠC HIỆP", body)).meta
    assert (meta.unit_name, meta.issuer) == ("Phước Hiệp", "Ủy ban nhân dân xã Phước Hiệp")
    # negative: the text names the unit once only, so the header stands
    meta = extract_file(_report(tmp_path / "once.txt", "PHƯƠC HIỆP", body[:1])).meta
    assert meta.unit_name == "Phươc Hiệp"
    # negative: the old tone placement ("Hoà") has no more marks than the header's "HÒA": no change
    body = [line.replace("Phước Hiệp", "Hoà Bình") for line in body]
    meta = extract_file(_report(tmp_path / "tone.txt", "HÒA BÌNH", body)).meta
    assert meta.unit_name == "Hòa Bình"


def test_one_column_pages_and_tables_are_not_read_as_columns(tmp_path: Path) -> None:
    sentence = (
        "Kết quả Chỉ số CCHC năm 2024 của UBND xã đạt 93,00/100 điểm, tỷ lệ 93,00%, xếp thứ 7/21 xã, thị trấn, "
        "tăng 3 bậc so với năm 2023; xếp loại Xuất sắc. Công tác chỉ đạo, điều hành được quan tâm thường xuyên."
    )
    pdf = ReportPdf(tmp_path / "one.pdf", size=SIZE)
    pdf.two_column_header(
        [("ỦY BAN NHÂN DÂN", True), ("XÃ NHẬT TÂN", True)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)],
    )
    pdf.centred_lines(["BÁO CÁO"], bold=True)  # a centred short line
    pdf.paragraph(sentence)
    pdf.table(
        [
            ["Công tác chỉ đạo, điều hành CCHC", "Đạt 11,5/12 điểm, tỷ lệ 95,83%"],
            ["Cải cách thủ tục hành chính của xã", "Đạt 18/20 điểm, tỷ lệ 90,00%"],
        ],
        [240.0, 210.0],
    )
    pdf.save()
    blocks = read_pdf(tmp_path / "one.pdf").blocks
    texts = [b.text for b in blocks]
    # the header's two sides apart, the centred line alone, the one-column paragraph whole, in order
    assert texts[:5] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ NHẬT TÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
    ]
    assert texts[5] == sentence
    # the table with two wide columns stays a table, each row whole
    assert blocks[6].rows == [
        ["Công tác chỉ đạo, điều hành CCHC", "Đạt 11,5/12 điểm, tỷ lệ 95,83%"],
        ["Cải cách thủ tục hành chính của xã", "Đạt 18/20 điểm, tỷ lệ 90,00%"],
    ]
