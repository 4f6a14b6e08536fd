"""DOCX made by PDF-to-Word converters, built here with python-docx from the printed lines of the
sample report (samples/minh-duc-2022.txt): one paragraph per printed line, or paragraphs that hold
two printed lines each (so headings share a paragraph with the text before or after them and
sentences break in the middle). They must extract like the report itself: the values below are
read from the report by a person (samples/truth/minh-duc-2022.json)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from cchc.api import extract_file
from cchc.extractors.document import BlockKind
from cchc.extractors.readers.docx import read_docx

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TRUTH = json.loads((SAMPLES / "truth" / "minh-duc-2022.json").read_text("utf-8"))
FIELDS = ("score", "max_score", "percent", "rank", "rank_total", "rank_change")


def printed_lines() -> list[str]:
    """The report's printed lines (blank lines and lone page numbers are what a converter drops or keeps)."""
    return [line.strip() for line in (SAMPLES / "minh-duc-2022.txt").read_text("utf-8").splitlines()]


def converted_docx(path: Path, per_paragraph: int, keep_blank: bool = False) -> Path:
    """A DOCX as a PDF-to-Word converter writes it: the two-column header and title, and the two-column
    closing ("Nơi nhận:" | signature), one paragraph per printed line; ``per_paragraph`` printed lines in
    each paragraph of the body between them (from "Căn cứ …")."""
    document = docx.Document()
    lines = [line for line in printed_lines() if line or keep_blank]
    body = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ"))
    closing = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    for line in lines[:body]:
        document.add_paragraph(line)
    for start in range(body, closing, per_paragraph):
        document.add_paragraph(" ".join(part for part in lines[start : min(start + per_paragraph, closing)] if part))
    for line in lines[closing:]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture(scope="module", params=[(1, False), (1, True), (2, False), (3, False)],
                ids=["line-per-paragraph", "line-per-paragraph-with-blanks", "two-lines", "three-lines"])
def converted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    per_paragraph, keep_blank = request.param
    return converted_docx(tmp_path_factory.mktemp("converted") / "minh-duc-2022.docx", per_paragraph, keep_blank)


def test_converted_docx_gives_the_reports_values(converted: Path) -> None:
    record = extract_file(converted)
    meta = TRUTH["meta"]
    assert {k: getattr(record.meta, k) for k in meta} == meta
    assert {f: getattr(record.overall, f) for f in FIELDS} == {f: TRUTH["overall"][f] for f in FIELDS}
    assert record.overall.classification == "hoàn thành tốt nhiệm vụ"
    criteria = {c.code: {f: getattr(c, f) for f in FIELDS} for c in record.criteria}
    assert criteria == {code: {f: row[f] for f in FIELDS} for code, row in TRUTH["criteria"].items()}


def test_converted_docx_gives_the_planted_findings(converted: Path) -> None:
    record = extract_file(converted)
    found = {(f.kind, f.subject) for f in record.findings}
    planted = {(p["kind"], p["subject"]) for p in TRUTH["planted"] if p["kind"] != "conflicting_values"}
    assert planted <= found
    assert {f.kind for f in record.findings if f.kind == "conflicting_values"} == {"conflicting_values"}
    # the same findings as the report's text form, and no more
    text = extract_file(SAMPLES / "minh-duc-2022.txt")
    assert sorted((f.kind, f.subject) for f in record.findings) == sorted((f.kind, f.subject) for f in text.findings)


def test_lines_broken_mid_sentence_are_one_block(tmp_path: Path) -> None:
    doc = read_docx(converted_docx(tmp_path / "lines.docx", 1))
    texts = [b.text for b in doc.blocks]
    assert (
        "1. Về công tác chỉ đạo, điều hành:12,7/15 điểm, đạt tỷ lệ 87,67%. Xếp thứ 5/19 nhóm hạng các xã, "
        "thị trấn, tăng 6 bậc so với năm 2021."
    ) in texts
    block = next(b for b in doc.blocks if b.text.startswith("1. Về công tác chỉ đạo"))
    assert [prov.paragraph for _, prov in block.lines] == [block.prov.paragraph, block.prov.paragraph + 1]
    assert block.kind is BlockKind.HEADING and block.level == 1


def test_heading_inside_a_paragraph_starts_its_own_block(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("và được xếp loại hoàn thành tốt nhiệm vụ. I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022")
    document.add_paragraph("1. Về công tác chỉ đạo, điều hành:12,7/15 điểm, đạt tỷ lệ 87,67%. Xếp")
    document.add_paragraph("thứ 5/19 nhóm hạng các xã, thị trấn, tăng 6 bậc so với năm 2021. 1.1. Các chỉ số")
    document.add_paragraph("thành phần đạt điểm tuyệt đối :")
    path = tmp_path / "shared.docx"
    document.save(str(path))
    # the paragraphs of a converted report come first, so the reader sees the document as converted
    texts = [b.text for b in read_docx(path).blocks]
    assert texts == [
        "và được xếp loại hoàn thành tốt nhiệm vụ.",
        "I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022",
        ("1. Về công tác chỉ đạo, điều hành:12,7/15 điểm, đạt tỷ lệ 87,67%. Xếp thứ 5/19 nhóm hạng các xã, thị trấn, "
        "tăng 6 bậc so với năm 2021."),
        "1.1. Các chỉ số thành phần đạt điểm tuyệt đối :",
    ]


def test_authored_docx_paragraphs_are_not_reflowed() -> None:
    """A DOCX written in Word keeps its paragraphs: the sample's title lines stay two paragraphs."""
    texts = [b.text for b in read_docx(SAMPLES / "phuoc-an-2021.docx").blocks]
    assert "Phân tích, đánh giá kết quả Chỉ số cải cách hành chính năm 2021" in texts
    assert "của UBND thị trấn Phước An" in texts
    assert not [w for w in read_docx(SAMPLES / "phuoc-an-2021.docx").warnings if "converter" in w]


@pytest.mark.parametrize(
    ("paragraph", "pieces"),
    [
        ("nhiệm vụ. I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", ["nhiệm vụ.", "I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022"]),
        ("I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022 1. Về công tác chỉ đạo, điều hành:12,7/15 điểm",
         ["I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", "1. Về công tác chỉ đạo, điều hành:12,7/15 điểm"]),
        ("1. Công tác chỉ đạo, điều hành 2. Cái cách thể chế", ["1. Công tác chỉ đạo, điều hành", "2. Cái cách thể chế"]),
        ("đầy đủ, đúng quy định - Mục 1.3 (Kiểm tra công tác CCHC): Công tác",
         ["đầy đủ, đúng quy định", "- Mục 1.3 (Kiểm tra công tác CCHC): Công tác"]),
        ("(đạt tỷ lệ 100%); +Thực hiện việc xin lỗi", ["(đạt tỷ lệ 100%);", "+Thực hiện việc xin lỗi"]),
        ("người đứng đầu cơ quan. Trên đây là Báo cáo tổng kết", ["người đứng đầu cơ quan.", "Trên đây là Báo cáo tổng kết"]),
        # what stays whole
        ("Độc lập - Tự do - Hạnh phúc", ["Độc lập - Tự do - Hạnh phúc"]),
        ("thực hiện theo Điều 1. Phạm vi điều chỉnh của Nghị định", ["thực hiện theo Điều 1. Phạm vi điều chỉnh của Nghị định"]),
        ("giải quyết trong năm. 2.252 hồ sơ đúng hạn", ["giải quyết trong năm. 2.252 hồ sơ đúng hạn"]),
        ("Tư pháp – Hộ tịch vì vậy đạt 0,5/1 điểm", ["Tư pháp – Hộ tịch vì vậy đạt 0,5/1 điểm"]),
        ("trong năm với thôn Mép 3. Cuộc họp", ["trong năm với thôn Mép 3. Cuộc họp"]),  # no "2." before it
        ("có 1/2 sáng kiến kinh nghiệm, đạt 1/2 điểm (50%).", ["có 1/2 sáng kiến kinh nghiệm, đạt 1/2 điểm (50%)."]),
    ],
)
def test_headings_and_items_found_inside_a_paragraph(paragraph: str, pieces: list[str]) -> None:
    from cchc.extractors.readers.reflow import split_inner_starts

    assert split_inner_starts(paragraph) == pieces
