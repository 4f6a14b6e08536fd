"""Classify each block of a report into a typed statement, before anything is assembled.

:func:`classify` is pure: it reads one block (and, for a heading, the block after it) and says what
the block states — a criteria table, a section heading, a criterion with its score, a criterion
heading without a score, several criteria in one paragraph, a component-list heading ("Các chỉ số
thành phần đạt điểm tuyệt đối:"), an indicator item ("- Mục 1.3 …"), an overall statement, or
other text. The assembler (:mod:`cchc.extractors.assemble`) holds the section, criterion and list
state and decides what each statement adds to the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex as re

from cchc.extractors.document import Block, BlockKind
from cchc.extractors.framework import Framework
from cchc.extractors.layout import (
    ITEM_MARKS,
    LETTER_MARK_RE,
    is_all_caps,
    is_bullet,
    numbering,
    sentence_bounds,
)
from cchc.extractors.locale_vi import ORDINAL
from cchc.extractors.patterns import find_ranks
from cchc.extractors.scores import (
    PERCENT_SIGN,
    POINTS_ONLY_RE,
    ScoreMatch,
    find_bare_score,
    find_percents,
    find_scores,
)

# a list of the indicators that scored their maximum: "đạt điểm tối đa", "được điểm tuyệt đối", "đạt 100% số điểm",
# "đạt trọn/đủ điểm" (full marks)
LIST_FULL_RE = re.compile(
    rf"(?:đạt|được)\s+(?:điểm\s+)?(?:tuyệt\s+đối|tối\s+đa)|đạt\s+100\s*{PERCENT_SIGN}\s*(?:số\s+)?điểm"
    r"|đạt\s+(?:trọn|đủ)\s+(?:số\s+)?điểm",
    re.I,
)
# … and of those that lost points: "chưa đạt", "bị trừ điểm", "bị mất điểm", "không được điểm", "còn thiếu điểm"
LIST_INCOMPLETE_RE = re.compile(
    r"chưa\s+(?:hoàn\s+thành|đạt)|không\s+đạt|bị\s+trừ\s+điểm|chưa\s+được\s+điểm\s+tối\s+đa|còn\s+bị\s+trừ"
    r"|(?:bị\s+)?mất\s+điểm|không\s+được\s+điểm|thiếu\s+điểm",
    re.I,
)
# "Tiêu chí 1: Công tác chỉ đạo, điều hành", "LĨNH VỰC 2 - CẢI CÁCH THỂ CHẾ": a criterion's number after its word
# or its ordinal in words: "Lĩnh vực thứ năm: Cải cách tài chính công"
CRITERION_LABEL_RE = re.compile(
    rf"^\s*(?:tiêu\s+chí|lĩnh\s+vực)\s+(?P<num>\d{{1,2}}|thứ\s+{ORDINAL})\s*[:.)–-]\s*(?P<title>\S.*)$", re.I
)
INDICATOR_RE = re.compile(
    # "Chỉ tiêu 1.1", "TC 1.1": other words for a component; "Chỉ số thành phần số 1.1"
    rf"^\s*(?:[{ITEM_MARKS}]\s*)?(?:Mục|Chỉ\s+(?:số|tiêu)(?:\s+thành\s+phần)?|Tiêu\s+chí(?:\s+thành\s+phần)?|TCTP|TC|Nội\s+dung)"
    r"(?:\s+số)?\s+"
    r"(?P<code>\d{1,2}(?:\.\s?\d{1,2}){1,3})(?!\d)\.?\s*[:.]?\s*(?P<rest>.*)$",  # "Mục 3. 1": OCR adds a space
    re.I | re.S,
)
# "+ 1.1. Kế hoạch CCHC năm: …": a dotted number after a bullet, an indicator when a component list is open
BULLETED_CODE_RE = re.compile(rf"^\s*[{ITEM_MARKS}]\s*(?P<code>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?\s+(?P<rest>\p{{L}}.*)$", re.S)
LIST_LABEL_RE = re.compile(
    rf"^\s*(?:[a-zđ]\s*[).]|[{ITEM_MARKS}]\s*)?\s*(?:các|những)\s+(?:chỉ\s+số|tiêu\s+chí|nội\s+dung|mục)\b", re.I
)
# A list heading that carries its items after its colon, and one item of it: a clause naming "Chỉ số 1.5"
INLINE_LIST_RE = re.compile(
    rf"^\s*(?:[{ITEM_MARKS}]\s*)?(?:các|những)\s+(?:chỉ\s+số|tiêu\s+chí)(?:\s+thành\s+phần)?[^:;.]{{0,60}}?"
    r"(?:đạt\s+(?:điểm\s+)?(?:tuyệt\s+đối|tối\s+đa)|chưa\s+(?:đạt|hoàn\s+thành)[^:;.]{0,30}?)\s*:",
    re.I,
)
INLINE_ITEM_RE = re.compile(r"(?:chỉ\s+số|tiêu\s+chí)(?:\s+thành\s+phần)?\s+(?P<code>\d{1,2}(?:\.\d{1,2}){1,3})", re.I)
# an item of such a list printed as its code alone: "…đạt điểm tối đa: 1.1, 1.2, 1.4", "…: 1.3 (đạt 0,5/1 điểm), 1.6"
INLINE_CODE_RE = re.compile(r"\s*(?P<code>\d{1,2}(?:\.\d{1,2}){1,3})(?![\d/]|\s*(?:điểm|%|/))", re.I)
# the clauses of an inline list: split at ";" and at a comma before a code (never inside "0,5/1")
INLINE_CLAUSE_RE = re.compile(r"(?:[^;,]|,(?!\s*\d{1,2}\.\d))+")
OVERALL_HINT_RE = re.compile(
    r"chấm\s+điểm|chỉ\s+số\s+(?:CCHC|cải\s+cách|tổng\s+hợp)|tổng\s+(?:số\s+)?điểm|đạt\s+tổng|tổng\s+cộng|kết\s+quả\s+chung",
    re.I,
)
# before a criterion's words: a bullet, or a letter ("k) Về chỉ số thành phần …") as legal texts number
_ITEM_MARK = r"(?:[-+•*–]|[a-zđ][).])"
UNNUMBERED_HEAD_RE = re.compile(
    rf"^\s*(?:{_ITEM_MARK}\s*)?(?:(?:Về|Đối\s+với)\s+)?(?:lĩnh\s+vực|tiêu\s+chí|chỉ\s+số\s+thành\s+phần|nội\s+dung)\b"
    r"|^\s*(?:[-+•*–]\s*)?[^.;:]{3,120}[:：]\s*(?:đạt\s*)?$",
    re.I,
)
CRITERION_PREFIX_RE = re.compile(
    rf"^\s*(?:{_ITEM_MARK}\s*)?(?:(?:Về|Đối\s+với)\s+)?(?:lĩnh\s+vực|tiêu\s+chí|chỉ\s+số\s+thành\s+phần|nội\s+dung)\s*"
    r"(?:(?:\d{1,2}|[IVX]{1,4})\s*[.:)–-]?\s*)?",
    re.I,
)


# an unnumbered heading naming a criterion read earlier (in a run-on paragraph or a table), its component lists
# below it: "+ Lĩnh vực cải cách thủ tục hành chính (TTHC):" (held-out round 9: the scores of every criterion in
# one paragraph, then a heading like this one per criterion with its lists)
LIST_PARENT_RE = re.compile(
    r"^\s*(?:[-+•*–]\s*)?(?:(?:Về|Đối\s+với)\s+(?:(?:lĩnh\s+vực|tiêu\s+chí)\s+)?|(?:lĩnh\s+vực|tiêu\s+chí)\s+)"
    r"(?P<title>[^:;.\d]{3,200}?)\s*[:：]\s*$",
    re.I,
)


class Kind(StrEnum):
    TABLE = "table"  # a table: criteria rows, if its header names the score columns
    SECTION = "section"  # a roman-numbered heading that names no criterion
    CRITERION = "criterion"  # names a criterion and states its score (or the next paragraph does)
    CRITERION_HEADING = "criterion_heading"  # a numbered heading naming a criterion, no score
    CRITERIA_CLAUSES = "criteria_clauses"  # several criteria in one paragraph, a clause each
    LIST_HEADING = "list_heading"  # "Các chỉ số thành phần đạt điểm tuyệt đối:", "… chưa hoàn thành:"
    INDICATOR = "indicator"  # "- Mục 1.3 (…): …", or a dotted number under a list heading
    OVERALL = "overall"  # the unit's total score or index
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Statement:
    """What one block states. ``code`` is the criterion's canonical code."""

    kind: Kind
    index: int
    code: str | None = None
    section: str | None = None  # a roman heading's number
    numbered: bool = False  # starts with a number of its own ("1.", "II.", "3.1.")
    numbered_top: bool = False  # a number without a dot inside ("1.", "II.")
    score_follows: int | None = None  # the paragraph stating a heading's score
    listed_as: str | None = None  # a list heading's: full | incomplete
    indicator_code: str | None = None  # "Mục 1.3", or a dotted number ("3.7") if a list is open
    indicator_rest: str = ""
    explicit_indicator: bool = False  # "Mục …", "Chỉ số …": an indicator whatever the list state
    overall: str | None = None  # "strong" (named, out of ≥ 50), "weak" (before any criterion only), "bare"
    points_only_code: str | None = None  # "Cải cách thể chế đạt 5 điểm": a criterion restated without its maximum
    states_score: bool = False  # the block (or the paragraph after a heading) states the criterion's score
    inline_items: bool = False  # a list heading followed by its items in the same paragraph, a clause each


def classify(blocks: list[Block], i: int, scores: list[ScoreMatch], framework: Framework) -> Statement:
    """The statement of block ``i`` (``scores``: its "x/y điểm" statements).

    ``kind`` is what the block mainly states; the other fields are every reading the assembler may
    need when the main one does not apply (a criterion already known is restated, not added).
    """
    block = blocks[i]
    if block.kind == BlockKind.TABLE:
        return Statement(Kind.TABLE, i)
    text = block.text
    num = numbering(text)
    labelled = _labelled(text, num, scores, framework)  # "Tiêu chí 1: Công tác chỉ đạo, …", "Thứ nhất, về …"
    numbered_top = bool(num and "." not in num[1]) or labelled is not None
    indicator = INDICATOR_RE.match(text)
    code = _heading_names(blocks, i, numbered_top, labelled, scores, indicator, framework)
    roman = num[1] if num and num[0] == "roman" else None
    if roman and code is None:  # with several scores, a heading a converter ran into the criteria's run-on paragraph
        clauses = len(scores) >= 3 and not indicator
        return Statement(Kind.CRITERIA_CLAUSES if clauses else Kind.SECTION, i, section=roman, numbered=True, numbered_top=True)
    follow = _score_follows(blocks, i, code, framework) if code is not None and not scores else None
    states_score = bool(scores) or follow is not None or (code is not None and find_bare_score(text) is not None)
    if code is not None and numbered_top and not states_score:
        states_score = _states_value_only(num[2] if num else text)
    facets = _facets(block, num, scores, indicator, framework)
    kind = facets.pop("kind")
    if not num and len(scores) >= 3 and not indicator:
        kind = Kind.CRITERIA_CLAUSES
    elif code is not None and states_score:
        kind = Kind.CRITERION
    elif code is not None and (num or labelled):
        kind = Kind.CRITERION_HEADING
    return Statement(
        kind,  # type: ignore[arg-type]
        i,
        code,
        roman,
        bool(num),
        numbered_top,
        score_follows=follow,
        states_score=states_score,
        **facets,  # type: ignore[arg-type]
    )


def _labelled(
    text: str, num: tuple[str, str, str] | None, scores: list[ScoreMatch], framework: Framework
) -> re.Match[str] | None:
    """The label numbering a criterion: "Tiêu chí 1: …", or an ordinal paragraph "Thứ nhất, về …:" when the
    words after "về" name a criterion (never a point inside a criterion's text: "Thứ hai, về cơ sở vật chất")."""
    if num is not None:
        return None
    labelled = CRITERION_LABEL_RE.match(text)
    if labelled is None and (ordinal := ORDINAL_PARAGRAPH_RE.match(text)) is not None:
        score_start = scores[0].start - ordinal.start("title") if scores else None
        labelled = ordinal if framework.match_title(criterion_title(ordinal["title"], score_start)) else None
    return labelled


def _heading_names(
    blocks: list[Block],
    i: int,
    numbered_top: bool,
    labelled: re.Match[str] | None,
    scores: list[ScoreMatch],
    indicator: re.Match[str] | None,
    framework: Framework,
) -> str | None:
    """The criterion block ``i`` names (:func:`_criterion_named`), also by a numbered title wrapped into the
    next block ("VIII. Tác động của cải cách hành chính đến" / "phát triển kinh tế - xã hội của xã"), or by
    an unnumbered heading in capitals ("CẢI CÁCH THỂ CHẾ") when the paragraph after it states the score."""
    text = blocks[i].text
    num = numbering(text)
    code = _criterion_named(text, num, labelled, scores, indicator, framework)
    if code is None and numbered_top and not scores and i + 1 < len(blocks) and continues_title(blocks[i + 1]):
        joined = f"{text} {blocks[i + 1].text.strip()}"
        code = _criterion_named(joined, numbering(joined), labelled, [], indicator, framework)
    unnumbered = not (num or labelled or scores or indicator)
    # also a bulleted one ("• CHỈ ĐẠO, ĐIỀU HÀNH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH: đạt" / "11,5/13 điểm (88,46%).")
    headed = blocks[i].kind in (BlockKind.HEADING, BlockKind.LIST_ITEM)
    if code is None and unnumbered and headed and len(text) < 200 and is_all_caps(text):
        named = framework.match_title(text)
        code = named if named is not None and _score_follows(blocks, i, named, framework) is not None else None
    return code


def _criterion_named(
    text: str,
    num: tuple[str, str, str] | None,
    labelled: re.Match[str] | None,
    scores: list[ScoreMatch],
    indicator: re.Match[str] | None,
    framework: Framework,
) -> str | None:
    """The criterion a block names: by the title after its top-level number or label ("3. Cải cách thủ
    tục hành chính: …", "Tiêu chí 1: …"), else, unnumbered, by the words before its first score."""
    code = None
    if bool(num and "." not in num[1]) or labelled is not None:
        titled = labelled["title"] if labelled else text
        score_start = scores[0].start - (len(text) - len(titled)) if scores else None
        code = framework.match_title(criterion_title(titled, score_start))
    if code is None and not num and scores and not indicator:
        code = unnumbered_criterion(text, scores[0].start, framework)
    if code is None and num and scores and not indicator and re.fullmatch(r"\d{1,2}\.\d{1,2}", num[1]):
        # criteria numbered under a results heading ("1. Kết quả chấm điểm" / "1.2. Cải cách thể chế: 5/5 điểm"):
        # the title names the criterion its last number gives, as no component's title does
        score_start = scores[0].start - (len(text) - len(num[2]))
        named = framework.match_title(criterion_title(num[2], score_start))
        code = named if named == num[1].split(".")[1] else None
    return code


def _states_value_only(title: str) -> bool:
    """A criterion heading whose first sentence states only its points or only its percent:
    "2. Cải cách thể chế: đạt 5,5 điểm, …", "3. Cải cách thủ tục hành chính: đạt tỷ lệ 92,6%"."""
    head = title[: sentence_bounds(title, 0, 0)[1]]
    return bool(POINTS_ONLY_RE.search(head) or find_percents(head))


def _facets(
    block: Block,
    num: tuple[str, str, str] | None,
    scores: list[ScoreMatch],
    indicator: re.Match[str] | None,
    framework: Framework,
) -> dict[str, object]:
    """The readings of a block besides a criterion: overall, list heading, indicator item, points-only restatement."""
    text = block.text
    points = POINTS_ONLY_RE.search(text) if not scores and not num and not indicator else None
    facets: dict[str, object] = {
        "kind": Kind.OTHER,
        "points_only_code": unnumbered_criterion(text, points.start(), framework) if points else None,
        "overall": _overall_strength(text, num, scores, indicator),
    }
    is_heading = block.kind == BlockKind.HEADING and len(text) < 200
    inline = INLINE_LIST_RE.match(text)
    if inline and not num and (INLINE_ITEM_RE.search(text, inline.end()) or INLINE_CODE_RE.match(text, inline.end())):
        # "Các chỉ số chưa đạt điểm tối đa: Chỉ số 1.5 (…) đạt 0,5/1,5 điểm; Chỉ số 1.6 (…) …"
        head = inline.group(0)
        incomplete = LIST_INCOMPLETE_RE.search(head)
        facets["listed_as"] = "incomplete" if incomplete else "full"
        facets.update(kind=Kind.LIST_HEADING, inline_items=True)
    elif (is_heading or _is_list_heading(text, scores)) and not indicator and (listed := _listed_as(text)):
        facets["listed_as"] = listed
        facets["kind"] = Kind.LIST_HEADING
    elif indicator:
        facets.update(indicator_code=indicator["code"].replace(" ", ""), indicator_rest=indicator["rest"], explicit_indicator=True)
        facets["kind"] = Kind.INDICATOR
    elif num and num[0] == "arabic" and "." in num[1]:
        facets.update(indicator_code=num[1], indicator_rest=num[2])
        facets["kind"] = Kind.INDICATOR
    elif bulleted := BULLETED_CODE_RE.match(text):
        facets.update(kind=Kind.INDICATOR, indicator_code=bulleted["code"], indicator_rest=bulleted["rest"])
    if facets["overall"] and facets["kind"] == Kind.OTHER:
        facets["kind"] = Kind.OVERALL
    return facets


def _listed_as(text: str) -> str | None:
    """What a list heading lists: "full" (criteria with all their points), "incomplete" (those that lost some), or None."""
    full, incomplete = LIST_FULL_RE.search(text), LIST_INCOMPLETE_RE.search(text)
    if not (full or incomplete):
        return None
    return "full" if full and not incomplete else "incomplete"


def _overall_strength(
    text: str, num: tuple[str, str, str] | None, scores: list[ScoreMatch], indicator: re.Match[str] | None
) -> str | None:
    """How surely an unnumbered block states the overall result (the assembler adds what it knows); a
    numbered one ("1. Kết quả chung: … 87,25/100 điểm") only with a score out of 50 or more, which no
    criterion has."""
    if indicator or (num and not (scores and scores[0].max.value >= 50)):
        return None
    if num:
        return "strong" if _named_after_the_item(text, num, scores[0]) else "weak"
    if not scores:
        lowered = text.lower()
        # a percent needs "%", "％" or "phần" (trăm) (PERCENT_SIGN), POINTS_ONLY_RE needs "điểm": searched only then
        valued = "%" in text or "％" in text or "phần" in lowered or "điểm" in lowered
        hinted = valued and OVERALL_HINT_RE.search(text) and (find_percents(text) or POINTS_ONLY_RE.search(text))
        return "bare" if hinted or _unit_ranked(text) else None
    if scores[0].max.value >= 50 and OVERALL_HINT_RE.search(text[: scores[0].start]):
        return "strong"
    if scores[0].max.value >= 50 or OVERALL_HINT_RE.search(text):
        return "weak"
    return None


def _named_after_the_item(text: str, num: tuple[str, str, str], score: ScoreMatch) -> bool:
    """A numbered item that a converter ran into the next paragraph ("3. Đẩy mạnh chuyển đổi số. Tổng hợp kết
    quả, Chỉ số CCHC năm 2021 của xã đạt 87,25/100 điểm"): the total named in a later sentence than the item's."""
    item_start = len(text) - len(num[2])
    left = sentence_bounds(text, score.start, score.end)[0]
    return left > item_start and OVERALL_HINT_RE.search(text, left, score.start) is not None


# the unit itself as the subject of a rank: "UBND xã Ninh Xuân xếp thứ 9/26 xã, thị trấn", "Năm 2021, xã Long Đức
# xếp vị trí thứ 1 …" (a criterion's rank is "Xếp thứ 9/9 nhóm hạng các xã", the units after the rank)
UNIT_RANKED_RE = re.compile(
    r"(?:(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+(?:xã|phường|thị\s+trấn)|(?<!các\s)(?:xã|phường|thị\s+trấn)\s+(?-i:\p{Lu}))"
    r"(?:(?!phấn\s+đấu|mục\s+tiêu|dự\s+kiến)[^.;:]){0,40}?(?<!\p{L})(?:được\s+)?(?:xếp|đứng)(?!\p{L})",
    re.I,
)  # a target ("UBND xã phấn đấu xếp thứ 5/11") is no rank


# what a criterion's rank says it ranks: "UBND xã xếp thứ 1/3 về cải cách thể chế" (not "về Chỉ số CCHC", the index)
_RANKED_IN_RE = re.compile(
    r"(?<!\p{L})(?:về|đối\s+với|lĩnh\s+vực|tiêu\s+chí)(?!\p{L})(?!\s+(?:chỉ\s+số\s+(?:CCHC|cải\s+cách)|kết\s+quả))", re.I
)


def _unit_ranked(text: str) -> bool:
    """The unit's own rank stated without its score (the total may come later, in the closing paragraph)."""
    lowered = text.lower()
    if "xếp" not in lowered and "đứng" not in lowered:
        return False  # UNIT_RANKED_RE's verbs
    m = UNIT_RANKED_RE.search(text)
    if m is None or _RANKED_IN_RE.search(text, m.start(), sentence_bounds(text, m.start(), m.end())[1]):
        return False
    return any(r.start >= m.start() and r.rank > 0 for r in find_ranks(text[: m.end() + 60]))


def _is_list_heading(text: str, scores: list[ScoreMatch]) -> bool:
    return len(text) < 200 and (
        text.rstrip().endswith(":") or bool(LIST_LABEL_RE.match(text) and not scores)  # "a) Các tiêu chí … tối đa"
    )


def list_parent_named(text: str, framework: Framework) -> str | None:
    """The criterion an unnumbered heading without a score names ("+ Lĩnh vực cải cách thể chế:"), if any."""
    m = LIST_PARENT_RE.match(text)
    return framework.match_title(m["title"]) if m else None


# a paragraph numbered by an ordinal adverb, naming its subject with "về": "Thứ năm, về cải cách tài chính công:
# đạt 5/6 điểm" (held-out round 9: criteria as plain paragraphs "Thứ nhất, về …" … "Thứ mười, về …")
ORDINAL_PARAGRAPH_RE = re.compile(rf"^\s*(?P<num>thứ\s+{ORDINAL})\s*,\s*(?P<title>(?:về|đối\s+với)\s+\S.*)$", re.I | re.S)


def label_numbering(text: str, framework: Framework | None = None) -> tuple[str, str, str] | None:
    """("label", number as printed, title) for a heading numbered by its word: "Lĩnh vực thứ năm: Cải cách
    tài chính công" gives ("label", "thứ năm", "Cải cách tài chính công"); "Tiêu chí 3: …" gives "3";
    with a ``framework``, "Thứ năm, về cải cách tài chính công: …" gives "Thứ năm" when the words after
    "về" name a criterion (not "Thứ nhất, về công tác tuyên truyền: …" inside a criterion's text)."""
    m = CRITERION_LABEL_RE.match(text)
    if m is None and framework is not None and (m := ORDINAL_PARAGRAPH_RE.match(text)) is not None:
        m = m if framework.match_title(criterion_title(m["title"], None)) is not None else None
    return ("label", " ".join(m["num"].split()), m["title"].strip()) if m else None


# where a title ends: its colon, a result's label run into it by a converter ("… điều hành Kết quả: đạt …"), "đạt"
_TITLE_END_RE = re.compile(r"\s+(?:Kết\s+quả|Điểm\s+đạt(?:\s+được)?)\s*[:：]|\s*[:：]\s*|\s+(?:đạt|được)\s*$")
_TITLE_LEAD_WORD_RE = re.compile(
    rf"^\s*(?:thứ\s+{ORDINAL}\s*,\s*(?:về\s+)?|Về|Lĩnh\s+vực|Tiêu\s+chí|Chỉ\s+số\s+thành\s+phần)\s*:?\s*", re.I
)


def criterion_title(text: str, score_start: int | None) -> str:
    """The printed title of a criterion statement: after its numbering, before its score."""
    num = numbering(text)
    labelled = CRITERION_LABEL_RE.match(text) if num is None else None  # "Tiêu chí 1: Công tác chỉ đạo, điều hành"
    if labelled is not None:
        title = labelled["title"]
    else:
        title = num[2] if num else LETTER_MARK_RE.sub("", text, count=1)  # "đ) Cải cách …": the letter is no title
    offset = len(text) - len(title)
    if score_start is not None and score_start - offset > 0:
        title = title[: score_start - offset]
    title = _TITLE_END_RE.split(title)[0]
    title = _TITLE_LEAD_WORD_RE.sub("", title)
    return title.strip(" ,.-–:")


def _score_follows(blocks: list[Block], i: int, code: str | None, framework: Framework) -> int | None:
    """Index of the paragraph right after a criterion heading that states its score, if any.

    "1. Công tác chỉ đạo, điều hành" then "Kết quả đạt 12,7/15 điểm, …": the score must open the
    paragraph (within its first words) and no other criterion may be named before it.
    """
    j = i + 1
    if j + 1 < len(blocks) and continues_title(blocks[j]):
        j += 1  # the heading's second line came out as a block of its own: "(qua điều tra xã hội học)"
    if j >= len(blocks) or blocks[j].kind == BlockKind.TABLE or numbering(blocks[j].text):
        return None
    text = blocks[j].text
    if INDICATOR_RE.match(text):
        return None
    scores = find_scores(text)
    if not scores or scores[0].start > 150:
        return None
    named = framework.match_title(text[: scores[0].start])
    return j if named in (None, code) else None


def continues_title(block: Block) -> bool:
    """A short block with no number or score that reads as the rest of a heading."""
    text = block.text.strip()
    return (
        0 < len(text) < 100
        and not numbering(text)
        and not find_scores(text)
        and not is_bullet(text)
        and (text[0].islower() or text[0] == "(" or block.kind == BlockKind.HEADING)
    )


def unnumbered_criterion(text: str, score_start: int, framework: Framework) -> str | None:
    """A criterion stated without numbering at the start of a block.

    "Cải cách thể chế: 5/5 điểm", "- Lĩnh vực cải cách thể chế đạt 6/6 điểm": the words before
    the first score must name the criterion and nothing else (one clause, no other sentence).
    """
    head = text[:score_start]
    bare_head = CRITERION_PREFIX_RE.sub("", head)
    if len(bare_head) > 160 or re.search(r"[.;]\s", bare_head) or not UNNUMBERED_HEAD_RE.search(head):
        return None
    return framework.match_title(head)

