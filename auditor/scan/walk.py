"""Walk the evidence tree: every real file under the root, never outside it, never twice.

``os.scandir`` gives the file type without a stat for most entries, so the walk costs one
``stat`` per file (size and mtime, which key the facts cache). Symbolic links are followed
only when their target lies inside the root; a folder reached twice (a link loop, a bind
mount) is walked once. Noise that office machines leave on shared drives is skipped.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterator
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from auditor.fsnames import shown
from auditor.i18n import t

# Exact names (lowercase) of files that are never evidence.
NOISE_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"})
# Partial downloads and editor/sync temporaries, by ending (lowercase).
NOISE_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp", ".temp", ".!qb",
                  ".opdownload", ".dwl", ".dwl2", ".swp", ".lnk")
_OFFICE_LOCK = re.compile(r"^(~\$|\.~lock\..*#$|~wrl\d+\.tmp$)", re.IGNORECASE)


def is_noise(name: str) -> bool:
    """True for a file name that can never be evidence (locks, thumbnails, partial files)."""
    if name[:1] in (".", "~") and (name[0] == "." or _OFFICE_LOCK.match(name)):
        return True  # hidden files (.~lock…#, ._AppleDouble, .sync…) and ~$ Office locks
    lower = name.lower()
    return lower in NOISE_NAMES or lower.endswith(NOISE_SUFFIXES)


def is_noise_dir(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower in ("$recycle.bin", "system volume information",
                                              "@eadir", "#recycle", "lost+found")


class Entry(NamedTuple):
    """One file of the tree (a tuple: cheap to make ten thousand times)."""

    relpath: str  # relative to the root, '/'-separated
    abspath: str  # the path as walked (may pass through an in-root link)
    size: int
    mtime: float  # st_mtime, seconds

    @property
    def path(self) -> Path:
        return Path(self.abspath)


_BY_NAME = attrgetter("name")


class OutsideRoot(OSError):
    """A symbolic link whose target lies outside the evidence root: not followed."""


def problem_text(exc: OSError, lang: str | None = None) -> str:
    """Why a file or folder could not be walked, in the user's words."""
    if isinstance(exc, OutsideRoot):
        return t("scan.link_outside", lang)
    key = _PROBLEM_KEYS.get(exc.errno or 0)
    if key:
        return t(key, lang)
    return t("scan.os_error", lang, reason=exc.strerror or type(exc).__name__)


_PROBLEM_KEYS = {errno.EACCES: "scan.no_permission", errno.EPERM: "scan.no_permission",
                 errno.ELOOP: "scan.link_loop", errno.ENOENT: "scan.vanished",
                 errno.ENOTDIR: "scan.not_a_folder", errno.EIO: "scan.io_error",
                 errno.ESTALE: "scan.io_error", errno.EHOSTDOWN: "scan.io_error"}


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def walk(root: Path, on_problem: Callable[[str, OSError], None] | None = None) -> Iterator[Entry]:
    """Yield every evidence file under ``root`` in a stable order (sorted per folder).

    ``on_problem(relpath, error)`` hears about folders or files that could not be read, and
    links that lead out of the root (``OutsideRoot``); the walk goes on without them.
    ``problem_text(error)`` says why in the user's words.
    """
    root_real = os.path.realpath(root)
    try:
        root_stat = os.stat(root_real)
    except OSError:
        return
    seen_dirs = {(root_stat.st_dev, root_stat.st_ino)}
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        dir_path, rel = stack.pop()
        try:
            with os.scandir(dir_path) as it:
                entries = sorted(it, key=_BY_NAME)
        except OSError as exc:
            if on_problem:
                on_problem(rel or ".", exc)
            continue
        subdirs: list[tuple[str, str]] = []
        prefix = f"{rel}/" if rel else ""
        for entry in entries:
            name = entry.name
            try:
                if not entry.is_symlink():  # the common case: d_type says it all, one stat
                    if entry.is_file(follow_symlinks=False):
                        if not is_noise(name):
                            st = entry.stat(follow_symlinks=False)
                            yield Entry(prefix + shown(name), entry.path, st.st_size, st.st_mtime)
                        continue
                    if not entry.is_dir(follow_symlinks=False):
                        continue  # sockets, fifos, devices: never evidence
                else:
                    real = os.path.realpath(entry.path)
                    if not _inside(real, root_real):  # never leave the root, but say so
                        raise OutsideRoot(errno.EXDEV, "link outside the evidence root")
                    if entry.is_file(follow_symlinks=True):
                        if not is_noise(name):
                            st = entry.stat(follow_symlinks=True)
                            yield Entry(prefix + shown(name), entry.path, st.st_size, st.st_mtime)
                        continue
                    if not entry.is_dir(follow_symlinks=True):
                        continue
                if is_noise_dir(name):
                    continue
                st = entry.stat(follow_symlinks=True)
                key = (st.st_dev, st.st_ino)
                if key in seen_dirs:
                    continue  # a loop or a second way into a folder already walked
                seen_dirs.add(key)
                subdirs.append((entry.path, prefix + shown(name)))
            except OSError as exc:
                if on_problem:
                    on_problem(prefix + shown(name), exc)
        stack.extend(reversed(subdirs))
