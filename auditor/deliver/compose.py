"""Build the e-mails: one per team lead (their gaps only), one for the coordinator, alerts.

Header safety: every header value goes through ``clean_header`` (control characters, CR and
LF become spaces) and addresses are ``email.headerregistry.Address`` objects, so a team or
lead name like ``"X\\r\\nBcc: evil@x"`` stays text inside a quoted display name and can never
start a header of its own. Attachment names are ASCII slugs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from auditor.audit.model import AuditReport
from auditor.config.model import Config, Team
from auditor.deliver.body import Body, sorted_verdicts, upcoming_title
from auditor.errors import UserError
from auditor.i18n import t
from auditor.report.csv_format import CsvFormat
from auditor.report.labels import month_name

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
FALLBACK_SENDER = "zi-auditor <zi-auditor@localhost>"


@dataclass
class Outgoing:
    """One message to one person, with the key that stops it being sent twice."""

    kind: str  # "team:<name>", "coordinator" or "alert:<YYYY-MM-DD>"
    year: int
    month: int
    recipient: str  # the bare address
    message: EmailMessage

    @property
    def label(self) -> str:
        """'Tim Pengawasan <addr>', 'koordinator <addr>' or 'peringatan <addr>' for people."""
        if self.kind.startswith("team:"):
            who = self.kind.split(":", 1)[1]
        else:
            who = t(f"deliver.label.{self.kind.split(':', 1)[0]}")
        return f"{who} <{self.recipient}>"


def clean_header(value: object) -> str:
    """``value`` as one line: no CR, LF or other control character can reach a header."""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tim"


def address(name: str, email: str) -> Address:
    try:
        return Address(display_name=clean_header(name), addr_spec=clean_header(email))
    except (ValueError, IndexError, TypeError) as exc:
        raise UserError(t("deliver.bad_address", address=clean_header(email), reason=exc)) from None


def sender_address(config: Config) -> Address:
    raw = config.smtp.sender if config.smtp else FALLBACK_SENDER
    name, addr = parseaddr(clean_header(raw))
    return address(name, addr or clean_header(raw))


def _message(config: Config, to: Address, subject: str, body: Body, lang: str,
             now: datetime) -> EmailMessage:
    sender = sender_address(config)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = clean_header(subject)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid("zi-auditor", domain=sender.domain or "localhost")
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to a robot
    msg.set_content(body.text())
    msg.add_alternative(body.html(), subtype="html")
    return msg


def _finish(msg: EmailMessage, lang: str) -> None:
    # last: making a message multipart moves every Content-* header into the first part
    msg["Content-Language"] = lang


def _attach(msg: EmailMessage, data: bytes, filename: str, subtype: str) -> None:
    """A UTF-8 text attachment (CSV keeps its BOM so Excel shows Indonesian text intact)."""
    msg.add_attachment(data.decode("utf-8"), subtype=subtype, charset="utf-8",
                       filename=filename, cte="base64")


def _closing(config: Config, lang: str, filename: str | None) -> list[str]:
    lines = [t("deliver.attachment_note", lang, filename=filename)] if filename else []
    coordinator = config.coordinator
    who = f" ({coordinator.name}, {coordinator.email})" if coordinator and coordinator.name else (
        f" ({coordinator.email})" if coordinator else "")
    lines.append(t("deliver.footer", lang, coordinator=who))
    return lines


def compose_team(config: Config, report: AuditReport, team: Team, lang: str,
                 now: datetime) -> Outgoing | None:
    """The lead's message: their team's gaps and next month's items; None when not to send."""
    if not team.email:
        return None
    mine = sorted_verdicts([v for v in report.verdicts if v.team == team.name])
    gaps = [v for v in mine if v.is_gap]
    if not gaps and not config.email.send_when_complete:
        return None
    month, year = month_name(report.month, lang), report.year
    if gaps:
        subject = t("deliver.subject.team_gaps", lang, month=month, year=year, team=team.name,
                    count=len(gaps))
    else:
        subject = t("deliver.subject.team_complete", lang, month=month, year=year, team=team.name)
    count = report.by_team.get(team.name)
    paragraphs = [t("deliver.intro.team", lang, team=team.name, month=month, year=year,
                    as_of=report.as_of)]
    if count:
        paragraphs.append(t("deliver.counts", lang, due=count.due, ok=count.ok, gaps=count.gaps))
    if not gaps:
        paragraphs.append(t("deliver.complete", lang))
    filename = f"zi-{slug(team.name)}-{year}-{report.month:02d}.csv" if config.email.attach_csv else None
    body = Body(lang=lang, greeting=t("deliver.greeting", lang, name=team.lead or team.name),
                paragraphs=paragraphs, gaps=gaps,
                upcoming=sorted_verdicts([v for v in report.upcoming if v.team == team.name]),
                upcoming_title=upcoming_title(report, lang),
                closing=_closing(config, lang, filename))
    msg = _message(config, address(team.lead or team.name, team.email), subject, body, lang, now)
    if filename:
        _attach(msg, CsvFormat().render(replace(report, verdicts=mine), lang), filename, "csv")
    _finish(msg, lang)
    return Outgoing(f"team:{team.name}", report.year, report.month, team.email, msg)


def compose_coordinator(config: Config, report: AuditReport, lang: str, now: datetime,
                        report_dir: Path | None, no_address: list[str]) -> Outgoing | None:
    """The whole picture: every team's counts and gaps, the CSV and the HTML report."""
    if config.coordinator is None:
        return None
    gaps = sorted_verdicts([v for v in report.verdicts if v.is_gap])
    month, year = month_name(report.month, lang), report.year
    subject = t("deliver.subject.coordinator", lang, month=month, year=year, count=len(gaps))
    paragraphs = [t("deliver.intro.coordinator", lang, month=month, year=year, as_of=report.as_of),
                  t("deliver.counts", lang, due=report.summary.due, ok=report.summary.ok,
                    gaps=report.summary.gaps)]
    if report.errors:
        paragraphs.append(t("deliver.unreadable_files", lang, count=len(report.errors)))
    if no_address:
        paragraphs.append(t("deliver.no_address", lang, teams=", ".join(no_address)))
    html_report = report_dir / "gap-report.html" if report_dir else None
    attach_html = html_report is not None and html_report.is_file()
    filename = f"zi-{year}-{report.month:02d}.csv" if config.email.attach_csv else None
    closing = _closing(config, lang, filename)
    if attach_html:
        closing.insert(0, t("deliver.report_attached", lang))
    body = Body(lang=lang, greeting=t("deliver.greeting", lang,
                                      name=config.coordinator.name or config.coordinator.email),
                paragraphs=paragraphs, summary=dict(sorted(report.by_team.items())), gaps=gaps,
                upcoming=sorted_verdicts(list(report.upcoming)),
                upcoming_title=upcoming_title(report, lang), show_team=True, closing=closing)
    to = address(config.coordinator.name, config.coordinator.email)
    msg = _message(config, to, subject, body, lang, now)
    if filename:
        _attach(msg, CsvFormat().render(report, lang), filename, "csv")
    if attach_html and html_report is not None:
        _attach(msg, html_report.read_bytes(), f"zi-{year}-{report.month:02d}.html", "html")
    _finish(msg, lang)
    return Outgoing("coordinator", report.year, report.month, config.coordinator.email, msg)


def compose_report(config: Config, report: AuditReport, lang: str, now: datetime,
                   report_dir: Path | None = None) -> tuple[list[Outgoing], list[str]]:
    """Every message for one month's report, and the names of teams with no address."""
    no_address = [team.name for team in config.teams if not team.email]
    out = [m for team in config.teams if (m := compose_team(config, report, team, lang, now))]
    coordinator = compose_coordinator(config, report, lang, now, report_dir, no_address)
    if coordinator:
        out.append(coordinator)
    return out, no_address


def compose_alert(config: Config, problem: str, lang: str, now: datetime) -> Outgoing | None:
    """The coordinator's alert when the evidence root looks unmounted; None without one."""
    if config.coordinator is None:
        return None
    when = now.strftime("%Y-%m-%d %H:%M")
    body = Body(lang=lang, greeting=t("deliver.greeting", lang,
                                      name=config.coordinator.name or config.coordinator.email),
                paragraphs=[t("deliver.alert.body", lang, when=when, problem=problem,
                              reports_dir=config.reports_dir, root=config.evidence_root)],
                closing=_closing(config, lang, None))
    msg = _message(config, address(config.coordinator.name, config.coordinator.email),
                   t("deliver.subject.alert", lang, when=when), body, lang, now)
    _finish(msg, lang)
    return Outgoing(f"alert:{now:%Y-%m-%d}", now.year, now.month, config.coordinator.email, msg)
