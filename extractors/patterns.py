"""Patterns of CCHC reports: ranks ("xếp thứ 5/19"), rank changes ("giảm 5 bậc"), classification.

Scores and percents are the score grammar's (:mod:`cchc.extractors.scores`), re-exported here.

Each finder takes a string and returns plain matches with character spans, so callers can
point back to the source.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from cchc.extractors.scores import NumberMatch, ScoreMatch, find_percents, find_scores

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


__all__ = [
    "ChangeMatch",
    "NumberMatch",
    "RankMatch",
    "ScoreMatch",
    "find_changes",
    "find_classification",
    "find_percents",
    "find_ranks",
    "find_scores",
]
