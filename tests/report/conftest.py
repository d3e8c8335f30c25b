"""Fixtures of the report tests: a realistic May 2022 report and a real headless Chromium."""

from __future__ import annotations

import pytest
from browser import Chromium, chromium  # noqa: F401 - the shared browser fixture
from report_sample import make_report

from auditor.audit.model import AuditReport


@pytest.fixture
def report() -> AuditReport:
    return make_report()
