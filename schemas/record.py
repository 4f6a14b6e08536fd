"""Export contract v1: the record of one report, as pydantic v2 models.

Other tools read these names: add fields freely, never rename or remove one.
Numbers are JSON numbers; a value the report does not state is ``null``, never guessed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Severity = Literal["error", "warning", "info"]
ListedAs = Literal["full", "incomplete"]
AnnexStatus = Literal["achieved", "not_achieved"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A quoted piece of the source and where it is."""

    page: int | None = Field(None, description="1-based page (PDF); null for DOCX and plain text")
    line: int | None = Field(None, description="1-based line: within the page for PDF, in the file for text")
    text: str = Field(description="The source text quoted (NFC)")
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="PDF box (x0, top, x1, bottom) in points, origin top-left"
    )
    paragraph: int | None = Field(None, description="DOCX body paragraph index (0-based)")
    table: int | None = Field(None, description="DOCX/PDF table index (0-based) when quoted from a table")
    block: int | None = Field(None, description="Index of the block in the reader's document model")


class Source(_Model):
    file: str
    sha256: str
    format: Literal["pdf", "docx", "txt", "xlsx"]
    pages: int | None = None
    ocr: bool = False
    ocr_pages: list[int] = Field(default_factory=list)
    size_bytes: int | None = None
    converted_from: Literal["doc", "rtf", "odt"] | None = Field(
        None, description="Original format when the file was converted to DOCX with LibreOffice"
    )
    warnings: list[str] = Field(default_factory=list, description="What the reader dropped or repaired")


class Meta(_Model):
    issuer: str | None = Field(None, description='Issuing body, e.g. "UBND xã Minh Đức"')
    unit_name: str | None = Field(None, description="Unit name without its level word")
    unit_level: Literal["xã", "phường", "thị trấn"] | None = None
    district: str | None = Field(None, description="District (huyện/quận/thị xã/thành phố) without level word")
    province: str | None = None
    doc_number: str | None = Field(None, description='e.g. "29/BC-UBND"')
    issued_date: str | None = Field(None, description="YYYY-MM-DD")
    report_year: int | None = Field(
        None,
        description="The year the report's results are about; in a report on part of a year that states last "
        'year\'s index ("6 tháng đầu năm 2024 và kết quả Chỉ số CCHC năm 2023"), the index year (2023)',
    )
    signer: str | None = None
    place: str | None = Field(None, description="Place of issue as printed before the date")
    title: str | None = None
    signer_title: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Overall(_Model):
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    rank: int | None = None
    rank_total: int | None = None
    rank_change: int | None = Field(None, description="+N up (tăng), -N down (giảm), 0 unchanged")
    classification: str | None = Field(None, description='e.g. "hoàn thành tốt nhiệm vụ"')
    evidence: list[Evidence] = Field(default_factory=list)


class Criterion(_Model):
    code: str | None = Field(None, description='Canonical code "1".."10" from the framework; null if unmatched')
    title: str
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    rank: int | None = None
    rank_total: int | None = None
    rank_change: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    printed_number: str | None = Field(None, description='Numbering as printed, e.g. "1." for criterion 8')
    section: str | None = Field(None, description="Roman section it is printed under, e.g. II")


class Indicator(_Model):
    code: str = Field(description='Indicator code as printed, e.g. "1.3", "7.1.7"')
    title: str | None = None
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    listed_as: ListedAs | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    criterion: str | None = Field(None, description="Code of the criterion it belongs to")
    zero_score: bool = Field(False, description='Stated as not scoring ("không đạt điểm")')
    annex_status: AnnexStatus | None = Field(
        None,
        description='As marked in an indicator annex ("PHỤ LỤC … các chỉ số thành phần"): "Đạt" (achieved) or '
        '"Không đạt" (not_achieved), by an "x" in a column, a word, or ✓ / ✗',
    )


class Quantity(_Model):
    label: str = Field(description="What is counted, in the report's words")
    numerator: float | None = None
    denominator: float | None = None
    percent: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    unit: str | None = Field(None, description='The counted noun, e.g. "hồ sơ", "cán bộ, công chức"')
    sentence: str | None = None
    criterion: str | None = None


class Reference(_Model):
    type: str = Field(description='e.g. "Quyết định", "Kế hoạch", "Công văn"')
    number: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD")
    issuer: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    date_valid: bool = True


class Heading(_Model):
    """A numbered heading of the report's outline, as printed."""

    number: str = Field(description='"I", "1", "3.1" as printed without trailing dot')
    scheme: Literal["roman", "arabic", "label"] = Field(
        description='"label": numbered by its word, "Tiêu chí 3:", "Lĩnh vực thứ năm:" (number "3", "thứ năm")'
    )
    depth: int = Field(description="1 for I/1, 2 for 1.1, ...")
    title: str
    section: str | None = Field(None, description="Roman section it is under")
    evidence: list[Evidence] = Field(default_factory=list)
    after_unnumbered_heading: bool = Field(
        False, description='Printed right after an unnumbered heading ("Nguyên nhân:"), where a list may restart at 1'
    )


class YearStatement(_Model):
    """A statement of the report year: in the title, the body, or the closing."""

    role: Literal["title", "body", "closing"]
    year: int
    next_year: int | None = Field(None, description='The year of "triển khai nhiệm vụ ... năm N" if stated')
    evidence: list[Evidence] = Field(default_factory=list)


class Repair(_Model):
    """A number that had to be repaired to be read."""

    original: str
    value: str
    reason: str
    evidence: list[Evidence] = Field(default_factory=list)


class Finding(_Model):
    rule: str = Field(description="Rule code, e.g. CCHC101")
    kind: str = Field(description="Stable kind name (the contract), e.g. percent_mismatch")
    severity: Severity
    subject: str = Field(description="Criterion or indicator code, or a short label")
    message: str = Field(description="Vietnamese message for reviewers")
    message_en: str | None = None
    expected: str | float | int | None = None
    actual: str | float | int | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class RankingCriterion(_Model):
    """A criterion column of a published ranking, with the maximum printed in its header."""

    code: str | None = Field(None, description='Canonical criterion code "1".."10"; null if unmatched')
    title: str
    max_score: float | None = Field(None, description='Maximum printed in the header, e.g. "(15 điểm)"')
    evidence: list[Evidence] = Field(default_factory=list)


class RankingRow(_Model):
    """One ranked unit of a published ranking (a row of the annex table, or a sentence of an announcement)."""

    unit_name: str = Field(description="Unit name without its level word")
    unit_level: Literal["xã", "phường", "thị trấn"] | None = None
    group: str | None = Field(None, description='Row group as printed, e.g. "Nhóm xã", "Huyện Tứ Kỳ"')
    scores: dict[str, float] = Field(default_factory=dict, description="Criterion code -> score")
    total: float | None = None
    percent: float | None = None
    rank: int | None = None
    rank_total: int | None = Field(None, description="Units ranked in the row's group (or in the whole ranking)")
    classification: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Ranking(_Model):
    """A published CCHC index: a decision's annex table or a portal announcement."""

    issuer: str | None = None
    year: int | None = Field(None, description="Index year (the year assessed, not the year of publication)")
    level: Literal["xã", "phường", "thị trấn"] | None = Field(None, description="Level of the ranked units")
    district: str | None = None
    province: str | None = None
    doc_number: str | None = None
    max_total: float | None = Field(None, description="Maximum of the total, when printed")
    form: Literal["table", "prose"] = "table"
    framework: list[RankingCriterion] = Field(default_factory=list)
    rows: list[RankingRow] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Unplaced(_Model):
    """A statement read but placed nowhere: a score outside any criterion, indicator or total."""

    text: str = Field(description="The statement as printed, e.g. '4,5/6 điểm'")
    reason: str = Field(description="Why it could not be placed")
    evidence: list[Evidence] = Field(default_factory=list)


class Record(_Model):
    """Everything extracted from one report, with provenance, and the checker's findings."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    meta: Meta = Field(default_factory=Meta)
    overall: Overall = Field(default_factory=Overall)
    criteria: list[Criterion] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    framework: str | None = Field(None, description="Id of the framework the criteria were matched against")
    framework_maxima_known: bool = Field(
        False, description="True when a framework with maxima is registered for the province and year"
    )
    outline: list[Heading] = Field(default_factory=list)
    years: list[YearStatement] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    unplaced: list[Unplaced] = Field(default_factory=list)
    is_scored_report: bool = Field(True, description="False for a document with no scores (a plan, a letter)")
    extractor_version: str | None = None
    document_type: Literal["report", "ranking", "other"] = Field(
        "report", description="report: a unit's scored report; ranking: a published index; other: neither"
    )
    ranking: Ranking | None = Field(None, description="The published ranking, when document_type is ranking")


def light_copy(record: Record) -> Record:
    """The record's values and identity, without the bulk (criteria evidence, indicators, quantities,
    references, findings): what a batch summary and the batch rules need."""
    return record.model_copy(
        update={
            "criteria": [c.model_copy(update={"evidence": []}) for c in record.criteria],
            "indicators": [],
            "quantities": [],
            "references": [],
            "outline": [],
            "years": [],
            "repairs": [],
            "unplaced": [],
            "findings": [],
        }
    )
