"""Text reader: the encodings Vietnamese offices save text in. Each file is built here from the
sample report (samples/minh-duc-2022.txt, UTF-8) and must extract exactly like it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.errors import UnsupportedFormatError
from cchc.extractors.readers.text import blocks_from_lines, read_text

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "minh-duc-2022.txt"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as a Vietnamese Windows keyboard saves it in cp1258: letters with circumflex, breve or
    horn are precomposed (â, ơ, ư …), tones are combining marks after them ("ạ" = "a" + U+0323)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed if m in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONES))
        out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)


@pytest.fixture(scope="module")
def sample_text() -> str:
    return SAMPLE.read_text("utf-8")


@pytest.fixture(scope="module")
def utf8_record():  # type: ignore[no-untyped-def]
    return extract_file(SAMPLE)


ENCODED = {
    "windows-1258": (windows_1258, "decoded as Windows-1258 (cp1258) and normalised to NFC"),
    "utf-16-bom": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "decoded as UTF-16 (little-endian, with BOM)"),
    "utf-16-be-bom": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "decoded as UTF-16 (big-endian, with BOM)"),
    "utf-16-le": (lambda t: t.encode("utf-16-le"), "decoded as UTF-16 (little-endian, no BOM)"),
    "utf-16-be": (lambda t: t.encode("utf-16-be"), "decoded as UTF-16 (big-endian, no BOM)"),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_encoded_sample_extracts_like_the_utf8_one(
    encoding: str, sample_text: str, utf8_record, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    encode, warning = ENCODED[encoding]
    path = tmp_path / f"minh-duc-{encoding}.txt"
    path.write_bytes(encode(sample_text))
    record = extract_file(path)
    assert record.source.warnings[0] == warning
    assert record.overall.score == 83.97 and record.overall.rank == 8 and record.overall.rank_total == 23
    assert record.meta.unit_name == "Minh Đức" and record.meta.issued_date == "2023-04-06"
    assert record.model_dump(exclude={"source"}) == utf8_record.model_dump(exclude={"source"})


def test_windows_1258_tones_are_composed(sample_text: str, tmp_path: Path) -> None:
    path = tmp_path / "cp1258.txt"
    data = windows_1258(sample_text)
    assert b"\xf2" in data  # a combining dot below (U+0323) as cp1258 writes it
    path.write_bytes(data)
    doc = read_text(path)
    text = "\n".join(b.text for b in doc.blocks)
    assert unicodedata.is_normalized("NFC", text)
    assert "Cải cách hành chính" in text and "ỦY BAN NHÂN DÂN" in text


def test_utf8_has_no_encoding_warning(utf8_record) -> None:  # type: ignore[no-untyped-def]
    assert not [w for w in utf8_record.source.warnings if w.startswith("decoded as")]


@pytest.mark.parametrize(
    "data",
    [
        "改革行政報告書、二〇二三年".encode("shift_jis") * 20,  # Japanese in Shift-JIS
        "Le café était fermé à cause de la grève générale.".encode("latin-1") * 5,  # French in Latin-1
        "Отчёт об административной реформе".encode("cp1251") * 5,  # Russian in Windows-1251
    ],
    ids=["shift-jis", "latin-1-french", "cp1251-russian"],
)
def test_text_in_no_vietnamese_encoding_is_refused(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_bytes(data)
    with pytest.raises(UnsupportedFormatError, match=r"other\.txt: not text in an encoding Vietnamese offices use"):
        read_text(path)


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_legacy_font_bytes_are_not_taken_for_windows_1258(legacy: str, sample_text: str, tmp_path: Path) -> None:
    """TCVN3 (.VnTime) and VNI bytes decode under cp1258 too, but read as Vietnamese only in their own
    encoding: they stay the legacy converter's."""
    from tests.test_legacy_fonts import to_tcvn3, to_vni

    encode = to_tcvn3 if legacy == "tcvn3" else to_vni
    path = tmp_path / f"{legacy}.txt"
    path.write_bytes(encode("Ủy ban nhân dân xã Minh Đức báo cáo kết quả cải cách hành chính").encode("latin-1"))
    doc = read_text(path)
    assert not [w for w in doc.warnings if "1258" in w]
    assert doc.warnings[0].startswith("converted from the legacy encoding")
    assert doc.blocks[0].text.lower() == "ủy ban nhân dân xã minh đức báo cáo kết quả cải cách hành chính"


def test_binary_that_decodes_as_utf16_is_refused(tmp_path: Path) -> None:
    """Zeros in every other byte, as in UTF-16 text, but control codes where letters would be."""
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(b for i in range(4000) for b in ((i % 31) + 1, 0)))
    with pytest.raises(UnsupportedFormatError, match=r"data\.txt: binary content"):
        read_text(path)


# --- lines that a converter or a narrow page broke apart -------------------------------------------


def _blocks(lines: list[str]) -> list[str]:
    return [b.text for b in blocks_from_lines(lines).blocks]


def test_a_part_word_alone_joins_its_number() -> None:
    assert _blocks(["PHẦN", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm"]) == ["PHẦN II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm"]
    assert _blocks(["Phần lớn người dân là nông dân.", "II. ĐÁNH GIÁ CHUNG"]) == [
        "Phần lớn người dân là nông dân.", "II. ĐÁNH GIÁ CHUNG",
    ]


def test_a_numbered_heading_in_capitals_wrapped_mid_title_goes_on() -> None:
    assert _blocks(["VIII. TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN PHÁT TRIỂN", "KINH TẾ - XÃ HỘI CỦA XÃ",
                    "Điểm đạt được: 1,75/2 điểm."]) == [
        "VIII. TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN PHÁT TRIỂN KINH TẾ - XÃ HỘI CỦA XÃ", "Điểm đạt được: 1,75/2 điểm.",
    ]
    # unnumbered capitals, or a numbered title that is complete (a year, a closing bracket), stay apart
    assert _blocks(["BÁO CÁO", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"]) == ["BÁO CÁO", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"]
    assert _blocks(["I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", "ƯU ĐIỂM NỔI BẬT"]) == [
        "I. KẾT QUẢ THỰC HIỆN CCHC NĂM 2022", "ƯU ĐIỂM NỔI BẬT",
    ]
    assert _blocks(["I. KẾT QUẢ", "II. TỒN TẠI"]) == ["I. KẾT QUẢ", "II. TỒN TẠI"]


def test_a_dash_inside_kinh_te_xa_hoi_is_not_a_bullet() -> None:
    assert _blocks(["Tiêu chí 8: Tác động của cải cách hành chính đến phát triển kinh tế", "- xã hội của xã:",
                    "- Có 18 chỉ tiêu được giao."]) == [
        "Tiêu chí 8: Tác động của cải cách hành chính đến phát triển kinh tế - xã hội của xã:",
        "- Có 18 chỉ tiêu được giao.",
    ]
    # after a finished sentence, a colon or another item, a lower-case dash item is an item
    assert _blocks(["Các nội dung sau:", "- tuyên truyền về CCHC;"]) == ["Các nội dung sau:", "- tuyên truyền về CCHC;"]
    assert _blocks(["- Kế hoạch CCHC năm", "- tổ chức kiểm tra"]) == ["- Kế hoạch CCHC năm", "- tổ chức kiểm tra"]


def test_a_bracket_opened_on_one_line_closes_on_the_next() -> None:
    assert _blocks(["4. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC (6/6", "ĐIỂM)", "- Thực hiện tốt."]) == [
        "4. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC (6/6 ĐIỂM)", "- Thực hiện tốt.",
    ]
    assert _blocks(["Kết quả (xem phụ lục", "1) kèm theo.", "1) Nội dung thứ nhất"]) == [
        "Kết quả (xem phụ lục 1) kèm theo.", "1) Nội dung thứ nhất",
    ]
    assert _blocks(["Kết quả (xem phụ lục 1).", "1) Nội dung thứ nhất"]) == ["Kết quả (xem phụ lục 1).", "1) Nội dung thứ nhất"]
