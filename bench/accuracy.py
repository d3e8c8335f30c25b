"""Accuracy of the inspection layer on two labelled corpora, printed separately:

- existing: tests/inspect/inspect_corpus.py (written with the reader);
- held-out: tests/inspect/heldout_corpus.py (written independently, other offices' layouts).

Prints date accuracy, signed accuracy, signature-kind accuracy (held-out only), the count
of false "signed" (an unsigned document called signed: the worst error, it hides a gap)
and every miss.
Usage: .venv/bin/python bench/accuracy.py [--workers N] [--corpus existing|heldout|both]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "inspect"))
sys.path.insert(0, str(ROOT))


def _build(corpus: str, directory: Path) -> list[tuple[object, Path]]:
    if corpus == "heldout":
        from heldout_corpus import build as build_heldout

        return build_heldout(directory)  # type: ignore[return-value]
    from inspect_corpus import build

    return build(directory)  # type: ignore[return-value]


def measure(workers: int = 2, corpus: str = "existing") -> dict[str, object]:
    from auditor.inspect.facts import Limits
    from auditor.inspect.run import inspect_paths

    with tempfile.TemporaryDirectory() as tmp:
        built = _build(corpus, Path(tmp) / "corpus")
        results = inspect_paths([p for _, p in built], limits=Limits(), year=2022, workers=workers)
    misses = []
    date_ok = signed_ok = kind_ok = false_signed = 0
    for (item, _path), facts in zip(built, results, strict=True):
        want_kind = getattr(item, "signature", facts.signature)
        d_ok = facts.date == item.date  # type: ignore[attr-defined]
        s_ok = facts.signed == item.signed  # type: ignore[attr-defined]
        k_ok = facts.signature == want_kind
        date_ok += d_ok
        signed_ok += s_ok
        kind_ok += k_ok
        if facts.signed and item.signed is not True:  # type: ignore[attr-defined]
            false_signed += 1
        if not (d_ok and s_ok and k_ok) or facts.error:
            misses.append(f"{item.name}: date {facts.date} ({facts.date_source}) want {item.date}; "  # type: ignore[attr-defined]
                          f"signed {facts.signed} ({facts.signature}) want {item.signed} ({want_kind})"  # type: ignore[attr-defined]
                          + (f"; error {facts.error}" if facts.error else ""))
    n = len(built)
    return {"items": n, "date_accuracy": date_ok / n, "signed_accuracy": signed_ok / n,
            "kind_accuracy": kind_ok / n, "false_signed": false_signed, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", choices=("existing", "heldout", "both"), default="both")
    args = parser.parse_args()
    names = ("existing", "heldout") if args.corpus == "both" else (args.corpus,)
    for name in names:
        r = measure(args.workers, name)
        print(f"== {name} corpus")
        print(f"items            {r['items']}")
        print(f"date accuracy    {r['date_accuracy']:.1%}")
        print(f"signed accuracy  {r['signed_accuracy']:.1%}")
        print(f"signature kind   {r['kind_accuracy']:.1%}")
        print(f"false 'signed'   {r['false_signed']}")
        for miss in r["misses"]:  # type: ignore[attr-defined]
            print("  miss:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
