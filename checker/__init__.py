"""Consistency checker: a registry of small rules over an extracted :class:`Record`.

``run_rules(record, settings)`` runs the per-report rules, ``run_batch_rules(records, settings)`` the rules
across the reports of one batch; ``RULES`` lists every rule (code, kind, severity, titles) for ``cchc rules``.
"""

from cchc.checker import batch_rules as _batch_rules  # noqa: F401  (registers the batch rules)
from cchc.checker import history as _history  # noqa: F401  (registers the cross-year rules)
from cchc.checker import official as _official  # noqa: F401  (registers the ranking and official-result rules)
from cchc.checker import rules as _rules  # noqa: F401  (registers the per-report rules)
from cchc.checker.engine import RULES, run_batch_rules, run_rules

__all__ = ["RULES", "run_batch_rules", "run_rules"]
