"""Compose the letters of a month: one per team lead (their gaps only), one for the
coordinator (everything), and the coordinator's alerts. Channel-neutral: a channel module
(``auditor/deliver/channels/``) renders each ``Letter`` for its transport.

Who gets what:
- a config team receives the verdicts of every rules team it names (``name`` or an alias);
- a team with due rules and no gaps gets the short "semua lengkap" note (unless switched
  off); a team with nothing due gets no mail at all, never "semua lengkap";
- a rules team that no config team names, or whose team has no address, is named in the
  coordinator's letter ("tidak ada penerima untuk …"): its gaps are never dropped silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import ModuleType

from auditor.audit.model import DECIDED, AuditReport
from auditor.config.model import Config, Team
from auditor.deliver.body import Body, sorted_verdicts, upcoming_title
from auditor.deliver.channel import Attachment, Letter
from auditor.i18n import t
from auditor.report.csv_format import CsvFormat
from auditor.report.labels import month_name
from auditor.review.mail import review_paragraphs


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tim"


def _footer(config: Config, lang: str) -> list[str]:
    coordinator = config.coordinator
    who = f" ({coordinator.name}, {coordinator.email})" if coordinator and coordinator.name else (
        f" ({coordinator.email})" if coordinator else "")
    return [t("deliver.footer", lang, coordinator=who)]


def _not_attached(report_dir: Path | None, lang: str) -> list[str]:
    return [t("deliver.not_attached", lang, folder=report_dir or "-")]


def report_teams(report: AuditReport) -> list[str]:
    """The rules teams of a report: those with verdicts, counts or upcoming items."""
    names = {v.team for v in report.verdicts} | set(report.by_team) | {
        v.team for v in report.upcoming}
    return sorted(n for n in names if n)


def unaddressed(config: Config, report: AuditReport, channel: ModuleType) -> list[str]:
    """Rules teams of ``report`` whose gaps reach no lead in this channel."""
    out = []
    for name in report_teams(report):
        team = config.team(name)
        if team is None or not channel.address_of(team):
            out.append(name)
    return out


def compose_team(config: Config, report: AuditReport, team: Team, lang: str,
                 channel: ModuleType, report_dir: Path | None = None) -> Letter | None:
    """The lead's letter: their team's gaps and next month's items; None when not to send."""
    to = channel.address_of(team)
    if not to:
        return None
    names = set(team.names)
    mine = sorted_verdicts([v for v in report.verdicts if v.team in names])
    if not mine:
        return None  # nothing due: never tell a team "semua lengkap" about nothing
    gaps = [v for v in mine if v.is_gap]
    if not gaps and not config.email.send_when_complete:
        return None
    month, year = month_name(report.month, lang), report.year
    if gaps:
        subject = t("deliver.subject.team_gaps", lang, month=month, year=year, team=team.name,
                    count=len(gaps))
    else:
        subject = t("deliver.subject.team_complete", lang, month=month, year=year, team=team.name)
    due = len(mine)
    ok = sum(1 for v in mine if not v.is_gap)
    paragraphs = [t("deliver.intro.team", lang, team=team.name, month=month, year=year,
                    as_of=report.as_of),
                  t("deliver.counts", lang, due=due, ok=ok, gaps=len(gaps))]
    if not gaps:
        paragraphs.append(t("deliver.complete", lang))
    attachments, note = [], []
    if config.email.attach_csv:
        filename = f"zi-{slug(team.name)}-{year}-{report.month:02d}.csv"
        attachments.append(Attachment(filename, CsvFormat().render(
            replace(report, verdicts=mine), lang), "csv"))
        note = [t("deliver.attachment_note", lang, filename=filename)]
    body = Body(lang=lang, greeting=t("deliver.greeting", lang, name=team.lead or team.name),
                paragraphs=paragraphs, gaps=gaps,
                decided=sorted_verdicts([v for v in mine if v.status in DECIDED]),
                upcoming=sorted_verdicts([v for v in report.upcoming if v.team in names]),
                upcoming_title=upcoming_title(report, lang), closing=_footer(config, lang),
                links_base=report.output.links_base)
    return Letter(f"team:{team.name}", report.year, report.month, team.lead or team.name, to,
                  subject, body, attachments, note, _not_attached(report_dir, lang))


def compose_coordinator(config: Config, report: AuditReport, lang: str, channel: ModuleType,
                        report_dir: Path | None, no_recipient: list[str],
                        since: str | None = None) -> Letter | None:
    """The whole picture: every team's counts and gaps; the gaps as CSV and the HTML report."""
    if config.coordinator is None or not channel.address_of(config.coordinator):
        return None
    gaps = sorted_verdicts([v for v in report.verdicts if v.is_gap])
    month, year = month_name(report.month, lang), report.year
    subject = t("deliver.subject.coordinator", lang, month=month, year=year, count=len(gaps))
    paragraphs = [t("deliver.intro.coordinator", lang, month=month, year=year, as_of=report.as_of),
                  t("deliver.counts", lang, due=report.summary.due, ok=report.summary.ok,
                    gaps=report.summary.gaps)]
    if report.errors:
        paragraphs.append(t("deliver.unreadable_files", lang, count=len(report.errors)))
    if no_recipient:
        paragraphs.append(t("deliver.no_recipient", lang, teams=", ".join(no_recipient)))
    paragraphs += review_paragraphs(report.review, since, lang)
    attachments, note = [], []
    if config.email.attach_csv:
        filename = f"zi-{year}-{report.month:02d}.csv"
        attachments.append(Attachment(filename, CsvFormat().render(report, lang), "csv"))
        note.append(t("deliver.attachment_note", lang, filename=filename))
    html_report = report_dir / "gap-report.html" if report_dir else None
    if html_report is not None and html_report.is_file():
        attachments.append(Attachment(f"zi-{year}-{report.month:02d}.html",
                                      html_report.read_bytes(), "html"))
        note.insert(0, t("deliver.report_attached", lang))
    name = config.coordinator.name or config.coordinator.email
    body = Body(lang=lang, greeting=t("deliver.greeting", lang, name=name),
                paragraphs=paragraphs, summary=dict(sorted(report.by_team.items())), gaps=gaps,
                decided=sorted_verdicts([v for v in report.verdicts if v.status in DECIDED]),
                upcoming=sorted_verdicts(list(report.upcoming)),
                upcoming_title=upcoming_title(report, lang), show_team=True,
                closing=_footer(config, lang), links_base=report.output.links_base)
    return Letter("coordinator", report.year, report.month, config.coordinator.name,
                  channel.address_of(config.coordinator), subject, body, attachments, note,
                  _not_attached(report_dir, lang))


def compose_report(config: Config, report: AuditReport, lang: str, channel: ModuleType,
                   report_dir: Path | None = None, *,
                   since: str | None = None) -> tuple[list[Letter], list[str]]:
    """Every letter for one month's report, and the rules teams that reach no lead;
    ``since``: when the coordinator's last letter went (their list of corrections starts
    there)."""
    no_recipient = unaddressed(config, report, channel)
    out = [m for team in config.teams
           if (m := compose_team(config, report, team, lang, channel, report_dir))]
    coordinator = compose_coordinator(config, report, lang, channel, report_dir, no_recipient,
                                      since)
    if coordinator:
        out.append(coordinator)
    return out, no_recipient


def _coordinator_letter(config: Config, channel: ModuleType, kind: str, now: datetime,
                        subject: str, paragraphs: list[str], lang: str) -> Letter | None:
    if config.coordinator is None or not channel.address_of(config.coordinator):
        return None
    body = Body(lang=lang, greeting=t("deliver.greeting", lang,
                                      name=config.coordinator.name or config.coordinator.email),
                paragraphs=paragraphs, closing=_footer(config, lang))
    return Letter(kind, now.year, now.month, config.coordinator.name,
                  channel.address_of(config.coordinator), subject, body)


def compose_alert(config: Config, problem: str, lang: str, now: datetime,
                  channel: ModuleType) -> Letter | None:
    """The coordinator's alert when the evidence root looks unmounted; None without one."""
    when = now.strftime("%Y-%m-%d %H:%M")
    return _coordinator_letter(
        config, channel, f"alert:{now:%Y-%m-%d}", now, t("deliver.subject.alert", lang, when=when),
        [t("deliver.alert.body", lang, when=when, problem=problem,
           reports_dir=config.reports_dir, root=config.evidence_root)], lang)


def compose_undeliverable(config: Config, failures: list[tuple[str, str, str]], lang: str,
                          now: datetime, channel: ModuleType, key: str) -> Letter | None:
    """The coordinator's notice that messages left the queue undelivered:
    ``failures`` holds (who, reason, where the message is kept)."""
    lines = [t("deliver.undeliverable.intro", lang)]
    lines += [t("deliver.undeliverable.item", lang, who=who, reason=reason, kept=kept)
              for who, reason, kept in failures]
    lines.append(t("deliver.undeliverable.what_to_do", lang))
    return _coordinator_letter(
        config, channel, f"notice:{key}", now,
        t("deliver.subject.undeliverable", lang, count=len(failures)), ["\n".join(lines)], lang)
