"""Pictures in a DOCX body that may hold a table (a spreadsheet's criteria table pasted as a screenshot),
read with the scan reader's table OCR and put in the document where the picture stands.

Decided from cheap facts first, so that a DOCX without such a picture decodes no image and runs no OCR:
the picture's printed size (``wp:extent``: a table spans most of the text's width; a logo, a seal, a
signature or an icon is a few centimetres), its place (in a body paragraph of its own, after the report's
opening), the report's text stating no criteria of its own, and only then the image's pixel size (read from
its header). A picture whose OCR finds no ruled table adds nothing; every picture given to OCR, and every one
that passed the cheap tests but could not be read, is named in a warning.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re
from lxml import etree

from cchc.extractors.document import Block, BlockKind, Provenance

if TYPE_CHECKING:  # Pillow is imported only when a picture is read
    from PIL.Image import Image as PilImage

EMU_PER_CM = 360_000
EMU_PER_POINT = 12_700
MIN_WIDTH_CM = 9.0  # a table pasted in the body spans most of the text's ~16 cm; a seal or a logo is ~3-5 cm
MIN_HEIGHT_CM = 1.5  # a header row and a few rows
MIN_BLOCKS_BEFORE = 6  # the national motto, number, date and title stand above it: no letterhead banner
MIN_PIXELS = (500, 120)  # a screenshot of a table is at least this wide and high
OCR_DPI = 300  # a low-resolution screenshot is enlarged to this before OCR (as the scans are rendered)
MIN_DPI = 200
MAX_PIXELS = 40_000_000  # a screenshot of a table is far smaller; a poster-sized picture is not read
OCR_TIMEOUT = 60.0  # seconds for one Tesseract run
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CRITERIA_HEADER_RE = re.compile(r"điểm|tiêu\s+chí|lĩnh\s+vực", re.I)
# a criterion's heading with its score: "2. Cải cách thể chế: 5,5/6 điểm" (an indicator's "- 1.2 …: 2/2 điểm" is none)
_CRITERION_SCORE_RE = re.compile(r"^\s*\d{1,2}\s*[.)]\s+\D[^\n]*?\d\s*/\s*\d+(?:[.,]\d+)?\s*điểm", re.I)


@dataclass
class Picture:
    """A picture that may hold a table: where it stands (blocks before it, its body paragraph) and its part."""

    position: int
    paragraph: int
    part: str
    width_emu: int
    height_emu: int


def picture_in(p: etree._Element, rel_ids: dict[str, str]) -> tuple[str, int, int] | None:
    """(part, width, height in EMU) of the one picture a paragraph holds when it is printed large enough to hold
    a table; None for a small picture (a logo, a seal, a signature, an icon) or a paragraph without one."""
    extent = blip = None
    for el in p.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.endswith("}extent") and extent is None:
            extent = el
        elif tag.endswith("}blip") and blip is None:
            blip = el.get(f"{{{R_NS}}}embed") or next(
                (v for k, v in el.attrib.items() if k.endswith("}embed")), None
            )
    if extent is None or blip is None or blip not in rel_ids:
        return None
    cx, cy = _emu(extent.get("cx")), _emu(extent.get("cy"))
    if cx < MIN_WIDTH_CM * EMU_PER_CM or cy < MIN_HEIGHT_CM * EMU_PER_CM:
        return None
    return rel_ids[blip], cx, cy


def _emu(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def states_criteria(blocks: list[Block]) -> bool:
    """Whether the text already states criteria: a table of five rows or more with a score column, or five
    criterion headings with their "x/y điểm"; then a picture is an illustration, not the criteria."""
    for block in blocks:
        if block.kind == BlockKind.TABLE and block.rows and len(block.rows) >= 5:
            if _CRITERIA_HEADER_RE.search(" ".join(block.rows[0])):
                return True
    return sum(1 for b in blocks if b.kind != BlockKind.TABLE and _CRITERION_SCORE_RE.match(b.text)) >= 5


def read_pictures(
    pictures: list[Picture],
    blocks: list[Block],
    get: Callable[[str], bytes | None],
    lang: str,
    warnings: list[str],
) -> None:
    """Each picture's ruled tables read by OCR and inserted in ``blocks`` where the picture stands."""
    from cchc.extractors.readers.ocr import ocr_available

    if not pictures or states_criteria(blocks):
        return
    if not ocr_available(lang):
        warnings.append(
            f"{len(pictures)} picture(s) that may hold a table not read: OCR ({lang}) is not available"
        )
        return
    for number, picture in reversed(list(enumerate(pictures, 1))):
        notes: list[str] = []
        found = _picture_tables(picture, get(picture.part), lang, notes)
        if isinstance(found, str):
            what = f"not read: {found}"
        else:
            blocks[picture.position : picture.position] = found
            rows = ", ".join(str(len(b.rows or [])) for b in found)
            what = (
                f"read by OCR as a table (rows: {rows}); its cells are OCR's reading"
                if found
                else "read by OCR: no ruled table in it"
            )
        named = [
            f"picture {number}: {note.removeprefix('page 1: ')}" for note in notes
        ]  # e.g. read turned upright
        warnings[0:0] = [f"picture {number} ({picture.part}, paragraph {picture.paragraph}) {what}", *named]


def _picture_image(picture: Picture, data: bytes | None) -> tuple[PilImage, float] | str:
    """The picture in grey, enlarged to :data:`OCR_DPI` when its printed resolution is under :data:`MIN_DPI`,
    and its resolution; or why it is not read."""
    from PIL import Image, UnidentifiedImageError

    if data is None:
        return "its part is missing"
    try:
        image = Image.open(io.BytesIO(data))
        if image.size[0] < MIN_PIXELS[0] or image.size[1] < MIN_PIXELS[1]:
            return f"{image.size[0]}x{image.size[1]} pixels, too few for a table"
        if image.size[0] * image.size[1] > MAX_PIXELS:
            return f"{image.size[0]}x{image.size[1]} pixels, over {MAX_PIXELS}"
        gray = image.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return "not an image Pillow decodes"
    dpi = gray.size[0] / (picture.width_emu / EMU_PER_POINT) * 72
    if dpi < MIN_DPI:
        factor = OCR_DPI / dpi
        size = (round(gray.size[0] * factor), round(gray.size[1] * factor))
        return gray.resize(size, Image.Resampling.LANCZOS), OCR_DPI
    return gray, dpi


def _picture_tables(picture: Picture, data: bytes | None, lang: str, notes: list[str]) -> list[Block] | str:
    """The TABLE blocks OCR reads in the picture, each pointing at the picture's paragraph, and OCR's notes on
    it in ``notes``; or why none."""
    from cchc.extractors.readers.ocr import page_items, read_page_image

    got = _picture_image(picture, data)
    if isinstance(got, str):
        return got
    gray, dpi = got
    try:
        page = read_page_image(gray, dpi / 72, lang, OCR_TIMEOUT, 1)
    except Exception as exc:  # noqa: BLE001 - a picture OCR cannot read must not lose the document
        return f"OCR failed ({type(exc).__name__})"
    notes.extend(page.warnings)
    prov = Provenance(paragraph=picture.paragraph)
    tables = [block for block, region in page_items(page, 1) if region is not None and block.rows]
    for block in tables:
        block.prov = prov
        block.lines = [(offset, prov) for offset, _ in block.lines]
    return tables
