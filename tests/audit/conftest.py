"""A small office: rules file, empty evidence tree and config, for whole-pipeline tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from audit_documents import SK, Office

from auditor.config import load_config
from auditor.rules.load import dump_rules
from auditor.rules.model import Rule, RuleSet


@pytest.fixture
def office(tmp_path: Path, make_rule: Callable[..., Rule]) -> Office:
    meeting = make_rule("I.3.1", months=(5, 6))
    decree = make_rule("I.1.4", months=(4,), parts=(SK,), subject="SK Tim Kerja ZI",
                        evidence="SK Tim Kerja ZI Tahun 2022",
                        folder="I Manajemen Perubahan/1 Tim Kerja/I.1.4 SK Tim Kerja ZI")
    ruleset = RuleSet(office="KPU Kabupaten Karanganyar", year=2022, source="test",
                      rules=(decree, meeting), teams=("Tim Manajemen Perubahan",))
    (tmp_path / "rules.yaml").write_text(dump_rules(ruleset), encoding="utf-8")
    root = tmp_path / "bukti"
    (root / meeting.folder).mkdir(parents=True)
    (root / decree.folder).mkdir(parents=True)
    (tmp_path / "config.yaml").write_text(
        "evidence_root: bukti\nrules: [rules.yaml]\nyear: 2022\nreports_dir: out/reports\n"
        "state_dir: out/state\ninspect: {workers: 1}\n", encoding="utf-8")
    return Office(root, load_config(tmp_path / "config.yaml"), root / meeting.folder,
                  root / decree.folder)
