"""Batch ingestion: plain batch functions (``batch``), the Prefect flow (``flow``), Prefect's environment
(``prefect_env``), children that do not outlive the ingest process (``lifetime``). Importing this
package does not import Prefect."""
