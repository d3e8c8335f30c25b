"""Province roll-up at national scale (issue #20): 552 offices (514 kabupaten/kota + 38
provinces) x 12 months of published gap reports, 96-200 verdicts each, varied progress.

Prints, in one run: the full load into a new rollup.duckdb, an incremental load after one
office adds one month, the time to write the province page and workbook, and each step's
peak RSS. Every step runs in a fresh process (``zi-auditor rollup`` as an office would run
it), so its RSS is its own.

    PYTHONPATH=. .venv/bin/python bench/rollup_scale.py [--offices 552] [--months 12]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from rollup_kit import office_report, office_slug, report_json  # noqa: E402

YEAR = 2026

_STEP = r"""
import json, resource, sys, time
from datetime import date
from pathlib import Path
step, drop, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
db = out / "rollup.duckdb"
started = time.perf_counter()
if step == "load":
    from auditor.rollup.load import load
    result = load([drop], db)
    extra = {"loaded": len(result.loaded), "unchanged": result.unchanged,
             "skipped": len(result.skipped)}
else:
    from auditor.report.atomic import atomic_write
    from auditor.rollup.page import province_view, render_page
    from auditor.rollup.xlsx import render_xlsx
    view = province_view(db, "id", date(2026, 12, 31), 45, [])
    atomic_write(out / "rollup.html", render_page(view))
    atomic_write(out / "rollup.xlsx", render_xlsx(view))
    extra = {"offices": len(view.offices), "html_mb": (out / "rollup.html").stat().st_size / 1e6}
cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF,
          resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime"))
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": cpu,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra}))
"""


def write_report(drop: Path, index: int, month: int) -> int:
    rng = random.Random(f"{index}/{month}")
    size = rng.randint(96, 200)
    slug = office_slug(index)
    path = drop / slug / f"{YEAR}-{month:02d}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    diligence = 0.35 + 0.6 * random.Random(index).random()
    path.write_text(report_json(office_report(slug, YEAR, month, diligence, size=size)),
                    encoding="utf-8")
    return path.stat().st_size


def step(name: str, drop: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _STEP, name, str(drop), str(out)],
                          capture_output=True, text=True, env={**os.environ,
                                                               "PYTHONPATH": str(ROOT)})
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offices", type=int, default=552)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zi-rollup-bench-") as tmp:
        drop, out = Path(tmp) / "drop", Path(tmp) / "out"
        out.mkdir()
        started = time.perf_counter()
        total = sum(write_report(drop, i, m) for i in range(args.offices)
                    for m in range(1, args.months))  # the last month comes later, for one
        print(f"generated {args.offices * (args.months - 1)} reports, {total / 1e6:.0f} MB, "
              f"in {time.perf_counter() - started:.0f} s")
        for i in range(args.offices):  # every office's last month but one office's
            if i:
                write_report(drop, i, args.months)
        full = step("load", drop, out)
        print(f"load average before the steps: {os.getloadavg()[0]:.1f} (other jobs on the machine)")
        print(f"full load:        {full['seconds']:6.2f} s  CPU {full['cpu']:6.2f} s  "
              f"peak RSS {full['rss_mb']:5.0f} MB"
              f"  ({full['loaded']} reports)")
        write_report(drop, 0, args.months)  # office 0 publishes its last month
        inc = step("load", drop, out)
        print(f"incremental load: {inc['seconds']:6.2f} s  CPU {inc['cpu']:6.2f} s  "
              f"peak RSS {inc['rss_mb']:5.0f} MB"
              f"  ({inc['loaded']} read, {inc['unchanged']} unchanged)")
        page = step("page", drop, out)
        print(f"page + workbook:  {page['seconds']:6.2f} s  CPU {page['cpu']:6.2f} s  "
              f"peak RSS {page['rss_mb']:5.0f} MB"
              f"  ({page['offices']} offices, rollup.html {page['html_mb']:.1f} MB)")
        print(f"load average after: {os.getloadavg()[0]:.1f}; rollup.duckdb: {(out / 'rollup.duckdb').stat().st_size / 1e6:.0f} MB; "
              f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"duckdb {__import__('duckdb').__version__}; this process's peak RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
