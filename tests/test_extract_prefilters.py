"""The cheap tests that spare a regex search (issue 15, DOCX speed): each is a necessary condition of the
search it guards, so a text that passes the search passes it too; the forms the guarded searches read stay read."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.extractors.assemble import DISTRICT_RE, DISTRICT_STARTS, PROVINCE_RE, PROVINCE_STARTS
from cchc.extractors.document import Block, BlockKind, Provenance
from cchc.extractors.framework import generic_framework
from cchc.extractors.locale_vi import FIRST_PLACE, LAST_PLACE
from cchc.extractors.normalize import folded_in_place, matches_from
from cchc.extractors.patterns import find_changes, find_ranks
from cchc.extractors.quantities import (
    _RECORD_COLUMN_STARTS,
    RECORD_COLUMN_RE,
    find_quantities,
    find_records_table,
)
from cchc.extractors.readers.reflow import split_header
from cchc.extractors.references import _TYPE_WORDS, REFERENCE_RE, find_references
from cchc.extractors.scores import _SCORE_GATES, SCORE_RES, find_scores
from cchc.extractors.statements import classify

FRAMEWORK = generic_framework()


def overall_of(text: str, kind: BlockKind = BlockKind.PARAGRAPH) -> str | None:
    block = Block(kind=kind, text=text, prov=Provenance(line=1))
    return classify([block], 0, find_scores(text), FRAMEWORK).overall


@pytest.mark.parametrize("index", sorted(_SCORE_GATES))
def test_each_gate_is_a_part_of_its_pattern(index: int) -> None:
    """A gate copied from its pattern's source, with the same flags: every match of the pattern holds one of it."""
    gate, pattern = _SCORE_GATES[index], SCORE_RES[index]
    assert gate.pattern in pattern.pattern
    assert gate.flags == pattern.flags


@pytest.mark.parametrize(
    ("text", "score", "maximum"),
    [
        ("Cải cách thể chế đạt 12,7/15 điểm, đạt tỷ lệ 84,67%.", 12.7, 15),  # gate 0
        ("12,7//15 ĐIỂM", 12.7, 15),  # gate 0: a doubled slash, capitals
        ("đạt 12,5 điểm trong tổng số 14 điểm", 12.5, 14),  # gate 1: "trong tổng"
        ("đạt 12,5 Điểm trên tổng số 14 điểm", 12.5, 14),  # gate 1: "trên"
        ("đạt mười hai phẩy năm (12,5) điểm trên tổng số 14 điểm", 12.5, 14),  # gate 1: the digits in brackets
        ("Lĩnh vực này bị trừ 1,5 điểm so với điểm tối đa 14 điểm", 12.5, 14),  # gate 2: points lost
        ("BỊ TRỪ 1,5 ĐIỂM, SO VỚI THANG ĐIỂM 14 ĐIỂM", 12.5, 14),  # gate 2, in capitals
        ("Cải cách thể chế đạt 12,7 trên 15 điểm", 12.7, 15),  # gate 3
        ("Cải cách thể chế đạt 12,7 TRÊN TỔNG SỐ 15 ĐIỂM", 12.7, 15),  # gate 3, in capitals
        ("tự chấm 9 điểm (tối đa 10 điểm)", 9, 10),  # gate 4
        ("đạt 12,7 điểm/15, xếp thứ 2", 12.7, 15),  # gate 8
        ("12,7 điểm trên thang điểm 15", 12.7, 15),  # gate 8: "trên thang điểm"
        ("Điểm tổng hợp: 83,97/100", 83.97, 100),  # gate 9
    ],
)
def test_the_gated_forms_are_read(text: str, score: float, maximum: float) -> None:
    assert [(s.score.value, s.max.value) for s in find_scores(text)] == [(score, maximum)]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 31/12/2022, UBND xã ban hành Kế hoạch số 15/KH-UBND về cải cách hành chính.",  # dates: a slash, no score
        "Trong năm, trên địa bàn xã đã giải quyết 1.250 hồ sơ đúng hạn; đạt 12 điểm cầu trực tuyến.",
        "Chấm điểm theo quyết định số 12/QĐ-UBND (tối đa điểm thưởng).",
    ],
)
def test_no_score_where_a_gate_closes(text: str) -> None:
    assert find_scores(text) == []


def test_an_unnumbered_hint_is_the_bare_overall_only_with_a_value() -> None:
    """An overall hint without a score is the overall only with a percent (%, ％, "phần trăm") or points stated."""
    assert overall_of("Kết quả chấm điểm Chỉ số CCHC năm 2022 của xã đạt 88,25%.") == "bare"
    assert overall_of("Kết quả chấm điểm Chỉ số CCHC năm 2022 của xã đạt 88,25 ％.") == "bare"
    assert overall_of("Kết quả chấm điểm Chỉ số CCHC năm 2022 của xã đạt 88,25 PHẦN TRĂM.") == "bare"
    assert overall_of("Kết quả chung: xã đạt 85,5 ĐIỂM.") == "bare"
    assert overall_of("Kết quả chấm điểm được công bố tại hội nghị tổng kết.") is None
    assert overall_of("Xã đạt 85,5 điểm về công tác tuyên truyền.") is None  # a value, no hint


def list_heading(text: str, kind: BlockKind = BlockKind.PARAGRAPH) -> str | None:
    return classify([Block(kind=kind, text=text, prov=Provenance(line=1))], 0, [], FRAMEWORK).listed_as


def test_a_list_heading_reads_its_words_only_where_it_may_be_one() -> None:
    assert list_heading("Các tiêu chí đạt điểm tối đa", BlockKind.HEADING) == "full"
    assert list_heading("Các chỉ số còn bị trừ điểm:") == "incomplete"
    prose = "Xã đã đạt điểm tối đa ở nhiều chỉ số, không có chỉ số nào bị trừ điểm trong năm."
    assert list_heading(prose) is None  # a paragraph, no colon at its end: no list heading


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("Đã giải quyết đúng hạn 1.221/1.230 hồ sơ, đạt 99,27%.", (1221, 1230)),  # "/"
        ("Có 3 TRÊN 18 cán bộ, công chức chưa đạt chuẩn.", (3, 18)),  # "trên" in capitals
        ("Tiếp nhận 1.250 hồ sơ, trong đó giải quyết đúng hạn 1.245 hồ sơ.", (1245, 1250)),  # "trong đó"
    ],
)
def test_each_ratio_form_is_read_past_its_word_test(text: str, ratio: tuple[int, int]) -> None:
    assert [(q.numerator, q.denominator) for q in find_quantities(text)] == [ratio]


def test_no_ratio_without_its_words() -> None:
    assert find_quantities("Tiếp nhận 1.250 hồ sơ, giải quyết 1.245 hồ sơ.") == []
    assert find_quantities("Tiếp nhận 1.250 hồ sơ, Trong đó giải quyết đúng hạn 1.245 hồ sơ.") == []  # case-sensitive


def test_a_records_table_has_each_column_once() -> None:
    table = "Số hồ sơ tiếp nhận | Đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%) 1.245 | 1.230 | 1.221 | 99,27"
    found = find_records_table(table)
    assert found is not None and (found.numerator, found.denominator, found.percent) == (1221, 1230, 99.27)
    twice = "Đã giải quyết | Giải quyết đúng hạn | Đã giải quyết 1.230 | 1.221 | 1.230"
    assert find_records_table(twice) is None  # a column named twice: no records table


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("Năm 2022 xã xếp thứ 5/19, tăng 6 bậc so với năm 2021.", [6]),
        ("Chỉ số CCHC của xã TỤT 2 BẬC.", [-2]),
        ("THỨ HẠNG KHÔNG THAY ĐỔI so với năm 2022.", [0]),
        ("Xã từ vị trí thứ 5 vươn lên vị trí thứ 1.", [4]),  # no "bậc": FROM_TO_RE alone
        ("Xã xếp thứ 2/22 (năm 2023 xếp thứ 3).", [1]),  # last year's in brackets
        ("Số cán bộ tăng 6 người so với năm 2021.", []),  # no rank's noun
    ],
)
def test_rank_changes_past_their_word_tests(text: str, changes: list[int]) -> None:
    assert [c.change for c in find_changes(text)] == changes


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        ("Năm 2022 xã xếp thứ 5/19 xã, thị trấn.", [(5, 19)]),
        ("Trong 33 xã, thị trấn của huyện, xã đứng thứ 4.", [(4, 33)]),
        ("UBND XÃ XẾP THỨ NHÌ TRONG TỔNG SỐ 23 XÃ.", [(2, 23)]),
        ("Xã đứng đầu huyện về chỉ số cải cách hành chính.", [(1, None)]),
        ("Vị trí thứ 3/12 của huyện.", [(3, 12)]),
        ("Người đứng đầu cơ quan chịu trách nhiệm.", []),
    ],
)
def test_ranks_past_their_word_tests(text: str, ranks: list[tuple[int, int | None]]) -> None:
    assert [(r.rank, r.total) for r in find_ranks(text)] == ranks


PLACES = (
    "UBND XÃ PHÚ LÂM\nHuyện Tứ Kỳ, tỉnh Hải Dương; Thị xã Phú Mỹ, tỉnh Bà Rịa - Vũng Tàu. Phường 12, Quận 3, "
    "Thành phố Hồ Chí Minh; TP. Huế, Tp Cần Thơ; thành phố Vinh, quận Ba Đình; người huyện bên, Quận 12/2022; "
    "THỊ XÃ PHÚ LÂM, UBND huyện Long Thành, thị trấn Đông Anh"
)


@pytest.mark.parametrize(("pattern", "starts"), [(DISTRICT_RE, DISTRICT_STARTS), (PROVINCE_RE, PROVINCE_STARTS)])
def test_place_names_read_from_their_words_as_a_full_scan_reads_them(pattern: object, starts: tuple[str, ...]) -> None:
    """The same matches as ``finditer`` on the sample reports' text and on a line of every place form."""
    sample = Path(__file__).resolve().parent.parent / "samples" / "minh-duc-2022.txt"
    for text in (PLACES, sample.read_text(encoding="utf-8")):
        expected = [(m.span(), m["name"]) for m in pattern.finditer(text)]  # type: ignore[attr-defined]
        assert expected  # the text names places of this kind
        assert [(m.span(), m["name"]) for m in matches_from(pattern, text, starts)] == expected  # type: ignore[arg-type]


def test_a_header_is_cut_at_its_form_lines_and_other_text_is_one_part() -> None:
    header = (
        "ỦY BAN NHÂN DÂN XÃ AN VIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Số: 15/BC-UBND An Viên, ngày 15 tháng 12 năm 2022"
    )
    assert split_header(header) == [
        "ỦY BAN NHÂN DÂN XÃ AN VIÊN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-UBND",
        "An Viên, ngày 15 tháng 12 năm 2022",
    ]
    assert split_header("  Thực hiện Kế hoạch cải cách hành chính năm 2022  ") == [
        "Thực hiện Kế hoạch cải cách hành chính năm 2022"
    ]
    assert split_header("   ") == []


COLUMN_TEXTS = (
    "Số hồ sơ tiếp nhận | Đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%) 1.245 | 1.230 | 1.221 | 99,27",
    "SỐ HỒ SƠ TIẾP NHẬN | ĐÃ GIẢI QUYẾT | GIẢI QUYẾT ĐÚNG HẠN | TRỄ HẠN | TỶ LỆ (%) 1.245 | 1.230 | 1.221 | 9 | 99,27",
    "ſố hồ sơ tiếp nhận | Đã giải quyết | Quá hạn",  # a long s: an "s" to the case-blind pattern
    "Trong năm tiếp nhận 1.250 hồ sơ, đã giải quyết 1.245 hồ sơ, trong đó giải quyết đúng hạn 1.240 hồ sơ, quá hạn 5.",
)


@pytest.mark.parametrize("text", COLUMN_TEXTS)
def test_record_columns_read_from_their_words_as_a_full_scan_reads_them(text: str) -> None:
    expected = [(m.span(), m.lastgroup) for m in RECORD_COLUMN_RE.finditer(text)]
    folded = text.lower().replace("ſ", "s")
    got = matches_from(RECORD_COLUMN_RE, text, _RECORD_COLUMN_STARTS, folded)
    assert expected and [(m.span(), m.lastgroup) for m in got] == expected


def test_a_text_whose_lowering_changes_its_length_is_scanned_whole() -> None:
    """"İ" lowers to two characters: the offsets of the lowered text are not the text's, the pattern scans it."""
    text = "İ " + COLUMN_TEXTS[0]
    found = find_records_table(text)
    assert found is not None and (found.numerator, found.denominator) == (1221, 1230)


REFERENCE_TEXTS = (
    (
        "Thực hiện Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện về việc ban hành Kế hoạch; KẾ HOẠCH SỐ "
        "15/KH-UBND NGÀY 10-02-2023; Công văn 225-CV/ĐU, Chương trình 04-CTr/ĐU và Nghị quyết số 12/2023/NQ-HĐND."
    ),
    "Căn cứ Thông tư số 01/2023/TT-BNV, Văn bản số 29/ KH-UBND, Tờ trình 855 /QĐ-UBND.",
)


@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_references_read_from_their_type_words_as_a_full_scan_reads_them(text: str) -> None:
    expected = [(m.span(), m["type"], m["number"]) for m in REFERENCE_RE.finditer(text)]
    got = matches_from(REFERENCE_RE, text, _TYPE_WORDS, folded_in_place(text))
    assert expected and [(m.span(), m["type"], m["number"]) for m in got] == expected


def test_the_references_of_a_text_lowered_to_other_offsets_are_read() -> None:
    text = "İ Thực hiện Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện."
    assert folded_in_place(text) is None
    [(index, ref)] = find_references([text])
    assert (index, ref.type, ref.number, ref.date) == (0, "Quyết định", "855/QĐ-UBND", "2023-03-22")


def test_every_place_phrase_holds_a_word_its_test_looks_for() -> None:
    assert all("đầu" in phrase or "cuối" in phrase for phrase in [*FIRST_PLACE, *LAST_PLACE])
    assert [(r.rank, r.total) for r in find_ranks("Xã XẾP CUỐI (trong 45 phường).")] == [(45, 45)]


@pytest.mark.parametrize(
    "text",
    ["2 839/2 841 hồ sơ", "có 1 900 / 2 841 hồ sơ", "1 234 567/2 000 000 lượt", "12 100/120 hồ sơ", "ngày 12/01/2023"],
)
def test_the_space_grouped_ratio_hint_is_a_part_of_its_pattern(text: str) -> None:
    from cchc.extractors.quantities import _SPACE_GROUP_HINT_RE, _SPACE_GROUPED_RATIO_RE

    for m in _SPACE_GROUPED_RATIO_RE.finditer(text):
        assert _SPACE_GROUP_HINT_RE.search(m.group(0)) is not None
    assert (_SPACE_GROUPED_RATIO_RE.search(text) is not None) <= (_SPACE_GROUP_HINT_RE.search(text) is not None)
