"""The folder map: an office's own folders, each said once to serve a bukti fisik.

``zi-auditor map propose`` writes it (``map_propose``), a person corrects it, and from then on
it is the truth (config ``folder_map:``): every file under a mapped folder belongs to that
folder's rule, whatever its name — or to none ("bukan bukti"), or, for a folder that holds
the documents of several bukti fisik, to the rule whose part the file's name says
("V.2.7 risalah", "V.2.8 dokumentasi"). The deepest mapped folder above a file decides;
month folders below it still give the month. A folder whose ``aturan`` is empty is not
decided yet: its files are matched as if there were no map.

The file::

    folders:
      - folder: "AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/a. Und DH Dok Rakor"
        aturan: I.1.1            # or "bukan bukti", or ["V.2.7 risalah", "V.2.8 dokumentasi"]
        yakin: 92                # what the proposal said; read by people, not by the tool
        alasan: "..."
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.config.model import Config
from auditor.errors import ConfigError
from auditor.i18n import t
from auditor.rules.model import Rule, RuleSet
from auditor.scan import names
from auditor.yamlfile import LoadedYaml, load_yaml, located, validate

NOT_EVIDENCE = "bukan bukti"
_TARGET = re.compile(r"^\s*(\S+)(?:\s+(.+?))?\s*$")
_YEAR = re.compile(r"^(19|20)\d\d$")

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["folders"],
    "properties": {
        "folders": {
            "type": ["array", "null"],
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["folder"],
                "properties": {
                    "folder": {"type": "string", "minLength": 1},
                    "aturan": {"anyOf": [
                        {"type": "null"}, {"type": "string", "minLength": 1},
                        {"type": "array", "minItems": 1,
                         "items": {"type": "string", "minLength": 1}}]},
                    "yakin": {"type": ["integer", "null"]},
                    "alasan": {"type": ["string", "null"]},
                    "alternatif": {"type": ["string", "null"]},
                    "pilihan": {"type": ["array", "null"], "items": {"type": "string"}},
                    "berkas": {"type": ["integer", "null"]},
                    "periksa": {"type": ["boolean", "null"]},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Target:
    rule: Rule
    kind: str | None  # the part that tells this rule's files apart; None: any part


@dataclass(frozen=True)
class MapEntry:
    folder: str  # relative to the evidence root, "/"-separated
    targets: tuple[Target, ...]  # empty: "bukan bukti" or not decided
    not_evidence: bool
    line: int  # in the map file

    @property
    def decided(self) -> bool:
        return self.not_evidence or bool(self.targets)


@dataclass(frozen=True)
class FolderMap:
    path: Path
    entries: dict[str, MapEntry]

    def lookup(self, directory: str) -> tuple[MapEntry, tuple[str, ...]] | None:
        """The deepest decided entry at or above ``directory``, and the folders below it."""
        segments = [s for s in directory.split("/") if s]
        for depth in range(len(segments), 0, -1):
            entry = self.entries.get("/".join(segments[:depth]))
            if entry is not None and entry.decided:
                return entry, tuple(segments[depth:])
        return None

    def covers(self, directory: str) -> bool:
        """Whether a folder at or above ``directory`` is in the map (decided or not)."""
        segments = [s for s in directory.split("/") if s]
        return any("/".join(segments[:d]) in self.entries for d in range(len(segments), 0, -1))


def clean_folder(folder: str) -> str:
    return "/".join(s for s in folder.replace("\\", "/").split("/") if s and s != ".")


def place_of(directory: str) -> str:
    """The folder a file's evidence place is: its folder without trailing month or year
    folders ("…/Rapat Pleno/2022/05 Mei" -> "…/Rapat Pleno")."""
    segments = [s for s in directory.split("/") if s]
    while segments and (names.month_of_folder(segments[-1]) is not None
                        or _YEAR.match(names.words(segments[-1]))):
        segments.pop()
    return "/".join(segments)


def load_folder_map(path: Path, rules: Sequence[Rule]) -> FolderMap:
    """Read and check ``path``; every problem is a ConfigError with file, line and key."""
    loaded = load_yaml(path)
    if loaded.data is None:
        loaded.data = {"folders": []}
    validate(loaded, SCHEMA)
    entries, problems = _entries(loaded, rules)
    if problems:
        raise ConfigError("\n".join(problems))
    return FolderMap(path, entries)


def _entries(loaded: LoadedYaml, rules: Sequence[Rule]) -> tuple[dict[str, MapEntry], list[str]]:
    by_id = {rule.id: rule for rule in rules}
    entries: dict[str, MapEntry] = {}
    problems: list[str] = []
    for n, item in enumerate(loaded.data.get("folders") or []):
        folder = clean_folder(item["folder"])
        if folder in entries:
            problems.append(located(loaded, ("folders", n, "folder"), t(
                "map.twice", folder=folder, line=entries[folder].line)))
            continue
        raw = item.get("aturan")
        values = [] if raw is None else [raw] if isinstance(raw, str) else list(raw)
        targets: list[Target] = []
        not_evidence = False
        for k, value in enumerate(values):
            where = ("folders", n, "aturan", k) if isinstance(raw, list) else ("folders", n, "aturan")
            if value.strip().lower() == NOT_EVIDENCE:
                not_evidence = True
                continue
            m = _TARGET.match(value)
            rule = by_id.get(m.group(1)) if m else None
            if rule is None:
                problems.append(located(loaded, where, t("map.unknown_rule", value=value)))
                continue
            kind = m.group(2).strip().lower().replace(" ", "_") if m.group(2) else None
            if kind is not None and kind not in {p.kind for p in rule.parts}:
                problems.append(located(loaded, where, t(
                    "map.unknown_part", rule=rule.id, kind=kind,
                    kinds=", ".join(dict.fromkeys(p.kind for p in rule.parts)))))
                continue
            targets.append(Target(rule, kind))
        if not_evidence and targets:
            problems.append(located(loaded, ("folders", n, "aturan"), t("map.mixed")))
        entries[folder] = MapEntry(folder, tuple(targets), not_evidence,
                                   loaded.line_of(("folders", n)))
    return entries, problems


def check_map(path: Path, rules: Sequence[Rule], root: Path) -> list[str]:
    """Every problem of the map at ``path`` against the rules and the tree under ``root``:
    the load problems, a folder that is gone, a rule that no folder serves."""
    loaded = load_yaml(path)
    if loaded.data is None:
        loaded.data = {"folders": []}
    try:
        validate(loaded, SCHEMA)
    except ConfigError as exc:
        return exc.message.splitlines()
    entries, problems = _entries(loaded, rules)
    for n, item in enumerate(loaded.data.get("folders") or []):
        folder = clean_folder(item["folder"])
        if not (root / folder).is_dir():
            problems.append(located(loaded, ("folders", n, "folder"),
                                    t("map.gone", folder=folder, root=root)))
        elif not item.get("aturan"):
            problems.append(located(loaded, ("folders", n, "aturan"),
                                    t("map.undecided", folder=folder)))
    served = {target.rule.id for e in entries.values() for target in e.targets}
    for rule in rules:
        if rule.id not in served:
            problems.append(located(loaded, ("folders",), t("map.rule_unmapped", rule=rule.id,
                                                             evidence=rule.evidence[:70])))
    return problems


def folder_map_of(config: Config, rules: Sequence[Rule]) -> FolderMap | None:
    """The office's folder map named by ``config`` (``folder_map:``), or None."""
    return load_folder_map(config.folder_map, rules) if config.folder_map else None


def context(config_arg: str | None) -> tuple[Config, RuleSet, int | None]:
    """The config, its rules and the plan year, as a scan would use them."""
    from auditor.config import find_config, load_config
    from auditor.rules.load import load_rulesets

    config = load_config(find_config(config_arg))
    ruleset = load_rulesets(list(config.rules))
    return config, ruleset, config.year or ruleset.year


def evidence_files(config: Config) -> list[str]:
    """The relative paths of the files in the tree that look like evidence."""
    from auditor.documents.formats import looks_like_evidence
    from auditor.errors import ExitCode, UserError
    from auditor.i18n import t
    from auditor.scan.walk import walk_tree

    root = config.evidence_root
    if not root.is_dir():
        raise UserError(t("audit.root_missing", root=root), ExitCode.ROOT_UNAVAILABLE)
    return [e.relpath for e in walk_tree(root).entries if looks_like_evidence(e.relpath)]
