"""Rule patterns: globs relative to the evidence root, forgiving about how people type names.

``*`` matches within one folder or file name, ``?`` one character, ``**`` any number of
folders (also none). Matching ignores case and treats spaces, underscores and hyphens
alike (runs of them count as one), so "I Manajemen Perubahan/**" finds
"i_manajemen-perubahan/SK.pdf". Separators may be ``/`` or ``\\``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalize_name(text: str) -> str:
    """Lower case, with runs of spaces/underscores/hyphens made one space; no outer spaces."""
    return _SEPARATORS.sub(" ", text.lower()).strip()


def _segments(path: str) -> list[str]:
    return [normalize_name(s) for s in path.replace("\\", "/").split("/") if s not in ("", ".")]


def _segment_regex(segment: str) -> str:
    out = ""
    for char in segment:
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        else:
            out += re.escape(char)
    return out


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    segments = _segments(pattern)
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]*/)*")
        else:
            parts.append(_segment_regex(segment) + ("" if last else "/"))
    return re.compile("".join(parts) + r"\Z")


def match_pattern(pattern: str, relpath: str) -> bool:
    """True when ``relpath`` (relative to the evidence root) matches the rule ``pattern``."""
    return _compile(pattern).match("/".join(_segments(relpath))) is not None


def pattern_problem(pattern: str) -> str | None:
    """A message key when the pattern may not be used (absolute, or climbing out with ..)."""
    text = pattern.strip()
    if not text:
        return "rules.pattern_empty"
    if text.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", text):
        return "rules.pattern_absolute"
    if ".." in re.split(r"[/\\]", text):
        return "rules.pattern_parent"
    return None
