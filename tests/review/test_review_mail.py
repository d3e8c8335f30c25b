"""The coordinator's letter lists only the corrections made since the last letter went."""

from __future__ import annotations

from auditor.review.mail import review_paragraphs

REVIEW = {"on_word": 2, "entries": [
    {"kind": "file", "path": "I.1.4/SK.pdf", "sha256": "a" * 64, "date": "2022-04-13",
     "by": "Siti", "at": "2022-05-20T10:00:00+07:00", "why": "cap basah"},
    {"kind": "verdict", "rule": "I.1.1", "month": 5, "decision": "accepted", "by": "Budi",
     "at": "2022-06-02T09:00:00+07:00", "why": "asli di lemari"}],
    "stale": [], "contradictions": []}


def test_only_corrections_since_the_last_letter_are_listed() -> None:
    first = "\n".join(review_paragraphs(REVIEW, None, "id"))
    assert "I.1.4/SK.pdf" in first and "I.1.1 bulan Mei: diterima" in first
    later = "\n".join(review_paragraphs(REVIEW, "2022-06-01T02:00:00+07:00", "id"))
    assert "I.1.4/SK.pdf" not in later and "asli di lemari" in later
    assert "2 hasil audit bersandar pada keterangan orang" in later


def test_a_month_without_corrections_adds_nothing_to_the_letter() -> None:
    assert review_paragraphs({}, None, "id") == []
