"""Printed-precision arithmetic: compare printed values at the precision they were printed with.

A record holds floats parsed from the report, so the number of decimals printed is read back from the
float itself (12.7 -> 1, 83.97 -> 2, 5.0 -> 0), or, for a percent, from its printed form in the evidence
(:func:`printed_decimals`: "96,00" has 2). Where neither tells, the wider interval only ever avoids a false alarm.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

import regex as re

_MAX_DECIMALS = 6
_EPS = 1e-9


def decimals(x: float) -> int:
    """Decimals ``x`` was printed with, as far as its shortest repr tells (12.7 -> 1, 70.0 -> 0)."""
    if not math.isfinite(x):
        return 0
    exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return 0
    return min(_MAX_DECIMALS, max(0, -exponent))


def printed_interval(x: float, *, integers_exact: bool) -> tuple[float, float]:
    """Interval of true values that print as ``x``; an integer score is exact when ``integers_exact``."""
    d = decimals(x)
    if d == 0 and integers_exact:
        return (x, x)
    half = 0.5 * 10.0**-d
    return (x - half, x + half)


def ratio_percent_interval(score: float, max_score: float) -> tuple[float, float]:
    """Interval of ``score / max_score * 100`` given the printed score (maxima and counts are exact)."""
    lo, hi = printed_interval(score, integers_exact=True)
    return (lo / max_score * 100.0, hi / max_score * 100.0)


_PRINTED_NUMBER_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?(?![\d])")


def printed_decimals(value: float, texts: Iterable[str]) -> int:
    """Decimals ``value`` was printed with in ``texts`` (its evidence): "96,00" has 2, which the float
    96.0 no longer tells; the float's own :func:`decimals` when no printed form of it is found."""
    found = [
        len(m.group(0)) - 1 - max(m.group(0).find(","), m.group(0).find("."))
        for text in texts
        for m in _PRINTED_NUMBER_RE.finditer(text)
        if ("," in m.group(0) or "." in m.group(0)) and _same(m.group(0), value)
    ]
    return max(found) if found else decimals(value)


def _same(printed: str, value: float) -> bool:
    try:
        return abs(float(printed.replace(",", ".")) - value) < _EPS
    except ValueError:
        return False


def percent_printed_interval(percent: float, places: int | None = None) -> tuple[float, float]:
    """Interval of true percents a clerk's spreadsheet prints as ``percent``.

    A spreadsheet shows a percent rounded half up to two places and the clerk may retype that
    shown value with one place less: 99,747 shows as 99,75 and is typed as 99,8, although 99,747
    rounds to 99,7 directly. So the interval reaches half a unit of the next place further down.
    """
    d = decimals(percent) if places is None else max(places, decimals(percent))
    half = 0.5 * 10.0**-d
    return (percent - half - 0.5 * 10.0 ** -(d + 1), percent + half)


def percent_consistent(
    score: float, max_score: float, percent: float, slack: float = 0.0, places: int | None = None
) -> bool:
    """True when the printed ``percent`` can be the rounding of ``score / max_score``.

    >>> percent_consistent(9.67, 10, 96.71), percent_consistent(12.7, 15, 87.67), percent_consistent(3150, 3158, 99.8)
    (True, False, True)
    """
    if max_score <= 0:
        return True
    rlo, rhi = ratio_percent_interval(score, max_score)
    plo, phi = percent_printed_interval(percent, places)
    return not (rhi < plo - slack - _EPS or rlo > phi + slack + _EPS)


def recomputed_percent(score: float, max_score: float, like: float, places: int | None = None) -> float:
    """``score / max_score * 100`` rounded to the decimals of the printed percent ``like`` (at least 1);
    ``places``: the decimals it was printed with when the float does not tell ("83,50" has 2)."""
    return round(score / max_score * 100.0, max(1, decimals(like) if places is None else places))


def sum_tolerance(values: Iterable[float], per_term: float) -> float:
    """Tolerance of a sum: ``per_term`` for each value printed with decimals (integers are exact)."""
    return sum(per_term for v in values if decimals(v) > 0) + _EPS


def close(a: float, b: float, tolerance: float) -> bool:
    """``|a - b| <= tolerance`` with a little room for binary floating point."""
    return abs(a - b) <= tolerance + _EPS
