"""Accuracy of the inspection layer on the labelled corpus (tests/inspect/inspect_corpus.py).

Prints date accuracy, signed accuracy, the count of false "signed" (an unsigned document
called signed: the worst error, it hides a gap) and every miss.
Usage: .venv/bin/python bench/accuracy.py [--workers N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "inspect"))
sys.path.insert(0, str(ROOT))


def measure(workers: int = 2) -> dict[str, object]:
    from inspect_corpus import build

    from auditor.inspect.facts import Limits
    from auditor.inspect.run import inspect_paths

    with tempfile.TemporaryDirectory() as tmp:
        built = build(Path(tmp) / "corpus")
        results = inspect_paths([p for _, p in built], limits=Limits(), year=2022, workers=workers)
    misses = []
    date_ok = signed_ok = false_signed = 0
    for (item, _path), facts in zip(built, results, strict=True):
        d_ok = facts.date == item.date
        s_ok = facts.signed == item.signed
        date_ok += d_ok
        signed_ok += s_ok
        if facts.signed and item.signed is not True:
            false_signed += 1
        if not (d_ok and s_ok) or facts.error:
            misses.append(f"{item.name}: date {facts.date} ({facts.date_source}) want {item.date}; "
                          f"signed {facts.signed} ({facts.signature}) want {item.signed}"
                          + (f"; error {facts.error}" if facts.error else ""))
    n = len(built)
    return {"items": n, "date_accuracy": date_ok / n, "signed_accuracy": signed_ok / n,
            "false_signed": false_signed, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    r = measure(args.workers)
    print(f"items            {r['items']}")
    print(f"date accuracy    {r['date_accuracy']:.1%}")
    print(f"signed accuracy  {r['signed_accuracy']:.1%}")
    print(f"false 'signed'   {r['false_signed']}")
    for miss in r["misses"]:  # type: ignore[attr-defined]
        print("  miss:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
