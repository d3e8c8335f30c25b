"""The systemd timer of the nightly scan, written from the config: its ``schedule`` (a
crontab line) at the office's ``timezone``, so that 02:00 is 02:00 WIB, WITA or WIT."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from auditor.config.model import Config
from auditor.errors import ConfigError
from auditor.i18n import t

TIMER = """\
# zi-auditor: start zi-auditor-scan.service every night at {when} {zone} ({timezone}).
# Written by `zi-auditor config timer` from the config's schedule and timezone.
# Persistent=true: if the server was off or asleep at {when}, the run starts once at boot/wake.
[Unit]
Description=zi-auditor: nightly audit at {when} {zone}

[Timer]
OnCalendar={calendar}
Persistent=true
RandomizedDelaySec=60

[Install]
WantedBy=timers.target
"""


def on_calendar(schedule: str, timezone: str) -> str:
    """``OnCalendar=`` for a daily crontab line "M H * * *" (one minute and hour each)."""
    fields = schedule.split()
    daily = (len(fields) == 5 and fields[2:] == ["*", "*", "*"]
             and all(f.isdigit() for f in fields[:2])
             and int(fields[0]) <= 59 and int(fields[1]) <= 23)
    if not daily:
        raise ConfigError(t("run.timer.not_daily", schedule=schedule))
    return f"*-*-* {int(fields[1]):02d}:{int(fields[0]):02d}:00 {timezone}"


def timer_unit(config: Config) -> str:
    """The text of zi-auditor-scan.timer for ``config``."""
    calendar = on_calendar(config.schedule, config.timezone)
    zone = datetime.now(ZoneInfo(config.timezone)).tzname()  # WIB, WITA, WIT
    return TIMER.format(when=calendar.split()[1][:5], zone=zone, timezone=config.timezone,
                        calendar=calendar)
