"""The held-out corpus (heldout_corpus.py): documents of other offices in layouts the reader
was not written against. Every document is read as labelled by hand, and no unsigned
document is ever called signed."""

from __future__ import annotations

from pathlib import Path

import pytest
from heldout_corpus import Item, build, items

from auditor.inspect.facts import FileFacts
from auditor.inspect.run import inspect_paths

NAMES = [item.name for item in items()]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Item, FileFacts]]:
    built = build(tmp_path_factory.mktemp("heldout"))
    results = inspect_paths([p for _, p in built], year=2022, workers=2)
    return {item.name: (item, facts) for (item, _), facts in zip(built, results, strict=True)}


def test_the_corpus_is_large_and_varied() -> None:
    kinds = {Path(n).suffix.lower() for n in NAMES}
    assert len(NAMES) >= 40 and len(set(NAMES)) == len(NAMES)
    assert {".docx", ".pdf", ".xlsx", ".png", ".jpg"} <= kinds


def test_no_unsigned_document_is_called_signed(read: dict[str, tuple[Item, FileFacts]]) -> None:
    assert [n for n, (item, f) in read.items() if f.signed and item.signed is not True] == []


@pytest.mark.parametrize("name", NAMES)
def test_document_is_read_as_labelled(read: dict[str, tuple[Item, FileFacts]], name: str) -> None:
    item, facts = read[name]
    assert facts.error is None
    assert (facts.date, facts.signed, facts.signature) == (item.date, item.signed, item.signature), item.why
    if item.period:
        assert facts.period == item.period
