"""`config validate`: beyond the schema, check what can be checked before the first night run.

Loading a config (every command) only checks the file itself: a scan must still be able to
say "the evidence root is missing" with its own exit code (3). Here, for the person setting
the office up, every folder and file the config names is looked at as the service would use
it: the evidence root and the rules readable, the report and state folders writable (or
creatable), the mail password in the environment, the office's own name set. Nothing is
created or changed; every problem names file, line and key, with what to do.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.config.load import load_config_source
from auditor.config.model import Config
from auditor.config.teams import team_problems
from auditor.errors import ConfigError
from auditor.i18n import t
from auditor.yamlfile import LoadedYaml, located

if TYPE_CHECKING:
    from auditor.rules.model import RuleSet


def check_setup(path: str | os.PathLike[str]) -> Config:
    """The config at ``path``, or a ConfigError listing every problem found (exit 2)."""
    config, loaded = load_config_source(path)
    ruleset, rules_problems = _rules(config, loaded)
    office = ruleset.office if ruleset else None
    teams = team_problems(config, {r.team for r in ruleset.rules if r.team}) if ruleset else []
    problems = [
        *_office(config, loaded, office),
        *_evidence_root(config, loaded),
        *rules_problems,
        *teams,
        *_writable(config.reports_dir, ("reports_dir",), loaded),
        *_writable(config.state_dir, ("state_dir",), loaded),
        *_password(loaded),
        *_corrections(config, ruleset),
    ]
    if problems:
        raise ConfigError("\n".join(problems))
    return config


def _office(config: Config, loaded: LoadedYaml, rules_office: str | None) -> list[str]:
    if config.office:
        return []
    return [located(loaded, ("office",), t("config.check.no_office", name=rules_office or "?"))]


def _evidence_root(config: Config, loaded: LoadedYaml) -> list[str]:
    root = config.evidence_root
    if not root.exists():
        return [located(loaded, ("evidence_root",), t("config.check.root_missing", path=root))]
    if not root.is_dir():
        return [located(loaded, ("evidence_root",), t("config.check.not_a_folder", path=root))]
    if not os.access(root, os.R_OK | os.X_OK):
        return [located(loaded, ("evidence_root",), t("config.check.root_unreadable", path=root))]
    return []


def _rules(config: Config, loaded: LoadedYaml) -> tuple[RuleSet | None, list[str]]:
    """The rules (None when they cannot be loaded), and their problems."""
    problems: list[str] = []
    for index, path in enumerate(config.rules):
        at = ("rules", index) if loaded.data.get("rules") else ("rules",)
        if not path.is_file():
            problems.append(located(loaded, at, t("config.check.rules_missing", path=path)))
        elif not os.access(path, os.R_OK):
            problems.append(located(loaded, at, t("config.check.rules_unreadable", path=path)))
    if problems:
        return None, problems
    from auditor.rules.load import load_rulesets

    try:
        return load_rulesets(config.rules), []
    except ConfigError as exc:  # located in the rules file itself
        return None, [exc.message]


def _writable(folder: Path, at: tuple[str, ...], loaded: LoadedYaml) -> list[str]:
    """``folder`` can be written, or made by the service in the nearest folder that exists."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return [located(loaded, at, t("config.check.not_a_folder" if existing == folder
                                      else "config.check.cannot_create",
                                      path=existing if existing == folder else folder,
                                      blocker=existing))]
    if not os.access(existing, os.W_OK | os.X_OK):
        key = "config.check.not_writable" if existing == folder else "config.check.cannot_create"
        return [located(loaded, at, t(key, path=folder, blocker=existing))]
    return []


def _corrections(config: Config, ruleset: RuleSet | None) -> list[str]:
    """The corrections file (when there is one) as a scan would read it: schema, then the
    rules, parts and dates it names (located in the corrections file itself)."""
    from auditor.review.book import load_book

    try:
        book = load_book(config.corrections)
        if ruleset is not None:
            book.check(ruleset)
    except ConfigError as exc:
        return [exc.message]
    return []


def _password(loaded: LoadedYaml) -> list[str]:
    smtp = loaded.data.get("smtp") or {}
    if not smtp.get("user"):
        return []
    variable = smtp.get("password_env")
    if not variable:
        return [located(loaded, ("smtp", "user"), t("config.check.no_password_env"))]
    if not os.environ.get(variable):
        return [located(loaded, ("smtp", "password_env"),
                        t("config.check.password_unset", variable=variable))]
    return []
