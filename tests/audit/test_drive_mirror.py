"""Evidence kept on Google Drive: the nightly recipe mirrors the Drive folder with rclone
(deploy/zi-auditor-drive-sync), then audits the mirror. Here rclone's local backend stands
in for Drive (no network); a Google Docs shortcut found on the drive gets the advice to
export it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from audit_documents import Office, daftar_hadir, sk, undangan
from office_kit import REPO, fingerprint

from auditor.cli import main

SYNC = REPO / "deploy" / "zi-auditor-drive-sync"


def _sync(remote: Path, mirror: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    rclone_conf = tmp_path / "rclone.conf"
    rclone_conf.touch()
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "ZI_DRIVE_REMOTE": str(remote),
           "ZI_DRIVE_MIRROR": str(mirror), "RCLONE_CONFIG": str(rclone_conf)}
    return subprocess.run([str(SYNC)], env=env, capture_output=True, text=True, timeout=120)


def _scan_at(office: Office, root: Path, tmp_path: Path) -> dict:
    """May 2022 audited with the office's config pointed at ``root``; its gap-report.json."""
    config = office.config.path.read_text(encoding="utf-8").replace(
        "evidence_root: bukti", f"evidence_root: {root}")
    path = tmp_path / f"config-{root.name}.yaml"
    path.write_text(config, encoding="utf-8")
    assert main(["scan", "-c", str(path), "-m", "5", "-y", "2022", "-q"]) == 0
    return json.loads((office.config.reports_dir / "2022-05" / "gap-report.json")
                      .read_text(encoding="utf-8"))


def test_the_drive_is_mirrored_then_the_mirror_is_audited(office: Office, tmp_path: Path,
                                                           capsys) -> None:
    if shutil.which("rclone") is None:
        pytest.fail("rclone is missing: run scripts/setup.sh (Debian package 'rclone')",
                    pytrace=False)
    drive = office.root  # the office's Drive folder, as rclone's local backend
    undangan(office.meeting / "05 Mei" / "Undangan.docx", "9 Mei 2022")
    daftar_hadir(office.meeting / "05 Mei" / "DH_rakor.docx", "Jumat, 13 Mei 2022")
    sk(office.decree / "SK.docx", "11 April 2022", signed=True)
    (office.meeting / "05 Mei" / "Notulen rapat 13 Mei 2022.gdoc").write_text(
        json.dumps({"url": "https://docs.google.com/document/d/1AbC", "doc_id": "1AbC"}),
        encoding="utf-8")
    before = fingerprint(drive)
    mirror = tmp_path / "zi-drive"

    done = _sync(drive, mirror, tmp_path)
    assert done.returncode == 0, done.stderr
    assert fingerprint(drive) == before  # the Drive side is only read
    assert (mirror / office.decree.relative_to(drive) / "SK.docx").is_file()

    report = _scan_at(office, mirror, tmp_path)
    assert report["evidence_root"] == str(mirror)
    statuses = {(v["rule_id"], v["month"]): v["status"] for v in report["verdicts"]}
    assert statuses[("I.1.4", 4)] == "ok"  # the SK, read from the mirror
    [gdoc] = [e for e in report["errors"] if e["path"].endswith(".gdoc")]
    assert gdoc["error"].startswith("dokumen Google: ekspor ke PDF/DOCX")
    assert "beri nama berkas yang jelas" not in gdoc["error"]

    # a file removed from the Drive leaves the mirror at the next night's sync
    (office.decree / "SK.docx").unlink()
    assert _sync(drive, mirror, tmp_path).returncode == 0
    assert not (mirror / office.decree.relative_to(drive) / "SK.docx").exists()


def test_a_drive_mounted_read_only_is_audited_in_place(office: Office, tmp_path: Path) -> None:
    """The other recipe: `rclone mount --read-only` (FUSE; fuse3 is installed by setup.sh) and
    the scan reads the mount itself; nothing can be written there, and nothing is."""
    if shutil.which("rclone") is None or shutil.which("fusermount3") is None or not os.path.exists("/dev/fuse"):
        pytest.fail("rclone, fuse3 or /dev/fuse is missing: run scripts/setup.sh", pytrace=False)
    sk(office.decree / "SK.docx", "11 April 2022", signed=True)
    mount = tmp_path / "drive"
    mount.mkdir()
    conf = tmp_path / "rclone.conf"
    conf.touch()
    proc = subprocess.Popen(["rclone", "mount", "--read-only", "--config", str(conf),
                             str(office.root), str(mount)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            if os.path.ismount(mount):
                break
            if proc.poll() is not None:
                pytest.fail(f"rclone mount ended: {proc.stderr.read()}", pytrace=False)
            time.sleep(0.1)
        assert os.path.ismount(mount)
        with pytest.raises(OSError):
            (mount / "coba.txt").write_text("x")  # the mount itself refuses writes
        report = _scan_at(office, mount, tmp_path)
        statuses = {(v["rule_id"], v["month"]): v["status"] for v in report["verdicts"]}
        assert statuses[("I.1.4", 4)] == "ok"  # the SK, read through the mount
    finally:
        subprocess.run(["fusermount3", "-u", str(mount)], capture_output=True)
        proc.wait(timeout=20)
