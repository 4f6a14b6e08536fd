"""Number formatting and place names for one-line findings, in Vietnamese and English."""

from __future__ import annotations

from typing import Literal

from cchc.checker.rounding import decimals as _decimals
from cchc.extractors.numbers import format_vi

Lang = Literal["vi", "en"]


def num(x: float | None, lang: Lang = "vi", places: int | None = None) -> str:
    """A number as a reviewer reads it: ``12,7`` in Vietnamese, ``12.7`` in English; ``?`` if unknown."""
    if x is None:
        return "?"
    return format_vi(x, _decimals(float(x)) if places is None else places, lang=lang)


def pct(x: float | None, lang: Lang = "vi", places: int | None = None) -> str:
    """A percent with its sign: ``87,67%``."""
    return f"{num(x, lang, places)}%"


def ratio(a: float | None, b: float | None, lang: Lang = "vi") -> str:
    """``a/b`` with each number as printed: ``12,7/15``."""
    return f"{num(a, lang)}/{num(b, lang)}"


def criterion_place(code: str | None, lang: Lang) -> str:
    """``Tiêu chí 1`` / ``Criterion 1``."""
    label = code if code is not None else "?"
    return f"Tiêu chí {label}" if lang == "vi" else f"Criterion {label}"


def indicator_place(code: str, lang: Lang) -> str:
    """``Chỉ số 1.3`` / ``Indicator 1.3``."""
    return f"Chỉ số {code}" if lang == "vi" else f"Indicator {code}"


def overall_place(lang: Lang) -> str:
    """``Điểm tổng hợp`` / ``Overall score``."""
    return "Điểm tổng hợp" if lang == "vi" else "Overall score"


def quote(text: str, limit: int = 80) -> str:
    """Text in typographic quotes, shortened to ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def short(text: str, limit: int = 60) -> str:
    """Text on one line, shortened to ``limit`` characters (for a finding's subject)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def join(items: list[str], lang: Lang) -> str:
    """``a, b và c`` / ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    last = " và " if lang == "vi" else " and "
    return ", ".join(items[:-1]) + last + items[-1]
