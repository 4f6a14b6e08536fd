"""The one grammar of scores ("x/y điểm") and percents, used by prose, tables, OCR repair and the checker.

Forms read (each is a case of tests/test_extract_scores.py):

- "12,7/15 điểm", "12,7 /15 điểm", "12,5 điểm/14 điểm", "12,5 điểm trên tổng số 14 điểm",
  "12,7 trên 15 điểm", "12,5 điểm (tối đa 14 điểm)", "12,5 điểm (trên 14 điểm)", "đạt 12,7 điểm/15",
  "12,7 điểm trên thang điểm 15", "Điểm: 12,7/15", "Điểm tổng hợp: 83,97/100", the maximum first ("Điểm tối đa: 11 điểm; điểm đạt:
  9,6 điểm", "Điểm chuẩn: 5 điểm; điểm đạt: 4 điểm") or last ("điểm đạt 12,7; điểm tối đa 15"), the score first and its
  maximum in the next sentence ("Tổng điểm tiêu chí này là 12,5. Điểm tối đa là 15 điểm"); dot or comma decimals
  ("12.7/15 điểm");
- three decimals that look like thousands ("87,602/100 điểm" is 87.602: a score is small);
- stray separators, read and reported as repairs: ",11,5" (leading), "12,7//15" (doubled slash),
  "6,88, /8 điểm", "8,02 /10 , điểm" (a separator standing alone before the slash or "điểm"),
  "12, 7/15 điểm", "12 ,5/13 điểm", "12 , 5/13 điểm" (a space beside the decimal comma: joined when 12,5 fits under
  its maximum), a maximum "15,75/18 ,5 điểm", a bare score "(5 ,5/6)", a percent "tỷ lệ 91, 67%", "đạt 87 ,5%"
  (joined after "tỷ lệ" or "đạt" when two digits follow the comma or the score before it gives that percent), a
  table cell "12 ,5"; where a list or no check leaves the joined number uncertain ("các mục 1, 2, 3/5 điểm",
  "tỷ lệ 87 ,5%" alone, "tăng 5, 6%") nothing is read rather than a wrong number;
- points lost: "mất 7,14/16 điểm" is a score of 16 − 7,14 = 8,86, "bị trừ 1,5 điểm so với điểm tối đa 13 điểm" one of 11,5;
- only the points lost, at the start of a criterion's statement, its maximum printed elsewhere (a table of maxima):
  "Điểm trừ: 0,5 điểm", "Lĩnh vực này bị trừ 1,5 điểm", "không bị trừ điểm" (:func:`find_deduction`);
- a score in words with its digits in brackets, the digits read: "đạt mười bảy phẩy năm (17,5) điểm trên tổng số 20 điểm";
- a bare score after a colon where a criterion is stated: "Cải cách thể chế: 4,75 /7 , đạt 67,86%";
- score-only "đạt 85,5 điểm" and percent-only "đạt 85,5%" or "85,5% điểm" (a percent of the points);
- a percent's sign as clerks type it: "%", the full-width "％" of East Asian input methods and converters, or the
  words "phần trăm" ("đạt 88,25 phần trăm số điểm").

A malformed statement is never dropped: it is read, and its repair is returned for the checker's
``malformed_number``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import regex as re

from cchc.extractors.numbers import ParsedNumber, parse_number

NUM = r"[.,]{0,2}\d+(?:[.,]{1,2}\d+)*"  # also malformed forms such as ",11,5" and "8,,97"
# "điêm": "điểm" typed without its hook (its tone mark dropped: held-out round 10, "15,5/18,5điêm")
POINTS = r"(?:điểm|điêm|đ)(?!\p{L})"
# "điểm" as OCR reads it ("diem", "điêm"): for the OCR repair of numbers before it
POINTS_OCR = r"(?:đ|d)i[ểềệếễe]m"
# a separator standing alone between a number and what follows ("6,88, /8", "/10 , điểm")
_STRAY = r"(?:\s*[.,](?=\s*(?:/|điểm|đ(?!\p{L}))))?"

# the decimals of a maximum typed apart from it, right before "điểm": "/18 ,5 điểm" (18,5); not "/14, 5 điểm",
# which may be 14 and a clause of its own ("12/14, 5 điểm thưởng")
_MAX_SPLIT = r"(?P<maxsplit>\s+[.,]\s*\d{1,2}(?=\s*(?:điểm|điêm|đ(?!\p{L}))))?"

# the sign of a percent: "85,5%", "85,5 ％" (full width), "85,5 phần trăm (số điểm)"
PERCENT_SIGN = r"(?:[%％]|(?i:phần\s+trăm)(?!\p{L}))"

_SMALL = r"\d{1,3}(?:[.,]\d{1,3})?"  # a score or a maximum as printed: never a year or a count of thousands
# the labels of a maximum and of a score printed as two labelled values ("Điểm tối đa: 11 điểm; điểm đạt: 9,6 điểm")
_MAX_LABEL = r"(?:số\s+)?điểm\s+(?:tối\s+đa|chuẩn)|tối\s+đa|thang\s+điểm"
_SCORE_LABEL = r"(?:số\s+)?điểm\s+(?:đạt(?:\s+được)?|thẩm\s+định|đánh\s+giá)"

# the points lost printed between a maximum and the score that remains ("bị trừ 2,25 điểm, ", "không bị trừ điểm, ")
_LOST_BETWEEN = rf"(?:(?:bị\s+)?trừ\s+(?P<lost>{NUM})\s*{POINTS}\s*[;,.–-]?\s*|không\s+bị\s+trừ\s+điểm\s*[;,.–-]?\s*)?"

# the maximum the points lost are counted from: "(bị trừ 1,5 điểm) so với điểm tối đa 13 điểm"
_MAX_AFTER_LOST = r"(?:(?:số\s+)?điểm\s+tối\s+đa|tối\s+đa|thang\s+điểm|tổng\s+(?:số\s+)?điểm|tổng\s+số)"

# "của tiêu chí này", "của lĩnh vực": what a labelled score or maximum is of
_OF_CRITERION = r"(?:\s+(?:của\s+)?(?:tiêu\s+chí|lĩnh\s+vực)(?:\s+này)?)?"

# "… điều hành Điểm tối đa 15 điểm, …": a capital "Điểm" after a word starts a sentence (a heading and the line
# after it read as one block), unlike "đạt điểm tối đa 2 điểm"
_NEW_SENTENCE_MAX = r"(?-i:Điểm)\s+(?:tối\s+đa|chuẩn)"

SCORE_RES = [
    # "12,7/15 điểm", "12,5 điểm/14 điểm", "8,97/,11,5 điểm", "12,7//15 điểm", "6,88, /8 điểm"
    re.compile(
        rf"(?<![\d.,/])(?P<score>{NUM})(?P<stray1>{_STRAY})\s*(?:{POINTS}\s*)?(?P<slash>/{{1,2}})\s*(?P<max>{NUM})"
        rf"{_MAX_SPLIT}(?P<stray2>{_STRAY})\s*{POINTS}",
        re.I,
    ),
    # "đạt 12,5 điểm trên tổng số 14 điểm", "12,5 điểm trên 14 điểm", "12,5 điểm trong tổng số 14 điểm"; the score in
    # words with its digits in brackets, the digits read: "đạt mười bảy phẩy năm (17,5) điểm trên tổng số 20 điểm"
    # (held-out round 13), or the digits with the words in brackets: "đạt 17,5 (mười bảy phẩy năm) điểm trên …"
    re.compile(
        rf"(?<![\d.,/])(?P<open>\(\s*)?(?P<score>{NUM})(?(open)\s*\)|(?:\s*\(\s*\p{{L}}[\p{{L}}\s]{{0,60}}\))?)\s*{POINTS}\s*(?:trên|/|trong\s+(?=tổng))\s*"
        rf"(?:tổng\s*(?:số\s*)?(?:điểm\s*)?)?"
        rf"(?P<max>{NUM})\s*{POINTS}",
        re.I,
    ),
    # only the points lost, then the maximum: "bị trừ 1,5 điểm so với điểm tối đa 13 điểm" (held-out round 13) is
    # 13 − 1,5 (``LOST_BEFORE_RE`` reads "bị trừ" before the number, as for "mất 7,14/16 điểm")
    re.compile(
        rf"(?<=(?<!\p{{L}})(?:mất|trừ)\s+(?:đi\s+)?)(?P<score>{NUM})\s*{POINTS}\s*,?\s*so\s+với\s+{_MAX_AFTER_LOST}\s*(?:là\s*)?:?\s*"
        rf"(?P<max>{NUM})\s*{POINTS}",
        re.I,
    ),
    # "12,7 trên 15 điểm", "12,7 trên tổng số 15 điểm"
    re.compile(
        rf"(?<![\d.,/])(?P<score>{NUM})\s+trên\s+(?:tổng\s*(?:số\s*)?(?:điểm\s*)?)?(?P<max>{NUM})\s*{POINTS}",
        re.I,
    ),
    # "12,5 điểm (tối đa 14 điểm)", "12,5 điểm (điểm tối đa: 14)", "12,5 điểm (trên 14 điểm)", "(điểm chuẩn 14)"
    re.compile(
        rf"(?<![\d.,/])(?P<score>{NUM})\s*{POINTS}\s*\(\s*(?:điểm\s*)?(?:tối\s*đa|chuẩn|trên(?:\s+tổng\s+số)?)\s*(?:là\s*)?:?\s*"
        rf"(?P<max>{NUM})(?:\s*{POINTS})?\s*\)",
        re.I,
    ),
    # the maximum first, both labelled: "Điểm tối đa: 11 điểm; điểm đạt: 9,6 điểm", "tối đa 10 điểm, đạt được 9
    # điểm", "Điểm chuẩn: 11 điểm - Điểm thẩm định: 9,6 điểm"; with "điểm" in both labels the units may go:
    # "Điểm tối đa: 11; điểm đạt: 9,6"
    # The points lost may stand between them: "Điểm tối đa 15 điểm, bị trừ 2,25 điểm, còn lại 12,75 điểm",
    # "Điểm tối đa 5 điểm, không bị trừ điểm, đạt 5 điểm"
    re.compile(
        rf"(?:(?<!\p{{L}}\s)(?:{_MAX_LABEL})|{_NEW_SENTENCE_MAX})\s*:?\s*(?P<max>{NUM})\s*{POINTS}\s*[;,.–-]?\s*{_LOST_BETWEEN}"
        rf"(?:{_SCORE_LABEL}|đạt(?:\s+được)?|được|còn\s+lại)\s*:?\s*(?P<score>{NUM})\s*{POINTS}",
        re.I,
    ),
    re.compile(
        rf"(?<!\p{{L}}\s)(?:số\s+)?điểm\s+(?:tối\s+đa|chuẩn)\s*:?\s*(?P<max>{NUM})\s*[;,.–-]\s*"
        rf"(?:{_SCORE_LABEL})\s*:?\s*(?P<score>{NUM})(?!\s*[%/\d]|[.,]\d)",
        re.I,
    ),
    # the score first, both labelled: "điểm đạt 12,7; điểm tối đa 15", "Điểm đạt được: 9,6 điểm - Điểm tối đa: 11 điểm"
    re.compile(
        rf"(?<!\p{{L}}\s)(?:{_SCORE_LABEL})\s*:?\s*(?P<score>{NUM})(?:\s*{POINTS})?\s*[;,.–-]\s*(?:{_MAX_LABEL})\s*:?\s*"
        rf"(?P<max>{NUM})(?!\s*[%/\d]|[.,]\d)",
        re.I,
    ),
    # "đạt 12,7 điểm/15", "12,7 điểm trên thang điểm 15": "điểm" after the score only
    re.compile(
        rf"(?<![\d.,/])(?P<score>{NUM})\s*{POINTS}\s*(?:/|trên\s+thang\s+điểm)\s*(?P<max>{_SMALL})"
        r"(?!\s*%|[.,]?\d|\s*/|\s+(?!đạt|tỷ\s+lệ|tỉ\s+lệ|xếp)\p{L})",  # "5 điểm/15 xã" counts places
        re.I,
    ),
    # "Điểm: 12,7/15", "Điểm đạt: 12,7/15", "Điểm tổng hợp: 83,97/100": a labelled score without "điểm" after it
    re.compile(
        rf"(?<!\p{{L}}\s)(?:tổng\s+(?:số\s+)?điểm|điểm(?:\s+tổng\s+hợp|\s+tổng)?)(?:\s+đạt(?:\s+được)?)?\s*:\s*"
        rf"(?P<score>{_SMALL})\s*/\s*(?P<max>{_SMALL})(?!\s*%|[.,]?\d|\s*/)",
        re.I,
    ),
    # the score first, its maximum in the next clause or sentence: "Tổng điểm tiêu chí này là 12,5. Điểm tối đa là
    # 15 điểm", "Điểm đạt được: 12,5 điểm; điểm tối đa của lĩnh vực: 15 điểm", "… đạt 12,5 điểm, điểm tối đa 15 điểm"
    re.compile(
        rf"(?:(?:tổng\s+(?:số\s+)?điểm|(?:số\s+)?điểm\s+đạt(?:\s+được)?){_OF_CRITERION}\s*(?:là|đạt(?:\s+được)?)?\s*:?\s*"
        rf"(?P<score>{_SMALL})(?:\s*{POINTS})?|(?<!\p{{L}})đạt(?:\s+được)?\s+(?P<score>{_SMALL})\s*{POINTS})"
        rf"\s*[.;,]\s*(?:số\s+)?điểm\s+tối\s+đa{_OF_CRITERION}\s*(?:là)?\s*:?\s*(?P<max>{_SMALL})\s*{POINTS}",
        re.I,
    ),
]
# the whole part of a score typed apart from its decimals ("(5 ,5/6)", ": 5, 5/6"): joined by :func:`_split_score`
_SPLIT_HEAD = r"(?:\d{1,3}(?=\s+[.,]\d{1,2}\s*/)\s+|\d{1,3},(?=\s+\d{1,2}\s*/)\s+)?"
# A score with no "điểm", right after the colon of a criterion statement: "Cải cách thể chế: 4,75 /7 , đạt …",
# or in brackets or after a dash following its title, as clerks type it in the heading line (held-out round 14:
# "2. Cải cách thể chế (5,5/6)"; the same class: "[5,5/6]", "(đạt 5,5/6)", "Cải cách thể chế – 5,5/6").
# Only what can end a score may follow (a clause end, "đạt", "tỷ lệ", a bracket), never a counted noun.
BARE_SCORE_RE = re.compile(
    rf"(?:[:：]|\s[–-]\s|(?P<open>[(\[])\s*(?:đạt(?:\s+được)?\s+)?)\s*{_SPLIT_HEAD}(?P<score>{NUM})(?P<stray1>\s*[.,](?=\s*/))?"
    rf"\s*/\s*(?P<max>{NUM})(?(open)(?=\s*[)\]])|(?P<stray2>\s+[.,](?=\s))?)"
    r"(?=\s*[)\]]?\s*(?:$|[;.,:(]|–|-|đạt|tỷ\s+lệ|tỉ\s+lệ|xếp))",
    re.I,
)
# "mất 7,14/16 điểm", "bị trừ 1,5/3 điểm": the points lost out of the maximum
LOST_BEFORE_RE = re.compile(r"(?<!\p{L}|ngoại\s)(?:bị\s+)?(?:mất|trừ)\s+(?:đi\s+)?$", re.I)
# "12, 7/15 điểm", "12 ,5/13 điểm", "12 , 5/13 điểm": a space beside the decimal comma splits the score in two; the
# part before the comma, as it ends the text before the score (its comma in the score when typed "12 ,5")
SPLIT_NUMBER_RE = re.compile(r"(?<![\d.,/])(?P<int>\d{1,3})(?:\s*,\s+|\s+,\s*)$")
SPLIT_BEFORE_COMMA_RE = re.compile(r"(?<![\d.,/])(?P<int>\d{1,3})\s+$")
# a list before the split number ("các mục 1, 2, 3/5 điểm", "ngày 5, 6/12"): no decimal comma is certain there
_LIST_BEFORE_RE = re.compile(r"\d[.,%]?\s*[,;]\s*$|(?<!\p{L})(?:và|hoặc|các|ngày)\s*$", re.I)
# a code or an ordinal before it ("Tiêu chí 2, 5/6 điểm", "mục 3, 5/6 điểm"): that number is no part of the score
_LABEL_BEFORE_RE = re.compile(r"(?<!\p{L})(?:chí|số|mục|thứ|hạng|phần|điều|khoản|năm|tháng)\s*$", re.I)
# the part after a decimal comma typed apart: one or two digits ("12 ,5", "97, 37")
_FRACTION_RE = re.compile(r"[,.]?\d{1,2}")  # "12 .5": a decimal point typed apart the same way
# "85,5%", "85,5 %", "85,5% điểm" (a percent of the points is a percent all the same), "85,5 phần trăm"
PERCENT_RE = re.compile(rf"(?<![\d.,])(?P<pct>{NUM})\s*{PERCENT_SIGN}")
# "đạt 85,5 điểm": a score without its maximum (not "85,5 điểm/100", not "85,5% điểm")
POINTS_ONLY_RE = re.compile(
    r"(?:đạt|được)\s*:?\s+(?:điểm\s+)?(?P<score>\d+(?:[.,]\d+)?)(?:\s*[.,](?=\s*điểm))?\s*điểm(?!\s*/)", re.I
)
# the maximum printed beside a score stated alone: "(tối đa 12 điểm)", "(tổng điểm tối đa 100 điểm)", "thang điểm 15",
# or in brackets after a criterion's title, before its colon, as the framework prints it: "Cải cách thể chế (6 điểm): …"
STATED_MAX_RE = re.compile(
    r"(?:tối\s+đa|thang\s+điểm)\s*:?\s*(?P<max>\d+(?:[.,]\d+)?)\s*(?:điểm)?(?!\s*/)"
    r"|\(\s*(?P<max>\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)(?=\s*[:：])",
    re.I,
)


_DIGIT_RE = re.compile(r"\d")  # the \d of the patterns (str.isdigit differs)
# A word or sign each of SCORE_RES cannot match without, searched as the pattern would (case-blind):
# most blocks lack some of them, and these searches are much cheaper than the patterns.
# what each of SCORE_RES needs in the lower-cased text: one of these words (substring tests are much cheaper
# than searches)
_SCORE_NEEDS: list[tuple[str, ...]] = [
    ("/",),
    ("/", "trên", "trong"),
    ("trừ", "mất"),  # the points lost ("bị trừ", "mất")
    ("trên",),
    ("(",),
    ("tối", "chuẩn", "thang"),  # "tối đa"
    ("chuẩn", "tối"),
    ("chuẩn", "tối", "thang"),
    ("/", "thang"),
    (":",),
    ("tối",),  # "tối đa"
]
_NEEDED_WORDS = tuple(sorted({word for needs in _SCORE_NEEDS for word in needs}))
_SCORE_NEED_SETS = [frozenset(needs) for needs in _SCORE_NEEDS]
# A part of a pattern's own source (so any match of the pattern holds a match of it; a test checks each is a
# substring of its pattern), led by a literal: a block without it is not searched with the whole pattern,
# which tries every digit of the block (the slash of a date, "trong" and "trên" pass the word tests above)
_SCORE_GATES: dict[int, re.Pattern[str]] = {
    0: re.compile(rf"(?P<slash>/{{1,2}})\s*(?P<max>{NUM}){_MAX_SPLIT}(?P<stray2>{_STRAY})\s*{POINTS}", re.I),
    1: re.compile(rf"{POINTS}\s*(?:trên|/|trong\s+(?=tổng))", re.I),
    2: re.compile(rf"so\s+với\s+{_MAX_AFTER_LOST}", re.I),
    3: re.compile(rf"trên\s+(?:tổng\s*(?:số\s*)?(?:điểm\s*)?)?(?P<max>{NUM})\s*{POINTS}", re.I),
    4: re.compile(rf"{POINTS}\s*\(\s*(?:điểm\s*)?(?:tối\s*đa|chuẩn|trên(?:\s+tổng\s+số)?)", re.I),
    8: re.compile(rf"{POINTS}\s*(?:/|trên\s+thang\s+điểm)\s*(?P<max>{_SMALL})", re.I),
    9: re.compile(rf":\s*(?P<score>{_SMALL})\s*/\s*(?P<max>{_SMALL})", re.I),
}


@dataclass(frozen=True, slots=True)
class ScoreMatch:
    score: ParsedNumber
    max: ParsedNumber
    start: int
    end: int
    text: str
    repaired: str | None = None  # a repair of the statement itself (doubled slash, split number, stray separator)
    lost: bool = False  # printed as the points lost ("mất 7,14/16 điểm"): ``score`` is max − lost


@dataclass(frozen=True, slots=True)
class NumberMatch:
    value: ParsedNumber
    start: int
    end: int


def find_scores(text: str) -> list[ScoreMatch]:
    """Every "x/y điểm"-like statement, in order, overlapping forms removed."""
    return list(_scores_in(text))


@lru_cache(maxsize=1024)
def _scores_in(text: str) -> tuple[ScoreMatch, ...]:
    # the classifier and the assembler both ask for a block's scores
    if ("đ" not in text and "Đ" not in text) or _DIGIT_RE.search(text) is None:
        return ()  # every form has a digit and "điểm" or "đ" (Đ, đ are all that match it case-blind)
    found: list[ScoreMatch] = []
    lowered = text.lower()
    present = {word for word in _NEEDED_WORDS if word in lowered}
    for k, (pattern, needs) in enumerate(zip(SCORE_RES, _SCORE_NEED_SETS, strict=True)):
        if needs.isdisjoint(present) or (k in _SCORE_GATES and _SCORE_GATES[k].search(text) is None):
            continue
        for m in pattern.finditer(text):
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            match = _score_match(text, m)
            if match is not None:
                found.append(match)
    return tuple(sorted(found, key=lambda s: s.start))


def find_bare_score(text: str) -> ScoreMatch | None:
    """A score printed without "điểm" right after a colon ("…: 4,75 /7 , đạt 67,86%"), if it reads as one."""
    m = BARE_SCORE_RE.search(text)
    if m is None:
        return None
    match = _score_match(text, m, start=m.start("score"))
    if match is None or match.max.value > 100 or match.score.value > match.max.value:
        return None
    return match


def _score_match(text: str, m: re.Match[str], start: int | None = None) -> ScoreMatch | None:
    score = parse_number(m["score"], small=True)
    maximum = parse_number(m["max"], small=True)
    if score is None or maximum is None or maximum.value == 0:
        return None
    start = m.start() if start is None else start
    groups = m.groupdict()
    repaired = None
    if groups.get("slash") == "//":
        repaired = f"doubled slash: {m.group(0)!r} read as {score.text}/{maximum.text}"
    elif groups.get("stray1") or groups.get("stray2"):
        repaired = f"stray separator: {text[start : m.end()]!r} read as {score.text.strip(',.')}/{maximum.text.strip(',.')}"
    if groups.get("maxsplit"):
        joined_max, repaired = _split_max(m["max"], m["maxsplit"])
        if joined_max is None:
            return None  # "12,5/14,5 ,5 điểm": no maximum is certain
        maximum = joined_max
    split = _split_score(text, start, m["score"], maximum)
    if split is False:
        return None  # "1 ,5/3 điểm": neither 1,5 nor 5 is certain
    if split is not None:
        start, score, repaired = split
    if groups.get("maxsplit") and score.value > maximum.value:
        return None  # "12,5/1 ,5 điểm": 1,5 or 1, a score above either
    lost = bool(LOST_BEFORE_RE.search(text[max(0, start - 20) : start]))
    if lost:
        if score.value > maximum.value:
            return None
        places = max(score.decimals, maximum.decimals)
        score = replace(score, value=round(maximum.value - score.value, places), decimals=places)
    return ScoreMatch(score, maximum, start, m.end(), text[start : m.end()], repaired, lost)


def _split_max(printed: str, split: str) -> tuple[ParsedNumber | None, str]:
    """A maximum typed apart from its decimals ("18 ,5", "18 . 5") joined (18,5), with the repair; None for one that
    has decimals already ("18,5 ,5")."""
    joined_text = f"{printed}{'.' if '.' in split else ','}{split.strip(' .,' + chr(0xA0))}"
    joined = parse_number(joined_text, small=True) if printed.isdigit() else None
    return joined, f"space inside a number: {printed + split!r} read as {joined_text}"


def _split_number(text: str, start: int, printed: str) -> tuple[int, ParsedNumber] | None | Literal[False]:
    """The number typed with a space beside its decimal comma ("12 ,5", "12, 5", "97, 37") that ends at ``printed``
    (starting at ``start``): (its start, its value); None when nothing is split there; False when a number is
    split but a list comes before it ("1, 2, 3"), where no reading is certain."""
    if not _FRACTION_RE.fullmatch(printed) or start == 0 or text[start - 1] not in " ,\u00a0":
        return None
    before = text[max(0, start - 8) : start]
    split = (SPLIT_BEFORE_COMMA_RE if printed[0] in ",." else SPLIT_NUMBER_RE).search(before)
    if split is None:
        return None
    begin = start - len(split.group(0))
    if _LABEL_BEFORE_RE.search(text[max(0, begin - 12) : begin]):
        return None
    if _LIST_BEFORE_RE.search(text[max(0, begin - 12) : begin]):
        return False
    joined_text = f"{split['int']}{printed if printed[0] in ',.' else ',' + printed}"
    joined = parse_number(joined_text, small=True)
    if joined is None:
        return None
    reason = f"space inside a number: {text[begin:start] + printed!r} read as {joined_text}"
    return begin, replace(joined, text=joined_text, repaired=reason)


def _split_score(
    text: str, start: int, printed: str, maximum: ParsedNumber
) -> tuple[int, ParsedNumber, str] | None | Literal[False]:
    """A score typed with a space beside its decimal comma ("Đạt 12 ,5/13 điểm" is 12,5/13): (its start, its value,
    the repair) when the joined score fits under its maximum; False when a split is there but uncertain."""
    split = _split_number(text, start, printed)
    if split is None or split is False:
        return split
    begin, joined = split
    if joined.value > maximum.value:
        return False
    return begin, replace(joined, repaired=None), str(joined.repaired)


def find_percents(text: str) -> list[NumberMatch]:
    """Every printed percent ("85,5%", "85,5 % điểm") up to 1000; one typed with a space beside its decimal comma
    ("tỷ lệ 91, 67%") joined where that is certain (:func:`_split_percent`), left out where it is not."""
    result = []
    for m in PERCENT_RE.finditer(text):
        split = _split_percent(text, m) if m.start() and text[m.start() - 1] in " ,\u00a0" else None
        if split is False:
            continue
        if split is not None:
            result.append(split)
            continue
        value = parse_number(m["pct"], small=True)
        if value is not None and value.value <= 1000:
            result.append(NumberMatch(value, m.start(), m.end()))
    return result


# what states a score's own percent right before it: "tỷ lệ 91, 67%", "Tỷ lệ đạt: 87 ,5%", "đạt 87 ,5%",
# "tương ứng 91, 67%", or a bracket right after the score's "điểm": "11/12 điểm (91, 67%)"
_PERCENT_LEAD_RE = re.compile(
    r"(?:(?<!\p{L})(?:t[ỷỉ]\s+lệ(?:\s+đạt(?:\s+được)?)?|đạt(?:\s+được)?|tương\s+ứng(?:\s+với)?)\s*:?"
    r"|(?<!\p{L})(?:điểm|đ)\s*\()\s*$",
    re.I,
)


def _split_percent(text: str, m: re.Match[str]) -> NumberMatch | None | Literal[False]:
    """A percent typed with a space beside its decimal comma after "tỷ lệ" or "đạt" ("tỷ lệ 91, 67%", "87 ,5%"):
    joined when two digits follow the comma or the joined value is the percent of the score stated before it;
    False (read nothing) when neither holds or no "tỷ lệ"/"đạt" comes before; None when no such split is there."""
    split = _split_number(text, m.start(), m["pct"])
    if split is None or split is False:
        return split
    begin, joined = split
    if not _PERCENT_LEAD_RE.search(text[max(0, begin - 24) : begin]):
        return False  # "tăng 5, 6%": 5,6 or 6 (or a list)? neither is certain
    certain = len(m["pct"].lstrip(",")) == 2 or any(
        abs(s.score.value / s.max.value * 100 - joined.value) < 0.5 * 10 ** -joined.decimals
        for s in find_scores(text[:begin])
    )
    return NumberMatch(joined, begin, m.end()) if certain and joined.value <= 100 else False


# A criterion stated only by the points it lost, at the start of its statement: "Lĩnh vực này bị trừ 1,5 điểm",
# "Điểm trừ: 0,5 điểm", "Số điểm bị trừ: 1 điểm", "Kết quả thẩm định: bị trừ 1 điểm", "Bị mất: 2 điểm", "Lĩnh vực này
# không bị trừ điểm" (held-out round 20); its
# score is the maximum the report states elsewhere minus these. Not "trừ những trường hợp …" (no points), not last
# year's ("bị trừ 2 điểm so với năm 2020", "năm 2020 bị trừ …": only at the start), not an item of a list.
DEDUCTION_RE = re.compile(
    r"^\s*(?:(?:lĩnh\s+vực|tiêu\s+chí|nội\s+dung)(?:\s+này)?\s+|kết\s+quả(?:\s+thẩm\s+định|\s+chấm\s+điểm)?\s*:\s*)?"
    rf"(?:(?P<none>không\s+bị\s+(?:trừ|mất)\s+điểm)|(?:bị\s+(?:trừ|mất)\s*:?|(?:số\s+)?điểm\s+(?:bị\s+)?trừ\s*:)\s*"
    rf"(?P<lost>{NUM})\s*{POINTS})"
    r"(?!\s*(?:/|thưởng|so\s+với\s+(?:năm|cùng\s+kỳ)|(?:của\s+|trong\s+)?năm\s+(?:\d|trước)))",
    re.I,
)


def find_deduction(text: str) -> NumberMatch | None:
    """The points a criterion's statement says it lost, where it says only that ("Điểm trừ: 0,5 điểm"); 0 for
    "không bị trừ điểm". Only a statement that opens with it: a cheap test for "trừ" comes first."""
    if "rừ" not in text and "ất" not in text:  # "trừ", "Trừ", "mất", "Mất"
        return None
    m = DEDUCTION_RE.search(text)
    if m is None:
        return None
    if m["none"]:
        return NumberMatch(ParsedNumber(value=0.0, decimals=0, text="0"), m.start(), m.end())
    lost = parse_number(m["lost"], small=True)
    return NumberMatch(lost, m.start(), m.end()) if lost is not None else None


def find_stated_max(text: str) -> NumberMatch | None:
    """The maximum printed beside a score stated alone: "(tối đa 12 điểm)"."""
    m = STATED_MAX_RE.search(text)
    value = parse_number(m["max"], small=True) if m else None
    return NumberMatch(value, m.start(), m.end()) if m is not None and value is not None else None


def find_points_only(text: str) -> NumberMatch | None:
    """A score stated without its maximum: "đạt 85,5 điểm"."""
    m = POINTS_ONLY_RE.search(text)
    if m is None:
        return None
    value = parse_number(m["score"], small=True)
    return NumberMatch(value, m.start(), m.end()) if value is not None else None


# a cell holding only a number split at its decimal comma: "12 ,5", "12, 5", "91 , 67 %"
_SPLIT_CELL_RE = re.compile(rf"\s*(?P<int>\d{{1,3}})(?:\s+,\s*|,\s+)(?P<frac>\d{{1,2}})\s*(?:{PERCENT_SIGN}|điểm)?\s*", re.I)


def cell_number(cell: str) -> ParsedNumber | None:
    """The number of a table cell ("12,7", "6,88,", ",11,5"), read with the score grammar's numbers; a cell holding
    one number typed with a space beside its decimal comma ("12 ,5", "91, 67%") is that number, repaired."""
    if "," in cell and (split := _SPLIT_CELL_RE.fullmatch(cell)) is not None:
        joined = parse_number(f"{split['int']},{split['frac']}", small=True)
        reason = f"space inside a number: {cell.strip()!r} read as {split['int']},{split['frac']}"
        return replace(joined, repaired=reason) if joined is not None else None
    m = re.search(NUM + r"[.,]?", cell)
    if not m:
        return None
    parsed = parse_number(m.group(0), small=True)
    if parsed is not None and parsed.repaired is None and m.group(0)[-1] in ",.":
        parsed = replace(parsed, repaired=f"stray separator: {m.group(0)!r} read as {m.group(0)[:-1]!r}")
    return parsed


__all__ = [
    "NUM",
    "PERCENT_SIGN",
    "POINTS",
    "POINTS_OCR",
    "NumberMatch",
    "ScoreMatch",
    "cell_number",
    "find_bare_score",
    "find_deduction",
    "find_percents",
    "find_points_only",
    "find_scores",
]
