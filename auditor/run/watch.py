"""`zi-auditor watch`: re-audit soon after files change in the evidence tree.

- watchdog's native observer (inotify), or its polling observer when the config says so or
  when the root is on a network file system (cifs, smb, nfs, fuse.*, 9p, davfs), where
  inotify sees nothing of what other machines write.
- Bursts are debounced: after the last event, ``debounce_seconds`` of quiet, then ONE run
  with the set of changed paths (copying 200 files is one re-audit, not 200).
- Noise (Office lock files ``~$``/``.~lock``, Thumbs.db, partial downloads) and anything
  under state_dir/reports_dir is ignored.
- Files outside the tree that change the verdicts — the corrections people make with
  `zi-auditor review` and the folder map — are looked at on every health tick (one `stat`
  each): when one changes, the reports are judged again with nothing re-read.
- Health check: when the observer or its emitter thread died, or the root vanished or was
  replaced (a share unmounted and mounted again), the observer is stopped, the watcher waits
  for the root to come back, restarts the observer and runs one full audit.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from auditor.i18n import t
from auditor.scan.walk import is_noise as is_noise_name

log = logging.getLogger("auditor.run")

NETWORK_FS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "davfs", "afs", "ceph", "sshfs"}
IGNORED_EVENTS = {"opened", "closed_no_write"}


def is_noise(path: str | os.PathLike[str]) -> bool:
    """An event on a file the walk skips anyway (locks, temporaries): no rescan for it."""
    return is_noise_name(os.path.basename(os.fspath(path)))


def _unescape(field: str) -> str:
    """/proc/mounts writes a space in a mount point as \\040 (octal)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_fstype(path: Path, mounts_text: str | None = None) -> str | None:
    """The file system type of the mount that holds ``path`` (longest mount point)."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = Path(os.path.realpath(path))
    best, best_type = -1, None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(_unescape(fields[1]))
        if (target == point or point in target.parents) and len(point.parts) > best:
            best, best_type = len(point.parts), fields[2]
    return best_type


def needs_polling(path: Path, mounts_text: str | None = None) -> bool:
    fstype = (mount_fstype(path, mounts_text) or "").lower()
    return fstype in NETWORK_FS or fstype.startswith("fuse.") or fstype == "fuse"


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells a file changed without reading it: inode, size, mtime (None = absent)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class _Collector(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in IGNORED_EVENTS:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's mtime changes with every file in it: the files tell more
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        self.watcher.note([os.fsdecode(p) for p in paths if p])


class Watcher:
    """Watch ``root`` and call ``on_change(paths)`` once per burst; ``None`` = audit all."""

    def __init__(self, root: Path, on_change: Callable[[Sequence[Path] | None], object], *,
                 polling: bool | None = None, debounce_seconds: float = 5.0,
                 poll_interval: float = 2.0, ignore: Sequence[Path] = (), lang: str | None = None,
                 judged_by: Sequence[Path] = ()) -> None:
        self.root = Path(root)
        self.on_change = on_change
        self.polling = needs_polling(self.root) if polling is None else polling
        self.debounce = debounce_seconds
        self.poll_interval = poll_interval
        self.ignore = [Path(os.path.realpath(p)) for p in ignore]
        self.lang = lang
        self.judged_by = [Path(p) for p in judged_by]
        self._judged_by_seen = {p: _signature(p) for p in self.judged_by}
        self._judge_again = False
        self.runs = 0
        self.restarts = 0
        self.healthy = threading.Event()
        self._changed: set[str] = set()
        self._last_event = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._observer: BaseObserver | None = None
        self._identity: tuple[int, int] | None = None
        self._thread: threading.Thread | None = None

    # -- events --------------------------------------------------------------------------
    def note(self, paths: Sequence[str]) -> None:
        keep = []
        for path in paths:
            if is_noise(path):
                continue
            real = Path(os.path.realpath(path))
            if any(real == p or p in real.parents for p in self.ignore):
                continue
            keep.append(str(real))
        if keep:
            with self._lock:
                self._changed.update(keep)
                self._last_event = time.monotonic()

    def _look_at_judging_files(self) -> None:
        """A corrections file or folder map that changed since the last look: judge again."""
        for path in self.judged_by:
            now = _signature(path)
            if now != self._judged_by_seen[path]:
                self._judged_by_seen[path] = now
                log.info(t("run.watch.judged_by_changed", self.lang, path=path))
                with self._lock:
                    self._judge_again = True
                    self._last_event = time.monotonic()

    # -- observer life -------------------------------------------------------------------
    def _root_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.root)
        except OSError:
            return None
        return (st.st_dev, st.st_ino) if os.path.isdir(self.root) else None

    def _start_observer(self) -> None:
        observer = PollingObserver(timeout=self.poll_interval) if self.polling else Observer()
        observer.schedule(_Collector(self), str(self.root), recursive=True)
        observer.daemon = True
        observer.start()
        self._observer = observer
        self._identity = self._root_identity()
        self.healthy.set()
        log.info(t("run.watch.started", self.lang, root=self.root,
                   mode=t("run.watch.polling" if self.polling else "run.watch.native", self.lang)))

    def _stop_observer(self) -> None:
        observer, self._observer = self._observer, None
        self.healthy.clear()
        if observer is None:
            return
        try:
            observer.stop()
            observer.join(5)
        except Exception:  # noqa: BLE001 - a dead observer may fail to stop; it is gone anyway
            log.debug("observer stop failed", exc_info=True)

    def _is_healthy(self) -> bool:
        observer = self._observer
        if observer is None or not observer.is_alive():
            return False
        if any(not emitter.is_alive() for emitter in list(observer.emitters)):
            return False
        if not observer.emitters:
            return False
        return self._root_identity() == self._identity and self._identity is not None

    def _recover(self) -> bool:
        """Wait for the root to come back, then restart the observer; False when stopping."""
        log.warning(t("run.watch.lost", self.lang, root=self.root))
        self._stop_observer()
        while self._root_identity() is None:
            if self._stop.wait(self.poll_interval):
                return False
        while not self._stop.is_set():
            try:
                self._start_observer()
                break
            except OSError as exc:
                log.warning(t("run.watch.restart_failed", self.lang, reason=exc.strerror or exc))
                if self._stop.wait(self.poll_interval):
                    return False
        self.restarts += 1
        with self._lock:
            self._changed.clear()
        log.info(t("run.watch.back", self.lang, root=self.root))
        self._run(None)  # what changed while it was away is unknown: audit everything
        return not self._stop.is_set()

    # -- the loop ------------------------------------------------------------------------
    def _run(self, paths: Sequence[Path] | None) -> None:
        self.runs += 1
        try:
            self.on_change(paths)
        except Exception as exc:  # noqa: BLE001 - one failed run must not end the watch
            log.error(t("run.log.failed", self.lang,
                        error=getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"))

    def _loop(self) -> None:
        tick = min(0.25, max(0.05, self.debounce / 4))
        last_health = time.monotonic()
        while not self._stop.wait(tick):
            now = time.monotonic()
            if now - last_health >= self.poll_interval:
                last_health = now
                if not self._is_healthy() and not self._recover():
                    return
                self._look_at_judging_files()
            with self._lock:
                pending = bool(self._changed) or self._judge_again
                ready = pending and now - self._last_event >= self.debounce
                batch = sorted(self._changed) if ready else []
                if ready:
                    self._changed.clear()
                    self._judge_again = False
            if ready:
                self._run([Path(p) for p in batch])  # [] = nothing to re-read, judge again

    def start(self) -> None:
        if self._root_identity() is None:
            raise FileNotFoundError(self.root)
        self._start_observer()
        self._thread = threading.Thread(target=self._loop, name="zi-auditor-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
        self._stop_observer()
