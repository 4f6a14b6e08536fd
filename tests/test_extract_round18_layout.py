"""Layouts first met in held-out round 18 (issue 11): the e-signature stamp that signed PDFs of Vietnam's
e-government systems carry above the header ("Người ký: …" / "Email: …" / "Cơ quan: Tỉnh …" / "Thời gian ký: …"),
and words cut by a hyphen at a line's end ("Xu-" / "ất sắc"); each with a negative example beside it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.extractors.layout import rejoins_cut_word
from cchc.extractors.patterns import blank_signature_stamps, signature_stamp_spans
from cchc.extractors.readers.ocr import OcrLine, blocks_from_ocr_lines, ocr_available
from cchc.extractors.readers.pdf import read_pdf
from cchc.extractors.readers.text import blocks_from_lines
from tests.pdf_factory import MARGIN_L, ReportPdf
from tests.test_extract_round18_scan import _save_scan, _scan_pages

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = unicodedata.normalize("NFC", (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8"))
# the stamp as the signing system prints it, one labelled value a line; its time is the day after the report's date
STAMP = [
    "Người ký: Ủy ban nhân dân xã Minh Đức",
    "Email: ubndminhduc@haiduong.gov.vn",
    "Cơ quan: Tỉnh Hải Dương",
    "Thời gian ký: 07.04.2023 09:15:22 +07:00",
]
# read from samples/minh-duc-2022.txt: its header, and the province it names once ("… tỉnh Hải" / "Dương")
SAMPLE_META = ("Minh Đức", "xã", "Tứ Kỳ", "Hải Dương", "29/BC-UBND", "2023-04-06", "Nguyễn Hữu Lăng")


def _meta(path: Path) -> tuple[object, ...]:
    m = extract_file(path).meta
    return m.unit_name, m.unit_level, m.district, m.province, m.doc_number, m.issued_date, m.signer


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the e-signature stamp ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "\n".join(STAMP),  # one labelled value a line, as the stamp prints
        " ".join(STAMP),  # all on one line, as a converter or a scan's reader joins them
        " ".join(STAMP[:3]) + "\n" + STAMP[3],  # the signing time cut off on its own line
    ],
    ids=["lines", "joined", "split"],
)
def test_a_stamp_above_the_header_gives_no_header_field(tmp_path: Path, stamp: str) -> None:
    plain = _write(tmp_path, "plain.txt", SAMPLE)
    stamped = _write(tmp_path, "stamped.txt", stamp + "\n\n" + SAMPLE)
    assert _meta(plain) == SAMPLE_META
    # the province is not "Hải Dương Thời", the date is the report's 06/4/2023, not the signing time 07.04.2023
    assert _meta(stamped) == SAMPLE_META


@pytest.mark.parametrize("between", ["\n", " "], ids=["lines", "joined"])
def test_a_stamp_run_into_the_headers_first_line(tmp_path: Path, between: str) -> None:
    """The signing time and "ỦY BAN NHÂN DÂN" on one line, as a reader that joins the top lines gives them."""
    stamped = _write(tmp_path, "run-in.txt", between.join(STAMP) + " " + SAMPLE.lstrip())
    assert _meta(stamped) == SAMPLE_META


def test_the_signing_time_is_never_the_reports_date(tmp_path: Path) -> None:
    """A report whose header lost its place and date line keeps no date: the stamp's is when it was signed."""
    no_date = SAMPLE.replace("Minh Đức, ngày 06  tháng 4  năm 2023", "")
    assert no_date != SAMPLE
    record = extract_file(_write(tmp_path, "no-date.txt", "\n".join(STAMP) + "\n\n" + no_date))
    assert record.meta.issued_date is None
    assert (record.meta.unit_name, record.meta.province, record.meta.doc_number) == (
        "Minh Đức",
        "Hải Dương",
        "29/BC-UBND",
    )


def test_a_stamp_whose_unit_differs_from_the_header(tmp_path: Path) -> None:
    """Signed by the district's office on the commune's behalf: the unit and the district are still the header's
    and the text's (Minh Đức, Tứ Kỳ), not the stamp's (Gia Lộc)."""
    stamp = [
        "Người ký: Văn phòng Ủy ban nhân dân huyện Gia Lộc",
        "Email: vanphong@gialoc.haiduong.gov.vn",
        "Cơ quan: Tỉnh Hải Dương",
        "Thời gian ký: 10.04.2023 14:02:10 +07:00",
    ]
    path = _write(tmp_path, "office.txt", " ".join(stamp) + "\n\n" + SAMPLE)
    assert _meta(path) == SAMPLE_META


def test_prose_that_names_an_agency_or_a_signer_is_no_stamp(tmp_path: Path) -> None:
    prose = (
        "Cơ quan: Sở Nội vụ tỉnh Hải Dương chủ trì kiểm tra. Người ký báo cáo chịu trách nhiệm về số liệu "
        "(Người ký là Chủ tịch UBND xã)."
    )
    assert signature_stamp_spans(prose) == []
    assert blank_signature_stamps(prose) == prose
    assert (
        signature_stamp_spans("Email: ubndminhduc@haiduong.gov.vn; Cơ quan: UBND xã Minh Đức") == []
    )  # no signing
    # a body paragraph with "Cơ quan: …" still counts for the province
    body = SAMPLE.replace("I. KẾT QUẢ", "Cơ quan: Sở Nội vụ tỉnh Hải Dương chủ trì kiểm tra.\nI. KẾT QUẢ", 1)
    assert body != SAMPLE
    assert _meta(_write(tmp_path, "prose.txt", body)) == SAMPLE_META


def test_the_stamp_is_blanked_value_by_value_and_header_lines_between_stay() -> None:
    text = "Người ký: Ủy ban nhân dân xã Minh Đức\nỦY BAN NHÂN DÂN\nXÃ MINH ĐỨC\nThời gian ký: 07.04.2023 09:15:22"
    blanked = blank_signature_stamps(text)
    assert blanked.split("\n")[1:3] == ["ỦY BAN NHÂN DÂN", "XÃ MINH ĐỨC"]
    assert blanked.split("\n")[0].strip() == blanked.split("\n")[3].strip() == ""
    assert len(blanked) == len(text)  # offsets still point at the source
    joined = "Cơ quan: Tỉnh Hải Dương Thời gian ký: 07.04.2023 09:15:22 +07:00 ỦY BAN NHÂN DÂN XÃ MINH ĐỨC"
    assert blank_signature_stamps(joined).strip() == "ỦY BAN NHÂN DÂN XÃ MINH ĐỨC"


@pytest.mark.parametrize(
    "stamp",
    [
        # another system's labels: the signer, then the day of signing
        "Ký bởi: Ủy ban nhân dân xã Minh Đức\nNgày ký: 07/04/2023 09:15\nCơ quan: Tỉnh Hải Dương",
        # a scan's reading that lost marks
        (
            "Nguoi ky: Uy ban nhan dan xa Minh Duc\nEmail: ubndminhduc@haiduong.gov.vn\nCo quan: Tinh Hai Duong\n"
            "Thoi gian ky: 07.04.2023 09:15:22 +07:00"
        ),
    ],
    ids=["signed-by", "marks-lost"],
)
def test_other_stamp_labels_are_blanked_too(stamp: str) -> None:
    text = stamp + "\nỦY BAN NHÂN DÂN\nXÃ MINH ĐỨC"
    assert blank_signature_stamps(text).split() == ["ỦY", "BAN", "NHÂN", "DÂN", "XÃ", "MINH", "ĐỨC"]


def _stamped_pdf(path: Path, stamp: list[str]) -> Path:
    pdf = ReportPdf(path, size=12.0)
    for k, line in enumerate(stamp):  # the top right corner, small, above the header
        pdf.draw_line(330.0, 20.0 + 11.0 * k, line, size=8.0)
    pdf.y = 80.0
    pdf.two_column_header(
        [("ỦY BAN NHÂN DÂN", False), ("XÃ AN PHÚ", True), ("Số: 15/BC-UBND", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
         ("An Phú, ngày 12 tháng 01 năm 2024", False)],
    )  # fmt: skip
    pdf.centred_lines(["BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính năm 2023"], bold=True)
    pdf.paragraph(
        "Căn cứ Quyết định số 120/QĐ-UBND ngày 05/01/2024 của UBND huyện Hàm Thuận Bắc, tỉnh Bình Thuận về việc "
        "công bố Chỉ số cải cách hành chính năm 2023; UBND xã An Phú báo cáo như sau:"
    )
    pdf.paragraph(
        "Kết quả Chỉ số cải cách hành chính năm 2023 của UBND xã An Phú đạt 83,50/100 điểm, tỷ lệ 83,50%, xếp "
        "thứ 3/12 xã, thị trấn."
    )
    return pdf.save()


def test_a_signed_pdf_keeps_its_headers_fields(tmp_path: Path) -> None:
    stamp = [
        "Người ký: Ủy ban nhân dân xã An Phú",
        "Email: ubndanphu@binhthuan.gov.vn",
        "Cơ quan: Tỉnh Bình Thuận",
        "Thời gian ký: 15.01.2024 16:40:05 +07:00",
    ]
    meta = extract_file(_stamped_pdf(tmp_path / "signed.pdf", stamp)).meta
    # what the PDF prints: the header's unit, number and date, the province and district the grounds name
    assert (meta.unit_name, meta.doc_number, meta.issued_date) == ("An Phú", "15/BC-UBND", "2024-01-12")
    assert (meta.province, meta.district) == ("Bình Thuận", "Hàm Thuận Bắc")
    unsigned = extract_file(_stamped_pdf(tmp_path / "unsigned.pdf", [])).meta
    assert unsigned.model_dump(exclude={"evidence"}) == meta.model_dump(exclude={"evidence"})


# -- words cut by a hyphen at a line's end -----------------------------------------------------------------------


def _joined(lines: list[str]) -> list[str]:
    return [b.text for b in blocks_from_lines(lines).blocks]


def test_a_word_cut_at_a_lines_end_is_rejoined() -> None:
    assert _joined(["đạt 94,00/100 điểm, xếp loại Xu-", "ất sắc."]) == [
        "đạt 94,00/100 điểm, xếp loại Xuất sắc."
    ]
    assert _joined(["công khai trên Cổng dịch vụ cô-", "ng của tỉnh."]) == [
        "công khai trên Cổng dịch vụ công của tỉnh."
    ]
    assert _joined(["được quan tâm, chú tr-", "ọng với nhiều hình thức."]) == [
        "được quan tâm, chú trọng với nhiều hình thức."
    ]
    assert _joined(["TÌNH HÌNH THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CH-", "ÍNH NĂM 2022"]) == [
        "TÌNH HÌNH THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("tuyến đường Hà Nội -", "Hải Phòng đi qua xã"),  # a dash after a space joins two names
        ("Hà Nội-", "Hải Phòng đi qua xã"),  # "Nộihải" is no syllable
        ("giai đoạn 2021-", "2025 của xã"),  # a range of years
        ("Kế hoạch số 12-KH/ĐU-", "VP ngày 05/01/2022"),  # a code
        ("theo Kế hoạch của ĐU-", "ng ủy"),  # a code in capitals does not go on in lower case
        ("đạt 2/2 điểm -", "- Mục 1.3 (Kiểm tra công tác CCHC)"),  # a score, then a list's dash
        ("các nhiệm vụ sau:", "- Tổ chức triển khai"),  # a list's dash
        ("xếp loại Xu-", "Ất sắc"),  # a capital after the cut: no rest of a word
    ],
)
def test_a_real_hyphen_or_dash_at_a_lines_end_stays(text: str, line: str) -> None:
    assert not rejoins_cut_word(text, line)


def test_a_range_and_a_list_dash_stay_in_the_text() -> None:
    assert _joined(["giai đoạn 2021-", "2025 của xã"]) == ["giai đoạn 2021- 2025 của xã"]
    assert _joined(["tuyến đường Hà Nội -", "Hải Phòng đi qua xã"]) == [
        "tuyến đường Hà Nội - Hải Phòng đi qua xã"
    ]
    assert _joined(["đạt 2/2 điểm -", "quy định rõ"]) == ["đạt 2/2 điểm - quy định rõ"]


def test_a_text_report_with_a_cut_classification_reads_it(tmp_path: Path) -> None:
    """The sample's overall statement with its grade cut "nhi-" / "ệm vụ" at a line's end: the grade is read."""
    cut = SAMPLE.replace("xếp loại hoàn thành tốt nhiệm vụ.", "xếp loại hoàn thành tốt nhi-\nệm vụ.", 1)
    assert cut != SAMPLE
    assert extract_file(_write(tmp_path, "cut.txt", cut)).overall.classification == "hoàn thành tốt nhiệm vụ"


def _lines_pdf(path: Path, lines: list[str]) -> Path:
    pdf = ReportPdf(path, size=12.0)
    for line in lines:
        pdf.draw_line(MARGIN_L, pdf.y, line)
        pdf.y += 12.0 * 1.35
    return pdf.save()


def test_a_pdfs_text_layer_rejoins_a_cut_word_and_keeps_a_dash(tmp_path: Path) -> None:
    path = _lines_pdf(
        tmp_path / "cut.pdf",
        [
            "Kết quả Chỉ số CCHC năm 2021 của UBND xã Phúc Sơn đạt 94,00/100 điểm, tỷ lệ",
            "94,00%, xếp thứ 2/24 xã, thị trấn, tăng được 2 bậc so với năm 2020; xếp loại Xu-",
            "ất sắc; thực hiện giai đoạn 2021-",
            "2025 trên tuyến Hà Nội -",
            "Hải Phòng.",
        ],
    )
    text = " ".join(b.text for b in read_pdf(path).blocks)
    assert "xếp loại Xuất sắc; thực hiện giai đoạn 2021- 2025 trên tuyến Hà Nội - Hải Phòng." in text


def test_a_docx_paragraphs_soft_line_break_after_a_cut_word(tmp_path: Path) -> None:
    """A paragraph typed with a hyphen and a soft line break (Shift+Enter) inside a word is read whole; a dash and a
    break between two names stay."""
    from docx import Document as Docx

    from cchc.extractors.readers.docx import read_docx

    doc = Docx()
    run = doc.add_paragraph().add_run(
        "Kết quả Chỉ số CCHC năm 2021 của UBND xã Phúc Sơn đạt 94,00/100 điểm, xếp loại Xu-"
    )
    run.add_break()
    run.add_text("ất sắc.")
    run = doc.add_paragraph().add_run("Tuyến đường Hà Nội -")
    run.add_break()
    run.add_text("Hải Phòng đi qua xã.")
    doc.save(str(tmp_path / "cut.docx"))
    texts = [b.text for b in read_docx(tmp_path / "cut.docx").blocks]
    assert "Kết quả Chỉ số CCHC năm 2021 của UBND xã Phúc Sơn đạt 94,00/100 điểm, xếp loại Xuất sắc." in texts
    assert "Tuyến đường Hà Nội - Hải Phòng đi qua xã." in texts


# -- the same cut in a scan: Tesseract gives the lines, the OCR reader joins them --------------------------------------
def _ocr_lines(texts: list[str]) -> list[OcrLine]:
    return [
        OcrLine(text, (85.0, 100.0 + 15 * i, 500.0, 111.0 + 15 * i), (), 1, 1) for i, text in enumerate(texts)
    ]


def test_a_scans_cut_word_is_rejoined_and_its_dashes_stay() -> None:
    blocks = blocks_from_ocr_lines(
        _ocr_lines(
            [
                "đạt 94,00/100 điểm, xếp loại Xu-",
                "ất sắc; giai đoạn 2021-",
                "2025, tuyến Hà Nội -",
                "Hải Phòng.",
            ]
        ),
        page=1,
    )
    assert [b.text for b in blocks] == [
        "đạt 94,00/100 điểm, xếp loại Xuất sắc; giai đoạn 2021- 2025, tuyến Hà Nội - Hải Phòng."
    ]
    # each line's provenance starts where its text starts in the joined block
    offsets = [offset for offset, _ in blocks[0].lines]
    assert [blocks[0].text[a:b] for a, b in zip(offsets, offsets[1:] + [None], strict=True)] == [
        "đạt 94,00/100 điểm, xếp loại Xu", "ất sắc; giai đoạn 2021- ", "2025, tuyến Hà Nội - ", "Hải Phòng."]  # fmt: skip


def test_a_scanned_report_with_a_cut_grade_reads_it(tmp_path: Path) -> None:
    assert ocr_available("vie"), "tesseract-ocr and tesseract-ocr-vie are needed: `make setup` installs them"
    vector = _lines_pdf(
        tmp_path / "vector.pdf",
        [
            "Kết quả Chỉ số CCHC năm 2021 của UBND xã Phúc Sơn đạt 94,00/100 điểm, tỷ lệ",
            "94,00%, xếp thứ 2/24 xã, thị trấn, tăng được 2 bậc so với năm 2020; xếp loại Xu-",
            "ất sắc.",
        ],
    )
    scan, _ = _save_scan(_scan_pages(vector), tmp_path / "phuc-son-2021-scan.pdf")
    record = extract_file(scan)
    assert record.overall.classification == "Xuất sắc"  # as printed
    assert record.overall.score == 94.0
