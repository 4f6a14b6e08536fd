"""Export contract v1: the record models and their JSON Schema (committed as record.schema.json)."""

from __future__ import annotations

from typing import Any

from cchc.schemas.record import (
    SCHEMA_VERSION,
    Criterion,
    Evidence,
    Finding,
    Heading,
    Indicator,
    Meta,
    Overall,
    Quantity,
    Record,
    Reference,
    Repair,
    Source,
    YearStatement,
)

SCHEMA_ID = "https://cchc.local/schemas/record-v1.schema.json"


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record, as committed in schemas/record.schema.json."""
    schema = Record.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "cchc record",
        "description": f"One Vietnamese commune CCHC report, extracted and checked (schema_version {SCHEMA_VERSION}).",
    }


__all__ = [
    "SCHEMA_VERSION",
    "Criterion",
    "Evidence",
    "Finding",
    "Heading",
    "Indicator",
    "Meta",
    "Overall",
    "Quantity",
    "Record",
    "Reference",
    "Repair",
    "Source",
    "YearStatement",
    "record_json_schema",
]
