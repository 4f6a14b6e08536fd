"""Rules on what a report says of itself: its year, its rank and its dates (CCHC109-CCHC111)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, rule
from cchc.checker.rules._common import _at, unique_criteria
from cchc.schemas.record import Evidence, Record

# --------------------------------------------------------------------------- CCHC109 year_mismatch

_ROLE_VI = {"title": "tiêu đề", "body": "nội dung", "closing": "phần kết"}
_ROLE_EN = {"title": "title", "body": "body", "closing": "closing"}


@rule(
    "CCHC109",
    "year_mismatch",
    "warning",
    "Năm báo cáo ghi khác nhau giữa tiêu đề, nội dung và phần kết",
    "Report year stated differently in title, body and closing",
)
def year_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Each year statement that differs from the title's year, or from the year the other statements all
    give when they outvote the title (a title naming the wrong year: "… NĂM 2023" over a body and a closing
    on 2022); the majority when there is no title."""
    if len(record.years) < 2:
        return
    titles = [s for s in record.years if s.role == "title"]
    counts = Counter(s.year for s in record.years)
    year = Counter(s.year for s in titles or record.years).most_common(1)[0][0]
    outvoted = bool(titles) and len(counts) == 2 and counts[year] == 1 and len(record.years) >= 3
    if outvoted:
        year = next(y for y in counts if y != year)
    reference = next(s for s in (record.years if outvoted else titles or record.years) if s.year == year)
    if outvoted:
        ref_vi, ref_en = "các phần còn lại", "the rest of the report"
    else:
        ref_vi = _ROLE_VI[reference.role] if titles else "đa số"
        ref_en = f"the {_ROLE_EN[reference.role]}" if titles else "the majority"
    for s in record.years:
        if s is reference:
            continue
        if s.year != year:
            yield Hit(
                subject=s.role,
                message=f"Năm báo cáo ở {_ROLE_VI[s.role]}{_at(s.evidence, 'vi')} là {s.year} nhưng ở "
                f"{ref_vi}{_at(reference.evidence, 'vi')} là {year}",
                message_en=f"Report year in the {_ROLE_EN[s.role]}{_at(s.evidence, 'en')} is {s.year} but in "
                f"{ref_en}{_at(reference.evidence, 'en')} it is {year}",
                expected=year,
                actual=s.year,
                evidence=[*s.evidence, *reference.evidence],
            )
        elif (
            s.next_year is not None and reference.next_year is not None and s.next_year != reference.next_year
        ):
            yield Hit(
                subject=s.role,
                message=f"Năm triển khai nhiệm vụ ở {_ROLE_VI[s.role]}{_at(s.evidence, 'vi')} là {s.next_year} "
                f"nhưng ở {ref_vi}{_at(reference.evidence, 'vi')} là {reference.next_year}",
                message_en=f"Next year's plan in the {_ROLE_EN[s.role]}{_at(s.evidence, 'en')} is {s.next_year} "
                f"but in {ref_en}{_at(reference.evidence, 'en')} it is {reference.next_year}",
                expected=reference.next_year,
                actual=s.next_year,
                evidence=[*s.evidence, *reference.evidence],
            )


# --------------------------------------------------------------------------- CCHC110 rank_out_of_range


@rule(
    "CCHC110",
    "rank_out_of_range",
    "error",
    "Thứ hạng lớn hơn tổng số đơn vị, hoặc bằng 0",
    "Rank larger than its total, or zero",
)
def rank_out_of_range(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """rank > rank_total or rank < 1, for the overall rank and each criterion's rank."""
    o = record.overall
    items: list[tuple[str, str, str, int | None, int | None, Sequence[Evidence]]] = [
        ("overall", m.overall_place("vi"), m.overall_place("en"), o.rank, o.rank_total, o.evidence)
    ]
    items += [
        (
            c.code or c.title,
            m.criterion_place(c.code, "vi"),
            m.criterion_place(c.code, "en"),
            c.rank,
            c.rank_total,
            c.evidence,
        )
        for c in unique_criteria(record)
    ]
    for subject, vi, en, rank, total, evidence in items:
        if rank is None:
            continue
        if rank < 1 or (total is not None and rank > total):
            shown = f"{rank}/{total}" if total is not None else str(rank)
            yield Hit(
                subject=subject,
                message=f"{vi}: xếp thứ {shown}, thứ hạng phải từ 1 đến "
                f"{total if total is not None else 'tổng số đơn vị'}",
                message_en=f"{en}: ranked {shown}; a rank must be between 1 and "
                f"{total if total is not None else 'the number of units'}",
                expected=f"1..{total}" if total is not None else ">= 1",
                actual=shown,
                evidence=evidence,
            )


# --------------------------------------------------------------------------- CCHC111 date_inconsistency


def _iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _vi_date(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@rule(
    "CCHC111",
    "date_inconsistency",
    "warning",
    "Văn bản dẫn chiếu có ngày sau ngày báo cáo, hoặc ngày không tồn tại",
    "Referenced document dated after the report, or an impossible date",
)
def date_inconsistency(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A reference dated after the report's own date, or an impossible date (31/02)."""
    issued = _iso(record.meta.issued_date)
    date_evidence = [ev for ev in record.meta.evidence if "ngày" in ev.text.casefold()]
    for ref in record.references:
        name = " ".join(p for p in (ref.type, f"số {ref.number}" if ref.number else None) if p)
        if not ref.date_valid:
            shown = ref.evidence[0].text if ref.evidence else (ref.date or "?")
            yield Hit(
                subject=ref.number or ref.type,
                message=f"{name}: ngày không tồn tại trong {m.quote(shown, 60)}",
                message_en=f"{name}: impossible date in {m.quote(shown, 60)}",
                expected="a valid date",
                actual=ref.date,
                evidence=ref.evidence,
            )
            continue
        when = _iso(ref.date)
        if issued is not None and when is not None and when > issued:
            yield Hit(
                subject=ref.number or ref.type,
                message=f"{name} ngày {_vi_date(when)} sau ngày ban hành báo cáo {_vi_date(issued)}",
                message_en=f"{name} dated {when.isoformat()}, after the report's own date {issued.isoformat()}",
                expected=f"<= {issued.isoformat()}",
                actual=when.isoformat(),
                evidence=[*ref.evidence, *date_evidence],
            )
