"""Fixtures of the report tests: a realistic May 2022 report and a real headless Chromium."""

from __future__ import annotations

import pytest
from browser import Chromium, chromium  # noqa: F401 - the shared browser fixture
from report_sample import make_report

from auditor.audit.model import AuditReport
from auditor.i18n import set_language


@pytest.fixture(autouse=True)
def _default_language(monkeypatch: pytest.MonkeyPatch):
    """Each test starts in Indonesian; a `--lang en` run does not leak into the next test."""
    monkeypatch.delenv("ZI_LANG", raising=False)
    set_language()
    yield
    set_language()


@pytest.fixture
def report() -> AuditReport:
    return make_report()
