"""Layout heuristics shared by readers: where a block starts, what kind it is.

Text extracted from PDFs loses paragraph breaks (and gains stray blank lines), so blocks are
rebuilt from line starts: numbering, bullets, all-caps headings, the "Số:" line and the
"<place>, ngày … tháng … năm …" line start a new block; other lines continue the previous one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex as re

from cchc.extractors.document import BlockKind
from cchc.extractors.legacy_fonts import is_vietnamese_syllable
from cchc.extractors.locale_vi import ORDINAL

ROMAN_HEADING_RE = re.compile(r"^\s*(?P<num>[IVX]{1,5})\s*[\.\)/:-]\s*(?P<title>\S.*)$")
# "1. ", "3.1. ", "3.7 ", "1.1.2. " — at least one dot, so "12 phòng ban" continues a paragraph.
# "1/ Công tác chỉ đạo …" too (a slash then a space and a capital: "2/19 xã" is a ratio, not a number, and
# "29/ BC-UBND" a document's number, its symbol in capitals before a dash); "1- Công tác chỉ đạo …" (a dash then a
# space and a capital: "12-KH/ĐU" is a Party document's number).
ARABIC_HEADING_RE = re.compile(
    r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>[.)]|/(?=\s+\p{Lu}(?!\p{Lu}*\s*-))|[-–](?=\s+\p{Lu}))?"
    r"(?(dot)|(?<=\d\.\d{1,2}))\s*"
    r"(?P<title>[\p{L}\"“(].*)$"
)
LETTER_ITEM_RE = re.compile(r"^\s*(?P<letter>[a-zđ][).])\s+\S")  # "a) Các tiêu chí …", "b. …"
LETTER_MARK_RE = re.compile(r"^\s*[a-zđ][).]\s+(?=\S)")
# what leads a list item: a hyphen, plus, bullet, asterisk, square or circle, or an en or em dash (Word's AutoFormat)
ITEM_MARKS = "-+•*▪●◦○\u2013\u2014"
BULLET_RE = re.compile(rf"^\s*(?P<bullet>[{ITEM_MARKS}])\s*(?P<rest>\S.*)$")
# "Số: 29/BC-UBND", or without the colon when the number follows with its slash ("Số 29/BC-UBND")
DOC_NUMBER_RE = re.compile(r"^\s*(?:Số|SỐ)\s*(?::|(?=\d{1,5}\s*/))")
# the place may hold an apostrophe, a number or a dash: "Ea H'đinh, ngày …", "Đại Ân 2, ngày …"; the date in words
# or in digits with "/", "-" or "." ("ngày 06/4/2023", "ngày 06-4-2023", "ngày 06.4.2023")
PLACE_DATE_RE = re.compile(
    r"^\s*[\p{L}][\p{L}\s.'’ʼ\d–-]{0,40},\s*ngày\s+"
    r"(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4})",
    re.IGNORECASE,
)
# The start of that line, even when the year wrapped onto the next line ("…, ngày 06 tháng 4 năm" / "2023").
PLACE_DATE_START_RE = re.compile(r"^\s*[\p{L}][\p{L}\s.'’ʼ\d–-]{0,40},\s*ngày\s+\d{1,2}\s*(?:tháng|[/.-])", re.IGNORECASE)
BRACKET_NUMBER_RE = re.compile(r"\(\d{1,2}\)\s*\p{Lu}")  # "(2) Về cải cách thể chế", "(1) Số liệu …"
PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$", re.IGNORECASE)
# The document-type line above a title: "BÁO CÁO" (tổng kết, sơ kết), "KẾ HOẠCH", "TỜ TRÌNH".
DOC_TYPE_RE = re.compile(r"^\s*(?:BÁO\s+CÁO(?:\s+(?:TỔNG\s+KẾT|SƠ\s+KẾT))?|KẾ\s+HOẠCH|TỜ\s+TRÌNH)\s*", re.I)
PART_WORD_RE = re.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)$")  # a part's word alone, its number on the next line
# a paragraph opening with an ordinal adverb, capitalised: "Thứ hai, về cải cách thể chế: …" (held-out round 9: the
# criteria as "Thứ nhất, về …" paragraphs; after a table row typed as text the line before ends without a stop)
ORDINAL_OPENING_RE = re.compile(rf"^(?-i:Thứ)\s+{ORDINAL}\s*,", re.I)
# the same inside a paragraph, as a converter's paragraphs cut every few lines hold it: "… tỷ lệ 83,33%. Thứ hai, về
# cải cách thể chế: …", "I. KẾT QUẢ … NĂM 2023 Thứ nhất, về …", "… 3 1,5 Thứ tám, về …" after a table's row; a
# capital "Thứ" and a subject after "về" or "đối với" (in a sentence an ordinal is written "thứ")
_ORDINAL_INSIDE_RE = re.compile(rf"(?<=\S\s)(?=(?-i:Thứ)\s+{ORDINAL}\s*,\s*(?:về|đối\s+với)\s)", re.I)


def split_ordinal_openings(text: str) -> list[str]:
    """``text`` cut before each "Thứ hai, về …" inside it."""
    return [part for part in _ORDINAL_INSIDE_RE.split(text) if part.strip()] or [text]


# a page's number a converter flowed in between a sentence end and the next heading or item: "… đạt 4/4 điểm. 3 b) Các
# chỉ số …", "… năm 2022. 4 2. Cải cách thể chế …", "… 4/4 điểm. 2 * Các chỉ số …" (the footer's number of the page);
# or opening a converter's paragraph: "2 b) Các chỉ số thành phần chưa đạt …"
_PAGE_NUMBER_BEFORE_HEADING_RE = re.compile(
    r"(?:(?<=[.;!?…])\s+|^\s*)(?P<page>\d{1,3})\s+(?=(?:[a-zđ]\)|\d{1,2}\.|[IVX]{1,5}\.)\s+\p{Lu}|[-+•*]\s*\p{Lu})"
)


def split_page_number_before_heading(text: str) -> tuple[list[str], list[str]]:
    """``text`` cut where a page's number stands between a sentence end and a heading, and the numbers dropped."""
    pages = [m["page"] for m in _PAGE_NUMBER_BEFORE_HEADING_RE.finditer(text)]
    parts = _PAGE_NUMBER_BEFORE_HEADING_RE.split(text)  # the page group is returned between the parts
    return [part for k, part in enumerate(parts) if k % 2 == 0 and part.strip()] or [text], pages


# a part lettered "A." … "D." or "PHẦN I" with its title in capitals, run into the paragraph before by a converter:
# "… xếp loại Tốt. A. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2020 1. Về …" (a person's initial is no such heading: "A. Nguyễn"),
# "… Xếp loại: Tốt. PHẦN I. KẾT QUẢ CHỈ SỐ … NĂM 2024 I. CHỈ ĐẠO, …"
PART_START = r"(?:[A-Đ]\.\s+\p{Lu}{2,}(?!\p{Ll})|PHẦN\s+[IVX]{1,5}\s*[.:–-])"
_PART_INSIDE_RE = re.compile(rf"(?<=[.;!?]\s)(?={PART_START})")


def split_letter_sections(text: str) -> list[str]:
    """``text`` cut before each lettered part or "PHẦN I" heading in capitals that follows a sentence end inside it."""
    return [part for part in _PART_INSIDE_RE.split(text) if part.strip()] or [text]


# an item numbered by an indicator's code after its bullet, run into the list heading or the item before it:
# "* Các nội dung đạt điểm tối đa: + 1.1. Kế hoạch CCHC năm: …, đạt 2/2 điểm. + 1.2. Thực hiện …"
_CODE_ITEM_INSIDE_RE = re.compile(r"(?<=[.:;!?]\s)(?=[-+•*]\s*\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+\p{Lu})")


def split_code_items(text: str) -> list[str]:
    """``text`` cut before each bulleted item numbered by a code ("+ 1.1. Kế hoạch …") after a sentence end or colon."""
    return [part for part in _CODE_ITEM_INSIDE_RE.split(text) if part.strip()] or [text]


# a line ending in a word that a value must follow: the next line's number is that value
AWAITS_VALUE_RE = re.compile(r"(?<!\p{L})là\s*:?\s*$", re.I)
SENTENCE_END_RE = re.compile(r"[\.:;!?…]\s*$|\.\/\.\s*$")
# A sentence end for sentence_bounds: ". ", "; ", "! ", "? ", or one of those signs ending the text.
_SENTENCE_END_RE_AT = re.compile(r"[.;!?](?= |\Z)")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[left, right) of the sentence holding ``text[start:end]``: ends are ". ", "; ", "! ", "? ".

    A dot or comma inside a number ("83,97", "2.252") is not a sentence end.
    """
    left = 0
    for m in _SENTENCE_END_RE_AT.finditer(text):
        if m.start() >= start:
            break
        left = m.start() + 1
    after = _SENTENCE_END_RE_AT.search(text, end)
    right = after.start() if after else len(text)
    return left, min(len(text), right + 1)


def is_doc_type_line(text: str) -> bool:
    """A line that is only a document type, in capitals: "BÁO CÁO", "BÁO CÁO TỔNG KẾT"."""
    m = DOC_TYPE_RE.match(text)
    return m is not None and not text[m.end() :].strip() and text.strip().isupper()


def is_all_caps(text: str) -> bool:
    """True for a line such as "ỦY BAN NHÂN DÂN" or "I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022"."""
    letters = upper = lower = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch.isupper():
                upper += 1
            else:
                lower += 1
                if lower > 3 and lower * 10 > letters:  # most lines: give up at the first lower-case word
                    return False
    if letters < 4:
        return False
    return upper / letters >= 0.9 and len(text.split()) >= 2


@lru_cache(maxsize=4096)
def numbering(text: str) -> tuple[str, str, str] | None:
    """(scheme, number, title) when a line starts with outline numbering, else None."""
    # cached: the readers, the classifier and the assembler each ask it of the same block
    m = ROMAN_HEADING_RE.match(text)
    if m and (is_all_caps(m["title"][:40]) or m["title"][:1].isupper()):
        return "roman", m["num"], m["title"].strip()
    m = ARABIC_HEADING_RE.match(text)
    if m and not (m["dot"] is None and m["title"][:1].islower()):  # "11.5 điểm, …" is a wrapped number
        return "arabic", m["num"], m["title"].strip()
    return None


def letter_numbering(text: str) -> str | None:
    """The letter a block is numbered with, as printed ("đ)", "b."), else None."""
    m = LETTER_ITEM_RE.match(text)
    return m["letter"] if m else None


# a block led by an en or em dash and a space: Word's AutoFormat turns a typed "- " item into "– " (held-out round 23);
# a line so led may be the rest of "Hà Nội" / "– Hải Phòng" (``starts_block``), a whole block is an item
DASH_ITEM_RE = re.compile(r"^[\u2013\u2014]\s+\S")


def is_bullet(text: str) -> bool:
    m = BULLET_RE.match(text)
    return m is not None and m["bullet"] not in ("\u2013", "\u2014")


def goes_on_in_next_column(prev: str, line: str) -> bool:
    """The first line of a newsletter column (or of the next page's) goes on with the previous column's
    last line: it starts with a lower-case word, and that line stopped mid-sentence ("… đạt 2,5/2,5" /
    "điểm."), and neither is a capitals heading."""
    return line[:1].islower() and not SENTENCE_END_RE.search(prev) and not is_all_caps(prev)


def _ends_title(text: str) -> bool:
    """A capitals title that reads as complete: it ends in a closing bracket or a year."""
    return bool(re.search(r"(?:\)|\b(?:19|20)\d\d)\s*$", text))


def _wrapped_dash(line: str, prev: str) -> bool:
    """"… đến phát triển kinh tế" / "- xã hội của xã": a dash and a lower-case word after an unfinished
    line that is not itself an item is the rest of "kinh tế - xã hội", not a bullet."""
    m = BULLET_RE.match(line)
    if m is None or m["bullet"] != "-" or not m["rest"][:1].islower():
        return False
    return not SENTENCE_END_RE.search(prev) and not is_bullet(prev) and not line.startswith("-" + m["rest"])


# A criterion named by its word and number ("Tiêu chí 1:", "Tiêu chí số 1:", "Lĩnh vực I:", "Lĩnh vực thứ năm:")
CRITERION_WORD = rf"(?:Tiêu\s+chí|Lĩnh\s+vực)\s+(?:số\s+)?(?:\d{{1,2}}|[IVX]{{1,5}}|thứ\s+{ORDINAL})\s*(?::|[.–-]\s+\p{{Lu}})"
CRITERION_WORD_RE = re.compile(CRITERION_WORD)


def starts_block(line: str, prev: str | None) -> bool:
    """Whether ``line`` starts a new block after ``prev`` (None at document start).

    Used by the text reader, and by the PDF reader together with geometry (indent, gaps).
    """
    if prev is None:
        return True
    stripped = line.strip()
    if not stripped:
        return False
    prev_s = prev.strip()
    if PART_WORD_RE.match(prev_s):
        return False  # "PHẦN" / "II. ĐÁNH GIÁ CHUNG": a converter put the word and its number apart
    if _wrapped_dash(stripped, prev_s) or rejoins_cut_word(prev_s, stripped):  # "HÀNH CH-" / "ÍNH NĂM 2022"
        return False
    if prev_s.count("(") > prev_s.count(")") and ")" in stripped[:20] and "(" not in stripped[: stripped.find(")")]:
        return False  # "… NHÀ NƯỚC (6/6" / "ĐIỂM)": the bracket opened above closes here
    if AWAITS_VALUE_RE.search(prev_s) and re.match(r"\d", stripped):
        return False  # "Tổng điểm tiêu chí này là" / "3. Điểm tối đa là 4 điểm": the value, not a heading's number
    if numbering(stripped) or is_bullet(stripped) or LETTER_ITEM_RE.match(stripped) or ORDINAL_OPENING_RE.match(stripped):
        return True
    if (stripped[0] in "–—" or CRITERION_WORD_RE.match(stripped)) and SENTENCE_END_RE.search(prev_s):
        return True  # "Tiêu chí 2: Cải cách thể chế" after a full stop: a criterion's heading
    if DOC_NUMBER_RE.match(stripped) or PLACE_DATE_START_RE.match(stripped):
        return True
    if (stripped[0].islower() or stripped[0] in "/,.;:)%") and not SENTENCE_END_RE.search(prev_s):
        return False  # "… đạt 6" / "/6 điểm, …": a wrapped line goes on, whatever the case of the line before
    # A line of capitals after text, or text after capitals, is a heading's edge; what counts for the
    # line below is how it starts ("HÀNH CHÍNH (QUA …): được 11,8/14 điểm" goes on a capital heading).
    if is_all_caps(" ".join(stripped.split()[:3])) != is_all_caps(prev_s):
        return True
    if is_all_caps(prev_s) and is_all_caps(stripped):
        # "VIII. TÁC ĐỘNG CỦA … ĐẾN PHÁT TRIỂN" / "KINH TẾ - XÃ HỘI CỦA XÃ": a numbered heading in
        # capitals wrapped mid-title goes on; after an unnumbered one ("BÁO CÁO") a new heading starts
        return numbering(prev_s) is None or bool(SENTENCE_END_RE.search(prev_s)) or _ends_title(prev_s)
    if DOC_NUMBER_RE.match(prev_s) or PLACE_DATE_RE.match(prev_s):
        return True
    if SENTENCE_END_RE.search(prev_s) and (stripped[0].isupper() or BRACKET_NUMBER_RE.match(stripped)):
        return True  # "(2) Về cải cách thể chế: …": a number in brackets starts a sentence too
    return False


def classify(text: str) -> tuple[BlockKind, int | None]:
    """Kind and outline depth of a finished block."""
    stripped = text.strip()
    num = numbering(stripped)
    if num:
        scheme, number, title = num
        if scheme == "roman":
            return BlockKind.HEADING, 1
        depth = number.count(".") + 1
        kind = BlockKind.HEADING if len(stripped) <= 160 or title.rstrip().endswith(":") else BlockKind.LIST_ITEM
        return kind, depth
    if is_bullet(stripped) or LETTER_ITEM_RE.match(stripped) or DASH_ITEM_RE.match(stripped):
        return BlockKind.LIST_ITEM, None
    if is_all_caps(stripped) and len(stripped) <= 200:
        return BlockKind.HEADING, None
    return BlockKind.PARAGRAPH, None


# -- words cut at a line's end ---------------------------------------------------------------------------------------

_CUT_HYPHENS = "-\u00ad\u2010"  # hyphen-minus, soft hyphen, hyphen
# a word's first letters, a hyphen right after them, at a line's end ("… xếp loại Xu-"); not after a digit, a
# slash or a space ("2021-", "BC-", "Hà Nội -")
_CUT_HEAD_RE = re.compile(rf"(?<![^\s(\"“])(?P<head>\p{{L}}+)[{_CUT_HYPHENS}]$")
# the word's last letters starting the next line ("ất sắc.", "ng của tỉnh"), no hyphen or digit glued after them
_CUT_REST_RE = re.compile(r"(?P<rest>\p{L}+)(?![\p{L}\d-])")


def rejoins_cut_word(text: str, line: str) -> bool:
    """True when ``text`` ends with a word a hyphen cut at the line's end and ``line`` starts with its rest, the two
    parts making one Vietnamese syllable ("Xu-" / "ất sắc", "cô-" / "ng", "chú tr-" / "ọng"). A dash after a space
    ("Hà Nội -" / "Hải Phòng"), after a number ("2021-" / "2025") or a code ("ĐU-" / "VP"), and a list's dash are
    not cuts; a head in capitals goes on in capitals only."""
    if text[-1:] not in _CUT_HYPHENS:
        return False
    head, rest = _CUT_HEAD_RE.search(text[-12:]), _CUT_REST_RE.match(line)
    if head is None or rest is None:
        return False
    first, last = head["head"], rest["rest"]
    same_case = last.islower() if not (len(first) > 1 and first.isupper()) else last.isupper()
    return same_case and is_vietnamese_syllable(first + last)


# the rest of a syllable a converter set apart where a tone mark sat ("Cô ng tác", "điều hà nh"): at most three
# lower-case letters, then no letter or digit
_SYLLABLE_REST_RE = re.compile(r"(?P<rest>\p{Ll}{1,3})(?![\p{L}\d])")
_HEAD_RE = re.compile(r"\p{L}+$")


def _marked(letter: str) -> bool:
    """A letter carrying a mark (a tone, a circumflex, a breve or a horn): "ô", "à", "ư"; "đ" is a letter of its own."""
    return len(unicodedata.normalize("NFD", letter)) > 1


def rejoin_split_syllables(text: str) -> str:
    """``text`` with each syllable a PDF-to-Word converter cut apart joined again: a word of at most three lower-case
    letters that is no Vietnamese syllable ("ng", "nh", "ờng") joins the word before it when that word ends in a
    marked vowel and the two make one ("Cô ng" → "Công"); a word that is a syllable ("Cô ng" aside, "hà nội"), a unit ("5 km") or an abbreviation
    stays."""
    parts = text.split(" ")
    out = parts[:1]
    for part in parts[1:]:
        rest = _SYLLABLE_REST_RE.match(part)
        head = _HEAD_RE.search(out[-1]) if rest is not None else None
        if (
            rest is not None
            and head is not None
            and _marked(head.group(0)[-1])  # cut right after the mark: "Cô|ng", "hà|nh", not "quyền g"
            and not is_vietnamese_syllable(rest["rest"])
            and is_vietnamese_syllable(head.group(0) + rest["rest"])
        ):
            out[-1] += part
        else:
            out.append(part)
    return " ".join(out)

