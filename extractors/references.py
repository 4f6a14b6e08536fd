"""References to other documents ("Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện Tứ Kỳ").

Regex finds the candidates. A reference without a date of its own takes one printed just before it
("ban hành ngày 5/3/2023 Kế hoạch số 12/KH-UBND"), looking back at most 80 characters and never past
the start of its sentence; and where two candidates share a word, only one is kept. Both are spaCy's
decisions: a ``spacy.blank("xx")`` pipeline with a sentencizer (``spacy.blank("vi")`` needs the pyvi
word segmenter, not installed, and without it the sentencizer sees one sentence; the multi-language
tokenizer splits punctuation so sentences come out right). No model is downloaded.

spaCy costs ~0.7 s of CPU to import, more than the rest of ``cchc extract``, and its answer can differ
from the plain regex only in a few texts, which :func:`needs_spacy` recognises: only those go through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

import regex as re

from cchc.extractors.normalize import folded_in_place, matches_from

DOC_TYPES = {
    "quyết định": "Quyết định",
    "qđ": "Quyết định",
    "kế hoạch": "Kế hoạch",
    "kh": "Kế hoạch",
    "công văn": "Công văn",
    "cv": "Công văn",
    "văn bản": "Văn bản",
    "nghị quyết": "Nghị quyết",
    "nq": "Nghị quyết",
    "chỉ thị": "Chỉ thị",
    "thông tư": "Thông tư",
    "nghị định": "Nghị định",
    "hướng dẫn": "Hướng dẫn",
    "thông báo": "Thông báo",
    "báo cáo": "Báo cáo",
    "tờ trình": "Tờ trình",
    "đề án": "Đề án",
    "chương trình": "Chương trình",
}
_TYPE_WORDS = tuple(DOC_TYPES)  # lower-cased, as REFERENCE_RE (case-blind) begins
_TYPE = "|".join(sorted((re.escape(k) for k in DOC_TYPES), key=len, reverse=True))
# "855/QĐ-UBND", "29/ KH-UBND", "855 /QĐ-UBND", "12/2023/NQ-HĐND"; Party numbering puts the type before the slash:
# "225-CV/ĐU", "04-CTr/ĐU" (chương trình), "12-KH/ĐU" (issue 11)
_CODE = r"[\p{Lu}Đ][\p{Lu}Đ\d]*"
_NUMBER = (
    rf"\d{{1,5}}(?:\s*/\s*\d{{4}})?(?:-(?:{_CODE}|CTr))?\s*/\s*{_CODE}(?:\s*-\s*{_CODE})*"
)
# "22/3/2023", and with a hyphen or a dot as some offices type it: "10-02-2023", "10.02.2023" (issue 11)
_NUMERIC_DATE = r"\d{1,2}\s*(?P<sep>[/.-])\s*\d{1,2}\s*(?P=sep)\s*\d{4}"
REFERENCE_RE = re.compile(
    rf"(?<!\p{{L}})(?P<type>{_TYPE})\s+(?:số\s*:?\s*)?(?P<number>{_NUMBER})"
    # its date after it: "ngày 22/3/2023", ", ngày …", "(ngày …)", "ban hành ngày …"
    rf"(?:\s*,?\s*\(?\s*(?:ban\s+hành\s+)?ngày\s+(?P<date>{_NUMERIC_DATE}|\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}})\)?)?"
    r"(?:\s+(?:của|do)\s+(?P<issuer>[^,;.()]{2,80}?))?(?=\s+(?:về|và|ban hành|phê duyệt|quy định|công bố|hướng dẫn|triển khai|tại|theo)(?!\p{L})|[,;.()]|$)",
    re.IGNORECASE,
)
DATE_BEFORE_RE = re.compile(rf"ngày\s+(?P<date>{_NUMERIC_DATE})[^.;]{{0,60}}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundReference:
    type: str
    number: str
    date: str | None
    date_valid: bool
    issuer: str | None
    start: int
    end: int


_DIGITS_RE = re.compile(r"\d+")
_SPACED_SEPARATOR_RE = re.compile(r"\s*([/-])\s*")


def parse_date(text: str) -> tuple[str | None, bool]:
    """("YYYY-MM-DD", True) for a real date; (text as printed, False) for an impossible one."""
    nums = [int(n) for n in _DIGITS_RE.findall(text)]
    if len(nums) != 3:
        return None, False
    day, month, year = nums
    try:
        return date(year, month, day).isoformat(), True
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}", False


def normalize_number(number: str) -> str:
    return _SPACED_SEPARATOR_RE.sub(r"\1", number.strip())


@cache
def reference_pipeline() -> Any:
    """The spaCy pipeline (blank multi-language tokenizer + sentencizer), built on first use."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


# The sentencizer's sentence-final characters other than "." (spaCy 3.8,
# ``spacy.pipeline.Sentencizer.default_punct_chars``; tests/test_references_spacy.py compares them).
SENTENCE_ENDS_BUT_PERIOD = frozenset(
    "!?\u0589\u061f\u06d4\u0700\u0701\u0702\u07f9\u0964\u0965\u104a\u104b\u1362\u1367\u1368\u166e"
    "\u1735\u1736\u1803\u1809\u1944\u1945\u1aa8\u1aa9\u1aaa\u1aab\u1b5a\u1b5b\u1b5e\u1b5f\u1c3b\u1c3c"
    "\u1c7e\u1c7f\u203c\u203d\u2047\u2048\u2049\u2e2e\u2e3c\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877"
    "\ua8ce\ua8cf\ua92f\ua9c8\ua9c9\uaa5d\uaa5e\uaa5f\uaaf0\uaaf1\uabeb\ufe52\ufe56\ufe57\uff01\uff0e"
    "\uff1f\U00010a56\U00010a57\U00011047\U00011048\U000110be\U000110bf\U000110c0\U000110c1\U00011141"
    "\U00011142\U00011143\U000111c5\U000111c6\U000111cd\U000111de\U000111df\U00011238\U00011239"
    "\U0001123b\U0001123c\U000112a9\U0001144b\U0001144c\U000115c2\U000115c3\U000115c9\U000115ca"
    "\U000115cb\U000115cc\U000115cd\U000115ce\U000115cf\U000115d0\U000115d1\U000115d2\U000115d3"
    "\U000115d4\U000115d5\U000115d6\U000115d7\U00011641\U00011642\U0001173c\U0001173d\U0001173e"
    "\U00011a42\U00011a43\U00011a9b\U00011a9c\U00011c41\U00011c42\U00016a6e\U00016a6f\U00016af5"
    "\U00016b37\U00016b38\U00016b44\U0001bc9f\U0001da88\uff61\u3002"
)
LOOK_BACK = 80  # characters searched before a reference for its date


def needs_spacy(text: str, matches: list[Any]) -> bool:
    """Whether spaCy's tokens or sentences could change the references read from ``text``.

    Two candidates are both kept unless they share a token, and spaCy's tokens never span a
    whitespace character: candidates with whitespace between them are both kept. The sentence
    start bounds the look-back for a date, and a sentence starts only at a word after a
    sentence-final character; a date found there would be followed by that character, and
    DATE_BEFORE_RE admits no "." after the date: only "!", "?" and the like can hide one.
    tests/test_references_spacy.py compares both ways on every block of the samples and more.
    """
    for previous, match in pairwise(matches):
        if not any(char.isspace() for char in text[previous.end() : match.start()]):
            return True
    return any(
        match["date"] is None
        and not SENTENCE_ENDS_BUT_PERIOD.isdisjoint(text[max(0, match.start() - LOOK_BACK) : match.start()])
        for match in matches
    )


def find_references(texts: list[str]) -> list[tuple[int, FoundReference]]:
    """Every reference in each text (a block): (text index, reference), in the order of the texts.

    Only texts for which :func:`needs_spacy` says so go through spaCy (rarely any in a report).
    """
    found: list[tuple[int, FoundReference]] = []
    for_spacy: list[tuple[int, list[Any]]] = []
    for index, text in enumerate(texts):
        if "/" not in text:  # every reference's number has its slash ("855/QĐ-UBND", "225-CV/ĐU")
            continue
        folded = folded_in_place(text)  # every reference begins with its type's words: found so, else scanned
        matches = (
            list(REFERENCE_RE.finditer(text))
            if folded is None
            else matches_from(REFERENCE_RE, text, _TYPE_WORDS, folded)
        )
        if not matches:
            continue
        if needs_spacy(text, matches):
            for_spacy.append((index, matches))
        else:
            found.extend((index, _reference(text, m, sentence_start=0)) for m in matches)
    if for_spacy:
        found.extend(spacy_references(texts, for_spacy))
        found.sort(key=lambda item: item[0])
    return found


def spacy_references(
    texts: list[str], candidates: list[tuple[int, list[Any]]] | None = None
) -> list[tuple[int, FoundReference]]:
    """The references as spaCy reads them: candidates as entities (overlaps filtered) and sentences.

    ``candidates``: (text index, regex matches) of the texts to read (None: every text that has some).
    """
    if candidates is None:
        candidates = [(i, ms) for i, t in enumerate(texts) if (ms := list(REFERENCE_RE.finditer(t)))]
    if not candidates:
        return []
    nlp = reference_pipeline()
    found: list[tuple[int, FoundReference]] = []
    for (index, matches), doc in zip(candidates, nlp.pipe(texts[i] for i, _ in candidates)):
        found.extend((index, ref) for ref in _references_in(texts[index], doc, matches))
    return found


def _references_in(text: str, doc: Any, matches: list[Any]) -> list[FoundReference]:
    from spacy.util import filter_spans

    spans = []
    by_span = {}
    for m in matches:
        span = doc.char_span(m.start(), m.end(), label="REF", alignment_mode="expand")
        if span is not None:
            spans.append(span)
            by_span[(span.start_char, span.end_char)] = m
    doc.ents = filter_spans(spans)
    found = []
    for ent in doc.ents:
        m = by_span.get((ent.start_char, ent.end_char))
        if m is not None:
            found.append(_reference(text, m, sentence_start=ent.sent.start_char))
    return found


def _reference(text: str, m: Any, sentence_start: int) -> FoundReference:
    """The reference of regex match ``m``; a missing date is looked for before it, back to ``sentence_start``."""
    raw_date = m["date"]
    if raw_date is None:
        before = DATE_BEFORE_RE.search(text[max(sentence_start, m.start() - LOOK_BACK) : m.start()])
        raw_date = before["date"] if before else None
    iso, valid = parse_date(raw_date) if raw_date else (None, True)
    issuer = " ".join(m["issuer"].split()) if m["issuer"] else None
    return FoundReference(
        type=DOC_TYPES[m["type"].lower()],
        number=normalize_number(m["number"]),
        date=iso,
        date_valid=valid,
        issuer=issuer,
        start=m.start(),
        end=m.end(),
    )
