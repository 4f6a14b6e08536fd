"""Rules on statements that contradict each other: values and statuses (CCHC105-CCHC106)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from cchc.checker import messages as m
from cchc.checker.engine import Hit, RuleContext, rule
from cchc.checker.rules._common import _EPS, _at
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
from cchc.schemas.record import Criterion, Indicator, Quantity, Record, Severity

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
