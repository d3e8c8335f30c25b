"""The one interface every report format implements (one module per format)."""

from __future__ import annotations

from abc import ABC, abstractmethod

from auditor.audit.model import AuditReport


class ReportFormat(ABC):
    """Turns an AuditReport into the bytes or text of one file in the month folder."""

    name: str  # "json", "md", "csv", "html"
    filename: str  # "gap-report.json"

    @abstractmethod
    def render(self, report: AuditReport, lang: str) -> str | bytes:
        """The whole file; text is written as UTF-8."""
