"""Published rankings read from DOCX, PDF, XLSX and prose: every planted value comes back, with its place."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.errors import LimitExceededError
from cchc.schemas.record import RankingRow, Record
from cchc.settings import Settings
from tests.ranking_factory import (
    MAXIMA,
    Ranking,
    Unit,
    invented_units,
    ranking_docx,
    ranking_pdf,
    ranking_xlsx,
)

WRITERS = {"docx": ranking_docx, "pdf": ranking_pdf, "xlsx": ranking_xlsx}


def _row(record: Record, name: str) -> RankingRow:
    assert record.ranking is not None
    return next(r for r in record.ranking.rows if r.unit_name == name)


def _assert_planted(record: Record, planted: Ranking) -> None:
    ranking = record.ranking
    assert record.document_type == "ranking" and ranking is not None
    assert (ranking.year, ranking.district, ranking.doc_number) == (2023, "Phú Lâm", "1146/QĐ-UBND")
    assert ranking.issuer == "UBND thị xã Phú Lâm"
    assert ranking.max_total == 100
    assert {c.code: c.max_score for c in ranking.framework} == {k: float(v) for k, v in MAXIMA.items()}
    assert [(r.unit_level, r.unit_name) for r in ranking.rows] == [(u.level, u.name) for u in planted.units]
    for unit in planted.units:
        row = _row(record, unit.name)
        assert row.scores == {k: float(v) for k, v in unit.scores.items()}
        assert (row.total, row.percent, row.rank) == (float(unit.total or 0), float(unit.percent or 0), unit.rank)
        assert row.group == unit.group
        assert row.evidence and unit.name in row.evidence[0].text
    assert not [f for f in record.findings if f.kind == "not_scored_report"]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_annex_table_read_in_every_format(tmp_path: Path, fmt: str) -> None:
    planted = Ranking(invented_units(8, seed=1))
    record = extract_file(WRITERS[fmt](tmp_path / f"qd-1146.{fmt}", planted))
    _assert_planted(record, planted)
    assert {r.rank_total for r in record.ranking.rows} == {8}  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_grouped_rows_rank_within_their_group(tmp_path: Path, fmt: str) -> None:
    planted = Ranking(invented_units(8, seed=2, grouped=True), grouped=True)
    record = extract_file(WRITERS[fmt](tmp_path / f"grouped.{fmt}", planted))
    _assert_planted(record, planted)
    groups = {r.group for r in record.ranking.rows}  # type: ignore[union-attr]
    assert groups == {"Nhóm xã", "Nhóm phường"}
    assert {r.rank_total for r in record.ranking.rows} == {4}  # type: ignore[union-attr]
    assert [r.rank for r in record.ranking.rows if r.group == "Nhóm phường"] == [1, 2, 3, 4]  # type: ignore[union-attr]


def test_pdf_table_across_pages_with_repeated_header(tmp_path: Path) -> None:
    planted = Ranking(invented_units(20, seed=3))
    path = ranking_pdf(tmp_path / "long.pdf", planted, rows_per_page=6)
    record = extract_file(path)
    _assert_planted(record, planted)
    pages = {r.evidence[0].page for r in record.ranking.rows}  # type: ignore[union-attr]
    assert len(pages) >= 2 and record.source.pages == len(pages)


def test_maxima_on_a_second_header_row_in_docx(tmp_path: Path) -> None:
    planted = Ranking(invented_units(5, seed=4), maxima_row=True)
    _assert_planted(extract_file(ranking_docx(tmp_path / "two-rows.docx", planted)), planted)


def test_xlsx_percent_stored_as_number_without_percent_format(tmp_path: Path) -> None:
    planted = Ranking(invented_units(5, seed=5))
    record = extract_file(ranking_xlsx(tmp_path / "plain.xlsx", planted, percent_as_fraction=False))
    _assert_planted(record, planted)
    assert record.source.format == "xlsx"
    first = record.ranking.rows[0].evidence[0]  # type: ignore[union-attr]
    assert first.line == 7 and first.table == 0  # the sheet row: 4 title rows, 2 header rows


def test_xlsx_over_the_docx_xml_limit_is_refused(tmp_path: Path) -> None:
    path = ranking_xlsx(tmp_path / "big.xlsx", Ranking(invented_units(20, seed=6)))
    with pytest.raises(LimitExceededError, match="max_docx_xml_bytes"):
        extract_file(path, Settings(max_docx_xml_bytes=2000))


def test_tied_totals_share_a_rank(tmp_path: Path) -> None:
    scores = dict(invented_units(1, seed=7)[0].scores)
    units = [Unit("xã", "An Bình", scores), Unit("xã", "Bảo Lý", dict(scores)), Unit("phường", "Cao Sơn", {
        k: v - Decimal("0.5") if k == "1" else v for k, v in scores.items()})]
    units[0].rank = units[1].rank = 1
    units[2].rank = 3
    record = extract_file(ranking_docx(tmp_path / "ties.docx", Ranking(units)))
    assert [r.rank for r in record.ranking.rows] == [1, 1, 3]  # type: ignore[union-attr]


ANNOUNCEMENT = """UBND HUYỆN TỨ KỲ CÔNG BỐ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022

Ngày 22/3/2023, UBND huyện Tứ Kỳ công bố kết quả Chỉ số cải cách hành chính năm 2022 của 23 xã, thị trấn trên địa bàn huyện.
Theo đó, xã Hà Kỳ dẫn đầu với 92,5/100 điểm; xếp thứ nhì là thị trấn Tứ Kỳ với 91.25 điểm, xã Minh Đức xếp thứ 8 với 83,97 điểm. Xếp cuối là xã Ngọc Sơn (70,12%).
Ba đơn vị xếp cao nhất:
1. Xã Hà Kỳ: 92,5 điểm
2. Thị trấn Tứ Kỳ: 91,25 điểm
3. Xã Đại Sơn: 89,12 điểm
"""


def test_prose_announcement_units_scores_ranks_in_words_and_dot_decimals(tmp_path: Path) -> None:
    path = tmp_path / "tin-bai.txt"
    path.write_text(ANNOUNCEMENT, encoding="utf-8")
    record = extract_file(path)
    ranking = record.ranking
    assert record.document_type == "ranking" and ranking is not None and ranking.form == "prose"
    assert (ranking.year, ranking.district, ranking.max_total) == (2022, "Tứ Kỳ", 100)
    got = {(r.unit_level, r.unit_name): (r.total, r.percent, r.rank, r.rank_total) for r in ranking.rows}
    assert got == {
        ("xã", "Hà Kỳ"): (92.5, None, 1, 23),
        ("thị trấn", "Tứ Kỳ"): (91.25, None, 2, 23),
        ("xã", "Minh Đức"): (83.97, None, 8, 23),
        ("xã", "Ngọc Sơn"): (None, 70.12, 23, 23),
        ("xã", "Đại Sơn"): (89.12, None, 3, 23),
    }
    assert [e.text for e in _row(record, "Hà Kỳ").evidence] == ["xã Hà Kỳ dẫn đầu với 92,5/100 điểm", "Xã Hà Kỳ: 92,5 điểm"]
    assert _row(record, "Ngọc Sơn").evidence[0].text.startswith("Xếp cuối là xã Ngọc Sơn")


def test_a_units_own_report_is_never_a_ranking() -> None:
    for sample in ("minh-duc-2022.pdf", "minh-duc-2022.docx", "dong-hoa-2023.pdf", "phuoc-an-2021.docx"):
        record = extract_file(Path("samples") / sample)
        assert record.document_type == "report" and record.ranking is None


def test_a_letter_is_other(tmp_path: Path) -> None:
    path = tmp_path / "cong-van.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nV/v đôn đốc nộp báo cáo\n\nĐề nghị các bộ phận nộp báo cáo đúng hạn.\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert record.document_type == "other" and record.ranking is None


def test_sample_ranking_rebuilds_byte_for_byte_and_reads_as_its_truth(tmp_path: Path) -> None:
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("build_ranking", "samples/build_ranking.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    builder.build(tmp_path)
    name = "phu-lam-2023-chi-so-cchc"
    assert (tmp_path / f"{name}.xlsx").read_bytes() == Path(f"samples/{name}.xlsx").read_bytes()
    truth = json.loads(Path(f"samples/truth/{name}.json").read_text("utf-8"))
    assert json.loads((tmp_path / "truth" / f"{name}.json").read_text("utf-8")) == truth
    record = extract_file(f"samples/{name}.xlsx")
    ranking = record.ranking
    assert ranking is not None
    want = truth["ranking"]
    assert (ranking.issuer, ranking.year, ranking.district, ranking.province, ranking.doc_number, ranking.max_total) == (
        want["issuer"], want["year"], want["district"], want["province"], want["doc_number"], want["max_total"]
    )
    assert {c.code: c.max_score for c in ranking.framework} == want["framework"]
    fields = ("unit_level", "unit_name", "scores", "total", "percent", "rank", "rank_total", "classification")
    assert [{k: getattr(r, k) for k in fields} for r in ranking.rows] == want["rows"]
    assert sorted((f.kind, f.subject) for f in record.findings) == sorted(
        (p["kind"], p["subject"]) for p in truth["planted"]
    )


def test_groups_give_the_level_of_bare_names_and_abbreviated_thi_tran(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN HUYỆN TỨ KỲ")
    d.add_paragraph("Kết quả xếp hạng Chỉ số cải cách hành chính năm 2022 của các xã, thị trấn")
    rows = [
        ["TT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"],
        ["I", "Nhóm xã", "", ""],
        ["1", "Hà Kỳ", "90,5", "1"],
        ["2", "Đại Sơn", "88", "2"],
        ["II", "Nhóm thị trấn", "", ""],
        ["1", "TT. Tứ Kỳ", "91,25", "1"],
    ]
    table = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r in (1, 4):
        table.cell(r, 1).merge(table.cell(r, 3)).text = rows[r][1]
    path = tmp_path / "tu-ky.docx"
    d.save(str(path))
    record = extract_file(path)
    ranking = record.ranking
    assert ranking is not None and (ranking.year, ranking.issuer) == (2022, "UBND huyện Tứ Kỳ")
    got = [(r.unit_level, r.unit_name, r.group, r.total, r.rank, r.rank_total) for r in ranking.rows]
    assert got == [
        ("xã", "Hà Kỳ", "Nhóm xã", 90.5, 1, 2),
        ("xã", "Đại Sơn", "Nhóm xã", 88.0, 2, 2),
        ("thị trấn", "Tứ Kỳ", "Nhóm thị trấn", 91.25, 1, 1),
    ]
    assert ranking.framework == [] and record.findings == []


def test_bottom_list_in_reverse_order_and_slash_ranks(tmp_path: Path) -> None:
    path = tmp_path / "cuoi-bang.txt"
    path.write_text(
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA CÁC XÃ, THỊ TRẤN HUYỆN TỨ KỲ\n\n"
        "Năm nay xã Quang Phục xếp thứ 5/23 với 88,4 điểm.\n"
        "Ba đơn vị xếp cuối bảng:\n"
        "23. Xã Ngọc Sơn: 70,12 điểm\n"
        "22. Xã Quang Khải: 72.4 điểm\n"
        "21. Xã Tiên Động: 74,05 điểm\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert record.ranking is not None
    got = {r.unit_name: (r.total, r.rank, r.rank_total) for r in record.ranking.rows}
    assert got == {
        "Quang Phục": (88.4, 5, 23),
        "Ngọc Sơn": (70.12, 23, None),
        "Quang Khải": (72.4, 22, None),
        "Tiên Động": (74.05, 21, None),
    }
    assert [f.kind for f in record.findings] == []  # the reverse order is not a ranking_order error
