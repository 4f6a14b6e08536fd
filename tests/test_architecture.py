"""docs/ARCHITECTURE.md names real modules: every path it quotes exists, so the page cannot go stale."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "ARCHITECTURE.md"
# a quoted repository path: `extractors/assemble.py`, `store/migrations/`, `schemas/record.schema.json`
QUOTED_PATH = re.compile(r"`([\w.-]+/[\w./-]*)`")


def named_paths(text: str) -> list[str]:
    return QUOTED_PATH.findall(text)


def test_the_pattern_finds_paths_and_only_paths() -> None:
    text = "| 4 | x | `extractors/assemble.py`, `store/migrations/` | `extract_file(path)` | `cchc.<folder>` |"
    assert named_paths(text) == ["extractors/assemble.py", "store/migrations/"]


def test_every_module_named_on_the_page_exists() -> None:
    paths = named_paths(PAGE.read_text("utf-8"))
    assert len(paths) > 30  # the page names the modules of every step
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert missing == []


def test_a_renamed_module_would_be_caught() -> None:
    """The old names of renamed modules are not on disk, so naming one on the page fails the test above."""
    old = ["extractors/record.py", "store/engine.py", "checker/batch.py", "extractors/legacy.py", "report/model.py",
           "checker/rules.py", "report/official.py", "web/cli.py"]
    assert [p for p in old if (ROOT / p).exists()] == []
    assert not set(old) & set(named_paths(PAGE.read_text("utf-8")))


def test_every_step_of_the_path_has_a_row() -> None:
    steps = re.findall(r"^\| (\d)\. (\w[\w ]*) \|", PAGE.read_text("utf-8"), flags=re.MULTILINE)
    assert [name for _, name in steps] == ["Reader", "Document model", "Statements", "Record", "Rules", "Report",
                                           "Store"]


def test_no_two_modules_share_a_name() -> None:
    """A newcomer reading `batch` or `references` should know which one is meant (issue 12)."""
    folders = ["cchc", "extractors", "schemas", "checker", "report", "pipeline", "store", "web"]
    seen: dict[str, list[str]] = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if path.name == "__init__.py" or "migrations" in relative.parts or relative.parts[0] == "cchc" and \
                    len(relative.parts) > 2:
                continue
            seen.setdefault(path.name, []).append(str(relative))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}
