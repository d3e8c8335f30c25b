"""gap-report.json is a contract (issue 18.5): it says its schema_version, the JSON Schema
shipped with the package accepts every report the tool writes (and refuses a damaged one),
`zi-auditor schema report` prints that schema, and reading a report back loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from auditor.audit.model import SCHEMA_VERSION, STATUSES, AuditReport
from auditor.report.load import load_report_set, report_from_json
from auditor.report.schema import schema_text
from auditor.report.write import write_reports


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(schema_text("report"))


def test_a_written_report_says_its_version_and_passes_the_shipped_schema(
        report: AuditReport, tmp_path: Path, schema: dict) -> None:
    folder = write_reports(report, tmp_path, "id")
    data = json.loads((folder / "gap-report.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    jsonschema.validate(data, schema)
    assert load_report_set(folder).to_json() == report.to_json()


def test_the_schema_knows_every_status_and_refuses_a_damaged_report(report: AuditReport, schema: dict) -> None:
    assert set(STATUSES) <= set(schema["$defs"]["verdict"]["properties"]["status"]["enum"])
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    for damage in (lambda d: d.pop("verdicts"), lambda d: d["verdicts"][0].update(status="beres"),
                   lambda d: d["verdicts"][0]["files"][0].update(date="13 Mei 2022"),
                   lambda d: d.update(schema_version=SCHEMA_VERSION + 1)):
        data = report.to_json()
        damage(data)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)


def test_reading_a_report_back_keeps_every_field(report: AuditReport) -> None:
    report.verdicts[0].open = True  # was written, then lost on the way back
    report.verdicts[0].files[0].date_evidence = "Karanganyar, 13 Mei 2022"
    again = report_from_json(json.loads(json.dumps(report.to_json())))
    assert again.to_json() == report.to_json() and again.verdicts[0].open is True


def test_the_schema_command_prints_the_shipped_schema(schema: dict) -> None:
    done = subprocess.run([sys.executable, "-m", "auditor", "schema", "report"],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == schema
    jsonschema.Draft202012Validator.check_schema(schema)
