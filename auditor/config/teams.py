"""The config's teams against the rules' teams: who receives which team's gaps.

A config team must name (by ``name`` or one of its ``aliases``) a team of the rules;
otherwise its lead would get "semua lengkap" while the real team's gaps reach nobody. Each
name or alias that no rule uses is an error naming file, line and key, with the closest
rules team names as a suggestion ("maksud Anda 'Tim Penataan Sistem Manajemen SDM/ASN'?").
A rules team that no config team names is not an error: the coordinator's mail names it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from auditor.config.model import Config
from auditor.errors import ConfigError
from auditor.i18n import t
from auditor.yamlfile import load_yaml, located


def rules_teams(config: Config) -> list[str]:
    from auditor.rules.load import load_rulesets

    return sorted({rule.team for rule in load_rulesets(config.rules).rules if rule.team})


def _suggest(name: str, known: list[str]) -> str:
    by_lower = {k.lower(): k for k in known}
    words = set(name.lower().replace("/", " ").split()) - {"tim"}
    close = [k for k in by_lower if words & set(k.replace("/", " ").split())]  # "SDM", "Pengawasan"
    close += [k for k in difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.3)
              if k not in close]
    names = [by_lower[c] for c in close[:3]]
    if names:
        return t("teams.did_you_mean", names=" / ".join(f"'{n}'" for n in names))
    return t("teams.known", names=", ".join(f"'{n}'" for n in known))


def team_problems(config: Config, known: Iterable[str]) -> list[str]:
    """Located messages for every config team name or alias that no rule uses."""
    known = sorted(set(known))
    if config.path is None or not config.teams or not known:
        return []
    loaded = load_yaml(config.path)
    problems = []
    for index, team in enumerate(config.teams):
        if team.name not in known and not any(a in known for a in team.aliases):
            problems.append(located(loaded, ("teams", index, "name"), t(
                "teams.unknown", name=team.name, hint=_suggest(team.name, known))))
        for number, alias in enumerate(team.aliases):
            if alias not in known:
                problems.append(located(loaded, ("teams", index, "aliases", number), t(
                    "teams.unknown_alias", name=alias, hint=_suggest(alias, known))))
    return problems


def check_teams(config: Config, known: Iterable[str] | None = None) -> None:
    """Raise ConfigError (exit 2) when a config team names no team of the rules."""
    problems = team_problems(config, rules_teams(config) if known is None else known)
    if problems:
        raise ConfigError("\n".join(problems))
