"""`zi-auditor review list`: every correction and decision, who, when and why."""

from __future__ import annotations

from typing import Any

from auditor.config.model import Config
from auditor.i18n import default_language, t
from auditor.report.labels import month_name
from auditor.review.apply import day_of, said_text
from auditor.review.book import load_book


def listing(config: Config, team: str | None, month: int | None) -> str:
    from auditor.rules.cache import cached_rules
    from auditor.scan.match import RuleIndex

    book = load_book(config.corrections)
    if not book.files and not book.verdicts:
        return t("review.cli.list_empty", file=book.path)
    ruleset = cached_rules(list(config.rules), config.state_dir)
    index = RuleIndex(ruleset.rules, year=config.year or ruleset.year)
    team_of = {r.id: r.team for r in ruleset.rules}
    wanted = _team_names(config, team)
    lines = []
    for f in book.files:
        rule = f.rule or (m.rule.id if (m := index.match(f.path)) else None)
        served = f.month or (int(f.date[5:7]) if f.date else None)
        if wanted is not None and team_of.get(rule or "") not in wanted:
            continue
        if month is not None and served != month:
            continue
        lines.append(t("review.mail.entry_file", path=f.path or f.sha256, said=said_text(f, default_language()),
                       by=f.by, when=day_of(f.at, default_language()), why=f.why or "-"))
    for v in book.verdicts:
        if wanted is not None and team_of.get(v.rule) not in wanted:
            continue
        if month is not None and v.month != month:
            continue
        lines.append(t("review.mail.entry_verdict", rule=v.rule,
                       month=month_name(v.month, default_language()),
                       decision=t(f"review.cli.decision.{v.decision}"), by=v.by,
                       when=day_of(v.at, default_language()), why=v.why))
    return "\n".join(lines) if lines else t("review.cli.list_none_chosen", file=book.path)


def _team_names(config: Config, team: str | None) -> set[Any] | None:
    if team is None:
        return None
    found = config.team(team)
    return set(found.names) if found else {team}

