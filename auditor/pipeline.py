"""One audit run: config -> rules -> scan -> inspect (only new or changed files) -> audit
-> report. The scan command, the scheduler and the watcher all call ``run_scan``.

Report month (``resolve_period``): ``--as-of D`` audits what is due up to D (month of D,
open when D is not its last day); ``--month M [--year Y]`` audits up to the end of M;
without either, the current month in the config time zone when the current year is the plan
year, December (up to 31 December) for a past plan year — an office that runs the 2022 plan
in 2026 wants the whole year's account — and January of a plan year still to come.
"""

from __future__ import annotations

import errno
import gc
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from auditor.audit import judge
from auditor.audit.assemble import (
    assemble_report,
    explain_guesses,
    mark_unwalked,
    say_how_found,
)
from auditor.audit.model import AuditReport
from auditor.audit.state import (
    STATE_NAME,
    CountRow,
    State,
    is_damage,
    open_state,
    set_aside,
    write_failed,
)
from auditor.config.model import Config
from auditor.config.teams import check_teams
from auditor.documents.formats import looks_like_evidence
from auditor.errors import ExitCode, UserError
from auditor.guard import refuse_inside_evidence
from auditor.i18n import t
from auditor.inspect.facts import FileFacts
from auditor.lock import audit_lock
from auditor.review.apply import review_files
from auditor.review.book import Book, load_book
from auditor.scan import root_guard
from auditor.scan.folder_map import folder_map_of
from auditor.scan.match import RuleIndex, RuleMatch
from auditor.scan.root_guard import WalkError
from auditor.scan.unmatched import unmatched_reason
from auditor.scan.walk import Entry, Walked, problem_text, walk_tree

if TYPE_CHECKING:
    pass

BATCH = 50  # facts committed per transaction while inspecting
GC_YOUNG_THRESHOLD = 50_000  # allocations between collections during a scan (CPython: 700)


@dataclass
class ScanOptions:
    month: int | None = None
    year: int | None = None
    as_of: date | None = None
    out_dir: Path | None = None
    lang: str | None = None
    quiet: bool = True
    lock_wait_seconds: float = 0.0
    changed_paths: Sequence[Path] | None = None  # read these again even if size+mtime agree


@dataclass
class ScanOutcome:
    exit_code: int
    report: AuditReport | None
    report_dir: Path | None
    files_seen: int
    files_inspected: int
    gaps: int
    root_problem: str | None
    duration_seconds: float


def resolve_period(plan_year: int, options: ScanOptions, today: date) -> judge.Period:
    """The year, report month and as-of day of a run (see the module docstring)."""
    if options.as_of is not None:
        return judge.Period(options.as_of.year, options.as_of.month, options.as_of)
    year = options.year or plan_year
    if options.month is not None:
        if not 1 <= options.month <= 12:
            raise UserError(t("audit.bad_month", month=options.month))
        period = judge.Period(year, options.month, today)
        if (today.year, today.month) == (year, options.month):
            return period
        return judge.Period(year, options.month, period.month_end)
    if today.year == year:
        return judge.Period(year, today.month, today)
    if today.year > year:
        return judge.Period(year, 12, date(year, 12, 31))
    return judge.Period(year, 1, today)


def refuse_other_year(year: int, plan_year: int, rules_year: int | None, lang: str) -> None:
    """A report for a year neither the config's ``year`` nor the rules cover is refused: it
    would be judged by another year's plan and become the newest report, mailed as such."""
    if year not in (plan_year, rules_year):
        raise UserError(t("audit.year_outside_plan", lang, year=year, plan_year=plan_year))


_usual_pace: list[tuple[int, int, int]] = []  # the collector's thresholds outside a scan


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the garbage collector less often, for as long as this lasts.

    A scan builds objects that live until it ends (every file's facts, the verdicts, the
    report) and makes next to no cyclic garbage (some 4 000 objects collected in a whole
    scan of 10 000 files); at CPython's default pace the collector went over the live ones
    again and again, about 0.1 s of a 1.1 s one-change scan. Collections are rarer, never
    off (at most ``GC_YOUNG_THRESHOLD`` new objects wait for one), and the pace is put back
    afterwards: `watch` and `serve` go on in the same process. Taken under the audit lock,
    so that two runs of one process never interleave it. Reading documents keeps the usual
    pace (``usual_collections``).
    """
    before = gc.get_threshold()
    _usual_pace.append(before)
    gc.set_threshold(max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*_usual_pace.pop())


@contextmanager
def usual_collections() -> Iterator[None]:
    """The usual pace again while documents are read: inspection workers forked now inherit
    it, and a reader's garbage holds whole parsed documents (python-docx and openpyxl trees in
    reference cycles); at the scan's pace a cold scan's largest worker grew from 217 MB to
    861 MB at 10 000 files."""
    if not _usual_pace:
        yield
        return
    during = gc.get_threshold()
    gc.set_threshold(*_usual_pace[0])
    try:
        yield
    finally:
        gc.set_threshold(*during)


def run_scan(config: Config, options: ScanOptions) -> ScanOutcome:
    """Audit the tree of ``config`` and write the month's reports; see ScanOutcome."""
    started = time.perf_counter()
    lang = options.lang or config.language
    tz = ZoneInfo(config.timezone)
    out_dir = refuse_inside_evidence(options.out_dir or config.reports_dir, config.evidence_root, lang)
    ruleset = _rules(config)
    check_teams(config, {rule.team for rule in ruleset.rules})
    plan_year = config.year or ruleset.year
    if not plan_year:
        raise UserError(t("audit.no_year", lang))
    period = resolve_period(plan_year, options, datetime.now(tz).date())
    refuse_other_year(period.year, plan_year, ruleset.year, lang)
    with audit_lock(config.state_dir, wait_seconds=options.lock_wait_seconds, purpose="scan",
                    timezone=config.timezone), fewer_collections():
        book = load_book(config.corrections)  # under the lock: never half a `review` write
        book.check(ruleset)
        root = config.evidence_root
        walk_errors: list[WalkError] = []
        walked = walk_tree(root, lambda rel, exc: walk_errors.append((rel, exc)))
        entries = walked.entries
        for attempt in (1, 2):
            try:
                with open_state(config.state_dir) as state:
                    audited = _audit_tree(config, state, ruleset, period, walked, walk_errors,
                                          options, lang, tz, started, book)
                break
            except sqlite3.DatabaseError as exc:  # a damaged page found midway, or a full disk
                if not is_damage(exc):
                    raise write_failed(config.state_dir / STATE_NAME, exc) from None
                if attempt == 2:
                    raise
                set_aside(config.state_dir)  # and audit again on a new state
        if isinstance(audited, ScanOutcome):
            return audited
        report, inspected = audited
        from auditor.report.write import month_folder, write_reports

        try:
            report_dir = write_reports(report, out_dir, lang)
        except OSError as exc:  # disk full, no permission: the last report stays whole
            raise UserError(t("audit.report_unwritable", lang,
                              path=month_folder(out_dir, report.year, report.month),
                              reason=_write_reason(exc, lang)),
                            ExitCode.WRITE_FAILED) from None
        _after_report(config, report, report_dir, out_dir, lang)
    return ScanOutcome(ExitCode.OK, report, report_dir, len(entries), inspected,
                       report.summary.gaps, None, time.perf_counter() - started)


def _audit_tree(config: Config, state: State, ruleset, period: judge.Period,  # noqa: ANN001
                walked: Walked, walk_errors: list[WalkError], options: ScanOptions,
                lang: str, tz: ZoneInfo, started: float,
                book: Book) -> ScanOutcome | tuple[AuditReport, int]:
    """Match, read and judge the walked files against the state: the report and how many
    files were read, or the outcome of a root that looks unmounted or dropped (root_guard)."""
    root = config.evidence_root
    entries = walked.entries
    plan_year = config.year or ruleset.year
    problem = root_guard.before_reading(root, entries, walk_errors, state.last_good_file_count(),
                                        config.max_file_loss_percent, lang)
    if problem:
        return _stopped(state, period, problem, len(entries), 0, tz, started)
    walk_problems = [{"path": rel, "error": problem_text(exc, lang)} for rel, exc in walk_errors]
    index = RuleIndex(ruleset.rules, year=plan_year,
                      folder_map=folder_map_of(config, ruleset.rules))
    matched, strays = [], []
    for entry in entries:
        match = index.match(entry.relpath)
        if match is not None:
            matched.append((entry, match))
        elif looks_like_evidence(entry.relpath) and not index.not_evidence(entry.relpath):
            strays.append(entry)
    matched, strays, reviews = review_files(book, state, index, matched, strays)
    facts, read = _facts(config, state, walked, matched, options)
    problem = root_guard.after_reading(root, entries, read, config.max_file_loss_percent, lang)
    if problem:  # the share went away while its files were read: keep nothing of this run
        state.distrust_run()
        return _stopped(state, period, problem, len(entries), len(read), tz, started)
    state.save_listings(walked.listings)
    inspected, retried = len(read), sum(1 for f in read.values() if f.retried)
    report = assemble_report(config, ruleset, period, matched, facts, lang, tz, reviews)
    report.inspection = {"read": inspected, "retried": retried}
    mark_unwalked(report.verdicts, index, walk_problems, lang)
    say_how_found(report.verdicts, matched)
    report.unmatched = [{"path": p, "reason": unmatched_reason(index.explain(p), plan_year,
                                                              lang, p)}
                       for p in (e.relpath for e in strays)]
    explain_guesses(report, index, facts, plan_year, lang)
    if index.folder_map is not None:
        from auditor.scan.map_propose import new_folders

        report.new_folders = new_folders(
            [e.relpath for e, m in matched if m.matched_by == "guess"] + [e.relpath for e in strays],
            index, lang)
    report.errors = walk_problems + [{"path": p, "error": f.error}
                                     for p, f in sorted(facts.items()) if f.error]
    state.record_run(run_at=report.generated_at, year=period.year, month=period.month,
                     as_of=period.as_of.isoformat(), due=report.summary.due,
                     ok=report.summary.ok, gaps=report.summary.gaps, files=len(entries),
                     inspected=inspected, duration=time.perf_counter() - started,
                     counts=count_rows(report.verdicts))
    report.history = state.history(period.year)
    return report, inspected


def count_rows(verdicts: list) -> list[CountRow]:  # list[Verdict]
    """The verdicts counted by Tim, area, due month and status (State.record_run)."""
    from collections import Counter

    counted = Counter((v.team, v.area, v.month, v.status) for v in verdicts)
    return [CountRow(*key, n) for key, n in sorted(counted.items())]


def _stopped(state: State, period: judge.Period, problem: str, files: int, inspected: int,
             tz: ZoneInfo, started: float) -> ScanOutcome:
    """The outcome of a run the root guard stopped, remembered as such (it is no "last good
    run" for the next one's comparison)."""
    state.record_run(run_at=datetime.now(tz).isoformat(timespec="seconds"), year=period.year,
                     month=period.month, as_of=period.as_of.isoformat(), due=0, ok=0, gaps=0,
                     files=files, inspected=inspected, duration=time.perf_counter() - started,
                     root_problem=problem)
    return ScanOutcome(ExitCode.ROOT_UNAVAILABLE, None, None, files, inspected, 0, problem,
                       time.perf_counter() - started)


def _after_report(config: Config, report: AuditReport, report_dir: Path, out_dir: Path,
                  lang: str) -> None:
    """Once the month's reports are written: the office dashboard (out_dir/index.html) and,
    with ``publish: {dir}``, the report in the province's drop folder."""
    from auditor.report.dashboard import write_dashboard
    from auditor.rollup.publish import publish_report

    try:
        write_dashboard(report, config.state_dir, out_dir, lang)
    except OSError as exc:
        raise UserError(t("audit.report_unwritable", lang, path=out_dir / "index.html",
                          reason=_write_reason(exc, lang)), ExitCode.WRITE_FAILED) from None
    if config.publish_dir is None:
        return
    try:
        publish_report(report_dir / "gap-report.json", config.publish_dir, report.office,
                       report.year, report.month, config.evidence_root, lang)
    except OSError as exc:
        raise UserError(t("rollup.publish_failed", lang, path=config.publish_dir,
                          reason=_write_reason(exc, lang)), ExitCode.WRITE_FAILED) from None


def _write_reason(exc: OSError, lang: str) -> str:
    key = {errno.ENOSPC: "audit.disk_full", errno.EDQUOT: "audit.disk_full",
           errno.EACCES: "audit.no_write_permission", errno.EPERM: "audit.no_write_permission",
           errno.EROFS: "audit.read_only_disk"}.get(exc.errno or 0)
    return t(key, lang) if key else exc.strerror or type(exc).__name__


def _rules(config: Config):  # noqa: ANN202 - RuleSet, imported lazily
    from auditor.rules.cache import cached_rules

    return cached_rules(list(config.rules), config.state_dir)


def _facts(config: Config, state: State, walked: Walked, matched: list[tuple[Entry, RuleMatch]],
           options: ScanOptions) -> tuple[dict[str, FileFacts], dict[str, FileFacts]]:
    """Facts of every matched file, from the cache or read now (``State.facts_for`` says
    which), and the facts of those read now."""
    entries = [e for e, _ in matched]
    forced = {os.path.realpath(p) for p in options.changed_paths or ()}
    again = [e for e in entries if os.path.realpath(e.path) in forced] if forced else []
    out, stale = state.facts_for(entries, walked, _limits(config).cache_key(), again)
    read = _inspect(config, state, stale, options.quiet) if stale else {}
    out.update(read)
    return out, read


def _limits(config: Config):  # noqa: ANN202 - Limits, imported lazily
    from auditor.inspect.facts import Limits

    return Limits(timeout_seconds=config.inspect.timeout_seconds,
                  max_bytes=int(config.inspect.max_file_mb * 1024 * 1024), ocr=config.inspect.ocr)


def _inspect(config: Config, state: State, stale: list[Entry], quiet: bool) -> dict[str, FileFacts]:
    import sys

    from auditor.inspect.run import inspect_paths

    by_rel = {e.relpath: e for e in stale}
    rel_of = {str(e.path): e.relpath for e in stale}
    pending: list[tuple[str, int, float, FileFacts]] = []
    results: dict[str, FileFacts] = {}
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the inspection workers are forked next
        bar = tqdm(total=len(stale), desc=t("audit.progress"), unit=" berkas", file=sys.stderr,
                   leave=False)

    def done(facts: FileFacts) -> None:
        entry = by_rel.get(facts.path)  # inspect shows each file by its path in the tree
        if entry is None:
            return
        facts.size, facts.mtime = entry.size, entry.mtime
        results[entry.relpath] = facts
        pending.append((entry.relpath, entry.size, entry.mtime, facts))
        if len(pending) >= BATCH:
            state.store_facts(pending)
            pending.clear()
        if bar is not None:
            bar.update(1)

    try:
        with usual_collections():
            inspect_paths([e.path for e in stale], limits=_limits(config), year=config.year,
                          workers=config.inspect.workers, display=lambda p: rel_of[str(p)],
                          on_done=done, root=str(config.evidence_root),
                          expected=[(e.size, e.mtime) for e in stale])
    finally:
        if bar is not None:
            bar.close()
        state.store_facts(pending)
    return results
