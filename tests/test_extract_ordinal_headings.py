"""Criteria headed by an ordinal in words ("Lĩnh vực thứ nhất:"), scored as "Số điểm đạt được: x điểm/y điểm"
or as the maximum, the points lost and what remains; ranks "Đạt thứ hạng 3/18, hạ một bậc" (issue 11, forms
of the held-out round 6). Text fixtures written here; every value asserted was read from the fixture."""

from __future__ import annotations

from pathlib import Path

from cchc.api import extract_file
from cchc.extractors.patterns import find_changes
from cchc.extractors.statements import CRITERION_LABEL_RE

HEADER = """ỦY BAN NHÂN DÂN
XÃ TÂN MỸ
Số: 05/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Mỹ, ngày 12 tháng 01 năm 2024
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2023

Theo kết quả thẩm định của UBND huyện, năm 2023 UBND xã Tân Mỹ đạt 88,25 điểm trên thang điểm 100.

I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023
"""


def _record(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    return extract_file(path)


def test_criteria_headed_by_an_ordinal_in_words(tmp_path: Path) -> None:
    body = (
        "Lĩnh vực thứ nhất: Công tác chỉ đạo, điều hành\n"
        "Số điểm đạt được: 10,5 điểm/12 điểm, đạt 87,50% số điểm.\n\n"
        "Lĩnh vực thứ hai: Cải cách thể chế\n"
        "Số điểm đạt được: 4,5 điểm/5 điểm, đạt 90,00% số điểm. Đạt thứ hạng 22/21.\n"
    )
    r = _record(tmp_path, body)
    got = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in r.criteria]
    assert got == [("1", 10.5, 12.0, 87.5, None, None), ("2", 4.5, 5.0, 90.0, 22, 21)]
    assert any(f.kind == "rank_out_of_range" and f.subject == "2" for f in r.findings)


def test_a_criterion_label_takes_an_ordinal_word_and_nothing_else() -> None:
    assert CRITERION_LABEL_RE.match("Lĩnh vực thứ năm: Cải cách tài chính công")["title"] == "Cải cách tài chính công"
    assert CRITERION_LABEL_RE.match("Lĩnh vực thứ mười: Chỉ số hài lòng") is not None
    assert CRITERION_LABEL_RE.match("Lĩnh vực thứ yếu: công tác văn thư") is None  # "thứ yếu": secondary


def test_the_maximum_the_points_lost_and_what_remains(tmp_path: Path) -> None:
    body = (
        "1. Công tác chỉ đạo, điều hành\n"
        "Điểm tối đa 15 điểm, bị trừ 1 điểm, còn lại 14 điểm (93,33%). Đạt thứ hạng 3/18, hạ một bậc.\n\n"
        "2. Cải cách thể chế\n"
        "Điểm tối đa 5 điểm, không bị trừ điểm, đạt 5 điểm (100%).\n"
    )
    r = _record(tmp_path, body)
    got = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total, c.rank_change) for c in r.criteria]
    assert got == [("1", 14.0, 15.0, 93.33, 3, 18, -1), ("2", 5.0, 5.0, 100.0, None, None, None)]


def test_ha_lowers_a_rank_but_ha_tang_is_infrastructure() -> None:
    assert [c.change for c in find_changes("Đạt thứ hạng 3/18, hạ một bậc.")] == [-1]
    assert find_changes("đầu tư hạ tầng 2 bậc thang") == []
