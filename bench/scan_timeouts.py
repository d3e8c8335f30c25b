"""Scans read together under the time limit: per file, wall and CPU seconds, timeouts, retries.

    python bench/scan_timeouts.py --folder DIR [--workers 2] [--timeout S] [--rounds 1]

Reads every file of DIR (not below it) twice: first each file alone (one worker, one file
at a time, no limit: what the file costs by itself), then all of them together the way a folder scan
does (``--workers`` workers, default Limits unless ``--timeout``). For the reading together
it prints each file's wall and CPU seconds (the worker and its tesseract child), whether it
timed out, was read again alone, and whether its wall time went over the limit: a
wall-clock limit, as before, would have failed those files.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _read(files: list[Path], limits, workers: int):  # noqa: ANN001, ANN202
    from auditor.inspect.sandbox import Attempt, run_pool

    attempts: list[Attempt] = []
    started = time.perf_counter()
    facts = run_pool(files, [f.name for f in files], limits=limits, year=None, workers=workers,
                     on_done=None, attempts=attempts)
    return facts, attempts, time.perf_counter() - started


def main() -> int:
    from auditor.inspect.facts import Limits

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", required=True, type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=Limits().timeout_seconds)
    parser.add_argument("--rounds", type=int, default=1, help="readings together (default 1)")
    args = parser.parse_args()
    os.environ.setdefault("ZI_LANG", "en")
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    limits = Limits(timeout_seconds=args.timeout)
    print(f"{len(files)} files, {len(os.sched_getaffinity(0))} cores usable, {args.workers} workers, "
          f"limit {args.timeout:g} s CPU, load average {os.getloadavg()[0]:.1f}")

    solo: dict[int, tuple[float, float | None]] = {}
    for i, path in enumerate(files):  # alone, with room to finish: what the file costs
        _, attempts, _ = _read([path], Limits(timeout_seconds=3600), 1)
        solo[i] = (attempts[0].wall, attempts[0].cpu)

    for n in range(args.rounds):
        facts, attempts, total = _read(files, limits, args.workers)
        by_file: dict[int, list] = {}
        for a in attempts:
            by_file.setdefault(a.index, []).append(a)
        print(f"\nround {n + 1}: together in {total:.1f} s, load average {os.getloadavg()[0]:.1f}")
        print(f"{'file':42} {'alone':>6} {'cpu':>6} | {'wall':>6} {'cpu':>6} {'wall/cpu':>8}  outcome")
        over_wall = 0
        for i, path in enumerate(files):
            first = by_file[i][0]
            cpu = f"{first.cpu:6.2f}" if first.cpu is not None else "     -"
            ratio = f"{first.wall / first.cpu:8.2f}" if first.cpu else "       -"
            outcome = " then ".join(f"{a.outcome}{' (alone)' if a.alone else ''}" for a in by_file[i])
            if first.wall > args.timeout:
                over_wall += 1
                outcome += "  [wall over limit]"
            s_wall, s_cpu = solo[i]
            s_cpu_text = f"{s_cpu:6.2f}" if s_cpu is not None else "     -"
            print(f"{path.name[:42]:42} {s_wall:6.2f} {s_cpu_text} | {first.wall:6.2f} {cpu} "
                  f"{ratio}  {outcome}")
        timeouts = sum(1 for f in facts if f.error and "timed out" in f.error)  # ZI_LANG=en
        retried = sum(1 for f in facts if f.retried)
        print(f"timed out: {timeouts}; read again alone: {retried}; "
              f"wall time over the limit (a wall-clock limit would have failed them): {over_wall}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
