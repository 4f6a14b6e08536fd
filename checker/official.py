"""Official results: checks inside a published ranking, and of each report against the ranking of its
year and area (issue 13).

Inside a ranking (per-record rules, CCHC401-404): a row's criteria add up to its total, its percent is
its total over the maximum, ranks follow totals, ranks neither skip nor repeat without a tie.
A report against a ranking (batch rules, CCHC411-414): scores and ranks agree with the official row,
the unit is in the ranking that covers it, every ranked unit has a report in the batch.

Printed values are compared at the precision they are printed with (``checker.rounding``): a report's
"84,0" matches an official 83,97 (the same value rounded), 12,5 against an official 12,7 does not, and
integer scores are exact ("10 điểm" is not 10,25).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, rule
from cchc.checker.history import change_text
from cchc.checker.ranks import rank_inversions
from cchc.checker.rounding import close, decimals, percent_consistent, printed_interval, sum_tolerance
from cchc.checker.rules import unique_criteria, where
from cchc.extractors.normalize import fold_loose
from cchc.schemas.record import Evidence, Finding, Ranking, RankingRow, Record
from cchc.settings import DEFAULT_SETTINGS, Settings

OFFICIAL_KINDS = ("official_score_mismatch", "official_rank_mismatch", "official_unit_missing")
_EPS = 1e-9


def _row_match_key(name: str | None) -> str:
    """A unit's name folded for matching ("Đông Hòa" = "Đông Hoà" = "DONG HOA"); the level is not part of it."""
    return fold_loose(name or "")


def _row_label(row: RankingRow) -> str:
    return f"{row.unit_level} {row.unit_name}" if row.unit_level else row.unit_name


def _ranking(record: Record) -> Ranking | None:
    return record.ranking if record.document_type == "ranking" else None


def _file(record: Record) -> str:
    return Path(record.source.file).name


def _cite(record: Record, evidence: Sequence[Evidence], lang: m.Lang) -> str:
    place = where(evidence, lang)
    return f"{_file(record)}, {place}" if place else _file(record)


# --------------------------------------------------------------------------- inside a ranking


@rule(
    "CCHC401",
    "ranking_total_mismatch",
    "error",
    "Tổng điểm của đơn vị trong bảng công bố khác tổng điểm các tiêu chí",
    "A ranked unit's total is not the sum of its criterion scores",
)
def ranking_total_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Each row that prints every criterion of the ranking: the scores add up to the total."""
    ranking = _ranking(record)
    if ranking is None or not ranking.framework:
        return
    codes = [c.code for c in ranking.framework if c.code is not None]
    for row in ranking.rows:
        if row.total is None or any(code not in row.scores for code in codes):
            continue
        values = [row.scores[code] for code in codes]
        total = sum(values)
        if close(total, row.total, sum_tolerance([*values, row.total], ctx.settings.sum_tolerance_per_term)):
            continue
        places = max(decimals(row.total), *(decimals(v) for v in values))
        yield Hit(
            subject=_row_label(row),
            message=f"{_row_label(row)}: tổng điểm in {m.num(row.total)} nhưng {len(codes)} tiêu chí cộng lại "
            f"{m.num(total, 'vi', places)}",
            message_en=f"{_row_label(row)}: total printed {m.num(row.total, 'en')} but the {len(codes)} criteria "
            f"sum to {m.num(total, 'en', places)}",
            expected=round(total, places),
            actual=row.total,
            evidence=row.evidence,
        )


@rule(
    "CCHC402",
    "ranking_percent_mismatch",
    "error",
    "Chỉ số % của đơn vị trong bảng công bố khác tổng điểm / điểm tối đa",
    "A ranked unit's percent is not its total over the maximum",
)
def ranking_percent_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """percent = total / max_total, at the precision both are printed with (the maximum is exact)."""
    ranking = _ranking(record)
    if ranking is None or not ranking.max_total:
        return
    for row in ranking.rows:
        if row.total is None or row.percent is None:
            continue
        if percent_consistent(row.total, ranking.max_total, row.percent):
            continue
        expected = round(row.total / ranking.max_total * 100, max(2, decimals(row.percent)))
        yield Hit(
            subject=_row_label(row),
            message=f"{_row_label(row)}: {m.num(row.total)}/{m.num(ranking.max_total)} điểm là {m.pct(expected)} "
            f"nhưng bảng in {m.pct(row.percent)}",
            message_en=f"{_row_label(row)}: {m.num(row.total, 'en')}/{m.num(ranking.max_total, 'en')} is "
            f"{m.pct(expected, 'en')} but the table prints {m.pct(row.percent, 'en')}",
            expected=expected,
            actual=row.percent,
            evidence=row.evidence,
        )


def _rank_groups(ranking: Ranking) -> list[list[RankingRow]]:
    """Rows ranked together: each group when the ranks restart in every group, else the whole ranking."""
    by_group: dict[str | None, list[RankingRow]] = defaultdict(list)
    for row in ranking.rows:
        by_group[row.group].append(row)
    ranked = [[r.rank for r in rows if r.rank is not None] for rows in by_group.values()]
    if len(by_group) > 1 and all(ranks and min(ranks) == 1 for ranks in ranked):
        return list(by_group.values())
    return [list(ranking.rows)]


@rule(
    "CCHC403",
    "ranking_order",
    "error",
    "Thứ hạng trong bảng công bố không theo tổng điểm",
    "Ranks in the published ranking do not follow the totals",
)
def ranking_order(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A higher total with a worse (larger) rank; equal totals may share a rank or not (ties as printed)."""
    ranking = _ranking(record)
    if ranking is None:
        return
    for rows in _rank_groups(ranking):
        for better, worse in rank_inversions(rows, lambda r: r.total, lambda r: r.rank, adjacent=True):
            yield Hit(
                subject=_row_label(worse),
                message=f"{_row_label(worse)} đạt {m.num(worse.total)} điểm nhưng xếp thứ {worse.rank}, sau "
                f"{_row_label(better)} ({m.num(better.total)} điểm, thứ {better.rank})",
                message_en=f"{_row_label(worse)} scored {m.num(worse.total, 'en')} but ranks {worse.rank}, below "
                f"{_row_label(better)} ({m.num(better.total, 'en')}, rank {better.rank})",
                expected=f"< {better.rank}",
                actual=worse.rank,
                evidence=[*worse.evidence, *better.evidence],
            )


@rule(
    "CCHC404",
    "ranking_rank_gap",
    "warning",
    "Thứ hạng trong bảng công bố bị nhảy cóc hoặc trùng mà không bằng điểm",
    "Ranks in the published ranking skip or repeat without a tie",
)
def ranking_rank_gap(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Ranks of a table: after k units ranked 1..n the next is n+1, or the same n for an equal total
    (and then n+2 after two tied units: standard competition ranking). Prose lists are partial: not checked."""
    ranking = _ranking(record)
    if ranking is None or ranking.form != "table":
        return
    for rows in _rank_groups(ranking):
        ranked = sorted((r for r in rows if r.rank is not None), key=lambda r: r.rank or 0)
        for k, (prev, row) in enumerate(pairwise(ranked), start=2):
            tie = prev.total is not None and row.total is not None and abs(prev.total - row.total) < _EPS
            if row.rank == prev.rank:
                if tie:
                    continue
                vi = f"trùng thứ {row.rank} với {_row_label(prev)} mà không bằng điểm"
                en = f"shares rank {row.rank} with {_row_label(prev)} without an equal total"
            elif row.rank == k or (row.rank == (prev.rank or 0) + 1 and not tie):  # competition or dense ranking
                continue
            else:
                vi, en = f"xếp thứ {row.rank} ngay sau thứ {prev.rank}", f"ranks {row.rank} right after {prev.rank}"
            yield Hit(
                subject=_row_label(row),
                message=f"{_row_label(row)}: {vi} (đơn vị thứ {k} trong danh sách)",
                message_en=f"{_row_label(row)}: {en} (unit {k} in the list)",
                expected=k,
                actual=row.rank,
                evidence=[*row.evidence, *prev.evidence],
            )


# --------------------------------------------------------------------------- a report against a ranking


def _same_area(report: Record, ranking: Ranking) -> bool:
    if ranking.district and report.meta.district:
        return fold_loose(ranking.district) == fold_loose(report.meta.district)
    if ranking.province and report.meta.province and not ranking.district and not report.meta.district:
        return fold_loose(ranking.province) == fold_loose(report.meta.province)
    return False


@dataclass(frozen=True, slots=True)
class Match:
    """A report and the official row of its unit in the ranking of its year and area."""

    report: Record
    ranking_record: Record
    row: RankingRow | None


def covering_rankings(report: Record, rankings: Sequence[Record]) -> list[Record]:
    """The rankings of the report's year and area (district, or province when neither names one)."""
    year = report.meta.report_year
    return [
        r
        for r in rankings
        if r.ranking is not None and r.ranking.year == year and year is not None and _same_area(report, r.ranking)
    ]


def find_row(ranking: Ranking, name: str | None, level: str | None) -> RankingRow | None:
    """The row of a unit: same folded name, and same level when both state one."""
    key = _row_match_key(name)
    for row in ranking.rows:
        if _row_match_key(row.unit_name) == key and (not level or not row.unit_level or level == row.unit_level):
            return row
    return None


def matches(records: Sequence[Record]) -> list[Match]:
    """Each scored report with a ranking of its year and area in ``records``, and its row (None if absent)."""
    rankings = [r for r in records if r.document_type == "ranking" and r.ranking is not None]
    out: list[Match] = []
    for report in records:
        if report.document_type != "report" or not report.is_scored_report or not report.meta.unit_name:
            continue
        for ranking_record in covering_rankings(report, rankings):
            assert ranking_record.ranking is not None
            row = find_row(ranking_record.ranking, report.meta.unit_name, report.meta.unit_level)
            out.append(Match(report, ranking_record, row))
    return out


def _agree(stated: float, official: float) -> bool:
    """Two printed values can be the same true value, each rounded as printed: the half-open rounding
    intervals overlap (89,9 contains 89,88; 89,87 and 89,88 only touch, so they differ). An integer score
    is exact, as everywhere in the checker: "10" is not 10,25 rounded, but it is "10,0"."""
    slo, shi = printed_interval(stated, integers_exact=True)
    olo, ohi = printed_interval(official, integers_exact=True)
    if slo == shi:
        return olo - _EPS <= slo <= ohi + _EPS
    if olo == ohi:
        return slo - _EPS <= olo <= shi + _EPS
    return shi > olo + _EPS and ohi > slo + _EPS


def _unit(report: Record) -> str:
    meta = report.meta
    return f"{meta.unit_level} {meta.unit_name}" if meta.unit_level else meta.unit_name or _file(report)


@rule(
    "CCHC411",
    "official_score_mismatch",
    "error",
    "Điểm báo cáo khác điểm đã công bố",
    "A reported score differs from the published one",
    batch=True,
)
def official_score_mismatch(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """Overall score and percent, and each criterion score, against the unit's official row."""
    for match in matches(records):
        row, report, official = match.row, match.report, match.ranking_record
        if row is None:
            continue
        o = report.overall
        pairs: list[tuple[str, str, str, float | None, float | None, Sequence[Evidence]]] = [
            ("overall", "Tổng điểm", "Total score", o.score, row.total, o.evidence),
            ("percent", "Chỉ số (%)", "Index (%)", o.percent, row.percent, o.evidence),
        ]
        for c in unique_criteria(report):
            if c.code is not None:
                pairs.append(
                    (c.code, m.criterion_place(c.code, "vi"), m.criterion_place(c.code, "en"), c.score,
                     row.scores.get(c.code), c.evidence)
                )  # fmt: skip
        for subject, what_vi, what_en, stated, published, evidence in pairs:
            if stated is None or published is None or _agree(stated, published):
                continue
            yield Hit(
                subject=f"{_unit(report)}: {subject}",
                message=f"{_unit(report)} — {what_vi}: báo cáo ghi {m.num(stated)} nhưng kết quả công bố là "
                f"{m.num(published)} ({_cite(official, row.evidence, 'vi')})",
                message_en=f"{_unit(report)} — {what_en}: the report states {m.num(stated, 'en')} but the published "
                f"result is {m.num(published, 'en')} ({_cite(official, row.evidence, 'en')})",
                expected=published,
                actual=stated,
                evidence=[*evidence[:1], *row.evidence],
            )


def _previous_row(match: Match, records: Sequence[Record]) -> tuple[Record, RankingRow] | None:
    year = match.report.meta.report_year
    if year is None:
        return None
    rankings = [r for r in records if r.document_type == "ranking" and r.ranking is not None]
    for ranking_record in rankings:
        ranking = ranking_record.ranking
        assert ranking is not None
        if ranking.year == year - 1 and _same_area(match.report, ranking):
            row = find_row(ranking, match.report.meta.unit_name, match.report.meta.unit_level)
            if row is not None:
                return ranking_record, row
    return None


@rule(
    "CCHC412",
    "official_rank_mismatch",
    "error",
    "Thứ hạng báo cáo khác thứ hạng đã công bố",
    "A reported rank differs from the published one",
    batch=True,
)
def official_rank_mismatch(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """Rank and number ranked against the official row; the stated change of rank ("giảm 5 bậc")
    against last year's ranking when the batch or the store has it."""
    for match in matches(records):
        row, report, official = match.row, match.report, match.ranking_record
        if row is None:
            continue
        o = report.overall
        cite_vi, cite_en = _cite(official, row.evidence, "vi"), _cite(official, row.evidence, "en")
        if o.rank is not None and row.rank is not None and (
            o.rank != row.rank or (o.rank_total is not None and row.rank_total is not None and o.rank_total != row.rank_total)
        ):
            stated = f"{o.rank}/{o.rank_total}" if o.rank_total is not None else str(o.rank)
            published = f"{row.rank}/{row.rank_total}" if row.rank_total is not None else str(row.rank)
            yield Hit(
                subject=f"{_unit(report)}: rank",
                message=f"{_unit(report)}: báo cáo ghi xếp thứ {stated} nhưng kết quả công bố là thứ {published} "
                f"({cite_vi})",
                message_en=f"{_unit(report)}: the report states rank {stated} but the published rank is {published} "
                f"({cite_en})",
                expected=published,
                actual=stated,
                evidence=[*o.evidence[:1], *row.evidence],
            )
        previous = _previous_row(match, records)
        if previous is None or o.rank_change is None or row.rank is None or previous[1].rank is None:
            continue
        before_record, before = previous
        actual = (before.rank or 0) - row.rank
        if actual == o.rank_change:
            continue
        year = report.meta.report_year
        yield Hit(
            subject=f"{_unit(report)}: rank_change",
            message=f"{_unit(report)}: báo cáo ghi {change_text(o.rank_change, 'vi')}, nhưng kết quả công bố xếp "
            f"thứ {before.rank} năm {year - 1 if year else '?'} ({_cite(before_record, before.evidence, 'vi')}) và "
            f"thứ {row.rank} năm {year} ({cite_vi}): {change_text(actual, 'vi')}",
            message_en=f"{_unit(report)}: the report states {change_text(o.rank_change, 'en')}, but the published "
            f"ranks are {before.rank} in {year - 1 if year else '?'} ({_cite(before_record, before.evidence, 'en')}) "
            f"and {row.rank} in {year} ({cite_en}): {change_text(actual, 'en')}",
            expected=actual,
            actual=o.rank_change,
            evidence=[*o.evidence[:1], *row.evidence, *before.evidence],
        )


@rule(
    "CCHC415",
    "max_mismatch",
    "error",
    "Điểm tối đa của tiêu chí khác điểm tối đa in trong kết quả công bố",
    "Criterion maximum differs from the one printed in the published ranking",
    batch=True,
)
def official_max_mismatch(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """A report whose framework has no registered maxima, against the maxima in the header of the ranking
    of its year and area in the batch (a registered framework is checked by CCHC104 instead)."""
    seen: set[tuple[int, str]] = set()
    for match in matches(records):
        report, ranking = match.report, match.ranking_record.ranking
        if report.framework_maxima_known or ranking is None:
            continue
        maxima = {c.code: c for c in ranking.framework if c.code is not None and c.max_score is not None}
        for c in unique_criteria(report):
            header = maxima.get(c.code or "")
            if header is None or c.max_score is None or header.max_score is None or (id(report), c.code or "") in seen:
                continue
            seen.add((id(report), c.code or ""))
            if abs(header.max_score - c.max_score) < 1e-6:
                continue
            source = _file(match.ranking_record)
            yield Hit(
                subject=c.code or c.title,
                message=f"{_unit(report)} — {m.criterion_place(c.code, 'vi')}: điểm tối đa in {m.num(c.max_score)} "
                f"nhưng kết quả công bố ({source}) ghi {m.num(header.max_score)}",
                message_en=f"{_unit(report)} — {m.criterion_place(c.code, 'en')}: printed maximum "
                f"{m.num(c.max_score, 'en')} but the published ranking ({source}) prints {m.num(header.max_score, 'en')}",
                expected=header.max_score,
                actual=c.max_score,
                evidence=[*c.evidence[:1], *header.evidence],
            )


@rule(
    "CCHC413",
    "official_unit_missing",
    "warning",
    "Đơn vị báo cáo không có trong kết quả công bố",
    "The reporting unit is not in the published ranking that covers it",
    batch=True,
)
def official_unit_missing(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """A report of a year and area whose ranking (a table, which lists every unit) has no row for its unit."""
    for match in matches(records):
        ranking = match.ranking_record.ranking
        if match.row is not None or ranking is None or ranking.form != "table":
            continue
        report = match.report
        yield Hit(
            subject=_unit(report),
            message=f"{_unit(report)} không có trong kết quả công bố năm {ranking.year} "
            f"({_file(match.ranking_record)}, {len(ranking.rows)} đơn vị)",
            message_en=f"{_unit(report)} is not in the published ranking for {ranking.year} "
            f"({_file(match.ranking_record)}, {len(ranking.rows)} units)",
            expected=None,
            actual=_unit(report),
            evidence=[*report.meta.evidence[:1], *ranking.evidence[:1]],
        )


@rule(
    "CCHC414",
    "report_missing",
    "info",
    "Đơn vị có trong kết quả công bố nhưng chưa có báo cáo trong đợt",
    "A ranked unit has no report in the batch",
    batch=True,
)
def report_missing(records: list[Record], ctx: RuleContext) -> Iterator[Hit]:
    """Each unit of a ranking with no report of that year and area in the batch: who has not submitted."""
    found = matches(records)
    for ranking_record in records:
        ranking = _ranking(ranking_record)
        if ranking is None:
            continue
        reported = {id(mt.row) for mt in found if mt.ranking_record is ranking_record and mt.row is not None}
        for row in ranking.rows:
            if id(row) in reported:
                continue
            area = ranking.district or ranking.province or "?"
            yield Hit(
                subject=_row_label(row),
                message=f"{_row_label(row)} ({area}) có trong kết quả công bố năm {ranking.year} nhưng chưa có "
                "báo cáo trong đợt này",
                message_en=f"{_row_label(row)} ({area}) is in the published ranking for {ranking.year} but has no "
                "report in this batch",
                expected=None,
                actual=_row_label(row),
                evidence=row.evidence,
            )


def check_against_rankings(
    report: Record, rankings: Sequence[Record], settings: Settings = DEFAULT_SETTINGS
) -> list[Finding]:
    """Findings of one report against published rankings (``cchc check --official FILE``)."""
    from cchc.checker.engine import run_batch_rules

    return run_batch_rules([report, *rankings], settings, select=OFFICIAL_KINDS)
