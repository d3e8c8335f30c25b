"""File names as text that can go anywhere (SQLite, JSON, HTML, e-mail).

On Linux a file name is bytes; one copied from an old Windows share or a phone can hold bytes
that are not UTF-8. Python keeps them as lone surrogates, which every UTF-8 encoder refuses,
so a single such name would stop the run. ``shown`` writes those bytes as ``\\xNN``: the
name stays unique (it keys the facts cache) and tells the administrator which bytes to fix.
The file itself is always opened by its real name, never by this text.
"""

from __future__ import annotations


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
