"""What a stated ratio counts: the forms a ratio is printed in, and its reading as a whole and a part.

One case a line: the sentence as a report prints it, then what a person reads in it.
"""

from __future__ import annotations

import pytest

from cchc.extractors.lexicon import (
    COUNTED_NOUNS,
    FRAMING_PHRASES,
    PERIODS,
    POLARITIES,
    SCOPES,
    STAGES,
    STANDING_POPULATIONS,
)
from cchc.extractors.quantities import find_quantities, read_stated_quantity

# sentence -> (numerator, denominator, percent, counted noun)
FORMS = [
    ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899, đạt 100%.", (899, 899, 100, "hồ sơ")),
    ("có 2.252/3.177 tổng số hồ sơ TTHC được giải quyết trong năm", (2252, 3177, None, "hồ sơ")),
    ("Tỷ lệ hồ sơ năm 2022 giải quyết đúng hạn: 3150/3155=99,8%", (3150, 3155, 99.8, "hồ sơ")),
    ("Có 3 trên 18 cán bộ, công chức chưa đạt chuẩn.", (3, 18, None, "cán bộ, công chức")),
    ("Có 95 trên tổng số 98 hồ sơ được giải quyết trước hạn.", (95, 98, None, "hồ sơ")),
    ("Tiếp nhận 1.250 hồ sơ TTHC, trong đó giải quyết đúng hạn 1.245 hồ sơ, đạt tỷ lệ 99,6%.", (1245, 1250, 99.6, "hồ sơ")),
    ("Có 16 chỉ tiêu KT- XH được giao, trong đó có 4 chỉ tiêu đạt so với kế hoạch.", (4, 16, None, "chỉ tiêu")),
    ("Tổng số văn bản đi là 520 văn bản, trong số đó 450 văn bản được ký số.", (450, 520, None, "văn bản")),
    ("Số cán bộ, công chức đạt chuẩn đạt 17/19 (89,5%).", (17, 19, 89.5, "cán bộ, công chức")),
    # a threshold after the ratio is not its percent ('ten of ten fields reached 80% of their points or more')
    ("- 10/10 lĩnh vực đạt tỷ lệ từ 80% số điểm trở lên;", (10, 10, None, "lĩnh vực")),
    ("- 09/10 lĩnh vực đạt tỷ lệ 80% số điểm trở lên;", (9, 10, None, "lĩnh vực")),
    ("Có 19/20 công chức đạt chuẩn, đạt trên 90%.", (19, 20, None, "công chức")),
    ("- 09/10 lĩnh vực đạt tỷ lệ 90%;", (9, 10, 90, "lĩnh vực")),  # the ratio's own percent
    ("Có 19/20 công chức đạt chuẩn (95%), vượt mục tiêu từ 90% trở lên.", (19, 20, 95, "công chức")),
    # the percent after a longer noun phrase, in brackets or in words (held-out round 8)
    ("25/26 hồ sơ của bản Nà Đon được giải quyết đúng hạn (96,15%).", (25, 26, 96.15, "hồ sơ")),
    ("Có 18/20 cán bộ, công chức đạt chuẩn, đạt 90 phần trăm.", (18, 20, 90, "cán bộ, công chức")),
    ("Số cán bộ, công chức đạt chuẩn | 19/20", (19, 20, None, "cán bộ, công chức")),  # a label and its value cell
    # the percent first, the ratio in brackets after it
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,70% (1.327/1.331 hồ sơ).", (1327, 1331, 99.7, "hồ sơ")),
    # a percent before the ratio that does not open its brackets is another statement's
    ("Năm 2022 đạt 98%; năm 2023 có 1.327/1.331 hồ sơ giải quyết đúng hạn.", (1327, 1331, None, "hồ sơ")),
    # a bracketed percent after a number is another statement's, not the ratio's
    ("Có 18/20 công chức đạt chuẩn, tăng 2 người so với năm trước (10%).", (18, 20, None, "công chức")),
]  # fmt: skip

NOT_QUANTITIES = [
    "Xếp thứ 5/19 nhóm hạng các xã, thị trấn.",  # a rank
    "Xếp hạng | 9/29",  # a rank's label and value cells (a summary typed in a spreadsheet, held-out round 21)
    "Xếp hạng: 9/29",
    "Cải cách thể chế: 12,7/15 điểm.",  # a score
    "Căn cứ Kế hoạch số 29/KH-UBND ngày 27/12/2021.",  # a document number and a date
    "Tổng số cán bộ, công chức của xã là 18 người, trong đó 3/18 chưa đạt chuẩn.",  # one ratio, not two
    "Tổng số 21,75/24 điểm, trong đó chỉ số hài lòng 8 điểm.",  # scores, not counts
    "Tổng số 20 cán bộ, trong đó 25 người.",  # a part larger than its whole
    "Tổng số 21 cán bộ, công chức, trong đó 2 năm liền hoàn thành xuất sắc nhiệm vụ.",  # the part counts years
    "Tổng kinh phí 250 triệu đồng, trong đó 100 triệu đồng từ ngân sách xã.",  # money is not counted here
]


@pytest.mark.parametrize(("sentence", "expected"), FORMS)
def test_ratio_forms(sentence: str, expected: tuple[float, float, float | None, str]) -> None:
    (q,) = find_quantities(sentence)
    assert (q.numerator, q.denominator, q.percent, q.unit) == expected


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_a_new_quantity(sentence: str) -> None:
    assert len(find_quantities(sentence)) <= (1 if "3/18" in sentence else 0)


def test_counts_grouped_by_spaces_are_one_ratio_never_cut_apart() -> None:
    # thousands grouped by a space on both sides (a PDF's thin space reads so): 1327/1331, never 327/1
    (q,) = find_quantities("Tỷ lệ hồ sơ giải quyết đúng hạn: 1 327/1 331 hồ sơ.")
    assert (q.numerator, q.denominator, q.unit) == (1327, 1331, "hồ sơ")
    # only one side grouped: no thousands to read, and no ratio cut out of it
    assert find_quantities("Tỷ lệ hồ sơ giải quyết đúng hạn: 1 327/1331 hồ sơ.") == []


# sentence, numerator, denominator -> (the whole in words, the part's qualifiers)
READINGS = [
    ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 899/899.", 899, 899, "hồ sơ giải quyết", {"đúng hạn"}),
    ("Tỷ lệ hồ sơ TTHC được xử lý trực tuyến có 727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm.", 727, 1039,
     "hồ sơ giải quyết", {"xử lý", "trực tuyến"}),
    ("Số hồ sơ giải quyết trễ hạn là 5/1.039, chiếm 0,5%.", 5, 1039, "hồ sơ giải quyết", {"trễ hạn"}),
    ("Hồ sơ giải quyết quá hạn: 5/1.039.", 5, 1039, "hồ sơ giải quyết", {"trễ hạn"}),
    ("Giải quyết đúng hạn 1.020 trên 1.040 hồ sơ tiếp nhận.", 1020, 1040, "hồ sơ tiếp nhận", {"giải quyết", "đúng hạn"}),
    ("Tỷ lệ hồ sơ được tiếp nhận trực tuyến: 300/1.040.", 300, 1040, "hồ sơ tiếp nhận", {"trực tuyến"}),
    ("Giải quyết đúng hạn 290/300 hồ sơ trực tuyến.", 290, 300, "hồ sơ giải quyết trực tuyến", {"đúng hạn"}),
    ("Tỷ lệ hồ sơ TTHC tiếp nhận trong năm được giải quyết đúng hạn: 1.200/1.210.", 1200, 1210,
     "hồ sơ tiếp nhận + giải quyết", {"đúng hạn"}),
    ("Tổng số cán bộ, công chức đạt chuẩn của UBND xã là 2/19.", 2, 19, "cán bộ, công chức", {"đạt chuẩn"}),
    ("Đội ngũ cán bộ, công chức của xã vẫn còn 2/10 chưa đạt chuẩn.", 2, 10, "cán bộ, công chức", {"chưa đạt chuẩn"}),
    ("Cán bộ không chuyên trách đạt chuẩn: 10/14.", 10, 14, "cán bộ không chuyên trách", {"đạt chuẩn"}),
    ("Cán bộ, công chức nữ đạt chuẩn: 7/8.", 7, 8, "cán bộ, công chức nữ", {"đạt chuẩn"}),
    ("Tỷ lệ văn bản đi được ký số: 450/500 văn bản.", 450, 500, "văn bản đi", {"ký số"}),
    ("Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3: 40/100.", 40, 100, "hồ sơ xử lý mức độ 3", {"trực tuyến"}),
    ("Hộ nghèo thôn Mép còn 12/150 hộ.", 12, 150, "hộ nghèo thôn mép", set()),  # one village: a scope
    ("Lĩnh vực đất đai: giải quyết đúng hạn 120/125 hồ sơ.", 120, 125, "hồ sơ giải quyết lĩnh vực đất đai", {"đúng hạn"}),
    ("- Chứng thực: 400/405 hồ sơ đúng hạn.", 400, 405, "hồ sơ chứng thực", {"đúng hạn"}),
    ("- Mục 3.5 Kết quả giải quyết: Tỷ lệ hồ sơ giải quyết đúng hạn: 899/899.", 899, 899, "hồ sơ giải quyết",
     {"đúng hạn"}),
    ("Hoàn thành 18/20 nhiệm vụ theo Kế hoạch CCHC năm 2023.", 18, 20, "nhiệm vụ cchc năm 2023", {"hoàn thành"}),
    ("Đã hoàn thành 10/12 nhiệm vụ của Kế hoạch số 29/KH-UBND.", 10, 12, "nhiệm vụ số29khubnd", {"hoàn thành"}),
    ("Quý I, giải quyết đúng hạn 300/310 hồ sơ.", 300, 310, "hồ sơ giải quyết quý I", {"đúng hạn"}),
    ("Trong quý 1 giải quyết 305/312 hồ sơ.", 305, 312, "hồ sơ giải quyết quý I", set()),
    ("6 tháng đầu năm, tỷ lệ hồ sơ giải quyết đúng hạn đạt 500/510.", 500, 510, "hồ sơ giải quyết 6 tháng", {"đúng hạn"}),
    ("Cùng kỳ năm trước, tỷ lệ hồ sơ giải quyết đúng hạn là 950/1.000.", 950, 1000, "hồ sơ giải quyết năm trước",
     {"đúng hạn"}),
    ("Lũy kế đến nay, đã số hóa 3.000/3.500 hồ sơ giải quyết.", 3000, 3500, "hồ sơ giải quyết lũy kế", {"số hóa"}),
    ("Năm 2023, Bộ phận Một cửa tiếp nhận 2.315 hồ sơ, trong đó 1.204 hồ sơ tiếp nhận trực tuyến.", 1204, 2315,
     "hồ sơ tiếp nhận năm 2023", {"tiếp nhận", "trực tuyến"}),
    ("Trong năm tiếp nhận 15 phản ánh, kiến nghị, trong đó đã giải quyết 14 phản ánh, kiến nghị.", 14, 15,
     "phản ánh, kiến nghị tiếp nhận", {"giải quyết"}),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "num", "den", "whole", "part"), READINGS)
def test_reading(sentence: str, num: float, den: float, whole: str, part: set[str]) -> None:
    q = read_stated_quantity(sentence, num, den)
    assert (q.whole.text(), set(q.part)) == (whole, part)
    assert q.span is not None and sentence[q.span[0] : q.span[1]].replace(".", "").replace(" ", "")[:1].isdigit()


def test_a_quantity_without_its_sentence_is_read_from_its_label() -> None:
    q = read_stated_quantity(None, 17, 19, unit="cán bộ, công chức", label="Số cán bộ, công chức đạt chuẩn")
    assert (q.whole.text(), set(q.part), q.span) == ("cán bộ, công chức", {"đạt chuẩn"}, None)


def test_every_lexicon_entry_says_why_it_is_there() -> None:
    reasons = [
        *(why for _p, _n, why in COUNTED_NOUNS),
        *(why for _p, _n, why in STAGES),
        *(why for _p, _n, _a, why in POLARITIES),
        *(why for _p, _n, why in SCOPES),
        *(why for _p, _n, why in PERIODS),
        *FRAMING_PHRASES.values(),
        *STANDING_POPULATIONS.values(),
    ]
    assert all(len(why.split()) >= 2 for why in reasons)
    assert set(STANDING_POPULATIONS) <= {noun for _p, noun, _why in COUNTED_NOUNS}


# a records table as a reader gives it: a ruled table's cells ("a | b") or text columns joined in one block
RECORDS_TABLES = [
    (
        "Số hồ sơ tiếp nhận | Đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%)\n1.245 | 1.230 | 1.221 | 98,27",
        (1221, 1230, 98.27),
    ),
    ("Số hồ sơ tiếp nhận Đã giải quyết Giải quyết đúng hạn Tỷ lệ đúng hạn (%) 2.105 2.090 2.084 99,71", (2084, 2090, 99.71)),
    ("Hồ sơ đã giải quyết | Giải quyết đúng hạn\n899 | 899", (899, 899, None)),  # no rate column
]
NOT_RECORDS_TABLES = [
    "Số hồ sơ tiếp nhận 1.245, đã giải quyết 1.230, giải quyết đúng hạn 1.221 hồ sơ",  # prose: a number per label
    "Số hồ sơ tiếp nhận | Đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%)\n1.245 | 1.230 | 1.221",  # a cell short
    "Số hồ sơ tiếp nhận | Đã giải quyết | Giải quyết đúng hạn\n1.245 | 1.230 | 1.260",  # more on time than resolved
    "Số hồ sơ tiếp nhận | Giải quyết đúng hạn | Tỷ lệ (%)\n1.245 | 1.221 | 98,07",  # the resolved records not stated
]


@pytest.mark.parametrize(("text", "values"), RECORDS_TABLES)
def test_a_records_table_states_the_on_time_ratio(text: str, values: tuple[float, float, float | None]) -> None:
    from cchc.extractors.quantities import find_records_table

    q = find_records_table(text)
    assert q is not None and (q.numerator, q.denominator, q.percent) == values
    reading = read_stated_quantity(q.sentence, q.numerator, q.denominator, q.percent, q.unit, q.label)
    assert reading.whole.text() == "hồ sơ giải quyết" and "đúng hạn" in reading.part  # the records resolved


@pytest.mark.parametrize("text", NOT_RECORDS_TABLES)
def test_not_a_records_table(text: str) -> None:
    from cchc.extractors.quantities import find_records_table

    assert find_records_table(text) is None
