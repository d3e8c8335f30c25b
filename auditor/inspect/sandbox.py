"""Worker processes that read documents under a time limit.

Workers are long-lived (forked from this process once the readers of the files to read are
imported, ``_preload``; never more workers than files), each fed one document at a time over
its own pipe. A worker that overruns its budget is killed with the programs it started (a
killed worker's ``tesseract`` would otherwise run on, taking a core from the next documents)
and replaced; one that dies (a crashing native library, the OOM killer) is replaced too. The
others go on.

The budget is CPU time, not wall time: ``Limits.timeout_seconds`` is the processor time one
document may use, the worker's own plus that of its descendants. pytesseract runs
``tesseract`` as a child and waits for it, so a finished run is in the worker's
cutime/cstime (/proc/<pid>/stat); a run still going is read from the child's own stat
(children are found by their parent pid: /proc/<pid>/task/*/children is not in every
kernel). Measured on 2 cores (docs/benchmarks.md, "Scans read together: time limit"): a
scan's CPU time is the same alone or read with others, give or take 15 %, while its wall
time is up to 2–3 times that as soon as more is runnable than there are cores (our other
workers, other programs), so a wall limit failed files that only waited their turn. An OCR
queue was not chosen: a scan is known only once opened (in the worker), and on 2 cores a
queue of one OCR would leave a core to text files that take milliseconds; the CPU budget
does not depend on what else runs, also when OCR reads more pages.

Not CPU-bound, and ended by a wall-clock backstop (``WALL_FACTOR`` times the budget, more
when there are more workers than cores, plus ``BACKSTOP_SLACK``): a worker waiting instead
of working (a stalled network drive; a pipe swapped in for the file is refused at once,
since the file is opened without waiting, see inspect/pin.py) and a machine so loaded that
a document gets no processor. The parent never sleeps
past the earliest moment a budget could run out (the CPU left ÷ the usable cores) or a
backstop, and looks at /proc only then, so ``inspect`` cannot hang and costs next to
nothing for documents that end early. Without /proc (not Linux) the budget is wall time.

A document that timed out or whose worker died is read once more, alone: after every other
document is done, with no other worker busy, with ``RETRY_FACTOR`` times the budget, after
its file is checked again (a file that became a pipe is reported as such, not re-opened).
Contention that CPU time does not show (shared caches, memory pressure, the OOM killer) is
gone then. Only when this reading fails too is the file reported with an error.
FileFacts.retried says it was read again; the scan counts these (gap-report.json
``inspection.retried``). Worst case for a file that hangs twice: (4 + 8) × the limit + 10 s.
"""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing as mp
import os
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from auditor.documents.formats import preload_modules
from auditor.i18n import default_language, t
from auditor.inspect.facts import CRASHED, TIMEOUT, FileFacts, Limits
from auditor.inspect.run import inspect_file, precheck

_context: Any = None
PARENT_CHECK_SECONDS = 0.5  # an idle worker looks this often whether its parent still lives
WALL_FACTOR = 4.0  # wall-clock backstop: this many times the CPU budget (at least)
RETRY_FACTOR = 2.0  # a file read again alone gets this many times the budget
BACKSTOP_SLACK = 5.0  # seconds added to every backstop: a fresh worker's start, a busy disk
MIN_CHECK_SECONDS = 0.05  # CPU time is looked at no more often than this per worker
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _ctx() -> Any:
    global _context
    if _context is None:
        # fork: workers start warm (the readers are imported once, in this process, see
        # _preload) and the caller's __main__ is not re-run, as spawn and forkserver would
        # do for a script.
        forks = "fork" in mp.get_all_start_methods()
        _context = mp.get_context("fork" if forks else "spawn")
    return _context


def _preload(paths: Sequence[Path]) -> None:
    """Import the readers of ``paths`` (and their libraries) here, before the workers are
    forked, so that each worker has them without importing them itself. Only these: a scan
    that reads one new DOCX does not pay for the PDF, table and picture readers. Workers
    forked later (replacements, a later call in `watch`) have what was imported by then;
    a reader missing in a worker is imported there, on its first document."""
    if _ctx().get_start_method() != "fork":
        return
    for name in preload_modules(paths):
        try:
            importlib.import_module(name)
        except ImportError:  # an optional library: its reader says so per document
            pass


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _wall_factor(workers: int) -> float:
    """Backstop / budget: with more workers than cores a document gets cores/workers of a
    processor, so its wall time may be workers/cores times its CPU time; twice that margin."""
    return max(WALL_FACTOR, 2.0 * workers / _cores())


# CPU time from /proc --------------------------------------------------------------------
def _stat(pid: int | str) -> tuple[int, float] | None:
    """(ppid, CPU seconds of the process and of its children it has waited for)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    fields = data[data.rindex(b")") + 2:].split()  # the name may hold spaces and ')'
    # fields[0] is field 3 (state): ppid 4, utime 14, stime 15, cutime 16, cstime 17
    return int(fields[1]), sum(int(x) for x in fields[11:15]) / _TICK


def _proc_table() -> dict[int, tuple[int, float]] | None:
    """pid -> (ppid, CPU seconds) of every process; None where there is no /proc."""
    try:
        names = os.listdir("/proc")
    except OSError:
        return None
    table: dict[int, tuple[int, float]] = {}
    for name in names:
        if name.isdigit():
            row = _stat(name)
            if row is not None:
                table[int(name)] = row
    return table


def _family(pid: int, table: dict[int, tuple[int, float]]) -> list[int]:
    """The living descendants of ``pid`` (children, their children...)."""
    children: dict[int, list[int]] = {}
    for child, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(child)
    out: list[int] = []
    stack = list(children.get(pid, ()))
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(children.get(child, ()))
    return out


def _tree_cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds used so far by each of ``pids`` with all its living descendants; a pid
    /proc cannot tell about (gone, or not Linux) is left out: the caller counts wall time.

    Each worker is read before the others: a child that ends and is waited for between the
    two reads is counted neither in its parent's cutime nor on its own. The sum may lag
    (until the next look), never run ahead, so no budget is cut short.
    """
    own = {pid: _stat(pid) for pid in pids}
    table = _proc_table() or {}
    out: dict[int, float] = {}
    for pid, row in own.items():
        if row is not None:
            out[pid] = row[1] + sum(table[c][1] for c in _family(pid, table))
    return out


def _serve(conn: Connection, parent: int) -> None:
    """Worker loop: (path, display, limits, year, lang, root, expected, workdir) in,
    FileFacts fields out.

    The worker leaves when its parent is gone. Waiting on the pipe alone is not enough: a
    forked worker holds copies of the parent's pipe ends, so a parent killed with SIGKILL
    never shows as end-of-file, and the orphan would keep the audit lock (and the state
    database) open forever, refusing every later scan.
    """
    while True:
        try:
            while not conn.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        path, display, limits, year, lang, root, expected, workdir = task
        os.environ["ZI_LANG"] = lang
        facts = inspect_file(Path(path), display_path=display, limits=limits, year=year,
                             root=root, expected=expected, workdir=workdir)
        conn.send(dataclasses.asdict(facts))


@dataclass
class Attempt:
    """One reading of one file (for bench/scan_timeouts.py): its wall and CPU seconds."""

    index: int
    alone: bool  # the retry, with no other worker busy
    outcome: str  # done | timeout (CPU budget) | backstop (wall clock) | crashed
    wall: float
    cpu: float | None  # None where /proc cannot tell


class _Worker:
    def __init__(self) -> None:
        ctx = _ctx()
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0
        self.cpu_start: float | None = None
        self.cpu_used: float | None = None
        self.budget = 0.0
        self.backstop = 0.0  # monotonic time
        self.next_check = 0.0

    def give(self, index: int, payload: tuple[Any, ...], budget: float, wall: float) -> None:
        self.task = index
        row = _stat(self.proc.pid)  # idle: no child of its own is running
        self.cpu_start = row[1] if row else None
        self.cpu_used = 0.0 if row else None
        self.budget = budget
        self.started = time.monotonic()
        self.backstop = self.started + wall
        self.next_check = self.started + self._lead()
        self.conn.send(payload)

    def _lead(self) -> float:
        """Seconds before the budget could possibly run out: it cannot use more than all
        the cores. Without /proc, the budget is wall time (the old limit)."""
        if self.cpu_used is None:
            return max(0.0, self.budget - (time.monotonic() - self.started))
        return max(MIN_CHECK_SECONDS, (self.budget - self.cpu_used) / _cores())

    def kill(self) -> None:
        if self.proc.is_alive():
            assert self.proc.pid is not None
            family = _family(self.proc.pid, _proc_table() or {})
            for pid in [self.proc.pid, *family]:  # tesseract too: it would run on
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        self.proc.join(timeout=5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=2)
        self.conn.close()


def _check_cpu(busy: list[_Worker]) -> None:
    """Bring ``cpu_used`` of the workers due for a look up to date."""
    now = time.monotonic()
    due = [w for w in busy if w.cpu_used is not None and now >= w.next_check]
    if not due:
        return
    used = _tree_cpu([w.proc.pid for w in due if w.proc.pid is not None])
    for w in due:
        if w.proc.pid not in used or w.cpu_start is None:
            w.cpu_used = None  # /proc stopped answering (the worker died): wall time
        else:
            w.cpu_used = used[w.proc.pid] - w.cpu_start
        w.next_check = now + w._lead()


def _over(w: _Worker) -> bool:
    if time.monotonic() >= w.backstop:
        return True
    if w.cpu_used is None:
        return time.monotonic() - w.started >= w.budget
    return w.cpu_used >= w.budget


def _run(pool: list[_Worker], queue: deque[int], payload: Callable[[int], tuple[Any, ...]],
         budget: float, wall: float, done: Callable[[int, FileFacts, _Worker], None],
         failed: Callable[[int, str, _Worker], None]) -> None:
    """Feed ``queue`` to ``pool`` until every document is back, timed out or crashed."""
    while queue or any(w.task is not None for w in pool):
        for w in pool:
            if w.task is None and queue:
                i = queue.popleft()
                w.give(i, payload(i), budget, wall)
        busy = [w for w in pool if w.task is not None]
        now = time.monotonic()
        wake = min(min(w.next_check, w.backstop) for w in busy)
        wait([w.conn for w in busy], timeout=max(0.0, wake - now))
        _check_cpu(busy)
        for k, w in enumerate(pool):
            if w.task is None:
                continue
            index = w.task
            kind = None
            if w.conn.poll():
                try:
                    facts = FileFacts(**w.conn.recv())
                except (EOFError, OSError):
                    kind = "crashed"
                else:
                    w.task = None
                    row = _stat(w.proc.pid) if w.cpu_start is not None else None
                    if row is not None:  # idle again: its children were all waited for
                        w.cpu_used = row[1] - w.cpu_start
                    done(index, facts, w)
                    continue
            elif _over(w):
                if w.cpu_used is not None and time.monotonic() < w.backstop:
                    w.next_check = 0.0  # over by CPU: read once more, fresh, to be sure
                    _check_cpu([w])
                    if not _over(w):
                        continue
                kind = "backstop" if time.monotonic() >= w.backstop else "timeout"
            elif not w.proc.is_alive():
                kind = "crashed"
            if kind is None:
                continue
            w.kill()
            failed(index, kind, w)
            pool[k] = _Worker()


def run_pool(paths: list[Path], shown: list[str], *, limits: Limits, year: int | None,
             workers: int, on_done: Callable[[FileFacts], None] | None,
             attempts: list[Attempt] | None = None, root: str | None = None,
             expected: Sequence[tuple[int, float]] | None = None) -> list[FileFacts]:
    """Read ``paths`` in ``workers`` processes; see the module docstring. ``attempts``, when
    given, receives one Attempt per reading (a retried file has two); ``root`` and
    ``expected`` refuse files swapped since the walk (inspect/pin.py)."""
    try:
        pins = tempfile.TemporaryDirectory(prefix="zi-read-")  # the workers' pins
    except OSError:  # no temporary folder: each worker uses the system's (or none)
        return _run_pool(paths, shown, limits=limits, year=year, workers=workers,
                         on_done=on_done, attempts=attempts, root=root, expected=expected,
                         workdir=None)
    with pins as workdir:
        return _run_pool(paths, shown, limits=limits, year=year, workers=workers,
                         on_done=on_done, attempts=attempts, root=root, expected=expected,
                         workdir=workdir)


def _run_pool(paths: list[Path], shown: list[str], *, limits: Limits, year: int | None,
              workers: int, on_done: Callable[[FileFacts], None] | None,
              attempts: list[Attempt] | None, root: str | None,
              expected: Sequence[tuple[int, float]] | None, workdir: str) -> list[FileFacts]:
    results: list[FileFacts | None] = [None] * len(paths)
    pending: deque[int] = deque()
    again: list[tuple[int, str]] = []  # (index, what went wrong the first time)
    alone = False

    def finish(index: int, facts: FileFacts) -> None:
        results[index] = facts
        if on_done:
            on_done(facts)

    def record(index: int, outcome: str, w: _Worker) -> None:
        if attempts is not None:
            attempts.append(Attempt(index, alone, outcome, time.monotonic() - w.started,
                                    w.cpu_used))

    def done(index: int, facts: FileFacts, w: _Worker) -> None:
        record(index, "done", w)
        facts.retried = alone
        finish(index, facts)

    def failed(index: int, kind: str, w: _Worker) -> None:
        record(index, kind, w)
        if not alone:
            again.append((index, kind))
            return
        facts = precheck(paths[index], shown[index], limits)
        facts.retried = True
        if kind in ("timeout", "backstop"):
            facts.error = t("inspect.timeout_alone", seconds=f"{limits.timeout_seconds:g}",
                            retry_seconds=f"{limits.timeout_seconds * RETRY_FACTOR:g}")
            facts.error_kind = TIMEOUT  # not cached: the next run (or a higher limit) tries again
        else:
            facts.error, facts.error_kind = t("inspect.crashed", reason=_exit_reason(w)), CRASHED
        finish(index, facts)

    for i, path in enumerate(paths):  # missing, too large, not a file: no worker needed
        facts = precheck(path, shown[i], limits)
        if facts.error and facts.format != "image":
            finish(i, facts)
        else:
            pending.append(i)
    lang = default_language()

    def payload(i: int) -> tuple[Any, ...]:
        return (str(paths[i]), shown[i], limits, year, lang, root,
                expected[i] if expected is not None else None, workdir)

    pool: list[_Worker] = []
    _preload([paths[i] for i in pending])
    try:
        count = min(workers, len(pending))
        pool = [_Worker() for _ in range(count)]
        _run(pool, pending, payload, limits.timeout_seconds,
             limits.timeout_seconds * _wall_factor(count) + BACKSTOP_SLACK, done, failed)
        if again:
            alone = True
            for w in pool[1:]:  # one worker reads the files again, one by one
                w.stop()
            pool = pool[:1]
            retry: deque[int] = deque()
            for index, _ in again:
                facts = precheck(paths[index], shown[index], limits)
                if facts.error and facts.format != "image":  # gone or changed to a pipe
                    facts.retried = True
                    finish(index, facts)
                else:
                    retry.append(index)
            budget = limits.timeout_seconds * RETRY_FACTOR
            # The same backstop factor alone: other programs may still load the machine.
            _run(pool, retry, payload, budget, budget * WALL_FACTOR + BACKSTOP_SLACK, done, failed)
    finally:
        for w in pool:
            if w.task is None:
                w.stop()
            else:
                w.kill()
    return [r for r in results if r is not None]


def _exit_reason(w: _Worker) -> str:
    w.proc.join(timeout=1)
    code = w.proc.exitcode
    return f"kode keluar {code}" if code is not None else "pipa terputus"
