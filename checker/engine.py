"""The rule registry and the runner: each rule is one small function registered with a stable code.

A per-report rule is ``(record, ctx) -> Iterable[Hit]``; a batch rule is ``(records, ctx) -> Iterable[Hit]``.
The engine turns hits into :class:`Finding` objects (code, kind, default severity) and sorts them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from cchc.schemas.record import Evidence, Finding, Record, Severity
from cchc.settings import DEFAULT_SETTINGS, Settings

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class FrameworkCriterion(Protocol):
    """One criterion of a scoring framework (bộ chỉ số)."""

    @property
    def code(self) -> str: ...
    @property
    def max_score(self) -> float | None: ...
    @property
    def name(self) -> str: ...


class Framework(Protocol):
    """A scoring framework: its criteria with their maxima."""

    @property
    def criteria(self) -> Sequence[FrameworkCriterion]: ...


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found; the engine adds code, kind and (unless given) the default severity."""

    subject: str
    message: str
    message_en: str
    expected: str | float | int | None = None
    actual: str | float | int | None = None
    evidence: Sequence[Evidence] = ()
    severity: Severity | None = None


@dataclass(slots=True)
class RuleContext:
    """What a rule may use besides the record: settings and the framework in force (if known)."""

    settings: Settings = DEFAULT_SETTINGS
    framework: Framework | None = None


RuleFunc = Callable[[Any, RuleContext], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A registered rule: stable code, contract kind, default severity, one-line titles."""

    code: str
    kind: str
    severity: Severity
    title_vi: str
    title_en: str
    batch: bool = False
    func: RuleFunc = field(repr=False, compare=False, default=lambda r, c: ())


RULES: list[RuleSpec] = []


def rule(
    code: str, kind: str, severity: Severity, title_vi: str, title_en: str, *, batch: bool = False
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under ``code``."""

    def register(func: RuleFunc) -> RuleFunc:
        if any(spec.code == code for spec in RULES):
            raise ValueError(f"rule code {code} registered twice")
        RULES.append(RuleSpec(code, kind, severity, title_vi, title_en, batch, func))
        RULES.sort(key=lambda s: s.code)
        return func

    return register


def _load_rules() -> None:
    # Importing the modules registers their rules.
    import cchc.checker.batch_rules
    import cchc.checker.rules  # noqa: F401


def copy_evidence(*groups: Iterable[Evidence]) -> list[Evidence]:
    """Copies of the evidence of every statement involved, without repeats, in order."""
    seen: set[tuple[Any, ...]] = set()
    out: list[Evidence] = []
    for group in groups:
        for ev in group:
            key = (ev.page, ev.line, ev.paragraph, ev.table, ev.block, ev.text)
            if key not in seen:
                seen.add(key)
                out.append(ev.model_copy(deep=True))
    return out


def _to_finding(spec: RuleSpec, hit: Hit) -> Finding:
    return Finding(
        rule=spec.code,
        kind=spec.kind,
        severity=hit.severity or spec.severity,
        subject=hit.subject,
        message=hit.message,
        message_en=hit.message_en,
        expected=hit.expected,
        actual=hit.actual,
        evidence=copy_evidence(hit.evidence),
    )


def _place(finding: Finding) -> tuple[int, int, int]:
    if not finding.evidence:
        return (1, 0, 0)
    ev = finding.evidence[0]
    line = ev.line if ev.line is not None else ev.paragraph if ev.paragraph is not None else ev.block
    return (0, ev.page or 0, line if line is not None else 0)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; within a severity, by place in the document, then code."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], _place(f), f.rule, f.subject))


def resolve_framework(record: Record) -> Framework | None:
    """The framework named by ``record.framework``, if the extractor registry knows it."""
    if not record.framework:
        return None
    try:
        from cchc.extractors.framework import framework_by_id
    except ImportError:
        return None
    try:
        framework: Framework | None = framework_by_id(record.framework)
    except (LookupError, ValueError):
        return None
    return framework


def run_rules(
    record: Record,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    framework: Framework | None = None,
    select: Iterable[str] | None = None,
) -> list[Finding]:
    """Run every per-report rule (or the codes/kinds in ``select``) over one record.

    ``framework`` overrides the one looked up from ``record.framework``. Findings come sorted by
    severity, then place.

    Example::

        findings = run_rules(record)
        [f.kind for f in findings]   # ['percent_mismatch', 'status_contradiction', ...]
    """
    _load_rules()
    ctx = RuleContext(settings=settings, framework=framework or resolve_framework(record))
    wanted = set(select) if select is not None else None
    findings: list[Finding] = []
    for spec in RULES:
        if spec.batch or (wanted is not None and spec.code not in wanted and spec.kind not in wanted):
            continue
        findings.extend(_to_finding(spec, hit) for hit in spec.func(record, ctx))
    return sort_findings(findings)


def run_batch_rules(
    records: Sequence[Record], settings: Settings = DEFAULT_SETTINGS, *, select: Iterable[str] | None = None
) -> list[Finding]:
    """Run the batch rules (ranks across units, duplicates) over the records of one batch.

    Example::

        run_batch_rules([record_a, record_b])   # [Finding(kind='rank_order', ...)]
    """
    _load_rules()
    ctx = RuleContext(settings=settings)
    wanted = set(select) if select is not None else None
    findings: list[Finding] = []
    for spec in RULES:
        if not spec.batch or (wanted is not None and spec.code not in wanted and spec.kind not in wanted):
            continue
        findings.extend(_to_finding(spec, hit) for hit in spec.func(list(records), ctx))
    return sort_findings(findings)
