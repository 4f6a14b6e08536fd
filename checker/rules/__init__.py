"""Per-report consistency rules: one small function per rule, registered with a stable code.

Every rule reads only the :class:`Record`; a rule that cannot decide (a value not stated, a listing that
may be incomplete) stays silent, because a false alarm costs the reviewer's trust.

One module per family of rules: ``arithmetic`` (CCHC101-104, 115), ``quantities`` (105-106), ``structure``
(107-108), ``references`` (109-111), ``document`` (112-114). Importing this package registers them all.
"""

from __future__ import annotations

from cchc.checker.rules._common import unique_criteria, where
from cchc.checker.rules.arithmetic import (
    deduction_mismatch,
    max_mismatch,
    percent_mismatch,
    score_above_max,
    total_mismatch,
)
from cchc.checker.rules.dates_ranks import date_inconsistency, rank_out_of_range, year_mismatch
from cchc.checker.rules.reading import malformed_number, not_scored_report, unplaced_statement
from cchc.checker.rules.stated_values import (
    Description,
    QuantityMatch,
    cchc_nfc,
    conflicting_values,
    describe,
    fold,
    normalize_unit,
    parse_vi_number,
    same_quantity,
    status_contradiction,
)
from cchc.checker.rules.structure import missing_criterion, numbering_gap, roman_value

__all__ = [
    "Description",
    "QuantityMatch",
    "cchc_nfc",
    "conflicting_values",
    "date_inconsistency",
    "deduction_mismatch",
    "describe",
    "fold",
    "malformed_number",
    "max_mismatch",
    "missing_criterion",
    "normalize_unit",
    "not_scored_report",
    "numbering_gap",
    "parse_vi_number",
    "percent_mismatch",
    "rank_out_of_range",
    "roman_value",
    "same_quantity",
    "score_above_max",
    "status_contradiction",
    "total_mismatch",
    "unique_criteria",
    "unplaced_statement",
    "where",
    "year_mismatch",
]
