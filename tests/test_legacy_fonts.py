"""Legacy Vietnamese encodings: every letter of TCVN3 (VN3), VNI and VISCII, detection, DOCX runs.

The reference tables below come from the standards, not from the code under test:
- TCVN3 / VN3: glibc's ``TCVN5712-1`` charmap (TCVN 5712:1993), bytes 0xA1-0xFE; VN3 fonts have
  no toned capitals, which the ".VnTimeH"-style fonts draw from the lower-case codes;
- VNI-Windows: base letter + mark characters (the VNI layout), i-tones as single characters;
- VISCII: RFC 1456 / glibc ``VISCII``, the bytes read as Latin-1.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc.extractors.document import nfc
from cchc.extractors.legacy_fonts import (
    convert_legacy,
    decode_run,
    detect_legacy,
    fix_legacy_text,
    font_encoding,
    is_uppercase_font,
    is_vietnamese_syllable,
)

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.txt"

# letter + byte (hex) pairs of TCVN 5712:1993 VN3 (glibc TCVN5712-1, 0xA1-0xFE).
_VN3 = (
    "ĂA1 ÂA2 ÊA3 ÔA4 ƠA5 ƯA6 ĐA7 ăA8 âA9 êAA ôAB ơAC ưAD đAE àB5 ảB6 ãB7 áB8 ạB9 ằBB ẳBC ẵBD ắBE "
    "ặC6 ầC7 ẩC8 ẫC9 ấCA ậCB èCC ẻCE ẽCF éD0 ẹD1 ềD2 ểD3 ễD4 ếD5 ệD6 ìD7 ỉD8 ĩDC íDD ịDE òDF ỏE1 "
    "õE2 óE3 ọE4 ồE5 ổE6 ỗE7 ốE8 ộE9 ờEA ởEB ỡEC ớED ợEE ùEF ủF1 ũF2 úF3 ụF4 ừF5 ửF6 ữF7 ứF8 ựF9 "
    "ỳFA ỷFB ỹFC ýFD ỵFE"
)
TCVN3_TABLE = {pair[0]: chr(int(pair[1:], 16)) for pair in _VN3.split()}

# letter + byte (hex) pairs of VISCII (RFC 1456), every letter that is not ASCII.
_VISCII = (
    "Ẳ02 Ẵ05 Ẫ06 Ỷ14 Ỹ19 Ỵ1E Ạ80 Ắ81 Ằ82 Ặ83 Ấ84 Ầ85 Ẩ86 Ậ87 Ẽ88 Ẹ89 Ế8A Ề8B Ể8C Ễ8D Ệ8E Ố8F "
    "Ồ90 Ổ91 Ỗ92 Ộ93 Ợ94 Ớ95 Ờ96 Ở97 Ị98 Ỏ99 Ọ9A Ỉ9B Ủ9C Ũ9D Ụ9E Ỳ9F ÕA0 ắA1 ằA2 ặA3 ấA4 ầA5 ẩA6 "
    "ậA7 ẽA8 ẹA9 ếAA ềAB ểAC ễAD ệAE ốAF ồB0 ổB1 ỗB2 ỠB3 ƠB4 ộB5 ờB6 ởB7 ịB8 ỰB9 ỨBA ỪBB ỬBC ơBD "
    "ớBE ƯBF ÀC0 ÁC1 ÂC2 ÃC3 ẢC4 ĂC5 ẳC6 ẵC7 ÈC8 ÉC9 ÊCA ẺCB ÌCC ÍCD ĨCE ỳCF ĐD0 ứD1 ÒD2 ÓD3 ÔD4 "
    "ạD5 ỷD6 ừD7 ửD8 ÙD9 ÚDA ỹDB ỵDC ÝDD ỡDE ưDF àE0 áE1 âE2 ãE3 ảE4 ăE5 ữE6 ẫE7 èE8 éE9 êEA ẻEB "
    "ìEC íED ĩEE ỉEF đF0 ựF1 òF2 óF3 ôF4 õF5 ỏF6 ọF7 ụF8 ùF9 úFA ũFB ủFC ýFD ợFE ỮFF"
)
VISCII_TABLE = {pair[0]: chr(int(pair[1:], 16)) for pair in _VISCII.split()}

# VNI-Windows: tone marks after a plain base, after a circumflex base, after a breve base.
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
VNI_PLAIN = dict(zip(TONES, ("", "ù", "ø", "û", "õ", "ï")))
VNI_CIRCUMFLEX = dict(zip(TONES, ("â", "á", "à", "å", "ã", "ä")))
VNI_BREVE = dict(zip(TONES, ("ê", "é", "è", "ú", "ü", "ë")))
VNI_I = dict(zip(TONES[1:], ("í", "ì", "æ", "ó", "ò")))

VOWELS = "aăâeêioôơuưy"
LETTERS = [
    unicodedata.normalize("NFC", v + t)
    for v in VOWELS
    for t in TONES
    if unicodedata.normalize("NFC", v + t) not in "aeiouy"
] + ["đ"]


def vni_letter(letter: str) -> str:
    """VNI form of one Vietnamese letter, from the VNI-Windows layout."""
    upper = letter.isupper()
    low = letter.lower()
    if low == "đ":
        out = "ñ"
    else:
        decomposed = unicodedata.normalize("NFD", low)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((m for m in marks if m in TONES[1:]), "")
        if base == "i" and tone:
            out = VNI_I[tone]
        elif "\u0302" in marks:
            out = base + VNI_CIRCUMFLEX[tone]
        elif "\u0306" in marks:
            out = base + VNI_BREVE[tone]
        elif "\u031b" in marks:
            out = {"o": "ô", "u": "ö"}[base] + VNI_PLAIN[tone]
        else:
            out = base + VNI_PLAIN[tone]
    return out.upper() if upper else out


def to_vni(text: str) -> str:
    return "".join(vni_letter(ch) if ch.isalpha() and not ch.isascii() else ch for ch in nfc(text))


def to_tcvn3(text: str) -> str:
    """TCVN3 as typed in a ".VnTime" font: toned capitals have no code and fall back to lower case."""
    return "".join(TCVN3_TABLE.get(ch, TCVN3_TABLE.get(ch.lower(), ch)) for ch in nfc(text))


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


# -- every letter --------------------------------------------------------------------------------


def test_letter_sets_are_complete() -> None:
    assert len(LETTERS) == 67  # 66 vowels with a diacritic + đ; both cases make 134
    assert len(set(LETTERS) | {ch.upper() for ch in LETTERS}) == 134
    assert set(VISCII_TABLE) == set(LETTERS) | {ch.upper() for ch in LETTERS}


def test_tcvn3_every_letter_round_trip() -> None:
    for letter in LETTERS:
        code = TCVN3_TABLE[letter]
        assert decode_run(code, ".VnTime") == letter, (letter, code)
        assert decode_run(f"t{code}n", ".VnTime") == f"t{letter}n"
        # Upper-case fonts draw the lower-case codes as capitals.
        assert decode_run(code, ".VnTimeH") == letter.upper(), (letter, code)
    for capital in "ĂÂÊÔƠƯĐ":
        assert decode_run(TCVN3_TABLE[capital], ".VnTime") == capital


def test_vni_every_letter_round_trip_both_cases() -> None:
    for letter in LETTERS + [ch.upper() for ch in LETTERS]:
        code = vni_letter(letter)
        assert decode_run(code, "VNI-Times") == letter, (letter, code)
        assert decode_run(f"t{code}n", "VNI-Times") == f"t{letter}n"
    # viparse lacks ẳ/Ẳ; an upper-case base with a lower-case mark is still the capital.
    assert decode_run("Naüng vaø aún", "VNI-Times") == "Nẵng và ẳn"
    assert decode_run("Aù", "VNI-Helve") == "Á"


def test_viscii_every_letter_round_trip() -> None:
    for letter, code in VISCII_TABLE.items():
        assert convert_legacy(code, "viscii") == letter, (letter, hex(ord(code)))


def test_whole_sample_round_trips_through_each_encoding() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert detect_legacy(to_vni(text)) == "vni"
    assert fix_legacy_text(to_vni(text)) == nfc(text)
    assert detect_legacy(to_tcvn3(text)) == "tcvn3"
    # A plain ".VnTime" font has no toned capitals, so compare without case.
    assert fix_legacy_text(to_tcvn3(text)).lower() == nfc(text).lower()
    assert "\u00ad" not in fix_legacy_text(to_tcvn3(text))


# -- sentences, fonts ----------------------------------------------------------------------------

SENTENCE = "Cải cách thủ tục hành chính: 15,52/18,5 điểm"
SENTENCE_TCVN3 = "C¶i c¸ch thñ tôc hµnh chÝnh: 15,52/18,5 ®iÓm"
SENTENCE_VNI = "Caûi caùch thuû tuïc haønh chính: 15,52/18,5 ñieåm"


def test_sentence_in_tcvn3_and_vni() -> None:
    assert to_tcvn3(SENTENCE) == SENTENCE_TCVN3
    assert to_vni(SENTENCE) == SENTENCE_VNI
    assert decode_run(SENTENCE_TCVN3, ".VnTime") == SENTENCE
    assert decode_run(SENTENCE_TCVN3, "ABCDEF+.VnTime,Bold") == SENTENCE
    assert decode_run(SENTENCE_VNI, "VNI-Times") == SENTENCE
    # No font name: detected by content.
    assert detect_legacy(SENTENCE_TCVN3) == "tcvn3"
    assert detect_legacy(SENTENCE_VNI) == "vni"
    assert decode_run(SENTENCE_TCVN3) == SENTENCE
    assert decode_run(SENTENCE_VNI) == SENTENCE
    assert fix_legacy_text(f"{SENTENCE_TCVN3}\n{SENTENCE}") == f"{SENTENCE}\n{SENTENCE}"
    assert fix_legacy_text(f"{SENTENCE}\n{SENTENCE_VNI}") == f"{SENTENCE}\n{SENTENCE}"


def test_uppercase_tcvn3_fonts() -> None:
    assert decode_run("c¶i c¸ch thñ tôc hµnh chÝnh", ".VnTimeH") == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    assert decode_run("b¸o c¸o", ".VnArialH") == "BÁO CÁO"
    assert decode_run("®éc lËp - tù do - h¹nh phóc", "XYZABC+.VnTimeH,Bold") == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
    assert decode_run("b¸o c¸o", ".VnTime") == "báo cáo"
    assert is_uppercase_font(".VnTimeH") and is_uppercase_font(".VnArial NarrowH")
    assert not is_uppercase_font(".VnTime") and not is_uppercase_font("VNI-Helve")


def test_font_names() -> None:
    assert font_encoding(".VnTime") == "tcvn3"
    assert font_encoding("ABCDEF+.VnArial") == "tcvn3"
    assert font_encoding("VNI-Times") == "vni"
    assert font_encoding("VNI-Helve") == "vni"
    assert font_encoding("Times New Roman") is None
    assert font_encoding(None) is None


# -- no false detection --------------------------------------------------------------------------


def test_sample_lines_are_not_legacy() -> None:
    lines = sample_lines()
    assert [line for line in lines if detect_legacy(line)] == []
    assert detect_legacy("\n".join(lines)) is None
    for line in lines:
        assert decode_run(line) == nfc(line)
        assert decode_run(line, "Times New Roman") == nfc(line)
    text = SAMPLE.read_text(encoding="utf-8")
    assert fix_legacy_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "UBND xa Minh Duc - 83,97/100 diem",
        "Le café est très chaud à Paris, où il fait beau",
        "El niño está en la montaña con su mamá",
        "Über die Brücke gehen wir schön",
        "Microsoft® Office© 2019",
        "và là có ý",
        "",
    ],
)
def test_ascii_latin1_and_unicode_text_untouched(text: str) -> None:
    assert detect_legacy(text) is None
    assert decode_run(text) == text
    assert fix_legacy_text(text) == text


def test_line_by_line_detection_never_picks_the_wrong_encoding() -> None:
    lines = [line for line in sample_lines() if not line.isascii()]
    for name, encode in (("tcvn3", to_tcvn3), ("vni", to_vni)):
        found = [detect_legacy(encode(line)) for line in lines]
        assert not [f for f in found if f not in (name, None)], name
        assert found.count(name) / len(lines) >= 0.95, name


def test_syllable_check() -> None:
    words = {w.strip('.,:;()"“”!?%/-–…+') for w in SAMPLE.read_text(encoding="utf-8").split()}
    vietnamese = [w for w in words if w and w.isalpha() and not w.isupper() and not w.isascii()]
    rejected = sorted(w for w in vietnamese if not is_vietnamese_syllable(w))
    assert rejected == ["thônQuàn"]  # a typo gluing two words in the sample
    assert not is_vietnamese_syllable("hộnh")  # "nh" never follows ô
    assert not is_vietnamese_syllable("càch")  # c/ch/p/t take only the sắc or nặng tone


# -- DOCX with legacy runs -----------------------------------------------------------------------


def _docx(path: Path, paragraphs: list[list[tuple[str, str]]]) -> Path:
    from docx import Document as DocxDocument

    doc = DocxDocument()
    for runs in paragraphs:
        para = doc.add_paragraph()
        for text, font in runs:
            run = para.add_run(text)
            run.font.name = font
    doc.save(str(path))
    return path


def test_docx_with_legacy_runs_equals_unicode_twin(tmp_path: Path) -> None:
    from cchc.extractors.readers.docx import read_docx

    uni = "Times New Roman"
    legacy = [
        [("b¸o c¸o", ".VnTimeH")],
        [
            ("3. VÒ ", ".VnTime"),
            ("Cải cách thủ tục hành chính", uni),
            (": 15,52/18,5 ®iÓm, ", ".VnTime"),
            ("tỷ lệ đạt 83,89%.", uni),
        ],
        [("UBND x· ®\u00adîc UBND huyÖn chÊm ®iÓm ®¹t 83,97/100 ®iÓm", ".VnTime")],
        [("1. Veà coâng taùc chæ ñaïo, ñieàu haønh: 12,7/15 ñieåm, ñaït tyû leä 87,67%.", "VNI-Times")],
        [("Xếp thứ 5/19 nhóm hạng các xã, thị trấn.", uni)],
    ]
    twin = [
        [("BÁO CÁO", uni)],
        [("3. Về Cải cách thủ tục hành chính: 15,52/18,5 điểm, tỷ lệ đạt 83,89%.", uni)],
        [("UBND xã được UBND huyện chấm điểm đạt 83,97/100 điểm", uni)],
        [("1. Về công tác chỉ đạo, điều hành: 12,7/15 điểm, đạt tỷ lệ 87,67%.", uni)],
        [("Xếp thứ 5/19 nhóm hạng các xã, thị trấn.", uni)],
    ]
    got = read_docx(_docx(tmp_path / "legacy.docx", legacy))
    want = read_docx(_docx(tmp_path / "unicode.docx", twin))
    assert [b.text for b in got.blocks] == [b.text for b in want.blocks]
    assert [b.text for b in got.blocks][
        1
    ] == "3. Về Cải cách thủ tục hành chính: 15,52/18,5 điểm, tỷ lệ đạt 83,89%."
    assert [b.kind for b in got.blocks] == [b.kind for b in want.blocks]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("as_bytes", [True, False])
def test_text_report_in_a_legacy_encoding_reads_like_its_unicode_twin(
    tmp_path: Path, encoding: str, as_bytes: bool
) -> None:
    from cchc.api import extract_file

    sample = SAMPLE.read_text(encoding="utf-8")
    legacy = to_tcvn3(sample) if encoding == "tcvn3" else to_vni(sample)
    path = tmp_path / f"{encoding}.txt"
    if as_bytes:
        path.write_bytes(legacy.encode("latin-1", errors="replace"))  # an 8-bit file, as old editors saved it
    else:
        path.write_text(legacy, "utf-8")  # the Latin-1 look-alikes, pasted into a UTF-8 file
    record = extract_file(path)
    twin = extract_file(SAMPLE)
    assert (record.meta.doc_number, record.meta.issued_date) == (twin.meta.doc_number, twin.meta.issued_date)
    if encoding == "vni":  # plain .VnTime cannot encode toned capitals ("XÃ MINH ĐỨC", "CHỦ TỊCH"): .VnTimeH runs do
        assert (record.meta.unit_name, record.meta.signer) == (twin.meta.unit_name, twin.meta.signer)
    assert [(c.code, c.score, c.max_score, c.percent, c.rank) for c in record.criteria] == [
        (c.code, c.score, c.max_score, c.percent, c.rank) for c in twin.criteria
    ]
    assert any("legacy encoding" in w for w in record.source.warnings)
