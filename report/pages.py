"""The reviewer's report written to a folder: one file for a small batch, an index and a page per report for a large one.

Split form (a batch of more than ``split_threshold`` reports, or ``form="split"``):

- ``review.html``: counts, the summary table (sortable, filterable by unit, district, severity and kind,
  with one inline script allowed by its hash in the Content-Security-Policy), failures and batch findings;
- ``review/<name>.html``: one page per report, the same section as in the single file, no script;
- ``review.md`` and ``review/<name>.md``: the same split in Markdown.

The filters and the order can be set from the address (and the page keeps them there, so a filtered view
can be bookmarked): ``review.html#district=Tứ Kỳ&severity=error&kind=total_mismatch&unit=minh&sort=score&order=desc``.
Each record is rendered as soon as it is read, and only a summary row is kept, so a batch of thousands of
records is never held in memory at once.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

from cchc._files import atomic_write_parts, atomic_write_text
from cchc.errors import UsageError
from cchc.report import html as html_report
from cchc.report import markdown as md_report
from cchc.report.official_section import official_section_html, official_section_markdown
from cchc.report.view_model import (
    SEVERITIES,
    BatchView,
    ReportView,
    batch_view,
    fmt_rank,
    fmt_ratio,
    labels,
    report_view,
)
from cchc.schemas.record import Finding, Record, light_copy

if TYPE_CHECKING:
    from cchc.store.triage import StatusOf
from cchc.settings import DEFAULT_SETTINGS

ReportForm = Literal["auto", "single", "split"]
PAGES_DIR = "review"

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#%&{}$!`\'=@+^~\[\];,]')


@dataclass(frozen=True, slots=True)
class IndexRow:
    """What the index keeps of one report once its page is written."""

    index: int
    page: str  # page name without extension
    unit: str
    district: str
    year: int | None
    score: float | None
    max_score: float | None
    rank: int | None
    rank_total: int | None
    counts: dict[str, int]
    kinds: tuple[str, ...]

    @property
    def severities(self) -> tuple[str, ...]:
        return tuple(s for s in SEVERITIES if self.counts.get(s))


def page_name(stem: str) -> str:
    """A page-name stem safe on every OS and in a URL path: NFC, no separators, no leading dots."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", stem))
    name = re.sub(r"\s+", " ", name).strip(" .").lstrip(".")
    return name[:150] or "report"


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate.casefold())
    return candidate


def _stem(file: str) -> str:
    base = file.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base


def _page_href(href: str | None) -> str | None:
    """A source link relative to the output folder, made relative to the pages folder."""
    if href is None or ":" in href.split("/", 1)[0] or href.startswith("/"):
        return href
    return f"../{href}"


# --------------------------------------------------------------------------------- HTML index

INDEX_CSS = """
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;margin:0 0 10px}
.filters input,.filters select{font:inherit;font-size:14px;padding:4px 8px;border:1px solid #9aa4b2;border-radius:6px;
background:#fff;max-width:22em}
.filters output{color:var(--muted);font-size:14px}
th button{all:unset;cursor:pointer;font-weight:600}th button:focus-visible{outline:2px solid #1849a9}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.kinds code{display:inline-block;margin:0 4px 2px 0;font-size:12px}
tr[hidden]{display:none}
"""

# Filters and sorting of the index table. Plain ES5 DOM code; the text is hashed into the page's CSP.
INDEX_SCRIPT = """
(function () {
  var table = document.getElementById("reports");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var unit = document.getElementById("f-unit");
  var district = document.getElementById("f-district");
  var severity = document.getElementById("f-severity");
  var kind = document.getElementById("f-kind");
  var shown = document.getElementById("shown");
  function fold(text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function has(list, item) { return (" " + list + " ").indexOf(" " + item + " ") >= 0; }
  function apply() {
    var query = fold(unit.value.trim()), count = 0;
    rows.forEach(function (row) {
      var sev = severity.value;
      var ok = (!query || fold(row.getAttribute("data-unit")).indexOf(query) >= 0) &&
        (!district.value || row.getAttribute("data-district") === district.value) &&
        (!sev || (sev === "none" ? row.getAttribute("data-severities") === "" :
                  has(row.getAttribute("data-severities"), sev))) &&
        (!kind.value || has(row.getAttribute("data-kinds"), kind.value));
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = shown.getAttribute("data-template")
      .replace("{shown}", String(count)).replace("{total}", String(rows.length));
    table.setAttribute("data-shown", String(count));
    var params = new URLSearchParams();
    [["unit", unit], ["district", district], ["severity", severity], ["kind", kind]].forEach(function (p) {
      if (p[1].value) { params.set(p[0], p[1].value); }
    });
    if (sorted) {
      params.set("sort", sorted.getAttribute("data-key"));
      if (sorted.getAttribute("aria-sort") === "descending") { params.set("order", "desc"); }
    }
    try { history.replaceState(null, "", "#" + params.toString()); } catch (e) { /* file: pages may refuse */ }
  }
  function sortBy(th) {
    var column = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    var descending = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var sign = descending ? -1 : 1;
    var keyed = rows.map(function (row, i) {
      var raw = row.cells[column].getAttribute("data-sort");
      if (raw === null) { raw = row.cells[column].textContent; }
      var key = numeric ? (raw === "" ? -Infinity : parseFloat(raw)) : fold(raw);
      return [key, i, row];
    });
    keyed.sort(function (a, b) {
      if (a[0] < b[0]) { return -sign; }
      if (a[0] > b[0]) { return sign; }
      return a[1] - b[1];
    });
    keyed.forEach(function (k) { body.appendChild(k[2]); });
  }
  var sorted = null;
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var button = th.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(th); sorted = th; apply(); }); }
  });
  var params = new URLSearchParams(location.hash.replace(/^#/, ""));
  [["unit", unit], ["district", district], ["severity", severity], ["kind", kind]].forEach(function (p) {
    if (params.get(p[0]) !== null) { p[1].value = params.get(p[0]); }
  });
  var key = params.get("sort");
  if (key) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute("data-key") === key) {
        sortBy(th);
        if (params.get("order") === "desc") { sortBy(th); }
        sorted = th;
      }
    });
  }
  [unit, district, severity, kind].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  apply();
})();
"""


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


INDEX_CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{_script_hash(INDEX_SCRIPT)}'; "
    "base-uri 'none'; form-action 'none'"
)

_e = html_report._e


def _options(all_label: str, values: Iterable[tuple[str, str]]) -> str:
    opts = [f'<option value="">{_e(all_label)}</option>']
    opts += [f'<option value="{_e(v)}">{_e(text)}</option>' for v, text in values]
    return "".join(opts)


def _num(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _index_table(rows: Sequence[IndexRow], lang: str) -> Iterator[str]:
    """The summary table's section, a row at a time."""
    lab = labels(lang)
    districts = sorted({r.district for r in rows if r.district}, key=str.casefold)
    kinds = Counter(k for r in rows for k in r.kinds)
    severity_options = [(s, lab["has_severity"].format(label=lab[s].lower())) for s in SEVERITIES]
    severity_options.append(("none", lab["no_findings_short"]))
    template = lab["shown"]
    filters = (
        '<div class="filters" role="search">'
        f'<input type="search" id="f-unit" aria-label="{_e(lab["filter_unit"])}" '
        f'placeholder="{_e(lab["filter_unit"])}">'
        f'<select id="f-district" aria-label="{_e(lab["district"])}">'
        f"{_options(lab['all_districts'], ((d, d) for d in districts))}</select>"
        f'<select id="f-severity" aria-label="{_e(lab["findings"])}">'
        f"{_options(lab['all_severities'], severity_options)}</select>"
        f'<select id="f-kind" aria-label="{_e(lab["kind"])}">'
        f"{_options(lab['all_kinds'], ((k, f'{k} ({n})') for k, n in sorted(kinds.items())))}</select>"
        f'<output id="shown" data-template="{_e(template)}">'
        f"{_e(template.format(shown=len(rows), total=len(rows)))}</output></div>"
    )
    columns = [
        ("index", "#", "number"),
        ("unit", lab["unit"], "text"),
        ("district", lab["district"], "text"),
        ("year", lab["year"], "number"),
        ("score", lab["score"], "number"),
        ("rank", lab["rank"], "number"),
        ("error", lab["error"], "number"),
        ("warning", lab["warning"], "number"),
        ("info", lab["info"], "number"),
        ("kinds", lab["kinds"], "text"),
    ]
    head = "".join(
        f'<th data-key="{key}" data-type="{kind}"{" class=num" if kind == "number" else ""}>'
        f'<button type="button">{_e(name)}</button></th>'
        for key, name, kind in columns
    )
    yield (
        f'<section class="card" id="summary"><h2>{_e(lab["summary"])}</h2>{filters}'
        f'<p class="legend">{_e(lab["sort_hint"])}</p>'
        f'<table id="reports"><thead><tr>{head}</tr></thead><tbody>'
    )
    for r in rows:
        href = f"{PAGES_DIR}/{quote(r.page)}.html"
        sev = f' class="sev-{r.severities[0]}"' if r.severities else ""
        score_key = "" if r.score is None or not r.max_score else _num(100 * r.score / r.max_score)
        counts = "".join(f'<td class="num">{r.counts.get(s, 0)}</td>' for s in SEVERITIES)
        kinds_cell = "".join(f"<code>{_e(k)}</code> " for k in r.kinds)
        yield (
            f'<tr{sev} data-unit="{_e(r.unit)}" data-district="{_e(r.district)}" '
            f'data-severities="{" ".join(r.severities)}" data-kinds="{_e(" ".join(r.kinds))}">'
            f'<td class="num">{r.index}</td>'
            f'<td><a href="{_e(href)}">{_e(r.unit)}</a></td>'
            f"<td>{_e(r.district or '—')}</td>"
            f'<td class="num" data-sort="{_e(r.year if r.year is not None else "")}">{_e(r.year or "—")}</td>'
            f'<td class="num" data-sort="{score_key}">{_e(fmt_ratio(r.score, r.max_score))}</td>'
            f'<td class="num" data-sort="{_e(r.rank if r.rank is not None else "")}">'
            f"{_e(fmt_rank(r.rank, r.rank_total))}</td>"
            f'{counts}<td class="kinds">{kinds_cell}</td></tr>'
        )
    yield "</tbody></table></section>"


def _head(title: str, lang: str, csp: str, css: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{css}</style></head>"
    )


def render_index_html(view: BatchView, rows: Sequence[IndexRow], records: Sequence[Record] = ()) -> str:
    """The index page of a split report: counts, the filterable table, the published rankings (from
    ``records``, light copies are enough), failures and batch findings."""
    return "".join(index_html_parts(view, rows, records))


def index_html_parts(
    view: BatchView, rows: Sequence[IndexRow], records: Sequence[Record] = (), run_id: str | None = None
) -> Iterator[str]:
    """:func:`render_index_html` (stamped with ``run_id``) in parts, a table row each, to be written as rendered."""
    lab = labels(view.lang)
    yield _stamp_html(_head(view.title, view.lang, INDEX_CSP, html_report.CSS + INDEX_CSS), run_id)
    yield f'<body><main><header id="top"><h1>{_e(view.title)}</h1><p class="sub">{_e(lab["generated_for"])}</p>'
    yield html_report._counts(view, lab) + "</header>"
    if rows:
        yield from _index_table(rows, view.lang)
        yield official_section_html(records, view.lang)
    if view.failures:
        yield html_report._failures(view.failures, lab)
    if any(view.batch_groups.values()):
        yield (
            f'<section class="card" id="batch-findings"><h2>{_e(lab["batch_findings"])}</h2>'
            f"{html_report._findings(view.batch_groups, lab)}</section>"
        )
    yield f"</main><script>{INDEX_SCRIPT}</script></body></html>\n"


def render_page_html(rep: ReportView, title: str, lang: str, index_href: str) -> str:
    """One report's page: the same section as in the single file, and a link back to the index."""
    lab = labels(lang)
    # the note of a published ranking links to its section, which is on the index
    section = html_report._report(rep, lang, lab).replace(
        'href="#official"', f'href="{_e(index_href)}#official"'
    )
    header = (
        f'<header id="top"><p class="top"><a href="{_e(index_href)}">← {_e(lab["back_to_index"])}</a></p>'
        f'<p class="sub">{_e(title)}</p></header>'
    )
    return (
        _head(f"{rep.heading} – {title}", lang, html_report.CSP, html_report.CSS)
        + f"<body><main>{header}{section}</main></body></html>\n"
    )


# ------------------------------------------------------------------------------ Markdown index


def render_index_markdown(view: BatchView, rows: Sequence[IndexRow], records: Sequence[Record] = ()) -> str:
    """The Markdown index of a split report: counts, one table row per report linking to its page, the
    published rankings."""
    return "".join(index_markdown_parts(view, rows, records))


def index_markdown_parts(
    view: BatchView, rows: Sequence[IndexRow], records: Sequence[Record] = (), run_id: str | None = None
) -> Iterator[str]:
    """:func:`render_index_markdown` (stamped with ``run_id``) in parts, to be written as rendered."""
    yield from _trimmed_lines(_index_markdown_lines(view, rows, records), run_id)


def _trimmed_lines(lines: Iterable[str], run_id: str | None) -> Iterator[str]:
    """``_stamp_markdown("\\n".join(lines).rstrip("\\n") + "\\n", run_id)`` without joining the lines first:
    what may be trailing space is held back until a line shows it is not."""
    strip = None if run_id else "\n"
    pending, first = "", True
    for line in lines:
        pending += line if first else "\n" + line
        first = False
        kept = pending.rstrip(strip)
        if kept:
            yield kept
            pending = pending[len(kept) :]
    yield f"\n\n<!-- cchc run {run_id} -->\n" if run_id else "\n"


def _index_markdown_lines(
    view: BatchView, rows: Sequence[IndexRow], records: Sequence[Record]
) -> Iterator[str]:
    lab = labels(view.lang)
    md = md_report.md
    out = [f"# {md(view.title)}", "", f"*{md(lab['generated_for'])}*", "", *md_report._counts(view, lab)]
    if rows:
        header = [
            "#",
            md(lab["unit"]),
            md(lab["district"]),
            md(lab["year"]),
            md(lab["score"]),
            md(lab["rank"]),
            md(lab["findings"]),
            md(lab["kinds"]),
        ]
        table = (
            [
                str(r.index),
                f"[{md(r.unit)}](<{PAGES_DIR}/{quote(r.page)}.md>)",
                md(r.district or "—"),
                md(r.year if r.year is not None else "—"),
                md(fmt_ratio(r.score, r.max_score)),
                md(fmt_rank(r.rank, r.rank_total)),
                md_report._cell_counts(r.counts, lab),
                ", ".join(f"`{k}`" for k in r.kinds),
            ]
            for r in rows
        )
        yield from out
        yield from (f"## {md(lab['summary'])}", "")
        yield from md_report.table_lines(header, table, ["r", "l", "l", "r", "r", "r", "l", "l"])
        out = list(official_section_markdown(records, view.lang))
    if view.failures:
        out += [f"## ⛔ {md(lab['failures'])}", ""]
        out += md_report._table(
            [md(lab["file"]), md(lab["cause"])], [[md(f), md(e)] for f, e in view.failures]
        )
    if any(view.batch_groups.values()):
        out += [f"## {md(lab['batch_findings'])}", "", *md_report._findings(view.batch_groups, lab, "###")]
    yield from out


def render_page_markdown(rep: ReportView, title: str, lang: str, index_href: str) -> str:
    """One report's page in Markdown, with a link back to the index."""
    lab = labels(lang)
    head = [f"[← {md_report.md(lab['back_to_index'])}](<{index_href}>) · *{md_report.md(title)}*", ""]
    return "\n".join(head + md_report._report(rep, lang, lab)).rstrip("\n") + "\n"


# ------------------------------------------------------------------------------------ writing


def _stamp_html(page: str, run_id: str | None) -> str:
    """The page with ``<meta name="cchc-run-id">`` at the start of its head."""
    if not run_id:
        return page
    tag = f'<meta name="cchc-run-id" content="{_e(run_id)}">'
    match = re.search(r"<head[^>]*>", page, flags=re.IGNORECASE)
    return f"{page[: match.end()]}\n{tag}{page[match.end() :]}" if match else f"{tag}\n{page}"


def _stamp_markdown(text: str, run_id: str | None) -> str:
    return f"{text.rstrip()}\n\n<!-- cchc run {run_id} -->\n" if run_id else text


def _remove_stale(pages_dir: Path, keep: set[str]) -> None:
    if not pages_dir.is_dir():
        return
    for path in pages_dir.iterdir():
        if path.suffix in (".html", ".md") and path.is_file() and path.name not in keep:
            path.unlink()


def write_report(
    out_dir: str | Path,
    records: Iterable[Record],
    *,
    title: str | None = None,
    batch_findings: Iterable[Finding] = (),
    failures: Iterable[tuple[str, str]] = (),
    source_links: dict[str, str] | None = None,
    lang: str = "vi",
    stored: dict[str, tuple[int, bool]] | None = None,
    form: ReportForm = "auto",
    split_threshold: int | None = None,
    count: int | None = None,
    html_name: str = "review.html",
    md_name: str = "review.md",
    run_id: str | None = None,
    status_of: StatusOf | None = None,
) -> dict[str, Path]:
    """Write the reviewer's report into ``out_dir`` as HTML and Markdown; return the paths written.

    ``form``: ``"single"`` writes one self-contained file of each kind; ``"split"`` writes an index
    (``review.html``, ``review.md``) and one page per report (``review/<name>.html`` and ``.md``);
    ``"auto"`` splits when there are more than ``split_threshold`` reports (default: the setting
    ``report_split_threshold``). ``count`` is the number of records when ``records`` is a lazy
    iterable without a length. ``source_links`` hold hrefs relative to ``out_dir``. Pages of an
    earlier run that this run did not write are removed. ``run_id`` is written into every file (a
    ``cchc-run-id`` meta tag, a closing Markdown comment), so a review can be matched with its batch.json.
    ``status_of`` gives each finding its triage decision (:func:`cchc.store.triage.status_lookup`): every
    finding shows its status, a dismissed one collapsed with its reason, who and when (default: all open).
    Returns ``{"html", "md"}`` and, when split, ``{"pages"}`` (the folder).

    Example::

        write_report("results/", records, batch_findings=found, form="auto")
    """
    if form not in ("auto", "single", "split"):
        raise UsageError(f"report form must be auto, single or split, not {form!r}")
    threshold = DEFAULT_SETTINGS.report_split_threshold if split_threshold is None else split_threshold
    if threshold < 0:
        raise UsageError("split_threshold must not be negative")
    out = Path(out_dir)
    pages_dir = out / PAGES_DIR
    if form == "auto":
        if count is None:
            records = records if isinstance(records, Sequence) else list(records)
            count = len(records)
        form = "split" if count > threshold else "single"
    findings, failed = list(batch_findings), list(failures)
    if form == "single":
        from cchc.report import render_html, render_markdown

        common = {
            "title": title,
            "batch_findings": findings,
            "failures": failed,
            "source_links": source_links,
            "lang": lang,
            "stored": stored,
            "status_of": status_of,
        }
        html = render_html(records, **common)  # type: ignore[arg-type]
        md = render_markdown(records, **common)  # type: ignore[arg-type]
        html_path = atomic_write_text(out / html_name, _stamp_html(html, run_id))
        md_path = atomic_write_text(out / md_name, _stamp_markdown(md, run_id))
        _remove_stale(pages_dir, set())
        return {"html": html_path, "md": md_path}

    rows: list[IndexRow] = []
    # the published rankings' section needs the rankings and the reports they cover (light copies): a
    # sequence that can be read again is read again only when the batch has a ranking, so a batch of
    # thousands of reports does not keep a copy of each (issue 16)
    again = isinstance(records, Sequence)
    light: list[Record] = []
    written: set[str] = set()
    used: set[str] = set()
    view = batch_view((), title=title, batch_findings=findings, failures=failed, source_links=None, lang=lang)
    for i, record in enumerate(records, start=1):
        rep = report_view(record, i, lang, source_links, status_of)
        rep.source_href = _page_href(rep.source_href)
        rep.stored = (stored or {}).get(record.source.sha256)
        name = _unique(page_name(_stem(record.source.file)), used)
        page_html = render_page_html(rep, view.title, lang, f"../{html_name}")
        page_md = render_page_markdown(rep, view.title, lang, f"../{md_name}")
        atomic_write_text(pages_dir / f"{name}.html", _stamp_html(page_html, run_id))
        atomic_write_text(pages_dir / f"{name}.md", _stamp_markdown(page_md, run_id))
        written |= {f"{name}.html", f"{name}.md"}
        meta, overall = record.meta, record.overall
        if not again or (record.document_type == "ranking" and record.ranking is not None):
            light.append(light_copy(record))
        rows.append(
            IndexRow(
                index=i,
                page=name,
                unit=rep.unit,
                district=meta.district or "",
                year=meta.report_year,
                score=overall.score,
                max_score=overall.max_score,
                rank=overall.rank,
                rank_total=overall.rank_total,
                counts=dict(rep.counts),
                kinds=tuple(sorted({f.kind for f in record.findings})),
            )
        )
    if again and light:
        from cchc.checker.batch_rules import covered_records

        light = covered_records(records, light)  # type: ignore[arg-type]
    view.report_counts = [r.counts for r in rows]
    html_path = atomic_write_parts(out / html_name, index_html_parts(view, rows, light, run_id))
    md_path = atomic_write_parts(out / md_name, index_markdown_parts(view, rows, light, run_id))
    _remove_stale(pages_dir, written)
    return {"html": html_path, "md": md_path, "pages": pages_dir}
