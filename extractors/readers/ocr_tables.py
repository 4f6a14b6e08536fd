"""Ruled tables on scanned pages: the grid from the page image, the cells' text from Tesseract's words.

The ruling lines are long dark runs of pixels (horizontal and vertical) in the rendered page; they
become edges in PDF points and go through the same table finder as a digital PDF's drawn rules
(pdfplumber's, via :func:`cchc.extractors.readers.pdf._tables_from_edges`), so merged cells,
two-row headers and group rows come out as they do from a digital PDF. The cells are cut out
(rules painted out first: Tesseract reads a rule touching a digit as "|" or "1"), made black and
white, enlarged and stacked one under another in strips, each strip read in one Tesseract call; the
words come back to their cells by position, and a cell's words make its text, line by line. (Read
in place, with Tesseract's page layout, a scanned annex lost or misread short numbers: 57% of body
cells right on the test scans, against 99% read as strips.) A bare number in a cell is repaired by
the OCR reader (:func:`cchc.extractors.numbers_ocr.repair_ocr_cell`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image

    from cchc.extractors.readers.ocr import OcrWord

BBox = tuple[float, float, float, float]

DARK = 160  # grey level under which a pixel is ink (scans are dark on light)
MIN_RULE_PT = 12.0  # a dark run this long (points) is a rule; letters' strokes are shorter
GAP_PX = 2  # breaks this short in a scanned rule are closed
RULE_PAD_PX = 2  # painted out around a rule, for its blurred edge
STRIP_INK = 170  # grey level under which a cell's pixel is ink; the rest is paper and its speckle
PAPER_MARGIN = 30  # read again, a cell's pixel this much darker than its paper is ink (see strip_ink)
MIN_STRIP_INK = 128  # ...but never a pixel lighter than mid-grey on a dark page
MAX_STRIP_INK = 215  # ...nor one this light on white paper (speckle)
STRIP_DPI = 300.0  # cells enlarged to this before they are read: at 200 dpi, 8-9 pt digits are too small for
# Tesseract, and enlarged past it (a 300 dpi scan at 450) its reading of lone digits wavers ("3" as "5")
NARROW_CELL = 0.5  # a cell at most this part of the table's widest cell is read among the narrow ones
MAX_STRIP_PX = 30000  # Tesseract refuses images over 32767 pixels high


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line in pixels: horizontal ("h": x0..x1 at y) or vertical ("v": y0..y1 at x)."""

    orientation: str
    start: int
    end: int
    at: int
    thickness: int


@dataclass(frozen=True, slots=True)
class CellGrid:
    """One ruled table found on a page, in PDF points (origin top-left)."""

    bbox: BBox
    rows: list[
        tuple[BBox, list[BBox | None]]
    ]  # each row's box and its cells (None: covered by a merged cell)


def _ink(image: Image) -> np.ndarray:
    import numpy as np

    return np.asarray(image.convert("L")) < DARK


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """Runs of True along each row at least ``min_len`` long: (row, start, end exclusive)."""
    import numpy as np

    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)
    keep = ends - starts >= min_len
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _fill_small_gaps(mask: np.ndarray, gap: int) -> np.ndarray:
    """Ink runs along rows with breaks of up to ``gap`` pixels filled."""
    import numpy as np

    if gap <= 0:
        return mask
    # A pixel is filled when ink lies within ``gap`` on its left and within ``gap`` on its right.
    width = mask.shape[1]
    left = np.zeros_like(mask)
    right = np.zeros_like(mask)
    for k in range(1, gap + 1):
        left[:, k:] |= mask[:, : width - k]
        right[:, : width - k] |= mask[:, k:]
    return mask | (left & right)


def _rules_along(mask: np.ndarray, min_len: int, orientation: str) -> list[Rule]:
    """Rules along the rows of ``mask``: runs of adjacent rows that overlap are one rule."""
    found: list[Rule] = []
    open_: list[list[int]] = []  # [row_first, row_last, start, end]
    for row, start, end in _runs(_fill_small_gaps(mask, GAP_PX), min_len):
        for run in open_:
            if run[1] >= row - 1 and start < run[3] and end > run[2]:
                run[1] = row
                run[2], run[3] = min(run[2], start), max(run[3], end)
                break
        else:
            open_.append([row, row, start, end])
    for first, last, start, end in open_:
        found.append(Rule(orientation, start, end, (first + last) // 2, last - first + 1))
    return found


def find_rules(image: Image, dpi: float) -> list[Rule]:
    """Horizontal and vertical rules of a rendered page (pixels)."""
    ink = _ink(image)
    min_len = max(8, round(MIN_RULE_PT * dpi / 72))
    return _rules_along(ink, min_len, "h") + _rules_along(ink.T, min_len, "v")


def find_grids(rules: list[Rule], scale: float) -> list[CellGrid]:
    """Ruled tables from the rules (pixels / ``scale`` = points), by the digital PDF's table finder."""
    from cchc.extractors.readers.pdf import _edge, _tables_from_edges

    edges = [
        _edge(r.orientation, r.start / scale, r.end / scale, (r.at + 0.5) / scale)
        for r in rules
        if r.thickness <= max(2, round(4 * scale))  # a solid black area is no rule
    ]
    if not edges:
        return []
    tables: list[Any] = _tables_from_edges(edges)
    grids = []
    for table in tables:
        rows = [(tuple(row.bbox), [tuple(c) if c else None for c in row.cells]) for row in table.rows]
        if len(rows) < 2 or max(len(cells) for _, cells in rows) < 2:
            continue  # a framed box (a stamp, a note) is no table
        grids.append(CellGrid(tuple(table.bbox), rows))  # type: ignore[arg-type]
    return grids


def paint_out(image: Image, rules: list[Rule], dpi: float) -> Image:
    """A copy of the page with the rules painted white (what Tesseract reads).

    Only the ink of the rules goes: the pixels of long runs inside each rule's band, and the pixel
    around them (its blurred edge). A slightly turned scan makes a rule a band several pixels high;
    painting the whole band white would cut the descenders and dots below ("máy", "vụ") off the
    text that sits on it.
    """
    import numpy as np
    from PIL import Image as PILImage

    ink = _ink(image)
    min_len = max(8, round(MIN_RULE_PT * dpi / 72))
    long_runs = _run_mask(ink, min_len) | _run_mask(ink.T, min_len).T
    band = np.zeros_like(ink)
    for r in rules:
        half = r.thickness // 2 + RULE_PAD_PX
        if r.orientation == "h":
            band[max(0, r.at - half) : r.at + half + 1, r.start : r.end] = True
        else:
            band[r.start : r.end, max(0, r.at - half) : r.at + half + 1] = True
    erase = long_runs & band
    grown = erase.copy()
    grown[1:, :] |= erase[:-1, :]
    grown[:-1, :] |= erase[1:, :]
    grown[:, 1:] |= erase[:, :-1]
    grown[:, :-1] |= erase[:, 1:]
    pixels = np.array(image.convert("L"))
    pixels[grown] = 255
    return PILImage.fromarray(pixels, mode="L")


def _run_mask(mask: np.ndarray, min_len: int) -> np.ndarray:
    """The pixels of runs along rows at least ``min_len`` long (short breaks closed)."""
    import numpy as np

    out = np.zeros_like(mask)
    for row, start, end in _runs(_fill_small_gaps(mask, GAP_PX), min_len):
        out[row, start:end] = True
    return out


def boundaries_px(grids: list[CellGrid], scale: float) -> tuple[list[float], list[float]]:
    """The x and y positions (pixels) of the grids' cell borders."""
    xs: set[float] = set()
    ys: set[float] = set()
    for grid in grids:
        for _, cells in grid.rows:
            for cell in cells:
                if cell is not None:
                    xs.update((cell[0] * scale, cell[2] * scale))
                    ys.update((cell[1] * scale, cell[3] * scale))
    return sorted(xs), sorted(ys)


def grid_rules(rules: list[Rule], grids: list[CellGrid], scale: float) -> list[Rule]:
    """The rules that are borders of the grids' cells (text strokes inside a cell are not)."""
    xs, ys = boundaries_px(grids, scale)
    boxes = [tuple(v * scale for v in g.bbox) for g in grids]
    near = 3 * scale  # pdfplumber snaps edges within 3 points

    def on_border(rule: Rule) -> bool:
        along = ys if rule.orientation == "h" else xs
        if not any(abs(rule.at - v) <= near for v in along):
            return False
        mid = (rule.start + rule.end) / 2
        x, y = (mid, rule.at) if rule.orientation == "h" else (rule.at, mid)
        return any(b[0] - near <= x <= b[2] + near and b[1] - near <= y <= b[3] + near for b in boxes)

    return [r for r in rules if on_border(r)]


@dataclass(slots=True)
class FilledTable:
    """A grid with its cells' text (row by row, merged-over cells empty), in PDF points."""

    bbox: BBox
    rows: list[list[str]]
    row_boxes: list[BBox]


def cell_text(words: list[OcrWord]) -> str:
    """A cell's words as text: lines by vertical overlap, top to bottom, each left to right."""
    lines: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0])):
        if lines:
            ref = lines[-1][0].bbox
            overlap = min(word.bbox[3], ref[3]) - max(word.bbox[1], ref[1])
            if overlap > 0.5 * min(word.bbox[3] - word.bbox[1], ref[3] - ref[1]):
                lines[-1].append(word)
                continue
        lines.append([word])
    return " ".join(" ".join(w.text for w in sorted(line, key=lambda w: w.bbox[0])) for line in lines)


def table_box_px(
    grid: CellGrid, scale: float, size: tuple[int, int], pad: int = 4
) -> tuple[int, int, int, int]:
    """The grid's box in pixels, ``pad`` pixels larger on each side, within an image of ``size``."""
    x0, top, x1, bottom = grid.bbox
    return (
        max(0, int(x0 * scale) - pad),
        max(0, int(top * scale) - pad),
        min(size[0], int(x1 * scale + 1) + pad),
        min(size[1], int(bottom * scale + 1) + pad),
    )


def strip_zoom(scale: float) -> float:
    """How much a page rendered at ``scale`` pixels per point is enlarged for its cells to be read."""
    return max(1.0, STRIP_DPI / (scale * 72))


def strip_ink(table: Image) -> int:
    """The grey level under which a pixel of the table is ink when its doubtful cells are read again: a
    little under its paper's (the commonest level). Thin serif strokes, blurred by the scan, are lighter
    than the letters' stems: cut at mid-grey, a "5" may lose its top bar and be read as "2", an "8" as "3";
    cut near the paper, a blurred comma may join its digits ("5,5" as "D,5"). Tesseract's confidence
    tells which cut it read better."""
    histogram = table.convert("L").histogram()
    paper = max(range(256), key=histogram.__getitem__)
    return min(MAX_STRIP_INK, max(MIN_STRIP_INK, paper - PAPER_MARGIN))


@dataclass(frozen=True, slots=True)
class PlacedCell:
    """A cell's picture in a strip: its (row, column), where it sits in the strip and where it came from."""

    key: tuple[int, int]
    strip_top: int
    strip_bottom: int
    strip_left: int
    origin: tuple[int, int]  # the crop's top-left corner on the page, pixels


def cell_strips(
    image: Image,
    grid: CellGrid,
    scale: float,
    ink: int = STRIP_INK,
    only: set[tuple[int, int]] | None = None,
    apart: bool = False,
) -> list[tuple[Image, list[PlacedCell]]]:
    """The grid's non-empty cells (``only`` these, when given) cut out at grey level ``ink`` and stacked one
    under another, in black and white, in strips Tesseract can read (under :data:`MAX_STRIP_PX` pixels
    each). Read as one block, a strip gives each cell's text with no other cell beside it: Tesseract's
    layout analysis neither drops a lone digit nor joins neighbouring cells. ``apart``: narrow cells
    (numbers) and wide ones (titles) in strips of their own (stacked among wide lines of text, a lone "5"
    may be read as "2", an "8" as "ö"; stacked apart, "5,5" may come out as "5," or "7,3" as "743")."""
    gap = max(12, round(8 * scale * strip_zoom(scale)))
    crops = cell_crops(image, grid, scale, ink, only)
    if not apart:
        return stacked(crops, gap)
    widest = max((crop.size[0] for _, _, crop in crops), default=0)
    narrow = [item for item in crops if item[2].size[0] <= NARROW_CELL * widest]
    wide = [item for item in crops if item[2].size[0] > NARROW_CELL * widest]
    return stacked(narrow, gap) + stacked(wide, gap)


Crop = tuple[tuple[int, int], tuple[int, int], "Image"]  # (row, column), top-left on the page, the picture


def cell_crops(
    image: Image, grid: CellGrid, scale: float, ink: int, only: set[tuple[int, int]] | None
) -> list[Crop]:
    """The grid's cells with ink, cut out, enlarged by :func:`strip_zoom` and made black and white at ``ink``."""
    from PIL import Image as PILImage

    zoom = strip_zoom(scale)
    inset = max(2, round(1.2 * scale))
    crops: list[Crop] = []
    for r, (_, cells) in enumerate(grid.rows):
        for c, cell in enumerate(cells):
            if cell is None or (only is not None and (r, c) not in only):
                continue
            x0, y0 = round(cell[0] * scale) + inset, round(cell[1] * scale) + inset
            x1, y1 = round(cell[2] * scale) - inset, round(cell[3] * scale) - inset
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            crop = image.crop((x0, y0, x1, y1))
            if zoom != 1:
                crop = crop.resize(
                    (round(crop.size[0] * zoom), round(crop.size[1] * zoom)), PILImage.Resampling.LANCZOS
                )
            crop = crop.point(lambda v: 0 if v < ink else 255)
            if crop.getextrema()[0] == 255:
                continue  # no ink: an empty cell
            crops.append(((r, c), (x0, y0), crop))
    return crops


def stacked(crops: list[Crop], gap: int) -> list[tuple[Image, list[PlacedCell]]]:
    """The crops one under another, ``gap`` pixels apart, in strips under :data:`MAX_STRIP_PX` pixels high."""
    from PIL import Image as PILImage

    strips: list[tuple[Image, list[PlacedCell]]] = []
    batch: list[Crop] = []
    height = gap
    for item in [*crops, None]:
        if item is not None and height + item[2].size[1] + gap <= MAX_STRIP_PX:
            batch.append(item)
            height += item[2].size[1] + gap
            continue
        if batch:
            width = max(crop.size[0] for _, _, crop in batch) + 2 * gap
            strip = PILImage.new("L", (width, height), 255)
            placed: list[PlacedCell] = []
            y = gap
            for key, origin, crop in batch:
                strip.paste(crop, (gap, y))
                placed.append(PlacedCell(key, y, y + crop.size[1], gap, origin))
                y += crop.size[1] + gap
            strips.append((strip, placed))
        if item is not None:
            batch, height = [item], gap + item[2].size[1] + gap
    return strips


def words_to_cells(
    words: list[OcrWord], placed: list[PlacedCell], scale: float
) -> dict[tuple[int, int], list[OcrWord]]:
    """Words read in a strip (pixel boxes), back in their cells with page boxes in points."""
    from cchc.extractors.readers.ocr import OcrWord

    zoom = strip_zoom(scale)
    out: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        middle = (word.bbox[1] + word.bbox[3]) / 2
        cell = next((p for p in placed if p.strip_top - 2 <= middle <= p.strip_bottom + 2), None)
        if cell is None:
            continue
        x0, y0 = cell.origin
        box = (
            [(v - cell.strip_left) / zoom for v in word.bbox[::2]],
            [(v - cell.strip_top) / zoom for v in word.bbox[1::2]],
        )
        page_box = (
            (x0 + box[0][0]) / scale,
            (y0 + box[1][0]) / scale,
            (x0 + box[0][1]) / scale,
            (y0 + box[1][1]) / scale,
        )
        out.setdefault(cell.key, []).append(OcrWord(word.text, page_box, word.conf))
    return out


def filled_table(grid: CellGrid, cell_words: dict[tuple[int, int], list[OcrWord]]) -> FilledTable:
    """The grid with each cell's text made from its words."""
    rows = [
        [cell_text(cell_words.get((r, c), [])) for c in range(len(cells))]
        for r, (_, cells) in enumerate(grid.rows)
    ]
    return FilledTable(grid.bbox, rows, [box for box, _ in grid.rows])
