"""What every human-readable format shows, computed once from an AuditReport.

HTML and Markdown render the same ReportView, so they never disagree on a count, an order
or a label. Nothing here escapes text: each format escapes for its own syntax.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from auditor.audit.assemble import count_verdicts
from auditor.audit.model import DECIDED, STATUSES, AuditReport, Count, FileEvidence, Verdict
from auditor.i18n import t
from auditor.report import labels
from auditor.report.links import link_url
from auditor.review.hints import fix_command
from auditor.rules.model import AREAS

_T = TypeVar("_T")


@dataclass
class Cell:
    month: int
    state: str  # a status, labels.UPCOMING or labels.NOT_DUE
    label: str
    symbol: str
    current: bool  # the report month's column


@dataclass
class GridRow:
    rule_id: str
    evidence: str
    team: str
    cells: list[Cell]


@dataclass
class GridItem:
    area: str
    item: int
    name: str
    rows: list[GridRow] = field(default_factory=list)


@dataclass
class GridArea:
    area: str
    name: str
    items: list[GridItem] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)  # the Tim(s) responsible, in plan order


@dataclass
class FileView:
    path: str
    part: str
    signed: str
    line: str  # date, where it came from, modification time
    error: str | None
    href: str | None  # through links.base (report/links.py); None: the path shows as text
    guessed: str = ""  # "guessed from the names; please check" when the rule was guessed
    why: str = ""  # the story `zi-auditor explain` tells of a guessed file


@dataclass
class Todo:
    rule_id: str
    evidence: str
    month: int
    month_name: str
    status: str
    status_label: str
    symbol: str
    problems: list[str]
    folder: str
    folder_href: str | None
    files: list[FileView]
    fix: str = ""  # the command that would correct it (auditor/review/hints.py)


@dataclass
class TeamView:
    name: str
    count: Count
    todo: list[Todo]
    upcoming: list[Todo]
    decided: list[Todo] = field(default_factory=list)  # accepted / not applicable, by a person


@dataclass
class HistoryRow:
    run_at: str
    month_name: str
    due: int
    ok: int
    gaps: int
    files: int
    percent: int


@dataclass
class LegendEntry:
    state: str
    label: str
    symbol: str
    help: str


@dataclass
class ReportView:
    lang: str
    title: str
    office: str
    period: str
    year: int
    month: int
    as_of: str
    generated_at: str
    evidence_root: str
    summary: Count
    status_counts: list[tuple[str, str, int]]  # (status, label, n) for statuses present
    teams: list[TeamView]
    grid: list[GridArea]
    months: list[tuple[int, str]]  # (1, "Jan") ... (12, "Des")
    legend: list[LegendEntry]
    errors: list[dict[str, str]]
    history: list[HistoryRow]
    verdicts: list[Verdict]
    unmatched: list[dict[str, str]] = field(default_factory=list)  # the first SHOWN_UNMATCHED
    unmatched_total: int = 0
    new_folders: list[dict[str, str]] = field(default_factory=list)  # {folder, line}
    retried: int = 0  # files read again alone after a timeout or crash among others
    on_word: str = ""  # how many verdicts rest on a person's word, as a sentence
    no_recipient: str = ""  # the teams whose gaps reach no lead, as a sentence
    corrected: list[FileView] = field(default_factory=list)  # files a person corrected


SHOWN_UNMATCHED = 200  # files not recognised listed in the HTML and Markdown reports


def rule_sort_key(rule_id: str) -> tuple[int, int, int, str]:
    """I.2.10 after I.2.9; unknown shapes last, in text order."""
    parts = rule_id.split(".")
    try:
        return (AREAS.index(parts[0]), int(parts[1]), int(parts[2]), "")
    except (ValueError, IndexError):
        return (len(AREAS), 0, 0, rule_id)


def report_rules(report: AuditReport) -> list[dict[str, Any]]:
    """The report's rules, or (when the audit sent none) the rules the verdicts name."""
    if report.rules:
        return sorted(report.rules, key=lambda r: rule_sort_key(str(r.get("id", ""))))
    derived: dict[str, dict[str, Any]] = {}
    for verdict in [*report.verdicts, *report.upcoming]:
        rule = derived.setdefault(verdict.rule_id, {
            "id": verdict.rule_id, "area": verdict.area, "area_name": "", "item": verdict.item,
            "item_name": "", "evidence": verdict.evidence, "team": verdict.team, "months": [],
            "folder": verdict.folder, "indicator": "",
        })
        rule["months"].append(verdict.month)
    return sorted(derived.values(), key=lambda r: rule_sort_key(r["id"]))


@dataclass
class RuleGroup:
    """The report's rules of one item of one area, in plan order."""

    area: str
    area_name: str
    item: int
    item_name: str
    rules: list[dict[str, Any]]


def rules_by_item(report: AuditReport) -> list[RuleGroup]:
    """The report's rules grouped by area, then item (the plan's own order)."""
    groups: dict[tuple[str, int], RuleGroup] = {}
    for rule in report_rules(report):
        key = (str(rule.get("area", "")), int(rule.get("item") or 0))
        group = groups.get(key)
        if group is None:
            group = groups[key] = RuleGroup(key[0], str(rule.get("area_name") or ""), key[1],
                                            str(rule.get("item_name") or ""), [])
        group.rules.append(rule)
    return list(groups.values())


def _file_view(evidence: FileEvidence, lang: str, base: str | None) -> FileView:
    return FileView(path=evidence.path, part=evidence.part or "",
                    signed=labels.signed_label(evidence.signed, lang),
                    line=labels.file_line(evidence, lang), error=evidence.error,
                    href=link_url(base, evidence.path),
                    guessed=t("report.guessed", lang) if evidence.matched_by == "guess" else "",
                    why=evidence.explain or "")


def _todo(verdict: Verdict, lang: str, base: str | None) -> Todo:
    return Todo(
        rule_id=verdict.rule_id, evidence=verdict.evidence, month=verdict.month,
        month_name=labels.month_name(verdict.month, lang), status=verdict.status,
        status_label=labels.status_label(verdict.status, lang),
        symbol=labels.SYMBOLS.get(verdict.status, ""), problems=list(verdict.problems),
        folder=verdict.folder, folder_href=link_url(base, verdict.folder),
        files=[_file_view(f, lang, base) for f in verdict.files],
        fix=fix_command(verdict) if verdict.is_gap else "",
    )


def by_rule_month(verdicts: list[Verdict]) -> dict[tuple[str, int], Verdict]:
    return {(v.rule_id, v.month): v for v in verdicts}


def rule_cells(rule: dict[str, Any], judged: dict[tuple[str, int], Verdict], report_month: int,
               lang: str) -> list[Cell]:
    """Twelve cells: the verdict's status, 'upcoming' when due but not judged yet, else blank."""
    due = set(rule.get("months") or [])
    cells = []
    for month in range(1, 13):
        verdict = judged.get((str(rule["id"]), month))
        if verdict is not None:
            state = verdict.status
        elif month in due:
            state = labels.UPCOMING
        else:
            state = labels.NOT_DUE
        cells.append(Cell(month, state, labels.status_label(state, lang),
                          labels.SYMBOLS.get(state, ""), month == report_month))
    return cells


def _grid(report: AuditReport, lang: str) -> list[GridArea]:
    judged = by_rule_month(report.verdicts)
    areas: dict[str, GridArea] = {}
    for group in rules_by_item(report):
        area = areas.setdefault(group.area, GridArea(group.area, group.area_name))
        item = GridItem(group.area, group.item, group.item_name)
        area.items.append(item)
        for rule in group.rules:
            team = str(rule.get("team") or "")
            if team and team not in area.teams:
                area.teams.append(team)
            item.rows.append(GridRow(str(rule["id"]), str(rule.get("evidence") or ""), team,
                                     rule_cells(rule, judged, report.month, lang)))
    return list(areas.values())


def _team_names(report: AuditReport) -> list[str]:
    """Teams in plan order (the first rule each owns), then any others by name."""
    first: dict[str, tuple[int, int, int, str]] = {}
    for rule in report_rules(report):
        key = rule_sort_key(str(rule.get("id", "")))
        team = str(rule.get("team") or "")
        first[team] = min(first.get(team, key), key)
    names = set(report.by_team) | {v.team for v in [*report.verdicts, *report.upcoming]}
    return sorted(names, key=lambda n: (n not in first, first.get(n, (0, 0, 0, "")), n))


def _teams(report: AuditReport, lang: str) -> list[TeamView]:
    names = _team_names(report)
    order = lambda v: (v.month, rule_sort_key(v.rule_id))  # noqa: E731
    teams = []
    for name in names:
        gaps = sorted((v for v in report.verdicts if v.team == name and v.is_gap), key=order)
        nxt = sorted((v for v in report.upcoming if v.team == name), key=order)
        count = report.by_team.get(name) or count_verdicts([v for v in report.verdicts if v.team == name])[0]
        base = report.output.links_base
        decided = sorted((v for v in report.verdicts if v.team == name and v.status in DECIDED),
                         key=order)
        teams.append(TeamView(name, count, [_todo(v, lang, base) for v in gaps],
                              [_todo(v, lang, base) for v in nxt],
                              [_todo(v, lang, base) for v in decided]))
    return teams


def _history(report: AuditReport, lang: str) -> list[HistoryRow]:
    rows = []
    for run in sorted(report.history, key=lambda h: h.run_at):
        percent = round(100 * run.ok / run.due) if run.due else 0
        rows.append(HistoryRow(labels.short_time(run.run_at), labels.month_name(run.month, lang),
                               run.due, run.ok, run.gaps, run.files, percent))
    return rows


_shared: ContextVar[dict[tuple[str, int, str], Any] | None] = ContextVar("view", default=None)


@contextmanager
def one_view() -> Iterator[None]:
    """While one report set is rendered, its formats share one view per language and one
    JSON form: the view (every file of every verdict, with its links) is the larger part of
    rendering HTML, Markdown and XLSX; the JSON form is both the set's content hash and
    gap-report.json."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def _once(kind: str, report: AuditReport, lang: str, make: Callable[[], _T]) -> _T:
    shared = _shared.get()
    if shared is None:
        return make()
    key = (kind, id(report), lang)
    if key not in shared:
        shared[key] = make()
    return shared[key]


def build_view(report: AuditReport, lang: str) -> ReportView:
    return _once("view", report, lang, lambda: _build_view(report, lang))


def report_json(report: AuditReport) -> dict[str, Any]:
    """``report.to_json()``, made once per report set: callers only read it."""
    return _once("json", report, "", report.to_json)


def _build_view(report: AuditReport, lang: str) -> ReportView:
    counts = Counter(v.status for v in report.verdicts)
    period = t("report.period", lang, month=labels.month_name(report.month, lang), year=report.year)
    legend_states = (*STATUSES, labels.UPCOMING, labels.NOT_DUE)
    return ReportView(
        lang=lang, title=t("report.title", lang), office=report.office, period=period,
        year=report.year, month=report.month, as_of=report.as_of,
        generated_at=labels.display_time(report.generated_at), evidence_root=report.evidence_root,
        summary=report.summary,
        status_counts=[(s, labels.status_label(s, lang), counts[s]) for s in STATUSES if counts[s]],
        teams=_teams(report, lang), grid=_grid(report, lang),
        months=[(m, labels.month_short(m, lang)) for m in range(1, 13)],
        legend=[LegendEntry(s, labels.status_label(s, lang), labels.SYMBOLS[s],
                            labels.status_help(s, lang)) for s in legend_states],
        errors=list(report.errors), history=_history(report, lang),
        verdicts=sorted(report.verdicts, key=lambda v: (rule_sort_key(v.rule_id), v.month)),
        unmatched=list(report.unmatched[:SHOWN_UNMATCHED]), unmatched_total=len(report.unmatched),
        retried=int(report.inspection.get("retried", 0)),
        new_folders=list(report.new_folders),
        on_word=(t("review.on_word", lang, count=report.review["on_word"])
                 if report.review.get("on_word") else ""),
        no_recipient=(t("report.no_recipient", lang, teams=", ".join(report.no_recipient))
                      if report.no_recipient else ""),
        corrected=_corrected(report, lang),
    )


def _corrected(report: AuditReport, lang: str) -> list[FileView]:
    """Each file a person corrected, once, with the correction and the tool's reading."""
    seen: dict[str, FileView] = {}
    for verdict in report.verdicts:
        for evidence in verdict.files:
            if evidence.review and evidence.path not in seen:
                seen[evidence.path] = _file_view(evidence, lang, report.evidence_root)
    return [seen[p] for p in sorted(seen)]
