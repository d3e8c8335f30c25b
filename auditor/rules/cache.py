"""The parsed rules, kept in the state folder between runs as plain JSON.

Parsing 96 rules in pure-Python YAML is most of a warm scan, so the parsed RuleSet is kept
in ``<state_dir>/rules-cache.json`` with what it was made from: the cache's format, the
zi-auditor version and the SHA-256 of every rules file (content, not size and mtime: a file
edited within the same second at the same size is still seen). Only data is read back,
never code (no pickle): a cache that is not JSON, was written by another version or for
other files, or does not make a RuleSet, is ignored and written anew, without a word.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.rules.kinds import KindDefaults
from auditor.rules.load import load_rulesets
from auditor.rules.model import Part, Rule, RuleSet

CACHE_NAME = "rules-cache.json"
FORMAT = 1
_OLD_PICKLE = "rules-cache.pickle"  # what versions before 0.2 kept: removed, never read


def cached_rules(paths: Sequence[Path], state_dir: Path) -> RuleSet:
    """The RuleSet of ``paths``, from the cache when it was made from the same files."""
    try:
        key = {"format": FORMAT, "version": __version__,
               "sources": [[str(p), hashlib.sha256(Path(p).read_bytes()).hexdigest()]
                           for p in paths]}
    except OSError:
        return load_rulesets(list(paths))  # the loader says which file, with its own words
    cache = state_dir / CACHE_NAME
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("key") == key:
            return _ruleset(data["ruleset"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing, damaged or foreign: parse the rules again
    ruleset = load_rulesets(list(paths))
    _save(cache, {"key": key, "ruleset": _data(ruleset)})
    return ruleset


def _save(cache: Path, data: dict[str, Any]) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):  # a value YAML made that JSON cannot hold: no cache
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cache)
        cache.with_name(_OLD_PICKLE).unlink(missing_ok=True)
    except OSError:  # no room or no right to write: the next run parses again
        pass


def _data(ruleset: RuleSet) -> dict[str, Any]:
    extra = dict(ruleset.extra)
    if "kinds" in extra:  # the rules file's `kinds:` block, as KindDefaults
        extra["kinds"] = {name: dataclasses.asdict(k) for name, k in extra["kinds"].items()}
    return {"office": ruleset.office, "year": ruleset.year, "source": ruleset.source,
            "teams": list(ruleset.teams), "extra": extra,
            "path": str(ruleset.path) if ruleset.path is not None else None,
            "rules": [{**rule.to_json(), "source_line": rule.source_line,
                       "parts": [p.to_json() for p in rule.parts]} for rule in ruleset.rules]}


def _part(data: dict[str, Any]) -> Part:
    return Part(kind=data["kind"], label=data["label"], name_words=tuple(data["name_words"]),
                text_words=tuple(data["text_words"]), formats=tuple(data["formats"]),
                signed_required=data["signed_required"], signer=data["signer"],
                date_required=data["date_required"])


def _rule(data: dict[str, Any]) -> Rule:
    return Rule(id=data["id"], area=data["area"], area_name=data["area_name"],
                item=data["item"], item_name=data["item_name"], indicator=data["indicator"],
                action=data["action"], evidence=data["evidence"], team=data["team"],
                months=tuple(data["months"]), parts=tuple(_part(p) for p in data["parts"]),
                patterns=tuple(data["patterns"]), folder=data["folder"],
                subject=data["subject"], note=data["note"], source_line=data["source_line"],
                plan_line=data["plan_line"])


def _ruleset(data: dict[str, Any]) -> RuleSet:
    extra = dict(data["extra"])
    if "kinds" in extra:
        extra["kinds"] = {name: KindDefaults(
            name_words=tuple(k["name_words"]), text_words=tuple(k["text_words"]),
            formats=tuple(k["formats"]), signed_required=k["signed_required"],
            date_required=k["date_required"]) for name, k in extra["kinds"].items()}
    return RuleSet(office=data["office"], year=data["year"], source=data["source"],
                   rules=tuple(_rule(r) for r in data["rules"]), teams=tuple(data["teams"]),
                   path=Path(data["path"]) if data["path"] is not None else None,
                   extra=extra)
