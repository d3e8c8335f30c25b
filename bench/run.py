#!/usr/bin/env python3
"""All speed figures of shared/benchmarks.md in one run, on generated ZI-shaped trees.

For each size (default 1 000 and 10 000 files; ``--flat-sizes`` adds trees with every file in
one folder) it generates the tree with
``bench/make_tree.py`` (fixed seed, outside the repository; kept between runs under
``--trees``), then measures: cold scan files/s, warm scan whole-process seconds, warm walk
(walk + stat + state look-up) ÷ ``find ROOT -type f`` (also with every file compared
with its cached row), one-change rescan seconds, watch
latency (one new file until the report on disk shows it), peak RSS of the largest process,
and the per-file inspection cost ÷ bare pypdf / python-docx extraction of the same files of
the tree. Ratios are taken within the same run: the machines are shared and noisy.

    .venv/bin/python bench/run.py                       # 1 000 and 10 000 files
    .venv/bin/python bench/run.py --sizes 1000 --repeat 3
    .venv/bin/python bench/run.py --tree /some/existing/tree
    .venv/bin/python bench/run.py --sizes 10000 50000 --flat-sizes 100000 --scan-only  # scale
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
ZI = [sys.executable, "-m", "auditor"]
RULES = REPO / "rules" / "kpu-karanganyar-2022.yaml"


@dataclass
class Figures:
    tree: Path
    files: int
    cold_s: float = 0.0
    warm_s: float = 0.0
    walk_ms: float = 0.0
    walk_rows_ms: float = 0.0
    find_ms: float = 0.0
    stat_find_ms: float = 0.0
    change_s: float = 0.0
    watch_s: float | None = None
    watch_debounce: float = 0.5
    peak_mb: float = 0.0
    inspect: dict[str, tuple[float, float, int]] = field(default_factory=dict)
    scan_only: bool = False


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=REPO)
    return time.perf_counter() - start


LEARN = """
import json, statistics, sys, time
from pathlib import Path
import auditor.pipeline  # what a scan has imported when it walks
from auditor.audit.state import open_state
from auditor.scan.walk import walk_tree

root, state_dir, listings, runs = sys.argv[1:5]
times = []
for _ in range(int(runs)):
    start = time.perf_counter()
    walked = walk_tree(Path(root))
    if listings == "0":
        walked.listings, walked.listed = {}, False
    with open_state(Path(state_dir)) as state:
        changed = state.changed(walked.entries, walked)
    times.append(time.perf_counter() - start)
    assert len(changed) <= len(walked.entries)
print(json.dumps(times))
"""


def learn_changes(root: Path, state_dir: Path, *, listings: bool = True,
                  runs: int = 9) -> list[float]:
    """What a warm scan does to learn what changed (walk + stat + state look-up,
    ``State.changed``), timed inside a fresh process that has imported what a scan has:
    seconds of each of ``runs`` runs. ``listings=False`` compares every file with its
    cached row, as a scan does for folders whose listing changed."""
    out = subprocess.run([sys.executable, "-c", LEARN, str(root), str(state_dir),
                          "1" if listings else "0", str(runs)],
                         capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout)


def ensure_tree(trees: Path, size: int, *, flat: bool = False) -> Path:
    """The generated tree of ``size`` files, made once and reused (fixed seed); ``flat``:
    every file in one folder."""
    from bench.make_tree import build

    name = f"zi-bench-{'flat-' if flat else ''}{size}"
    out = trees / name
    marker = trees / f"{name}.complete"  # beside the tree: `find` must not count it
    if not marker.exists():
        print(f"generating {out} ({size} files)…", file=sys.stderr)
        build(out, size, flat=flat)
        marker.write_text("ok\n")
    return out


def write_config(work: Path, root: Path, workers: int, debounce: float) -> Path:
    config = work / "config.yaml"
    config.write_text(
        f"evidence_root: {root}\nrules: [{RULES}]\nyear: 2022\n"
        f"reports_dir: {work / 'reports'}\nstate_dir: {work / 'state'}\n"
        f"inspect: {{workers: {workers}}}\n"
        f"watch: {{polling: false, debounce_seconds: {debounce}}}\n", encoding="utf-8")
    return config


def watch_latency(config: Path, work: Path, sample: Path, debounce: float) -> float | None:
    """Seconds from one new file to a report on disk that lists it, with `watch` running."""
    proc = subprocess.Popen([*ZI, "watch", "--config", str(config), "--native", "--no-log-file"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        time.sleep(3.0)  # the observer is up and any start-up audit is done
        new = sample.with_name(f"DH_watch_{os.getpid()}.docx")
        start = time.perf_counter()
        shutil.copyfile(sample, new)
        try:
            while time.perf_counter() - start < 60:
                for report in (work / "reports").glob("*/gap-report.json"):
                    try:
                        if new.name in report.read_text(encoding="utf-8"):
                            return time.perf_counter() - start
                    except OSError:
                        pass
                time.sleep(0.05)
            return None
        finally:
            new.unlink()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def inspect_cost(root: Path, per_kind: int, seed: int = 7) -> dict[str, tuple[float, float, int]]:
    """Per-file ``inspect_file`` time ÷ bare extraction of the same files of the tree."""
    from pypdf import PdfReader

    from auditor.inspect.run import inspect_file

    def bare_pdf(path: Path) -> None:
        for page in PdfReader(path).pages:
            page.extract_text()

    def bare_docx(path: Path) -> None:
        import docx

        d = docx.Document(str(path))
        _ = [p.text for p in d.paragraphs]
        _ = [c.text for t in d.tables for r in t.rows for c in r.cells]

    rng = random.Random(seed)
    out: dict[str, tuple[float, float, int]] = {}
    for kind, suffix, bare in (("pdf", ".pdf", bare_pdf), ("docx", ".docx", bare_docx)):
        files = sorted(p for p in root.rglob(f"*{suffix}") if not p.name.startswith(("~$", ".")))
        files = [p for p in files if not p.name.startswith("scan")]  # OCR is its own figure
        files = rng.sample(files, min(per_kind, len(files)))
        if not files:
            continue
        inspect_file(files[0], year=2022)
        bare(files[0])  # warm the imports of both sides
        ins, raw = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            for f in files:
                inspect_file(f, year=2022)
            ins.append((time.perf_counter() - t0) / len(files))
            t0 = time.perf_counter()
            for f in files:
                bare(f)
            raw.append((time.perf_counter() - t0) / len(files))
        out[kind] = (statistics.median(ins), statistics.median(raw), len(files))
    return out


def measure(root: Path, workers: int, repeat: int, per_kind: int, debounce: float,
            scan_only: bool = False) -> Figures:
    work = Path(tempfile.mkdtemp(prefix="zi-bench-run-"))
    config = write_config(work, root, workers, debounce)
    scan = [*ZI, "scan", "--config", str(config), "--month", "6", "--year", "2022", "--quiet"]
    listing = subprocess.run(["find", str(root), "-type", "f"], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    fig = Figures(tree=root, files=len(listing), watch_debounce=debounce, scan_only=scan_only)
    try:
        fig.cold_s = timed(scan)
        fig.peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        timed(scan)  # the first warm run may still write the report set of the month
        fig.warm_s = statistics.median(timed(scan) for _ in range(repeat))
        if scan_only:
            fig.change_s = one_change(root, scan, repeat)
            return fig
        walks, rows, finds, stat_finds = [], [], [], []
        for _ in range(3):  # interleaved, so that a noisy moment hits every variant
            walks += learn_changes(root, work / "state")
            rows += learn_changes(root, work / "state", listings=False)
            for _ in range(9):
                finds.append(timed(["find", str(root), "-type", "f"]))
                stat_finds.append(timed(["find", str(root), "-type", "f", "-printf", "%s %T@\n"]))
        fig.walk_ms = statistics.median(walks) * 1000
        fig.walk_rows_ms = statistics.median(rows) * 1000
        fig.find_ms = statistics.median(finds) * 1000
        fig.stat_find_ms = statistics.median(stat_finds) * 1000
        sample = next(root.rglob("DH_rakor_*.docx"))
        fig.change_s = one_change(root, scan, repeat)
        fig.watch_s = watch_latency(config, work, sample, debounce)
        fig.inspect = inspect_cost(root, per_kind)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return fig


def one_change(root: Path, scan: list[str], repeat: int) -> float:
    """Median seconds of `scan` after one new DOCX in a rule folder (removed and scanned
    away again between runs)."""
    sample = next(root.rglob("DH_rakor_*.docx"))
    changes = []
    for i in range(repeat):
        new = sample.with_name(f"DH_rakor_baru_{i}.docx")
        shutil.copyfile(sample, new)
        try:
            changes.append(timed(scan))
        finally:
            new.unlink()
        timed(scan)  # forget the copy again
    return statistics.median(changes)


def machine() -> str:
    from importlib.metadata import version

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    libs = ", ".join(f"{name} {version(name)}" for name in ("pypdf", "pypdfium2", "python-docx",
                                                          "openpyxl", "XlsxWriter", "Jinja2"))
    return (f"{os.cpu_count()} cores, {mem:.0f} GiB, {platform.platform()}, "
            f"Python {platform.python_version()}, {libs}")


def report(figs: list[Figures]) -> str:
    def cell(fn, walked: bool = False) -> str:  # noqa: ANN001
        return " | ".join("–" if walked and f.scan_only else fn(f) for f in figs)

    heads = " | ".join(f"{f.files} files" for f in figs)
    rows = [
        ("cold scan (≥ 40 files/s)", cell(lambda f: f"{f.files / f.cold_s:.0f} files/s ({f.cold_s:.1f} s)")),
        ("warm scan, whole process (≤ 1.0 s @ 10 k)", cell(lambda f: f"{f.warm_s:.2f} s")),
        ("warm walk+stat+state ÷ find (≤ 3×)",
         cell(lambda f: f"{f.walk_ms:.0f} ms ÷ {f.find_ms:.0f} ms = {f.walk_ms / f.find_ms:.1f}×", walked=True)),
        ("  same ÷ find -printf size+mtime",
         cell(lambda f: f"{f.walk_ms / f.stat_find_ms:.1f}×", walked=True)),
        ("  every file compared with its row ÷ find",
         cell(lambda f: f"{f.walk_rows_ms:.0f} ms = {f.walk_rows_ms / f.find_ms:.1f}×", walked=True)),
        ("one new file, whole process (≤ 1.0 s @ 10 k)", cell(lambda f: f"{f.change_s:.2f} s")),
        ("watch: new file → report (< 2 s + debounce)",
         cell(lambda f: "not seen in 60 s" if f.watch_s is None
              else f"{f.watch_s:.2f} s (debounce {f.watch_debounce:g} s)", walked=True)),
        ("peak RSS, cold scan (< 300 MB)", cell(lambda f: f"{f.peak_mb:.0f} MB")),
    ]
    for kind, label in (("pdf", "inspect ÷ bare pypdf (≤ 1.5×)"),
                        ("docx", "inspect ÷ bare python-docx (≤ 1.5×)")):
        rows.append((label, cell(lambda f, k=kind: "–" if k not in f.inspect else
                                 f"{f.inspect[k][0] * 1000:.1f} ÷ {f.inspect[k][1] * 1000:.1f} ms = "
                                 f"{f.inspect[k][0] / f.inspect[k][1]:.2f}× (n={f.inspect[k][2]})")))
    lines = [f"machine: {machine()}", f"date: {time.strftime('%Y-%m-%d')}", "",
             f"| figure | {heads} |", "|---" * (len(figs) + 1) + "|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--flat-sizes", type=int, nargs="*", default=[],
                        help="also trees of this many files all in one folder")
    parser.add_argument("--scan-only", action="store_true",
                        help="cold, warm, one new file and RSS only (the scale figures)")
    parser.add_argument("--tree", type=Path, help="measure this existing tree instead")
    parser.add_argument("--trees", type=Path, default=Path(tempfile.gettempdir()),
                        help="where generated trees are kept (outside the repository)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-kind", type=int, default=60,
                        help="PDF and DOCX files of the tree for the inspect-cost ratio")
    parser.add_argument("--debounce", type=float, default=0.5)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if args.trees.resolve().is_relative_to(REPO):
        parser.error("trees go outside the repository")
    roots = [args.tree.resolve()] if args.tree else (
        [ensure_tree(args.trees, n) for n in args.sizes]
        + [ensure_tree(args.trees, n, flat=True) for n in args.flat_sizes])
    figs = [measure(r, args.workers, args.repeat, args.per_kind, args.debounce, args.scan_only)
            for r in roots]
    print(report(figs))
    if args.json:
        args.json.write_text(json.dumps([{**f.__dict__, "tree": str(f.tree)} for f in figs],
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
