"""Ranks against scores: the one test that a rank contradicts a score, for a batch's reports
(``checker.batch_rules``) and for a published ranking's rows (``checker.official``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import combinations, pairwise
from typing import TypeVar

T = TypeVar("T")
_EPS = 1e-9


def rank_inversions(
    items: Iterable[T],
    score: Callable[[T], float | None],
    rank: Callable[[T], int | None],
    *,
    adjacent: bool = False,
) -> Iterator[tuple[T, T]]:
    """Pairs ``(better, worse)`` where ``better`` has the smaller rank number and the strictly lower score.

    Equal scores may share a rank or not (ties as printed). Every pair, in the items' order; with
    ``adjacent``, only neighbours once sorted by rank: a break in the order is reported once, not once per pair.
    """
    known = [x for x in items if score(x) is not None and rank(x) is not None]
    pairs = pairwise(sorted(known, key=lambda x: rank(x) or 0)) if adjacent else combinations(known, 2)
    for a, b in pairs:
        better, worse = (a, b) if (rank(a) or 0) <= (rank(b) or 0) else (b, a)
        if (rank(better) or 0) < (rank(worse) or 0) and (score(better) or 0) < (score(worse) or 0) - _EPS:
            yield better, worse
