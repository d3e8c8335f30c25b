#!/usr/bin/env python3
"""Where a warm scan's time goes: one `scan` in this process under cProfile, on a tree whose
state is already warm (run `zi-auditor scan` on it once first), then the functions with the
most cumulative time and the report writing on its own.

Run it at two sizes and compare: a stage whose share grows faster than the file count is
the one to fix ("what grows faster than the file count", shared/benchmarks.md).

    .venv/bin/python bench/warm_profile.py --config /tmp/zi-bench-run/config.yaml
    .venv/bin/python bench/warm_profile.py --config ... --rewrite   # force the report writing
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--month", type=int, default=6)
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--rewrite", action="store_true",
                        help="render and write every format even if nothing changed")
    args = parser.parse_args()

    from auditor.config import load_config
    from auditor.pipeline import ScanOptions, run_scan
    from auditor.report import write

    config = load_config(args.config)
    if args.rewrite:
        write.current_content = lambda folder: None  # as before reports were compared
    options = ScanOptions(month=args.month, year=args.year, quiet=True)
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    outcome = run_scan(config, options)
    profile.disable()
    total = time.perf_counter() - start
    print(f"files {outcome.files_seen}, read again {outcome.files_inspected}, "
          f"run_scan {total:.2f} s (under the profiler)")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())
    if outcome.report is not None:
        for fmt in write.default_formats():
            t0 = time.perf_counter()
            data = fmt.render(outcome.report, config.language)
            print(f"render {fmt.filename}: {time.perf_counter() - t0:.3f} s, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
