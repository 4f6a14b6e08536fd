"""Per-report consistency rules: one small function per rule, registered with a stable code.

Every rule reads only the :class:`Record`; a rule that cannot decide (a value not stated, a listing that
may be incomplete) stays silent, because a false alarm costs the reviewer's trust.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

import regex

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, copy_evidence, rule
from cchc.checker.rounding import (
    close,
    decimals,
    percent_consistent,
    recomputed_percent,
    sum_tolerance,
)
from cchc.extractors.lexicon import (
    COMMUNE_WIDE,
    COUNTED_NOUNS,
    FRAMING_PHRASES,
    SCOPES,
    STAGES,
    VILLAGE_WORDS,
    WHOLE_MARKERS,
)
from cchc.extractors.normalize import fold as normalize_fold
from cchc.extractors.normalize import nfc
from cchc.extractors.numbers import parse_number
from cchc.schemas.record import Criterion, Evidence, Heading, Indicator, Quantity, Record, Severity

_EPS = 1e-9


# --------------------------------------------------------------------------- helpers


def where(evidence: Sequence[Evidence], lang: m.Lang) -> str:
    """Short place of the first evidence: ``tr. 3, dòng 12`` / ``p. 3, line 12``; empty if unknown."""
    if not evidence:
        return ""
    ev = evidence[0]
    parts: list[str] = []
    if ev.page is not None:
        parts.append(f"tr. {ev.page}" if lang == "vi" else f"p. {ev.page}")
    if ev.line is not None:
        parts.append(f"dòng {ev.line}" if lang == "vi" else f"line {ev.line}")
    elif ev.paragraph is not None:
        parts.append(f"đoạn {ev.paragraph + 1}" if lang == "vi" else f"paragraph {ev.paragraph + 1}")
    return ", ".join(parts)


def _at(evidence: Sequence[Evidence], lang: m.Lang) -> str:
    place = where(evidence, lang)
    return f" ({place})" if place else ""


def unique_criteria(record: Record) -> list[Criterion]:
    """The criteria with the first statement of each code kept (unmatched criteria all kept)."""
    seen: set[str] = set()
    out: list[Criterion] = []
    for c in record.criteria:
        if c.code is not None:
            if c.code in seen:
                continue
            seen.add(c.code)
        out.append(c)
    return out


def _framework_codes(ctx: RuleContext) -> list[str]:
    return [c.code for c in ctx.framework.criteria] if ctx.framework is not None else []


# --------------------------------------------------------------------------- CCHC101 percent_mismatch


@dataclass(frozen=True, slots=True)
class _Ratio:
    subject: str
    place_vi: str
    place_en: str
    score: float
    max_score: float
    percent: float
    evidence: Sequence[Evidence]


def _ratios(record: Record) -> Iterator[_Ratio]:
    o = record.overall
    if o.score is not None and o.max_score is not None and o.percent is not None:
        yield _Ratio(
            "overall",
            m.overall_place("vi"),
            m.overall_place("en"),
            o.score,
            o.max_score,
            o.percent,
            o.evidence,
        )
    for c in record.criteria:
        if c.score is not None and c.max_score is not None and c.percent is not None:
            yield _Ratio(
                c.code or c.title,
                m.criterion_place(c.code, "vi"),
                m.criterion_place(c.code, "en"),
                c.score,
                c.max_score,
                c.percent,
                c.evidence,
            )
    for i in record.indicators:
        if i.score is not None and i.max_score is not None and i.percent is not None:
            yield _Ratio(
                i.code,
                m.indicator_place(i.code, "vi"),
                m.indicator_place(i.code, "en"),
                i.score,
                i.max_score,
                i.percent,
                i.evidence,
            )
    for q in record.quantities:
        if q.numerator is not None and q.denominator is not None and q.percent is not None:
            label = m.quote(q.label, 60)
            yield _Ratio(
                m.short(q.unit or q.label), label, label, q.numerator, q.denominator, q.percent, q.evidence
            )


@rule(
    "CCHC101",
    "percent_mismatch",
    "error",
    "Tỷ lệ in không khớp điểm/điểm tối đa",
    "Printed percent is not score/max",
)
def percent_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A printed percent outside the rounding interval of score/max (overall, criteria, indicators, ratios)."""
    slack = ctx.settings.percent_slack
    for r in _ratios(record):
        if r.max_score <= 0 or percent_consistent(r.score, r.max_score, r.percent, slack):
            continue
        expected = recomputed_percent(r.score, r.max_score, r.percent)
        places = max(1, decimals(r.percent))
        yield Hit(
            subject=r.subject,
            message=f"{r.place_vi}: tỷ lệ in {m.pct(r.percent)} nhưng {m.ratio(r.score, r.max_score)}"
            f" = {m.pct(expected, 'vi', places)}",
            message_en=f"{r.place_en}: printed percent {m.pct(r.percent, 'en')} but "
            f"{m.ratio(r.score, r.max_score, 'en')} = {m.pct(expected, 'en', places)}",
            expected=expected,
            actual=r.percent,
            evidence=r.evidence,
        )


# --------------------------------------------------------------------------- CCHC102 total_mismatch


def _criteria_missing_from_framework(record: Record, ctx: RuleContext) -> list[str]:
    present = {c.code for c in record.criteria if c.code is not None}
    return [code for code in _framework_codes(ctx) if code not in present]


@rule(
    "CCHC102",
    "total_mismatch",
    "error",
    "Tổng điểm khác tổng điểm các tiêu chí",
    "Overall score is not the sum of the criteria",
)
def total_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Sum of criterion scores vs the overall score; sum of criterion maxima vs the overall maximum."""
    criteria = unique_criteria(record)
    if len(criteria) < 2 or _criteria_missing_from_framework(record, ctx):
        return
    per_term = ctx.settings.sum_tolerance_per_term
    evidence = [ev for c in criteria for ev in c.evidence]
    o = record.overall
    n = len(criteria)
    sums = (
        (o.score, [c.score for c in criteria], ("Điểm tổng hợp", f"tổng điểm {n} tiêu chí"),
         ("Overall score", f"the {n} criteria sum to")),
        (o.max_score, [c.max_score for c in criteria], ("Điểm tối đa tổng hợp", f"tổng điểm tối đa {n} tiêu chí"),
         ("Overall maximum", f"the {n} criteria maxima sum to")),
    )
    for printed, parts, (what_vi, sum_vi), (what_en, sum_en) in sums:
        if printed is None or any(x is None for x in parts):
            continue
        values = [x for x in parts if x is not None]
        total = sum(values)
        if close(total, printed, sum_tolerance([*values, printed], per_term)):
            continue
        places = max(decimals(printed), *(decimals(x) for x in values))
        yield Hit(
            subject="overall",
            message=f"{what_vi} in {m.num(printed)} nhưng {sum_vi} = {m.num(total, 'vi', places)}",
            message_en=f"{what_en} printed {m.num(printed, 'en')} but {sum_en} {m.num(total, 'en', places)}",
            expected=round(total, places),
            actual=printed,
            evidence=[*o.evidence, *evidence],
        )


# --------------------------------------------------------------------------- CCHC103 deduction_mismatch


def _code_parts(code: str) -> list[int] | None:
    parts = code.strip().rstrip(".").split(".")
    return [int(p) for p in parts] if all(p.isdigit() for p in parts) else None


def _indicator_loss(entries: Sequence[Indicator]) -> float | None:
    """Points an indicator lost as the report states them; ``None`` when they are not stated."""
    losses = {
        round(i.max_score - i.score, 6) for i in entries if i.score is not None and i.max_score is not None
    }
    if len(losses) > 1:
        return None
    if losses:
        return losses.pop()
    zero = [i for i in entries if i.zero_score]
    if zero:
        maxima = {i.max_score for i in entries if i.max_score is not None}
        return maxima.pop() if len(maxima) == 1 else None
    if all(i.listed_as == "full" for i in entries):
        return 0.0
    return None


def _listing_complete(codes: Sequence[str]) -> bool:
    """Codes ``N.1 .. N.k`` with no gap, one level only: the report lists every indicator."""
    parts = [_code_parts(c) for c in codes]
    if len(parts) < 2 or any(p is None or len(p) != 2 for p in parts):
        return False
    return sorted(p[1] for p in parts if p is not None) == list(range(1, len(parts) + 1))


def _leaves(codes: Iterable[str]) -> list[str]:
    """Codes with no sub-code among ``codes`` (3.1.2 is kept, 3.1 dropped when 3.1.2 is there)."""
    codes = list(codes)
    parents = {code.rsplit(".", k)[0] for code in codes for k in range(1, code.count(".") + 1)}
    return [c for c in codes if c not in parents]


@rule(
    "CCHC103",
    "deduction_mismatch",
    "error",
    "Điểm bị trừ ở các chỉ số thành phần không khớp điểm bị trừ của tiêu chí",
    "Indicators' lost points do not account for the criterion's lost points",
)
def deduction_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Criterion max - score vs the sum of its indicators' lost points, where they are stated."""
    per_term = ctx.settings.sum_tolerance_per_term
    for c in unique_criteria(record):
        if c.code is None or c.score is None or c.max_score is None:
            continue
        by_code: dict[str, list[Indicator]] = defaultdict(list)
        for i in record.indicators:
            if i.criterion == c.code:
                by_code[i.code.strip().rstrip(".")].append(i)
        if not by_code:
            continue
        leaves = _leaves(by_code)
        losses = {code: _indicator_loss(by_code[code]) for code in leaves}
        known = {code: loss for code, loss in losses.items() if loss is not None}
        stated = [i for code in leaves for i in by_code[code] if i.score is not None or i.zero_score]
        if not stated:
            continue
        lost = c.max_score - c.score
        total = sum(known.values())
        terms = [c.score, *(v for i in stated for v in (i.score, i.max_score) if v is not None)]
        tolerance = sum_tolerance(terms, per_term)
        all_known = len(known) == len(leaves) and len(leaves) == len(by_code)
        listed = {i.listed_as for code in leaves for i in by_code[code]}
        complete = all_known and _listing_complete(leaves) and {"full", "incomplete"} <= listed
        over = total > lost + tolerance + _EPS
        under = complete and total < lost - tolerance - _EPS
        if not (over or under):
            continue
        places = max(decimals(c.score), decimals(c.max_score), *(decimals(v) for v in known.values()))
        parts = [f"{code} ({m.num(known[code], 'vi', places)})" for code in leaves if known.get(code)]
        parts_en = [f"{code} ({m.num(known[code], 'en', places)})" for code in leaves if known.get(code)]
        yield Hit(
            subject=c.code,
            message=f"{m.criterion_place(c.code, 'vi')}: bị trừ {m.num(lost, 'vi', places)} điểm "
            f"({m.ratio(c.score, c.max_score)}) nhưng các chỉ số thành phần bị trừ tổng "
            f"{m.num(total, 'vi', places)}: {', '.join(parts) or 'không'}",
            message_en=f"{m.criterion_place(c.code, 'en')}: lost {m.num(lost, 'en', places)} points "
            f"({m.ratio(c.score, c.max_score, 'en')}) but its indicators lost "
            f"{m.num(total, 'en', places)} in all: {', '.join(parts_en) or 'none'}",
            expected=round(lost, places),
            actual=round(total, places),
            evidence=[*c.evidence, *(ev for code in leaves for i in by_code[code] for ev in i.evidence)],
        )


# --------------------------------------------------------------------------- CCHC104 max_mismatch


@rule(
    "CCHC104",
    "max_mismatch",
    "error",
    "Điểm tối đa của tiêu chí khác bộ chỉ số đang áp dụng",
    "Criterion maximum differs from the framework in force",
)
def max_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A printed criterion maximum that differs from the framework's (only when the framework is known)."""
    if not record.framework_maxima_known or ctx.framework is None:
        return
    maxima = {fc.code: fc.max_score for fc in ctx.framework.criteria}
    for c in unique_criteria(record):
        expected = maxima.get(c.code) if c.code is not None else None
        if expected is None or c.max_score is None or math.isclose(expected, c.max_score, abs_tol=1e-6):
            continue
        yield Hit(
            subject=c.code or c.title,
            message=f"{m.criterion_place(c.code, 'vi')}: điểm tối đa in {m.num(c.max_score)} nhưng bộ chỉ số "
            f"{record.framework} quy định {m.num(expected)}",
            message_en=f"{m.criterion_place(c.code, 'en')}: printed maximum {m.num(c.max_score, 'en')} but "
            f"framework {record.framework} sets {m.num(expected, 'en')}",
            expected=expected,
            actual=c.max_score,
            evidence=c.evidence,
        )


# --------------------------------------------------------------------------- CCHC105 conflicting_values

# fmt: off
_NEGATIONS = frozenset({"chưa", "không", "chẳng", "chả"})
_STOP_PHRASES = tuple(FRAMING_PHRASES)  # the lexicon says why each carries no population
# Vietnamese function words (grammar: prepositions, particles, classifiers): never what is counted
_STOP_WORDS = frozenset((
    "của", "là", "và", "các", "những", "có", "được", "trong", "với", "cho", "theo", "về", "do", "để", "tại",
    "trên", "dưới", "đã", "đang", "sẽ", "này", "đó", "thì", "mà", "bị", "từ", "ra", "vào", "vẫn", "còn", "mới",
    "chỉ", "nên", "số", "tổng", "gồm", "như", "năm", "xã", "ubnd", "phường", "đến", "hết", "cả", "toàn",
    "một", "hai", "ba", "người", "chiếm", "ở", "khi",
))
# Words that narrow the whole to a part: present on one side only, they are different quantities (lexicon).
_SCOPE_PHRASES = tuple(SCOPES)
# fmt: on
# words that belong to a counted noun's longer forms ("hồ sơ TTHC", "CBCC"): not what distinguishes two wholes
_UNIT_EXTRA = {"hồ sơ": frozenset({"tthc"}), "cán bộ công chức": frozenset({"cbcc"})}
_WHOLE_MARKERS = WHOLE_MARKERS
_CONNECTORS = frozenset({"do", "vì", "nên", "tuy", "nhưng", "để", "so", "còn"})
_COMPARISON = ("so với", "năm trước", "cùng kỳ", "năm ngoái")
_FRACTION_RE = regex.compile(r"(?<![\d/])(\d+(?:[.,]\d+)*)\s*/\s*(\d+(?:[.,]\d+)*)(?![\d/])")
_NUMBER_RE = regex.compile(r"\d+(?:[.,]\d+)*")
_PERCENT_RE = regex.compile(r"\d+(?:[.,]\d+)*\s*%")
_CLAUSE_BREAK_RE = regex.compile(r"[;:()\n\[\]]|\.(?!\d)|,(?!\s*\d)|\s[-–]\s")


cchc_nfc = nfc


def fold(text: str) -> str:
    """The one normalisation (:func:`cchc.extractors.normalize.fold`), with two counted nouns kept whole:
    "cán bộ, công chức" is one noun despite its comma, and "số hóa" one word (else "số" is a stop word)."""
    return normalize_fold(text).replace("cán bộ, công chức", "cán bộ công chức").replace("số hóa", "sốhóa")


_NOUN_RES = [(regex.compile(rf"(?:{pattern})", regex.I), noun) for pattern, noun, _why in COUNTED_NOUNS]


def normalize_unit(unit: str | None) -> str | None:
    """Canonical counted noun of the lexicon for comparing units (``Hồ sơ TTHC`` -> ``hồ sơ``)."""
    if not unit:
        return None
    spoken = " ".join(nfc(unit).split())
    noun = next((noun for pattern, noun in _NOUN_RES if pattern.fullmatch(spoken)), spoken)
    text = regex.sub(r"[^\p{L}\s]", " ", fold(noun))
    return " ".join(text.split()) or None


def parse_vi_number(text: str) -> float | None:
    """A number as Vietnamese reports print it: ``2.252`` is 2252, ``8,97`` is 8.97 (the extractor's reading)."""
    parsed = parse_number(text)
    return parsed.value if parsed else None


@dataclass(frozen=True, slots=True)
class Description:
    """What a quantity's sentence says it counts, as comparable words."""

    words: tuple[str, ...]
    negated: bool
    qualifiers: frozenset[str]
    years: frozenset[int]
    scopes: frozenset[str]
    names: frozenset[str]
    from_whole: bool
    comparison: bool = False
    stages: frozenset[str] = frozenset()  # received, resolved, … (lexicon STAGES)
    village: bool = False  # narrowed to one named village
    commune_wide: bool = False  # stated for the whole commune ("toàn xã")


def _phrase_re(phrases: Iterable[str]) -> regex.Pattern[str]:
    """Any of ``phrases`` as whole words, compiled once (describe runs for every quantity)."""
    alternatives = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return regex.compile(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})")


_STAGES = tuple(fold(stage) for stage in STAGES)
_VILLAGE_WORDS = tuple(fold(w) for w in VILLAGE_WORDS)
_COMMUNE_WIDE = tuple(fold(w) for w in COMMUNE_WIDE)
_PHRASE_RES = {p: _phrase_re([p]) for p in (*_SCOPE_PHRASES, *_COMPARISON, *_STAGES, *_COMMUNE_WIDE)}
_STOP_PHRASES_RE = _phrase_re(_STOP_PHRASES)


def _phrase_in(phrase: str, text: str) -> bool:
    pattern = _PHRASE_RES.get(phrase) or _phrase_re([phrase])
    return pattern.search(text) is not None


def _clean(text: str) -> str:
    text = _FRACTION_RE.sub(" ", text)
    text = _PERCENT_RE.sub(" ", text)
    cleaned: str = regex.sub(r"đạt(?:\s+tỷ\s+lệ)?\s*(?=\d)", " ", text)
    return cleaned


def _fraction_tail(sentence: str, q: Quantity) -> str | None:
    """Text right after the quantity's fraction in its sentence, up to the clause end; None if not found."""
    for mt in _FRACTION_RE.finditer(sentence):
        a, b = parse_vi_number(mt.group(1)), parse_vi_number(mt.group(2))
        if a is None or b is None or q.numerator is None or q.denominator is None:
            continue
        if math.isclose(a, q.numerator, abs_tol=1e-6) and math.isclose(b, q.denominator, abs_tol=1e-6):
            tail = sentence[mt.end() :]
            tail = regex.sub(r"^\s*=\s*\d+(?:[.,]\d+)*\s*%?", " ", tail)
            tail = _CLAUSE_BREAK_RE.split(tail, maxsplit=1)[0]
            tokens = tail.split()
            for k, tok in enumerate(tokens):
                low = tok.casefold()
                following = tokens[k + 1].casefold() if k + 1 < len(tokens) else ""
                if low in _CONNECTORS or (low == "đạt" and (following[:1].isdigit() or following == "tỷ")):
                    tokens = tokens[:k]
                    break
            return " ".join(tokens)
    return None


# A place name after its kind: "thôn Mép", "xã Minh Đức", "khu dân cư Số 3" is not one (no capital after "khu").
_NAME_RE = regex.compile(
    r"(?i:thôn|xóm|ấp|khu|tổ|bản|làng|xã|phường|thị trấn|huyện|tỉnh)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)"
)


def describe(q: Quantity) -> Description:
    """The words describing what ``q`` counts: its label plus what follows its fraction.

    When the fraction is followed by the whole ("2.252/3.177 tổng số hồ sơ được giải quyết"), those
    words alone describe it. Numbers are dropped from the words and kept aside: years, and other
    qualifying numbers ("mức độ 3" vs "mức độ 4", "quý I" vs "quý II") except the quantity's own
    values. Place names are kept aside too ("thôn Mép" vs "thôn Quàn").
    """
    unit = normalize_unit(q.unit) or ""
    raw_sentence = " ".join(cchc_nfc(q.sentence or " ".join(ev.text for ev in q.evidence)).split())
    sentence = fold(raw_sentence)
    has_ratio = q.numerator is not None and q.denominator is not None
    tail = (
        _fraction_tail(raw_sentence.replace("cán bộ, công chức", "cán bộ công chức"), q)
        if has_ratio
        else None
    )
    raw = cchc_nfc(q.label)
    from_whole = False
    if tail:
        folded_tail = fold(tail)
        marker = next(
            (mk for mk in _WHOLE_MARKERS if folded_tail == mk or folded_tail.startswith(mk + " ")), None
        )
        if marker is not None and folded_tail[len(marker) :].strip():
            raw, from_whole = tail, True
        else:
            raw = f"{raw} {tail}"
    text = fold(raw)
    names = frozenset(fold(n) for n in _NAME_RE.findall(" ".join(raw.split())))
    names -= {"ubnd"}
    own = {q.numerator, q.denominator}
    numbers = [v for v in (parse_vi_number(t) for t in _NUMBER_RE.findall(_clean(text))) if v is not None]
    years = frozenset(int(v) for v in numbers if _is_year(v))
    romans = {t.casefold() for t in regex.findall(r"(?<!\p{L})[IVX]{1,4}(?!\p{L})", raw)}
    qualifiers = frozenset({*(str(v) for v in numbers if not _is_year(v) and v not in own), *romans})
    scopes = frozenset(p for p in _SCOPE_PHRASES if _phrase_in(p, text))
    cleaned = _NUMBER_RE.sub(" ", _clean(text))
    cleaned = _STOP_PHRASES_RE.sub(" ", cleaned)
    unit_words = set(unit.split()) | _UNIT_EXTRA.get(unit, frozenset())
    tokens = [t for t in regex.findall(r"\p{L}+", cleaned) if t not in romans]
    negated = any(t in _NEGATIONS for t in tokens)
    words = tuple(
        dict.fromkeys(
            t for t in tokens if t not in _NEGATIONS and t not in _STOP_WORDS and t not in unit_words
        )
    )
    comparison = any(_phrase_in(p, sentence) for p in _COMPARISON)
    return Description(
        words,
        negated,
        qualifiers,
        years,
        scopes,
        names,
        from_whole,
        comparison,
        stages=frozenset(p for p in _STAGES if _phrase_in(p, text)),
        village=any(n.startswith(_VILLAGE_WORDS) for n in names),
        commune_wide=any(_phrase_in(p, text) for p in _COMMUNE_WIDE),
    )


def _is_year(v: float) -> bool:
    return v.is_integer() and 1990 <= v <= 2100


def _same_years(a: frozenset[int], b: frozenset[int], report_year: int | None) -> bool:
    """Both sides about the same year: equal years, or one silent and the other the report year."""
    if a and b:
        return a == b
    stated = a or b
    return not stated or report_year is None or stated == {report_year}


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """Why two statements are taken to count the same thing."""

    unit: str
    shared: tuple[str, ...]
    overlap: float
    jaccard: float
    same_polarity: bool

    def shared_text(self) -> str:
        return " ".join(self.shared)


@dataclass(frozen=True, slots=True)
class _Stated:
    """A quantity with its canonical unit and description, computed once."""

    quantity: Quantity
    unit: str | None
    description: Description
    sentence: str


def _stated(q: Quantity) -> _Stated:
    return _Stated(q, normalize_unit(q.unit), describe(q), fold(q.sentence or ""))


def same_quantity(a: Quantity, b: Quantity, report_year: int | None = None) -> QuantityMatch | None:
    """A match when ``a`` and ``b`` count the same thing: same unit and strongly overlapping words.

    Strong overlap: at least two shared content syllables covering half of the shorter description (or
    four covering a third, for long descriptions), no
    narrowing word (lĩnh vực, trực tuyến, quý, ...) on one side only and the same qualifying numbers.
    Negation is ignored here ("đạt chuẩn" matches "chưa đạt chuẩn"); ``same_polarity`` says whether it agrees.
    """
    return _match(_stated(a), _stated(b), report_year)


def _match(a: _Stated, b: _Stated, report_year: int | None) -> QuantityMatch | None:
    if a.unit is None or a.unit != b.unit or a.unit == "điểm":
        return None
    da, db = a.description, b.description
    if da.scopes != db.scopes or da.qualifiers != db.qualifiers:
        return None
    if not _same_years(da.years, db.years, report_year):
        return None
    if da.names and db.names and da.names != db.names:
        return None
    if da.stages and db.stages and not da.stages & db.stages:
        return None  # received vs resolved: different stages of the records
    if (da.village and db.commune_wide) or (db.village and da.commune_wide):
        return None  # one village vs the whole commune
    set_b = set(db.words)
    shared = tuple(w for w in da.words if w in set_b)
    if len(shared) < 2:
        return None
    overlap = len(shared) / min(len(da.words), len(db.words))
    if overlap < 0.5 and not (len(shared) >= 4 and overlap >= 0.35):
        return None
    jaccard = len(shared) / len(set(da.words) | set_b)
    return QuantityMatch(a.unit, shared, overlap, jaccard, da.negated == db.negated)


def _value(q: Quantity, lang: m.Lang) -> str:
    if q.numerator is not None and q.denominator is not None:
        return m.ratio(q.numerator, q.denominator, lang)
    if q.percent is not None:
        return m.pct(q.percent, lang)
    return m.num(q.numerator, lang)


def _conflict(sa: _Stated, sb: _Stated, report_year: int | None) -> tuple[QuantityMatch, str, str] | None:
    """Two statements of one quantity with different values, and what differs (vi, en)."""
    a, b = sa.quantity, sb.quantity
    if sa.sentence and sa.sentence == sb.sentence:
        return None
    has_ratio = all(v is not None for v in (a.numerator, a.denominator, b.numerator, b.denominator))
    if has_ratio:
        assert a.denominator is not None and b.denominator is not None
        assert a.numerator is not None and b.numerator is not None
        same_whole = math.isclose(a.denominator, b.denominator, abs_tol=1e-6)
        same_part = math.isclose(a.numerator, b.numerator, abs_tol=1e-6)
        if same_whole and same_part:
            return None
        match = _match(sa, sb, report_year)
        if match is None:
            return None
        if not same_whole:
            return (
                match,
                f"tổng {m.num(a.denominator)} ≠ {m.num(b.denominator)}",
                f"total {m.num(a.denominator, 'en')} ≠ {m.num(b.denominator, 'en')}",
            )
        if match.same_polarity and match.jaccard >= 0.8:
            return (
                match,
                f"số đếm {m.num(a.numerator)} ≠ {m.num(b.numerator)}",
                f"count {m.num(a.numerator, 'en')} ≠ {m.num(b.numerator, 'en')}",
            )
        return None
    if (
        a.numerator is None
        and a.denominator is None
        and b.numerator is None
        and b.denominator is None
        and a.percent is not None
        and b.percent is not None
        and not math.isclose(a.percent, b.percent, abs_tol=1e-6)
    ):
        match = _match(sa, sb, report_year)
        if (
            match is not None
            and match.same_polarity
            and match.jaccard >= 0.8
            and len(match.shared) >= 3
            and not sa.description.comparison
            and not sb.description.comparison
        ):
            return (
                match,
                f"tỷ lệ {m.pct(a.percent)} ≠ {m.pct(b.percent)}",
                f"percent {m.pct(a.percent, 'en')} ≠ {m.pct(b.percent, 'en')}",
            )
    return None


# A report states a few dozen quantities; the cap keeps a hostile document's pair count bounded.
_MAX_QUANTITIES_PER_UNIT = 200
_MAX_CONFLICTS_PER_STATEMENT = 2


def _criterion_values(c: Criterion) -> tuple[float | None, float | None, float | None]:
    return (c.score, c.max_score, c.percent)


@rule(
    "CCHC105",
    "conflicting_values",
    "warning",
    "Cùng một đại lượng được nêu với hai giá trị khác nhau",
    "The same quantity stated with different values",
)
def conflicting_values(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """The same quantity (same unit, same words) stated twice with different values."""
    year = record.meta.report_year
    by_unit: dict[str, list[tuple[int, _Stated]]] = defaultdict(list)
    for position, q in enumerate(record.quantities):
        stated = _stated(q)
        if stated.unit is not None and len(by_unit[stated.unit]) < _MAX_QUANTITIES_PER_UNIT:
            by_unit[stated.unit].append((position, stated))
    pairs = sorted(
        ((x, y) for group in by_unit.values() for k, x in enumerate(group) for y in group[k + 1 :]),
        key=lambda pair: (pair[0][0], pair[1][0]),
    )
    conflicts = [(x, y, found) for x, y in pairs if (found := _conflict(x[1], y[1], year)) is not None]
    # A statement "conflicting" with many others is one item of a list of alike items, not a restatement.
    crowd = Counter(p for x, y, _ in conflicts for p in (x[0], y[0]))
    for (px, sa), (py, sb), (match, diff_vi, diff_en) in conflicts:
        if crowd[px] > _MAX_CONFLICTS_PER_STATEMENT or crowd[py] > _MAX_CONFLICTS_PER_STATEMENT:
            continue
        a, b = sa.quantity, sb.quantity
        unit = a.unit or match.unit
        yield Hit(
            subject=m.short(f"{unit} {match.shared_text()}"),
            message=f"{m.quote(a.label, 50)} {_value(a, 'vi')}{_at(a.evidence, 'vi')} nhưng "
            f"{m.quote(b.label, 50)} {_value(b, 'vi')}{_at(b.evidence, 'vi')}: {diff_vi}; "
            f"cùng đơn vị “{unit}”, trùng từ “{match.shared_text()}”",
            message_en=f"{m.quote(a.label, 50)} {_value(a, 'en')}{_at(a.evidence, 'en')} but "
            f"{m.quote(b.label, 50)} {_value(b, 'en')}{_at(b.evidence, 'en')}: {diff_en}; "
            f"same unit “{unit}”, shared words “{match.shared_text()}”",
            expected=_value(a, "vi"),
            actual=_value(b, "vi"),
            evidence=[*a.evidence, *b.evidence],
        )
    first: dict[str, Criterion] = {}
    for c in record.criteria:
        if c.code is None:
            continue
        if c.code not in first:
            first[c.code] = c
            continue
        c0 = first[c.code]
        if any(
            u is not None and v is not None and not math.isclose(u, v, abs_tol=1e-6)
            for u, v in zip(_criterion_values(c0), _criterion_values(c))
        ):
            yield Hit(
                subject=c.code,
                message=f"{m.criterion_place(c.code, 'vi')}: nêu {m.ratio(c0.score, c0.max_score)}"
                f"{_at(c0.evidence, 'vi')} nhưng ở chỗ khác là {m.ratio(c.score, c.max_score)}"
                f"{_at(c.evidence, 'vi')}",
                message_en=f"{m.criterion_place(c.code, 'en')}: stated {m.ratio(c0.score, c0.max_score, 'en')}"
                f"{_at(c0.evidence, 'en')} but elsewhere {m.ratio(c.score, c.max_score, 'en')}"
                f"{_at(c.evidence, 'en')}",
                expected=m.ratio(c0.score, c0.max_score),
                actual=m.ratio(c.score, c.max_score),
                evidence=[*c0.evidence, *c.evidence],
            )


# --------------------------------------------------------------------------- CCHC106 status_contradiction


def _shows_loss(i: Indicator) -> bool:
    lost = i.score is not None and i.max_score is not None and i.score < i.max_score - _EPS
    return lost or i.zero_score or (i.percent is not None and i.percent < 100 - _EPS)


def _state(i: Indicator, lang: m.Lang) -> str:
    if i.score is not None and i.max_score is not None:
        return m.ratio(i.score, i.max_score, lang)
    if i.zero_score:
        return "0 điểm" if lang == "vi" else "no points"
    if i.percent is not None:
        return m.pct(i.percent, lang)
    return ""


@rule(
    "CCHC106",
    "status_contradiction",
    "error",
    "Chỉ số liệt kê đạt điểm tuyệt đối nhưng bị trừ điểm, hoặc liệt kê ở cả hai nhóm",
    "Indicator listed as full score but lost points, or listed as both full and not achieved",
)
def status_contradiction(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Full-score listing vs lost points; the same indicator in both the full and the not-achieved list."""
    groups: dict[tuple[str | None, str], list[Indicator]] = defaultdict(list)
    for i in record.indicators:
        groups[(i.criterion, i.code.strip().rstrip("."))].append(i)
    yield from _parent_full_child_not(groups)
    for (_, code), entries in groups.items():
        fulls = [i for i in entries if i.listed_as == "full"]
        incomplete = [i for i in entries if i.listed_as == "incomplete"]
        place_vi, place_en = m.indicator_place(code, "vi"), m.indicator_place(code, "en")
        if fulls and incomplete:
            severity: Severity = "error" if any(_shows_loss(i) for i in entries) else "warning"
            states_vi = [s for s in (_state(i, "vi") for i in incomplete) if s]
            states_en = [s for s in (_state(i, "en") for i in incomplete) if s]
            extra_vi = f": {', '.join(states_vi)}" if states_vi else ""
            extra_en = f": {', '.join(states_en)}" if states_en else ""
            yield Hit(
                subject=code,
                message=f"{place_vi}: vừa liệt kê trong nhóm đạt điểm tuyệt đối{_at(fulls[0].evidence, 'vi')} "
                f"vừa trong nhóm chưa hoàn thành{_at(incomplete[0].evidence, 'vi')}{extra_vi}",
                message_en=f"{place_en}: listed among full-score indicators{_at(fulls[0].evidence, 'en')} and "
                f"among those not achieved{_at(incomplete[0].evidence, 'en')}{extra_en}",
                expected="full" if not any(_shows_loss(i) for i in entries) else "incomplete",
                actual="full+incomplete",
                evidence=[ev for i in entries for ev in i.evidence],
                severity=severity,
            )
            continue
        for i in fulls:
            lost = i.score is not None and i.max_score is not None and i.score < i.max_score - _EPS
            if lost or i.zero_score:
                yield Hit(
                    subject=code,
                    message=f"{place_vi}: liệt kê trong nhóm đạt điểm tuyệt đối nhưng chỉ đạt {_state(i, 'vi')}",
                    message_en=f"{place_en}: listed as full score but scored {_state(i, 'en')}",
                    expected=i.max_score,
                    actual=i.score if i.score is not None else 0.0,
                    evidence=i.evidence,
                )
            elif i.percent is not None and i.percent < 100 - _EPS:
                yield Hit(
                    subject=code,
                    message=f"{place_vi}: liệt kê trong nhóm đạt điểm tuyệt đối nhưng tỷ lệ in {m.pct(i.percent)}",
                    message_en=f"{place_en}: listed as full score but printed percent {m.pct(i.percent, 'en')}",
                    expected=100.0,
                    actual=i.percent,
                    evidence=i.evidence,
                    severity="warning",
                )


def _parent_full_child_not(groups: dict[tuple[str | None, str], list[Indicator]]) -> Iterator[Hit]:
    """A parent listed only as full score while a child of it is listed as not achieved (3.1 vs 3.1.2)."""
    for (criterion, code), entries in groups.items():
        if not all(i.listed_as == "full" for i in entries):
            continue  # a parent in both lists is already the both-lists contradiction
        children = [
            child
            for (crit, child_code), kids in groups.items()
            if crit == criterion and child_code.startswith(code + ".")
            for child in kids
            if child.listed_as == "incomplete"
        ]
        if not children:
            continue
        child = children[0]
        shown_vi = f": {_state(child, 'vi')}" if _state(child, "vi") else ""
        shown_en = f": {_state(child, 'en')}" if _state(child, "en") else ""
        yield Hit(
            subject=code,
            message=f"{m.indicator_place(code, 'vi')}: liệt kê trong nhóm đạt điểm tuyệt đối{_at(entries[0].evidence, 'vi')} "
            f"nhưng chỉ số con {child.code} thuộc nhóm chưa hoàn thành{_at(child.evidence, 'vi')}{shown_vi}",
            message_en=f"{m.indicator_place(code, 'en')}: listed among full-score indicators{_at(entries[0].evidence, 'en')} "
            f"but its part {child.code} is among those not achieved{_at(child.evidence, 'en')}{shown_en}",
            expected="incomplete",
            actual="full",
            evidence=[*entries[0].evidence, *child.evidence],
            severity="error" if any(_shows_loss(c) for c in children) else "warning",
        )


# --------------------------------------------------------------------------- CCHC107 numbering_gap

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral (``IV`` -> 4); None when it is not one."""
    text = text.strip().rstrip(".").upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for k, ch in enumerate(text):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(text) and _ROMAN[text[k + 1]] > v else v
    return total


@dataclass(slots=True)
class _Run:
    """One numbered sequence as printed, and its first break (index into ``items``)."""

    allowed_start: frozenset[int]
    items: list[tuple[int, Heading]] = field(default_factory=list)
    break_at: int | None = None

    @property
    def last(self) -> int:
        return self.items[-1][0]

    def add(self, value: int, heading: Heading) -> None:
        if self.break_at is None:
            ok = value in self.allowed_start if not self.items else value == self.last + 1
            if not ok:
                self.break_at = len(self.items)
        self.items.append((value, heading))


def _depth1_runs(headings: list[tuple[int, Heading, bool]], allowed_start: frozenset[int]) -> list[_Run]:
    """Runs of depth-1 numbers in one section; a ``1`` right after a deeper heading opens a nested list."""
    stack: list[_Run] = []
    runs: list[_Run] = []
    for value, heading, after_deeper in headings:
        if not stack:
            stack.append(_Run(allowed_start))
            runs.append(stack[-1])
        elif value != stack[-1].last + 1:
            resume = next((k for k in range(len(stack) - 2, -1, -1) if stack[k].last + 1 == value), None)
            if resume is not None:
                del stack[resume + 1 :]
            elif value == 1 and after_deeper:
                stack.append(_Run(frozenset({1})))
                runs.append(stack[-1])
        stack[-1].add(value, heading)
    return runs


def _break_hit(subject: str, label_vi: str, label_en: str, run: _Run, show: Callable[[int], str]) -> Hit:
    """One finding for a broken sequence: the printed numbers, where it breaks, what was expected."""
    assert run.break_at is not None
    printed = [h.number for _, h in run.items]
    k = run.break_at
    if k == 0:
        why_vi, why_en = f"bắt đầu từ {printed[0]}", f"starts at {printed[0]}"
        evidence = list(run.items[0][1].evidence)
    else:
        if run.items[k][0] > run.items[k - 1][0] + 1:
            why_vi = f"nhảy từ {printed[k - 1]} lên {printed[k]}"
            why_en = f"jumps from {printed[k - 1]} to {printed[k]}"
        else:
            why_vi = f"quay lại {printed[k]} sau {printed[k - 1]}"
            why_en = f"goes back to {printed[k]} after {printed[k - 1]}"
        evidence = [*run.items[k - 1][1].evidence, *run.items[k][1].evidence]
    first = run.items[0][0] if run.items[0][0] in run.allowed_start else min(run.allowed_start)
    seq = ", ".join(printed)
    return Hit(
        subject=subject,
        message=f"{label_vi}: đánh số {seq} không liên tục ({why_vi})",
        message_en=f"{label_en}: numbering {seq} is not consecutive ({why_en})",
        expected=", ".join(show(first + n) for n in range(len(printed))),
        actual=seq,
        evidence=evidence,
    )


@rule(
    "CCHC107",
    "numbering_gap",
    "warning",
    "Đánh số đề mục nhảy cóc hoặc bắt đầu lại",
    "Section or item numbering skips or restarts",
)
def numbering_gap(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Roman sections I, II, ...; within a section 1, 2, 3 ...; under N: N.1, N.2 ... (once per sequence).

    On pages read by OCR a heading number can lose a stroke ("III." read as "II."), and no context
    makes the repair certain: there the finding is info, and says the number was read by OCR.
    """
    ocr_pages = set(record.source.ocr_pages)
    for hit in _numbering_gaps(record):
        if ocr_pages and any(ev.page in ocr_pages for ev in hit.evidence):
            hit = replace(
                hit,
                severity="info",
                message=hit.message + " (số đề mục đọc bằng OCR: xem lại bản quét)",
                message_en=hit.message_en + " (numbers read by OCR: check the scan)",
            )
        yield hit


def _numbering_gaps(record: Record) -> Iterator[Hit]:
    romans = [(roman_value(h.number), h) for h in record.outline if h.scheme == "roman"]
    roman_run = _Run(frozenset({1}))
    for value, h in romans:
        if value is not None:
            roman_run.add(value, h)
    if roman_run.break_at is not None:
        yield _break_hit("I, II, III", "Các phần (số La Mã)", "Roman sections", roman_run, _to_roman)

    sections: dict[str | None, list[Heading]] = defaultdict(list)
    for h in record.outline:
        if h.scheme == "arabic":
            sections[h.section].append(h)
    previous_last: int | None = None
    for section, headings in sections.items():
        label_vi = f"Phần {section}" if section else "Đề mục"
        label_en = f"Section {section}" if section else "Headings"
        top: list[tuple[int, Heading, bool]] = []
        children: dict[str, _Run] = {}
        after_deeper = False
        for h in headings:
            parts = _code_parts(h.number)
            if parts is None:
                continue
            if len(parts) == 1:
                top.append((parts[0], h, after_deeper or h.after_unnumbered_heading))
                after_deeper = False
                continue
            after_deeper = True
            parent = ".".join(str(p) for p in parts[:-1])
            children.setdefault(parent, _Run(frozenset({1}))).add(parts[-1], h)
        allowed = frozenset({1} | ({previous_last + 1} if previous_last is not None else set()))
        runs = _depth1_runs(top, allowed)
        if runs:
            previous_last = runs[0].last
        for run in runs:
            if run.break_at is not None:
                yield _break_hit(section or "1, 2, 3", label_vi, label_en, run, str)
        for parent, run in children.items():
            if run.break_at is not None:
                yield _break_hit(
                    f"{section or ''} {parent}".strip(),
                    f"{label_vi}, mục {parent}",
                    f"{label_en}, item {parent}",
                    run,
                    partial(_child_number, parent),
                )


def _child_number(parent: str, n: int) -> str:
    return f"{parent}.{n}"


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


# --------------------------------------------------------------------------- CCHC108 missing_criterion


@rule(
    "CCHC108",
    "missing_criterion",
    "warning",
    "Thiếu tiêu chí của bộ chỉ số",
    "A criterion of the framework is absent",
)
def missing_criterion(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Framework criteria absent from a scored report that has at least half of them.

    Without a framework, only gaps inside the codes found (1, 2, 4 -> 3) are reported.
    """
    if not record.is_scored_report:
        return
    present = {c.code: c for c in record.criteria if c.code is not None}
    names: dict[str, str] = {}
    if ctx.framework is not None:
        expected = [fc.code for fc in ctx.framework.criteria]
        names = {fc.code: fc.name for fc in ctx.framework.criteria}
    else:
        numbers = sorted(int(code) for code in present if code.isdigit())
        if not numbers or numbers[-1] > 30:
            return
        expected = [str(n) for n in range(1, numbers[-1] + 1)]
    found = [code for code in expected if code in present]
    if not expected or len(found) * 2 < len(expected):
        return
    for k, code in enumerate(expected):
        if code in present:
            continue
        neighbours = [
            present[c]
            for c in (expected[k - 1] if k else None, expected[k + 1] if k + 1 < len(expected) else None)
            if c in present
        ]
        name = f" ({names[code]})" if names.get(code) else ""
        yield Hit(
            subject=code,
            message=f"{m.criterion_place(code, 'vi')}{name}: không có trong báo cáo "
            f"(có {len(found)}/{len(expected)} tiêu chí)",
            message_en=f"{m.criterion_place(code, 'en')}{name}: absent from the report "
            f"({len(found)}/{len(expected)} criteria found)",
            expected=code,
            actual=None,
            evidence=[ev for c in neighbours for ev in c.evidence[:1]],
        )


# --------------------------------------------------------------------------- CCHC109 year_mismatch

_ROLE_VI = {"title": "tiêu đề", "body": "nội dung", "closing": "phần kết"}
_ROLE_EN = {"title": "title", "body": "body", "closing": "closing"}


@rule(
    "CCHC109",
    "year_mismatch",
    "warning",
    "Năm báo cáo ghi khác nhau giữa tiêu đề, nội dung và phần kết",
    "Report year stated differently in title, body and closing",
)
def year_mismatch(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Each year statement that differs from the title's year (or the majority when there is no title)."""
    if len(record.years) < 2:
        return
    titles = [s for s in record.years if s.role == "title"]
    basis = titles or record.years
    year = Counter(s.year for s in basis).most_common(1)[0][0]
    reference = next(s for s in basis if s.year == year)
    ref_vi = _ROLE_VI[reference.role] if titles else "đa số"
    ref_en = f"the {_ROLE_EN[reference.role]}" if titles else "the majority"
    for s in record.years:
        if s is reference:
            continue
        if s.year != year:
            yield Hit(
                subject=s.role,
                message=f"Năm báo cáo ở {_ROLE_VI[s.role]}{_at(s.evidence, 'vi')} là {s.year} nhưng ở "
                f"{ref_vi}{_at(reference.evidence, 'vi')} là {year}",
                message_en=f"Report year in the {_ROLE_EN[s.role]}{_at(s.evidence, 'en')} is {s.year} but in "
                f"{ref_en}{_at(reference.evidence, 'en')} it is {year}",
                expected=year,
                actual=s.year,
                evidence=[*s.evidence, *reference.evidence],
            )
        elif (
            s.next_year is not None and reference.next_year is not None and s.next_year != reference.next_year
        ):
            yield Hit(
                subject=s.role,
                message=f"Năm triển khai nhiệm vụ ở {_ROLE_VI[s.role]}{_at(s.evidence, 'vi')} là {s.next_year} "
                f"nhưng ở {ref_vi}{_at(reference.evidence, 'vi')} là {reference.next_year}",
                message_en=f"Next year's plan in the {_ROLE_EN[s.role]}{_at(s.evidence, 'en')} is {s.next_year} "
                f"but in {ref_en}{_at(reference.evidence, 'en')} it is {reference.next_year}",
                expected=reference.next_year,
                actual=s.next_year,
                evidence=[*s.evidence, *reference.evidence],
            )


# --------------------------------------------------------------------------- CCHC110 rank_out_of_range


@rule(
    "CCHC110",
    "rank_out_of_range",
    "error",
    "Thứ hạng lớn hơn tổng số đơn vị, hoặc bằng 0",
    "Rank larger than its total, or zero",
)
def rank_out_of_range(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """rank > rank_total or rank < 1, for the overall rank and each criterion's rank."""
    o = record.overall
    items: list[tuple[str, str, str, int | None, int | None, Sequence[Evidence]]] = [
        ("overall", m.overall_place("vi"), m.overall_place("en"), o.rank, o.rank_total, o.evidence)
    ]
    items += [
        (
            c.code or c.title,
            m.criterion_place(c.code, "vi"),
            m.criterion_place(c.code, "en"),
            c.rank,
            c.rank_total,
            c.evidence,
        )
        for c in unique_criteria(record)
    ]
    for subject, vi, en, rank, total, evidence in items:
        if rank is None:
            continue
        if rank < 1 or (total is not None and rank > total):
            shown = f"{rank}/{total}" if total is not None else str(rank)
            yield Hit(
                subject=subject,
                message=f"{vi}: xếp thứ {shown}, thứ hạng phải từ 1 đến "
                f"{total if total is not None else 'tổng số đơn vị'}",
                message_en=f"{en}: ranked {shown}; a rank must be between 1 and "
                f"{total if total is not None else 'the number of units'}",
                expected=f"1..{total}" if total is not None else ">= 1",
                actual=shown,
                evidence=evidence,
            )


# --------------------------------------------------------------------------- CCHC111 date_inconsistency


def _iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _vi_date(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@rule(
    "CCHC111",
    "date_inconsistency",
    "warning",
    "Văn bản dẫn chiếu có ngày sau ngày báo cáo, hoặc ngày không tồn tại",
    "Referenced document dated after the report, or an impossible date",
)
def date_inconsistency(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A reference dated after the report's own date, or an impossible date (31/02)."""
    issued = _iso(record.meta.issued_date)
    date_evidence = [ev for ev in record.meta.evidence if "ngày" in ev.text.casefold()]
    for ref in record.references:
        name = " ".join(p for p in (ref.type, f"số {ref.number}" if ref.number else None) if p)
        if not ref.date_valid:
            shown = ref.evidence[0].text if ref.evidence else (ref.date or "?")
            yield Hit(
                subject=ref.number or ref.type,
                message=f"{name}: ngày không tồn tại trong {m.quote(shown, 60)}",
                message_en=f"{name}: impossible date in {m.quote(shown, 60)}",
                expected="a valid date",
                actual=ref.date,
                evidence=ref.evidence,
            )
            continue
        when = _iso(ref.date)
        if issued is not None and when is not None and when > issued:
            yield Hit(
                subject=ref.number or ref.type,
                message=f"{name} ngày {_vi_date(when)} sau ngày ban hành báo cáo {_vi_date(issued)}",
                message_en=f"{name} dated {when.isoformat()}, after the report's own date {issued.isoformat()}",
                expected=f"<= {issued.isoformat()}",
                actual=when.isoformat(),
                evidence=[*ref.evidence, *date_evidence],
            )


# --------------------------------------------------------------------------- CCHC112 malformed_number


def _same_place(a: Evidence, b: Evidence) -> bool:
    if (a.page, a.line, a.paragraph, a.table) == (None, None, None, None):
        return False
    return (a.page, a.line, a.paragraph, a.table) == (b.page, b.line, b.paragraph, b.table)


def _statement_owner(record: Record, evidence: Sequence[Evidence]) -> str | None:
    """Code of the criterion or indicator stated at the same place as ``evidence``."""
    owners: list[tuple[str | None, Sequence[Evidence]]] = [(c.code, c.evidence) for c in record.criteria]
    owners += [(i.code, i.evidence) for i in record.indicators]
    for code, statements in owners:
        if code and any(_same_place(a, b) for a in evidence for b in statements):
            return code
    return None


@rule(
    "CCHC112",
    "malformed_number",
    "warning",
    "Số in sai định dạng, phải sửa mới đọc được",
    "A number that needed repair to be read",
)
def malformed_number(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """One finding per number the extractor had to repair ("8,97/,11,5")."""
    for r in record.repairs:
        yield Hit(
            subject=_statement_owner(record, r.evidence) or r.original,
            message=f"Số in sai định dạng {m.quote(r.original)}, đọc là {m.quote(r.value)} ({r.reason})",
            message_en=f"Malformed number {m.quote(r.original)} read as {m.quote(r.value)} ({r.reason})",
            expected=r.value,
            actual=r.original,
            evidence=r.evidence,
        )


# --------------------------------------------------------------------------- CCHC113 not_scored_report


@rule(
    "CCHC113",
    "not_scored_report",
    "warning",
    "Văn bản không phải báo cáo có chấm điểm",
    "Document is not a scored report",
)
def not_scored_report(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A plan or a letter: no overall score and no scored criteria."""
    if record.is_scored_report or record.document_type == "ranking":  # a ranking is checked by checker/official.py
        return
    title = record.meta.title or record.source.file
    yield Hit(
        subject=m.short(title),
        message=f"Văn bản {m.quote(title, 60)} không có điểm tổng hợp hay điểm tiêu chí (kế hoạch, công văn?)",
        message_en=f"Document {m.quote(title, 60)} has no overall or criterion scores (a plan or a letter?)",
        expected=None,  # the message says it all; no value to compare
        actual=None,
        evidence=copy_evidence(record.meta.evidence[:1]),
    )


# --------------------------------------------------------------------------- CCHC114 unplaced_statement


@rule(
    "CCHC114",
    "unplaced_statement",
    "info",
    "Điểm số đọc được nhưng không gắn được vào tiêu chí, chỉ số hay tổng điểm",
    "A score read but placed under no criterion, indicator or total",
)
def unplaced_statement(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Every score the extractor read and could not place: a reviewer sees it rather than nothing."""
    for u in record.unplaced:
        yield Hit(
            subject=u.text,
            message=f"Điểm {m.quote(u.text)}{_at(u.evidence, 'vi')} không gắn được vào tiêu chí, chỉ số hay tổng điểm nào",
            message_en=f"Score {m.quote(u.text)}{_at(u.evidence, 'en')} placed under no criterion, indicator or total",
            expected=None,
            actual=u.text,
            evidence=copy_evidence(u.evidence),
        )
