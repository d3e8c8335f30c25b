"""Publish the month's gap-report.json to the province's drop folder (``publish: {dir}``):
``<office-slug>/<YYYY>-<MM>.json``, written atomically (a reader sees the old file or the new
one, never half), never inside the evidence tree, and not rewritten when unchanged."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from auditor.guard import refuse_inside_evidence
from auditor.report.atomic import atomic_write


def office_slug(office: str) -> str:
    """``KPU Kabupaten Karanganyar`` -> ``kpu-kabupaten-karanganyar``: the office's folder."""
    plain = unicodedata.normalize("NFKD", office).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "kantor"


def publish_report(report_json: Path, drop: Path, office: str, year: int, month: int,
                   evidence_root: Path, lang: str | None = None) -> Path:
    """Copy ``report_json`` into ``drop``; the published path."""
    target = refuse_inside_evidence(drop, evidence_root, lang) / office_slug(office) / (
        f"{year:04d}-{month:02d}.json")
    data = report_json.read_bytes()
    try:
        if target.read_bytes() == data:
            return target
    except OSError:
        pass
    atomic_write(target, data)
    return target
