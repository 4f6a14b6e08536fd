"""The reviewer's report as Markdown (GitHub-flavoured): the same content as the HTML page.

Document text is untrusted: :func:`md` backslash-escapes every character that Markdown or HTML
would interpret, so a quoted ``|`` cannot break a table and ``<script>`` stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from cchc.report.official_section import official_section_markdown, ranking_note
from cchc.report.view_model import (
    SEVERITIES,
    BatchView,
    CriterionRow,
    FindingView,
    ReportView,
    batch_view,
    fmt_date,
    fmt_percent,
    fmt_rank,
    fmt_rank_change,
    fmt_ratio,
    fmt_signed,
    fmt_value,
    labels,
)
from cchc.schemas.record import Finding, Record

if TYPE_CHECKING:
    from cchc.store.triage import StatusOf

MARKS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])(?=\s|$)", re.MULTILINE)
_SAFE_ANCHOR = re.compile(r"^[A-Za-z0-9_-]+$")
_CODE_SAFE = re.compile(r"^[A-Za-z0-9_.-]+$")


def md(text: object) -> str:
    """Escape text for Markdown inline use (table cells, list items): one line, specials escaped."""
    flat = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), flat, count=1)


def md_block(text: str) -> str:
    """Escape a multi-line quote, keeping its lines; list/heading markers at line starts escaped."""
    lines = [_SPECIAL.sub(r"\\\1", line.rstrip()) for line in str(text).splitlines() or [""]]
    escaped = "\n".join(lines)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), escaped)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker


def _url(href: str) -> str:
    """A link destination: already URL-quoted by safe_href; parentheses and spaces encoded too."""
    return (
        href.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )


def _code(text: str) -> str:
    """A rule code or kind as inline code when it is a plain identifier, else escaped text."""
    return f"`{text}`" if _CODE_SAFE.match(text) else md(text)


def _anchor(anchor: str) -> str:
    return anchor if _SAFE_ANCHOR.match(anchor) else ""


def _cell_counts(counts: dict[str, int], lab: dict[str, str]) -> str:
    return " · ".join(f"{MARKS[s]} {counts[s]}" for s in SEVERITIES)


def _counts(view: BatchView, lab: dict[str, str]) -> list[str]:
    c = view.counts
    fail = f"⛔ {lab['failures']}: **{c['failures']}**"
    items = [f"{lab['reports']}: **{c['reports']}**"]
    items += [f"{MARKS[s]} {lab[s]}: **{c[s]}**" for s in SEVERITIES]
    items.append(fail)
    return [" · ".join(items), ""]


def _table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    return list(table_lines(header, rows, align))


def table_lines(
    header: list[str], rows: Iterable[list[str]], align: list[str] | None = None
) -> Iterator[str]:
    """A Markdown table's lines, a row at a time, and the blank line after it."""
    align = align or ["l"] * len(header)
    sep = ["---:" if a == "r" else "---" for a in align]
    yield "| " + " | ".join(header) + " |"
    yield "| " + " | ".join(sep) + " |"
    for r in rows:
        yield "| " + " | ".join(r) + " |"
    yield ""


def _summary(view: BatchView, lab: dict[str, str]) -> list[str]:
    rows = []
    for rep in view.reports:
        meta, ov = rep.record.meta, rep.record.overall
        rows.append(
            [
                str(rep.index),
                f"[{md(rep.unit)}](#{_anchor(rep.anchor)})",
                md(meta.report_year if meta.report_year is not None else "—"),
                md(meta.doc_number or "—"),
                md(fmt_date(meta.issued_date, view.lang)),
                md(fmt_ratio(ov.score, ov.max_score)),
                md(fmt_rank(ov.rank, ov.rank_total)),
                _cell_counts(rep.counts, lab),
            ]
        )
    header = ["#", lab["unit"], lab["year"], lab["doc_number"], lab["date"], lab["score"], lab["rank"]]
    header.append(f"{lab['findings']} ({' · '.join(f'{MARKS[s]} {lab[s]}' for s in SEVERITIES)})")
    return [f"## {md(lab['summary'])}", "", *_table(["#", *map(md, header[1:])], rows, list("lllllrrl"))]


def _finding(fv: FindingView, lab: dict[str, str]) -> list[str]:
    f = fv.finding
    subject = md(f.subject)
    if fv.criterion_anchor and _anchor(fv.criterion_anchor):
        subject = f"[{subject}](#{fv.criterion_anchor})"
    head = (
        f'- <a id="{_anchor(fv.anchor)}"></a>{MARKS.get(f.severity, "")} **{md(lab.get(f.severity, f.severity))}**'
        f" · **{md(f.rule)}** · {md(lab['kind'])}: {_code(f.kind)} · {md(lab['subject'])}: {subject}"
    )
    status = f"  {md(lab['status'])}: **{md(fv.status_line(lab))}**"
    lines = [head, "", status, ""]
    if fv.status == "dismissed":  # collapsed; the summary is our own label only, the rest stays Markdown
        lines += [f"  <details><summary>{html.escape(lab['status_dismissed'])}</summary>", ""]
    lines.append(f"  {md(fv.message)}")
    if f.expected is not None or f.actual is not None:
        lines.append("")
        lines.append(
            f"  {md(lab['expected'])}: **{md(fmt_value(f.expected))}** · "
            f"{md(lab['actual'])}: **{md(fmt_value(f.actual))}**"
        )
    for text, where in fv.places:
        lines.append("")
        lines += ["  > " + line if line else "  >" for line in md_block(text).split("\n")]
        if where:
            lines.append("  >")
            lines.append(f"  > — *{md(where)}*")
    if fv.status == "dismissed":
        lines += ["", "  </details>"]
    lines.append("")
    return lines


def _findings(groups: dict[str, list[FindingView]], lab: dict[str, str], level: str) -> list[str]:
    if not any(groups.values()):
        return [md(lab["no_findings"]), ""]
    out: list[str] = []
    for sev in SEVERITIES:
        items = groups.get(sev) or []
        if items:
            out += [f"{level} {MARKS[sev]} {md(lab[sev])} ({len(items)})", ""]
            for fv in items:
                out += _finding(fv, lab)
    return out


def _row(row: CriterionRow, lang: str, label: str, title: str, score: str) -> list[str]:
    links = " ".join(
        f"[{MARKS.get(fv.finding.severity, '')} {md(fv.finding.rule)}](#{_anchor(fv.anchor)})"
        for fv in row.findings
    )
    return [
        label,
        title,
        score,
        md(fmt_percent(row.percent)),
        md(fmt_percent(row.recomputed, 2)),
        md(fmt_signed(row.difference)),
        md(fmt_rank(row.rank, row.rank_total)),
        md(fmt_rank_change(row.rank_change, lang)),
        links,
    ]


def _criteria(rep: ReportView, lang: str, lab: dict[str, str]) -> list[str]:
    if not rep.rows:
        return [md(lab["no_criteria"]), ""]
    header = [
        "#",
        lab["criterion"],
        lab["printed_score"],
        lab["printed_percent"],
        lab["recomputed_percent"],
        lab["difference"],
        lab["rank"],
        lab["change"],
        lab["findings"],
    ]
    rows = []
    for row in rep.rows:
        flag = f"{MARKS[row.severity]} " if row.severity else ""
        title = md(row.title) + (f" ({md(lab['printed_as'])} {md(row.printed)})" if row.printed else "")
        rows.append(_row(row, lang, flag + md(row.label), title, md(fmt_ratio(row.score, row.max_score))))
    total = rep.total
    score = (
        f"**{md(fmt_ratio(total.score, total.max_score))}** "
        f"({md(lab['sum_of_criteria'])}: {md(fmt_ratio(rep.criteria_sum, rep.criteria_max_sum))})"
    )
    flag = f"{MARKS[total.severity]} " if total.severity else ""
    rows.append(_row(total, lang, flag, f"**{md(lab['total'])}**", score))
    return [
        *_table(["#", *map(md, header[1:])], rows, list("llrrrrrll")),
        f"*{md(lab['printed_legend'])}*",
        "",
    ]


def _chart(rep: ReportView, lab: dict[str, str]) -> list[str]:
    """A text bar chart: one line per criterion, 20 cells for 100%."""
    lines = [f"*{md(lab['chart'])}*", "", "```text"]
    width = max((len(r.label) for r in rep.rows), default=1)
    for row in rep.rows:
        if row.recomputed is None:
            bar, value = "·" * 20, lab["no_data"]
        else:
            filled = round(max(0.0, min(row.recomputed, 100.0)) / 5)
            bar, value = "█" * filled + "░" * (20 - filled), fmt_percent(row.recomputed, 2)
        label = row.label.replace("`", "'")
        lines.append(f"{label:>{width}} {bar} {value.replace('`', chr(39))}")
    return lines + ["```", ""]


def _identity(rep: ReportView, lang: str, lab: dict[str, str]) -> list[str]:
    rec = rep.record
    meta, src = rec.meta, rec.source
    source = md(src.file)
    if rep.source_href:
        source = f"[{source}]({_url(rep.source_href)})"
    pairs = [
        (lab["unit"], md(rep.unit)),
        (lab["district"], md(meta.district or "—")),
        (lab["province"], md(meta.province or "—")),
        (lab["year"], md(meta.report_year if meta.report_year is not None else "—")),
        (lab["doc_number"], md(meta.doc_number or "—")),
        (lab["date"], md(fmt_date(meta.issued_date, lang))),
        (lab["signer"], md(meta.signer or "—")),
        (lab["classification"], md(rec.overall.classification or "—")),
        (lab["source"], source),
        (lab["format"], md(src.format.upper())),
        (lab["pages"], md(src.pages if src.pages is not None else "—")),
        (lab["sha256"], md(src.sha256[:12])),
    ]
    if src.ocr:
        pairs.append((lab["ocr"], md(", ".join(str(p) for p in src.ocr_pages) or "✓")))
    if rep.stored is not None:
        version, current = rep.stored
        pairs.append(
            (lab["stored"], md(f"{version} ({lab['stored_current'] if current else lab['stored_old']})"))
        )
    return [f"- {md(k)}: {v}" for k, v in pairs] + [""]


def _report(rep: ReportView, lang: str, lab: dict[str, str]) -> list[str]:
    out = [
        f'<a id="{_anchor(rep.anchor)}"></a>',
        "",
        f"## {rep.index}. {md(rep.heading)} ({_cell_counts(rep.counts, lab)})",
        "",
        f"### {md(lab['identity'])}",
        "",
        *_identity(rep, lang, lab),
    ]
    if rep.record.meta.title:
        out += [f"*{md(rep.record.meta.title)}*", ""]
    note = ranking_note(rep.record, lang)  # issue 13: a published ranking, shown in its own section
    if note:
        out += [f"**{md(note)}**", ""]
    elif not rep.record.is_scored_report:
        out += [f"**{md(lab['not_scored'])}**", ""]
    out += [f"### {md(lab['criteria'])}", "", *_criteria(rep, lang, lab)]
    if rep.rows:
        out += _chart(rep, lab)
    out += [f"### {md(lab['findings'])}", "", *_findings(rep.groups, lab, "####")]
    return out


def render_view(view: BatchView) -> str:
    """The Markdown text of a computed view."""
    lab = labels(view.lang)
    out = [f"# {md(view.title)}", "", f"*{md(lab['generated_for'])}*", "", *_counts(view, lab)]
    if view.reports:
        out += _summary(view, lab)
        out += official_section_markdown([rep.record for rep in view.reports], view.lang)  # issue 13
    if view.failures:
        out += [f"## ⛔ {md(lab['failures'])}", ""]
        out += _table([md(lab["file"]), md(lab["cause"])], [[md(f), md(e)] for f, e in view.failures])
    if any(view.batch_groups.values()):
        out += [f"## {md(lab['batch_findings'])}", "", *_findings(view.batch_groups, lab, "###")]
    for rep in view.reports:
        out += [rep.rendered] if rep.rendered is not None else _report(rep, view.lang, lab)
    return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(
    records: Iterable[Record],
    *,
    title: str | None = None,
    batch_findings: Iterable[Finding] = (),
    failures: Iterable[tuple[str, str]] = (),
    source_links: dict[str, str] | None = None,
    lang: str = "vi",
    stored: dict[str, tuple[int, bool]] | None = None,
    status_of: StatusOf | None = None,
) -> str:
    """The same report as :func:`cchc.report.html.render_html`, as Markdown."""
    view = batch_view(
        records,
        title=title,
        batch_findings=list(batch_findings),
        failures=list(failures),
        source_links=source_links,
        lang=lang,
        render_section=lambda rep: "\n".join(_report(rep, lang, labels(lang))),
        stored=stored,
        status_of=status_of,
    )
    return render_view(view)
