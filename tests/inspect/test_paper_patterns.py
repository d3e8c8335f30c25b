"""What a person reads on the paper real offices keep (issue #12), written test-first.

Phone photos of letters (grey paper, turned a few degrees, on a table), a decree scanned to
an image-only PDF with its date on page 12, a meeting photo, screenshots, a DOCX whose only
date is in its properties. Every file is drawn by paper_kit in tmp_path; OCR runs for real.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import paper_kit as kit
import pytest

from auditor.inspect.facts import FileFacts
from auditor.inspect.run import inspect_file

pytestmark = pytest.mark.slow  # Tesseract OCR


def _letter_photo(path: Path, *, seed: int = 0, angle: float = 3.5, grey: int = 160, hand: bool = False,
                  lines: list[str] | None = None, **page: object) -> Path:
    return kit.write(path, kit.phone_photo(kit.letter_page(lines, seed=seed, **page), angle=angle, paper_grey=grey,
                                           hand=hand, seed=seed))


def _ocr_noted(facts: FileFacts) -> bool:
    return any("OCR" in note for note in facts.notes)


@pytest.fixture(scope="module")
def signed_letter(tmp_path_factory: pytest.TempPathFactory) -> FileFacts:
    """One grey, turned phone photo of a signed, stamped invitation, read once for several tests."""
    path = _letter_photo(tmp_path_factory.mktemp("letter") / "undangan_rapat_bappeda.jpg", seed=1)
    return inspect_file(path, year=2019)


# --------------------------------------------------------------------------- the kit itself


def test_the_kit_photo_is_legible_to_plain_tesseract(tmp_path: Path) -> None:
    """Guard on the generator: a person's phone photo is legible, so Tesseract reads its date line."""
    import pytesseract
    from PIL import Image

    path = _letter_photo(tmp_path / "surat.jpg", seed=1)
    text = pytesseract.image_to_string(Image.open(path), lang="ind")
    assert "24 September 2019" in text
    assert "BUDI SANTOSO" in text


# --------------------------------------------------------------------------- phone photos of letters


def test_a_grey_turned_photo_of_a_signed_stamped_letter_is_dated_by_its_signature_block(
        signed_letter: FileFacts) -> None:
    assert signed_letter.error is None
    assert signed_letter.date == "2019-09-24"  # not the cited 3 September, not the meeting on the 27th
    assert signed_letter.date_source == "signature_block"


def test_the_ink_between_office_line_and_name_of_a_photographed_letter_is_a_signature(
        signed_letter: FileFacts) -> None:
    assert (signed_letter.signed, signed_letter.signature) == (True, "image")


def test_the_photographed_letter_says_which_text_its_date_was_read_from(signed_letter: FileFacts) -> None:
    evidence = signed_letter.date_evidence
    assert evidence is not None and "24 September 2019" in evidence
    assert len(evidence) <= 120


def test_the_same_letter_photographed_unsigned_is_never_called_signed(tmp_path: Path) -> None:
    f = inspect_file(_letter_photo(tmp_path / "undangan_draf.jpg", seed=1, signed=False, stamp=False), year=2019)
    assert f.date == "2019-09-24"
    assert f.signed is not True  # an empty space above the name: unsigned, or cannot be told


def test_a_photo_held_in_a_hand_turned_the_other_way_is_still_dated(tmp_path: Path) -> None:
    f = inspect_file(_letter_photo(tmp_path / "surat_masuk.jpg", seed=4, angle=-5.0, grey=145, hand=True,
                                   stamp_colour=kit.STAMP_BLUE, ink=kit.INK_BLACK), year=2019)
    assert (f.date, f.signed, f.signature) == ("2019-09-24", True, "image")


def test_a_photo_cut_below_the_office_line_is_dated_but_its_signature_cannot_be_told(tmp_path: Path) -> None:
    f = inspect_file(_letter_photo(tmp_path / "undangan_potong.jpg", seed=3, crop="office"), year=2019)
    assert f.date == "2019-09-24"
    assert f.signed is None


def test_a_photo_with_the_whole_signature_block_cut_off_cannot_be_told_signed(tmp_path: Path) -> None:
    f = inspect_file(_letter_photo(tmp_path / "undangan_atas.jpg", seed=3, crop="block"), year=2019)
    assert f.signed is None
    assert f.date != "2019-09-03"  # the cited letter's date is never the document's


def test_a_scribbled_hand_written_day_leaves_the_letter_undated(tmp_path: Path) -> None:
    """"Jombang, <scribble> September 2019": month and year alone are not a date."""
    path = _letter_photo(tmp_path / "usulan_tim.jpg", seed=2, handwritten_day=True, lines=kit.notice_body(),
                         subject="Usulan Anggota Tim")
    f = inspect_file(path, year=2019)
    assert f.date is None  # not 2019-09-01, not the cited letter's 3 September
    assert f.signed is True  # the block itself is intact


def test_an_invitation_with_a_scribbled_day_never_takes_a_month_alone_or_the_cited_date(tmp_path: Path) -> None:
    """The letter's own day is lost; its typed meeting day may stand in, nothing else may."""
    f = inspect_file(_letter_photo(tmp_path / "undangan_tulis.jpg", seed=2, handwritten_day=True), year=2019)
    assert f.date in (None, "2019-09-27")
    assert f.signed is True


def test_a_legible_hand_written_day_is_read_right_or_not_at_all(tmp_path: Path) -> None:
    """Tesseract reads a hand-written "24" as "14" or "1/4": a wrong day is worse than none."""
    f = inspect_file(_letter_photo(tmp_path / "undangan_24.jpg", seed=2, handwritten_day="legible"), year=2019)
    assert f.date in (None, "2019-09-24")


@pytest.mark.parametrize(("seed", "day"), [(1, "24"), (4, "13"), (6, "28"), (3, "7")])
def test_hand_written_days_of_any_hand_are_never_read_as_another_day(tmp_path: Path, seed: int, day: str) -> None:
    """A written "24" read as "2", "13" as "18": OCR's one-digit reading of a two-digit hand is
    read again as digits, and the day is dropped when the two readings do not agree."""
    f = inspect_file(_letter_photo(tmp_path / f"undangan_{day}.jpg", seed=seed, handwritten_day="legible",
                                   date_text=f"{day} September 2019"), year=2019)
    assert f.date in (None, f"2019-09-{int(day):02d}", "2019-09-27")  # own day, or the meeting day


def test_a_letter_dated_at_the_top_right_beside_kepada_has_that_date_not_the_meeting_day(tmp_path: Path) -> None:
    f = inspect_file(_letter_photo(tmp_path / "undangan_masuk.jpg", seed=6, date_at_top=True), year=2019)
    assert f.date == "2019-09-24"
    assert f.signed is True


def test_a_date_ocr_reads_as_roman_i_is_the_first(tmp_path: Path) -> None:
    """Tesseract reads a typed "1" as "I": "Jombang, I Februari 2023" is 1 February."""
    body = kit.default_body(meeting="Senin, 6 Februari 2023", cited="23 Januari 2023")
    page = kit.letter_page(body, date_text="I Februari 2023", number="005/17/415.42/2023", seed=7)
    f = inspect_file(kit.write(tmp_path / "undangan_feb.jpg", kit.phone_photo(page, seed=7)), year=2023)
    assert f.date == "2023-02-01"


def test_nopember_is_november(tmp_path: Path) -> None:
    body = kit.default_body(meeting="Kamis, 14 Nopember 2019", cited="1 Nopember 2019")
    page = kit.letter_page(body, date_text="12 Nopember 2019", seed=8)
    f = inspect_file(kit.write(tmp_path / "undangan_nop.jpg", kit.phone_photo(page, seed=8, angle=-2.5)),
                     year=2019)
    assert f.date == "2019-11-12"


# --------------------------------------------------------------------------- scans


def test_a_13_page_scanned_decree_is_dated_by_its_ditetapkan_on_page_12(tmp_path: Path) -> None:
    pdf = kit.scanned_pdf(kit.sk_pages(13, date_page=12), tmp_path / "sk_tim_zi.pdf")
    f = inspect_file(pdf, year=2019)
    assert f.error is None and f.pages == 13 and f.scanned is True
    assert (f.date, f.date_source) == ("2019-03-18", "ditetapkan")  # not 2 Januari 2019 of Mengingat
    assert (f.signed, f.signature) == (True, "image")


def test_a_scanned_decree_without_ink_is_never_called_signed(tmp_path: Path) -> None:
    pdf = kit.scanned_pdf(kit.sk_pages(4, date_page=3, signed=False, seed=5), tmp_path / "sk_draf.pdf")
    f = inspect_file(pdf, year=2019)
    assert f.date == "2019-03-18"
    assert f.signed is not True


def test_a_flatbed_scan_of_a_signed_letter_shows_its_ink(tmp_path: Path) -> None:
    page = kit.scan_look(kit.letter_page(seed=9, stamp_colour=kit.STAMP_GREY), seed=9)
    f = inspect_file(kit.scanned_pdf([page], tmp_path / "undangan_scan.pdf"), year=2019)
    assert (f.scanned, f.date) == (True, "2019-09-24")
    assert (f.signed, f.signature) == (True, "image")


# --------------------------------------------------------------------------- photos and screenshots


def test_a_meeting_photo_is_dated_by_its_camera_and_not_read_as_a_letter(tmp_path: Path) -> None:
    path = kit.write(tmp_path / "IMG_rapat.jpg", kit.event_photo(3, taken=datetime(2019, 9, 27, 9, 41, 7)))
    f = inspect_file(path, year=2019)
    assert (f.date, f.date_source) == ("2019-09-27", "exif")
    assert f.signed is None
    assert f.scanned is False and not _ocr_noted(f)


def test_a_screenshot_is_dated_by_its_name(tmp_path: Path) -> None:
    name, data = kit.screenshot_png(datetime(2022, 5, 14, 9, 30, 12))
    assert name == "Screenshot_20220514-093012.png"
    f = inspect_file(kit.write(tmp_path / name, data), year=2022)
    assert (f.date, f.date_source) == ("2022-05-14", "filename")
    assert f.signed is None


def test_an_undated_screenshot_is_undated_and_its_file_time_is_kept_apart(tmp_path: Path) -> None:
    name, data = kit.screenshot_png(None, seed=1)
    assert name == "layar.png"
    path = kit.write(tmp_path / name, data)
    when = datetime(2022, 3, 7, 10, 0).timestamp()
    os.utime(path, (when, when))
    f = inspect_file(path, year=2022)
    assert f.date is None
    assert (f.file_date, f.file_date_source) == ("2022-03-07", "mtime")


def test_a_date_shown_on_a_screenshot_does_not_beat_its_name(tmp_path: Path) -> None:
    name, data = kit.screenshot_png(datetime(2022, 5, 14, 9, 30, 12), shown_date="2 Januari 2022", seed=2)
    f = inspect_file(kit.write(tmp_path / name, data), year=2022)
    assert (f.date, f.date_source) == ("2022-05-14", "filename")


@pytest.mark.parametrize("dark", [True, False])
def test_a_desktop_screenshot_is_dated_by_its_taskbar_clock_not_by_the_page(tmp_path: Path, dark: bool) -> None:
    data = kit.desktop_screenshot_png(date(2022, 5, 14), dark_taskbar=dark)
    f = inspect_file(kit.write(tmp_path / "website KPU.png", data), year=2022)
    assert (f.date, f.date_source) == ("2022-05-14", "screen_clock")
    assert f.date_evidence and "14/05/2022" in f.date_evidence


def test_a_desktop_screenshot_without_a_clock_is_undated_whatever_the_page_shows(tmp_path: Path) -> None:
    data = kit.desktop_screenshot_png(None, shown_date="Diunggah 14 Mei 2022")
    f = inspect_file(kit.write(tmp_path / "website KPU.png", data), year=2022)
    assert f.date is None and f.date_source is None


# --------------------------------------------------------------------------- file dates


def test_a_docx_dated_only_by_its_properties_is_undated_with_a_file_date(tmp_path: Path) -> None:
    path = kit.docx_with_created(tmp_path / "daftar_nominatif.docx", datetime(2019, 8, 28, 8, 15))
    f = inspect_file(path, year=2019)
    assert f.date is None  # "created" is when the file was made, not the document's own date
    assert (f.file_date, f.file_date_source) == ("2019-08-28", "metadata")
