"""One settings object with documented defaults, validated up front."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from cchc.errors import UsageError


@dataclass(frozen=True, slots=True)
class Settings:
    """Tolerances, limits and choices used by readers, extraction and checker.

    ``sum_tolerance``: criterion scores are printed to at most 2 decimals, so each can be off
    by 0,005 from its true value; a sum of n printed values may be off by n x 0,005.
    ``percent_slack``: extra slack (percentage points) on top of the rounding interval, for
    reports that truncate instead of rounding.
    """

    lang: Literal["vi", "en"] = "vi"
    sum_tolerance_per_term: float = 0.005
    percent_slack: float = 0.0
    max_file_bytes: int = 100 * 1024 * 1024
    max_pages: int = 500
    max_docx_xml_bytes: int = 50 * 1024 * 1024
    max_page_objects: int = 200_000
    max_seconds_per_document: float = 120.0
    ocr: bool = True
    ocr_language: str = "vie"
    history_jump_share: float = 0.3  # score_history_jump: a criterion moving more than this share of its max
    report_split_threshold: int = 50  # more reports than this: review.html becomes an index plus review/<name>.html
    review_form: Literal["auto", "single", "split"] = "auto"  # auto: split past report_split_threshold

    def __post_init__(self) -> None:
        if self.lang not in ("vi", "en"):
            raise UsageError(f"lang must be 'vi' or 'en', not {self.lang!r}")
        for name in ("max_file_bytes", "max_pages", "max_docx_xml_bytes", "max_page_objects"):
            if getattr(self, name) <= 0:
                raise UsageError(f"{name} must be positive")
        if self.sum_tolerance_per_term < 0 or self.percent_slack < 0:
            raise UsageError("tolerances must not be negative")
        if self.review_form not in ("auto", "single", "split"):
            raise UsageError(f"review_form must be auto, single or split, not {self.review_form!r}")
        if self.report_split_threshold < 0:
            raise UsageError("report_split_threshold must not be negative")
        if not 0 <= self.history_jump_share <= 1:
            raise UsageError("history_jump_share must be between 0 and 1")

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; unknown names are a UsageError."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


DEFAULT_SETTINGS = Settings()
