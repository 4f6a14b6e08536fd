"""Patterns of CCHC reports: "x/y điểm", percents, ranks ("xếp thứ 5/19"), rank changes ("giảm 5 bậc").

Each finder takes a string and returns plain matches with character spans, so callers can
point back to the source.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from cchc.extractors.numbers import ParsedNumber, parse_number

_NUM = r"[.,]{0,2}\d+(?:[.,]{1,2}\d+)*"  # also malformed forms such as ",11,5"
_DIEM = r"(?:điểm|đ)(?!\p{L})"

SCORE_RES = [
    # "12,7/15 điểm", "12,5 điểm/14 điểm", "8,97/,11,5 điểm", "12,7//15 điểm" (repaired)
    re.compile(rf"(?<![\d.,/])(?P<score>{_NUM})\s*(?:{_DIEM}\s*)?(?P<slash>/{{1,2}})\s*(?P<max>{_NUM})\s*{_DIEM}", re.I),
    # "đạt 12,5 điểm trên tổng số 14 điểm", "12,5 điểm trên 14 điểm"
    re.compile(
        rf"(?<![\d.,/])(?P<score>{_NUM})\s*{_DIEM}\s*(?:trên|/)\s*(?:tổng\s*(?:số\s*)?(?:điểm\s*)?)?(?P<max>{_NUM})\s*{_DIEM}",
        re.I,
    ),
    # "12,7 trên 15 điểm", "12,7 trên tổng số 15 điểm"
    re.compile(
        rf"(?<![\d.,/])(?P<score>{_NUM})\s+trên\s+(?:tổng\s*(?:số\s*)?(?:điểm\s*)?)?(?P<max>{_NUM})\s*{_DIEM}",
        re.I,
    ),
    # "12,5 điểm (tối đa 14 điểm)", "12,5 điểm (điểm tối đa: 14)"
    re.compile(
        rf"(?<![\d.,/])(?P<score>{_NUM})\s*{_DIEM}\s*\(\s*(?:điểm\s*)?tối\s*đa\s*(?:là\s*)?:?\s*(?P<max>{_NUM})(?:\s*{_DIEM})?\s*\)",
        re.I,
    ),
]
# "12, 7/15 điểm": a decimal comma followed by a space splits the score in two
SPLIT_NUMBER_RE = re.compile(r"(?<![\d.,/])(?P<int>\d{1,3}),\s+$")
PERCENT_RE = re.compile(rf"(?<![\d.,])(?P<pct>{_NUM})\s*%")
RANK_RE = re.compile(
    r"(?:xếp\s+(?:thứ\s+)?(?:hạng\s+)?(?:thứ\s+)?(?:vị\s+trí\s+)?(?:thứ\s+)?|đứng\s+(?:thứ\s+)?(?:hạng\s+)?|"
    r"(?<!\p{L})vị\s+(?:trí|thứ)\s+(?:thứ\s+)?|(?<!\p{L})hạng\s+(?:thứ\s+)?)"
    r"(?P<rank>\d{1,4})\s*(?:/|(?:trên|trong)\s+(?:tổng\s+số\s+)?(?:số\s+)?)\s*(?P<total>\d{1,4})(?![\d/])",
    re.I,
)
CHANGE_RE = re.compile(
    r"(?P<dir>tăng|giảm|lên|xuống|tụt)\s+(?:hạng\s+)?(?P<n>\d{1,3})\s*(?:bậc|hạng|thứ\s+hạng|vị\s+trí|bậc\s+xếp\s+hạng)",
    re.I,
)
SAME_RANK_RE = re.compile(
    r"(?:duy\s+trì|giữ\s+nguyên|giữ\s+vững|không\s+thay\s+đổi|không\s+đổi)\s*(?:thứ\s+bậc|thứ\s+hạng|vị\s+trí|bậc|hạng|xếp\s+hạng)",
    re.I,
)
CLASSIFICATION_RE = re.compile(r"xếp\s+loại\s*:?\s*(?P<cls>[^.;,()\n]{2,60})", re.I)


@dataclass(frozen=True, slots=True)
class ScoreMatch:
    score: ParsedNumber
    max: ParsedNumber
    start: int
    end: int
    text: str
    repaired: str | None = None  # a repair of the pattern itself (doubled slash, split number)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    value: ParsedNumber
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RankMatch:
    rank: int
    total: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ChangeMatch:
    change: int
    start: int
    end: int


def find_scores(text: str) -> list[ScoreMatch]:
    """Every "x/y điểm"-like statement, in order, overlapping forms removed."""
    found: list[ScoreMatch] = []
    for pattern in SCORE_RES:
        for m in pattern.finditer(text):
            score = parse_number(m["score"], small=True)
            maximum = parse_number(m["max"], small=True)
            if score is None or maximum is None or maximum.value == 0:
                continue
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            start, repaired = m.start(), None
            if "slash" in m.groupdict() and m["slash"] == "//":
                repaired = f"doubled slash: {m.group(0)!r} read as {score.text}/{maximum.text}"
            split = SPLIT_NUMBER_RE.search(text[max(0, m.start() - 8) : m.start()])
            if split and score.decimals == 0 and "." not in m["score"] and "," not in m["score"]:
                joined = parse_number(f"{split['int']},{m['score']}", small=True)
                if joined is not None:
                    start = m.start() - (len(split.group(0)))
                    repaired = f"space inside a number: {split.group(0) + m['score']!r} read as {joined.text.replace(' ', '')}"
                    score = joined
            found.append(ScoreMatch(score, maximum, start, m.end(), text[start : m.end()], repaired))
    return sorted(found, key=lambda s: s.start)


def find_percents(text: str) -> list[NumberMatch]:
    result = []
    for m in PERCENT_RE.finditer(text):
        value = parse_number(m["pct"], small=True)
        if value is not None and value.value <= 1000:
            result.append(NumberMatch(value, m.start(), m.end()))
    return result


def find_ranks(text: str) -> list[RankMatch]:
    return [RankMatch(int(m["rank"]), int(m["total"]), m.start(), m.end()) for m in RANK_RE.finditer(text)]


def find_changes(text: str) -> list[ChangeMatch]:
    found = []
    for m in CHANGE_RE.finditer(text):
        n = int(m["n"])
        sign = 1 if m["dir"].lower() in ("tăng", "lên") else -1
        found.append(ChangeMatch(sign * n, m.start(), m.end()))
    for m in SAME_RANK_RE.finditer(text):
        found.append(ChangeMatch(0, m.start(), m.end()))
    return sorted(found, key=lambda c: c.start)


def find_classification(text: str) -> str | None:
    m = CLASSIFICATION_RE.search(text)
    if not m:
        return None
    cls = re.split(r"\s+(?:và|với)\s+", m["cls"].strip())[0].strip()
    return cls or None
