"""The labelled corpus of other offices' documents: every date and signature right, and
never an unsigned document called signed."""

from __future__ import annotations

from pathlib import Path

from inspect_corpus import build

from auditor.inspect.run import inspect_paths


def test_corpus_is_read_exactly_as_labelled_and_nothing_unsigned_is_called_signed(tmp_path: Path) -> None:
    built = build(tmp_path / "corpus")
    results = inspect_paths([p for _, p in built], year=2022, workers=2)
    false_signed = [i.name for (i, _), f in zip(built, results, strict=True) if f.signed and i.signed is not True]
    wrong = [(i.name, f.date, f.signed) for (i, _), f in zip(built, results, strict=True)
             if (f.date, f.signed) != (i.date, i.signed)]
    assert false_signed == []
    assert wrong == []
