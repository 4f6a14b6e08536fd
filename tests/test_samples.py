"""The sample documents: rebuildable, faithful to the sample text, and truth files that add up."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pdfplumber
import pytest
import regex as re
from docx.oxml.ns import qn

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TXT = SAMPLES / "minh-duc-2022.txt"
DOCUMENTS = [
    "minh-duc-2022.pdf",
    "minh-duc-2022.docx",
    "dong-hoa-2023.pdf",
    "phuoc-an-2021.docx",
    "dong-lac-2023.pdf",
]
TRUTHS = ["minh-duc-2022", "dong-hoa-2023", "phuoc-an-2021", "dong-lac-2023"]
LABEL_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.$")
PAGE_LINE_RE = re.compile(r"^(?:\d{1,3}|Trang \d+/\d+)$")


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_samples", SAMPLES / "build_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    builder.build_all(out)
    return out


@functools.cache
def pdf_pages(path: Path) -> tuple[str, ...]:
    """Text of each page (pdfplumber), cached: extraction is the slow part of these tests."""
    with pdfplumber.open(path) as pdf:
        return tuple(page.extract_text() or "" for page in pdf.pages)


def pdf_body_words(path: Path, running_header: str | None = None) -> list[str]:
    """Words of a PDF without page-number lines and running header lines."""
    words: list[str] = []
    for page in pdf_pages(path):
        for line in page.splitlines():
            if PAGE_LINE_RE.match(line.strip()) or (running_header and line.strip() == running_header):
                continue
            words += line.split()
    return words


def docx_texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def num_pr(paragraph: Any) -> tuple[int, int] | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None:
        return None
    return ppr.numPr.numId.val, ppr.numPr.ilvl.val


def sample_words() -> Counter[str]:
    """Words of the sample text, less the stray page number "8" alone on its line."""
    lines = TXT.read_text(encoding="utf-8").splitlines()
    words = Counter(w for line in lines if line.strip() != "8" for w in line.split())
    assert sum(1 for line in lines if line.strip() == "8") == 1
    return words


# --- rebuild ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_rebuild_reproduces_the_committed_documents(rebuilt: Path, name: str) -> None:
    committed, fresh = SAMPLES / name, rebuilt / name
    if fresh.read_bytes() == committed.read_bytes():
        return  # same bytes, same text (the usual case: the build is deterministic)
    if name.endswith(".pdf"):
        assert pdf_pages(fresh) == pdf_pages(committed)
    else:
        assert docx_texts(fresh) == docx_texts(committed)


@pytest.mark.parametrize("name", TRUTHS)
def test_rebuild_reproduces_the_truth_files(rebuilt: Path, name: str) -> None:
    fresh = json.loads((rebuilt / "truth" / f"{name}.json").read_text(encoding="utf-8"))
    assert fresh == json.loads((SAMPLES / "truth" / f"{name}.json").read_text(encoding="utf-8"))


def test_build_is_byte_deterministic(rebuilt: Path, tmp_path: Path) -> None:
    builder.build_all(tmp_path)
    for name in DOCUMENTS:
        assert (tmp_path / name).read_bytes() == (rebuilt / name).read_bytes(), name


def test_missing_font_names_the_debian_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder, "FONT_DIR", tmp_path)
    with pytest.raises(SystemExit) as exc:
        builder.register_fonts()
    assert "apt-get install -y fonts-dejavu-core" in str(exc.value)
    assert "DejaVuSerif.ttf" in str(exc.value)


# --- the real sample as PDF and DOCX ---------------------------------------------------------------


def test_sample_pdf_keeps_every_word_of_the_text() -> None:
    words = Counter(pdf_body_words(SAMPLES / "minh-duc-2022.pdf"))
    assert words == sample_words()


@pytest.mark.parametrize(
    "number",
    [
        "8,97/,11,5",
        "83,97/100",
        "2/19",
        "2/10",
        "3150/3155=99,8%",
        "2.252/3.177",
        "15,52/18,5",
        "9,67/10",
        "8/23",
        "855/QĐ-UBND",
        "06/5/2022",
    ],
)
def test_sample_pdf_states_the_numbers_of_the_text(number: str) -> None:
    text = " ".join(pdf_pages(SAMPLES / "minh-duc-2022.pdf"))
    assert number in TXT.read_text(encoding="utf-8")
    assert number in text


def test_sample_pdf_has_every_number_token_of_the_text() -> None:
    number = re.compile(r"\d[\d.,/=%]*")
    txt = Counter(
        m.group()
        for line in TXT.read_text(encoding="utf-8").splitlines()
        if line.strip() != "8"
        for m in number.finditer(line)
    )
    pdf = Counter(
        m.group() for w in pdf_body_words(SAMPLES / "minh-duc-2022.pdf") for m in number.finditer(w)
    )
    assert pdf == txt
    assert txt["8,97/,11,5"] == 1 and txt["2/10"] == 1


def test_sample_pdf_pages_and_page_numbers() -> None:
    pages = pdf_pages(SAMPLES / "minh-duc-2022.pdf")
    assert 8 <= len(pages) <= 11
    assert [page.splitlines()[-1].strip() for page in pages] == [str(i) for i in range(1, len(pages) + 1)]
    assert "Cái cách thể chế" in pages[-2] + pages[-3]


def test_sample_pdf_header_is_two_columns() -> None:
    with pdfplumber.open(SAMPLES / "minh-duc-2022.pdf") as pdf:
        chars = pdf.pages[0].chars
    line = "".join(c["text"] for c in chars)
    left_at, right_at = line.index("ỦY BAN NHÂN DÂN"), line.index("CỘNG HÒA XÃ HỘI")
    left = chars[left_at : left_at + len("ỦY BAN NHÂN DÂN")]
    right = chars[right_at : right_at + len("CỘNG HÒA XÃ HỘI")]
    assert abs(left[0]["bottom"] - right[0]["bottom"]) < 0.5
    assert left[-1]["x1"] < right[0]["x0"] - 10
    # and the date line sits in the right column, below the motto
    date_at = line.index("Minh Đức, ngày 06")
    assert chars[date_at]["x0"] > left[-1]["x1"]


def test_sample_docx_keeps_every_word_outside_its_automatic_numbers() -> None:
    document = docx.Document(str(SAMPLES / "minh-duc-2022.docx"))
    words = Counter(w for text in docx_texts(SAMPLES / "minh-duc-2022.docx") for w in text.split())
    missing = sample_words() - words
    assert words - sample_words() == Counter()
    assert all(LABEL_RE.match(w) for w in missing), missing
    numbered = [p for p in document.paragraphs if num_pr(p)]
    assert sum(missing.values()) == len(numbered) == 19


def test_sample_docx_automatic_numbering() -> None:
    document = docx.Document(str(SAMPLES / "minh-duc-2022.docx"))
    paras = document.paragraphs
    by_text = {p.text: p for p in paras}
    plan = [
        "Công tác chỉ đạo, điều hành",
        "Cái cách thể chế",
        "Cải cách thủ tục hành chính",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Cải cách chế độ công vụ",
        "Cải cách tài chính công",
        "Xây dựng và phát triển Chính quyền điện tử, chính quyền số",
    ]
    plan_nums = {num_pr(by_text[t]) for t in plan}
    assert len(plan_nums) == 1
    plan_num = plan_nums.pop()
    assert plan_num is not None and plan_num[1] == 0
    iii = [
        by_text["Ưu điểm:"],
        by_text["Tồn tại, hạn chế:"],
        by_text["Nguyên nhân của những tồn tại, hạn chế:"],
    ]
    iii_num = num_pr(iii[0])
    assert iii_num is not None and iii_num[0] != plan_num[0]
    assert {num_pr(p) for p in iii} == {(iii_num[0], 0)}
    assert num_pr(by_text["Lĩnh vực cải cách chế độ công vụ"]) == (iii_num[0], 1)
    # the numbering part defines "%1." and "%1.%2." for those lists
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == iii_num[0])
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    texts = [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in abstract.findall(qn("w:lvl"))]
    assert texts[:2] == ["%1.", "%1.%2."]
    # irregular numbering stays literal; roman sections use Heading 1
    literal = [
        p for p in paras if p.text.startswith(("9. Về chỉ số đánh giá", "1. Về tác động", "3.7 Tiếp nhận"))
    ]
    assert len(literal) == 3 and not any(num_pr(p) for p in literal)
    headings = [p.text for p in paras if p.style is not None and p.style.name == "Heading 1"]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V"]


def test_sample_docx_header_is_a_two_column_table() -> None:
    document = docx.Document(str(SAMPLES / "minh-duc-2022.docx"))
    left, right = document.tables[0].rows[0].cells
    assert left.text.splitlines() == ["ỦY BAN NHÂN DÂN", "XÃ MINH ĐỨC", "Số: 29/BC- UBND"]
    assert right.text.splitlines() == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Minh Đức, ngày 06 tháng 4 năm 2023",
    ]
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


# --- truth files ------------------------------------------------------------------------------------


def load_truth(name: str) -> dict:
    return json.loads((SAMPLES / "truth" / f"{name}.json").read_text(encoding="utf-8"))


def planted(truth: dict, kind: str) -> set[str]:
    return {p["subject"] for p in truth["planted"] if p["kind"] == kind}


KINDS = {
    "percent_mismatch",
    "total_mismatch",
    "deduction_mismatch",
    "conflicting_values",
    "status_contradiction",
    "numbering_gap",
    "missing_criterion",
    "year_mismatch",
    "rank_out_of_range",
    "date_inconsistency",
    "malformed_number",
}


@pytest.mark.parametrize("name", TRUTHS)
def test_truth_files_add_up_except_where_planted(name: str) -> None:
    truth = load_truth(name)
    crits = truth["criteria"]
    assert sorted(crits, key=int) == [str(i) for i in range(1, 11)]
    assert {p["kind"] for p in truth["planted"]} <= KINDS
    score_sum = sum(Decimal(str(c["score"])) for c in crits.values())
    max_sum = sum(Decimal(str(c["max_score"])) for c in crits.values())
    overall = truth["overall"]
    assert max_sum == Decimal(str(overall["max_score"])) == 100
    if "overall" in planted(truth, "total_mismatch"):
        assert score_sum != Decimal(str(overall["score"]))
    else:
        assert score_sum == Decimal(str(overall["score"]))
    for code, c in crits.items():
        printed = Decimal(str(c["percent"]))
        places = max(0, -int(printed.as_tuple().exponent))
        exact = Decimal(str(c["score"])) / Decimal(str(c["max_score"])) * 100
        # printed at its own precision, allowing the score itself to be rounded to 2 decimals
        slack = Decimal(5).scaleb(-places - 1) + Decimal("0.005") / Decimal(str(c["max_score"])) * 100
        agrees = abs(exact - printed) <= slack
        assert agrees != (code in planted(truth, "percent_mismatch")), (name, code, exact, printed)
        if c["rank"] is not None:
            assert (c["rank"] > c["rank_total"]) == (code in planted(truth, "rank_out_of_range")), (
                name,
                code,
            )


def test_clean_report_plants_nothing_and_rounds_half_up() -> None:
    truth = load_truth("dong-lac-2023")
    assert truth["planted"] == []
    for c in truth["criteria"].values():
        exact = Decimal(str(c["score"])) / Decimal(str(c["max_score"])) * 100
        assert Decimal(str(c["percent"])) == exact.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


# --- invented reports: what the documents state ------------------------------------------------------


def vn(value: float) -> str:
    return format(Decimal(str(value)).normalize(), "f").replace(".", ",")


def test_table_report_breaks_its_table_across_two_pages() -> None:
    truth = load_truth("dong-hoa-2023")
    rows: list[list[str]] = []
    pages_with_rows = []
    with pdfplumber.open(SAMPLES / "dong-hoa-2023.pdf") as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += [[(cell or "").replace("\n", " ") for cell in row] for row in table]
                pages_with_rows.append(page.page_number)
    assert pages_with_rows == [1, 2]
    assert rows[0] == ["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)", "Xếp hạng"]
    assert rows.count(rows[0]) == 1  # header not repeated on page 2
    body = {row[0]: row for row in rows[1:] if row[0]}
    assert sorted(body, key=int) == [str(i) for i in range(1, 11)]
    for code, c in truth["criteria"].items():
        assert body[code][2:5] == [vn(c["max_score"]), vn(c["score"]), vn(c["percent"])]
    assert body["5"][5] == "21/19" and body["7"][4] == "82,54"
    assert rows[-1][1:] == ["Tổng cộng", "100", "89,88", "89,88", "4/19"]
    text = " ".join(pdf_pages(SAMPLES / "dong-hoa-2023.pdf"))
    assert "89.88 điểm" in text and "15.25 điểm" in text and "thị xã Phú Lâm" in text


def test_docx_report_numbers_criteria_only_in_numbering_xml() -> None:
    truth = load_truth("phuoc-an-2021")
    document = docx.Document(str(SAMPLES / "phuoc-an-2021.docx"))
    heads = [p for p in document.paragraphs if num_pr(p)]
    assert len(heads) == 10 and len({num_pr(p) for p in heads}) == 1
    for p, (code, c) in zip(heads, truth["criteria"].items()):
        assert p.text.startswith("Chỉ số thành phần ") and not p.text[0].isdigit()
        assert f"đạt {vn(c['score'])}/{vn(c['max_score'])} điểm ({vn(c['percent'])}%)" in p.text, code
        assert f"xếp hạng {c['rank']}/{c['rank_total']}" in p.text
        assert p.style is not None and p.style.name == "Normal" and all(r.bold for r in p.runs)
    assert "đạt 12,5/14 điểm (89,29%), xếp hạng 3/20, tăng 2 bậc" in heads[0].text
    assert not any(p.style is not None and p.style.name.startswith("Heading") for p in document.paragraphs)
    text = "\n".join(docx_texts(SAMPLES / "phuoc-an-2021.docx"))
    assert "90,35/100 điểm" in text and "ngày 25/02/2022" in text and "ngày 10 tháng 02 năm 2022" in text
    assert "Chỉ số 6.2 (Công khai dự toán, quyết toán ngân sách thị trấn): đạt 1,5/2 điểm." in text


def test_clean_report_has_running_header_and_page_numbers_on_every_page() -> None:
    truth = load_truth("dong-lac-2023")
    pages = pdf_pages(SAMPLES / "dong-lac-2023.pdf")
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        lines = page.splitlines()
        assert lines[0] == "Báo cáo CCHC năm 2023 - xã Đồng Lạc"
        assert lines[-1] == f"Trang {i}/{len(pages)}"
    text = " ".join(pdf_body_words(SAMPLES / "dong-lac-2023.pdf", "Báo cáo CCHC năm 2023 - xã Đồng Lạc"))
    for c in truth["criteria"].values():
        assert f"đạt {vn(c['score'])}/{vn(c['max_score'])} điểm, tỷ lệ {vn(c['percent'])}%" in text
    assert "đạt 90,85/100 điểm, tỷ lệ 90,85%, xếp thứ 3/18" in text


@pytest.mark.parametrize("name", ["dong-hoa-2023", "phuoc-an-2021", "dong-lac-2023"])
def test_invented_reports_state_their_metadata(name: str) -> None:
    truth = load_truth(name)
    path = SAMPLES / truth["file"]
    text = " ".join(pdf_pages(path)) if path.suffix == ".pdf" else "\n".join(docx_texts(path))
    text = " ".join(text.split())
    meta = truth["meta"]
    assert f"Số: {meta['doc_number']}" in text
    assert f"{meta['unit_level']} {meta['unit_name']}".lower() in text.lower()
    assert meta["district"] in text and meta["signer"] in text
    year, month, day = meta["issued_date"].split("-")
    assert re.search(rf"ngày {int(day):02d}|ngày {int(day)} tháng 0?{int(month)} năm {year}", text)
    assert f"năm {meta['report_year']}" in text
