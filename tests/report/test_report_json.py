"""gap-report.json is the contract scripts and the province's roll-up read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.audit.model import STATUSES
from auditor.errors import UserError
from auditor.report.load import load_report
from auditor.report.write import write_reports


def test_written_json_has_every_contract_key(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "id")
    data = json.loads((folder / "gap-report.json").read_text(encoding="utf-8"))

    for key in ("year", "month", "as_of", "generated_at", "evidence_root", "summary",
                "verdicts", "errors"):
        assert key in data, key
    assert (data["year"], data["month"]) == (2022, 5)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", data["generated_at"])
    assert set(data["summary"]) >= {"due", "ok", "gaps", "by_team"}
    assert data["summary"]["by_team"]["Tim Pengawasan"] == {"due": 3, "ok": 1, "gaps": 2}
    assert data["summary"]["due"] == len(data["verdicts"])
    for verdict in data["verdicts"]:
        assert set(verdict) >= {"rule_id", "month", "team", "status", "files", "problems"}
        assert verdict["status"] in STATUSES
        for f in verdict["files"]:
            assert set(f) >= {"path", "part", "date", "signed"}
    assert all(set(e) == {"path", "error"} for e in data["errors"])


def test_json_is_exactly_the_audit_report(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "en")
    data = json.loads((folder / "gap-report.json").read_text(encoding="utf-8"))
    assert data == report.to_json()
    # Indonesian text and hostile names stay as they are: JSON readers escape for themselves.
    assert "<img src=x onerror=alert(1)>.pdf" in (folder / "gap-report.json").read_text("utf-8")


def test_a_written_report_reads_back_unchanged(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "id")
    again = load_report(folder / "gap-report.json")
    assert again.to_json() == report.to_json()
    assert again.verdicts[2].files[0].date_source == "signature_block"
    assert again.history[-1].files == 163


def test_a_missing_or_damaged_report_is_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="laporan tidak ditemukan"):
        load_report(tmp_path / "2022-05" / "gap-report.json")
    broken = tmp_path / "gap-report.json"
    broken.write_text('{"year": 2022, "month": ', encoding="utf-8")
    with pytest.raises(UserError, match="zi-auditor scan"):
        load_report(broken)
    broken.write_text('{"year": 2022}', encoding="utf-8")
    with pytest.raises(UserError, match="tidak sah"):
        load_report(broken)
