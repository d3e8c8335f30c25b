"""Worker processes that read documents under a time limit.

Workers are long-lived (forked from this process once the readers are imported), each fed
one document at a time over its own pipe. A worker that overruns its deadline is killed and
replaced; one that dies (a crashing native library) is replaced too. Its document gets
FileFacts(error=...), the others go on. The parent never blocks longer than the nearest
deadline, so ``inspect`` cannot hang.
"""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from auditor.documents.formats import preload_modules
from auditor.i18n import default_language, t
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.run import inspect_file, precheck

_context: Any = None
PARENT_CHECK_SECONDS = 0.5  # an idle worker looks this often whether its parent still lives


def _ctx() -> Any:
    global _context
    if _context is None:
        # fork: workers start warm (the readers are imported once, here) and the caller's
        # __main__ is not re-run, as spawn and forkserver would do for a script.
        if "fork" in mp.get_all_start_methods():
            _context = mp.get_context("fork")
            for name in preload_modules():
                try:
                    importlib.import_module(name)
                except ImportError:  # an optional library: its reader says so per document
                    pass
        else:
            _context = mp.get_context("spawn")
    return _context


def _serve(conn: Connection, parent: int) -> None:
    """Worker loop: (path, display, limits, year, lang) in, FileFacts fields out.

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
        path, display, limits, year, lang = task
        os.environ["ZI_LANG"] = lang
        facts = inspect_file(Path(path), display_path=display, limits=limits, year=year)
        conn.send(dataclasses.asdict(facts))


class _Worker:
    def __init__(self) -> None:
        ctx = _ctx()
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.task: int | None = None
        self.deadline = 0.0

    def give(self, index: int, payload: tuple[Any, ...], timeout: float) -> None:
        self.task = index
        self.deadline = time.monotonic() + timeout
        self.conn.send(payload)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
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


def run_pool(paths: list[Path], shown: list[str], *, limits: Limits, year: int | None,
             workers: int, on_done: Callable[[FileFacts], None] | None) -> list[FileFacts]:
    results: list[FileFacts | None] = [None] * len(paths)
    pending: deque[int] = deque()

    def finish(index: int, facts: FileFacts) -> None:
        results[index] = facts
        if on_done:
            on_done(facts)

    for i, path in enumerate(paths):  # missing, too large, not a file: no worker needed
        facts = precheck(path, shown[i], limits)
        if facts.error and facts.format != "image":
            finish(i, facts)
        else:
            pending.append(i)
    lang = default_language()
    pool: list[_Worker] = []
    try:
        pool = [_Worker() for _ in range(min(workers, len(pending)))]
        while pending or any(w.task is not None for w in pool):
            for w in pool:
                if w.task is None and pending:
                    i = pending.popleft()
                    w.give(i, (str(paths[i]), shown[i], limits, year, lang), limits.timeout_seconds)
            busy = [w for w in pool if w.task is not None]
            now = time.monotonic()
            wait([w.conn for w in busy], timeout=max(0.0, min(w.deadline for w in busy) - now))
            for k, w in enumerate(pool):
                if w.task is None:
                    continue
                index = w.task
                error = None
                if w.conn.poll():
                    try:
                        finish(index, FileFacts(**w.conn.recv()))
                        w.task = None
                        continue
                    except (EOFError, OSError):
                        error = t("inspect.crashed", reason=_exit_reason(w))
                elif time.monotonic() >= w.deadline:
                    error = t("inspect.timeout", seconds=f"{limits.timeout_seconds:g}")
                elif not w.proc.is_alive():
                    error = t("inspect.crashed", reason=_exit_reason(w))
                if error is None:
                    continue
                w.kill()
                facts = precheck(paths[index], shown[index], limits)
                facts.error = error
                finish(index, facts)
                pool[k] = _Worker()
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
