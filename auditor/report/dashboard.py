"""reports_dir/index.html: the office across the months, for the ZI coordinator.

One self-contained, printable page linking every monthly report, with per Tim the due /
complete / gaps of each month of the plan year (a chart and a table), the trend of the last
scans, the areas x months grid of the plan in the monthly report's status colours, the ten
oldest open gaps with their Tim and folder, and what falls due next month.

The months' figures come from the state (``State.month_counts``: each month's last scan,
counted by Tim, area, due month and status; ``State.history``: every scan), never from old
reports read back; the gaps and next month's work come from the newest report, the one
just written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from auditor.audit.model import GAP_STATUSES, STATUSES, AuditReport, RunSummary, Verdict
from auditor.audit.state import CountRow
from auditor.i18n import t
from auditor.report import charts
from auditor.report.html import render_template
from auditor.report.labels import NOT_DUE, SYMBOLS, UPCOMING, month_name, month_short, status_label

DASHBOARD = "index.html"
OLDEST_SHOWN = 10
TREND_SCANS = 12
# the cell of an area and month takes the colour of its most pressing status
_SEVERITY = ("missing", "incomplete", "unsigned", "undated", "needs_review", "late", "ok")


@dataclass
class TeamMonth:
    month: int
    due: int
    ok: int
    gaps: int


@dataclass
class TeamBlock:
    team: str
    months: list[TeamMonth | None]  # one per month of the plan year; None: no scan that month
    chart: Markup


@dataclass
class GridCell:
    state: str
    symbol: str
    label: str
    text: str  # "complete/due", or "" when nothing is due


@dataclass
class DashboardView:
    lang: str
    office: str
    year: int
    month: int
    generated_at: str
    links: list[tuple[str, str]]  # (label, href relative to index.html)
    months: list[tuple[int, str]]
    teams: list[TeamBlock]
    trend: list[RunSummary]
    trend_chart: Markup
    areas: list[tuple[str, str, list[GridCell]]]  # (area, name, cells per month)
    oldest: list[Verdict]
    upcoming: list[Verdict]
    next_month: str


def _team_months(counts: dict[int, tuple[str, list[CountRow]]]) -> dict[str, dict[int, TeamMonth]]:
    out: dict[str, dict[int, TeamMonth]] = {}
    for month, (_, rows) in counts.items():
        for row in rows:
            cell = out.setdefault(row.team, {}).setdefault(month, TeamMonth(month, 0, 0, 0))
            cell.due += row.n
            if row.status in GAP_STATUSES:
                cell.gaps += row.n
            else:
                cell.ok += row.n
    for by_month in out.values():  # a month scanned with nothing due for the Tim: zeros
        for month in counts:
            by_month.setdefault(month, TeamMonth(month, 0, 0, 0))
    return out


def _grid(report: AuditReport, rows: list[CountRow], lang: str) -> list[tuple[str, str, list[GridCell]]]:
    names = {r.get("area"): r.get("area_name", "") for r in report.rules}
    planned = {(r.get("area"), m) for r in report.rules for m in r.get("months", ())}
    by_cell: dict[tuple[str, int], dict[str, int]] = {}
    for row in rows:
        statuses = by_cell.setdefault((row.area, row.due_month), {})
        statuses[row.status] = statuses.get(row.status, 0) + row.n
    areas = sorted({a for a, _ in by_cell} | {a for a, _ in planned if a},
                   key=lambda a: (["I", "II", "III", "IV", "V", "VI"] + [a]).index(a))
    out = []
    for area in areas:
        cells = []
        for month in range(1, 13):
            statuses = by_cell.get((area, month))
            if statuses:
                state = next((s for s in _SEVERITY if s in statuses),
                             next(s for s in STATUSES if s in statuses))
                due = sum(statuses.values())
                done = sum(n for s, n in statuses.items() if s not in GAP_STATUSES)
                cells.append(GridCell(state, SYMBOLS.get(state, ""), status_label(state, lang),
                                      f"{done}/{due}"))
            elif (area, month) in planned and month > report.month:
                cells.append(GridCell(UPCOMING, SYMBOLS[UPCOMING],
                                      status_label(UPCOMING, lang), ""))
            else:
                cells.append(GridCell(NOT_DUE, "", status_label(NOT_DUE, lang), ""))
        out.append((area, names.get(area, ""), cells))
    return out


def report_links(reports_dir: Path, year: int, lang: str,
                 page_dir: Path | None = None) -> list[tuple[str, str]]:
    """Every monthly report of ``year`` under ``reports_dir``, oldest first, linked from a
    page in ``page_dir`` (default: reports_dir)."""
    import os

    out = []
    if reports_dir.is_dir():
        for child in sorted(reports_dir.iterdir()):
            match = re.fullmatch(rf"({year})-(\d\d)", child.name)
            if match and (child / "gap-report.html").is_file():
                label = f"{month_name(int(match.group(2)), lang)} {year}"
                href = os.path.relpath(child / "gap-report.html", page_dir or reports_dir)
                out.append((label, Path(href).as_posix()))
    return out


def build_dashboard(report: AuditReport, counts: dict[int, tuple[str, list[CountRow]]],
                    history: list[RunSummary], reports_dir: Path, lang: str,
                    page_dir: Path | None = None) -> DashboardView:
    """The dashboard of ``report``'s year: ``counts`` and ``history`` from the state."""
    months = [(m, month_short(m, lang)) for m in range(1, 13)]
    teams = []
    done_label, gaps_label = t("dashboard.complete", lang), t("dashboard.gaps", lang)
    for team, by_month in sorted(_team_months(counts).items()):
        cells = [by_month.get(m) for m in range(1, 13)]
        chart = charts.stacked_bars(
            t("dashboard.team_chart", lang, team=team), [s for _, s in months],
            [c.ok if c else None for c in cells], [c.gaps if c else None for c in cells],
            done_label, gaps_label, t("dashboard.chart_note", lang))
        teams.append(TeamBlock(team, cells, chart))
    trend = history[-TREND_SCANS:]
    trend_chart = charts.line_chart(
        t("dashboard.trend_chart", lang),
        [f"{month_short(r.month, lang)} {r.run_at[8:10]}/{r.run_at[5:7]}" for r in trend],
        [r.gaps for r in trend])
    latest = counts.get(report.month, ("", []))[1]
    oldest = sorted((v for v in report.verdicts if v.is_gap),
                    key=lambda v: (v.month, v.rule_id))[:OLDEST_SHOWN]
    next_month = month_name(report.month % 12 + 1, lang)
    return DashboardView(
        lang=lang, office=report.office, year=report.year, month=report.month,
        generated_at=report.generated_at, links=report_links(reports_dir, report.year, lang, page_dir),
        months=months, teams=teams, trend=trend, trend_chart=trend_chart,
        areas=_grid(report, latest, lang), oldest=oldest, upcoming=list(report.upcoming),
        next_month=next_month)


def render_dashboard(view: DashboardView) -> str:
    return render_template("dashboard.html.j2", view.lang, x=view,
                           status_label=lambda s: status_label(s, view.lang),
                           month_name=lambda m: month_name(m, view.lang))


def write_dashboard(report: AuditReport, state_dir: Path, reports_dir: Path, lang: str,
                    out_dir: Path | None = None) -> Path:
    """Write ``index.html`` (in ``out_dir``, default ``reports_dir``) for ``report``'s year
    from the state."""
    from auditor.audit.state import open_state
    from auditor.report.atomic import atomic_write

    with open_state(state_dir) as state:
        counts, history = state.month_counts(report.year), state.history(report.year)
    path = (out_dir or reports_dir) / DASHBOARD
    atomic_write(path, render_dashboard(build_dashboard(report, counts, history, reports_dir,
                                                        lang, out_dir)))
    return path
