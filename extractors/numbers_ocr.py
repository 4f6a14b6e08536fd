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
    r"(?P<lead>/\s*,?)(?P<a>\d{1,3})(?P<sep>\s?[;:]\s?|,\s+)(?P<b>\d{1,2})" rf"(?=\s*{POINTS_OCR})",
    re.IGNORECASE,
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
        reason = (
            "space after the decimal comma"
            if m["sep"].strip() == ","
            else f"{m['sep'].strip()!r} read for the decimal comma"
        )
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


# A table cell that holds one number (a score, a total, a percent, a rank): "8,5O", "l0", "T,7", "89.32%".
# Alone in a cell, a digit-shaped capital is a digit too: T for 7, S for 5, B for 8.
_CELL_RE = re.compile(r"(?P<x>[0-9OoIl|TSB]{1,3}(?:[,.][0-9OoIl|TSB]{1,3})?)(?P<tail>\s*%?)")
_CELL_TO_DIGIT = str.maketrans({"T": "7", "S": "5", "B": "8"})


# A roman group number misread in a table cell: "lI" or "Il" for "II", "H" for "II", "lV" for "IV".
# The Vietnamese model also reads a bare I with a tone mark ("lÌ" for "II").
_CELL_ROMAN_RE = re.compile(r"[IlH|ÌÍỈĨỊìíỉĩị]{1,3}V?|V[IlH|ÌÍỈĨỊìíỉĩị]{0,3}")
_ROMAN_LOOKALIKES = str.maketrans({**{ch: "I" for ch in "l|ÌÍỈĨỊìíỉĩị"}, "H": "II"})


def repair_ocr_cell(text: str) -> tuple[str, list[Repair]]:
    """A table cell holding one number, repaired as in :func:`repair_ocr_numbers` (confusable
    letters made digits, a decimal point before one or two digits made the decimal comma), or a
    roman group number ("lI" for "II").

    The cell is the context: only a cell that is nothing but one number with at least one real
    digit, or nothing but roman-numeral look-alikes with at least one that is not a roman letter,
    is touched ("II", a group's roman number, stays).
    """
    stripped = text.strip()
    roman = _CELL_ROMAN_RE.fullmatch(stripped)
    if roman and any(ch != "I" and ch != "V" for ch in stripped):
        fixed = stripped.translate(_ROMAN_LOOKALIKES)
        if re.fullmatch(r"I{1,3}|IV|VI{0,3}", fixed):
            return fixed, [(stripped, fixed, "roman group number misread in a table cell")]
    m = _CELL_RE.fullmatch(stripped)
    if m is None or not any(ch.isdigit() for ch in m["x"]):
        return text, []
    shaped = m["x"].translate(_CELL_TO_DIGIT)
    fixed, reasons = _fix_number(shaped)
    if shaped != m["x"]:
        letters = "/".join(sorted({ch for ch in m["x"] if ch in "TSB"}))
        reasons = [f"letter {letters} read for a digit", *reasons]
    if not reasons:
        return text, []
    out = fixed + m["tail"]
    return out, [(stripped, out, f"{'; '.join(reasons)} in a table cell")]


def comma_lost(text: str, maximum: float, expected: float | None = None) -> float | None:
    """The score a cell read without its decimal comma holds ("73" under a maximum of 8 is 7,3), or None.

    OCR drops a comma tucked under the digit before it. Read as an integer over the column's maximum,
    the cell is taken for the reading with a comma (at most two decimals) that equals ``expected``
    (the row's total less its other scores) when one does, else for the one reading that fits under
    the maximum. A cell with two such readings and nothing to choose between them is left alone.
    """
    digits = text.strip()
    if not re.fullmatch(r"[1-9]\d{1,3}", digits) or int(digits) <= maximum:
        return None
    fits = [
        value
        for i in range(max(1, len(digits) - 2), len(digits))
        if (value := float(f"{digits[:i]}.{digits[i:]}")) <= maximum
    ]
    agreeing = [v for v in fits if expected is not None and abs(v - expected) < 0.005]
    if len(agreeing) == 1:
        return agreeing[0]
    return fits[0] if len(fits) == 1 else None


def fits_shape(text: str, value: float) -> bool:
    """Whether a number OCR read with one unreadable character ("8,?") is ``value`` printed with a decimal
    comma: same length, same digits where they were read, one character that is no digit."""
    shape = text.strip()
    want = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if len(shape) != len(want) or not re.fullmatch(r"[\d\S]{1,3}(?:,[\d\S]{1,2})?", shape):
        return False
    unread = [(a, b) for a, b in zip(shape, want) if a != b]
    return len(unread) == 1 and not unread[0][0].isalnum() and unread[0][0] != ","


def repair_rank_column(cells: list[str]) -> dict[int, tuple[str, Repair]]:
    """Ranks in a table column ("3/19") whose slash OCR lost ("319"), by the column's own ranks.

    When at least three cells of the column are ranks over one total N (and no other total), a cell
    that is only digits ending in N, the rest a rank no greater than N, is that rank over N.
    Returns the repaired cells by their index in ``cells``.
    """
    totals = [m[2] for cell in cells if (m := re.fullmatch(r"\s*(\d{1,3})\s*/\s*(\d{1,3})\s*", cell))]
    if len(totals) < 3 or len(set(totals)) != 1:
        return {}
    total = totals[0]
    out: dict[int, tuple[str, Repair]] = {}
    for i, cell in enumerate(cells):
        digits = cell.strip()
        if not digits.isdigit() or not digits.endswith(total) or len(digits) == len(total):
            continue
        rank = digits[: -len(total)]
        if rank[0] != "0" and int(rank) <= int(total):
            fixed = f"{rank}/{total}"
            out[i] = (
                fixed,
                (
                    digits,
                    fixed,
                    "slash of a rank lost in a table cell (the column's ranks are over " + total + ")",
                ),
            )
    return out


__all__ = ["comma_lost", "fits_shape", "repair_ocr_cell", "repair_ocr_numbers", "repair_rank_column"]


# Digits Tesseract confuses in printed Vietnamese reports (a stroke lost or added).
DIGIT_CONFUSIONS = {
    ("1", "7"),
    ("7", "1"),
    ("5", "6"),
    ("6", "5"),
    ("3", "8"),
    ("8", "3"),
    ("0", "8"),
    ("8", "0"),
    ("1", "4"),
    ("4", "1"),
    ("9", "0"),
    ("0", "9"),
    ("5", "9"),  # a serif 5 whose flag and bowl close up at 150-300 dpi (held-out scans of rounds 12-13)
    ("9", "5"),
}


# How a repair of :func:`score_from_percent` begins its reason: the report printed the number right, OCR misread it
# (the checker says so, as info, rather than calling the report's number malformed)
OCR_MISREAD_REASON = "OCR misread a digit"


def score_from_percent(score: float, maximum: float, percent: float) -> float | None:
    """The score a misread digit hides, when the printed percent makes it certain, else None.

    "1,5" read where the row prints 8 and 93,75%: 93,75% of 8 is 7,5, which differs from what was
    read by one digit that OCR confuses (1 for 7), so the score is 7,5. "73" read over a maximum of 8
    at 91,25% is 7,3 with its decimal comma lost. Any other difference (two digits, a digit pair OCR
    does not confuse, a percent that fits no such score) is left alone.
    """
    if maximum <= 0 or not 0 <= percent <= 100:
        return None
    candidate = round(percent * maximum / 100, 2)
    if abs(candidate * 100 / maximum - percent) > 0.006 or abs(candidate - score) < 1e-9:
        return None
    if score > maximum and float(score).is_integer() and comma_lost(f"{score:g}", maximum, candidate) == candidate:
        return candidate  # "73" where the row prints 8 and 91,25%: the decimal comma was lost
    read, want = f"{score:g}", f"{candidate:g}"
    if len(read) != len(want):
        return None
    diffs = [(a, b) for a, b in zip(read, want) if a != b]
    if len(diffs) == 1 and diffs[0] in DIGIT_CONFUSIONS:
        return candidate
    return None
