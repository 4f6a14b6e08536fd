"""Ruled tables on scanned pages, without Tesseract: rules found in a drawn page, cells cut into strips and
their words put back, cell repairs, and a table joined across pages. (The OCR itself is tested in
tests/test_ranking_scan.py.)"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from cchc.extractors.document import BlockKind
from cchc.extractors.numbers_ocr import (
    comma_lost,
    fits_shape,
    repair_ocr_cell,
    repair_rank_column,
    score_from_percent,
)
from cchc.extractors.readers.ocr import OcrLine, OcrWord, ScannedPage, page_items
from cchc.extractors.readers.ocr_tables import (
    FilledTable,
    cell_strips,
    find_grids,
    find_rules,
    grid_rules,
    paint_out,
    words_to_cells,
)

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SCALE = 200 / 72  # pixels per point at 200 dpi


def drawn_table(rows: int = 3, cols: int = 4) -> tuple[Image.Image, list[int], list[int]]:
    """A 200 dpi page with a ruled table (x and y of its rules in pixels) and a line of text above it."""
    image = Image.new("L", (1654, 1000), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 28)
    draw.text((100, 60), "Phụ lục: Kết quả Chỉ số CCHC năm 2023 — 19 đơn vị", font=font, fill=0)
    xs = [100 + 220 * c for c in range(cols + 1)]
    ys = [200 + 70 * r for r in range(rows + 1)]
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=2)
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=2)
    for r in range(rows):
        for c in range(cols):
            draw.text((xs[c] + 60, ys[r] + 18), f"{r},{c}5", font=font, fill=0)
    return image, xs, ys


def test_rules_make_the_grid_in_points() -> None:
    image, xs, ys = drawn_table()
    grids = find_grids(find_rules(image, 200), SCALE)
    assert len(grids) == 1
    grid = grids[0]
    assert [len(cells) for _, cells in grid.rows] == [4, 4, 4]
    x0, top, x1, bottom = grid.bbox
    assert abs(x0 - xs[0] / SCALE) < 1.5 and abs(x1 - xs[-1] / SCALE) < 1.5
    assert abs(top - ys[0] / SCALE) < 1.5 and abs(bottom - ys[-1] / SCALE) < 1.5


def test_only_the_grids_rules_are_painted_out() -> None:
    image, xs, ys = drawn_table()
    rules = find_rules(image, 200)
    grids = find_grids(rules, SCALE)
    borders = grid_rules(rules, grids, SCALE)
    assert len([r for r in borders if r.orientation == "h"]) == len(ys)
    assert len([r for r in borders if r.orientation == "v"]) == len(xs)
    clean = paint_out(image, borders, 200)
    assert clean.getpixel((xs[1], (ys[0] + ys[1]) // 2)) == 255  # a rule is gone
    assert clean.crop((100, 60, 900, 100)).getextrema()[0] < 100  # the text above is kept


def test_merged_cells_leave_gaps_in_the_row() -> None:
    """A group title across the row after its roman number: one cell, the covered places None."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    xs, ys = [100, 300, 500, 700], [100, 170, 240]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=2)
    for x in xs:
        draw.line((x, ys[0] if x in (xs[0], xs[1], xs[-1]) else ys[1], x, ys[-1]), fill=0, width=2)
    grid = find_grids(find_rules(image, 200), SCALE)[0]
    first, second = (cells for _, cells in grid.rows)
    assert [c is not None for c in first] == [True, True, False]
    assert all(c is not None for c in second)


def test_cell_strips_put_words_back_in_their_cells() -> None:
    image, xs, ys = drawn_table()
    grid = find_grids(find_rules(image, 200), SCALE)[0]
    strips = cell_strips(image, grid, SCALE)
    assert len(strips) == 1
    strip, placed = strips[0]
    assert [p.key for p in placed] == [(r, c) for r in range(3) for c in range(4)]
    assert all(b.strip_top >= a.strip_bottom for a, b in itertools.pairwise(placed))
    assert strip.size[1] < 30000 and sum(strip.histogram()[1:255]) == 0  # black and white only
    # A word read in the strip where cell (1, 2) sits lands in that cell, its box back on the page.
    cell = next(p for p in placed if p.key == (1, 2))
    word = OcrWord(
        "1,25", (cell.strip_left + 10, cell.strip_top + 5, cell.strip_left + 60, cell.strip_top + 30), 95.0
    )
    found = words_to_cells([word], placed, SCALE)
    assert list(found) == [(1, 2)]
    x0, top, x1, bottom = found[(1, 2)][0].bbox
    assert xs[2] / SCALE < x0 < x1 < xs[3] / SCALE and ys[1] / SCALE < top < bottom < ys[2] / SCALE


def test_empty_cells_are_not_read() -> None:
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    for y in (100, 170, 240):
        draw.line((100, y, 700, y), fill=0, width=2)
    for x in (100, 400, 700):
        draw.line((x, 100, x, 240), fill=0, width=2)
    draw.text((150, 120), "12", font=ImageFont.truetype(str(FONT), 28), fill=0)
    grid = find_grids(find_rules(image, 200), SCALE)[0]
    [(_, placed)] = cell_strips(image, grid, SCALE)
    assert [p.key for p in placed] == [(0, 0)]


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("8,5O", "8,50"),
        ("l0", "10"),
        ("T,7", "7,7"),
        ("5,S", "5,5"),
        ("89.32", "89,32"),
        ("lI", "II"),
        ("lÌ", "II"),
        ("lV", "IV"),
    ],
)
def test_cell_repairs(text: str, repaired: str) -> None:
    fixed, repairs = repair_ocr_cell(text)
    assert fixed == repaired and repairs and repairs[0][:2] == (text, repaired)


@pytest.mark.parametrize(
    "text", ["II", "I", "11", "10", "B", "S", "T", "Xã An Bình", "1.234", "Hà", "O", "9,96%"]
)
def test_cells_left_alone(text: str) -> None:
    assert repair_ocr_cell(text) == (text, [])


@pytest.mark.parametrize(
    ("read", "maximum", "expected", "score"),
    [
        ("73", 8, None, 7.3),  # the only reading under 8
        ("55", 6, None, 5.5),
        ("735", 8, None, 7.35),
        ("115", 12, 11.5, 11.5),  # 1,15 and 11,5 both fit: the rest of the total chooses
        ("115", 12, 1.15, 1.15),
        ("115", 12, None, None),  # nothing to choose with
        ("12", 12, None, None),  # not over the maximum: a real 12
        ("7", 8, None, None),
        ("073", 8, None, None),
    ],
)
def test_a_lost_decimal_comma(read: str, maximum: float, expected: float | None, score: float | None) -> None:
    assert comma_lost(read, maximum, expected) == score


@pytest.mark.parametrize(
    ("text", "value", "fits"),
    [("8,?", 8.7, True), ("?,5", 7.5, True), ("8;7", 8.7, True), ("8,?", 9.7, False), ("8,?", 8.75, False),
     ("8,7", 8.7, False), ("8a7", 8.7, False)],
)  # fmt: skip
def test_one_unreadable_character(text: str, value: float, fits: bool) -> None:
    assert fits_shape(text, value) is fits


def _line(text: str, top: float) -> OcrLine:
    word = OcrWord(text, (60.0, top, 300.0, top + 12), 95.0)
    return OcrLine(text, word.bbox, (word,), 1, 1)


def test_page_blocks_in_order_with_rows_numbered_after_the_lines_above() -> None:
    table = FilledTable((50.0, 100.0, 500.0, 160.0), [["STT", "Đơn vị"], ["1", "Xã An Bình"]],
                        [(50.0, 100.0, 500.0, 130.0), (50.0, 130.0, 500.0, 160.0)])  # fmt: skip
    page = ScannedPage(
        [_line("Phụ lục: Kết quả Chỉ số CCHC", 60.0), _line("Danh sách gồm 19 đơn vị.", 200.0)], [table]
    )
    items = page_items(page, 3)
    assert [b.kind is BlockKind.TABLE for b, _ in items] == [False, True, False]
    assert items[1][1] is not None and items[0][1] is None
    block = items[1][0]
    assert block.rows == [["STT", "Đơn vị"], ["1", "Xã An Bình"]]
    assert [p.line for _, p in block.lines] == [2, 3] and {p.page for _, p in block.lines} == {3}
    assert items[2][0].prov.line == 4


@pytest.mark.parametrize(
    ("column", "repaired"),
    [
        (["Xếp hạng", "6/19", "1/19", "5/19", "319", "4/19"], {4: "3/19"}),  # the slash lost
        (["6/19", "1/19", "5/19", "1919"], {3: "19/19"}),
        (
            ["6/19", "1/19", "5/19", "2019", "019", "19"],
            {},
        ),  # over the total; a leading zero; the total alone
        (["6/19", "1/19", "319"], {}),  # two ranks are too few to know the column
        (["6/19", "1/20", "5/19", "319"], {}),  # two totals: not one column of ranks
    ],
)
def test_rank_slash_lost(column: list[str], repaired: dict[int, str]) -> None:
    assert {i: fixed for i, (fixed, _) in repair_rank_column(column).items()} == repaired


@pytest.mark.parametrize(
    ("score", "maximum", "percent", "repaired"),
    [
        (73, 8, 91.25, 7.3),  # "7,3" read as "73": 91,25% of 8 is 7,3
        (115, 12, 95.83, 11.5),  # two readings under 12 (1,15 and 11,5): the percent chooses
        (73, 80, 91.25, None),  # under its maximum: a real 73
        (55, 6, 50.0, None),  # 5,5 is not 50% of 6
    ],
)
def test_a_lost_comma_restored_by_the_printed_percent(
    score: float, maximum: float, percent: float, repaired: float | None
) -> None:
    assert score_from_percent(score, maximum, percent) == repaired
