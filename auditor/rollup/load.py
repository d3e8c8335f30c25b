"""Load the published reports of the drop folders into rollup.duckdb, incrementally.

A drop folder holds ``<office-slug>/<YYYY>-<MM>.json`` (written by ``auditor.rollup.publish``).
Each new or changed file is read, checked against the shipped JSON Schema of gap-report.json
and loaded; a file already loaded or skipped whose size and mtime are unchanged is not read
again. A file that cannot be used (not JSON, cut short, another ``schema_version``, a report
of another month than its name, a second report for an office and month already loaded) is
skipped with its reason, remembered, and named on every run: never fatal. A file gone from
the drop folder is dropped from the database.

Validation is fastjsonschema's compiled form of the shipped schema (seven times faster than
jsonschema's interpreter: 6,600 reports are read in seconds, not minutes).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from auditor.i18n import t
from auditor.rollup import db

NAME = re.compile(r"(\d{4})-(\d{2})\.json")
SCHEMA_VERSION = 1  # the schema_version the shipped schema describes
# each table's columns and their DuckDB types, in order (see auditor.rollup.db)
_FILES = {"path": "VARCHAR", "size": "BIGINT", "mtime_ns": "BIGINT", "office": "VARCHAR",
          "loaded": "BOOLEAN", "reason": "VARCHAR"}
_REPORTS = {"path": "VARCHAR", "office": "VARCHAR", "office_name": "VARCHAR", "year": "INTEGER",
            "month": "INTEGER", "as_of": "DATE", "generated_at": "VARCHAR",
            "generated_utc": "TIMESTAMP", "due": "INTEGER", "ok": "INTEGER", "gaps": "INTEGER",
            "schema_version": "INTEGER"}
_VERDICTS = {"path": "VARCHAR", "office": "VARCHAR", "year": "INTEGER", "report_month": "INTEGER",
            "rule_id": "VARCHAR", "area": "VARCHAR", "due_month": "INTEGER", "team": "VARCHAR",
            "status": "VARCHAR", "evidence": "VARCHAR", "folder": "VARCHAR"}


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class LoadResult:
    loaded: list[str] = field(default_factory=list)  # read and loaded this run
    unchanged: int = 0  # already loaded, not read again
    skipped: list[Skipped] = field(default_factory=list)  # every file not in the database
    removed: int = 0  # gone from the drop folders since the last run


@cache
def _validator() -> Callable[[Any], Any]:
    import fastjsonschema

    from auditor.report.schema import schema_text

    schema = json.loads(schema_text("report"))
    # fastjsonschema implements drafts 4-7; the shipped schema uses only keywords that mean
    # the same there ($defs is reached by JSON pointer like any other object).
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema)


def report_files(dirs: Iterable[Path]) -> list[tuple[Path, os.stat_result]]:
    """Every ``*.json`` one folder below a drop folder (``<office>/<file>.json``), sorted."""
    out = []
    for top in dirs:
        for office in sorted(p for p in Path(top).iterdir() if p.is_dir()):
            for path in sorted(office.glob("*.json")):
                try:
                    out.append((path, path.stat()))
                except OSError:
                    continue
    return out


def _reason_of(path: Path, data: Any, lang: str | None) -> str | None:
    """Why the parsed report ``data`` at ``path`` cannot be loaded, or None."""
    import fastjsonschema

    if not isinstance(data, dict):
        return t("rollup.skip.not_report", lang)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        return t("rollup.skip.schema_version", lang, found=version if version is not None
                 else "-", wanted=SCHEMA_VERSION)
    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaException as exc:
        return t("rollup.skip.invalid", lang, detail=exc.message)
    match = NAME.fullmatch(path.name)
    if match is None:
        return t("rollup.skip.bad_name", lang)
    if (int(match.group(1)), int(match.group(2))) != (data["year"], data["month"]):
        return t("rollup.skip.other_month", lang, year=data["year"], month=data["month"])
    return None


def _utc(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def load(dirs: Sequence[Path], db_path: Path, lang: str | None = None) -> LoadResult:
    """Bring ``db_path`` up to date with the reports under ``dirs``; see the module doc."""
    import duckdb

    result = LoadResult()
    found = report_files(dirs)
    con = duckdb.connect(str(db_path))
    try:
        db.prepare(con)
        known = {row[0]: row[1:] for row in con.execute(
            "SELECT path, size, mtime_ns, loaded, reason FROM files").fetchall()}
        here = {str(p) for p, _ in found}
        roots = [str(Path(d)) + os.sep for d in dirs]
        gone = [p for p in known if p not in here and p.startswith(tuple(roots))]
        todo: list[tuple[Path, os.stat_result]] = []
        for path, st in found:
            old = known.get(str(path))
            if old is not None and (old[0], old[1]) == (st.st_size, st.st_mtime_ns):
                if old[2]:
                    result.unchanged += 1
                else:
                    result.skipped.append(Skipped(str(path), old[3]))
            else:
                todo.append((path, st))
        con.execute("BEGIN")
        stale = gone + [str(p) for p, _ in todo if str(p) in known]
        if stale:
            _forget(con, stale)
        result.removed = len(gone)
        taken = {(o, y, m): p for p, o, y, m in con.execute(
            "SELECT path, office, year, month FROM reports").fetchall()}
        _read_all(con, todo, taken, result, lang)
        con.execute("COMMIT")
    finally:
        con.close()
    result.skipped.sort(key=lambda s: s.path)
    return result


def _forget(con, paths: list[str]) -> None:  # noqa: ANN001
    con.execute("CREATE OR REPLACE TEMP TABLE gone (path VARCHAR)")
    _insert(con, "gone", {"path": "VARCHAR"}, _csv([p] for p in paths))
    for table in ("files", "reports", "verdicts"):
        con.execute(f"DELETE FROM {table} WHERE path IN (SELECT path FROM gone)")


Checked = tuple[str | None, list[Any] | None, str]


def _check(item: tuple[str, str | None]) -> Checked:
    """Read and check one file (in a worker): why it is skipped, or its ``reports`` row and
    its verdicts as CSV rows of the verdicts table."""
    name, lang = item
    path = Path(name)
    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        return t("rollup.skip.unreadable", lang, reason=exc.strerror or exc), None, ""
    except ValueError:
        return t("rollup.skip.not_json", lang), None, ""
    reason = _reason_of(path, data, lang)
    if reason is not None:
        return reason, None, ""
    summary, office, year, month = data["summary"], path.parent.name, data["year"], data["month"]
    rows = _csv((name, office, year, month, v["rule_id"], v.get("area"), v["month"], v["team"],
                 v["status"], v.get("evidence"), v.get("folder")) for v in data["verdicts"])
    return None, [name, office, data.get("office"), year, month, data["as_of"],
                  data["generated_at"], _utc(data["generated_at"]), summary["due"],
                  summary["ok"], summary["gaps"], data["schema_version"]], rows


def _checked(todo: list[tuple[Path, os.stat_result]], lang: str | None) -> Iterator[Checked]:
    """``_check`` of every file in order, from a pool of forked workers when there are many
    (parsing and checking against the schema is nearly all of a full load's time). The
    answers stream: a province's verdicts are never all in memory at once."""
    items = [(str(p), lang) for p, _ in todo]
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < 64 or workers < 2:
        yield from map(_check, items)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_check, items, chunksize=16)


def _csv(rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def _insert(con, table: str, columns: dict[str, str], rows: str | Path) -> None:  # noqa: ANN001
    """Insert CSV ``rows`` (text, or a file of them) into ``table`` through DuckDB's bulk
    CSV reader (DuckDB's executemany takes milliseconds a row: minutes for a province)."""
    if isinstance(rows, Path):
        _read_csv(con, table, columns, rows)
        return
    if not rows:
        return
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", newline="",
                                     delete=False) as handle:
        try:
            handle.write(rows)
            handle.close()
            _read_csv(con, table, columns, Path(handle.name))
        finally:
            os.unlink(handle.name)


def _read_csv(con, table: str, columns: dict[str, str], path: Path) -> None:  # noqa: ANN001
    if path.stat().st_size == 0:
        return
    kinds = ", ".join(f"'{c}': '{k}'" for c, k in columns.items())
    con.execute(f"INSERT INTO {table} SELECT * FROM read_csv(?, header = false, "
                f"quote = '\"', escape = '\"', columns = {{{kinds}}})", [str(path)])


def _read_all(con, todo: list[tuple[Path, os.stat_result]],  # noqa: ANN001
              taken: dict[tuple[str, int, int], str], result: LoadResult,
              lang: str | None) -> None:
    """Check ``todo`` and load the sound reports."""
    files, reports = [], []
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", newline="",
                                     delete=False) as verdicts:
        try:
            for (path, st), (reason, row, lines) in zip(todo, _checked(todo, lang), strict=True):
                office = path.parent.name
                if row is not None:
                    key = (office, row[3], row[4])
                    if key in taken:
                        reason = t("rollup.skip.duplicate", lang, other=taken[key])
                    else:
                        taken[key] = str(path)
                files.append([str(path), st.st_size, st.st_mtime_ns, office, reason is None,
                              reason])
                if reason is not None:
                    result.skipped.append(Skipped(str(path), reason))
                    continue
                result.loaded.append(str(path))
                reports.append(row)
                verdicts.write(lines)
            verdicts.close()
            _insert(con, "files", _FILES, _csv(files))
            _insert(con, "reports", _REPORTS, _csv(reports))
            _insert(con, "verdicts", _VERDICTS, Path(verdicts.name))
        finally:
            os.unlink(verdicts.name)
