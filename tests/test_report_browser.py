"""The HTML report in a real headless browser (Debian's chromium): what it shows, and a screenshot.

The screenshot and the page are kept in tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from cchc.report import render_html
from cchc.schemas.record import Criterion, Evidence, Finding, Meta, Overall, Record, Source

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
PAYLOAD = "<script>document.body.setAttribute('data-pwned','1')</script>"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is not installed: `make test` installs it (apt-get install -y chromium)")


def run_browser(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}"
    return proc


def records() -> list[Record]:
    crit = [
        ("1", "Công tác chỉ đạo, điều hành", 12.7, 15, 87.67),
        ("2", "Cải cách thể chế", 5, 5, 100),
        ("3", "Cải cách thủ tục hành chính", 15.52, 18.5, 83.89),
        ("7", "Xây dựng Chính quyền điện tử, chính quyền số", 8.97, 11.5, 77.99),
    ]
    first = Record(
        source=Source(file="samples/minh-duc-2022.pdf", sha256="5e" * 32, format="pdf", pages=10),
        meta=Meta(
            unit_name="Minh Đức",
            unit_level="xã",
            district="Tứ Kỳ",
            province="Hải Dương",
            doc_number="29/BC-UBND",
            issued_date="2023-04-06",
            report_year=2022,
            signer="Nguyễn Hữu Lăng",
            title=f"Báo cáo tổng kết {PAYLOAD}",
        ),
        overall=Overall(score=83.97, max_score=100, percent=83.97, rank=8, rank_total=23, rank_change=-5),
        criteria=[Criterion(code=c, title=t, score=s, max_score=m, percent=p) for c, t, s, m, p in crit],
        findings=[
            Finding(
                rule="CCHC101",
                kind="percent_mismatch",
                severity="error",
                subject="1",
                message="Tỷ lệ in 87,67% không khớp 12,7/15 = 84,67%.",
                expected=84.67,
                actual=87.67,
                evidence=[Evidence(page=1, line=27, text=f"12,7/15 điểm, đạt tỷ lệ 87,67%. {PAYLOAD}")],
            ),
            Finding(
                rule="CCHC105",
                kind="conflicting_values",
                severity="warning",
                subject="cán bộ đạt chuẩn",
                message="2/19 và 2/10 cán bộ, công chức đạt chuẩn.",
                expected="2/19",
                actual="2/10",
                evidence=[
                    Evidence(page=4, line=30, text="đạt chuẩn của UBND xã là 2/19"),
                    Evidence(page=8, line=5, text="vẫn còn 2/10 chưa đạt chuẩn"),
                ],
            ),
        ],
    )
    second = Record(
        source=Source(file="inbox/an-binh.docx", sha256="a1" * 32, format="docx"),
        meta=Meta(unit_name="An Bình", unit_level="xã", report_year=2022),
        overall=Overall(score=85.1, max_score=100, rank=9, rank_total=25),
        findings=[
            Finding(
                rule="CCHC109",
                kind="numbering_gap",
                severity="info",
                subject="II",
                message="Mục II đánh số 1, 9, 10.",
                evidence=[Evidence(paragraph=44, text="9. Về")],
            )
        ],
    )
    return [first, second]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def png_distinct_bytes(data: bytes) -> int:
    """How many distinct byte values the decompressed pixel rows hold (a blank page has very few)."""
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


def test_browser_shows_counts_and_escaped_script(tmp_path: Path) -> None:
    page = render_html(
        records(),
        title=f"Huyện Tứ Kỳ {PAYLOAD}",
        failures=[("inbox/hong.pdf", "inbox/hong.pdf: tệp PDF bị hỏng")],
        source_links={"inbox/an-binh.docx": "javascript:alert(1)"},
    )
    ARTIFACTS.mkdir(exist_ok=True)
    html_path = ARTIFACTS / "report.html"
    html_path.write_text(page, encoding="utf-8")
    url = html_path.resolve().as_uri()

    dom = run_browser(["--dump-dom", url], tmp_path / "profile").stdout
    counts = dict(re.findall(r'<span class="n" id="count-(\w+)">(\d+)</span>', dom))
    assert counts == {"reports": "2", "error": "1", "warning": "1", "info": "1", "failures": "1"}
    # the payload is text in the built DOM: no script element, and it never ran
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;" in dom
    assert 'data-pwned="1"' not in dom
    assert not re.search(r'href="javascript', dom, re.IGNORECASE)
    row = re.search(r'<tr id="r1-c1" class="sev-error">(.*?)</tr>', dom, re.DOTALL).group(1)
    assert "84,67%" in row and "87,67%" in row and "12,7/15" in row
    assert "— trang 1, dòng 27" in dom and "— đoạn 45" in dom
    assert "inbox/hong.pdf: tệp PDF bị hỏng" in dom

    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    run_browser([f"--screenshot={shot}", "--window-size=1280,2000", url], tmp_path / "profile2")
    data = shot.read_bytes()
    assert png_size(data) == (1280, 2000)
    assert len(data) > 40_000, len(data)
    assert png_distinct_bytes(data) > 100
    print(f"\nscreenshot: {shot.resolve()}\npage: {html_path.resolve()}")


def visible_rows(dom: str) -> list[str]:
    """The index's table rows the page shows (the script hides the others)."""
    rows = re.findall(r"<tr( [^>]*data-unit=[^>]*)>(.*?)</tr>", dom, re.DOTALL)
    return [body for attrs, body in rows if " hidden" not in attrs]


def test_browser_index_of_a_thousand_reports_filters_sorts_and_links(tmp_path: Path) -> None:
    from urllib.parse import unquote, urlencode

    from cchc.report import write_report
    from tests.test_report_pages import batch

    records = batch(1000)
    out = tmp_path / "out"
    write_report(out, records)  # 1,000 reports: split by default
    index = (out / "review.html").resolve()
    assert index.stat().st_size < 2 * 1024 * 1024

    dom = run_browser(["--dump-dom", index.as_uri()], tmp_path / "p1").stdout
    assert len(visible_rows(dom)) == 1000
    assert 'data-shown="1000"' in dom and "Đang hiện 1000 / 1000 báo cáo" in dom

    def expected(district: str | None, severity: str | None, kind: str | None, unit: str | None) -> list[str]:
        return [
            r.source.file
            for r in records
            if (district is None or r.meta.district == district)
            and (severity is None or any(f.severity == severity for f in r.findings))
            and (kind is None or any(f.kind == kind for f in r.findings))
            and (unit is None or unit in (r.meta.unit_name or "").casefold())
        ]

    # district and severity: Thanh Hà's reports with an error
    query = urlencode({"district": "Thanh Hà", "severity": "error"})
    dom = run_browser(["--dump-dom", f"{index.as_uri()}#{query}"], tmp_path / "p2").stdout
    shown = visible_rows(dom)
    want = expected("Thanh Hà", "error", None, None)
    assert 0 < len(want) < 1000 and len(shown) == len(want)
    assert all("Thanh Hà" in row for row in shown)
    assert f'data-shown="{len(want)}"' in dom

    # kind and a unit typed without tone marks ("dai hop" finds "Đại Hợp"), sorted by score, lowest first
    query = urlencode({"kind": "total_mismatch", "unit": "dai hop", "sort": "score"})
    dom = run_browser(["--dump-dom", f"{index.as_uri()}#{query}"], tmp_path / "p3").stdout
    shown = visible_rows(dom)
    want = expected(None, None, "total_mismatch", "đại hợp")
    assert 0 < len(want) and len(shown) == len(want)
    scores = [float(m) for m in re.findall(r'data-sort="([\d.]+)">[\d,]+/100', "".join(shown))]
    assert len(scores) == len(want) and scores == sorted(scores) and scores[0] < scores[-1]

    # a link of the filtered index opens that report's page
    href = re.search(r'<a href="(review/[^"]+\.html)">xã (Đại Hợp \d+)</a>', shown[0])
    assert href is not None
    page = out / unquote(href.group(1))
    page_dom = run_browser(["--dump-dom", page.resolve().as_uri()], tmp_path / "p4").stdout
    assert f"xã {href.group(2)} – 2022" in page_dom
    assert "Tổng điểm in 83,97 khác tổng các tiêu chí 84,97." in page_dom
    assert 'href="../review.html"' in page_dom
