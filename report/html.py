"""The reviewer's report as one self-contained HTML page: inline CSS and SVG, no script, no network.

Every string that reaches the page goes through :func:`_e` (``html.escape`` with quotes), links
through :func:`cchc.report.view_model.safe_href`; a Content-Security-Policy forbids scripts and fetches
as a second line of defence.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cchc.report.official_section import official_section_html, ranking_note
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

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
:root{--err:#b42318;--err-bg:#fdeceb;--err-bd:#f4b9b4;--warn:#8a4b00;--warn-bg:#fff4d6;--warn-bd:#f2cf7e;
--info:#1d4ed8;--info-bg:#e8f0ff;--info-bd:#b6cbf7;--ink:#1f2937;--muted:#5b6472;--line:#d9dee5;--bar:#2f6f73}
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI","Noto Sans","DejaVu Sans",Roboto,Arial,sans-serif;color:var(--ink);
background:#f4f6f8;line-height:1.45;font-size:15px}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:21px;margin:36px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:17px;margin:22px 0 8px}
h4{font-size:15px;margin:16px 0 6px}
a{color:#1849a9}
.sub{color:var(--muted);margin:0 0 16px}
.counts{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0 8px;padding:0;list-style:none}
.tile{min-width:128px;padding:10px 16px;border-radius:10px;background:#fff;border:1px solid var(--line)}
.tile .n{display:block;font-size:30px;font-weight:700;line-height:1.1}
.tile .l{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.tile.sev-error{background:var(--err-bg);border-color:var(--err-bd)}.tile.sev-error .n{color:var(--err)}
.tile.sev-warning{background:var(--warn-bg);border-color:var(--warn-bd)}.tile.sev-warning .n{color:var(--warn)}
.tile.sev-info{background:var(--info-bg);border-color:var(--info-bd)}.tile.sev-info .n{color:var(--info)}
.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:18px 22px;margin:18px 0}
.card>h2{margin-top:0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
caption{text-align:left;font-weight:600;padding:4px 0 8px}
th,td{border:1px solid var(--line);padding:6px 8px;vertical-align:top}
th{background:#eef1f5;text-align:left;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
tr.sev-error>td{background:var(--err-bg)}tr.sev-error>td:first-child{box-shadow:inset 4px 0 var(--err)}
tr.sev-warning>td{background:var(--warn-bg)}tr.sev-warning>td:first-child{box-shadow:inset 4px 0 #d98b00}
tr.sev-info>td{background:var(--info-bg)}tr.sev-info>td:first-child{box-shadow:inset 4px 0 var(--info)}
tfoot td{font-weight:700;border-top:2px solid #9aa4b2}
tfoot .sum{display:block;font-weight:400;color:var(--muted);font-size:.9em;white-space:normal}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:700;
border:1px solid;white-space:nowrap;text-decoration:none}
.badge.sev-error{color:var(--err);background:var(--err-bg);border-color:var(--err-bd)}
.badge.sev-warning{color:var(--warn);background:var(--warn-bg);border-color:var(--warn-bd)}
.badge.sev-info{color:var(--info);background:var(--info-bg);border-color:var(--info-bd)}
.badge.zero{color:var(--muted);background:#f4f6f8;border-color:var(--line);font-weight:400}
dl.identity{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:4px 16px;margin:0}
dl.identity dt{color:var(--muted)}dl.identity dd{margin:0;font-weight:600}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:13px}
.legend{color:var(--muted);font-size:13px;margin:6px 0}
.chart{margin:14px 0 4px;max-width:980px}
.chart svg{width:100%;height:auto}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{border:1px solid var(--line);border-left:6px solid;border-radius:8px;padding:10px 14px;margin:10px 0;
background:#fff;break-inside:avoid}
li.finding.sev-error{border-left-color:var(--err)}li.finding.sev-warning{border-left-color:#d98b00}
li.finding.sev-info{border-left-color:var(--info)}
.fhead{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.fhead .kind{color:var(--muted)}
.status{font-size:12.5px;color:var(--muted)}.status-accepted{color:#166534;font-weight:600}
li.finding.status-dismissed{opacity:.8;border-left-color:#9aa4b2}
li.finding.status-dismissed>details>summary{cursor:pointer;color:var(--muted)}
.msg{margin:6px 0;font-size:15px}
.ea{display:flex;flex-wrap:wrap;gap:4px 24px;margin:4px 0;font-size:14px}
.ea b{font-weight:600}
blockquote{margin:8px 0 4px;padding:6px 12px;border-left:3px solid #9aa4b2;background:#f7f8fa;
white-space:pre-wrap;font-family:"Noto Serif","DejaVu Serif",Georgia,serif;font-size:14px}
blockquote footer{white-space:normal;font-family:inherit;color:var(--muted);font-size:12.5px;margin-top:2px}
.ok{color:#166534}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.criteria th:nth-child(2){width:30%}table.criteria td:nth-child(2){min-width:12em}
td.chg{white-space:nowrap}
td.zero{color:#8a93a0}
.pn{display:block;color:var(--muted);font-size:.9em}
.sevhead{margin-top:18px}.sevhead.sev-error{color:var(--err)}.sevhead.sev-warning{color:var(--warn)}
.sevhead.sev-info{color:var(--info)}
.top{font-size:13px}
footer.page{color:var(--muted);font-size:12px;margin-top:32px}
@media print{body{background:#fff;font-size:11px}table{font-size:11px}th,td{padding:3px 5px}main{padding:0;max-width:none}.card{border:none;padding:0}
.top{display:none}a{color:inherit;text-decoration:none}section.report{break-before:page}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr,li.finding,blockquote{break-inside:avoid}}
"""

_BAR_COLOURS = {"error": "#b42318", "warning": "#d98b00", "info": "#1d4ed8", None: "#2f6f73"}


def _e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _badge(severity: str, text: str, href: str | None = None, zero: bool = False) -> str:
    cls = "badge zero" if zero else f"badge sev-{_e(severity)}"
    if href:
        return f'<a class="{cls}" href="#{_e(href)}">{_e(text)}</a>'
    return f'<span class="{cls}">{_e(text)}</span>'


def _counts(view: BatchView, lab: dict[str, str]) -> str:
    counts = view.counts
    tiles = []
    for key in ("reports", *SEVERITIES, "failures"):
        n = counts[key]
        sev = "error" if key == "failures" else key
        cls = f" sev-{sev}" if n and key != "reports" else ""
        tiles.append(
            f'<li class="tile{cls}"><span class="n" id="count-{key}">{n}</span>'
            f'<span class="l">{_e(lab[key])}</span></li>'
        )
    return f'<ul class="counts" aria-label="{_e(lab["findings"])}">{"".join(tiles)}</ul>'


def _severity_badges(counts: dict[str, int], lab: dict[str, str]) -> str:
    return " ".join(_badge(s, f"{counts[s]} {lab[s]}", zero=not counts[s]) for s in SEVERITIES)


def _summary(view: BatchView, lab: dict[str, str]) -> str:
    num = ' class="num"'
    head = "".join(
        f"<th{num if k in ('score', 'rank') else ''}>{_e(lab[k])}</th>"
        for k in ("unit", "year", "doc_number", "date", "score", "rank", "findings")
    )
    rows = []
    for rep in view.reports:
        meta, ov = rep.record.meta, rep.record.overall
        sev = f' class="sev-{rep.severity}"' if rep.severity else ""
        rows.append(
            f"<tr{sev}><td>{rep.index}</td>"
            f'<td><a href="#{rep.anchor}">{_e(rep.unit)}</a></td>'
            f"<td>{_e(meta.report_year if meta.report_year is not None else '—')}</td>"
            f"<td>{_e(meta.doc_number or '—')}</td>"
            f"<td>{_e(fmt_date(meta.issued_date, view.lang))}</td>"
            f'<td class="num">{_e(fmt_ratio(ov.score, ov.max_score))}</td>'
            f'<td class="num">{_e(fmt_rank(ov.rank, ov.rank_total))}</td>'
            f"<td>{_severity_badges(rep.counts, lab)}</td>"
            f'<td><a href="#{rep.anchor}">{_e(lab["open"])}</a></td></tr>'
        )
    return (
        f'<section class="card" id="summary"><h2>{_e(lab["summary"])}</h2>'
        f"<table><thead><tr><th>#</th>{head}<th></th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _finding(fv: FindingView, lab: dict[str, str]) -> str:
    f = fv.finding
    subject = _e(f.subject)
    if fv.criterion_anchor:
        subject = f'<a href="#{_e(fv.criterion_anchor)}">{subject}</a>'
    status = fv.status
    line = f'<span class="status status-{_e(status)}">{_e(lab["status"])}: {_e(fv.status_line(lab))}</span>'
    parts = [f'<li class="finding sev-{_e(f.severity)} status-{_e(status)}" id="{_e(fv.anchor)}">']
    if status == "dismissed":  # collapsed: the status, reason, who and when; the finding on opening
        parts.append(f"<details><summary>{line} · <code>{_e(f.rule)}</code> · {subject}</summary>")
    parts += [
        '<div class="fhead">',
        _badge(f.severity, lab.get(f.severity, f.severity)),
        f"<code>{_e(f.rule)}</code>",
        f'<span class="kind">{_e(lab["kind"])}: <code>{_e(f.kind)}</code></span>',
        f'<span class="subject">{_e(lab["subject"])}: <b>{subject}</b></span>',
        "" if status == "dismissed" else line,
        "</div>",
        f'<p class="msg">{_e(fv.message)}</p>',
    ]
    if f.expected is not None or f.actual is not None:
        parts.append(
            f'<div class="ea"><span>{_e(lab["expected"])}: <b>{_e(fmt_value(f.expected))}</b></span>'
            f"<span>{_e(lab['actual'])}: <b>{_e(fmt_value(f.actual))}</b></span></div>"
        )
    for text, where in fv.places:
        cite = f"<footer>— {_e(where)}</footer>" if where else ""
        parts.append(f"<blockquote>{_e(text)}{cite}</blockquote>")
    parts.append("</details></li>" if status == "dismissed" else "</li>")
    return "".join(parts)


def _findings(groups: dict[str, list[FindingView]], lab: dict[str, str], level: str = "h3") -> str:
    if not any(groups.values()):
        return f'<p class="ok">{_e(lab["no_findings"])}</p>'
    out = []
    for sev in SEVERITIES:
        items = groups.get(sev) or []
        if not items:
            continue
        out.append(
            f'<{level} class="sevhead sev-{sev}">{_e(lab[sev])} '
            f'(<span class="count" data-severity="{sev}">{len(items)}</span>)</{level}>'
            f'<ol class="findings">{"".join(_finding(fv, lab) for fv in items)}</ol>'
        )
    return "".join(out)


def _row_cells(row: CriterionRow, lang: str, lab: dict[str, str], score_extra: str = "") -> str:
    links = " ".join(_badge(fv.finding.severity, fv.finding.rule, href=fv.anchor) for fv in row.findings)
    diff_cls = " zero" if row.difference is not None and abs(row.difference) < 0.005 else ""
    return (
        f'<td class="num">{_e(fmt_ratio(row.score, row.max_score))}{score_extra}</td>'
        f'<td class="num">{_e(fmt_percent(row.percent))}</td>'
        f'<td class="num">{_e(fmt_percent(row.recomputed, 2))}</td>'
        f'<td class="num{diff_cls}">{_e(fmt_signed(row.difference))}</td>'
        f'<td class="num">{_e(fmt_rank(row.rank, row.rank_total))}</td>'
        f'<td class="chg">{_e(fmt_rank_change(row.rank_change, lang))}</td>'
        f"<td>{links}</td>"
    )


def _criteria_table(rep: ReportView, lang: str, lab: dict[str, str]) -> str:
    if not rep.rows:
        return f'<p class="legend">{_e(lab["no_criteria"])}</p>'
    head = (
        f'<th>#</th><th>{_e(lab["criterion"])}</th><th class="num">{_e(lab["printed_score"])}</th>'
        f'<th class="num">{_e(lab["printed_percent"])}</th>'
        f'<th class="num">{_e(lab["recomputed_percent"])}</th>'
        f'<th class="num">{_e(lab["difference"])}</th><th class="num">{_e(lab["rank"])}</th>'
        f'<th class="chg">{_e(lab["change"])}</th><th>{_e(lab["findings"])}</th>'
    )
    body = []
    for row in rep.rows:
        sev = f' class="sev-{row.severity}"' if row.severity else ""
        printed = f'<span class="pn">{_e(lab["printed_as"])} {_e(row.printed)}</span>' if row.printed else ""
        body.append(
            f'<tr id="{_e(row.anchor)}"{sev}><td>{_e(row.label)}</td><td>{_e(row.title)}{printed}</td>'
            f"{_row_cells(row, lang, lab)}</tr>"
        )
    total = rep.total
    sum_text = f"{lab['sum_of_criteria']}: {fmt_ratio(rep.criteria_sum, rep.criteria_max_sum)}"
    sev = f' class="sev-{total.severity}"' if total.severity else ""
    extra = f'<span class="sum">{_e(sum_text)}</span>'
    foot = (
        f'<tr id="{_e(total.anchor)}"{sev}><td></td><td>{_e(lab["total"])}</td>'
        f"{_row_cells(total, lang, lab, score_extra=extra)}</tr>"
    )
    return (
        f'<table class="criteria"><caption class="sr">{_e(lab["criteria"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody><tfoot>{foot}</tfoot></table>"
        f'<p class="legend">{_e(lab["printed_legend"])} {_e(lab["rows_flagged"])}</p>'
    )


def _short(text: str, limit: int = 44) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _chart(rep: ReportView, lab: dict[str, str]) -> str:
    """Horizontal bars: each criterion's score as a share of its maximum, labelled in text."""
    if not rep.rows:
        return ""
    row_h, top, label_w, bar_x, bar_w = 30, 28, 330, 340, 360
    width = bar_x + bar_w + 230
    height = top + row_h * len(rep.rows) + 10
    uid = _e(rep.anchor)
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="{uid}-ct {uid}-cd" font-size="13">'
        ),
        f'<title id="{uid}-ct">{_e(lab["chart"])} – {_e(rep.heading)}</title>',
        f'<desc id="{uid}-cd">{_e(lab["chart_desc"])}</desc>',
    ]
    for pct in (0, 50, 100):
        x = bar_x + bar_w * pct / 100
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 6}" stroke="#c3cad4" '
            f'stroke-dasharray="{"none" if pct in (0, 100) else "3 3"}"/>'
            f'<text x="{x:.1f}" y="{top - 12}" text-anchor="middle" fill="#5b6472">{pct}%</text>'
        )
    for i, row in enumerate(rep.rows):
        y = top + i * row_h
        share = row.recomputed
        label = f"{row.label}. {_short(row.title)}" if row.label else _short(row.title)
        colour = _BAR_COLOURS.get(row.severity, _BAR_COLOURS[None])
        out.append(f"<g><title>{_e(row.label)}. {_e(row.title)}</title>")
        out.append(
            f'<text x="{label_w}" y="{y + 19}" text-anchor="end" fill="#1f2937">{_e(label)}</text>'
            f'<rect x="{bar_x}" y="{y + 6}" width="{bar_w}" height="18" fill="#eef1f5" rx="3"/>'
        )
        if share is None:
            value = lab["no_data"]
        else:
            w = bar_w * max(0.0, min(share, 100.0)) / 100
            out.append(f'<rect x="{bar_x}" y="{y + 6}" width="{w:.1f}" height="18" fill="{colour}" rx="3"/>')
            value = f"{fmt_ratio(row.score, row.max_score)} · {fmt_percent(share, 2)}"
        if row.severity:
            value += f" · {lab[row.severity]}"
        fill = _BAR_COLOURS[row.severity] if row.severity else "#1f2937"
        out.append(f'<text x="{bar_x + bar_w + 10}" y="{y + 19}" fill="{fill}">{_e(value)}</text></g>')
    out.append("</svg>")
    return f'<figure class="chart">{"".join(out)}</figure>'


def _identity(rep: ReportView, lang: str, lab: dict[str, str]) -> str:
    rec = rep.record
    meta, src = rec.meta, rec.source
    file_name = src.file
    source = f'<a href="{_e(rep.source_href)}">{_e(file_name)}</a>' if rep.source_href else _e(file_name)
    pairs: list[tuple[str, str]] = [
        (lab["unit"], _e(rep.unit)),
        (lab["district"], _e(meta.district or "—")),
        (lab["province"], _e(meta.province or "—")),
        (lab["year"], _e(meta.report_year if meta.report_year is not None else "—")),
        (lab["doc_number"], _e(meta.doc_number or "—")),
        (lab["date"], _e(fmt_date(meta.issued_date, lang))),
        (lab["signer"], _e(meta.signer or "—")),
        (lab["classification"], _e(rec.overall.classification or "—")),
        (lab["source"], source),
        (lab["format"], _e(src.format.upper())),
        (lab["pages"], _e(src.pages if src.pages is not None else "—")),
        (lab["sha256"], f'<code title="{_e(src.sha256)}">{_e(src.sha256[:12])}</code>'),
    ]
    if src.ocr:
        pages = ", ".join(str(p) for p in src.ocr_pages)
        pairs.append((lab["ocr"], _e(f"{lab['ocr_pages']} {pages}" if pages else "✓")))
    if rep.stored is not None:
        version, current = rep.stored
        pairs.append((lab["stored"], _e(f"{version} ({lab['stored_current'] if current else lab['stored_old']})")))
    items = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in pairs)
    return f'<dl class="identity">{items}</dl>'


def _report(rep: ReportView, lang: str, lab: dict[str, str]) -> str:
    parts = [
        f'<section class="card report" id="{_e(rep.anchor)}" aria-labelledby="{_e(rep.anchor)}-h">',
        (
            f'<h2 id="{_e(rep.anchor)}-h">{rep.index}. {_e(rep.heading)} '
            f"{_severity_badges(rep.counts, lab)}</h2>"
        ),
        f"<h3>{_e(lab['identity'])}</h3>",
        _identity(rep, lang, lab),
    ]
    if rep.record.meta.title:
        parts.append(f'<p class="legend">{_e(rep.record.meta.title)}</p>')
    note = ranking_note(rep.record, lang)  # issue 13: a published ranking, shown in its own section
    if note:
        parts.append(f'<p class="msg"><a href="#official"><b>{_e(note)}</b></a></p>')
    elif not rep.record.is_scored_report:
        parts.append(f'<p class="msg"><b>{_e(lab["not_scored"])}</b></p>')
    parts += [
        f"<h3>{_e(lab['criteria'])}</h3>",
        _criteria_table(rep, lang, lab),
        _chart(rep, lab),
        f"<h3>{_e(lab['findings'])}</h3>",
        _findings(rep.groups, lab, level="h4"),
        f'<p class="top"><a href="#top">↑ {_e(lab["back_to_top"])}</a></p>',
        "</section>",
    ]
    return "".join(parts)


def _failures(failures: Iterable[tuple[str, str]], lab: dict[str, str]) -> str:
    rows = "".join(f'<tr class="sev-error"><td>{_e(f)}</td><td>{_e(err)}</td></tr>' for f, err in failures)
    return (
        f'<section class="card" id="failures"><h2>{_e(lab["failures"])}</h2>'
        f"<table><thead><tr><th>{_e(lab['file'])}</th><th>{_e(lab['cause'])}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def render_view(view: BatchView) -> str:
    """The HTML page of a computed view."""
    lab = labels(view.lang)
    body = [
        f'<header id="top"><h1>{_e(view.title)}</h1><p class="sub">{_e(lab["generated_for"])}</p>',
        _counts(view, lab),
        "</header>",
    ]
    if view.reports:
        body.append(_summary(view, lab))
        body.append(official_section_html([rep.record for rep in view.reports], view.lang))  # issue 13
    if view.failures:
        body.append(_failures(view.failures, lab))
    if any(view.batch_groups.values()):
        body.append(
            f'<section class="card" id="batch-findings"><h2>{_e(lab["batch_findings"])}</h2>'
            f"{_findings(view.batch_groups, lab)}</section>"
        )
    body += [rep.rendered or _report(rep, view.lang, lab) for rep in view.reports]
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(view.lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer">'
        f"<title>{_e(view.title)}</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


def render_html(
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
    """One self-contained HTML report for one record or a whole batch.

    ``failures`` are (file, one-line error) of inputs that could not be read; ``source_links``
    maps ``record.source.file`` to the href to use (default: the path as given, made a safe link);
    ``stored`` maps a record's sha256 to its (version, is current) in the store; ``status_of`` gives
    each finding its triage decision (a dismissed finding is shown collapsed; default: all open).
    """
    view = batch_view(
        records,
        title=title,
        batch_findings=list(batch_findings),
        failures=list(failures),
        source_links=source_links,
        lang=lang,
        render_section=lambda rep: _report(rep, lang, labels(lang)),
        stored=stored,
        status_of=status_of,
    )
    return render_view(view)
