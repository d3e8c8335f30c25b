"""Files to rules and parts.

A file belongs to the rule whose folder holds it (compared by ``names.segment_key``: case,
separators, numbering and the words after a rule id do not matter), else to the first rule
whose glob pattern matches it, else — offices keep their own layouts — to the rule that
``fuzzy`` reads clearly from its folders' and its own name (a guess, said so in the report).
Within the rule, its part is told by the words of its name,
then of the sub-folders between the rule folder and the file ("Dokumentasi/IMG_1.jpg"),
then, for images, "dokumentasi" when the rule has such a part, and — once the document was
read — by its heading or first lines; a rule with a single part takes every file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from auditor.documents.formats import format_of
from auditor.documents.kinds import KINDS
from auditor.rules.model import Part, Rule
from auditor.rules.patterns import match_pattern, normalize_name
from auditor.scan import names

if TYPE_CHECKING:
    from auditor.scan.folder_map import FolderMap, MapEntry
    from auditor.scan.fuzzy import FuzzyIndex, Guess


@dataclass(frozen=True)
class RuleMatch:
    """Where a file stands: its rule, the month its folder names, and its part by name."""

    rule: Rule
    folder_month: int | None  # from a month folder between the rule folder and the file
    subfolders: tuple[str, ...]  # folder names between the rule folder and the file
    part: Part | None  # told by the file's name or sub-folders; None: not yet
    matched_by: str = "folder"  # "map" | "folder" | "id" | "pattern" | "guess" (fuzzy)
    map_entry: MapEntry | None = None  # the folder map's line, when matched by "map"


class RuleIndex:
    """Looks up the rule of a relative path; built once per scan."""

    def __init__(self, rules: Iterable[Rule], year: int | None = None,
                 folder_map: FolderMap | None = None) -> None:
        self.rules = tuple(rules)
        self.year = year  # the plan year: folders of other years are never guessed
        self.folder_map = folder_map  # once an office has one, it comes first
        self._fuzzy: FuzzyIndex | None = None
        self._by_folder: dict[tuple[str, ...], Rule] = {}
        self._by_id: dict[str, Rule] = {}
        for rule in self.rules:
            self._by_id.setdefault(rule.id, rule)
            key = tuple(names.segment_key(s) for s in rule.folder.split("/") if s)
            if key:
                self._by_folder.setdefault(key, rule)
        self._dir_cache: dict[str, tuple[Rule, int, str] | None] = {}
        # Patterns by their first folder name, so a path is tried only against the patterns
        # that can match it (a tree in the office's own layout misses them all, file by file).
        self._patterns_by_head: dict[str, list[tuple[int, Rule, str]]] = {}
        self._patterns_anywhere: list[tuple[int, Rule, str]] = []
        for order, rule in enumerate(self.rules):
            for pattern in rule.patterns:
                head = next((s for s in re.split(r"[/\\]", pattern) if s not in ("", ".")), "")
                if not head or any(c in head for c in "*?["):
                    self._patterns_anywhere.append((order, rule, pattern))
                else:
                    self._patterns_by_head.setdefault(normalize_name(head), []).append(
                        (order, rule, pattern))

    def _by_directory(self, directory: str) -> tuple[Rule, int, str] | None:
        """The rule whose folder is ``directory`` or one of its parents, with its depth and
        how it was known ("folder" or "id")."""
        if directory in self._dir_cache:
            return self._dir_cache[directory]
        segments = [s for s in directory.split("/") if s]
        keys = [names.segment_key(s) for s in segments]
        found: tuple[Rule, int, str] | None = None
        for depth in range(len(keys), 0, -1):
            rule = self._by_folder.get(tuple(keys[:depth]))
            how = "folder"
            if rule is None and keys[depth - 1].startswith("#"):
                rule, how = self._by_id.get(keys[depth - 1][1:]), "id"
            if rule is not None:
                found = (rule, depth, how)
                break
        self._dir_cache[directory] = found
        return found

    def match(self, relpath: str, *, use_map: bool = True) -> RuleMatch | None:
        """The rule ``relpath`` belongs to, or None (``use_map=False``: as if the office had
        no folder map)."""
        directory, _, file_name = relpath.rpartition("/")
        if use_map and self.folder_map is not None:
            mapped = self.folder_map.lookup(directory)
            if mapped is not None:
                return by_map(*mapped, file_name)
        found = self._by_directory(directory)
        segments = [s for s in directory.split("/") if s]
        if found is not None:
            rule, depth, how = found
            below = tuple(segments[depth:])
        else:
            pattern_rule = self._by_pattern(relpath)
            if pattern_rule is None:
                guess = self.fuzzy.guess(relpath)
                if guess.rule is None:
                    return None
                return RuleMatch(guess.rule, guess.folder_month, guess.below,
                                 part_by_name(guess.rule, file_name, guess.below), "guess")
            rule, how = pattern_rule, "pattern"
            below = tuple(segments[-1:])
        return RuleMatch(rule, _month_below(below), below, part_by_name(rule, file_name, below),
                         how)

    @property
    def fuzzy(self) -> FuzzyIndex:
        """The tolerant matcher, built on first use (most trees never need it)."""
        if self._fuzzy is None:
            from auditor.scan.fuzzy import FuzzyIndex  # 10 ms of start-up a tidy tree never needs

            self._fuzzy = FuzzyIndex(self.rules, self.year)
        return self._fuzzy

    def explain(self, relpath: str) -> Guess:
        """Why ``relpath`` has no rule: no clear guess, several rules alike, an archive or
        another year's folder (see ``fuzzy.Guess.reason``), a folder the map says holds no
        evidence ("not_evidence"), or a folder mapped to several rules where the file's name
        does not say its part ("map_part")."""
        from auditor.scan.fuzzy import Guess

        mapped = self.mapped(relpath)
        if mapped is not None:
            entry = mapped[0]
            if entry.not_evidence:
                return Guess(None, "not_evidence", detail=entry.folder)
            return Guess(None, "map_part", tuple(dict.fromkeys(
                f"{x.rule.id} {x.kind}" if x.kind else x.rule.id for x in entry.targets)),
                detail=entry.folder)
        return self.fuzzy.guess(relpath)

    def mapped(self, relpath: str) -> tuple[MapEntry, tuple[str, ...]] | None:
        """The folder map's decided entry above ``relpath``, and the folders below it."""
        if self.folder_map is None:
            return None
        return self.folder_map.lookup(relpath.rpartition("/")[0])

    def not_evidence(self, relpath: str) -> bool:
        """The folder map says ``relpath``'s folder holds no evidence ("bukan bukti")."""
        mapped = self.mapped(relpath)
        return mapped is not None and mapped[0].not_evidence

    def _by_pattern(self, relpath: str) -> Rule | None:
        head = normalize_name(relpath.partition("/")[0])
        tries = self._patterns_by_head.get(head, [])
        if self._patterns_anywhere:
            tries = sorted([*tries, *self._patterns_anywhere], key=lambda t: t[0])
        for _, rule, pattern in tries:
            if match_pattern(pattern, relpath):
                return rule
        return None


def _month_below(below: tuple[str, ...]) -> int | None:
    """The month of the nearest month folder between a rule's folder and the file."""
    for segment in reversed(below):
        month = names.month_of_folder(segment)
        if month is not None:
            return month
    return None


def by_map(entry: MapEntry, below: tuple[str, ...], file_name: str) -> RuleMatch | None:
    """A file under a mapped folder: its rule, or — when the folder serves several rules and
    the file's name says none of their parts — None (``explain`` says why)."""
    if entry.not_evidence:
        return None
    month = _month_below(below)
    if len(entry.targets) == 1 and entry.targets[0].kind is None:
        rule = entry.targets[0].rule
        return RuleMatch(rule, month, below, part_by_name(rule, file_name, below), "map", entry)
    hits: dict[str, tuple[Rule, Part]] = {}
    for target in entry.targets:
        part = part_by_name(target.rule, file_name, below)
        if target.kind is not None:
            if part is None and len(entry.targets) == 1:  # "I.3.6 dokumentasi": every file
                part = next(p for p in target.rule.parts if p.kind == target.kind)
            if part is None or part.kind != target.kind:
                continue
        if part is not None:
            hits.setdefault(target.rule.id, (target.rule, part))
    if len(hits) != 1:
        return None
    rule, part = next(iter(hits.values()))
    return RuleMatch(rule, month, below, part, "map", entry)


@lru_cache(maxsize=1024)
def _words_for(part: Part, text_words: bool) -> tuple[str, ...]:
    """The words that identify ``part`` (its own, then its kind's), normalised once."""
    kind = KINDS.get(part.kind)
    own = part.text_words if text_words else part.name_words
    shared = (kind.text_words if text_words else kind.name_words) if kind else ()
    out = [names.words(w) for w in (*own, *shared)]
    return tuple(w for w in dict.fromkeys(out) if w)


def _earliest(text: str, parts: Iterable[Part], text_words: bool) -> Part | None:
    """The part whose word comes first in ``text`` (ties: the longer word)."""
    best: tuple[int, int] | None = None
    chosen: Part | None = None
    padded = f" {text} "
    for part in parts:
        for word in _words_for(part, text_words):
            pos = padded.find(f" {word} ")
            if pos < 0:
                continue
            score = (pos, -len(word))
            if best is None or score < best:
                best, chosen = score, part
    return chosen


def _accepts(part: Part, file_format: str) -> bool:
    return not part.formats or file_format in part.formats


def part_key(rule: Rule, part: Part) -> str:
    """How a part is named in verdicts: its kind, or its label when the kind is not unique."""
    same = sum(1 for p in rule.parts if p.kind == part.kind)
    return part.kind if same == 1 else part.label


def part_by_name(rule: Rule, file_name: str, subfolders: tuple[str, ...] = ()) -> Part | None:
    """The part a file is by its name (then its sub-folders' names), or None."""
    fmt = format_of(file_name)
    candidates = [p for p in rule.parts if _accepts(p, fmt)] or list(rule.parts)
    part = _earliest(names.name_words(file_name), candidates, False)
    for segment in reversed(subfolders):
        if part is not None:
            break
        if names.month_of_folder(segment) is None:
            part = _earliest(names.name_words(segment), candidates, False)
    if part is not None:
        return part
    if fmt == "image":
        for kind in ("dokumentasi", "screenshot"):
            for candidate in rule.parts:
                if candidate.kind == kind:
                    return candidate
    return None


def part_by_text(rule: Rule, title: str | None, text_head: str) -> Part | None:
    """The part a document is by its heading, then by its first lines."""
    for text in (title or "", text_head[:600]):
        part = _earliest(names.words(text), rule.parts, True)
        if part is not None:
            return part
    return None


def assign_part(match: RuleMatch, title: str | None = None, text_head: str = "") -> Part | None:
    """The file's part: by name, else by text, else the only part; None when it cannot be told."""
    if match.part is not None:
        return match.part
    part = part_by_text(match.rule, title, text_head)
    if part is not None:
        return part
    if len(match.rule.parts) == 1:
        return match.rule.parts[0]
    return None
