"""References to other documents ("Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện Tứ Kỳ").

Regex finds the candidates; spaCy holds them as entities of a ``Doc`` so that each reference
comes with its sentence. The pipeline is ``spacy.blank("xx")`` plus a sentencizer:
``spacy.blank("vi")`` needs the pyvi word segmenter (not installed, and with it off it splits
only on spaces, so the sentencizer sees one sentence), while the multi-language tokenizer splits
punctuation and the sentencizer then finds real sentence ends. No model is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import regex as re

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
_TYPE = "|".join(sorted((re.escape(k) for k in DOC_TYPES), key=len, reverse=True))
# "855/QĐ-UBND", "29/ KH-UBND", "12/2023/NQ-HĐND"; Party numbering puts the type before the slash:
# "225-CV/ĐU", "04-CTr/ĐU" (chương trình), "12-KH/ĐU" (issue 11)
_CODE = r"[\p{Lu}Đ][\p{Lu}Đ\d]*"
_NUMBER = (
    rf"\d{{1,5}}(?:/\d{{4}})?(?:-(?:{_CODE}|CTr))?/\s*{_CODE}(?:\s*-\s*{_CODE})*"
)
REFERENCE_RE = re.compile(
    rf"(?<!\p{{L}})(?P<type>{_TYPE})\s+(?:số\s*:?\s*)?(?P<number>{_NUMBER})"
    r"(?:\s*,?\s*ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+(?:của|do)\s+(?P<issuer>[^,;.()]{2,80}?))?(?=\s+(?:về|và|ban hành|phê duyệt|quy định|công bố|hướng dẫn|triển khai|tại|theo)(?!\p{L})|[,;.()]|$)",
    re.IGNORECASE,
)
DATE_BEFORE_RE = re.compile(r"ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})[^.;]{0,60}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundReference:
    type: str
    number: str
    date: str | None
    date_valid: bool
    issuer: str | None
    start: int
    end: int
    sentence: str
    sentence_start: int


def parse_date(text: str) -> tuple[str | None, bool]:
    """("YYYY-MM-DD", True) for a real date; (text as printed, False) for an impossible one."""
    nums = [int(n) for n in re.findall(r"\d+", text)]
    if len(nums) != 3:
        return None, False
    day, month, year = nums
    try:
        return date(year, month, day).isoformat(), True
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}", False


def normalize_number(number: str) -> str:
    return re.sub(r"\s*([/-])\s*", r"\1", number.strip())


@cache
def reference_pipeline() -> Any:
    """The spaCy pipeline (blank multi-language tokenizer + sentencizer), built on first use: importing
    spaCy costs ~0.7 s of CPU, which a report without any reference candidate never pays."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def find_references(texts: list[str]) -> list[tuple[int, FoundReference]]:
    """Every reference in each text (a block), with its sentence: (text index, reference).

    Only texts with a regex candidate go through spaCy, so the cost follows the references.
    """
    candidates = [(i, list(REFERENCE_RE.finditer(t))) for i, t in enumerate(texts)]
    candidates = [(i, ms) for i, ms in candidates if ms]
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
        if m is None:
            continue
        raw_date = m["date"]
        sentence = ent.sent
        if raw_date is None:
            before = DATE_BEFORE_RE.search(text[max(sentence.start_char, m.start() - 80) : m.start()])
            raw_date = before["date"] if before else None
        iso, valid = parse_date(raw_date) if raw_date else (None, True)
        issuer = " ".join(m["issuer"].split()) if m["issuer"] else None
        found.append(
            FoundReference(
                type=DOC_TYPES[m["type"].lower()],
                number=normalize_number(m["number"]),
                date=iso,
                date_valid=valid,
                issuer=issuer,
                start=m.start(),
                end=m.end(),
                sentence=" ".join(sentence.text.split()),
                sentence_start=sentence.start_char,
            )
        )
    return found
