"""The symlinks in cchc/ that let mypy and editors follow the folder-to-package mapping stay in step with it.

pyproject's [tool.setuptools] package-dir maps top-level folders into the package (`cchc.extractors` is
extractors/). Python follows that mapping; static tools walk the tree, and find `cchc.extractors` only
through the committed symlink cchc/extractors -> ../extractors. `make typecheck` runs mypy on the source
tree this way, so a package added to one side and not the other would go unchecked, or unshipped.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setuptools_dir(package: str, package_dir: dict[str, str]) -> Path:
    """The folder setuptools builds `package` from: its longest mapped prefix plus the rest of its name."""
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in package_dir:
            return Path(package_dir[prefix], *parts[cut:])
    return Path(package_dir.get("", "."), *parts)


def packages_seen_by_tools(root: Path, top: str) -> set[str]:
    """Every package a tool finds by walking `root/top`, symlinks followed: folders with an __init__.py."""
    found = set()
    for folder, subfolders, files in os.walk(root / top, followlinks=True):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        if "__init__.py" in files:
            found.add(".".join(Path(folder).relative_to(root).parts))
    return found


def layout_problems(root: Path) -> list[str]:
    """What keeps the tree under cchc/ from showing exactly the packages setuptools builds, and from where."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    package_dir: dict[str, str] = config.get("package-dir", {})
    packages: list[str] = config["packages"]
    problems = []
    misplaced: list[str] = []
    for package in sorted(packages):
        if any(package.startswith(parent + ".") for parent in misplaced):
            continue  # its parent's fix fixes it too
        built_from = root / setuptools_dir(package, package_dir)
        seen_at = root.joinpath(*package.split("."))
        if seen_at.resolve() != built_from.resolve() or not (seen_at / "__init__.py").is_file():
            misplaced.append(package)
            link = seen_at.relative_to(root)
            target = os.path.relpath(built_from, seen_at.parent)
            problems.append(
                f"{package}: {link} should lead to {built_from.relative_to(root)} (ln -s {target} {link})"
            )
    for package in sorted(packages_seen_by_tools(root, "cchc") - set(packages)):
        problems.append(f"{package}: a package under cchc/ missing from [tool.setuptools] packages")
    for link in sorted(path for path in (root / "cchc").iterdir() if path.is_symlink()):
        if Path(os.readlink(link)).is_absolute():
            problems.append(f"{link.relative_to(root)}: an absolute symlink breaks in another checkout")
    return problems


def test_the_repository_layout_matches_package_dir() -> None:
    assert layout_problems(ROOT) == []


def test_the_symlinks_lead_where_python_imports_from() -> None:
    import cchc.extractors.readers
    import cchc.store.migrations

    assert Path(cchc.extractors.readers.__file__).resolve() == ROOT / "extractors" / "readers" / "__init__.py"
    assert Path(cchc.store.migrations.__file__).resolve() == ROOT / "store" / "migrations" / "__init__.py"


def test_mypy_ignores_missing_imports_only_for_named_modules() -> None:
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert "ignore_missing_imports" not in mypy
    scoped = [entry for entry in mypy["overrides"] if entry.get("ignore_missing_imports")]
    assert scoped and all("cchc" not in str(entry["module"]) for entry in scoped)


def make_project(root: Path, package_dir: str, packages: str) -> None:
    """A small copy of the layout: cchc/ plus a top-level folder extractors/ mapped into it."""
    (root / "pyproject.toml").write_text(
        f"[tool.setuptools]\npackage-dir = {package_dir}\npackages = {packages}\n", encoding="utf-8"
    )
    for folder in ("cchc", "extractors", "extractors/readers"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("", encoding="utf-8")


MAPPED = '{ "cchc" = "cchc", "cchc.extractors" = "extractors" }'
BOTH = '["cchc", "cchc.extractors", "cchc.extractors.readers"]'


def test_a_matching_small_layout_passes(tmp_path: Path) -> None:
    make_project(tmp_path, MAPPED, BOTH)
    (tmp_path / "cchc" / "extractors").symlink_to("../extractors")
    assert layout_problems(tmp_path) == []


def test_a_mapped_folder_without_its_symlink_is_named_with_the_fix(tmp_path: Path) -> None:
    make_project(tmp_path, MAPPED, BOTH)
    assert layout_problems(tmp_path) == [
        "cchc.extractors: cchc/extractors should lead to extractors (ln -s ../extractors cchc/extractors)"
    ]


def test_a_symlink_to_the_wrong_folder_is_named(tmp_path: Path) -> None:
    make_project(tmp_path, MAPPED, '["cchc", "cchc.extractors"]')
    (tmp_path / "cchc" / "extractors").symlink_to("../extractors/readers")
    assert layout_problems(tmp_path)[0].startswith(
        "cchc.extractors: cchc/extractors should lead to extractors "
    )


def test_a_subpackage_missing_from_packages_is_named(tmp_path: Path) -> None:
    make_project(tmp_path, MAPPED, '["cchc", "cchc.extractors"]')
    (tmp_path / "cchc" / "extractors").symlink_to("../extractors")
    assert layout_problems(tmp_path) == [
        "cchc.extractors.readers: a package under cchc/ missing from [tool.setuptools] packages"
    ]


def test_an_absolute_symlink_is_named(tmp_path: Path) -> None:
    make_project(tmp_path, MAPPED, BOTH)
    (tmp_path / "cchc" / "extractors").symlink_to(tmp_path / "extractors")
    assert layout_problems(tmp_path) == ["cchc/extractors: an absolute symlink breaks in another checkout"]
