"""gap-report.json: the contract other programs read (exactly AuditReport.to_json())."""

from __future__ import annotations

import json

from auditor.audit.model import AuditReport
from auditor.report.base import ReportFormat


class JsonFormat(ReportFormat):
    name = "json"
    filename = "gap-report.json"

    def render(self, report: AuditReport, lang: str) -> str:
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
