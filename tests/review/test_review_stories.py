"""A person has the last word: the stories of `zi-auditor review` through the real CLI, on
the seed office (96 rules), with real documents, reports and the corrections file."""

from __future__ import annotations

import email
import email.policy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from office_kit import Office, build_office, docx_bytes, sk_lines, write_bytes

SK = "I.1.4"  # SK Tim Kerja ZI, due in April, must be signed and dated


def _office(tmp_path: Path, extra: str = "") -> Office:
    return build_office(tmp_path / "kantor", extra_config=extra)


def _undated_sk(office: Office, name: str = "SK Tim Kerja.docx") -> Path:
    path = office.folder(SK) / name
    write_bytes(path, docx_bytes(sk_lines("", signed=True)))
    return path


def _verdict(report: dict, rule_id: str, month: int) -> dict:
    return next(v for v in report["verdicts"] if v["rule_id"] == rule_id and v["month"] == month)


def _scan(office: Office) -> dict:
    done = office.scan("--month", "4")
    assert done.returncode == 0, done.stderr
    return office.report("2022-04")


def test_a_date_corrected_once_stops_the_gap_and_survives_the_folder_being_renamed(
        tmp_path: Path) -> None:
    office = _office(tmp_path)
    _undated_sk(office)
    before = _verdict(_scan(office), SK, 4)
    assert before["status"] == "undated"
    html = (office.reports / "2022-04" / "gap-report.html").read_text(encoding="utf-8")
    assert "zi-auditor review set" in html and "SK Tim Kerja.docx" in html  # copyable command

    rel = before["files"][0]["path"]
    said = office.zi("review", "set", rel, "--date", "2022-04-13", "--by", "Siti",
                     "--why", "tanggal ada di cap basah", "--config", str(office.config))
    assert said.returncode == 0, said.stderr
    assert "Dicatat" in said.stdout and "13 April 2022" in said.stdout and "Siti" in said.stdout
    corrections = (office.base / "corrections.yaml").read_text(encoding="utf-8")
    assert "Siti" in corrections and "2022-04-13" in corrections

    after = _scan(office)
    verdict = _verdict(after, SK, 4)
    assert verdict["status"] == "ok"
    evidence = verdict["files"][0]
    assert evidence["review"]["by"] == "Siti" and evidence["review"]["date"] == "2022-04-13"
    assert evidence["read"]["date"] is None  # the tool's own reading is kept beside it
    assert after["review"]["on_word"] == 1
    html = (office.reports / "2022-04" / "gap-report.html").read_text(encoding="utf-8")
    assert "dikoreksi oleh Siti" in html

    # The office tidies its drive: the folder and the file get new names.
    folder = office.folder(SK)
    renamed = folder.with_name(f"{SK} SK Tim ZI (arsip)")
    folder.rename(renamed)
    (renamed / "SK Tim Kerja.docx").rename(renamed / "SK-Tim-Kerja-final.docx")
    moved = _verdict(_scan(office), SK, 4)
    assert moved["status"] == "ok"
    assert moved["files"][0]["path"].endswith("SK-Tim-Kerja-final.docx")
    assert moved["files"][0]["review"]["by"] == "Siti"


def test_a_file_edited_after_its_correction_is_read_again_and_flagged(tmp_path: Path) -> None:
    office = _office(tmp_path)
    path = _undated_sk(office)
    rel = str(path.relative_to(office.root))
    assert office.zi("review", "set", rel, "--date", "2022-04-13", "--by", "Siti",
                     "--config", str(office.config)).returncode == 0
    assert _verdict(_scan(office), SK, 4)["status"] == "ok"

    write_bytes(path, docx_bytes([*sk_lines("", signed=False), "revisi"]))  # edited since
    report = _scan(office)
    verdict = _verdict(report, SK, 4)
    assert verdict["status"] != "ok"
    assert verdict["files"][0]["review"] is None
    assert any("berubah sejak dikoreksi" in p for p in verdict["problems"])
    assert [s["path"] for s in report["review"]["stale"]] == [rel]


def test_a_file_moved_after_its_correction_then_edited_is_still_flagged(tmp_path: Path) -> None:
    office = _office(tmp_path)
    path = _undated_sk(office)
    assert office.zi("review", "set", str(path), "--date", "2022-04-13", "--by", "Siti",
                     "--config", str(office.config)).returncode == 0
    moved = path.with_name("SK Tim Kerja (ttd).docx")
    path.rename(moved)
    assert _verdict(_scan(office), SK, 4)["status"] == "ok"
    write_bytes(moved, docx_bytes([*sk_lines("", signed=True), "revisi"]))
    verdict = _verdict(_scan(office), SK, 4)
    assert verdict["status"] == "undated"
    assert any("berubah sejak dikoreksi" in p and "(ttd)" in p for p in verdict["problems"])


def _mail_config() -> str:
    return ("teams:\n"
            "  - {name: Tim Manajemen Perubahan, lead: Sri Wahyuni, email: mp@kpu.example}\n"
            "coordinator: {name: Koordinator ZI, email: koordinator@kpu.example}\n"
            "smtp: {host: 127.0.0.1, port: 2525, security: none, sender: zi@kpu.example}\n")


def test_an_accepted_verdict_shows_as_accepted_in_every_format_and_the_mails(
        tmp_path: Path) -> None:
    office = _office(tmp_path, _mail_config())
    office.folder(SK).joinpath("SK.docx").write_bytes(
        docx_bytes(sk_lines("13 April 2022", signed=True)))
    assert office.zi("review", "accept", "I.1.1", "--month", "5", "--by", "Siti", "--why",
                     "asli di lemari arsip Subbag Umum, diperiksa 20 Mei",
                     "--config", str(office.config)).returncode == 0
    # and a correction that contradicts "Ditetapkan ... pada tanggal 13 April 2022"
    assert office.zi("review", "set", str(office.folder(SK) / "SK.docx"), "--date",
                     "2022-04-01", "--by", "Budi", "--config", str(office.config)).returncode == 0
    done = office.scan("--month", "5")
    assert done.returncode == 0, done.stderr
    report = office.report("2022-05")
    verdict = _verdict(report, "I.1.1", 5)
    assert verdict["status"] == "accepted"
    assert verdict["review"]["by"] == "Siti" and verdict["review"]["status_read"] == "missing"
    assert report["summary"]["gaps"] == report["summary"]["due"] - report["summary"]["ok"]
    folder = office.reports / "2022-05"
    for name in ("gap-report.html", "gap-report.md"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "Diterima" in text and "asli di lemari arsip" in text, name
    assert "Diterima oleh Siti" in (folder / "gap-report.csv").read_text(encoding="utf-8-sig")
    from openpyxl import load_workbook

    sheet = load_workbook(folder / "gap-report.xlsx").worksheets[0]
    assert any(c.value == "Diterima" for row in sheet.iter_rows() for c in row)

    mailed = office.zi("email", "--config", str(office.config), "--month", "5", "--dry-run")
    assert mailed.returncode == 0, mailed.stderr
    letters = {}
    for path in (office.state / "outbox").rglob("*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        letters[message["To"].addresses[0].addr_spec] = message.get_body(("plain",)).get_content()
    team, coordinator = letters["mp@kpu.example"], letters["koordinator@kpu.example"]
    assert "Diterima" in team and "zi-auditor review" in team
    assert "Koreksi dan penerimaan sejak surel terakhir" in coordinator
    assert "asli di lemari arsip" in coordinator
    assert "bertentangan dengan bacaan yang kuat" in coordinator and "Budi" in coordinator


def test_a_bad_corrections_file_is_named_by_line_and_key_and_the_last_report_stays(
        tmp_path: Path) -> None:
    office = _office(tmp_path)
    _scan(office)
    kept = (office.reports / "2022-04" / "gap-report.json").read_bytes()
    (office.base / "corrections.yaml").write_text(
        "files:\n  - sha256: abc\n    by: Siti\n    at: '2022-05-20'\n"
        "verdicts:\n  - {rule: IX.9.9, month: 5, decision: accepted, by: Siti, at: x, why: y}\n",
        encoding="utf-8")
    done = office.scan("--month", "4")
    assert done.returncode == 2
    assert "corrections.yaml:2: 'files[0].sha256'" in done.stderr
    (office.base / "corrections.yaml").write_text(
        "verdicts:\n  - {rule: IX.9.9, month: 5, decision: accepted, by: Siti, at: x, why: y}\n",
        encoding="utf-8")
    done = office.scan("--month", "4")
    assert done.returncode == 2
    assert "corrections.yaml:2: 'verdicts[0].rule'" in done.stderr and "IX.9.9" in done.stderr
    assert (office.reports / "2022-04" / "gap-report.json").read_bytes() == kept


def test_two_review_sets_and_a_scan_at_once_lose_nothing(tmp_path: Path) -> None:
    office = _office(tmp_path)
    first = _undated_sk(office)
    second = office.folder("I.2.4") / "SK Rencana Aksi.docx"
    write_bytes(second, docx_bytes([*sk_lines("", signed=True), "tentang Rencana Aksi"]))
    base = [sys.executable, "-m", "auditor"]
    runs = [subprocess.Popen([*base, "review", "set", str(first), "--date", "2022-04-13",
                              "--by", "Siti", "--config", str(office.config)],
                             env=office.env, cwd=office.base, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True),
            subprocess.Popen([*base, "scan", "--quiet", "--month", "4", "--wait", "120", "--config",
                              str(office.config)], env=office.env, cwd=office.base,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
            subprocess.Popen([*base, "review", "set", str(second), "--date", "2022-07-02",
                              "--by", "Budi", "--config", str(office.config)],
                             env=office.env, cwd=office.base, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    report = _scan(office)
    assert _verdict(report, SK, 4)["files"][0]["review"]["by"] == "Siti"
    text = (office.base / "corrections.yaml").read_text(encoding="utf-8")
    assert "Siti" in text and "Budi" in text
    july = office.scan("--month", "7")
    assert july.returncode == 0, july.stderr
    assert _verdict(office.report("2022-07"), "I.2.4", 7)["status"] == "ok"


def test_an_ignored_file_is_not_listed_as_unrecognised(tmp_path: Path) -> None:
    office = _office(tmp_path)
    stray = office.root / "Lain-lain" / "catatan pribadi.docx"
    stray.parent.mkdir()
    write_bytes(stray, docx_bytes(["catatan"]))
    assert [u["path"] for u in _scan(office)["unmatched"]] == ["Lain-lain/catatan pribadi.docx"]
    done = office.zi("review", "ignore", "Lain-lain/catatan pribadi.docx", "--why", "bukan bukti",
                     "--config", str(office.config))
    assert done.returncode == 0, done.stderr
    assert "bukan bukti" in done.stdout
    assert _scan(office)["unmatched"] == []


def test_a_file_the_matcher_cannot_place_is_given_its_rule_part_and_month(tmp_path: Path) -> None:
    office = _office(tmp_path)
    stray = office.root / "Scan kantor" / "dokumen 17.docx"
    stray.parent.mkdir()
    write_bytes(stray, docx_bytes(sk_lines("", signed=True)))
    assert _verdict(_scan(office), SK, 4)["status"] == "missing"
    done = office.zi("review", "set", "Scan kantor/dokumen 17.docx", "--rule", SK, "--part",
                     "sk", "--month", "4", "--config", str(office.config))
    assert done.returncode == 0, done.stderr
    report = _scan(office)
    verdict = _verdict(report, SK, 4)
    assert verdict["status"] == "ok"
    assert [f["path"] for f in verdict["files"]] == ["Scan kantor/dokumen 17.docx"]
    assert report["unmatched"] == []
    listed = office.zi("review", "list", "--team", "Tim Manajemen Perubahan",
                       "--config", str(office.config))
    assert "Scan kantor/dokumen 17.docx" in listed.stdout
    undone = office.zi("review", "unset", "Scan kantor/dokumen 17.docx",
                       "--config", str(office.config))
    assert undone.returncode == 0 and "dihapus" in undone.stdout
    assert _verdict(_scan(office), SK, 4)["status"] == "missing"


@pytest.mark.parametrize("args, words", [
    (("set", "tidak-ada.pdf", "--date", "2022-04-13"), "tidak ditemukan"),
    (("accept", "I.1.4", "--month", "9", "--why", "x"), "bukan bulan jatuh tempo"),
    (("set", "X", "--date", "13-04-2022"), "YYYY-MM-DD"),
])
def test_a_wrong_review_command_says_what_is_wrong(tmp_path: Path, args: tuple[str, ...],
                                                   words: str) -> None:
    office = _office(tmp_path)
    done = office.zi("review", *args, "--config", str(office.config))
    assert done.returncode == 2
    assert words in done.stderr
    assert not (office.base / "corrections.yaml").exists()
    shutil.rmtree(office.base)


def test_a_month_declared_not_applicable_is_no_longer_due(tmp_path: Path) -> None:
    office = _office(tmp_path)
    before = _scan(office)
    assert _verdict(before, SK, 4)["status"] == "missing"
    done = office.zi("review", "not-applicable", SK, "--month", "4", "--by", "Siti", "--why",
                     "SK tahun lalu masih berlaku", "--config", str(office.config))
    assert done.returncode == 0, done.stderr
    assert "tidak berlaku bulan ini" in done.stdout
    after = _scan(office)
    verdict = _verdict(after, SK, 4)
    assert verdict["status"] == "not_applicable" and verdict["review"]["by"] == "Siti"
    assert after["summary"]["due"] == before["summary"]["due"] - 1
    assert after["summary"]["gaps"] == before["summary"]["gaps"] - 1
    listed = office.zi("review", "list", "--month", "4", "--config", str(office.config))
    assert "SK tahun lalu masih berlaku" in listed.stdout
    undone = office.zi("review", "unset", SK, "--month", "4", "--config", str(office.config))
    assert undone.returncode == 0, undone.stderr
    assert _verdict(_scan(office), SK, 4)["status"] == "missing"


@pytest.mark.slow  # a real `zi-auditor watch` process and real waits
def test_a_review_made_while_watch_runs_shows_in_the_report_without_a_new_file(
        tmp_path: Path) -> None:
    import json
    import signal
    import time

    office = _office(tmp_path)
    _undated_sk(office)
    watch = subprocess.Popen(
        [sys.executable, "-m", "auditor", "watch", "--config", str(office.config), "--native",
         "--interval", "0.2", "--debounce", "0.3", "--no-log-file"],
        env=office.env, cwd=office.base, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True)
    report_file = office.reports / "2022-12" / "gap-report.json"

    def sk_status(wanted: str) -> str | None:
        deadline, status = time.monotonic() + 90, None
        while time.monotonic() < deadline:
            assert watch.poll() is None, watch.stderr.read() if watch.stderr else ""
            if report_file.exists():
                try:
                    status = _verdict(json.loads(report_file.read_text("utf-8")), SK, 4)["status"]
                except (ValueError, StopIteration):
                    status = None  # a report set being switched
                if status == wanted:
                    return status
            time.sleep(0.2)
        return status

    try:
        assert sk_status("undated") == "undated"
        said = office.zi("review", "set", str(office.folder(SK) / "SK Tim Kerja.docx"),
                         "--date", "2022-04-13", "--by", "Siti", "--config", str(office.config))
        assert said.returncode == 0, said.stderr
        assert sk_status("ok") == "ok", "the watch did not judge again after the review"
    finally:
        watch.send_signal(signal.SIGTERM)
        try:
            watch.wait(timeout=30)
        except subprocess.TimeoutExpired:
            watch.kill()
            watch.wait()


def test_a_review_that_cannot_be_saved_says_so_plainly() -> None:
    """On the server the config folder belongs to root: `review` run as the service user
    cannot write the corrections file there. A plain message and exit 6, not a crash."""
    from office_kit import AS_NOBODY, give_to_nobody, shared_tmp

    with shared_tmp() as base:
        office = build_office(base / "kantor")
        give_to_nobody(office.base / "out")  # the state folder is the service user's
        sk = _undated_sk(office)
        said = office.zi("review", "set", str(sk), "--date", "2022-04-13", "--by", "Siti",
                         "--config", str(office.config), wrap=AS_NOBODY)
        assert said.returncode == 6, said.stderr
        assert "koreksi tidak disimpan" in said.stderr and "corrections.yaml" in said.stderr
        assert "tak terduga" not in said.stderr and "Traceback" not in said.stderr
        assert not (office.base / "corrections.yaml").exists()


def test_a_review_typed_through_sudo_is_signed_with_the_person_s_own_name(
        tmp_path: Path) -> None:
    """On the server commands run as the service user (deploy/zi-auditor uses sudo): the
    correction carries the name of the person who typed it, not 'zi-auditor'."""
    office = _office(tmp_path)
    sk = _undated_sk(office)
    office.env["SUDO_USER"] = "rina"
    said = office.zi("review", "set", str(sk), "--date", "2022-04-13",
                     "--config", str(office.config))
    assert said.returncode == 0, said.stderr
    assert "oleh rina" in said.stdout
    assert "rina" in (office.base / "corrections.yaml").read_text(encoding="utf-8")
