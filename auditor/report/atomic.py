"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Files are created the way ``open`` creates them (mode 0o666 less the process umask), so an
office that runs the service with ``UMask=0077`` gets reports and state only its own user can
read: reports hold officials' names and addresses.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def _payload(path: Path, data: str | bytes) -> bytes:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(payload, bytes | bytearray):
        raise TypeError(f"cannot write {type(data).__name__} to {path}")
    return bytes(payload)


def write_new(path: Path, data: str | bytes) -> None:
    """Create ``path`` (it must not exist), write ``data`` and fsync it; the mode follows
    the umask. On failure the partial file is removed."""
    payload = _payload(path, data)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        raise


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename it over ``path``.

    On any failure the temporary file is removed and ``path`` keeps its old content.
    """
    payload = _payload(path, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    write_new(tmp, payload)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file's name durable (POSIX); a no-op where folders cannot be
    opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
