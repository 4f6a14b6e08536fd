"""The faster forms of the extraction path give what the plain forms gave (issue 15: outputs unchanged).

Each case is checked against an independent oracle: pdfplumber's own table functions, a brute-force
search, or values worked out by hand from the text. No timing here (speed lives in bench/).
"""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from pdfplumber import table as plumber_table
from pdfplumber.utils import filter_edges

from cchc.extractors.layout import sentence_bounds
from cchc.extractors.readers.pdf import _cell_locator, _edge, _intersection_cells
from cchc.extractors.scores import find_scores
from cchc.extractors.tables import column_roles


def _intersections(edges: list[dict]) -> dict:
    """pdfplumber's own steps from edges to intersection points (its default "lines" settings)."""
    s = plumber_table.TableSettings.resolve(None)
    edges = plumber_table.merge_edges(
        edges, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance
    )
    edges = filter_edges(edges, min_length=s.edge_min_length)
    return plumber_table.edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)


def _grid(rng: random.Random, keep: float) -> list[dict]:
    """A ruled grid with some rule segments left out (merged cells, open sides)."""
    xs = sorted(rng.sample(range(40, 560, 7), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(40, 800, 9), rng.randint(2, 9)))
    edges = [_edge("h", a, b, y) for y in ys for a, b in pairwise(xs) if rng.random() < keep]
    edges += [_edge("v", a, b, x) for x in xs for a, b in pairwise(ys) if rng.random() < keep]
    return edges


@pytest.mark.parametrize("keep", [1.0, 0.85, 0.6])
def test_cells_from_intersections_are_pdfplumbers(keep: float) -> None:
    rng = random.Random(15)
    compared = 0
    for _ in range(60):
        points = _intersections(_grid(rng, keep))
        expected = plumber_table.intersections_to_cells(points)
        assert _intersection_cells(points) == expected
        compared += len(expected)
    assert compared > 100  # the grids did make cells


def test_a_full_grid_gives_every_cell_row_by_row_within_columns() -> None:
    # 3 columns x 2 rows, ruled all round: 6 cells, in pdfplumber's order (by x, then y)
    xs, ys = [50, 150, 300, 400], [100, 130, 160]
    edges = [_edge("h", xs[0], xs[-1], y) for y in ys] + [_edge("v", ys[0], ys[-1], x) for x in xs]
    cells = _intersection_cells(_intersections(edges))
    assert cells == [
        (50, 100, 150, 130), (50, 130, 150, 160),
        (150, 100, 300, 130), (150, 130, 300, 160),
        (300, 100, 400, 130), (300, 130, 400, 160),
    ]  # fmt: skip


def _first_cell_brute_force(rows: list, cx: float, cy: float) -> tuple[int, int] | None:
    for r, (_, cells) in enumerate(rows):
        for c, cell in enumerate(cells):
            if cell and cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]:
                return r, c
    return None


def test_cell_locator_finds_the_first_cell_in_table_order() -> None:
    # row 0: two cells; row 1: a cell spanning two rows (as pdfplumber lists it) and a gap (None);
    # row 2: the right cell only. Rows share their borders: a point on one belongs to the upper row.
    rows = [
        ((0, 0, 200, 20), [(0, 0, 100, 20), (100, 0, 200, 20)]),
        ((0, 20, 100, 60), [(0, 20, 100, 60), None]),
        ((100, 40, 200, 60), [None, (100, 40, 200, 60)]),
    ]
    locate = _cell_locator(rows)
    assert locate(50, 20) == (0, 0)  # on the border of rows 0 and 1
    assert locate(100, 10) == (0, 0)  # on the border of two cells: the left one
    assert locate(150, 30) is None  # no rule around it
    assert locate(150, 50) == (2, 1)
    assert locate(50, 61) is None  # below the table
    rng = random.Random(6)
    for _ in range(2000):
        cx, cy = rng.uniform(-5, 205), rng.choice([rng.uniform(-5, 65), 0, 20, 40, 60])
        assert locate(cx, cy) == _first_cell_brute_force(rows, cx, cy)


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            ["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)", "Xếp hạng"],
            {"no": 0, "title": 1, "max": 2, "score": 3, "percent": 4, "rank": 5},
        ),
        (["STT", "Nội dung", "Điểm tự chấm", "Điểm thẩm định"], {"no": 0, "title": 1, "self": 2, "score": 3}),
        (["Tiêu chí", "Thang điểm", "Kết quả", "Tăng/giảm"], {"title": 0, "max": 1, "score": 2, "change": 3}),
        (["TIÊU CHÍ", "ĐIỂM TỐI ĐA", "ĐIỂM ĐẠT"], {"title": 0, "max": 1, "score": 2}),
        (["", "Thành viên", "Số lượng", "Ghi chú"], {}),  # words that only contain a key ("thanh", "so luong")
        (["Trường hợp", "Đạt"], {}),  # "hợp" is not "hạng", "Đạt" alone is not "điểm đạt"
    ],
)
def test_column_roles_by_whole_header_words(header: list[str], roles: dict[str, int]) -> None:
    assert column_roles(header) == roles


@pytest.mark.parametrize(
    ("text", "span", "bounds"),
    [
        ("Đạt 83,97 điểm. Xếp thứ 5/19.", (4, 9), (0, 15)),  # "83,97": the comma is not an end
        ("Đạt 83,97 điểm. Xếp thứ 5/19.", (24, 28), (15, 29)),  # from after ". " to the final dot
        ("Một; hai. Ba", (10, 12), (9, 12)),  # no end after it: to the end of the text
        ("Số 2.252 hồ sơ", (3, 8), (0, 14)),  # "2.252": a dot with no space after it
        ("Câu một!Câu hai? Câu ba", (0, 3), (0, 16)),  # "!C" is no end, "? " is
        ("", (0, 0), (0, 0)),
    ],
)
def test_sentence_bounds(text: str, span: tuple[int, int], bounds: tuple[int, int]) -> None:
    assert sentence_bounds(text, *span) == bounds


def test_scores_in_capitals_and_without_a_slash_are_still_found() -> None:
    (upper,) = find_scores("ĐẠT 12,5 ĐIỂM TRÊN TỔNG SỐ 14 ĐIỂM")
    assert (upper.score.value, upper.max.value) == (12.5, 14)
    (bracket,) = find_scores("đạt 12,5 điểm (tối đa 14 điểm)")
    assert (bracket.score.value, bracket.max.value) == (12.5, 14)
    (tren,) = find_scores("12,7 Trên 15 điểm")
    assert (tren.score.value, tren.max.value) == (12.7, 15)
    assert find_scores("đạt 12,7/15") == []  # no "điểm"
    assert find_scores("Cải cách thể chế: tốt") == []  # no digit


def test_found_scores_are_a_fresh_list_each_time() -> None:
    text = "Cải cách thể chế đạt 6,5/7 điểm."
    first = find_scores(text)
    first.clear()
    assert len(find_scores(text)) == 1
