"""The view model of the reviewer's report: what both renderers (HTML, Markdown) show, computed once.

Everything here is plain data and plain strings; escaping is the renderers' job.
Numbers are formatted Vietnamese style (decimal comma, dot for thousands) in both languages,
since the documents print them that way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from cchc.errors import UsageError
from cchc.extractors.numbers import format_vi
from cchc.schemas.record import Criterion, Evidence, Finding, Record, light_copy

if TYPE_CHECKING:
    from cchc.store.triage import Decision, StatusOf

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
LANGS: tuple[str, ...] = ("vi", "en")
OVERALL_SUBJECTS = frozenset(
    {"tổng", "tổng điểm", "tổng hợp", "chỉ số tổng hợp", "overall", "total", "tong", "tổng số điểm"}
)

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "default_title": "Báo cáo rà soát kết quả CCHC",
        "generated_for": "Báo cáo dành cho cán bộ rà soát",
        "reports": "Báo cáo",
        "error": "Lỗi",
        "warning": "Cảnh báo",
        "info": "Thông tin",
        "failures": "Tệp không đọc được",
        "summary": "Tổng hợp các báo cáo",
        "unit": "Đơn vị",
        "year": "Năm",
        "doc_number": "Số văn bản",
        "date": "Ngày ban hành",
        "score": "Điểm",
        "rank": "Xếp hạng",
        "findings": "Phát hiện",
        "open": "Xem",
        "batch_findings": "Phát hiện liên quan nhiều báo cáo",
        "file": "Tệp",
        "cause": "Lỗi đọc tệp",
        "identity": "Thông tin văn bản",
        "district": "Huyện",
        "province": "Tỉnh",
        "signer": "Người ký",
        "source": "Tệp gốc",
        "format": "Định dạng",
        "pages": "Số trang",
        "sha256": "SHA-256",
        "ocr": "Nhận dạng ký tự (OCR)",
        "ocr_pages": "trang",
        "stored": "Phiên bản trong kho",
        "stored_current": "hiện hành",
        "stored_old": "đã có bản mới hơn",
        "classification": "Xếp loại",
        "criteria": "Bảng tiêu chí: số in trong báo cáo và số tính lại",
        "criterion": "Tiêu chí",
        "printed_score": "Điểm in",
        "printed_percent": "Tỷ lệ in",
        "recomputed_percent": "Tỷ lệ tính lại",
        "difference": "Chênh lệch",
        "change": "So với năm trước",
        "total": "Tổng",
        "sum_of_criteria": "Cộng các tiêu chí",
        "chart": "Điểm từng tiêu chí so với điểm tối đa",
        "chart_desc": "Mỗi thanh là điểm của một tiêu chí tính theo phần trăm điểm tối đa của tiêu chí đó.",
        "no_data": "không có số liệu",
        "no_findings": "Không có phát hiện nào.",
        "no_criteria": "Không trích xuất được tiêu chí nào.",
        "rule": "Quy tắc",
        "kind": "Loại",
        "subject": "Đối tượng",
        "expected": "Giá trị đúng",
        "actual": "Giá trị trong báo cáo",
        "evidence": "Trích dẫn",
        "page": "trang",
        "line": "dòng",
        "paragraph": "đoạn",
        "table": "bảng",
        "block": "khối",
        "up": "tăng {n} bậc",
        "down": "giảm {n} bậc",
        "same": "giữ nguyên",
        "not_scored": "Văn bản không phải báo cáo chấm điểm CCHC.",
        "report_n": "Báo cáo {n}",
        "printed_as": "in là mục",
        "printed_legend": "Số in: như in trong báo cáo. Số tính lại: điểm ÷ điểm tối đa × 100, làm tròn 2 chữ số.",
        "rows_flagged": "Dòng tô màu là dòng có phát hiện.",
        "back_to_top": "Về đầu trang",
        "contents": "Mục lục",
        "none": "—",
        "kinds": "Loại phát hiện",
        "filter_unit": "Tìm đơn vị",
        "all_districts": "Mọi huyện",
        "all_severities": "Mọi mức độ",
        "all_kinds": "Mọi loại phát hiện",
        "has_severity": "có {label}",
        "no_findings_short": "không có phát hiện",
        "shown": "Đang hiện {shown} / {total} báo cáo",
        "sort_hint": "Bấm vào tiêu đề cột để sắp xếp.",
        "back_to_index": "Về trang tổng hợp",
        "status": "Trạng thái",
        "status_open": "Chưa xử lý",
        "status_accepted": "Đã chấp nhận",
        "status_dismissed": "Đã bỏ qua",
        "reason": "lý do",
    },
    "en": {
        "default_title": "CCHC report review",
        "generated_for": "Report for reviewers",
        "reports": "Reports",
        "error": "Errors",
        "warning": "Warnings",
        "info": "Info",
        "failures": "Unreadable files",
        "summary": "Summary of reports",
        "unit": "Unit",
        "year": "Year",
        "doc_number": "Doc number",
        "date": "Issued",
        "score": "Score",
        "rank": "Rank",
        "findings": "Findings",
        "open": "Open",
        "batch_findings": "Findings across reports",
        "file": "File",
        "cause": "Read error",
        "identity": "Document",
        "district": "District",
        "province": "Province",
        "signer": "Signed by",
        "source": "Source file",
        "format": "Format",
        "pages": "Pages",
        "sha256": "SHA-256",
        "ocr": "OCR",
        "ocr_pages": "pages",
        "stored": "Stored version",
        "stored_current": "current",
        "stored_old": "superseded",
        "classification": "Classification",
        "criteria": "Criteria: printed values and recomputed values",
        "criterion": "Criterion",
        "printed_score": "Printed score",
        "printed_percent": "Printed %",
        "recomputed_percent": "Recomputed %",
        "difference": "Difference",
        "change": "Vs. last year",
        "total": "Total",
        "sum_of_criteria": "Sum of criteria",
        "chart": "Each criterion's score as a share of its maximum",
        "chart_desc": "Each bar is one criterion's score as a percentage of that criterion's maximum.",
        "no_data": "no data",
        "no_findings": "No findings.",
        "no_criteria": "No criteria were extracted.",
        "rule": "Rule",
        "kind": "Kind",
        "subject": "Subject",
        "expected": "Expected",
        "actual": "In the report",
        "evidence": "Evidence",
        "page": "page",
        "line": "line",
        "paragraph": "paragraph",
        "table": "table",
        "block": "block",
        "up": "up {n}",
        "down": "down {n}",
        "same": "unchanged",
        "not_scored": "Not a scored CCHC report.",
        "report_n": "Report {n}",
        "printed_as": "printed as",
        "printed_legend": "Printed: as printed in the report. Recomputed: score ÷ maximum × 100, to 2 decimals.",
        "rows_flagged": "Highlighted rows have findings.",
        "back_to_top": "Back to top",
        "contents": "Contents",
        "none": "—",
        "kinds": "Finding kinds",
        "filter_unit": "Find a unit",
        "all_districts": "All districts",
        "all_severities": "All severities",
        "all_kinds": "All finding kinds",
        "has_severity": "with {label}",
        "no_findings_short": "no findings",
        "shown": "Showing {shown} of {total} reports",
        "sort_hint": "Click a column heading to sort.",
        "back_to_index": "Back to the summary",
        "status": "Status",
        "status_open": "Open",
        "status_accepted": "Accepted",
        "status_dismissed": "Dismissed",
        "reason": "reason",
    },
}


# --- formatting -------------------------------------------------------------------------------


def labels(lang: str) -> dict[str, str]:
    """The label table of a language (``UsageError`` for an unknown one)."""
    if lang not in LANGS:
        raise UsageError(f"lang must be 'vi' or 'en', not {lang!r}")
    return LABELS[lang]


def fmt_number(value: float | None, decimals: int | None = None) -> str:
    """83.97 -> "83,97"; 15.0 -> "15"; 12345 -> "12.345"; ``decimals`` fixes the places (half up)."""
    return "—" if value is None else format_vi(value, decimals)


def fmt_signed(value: float | None, decimals: int = 2) -> str:
    """+3,00 / -1,20 / 0,00."""
    if value is None:
        return "—"
    text = fmt_number(value, decimals)
    return text if text.startswith("-") or set(text) <= {"0", ","} else "+" + text


def fmt_percent(value: float | None, decimals: int | None = None) -> str:
    return "—" if value is None else fmt_number(value, decimals) + "%"


def fmt_value(value: str | float | None) -> str:
    """A finding's expected/actual: numbers Vietnamese style, strings as they are."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return fmt_number(value)
    return value


def fmt_ratio(score: float | None, max_score: float | None) -> str:
    if score is None and max_score is None:
        return "—"
    return f"{fmt_number(score)}/{fmt_number(max_score)}"


def fmt_rank(rank: int | None, total: int | None) -> str:
    if rank is None:
        return "—"
    return f"{rank}/{total}" if total is not None else str(rank)


def fmt_rank_change(change: int | None, lang: str) -> str:
    lab = labels(lang)
    if change is None:
        return "—"
    if change > 0:
        return lab["up"].format(n=change)
    if change < 0:
        return lab["down"].format(n=-change)
    return lab["same"]


def fmt_date(iso: str | None, lang: str) -> str:
    """ISO "2023-04-06" -> "06/04/2023" (vi) or as is (en); anything else as given."""
    if not iso:
        return "—"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if m and lang == "vi":
        return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    return iso


def recompute_percent(score: float | None, max_score: float | None) -> float | None:
    """score / max x 100, or None when either is missing or the maximum is not positive."""
    if score is None or max_score is None or max_score <= 0:
        return None
    return score / max_score * 100


def place(ev: Evidence, lang: str) -> str:
    """Where a quote is: "trang 3, dòng 12" (PDF), "đoạn 45" (DOCX), "dòng 77" (text).

    DOCX paragraphs and tables are stored 0-based; shown 1-based, as a reader counts them.
    """
    lab = labels(lang)
    parts: list[str] = []
    if ev.page is not None:
        parts.append(f"{lab['page']} {ev.page}")
    if ev.table is not None:
        parts.append(f"{lab['table']} {ev.table + 1}")
    if ev.line is not None:
        parts.append(f"{lab['line']} {ev.line}")
    if ev.paragraph is not None:
        parts.append(f"{lab['paragraph']} {ev.paragraph + 1}")
    if not parts and ev.block is not None:
        parts.append(f"{lab['block']} {ev.block + 1}")
    return ", ".join(parts)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def safe_href(target: str | None) -> str | None:
    """A link safe to put in the report: a relative file path (URL-quoted) or a ``file:`` URL.

    Anything else (javascript:, data:, http:, protocol-relative //host, UNC \\\\host) gives None.
    """
    if not target:
        return None
    cleaned = "".join(ch for ch in target if unicodedata.category(ch)[0] != "C").strip()
    if not cleaned:
        return None
    if _DRIVE.match(cleaned):
        return "file:///" + quote(PureWindowsPath(cleaned).as_posix(), safe="/:")
    if cleaned.startswith(("//", "\\\\", "\\")):
        return None
    m = _SCHEME.match(cleaned)
    if m:
        if m.group(1).lower() != "file":
            return None
        rest = cleaned[len(m.group(0)) :]
        return "file:" + quote(rest, safe="/%:@!$&'()*+,;=-._~")
    if cleaned.startswith("/"):
        return "file://" + quote(cleaned, safe="/-._~")
    return quote(cleaned.replace("\\", "/"), safe="/-._~")


# --- the view model ---------------------------------------------------------------------------


@dataclass(slots=True)
class FindingView:
    finding: Finding
    anchor: str
    message: str
    places: list[tuple[str, str]]  # (quoted text, place)
    criterion_anchor: str | None = None
    decision: Decision | None = None  # the reviewer's triage decision (None: open)

    @property
    def status(self) -> str:
        return self.decision.status if self.decision else "open"

    def status_line(self, lab: dict[str, str]) -> str:
        """"Đã bỏ qua — lý do: … — who, 2026-11-29 10:02 UTC"; just the status while open."""
        text = lab.get(f"status_{self.status}", self.status)
        d = self.decision
        if d is None or d.status == "open":
            return text
        if d.reason:
            text += f" — {lab['reason']}: {d.reason}"
        return f"{text} — {d.decided_by}, {d.decided_at.strftime('%Y-%m-%d %H:%M')} UTC"


@dataclass(slots=True)
class CriterionRow:
    label: str  # "1" or the printed numbering when unmatched
    title: str
    printed: str | None  # the numbering as printed when it differs from the code, e.g. "II.1" for 8
    score: float | None
    max_score: float | None
    percent: float | None
    recomputed: float | None
    difference: float | None  # printed percent - recomputed percent
    rank: int | None
    rank_total: int | None
    rank_change: int | None
    anchor: str
    findings: list[FindingView] = field(default_factory=list)

    @property
    def severity(self) -> str | None:
        return worst(f.finding.severity for f in self.findings)


@dataclass(slots=True)
class ReportView:
    record: Record  # after rendering its section: a light copy (values, no evidence)
    index: int
    anchor: str
    unit: str
    heading: str
    source_href: str | None
    rows: list[CriterionRow]
    total: CriterionRow
    criteria_sum: float | None
    criteria_max_sum: float | None
    groups: dict[str, list[FindingView]]
    stored: tuple[int, bool] | None = None  # (version in the store, whether it is the current one)
    rendered: str | None = None  # the rendered section (HTML or Markdown), when rendered while the views were built
    kept_counts: dict[str, int] | None = None  # finding counts, once the groups are let go

    @property
    def counts(self) -> dict[str, int]:
        if self.kept_counts is not None:
            return self.kept_counts
        return {s: len(self.groups[s]) for s in SEVERITIES}

    @property
    def severity(self) -> str | None:
        return next((s for s in SEVERITIES if self.counts[s]), None)


@dataclass(slots=True)
class BatchView:
    title: str
    lang: str
    reports: list[ReportView]
    batch_groups: dict[str, list[FindingView]]
    failures: list[tuple[str, str]]
    report_counts: list[dict[str, int]] | None = None  # per-report counts of reports rendered on pages of their own

    @property
    def counts(self) -> dict[str, int]:
        counts = {s: len(self.batch_groups[s]) for s in SEVERITIES}
        per_report = self.report_counts if self.report_counts is not None else [r.counts for r in self.reports]
        for report in per_report:
            for s, n in report.items():
                counts[s] += n
        return {"reports": len(per_report), **counts, "failures": len(self.failures)}


def worst(severities: object) -> str | None:
    seen = set(severities)  # type: ignore[call-overload]
    return next((s for s in SEVERITIES if s in seen), None)


def unit_label(record: Record) -> str:
    meta = record.meta
    if meta.unit_name:
        return f"{meta.unit_level} {meta.unit_name}" if meta.unit_level else meta.unit_name
    if meta.issuer:
        return meta.issuer
    return record.source.file.replace("\\", "/").rsplit("/", 1)[-1]


def _finding_view(finding: Finding, anchor: str, lang: str) -> FindingView:
    message = finding.message_en if lang == "en" and finding.message_en else finding.message
    return FindingView(
        finding=finding,
        anchor=anchor,
        message=message,
        places=[(ev.text, place(ev, lang)) for ev in finding.evidence],
    )


def _group(findings: list[FindingView]) -> dict[str, list[FindingView]]:
    groups: dict[str, list[FindingView]] = {s: [] for s in SEVERITIES}
    for fv in findings:
        groups.setdefault(fv.finding.severity, []).append(fv)
    return groups


def _criterion_label(criterion: Criterion, position: int) -> str:
    if criterion.code:
        return criterion.code
    if criterion.printed_number:
        return criterion.printed_number.rstrip(".")
    return str(position)


def _printed_number(criterion: Criterion) -> str | None:
    number = (criterion.printed_number or "").strip().rstrip(".")
    if not number or not criterion.code or number == criterion.code:
        return None
    return f"{criterion.section}.{number}" if criterion.section else number


def _row_for(subject: str, record: Record, rows_by_code: dict[str, CriterionRow]) -> CriterionRow | None:
    """The criterion row a finding's subject belongs to: the criterion itself or one of its indicators."""
    key = subject.strip()
    if key in rows_by_code:
        return rows_by_code[key]
    for ind in record.indicators:
        if ind.code == key and ind.criterion in rows_by_code:
            return rows_by_code[ind.criterion]
    head = re.match(r"^(\d+)\.\d", key)
    if head and head.group(1) in rows_by_code:
        return rows_by_code[head.group(1)]
    return None


def report_view(record: Record, index: int, lang: str, source_links: dict[str, str] | None,
                status_of: StatusOf | None = None) -> ReportView:
    """The view of one record; ``index`` is 1-based and names the anchors (r1, r1-f3, r1-c2).

    ``status_of`` gives each finding its triage decision (:func:`cchc.store.triage.status_lookup`).
    """
    lab = labels(lang)
    anchor = f"r{index}"
    rows: list[CriterionRow] = []
    for pos, crit in enumerate(record.criteria, start=1):
        recomputed = recompute_percent(crit.score, crit.max_score)
        rows.append(
            CriterionRow(
                label=_criterion_label(crit, pos),
                title=crit.title,
                printed=_printed_number(crit),
                score=crit.score,
                max_score=crit.max_score,
                percent=crit.percent,
                recomputed=recomputed,
                difference=None if crit.percent is None or recomputed is None else crit.percent - recomputed,
                rank=crit.rank,
                rank_total=crit.rank_total,
                rank_change=crit.rank_change,
                anchor=f"{anchor}-c{pos}",
            )
        )
    ov = record.overall
    ov_recomputed = recompute_percent(ov.score, ov.max_score)
    total = CriterionRow(
        label="",
        title=lab["total"],
        printed=None,
        score=ov.score,
        max_score=ov.max_score,
        percent=ov.percent,
        recomputed=ov_recomputed,
        difference=None if ov.percent is None or ov_recomputed is None else ov.percent - ov_recomputed,
        rank=ov.rank,
        rank_total=ov.rank_total,
        rank_change=ov.rank_change,
        anchor=f"{anchor}-total",
    )
    scores = [c.score for c in record.criteria if c.score is not None]
    maxima = [c.max_score for c in record.criteria if c.max_score is not None]

    rows_by_code: dict[str, CriterionRow] = {}
    for crit, crit_row in zip(record.criteria, rows, strict=True):
        if crit.code and crit.code not in rows_by_code:
            rows_by_code[crit.code] = crit_row
    views: list[FindingView] = []
    order = {s: i for i, s in enumerate(SEVERITIES)}
    ordered = sorted(record.findings, key=lambda f: order.get(f.severity, len(order)))
    for n, finding in enumerate(ordered, start=1):
        fv = _finding_view(finding, f"{anchor}-f{n}", lang)
        if status_of is not None:
            fv.decision = status_of(record, finding)
        row = _row_for(finding.subject, record, rows_by_code)
        if row is None and (
            finding.subject.strip().casefold() in OVERALL_SUBJECTS or finding.kind == "total_mismatch"
        ):
            row = total
        if row is not None:
            row.findings.append(fv)
            fv.criterion_anchor = row.anchor
        views.append(fv)

    unit = unit_label(record)
    year = record.meta.report_year
    heading = f"{unit} – {year}" if year else unit
    link_target = (source_links or {}).get(record.source.file, record.source.file)
    return ReportView(
        record=record,
        index=index,
        anchor=anchor,
        unit=unit,
        heading=heading,
        source_href=safe_href(link_target),
        rows=rows,
        total=total,
        criteria_sum=sum(scores) if scores else None,
        criteria_max_sum=sum(maxima) if maxima else None,
        groups=_group(views),
    )


def batch_view(
    records: Iterable[Record],
    *,
    title: str | None,
    batch_findings: list[Finding] | tuple[Finding, ...],
    failures: list[tuple[str, str]] | tuple[tuple[str, str], ...],
    source_links: dict[str, str] | None,
    lang: str,
    render_section: Callable[[ReportView], str] | None = None,
    stored: dict[str, tuple[int, bool]] | None = None,
    status_of: StatusOf | None = None,
) -> BatchView:
    """The whole report: every record's view, the batch findings and the failures.

    With ``render_section``, each record's section is rendered as soon as its view is built and
    the view then keeps only a light copy of the record, so a batch of thousands of records is
    never held in memory at once (``records`` may be a lazy iterable).
    """
    lab = labels(lang)
    reports = []
    for i, rec in enumerate(records, start=1):
        rep = report_view(rec, i, lang, source_links, status_of)
        rep.stored = (stored or {}).get(rec.source.sha256)
        if render_section is not None:
            rep.rendered = render_section(rep)
            rep.kept_counts = rep.counts
            rep.record, rep.rows, rep.groups = light_copy(rec), [], {s: [] for s in SEVERITIES}
        reports.append(rep)
    if title is None:
        title = lab["default_title"]
        if len(reports) == 1:
            title = f"{title}: {reports[0].heading}"
    order = {s: i for i, s in enumerate(SEVERITIES)}
    ordered = sorted(batch_findings, key=lambda f: order.get(f.severity, len(order)))
    batch = [_finding_view(f, f"b-f{n}", lang) for n, f in enumerate(ordered, start=1)]
    return BatchView(
        title=title,
        lang=lang,
        reports=reports,
        batch_groups=_group(batch),
        failures=[(str(f), str(e)) for f, e in failures],
    )
