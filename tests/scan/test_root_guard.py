"""What the root guard makes of errors met while walking and reading: an I/O error is a
share going away; one file deleted by a person while its folder stays is not."""

from __future__ import annotations

import errno
from pathlib import Path

from auditor.i18n import t
from auditor.inspect.facts import IO, PERMISSION, VANISHED, FileFacts
from auditor.scan import root_guard
from auditor.scan.walk import walk_tree


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "bukti"
    for rel in ("I.1.1/SK.docx", "I.1.1/Undangan.docx", "I.2.1/Risalah.docx"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"x")
    return root


def _facts(relpath: str, kind: str | None, error: str = "gagal") -> FileFacts:
    return FileFacts(path=relpath, format="docx", error=error if kind else None, error_kind=kind)


def test_an_io_error_while_walking_or_reading_is_a_dropped_share(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    entries = walk_tree(root).entries
    eio = OSError(errno.EIO, "Input/output error")
    assert root_guard.before_reading(root, entries, [("I.2.1", eio)], None, 50, "id") == t(
        "audit.root_dropped", "id", root=root, path="I.2.1", error=t("scan.io_error", "id"))
    read = {"I.1.1/SK.docx": _facts("I.1.1/SK.docx", IO, "berkas tidak dapat dibaca")}
    assert root_guard.after_reading(root, entries, read, 50, "id") == t(
        "audit.root_dropped", "id", root=root, path="I.1.1/SK.docx",
        error="berkas tidak dapat dibaca")


def test_one_file_deleted_while_its_folder_stays_is_no_drop(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    entries = walk_tree(root).entries
    (root / "I.1.1" / "SK.docx").unlink()
    read = {"I.1.1/SK.docx": _facts("I.1.1/SK.docx", VANISHED),
            "I.1.1/Undangan.docx": _facts("I.1.1/Undangan.docx", PERMISSION),
            "I.2.1/Risalah.docx": _facts("I.2.1/Risalah.docx", None)}
    assert root_guard.after_reading(root, entries, read, 50, "id") is None


def test_day_one_folders_pass_and_an_empty_mount_point_does_not(tmp_path: Path) -> None:
    root = tmp_path / "bukti"
    (root / "I Manajemen Perubahan" / "I.1.1").mkdir(parents=True)
    assert root_guard.before_reading(root, [], [], None, 50, "id") is None
    assert root_guard.before_reading(root, [], [], 120, 50, "id") == t(
        "audit.root_shrunk", "id", root=root, now=0, before=120, percent=100)
    empty = tmp_path / "mnt"
    (empty / ".snapshot").mkdir(parents=True)  # noise only
    assert root_guard.before_reading(empty, [], [], None, 50, "id") == t(
        "audit.root_empty", "id", root=empty)


def test_most_files_refused_at_once_is_a_share_that_lost_its_login(tmp_path: Path) -> None:
    root = tmp_path / "bukti"
    (root / "I.1.1").mkdir(parents=True)
    for n in range(12):
        (root / "I.1.1" / f"Foto {n:02d}.jpg").write_bytes(b"x")
    entries = walk_tree(root).entries
    refused = {e.relpath: _facts(e.relpath, PERMISSION, "tidak ada izin") for e in entries[:11]}
    assert root_guard.after_reading(root, entries, refused, 50, "id") == t(
        "audit.root_dropped", "id", root=root, path="I.1.1/Foto 00.jpg", error="tidak ada izin")
    assert root_guard.after_reading(root, entries, dict(list(refused.items())[:5]), 50,
                                    "id") is None
