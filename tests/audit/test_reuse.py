"""The same photo shown as dokumentasi of two events is a finding."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw

from auditor.audit.model import Verdict
from auditor.audit.reuse import mark_photo_reuse
from auditor.i18n import t
from auditor.inspect.run import inspect_file


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


def test_thousands_of_copies_of_one_photo_give_a_few_sentences_per_verdict() -> None:
    """One photo copied 1500 times into May's folder, once into June's and 40 times into
    another rule's: each verdict names a few other uses and counts the rest."""
    may, june, other = _verdict("I.3.1", 5), _verdict("I.3.1", 6), _verdict("I.2.1", 7)
    same = "f0f0f0f0f0f0f0f0"
    photos = [(may, f"a/05/Foto {n:04d}.jpg", same) for n in range(1500)]
    photos += [(june, "a/06/Foto.jpg", same)]
    photos += [(other, f"b/07/Foto {n:02d}.jpg", same) for n in range(40)]
    assert mark_photo_reuse(photos, "id") == 1500 * 1 + 1500 * 40 + 1 * 40
    assert len(june.problems) == 4 and len(may.problems) == 4 and len(other.problems) == 4
    assert june.problems[-1] == t("audit.photo_reuse_more", count=1500 + 40 - 3)
    assert may.problems[-1] == t("audit.photo_reuse_more", count=1 + 40 - 3)
    assert (may.status, june.status, other.status) == ("ok", "needs_review", "needs_review")


def test_blank_pictures_are_never_the_same_photo(tmp_path: Path) -> None:
    a, b = _verdict("I.3.1", 5), _verdict("I.2.1", 6)
    found = mark_photo_reuse([(a, "x/hitam.jpg", "0000000000000000"),
                              (b, "y/putih.jpg", "8000000000000000"),
                              (b, "y/abu.jpg", "0000000000000001")], "id")
    assert found == 0 and a.problems == [] and b.problems == []
    rng = random.Random(7)
    grey = Image.new("L", (640, 480), 128)  # a grey wall with a little sensor noise
    grey.putdata([128 + rng.randint(-3, 3) for _ in range(640 * 480)])
    grey.convert("RGB").save(tmp_path / "Foto dinding.jpg", quality=90)
    scene = Image.new("RGB", (640, 480), (30, 90, 160))  # a room: light and dark parts
    ImageDraw.Draw(scene).rectangle((100, 120, 420, 400), fill=(230, 220, 200))
    scene.save(tmp_path / "Foto rapat.jpg", quality=90)
    assert inspect_file(tmp_path / "Foto dinding.jpg").phash is None
    assert inspect_file(tmp_path / "Foto rapat.jpg").phash is not None
