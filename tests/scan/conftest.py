"""Each scan test starts and ends in the default language (a config with `language: en`
sets the language of the process)."""

from __future__ import annotations

import pytest

from auditor.i18n import set_language


@pytest.fixture(autouse=True)
def _default_language(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("ZI_LANG", raising=False)
    set_language()
    yield
    set_language()
