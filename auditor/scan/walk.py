"""Walk the evidence tree: every real file under the root, never outside it, never twice.

The walk costs one ``stat`` per file (size and mtime, which key the facts cache). Symbolic
links are followed only when their target lies inside the root; a folder reached twice (a
link loop, a bind mount) is walked once. Noise that office machines leave on shared drives
is skipped.

One ``os.scandir`` loop does it all: ``DirEntry`` gives the kind of each name without a
system call and one ``stat`` gives size and mtime; each folder's plain files are also listed
for the state (see ``Walked``). A C walker with threads measured about 3 % of a warm scan
faster on this hardware, not worth a compiler at install (docs/benchmarks.md).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from auditor.fsnames import shown
from auditor.i18n import t

# Exact names (lowercase) of files that are never evidence.
NOISE_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"})
# Partial downloads and editor/sync temporaries, by ending (lowercase).
NOISE_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp", ".temp", ".!qb",
                  ".opdownload", ".dwl", ".dwl2", ".swp", ".swx", ".lnk", "~")
_OFFICE_LOCK = re.compile(r"^(~\$|\.~lock\..*#$|~wrl\d+\.tmp$)", re.IGNORECASE)


def is_noise(name: str) -> bool:
    """True for a file name that can never be evidence (locks, thumbnails, partial files)."""
    if name[:1] in (".", "~") and (name[0] == "." or _OFFICE_LOCK.match(name)):
        return True  # hidden files (.~lock…#, ._AppleDouble, .sync…) and ~$ Office locks
    lower = name.lower()
    return lower in NOISE_NAMES or lower.endswith(NOISE_SUFFIXES)


# Folders that are never evidence (lowercase), besides every hidden ".folder".
NOISE_DIR_NAMES = ("$recycle.bin", "system volume information", "@eadir", "#recycle",
                   "lost+found")


def is_noise_dir(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower in NOISE_DIR_NAMES


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


@dataclass
class Walked:
    """The files of one walk, and what a warm scan needs to skip comparing them one by one.

    ``listings`` maps a folder (relative path, "" for the root) to the names, sizes and
    mtimes of its plain files, as bytes (None when its names could not all be read): a
    folder whose listing equals the last run's holds only unchanged files (``listed``:
    every entry's folder has one); files reached through a symbolic link (``unlisted``)
    are in none, so they are always compared one by one.
    """

    entries: list[Entry]
    listings: dict[str, bytes | None] = field(default_factory=dict)
    unlisted: set[str] = field(default_factory=set)
    listed: bool = False


OnProblem = Callable[[str, OSError], None]


def walk_tree(root: Path | str, on_problem: OnProblem | None = None) -> Walked:
    """Every evidence file under ``root``: per folder its files sorted by name, then its
    sub-folders, depth first.

    ``on_problem(relpath, error)`` hears about folders or files that could not be read, and
    links that lead out of the root (``OutsideRoot``); the walk goes on without them.
    ``problem_text(error)`` says why in the user's words.
    """
    root_real = os.path.realpath(root)
    try:
        root_stat = os.stat(root_real)
    except OSError:
        return Walked([])
    report = on_problem or (lambda rel, exc: None)
    walked = Walked([], listed=True)
    seen = {(root_stat.st_dev, root_stat.st_ino)}
    walked.entries.extend(_python_walk([(str(root), "", False)], root_real, seen, report, walked))
    return walked


def _follow(path: str, rel: str, root_real: str,
            seen_dirs: set[tuple[int, int]]) -> Entry | tuple[str, str] | None:
    """What the symbolic link at ``path`` leads to: a file (an Entry), a folder to walk
    (path, relpath), or nothing (noise, a broken link, a folder walked already).
    Raises ``OutsideRoot`` for a target outside the root, OSError when it cannot be read."""
    real = os.path.realpath(path)
    if not _inside(real, root_real):  # never leave the root, but say so
        raise OutsideRoot(errno.EXDEV, "link outside the evidence root")
    name = os.path.basename(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None  # a broken link: nothing to audit
    if stat.S_ISREG(st.st_mode):
        return None if is_noise(name) else Entry(rel, path, st.st_size, st.st_mtime)
    if not stat.S_ISDIR(st.st_mode) or is_noise_dir(name):
        return None
    key = (st.st_dev, st.st_ino)
    if key in seen_dirs:
        return None  # a loop or a second way into a folder already walked
    seen_dirs.add(key)
    return (path, rel)


def _python_walk(stack: list[tuple[str, str, bool]], root_real: str, seen_dirs: set[tuple[int, int]],
                 on_problem: OnProblem, walked: Walked) -> Iterator[Entry]:
    """Walk the folders of ``stack`` (path, relpath, reached through a link), listing each
    folder's plain files in ``walked.listings`` as it goes."""
    while stack:
        dir_path, rel, linked = stack.pop()
        try:
            with os.scandir(dir_path) as it:
                entries = sorted(it, key=_BY_NAME)
        except OSError as exc:
            on_problem(rel or ".", exc)
            walked.listings[rel] = None
            continue
        subdirs: list[tuple[str, str, bool]] = []
        prefix = f"{rel}/" if rel else ""
        listing: list[bytes] | None = []
        for entry in entries:
            name = entry.name
            try:
                if entry.is_symlink():
                    found = _follow(entry.path, prefix + shown(name), root_real, seen_dirs)
                    if isinstance(found, Entry):
                        walked.unlisted.add(found.relpath)
                        yield found
                    elif found:
                        subdirs.append((*found, True))
                elif entry.is_file(follow_symlinks=False):  # d_type says it all: one stat
                    if not is_noise(name):
                        st = entry.stat(follow_symlinks=False)
                        relpath = prefix + shown(name)
                        if linked:
                            walked.unlisted.add(relpath)
                        elif listing is not None:
                            listing.append(b"%s\0%d\0%d" % (os.fsencode(name), st.st_size, st.st_mtime_ns))
                        yield Entry(relpath, entry.path, st.st_size, st.st_mtime)
                elif entry.is_dir(follow_symlinks=False) and not is_noise_dir(name):
                    st = entry.stat()
                    key = (st.st_dev, st.st_ino)
                    if key not in seen_dirs:  # else a second way into a folder walked already
                        seen_dirs.add(key)
                        subdirs.append((entry.path, prefix + shown(name), linked))
                # sockets, fifos, devices: never evidence
            except OSError as exc:
                on_problem(prefix + shown(name), exc)
                listing = None  # a name that could not be read: compare this folder file by file
        if not linked:
            walked.listings[rel] = b"\n".join(listing) if listing is not None else None
        stack.extend(reversed(subdirs))
