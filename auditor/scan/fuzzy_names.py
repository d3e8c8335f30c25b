"""Folder names as the tolerant matcher (``fuzzy``) reads them: area and item numbers
("Area III", "III.6", "1.1", "V."), a bukti fisik's letter ("c.", "04_"), the area a name
speaks of ("SDM", "Tata Laksana"), the kinds of document it names, months, years, archives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.rules.model import Rule
from auditor.scan import names
from auditor.scan.fuzzy_words import (
    ARABIC,
    ARCHIVE_WORDS,
    AREA_FILLER,
    AREA_WORDS,
    ROMAN,
    STOPWORDS,
    content,
    is_year,
    tokens,
)

_AREA_EXPLICIT = re.compile(r"^\s*area\s*[-_.:]?\s*(vi|iv|v|i{1,3}|[1-6])(?![a-z0-9])", re.I | re.A)
_TRIPLE = re.compile(r"^\s*(vi|iv|v|i{1,3}|[1-6])[._-](\d{1,2})[._-](\d{1,2})(?!\d)", re.I | re.A)
_PAIR = re.compile(r"^\s*(vi|iv|v|i{1,3}|[1-6])[._-](\d{1,2})(?![\d])(?![._-]\d)", re.I | re.A)
_ROMAN_PREFIX = re.compile(r"^\s*(vi|iv|v|i{1,3})(?:\s*[.)_-]\s*|\s+)(?=[a-z])", re.I | re.A)
_NUMBER_PREFIX = re.compile(r"^\s*(\d{1,2})(?:\s*[.)_-]\s*|\s+)(?=\D)", re.A)
_LETTER_PREFIX = re.compile(r"^\s*([a-h])\s*[.)]\s*(?=\S)", re.I | re.A)


@dataclass(frozen=True)
class Segment:
    """One folder name, read once."""

    area: str | None  # "Area III", "V.", or the area's name
    area_named: bool
    pair: tuple[str, int] | None  # ("III", 6) from "III.6" or "1.1"
    position: int | None  # a letter (a=1) or number prefix
    number: int | None  # a number prefix ("2. SPIP")
    roman: str | None  # a Roman numeral prefix
    words: tuple[str, ...]  # content words
    rest: tuple[str, ...]  # content words besides the area's name
    kinds: frozenset[str]
    month: int | None
    year_only: int | None  # the folder names only a year
    archive: bool


class FolderNames:
    """Reads folder names for one ruleset; each distinct name is read once."""

    def __init__(self, rules: Sequence[Rule], plan_year: int | None) -> None:
        self.rules = tuple(rules)
        self.plan_year = plan_year
        self._kind_phrases = self._kind_table()
        self._areas = self._area_table()
        self._segments: dict[str, Segment] = {}

    def _kind_table(self) -> tuple[tuple[str, str], ...]:
        from auditor.documents.kinds import KINDS

        phrases: dict[str, str] = {}
        for kind, entry in KINDS.items():
            for word in entry.name_words:
                phrases.setdefault(" ".join(tokens(word)), kind)
        # The ruleset's words for a kind are those most of its parts share; a word only one
        # rule's part has ("sop" of "Dokumen SOP") names that rule, not a kind.
        parts: dict[str, int] = defaultdict(int)
        uses: dict[tuple[str, str], int] = defaultdict(int)
        for rule in self.rules:
            for part in rule.parts:
                parts[part.kind] += 1
                for word in part.name_words:
                    uses[(part.kind, word)] += 1
        for (kind, word), n in uses.items():
            if n >= 2 and n >= 0.6 * parts[kind]:
                phrases.setdefault(" ".join(tokens(word)), kind)
        return tuple((p, k) for p, k in phrases.items() if p)

    def kinds_in(self, words: tuple[str, ...]) -> frozenset[str]:
        """The kinds of document that ``words`` (tokens) speak of."""
        padded = f" {' '.join(words)} "
        return frozenset(k for p, k in self._kind_phrases if f" {p} " in padded)

    def _area_table(self) -> tuple[tuple[str, str], ...]:
        phrases: dict[str, str] = {}
        for area, words in AREA_WORDS.items():
            for phrase in words:
                phrases[phrase] = area
        for rule in self.rules:
            name = [w for w in tokens(rule.area_name) if w not in AREA_FILLER
                    and w not in STOPWORDS]
            if name:
                phrases.setdefault(" ".join(name), rule.area)
        return tuple(sorted(phrases.items(), key=lambda pa: -len(pa[0])))

    def segment(self, segment: str) -> Segment:
        found = self._segments.get(segment)
        if found is None:
            found = self._segments[segment] = self._read(segment)
        return found

    def _read(self, segment: str) -> Segment:
        words = tokens(segment)
        month = names.month_of_folder(segment)
        kept = content(words, self.plan_year)
        years = {int(w) for w in words if is_year(w)}
        year_only = None
        if years and not [w for w in kept if not is_year(w)]:
            year_only = max(years)
        archive = any(w in ARCHIVE_WORDS for w in words)
        area, phrase = self._area_of(segment, words)
        pair = None
        position = number = None
        roman = None
        lower = segment.lower()
        if m := _TRIPLE.match(lower):
            pair = (area_key(m.group(1)), int(m.group(2)))
            position = int(m.group(3))
        elif m := _PAIR.match(lower):
            pair = (area_key(m.group(1)), int(m.group(2)))
        elif m := _LETTER_PREFIX.match(lower):
            position = ord(m.group(1)) - ord("a") + 1
            if m.group(1) in ROMAN:
                roman = ROMAN[m.group(1)]
        elif m := _NUMBER_PREFIX.match(lower):
            number = position = int(m.group(1))
        if roman is None and pair is None and (m := _ROMAN_PREFIX.match(lower)):
            roman = ROMAN[m.group(1)]
        kept = tuple(w for w in kept if not (w.isdecimal() and int(w) == self.plan_year))
        rest = tuple(w for w in kept if w not in phrase and w not in AREA_FILLER)
        return Segment(area, bool(phrase), pair, position, number, roman, kept, rest,
                        self.kinds_in(words), month, year_only, archive)

    def _area_of(self, segment: str, words: tuple[str, ...]) -> tuple[str | None, frozenset[str]]:
        """The area a folder names, and the words of its name found there."""
        padded = f" {' '.join(words)} "
        named: dict[str, set[str]] = defaultdict(set)
        for phrase, area in self._areas:
            if f" {phrase} " in padded:
                named[area].update(phrase.split())
        if len(named) == 1:
            area, said = next(iter(named.items()))
            return area, frozenset(said)
        if m := _AREA_EXPLICIT.match(segment):
            return area_key(m.group(1)), frozenset()
        return None, frozenset()


def kind_only(seg: Segment) -> bool:
    """A folder that only says a kind of document: "Dokumentasi", "b. Daftar Hadir"."""
    return len(seg.kinds) == 1 and not seg.words


def area_key(text: str) -> str:
    text = text.lower()
    return ARABIC.get(text) or ROMAN.get(text, text.upper())


def number_of(area: str) -> int:
    return {v: int(k) for k, v in ARABIC.items()}.get(area, 0)
