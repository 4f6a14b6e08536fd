"""Scanned pages turned a little on the scanner: turned straight before their ruled tables are looked for
and read, and their cells read from strips cut at the paper's own grey.

The scan is made here: a one-page report with a ruled criteria table, drawn with reportlab in DejaVu Serif
(the font the Makefile installs), rasterised at 200 dpi with pypdfium2, turned 1.2 degrees, on a grey paper
(239, ink 14), saved as an image-only PDF. Turned that much, the table's horizontal rules drift by 37 pixels
from end to end and the grid was lost: the criteria were read as lines of text, split and garbled.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from cchc.extractors.readers.deskew import MIN_DEGREES, deskewed, skew_degrees
from cchc.extractors.readers.ocr import ocr_available
from cchc.extractors.readers.ocr_tables import find_grids, find_rules, strip_ink, strip_zoom

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PAGE_W, PAGE_H = 595.0, 842.0
DPI = 200
TURN = 1.2  # degrees, counter-clockwise
HEADER = ["STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]
# (title, max, score, percent as printed); criterion 5 prints 88,58 for 9,5/11 = 86,36 (planted)
CRITERIA = [
    ("Công tác chỉ đạo, điều hành cải cách hành chính", "13", "11,5", "88,46"),
    ("Cải cách thể chế", "5", "4,5", "90,00"),
    ("Cải cách thủ tục hành chính", "18", "15,5", "86,11"),
    ("Cải cách tổ chức bộ máy hành chính nhà nước", "6", "5,5", "91,67"),
    ("Cải cách chế độ công vụ", "11", "9,5", "88,58"),
    ("Cải cách tài chính công", "8", "6,5", "81,25"),
    ("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "13", "10,5", "80,77"),
    ("Tác động của cải cách hành chính đến phát triển kinh tế - xã hội", "3", "2,5", "83,33"),
    ("Đánh giá của các tổ chức đối với cải cách hành chính", "11", "9,5", "86,36"),
    ("Sự hài lòng của người dân, tổ chức đối với sự phục vụ", "12", "10,5", "87,50"),
]
TOTAL = ("Tổng cộng", "100", "86,00", "86,00")
PROSE = [
    "Căn cứ Quyết định số 215/QĐ-UBND ngày 15/01/2024 của UBND huyện Bình Liêu",
    "về việc công bố Chỉ số cải cách hành chính năm 2023 của UBND các xã, thị trấn;",
    "UBND xã Đồng Văn báo cáo kết quả như sau: Chỉ số CCHC năm 2023 của UBND xã",
    "Đồng Văn đạt 86,00/100 điểm, xếp thứ 3/7 xã, thị trấn. Kết quả cụ thể như sau:",
]


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in ("DejaVuSerif", "DejaVuSerif-Bold"):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def draw_report(path: Path, table: bool = True) -> Path:
    """The report's first page as a digital PDF: the heading, a paragraph and (``table``) the criteria table."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    _fonts()
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    y = 70.0
    for text, font in [
        ("UBND XÃ ĐỒNG VĂN", "DejaVuSerif-Bold"),
        ("BÁO CÁO", "DejaVuSerif-Bold"),
        ("Kết quả thực hiện công tác cải cách hành chính năm 2023", "DejaVuSerif-Bold"),
    ]:
        pdf.setFont(font, 12)
        pdf.drawCentredString(PAGE_W / 2, PAGE_H - y, text)
        y += 20
    pdf.setFont("DejaVuSerif", 12)
    for line in PROSE:
        y += 18
        pdf.drawString(60, PAGE_H - y, line)
    if not table:
        pdf.save()
        return path
    xs = [60.0, 95.0, 330.0, 395.0, 460.0, 535.0]
    rows = [HEADER] + [[str(k), *c] for k, c in enumerate(CRITERIA, start=1)] + [["", *TOTAL]]
    pdf.setFont("DejaVuSerif", 11)
    top = y + 20
    pdf.setLineWidth(0.7)
    for row in rows:
        wrapped = [simpleSplit(text, "DejaVuSerif", 11, xs[c + 1] - xs[c] - 8) for c, text in enumerate(row)]
        height = max(len(w) for w in wrapped) * 13.0 + 9
        pdf.rect(xs[0], PAGE_H - top - height, xs[-1] - xs[0], height)
        for c, lines in enumerate(wrapped):
            pdf.line(xs[c], PAGE_H - top, xs[c], PAGE_H - top - height)
            first = top + height / 2 - len(lines) * 13.0 / 2 + 10
            for i, line in enumerate(lines):
                if c == 1:
                    pdf.drawString(xs[c] + 4, PAGE_H - first - 13.0 * i, line)
                else:
                    pdf.drawCentredString((xs[c] + xs[c + 1]) / 2, PAGE_H - first - 13.0 * i, line)
        top += height
    pdf.save()
    return path


def scanned(vector: Path, turn: float) -> Image.Image:
    """The PDF's first page printed and scanned: grey, 200 dpi, turned ``turn`` degrees, on grey paper."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(vector))
    image = document[0].render(scale=DPI / 72).to_pil().convert("L")
    document.close()
    if turn:
        image = image.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return image.point(lambda v: 14 + v * 225 // 255)  # paper 239, ink 14


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Image.Image]:
    folder = tmp_path_factory.mktemp("skew")
    with_table, without = draw_report(folder / "table.pdf"), draw_report(folder / "prose.pdf", table=False)
    return {
        "turned": scanned(with_table, TURN),
        "turned back": scanned(with_table, -TURN),
        "straight": scanned(with_table, 0.0),
        "prose turned": scanned(without, TURN),
    }


@pytest.mark.parametrize(("page", "turn"), [("turned", TURN), ("turned back", -TURN), ("prose turned", TURN)])
def test_the_angle_a_page_was_turned_by_is_found(
    pages: dict[str, Image.Image], page: str, turn: float
) -> None:
    assert skew_degrees(pages[page]) == pytest.approx(turn, abs=0.05)


def test_a_straight_page_stays_as_it_was(pages: dict[str, Image.Image]) -> None:
    image = pages["straight"]
    assert abs(skew_degrees(image)) < MIN_DEGREES
    same, angle = deskewed(image)
    assert same is image and angle == 0.0


def test_a_blank_page_is_not_turned() -> None:
    blank = Image.new("L", (1654, 2339), 239)
    assert skew_degrees(blank) == 0.0 and deskewed(blank)[0] is blank


def _grid_shape(image: Image.Image) -> list[tuple[int, int]]:
    scale = DPI / 72
    return [(len(g.rows), max(len(c) for _, c in g.rows)) for g in find_grids(find_rules(image, DPI), scale)]


def test_the_turned_tables_grid_is_found_once_the_page_is_straight(pages: dict[str, Image.Image]) -> None:
    assert _grid_shape(pages["straight"]) == [(12, 5)]  # header, ten criteria, total
    straightened, angle = deskewed(pages["turned"])
    assert angle == pytest.approx(TURN, abs=0.05)
    assert _grid_shape(straightened) == [(12, 5)]
    assert _grid_shape(deskewed(pages["turned back"])[0]) == [(12, 5)]


def test_a_turned_page_without_a_table_finds_none(pages: dict[str, Image.Image]) -> None:
    assert _grid_shape(deskewed(pages["prose turned"])[0]) == []


@pytest.mark.parametrize(
    ("paper", "ink"),
    [(239, 209), (255, 215), (200, 170), (140, 128)],  # grey paper; white; a dark copy; a very dark one
)
def test_cells_are_cut_a_little_under_their_papers_grey(paper: int, ink: int) -> None:
    table = Image.new("L", (200, 100), paper)
    table.paste(14, (50, 40, 150, 45))  # a little ink: the paper stays the commonest grey
    assert strip_ink(table) == ink


def test_cells_are_read_at_300_dpi_at_least() -> None:
    assert strip_zoom(200 / 72) == pytest.approx(1.5)
    assert strip_zoom(300 / 72) == 1.0 and strip_zoom(400 / 72) == 1.0  # never made smaller


@pytest.fixture(scope="module")
def record(pages: dict[str, Image.Image], tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from cchc.api import extract_file

    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"
    path = tmp_path_factory.mktemp("skew-scan") / "dong-van-2023-scan.pdf"
    pages["turned"].save(path, "PDF", resolution=float(DPI))
    return extract_file(path)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def test_the_turned_scans_criteria_are_the_printed_ones(record) -> None:  # type: ignore[no-untyped-def]
    assert record.source.ocr
    read = [(c.code, c.max_score, c.score, c.percent) for c in record.criteria]
    printed = [
        (str(k), _number(m), _number(s), _number(p)) for k, (_, m, s, p) in enumerate(CRITERIA, start=1)
    ]
    assert read == printed
    assert record.overall is not None and record.overall.score == 86.0


def test_the_turned_scan_raises_the_planted_percent_and_nothing_about_missing_criteria(record) -> None:  # type: ignore[no-untyped-def]
    warnings = [(f.kind, f.subject) for f in record.findings if f.severity in ("warning", "error")]
    assert ("percent_mismatch", "5") in warnings
    assert not [w for w in warnings if w[0] in ("missing_criterion", "total_mismatch")]
    assert [w for w in warnings if w[0] == "percent_mismatch"] == [("percent_mismatch", "5")]


def test_only_a_turned_page_with_a_table_is_read_straightened(pages: dict[str, Image.Image]) -> None:
    from cchc.extractors.readers.ocr import page_tables

    scale = DPI / 72
    image, rules, grids = page_tables(pages["turned"], scale)
    assert image is not pages["turned"] and len(grids) == 1 and rules
    prose = pages["prose turned"]
    assert page_tables(prose, scale) == (prose, [], [])  # Tesseract reads turned text lines itself
    straight = pages["straight"]
    image, _, grids = page_tables(straight, scale)
    assert image is straight and len(grids) == 1


def _words(text: str, conf: float) -> list:  # type: ignore[type-arg]
    from cchc.extractors.readers.ocr import OcrWord

    return [OcrWord(part, (0.0, 0.0, 5.0, 5.0), conf) for part in text.split()]


@pytest.mark.parametrize(
    ("again", "first", "replaced"),
    [
        (("5", 94.0), ("2", 57.0), True),  # sure, and much surer: the thin top bar of the "5" kept
        (("87,50", 96.0), ("37,50", 78.0), True),
        (("8", 97.0), ("", -1.0), True),  # nothing read at mid-grey
        (("1.3", 68.0), ("73", 59.0), False),  # surer, but not sure: a blurred "7" thickened into a "1"
        (("73", 92.0), ("7,3", 90.0), False),  # sure, but hardly surer
        (("2,5", 77.0), ("5,5", 79.0), False),
        (("5,5", 76.0), ("5,", 84.0), True),  # a number cut short: a digit was lost
        (("5,", 90.0), ("5,", 70.0), True),  # ...read so again, but surer
        (("", -1.0), ("5,", 84.0), False),  # nothing read the second time
        (("3,5", 72.0), ("5,5", 80.0), False),
        (("KT- XH", 75.0), ("KT- XxH", 46.0), True),  # not sure, but far surer
    ],
)
def test_a_cells_second_reading_replaces_the_first_only_when_clearly_surer(
    again: tuple[str, float], first: tuple[str, float], replaced: bool
) -> None:
    from cchc.extractors.readers.ocr import _clearly_surer

    assert _clearly_surer(_words(*again), _words(*first)) is replaced


def test_the_second_reading_stacks_narrow_and_wide_cells_apart(pages: dict[str, Image.Image]) -> None:
    from cchc.extractors.readers.ocr_tables import cell_strips

    scale = DPI / 72
    image = pages["straight"]
    [grid] = find_grids(find_rules(image, DPI), scale)
    together = cell_strips(image, grid, scale)
    assert len(together) == 1  # every cell in one strip, row by row
    apart = cell_strips(image, grid, scale, apart=True)
    columns = [{p.key[1] for p in placed} for _, placed in apart]
    assert columns == [{0, 2, 3, 4}, {1}]  # the numbers, then the titles (and the header's title cell)
    assert sum(len(placed) for _, placed in apart) == len(together[0][1])
