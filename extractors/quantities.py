"""Quantities stated as ratios in prose ("3150/3155=99,8%", "2/19", "2.252/3.177", "6/7 nhiệm vụ",
"3 trên 18 cán bộ, công chức", "tiếp nhận 1.250 hồ sơ, trong đó giải quyết đúng hạn 1.245 hồ sơ").

Scores ("x/y điểm"), ranks ("xếp thứ 5/19"), dates and document numbers are not quantities.
Each quantity keeps the counted noun (``unit``) and the words that say what is counted (``label``).
:func:`read_stated_quantity` reads what a ratio counts as a population (the whole: counted noun,
stage, scopes, period) and a part (the numerator's qualifiers), from the lexicon in
:mod:`cchc.extractors.lexicon`, so the checker can tell when two statements give the same whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

import regex as re

from cchc.extractors.layout import sentence_bounds
from cchc.extractors.lexicon import (
    CLAUSE_CONNECTORS,
    COUNTED_NOUNS,
    FRAMING_PHRASES,
    FUNCTION_WORDS,
    MANNERS,
    NAMED_SUBUNIT,
    NAMED_SUBUNIT_SCOPE,
    OFFICE_NAMES,
    PERIODS,
    POLARITIES,
    SCOPES,
    STAGES,
    SUBSET_OPENERS,
    WHOLE_MARKERS,
)
from cchc.extractors.locale_vi import NUMBER_WORDS
from cchc.extractors.normalize import fold, folded_in_place, matches_from
from cchc.extractors.numbers import parse_number
from cchc.extractors.scores import PERCENT_SIGN
from cchc.schemas.record import Evidence, Quantity

_COUNT = r"\d{1,3}(?:\.\d{3})+|\d+"
# never a ratio cut out of numbers grouped by spaces ("1 327/1 331": 327/1 is no count of anything)
RATIO_RE = re.compile(
    rf"(?<![\d.,/])(?<!\d\s)(?P<num>{_COUNT})\s*/\s*(?P<den>{_COUNT})"
    rf"(?!\d|[/.,]\d|\s*/|\s*(?:điểm|đ)(?!\p{{L}})|\s*-|\s\d{{3}}(?!\d))"
)
# "3 trên 18 cán bộ, công chức", "1 trên tổng số 17 TTHC": a ratio in words, taken only before a counted noun
# (the counted noun may stand between: "1.290 hồ sơ trên tổng số 1.900 hồ sơ TTHC đã giải quyết")
_NOUN_ALT = "|".join(f"(?:{pattern})" for pattern, _unit, _why in COUNTED_NOUNS)
WORDED_RATIO_RE = re.compile(
    rf"(?<![\d.,/])(?P<num>{_COUNT})\s+(?:(?:{_NOUN_ALT})\s+)?trên\s+(?P<marker>tổng\s+số\s+)?(?P<den>{_COUNT})"
    r"(?=\s+(?:người\s+)?\p{L})(?![.,]\d)",
    re.I,
)
# "tiếp nhận 1.250 hồ sơ TTHC, trong đó giải quyết đúng hạn 1.245 hồ sơ": the whole first, then its part
OF_WHICH_RE = re.compile(
    rf"(?<![\d.,/])(?P<den>{_COUNT})\s+(?P<whole>[^;:.\d()]{{1,60}}?)[,;]?\s+trong\s+(?:đó|số\s+đó)(?:\s+có)?"
    rf"(?P<part>[^;:.\d()]{{0,40}}?)(?<![\d.,/])(?P<num>{_COUNT})(?![.,]?\d|\s*/|\s*%|\s*(?:điểm|đ)(?!\p{{L}}))"
)
# a rank's label before the ratio, also as a label and its value cell or line ("Xếp hạng | 9/29", "Xếp hạng: 9/29")
RANK_BEFORE_RE = re.compile(r"(?:xếp|hạng|thứ|đứng)\s*(?:thứ\s*)?(?:hạng\s*)?(?:thứ\s*)?(?:[:|]\s*)?$", re.I)
PERCENT_AFTER_RE = re.compile(
    r"^\s*(?:=|bằng|,?\s*đạt(?:\s+tỷ\s+lệ)?|\(|,?\s*tỷ\s+lệ(?:\s+đạt)?|,?\s*chiếm)?\s*(?P<pct>\d+(?:[.,]\d+)?)\s*"
    + PERCENT_SIGN
)
# what is counted (words only, no number, no clause break) then the percent in brackets: "10/11 công chức
# (90,91%)", "900/1.245 tổng số hồ sơ giải quyết trong năm (72,3%)", "25/26 hồ sơ của bản Nà Đon được giải quyết
# đúng hạn (96,15%)" (eleven syllables: a Vietnamese word is one to three of them, so up to fifteen)
NOUN_THEN_PERCENT_RE = re.compile(
    r"^\s*(?:\p{L}+,?\s+){0,14}\p{L}+\s*\(\s*(?P<pct>\d+(?:[.,]\d+)?)\s*" + PERCENT_SIGN + r"\s*\)"
)
# Counted nouns, most specific first (the lexicon says why each is there); the canonical unit is the value.
UNITS: list[tuple[str, str]] = [(pattern, unit) for pattern, unit, _why in COUNTED_NOUNS]
UNIT_RES = [(re.compile(rf"(?<!\p{{L}})(?:{pattern})(?!\p{{L}})", re.I), unit) for pattern, unit in UNITS]
AFTER_SKIP_RE = re.compile(r"^\s*(?:tổng\s+số\s+|trong\s+tổng\s+số\s+|trên\s+tổng\s+số\s+|số\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    numerator: float
    denominator: float
    percent: float | None
    unit: str | None
    label: str
    sentence: str
    start: int
    end: int


def _unit_near(text: str, start: int, end: int, s_left: int, s_right: int) -> str | None:
    after = text[end:s_right]
    skip = AFTER_SKIP_RE.match(after)
    rest = after[skip.end() if skip else 0 :]
    for pattern, unit in UNIT_RES:
        m = pattern.match(rest)
        if m:
            return unit
    before = text[s_left:start]
    nouns = [(m.start(), m.end(), unit) for pattern, unit in UNIT_RES for m in pattern.finditer(before)]
    # "TTHC" inside "hồ sơ TTHC", "công chức" inside "cán bộ, công chức": part of a longer noun, not a noun
    whole = [n for n in nouns if not any(o[0] <= n[0] and n[1] <= o[1] and o[1] - o[0] > n[1] - n[0] for o in nouns)]
    if whole:
        return max(whole)[2]
    for pattern, unit in UNIT_RES:
        if pattern.search(after):
            return unit
    return None


def _first_noun(text: str) -> str | None:
    """The counted noun that comes first in ``text`` (the longer noun where two start together)."""
    found = [(m.start(), -len(m.group(0)), unit) for pattern, unit in UNIT_RES if (m := pattern.search(text))]
    return min(found)[2] if found else None


OF_WHICH_START_RE = re.compile(r"^\s*trong\s+(?:đó|số\s+đó)(?!\p{L})", re.I)


def _whole_before_of_which(text: str, left: int, m: re.Match[str]) -> str | None:
    """The noun of a part stated after "; trong đó": the whole's, named with the same total in the clause
    before ("Tổng số cán bộ, công chức của xã: 22 người; trong đó đạt chuẩn 21/22 người")."""
    if text[max(0, left - 1) : left] != ";" or not OF_WHICH_START_RE.match(text[left : m.start()]):
        return None
    clause = text[sentence_bounds(text, left - 2, left - 1)[0] : left - 1]
    if not re.search(rf"(?<![\d.,]){re.escape(m['den'])}(?![\d.,]\d)", clause):
        return None  # "Xã có 5 thôn; trong đó … 21/22 người": the clause before is another whole
    return _first_noun(clause)


def _counts_something(text: str) -> bool:
    """``text`` starts with a counted noun, or "người" (persons)."""
    text = text.lstrip()
    return any(p.match(text) for p, _ in UNIT_RES) or re.match(r"người\b", text) is not None


_STAFF_UNITS = frozenset({"cán bộ, công chức", "công chức", "cán bộ"})


def _same_kind(whole: str, part: str) -> bool:
    """The part counts what the whole counts: the same noun, or "người" (persons) of a whole of staff."""
    whole_unit, part_unit = _first_noun(whole), _first_noun(part)
    if part_unit is None and re.match(r"\s*người\b", part):
        return whole_unit in _STAFF_UNITS
    return part_unit is not None and part_unit == whole_unit


def _is_quantity(text: str, m: re.Match[str]) -> bool:
    """A ratio match that counts something: not a rank, a document number, or a worded ratio without a noun."""
    if m.re is WORDED_RATIO_RE and not any(p.match(text, m.end() + 1) for p, _ in UNIT_RES):
        if not re.match(r"\s+người\b", text[m.end() :]):
            return False
    if m.re is OF_WHICH_RE and not (_counts_something(m["whole"]) and _counts_something(text[m.end() : m.end() + 40])):
        return False  # "21 cán bộ, trong đó 2 năm liền …": the part must count the whole's kind
    if m.re is OF_WHICH_RE and ";" in text[m.start() : m.start("part")] and not _same_kind(m["whole"], text[m.end() : m.end() + 40]):
        return False  # after "; trong đó" the clause before may be another whole: "Xã có 5 thôn; trong đó 3 người …"
    if RANK_BEFORE_RE.search(text[max(0, m.start() - 25) : m.start()]):
        return False
    after = text[m.end() : m.end() + 4]
    return not (re.match(r"\s*[\p{Lu}Đ]{2,}", after) and not re.match(r"\s*(?:TTHC|CBCC|PAKN)", text[m.end() :]))


# a count in words with its digits in brackets, as legal texts print it: "mười tám (18) cán bộ, công chức"
_BRACKETED_DIGITS_RE = re.compile(r"\(\s*\d{1,4}\s*\)")
_WORDED_COUNT_RE = re.compile(rf"(?<!\p{{L}}){NUMBER_WORDS}\s*\(\s*(?P<n>\d{{1,4}})\s*\)", re.I)


def _digits_for_words(text: str) -> str:
    """``text`` with each "mười tám (18)" as its digits, right-aligned in the same width (offsets kept)."""
    if "(" not in text or _BRACKETED_DIGITS_RE.search(text) is None:  # cheap necessary condition first
        return text
    return _WORDED_COUNT_RE.sub(lambda m: m["n"].rjust(len(m.group(0))), text)


# a ratio whose two counts group their thousands with a space, as a PDF typeset with a thin space reads ("2 839/2 841":
# held-out round 12; a DOCX's thin or no-break space is read as the thousands dot already, document.nfc)
# (held-out round 23: "700/1 180", a count under a thousand over a grouped one)
_SPACE_GROUPED_RATIO_RE = re.compile(
    r"(?<![\d.,/]\s?)\d{1,3}(?: \d{3})*\s*/\s*\d{1,3}(?: \d{3})+(?![\d.,/%]|\s\d|\s?%)"
)
_SPACE_GROUP_HINT_RE = re.compile(r"/\s*\d{1,3} \d{3}")  # a necessary part of it: the whole's first group after "/"


def _dots_for_space_groups(text: str) -> str:
    """``text`` with each ratio of space-grouped counts dotted as Vietnamese groups them ("2.839/2.841"), offsets kept."""
    if "/" not in text or _SPACE_GROUP_HINT_RE.search(text) is None:  # cheap necessary condition first
        return text
    return _SPACE_GROUPED_RATIO_RE.sub(lambda m: re.sub(r"(?<=\d) (?=\d{3})", ".", m.group(0)), text)


def ratio_matches(text: str) -> list[re.Match[str]]:
    """The ratio statements of ``text`` in order: "a/b", "a trên (tổng số) b", "b …, trong đó a" (also
    "có mười tám (18) cán bộ, công chức; trong đó mười bảy (17) người đạt chuẩn"; "2 839/2 841")."""
    text = _dots_for_space_groups(_digits_for_words(text))
    # each pattern searched only where its own words stand: RATIO_RE's "/", WORDED_RATIO_RE's "trên" (case-blind),
    # OF_WHICH_RE's "trong" (case-sensitive, as that pattern is)
    slashed = RATIO_RE.finditer(text) if "/" in text else ()
    worded = WORDED_RATIO_RE.finditer(text) if "trên" in text.lower() else ()
    ratios = [m for m in (*slashed, *worded) if _is_quantity(text, m)]
    of_which = [
        m
        for m in (OF_WHICH_RE.finditer(text) if "trong" in text else ())
        if _is_quantity(text, m) and not any(r.start() < m.end() and m.start() < r.end() for r in ratios)
    ]
    return sorted([*ratios, *of_which], key=lambda m: m.start())


def _percent_after(text: str, end: int, right: int) -> float | None:
    """A percent printed right after a ratio ("=99,8%", "(100%)", ", đạt tỷ lệ 99,6%")."""
    tail = text[end:right]
    pm = PERCENT_AFTER_RE.match(tail)
    if pm is None:
        pm = NOUN_THEN_PERCENT_RE.match(tail)  # "10/11 công chức (90,91%)"
    if pm is None:
        later = re.search(r"(?:đạt|tỷ\s+lệ|chiếm)[^\d%]{0,20}?(?P<pct>\d+(?:[.,]\d+)?)\s*" + PERCENT_SIGN, tail, re.I)
        if later and not re.search(r"\d", tail[: later.start("pct")]):
            pm = later
    if pm is not None and _is_bound(tail, pm):
        return None
    pct = parse_number(pm["pct"], small=True) if pm is not None else None
    return pct.value if pct else None


# a percent printed first, its ratio in brackets after it: "đạt 99,70% (1.327/1.331 hồ sơ)"
PERCENT_BEFORE_RE = re.compile(rf"(?P<pct>\d+(?:[.,]\d+)?)\s*{PERCENT_SIGN}\s*\(\s*$")


def _percent_of(text: str, m: re.Match[str], left: int, right: int) -> float | None:
    """The ratio's own percent: printed right after it, else right before it with the ratio in brackets."""
    after = _percent_after(text, m.end(), right)
    if after is not None:
        return after
    before = PERCENT_BEFORE_RE.search(text, left, m.start())
    pct = parse_number(before["pct"], small=True) if before is not None else None
    return pct.value if pct else None


# a percent that bounds rather than states: "10/10 lĩnh vực đạt tỷ lệ từ 80% số điểm trở lên" (round 7 of the
# held-out set: 'ten of ten fields reached 80% of their points or more'), "đạt trên 90%", "ít nhất 50%"
BOUND_BEFORE_RE = re.compile(r"(?<!\p{L})(?:từ|trên|dưới|tối\s+thiểu|ít\s+nhất)\s*$", re.I)
BOUND_AFTER_RE = re.compile(r"^\s*%?\s*(?:\p{L}+\s+){0,4}trở\s+(?:lên|xuống)(?!\p{L})", re.I)


def _is_bound(tail: str, pm: re.Match[str]) -> bool:
    """The percent after a ratio is a threshold ("từ 80% … trở lên"), not the ratio's own percent."""
    return bool(BOUND_BEFORE_RE.search(tail[: pm.start("pct")]) or BOUND_AFTER_RE.match(tail[pm.end() :]))


def as_record_quantity(q: FoundQuantity, evidence: list[Evidence], criterion: str | None = None) -> Quantity:
    """A found ratio as the record keeps it, with its evidence and the criterion it was stated under."""
    return Quantity(
        label=q.label,
        numerator=q.numerator,
        denominator=q.denominator,
        percent=q.percent,
        unit=q.unit,
        sentence=q.sentence,
        criterion=criterion,
        evidence=evidence,
    )


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every count ratio in ``text`` with its unit, label, sentence and a percent printed right after it."""
    found = []
    for m in ratio_matches(text):
        num, den = parse_number(m["num"]), parse_number(m["den"])
        if num is None or den is None or den.value == 0 or (m.re is OF_WHICH_RE and num.value > den.value):
            continue
        left, right = sentence_bounds(text, m.start(), m.end())
        unit = _first_noun(m["whole"]) if m.re is OF_WHICH_RE else _unit_near(text, m.start(), m.end(), left, right)
        if unit is None and (unit := _whole_before_of_which(text, left, m)) is not None:
            left = sentence_bounds(text, left - 2, left - 1)[0]  # the sentence names the whole and its part
        found.append(
            FoundQuantity(
                numerator=num.value,
                denominator=den.value,
                percent=_percent_of(text, m, left, right),
                unit=unit,
                label=_label(text, left, m.start("num" if m.re is OF_WHICH_RE else 0), m.end(), right),
                sentence=" ".join(text[left:right].split()),
                start=m.start(),
                end=m.end(),
            )
        )
    return found


# A table of the records of the year (its header, then a row of numbers, as cells "a | b" or as text columns):
# "Số hồ sơ tiếp nhận | Đã giải quyết | Giải quyết đúng hạn | Tỷ lệ đúng hạn (%)" / "1.245 | 1.230 | 1.221 | 98,27".
# A column's role by its header, the most specific first (the rate before the on-time count it names).
RECORD_COLUMN_RE = re.compile(
    r"(?P<rate>tỷ\s+lệ(?:\s+(?:giải\s+quyết\s+)?(?:đúng|quá|trễ)\s+hạn)?(?:\s*\(\s*%\s*\))?)"
    r"|(?P<on_time>(?:giải\s+quyết\s+)?đúng\s+hạn)"
    r"|(?P<late>(?:giải\s+quyết\s+)?(?:quá|trễ)\s+hạn)"
    r"|(?P<received>(?:số\s+)?(?:hồ\s+sơ\s+)?(?:đã\s+)?tiếp\s+nhận)"
    r"|(?P<resolved>(?:số\s+)?(?:hồ\s+sơ\s+)?(?:đã\s+)?giải\s+quyết)",
    re.I,
)
# the words every match of RECORD_COLUMN_RE begins with, lower-cased
_RECORD_COLUMN_STARTS = ("tỷ", "giải", "đúng", "quá", "trễ", "số", "hồ", "đã", "tiếp")
_CELL_RE = re.compile(r"[\s|]*(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d.,]*\p{L})")


def _record_columns(text: str) -> list[re.Match[str]]:
    """The column headers of a records table, in order; none when a role comes twice (prose, read no further)."""
    columns: list[re.Match[str]] = []
    roles: set[str | None] = set()
    folded = folded_in_place(text)  # None: the pattern's own scan
    found = RECORD_COLUMN_RE.finditer(text) if folded is None else (
        matches_from(RECORD_COLUMN_RE, text, _RECORD_COLUMN_STARTS, folded)
    )
    for m in found:
        if m.lastgroup in roles:
            return []
        roles.add(m.lastgroup)
        columns.append(m)
    return columns


def find_records_table(text: str) -> FoundQuantity | None:
    """The on-time records over the records resolved, and the rate, of a records table (header then one
    row of numbers, a number per header): the table states the ratio a sentence would ("1.221/1.230 hồ sơ
    giải quyết đúng hạn, đạt 98,27%"). Its ``sentence`` is that ratio in the header's own words."""
    folded = text.lower()
    if "đúng" not in folded or "giải" not in folded:
        return None  # no on-time or no resolved column: the header's words need both
    columns = _record_columns(text)
    roles = [m.lastgroup for m in columns]
    if not {"on_time", "resolved"} <= set(roles) or not columns:
        return None
    cells: list[re.Match[str]] = []
    at = columns[-1].end()
    while len(cells) < len(columns) and (cell := _CELL_RE.match(text, at)):
        cells.append(cell)
        at = cell.end()
    if len(cells) != len(columns) or re.match(r"[\s|]*\d", text[at:]):
        return None  # a number per header, no more: a row of this table, not a sentence
    values = {role: parse_number(c["n"], small=role == "rate") for role, c in zip(roles, cells, strict=True)}
    on_time, resolved = values["on_time"], values["resolved"]
    received, rate = values.get("received"), values.get("rate")
    if on_time is None or resolved is None or not 0 < on_time.value <= resolved.value:
        return None
    if received is not None and received.value < resolved.value:
        return None
    header = {role: " ".join(m.group(0).split()).lower() for role, m in zip(roles, columns, strict=True)}
    noun = "hồ sơ" if re.search(r"hồ\s+sơ", text[: columns[-1].end()], re.I) else ""
    printed_on_time, printed_resolved = cells[roles.index("on_time")]["n"], cells[roles.index("resolved")]["n"]
    sentence = " ".join(f"{header['on_time']} {printed_on_time}/{printed_resolved} {noun} {header['resolved']}".split())
    return FoundQuantity(
        numerator=on_time.value,
        denominator=resolved.value,
        percent=rate.value if rate is not None else None,
        unit=noun or None,
        label=f"{header['on_time']} {header['resolved']}",
        sentence=sentence,
        start=columns[0].start(),
        end=cells[-1].end(),
    )


def _label(text: str, left: int, start: int, end: int, right: int) -> str:
    """The words around a ratio that say what it counts, numbers and punctuation removed."""
    before = text[left:start]
    after = text[end:right]
    # a counted noun written with a comma ("cán bộ, công chức", "tin, bài") is one noun: its comma
    # does not end what is counted
    for pattern, _ in UNIT_RES:
        after = pattern.sub(lambda m: m.group(0).replace(",", ""), after)
    after = re.split(r"[,;(=]|\s+(?:do|vì|nên)\s+", after, maxsplit=1)[0]
    words = re.sub(r"[^\p{L}\s]", " ", f"{before} {after}")
    return " ".join(words.split())


# --------------------------------------------------------------------------- what a ratio counts


@dataclass(frozen=True, slots=True)
class Population:
    """What a whole (a denominator) counts: a counted noun at a stage, narrowed by scopes, in a period.

    ``modifiers`` are the other content words that name it (hộ *nghèo*, nhiệm vụ of *kế hoạch ứng dụng
    cntt*): two wholes with different modifiers are not taken for the same population. No ``periods``
    is the report's own period.
    """

    noun: str | None
    stage: str | None = None
    scopes: frozenset[str] = frozenset()
    periods: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()

    @property
    def bare(self) -> bool:
        """Named by its counted noun alone (all staff, all records)."""
        return not (self.stage or self.scopes or self.modifiers)

    def text(self) -> str:
        """The population in words, e.g. ``hồ sơ giải quyết trực tuyến``."""
        words = [self.noun or "", self.stage or "", *sorted(self.scopes), *sorted(self.modifiers), *sorted(self.periods)]
        return " ".join(w for w in words if w)


@dataclass(frozen=True, slots=True)
class StatedQuantity:
    """A ratio read as a part of a whole: ``part`` holds the numerator's qualifiers (đúng hạn, trực tuyến)."""

    numerator: float | None
    denominator: float | None
    percent: float | None
    whole: Population
    part: frozenset[str]
    attributes: frozenset[str]  # what the part's polarities speak of ("chuẩn" for đạt / chưa đạt chuẩn)
    whole_words: str  # the report's words the whole was read from (provenance)
    part_words: str
    span: tuple[int, int] | None = None  # where the ratio stands in its sentence; None when read from a label


@dataclass(slots=True)
class _Words:
    """The lexicon's entries found in a phrase, in the order they are printed."""

    stages: list[str]
    polarities: list[str]
    attributes: set[str]
    scopes: set[str]
    periods: list[str]
    nouns: list[str]
    rest: list[str]
    manners: set[str] = field(default_factory=set)  # scopes said of the verb: after a stage or "được"


def _word_re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\p{{L}})(?:{pattern})(?!\p{{L}})", re.I)


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_OFFICE_RE = _word_re("|".join(re.escape(n) for n in OFFICE_NAMES))
_FRAMING_RE = _word_re("|".join(re.escape(p) for p in sorted(FRAMING_PHRASES, key=len, reverse=True)))
_DUOC_RE = _word_re("được")
# counted nouns written with a comma ("cán bộ, công chức", "tin, bài", "phản ánh, kiến nghị") are one noun
_COMMA_NOUN_RE = re.compile(r"(cán\s+bộ|tin|phản\s+ánh),(\s+(?:công\s+chức|bài|kiến\s+nghị))", re.I)
_DATE_RE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}")
# a document's number names it ("Kế hoạch số 29/KH-UBND"): one word, so that two plans stay apart
_DOC_NUMBER_RE = re.compile(r"\d+/[\p{L}Đđ]+(?:-[\p{L}Đđ]+)*")


def _group_value(name: str, group: str) -> str:
    """A captured group as the lexicon names it: "quý 1" and "quý I" alike, "mức độ 3, 4" as "3,4"."""
    group = "".join(group.split()) if "," in group else group
    if name.startswith("quý"):
        return _ROMAN.get(group, group.upper())
    return group


_Table = list[tuple[re.Pattern[str], str, str]]


def _consume(text: str, table: _Table) -> tuple[str, list[tuple[int, str, str]]]:
    """Every match of the table's patterns as (position, name, extra), and ``text`` with them blanked.

    Entries are tried in the table's order, so a longer form listed first ("chưa đạt chuẩn") is taken
    before the shorter one inside it ("đạt chuẩn").
    """
    found = []
    for pattern, name, extra in table:
        for m in pattern.finditer(text):
            groups = [_group_value(name, g) for g in m.groups() if g]
            found.append((m.start(), name.format(*groups) if groups else name, extra))
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text, sorted(found)


_PERIOD_TABLE: _Table = [(_word_re(p), name, "") for p, name, _why in PERIODS]
_POLARITY_TABLE: _Table = [(_word_re(p), name, attribute) for p, name, attribute, _why in POLARITIES]
_SCOPE_TABLE: _Table = [(_word_re(p), name, "") for p, name, _why in SCOPES]
_NAMED_SUBUNIT_RE = re.compile(NAMED_SUBUNIT)
_STAGE_TABLE: _Table = [(_word_re(p), name, "") for p, name, _why in STAGES]
_NOUN_TABLE: _Table = [(pattern, unit, "") for pattern, unit in UNIT_RES]


def read_words(phrase: str, *, label: bool = False) -> _Words:
    """The periods, polarities, scopes, stages and counted nouns of ``phrase``, and the content words after
    its first counted noun (all its content words for a ``label`` such as "Hộ tịch:")."""
    text = _COMMA_NOUN_RE.sub(r"\1\2", fold(phrase))
    text = _OFFICE_RE.sub(" ", _DATE_RE.sub(" ", text))
    text = _DOC_NUMBER_RE.sub(lambda m: "số" + re.sub(r"\W", "", m.group(0)), text)
    text, periods = _consume(text, _PERIOD_TABLE)
    text, polarities = _consume(text, _POLARITY_TABLE)
    text, scopes = _consume(text, _SCOPE_TABLE)
    if (named := _NAMED_SUBUNIT_RE.search(phrase)) is not None:  # "buôn Ea Kmar": one village, not the commune
        scopes.append((named.start(), NAMED_SUBUNIT_SCOPE, ""))
    text, stages = _consume(text, _STAGE_TABLE)
    text, nouns = _consume(text, _NOUN_TABLE)
    noun_at = nouns[0][0] if nouns else len(text)
    verbs = [p for p, _, _ in stages] + [m.start() for m in _DUOC_RE.finditer(text)]
    verb_at = min((p for p in verbs if p > noun_at), default=len(text))
    manners = {name for p, name, _ in scopes if name in MANNERS and p > verb_at}
    # a Vietnamese noun phrase puts its modifiers after the head noun (hộ nghèo): the words before the
    # counted noun ("Tỷ lệ", "Hiện có", a heading run into the line) do not name the population
    text = _FRAMING_RE.sub(" ", text if label else text[nouns[0][0] :] if nouns else "")
    return _Words(
        stages=[name for _, name, _ in stages],
        polarities=[name for _, name, _ in polarities],
        attributes={attribute for _, _, attribute in polarities},
        scopes={name for _, name, _ in scopes},
        periods=[name for _, name, _ in periods],
        nouns=[name for _, name, _ in nouns],
        rest=[w for w in re.findall(r"[\p{L}\d]*\p{L}[\p{L}\d]*", text) if w not in FUNCTION_WORDS],
        manners=manners,
    )


_CLAUSE_SPLIT_RE = re.compile(r"([:;(\[]|\s[-–+]\s)")
_AFTER_PERCENT_RE = re.compile(
    rf"^\s*(?:=\s*\d+(?:[.,]\d+)?\s*{PERCENT_SIGN}|\(\s*\d+(?:[.,]\d+)?\s*{PERCENT_SIGN}\s*\))"
)
_AFTER_END_RE = re.compile(
    r"[;:()\[\]=]|,(?!\s*\d)|\.(?!\d)|\s(?:do|vì|nên|tuy|nhưng|so\s+với|tăng|giảm)\s|\s(?:đạt|chiếm|bằng)\s+(?=\d|t[ỷỉ]\s+lệ)",
    re.I,
)


def _names_something(words: _Words) -> bool:
    return bool(words.nouns or words.stages)


_CONNECTOR_RE = re.compile(rf"\s(?:{'|'.join(CLAUSE_CONNECTORS)})\s", re.I)
_SUBSET_OPENER_RE = re.compile(rf"^\W*(?:{'|'.join(sorted(SUBSET_OPENERS, key=len, reverse=True))})(?!\p{{L}})", re.I)


def _clause_before(text: str) -> tuple[str, str]:
    """The clause that ends at a ratio (after the last colon or bracket, the last one naming a noun or a
    stage, and never before a connector such as "nhưng"), and the label printed before it with a colon
    ("Lĩnh vực đất đai: …", "Hộ tịch: …") or ""."""
    text = _CONNECTOR_RE.split(text)[-1]
    parts = _CLAUSE_SPLIT_RE.split(re.sub(r"\([^()]*\)", " ", text))
    segments, ends = parts[0::2], [*parts[1::2], ""]  # ends[k]: the mark that ends segments[k]
    filled = [k for k, segment in enumerate(segments) if segment.strip()]
    named = [k for k in filled if _names_something(read_words(segments[k]))]
    if named:
        k = named[-1]
        label = next((segments[j] for j in reversed(filled) if j < k), "")
        return segments[k], label if k and ends[k - 1] == ":" else ""
    if filled and ends[filled[-1]] == ":":
        return "", segments[filled[-1]]
    return (segments[filled[-1]] if filled else ""), ""


def _clause_after(text: str) -> str:
    """The words right after a ratio up to the clause's end ("tổng số hồ sơ TTHC được giải quyết trong năm")."""
    text = _COMMA_NOUN_RE.sub(r"\1\2", _AFTER_PERCENT_RE.sub(" ", text))
    return _AFTER_END_RE.split(text, maxsplit=1)[0]


def _whole_after(after: str) -> str | None:
    """The whole named after a fraction by a marker ("tổng số hồ sơ …" -> "hồ sơ …"), else None."""
    folded = fold(after)
    marker = next((mk for mk in WHOLE_MARKERS if folded == mk or folded.startswith(mk + " ")), None)
    return folded[len(marker) :] if marker is not None and folded[len(marker) :].strip() else None


def _locate(sentence: str, numerator: float, denominator: float) -> re.Match[str] | None:
    for m in ratio_matches(sentence):
        num, den = parse_number(m["num"]), parse_number(m["den"])
        if num is not None and den is not None and (num.value, den.value) == (numerator, denominator):
            return m
    return None


class _Parts(NamedTuple):
    whole: str  # the words the whole is read from
    part: str  # the words the part is read from
    named: bool  # the whole is named on its own ("tổng số …", "trong đó")
    label: str  # a label printed before the clause with a colon ("Lĩnh vực đất đai:")


# the clause of a part after the whole's ("…: 22 người; trong đó đạt chuẩn " before "21/22"): its words qualify the part
_OF_WHICH_CLAUSE_RE = re.compile(r";\s*trong\s+(?:số\s+)?đó\s+(?P<part>[^;:,]*)$", re.I)


def _split(sentence: str, m: re.Match[str]) -> _Parts:
    """The words of the whole and of the part around ratio ``m`` in ``sentence``."""
    before, label = _clause_before(sentence[: m.start()])
    after = _clause_after(sentence[m.end() :])
    if m.re is OF_WHICH_RE:
        return _Parts(f"{before} {m['whole']}", f"{m['part']} {after}", True, label)
    named = _whole_after(after)
    if named is not None:
        return _Parts(named, before, True, label)
    if m.re is WORDED_RATIO_RE and m["marker"]:
        return _Parts(after, before, True, label)
    of_which = _OF_WHICH_CLAUSE_RE.search(sentence, 0, m.start())
    if of_which is not None:  # "Tổng số cán bộ, công chức: 22 người; trong đó đạt chuẩn 21/22 người"
        return _Parts(before, f"{of_which['part']} {after}", False, label)
    return _Parts(before, after, False, label)


def _stage(stages: list[str]) -> str | None:
    """One stage, or several joined ("tiếp nhận + giải quyết"): which of them the whole has reached is not
    said, so such a whole is compared only with one worded alike."""
    return " + ".join(dict.fromkeys(stages)) or None


def _explicit(whole: _Words, part: _Words, unit: str | None) -> tuple[Population, _Words]:
    """The whole named on its own ("… trên tổng số b hồ sơ tiếp nhận"); every word before it is the part's."""
    population = Population(
        noun=whole.nouns[0] if whole.nouns else unit,
        stage=_stage(whole.stages),
        scopes=frozenset(whole.scopes),
        periods=frozenset(whole.periods),
        modifiers=frozenset(whole.rest),
    )
    return population, part


def _implicit(before: _Words, after: _Words, unit: str | None) -> tuple[Population, _Words]:
    """The whole implied by the words around the ratio ("Tỷ lệ hồ sơ giải quyết đúng hạn: a/b"): all but
    the polarities and the manners said of the verb ("được tiếp nhận trực tuyến"); a stage after the fraction
    ("a/b hồ sơ tiếp nhận") is the whole's, those before it the part's."""
    population = Population(
        noun=next(iter(after.nouns or before.nouns), unit),
        stage=_stage(after.stages or before.stages),
        scopes=frozenset((before.scopes - before.manners) | after.scopes),
        periods=frozenset([*before.periods, *after.periods]),
        modifiers=frozenset([*before.rest, *after.rest]),
    )
    part_stages = before.stages if after.stages else []
    part = _Words(part_stages, [*before.polarities, *after.polarities], before.attributes | after.attributes,
                  before.manners, [], [], [])  # fmt: skip
    return population, part


# a label that numbers an indicator or a section ("- Mục 7.2 …", "3. Cải cách TTHC", "Chỉ số 3.5") names
# where the statement stands, not a part of the population
_PLACE_LABEL_RE = re.compile(r"^\W*(?:\d|[IVX]+\.|\p{L}\)|mục\b|chỉ\s+số\b|tiêu\s+chí\b|lĩnh\s+vực\s+\d)", re.I)


def _with_context(population: Population, label: str, before: _Words | None) -> Population:
    """The whole narrowed by the label just before its clause ("Lĩnh vực đất đai: …", "Hộ tịch: …"), and
    given the sentence's period when its own words name none. Manners in a label ("cung cấp dịch vụ công
    trực tuyến") name an indicator, not the whole, so they are left out."""
    periods = population.periods or frozenset(before.periods if before else ())
    words = read_words(label, label=True)
    named = not _PLACE_LABEL_RE.match(label)
    return replace(
        population,
        scopes=population.scopes | (words.scopes - set(MANNERS)),
        periods=periods,
        modifiers=population.modifiers | frozenset(words.rest if named else ()),
    )


def read_stated_quantity(
    sentence: str | None,
    numerator: float | None,
    denominator: float | None,
    percent: float | None = None,
    unit: str | None = None,
    label: str = "",
) -> StatedQuantity:
    """What a stated ratio counts: its whole as a :class:`Population` and its part's qualifiers.

    The ratio is found in ``sentence`` by its two values; a quantity whose ratio is not in its sentence
    (or a percent alone) is read from ``label``. ``unit`` is the counted noun when the words name none.

    >>> q = read_stated_quantity("727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm.", 727, 1039)
    >>> q.whole.text(), sorted(q.part)
    ('hồ sơ giải quyết', [])
    """
    sentence = sentence or ""
    m = _locate(sentence, numerator, denominator) if numerator is not None and denominator else None
    whole_words, part_words, explicit, printed_label = _split(sentence, m) if m else (label, "", False, "")
    whole, part = read_words(whole_words), read_words(part_words)
    population, qualifiers = (_explicit if explicit else _implicit)(whole, part, unit)
    population = _with_context(population, printed_label, read_words(sentence[: m.start()]) if m else None)
    if m is not None and _SUBSET_OPENER_RE.match(sentence):
        population = replace(population, scopes=population.scopes | {"trong đó"})
    named = {*qualifiers.polarities, *qualifiers.stages, *qualifiers.scopes, *qualifiers.rest, *whole.polarities}
    return StatedQuantity(
        numerator=numerator,
        denominator=denominator,
        percent=percent,
        whole=population,
        part=frozenset(named),
        attributes=frozenset(qualifiers.attributes | whole.attributes),
        whole_words=" ".join(whole_words.split()),
        part_words=" ".join(part_words.split()),
        span=m.span() if m else None,
    )
