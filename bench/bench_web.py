"""The web app's overview of a 500-report year: server time to render the page (target < 300 ms).

A store is filled with 500 units for one year: the sample report (``samples/minh-duc-2022.txt``,
extracted once) under 500 invented unit names in 25 districts, each with its 11 findings and some
decisions (every 7th finding dismissed), saved as ``cchc ingest`` saves them (``store_batch``).
Then ``GET /?year=2022`` is timed in-process (FastAPI's TestClient: routing, the store's queries,
Jinja, no network), cold first and then 30 warm runs; the median and the spread of wall and CPU time
are reported (CPU time stays meaningful on a busy machine), and the data function alone
(``views.overview``) beside it, with the load average.

    .venv/bin/python bench/bench_web.py [--units 500] [--runs 30] [--db sqlite:///…]

Writes bench/results/web.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET_MS = 300.0


def _fill(db_url: str, units: int) -> None:
    from cchc import extract_file
    from cchc.pipeline.store_step import store_batch
    from cchc.store import Store
    from cchc.store.triage import current_findings, decide

    sample = extract_file(ROOT / "samples" / "minh-duc-2022.txt")
    records = []
    for k in range(units):
        record = sample.model_copy(deep=True)
        record.meta.unit_name = f"Đơn Vị {k:03d}"
        record.meta.district = f"Huyện {k % 25:02d}"
        record.source.sha256 = f"{k:064x}"
        record.source.file = f"don-vi-{k:03d}-2022.txt"
        record.overall.score = round(60 + (k * 37 % 400) / 10, 2)
        record.overall.rank = k % 20 + 1
        records.append(record)
    for start in range(0, units, 100):
        store_batch(db_url, records[start:start + 100], [])
    with Store(db_url) as store:
        for n, finding in enumerate(current_findings(store, year=2022)):
            if n % 7 == 0:
                decide(store, finding.id, "dismissed", "bench", "bench")


def _timed(call: object, runs: int) -> tuple[float, list[float], list[float]]:
    """Cold wall ms, then warm wall ms and warm CPU ms of this process (CPU is robust to a busy machine)."""
    start = time.perf_counter()
    call()  # type: ignore[operator]
    cold = (time.perf_counter() - start) * 1000
    warm, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()  # type: ignore[operator]
        warm.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return cold, warm, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", default=None, help="a store URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from cchc.store import Store
    from cchc.web import Auth, WebConfig, create_app
    from cchc.web.views import overview

    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        fill_start = time.perf_counter()
        _fill(db_url, args.units)
        fill_seconds = time.perf_counter() - fill_start
        config = WebConfig(db_url=db_url, data_dir=Path(tmp) / "web", auth=Auth(local_user="bench"),
                           start_worker=False)
        with TestClient(create_app(config), base_url="http://127.0.0.1") as client:
            def page() -> None:
                response = client.get("/", params={"year": 2022})
                assert response.status_code == 200 and response.text.count('<td class="num sev-error">') == args.units

            page_cold, page_warm, page_cpu = _timed(page, args.runs)
        with Store(db_url) as store:
            data_cold, data_warm, data_cpu = _timed(lambda: overview(store, 2022), args.runs)

    def spread(values: list[float]) -> dict[str, float]:
        q = statistics.quantiles(values, n=10)
        return {"median": round(statistics.median(values), 1), "p10": round(q[0], 1), "p90": round(q[-1], 1),
                "min": round(min(values), 1), "max": round(max(values), 1)}

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "units": args.units,
        "findings_per_unit": 11,
        "fill_seconds": round(fill_seconds, 1),
        "overview_page_ms": {"cold": round(page_cold, 1), **spread(page_warm)},
        "overview_page_cpu_ms": spread(page_cpu),
        "overview_data_ms": {"cold": round(data_cold, 1), **spread(data_warm)},
        "overview_data_cpu_ms": spread(data_cpu),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "target_ms": TARGET_MS,
    }
    result["pass"] = result["overview_page_ms"]["median"] < TARGET_MS
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "web.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    page_ms, data_ms = result["overview_page_ms"], result["overview_data_ms"]
    print(f"overview of {args.units} units: page median {page_ms['median']} ms (p10 {page_ms['p10']}, "
          f"p90 {page_ms['p90']}, cold {page_ms['cold']}; CPU {result['overview_page_cpu_ms']['median']} ms); "
          f"data alone median {data_ms['median']} ms; load {result['load_average'][0]}; "
          f"target < {TARGET_MS:.0f} ms: {'pass' if result['pass'] else 'FAIL'}")


if __name__ == "__main__":
    main()
