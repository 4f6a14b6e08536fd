"""Frameworks: the criteria of a CCHC index (names, aliases, maxima) as data under schemas/frameworks/.

Maxima come from a published ranking's header ("Công tác chỉ đạo, điều hành (15 điểm)"), with its
provenance (``[provenance]``: file, sha256, page or row, issuer, decision number); `cchc frameworks --from
RANKING` writes such a file. Maxima marked ``derived_from = "report"`` were read off a unit's own report:
they are kept as ``provisional_maxima`` for reference and never used to check a report.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.extractors.normalize import contains_phrase, fold_loose

if TYPE_CHECKING:
    from cchc.schemas.record import Record


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
    district: str | None = None
    provenance: tuple[tuple[str, str], ...] = ()  # (key, value) pairs of the [provenance] table
    provisional_maxima: tuple[tuple[str, float], ...] = ()
    # (code, folded name and aliases) in match order, folded once: titles are matched for every block
    _keys: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        by_code = {c.code: c for c in self.criteria}
        keys = tuple(
            (code, tuple(fold_loose(k) for k in (spec.name, *spec.aliases)))
            for code in self.match_order
            if (spec := by_code.get(code)) is not None
        )
        object.__setattr__(self, "_keys", keys)

    @property
    def source(self) -> dict[str, str]:
        return dict(self.provenance)

    @property
    def has_maxima(self) -> bool:
        return all(c.max_score is not None for c in self.criteria)

    def criterion(self, code: str) -> CriterionSpec | None:
        return next((c for c in self.criteria if c.code == code), None)

    def match_title(self, title: str) -> str | None:
        """Canonical code of the criterion a printed title names, or None."""
        folded = fold_loose(title)
        for code, keys in self._keys:
            if any(contains_phrase(folded, key) for key in keys):
                return code
        return None


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
        provenance = {str(k): str(v) for k, v in data.get("provenance", {}).items()}
        maxima = data.get("maxima", {})
        provisional: dict[str, float] = {}
        if provenance.get("derived_from") == "report":  # never check a report against itself
            provisional, maxima = {str(k): float(v) for k, v in maxima.items()}, {}
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
                total=data.get("total") if maxima or not provisional else None,
                district=data.get("district"),
                provenance=tuple(provenance.items()),
                provisional_maxima=tuple(provisional.items()),
            )
        )
    return tuple(result)


def framework_by_id(framework_id: str | None) -> Framework | None:
    return next((f for f in all_frameworks() if f.id == framework_id), None)


def generic_framework() -> Framework:
    framework = framework_by_id(GENERIC_ID)
    assert framework is not None, "schemas/frameworks/commune-index.toml is missing"
    return framework


def framework_for(
    province: str | None, year: int | None, unit_level: str | None, district: str | None = None
) -> Framework:
    """The framework in force for an area and year (with maxima), else the generic one.

    A district's own framework (from its published ranking) wins over the province's.
    """
    if not year or not (province or district):
        return generic_framework()
    candidates = []
    for framework in all_frameworks():
        if year not in framework.years or (unit_level and framework.unit_levels and unit_level not in framework.unit_levels):
            continue
        if framework.district:
            if district and fold_loose(framework.district) == fold_loose(district) and (
                not province or not framework.province or fold_loose(framework.province) == fold_loose(province)
            ):
                candidates.append((0, framework))
        elif framework.province and province and fold_loose(framework.province) == fold_loose(province):
            candidates.append((1, framework))
    if candidates:
        return min(candidates, key=lambda c: (c[0], not c[1].has_maxima, c[1].id))[1]
    return generic_framework()


def frameworks_version() -> str:
    """A version string covering every registered framework, for cache keys."""
    return "+".join(f"{f.id}@{f.version}" for f in sorted(all_frameworks(), key=lambda f: f.id))


def framework_from_ranking(record: Record) -> Framework | None:
    """The framework a published ranking's header defines: its maxima, area, year and provenance."""
    ranking = record.ranking
    if ranking is None or ranking.year is None or not any(c.max_score is not None for c in ranking.framework):
        return None
    base = generic_framework()
    maxima = {c.code: c.max_score for c in ranking.framework if c.code is not None and c.max_score is not None}
    area = [x for x in (ranking.province, ranking.district) if x]
    level = ranking.level or "xã"
    first = next((ev for c in ranking.framework for ev in c.evidence), None)
    provenance = {
        "derived_from": "ranking",
        "file": Path(record.source.file).name,
        "sha256": record.source.sha256,
        "issuer": ranking.issuer or "",
        "decision": ranking.doc_number or "",
        "page": str(first.page) if first is not None and first.page is not None else "",
        "line": str(first.line) if first is not None and first.line is not None else "",
        "header": first.text if first is not None else "",
    }
    where = f"{ranking.district}, {ranking.province}" if ranking.district and ranking.province else " ".join(area)
    return Framework(
        id="-".join([*(slug(a) for a in area), str(ranking.year), slug(level)]),
        version="1",
        title=f"Chỉ số CCHC cấp xã {where} năm {ranking.year}".replace("  ", " "),
        criteria=tuple(
            CriterionSpec(c.code, c.name, c.aliases, maxima.get(c.code)) for c in base.criteria
        ),
        match_order=base.match_order,
        province=ranking.province,
        district=ranking.district,
        years=(ranking.year,),
        unit_levels=base.unit_levels,
        total=ranking.max_total,
        provenance=tuple((k, v) for k, v in provenance.items() if v),
    )


def slug(text: str) -> str:
    """ "Thái Nguyên" -> "thai-nguyen" (file names and ids)."""
    return fold_loose(text).replace(" ", "-")


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def framework_toml(framework: Framework) -> str:
    """A framework as a schemas/frameworks/*.toml file (extends the generic criteria)."""
    lines = [
        "# Maxima read from a published ranking's header by `cchc frameworks --from`; see [provenance].",
        f"id = {_toml_str(framework.id)}",
        f"version = {_toml_str(framework.version)}",
        f"extends = {_toml_str(GENERIC_ID)}",
        f"title = {_toml_str(framework.title)}",
    ]
    if framework.province:
        lines.append(f"province = {_toml_str(framework.province)}")
    if framework.district:
        lines.append(f"district = {_toml_str(framework.district)}")
    lines.append(f"years = [{', '.join(str(y) for y in framework.years)}]")
    lines.append(f"unit_levels = [{', '.join(_toml_str(x) for x in framework.unit_levels)}]")
    if framework.total is not None:
        lines.append(f"total = {framework.total:g}")
    lines += ["", "[maxima]"]
    lines += [f'"{c.code}" = {c.max_score:g}' for c in framework.criteria if c.max_score is not None]
    lines += ["", "[provenance]"]
    lines += [f"{key} = {_toml_str(value)}" for key, value in framework.provenance]
    return "\n".join(lines) + "\n"
