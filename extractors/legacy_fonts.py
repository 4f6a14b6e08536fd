"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII) to Unicode NFC.

Text typed in a legacy font comes out of DOCX runs and PDF text layers as Latin-1 look-alikes
("C¶i c¸ch" for TCVN3, "Caûi caùch" for VNI). The conversion tables are viparse's (MIT), which
``tests/test_legacy_fonts.py`` checks letter by letter against the standards (TCVN 5712:1993 VN3 as
shipped in glibc's ``TCVN5712-1`` charmap, the VNI-Windows layout, RFC 1456 VISCII). What viparse
lacks is added here:

- VNI ``aú``/``AÚ`` (ẳ/Ẳ, breve + hook) is missing from its table;
- VNI upper-case base letters followed by a lower-case mark ("Aù" for Á) are mapped too;
- TCVN3 upper-case fonts (".VnTimeH", ".VnArialH"; names ending in "H") draw the lower-case codes
  as capitals, so their converted text is upper-cased; where no font name says so, converted TCVN3
  text in that pattern (capitals with lower-case letters inside words, no ASCII lower-case word) is
  upper-cased (:func:`restore_capitals`);
- a run too short to tell its encoding is decoded in the one its document is in (``fallback``);
- detection by content is done per word (a word votes for an encoding when it is not a Vietnamese
  syllable as it stands but becomes one once converted) with a clear margin, so Unicode text and
  plain ASCII are never touched.
"""

from __future__ import annotations

import string
import unicodedata
from functools import cache, lru_cache

import regex as re
from viparse.normalize.tables import Charmap, build_charmap, convert
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.viscii import VISCII
from viparse.normalize.vni import VNI

ENCODINGS: tuple[str, ...] = ("tcvn3", "vni", "viscii")

_SUBSET_TAG_RE = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX_RE = re.compile(r"[,\-](?:bold|italic|oblique|regular|bolditalic|boldoblique|bd|it|mt)+$", re.I)


@cache
def charmaps() -> dict[str, Charmap]:
    """The conversion tables: viparse's, with the VNI gaps filled."""
    vni_pairs = list(VNI.pairs) + [("aú", "ẳ"), ("AÚ", "Ẳ")]
    known = {seq for seq, _ in vni_pairs}
    for seq, uni in list(vni_pairs):
        if len(seq) == 2 and seq[0] in "AEIOUYÔÖ" and seq[1].isupper():
            mixed = seq[0] + seq[1].lower()
            if mixed not in known:
                known.add(mixed)
                vni_pairs.append((mixed, uni))
    return {"tcvn3": TCVN3, "vni": build_charmap("vni", vni_pairs), "viscii": VISCII}


def _font_core(font: str) -> str:
    name = _SUBSET_TAG_RE.sub("", font.strip())
    name = name.split(",")[0].strip()
    return _STYLE_SUFFIX_RE.sub("", name)


@lru_cache(maxsize=1024)  # asked once per line of a PDF, for a handful of font names
def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies ("tcvn3", "vni"), or None."""
    if not font:
        return None
    core = _font_core(font).lower()
    if core.startswith((".vn", "vntime", "vnarial")):
        return "tcvn3"
    if core.startswith("vni"):
        return "vni"
    return None


def is_uppercase_font(font: str | None) -> bool:
    """True for TCVN3 capital-letter fonts (".VnTimeH", ".VnArialH", "ABCDEF+.VnTimeH,Bold")."""
    if font_encoding(font) != "tcvn3":
        return False
    core = _font_core(font or "")
    return core.endswith("H") or (core.islower() and core.endswith("h"))


def convert_legacy(text: str, encoding: str) -> str:
    """Convert ``text`` from a named legacy encoding to Unicode NFC."""
    return unicodedata.normalize("NFC", convert(text, charmaps()[encoding]))


def decode_run(text: str, font: str | None = None, fallback: str | None = None) -> str:
    """Unicode NFC text of one run typed in ``font`` (legacy fonts detected by name or content;
    ``fallback``: the encoding the whole document is in, for a run too short to tell on its own)."""
    return decode_run_as(text, font, fallback)[0]


def decode_run_as(text: str, font: str | None = None, fallback: str | None = None) -> tuple[str, str | None]:
    """:func:`decode_run`, and the legacy encoding the run was converted from (None: left as it was)."""
    if not text:
        return text, None
    encoding = font_encoding(font) or detect_legacy(text)
    if encoding is None and fallback is not None and fits_encoding(text, fallback):
        encoding = fallback
    if encoding is None:
        return unicodedata.normalize("NFC", text), None
    out = convert_legacy(text, encoding)
    if encoding == "tcvn3":
        out = out.upper() if is_uppercase_font(font) else restore_capitals(out)
    return out, encoding


def fits_encoding(text: str, encoding: str) -> bool:
    """True when ``text`` (of a document known to be in ``encoding``) reads as that encoding: not
    ASCII, no Unicode Vietnamese letter, and at least one word, and no fewer words than already read
    as Vietnamese, that the encoding turns into Vietnamese."""
    if not undecided_legacy(text):
        return False
    _, total, unicode_only = legacy_votes(text)
    return total[encoding] > 0 and total[encoding] >= unicode_only


def undecided_legacy(text: str) -> bool:
    """True when ``text`` may be legacy text that :func:`detect_legacy` could not tell on its own: not
    ASCII and without a Unicode Vietnamese letter (a document's encoding may then decide it)."""
    return not text.isascii() and not _UNICODE_VI_RE.search(text)


_LETTERS_RE = re.compile(r"\p{L}+")


def restore_capitals(text: str) -> str:
    """Upper-case converted TCVN3 text typed in a capitals font (".VnTimeH") that its font name did not
    say: the capitals font draws the lower-case codes as capitals, so such text converts to capitals
    with decoded lower-case letters inside words ("ỦY BAN NHâN DâN", "KếT QUả"). A line is upper-cased
    when no word has an ASCII lower-case letter and some word has two capitals and a lower-case letter;
    ordinary text ("Số: 03/BC-UBND", "UBND xã Phú Lộc", "Tổ") stays as it is."""
    mixed = False
    for word in _LETTERS_RE.findall(text):
        if not word.isupper() and any("a" <= ch <= "z" for ch in word):
            return text
        if not mixed and not word.isupper() and sum(map(str.isupper, word)) >= 2:
            mixed = True
    return text.upper() if mixed else text


# -- content detection ---------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Letters only Vietnamese Unicode text has (legacy text surfaces as Latin-1 look-alikes).
_UNICODE_VI_RE = re.compile(r"[ăđơưĩũĂĐƠƯĨŨ\u1ea0-\u1ef9]")
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUC_OPEN = (
    r"(?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|"
    r"oa|oe|uy|uê|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|uơ|ưa|ưi|ưu|[aeêioôơuưy])"
)
# Nucleus and coda pairs: "nh"/"ch" only after a, ê, i/y; "ng"/"c" never after ê, i/y, ơ.
_NUC_NH = r"(?:oa|uê|uy|[aêi])"
_NUC_NG = r"(?:iê|yê|oa|oă|oe|oo|uâ|uô|ươ|[aăâeoôuư])"
_NUC_MNPT = r"(?:uyê|iê|yê|oa|oă|oe|uâ|uê|uô|ươ|uy|[aăâeêioôơuư])"
_SYLLABLE_RE = re.compile(
    rf"{_ONSET}(?:{_NUC_OPEN}|{_NUC_NH}(?P<coda>nh|ch)|{_NUC_NG}(?P<coda>ng|c)|{_NUC_MNPT}(?P<coda>[mnpt]))"
)
_STOP_CODAS = {"c", "ch", "p", "t"}
_EDGE_CHARS = string.punctuation + string.digits + "“”‘’–—…•"


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable.

    Onset, vowel nucleus and coda must combine as Vietnamese spelling allows, with at most one
    tone mark, and syllables closed by c/ch/p/t take only the acute or dot-below tone.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [mark for mark in decomposed if mark in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    m = _SYLLABLE_RE.fullmatch(base)
    if not m:
        return False
    return not (m["coda"] in _STOP_CODAS and tones and tones[0] not in "\u0301\u0323")


def _words(text: str) -> list[str]:
    out = []
    for token in text.split():
        word = token.strip(_EDGE_CHARS)
        if word and not word.isascii():
            out.append(word)
    return out


def legacy_votes(text: str) -> tuple[dict[str, int], dict[str, int], int]:
    """Word votes: per encoding, the words only it turns into Vietnamese (and that are not
    Vietnamese as they stand), all words it turns into Vietnamese; and the words that read as
    Vietnamese Unicode and under no encoding."""
    unique = {name: 0 for name in ENCODINGS}
    total = {name: 0 for name in ENCODINGS}
    unicode_only = 0
    maps = charmaps()
    for word in _words(text):
        as_is = is_vietnamese_syllable(word)
        fits = []
        for name in ENCODINGS:
            converted = unicodedata.normalize("NFC", convert(word, maps[name]))
            if converted != word and len(converted) >= 2 and is_vietnamese_syllable(converted):
                fits.append(name)
                total[name] += 1
        if not fits and as_is:
            unicode_only += 1
        elif len(fits) == 1 and not as_is:
            unique[fits[0]] += 1
    return unique, total, unicode_only


def detect_legacy(text: str) -> str | None:
    """The legacy encoding ("tcvn3", "vni", "viscii") ``text`` is clearly in, or None.

    Text with Unicode Vietnamese letters is Unicode; plain ASCII is left alone. Otherwise the
    best encoding needs at least one word that only it turns into Vietnamese, twice as many
    such words as the runner-up, and at least as many words in all as the words that already
    read as Vietnamese.
    """
    if text.isascii() or _UNICODE_VI_RE.search(text):
        return None
    unique, total, unicode_only = legacy_votes(text)
    ranked = sorted(unique.items(), key=lambda kv: kv[1], reverse=True)
    (best, best_votes), (_, second_votes) = ranked[0], ranked[1]
    if best_votes == 0 or best_votes < 2 * second_votes + (1 if second_votes else 0):
        return None
    if total[best] < unicode_only:
        return None
    return best


def _converted(line: str, encoding: str) -> str:
    out = convert_legacy(line, encoding)
    return restore_capitals(out) if encoding == "tcvn3" else out


def fix_legacy_text(text: str) -> str:
    """Convert legacy mojibake in a whole string (no font known), line by line; NFC.

    When the whole text is clearly in one legacy encoding, every line without Unicode
    Vietnamese letters whose own votes do not favour Unicode is converted; otherwise only the
    lines that are clearly legacy on their own are.
    """
    if text.isascii():
        return text
    whole = detect_legacy(text)
    lines = text.split("\n")
    out = []
    for line in lines:
        if line.isascii() or _UNICODE_VI_RE.search(line):
            out.append(line)
            continue
        if whole is not None:
            _, total, unicode_only = legacy_votes(line)
            out.append(_converted(line, whole) if total[whole] >= unicode_only else line)
        else:
            own = detect_legacy(line)
            out.append(_converted(line, own) if own else line)
    return unicodedata.normalize("NFC", "\n".join(out))


__all__ = [
    "ENCODINGS",
    "convert_legacy",
    "decode_run",
    "decode_run_as",
    "detect_legacy",
    "fits_encoding",
    "fix_legacy_text",
    "font_encoding",
    "is_uppercase_font",
    "is_vietnamese_syllable",
    "restore_capitals",
    "undecided_legacy",
]


def vietnamese_share(text: str) -> float:
    """Share of the words of ``text`` (letters only, two or more) that are Vietnamese syllables with their marks:
    a vowel letter or tone mark plain Latin lacks. Vietnamese prose scores 0.85-0.9 (the sample report's pages, a
    layer OCR'd in Vietnamese); the same prose OCR'd in English (marks dropped or read as é, ô …: "Két qua thuc
    hién") under 0.15."""
    words = [w for w in (t.strip(_EDGE_CHARS) for t in text.split()) if len(w) >= 2 and w.isalpha()]
    if not words:
        return 0.0
    marked = sum(1 for w in words if not w.isascii() and is_vietnamese_syllable(w))
    return marked / len(words)
