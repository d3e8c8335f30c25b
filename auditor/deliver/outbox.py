"""The outbox in ``<state_dir>/outbox/``: messages waiting to go, and what was already sent.

- ``pending/<id>.eml`` + ``pending/<id>.json``: a message not sent yet (the server was down,
  the login failed...). It stays until a later run sends it; it is never dropped.
- ``sent.sqlite3``: one row per (year, month, recipient, kind) sent, so the same month's
  message is not sent twice to the same person unless ``--resend``.
- ``dry-run/<YYYY>-<MM>/*.eml``: what ``--dry-run`` would have sent, for reading.

Files are written to a temporary name and renamed, so a crash never leaves half a message.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from auditor.deliver.compose import Outgoing, slug


@dataclass
class Pending:
    id: str
    kind: str
    year: int
    month: int
    recipient: str
    created: str
    attempts: int = 0
    last_error: str | None = None

    @property
    def label(self) -> str:
        return Outgoing(self.kind, self.year, self.month, self.recipient, EmailMessage()).label


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class Outbox:
    def __init__(self, state_dir: Path) -> None:
        self.root = Path(state_dir) / "outbox"
        self.pending_dir = self.root / "pending"
        self.pending_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.root / "sent.sqlite3"
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS sent (year INTEGER, month INTEGER, "
                       "recipient TEXT, kind TEXT, message_id TEXT, sent_at TEXT, "
                       "PRIMARY KEY (year, month, recipient, kind))")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.db_path, timeout=30)) as db, db:
            yield db

    # -- the sent log ------------------------------------------------------------------
    def already_sent(self, item: Outgoing) -> bool:
        with self._db() as db:
            row = db.execute("SELECT 1 FROM sent WHERE year=? AND month=? AND recipient=? "
                             "AND kind=?", (item.year, item.month, item.recipient.lower(),
                                            item.kind)).fetchone()
        return row is not None

    def record_sent(self, entry: Pending, message_id: str) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO sent VALUES (?, ?, ?, ?, ?, ?)",
                       (entry.year, entry.month, entry.recipient.lower(), entry.kind,
                        message_id, datetime.now().astimezone().isoformat(timespec="seconds")))

    def sent_rows(self) -> list[tuple[int, int, str, str]]:
        with self._db() as db:
            return list(db.execute("SELECT year, month, recipient, kind FROM sent ORDER BY 1, 2, 3, 4"))

    # -- pending messages --------------------------------------------------------------
    def put(self, item: Outgoing) -> Pending:
        """Queue ``item``; a queued message with the same key is replaced by this newer one."""
        for old in self.pending():
            if (old.kind, old.year, old.month, old.recipient.lower()) == (
                    item.kind, item.year, item.month, item.recipient.lower()):
                self.remove(old)
        entry = Pending(id=f"{item.year:04d}-{item.month:02d}-{slug(item.kind)}-{uuid.uuid4().hex[:8]}",
                        kind=item.kind, year=item.year, month=item.month,
                        recipient=item.recipient,
                        created=datetime.now().astimezone().isoformat(timespec="seconds"))
        _write(self.pending_dir / f"{entry.id}.eml", item.message.as_bytes(policy=policy.SMTP))
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
            if (self.pending_dir / f"{entry.id}.eml").is_file():
                out.append(entry)
        return out

    def message(self, entry: Pending) -> EmailMessage:
        data = (self.pending_dir / f"{entry.id}.eml").read_bytes()
        return BytesParser(policy=policy.default).parsebytes(data)  # type: ignore[return-value]

    def remove(self, entry: Pending) -> None:
        for suffix in (".eml", ".json"):
            (self.pending_dir / f"{entry.id}{suffix}").unlink(missing_ok=True)

    # -- dry run -----------------------------------------------------------------------
    def write_dry_run(self, item: Outgoing, number: int) -> Path:
        folder = self.root / "dry-run" / f"{item.year:04d}-{item.month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{number:02d}-{slug(item.kind)}.eml"
        _write(path, item.message.as_bytes(policy=policy.SMTP))
        return path
