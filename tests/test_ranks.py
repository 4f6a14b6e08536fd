"""checker.ranks.rank_inversions: the rank-contradicts-score test shared by the batch and ranking rules."""

from __future__ import annotations

from cchc.checker.ranks import rank_inversions

# (name, score, rank)
ROWS = [("A", 90.0, 1), ("B", 80.5, 2), ("C", 85.0, 3), ("D", 70.0, 4), ("E", 70.0, 4), ("F", None, 5)]


def _pairs(rows: list[tuple[str, float | None, int | None]], adjacent: bool = False) -> list[tuple[str, str]]:
    return [(b[0], w[0]) for b, w in rank_inversions(rows, lambda r: r[1], lambda r: r[2], adjacent=adjacent)]


def test_every_pair_where_the_better_ranked_scored_less() -> None:
    assert _pairs(ROWS) == [("B", "C")]
    # C (85) ranked 3rd, below B (80.5) and also below a unit of 84 ranked 1st
    assert _pairs([("X", 84.0, 1), *ROWS[1:3]]) == [("X", "C"), ("B", "C")]


def test_adjacent_reports_one_break_per_neighbour_pair() -> None:
    rows = [("X", 84.0, 1), ("B", 80.5, 2), ("C", 85.0, 3)]
    assert _pairs(rows, adjacent=True) == [("B", "C")]


def test_ties_and_unknowns_are_not_inversions() -> None:
    # equal scores may share a rank or not; a unit without a score or rank is not compared
    assert _pairs([("D", 70.0, 4), ("E", 70.0, 5), ("F", None, 1), ("G", 99.0, None)]) == []
    assert _pairs([("D", 70.0, 4), ("E", 71.0, 4)]) == []
    assert _pairs([("H", 70.0, 2), ("I", 70.0 + 1e-12, 3)]) == []
