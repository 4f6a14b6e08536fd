"""Frameworks: the criteria of a CCHC index (names, aliases, maxima) as data under schemas/frameworks/."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex as re

GENERIC_ID = "commune-index"


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    code: str
    name: str
    aliases: tuple[str, ...]
    max_score: float | None = None


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    version: str
    title: str
    criteria: tuple[CriterionSpec, ...]
    match_order: tuple[str, ...]
    province: str | None = None
    years: tuple[int, ...] = ()
    unit_levels: tuple[str, ...] = ()
    total: float | None = None

    @property
    def has_maxima(self) -> bool:
        return all(c.max_score is not None for c in self.criteria)

    def criterion(self, code: str) -> CriterionSpec | None:
        return next((c for c in self.criteria if c.code == code), None)

    def match_title(self, title: str) -> str | None:
        """Canonical code of the criterion a printed title names, or None."""
        folded = f" {fold(title)} "
        for code in self.match_order:
            spec = self.criterion(code)
            if spec and any(f" {fold(key)} " in folded for key in (spec.name, *spec.aliases)):
                return code
        return None


def fold(text: str) -> str:
    """Lower case without diacritics, đ as d, punctuation as spaces: for tolerant matching."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _read(name: str) -> dict:
    return tomllib.loads(resources.files("cchc.schemas").joinpath("frameworks", name).read_text("utf-8"))


@cache
def all_frameworks() -> tuple[Framework, ...]:
    """Every registered framework; province/year frameworks extend the generic one."""
    files = sorted(
        p.name for p in resources.files("cchc.schemas").joinpath("frameworks").iterdir() if p.name.endswith(".toml")
    )
    raw = {name: _read(name) for name in files}
    by_id = {data["id"]: data for data in raw.values()}
    result = []
    for data in raw.values():
        base = by_id.get(data.get("extends", ""), {})
        merged_criteria = data.get("criteria") or base.get("criteria", [])
        maxima = data.get("maxima", {})
        criteria = tuple(
            CriterionSpec(
                code=str(c["code"]),
                name=c["name"],
                aliases=tuple(c.get("aliases", ())),
                max_score=float(maxima[str(c["code"])]) if str(c["code"]) in maxima else c.get("max_score"),
            )
            for c in merged_criteria
        )
        result.append(
            Framework(
                id=data["id"],
                version=str(data.get("version", "1")),
                title=data.get("title", data["id"]),
                criteria=criteria,
                match_order=tuple(data.get("match_order") or base.get("match_order") or [c.code for c in criteria]),
                province=data.get("province"),
                years=tuple(data.get("years", ())),
                unit_levels=tuple(data.get("unit_levels") or base.get("unit_levels", ())),
                total=data.get("total"),
            )
        )
    return tuple(result)


def framework_by_id(framework_id: str | None) -> Framework | None:
    return next((f for f in all_frameworks() if f.id == framework_id), None)


def generic_framework() -> Framework:
    framework = framework_by_id(GENERIC_ID)
    assert framework is not None, "schemas/frameworks/commune-index.toml is missing"
    return framework


def framework_for(province: str | None, year: int | None, unit_level: str | None) -> Framework:
    """The framework in force for a province and year (with maxima), else the generic one."""
    if province and year:
        for framework in all_frameworks():
            if (
                framework.province
                and fold(framework.province) == fold(province)
                and year in framework.years
                and (not unit_level or not framework.unit_levels or unit_level in framework.unit_levels)
            ):
                return framework
    return generic_framework()


def frameworks_version() -> str:
    """A version string covering every registered framework, for cache keys."""
    return "+".join(f"{f.id}@{f.version}" for f in sorted(all_frameworks(), key=lambda f: f.id))
