"""Rank and score phrasings of held-out round 14 (issue 11), each in a report written here, with its negative.

The overall rank with a colon typed after its label ("xếp thứ: 12/24 xã, thị trấn"), and a criterion's score in
brackets after its title in the heading line ("2. Cải cách thể chế (5,5/6)"), a score without "điểm".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.patterns import find_ranks
from cchc.extractors.scores import find_bare_score

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ NGA THẮNG",
    "Số: 08/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Nga Thắng, ngày 14 tháng 01 năm 2022",
    "BÁO CÁO",
    "Kết quả Chỉ số cải cách hành chính năm 2021 của xã Nga Thắng",
]


@pytest.mark.parametrize(
    ("text", "rank", "total"),
    [
        ("Chỉ số CCHC năm 2021 của UBND xã Nga Thắng đạt 86,00%, xếp thứ: 12/24 xã, thị trấn.", 12, 24),
        ("Xã xếp thứ : 19/16 xã, phường, thị trấn, giữ nguyên vị trí.", 19, 16),
        ("Xếp hạng: 5/10 xã, thị trấn.", 5, 10),
        ("Thứ hạng: 7/18.", 7, 18),
        ("xếp thứ 3/15 phường", 3, 15),  # without the colon, as before
    ],
)
def test_a_rank_after_a_colon(text: str, rank: int, total: int) -> None:
    assert [(m.rank, m.total) for m in find_ranks(text)] == [(rank, total)]


@pytest.mark.parametrize(
    "text",
    [
        "Thời gian: 12/24 giờ mỗi ngày.",  # a colon and a slash with no rank word
        "Số: 05/BC-UBND ngày 12/01/2022.",
        "Xếp loại: Tốt.",
    ],
)
def test_no_rank_after_a_colon_without_a_rank_word(text: str) -> None:
    assert find_ranks(text) == []


@pytest.mark.parametrize(
    ("text", "score", "maximum"),
    [
        ("2. Cải cách thể chế (5,5/6)", 5.5, 6),
        ("1. Công tác chỉ đạo, điều hành CCHC (11/12) Tỷ lệ đạt 91,67%.", 11, 12),
        ("3. Cải cách thủ tục hành chính ( 17,5 / 19 )", 17.5, 19),
        ("4. Cải cách tổ chức bộ máy: 4,75 /7 , đạt 67,86%", 4.75, 7),  # the colon form, as before
        # the same class: square brackets, "đạt" inside them, a dash after the title, a colon after the bracket
        ("5. Cải cách chế độ công vụ [9,5/11]", 9.5, 11),
        ("6. Cải cách tài chính công (đạt 5/6)", 5, 6),
        ("7. Xây dựng chính quyền số – 11.5/13", 11.5, 13),
        ("8. TÁC ĐỘNG CỦA CCHC (2,5/3):", 2.5, 3),
    ],
)
def test_a_bare_score_in_brackets_in_the_heading(text: str, score: float, maximum: float) -> None:
    found = find_bare_score(text)
    assert found is not None
    assert (found.score.value, found.max.value) == (score, maximum)
    assert ")" not in found.text  # the evidence is the score, not its bracket


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Kế hoạch (05/2022) của huyện",  # a year, above any maximum
        "Xã có (12/15 xã) hoàn thành",  # places counted in the bracket
        "Thực hiện theo Quyết định (05/QĐ-UBND)",  # a document number
        "2. Cải cách thể chế (5,5/6",  # an unclosed bracket
        "2. Cải cách thể chế - 3/5 văn bản đã ban hành",  # after a dash, documents counted
        "Kết quả (5,5/6 chỉ số thành phần đạt)",  # indicators counted in the bracket
    ],
)
def test_no_bare_score_in_brackets_that_is_none(text: str) -> None:
    assert find_bare_score(text) is None


def _report(tmp_path: Path, body: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "nga-thang.txt"
    path.write_text("\n".join([*HEADER, *body]) + "\n", encoding="utf-8")
    return extract_file(path)


def test_a_report_in_the_round14_phrasings(tmp_path: Path) -> None:
    r = _report(
        tmp_path,
        [
            (
                "Chỉ số CCHC năm 2021 của UBND xã Nga Thắng đạt 86,00% (86,00/100 điểm), xếp thứ: 12/24 xã, thị "
                "trấn, giảm 2 bậc so với năm 2020. Xếp loại: Tốt."
            ),
            "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2021",
            "1. Chỉ đạo, điều hành công tác cải cách hành chính: 10,5 điểm/12 điểm",
            "Đạt tỷ lệ 87,50%.",
            "2. Cải cách thể chế (5,5/6)",
            "Tỷ lệ đạt 91,67%.",
            "3. Cải cách thủ tục hành chính: 16.5/19 điểm",
            "Tỷ lệ 86,84%.",
            "4. Cải cách tổ chức bộ máy: 6/7đ",
            "Tỷ lệ 85,71%.",
            "5. Cải cách chế độ công vụ",
            "Đạt 9,5 điểm (tối đa 11 điểm), tỷ lệ 86,36%.",
        ],
    )
    o = r.overall
    assert (o.score, o.max_score, o.percent, o.rank, o.rank_total, o.rank_change) == (86, 100, 86, 12, 24, -2)
    got = [(c.code, c.score, c.max_score, c.percent) for c in r.criteria]
    assert got == [
        ("1", 10.5, 12, 87.5),
        ("2", 5.5, 6, 91.67),
        ("3", 16.5, 19, 86.84),
        ("4", 6, 7, 85.71),
        ("5", 9.5, 11, 86.36),
    ]


def test_a_bracketed_count_in_a_heading_is_no_score(tmp_path: Path) -> None:
    """Negative: "(3/3 đơn vị)" after a criterion's title counts units; the score stays the one under it."""
    r = _report(
        tmp_path,
        [
            "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2021",
            "2. Cải cách thể chế (3/3 văn bản)",
            "Đạt 5 điểm (tối đa 6 điểm), tỷ lệ 83,33%.",
        ],
    )
    assert [(c.code, c.score, c.max_score, c.percent) for c in r.criteria] == [("2", 5, 6, 83.33)]
