"""Each reader on documents made here: how they are signed and dated, and bad inputs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from inspect_fixtures import (
    IMG,
    alter_after_signing,
    make_docx,
    make_jpeg,
    make_pdf,
    make_xlsx,
    sign_pdf,
)

from auditor.inspect.facts import Limits
from auditor.inspect.run import inspect_file

SK = ["KEPUTUSAN KETUA KPU KABUPATEN SLEMAN", "NOMOR 19 TAHUN 2022",
      "Mengingat : Undang-Undang Nomor 7 Tahun 2017;", "Ditetapkan di Sleman", "pada tanggal 13 Mei 2022",
      "KETUA KOMISI PEMILIHAN UMUM", "KABUPATEN SLEMAN,"]


def inspect(path: Path, **kw: object):
    return inspect_file(path, year=2022, **kw)  # type: ignore[arg-type]


def test_an_sk_signed_by_image_is_signed_and_dated(tmp_path: Path) -> None:
    f = inspect(make_docx(tmp_path / "sk.docx", SK + [IMG, "AHMAD SUBAGYO"], logo_in_header=True))
    assert (f.format, f.date, f.date_source) == ("docx", "2022-05-13", "ditetapkan")
    assert (f.signed, f.signature, f.signer) == (True, "image", "AHMAD SUBAGYO")
    assert f.title.startswith("KEPUTUSAN KETUA KPU")


def test_a_draft_with_empty_space_above_the_name_is_not_signed(tmp_path: Path) -> None:
    f = inspect(make_docx(tmp_path / "sk.docx", SK + ["", "", "AHMAD SUBAGYO"], logo_in_header=True))
    assert (f.signed, f.signature) == (False, None)


def test_a_certified_copy_with_ttd_is_signed_by_marker(tmp_path: Path) -> None:
    f = inspect(make_docx(tmp_path / "salinan.docx", SK + ["ttd.", "AHMAD SUBAGYO", "Salinan sesuai dengan aslinya"]))
    assert (f.signed, f.signature) == (True, "marker")


def test_an_attendance_list_with_a_ttd_column_is_not_signed(tmp_path: Path) -> None:
    f = inspect(make_docx(tmp_path / "dh.docx", ["DAFTAR HADIR", "Hari/Tanggal : Jumat, 13 Mei 2022",
                                                 ("No", "Nama", "Jabatan", "TTD"), ("1", "BUDI", "Ketua", "")]))
    assert (f.date, f.date_source, f.signed) == ("2022-05-13", "meeting_day", False)
    assert f.title == "DAFTAR HADIR"


def test_bsre_footer_in_a_docx_cannot_prove_a_signature(tmp_path: Path) -> None:
    # A DOCX cannot carry the electronic signature (only the signed PDF does): the footer text
    # alone is "cannot be told", so the audit asks a person to check, never credits it.
    footer = ["Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
              "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN"]
    f = inspect(make_docx(tmp_path / "tte.docx", SK + ["AHMAD SUBAGYO"], footer=footer))
    assert (f.signed, f.signature) == (None, None)
    assert any("PDF" in note for note in f.notes)


def test_pdf_picture_between_office_and_name_is_an_image_signature(tmp_path: Path) -> None:
    lines = ["LAPORAN", ">Sleman, 2 Juni 2022", ">KETUA,", IMG, ">BUDI SANTOSO"]
    assert inspect(make_pdf(tmp_path / "a.pdf", lines)).signature == "image"
    unsigned = inspect(make_pdf(tmp_path / "b.pdf", [x for x in lines if x != IMG]))
    assert (unsigned.signed, unsigned.date) == (False, "2022-06-02")


def test_a_pdf_signed_with_pyhanko_is_digital_and_an_altered_copy_is_not(tmp_path: Path, signing_keys) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", ["LAPORAN", "Sleman, 2 Juni 2022", "KETUA,", "", "BUDI SANTOSO"])
    signed = sign_pdf(plain, tmp_path / "signed.pdf", signing_keys)
    f = inspect(signed)
    assert (f.signed, f.signature, f.signer, f.date) == (True, "digital", "Budi Santoso", "2022-06-02")
    assert any("tidak diperiksa" in n for n in f.notes)  # trust was not checked, and it says so
    altered = inspect(alter_after_signing(signed, tmp_path / "altered.pdf", b"2 Juni 2022", b"3 Juni 2022"))
    assert (altered.signed, altered.signature) == (False, None)
    assert any("diubah setelah" in n for n in altered.notes)


def test_a_truncated_signed_pdf_is_an_error_not_unsigned(tmp_path: Path, signing_keys) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", ["LAPORAN", "Sleman, 2 Juni 2022"])
    data = sign_pdf(plain, tmp_path / "signed.pdf", signing_keys).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) - 900])
    f = inspect(tmp_path / "cut.pdf")
    assert "terpotong" in f.error and f.signed is None


def test_a_pdf_whose_xref_points_nowhere_is_an_error(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "a.pdf", ["LAPORAN"]).read_bytes()
    cut = data.index(b"xref")
    broken = data[:cut] + b"    " + data[cut + 4:]
    (tmp_path / "b.pdf").write_bytes(broken)
    assert "xref" in inspect(tmp_path / "b.pdf").error


def test_encrypted_pdfs(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    src = make_pdf(tmp_path / "a.pdf", ["LAPORAN", "Sleman, 2 Juni 2022", "KETUA,", "", "BUDI"])
    for name, user_pw in (("locked.pdf", "rahasia"), ("open.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(src))
        writer.encrypt(user_password=user_pw, owner_password="pemilik")
        writer.write(tmp_path / name)
    assert inspect(tmp_path / "locked.pdf").error == "PDF terkunci kata sandi"
    opened = inspect(tmp_path / "open.pdf")
    assert (opened.error, opened.date) == (None, "2022-06-02")


def test_not_a_pdf_and_empty_files(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"<html>not a pdf</html>")
    (tmp_path / "e.docx").write_bytes(b"")
    assert "bukan PDF" in inspect(tmp_path / "x.pdf").error
    assert "kosong" in inspect(tmp_path / "e.docx").error


def test_a_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (400 * 1024 * 1024))
    assert "ditolak" in inspect(path).error


def test_a_corrupt_docx_and_xlsx_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "b.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "rusak" in inspect(tmp_path / "a.docx").error
    assert "kata sandi" in inspect(tmp_path / "b.xlsx").error


def test_xlsx_period_in_the_title_is_its_date(tmp_path: Path) -> None:
    f = inspect(make_xlsx(tmp_path / "t.xlsx", [["DATA NOMINATIF"], ["Bulan Mei 2022"], ["No", "TMT"], [1, "01-01-2019"]]))
    assert (f.format, f.date, f.date_source, f.period) == ("xlsx", "2022-05-31", "period", "2022-05")


def test_photos_exif_then_name_and_a_perceptual_hash(tmp_path: Path) -> None:
    a = inspect(make_jpeg(tmp_path / "IMG_20220513_093512.jpg", taken="2022:05:14 08:00:00"))
    assert (a.format, a.date, a.date_source) == ("image", "2022-05-14", "exif")
    b = inspect(make_jpeg(tmp_path / "IMG_20220513_093512-copy.jpg"))
    assert (b.date, b.date_source) == ("2022-05-13", "filename")
    assert len(a.phash) == 16 and a.phash == b.phash  # the same photo, reused
    c = inspect(make_jpeg(tmp_path / "lain.jpg", seed=9))
    assert c.date is None and c.phash != a.phash


def test_a_file_named_jpg_that_is_not_an_image_and_a_pixel_bomb(tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "x.jpg").write_bytes(b"hello")
    assert "bukan gambar" in inspect(tmp_path / "x.jpg").error
    buf = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buf, "PNG")
    (tmp_path / "big.png").write_bytes(buf.getvalue())
    assert "terlalu besar" in inspect(tmp_path / "big.png").error


def test_other_formats_tell_only_their_name(tmp_path: Path) -> None:
    (tmp_path / "Sosialisasi 13 Mei 2022.ppt").write_bytes(b"\xd0\xcf\x11\xe0old slides")
    f = inspect(tmp_path / "Sosialisasi 13 Mei 2022.ppt")
    assert (f.format, f.date, f.date_source, f.error) == ("other", "2022-05-13", "filename", None)
    assert any("simpan ulang sebagai PDF" in n for n in f.notes)
    (tmp_path / "Undangan 13 Mei 2022.doc").write_bytes(b"\xd0\xcf\x11\xe0old word")
    f = inspect(tmp_path / "Undangan 13 Mei 2022.doc")  # not a Word file: said, with the advice
    assert (f.format, f.date) == ("docx", None)
    assert "simpan ulang sebagai PDF/DOCX" in f.error


def test_size_limit_and_vanished_files(tmp_path: Path) -> None:
    big = make_pdf(tmp_path / "big.pdf", ["LAPORAN"] * 40)
    f = inspect(big, limits=Limits(max_bytes=1000))
    assert f.error.startswith("berkas terlalu besar") and f.size == big.stat().st_size
    assert "tidak ditemukan" in inspect(tmp_path / "gone.pdf").error
