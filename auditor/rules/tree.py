"""Create the rules' folders under the evidence root: never a file touched, never a duplicate.

An existing folder whose name differs only in case, spaces, underscores or hyphens is used
as it is (the rule patterns match it anyway), so re-running on a tree people renamed a
little does not create twins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.i18n import t
from auditor.rules.patterns import normalize_name


@dataclass
class TreeResult:
    created: list[Path] = field(default_factory=list)
    existing: int = 0
    problems: list[str] = field(default_factory=list)


def _child(parent: Path, name: str) -> Path:
    exact = parent / name
    if exact.exists() or not parent.is_dir():
        return exact
    wanted = normalize_name(name)
    for entry in parent.iterdir():
        if entry.is_dir() and normalize_name(entry.name) == wanted:
            return entry
    return exact


def create_tree(root: Path, folders: list[str]) -> TreeResult:
    result = TreeResult()
    seen: set[Path] = set()
    if not root.exists():
        root.mkdir(parents=True)
        result.created.append(root)
    for folder in folders:
        current = root
        for name in folder.split("/"):
            current = _child(current, name)
            if current in seen:
                continue
            seen.add(current)
            if current.is_dir():
                result.existing += 1
                continue
            if current.exists():
                result.problems.append(t("rules.tree_not_dir", path=current))
                break
            try:
                current.mkdir()
            except OSError as exc:
                result.problems.append(t("rules.tree_cannot_create", path=current,
                                         reason=exc.strerror or exc))
                break
            result.created.append(current)
    return result
