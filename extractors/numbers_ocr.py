"""Repair OCR confusions in numbers where the context makes the reading certain.

Only three contexts are trusted: a score ``x/y điểm``, a rank ``thứ x/y`` / ``hạng x/y`` and a
percent ``xx,yy%``. Inside such a number, a letter that OCR commonly reads for a digit
(O/o for 0; l, I, | for 1) is a digit, and a decimal point followed by one or two digits is the
decimal comma. A token without a single real digit is never touched, and nothing outside these
contexts is changed: those numbers stay as read, for the parsers to report as malformed.
"""

from __future__ import annotations

import regex as re

from cchc.extractors.scores import POINTS_OCR

_CONFUSABLE = "OoIl|"
_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_NUM = r"[0-9OoIl|]{1,3}(?:[,.][0-9OoIl|]{1,2})?"
_INT = r"[0-9OoIl|]{1,3}"

_SCORE_RE = re.compile(
    rf"(?<![\p{{L}}\p{{N}},.])(?P<x>{_NUM})(?P<sep>\s*/\s*)(?P<y>{_NUM})(?P<tail>\s*{POINTS_OCR})(?!\p{{L}})",
    re.IGNORECASE,
)
_RANK_RE = re.compile(
    rf"(?<=\b(?:thứ|hạng)\s{{1,3}})(?P<x>{_INT})(?P<sep>\s*/\s*)(?P<y>{_INT})(?![\p{{L}}\p{{N}},.])",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(rf"(?<![\p{{L}}\p{{N}},.])(?P<x>{_NUM})(?P<tail>\s*%)")

Repair = tuple[str, str, str]

# A decimal comma read as ";" or ":" (with or without spaces), or followed by a space, inside a
# number that a score slash or a percent sign follows: "8 ;97/", "77 ;99%", "9, 67/10 điểm".
_SEPARATOR_RE = re.compile(
    r"(?<![\p{N}.,])(?P<a>\d{1,3})(?P<sep>\s?[;:]\s?|,\s+)(?P<b>\d{1,2})"
    rf"(?=\s*(?:/[\s,.]*\d[\d,.\s]*{POINTS_OCR}|%))",
    re.IGNORECASE,
)
# The same after the slash of a score: "/11, 5 điểm" (a leading "," is the report's own and stays).
_AFTER_SLASH_RE = re.compile(
    r"(?P<lead>/\s*,?)(?P<a>\d{1,3})(?P<sep>\s?[;:]\s?|,\s+)(?P<b>\d{1,2})" rf"(?=\s*{POINTS_OCR})", re.IGNORECASE
)
# A roman section number at the start of a heading line: "HI." for "III.", "Il." for "II."
_ROMAN_START_RE = re.compile(r"^(?P<num>[IlH1|]{1,4}|[IlH1|]{0,3}V)(?P<rest>\.\s+\p{Lu}{2})")


def _fix_number(token: str) -> tuple[str, list[str]]:
    """The token with confusables made digits and a 1-2 digit decimal point made a comma."""
    if not any(ch.isdigit() for ch in token):
        return token, []
    reasons = []
    fixed = token.translate(_TO_DIGIT)
    if fixed != token:
        letters = sorted({ch for ch in token if ch in _CONFUSABLE})
        reasons.append("letter " + "/".join(letters) + " read for a digit")
    m = re.fullmatch(r"(\d{1,3})\.(\d{1,2})", fixed)
    if m:
        fixed = f"{m[1]},{m[2]}"
        reasons.append("decimal point read for the decimal comma")
    return fixed, reasons


def repair_ocr_numbers(text: str) -> tuple[str, list[Repair]]:
    """Repaired text and the repairs made, as (original, repaired, reason)."""
    repairs: list[Repair] = []

    def pair(context: str):
        def sub(m: re.Match[str]) -> str:
            x, rx = _fix_number(m["x"])
            y, ry = _fix_number(m["y"])
            if not rx and not ry:
                return m[0]
            out = x + m["sep"] + y + (m.groupdict().get("tail") or "")
            reasons = sorted(set(rx + ry))
            repairs.append((m[0], out, f"{'; '.join(reasons)} in a {context}"))
            return out

        return sub

    def percent(m: re.Match[str]) -> str:
        x, rx = _fix_number(m["x"])
        if not rx:
            return m[0]
        out = x + m["tail"]
        repairs.append((m[0], out, f"{'; '.join(rx)} in a percent"))
        return out

    def separator(m: re.Match[str]) -> str:
        out = f"{m.groupdict().get('lead') or ''}{m['a']},{m['b']}"
        reason = "space after the decimal comma" if m["sep"].strip() == "," else f"{m['sep'].strip()!r} read for the decimal comma"
        repairs.append((m[0], out, f"{reason} in a score or percent"))
        return out

    def roman(m: re.Match[str]) -> str:
        fixed = m["num"].replace("H", "II").translate(str.maketrans("l1|", "III"))
        if fixed == m["num"] or not re.fullmatch(r"I{1,3}|IV|V|VI{1,3}|IX|X", fixed):
            return m[0]
        repairs.append((m["num"] + ".", fixed + ".", "roman section number misread"))
        return fixed + m["rest"]

    text = _ROMAN_START_RE.sub(roman, text)
    text = _SEPARATOR_RE.sub(separator, text)
    text = _AFTER_SLASH_RE.sub(separator, text)
    text = _SCORE_RE.sub(pair("score x/y điểm"), text)
    text = _RANK_RE.sub(pair("rank"), text)
    text = _PERCENT_RE.sub(percent, text)
    return text, repairs


__all__ = ["repair_ocr_numbers"]


# Digits Tesseract confuses in printed Vietnamese reports (a stroke lost or added).
DIGIT_CONFUSIONS = {("1", "7"), ("7", "1"), ("5", "6"), ("6", "5"), ("3", "8"), ("8", "3"), ("0", "8"), ("8", "0"),
                    ("1", "4"), ("4", "1"), ("9", "0"), ("0", "9")}


def score_from_percent(score: float, maximum: float, percent: float) -> float | None:
    """The score a misread digit hides, when the printed percent makes it certain, else None.

    "1,5" read where the row prints 8 and 93,75%: 93,75% of 8 is 7,5, which differs from what was
    read by one digit that OCR confuses (1 for 7), so the score is 7,5. Any other difference (two
    digits, a digit pair OCR does not confuse, a percent that fits no such score) is left alone.
    """
    if maximum <= 0 or not 0 <= percent <= 100:
        return None
    candidate = round(percent * maximum / 100, 2)
    if abs(candidate * 100 / maximum - percent) > 0.006 or abs(candidate - score) < 1e-9:
        return None
    read, want = f"{score:g}", f"{candidate:g}"
    if len(read) != len(want):
        return None
    diffs = [(a, b) for a, b in zip(read, want) if a != b]
    if len(diffs) == 1 and diffs[0] in DIGIT_CONFUSIONS:
        return candidate
    return None
