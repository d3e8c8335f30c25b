"""Scanned pages: no text layer, read with Tesseract's Indonesian model (runs for real)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_fixtures import make_scan_pdf

from auditor.inspect.facts import Limits
from auditor.inspect.run import inspect_file

pytestmark = pytest.mark.slow  # Tesseract OCR

BA = ["BERITA ACARA RAPAT PLENO", "Pada hari ini Jumat tanggal 20 Mei 2022", "telah dilaksanakan rapat pleno.",
      "", ">Boyolali, 20 Mei 2022", ">KETUA,", "", ">HERU PRASETYO"]


def test_a_scanned_minutes_page_is_dated_by_ocr_but_its_ink_cannot_be_confirmed(tmp_path: Path) -> None:
    f = inspect_file(make_scan_pdf(tmp_path / "ba.pdf", BA, dpi=300), year=2022)
    assert (f.scanned, f.date, f.signed, f.signature) == (True, "2022-05-20", None, None)
    assert f.title == "BERITA ACARA RAPAT PLENO"


def test_a_page_scanned_sideways_is_turned_upright(tmp_path: Path) -> None:
    f = inspect_file(make_scan_pdf(tmp_path / "ba.pdf", BA, dpi=300, rotate=90), year=2022)
    assert (f.scanned, f.date) == (True, "2022-05-20")


def test_a_scanned_certified_copy_shows_its_ttd_marker(tmp_path: Path) -> None:
    lines = ["SALINAN", "KEPUTUSAN KETUA KPU KABUPATEN SUKOHARJO", "Ditetapkan di Sukoharjo",
             "pada tanggal 10 Juni 2022", "KETUA,", "ttd.", "WIDODO", "Salinan sesuai dengan aslinya"]
    f = inspect_file(make_scan_pdf(tmp_path / "sk.pdf", lines, dpi=300), year=2022)
    assert (f.scanned, f.date, f.signed, f.signature) == (True, "2022-06-10", True, "marker")


def test_with_ocr_off_a_scan_is_undated_and_says_why(tmp_path: Path) -> None:
    f = inspect_file(make_scan_pdf(tmp_path / "ba.pdf", BA, dpi=150), year=2022, limits=Limits(ocr=False))
    assert (f.scanned, f.date, f.signed) == (True, None, None)
    assert any("OCR dimatikan" in n for n in f.notes)


def _page_photo(path: Path, lines: list[str]) -> Path:
    """A phone photo of a letter, saved as JPEG: a page image with no text layer."""
    import io

    from PIL import Image

    pdf = make_scan_pdf(path.with_suffix(".pdf"), lines, dpi=200)
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    page = doc[0].render(scale=200 / 72).to_pil().convert("RGB")
    doc.close()
    pdf.unlink()
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=85)
    path.write_bytes(buf.getvalue())
    assert Image.open(path).format == "JPEG"
    return path


def test_a_decree_photographed_as_jpeg_is_dated_by_its_text_not_the_camera(tmp_path: Path) -> None:
    lines = ["SALINAN", "KEPUTUSAN KETUA KPU KABUPATEN KLATEN", "Ditetapkan di Klaten",
             "pada tanggal 10 Juni 2022", "KETUA,", "ttd.", "SUGENG", "Salinan sesuai dengan aslinya"]
    f = inspect_file(_page_photo(tmp_path / "SK scan 2022-07-01.jpg", lines), year=2022)
    assert (f.format, f.scanned, f.date, f.date_source) == ("image", True, "2022-06-10", "ditetapkan")
    assert (f.signed, f.signature) == (True, "marker")


def test_an_event_photo_is_not_read_as_a_page(tmp_path: Path) -> None:
    from inspect_fixtures import make_jpeg

    f = inspect_file(make_jpeg(tmp_path / "IMG_20220513_093512.jpg", taken="2022:05:13 09:35:12"), year=2022)
    assert (f.scanned, f.date, f.date_source, f.signed) == (False, "2022-05-13", "exif", None)
    assert not any("OCR" in n for n in f.notes)
