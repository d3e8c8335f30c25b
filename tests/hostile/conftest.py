"""Fixtures of the hostile-input tests: the hostile office, scanned once by the real CLI."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Any

import pytest
from hostile_kit import hostile_office
from office_kit import Office


@dataclass
class Scanned:
    office: Office
    run: subprocess.CompletedProcess[str]
    report: dict[str, Any]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Scanned:
    """Every hostile case in one tree, audited for the whole of 2022 (report month December).

    The subprocess timeout is the "well under a minute" bound: a hang fails the test."""
    office = hostile_office(tmp_path_factory.mktemp("hostile"))
    run = office.scan("--month", "12", "--year", "2022", timeout=60)
    assert run.returncode == 0, run.stderr
    return Scanned(office, run, office.report())
