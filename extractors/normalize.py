"""One normalisation of Vietnamese names, titles, units and quantity labels.

Reports mix composed and decomposed Unicode, old and new tone placement (``hoà``/``hòa``,
``Thuỷ``/``Thủy``), capitals and stray spaces. :func:`fold` removes exactly those differences and
keeps the letters, so "hồ sơ" and "hộ" stay apart; :func:`fold_loose` also drops the diacritics and
punctuation, for matching printed titles that carry typing errors ("Cái cách thể chế"). The
framework matcher, the checker, the batch rules and the store all fold with these two functions.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex as re

# fmt: off
# Old-style tone placement differs from the new style only on a final "oa/oe/uy" (hoà/hòa), not
# before a consonant (hoàn) and not after "q" (quý): Vietnamese orthography, Decision 240/QĐ (1984)
# and its later revisions, which the reports' own spellings follow either way.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# fmt: on
_OLD_TONES_RE = re.compile(f"(?<!q)(?:{'|'.join(_OLD_TONES)})(?!\\p{{L}})")
_NOT_WORD_RE = re.compile(r"[^\w]+")


def nfc(text: str) -> str:
    """Unicode NFC (reports mix composed and decomposed Vietnamese)."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """NFC, case folded, new-style tone placement (hoà -> hòa), one space between words.

    >>> fold("  Xã  THANH HOÀ "), fold("Thuỷ") == fold("Thủy")
    ('xã thanh hòa', True)
    """
    text = nfc(text).casefold()
    text = _OLD_TONES_RE.sub(lambda m: _OLD_TONES[m.group(0)], text)
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def fold_loose(text: str) -> str:
    """:func:`fold` without diacritics (đ as d) and with punctuation as spaces, for tolerant matching.

    >>> fold_loose("Cái cách thể chế"), fold_loose("chỉ đạo, điều hành")
    ('cai cach the che', 'chi dao dieu hanh')
    """
    text = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD_RE.sub(" ", text).split())


def contains_phrase(folded_text: str, folded_phrase: str) -> bool:
    """``folded_phrase`` occurs in ``folded_text`` as whole words (both already folded alike)."""
    return f" {folded_phrase} " in f" {folded_text} "


__all__ = ["contains_phrase", "fold", "fold_loose", "nfc"]


def matches_from(
    pattern: re.Pattern[str], text: str, starts: tuple[str, ...], folded: str | None = None
) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match begins with one of ``starts``: tried only
    where one of them stands (str.find is much cheaper than the pattern's scan of every position).
    ``folded``: where to find them instead, a case folding of ``text`` of the same length (case-blind patterns)."""
    where = text if folded is None else folded
    positions = set()
    for word in starts:
        at = where.find(word)
        while at != -1:
            positions.add(at)
            at = where.find(word, at + 1)
    found: list[re.Match[str]] = []
    for at in sorted(positions):
        if (not found or at >= found[-1].end()) and (m := pattern.match(text, at)) is not None:
            found.append(m)
    return found


def folded_in_place(text: str) -> str | None:
    """``text`` lower-cased, "ſ" (long s, an "s" to a case-blind pattern) as "s", if every offset stays the
    same (None when a letter lowers to two, as "İ" does): where :func:`matches_from` finds a case-blind
    pattern's words."""
    folded = text.lower().replace("ſ", "s")
    return folded if len(folded) == len(text) else None
