"""Batch ingestion: plain batch functions (``batch``), the Prefect flow (``flow``), Prefect's environment
(``prefect_env``), children that do not outlive the ingest process (``lifetime``). Importing this
package does not import Prefect."""

# Documents per Prefect task. Fewer, larger tasks cost less orchestration: on the extraction of 120 prose
# PDFs with 2 workers (bench_scale.py --runners, load 0.5-1.2) 30 took the Dask cluster 2.40 s against
# 2.87 s with 10 (4 task runs instead of 12), the local pool the same 2.0 s; the flow still makes at least
# two chunks per worker, so small batches keep every worker busy.
DOCS_PER_TASK = 30
# A batch larger than DOCS_PER_TASK x MAX_TASK_RUNS makes larger chunks instead of more task runs: each
# costs Prefect's server ~30 ms of CPU and some memory for the rest of the run.
MAX_TASK_RUNS = 64
