"""OCR of scanned pages (Tesseract, Vietnamese model) and repair of OCR-confused numbers.

The scan is made here: report lines set in DejaVu Serif with reportlab, rasterized at 200 dpi,
turned 0.5 degrees, blurred and speckled with Pillow, and saved as an image-only PDF.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex as re

from cchc.errors import InputError
from cchc.extractors.document import BlockKind
from cchc.extractors.numbers_ocr import repair_ocr_numbers
from cchc.extractors.readers import ocr
from cchc.extractors.readers.ocr import OcrUnavailableError, lines_from_tsv, ocr_available, ocr_pages

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")

HEADER = [
    ("ỦY BAN NHÂN DÂN", False, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("XÃ MINH ĐỨC", True, "Độc lập - Tự do - Hạnh phúc", True),
]
PAGE_1 = [
    (
        (
            "UBND xã Minh Đức được UBND huyện chấm điểm đạt 83,97/100 điểm (đạt tỷ lệ 83,97% chỉ số tổng hợp), "
            "xếp thứ 8/23 xã, thị trấn (giảm 5 bậc so với năm 2021) và được xếp loại hoàn thành tốt nhiệm vụ."
        ),
        False,
    ),
    ("I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", True),
    (
        (
            "1. Về công tác chỉ đạo, điều hành: 12,7/15 điểm, đạt tỷ lệ 87,67%. Xếp thứ 5/19 nhóm hạng các xã, "
            "thị trấn, tăng 6 bậc so với năm 2021."
        ),
        False,
    ),
    (
        (
            "2. Về cải cách thể chế: 5/5 điểm, tỷ lệ đạt 100%, xếp hạng thứ 1/3, cùng nhóm hạng với 20 xã, "
            "thị trấn. Duy trì thứ bậc như năm 2021."
        ),
        False,
    ),
    (
        (
            "3. Về Cải cách thủ tục hành chính: 15,52/18,5 điểm, tỷ lệ đạt 83,89%. Xếp hạng 16/21 nhóm hạng các xã, "
            "thị trấn. Giảm 13 bậc so với năm 2021."
        ),
        False,
    ),
    (
        (
            "4. Về cải cách tổ chức bộ máy nhà nước, chính quyền địa phương: 6/6 điểm, tỷ lệ đạt 100%, duy trì "
            "thứ bậc như năm 2021."
        ),
        False,
    ),
]
PAGE_2 = [
    (
        (
            "5. Cải cách chế độ công vụ: 8,8/11 điểm, đạt tỷ lệ 80%, xếp hạng 14/19 nhóm hạng các xã, thị trấn, "
            "giảm 15 bậc so với năm 2021."
        ),
        False,
    ),
    (
        (
            "6. Về cải cách tài chính công: 6/7 điểm, đạt tỷ lệ 85,71%, xếp thứ hạng 5/13, cùng nhóm hạng với 5 xã, "
            "giảm 10 bậc so với năm 2021."
        ),
        False,
    ),
    (
        (
            "7. Về xây dựng Chính quyền điện tử, chính quyền số: 8,97/11,5 điểm, đạt tỷ lệ 77,99%, xếp hạng 12/21 "
            "nhóm hạng các xã, thị trấn, giảm 7 bậc so với năm 2021."
        ),
        False,
    ),
    (
        (
            "9. Về chỉ số đánh giá tác động của các tổ chức đối với CCHC của UBND xã (qua điều tra xã hội học): "
            "10/14 điểm, đạt tỷ lệ 71,4%, xếp thứ hạng 1/21 nhóm hạng các xã, thị trấn."
        ),
        False,
    ),
    (
        (
            "10. Về chỉ số thành phần đo lường sự hài lòng của người dân, tổ chức: 9,67/10 điểm, đạt tỷ lệ "
            "96,71%, xếp thứ hạng 4/19 nhóm hạng các xã, thị trấn."
        ),
        False,
    ),
]
PAGE_W, PAGE_H = 595.27, 841.89
NUMBER_RE = re.compile(r"\d+(?:,\d+)?(?:/\d+(?:,\d+)?)?%?")


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def require_tesseract() -> None:
    assert ocr_available("vie"), (
        "tesseract with the Vietnamese model is not installed: run `make test`, which installs the "
        "Debian packages tesseract-ocr and tesseract-ocr-vie"
    )


def source_lines(text: str, font: str = "OcrSerif") -> list[str]:
    """The lines a paragraph is set in on the scan."""
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(text, font, 13, PAGE_W - 142)


def build_scan(path: Path, dpi: int = 200, seed: int = 5) -> Path:
    """An image-only PDF of PAGE_1 and PAGE_2: rendered, turned 0.5°, blurred, speckled."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageFilter
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("OcrSerif", str(FONT)))
    pdfmetrics.registerFont(TTFont("OcrSerifBold", str(FONT_BOLD)))
    vector = path.with_suffix(".vector.pdf")
    c = canvas.Canvas(str(vector), pagesize=(PAGE_W, PAGE_H))
    for number, paragraphs in enumerate((PAGE_1, PAGE_2), start=1):
        y = PAGE_H - 70
        if number == 1:
            for left, left_bold, right, right_bold in HEADER:
                c.setFont("OcrSerifBold" if left_bold else "OcrSerif", 12)
                c.drawCentredString(160, y, left)
                c.setFont("OcrSerifBold" if right_bold else "OcrSerif", 12)
                c.drawCentredString(400, y, right)
                y -= 16
            y -= 16
        for text, bold in paragraphs:
            font = "OcrSerifBold" if bold else "OcrSerif"
            c.setFont(font, 13)
            for line in source_lines(text, font):
                c.drawString(85, y, line)
                y -= 18
            y -= 6
        c.setFont("OcrSerif", 11)
        c.drawCentredString(PAGE_W / 2, 40, str(number))
        c.showPage()
    c.save()
    rnd = random.Random(seed)
    pdf = pdfium.PdfDocument(str(vector))
    images = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=dpi / 72).to_pil().convert("L")
        image = image.rotate(0.5, resample=Image.BICUBIC, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        noise = Image.frombytes("L", image.size, rnd.randbytes(image.size[0] * image.size[1]))
        noise = noise.point(lambda v: 128 + (v - 128) * 30 // 128)  # uniform, +-30 grey levels
        image = ImageChops.add(image, noise, scale=1.0, offset=-128)
        pixels = image.load()
        for _ in range(image.size[0] * image.size[1] // 400):
            pixels[rnd.randrange(image.size[0]), rnd.randrange(image.size[1])] = rnd.randrange(0, 256)
        images.append(image)
    pdf.close()
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list, list[str]]:
    require_tesseract()
    path = build_scan(tmp_path_factory.mktemp("scan") / "scan.pdf")
    warnings: list[str] = []
    pages = ocr_pages(path, [1, 2], warnings=warnings)
    return path, pages, warnings


def page_text(blocks: list) -> str:
    return "\n".join(b.text for b in blocks)


def test_scan_is_image_only(scanned: tuple[Path, list, list[str]]) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scanned[0]))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))


def test_scores_maxima_percents_and_ranks_exact(scanned: tuple[Path, list, list[str]]) -> None:
    _, pages, _ = scanned
    assert len(pages) == 2
    text = page_text(pages[0]) + "\n" + page_text(pages[1])
    for expected in (
        "83,97/100 điểm",
        "12,7/15 điểm",
        "87,67%",
        "15,52/18,5 điểm",
        "83,89%",
        "5/5 điểm",
        "8,8/11 điểm",
        "85,71%",
        "8,97/11,5 điểm",
        "77,99%",
        "9,67/10 điểm",
        "96,71%",
    ):
        assert expected in text, expected
    lowered = text.lower()
    for rank in (
        "xếp thứ 5/19",
        "xếp hạng 16/21",
        "xếp hạng 14/19",
        "xếp thứ hạng 5/13",
        "xếp thứ hạng 4/19",
    ):
        assert rank in lowered, rank
    source = " ".join(t for t, _ in PAGE_1 + PAGE_2)
    want = NUMBER_RE.findall(source)
    got = NUMBER_RE.findall(text)
    matched = sum(min(want.count(n), got.count(n)) for n in set(want))
    assert matched / len(want) >= 0.95, (matched, len(want))


def test_vietnamese_words_keep_their_tone_marks(scanned: tuple[Path, list, list[str]]) -> None:
    _, pages, _ = scanned
    text = page_text(pages[0]) + "\n" + page_text(pages[1])
    assert "Cải cách thủ tục hành chính" in text
    assert "Về công tác chỉ đạo, điều hành" in text
    assert "Chính quyền điện tử, chính quyền số" in text
    source_words = re.findall(r"\p{L}+", " ".join(t for t, _ in PAGE_1 + PAGE_2))
    got_words = set(re.findall(r"\p{L}+", text))
    assert sum(w in got_words for w in source_words) / len(source_words) >= 0.97


def test_blocks_follow_the_layout(scanned: tuple[Path, list, list[str]]) -> None:
    _, pages, _ = scanned
    texts = [b.text for b in pages[0]]
    # The two header columns are read apart, left column first.
    assert texts[:4] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ MINH ĐỨC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    criterion = next(b for b in pages[0] if b.text.startswith("3. Về Cải cách thủ tục hành chính"))
    assert criterion.kind is BlockKind.HEADING and criterion.level == 1
    assert criterion.text.endswith("Giảm 13 bậc so với năm 2021.")
    assert len(criterion.lines) == len(source_lines(PAGE_1[4][0]))
    heading = next(b for b in pages[0] if b.text.startswith("I. "))
    assert heading.text.startswith("I. KẾT QUẢ TH") and heading.text.endswith("CCHC NĂM 2022")
    assert heading.kind is BlockKind.HEADING and heading.level == 1
    # The page numbers at the foot are not text of the report.
    assert not any(b.text in ("1", "2") for page in pages for b in page)
    # Criterion and rank sentences stay one block across the sentence end inside the paragraph.
    first = next(b for b in pages[0] if b.text.startswith("1. Về công tác"))
    assert "87,67%. Xếp thứ 5/19 nhóm hạng" in first.text


def test_provenance_boxes_lie_on_the_page(scanned: tuple[Path, list, list[str]]) -> None:
    _, pages, _ = scanned
    for number, blocks in enumerate(pages, start=1):
        previous_line = 0
        for block in blocks:
            assert block.prov.page == number
            for offset, prov in block.lines:
                assert prov.page == number and prov.line is not None and prov.line > previous_line
                previous_line = prov.line
                x0, top, x1, bottom = prov.bbox
                assert 0 <= x0 < x1 <= PAGE_W and 0 <= top < bottom <= PAGE_H
                assert 0 <= offset < len(block.text)
    criterion = next(b for b in pages[0] if b.text.startswith("1. Về công tác"))
    x0, top, x1, bottom = criterion.prov.bbox
    # Drawn at x = 85 pt; the first criterion line sits in the upper third of the page.
    assert 75 <= x0 <= 100 and 100 <= top <= PAGE_H / 3 and 10 <= bottom - top <= 25


def test_missing_tesseract_is_a_clear_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_languages", lambda: frozenset())
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(OcrUnavailableError) as info:
        ocr_pages(path, [1])
    assert isinstance(info.value, InputError)
    assert str(info.value) == f"{path}: scanned PDF needs OCR: install tesseract-ocr and tesseract-ocr-vie"


def test_tsv_lines_split_side_by_side_columns() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        (1, 1, 1, 1, 100, 100, 60, 30, "Số:"),
        (1, 1, 1, 2, 170, 100, 120, 30, "29/BC-UBND"),
        (1, 1, 1, 3, 900, 100, 200, 30, "Minh"),
        (1, 1, 1, 4, 1110, 100, 60, 30, "Đức,"),
        (1, 1, 2, 1, 100, 140, 80, 30, "Căn"),
        (1, 1, 2, 2, 190, 140, 40, 30, "cứ"),
    ]
    tsv = "\n".join(
        [header]
        + [f"5\t1\t{b}\t{p}\t{ln}\t{w}\t{x}\t{y}\t{wd}\t{h}\t90\t{t}" for b, p, ln, w, x, y, wd, h, t in rows]
    )
    lines = lines_from_tsv(tsv, scale=2.0)
    assert [line.text for line in lines] == ["Số: 29/BC-UBND", "Minh Đức,", "Căn cứ"]
    assert lines[0].bbox == (50.0, 50.0, 145.0, 65.0)
    assert lines[1].bbox == (450.0, 50.0, 585.0, 65.0)


# -- number repair -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "repaired", "reason"),
    [
        (
            "thủ tục hành chính: l5,52/18,5 điểm",
            "thủ tục hành chính: 15,52/18,5 điểm",
            "letter l read for a digit",
        ),
        ("điều hành: 12,7/I5 điểm", "điều hành: 12,7/15 điểm", "letter I read for a digit"),
        ("đạt O,5/1 điểm", "đạt 0,5/1 điểm", "letter O read for a digit"),
        ("đạt 1O/14 điểm", "đạt 10/14 điểm", "letter O read for a digit"),
        ("đạt tỷ lệ 87,6|%", "đạt tỷ lệ 87,61%", "letter | read for a digit"),
        ("tỷ lệ đạt lO0%", "tỷ lệ đạt 100%", "letter O/l read for a digit"),
        ("đạt 83,8O %", "đạt 83,80 %", "letter O read for a digit in a percent"),
        ("đạt 15.52/18.5 điểm", "đạt 15,52/18,5 điểm", "decimal point read for the decimal comma"),
        ("Xếp thứ 5/l9 nhóm hạng", "Xếp thứ 5/19 nhóm hạng", "letter l read for a digit in a rank"),
    ],
)
def test_repair_where_context_is_certain(text: str, repaired: str, reason: str) -> None:
    out, repairs = repair_ocr_numbers(text)
    assert out == repaired
    assert len(repairs) == 1
    original, fixed, why = repairs[0]
    assert original in text and fixed in repaired and reason in why


@pytest.mark.parametrize(
    "text",
    [
        "Mục l.5 có lO người",  # no score, percent or rank context
        "tỷ lệ lOO%",  # not one real digit: never guessed
        "so/lo điểm",  # no digit at all
        "8,97/,11,5 điểm",  # malformed: left for the parser to report
        "đạt 1/2 điểm (50%), 3150/3155=99,8%",
        "Hmail 100%",
        "Số: 29/BC-UBND",
    ],
)
def test_no_repair_without_certain_context(text: str) -> None:
    assert repair_ocr_numbers(text) == (text, [])


def test_a_speck_stuck_to_a_line_number_is_dropped() -> None:
    from cchc.extractors.readers.ocr import OcrWord, _drop_specks

    words = [OcrWord("„4.", (10, 10, 30, 22), 80.0), OcrWord("Về", (34, 10, 50, 22), 95.0)]
    assert [w.text for w in _drop_specks(words)] == ["4.", "Về"]


@pytest.fixture(scope="module")
def scanned_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample PDF as a 200 dpi grey scan, slightly rotated and blurred, no text layer."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    require_tesseract()
    out = tmp_path_factory.mktemp("scan") / "minh-duc-scan.pdf"
    pdf = pdfium.PdfDocument(str(SAMPLES / "minh-duc-2022.pdf"))
    pages = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=200 / 72).to_pil().convert("L")
        image = image.rotate(0.4, expand=False, fillcolor=255, resample=Image.BICUBIC)
        pages.append(image.filter(ImageFilter.GaussianBlur(0.6)))
    pdf.close()
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=200)
    return out


def test_scanned_sample_extracts_like_the_digital_one(scanned_sample: Path) -> None:
    from cchc.api import extract_file

    scan = extract_file(scanned_sample)
    digital = extract_file(SAMPLES / "minh-duc-2022.pdf")
    assert scan.source.ocr and scan.source.ocr_pages == list(range(1, digital.source.pages + 1))
    assert (scan.meta.unit_name, scan.meta.doc_number, scan.meta.issued_date) == ("Minh Đức", "29/BC-UBND", "2023-04-06")
    assert scan.meta.signer == "Nguyễn Hữu Lăng"  # read beside the last recipient line
    fields = ("score", "max_score", "percent", "rank", "rank_total", "rank_change")
    assert [getattr(scan.overall, f) for f in fields] == [getattr(digital.overall, f) for f in fields]
    stated = {c.code: [getattr(c, f) for f in fields] for c in digital.criteria}
    read = {c.code: [getattr(c, f) for f in fields] for c in scan.criteria}
    assert read == stated  # all 60 values of the ten criteria, "8,97/,11,5" included
    # the same findings as the digital PDF: OCR confusions were repaired, not reported
    assert sorted((f.kind, f.subject) for f in scan.findings) == sorted((f.kind, f.subject) for f in digital.findings)


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("chính quyền số: 8 ;97/,11, 5 điểm, đạt tỷ lệ 77 ;99%", "chính quyền số: 8,97/,11,5 điểm, đạt tỷ lệ 77,99%"),
        ("(qua điều tra) : 9, 67/10 điểm", "(qua điều tra) : 9,67/10 điểm"),
        ("(tỷ lệ 83, 33%)", "(tỷ lệ 83,33%)"),
        ("HI. ĐÁNH GIÁ CHUNG", "III. ĐÁNH GIÁ CHUNG"),
        ("Il. KẾT QUẢ ĐÁNH GIÁ", "II. KẾT QUẢ ĐÁNH GIÁ"),
    ],
)
def test_separator_and_roman_confusions_repaired(text: str, repaired: str) -> None:
    out, repairs = repair_ocr_numbers(text)
    assert out == repaired and repairs


@pytest.mark.parametrize("text", ["quý 1, 2, 3 theo quy định", "mức độ 3, 4 có 2.252/3.177", "H. Hà Nội", "l. lorem"])
def test_lists_and_words_are_not_taken_for_numbers(text: str) -> None:
    assert repair_ocr_numbers(text) == (text, [])


@pytest.mark.parametrize(("ocr_pages", "severity"), [([], "warning"), ([2], "info")])
def test_numbering_read_by_ocr_is_only_info(ocr_pages: list[int], severity: str) -> None:
    """A heading number can lose a stroke in a scan ("III." read as "II."): no context makes it certain."""
    from cchc.checker import run_rules
    from cchc.schemas.record import Evidence, Heading, Record, Source

    def heading(number: str, page: int) -> Heading:
        return Heading(number=number, scheme="roman", depth=1, title="ĐÁNH GIÁ",
                       evidence=[Evidence(page=page, line=3, text=f"{number}. ĐÁNH GIÁ")])

    record = Record(
        source=Source(file="scan.pdf", sha256="0", format="pdf", ocr=bool(ocr_pages), ocr_pages=ocr_pages),
        outline=[heading("I", 1), heading("II", 2), heading("II", 2)],
    )
    [finding] = [f for f in run_rules(record) if f.kind == "numbering_gap"]
    assert finding.severity == severity
    assert ("đọc bằng OCR" in finding.message) == bool(ocr_pages)


@pytest.mark.parametrize(
    ("score", "maximum", "percent", "repaired"),
    [
        (1.5, 8, 93.75, 7.5),  # "7" read as "1": 93,75% of 8 is 7,5
        (6.5, 6, 91.67, 5.5),  # "5" read as "6": 91,67% of 6 is 5,5
        (5.9, 6, 91.67, 5.5),  # "5" read as "9" (a serif 5 closed up on a grey scan)
        (5.9, 6, 98.33, None),  # 5,9 of 6 printed 98,33%: consistent, nothing to repair
        (5.9, 6, 75.0, None),  # 75% of 6 is 4,5: two digits away from 5,9, left for the checker
        (12.7, 15, 87.67, None),  # 87,67% of 15 is 13,15: not one confused digit away (the sample's real error)
        (11.2, 13, 82.54, None),  # a wrong percent that no confused digit explains is left for the checker
        (2.5, 6, 91.67, None),  # 2 for 5 is not a confusion OCR makes
        (5.5, 6, 91.67, None),  # consistent: nothing to repair
    ],
)
def test_a_score_one_confused_digit_off_its_percent(
    score: float, maximum: float, percent: float, repaired: float | None
) -> None:
    from cchc.extractors.numbers_ocr import score_from_percent

    assert score_from_percent(score, maximum, percent) == repaired
