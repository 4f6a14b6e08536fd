"""Vietnamese numbers: decimal comma, thousands dot, and the exceptions real reports print.

"83,97" → 83.97; "2.252" → 2252 (a dot before exactly three digits groups thousands);
"92.83" → 92.83 (a dot decimal, seen in real reports); "1.234,5" → 1234.5.
Malformed numbers such as ",11,5" (in "8,97/,11,5") are repaired and reported, never silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

import regex as re

# A number as printed: digits with optional . or , groups. Leading separators are malformed.
NUMBER = r"\d+(?:[.,]\d+)*"
NUMBER_RE = re.compile(NUMBER)


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number read from text: its value, decimals as printed, and any repair made."""

    value: float
    decimals: int
    text: str
    repaired: str | None = None  # reason when the printed form had to be repaired


_DOUBLED_SEPARATOR_RE = re.compile(r"([.,])[.,]+")


def parse_number(text: str, *, small: bool = False) -> ParsedNumber | None:
    """Parse one Vietnamese-printed number.

    ``small`` says the context holds small values (scores, percents): there a single dot
    is a decimal point even before three digits ("1.305 điểm" is unlikely, "92.830" is not
    a score). Returns None for text that is not a number.
    """
    raw = text.strip()
    repaired: str | None = None
    cleaned = raw
    if cleaned[:1] in ",.":
        cleaned = cleaned.lstrip(",.")
        repaired = f"leading separator dropped: {raw!r} read as {cleaned!r}"
    if _DOUBLED_SEPARATOR_RE.search(cleaned):
        fixed = _DOUBLED_SEPARATOR_RE.sub(r"\1", cleaned)
        repaired = f"doubled separator: {raw!r} read as {fixed!r}"
        cleaned = fixed
    cleaned = cleaned.rstrip(",.")
    if not cleaned or not NUMBER_RE.fullmatch(cleaned):
        return None
    dots, commas = cleaned.count("."), cleaned.count(",")
    if dots and commas:
        decimal_sep = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, frac = cleaned.rpartition(decimal_sep)
        groups = whole.split(thousands)
        if decimal_sep in whole or not all(len(g) == 3 for g in groups[1:]):
            return None  # "0.0,0.0": no reading is certain
        return _make("".join(groups), frac, raw, repaired)
    if commas:
        if commas > 1 and all(len(g) == 3 for g in cleaned.split(",")[1:]):
            return _make(cleaned.replace(",", ""), "", raw, repaired)
        if commas > 1:
            return None
        int_part, _, frac = cleaned.partition(",")
        return _make(int_part, frac, raw, repaired)
    if dots:
        groups = cleaned.split(".")
        if dots > 1:
            if all(len(g) == 3 for g in groups[1:]):
                return _make("".join(groups), "", raw, repaired)
            return None
        int_part, frac = groups
        if len(frac) == 3 and not small and int_part != "0":
            return _make(int_part + frac, "", raw, repaired)
        return _make(int_part, frac, raw, repaired)
    return _make(cleaned, "", raw, repaired)


def _make(int_part: str, frac: str, raw: str, repaired: str | None) -> ParsedNumber:
    value = float(f"{int(int_part)}.{frac}") if frac else float(int(int_part))
    return ParsedNumber(value=value, decimals=len(frac), text=raw, repaired=repaired)


def format_vi(value: float, decimals: int | None = None, *, lang: Literal["vi", "en"] = "vi") -> str:
    """A number as a reviewer reads it: 83.97 -> "83,97" (English "83.97"); 15.0 -> "15".

    Vietnamese groups thousands with a dot past four digits (123456.5 -> "123.456,5"; a year or a
    count such as 3155 stays as printed). ``decimals`` fixes the places, rounding half up (0.125 ->
    "0,13", not banker's "0,12"); without it the shortest form is kept, up to four places.
    """
    places = Decimal(1).scaleb(-(decimals if decimals is not None else 4))
    dec = Decimal(repr(float(value))).quantize(places, rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(dec):f}".partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    sign = "-" if dec < 0 and any(c != "0" for c in whole + frac) else ""
    if lang == "en":
        return sign + whole + ("." + frac if frac else "")
    return sign + _group_thousands(whole) + ("," + frac if frac else "")


def _group_thousands(digits: str) -> str:
    if len(digits) <= 4:
        return digits
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return ".".join(reversed(groups))
