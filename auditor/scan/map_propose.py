"""A proposed folder map: for every folder that holds evidence, the bukti fisik it most likely
serves, how sure the tool is and why, the runner-up when it is close, and the folders it
could not place — the doubtful ones first, so a person reviews those and confirms the rest.

The matcher is the scan's own (``RuleIndex.match``: rule folders, rule ids, patterns, then
the tolerant guess); this module only gathers its answers folder by folder and says them.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from auditor.i18n import t
from auditor.scan.folder_map import NOT_EVIDENCE, MapEntry, Target, place_of
from auditor.scan.match import RuleIndex, by_map
from auditor.yamlfile import yaml_text

SURE = 80  # below this a line is to be checked by a person
CLOSE = 0.6  # a runner-up scoring at least this share of the best is shown


@dataclass
class Proposal:
    folder: str
    targets: list[str]  # "I.1.1", or "V.2.7 risalah" when the folder serves several rules
    sure: int  # 0-100
    reason: str
    runner_up: str | None = None
    choices: list[str] = field(default_factory=list)  # when it could not choose
    files: int = 0
    unplaced: int = 0

    @property
    def doubtful(self) -> bool:
        return not self.targets or self.unplaced > 0 or self.sure < SURE

    def line(self) -> str:
        """The map line to paste for this folder."""
        return (f"- {{folder: {yaml_text(self.folder)}, "
                f"aturan: {_aturan(self.targets)}}}")


@dataclass
class _File:
    rule: str | None
    kind: str | None
    sure: int
    how: str
    facts: dict
    runner_up: str | None
    choices: tuple[str, ...]


def propose(relpaths: Iterable[str], index: RuleIndex, lang: str | None = None) -> list[Proposal]:
    """One proposal per evidence place (a folder without its trailing month folders)."""
    by_place: dict[str, list[tuple[str, _File]]] = defaultdict(list)
    for relpath in relpaths:
        place = place_of(relpath.rpartition("/")[0])
        if place:  # a file at the top of the tree has no folder to map
            by_place[place].append((relpath, place_file(relpath, index, lang)))
    proposals = [_proposal(place, files, index, lang) for place, files in by_place.items()]
    return sorted(proposals, key=lambda p: (not p.doubtful, p.sure, p.folder))


def place_file(relpath: str, index: RuleIndex, lang: str | None = None) -> _File:
    """Where the scan puts ``relpath`` (ignoring any folder map), how sure, and why."""
    match = index.match(relpath, use_map=False)
    if match is not None and match.matched_by != "guess":
        return _File(match.rule.id, match.part.kind if match.part else None, 100,
                     match.matched_by, {}, None, ())
    ranking = index.fuzzy.rank(relpath)
    facts = {"area": ranking.area, "item": ranking.item, "letter": ranking.letter,
             "words": ranking.words,
             "kinds": ranking.kinds, "typos": ranking.typos}
    scores = ranking.scores
    best = scores[0][1] if scores else 0.0
    second = max(scores[1][1], 0.0) if len(scores) > 1 else 0.0
    runner_up = scores[1][0] if len(scores) > 1 and best > 0 and second >= CLOSE * best else None
    if match is None:
        return _File(None, None, 0, ranking.guess.reason, facts, runner_up,
                     ranking.guess.candidates)
    # the lead over the runner-up, in score units (a word found in one rule of 96 is ~4.6):
    # 0 -> 50 %, a letter alone (1) -> 70 %, a kind of document (2.5) -> 86 %, a word -> 95 %
    lead = best - second if len(scores) > 1 else 10.0
    sure = min(99, round(100 * (1 - 0.5 * math.exp(-max(lead, 0.0) / 2))))
    if match.rule.id != (scores[0][0] if scores else None):
        runner_up = scores[0][0]
    return _File(match.rule.id, match.part.kind if match.part else None, sure, "guess", facts,
                 runner_up, ())


def _proposal(place: str, paths: list[tuple[str, _File]], index: RuleIndex,
              lang: str | None) -> Proposal:
    files = [f for _, f in paths]
    placed = [f for f in files if f.rule]
    rules = Counter(f.rule for f in placed)
    unplaced = len(files) - len(placed)
    choices = sorted({c for f in files for c in f.choices})
    example = max(placed, key=lambda f: f.sure) if placed else files[0]
    reason = explain_facts(example.how, example.facts, lang)
    if not rules:
        return Proposal(place, [], 0, reason, example.runner_up, choices, len(files), unplaced)
    if len(rules) == 1:
        targets = [next(iter(rules))]
    else:  # the documents of several bukti fisik in one folder: each by its part
        targets = sorted({f"{f.rule} {f.kind}" if f.kind else str(f.rule) for f in placed})
    sure = min(f.sure for f in placed)
    if unplaced:
        sure = min(sure, round(100 * len(placed) / len(files)))
        left = next(f for f in files if not f.rule)
        reason += "; " + t("map.why.unplaced", lang, count=unplaced, files=len(files),
                           why=explain_facts(left.how, {}, lang))
    runner = next((f.runner_up for f in sorted(placed, key=lambda f: f.sure)
                   if f.runner_up and f.runner_up not in rules), None)
    if len(rules) > 1 and not _holds(place, targets, paths, index):
        sure = min(sure, SURE - 1)  # the parts do not tell the rules apart: a person must
        reason += "; " + t("map.why.split", lang)
    return Proposal(place, targets, sure, reason, runner, choices, len(files), unplaced)


def _holds(place: str, targets: list[str], paths: list[tuple[str, _File]],
           index: RuleIndex) -> bool:
    """Whether the proposed line, once in the map, puts each placed file where the
    proposal did (a folder split between rules by part: the parts must tell them apart)."""
    by_id = {rule.id: rule for rule in index.rules}
    entry = MapEntry(place, tuple(
        Target(by_id[x.split()[0]], x.split(maxsplit=1)[1] if " " in x else None)
        for x in targets), False, 0)
    for relpath, found in paths:
        if found.rule is None:
            continue
        below = tuple(relpath[len(place) + 1:].split("/")[:-1])
        match = by_map(entry, below, relpath.rpartition("/")[2])
        if match is None or match.rule.id != found.rule:
            return False
    return True


def explain_facts(how: str, facts: dict, lang: str | None = None) -> str:
    """A plain sentence of what a match rests on."""
    if how in ("map", "folder", "id", "pattern"):
        return t(f"map.how.{how}", lang)
    bits = []
    if facts.get("area"):
        bits.append(t("map.why.area", lang, area=facts["area"]))
    if facts.get("item"):
        bits.append(t("map.why.item", lang, item=facts["item"]))
    if facts.get("letter"):
        bits.append(t("map.why.letter", lang, letter="abcdefghijklmnopqrstuvwxyz"[
            (facts["letter"] - 1) % 26]))
    if facts.get("words"):
        bits.append(t("map.why.words", lang, words=", ".join(facts["words"])))
    if facts.get("kinds"):
        bits.append(t("map.why.kinds", lang, kinds=", ".join(facts["kinds"])))
    if facts.get("typos"):
        bits.append(t("map.why.typos", lang, typos=", ".join(
            f"{wrong}→{right}" for wrong, right in facts["typos"])))
    if how in ("none", "ambiguous", "archive", "other_year"):
        bits.append(t(f"map.why.{how}", lang))
    return "; ".join(bits) or t("map.why.nothing", lang)


def _aturan(targets: list[str]) -> str:
    if not targets:
        return "null"
    if len(targets) == 1:
        return yaml_text(targets[0])
    return "[" + ", ".join(yaml_text(x) for x in targets) + "]"


def render(proposals: list[Proposal], lang: str | None = None) -> str:
    """The map file: a comment on how to edit it, then one entry per folder."""
    out = [f"# {line}".rstrip() for line in t("map.header", lang,
                                              not_evidence=NOT_EVIDENCE).splitlines()]
    out += ["folders:"]
    doubtful = sum(1 for p in proposals if p.doubtful)
    if doubtful:
        out.append(f"  # {t('map.section_doubtful', lang, count=doubtful)}")
    for n, p in enumerate(proposals):
        if n == doubtful and doubtful < len(proposals):
            out.append(f"  # {t('map.section_sure', lang, count=len(proposals) - doubtful)}")
        out.append(f"  - folder: {yaml_text(p.folder)}")
        out.append(f"    aturan: {_aturan(p.targets)}")
        out.append(f"    yakin: {p.sure}")
        out.append(f"    alasan: {yaml_text(p.reason)}")
        if p.runner_up:
            out.append(f"    alternatif: {json.dumps(p.runner_up)}")
        if p.choices:
            out.append(f"    pilihan: {json.dumps(p.choices)}")
        out.append(f"    berkas: {p.files}")
        if p.doubtful:
            out.append("    periksa: true")
    return "\n".join(out) + "\n"


def new_folders(relpaths: list[str], index: RuleIndex,
                lang: str | None = None) -> list[dict[str, str]]:
    """The places of ``relpaths`` the folder map does not name: "folder baru — tambahkan ke
    peta", each with its proposed line."""
    assert index.folder_map is not None
    folder_map = index.folder_map
    fresh = [p for p in relpaths if not folder_map.covers(p.rpartition("/")[0])]
    return [{"folder": p.folder, "line": p.line()}
            for p in sorted(propose(fresh, index, lang), key=lambda p: p.folder)]
