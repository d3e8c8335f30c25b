"""File names and paths: text that can go anywhere (SQLite, JSON, HTML, e-mail), and
whether one path lies inside another.

On Linux a file name is bytes; one copied from an old Windows share or a phone can hold bytes
that are not UTF-8. Python keeps them as lone surrogates, which every UTF-8 encoder refuses,
so a single such name would stop the run. ``shown`` writes those bytes as ``\\xNN``: the
name stays unique (it keys the facts cache) and tells the administrator which bytes to fix.
The file itself is always opened by its real name, never by this text.
"""

from __future__ import annotations

from pathlib import Path


def shown(name: str) -> str:
    """``name`` with bytes that are not UTF-8 written as ``\\xNN``; other text unchanged."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")  # how os.fsdecode kept the bytes
    except UnicodeEncodeError:  # a surrogate that never was a byte: show its code point
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def is_within(child: Path, parent: Path) -> bool:
    """True when ``child`` is ``parent`` or lies under it, links resolved (the tool never
    writes where the evidence is)."""
    try:
        child.resolve().relative_to(parent.resolve())
    except ValueError:
        return False
    return True
