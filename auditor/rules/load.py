"""Read, check and write rules files (YAML). Every problem names the file, the line and the key.

Public API: ``load_rules(path)``, ``load_rulesets(paths)``, ``dump_rules(ruleset)``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.documents.kinds import KIND_NAMES as KINDS
from auditor.documents.kinds import KINDS as KIND_TABLE
from auditor.documents.kinds import Kind
from auditor.errors import ConfigError
from auditor.i18n import SAFE_LOADER, t
from auditor.rules.model import Part, Rule, RuleSet
from auditor.rules.patterns import pattern_problem
from auditor.yamlfile import LoadedYaml, TextDumper, load_yaml, located, validate

_BAD_FOLDER = re.compile(r'[\\:*?"<>|\x00-\x1f]')


@cache
def schema() -> dict[str, Any]:
    text = resources.files("auditor.rules").joinpath("schema.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)


def load_rules(path: str | os.PathLike[str]) -> RuleSet:
    """Load and check one rules file; any problem is a ConfigError (exit 2)."""
    return _load(Path(path))[0]


def load_rulesets(paths: Iterable[str | os.PathLike[str]]) -> RuleSet:
    """Load several rules files as one RuleSet; an id defined twice across files is an error."""
    merged: list[Rule] = []
    seen: dict[str, str] = {}
    problems: list[str] = []
    first: RuleSet | None = None
    teams: list[str] = []
    for path in paths:
        ruleset, loaded = _load(Path(path))
        first = first or ruleset
        if ruleset.year != first.year:
            problems.append(located(loaded, ("year",), t("rules.year_mismatch", year=ruleset.year,
                                                         other=first.year)))
        for index, rule in enumerate(ruleset.rules):
            where = loaded.where(("rules", index, "id"))
            if rule.id in seen:
                problems.append(located(loaded, ("rules", index, "id"),
                                        t("rules.duplicate_across", id=rule.id, where=seen[rule.id])))
                continue
            seen[rule.id] = where
            merged.append(rule)
        teams.extend(tm for tm in ruleset.teams if tm not in teams)
    if problems:
        raise ConfigError("\n".join(problems))
    if first is None:
        raise ConfigError(t("yaml.not_found", path="(rules)"))
    return RuleSet(office=first.office, year=first.year, source=first.source, rules=tuple(merged),
                   teams=tuple(teams), path=first.path, extra=first.extra)


def _load(path: Path) -> tuple[RuleSet, LoadedYaml]:
    loaded = load_yaml(path)
    if not isinstance(loaded.data, dict):
        raise ConfigError(located(loaded, (), t("rules.not_mapping")))
    validate(loaded, schema())
    data = loaded.data
    problems = _check(loaded, data)
    if problems:
        raise ConfigError("\n".join(problems))
    kinds = _kinds(data.get("kinds") or {})
    rules = tuple(_rule(loaded, index, item, kinds) for index, item in enumerate(data["rules"]))
    extra = {"kinds": kinds}
    if data.get("description"):
        extra["description"] = data["description"]
    return RuleSet(office=data["office"], year=data["year"], source=data["source"], rules=rules,
                   teams=tuple(data["teams"]), path=path, extra=extra), loaded


def _check(loaded: LoadedYaml, data: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    teams = data["teams"]
    for index, team in enumerate(teams):
        if team in teams[:index]:
            problems.append(located(loaded, ("teams", index), t("rules.duplicate_team", team=team)))
    ids: dict[str, int] = {}
    for index, rule in enumerate(data["rules"]):
        at = ("rules", index)
        rule_id = rule["id"]
        if rule_id in ids:
            where = loaded.where(("rules", ids[rule_id], "id"))
            problems.append(located(loaded, (*at, "id"), t("rules.duplicate_id", id=rule_id, where=where)))
        else:
            ids[rule_id] = index
        expected = f"{rule['area']}.{rule['item']}"
        if not rule_id.startswith(expected + "."):
            problems.append(located(loaded, (*at, "id"), t(
                "rules.id_mismatch", id=rule_id, area=rule["area"], item=rule["item"], expected=expected)))
        if rule["team"] not in teams:
            problems.append(located(loaded, (*at, "team"), t(
                "rules.undeclared_team", team=rule["team"], teams=", ".join(teams))))
        if not rule["months"] and not rule.get("note"):
            problems.append(located(loaded, (*at, "months"), t("rules.months_without_note")))
        for number, pattern in enumerate(rule["patterns"]):
            key = pattern_problem(pattern)
            if key:
                problems.append(located(loaded, (*at, "patterns", number), t(key, pattern=pattern)))
        if not folder_ok(rule["folder"]):
            problems.append(located(loaded, (*at, "folder"), t("rules.folder_bad", folder=rule["folder"])))
    return problems


def folder_ok(folder: str) -> bool:
    """Relative, no '..', no characters Windows/SMB refuse, no name ending in a dot or space."""
    if pattern_problem(folder) or _BAD_FOLDER.search(folder):
        return False
    return all(name and name == name.rstrip(". ") for name in folder.split("/"))


def _kinds(data: dict[str, Any]) -> dict[str, Kind]:
    """The kinds of the documents registry, as a rules file's `kinds:` block widens them."""
    kinds = dict(KIND_TABLE)
    for kind, values in data.items():
        base = kinds[kind]
        kinds[kind] = replace(
            base,
            name_words=tuple(values.get("name_words", base.name_words)),
            text_words=tuple(values.get("text_words", base.text_words)),
            formats=tuple(values.get("formats", base.formats)),
            signed_required=values.get("signed_required", base.signed_required),
            date_required=values.get("date_required", base.date_required),
        )
    return kinds


def _rule(loaded: LoadedYaml, index: int, data: dict[str, Any], kinds: dict[str, Kind]) -> Rule:
    parts = []
    for part in data["parts"]:
        base = kinds[part["kind"]]
        parts.append(Part(
            kind=part["kind"], label=part["label"],
            name_words=tuple(part.get("name_words", base.name_words)),
            text_words=tuple(part.get("text_words", base.text_words)),
            formats=tuple(part.get("formats", base.formats)),
            signed_required=part.get("signed_required", base.signed_required),
            signer=part.get("signer"),
            date_required=part.get("date_required", base.date_required),
        ))
    return Rule(
        id=data["id"], area=data["area"], area_name=data["area_name"], item=data["item"],
        item_name=data["item_name"], indicator=data["indicator"], action=data["action"],
        evidence=data["evidence"], team=data["team"], months=tuple(sorted(data["months"])),
        parts=tuple(parts), patterns=tuple(data["patterns"]), folder=data["folder"],
        subject=data.get("subject") or "", note=data.get("note"),
        source_line=loaded.line_of(("rules", index)), plan_line=data.get("plan_line"),
    )


HEADER = """\
# Aturan audit Zona Integritas / Zona Integritas audit rules ({office}, {year}).
# Sumber / source: {source}
#
# Satu aturan (rule) per butir BUKTI FISIK Rencana Aksi; id = AREA.BUTIR.N. / One rule per
# bukti fisik item of the plan; id = AREA.ITEM.N (N: its place in the item, lettered items split).
#   months   bulan jatuh tempo (1-12) menurut kolom √ / months due, from the plan's √ columns
#   parts    dokumen yang harus ada; bagian yang tidak menulis name_words/text_words/formats
#            memakai nilai bawaan jenisnya di blok `kinds` / documents required; a part
#            without name_words/text_words/formats takes those of its kind in `kinds`
#   folder   folder yang dibuat `zi-auditor init-tree` (relatif thd folder bukti) / the folder
#            `init-tree` creates, relative to the evidence root
#   patterns pola glob relatif thd folder bukti: `*` dalam satu nama, `**` semua subfolder;
#            huruf besar/kecil serta spasi, garis bawah dan tanda hubung dianggap sama /
#            glob patterns relative to the evidence root: `*` within one name, `**` any depth;
#            case-insensitive, spaces, underscores and hyphens alike
#   note     keputusan atas baris Rencana Aksi yang meragukan, dan alasannya / how an
#            ambiguous plan row was decided, and why
#   plan_line baris (teks) atau nomor baris tabel (DOCX/XLSX) di Rencana Aksi / the plan's line
# Periksa setelah mengubah / check after editing: zi-auditor rules check {name}
"""


def _part_data(part: Part, kinds: dict[str, Kind]) -> dict[str, Any]:
    base = kinds[part.kind]
    out: dict[str, Any] = {"kind": part.kind, "label": part.label}
    for key in ("name_words", "text_words", "formats"):
        value = getattr(part, key)
        if tuple(value) != tuple(getattr(base, key)):
            out[key] = list(value)
    out["signed_required"] = part.signed_required
    if part.signer:
        out["signer"] = part.signer
    out["date_required"] = part.date_required
    return out


def _rule_data(rule: Rule, kinds: dict[str, Kind]) -> dict[str, Any]:
    data = rule.to_json()
    data["parts"] = [_Flow(_part_data(p, kinds)) for p in rule.parts]
    order = ["id", "area", "area_name", "item", "item_name", "indicator", "action", "evidence",
             "subject", "team", "months", "parts", "folder", "patterns", "note", "plan_line"]
    return {key: data[key] for key in order}


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line (a part)."""


class _Dumper(TextDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a value used twice is written twice: rules files refuse anchors


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    short = all(not isinstance(v, dict | list) for v in value) and len(str(value)) < 90
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(dict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=False))


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)


def dump_rules(ruleset: RuleSet) -> str:
    """The rules file text: readable, in plan order, every rule's note visible."""
    kinds: dict[str, Kind] = ruleset.extra.get("kinds") or KIND_TABLE
    name = ruleset.path.name if ruleset.path else "FILE.yaml"
    out = [HEADER.format(office=ruleset.office, year=ruleset.year, source=ruleset.source, name=name)]
    out.append(_dump({"office": ruleset.office, "year": ruleset.year, "source": ruleset.source}))
    if ruleset.extra.get("description"):
        out.append(_dump({"description": ruleset.extra["description"]}))
    out.append(_dump({"teams": list(ruleset.teams)}))
    out.append("\n# Ciri bawaan tiap jenis dokumen / what each kind of document looks like\n")
    out.append(_dump({"kinds": {k: {
        "name_words": list(kinds[k].name_words), "text_words": list(kinds[k].text_words),
        "formats": list(kinds[k].formats), "signed_required": kinds[k].signed_required,
        "date_required": kinds[k].date_required} for k in KINDS}}))
    out.append("\nrules:\n")
    area = None
    for rule in ruleset.rules:
        if rule.area != area:
            area = rule.area
            out.append(f"\n# ===== {rule.area} {rule.area_name} — {rule.team}\n")
        out.append(f"\n# {rule.id} — {rule.evidence[:80]}\n")
        text = _dump([_rule_data(rule, kinds)])
        out.append(text)
    return "".join(out)
