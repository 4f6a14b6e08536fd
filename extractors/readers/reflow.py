"""DOCX made by PDF-to-Word converters: paragraphs that are printed lines, re-flowed into blocks.

A converter writes one paragraph per printed line, or paragraphs broken in mid-sentence ("… Xếp" /
"thứ 5/19 …"), or a heading sharing a paragraph with the text before or after it ("… nhiệm vụ.
I. KẾT QUẢ … 1. Về công tác chỉ đạo, điều hành:12,7/15 điểm …"). Such a document is recognised by
its many paragraphs that stop in mid-sentence while the next goes on in lower case (a report
written in Word has none or one); its body paragraphs are then cut before the headings and items
inside them and re-flowed with the text reader's rules, as the lines of a PDF are.
"""

from __future__ import annotations

import itertools

import regex as re

from cchc.extractors.document import Block, BlockKind, Provenance
from cchc.extractors.framework import generic_framework
from cchc.extractors.layout import (
    BRACKET_NUMBER_RE,
    CRITERION_WORD,
    CRITERION_WORD_RE,
    LETTER_ITEM_RE,
    PAGE_NUMBER_RE,
    PART_START,
    SENTENCE_END_RE,
    classify,
    is_all_caps,
    numbering,
    rejoin_split_syllables,
    split_code_items,
    split_letter_sections,
    split_ordinal_openings,
    split_page_number_before_heading,
)
from cchc.extractors.locale_vi import PLACE_NAME_DASHED
from cchc.extractors.readers.text import blocks_from_lines

MIN_BROKEN = 2  # paragraphs that stop in mid-sentence ...
MIN_BROKEN_SHARE = 0.1  # ... and their share of the pairs of adjacent paragraphs
BOLD_HEADING_MAX_CHARS = 200
CONVERTED_WARNING = "paragraphs re-flowed as printed lines (a DOCX made by a PDF-to-Word converter)"

# a heading's number (or letter) just before: what follows is its title, not a heading of its own
_OWN_NUMBER_BEFORE_RE = re.compile(r"(?:^|\s)(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[a-zđ])\s*[.)/:–-]?\s*$")
# … or by its title alone, its score right after the colon ("Về cải cách thể chế : 5/5 điểm", held-out round 8's form;
# "Cải cách thể chế : 5/5 điểm"), when the title is a criterion's in the generic framework
_SCORE_AFTER_COLON = r"\s*:\s*(?:đạt\s+)?\d{1,3}(?:[.,]\d{1,3})?\s*/\s*\d"
_TITLE_WITH_SCORE = rf"(?:\(\d{{1,2}}\)\s*)?\p{{Lu}}[^.;:]{{3,150}}?{_SCORE_AFTER_COLON}"  # "(2) Về cải cách thể chế: …" too
_TITLE_WITH_SCORE_RE = re.compile(rf"(?:\(\d{{1,2}}\)\s*)?(?P<title>\p{{Lu}}[^.;:]{{3,150}}?){_SCORE_AFTER_COLON}")
# A heading number or bullet inside a paragraph: "I. KẾT", "1. Về", "1.1. Các", "3.2) Các", "- Mục".
_INNER_START_RE = re.compile(
    r"(?<=\S)\s+(?=(?:(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)/–-])\s+|[-+•*]\s*)\p{Lu}"
    rf"|{CRITERION_WORD}|(?<=[.;!?]\s+){_TITLE_WITH_SCORE}"  # "… NĂM 2022 Tiêu chí 1: Công tác chỉ đạo …"
    r"|(?<=[.!?]\s+)\(\d{1,2}\)\s*\p{Lu}"  # "… 40,53%. (4) Về cải cách tổ chức bộ máy …": after a full stop only
    r"|[a-zđ]\)\s+\p{Lu})"  # "… so với năm 2021. b) Về cải cách thể chế …": legal lettering
)
# A bullet naming an indicator by its number ("- Mục 1.3 (…)", "- Chỉ số 7.1.7"): an item even where
# the text before it does not end a sentence ("… đúng quy định - Mục 1.3 …").
# The closing sentence every administrative report ends its body with ("Trên đây là Báo cáo …", the
# form of Nghị định 30/2020/NĐ-CP): a block of its own, after the last paragraph's sentence end.
_CLOSING_START_RE = re.compile(r"(?<=[.;!?…])\s+(?=Trên\s+đây\s+là\b)")
_ITEM_LABEL_RE = re.compile(r"^[-+•]\s*\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?\s+\d{1,2}(?:\.\d{1,2})+")


def _body(block: Block) -> bool:
    """A block made of one body paragraph (not a table, a layout-table cell or a styled heading)."""
    return (
        block.kind is not BlockKind.TABLE
        and block.prov.paragraph is not None
        and block.prov.table is None
        and not (block.style or "").lower().startswith(("heading", "title"))
    )


def _breaks_mid_sentence(first: Block, second: Block) -> bool:
    """``second`` goes on with the sentence ``first`` left open ("… Xếp" / "thứ 5/19 …"); a numbered
    or lettered item ("b) ý hai", Word numbering) starts its own paragraph."""
    text = second.text
    if SENTENCE_END_RE.search(first.text) or second.label is not None or LETTER_ITEM_RE.match(text):
        return False
    if text[0].isdigit():  # "… năm" / "2021 của UBND xã …"; "I. KẾT QUẢ" / "1. Về …" is an outline
        return numbering(text) is None and not is_all_caps(first.text)
    return text[0].islower() or text[0] in "/,.;:)%"


def looks_converted(blocks: list[Block]) -> bool:
    """Whether adjacent body paragraphs often break in mid-sentence, as a converter's printed lines do."""
    pairs = broken = 0
    for a, b in itertools.pairwise(blocks):
        if not (_body(a) and _body(b)):
            continue
        pairs += 1
        broken += _breaks_mid_sentence(a, b)
    return broken >= MIN_BROKEN and broken >= MIN_BROKEN_SHARE * pairs


def split_header(text: str) -> list[str]:
    """Cut a converter's merged header paragraph at the lines of the form every administrative document
    opens with (Nghị định 30/2020/NĐ-CP): the national name, the motto, "Số:", "<place>, ngày …", "BÁO CÁO"."""
    if not any(word in text for word in _HEADER_CUT_WORDS):  # no cut without one: the text as one part
        return [text.strip()] if text.strip() else []
    return [part.strip() for part in _HEADER_CUT_RE.split(text) if part and part.strip()]


def split_header_blocks(blocks: list[Block]) -> list[Block]:
    """A Word header typed as lines with tabs ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI …"): each of the first
    paragraphs that holds several of the form's lines becomes a block per line, in the same paragraph."""
    out: list[Block] = []
    for block in blocks:
        parts = split_header(block.text) if _body(block) and (block.prov.paragraph or 0) < HEADER_PARAGRAPHS else []
        if len(parts) < 2:
            out.append(block)
            continue
        for part in parts:
            kind, level = classify(part)
            out.append(Block(kind=kind, text=part, prov=block.prov, lines=[(0, block.prov)], style=block.style,
                             bold=block.bold, level=level))
    return out


def split_inner_starts(text: str, seen: set[str] | None = None, *, header: bool = False) -> list[str]:
    """Cut a paragraph before each heading number or bullet inside it that follows a sentence end or
    a heading in capitals ("… nhiệm vụ. I. KẾT QUẢ …", "… NĂM 2022 1. Về …"), or whose number comes
    next in the outline so far (``seen``, updated here): "1. Công tác chỉ đạo 2. Cải cách thể chế".
    A ``header`` paragraph (one of the document's first) is first cut at the header's fixed lines."""
    if header:
        parts = split_header(text)
        if len(parts) > 1:
            return [piece for part in parts for piece in split_inner_starts(part, seen)]
    seen = set() if seen is None else seen
    pieces: list[str] = []
    start = 0
    _remember(text, seen)
    for m in _INNER_START_RE.finditer(text):
        before = text[start : m.start()]
        rest = text[m.end() :]
        if rest[0] in "-+•*":
            if not (SENTENCE_END_RE.search(before) or _ITEM_LABEL_RE.match(rest)):
                continue
        elif (titled := _TITLE_WITH_SCORE_RE.match(rest)) and not CRITERION_WORD_RE.match(rest):
            # "6. Về Cải cách tài chính công: 5/6 điểm": the title goes with its number; "Kết quả: 0,5/1 điểm"
            # names no criterion and stays in its item
            if _OWN_NUMBER_BEFORE_RE.search(before) or generic_framework().match_title(titled["title"]) is None:
                continue
        elif BRACKET_NUMBER_RE.match(rest):
            pass  # its look-behind asked for a full stop before it
        elif CRITERION_WORD_RE.match(rest) or LETTER_ITEM_RE.match(rest):
            # "Tiêu chí 2:", "b)" after a finished sentence or a heading in capitals
            if not (SENTENCE_END_RE.search(before) or _caps_heading(before)):
                continue
        else:
            number = numbering(rest)
            if number is None or _CITED_RE.search(before):
                continue
            if not (SENTENCE_END_RE.search(before) or _caps_heading(before) or _comes_next(number[1], seen)):
                continue
            seen.add(number[1])
        pieces.append(before)
        start = m.end()
    pieces.append(text[start:])
    return [part for piece in pieces for part in _CLOSING_START_RE.split(piece) if part.strip()]


HEADER_PARAGRAPHS = 12  # the header of a converted document lies in its first paragraphs
_NATIONAL = r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
_HEADER_CUT_RE = re.compile(
    rf"\s*({_NATIONAL})\s*"  # kept as a piece of its own
    # "Số: 13/BC-UBND", "Số 13/BC-UBND"; "BÁO CÁO Kết quả …" (with its title)
    r"|(?<=\S)\s+(?=Số\s*(?::\s*\d|\s\d{1,5}\s*/)|BÁO\s+CÁO(?:\s+\p{Lu}|\s*$))"
    # "Cao An, ngày 31 tháng 01 năm 2024", "Đại Ân 2, ngày …", "Phan Rang - Tháp Chàm, ngày …": cut before the
    # place's first word (never after a word of it or its dash)
    rf"|(?<=\S)(?<!(?<!\p{{L}})\p{{Lu}}\p{{Ll}}*(?:['’ʼ]\p{{L}}\p{{Ll}}*)?|[-–])\s+(?={PLACE_NAME_DASHED},\s*ngày\s+\d)"
)
# a word each cut of _HEADER_CUT_RE needs (it is case-sensitive): the national name's, the motto's, "Số",
# "BÁO CÁO", the date's "ngày"
_HEADER_CUT_WORDS = ("CỘNG", "Độc", "Số", "BÁO", "ngày")


# "Điều 1. Phạm vi …", "khoản 2. …": a cited article, not a heading of the report
_CITED_RE = re.compile(r"\b(?:Điều|điều|Khoản|khoản|Mục|mục|số|Chỉ\s+số|chỉ\s+số)\s*$")


def _remember(text: str, seen: set[str]) -> None:
    number = numbering(text)
    if number is not None:
        seen.add(number[1])


def _comes_next(number: str, seen: set[str]) -> bool:
    """Whether outline number ``number`` follows one already seen: the next sibling ("7.2" after "7.1",
    "2" after "1") or the first child ("3.1" after "3")."""
    parent, _, last = number.rpartition(".")
    if not last.isdigit():  # a roman number: the next after the one before it
        return _roman_before(number) in seen
    n = int(last)
    sibling = f"{parent}.{n - 1}" if parent else str(n - 1)
    return sibling in seen or (n == 1 and parent in seen)


_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _roman_before(number: str) -> str:
    return _ROMANS[_ROMANS.index(number) - 1] if number in _ROMANS[1:] else ""


def _caps_heading(text: str) -> bool:
    """A heading in capitals ending ``text`` ("I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", "A. KẾT QUẢ …", "PHẦN I. …")."""
    return (numbering(text) is not None or re.match(PART_START, text.lstrip()) is not None) and is_all_caps(text)


def reflow(blocks: list[Block], warnings: list[str]) -> list[Block]:
    """Re-flow each run of body paragraphs; tables, layout cells and styled headings stay as they are.

    Paragraphs that are only a page number are dropped and listed in ``warnings``.
    """
    out: list[Block] = []
    run: list[Block] = []
    for block in blocks:
        if _body(block):
            run.append(block)
            continue
        out.extend(_reflow_run(run, warnings))
        run = []
        out.append(block)
    out.extend(_reflow_run(run, warnings))
    return out


_DROPPED_RE = re.compile(r"^line (\d+): (.*)$")


def _reflow_run(paragraphs: list[Block], warnings: list[str]) -> list[Block]:
    if not paragraphs:
        return []
    raw: list[str] = []
    sources: dict[int, Block] = {}  # text line number -> its paragraph
    seen: set[str] = set()
    for k, para in enumerate(paragraphs):
        lone = _page_number(paragraphs, k)
        if lone:
            raw.append("")  # alone between blank "lines", the text reader drops it as a page number
        header = para.prov.paragraph is not None and para.prov.paragraph < HEADER_PARAGRAPHS
        text = rejoin_split_syllables(para.text)  # "Cô ng tác": a word cut where a decomposed tone mark sat
        glued = _GLUED_PAGE_NUMBER_RE.match(text)
        if glued:  # "3 1. Tiếp tục …": the page's number run into the next page's first heading
            warnings.append(f"paragraph {para.prov.paragraph}: dropped page number {glued[1]!r}")
            text = text[glued.end() :]
        cuts, pages = split_page_number_before_heading(text)  # "… 4/4 điểm. 3 b) Các chỉ số …"
        warnings.extend(f"paragraph {para.prov.paragraph}: dropped page number {page!r}" for page in pages)
        for part in _pieces(cuts, seen, header):
            raw.append(part)
            sources[len(raw)] = para
        if lone:
            raw.append("")
    flowed = blocks_from_lines(raw, fmt="docx")
    for warning in flowed.warnings:
        m = _DROPPED_RE.match(warning)
        if m and int(m[1]) in sources:
            warnings.append(f"paragraph {sources[int(m[1])].prov.paragraph}: {m[2]}")
    out = []
    for block in flowed.blocks:
        parts = [(offset, sources[prov.line]) for offset, prov in block.lines if prov.line in sources]
        out.append(_joined(block, parts))
    return out


def _pieces(cuts: list[str], seen: set[str], header: bool) -> list[str]:
    """A converter's paragraph (cut at page numbers) cut at every heading, item or statement it holds inside:
    lettered parts ("… Tốt. A. KẾT QUẢ …"), numbered headings and bullets (:func:`split_inner_starts`), "Thứ hai,
    về …" paragraphs, items numbered by a code ("+ 1.1. …"), and a criterion's title left at its end."""
    lettered = [part for cut in cuts for part in split_letter_sections(cut)]
    inner = [piece for cut in lettered for piece in split_inner_starts(cut, seen, header=header)]
    items = [item for piece in inner for opening in split_ordinal_openings(piece) for item in split_code_items(opening)]
    return [part for item in items for part in _split_trailing_title(item)]


# a criterion's title ending a converter's paragraph after a sentence end, its score in the next paragraph: "… sai sót
# lớn trong năm. Về Xây dựng và phát triển Chính quyền điện tử, Chính quyền số:" / "10,5/12 điểm, đạt …", or the
# title itself going on there: "… kế hoạch. Về Đánh giá của các tổ chức … của UBND xã" / "(qua điều tra xã hội học): 9,6/11"
_TRAILING_TITLE_RE = re.compile(r"(?<=[.;!?]\s)(?P<title>\p{Lu}[^.;:]{3,150}?\s*:|Về\s+\p{Lu}[^.;:]{3,150}?)\s*$")


def _split_trailing_title(text: str) -> list[str]:
    m = _TRAILING_TITLE_RE.search(text)
    if m is None or _OWN_NUMBER_BEFORE_RE.search(text[: m.start()]) or generic_framework().match_title(m["title"]) is None:
        return [text]  # "7. Xây dựng … Chính quyền số:": the title goes with its number
    return [text[: m.start()], text[m.start() :]]


_CELL_NUMBER_RE = re.compile(r"^[\d.,%\s]+$")
_GLUED_PAGE_NUMBER_RE = re.compile(r"^(\d{1,3})\s+(?=(?:\d{1,2}[.)]|[IVX]{1,5}\.)\s+\p{Lu})")


def _page_number(paragraphs: list[Block], k: int) -> bool:
    """A paragraph that is only a small number, between printed lines of body text: a page number.

    Between table cells that a converter made paragraphs ("Cải cách thể chế" / "5" / "5" / "100") it
    is a cell, and kept; so is a row's number after a group row, its title then its first number after it
    ("Nhóm chỉ số về tài chính công …" / "6" / "Cải cách tài chính công" / "7")."""
    if not PAGE_NUMBER_RE.match(paragraphs[k].text):
        return False
    around = [paragraphs[j].text.strip() for j in (k - 1, k + 1) if 0 <= j < len(paragraphs)]
    row_after = k + 2 < len(paragraphs) and _CELL_NUMBER_RE.match(paragraphs[k + 2].text.strip())
    cells = any(_CELL_NUMBER_RE.match(t) for t in around) or row_after
    return not cells and (not around or max(map(len, around)) >= 60)


def _joined(block: Block, parts: list[tuple[int, Block]]) -> Block:
    first = parts[0][1]
    prov = Provenance(paragraph=first.prov.paragraph)
    bold = all(p.bold for _, p in parts)
    kind = block.kind
    if bold and kind is BlockKind.PARAGRAPH and len(block.text) <= BOLD_HEADING_MAX_CHARS:
        kind = BlockKind.HEADING
    return Block(
        kind=kind,
        text=block.text,
        prov=prov,
        lines=[(offset, Provenance(paragraph=p.prov.paragraph)) for offset, p in parts],
        label=first.label if parts[0][0] == 0 else None,
        style=first.style,
        bold=bold,
        level=block.level,
    )


__all__ = ["CONVERTED_WARNING", "looks_converted", "reflow", "split_header", "split_header_blocks", "split_inner_starts"]
