"""Layouts first met in held-out round 17 (issue 11): a report pasted from an e-mail reply, every line quoted
with "> " and hard-wrapped; each form with a negative example beside it."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

from cchc.api import extract_file
from cchc.extractors.readers.text import read_text, unquote_mail

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = unicodedata.normalize("NFC", (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8"))
GREETING = [
    "Kính gửi Phòng Nội vụ,",
    "",
    "Văn phòng UBND xã Minh Đức chuyển lại báo cáo theo email dưới đây.",
    "",
    "Vào ngày 06/04/2023 lúc 08:14, Văn phòng UBND xã <vanphong.minhduc@gmail.com> đã viết:",
    "",
]


def _mail(text: str, mark: str = "> ", width: int = 70) -> str:
    """``text`` as a mail client quotes it in a reply: a greeting, the reply line, then every line quoted and
    hard-wrapped at ``width``."""
    quoted: list[str] = []
    for line in text.splitlines():
        pieces = textwrap.wrap(line, width) or [""]
        quoted.extend((mark + piece).rstrip() if piece else mark.rstrip() for piece in pieces)
    return "\n".join(GREETING + quoted) + "\n"


def _values(path: Path) -> tuple[object, ...]:
    record = extract_file(path)
    criteria = [(c.code, c.score, c.max_score, c.percent, c.rank, c.rank_total) for c in record.criteria]
    kinds = sorted((f.kind, f.subject) for f in record.findings if f.severity != "info")
    meta = record.meta.model_dump(exclude={"evidence"})  # its line numbers count the greeting's six lines
    return meta, record.overall.score, record.overall.percent, record.overall.rank, criteria, kinds


def test_a_report_quoted_in_a_mail_reply_reads_as_the_report(tmp_path: Path) -> None:
    mail = tmp_path / "minh-duc-mail.txt"
    mail.write_text(_mail(SAMPLE), encoding="utf-8")
    record = extract_file(mail)
    # read from samples/minh-duc-2022.txt: the header, the overall statement and criterion 1
    assert (record.meta.unit_name, record.meta.doc_number, record.meta.issued_date) == (
        "Minh Đức", "29/BC-UBND", "2023-04-06")  # fmt: skip
    assert (record.meta.district, record.meta.signer) == ("Tứ Kỳ", "Nguyễn Hữu Lăng")
    overall = record.overall
    assert (overall.score, overall.max_score, overall.percent, overall.rank, overall.rank_total) == (
        83.97, 100.0, 83.97, 8, 23)  # fmt: skip
    first = record.criteria[0]
    assert (first.code, first.score, first.max_score, first.percent, first.rank, first.rank_total) == (
        "1", 12.7, 15.0, 87.67, 5, 19)  # fmt: skip
    assert [c.code for c in record.criteria] == [str(n) for n in range(1, 11)]  # "1." to "10." in the sample
    assert not any(f.kind == "missing_criterion" for f in record.findings)


def test_the_quoted_report_gives_what_the_report_gives(tmp_path: Path) -> None:
    """Every value and finding of the sample's own text, whether quoted with "> " or ">> "."""
    plain = tmp_path / "plain.txt"
    plain.write_text(SAMPLE, encoding="utf-8")
    for mark in ("> ", ">> ", ">"):
        mail = tmp_path / f"mail{len(mark)}.txt"
        mail.write_text(_mail(SAMPLE, mark, width=500), encoding="utf-8")
        assert _values(mail) == _values(plain), mark


def test_the_greeting_and_reply_line_stay_out_and_lines_keep_their_numbers(tmp_path: Path) -> None:
    mail = tmp_path / "mail.txt"
    mail.write_text(_mail(SAMPLE), encoding="utf-8")
    doc = read_text(mail)
    texts = " ".join(b.text for b in doc.blocks)
    assert "đã viết" not in texts and "Kính gửi" not in texts and "gmail" not in texts
    assert not any(b.text.startswith(">") for b in doc.blocks)
    assert doc.blocks[0].text == "ỦY BAN NHÂN DÂN" and doc.blocks[0].prov.line == 7  # line 7 of the file
    assert any("đã viết" in w for w in doc.warnings)


def test_a_report_with_a_line_starting_with_a_comparison_is_no_quote(tmp_path: Path) -> None:
    lines = [
        "Kết quả giải quyết hồ sơ trong năm:",
        "> 90% hồ sơ được giải quyết trước hạn;",
        "<5 hồ sơ quá hạn, đã xin lỗi người dân.",
        "Tiêu chí 1: Chỉ đạo, điều hành đạt 12/13 điểm.",
        "Tiêu chí 2: Cải cách thể chế đạt 5/5 điểm.",
        "Tiêu chí 3: Cải cách thủ tục hành chính đạt 17/19 điểm.",
    ]
    assert unquote_mail(lines) == (lines, [])
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts = [b.text for b in read_text(path).blocks]
    assert any("> 90% hồ sơ được giải quyết" in t for t in texts)
    assert any("<5 hồ sơ quá hạn" in t for t in texts)


def test_a_few_quoted_lines_in_a_report_are_no_quote() -> None:
    """Under five lines with ">" or under four in five of the lines: the text is left as it is."""
    report = ["Báo cáo kết quả:", "> 90% hồ sơ trực tuyến", "> 95% hồ sơ đúng hạn", "Tiêu chí 1 đạt 12/13 điểm."]
    assert unquote_mail(report) == (report, [])
    mixed = ["> dòng một", "> dòng hai", "> dòng ba", "> dòng bốn", "> dòng năm", "a", "b", "c"]
    assert unquote_mail(mixed) == (mixed, [])
