"""Rule patterns: globs relative to the evidence root, forgiving about how people type names.

``*`` matches within one folder or file name, ``?`` one character, ``**`` any number of
folders (also none). Matching ignores case and treats spaces, underscores and hyphens
alike (runs of them count as one), so "I Manajemen Perubahan/**" finds
"i_manajemen-perubahan/SK.pdf". Separators may be ``/`` or ``\\``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalize_name(text: str) -> str:
    """Lower case, with runs of spaces/underscores/hyphens made one space; no outer spaces."""
    return _SEPARATORS.sub(" ", text.lower()).strip()


def _segments(path: str) -> list[str]:
    return [normalize_name(s) for s in path.replace("\\", "/").split("/") if s not in ("", ".")]


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> tuple[str, ...]:
    """The pattern's normalised segments, each ``**`` run made one; a ``**`` at the end
    stands for at least one more name (a file below the folder), so it becomes ``*/**``."""
    out: list[str] = []
    for segment in _segments(pattern):
        if segment == "**" and out and out[-1] == "**":
            continue
        out.append(segment)
    if out and out[-1] == "**":
        out[-1:] = ["*", "**"]
    return tuple(out)


def _wildcard(pattern: Sequence[T], text: Sequence[T], star: T,
              same: Callable[[T, T], bool]) -> bool:
    """True when ``text`` matches ``pattern``, where ``star`` stands for any run of items
    (also none). Greedy with one step back to the last star: at most len(pattern) x
    len(text) comparisons whatever the pattern, so no pattern can make matching explode
    (a regular expression nesting one group per ``**`` took minutes on 20 files)."""
    p = t_ = 0
    back_p, back_t = -1, 0
    while t_ < len(text):
        if p < len(pattern) and pattern[p] == star:
            back_p, back_t = p, t_
            p += 1
        elif p < len(pattern) and same(pattern[p], text[t_]):
            p += 1
            t_ += 1
        elif back_p >= 0:  # let the last star take one more item, and go on from there
            back_t += 1
            p, t_ = back_p + 1, back_t
        else:
            return False
    while p < len(pattern) and pattern[p] == star:
        p += 1
    return p == len(pattern)


def _name_matches(pattern: str, name: str) -> bool:
    """One folder or file name against one pattern segment (``*``, ``?``)."""
    return _wildcard(pattern, name, "*", lambda a, b: a == "?" or a == b)


def match_pattern(pattern: str, relpath: str) -> bool:
    """True when ``relpath`` (relative to the evidence root) matches the rule ``pattern``."""
    return _wildcard(_compile(pattern), _segments(relpath), "**", _name_matches)


# What a pattern may hold: offices write a folder and one "**"; more is a mistake.
MAX_DOUBLE_STARS = 3
MAX_WILDCARDS = 12
MAX_PATTERN_CHARS = 400


def pattern_problem(pattern: str) -> str | None:
    """A message key when the pattern may not be used (absolute, or climbing out with ..)."""
    text = pattern.strip()
    if not text:
        return "rules.pattern_empty"
    if text.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", text):
        return "rules.pattern_absolute"
    if ".." in re.split(r"[/\\]", text):
        return "rules.pattern_parent"
    segments = re.split(r"[/\\]", text)
    if (len(text) > MAX_PATTERN_CHARS or segments.count("**") > MAX_DOUBLE_STARS
            or sum(text.count(c) for c in "*?") > MAX_WILDCARDS):
        return "rules.pattern_complex"
    return None
