"""One audit at a time: an exclusive lock in the state directory.

``fcntl.flock`` is released by the kernel when its holder dies, so the lock of a crashed
run is recovered by itself; the file also records who holds it, for the waiting side's
message ("sedang dipakai oleh proses 1234 sejak 02:00").
"""

from __future__ import annotations

import argparse
import fcntl
import json
import logging
import math
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from auditor.errors import ExitCode, UserError
from auditor.i18n import t
from auditor.run.officetime import stamp_of_iso

LOCK_NAME = "zi-auditor.lock"
MAX_WAIT_SECONDS = 6 * 3600  # a night's run that cannot start within six hours is not waiting
PERSON_WAIT_SECONDS = 120.0  # a command a person typed (`review`, `index`) waits for a scan
SCHEDULED_WAIT_SECONDS = 1800.0  # what `serve` waits by default: a long scan by `watch` or a person
log = logging.getLogger("auditor.run")


def wait_seconds(text: str) -> float:
    """``--wait SECONDS`` of a scheduled run: 0 to MAX_WAIT_SECONDS (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= MAX_WAIT_SECONDS:  # also refuses NaN
        raise argparse.ArgumentTypeError(t("lock.bad_wait", value=text, most=MAX_WAIT_SECONDS))
    return value


class LockBusy(UserError):
    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.BUSY)


def holder(state_dir: Path, name: str = LOCK_NAME) -> dict[str, object] | None:
    """Who holds (or last held) the lock, as recorded in the lock file."""
    try:
        return json.loads((state_dir / name).read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None


@contextmanager
def audit_lock(state_dir: Path, *, wait_seconds: float = 0.0, purpose: str = "scan",
               name: str = LOCK_NAME, busy_message: str = "lock.busy",
               timezone: str | None = None) -> Iterator[None]:
    """Hold the audit lock (or the lock file ``name``, e.g. the delivery's); wait up to
    ``wait_seconds`` for it, then raise LockBusy with the ``busy_message`` naming the holder."""
    path = state_dir / name
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)  # the umask decides who may read
    except OSError as exc:
        raise UserError(t("lock.state_unwritable", path=state_dir,
                          reason=exc.strerror or exc), ExitCode.WRITE_FAILED) from None
    try:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                info = holder(state_dir, name) or {}
                who = {"pid": info.get("pid", "?"), "host": info.get("host", "?"),
                       "since": stamp_of_iso(info.get("since", "?"), timezone),
                       "purpose": info.get("purpose", "?")}
                if time.monotonic() >= deadline:
                    message = t(busy_message, path=path, **who)
                    if wait_seconds > 0:
                        message += " " + t("lock.waited", seconds=f"{wait_seconds:g}")
                    raise LockBusy(message) from None
                if not told:  # one line in the log: why a night's run starts late
                    log.warning(t("lock.waiting", seconds=f"{wait_seconds:g}", **who))
                    told = True
                time.sleep(0.2)
        record = {"pid": os.getpid(), "host": socket.gethostname(), "purpose": purpose,
                  "since": datetime.now().astimezone().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the flock
