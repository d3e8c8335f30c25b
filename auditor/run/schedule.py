"""`zi-auditor serve`: run the audit on the config's crontab schedule, in the foreground.

- APScheduler 3.x ``BackgroundScheduler`` with the crontab trigger of ``config.cron`` (crontab's
  weekdays and day-or-weekday rule), ``coalesce=True`` (missed runs become one run),
  ``max_instances=1`` and ``misfire_grace_time`` (default 1 h): a server asleep at 02:00
  runs once when it wakes, if that is within the grace time.
- The main thread wakes the scheduler every few seconds. APScheduler sleeps on a monotonic
  clock, which stops while the machine is suspended; the wake-ups make it look at the wall
  clock again, so a missed run starts soon after the machine wakes.
- A service that was stopped (not asleep) at the scheduled time catches up at start: the
  last fire time is kept in ``state_dir/serve-last-run.json``.
- SIGTERM / SIGINT stop it within seconds. The job runs in a daemon thread: a scan still
  running is abandoned (reports are written atomically, the lock is released by the kernel,
  the last good report stays), and the next run starts afresh.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler

from auditor.config.cron import parse_crontab
from auditor.config.model import Config
from auditor.i18n import t

log = logging.getLogger("auditor.run")
JOB_ID = "audit"
WAKE_SECONDS = 5.0


class Service:
    """The scheduler around one job; ``job`` does the audit (and mail) and returns anything."""

    def __init__(self, config: Config, job: Callable[[], object], *,
                 grace_seconds: float = 3600.0, stop_grace_seconds: float = 3.0) -> None:
        self.config = config
        self.job = job
        self.grace_seconds = grace_seconds
        self.stop_grace_seconds = stop_grace_seconds
        self.tz = ZoneInfo(config.timezone)
        self.trigger = parse_crontab(config.schedule, config.timezone)
        self.stopping = threading.Event()
        self.runs = 0
        self._running: threading.Thread | None = None
        self._state = Path(config.state_dir) / "serve-last-run.json"
        self.scheduler = BackgroundScheduler(timezone=self.tz, job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": int(grace_seconds)})
        self.scheduler.add_job(self._fire, trigger=self.trigger, id=JOB_ID, name="zi-auditor")

    # -- running -------------------------------------------------------------------------
    def _fire(self) -> None:
        """APScheduler's job: run ``job`` in a daemon thread so a stop never waits for it."""
        self._remember(datetime.now(self.tz))
        self.runs += 1
        done = threading.Event()

        def work() -> None:
            try:
                self.job()
            except Exception as exc:  # noqa: BLE001 - a failed run must not stop the service
                log.error(t("run.log.failed", self.config.language,
                            error=getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"))
            finally:
                done.set()

        self._running = threading.Thread(target=work, name="zi-auditor-run", daemon=True)
        self._running.start()
        while not done.wait(0.5):
            if self.stopping.is_set():
                return
        next_time = self.next_run_time()
        if next_time:
            log.info(t("run.log.next", self.config.language, when=next_time.isoformat(" ", "minutes")))

    def _remember(self, when: datetime) -> None:
        try:
            self._state.parent.mkdir(parents=True, exist_ok=True)
            self._state.write_text(json.dumps({"fired": when.isoformat()}), encoding="utf-8")
        except OSError as exc:
            log.warning(t("run.log.state_unwritable", self.config.language, path=self._state,
                          reason=exc.strerror or exc))

    def _last_fired(self) -> datetime | None:
        try:
            return datetime.fromisoformat(json.loads(self._state.read_text(encoding="utf-8"))["fired"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def missed_fire_time(self, now: datetime | None = None) -> datetime | None:
        """A scheduled time within the grace period before ``now`` that has not run yet."""
        now = now or datetime.now(self.tz)
        start = now - timedelta(seconds=self.grace_seconds)
        due = self.trigger.get_next_fire_time(None, start)
        if due is None or due > now:
            return None
        last = self._last_fired()
        return due if last is None or last < due else None

    def next_run_time(self) -> datetime | None:
        job = self.scheduler.get_job(JOB_ID)
        return job.next_run_time if job else None

    def start(self) -> None:
        self.scheduler.start()
        missed = self.missed_fire_time()
        if missed is not None:
            log.info(t("run.log.catch_up", self.config.language, when=missed.isoformat(" ", "minutes")))
            self.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(self.tz))
        next_time = self.next_run_time()
        log.info(t("run.log.serving", self.config.language, schedule=self.config.schedule,
                   tz=self.config.timezone,
                   when=next_time.isoformat(" ", "minutes") if next_time else "-"))

    def wait(self) -> None:
        """Block until ``stop`` is requested, waking the scheduler now and then."""
        while not self.stopping.wait(WAKE_SECONDS):
            self.scheduler.wakeup()

    def stop(self) -> None:
        self.stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        running = self._running
        if running is not None and running.is_alive():
            running.join(self.stop_grace_seconds)
            if running.is_alive():
                log.warning(t("run.log.abandoned", self.config.language))


def serve(config: Config, job: Callable[[], object], *, grace_seconds: float = 3600.0) -> int:
    """Run until SIGTERM or SIGINT; exit code 0 after a clean stop."""
    service = Service(config, job, grace_seconds=grace_seconds)

    received: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        # Only a flag here: logging inside a signal handler can re-enter a log handler that
        # the interrupted code is writing with (a rotating file mid-rollover).
        received.append(signum)
        service.stopping.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        service.start()
        service.wait()
        if received:
            log.info(t("run.log.signal", config.language, signal=signal.Signals(received[0]).name))
    finally:
        service.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info(t("run.log.stopped_service", config.language))
        if service._running is not None and service._running.is_alive():
            # The abandoned run is a daemon thread: it would go on logging while the
            # interpreter closes the log files at exit ("--- Logging error ---" on stderr).
            logging.getLogger("auditor").disabled = True
    return 0
