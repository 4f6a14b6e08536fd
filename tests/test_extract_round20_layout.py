"""Layouts first met in held-out round 20 (issue 11): a commune formed by merging that restates its former communes'
results of the year before ("Năm 2021, trước khi sắp xếp: xã … đạt …/100 điểm, xếp thứ …"), a covering letter (Công
văn "Số: 12/UBND", a later date, "Kính gửi", a vice-chairman) bound before the report in the same file, and a
district or province at a line's end run into the next line's first word ("huyện Tứ Kỳ" / "Thực hiện …"); each with
a negative example beside it. Values are the sample's (samples/minh-duc-2022.txt) and the lines written here."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx

from cchc.api import check_record, extract_file, read_document
from cchc.extractors.assemble import former_units_end
from cchc.extractors.document import Block, BlockKind, Provenance
from cchc.extractors.patterns import place_name_end
from tests.pdf_factory import ReportPdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = unicodedata.normalize("NFC", (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8"))
# the sample's own overall, read from its text: "chấm điểm đạt 83,97/100 điểm … xếp thứ 8/23 xã, thị trấn"
OWN_OVERALL = (83.97, 100.0, 8, 23)
OPENING_END = "nhiệm vụ CCHC Năm 2023, cụ thể như sau:\n"
# a merged commune's restatement; the new commune keeps a former one's name (xã Minh Đức), its year is the one before
MERGED = (
    "Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã, xã Minh Đức "
    "(mới) được thành lập trên cơ sở nhập toàn bộ diện tích tự nhiên và quy mô dân số của xã Minh Đức và xã Minh Tân. "
    "Năm 2021, trước khi sắp xếp: xã Minh Đức đạt 78,50/100 điểm, xếp thứ 18/23; xã Minh Tân đạt 80,25/100 điểm, "
    "xếp thứ 15/23."
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _overall(path: Path) -> tuple[object, ...]:
    o = extract_file(path).overall
    return o.score, o.max_score, o.rank, o.rank_total


def _kinds(path: Path) -> set[str]:
    return {f.kind for f in check_record(extract_file(path)) if f.severity in ("warning", "error")}


def _years(path: Path) -> set[tuple[str, object]]:
    """The year mismatches found: (where, the year it names); the sample's own closing names 2023 (a real one)."""
    return {(f.subject, f.actual) for f in check_record(extract_file(path)) if f.kind == "year_mismatch"}


# -- a merged commune's former communes ---------------------------------------------------------------------------


def test_former_communes_results_are_not_the_overall_nor_its_year(tmp_path: Path) -> None:
    plain = _write(tmp_path, "plain.txt", SAMPLE)
    merged = _write(tmp_path, "merged.txt", SAMPLE.replace(OPENING_END, OPENING_END + "\n" + MERGED + "\n", 1))
    assert merged.read_text(encoding="utf-8") != SAMPLE
    assert _overall(plain) == OWN_OVERALL
    assert _overall(merged) == OWN_OVERALL  # not 78,50 (the former xã Minh Đức of 2021) nor 80,25
    assert _years(plain) == {("closing", 2023)}
    assert _years(merged) == _years(plain)  # no year_mismatch for the restated 2021
    assert _kinds(merged) == _kinds(plain)


def test_the_own_overall_in_the_same_paragraph_after_the_restatement(tmp_path: Path) -> None:
    """One paragraph: the former communes' sentence, then the report's own overall, as a reflowed conversion joins."""
    own = "UBND xã Minh Đức được UBND huyện chấm điểm đạt 83,97/100 điểm"
    text = SAMPLE.replace(OPENING_END + "\n " + own, OPENING_END + "\n" + MERGED + " " + own, 1)
    assert MERGED + " " + own in text
    assert _overall(_write(tmp_path, "joined.txt", text)) == OWN_OVERALL


def test_a_restatement_cut_across_two_paragraphs_of_a_conversion(tmp_path: Path) -> None:
    """A converter cut the paragraph inside the restatement: "… xã Minh Tân đạt" / "80,25/100 điểm, …. Kết quả …"."""
    cut = MERGED.index("xã Minh Tân đạt") + len("xã Minh Tân đạt")
    head, tail = SAMPLE.split(OPENING_END, 1)
    own_start = tail.index("UBND xã Minh Đức được UBND huyện")
    document = docx.Document()
    for line in head.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.add_paragraph(OPENING_END.strip())
    document.add_paragraph(MERGED[:cut])
    document.add_paragraph(MERGED[cut:].strip() + " " + " ".join(tail[own_start:].split("\n\n")[0].split()))
    for paragraph in tail[own_start:].split("\n\n")[1:]:
        if paragraph.strip():
            document.add_paragraph(" ".join(paragraph.split()))
    path = tmp_path / "cut.docx"
    document.save(str(path))
    assert _overall(path) == OWN_OVERALL


def test_a_body_naming_the_wrong_year_still_is_a_year_mismatch(tmp_path: Path) -> None:
    """The restatement is no year statement; the results heading that names 2021 in a 2022 report still is one."""
    wrong = SAMPLE.replace("I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", "I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2021", 1)
    assert wrong != SAMPLE
    merged_wrong = wrong.replace(OPENING_END, OPENING_END + "\n" + MERGED + "\n", 1)
    assert _years(_write(tmp_path, "plain.txt", SAMPLE)) == {("closing", 2023)}
    assert ("body", 2021) in _years(_write(tmp_path, "wrong.txt", wrong))
    assert ("body", 2021) in _years(_write(tmp_path, "merged-wrong.txt", merged_wrong))


def test_former_units_end_offsets() -> None:
    def block(text: str) -> Block:
        return Block(kind=BlockKind.PARAGRAPH, text=text, prov=Provenance(paragraph=0))

    own = "Kết quả Chỉ số CCHC năm 2022 của UBND xã Minh Đức đạt 83,97/100 điểm, xếp thứ 8/23."
    assert former_units_end([block(MERGED)], 0) == len(MERGED)  # all restated
    assert former_units_end([block(MERGED + " " + own)], 0) == len(MERGED) + 1  # the own sentence starts there
    assert former_units_end([block(own)], 0) == 0
    # "trước" about something else: no former unit
    other = "So với năm trước, xã Minh Đức đạt 83,97/100 điểm, xếp thứ 8/23."
    assert former_units_end([block(other)], 0) == 0
    assert former_units_end([block("Năm 2021, trước khi sắp xếp: xã Minh Tân đạt"), block("80,25/100 điểm.")], 1) == 15


# -- a covering letter before the report ---------------------------------------------------------------------------

LETTER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ MINH ĐỨC",
    "Số: 12/UBND-VP",
    "V/v gửi báo cáo kết quả CCHC năm 2022",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Minh Đức, ngày 10 tháng 4 năm 2023",
    "Kính gửi: Phòng Nội vụ huyện Tứ Kỳ",
    (
        "Thực hiện hướng dẫn của UBND huyện, UBND xã Minh Đức gửi kèm theo Công văn này Báo cáo số 29/BC-UBND ngày "
        "06/4/2023 về kết quả thực hiện công tác cải cách hành chính năm 2022."
    ),
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VP.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Phạm Văn Tân",
    "",
]


def test_a_covering_letter_gives_neither_number_nor_date(tmp_path: Path) -> None:
    alone = extract_file(_write(tmp_path, "alone.txt", SAMPLE)).meta
    bound = extract_file(_write(tmp_path, "bound.txt", "\n".join(LETTER) + "\n" + SAMPLE)).meta
    assert (alone.doc_number, alone.issued_date, alone.signer) == ("29/BC-UBND", "2023-04-06", "Nguyễn Hữu Lăng")
    # not the letter's 12/UBND-VP of 10/4/2023 signed by its vice-chairman
    assert (bound.doc_number, bound.issued_date, bound.signer) == ("29/BC-UBND", "2023-04-06", "Nguyễn Hữu Lăng")
    assert bound.district == "Tứ Kỳ"  # "Kính gửi: … huyện Tứ Kỳ" / "Thực hiện …" ends at its line


def test_a_title_page_without_a_number_keeps_none_of_the_letters(tmp_path: Path) -> None:
    """The report's header prints no number: the letter's above it is still not the report's."""
    no_number = SAMPLE.replace("Số: 29/BC- UBND", "", 1)
    assert no_number != SAMPLE
    alone = extract_file(_write(tmp_path, "alone.txt", no_number)).meta
    assert (alone.doc_number, alone.issued_date) == (None, "2023-04-06")
    bound = extract_file(_write(tmp_path, "bound.txt", "\n".join(LETTER) + "\n" + no_number)).meta
    # the letter (ended by its "Nơi nhận") gives no number to a report that prints none; the date is the report's
    assert (bound.doc_number, bound.issued_date) == (None, "2023-04-06")


def test_a_covering_letter_in_a_pdf(tmp_path: Path) -> None:
    pdf = ReportPdf(tmp_path / "bound.pdf", size=12.0)
    for line in LETTER[:-1]:
        pdf.paragraph(line, indent=0.0, align="left")
    pdf.new_page()
    for paragraph in SAMPLE.split("\n\n"):
        if paragraph.strip():
            pdf.paragraph(" ".join(paragraph.split()), indent=0.0, align="left")
    meta = extract_file(pdf.save()).meta
    assert (meta.doc_number, meta.issued_date, meta.district) == ("29/BC-UBND", "2023-04-06", "Tứ Kỳ")


# -- a place name at a line's end ----------------------------------------------------------------------------------


def _end(text: str, name: str) -> str:
    start = text.index(name.split()[0])
    return text[start : place_name_end(text, start, start + len(name))]


def test_a_place_name_ends_with_its_line_or_before_a_sentence() -> None:
    assert _end("Kính gửi: Phòng Nội vụ huyện Sơn Động\nThực hiện hướng dẫn", "Sơn Động\nThực") == "Sơn Động"
    assert _end("Nơi nhận: Phòng Nội vụ huyện Thạch Hà\nTệp đính kèm: 01", "Thạch Hà\nTệp") == "Thạch Hà"
    assert _end("Kính gửi: Phòng Nội vụ huyện Võ Nhai Thực hiện hướng dẫn", "Võ Nhai Thực") == "Võ Nhai"
    # a name a reader wrapped inside stays whole: the rest of it ends its line or stops at a comma
    assert _end("của UBND tỉnh Thừa Thiên\nHuế, ngày 10/01/2024", "Thừa Thiên\nHuế") == "Thừa Thiên\nHuế"
    assert _end("thuộc tỉnh Bà Rịa - Vũng\nTàu\nI. KẾT QUẢ", "Bà Rịa - Vũng\nTàu") == "Bà Rịa - Vũng\nTàu"
    assert _end("UBND huyện Võ Nhai ban hành kế hoạch", "Võ Nhai") == "Võ Nhai"
    # wrapped inside, then a sentence goes on: whole when the text writes it on one line elsewhere, else cut
    wrapped = "của UBND tỉnh Thừa Thiên\nHuế về việc công bố"
    assert _end(wrapped, "Thừa Thiên\nHuế") == "Thừa Thiên"
    assert _end(wrapped + "; tỉnh Thừa Thiên Huế", "Thừa Thiên\nHuế") == "Thừa Thiên\nHuế"


def test_district_and_province_end_where_their_line_ends(tmp_path: Path) -> None:
    docsys = "Nơi nhận: Phòng Nội vụ huyện Tứ Kỳ\nTệp đính kèm: 01\nCơ quan ban hành: UBND xã Minh Đức\n\n"
    meta = extract_file(_write(tmp_path, "docsys.txt", docsys + SAMPLE)).meta
    assert (meta.district, meta.province) == ("Tứ Kỳ", "Hải Dương")
    # the sample names its province once, wrapped inside the name ("… tỉnh Hải" / "Dương"): kept whole
    wrapped = extract_file(_write(tmp_path, "sample.txt", SAMPLE)).meta
    assert (wrapped.district, wrapped.province) == ("Tứ Kỳ", "Hải Dương")


def test_a_pdf_letters_header_and_the_reports_are_no_running_header(tmp_path: Path) -> None:
    """Two documents' headers in capitals at the same place on pages 1 and 2 (the letter's, the report's) are not
    a running header dropped from both."""
    left_letter = [("ỦY BAN NHÂN DÂN", False), ("XÃ MINH ĐỨC", True), ("Số: 12/UBND-VP", False)]
    left_report = [("ỦY BAN NHÂN DÂN", False), ("XÃ MINH ĐỨC", True), ("Số: 29/BC-UBND", False)]
    motto = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]
    pdf = ReportPdf(tmp_path / "two-headers.pdf", size=12.0)
    pdf.two_column_header(left_letter, [*motto, ("Minh Đức, ngày 10 tháng 4 năm 2023", False)])
    for line in LETTER[7:-1]:
        pdf.paragraph(line, indent=0.0, align="left")
    pdf.new_page()
    pdf.two_column_header(left_report, [*motto, ("Minh Đức, ngày 06 tháng 4 năm 2023", False)])
    pdf.paragraph("BÁO CÁO", bold=True, indent=0.0, align="center")
    body = SAMPLE[SAMPLE.index("Tổng kết công tác Cải cách") :]
    for paragraph in [p for p in body.split("\n\n") if p.strip()][:12]:  # two pages in all: each header's place
        pdf.paragraph(" ".join(paragraph.split()), indent=0.0, align="left")  # is on half the pages
    path = pdf.save()
    meta = extract_file(path).meta
    assert (meta.unit_level, meta.unit_name, meta.doc_number, meta.issued_date) == (
        "xã",
        "Minh Đức",
        "29/BC-UBND",
        "2023-04-06",
    )
    assert [b.text for b in read_document(path).blocks[:2]] == ["ỦY BAN NHÂN DÂN", "XÃ MINH ĐỨC"]


def test_a_running_header_in_sentence_case_is_still_dropped(tmp_path: Path) -> None:
    pdf = ReportPdf(tmp_path / "running.pdf", size=12.0, running_header="UBND xã Minh Đức - Báo cáo CCHC năm 2022")
    for k, paragraph in enumerate(p for p in SAMPLE.split("\n\n") if p.strip()):
        if k in (20, 40):
            pdf.new_page()
        pdf.paragraph(" ".join(paragraph.split()), indent=0.0, align="left")
    texts = [b.text for b in read_document(pdf.save()).blocks]
    assert not any("Báo cáo CCHC năm 2022" in t for t in texts)
    assert extract_file(tmp_path / "running.pdf").meta.unit_name == "Minh Đức"


def test_a_sentences_end_at_the_same_place_on_two_pages_is_kept(tmp_path: Path) -> None:
    """The same words ending a sentence at the top of two pages ("chất lượng và thời gian.", held-out round 20's
    duong-huu-2022) are the body's, not a running header; a running header in sentence case still goes (negative)."""
    pdf = ReportPdf(tmp_path / "carried.pdf", size=12.0, running_header="Báo cáo CCHC năm 2022 - xã Minh Đức")
    firsts = [
        "- Mục 1.5 (Sáng kiến, giải pháp mới trong thực hiện CCHC): thực hiện kịp thời, đảm bảo",
        "- Mục 3.2 (Công khai TTHC): thực hiện kịp thời, đảm bảo",
    ]
    for k, first in enumerate(firsts):
        if k:
            pdf.new_page()
        pdf.y = 80.0
        for line in (first, "chất lượng và thời gian.", "- Các nhiệm vụ được triển khai kịp thời."):
            pdf.draw_line(85.0, pdf.y, line)
            pdf.y += 12.0 * 1.35
    texts = [b.text for b in read_document(pdf.save()).blocks]
    assert sum(t.count("chất lượng và thời gian.") for t in texts) == 2
    assert not any("Báo cáo CCHC năm 2022" in t for t in texts)
