"""Quantities stated as ratios in prose ("3150/3155=99,8%", "2/19", "2.252/3.177", "6/7 nhiệm vụ").

Scores ("x/y điểm"), ranks ("xếp thứ 5/19"), dates and document numbers are not quantities.
Each quantity keeps the counted noun (``unit``) and the words that say what is counted
(``label``), so the checker can tell when two statements speak of the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from cchc.extractors.layout import sentence_bounds
from cchc.extractors.lexicon import COUNTED_NOUNS
from cchc.extractors.numbers import parse_number

_COUNT = r"\d{1,3}(?:\.\d{3})+|\d+"
RATIO_RE = re.compile(
    rf"(?<![\d.,/])(?P<num>{_COUNT})\s*/\s*(?P<den>{_COUNT})(?!\d|[/.,]\d|\s*/|\s*(?:điểm|đ)(?!\p{{L}})|\s*-)"
)
# "3 trên 18 cán bộ, công chức", "1 trên tổng số 17 TTHC": a ratio in words, taken only before a counted noun
WORDED_RATIO_RE = re.compile(
    rf"(?<![\d.,/])(?P<num>{_COUNT})\s+trên\s+(?:tổng\s+số\s+)?(?P<den>{_COUNT})(?=\s+(?:người\s+)?\p{{L}})(?![.,]\d)"
)
RANK_BEFORE_RE = re.compile(r"(?:xếp|hạng|thứ|đứng)\s*(?:thứ\s*)?(?:hạng\s*)?(?:thứ\s*)?$", re.I)
PERCENT_AFTER_RE = re.compile(r"^\s*(?:=|bằng|,?\s*đạt(?:\s+tỷ\s+lệ)?|\(|,?\s*tỷ\s+lệ(?:\s+đạt)?|,?\s*chiếm)?\s*(?P<pct>\d+(?:[.,]\d+)?)\s*%")
# Counted nouns, most specific first (the lexicon says why each is there); the canonical unit is the value.
UNITS: list[tuple[str, str]] = [(pattern, unit) for pattern, unit, _why in COUNTED_NOUNS]
UNIT_RES = [(re.compile(rf"(?<!\p{{L}})(?:{pattern})(?!\p{{L}})", re.I), unit) for pattern, unit in UNITS]
AFTER_SKIP_RE = re.compile(r"^\s*(?:tổng\s+số\s+|trong\s+tổng\s+số\s+|trên\s+tổng\s+số\s+|số\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    numerator: float
    denominator: float
    percent: float | None
    unit: str | None
    label: str
    sentence: str
    start: int
    end: int


def _unit_near(text: str, start: int, end: int, s_left: int, s_right: int) -> str | None:
    after = text[end:s_right]
    skip = AFTER_SKIP_RE.match(after)
    rest = after[skip.end() if skip else 0 :]
    for pattern, unit in UNIT_RES:
        m = pattern.match(rest)
        if m:
            return unit
    before = text[s_left:start]
    nouns = [(m.start(), m.end(), unit) for pattern, unit in UNIT_RES for m in pattern.finditer(before)]
    # "TTHC" inside "hồ sơ TTHC", "công chức" inside "cán bộ, công chức": part of a longer noun, not a noun
    whole = [n for n in nouns if not any(o[0] <= n[0] and n[1] <= o[1] and o[1] - o[0] > n[1] - n[0] for o in nouns)]
    if whole:
        return max(whole)[2]
    for pattern, unit in UNIT_RES:
        if pattern.search(after):
            return unit
    return None


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every count ratio in ``text`` with its unit, label, sentence and a percent printed right after it."""
    found = []
    matches = sorted([*RATIO_RE.finditer(text), *WORDED_RATIO_RE.finditer(text)], key=lambda m: m.start())
    for m in matches:
        if m.re is WORDED_RATIO_RE and not any(p.match(text, m.end() + 1) for p, _ in UNIT_RES) and not re.match(
            r"\s+người\b", text[m.end() :]
        ):
            continue
        if RANK_BEFORE_RE.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        if re.match(r"\s*[\p{Lu}Đ]{2,}", text[m.end() : m.end() + 4]) and not re.match(r"\s*(?:TTHC|CBCC|PAKN)", text[m.end() :]):
            continue
        num, den = parse_number(m["num"]), parse_number(m["den"])
        if num is None or den is None or den.value == 0:
            continue
        left, right = sentence_bounds(text, m.start(), m.end())
        pm = PERCENT_AFTER_RE.match(text[m.end() : right])
        percent = None
        if pm is None:
            tail = text[m.end() : right]
            later = re.search(r"(?:đạt|tỷ\s+lệ)[^\d%]{0,20}?(?P<pct>\d+(?:[.,]\d+)?)\s*%", tail, re.I)
            if later and not re.search(r"\d", tail[: later.start("pct")]):
                pm = later
        if pm is not None:
            pct = parse_number(pm["pct"], small=True)
            percent = pct.value if pct else None
        sentence = " ".join(text[left:right].split())
        label = _label(text, left, m.start(), m.end(), right)
        found.append(
            FoundQuantity(
                numerator=num.value,
                denominator=den.value,
                percent=percent,
                unit=_unit_near(text, m.start(), m.end(), left, right),
                label=label,
                sentence=sentence,
                start=m.start(),
                end=m.end(),
            )
        )
    return found


def _label(text: str, left: int, start: int, end: int, right: int) -> str:
    """The words around a ratio that say what it counts, numbers and punctuation removed."""
    before = text[left:start]
    after = text[end:right]
    # a counted noun written with a comma ("cán bộ, công chức", "tin, bài") is one noun: its comma
    # does not end what is counted
    for pattern, _ in UNIT_RES:
        after = pattern.sub(lambda m: m.group(0).replace(",", ""), after)
    after = re.split(r"[,;(=]|\s+(?:do|vì|nên)\s+", after, maxsplit=1)[0]
    words = re.sub(r"[^\p{L}\s]", " ", f"{before} {after}")
    return " ".join(words.split())
