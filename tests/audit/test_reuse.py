"""The same photo shown as dokumentasi of two events is a finding."""

from __future__ import annotations

from auditor.audit.model import Verdict
from auditor.audit.reuse import mark_photo_reuse


def _verdict(rule_id: str, month: int) -> Verdict:
    return Verdict(rule_id=rule_id, month=month, team="Tim", status="ok")


def test_a_photo_reused_for_another_month_flags_both_and_reviews_the_later() -> None:
    may, june = _verdict("I.3.1", 5), _verdict("I.3.1", 6)
    near = format(0xF0F0F0F0F0F0F0F0 ^ 0b1011, "016x")  # three bits apart
    found = mark_photo_reuse([(may, "a/05/Foto.jpg", "f0f0f0f0f0f0f0f0"),
                              (june, "a/06/Foto.jpg", near)], "id")
    assert found == 1
    assert may.status == "ok" and june.status == "needs_review"
    assert "a/06/Foto.jpg" in may.problems[0] and "bulan Juni" in may.problems[0]
    assert "I.3.1 bulan Mei" in june.problems[0]


def test_different_photos_and_copies_within_one_verdict_are_fine() -> None:
    a, b = _verdict("I.3.1", 5), _verdict("I.2.1", 5)
    found = mark_photo_reuse([(a, "x/1.jpg", "0000000000000000"), (a, "x/2.jpg", "0000000000000000"),
                              (b, "y/1.jpg", "00000000000000ff")], "id")
    assert found == 0 and a.problems == [] and b.problems == []
