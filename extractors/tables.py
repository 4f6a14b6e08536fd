"""Criteria printed as a table: TT | Lĩnh vực/Tiêu chí | Điểm tối đa | Điểm đạt được | Tỷ lệ | Xếp hạng."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

import regex as re

from cchc.extractors.document import Block, BlockKind, Document, Provenance
from cchc.extractors.framework import Framework
from cchc.extractors.locale_vi import CHANGE_VERBS, GRADE_WORDS, ORDINAL, alternation, rank_value
from cchc.extractors.normalize import fold_loose
from cchc.extractors.numbers import ParsedNumber, format_vi, parse_number
from cchc.extractors.patterns import find_changes, find_classification
from cchc.extractors.scores import cell_number
from cchc.schemas.record import Criterion, Evidence, Indicator, Repair

# Column roles by folded header words; the first role whose key occurs in a header cell wins.
COLUMN_KEYS: list[tuple[str, tuple[str, ...]]] = [
    ("self", ("tu cham", "tu danh gia", "diem tu cham", "tu cham diem")),  # self-assessed: not the score
    ("max", ("diem toi da", "toi da", "diem chuan", "thang diem")),
    # "Điểm Hội đồng thẩm định", "Điểm huyện thẩm định": the appraised score, whoever appraised it
    ("score", ("diem dat", "dat duoc", "diem tham dinh", "diem danh gia", "ket qua", "diem so", "tong diem", "tham dinh")),
    ("percent", ("ty le", "ti le", "%")),  # "tỉ lệ" is the other spelling of "tỷ lệ"
    ("change", ("tang giam", "thay doi", "so voi", "bien dong")),
    ("rank", ("xep hang", "thu hang", "xep thu", "hang")),
    ("title", ("linh vuc", "tieu chi", "noi dung", "chi so", "ten")),
    ("no", ("tt", "stt")),
]
_COLUMN_KEY_SETS = [(role, frozenset(keys)) for role, keys in COLUMN_KEYS]
_KEY_WORDS = max(len(k.split()) for _, keys in COLUMN_KEYS for k in keys)  # the longest key, in words
TOTAL_RE = re.compile(r"^\s*(?:tổng(?:\s+(?:cộng|số|điểm))?|chỉ\s+số\s+(?:cchc|cải\s+cách\s+hành\s+chính|tổng\s+hợp)|cộng)\b", re.I)

EvidenceFn = Callable[[Block, int, int, int | None], Evidence]


@lru_cache(maxsize=4096)
def _word_runs(cell: str) -> frozenset[str]:
    """Every run of up to ``_KEY_WORDS`` consecutive words of the folded cell: a key occurs in the
    cell as whole words exactly when it is one of them."""
    words = fold_loose(cell).split()
    return frozenset(
        " ".join(words[i : i + n]) for n in range(1, _KEY_WORDS + 1) for i in range(len(words) - n + 1)
    )


def column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col, cell in enumerate(header):
        if "%" in cell and "percent" not in roles:
            roles["percent"] = col
            continue
        runs = _word_runs(cell)
        for role, keys in _COLUMN_KEY_SETS:
            if role not in roles and not runs.isdisjoint(keys):
                roles[role] = col
                break
    return roles


def _header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """(last header row, column roles) of a criteria table; headers may span rows
    ("Điểm" over "Tối đa | Đạt được"), so the first rows are read column by column together."""
    found = _header_of(tuple(tuple(row) for row in rows[:_HEADER_ROWS_READ]))
    return None if found is None else (found[0], dict(found[1]))


_HEADER_ROWS_READ = 5  # what _header_of reads: a header starts in the first 3 rows and spans 3 at most


@lru_cache(maxsize=64)
def _header_of(first_rows: tuple[tuple[str, ...], ...]) -> tuple[int, dict[str, int]] | None:
    # cached: the criteria and the indicators of a table both ask for its header
    rows = [list(row) for row in first_rows]
    for start in range(min(3, len(rows))):
        for end in range(start, min(start + 3, len(rows))):
            width = max(len(r) for r in rows[start : end + 1])
            spanned = _spans_carried(rows[start : end + 1])
            merged = [
                " ".join(dict.fromkeys(r[c] for r in spanned if c < len(r) and r[c].strip()))
                for c in range(width)
            ]
            roles = _with_year_score(merged, column_roles(merged))
            roles = _with_bare_score(merged, roles) if start == end else roles
            if len(roles) >= 3 and "title" in roles and {"score", "max"} <= roles.keys():
                return end, roles
    for r, row in enumerate(rows[:4]):
        roles = _with_bare_score(row, _with_year_score(row, column_roles(row)))
        if len(roles) >= 3 and "title" in roles and {"score", "max"} & roles.keys():
            return r, roles
    return None


def _with_bare_score(header: list[str], roles: dict[str, int]) -> dict[str, int]:
    """``roles`` of one header row with a column headed "Đạt" alone as the score, beside a maximum's column ("Đạt |
    Tối đa | Tỷ lệ (%)", a spreadsheet's header with no "Điểm" over them): alone, "Đạt" may head a status column,
    and under a header over rows it names no score when nothing spans it."""
    if "max" not in roles or "score" in roles:
        return roles
    bare = next((col for col, cell in enumerate(header) if fold_loose(cell).split() == ["dat"] and col not in roles.values()), None)
    return roles if bare is None else {**roles, "score": bare}


def _spans_carried(rows: list[list[str]]) -> list[list[str]]:
    """Header rows with a cell merged across columns repeated over each of them: a PDF prints "Điểm" once over
    "Tối đa | Đạt", the cell beside it blank (a DOCX reader repeats it already). A blank cell carries its left
    neighbour's text when the row below has text under both."""
    carried = [list(r) for r in rows]
    for upper, lower in zip(carried, rows[1:], strict=False):
        for c in range(1, min(len(upper), len(lower))):
            if not upper[c].strip() and upper[c - 1].strip() and lower[c].strip() and lower[c - 1].strip():
                upper[c] = upper[c - 1]
    return carried


# a column headed by a year alone: "Năm 2023", "2023", "Điểm năm 2023"
_YEAR_COLUMN_RE = re.compile(r"^\s*(?:điểm\s+)?(?:năm\s+)?(?P<year>(?:19|20)\d{2})\s*$", re.I)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _with_year_score(header: list[str], roles: dict[str, int]) -> dict[str, int]:
    """``roles`` of a table that prints a score (or a percent) per year, with the report's year chosen: "Điểm
    tối đa | Năm 2022 | Năm 2023 | Tỷ lệ năm 2023 (%)" (a year alone heads a score column when no column is
    headed "Điểm đạt"), "Điểm đạt năm 2022 | Điểm đạt năm 2023". The report's year is the one a single
    percent column names, else the latest: last year's column stands beside the report's for comparison."""
    if "max" not in roles:
        return roles
    by_role: dict[str, dict[int, int]] = {"score": {}, "percent": {}}
    for col, cell in enumerate(header):
        years = _YEAR_RE.findall(cell)
        role = _role_of(cell)
        if len(years) != 1 or role not in (None, "score", "percent"):
            continue
        if role is None and _YEAR_COLUMN_RE.match(cell) and "score" not in roles:
            role = "score"
        if role is not None:
            by_role[role][int(years[0])] = col
    if not any(by_role.values()):
        return roles
    named = list(by_role["percent"])
    year = named[0] if len(named) == 1 else max(y for cols in by_role.values() for y in cols)
    chosen = {role: cols[year] for role, cols in by_role.items() if year in cols}
    return {**roles, **chosen}


def _role_of(cell: str) -> str | None:
    """The role one header cell names by itself (the first of ``COLUMN_KEYS``), "percent" for a "%"."""
    if "%" in cell:
        return "percent"
    runs = _word_runs(cell)
    return next((role for role, keys in _COLUMN_KEY_SETS if not runs.isdisjoint(keys)), None)


def _logical_rows(
    rows: list[list[str]], roles: dict[str, int], offset: int
) -> list[tuple[list[str], int, str]]:
    """Rows with a wrapped title put back together: (cells, offset in the block text, text).

    A row holding only more title words (no number, no score) continues the row above: a reader
    that splits a cell's second line into a row of its own ("Cải cách tài chính" / "công").
    """
    value_cols = [roles[r] for r in ("no", "max", "score", "percent", "rank") if r in roles]
    title_col = roles["title"]
    out: list[tuple[list[str], int, str]] = []
    for row in rows:
        text = " | ".join(row)
        only_title = (
            title_col < len(row)
            and row[title_col].strip()
            and all(c >= len(row) or not row[c].strip() for c in value_cols)
        )
        if only_title and out:
            cells, start, _ = out[-1]
            cells = list(cells)
            cells[title_col] = f"{cells[title_col]} {row[title_col].strip()}"
            out[-1] = (cells, start, f"{out[-1][2]}\n{text}")
        else:
            out.append((list(row), offset, text))
        offset += len(text) + 1
    return out


def _number(cell: str, repairs: list[str] | None = None) -> float | None:
    parsed = cell_number(cell)
    if parsed is not None and parsed.repaired and repairs is not None:
        repairs.append(parsed.repaired)
    return parsed.value if parsed else None


_PAIR_RE = re.compile(r"^\s*(?P<score>\d{1,3}(?:[.,]\d{1,3})?)\s*/\s*(?P<max>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:điểm)?\s*$", re.I)


def _score_pair(cell: str) -> tuple[float, float] | None:
    """(score, maximum) of a cell printing both ("12,5/15", "12,5/15 điểm")."""
    m = _PAIR_RE.match(cell)
    score, maximum = (parse_number(m[k], small=True) for k in ("score", "max")) if m else (None, None)
    return (score.value, maximum.value) if score is not None and maximum is not None else None


def _shown(value: float | None) -> str:
    return "?" if value is None else format_vi(value)


_RANK_WORD_CELL_RE = re.compile(rf"^\s*(?:thứ\s+)?(?P<w>{ORDINAL})\s*$", re.I)  # "Thứ năm", "Nhất", "thứ mười hai"


def _rank(cell: str) -> tuple[int | None, int | None]:
    m = re.search(r"(\d{1,4})\s*(?:/|trên)\s*(\d{1,4})", cell)
    if m:
        return int(m[1]), int(m[2])
    m = re.search(r"\d{1,4}", cell)
    if m is None and (word := _RANK_WORD_CELL_RE.match(cell)) is not None:
        return rank_value(word["w"]), None
    return (int(m.group(0)), None) if m else (None, None)


_CHANGE_WORDS = alternation(CHANGE_VERBS)  # "Tăng 2", "Giảm 1": the verb without its noun, in a column of changes
_CHANGE_CELL_RE = re.compile(rf"^\s*\(?\s*(?P<sign>[-+−–↑↓]|{_CHANGE_WORDS})?\s*(?P<n>\d{{1,3}})\s*(?:bậc|hạng)?\s*\)?\s*$", re.I)


def _change(cell: str) -> int | None:
    """A rank change cell: "tăng 2 bậc", "Tăng 2", "Giảm 1", "+2", "(-1)", "↓1", "giữ nguyên"."""
    changes = find_changes(cell)
    if changes:
        return changes[0].change
    m = _CHANGE_CELL_RE.match(cell)
    if m:
        sign = m["sign"] or ""
        down = sign in ("-", "−", "–", "↓") or CHANGE_VERBS.get(" ".join(sign.casefold().split()), (1, ""))[0] < 0
        return -int(m["n"]) if down else int(m["n"])
    if re.match(r"^\s*(?:giữ nguyên|không đổi|=)\s*$", cell, re.I):
        return 0
    return None


def criteria_from_table(
    block: Block, index: int, framework: Framework, evidence: EvidenceFn, repairs: list[Repair] | None = None
) -> list[tuple[Criterion, bool]]:
    """Criteria (and the total row, flagged True) of a criteria table; [] for other tables.

    A score or maximum cell that needed repair ("6,88,") is read and its repair added to ``repairs``.
    """
    rows = block.rows or []
    found = _header(rows)
    if found is None:
        return []
    header_at, roles = found
    rank_col = roles.get("rank")
    header_rank = " ".join(r[rank_col] for r in rows[: header_at + 1] if rank_col is not None and rank_col < len(r))
    result = []
    offset = sum(len(" | ".join(r)) + 1 for r in rows[: header_at + 1])
    logical = [
        (row, start, row_text, cells, " ".join(cells.get("title", "").split()))
        for row, start, row_text in _logical_rows(rows[header_at + 1 :], roles, offset)
        if not re.match(r"^\s*\d{1,2}\.\d", (cells := _cells(row, roles)).get("no", ""))  # an indicator's row ("1.3")
    ]
    by_number = _codes_by_row_number([(cells, title) for _, _, _, cells, title in logical], framework)
    for row, start, row_text, cells, title in logical:
        is_total = bool(TOTAL_RE.match(title)) or (not title and bool(TOTAL_RE.match(cells.get("no", ""))))
        code = None if is_total or _group_row(cells, title) else framework.match_title(title)
        if not is_total and by_number is not None:
            code = by_number.get(id(cells), code)
        if not is_total and code is None:
            continue
        ev = evidence(block, index, start, start + len(row_text))
        ev.text = row_text
        criterion = _row_criterion(cells, code, title or "Tổng", header_rank, ev, repairs)
        result.append((criterion, is_total))
    return result


def _cells(row: list[str], roles: dict[str, int]) -> dict[str, str]:
    return {role: row[col] if col < len(row) else "" for role, col in roles.items()}


def _codes_by_row_number(rows: list[tuple[dict[str, str], str]], framework: Framework) -> dict[int, str] | None:
    """Each row's code by its number (STT "1" … "10", "I" …, "a" …), when the table lists the criteria in the
    framework's order: its numbers run 1, 2, 3 … and every title that names a criterion names the one of its number
    but at most one in five. A title worded unlike the framework's ("đội ngũ CBCC") then keeps its row, and one that
    shares a word with another criterion ("Khảo sát sự hài lòng" as criterion 9) takes its own number. None when the
    table is in no such order (its titles decide)."""
    numbered = [(cells, title) for cells, title in rows if cells.get("no", "").strip()]
    codes = [spec.code for spec in framework.criteria]
    if len(numbered) < 3 or len(numbered) > len(codes):
        return None
    if any(cells["no"].strip() not in _row_labels(n) for n, (cells, _) in enumerate(numbered, start=1)):
        return None
    named = [(codes[n - 1], framework.match_title(title)) for n, (_, title) in enumerate(numbered, start=1)]
    named = [(own, code) for own, code in named if code is not None]
    if len(named) < 3 or sum(own != code for own, code in named) * 5 > len(named):
        return None
    return {id(cells): codes[n - 1] for n, (cells, _) in enumerate(numbered, start=1)}


_INDICATOR_CODE_RE = re.compile(r"^\s*(?P<code>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(?P<title>\S.*))?$", re.S)


def indicators_from_table(block: Block, index: int, evidence: EvidenceFn) -> list[Indicator]:
    """The component indicators a table lists ("1.1 | Kế hoạch CCHC năm | 2 | 2"; or "1.1. Kế hoạch …" in the title
    cell): code, title, maximum, score and percent as printed, each criterion's from its code; [] for other tables."""
    rows = block.rows or []
    found = _header(rows)
    if found is None:
        return []
    header_at, roles = found
    result = []
    offset = sum(len(" | ".join(r)) + 1 for r in rows[: header_at + 1])
    for row, start, row_text in _logical_rows(rows[header_at + 1 :], roles, offset):
        cells = {role: row[col] if col < len(row) else "" for role, col in roles.items()}
        numbered = _INDICATOR_CODE_RE.match(cells.get("no", ""))
        m = numbered or _INDICATOR_CODE_RE.match(cells.get("title", ""))
        if m is None:
            continue
        ev = evidence(block, index, start, start + len(row_text))
        ev.text = row_text
        title = " ".join((cells.get("title", "") if numbered else m["title"] or "").split()) or _text_cell(row)
        pair = _score_pair(cells.get("score", ""))
        result.append(Indicator(
            code=m["code"], title=title or None, criterion=m["code"].split(".")[0],
            score=pair[0] if pair else _number(cells.get("score", "")),
            max_score=pair[1] if pair else _number(cells.get("max", "")),
            percent=_number(cells.get("percent", "")), evidence=[ev],
        ))  # fmt: skip
    return result


def _text_cell(row: list[str]) -> str:
    """The first cell of a row holding words and no number: an indicator's title when its code has a cell of
    its own under a header that names no title column ("Mã chỉ số | Nội dung | …")."""
    return next((" ".join(c.split()) for c in row if c.strip() and not re.search(r"\d", c)), "")


_ROMAN_NO_RE = re.compile(r"^\s*[IVX]{1,4}\s*\.?\s*$")


def _group_row(cells: dict[str, str], title: str) -> bool:
    """A row heading a group of criteria ("II | Nhóm chỉ số về cải cách thủ tục hành chính", its title
    merged across the value columns): no number in its score, maximum or percent cell, and a roman
    number or the title repeated in them. It names words of a criterion's title but is none."""
    values = [cells[r] for r in ("score", "max", "percent") if r in cells]
    if any(_number(v) is not None or _score_pair(v) is not None for v in values):
        return False
    merged = bool(title) and any(" ".join(v.split()) == title for v in values)
    return merged or bool(_ROMAN_NO_RE.match(cells.get("no", "")))


def _row_criterion(
    cells: dict[str, str], code: str | None, title: str, header_rank: str, ev: Evidence, repairs: list[Repair] | None
) -> Criterion:
    """One row's values; the rank's total may sit in the header ("Xếp hạng /18")."""
    rank, total = _rank(cells["rank"]) if "rank" in cells else (None, None)
    if total is None and rank is not None:
        m = re.search(r"/\s*(\d+)", header_rank)
        total = int(m[1]) if m else None
    reasons: list[str] = []
    score, maximum = _number(cells.get("score", ""), reasons), _number(cells.get("max", ""), reasons)
    pair = _score_pair(cells.get("score", "")) or _score_pair(cells.get("max", ""))
    if pair is not None:  # one column "Điểm đạt/Điểm tối đa" holding "12,5/15"
        score, maximum = pair
    if reasons and repairs is not None:
        original = f"{cells.get('score', '')}/{cells.get('max', '')}"
        shown = f"{_shown(score)}/{_shown(maximum)}"
        repairs.append(Repair(original=original, value=shown, reason=reasons[0], evidence=[ev]))
    return Criterion(
        code=code,
        title=title,
        score=score,
        max_score=maximum,
        percent=_number(cells.get("percent", "")),
        rank=rank,
        rank_total=total,
        rank_change=_change(cells["change"]) if "change" in cells else None,
        evidence=[ev],
        printed_number=cells.get("no", "").strip() or None,
    )


# --- tables that came out as text (scans, tables drawn without rules) ---------------------------

_CELL_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
TEXT_ROW_RE = re.compile(
    rf"(?<![\d.,/])(?P<no>\d{{1,2}})[.)]?\s+(?P<title>[^\d|]{{3,160}}?)\s*\|?\s*"
    rf"(?P<a>{_CELL_NUM})\s*\|?\s+(?P<b>{_CELL_NUM})\s*\|?\s+(?P<pct>{_CELL_NUM})\s*%?\s*\|?\s*"
    rf"(?:(?P<c>{_CELL_NUM})(?![\d/])\s*%?\s*\|?\s*)?"  # a fourth number: two years' scores, then the percent
    r"(?:(?P<rank>\d{1,3})\s*/\s*(?P<total>\d{1,3}))?(?P<rest>[^\d|]{0,120}?)(?=\s*(?:\d|\||$))"
)
# a header naming the score columns; its last form a spreadsheet's one header row, the score first ("STT Lĩnh vực,
# tiêu chí Đạt Tối đa Tỷ lệ (%)")
TEXT_HEADER_RE = re.compile(
    r"điểm[^.;]{0,40}(?:tối\s+đa|đạt)|tối\s+đa[^.;]{0,30}\bđạt\b|(?:lĩnh\s+vực|tiêu\s+chí)[^.;\d]{0,30}\bđạt\s*\|?\s*tối\s+đa", re.I
)


_TOKEN_RE = re.compile(r"[^\s|]+")
_STREAM_NUMBER_RE = re.compile(rf"^{_CELL_NUM}%?$")
MIN_STREAM_ROWS = 5
_THREE_NUMBERS_RE = re.compile(rf"(?<![\d.,/]){_CELL_NUM}\s+{_CELL_NUM}\s+{_CELL_NUM}(?![\d/])")
MAX_ROWS_SKIPPED = 3
_STREAM_RANK_RE = re.compile(r"^(?P<rank>\d{1,3})/(?P<total>\d{1,3})$")  # a rank column's cell: "12/20"
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
# rows lettered as Vietnamese legal texts letter them ("a" … "đ" … "k": no f, j), in the STT column
_LETTERS = ["", "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p"]


def _row_labels(n: int) -> tuple[str, ...]:
    """How row ``n`` of a criteria table may be numbered in its STT cell: "3", "III", "c" ("c." / "c)", "C")."""
    if n >= len(_LETTERS):
        return (str(n),)
    letter = _LETTERS[n]
    return (str(n), _ROMAN[n], letter, f"{letter}.", f"{letter})", letter.upper(), f"{letter.upper()}.")


# a criteria table's totals row in its text: "Tổng điểm 91,00 100 91,00", "Tổng cộng | 100 | 95,50 | 95,50"
_TEXT_TOTAL_NUM = r"\d{1,3}(?:[.,]\d{1,3})?"
_TEXT_TOTAL_RE = re.compile(
    rf"(?<!\w)(?:tổng\s+(?:cộng|điểm|số)|cộng)\s*\|?\s*(?P<a>{_TEXT_TOTAL_NUM})\s*\|?\s+(?P<b>{_TEXT_TOTAL_NUM})"
    rf"\s*\|?\s+(?P<pct>{_TEXT_TOTAL_NUM})\s*%?(?![\d/]|[.,]\d)",
    re.I,
)


def total_from_text(text: str) -> tuple[tuple[float, float, float], int, int] | None:
    """((maximum, score, percent), start, end) of a criteria table's totals row in its text, either column first;
    the row checks itself (the percent is the score over the maximum, a maximum of 50 to 200)."""
    for m in _TEXT_TOTAL_RE.finditer(text):
        numbers = [parse_number(m[group], small=True) for group in ("a", "b", "pct")]
        if any(n is None for n in numbers):
            continue
        a, b, pct = (n.value for n in numbers if n is not None)
        maximum, score = max(a, b), min(a, b)
        if 50 <= maximum <= 200 and abs(score / maximum * 100 - pct) <= 0.6:
            return (maximum, score, pct), m.start(), m.end()
    return None


def _consistent_triple(values: list[float]) -> tuple[float, float, float] | None:
    """(maximum, score, percent) when three numbers read as a criterion's cells: the percent is the
    score over the maximum, to the rounding a table prints (the row checks itself)."""
    a, b, pct = values
    maximum, score = (a, b) if a >= b else (b, a)
    if not 0 < maximum < 50 or abs(score / maximum * 100 - pct) > 0.6:
        return None
    return maximum, score, pct


def criteria_from_cell_stream(text: str, framework: Framework) -> list[tuple[Criterion, int, int]]:
    """Criteria rows of a table whose cells a converter wrote one after another, wrapped titles
    around the numbers: "… nhà 4 6 6 100 nước 5 Cải cách chế độ công vụ 11 10 90,91 6 …", rows numbered
    "1" or "I", a rank cell ("12/20") after the percent read with them.

    A row is found by its three numbers that check themselves (maximum, score, percent = score /
    maximum), or four when a self-assessed score stands beside the appraised one ("14 12,5 12 85,71":
    the percent is 12/14, so 12,5 is the commune's own score), and named by its row number (STT), which
    must run 1, 2, 3, … and be a criterion code of the framework; fewer than MIN_STREAM_ROWS such rows
    read as no table.
    """
    if len(_THREE_NUMBERS_RE.findall(text)) < MIN_STREAM_ROWS:
        return []  # fewer runs of three numbers than rows: no such table (the common case, found cheaply)
    tokens = [(m.start(), m.end(), m.group(0).strip(",;")) for m in _TOKEN_RE.finditer(text)]
    numbers = [
        parse_number(t.rstrip("%"), small=True) if _STREAM_NUMBER_RE.match(t) else None for _, _, t in tokens
    ]
    rows = _checked_stream_rows(tokens, numbers, framework)
    if len(rows) < MIN_STREAM_ROWS:
        return []
    rows = _misprinted_stream_rows(tokens, numbers, rows, framework)
    if _RANK_KEYS.isdisjoint(_word_runs(text[: tokens[rows[0][1]][0]])):
        for crit, *_ in rows:  # no rank column: "18/19 CBCC đạt chuẩn" after a percent is a note ("Ghi chú")
            crit.rank = crit.rank_total = None
    return [(crit, tokens[marker][0], tokens[end - 1][1]) for crit, marker, end, _ in rows]


_RANK_KEYS = dict(_COLUMN_KEY_SETS)["rank"]


_STREAM_CODE_RE = re.compile(r"^(?P<criterion>\d{1,2})\.(?P<n>\d{1,2})\.?$")  # "1.5", "1.5."


def indicators_from_cell_stream(text: str, rows: list[tuple[Criterion, int, int]], end: int) -> list[tuple[Indicator, int, int]]:
    """Component indicators between the criteria rows of a table whose cells a converter wrote one after
    another (:func:`criteria_from_cell_stream`): "… 1.1 Kế hoạch CCHC năm 2 2 Sáng kiến … 1.5 2 2 CCHC …".
    An indicator is a code of the criterion above it ("1.5" under row 1), then the first run of numbers
    after it: its maximum and its score (the larger is the maximum, as a criterion's row reads them; a third
    number that checks as their percent is that). ``end``: where the last row's indicators stop."""
    found: list[tuple[Indicator, int, int]] = []
    for (crit, _, row_end), after in zip(rows, [*(lo for _, lo, _ in rows[1:]), end][: len(rows)], strict=True):
        tokens = [(row_end + m.start(), row_end + m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text[row_end:after])]
        k = 0
        while k < len(tokens):
            code = _STREAM_CODE_RE.match(tokens[k][2])
            cells = None
            if code and code["criterion"] == crit.code:  # up to the next code in sequence ("2.5" may be a cell)
                after_code = f"{crit.code}.{int(code['n']) + 1}"
                stop = next((j for j in range(k + 1, len(tokens)) if tokens[j][2].rstrip(".") == after_code), len(tokens))
                cells = _first_number_run(tokens[k + 1 : stop])
            if cells is None:
                k += 1
                continue
            (a, b), used = cells
            title = " ".join(t for _, _, t in tokens[k + 1 : k + 1 + used] if not _STREAM_NUMBER_RE.match(t))
            indicator = Indicator(code=tokens[k][2].rstrip("."), title=title or None, score=min(a, b), max_score=max(a, b),
                                  criterion=crit.code)
            found.append((indicator, tokens[k][0], tokens[k + used][1]))
            k += 1 + used  # a score "2.5" under criterion 2 is a cell, not the next code
    return found


def _first_number_run(tokens: list[_Token]) -> tuple[tuple[float, float], int] | None:
    """(the two cells, how many tokens up to them) of the first run of two or more numbers: its first two
    when a third checks as their percent, else its last two (a title's number before them: "… số 61 2 2")."""
    run: list[tuple[float, int]] = []
    for k, (_, _, t) in enumerate([*tokens, (0, 0, "")]):
        number = parse_number(t, small=True) if _STREAM_NUMBER_RE.match(t) and not t.endswith("%") else None
        if number is not None:
            run.append((number.value, k + 1))
            continue
        if len(run) >= 2:
            break
        run = []
    if len(run) < 2:
        return None
    if len(run) >= 3 and _consistent_triple([v for v, _ in run[:3]]) is not None:
        run = run[:2]
    (a, _), (b, used) = run[-2:]
    return ((a, b), used) if 0 < max(a, b) < 50 else None


_Token = tuple[int, int, str]
# the criterion, its row number's token, the token after its cells, and where a self-assessed score stands:
# 0 none ("max score percent"), 2 after the score ("max score self percent"), 1 before it ("max self score percent")
_StreamRow = tuple[Criterion, int, int, int]


def _consistent_quad(values: list[float | None]) -> tuple[tuple[float, float, float], int] | None:
    """((maximum, score, percent), the score's place) when four numbers read as a criterion's cells with a
    self-assessed score beside the appraised one: the percent checks with one of the two middle numbers."""
    if None in values:
        return None
    maximum, b, c, pct = values  # type: ignore[misc]
    if not (0 < maximum < 50 and b <= maximum and c <= maximum and 0 <= pct <= 100):  # type: ignore[operator]
        return None
    for self_at, score in ((1, c), (2, b)):  # the appraised score after the self-assessed one, as forms print them
        if abs(score / maximum * 100 - pct) <= 0.6:  # type: ignore[operator]
            return (maximum, score, pct), self_at  # type: ignore[return-value]
    return None


def _checked_stream_rows(tokens: list[_Token], numbers: list[ParsedNumber | None], framework: Framework) -> list[_StreamRow]:
    """The rows whose three numbers check themselves, numbered in sequence."""
    found: list[_StreamRow] = []
    expected, k, row_start = 1, 0, 0
    while k + 2 < len(tokens):
        values = [n.value if n is not None else None for n in numbers[k : k + 4]]
        triple = _consistent_triple(values[:3]) if None not in values[:3] else None  # type: ignore[arg-type]
        quad = _consistent_quad(values) if triple is None and len(values) == 4 else None
        if triple is None and quad is None:
            k += 1
            continue
        # the nearest row number before the numbers: this row's, or a later one's when rows before did
        # not check (those rows are left out, never given another row's numbers); "1", "I" or "a"
        numbers_ahead = {label: n for n in range(expected, expected + MAX_ROWS_SKIPPED + 1) for label in _row_labels(n)}
        marker = next((j for j in range(k - 1, row_start - 1, -1) if tokens[j][2] in numbers_ahead), None)
        if marker is not None:
            expected = numbers_ahead[tokens[marker][2]]
        if marker is None or framework.criterion(str(expected)) is None:
            k += 1
            continue
        found.append(_stream_row(tokens, str(expected), marker, k, *(quad or (triple, 0))))  # type: ignore[arg-type]
        expected, row_start, k = expected + 1, found[-1][2], found[-1][2]
    return found


def _stream_row(
    tokens: list[_Token], code: str, marker: int, k: int, triple: tuple[float, float, float], self_at: int = 0
) -> _StreamRow:
    """The criterion of a row: its number at ``marker``, its title, its cells from ``k`` (a fourth when a
    self-assessed score stands beside the score, ``self_at`` > 0), a rank cell after them."""
    title = " ".join(t for _, _, t in tokens[marker + 1 : k] if not _STREAM_NUMBER_RE.match(t))
    maximum, score, pct = triple
    width = 4 if self_at else 3
    rank = _STREAM_RANK_RE.match(tokens[k + width][2]) if k + width < len(tokens) else None  # as printed, 25/20 too
    crit = Criterion(code=code, title=title, score=score, max_score=maximum, percent=pct,
                     rank=int(rank["rank"]) if rank else None, rank_total=int(rank["total"]) if rank else None,
                     printed_number=tokens[marker][2])
    return crit, marker, k + width + (rank is not None), self_at


def _misprinted_stream_rows(
    tokens: list[_Token], numbers: list[ParsedNumber | None], rows: list[_StreamRow], framework: Framework
) -> list[_StreamRow]:
    """``rows`` with the one row missing between two of them read as printed, when its percent does not
    check ("V Cải cách chế độ công vụ 11 9,5 83,36 7/20", 9,5/11 being 86,36%)."""
    out = rows[:1]
    for before, after in pairwise(rows):
        code = str(int(before[0].code or 0) + 1)
        if after[0].code == str(int(code) + 1) and framework.criterion(code) is not None and before[3] == after[3]:
            row = _row_as_printed(tokens, numbers, code, before[2], after[1], before[3])
            out.extend([row] if row is not None else [])
        out.append(after)
    return out


def _row_as_printed(
    tokens: list[_Token], numbers: list[ParsedNumber | None], code: str, lo: int, hi: int, self_at: int = 0
) -> _StreamRow | None:
    """Row ``code`` between tokens ``lo`` and ``hi``: its number ("5" or "V"), then the first three
    numbers after it (four with a self-assessed score at ``self_at``, as the rows around it), when they
    read as a maximum under 50, a score and a percent."""
    labels = set(_row_labels(int(code)))
    marker = next((j for j in range(lo, hi) if tokens[j][2] in labels), None)
    width = 4 if self_at else 3
    k = None if marker is None else next((j for j in range(marker + 1, hi - width + 1) if None not in numbers[j : j + width]), None)
    if marker is None or k is None:
        return None
    values = [n.value for n in numbers[k : k + width] if n is not None]
    if self_at:
        del values[self_at]  # the self-assessed score is not the score
    a, b, pct = values
    maximum, score = max(a, b), min(a, b)  # the columns in either order, as _consistent_triple reads them
    if pct > 100 and score > 0 and abs(maximum / score * 100 - pct) <= 0.6:
        maximum, score = score, maximum  # "2 2,5 125,00": the percent says the score is above its maximum
    if not (0 < maximum < 50 and 0 <= pct and (pct <= 100 or score > maximum)):
        return None
    return _stream_row(tokens, code, marker, k, (maximum, score, pct), self_at)


# the header of a component indicators' table typed as text or run into a paragraph by a converter: "Mã chỉ số Nội
# dung Điểm tối đa Điểm đạt" (held-out round 9 prints it as a table; the same table as text in other formats)
INDICATOR_TEXT_HEADER_RE = re.compile(
    r"(?:mã\s+chỉ\s+số|mã\s+số|chỉ\s+số\s+thành\s+phần)[^.;:\d]{0,60}?(?P<first>điểm\s+tối\s+đa|điểm\s+đạt)"
    r"[^.;:\d]{0,20}?(?:điểm\s+tối\s+đa|điểm\s+đạt)",
    re.I,
)
# a row of it: "1.6 Đối thoại của lãnh đạo xã với người dân, doanh nghiệp 2,5 0,5"
INDICATOR_TEXT_ROW_RE = re.compile(
    rf"(?<![\d.,/])(?P<code>\d{{1,2}}\.\d{{1,2}}(?:\.\d{{1,2}})?)\.?\s+(?P<title>[^\d|]{{2,200}}?)\s*\|?\s+"
    rf"(?P<a>{_CELL_NUM})\s*\|?\s+(?P<b>{_CELL_NUM})(?![\d/]|[.,]\d|\s*(?:%|điểm|/))"
)


def indicators_from_text_rows(text: str, max_first: bool) -> list[tuple[Indicator, int, int]]:
    """Component indicators of a table typed as text, a row "code title maximum score" (``max_first``, as the
    header "Điểm tối đa Điểm đạt" orders them) or "code title score maximum": (indicator, start, end)."""
    found = []
    for m in INDICATOR_TEXT_ROW_RE.finditer(text):
        a, b = parse_number(m["a"], small=True), parse_number(m["b"], small=True)
        if a is None or b is None:
            continue
        maximum, score = (a.value, b.value) if max_first else (b.value, a.value)
        title = " ".join(m["title"].replace("|", " ").split())
        indicator = Indicator(code=m["code"], title=title, score=score, max_score=maximum, criterion=m["code"].split(".")[0])
        found.append((indicator, m.start(), m.end()))
    return found


def _two_years_score(maximum: float, first: float, second: float, percent: float) -> float | None:
    """The report's score in a row "maximum | last year | this year | percent" read as text ("13 11,75 11,5
    88,46"): the year whose score the percent gives, else the later column; None when the four numbers do not
    read so (a rank without its total after the percent: "14 12,5 89,29 8")."""
    if not (first <= maximum and second <= maximum and second <= percent <= 200 and 0 < maximum < 50):
        return None
    fits = [s for s in (first, second) if abs(s / maximum * 100 - percent) <= 0.6]
    return fits[0] if len(fits) == 1 else second


# a row of a table of maxima alone typed as text, or a converter's cells one a line run together: "1 Chỉ đạo, điều
# hành công tác cải cách hành chính 12" (held-out round 20: the sections after it state only the points lost)
_MAXIMUM_ROW_RE = re.compile(
    r"(?<![\d.,/\w])(?P<no>\d{1,2})[.)]?\s+(?P<title>[^\d|]{3,200}?)\s*\|?\s*(?P<max>\d{1,2}(?:[.,]\d{1,2})?)"
    r"(?![\d/%]|[.,]\d|\s*(?:điểm|%|/))(?!\s*\|?\s*[-+]?\d+(?:[.,]\d+)?(?![\d.,])\s*\|?\s*(?:[-+]?\d|%|$))(?=\s|\||$)"
    # one number a row: what follows is the next row ("2 Cải cách …"), not a score column ("12,75 12,5 -0,25")
)
MIN_MAXIMA_ROWS = 5


def maxima_from_text_rows(text: str, framework: Framework) -> list[tuple[Criterion, int, int]]:
    """Criteria of a table that prints each one's maximum alone ("STT Lĩnh vực Điểm tối đa", "1 Chỉ đạo … 12"): a
    row counts only when numbered next (1, 2, 3, …), with one number, and its title names that criterion; fewer than
    MIN_MAXIMA_ROWS rows, or maxima not adding up to the index's total, read as no such table. Scores stay None: (criterion, start, end) with spans in ``text``."""
    found: list[tuple[Criterion, int, int]] = []
    for m in _MAXIMUM_ROW_RE.finditer(text):
        title = " ".join(m["title"].replace("|", " ").split())
        if m["no"] != str(len(found) + 1) or framework.match_title(title) != m["no"]:
            continue
        maximum = parse_number(m["max"], small=True)
        if maximum is not None and maximum.value > 0:
            found.append((Criterion(code=m["no"], title=title, max_score=maximum.value), m.start(), m.end()))
    return found if len(found) >= MIN_MAXIMA_ROWS and _adds_up(found, framework) else []


def _adds_up(rows: list[tuple[Criterion, int, int]], framework: Framework) -> bool:
    """Whether a table's maxima add up to the index's total (the framework's, else 100)."""
    return abs(sum(c.max_score or 0 for c, _, _ in rows) - (framework.total or 100)) < 1e-6


_STREAM_INTEGER_RE = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?$")


def maxima_from_cell_stream(text: str, framework: Framework) -> list[tuple[Criterion, int, int]]:
    """Criteria of a table of maxima alone whose cells a converter wrote one after another, wrapped titles around
    the numbers ("Chỉ đạo, điều hành công 1 12 tác cải cách hành chính 2 Cải cách thể chế 6 …"): row numbers
    1, 2, 3, … each followed by its maximum with only words between, read when the maxima add up to the index's
    total (the framework's, else 100). The title is the words between the two numbers, else those before the row
    number (the rest of a wrapped title is not told apart from the next row's). Scores stay None."""
    tokens = [(m.start(), m.end(), m.group(0).strip(",;")) for m in _TOKEN_RE.finditer(text)]
    numbered = [k for k, (_, _, t) in enumerate(tokens) if _STREAM_INTEGER_RE.match(t)]
    rows: list[tuple[int, int]] = []  # (index of the row number, index of its maximum)
    for here, after in pairwise(numbered):
        # one number a row: after the maximum, words or the next row's number, never a score column ("12,75 12,5")
        follows = tokens[after + 1][2] if after + 1 < len(tokens) else ""
        alone = not _STREAM_INTEGER_RE.match(follows) or follows == str(len(rows) + 2)
        if tokens[here][2] == str(len(rows) + 1) and (not rows or here > rows[-1][1]) and after - here <= 12 and alone:
            rows.append((here, after))
    maxima = [parse_number(tokens[m][2], small=True) for _, m in rows]
    total = framework.total or 100
    if len(rows) < MIN_MAXIMA_ROWS or any(m is None for m in maxima) or abs(sum(m.value for m in maxima if m) - total) > 1e-6:
        return []
    found = []
    for k, ((no, at), maximum) in enumerate(zip(rows, maxima, strict=True)):
        first = rows[k - 1][1] + 1 if k else max(0, no - 6)
        words = [t for _, _, t in tokens[no + 1 : at]] or [t for _, _, t in tokens[first:no]]
        assert maximum is not None
        criterion = Criterion(code=str(k + 1), title=" ".join(words) or None, max_score=maximum.value)
        found.append((criterion, tokens[no][0], tokens[at][1]))
    return found


def criteria_from_text_rows(text: str, framework: Framework) -> list[tuple[Criterion, int, int]]:
    """Criteria rows of a table read as text: "1 Công tác chỉ đạo 14 12,5 89,29 8/18 điều hành CCHC".

    A row is its number, the first words of its title, the maximum and the score (in either order:
    the smaller is the score), the percent, the rank, then the rest of a wrapped title.
    Returns (criterion, start, end) with spans in ``text``.
    """
    found = []
    for m in TEXT_ROW_RE.finditer(text):
        title = " ".join(f"{m['title']} {m['rest'] or ''}".replace("|", " ").split())
        code = framework.match_title(title)
        a, b, pct, c = (parse_number(m[k], small=True) if m[k] else None for k in ("a", "b", "pct", "c"))
        if code is None or a is None or b is None or pct is None:
            continue
        maximum, score = (a.value, b.value) if a.value >= b.value else (b.value, a.value)
        if c is not None and (two_years := _two_years_score(a.value, b.value, pct.value, c.value)) is not None:
            score, pct = two_years, c
        found.append(
            (
                Criterion(
                    code=code,
                    title=title,
                    score=score,
                    max_score=maximum,
                    percent=pct.value,
                    rank=int(m["rank"]) if m["rank"] else None,
                    rank_total=int(m["total"]) if m["total"] else None,
                    printed_number=m["no"],
                ),
                m.start(),
                m.end(),
            )
        )
    return found


# ---------------------------------------------------------------------------- the Đạt / Không đạt indicator annex
_ANNEX_CODE_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s*$")
_ANNEX_LINE_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(\S.{0,200}?)\s+(không đạt|chưa đạt|đạt)\s*$", re.I)
_MARKS = frozenset("xX✓✔☑+")
_CROSSES = frozenset("✗✘☒")


def _status_word(cell: str) -> str | None:
    """ "Đạt" / "Không đạt" ("Chưa đạt"), ✓ / ✗ as one cell states them."""
    folded = fold_loose(cell)
    if folded == "dat" or cell.strip() in _MARKS - {"x", "X", "+"}:
        return "achieved"
    if folded in ("khong dat", "chua dat") or cell.strip() in _CROSSES:
        return "not_achieved"
    return None


def _status_columns(header: list[str]) -> tuple[int, int] | None:
    """The columns of a header "… | Đạt | Không đạt" (a mark in one of them), or None."""
    folded = [fold_loose(cell) for cell in header]
    if "dat" in folded and ("khong dat" in folded or "chua dat" in folded):
        other = folded.index("khong dat") if "khong dat" in folded else folded.index("chua dat")
        return folded.index("dat"), other
    return None


def annex_row_status(row: list[str], columns: tuple[int, int] | None) -> str | None:
    """The status of one annex row: a mark in the "Đạt" or "Không đạt" column, else a word or tick in a cell."""
    if columns is not None and max(columns) < len(row):
        yes, no = (row[k].strip() for k in columns)
        if bool(yes) != bool(no):
            return "achieved" if yes else "not_achieved"
    found = {s for cell in row[1:] if (s := _status_word(cell))}
    return found.pop() if len(found) == 1 else None


def annex_statuses(block: Block, in_annex: bool) -> list[tuple[str, str, str | None, int]]:
    """(code, status, title, row or line) of the indicators a "Đạt / Không đạt" annex marks: a table's rows (a
    code cell, then the mark), or, after a "PHỤ LỤC" heading, a text line "1.1 Kế hoạch CCHC năm Không đạt"."""
    if block.rows is None:
        m = _ANNEX_LINE_RE.match(block.text) if in_annex and "đạt" in block.text.casefold() else None
        return [(m.group(1), "not_achieved" if len(m.group(3)) > 3 else "achieved", m.group(2), 0)] if m else []
    if "ạt" not in block.text and "ẠT" not in block.text and not _CROSSES.union("✓✔☑").intersection(block.text):
        return []
    # the header's "Đạt | Không đạt" may be a second header row, under a merged "Đánh giá"
    columns = next((c for row in block.rows[:2] if (c := _status_columns(row))), None)
    found = []
    for k, row in enumerate(block.rows):
        # the code in the first cell, or in the second after an "STT" column
        at, code = next(((j, m) for j, cell in enumerate(row[:2]) if (m := _ANNEX_CODE_RE.match(cell))), (0, None))
        status = annex_row_status(row[at:], columns and (columns[0] - at, columns[1] - at)) if code else None
        if code and status:
            title = row[at + 1].strip() if len(row) > at + 1 and not _status_word(row[at + 1]) else None
            found.append((code.group(1), status, title or None, k))
    return found


# --- the overall as label | value cells (a report printed from a spreadsheet) ------------------

# "Tổng điểm đạt được | 91,00", "Điểm tối đa | 100", "Tỷ lệ đạt (%) | 91,00", "Xếp hạng | 4/23", "Tăng (+), giảm (-)
# thứ hạng so với năm trước | +2", "Xếp loại | Tốt"; the change's label first, as it names "thứ hạng" too
_OVERALL_LABELS: list[tuple[str, str]] = [
    ("rank_change", (r"tăng\s*(?:\(\s*\+\s*\))?\s*[,/]?\s*giảm\s*(?:\(\s*[-−–]\s*\))?"
                     r"(?:\s+(?:thứ\s+hạng|xếp\s+hạng|thứ\s+bậc|bậc|hạng))?(?:\s+so\s+với\s+năm(?:\s+trước)?)?")),
    ("score", r"tổng\s+(?:số\s+)?điểm(?:\s+(?:đạt\s+được|đạt|thẩm\s+định))?"),
    ("max_score", r"(?:tổng\s+)?điểm\s+tối\s+đa|thang\s+điểm"),
    ("percent", r"t[ỷỉ]\s+lệ(?:\s+(?:đạt\s+được|đạt))?(?:\s*\(\s*%\s*\))?"),
    ("rank", r"xếp\s+hạng|thứ\s+hạng"),
    ("classification", r"xếp\s+loại"),
]  # fmt: skip
# a label cell whole, folded (no tone marks, no punctuation): a scan's "Xép hạng", "Tông điểm đạt được" read too
_FOLDED_LABEL_RES = [(name, re.compile(rf"^(?:{label})$")) for name, label in [
    ("rank_change", r"tang giam(?: (?:thu hang|xep hang|thu bac|bac|hang))?(?: so voi(?: nam(?: truoc)?)?)?"),
    ("score", r"tong (?:so )?diem(?: (?:dat duoc|dat|tham dinh))?"),
    ("max_score", r"(?:tong )?diem toi da|thang diem"),
    ("percent", r"t[yi] le(?: (?:dat duoc|dat))?"),
    ("rank", r"xep hang|thu hang"),
    ("classification", r"xep loai"),
]]  # fmt: skip
LABEL_HINTS = ("ối đa", "ỐI ĐA")  # "Điểm tối đa": a label table names the maximum (a substring test first)


def _label_field(cell: str) -> str | None:
    """The overall's field a label cell names, None for any other cell."""
    folded = fold_loose(cell)
    return next((name for name, label in _FOLDED_LABEL_RES if label.match(folded)), None)


_RANK_VALUE_RE = re.compile(r"^\s*(?:thứ\s+)?\d{1,3}\s*/\s*\d{1,3}(?![\d.,/])(?:\s+[^\d]*)?$", re.I)
_NUMBER_VALUE_RE = re.compile(rf"\s*{_CELL_NUM}\s*(?:%|điểm)?\s*", re.I)  # "91,00", "91,00 điểm", "91,00%"


def _label_value(field: str, cell: str) -> dict[str, object]:
    """The overall's fields one value cell gives ({} when it does not read as that field's value)."""
    if field == "rank":  # "4/23", "Thứ 4/23", "4/23 xã, thị trấn"
        rank, total = _rank(cell) if _RANK_VALUE_RE.match(cell) else (None, None)
        return {} if rank is None else {"rank": rank, "rank_total": total}
    if field == "rank_change":
        change = _change(cell)
        return {} if change is None else {"rank_change": change}
    if field == "classification":
        grade = find_classification(f"Xếp loại: {cell.strip()}")
        return {} if grade is None else {"classification": grade}
    number = _number(cell) if _NUMBER_VALUE_RE.fullmatch(cell) else None
    return {} if number is None else {field: number}


_ROW_NUMBER_CELL_RE = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[a-zđ])\s*[.)]?\s*$")


def _labels_across(rows: list[list[str]]) -> tuple[dict[str, object], int] | None:
    """The same cells laid across: a row of labels ("Tổng điểm đạt được | Điểm tối đa | … | Xếp hạng"), the values
    in the row under it, the last or the last but one; three labels at least, the score's or the rank's among them,
    and no column of a criteria table's (its number, its title: "STT | Lĩnh vực | Tổng điểm | … | Xếp hạng")."""
    for r in range(max(0, len(rows) - 3), len(rows) - 1):
        fields = [_label_field(cell) if cell.strip() else None for cell in rows[r]]
        others = [cell for cell, f in zip(rows[r], fields, strict=True) if cell.strip() and f is None]
        if sum(f is not None for f in fields) < 3 or not {"score", "rank"} & set(fields):
            continue
        if len(others) > 1 or any(_role_of(cell) in ("no", "title") for cell in others):
            return None
        found: dict[str, object] = {}
        for field, cell in zip(fields, rows[r + 1], strict=False):
            found.update(_label_value(field, cell) if field is not None and field not in found else {})
        return (found, r + 1) if len(found) >= 2 and {"score", "rank"} & found.keys() else None
    return None


def _latest_year_column(header: list[list[str]]) -> int | None:
    """The column of the latest year when a label table prints a value per year ("Chỉ tiêu | Năm 2022 | Năm 2023"):
    last year's stands beside the report's for comparison."""
    for row in header:
        years = {int(m["year"]): col for col, cell in enumerate(row) if (m := _YEAR_COLUMN_RE.match(cell))}
        if len(years) >= 2:
            return years[max(years)]
    return None


def _label_and_value(row: list[str], year_column: int | None) -> list[str]:
    """A row's label and value cells: its two filled cells (after its number: "1 | Tổng điểm | 91"), or its first
    filled cell and the cell of the year's column."""
    if year_column is not None:
        label = next((c for c in row[:year_column] if c.strip() and not _ROW_NUMBER_CELL_RE.match(c)), None)
        return [label, row[year_column]] if label is not None and year_column < len(row) else []
    cells = [c for c in row if c.strip()]
    return cells[1:] if len(cells) == 3 and _ROW_NUMBER_CELL_RE.match(cells[0]) else cells


def overall_from_label_table(rows: list[list[str]]) -> tuple[dict[str, object], int] | None:
    """The overall a table of label and value cells states (two filled cells a row, after its number), and the row of its
    score (else of its first value); None unless it gives the score or the rank and one more field."""
    if (across := _labels_across(rows)) is not None:
        return across
    found: dict[str, object] = {}
    first: dict[str, int] = {}
    year_column = _latest_year_column(rows[:2])
    for n, row in enumerate(rows):
        cells = _label_and_value(row, year_column)
        field = _label_field(cells[0]) if len(cells) == 2 else None
        if field is None or field in first:
            continue
        value = _label_value(field, cells[1])
        if value:
            found.update(value)
            first[field] = n
    if len(first) < 2 or not {"score", "rank"} & first.keys():
        return None
    return found, first.get("score", min(first.values()))


_OVERALL_TEXT_RE = re.compile(
    "|".join(rf"(?P<{name}>(?<!\w)(?:{label}))" for name, label in _OVERALL_LABELS), re.I
)
_OVERALL_TEXT_VALUES = {
    "rank": re.compile(r"\s*:?\s*(?:thứ\s+)?(\d{1,3}\s*/\s*\d{1,3})(?![\d.,/])", re.I),
    # the change's value may stand inside its wrapped label: "so với năm 0 trước", "so với +2 năm trước"
    "rank_change": re.compile(r"(?:\s+(?:so|với|năm|trước))*\s*:?\s*([-+−–]?\s?\d{1,2})(?![\d.,/])", re.I),
    # the grade alone: the text after it may be the next heading ("Xếp loại Xuất sắc I. KẾT QUẢ …")
    "classification": re.compile(rf"\s*:?\s*((?:{alternation(GRADE_WORDS)})(?!\p{{L}}))", re.I),
}
_OVERALL_TEXT_NUMBER = re.compile(rf"\s*:?\s*({_CELL_NUM})(?![\d/]|[.,]\d)")


def overall_from_label_text(text: str) -> tuple[dict[str, object], int, int] | None:
    """The same cells run into one paragraph by a converter ("Tổng điểm đạt được 95,50 Điểm tối đa 100 Tỷ lệ đạt
    (%) 95,50 Xếp hạng 19/18 Tăng (+), giảm (-) thứ hạng so với năm 0 trước Xếp loại Xuất sắc"): each label then its
    value, the score and the maximum among them (a maximum of 50 at least) and three fields at least; with the span
    of the score's label and value."""
    if not any(hint in text for hint in LABEL_HINTS):
        return None
    found: dict[str, object] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in _OVERALL_TEXT_RE.finditer(text):
        field = m.lastgroup or ""
        value = (_OVERALL_TEXT_VALUES.get(field) or _OVERALL_TEXT_NUMBER).match(text, m.end())
        if field in spans or value is None:
            continue
        if not (read := _label_value(field, value[1] if field == "classification" else value[1].replace(" ", ""))):
            continue
        found.update(read)
        spans[field] = (m.start(), value.end())
    if len(spans) < 3 or not {"score", "max_score"} <= spans.keys():
        return None
    if found["max_score"] < 50:  # type: ignore[operator]
        return None  # an overall's maximum (100), not a component's ("đạt điểm tối đa: 1.1, 1.2")
    return found, *spans["score"]


# A body printed as one table of sections, "STT | Nội dung | Kết quả": a cheap test of its header first.
_SECTIONS_HEADER = ("nội dung", "kết quả")
_BULLET_RE = re.compile(r"(?:^|(?<=[.;:]\s))[-+•]\s")


def _merged_title(row: list[str]) -> str | None:
    """The title of a row merged across the table (a section), None for a row of its own cells."""
    texts = {c.strip() for c in row if c.strip()}
    whole = len(texts) == 1 and all(c.strip() for c in row)  # the text repeated in every cell it spans
    return texts.pop() if len(texts) == 1 and (whole or not row[0].strip()) else None


def is_sections_table(rows: list[list[str]]) -> bool:
    """A body of sections as a table: a header naming content and result only (no score column), rows merged
    across it as sections (two at least), and the result cells of the other rows sentences, not numbers."""
    if len(rows) < 4 or not 2 <= len(rows[0]) <= 3:
        return False
    header = " ".join(rows[0]).lower()
    if not all(key in header for key in _SECTIONS_HEADER) or "điểm" in header:
        return False
    merged = sum(_merged_title(row) is not None for row in rows[1:])
    own = [row for row in rows[1:] if _merged_title(row) is None and len(row) == len(rows[0])]
    sentences = sum(len(row[-1].split()) >= 5 for row in own)
    return merged >= 2 and bool(own) and 2 * sentences >= len(own)


def _cell_blocks(cell: str, prov: Provenance) -> list[Block]:
    """A result cell as the paragraphs and list items it holds ("- …", "+ …" each an item)."""
    blocks = []
    for line in cell.split("\n"):
        cuts = [m.start() for m in _BULLET_RE.finditer(line) if m.start()]
        for a, b in pairwise([0, *cuts, len(line)]):
            piece = line[a:b].strip()
            if piece:
                kind = BlockKind.LIST_ITEM if piece[0] in "-+•" else BlockKind.PARAGRAPH
                blocks.append(Block(kind=kind, text=piece, prov=prov, lines=[(0, prov)]))
    return blocks


def _row_blocks(row: list[str], prov: Provenance) -> list[Block]:
    """One row of a sections table as blocks: a merged row a heading; "n | title | statement" a numbered heading
    and the statement's paragraphs."""
    if (title := _merged_title(row)) is not None:
        return [Block(kind=BlockKind.HEADING, text=title, prov=prov, lines=[(0, prov)], bold=True)]
    number, title = (row[0].strip(), row[-2].strip()) if len(row) == 3 else ("", row[0].strip())
    heading = f"{number}. {title}" if number and title else title
    head = [Block(kind=BlockKind.HEADING, text=heading, prov=prov, lines=[(0, prov)])] if heading else []
    return head + _cell_blocks(row[-1], prov)


def unfold_sections_table(block: Block) -> list[Block] | None:
    """A body printed as one table of sections, read as the blocks it stands for (None for any other table)."""
    rows = block.rows
    if block.kind is not BlockKind.TABLE or rows is None or "ội dung" not in block.text:
        return None
    if not is_sections_table(rows):
        return None
    provs = [p for _, p in block.lines] if len(block.lines) == len(rows) else [block.prov] * len(rows)
    return [b for row, prov in zip(rows[1:], provs[1:], strict=True) for b in _row_blocks(row, prov)]


def unfold_sections_tables(document: Document) -> Document:
    """The document with each body-of-sections table replaced by its blocks (the same object when there is none)."""
    blocks: list[Block] = []
    for block in document.blocks:
        blocks.extend(unfold_sections_table(block) or [block])
    if len(blocks) == len(document.blocks):
        return document
    return replace(document, blocks=blocks)


# A body-of-sections table an office wrote as positioned frames (LibreOffice's frames of a PDF) comes out as text:
# each criterion's statement "Đạt x/y điểm, tỷ lệ p%. Xếp thứ r/N …" with its row number (STT) beside its first
# line, the title's words wrapped around them.
SECTIONS_TEXT_HEADER = "Nội dung Kết quả"
_STATEMENT_RE = re.compile(
    rf"\bĐạt\s+(?P<score>{_CELL_NUM})/(?P<max>{_CELL_NUM})\s+điểm,?\s+tỷ\s+lệ\s+(?P<pct>{_CELL_NUM})\s*%\.?\s+"
    r"[Xx]ếp\s+thứ\s+(?P<rank>\d{1,3})/(?P<total>\d{1,3})"
)
_BARE_NUMBER_RE = re.compile(r"(?<![\d.,/])\d{1,2}(?![\d.,/%])")


def _stream_statement(m: re.Match[str], span: str, code: str) -> tuple[Criterion, int] | None:
    """The criterion a statement states, when its row number ``code`` stands after it in its ``span``; with where
    its words end in the span (its rank change, else its row number)."""
    number = next((n for n in _BARE_NUMBER_RE.finditer(span) if n.group(0) == code), None)
    if number is None:
        return None
    values = [parse_number(m[g], small=True) for g in ("score", "max", "pct")]
    if any(v is None for v in values):
        return None
    score, maximum, percent = (v.value for v in values if v is not None)
    changes = find_changes(span)
    crit = Criterion(
        code=code, title=code, score=score, max_score=maximum, percent=percent, rank=int(m["rank"]),
        rank_total=int(m["total"]), rank_change=changes[0].change if changes else None,
    )  # fmt: skip
    return crit, changes[0].end if changes else number.end()


def criteria_from_statement_stream(text: str, framework: Framework) -> list[tuple[Criterion, int, int]]:
    """Criteria of a sections table read as text: its statements in order, each with its row number 1, 2, 3, …
    after it (before the next statement); fewer than MIN_STREAM_ROWS such rows, or a number out of order, read as
    none. (criterion, start, end) each."""
    matches = list(_STATEMENT_RE.finditer(text))
    if not MIN_STREAM_ROWS <= len(matches) <= len(framework.criteria):
        return []
    found = []
    for n, m in enumerate(matches, 1):
        end = matches[n].start() if n < len(matches) else len(text)
        read = _stream_statement(m, text[m.end() : end], str(n))
        spec = framework.criterion(str(n))
        if read is None or spec is None:
            return []
        crit, words_end = read
        crit.title = spec.name
        found.append((crit, m.start(), m.end() + words_end))
    return found
