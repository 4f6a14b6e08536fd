"""Issue 11's structural asks, checked on the code itself: short functions on the extraction path."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the extraction path: blocks classified (statements), assembled, the one score grammar, stated quantities
PATH = ["extractors/statements.py", "extractors/assemble.py", "extractors/scores.py", "extractors/quantities.py"]
MAX_LINES = 40


def _long_functions(source: str) -> list[tuple[str, int]]:
    """(name, lines) of the functions longer than MAX_LINES, docstrings not counted."""
    long = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            doc = node.body[0]
            if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant) and isinstance(doc.value.value, str):
                lines -= doc.end_lineno - doc.lineno + 1  # type: ignore[operator]
            if lines > MAX_LINES:
                long.append((node.name, lines))
    return long


@pytest.mark.parametrize("module", PATH)
def test_no_function_on_the_extraction_path_is_longer_than_40_lines(module: str) -> None:
    assert _long_functions((ROOT / module).read_text(encoding="utf-8")) == []


def test_the_measure_counts_code_not_docstrings() -> None:
    body = "\n".join(f"    x{k} = {k}" for k in range(MAX_LINES - 1))  # with its "def" line: 40
    assert _long_functions(f'def f():\n    """Doc."""\n{body}\n') == []
    assert _long_functions(f"def f():\n    y = 0\n{body}\n") == [("f", MAX_LINES + 1)]
