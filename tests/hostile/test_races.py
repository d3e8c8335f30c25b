"""The tree changes under the scan: a file deleted after it was listed, a folder replaced by a
file while the walk is on its way to it. The fault comes at an exact moment (fault_driver.py),
in the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from hostile_files import truncated_pdf
from office_kit import Office, build_office, sk_docx, sk_pdf_bytes, write_bytes

from auditor.i18n import t

pytestmark = pytest.mark.slow  # worker processes killed and retried on time limits

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


def test_a_file_turned_into_a_pipe_as_it_is_opened_is_named_at_once(office: Office) -> None:
    """The reader opens without waiting for a writer (inspect/pin.py): a pipe put in place
    of the file as it is opened is seen for what it is, and the scan goes on."""
    fifo = office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx"
    relpath = f"{office.rules['I.1.4']['folder']}/SK Tim Kerja ZI 2022.docx"
    report = faulty_scan(office, {"event": "open", "path_has": "SK Tim Kerja ZI 2022.docx",
                                  "action": "fifo", "target": str(fifo)})
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert {e["path"]: e["error"] for e in report["errors"]} == {relpath: t("inspect.not_a_file")}
    assert report["inspection"] == {"read": 2, "retried": 0}
    assert verdict(report, "I.4.6")["status"] == "ok"


def test_a_reader_that_waits_without_working_is_ended_by_the_wall_clock(office: Office) -> None:
    """A stalled network drive: the reader waits, using no processor time, so only the
    wall-clock backstop ends it; the file is read again alone, then named as timed out,
    and the scan goes on."""
    relpath = f"{office.rules['I.1.4']['folder']}/SK Tim Kerja ZI 2022.docx"
    office.config.write_text(office.config.read_text(encoding="utf-8").replace(
        "timeout_seconds: 3", "timeout_seconds: 1"), encoding="utf-8")
    report = faulty_scan(office, {"event": "open", "path_has": "SK Tim Kerja ZI 2022.docx",
                                  "action": "sleep", "seconds": 600})
    assert {e["path"]: e["error"] for e in report["errors"]} == {
        relpath: t("inspect.timeout_alone", seconds="1", retry_seconds="2")}
    assert report["inspection"] == {"read": 2, "retried": 1}
    assert verdict(report, "I.4.6")["status"] == "ok"


def test_a_worker_killed_once_reads_its_file_again_alone(office: Office, tmp_path: Path) -> None:
    """The OOM killer stops the worker reading an SK while another is read: the SK is read
    again alone, counts, and the report and the terminal say it was read again."""
    marker = tmp_path / "killed-once"
    office.env["FAULT_PLAN"] = json.dumps({"event": "open", "path_has": "SK Role Model 2022.docx",
                                           "action": "kill_self_once", "target": str(marker)})
    try:
        run = office.zi("scan", "--config", str(office.config), "--month", "4", "--year",
                        "2022", driver=[DRIVER], timeout=60)
    finally:
        del office.env["FAULT_PLAN"]
    assert run.returncode == 0, run.stderr
    assert marker.exists()
    report = office.report("2022-04")
    assert report["errors"] == []
    assert report["inspection"] == {"read": 2, "retried": 1}
    assert verdict(report, "I.4.6")["status"] == "ok"
    assert t("audit.summary_retried", count=1) in run.stdout
    month = office.reports / "2022-04"
    assert t("report.retried", count=1) in (month / "gap-report.md").read_text(encoding="utf-8")
    assert t("report.retried", count=1) in (month / "gap-report.html").read_text(encoding="utf-8")

    again = office.scan("--month", "4", "--year", "2022")  # nothing new: nothing read again
    assert again.returncode == 0, again.stderr
    assert office.report("2022-04")["inspection"] == {"read": 0, "retried": 0}


def month_files(office: Office, month: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((office.reports / month).iterdir())}


NEW_EVIDENCE = (("III.1.2", "SK Penempatan CPNS 2022.docx", "8 April 2022"),
                ("III.3.1", "Surat usulan diklat 2022.docx", "11 April 2022"),
                ("III.3.2", "Usulan bimtek 2022.docx", "12 April 2022"))


def test_a_share_that_drops_while_files_are_read_stops_and_trusts_nothing_it_read(
        office: Office) -> None:
    assert office.scan("--month", "4", "--year", "2022").returncode == 0
    good = month_files(office, "2022-04")
    for rule, name, day in NEW_EVIDENCE:
        sk_docx(office.folder(rule) / name, day)
    aside = office.base / "share-lepas"
    # The walk lists the new files; as the first of them is opened the share goes away.
    office.env["FAULT_PLAN"] = json.dumps({"event": "open", "path_has": f"{office.root}/",
                                           "action": "unmount", "target": str(office.root),
                                           "aside": str(aside)})
    try:
        run = office.scan("--month", "4", "--year", "2022", driver=[DRIVER], timeout=60)
    finally:
        del office.env["FAULT_PLAN"]
    assert run.returncode == 3  # ExitCode.ROOT_UNAVAILABLE: the teams get no mail
    first = f"{office.rules['III.1.2']['folder']}/{NEW_EVIDENCE[0][1]}"
    assert run.stderr.strip() == t("audit.root_dropped", root=office.root, path=first,
                                   error=t("inspect.not_found"))
    assert month_files(office, "2022-04") == good

    for child in aside.iterdir():  # the share is back the next night
        child.rename(office.root / child.name)
    again = office.scan("--month", "4", "--year", "2022")
    assert again.returncode == 0, again.stderr
    report = office.report("2022-04")
    assert report["errors"] == [] and report["inspection"]["read"] == len(NEW_EVIDENCE)
    for rule, _, _ in NEW_EVIDENCE:
        assert verdict(report, rule)["status"] == "ok"


def test_a_folder_that_vanishes_during_the_walk_stops_the_scan(office: Office) -> None:
    assert office.scan("--month", "4", "--year", "2022").returncode == 0
    good = month_files(office, "2022-04")
    rule_folder, relfolder = office.folder("I.1.4"), office.rules["I.1.4"]["folder"]
    office.env["FAULT_PLAN"] = json.dumps({
        "event": "os.scandir", "path_has": office.rules["I.1.3"]["folder"],
        "action": "remove_dir", "target": str(rule_folder),
        "aside": str(office.outside / "I.1.4 hilang")})
    try:
        run = office.scan("--month", "4", "--year", "2022", driver=[DRIVER], timeout=60)
    finally:
        del office.env["FAULT_PLAN"]
    assert run.returncode == 3
    assert run.stderr.strip() == t("audit.root_dropped", root=office.root, path=relfolder,
                                   error=t("scan.vanished"))
    assert month_files(office, "2022-04") == good


def test_a_reading_that_timed_out_is_tried_again_and_read_under_a_higher_limit(
        office: Office) -> None:
    """A document that needs 3 s of processor time: with a 1 s limit it times out, also
    read again alone; that is no fact of the file, so with the limit raised it is read."""
    relpath = f"{office.rules['I.4.6']['folder']}/SK Role Model 2022.docx"
    plan = {"event": "open", "path_has": "SK Role Model 2022.docx", "action": "spin",
            "seconds": 3}
    config = office.config.read_text(encoding="utf-8")
    office.config.write_text(config.replace("timeout_seconds: 3", "timeout_seconds: 1"),
                             encoding="utf-8")
    report = faulty_scan(office, plan)
    assert {e["path"]: e["error"] for e in report["errors"]} == {
        relpath: t("inspect.timeout_alone", seconds="1", retry_seconds="2")}
    assert verdict(report, "I.4.6")["status"] == "needs_review"

    office.config.write_text(config.replace("timeout_seconds: 3", "timeout_seconds: 10"),
                             encoding="utf-8")
    report = faulty_scan(office, plan)
    assert report["errors"] == [] and report["inspection"]["read"] == 1
    assert verdict(report, "I.4.6")["status"] == "ok"


def test_a_file_swapped_for_a_link_out_of_the_root_is_never_read(office: Office) -> None:
    """As the worker opens an SK it becomes a link to a file outside the evidence root with
    the very same bytes, size and mtime: only where it lies tells it apart. It is named
    as changed, not read, not kept, and read again (the real one) the next night."""
    sk = office.folder("I.4.6") / "SK Role Model 2022.docx"
    relpath = f"{office.rules['I.4.6']['folder']}/SK Role Model 2022.docx"
    secret = office.outside / "SK Role Model 2022.docx"
    shutil.copy2(sk, secret)
    report = faulty_scan(office, {"event": "open", "path_has": "SK Role Model 2022.docx",
                                  "action": "symlink", "target": str(sk), "to": str(secret)})
    assert sk.is_symlink()
    assert verdict(report, "I.4.6")["status"] == "needs_review"
    assert {e["path"]: e["error"] for e in report["errors"]} == {relpath: t("inspect.changed")}
    assert verdict(report, "I.1.4")["status"] == "ok"
    with closing(sqlite3.connect(office.state / "zi-auditor.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM files WHERE path = ?", (relpath,)).fetchone() == (0,)

    sk.unlink()  # the real SK is put back
    shutil.copy2(secret, sk)
    again = office.scan("--month", "4", "--year", "2022")
    assert again.returncode == 0, again.stderr
    assert verdict(office.report("2022-04"), "I.4.6")["status"] == "ok"


def test_new_files_in_a_warm_tree_are_read_under_the_same_guard(tmp_path: Path) -> None:
    """Only DOCX so far, then two new PDFs one night: the scan starts workers for the PDFs
    alone, and they keep every guard. The worker reading the new SK is stopped by the OOM
    killer: the SK is read again alone and credited; the cut-off download beside it is
    named with its reason; the DOCX read before are not read again."""
    office = build_office(tmp_path / "kantor", workers=2)
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    assert office.scan("--month", "4", "--year", "2022").returncode == 0
    assert office.report("2022-04")["inspection"] == {"read": 1, "retried": 0}
    write_bytes(office.folder("I.4.6") / "SK Role Model 2022.pdf", sk_pdf_bytes("14 April 2022"))
    cut = office.folder("V.1.2") / "SK Unit Pengendalian Gratifikasi.pdf"
    truncated_pdf(cut)
    marker = tmp_path / "killed-once"
    office.env["FAULT_PLAN"] = json.dumps({"event": "open", "path_has": "SK Role Model 2022.pdf",
                                           "action": "kill_self_once", "target": str(marker)})
    try:
        run = office.scan("--month", "4", "--year", "2022", driver=[DRIVER], timeout=60)
    finally:
        del office.env["FAULT_PLAN"]
    assert run.returncode == 0, run.stderr
    assert marker.exists()
    report = office.report("2022-04")
    assert report["inspection"] == {"read": 2, "retried": 1}
    relcut = f"{office.rules['V.1.2']['folder']}/{cut.name}"
    assert {e["path"]: e["error"] for e in report["errors"]} == {relcut: t("inspect.pdf_truncated")}
    assert verdict(report, "I.4.6")["status"] == "ok"
    assert verdict(report, "I.1.4")["status"] == "ok"
