"""Published CCHC rankings: a decision's annex table, or an announcement in prose.

``read_ranking(document, meta)`` returns a :class:`Ranking` when the document publishes the index of
several units (a table with a unit column and totals or ranks, or at least three units stated with
their score or rank in prose), else None. Numbers go through the one grammar
(:func:`cchc.extractors.numbers.parse_number`); criterion titles through the framework's aliases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex as re

from cchc.extractors.document import Block, BlockKind, Document
from cchc.extractors.framework import generic_framework
from cchc.extractors.normalize import fold_loose
from cchc.extractors.numbers import parse_number
from cchc.extractors.numbers_ocr import comma_lost, fits_shape
from cchc.extractors.scores import PERCENT_SIGN
from cchc.schemas.record import Evidence, Meta, Ranking, RankingCriterion, RankingRow

# Rank words as printed in announcements ("xếp thứ nhì", "đứng thứ ba"): Vietnamese ordinals,
# "nhất"/"nhì"/"tư" being the ordinal forms of 1, 2, 4 (Từ điển tiếng Việt, Hoàng Phê).
RANK_WORDS: dict[str, int] = {
    "nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip

_NUM = r"\d+(?:[.,]\d+)*"
# The level is glued to the name where OCR lost the space ("XãAn Bình").
UNIT_CELL_RE = re.compile(
    r"^\s*(?:(?P<level>xã|phường|thị\s+trấn)(?:\s+|(?-i:(?=\p{Lu})))|(?P<level>TT)(?:\.\s*|\s+))(?P<name>\S.*?)\s*$", re.I
)
# a word of the name may join a syllable by an apostrophe ("Ea H'đinh"), as locale_vi.PLACE_WORD reads it
_NAME_WORD = r"\p{Lu}[\p{Ll}\p{Lu}]*(?:['’ʼ]\p{L}[\p{Ll}\p{Lu}]*)?"
UNIT_IN_PROSE_RE = re.compile(
    rf"(?<!\p{{L}})(?P<level>(?i:xã|phường|thị\s+trấn)|TT\.?)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)
HEADER_MAX_RE = re.compile(rf"(?P<max>{_NUM})\s*(?:điểm|đ)(?!\p{{L}})", re.I)
CODE_IN_HEADER_RE = re.compile(r"(?<!\p{L})(?:tiêu\s+chí|lĩnh\s+vực|chỉ\s+số\s+thành\s+phần|TC|LV)\s*(?P<code>\d{1,2})\b", re.I)
ROMAN_OR_LETTER_RE = re.compile(r"^\s*(?:[IVX]{1,5}|[A-ZĐ])\s*[.)]?\s*$")
GROUP_RE = re.compile(
    r"^\s*(?:[IVX]{1,5}|[A-ZĐ])?\s*[.)\-–]?\s*(?P<label>(?:nhóm|khối|huyện|quận|thị\s+xã|thành\s+phố|các)\b.*|"
    r"(?:xã|phường|thị\s+trấn)\s*$)",
    re.I,
)
RANKING_TITLE_RE = re.compile(
    # announcing or ranking the index; "kết quả" alone is any report's ("Kết quả thực hiện công tác CCHC")
    r"(?:công\s+bố|xếp\s+hạng)[^.;\n]{0,80}?(?:chỉ\s+số|CCHC|cải\s+cách\s+hành\s+chính)"
    r"|(?:kết\s+quả|xác\s+định)[^.;\n]{0,80}?chỉ\s+số\s+(?:CCHC|cải\s+cách\s+hành\s+chính)"
    r"|chỉ\s+số\s+(?:CCHC|cải\s+cách\s+hành\s+chính)[^.;\n]{0,60}?(?:các|của\s+các)\s+(?:xã|phường|đơn\s+vị)",
    re.I,
)
INDEX_YEAR_RE = re.compile(r"(?:chỉ\s+số|CCHC|cải\s+cách\s+hành\s+chính)[^.;\n]{0,60}?năm\s+(?P<year>(?:19|20)\d{2})", re.I)
UNITS_COUNT_RE = re.compile(
    r"(?P<n>\d{1,3})\s+(?:đơn\s+vị|xã(?:\s*,\s*(?:phường|thị\s+trấn))*(?:\s*(?:,|và)\s*(?:phường|thị\s+trấn))?)", re.I
)


def _level(text: str) -> str | None:
    key = fold_loose(text).replace(".", "")
    if key in ("tt", "thi tran"):
        return "thị trấn"
    if key in ("xa", "phuong"):
        return {"xa": "xã", "phuong": "phường"}[key]
    return None


def _unit_name(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() or w.islower() else w for w in text.split())


def _number(text: str) -> float | None:
    cleaned = text.strip().rstrip("%").strip()
    parsed = parse_number(cleaned, small=True) if cleaned else None
    return parsed.value if parsed is not None else None


def _int(text: str) -> int | None:
    m = re.search(r"\d{1,4}", text)
    if not m or re.search(r"[.,]\d", text):
        return None
    return int(m.group())


# --------------------------------------------------------------------------- tables


@dataclass(slots=True)
class _Columns:
    unit: int
    no: int | None = None
    total: int | None = None
    percent: int | None = None
    rank: int | None = None
    classification: int | None = None
    max_total: float | None = None


def _row_offsets(rows: list[list[str]]) -> list[int]:
    """Offset of each row in the block text, which readers join with " | " and newlines."""
    offsets, at = [], 0
    for row in rows:
        offsets.append(at)
        at += len(" | ".join(row)) + 1
    return offsets


def _row_evidence(block: Block, index: int, rows: list[list[str]], r: int, offsets: list[int]) -> Evidence:
    prov = block.prov_at(offsets[r])
    return Evidence(
        page=prov.page,
        line=prov.line,
        text=" | ".join(c for c in rows[r] if c.strip())[:400],
        bbox=prov.bbox,
        paragraph=prov.paragraph,
        table=prov.table,
        block=index,
    )


def _is_data_row(row: list[str]) -> bool:
    texts = [c for c in row if c.strip()]
    numbers = [c for c in texts if _number(c) is not None]
    words = [c for c in texts if _number(c) is None and not ROMAN_OR_LETTER_RE.match(c)]
    if any(UNIT_CELL_RE.match(c) and _level(UNIT_CELL_RE.match(c)["level"]) for c in words) and numbers:  # type: ignore[index]
        return True
    return bool(texts) and _int(texts[0]) is not None and _number(texts[0]) is not None and len(numbers) >= 3 and bool(words)


def _column_texts(rows: list[list[str]], width: int) -> list[list[str]]:
    """Header texts of each column, top to bottom, without repeats (merged cells repeat their text)."""
    out: list[list[str]] = []
    for c in range(width):
        seen: list[str] = []
        for row in rows:
            cell = row[c].strip() if c < len(row) else ""
            if cell and cell not in seen:
                seen.append(cell)
        out.append(seen)
    return out


def _header_max(texts: list[str]) -> float | None:
    for text in reversed(texts):
        m = HEADER_MAX_RE.search(text)
        if m:
            return _number(m["max"])
        value = _number(text)
        if value is not None and re.fullmatch(rf"\(?\s*{_NUM}\s*\)?", text.strip()) and not text.strip().startswith("("):
            return value
    return None


# Column roles by folded header words, tried in this order (a criterion title is tried first).
COLUMN_KEYS: list[tuple[str, tuple[str, ...]]] = [
    ("no", ("stt", "tt", "so tt", "so thu tu")),
    ("unit", ("don vi", "ten don vi", "ten xa", "xa phuong", "xa thi tran")),
    ("rank", ("xep hang", "thu hang", "xep thu", "hang")),
    ("classification", ("xep loai", "phan loai")),
    ("percent", ("chi so", "ty le", "ti le")),
    ("total", ("tong diem", "tong so diem", "tong", "diem dat", "tong cong")),
]


def _criterion_code(texts: list[str]) -> str | None:
    """The canonical code a header names, by title ("Cải cách thể chế") or number ("Lĩnh vực 2", "TC2")."""
    framework = generic_framework()
    for text in reversed(texts):
        code = framework.match_title(text)
        if code is None:
            m = CODE_IN_HEADER_RE.search(text)
            code = m["code"] if m and 1 <= int(m["code"]) <= len(framework.criteria) else None
        if code is not None:
            return code
    return None


def _columns(
    header_rows: list[list[str]], width: int, header_evidence: Evidence
) -> tuple[_Columns, list[tuple[int, RankingCriterion]]] | None:
    texts = _column_texts(header_rows, width)
    roles: dict[str, int] = {}
    criteria: list[tuple[int, RankingCriterion]] = []
    max_total: float | None = None
    for c, column in enumerate(texts):
        words = [t for t in column if _number(t) is None]
        if not words:
            continue
        code = _criterion_code(words)
        if code is not None:
            if any(cr.code == code for _, cr in criteria):
                continue
            leaf = next(t for t in reversed(words) if _criterion_code([t]) == code)
            title = re.sub(rf"\s*\(?\s*(?:tối\s+đa\s*:?\s*)?{_NUM}\s*điểm\s*\)?\s*$", "", leaf, flags=re.I).strip()
            criteria.append(
                (
                    c,
                    RankingCriterion(
                        code=code,
                        title=title or leaf,
                        max_score=_header_max(column),
                        evidence=[header_evidence.model_copy(update={"text": " / ".join(column)[:400]})],
                    ),
                )
            )
            continue
        folded = f" {fold_loose(' '.join(words))} "
        role = next((role for role, keys in COLUMN_KEYS if any(f" {k} " in folded for k in keys)), None)
        if role == "percent" or (role is None and "%" in " ".join(words)):
            role = "percent"
        if role is not None and role not in roles:
            roles[role] = c
            if role == "total":
                max_total = _header_max(column)
    if "unit" not in roles or not ({"total", "rank"} & roles.keys() or criteria):
        return None
    return (
        _Columns(
            unit=roles["unit"],
            no=roles.get("no"),
            total=roles.get("total"),
            percent=roles.get("percent"),
            rank=roles.get("rank"),
            classification=roles.get("classification"),
            max_total=max_total,
        ),
        criteria,
    )


@dataclass(slots=True)
class _TableRanking:
    framework: list[RankingCriterion]
    rows: list[RankingRow]
    max_total: float | None
    evidence: Evidence


def read_table(block: Block, index: int, ocr: bool = False) -> _TableRanking | None:
    """A ranking table: STT | đơn vị | criteria (maxima in the header) | tổng | % | xếp hạng | xếp loại.

    ``ocr``: the table was read by OCR, so scores misread in ways the row makes certain are restored
    (:func:`_restore_ocr_scores`)."""
    rows = block.rows or []
    first_data = next((r for r, row in enumerate(rows[:8]) if _is_data_row(row)), None)
    if not first_data:
        return None
    while first_data > 1 and _group_label(rows[first_data - 1], set()) is not None:
        first_data -= 1  # a group title ("Nhóm xã") opens the body
    width = max(len(r) for r in rows)
    offsets = _row_offsets(rows)
    header_evidence = _row_evidence(block, index, rows, 0, offsets)
    found = _columns(rows[:first_data], width, header_evidence)
    if found is None:
        return None
    cols, criteria = found
    header_texts = {c.strip() for row in rows[:first_data] for c in row if c.strip()}
    group: str | None = None
    out: list[RankingRow] = []
    for r in range(first_data, len(rows)):
        row = rows[r] + [""] * (width - len(rows[r]))
        if not _is_data_row(row):
            group = _group_label(row, header_texts) or group
            continue
        unit_cell = row[cols.unit].strip()
        m = UNIT_CELL_RE.match(unit_cell)
        level = _level(m["level"]) if m else None
        name = m["name"] if m and level else unit_cell
        if level is None and group:
            level = next((lv for lv in ("thị trấn", "phường", "xã") if lv in group.lower()), None)
        if not name or _number(name) is not None:
            continue
        scores = {
            crit.code: value
            for c, crit in criteria
            if crit.code is not None and (value := _number(row[c])) is not None
        }
        total = _number(row[cols.total]) if cols.total is not None else None
        percent = _number(row[cols.percent]) if cols.percent is not None else None
        if ocr:
            _restore_ocr_scores(scores, criteria, row, total)
        out.append(
            RankingRow(
                unit_name=_unit_name(name),
                unit_level=level,  # type: ignore[arg-type]
                group=group,
                scores=scores,
                total=total,
                percent=percent,
                rank=_int(row[cols.rank]) if cols.rank is not None else None,
                classification=(row[cols.classification].strip() or None) if cols.classification is not None else None,
                evidence=[_row_evidence(block, index, rows, r, offsets)],
            )
        )
    if len(out) < 2:
        return None
    _fill_rank_totals(out)
    return _TableRanking([c for _, c in criteria], out, cols.max_total, header_evidence)


def _restore_ocr_scores(
    scores: dict[str, float], criteria: list[tuple[int, RankingCriterion]], row: list[str], total: float | None
) -> None:
    """Scores OCR misread, restored where the row makes it certain: one read over its criterion's
    maximum for a lost decimal comma ("73" under 8 points); the one score with an unreadable
    character ("8,?") that the rest of the total fills. A score read as another valid number is
    never "restored" from the total: that would hide a total the decision misprints."""
    coded = [(c, crit.code, crit.max_score) for c, crit in criteria if crit.code is not None]
    for c, code, maximum in coded:
        value = scores.get(code)
        if value is None or maximum is None or value <= maximum:
            continue
        others = [v for other, v in scores.items() if other != code]
        expected = total - sum(others) if total is not None and len(others) == len(coded) - 1 else None
        restored = comma_lost(row[c], maximum, round(expected, 2) if expected is not None else None)
        if restored is not None:
            scores[code] = restored
    unread = [(c, code) for c, code, _ in coded if code not in scores and row[c].strip()]
    if total is not None and len(unread) == 1 and len(scores) == len(coded) - 1:
        c, code = unread[0]
        want = round(total - sum(scores.values()), 2)
        if fits_shape(row[c], want):  # "8,?" where the rest of the total is 8,7
            scores[code] = want


def _group_label(row: list[str], header_texts: set[str]) -> str | None:
    """The title of a row group ("Nhóm xã", "II. Nhóm thị trấn", "Huyện Tứ Kỳ"): one text across the row."""
    distinct = list(dict.fromkeys(c.strip() for c in row if c.strip() and not ROMAN_OR_LETTER_RE.match(c)))
    if len(distinct) != 1 or distinct[0] in header_texts or _number(distinct[0]) is not None:
        return None
    m = GROUP_RE.match(distinct[0])
    return m["label"].strip() if m else None


def _fill_rank_totals(rows: list[RankingRow]) -> None:
    """Ranks counted within each group when every group restarts at 1, else over the whole table."""
    groups: dict[str | None, list[RankingRow]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    ranked = [[r.rank for r in g if r.rank is not None] for g in groups.values()]
    per_group = len(groups) > 1 and all(rs and min(rs) == 1 for rs in ranked)
    for members in groups.values() if per_group else [rows]:
        for row in members:
            if row.rank is not None:
                row.rank_total = len(members)


# --------------------------------------------------------------------------- prose

_SCORE_AFTER_RE = re.compile(rf"(?P<score>{_NUM})\s*(?:/\s*(?P<max>{_NUM})\s*)?(?:điểm|đ)(?!\p{{L}})", re.I)
_PERCENT_AFTER_RE = re.compile(rf"(?P<pct>{_NUM})\s*{PERCENT_SIGN}")
_RANK_AFTER_RE = re.compile(
    rf"(?:xếp|đứng)\s+(?:hạng\s+)?(?:thứ\s+)?(?P<rank>\d{{1,3}}|{'|'.join(RANK_WORDS)})(?!\p{{L}})"
    rf"(?:\s*/\s*(?P<total>\d{{1,3}}))?",
    re.I,
)
_FIRST_RE = re.compile(r"dẫn\s+đầu|đứng\s+đầu|xếp\s+đầu|cao\s+nhất", re.I)
_LAST_RE = re.compile(r"xếp\s+cuối|đứng\s+cuối|cuối\s+bảng|thấp\s+nhất", re.I)
_CUE_BEFORE_RE = re.compile(
    rf"(?:(?P<first>dẫn\s+đầu|đứng\s+đầu|xếp\s+đầu|cao\s+nhất)|(?P<last>xếp\s+cuối|đứng\s+cuối|cuối\s+bảng|thấp\s+nhất)"
    rf"|(?:xếp|đứng)\s+(?:hạng\s+)?thứ\s+(?P<rank>\d{{1,3}}|{'|'.join(RANK_WORDS)}))"
    r"(?:\s+(?:là|thuộc\s+về))\s*$",
    re.I,
)
_NUMBERED_RE = re.compile(r"\s*(?P<rank>\d{1,3})\s*[.)]\s*")


def _rank_value(text: str) -> int | None:
    return int(text) if text.isdigit() else RANK_WORDS.get(text.lower())


def read_prose(blocks: list[Block]) -> tuple[list[RankingRow], int | None]:
    """Units stated with their score, percent or rank in sentences and numbered lists.

    Returns the rows and the number of ranked units when the text states it ("23 xã, thị trấn").
    """
    rows: list[RankingRow] = []
    last_units: list[int] = []
    unit_count: int | None = None
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.TABLE:
            continue
        text = block.text
        if unit_count is None:
            count = UNITS_COUNT_RE.search(text)
            if count and RANKING_TITLE_RE.search(text[max(0, count.start() - 120) : count.end() + 120]):
                unit_count = int(count["n"])
        mentions = list(UNIT_IN_PROSE_RE.finditer(text))
        for k, mention in enumerate(mentions):
            end = mentions[k + 1].start() if k + 1 < len(mentions) else len(text)
            found = _prose_row(block, index, mention, end, first=k == 0)
            if found is None:
                continue
            row, is_last = found
            rows.append(row)
            if is_last:
                last_units.append(len(rows) - 1)
    for row in rows:
        if row.rank_total is None and row.rank is not None and unit_count:
            row.rank_total = unit_count
    for i in last_units:
        if unit_count:
            rows[i].rank = unit_count
            rows[i].rank_total = unit_count
    return _merge_prose(rows), unit_count


def _prose_row(
    block: Block, index: int, mention: re.Match[str], end: int, first: bool
) -> tuple[RankingRow, bool] | None:
    """The row of one unit named in prose (up to ``end``, the next unit), and whether it is stated as last;
    None when nothing is stated about it."""
    level = _level(mention["level"])
    if level is None:
        return None
    text = block.text
    stop = re.search(r"[;\n]|\.\s+\p{Lu}", text[mention.end() : end])
    after = text[mention.end() : mention.end() + stop.start() if stop else end]
    before = text[max(0, mention.start() - 40) : mention.start()]
    score = _SCORE_AFTER_RE.search(after)
    percent = _PERCENT_AFTER_RE.search(after)
    cue = _CUE_BEFORE_RE.search(before)
    rank, rank_total, is_last = _prose_rank(text, mention, before, after, cue, first)
    if score is None and percent is None and rank is None and not is_last:
        return None
    start = mention.start()
    quote_end = mention.end() + len(after)
    prov = block.prov_at(start)
    row = RankingRow(
        unit_name=_unit_name(mention["name"]),
        unit_level=level,  # type: ignore[arg-type]
        total=_number(score["score"]) if score else None,
        percent=_number(percent["pct"]) if percent else None,
        rank=rank,
        rank_total=rank_total,
        evidence=[
            Evidence(
                page=prov.page,
                line=prov.line,
                text=text[start - len(before) + cue.start() if cue else start : quote_end].strip()[:400],
                bbox=prov.bbox,
                paragraph=prov.paragraph,
                table=prov.table,
                block=index,
            )
        ],
    )
    return row, is_last


def _prose_rank(
    text: str, mention: re.Match[str], before: str, after: str, cue: re.Match[str] | None, first: bool
) -> tuple[int | None, int | None, bool]:
    """The rank stated around one unit: (rank, rank total, stated as last), from a list number, a cue
    before the name ("đứng đầu là xã …") or words after it ("xếp thứ 5/19")."""
    numbered = _NUMBERED_RE.fullmatch(text[: mention.start()]) if first else None
    rank_after = _RANK_AFTER_RE.search(after)
    if numbered:
        return int(numbered["rank"]), None, False
    if cue:
        return (1 if cue["first"] else _rank_value(cue["rank"]) if cue["rank"] else None), None, bool(cue["last"])
    if rank_after:
        return _rank_value(rank_after["rank"]), int(rank_after["total"]) if rank_after["total"] else None, False
    if _FIRST_RE.search(after[:40]):
        return 1, None, False
    return None, None, bool(_LAST_RE.search(after[:40]))


def _merge_prose(rows: list[RankingRow]) -> list[RankingRow]:
    """One row per unit: a unit named in the headline and again in a list keeps every value stated."""
    merged: dict[tuple[str, str | None], RankingRow] = {}
    for row in rows:
        key = (fold_loose(row.unit_name), row.unit_level)
        have = merged.get(key)
        if have is None:
            merged[key] = row
            continue
        for name in ("total", "percent", "rank", "rank_total"):
            if getattr(have, name) is None:
                setattr(have, name, getattr(row, name))
        have.evidence.extend(row.evidence)
    return list(merged.values())


# --------------------------------------------------------------------------- document


def _year(document: Document) -> int | None:
    for block in document.blocks[:40]:
        m = INDEX_YEAR_RE.search(block.text)
        if m:
            return int(m["year"])
    return None


def _issuer(document: Document, meta: Meta) -> str | None:
    for block in document.blocks[:6]:
        m = re.search(r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(?P<level>HUYỆN|QUẬN|THỊ\s+XÃ|THÀNH\s+PHỐ|TỈNH)\s+(?P<name>[\p{Lu}\s'’ʼ]+?)(?=\s+CỘNG|\s*$|\n)", block.text)
        if m:
            return f"UBND {m['level'].lower()} {_unit_name(m['name'])}"
    return meta.issuer


DECISION_RE = re.compile(r"(?:kèm\s+theo\s+)?quyết\s+định\s+số\s*:?\s*(?P<number>\d+/[\p{L}\d.\-]+)", re.I)


def _decision_number(document: Document, meta: Meta) -> str | None:
    """The decision's number: its own "Số:" line, else the annex's "Kèm theo Quyết định số ..."."""
    if meta.doc_number:
        return meta.doc_number
    for block in document.blocks[:12]:
        m = DECISION_RE.search(block.text)
        if m:
            return m["number"].rstrip(".")
    return None


def _one_line(name: str | None) -> str | None:
    """A name as the metadata regexes found it, cut at a line break (the next block's first capital)."""
    return name.split("\n")[0].strip() or None if name else None


# "Căn cứ Quyết định số 855/QĐ-UBND … về việc công bố Chỉ số CCHC …": a report citing the ranking, not one
CITATION_RE = re.compile(r"^\W*(?:căn\s+cứ|thực\s+hiện|theo|tại|ngày\s+\d)", re.I)


def is_ranking_title(document: Document) -> bool:
    """A title or heading that announces an index of several units ("Công bố Chỉ số CCHC năm 2022 của các xã");
    a sentence citing that decision ("Căn cứ Quyết định số … về việc công bố Chỉ số CCHC …") is none."""
    return any(
        RANKING_TITLE_RE.search(b.text)
        for b in document.blocks[:40]
        if b.kind is not BlockKind.TABLE and not CITATION_RE.match(b.text)
    )


def read_ranking(document: Document, meta: Meta) -> Ranking | None:
    """The ranking a document publishes, or None when it is not one (a unit's own report is never one)."""
    if meta.issuer:  # the header names a commune as the issuer: its own report
        return None
    tables: list[_TableRanking] = []
    for index, block in enumerate(document.blocks):
        if block.kind is BlockKind.TABLE and block.rows:
            found = read_table(block, index, ocr=block.prov.page in document.ocr_pages)
            if found is not None:
                tables.append(found)
    form = "table"
    if tables:
        rows = [row for t in tables for row in t.rows]
        framework = tables[0].framework
        max_total = next((t.max_total for t in tables if t.max_total is not None), None)
        evidence = [t.evidence for t in tables[:1]]
    else:
        if meta.unit_name or not is_ranking_title(document):  # a unit's report names its unit in the title
            return None
        rows, _ = read_prose(document.blocks)
        if len(rows) < 3:
            return None
        form = "prose"
        framework, evidence = [], []
        max_total = next(
            (_number(m["max"]) for r in rows for ev in r.evidence for m in [_SCORE_AFTER_RE.search(ev.text)] if m and m["max"]),
            None,
        )
    levels = Counter(r.unit_level for r in rows if r.unit_level)
    level = "xã" if len(levels) > 1 else next(iter(levels), None)
    return Ranking(
        issuer=_issuer(document, meta),
        year=_year(document),
        level=level,  # type: ignore[arg-type]
        district=_one_line(meta.district),
        province=_one_line(meta.province),
        doc_number=_decision_number(document, meta),
        max_total=max_total,
        form=form,  # type: ignore[arg-type]
        framework=framework,
        rows=rows,
        evidence=evidence,
    )
