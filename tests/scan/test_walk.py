"""Walking a shared drive: every real file once, never outside the root, no noise."""

from __future__ import annotations

import os
from pathlib import Path

from auditor.scan.walk import is_noise, walk


def _touch(path: Path, data: bytes = b"x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_office_noise_and_partial_downloads_are_not_evidence(tmp_path: Path) -> None:
    names = ["~$Undangan.docx", ".~lock.DH rakor.docx#", ".DS_Store", "Thumbs.db",
             "desktop.ini", "SK Tim.pdf.crdownload", "foto.jpg.part", "Undangan.pdf"]
    for name in names:
        _touch(tmp_path / "I.1.4 SK" / name)
    found = [e.relpath for e in walk(tmp_path)]
    assert found == ["I.1.4 SK/Undangan.pdf"]
    assert is_noise("THUMBS.DB") and not is_noise("DH_rakor.docx")


def test_entries_carry_size_mtime_and_slash_paths(tmp_path: Path) -> None:
    _touch(tmp_path / "a" / "05 Mei" / "DH.pdf", b"12345")
    os.utime(tmp_path / "a" / "05 Mei" / "DH.pdf", (1652400000, 1652400000))
    (entry,) = list(walk(tmp_path))
    assert entry.relpath == "a/05 Mei/DH.pdf"
    assert entry.size == 5 and entry.mtime == 1652400000


def test_a_link_out_of_the_root_is_not_followed(tmp_path: Path) -> None:
    root, outside = tmp_path / "root", tmp_path / "outside"
    _touch(outside / "secret.pdf")
    _touch(root / "SK.pdf")
    (root / "escape").symlink_to(outside, target_is_directory=True)
    (root / "escape.pdf").symlink_to(outside / "secret.pdf")
    assert [e.relpath for e in walk(root)] == ["SK.pdf"]


def test_a_link_loop_is_walked_once(tmp_path: Path) -> None:
    _touch(tmp_path / "a" / "b" / "Notulen.docx")
    (tmp_path / "a" / "b" / "back").symlink_to(tmp_path / "a", target_is_directory=True)
    assert [e.relpath for e in walk(tmp_path)] == ["a/b/Notulen.docx"]


def test_a_link_inside_the_root_is_followed(tmp_path: Path) -> None:
    _touch(tmp_path / "shared" / "Foto.jpg")
    (tmp_path / "rule").mkdir()
    (tmp_path / "rule" / "Foto rapat.jpg").symlink_to(tmp_path / "shared" / "Foto.jpg")
    assert sorted(e.relpath for e in walk(tmp_path)) == ["rule/Foto rapat.jpg", "shared/Foto.jpg"]


def test_a_missing_root_yields_nothing(tmp_path: Path) -> None:
    assert list(walk(tmp_path / "not-mounted")) == []
