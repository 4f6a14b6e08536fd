"""From the document model to the export record: metadata, scores, indicators, quantities, references.

One pass over the blocks finds the report's statements; each extracted value keeps the
Evidence (quoted text, page, line, bbox or paragraph) of the statement it comes from.
"""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from dataclasses import dataclass, field

import regex as re

from cchc.extractors.document import Block, BlockKind, Document
from cchc.extractors.framework import Framework, framework_for, generic_framework
from cchc.extractors.layout import (
    DOC_NUMBER_RE,
    DOC_TYPE_RE,
    PAGE_NUMBER_RE,
    PLACE_DATE_RE,
    is_all_caps,
    is_bullet,
    letter_numbering,
    numbering,
    sentence_bounds,
)
from cchc.extractors.locale_vi import CENTRAL_CITIES, PLACE_NAME, PLACE_NAME_DASHED, PLACE_WORD_CAPS
from cchc.extractors.normalize import fold_loose, matches_from
from cchc.extractors.numbers import format_vi, parse_number
from cchc.extractors.patterns import (
    blank_signature_stamps,
    find_changes,
    find_classification,
    find_ranks,
    place_name_end,
)
from cchc.extractors.quantities import as_record_quantity, find_quantities, find_records_table
from cchc.extractors.references import find_references, parse_date
from cchc.extractors.scores import (
    POINTS_ONLY_RE,
    NumberMatch,
    ScoreMatch,
    find_bare_score,
    find_deduction,
    find_percents,
    find_points_only,
    find_scores,
    find_stated_max,
)
from cchc.extractors.statements import (
    INDICATOR_RE,
    INLINE_CLAUSE_RE,
    INLINE_CODE_RE,
    INLINE_ITEM_RE,
    INLINE_LIST_RE,
    OVERALL_HINT_RE,
    Kind,
    Statement,
    classify,
    criterion_title,
    label_numbering,
    list_parent_named,
)
from cchc.extractors.tables import (
    INDICATOR_TEXT_HEADER_RE,
    INDICATOR_TEXT_ROW_RE,
    LABEL_HINTS,
    SECTIONS_TEXT_HEADER,
    TEXT_HEADER_RE,
    annex_statuses,
    criteria_from_cell_stream,
    criteria_from_statement_stream,
    criteria_from_table,
    criteria_from_text_rows,
    indicators_from_cell_stream,
    indicators_from_table,
    indicators_from_text_rows,
    maxima_from_cell_stream,
    maxima_from_text_rows,
    overall_from_label_table,
    overall_from_label_text,
    total_from_text,
    unfold_sections_tables,
)
from cchc.schemas.record import (
    Criterion,
    Evidence,
    Heading,
    Indicator,
    Meta,
    Overall,
    Quantity,
    Record,
    Reference,
    Repair,
    Source,
    Unplaced,
    YearStatement,
)

EXTRACTOR_VERSION = "1"

ZERO_SCORE_RE = re.compile(r"không\s+(?:đạt|được)\s+điểm|đạt\s+0\s*điểm|0\s*/\s*\d+(?:[.,]\d+)?\s*điểm", re.I)
# a unit's name in capitals ("XÃ EA H'ĐINH", "XÃ ĐẠI ÂN 2"); in text, as locale_vi.PLACE_NAME reads it
_CAPS_NAME = rf"(?:{PLACE_WORD_CAPS}(?:\s+{PLACE_WORD_CAPS})*(?:\s+\d{{1,2}})?|\d{{1,2}})"  # "PHƯỜNG 3": a number alone
UNIT_RE = re.compile(rf"^(?P<level>XÃ|PHƯỜNG|THỊ\s+TRẤN)\s+(?P<name>{_CAPS_NAME})\s*$")
UNIT_ONE_LINE_RE = re.compile(
    r"^(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|UBND)\s+(?P<level>XÃ|PHƯỜNG|THỊ\s+TRẤN)\s+"
    rf"(?P<name>{PLACE_WORD_CAPS}(?:\s+{PLACE_WORD_CAPS})*?(?:\s+\d{{1,2}})?)\s*(?=\s+CỘNG\s+HÒA|$)"
)
# the district's people's committee heading a commune's header: "ỦY BAN NHÂN DÂN HUYỆN YÊN MÔ" / "UBND THỊ XÃ NGHI SƠN"
DISTRICT_HEADER_RE = re.compile(
    r"^(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|UBND)\s+(?:HUYỆN|QUẬN|THỊ\s+XÃ|THÀNH\s+PHỐ)\s+"
    rf"(?P<name>{PLACE_WORD_CAPS}(?:\s+{PLACE_WORD_CAPS})*?)\s*(?=\s+CỘNG\s+HÒA|$)"
)
UNIT_IN_TEXT_RE = re.compile(  # "của UBND xã Hà Phong", "… của UBND Phường 12, Quận 3"
    rf"(?<!\p{{L}})(?P<level>xã|phường|thị\s+trấn|Xã|Phường|Thị\s+trấn)\s+(?P<name>{PLACE_NAME}|\d{{1,2}}(?![\d/%]|[.,]\d))"
)
DISTRICT_RE = re.compile(
    # "UBND Huyện Tứ Kỳ" too (not a header in capitals, "THỊ XÃ PHÚ LÂM", which the words' case cannot cut)
    rf"(?<!\p{{L}})(?:[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Tt]hành\s+phố)\s+(?P<name>{PLACE_NAME_DASHED})"
    r"|(?<!\p{L})[Qq]uận\s+(?P<name>\d{1,2})(?![\d/%]|[.,]\d)"  # "Phường 12, Quận 3" (Hồ Chí Minh city's districts)
)
PROVINCE_RE = re.compile(
    # the one province whose name holds a dash: Bà Rịa - Vũng Tàu (held-out phuoc-hung-2023 read "Bà Rịa")
    # "tỉnh Thành phố Hồ Chí Minh" (held-out phuoc-vinh-an-2024: a city written as a province) is the city
    rf"(?<!\p{{L}})(?:[Tt]ỉnh\s+(?!(?:[Tt]hành\s+phố|T[Pp]\.?)\s)(?P<name>Bà\s+Rịa\s*[-–]\s*Vũng\s+Tàu|\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{0,3}})"
    rf"|(?:[Tt]hành\s+phố|T[Pp]\.?)\s*(?P<name>{'|'.join(CENTRAL_CITIES)})(?!\p{{L}}))"  # "Thành phố Hồ Chí Minh", "Tp. Huế"
)
# the words every match of DISTRICT_RE, PROVINCE_RE begins with (both patterns are case-sensitive)
DISTRICT_STARTS = ("Huyện", "huyện", "Quận", "quận", "Thị", "thị", "Thành", "thành")
PROVINCE_STARTS = ("Tỉnh", "tỉnh", "Thành", "thành", "TP", "Tp")


PLACE_DATE_PARTS_RE = re.compile(
    r"^\s*(?P<place>[^,]+),\s*ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|\s*[/.-]\s*)(?P<m>\d{1,2})(?:\s+năm\s+|\s*[/.-]\s*)(?P<y>\d{4})",
    re.I,
)
# the header's date line without its place ("ngày 16 tháng 01 năm 2025"), a template's blank place left out
BARE_DATE_RE = re.compile(
    r"^\s*ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|\s*[/.-]\s*)(?P<m>\d{1,2})(?:\s+năm\s+|\s*[/.-]\s*)(?P<y>\d{4})\s*\.?\s*$",
    re.I,
)
# the issuer a page header or footer names first: "UBND xã Sơn Thủy – Báo cáo kết quả CCHC năm 2024"
RUNNING_UNIT_RE = re.compile(
    r"^\s*(?:UBND|[ỦU][yỷ]\s+ban\s+nhân\s+dân|[ỦU][YỶ]\s+BAN\s+NHÂN\s+DÂN)\s+"
    rf"(?P<level>xã|phường|thị\s+trấn|Xã|Phường|Thị\s+trấn)\s+(?P<name>{PLACE_NAME})"
)
BARE_LEVEL_RE = re.compile(r"^\s*(?P<level>XÃ|PHƯỜNG|THỊ\s+TRẤN)\s*$")
YEAR_RE = re.compile(r"năm\s+(?P<year>(?:19|20)\d{2})(?!\d)", re.I)
REPORT_YEAR_RE = re.compile(
    r"(?:báo\s+cáo|tổng\s+kết|kết\s+quả|sơ\s+kết)[^.;]{0,80}?(?:CCHC|cải\s+cách\s+hành\s+chính)[^.;]{0,60}?năm\s+(?P<year>(?:19|20)\d{2})",
    re.I,
)
# a results heading in capitals names the report's year without naming CCHC: "KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC NĂM 2020"
SECTION_YEAR_RE = re.compile(r"kết\s+quả[^.;]{0,80}?năm\s+(?P<year>(?:19|20)\d{2})", re.I)
PART_HEADING_RE = re.compile(r"^\s*PHẦN\s+[IVX]{1,5}\s*[.:–-]\s*(?P<title>\S.*)$")
NEXT_YEAR_RE = re.compile(r"triển\s+khai[^.;]{0,80}?năm\s+(?P<year>(?:19|20)\d{2})", re.I)
CLOSING_RE = re.compile(r"^\s*Trên\s+đây\s+là", re.I)
# a name's first words may be one capital or joined by an apostrophe, as Ê Đê, Jarai and Ba Na names are written
# ("Y Ngông Niê" in the held-out ea-tu-2024, "H'Hen Niê", "A Sanh"), the last word too ("Nay H'Lan"), with any apostrophe;
# K'Ho names write the apostrophe's capital as a word of its own ("K' Brỏi")
PERSON_NAME_RE = re.compile(
    r"^(?=.*\p{Ll}{2})(?:\p{Lu}\p{Ll}+\s+|(?:Y|A|\p{Lu}['’ʼ](?:\p{Lu}\p{Ll}+)?)\s+){1,4}\p{Lu}(?:['’ʼ]\p{Lu})?\p{Ll}*$"
)
TRAILING_NAME_RE = re.compile(  # its first word as PERSON_NAME_RE's ("- Lưu: VP. A Văn Chinh")
    r"[.;:]\s+(?P<name>(?:\p{Lu}\p{Ll}+|Y|A|\p{Lu}['’ʼ](?:\p{Lu}\p{Ll}+)?)(?:\s+\p{Lu}(?:['’ʼ]\p{Lu})?\p{Ll}*){1,4})\s*$"
)
SIGNER_TITLE_RE = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\.?\s*.*|(?:PHÓ\s+)?CHỦ\s+TỊCH|CHỦ\s+TỊCH)$")
GRADE_LABEL_AT_END_RE = re.compile(r"xếp\s+loại\s*:?\s*$", re.I)
SIGNER_TITLE_START_RE = re.compile(r"^(?:(?:PHÓ\s+)?CHỦ\s+TỊCH|(?:TM|KT)\.\s*ỦY\s+BAN\s+NHÂN\s+DÂN)(?=\s+[-–]\s|$)")
SIGNER_TITLE_INSIDE_RE = re.compile(r"(?<![\p{L}.,] ?)(?:(?:TM|KT)\.\s*)?(?:PHÓ\s+)?CHỦ\s+TỊCH(?=\s*(?:[-–;]|$))")
# the page's number a converter printed after the signer's name, in any form a footer prints it (as layout's
# PAGE_NUMBER_RE): "Trần Văn Lập 4", "Nguyễn Văn Cửa Trang 4", "… - 4 -", "… 4/4"
_PAGE_NUMBER_ENDS = frozenset("0123456789-–")
TRAILING_PAGE_NUMBER_RE = re.compile(r"(?<=\p{Ll})\s+(?:[-–]\s*)?(?:(?P<word>(?i:trang))\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$")


@dataclass
class _Ctx:
    doc: Document
    framework: Framework
    record: Record
    repairs_seen: set[tuple[int, int]] = field(default_factory=set)
    text_table_total: Overall | None = None  # a criteria table's totals row read from its text
    _scores: dict[int, list[ScoreMatch]] = field(default_factory=dict)

    def scores(self, index: int) -> list[ScoreMatch]:
        """The "x/y điểm" statements of block ``index``, found once per block."""
        found = self._scores.get(index)
        if found is None:
            found = self._scores[index] = find_scores(self.doc.blocks[index].text)
        return found


def evidence(block: Block, index: int, start: int = 0, end: int | None = None) -> Evidence:
    """Evidence quoting the sentence of ``block`` that holds ``[start, end)``."""
    text = block.text
    end = len(text) if end is None else end
    if block.kind == BlockKind.TABLE:
        quote = text[start:end] if end - start < 400 else text[:400]
    else:
        quote = sentence_around(text, start, end)
    prov = block.prov_at(start)
    return Evidence(
        page=prov.page,
        line=prov.line,
        text=quote,
        bbox=prov.bbox,
        paragraph=prov.paragraph,
        table=prov.table,
        block=index,
    )


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence of ``text`` around a span; sentence ends are ". " and "; " (not decimal points)."""
    left, right = sentence_bounds(text, start, end)
    quote = text[left:right].strip()
    if len(quote) > limit:
        lo = max(0, start - limit // 2)
        quote = ("…" if lo > 0 else "") + text[lo : lo + limit].strip() + "…"
    return quote


def extract_record(document: Document, source: Source) -> Record:
    """Extract the record of one report from its document model (findings left empty)."""
    record = Record(source=source, extractor_version=EXTRACTOR_VERSION)
    document = unfold_sections_tables(document)
    ctx = _Ctx(doc=document, framework=generic_framework(), record=record)
    extract_meta(ctx)
    if _read_as_ranking(document, record):
        return record
    record.years = extract_years(document)
    if record.meta.report_year is None:
        record.meta.report_year = report_year(record.years)
    framework = framework_for(
        record.meta.province, record.meta.report_year, record.meta.unit_level, record.meta.district
    )
    ctx.framework = framework
    record.framework = framework.id
    record.framework_maxima_known = framework.has_maxima
    extract_scores(ctx)
    criteria_from_sections_text(ctx)
    read_indicator_annex(ctx)
    record.years += overall_year(record)
    record.outline = extract_outline(document, ctx)
    record.quantities = extract_quantities(ctx)
    record.references = extract_references(document)
    record.is_scored_report = record.overall.score is not None or any(c.score is not None for c in record.criteria)
    record.document_type = "report" if record.is_scored_report else "other"
    return record


def read_indicator_annex(ctx: _Ctx) -> None:
    """The "Đạt" / "Không đạt" each indicator is marked with in an annex ("PHỤ LỤC … TÌNH HÌNH THỰC HIỆN CÁC CHỈ SỐ
    THÀNH PHẦN"): onto the indicator the report already states (its evidence gains the annex row), or a new one."""
    in_annex = False
    for i, block in enumerate(ctx.doc.blocks):
        in_annex = in_annex or starts_annex(block)
        if block.rows is None and not in_annex:
            continue
        for code, status, title, row in annex_statuses(block, in_annex):
            _mark_indicator(ctx, code, status, title, _row_evidence(block, i, row))


def starts_annex(block: Block) -> bool:
    """A block opening an annex: "PHỤ LỤC", "Phụ lục 1", "PHỤ LỤC: TÌNH HÌNH …"."""
    return block.text.startswith(_ANNEX_OPENINGS)


_ANNEX_OPENINGS = ("PHỤ LỤC", "Phụ lục", "Phụ Lục", "PHỤ lục")


def _row_evidence(block: Block, index: int, row: int) -> Evidence:
    """Evidence quoting line ``row`` of a table block (the block itself for a text line)."""
    if block.rows is None:
        return evidence(block, index)
    start = sum(len(" | ".join(r)) + 1 for r in block.rows[:row])
    return evidence(block, index, start, start + len(" | ".join(block.rows[row])))


def _mark_indicator(ctx: _Ctx, code: str, status: str, title: str | None, ev: Evidence) -> None:
    """Annex status ``status`` of indicator ``code``, onto the indicators of that code or a new one."""
    same = [i for i in ctx.record.indicators if i.code.strip().rstrip(".") == code]
    for indicator in same:
        indicator.annex_status = status  # type: ignore[assignment]
    if same:
        same[0].evidence.append(ev)
        return
    criterion = code.split(".")[0]
    known = any(c.code == criterion for c in ctx.record.criteria)
    ctx.record.indicators.append(
        Indicator(code=code, title=title, annex_status=status, criterion=criterion if known else None, evidence=[ev])  # type: ignore[arg-type]
    )


def _read_as_ranking(document: Document, record: Record) -> bool:
    """Fill ``record.ranking`` when the document publishes the index of several units (issue 13)."""
    from cchc.extractors.ranking import read_ranking

    ranking = read_ranking(document, record.meta)
    if ranking is None:
        return False
    record.document_type = "ranking"
    record.ranking = ranking
    record.is_scored_report = False
    record.meta.unit_name = record.meta.unit_level = None
    record.meta.report_year = ranking.year
    record.meta.issuer = ranking.issuer
    record.meta.doc_number = ranking.doc_number
    record.meta.district, record.meta.province = ranking.district, ranking.province
    return True


# --- metadata -------------------------------------------------------------------------------


def extract_meta(ctx: _Ctx) -> None:
    """Unit, number, date and place from the header; title, district, province and signer."""
    blocks = ctx.doc.blocks
    meta = ctx.record.meta
    texts = _texts_without_stamp(blocks)
    for i in range(min(len(blocks), 40)):
        if meta.unit_name is None:
            _read_unit_line(meta, blocks, i, texts[i].strip())
    for i in _nearest_the_title(blocks, texts, DOC_NUMBER_RE):
        if meta.doc_number is None:
            _read_doc_number(meta, blocks[i], i, texts[i].strip())
    for i in _nearest_the_title(blocks, texts, PLACE_DATE_RE):
        if meta.issued_date is None:
            _read_place_date(meta, blocks[i], i, texts[i].strip())
    title = _title(blocks)
    grounds = GROUNDS_RE.search(title) if title and "cứ" in title else None
    meta.title = title[: grounds.start()] if title and grounds else title
    if meta.unit_name is None and title and meta.title is not None:
        # the title's unit, else the grounds' run into it ("… của UBND xã Tân Liên về cải cách hành chính …")
        m = UNIT_IN_TEXT_RE.search(meta.title) or (UNIT_IN_TEXT_RE.search(title) if grounds else None)
        if m:
            meta.unit_level = " ".join(m["level"].lower().split())  # type: ignore[assignment]
            meta.unit_name = m["name"]
    if meta.issued_date is None:
        _read_bare_date(meta, blocks, texts)
    if meta.unit_name is None:
        _unit_from_running_text(meta, ctx.doc.running_text, texts)
    full = "\n".join(texts)
    _unit_name_as_the_text_writes_it(meta, blocks, full)
    districts = _place_names(DISTRICT_RE, full, DISTRICT_STARTS, skip_former=True)
    meta.district = most_common(name for name in districts if name not in CENTRAL_CITIES)
    if meta.district is None and meta.unit_name is not None:
        _district_from_header(meta, blocks, texts)
    meta.province = most_common(_place_names(PROVINCE_RE, full, PROVINCE_STARTS))
    extract_signer(ctx)


def _district_from_header(meta: Meta, blocks: list[Block], texts: list[str]) -> None:
    """The district whose people's committee heads the commune's header ("UBND HUYỆN YÊN MÔ" above "UBND XÃ YÊN
    THẮNG"), when the body names none: above the title, in capitals, a line of its own."""
    found = title_block(blocks)
    for i in range(min(found[0] if found else 6, 12, len(blocks))):
        m = DISTRICT_HEADER_RE.match(texts[i].strip())
        if m is not None and title_case(m["name"]) not in CENTRAL_CITIES:
            meta.district = title_case(m["name"])
            meta.evidence.append(evidence(blocks[i], i))
            return


def _nearest_the_title(blocks: list[Block], texts: list[str], pattern: re.Pattern[str]) -> list[int]:
    """The header lines ``pattern`` matches, the one nearest above the report's title first: a covering letter
    (Công văn "Số: 09/UBND", its later date, its "Nơi nhận") bound before the report in the same file is not the
    report's header, even when the report's prints no number."""
    found = title_block(blocks)
    title_at = found[0] if found else 0
    # a letter ends with its recipients ("Nơi nhận:"): only what follows the last one above the title is the report's
    ends = [i for i in range(min(title_at, 40)) if texts[i].lstrip()[:8] in ("Nơi nhận", "NƠI NHẬN")]
    lines = [i for i in range(ends[-1] + 1 if ends else 0, min(len(blocks), 40)) if pattern.match(texts[i].strip())]
    return [i for i in reversed(lines) if i < title_at] + [i for i in lines if i >= title_at]


def _place_names(
    pattern: re.Pattern[str], full: str, starts: tuple[str, ...], skip_former: bool = False
) -> list[str]:
    """The places ``pattern`` names in ``full``, each ended where its line or its sentence ends (``place_name_end``);
    with ``skip_former``, not a place named as a former one (``names_former_place``)."""
    names = []
    for m in matches_from(pattern, full, starts):
        start = m.start("name")
        end = place_name_end(full, start, m.end("name"))
        if not (skip_former and names_former_place(full, start, end)):
            names.append(" ".join(full[start:end].split()))
    return names


# a place named as it was before a reorganisation: "(thuộc huyện Đông Sơn trước đây)", "huyện Thạch Hà (cũ)"; a
# commune formed in 2025 answers to the province, the districts having been abolished from 01/07/2025 (Source:
# "issue 11", held-out round 21)
FORMER_PLACE_AFTER_RE = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ(?!\p{L})|trước\s+đây)", re.I)


def names_former_place(full: str, start: int, end: int) -> bool:
    """Whether the place at ``full[start:end]`` is a former one: followed by "trước đây" / "(cũ)", or named in a
    sentence restating former units' results ("Năm 2024, trước khi sắp xếp: … xếp thứ 8/19 … của huyện Can Lộc")."""
    if FORMER_PLACE_AFTER_RE.match(full, end) is not None:
        return True
    line_start, line_end = full.rfind("\n", 0, start) + 1, full.find("\n", end)
    line = full[line_start : line_end if line_end >= 0 else len(full)]  # a header's line is no sentence of the body
    return restates_former_units(_sentence_at(line, start - line_start))


def _read_bare_date(meta: Meta, blocks: list[Block], texts: list[str]) -> None:
    """A date line without a place where the header's date stands: above the title, a line of its own (a date in
    the body's prose, or below the title, is never the issued date)."""
    found = title_block(blocks)
    for i in range(min(found[0] if found else 0, 40)):
        m = BARE_DATE_RE.match(texts[i])
        iso, valid = parse_date(f"{m['d']}/{m['m']}/{m['y']}") if m else (None, False)
        if valid:
            meta.issued_date = iso
            meta.evidence.append(evidence(blocks[i], i))
            return


def _unit_from_running_text(meta: Meta, running: list[str], texts: list[str]) -> None:
    """The unit a page header or footer names ("UBND xã Sơn Thủy – Báo cáo …") when the body's header names
    none ("ỦY BAN NHÂN DÂN" / "XÃ"): one unit only, of the level the header prints. A district's or an office's
    footer, or a template's name, names no commune's people's committee first and is passed over."""
    units = {(" ".join(m["level"].lower().split()), m["name"]) for m in map(RUNNING_UNIT_RE.match, running) if m}
    bare = next((m for m in map(BARE_LEVEL_RE.match, texts[:12]) if m), None)
    if len(units) != 1 or (bare is not None and " ".join(bare["level"].lower().split()) != next(iter(units))[0]):
        return
    (level, name), line = next(iter(units)), next(t for t in running if RUNNING_UNIT_RE.match(t))
    meta.unit_level, meta.unit_name = level, name  # type: ignore[assignment]
    meta.issuer = f"Ủy ban nhân dân {level} {name}"
    meta.evidence.append(Evidence(text=line))


def _texts_without_stamp(blocks: list[Block]) -> list[str]:
    """The blocks' texts with the e-signature stamp blanked: its signer, agency and signing time are no header's
    unit, province or date, however the reader split or joined its lines."""
    texts = [b.text for b in blocks]
    full = "\n".join(texts)
    blanked = blank_signature_stamps(full)
    if blanked is full:
        return texts
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    return [blanked[start : start + len(t)] for start, t in zip(starts, texts)]


def _unit_name_as_the_text_writes_it(meta: Meta, blocks: list[Block], full: str) -> None:
    """A header's unit name that a scan's OCR read short of a mark ("XÃ PHƯƠC HIỆP", "XÃ YEN THUẠN") takes
    the spelling the text writes it in: at least twice, every time alike, the same letters with more marks."""
    if meta.unit_name is None or meta.unit_name in full:  # (the header's spelling in the text: nothing to mend)
        return
    loose = fold_loose(meta.unit_name)
    found = [
        (i, m) for i, b in enumerate(blocks) for m in UNIT_IN_TEXT_RE.finditer(b.text) if fold_loose(m["name"]) == loose
    ]
    if len(found) < 2 or len({m["name"] for _, m in found}) != 1 or _marks(found[0][1]["name"]) <= _marks(meta.unit_name):
        return
    i, m = found[0]
    meta.unit_name = m["name"]
    meta.issuer = f"Ủy ban nhân dân {meta.unit_level} {meta.unit_name}"
    meta.evidence.append(evidence(blocks[i], i, m.start("name"), m.end("name")))


def _marks(text: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", text) if unicodedata.combining(ch))


def _read_unit_line(meta: Meta, blocks: list[Block], i: int, text: str) -> None:
    """ "XÃ MINH ĐỨC" under the issuer's line, or "UBND XÃ MINH ĐỨC" on one line."""
    m = UNIT_RE.match(text)
    # the issuer's line just above, or two above when a converter interleaved the two header columns
    issuer_above = any(re.search(r"(?:ỦY|UỶ|UY)\s+BAN|UBND", b.text.upper()) for b in blocks[max(0, i - 2) : i])
    if not (m and issuer_above):
        m = UNIT_ONE_LINE_RE.match(text)
    if m:
        meta.unit_level = " ".join(m["level"].lower().split())  # type: ignore[assignment]
        meta.unit_name = title_case(m["name"])
        meta.issuer = f"Ủy ban nhân dân {meta.unit_level} {meta.unit_name}"
        meta.evidence.append(evidence(blocks[i], i))


def _read_doc_number(meta: Meta, block: Block, i: int, text: str) -> None:
    """ "Số: 29/BC- UBND" -> "29/BC-UBND" (spaces around its signs dropped)."""
    number = re.sub(r"^\s*Số\s*:?\s*", "", text, flags=re.I)
    number = re.sub(r"\s*([/-])\s*", r"\1", number).split()[0].rstrip(".,;") if number.strip() else ""
    if number and number[0].isdigit():
        meta.doc_number = number
        meta.evidence.append(evidence(block, i))


def _read_place_date(meta: Meta, block: Block, i: int, text: str) -> None:
    """ "Minh Đức, ngày 06 tháng 4 năm 2023": the place, and the date when it is a real one."""
    m = PLACE_DATE_PARTS_RE.match(text)
    if m:
        iso, valid = parse_date(f"{m['d']}/{m['m']}/{m['y']}")
        if valid:
            meta.issued_date = iso
        meta.place = " ".join(m["place"].split())
        meta.evidence.append(evidence(block, i))


def _title(blocks: list[Block]) -> str | None:
    """The report's title, with its second paragraph when it wrapped into one ("… năm 2021" / "của UBND …")."""
    found = title_block(blocks)
    if found is None:
        return None
    parts = [blocks[found[0]].text[found[1] :].strip()]
    for block in blocks[found[0] + 1 : found[0] + 3]:
        text = block.text.strip()
        if not (text[:1].islower() and len(text) < 150 and not numbering(text)):
            break
        parts.append(text)
    return " ".join(parts)


# the opening's grounds, run into the title when a scan's or a converter's lines were joined ("… của xã Xuân Mỹ
# Căn cứ Kế hoạch số 30/KH-UBND …"): no title goes on past them
GROUNDS_RE = re.compile(r"\s+Căn\s+cứ\s+(?=\S)")


def title_case(text: str) -> str:
    return " ".join(word.capitalize() for word in text.split())


def most_common(names: object) -> str | None:
    counts: dict[str, int] = {}
    for name in names:  # type: ignore[attr-defined]
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: (counts[n], -list(counts).index(n))) if counts else None


def _without_page_number(line: str) -> str:
    """ "Trần Văn Lập 4", "Nguyễn Văn Cửa Trang 4": the line without the page's number printed below the name; "Trang"
    stays when without it too few words would be left for a name ("Nguyễn Thị Trang 4" is Ms Trang on page 4)."""
    if line.removesuffix("\n")[-1:] not in _PAGE_NUMBER_ENDS:
        return line  # what TRAILING_PAGE_NUMBER_RE needs: a digit or a dash last
    m = TRAILING_PAGE_NUMBER_RE.search(line)
    if m is None:
        return line
    if m["word"] and len(line[: m.start()].split()) < 3:
        return line[: m.start("word")].rstrip() + " " + line[m.start("word") :].split()[0]
    return line[: m.start()]


def extract_signer(ctx: _Ctx) -> None:
    """The signer: the last person-like name after a signature title (CHỦ TỊCH, TM., KT.)."""
    lines: list[tuple[int, Block, str]] = []
    for i, block in enumerate(ctx.doc.blocks[-25:], start=max(0, len(ctx.doc.blocks) - 25)):
        if block.kind == BlockKind.TABLE and block.rows:
            for row in block.rows:
                for cell in row:
                    lines.extend((i, block, part.strip()) for part in cell.split("\n") if part.strip())
        else:
            lines.append((i, block, block.text.strip()))
    seen_title = False
    for i, block, line in lines:
        text = _without_page_number(line)
        title = SIGNER_TITLE_START_RE.match(text)  # "CHỦ TỊCH - TT Đảng ủy, HĐND xã;": columns a converter joined
        # "Nơi nhận: KT. CHỦ TỊCH", "- Phòng Nội vụ huyện; PHÓ CHỦ TỊCH - …": a converter put the two columns on one line
        inside = SIGNER_TITLE_INSIDE_RE.search(text)
        if SIGNER_TITLE_RE.match(text) and is_all_caps(text) or text.upper() in ("CHỦ TỊCH", "PHÓ CHỦ TỊCH") or title or inside:
            seen_title = True
            if re.search(r"CHỦ\s+TỊCH", text):
                ctx.record.meta.signer_title = title_case(re.sub(r"^.*?((?:PHÓ\s+)?CHỦ\s+TỊCH).*$", r"\1", text)).replace(
                    "Chủ Tịch", "Chủ tịch"
                )
            continue
        if seen_title and PERSON_NAME_RE.match(text) and len(text) < 50:
            ctx.record.meta.signer = text
            ctx.record.meta.evidence.append(evidence(block, i, block.text.find(text), block.text.find(text) + len(text)))
        elif seen_title and ctx.record.meta.signer is None and (tail := TRAILING_NAME_RE.search(text)):
            # the name read on the same line as the last recipient (a scan's two columns side by side)
            name = tail["name"]
            ctx.record.meta.signer = name
            at = block.text.find(name)
            ctx.record.meta.evidence.append(evidence(block, i, max(at, 0), max(at, 0) + len(name)))


# --- years ----------------------------------------------------------------------------------




def report_year(years: list[YearStatement]) -> int | None:
    """The title's year, unless every other statement (two at least: body, closing) gives one other year:
    a title naming the wrong year ("… NĂM 2023" over a report on 2022) is outvoted."""
    titles = [y.year for y in years if y.role == "title"]
    others = {y.year for y in years if y.role != "title"}
    if not titles:
        return None
    if len(others) == 1 and titles[0] not in others and sum(y.role != "title" for y in years) >= 2:
        return others.pop()
    return titles[0]


# the document type in capitals alone, before a title in sentence case on the same line
_DOC_TYPE_CAPS_RE = re.compile(r"^\s*(?:BÁO\s+CÁO|KẾ\s+HOẠCH|TỜ\s+TRÌNH)\s+(?=\p{Lu}\p{Ll})")


def title_block(blocks: list[Block]) -> tuple[int, int] | None:
    """(block index, offset) of the report's title: the block after "BÁO CÁO", or the rest of a
    "BÁO CÁO Kết quả công tác …" block when the title shares its line (a soft line break in Word)."""
    for i, block in enumerate(blocks[:40]):
        text = block.text
        m = DOC_TYPE_RE.match(text)
        if m and not text[: m.end()].strip().isupper():  # "BÁO CÁO Tổng kết công tác …" on one line
            m = _DOC_TYPE_CAPS_RE.match(text)
        if not m or not text[: m.end()].strip().isupper():
            continue
        if m.end() >= len(text.rstrip()):
            return (i + 1, 0) if i + 1 < len(blocks) else None
        return i, m.end()
    return None


def extract_years(document: Document) -> list[YearStatement]:
    """Statements of the report year: title, opening/section headings, closing. In a report on part of a year
    that also states last year's index ("… 6 tháng đầu năm 2024 và kết quả Chỉ số CCHC năm 2023") a statement
    gives the index year; a statement naming only a period is left out unless the title too names only a period
    (then the periods' years are what the report states of itself, and they are compared)."""
    blocks = document.blocks
    found = title_block(blocks)
    title_index = found[0] if found else None
    first_section = next((i for i, b in enumerate(blocks) if (n := numbering(b.text)) and n[0] == "roman"), len(blocks))
    statements: list[tuple[YearStatement, bool]] = []
    for i, block in enumerate(blocks):
        role, m = _year_match(block.text, i == title_index, found[1] if found else 0, title_index, i, first_section)
        if not role or not m:
            continue
        at, index, period_only = i, m, False
        if _names_period(block.text, m):
            following = blocks[i + 1] if role == "title" and i + 1 < len(blocks) else None
            index_at, index_match = _index_year(block.text, m, i, following)
            period_only = index_match is None
            if index_match is not None:
                at, index = index_at, index_match
        text = blocks[at].text
        nxt = NEXT_YEAR_RE.search(text, index.end())
        statement = YearStatement(
            role=role,  # type: ignore[arg-type]
            year=int(index["year"]),
            next_year=int(nxt["year"]) if nxt else None,
            evidence=[evidence(blocks[at], at, index.start(), index.end())],
        )
        statements.append((statement, period_only))
    title_whole_year = any(s.role == "title" and not period_only for s, period_only in statements)
    return [s for s, period_only in statements if not (period_only and title_whole_year and s.role != "title")]


def _year_match(
    text: str, is_title: bool, title_offset: int, title_index: int | None, i: int, first_section: int
) -> tuple[str | None, re.Match[str] | None]:
    """The role of block ``i`` among the year statements and the match of its year, if it states one."""
    if is_title:
        return "title", YEAR_RE.search(text, title_offset)
    if CLOSING_RE.match(text):
        return "closing", REPORT_YEAR_RE.search(text)
    caps = _caps_section(text)
    if (title_index is not None and title_index < i < first_section) or caps:
        m = REPORT_YEAR_RE.search(text) or (SECTION_YEAR_RE.search(text) if caps else None)
        if m and (re.search(r"so\s+với", text[max(0, m.start() - 20) : m.end()], re.I) or _two_years_values(text, m)):
            m = None
        return "body", m
    return None, None


# the period a report covers, just before the year it names: "6 tháng đầu năm 2024", "quý I năm 2023", "9 tháng năm"
PERIOD_BEFORE_YEAR_RE = re.compile(
    r"(?:(?:\d{1,2}|sáu|chín|ba)\s+tháng(?:\s+(?:đầu|cuối))?|quý\s+(?:[IV]{1,3}|[1-4]))\s+năm\s+$", re.I
)
# the year of the index a report states: "kết quả Chỉ số cải cách hành chính năm 2023", "Chỉ số CCHC năm 2021"
INDEX_YEAR_RE = re.compile(
    r"(?<!so\s+với\s+)chỉ\s+số\s+(?:CCHC|cải\s+cách\s+hành\s+chính)\s+(?:\(PAR\s+INDEX\)\s+)?năm\s+"
    r"(?P<year>(?:19|20)\d{2})(?!\d)",
    re.I,
)


def _names_period(text: str, m: re.Match[str]) -> bool:
    """Whether the year of ``m`` is the year of a period (months, a quarter), not of a whole year."""
    before = text[max(0, m.start("year") - 30) : m.start("year")]
    return ("tháng" in before or "quý" in before.lower()) and PERIOD_BEFORE_YEAR_RE.search(before) is not None


def _index_year(
    text: str, m: re.Match[str], i: int, following: Block | None
) -> tuple[int, re.Match[str] | None]:
    """(block index, match) of the index year stated after a period's year: in the same block, or in the next
    one when a title goes on in a second paragraph ("và kết quả Chỉ số cải cách hành chính năm 2023 …")."""
    index = INDEX_YEAR_RE.search(text, m.end())
    if index is not None:
        return i, index
    if following is not None and following.text[:1].islower():
        return i + 1, INDEX_YEAR_RE.search(following.text)
    return i, None


# a year and its value, as a sentence comparing two years states them: "qua hai năm: năm 2021 đạt 86,25 điểm; năm
# 2022 đạt 89,00/100 điểm" (held-out round 12's opening)
_YEAR_VALUE_RE = re.compile(r"năm\s+(?P<year>(?:19|20)\d{2})\s*[:,]?\s*(?:đạt|được|là)\b", re.I)
_SENTENCE_STOP_RE = re.compile(r"\.(?:\s|$)")


def _two_years_values(text: str, m: re.Match[str]) -> bool:
    """Whether the sentence of a year statement gives values for two different years: a comparison, not the
    report's year."""
    stop = _SENTENCE_STOP_RE.search(text, m.end())
    sentence = text[m.start() : stop.start() if stop else len(text)]
    return len({v["year"] for v in _YEAR_VALUE_RE.finditer(sentence)}) >= 2


# the year an overall statement gives its result: "Năm 2021, UBND xã … đạt 85,50/100 điểm", "Kết quả Chỉ số CCHC
# năm 2023 của UBND thị trấn … đạt 87,25/100 điểm" (held-out round 9: the overall statement naming the year after)
OVERALL_YEAR_RES = (
    re.compile(r"(?:^|[:：])\s*năm\s+(?P<year>(?:19|20)\d{2})\s*,", re.I),  # "… báo cáo kết quả như sau: Năm 2021, …"
    re.compile(r"(?<!so\s+với\s+)chỉ\s+số\s+(?:CCHC|cải\s+cách\s+hành\s+chính)\s+năm\s+(?P<year>(?:19|20)\d{2})(?!\d)", re.I),
)


# a merged commune's report restating its former communes' results ("Năm 2019, trước khi sắp xếp: xã Thạch Tân đạt
# 84,25/100 điểm, xếp thứ 9/31; …", "xã Thạch Ngọc (cũ) đạt …"): another unit's result, of the year before the merger,
# neither the report's overall nor its year. Source: "issue 11" (held-out round 20, merged communes).
FORMER_UNITS_RE = re.compile(
    r"trước\s+(?:khi\s+|thời\s+điểm\s+)?(?:sắp\s+xếp|sáp\s+nhập|hợp\s+nhất|nhập|thành\s+lập\s+xã)|\(\s*cũ\s*\)", re.I
)


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at`` (ended by a full stop and a space; a decimal comma is no stop)."""
    start = max(text.rfind(". ", 0, at), text.rfind(".\n", 0, at))
    stop = _SENTENCE_STOP_RE.search(text, at)
    return text[start + 1 if start >= 0 else 0 : stop.start() if stop else len(text)]


def restates_former_units(text: str) -> bool:
    """Whether ``text`` (a sentence) restates former units' results (``FORMER_UNITS_RE``)."""
    # FORMER_UNITS_RE's necessary words ("trước", "Trước", "(cũ)") first: a substring test
    return ("rước" in text or "cũ" in text) and FORMER_UNITS_RE.search(text) is not None


def former_units_end(blocks: list[Block], i: int) -> int:
    """The offset in block ``i`` where the report's own statement starts, past the sentences restating former
    units' results out of 100 (one begun in the block before, when a converter cut the paragraph, counts); the
    block's length when every result it states is a former unit's; 0 when it restates none."""
    text = blocks[i].text
    before = blocks[i - 1].text.rstrip() if i > 0 else ""
    joined = f"{before} {text}" if before and not before.endswith((".", ":")) else text
    if "rước" not in joined and "cũ" not in joined:
        return 0
    offset, end = len(joined) - len(text), 0
    for m in re.finditer(r"/\s*100(?!\d)", text):
        sentence = _sentence_at(joined, offset + m.start())
        if not restates_former_units(sentence):
            return end
        stop = _SENTENCE_STOP_RE.search(joined, offset + m.start())
        end = (stop.end() if stop else len(joined)) - offset
    return len(text) if end else 0


def overall_year(record: Record) -> list[YearStatement]:
    """The report's year as the overall statement names it, read from the sentence of its score (a body statement)."""
    for ev in record.overall.evidence[:1]:
        for pattern in OVERALL_YEAR_RES:
            m = pattern.search(ev.text or "")
            if m is None or restates_former_units(_sentence_at(ev.text or "", m.start())):
                continue
            if not re.search(r"so\s+với|năm\s+trước", ev.text[: m.start()], re.I):
                return [YearStatement(role="body", year=int(m["year"]), evidence=[ev.model_copy()])]
    return []


def _caps_section(text: str) -> bool:
    """A section heading in capitals: "I. KẾT QUẢ THỰC HIỆN …", "PHẦN II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC NĂM 2020"."""
    num = numbering(text)
    if num and num[0] == "roman":
        return is_all_caps(num[2])
    part = PART_HEADING_RE.match(text)
    return part is not None and is_all_caps(part["title"])


# --- scores: overall, criteria, indicators -------------------------------------------------------


def _zone(ctx: _Ctx, i: int) -> list[int]:
    """A statement block and the short plain paragraphs that finish it ("Xếp hạng 16/21 …")."""
    blocks = ctx.doc.blocks
    zone = [i]
    # a summary in bullets ("- Tổng điểm đạt được: …" / "- Xếp hạng: xếp thứ 11/32 …") goes on in its items
    kinds = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) if blocks[i].kind is BlockKind.LIST_ITEM else (BlockKind.PARAGRAPH,)
    for j in range(i + 1, min(i + 3, len(blocks))):
        b = blocks[j]
        # a bold heading's second sentence, which a converter printed as a line of its own ("Đứng thứ 6/24 …")
        heading_goes_on = b.kind is BlockKind.HEADING is blocks[i].kind and not is_all_caps(b.text)
        if not (b.kind in kinds or heading_goes_on or _rank_item(b)) or len(b.text) > 250 or numbering(b.text) or ctx.scores(j):
            break  # a paragraph with a score of its own is another statement
        if INLINE_LIST_RE.match(b.text):
            break  # a component list printed in one paragraph ("Các chỉ số đạt điểm tối đa: …")
        if not (find_ranks(b.text) or find_changes(b.text) or find_percents(b.text)):
            break
        zone.append(j)
    return zone


def _rank_item(block: Block) -> bool:
    """A list item that opens with a rank or its change ("- Xếp thứ 11/16 nhóm hạng …", "- Tăng 2 bậc …"):
    the rest of the statement above it, not an item of its own."""
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    first = [r.start for r in find_ranks(block.text)[:1]] + [c.start for c in find_changes(block.text)[:1]]
    return bool(first) and min(first) <= 12


def _note_repair(ctx: _Ctx, block: Block, index: int, match: ScoreMatch) -> None:
    key = (index, match.start)
    if key in ctx.repairs_seen:
        return
    reasons = [n.repaired for n in (match.score, match.max) if n.repaired] + ([match.repaired] if match.repaired else [])
    for reason in reasons[:1]:
        if reason:
            ctx.repairs_seen.add(key)
            ctx.record.repairs.append(
                Repair(
                    original=match.text,
                    value=f"{format_vi(match.score.value, match.score.decimals)}/{format_vi(match.max.value, match.max.decimals)}",
                    reason=reason,
                    evidence=[evidence(block, index, match.start, match.end)],
                )
            )


def _percent_read(ctx: _Ctx, block: Block, index: int, pct: NumberMatch) -> float:
    """A statement's percent; one typed with a space inside ("tỷ lệ 91, 67%") is recorded as a repair for the
    checker's malformed_number (issue 11, held-out round 15)."""
    key = (index, pct.start)
    if pct.value.repaired and key not in ctx.repairs_seen:
        ctx.repairs_seen.add(key)
        printed = f"{format_vi(pct.value.value, pct.value.decimals)}%"
        ctx.record.repairs.append(
            Repair(original=block.text[pct.start : pct.end], value=printed, reason=pct.value.repaired,
                   evidence=[evidence(block, index, pct.start, pct.end)])
        )
    return pct.value.value


@dataclass
class _Statement:
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    rank: int | None = None
    rank_total: int | None = None
    rank_change: int | None = None
    evidence: list[Evidence] = field(default_factory=list)


def read_statement(ctx: _Ctx, zone: list[int], *, criterion: bool = False, start: int = 0) -> _Statement:
    """Score, percent, rank and change of a statement spread over ``zone`` blocks, the first read from ``start``.

    A ``criterion`` statement may print its score without "điểm" after its colon ("…: 4,75 /7 , đạt …").
    """
    blocks = ctx.doc.blocks
    st = _Statement()
    for j in zone:
        block = blocks[j]
        text = block.text
        since = start if j == zone[0] else 0
        scores = [s for s in ctx.scores(j) if s.start >= since]
        if not scores and criterion and j == zone[0]:
            scores = _value_only(st, block, j)
        if st.score is None and scores:
            s = scores[0]
            st.score, st.max_score = s.score.value, s.max.value
            _note_repair(ctx, block, j, s)
            st.evidence.append(evidence(block, j, s.start, s.end))
            after = [p for p in find_percents(text) if p.start >= s.end and _own_percent(text, p, s.end)]
            next_score = scores[1].start if len(scores) > 1 else len(text)
            if after and after[0].start < next_score:
                st.percent = _percent_read(ctx, block, j, after[0])
            else:
                st.percent = _percent_just_before(text, s.start)
        elif st.percent is None and st.score is not None:
            pcts = [p for p in find_percents(text) if p.start >= since and _own_percent(text, p)]
            if pcts:
                st.percent = _percent_read(ctx, block, j, pcts[0])
        _read_rank_change(st, block, j, since)
    return st


def _read_rank_change(st: _Statement, block: Block, j: int, since: int) -> None:
    """The rank and the change a statement's block ``j`` states from offset ``since``, when not read yet."""
    if st.rank is None:
        ranks = [r for r in find_ranks(block.text) if r.start >= since]
        if ranks:
            st.rank, st.rank_total = ranks[0].rank, ranks[0].total
            ev = evidence(block, j, ranks[0].start, ranks[0].end)
            if ev not in st.evidence:
                st.evidence.append(ev)
    if st.rank_change is None:
        changes = [c for c in find_changes(block.text) if c.start >= since]
        if changes:
            st.rank_change = changes[0].change


# the words that may stand before a statement's own percent in a sentence of its own ("Đạt tỷ lệ 85,71%",
# "Tỷ lệ đạt được: 85,71%", "tương ứng với 85,71%"); any other word names what the percent measures
_PERCENT_LABEL_WORDS = frozenset(
    {"đạt", "được", "tỷ", "tỉ", "lệ", "là", "bằng", "tương", "ứng", "đương", "với", "chiếm", "điểm", "số", "kết", "quả",
     "tổng", "so", "tối", "đa"}
)  # "Kết quả đạt tỷ lệ 85,71%", "So với điểm tối đa, đạt 85,71%"
_RATIO_RE = re.compile(r"\d\s*/\s*\d")


def _own_percent(text: str, pct: NumberMatch, score_end: int | None = None) -> bool:
    """Whether ``pct`` states the percent of the statement it follows: in the score's own sentence, or in a later
    sentence that says nothing else before it; not the percent of a ratio ("Có 820/1.331 hồ sơ …, đạt tỷ lệ 61,6%")
    or of something it names ("Tỷ lệ giải ngân vốn đầu tư công đạt 61,6%")."""
    left = sentence_bounds(text, pct.start, pct.end)[0]
    if score_end is not None and left < score_end:
        return True
    head = text[left : pct.start]
    spans = [(r.start, r.end) for r in find_ranks(head)] + [(c.start, c.end) for c in find_changes(head)]
    for start, end in spans:  # "Xếp thứ 5/13, đạt tỷ lệ …": a rank's ratio is no count
        head = head[:start] + " " * (end - start) + head[end:]
    clause = re.split(r"[,;:(]", head)[-1]
    words = {w for w in clause.casefold().split() if w.isalpha()}  # not a page number glued on ("2 Tỷ lệ đạt …")
    return _RATIO_RE.search(head) is None and words <= _PERCENT_LABEL_WORDS


_BEFORE_SCORE_RE = re.compile(r"^[\s,:(–-]*(?:tương\s+ứng(?:\s+với)?|bằng|tức\s+là)?[\s:(]*$", re.I)


def _overall_percent_first(ctx: _Ctx, i: int) -> float | None:
    """"Chỉ số CCHC năm 2022 của xã đạt 83,97%, xếp thứ 8/23. Tổng điểm đạt được là 83,97 điểm trên tổng số
    100 điểm": the overall's percent stated in an earlier sentence of its block, after the index's name."""
    text, scores = ctx.doc.blocks[i].text, ctx.scores(i)
    for p in find_percents(text[: scores[0].start] if scores else ""):
        left = sentence_bounds(text, p.start, p.end)[0]
        return p.value.value if OVERALL_HINT_RE.search(text, left, p.start) else None
    return None


def _percent_just_before(text: str, score_start: int) -> float | None:
    """"đạt 83,40% (83,40/100 điểm)": a percent printed right before its score, in brackets or "tương ứng"."""
    before = [p for p in find_percents(text[:score_start]) if _BEFORE_SCORE_RE.match(text[p.end : score_start])]
    return before[-1].value.value if before else None


def _value_only(st: _Statement, block: Block, j: int) -> list[ScoreMatch]:
    """A criterion statement without "x/y điểm": a bare score after its colon (returned, read as any
    score), else its points alone ("đạt 5,5 điểm") or its percent alone ("đạt tỷ lệ 92,6%"), set on ``st``."""
    bare = find_bare_score(block.text)
    if bare is not None:
        return [bare]
    num = numbering(block.text)
    start = len(block.text) - len(num[2]) if num else 0  # after "2." (a number's dot is no sentence end)
    head = block.text[: sentence_bounds(block.text, start, start)[1]]
    points, pcts = find_points_only(head), find_percents(head)
    if points is not None:
        st.score = points.value.value
        st.evidence.append(evidence(block, j, points.start, points.end))
        stated_max = find_stated_max(head)
        st.max_score = stated_max.value.value if stated_max is not None else None
    if pcts:
        st.percent = pcts[0].value.value
        if points is None:
            st.evidence.append(evidence(block, j, pcts[0].start, pcts[0].end))
    return []


def extract_scores(ctx: _Ctx) -> None:
    """Overall, criteria and indicators: each block classified (:func:`classify`), then assembled."""
    _Assembler(ctx).run()
    _overall_from_labels(ctx)
    if ctx.record.overall.score is None and ctx.text_table_total is not None:
        ctx.record.overall = _merged_overall(ctx.text_table_total, ctx.record.overall)
    blocks = ctx.doc.blocks
    record = ctx.record
    for block_index, block in enumerate(blocks):
        for s in ctx.scores(block_index):
            _note_repair(ctx, block, block_index, s)
    record.criteria.sort(key=lambda c: int(c.code) if c.code and c.code.isdigit() else 99)
    if ctx.doc.ocr_pages:
        _repair_ocr_scores(ctx)
    if record.overall.classification is None:
        for k, block in enumerate(blocks[:60]):
            cls = find_classification(block.text)
            if cls is None and k + 1 < len(blocks) and GRADE_LABEL_AT_END_RE.search(block.text):
                cls = find_classification(f"{block.text} {blocks[k + 1].text}")  # "Xếp loại:" / "Xuất sắc."
            if cls:
                record.overall.classification = cls
                break


class _Assembler:
    """The state a report's statements are placed in: section, current criterion, open list and item."""

    def __init__(self, ctx: _Ctx) -> None:
        self.ctx, self.record, self.framework = ctx, ctx.record, ctx.framework
        self.seen: set[str] = set()
        self.section: str | None = None
        self.current: Criterion | None = None
        # a heading naming a criterion whose score comes later (a criteria table at the end): its lists' owner
        self.heading_code: str | None = None
        self.listed_as: str | None = None
        self.indicator: Indicator | None = None
        self.indicator_zone: list[int] = []
        self.placed: set[int] = set()  # blocks whose statements went into the record

    def run(self) -> None:
        blocks = self.ctx.doc.blocks
        # a criteria table that came out as text is read first, as a ruled table is where it stands, so
        # the headings and component lists after it find their criterion
        _criteria_from_text_tables(self.ctx, self.seen, headers_only=True)
        i = 0
        while i < len(blocks):
            i = self.feed(classify(blocks, i, self.ctx.scores(i), self.framework))
        self.close_indicator()
        if len(self.seen) < 5:
            _criteria_from_text_tables(self.ctx, self.seen)
        _note_unplaced(self.ctx, self.placed)

    def feed(self, st: Statement) -> int:
        """Place one statement; returns the index of the next block to read."""
        if st.kind == Kind.TABLE:
            return self.table(st.index)
        if (after := self.indicator_text_table(st.index)) is not None:
            return after
        if st.section is not None or starts_annex(self.ctx.doc.blocks[st.index]):
            self.close_indicator()  # an annex ("PHỤ LỤC") after the signature closes the body's lists too
            self.section, self.current, self.listed_as, self.heading_code = st.section or self.section, None, None, None
        if st.kind == Kind.SECTION:
            return st.index + 1
        scores = self.ctx.scores(st.index)
        if st.code is None and scores and (code := self._next_in_sequence(st)) is not None:
            st = dataclasses.replace(st, code=code, kind=Kind.CRITERION, states_score=True)
        self.restatement(st, scores)
        if st.kind == Kind.CRITERIA_CLAUSES:
            block = self.ctx.doc.blocks[st.index]
            found = _criteria_in_clauses(block, st.index, scores, self.framework, self.seen)
            self.record.criteria.extend(found)
            if found:
                self.placed.add(st.index)
        if st.code is not None and st.code not in self.seen and st.states_score:
            return self.criterion(st, scores)
        if self._list_parent(st, scores):
            return st.index + 1
        if st.numbered_top and (not scores or st.code in self.seen):
            self.close_indicator()
            # a heading naming a criterion already read (from a table): its lists below belong to it
            known = st.code in self.seen
            self.current = next(c for c in self.record.criteria if c.code == st.code) if known else None
            self.heading_code = None if known else st.code
            self.listed_as = None
            self.deduction(st.index)
        if st.overall is not None and (after := self.overall(st)) is not None:
            return after
        return self.list_item(st)

    def indicator_text_table(self, i: int) -> int | None:
        """A component indicators' table typed as text ("Mã chỉ số Nội dung Điểm tối đa Điểm đạt", then a row a
        line, or all run into one paragraph): its rows as indicators; the next index to read, None if no such table."""
        blocks = self.ctx.doc.blocks
        header = INDICATOR_TEXT_HEADER_RE.search(blocks[i].text)
        if header is None or self.ctx.scores(i):
            return None
        self.close_indicator()
        max_first = "tối" in header["first"].casefold()
        zone = [i]
        while zone[-1] + 1 < len(blocks) and INDICATOR_TEXT_ROW_RE.match(blocks[zone[-1] + 1].text.strip()):
            zone.append(zone[-1] + 1)
        # rows a criteria table's cell stream gave already (its sub-rows, read first) are not read twice
        read = {(ind.code, ev.block) for ind in self.record.indicators for ev in ind.evidence[:1]}
        for j in zone:
            start = header.end() if j == i else 0
            for indicator, lo, hi in indicators_from_text_rows(blocks[j].text[start:], max_first):
                indicator.evidence = [evidence(blocks[j], j, start + lo, start + hi)]
                self.record.indicators.extend([] if (indicator.code, j) in read else [indicator])
                self.placed.add(j)
        return zone[-1] + 1

    def _list_parent(self, st: Statement, scores: list[ScoreMatch]) -> bool:
        """An unnumbered heading naming a criterion already read ("+ Lĩnh vực cải cách thể chế:"): the
        component lists below it are that criterion's."""
        if st.kind != Kind.OTHER or scores or st.numbered:
            return False
        code = list_parent_named(self.ctx.doc.blocks[st.index].text, self.framework)
        if code is None or code not in self.seen:
            return False
        self.close_indicator()
        self.current = next(c for c in self.record.criteria if c.code == code)
        self.listed_as, self.heading_code = None, None
        self.placed.add(st.index)
        return True

    def close_indicator(self) -> None:
        if self.indicator is not None:
            finish_indicator(self.ctx, self.indicator, self.indicator_zone)
            self.record.indicators.append(self.indicator)
            self.placed.update(self.indicator_zone)
        self.indicator, self.indicator_zone = None, []

    def table(self, i: int) -> int:
        self.close_indicator()
        block = self.ctx.doc.blocks[i]
        for crit, is_overall in criteria_from_table(block, i, self.framework, evidence, self.record.repairs):
            if is_overall:
                if self.record.overall.score is None:  # the total row; a rank stated alone before it is kept
                    self.record.overall = _merged_overall(Overall(**crit.model_dump(include=set(Overall.model_fields))),
                                                          self.record.overall)
            elif crit.code and crit.code not in self.seen:
                self.seen.add(crit.code)
                self.record.criteria.append(crit)
            elif crit.code and any(_states_another_score(c, crit.score, crit.max_score)
                                   for c in self.record.criteria if c.code == crit.code):
                self.record.criteria.append(crit)  # a table (an annex) repeating a criterion with another score
        self.record.indicators.extend(indicators_from_table(block, i, evidence))
        return i + 1

    def restatement(self, st: Statement, scores: list[ScoreMatch]) -> None:
        """A criterion already read, stated again: fill what its first statement left unstated."""
        if st.code is not None and st.code in self.seen and (scores or st.score_follows is not None):
            restated = next(c for c in self.record.criteria if c.code == st.code)
            zone = self._statement_zone(st)
            stated = read_statement(self.ctx, zone)
            if _states_another_score(restated, stated.score, stated.max_score):
                # the body's own statement comes first, the table repeating it (an annex) after: both kept
                block = self.ctx.doc.blocks[st.index]
                body = Criterion(code=st.code, title=criterion_title(block.text, scores[0].start if scores else None),
                                 **{k: getattr(stated, k) for k in _STATED}, section=self.section)
                body.evidence = stated.evidence or [evidence(block, st.index)]
                self.record.criteria.insert(self.record.criteria.index(restated), body)
            else:
                merge_restatement(restated, stated)
            self.placed.update(zone if st.score_follows is not None else [st.index])
            if st.kind == Kind.CRITERION:  # a section restating a summary's score: the lists below are its
                self.close_indicator()
                self.current = next(c for c in self.record.criteria if c.code == st.code)
                self.listed_as, self.heading_code = None, None
        elif st.points_only_code is not None and st.points_only_code in self.seen:
            text = self.ctx.doc.blocks[st.index].text
            stated = read_statement(self.ctx, [st.index])
            bare = POINTS_ONLY_RE.search(text)
            value = parse_number(bare["score"], small=True) if bare else None
            stated.score = value.value if value else None
            merge_restatement(next(c for c in self.record.criteria if c.code == st.points_only_code), stated)

    def _next_in_sequence(self, st: Statement) -> str | None:
        """A numbered statement with a score whose title names no criterion ("8. Tác động của CCHC:
        1,75 điểm/2 điểm"), numbered as the criterion after the last one read in prose and before any
        other: that criterion. Its number alone is not trusted anywhere else."""
        prose = [c.code for c in self.record.criteria if c.code and c.code.isdigit() and c.printed_number]
        if not st.numbered_top or not prose or self.current is None or self.current.code != prose[-1]:
            return None
        num = numbering(self.ctx.doc.blocks[st.index].text)
        expected = str(int(prose[-1]) + 1)
        if num is None or num[1] != expected or expected in self.seen or self.framework.criterion(expected) is None:
            return None
        return expected

    def _statement_zone(self, st: Statement) -> list[int]:
        """The blocks of a criterion's statement: its own and the short paragraphs after it, or its heading's
        lines down to the paragraph stating its score and that paragraph's."""
        follow = st.score_follows
        return [*range(st.index, follow), *_zone(self.ctx, follow)] if follow is not None else _zone(self.ctx, st.index)

    def criterion(self, st: Statement, scores: list[ScoreMatch]) -> int:
        """A criterion read for the first time, with the short paragraphs that finish its statement."""
        self.close_indicator()
        i = st.index
        block = self.ctx.doc.blocks[i]
        zone = self._statement_zone(st)
        stated = read_statement(self.ctx, zone, criterion=True)
        assert st.code is not None
        self.seen.add(st.code)
        num = numbering(block.text)
        self.current = Criterion(
            code=st.code,
            title=criterion_title(block.text, scores[0].start if scores else None),
            score=stated.score,
            max_score=stated.max_score,
            percent=stated.percent,
            rank=stated.rank,
            rank_total=stated.rank_total,
            rank_change=stated.rank_change,
            evidence=stated.evidence or [evidence(block, i)],
            printed_number=f"{num[1]}." if num else letter_numbering(block.text),
            section=self.section,
        )
        self.record.criteria.append(self.current)
        self.listed_as, self.heading_code = None, None
        self.placed.update(zone)
        self.deduction(i)
        return zone[-1] + 1

    def deduction(self, i: int) -> None:
        """The current criterion's section stating only the points it lost ("Điểm trừ: 0,5 điểm; tỷ lệ đạt
        91,67%"), in its heading after the colon or in the paragraphs right after it: its score is the maximum
        the report states (its table, its heading's "(12 điểm)", else the framework in force) minus them; with no
        maximum known, no score, and an unplaced note says why."""
        code = self.current.code if self.current is not None else self.heading_code
        if code is None or any(c.code == code and c.score is not None for c in self.record.criteria):
            return  # a score stated anywhere wins over one counted from the points lost
        found = _deduction_after(self.ctx, i)
        if found is None:
            return
        j, lost = found
        crit = self.current if self.current is not None else self._heading_criterion(i, code)
        block = self.ctx.doc.blocks[j]
        spec = self.framework.criterion(crit.code) if crit.code else None
        printed = find_stated_max(self.ctx.doc.blocks[i].text[: lost.start if j == i else None])  # "… (12 điểm):"
        candidates = (crit.max_score, printed.value.value if printed else None, spec.max_score if spec else None)
        maximum = next((m for m in candidates if m is not None), None)
        ev = evidence(block, j, lost.start, lost.end)
        if maximum is None or lost.value.value > maximum:
            reason = "points lost by a criterion whose maximum the report does not state: its score is left unread"
            self.record.unplaced.append(Unplaced(text=ev.text, reason=reason, evidence=[ev]))
            return
        places = max(lost.value.decimals, 0 if float(maximum).is_integer() else 2)
        crit.score, crit.max_score = round(maximum - lost.value.value, places), maximum
        stated = read_statement(self.ctx, [j])
        pcts = [p for p in find_percents(block.text) if p.start >= lost.end and _own_percent(block.text, p, lost.end)]
        crit.percent = crit.percent if crit.percent is not None or not pcts else pcts[0].value.value
        for name in ("rank", "rank_total", "rank_change"):
            if getattr(crit, name) is None:
                setattr(crit, name, getattr(stated, name))
        crit.evidence = [*crit.evidence, ev]
        self.placed.add(j)

    def _heading_criterion(self, i: int, code: str) -> Criterion:
        """A criterion its heading names, read for the first time from the points its section says it lost."""
        block = self.ctx.doc.blocks[i]
        num = numbering(block.text)
        self.current = Criterion(code=code, title=criterion_title(block.text, None), evidence=[evidence(block, i)],
                                 printed_number=f"{num[1]}." if num else None, section=self.section)
        self.record.criteria.append(self.current)
        self.seen.add(code)
        self.heading_code = None
        self.placed.add(i)
        return self.current

    def overall(self, st: Statement) -> int | None:
        """The overall result, when nothing has set it yet; the next index when a zone was read."""
        record, i = self.record, st.index
        block = self.ctx.doc.blocks[i]
        since = former_units_end(self.ctx.doc.blocks, i)
        if since >= len(block.text):
            return None
        if st.overall == "bare":
            if record.overall.score is None and record.overall.percent is None and not record.criteria:
                record.overall = _bare_overall(self.ctx, block, i)
            return None
        # "weak": only before any criterion in the text (a criteria table is read first, wherever it is printed)
        earlier = any(not c.evidence or c.evidence[0].block is None or c.evidence[0].block < i for c in record.criteria)
        if record.overall.score is not None and st.overall != "weak":
            _fill_from_restatement(self.ctx, _zone(self.ctx, i), since)
        if record.overall.score is not None or (st.overall == "weak" and earlier):
            return None
        zone = _zone(self.ctx, i)
        stated = read_statement(self.ctx, zone, start=since)
        before = record.overall  # "đạt 88,31%, đứng thứ 4 trong 15" before "Tổng cộng: 88,31 điểm/100 điểm"
        record.overall = Overall(
            score=stated.score,
            max_score=stated.max_score,
            percent=next((p for p in (stated.percent, before.percent, _overall_percent_first(self.ctx, i)) if p is not None), None),
            rank=stated.rank if stated.rank is not None else before.rank,
            rank_total=stated.rank_total if stated.rank is not None else before.rank_total,
            rank_change=stated.rank_change if stated.rank_change is not None else before.rank_change,
            classification=find_classification(" ".join(self.ctx.doc.blocks[j].text for j in zone))
            or before.classification,
            evidence=[*before.evidence, *stated.evidence],
        )
        self.placed.update(zone)
        return zone[-1] + 1

    def list_item(self, st: Statement) -> int:
        """Component lists under the current criterion: their headings, items and the items' paragraphs."""
        i = st.index
        owner = self.current.code if self.current is not None else self.heading_code
        if owner is None:
            return i + 1
        if st.listed_as is not None:
            self.close_indicator()
            self.listed_as = st.listed_as
            if st.inline_items:
                found = _inline_indicators(self.ctx, i, st.listed_as, owner)
                self.record.indicators.extend(found)
                self.placed.update([i] if found else [])
            return i + 1
        if st.indicator_code is not None and (st.explicit_indicator or self.listed_as is not None):
            self.close_indicator()
            self.indicator = Indicator(
                code=st.indicator_code,
                title=indicator_title(st.indicator_rest),
                listed_as=self.listed_as,  # type: ignore[arg-type]
                criterion=owner,
            )
            self.indicator_zone = [i]
            return i + 1
        if self.indicator is not None:
            block = self.ctx.doc.blocks[i]
            if block.kind == BlockKind.PARAGRAPH or block.text.lstrip().startswith("+"):
                self.indicator_zone.append(i)
            else:
                self.close_indicator()
        return i + 1


_CLAUSE_RE = re.compile(r"[^;]+")


# a sentence stating the points lost, starting inside a heading's block with a capital: "Điểm trừ", "Lĩnh vực này"
_DEDUCTION_LEAD_RE = re.compile(
    r"(?<=\s)(?:(?:Số\s+điểm|Điểm)\s+(?:bị\s+)?trừ|Bị\s+(?:trừ|mất)|Lĩnh\s+vực\s+này|Tiêu\s+chí\s+này|Kết\s+quả)"
)


def _deduction_after(ctx: _Ctx, i: int) -> tuple[int, NumberMatch] | None:
    """The points lost a criterion heading at ``i`` states after its colon, or the plain paragraph right after it
    (past one line continuing its title) opens with: (its block, the match)."""
    blocks = ctx.doc.blocks
    text = blocks[i].text
    if ctx.scores(i):
        return None  # a heading stating its score: that score stands
    # after the heading's colon, or where the next line, run into the heading's block, starts ("… hành chính
    # Điểm trừ: 0,5 điểm; …", a PDF's lines read as one paragraph)
    starts = [text.find(":") + 1] + [m.start() for m in _DEDUCTION_LEAD_RE.finditer(text)] if "rừ" in text or "ất" in text else []
    for start in (s for s in starts if s > 0):
        if (lost := find_deduction(text[start:].lstrip())) is not None:
            pad = len(text) - len(text[start:].lstrip())
            return i, NumberMatch(lost.value, lost.start + pad, lost.end + pad)
    for j in range(i + 1, min(i + 3, len(blocks))):
        block = blocks[j]
        # a bullet right under the heading may state it ("- Điểm trừ: 0,5 điểm"); a list further on is the indicators'
        item = block.kind is BlockKind.LIST_ITEM
        if (item and j > i + 1) or numbering(block.text) or ctx.scores(j):
            return None
        bullet = len(block.text) - len(block.text.lstrip("-+*•–· \t")) if item else 0
        if (lost := find_deduction(block.text[bullet:])) is not None:
            return j, NumberMatch(lost.value, lost.start + bullet, lost.end + bullet)
        if item:
            return None
    return None


def _inline_indicators(ctx: _Ctx, i: int, listed_as: str, criterion: str | None) -> list[Indicator]:
    """The items of a list printed in one paragraph, a clause each ("…: Chỉ số 1.5 (…) đạt 0,5/1,5 điểm;
    Chỉ số 1.6 (…) đạt 0,5/1 điểm", "…: ban hành Kế hoạch (Chỉ số 1.1); …" or "…: 1.1, 1.2, 1.4")."""
    block = ctx.doc.blocks[i]
    text = block.text
    found = []
    start = text.index(":") + 1
    bare = INLINE_CODE_RE.match(text, start) is not None  # "…: 1.1, 1.2, 1.4": codes alone, split at commas too
    for clause in (INLINE_CLAUSE_RE if bare else _CLAUSE_RE).finditer(text, start):
        lo, hi = clause.start(), clause.end()
        item = INLINE_CODE_RE.match(text, lo, hi) if bare else INLINE_ITEM_RE.search(text, lo, hi)
        if item is None:
            continue
        indicator = Indicator(code=item["code"], listed_as=listed_as, criterion=criterion)  # type: ignore[arg-type]
        if not bare:  # a code alone has no title; what follows it in brackets is its result
            indicator.title = indicator_title(text[item.end() : hi]) if item.start() - lo < 3 else text[lo : item.start()].strip(" (")
        scores = [s for s in ctx.scores(i) if lo <= s.start < hi]
        if scores:
            indicator.score, indicator.max_score = scores[0].score.value, scores[0].max.value
        indicator.zero_score = not scores and bool(ZERO_SCORE_RE.search(text, lo, hi))
        indicator.evidence = [evidence(block, i, lo, hi)]
        found.append(indicator)
    return found


def _note_unplaced(ctx: _Ctx, placed: set[int]) -> None:
    """Scores ("x/y điểm") of blocks no statement took, unless they restate a value already read: never silence."""
    record = ctx.record
    known = {(c.score, c.max_score) for c in record.criteria} | {(i.score, i.max_score) for i in record.indicators}
    known.add((record.overall.score, record.overall.max_score))
    for i, block in enumerate(ctx.doc.blocks):
        if i in placed or block.kind == BlockKind.TABLE:
            continue
        for s in ctx.scores(i):
            if (s.score.value, s.max.value) in known or any(ev.block == i for c in record.criteria for ev in c.evidence):
                continue
            record.unplaced.append(
                Unplaced(
                    text=s.text,
                    reason="a score outside any criterion, component indicator or total",
                    evidence=[evidence(block, i, s.start, s.end)],
                )
            )


def _fill_from_restatement(ctx: _Ctx, zone: list[int], since: int) -> None:
    """What the overall's first statement left unstated (its percent, rank, change, grade), from a later one of the
    same score out of the same maximum: a box or a summary's label lines ("Tổng điểm: 91,50/100 điểm" / "Xếp thứ
    6/24") before the sentence that states it whole ("… đạt 91,50/100 điểm (đạt tỷ lệ 91,50%), xếp thứ 6/24 …
    (tụt 1 bậc …)"). A statement of another score (last year's, a self-assessment) fills nothing."""
    overall = ctx.record.overall
    stated = read_statement(ctx, zone, start=since)
    if stated.score != overall.score or stated.max_score != overall.max_score:
        return
    if stated.rank is not None and overall.rank is not None and (stated.rank, stated.rank_total) != (
        overall.rank, overall.rank_total):  # fmt: skip
        return  # another ranking (a group's, last year's): its change is not this rank's
    values = {"percent": stated.percent, "rank": stated.rank, "rank_total": stated.rank_total,
              "rank_change": stated.rank_change,
              "classification": find_classification(" ".join(ctx.doc.blocks[j].text for j in zone))}  # fmt: skip
    unset = {k: v for k, v in values.items() if v is not None and getattr(overall, k) is None}
    if unset:
        evidence_of = [ev for ev in stated.evidence if ev not in overall.evidence]
        ctx.record.overall = overall.model_copy(update={**unset, "evidence": [*overall.evidence, *evidence_of]})


def _overall_from_labels(ctx: _Ctx) -> None:
    """The overall as label and value cells ("Tổng điểm đạt được | 91,00", "Xếp hạng | 4/23"), a ruled table or its
    cells run into a paragraph or a line each: what the report's other statements left unread, from the first."""
    for i in range(min(len(ctx.doc.blocks), _LABEL_TABLE_BLOCKS)):
        found = _labelled_overall(ctx, i)
        if found is None:
            continue
        values, ev = found
        overall = ctx.record.overall
        if overall.score is not None:  # a score read elsewhere keeps its own maximum and percent
            values = {k: v for k, v in values.items() if k not in ("score", "max_score", "percent")}
        unset = {k: v for k, v in values.items() if getattr(overall, k) is None}
        evidence_of = [ev] if unset else []  # the cells' evidence: their score's row, else their first
        ctx.record.overall = overall.model_copy(update={**unset, "evidence": [*overall.evidence, *evidence_of]})
        return


def _labelled_overall(ctx: _Ctx, i: int) -> tuple[dict[str, object], Evidence] | None:
    """The overall's label and value cells at block ``i`` and the evidence of its score (else of its first cell)."""
    block = ctx.doc.blocks[i]
    if block.kind == BlockKind.TABLE:
        table = overall_from_label_table(block.rows or [])
        if table is None:
            return None
        values, row = table
        start = sum(len(" | ".join(r)) + 1 for r in (block.rows or [])[:row])
        return values, evidence(block, i, start, start + len(" | ".join((block.rows or [])[row])))
    # the cells a line each (a table drawn without rules, a scan's lines): the short blocks around the maximum's
    if (text := overall_from_label_text(block.text)) is None:
        region = _label_lines(ctx.doc.blocks, i)
        joined = " ".join(ctx.doc.blocks[j].text for j in region)
        if len(region) < 2 or (text := overall_from_label_text(joined)) is None:
            return None
        starts = [sum(len(ctx.doc.blocks[j].text) + 1 for j in region[:n]) for n in range(len(region))]
        k = max(n for n, s in enumerate(starts) if s <= text[1])
        i, block, base = region[k], ctx.doc.blocks[region[k]], starts[k]
        values, lo, hi = text[0], text[1] - base, min(text[2] - base, len(ctx.doc.blocks[region[k]].text))
    else:
        values, lo, hi = text
    ev = evidence(block, i, lo, hi)
    ev.text = block.text[lo:hi]
    return values, ev


def _label_lines(blocks: list[Block], i: int) -> list[int]:
    """The run of short text blocks around block ``i`` when it names the maximum (a row of label cells a line)."""
    if _long(blocks[i]) or not any(hint in blocks[i].text for hint in LABEL_HINTS):
        return []
    lo = hi = i
    while lo > 0 and i - lo < _LABEL_LINES and not _long(blocks[lo - 1]):
        lo -= 1
    while hi + 1 < len(blocks) and hi - i < _LABEL_LINES and not _long(blocks[hi + 1]):
        hi += 1
    return list(range(lo, hi + 1))


def _long(block: Block) -> bool:
    return block.kind == BlockKind.TABLE or len(block.text) > _LABEL_LINE_CHARS


_LABEL_TABLE_BLOCKS = 80  # the overall's cells stand before the criteria, near the top
_LABEL_LINES = 6  # label cells a line each: the rows around the maximum's that are read with it
_LABEL_LINE_CHARS = 120  # a line of label and value cells is short


def _merged_overall(read: Overall, before: Overall) -> Overall:
    """``read`` with what it does not state taken from ``before`` (the unit's rank stated alone earlier)."""
    kept = {name: getattr(before, name) for name in Overall.model_fields
            if name != "evidence" and getattr(read, name) is None and getattr(before, name) is not None}
    return read.model_copy(update={**kept, "evidence": [*before.evidence, *read.evidence]})


def _bare_overall(ctx: _Ctx, block: Block, i: int) -> Overall:
    """ "Chỉ số CCHC năm 2023 của xã đạt 85,12%, xếp thứ 5/20" or "… đạt 85,12 điểm": no "x/y điểm"; or the unit's
    rank alone ("UBND xã Ninh Xuân xếp thứ 9/26 xã, thị trấn"), its total stated later."""
    stated = read_statement(ctx, [i])
    named = OVERALL_HINT_RE.search(block.text) is not None  # a percent or points of the index, not of anything else
    bare = POINTS_ONLY_RE.search(block.text) if named else None
    pcts = find_percents(block.text) if named else []
    score = parse_number(bare["score"], small=True) if bare else None
    stated_max = find_stated_max(block.text) if bare else None
    return Overall(
        score=score.value if score else None,
        max_score=stated_max.value.value if stated_max is not None else None,
        percent=pcts[0].value.value if pcts else None,
        rank=stated.rank,
        rank_total=stated.rank_total,
        rank_change=stated.rank_change,
        classification=find_classification(block.text),
        evidence=[evidence(block, i, bare.start() if bare else pcts[0].start)] if bare or pcts else stated.evidence,
    )


def _repair_ocr_scores(ctx: _Ctx) -> None:
    """On OCR'd pages, a criterion score that its own printed percent shows to be one confused digit
    off ("1,5" for 7,5 at 93,75% of 8) is repaired, and the repair recorded for the checker."""
    from cchc.extractors.numbers_ocr import OCR_MISREAD_REASON, score_from_percent

    pages = set(ctx.doc.ocr_pages)
    for crit in ctx.record.criteria:
        if crit.score is None or crit.max_score is None or crit.percent is None:
            continue
        if not any(ev.page in pages for ev in crit.evidence):
            continue
        fixed = score_from_percent(crit.score, crit.max_score, crit.percent)
        if fixed is None:
            continue
        read = f"{format_vi(crit.score)}/{format_vi(crit.max_score)}"
        crit.score = fixed
        ctx.record.repairs.append(
            Repair(
                original=read,
                value=f"{format_vi(fixed)}/{format_vi(crit.max_score)}",
                reason=f"{OCR_MISREAD_REASON}: the printed {format_vi(crit.percent)}% of "
                f"{format_vi(crit.max_score)} is {format_vi(fixed)}",
                evidence=list(crit.evidence[:1]),
            )
        )


ALIGNED_ROWS_BLOCKS = 12
TEXT_TABLE_BLOCKS = 60
MAX_TEXT_TABLE_HEADERS = 5


def _criteria_from_text_tables(ctx: _Ctx, seen: set[str], *, headers_only: bool = False) -> None:
    """Criteria of a table that came out as text (a scan, a table drawn without rules, a converter's
    cells one a line): the blocks after a header line that names the score columns ("Điểm tối đa",
    "Điểm đạt được"); the first such header whose blocks read as criteria rows. ``headers_only``: only
    lines that state no score before the header's words ("… 12,7/15 điểm, đạt tỷ lệ …" names the columns'
    words too; a converter's one paragraph of cells has its header first, "18/20 Điểm" of a rank cell and
    the header repeated on the next page later)."""
    blocks = ctx.doc.blocks
    headers = [
        i
        for i, b in enumerate(blocks)
        if (header := TEXT_HEADER_RE.search(b.text))
        and b.kind != BlockKind.TABLE
        and not (headers_only and ctx.scores(i) and ctx.scores(i)[0].start < header.start())
    ]
    for start in headers[:MAX_TEXT_TABLE_HEADERS]:
        region, text, starts, rows, stream = _text_table_rows(ctx, start)
        if rows:
            break
    else:
        if headers_only:
            _maxima_from_text_table(ctx, seen, headers)
        return
    new = [row for row in rows if row[0].code not in seen]
    if new:
        ctx.text_table_total = _text_table_total(ctx, region, text[: rows[-1][2] + _TOTAL_AFTER_ROWS], starts)
    for crit, lo, hi in new:
        _place_text_row(ctx, seen, crit, (lo, hi), (region, starts, text))
    if stream and new:
        _stream_indicators(ctx, region, text, starts, rows)


# the header of a table of maxima, or the sentence introducing it: "STT Lĩnh vực Điểm tối đa", "điểm tối đa của từng
# lĩnh vực như sau:"
_MAXIMA_HEADER_RE = re.compile(r"(?:STT|lĩnh\s+vực|tiêu\s+chí)[^.;:]{0,40}?điểm\s+tối\s+đa|điểm\s+tối\s+đa\s+của\s+(?:từng|các|mỗi)", re.I)


def _maxima_from_text_table(ctx: _Ctx, seen: set[str], headers: list[int]) -> None:
    """Criteria of a table of maxima alone that came out as text ("STT Lĩnh vực Điểm tối đa", a row a line or a
    converter's cells one a line), no score yet: the sections after it state the points lost."""
    blocks = ctx.doc.blocks
    for start in headers[:MAX_TEXT_TABLE_HEADERS]:
        if not _MAXIMA_HEADER_RE.search(blocks[start].text):
            continue  # not "Các chỉ số thành phần đạt điểm tối đa:", a component list's heading
        region, starts, text = _region_text(ctx, start)
        rows = maxima_from_text_rows(text, ctx.framework) or maxima_from_cell_stream(text, ctx.framework)
        if rows:
            break
    else:
        return
    for crit, lo, hi in rows:
        if crit.code not in seen:
            _place_text_row(ctx, seen, crit, (lo, hi), (region, starts, text))


def _place_text_row(ctx: _Ctx, seen: set[str], crit: Criterion, span: tuple[int, int],
                    joined: tuple[list[int], list[int], str]) -> None:
    """A criterion read from a text table's joined ``text`` at ``span``: its evidence in the block it starts in."""
    (lo, hi), (region, starts, text) = span, joined
    blocks = ctx.doc.blocks
    k = max(n for n, s in enumerate(starts) if s <= lo)
    i, base = region[k], starts[k]
    seen.add(crit.code)  # type: ignore[arg-type]
    crit.evidence = [evidence(blocks[i], i, lo - base, min(hi - base, len(blocks[i].text)))]
    crit.evidence[0].text = text[lo:hi].strip()
    ctx.record.criteria.append(crit)


def _region_text(ctx: _Ctx, start: int) -> tuple[list[int], list[int], str]:
    """The blocks a text table may span from ``start`` (tables apart), each one's offset, and their text joined."""
    blocks = ctx.doc.blocks
    region = [i for i in range(start, min(start + TEXT_TABLE_BLOCKS, len(blocks))) if blocks[i].kind != BlockKind.TABLE]
    starts, text = [], ""
    for i in region:
        starts.append(len(text))
        text += blocks[i].text + " "
    return region, starts, text


def criteria_from_sections_text(ctx: _Ctx) -> None:
    """Criteria of a body-of-sections table that came out as text (positioned frames): after its header line
    ("STT Nội dung Kết quả"), each statement with its row number; they stand for what the prose reading found of
    the same criteria (a title there is the frames' words run together)."""
    blocks = ctx.doc.blocks
    heads = [i for i, b in enumerate(blocks) if b.kind != BlockKind.TABLE and SECTIONS_TEXT_HEADER in b.text]
    if not heads:
        return
    region = [i for i in range(heads[0], min(heads[0] + TEXT_TABLE_BLOCKS, len(blocks))) if blocks[i].kind != BlockKind.TABLE]
    starts, text = [], ""
    for i in region:
        starts.append(len(text))
        text += blocks[i].text + " "
    rows = criteria_from_statement_stream(text, ctx.framework)
    codes = {crit.code for crit, _, _ in rows}
    if rows:
        ctx.record.criteria = [c for c in ctx.record.criteria if c.code not in codes]
    for crit, lo, hi in rows:
        k = max(n for n, s in enumerate(starts) if s <= lo)
        i, base = region[k], starts[k]
        crit.evidence = [evidence(blocks[i], i, lo - base, min(hi - base, len(blocks[i].text)))]
        crit.evidence[0].text = text[lo:hi].strip()
        ctx.record.criteria.append(crit)
    ctx.record.criteria.sort(key=lambda c: int(c.code) if c.code and c.code.isdigit() else 99)
    stated = [c.evidence[0].text for c, _, _ in rows]
    ctx.record.unplaced = [
        u for u in ctx.record.unplaced if not (u.evidence and u.evidence[0].block in region and any(u.text in t for t in stated))
    ]


_TOTAL_AFTER_ROWS = 200  # the totals row printed last stands right after the last criterion's


def _text_table_total(ctx: _Ctx, region: list[int], text: str, starts: list[int]) -> Overall | None:
    """The overall a criteria table's totals row states in the table's text, first or last."""
    found = total_from_text(text)
    if found is None:
        return None
    (maximum, score, percent), lo, hi = found
    k = max(n for n, s in enumerate(starts) if s <= lo)
    i, base = region[k], starts[k]
    ev = evidence(ctx.doc.blocks[i], i, lo - base, min(hi - base, len(ctx.doc.blocks[i].text)))
    ev.text = text[lo:hi].strip()
    return Overall(score=score, max_score=maximum, percent=percent, evidence=[ev])


def _stream_indicators(ctx: _Ctx, region: list[int], text: str, starts: list[int], rows: list[tuple[Criterion, int, int]]) -> None:
    """The component indicators between the rows of a criteria table read as a converter's cell stream; the
    last row's run to the end of its block."""
    blocks = ctx.doc.blocks
    last = max(n for n, s in enumerate(starts) if s <= rows[-1][1])
    end = starts[last + 1] if last + 1 < len(starts) else len(text)
    for indicator, lo, hi in indicators_from_cell_stream(text, rows, end):
        k = max(n for n, s in enumerate(starts) if s <= lo)
        i, base = region[k], starts[k]
        indicator.evidence = [evidence(blocks[i], i, lo - base, min(hi - base, len(blocks[i].text)))]
        indicator.evidence[0].text = text[lo:hi].strip()
        ctx.record.indicators.append(indicator)


def _text_table_rows(
    ctx: _Ctx, start: int
) -> tuple[list[int], str, list[int], list[tuple[Criterion, int, int]], bool]:
    """(blocks, their text joined, each block's offset in it, the criteria rows read, whether they were read
    as a converter's cell stream) from ``start``."""
    # Rows run over block edges, so the region is read as one text and spans mapped back.
    region, starts, text = _region_text(ctx, start)
    # rows of aligned columns lie in the first blocks; a converter's cells, one a line, run further
    aligned = text[: starts[ALIGNED_ROWS_BLOCKS]] if len(starts) > ALIGNED_ROWS_BLOCKS else text
    rows = criteria_from_text_rows(aligned, ctx.framework)
    if len(rows) >= len(ctx.framework.criteria):
        return region, text, starts, rows, False
    stream = criteria_from_cell_stream(text, ctx.framework)
    return (region, text, starts, stream, True) if len(stream) > len(rows) else (region, text, starts, rows, False)


def _criteria_in_clauses(
    block: Block, index: int, scores: list[ScoreMatch], framework: Framework, seen: set[str]
) -> list[Criterion]:
    """Criteria listed in one paragraph, a clause each: "Cụ thể: chỉ đạo, điều hành đạt 12,7/15 điểm
    (84,67%); cải cách thể chế đạt 5/5 điểm; …". A clause's words before its score name the criterion."""
    text = block.text
    found = []
    for score in scores:
        left, right = sentence_bounds(text, score.start, score.end)
        head, code = _clause_head(text, left, score, scores, framework)
        if code is None or code in seen:
            continue
        clause = text[score.end : min([right, *(s.start for s in scores if s.start > score.start)])]
        pct = find_percents(clause)
        rank = find_ranks(clause)
        change = find_changes(clause)
        seen.add(code)
        found.append(
            Criterion(
                code=code,
                title=head.strip(" ,;:-–").removesuffix(" đạt").strip() or head.strip(),
                score=score.score.value,
                max_score=score.max.value,
                percent=pct[0].value.value if pct and pct[0].start < 30 else _percent_just_before(text, score.start),
                rank=rank[0].rank if rank else None,
                rank_total=rank[0].total if rank else None,
                rank_change=change[0].change if change else None,
                evidence=[evidence(block, index, score.start, score.end)],
            )
        )
    return found


# where a clause naming a criterion may begin after the score of the one before it in the same sentence:
# "… đạt 5,5/6 điểm (91,67%) và cải cách chế độ công vụ đạt …", "…, xếp thứ 4/12, cải cách …"
_CLAUSE_JOIN_RE = re.compile(r"\s(?:và|cùng\s+với|còn)\s+|,\s+", re.I)


def _clause_head(
    text: str, left: int, score: ScoreMatch, scores: list[ScoreMatch], framework: Framework
) -> tuple[str, str | None]:
    """The words naming the criterion of ``score``'s clause, and its code: from the sentence's start, or,
    when another score stands earlier in the sentence, from the first joint after it ("và", a comma)
    whose words up to the score name a criterion."""
    before = [s for s in scores if left <= s.start < score.start]
    if not before:
        head = _PERCENT_BEFORE_SCORE_RE.sub("", text[left : score.start])
        head = re.sub(r"^.*?(?:cụ\s+thể|như\s+sau|gồm|trong\s+đó|bên\s+cạnh\s+đó)\s*[:,]?\s*", "", head, flags=re.I)
        return head, framework.match_title(head) if len(head) <= 120 else None
    tail_start = before[-1].end
    for joint in _CLAUSE_JOIN_RE.finditer(text, tail_start, score.start):
        head = _PERCENT_BEFORE_SCORE_RE.sub("", text[joint.end() : score.start])  # "… đạt 83,33% (5/6 điểm)"
        if len(head) <= 120 and not re.search(r"\d", head) and (code := framework.match_title(head)) is not None:
            return head, code
    return "", None


# a clause's percent printed before its score: "cải cách thể chế đạt 83,33% (5/6 điểm)"
_PERCENT_BEFORE_SCORE_RE = re.compile(r"\s*\d{1,3}(?:[.,]\d{1,2})?\s*%\s*[(（]?\s*$")


_STATED = ("score", "max_score", "percent", "rank", "rank_total", "rank_change")


def _states_another_score(criterion: Criterion, score: float | None, max_score: float | None) -> bool:
    """A later statement of ``criterion`` with another score out of the same maximum (CCHC105 compares them)."""
    if score is None or criterion.score is None or abs(score - criterion.score) <= 1e-9:
        return False
    return max_score is not None and criterion.max_score is not None and abs(max_score - criterion.max_score) <= 1e-9


def merge_restatement(criterion: Criterion, st: _Statement) -> None:
    """Fill what a criterion's first statement left unstated from a later statement of the same score."""
    if st.score is not None and criterion.score is not None and abs(st.score - criterion.score) > 1e-9:
        return
    if st.max_score is not None and criterion.max_score is not None and abs(st.max_score - criterion.max_score) > 1e-9:
        return
    filled = False
    for name in ("percent", "rank", "rank_total", "rank_change"):
        if getattr(criterion, name) is None and getattr(st, name) is not None:
            setattr(criterion, name, getattr(st, name))
            filled = True
    if filled:
        criterion.evidence.extend(ev for ev in st.evidence if ev not in criterion.evidence)


_PARENTHESISED_TITLE_RE = re.compile(r"^\s*\((?P<t>[^)]{2,200})\)")
_COLON_RE = re.compile(r"\s*:\s*")


def indicator_title(rest: str) -> str | None:
    m = _PARENTHESISED_TITLE_RE.match(rest)
    if m:
        return m["t"].strip()
    title = _COLON_RE.split(rest, maxsplit=1)[0].strip(" .")
    return title[:160] or None


def finish_indicator(ctx: _Ctx, indicator: Indicator, zone: list[int]) -> None:
    """Fill an indicator's score, percent and evidence from its blocks (item and "+" sub-items)."""
    blocks = ctx.doc.blocks
    scores: list[tuple[int, ScoreMatch]] = []
    percents = []
    zero = False
    for j in zone:
        text = blocks[j].text
        found = ctx.scores(j)
        scores.extend((j, s) for s in found)
        for p in find_percents(text):
            lead = text[max(0, p.start - 25) : p.start].lower()
            percents.append((j, p, "đạt" in lead or "(" in text[max(0, p.start - 2) : p.start]))
        if ZERO_SCORE_RE.search(text):
            zero = True
    indicator.evidence.append(evidence(blocks[zone[0]], zone[0]))
    if scores:
        indicator.score = round(sum(s.score.value for _, s in scores), 6)
        indicator.max_score = round(sum(s.max.value for _, s in scores), 6)
        j, first = scores[0]
        if len(scores) == 1:
            after = [p for p in find_percents(blocks[j].text) if p.start >= first.end and p.start - first.end < 40]
            indicator.percent = after[0].value.value if after else None
        for j, s in scores:
            ev = evidence(blocks[j], j, s.start, s.end)
            if ev.text != indicator.evidence[0].text:
                indicator.evidence.append(ev)
    else:
        # A percent is the indicator's own only when it is the one percent of its statement.
        distinct = {p.value.value for _, p, _ in percents}
        if len(distinct) == 1 and all(achieved for _, _, achieved in percents):
            j, p, _ = percents[0]
            indicator.percent = p.value.value
            ev = evidence(blocks[j], j, p.start, p.end)
            if ev.text != indicator.evidence[0].text:
                indicator.evidence.append(ev)
        indicator.zero_score = zero


# --- outline ------------------------------------------------------------------------------------


def extract_outline(document: Document, ctx: _Ctx) -> list[Heading]:
    """Numbered headings as printed; indicator items ("3.7 Tiếp nhận …" in a list) are left out."""
    indicator_blocks = {ev.block for ind in ctx.record.indicators for ev in ind.evidence[:1]}
    headings: list[Heading] = []
    section: str | None = None
    after_heading = False
    for i, block in enumerate(document.blocks):
        num = numbering(block.text) or label_numbering(block.text, ctx.framework)
        if not num:
            text = block.text.strip()
            if PAGE_NUMBER_RE.match(text):
                continue  # a page's number left between a heading and its list ("C. NHIỆM VỤ …" / "3" / "1. …")
            after_heading = (text.endswith(":") and len(text) < 100) or (
                block.kind == BlockKind.HEADING and len(text) < 150 and not is_bullet(text)
            )
            continue
        if i in indicator_blocks or INDICATOR_RE.match(block.text):
            continue
        scheme, number, title = num
        if scheme == "roman":
            section = number
        headings.append(
            Heading(
                number=number,
                scheme=scheme,  # type: ignore[arg-type]
                depth=number.count(".") + 1 if scheme == "arabic" else 1,
                title=title[:120],
                section=section if scheme != "roman" else None,
                evidence=[evidence(block, i, 0, min(len(block.text), len(number) + 2 + min(len(title), 80)))],
                after_unnumbered_heading=after_heading,
            )
        )
        after_heading = False
    return headings


# --- quantities and references ------------------------------------------------------------------


def extract_quantities(ctx: _Ctx) -> list[Quantity]:
    """Quantities stated in the prose, each under the criterion whose statement precedes it. A criteria
    table's "a/b" cells are its ranks ("12/20"), no quantities."""
    quantities = []
    current: str | None = None
    stated = _criteria_by_block(ctx)
    for i, block in enumerate(ctx.doc.blocks):
        codes = stated.get(i, [])
        if len(codes) == 1:
            current = codes[0]
        if numbering(block.text) and numbering(block.text)[0] == "roman":  # type: ignore[index]
            current = None
        if len(codes) > 1:
            continue
        found = find_quantities(block.text)
        table = find_records_table(block.text) if not found else None
        for q in [*found, *([table] if table else [])]:
            quantities.append(as_record_quantity(q, [evidence(block, i, q.start, q.end)], current))
    return quantities


def _criteria_by_block(ctx: _Ctx) -> dict[int, list[str]]:
    """{block: the codes of the criteria first stated in it}: one for a criterion's statement, all of a table's."""
    stated: dict[int, list[str]] = {}
    for c in ctx.record.criteria:
        for ev in c.evidence[:1]:
            if ev.block is not None and c.code is not None:
                stated.setdefault(ev.block, []).append(c.code)
    return stated


def extract_references(document: Document) -> list[Reference]:
    references = []
    for index, ref in find_references([b.text for b in document.blocks]):
        block = document.blocks[index]
        ev = evidence(block, index, ref.start, ref.end)
        references.append(
            Reference(
                type=ref.type,
                number=ref.number,
                date=ref.date,
                issuer=ref.issuer,
                date_valid=ref.date_valid,
                evidence=[ev],
            )
        )
    return references


__all__ = ["EXTRACTOR_VERSION", "extract_record", "parse_number"]
