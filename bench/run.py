#!/usr/bin/env python3
"""Scan figures (shared/benchmarks.md): cold files/s, warm whole-process seconds, warm
walk ÷ `find`, one-change rescan seconds, peak RSS of the largest process. One run, one
machine; ratios are measured in the same run because shared machines are noisy.

    .venv/bin/python bench/make_tree.py --files 1000
    .venv/bin/python bench/run.py --tree /tmp/zi-bench-1000 [--workers 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
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
ZI = [sys.executable, "-m", "auditor"]


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=REPO)
    return time.perf_counter() - start


def learn_changes(root: Path, state_dir: Path) -> float:
    """In-process: walk + stat + one state query, and compare, as a warm scan does."""
    from auditor.audit.state import open_state
    from auditor.scan.walk import walk

    start = time.perf_counter()
    entries = list(walk(root))
    with open_state(state_dir) as state:
        cached = state.files
        changed = [e for e in entries if (hit := cached.get(e.relpath)) is None
                   or hit.size != e.size or hit.mtime != e.mtime]
    elapsed = time.perf_counter() - start
    assert len(changed) <= len(entries)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = args.tree.resolve()
    work = Path(tempfile.mkdtemp(prefix="zi-bench-run-"))
    config = work / "config.yaml"
    config.write_text(
        f"evidence_root: {root}\nrules: [{REPO / 'rules' / 'kpu-karanganyar-2022.yaml'}]\n"
        f"year: 2022\nreports_dir: {work / 'reports'}\nstate_dir: {work / 'state'}\n"
        f"inspect: {{workers: {args.workers}}}\n", encoding="utf-8")
    scan = [*ZI, "scan", "--config", str(config), "--month", "6", "--year", "2022", "--quiet"]
    files = sum(1 for _ in subprocess.run(["find", str(root), "-type", "f"], capture_output=True,
                                          text=True, check=True).stdout.splitlines())

    cold = timed(scan)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    warm = statistics.median(timed(scan) for _ in range(args.repeat))
    walks, finds, stat_finds = [], [], []
    for _ in range(max(5, args.repeat)):
        walks.append(learn_changes(root, work / "state"))
        finds.append(timed(["find", str(root), "-type", "f"]))
        stat_finds.append(timed(["find", str(root), "-type", "f", "-printf", "%s %T@\n"]))
    walk_s, find_s = statistics.median(walks), statistics.median(finds)
    stat_find_s = statistics.median(stat_finds)
    sample = next(root.rglob("DH_rakor_*.docx"))
    changes = []
    for i in range(args.repeat):
        new = sample.with_name(f"DH_rakor_baru_{i}.docx")
        shutil.copyfile(sample, new)
        changes.append(timed(scan))
        new.unlink()
    change = statistics.median(changes)
    shutil.rmtree(work)

    import pypdf

    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
          f"pypdf {pypdf.__version__}")
    print(f"tree: {root} ({files} files incl. noise), workers {args.workers}")
    print(f"cold scan: {cold:.1f} s = {files / cold:.0f} files/s")
    print(f"warm scan, whole process: {warm:.2f} s")
    print(f"warm scan, walk+stat+state: {walk_s * 1000:.0f} ms; find: {find_s * 1000:.0f} ms; "
          f"ratio {walk_s / find_s:.2f}x; find printing size+mtime (stats like we do): "
          f"{stat_find_s * 1000:.0f} ms, ratio {walk_s / stat_find_s:.2f}x")
    print(f"one change, whole process: {change:.2f} s")
    print(f"peak RSS (largest process, cold scan): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
