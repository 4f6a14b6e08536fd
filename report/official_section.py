"""The reviewer's "Kết quả công bố" section: each published ranking of the batch, with each report's
self-stated values beside the official ones and the differences highlighted (issue 13).

Built from the records of the batch (light copies are enough: values, no criteria evidence); the
comparison is the checker's own (``checker.official``), so the table and the findings never disagree.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cchc.checker.official import _agree, find_row, matches
from cchc.report.view_model import fmt_number, fmt_percent, fmt_rank
from cchc.schemas.record import Record

LABELS = {
    "vi": {
        "title": "Kết quả công bố",
        "intro": "Bảng kết quả đã công bố; bên cạnh là số liệu các đơn vị tự ghi trong báo cáo. Số in đậm: khác kết quả công bố.",
        "no": "STT", "unit": "Đơn vị", "official_total": "Tổng điểm công bố", "stated_total": "Báo cáo ghi",
        "percent": "Chỉ số (%)", "official_rank": "Xếp hạng công bố", "stated_rank": "Báo cáo ghi",
        "criteria": "Tiêu chí khác", "no_report": "chưa có báo cáo", "criterion": "TC",
        "source": "Nguồn", "units": "đơn vị",
        "note": "Kết quả công bố của {n} đơn vị: xem mục Kết quả công bố.",
    },
    "en": {
        "title": "Published results",
        "intro": "The published table; beside it, what each unit states in its report. Highlighted: differs from the published value.",
        "no": "No.", "unit": "Unit", "official_total": "Published total", "stated_total": "Report states",
        "percent": "Index (%)", "official_rank": "Published rank", "stated_rank": "Report states",
        "criteria": "Criteria that differ", "no_report": "no report", "criterion": "C",
        "source": "Source", "units": "units",
        "note": "Published results of {n} units: see the Published results section.",
    },
}  # fmt: skip


@dataclass
class OfficialRow:
    unit: str
    total: str
    percent: str
    rank: str
    stated_total: str | None = None  # None: no report in the batch
    stated_rank: str | None = None
    total_differs: bool = False
    rank_differs: bool = False
    criteria: list[str] = field(default_factory=list)  # "TC9: 10,25 ≠ 10"


@dataclass
class OfficialTable:
    title: str
    source: str
    rows: list[OfficialRow]


def official_tables(records: Sequence[Record], lang: str = "vi") -> list[OfficialTable]:
    """One table per published ranking among ``records``, with the matched reports' values."""
    lab = LABELS.get(lang, LABELS["vi"])
    by_row = {id(mt.row): mt.report for mt in matches(records) if mt.row is not None}
    tables = []
    for record in records:
        ranking = record.ranking if record.document_type == "ranking" else None
        if ranking is None:
            continue
        rows = []
        for row in ranking.rows:
            out = OfficialRow(
                unit=f"{row.unit_level} {row.unit_name}" if row.unit_level else row.unit_name,
                total=fmt_number(row.total),
                percent=fmt_percent(row.percent),
                rank=fmt_rank(row.rank, row.rank_total),
            )
            report = by_row.get(id(row))
            if report is not None and find_row(ranking, report.meta.unit_name, report.meta.unit_level) is row:
                o = report.overall
                out.stated_total = fmt_number(o.score)
                out.stated_rank = fmt_rank(o.rank, o.rank_total)
                out.total_differs = o.score is not None and row.total is not None and not _agree(o.score, row.total)
                out.rank_differs = o.rank is not None and row.rank is not None and (
                    o.rank != row.rank or (o.rank_total not in (None, row.rank_total) and row.rank_total is not None)
                )
                for c in report.criteria:
                    published = row.scores.get(c.code or "")
                    if c.score is not None and published is not None and not _agree(c.score, published):
                        out.criteria.append(f"{lab['criterion']}{c.code}: {fmt_number(c.score)} ≠ {fmt_number(published)}")
            rows.append(out)
        area = ", ".join(x for x in (ranking.district, ranking.province) if x)
        title = " — ".join(x for x in (ranking.issuer, ranking.doc_number, str(ranking.year or ""), area) if x)
        source = f"{Path(record.source.file).name} ({len(rows)} {lab['units']})"
        tables.append(OfficialTable(title=title, source=source, rows=rows))
    return tables


def ranking_note(record: Record, lang: str = "vi") -> str | None:
    """What a ranking record's own section says instead of "not a scored report" (None for a report)."""
    if record.document_type != "ranking" or record.ranking is None:
        return None
    return LABELS.get(lang, LABELS["vi"])["note"].format(n=len(record.ranking.rows))


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def official_section_html(records: Sequence[Record], lang: str = "vi") -> str:
    """The "Kết quả công bố" section as HTML ("" when the batch has no ranking)."""
    tables = official_tables(records, lang)
    if not tables:
        return ""
    lab = LABELS.get(lang, LABELS["vi"])
    parts = [f'<section class="card" id="official"><h2>{_e(lab["title"])}</h2><p class="sub">{_e(lab["intro"])}</p>']
    num = ' class="num"'
    head = "".join(
        f"<th{num if k not in ('unit', 'criteria') else ''}>{_e(lab[k])}</th>"
        for k in ("no", "unit", "official_total", "stated_total", "percent", "official_rank", "stated_rank", "criteria")
    )
    for table in tables:
        rows = []
        for n, row in enumerate(table.rows, start=1):
            differs = row.total_differs or row.rank_differs or row.criteria
            cls = ' class="sev-error"' if differs else ""
            missing = f'<td colspan="1"><em>{_e(lab["no_report"])}</em></td>'
            stated_total = (
                missing if row.stated_total is None
                else f'<td class="num">{"<strong>" if row.total_differs else ""}{_e(row.stated_total)}'
                f'{"</strong>" if row.total_differs else ""}</td>'
            )  # fmt: skip
            stated_rank = (
                "<td></td>" if row.stated_rank is None
                else f'<td class="num">{"<strong>" if row.rank_differs else ""}{_e(row.stated_rank)}'
                f'{"</strong>" if row.rank_differs else ""}</td>'
            )  # fmt: skip
            rows.append(
                f"<tr{cls}><td class=\"num\">{n}</td><td>{_e(row.unit)}</td><td class=\"num\">{_e(row.total)}</td>"
                f"{stated_total}<td class=\"num\">{_e(row.percent)}</td><td class=\"num\">{_e(row.rank)}</td>"
                f"{stated_rank}<td>{_e('; '.join(row.criteria))}</td></tr>"
            )
        parts.append(
            f"<h3>{_e(table.title)}</h3><p class=\"sub\">{_e(lab['source'])}: {_e(table.source)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def official_section_markdown(records: Sequence[Record], lang: str = "vi") -> list[str]:
    """The same section as Markdown lines ([] when the batch has no ranking); differences in bold."""
    tables = official_tables(records, lang)
    if not tables:
        return []
    from cchc.report.markdown import md

    lab = LABELS.get(lang, LABELS["vi"])

    def cell(text: str) -> str:
        return md(text)

    out = [f"## {cell(lab['title'])}", "", cell(lab["intro"]), ""]
    keys = ("no", "unit", "official_total", "stated_total", "percent", "official_rank", "stated_rank", "criteria")
    for table in tables:
        out += [f"### {cell(table.title)}", "", f"{lab['source']}: {cell(table.source)}", ""]
        out.append("| " + " | ".join(cell(lab[k]) for k in keys) + " |")
        out.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
        for n, row in enumerate(table.rows, start=1):
            stated_total = f"_{cell(lab['no_report'])}_" if row.stated_total is None else cell(row.stated_total)
            if row.total_differs:
                stated_total = f"**{stated_total}**"
            stated_rank = cell(row.stated_rank or "")
            if row.rank_differs:
                stated_rank = f"**{stated_rank}**"
            cells = [str(n), cell(row.unit), cell(row.total), stated_total, cell(row.percent), cell(row.rank),
                     stated_rank, cell("; ".join(row.criteria))]  # fmt: skip
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return out
