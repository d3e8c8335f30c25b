"""One unattended audit: scan, then mail; and the log every unattended run writes.

The scheduler (``serve``), the watcher and system cron (``scan --email``) all end up here or
in the same two calls, so every run leaves the same one line in the log:
"audit selesai: 1234 berkas, 12 dibaca ulang, 7 kekurangan, 3.2 dtk, surel terkirim 6".
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.config.model import Config
from auditor.errors import ExitCode
from auditor.i18n import t
from auditor.lock import SCHEDULED_WAIT_SECONDS
from auditor.run.officetime import OfficeTimeFormatter

if TYPE_CHECKING:
    from auditor.deliver.send import DeliveryResult
    from auditor.pipeline import ScanOptions, ScanOutcome

log = logging.getLogger("auditor.run")
FORMAT = "%(asctime)s %(levelname)s %(message)s"


def setup_logging(config: Config, *, log_file: bool = True, level: int = logging.INFO) -> Path | None:
    """Log lines of auditor.* to stderr and, with ``log_file``, to state_dir/logs/zi-auditor.log."""
    root = logging.getLogger("auditor")
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_zi_auditor", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    path = None
    if log_file:
        path = config.state_dir / "logs" / "zi-auditor.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                            encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(OfficeTimeFormatter(FORMAT, config.timezone))
        handler._zi_auditor = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.propagate = False
    return path


def log_run(config: Config, outcome: ScanOutcome, delivery: DeliveryResult | None,
            lang: str | None = None) -> str:
    """Write (and return) the one log line of a finished run."""
    lang = lang or config.language
    if outcome.root_problem:
        alert = t("run.log.alert_sent", lang) if delivery and delivery.alerts else t(
            "run.log.no_alert", lang)
        line = t("run.log.stopped", lang, problem=outcome.root_problem, alert=alert)
        log.error(line)
        return line
    mail = t("run.log.mail_none", lang) if delivery is None else t(
        "run.log.mail", lang, sent=len(delivery.sent),
        queued=len(delivery.queued) + len(delivery.maybe), failed=len(delivery.failed))
    line = t("run.log.done", lang, files=outcome.files_seen, inspected=outcome.files_inspected,
             gaps=outcome.gaps, seconds=f"{outcome.duration_seconds:.1f}", mail=mail)
    log.info(line)
    if delivery is not None:
        for error in delivery.errors:
            log.warning(t("run.log.mail_problem", lang, problem=error))
    return line


@dataclass
class RunResult:
    """What one run did: the scan's outcome, the delivery (None without mail) and the exit code
    a command or a service reports for it."""

    outcome: ScanOutcome
    delivery: DeliveryResult | None
    exit_code: int


def run_once(config: Config, options: ScanOptions, *, email: bool = False, log_line: bool = True,
             purpose: str | None = None) -> RunResult:
    """One run as every caller makes it (`scan`, `scan --email` from cron, `serve`, `watch`):
    scan, mail when asked (after a root problem only the coordinator's alert), and the one log
    line. The exit code: 3 for a root problem, else the delivery's when mail did not go out,
    else 0 (`--fail-on-gaps` is the scan command's own)."""
    from auditor.pipeline import run_scan

    if purpose:
        log.info(t("run.log.start", config.language, purpose=purpose, root=config.evidence_root))
    outcome = run_scan(config, options)
    delivery = None
    if email:  # the mail modules are imported only then: a plain scan starts faster
        from auditor.deliver.send import deliver_after_scan

        delivery = deliver_after_scan(config, outcome, options.lang)
    if log_line:
        log_run(config, outcome, delivery, options.lang)
    code = int(outcome.exit_code)
    if code == ExitCode.OK and delivery is not None:
        code = int(delivery.exit_code)  # DELIVERY_FAILED when any mail did not go out
    return RunResult(outcome, delivery, code)


def audit_and_mail(config: Config, *, email: bool = True,
                   lock_wait_seconds: float = SCHEDULED_WAIT_SECONDS,
                   changed_paths: Sequence[Path] | None = None, purpose: str = "jadwal") -> int:
    """The scheduler's job: a run that waits for a running scan to finish; its exit code."""
    from auditor.pipeline import ScanOptions

    options = ScanOptions(quiet=True, lock_wait_seconds=lock_wait_seconds, changed_paths=changed_paths)
    return run_once(config, options, email=email, purpose=purpose).exit_code
