"""Accuracy of the inspection layer on two labelled corpora, printed separately:

- existing: tests/inspect/inspect_corpus.py (written with the reader);
- held-out: tests/inspect/heldout_corpus.py (written independently, other offices' layouts).

Prints date accuracy, signed accuracy, signature-kind accuracy (held-out only), the count
of false "signed" (an unsigned document called signed: the worst error, it hides a gap)
and every miss.
- paper: bench/paper_corpus.py (photos of letters, scans, screenshots drawn with varied seeds);
- a folder with a labels.json (e.g. ../shared/real-documents): real offices' documents with
  a person's labels; a label listed in ``ambiguous_fields`` is not scored.

Prints, per corpus: date and signed accuracy over the unambiguous labels, false "signed",
errors and seconds per file (default settings: 2 workers, default limits).
Usage: .venv/bin/python bench/accuracy.py [--workers N] [--corpus existing|heldout|paper|both|DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "inspect"))
sys.path.insert(0, str(ROOT))


class _Label:
    """A labels.json entry, with the fields the scorer reads."""

    def __init__(self, entry: dict[str, object]) -> None:
        self.name = str(entry["file"])
        self.date, self.signed = entry.get("date"), entry.get("signed")
        self.signature = entry.get("signature")
        self.ambiguous = set(entry.get("ambiguous_fields") or [])  # type: ignore[arg-type]


def _labelled(folder: Path) -> list[tuple[object, Path]]:
    import json

    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    files = folder / "files" if (folder / "files").is_dir() else folder
    return [(_Label(e), files / str(e["file"])) for e in labels]


def _build(corpus: str, directory: Path) -> list[tuple[object, Path]]:
    if Path(corpus).is_dir():
        return _labelled(Path(corpus))
    if corpus == "paper":
        sys.path.insert(0, str(ROOT / "bench"))
        from paper_corpus import build as build_paper

        return build_paper(directory)  # type: ignore[return-value]
    if corpus == "heldout":
        from heldout_corpus import build as build_heldout

        return build_heldout(directory)  # type: ignore[return-value]
    from inspect_corpus import build

    return build(directory)  # type: ignore[return-value]


def measure(workers: int = 2, corpus: str = "existing") -> dict[str, object]:
    import time

    from auditor.inspect.facts import Limits
    from auditor.inspect.run import inspect_paths

    with tempfile.TemporaryDirectory() as tmp:
        built = _build(corpus, Path(tmp) / "corpus")
        year = None if Path(corpus).is_dir() or corpus == "paper" else 2022  # real files: any year
        started = time.monotonic()
        results = inspect_paths([p for _, p in built], limits=Limits(), year=year, workers=workers)
        seconds = time.monotonic() - started
    misses = []
    date_ok = signed_ok = kind_ok = false_signed = errors = 0
    date_n = signed_n = 0
    for (item, _path), facts in zip(built, results, strict=True):
        want_kind = getattr(item, "signature", facts.signature)
        skip = getattr(item, "ambiguous", set())
        d_ok = facts.date == item.date or "date" in skip  # type: ignore[attr-defined]
        s_ok = facts.signed == item.signed or "signed" in skip  # type: ignore[attr-defined]
        k_ok = facts.signature == want_kind or "signature" in skip
        date_n += "date" not in skip
        signed_n += "signed" not in skip
        date_ok += d_ok and "date" not in skip
        signed_ok += s_ok and "signed" not in skip
        kind_ok += k_ok
        errors += facts.error is not None
        if facts.signed and item.signed is not True:  # type: ignore[attr-defined]
            false_signed += 1
        if not (d_ok and s_ok and k_ok) or facts.error:
            misses.append(f"{item.name}: date {facts.date} ({facts.date_source}) want {item.date}; "  # type: ignore[attr-defined]
                          f"signed {facts.signed} ({facts.signature}) want {item.signed} ({want_kind})"  # type: ignore[attr-defined]
                          + (f"; error {facts.error}" if facts.error else ""))
    n = len(built)
    return {"items": n, "date_accuracy": date_ok / max(1, date_n), "date_n": date_n,
            "signed_accuracy": signed_ok / max(1, signed_n), "signed_n": signed_n,
            "kind_accuracy": kind_ok / n, "false_signed": false_signed, "errors": errors,
            "seconds_per_file": seconds / max(1, n), "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", default="both",
                        help="existing | heldout | paper | both | a folder with labels.json")
    args = parser.parse_args()
    names = ("existing", "heldout") if args.corpus == "both" else (args.corpus,)
    for name in names:
        r = measure(args.workers, name)
        print(f"== {name} corpus")
        print(f"items            {r['items']}")
        print(f"date accuracy    {r['date_accuracy']:.1%} of {r['date_n']}")
        print(f"signed accuracy  {r['signed_accuracy']:.1%} of {r['signed_n']}")
        print(f"signature kind   {r['kind_accuracy']:.1%}")
        print(f"false 'signed'   {r['false_signed']}")
        print(f"errors           {r['errors']}")
        print(f"seconds per file {r['seconds_per_file']:.2f}")
        for miss in r["misses"]:  # type: ignore[attr-defined]
            print("  miss:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
