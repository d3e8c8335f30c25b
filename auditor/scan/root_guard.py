"""Is the evidence tree there, and did it stay there while it was read?

An unmounted share looks like an empty folder, a share that drops mid-scan like files and
folders that vanish or fail with I/O errors. Judging such a tree would tell every Tim lead
that their evidence is missing, so the run stops instead (exit 3, ROOT_UNAVAILABLE): the
last good report stays, no mail goes to the teams, and the pipeline keeps nothing the run
learnt. Each check returns the plain sentence that says why, or None when the tree is fine.

- ``before_reading``: after the walk. A missing or unreadable root, a root without a single
  folder, a tree that lost more than ``max_loss`` percent of the files of the last good run,
  or a folder or file that vanished or failed with an I/O error during the walk. A tree whose
  folders hold no file yet (the day ``init-tree`` made them) is not unmounted: it is audited,
  everything missing.
- ``after_reading``: after the files were read. An I/O error on any file, a file that
  vanished together with its folder or while the root lost every folder, or many files
  (``MIN_LOST`` and more than ``max_loss`` percent) vanished or refused at once (a share
  that lost its login). One file deleted by a person while its folder stays is no drop,
  nor one file that may not be read: they are read again next run.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from auditor.i18n import t
from auditor.inspect.facts import IO, PERMISSION, VANISHED, FileFacts
from auditor.scan.walk import Entry, is_noise_dir, problem_text

# What a share that went away answers (besides files and folders that vanish).
SHARE_ERRNOS = frozenset({errno.ENOENT, errno.EIO, errno.ESTALE, errno.EHOSTDOWN,
                          errno.EHOSTUNREACH, errno.ENOTCONN, errno.ETIMEDOUT, errno.ENODEV,
                          errno.ENXIO, errno.ECONNRESET, errno.ECONNABORTED,
                          errno.EREMOTEIO, errno.ENOMEDIUM})
WalkError = tuple[str, OSError]  # (relpath, what the walk met there)
MIN_LOST = 10  # files gone or refused while read before their share counts as a drop


def has_folders(root: Path) -> bool:
    """True when ``root`` holds at least one folder that is not noise."""
    try:
        with os.scandir(root) as it:
            return any(e.is_dir() and not is_noise_dir(e.name) for e in it)
    except OSError:
        return False


def before_reading(root: Path, entries: Sequence[Entry], walk_errors: Sequence[WalkError],
                   last_good_files: int | None, max_loss: float, lang: str) -> str | None:
    """Why the walked tree must not be audited, or None (see the module docstring)."""
    if not root.exists():
        return t("audit.root_missing", lang, root=root)
    if not root.is_dir():
        return t("audit.root_not_dir", lang, root=root)
    unread = [exc for rel, exc in walk_errors if rel == "."]
    if unread:  # not "empty": the folder is there, the audit may not look inside
        return t("audit.root_unreadable", lang, root=root, error=problem_text(unread[0], lang))
    if not entries and not has_folders(root):
        return t("audit.root_empty", lang, root=root)
    if last_good_files:
        lost = 100.0 * (last_good_files - len(entries)) / last_good_files
        if lost > max_loss:
            return t("audit.root_shrunk", lang, root=root, now=len(entries),
                     before=last_good_files, percent=round(lost))
    for rel, exc in walk_errors:
        if exc.errno in SHARE_ERRNOS:
            return t("audit.root_dropped", lang, root=root, path=rel,
                     error=problem_text(exc, lang))
    return None


def after_reading(root: Path, entries: Sequence[Entry], read: Mapping[str, FileFacts],
                  max_loss: float, lang: str) -> str | None:
    """Why what was just read must not be trusted, or None (see the module docstring)."""
    by_path = {e.relpath: e for e in entries}
    vanished: list[str] = []
    for relpath, facts in sorted(read.items()):
        if facts.error_kind == IO:
            return t("audit.root_dropped", lang, root=root, path=relpath, error=facts.error)
        if facts.error_kind == VANISHED:
            vanished.append(relpath)
            entry = by_path.get(relpath)
            if entry is not None and not os.path.isdir(os.path.dirname(entry.abspath)):
                return t("audit.root_dropped", lang, root=root, path=relpath, error=facts.error)
    if vanished and not has_folders(root):
        return t("audit.root_dropped", lang, root=root, path=vanished[0],
                 error=read[vanished[0]].error)
    # A share that drops or loses its login mid-scan: many files gone or refused at once.
    lost = [p for p, f in sorted(read.items()) if f.error_kind in (VANISHED, PERMISSION)]
    if len(lost) >= MIN_LOST and 100.0 * len(lost) / max(1, len(entries)) > max_loss:
        return t("audit.root_dropped", lang, root=root, path=lost[0], error=read[lost[0]].error)
    return None
