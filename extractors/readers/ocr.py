"""OCR of scanned PDF pages with Tesseract and its Vietnamese model.

Each requested page is rendered with pypdfium2 (at 300 dpi, or at a full-page scan image's own
resolution within 200-400 dpi) and read by the ``tesseract`` binary (TSV: word boxes with
block/paragraph/line numbers). Ruled tables are found in the page image and read cell by cell
(:mod:`cchc.extractors.readers.ocr_tables`); they become table blocks as the PDF reader makes
them, and a table that ends a page and opens the next is one block. The rest of the page: words
become lines (two columns side by side are split, left column first), lines become blocks with
Tesseract's paragraphs and the text reader's heuristics. Boxes are in PDF points with the origin at the top-left of the page; every block
line carries ``Provenance(page, line, bbox)``. Numbers in score, rank and percent contexts are
repaired (:func:`cchc.extractors.numbers_ocr.repair_ocr_numbers`); repairs are reported in
``warnings`` when a list is given.

Tesseract runs as a subprocess (single-threaded) on up to two pages at a time.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import shutil
import subprocess
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex as re

from cchc.errors import CorruptFileError, InputError, LimitExceededError
from cchc.extractors.document import BBox, Block, Provenance, join_spaced_by_gaps, nfc
from cchc.extractors.layout import (
    CRITERION_WORD_RE,
    PAGE_NUMBER_RE,
    SENTENCE_END_RE,
    classify,
    goes_on_in_next_column,
    rejoins_cut_word,
    starts_block,
)
from cchc.extractors.numbers_ocr import repair_ocr_cell, repair_ocr_numbers, repair_rank_column
from cchc.extractors.readers import ocr_tables
from cchc.extractors.readers.deskew import deskewed, flattened, may_lie_turned, paper_corners, two_up_gutter
from cchc.extractors.readers.ocr_tables import (
    CellGrid,
    FilledTable,
    Rule,
    cell_strips,
    filled_table,
    find_grids,
    find_rules,
    grid_rules,
    paint_out,
    strip_ink,
    table_box_px,
    words_to_cells,
)
from cchc.extractors.readers.pdf import TableRegion, _append_rows, _table_block
from cchc.settings import DEFAULT_SETTINGS, Settings

DPI = 300
PSM = 3  # fully automatic page segmentation (headers, stamps, tables)
TABLE_PSM = 6  # a strip of table cells, one under another, read as one uniform block of text
LINE_PSM = 7  # one text line cut out of the page, read alone
STRAY_MARK_CONF = 50.0  # a lone mark of a letter or two, this unsure and small, is a diacritic read apart
LINE_RETRY_CONF = 30.0  # a text line with a word less sure than this is read again alone
RETRY_CONF = 95.0  # a cell read with a word less sure than this is read again, cut at another grey
RETRY_SURE = 85.0  # ...and read so, replaced when its least sure word is at least this sure
RETRY_GAIN = 5.0  # ...and this much surer than the first reading's
RETRY_LEAP = 20.0  # ...or, however sure, this much surer ("XxH" at 46%, "XH" at 75%)
WORKERS = 2
OSD_DPI = 150  # a page is shown to the orientation detection at this resolution (1-2 s, as sure as at 300)
MIN_TURN_CONFIDENCE = 2.0  # the orientation detection's confidence a page is turned on
INDENT_PT = 10.0  # a first-line indent, in points
SPECK_PT = 1.2  # punctuation narrower than this is noise
if TYPE_CHECKING:
    from PIL.Image import Image

OCR_MISSING = "scanned PDF needs OCR: install tesseract-ocr and tesseract-ocr-vie"


class OcrUnavailableError(InputError):
    """Tesseract or its language model is not installed."""

    def __init__(self, file: str, cause: str = OCR_MISSING) -> None:
        super().__init__(file, cause)


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    bbox: BBox  # PDF points, origin top-left
    conf: float


@dataclass(frozen=True, slots=True)
class OcrLine:
    text: str
    bbox: BBox
    words: tuple[OcrWord, ...]
    block: int
    par: int


@cache
def tesseract_languages() -> frozenset[str]:
    """Languages the installed ``tesseract`` knows; empty when it is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (out.stdout + out.stderr).splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip() and " " not in line.strip())


def ocr_available(lang: str = "vie") -> bool:
    return all(part in tesseract_languages() for part in lang.split("+"))


def tesseract_tsv(
    image_bytes: bytes,
    lang: str,
    dpi: int = DPI,
    psm: int = PSM,
    timeout: float = 120.0,
    config: tuple[str, ...] = (),
) -> str:
    """Run tesseract on an encoded image (PNG/PNM bytes) and return its TSV output; ``config`` adds
    ``-c name=value`` settings."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run(
        # No inverted-text pass: reports are dark on light, and it costs a third of the time.
        [
            "tesseract",
            "stdin",
            "stdout",
            "-l",
            lang,
            "--psm",
            str(psm),
            "--dpi",
            str(dpi),
            "-c",
            "tessedit_do_invert=0",
            *(arg for setting in config for arg in ("-c", setting)),
            "tsv",
        ],
        input=image_bytes,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[:300])
    return proc.stdout.decode("utf-8", "replace")


def tsv_words(tsv: str, scale: float) -> dict[tuple[int, int, int], list[OcrWord]]:
    """Words of TSV rows by Tesseract's (block, paragraph, line); pixel boxes divided by ``scale`` (to points)."""
    grouped: dict[tuple[int, int, int], list[OcrWord]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        text = nfc(row.get("text") or "").strip()
        if not text:
            continue
        left, top = float(row["left"]), float(row["top"])
        width, height = float(row["width"]), float(row["height"])
        bbox = (left / scale, top / scale, (left + width) / scale, (top + height) / scale)
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        grouped.setdefault(key, []).append(OcrWord(text, bbox, float(row.get("conf") or -1)))
    return grouped


def lines_from_tsv(tsv: str, scale: float) -> list[OcrLine]:
    """Lines in reading order from TSV word rows; pixel boxes divided by ``scale`` (to points)."""
    return lines_from_words(tsv_words(tsv, scale))


def lines_from_words(grouped: dict[tuple[int, int, int], list[OcrWord]]) -> list[OcrLine]:
    """Lines in reading order from words grouped by Tesseract's (block, paragraph, line).

    A line with one wide gap (two header columns side by side, "Số: …" left and the
    place-date right) is split in two; consecutive such lines are read left column first.
    """
    lines = []
    heights = sorted(w.bbox[3] - w.bbox[1] for words in grouped.values() for w in words)
    usual = heights[len(heights) // 2] if heights else 0.0
    for (block, par, _), words in grouped.items():
        words = _drop_specks(words)
        if words and not _stray_mark(words, usual):
            lines.append([_make_line(part, block, par) for part in _split_columns(words)])
    return _column_order(lines)


_ALNUM_RE = re.compile(r"[\p{L}\p{N}]")
LEADING_NOISE_RE = re.compile(r"[„‚'\"`´‘’“”,.·:;]+")
LEADING_NOISE_BEFORE_DIGIT_RE = re.compile(r"[„‚'\"`´‘’“”,.·:;]+(?=\d)")
UNDERSCORE_BEFORE_DASH_RE = re.compile(
    r"_+(?=[-–—+•*])"
)  # "_- Chỉ số 7.1.1": a speck read on the line's foot


def _drop_specks(words: list[OcrWord]) -> list[OcrWord]:
    """Drop specks of noise read as punctuation: no letter or digit, and a hair wide or a faint dot."""
    heights = sorted(w.bbox[3] - w.bbox[1] for w in words)
    line_height = heights[len(heights) // 2]
    kept = []
    for i, w in enumerate(words):
        if i == 0 and len(words) > 1 and LEADING_NOISE_RE.fullmatch(w.text):
            continue  # a mark before a line's first word ("„ 4. Về …") is a speck of the scan, never content
        if i == 0 and (
            stuck := LEADING_NOISE_BEFORE_DIGIT_RE.match(w.text) or UNDERSCORE_BEFORE_DASH_RE.match(w.text)
        ):
            w = OcrWord(
                w.text[stuck.end() :], w.bbox, w.conf
            )  # "„4." -> "4.": same speck, stuck to the number
        width, height = w.bbox[2] - w.bbox[0], w.bbox[3] - w.bbox[1]
        if not _ALNUM_RE.search(w.text) and (
            width < SPECK_PT or (w.conf < 60 and height < 0.3 * line_height)
        ):
            continue
        kept.append(w)
    return kept


def _stray_mark(words: list[OcrWord], usual_height: float) -> bool:
    """A line of one unsure mark of a letter or two, far lower than the page's words: a tone mark or
    a horn read apart from the line below it ("Z" over "nước")."""
    if len(words) != 1 or len(words[0].text) > 2 or words[0].conf >= STRAY_MARK_CONF:
        return False
    return words[0].bbox[3] - words[0].bbox[1] < 0.4 * usual_height


def _make_line(words: list[OcrWord], block: int, par: int) -> OcrLine:
    bbox = (
        min(w.bbox[0] for w in words),
        min(w.bbox[1] for w in words),
        max(w.bbox[2] for w in words),
        max(w.bbox[3] for w in words),
    )
    text = " ".join(w.text for w in words)
    if text[1:2] == " " and text[3:4] == " ":  # "B Á O …": maybe a letter-spaced title, a word per letter
        gaps = [b.bbox[0] - a.bbox[2] for a, b in itertools.pairwise(words)]
        text = join_spaced_by_gaps([w.text for w in words], gaps) or text
    return OcrLine(text, bbox, tuple(words), block, par)


def _split_columns(words: list[OcrWord]) -> list[list[OcrWord]]:
    """The words of a line, split at its one gap that is far wider than the others."""
    if len(words) < 2:
        return [words]
    gaps = [b.bbox[0] - a.bbox[2] for a, b in itertools.pairwise(words)]
    height = max(w.bbox[3] - w.bbox[1] for w in words)
    wide = [i for i, g in enumerate(gaps) if g >= max(24.0, 2 * height)]
    if len(wide) != 1:
        return [words]
    others = sorted(g for i, g in enumerate(gaps) if i != wide[0])
    typical = others[len(others) // 2] if others else 0.0
    if gaps[wide[0]] < 4 * max(typical, 1.0):
        return [words]
    return [words[: wide[0] + 1], words[wide[0] + 1 :]]


def _column_order(lines: list[list[OcrLine]]) -> list[OcrLine]:
    """Flatten split lines; a run of split lines whose gaps overlap is read column by column."""
    out: list[OcrLine] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) != 2:
            out.extend(lines[i])
            i += 1
            continue
        run = [lines[i]]
        gap = (lines[i][0].bbox[2], lines[i][1].bbox[0])
        j = i + 1
        while j < len(lines) and len(lines[j]) == 2:
            g = (lines[j][0].bbox[2], lines[j][1].bbox[0])
            if g[0] >= gap[1] or g[1] <= gap[0]:
                break
            gap = (max(gap[0], g[0]), min(gap[1], g[1]))
            run.append(lines[j])
            j += 1
        out.extend(pair[0] for pair in run)
        out.extend(pair[1] for pair in run)
        i = j
    return out


# an indicator's code with its dot read as a colon: "Chỉ số 7:3 (Cung cấp dịch vụ công trực tuyến)"
_CODE_COLON_RE = re.compile(
    r"(?<=\b(?:Mục|Chỉ\s+số|Chỉ\s+tiêu|thành\s+phần|TCTP|TC)\s{1,3})(?P<a>\d{1,2}):(?P<b>\d{1,2})(?![\d/,])", re.I
)


def _repair_code_colon(text: str, repairs: list[tuple[str, str, str]]) -> str:
    """``text`` with "Chỉ số 7:3" read as "Chỉ số 7.3" (the repair noted in ``repairs``)."""

    def dot(m: re.Match[str]) -> str:
        repairs.append((m[0], f"{m['a']}.{m['b']}", "':' read for the dot of an indicator's code"))
        return f"{m['a']}.{m['b']}"

    return _CODE_COLON_RE.sub(dot, text)


def blocks_from_ocr_lines(
    lines: list[OcrLine], page: int, warnings: list[str] | None = None, first_line: int = 1
) -> list[Block]:
    """Blocks of one page from its OCR lines, with numbers repaired and page/line/bbox provenance.

    Where Tesseract starts a new block or paragraph, a block starts if the line is indented,
    is not right below the previous one (a gap or another column) or starts a block by the
    text reader's heuristics; Tesseract splits paragraphs in noisy scans. Inside one paragraph,
    a line starts a block when those heuristics say so for a reason other than the previous
    line ending a sentence. A lone page number (alone in its Tesseract block) is dropped.
    """
    texts = []
    for lineno, line in enumerate(lines, start=1):
        text, repairs = repair_ocr_numbers(line.text)
        if ":" in text:
            text = _repair_code_colon(text, repairs)
        if warnings is not None:
            for original, repaired, reason in repairs:
                warnings.append(
                    f"page {page} line {lineno}: OCR {original!r} read as {repaired!r} ({reason})"
                )
        texts.append(text)
    block_sizes: dict[int, int] = {}
    for line in lines:
        block_sizes[line.block] = block_sizes.get(line.block, 0) + 1
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if block_sizes[line.block] == 1 and PAGE_NUMBER_RE.match(texts[i]):
            if warnings is not None:
                warnings.append(
                    f"page {page} line {first_line + i}: dropped page number {texts[i].strip()!r}"
                )
            continue
        if not groups:
            groups.append([i])
            continue
        j = groups[-1][-1]
        prev = texts[j]
        if (line.block, line.par) != (lines[j].block, lines[j].par):
            indented = line.bbox[0] > lines[j].bbox[0] + INDENT_PT
            height = lines[j].bbox[3] - lines[j].bbox[1]
            gap = line.bbox[1] - lines[j].bbox[3]
            new = indented or not -height < gap <= 0.8 * height or starts_block(texts[i], prev)
            if new and line.bbox[0] > lines[j].bbox[2] and line.bbox[1] < lines[j].bbox[1]:
                new = not goes_on_in_next_column(prev, texts[i])  # the top of the next column
        else:  # a wrapped line starts left of where the line above it ended: one starting right of it is another
            new = line.bbox[0] > lines[j].bbox[2] or starts_block(texts[i], SENTENCE_END_RE.sub("", prev).rstrip() or prev)
            # a criterion's heading ("Tiêu chí 2: …") after a full stop, which Tesseract put in the paragraph above
            new = new or bool(CRITERION_WORD_RE.match(texts[i].lstrip()) and SENTENCE_END_RE.search(prev))
        if new:
            groups.append([i])
        else:
            groups[-1].append(i)
    blocks = []
    for group in groups:
        text = ""
        prov_lines: list[tuple[int, Provenance]] = []
        for i in group:
            line_text = texts[i].strip()
            if text:  # a word a hyphen cut at the line's end is joined again ("Xu-" / "ất sắc")
                text = text[:-1] if rejoins_cut_word(text, line_text) else text + " "
            prov_lines.append((len(text), Provenance(page=page, line=first_line + i, bbox=lines[i].bbox)))
            text += line_text
        kind, level = classify(text)
        blocks.append(Block(kind=kind, text=text, prov=prov_lines[0][1], lines=prov_lines, level=level))
    return blocks


def render_dpi(page: object) -> int:
    """Resolution to render a page at: a full-page scan image's own resolution (kept within
    200-400 dpi, so nothing is resampled needlessly), else :data:`DPI`."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()  # type: ignore[attr-defined]
    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):  # type: ignore[attr-defined]
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) < 0.5 * width * height or right <= left:
            continue
        px_w, _ = obj.get_px_size()
        best = max(best, px_w * 72 / (right - left))
    return int(min(400, max(200, round(best)))) if best else DPI


def render_page_image(pdf: object, index: int) -> tuple[Image, float]:
    """Grey image of page ``index`` (0-based) of an open pypdfium2 document, and its scale (pixels per point)."""
    page = pdf[index]  # type: ignore[index]
    try:
        scale = render_dpi(page) / 72
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    finally:
        page.close()
    return image, scale


@dataclass(slots=True)
class ScannedPage:
    """What OCR read on one page: the lines outside tables, the ruled tables, and what went wrong."""

    lines: list[OcrLine]
    tables: list[FilledTable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    parts: list[ScannedPage] = field(default_factory=list)  # a sheet's pages side by side, in reading order


def read_page_image(image: Image, scale: float, lang: str, timeout: float, page: int) -> ScannedPage:
    """OCR of one rendered page: a sheet photographed in perspective straightened (:func:`paper_corners`), set
    upright when it lies turned a quarter (:func:`upright_page`); a sheet of two pages side by side
    (:func:`two_up_gutter`) read as its left page, then its right (``parts``)."""
    notes: list[str] = []
    corners = paper_corners(image)
    if corners is not None:  # a sheet photographed on a desk, in perspective
        image = flattened(image, corners)
        notes.append(f"page {page}: a photographed sheet, its perspective straightened")
    image = upright_page(image, scale, timeout, page, notes)
    cut = two_up_gutter(image)
    if cut is None:
        return _read_upright(image, scale, lang, timeout, page, notes)
    notes.append(f"page {page}: two pages on one sheet, read left page first")
    left = _read_upright(image.crop((0, 0, cut, image.height)), scale, lang, timeout, page, [])
    right = _shifted(_read_upright(image.crop((cut, 0, image.width, image.height)), scale, lang, timeout, page, []),
                     cut / scale)  # fmt: skip
    return ScannedPage([*left.lines, *right.lines], [*left.tables, *right.tables],
                       [*notes, *left.warnings, *right.warnings], parts=[left, right])  # fmt: skip


def _shifted(part: ScannedPage, dx: float) -> ScannedPage:
    """``part`` with its boxes moved ``dx`` points right (the right page of a sheet, read from its own crop)."""

    def box(b: BBox) -> BBox:
        return (b[0] + dx, b[1], b[2] + dx, b[3])

    lines = [OcrLine(ln.text, box(ln.bbox), tuple(OcrWord(w.text, box(w.bbox), w.conf) for w in ln.words),
                     ln.block, ln.par) for ln in part.lines]  # fmt: skip
    tables = [FilledTable(box(t.bbox), t.rows, [box(r) for r in t.row_boxes]) for t in part.tables]
    return ScannedPage(lines, tables, part.warnings)


def _read_upright(image: Image, scale: float, lang: str, timeout: float, page: int, notes: list[str]) -> ScannedPage:
    """OCR of an upright page: ruled tables found in the image (turned straight first when the page lies askew, see
    :func:`page_tables`); their cells read as strips (one cell a line); the rest of the page, tables blanked out,
    read once with automatic layout."""
    grids: list[CellGrid] = []
    rules: list[Rule] = []
    try:
        image, rules, grids = page_tables(image, scale)
    except Exception as exc:  # noqa: BLE001 - a failed table search must not lose the page's text
        notes.append(f"page {page}: table search failed ({type(exc).__name__})")
    dpi = round(scale * 72)
    if not grids:
        grouped = tsv_words(tesseract_tsv(_pnm(image), lang, dpi, PSM, timeout), scale)
        reread_unsure_lines(image, grouped, scale, lang, timeout)
        return ScannedPage(lines_from_words(grouped), [], notes)
    clean = paint_out(image, grid_rules(rules, grids, scale), scale * 72)
    tables: list[FilledTable] = []
    outside = clean.copy()
    for grid in grids:
        tables.append(read_grid(clean, grid, scale, lang, timeout))
        outside.paste(255, table_box_px(grid, scale, clean.size))
    grouped = tsv_words(tesseract_tsv(_pnm(outside), lang, dpi, PSM, timeout), scale)
    reread_unsure_lines(outside, grouped, scale, lang, timeout)
    return ScannedPage(lines_from_words(grouped), tables, notes)


def upright_page(image: Image, scale: float, timeout: float, page: int, notes: list[str]) -> Image:
    """The page turned upright when it lies turned a quarter (a landscape page fed portrait, a table
    drawn turned): only a page whose ink runs in columns (:func:`may_lie_turned`, ~8 ms) is shown to
    Tesseract's orientation detection (1-2 s); an upright page pays for the ink test alone."""
    from PIL import Image as PILImage

    if not may_lie_turned(image, scale * 72):
        return image
    if "osd" not in tesseract_languages():
        notes.append(f"page {page}: may lie turned a quarter; install tesseract-ocr-osd to read it upright")
        return image
    clockwise = page_turn(image, scale, timeout)
    if clockwise == 90:
        notes.append(f"page {page}: read turned a quarter clockwise (its text ran bottom to top)")
        return image.transpose(PILImage.Transpose.ROTATE_270)
    if clockwise == 270:
        notes.append(f"page {page}: read turned a quarter counter-clockwise (its text ran top to bottom)")
        return image.transpose(PILImage.Transpose.ROTATE_90)
    return image


_ROTATE_RE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_TURN_CONFIDENCE_RE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def page_turn(image: Image, scale: float, timeout: float) -> int:
    """Degrees clockwise Tesseract's orientation detection (osd.traineddata) would turn the page by
    to set it upright, 0 when it is unsure or cannot tell (too few letters)."""
    zoom = min(1.0, OSD_DPI / (scale * 72))
    small = image.resize((max(1, round(image.width * zoom)), max(1, round(image.height * zoom))))
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "0", "--dpi", str(round(scale * 72 * zoom))],
        input=_pnm(small),
        capture_output=True,
        timeout=timeout,
        env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        check=False,
    )
    out = proc.stdout.decode("utf-8", "replace")
    turn, sure = _ROTATE_RE.search(out), _TURN_CONFIDENCE_RE.search(out)
    if proc.returncode != 0 or turn is None or sure is None or float(sure.group(1)) < MIN_TURN_CONFIDENCE:
        return 0
    return int(turn.group(1))


def reread_unsure_lines(
    image: Image, grouped: dict[tuple[int, int, int], list[OcrWord]], scale: float, lang: str, timeout: float
) -> None:
    """Read again, cut out alone, each line with a word Tesseract is hardly sure of (under
    :data:`LINE_RETRY_CONF`; a short line beside another column's text can be misread whole in the
    page's layout pass: "85,71%)." as "N5„/ L5},"), and keep the reading it is clearly surer of."""
    for key, words in grouped.items():
        if min(w.conf for w in words) >= LINE_RETRY_CONF or not any(_ALNUM_RE.search(w.text) for w in words):
            continue
        x0, y0 = min(w.bbox[0] for w in words), min(w.bbox[1] for w in words)
        x1, y1 = max(w.bbox[2] for w in words), max(w.bbox[3] for w in words)
        pad = 0.25 * (y1 - y0)
        box = (
            max(0, round((x0 - 2 * pad) * scale)),
            max(0, round((y0 - pad) * scale)),
            min(image.size[0], round((x1 + 2 * pad) * scale)),
            min(image.size[1], round((y1 + pad) * scale)),
        )
        tsv = tesseract_tsv(_pnm(image.crop(box)), lang, round(scale * 72), LINE_PSM, timeout)
        again = [
            OcrWord(
                w.text,
                (
                    w.bbox[0] + box[0] / scale,
                    w.bbox[1] + box[1] / scale,
                    w.bbox[2] + box[0] / scale,
                    w.bbox[3] + box[1] / scale,
                ),
                w.conf,
            )
            for line in tsv_words(tsv, scale).values()
            for w in line
        ]
        if again and _clearly_surer(again, words):
            grouped[key] = again


def page_tables(image: Image, scale: float) -> tuple[Image, list[Rule], list[CellGrid]]:
    """The page image the tables are read from, their rules (pixels) and grids. A page turned a little
    (:func:`cchc.extractors.readers.deskew.deskewed`) is turned straight: askew, a rule breaks into short
    steps and the grid is lost. It stays straight only when tables are found on it: Tesseract reads a
    turned page's text lines as well as a straight one's, and a page without tables is read as it was."""
    straight, angle = deskewed(image)
    rules = find_rules(straight, scale * 72)
    grids = find_grids(rules, scale)
    if angle and not grids:
        return image, [], []
    return straight, rules, grids


def read_grid(image: Image, grid: CellGrid, scale: float, lang: str, timeout: float) -> FilledTable:
    """A ruled table's cells read in strips, cut at mid-grey; the cells Tesseract is unsure of (a word under
    :data:`RETRY_CONF`, or none though it has ink) read once more, cut near the paper's grey (:func:`strip_ink`), and the surer
    reading kept when Tesseract is clearly surer of it."""
    cell_words = read_cells(image, grid, scale, lang, timeout)
    cells = {(r, c) for r, (_, row) in enumerate(grid.rows) for c, cell in enumerate(row) if cell is not None}
    doubtful = {key for key in cells if _certainty(cell_words.get(key, [])) < RETRY_CONF}  # nothing read too
    near_paper = strip_ink(image.crop(table_box_px(grid, scale, image.size)))
    if doubtful and near_paper != ocr_tables.STRIP_INK:
        again = read_cells(image, grid, scale, lang, timeout, near_paper, doubtful, apart=True)
        for key in doubtful:
            if _clearly_surer(again.get(key, []), cell_words.get(key, [])):
                cell_words[key] = again[key]
    return filled_table(grid, cell_words)


def read_cells(
    image: Image,
    grid: CellGrid,
    scale: float,
    lang: str,
    timeout: float,
    ink: int = ocr_tables.STRIP_INK,
    only: set[tuple[int, int]] | None = None,
    apart: bool = False,
) -> dict[tuple[int, int], list[OcrWord]]:
    """The words of the grid's cells (``only`` these, when given), cut out at grey level ``ink`` (narrow
    and wide cells read ``apart``, see :func:`cell_strips`)."""
    dpi = round(scale * 72 * ocr_tables.strip_zoom(scale))
    cell_words: dict[tuple[int, int], list[OcrWord]] = {}
    for strip, placed in cell_strips(image, grid, scale, ink, only, apart):
        tsv = tesseract_tsv(_pnm(strip), lang, dpi, TABLE_PSM, timeout)
        words = [w for line in tsv_words(tsv, 1.0).values() for w in line]
        for key, found in words_to_cells(words, placed, scale).items():
            cell_words.setdefault(key, []).extend(found)
    return cell_words


def _clearly_surer(again: list[OcrWord], first: list[OcrWord]) -> bool:
    """Whether a cell's second reading replaces its first: Tesseract is fairly sure of it and surer than
    of the first, or far surer (cut near the paper, a blurred scan's digits thicken and may be misread
    with a confidence a little above the first reading's), or the first is a number cut short ("5,"
    for 5,5) and the second is not."""
    if _cut_short(first) and again and not _cut_short(again):
        return True
    gain = _certainty(again) - _certainty(first)
    return gain >= RETRY_LEAP or (_certainty(again) >= RETRY_SURE and gain >= RETRY_GAIN)


_CUT_SHORT_RE = re.compile(r"\d+[,.]")


def _cut_short(words: list[OcrWord]) -> bool:
    """A cell read as one number ending in its decimal separator ("5,"): a digit was lost."""
    return len(words) == 1 and _CUT_SHORT_RE.fullmatch(words[0].text) is not None


def _certainty(words: list[OcrWord]) -> float:
    """How sure Tesseract is of a cell: its least sure word's confidence (-1 for no words)."""
    return min((w.conf for w in words), default=-1.0)


def _pnm(image: Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PPM")
    return buf.getvalue()


def ocr_page_content(
    path: Path, page_numbers: list[int], settings: Settings = DEFAULT_SETTINGS
) -> list[ScannedPage]:
    """What OCR reads on each requested page (1-based), in order: lines (word boxes kept) and ruled tables."""
    import pypdfium2 as pdfium

    lang = settings.ocr_language
    if not ocr_available(lang):
        raise OcrUnavailableError(str(path))
    from cchc.extractors.readers.pdf import PDFIUM_LOCK

    try:
        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(str(path), f"PDF cannot be opened for OCR ({exc})") from exc
    results: list[ScannedPage | None] = [None] * len(page_numbers)
    try:
        n_pages = len(pdf)
        for number in page_numbers:
            if not 1 <= number <= n_pages:
                raise CorruptFileError(str(path), f"page {number} is not in the PDF ({n_pages} pages)")
        timeout = max(30.0, settings.max_seconds_per_document)
        # pdfium is not thread-safe: pages are rendered here, at most WORKERS ahead of the
        # tesseract workers (a rendered page is ~4-9 MB).
        with ThreadPoolExecutor(max_workers=max(1, min(WORKERS, len(page_numbers)))) as pool:
            pending: deque[tuple[int, Future[ScannedPage]]] = deque()
            for i, number in enumerate(page_numbers):
                with PDFIUM_LOCK:  # pdfium is not thread-safe; the reader's lock is re-entrant
                    image, scale = render_page_image(pdf, number - 1)
                future = pool.submit(read_page_image, image, scale, lang, timeout, number)
                pending.append((i, future))
                while len(pending) > WORKERS or (pending and i == len(page_numbers) - 1):
                    done, future = pending.popleft()
                    results[done] = _result(future, path, page_numbers[done])
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    return [r or ScannedPage([]) for r in results]


def ocr_page_lines(
    path: Path, page_numbers: list[int], settings: Settings = DEFAULT_SETTINGS
) -> list[list[OcrLine]]:
    """OCR lines (word boxes kept) outside ruled tables, of each requested page (1-based), in order."""
    return [page.lines for page in ocr_page_content(path, page_numbers, settings)]


def _result(future: Future[ScannedPage], path: Path, page: int) -> ScannedPage:
    try:
        return future.result()
    except subprocess.TimeoutExpired as exc:
        raise LimitExceededError(str(path), f"OCR of page {page} took over {exc.timeout:.0f} s") from exc
    except (RuntimeError, OSError) as exc:
        raise InputError(str(path), f"OCR of page {page} failed: {exc}") from exc


def ocr_pages(
    path: Path,
    page_numbers: list[int],
    settings: Settings = DEFAULT_SETTINGS,
    warnings: list[str] | None = None,
) -> list[list[Block]]:
    """One list of blocks per requested page (1-based page numbers), read by OCR.

    Ruled tables become table blocks (as the PDF reader makes them); a table that ends one page
    and opens the next is one block, listed with the page it starts on. Raises
    :class:`OcrUnavailableError` when tesseract or the language model is missing. Number repairs,
    dropped page numbers and failed table searches are appended to ``warnings`` when given.
    """
    pages = ocr_page_content(Path(path), page_numbers, settings)
    out: list[list[Block]] = []
    tail: tuple[Block, TableRegion] | None = None  # the table that ended the previous page
    previous = None
    for number, page in zip(page_numbers, pages, strict=True):
        if warnings is not None:
            warnings.extend(page.warnings)
        items = page_items(page, number, warnings)
        if tail and previous == number - 1 and items and (first := items[0][1]) is not None:
            if _continue_table(tail[0], first):
                items.pop(0)
                if not items:  # the whole page continues the table
                    out.append([])
                    tail, previous = (tail[0], first), number
                    continue
        out.append([block for block, _ in items])
        last = items[-1] if items else None
        tail = (last[0], last[1]) if last is not None and last[1] is not None else None
        previous = number
    return out


def page_items(
    page: ScannedPage, number: int, warnings: list[str] | None = None, first_line: int = 1
) -> list[tuple[Block, TableRegion | None]]:
    """The blocks of one page top to bottom, each table block with its region; lines and table rows
    are numbered top to bottom (a sheet of two pages: its left page's, then its right page's)."""
    if page.parts:
        sheet: list[tuple[Block, TableRegion | None]] = []
        for part in page.parts:
            sheet.extend(page_items(part, number, warnings, first_line))
            first_line += len(part.lines) + sum(len(t.rows) for t in part.tables)
        return sheet
    tables = sorted(
        (TableRegion(number, t.bbox, t.rows, t.row_boxes) for t in page.tables), key=lambda t: t.bbox[1]
    )
    for table in tables:
        for row in table.rows:
            for c, text in enumerate(row):
                row[c] = _repaired_cell(text, number, warnings)
        for c in range(max(map(len, table.rows), default=0)):
            column = [row[c] if c < len(row) else "" for row in table.rows]
            for r, (fixed, (original, _, reason)) in repair_rank_column(column).items():
                table.rows[r][c] = fixed
                if warnings is not None:
                    warnings.append(
                        f"page {number}: OCR table cell {original!r} read as {fixed!r} ({reason})"
                    )
    segments: list[list[OcrLine]] = [[] for _ in range(len(tables) + 1)]
    for line in page.lines:
        middle = (line.bbox[1] + line.bbox[3]) / 2
        segments[sum(1 for t in tables if t.bbox[1] <= middle)].append(line)
    items: list[tuple[Block, TableRegion | None]] = []
    for k, lines in enumerate(segments):
        items.extend((b, None) for b in blocks_from_ocr_lines(lines, number, warnings, first_line))
        first_line += len(lines)
        if k < len(tables):
            table = tables[k]
            table.row_numbers = list(range(first_line, first_line + len(table.rows)))
            first_line += len(table.rows)
            items.append((_table_block(table), table))
    return items


def _repaired_cell(text: str, page: int, warnings: list[str] | None) -> str:
    fixed, repairs = repair_ocr_cell(text)
    if warnings is not None:
        for original, repaired, reason in repairs:
            warnings.append(f"page {page}: OCR table cell {original!r} read as {repaired!r} ({reason})")
    return fixed


def _continue_table(block: Block, more: TableRegion) -> bool:
    """Join ``more`` (the table opening a page) to ``block`` (the table ending the previous one) when
    it has the same columns; header rows repeated on the new page are not repeated."""
    assert block.rows is not None
    if len(more.rows[0]) != len(block.rows[0]):
        return False
    start = 0
    while start < min(len(more.rows), len(block.rows)) - 1 and _same_row(more.rows[start], block.rows[start]):
        start += 1
    _append_rows(block, more, start)
    return True


def _same_row(a: list[str], b: list[str]) -> bool:
    return [" ".join(c.casefold().split()) for c in a] == [" ".join(c.casefold().split()) for c in b]


__all__ = [
    "OcrLine",
    "OcrUnavailableError",
    "OcrWord",
    "ScannedPage",
    "ocr_available",
    "ocr_page_content",
    "ocr_page_lines",
    "ocr_pages",
]
