"""The tree changes under the scan: a file deleted after it was listed, a folder replaced by a
file while the walk is on its way to it. The fault comes at an exact moment (fault_driver.py),
in the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from office_kit import Office, build_office, sk_docx

from auditor.i18n import t

DRIVER = str(Path(__file__).parents[1] / "fault_driver.py")


@pytest.fixture
def office(tmp_path: Path) -> Office:
    office = build_office(tmp_path, workers=1)
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    sk_docx(office.folder("I.4.6") / "SK Role Model 2022.docx", "14 April 2022")
    return office


def faulty_scan(office: Office, plan: dict) -> dict:
    office.env["FAULT_PLAN"] = json.dumps(plan)
    try:
        run = office.zi("scan", "--config", str(office.config), "--quiet", "--month", "4",
                        "--year", "2022", driver=[DRIVER], timeout=60)
    finally:
        del office.env["FAULT_PLAN"]
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    return office.report("2022-04")


def verdict(report: dict, rule_id: str) -> dict:
    [found] = [v for v in report["verdicts"] if v["rule_id"] == rule_id]
    return found


def test_a_file_deleted_between_listing_and_reading(office: Office) -> None:
    doomed = office.folder("I.4.6") / "SK Role Model 2022.docx"
    relpath = f"{office.rules['I.4.6']['folder']}/SK Role Model 2022.docx"
    # While the worker opens the first SK, the second (listed, checked, not yet read) goes.
    report = faulty_scan(office, {"event": "open", "path_has": "SK Tim Kerja ZI 2022.docx",
                                  "action": "delete", "target": str(doomed)})
    assert not doomed.exists()
    assert {e["path"]: e["error"] for e in report["errors"]} == {relpath: t("inspect.not_found")}
    gone = verdict(report, "I.4.6")
    assert gone["status"] == "needs_review" and any(relpath in p for p in gone["problems"])
    assert verdict(report, "I.1.4")["status"] == "ok"

    again = office.scan("--month", "4", "--year", "2022")  # the next night: simply missing
    assert again.returncode == 0, again.stderr
    report = office.report("2022-04")
    assert report["errors"] == [] and verdict(report, "I.4.6")["status"] == "missing"


def test_a_folder_replaced_by_a_file_during_the_walk(office: Office) -> None:
    rule_folder = office.folder("I.1.4")
    relfolder = office.rules["I.1.4"]["folder"]
    # When the walk enters I.1.3, its sibling I.1.4 (listed, not yet entered) becomes a file.
    report = faulty_scan(office, {
        "event": "os.scandir", "path_has": office.rules["I.1.3"]["folder"],
        "action": "replace_dir", "target": str(rule_folder),
        "aside": str(office.outside / "I.1.4 dipindah")})
    assert rule_folder.is_file()
    assert {e["path"]: e["error"] for e in report["errors"]} == {
        relfolder: t("scan.not_a_folder")}
    replaced = verdict(report, "I.1.4")
    assert replaced["status"] == "needs_review"
    assert t("audit.unwalked", path=relfolder, error=t("scan.not_a_folder")) in replaced["problems"]
    assert verdict(report, "I.4.6")["status"] == "ok"
