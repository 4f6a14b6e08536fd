"""Batch ingestion: plain batch functions (``batch``), the Prefect flow (``flow``), Prefect's environment
(``prefect_env``). Importing this package does not import Prefect."""
