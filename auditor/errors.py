"""Exit codes and the one exception type that reaches the user as a plain message."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    GAPS = 1  # only with --fail-on-gaps
    USAGE = 2  # bad usage, invalid config or rules
    ROOT_UNAVAILABLE = 3  # evidence root missing, empty, looks unmounted or dropped mid-scan
    BUSY = 4  # another run holds the lock
    DELIVERY_FAILED = 5  # at least one message could not be delivered (it is kept or reported)
    WRITE_FAILED = 6  # a report or the state could not be written (disk full, read-only, busy)
    INTERNAL = 70  # a defect in zi-auditor: the message names it, never a traceback


class UserError(Exception):
    """An error the user can act on: printed as a plain message, never a traceback."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class ConfigError(UserError):
    """A config or rules file is invalid; the message names file, line and key."""
