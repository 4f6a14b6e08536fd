"""Helpers shared by the per-report rules: where a statement is, the criteria kept, the parts of a code."""

from __future__ import annotations

from collections.abc import Sequence

from cchc.checker import messages as m
from cchc.schemas.record import Criterion, Evidence, Record

_EPS = 1e-9


# --------------------------------------------------------------------------- helpers


def where(evidence: Sequence[Evidence], lang: m.Lang) -> str:
    """Short place of the first evidence: ``tr. 3, dòng 12`` / ``p. 3, line 12``; empty if unknown."""
    if not evidence:
        return ""
    ev = evidence[0]
    parts: list[str] = []
    if ev.page is not None:
        parts.append(f"tr. {ev.page}" if lang == "vi" else f"p. {ev.page}")
    if ev.line is not None:
        parts.append(f"dòng {ev.line}" if lang == "vi" else f"line {ev.line}")
    elif ev.paragraph is not None:
        parts.append(f"đoạn {ev.paragraph + 1}" if lang == "vi" else f"paragraph {ev.paragraph + 1}")
    return ", ".join(parts)


def _at(evidence: Sequence[Evidence], lang: m.Lang) -> str:
    place = where(evidence, lang)
    return f" ({place})" if place else ""


def unique_criteria(record: Record) -> list[Criterion]:
    """The criteria with the first statement of each code kept (unmatched criteria all kept)."""
    seen: set[str] = set()
    out: list[Criterion] = []
    for c in record.criteria:
        if c.code is not None:
            if c.code in seen:
                continue
            seen.add(c.code)
        out.append(c)
    return out


def _code_parts(code: str) -> list[int] | None:
    parts = code.strip().rstrip(".").split(".")
    return [int(p) for p in parts] if all(p.isdigit() for p in parts) else None
