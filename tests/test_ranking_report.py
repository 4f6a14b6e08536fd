"""The reviewer's "Kết quả công bố" section: the official table with each report's values beside it."""

from __future__ import annotations

from functools import cache

from cchc.api import extract_file
from cchc.report.html import render_html
from cchc.report.markdown import render_markdown
from cchc.report.official_section import official_tables
from cchc.schemas.record import Record


@cache
def records() -> tuple[Record, Record]:
    return extract_file("samples/dong-hoa-2023.pdf"), extract_file("samples/phu-lam-2023-chi-so-cchc.xlsx")


def test_official_table_puts_the_reports_values_beside_the_published_ones() -> None:
    report, ranking = records()
    [table] = official_tables([report, ranking])
    assert table.title == "UBND thị xã Phú Lâm — 1146/QĐ-UBND — 2023 — Phú Lâm, Thái Nguyên"
    assert len(table.rows) == 19
    dong_hoa = next(r for r in table.rows if r.unit == "phường Đông Hòa")
    assert (dong_hoa.total, dong_hoa.stated_total, dong_hoa.total_differs) == ("89,63", "89,88", True)
    assert (dong_hoa.rank, dong_hoa.stated_rank, dong_hoa.rank_differs) == ("4/19", "4/19", False)
    assert dong_hoa.criteria == ["TC9: 10,25 ≠ 10"]
    others = [r for r in table.rows if r is not dong_hoa]
    assert all(r.stated_total is None and not r.criteria for r in others)


def test_a_report_that_matches_is_not_highlighted() -> None:
    report, ranking = records()
    fixed = report.model_copy(deep=True)
    fixed.overall.score = fixed.overall.percent = 89.63
    next(c for c in fixed.criteria if c.code == "9").score = 10
    [table] = official_tables([fixed, ranking])
    row = next(r for r in table.rows if r.unit == "phường Đông Hòa")
    assert not (row.total_differs or row.rank_differs or row.criteria)


def test_html_and_markdown_sections() -> None:
    report, ranking = records()
    html = render_html([report, ranking])
    section = html[html.index('<section class="card" id="official">') :]
    section = section[: section.index("</section>")]
    assert "<h2>Kết quả công bố</h2>" in section
    assert '<tr class="sev-error"><td class="num">4</td><td>phường Đông Hòa</td>' in section
    assert "<strong>89,88</strong>" in section and "TC9: 10,25 ≠ 10" in section
    assert section.count("chưa có báo cáo") == 18
    md = render_markdown([report, ranking], lang="en")
    assert "## Published results" in md and "| **89,88** |" in md
    assert 'id="official"' not in render_html([report])
    assert "Kết quả công bố" not in render_markdown([report])


def test_the_rankings_own_section_points_to_the_published_results() -> None:
    report, ranking = records()
    html = render_html([report, ranking])
    assert '<a href="#official"><b>Kết quả công bố của 19 đơn vị: xem mục Kết quả công bố.</b></a>' in html
    assert "Văn bản không phải báo cáo chấm điểm CCHC." not in html
    assert "**Published results of 19 units: see the Published results section.**" in render_markdown(
        [ranking], lang="en"
    )
