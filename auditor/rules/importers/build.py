"""Entries of the plan -> Rules with ids, parts, folders, patterns, teams and notes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor.i18n import t
from auditor.rules.derive import derive, folder_for, patterns_for
from auditor.rules.importers.items import entries as plan_entries
from auditor.rules.importers.table import Area, Entry, Notice, Table
from auditor.rules.model import Rule, RuleSet


@dataclass(frozen=True)
class ImportResult:
    ruleset: RuleSet
    warnings: tuple[str, ...]  # "PLAN:LINE: what was odd; what was assumed", one per row
    assumptions: tuple[str, ...] = ()  # what was assumed for the whole plan, in plain words
    not_understood: tuple[int, ...] = ()  # lines of rows that made no rule and were not furniture
    data_rows: int = 0
    columns: str = ""  # the mapping: 'no=A (NO), area=B (KOMPONEN), …'


def _message(notice: Notice) -> str:
    return t(f"rules.import.{notice.key}", **dict(notice.values))


def build(table: Table, plan: Path, office: str, year: int, source: str,
          teams: dict[str, str] | None = None,
          assumptions: list[str] | None = None) -> ImportResult:
    """Rules from pass 1's table. Teams: each row's own, else its item's, else its area's
    (``teams`` from --team, the area's first team, or 'Tim Area I' …). A plan that names a
    team once per area gives that team to the whole area without a warning."""
    areas = table.areas
    teams = teams or {}
    notes = list(assumptions or ())
    months = [m for area in areas for row in area.rows for m in row.months]
    found, empty_items = plan_entries(areas, min(months) if months else 1)
    per_row = any(area.team_rows >= 2 for area in areas)
    has_team = table.columns.get("team") is not None or any(a.team for a in areas)
    if not has_team:
        named = [f"{a.roman}={teams[a.roman]}" for a in areas if a.roman in teams]
        notes.append(t("rules.import.no_team_column", given=", ".join(named) or "-"))
    for key, values in table.assumptions:
        notes.append(t(f"rules.import.{key}", **dict(values)))
    rules: list[Rule] = []
    counters: dict[tuple[str, int], int] = {}
    by_line: dict[int, list[str]] = {}
    for notice in [*table.notices, *empty_items]:
        by_line.setdefault(notice.line, []).append(_message(notice))
    for entry in found:
        key = (entry.area, entry.item)
        counters[key] = counters.get(key, 0) + 1
        default = area_team(areas, entry.area, teams)
        if not per_row or not entry.team:
            if per_row and counters[key] == 1:
                entry.notices.append(Notice(entry.line, "team_from_area", (("team", default),)))
            entry.team = default
        rules.append(_rule(entry, counters[key], entry.team))
        for notice in entry.notices:
            messages = by_line.setdefault(notice.line, [])
            text = _message(notice)
            if text not in messages:
                messages.append(text)
    warnings = tuple(f"{plan}:{line}: {' | '.join(msgs)}" for line, msgs in sorted(by_line.items()))
    team_names = tuple(dict.fromkeys(r.team for r in rules))
    return ImportResult(RuleSet(office=office, year=year, source=source, rules=tuple(rules),
                                teams=team_names), warnings, tuple(notes),
                        tuple(table.not_understood), table.data_rows, table.columns.describe())


def area_team(areas: list[Area], roman: str, teams: dict[str, str] | None = None) -> str:
    if teams and roman in teams:
        return teams[roman]
    for area in areas:
        if area.roman == roman and area.team:
            return area.team
    return f"Tim Area {roman}"


def _rule(entry: Entry, number: int, team: str) -> Rule:
    rule_id = f"{entry.area}.{entry.item}.{number}"
    derived = derive(entry.evidence)
    folder = folder_for(rule_id, entry.area, entry.area_name, entry.item, entry.item_name,
                        entry.evidence, derived)
    notes = list(dict.fromkeys(_message(n) for n in entry.notices))
    return Rule(
        id=rule_id, area=entry.area, area_name=entry.area_name, item=entry.item,
        item_name=entry.item_name, indicator=entry.indicator, action=entry.action,
        evidence=entry.evidence, team=team, months=tuple(entry.months), parts=derived.parts,
        patterns=patterns_for(folder), folder=folder, subject=derived.subject,
        note=" ".join(_sentence(n) for n in notes) or None, plan_line=entry.line,
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
