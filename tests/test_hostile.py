"""Hostile and broken inputs in one batch: each fails alone with a one-line message naming the file
and the cause; the good reports of the same batch are processed; nothing is half-written."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from cchc.pipeline.batch import output_names, process_file
from cchc.settings import Settings
from tests.pdf_factory import ReportPdf, prose_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LIMITS = Settings(max_pages=12, max_docx_xml_bytes=1_000_000, max_page_objects=50_000, ocr=False)


def _docx_with(document_xml: bytes, *, compress: bool = True) -> bytes:
    """A DOCX package around the given document.xml (the rest copied from the sample DOCX)."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLES / "minh-duc-2022.docx") as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = document_xml if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED)
    return out.getvalue()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, object]]:
    inbox = tmp_path_factory.mktemp("inbox")
    out = tmp_path_factory.mktemp("out")
    files: dict[str, Path] = {}

    def put(key: str, name: str, data: bytes) -> None:
        path = inbox / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        files[key] = path

    good_pdf = (SAMPLES / "minh-duc-2022.pdf").read_bytes()
    put("good", "Báo cáo xã Minh Đức 2022.txt", (SAMPLES / "minh-duc-2022.txt").read_bytes())
    put("good_pdf", "sub dir/báo cáo.pdf", good_pdf)
    put("empty", "trống.pdf", b"")
    put("png_pdf", "ảnh.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    put("zip_docx", "nén.docx", _zip_of({"readme.txt": b"not a report"}))
    put("zip_pdf", "nén.pdf", _zip_of({"a.txt": b"x"}))
    put("truncated", "cắt.pdf", good_pdf[: len(good_pdf) // 2])
    bomb = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + b" " * 3_000_000 + b"</w:body></w:document>"
    put("bomb", "bom.docx", _docx_with(bomb))
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    put("entities", "thực thể.docx", _docx_with(laughs))
    locked = ReportPdf(inbox / "khóa.pdf", encrypt="secret")
    locked.paragraph("Cải cách thể chế: 5/5 điểm.")
    files["encrypted"] = locked.save()
    many = prose_pdf(inbox / "nhiều trang.pdf", pages=13, paragraphs_per_page=1)
    files["many_pages"] = many
    dense = ReportPdf(inbox / "dày đặc.pdf", size=2.0, leading=1.0)
    for _ in range(40):
        dense.paragraph("Cải cách hành chính " * 400, indent=0)
    files["dense"] = dense.save()
    put("letter", "công văn.txt", (
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/UBND-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "An Bình, ngày 05 tháng 3 năm 2023\nV/v mời họp giao ban tháng 3\n"
        "UBND xã An Bình kính mời các đồng chí dự họp giao ban vào ngày 10/3/2023 tại hội trường UBND xã.\n"
    ).encode())
    # "../" inside the path given for an input: the record must still land inside the output folder
    escaped = inbox / "sub dir" / ".." / "Báo cáo xã Minh Đức 2022.txt"
    files["dotdot"] = escaped

    paths = list(files.values())
    names = dict(zip(paths, output_names(paths)))
    results = {key: (path, process_file(path, out, LIMITS, name=names[path])) for key, path in files.items()}
    results["_out"] = (out, None)
    return results


def _zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


CASES = {
    "empty": "empty file (0 bytes)",
    "png_pdf": "an image, not a PDF, DOCX or text report",
    "zip_docx": "word/document.xml",
    "zip_pdf": "a ZIP archive behind a .pdf name",
    "truncated": "truncated PDF",
    "bomb": "over the limit",
    "entities": "DOCTYPE",
    "encrypted": "needs a user password",
    "many_pages": "over the limit of 12",
    "dense": "over the limit of 50000 (max_page_objects)",
}


@pytest.mark.parametrize("key", sorted(CASES))
def test_hostile_input_fails_alone_with_a_clear_message(batch, key: str) -> None:
    path, outcome = batch[key]
    assert outcome.status == "failed"
    assert outcome.error.startswith(f"{path}: ") and "\n" not in outcome.error
    assert CASES[key] in outcome.error
    out = batch["_out"][0]
    assert not (out / "records" / f"{outcome.name}.json").exists()


def test_the_good_reports_of_the_batch_are_processed(batch) -> None:
    out = batch["_out"][0]
    for key in ("good", "good_pdf", "dotdot"):
        _path, outcome = batch[key]
        assert outcome.status == "ok", outcome.error
        record = json.loads((out / outcome.record).read_text("utf-8"))
        assert record["overall"]["score"] == 83.97 and record["meta"]["unit_name"] == "Minh Đức"
    assert not list(out.rglob("*.tmp"))  # nothing half-written


def test_names_with_spaces_vietnamese_letters_and_dotdot_stay_inside_the_output(batch) -> None:
    out = batch["_out"][0].resolve()
    for key in ("good", "good_pdf", "dotdot"):
        _, outcome = batch[key]
        written = (out / outcome.record).resolve()
        assert written.parent == out / "records"
    # three inputs share the stem (a .txt, a .pdf, the .txt again through "sub dir/.."): stem + a hash of the path
    assert batch["good"][1].name.startswith("Báo cáo xã Minh Đức 2022-")
    assert batch["good"][1].name != batch["good_pdf"][1].name


def test_a_letter_is_extracted_with_a_not_scored_warning(batch) -> None:
    _path, outcome = batch["letter"]
    assert outcome.status == "ok"
    record = json.loads((batch["_out"][0] / outcome.record).read_text("utf-8"))
    assert record["is_scored_report"] is False and record["meta"]["unit_name"] == "An Bình"
    kinds = [(f["kind"], f["severity"]) for f in record["findings"]]
    assert kinds == [("not_scored_report", "warning")]
