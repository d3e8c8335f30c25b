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
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from auditor.audit import judge
from auditor.audit.model import GAP_STATUSES, AuditReport, Count, Verdict
from auditor.audit.reuse import mark_photo_reuse
from auditor.audit.state import CachedFacts, State, is_damage, open_state, set_aside
from auditor.config.model import Config
from auditor.documents.formats import looks_like_evidence
from auditor.errors import ExitCode, UserError
from auditor.guard import refuse_inside_evidence
from auditor.i18n import t
from auditor.inspect.facts import FileFacts
from auditor.run.lock import audit_lock
from auditor.scan.match import RuleIndex, RuleMatch, assign_part, part_key
from auditor.scan.walk import Entry, Walked, problem_text, walk_tree

if TYPE_CHECKING:
    from auditor.scan.fuzzy import Guess

BATCH = 50  # facts committed per transaction while inspecting


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


def _root_problem(root: Path, entries: list[Entry], state: State | None, max_loss: float,
                  lang: str, walk_problems: Sequence[dict[str, str]] = ()) -> str | None:
    if not root.exists():
        return t("audit.root_missing", lang, root=root)
    if not root.is_dir():
        return t("audit.root_not_dir", lang, root=root)
    unread = [p["error"] for p in walk_problems if p["path"] == "."]
    if unread:  # not "empty": the folder is there, the audit may not look inside
        return t("audit.root_unreadable", lang, root=root, error=unread[0])
    if not entries:
        return t("audit.root_empty", lang, root=root)
    before = state.last_good_file_count() if state else None
    if before:
        lost = 100.0 * (before - len(entries)) / before
        if lost > max_loss:
            return t("audit.root_shrunk", lang, root=root, now=len(entries), before=before,
                     percent=round(lost))
    return None


def run_scan(config: Config, options: ScanOptions) -> ScanOutcome:
    """Audit the tree of ``config`` and write the month's reports; see ScanOutcome."""
    started = time.perf_counter()
    lang = options.lang or config.language
    tz = ZoneInfo(config.timezone)
    out_dir = refuse_inside_evidence(options.out_dir or config.reports_dir, config.evidence_root, lang)
    ruleset = _rules(config)
    plan_year = config.year or ruleset.year
    if not plan_year:
        raise UserError(t("audit.no_year", lang))
    period = resolve_period(plan_year, options, datetime.now(tz).date())
    with audit_lock(config.state_dir, wait_seconds=options.lock_wait_seconds, purpose="scan"):
        root = config.evidence_root
        walk_problems: list[dict[str, str]] = []
        walked = walk_tree(root, lambda rel, exc: walk_problems.append(
            {"path": rel, "error": problem_text(exc, lang)}))
        entries = walked.entries
        for attempt in (1, 2):
            try:
                with open_state(config.state_dir) as state:
                    audited = _audit_tree(config, state, ruleset, period, walked, walk_problems,
                                          options, lang, tz, started)
                break
            except sqlite3.DatabaseError as exc:  # a damaged page found midway
                if attempt == 2 or not is_damage(exc):
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
    return ScanOutcome(ExitCode.OK, report, report_dir, len(entries), inspected,
                       report.summary.gaps, None, time.perf_counter() - started)


def _audit_tree(config: Config, state: State, ruleset, period: judge.Period,  # noqa: ANN001
                walked: Walked, walk_problems: list[dict[str, str]], options: ScanOptions,
                lang: str, tz: ZoneInfo, started: float) -> ScanOutcome | tuple[AuditReport, int]:
    """Match, read and judge the walked files against the state: the report and how many
    files were read, or the outcome of a root that looks unmounted (nothing judged)."""
    root = config.evidence_root
    entries = walked.entries
    plan_year = config.year or ruleset.year
    problem = _root_problem(root, entries, state, config.max_file_loss_percent, lang,
                            walk_problems)
    if problem:
        state.record_run(run_at=datetime.now(tz).isoformat(timespec="seconds"),
                         year=period.year, month=period.month,
                         as_of=period.as_of.isoformat(), due=0, ok=0, gaps=0,
                         files=len(entries), inspected=0,
                         duration=time.perf_counter() - started, root_problem=problem)
        return ScanOutcome(ExitCode.ROOT_UNAVAILABLE, None, None, len(entries), 0, 0,
                           problem, time.perf_counter() - started)
    index = RuleIndex(ruleset.rules, year=plan_year)
    matched, strays = [], []
    for entry in entries:
        match = index.match(entry.relpath)
        if match is not None:
            matched.append((entry, match))
        elif looks_like_evidence(entry.relpath):
            strays.append(entry.relpath)
    facts, inspected, retried = _facts(config, state, walked, matched, options)
    report = _audit(config, ruleset, period, matched, facts, lang, tz)
    report.inspection = {"read": inspected, "retried": retried}
    _unwalked(report.verdicts, index, walk_problems, lang)
    _say_how_found(report.verdicts, matched)
    report.unmatched = [{"path": p, "reason": unmatched_reason(index.explain(p), plan_year,
                                                              lang)} for p in strays]
    report.errors = walk_problems + [{"path": p, "error": f.error}
                                     for p, f in sorted(facts.items()) if f.error]
    state.record_run(run_at=report.generated_at, year=period.year, month=period.month,
                     as_of=period.as_of.isoformat(), due=report.summary.due,
                     ok=report.summary.ok, gaps=report.summary.gaps, files=len(entries),
                     inspected=inspected, duration=time.perf_counter() - started)
    report.history = state.history(period.year)
    return report, inspected


def _write_reason(exc: OSError, lang: str) -> str:
    key = {errno.ENOSPC: "audit.disk_full", errno.EDQUOT: "audit.disk_full",
           errno.EACCES: "audit.no_write_permission", errno.EPERM: "audit.no_write_permission",
           errno.EROFS: "audit.read_only_disk"}.get(exc.errno or 0)
    return t(key, lang) if key else exc.strerror or type(exc).__name__


RULES_CACHE = "rules-cache.pickle"


def _rules(config: Config):  # noqa: ANN202 - RuleSet, imported lazily
    """The rules of ``config``; parsed YAML is kept in the state dir while the files are
    unchanged, since parsing 96 rules in pure-Python YAML is most of a warm scan."""
    import pickle

    from auditor import __version__
    from auditor.rules.load import load_rulesets

    try:
        key = (__version__, [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in config.rules])
    except OSError:
        key = None
    cache = config.state_dir / RULES_CACHE
    if key is not None:
        try:
            with cache.open("rb") as handle:
                cached_key, ruleset = pickle.load(handle)
            if cached_key == key:
                return ruleset
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
            pass
    ruleset = load_rulesets(list(config.rules))
    if key is not None:
        try:
            config.state_dir.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".tmp{os.getpid()}")
            with tmp.open("wb") as handle:
                pickle.dump((key, ruleset), handle)
            os.replace(tmp, cache)
        except OSError:
            pass
    return ruleset


def _facts(config: Config, state: State, walked: Walked, matched: list[tuple[Entry, RuleMatch]],
           options: ScanOptions) -> tuple[dict[str, FileFacts], int, int]:
    """Facts of every matched file: from the cache, or read now (and cached) when new;
    how many were read now, and how many of those were read a second time alone.

    What changed is learnt from the folder listings (``State.changed``); reading the cached
    facts checks each file's size and mtime once more, so a file is never judged on facts
    of another version of it. The listings are saved once every fact is stored.
    """
    entries = [e for e, _ in matched]
    forced = {os.path.realpath(p) for p in options.changed_paths or ()}
    stale = state.changed(entries, walked)
    doubtful = {e.relpath for e in stale}
    if forced:  # files a watch event named: read again even when size and mtime agree
        stale += [e for e in entries
                  if e.relpath not in doubtful and os.path.realpath(e.path) in forced]
        doubtful = {e.relpath for e in stale}
    out, unwanted = state.load_facts({e.relpath: CachedFacts(e.size, e.mtime)
                                      for e in entries if e.relpath not in doubtful})
    stale += [e for e in entries if e.relpath not in out and e.relpath not in doubtful]
    state.forget(unwanted)
    retried = 0
    if stale:
        read = _inspect(config, state, stale, options.quiet)
        retried = sum(1 for f in read.values() if f.retried)
        out.update(read)
    state.save_listings(walked.listings)
    return out, len(stale), retried


def _inspect(config: Config, state: State, stale: list[Entry], quiet: bool) -> dict[str, FileFacts]:
    import sys

    from auditor.inspect.facts import Limits
    from auditor.inspect.run import inspect_paths

    by_path = {e.abspath: e for e in stale}
    pending: list[tuple[str, int, float, FileFacts]] = []
    results: dict[str, FileFacts] = {}
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the inspection workers are forked next
        bar = tqdm(total=len(stale), desc=t("audit.progress"), unit=" berkas", file=sys.stderr,
                   leave=False)

    def done(facts: FileFacts) -> None:
        entry = by_path.get(facts.path) or _entry_for(facts.path, by_path)
        if entry is None:
            return
        facts.path, facts.size, facts.mtime = entry.relpath, entry.size, entry.mtime
        results[entry.relpath] = facts
        pending.append((entry.relpath, entry.size, entry.mtime, facts))
        if len(pending) >= BATCH:
            state.store_facts(pending)
            pending.clear()
        if bar is not None:
            bar.update(1)

    limits = Limits(timeout_seconds=config.inspect.timeout_seconds,
                    max_bytes=int(config.inspect.max_file_mb * 1024 * 1024), ocr=config.inspect.ocr)
    try:
        inspect_paths([e.path for e in stale], limits=limits, year=config.year,
                      workers=config.inspect.workers, display=None, on_done=done)
    finally:
        if bar is not None:
            bar.close()
        state.store_facts(pending)
    return results


def _entry_for(path: str, by_path: dict[str, Entry]) -> Entry | None:
    real = os.path.realpath(path)
    for key, entry in by_path.items():
        if os.path.realpath(key) == real:
            return entry
    return None


def _audit(config: Config, ruleset, period: judge.Period,  # noqa: ANN001 - RuleSet
           matched: list[tuple[Entry, RuleMatch]], facts: dict[str, FileFacts], lang: str,
           tz: ZoneInfo) -> AuditReport:
    candidates: dict[str, list[judge.Candidate]] = defaultdict(list)
    parts_of: dict[str, dict[str, str]] = {}
    for entry, match in matched:
        f = facts.get(entry.relpath)
        if f is None:
            continue
        part = assign_part(match, f.title, f.text_head)
        key = part_key(match.rule, part) if part is not None else None
        mtime = datetime.fromtimestamp(entry.mtime, tz).isoformat(timespec="seconds")
        candidates[match.rule.id].append(
            judge.Candidate(entry.relpath, key, match.folder_month, f, mtime))
        parts_of.setdefault(match.rule.id, {})[entry.relpath] = part.kind if part else ""
    verdicts: list[Verdict] = []
    upcoming: list[Verdict] = []
    for rule in ruleset.rules:
        verdicts.extend(judge.judge_rule(rule, candidates.get(rule.id, ()), period, lang))
        nxt = judge.upcoming(rule, period, lang)
        if nxt is not None:
            upcoming.append(nxt)
    photos = [(v, fe.path, facts[fe.path].phash) for v in verdicts for fe in v.files
              if parts_of.get(v.rule_id, {}).get(fe.path) == "dokumentasi"
              and facts[fe.path].phash]
    mark_photo_reuse(photos, lang)
    summary, by_team = _count(verdicts)
    return AuditReport(
        year=period.year, month=period.month, as_of=period.as_of.isoformat(),
        generated_at=datetime.now(tz).isoformat(timespec="seconds"),
        evidence_root=str(config.evidence_root), language=lang, office=ruleset.office,
        summary=summary, by_team=by_team, verdicts=verdicts, errors=[], upcoming=upcoming,
        rules=[r.to_json() for r in ruleset.rules])


def _unwalked(verdicts: list[Verdict], index: RuleIndex, problems: list[dict[str, str]],
              lang: str) -> None:
    """A rule whose folder could not be read whole (no permission, a link out of the root, a
    folder gone mid-scan) is not "missing": what is there cannot be told, so review it."""
    by_rule: dict[str, list[dict[str, str]]] = defaultdict(list)
    for problem in problems:
        path = problem["path"]
        match = index.match(f"{path}/-")  # the problem is the rule's folder or lies inside it
        hit = {match.rule.id} if match else set()
        hit.update(r.id for r in index.rules if r.folder.startswith(f"{path}/"))  # above it
        for rule_id in hit:
            by_rule[rule_id].append(problem)
    for verdict in verdicts:
        if verdict.rule_id in by_rule and verdict.status in ("missing", "incomplete"):
            verdict.status = "needs_review"
            verdict.problems.extend(t("audit.unwalked", lang, path=p["path"], error=p["error"])
                                    for p in by_rule[verdict.rule_id])


def _say_how_found(verdicts: list[Verdict], matched: list[tuple[Entry, RuleMatch]]) -> None:
    """Each credited file says whether its folder named its rule or the rule was guessed."""
    how = {entry.relpath: match.matched_by for entry, match in matched}
    for verdict in verdicts:
        for evidence in verdict.files:
            evidence.matched_by = how.get(evidence.path)


def unmatched_reason(guess: Guess, year: int, lang: str) -> str:
    """Why a file that looks like evidence counts for no bukti fisik, and what to do."""
    if guess.reason == "ambiguous":
        return t("audit.unmatched.ambiguous", lang, rules=", ".join(guess.candidates))
    if guess.reason == "archive":
        return t("audit.unmatched.archive", lang, folder=guess.detail, year=year)
    if guess.reason == "other_year":
        return t("audit.unmatched.other_year", lang, other=guess.detail, year=year)
    return t("audit.unmatched.none", lang)


def _count(verdicts: list[Verdict]) -> tuple[Count, dict[str, Count]]:
    total = Count()
    teams: dict[str, Count] = {}
    for v in verdicts:
        for c in (total, teams.setdefault(v.team, Count())):
            c.due += 1
            if v.status in GAP_STATUSES:
                c.gaps += 1
            else:
                c.ok += 1
    return total, teams


