"""The sample report (text, PDF, DOCX forms): every stated value extracted, identical across forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FORMS = ["txt", "pdf", "docx"]

# (code, score, max, percent, rank, rank_total, rank_change, printed number, section) as printed.
CRITERIA = [
    ("1", 12.7, 15, 87.67, 5, 19, 6, "1.", "I"),
    ("2", 5, 5, 100, 1, 3, 0, "2.", "I"),
    ("3", 15.52, 18.5, 83.89, 16, 21, -13, "3.", "I"),
    ("4", 6, 6, 100, None, None, 0, "4.", "I"),
    ("5", 8.8, 11, 80, 14, 19, -15, "5.", "I"),
    ("6", 6, 7, 85.71, 5, 13, -10, "6.", "I"),
    ("7", 8.97, 11.5, 77.99, 12, 21, -7, "7.", "I"),
    ("8", 1.31, 2, 65.65, 8, 15, None, "1.", "II"),
    ("9", 10, 14, 71.4, 1, 21, None, "9.", "II"),
    ("10", 9.67, 10, 96.71, 4, 19, None, "10.", "II"),
]


@pytest.fixture(scope="module", params=FORMS)
def record(request: pytest.FixtureRequest):
    return extract_file(SAMPLES / f"minh-duc-2022.{request.param}", check=False)


def test_metadata(record) -> None:
    meta = record.meta
    assert (meta.unit_name, meta.unit_level, meta.district, meta.province) == ("Minh Đức", "xã", "Tứ Kỳ", "Hải Dương")
    assert (meta.doc_number, meta.issued_date, meta.report_year) == ("29/BC-UBND", "2023-04-06", 2022)
    assert meta.signer == "Nguyễn Hữu Lăng"
    assert meta.issuer == "Ủy ban nhân dân xã Minh Đức"
    assert meta.title.startswith("Tổng kết công tác Cải cách hành chính xã Minh Đức năm 2022")


def test_overall(record) -> None:
    o = record.overall
    assert (o.score, o.max_score, o.percent, o.rank, o.rank_total, o.rank_change) == (83.97, 100, 83.97, 8, 23, -5)
    assert o.classification == "hoàn thành tốt nhiệm vụ"
    assert "83,97/100 điểm" in o.evidence[0].text


@pytest.mark.parametrize("expected", CRITERIA, ids=[c[0] for c in CRITERIA])
def test_criterion(record, expected) -> None:
    code, score, maximum, percent, rank, total, change, printed, section = expected
    by_code = {c.code: c for c in record.criteria}
    c = by_code[code]
    assert (c.score, c.max_score, c.percent) == (score, maximum, percent)
    assert (c.rank, c.rank_total, c.rank_change) == (rank, total, change)
    assert (c.printed_number, c.section) == (printed, section)
    assert c.evidence and c.evidence[0].text


def test_all_ten_criteria_in_order(record) -> None:
    assert [c.code for c in record.criteria] == [str(n) for n in range(1, 11)]
    # the Hải Dương 2022 maxima were read off this very report: demoted, never used to check it (issue 13)
    assert record.framework == "hai-duong-2022-xa" and not record.framework_maxima_known


def test_malformed_number_recorded(record) -> None:
    assert [(r.original, r.value) for r in record.repairs] == [("8,97/,11,5 điểm", "8,97/11,5")]


def test_indicators_with_their_lists(record) -> None:
    got = {(i.code, i.listed_as): i for i in record.indicators}
    assert (got["1.3", "full"].score, got["1.3", "full"].max_score) == (0.5, 1)
    assert (got["1.5", "incomplete"].score, got["1.6", "incomplete"].score, got["1.7", "incomplete"].score) == (1, 0.7, 2.5)
    assert got["1.7", "incomplete"].percent == 83.33
    assert ("3.3", "full") in got and got["3.3", "incomplete"].score == 0.5
    assert got["3.1.2", "incomplete"].zero_score and got["7.1.6", "incomplete"].zero_score
    assert got["7.1.7", "incomplete"].percent == 85.7
    assert got["3.7", "full"].criterion == "3"
    assert all(i.evidence for i in record.indicators)


def test_quantities(record) -> None:
    q = {(x.numerator, x.denominator): x for x in record.quantities}
    assert q[3150, 3155].percent == 99.8 and q[3150, 3155].unit == "hồ sơ"
    assert q[2252, 3177].percent == 70.9 and q[2252, 3177].unit == "hồ sơ"
    assert q[2, 19].unit == q[2, 10].unit == "cán bộ, công chức"
    assert q[6, 7].percent == 85.7 and q[6, 7].unit == "nhiệm vụ"
    # dates, document numbers, ranks and scores are not quantities
    assert (27, 12) not in q and (5, 19) not in q and (12.7, 15) not in q


def test_references(record) -> None:
    refs = {(r.type, r.number): r for r in record.references}
    qd = refs["Quyết định", "855/QĐ-UBND"]
    assert (qd.date, qd.issuer) == ("2023-03-22", "UBND huyện Tứ Kỳ")
    assert refs["Kế hoạch", "29/KH-UBND"].date == "2021-12-27"
    assert refs["Công văn", "623/UBND-VP"].date == "2022-05-06"
    assert refs["Chỉ thị", "23/CT-TTg"].issuer == "Thủ tướng Chính phủ"
    assert refs["Kế hoạch", "71/KH-UBND"].date == "2022-12-30"  # date printed before the reference
    assert refs["Công văn", "217/UBND-NV"].date == "2023-03-15"
    assert ("Báo cáo", "29/BC-UBND") not in refs  # the report's own number


def test_year_statements(record) -> None:
    years = [(y.role, y.year) for y in record.years]
    assert ("title", 2022) in years and ("closing", 2023) in years


def test_outline_keeps_printed_numbering(record) -> None:
    section_two = [h.number for h in record.outline if h.section == "II" and h.depth == 1]
    assert section_two == ["1", "9", "10"]
    assert [h.number for h in record.outline if h.scheme == "roman"] == ["I", "II", "III", "IV", "V"]


def test_evidence_points_to_source(record) -> None:
    c1 = next(c for c in record.criteria if c.code == "1")
    ev = c1.evidence[0]
    assert "12,7/15 điểm" in ev.text
    fmt = record.source.format
    if fmt == "pdf":
        assert ev.page is not None and ev.bbox is not None
    elif fmt == "docx":
        assert ev.paragraph is not None
    else:
        assert ev.line == 28


@pytest.mark.parametrize(
    ("text", "value", "reason"),
    [
        ("Cải cách thể chế: đạt 12, 7/15 điểm.", "12,7/15", "space inside a number"),
        ("Cải cách thể chế: đạt 12,7//15 điểm.", "12,7/15", "doubled slash"),
        ("Cải cách thể chế: đạt 1,,5/2 điểm.", "1,5/2", "doubled separator"),
    ],
)
def test_other_malformed_scores_are_repaired_and_recorded(tmp_path: Path, text: str, value: str, reason: str) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"BÁO CÁO\nKết quả công tác cải cách hành chính năm 2023\n{text}\n", "utf-8")
    record = extract_file(path)
    [repair] = record.repairs
    assert repair.value == value and reason in repair.reason
    assert [f.kind for f in record.findings if f.kind == "malformed_number"] == ["malformed_number"]


def test_title_on_the_line_of_bao_cao(tmp_path: Path) -> None:
    path = tmp_path / "one-line-title.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/BC-UBND\nAn Bình, ngày 05 tháng 1 năm 2024\n"
        "BÁO CÁO Kết quả công tác cải cách hành chính năm 2023\n"
        "Năm 2023, Chỉ số CCHC của UBND xã An Bình đạt 85,5/100 điểm, xếp thứ 3/15.\n"
        "Trên đây là báo cáo kết quả công tác cải cách hành chính năm 2022 của UBND xã An Bình./.\n",
        "utf-8",
    )
    record = extract_file(path)
    assert record.meta.title == "Kết quả công tác cải cách hành chính năm 2023"
    assert (record.meta.report_year, record.overall.score, record.overall.rank) == (2023, 85.5, 3)
    # the overall statement names its year too ("Năm 2023, Chỉ số CCHC … đạt 85,5/100 điểm"): a body statement
    assert [(y.role, y.year) for y in record.years] == [("title", 2023), ("closing", 2022), ("body", 2023)]
    assert [f.kind for f in record.findings] == ["year_mismatch"]


LISTS = """BÁO CÁO
Kết quả công tác cải cách hành chính năm 2023
I. KẾT QUẢ
1. Cải cách thể chế: 5/5 điểm, đạt tỷ lệ 100%.
2. Cải cách thủ tục hành chính: 15/17 điểm, đạt tỷ lệ 88,24%.
II. TỒN TẠI VÀ NGUYÊN NHÂN
Tồn tại, hạn chế:
1. Cơ sở vật chất còn thiếu.
2. Tỷ lệ hồ sơ trực tuyến còn thấp.
Nguyên nhân:
{first}. Kinh phí hạn chế.
{second}. Người dân chưa quen dịch vụ công trực tuyến.
"""


@pytest.mark.parametrize(("first", "gap"), [("1", False), ("2", True)])
def test_a_list_may_restart_after_an_unnumbered_heading(tmp_path: Path, first: str, gap: bool) -> None:
    path = tmp_path / "lists.txt"
    path.write_text(LISTS.format(first=first, second=int(first) + 1), "utf-8")
    record = extract_file(path)
    restarted = [h.number for h in record.outline if h.after_unnumbered_heading]
    assert restarted == ["1", first]
    assert [f.subject for f in record.findings if f.kind == "numbering_gap"] == (["II"] if gap else [])


def test_lettered_lists_of_components(tmp_path: Path) -> None:
    path = tmp_path / "lettered.txt"
    path.write_text(
        "BÁO CÁO\nKết quả công tác cải cách hành chính năm 2023\nI. KẾT QUẢ\n"
        "1. Công tác chỉ đạo, điều hành: đạt 13/14 điểm, tỷ lệ 92,86%, xếp thứ 4/18.\n"
        "a) Các tiêu chí thành phần đạt điểm tối đa\n"
        "- Tiêu chí 1.1 (Kế hoạch CCHC): ban hành đúng hạn.\n"
        "- Tiêu chí 1.2 (Báo cáo định kỳ): đạt 1,5/2 điểm.\n"
        "b) Các tiêu chí thành phần chưa đạt điểm tối đa\n"
        "- Tiêu chí 1.3 (Kiểm tra CCHC): đạt 0,5/1 điểm.\n",
        "utf-8",
    )
    record = extract_file(path)
    assert [(i.code, i.listed_as, i.score) for i in record.indicators] == [
        ("1.1", "full", None), ("1.2", "full", 1.5), ("1.3", "incomplete", 0.5)
    ]
    assert [(f.kind, f.subject) for f in record.findings] == [("status_contradiction", "1.2")]  # losses add up: 0,5 + 0,5


@pytest.mark.parametrize(
    ("statement", "score", "percent", "change"),
    [
        ("đạt 85,12%, xếp thứ 5/20, tăng 2 bậc so với năm 2022.", None, 85.12, 2),
        ("đạt 85,12 điểm, xếp thứ 5/20.", 85.12, None, None),
    ],
)
def test_overall_stated_without_a_maximum(
    tmp_path: Path, statement: str, score: float | None, percent: float | None, change: int | None
) -> None:
    path = tmp_path / "overall.txt"
    path.write_text(
        "BÁO CÁO\nKết quả công tác cải cách hành chính năm 2023\n"
        f"Năm 2023, Chỉ số CCHC của UBND xã An Bình {statement}\n"
        "I. KẾT QUẢ\n1. Cải cách thể chế: đạt 6/6 điểm, tỷ lệ 100%, xếp thứ 1/18.\n",
        "utf-8",
    )
    overall = extract_file(path).overall
    assert (overall.score, overall.max_score, overall.percent) == (score, None, percent)
    assert (overall.rank, overall.rank_total, overall.rank_change) == (5, 20, change)


def test_criteria_listed_in_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "one-paragraph.txt"
    path.write_text(
        "BÁO CÁO\nKết quả công tác cải cách hành chính năm 2023\n"
        "Năm 2023, Chỉ số CCHC của UBND xã An Bình đạt 88,5/100 điểm, xếp thứ 5/20.\n"
        "Kết quả cụ thể từng lĩnh vực như sau: công tác chỉ đạo, điều hành đạt 12,5/14 điểm (89,29%); "
        "cải cách thể chế đạt 5,5/6 điểm (91,67%); cải cách thủ tục hành chính đạt 15,75/17 điểm (92,65%); "
        "cải cách tổ chức bộ máy đạt 6/6 điểm (100%); cải cách chế độ công vụ đạt 8,5/10 điểm (85%); "
        "cải cách tài chính công đạt 7,5/8 điểm (93,75%); xây dựng chính quyền điện tử, chính quyền số đạt "
        "11,2/13 điểm (86,15%); tác động đến phát triển kinh tế - xã hội đạt 1,6/2 điểm (80%); đánh giá của "
        "các tổ chức đối với CCHC đạt 11,8/14 điểm (84,29%); sự hài lòng của người dân đạt 8,15/10 điểm (91,5%).\n",
        "utf-8",
    )
    record = extract_file(path)
    assert [(c.code, c.score, c.max_score) for c in record.criteria] == [
        ("1", 12.5, 14), ("2", 5.5, 6), ("3", 15.75, 17), ("4", 6, 6), ("5", 8.5, 10),
        ("6", 7.5, 8), ("7", 11.2, 13), ("8", 1.6, 2), ("9", 11.8, 14), ("10", 8.15, 10),
    ]
    assert [(f.kind, f.subject) for f in record.findings] == [("percent_mismatch", "10")]  # 8,15/10 is 81,5%


@pytest.mark.parametrize(
    "phrase",
    ["xếp thứ 5/19", "xếp thứ 5 trên 19 đơn vị", "xếp thứ 5 trên tổng số 19 đơn vị", "xếp thứ 5 trong số 19 xã",
     "xếp hạng thứ 5/19", "đứng thứ 5/19", "xếp vị trí thứ 5/19", "xếp thứ hạng 5/19"],
)
def test_rank_phrasings(phrase: str) -> None:
    from cchc.extractors.patterns import find_ranks

    assert [(r.rank, r.total) for r in find_ranks(f"Cải cách thể chế đạt 5/6 điểm, {phrase}, tăng 2 bậc.")] == [(5, 19)]


def test_ratio_in_words_conflicts_with_the_same_ratio_in_figures(tmp_path: Path) -> None:
    path = tmp_path / "worded.txt"
    path.write_text(
        "BÁO CÁO\nKết quả công tác cải cách hành chính năm 2023\n"
        "5. Cải cách chế độ công vụ: đạt 8,5/10 điểm, tỷ lệ 85%. Đội ngũ cán bộ, công chức của xã có "
        "3 trên 18 cán bộ, công chức chưa đạt chuẩn theo quy định.\n"
        "2. Tồn tại, hạn chế: đội ngũ cán bộ, công chức của xã vẫn còn 3/16 cán bộ, công chức chưa đạt chuẩn.\n",
        "utf-8",
    )
    record = extract_file(path)
    assert {(q.numerator, q.denominator) for q in record.quantities} == {(3, 18), (3, 16)}
    assert [f.kind for f in record.findings if f.kind == "conflicting_values"] == ["conflicting_values"]
