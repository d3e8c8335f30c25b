"""Old and foreign formats: each read, or named with the advice a clerk can follow.

Every file here is made by the test (no shared samples, no network): a real Excel 97-2003
workbook (xlwt), a real Word for Windows 2.0 document (its binary layout written here) for
antiword, ODT/ODS/ODP and PPTX as the ZIPs their programs write, RTF, a HEIC photo (pillow-heif),
a JFIF JPEG and a Word template (.dotx). Plus: scan and inspect agree on every extension of
the one format table, and `zi-auditor inspect --json` shows a contract format for each.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from inspect_fixtures import IMG, make_docx, make_jpeg

from auditor.documents import formats
from auditor.inspect.run import inspect_file

SK = ["KEPUTUSAN KETUA KPU KABUPATEN SLEMAN", "NOMOR 19 TAHUN 2022",
      "Ditetapkan di Sleman", "pada tanggal 13 Mei 2022",
      "KETUA KOMISI PEMILIHAN UMUM", "KABUPATEN SLEMAN,"]
HAS_ANTIWORD = shutil.which("antiword") is not None


def inspect(path: Path):
    return inspect_file(path, year=2022)


# ----- makers -----------------------------------------------------------------------------

def make_word2_doc(path: Path, lines: list[str]) -> Path:
    """A Word for Windows 2.0 document: a 384-byte FIB, then the text (paragraphs end in CR)."""
    text = "".join(f"{ln}\r" for ln in lines).encode("cp1252")
    fib = bytearray(384)
    struct.pack_into("<HH", fib, 0, 0xA5DB, 45)  # wIdent, nFib 45: Word 2 for Windows
    struct.pack_into("<II", fib, 0x18, 384, 384 + len(text))  # fcMin, fcMac
    struct.pack_into("<I", fib, 0x34, len(text))  # ccpText
    path.write_bytes(bytes(fib) + text + b"\0" * 128)
    return path


def make_xls(path: Path, rows: list[list[object]]) -> Path:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Rekap")
    dated = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, dated)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
           'xmlns:xlink="http://www.w3.org/1999/xlink" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
           'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')


def _odf_zip(path: Path, mimetype: str, body: str, created: str | None = None) -> Path:
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>' \
              f'<office:body>{body}</office:body></office:document-content>'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, first: as ODF requires
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        if created:
            z.writestr("meta.xml", f'<?xml version="1.0"?><office:document-meta {_ODF_NS}>'
                       f'<office:meta><meta:creation-date>{created}</meta:creation-date>'
                       '</office:meta></office:document-meta>')
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return path


def _p(text: str) -> str:
    return f"<text:p>{text}</text:p>"


ODF_PICTURE = ('<draw:frame text:anchor-type="as-char"><draw:image xlink:href="Pictures/ttd.png"/>'
               '</draw:frame>')


def make_odt(path: Path, lines: list[str], created: str | None = None) -> Path:
    body = "".join(_p(ODF_PICTURE) if ln == IMG else _p(ln) for ln in lines)
    return _odf_zip(path, "application/vnd.oasis.opendocument.text",
                    f"<office:text>{body}</office:text>", created)


def make_ods(path: Path, rows: list[list[object]]) -> Path:
    def cell(v: object) -> str:
        if isinstance(v, dt.date):
            return (f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                    f'{_p(v.strftime("%d/%m/%Y"))}</table:table-cell>')
        return f'<table:table-cell office:value-type="string">{_p(str(v))}</table:table-cell>'
    table = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                    for row in rows)
    return _odf_zip(path, "application/vnd.oasis.opendocument.spreadsheet",
                    f'<office:spreadsheet><table:table table:name="Rekap">{table}'
                    '</table:table></office:spreadsheet>')


def make_pptx(path: Path, slides: list[list[str]]) -> Path:
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for n, texts in enumerate(slides, 1):
            paras = "".join(f"<a:p><a:r><a:t>{t}</a:t></a:r></a:p>" for t in texts)
            z.writestr(f"ppt/slides/slide{n}.xml", f'<p:sld xmlns:p="p" {a}><a:txBody>{paras}'
                       "</a:txBody></p:sld>")
    return path


def make_rtf(path: Path, lines: list[str], picture: bool = False) -> Path:
    body = []
    for ln in lines:
        if ln == IMG:
            body.append(r"{\pict\pngblip\picw10\pich10 89504e470d0a1a0a}\par")
        else:
            body.append(ln.replace("é", r"\'e9") + r"\par")
    rtf = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
           r"{\info{\title Draf}{\creatim\yr2021\mo1\dy2}}"
           r"{\header {\pict\pngblip 89504e47}KOMISI PEMILIHAN UMUM\par}"
           + "\n".join(body) + "}")
    path.write_text(rtf, encoding="latin-1")
    return path


def make_dotx(path: Path, lines: list) -> Path:
    """A Word template: a DOCX whose main part carries the template content type."""
    src = make_docx(path.with_suffix(".docx"), lines)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml",
                                    b"wordprocessingml.template.main+xml")
            zout.writestr(item, data)
    src.unlink()
    return path


# ----- Word-like --------------------------------------------------------------------------

@pytest.mark.skipif(not HAS_ANTIWORD, reason="antiword not installed (scripts/setup.sh installs it)")
def test_a_doc_is_read_through_antiword_and_a_certified_copy_is_signed(tmp_path: Path) -> None:
    f = inspect(make_word2_doc(tmp_path / "SK Tim.doc", SK + ["ttd.", "AHMAD SUBAGYO"]))
    assert (f.format, f.date, f.date_source, f.error) == ("docx", "2022-05-13", "ditetapkan", None)
    assert f.title.startswith("KEPUTUSAN KETUA KPU")
    assert (f.signed, f.signature, f.signer) == (True, "marker", "AHMAD SUBAGYO")


@pytest.mark.skipif(not HAS_ANTIWORD, reason="antiword not installed (scripts/setup.sh installs it)")
def test_a_doc_without_ttd_is_not_called_unsigned_for_lack_of_a_visible_picture(tmp_path: Path) -> None:
    f = inspect(make_word2_doc(tmp_path / "SK Tim.doc", SK + ["", "AHMAD SUBAGYO"]))
    assert f.date == "2022-05-13"
    assert f.signed is None and f.signature is None  # a picture may be there: antiword can't tell
    assert any("gambar di dalam berkas .doc tidak terbaca" in n for n in f.notes)


def test_without_antiword_a_doc_says_save_it_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    f = inspect(make_word2_doc(tmp_path / "SK Tim 13 Mei 2022.doc", SK))
    assert f.format == "docx"
    assert f.error == "format lama (.doc): simpan ulang sebagai PDF/DOCX"
    assert f.signed is None


def test_a_doc_that_is_really_a_docx_or_rtf_is_read_as_such(tmp_path: Path) -> None:
    docx = make_docx(tmp_path / "x.docx", SK + [IMG, "AHMAD SUBAGYO"])
    renamed = docx.rename(tmp_path / "SK.doc")
    f = inspect(renamed)
    assert (f.date, f.signed, f.signature) == ("2022-05-13", True, "image")
    rtf = make_rtf(tmp_path / "x.rtf", SK + ["ttd.", "AHMAD SUBAGYO"]).rename(tmp_path / "SK2.doc")
    assert (inspect(rtf).date, inspect(rtf).signature) == ("2022-05-13", "marker")


def test_a_dotx_template_goes_through_the_docx_reader(tmp_path: Path) -> None:
    f = inspect(make_dotx(tmp_path / "Undangan.dotx", SK + [IMG, "AHMAD SUBAGYO"]))
    assert (f.format, f.date, f.error) == ("docx", "2022-05-13", None)
    assert (f.signed, f.signature, f.signer) == (True, "image", "AHMAD SUBAGYO")


def test_an_odt_is_read_from_its_content_xml(tmp_path: Path) -> None:
    f = inspect(make_odt(tmp_path / "SK.odt", SK + [IMG, "AHMAD SUBAGYO"]))
    assert (f.format, f.date, f.date_source, f.error) == ("docx", "2022-05-13", "ditetapkan", None)
    assert (f.signed, f.signature, f.signer) == (True, "image", "AHMAD SUBAGYO")
    draft = inspect(make_odt(tmp_path / "draf.odt", ["NOTULEN RAPAT"], created="2022-03-04T10:00:00"))
    # The properties' date is a hint beside the document, never its own date.
    assert (draft.date, draft.file_date, draft.file_date_source) == (None, "2022-03-04", "metadata")


def test_a_broken_or_bombed_odt_is_refused_before_parsing(tmp_path: Path) -> None:
    (tmp_path / "a.odt").write_bytes(b"not a zip at all")
    assert "ODT rusak" in inspect(tmp_path / "a.odt").error
    with zipfile.ZipFile(tmp_path / "b.odt", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.xml", b"<a>" + b" " * (400 * 1024 * 1024) + b"</a>")
    assert "tidak wajar" in inspect(tmp_path / "b.odt").error


def test_an_rtf_is_stripped_to_its_text_and_its_pictures(tmp_path: Path) -> None:
    f = inspect(make_rtf(tmp_path / "SK.rtf", SK + [IMG, "AHMAD SUBAGYO"]))
    assert (f.format, f.date, f.date_source) == ("docx", "2022-05-13", "ditetapkan")
    assert (f.signed, f.signature, f.signer) == (True, "image", "AHMAD SUBAGYO")
    # the header's logo is not a signature; a draft without a date has only its metadata's
    g = inspect(make_rtf(tmp_path / "draf.rtf", ["NOTULEN RAPAT", "Kafé", "", "AHMAD SUBAGYO"]))
    assert (g.signed, g.date, g.file_date, g.file_date_source) == (False, None, "2021-01-02", "metadata")
    assert "Kafé" in g.text_head  # \'e9 in the document's code page


# ----- tables -----------------------------------------------------------------------------

def test_an_xls_is_read_like_an_xlsx(tmp_path: Path) -> None:
    f = inspect(make_xls(tmp_path / "rekap.xls", [["DATA NOMINATIF PEGAWAI"], ["Bulan Mei 2022"],
                                                  ["No", "Nama", "TMT"], [1, "Budi", dt.date(2019, 1, 1)]]))
    assert (f.format, f.date, f.date_source, f.period, f.error) == ("xlsx", "2022-05-31", "period", "2022-05", None)
    assert "01-01-2019" in f.text_head and "1 Budi" in f.text_head  # numbers as integers, dates as dates
    g = inspect(make_xls(tmp_path / "dh.xls", [["DAFTAR HADIR RAPAT"], ["Tanggal", dt.date(2022, 6, 7)]]))
    assert "07-06-2022" in g.text_head


def test_a_broken_xls_names_the_advice(tmp_path: Path) -> None:
    (tmp_path / "x.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    f = inspect(tmp_path / "x.xls")
    assert f.error.startswith("berkas XLS rusak") and "simpan ulang sebagai PDF/XLSX" in f.error


def test_an_ods_and_a_csv_are_tables(tmp_path: Path) -> None:
    f = inspect(make_ods(tmp_path / "rekap.ods", [["REKAPITULASI"], ["Bulan Juni 2022"],
                                                  ["Tanggal", dt.date(2022, 6, 3)]]))
    assert (f.format, f.date, f.period) == ("xlsx", "2022-06-30", "2022-06")
    assert "03-06-2022" in f.text_head
    (tmp_path / "dh.csv").write_bytes("DAFTAR HADIR;;\nSleman, 14 Juli 2022;;\nNo;Nama;Paraf\n1;Budi;\n"
                                      .encode("cp1252"))
    g = inspect(tmp_path / "dh.csv")
    assert (g.format, g.date, g.error) == ("xlsx", "2022-07-14", None)


# ----- pictures and presentations ---------------------------------------------------------

def test_a_heic_photo_is_read_like_a_jpeg(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image, ImageDraw

    pillow_heif.register_heif_opener()
    img = Image.new("RGB", (64, 48), (30, 120, 200))
    ImageDraw.Draw(img).rectangle((10, 8, 40, 30), fill=(240, 230, 210))  # not one colour
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = "2022:05:13 09:30:00"
    img.save(tmp_path / "IMG_0001.HEIC", format="HEIF", exif=exif.tobytes())
    f = inspect(tmp_path / "IMG_0001.HEIC")
    assert (f.format, f.error) == ("image", None)
    assert (f.date, f.date_source) == ("2022-05-13", "exif")
    assert f.phash


def test_without_pillow_heif_a_heic_says_save_it_as_jpg(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # as if not installed
    (tmp_path / "IMG_0002 13 Mei 2022.heic").write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 64)
    f = inspect(tmp_path / "IMG_0002 13 Mei 2022.heic")
    assert f.error == ("berkas .heic tidak dapat dibaca di komputer ini (pillow-heif tidak "
                       "terpasang): simpan ulang sebagai JPG")
    assert (f.date, f.date_source) == ("2022-05-13", "filename")  # a photo keeps its name's date


def test_a_jfif_is_a_jpeg(tmp_path: Path) -> None:
    jpeg = make_jpeg(tmp_path / "a.jpg", taken="2022:05:13 09:30:00")
    f = inspect(jpeg.rename(tmp_path / "foto.jfif"))
    assert (f.format, f.date, f.date_source, f.error) == ("image", "2022-05-13", "exif", None)


def test_a_presentation_gives_its_date_but_no_signature_verdict(tmp_path: Path) -> None:
    f = inspect(make_pptx(tmp_path / "materi.pptx", [["SOSIALISASI ZONA INTEGRITAS"],
                                                      ["Sleman, 13 Mei 2022"]]))
    assert (f.format, f.date, f.signed, f.error) == ("other", "2022-05-13", None, None)
    assert f.title == "SOSIALISASI ZONA INTEGRITAS"
    odp = _odf_zip(tmp_path / "materi.odp", "application/vnd.oasis.opendocument.presentation",
                   "<office:presentation><draw:page><draw:frame><draw:text-box>"
                   + _p("PAPARAN RENCANA AKSI") + _p("Sleman, 2 Juni 2022")
                   + "</draw:text-box></draw:frame></draw:page></office:presentation>")
    assert inspect(odp).date == "2022-06-02"


def test_an_unreadable_format_without_a_dated_name_names_the_advice(tmp_path: Path) -> None:
    (tmp_path / "materi.ppt").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    f = inspect(tmp_path / "materi.ppt")
    assert f.error == "isi berkas .ppt tidak dibaca dan namanya tidak memuat tanggal: simpan ulang sebagai PDF"
    assert "cantumkan tanggal" not in f.error


# ----- one table for scan and inspect -----------------------------------------------------

def test_scan_and_inspect_agree_on_every_extension() -> None:
    from auditor.inspect.run import precheck
    from auditor.scan import fuzzy, match

    assert match.format_of is formats.format_of and fuzzy.format_of is formats.format_of
    for ext in formats.extensions():
        name = f"Bukti 13 Mei 2022.{ext.upper()}"
        family = formats.format_of(name)
        assert family in formats.FAMILIES
        assert precheck(Path("/nonexistent") / name, name, inspect_file.__kwdefaults__["limits"]).format == family
        assert formats.reader_for(name).format == family
        assert ext in formats.reader_for(name).extensions
        assert formats.looks_like_evidence(f"Tim/{name}")
    for name in ("arsip.zip", "setup.exe", "pintasan.lnk", "catatan"):
        assert not formats.looks_like_evidence(name)
        assert formats.format_of(name) == "other"


def test_the_families_a_person_expects() -> None:
    expect = {"docx": ("doc", "docx", "docm", "dotx", "dot", "odt", "rtf"),
              "xlsx": ("xls", "xlsx", "xlsm", "xltx", "ods", "csv"),
              "image": ("jpg", "jpeg", "jfif", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif"),
              "pdf": ("pdf",), "other": ("pptx", "ppt", "odp")}
    for family, exts in expect.items():
        for ext in exts:
            assert formats.format_of(f"x.{ext}") == family, ext


def test_every_reader_module_has_its_function() -> None:
    import importlib

    for reader in formats.READERS.values():
        assert callable(getattr(importlib.import_module(reader.module), reader.function))
        assert reader.format in formats.FAMILIES


def test_cli_json_shows_a_contract_format_for_every_extension(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from auditor.cli import main

    folder = tmp_path / "bukti"
    folder.mkdir()
    for ext in formats.extensions():
        (folder / f"Bukti 13 Mei 2022.{ext}").write_bytes(b"junk that no reader accepts\n")
    make_word2_doc(folder / "SK lama.doc", SK)
    assert main(["inspect", "--json", "--year", "2022", "--no-ocr", str(folder)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(formats.extensions()) + 1
    for row in rows:
        ext = row["path"].rpartition(".")[2]
        assert row["format"] == formats.format_of(row["path"]) in formats.FAMILIES, ext
        if row["error"]:
            assert "cantumkan tanggal" not in row["error"]
