"""Characters as other tools type them (held-out round 23, issue 11): full-width colons and digits from an East
Asian input method ("Số：05/BC-UBND", "９３,５０"), list items led by an en dash (Word's AutoFormat turns "- " into
"– "), and counts grouped by a space ("700/1 180"). Negative examples beside each."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as Docx

from cchc.api import extract_file
from cchc.extractors.document import BlockKind, nfc
from cchc.extractors.layout import classify, rejoin_split_syllables
from cchc.extractors.quantities import find_quantities

LINES = [
    "ỦY BAN NHÂN DÂN", "XÃ AN KHANG", "Số：02/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "An Khang, ngày 12 tháng 01 năm 2022", "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2021",
    "UBND xã An Khang đạt ８８,５０/１００ điểm, xếp thứ 11/24 xã, thị trấn.",
    "Tiêu chí 1：Công tác chỉ đạo, điều hành", "Kết quả：đạt 10,5/12 điểm (tỷ lệ 87,50%).",
    "* Các chỉ số thành phần đạt điểm tối đa：",
    "– Chỉ số 1.1 (Kế hoạch CCHC năm)：đã thực hiện đầy đủ, đúng quy định.",
    "– Chỉ số 1.4 (Công tác tuyên truyền CCHC)：đạt 2/2 điểm.",
    "* Các chỉ số thành phần chưa đạt điểm tối đa：",
    "– Chỉ số 1.6 (Đối thoại của lãnh đạo xã với người dân)：tài liệu kiểm chứng chưa đầy đủ, đạt 0,5/2 điểm.",
]  # fmt: skip


def test_a_report_typed_with_full_width_colons_and_en_dash_items(tmp_path: Path) -> None:
    doc = Docx()
    for line in LINES:
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "an-khang-2021.docx"))
    record = extract_file(tmp_path / "an-khang-2021.docx")
    assert (record.meta.doc_number, record.overall.score, record.overall.rank) == ("02/BC-UBND", 88.5, 11)
    assert [(c.code, c.score, c.max_score, c.percent) for c in record.criteria] == [("1", 10.5, 12.0, 87.5)]
    assert [(i.code, i.listed_as, i.score, i.max_score) for i in record.indicators] == [
        ("1.1", "full", None, None), ("1.4", "full", 2.0, 2.0), ("1.6", "incomplete", 0.5, 2.0)]  # fmt: skip


def test_full_width_forms_read_as_ascii_one_for_one() -> None:
    assert nfc("Số：02/BC-UBND ８８,５０％") == "Số:02/BC-UBND 88,50%"
    assert nfc("「Báo cáo」") == "「Báo cáo」"  # CJK brackets are no full-width ASCII: kept


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("– Chỉ số 1.1 (Kế hoạch CCHC năm): đã thực hiện đầy đủ.", BlockKind.LIST_ITEM),
        ("— Tổ chức tuyên truyền về CCHC.", BlockKind.LIST_ITEM),
        ("Tuyến Hà Nội – Hải Phòng được mở rộng.", BlockKind.PARAGRAPH),  # a dash inside a sentence
        ("–2,5 điểm so với năm trước.", BlockKind.PARAGRAPH),  # a minus sign, no space after it
    ],
)
def test_an_en_dash_leads_an_item_only_at_a_blocks_start(text: str, kind: BlockKind) -> None:
    assert classify(text)[0] is kind


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("có 700/1 180 tổng số hồ sơ TTHC được giải quyết, đạt 59,3%.", (700.0, 1180.0, 59.3)),
        ("đúng hạn 1 178/1 180 hồ sơ.", (1178.0, 1180.0, None)),
    ],
)
def test_counts_grouped_by_a_space(text: str, ratio: tuple[float, float, float | None]) -> None:
    (q,) = find_quantities(text)
    assert (q.numerator, q.denominator, q.percent) == ratio



# -- a syllable a PDF-to-Word converter cut where a decomposed tone mark sat -------------------------------------------
@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Tiêu chí 1: Cô ng tác chỉ đạo, điều hà nh", "Tiêu chí 1: Công tác chỉ đạo, điều hành"),
        ("Thư ờng xuyên kiểm tra, khô ng,", "Thường xuyên kiểm tra, không,"),
        # negatives: words that are syllables, units, numbers and abbreviations stay
        ("Tuyến Hà Nội dài 5 km, nặng 3 kg", "Tuyến Hà Nội dài 5 km, nặng 3 kg"),
        ("UBND xã Cô Tô đạt 2/2 điểm", "UBND xã Cô Tô đạt 2/2 điểm"),
        ("16,75 đ/19 đ; chi 12 tr đồng", "16,75 đ/19 đ; chi 12 tr đồng"),
        # a converter's stray letter after a word that ends in a consonant: no cut made at a mark
        ("Xây dựng chính quyền điện tử, chính quyền g 11,5", "Xây dựng chính quyền điện tử, chính quyền g 11,5"),
    ],
)
def test_a_cut_syllable_is_joined_again(text: str, joined: str) -> None:
    assert rejoin_split_syllables(text) == joined


def test_a_converted_docx_with_cut_syllables_reads_its_criterion(tmp_path: Path) -> None:
    """A DOCX as LibreOffice converts a PDF of decomposed text: a paragraph a printed line, words cut at the marks."""
    lines = [
        *LINES[:9],
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2021",
        "Tiêu chí 1: Cô ng tác chỉ đạo, điều hà nh Kết quả: đạt 10,5/12 điểm",
        "(tỷ lệ 87,50%). Tiêu chí 2: Cải cách thể chế Kết quả: đạt 4,5/5",
        "điểm (tỷ lệ 90,00%). Tiêu chí 3: Cải cách thủ tục hà nh chính Kết",
        "quả: đạt 18/20 điểm (tỷ lệ 90,00%).",
    ]
    doc = Docx()
    for line in lines:
        doc.add_paragraph(nfc(line.replace("：", ":")).replace("８８,５０/１００", "88,50/100"))
    doc.save(str(tmp_path / "an-khang-2021-conv.docx"))
    record = extract_file(tmp_path / "an-khang-2021-conv.docx")
    assert [(c.code, c.title, c.score, c.max_score, c.percent) for c in record.criteria] == [
        ("1", "Công tác chỉ đạo, điều hành", 10.5, 12.0, 87.5),
        ("2", "Cải cách thể chế", 4.5, 5.0, 90.0),
        ("3", "Cải cách thủ tục hành chính", 18.0, 20.0, 90.0),
    ]
