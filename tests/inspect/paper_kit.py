"""Builders of the paper real offices keep: letters, phone photos, scans, event photos, screenshots.

Everything is drawn here with Pillow / numpy / OpenCV (no file from outside the tests):

- ``letter_page``: an A4 letter (kop, Nomor/Lampiran/Hal, body with decoy dates, a signature
  block on the right with a hand-drawn ink signature, a round stamp over it, the name
  underlined and the NIP); options for a handwritten day, an empty signature space, a page
  cut below the office line, the date at the top right instead of in the block;
- ``phone_photo``: that page photographed: grey paper, a few degrees of rotation, a mild
  perspective, a wooden table around it, maybe a thumb at the edge, blur and JPEG noise;
- ``event_photo``: a colourful photo of a meeting (banner, people, chairs) with its EXIF date;
- ``sk_pages`` + ``scanned_pdf``: a many-page decree scanned to an image-only PDF, its
  "Ditetapkan di ... pada tanggal" on a late page;
- ``screenshot_png``: an app screen with no date in its pixels unless asked;
- ``docx_with_created``: a DOCX whose only date is in its core properties.
"""

from __future__ import annotations

import io
import math
import random
import shutil
import subprocess
from datetime import date, datetime
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

A4_MM = (210, 297)
INK_BLUE = (20, 35, 120)
INK_BLACK = (25, 25, 30)
STAMP_PURPLE = (110, 50, 150)
STAMP_BLUE = (40, 70, 170)
STAMP_GREY = (90, 90, 100)
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

# --------------------------------------------------------------------------- fonts


@cache
def _font_path(bold: bool = False, serif: bool = False) -> str | None:
    family = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "")
    fallback = Path("/usr/share/fonts/truetype/dejavu") / f"{family}.ttf"
    if fallback.is_file():
        return str(fallback)
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", family.replace("-", ":style=")],
                                 capture_output=True, text=True, timeout=10).stdout.strip()
            if out and Path(out).is_file():
                return out
        except (OSError, subprocess.SubprocessError):
            pass
    return None


@cache
def font(size: int, bold: bool = False, serif: bool = False) -> ImageFont.ImageFont:
    path = _font_path(bold, serif)
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def indonesian_date(value: date, month_style: str = "full") -> str:
    month = MONTHS_ID[value.month - 1]
    if month_style == "nopember" and value.month == 11:
        month = "Nopember"
    if month_style == "pebruari" and value.month == 2:
        month = "Pebruari"
    return f"{value.day} {month} {value.year}"


# --------------------------------------------------------------------------- ink


def _bezier(points: list[tuple[float, float]], steps: int = 40) -> list[tuple[float, float]]:
    """A Catmull-Rom curve through the points (smooth, passes through each)."""
    out: list[tuple[float, float]] = []
    pts = [points[0], *points, points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            x = 0.5 * (2 * p1[0] + (-p0[0] + p2[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                       + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3)
            y = 0.5 * (2 * p1[1] + (-p0[1] + p2[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                       + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3)
            out.append((x, y))
    out.append(points[-1])
    return out


def _stroke(draw: ImageDraw.ImageDraw, pts: list[tuple[float, float]], ink: tuple[int, ...],
            width: float, rng: random.Random) -> None:
    """A pen stroke: varying width (pressure), round ends."""
    n = len(pts)
    for i in range(n - 1):
        pressure = 0.65 + 0.35 * math.sin(math.pi * i / max(1, n - 1)) + rng.uniform(-0.08, 0.08)
        w = max(1.5, width * pressure)
        (x0, y0), (x1, y1) = pts[i], pts[i + 1]
        draw.line([(x0, y0), (x1, y1)], fill=ink, width=round(w))
        r = w / 2
        draw.ellipse([x1 - r, y1 - r, x1 + r, y1 + r], fill=ink)


def draw_signature(img: Image.Image, box: tuple[int, int, int, int], *, ink: tuple[int, ...] = INK_BLUE,
                   seed: int = 0, width: float = 4.0) -> None:
    """A hand-written-looking signature in ``box``: looping strokes, a flourish, no letters."""
    rng = random.Random(seed)
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    colour = (*ink[:3], 235)
    # 1: the main looping stroke (a prolate cycloid: loops that overlap)
    loops = rng.randint(3, 5)
    r = h * rng.uniform(0.22, 0.32)
    pts = []
    for i in range(loops * 24 + 1):
        t = i / 24 * 2 * math.pi
        x = x0 + w * 0.08 + (w * 0.62) * (i / (loops * 24)) - r * 0.9 * math.sin(t)
        y = y0 + h * 0.5 - r * math.cos(t) * (1 + 0.25 * math.sin(t / 3 + seed)) + h * 0.12 * math.sin(t / loops)
        pts.append((x + rng.uniform(-1, 1), y + rng.uniform(-1, 1)))
    _stroke(draw, pts, colour, width, rng)
    # 2: a tall first letter-like loop
    cx, cy = x0 + w * 0.12, y0 + h * 0.45
    tall = [(cx - w * 0.05, cy + h * 0.3), (cx + w * 0.03, cy - h * 0.45), (cx + w * 0.07, cy - h * 0.3),
            (cx, cy + h * 0.05), (cx + w * 0.09, cy + h * 0.15)]
    _stroke(draw, _bezier(tall, 18), colour, width, rng)
    # 3: the flourish under it, from right to left
    fl = [(x0 + w * rng.uniform(0.75, 0.95), y0 + h * rng.uniform(0.35, 0.55)),
          (x0 + w * 0.6, y0 + h * 0.8), (x0 + w * 0.3, y0 + h * rng.uniform(0.75, 0.9)),
          (x0 + w * 0.05, y0 + h * 0.7)]
    _stroke(draw, _bezier(fl, 30), colour, width * 0.8, rng)
    # 4: one or two short ticks (the dot and the dash people add)
    for _ in range(rng.randint(1, 2)):
        tx, ty = x0 + w * rng.uniform(0.6, 0.9), y0 + h * rng.uniform(0.1, 0.3)
        _stroke(draw, _bezier([(tx, ty), (tx + w * 0.05, ty - h * 0.05), (tx + w * 0.12, ty + h * 0.02)], 10),
                colour, width * 0.7, rng)
    img.paste(layer.filter(ImageFilter.GaussianBlur(0.6)), (0, 0), layer.filter(ImageFilter.GaussianBlur(0.6)))


_DIGITS: dict[str, list[list[tuple[float, float]]]] = {  # pen paths in a 0.6 x 1 box
    "0": [[(0.3, 0), (0.05, 0.5), (0.3, 1), (0.55, 0.5), (0.3, 0)]],
    "1": [[(0.15, 0.2), (0.4, 0), (0.38, 1)]],
    "2": [[(0.05, 0.25), (0.3, 0), (0.55, 0.25), (0.05, 1), (0.6, 0.95)]],
    "3": [[(0.05, 0.1), (0.5, 0.05), (0.25, 0.45), (0.55, 0.7), (0.3, 1), (0.0, 0.9)]],
    "4": [[(0.45, 0), (0.0, 0.65), (0.6, 0.65)], [(0.45, 0.3), (0.45, 1)]],
    "5": [[(0.55, 0), (0.1, 0), (0.05, 0.45), (0.5, 0.5), (0.5, 0.9), (0.05, 0.95)]],
    "6": [[(0.5, 0.05), (0.1, 0.5), (0.2, 1), (0.55, 0.75), (0.3, 0.5), (0.1, 0.7)]],
    "7": [[(0, 0), (0.6, 0), (0.2, 1)]],
    "8": [[(0.3, 0.5), (0.05, 0.25), (0.3, 0), (0.55, 0.25), (0.3, 0.5), (0.0, 0.75), (0.3, 1), (0.6, 0.75),
           (0.3, 0.5)]],
    "9": [[(0.5, 0.3), (0.3, 0), (0.05, 0.25), (0.3, 0.5), (0.55, 0.25), (0.5, 1)]],
}


def draw_scribbled_day(img: Image.Image, xy: tuple[int, int], height: int, *, ink: tuple[int, ...] = INK_BLUE,
                       seed: int = 0, digits: str | None = None) -> int:
    """The day written by hand in ink. With ``digits`` the digits are drawn plainly (a person
    reads them); without, a hurried scribble of loops (a person cannot tell the day).
    Returns the width used."""
    rng = random.Random(seed)
    draw = ImageDraw.Draw(img)
    x, y = xy
    h = height
    width = max(2.0, h * 0.09)
    if digits:
        cx = x
        for ch in digits:
            for path in _DIGITS.get(ch, []):
                pts = [(cx + px * h * 0.8 + rng.uniform(-1.5, 1.5), y + py * h + rng.uniform(-1.5, 1.5) - px * h * 0.15)
                       for px, py in path]
                _stroke(draw, _bezier(pts, 14), (*ink[:3],), width, rng)
            cx += round(h * 0.62)
        return cx - x
    # hurried: three tight overlapping loops running into a falling tail
    pts = []
    for i in range(3 * 18 + 1):
        t = i / 18 * 2 * math.pi
        px = x + h * 0.12 + h * 0.9 * i / 54 - h * 0.22 * math.sin(t)
        py = y + h * 0.45 - h * 0.3 * math.cos(t) * (1 + 0.3 * math.sin(t / 2 + seed))
        pts.append((px + rng.uniform(-1, 1), py + rng.uniform(-1, 1)))
    pts += _bezier([pts[-1], (x + h * 1.1, y + h * 0.9), (x + h * 0.7, y + h * 1.25)], 10)
    _stroke(draw, pts, (*ink[:3],), width * 0.8, rng)
    return round(h * 1.25)


def draw_stamp(img: Image.Image, centre: tuple[int, int], radius: int, *, colour: tuple[int, ...] = STAMP_PURPLE,
               ring_text: str = "PEMERINTAH KABUPATEN JOMBANG", inner: str = "BAPPEDA", seed: int = 0,
               alpha: int = 190) -> None:
    """A round rubber stamp: two rings, text around, a word across the middle; semi-transparent."""
    rng = random.Random(seed)
    size = radius * 2 + 20
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    c = size // 2
    d.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=max(3, radius // 28))
    ri = round(radius * 0.72)
    d.ellipse([c - ri, c - ri, c + ri, c + ri], outline=255, width=max(2, radius // 50))
    # letters around, between the rings
    f = font(max(10, radius // 7), bold=True)
    text = ring_text.upper()
    span = 1.6 * math.pi
    start = -math.pi / 2 - span / 2
    rr = (radius + ri) / 2
    for i, ch in enumerate(text):
        a = start + span * (i + 0.5) / len(text)
        glyph = Image.new("L", (f.size * 2, f.size * 2), 0)
        ImageDraw.Draw(glyph).text((f.size, f.size), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        gx, gy = c + rr * math.cos(a) - f.size, c + rr * math.sin(a) - f.size
        layer.paste(255, (round(gx), round(gy)), glyph)
    # the star at the bottom and the word in the middle (a box, as on many office stamps)
    d.regular_polygon((c, c + round(rr), max(4, radius // 14)), 5, fill=255)
    fi = font(max(10, radius // 6), bold=True)
    tw = d.textlength(inner, font=fi)
    d.rectangle([c - tw / 2 - 6, c - fi.size * 0.8, c + tw / 2 + 6, c + fi.size * 0.8], outline=255, width=2)
    d.text((c, c), inner, font=fi, fill=255, anchor="mm")
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    # uneven ink: a rubber stamp never prints evenly
    noise = np.asarray(layer, dtype=np.float32) / 255.0
    rs = np.random.default_rng(seed)
    patch = rs.uniform(0.45, 1.0, (size // 16 + 1, size // 16 + 1)).astype(np.float32)
    patch = np.asarray(Image.fromarray((patch * 255).astype(np.uint8)).resize((size, size), Image.BICUBIC),
                       dtype=np.float32) / 255.0
    mask = Image.fromarray((noise * patch * alpha).clip(0, 255).astype(np.uint8))
    solid = Image.new("RGB", (size, size), colour[:3])
    img.paste(solid, (centre[0] - c, centre[1] - c), mask)


# --------------------------------------------------------------------------- the letter

DEFAULT_KOP = ("PEMERINTAH KABUPATEN JOMBANG", "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
               "Jalan KH. Wahid Hasyim 141 Telepon (0321) 861560 Jombang 61411")
DEFAULT_OFFICE = ("KEPALA BADAN PERENCANAAN", "PEMBANGUNAN DAERAH,")


def default_body(meeting: str = "Jumat, 27 September 2019", cited: str = "3 September 2019",
                 town: str = "Jombang") -> list[str]:
    """Body paragraphs of an invitation: a cited earlier letter and a meeting day (decoys).
    A line starting with a tab is a "Label : value" row; other lines are wrapped paragraphs."""
    return [
        f"Menindaklanjuti surat Inspektorat tanggal {cited} perihal Rencana Aksi Pemberantasan "
        f"Korupsi Terintegrasi Kabupaten {town}, dengan hormat kami mengharap kehadiran Saudara "
        "pada rapat yang akan dilaksanakan pada:",
        "",
        f"\tHari/Tanggal : {meeting}",
        "\tWaktu : 09.00 WIB s.d. selesai",
        f"\tTempat : Ruang Rapat Bappeda Kab. {town}",
        "\tAcara : Pembahasan Rencana Aksi Zona Integritas",
        "",
        "Demikian atas perhatian dan kerjasamanya disampaikan terima kasih.",
    ]


def notice_body(cited: str = "3 September 2019", town: str = "Jombang") -> list[str]:
    """Body of a letter with no day of its own: only a cited earlier letter (a decoy)."""
    return [
        f"Menindaklanjuti surat Inspektorat Kabupaten {town} Nomor 700/412/415.10/2019 tanggal {cited} "
        "perihal Pembangunan Zona Integritas, bersama ini kami sampaikan usulan nama pegawai yang "
        "ditunjuk sebagai anggota Tim Kerja Zona Integritas.",
        "",
        "\tNama : Endang Novitriana, S.E.",
        "\tJabatan : Analis Perencanaan",
        "\tUnit Kerja : Bidang Perencanaan",
        "",
        "Demikian untuk menjadi maklum dan kami sampaikan terima kasih.",
    ]


def letter_page(lines: list[str] | None = None, *, signed: bool = True, stamp: bool = True,
                town: str = "Jombang", date_text: str = "24 September 2019",
                kop: tuple[str, ...] = DEFAULT_KOP, office: tuple[str, ...] = DEFAULT_OFFICE,
                name: str = "Ir. BUDI SANTOSO, M.Si.", nip: str = "NIP. 19680512 199303 1 008",
                rank: str | None = "Pembina Utama Muda", number: str = "005/291/415.42/2019",
                subject: str = "Undangan", handwritten_day: bool | str = False, date_at_top: bool = False,
                crop: str | None = None, ink: tuple[int, ...] = INK_BLUE,
                stamp_colour: tuple[int, ...] = STAMP_PURPLE, stamp_text: str | None = None,
                stamp_inner: str = "BAPPEDA", dpi: int = 160, seed: int = 0) -> Image.Image:
    """An A4 letter page (RGB, white paper) at ``dpi``.

    ``date_text`` is drawn literally ("I Februari 2023", "12 Nopember 2019"); with
    ``handwritten_day`` its day is written by hand in ink instead of typed: True, a hurried
    scribble no one can read; "legible", plain hand-written digits a person reads. ``date_at_top`` puts the
    place/date line at the top right (beside Nomor, as many regional letters do) and none in
    the block. ``crop``: None, "office" (the page ends just below the office line: the
    signature cannot be seen) or "block" (the page ends above the whole signature block).
    """
    rng = random.Random(seed)
    W, H = round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    pt = dpi / 72
    body_f, bold_f = font(round(11.5 * pt)), font(round(11.5 * pt), bold=True)
    left, right = round(W * 0.11), round(W * 0.91)
    line_h = round(11.5 * pt * 1.55)

    # kop: a crest, the office name, the address, a thick and a thin rule
    y = round(H * 0.04)
    crest = (left, y, left + round(1.0 * dpi * 0.75), y + round(1.0 * dpi * 0.85))
    cx = (crest[0] + crest[2]) / 2
    d.polygon([(crest[0], crest[1]), (crest[2], crest[1]), (crest[2], crest[1] + (crest[3] - crest[1]) * 0.6),
               (cx, crest[3]), (crest[0], crest[1] + (crest[3] - crest[1]) * 0.6)], outline=(20, 20, 20), width=3)
    d.polygon([(cx, crest[1] + 12), (cx + 18, crest[3] - 30), (cx - 18, crest[3] - 30)], outline=(20, 20, 20), width=2)
    centre = (left + round(dpi * 0.9) + right) / 2
    sizes = [13, 15] + [9] * (len(kop) - 2)
    for i, text in enumerate(kop):
        f = font(round(sizes[min(i, len(sizes) - 1)] * pt), bold=i < 2, serif=i < 2)
        d.text((centre, y), text, font=f, fill=(15, 15, 15), anchor="ma")
        y += round(f.size * 1.35)
    y = max(y, crest[3]) + round(dpi * 0.06)
    d.line([(left - 10, y), (right + 10, y)], fill=(15, 15, 15), width=max(3, dpi // 40))
    d.line([(left - 10, y + 7), (right + 10, y + 7)], fill=(15, 15, 15), width=1)
    y += round(line_h * 1.2)

    col2 = left + round(dpi * 1.0)
    mid = round(W * 0.58)

    def date_line(x: int, yy: int) -> None:
        text = f"{town}, {date_text}"
        if not handwritten_day:
            d.text((x, yy), text, font=body_f, fill=(15, 15, 15))
            return
        day, _, rest = date_text.partition(" ")
        head = f"{town}, "
        d.text((x, yy), head, font=body_f, fill=(15, 15, 15))
        x2 = x + round(d.textlength(head, font=body_f))
        used = draw_scribbled_day(img, (x2 + 4, yy - round(body_f.size * 0.35)), round(body_f.size * 1.3),
                                  ink=ink, seed=seed + 7, digits=day if handwritten_day == "legible" else None)
        d.text((x2 + used + 14, yy), rest, font=body_f, fill=(15, 15, 15))
        del day

    if date_at_top:
        date_line(mid, y)
        y += line_h
    top_y = y
    for label, value in (("Nomor", number), ("Sifat", "Penting"), ("Lampiran", "-"), ("Hal", subject)):
        d.text((left, y), label, font=body_f, fill=(15, 15, 15))
        d.text((col2, y), f":  {value}", font=body_f, fill=(15, 15, 15))
        y += line_h
    yy = top_y
    for text in ("Kepada", "Yth. Inspektur Kabupaten", f"      {town}", "di -", f"      {town.upper()}"):
        d.text((mid, yy), text, font=bold_f if text.strip().isupper() else body_f, fill=(15, 15, 15))
        yy += line_h
    y = max(y, yy) + line_h

    width = right - left
    for text in (lines if lines is not None else default_body(town=town)):
        if text.startswith("\t"):
            label, _, value = text[1:].partition(":")
            d.text((col2, y), label.strip(), font=body_f, fill=(15, 15, 15))
            d.text((col2 + round(dpi * 1.2), y), f": {value.strip()}", font=body_f, fill=(15, 15, 15))
            y += line_h
        elif text:  # a paragraph: first line indented, wrapped at the right margin
            x, line = col2, ""
            for word in text.split():
                trial = f"{line} {word}".strip()
                if d.textlength(trial, font=body_f) > right - x and line:
                    d.text((x, y), line, font=body_f, fill=(15, 15, 15))
                    y, x, line = y + line_h, left, word
                else:
                    line = trial
            d.text((x, y), line, font=body_f, fill=(15, 15, 15))
            y += line_h
        else:
            y += round(line_h * 0.6)
    del width
    y += line_h

    # the signature block, on the right half
    bx = mid - round(dpi * 0.2)
    if crop == "block":
        return img.crop((0, 0, W, y - round(line_h * 0.3)))
    if not date_at_top:
        date_line(bx, y)
        y += line_h
    office_top = y
    for text in office:
        d.text((bx, y), text, font=bold_f, fill=(15, 15, 15))
        y += line_h
    if crop == "office":
        return img.crop((0, 0, W, y + round(line_h * 0.2)))
    space = round(dpi * 0.95)
    sig_box = (bx + round(dpi * 0.3), y - round(dpi * 0.1), bx + round(dpi * 2.1), y + space - round(dpi * 0.05))
    if signed:
        draw_signature(img, sig_box, ink=ink, seed=seed + 1, width=max(3.0, dpi / 42))
    if stamp and signed:
        radius = round(dpi * 0.75)
        draw_stamp(img, (bx - round(dpi * 0.05) + rng.randint(-10, 10), office_top + line_h + radius // 2),
                   radius, colour=stamp_colour, seed=seed + 2,
                   ring_text=stamp_text or " ".join(kop[:1]), inner=stamp_inner)
    y += space
    d = ImageDraw.Draw(img)
    d.text((bx, y), name, font=bold_f, fill=(15, 15, 15))
    tw = d.textlength(name, font=bold_f)
    d.line([(bx, y + bold_f.size + 4), (bx + tw, y + bold_f.size + 4)], fill=(15, 15, 15), width=2)
    y += line_h
    if rank:
        d.text((bx, y), rank, font=body_f, fill=(15, 15, 15))
        y += line_h
    d.text((bx, y), nip, font=body_f, fill=(15, 15, 15))
    return img


# --------------------------------------------------------------------------- photos


def _exif_bytes(img: Image.Image, taken: datetime | str | None, make: str = "samsung",
                model: str = "SM-A505F") -> bytes | None:
    if taken is None:
        return None
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S") if isinstance(taken, datetime) else taken
    exif = img.getexif()
    exif[271], exif[272], exif[306] = make, model, stamp
    sub = exif.get_ifd(0x8769)
    sub[36867] = stamp  # DateTimeOriginal
    sub[36868] = stamp  # DateTimeDigitized
    return exif.tobytes()


def _jpeg(img: Image.Image, quality: int, taken: datetime | str | None) -> bytes:
    buf = io.BytesIO()
    exif = _exif_bytes(img, taken)
    if exif:
        img.save(buf, "JPEG", quality=quality, exif=exif)
    else:
        img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def _table_texture(w: int, h: int, rs: np.random.Generator) -> np.ndarray:
    """Wood: brown, grain along x, darker knots, noise."""
    ys = np.arange(h, dtype=np.float32)[:, None]
    xs = np.arange(w, dtype=np.float32)[None, :]
    # long wavy grain lines whose spacing drifts, broken by fine noise (not a regular sine)
    low = rs.normal(0, 1, (h // 40 + 2, w // 200 + 2)).astype(np.float32)
    import cv2

    drift = cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC) * 25
    warp = 10 * np.sin(xs / rs.uniform(250, 400) + rs.uniform(0, 6)) + drift
    grain = 0.5 + 0.5 * np.sin((ys + warp) / rs.uniform(3, 6))
    streak = cv2.resize(rs.normal(0, 1, (h, max(2, w // 60))).astype(np.float32), (w, h),
                        interpolation=cv2.INTER_LINEAR)
    grain = (grain ** 2) * 0.7 + 0.15 * streak
    base = np.array(rs.choice([(112, 74, 44), (92, 60, 38), (125, 88, 55)]), dtype=np.float32)
    wood = base[None, None, :] * (0.8 + 0.25 * grain[..., None])
    wood += rs.normal(0, 6, (h, w, 1)).astype(np.float32)
    return wood.clip(0, 255)


def _hand(canvas: np.ndarray, rs: np.random.Generator) -> None:
    """A thumb over one edge of the frame: a blurred skin-coloured ellipse."""
    h, w = canvas.shape[:2]
    mask = Image.new("L", (w, h), 0)
    side = rs.integers(0, 3)
    if side == 0:  # bottom edge
        box = (w * 0.55, h * 0.9, w * 0.8, h * 1.1)
    elif side == 1:  # left edge
        box = (-w * 0.06, h * 0.55, w * 0.1, h * 0.7)
    else:  # right edge
        box = (w * 0.92, h * 0.35, w * 1.08, h * 0.5)
    ImageDraw.Draw(mask).ellipse(box, fill=255)
    m = np.asarray(mask.filter(ImageFilter.GaussianBlur(8)), dtype=np.float32)[..., None] / 255.0
    skin = np.array((196, 142, 112), dtype=np.float32)
    shade = np.linspace(0.85, 1.05, w, dtype=np.float32)[None, :, None]
    canvas[:] = canvas * (1 - m) + skin * shade * m


def phone_photo_image(page: Image.Image, *, angle: float = 3.5, paper_grey: int = 160,
                      perspective: bool = True, table: bool = True, hand: bool = False, seed: int = 0,
                      size: tuple[int, int] = (1200, 1600), fill: float = 0.9,
                      blur: float = 0.9) -> Image.Image:
    """The page as a phone sees it (PIL RGB): grey paper, turned, on a table."""
    rs = np.random.default_rng(seed)
    fw, fh = size
    # paper tone: white -> paper_grey, ink stays dark; light falls unevenly, a slight tint
    pg = np.asarray(page.convert("RGB"), dtype=np.float32) / 255.0
    ph, pw = pg.shape[:2]
    gy = np.linspace(0, 1, ph, dtype=np.float32)[:, None]
    gx = np.linspace(0, 1, pw, dtype=np.float32)[None, :]
    light = 1.0 + 0.08 * (gx - 0.5) * rs.choice([-1, 1]) + 0.06 * (gy - 0.5) * rs.choice([-1, 1])
    tint = np.array([1.0, rs.uniform(0.97, 1.0), rs.uniform(0.9, 0.99)], dtype=np.float32)  # warm light
    paper = pg * paper_grey * light[..., None] * tint  # ink keeps its darkness ratio
    paper = paper.clip(0, 255)
    # where the paper goes in the frame
    scale = min(fw * fill / pw, fh * fill / ph)
    dw, dh = pw * scale, ph * scale
    cx, cy = fw / 2 + rs.uniform(-0.02, 0.02) * fw, fh / 2 + rs.uniform(-0.02, 0.02) * fh
    corners = np.array([[-dw / 2, -dh / 2], [dw / 2, -dh / 2], [dw / 2, dh / 2], [-dw / 2, dh / 2]], dtype=np.float32)
    a = math.radians(angle)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]], dtype=np.float32)
    corners = corners @ rot.T
    if perspective:  # the phone tilted: the far (top) edge is a little narrower
        k = rs.uniform(0.015, 0.035)
        corners[0, 0] += dw * k
        corners[1, 0] -= dw * k
        corners += rs.uniform(-0.008, 0.008, corners.shape).astype(np.float32) * np.array([dw, dh], dtype=np.float32)
    corners += np.array([cx, cy], dtype=np.float32)
    import cv2

    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    warped = cv2.warpPerspective(paper, m, (fw, fh), flags=cv2.INTER_AREA, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (fw, fh), flags=cv2.INTER_LINEAR)[..., None]
    if table:
        back = _table_texture(fw, fh, rs)
    else:
        back = np.full((fh, fw, 3), rs.uniform(55, 80), np.float32) + rs.normal(0, 5, (fh, fw, 1)).astype(np.float32)
    # a soft shadow of the paper on the table
    shadow = cv2.GaussianBlur(mask, (0, 0), 12)
    if shadow.ndim == 2:
        shadow = shadow[..., None]
    back = back * (1 - 0.35 * shadow)
    frame = back * (1 - mask) + warped * mask
    if hand:
        _hand(frame, rs)
    frame = cv2.GaussianBlur(frame, (0, 0), blur)
    frame += rs.normal(0, 3.0, frame.shape).astype(np.float32)
    return Image.fromarray(frame.clip(0, 255).astype(np.uint8))


def phone_photo(page: Image.Image, *, angle: float = 3.5, paper_grey: int = 160, perspective: bool = True,
                table: bool = True, hand: bool = False, seed: int = 0, size: tuple[int, int] = (1200, 1600),
                quality: int = 80, taken: datetime | str | None = None) -> bytes:
    """JPEG bytes of ``phone_photo_image``; ``taken`` writes EXIF DateTimeOriginal."""
    img = phone_photo_image(page, angle=angle, paper_grey=paper_grey, perspective=perspective, table=table,
                            hand=hand, seed=seed, size=size)
    return _jpeg(img, quality, taken)


def event_photo(seed: int = 0, *, taken: datetime | str | None = datetime(2019, 9, 27, 9, 41, 7),
                size: tuple[int, int] = (1600, 1200), banner: str = "RAPAT KOORDINASI ZONA INTEGRITAS",
                quality: int = 85) -> bytes:
    """JPEG bytes of a meeting photo: wall, red/white banner with text, people, chairs, a table."""
    rng = random.Random(seed)
    rs = np.random.default_rng(seed)
    w, h = size
    img = Image.new("RGB", size)
    d = ImageDraw.Draw(img)
    wall = rng.choice([(214, 196, 160), (190, 200, 210), (225, 210, 180)])
    for yy in range(h):  # wall, then a floor
        k = yy / h
        col = tuple(round(c * (0.85 + 0.2 * k)) for c in wall) if k < 0.6 else (120, 95, 80)
        d.line([(0, yy), (w, yy)], fill=col)
    # the banner: red over white, the title across
    bx0, by0, bx1, by1 = w * 0.08, h * 0.06, w * 0.92, h * 0.3
    d.rectangle([bx0, by0, bx1, (by0 + by1) / 2], fill=(200, 25, 35))
    d.rectangle([bx0, (by0 + by1) / 2, bx1, by1], fill=(245, 245, 245))
    bf = font(round(h * 0.045), bold=True)
    d.text((w / 2, by0 + (by1 - by0) * 0.25), banner, font=bf, fill=(255, 255, 255), anchor="mm")
    d.text((w / 2, by0 + (by1 - by0) * 0.75), "MENUJU WILAYAH BEBAS DARI KORUPSI", font=font(round(h * 0.035), bold=True),
           fill=(180, 20, 30), anchor="mm")
    # a table with a green cloth
    d.rectangle([w * 0.05, h * 0.62, w * 0.95, h * 0.72], fill=(30, 110, 60))
    # people: a body (batik/uniform colours), a head, a black peci or a hijab
    colours = [(150, 90, 40), (40, 60, 140), (200, 170, 60), (120, 30, 60), (60, 120, 110), (230, 230, 230),
               (150, 120, 90)]
    for i in range(rng.randint(5, 8)):
        px = w * (0.1 + 0.8 * (i + rng.uniform(0.1, 0.9)) / 8)
        py = h * rng.uniform(0.42, 0.5)
        body = rng.choice(colours)
        d.rounded_rectangle([px - 55, py, px + 55, py + h * 0.28], radius=40, fill=body)
        d.ellipse([px - 32, py - 80, px + 32, py + 5], fill=rng.choice([(196, 142, 112), (170, 120, 90), (215, 165, 130)]))
        if rng.random() < 0.5:
            d.rectangle([px - 30, py - 88, px + 30, py - 58], fill=(20, 20, 20))
        else:
            d.chord([px - 40, py - 92, px + 40, py + 30], 180, 360, fill=rng.choice(colours))
    # chairs in front
    for i in range(6):
        cx = w * (0.1 + i * 0.16)
        d.rectangle([cx, h * 0.78, cx + w * 0.1, h * 0.97], fill=(130, 20, 30))
        d.rectangle([cx + 8, h * 0.74, cx + w * 0.1 - 8, h * 0.8], fill=(150, 30, 40))
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(1.2)), dtype=np.float32)
    arr += rs.normal(0, 5, arr.shape).astype(np.float32)
    return _jpeg(Image.fromarray(arr.clip(0, 255).astype(np.uint8)), quality, taken)


# --------------------------------------------------------------------------- scans and decrees


def scan_look(page: Image.Image, *, seed: int = 0, angle: float = 0.4, grey: int = 245) -> Image.Image:
    """A flatbed scan: nearly white, slightly skewed, dust specks, a soft edge shadow."""
    rs = np.random.default_rng(seed)
    turned = page.convert("RGB").rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    arr = np.asarray(turned, dtype=np.float32) * (grey / 255.0)
    arr += rs.normal(0, 2.5, arr.shape[:2] + (1,)).astype(np.float32)
    h, w = arr.shape[:2]
    for _ in range(40):
        y, x = rs.integers(0, h), rs.integers(0, w)
        arr[y:y + 2, x:x + 2] = 60
    arr[:, : max(2, w // 150)] *= 0.6
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def scanned_pdf(pages: list[Image.Image], path: Path, *, resolution: int = 150) -> Path:
    """An image-only PDF (no text layer), one page per image."""
    path = Path(path)
    rgb = [p.convert("RGB") for p in pages]
    rgb[0].save(path, "PDF", save_all=True, append_images=rgb[1:], resolution=resolution)
    return path


def _text_page(dpi: int) -> tuple[Image.Image, ImageDraw.ImageDraw, int, int, int, int]:
    W, H = round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)
    img = Image.new("RGB", (W, H), (255, 255, 255))
    return img, ImageDraw.Draw(img), W, H, round(W * 0.12), round(H * 0.07)


def sk_pages(n: int = 13, date_page: int = 12, *, town: str = "Sidoarjo", date_text: str = "18 Maret 2019",
             agency: str = "DINAS KOMUNIKASI DAN INFORMATIKA", regency: str = "KABUPATEN SIDOARJO",
             name: str = "Drs. HADI PURNOMO, M.M.", nip: str = "NIP. 19650317 199003 1 006",
             number: str = "188/45/404.1.1/2019", signed: bool = True, stamp: bool = True,
             ink: tuple[int, ...] = INK_BLACK, stamp_colour: tuple[int, ...] = STAMP_BLUE,
             dpi: int = 150, seed: int = 0) -> list[Image.Image]:
    """The pages of a decree (SK) with its annex tables; the "Ditetapkan" block on page
    ``date_page`` (1-based). Decoys: laws in Mengingat, an earlier letter's date."""
    rng = random.Random(seed)
    pt = dpi / 72
    f, fb, ft = font(round(11 * pt)), font(round(11 * pt), bold=True), font(round(12 * pt), bold=True)
    lh = round(11 * pt * 1.5)
    head = f"KEPALA {agency} {regency}"
    pages: list[Image.Image] = []

    def wrap(d: ImageDraw.ImageDraw, x: int, y: int, text: str, width: int, fnt=f) -> int:
        words, line = text.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if d.textlength(trial, font=fnt) > width and line:
                d.text((x, y), line, font=fnt, fill=(15, 15, 15))
                y, line = y + lh, word
            else:
                line = trial
        if line:
            d.text((x, y), line, font=fnt, fill=(15, 15, 15))
            y += lh
        return y

    members = [("Ketua", "Sekretaris Dinas"), ("Wakil Ketua", "Kepala Bidang Aplikasi Informatika"),
               ("Sekretaris", "Kepala Subbagian Umum dan Kepegawaian"), ("Anggota", "Kepala Seksi Persandian"),
               ("Anggota", "Pranata Komputer Ahli Muda"), ("Anggota", "Analis Kebijakan")]
    first_names = ["Agus", "Siti", "Bambang", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Lestari",
                   "Wahyu", "Rina", "Slamet", "Yuni"]

    for p in range(1, n + 1):
        img, d, W, H, left, y = _text_page(dpi)
        right = W - left
        width = right - left
        if p == 1:
            for text in (f"KEPUTUSAN {head}", f"NOMOR {number}", "TENTANG",
                         "PEMBENTUKAN TIM PEMBANGUNAN ZONA INTEGRITAS MENUJU",
                         "WILAYAH BEBAS DARI KORUPSI TAHUN 2019", "", head.replace(" KABUPATEN", ",\nKABUPATEN")):
                for part in text.split("\n"):
                    d.text((W / 2, y), part, font=ft, fill=(15, 15, 15), anchor="ma")
                    y += lh
            y += lh
            d.text((left, y), "Menimbang", font=f, fill=(15, 15, 15))
            y = wrap(d, left + round(dpi * 1.3), y, ": a. bahwa dalam rangka mewujudkan birokrasi yang bersih dan "
                     "akuntabel perlu dibangun Zona Integritas menuju Wilayah Bebas dari Korupsi;", width - round(dpi * 1.3))
            y = wrap(d, left + round(dpi * 1.3), y, "  b. bahwa berdasarkan pertimbangan sebagaimana dimaksud "
                     "dalam huruf a, perlu menetapkan Keputusan Kepala Dinas;", width - round(dpi * 1.3))
            y += lh // 2
            d.text((left, y), "Mengingat", font=f, fill=(15, 15, 15))
            for item in ("1. Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;",
                         "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
                         "3. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                         "Nomor 10 Tahun 2019 tentang Pedoman Pembangunan Zona Integritas;",
                         "4. Surat Sekretaris Daerah Kabupaten tanggal 2 Januari 2019 perihal Pembangunan "
                         "Zona Integritas;"):
                y = wrap(d, left + round(dpi * 1.3), y, ": " + item if item.startswith("1.") else "  " + item,
                         width - round(dpi * 1.3))
        elif p == 2:
            d.text((W / 2, y), "MEMUTUSKAN:", font=ft, fill=(15, 15, 15), anchor="ma")
            y += lh * 2
            for label, text in (("Menetapkan", f"KEPUTUSAN {head} TENTANG PEMBENTUKAN TIM PEMBANGUNAN ZONA "
                                                "INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI TAHUN 2019."),
                                ("KESATU", "Membentuk Tim Pembangunan Zona Integritas dengan susunan sebagaimana "
                                           "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
                                           "Keputusan ini."),
                                ("KEDUA", "Tim sebagaimana dimaksud dalam Diktum KESATU bertugas menyusun rencana "
                                          "aksi, melaksanakan dan melaporkan pembangunan Zona Integritas."),
                                ("KETIGA", "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan "
                                           "pada Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2019.")):
                d.text((left, y), label, font=fb if label.isupper() else f, fill=(15, 15, 15))
                y = wrap(d, left + round(dpi * 1.3), y, ": " + text, width - round(dpi * 1.3)) + lh // 2
        if p == date_page:
            if p > 2:
                y = wrap(d, left, y, "KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan "
                         "ketentuan apabila di kemudian hari terdapat kekeliruan akan dibetulkan sebagaimana "
                         "mestinya.", width)
            y += lh * 2
            bx = round(W * 0.52)
            for text in (f"Ditetapkan di {town}", f"pada tanggal {date_text}"):
                d.text((bx, y), text, font=f, fill=(15, 15, 15))
                y += lh
            y += lh // 4
            d.line([(bx, y), (right, y)], fill=(15, 15, 15), width=1)
            y += lh // 2
            office_top = y
            y = wrap(d, bx, y, f"KEPALA {agency} {regency},", right - bx, fb)
            space = round(dpi * 0.95)
            if signed:
                draw_signature(img, (bx + round(dpi * 0.3), y - round(dpi * 0.1), bx + round(dpi * 2.0),
                                     y + space - round(dpi * 0.05)), ink=ink, seed=seed + 11, width=max(3.0, dpi / 42))
                if stamp:
                    r = round(dpi * 0.75)
                    draw_stamp(img, (bx - round(dpi * 0.05), office_top + lh + r // 2), r, colour=stamp_colour,
                               seed=seed + 12, ring_text=f"PEMERINTAH {regency}", inner="DISKOMINFO")
            y += space
            d.text((bx, y), name, font=fb, fill=(15, 15, 15))
            tw = d.textlength(name, font=fb)
            d.line([(bx, y + fb.size + 4), (bx + tw, y + fb.size + 4)], fill=(15, 15, 15), width=2)
            y += lh
            for text in ("Pembina Utama Muda", nip):
                d.text((bx, y), text, font=f, fill=(15, 15, 15))
                y += lh
        elif p > 2:
            # annex: heading, then a table No | Nama | Jabatan | Kedudukan dalam Tim
            y = wrap(d, round(W * 0.5), y, f"LAMPIRAN {['I', 'II', 'III'][min(2, (p - 3) // 4)]} KEPUTUSAN {head}",
                     right - round(W * 0.5), font(round(9 * pt)))
            d.text((round(W * 0.5), y), f"NOMOR {number}", font=font(round(9 * pt)), fill=(15, 15, 15))
            y += lh * 2
            d.text((W / 2, y), f"SUSUNAN TIM KERJA AREA PERUBAHAN {p - 2}", font=ft, fill=(15, 15, 15), anchor="ma")
            y += lh * 2
            cols = [left, left + round(width * 0.08), left + round(width * 0.4), left + round(width * 0.78), right]
            heads = ["NO", "NAMA / NIP", "JABATAN", "KEDUDUKAN"]
            rows = [[str(i + 1), f"{rng.choice(first_names)} {rng.choice(first_names)}, S.Sos.",
                     members[i % len(members)][1], members[i % len(members)][0]] for i in range(rng.randint(10, 16))]
            for row_i, row in enumerate([heads, *rows]):
                rh = lh * 2
                d.rectangle([cols[0], y, cols[-1], y + rh], outline=(15, 15, 15), width=2)
                for ci in range(4):
                    d.line([(cols[ci], y), (cols[ci], y + rh)], fill=(15, 15, 15), width=2)
                    cell = row[ci]
                    fnt = fb if row_i == 0 else font(round(9.5 * pt))
                    while d.textlength(cell, font=fnt) > cols[ci + 1] - cols[ci] - 12 and len(cell) > 4:
                        cell = cell[:-2]
                    d.text((cols[ci] + 6, y + rh / 2), cell, font=fnt, fill=(15, 15, 15), anchor="lm")
                y += rh
                if y > H * 0.88:
                    break
        # page number at the foot
        d.text((W / 2, H - round(H * 0.04)), f"- {p} -", font=f, fill=(60, 60, 60), anchor="ma")
        pages.append(scan_look(img, seed=seed + p, angle=rng.uniform(-0.5, 0.5)))
    return pages


# --------------------------------------------------------------------------- screenshots and DOCX


def screenshot_png(name_date: datetime | date | None = None, *, shown_date: str | None = None,
                   seed: int = 0, size: tuple[int, int] = (1080, 2220)) -> tuple[str, bytes]:
    """(file name, PNG bytes) of a phone screenshot of an app page.

    The name is "Screenshot_YYYYMMDD-HHMMSS.png" when ``name_date`` is given, else "layar.png";
    the pixels show a date only when ``shown_date`` is given (e.g. "Diunggah 2 Januari 2022").
    """
    rng = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size, (245, 246, 250))
    d = ImageDraw.Draw(img)
    bar = rng.choice([(25, 118, 210), (0, 121, 107), (198, 40, 40)])
    d.rectangle([0, 0, w, 70], fill=tuple(round(c * 0.8) for c in bar))
    d.text((30, 35), "09:30", font=font(30, bold=True), fill=(255, 255, 255), anchor="lm")
    d.rectangle([w - 90, 22, w - 40, 48], outline=(255, 255, 255), width=3)
    d.rectangle([w - 86, 26, w - 55, 44], fill=(255, 255, 255))
    d.rectangle([0, 70, w, 220], fill=bar)
    d.text((40, 145), rng.choice(["SIKEP Kepegawaian", "e-Office Jombang", "WBS Pengaduan"]),
           font=font(46, bold=True), fill=(255, 255, 255), anchor="lm")
    y = 260
    items = ["Data Pegawai", "Presensi Online", "Laporan Kinerja Harian", "Pengaduan Masyarakat",
             "Survei Kepuasan Layanan", "Dokumen Zona Integritas", "Pengumuman"]
    for i, text in enumerate(items):
        d.rounded_rectangle([30, y, w - 30, y + 190], radius=24, fill=(255, 255, 255), outline=(220, 220, 228))
        d.ellipse([60, y + 45, 160, y + 145], fill=tuple((c + 40 * i) % 255 for c in bar))
        d.text((190, y + 70), text, font=font(40, bold=True), fill=(30, 30, 40), anchor="lm")
        d.text((190, y + 125), "Ketuk untuk membuka", font=font(30), fill=(120, 120, 130), anchor="lm")
        y += 220
        if shown_date and i == 2:
            d.text((190, y - 40), f"Diunggah {shown_date}", font=font(30), fill=(90, 90, 100), anchor="lm")
    d.rectangle([0, h - 140, w, h], fill=(255, 255, 255))
    for i, label in enumerate(["Beranda", "Riwayat", "Profil"]):
        d.text((w * (i + 0.5) / 3, h - 70), label, font=font(32), fill=(90, 90, 100), anchor="mm")
    name = "layar.png"
    if name_date is not None:  # (phone screenshot)
        stamp = name_date if isinstance(name_date, datetime) else datetime(name_date.year, name_date.month,
                                                                          name_date.day, 9, 30, 12)
        name = f"Screenshot_{stamp:%Y%m%d-%H%M%S}.png"
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return name, buf.getvalue()


def docx_with_created(path: Path, created: datetime, paragraphs: list[str] | None = None) -> Path:
    """A DOCX with no date in its text; its core properties say when it was created."""
    from docx import Document

    doc = Document()
    for text in paragraphs or ["DAFTAR NOMINATIF PEGAWAI", "Badan Perencanaan Pembangunan Daerah",
                               "Berikut daftar pegawai yang mengikuti sosialisasi Zona Integritas.",
                               "1. Agus Salim", "2. Siti Rahayu", "3. Bambang Wijaya"]:
        doc.add_paragraph(text)
    props = doc.core_properties
    props.created = created
    props.modified = created.replace(hour=min(23, created.hour + 1))
    props.last_printed = created
    props.author = "Subbag Umum"
    doc.save(str(path))
    return Path(path)


def write(path: Path, data: bytes | Image.Image) -> Path:
    """Write bytes, or a PIL image in the format its suffix says."""
    path = Path(path)
    if isinstance(data, Image.Image):
        data.save(path)
    else:
        path.write_bytes(data)
    return path


def desktop_screenshot_png(clock: date | None, *, shown_date: str | None = "Diunggah 2 Januari 2022",
                           dark_taskbar: bool = True, size: tuple[int, int] = (1366, 768)) -> bytes:
    """PNG bytes of a Windows desktop showing an office web page, with the taskbar clock
    ("09:30" over "14/05/2022") at the bottom right when ``clock`` is given."""
    w, h = size
    img = Image.new("RGB", size, (250, 250, 252))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 36], fill=(222, 225, 230))  # the browser's tab strip and address bar
    d.text((16, 18), "https://kab-karanganyar.kpu.go.id/berita", font=font(15), fill=(40, 40, 50), anchor="lm")
    d.rectangle([0, 36, w, 130], fill=(153, 0, 0))
    d.text((40, 83), "KPU KABUPATEN KARANGANYAR", font=font(34, bold=True), fill=(255, 255, 255), anchor="lm")
    y = 170
    for title in ("Rapat Pleno Terbuka Rekapitulasi", "Sosialisasi Zona Integritas", "Pengumuman Seleksi PPK"):
        d.text((60, y), title, font=font(26, bold=True), fill=(30, 30, 40))
        if shown_date:
            d.text((60, y + 38), shown_date, font=font(17), fill=(110, 110, 120))
        d.text((60, y + 66), "Komisi Pemilihan Umum Kabupaten Karanganyar menyelenggarakan kegiatan",
               font=font(18), fill=(60, 60, 70))
        y += 150
    bar, ink = ((32, 32, 36), (255, 255, 255)) if dark_taskbar else ((230, 232, 236), (20, 20, 24))
    d.rectangle([0, h - 40, w, h], fill=bar)
    for i in range(6):  # pinned apps
        d.rectangle([60 + 48 * i, h - 32, 84 + 48 * i, h - 8], fill=(70 + 25 * i, 120, 200))
    if clock is not None:
        d.text((w - 52, h - 29), "09:30", font=font(12), fill=ink, anchor="mm")
        d.text((w - 52, h - 12), f"{clock:%d/%m/%Y}", font=font(12), fill=ink, anchor="mm")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
