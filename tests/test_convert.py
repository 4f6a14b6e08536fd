"""Old Word (.doc), RTF and ODT reports go through LibreOffice; without it, a clear refusal."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cchc.api import extract_file
from cchc.errors import UnsupportedFormatError
from cchc.extractors.readers import convert

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def legacy_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = convert.libreoffice()
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    out = tmp_path_factory.mktemp("legacy")
    profile = out / "profile"
    forms = {}
    for ext, filt in (("doc", "doc:MS Word 97"), ("odt", "odt")):
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", filt,
             "--outdir", str(out), str(SAMPLES / "minh-duc-2022.docx")],
            check=True, capture_output=True, timeout=180,
        )
        forms[ext] = out / f"minh-duc-2022.{ext}"
    return forms


@pytest.mark.parametrize("ext", ["doc", "odt"])
def test_old_formats_extract_like_the_docx(legacy_forms: dict[str, Path], ext: str) -> None:
    record = extract_file(legacy_forms[ext])
    assert record.source.converted_from == ext and record.source.format == "docx"
    assert (record.overall.score, record.overall.rank, record.overall.rank_total) == (83.97, 8, 23)
    assert [(c.code, c.score, c.max_score) for c in record.criteria][:3] == [("1", 12.7, 15), ("2", 5, 5), ("3", 15.52, 18.5)]
    assert record.meta.signer == "Nguyễn Hữu Lăng"


def test_rtf_with_vietnamese_letters(tmp_path: Path) -> None:
    assert convert.libreoffice(), "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    text = "Cải cách thể chế: 5/5 điểm, đạt tỷ lệ 100%, xếp thứ 1/3."
    escaped = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)
    rtf = tmp_path / "thể chế.rtf"
    rtf.write_text("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 " + escaped + "\\par}", "ascii")
    record = extract_file(rtf, check=False)
    assert record.source.converted_from == "rtf"
    [criterion] = record.criteria
    assert (criterion.code, criterion.score, criterion.max_score, criterion.rank) == ("2", 5, 5, 1)


def test_without_libreoffice_the_message_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "libreoffice", lambda: None)
    doc = tmp_path / "báo cáo.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(UnsupportedFormatError) as info:
        extract_file(doc)
    assert str(info.value).startswith(f"{doc}: old Word (.doc) needs LibreOffice")
    assert "libreoffice-writer-nogui" in str(info.value)


def test_encrypted_docx_is_named_as_such(tmp_path: Path) -> None:
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(Exception, match="password-protected"):
        extract_file(locked)
