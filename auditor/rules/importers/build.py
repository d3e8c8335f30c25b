"""Entries of the plan -> Rules with ids, parts, folders, patterns and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from auditor.i18n import t
from auditor.rules.derive import derive, folder_for, patterns_for
from auditor.rules.importers.items import entries as plan_entries
from auditor.rules.importers.table import Entry, Notice, SourceRow, read_table
from auditor.rules.model import Rule, RuleSet


@dataclass(frozen=True)
class ImportResult:
    ruleset: RuleSet
    warnings: tuple[str, ...]  # "PLAN:LINE: what was odd; what was assumed", one per row


def identity(lines: list[str], path: Path) -> tuple[str | None, int | None]:
    """The office and the plan year from the plan's title lines (or its file name)."""
    office = None
    year = None
    for line in lines:
        text = line.strip().strip(".,")
        match = re.match(r"^KOMISI PEMILIHAN UMUM\s+(KABUPATEN|KOTA|PROVINSI)\s+(.+)$", text, re.I)
        if match and office is None:
            office = f"KPU {match.group(1).title()} {match.group(2).title()}"
        year_match = re.search(r"\bTAHUN\s+(20\d\d)\b", text, re.I)
        if year_match and "RENCANA AKSI" in text.upper() and year is None:
            year = int(year_match.group(1))
    if year is None:
        found = re.findall(r"(20\d\d)", path.stem)
        year = int(found[-1]) if found else None
    return office, year


def _message(notice: Notice) -> str:
    return t(f"rules.import.{notice.key}", **dict(notice.values))


def build(rows: list[SourceRow], plan: Path, office: str, year: int, source: str) -> ImportResult:
    areas, table_notices = read_table(rows)
    months = [m for area in areas for row in area.rows for m in row.months]
    found = plan_entries(areas, min(months) if months else 1)
    rules: list[Rule] = []
    counters: dict[tuple[str, int], int] = {}
    by_line: dict[int, list[str]] = {}
    for notice in table_notices:
        by_line.setdefault(notice.line, []).append(_message(notice))
    for entry in found:
        key = (entry.area, entry.item)
        counters[key] = counters.get(key, 0) + 1
        rules.append(_rule(entry, counters[key], areas_team(areas, entry.area)))
        for notice in entry.notices:
            messages = by_line.setdefault(notice.line, [])
            text = _message(notice)
            if text not in messages:
                messages.append(text)
    warnings = tuple(f"{plan}:{line}: {' | '.join(msgs)}" for line, msgs in sorted(by_line.items()))
    teams = tuple(dict.fromkeys(r.team for r in rules))
    return ImportResult(RuleSet(office=office, year=year, source=source, rules=tuple(rules),
                                teams=teams), warnings)


def areas_team(areas: list, roman: str) -> str:
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
