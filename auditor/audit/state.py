"""The SQLite state: facts of every file (keyed by path, size, mtime) and every run's summary.

Only facts of a file's bytes are kept (``inspect.facts.may_cache``): a file that could not
be read for a passing reason (no permission, a timeout, an I/O error, gone or swapped) is
read again next run, and one refused by the size limit is read again once the limit
changes (``facts_for``). A run whose share dropped forgets what it stored
(``distrust_run``) and saves no folder listing.

WAL journal, one transaction per batch, so a run killed midway leaves the facts it had
committed and nothing half-written. A file that is not an SQLite database, or an SQLite
database that is not ours or that SQLite finds damaged (SQLITE_CORRUPT, SQLITE_NOTADB), is
renamed ``<name>.corrupt-<timestamp>`` and rebuilt, with a plain message on stderr: losing
the cache only costs one slow scan. A sound database on a full, read-only or busy disk is
left as it is (``write_failed``: exit 6).
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from auditor.audit.model import RunSummary
from auditor.errors import ExitCode, UserError
from auditor.i18n import t
from auditor.inspect.facts import LIMIT, READER_VERSION, FileFacts, may_cache
from auditor.scan.walk import Entry, Walked

STATE_NAME = "zi-auditor.sqlite"
APPLICATION_ID = 0x5A494155  # "ZIAU"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL,
    facts TEXT NOT NULL, inspected_at REAL NOT NULL);
-- Covering index: learning what changed reads it alone, not the facts stored in the rows.
CREATE INDEX IF NOT EXISTS files_change ON files (path, size, mtime);
-- Each folder's listing (names, sizes, mtimes) as the last complete run left it: a folder
-- whose listing is unchanged holds only unchanged files (see scan.walk.Walked).
CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, listing BLOB NOT NULL);
-- The SHA-256 of a file's content, computed once per (path, size, mtime): a person's
-- correction names the content, so it follows a file that is renamed or moved.
CREATE TABLE IF NOT EXISTS hashes (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, sha256 TEXT NOT NULL);
-- Where each corrected content was last seen: a file moved after its correction and then
-- edited is still known as "changed since corrected".
CREATE TABLE IF NOT EXISTS reviewed (sha256 TEXT PRIMARY KEY, path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, run_at TEXT NOT NULL, year INTEGER NOT NULL,
    month INTEGER NOT NULL, as_of TEXT NOT NULL, due INTEGER NOT NULL, ok INTEGER NOT NULL,
    gaps INTEGER NOT NULL, files INTEGER NOT NULL, inspected INTEGER NOT NULL,
    root_problem TEXT, duration REAL NOT NULL);
-- Each run's verdicts counted by Tim, area, due month and status: the office dashboard's
-- history (auditor.report.dashboard), without reading old reports back.
CREATE TABLE IF NOT EXISTS run_counts (
    run_id INTEGER NOT NULL, team TEXT NOT NULL, area TEXT NOT NULL,
    due_month INTEGER NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS run_counts_run ON run_counts (run_id);
"""


class CountRow(NamedTuple):
    """How many verdicts of one Tim, area and due month had one status in a run."""

    team: str
    area: str
    due_month: int
    status: str
    n: int


class CachedFacts(NamedTuple):
    """What tells whether a file changed since its facts were cached."""

    size: int
    mtime: float


class State:
    """The open state database. Use ``open_state`` (a context manager)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.db = connection
        self.path = path
        self._files: dict[str, CachedFacts] | None = None
        self._listed: set[str] | None = None  # folders with a saved listing
        self._same: set[str] = set()  # ... equal to this run's
        self._stored: set[str] = set()  # paths whose facts this run stored

    @property
    def files(self) -> dict[str, CachedFacts]:
        """Every cached file: path -> (size, mtime), as it was when first asked for."""
        if self._files is None:  # one query; the facts themselves stay on disk
            rows = self.db.execute("SELECT path, size, mtime FROM files")
            self._files = {path: CachedFacts(size, mtime) for path, size, mtime in rows}
        return self._files

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # Facts cache -------------------------------------------------------------------------
    def facts_for(self, entries: list[Entry], walked: Walked, limits_key: str,
                  forced: Iterable[Entry] = ()) -> tuple[dict[str, FileFacts], list[Entry]]:
        """The cached facts of the ``entries`` that are still theirs, and the entries to read
        now: new or changed files, the ``forced`` ones (a watch event named them), those
        whose cached error passed (none is cached) and those refused by a limit that has
        changed since (``limits_key``, see ``Limits.cache_key``).

        What changed is learnt from the folder listings (``changed``); reading the cached
        facts checks each file's size and mtime once more, so a file is never judged on facts
        of another version of it. Cached paths nobody wants any more are forgotten.
        """
        self._forget_limited(limits_key)
        stale = self.changed(entries, walked)
        doubtful = {e.relpath for e in stale}
        for entry in forced:
            if entry.relpath not in doubtful:
                stale.append(entry)
                doubtful.add(entry.relpath)
        found, unwanted = self.load_facts({e.relpath: CachedFacts(e.size, e.mtime)
                                           for e in entries if e.relpath not in doubtful})
        stale += [e for e in entries if e.relpath not in found and e.relpath not in doubtful]
        self.forget(unwanted)
        return found, stale

    def _forget_limited(self, limits_key: str) -> None:
        """Drop the files refused by a limit when the limit is not the one they met."""
        row = self.db.execute("SELECT value FROM meta WHERE key='limits'").fetchone()
        if row is not None and row[0] == limits_key:
            return
        with self.transaction():
            self.db.execute("DELETE FROM files WHERE json_extract(facts, '$.error_kind') = ?",
                            (LIMIT,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('limits', ?)", (limits_key,))
        self._files = None

    def load_facts(self, wanted: dict[str, CachedFacts]) -> tuple[dict[str, FileFacts], list[str]]:
        """One pass over the cache: the facts of the ``wanted`` files whose cached size and
        mtime are still theirs, and the cached paths nobody wants any more (gone from the
        tree, or no longer matched by a rule). A wanted file missing from the answer must be
        read again."""
        found: dict[str, FileFacts] = {}
        unwanted: list[str] = []
        for path, size, mtime, facts in self.db.execute(
                "SELECT path, size, mtime, facts FROM files"):
            want = wanted.get(path)
            if want is None:
                unwanted.append(path)
            elif want.size == size and want.mtime == mtime:
                cached = FileFacts.from_json(json.loads(facts))
                if may_cache(cached):  # an error cached before errors had kinds: read again
                    found[path] = cached
        return found, unwanted

    # Folder listings ---------------------------------------------------------------------
    def unchanged_folders(self, listings: dict[str, bytes | None]) -> set[str]:
        """The folders of ``listings`` whose listing equals the last complete run's."""
        self._listed, self._same = set(), set()
        for path, listing in self.db.execute("SELECT path, listing FROM folders"):
            self._listed.add(path)
            if listings.get(path) == listing:
                self._same.add(path)
        return self._same

    def changed(self, entries: Iterable[Entry], walked: Walked) -> list[Entry]:
        """The ``entries`` that are new or changed since their facts were cached.

        A folder whose listing is unchanged is trusted whole, one row for the folder; the
        files of other folders, and those reached through links, are compared one by one
        with their cached size and mtime (``files``, read only then).
        """
        same = self.unchanged_folders(walked.listings)
        if walked.listed and not walked.unlisted and len(same) == len(walked.listings):
            return []  # every folder as the last run left it
        out: list[Entry] = []
        for entry in entries:
            if (entry.relpath.rpartition("/")[0] in same
                    and entry.relpath not in walked.unlisted):
                continue
            hit = self.files.get(entry.relpath)
            if hit is None or hit.size != entry.size or hit.mtime != entry.mtime:
                out.append(entry)
        return out

    def save_listings(self, listings: dict[str, bytes | None]) -> None:
        """Keep this run's folder listings; call it once the run's facts are all stored.
        Only the rows that differ are written (none on a night when nothing changed)."""
        if self._listed is None:
            self.unchanged_folders(listings)
        assert self._listed is not None
        gone = [(p,) for p in self._listed if p not in self._same]
        new = [(p, v) for p, v in listings.items() if v is not None and p not in self._same]
        if gone or new:
            with self.transaction():
                self.db.executemany("DELETE FROM folders WHERE path = ?", gone)
                self.db.executemany("INSERT INTO folders (path, listing) VALUES (?, ?)", new)
        self._listed, self._same = None, set()

    def store_facts(self, items: Iterable[tuple[str, int, float, FileFacts]]) -> None:
        """Save the facts of freshly inspected files, in one transaction. An error that
        passes (no permission, a timeout, an I/O error, a file gone) is no fact of the file
        and is not kept: the next run reads the file again."""
        now = time.time()
        rows = [(path, size, mtime, json.dumps(_facts_row(facts), ensure_ascii=False), now)
                for path, size, mtime, facts in items if may_cache(facts)]
        if not rows:
            return
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO files (path, size, mtime, facts, inspected_at) "
                "VALUES (?, ?, ?, ?, ?)", rows)
        self._stored.update(row[0] for row in rows)

    def distrust_run(self) -> None:
        """Forget what this run learnt (its facts; its listings were never saved): the
        evidence share went away during it, so what it read cannot be told apart from
        what the dropping share showed."""
        self.forget(self._stored)
        self._stored = set()
        self._listed, self._same = None, set()

    def forget(self, paths: Iterable[str]) -> None:
        """Drop files that are gone from the tree."""
        gone = [(p,) for p in paths]
        if gone:
            with self.transaction():
                self.db.executemany("DELETE FROM files WHERE path = ?", gone)

    # Content hashes ----------------------------------------------------------------------
    def hashes_for(self, entries: Iterable[Entry],
                   compute: Callable[[Entry], str | None]) -> dict[str, str]:
        """relpath -> SHA-256 of each entry: cached while its size and mtime are the same,
        else ``compute``d now and kept (None: the file could not be read, nothing kept).
        Hashes of paths not in ``entries`` are forgotten."""
        wanted = {e.relpath: e for e in entries}
        out: dict[str, str] = {}
        gone: list[tuple[str]] = []
        for path, size, mtime, digest in self.db.execute(
                "SELECT path, size, mtime, sha256 FROM hashes"):
            entry = wanted.get(path)
            if entry is None:
                gone.append((path,))
            elif entry.size == size and entry.mtime == mtime:
                out[path] = digest
        fresh = []
        for relpath, entry in wanted.items():
            if relpath not in out:
                digest = compute(entry)
                if digest is not None:
                    out[relpath] = digest
                    fresh.append((relpath, entry.size, entry.mtime, digest))
        if gone or fresh:
            with self.transaction():
                self.db.executemany("DELETE FROM hashes WHERE path = ?", gone)
                self.db.executemany("INSERT OR REPLACE INTO hashes VALUES (?, ?, ?, ?)", fresh)
        return out

    def reviewed_paths(self) -> dict[str, str]:
        """sha256 -> where a corrected content was last seen."""
        return dict(self.db.execute("SELECT sha256, path FROM reviewed"))

    def see_reviewed(self, seen: dict[str, str]) -> None:
        """Remember where each corrected content (sha256 -> path) is now."""
        if seen:
            with self.transaction():
                self.db.executemany("INSERT OR REPLACE INTO reviewed VALUES (?, ?)",
                                    list(seen.items()))

    # Runs ----------------------------------------------------------------------------
    def record_run(self, *, run_at: str, year: int, month: int, as_of: str, due: int, ok: int,
                   gaps: int, files: int, inspected: int, duration: float,
                   root_problem: str | None = None, counts: Iterable[CountRow] = ()) -> None:
        with self.transaction():
            run_id = self.db.execute(
                "INSERT INTO runs (run_at, year, month, as_of, due, ok, gaps, files, inspected,"
                " root_problem, duration) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (run_at, year, month, as_of, due, ok, gaps, files, inspected, root_problem,
                 duration)).lastrowid
            self.db.executemany("INSERT INTO run_counts VALUES (?,?,?,?,?,?)",
                                [(run_id, *row) for row in counts])

    def last_good_file_count(self) -> int | None:
        row = self.db.execute(
            "SELECT files FROM runs WHERE root_problem IS NULL ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def history(self, year: int) -> list[RunSummary]:
        """Successful runs of ``year``, oldest first (for the progress table)."""
        rows = self.db.execute(
            "SELECT run_at, month, due, ok, gaps, files FROM runs "
            "WHERE root_problem IS NULL AND year = ? ORDER BY id", (year,))
        return [RunSummary(run_at=r[0], month=r[1], due=r[2], ok=r[3], gaps=r[4], files=r[5])
                for r in rows]

    def month_counts(self, year: int) -> dict[int, tuple[str, list[CountRow]]]:
        """Per report month of ``year``: when its last counted successful run was, and that
        run's counts (``CountRow``). Runs recorded before runs were counted are left out:
        the dashboard shows no figures for their month rather than zeros."""
        last = self.db.execute(
            "SELECT month, max(id) FROM runs WHERE root_problem IS NULL AND year = ?"
            " AND id IN (SELECT run_id FROM run_counts) GROUP BY month", (year,)).fetchall()
        out: dict[int, tuple[str, list[CountRow]]] = {}
        for month, run_id in last:
            run_at = self.db.execute("SELECT run_at FROM runs WHERE id = ?", (run_id,)).fetchone()
            rows = self.db.execute("SELECT team, area, due_month, status, n FROM run_counts"
                                   " WHERE run_id = ?", (run_id,)).fetchall()
            out[month] = (run_at[0], [CountRow(*r) for r in rows])
        return out

    def close(self) -> None:
        self.db.close()


def _facts_row(facts: FileFacts) -> dict[str, object]:
    row = facts.to_json()
    row["text_head"] = facts.text_head[:1000]  # enough to tell a part; keeps the cache small
    return row


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def _ours_or_new(db: sqlite3.Connection) -> bool:
    """True when the database is ours (or empty, and now made ours)."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and tables == 0:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        db.executescript(_SCHEMA)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                   (str(SCHEMA_VERSION),))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('reader_version', ?)",
                   (str(READER_VERSION),))
        return True
    if app_id != APPLICATION_ID:
        return False
    db.executescript(_SCHEMA)
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if row is None or int(row[0]) > SCHEMA_VERSION:
        return False
    _forget_older_readings(db)
    return True


def _forget_older_readings(db: sqlite3.Connection) -> None:
    """Facts read by an older reader are read again (a new reader reads more, or differently)."""
    row = db.execute("SELECT value FROM meta WHERE key='reader_version'").fetchone()
    if row is not None and row[0] == str(READER_VERSION):
        return
    db.execute("BEGIN IMMEDIATE")
    db.execute("DELETE FROM files")
    db.execute("DELETE FROM folders")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('reader_version', ?)", (str(READER_VERSION),))
    db.execute("COMMIT")


def set_aside_file(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.rename(moved)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(moved.with_name(moved.name + suffix))
    return moved


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file is damaged (not busy, not full, not read-only)."""
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


# What SQLite says when the database is sound but cannot be written now, in plain words.
_WRITE_REASONS = {"SQLITE_FULL": "audit.disk_full", "SQLITE_READONLY": "audit.read_only_disk",
                  "SQLITE_BUSY": "audit.state_busy", "SQLITE_LOCKED": "audit.state_busy",
                  "SQLITE_PERM": "audit.no_write_permission",
                  "SQLITE_CANTOPEN": "audit.no_write_permission"}


def write_failed(path: Path, exc: sqlite3.DatabaseError) -> UserError:
    """The plain error (exit 6, WRITE_FAILED) for a sound state that cannot be written:
    a full or read-only disk, another program holding it. Nothing is set aside."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    key = next((k for prefix, k in _WRITE_REASONS.items() if name.startswith(prefix)), None)
    if key is None and name.startswith("SQLITE_IOERR"):  # a failed write(2): say which
        key = "audit.disk_full" if _nearly_full(path.parent) else "audit.disk_io_error"
    reason = t(key) if key else str(exc)
    return UserError(t("audit.state_write_failed", path=path, reason=reason),
                     ExitCode.WRITE_FAILED)


def _nearly_full(folder: Path) -> bool:
    """True when ``folder``'s disk has less than a megabyte left for this user."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 1024 * 1024


def set_aside(state_dir: Path) -> None:
    """Move a state file found damaged midway out of the way, saying so (the next
    ``open_state`` makes a new one)."""
    path = state_dir / STATE_NAME
    moved = set_aside_file(path)
    print(t("audit.state_reset", path=path, moved=moved.name), file=sys.stderr)


@contextmanager
def open_state(state_dir: Path) -> Iterator[State]:
    """Open (creating, or rebuilding when damaged or foreign) the state of ``state_dir``.

    Opening reads no file rows: a damaged page deeper in the file shows later, as an
    ``sqlite3.DatabaseError`` that ``is_damage``; the caller then calls ``set_aside``."""
    path = state_dir / STATE_NAME
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(t("lock.state_unwritable", path=state_dir, reason=exc.strerror or exc),
                        ExitCode.WRITE_FAILED) from None
    if not os.access(state_dir, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.R_OK | os.W_OK)):
        raise UserError(t("lock.state_unwritable", path=state_dir,
                          reason=os.strerror(errno.EACCES)), ExitCode.WRITE_FAILED)
    db: sqlite3.Connection | None = None
    for attempt in range(2):
        try:
            db = _connect(path)
            if _ours_or_new(db):
                state = State(db, path)
                break
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):  # full, read-only, busy: the database itself is fine
                if db is not None:
                    db.close()
                raise write_failed(path, exc) from None
        if db is not None:
            db.close()
            db = None
        if attempt == 1 or not path.exists():
            raise RuntimeError(f"cannot create the state database {path}")
        moved = set_aside_file(path)
        print(t("audit.state_reset", path=path, moved=moved.name), file=sys.stderr)
    try:
        yield state
    finally:
        state.close()
