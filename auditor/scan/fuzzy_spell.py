"""Typos in folder and file names, read as the word the plan uses: "MANNAJEMEN",
"Keterlibattan", "Evalausi", "Korodinasi".

A word is corrected only when it is not a known word itself, has 5 letters or more, holds no
digit (numbers and item numbers are never "corrected"), and exactly one known word of the
ruleset is that close: one edit (an added, dropped or changed letter, or two neighbours
swapped) for words up to 7 letters, two for longer ones, with the same first letter. Two
known words alike ("menetapkan" / "menerapkan") are both known, so neither is ever turned
into the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from auditor.scan import names

MIN_LETTERS = 5


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with swaps of neighbours (optimal string alignment); ``limit + 1`` as
    soon as it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed(word: str) -> int:
    return 1 if len(word) <= 7 else 2


class Speller:
    """Corrects words towards a vocabulary; each distinct word is looked at once."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.known = frozenset(w for w in vocabulary if w)
        self._by_letter: dict[str, list[str]] = defaultdict(list)
        for word in self.known:
            if len(word) >= MIN_LETTERS - 1 and word.isalpha():
                self._by_letter[word[0]].append(word)
        self._seen: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The known word ``word`` is a typo of, or None."""
        if word in self._seen:
            return self._seen[word]
        found = None
        if len(word) >= MIN_LETTERS and word.isalpha() and word not in self.known:
            limit = allowed(word)
            best: dict[int, list[str]] = defaultdict(list)
            for known in self._by_letter.get(word[0], ()):
                d = distance(word, known, limit)
                if d <= limit:
                    best[d].append(known)
            if best:
                closest = best[min(best)]
                found = closest[0] if len(closest) == 1 else None
        self._seen[word] = found
        return found

    def fix(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """``names.words(text)`` with typos corrected, and the (typo, word) pairs."""
        out, typos = [], []
        for word in names.words(text).split():
            right = self.correct(word)
            if right is not None:
                typos.append((word, right))
                word = right
            out.append(word)
        return " ".join(out), tuple(typos)
