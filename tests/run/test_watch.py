"""The watcher re-audits once per burst of changes and survives the share going away."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from auditor.run.watch import Watcher, is_noise, mount_fstype, needs_polling

pytestmark = pytest.mark.slow  # real sleeps: watchers and schedulers


class Runs:
    """The job the watcher calls: records each run's changed paths (None = everything)."""

    def __init__(self) -> None:
        self.calls: list[list[Path] | None] = []
        self.event = threading.Event()

    def __call__(self, paths: Sequence[Path] | None) -> None:
        self.calls.append(None if paths is None else list(paths))
        self.event.set()

    def wait(self, count: int, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.calls) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.calls) >= count, f"expected {count} run(s), saw {self.calls}"


def make_tree(tmp_path: Path) -> Path:
    root = tmp_path / "bukti"
    (root / "V Pengawasan" / "1 Gratifikasi").mkdir(parents=True)
    (root / "V Pengawasan" / "1 Gratifikasi" / "Laporan April.pdf").write_bytes(b"%PDF-1.4 old")
    return root


def burst(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        path = folder / f"Dokumentasi rapat {n:02d}.jpg"
        path.write_bytes(b"\xff\xd8\xff" + bytes([n]) * 64)
        made.append(path.resolve())
    return made


@pytest.mark.parametrize("polling", [True, False], ids=["polling", "inotify"])
def test_a_burst_of_fifty_files_is_one_run_with_those_files(tmp_path: Path, polling: bool) -> None:
    root = make_tree(tmp_path)
    runs = Runs()
    watcher = Watcher(root, runs, polling=polling, debounce_seconds=0.6, poll_interval=0.2)
    watcher.start()
    try:
        made = burst(root / "V Pengawasan" / "1 Gratifikasi" / "Mei", 50)
        (root / "V Pengawasan" / "~$Laporan.docx").write_bytes(b"lock")  # noise
        runs.wait(1)
        time.sleep(1.5)  # well past the debounce: nothing else may follow
        assert len(runs.calls) == 1, runs.calls
        changed = set(runs.calls[0])
        assert set(made) <= changed
        assert not any(p.name.startswith("~$") for p in changed)
    finally:
        watcher.stop()


def test_reports_and_state_inside_the_watched_tree_are_ignored(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    reports = root / "_laporan"
    reports.mkdir()
    runs = Runs()
    watcher = Watcher(root, runs, polling=True, debounce_seconds=0.3, poll_interval=0.2,
                      ignore=[reports])
    watcher.start()
    try:
        (reports / "gap-report.html").write_text("x")
        time.sleep(1.2)
        assert runs.calls == []
        (root / "baru.pdf").write_bytes(b"%PDF")
        runs.wait(1)
        assert runs.calls[0] == [(root / "baru.pdf").resolve()]
    finally:
        watcher.stop()


@pytest.mark.parametrize("polling", [True, False], ids=["polling", "inotify"])
def test_watcher_recovers_when_the_share_disappears_and_comes_back(tmp_path: Path, polling: bool) -> None:
    root = make_tree(tmp_path)
    runs = Runs()
    watcher = Watcher(root, runs, polling=polling, debounce_seconds=0.3, poll_interval=0.2)
    watcher.start()
    try:
        shutil.rmtree(root)  # the share goes away
        deadline = time.monotonic() + 10
        while watcher.healthy.is_set() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not watcher.healthy.is_set(), "the watcher did not notice the root was gone"
        make_tree(tmp_path)  # ...and comes back
        assert watcher.healthy.wait(10), "the watcher did not restart"
        runs.wait(1)
        assert runs.calls[-1] is None  # one full audit after coming back
        before = len(runs.calls)
        new = root / "V Pengawasan" / "1 Gratifikasi" / "Laporan Mei.pdf"
        new.write_bytes(b"%PDF-1.4 new")
        runs.wait(before + 1)
        assert new.resolve() in runs.calls[-1]
        assert watcher.restarts == 1
    finally:
        watcher.stop()


def test_a_changed_corrections_file_judges_the_reports_again(tmp_path: Path) -> None:
    """`zi-auditor review` writes corrections.yaml outside the tree: the watcher notices."""
    root = make_tree(tmp_path)
    corrections = tmp_path / "corrections.yaml"  # not there yet: the first `review` makes it
    runs = Runs()
    watcher = Watcher(root, runs, polling=False, debounce_seconds=0.3, poll_interval=0.2,
                      judged_by=[corrections])
    watcher.start()
    try:
        time.sleep(0.8)
        assert runs.calls == []  # nothing changed yet
        corrections.write_text("version: 1\n", encoding="utf-8")
        runs.wait(1)
        assert runs.calls == [[]]  # judge again; nothing in the tree to read again
        corrections.write_text("version: 1\nverdicts: []\n", encoding="utf-8")
        runs.wait(2)
        time.sleep(1)
        assert runs.calls == [[], []]
    finally:
        watcher.stop()


def test_noise_files_are_recognised() -> None:
    for name in ("~$Undangan.docx", ".~lock.Data.xlsx#", "Thumbs.db", "foto.jpg.crdownload",
                 "SK.pdf.part", "desktop.ini"):
        assert is_noise(name), name
    for name in ("Undangan Rapat.docx", "DSC_0001.JPG", "SK Tim ZI.pdf"):
        assert not is_noise(name), name


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//nas/zi /mnt/zi cifs rw,vers=3.0 0 0
nas:/export/bukti /srv/bukti\\040ZI nfs4 rw 0 0
gdrive: /home/sekretariat/GDrive fuse.rclone rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_network_shares_are_watched_by_polling() -> None:
    assert mount_fstype(Path("/mnt/zi/2022/V"), MOUNTS) == "cifs"
    assert needs_polling(Path("/mnt/zi/2022"), MOUNTS)
    assert needs_polling(Path("/srv/bukti ZI/I"), MOUNTS)
    assert needs_polling(Path("/home/sekretariat/GDrive/ZI"), MOUNTS)
    assert not needs_polling(Path("/home/sekretariat/Dokumen"), MOUNTS)
    assert not needs_polling(Path("/mnt/zi-lokal"), MOUNTS)
