"""Deliver a month's report by e-mail: the public entry points of the deliver stage.

Every message first goes into the outbox, then the whole outbox is sent (older messages left
over from a failed run too). What cannot be sent stays there for the next run: no message is
lost, and none is sent twice for the same month and person unless ``resend``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from auditor.config.model import Config
from auditor.deliver.compose import Outgoing, compose_alert, compose_report
from auditor.deliver.outbox import Outbox
from auditor.deliver.smtp import send_batch
from auditor.errors import ExitCode, UserError
from auditor.i18n import t

if TYPE_CHECKING:
    from auditor.audit.model import AuditReport
    from auditor.pipeline import ScanOutcome

log = logging.getLogger("auditor.deliver")


@dataclass
class DeliveryResult:
    sent: list[str] = field(default_factory=list)  # "Tim X <addr>" / "coordinator <addr>"
    queued: list[str] = field(default_factory=list)  # kept in the outbox after a failure
    skipped: list[str] = field(default_factory=list)  # already sent for that month
    written: list[Path] = field(default_factory=list)  # dry-run .eml files
    alerts: list[str] = field(default_factory=list)  # addresses an alert went (or waits) to
    errors: list[str] = field(default_factory=list)  # plain reasons of failed sends
    no_address: list[str] = field(default_factory=list)  # teams without an e-mail address


def report_folder(config: Config, year: int, month: int) -> Path:
    return config.reports_dir / f"{year:04d}-{month:02d}"


def latest_report_month(config: Config) -> tuple[int, int]:
    """The (year, month) of the newest ``<YYYY>-<MM>/gap-report.json`` in reports_dir."""
    found = []
    if config.reports_dir.is_dir():
        for folder in config.reports_dir.iterdir():
            name = folder.name
            if (len(name) == 7 and name[4] == "-" and name[:4].isdigit() and name[5:].isdigit()
                    and (folder / "gap-report.json").is_file()):
                found.append((int(name[:4]), int(name[5:])))
    if not found:
        raise UserError(t("deliver.no_reports", folder=config.reports_dir))
    return max(found)


def _now(config: Config) -> datetime:
    return datetime.now(ZoneInfo(config.timezone))


def _deliver(config: Config, items: list[Outgoing], result: DeliveryResult, *,
             dry_run: bool, resend: bool) -> DeliveryResult:
    outbox = Outbox(config.state_dir)
    fresh = []
    for item in items:
        if not resend and outbox.already_sent(item):
            result.skipped.append(item.label)
        else:
            fresh.append(item)
    if dry_run:
        result.written = [outbox.write_dry_run(item, n) for n, item in enumerate(fresh, 1)]
        return result
    for item in fresh:
        outbox.put(item)
    pending = outbox.pending()
    if not pending:
        return result
    if config.smtp is None:
        result.errors.append(t("deliver.no_smtp"))
        result.queued = [entry.label for entry in pending]
        return result
    outcome = send_batch(config.smtp, [(e.id, outbox.message(e)) for e in pending],
                         config.email.max_attempts)
    alert_addresses = {i.recipient for i in items if i.kind.startswith("alert:")}
    for entry in pending:
        error = outcome.get(entry.id)
        if error is None:
            outbox.record_sent(entry, str(outbox.message(entry)["Message-ID"]))
            outbox.remove(entry)
            result.sent.append(entry.label)
            log.info(t("deliver.log.sent", who=entry.label))
        else:
            entry.attempts += 1
            entry.last_error = error.message
            outbox.update(entry)
            result.queued.append(entry.label)
            if error.message not in result.errors:
                result.errors.append(error.message)
            log.warning(t("deliver.log.queued", who=entry.label, reason=error.message))
        if entry.kind.startswith("alert:") and entry.recipient in alert_addresses:
            result.alerts.append(entry.recipient)
    return result


def deliver_report(config: Config, report: AuditReport, report_dir: Path | None = None, *,
                   lang: str | None = None, dry_run: bool = False,
                   resend: bool = False) -> DeliveryResult:
    """Mail ``report``: each team lead their gaps, the coordinator everything."""
    lang = lang or config.language
    items, no_address = compose_report(config, report, lang, _now(config), report_dir)
    result = DeliveryResult(no_address=no_address)
    return _deliver(config, items, result, dry_run=dry_run, resend=resend)


def deliver_month(config: Config, year: int, month: int, *, lang: str | None = None,
                  dry_run: bool = False, resend: bool = False) -> DeliveryResult:
    """Mail the report of ``year``-``month`` as written in reports_dir (no rescan)."""
    from auditor.report.load import load_report_set

    folder = report_folder(config, year, month)
    path = folder / "gap-report.json"
    if not path.is_file():
        raise UserError(t("deliver.no_report", month=f"{year:04d}-{month:02d}", path=path))
    return deliver_report(config, load_report_set(folder), folder, lang=lang, dry_run=dry_run,
                          resend=resend)


def deliver_alert(config: Config, problem: str, *, lang: str | None = None,
                  dry_run: bool = False, resend: bool = False) -> DeliveryResult:
    """Alert the coordinator only (the evidence root looks unmounted); no team mail."""
    lang = lang or config.language
    alert = compose_alert(config, problem, lang, _now(config))
    result = DeliveryResult()
    if alert is None:
        log.warning(t("deliver.log.no_coordinator", problem=problem))
        return result
    result = _deliver(config, [alert], result, dry_run=dry_run, resend=resend)
    if dry_run:
        result.alerts.append(alert.recipient)
    return result


def deliver_after_scan(config: Config, outcome: ScanOutcome, lang: str | None = None, *,
                       dry_run: bool = False, resend: bool = False) -> DeliveryResult:
    """After a scan: an alert to the coordinator when the root was unusable (exit 3),
    else the month's report to every team lead and the coordinator."""
    if outcome.exit_code == ExitCode.ROOT_UNAVAILABLE or outcome.report is None:
        problem = outcome.root_problem or t("deliver.no_report_made")
        return deliver_alert(config, problem, lang=lang, dry_run=dry_run, resend=resend)
    return deliver_report(config, outcome.report, outcome.report_dir, lang=lang,
                          dry_run=dry_run, resend=resend)
