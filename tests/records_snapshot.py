"""Records of a set of documents as one JSON file, to show that a speed change keeps outputs byte-identical.

    .venv/bin/python tests/records_snapshot.py save before.json samples/ bench/corpus/
    (change the code)
    .venv/bin/python tests/records_snapshot.py compare before.json samples/ bench/corpus/

``compare`` prints each document whose record differs and exits 1 if any does. Records are the JSON
of ``extract_file`` (as ``cchc extract`` writes it), file paths made relative to their folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SUFFIXES = {".pdf", ".docx", ".txt"}


def documents(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)


def records(folders: list[Path]) -> dict[str, str]:
    """{document path: its record's JSON, or the error it raised}."""
    from cchc.api import extract_file
    from cchc.errors import CchcError

    out: dict[str, str] = {}
    for path in documents(folders):
        try:
            record = extract_file(path)
            out[str(path)] = record.model_dump_json(exclude={"source": {"file"}})
        except CchcError as exc:
            out[str(path)] = f"error: {exc}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    args = parser.parse_args(argv)
    now = records(args.folders)
    if args.action == "save":
        args.snapshot.write_text(json.dumps(now, ensure_ascii=False, indent=0), "utf-8")
        print(f"{len(now)} records saved to {args.snapshot}")
        return 0
    before = json.loads(args.snapshot.read_text("utf-8"))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(now)} records, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
