"""zi-auditor only reads the evidence: every file and folder of the tree (content, size,
mode, mtime, link targets) is the same after a night's scan with mail, a watch session and a
resend; and the audit runs on a tree that nobody may write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from office_kit import (
    AS_NOBODY,
    Office,
    build_office,
    fingerprint,
    give_to_nobody,
    mail_config,
    shared_tmp,
    sk_docx,
    write_bytes,
)
from smtp_kit import PASSWORD, USER, MailServer
from smtp_kit import smtp_server as smtp_server  # the shared mail-server fixture

pytestmark = pytest.mark.slow  # whole-tool runs: kills, full disks, other users


def furnish(office: Office) -> None:
    """Good, bad and odd evidence: a signed SK, an unsigned one, an empty file, a document
    that is not a document, a link out of the root, a 4 GiB sparse file."""
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    sk_docx(office.folder("V.1.2") / "SK UPG.docx", "10 Januari 2022", signed=False)
    write_bytes(office.folder("II.1.3") / "Dokumen SOP 10 Juni 2022.doc", b"")
    write_bytes(office.folder("I.1.2") / "Risalah.docx", b"<html>bukan dokumen</html>")
    os.symlink(office.outside, office.folder("VI.2.6") / "arsip lama")
    with open(office.folder("V.1.3") / "Laporan Monitoring.pdf", "wb") as handle:
        handle.truncate(4 * 1024 ** 3)



@pytest.fixture
def office(tmp_path: Path, smtp_server: MailServer) -> Office:
    office = build_office(tmp_path, extra_config=mail_config(smtp_server.port, USER))
    office.env["ZI_SMTP_PASSWORD"] = PASSWORD
    furnish(office)
    return office


def _done_lines(office: Office) -> int:
    log = office.state / "logs" / "zi-auditor.log"
    return log.read_text(encoding="utf-8").count("audit selesai") if log.exists() else 0


def watch_once(office: Office, wrap: Sequence[str] = ()) -> None:
    """`zi-auditor watch` until it has audited the tree once, then stopped with SIGTERM."""
    before = _done_lines(office)
    proc = subprocess.Popen(
        [*wrap, sys.executable, "-m", "auditor", "watch", "--config", str(office.config), "--polling",
         "--interval", "0.2", "--debounce", "0.3"], env=office.env, cwd=office.base,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while _done_lines(office) == before and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.1)
        assert _done_lines(office) > before, "watch never audited the tree"
        time.sleep(1)  # let the observer poll the tree a few times
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_full_night_scan_watch_and_mail_leaves_the_evidence_as_it_was(
        office: Office, smtp_server: MailServer) -> None:
    before = fingerprint(office.root)
    outside = fingerprint(office.outside)
    scan = office.scan("--month", "12", "--year", "2022", "--email", timeout=120)
    assert scan.returncode == 0, scan.stderr
    assert smtp_server.recorder.to("koordinator@kpu.example")
    watch_once(office)
    resend = office.zi("email", "--config", str(office.config), "--month", "12", "--year",
                       "2022", "--resend")
    assert resend.returncode == 0, resend.stderr
    assert len(smtp_server.recorder.to("koordinator@kpu.example")) == 2
    assert fingerprint(office.root) == before
    assert fingerprint(office.outside) == outside


@pytest.fixture
def locked_office() -> Iterator[Office]:
    with shared_tmp() as base:
        office = build_office(base / "kantor", workers=1)
        furnish(office)
        for folder, _dirs, files in os.walk(office.root):  # chmod -R a-w
            for name in files:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o444)
            os.chmod(folder, 0o555)
        give_to_nobody(office.base / "out")
        yield office


def test_the_audit_runs_on_a_tree_nobody_may_write(locked_office: Office) -> None:
    office = locked_office
    before = fingerprint(office.root)
    run = office.scan("--month", "12", "--year", "2022", wrap=AS_NOBODY, timeout=60)
    assert run.returncode == 0, run.stderr
    report = office.report()
    status = {(v["rule_id"], v["month"]): v["status"] for v in report["verdicts"]}
    assert status[("I.1.4", 4)] == "ok"
    assert status[("V.1.2", 1)] == "unsigned"
    assert status[("II.1.3", 6)] == "needs_review"
    assert len(report["errors"]) == 4  # empty, not a document, too large, link out of the root
    index = office.zi("index", "--config", str(office.config), "--month", "12", wrap=AS_NOBODY)
    assert index.returncode == 0, index.stderr
    mail = office.zi("email", "--config", str(office.config), "--month", "12", "--dry-run",
                     wrap=AS_NOBODY)
    assert mail.returncode == 0, mail.stderr
    watch_once(office, AS_NOBODY)
    assert fingerprint(office.root) == before


WRITES_INTO_THE_TREE = {
    "scan --out": ("scan", "--out", "{inside}"),
    "scan --out through a link": ("scan", "--out", "{link}"),
    "index --out": ("index", "--month", "12", "--out", "{inside}"),
    "index --out through a link": ("index", "--month", "12", "--out", "{link}"),
    "index --report --out": ("index", "--report", "{report}", "--out", "{inside}"),
}


def test_no_command_writes_into_the_evidence_tree(tmp_path: Path) -> None:
    office = build_office(tmp_path / "kantor", workers=1)
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    assert office.scan("--month", "12", "--year", "2022").returncode == 0
    inside = office.folder("I.1.4") / "laporan"
    link = tmp_path / "laporan-di-luar"
    os.symlink(office.folder("I.1.4"), link)
    values = {"inside": str(inside), "link": str(link),
              "report": str(office.reports / "2022-12" / "gap-report.json")}
    before = fingerprint(office.root)
    for what, args in WRITES_INTO_THE_TREE.items():
        argv = [a.format(**values) for a in args]
        run = office.zi(*argv[:1], "--config", str(office.config), *argv[1:]) \
            if "--report" not in argv else office.zi(*argv)
        assert run.returncode == 2, (what, run.stdout, run.stderr)
        assert "di dalam folder bukti" in run.stderr and "Traceback" not in run.stderr, what
        assert fingerprint(office.root) == before, what
    for key in ("reports_dir", "state_dir"):  # email, watch, serve write only there
        config = tmp_path / f"{key}.yaml"
        config.write_text(office.config.read_text(encoding="utf-8").replace(
            f"{key}: out/", f"{key}: bukti/I/"), encoding="utf-8")
        for command in (("email", "--month", "12", "--dry-run"), ("watch", "--polling")):
            run = office.zi(command[0], "--config", str(config), *command[1:], timeout=30)
            assert run.returncode == 2, (key, command, run.stderr)
            assert "di dalam folder bukti" in run.stderr, (key, command)
    assert fingerprint(office.root) == before


def test_under_a_strict_umask_nothing_written_is_readable_by_others(office: Office) -> None:
    """Reports, state, lock, outbox and logs hold officials' names and addresses: with
    `umask 077` (systemd UMask=0077) only the service's own user may read them."""
    def strict() -> None:
        os.umask(0o077)

    for args in (("scan", "--config", str(office.config), "--month", "12", "--year", "2022",
                  "--quiet", "--email"),
                 ("index", "--config", str(office.config), "--month", "12"),
                 ("email", "--config", str(office.config), "--month", "12", "--dry-run",
                  "--resend")):
        run = subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                             text=True, timeout=120, env=office.env, cwd=office.base,
                             preexec_fn=strict)
        assert run.returncode == 0, (args, run.stderr)
    out = office.base / "out"
    written = {p.relative_to(out).as_posix(): p.lstat().st_mode & 0o777
               for p in out.rglob("*") if not p.is_symlink()}
    for expected in ("reports/2022-12/gap-report.xlsx", "reports/2022-12/indeks-bukti.html",
                     "state/zi-auditor.lock", "state/logs/zi-auditor.log"):
        path = out / expected
        assert path.exists(), expected
        assert path.stat().st_mode & 0o077 == 0, f"{expected}: {oct(path.stat().st_mode)}"
    assert any(name.startswith("state/outbox/") and name.endswith(".eml") for name in written)
    assert any(name.endswith(".sqlite3") for name in written)
    exposed = {name: oct(mode) for name, mode in written.items() if mode & 0o077}
    assert not exposed, exposed
