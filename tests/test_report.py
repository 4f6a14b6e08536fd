"""The reviewer's report (HTML and Markdown) on records built here with the sample's real values."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from cchc.errors import UsageError
from cchc.report import render_html, render_markdown
from cchc.report.view_model import fmt_number, fmt_percent, place, safe_href
from cchc.schemas.record import Criterion, Evidence, Finding, Meta, Overall, Record, Source

SHA = "3f1c9a0b7d2e4f6a8b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708"

# The sample report's ten criteria: (code, title, score, max, printed %, rank, rank_total, change, printed no.)
CRITERIA = [
    ("1", "Công tác chỉ đạo, điều hành", 12.7, 15, 87.67, 5, 19, 6, "1."),
    ("2", "Cải cách thể chế", 5, 5, 100, 1, 3, 0, "2."),
    ("3", "Cải cách thủ tục hành chính", 15.52, 18.5, 83.89, 16, 21, -13, "3."),
    ("4", "Cải cách tổ chức bộ máy nhà nước, chính quyền địa phương", 6, 6, 100, None, None, 0, "4."),
    ("5", "Cải cách chế độ công vụ", 8.8, 11, 80, 14, 19, -15, "5."),
    ("6", "Cải cách tài chính công", 6, 7, 85.71, 5, 13, -10, "6."),
    ("7", "Xây dựng Chính quyền điện tử, chính quyền số", 8.97, 11.5, 77.99, 12, 21, -7, "7."),
    ("8", "Tác động của CCHC đến sự phát triển kinh tế - xã hội", 1.31, 2, 65.65, 8, 15, None, "1."),
    ("9", "Đánh giá tác động của các tổ chức đối với CCHC", 10, 14, 71.4, 1, 21, None, "9."),
    ("10", "Sự hài lòng của người dân, tổ chức", 9.67, 10, 96.71, 4, 19, None, "10."),
]


def line_ev(line: int, text: str) -> Evidence:
    return Evidence(line=line, text=text)


def sample_findings() -> list[Finding]:
    return [
        Finding(
            rule="CCHC101",
            kind="percent_mismatch",
            severity="error",
            subject="1",
            message="Tỷ lệ in 87,67% không khớp 12,7/15 = 84,67%.",
            message_en="Printed 87.67% does not match 12.7/15 = 84.67%.",
            expected=84.67,
            actual=87.67,
            evidence=[line_ev(28, "1. Về công tác chỉ đạo, điều hành:12,7/15 điểm, đạt tỷ lệ 87,67%.")],
        ),
        Finding(
            rule="CCHC105",
            kind="conflicting_values",
            severity="warning",
            subject="cán bộ, công chức đạt chuẩn",
            message="Cùng số cán bộ, công chức đạt chuẩn được nêu hai lần với mẫu số khác nhau: 2/19 và 2/10.",
            expected="2/19",
            actual="2/10",
            evidence=[
                line_ev(180, "- Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 2/19 do chủ tịch"),
                line_ev(362, "Đội ngũ cán bộ, công chức của xã vẫn còn 2/10 chưa đạt chuẩn."),
            ],
        ),
        Finding(
            rule="CCHC112",
            kind="malformed_number",
            severity="info",
            subject="7",
            message="Số điểm phải sửa mới đọc được: “8,97/,11,5” đọc là 8,97/11,5.",
            expected="8,97/11,5",
            actual="8,97/,11,5",
            evidence=[line_ev(211, "7. Về xây dựng Chính quyền điện tử, chính quyền số: 8,97/,11,5 điểm,")],
        ),
        Finding(
            rule="CCHC110",
            kind="year_mismatch",
            severity="warning",
            subject="năm báo cáo",
            message="Năm báo cáo ở phần kết (2023) khác tiêu đề (2022).",
            expected=2022,
            actual=2023,
            evidence=[line_ev(479, "Trên đây là Báo cáo tổng kết công tác CCHC năm 2023 và triển khai")],
        ),
    ]


def sample_record(**source: object) -> Record:
    src = {"file": "samples/minh-duc-2022.txt", "sha256": SHA, "format": "txt", "size_bytes": 31000}
    src.update(source)
    return Record(
        source=Source(**src),
        meta=Meta(
            issuer="UBND xã Minh Đức",
            unit_name="Minh Đức",
            unit_level="xã",
            district="Tứ Kỳ",
            province="Hải Dương",
            doc_number="29/BC-UBND",
            issued_date="2023-04-06",
            report_year=2022,
            signer="Nguyễn Hữu Lăng",
        ),
        overall=Overall(
            score=83.97,
            max_score=100,
            percent=83.97,
            rank=8,
            rank_total=23,
            rank_change=-5,
            classification="hoàn thành tốt nhiệm vụ",
        ),
        criteria=[
            Criterion(
                code=code,
                title=title,
                score=score,
                max_score=mx,
                percent=pct,
                rank=rank,
                rank_total=total,
                rank_change=change,
                printed_number=number,
                section="I" if int(code) <= 7 else "II",
            )
            for code, title, score, mx, pct, rank, total, change, number in CRITERIA
        ],
        findings=sample_findings(),
    )


def other_record() -> Record:
    return Record(
        source=Source(file="inbox/an binh (2022).pdf", sha256="ab" * 32, format="pdf", pages=9),
        meta=Meta(
            unit_name="An Bình",
            unit_level="xã",
            district="Tứ Kỳ",
            report_year=2022,
            doc_number="31/BC-UBND",
            issued_date="2023-04-10",
        ),
        overall=Overall(score=85.1, max_score=100, percent=85.1, rank=9, rank_total=25),
        criteria=[
            Criterion(code="1", title="Công tác chỉ đạo, điều hành", score=14, max_score=15, percent=93.33)
        ],
    )


class Dom(HTMLParser):
    """Tags, attributes and the text of elements with an id, as the parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in ("meta", "br", "line", "rect", "img", "input", "link"):
            self._open.append((tag, a.get("id")))
            if a.get("id"):
                self.text_by_id.setdefault(a["id"], "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self._open:
            if ident:
                self.text_by_id[ident] += data


def dom(page: str) -> Dom:
    parser = Dom()
    parser.feed(page)
    parser.close()
    return parser


def cells(text: str) -> list[str]:
    """Split a Markdown table row on its unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", text.strip())[1:-1]]


# --- formatting ---------------------------------------------------------------------------------


def test_vietnamese_numbers() -> None:
    assert fmt_number(83.97) == "83,97"
    assert fmt_number(15.0) == "15"
    assert fmt_number(12.7 / 15 * 100, 2) == "84,67"
    assert fmt_number(0.125, 2) == "0,13"  # half up, not banker's rounding
    assert fmt_number(2.675, 2) == "2,68"
    assert fmt_number(123456.5) == "123.456,5"
    assert fmt_number(2022) == "2022"
    assert fmt_number(-1.2, 2) == "-1,20"
    assert fmt_percent(9.67 / 10 * 100, 2) == "96,70%"


def test_evidence_places() -> None:
    assert place(Evidence(page=3, line=12, text="x", bbox=(1, 2, 3, 4)), "vi") == "trang 3, dòng 12"
    assert place(Evidence(paragraph=44, text="x"), "vi") == "đoạn 45"
    assert place(Evidence(line=77, text="x"), "vi") == "dòng 77"
    assert place(Evidence(table=0, paragraph=None, text="x"), "vi") == "bảng 1"
    assert place(Evidence(page=3, line=12, text="x"), "en") == "page 3, line 12"


def test_safe_href_allows_only_files() -> None:
    assert safe_href("samples/minh đức.pdf") == "samples/minh%20%C4%91%E1%BB%A9c.pdf"
    assert safe_href("inbox/a#b?.pdf") == "inbox/a%23b%3F.pdf"
    assert safe_href("/srv/inbox/x.docx") == "file:///srv/inbox/x.docx"
    assert safe_href("file:///srv/inbox/x.pdf") == "file:///srv/inbox/x.pdf"
    assert safe_href("C:\\Hồ sơ\\x.pdf") == "file:///C:/H%E1%BB%93%20s%C6%A1/x.pdf"
    for bad in (
        "javascript:alert(1)",
        " JaVa\tScript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<b>",
        "http://example.org/a.pdf",
        "//example.org/a",
        "\\\\host\\share\\a.pdf",
        "vbscript:x",
        "",
    ):
        assert safe_href(bad) is None, bad


# --- HTML ---------------------------------------------------------------------------------------


def test_html_counts_identity_and_criteria_table() -> None:
    page = render_html([sample_record()])
    d = dom(page)
    counts = {k: d.text_by_id[f"count-{k}"] for k in ("reports", "error", "warning", "info", "failures")}
    assert counts == {"reports": "1", "error": "1", "warning": "2", "info": "1", "failures": "0"}

    ident = d.text_by_id["r1"]
    for value in (
        "xã Minh Đức",
        "Tứ Kỳ",
        "Hải Dương",
        "29/BC-UBND",
        "06/04/2023",
        "Nguyễn Hữu Lăng",
        "samples/minh-duc-2022.txt",
        "TXT",
        "3f1c9a0b7d2e",
    ):
        assert value in ident, value
    assert SHA not in ident  # only the short hash is shown as text
    assert '<a href="samples/minh-duc-2022.txt">samples/minh-duc-2022.txt</a>' in page

    row1 = d.text_by_id["r1-c1"]
    for value in (
        "Công tác chỉ đạo, điều hành",
        "12,7/15",
        "87,67%",
        "84,67%",
        "+3,00",
        "5/19",
        "tăng 6 bậc",
        "CCHC101",
    ):
        assert value in row1, value
    assert re.search(r'<tr id="r1-c1" class="sev-error">', page)
    assert "giảm 13 bậc" in d.text_by_id["r1-c3"]
    assert "giữ nguyên" in d.text_by_id["r1-c2"]
    assert "in là mục II.1" in d.text_by_id["r1-c8"] and "in là mục" not in d.text_by_id["r1-c9"]
    assert "96,70%" in d.text_by_id["r1-c10"] and "96,71%" in d.text_by_id["r1-c10"]
    # criterion 7's malformed number is an info finding: the row is marked, less loudly
    assert re.search(r'<tr id="r1-c7" class="sev-info">', page)
    assert re.search(r'<tr id="r1-c2">', page)  # no finding, no highlight

    total = d.text_by_id["r1-total"]
    assert "Tổng" in total and "83,97/100" in total and "Cộng các tiêu chí: 83,97/100" in total
    assert "8/23" in total and "giảm 5 bậc" in total


def test_html_findings_grouped_with_quoted_evidence() -> None:
    page = render_html([sample_record()])
    d = dom(page)
    order = re.findall(
        r'<h4 class="sevhead sev-(\w+)">\w[^<]* \(<span class="count" data-severity="\w+">(\d)', page
    )
    assert order == [("error", "1"), ("warning", "2"), ("info", "1")]
    first = d.text_by_id["r1-f1"]
    assert "CCHC101" in first and "percent_mismatch" in first
    assert "Giá trị đúng: 84,67" in first and "Giá trị trong báo cáo: 87,67" in first
    assert "— dòng 28" in first
    conflict = next(v for k, v in d.text_by_id.items() if k.startswith("r1-f") and "conflicting_values" in v)
    assert "2/19" in conflict and "2/10" in conflict and "— dòng 180" in conflict and "— dòng 362" in conflict
    assert page.count("<blockquote>") == 5
    year = next(v for k, v in d.text_by_id.items() if k.startswith("r1-f") and "year_mismatch" in v)
    assert "Giá trị đúng: 2022" in year  # a year is not grouped like a number


def test_html_chart_is_inline_accessible_svg() -> None:
    page = render_html([sample_record()])
    svg = re.search(r"<svg .*?</svg>", page, re.DOTALL).group(0)
    assert 'role="img"' in svg and '<title id="r1-ct">' in svg and "<desc" in svg
    # criterion 1: 84,67% of the 360-unit bar
    assert 'width="304.8"' in svg
    assert "12,7/15 · 84,67% · Lỗi" in svg
    assert "1. Công tác chỉ đạo, điều hành" in svg
    assert svg.count('height="18" fill="#eef1f5"') == 10
    # self-contained: no scripts, no external resources
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "@import" not in page


def test_html_escapes_untrusted_text() -> None:
    record = sample_record(file="javascript:alert(1)//x.txt")
    record.meta.unit_name = 'Evil" onmouseover="alert(1)'
    record.meta.title = "<script>alert(1)</script>"
    record.criteria[0].title = "<img src=x onerror=alert(1)>"
    record.findings[0].evidence.append(
        Evidence(page=2, line=4, text="a </blockquote><script>alert(1)</script>")
    )
    record.findings[0].subject = '1"><svg onload=alert(1)>'
    page = render_html([record], title="<script>alert(1)</script>")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    d = dom(page)
    assert not [t for t, _ in d.tags if t in ("script", "img", "iframe", "object")]
    assert not [(t, k) for t, a in d.tags for k in a if k.startswith("on")]
    assert not [a["href"] for t, a in d.tags if t == "a" and "script" in (a.get("href") or "").lower()]
    # the file is still shown, as text, without a link
    assert "javascript:alert(1)//x.txt" in d.text_by_id["r1"]
    assert "a &lt;/blockquote&gt;&lt;script&gt;" in page
    assert "— trang 2, dòng 4" in page
    heading = d.text_by_id["r1-h"]
    assert 'xã Evil" onmouseover="alert(1) – 2022' in heading


def test_html_batch_summary_failures_and_links() -> None:
    rank_order = Finding(
        rule="CCHC201",
        kind="rank_order",
        severity="error",
        subject="Tứ Kỳ 2022",
        message="xã An Bình (85,1 điểm) xếp thứ 9, sau xã Minh Đức (83,97 điểm) xếp thứ 8.",
        evidence=[
            Evidence(line=23, text="chấm điểm đạt 83,97/100 điểm … xếp thứ 8/23"),
            Evidence(page=1, line=14, text="đạt 85,1/100 điểm, xếp thứ 9/25"),
        ],
    )
    page = render_html(
        [sample_record(), other_record()],
        title="Huyện Tứ Kỳ – 2022",
        batch_findings=[rank_order],
        failures=[("inbox/hong.pdf", "inbox/hong.pdf: tệp PDF bị hỏng (không mở được)")],
        source_links={"inbox/an binh (2022).pdf": "../inbox/an binh (2022).pdf"},
    )
    d = dom(page)
    assert d.text_by_id["count-reports"] == "2" and d.text_by_id["count-failures"] == "1"
    assert d.text_by_id["count-error"] == "2"  # one in a record, one across the batch
    summary = d.text_by_id["summary"]
    assert "xã Minh Đức" in summary and "xã An Bình" in summary
    assert "83,97/100" in summary and "8/23" in summary and "85,1/100" in summary and "9/25" in summary
    assert "31/BC-UBND" in summary and "10/04/2023" in summary
    assert '<a href="#r2">xã An Bình</a>' in page
    assert "inbox/hong.pdf: tệp PDF bị hỏng" in d.text_by_id["failures"]
    assert "rank_order" in d.text_by_id["batch-findings"] and "— trang 1, dòng 14" in d.text_by_id["b-f1"]
    assert 'href="../inbox/an%20binh%20%282022%29.pdf"' in page
    assert "<title>Huyện Tứ Kỳ – 2022</title>" in page


def test_html_english_labels() -> None:
    page = render_html([sample_record()], lang="en")
    d = dom(page)
    assert '<html lang="en">' in page
    assert "up 6" in d.text_by_id["r1-c1"] and "down 5" in d.text_by_id["r1-total"]
    assert "Printed 87.67% does not match" in d.text_by_id["r1-f1"]
    assert "— line 28" in d.text_by_id["r1-f1"]
    assert "Errors" in page and "2023-04-06" in d.text_by_id["r1"]
    with pytest.raises(UsageError):
        render_html([sample_record()], lang="fr")


def test_record_without_criteria_or_findings() -> None:
    rec = Record(source=Source(file="ke-hoach.docx", sha256="0" * 64, format="docx"), is_scored_report=False)
    page = render_html([rec])
    d = dom(page)
    assert d.text_by_id["count-error"] == "0"
    assert "Không có phát hiện nào." in d.text_by_id["r1"]
    assert "không phải báo cáo chấm điểm" in d.text_by_id["r1"]
    assert "<svg" not in page
    assert "ke-hoach.docx" in d.text_by_id["r1-h"]


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_tables_and_findings() -> None:
    text = render_markdown([sample_record()])
    lines = text.splitlines()
    assert lines[0] == "# Báo cáo rà soát kết quả CCHC: xã Minh Đức – 2022"
    assert "🔴 Lỗi: **1**" in text and "🟠 Cảnh báo: **2**" in text and "🔵 Thông tin: **1**" in text

    row1 = next(line for line in lines if line.startswith("| 🔴 1 |"))
    assert cells(row1)[:8] == [
        "🔴 1",
        "Công tác chỉ đạo, điều hành",
        "12,7/15",
        "87,67%",
        "84,67%",
        "+3,00",
        "5/19",
        "tăng 6 bậc",
    ]
    assert "[🔴 CCHC101](#r1-f1)" in row1
    total = next(line for line in lines if "**Tổng**" in line)
    assert cells(total)[2] == "**83,97/100** (Cộng các tiêu chí: 83,97/100)"
    assert cells(total)[6:8] == ["8/23", "giảm 5 bậc"]
    start = lines.index(next(line for line in lines if line.startswith("| # | Tiêu chí |")))
    table = lines[start : lines.index("", start)]
    assert len(table) == 13  # header, separator, 10 criteria, total
    assert {len(cells(line)) for line in table} == {9}

    summary = next(line for line in lines if line.startswith("| 1 | [xã Minh Đức](#r1)"))
    assert cells(summary)[1:7] == [
        "[xã Minh Đức](#r1)",
        "2022",
        "29/BC-UBND",
        "06/04/2023",
        "83,97/100",
        "8/23",
    ]
    assert "  > \\- Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 2/19 do chủ tịch" in lines
    assert "  > — *dòng 362*" in lines
    assert "#### 🟠 Cảnh báo (2)" in lines
    assert "- [samples/minh\\-duc\\-2022.txt]" not in text  # '-' is not escaped in inline text
    assert "- Tệp gốc: [samples/minh-duc-2022.txt](samples/minh-duc-2022.txt)" in lines
    assert "```text" in text and " 1 █████████████████░░░ 84,67%" in text


def test_markdown_escapes_untrusted_text() -> None:
    record = sample_record()
    record.meta.title = "<script>alert(1)</script>"
    record.criteria[0].title = "Chỉ đạo | điều hành *đậm* _nghiêng_ `mã` [liên kết](javascript:alert(1))"
    record.findings[1].evidence[0] = Evidence(line=180, text="| 2/19 | <b>x</b>\n# tiêu đề\n1. mục")
    text = render_markdown([record], source_links={"samples/minh-duc-2022.txt": "javascript:alert(1)"})
    assert "<script>" not in text and "\\<script\\>alert(1)\\</script\\>" in text
    row = next(line for line in text.splitlines() if line.startswith("| 🔴 1 |"))
    assert len(cells(row)) == 9
    assert (
        "Chỉ đạo \\| điều hành \\*đậm\\* \\_nghiêng\\_ \\`mã\\` \\[liên kết\\](javascript:alert(1))"
        == cells(row)[1]
    )
    assert "  > \\| 2/19 \\| \\<b\\>x\\</b\\>" in text
    assert "  > \\# tiêu đề" in text and "  > 1\\. mục" in text
    assert "](javascript" not in text.replace("\\](javascript", "")
    assert "- Tệp gốc: samples/minh-duc-2022.txt" in text  # rejected link: the path as text


def test_markdown_renders_to_safe_html() -> None:
    """Through a CommonMark renderer (markdown-it-py, rich's own dependency), with raw HTML allowed."""
    from markdown_it import MarkdownIt

    record = sample_record()
    record.meta.title = "<script>alert(1)</script>"
    record.criteria[0].title = "a | b <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    record.findings[0].evidence[0] = Evidence(
        page=3, line=12, text="<script>alert(2)</script>\n- 12,7/15 | 87,67%"
    )
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(render_markdown([record]))
    d = dom(rendered)
    assert not [t for t, _ in d.tags if t in ("script", "img")]
    assert not [a for t, a in d.tags if t == "a" and "javascript" in (a.get("href") or "")]
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in rendered and "— <em>trang 3, dòng 12</em>" in rendered
    first_table = rendered.split("</table>")[1]  # [0] is the summary table
    rows = re.findall(r"<tr>(.*?)</tr>", first_table, re.DOTALL)
    assert len(rows) == 12 and all(r.count("<td") == 9 for r in rows[1:])
    assert "<td>a | b &lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))</td>" in rows[1]
    assert '<a id="r1-f1"></a>' in rendered and 'href="#r1-f1"' in rendered


def test_findings_on_indicators_and_totals_mark_their_rows() -> None:
    record = sample_record()
    record.criteria[0].score = 12.2  # sum of criteria now 83,47 against a printed 83,97
    record.findings = [
        Finding(
            rule="CCHC107",
            kind="status_contradiction",
            severity="warning",
            subject="1.5",
            message="Mục 1.5 được liệt kê là đạt điểm tuyệt đối nhưng chỉ đạt 1/2 điểm.",
            evidence=[Evidence(paragraph=30, text="Mục 1.5 … đạt 1/2 điểm (50%)")],
        ),
        Finding(
            rule="CCHC102",
            kind="total_mismatch",
            severity="error",
            subject="tổng điểm",
            message="Tổng điểm in 83,97 khác tổng các tiêu chí 83,47.",
            expected=83.47,
            actual=83.97,
        ),
    ]
    page = render_html([record])
    d = dom(page)
    assert '<tr id="r1-c1" class="sev-warning">' in page and "CCHC107" in d.text_by_id["r1-c1"]
    assert '<tr id="r1-total" class="sev-error">' in page and "CCHC102" in d.text_by_id["r1-total"]
    assert "Cộng các tiêu chí: 83,47/100" in d.text_by_id["r1-total"]
    assert "— đoạn 31" in page
    text = render_markdown([record], lang="en")
    total = next(line for line in text.splitlines() if "**Total**" in line)
    assert cells(total)[0] == "🔴" and "(Sum of criteria: 83,47/100)" in cells(total)[2]
    assert "[🔴 CCHC102](#r1-f1)" in total
