#!/usr/bin/env python3
"""Generate an evidence tree shaped like a real ZI drive, outside the repo (fixed seed).

Area / item / rule folders of the seed plan, month folders under some rules, and files
cycled from a set of real documents: text PDFs, signed PDFs (ttd.), a few scanned PDFs
(image only: OCR), DOCX, XLSX, JPEG with and without EXIF, PNG screenshots, and noise
(Thumbs.db, ~$ lock files) that the walk must skip.

    .venv/bin/python bench/make_tree.py --files 1000 --out /tmp/zi-bench-1000
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
import openpyxl  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from auditor.rules.load import load_rules  # noqa: E402

MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
          "Desember").split()
WIB = timezone(timedelta(hours=7))
# (kind of file, weight): roughly what a KPU office drive holds.
MIX = (("pdf_text", 22), ("pdf_signed", 14), ("pdf_scanned", 1), ("docx", 20), ("xlsx", 6),
       ("jpeg_exif", 18), ("jpeg_plain", 8), ("png", 6), ("noise", 5))
NAMES = {
    "pdf_text": "{n:02d}. Undangan Rakor ZI {d} {m}.pdf", "pdf_signed": "SK {n} {m} 2022.pdf",
    "pdf_scanned": "scan{n:04d}.pdf", "docx": "DH_rakor_{n}.docx",
    "xlsx": "Rekap {m} {n}.xlsx", "jpeg_exif": "IMG_2022{mm:02d}{d:02d}_0935{n:04d}.jpg",
    "jpeg_plain": "WhatsApp Image 2022-{mm:02d}-{d:02d} at 10.12.{n:04d}.jpeg",
    "png": "Screenshot_2022-{mm:02d}-{d:02d}-{n}.png",
}


def _pdf(lines: list[str], image: Image.Image | None = None) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    if image is not None:
        from reportlab.lib.utils import ImageReader

        page.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    else:
        y = 800
        for line in lines:
            page.drawString(72, y, line)
            y -= 16
    page.showPage()
    page.save()
    return buffer.getvalue()


def _letter(day: int, month: int, signed: bool, body: int) -> list[str]:
    text = [f"Paragraf isi surat nomor {i} tentang Zona Integritas KPU Kabupaten Karanganyar."
            for i in range(body)]
    return ["KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "Hal : Undangan", *text,
            f"Karanganyar, {day} {MONTHS[month - 1]} 2022", "KETUA KOMISI PEMILIHAN UMUM",
            "KABUPATEN KARANGANYAR,", "ttd." if signed else "", "TRIASTUTI SURYANDARI"]


def _picture(rng: random.Random, size: tuple[int, int] = (800, 600)) -> Image.Image:
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(10):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.rectangle((x, y, x + 150, y + 100), fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


def _scanned_page(day: int, month: int) -> Image.Image:
    image = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(_letter(day, month, True, 12)):
        draw.text((120, 150 + 40 * i), line, fill=0)
    return image


def templates(rng: random.Random) -> dict[str, list[bytes]]:
    """A few real documents of each kind; the tree cycles through them."""
    out: dict[str, list[bytes]] = {k: [] for k, _ in MIX}
    for i in range(24):
        day, month = 1 + i % 27, 1 + i % 12
        out["pdf_text"].append(_pdf(_letter(day, month, False, 5 + i % 20)))
        out["pdf_signed"].append(_pdf(_letter(day, month, True, 3 + i % 10)))
        document = docx.Document()
        for line in ["DAFTAR HADIR", f"Hari/Tanggal : {day} {MONTHS[month - 1]} 2022",
                     *[f"{n}. Pegawai {n} Staf" for n in range(1, 20 + i)]]:
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        out["docx"].append(buffer.getvalue())
        book = openpyxl.Workbook()
        book.active["A1"] = f"DATA NOMINATIF PEGAWAI BULAN {MONTHS[month - 1].upper()} 2022"
        for n in range(40):
            book.active.append([n, f"Pegawai {n}", "Staf", 1980 + n % 20])
        buffer = io.BytesIO()
        book.save(buffer)
        out["xlsx"].append(buffer.getvalue())
        for kind, exif in (("jpeg_exif", True), ("jpeg_plain", False)):
            buffer = io.BytesIO()
            params: dict[str, object] = {"quality": 75}
            if exif:
                data = Image.Exif()
                data.get_ifd(0x8769)[0x9003] = f"2022:{month:02d}:{day:02d} 09:35:12"
                params["exif"] = data.tobytes()
            _picture(rng).save(buffer, "JPEG", **params)
            out[kind].append(buffer.getvalue())
        buffer = io.BytesIO()
        _picture(rng, (1280, 720)).convert("P", palette=Image.ADAPTIVE).save(buffer, "PNG")
        out["png"].append(buffer.getvalue())
    for i in range(3):
        out["pdf_scanned"].append(_pdf([], _scanned_page(3 + i, 5)))
    out["noise"] = [b"\0" * 512]
    return out


def build(out: Path, files: int, seed: int = 2022, *, flat: bool = False) -> int:
    """``files`` files over the rule folders of the seed plan; ``flat``: all of them in the
    folder of one rule (the office that drops a year of photos in one place)."""
    rng = random.Random(seed)
    rules = load_rules(REPO / "rules" / "kpu-karanganyar-2022.yaml").rules
    if out.exists():
        shutil.rmtree(out)
    docs = templates(rng)
    kinds = [k for k, w in MIX for _ in range(w)]
    for n in range(files):
        rule = rules[n % len(rules)]
        kind = rng.choice(kinds)
        month = rng.choice(rule.months)
        day = rng.randrange(1, 28)
        folder = out / (rules[0].folder if flat else rule.folder)
        if not flat and rule.id.endswith(("1", "4")) and len(rule.months) > 1:
            folder = folder / f"{month:02d} {MONTHS[month - 1]}"
        if kind == "noise":
            name = rng.choice(("Thumbs.db", f"~$Undangan {n}.docx", f".~lock.DH {n}.docx#"))
            data = docs["noise"][0]
        else:
            name = NAMES[kind].format(n=n, d=day, m=MONTHS[month - 1], mm=month)
            data = rng.choice(docs[kind])
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        when = datetime(2022, month, day, 10, tzinfo=WIB).timestamp()
        os.utime(path, (when, when))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--flat", action="store_true", help="every file in one folder")
    args = parser.parse_args()
    out = args.out or Path(f"/tmp/zi-bench-{'flat-' if args.flat else ''}{args.files}")
    if out.resolve().is_relative_to(REPO):
        parser.error("the tree goes outside the repository")
    build(out, args.files, args.seed, flat=args.flat)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
