"""Folders and files the audit may not read. The tests run as root, who reads a chmod-000
folder anyway, so the scan runs as the unprivileged user nobody (setpriv), as the nightly
service does on a real server."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from office_kit import AS_NOBODY, Office, build_office, give_to_nobody, shared_tmp, sk_docx

from auditor.i18n import t

pytestmark = pytest.mark.slow  # whole-tool runs on hostile trees


@pytest.fixture
def office() -> Iterator[Office]:
    with shared_tmp() as base:
        office = build_office(base / "kantor", workers=1)
        sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
        sk_docx(office.folder("V.1.2") / "SK UPG 2022.docx", "10 Januari 2022")
        sk_docx(office.folder("I.4.6") / "SK Role Model 2022.docx", "14 April 2022")
        give_to_nobody(office.base / "out")
        yield office


def test_an_unreadable_folder_and_file_are_named_and_never_complete(office: Office) -> None:
    os.chmod(office.folder("V.1.2"), 0)
    os.chmod(office.folder("I.4.6") / "SK Role Model 2022.docx", 0)
    run = office.scan("--month", "12", "--year", "2022", wrap=AS_NOBODY, timeout=60)
    assert run.returncode == 0, run.stderr
    report = office.report()
    folder = office.rules["V.1.2"]["folder"]
    locked = f"{office.rules['I.4.6']['folder']}/SK Role Model 2022.docx"
    errors = {e["path"]: e["error"] for e in report["errors"]}
    assert errors == {folder: t("scan.no_permission"),
                      locked: t("inspect.unreadable", reason=t("inspect.no_permission"))}
    by_rule = {v["rule_id"]: v for v in report["verdicts"] if v["rule_id"] in
               ("V.1.2", "I.4.6", "I.1.4")}
    assert by_rule["V.1.2"]["status"] == "needs_review"
    assert t("audit.unwalked", path=folder, error=t("scan.no_permission")) in \
        by_rule["V.1.2"]["problems"]
    assert by_rule["I.4.6"]["status"] == "needs_review"
    assert by_rule["I.1.4"]["status"] == "ok"


def test_an_unreadable_evidence_root_keeps_the_last_report(office: Office) -> None:
    first = office.scan("--month", "12", "--year", "2022", wrap=AS_NOBODY, timeout=60)
    assert first.returncode == 0, first.stderr
    page = office.reports / "2022-12" / "gap-report.html"
    before = page.read_bytes()
    os.chmod(office.root, 0)
    run = office.scan("--month", "12", "--year", "2022", wrap=AS_NOBODY, timeout=60)
    assert run.returncode == 3
    assert run.stderr.strip() == t("audit.root_unreadable", root=office.root,
                                   error=t("scan.no_permission"))
    assert page.read_bytes() == before


def test_a_file_unreadable_one_night_is_read_once_access_is_given(office: Office) -> None:
    locked = office.folder("I.4.6") / "SK Role Model 2022.docx"
    os.chmod(locked, 0)
    run = office.scan("--month", "12", "--year", "2022", wrap=AS_NOBODY, timeout=60)
    assert run.returncode == 0, run.stderr
    assert {v["rule_id"]: v["status"] for v in office.report()["verdicts"]}["I.4.6"] == \
        "needs_review"
    os.chmod(locked, 0o644)  # the drive administrator opens it: size and mtime stay the same
    run = office.scan("--month", "12", "--year", "2022", wrap=AS_NOBODY, timeout=60)
    assert run.returncode == 0, run.stderr
    report = office.report()
    assert report["errors"] == []
    assert {v["rule_id"]: v["status"] for v in report["verdicts"]}["I.4.6"] == "ok"
