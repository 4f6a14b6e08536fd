"""Patterns of CCHC reports: ranks ("xếp thứ 5/19"), rank changes ("giảm 5 bậc"), classification.

Scores and percents are the score grammar's (:mod:`cchc.extractors.scores`), re-exported here.

Each finder takes a string and returns plain matches with character spans, so callers can
point back to the source.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from cchc.extractors.locale_vi import (
    CHANGE_FILLERS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    FIRST_PLACE,
    GRADE_WORDS,
    LAST_PLACE,
    NUMBER_WORDS,
    ORDINAL,
    SAME_RANK_NOUNS,
    SAME_RANK_VERBS,
    alternation,
    rank_value,
)
from cchc.extractors.scores import NumberMatch, ScoreMatch, find_percents, find_scores

# "xêp": "xếp" typed with its tone mark dropped (held-out round 10: "Xêp thứ 19/23 nhóm hạng các xã");
# a colon typed after the label (held-out round 14: "xếp thứ: 12/24 xã, thị trấn", "xếp hạng: 5/10")
RANK_RE = re.compile(
    r"(?:x[ếê]p\s+(?:thứ(?:\s*:\s*|\s+))?(?:hạng(?:\s*:\s*|\s+))?(?:thứ\s+)?(?:vị\s+trí\s+)?(?:thứ\s+)?|đứng\s+(?:thứ\s+)?(?:hạng\s+)?|"
    r"(?<!\p{L})vị\s+(?:trí|thứ)\s+(?:thứ\s+|số\s+)?|(?<!\p{L})hạng\s*:?\s+(?:thứ\s+)?)"
    r"(?P<rank>\d{1,4})\s*(?:/|(?:trên|trong)\s+(?:tổng\s+số\s+)?(?:số\s+)?)\s*(?P<total>\d{1,4})(?![\d/])",
    re.I,
)
_CHANGE_VERB = alternation(CHANGE_VERBS)
_RANK_TOKEN = rf"(?>\d{{1,4}}|{ORDINAL})"  # atomic: "mười tám" is never read as "mười"
_RANK_NOUN = r"(?:vị\s+trí\s+|thứ\s+hạng\s+|hạng\s+)?(?:thứ\s+)?"
# a total stated after a rank: "trong tổng số 23", "(trong 45 phường)", "/19", "toàn huyện (19 đơn vị)", "của 23 xã",
# "trong nhóm (gồm) 19 xã",
# in words before the units counted: "trong tổng số hai mươi ba xã, thị trấn"
_UNITS_COUNTED = r"(?:xã|phường|thị\s+trấn|đơn\s+vị|địa\s+phương)(?!\p{L})"
_TOTAL_AFTER = (
    r"(?:\s*/\s*|\s*[,(]?\s*(?:trong|trên|của)\s+(?:tổng\s+số\s+)?(?:số\s+)?"
    rf"|\s*[,(]?\s*(?:trong|trên|của)\s+nhóm\s+(?:gồm\s+|có\s+)?(?=\d{{1,4}}\s+{_UNITS_COUNTED})"  # not "nhóm 1": a group's number
    r"|\s+(?:toàn|của|trong)\s+(?:huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s*\(\s*(?:gồm\s+|có\s+)?(?=\d{1,3}\s+\p{L}))"
    rf"(?P<total>\d{{1,4}}(?![\d/]|[.,]\d)|(?<=\s)(?>{NUMBER_WORDS})(?=\s+{_UNITS_COUNTED}))"
)
CHANGE_RE = re.compile(
    rf"(?<!\p{{L}})(?P<dir>{_CHANGE_VERB})\s+(?:(?:{'|'.join(CHANGE_FILLERS)})\s+)?(?:hạng\s+)?"
    rf"(?P<n>\d{{1,3}}|{NUMBER_WORDS})\s*(?:{alternation(CHANGE_NOUNS)})(?!\p{{L}})(?!\s+lương)",  # "2 bậc lương": a pay step
    re.I,
)
SAME_RANK_RE = re.compile(
    rf"(?:{alternation(SAME_RANK_VERBS)})\s*(?:{alternation(SAME_RANK_NOUNS)})"
    # the noun first: "thứ hạng không thay đổi so với năm 2022", "xếp hạng giữ nguyên" (the rank itself is named)
    rf"|(?<!\p{{L}})(?:thứ\s+hạng|xếp\s+hạng|thứ\s+bậc|vị\s+trí\s+xếp\s+hạng)\s+(?:vẫn\s+|được\s+)?(?:{alternation(SAME_RANK_VERBS)})",
    re.I,
)
# "từ vị trí thứ 5 vươn lên vị trí thứ 1", "từ thứ 3/20 tụt xuống thứ 7/20": a rank and its change
FROM_TO_RE = re.compile(
    rf"(?<!\p{{L}})từ\s+{_RANK_NOUN}(?P<from>{_RANK_TOKEN})(?:\s*/\s*\d{{1,4}})?\s*(?:năm\s+(?:19|20)\d\d\s*)?,?\s+"
    rf"(?P<dir>{_CHANGE_VERB})\s+{_RANK_NOUN}(?P<to>{_RANK_TOKEN})(?:{_TOTAL_AFTER})?",
    re.I,
)
# "xếp thứ nhì", "đứng thứ mười tám trong tổng số 23", "xếp thứ 5 của huyện": a rank with "thứ", total optional
RANK_ORDINAL_RE = re.compile(
    rf"(?<!\p{{L}})(?:x[ếê]p|đứng)\s+(?:ở\s+)?(?:vị\s+trí\s+)?(?:hạng\s+)?thứ\s+(?:hạng\s+)?(?P<rank>{_RANK_TOKEN})"
    rf"(?!\s*\d)(?:{_TOTAL_AFTER})?",
    re.I,
)
# "đứng đầu huyện", "xếp cuối (trong 45 phường)"; "người đứng đầu" (the head of an office) is not a rank
PLACE_RE = re.compile(
    rf"(?<!\p{{L}})(?<!người\s)(?P<place>{alternation([*FIRST_PLACE, *LAST_PLACE])})"
    r"(?=\s*(?:$|[,.;(]|trong|trên|toàn|các|so|huyện|tỉnh|quận|thị|thành|nhóm|khối|bảng|với))(?:"
    + _TOTAL_AFTER
    + ")?",
    re.I,
)
# the total before the rank: "trong 33 xã, thị trấn của huyện, xã đứng thứ 4" (held-out round 9)
TOTAL_BEFORE_RE = re.compile(
    rf"(?<!\p{{L}})(?:trong|trên)\s+(?:tổng\s+số\s+)?(?P<total>\d{{1,4}})\s+(?:xã|phường|thị\s+trấn|đơn\s+vị)(?!\p{{L}})"
    rf"[^.;\d]{{0,80}}?(?<!\p{{L}})(?:xếp|đứng)\s+(?:ở\s+)?(?:vị\s+trí\s+)?(?:hạng\s+)?(?:thứ\s+)?(?P<rank>{_RANK_TOKEN})(?![\d/])",
    re.I,
)
# "xếp thứ 2/22 (năm 2023 xếp thứ 3)": last year's rank in brackets after this year's, which gives the change
PREVIOUS_RANK_RE = re.compile(
    rf"\(\s*(?:so\s+với\s+)?năm\s+(?:19|20)\d\d\s*,?\s*(?:xếp|đứng|đạt)\s+(?:ở\s+)?{_RANK_NOUN}(?P<rank>{_RANK_TOKEN})"
    r"(?:\s*/\s*\d{1,4})?\s*\)",
    re.I,
)
# "Xếp loại: Tốt", "xếp loại ở mức Tốt", "xếp loại mức Xuất sắc"
CLASSIFICATION_RE = re.compile(r"xếp\s+loại\s*:?\s*(?:(?:ở\s+)?mức\s*:?\s*)?(?P<cls>[^.;,()\n]{2,60})", re.I)


@dataclass(frozen=True, slots=True)
class RankMatch:
    rank: int
    total: int | None  # None when the report states the rank alone ("xếp thứ nhì")
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ChangeMatch:
    change: int
    start: int
    end: int


# a word (case-blind) each rank pattern cannot match without: its verb or noun
_RANK_WORDS = [
    (TOTAL_BEFORE_RE, ("xếp", "đứng")),
    (RANK_RE, ("xếp", "xêp", "đứng", "vị", "hạng")),
    (RANK_ORDINAL_RE, ("thứ",)),
    (PLACE_RE, ("đầu", "cuối")),  # every FIRST_PLACE / LAST_PLACE phrase holds one
]
# every noun of CHANGE_RE and SAME_RANK_RE ("bậc", "thứ hạng", "vị trí", …) holds one of these
_CHANGE_NOUN_WORDS = ("bậc", "hạng", "vị")


def find_ranks(text: str) -> list[RankMatch]:
    """Ranks in digits or words, in order: "xếp thứ 5/19", "xếp thứ nhì trong tổng số 23", "đứng đầu",
    "trong 33 xã, thị trấn của huyện, xã đứng thứ 4",
    "xếp cuối (trong 45 phường)", and the new rank of "từ vị trí thứ 5 vươn lên vị trí thứ 1"."""
    lowered = text.lower()
    previous = PREVIOUS_RANK_RE.finditer(text) if "(" in text else ()  # its bracket
    found: list[RankMatch] = [RankMatch(-1, None, m.start(), m.end()) for m in previous]
    for m in FROM_TO_RE.finditer(text) if "từ" in lowered else ():
        rank = rank_value(m["to"])
        if rank:
            found.append(RankMatch(rank, rank_value(m["total"]) if m["total"] else None, m.start(), m.end()))
    for pattern, words in _RANK_WORDS:
        if not any(word in lowered for word in words):
            continue
        for m in pattern.finditer(text):
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            rank = _rank_of(m)
            if rank is not None:
                found.append(RankMatch(rank, rank_value(m["total"]) if m["total"] else None, m.start(), m.end()))
    return sorted((r for r in found if r.rank >= 0), key=lambda r: r.start)  # last year's (-1 here) is no rank


def _rank_of(m: re.Match[str]) -> int | None:
    if "place" not in m.groupdict():
        return rank_value(m["rank"])
    if " ".join(m["place"].casefold().split()) in FIRST_PLACE:
        return 1
    return rank_value(m["total"]) if m["total"] else None  # the last place is the total


def find_changes(text: str) -> list[ChangeMatch]:
    """Rank changes: "tăng 6 bậc" (+6), "tụt 2 bậc" (-2), "tăng được bốn bậc", "giữ nguyên vị trí" (0),
    "từ vị trí thứ 5 vươn lên vị trí thứ 1" (+4)."""
    found: list[ChangeMatch] = []
    lowered = text.lower()
    for m in FROM_TO_RE.finditer(text) if "từ" in lowered else ():
        before, after = rank_value(m["from"]), rank_value(m["to"])
        if before and after:
            found.append(ChangeMatch(before - after, m.start(), m.end()))
    if not any(word in lowered for word in _CHANGE_NOUN_WORDS):
        return sorted([*found, *_changes_from_last_year(text)], key=lambda c: c.start)
    for m in CHANGE_RE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        n = rank_value(m["n"])
        if n is not None:
            sign = CHANGE_VERBS[" ".join(m["dir"].casefold().split())][0]
            found.append(ChangeMatch(sign * n, m.start(), m.end()))
    for m in SAME_RANK_RE.finditer(text):
        found.append(ChangeMatch(0, m.start(), m.end()))
    found.extend(_changes_from_last_year(text))
    return sorted(found, key=lambda c: c.start)


def _changes_from_last_year(text: str) -> list[ChangeMatch]:
    """"xếp thứ 2/22 (năm 2023 xếp thứ 3)": last year's rank minus this year's (+1), when this year's comes just before."""
    found = []
    for m in PREVIOUS_RANK_RE.finditer(text) if "(" in text else ():  # its bracket
        # only the words of what was ranked may stand between: "xếp thứ 6 trong số 16 xã, thị trấn (năm …"
        before = [r for r in find_ranks(text[: m.start()]) if re.fullmatch(r"[^\d.;()]{0,40}", text[r.end : m.start()])]
        last = rank_value(m["rank"])
        if before and last:
            found.append(ChangeMatch(last - before[-1].rank, m.start(), m.end()))
    return found


GRADE_RE = re.compile(rf"^(?:{alternation(GRADE_WORDS)})(?!\p{{L}})", re.I)


def find_classification(text: str) -> str | None:
    """The grade after "xếp loại" ("Xếp loại: Xuất sắc", "được xếp loại hoàn thành tốt nhiệm vụ"), when it
    is one of the grades (``GRADE_WORDS``): "đánh giá, xếp loại cán bộ, công chức" is no grade."""
    for m in CLASSIFICATION_RE.finditer(text):
        cls = re.split(r"\s+(?:và|với)\s+", m["cls"].strip())[0].strip()
        if GRADE_RE.match(cls):
            return cls
    return None


# -- a place name's end ---------------------------------------------------------------------------------------------

# Words that open a sentence or a label and are never a place's word: where a header's or a letter's line ends on a
# district or province and the next line (or a reflowed paragraph's next sentence) starts with one, the name ends
# before it ("Kính gửi: Phòng Nội vụ huyện Sơn Động" / "Thực hiện hướng dẫn …", "Nơi nhận: … huyện Thạch Hà" / "Tệp
# đính kèm: 01", "… tỉnh Đắk Nông" / "Thời gian ký: …"). Each is kept with the word after it, so a name's own word
# alike in spelling stays. Source: "issue 11" (held-out rounds 18, 20).
_NOT_A_PLACE_RE = re.compile(
    r"(?:Thực\s+hiện|Tệp\s+(?:đính|tin)|Thời\s+gian|Căn\s+cứ|Kính\s+gửi|Nơi\s+nhận|Người\s+ký|Ngày\s+(?:gửi|ký|văn)"
    r"|Trích\s+yếu|Loại\s+văn|Cơ\s+quan|Số\s*(?:/|:)|Theo\s+đó|Trong\s+(?:năm|đó)|Qua\s+đó|Về\s+việc)(?!\p{L})"
)


def place_name_end(text: str, start: int, end: int) -> int:
    """Where a place name read at ``text[start:end]`` really ends: before a word that opens a sentence or a label
    (``_NOT_A_PLACE_RE``), and at its line's end unless the words past the line break are the rest of the name,
    that is they end their own line or stop at a comma, a semicolon or a bracket ("tỉnh Thừa Thiên" / "Huế, ngày
    …" keeps "Huế"; "huyện Võ Nhai" / "Thực hiện …" stops at "Nhai"), or the text writes the whole name on one line
    elsewhere."""
    name = text[start:end]
    for m in re.finditer(r"\s+", name):
        after = start + m.end()
        if _NOT_A_PLACE_RE.match(text, after):
            return start + m.start()
        if "\n" in m.group() and not re.match(r"[^\S\n]*(?:[,;:.)]|\n|$)", text[end:]):
            if " ".join(name.split()) not in text:  # unless the text writes it whole on one line elsewhere
                return start + m.start()
    return end


# -- the e-signature stamp ------------------------------------------------------------------------------------------

# The stamp that e-government systems print in a signed PDF's text layer, at the first page's top corner above the
# header: "Người ký: Ủy ban nhân dân xã …" / "Email: …@….gov.vn" / "Cơ quan: Tỉnh …" / "Thời gian ký: 18.01.2024
# 09:15:22 +07:00", its lines split or joined as the reader found them.
# (a scan's reading may lose a mark: "Nguoi ky", "Thoi gian kỷ", "Co quan")
_KY = r"k[ýyỷỳ]"
_KY_FORMS = ("ký", "ky", "kỷ", "kỳ")  # what _KY matches, for a substring test first
_STAMP_LABEL_RE = re.compile(
    rf"(?<!\p{{L}})(?i:(?P<signer>Ng[ưu][ờơo]i\s+{_KY}|{_KY}\s+b[ởơo]i)|(?P<time>Th[ờơo]i\s+gian\s+{_KY}|Ng[àa]y\s+{_KY})"
    r"|(?P<mail>E-?mail|Thư\s+điện\s+tử)|C[ơo]\s+quan|Chức\s+vụ)\s*:"
)
_STAMP_GAP = 90  # the most characters a stamp's value holds
STAMP_WINDOW = 3000  # the characters a stamp starts within: the first page's top, above or beside the header
_STAMP_TIME_RE = re.compile(
    r"\s*\d{1,2}[./-]\d{1,2}[./-]\d{4}(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?)?"
)
_STAMP_MAIL_RE = re.compile(r"\s*\S+")
# any other last value ends with its line, or where the header in capitals starts ("… Tỉnh Đắk Nông ỦY BAN NHÂN DÂN")
_STAMP_VALUE_RE = re.compile(
    rf"[^\n]{{0,{_STAMP_GAP}}}?(?=\s+(?:\p{{Lu}}{{2,}}\s+\p{{Lu}}{{2,}}|Số\s*:|{_STAMP_LABEL_RE.pattern})|\s*\n|\s*$)"
)


def signature_stamp_spans(text: str) -> list[tuple[int, int]]:
    """Each labelled value of the e-signature stamps in ``text``: two or more in a row ("Người ký:", "Email:", "Cơ
    quan:", "Thời gian ký:"), one of them naming the signing; a lone "Cơ quan: …" in prose is none. A value ends at
    the next label, its line's end or the header in capitals, so header lines a reader put between them stay. Only
    the first page's top is searched (``STAMP_WINDOW``)."""
    head = text[:STAMP_WINDOW]
    if ":" not in head or not any(ky in head.lower() for ky in _KY_FORMS):  # no label names the signing
        return []
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for m in [*_STAMP_LABEL_RE.finditer(text, 0, STAMP_WINDOW), None]:
        if m is not None and (not run or m.start() - run[-1].end() <= _STAMP_GAP):
            run.append(m)
            continue
        if len(run) >= 2 and any(label["signer"] or label["time"] for label in run):
            ends = [label.start() for label in run[1:]] + [len(text)]
            spans.extend((label.start(), min(_stamp_value_end(text, label), end)) for label, end in zip(run, ends))
        run = [m] if m is not None else []
    return spans


def _stamp_value_end(text: str, label: re.Match[str]) -> int:
    value = _STAMP_TIME_RE if label["time"] else _STAMP_MAIL_RE if label["mail"] else _STAMP_VALUE_RE
    m = value.match(text, label.end())
    return m.end() if m else label.end()


def blank_signature_stamps(text: str) -> str:
    """``text`` with its e-signature stamps blanked (spaces, line breaks kept), so offsets still point at the source."""
    for start, end in signature_stamp_spans(text):
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    return text


__all__ = [
    "ChangeMatch",
    "NumberMatch",
    "RankMatch",
    "ScoreMatch",
    "blank_signature_stamps",
    "find_changes",
    "find_classification",
    "find_percents",
    "find_ranks",
    "find_scores",
    "place_name_end",
    "signature_stamp_spans",
]
