"""Criteria tables in Word as offices make them (issue 11, held-out round 13): a frame table around the table and
its caption, the total row first, a total as a formula field, a number inside a hyperlink, a landscape section."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers.docx import read_docx

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN PHÚ",
    "Số: 07/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Tân Phú, ngày 15 tháng 01 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2023",
    "UBND xã Tân Phú báo cáo kết quả Chỉ số CCHC năm 2023 như sau:",
    "I. KẾT QUẢ CHỈ SỐ CCHC NĂM 2023",
]
# (code, title, max, score, percent as printed): the maxima add up to 100, the scores to 90,5
ROWS = [
    ("1", "Công tác chỉ đạo, điều hành CCHC", "13", "12", "92,31"),
    ("2", "Cải cách thể chế", "5", "4,5", "90,00"),
    ("3", "Cải cách thủ tục hành chính", "20", "18,5", "92,50"),
    ("4", "Cải cách tổ chức bộ máy hành chính nhà nước", "6", "5", "83,33"),
    ("5", "Cải cách chế độ công vụ", "11", "10", "90,91"),
    ("6", "Cải cách tài chính công", "7", "6,5", "92,86"),
    ("7", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "12", "11", "91,67"),
    ("8", "Tác động của cải cách hành chính đến phát triển kinh tế - xã hội", "3", "2,5", "83,33"),
    ("9", "Đánh giá tác động của các tổ chức đối với cải cách hành chính", "11", "9,5", "86,36"),
    ("10", "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước", "12", "11", "91,67"),
]
EXPECTED = {
    "1": (12.0, 13.0), "2": (4.5, 5.0), "3": (18.5, 20.0), "4": (5.0, 6.0), "5": (10.0, 11.0),
    "6": (6.5, 7.0), "7": (11.0, 12.0), "8": (2.5, 3.0), "9": (9.5, 11.0), "10": (11.0, 12.0),
}
HEAD = ("STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)")
TOTAL = ("", "Tổng cộng", "100", "90,5", "90,50")


def _fill(table, rows) -> None:  # type: ignore[no-untyped-def]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def _criteria(path: Path) -> dict[str, tuple[float | None, float | None]]:
    record = extract_file(path)
    return {c.code: (c.score, c.max_score) for c in record.criteria}


def _report(tmp_path: Path, body) -> Path:  # type: ignore[no-untyped-def]
    document = docx.Document()
    for text in HEADER:
        document.add_paragraph(text)
    body(document)
    document.add_paragraph("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 của UBND xã Tân Phú./.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path


def test_a_criteria_table_inside_a_one_cell_frame_is_read_with_its_caption_apart(tmp_path: Path) -> None:
    def framed(document) -> None:  # type: ignore[no-untyped-def]
        frame = document.add_table(rows=1, cols=1)
        frame.style = "Table Grid"
        cell = frame.cell(0, 0)
        cell.paragraphs[0].text = "Bảng 1. Kết quả Chỉ số CCHC năm 2023 theo từng lĩnh vực"
        inner = cell.add_table(rows=len(ROWS) + 2, cols=5)
        _fill(inner, [HEAD, *ROWS, TOTAL])

    path = _report(tmp_path, framed)
    assert _criteria(path) == EXPECTED
    blocks = read_docx(path).blocks
    caption = next(b for b in blocks if b.text.startswith("Bảng 1."))
    assert caption.kind != BlockKind.TABLE and "Cải cách thể chế" not in caption.text
    # a one-cell table without a table inside stays one block (a boxed note), as before
    def boxed(document) -> None:  # type: ignore[no-untyped-def]
        box = document.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        box.cell(0, 0).paragraphs[0].text = "Ghi chú: điểm được làm tròn đến hai chữ số thập phân."
        box.cell(0, 0).add_paragraph("Nguồn: Quyết định công bố Chỉ số CCHC năm 2023.")
    blocks = read_docx(_report(tmp_path, boxed)).blocks
    note = [b for b in blocks if "Ghi chú" in b.text]
    assert len(note) == 1 and "Nguồn: Quyết định" in note[0].text


def _formula_total(cell, value: str, simple: bool) -> None:  # type: ignore[no-untyped-def]
    """A total typed as a Word formula: its shown value is the field's cached result."""
    paragraph = cell.paragraphs[0]
    if simple:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), " =SUM(BELOW) ")
        field.append(_text_run(value))
        paragraph._p.append(field)
        return
    for kind, body in (("begin", None), (None, " =SUM(BELOW) "), ("separate", None), (None, value), ("end", None)):
        run = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        else:
            text = OxmlElement("w:instrText" if body.startswith(" =") else "w:t")
            text.text = body
            run.append(text)
        paragraph._p.append(run)


def _text_run(value: str):  # type: ignore[no-untyped-def]
    """A w:r holding ``value`` as its w:t."""
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = value
    run.append(text)
    return run


def _hyperlinked(cell, value: str) -> None:  # type: ignore[no-untyped-def]
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "bang1")
    link.append(_text_run(value))
    cell.paragraphs[0]._p.append(link)


@pytest.mark.parametrize("simple", [True, False])  # w:fldSimple, or w:fldChar begin/separate/end
def test_a_total_row_first_with_a_formula_and_a_hyperlinked_score_in_a_landscape_section(tmp_path: Path, simple: bool) -> None:
    def office(document) -> None:  # type: ignore[no-untyped-def]
        section = document.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        table = document.add_table(rows=len(ROWS) + 2, cols=5)
        table.style = "Table Grid"
        _fill(table, [HEAD, (*TOTAL[:3], "", TOTAL[4]), *ROWS])
        _formula_total(table.cell(1, 3), "90,5", simple)
        table.cell(4, 3).text = ""
        _hyperlinked(table.cell(4, 3), "18,5")
        document.add_section()

    path = _report(tmp_path, office)
    record = extract_file(path)
    assert {c.code: (c.score, c.max_score) for c in record.criteria} == EXPECTED
    assert (record.overall.score, record.overall.max_score) == (90.5, 100.0)
    assert [f.kind for f in record.findings if f.kind in ("missing_criterion", "total_mismatch")] == []
    # the field code itself is not text: "SUM" appears nowhere
    assert not any("SUM" in b.text for b in read_docx(path).blocks)


def _prose_report(tmp_path: Path, headed: bool, tasks_heading: bool = False):  # type: ignore[no-untyped-def]
    lines = [*HEADER[:9], "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2023"]
    for code, title, maximum, score, percent in ROWS:
        if code == "3":
            if headed:  # the heading is there, its score in no form the reader knows
                lines += [f"{code}. {title}", "Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa."]
            continue
        lines += [f"{code}. {title}", f"Đạt {score}/{maximum} điểm, tỷ lệ {percent}%."]
    lines += ["II. NHIỆM VỤ NĂM 2024"]
    if tasks_heading:
        lines += ["1. Cải cách thủ tục hành chính", "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính."]
    lines += ["Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2023 của UBND xã Tân Phú./."]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return extract_file(path)


def test_a_criterion_headed_but_with_no_score_read_is_not_said_absent(tmp_path: Path) -> None:
    record = _prose_report(tmp_path, headed=True)
    assert "3" not in {c.code for c in record.criteria if c.score is not None}
    hits = [(f.subject, f.severity) for f in record.findings if f.kind == "missing_criterion"]
    assert hits == [("3", "info")]
    finding = next(f for f in record.findings if f.kind == "missing_criterion")
    assert "not read" in finding.message_en and "3. Cải cách thủ tục hành chính" in finding.evidence[0].text
    # no heading for criterion 3: it is absent, a warning
    record = _prose_report(tmp_path, headed=False)
    assert [(f.subject, f.severity) for f in record.findings if f.kind == "missing_criterion"] == [("3", "warning")]
    # a heading of that name among next year's tasks (another section) is not the criterion
    record = _prose_report(tmp_path, headed=False, tasks_heading=True)
    assert [(f.subject, f.severity) for f in record.findings if f.kind == "missing_criterion"] == [("3", "warning")]
