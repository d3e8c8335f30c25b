"""Evidence trees laid out the way other offices do it, with real small documents.

Each ``Tree`` lists the files it writes and the rule each must land on (None: it must stay
unmatched and be listed in the report, with the reason's key words).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from PIL import Image, ImageDraw

MTIME = 1656000000  # 2022-06-23


def _docx(path: Path, lines: list[str]) -> None:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))


def _pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    y = 780
    for line in lines:
        page.drawString(60, y, line)
        y -= 18
    page.save()


def _xlsx(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(str(path))


def _jpeg(path: Path, taken: str, seed: int) -> None:
    image = Image.new("RGB", (160, 120), (200, 220, 240))
    ImageDraw.Draw(image).ellipse([seed % 100, 20, seed % 100 + 50, 70], fill=(seed % 255, 80, 90))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = taken
    image.save(str(path), "JPEG", exif=exif)


SIGN = ["KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR,", "ttd.", "TRIASTUTI SURYANDARI"]


def _document(lines: list[str]) -> Callable[[Path], None]:
    """A PDF or a DOCX, as the file name says."""
    return lambda p: (_pdf if p.suffix.lower() == ".pdf" else _docx)(p, lines)


def undangan(day: str) -> Callable[[Path], None]:
    return _document(["Nomor : 12/PK.01-Und/3313/2022", "Hal : Undangan", f"Karanganyar, {day}",
                      *SIGN])


def daftar_hadir(day: str) -> Callable[[Path], None]:
    return _document(["DAFTAR HADIR", f"Hari/Tanggal : {day}", "No Nama Jabatan Tanda Tangan"])


def risalah(day: str) -> Callable[[Path], None]:
    return _document(["RISALAH RAPAT", f"Hari/Tanggal : {day}", f"Karanganyar, {day}",
                      "Notulis,", "ttd.", "SRI WAHYUNI"])


def laporan(title: str, day: str) -> Callable[[Path], None]:
    return _document([title, "BAB I PENDAHULUAN", "BAB III PENUTUP", f"Karanganyar, {day}", *SIGN])


def sk(day: str, signed: bool = True) -> Callable[[Path], None]:
    return _document(["KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
                      "MEMUTUSKAN", f"Ditetapkan di Karanganyar pada tanggal {day}",
                      *(SIGN if signed else SIGN[:1] + SIGN[2:])])


def tabel(title: str, day: str) -> Callable[[Path], None]:
    return lambda p: _xlsx(p, [[title], [f"Keadaan {day}"], ["NO", "NAMA", "JABATAN"],
                               [1, "Budi", "Staf"]])


def photo(taken: str, seed: int = 1) -> Callable[[Path], None]:
    return lambda p: _jpeg(p, taken, seed)


def raw(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


@dataclass
class Tree:
    """Files to write: path -> (writer, rule id it lands on or None, words of its reason)."""

    files: dict[str, tuple[Callable[[Path], None], str | None, tuple[str, ...]]] = \
        field(default_factory=dict)

    def lands(self, path: str, writer: Callable[[Path], None], rule_id: str) -> None:
        self.files[path] = (writer, rule_id, ())

    def stays(self, path: str, writer: Callable[[Path], None], *reason: str) -> None:
        self.files[path] = (writer, None, reason)

    def write(self, root: Path) -> Path:
        for relpath, (writer, _, _) in self.files.items():
            path = root / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            writer(path)
            os.utime(path, (MTIME, MTIME))
        return root

    @property
    def expected(self) -> dict[str, str]:
        return {p: r for p, (_, r, _) in self.files.items() if r is not None}

    @property
    def unmatched(self) -> dict[str, tuple[str, ...]]:
        return {p: why for p, (_, r, why) in self.files.items() if r is None and why}
