"""Read the file the walk saw, and only it: no link swapped in since, nothing outside the root.

Between the walk and the read a file can be replaced, by a person or by someone who wants
the audit to read what it must not: a symbolic link to a file outside the evidence root.
``pinned`` opens the file once (without blocking, so a pipe swapped in cannot hang the
reader), checks what it opened with ``fstat`` and the kernel's own name for the open file
(``/proc/self/fd``), and refuses (``Changed``) a file that is no longer a plain file, whose
size or mtime are not those the walk saw, or that lies outside the root. The readers then
open a private symbolic link, named like the file (readers take dates and titles from the
name), to ``/proc/<pid>/fd/<n>``: whatever happens to the path meanwhile, they read the very
file that was checked. Where there is no /proc (not Linux) the checks are made on the path
and the readers read the path.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Expected = tuple[int, float]  # (size, mtime) as the walk saw them


class Changed(Exception):
    """The file is not the one the walk saw (or lies outside the root): not read.
    ``key``: the message that says so (inspect.changed, or inspect.not_a_file)."""

    def __init__(self, key: str = "inspect.changed") -> None:
        super().__init__(key)
        self.key = key


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def _open_name(fd: int) -> str | None:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def _link(fd: int, name: str, workdir: str | None) -> Path | None:
    """A private symbolic link called ``name`` to the open file ``fd``, or None."""
    try:
        made = tempfile.mkdtemp(prefix="zi-read-", dir=workdir)
    except OSError:
        return None
    link = Path(made) / name
    try:
        os.symlink(f"/proc/{os.getpid()}/fd/{fd}", link)
    except OSError:
        shutil.rmtree(made, ignore_errors=True)
        return None
    return link


@contextmanager
def pinned(path: Path, *, root: str | None = None, expected: Expected | None = None,
           workdir: str | None = None) -> Iterator[Path]:
    """The path readers should open for ``path``: the file as checked (see the module
    docstring). Raises ``Changed``, or OSError when the file cannot be opened at all."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    made: str | None = None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Changed("inspect.not_a_file")
        if expected is not None and (st.st_size, st.st_mtime) != expected:
            raise Changed()  # size or mtime are not the walk's
        name = _open_name(fd)
        if root is not None:
            real = name if name is not None else os.path.realpath(path)
            if not _inside(real, os.path.realpath(root)):
                raise Changed()  # outside the evidence root
        link = _link(fd, path.name, workdir) if name is not None else None
        if link is None:  # no /proc, or no temporary folder: the checked path is all there is
            yield path
            return
        made = str(link.parent)
        yield link
    finally:
        os.close(fd)
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
