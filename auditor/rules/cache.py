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
from typing import Any, TypeVar

from auditor import __version__
from auditor.documents.kinds import Kind
from auditor.rules.load import load_rulesets
from auditor.rules.model import Part, Rule, RuleSet

T = TypeVar("T")
CACHE_NAME = "rules-cache.json"
FORMAT = 2  # 2: a kind carries the spellings offices write for it (``Kind.variants``)
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
    if "kinds" in extra:  # the rules file's `kinds:` block, as Kind rows of the registry
        extra["kinds"] = {name: dataclasses.asdict(k) for name, k in extra["kinds"].items()}
    return {"office": ruleset.office, "year": ruleset.year, "source": ruleset.source,
            "teams": list(ruleset.teams), "extra": extra,
            "path": str(ruleset.path) if ruleset.path is not None else None,
            "rules": [dataclasses.asdict(rule) for rule in ruleset.rules]}


def _make(cls: type[T], data: dict[str, Any], **given: Any) -> T:
    """``cls`` from its fields in ``data`` (lists, also in lists, become tuples); a missing
    field raises TypeError, which makes the cache be parsed anew."""
    values = {f.name: _frozen(data[f.name])
              for f in dataclasses.fields(cls) if f.name in data and f.name not in given}
    return cls(**values, **given)  # type: ignore[call-arg]


def _frozen(value: Any) -> Any:
    return tuple(_frozen(v) for v in value) if isinstance(value, list) else value


def _ruleset(data: dict[str, Any]) -> RuleSet:
    extra = dict(data["extra"])
    if "kinds" in extra:
        extra["kinds"] = {name: _make(Kind, k) for name, k in extra["kinds"].items()}
    rules = tuple(_make(Rule, r, parts=tuple(_make(Part, p) for p in r["parts"]))
                  for r in data["rules"])
    return RuleSet(office=data["office"], year=data["year"], source=data["source"],
                   rules=rules, teams=tuple(data["teams"]),
                   path=Path(data["path"]) if data["path"] is not None else None, extra=extra)
