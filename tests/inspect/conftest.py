"""Shared fixtures of the inspection tests: one signing certificate per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("ZI_LANG", "id")


@pytest.fixture(scope="session")
def signing_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from inspect_fixtures import make_cert

    return make_cert(tmp_path_factory.mktemp("keys"))
