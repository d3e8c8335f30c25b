"""Walking a shared drive: every real file once, never outside the root, no noise.

One walker (``os.scandir``), and each folder's listing of its files for the state.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from office_kit import AS_NOBODY, give_to_nobody, shared_tmp

from auditor.scan.walk import is_noise, is_noise_dir, problem_text, walk_tree


def _walk(root: Path) -> list[str]:
    return [e.relpath for e in walk_tree(root).entries]


def _touch(path: Path, data: bytes = b"x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_office_noise_and_partial_downloads_are_not_evidence(tmp_path: Path) -> None:
    names = ["~$Undangan.docx", ".~lock.DH rakor.docx#", ".DS_Store", "Thumbs.db", "THUMBS.DB",
             "desktop.ini", "SK Tim.pdf.crdownload", "foto.jpg.part", "~WRL0003.tmp",
             "Undangan.pdf", "~$Notulen Ã©.docx", "Foto kegiatan Ã©.jpg.PART"]
    for name in names:
        _touch(tmp_path / "I.1.4 SK" / name)
    for folder in (".git", "$RECYCLE.BIN", "@eaDir", "System Volume Information"):
        _touch(tmp_path / folder / "Undangan lama.pdf")
    assert _walk(tmp_path) == ["I.1.4 SK/Undangan.pdf"]
    assert is_noise("THUMBS.DB") and not is_noise("DH_rakor.docx")
    assert is_noise_dir("$Recycle.Bin") and not is_noise_dir("05 Mei")


def test_entries_carry_size_mtime_and_slash_paths(tmp_path: Path) -> None:
    _touch(tmp_path / "a" / "05 Mei" / "DH.pdf", b"12345")
    os.utime(tmp_path / "a" / "05 Mei" / "DH.pdf", ns=(1652400000_123456789,) * 2)
    (entry,) = walk_tree(tmp_path).entries
    assert entry.relpath == "a/05 Mei/DH.pdf"
    assert entry.abspath == str(tmp_path / "a" / "05 Mei" / "DH.pdf")
    assert entry.size == 5
    assert entry.mtime == os.stat(entry.abspath).st_mtime  # to the last bit: it keys the cache


def test_files_come_per_folder_by_name_then_the_sub_folders(tmp_path: Path) -> None:
    for rel in ("b.pdf", "a/z.pdf", "a/b/c.pdf", "a/a.pdf", "c/x.pdf", "a.pdf", "Z.pdf"):
        _touch(tmp_path / rel)
    assert _walk(tmp_path) == ["Z.pdf", "a.pdf", "b.pdf", "a/a.pdf", "a/z.pdf",
                                       "a/b/c.pdf", "c/x.pdf"]


def test_a_link_out_of_the_root_is_not_followed_and_said(tmp_path: Path) -> None:
    root, outside = tmp_path / "root", tmp_path / "outside"
    _touch(outside / "secret.pdf")
    _touch(root / "SK.pdf")
    (root / "escape").symlink_to(outside, target_is_directory=True)
    (root / "escape.pdf").symlink_to(outside / "secret.pdf")
    problems: list[tuple[str, str]] = []
    walked = walk_tree(root, lambda rel, exc: problems.append((rel, problem_text(exc, "en"))))
    assert [e.relpath for e in walked.entries] == ["SK.pdf"]
    assert [rel for rel, _ in problems] == ["escape", "escape.pdf"]
    assert all("outside" in text for _, text in problems)


def test_a_link_loop_is_walked_once(tmp_path: Path) -> None:
    _touch(tmp_path / "a" / "b" / "Notulen.docx")
    (tmp_path / "a" / "b" / "back").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    assert _walk(tmp_path) == ["a/b/Notulen.docx"]


def test_a_link_inside_the_root_is_followed(tmp_path: Path) -> None:
    _touch(tmp_path / "shared" / "Foto.jpg")
    _touch(tmp_path / "arsip 2021" / "05 Mei" / "DH.pdf")
    (tmp_path / "rule").mkdir()
    (tmp_path / "rule" / "Foto rapat.jpg").symlink_to(tmp_path / "shared" / "Foto.jpg")
    (tmp_path / "rule" / "Mei").symlink_to(tmp_path / "arsip 2021" / "05 Mei")
    (tmp_path / "rule" / "broken.pdf").symlink_to(tmp_path / "gone.pdf")
    walked = walk_tree(tmp_path)
    assert sorted(e.relpath for e in walked.entries) == [
        "arsip 2021/05 Mei/DH.pdf", "rule/Foto rapat.jpg", "shared/Foto.jpg"]
    # "rule/Mei" is the folder "arsip 2021/05 Mei", reached a second way: walked once


def test_a_missing_root_yields_nothing(tmp_path: Path) -> None:
    assert _walk(tmp_path / "not-mounted") == []


def test_names_that_are_not_utf8_are_shown_and_still_opened(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/Undangan rapat \xe9t\xe9.pdf"
    with open(raw, "wb") as handle:
        handle.write(b"%PDF-1.4")
    (entry,) = walk_tree(tmp_path).entries
    assert entry.relpath == "Undangan rapat \\xe9t\\xe9.pdf"
    assert os.fsencode(entry.abspath) == raw  # the path still opens the file


def test_a_folder_that_cannot_be_read_is_said_and_the_rest_walked() -> None:
    # Run as nobody: root reads every folder. Both walkers in one child process.
    with shared_tmp() as shared:
        root = shared / "drive"
        _touch(root / "I.1.1 SK" / "SK.pdf")
        _touch(root / "I.1.2 Rahasia" / "Notulen.pdf")
        give_to_nobody(root)
        (root / "I.1.2 Rahasia").chmod(0o000)
        result = _as_nobody(root)
    files, problems = result
    assert files == ["I.1.1 SK/SK.pdf"]
    assert problems == [["I.1.2 Rahasia", problems[0][1]]] and "permission" in problems[0][1].lower()


def _as_nobody(root: Path) -> list:
    code = ("import json, sys; from auditor.scan.walk import walk_tree, problem_text\n"
            "problems = []\n"
            "w = walk_tree(sys.argv[1], lambda r, e: problems.append([r, problem_text(e, 'en')]))\n"
            "print(json.dumps([[e.relpath for e in w.entries], problems]))\n")
    done = subprocess.run([*AS_NOBODY, sys.executable, "-c", code, str(root)], capture_output=True,
                          text=True, cwd=Path(__file__).resolve().parents[2], check=True)
    return json.loads(done.stdout)


def _messy_tree(root: Path) -> None:
    """Everything a shared drive holds, many folders deep and wide."""
    for area in range(1, 4):
        for item in range(1, 5):
            base = root / f"{'I' * area} Area" / f"{area}.{item} Kegiatan"
            for month in ("01 Januari", "2022-02", "Mei"):
                for n in range(6):
                    _touch(base / month / f"Undangan {n}.pdf", b"x" * (n + area))
                _touch(base / month / "Thumbs.db")
                _touch(base / month / "~$DH.docx")
            _touch(base / "Foto é kegiatan.jpg")
            _touch(base / ".sync" / "hidden.pdf")
    os.mkfifo(root / "I Area" / "a fifo")
    (root / "I Area" / "shortcut.pdf").symlink_to(root / "II Area" / "2.1 Kegiatan" / "Mei" / "Undangan 1.pdf")
    (root / "I Area" / "loop").symlink_to(root, target_is_directory=True)
    _touch(root / "wide" / "x.pdf")
    for n in range(3000):
        (root / "wide" / f"Dokumentasi {n:04d}.jpg").write_bytes(b"")
    deep = root / "deep"
    for level in range(60):
        deep = deep / f"{level}"
    _touch(deep / "Laporan.pdf")


def test_a_messy_tree_gives_every_file_once_and_lists_its_folders(tmp_path: Path) -> None:
    _messy_tree(tmp_path)
    walked = walk_tree(tmp_path)
    paths = [e.relpath for e in walked.entries]
    assert len(paths) == len(set(paths)) == 3 * 4 * (3 * 6 + 1) + 3001 + 1 + 1
    assert walked.unlisted == {"I Area/shortcut.pdf"}  # reached through a link: compared alone
    assert "wide/Dokumentasi 2999.jpg" in paths and not any("Thumbs.db" in p or "~$" in p for p in paths)
    assert walked.listed and walked.listings["wide"].count(b"\n") == 3000
    assert not any(rel.startswith("I Area/loop") for rel in walked.listings)


def _listings(root: Path) -> dict[str, bytes]:
    return walk_tree(root).listings


def test_a_folder_listing_changes_exactly_when_its_files_do(tmp_path: Path) -> None:
    for rel in ("a/SK.pdf", "a/05 Mei/DH.pdf", "b/Foto.jpg"):
        _touch(tmp_path / rel, b"12345")
    before = _listings(tmp_path)
    assert set(before) == {"", "a", "a/05 Mei", "b"}
    assert _listings(tmp_path) == before  # nothing changed

    _touch(tmp_path / "a" / "Thumbs.db")  # noise is not evidence: no change
    os.utime(tmp_path / "b")  # a folder touched, its files the same
    assert _listings(tmp_path) == before

    st = (tmp_path / "a" / "SK.pdf").stat()  # saved in place: same size, 1 ns later
    os.utime(tmp_path / "a" / "SK.pdf", ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    after = _listings(tmp_path)
    assert {k for k in before if before[k] != after[k]} == {"a"}

    (tmp_path / "a" / "05 Mei" / "DH.pdf").rename(tmp_path / "a" / "05 Mei" / "DH rakor.pdf")
    _touch(tmp_path / "c" / "new.pdf")
    again = _listings(tmp_path)
    assert {k for k in after if after[k] != again.get(k)} == {"a/05 Mei"}
    assert set(again) - set(after) == {"c"}
