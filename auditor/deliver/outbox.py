"""The outbox in ``<state_dir>/outbox/``: messages waiting to go, and what was already sent.

- ``pending/<id>.<suffix>`` + ``pending/<id>.json``: a message not sent yet (its channel,
  recipient and payload; the server was down, busy...). It stays until a run sends it, it
  is refused for good, or a person drops it (``email --drop``).
- ``sent/<id>.json``: the receipt of a message the server took, written (and flushed to
  disk) right after the server's answer, before the next message goes.
- ``sent.sqlite3``: the ledger, one row per (channel, year, month, recipient, kind) sent, so
  the same month's message is not sent twice to the same person unless ``--resend``. It is
  an index of the receipts: when it is found damaged it is set aside and rebuilt from them.
- ``failed/<id>.*``: a message refused for good (unknown address, too large), kept for
  people to read; the coordinator is told.
- ``dry-run/<YYYY>-<MM>/*.eml``: what ``--dry-run`` would have sent, for reading.

Files are written to a temporary name, flushed and renamed, so a crash never leaves half a
message or half a receipt.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from auditor.audit.state import is_damage, set_aside_file
from auditor.deliver.channel import Outgoing, label_of
from auditor.deliver.compose import slug
from auditor.errors import ExitCode, UserError
from auditor.i18n import t

log = logging.getLogger("auditor.deliver")
T = TypeVar("T")
_LEDGER = ("CREATE TABLE IF NOT EXISTS sent (channel TEXT, year INTEGER, month INTEGER, "
           "recipient TEXT, kind TEXT, message_id TEXT, sent_at TEXT, entry_id TEXT, "
           "PRIMARY KEY (channel, year, month, recipient, kind))")


@dataclass
class Pending:
    id: str
    channel: str
    kind: str
    year: int
    month: int
    recipient: str
    message_id: str
    suffix: str
    created: str
    attempts: int = 0
    last_error: str | None = None
    maybe_sent: bool = False  # the server may have it: sent again only by a later run
    handed: bool = False  # given to the server with no "not taken" since: it may have it

    @property
    def label(self) -> str:
        return label_of(self.kind, self.recipient)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)  # the rename itself reaches the disk
    finally:
        os.close(fd)


class Outbox:
    def __init__(self, state_dir: Path) -> None:
        self.root = Path(state_dir) / "outbox"
        self.pending_dir = self.root / "pending"
        self.sent_dir = self.root / "sent"
        self.failed_dir = self.root / "failed"
        try:
            for folder in (self.pending_dir, self.sent_dir, self.failed_dir):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(t("lock.state_unwritable", path=self.root,
                              reason=exc.strerror or exc), ExitCode.WRITE_FAILED) from None
        self.db_path = self.root / "sent.sqlite3"
        self._ledger(lambda db: db.execute("SELECT count(*) FROM sent").fetchone())

    # -- the sent ledger ---------------------------------------------------------------
    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.db_path, timeout=30)) as db, db:
            db.execute(_LEDGER)
            yield db

    def _ledger(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` on the ledger; a damaged ledger is set aside and rebuilt first."""
        for attempt in (1, 2):
            try:
                with self._db() as db:
                    return work(db)
            except sqlite3.DatabaseError as exc:
                if attempt == 2 or not is_damage(exc):
                    raise
                self._rebuild()
        raise AssertionError("unreachable")

    def _rebuild(self) -> None:
        moved = set_aside_file(self.db_path)
        receipts = self._receipts()
        with self._db() as db:
            for r in receipts:
                self._insert(db, r)
        message = t("deliver.ledger_reset", path=self.db_path, moved=moved.name,
                    count=len(receipts), folder=self.sent_dir)
        print(message, file=sys.stderr)
        log.warning(message)

    def _receipts(self) -> list[dict]:
        out = []
        for path in sorted(self.sent_dir.glob("*.json")):
            try:
                out.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue
        return out

    @staticmethod
    def _insert(db: sqlite3.Connection, r: dict) -> None:
        db.execute("INSERT OR REPLACE INTO sent VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (r["channel"], r["year"], r["month"], r["recipient"].lower(), r["kind"],
                    r["message_id"], r["sent_at"], r["id"]))

    def already_sent(self, item: Outgoing) -> bool:
        return self._ledger(lambda db: db.execute(
            "SELECT 1 FROM sent WHERE channel=? AND year=? AND month=? AND recipient=? AND kind=?",
            (item.channel, item.year, item.month, item.recipient.lower(), item.kind)
        ).fetchone()) is not None

    def record_sent(self, entry: Pending) -> None:
        """The server took ``entry``: its receipt and ledger row reach the disk now, before
        the next message goes; then it leaves the queue."""
        receipt = {**asdict(entry), "sent_at": _now()}
        _write(self.sent_dir / f"{entry.id}.json",
               json.dumps(receipt, ensure_ascii=False, indent=1).encode("utf-8"))
        self._ledger(lambda db: self._insert(db, receipt))
        self.remove(entry)

    def is_recorded(self, entry: Pending) -> bool:
        """True when ``entry`` was sent by a run that stopped before taking it off the queue."""
        return (self.sent_dir / f"{entry.id}.json").is_file()

    def last_sent(self, kind: str) -> str | None:
        """When a message of ``kind`` (e.g. "coordinator") last went out, ISO 8601."""
        row = self._ledger(lambda db: db.execute(
            "SELECT max(sent_at) FROM sent WHERE kind = ?", (kind,)).fetchone())
        return row[0] if row else None

    def sent_rows(self) -> list[tuple[int, int, str, str]]:
        return self._ledger(lambda db: list(db.execute(
            "SELECT year, month, recipient, kind FROM sent ORDER BY 1, 2, 3, 4")))

    # -- pending messages --------------------------------------------------------------
    def put(self, item: Outgoing, suffix: str) -> Pending:
        """Queue ``item``. A queued message with the same key is replaced by this newer one,
        unless the server may already have it (handed over, no answer, or a run killed while
        sending): then that very message (same Message-ID) stays, so a second copy is one
        that mail programs recognise as the same."""
        for old in self.pending():
            if (old.channel, old.kind, old.year, old.month, old.recipient.lower()) == (
                    item.channel, item.kind, item.year, item.month, item.recipient.lower()):
                if old.handed:
                    return old
                self.remove(old)
        entry = Pending(id=f"{item.year:04d}-{item.month:02d}-{slug(item.kind)}-{uuid.uuid4().hex[:8]}",
                        channel=item.channel, kind=item.kind, year=item.year, month=item.month,
                        recipient=item.recipient, message_id=item.message_id, suffix=suffix,
                        created=_now())
        _write(self.pending_dir / f"{entry.id}{suffix}", item.payload)
        self.update(entry)
        return entry

    def update(self, entry: Pending) -> None:
        _write(self.pending_dir / f"{entry.id}.json",
               json.dumps(asdict(entry), ensure_ascii=False, indent=1).encode("utf-8"))

    def pending(self) -> list[Pending]:
        out = []
        for meta in sorted(self.pending_dir.glob("*.json")):
            try:
                entry = Pending(**json.loads(meta.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                continue
            if (self.pending_dir / f"{entry.id}{entry.suffix}").is_file():
                out.append(entry)
        return out

    def payload(self, entry: Pending) -> bytes:
        return (self.pending_dir / f"{entry.id}{entry.suffix}").read_bytes()

    def payload_path(self, entry: Pending) -> Path:
        return self.pending_dir / f"{entry.id}{entry.suffix}"

    def remove(self, entry: Pending) -> None:
        for suffix in (entry.suffix, ".json"):
            (self.pending_dir / f"{entry.id}{suffix}").unlink(missing_ok=True)

    def give_up(self, entry: Pending, reason: str) -> Path:
        """Take ``entry`` off the queue for good (refused), keeping it in failed/; its path."""
        entry.last_error = reason
        kept = self.failed_dir / f"{entry.id}{entry.suffix}"
        os.replace(self.payload_path(entry), kept)
        _write(self.failed_dir / f"{entry.id}.json",
               json.dumps({**asdict(entry), "failed_at": _now()}, ensure_ascii=False,
                          indent=1).encode("utf-8"))
        self.remove(entry)
        return kept

    # -- dry run -----------------------------------------------------------------------
    def write_dry_run(self, item: Outgoing, number: int, suffix: str) -> Path:
        folder = self.root / "dry-run" / f"{item.year:04d}-{item.month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{number:02d}-{slug(item.kind)}{suffix}"
        _write(path, item.payload)
        return path
