"""Measure cchc on the held-out set: field accuracy per format, finding recall and precision.

    .venv/bin/python bench/heldout/evaluate.py            # = make heldout
    .venv/bin/python bench/heldout/evaluate.py --force    # rebuild the documents first
    .venv/bin/python bench/heldout/evaluate.py --round 5  # only round 5's reports (specs.py ROUNDS)

Builds the set (build.py, cached), runs ``cchc extract --out-dir`` once over every document (the
public command; findings included), compares each record with ``truth/<name>.json`` and writes
``results/latest.json`` and ``results/latest.md`` (with ``--round N``, only that round's reports are
extracted and compared, and the results go to ``results/roundN.{json,md}``).

Fields: every field in the truth is compared, null included (a value the report does not state
must come back null): document_type (each is a report), meta (unit_name, unit_level, district, province, doc_number, issued_date,
report_year, signer), overall (score, max_score, percent, rank, rank_total, rank_change,
classification), each criterion stated (score, max_score, percent, rank, rank_total,
rank_change; the record's first statement of it, the body's, where an annex repeats the table),
each indicator stated (listed_as when the report gives one list, score and max_score when printed,
from whichever of its listings prints them) and each quantity stated (found by numerator and
denominator, and its percent).
Numbers are compared at the precision they are printed with (the truth holds the printed value;
|got - printed| < 1e-6, so "90,00" and 90.0 are equal); names after NFC, case folding and
collapsing spaces; doc_number also without spaces.

Findings: a planted inconsistency is found when some finding of severity warning or error has one
of its accepted kinds and concerns it: when the planted item is about a criterion or an indicator,
the finding's subject names that code; otherwise the finding's expected, actual or message state
the planted values (the printed percent for percent_mismatch; both totals for conflicting_values,
both years for year_mismatch, the sum and the printed total for total_mismatch, the rank and its
total for rank_out_of_range); a date or numbering plant, which has neither, is found by its kind
alone (each report plants at most one of those). Recall = planted found / planted. Precision =
warning+error findings that match a planted item (or one listed in the truth's ``also_true``) /
all warning+error findings. Info findings are not counted.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from build import DEFAULT_OUT, build, truth_dir_for
from specs import ROUNDS, SUBSETS

FORMAT_GROUPS = {"txt": "txt", "txt_utf16": "txt", "docx": "docx", "docx_autonum": "docx", "pdf": "pdf",
                 "conv_soffice": "converted docx", "conv_lines": "converted docx", "conv_flow": "converted docx",
                 "scan": "scanned pdf", "odt": "odt, rtf", "rtf": "odt, rtf",  # round 16: saved by LibreOffice
                 "doc": "doc", "xlsx": "xlsx"}  # round 21: Word 97-2003 saved by LibreOffice; a spreadsheet
RESULTS = HERE / "results"


def norm_text(value: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(value)).casefold().split())


def same(field: str, truth: Any, got: Any) -> bool:
    if truth is None or got is None:
        return truth is None and got is None
    if isinstance(truth, bool) or isinstance(got, bool):
        return truth == got
    if isinstance(truth, (int, float)) and isinstance(got, (int, float)):
        return abs(float(truth) - float(got)) < 1e-6
    if field == "doc_number":
        return norm_text(truth).replace(" ", "") == norm_text(got).replace(" ", "")
    return norm_text(truth) == norm_text(got)


def numbers_in(value: Any) -> set[float]:
    """Every number a finding's value or message states, read both as Vietnamese and as English."""
    if value is None:
        return set()
    if isinstance(value, bool):
        return set()
    if isinstance(value, (int, float)):
        return {round(float(value), 4)}
    if isinstance(value, (list, tuple)):
        return set().union(*(numbers_in(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return numbers_in(list(value.values()))
    out: set[float] = set()
    for token in re.findall(r"\d[\d.,]*\d|\d", str(value)):
        for candidate in (token.replace(".", "").replace(",", "."), token.replace(",", "")):
            try:
                out.add(round(float(candidate), 4))
            except ValueError:
                pass
    return out


# ---- fields -------------------------------------------------------------------------------------
class FieldTally:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def check(self, doc: str, fmt: str, field: str, truth: Any, got: Any) -> None:
        self.rows.append({"file": doc, "format": fmt, "field": field, "truth": truth, "got": got,
                          "ok": same(field.rsplit(".", 1)[-1], truth, got)})


def compare_fields(truth: dict[str, Any], record: dict[str, Any] | None, tally: FieldTally) -> None:
    doc, fmt = truth["file"], truth["format"]
    record = record or {}
    tally.check(doc, fmt, "document_type", "report", record.get("document_type"))
    meta = record.get("meta") or {}
    for key, value in truth["meta"].items():
        tally.check(doc, fmt, f"meta.{key}", value, meta.get(key))
    overall = record.get("overall") or {}
    for key, value in truth["overall"].items():
        tally.check(doc, fmt, f"overall.{key}", value, overall.get(key))
    criteria: dict[str, dict[str, Any]] = {}
    for crit in record.get("criteria") or []:  # the body's statement first: an annex repeating the table comes after
        criteria.setdefault(crit.get("code"), crit)
    for code, fields in truth["criteria"].items():
        got = criteria.get(code) or {}
        for key in ("score", "max_score", "percent", "rank", "rank_total", "rank_change"):
            tally.check(doc, fmt, f"criteria[{code}].{key}", fields[key], got.get(key))
    indicators: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ind in record.get("indicators") or []:
        indicators[ind.get("code")].append(ind)
    for code, fields in truth["indicators"].items():
        for key, value in fields.items():
            if key == "listed_as" and value is None:  # listed in both lists (a plant), or only in an indicator
                # table (round 9): no one reading
                continue
            tally.check(doc, fmt, f"indicators[{code}].{key}", value, stated(indicators.get(code, []), key))
    quantities = record.get("quantities") or []
    for q in truth["quantities"]:
        match = next((g for g in quantities if same("n", q["numerator"], g.get("numerator"))
                      and same("n", q["denominator"], g.get("denominator"))), None)
        label = f"quantities[{thousand(q['numerator'])}/{thousand(q['denominator'])}]"
        tally.check(doc, fmt, label + ".found", True, match is not None)
        if "percent" in q:
            tally.check(doc, fmt, label + ".percent", q["percent"], (match or {}).get("percent"))


def stated(entries: list[dict[str, Any]], key: str) -> Any:
    """An indicator's ``key`` as the document states it: from the first of its listings that states it (an
    indicator listed twice, as full without a score and as not achieved with one, has its score in the second)."""
    return next((e[key] for e in entries if e.get(key) is not None), None)


def thousand(x: float) -> str:
    return f"{int(x):,}".replace(",", ".")


# ---- findings -----------------------------------------------------------------------------------
def concerns(planted: dict[str, Any], finding: dict[str, Any]) -> bool:
    if finding.get("kind") not in planted["accepted_kinds"]:
        return False
    if planted["subject"]:
        return planted["subject"] in re.split(r"[\s,;:()]+", str(finding.get("subject") or ""))
    if planted["values"]:
        seen = numbers_in([finding.get("expected"), finding.get("actual"), finding.get("message_en")])
        # a percent is named by its printed value (the computed one may be shown rounded); else both values
        wanted = planted["values"][1:] if planted["kind"] == "percent_mismatch" else planted["values"]
        return all(round(v, 4) in seen for v in wanted)
    return True


def evidence_text(finding: dict[str, Any]) -> str:
    texts = [e.get("text") or "" for e in finding.get("evidence") or []]
    return " | ".join(t[:160] for t in texts[:2])


def compare_findings(truth: dict[str, Any], record: dict[str, Any] | None) -> dict[str, Any]:
    findings = [f for f in (record or {}).get("findings") or [] if f.get("severity") in ("warning", "error")]
    planted = truth["planted"] + truth.get("also_true", [])
    used: set[int] = set()
    found, missed = [], []
    for p in truth["planted"]:
        hit = next((i for i, f in enumerate(findings) if concerns(p, f)), None)
        if hit is None:
            missed.append(p)
        else:
            found.append(p | {"matched_by": {k: findings[hit].get(k) for k in ("rule", "kind", "subject", "expected",
                                                                               "actual", "message_en")}})
            used.add(hit)
    true_findings, false_alarms = [], []
    for i, f in enumerate(findings):
        if i in used or any(concerns(p, f) for p in planted):
            true_findings.append(f)
        else:
            false_alarms.append(f)
    return {"found": found, "missed": missed, "true": true_findings, "false": false_alarms}


# ---- run ----------------------------------------------------------------------------------------
def run_extract(docs: list[Path], out_dir: Path) -> tuple[int, str, float]:
    cchc = ROOT / ".venv" / "bin" / "cchc"
    start = time.monotonic()
    proc = subprocess.run([str(cchc), "extract", *map(str, docs), "--out-dir", str(out_dir), "--lang", "en"],
                          capture_output=True, text=True, check=False)
    return proc.returncode, proc.stderr, time.monotonic() - start


def git_commit() -> str:
    """The last commit that changed cchc's code (not this folder): what the figures measure."""
    code = ["cchc", "extractors", "checker", "schemas", "pipeline", "report", "store", "web", "pyproject.toml"]
    proc = subprocess.run(["git", "log", "-1", "--format=%h", "--", *code], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *code], cwd=ROOT, capture_output=True, text=True,
                           check=False).stdout.strip()
    return proc.stdout.strip() + (" with uncommitted changes" if dirty else "")


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def select_round(truths: dict[str, dict[str, Any]], docs: list[Path],
                 round_number: int) -> tuple[dict[str, dict[str, Any]], list[Path]]:
    """Only round ``round_number``'s truths (by file name) and documents; every report of the round must be there."""
    names = ROUNDS[round_number]
    kept = {f: t for f, t in truths.items() if t["name"] in names}
    kept_docs = [d for d in docs if d.name in kept]
    if not len(kept) == len(kept_docs) == len(names):
        raise SystemExit(f"round {round_number}: {len(names)} reports, {len(kept)} truths, {len(kept_docs)} documents")
    return kept, kept_docs


def evaluate(out: Path = DEFAULT_OUT, force: bool = False, round_number: int | None = None) -> dict[str, Any]:
    """Measure the whole set, or only round ``round_number``'s reports."""
    docs = build(out, force)
    truths = {json.loads(p.read_text(encoding="utf-8"))["file"]: json.loads(p.read_text(encoding="utf-8"))
              for p in sorted(truth_dir_for(out).glob("*.json"))}
    if round_number is not None:
        truths, docs = select_round(truths, docs, round_number)
    with tempfile.TemporaryDirectory() as tmp:
        code, stderr, seconds = run_extract(docs, Path(tmp))
        records = {}
        for doc in docs:
            path = Path(tmp) / (doc.stem + ".json")
            records[doc.name] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    tally = FieldTally()
    per_doc = []
    found_all, missed_all, true_all, false_all = [], [], [], []
    for name, truth in truths.items():
        record = records.get(name)
        compare_fields(truth, record, tally)
        result = compare_findings(truth, record)
        for key, bucket in (("found", found_all), ("missed", missed_all), ("true", true_all), ("false", false_all)):
            bucket += [(name, item) for item in result[key]]
        per_doc.append({"file": name, "format": truth["format"], "layout": truth["layout"],
                        "read": record is not None, "planted": len(truth["planted"]),
                        "found": len(result["found"]), "false_alarms": len(result["false"])})
    by_group: dict[str, list[bool]] = defaultdict(list)
    by_fmt: dict[str, list[bool]] = defaultdict(list)
    by_part: dict[str, list[bool]] = defaultdict(list)
    by_layout: dict[str, list[bool]] = defaultdict(list)
    layouts = {t["file"]: t["layout"] for t in truths.values()}
    crit_scores: dict[str, list[bool]] = defaultdict(list)
    for row in tally.rows:
        by_layout[layouts[row["file"]]].append(row["ok"])
        if row["field"].startswith("criteria[") and row["field"].endswith(".score"):
            crit_scores[f"{row['format']} / {layouts[row['file']]}"].append(row["ok"])
        by_group[FORMAT_GROUPS[row["format"]]].append(row["ok"])
        by_fmt[row["format"]].append(row["ok"])
        by_part[re.sub(r"\[.*?\]", "[]", row["field"])].append(row["ok"])
    recall_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, p in found_all:
        recall_kind[p["kind"]][0] += 1
        recall_kind[p["kind"]][1] += 1
    for _, p in missed_all:
        recall_kind[p["kind"]][1] += 1
    subsets = {}
    for label, names in SUBSETS.items():
        files = {t["file"] for t in truths.values() if t["name"] in names}
        oks = [r["ok"] for r in tally.rows if r["file"] in files]
        found = sum(1 for f, _ in found_all if f in files)
        planted = found + sum(1 for f, _ in missed_all if f in files)
        true = sum(1 for f, _ in true_all if f in files)
        flagged = true + sum(1 for f, _ in false_all if f in files)
        subsets[label] = {"documents": len(files), "field_accuracy": [sum(oks), len(oks), ratio(sum(oks), len(oks))],
                          "recall": [found, planted, ratio(found, planted)],
                          "precision": [true, flagged, ratio(true, flagged)]}
    n_planted = len(found_all) + len(missed_all)
    n_flagged = len(true_all) + len(false_all)
    oks = [r["ok"] for r in tally.rows]
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "documents": len(truths),
        "round": round_number,
        "unread": [d["file"] for d in per_doc if not d["read"]],
        "extract_exit_code": code,
        "extract_stderr": stderr.strip().splitlines()[-20:],
        "extract_seconds": round(seconds, 1),
        "command": "cchc extract <documents> --out-dir <tmp> --lang en",
        "field_accuracy": {"overall": [sum(oks), len(oks), ratio(sum(oks), len(oks))],
                           "by_format_group": {k: [sum(v), len(v), ratio(sum(v), len(v))] for k, v in sorted(by_group.items())},
                           "by_format": {k: [sum(v), len(v), ratio(sum(v), len(v))] for k, v in sorted(by_fmt.items())},
                           "by_layout": {k: [sum(v), len(v), ratio(sum(v), len(v))] for k, v in sorted(by_layout.items())},
                           "criterion_scores_by_format_and_layout": {
                               k: [sum(v), len(v), ratio(sum(v), len(v))] for k, v in sorted(crit_scores.items())},
                           "by_field": {k: [sum(v), len(v), ratio(sum(v), len(v))] for k, v in sorted(by_part.items())}},
        "recall": [len(found_all), n_planted, ratio(len(found_all), n_planted)],
        "subsets": subsets,
        "recall_by_kind": {k: [v[0], v[1], ratio(v[0], v[1])] for k, v in sorted(recall_kind.items())},
        "precision": [len(true_all), n_flagged, ratio(len(true_all), n_flagged)],
        "found": [{"file": f, "kind": p["kind"], "note": p["note"], "matched_by": p["matched_by"]} for f, p in found_all],
        "misses": [{"file": f, "kind": p["kind"], "concerns": p["concerns"], "note": p["note"],
                    "sentence": p["sentence"]} for f, p in missed_all],
        "false_alarms": [{"file": f, "rule": x.get("rule"), "kind": x.get("kind"), "severity": x.get("severity"),
                          "subject": x.get("subject"), "expected": x.get("expected"), "actual": x.get("actual"),
                          "message": x.get("message_en"), "evidence": evidence_text(x)} for f, x in false_all],
        "wrong_fields": [r for r in tally.rows if not r["ok"]],
        "documents_detail": per_doc,
    }


def fmt_ratio(triple: list[Any]) -> str:
    a, b, r = triple
    return f"{r:.3f} ({a}/{b})" if r is not None else f"- ({a}/{b})"


def markdown(res: dict[str, Any]) -> str:
    fa = res["field_accuracy"]
    lines = [
        "# Held-out evaluation (issue 11)", "",
        (f"{res['date']}, cchc at commit {res['commit']}, {res['documents']} documents"
         + (f" (round {res['round']} only)" if res.get("round") is not None else "") + "; "
         f"`{res['command']}` took {res['extract_seconds']} s (exit {res['extract_exit_code']})."), "",
        "| Measure | Value | Target | |", "|---|---:|---:|---|",
        f"| Field accuracy, all formats | {fmt_ratio(fa['overall'])} | >= 0.99 | {passfail(fa['overall'], 0.99)} |",
    ]
    for group, triple in fa["by_format_group"].items():
        lines.append(f"| Field accuracy, {group} | {fmt_ratio(triple)} | >= 0.99 | {passfail(triple, 0.99)} |")
    lines += [f"| Finding recall | {fmt_ratio(res['recall'])} | >= 0.95 | {passfail(res['recall'], 0.95)} |",
              (f"| Finding precision (warning+error) | {fmt_ratio(res['precision'])} | >= 0.95 | "
               f"{passfail(res['precision'], 0.95)} |"), ""]
    lines += ["Reports added in later rounds (specs.py `SUBSETS`), the part of the set fewer fixes were made from:", "",
              "| subset | reports | fields | recall | precision |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {label} | {v['documents']} | {fmt_ratio(v['field_accuracy'])} | {fmt_ratio(v['recall'])} | "
              f"{fmt_ratio(v['precision'])} |" for label, v in res["subsets"].items()]
    lines.append("")
    if res["unread"]:
        lines += ["Documents cchc could not read: " + ", ".join(res["unread"]), ""]
    lines += ["## Field accuracy by format", "", "| format | accuracy |", "|---|---:|"]
    lines += [f"| {k} | {fmt_ratio(v)} |" for k, v in fa["by_format"].items()]
    lines += ["", "## Field accuracy by layout", "", "| layout | accuracy |", "|---|---:|"]
    lines += [f"| {k} | {fmt_ratio(v)} |" for k, v in fa["by_layout"].items()]
    lines += ["", "## Criterion scores read, by format and layout", "", "| format / layout | criterion scores |", "|---|---:|"]
    lines += [f"| {k} | {fmt_ratio(v)} |" for k, v in fa["criterion_scores_by_format_and_layout"].items()]
    lines += ["", "## Field accuracy by field", "", "| field | accuracy |", "|---|---:|"]
    lines += [f"| {k} | {fmt_ratio(v)} |" for k, v in fa["by_field"].items()]
    lines += ["", "## Recall by kind", "", "| kind | recall |", "|---|---:|"]
    lines += [f"| {k} | {fmt_ratio(v)} |" for k, v in res["recall_by_kind"].items()]
    lines += ["", f"## Misses ({len(res['misses'])})", "", "| file | kind | what | planted sentence |", "|---|---|---|---|"]
    lines += [f"| {m['file']} | {m['kind']} | {esc(m['note'])} | {esc(m['sentence'][:160])} |" for m in res["misses"]]
    lines += ["", f"## False alarms ({len(res['false_alarms'])})", "",
              "| file | rule | kind | subject | expected / actual | message | evidence |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {f['file']} | {f['rule']} | {f['kind']} | {esc(f['subject'])} | {esc(f['expected'])} / {esc(f['actual'])} | "
              f"{esc(f['message'])} | {esc(f['evidence'])} |" for f in res["false_alarms"]]
    lines += ["", f"## Found ({len(res['found'])}): the finding that matched each planted item", "",
              "| file | planted | matched by |", "|---|---|---|"]
    lines += [f"| {f['file']} | {esc(f['note'])} | {f['matched_by']['rule']} {f['matched_by']['kind']} "
              f"{esc(f['matched_by']['subject'])}: {esc((f['matched_by']['message_en'] or '')[:140])} |" for f in res["found"]]
    lines += ["", f"## Wrong fields ({len(res['wrong_fields'])})", "", "| file | field | truth | got |", "|---|---|---|---|"]
    lines += [f"| {w['file']} | {w['field']} | {esc(w['truth'])} | {esc(w['got'])} |" for w in res["wrong_fields"]]
    lines += ["", "## Documents", "", "| file | layout | planted | found | false alarms |", "|---|---|---:|---:|---:|"]
    lines += [f"| {d['file']} | {d['layout']} | {d['planted']} | {d['found']} | {d['false_alarms']} |"
              for d in res["documents_detail"]]
    return "\n".join(lines) + "\n"


def esc(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def passfail(triple: list[Any], target: float) -> str:
    return "pass" if triple[2] is not None and triple[2] >= target else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the documents are built")
    parser.add_argument("--force", action="store_true", help="rebuild the documents")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), dest="round_number",
                        help="evaluate only this round's reports; results go to results/roundN.{json,md}")
    args = parser.parse_args(argv)
    res = evaluate(args.out, args.force, args.round_number)
    args.results.mkdir(parents=True, exist_ok=True)
    stem = "latest" if args.round_number is None else f"round{args.round_number}"
    (args.results / f"{stem}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md = markdown(res)
    (args.results / f"{stem}.md").write_text(md, encoding="utf-8")
    print(md.split("## Field accuracy by format")[0])
    print(f"Misses ({len(res['misses'])}):")
    for m in res["misses"]:
        print(f"  {m['file']}: {m['kind']}: {m['note']} | {m['sentence'][:120]}")
    print(f"False alarms ({len(res['false_alarms'])}):")
    for f in res["false_alarms"]:
        print(f"  {f['file']}: {f['kind']} {f['subject']}: {(f['message'] or '')[:110]} | {f['evidence'][:120]}")
    print(f"{len(res['misses'])} misses, {len(res['false_alarms'])} false alarms, {len(res['wrong_fields'])} wrong fields: "
          f"{args.results / (stem + '.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
