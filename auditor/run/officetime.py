"""The office's clock: log lines and "running since" messages read in the office's own time
zone (WIB, WITA or WIT, from ``timezone:`` in the config), whatever the server's clock is
set to (often UTC)."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

STAMP = "%Y-%m-%d %H:%M:%S"


def office_stamp(moment: datetime, timezone: str | None) -> str:
    """``moment`` as the office reads it: "2026-11-26 09:00:00 WIB" (its own zone without
    ``timezone``)."""
    local = moment.astimezone(ZoneInfo(timezone)) if timezone else moment.astimezone()
    return f"{local.strftime(STAMP)} {local.tzname()}"


def stamp_of_iso(text: str, timezone: str | None) -> str:
    """An ISO 8601 time with offset (as the lock file keeps it) in the office's zone; a text
    that is no such time is shown as it is."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return str(text)
    return office_stamp(moment, timezone) if moment.tzinfo else str(text)


class OfficeTimeFormatter(logging.Formatter):
    """Log lines stamped in the office's zone, with its name: "2026-11-26 02:00:04 WIB"."""

    def __init__(self, fmt: str, timezone: str | None) -> None:
        super().__init__(fmt)
        self.timezone = timezone

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return office_stamp(datetime.fromtimestamp(record.created).astimezone(), self.timezone)
