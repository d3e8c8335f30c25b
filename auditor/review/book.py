"""The corrections file: load (validated like config and rules, with file/line/key
messages, exit 2), check against the rules, and write back atomically.

A file entry names the file's content (``sha256``), so it holds wherever the file is moved;
``path`` only says where it was when corrected. A verdict entry names a rule and a month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import ConfigError
from auditor.i18n import SAFE_LOADER, t
from auditor.report.atomic import atomic_write
from auditor.yamlfile import LoadedYaml, TextDumper, load_yaml, located, validate

FILE_FIELDS = ("date", "signed", "rule", "part", "month", "ignore")
DECISIONS = ("accepted", "not_applicable")


@cache
def schema() -> dict[str, Any]:
    text = resources.files("auditor.review").joinpath("schema.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)


@dataclass
class FileReview:
    """What a person said about one file's content."""

    sha256: str
    by: str
    at: str  # ISO 8601, when it was said
    why: str = ""
    path: str = ""  # where the file was when corrected (for people; not used to find it)
    date: str | None = None
    signed: bool | None = None
    rule: str | None = None
    part: str | None = None
    month: int | None = None
    ignore: bool = False

    def to_yaml(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sha256": self.sha256, "path": self.path}
        for name in FILE_FIELDS:
            value = getattr(self, name)
            if value is not None and value is not False:
                out[name] = value
        out.update(by=self.by, at=self.at, why=self.why)
        return out

    def said(self) -> dict[str, Any]:
        """The corrected fields only."""
        return {k: v for k, v in self.to_yaml().items() if k in FILE_FIELDS}


@dataclass
class VerdictReview:
    """A person's decision on one rule for one due month."""

    rule: str
    month: int
    decision: str  # one of DECISIONS
    by: str
    at: str
    why: str

    def to_yaml(self) -> dict[str, Any]:
        return {"rule": self.rule, "month": self.month, "decision": self.decision,
                "by": self.by, "at": self.at, "why": self.why}


@dataclass
class Book:
    """Every correction and decision of one corrections file."""

    path: Path
    files: list[FileReview] = field(default_factory=list)
    verdicts: list[VerdictReview] = field(default_factory=list)
    loaded: LoadedYaml | None = None  # the parsed file, for located messages

    def file(self, sha256: str) -> FileReview | None:
        return next((f for f in self.files if f.sha256 == sha256), None)

    def verdict(self, rule: str, month: int) -> VerdictReview | None:
        return next((v for v in self.verdicts if v.rule == rule and v.month == month), None)

    def check(self, ruleset: Any) -> None:
        """Rule ids, parts and dates the rules and the calendar know; else a ConfigError
        naming file, line and key (exit 2)."""
        rules = {r.id: r for r in ruleset.rules}
        problems: list[str] = []

        def where(loc: tuple[str | int, ...], message: str) -> None:
            problems.append(located(self.loaded, loc, message) if self.loaded
                            else f"{self.path}: {message}")

        for i, entry in enumerate(self.files):
            if entry.date is not None:
                try:
                    dt.date.fromisoformat(entry.date)
                except ValueError:
                    where(("files", i, "date"), t("review.bad_date", value=entry.date))
            if entry.rule is not None:
                rule = rules.get(entry.rule)
                if rule is None:
                    where(("files", i, "rule"), t("review.unknown_rule", rule=entry.rule))
                elif entry.part is not None and entry.part not in part_names(rule):
                    where(("files", i, "part"), t("review.unknown_part", part=entry.part,
                                                  rule=rule.id,
                                                  parts=", ".join(part_names(rule))))
            elif entry.part is not None or entry.month is not None:
                where(("files", i), t("review.part_needs_rule"))
        for i, decision in enumerate(self.verdicts):
            if decision.rule not in rules:
                where(("verdicts", i, "rule"), t("review.unknown_rule", rule=decision.rule))
        if problems:
            raise ConfigError("\n".join(problems))

    def to_yaml(self) -> str:
        data = {"files": [f.to_yaml() for f in self.files],
                "verdicts": [v.to_yaml() for v in self.verdicts]}
        body = yaml.dump(data, Dumper=TextDumper, allow_unicode=True, sort_keys=False, width=100)
        return t("review.file_header") + "\n" + body

    def save(self) -> None:
        """Write the whole file at once: a scan reading it sees the old or the new one."""
        atomic_write(self.path, self.to_yaml())


def part_names(rule: Any) -> list[str]:
    """The names a part can be given by: its key in verdicts (scan.match.part_key)."""
    from auditor.scan.match import part_key

    return [part_key(rule, p) for p in rule.parts] or ["dokumen"]


def _plain(value: Any) -> Any:
    """Dates written without quotes (``date: 2022-05-13``) are text to the schema."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_book(path: Path) -> Book:
    """The corrections file at ``path``; an empty book when there is none yet. A bad file
    is a ConfigError naming file, line and key."""
    path = Path(path)
    if not path.exists():
        return Book(path)
    loaded = load_yaml(path)
    loaded.data = _plain(loaded.data) if loaded.data is not None else {}
    if not isinstance(loaded.data, dict):
        raise ConfigError(located(loaded, (), t("review.not_mapping")))
    validate(loaded, schema())
    data = loaded.data
    files = [FileReview(**entry) for entry in data.get("files") or []]
    verdicts = [VerdictReview(**entry) for entry in data.get("verdicts") or []]
    return Book(path, files, verdicts, loaded)


def corrections_path(config: Any) -> Path:
    """Where the config keeps its corrections (``corrections:``, default beside it)."""
    return Path(config.corrections)
