"""Public API of the inspection stage: one file -> FileFacts; many files -> worker processes.

``inspect_file`` reads in this process, without a time limit (tests, one-off use);
``inspect_paths`` reads in worker processes with per-document time and size limits.
Neither raises for a bad document: FileFacts.error carries a plain message instead.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from auditor.documents.formats import format_of, reader_for
from auditor.fsnames import shown
from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import (
    CHANGED,
    CONTENT,
    CRASHED,
    IO,
    LIMIT,
    PERMISSION,
    VANISHED,
    FileFacts,
    Limits,
)
from auditor.inspect.pin import Changed, Expected, pinned

DEFAULT_LIMITS = Limits()  # frozen: safe to share as a default


def precheck(path: Path, display_path: str, limits: Limits) -> FileFacts:
    """FileFacts with size/mtime, and ``error`` set when the file cannot be read at all."""
    facts = FileFacts(path=display_path, format=format_of(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        facts.error, facts.error_kind = t("inspect.not_found"), VANISHED
        return facts
    except OSError as exc:
        facts.error, facts.error_kind = t("inspect.unreadable", reason=_os_reason(exc)), os_kind(exc)
        return facts
    facts.size, facts.mtime = st.st_size, st.st_mtime
    # A hint for people only (copies reset it); the file's properties replace it when read.
    facts.file_date, facts.file_date_source = date.fromtimestamp(st.st_mtime).isoformat(), "mtime"
    if not stat.S_ISREG(st.st_mode):  # a pipe would block a reader forever
        facts.error, facts.error_kind = t("inspect.not_a_file"), CHANGED  # the walk saw a file
    elif reader_for(path).reads_content and st.st_size > limits.max_bytes:
        facts.error = t("inspect.too_large", size_mb=_mb(st.st_size), limit_mb=_mb(limits.max_bytes))
        facts.error_kind = LIMIT
    elif st.st_size == 0:  # any format: an empty "SK 10 Mei.doc" must not pass on its name
        facts.error, facts.error_kind = t("inspect.empty"), CONTENT
    return facts


def os_kind(exc: OSError) -> str:
    """The error kind of a failed system call: none of them is a fact of the file's bytes."""
    if isinstance(exc, FileNotFoundError):
        return VANISHED
    if isinstance(exc, PermissionError):
        return PERMISSION
    if exc.errno in (errno.ENOTDIR, errno.ELOOP):  # a folder or link swapped in meanwhile
        return CHANGED
    return IO


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):  # the one a clerk can fix: say it in their words
        return t("inspect.no_permission")
    return exc.strerror or type(exc).__name__


def _mb(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def inspect_file(path: Path, *, display_path: str | None = None, limits: Limits = DEFAULT_LIMITS,
                 year: int | None = None, root: str | None = None,
                 expected: Expected | None = None, workdir: str | None = None) -> FileFacts:
    """Inspect one file in this process; never raises for a bad document.

    ``root`` and ``expected`` (size, mtime as the walk saw them) refuse a file that is not
    the one the walk saw or lies outside the root (``pinned``): an error, nothing read."""
    path = Path(path)
    facts = precheck(path, display_path or str(path), limits)
    if facts.error:
        if facts.format == "image" and facts.error != t("inspect.not_found"):
            from auditor.inspect.text import date_from_name

            date_from_name(facts, path, year)
        return facts
    try:
        with pinned(path, root=root, expected=expected, workdir=workdir) as readable:
            _read(readable, facts, year, limits)
        if facts.date_source == "blank":  # an unfilled date line: undated, said so in notes
            facts.date_source = None
    except BadDocument as exc:
        _failed(facts, exc.message, exc.error_kind)
    except Changed as exc:
        _failed(facts, t(exc.key), CHANGED)
    except FileNotFoundError:
        _failed(facts, t("inspect.not_found"), VANISHED)
    except MemoryError:  # the machine's, not the file's: another night may have more
        _failed(facts, t("inspect.unreadable", reason="memori habis"), CRASHED)
    except OSError as exc:
        _failed(facts, t("inspect.unreadable", reason=_os_reason(exc)), os_kind(exc))
    except RecursionError:
        _failed(facts, t("inspect.unreadable", reason="struktur terlalu dalam"), CONTENT)
    except Exception as exc:  # a reader's surprise must not stop the other files
        _failed(facts, t("inspect.unreadable", reason=f"{type(exc).__name__}: {str(exc)[:100]}"),
                CONTENT)
    if facts.title:  # readers of photos and other files take it from the name: make it text
        facts.title = shown(facts.title)
    return facts


def _failed(facts: FileFacts, message: str, kind: str) -> None:
    facts.error, facts.error_kind = message, kind
    facts.signed = facts.signature = facts.signer = None
    if facts.format != "image":  # an image keeps the date its name tells
        facts.date = facts.date_source = facts.date_evidence = None


def _read(path: Path, facts: FileFacts, year: int | None, limits: Limits) -> None:
    reader_for(path).read(path, facts, year, limits)


def inspect_paths(paths: Sequence[Path], *, limits: Limits = DEFAULT_LIMITS, year: int | None = None,
                  workers: int = 2, display: Callable[[Path], str] | None = None,
                  on_done: Callable[[FileFacts], None] | None = None, root: str | None = None,
                  expected: Sequence[Expected] | None = None) -> list[FileFacts]:
    """Inspect many files in worker processes; results in input order.

    A worker killed on timeout or crash yields FileFacts(error=...) for its file and is
    replaced; ``on_done`` is called here, in the parent, as each file finishes. ``root``
    and ``expected`` (per path, as the walk saw it) go to ``inspect_file``.
    """
    from auditor.inspect.sandbox import run_pool

    shown = [display(Path(p)) if display else str(p) for p in paths]
    return run_pool([Path(p) for p in paths], shown, limits=limits, year=year,
                    workers=max(1, workers), on_done=on_done, root=root, expected=expected)
