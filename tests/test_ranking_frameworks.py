"""Frameworks from published rankings (issue 13): maxima from the header, with provenance; the
sample-derived Hải Dương maxima demoted; `cchc frameworks` lists where each came from."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.checker import run_rules
from cchc.cli import main
from cchc.extractors.framework import framework_by_id, framework_for, framework_from_ranking, framework_toml
from tests.ranking_factory import MAXIMA, Ranking, invented_units, ranking_docx, ranking_pdf

SAMPLE_RANKING = Path("samples/phu-lam-2023-chi-so-cchc.xlsx")


def test_framework_from_a_ranking_header_with_provenance(tmp_path: Path) -> None:
    maxima = dict(MAXIMA, **{"1": Decimal(15), "3": Decimal("18.5")})
    ranking = Ranking(invented_units(5, seed=21), maxima=maxima, district="Đại Từ", doc_number="77/QĐ-UBND")
    for unit in ranking.units:
        unit.scores = {k: min(v, maxima[k]) for k, v in unit.scores.items()}
    record = extract_file(ranking_pdf(tmp_path / "qd-77.pdf", ranking))
    framework = framework_from_ranking(record)
    assert framework is not None
    assert framework.id == "thai-nguyen-dai-tu-2023-xa"
    assert (framework.province, framework.district, framework.years) == ("Thái Nguyên", "Đại Từ", (2023,))
    assert {c.code: c.max_score for c in framework.criteria} == {k: float(v) for k, v in maxima.items()}
    source = framework.source
    assert source["derived_from"] == "ranking" and source["sha256"] == record.source.sha256
    assert (source["issuer"], source["decision"], source["page"]) == ("UBND thị xã Đại Từ", "77/QĐ-UBND", "1")
    assert "(15 điểm)" not in source["header"] and "LV1" in source["header"]  # maxima on the second header row
    written = tomllib.loads(framework_toml(framework))
    assert written["maxima"] == {k: float(v) for k, v in maxima.items()}
    assert written["provenance"]["sha256"] == record.source.sha256 and written["district"] == "Đại Từ"


def test_a_ranking_without_maxima_defines_no_framework(tmp_path: Path) -> None:
    text = tmp_path / "tin.txt"
    text.write_text(
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC XÃ\n\nxã An Bình dẫn đầu với 91,5 điểm; "
        "xã Bảo Lý xếp thứ hai với 90 điểm; xếp cuối là xã Cao Sơn (80,25%).\n",
        encoding="utf-8",
    )
    record = extract_file(text)
    assert record.document_type == "ranking" and framework_from_ranking(record) is None


def test_committed_sample_framework_is_the_sample_rankings_header() -> None:
    record = extract_file(SAMPLE_RANKING)
    derived = framework_from_ranking(record)
    committed = framework_by_id("thai-nguyen-phu-lam-2023-xa")
    assert derived is not None and committed is not None
    assert framework_toml(derived) == Path("schemas/frameworks/thai-nguyen-phu-lam-2023-xa.toml").read_text("utf-8")
    assert committed.source["decision"] == "1146/QĐ-UBND" and committed.has_maxima


def test_report_of_that_district_and_year_is_checked_against_it() -> None:
    record = extract_file("samples/dong-hoa-2023.pdf")
    assert record.framework == "thai-nguyen-phu-lam-2023-xa" and record.framework_maxima_known
    # the report prints the decision's maxima: nothing more than its planted findings
    # (and an info: its prose subtotal "21.75/24 điểm" of criteria 9 and 10 is placed under no criterion)
    planted = sorted(f.kind for f in record.findings if f.kind != "unplaced_statement")
    assert planted == ["percent_mismatch", "rank_out_of_range"]
    wrong = record.model_copy(deep=True)
    next(c for c in wrong.criteria if c.code == "3").max_score = 18
    assert [(f.kind, f.subject, f.expected) for f in run_rules(wrong, select=["max_mismatch"])] == [
        ("max_mismatch", "3", 17.0)
    ]


def test_sample_derived_hai_duong_maxima_are_demoted() -> None:
    framework = framework_by_id("hai-duong-2022-xa")
    assert framework is not None and not framework.has_maxima
    assert dict(framework.provisional_maxima)["3"] == 18.5 and framework.source["derived_from"] == "report"
    record = extract_file("samples/minh-duc-2022.txt")
    assert not record.framework_maxima_known
    assert not [f for f in record.findings if f.kind == "max_mismatch"]


def test_district_framework_wins_over_the_provinces_and_stays_in_its_district() -> None:
    assert framework_for("Thái Nguyên", 2023, "phường", "Phú Lâm").id == "thai-nguyen-phu-lam-2023-xa"
    assert framework_for("Thái Nguyên", 2023, "phường", "Đại Từ").id == "commune-index"
    assert framework_for("Thái Nguyên", 2022, "phường", "Phú Lâm").id == "commune-index"


def test_cli_frameworks_lists_sources_and_derives_from_a_ranking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["frameworks", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["thai-nguyen-phu-lam-2023-xa"]["maxima_used"] is True
    assert "1146/QĐ-UBND" in rows["thai-nguyen-phu-lam-2023-xa"]["source"]
    assert rows["hai-duong-2022-xa"]["maxima_used"] is False and "demoted" in rows["hai-duong-2022-xa"]["source"]
    out = tmp_path / "fw.toml"
    docx_path = ranking_docx(tmp_path / "qd.docx", Ranking(invented_units(4, seed=22)))
    assert main(["frameworks", "--from", str(docx_path), "-o", str(out)]) == 0
    assert tomllib.loads(out.read_text("utf-8"))["id"] == "thai-nguyen-phu-lam-2023-xa"
    assert main(["frameworks", "--from", "samples/minh-duc-2022.txt"]) == 2
    assert "not a published ranking" in capsys.readouterr().err
