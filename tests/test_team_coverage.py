"""A rules team that no config team (name or alias) with an e-mail address names is never
dropped silently (issue #13 point 1): the report names it, in JSON, HTML and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from office_kit import build_office

from auditor.report.schema import schema_text


def test_the_report_names_the_teams_whose_gaps_reach_no_lead(tmp_path: Path) -> None:
    office = build_office(tmp_path / "kantor", workers=1, extra_config=(
        "teams:\n- {name: Tim Manajemen Perubahan, lead: Ani, email: mp@kpu.example}\n"))
    run = office.scan("--month", "5", "--year", "2022")
    assert run.returncode == 0, run.stderr
    report = office.report("2022-05")
    teams = {r["team"] for r in office.rules.values()}
    assert report["no_recipient"] == sorted(teams - {"Tim Manajemen Perubahan"})
    assert "Tim Pengawasan" in report["no_recipient"]
    jsonschema.validate(report, json.loads(schema_text("report")))
    for name in ("gap-report.html", "gap-report.md"):
        text = (office.reports / "2022-05" / name).read_text(encoding="utf-8")
        assert "Tidak ada penerima surel untuk" in text and "Tim Pengawasan" in text


def test_without_any_team_configured_no_team_is_called_unreached(tmp_path: Path) -> None:
    office = build_office(tmp_path / "kantor", workers=1)  # an office that reads reports only
    assert office.scan("--month", "5", "--year", "2022").returncode == 0
    assert office.report("2022-05")["no_recipient"] == []
