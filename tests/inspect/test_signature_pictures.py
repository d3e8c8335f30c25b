"""Signature pictures of any size, format or anchoring (issue #12, pattern 3) and signer
names (pattern 8), on documents generated here: small JPEGs, tiles, form XObjects, a
certification drawn as one picture, floating EMF pictures in DOCX, and what must stay
unsigned (a letterhead logo, an empty space, an attendance column, a bare QR code)."""

from __future__ import annotations

import io
import random
import struct
from pathlib import Path

import pytest

from auditor.inspect.facts import Limits
from auditor.inspect.run import inspect_file
from auditor.inspect.signatures import _looks_like_name, analyse, decide

pytestmark = pytest.mark.slow  # Tesseract OCR


def _read(path: Path) -> tuple[bool | None, str | None, str | None]:
    facts = inspect_file(path, limits=Limits(ocr=False), year=2022)
    assert facts.error is None
    return facts.signed, facts.signature, facts.signer


def _signature(width: int, height: int, fmt: str = "JPEG") -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    pts = [(int(width * x), int(height * y)) for x, y in
           [(0.05, 0.8), (0.25, 0.15), (0.4, 0.85), (0.6, 0.2), (0.8, 0.8), (0.95, 0.3)]]
    draw.line(pts, fill="navy", width=max(2, height // 25))
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def _qr(modules: int = 25, box: int = 6) -> bytes:
    from PIL import Image, ImageDraw

    rnd = random.Random(12)
    size = (modules + 8) * box
    img = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(img)
    for y in range(modules):
        for x in range(modules):
            if rnd.random() < 0.5:
                draw.rectangle([(x + 4) * box, (y + 4) * box, (x + 5) * box - 1, (y + 5) * box - 1], fill="black")
    for fx, fy in ((4, 4), (modules - 3, 4), (4, modules - 3)):  # finder patterns
        draw.rectangle([fx * box, fy * box, (fx + 7) * box - 1, (fy + 7) * box - 1], fill="black")
        draw.rectangle([(fx + 1) * box, (fy + 1) * box, (fx + 6) * box - 1, (fy + 6) * box - 1], fill="white")
        draw.rectangle([(fx + 2) * box, (fy + 2) * box, (fx + 5) * box - 1, (fy + 5) * box - 1], fill="black")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _emf(picture: bytes) -> bytes:
    """A minimal valid EMF: header, one STRETCHDIBITS with the bitmap, end of file."""
    from PIL import Image

    im = Image.open(io.BytesIO(picture)).convert("RGB")
    buf = io.BytesIO()
    im.save(buf, "BMP")
    dib = buf.getvalue()[14:]
    bmi, bits = dib[:40], dib[40:]
    w, h = im.size
    stretch = struct.pack("<II4i6i4I2I2i", 81, 80 + len(dib), 0, 0, w - 1, h - 1, 0, 0, 0, 0, w, h,
                          80, len(bmi), 80 + len(bmi), len(bits), 0, 0x00CC0020, w, h) + dib
    eof = struct.pack("<5I", 14, 20, 0, 16, 20)
    total = 88 + len(stretch) + len(eof)
    header = struct.pack("<II4i4iIIIIHHIIIiiii", 1, 88, 0, 0, w - 1, h - 1, 0, 0, w * 26, h * 26,
                         0x464D4520, 0x10000, total, 3, 1, 0, 0, 0, 0, 1920, 1080, 508, 286)
    return header + stretch + eof


# --- PDF: pictures placed by position -------------------------------------------------------

def _pdf(path: Path, texts: list[tuple[float, float, str]], pictures: list[tuple[bytes, float, float, float, float]],
         *, form: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    for x, y, s in texts:
        c.drawString(x, y, s)
    for k, (data, x, y, w, h) in enumerate(pictures):
        if form:  # drawn inside a form XObject, as Word's PDF export does
            c.beginForm(f"pic{k}")
            c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, 1, 1)
            c.endForm()
            c.saveState()
            c.translate(x, y)
            c.scale(w, h)
            c.doForm(f"pic{k}")
            c.restoreState()
        else:
            c.drawImage(ImageReader(io.BytesIO(data)), x, y, w, h)
    c.showPage()
    c.save()
    return path


_LETTER = [(72, 780, "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA"), (72, 765, "KANTOR WILAYAH JAWA TIMUR"),
           (72, 720, "Nomor : W15.PR.01.04-83"), (72, 705, "Hal : Rekomendasi"),
           (72, 660, "Menindaklanjuti surat Saudara tanggal 25 Februari 2019, dengan ini kami sampaikan"),
           (72, 645, "rekomendasi atas usulan Surat Keputusan Tim Kerja Zona Integritas."),
           (72, 620, "Demikian untuk dilaksanakan, atas perhatiannya disampaikan terima kasih.")]
_BLOCK = [(350, 560, "Surabaya, 17 Mei 2019"), (350, 545, "Kepala Kantor Wilayah,")]
_NAME = [(350, 460, "SUSY SUSILAWATI"), (350, 447, "NIP. 19600102 198203 2 001")]


@pytest.mark.parametrize("px", [(184, 110), (257, 153)])
def test_small_jpeg_signature_between_office_and_name(tmp_path: Path, px: tuple[int, int]) -> None:
    pdf = _pdf(tmp_path / "surat.pdf", _LETTER + _BLOCK + _NAME, [(_signature(*px), 350, 478, px[0] / 2.5, px[1] / 2.5)])
    assert _read(pdf) == (True, "image", "SUSY SUSILAWATI")


def test_signature_inside_a_form_xobject(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "surat.pdf", _LETTER + _BLOCK + _NAME, [(_signature(257, 153), 345, 470, 110, 70)], form=True)
    assert _read(pdf) == (True, "image", "SUSY SUSILAWATI")


def test_signature_in_two_tiles_side_by_side_under_the_date_line(tmp_path: Path) -> None:
    from PIL import Image

    whole = Image.open(io.BytesIO(_signature(190, 96)))
    tiles = []
    for box in ((0, 0, 95, 96), (95, 0, 190, 96)):
        buf = io.BytesIO()
        whole.crop(box).save(buf, "JPEG")
        tiles.append(buf.getvalue())
    # the date line alone heads the block (no office line), as in a one-page report
    texts = _LETTER + [(350, 560, "Sidoarjo, 05 Juni 2019"), (350, 470, "Barlian"),
                       (350, 457, "NIP. 19600209 198403 1 002")]
    pdf = _pdf(tmp_path / "laporan.pdf", texts, [(tiles[0], 350, 480, 47.5, 48), (tiles[1], 397.5, 480, 47.5, 48)])
    assert _read(pdf) == (True, "image", "Barlian")


def test_certification_drawn_as_one_picture(tmp_path: Path) -> None:
    texts = [(72, 780, "KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR"),
             (72, 760, "NOMOR 21/HK.03-Kpt/2022"), (72, 740, "Menimbang : bahwa dalam rangka Zona Integritas"),
             (350, 660, "Ditetapkan di Karanganyar"), (350, 647, "pada tanggal 2 Juni 2022"),
             (350, 634, "KETUA KOMISI PEMILIHAN UMUM"), (350, 621, "KABUPATEN KARANGANYAR,"),
             (350, 560, "AHMAD SUBAGYO"),
             (72, 520, "Salinan sesuai dengan aslinya")]
    # the certifier's office, ttd. and name are inside the picture (no text of their own)
    pdf = _pdf(tmp_path / "salinan.pdf", texts, [(_signature(300, 160), 72, 430, 150, 80)])
    assert _read(pdf) == (True, "image", "AHMAD SUBAGYO")


def test_letterhead_logo_only_is_not_signed(tmp_path: Path) -> None:
    texts = [(140, 790, "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA"), (140, 775, "KANTOR WILAYAH JAWA TIMUR,")] + \
        _LETTER[2:] + _BLOCK + _NAME
    pdf = _pdf(tmp_path / "draft.pdf", texts, [(_signature(120, 120), 72, 760, 50, 50)])
    assert _read(pdf)[:2] == (False, None)


def test_draft_with_empty_space_is_not_signed(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "draft.pdf", _LETTER + _BLOCK + _NAME, [])
    assert _read(pdf)[:2] == (False, None)


def test_attendance_column_of_small_pictures_is_not_signed(tmp_path: Path) -> None:
    texts = [(72, 780, "DAFTAR HADIR RAPAT ZONA INTEGRITAS"), (72, 765, "Hari/Tanggal : Senin, 16 Mei 2022"),
             (72, 740, "No  Nama  Jabatan"), (420, 740, "Tanda Tangan")]
    pictures = []
    for k in range(10):
        y = 715 - k * 28
        texts.append((72, y, f"{k + 1}. PEGAWAI NOMOR {k + 1}  Staf,"))
        pictures.append((_signature(184, 110), 420, y - 8, 45, 24))
    texts += [(350, 400, "Ketua Tim Manajemen Perubahan,"), (350, 340, "AGUS PRIYANTO")]
    pdf = _pdf(tmp_path / "daftar_hadir.pdf", texts, pictures)
    assert _read(pdf)[:2] == (False, None)


def test_bare_qr_beside_the_name_is_not_signed(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "surat.pdf", _LETTER + _BLOCK + _NAME, [(_qr(), 350, 475, 65, 65)])
    assert _read(pdf)[:2] == (False, None)


# --- DOCX: floating EMF pictures, pictures in cells ----------------------------------------

_ANCHOR_XML = (
    '<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="1" locked="0" '
    'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>4445</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="{n}" name="Picture {n}"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="Picture {n}"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
    '</wp:anchor>')


def _float_picture(document: object, paragraph: object, data: bytes, name: str, x_emu: int, n: int) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    part = document.part  # type: ignore[attr-defined]
    image = Part(PackURI(f"/word/media/{name}"), "image/x-emf", data, part.package)
    rid = part.relate_to(image, RT.IMAGE)
    drawing = parse_xml('<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    drawing.append(parse_xml(_ANCHOR_XML.format(x=x_emu, cx=2_600_000, cy=1_500_000, n=n, rid=rid)))
    run = paragraph.add_run()  # type: ignore[attr-defined]
    run._r.append(drawing)
    assert run._r.find(qn("w:drawing")) is not None


def _undangan(path: Path, *, emf: bytes | None, in_cell: bytes | None = None, qr_in_cell: bool = False) -> Path:
    import docx
    from docx.shared import Cm

    d = docx.Document()
    for line in ("KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "Nomor : 112/PP.01.2-Und/3313/2022",
                 "Hal : Undangan", "Dalam rangka pembangunan Zona Integritas kami mengundang Saudara.",
                 "Hari/Tanggal : Jumat, 13 Mei 2022",
                 "Demikian atas perhatian dan kehadirannya disampaikan terima kasih."):
        d.add_paragraph(line)
    anchor = d.add_paragraph()
    if emf is not None:  # anchored in the paragraph above the table, drawn over its right cell
        _float_picture(d, anchor, emf, "image2.emf", 3_600_000, 4)
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Tembusan :"
    for line in ("1. Sekretaris Jenderal;", "2. Inspektur Jenderal;", "3. Kepala Biro Hukum"):
        left.add_paragraph(line)
    if qr_in_cell:
        _float_picture(d, left.paragraphs[0], _emf(_qr()), "image3.emf", 500_000, 5)
    right.paragraphs[0].text = "Karanganyar, 9 Mei 2022"
    right.add_paragraph("KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR,")
    if in_cell is not None:
        right.add_paragraph().add_run().add_picture(io.BytesIO(in_cell), width=Cm(4))
    else:
        right.add_paragraph("")
    right.add_paragraph("MUHAMMAD MAULANA")
    right.add_paragraph("NIP. 19700101 199003 1 001")
    d.save(str(path))
    return path


def test_docx_floating_emf_above_the_signature_table(tmp_path: Path) -> None:
    path = _undangan(tmp_path / "undangan.docx", emf=_emf(_signature(510, 304)), qr_in_cell=True)
    assert _read(path) == (True, "image", "MUHAMMAD MAULANA")


def test_docx_picture_inside_the_signature_cell(tmp_path: Path) -> None:
    path = _undangan(tmp_path / "undangan.docx", emf=None, in_cell=_signature(184, 110, "PNG"))
    assert _read(path) == (True, "image", "MUHAMMAD MAULANA")


def test_docx_draft_and_bare_qr_are_not_signed(tmp_path: Path) -> None:
    assert _read(_undangan(tmp_path / "draft.docx", emf=None))[:2] == (False, None)
    assert _read(_undangan(tmp_path / "qr_left.docx", emf=None, qr_in_cell=True))[:2] == (False, None)
    # a QR code in the signature cell itself, between the office and the name
    assert _read(_undangan(tmp_path / "qr.docx", emf=None, in_cell=_qr()))[:2] == (False, None)
    # ... and a QR as the floating picture over the signature cell
    assert _read(_undangan(tmp_path / "qr_float.docx", emf=_emf(_qr())))[:2] == (False, None)


# --- signer names -------------------------------------------------------------------------

def test_signer_is_the_name_under_ttd_not_the_office_tail() -> None:
    lines = ["Ditetapkan di Jakarta", "pada tanggal 28 Desember 2021", "MENTERI PENDIDIKAN, KEBUDAYAAN,",
             "RISET, DAN TEKNOLOGI", "REPUBLIK INDONESIA,", "", "ttd.", "",
             "Dr. H. AHMAD SUBAGYO, S.H., M.H.", "NIP. 196001021982031001"]
    verdict = decide(analyse(lines), scanned=False)
    assert (verdict.signed, verdict.signature, verdict.signer) == (True, "marker", "Dr. H. AHMAD SUBAGYO, S.H., M.H.")


@pytest.mark.parametrize("line", ["RISET, DAN TEKNOLOGI", "JFT", "RINCIAN STANDAR PELAYANAN MINIMUM",
                                  "REPUBLIK INDONESIA", "Head of Ministry of Law and Human Rights"])
def test_office_words_are_never_a_name(line: str) -> None:
    assert not _looks_like_name([line, "NIP. 196001021982031001"], 0)
    assert not _looks_like_name([line, ""], 0)


@pytest.mark.parametrize("line", ["Dr. H. AHMAD SUBAGYO, S.H., M.H.", "Prof. Ir. BUDI SANTOSO, M.Sc.",
                                  "DRS. HARTONO WIBISONO, M.Si.", "Susy Susilawati", "AGUS PRIYANTO, S.IP."])
def test_person_names_with_titles_are_names(line: str) -> None:
    assert _looks_like_name([line, "NIP. 196001021982031001"], 0)
