"""gap-report.json: the contract other programs read (exactly AuditReport.to_json()).

Laid out one key per line and one verdict (error, file, run…) per line: a person can still
read and diff it, and it is written by json's C encoder (``indent=2`` makes json fall back to
its Python encoder, three times slower on a report of 10 000 files).
"""

from __future__ import annotations

import json
from typing import Any

from auditor.audit.model import AuditReport
from auditor.report.base import ReportFormat
from auditor.report.view import report_json


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def layout(data: dict[str, Any]) -> str:
    """``data`` as JSON: top-level keys on their own lines, list items one per line."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {_dumps(item)}" for item in value)
            lines.append(f"  {_dumps(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {_dumps(key)}: {_dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


class JsonFormat(ReportFormat):
    name = "json"
    filename = "gap-report.json"

    def render(self, report: AuditReport, lang: str) -> str:
        return layout(report_json(report))
