"""Rules on the outline of a report: numbering gaps, criteria of the framework missing (CCHC107-CCHC108)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

import regex as re

from cchc.checker import messages as m
from cchc.checker.engine import Framework, Hit, RuleContext, rule
from cchc.checker.rules._common import _code_parts
from cchc.extractors.layout import is_all_caps
from cchc.extractors.locale_vi import rank_value
from cchc.extractors.normalize import contains_phrase, fold_loose
from cchc.schemas.record import Criterion, Evidence, Heading, Record

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


@dataclass(frozen=True, slots=True)
class _Lettered:
    """A criterion numbered with a letter ("đ" of "đ)"), and where."""

    number: str
    evidence: list[Evidence]


@dataclass(slots=True)
class _Run:
    """One numbered sequence as printed, and its first break (index into ``items``)."""

    allowed_start: frozenset[int]
    items: list[tuple[int, Heading | _Lettered]] = field(default_factory=list)
    break_at: int | None = None

    @property
    def last(self) -> int:
        return self.items[-1][0]

    def add(self, value: int, heading: Heading | _Lettered) -> None:
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
        if run.items[k][0] == run.items[k - 1][0]:
            why_vi, why_en = f"lặp lại {printed[k]}", f"repeats {printed[k]}"
        elif run.items[k][0] > run.items[k - 1][0] + 1:
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
    """Roman sections I, II, ...; within a section 1, 2, 3 ...; under N: N.1, N.2 ...; criteria lettered
    a), b), … đ), e), g) (once per sequence). Criteria headed in Roman numerals under Roman sections ("I. KẾT
    QUẢ …", "I. Chỉ đạo, điều hành …" … "X. …", "II. ĐÁNH GIÁ CHUNG") are a sequence of their own.

    On pages read by OCR a heading number can lose a stroke ("III." read as "II."), and no context
    makes the repair certain: there the finding is info, and says the number was read by OCR.
    """
    ocr_pages = set(record.source.ocr_pages)
    for hit in _numbering_gaps(record, ctx.framework):
        if ocr_pages and any(ev.page in ocr_pages for ev in hit.evidence):
            hit = _read_by_ocr(hit, "số đề mục đọc bằng OCR", "numbers read by OCR")
        yield hit


def _read_by_ocr(hit: Hit, what_vi: str, what_en: str) -> Hit:
    """``hit`` as info, saying that what it rests on was read by OCR and the scan should be looked at."""
    return replace(
        hit,
        severity="info",
        message=f"{hit.message} ({what_vi}: xem lại bản quét)",
        message_en=f"{hit.message_en} ({what_en}: check the scan)",
    )


def _numbering_gaps(record: Record, framework: Framework | None = None) -> Iterator[Hit]:
    yield from _roman_gaps(record, framework)

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
            if run.break_at is not None and not _skips_missing_criteria(run, record):
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
    yield from _label_gaps(record)
    yield from _letter_gaps(record)


def _roman_gaps(record: Record, framework: Framework | None) -> Iterator[Hit]:
    """Roman sections I, II, III; criteria headed in Roman numerals under them ("I. KẾT QUẢ …", then "I. Chỉ
    đạo, điều hành …" … "X. …", then "II. ĐÁNH GIÁ CHUNG") are a sequence of their own, each checked."""
    romans = [(roman_value(h.number), h) for h in record.outline if h.scheme == "roman"]
    values = [value for value, _ in romans if value is not None]
    if values == list(range(1, len(values) + 1)):
        return  # one sequence I, II, III … without a break: nothing to tell apart (the common case, found cheaply)
    criteria = _roman_criterion_headings([h for _, h in romans], record, framework)
    section_run, criterion_run = _Run(frozenset({1})), _Run(frozenset({1}))
    for value, h in romans:
        if value is not None:
            (criterion_run if id(h) in criteria else section_run).add(value, h)
    if section_run.break_at is not None:
        yield _break_hit("I, II, III", "Các phần (số La Mã)", "Roman sections", section_run, _to_roman)
    if criterion_run.break_at is not None:
        hit = _break_hit("lĩnh vực I, II, III", "Các lĩnh vực (số La Mã)", "Criteria numbered in Roman", criterion_run, _to_roman)
        heading = criterion_run.items[criterion_run.break_at][1]
        code = criteria[id(heading)]
        yield replace(
            hit,
            message=f"{hit.message}: tiêu chí {code} được đánh số {heading.number}",
            message_en=f"{hit.message_en}: criterion {code} is numbered {heading.number}",
        )


def _roman_criterion_headings(headings: list[Heading], record: Record, framework: Framework | None) -> dict[int, str]:
    """The Roman headings that head a criterion (by id, to its code): a title naming a criterion of the framework
    ("I. Chỉ đạo, điều hành …"; a section's "I. KẾT QUẢ THỰC HIỆN …" names none), or a title not in capitals
    (a section's are) over a criterion printed with its number, read from the heading to the next Roman heading
    (a title wrapped onto the next line: "VIII. Tác động của cải cách hành chính đến")."""
    match_title: Callable[[str], str | None] | None = getattr(framework, "match_title", None)  # the extractor's
    blocks = [h.evidence[0].block if h.evidence else None for h in headings]
    found: dict[int, str] = {}
    for k, h in enumerate(headings):
        if match_title is not None and (code := match_title(h.title)) is not None:
            found[id(h)] = code
        elif (start := blocks[k]) is not None and not is_all_caps(h.title):
            end = blocks[k + 1] if k + 1 < len(blocks) else None
            code = next((c.code for c in record.criteria if _printed_under(c, h.number, start, end)), None)
            found.update({id(h): code} if code else {})
    return found


def _printed_under(criterion: Criterion, number: str, start: int, end: int | None) -> bool:
    """``criterion`` is printed with ``number`` and read from block ``start`` up to ``end``."""
    block = criterion.evidence[0].block if criterion.evidence else None
    printed = (criterion.printed_number or "").rstrip(".)").strip()
    return printed == number and block is not None and start <= block and (end is None or block < end)


def _skips_missing_criteria(run: _Run, record: Record) -> bool:
    """A jump in criteria numbered by their codes ("8." then "10.", "Tiêu chí 5" then "Tiêu chí 7") over criteria
    the report does not have: the numbers are right and the criterion is missing, which missing_criterion says."""
    k = run.break_at
    assert k is not None
    if k == 0:
        return False
    before, after = run.items[k - 1][0], run.items[k][0]
    codes = {c.code for c in record.criteria}
    skipped = {str(n) for n in range(before + 1, after)}
    return bool(skipped) and str(before) in codes and str(after) in codes and not skipped & codes


def _label_gaps(record: Record) -> Iterator[Hit]:
    """Criteria headed by their word and a number, "Lĩnh vực 1:" or "Lĩnh vực thứ nhất:", within a section."""
    sections: dict[str | None, _Run] = {}
    for h in record.outline:
        value = rank_value(h.number.casefold().removeprefix("thứ")) if h.scheme == "label" else None
        if value is not None:
            sections.setdefault(h.section, _Run(frozenset({1}))).add(value, h)
    for section, run in sections.items():
        if run.break_at is not None and not _skips_missing_criteria(run, record):
            label_vi = f"Phần {section}, các lĩnh vực/tiêu chí" if section else "Các lĩnh vực/tiêu chí"
            label_en = f"Section {section}, labelled criteria" if section else "Labelled criteria"
            yield _break_hit(f"{section or ''} lĩnh vực".strip(), label_vi, label_en, run, str)


# Vietnamese legal lettering (Nghị định 30/2020/NĐ-CP, Phụ lục I: "a), b), c), d), đ), e), g), h), i), k)"):
# no f, j, w, z. Some offices letter as in English ("d), e), f)"): a run is a gap only when neither reads it.
_LETTERS_VI = "abcdđeghiklmnopqrstuvxy"
_LETTERS_LATIN = "abcdefghijklmnopqrstuvwxyz"
_LETTERED_RE = re.compile(r"^[a-zđ][).]$")  # "đ)", "b."; not a roman "I."


def _letter_gaps(record: Record) -> Iterator[Hit]:
    """Criteria lettered "a) … đ) đ) g)": within a section a letter used twice or skipped (lettering that
    starts again at a, under a group's heading, is a list of its own)."""
    lettered = [c for c in record.criteria if c.printed_number and _LETTERED_RE.match(c.printed_number)]
    if any(c.evidence and c.evidence[0].block is None for c in lettered):
        order = lettered  # hand-built records: kept in the order given
    else:
        order = sorted(lettered, key=lambda c: c.evidence[0].block or 0)
    sections: dict[str | None, list[list[Criterion]]] = defaultdict(list)
    for c in order:
        runs = sections[c.section]
        if not runs or (c.printed_number or "").startswith("a"):  # lettering that starts again at a: a new list
            runs.append([])
        runs[-1].append(c)
    last_vi = last_latin = 0
    for section, criteria in ((section, run) for section, runs in sections.items() for run in runs):
        letters = [(c.printed_number or "")[0] for c in criteria]
        vi, latin = _letter_run(criteria, _LETTERS_VI, last_vi), _letter_run(criteria, _LETTERS_LATIN, last_latin)
        last_vi, last_latin = vi.last, latin.last
        if vi.break_at is None or latin.break_at is None:
            continue
        english = any(letter in "fjwz" for letter in letters)
        alphabet, run = (_LETTERS_LATIN, latin) if english else (_LETTERS_VI, vi)
        yield _break_hit(
            f"{section or ''} a, b, c".strip(),
            f"Phần {section}, các tiêu chí đánh chữ" if section else "Các tiêu chí đánh chữ",
            f"Section {section}, lettered criteria" if section else "Lettered criteria",
            run,
            partial(_letter, alphabet),
        )


def _letter_run(criteria: list[Criterion], alphabet: str, last: int) -> _Run:
    """The run of the criteria's letters, a letter's value its place in ``alphabet`` (0 when not in it).

    It may start at a, after the previous section's last letter, or at its first criterion's own place
    ("h)" for criterion 8, when the criteria before it were numbered otherwise)."""
    first = criteria[0].code or ""
    own = {int(first)} if first.isdigit() else set()
    run = _Run(frozenset({1} | own | ({last + 1} if last else set())))
    for c in criteria:
        printed = c.printed_number or ""
        run.add(alphabet.find(printed[0]) + 1, _Lettered(printed[0], list(c.evidence[:1])))
    return run


def _letter(alphabet: str, n: int) -> str:
    return alphabet[n - 1] if 0 < n <= len(alphabet) else "?"


def _child_number(parent: str, n: int) -> str:
    return f"{parent}.{n}"


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


# --------------------------------------------------------------------------- CCHC108 missing_criterion

MIN_ROWS_LOST_BY_OCR = 2  # one criterion missing is a clerk's omission as often as a misread row; several are OCR's


def _rows_lost_by_ocr(record: Record, present: dict[str, Criterion], missing: int) -> set[int]:
    """The OCR'd pages the criteria were read from, when several criteria are missing between them: rows an OCR'd
    table lost (cells out of order, a row split), more likely than criteria the report left out. Else empty."""
    ocr_pages = set(record.source.ocr_pages)
    if missing < MIN_ROWS_LOST_BY_OCR or not ocr_pages:
        return set()
    pages = {ev.page for c in present.values() for ev in c.evidence[:1]}
    return {page for page in pages if page is not None} if pages and pages <= ocr_pages else set()


@rule(
    "CCHC108",
    "missing_criterion",
    "warning",
    "Thiếu tiêu chí của bộ chỉ số",
    "A criterion of the framework is absent",
)
def missing_criterion(record: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Framework criteria absent from a scored report that has at least half of them; info when several are
    missing between criteria read by OCR (rows a scanned table lost, more often than criteria left out), and
    when a heading in the criteria's section names it (its score not read: not absent).

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
    unread = _rows_lost_by_ocr(record, present, len(expected) - len(found))
    headed = _headed_criteria(record, ctx.framework, present) if len(found) < len(expected) else {}
    for k, code in enumerate(expected):
        if code in present:
            continue
        neighbours = [
            present[c]
            for c in (expected[k - 1] if k else None, expected[k + 1] if k + 1 < len(expected) else None)
            if c in present
        ]
        name = f" ({names[code]})" if names.get(code) else ""
        hit = Hit(
            subject=code,
            message=f"{m.criterion_place(code, 'vi')}{name}: không có trong báo cáo "
            f"(có {len(found)}/{len(expected)} tiêu chí)",
            message_en=f"{m.criterion_place(code, 'en')}{name}: absent from the report "
            f"({len(found)}/{len(expected)} criteria found)",
            expected=code,
            actual=None,
            evidence=[ev for c in neighbours for ev in c.evidence[:1]],
        )
        if unread and neighbours and all(ev.page in unread for c in neighbours for ev in c.evidence[:1]):
            hit = _read_by_ocr(hit, "các dòng bảng đọc bằng OCR", "table rows read by OCR")
        if code in headed:
            hit = _headed_unread(hit, code, name, headed[code])
        yield hit


def _headed_criteria(record: Record, framework: Framework | None, present: dict[str, Criterion]) -> dict[str, Heading]:
    """Headings naming a framework criterion by its title, in a section the criteria read stand in: the criterion
    is in the report even when its score was not read."""
    if framework is None:
        return {}
    sections = {c.section for c in present.values()}
    headed: dict[str, Heading] = {}
    for h in record.outline:
        if h.scheme != "roman" and h.section in sections and (code := _criterion_named(framework, h.title)):
            headed.setdefault(code, h)
    return headed


def _criterion_named(framework: Framework, title: str) -> str | None:
    """The code of the criterion ``title`` names: by the framework's own matcher (its names and their variants)
    when it has one, else by a criterion's name standing in the title."""
    match_title = getattr(framework, "match_title", None)
    if match_title is not None:
        return match_title(title)  # type: ignore[no-any-return]
    folded = fold_loose(title)
    return next((c.code for c in framework.criteria if contains_phrase(folded, fold_loose(c.name))), None)


def _headed_unread(hit: Hit, code: str, name: str, heading: Heading) -> Hit:
    """``hit`` as info: the criterion has its heading in the report, but no score was read for it."""
    return replace(
        hit,
        severity="info",
        message=f"{m.criterion_place(code, 'vi')}{name}: có đề mục nhưng không đọc được điểm",
        message_en=f"{m.criterion_place(code, 'en')}{name}: headed in the report but its score was not read",
        evidence=[*heading.evidence[:1], *hit.evidence],
    )
