"""A month's report set, switched whole: a reader sees the old five files or the new five,
never a mix of two runs.

``reports_dir/<YYYY>-<MM>`` is a link to a generation folder ``reports_dir/.sets/<YYYY>-<MM>.<id>``.
A run writes every file of the new generation, then its manifest (names, sizes and SHA-256
of the files), then points the month's link at it with one ``rename`` — atomic on POSIX. A
run killed before that leaves the old generation in place and a stray folder that the next
run removes. The manifest is how a reader (``load.load_report_set``) tells a whole set from
a half-written or edited one, and it keeps the hash of the report's content so a run that
found nothing new can leave the set as it is.

Where links cannot be made (some network shares) the month folder is swapped by two
renames instead; a run killed between them leaves no month folder, never a mixed one.
The callers hold the audit lock, so one writer at a time.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.report.atomic import fsync_dir, write_new

SETS = ".sets"
MANIFEST = ".manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Manifest:
    files: dict[str, dict[str, object]]  # name -> {"size": int, "sha256": str}
    content: str  # hash of what the report says, see write.content_hash


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of ``folder``, or None when there is none or it cannot be read."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(files=dict(data["files"]), content=str(data.get("content", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_set(folder: Path) -> str | None:
    """None when every file the manifest names is there with its size and hash; else the
    first thing that is wrong, in a few words (a file name, "manifest")."""
    manifest = read_manifest(folder)
    if manifest is None:
        return MANIFEST
    for name, expected in manifest.files.items():
        try:
            data = (folder / name).read_bytes()
        except OSError:
            return name
        if len(data) != expected.get("size") or digest(data) != expected.get("sha256"):
            return name
    return None


def current_content(month_dir: Path) -> str | None:
    """The content hash of the set at ``month_dir``, or None (no set, or a file changed
    since it was written). Sizes and modification times only: a night's run must not read
    back a report of 100 000 files to learn that it need not write it."""
    manifest = read_manifest(month_dir)
    if manifest is None:
        return None
    for name, expected in manifest.files.items():
        try:
            st = (month_dir / name).stat()
        except OSError:
            return None
        if st.st_size != expected.get("size") or st.st_mtime_ns != expected.get("mtime_ns"):
            return None
    return manifest.content or None


def switch_in(month_dir: Path, files: Iterable[tuple[str, bytes]], content: str, *,
              beside: Iterable[tuple[str, bytes]] = ()) -> Path:
    """Write ``files`` as a new generation of ``month_dir`` and switch the month to it.

    ``beside``: files that go with this generation but are not part of the set (the evidence
    index, which `zi-auditor index` may write again by itself); they replace their old copies
    and are left out of the manifest. Other files beside the old set are carried forward.

    ``files`` may be a generator that renders each file when asked: only one rendered file
    is held in memory at a time (a report of 50 000 files is some 250 MB in five formats).
    If it fails, the new generation is removed and the month keeps its set."""
    top = month_dir.parent
    sets = top / SETS
    sets.mkdir(parents=True, exist_ok=True)
    generation = sets / f"{month_dir.name}.{time.time_ns():x}.{os.getpid()}"
    generation.mkdir()
    try:
        entries = {}
        for name, data in files:
            write_new(generation / name, data)
            entries[name] = {"size": len(data), "sha256": digest(data),
                             "mtime_ns": (generation / name).stat().st_mtime_ns}
            del data
        written = set(entries)
        for name, data in beside:
            write_new(generation / name, data)
            written.add(name)
        _carry_forward(month_dir, generation, written)
        manifest = {"version": MANIFEST_VERSION, "content": content, "files": entries}
        write_new(generation / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
        fsync_dir(generation)
        fsync_dir(sets)
    except BaseException:  # a render that failed, a full disk: the month keeps its set
        shutil.rmtree(generation, ignore_errors=True)
        raise
    previous = month_dir.resolve() if month_dir.is_symlink() else None
    _point(month_dir, generation)
    # the set just replaced stays one more run: a reader that followed the link a moment ago
    # (the mail of another process) still finds every file of it
    _remove_other_generations(sets, month_dir.name, keep={generation.resolve(), previous})
    return month_dir


def _carry_forward(month_dir: Path, generation: Path, written: set[str]) -> None:
    """Files beside the set that another command wrote (the evidence index) stay."""
    if not month_dir.is_dir():
        return
    for old in month_dir.iterdir():
        if old.name in written or old.name == MANIFEST or old.name.startswith(".") \
                or not old.is_file():
            continue
        try:
            os.link(old, generation / old.name)
        except OSError:
            shutil.copy2(old, generation / old.name)


def _point(month_dir: Path, generation: Path) -> None:
    """Make ``month_dir`` show ``generation``: one rename of a link, or two of folders."""
    top = month_dir.parent
    link = top / f".{month_dir.name}.{generation.name}.link"
    try:
        os.symlink(os.path.relpath(generation, top), link)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EACCES):
            raise
        _swap_folders(month_dir, generation)
        return
    try:
        if month_dir.is_dir() and not month_dir.is_symlink():  # a folder of an older version
            os.rename(month_dir, top / SETS / f"{month_dir.name}.old-{time.time_ns():x}")
        os.replace(link, month_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            link.unlink()
        raise
    fsync_dir(top)


def _swap_folders(month_dir: Path, generation: Path) -> None:
    top = month_dir.parent
    if month_dir.is_symlink():
        month_dir.unlink()
    elif month_dir.exists():
        os.rename(month_dir, top / SETS / f"{month_dir.name}.old-{time.time_ns():x}")
    os.rename(generation, month_dir)
    fsync_dir(top)


def _remove_other_generations(sets: Path, month: str, *, keep: set[Path | None]) -> None:
    """Generations of ``month`` no link points at any more (and links a killed run left)."""
    for folder in sets.glob(f"{month}.*"):
        if folder.resolve() not in keep and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
    for link in sets.parent.glob(f".{month}.*.link"):
        with contextlib.suppress(OSError):
            link.unlink()
