"""A guess for files that no rule folder, rule id or glob claims: offices keep their own layout.

"AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/a. Undangan, DH, Dok Rakor Pembentukan Tim/x.pdf"
is read folder by folder, top down:

- the AREA: "Area III", "V.", "1. Manajemen Perubahan", or its name alone ("SDM",
  "Tata Laksana", "Pengawasan"...); the first folder that names one sets it;
- the ITEM within the area: "III.6", "1.1", "2. SPIP", or its KOMPONEN words ("Tim Kerja",
  "SOP"). A number whose folder words say nothing of that item only favours it;
- below the item, every folder and the file name add their words; the first of these
  folders may carry the bukti fisik's letter or number ("c. Kartu Kendali", "04_SK").

Each rule of the area (or item, or all rules when neither is known) then scores: the rare
words it shares with the path (TF-IDF over the ruleset's evidence texts; indicator and
action words count a quarter), the kinds of document the names speak of that its parts are
(undangan, daftar hadir, risalah, SK...; the file's own name counts most), its letter, and
whether it takes the file's format. The best rule is taken only when it is clearly ahead of
the next one; otherwise the file stays unmatched and the report lists it, with the rules it
could be. Folders named as an archive or a year other than the plan's are never guessed.
Everything about a folder is worked out once per folder.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.documents.formats import format_of
from auditor.rules.model import Rule
from auditor.scan import names
from auditor.scan.fuzzy_names import FolderNames, kind_only, number_of
from auditor.scan.fuzzy_words import content, is_year, tokens

# Score weights (in IDF units: a word found in one rule of 96 is worth ~4.6).
SECONDARY = 0.25  # indicator and action words
FILE_KIND = 2.5  # the file name says a kind the rule has
DIR_KIND = 1.5  # a folder below the item says a kind the rule has
IMAGE_KIND = 1.0  # an image with no kind word, for a rule that takes photos or screenshots
LETTER = 1.0  # the letter or number of the bukti fisik's folder (offices re-letter)
SOFT_ITEM = 3.0  # "3. Evaluasi SOP": a number that may be the item
DIR_TOLD = 1.5  # a folder decides for its files only by its words and kinds, not a letter
NO_FORMAT = 2.0  # no part of the rule takes the file's format
NO_KIND = 1.0  # the file name says kinds of document the rule has none of
# (least score, least lead over the runner-up, least score from words alone) by how much
# of the place is known: without the item, kinds of document alone never decide.
THRESHOLDS = {"item": (2.0, 1.0, 0.0), "area": (3.0, 2.0, 2.0), "none": (5.0, 3.0, 4.0)}


@dataclass(frozen=True)
class Guess:
    """What the matcher made of a path: its rule, or why it has none."""

    rule: Rule | None
    reason: str  # "guess" | "none" | "ambiguous" | "archive" | "other_year"
    candidates: tuple[str, ...] = ()  # rule ids when ambiguous
    detail: str = ""  # the archive folder or the other year
    below: tuple[str, ...] = ()  # month / kind folders under the guessed rule's place
    folder_month: int | None = None


@dataclass(frozen=True)
class Ranking:
    """A guess and what it rests on (for ``map propose`` and ``explain``)."""

    guess: Guess
    scores: tuple[tuple[str, float], ...] = ()  # (rule id, score), best first, at most 3
    words: tuple[str, ...] = ()  # words the names share with the best rule
    kinds: tuple[str, ...] = ()  # kinds of document the names speak of
    typos: tuple[tuple[str, str], ...] = ()  # (as written, read as)
    area: str | None = None
    item: int | None = None
    by_folder: bool = False  # the folder's names alone decide, whatever the file's name
    letter: int | None = None  # the bukti fisik's letter in its folder's name (a = 1)


@dataclass
class _Info:
    rule: Rule
    words: dict[str, float]  # content word -> weight
    kinds: frozenset[str]
    formats: frozenset[str]
    positions: frozenset[int]


@dataclass(frozen=True)
class _Dir:
    refused: tuple[str, str] | None
    level: str  # "item" | "area" | "none"
    candidates: tuple[int, ...]
    base: tuple[float, ...]  # per candidate
    said: tuple[float, ...]  # the part of ``base`` that its words make
    bag: frozenset[str]
    below: tuple[str, ...]
    folder_month: int | None
    local: dict[str, float]  # how rare each word is among the candidates
    decided: int | None = None  # the rule the folder names by itself, for all its files
    area: str | None = None
    item: int | None = None  # the item, when the folders name it
    kinds: frozenset[str] = frozenset()
    typos: tuple[tuple[str, str], ...] = ()
    letter: int | None = None  # the bukti fisik's letter or number in its folder (a = 1)


class FuzzyIndex:
    """Guesses rules for paths; built once per scan, one decision per folder."""

    def __init__(self, rules: Sequence[Rule], plan_year: int | None = None) -> None:
        self.rules = tuple(rules)
        self.plan_year = plan_year or _latest_year(self.rules)
        self._names = FolderNames(self.rules, self.plan_year)
        self._infos = [self._info(r) for r in self.rules]
        self._idf = self._inverse_frequency([set(i.words) for i in self._infos])
        self._items: dict[tuple[str, int], list[int]] = defaultdict(list)
        self._area_rules: dict[str, list[int]] = defaultdict(list)
        item_names: dict[tuple[str, int], str] = {}
        for n, rule in enumerate(self.rules):
            self._items[(rule.area, rule.item)].append(n)
            self._area_rules[rule.area].append(n)
            item_names.setdefault((rule.area, rule.item), rule.item_name)
        self._item_words = {key: frozenset(content(tokens(name), self.plan_year))
                            for key, name in item_names.items()}
        self._item_idf = self._inverse_frequency(list(self._item_words.values()))
        self._set_positions()
        self._dirs: dict[str, _Dir] = {}
        self._local: dict[tuple[int, ...], dict[str, float]] = {}
        self._files: dict[tuple[str, frozenset[str], frozenset[str], str], Guess] = {}

    # ----- built once ---------------------------------------------------------------------

    def _info(self, rule: Rule) -> _Info:
        weights: dict[str, float] = {}
        for text, weight in ((rule.indicator, SECONDARY), (rule.action, SECONDARY),
                             (rule.subject, 1.0), (rule.evidence, 1.0)):
            for word in content(tokens(text), self.plan_year):
                weights[word] = max(weights.get(word, 0.0), weight)
        formats = frozenset(f for p in rule.parts for f in p.formats)
        return _Info(rule, weights, frozenset(p.kind for p in rule.parts), formats, frozenset())

    @staticmethod
    def _inverse_frequency(documents: list[set[str]] | list[frozenset[str]]) -> dict[str, float]:
        count: dict[str, int] = defaultdict(int)
        for document in documents:
            for word in document:
                count[word] += 1
        total = max(len(documents), 2)
        return {w: max(math.log(total / n), 0.1) for w, n in count.items()}

    def _set_positions(self) -> None:
        """The letters a bukti fisik may carry: its place in the item, and its place among
        the bukti of its plan row (one indicator and action) when the row lists several."""
        for members in self._items.values():
            rows: dict[tuple[str, str], list[int]] = defaultdict(list)
            for n in members:
                rows[(self.rules[n].indicator, self.rules[n].action)].append(n)
            for place, n in enumerate(members, 1):
                row = rows[(self.rules[n].indicator, self.rules[n].action)]
                positions = {place}
                if len(row) > 1:
                    positions.add(row.index(n) + 1)
                self._infos[n].positions = frozenset(positions)

    def _item_by_name(self, area: str | None, words: tuple[str, ...]) -> tuple[str, int] | None:
        said = set(words)
        if not said:
            return None
        rare = math.log(max(len(self._item_words), 2))
        said_weight = sum(self._item_idf.get(w, rare) for w in said)
        scored = []
        for key, item_words in self._item_words.items():
            if area is not None and key[0] != area:
                continue
            shared = said & item_words
            if not shared or not item_words:
                continue
            weight = sum(self._item_idf[w] for w in shared)
            of_said = weight / said_weight
            of_item = weight / sum(self._item_idf[w] for w in item_words)
            if of_said >= 0.6 and (area is not None or of_item >= 0.5):
                scored.append((of_said * of_item, key))
        scored.sort(reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] > 0.8 * scored[0][0]):
            return None
        best = scored[0][1]
        shared = said & self._item_words[best]
        if any(shared <= words for key, words in self._item_words.items()
               if key != best and (area is None or key[0] == area)):
            return None  # "Kerja" is "Tim Kerja" and "Budaya Kerja" alike: no item told
        return best

    # ----- one folder ---------------------------------------------------------------------

    def _directory(self, directory: str) -> _Dir:
        found = self._dirs.get(directory)
        if found is None:
            found = self._dirs[directory] = self._read_directory(directory)
        return found

    def _read_directory(self, directory: str) -> _Dir:
        area: str | None = None
        item: int | None = None
        hard = False
        soft_item: int | None = None
        position: int | None = None
        ruled = False  # a folder below the item was seen
        bag: set[str] = set()
        kinds: set[str] = set()
        typos: list[tuple[str, str]] = []
        segments = [s for s in directory.split("/") if s]
        for segment in segments:
            seg = self._names.segment(segment)
            typos.extend(seg.typos)
            if seg.archive:
                return _refused("archive", segment)
            if seg.year_only is not None:
                if seg.year_only != self.plan_year:
                    return _refused("other_year", str(seg.year_only))
                continue
            if seg.month is not None or (not seg.words and not seg.kinds and seg.pair is None
                                         and seg.area is None and seg.roman is None):
                continue
            if seg.pair is not None and item is None:
                a, i = seg.pair
                if area is not None and a != area:  # "Area 2/1.3 ...": item 1, bukti 3
                    i, position = number_of(a), i
                area, item, hard = area or a, i, True
                bag.update(w for w in seg.words if w not in self._item_words.get((area, item), ()))
                continue
            if area is None and (seg.area or seg.roman):
                area = seg.area or seg.roman
                item_key = self._item_by_name(area, seg.rest) if seg.area_named else None
                if item_key is not None:
                    item, hard = item_key[1], True
                    bag.update(w for w in seg.rest if w not in self._item_words[item_key])
                else:
                    bag.update(seg.rest)
                continue
            if area is not None and seg.area == area and not ruled and not seg.rest:
                continue  # "Area I/Manajemen Perubahan/..."
            if item is None and not ruled:
                item_key = self._item_by_name(area, seg.words)
                if item_key is not None:
                    area, item, hard = item_key[0], item_key[1], True
                    bag.update(w for w in seg.words if w not in self._item_words[item_key])
                    continue
                if area is not None and seg.number and (area, seg.number) in self._items:
                    if not seg.words or set(seg.words) & self._item_words[(area, seg.number)]:
                        item, hard = seg.number, True
                        continue
                    soft_item = seg.number
                    position = None
                    ruled = True
                    bag.update(seg.words)
                    continue
            if not ruled and seg.position is not None and not kind_only(seg):
                position = seg.position
            # below the area, a folder that is not the item is a bukti fisik's ("Rapat Pleno");
            # above it, an unknown one ("MP", "Bukti Dukung") leaves the item to be found
            ruled = ruled or (area is not None and (bool(seg.words) or bool(seg.kinds)))
            bag.update(seg.words)
            kinds.update(seg.kinds)
        level, members = self._members(area, item if hard else None)
        local = self._local_idf(members) if level == "item" else {}
        below = self._below(segments)
        month = next((m for m in map(names.month_of_folder, reversed(below)) if m), None)
        base, said, scored = [], [], []
        for n in members:
            info = self._infos[n]
            said.append(self._words_score(info, bag, local))
            told = said[-1] + _kind_score(DIR_KIND, kinds, info.kinds)
            score = told
            if position is not None and position in info.positions and level == "item":
                score += LETTER
            if soft_item is not None and info.rule.item == soft_item:
                score += SOFT_ITEM
            base.append(score)
            scored.append((told, n, said[-1], told))  # the folder's own words, no letter
        if level == "item" and len(members) == 1:
            decided: int | None = members[0]
        else:  # a folder that names one bukti fisik holds its files, whatever their names
            decided = _choose(scored, level, DIR_TOLD)[0]
        return _Dir(None, level, members, tuple(base), tuple(said), frozenset(bag), below,
                    month, local, decided, area, item if hard else None, frozenset(kinds),
                    tuple(dict.fromkeys(typos)), position if level == "item" else None)

    def _members(self, area: str | None, item: int | None) -> tuple[str, tuple[int, ...]]:
        if area is not None and item is not None and (area, item) in self._items:
            return "item", tuple(self._items[(area, item)])
        if area is not None and area in self._area_rules:
            return "area", tuple(self._area_rules[area])
        return "none", tuple(range(len(self.rules)))

    def _local_idf(self, members: tuple[int, ...]) -> dict[str, float]:
        """IDF among ``members``: a word of every candidate tells none of them apart."""
        found = self._local.get(members)
        if found is None:
            count: dict[str, int] = defaultdict(int)
            for n in members:
                for word, weight in self._infos[n].words.items():
                    if weight >= 1.0:
                        count[word] += 1
            found = self._local[members] = {w: math.log(len(members) / c)
                                            for w, c in count.items()}
        return found

    def _below(self, segments: list[str]) -> tuple[str, ...]:
        """The trailing month, year and single-kind folders ("Juni", "Dokumentasi")."""
        out: list[str] = []
        for segment in reversed(segments):
            seg = self._names.segment(segment)
            if seg.month is None and seg.year_only is None and not kind_only(seg):
                break
            out.append(segment)
        return tuple(reversed(out))

    def _words_score(self, info: _Info, words: frozenset[str] | set[str],
                     local: dict[str, float]) -> float:
        return sum((self._idf.get(w, 0.0) + local.get(w, 0.0)) * info.words[w]
                   for w in words if w in info.words)

    # ----- one file -----------------------------------------------------------------------

    def guess(self, relpath: str) -> Guess:
        """The rule of ``relpath`` when it is clearly one, else why not."""
        directory, _, file_name = relpath.rpartition("/")
        folder = self._directory(directory)
        if folder.refused is not None:
            return Guess(None, folder.refused[0], detail=folder.refused[1])
        if not folder.candidates:
            return Guess(None, "none")
        if folder.decided is not None:
            return Guess(self.rules[folder.decided], "guess", below=folder.below,
                         folder_month=folder.folder_month)
        fresh, kinds, fmt, _ = self._file_words(folder, file_name)
        key = (directory, fresh, kinds, fmt)
        found = self._files.get(key)
        if found is None:
            found = self._files[key] = self._by_file(folder, fresh, kinds, fmt)
        return found

    def _file_words(self, folder: _Dir, file_name: str) -> tuple[
            frozenset[str], frozenset[str], str, tuple[tuple[str, str], ...]]:
        """What a file's own name adds to its folder's: new words, kinds, format, typos."""
        words, typos = self._names.spelled(
            names.strip_extension(names.strip_numbering(file_name)))
        fresh = frozenset(content(words, self.plan_year)) - folder.bag
        return fresh, self._names.kinds_in(words), format_of(file_name), typos

    def rank(self, relpath: str) -> Ranking:
        """The guess for ``relpath`` with what it rests on: the best rules and their scores,
        the words and kinds the best one shares with the names, the typos read through."""
        guess = self.guess(relpath)
        directory, _, file_name = relpath.rpartition("/")
        folder = self._directory(directory)
        if folder.refused is not None or not folder.candidates:
            return Ranking(guess)
        fresh, kinds, fmt, typos = self._file_words(folder, file_name)
        if folder.decided is not None:
            scored = sorted(((b, n) for b, n in zip(folder.base, folder.candidates,
                                                     strict=True)), reverse=True)
        else:
            scored = sorted(((s[0], s[1]) for s in self._scores(folder, fresh, kinds, fmt)),
                            reverse=True)
        best = self._infos[scored[0][1]]
        said = (folder.bag | fresh) & set(best.words)
        return Ranking(guess, tuple((self.rules[n].id, round(s, 2)) for s, n in scored[:3]),
                       tuple(sorted(said)), tuple(sorted(folder.kinds | kinds)),
                       tuple(dict.fromkeys((*folder.typos, *typos))), folder.area, folder.item,
                       folder.decided is not None, folder.letter)

    def _scores(self, folder: _Dir, fresh: frozenset[str], kinds: frozenset[str],
                fmt: str) -> list[tuple[float, int, float, float]]:
        """The folder's candidates scored with what the file's name adds."""
        scored = []
        for n, base, said in zip(folder.candidates, folder.base, folder.said, strict=True):
            info = self._infos[n]
            words_score = said + self._words_score(info, fresh, folder.local)
            score = base - said + words_score
            score += _kind_score(FILE_KIND, kinds, info.kinds)
            if kinds and not kinds & info.kinds:
                score -= NO_KIND
            if fmt == "image" and not kinds and info.kinds & {"dokumentasi", "screenshot"}:
                score += IMAGE_KIND
            if fmt != "other" and fmt not in info.formats:
                score -= NO_FORMAT
            scored.append((score, n, words_score, score))
        return scored

    def _by_file(self, folder: _Dir, fresh: frozenset[str], kinds: frozenset[str],
                 fmt: str) -> Guess:
        chosen, close = _choose(self._scores(folder, fresh, kinds, fmt), folder.level, 0.0)
        if chosen is not None:
            return Guess(self.rules[chosen], "guess", below=folder.below,
                         folder_month=folder.folder_month)
        if 1 < len(close) <= 6:
            return Guess(None, "ambiguous", tuple(self.rules[m].id for m in close))
        return Guess(None, "none")


def _choose(scored: list[tuple[float, int, float, float]], level: str,
            told_at_least: float) -> tuple[int | None, list[int]]:
    """The clear best of (score, rule, words score, words and kinds score), else the rules
    that are about as good as the best."""
    scored.sort(key=lambda s: -s[0])
    least, lead, by_words = THRESHOLDS[level]
    best, n, best_words, told = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if (best >= least and best - second >= lead and best_words >= by_words
            and told >= told_at_least):
        return n, []
    return None, [m for s, m, _, _ in scored if s > 0 and best - s < lead / 2]


def _refused(reason: str, detail: str) -> _Dir:
    return _Dir((reason, detail), "none", (), (), (), frozenset(), (), None, {})


def _kind_score(weight: float, said: frozenset[str] | set[str], has: frozenset[str]) -> float:
    """Kinds the names speak of that the rule has; a rule made of fewer parts scores more."""
    hits = len(said & has)
    return weight * hits * (0.5 + 0.5 * hits / len(has)) if hits else 0.0


def _latest_year(rules: Sequence[Rule]) -> int | None:
    years = [int(w) for r in rules for w in tokens(r.evidence) if is_year(w)]
    return max(years) if years else None
