#!/usr/bin/env python3
"""Warm scan and one new file, whole process, two (or more) checkouts run interleaved.

The "one change" and "warm scan" figures of shared/benchmarks.md for code before and after a
change, measured in the same minutes on the same generated tree, so that a shared machine's
load hits every checkout alike. Each checkout gets its own state and reports (one cold scan
first, not timed); then, ``--repeat`` times and in turn for each checkout: a warm scan, one new
DOCX in a rule folder and a scan, the file removed and a scan to forget it. Printed: median wall
seconds and median CPU seconds (user + system of the scan and its inspection workers, which
other programs disturb less than wall time), and each checkout's ratio to the first.

    git archive BASE | tar -x -C /tmp/zi-before        # the code before, outside the repo
    .venv/bin/python bench/compare_scan.py /tmp/zi-before . --repeat 5
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def timed(checkout: Path, scan: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``zi-auditor scan`` of ``checkout``'s code."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "auditor", *scan], cwd=checkout, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{checkout}: scan exited {run.returncode}\n{run.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    from bench.run import ensure_tree, write_config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", type=Path, nargs="+",
                        help="folders holding the auditor package; the first is the baseline")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--trees", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = ensure_tree(args.trees, args.size)
    sample = next(root.rglob("DH_rakor_*.docx"))
    work = Path(tempfile.mkdtemp(prefix="zi-bench-compare-"))
    checkouts = [c.resolve() for c in args.checkouts]
    scans = {}
    try:
        for n, checkout in enumerate(checkouts):
            folder = work / str(n)
            folder.mkdir()
            config = write_config(folder, root, args.workers, 0.5)
            scans[checkout] = ["scan", "--config", str(config), "--month", "6", "--year",
                               "2022", "--quiet"]
            timed(checkout, scans[checkout])  # cold: reads every file
            timed(checkout, scans[checkout])  # may still write the month's report set
        warm: dict[Path, list[tuple[float, float]]] = {c: [] for c in checkouts}
        change: dict[Path, list[tuple[float, float]]] = {c: [] for c in checkouts}
        for i in range(args.repeat):
            for checkout in checkouts:
                warm[checkout].append(timed(checkout, scans[checkout]))
                new = sample.with_name(f"DH_rakor_baru_{i}.docx")
                shutil.copyfile(sample, new)
                try:
                    change[checkout].append(timed(checkout, scans[checkout]))
                finally:
                    new.unlink()
                timed(checkout, scans[checkout])  # forget the copy again
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    files = sum(1 for p in root.rglob("*") if p.is_file())
    print(f"tree {root} ({files} files), {args.repeat} runs each, interleaved; "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print("| checkout | warm wall | warm CPU | one new file wall | one new file CPU |")
    print("|---|---|---|---|---|")
    base_warm, base_change = medians(warm[checkouts[0]]), medians(change[checkouts[0]])
    for checkout in checkouts:
        (ww, wc), (cw, cc) = medians(warm[checkout]), medians(change[checkout])
        print(f"| {checkout} | {ww:.2f} s ({ww / base_warm[0]:.2f}×) | {wc:.2f} s "
              f"({wc / base_warm[1]:.2f}×) | {cw:.2f} s ({cw / base_change[0]:.2f}×) | "
              f"{cc:.2f} s ({cc / base_change[1]:.2f}×) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
