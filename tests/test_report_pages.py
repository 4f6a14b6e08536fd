"""The report written to a folder: one file for a small batch, an index and one page per report for a large one."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc._files import atomic_write_parts
from cchc.errors import UsageError
from cchc.report import render_html, render_markdown, write_report
from cchc.report.pages import (
    INDEX_CSP,
    IndexRow,
    _stamp_html,
    _stamp_markdown,
    _trimmed_lines,
    index_html_parts,
    index_markdown_parts,
    page_name,
    render_index_html,
    render_index_markdown,
)
from cchc.report.view_model import batch_view
from cchc.schemas.record import Evidence, Finding, Meta, Overall, Record, Source
from cchc.settings import DEFAULT_SETTINGS, Settings
from tests.test_report import dom, other_record, sample_findings, sample_record

DISTRICTS = ("Tứ Kỳ", "Thanh Hà", "Kinh Môn", "Nam Sách", "Ninh Giang")
UNITS = ("Minh Đức", "An Bình", "Quang Khải", "Hưng Đạo", "Đại Hợp", "Tiên Động", "Hà Kỳ", "Nguyên Giáp")
MB = 1024 * 1024


def total_mismatch(i: int) -> Finding:
    return Finding(
        rule="CCHC102",
        kind="total_mismatch",
        severity="error",
        subject="tổng",
        message="Tổng điểm in 83,97 khác tổng các tiêu chí 84,97.",
        message_en="Printed total 83.97 differs from the sum of the criteria 84.97.",
        expected=84.97,
        actual=83.97,
        evidence=[Evidence(line=20 + i % 7, text="Tổng điểm đạt 83,97/100 điểm, xếp thứ 8/23.")],
    )


def batch(n: int) -> list[Record]:
    """``n`` reports like the sample's, in five districts: a third with its four findings, a fifth with a wrong total."""
    records = []
    base = sample_record()
    for i in range(n):
        unit = f"{UNITS[i % len(UNITS)]} {i // len(UNITS) + 1}"
        district = DISTRICTS[i % len(DISTRICTS)]
        findings = sample_findings() if i % 3 == 0 else []
        if i % 5 == 1:
            findings.append(total_mismatch(i))
        records.append(
            base.model_copy(
                update={
                    "source": Source(
                        file=f"inbox/{district}/{unit}.pdf", sha256=f"{i:064x}", format="pdf", pages=10
                    ),
                    "meta": Meta(unit_name=unit, unit_level="xã", district=district, report_year=2022),
                    "overall": Overall(
                        score=60 + (i * 37) % 400 / 10, max_score=100, rank=i % 23 + 1, rank_total=23
                    ),
                    "findings": findings,
                }
            )
        )
    return records


def index_rows(page: str) -> list[dict[str, str | None]]:
    return [a for tag, a in dom(page).tags if tag == "tr" and "data-unit" in a]


def test_small_batch_is_one_file_identical_to_render_html(tmp_path: Path) -> None:
    records = [sample_record(), other_record()]
    paths = write_report(tmp_path, records)
    assert set(paths) == {"html", "md"}
    assert paths["html"].read_text(encoding="utf-8") == render_html(records)
    assert paths["md"].read_text(encoding="utf-8") == render_markdown(records)
    assert not (tmp_path / "review").exists()


def test_threshold_is_a_setting_and_either_form_can_be_forced(tmp_path: Path) -> None:
    assert DEFAULT_SETTINGS.report_split_threshold == 50
    with pytest.raises(UsageError):
        Settings(report_split_threshold=-1)
    records = [sample_record(), other_record()]
    assert "pages" not in write_report(tmp_path / "at", records, split_threshold=2)
    assert "pages" in write_report(tmp_path / "over", records, split_threshold=1)
    assert "pages" in write_report(tmp_path / "forced", records, form="split")
    assert "pages" not in write_report(tmp_path / "single", batch(60), form="single")
    assert "pages" in write_report(tmp_path / "auto", iter(batch(51)))  # a lazy iterable is counted
    with pytest.raises(UsageError):
        write_report(tmp_path / "bad", records, form="pages")  # type: ignore[arg-type]


def test_split_index_links_each_report_page(tmp_path: Path) -> None:
    records = [sample_record(), other_record()]
    paths = write_report(
        tmp_path, records, form="split", source_links={"samples/minh-duc-2022.txt": "in/m.txt"}
    )
    index = paths["html"].read_text(encoding="utf-8")
    rows = index_rows(index)
    assert [r["data-unit"] for r in rows] == ["xã Minh Đức", "xã An Bình"]
    assert rows[0]["data-severities"] == "error warning info"
    assert rows[0]["data-kinds"] == "conflicting_values malformed_number percent_mismatch year_mismatch"
    assert rows[1]["data-severities"] == "" and rows[1]["data-kinds"] == ""
    hrefs = [
        a["href"] for tag, a in dom(index).tags if tag == "a" and (a.get("href") or "").startswith("review/")
    ]
    assert hrefs == ["review/minh-duc-2022.html", "review/an%20binh%20%282022%29.html"]
    # the index keeps the batch's counts (4 findings of the sample) and no report sections
    assert dom(index).text_by_id["count-reports"] == "2" and dom(index).text_by_id["count-error"] == "1"
    assert "12,7/15" not in index
    page = (tmp_path / "review" / "minh-duc-2022.html").read_text(encoding="utf-8")
    tree = dom(page)
    assert "xã Minh Đức – 2022" in tree.text_by_id["r1-h"]
    assert "1. Về công tác chỉ đạo, điều hành:12,7/15 điểm, đạt tỷ lệ 87,67%." in tree.text_by_id["r1-f1"]
    links = [a["href"] for tag, a in tree.tags if tag == "a"]
    assert "../review.html" in links and "../in/m.txt" in links and "#r1-c1" in links
    assert "<script" not in page
    assert (
        (tmp_path / "review" / "an binh (2022).md")
        .read_text(encoding="utf-8")
        .startswith("[← Về trang tổng hợp](<../review.md>)")
    )
    md_index = paths["md"].read_text(encoding="utf-8")
    assert "[xã Minh Đức](<review/minh-duc-2022.md>)" in md_index
    assert "`percent_mismatch`" in md_index and "87,67" not in md_index


def test_index_script_is_allowed_by_its_hash_only(tmp_path: Path) -> None:
    index = write_report(tmp_path, [sample_record()], form="split")["html"].read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", index, flags=re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in INDEX_CSP
    assert "unsafe-inline'; img" in INDEX_CSP and "script-src 'unsafe-inline'" not in INDEX_CSP


def test_index_escapes_untrusted_names(tmp_path: Path) -> None:
    hostile = sample_record(file='inbox/"><img src=x onerror=alert(1)>.pdf')
    hostile.meta.unit_name = '"><img src=x onerror=alert(1)>'
    hostile.meta.district = 'Tứ Kỳ" onmouseover="alert(1)'
    paths = write_report(tmp_path, [hostile], form="split")
    index = paths["html"].read_text(encoding="utf-8")
    assert "<img src=x" not in index and 'onmouseover="alert' not in index
    assert index.count("<script>") == 1
    assert [p.name for p in sorted((tmp_path / "review").iterdir())] == [
        "___img src_x onerror_alert(1)_.html",
        "___img src_x onerror_alert(1)_.md",
    ]


def test_page_names_are_safe_and_unique(tmp_path: Path) -> None:
    assert page_name("Báo cáo/../x") == "Báo cáo_.._x"
    assert page_name("..") == "report"
    assert page_name("xã Minh Đức #2") == "xã Minh Đức _2"
    a, b = (
        sample_record(file="huyen-a/bao-cao.pdf"),
        sample_record(file="huyen-b/Bao-Cao.docx", sha256="cd" * 32),
    )
    write_report(tmp_path, [a, b], form="split")
    assert sorted(p.name for p in (tmp_path / "review").glob("*.html")) == ["Bao-Cao-2.html", "bao-cao.html"]


def test_rerun_removes_pages_it_did_not_write(tmp_path: Path) -> None:
    write_report(tmp_path, [sample_record(), other_record()], form="split")
    (tmp_path / "review" / "notes.txt").write_text("kept", encoding="utf-8")
    write_report(tmp_path, [other_record()], form="split")
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == [
        "an binh (2022).html",
        "an binh (2022).md",
        "notes.txt",
    ]
    write_report(tmp_path, [other_record()], form="single")
    assert [p.name for p in (tmp_path / "review").iterdir()] == ["notes.txt"]


def test_thousand_reports_every_page_under_two_megabytes(tmp_path: Path) -> None:
    records = batch(1000)
    paths = write_report(tmp_path, records)
    assert "pages" in paths
    pages = sorted((tmp_path / "review").iterdir())
    assert len([p for p in pages if p.suffix == ".html"]) == 1000
    assert len([p for p in pages if p.suffix == ".md"]) == 1000
    for path in [paths["html"], paths["md"], *pages]:
        assert path.stat().st_size < 2 * MB, path
    index = paths["html"].read_text(encoding="utf-8")
    rows = index_rows(index)
    assert len(rows) == 1000
    # 334 reports carry the sample's four findings, 200 a wrong total; the counts say so
    assert dom(index).text_by_id["count-error"] == str(334 + 200)
    assert sum(1 for r in rows if "total_mismatch" in (r["data-kinds"] or "")) == 200
    assert {r["data-district"] for r in rows} == set(DISTRICTS)
    # the single file of the same batch is what the split exists for
    assert len(render_html(records[:100]).encode()) > 1 * MB


def test_split_index_keeps_the_published_rankings_section(tmp_path: Path) -> None:
    """A published ranking (samples/phu-lam-2023-chi-so-cchc.xlsx) and a report it ranks, split: the
    "Kết quả công bố" section is on the index, and the ranking's page links to it there."""
    from tests.test_ranking_report import records as ranking_records

    report, ranking = ranking_records()
    paths = write_report(tmp_path, [report, ranking], form="split")
    index = paths["html"].read_text(encoding="utf-8")
    section = index[index.index('<section class="card" id="official">') :]
    section = section[: section.index("</section>")]
    assert "<strong>89,88</strong>" in section and "TC9: 10,25 ≠ 10" in section
    page = (tmp_path / "review" / "phu-lam-2023-chi-so-cchc.html").read_text(encoding="utf-8")
    assert 'href="../review.html#official"' in page and 'href="#official"' not in page
    assert "| **89,88** |" in paths["md"].read_text(encoding="utf-8")
    assert 'id="official"' not in (tmp_path / "review" / "dong-hoa-2023.html").read_text(encoding="utf-8")


def test_run_id_is_in_every_file_of_either_form(tmp_path: Path) -> None:
    run = "2026-11-29T12-30-00-ab12"
    for form in ("single", "split"):
        paths = write_report(tmp_path / form, [sample_record(), other_record()], form=form, run_id=run)  # type: ignore[arg-type]
        files = [paths["html"], paths["md"], *sorted((tmp_path / form).glob("review/*"))]
        assert len(files) == (2 if form == "single" else 6)
        for path in files:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                assert f'<meta name="cchc-run-id" content="{run}">' in text.split("</head>")[0]
            else:
                assert text.endswith(f"<!-- cchc run {run} -->\n")
    assert "cchc-run-id" not in write_report(tmp_path / "none", [sample_record()])["html"].read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    "lines",
    [
        ["# T", "", "| a |", ""],
        ["# T", "", "| a |", "", "", ""],
        ["x  ", " ", ""],
        ["a\n", "\n", "b", "  ", ""],
        [""],
        [],
    ],
)
@pytest.mark.parametrize("run_id", [None, "run-7"])
def test_index_markdown_written_in_parts_equals_the_joined_text(lines: list[str], run_id: str | None) -> None:
    joined = _stamp_markdown("\n".join(lines).rstrip("\n") + "\n", run_id)
    assert "".join(_trimmed_lines(iter(lines), run_id)) == joined


def test_index_is_written_as_rendered_and_matches_the_whole_page(tmp_path: Path) -> None:
    """The index of a large batch goes to its file a row at a time (a 10,000-report index is ~6 MB of text,
    held several times over when rendered whole): the file is the page the renderers return, stamped."""
    out = write_report(tmp_path, batch(30), form="split", run_id="run-42")
    html_text = out["html"].read_text(encoding="utf-8")
    md_text = out["md"].read_text(encoding="utf-8")
    assert (
        html_text.count("<tr ") == 30 and html_text.count('<meta name="cchc-run-id" content="run-42">') == 1
    )
    assert md_text.endswith("\n\n<!-- cchc run run-42 -->\n") and md_text.count("](<review/") == 30
    # the parts are the whole page, cut
    view = batch_view(
        (), title="T", batch_findings=[], failures=[("x.pdf", "hỏng")], source_links=None, lang="vi"
    )
    rows = _rows(3)
    assert "".join(index_html_parts(view, rows, (), "r")) == _stamp_html(render_index_html(view, rows), "r")
    assert "".join(index_markdown_parts(view, rows, (), "r")) == _stamp_markdown(
        render_index_markdown(view, rows), "r"
    )
    assert len(list(index_html_parts(view, rows))) > len(rows)  # a part per row at least


def _rows(n: int) -> list[IndexRow]:
    return [
        IndexRow(
            index=i,
            page=f"xa-{i}",
            unit=f"Xã {i}",
            district="Tứ Kỳ",
            year=2023,
            score=80.5,
            max_score=100.0,
            rank=i,
            rank_total=n,
            counts={"error": 1, "warning": 0, "info": 0},
            kinds=("total_mismatch",),
        )
        for i in range(1, n + 1)
    ]


def test_a_page_that_fails_while_rendered_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "review.html"
    target.write_text("cũ", encoding="utf-8")

    def parts() -> Iterator[str]:
        yield "<html>"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        atomic_write_parts(target, parts())
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]
    atomic_write_parts(target, iter(["Đ", "ồng ", "ý"]))
    assert target.read_text(encoding="utf-8") == "Đồng ý"
