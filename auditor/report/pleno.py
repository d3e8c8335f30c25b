"""ringkasan-pleno.html: the one- or two-page summary printed for the Pleno: per Tim what
fell due, what is complete, the gaps, and the most urgent gaps with the folder to fill."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.audit.model import AuditReport
from auditor.report.base import ReportFormat
from auditor.report.html import render_template
from auditor.report.view import ReportView, TeamView, Todo, build_view

URGENT = 5  # gaps listed per Tim; the full report has the rest


@dataclass
class PlenoTeam:
    team: TeamView
    urgent: list[Todo]  # the oldest gaps first: the longest overdue
    more: int  # gaps not listed here


def pleno_teams(view: ReportView) -> list[PlenoTeam]:
    out = []
    for team in view.teams:
        todo = sorted(team.todo, key=lambda d: d.month)  # stable: plan order within a month
        out.append(PlenoTeam(team, todo[:URGENT], max(len(todo) - URGENT, 0)))
    return out


class PlenoFormat(ReportFormat):
    name = "pleno"
    filename = "ringkasan-pleno.html"

    def render(self, report: AuditReport, lang: str) -> str:
        view = build_view(report, lang)
        return render_template("pleno.html.j2", lang, v=view, teams=pleno_teams(view),
                               urgent=URGENT)
