"""The JSON Schemas of the contracts other programs read, shipped as package data."""

from __future__ import annotations

from importlib import resources

SCHEMAS = {"report": "gap-report.schema.json"}


def schema_text(name: str) -> str:
    """The JSON Schema ``name`` ("report": gap-report.json) as text."""
    return resources.files("auditor.report").joinpath(SCHEMAS[name]).read_text(encoding="utf-8")
