"""Ranks and rank changes in digits and in words (locale data in extractors/locale_vi.py)."""

from __future__ import annotations

import pytest

from cchc.extractors.locale_vi import number_value
from cchc.extractors.patterns import find_changes, find_ranks

# (text, [(rank, total)], [change]) — one phrasing a line
CASES = [
    ("xếp thứ 8/23 xã, thị trấn (giảm 5 bậc so với năm 2021)", [(8, 23)], [-5]),  # the sample
    ("Xếp hạng 16/21 nhóm hạng các xã, thị trấn. Giảm 13 bậc so với năm 2021.", [(16, 21)], [-13]),
    ("Duy trì thứ bậc như năm 2021.", [], [0]),
    ("xếp thứ nhất trong tổng số 23 xã, thị trấn", [(1, 23)], []),
    ("xếp thứ nhì/19", [(2, 19)], []),
    ("xếp thứ ba trên 18 xã", [(3, 18)], []),
    ("đứng thứ tư của huyện", [(4, None)], []),
    ("xếp thứ mười tám trong tổng số 23", [(18, 23)], []),
    ("xếp thứ hai mươi mốt trên 23 xã", [(21, 23)], []),
    ("xếp thứ 5 trong tổng số 23 đơn vị", [(5, 23)], []),
    ("UBND phường đứng đầu toàn huyện", [(1, None)], []),
    ("xếp cuối (trong 45 phường)", [(45, 45)], []),
    ("từ vị trí thứ 5 vươn lên vị trí thứ 1", [(1, None)], [4]),
    ("từ thứ 3/20 tụt xuống thứ 7/20", [(7, 20)], [-4]),
    ("tụt 2 bậc so với năm trước", [], [-2]),
    ("giữ nguyên vị trí so với năm 2022", [], [0]),
    ("tăng được 4 bậc", [], [4]),
    ("tăng hai bậc", [], [2]),
    ("đứng thứ 2 toàn huyện (19 đơn vị); so với năm trước tăng 2 bậc", [(2, 19)], [2]),  # the total after the area
    ("đứng thứ 7 toàn thị xã (16 đơn vị)", [(7, 16)], []),
    ("đứng thứ 3 toàn huyện (2022)", [(3, None)], []),  # a year in brackets is no total
    ("- Xếp hạng: 5/19 xã, thị trấn.", [(5, 19)], []),  # a labelled rank
    # the total in words before the units counted, "của" before the total, "vị trí số"
    ("xếp thứ 8 trong tổng số hai mươi ba xã, thị trấn", [(8, 23)], []),
    ("xếp thứ tám trên hai mươi ba xã", [(8, 23)], []),
    ("xếp thứ 8 của 23 xã", [(8, 23)], []),
    ("xếp thứ 5 trong nhóm gồm 19 xã, thị trấn", [(5, 19)], []),
    ("xếp thứ 5 trong nhóm hạng các xã", [(5, None)], []),
    ("xếp thứ 5 trong nhóm 1", [(5, None)], []),  # group 1, not a total of 1
    ("đứng ở vị trí số 8/23", [(8, 23)], []),
    ("xếp thứ 8 trong năm 2022", [(8, None)], []),  # "năm" is the year here, no total
    ("xếp thứ 8 trên năm qua", [(8, None)], []),
    # other verbs clerks use for a change of rank
    ("xếp thứ 5/19, thăng 6 bậc so với năm 2021", [(5, 19)], [6]),
    ("xếp thứ 5/19, nâng lên 2 bậc", [(5, 19)], [2]),
    ("cải thiện 3 bậc so với năm trước", [], [3]),
    ("xếp cao hơn 2 bậc so với năm 2022", [], [2]),
    ("thấp hơn 5 bậc so với năm 2021", [], [-5]),
    ("sụt 2 hạng", [], [-2]),
    ("giảm đi 3 bậc", [], [-3]),
    ("thứ hạng không thay đổi so với năm 2022", [], [0]),  # the rank named before its verb
    ("xếp hạng vẫn giữ nguyên", [], [0]),
]
# changes that are not a rank's: a count of levels of something else, a raise of wages
NOT_CHANGES = [
    "số cán bộ, công chức không thay đổi so với năm trước",  # no rank named
    "nâng cấp 2 phần mềm",
    "cao hơn 2 lần so với năm trước",
    "nâng 2 bậc lương cho công chức",
]
# phrases that look like a rank and are not
NOT_RANKS = [
    "Nêu cao vai trò, trách nhiệm của người đứng đầu trong triển khai",  # the head of an office (the sample)
    "nhất là đối với người đứng đầu cơ quan",
    "xếp thứ năm 2022",  # "năm" is the year here
    "xếp loại hoàn thành tốt nhiệm vụ",
    "thứ nhất, tăng cường công tác tuyên truyền",  # an enumeration, not a rank
]


@pytest.mark.parametrize(("text", "ranks", "changes"), CASES)
def test_ranks_and_changes(text: str, ranks: list[tuple[int, int | None]], changes: list[int]) -> None:
    assert [(r.rank, r.total) for r in find_ranks(text)] == ranks
    assert [c.change for c in find_changes(text)] == changes


@pytest.mark.parametrize("text", NOT_CHANGES)
def test_not_changes(text: str) -> None:
    assert find_changes(text) == []


@pytest.mark.parametrize("text", NOT_RANKS)
def test_not_ranks(text: str) -> None:
    assert find_ranks(text) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("một", 1), ("mười", 10), ("mười lăm", 15), ("mười tám", 18), ("hai mươi", 20), ("hai mươi tư", 24),
     ("ba mươi mốt", 31), ("nhì", 2), ("tư", 4), ("mươi", None), ("năm mười", None), ("xã", None)],
)
def test_number_words(words: str, value: int | None) -> None:
    assert number_value(words) == value


@pytest.mark.parametrize(
    ("text", "grade"),
    [("xếp loại Tốt.", "Tốt"), ("xếp loại ở mức Tốt.", "Tốt"), ("Xếp loại mức: Xuất sắc", "Xuất sắc"),
     ("đánh giá, xếp loại mức độ hoàn thành nhiệm vụ của cán bộ", None)],
)  # fmt: skip
def test_the_grade_after_xep_loai(text: str, grade: str | None) -> None:
    from cchc.extractors.patterns import find_classification

    assert find_classification(text) == grade


@pytest.mark.parametrize(
    ("cell", "change"),
    [("Tăng 2", 2), ("Giảm 1", -1), ("tụt 3", -3), ("(+2)", 2), ("(-1)", -1), ("↑2", 2), ("↓1", -1), ("Giữ nguyên", 0),
     ("tăng 2 bậc", 2), ("5/19", None), ("Tăng", None)],
)  # fmt: skip
def test_a_criteria_tables_change_cell(cell: str, change: int | None) -> None:
    from cchc.extractors.tables import _change

    assert _change(cell) == change


@pytest.mark.parametrize(
    ("cell", "rank"),
    [("Thứ năm", (5, None)), ("Nhất", (1, None)), ("thứ mười hai", (12, None)), ("5/19", (5, 19)), ("Tốt", (None, None))],
)
def test_a_criteria_tables_rank_cell(cell: str, rank: tuple[int | None, int | None]) -> None:
    from cchc.extractors.tables import _rank

    assert _rank(cell) == rank
