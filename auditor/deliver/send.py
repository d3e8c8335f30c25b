"""Deliver a month's report: the public entry points of the deliver stage.

Every message is composed as a channel-neutral letter, rendered by its channel, put in the
outbox, then the whole outbox is sent (older messages left over from a failed run too), one
message at a time, under the delivery lock:

- sent: recorded at once (receipt + ledger), before the next one goes, so a run killed
  between two messages sends again at most the one in flight;
- passing failure (4xx, server down): kept and retried with backoff within the run's time
  budget, then by the next run;
- maybe sent (the data went out but no answer came): kept, not sent again in this run; the
  next run sends the same message (same Message-ID, which mail programs show once);
- refused for good (5xx for that recipient, too large): taken off the queue into
  ``outbox/failed/`` and the coordinator is told; the others go out regardless.
Any message not sent makes the run's exit code DELIVERY_FAILED (5).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from auditor.config.model import Config
from auditor.deliver.channel import Budget, Letter, Queued, Result, Status
from auditor.deliver.compose import compose_alert, compose_report, compose_undeliverable
from auditor.deliver.dispatch import channel as find_channel
from auditor.deliver.outbox import Outbox, Pending
from auditor.errors import ExitCode, UserError
from auditor.i18n import t
from auditor.lock import audit_lock

if TYPE_CHECKING:
    from auditor.audit.model import AuditReport
    from auditor.pipeline import ScanOutcome

log = logging.getLogger("auditor.deliver")
CHANNEL = "email"
LOCK_NAME = "zi-auditor-deliver.lock"
LOCK_WAIT_SECONDS = 120.0  # a second delivery waits this long for the first, then exits BUSY
BUDGET_SECONDS = 600.0  # the longest a run spends sending, waits and retries included


@dataclass
class DeliveryResult:
    sent: list[str] = field(default_factory=list)  # "Tim X <addr>" / "coordinator <addr>"
    queued: list[str] = field(default_factory=list)  # kept in the outbox after a failure
    skipped: list[str] = field(default_factory=list)  # already sent for that month
    written: list[Path] = field(default_factory=list)  # dry-run .eml files
    alerts: list[str] = field(default_factory=list)  # addresses an alert went (or waits) to
    errors: list[str] = field(default_factory=list)  # plain reasons of failed sends
    no_address: list[str] = field(default_factory=list)  # rules teams that reach no lead
    failed: list[str] = field(default_factory=list)  # refused for good, left the queue
    maybe: list[str] = field(default_factory=list)  # no answer after the data: maybe sent
    month: tuple[int, int] | None = None  # the report month mailed

    @property
    def exit_code(self) -> ExitCode:
        """DELIVERY_FAILED when any message was not delivered (kept, maybe sent or refused)."""
        if self.queued or self.failed or self.maybe or self.errors:
            return ExitCode.DELIVERY_FAILED
        return ExitCode.OK


def report_folder(config: Config, year: int, month: int) -> Path:
    return config.reports_dir / f"{year:04d}-{month:02d}"


def latest_report_month(config: Config, year: int | None = None) -> tuple[int, int]:
    """The (year, month) of the newest ``<YYYY>-<MM>/gap-report.json`` in reports_dir, of
    ``year`` when given (the plan year: a report of a mistaken year is never taken)."""
    from auditor.report.load import report_months

    found = report_months(config.reports_dir, year)
    if not found:
        if year is not None:
            raise UserError(t("deliver.no_reports_of_year", folder=config.reports_dir, year=year))
        raise UserError(t("deliver.no_reports", folder=config.reports_dir))
    return max(found)


def _now(config: Config) -> datetime:
    return datetime.now(ZoneInfo(config.timezone))


def delivery_lock(config: Config, wait_seconds: float | None = None):  # noqa: ANN201
    """One delivery at a time: a second run waits, then says who holds it (exit BUSY)."""
    return audit_lock(config.state_dir, name=LOCK_NAME, purpose="email",
                      wait_seconds=LOCK_WAIT_SECONDS if wait_seconds is None else wait_seconds,
                      busy_message="deliver.busy", timezone=config.timezone)


def _deliver(config: Config, letters: list[Letter], result: DeliveryResult, *,
             dry_run: bool, resend: bool) -> DeliveryResult:
    chan = find_channel(CHANNEL)
    now = _now(config)
    items = [chan.render(config, letter, now) for letter in letters]
    outbox = Outbox(config.state_dir)
    if dry_run:
        fresh = [i for i in items if resend or not outbox.already_sent(i)]
        result.skipped += [i.label for i in items if i not in fresh]
        result.written = [outbox.write_dry_run(item, n, chan.SUFFIX)
                          for n, item in enumerate(fresh, 1)]
        return result
    with delivery_lock(config):
        for item in items:
            if not resend and outbox.already_sent(item):
                result.skipped.append(item.label)
            else:
                outbox.put(item, chan.SUFFIX)
        failures = _flush(config, outbox, result)
        _notify_failures(config, outbox, result, failures, now)
    for error in result.errors:
        log.warning(t("run.log.mail_problem", problem=error))
    return result


def _flush(config: Config, outbox: Outbox, result: DeliveryResult) -> list[tuple[str, str, str]]:
    """Send everything in the outbox; the messages refused for good as (who, reason, kept)."""
    budget = Budget(BUDGET_SECONDS)
    groups: dict[str, list[Pending]] = {}
    for entry in outbox.pending():
        if outbox.is_recorded(entry):  # sent by a run that stopped before dequeuing it
            outbox.remove(entry)
            continue
        if entry.maybe_sent:
            log.warning(t("deliver.log.maybe_again", who=entry.label))
        groups.setdefault(entry.channel, []).append(entry)
    failures: list[tuple[str, str, str]] = []
    for name, entries in groups.items():
        chan = find_channel(name)
        problem = chan.problem(config)
        if problem:
            _add_error(result, problem)
            result.queued += [e.label for e in entries]
            continue
        failures += _send(config, chan, outbox, entries, result, budget)
    return failures


def _add_error(result: DeliveryResult, reason: str | None) -> None:
    if reason and reason not in result.errors:
        result.errors.append(reason)


def _send(config: Config, chan: ModuleType, outbox: Outbox, entries: list[Pending],
          result: DeliveryResult, budget: Budget) -> list[tuple[str, str, str]]:
    index = {e.id: e for e in entries}
    final: dict[str, Result] = {}
    failures: list[tuple[str, str, str]] = []

    def on_result(item: Queued, outcome: Result) -> None:
        entry = index[item.id]
        final[item.id] = outcome
        if outcome.status is Status.SENT:
            outbox.record_sent(entry)
            log.info(t("deliver.log.sent", who=entry.label))
            return
        entry.attempts += 1
        entry.last_error = outcome.reason
        if outcome.status is Status.FAILED:
            kept = outbox.give_up(entry, outcome.reason or "")
            failures.append((entry.label, outcome.reason or "", str(kept)))
            log.error(t("deliver.log.failed", who=entry.label, reason=outcome.reason, kept=kept))
            return
        entry.maybe_sent = entry.handed = outcome.status is Status.MAYBE
        outbox.update(entry)

    for entry in entries:  # from here the server may have it, until it says otherwise
        entry.handed = True
        outbox.update(entry)
    batch = [Queued(e.id, e.recipient, outbox.payload(e), e.label) for e in entries]
    chan.send(config, batch, on_result, budget)
    for entry in entries:
        outcome = final.get(entry.id)
        if outcome is None:
            continue
        if outcome.status is Status.SENT:
            result.sent.append(entry.label)
        elif outcome.status is Status.FAILED:
            result.failed.append(entry.label)
            _add_error(result, outcome.reason)
        elif outcome.status is Status.MAYBE:
            result.maybe.append(entry.label)
            log.warning(outcome.reason)
        else:
            result.queued.append(entry.label)
            _add_error(result, outcome.reason)
            log.warning(t("deliver.log.queued", who=entry.label, reason=outcome.reason))
    return failures


def _notify_failures(config: Config, outbox: Outbox, result: DeliveryResult,
                     failures: list[tuple[str, str, str]], now: datetime) -> None:
    """Tell the coordinator which messages left the queue undelivered (one notice a run)."""
    if not failures:
        return
    chan = find_channel(CHANNEL)
    coordinator = chan.address_of(config.coordinator) if config.coordinator else None
    if not coordinator or any(f"<{coordinator}>" in who for who, _, _ in failures):
        return  # the coordinator's own address is refused: the log and the exit code say it
    key = f"{now:%Y%m%d%H%M%S}"
    letter = compose_undeliverable(config, failures, config.language, now, chan, key)
    if letter is None:
        return
    outbox.put(chan.render(config, letter, now), chan.SUFFIX)
    notice = DeliveryResult()
    _flush(config, outbox, notice)
    result.sent += notice.sent
    result.queued += [q for q in notice.queued if q not in result.queued]
    result.alerts += [coordinator] if notice.sent else []


def deliver_report(config: Config, report: AuditReport, report_dir: Path | None = None, *,
                   lang: str | None = None, dry_run: bool = False,
                   resend: bool = False) -> DeliveryResult:
    """Mail ``report``: each team lead their gaps, the coordinator everything."""
    lang = lang or config.language
    since = Outbox(config.state_dir).last_sent("coordinator")
    letters, no_recipient = compose_report(config, report, lang, find_channel(CHANNEL),
                                           report_dir, since=since)
    result = DeliveryResult(no_address=no_recipient, month=(report.year, report.month))
    for team in no_recipient:  # never dropped silently: the coordinator's mail names it too
        log.warning(t("deliver.cli.no_address", team=team))
    return _deliver(config, letters, result, dry_run=dry_run, resend=resend)


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
    alert = compose_alert(config, problem, lang, _now(config), find_channel(CHANNEL))
    result = DeliveryResult()
    if alert is None:
        log.warning(t("deliver.log.no_coordinator", problem=problem))
        return result
    result = _deliver(config, [alert], result, dry_run=dry_run, resend=resend)
    if dry_run or any(f"<{alert.to}>" in s for s in result.sent + result.queued):
        result.alerts.append(alert.to)
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


def outbox_entries(config: Config) -> list[Pending]:
    """The messages waiting in the outbox, oldest first (for ``email --outbox``)."""
    return sorted(Outbox(config.state_dir).pending(), key=lambda e: (e.created, e.id))


def drop_from_outbox(config: Config, ids: list[str]) -> list[Pending]:
    """Remove the queued messages ``ids`` ("all": every one), under the delivery lock, so
    a mistaken run's mail never goes; the removed entries. Unknown ids are a usage error."""
    with delivery_lock(config):
        outbox = Outbox(config.state_dir)
        entries = {e.id: e for e in outbox.pending()}
        chosen = list(entries) if ids == ["all"] else ids
        unknown = [i for i in chosen if i not in entries]
        if unknown:
            raise UserError(t("deliver.cli.unknown_id", ids=", ".join(unknown)))
        for key in chosen:
            outbox.remove(entries[key])
        return [entries[k] for k in chosen]
