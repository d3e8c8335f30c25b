"""Builders of the documents the inspection tests read: everything is generated here.

A document is a list of lines; the token IMG puts a drawn signature picture at that place,
PAGE starts a new page (PDF), and a tuple is a table row (DOCX).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

IMG = "<<IMG>>"
PAGE = "<<PAGE>>"


def signature_png(width: int = 240, height: int = 90) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    draw.line([(10, 70), (60, 15), (90, 75), (140, 20), (190, 70), (230, 30)], fill="navy", width=5)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def make_docx(path: Path, lines: list, *, header: list[str] | None = None,
              footer: list[str] | None = None, logo_in_header: bool = False,
              created: dt.datetime | None = None) -> Path:
    import docx
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    if header or logo_in_header:
        hp = section.header.paragraphs[0]
        if logo_in_header:
            hp.add_run().add_picture(io.BytesIO(signature_png(80, 80)), width=Cm(1.5))
        for text in header or []:
            section.header.add_paragraph(text)
    for text in footer or []:
        section.footer.add_paragraph(text)
    table = None
    for item in lines:
        if isinstance(item, tuple):
            if table is None:
                table = document.add_table(rows=0, cols=len(item))
            cells = table.add_row().cells
            for cell, value in zip(cells, item, strict=True):
                cell.text = value
            continue
        table = None
        if item == IMG:
            document.add_paragraph().add_run().add_picture(io.BytesIO(signature_png()), width=Cm(4))
        else:
            para = document.add_paragraph(item.lstrip(">"))
            if item.startswith(">"):
                para.paragraph_format.left_indent = Cm(9)
    if created:
        document.core_properties.created = created
    document.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str], *, title: str = "", created: str | None = None) -> Path:
    """A text PDF (reportlab, uncompressed): one line per text line, IMG draws a picture."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    c.setTitle(title)
    if created:
        c.setCreator("test")
    width, height = A4
    y = height - 60
    for line in lines:
        if line == PAGE or y < 60:
            c.showPage()
            y = height - 60
            if line == PAGE:
                continue
        if line == IMG:
            c.drawImage(ImageReader(io.BytesIO(signature_png())), 320, y - 50, width=120, height=45)
            y -= 55
            continue
        c.setFont("Helvetica", 11)
        x = 320 if line.startswith(">") else 60
        c.drawString(x, y, line.lstrip(">"))
        y -= 16
    c.save()
    return path


def make_scan_pdf(path: Path, lines: list[str], *, rotate: int = 0, dpi: int = 200) -> Path:
    """An image-only PDF: the page is a picture of the text (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=int(dpi * 0.16))
    y = int(dpi * 0.8)
    for line in lines:
        x = int(w * 0.55) if line.startswith(">") else int(dpi * 0.8)
        draw.text((x, y), line.lstrip(">"), fill=0, font=font)
        y += int(dpi * 0.25)
    if rotate:
        img = img.rotate(rotate, expand=True)
    img.save(str(path), "PDF", resolution=dpi)
    return path


def make_cert(tmp: Path, name: str = "Budi Santoso") -> tuple[Path, Path]:
    """A self-signed signing certificate made for the test (key, cert as PEM files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "KPU Kabupaten Sleman")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    key_path, cert_path = tmp / "signer.key.pem", tmp / "signer.cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def sign_pdf(src: Path, dst: Path, keys: tuple[Path, Path]) -> Path:
    """Sign ``src`` with pyHanko (a real PAdES signature) into ``dst``."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load(str(keys[0]), str(keys[1]))
    with open(src, "rb") as inf, open(dst, "wb") as out:
        writer = IncrementalPdfFileWriter(inf)
        signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Tandatangan1"),
                         signer=signer, output=out)
    return dst


def alter_after_signing(signed: Path, dst: Path, old: bytes, new: bytes) -> Path:
    data = signed.read_bytes()
    assert old in data and len(old) == len(new)
    dst.write_bytes(data.replace(old, new, 1))
    return dst


def make_jpeg(path: Path, *, taken: str | None = None, datetime_only: str | None = None,
              seed: int = 1, size: tuple[int, int] = (320, 240)) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(img)
    for k in range(6):
        x = (seed * 37 + k * 53) % size[0]
        draw.ellipse([x, 20 + k * 30, x + 60, 60 + k * 30], fill=((seed * 50) % 255, 80, 120))
    exif = Image.Exif()
    if datetime_only:
        exif[306] = datetime_only
    if taken:
        exif.get_ifd(0x8769)[36867] = taken
    img.save(str(path), "JPEG", exif=exif)
    return path


def make_xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(str(path))
    return path
