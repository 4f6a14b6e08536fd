"""Plain-text backend: text pasted or extracted from a PDF, line breaks and all."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import regex as re

from cchc.errors import EmptyFileError, UnsupportedFormatError
from cchc.extractors.document import Block, BlockKind, Document, Provenance, nfc
from cchc.extractors.layout import (
    DOC_TYPE_RE,
    PAGE_NUMBER_RE,
    classify,
    is_all_caps,
    is_doc_type_line,
    rejoins_cut_word,
    starts_block,
)


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16; anything else is not a text report."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError(name, "binary content, not a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsupportedFormatError(name, f"not UTF-8 text (byte {exc.start}); save the report as UTF-8") from exc


NOT_VIETNAMESE_TEXT = (
    "not text in an encoding Vietnamese offices use (UTF-8, UTF-16, Windows-1258, TCVN3, VNI, VISCII)"
)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 with no BOM: Vietnamese text is mostly
    ASCII letters and Latin Extended Additional (U+1Exx), so one byte of nearly every pair is 0x00 or 0x1E."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 8:
        return None
    pairs = len(head) // 2
    for order, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        plane = sum(1 for b in high if b in (0x00, 0x01, 0x1E, 0x20))
        if plane >= 0.9 * pairs and high.count(0) >= 0.5 * pairs and low.count(0) < 0.05 * pairs:
            return order
    return None


def vietnamese_word_share(text: str) -> tuple[int, int]:
    """(words spelled as Vietnamese syllables, words with letters outside ASCII) of ``text``."""
    from cchc.extractors.legacy_fonts import is_vietnamese_syllable

    words = [w for w in (t.strip(".,:;!?()[]\"'“”‘’…-–/%") for t in text.split()) if w and not w.isascii()]
    return sum(1 for w in words if is_vietnamese_syllable(w)), len(words)


def decode_report_text(data: bytes, name: str) -> tuple[str, str | None]:
    """(text, warning naming the encoding or None) for the encodings Vietnamese offices save text in.

    UTF-8 (BOM or not) needs no warning. UTF-16 with a BOM, or without one when the byte pattern is
    clear; Windows-1258 (cp1258, which writes tones as combining marks: the text is normalised to
    NFC) when its words read as Vietnamese. Legacy 8-bit fonts (TCVN3, VNI, VISCII) are left to the
    caller, which converts them word by word. Anything else is UnsupportedFormatError.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", name), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        order = "little-endian" if data.startswith(b"\xff\xfe") else "big-endian"
        return _strict(data, "utf-16", name), f"decoded as UTF-16 ({order}, with BOM)"
    bare = utf16_without_bom(data)
    if bare is not None:
        order = "little-endian" if bare.endswith("le") else "big-endian"
        text = _strict(data, bare, name)
        if not _mostly_printable(text):
            raise UnsupportedFormatError(name, "binary content, not a text report")
        return text, f"decoded as UTF-16 ({order}, no BOM)"
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError(name, "binary content, not a text report")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        cp1258 = None
    if cp1258 is not None:
        vietnamese, words = vietnamese_word_share(cp1258)
        legacy, _ = vietnamese_word_share(_legacy_reading(data))
        if vietnamese >= 2 and vietnamese >= 0.6 * words and vietnamese > legacy:
            return cp1258, "decoded as Windows-1258 (cp1258) and normalised to NFC"
    raise UnsupportedFormatError(name, NOT_VIETNAMESE_TEXT)


def _mostly_printable(text: str) -> bool:
    """Text, not binary that happens to decode: at least 95% printable characters or line breaks."""
    sample = text[:2048]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t\f")
    return printable >= 0.95 * len(sample)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnsupportedFormatError(name, f"{NOT_VIETNAMESE_TEXT}: bad {encoding} at byte {exc.start}") from exc


def _legacy_reading(data: bytes) -> str:
    """The bytes read as a legacy 8-bit Vietnamese font would show them (converted where it is clear)."""
    from cchc.extractors.legacy_fonts import fix_legacy_text

    return fix_legacy_text(data.decode("latin-1"))


def read_text(path: Path) -> Document:
    """Read a text report into blocks, one per paragraph, list item or heading.

    UTF-8, UTF-16 (with or without BOM) or Windows-1258 text (the encoding other than UTF-8 is named
    in the warnings); text typed in a legacy Vietnamese encoding (TCVN3, VNI, VISCII), whether saved
    as 8-bit bytes or as the Latin-1 look-alikes it shows as, is converted to Unicode.
    """
    from cchc.extractors.legacy_fonts import detect_legacy, fix_legacy_text

    data = path.read_bytes()
    warnings: list[str] = []
    try:
        text, decoded = decode_report_text(data, str(path))
        if decoded:
            warnings.append(decoded)
    except UnsupportedFormatError:
        latin = data.decode("latin-1")
        if b"\x00" in data[:4096] or detect_legacy(latin) is None:
            raise
        text = latin
    if not text.isascii():
        fixed = fix_legacy_text(text)
        if fixed != text:
            warnings.append(f"converted from the legacy encoding {detect_legacy(text) or 'TCVN3/VNI'} to Unicode")
            text = fixed
    lines = _LINE_BREAK_RE.split(text.removesuffix("\n"))
    if ">" in text:
        lines, unquoted = unquote_mail(lines)
        warnings.extend(unquoted)
    doc = blocks_from_lines(lines, fmt="txt")
    doc.warnings[:0] = warnings
    if not doc.blocks:
        raise EmptyFileError(str(path), "no text in the file")
    return doc


# the line breaks of str.splitlines but the form feed, which blocks_from_lines reads as a page's end (pdftotext
# puts one between pages)
_LINE_BREAK_RE = re.compile("\r\n|[\n\r\v\x1c\x1d\x1e\x85\u2028\u2029]")


# e-mail quote marks at a line's start: "> ", ">> ", "> > "
_QUOTE_MARK_RE = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")


def unquote_mail(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines, warnings) of a report pasted from an e-mail reply: when most non-blank lines start with
    ">" (at least five), their quote marks are taken off and the lines outside the quote before and after it (a
    greeting, the reply line "Vào ngày … đã viết:", a signature) are left out, blank, so line numbers still point
    at the file. A report with a line or two starting with ">" ("> 90% hồ sơ") is no quote: returned as it is."""
    solid = [i for i, line in enumerate(lines) if line.strip()]
    quoted = [i for i in solid if _QUOTE_MARK_RE.match(lines[i])]
    if len(quoted) < 5 or len(quoted) < 0.8 * len(solid):
        return lines, []
    first, last = quoted[0], quoted[-1]
    warnings = [f"line {i + 1}: left out, outside the e-mail quote: {lines[i].strip()!r}"
                for i in solid if i < first or i > last]  # fmt: skip
    out = [_QUOTE_MARK_RE.sub("", line, count=1) if first <= i <= last else "" for i, line in enumerate(lines)]
    warnings.append(f"lines {first + 1}-{last + 1}: e-mail quote marks (\">\") taken off")
    return out, warnings


def blocks_from_lines(raw_lines: list[str], fmt: str = "txt") -> Document:
    """Rebuild blocks from text lines; blank lines are not trusted as paragraph breaks.

    Lone page numbers (a short number alone between blank lines) are dropped. A form feed
    (``\\f``) ends a page: text after it, on the same line or later, is on the next page.
    """
    blocks: list[Block] = []
    warnings: list[str] = []
    current: list[tuple[int, str]] = []
    pages: dict[int, int | None] = {}  # line number -> page

    def flush() -> None:
        if not current:
            return
        text = ""
        lines: list[tuple[int, Provenance]] = []
        for lineno, line in current:
            if text:
                text = text[:-1] if rejoins_cut_word(text, line.strip()) else text + " "  # "Xu-" / "ất sắc"
            lines.append((len(text), Provenance(page=pages.get(lineno), line=lineno)))
            text += line.strip()
        text = " ".join(text.split())
        kind, level = classify(text)
        blocks.append(Block(kind=kind, text=text, prov=lines[0][1], lines=lines, level=level))
        current.clear()

    numbered: list[tuple[int, str]] = []
    page_starts: set[int] = set()  # where a form feed starts a page
    page: int | None = None
    for lineno, raw in header_by_columns(list(enumerate(raw_lines, start=1))):
        for k, part in enumerate(raw.split("\f")):
            if k:
                page = (page or 1) + 1
                page_starts.add(len(numbered))
            numbered.append((lineno, part))
            pages.setdefault(lineno, page)
    n = len(numbered)
    running = _running_lines(numbered, page_starts)
    solid = [i for i, (_, raw) in enumerate(numbered) if raw.strip()]
    page_edges = {j for start in page_starts for j in (next((k for k in solid if k >= start), -1),
                                                       next((k for k in reversed(solid) if k < start), -1))}
    table: list[tuple[int, str]] = []  # the rows of a table typed with pipes, as they come

    def flush_table() -> None:
        if table:
            blocks.append(pipe_table_block(table, pages))
            table.clear()

    for i, (lineno, raw) in enumerate(numbered):
        line = nfc(raw).rstrip()
        if not line.strip():
            continue
        if PIPE_ROW_RE.match(line) or (table and TABLE_RULE_RE.match(line)):
            flush()
            table.append((lineno, line))
            continue
        flush_table()
        if i in running:
            warnings.append(f"line {lineno}: dropped running header {line.strip()!r}")
            continue
        if PAGE_NUMBER_RE.match(line):
            before_blank = i == 0 or not numbered[i - 1][1].strip()
            after_blank = i == n - 1 or not numbered[i + 1][1].strip()
            if (before_blank and after_blank) or i in page_edges:  # alone, or first or last on its page
                warnings.append(f"line {lineno}: dropped page number {line.strip()!r}")
                continue
        prev = current[-1][1] if current else None
        title = title_line(blocks, current, line)
        if title is not None:
            if not title:
                flush()
            current.append((lineno, line))
            continue
        if starts_block(line, prev):
            flush()
        current.append((lineno, line))
    flush()
    flush_table()
    return Document(blocks=blocks, format=fmt, pages=page, warnings=warnings)


# a table typed with pipes, as Markdown and plain-text exports write one: "| 1 | Công tác chỉ đạo … | 13 | 12 |",
# its rules "|---|:---:|" or "+-----+-----+" left out
PIPE_ROW_RE = re.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")
TABLE_RULE_RE = re.compile(r"^\s*[|+]?(?:\s*:?[-=]{3,}:?\s*[|+])+\s*(?::?[-=]{3,}:?\s*)?$")


def pipe_table_block(rows: list[tuple[int, str]], pages: dict[int, int | None]) -> Block:
    """One TABLE block of the rows typed with pipes (line number, text), their rules left out, a cell per pipe."""
    cells = [[" ".join(c.split()) for c in line.strip().strip("|").split("|")] for _, line in rows
             if not TABLE_RULE_RE.match(line)]  # fmt: skip
    kept = [lineno for lineno, line in rows if not TABLE_RULE_RE.match(line)]
    text, lines = "", []
    for lineno, row in zip(kept, cells, strict=True):
        if text:
            text += "\n"
        lines.append((len(text), Provenance(page=pages.get(lineno), line=lineno)))
        text += " | ".join(row)
    first = lines[0][1] if lines else Provenance(page=pages.get(rows[0][0]), line=rows[0][0])
    return Block(kind=BlockKind.TABLE, text=text, prov=first, lines=lines or [(0, first)], rows=cells)




# a header typed as two columns on one line ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): Word's header
# table copied as text (a tab between its cells) or a PDF's text laid out (spaces); the right column holds the motto
_COLUMN_GAP_RE = re.compile(r"(?<=\S)(?:\t+|[ \u00a0]{3,})(?=\S)")
_MOTTO_RE = re.compile(r"(?:CỘNG\s+H[ÒO]À\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—])", re.I)
_HEADER_LINES = 12


def header_by_columns(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` (line number, text) with a two-column header read column by column, as a DOCX's header table reads:
    the left column's parts top to bottom, then the right's, each keeping its line number. The header is the lines
    down to the last one split by a tab or a wide gap within the first twelve, one of whose right parts starts the
    motto; a line starting in the right column (a tab, or indented as far as the right parts nearly) is the right's."""
    solid = list(itertools.islice((i for i, (_, text) in enumerate(lines) if text.strip()), _HEADER_LINES))
    title = next((k for k, i in enumerate(solid) if is_doc_type_line(nfc(lines[i][1]).strip())), _HEADER_LINES // 2)
    solid = solid[:title]  # the header stands above the title ("BÁO CÁO")
    if not solid:
        return lines
    gaps = {
        i: m for i in solid if (m := _COLUMN_GAP_RE.search(lines[i][1].rstrip())) and lines[i][1][: m.start()].strip()
    }
    if not any(_MOTTO_RE.match(lines[i][1], m.end()) for i, m in gaps.items()):
        return lines
    right_at = min(len(lines[i][1][: m.end()].expandtabs(8)) for i, m in gaps.items())
    last = max(gaps)
    while last < solid[-1] and (not lines[last + 1][1].strip() or _starts_right(lines[last + 1][1], right_at)):
        last += 1
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for i, (lineno, text) in enumerate(lines[: last + 1]):
        if (m := gaps.get(i)) is not None:
            left.append((lineno, text[: m.start()]))
            right.append((lineno, text[m.end() :]))
        elif _starts_right(text, right_at):
            right.append((lineno, text.strip()))
        elif text.strip():
            left.append((lineno, text))
    return left + right + lines[last + 1 :]


def _starts_right(text: str, right_at: int) -> bool:
    lead = text[: len(text) - len(text.lstrip())]
    return bool(text.strip()) and ("\t" in lead or len(lead.expandtabs(8)) >= 0.7 * right_at)


def _running_lines(numbered: list[tuple[int, str]], page_starts: set[int]) -> set[int]:
    """A running header or footer copied with the text: a line of words printed again and again (its digits
    aside), each time beside a page's end (a page number alone between blank lines, "Trang n", a form feed) or at
    the top of the text. A sentence broken across two pages ("… Xếp" / "UBND XÃ … - Báo cáo …" / "thứ 5/19 …")
    goes on without it. Table cells a converter made paragraphs ("5,5" beside "6") are no such line."""
    texts = [" ".join(nfc(raw).split()) for _, raw in numbered]
    solid = [i for i, t in enumerate(texts) if t]
    blank = {i for i, t in enumerate(texts) if not t}
    numbers = {i for i in solid if PAGE_NUMBER_RE.match(texts[i])
               and ((i - 1 in blank and i + 1 in blank) or texts[i][:1] in "Tt")}  # fmt: skip
    ends = numbers | page_starts
    by_form: dict[str, list[int]] = {}
    for i in solid:
        if len(texts[i]) <= 120 and len(re.findall(r"\p{L}{2,}", texts[i])) >= 3:
            by_form.setdefault(re.sub(r"\d+", "#", texts[i]), []).append(i)
    position = {i: k for k, i in enumerate(solid)}

    def beside_an_end(i: int) -> bool:
        k = position[i]
        return i in page_starts or any(j in ends for j in solid[max(0, k - 2) : k + 3])

    return {
        i
        for found in by_form.values()
        if len(found) >= 2 and all(beside_an_end(i) or position[i] < 2 for i in found) and any(map(beside_an_end, found))
        for i in found
    }


def title_line(blocks: list[Block], current: list[tuple[int, str]], line: str) -> bool | None:
    """In the title after "BÁO CÁO": True if ``line`` continues it, False if it ends it, None elsewhere.

    Titles continue in lower case ("và triển khai …") or in capitals after capitals; the body
    starts in upper case ("Căn cứ …"), with or without a blank line before it.
    """
    head = current[0][1] if current else ""
    if blocks and (m := DOC_TYPE_RE.match(head)) and head[m.end() :].strip() and not is_all_caps(head):
        return line.strip()[0].islower()  # "BÁO CÁO Kết quả công tác …" on one line: the title goes on
    if not current or not blocks or not is_doc_type_line(blocks[-1].text):
        return None
    stripped = line.strip()
    prev = current[-1][1].strip()
    if is_all_caps(prev) and is_all_caps(stripped):
        return True
    return stripped[0].islower()


__all__ = ["BlockKind", "blocks_from_lines", "decode_report_text", "decode_text", "read_text"]
