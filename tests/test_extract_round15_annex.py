"""Held-out round 15 (issue 11): the "Đạt / Không đạt" indicator annex after the signature, letter-spaced titles and
headings ("B Á O  C Á O"), running page footers "UBND xã … – Báo cáo CCHC năm 2021 – Trang 2/3". Each in a report
written here (text, PDF built with reportlab and the DejaVu fonts, DOCX with python-docx), with its negative.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument

from cchc.api import check_record, extract_file
from cchc.extractors.document import (
    Block,
    BlockKind,
    Document,
    Provenance,
    drop_page_footers,
    join_spaced_letters,
)
from cchc.extractors.readers import read_document
from cchc.extractors.readers.ocr import OcrWord, _make_line
from cchc.extractors.tables import annex_statuses
from tests.pdf_factory import ReportPdf

UNIT = "xã Nga Thắng"
HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ NGA THẮNG",
    "Số: 08/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Nga Thắng, ngày 14 tháng 01 năm 2022",
]
TITLE = "Kết quả thực hiện công tác cải cách hành chính năm 2021"
BODY = [
    "Chỉ số CCHC năm 2021 của UBND xã Nga Thắng đạt 86,00/100 điểm, xếp thứ 12/24 xã, thị trấn.",
    "1. Công tác chỉ đạo, điều hành CCHC: 11,5/13 điểm, đạt tỷ lệ 88,46%.",
    "1.1. Các chỉ số thành phần đạt điểm tối đa:",
    "- Chỉ số 1.1 (Kế hoạch CCHC năm): đã thực hiện đầy đủ, đúng quy định.",
    "- Chỉ số 1.3 (Kiểm tra công tác CCHC): đạt 2/2 điểm.",
    "1.2. Các chỉ số thành phần chưa đạt điểm tối đa:",
    "- Chỉ số 1.2 (Thực hiện chế độ báo cáo định kỳ): tài liệu kiểm chứng chưa đầy đủ, đạt 1,5/2 điểm.",
    "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2021 của UBND xã Nga Thắng./.",
]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thắng"]
ANNEX_HEAD = ["PHỤ LỤC", "TÌNH HÌNH THỰC HIỆN CÁC CHỈ SỐ THÀNH PHẦN NĂM 2021"]
# (code, title, status of a clerk's annex that agrees with the prose: 1.2 lost half a point)
ROWS = [
    ("1.1", "Kế hoạch CCHC năm"),
    ("1.2", "Thực hiện chế độ báo cáo định kỳ"),
    ("1.3", "Kiểm tra công tác CCHC"),
]


def _annex_findings(record) -> list:  # type: ignore[no-untyped-def]
    return [f for f in check_record(record) if f.kind == "status_contradiction"]


# ------------------------------------------------------------------------------------------- letter-spaced words
@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("B Á O  C Á O", "BÁO CÁO"),
        ("I .  K Ế T  Q U Ả  N Ă M  2 0 2 1", "I. KẾT QUẢ NĂM 2021"),
        ("I I I .  Đ Á N H  G I Á  C H U N G", "III. ĐÁNH GIÁ CHUNG"),
        ("P H Ụ  L Ụ C", "PHỤ LỤC"),
    ],
)
def test_letter_spaced_words_are_joined(text: str, joined: str) -> None:
    assert " ".join(join_spaced_letters(text).split()) == joined


@pytest.mark.parametrize(
    "text",
    [
        "các điểm a, b, c  khoản 2",  # a list of letters with commas
        "Đ/c  Nguyễn Văn A",
        "1.1  x",  # a lone mark in a column
        "x  x",
        "Kế hoạch CCHC năm  Không đạt",
        "Điểm a  khoản 1 Điều 5",  # one single letter, not a letter-spaced word
    ],
)
def test_ordinary_text_is_not_joined(text: str) -> None:
    assert join_spaced_letters(text) == text


# ------------------------------------------------------------------------------------------------ text reports
def _txt(tmp_path: Path, annex: list[str]) -> Path:
    path = tmp_path / "nga-thang.txt"
    lines = [
        *HEADER,
        "B Á O  C Á O",
        TITLE,
        *BODY,
        *SIGNATURE,
        *ANNEX_HEAD,
        "Mã chỉ số\tNội dung\tĐánh giá",
        *annex,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_worded_annex_contradicting_the_full_score_list(tmp_path: Path) -> None:
    annex = [
        "1.1\tKế hoạch CCHC năm\tKhông đạt",
        "1.2\tThực hiện chế độ báo cáo định kỳ\tKhông đạt",
        "1.3\tKiểm tra công tác CCHC\tĐạt",
    ]
    record = extract_file(_txt(tmp_path, annex))
    status = {i.code: (i.listed_as, i.annex_status) for i in record.indicators}
    assert status == {
        "1.1": ("full", "not_achieved"),
        "1.2": ("incomplete", "not_achieved"),
        "1.3": ("full", "achieved"),
    }
    assert record.meta.report_year == 2021
    [finding] = _annex_findings(record)
    assert finding.subject == "1.1"
    quoted = [ev.text for ev in finding.evidence]
    assert any("Kế hoạch CCHC năm" in q and "Chỉ số 1.1" in q for q in quoted)  # the prose's listing
    assert any(q.startswith("1.1") and q.endswith("Không đạt") for q in quoted)  # the annex's row


def test_a_worded_annex_that_agrees_raises_nothing(tmp_path: Path) -> None:
    """Negative: "Không đạt" only for 1.2, the indicator the prose says lost half a point."""
    annex = [
        "1.1\tKế hoạch CCHC năm\tĐạt",
        "1.2\tThực hiện chế độ báo cáo định kỳ\tKhông đạt",
        "1.3\tKiểm tra công tác CCHC\tĐạt",
    ]
    record = extract_file(_txt(tmp_path, annex))
    assert {i.code: i.annex_status for i in record.indicators} == {
        "1.1": "achieved",
        "1.2": "not_achieved",
        "1.3": "achieved",
    }
    assert _annex_findings(record) == []


def test_status_words_before_an_annex_are_not_read_as_one(tmp_path: Path) -> None:
    """Negative: a line "1.4 … Đạt" in the body (no "PHỤ LỤC" above it) is no annex row."""
    path = tmp_path / "body.txt"
    path.write_text(
        "\n".join([*HEADER, "BÁO CÁO", TITLE, *BODY[:5], "1.4 Công tác tuyên truyền CCHC Đạt"]) + "\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert all(i.annex_status is None for i in record.indicators)


# --------------------------------------------------------------------------------------------------------- PDF
def _pdf(tmp_path: Path, marks: dict[str, str]) -> Path:
    """A PDF whose title and headings are drawn letter-spaced, a running footer on every page, an annex with an
    "x" in the "Đạt" or the "Không đạt" column."""
    pdf = ReportPdf(
        tmp_path / "nga-thang.pdf", page_numbers="UBND xã Nga Thắng – Báo cáo CCHC năm 2021 – Trang {n}/2"
    )
    for line in HEADER:
        pdf.centred_lines([line])
    pdf.centred_lines(["B Á O  C Á O"], bold=True)
    pdf.centred_lines([TITLE])
    pdf.centred_lines(["I .  K Ế T  Q U Ả  T H Ự C  H I Ệ N  N Ă M  2 0 2 1"], bold=True)
    for line in [*BODY, *SIGNATURE]:
        pdf.paragraph(line)
    pdf.new_page()
    pdf.centred_lines(["P H Ụ  L Ụ C"], bold=True)
    pdf.centred_lines(
        ["T Ì N H  H Ì N H  T H Ự C  H I Ệ N  C Á C  C H Ỉ  S Ố  T H À N H  P H Ầ N"], bold=True
    )
    rows = [["Mã chỉ số", "Nội dung", "Đạt", "Không đạt"]]
    rows += [
        [code, title, "x" if marks[code] == "Đạt" else "", "x" if marks[code] != "Đạt" else ""]
        for code, title in ROWS
    ]
    pdf.table(rows, [60, 250, 50, 70])
    return pdf.save()


def test_a_letter_spaced_pdf_with_footers_and_an_x_annex(tmp_path: Path) -> None:
    path = _pdf(tmp_path, {"1.1": "Không đạt", "1.2": "Không đạt", "1.3": "Đạt"})
    texts = [b.text for b in read_document(path).blocks]
    assert "BÁO CÁO" in texts
    assert "I. KẾT QUẢ THỰC HIỆN NĂM 2021" in texts
    assert "PHỤ LỤC" in texts
    assert not any("Trang 1/2" in t or "Trang 2/2" in t for t in texts)  # the footer is page furniture
    record = extract_file(path)
    assert record.meta.report_year == 2021
    assert record.meta.signer == "Nguyễn Văn Thắng"
    assert {i.code: i.annex_status for i in record.indicators} == {
        "1.1": "not_achieved",
        "1.2": "not_achieved",
        "1.3": "achieved",
    }
    [finding] = _annex_findings(record)
    assert finding.subject == "1.1"
    assert len(finding.evidence) == 2
    assert not any("Trang" in f.message_en or "2/2" in f.message_en for f in check_record(record))


def test_an_x_annex_that_agrees_raises_nothing(tmp_path: Path) -> None:
    record = extract_file(_pdf(tmp_path, {"1.1": "Đạt", "1.2": "Không đạt", "1.3": "Đạt"}))
    assert {i.code: i.annex_status for i in record.indicators}["1.2"] == "not_achieved"
    assert _annex_findings(record) == []


# -------------------------------------------------------------------------------------------------------- DOCX
def _docx(tmp_path: Path, ticks: dict[str, str], glued_footer: bool = True) -> Path:
    """A DOCX as a PDF converts to: the title letter-spaced, page footers glued into paragraphs, a ✓ / ✗ annex."""
    doc = DocxDocument()
    for line in [*HEADER, "B Á O  C Á O", TITLE]:
        doc.add_paragraph(line)
    footer = " UBND xã Nga Thắng – Báo cáo CCHC năm 2021 – Trang {}/2" if glued_footer else ""
    body = list(BODY)
    body[2] = (
        body[2] + footer.format(1) + " " + body[3]
    )  # the page broke between the list heading and its item
    del body[3]
    for line in [*body, *SIGNATURE[:2]]:
        doc.add_paragraph(line)
    doc.add_paragraph(SIGNATURE[2] + footer.format(2))
    for line in ANNEX_HEAD:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1 + len(ROWS), cols=3)
    for j, head in enumerate(["Mã chỉ số", "Nội dung", "Đánh giá"]):
        table.cell(0, j).text = head
    for k, (code, title) in enumerate(ROWS, 1):
        table.cell(k, 0).text, table.cell(k, 1).text, table.cell(k, 2).text = code, title, ticks[code]
    path = tmp_path / "nga-thang.docx"
    doc.save(str(path))
    return path


def test_a_converted_docx_with_glued_footers_and_a_tick_annex(tmp_path: Path) -> None:
    record = extract_file(_docx(tmp_path, {"1.1": "✗", "1.2": "✗", "1.3": "✓"}))
    assert record.meta.report_year == 2021
    assert record.meta.signer == "Nguyễn Văn Thắng"
    assert {i.code: (i.listed_as, i.annex_status) for i in record.indicators} == {
        "1.1": ("full", "not_achieved"),
        "1.2": ("incomplete", "not_achieved"),
        "1.3": ("full", "achieved"),
    }
    [finding] = _annex_findings(record)
    assert finding.subject == "1.1"


def test_a_tick_annex_that_agrees_raises_nothing(tmp_path: Path) -> None:
    record = extract_file(_docx(tmp_path, {"1.1": "✓", "1.2": "✗", "1.3": "✓"}, glued_footer=False))
    assert _annex_findings(record) == []
    assert {i.code: i.annex_status for i in record.indicators} == {
        "1.1": "achieved",
        "1.2": "not_achieved",
        "1.3": "achieved",
    }


# ------------------------------------------------------------------------------------------- annex rows, one by one
def _table(rows: list[list[str]]) -> Block:
    text = "\n".join(" | ".join(row) for row in rows)
    return Block(BlockKind.TABLE, text, Provenance(table=3), rows=rows)


@pytest.mark.parametrize(
    ("rows", "read"),
    [
        (  # an "x" in the "Không đạt" column, after an "STT" column
            [
                ["STT", "Mã chỉ số", "Nội dung", "Đạt", "Không đạt"],
                ["1", "3.1", "Kiểm soát TTHC", "", "x"],
                ["2", "3.2", "Công khai TTHC", "X", ""],
            ],
            [("3.1", "not_achieved", "Kiểm soát TTHC", 1), ("3.2", "achieved", "Công khai TTHC", 2)],
        ),
        (  # a two-row header: "Đánh giá" merged over "Đạt | Không đạt"
            [
                ["Mã chỉ số", "Nội dung", "Đánh giá", "Đánh giá"],
                ["", "", "Đạt", "Không đạt"],
                ["7.4", "Trang thông tin điện tử của xã", "", "x"],
            ],
            [("7.4", "not_achieved", "Trang thông tin điện tử của xã", 2)],
        ),
        (  # "Chưa đạt" as the word, a code printed with its dot
            [
                ["Mã chỉ số", "Nội dung", "Kết quả"],
                ["5.2.", "Đánh giá, xếp loại cán bộ, công chức", "Chưa đạt"],
            ],
            [("5.2", "not_achieved", "Đánh giá, xếp loại cán bộ, công chức", 1)],
        ),
    ],
)
def test_annex_rows(rows: list[list[str]], read: list[tuple[str, str, str, int]]) -> None:
    assert annex_statuses(_table(rows), in_annex=False) == read


@pytest.mark.parametrize(
    "rows",
    [
        [
            ["Mã chỉ số", "Nội dung", "Điểm tối đa", "Điểm đạt"],
            ["1.1", "Kế hoạch CCHC năm", "2", "2"],
        ],  # scores
        [
            ["Mã chỉ số", "Nội dung", "Đạt", "Không đạt"],
            ["1.1", "Kế hoạch CCHC năm", "x", "x"],
        ],  # both marked
        [
            ["TT", "Tiêu chí", "Đánh giá"],
            ["1", "Công tác chỉ đạo, điều hành", "Đạt"],
        ],  # a criterion, no indicator
    ],
)
def test_no_annex_status_without_one_clear_mark(rows: list[list[str]]) -> None:
    assert annex_statuses(_table(rows), in_annex=True) == []


# ------------------------------------------------------------------------------------------------ page footers
def test_a_footer_glued_into_a_paragraph_is_taken_out(tmp_path: Path) -> None:
    text = (
        "a) Các chỉ số đạt điểm tối đa: UBND xã Nga Thắng - Báo cáo CCHC năm 2021 - Trang 1/3 "
        "- Chỉ số 1.1 (Kế hoạch CCHC năm): đạt 2/2 điểm."
    )
    doc = drop_page_footers(Document([Block(BlockKind.LIST_ITEM, text, Provenance(paragraph=4))], "docx"))
    assert [b.text for b in doc.blocks] == [
        "a) Các chỉ số đạt điểm tối đa:",
        "- Chỉ số 1.1 (Kế hoạch CCHC năm): đạt 2/2 điểm.",  # the page break was a paragraph break
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Cập nhật trên Cổng thông tin của UBND huyện – trang Dịch vụ công – đạt 100% hồ sơ.",  # no page number
        "UBND xã Nga Thắng – Báo cáo CCHC năm 2021",  # no page at all
        "Theo UBND xã – nội dung 2021, mục 3 – Trang 2 tháng 5 của sổ",  # "Trang 2" followed by more words (no end)
    ],
)
def test_text_that_only_looks_like_a_footer_stays(text: str) -> None:
    doc = drop_page_footers(Document([Block(BlockKind.PARAGRAPH, text, Provenance(paragraph=1))], "docx"))
    assert [b.text for b in doc.blocks] == [text]


def test_a_footer_without_the_page_count_goes_when_it_repeats() -> None:
    footer = "UBND xã Nga Thắng – Báo cáo CCHC năm 2021 – Trang {}"
    blocks = [
        Block(
            BlockKind.PARAGRAPH,
            "Kết quả giải quyết hồ sơ đạt 99,5%. " + footer.format(1),
            Provenance(paragraph=1),
        ),
        Block(BlockKind.PARAGRAPH, footer.format(2), Provenance(paragraph=2)),
    ]
    doc = drop_page_footers(Document(blocks, "docx"))
    assert [b.text for b in doc.blocks] == ["Kết quả giải quyết hồ sơ đạt 99,5%."]
    once = drop_page_footers(
        Document([Block(BlockKind.PARAGRAPH, footer.format(1), Provenance(paragraph=1))], "docx")
    )
    assert [b.text for b in once.blocks] == [
        footer.format(1)
    ]  # printed once, without "/N": not known furniture


# ------------------------------------------------------------------------------------------- a scanned title
def _ocr_words(words: list[tuple[str, float]]) -> list[OcrWord]:
    """Words as Tesseract gives a letter-spaced line: one per letter, 9 pt wide, ``x`` where each starts."""
    return [OcrWord(text, (x, 100.0, x + 9.0, 112.0), 90.0) for text, x in words]


def test_a_scanned_letter_spaced_title_is_joined_from_its_gaps() -> None:
    # B Á O, then a word gap twice the letter gap, C Á O: letters 4 pt apart, words 12 pt apart
    xs = [200.0, 213.0, 226.0, 247.0, 260.0, 273.0]
    words = _ocr_words(list(zip(["B", "Á", "O", "C", "Á", "O"], xs, strict=True)))
    assert _make_line(words, 1, 1).text == "BÁO CÁO"


def test_a_scanned_line_of_even_gaps_is_not_joined() -> None:
    """Negative: "a b c d" evenly spaced (a list of letters, no word gaps) stays as read."""
    words = _ocr_words([("a", 100.0), ("b", 113.0), ("c", 126.0), ("d", 139.0)])
    assert _make_line(words, 1, 1).text == "a b c d"
