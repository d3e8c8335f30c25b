"""Builders of hostile evidence files, all generated here: each one is a thing a shared drive
really ends up holding (a download cut short, a password-protected PDF, a ZIP bomb, a name
typed on a phone...). Sizes are chosen so the whole tree is built in about a second."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from office_kit import (  # noqa: F401 - re-exported
    docx_bytes,
    sk_docx,
    sk_lines,
    sk_pdf_bytes,
    write_bytes,
)

GIB = 1024 ** 3


def truncated_pdf(path: Path) -> None:
    """A signed SK whose download stopped at 60 %: it must not pass as an unsigned one."""
    data = sk_pdf_bytes()
    write_bytes(path, data[: len(data) * 6 // 10])


def _pdf_with_objects(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def reference_loop_pdf(path: Path) -> None:
    """A well-formed file whose page tree points back at itself (2 -> 3 -> 2), and whose
    content stream's /Length is an indirect reference to the stream itself."""
    write_bytes(path, _pdf_with_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 1 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
        b"<< /Length 5 0 R >>\nstream\nBT /F1 12 Tf 60 780 Td (Ditetapkan 13 Mei 2022) Tj ET\nendstream",
    ]))


def encrypted_pdf(path: Path) -> None:
    """A signed SK saved with an opening password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(sk_pdf_bytes())))
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    buf = io.BytesIO()
    writer.write(buf)
    write_bytes(path, buf.getvalue())


def not_a_zip_docx(path: Path) -> None:
    """A web page saved under a .docx name (what a failed download looks like)."""
    write_bytes(path, b"<html><body>Sesi Anda telah berakhir. Silakan masuk kembali.</body></html>\n")


ZEROS_CHUNK = 16 * 1024 * 1024
CRC_2GIB_ZEROS = 0x4DBDF21C  # zlib.crc32 of 2 GiB of zero bytes (half a second to compute)


def _deflated_zeros(size: int) -> tuple[bytes, int]:
    """``size`` zero bytes (a multiple of 16 MiB) as raw deflate data, and their CRC-32.

    After a full flush the compressor starts afresh, so one chunk's output repeats: the
    gigabytes are never compressed, only described."""
    assert size % ZEROS_CHUNK == 0
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = packer.compress(bytes(ZEROS_CHUNK)) + packer.flush(zlib.Z_FULL_FLUSH)
    data = unit * (size // ZEROS_CHUNK) + packer.flush()
    if size == 2 * GIB:
        return data, CRC_2GIB_ZEROS
    crc = 0
    for _ in range(size // ZEROS_CHUNK):
        crc = zlib.crc32(bytes(ZEROS_CHUNK), crc)
    return data, crc


def zip_bomb(path: Path, kind: str, declared: int = 2 * GIB) -> None:
    """A DOCX/XLSX with the package's real parts plus one main part that inflates to
    ``declared`` bytes of zeros: a few MB on disk, gigabytes once opened."""
    member = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
    data, crc = _deflated_zeros(declared)
    template = docx_bytes(["x"]) if kind == "docx" else _xlsx_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in src.infolist():
            if info.filename != member:
                out.writestr(info, src.read(info))
    head = buf.getvalue()
    write_bytes(path, _append_deflated(head, member, data, crc, declared))


def _xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Rekapitulasi potongan tunjangan kinerja"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _append_deflated(archive: bytes, name: str, data: bytes, crc: int, size: int) -> bytes:
    """Add a ZIP64 member holding already-deflated ``data`` to ``archive`` (rebuilt by hand:
    zipfile would deflate the gigabytes itself)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    out = bytearray()
    central = bytearray()
    entries = [(info.filename.encode(), zlib.compress(payload)[2:-4], zlib.crc32(payload),
                len(payload)) for info, payload in members]
    entries.append((name.encode(), data, crc, size))
    for fname, body, body_crc, raw_size in entries:
        offset = len(out)
        extra = struct.pack("<HHQQ", 1, 16, raw_size, len(body))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, body_crc,
                           0xFFFFFFFF, 0xFFFFFFFF, len(fname), len(extra)) + fname + extra + body
        cextra = struct.pack("<HHQQQ", 1, 24, raw_size, len(body), offset)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, body_crc,
                               0xFFFFFFFF, 0xFFFFFFFF, len(fname), len(cextra), 0, 0, 0, 0,
                               0xFFFFFFFF) + fname + cextra
    start = len(out)
    out += central
    end64 = len(out)
    count = len(entries)
    out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count,
                       len(central), start)
    out += struct.pack("<IIQI", 0x07064B50, 0, end64, 1)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return bytes(out)


def sparse_file(path: Path, size: int = 16 * GIB) -> None:
    """A file that claims ``size`` bytes but takes no disk space (a hole)."""
    with open(path, "wb") as handle:
        handle.truncate(size)


def png_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> None:
    """A PNG whose header says 10 gigapixels; the data behind it is a few bytes."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(bytes(1024))
    write_bytes(path, b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
                + chunk(b"IEND", b""))


def photo(path: Path | bytes) -> None:
    """A real JPEG photo without EXIF (so without a date of its own)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (320, 240), (200, 220, 240))
    ImageDraw.Draw(img).ellipse([40, 40, 200, 180], fill=(180, 60, 60))
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    write_bytes(path, buf.getvalue())
