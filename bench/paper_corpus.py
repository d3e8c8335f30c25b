"""A varied, labelled corpus of paper as offices keep it, drawn with tests/inspect/paper_kit.py.

Phone photos of letters (towns, offices, dates, rotation -6..+6 degrees, paper grey 140-190,
stamp and ink colours, signed or not, cut off, hand-written days, dates at the top),
flatbed scans and many-page decrees as image-only PDFs, meeting photos with EXIF dates and
screenshots: so the readers can be measured on paper they were not tuned to. Each label
says what a person reads: ``date`` (ISO or None), ``signed`` (True / False / None: cannot
be told), ``signature`` ("image" or None).

    build(directory, n=40, seed=1, year=2022) -> list[(Label, Path)]

Usage: .venv/bin/python bench/paper_corpus.py --out DIR [--n 40] [--seed 1] [--year 2022]
(writes the files and DIR/labels.json).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "inspect"))

import paper_kit as kit  # noqa: E402


@dataclass
class Label:
    name: str  # file name in the corpus folder
    kind: str  # letter_photo | letter_scan | sk_scan | event_photo | screenshot
    date: str | None
    signed: bool | None
    signature: str | None
    note: str = ""  # how it was made (variant, rotation, grey...)


OFFICES = [  # town, kop, office line(s), stamp centre word
    ("Jombang", ("PEMERINTAH KABUPATEN JOMBANG", "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
                 "Jalan KH. Wahid Hasyim 141 Telepon (0321) 861560 Jombang 61411"),
     ("KEPALA BADAN PERENCANAAN", "PEMBANGUNAN DAERAH,"), "BAPPEDA"),
    ("Jombang", ("PEMERINTAH KABUPATEN JOMBANG", "INSPEKTORAT",
                 "Alamat : Jl. Gatot Subroto 169 Telp. (0321) 861424 Kode Pos 61411"),
     ("INSPEKTUR KABUPATEN JOMBANG,",), "INSPEKTORAT"),
    ("Sidoarjo", ("PEMERINTAH KABUPATEN SIDOARJO", "DINAS KOMUNIKASI DAN INFORMATIKA",
                  "Jl. Diponegoro No. 139 Telp. (031) 8921946 Sidoarjo 61213"),
     ("KEPALA DINAS KOMUNIKASI DAN", "INFORMATIKA,"), "DISKOMINFO"),
    ("Karanganyar", ("KOMISI PEMILIHAN UMUM", "KABUPATEN KARANGANYAR",
                     "Jl. Lawu No. 385 Karanganyar Telp. (0271) 495041"),
     ("KETUA KOMISI PEMILIHAN UMUM", "KABUPATEN KARANGANYAR,"), "KPU"),
    ("Boyolali", ("PEMERINTAH KABUPATEN BOYOLALI", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM",
                  "Jl. Ahmad Yani No. 1 Boyolali 57311 Telp. (0276) 321045"),
     ("KEPALA BADAN KEPEGAWAIAN DAN", "PENGEMBANGAN SDM,"), "BKPSDM"),
    ("Sleman", ("PEMERINTAH KABUPATEN SLEMAN", "DINAS KESEHATAN",
                "Jl. Rorojonggrang No. 6 Beran Tridadi Sleman 55511"),
     ("KEPALA DINAS KESEHATAN", "KABUPATEN SLEMAN,"), "DINKES"),
]
NAMES = [("Ir. BUDI SANTOSO, M.Si.", "NIP. 19680512 199303 1 008"),
         ("Drs. EKO PRASETYO, M.M.", "NIP. 19620825 198611 1 001"),
         ("Hj. SRI WAHYUNI, S.H., M.H.", "NIP. 19710304 199803 2 004"),
         ("Dr. AHMAD FAUZI, S.Sos., M.AP.", "NIP. 19750911 200003 1 002"),
         ("WIDODO, S.E.", "NIP. 19800117 200501 1 012")]
INKS = [kit.INK_BLUE, kit.INK_BLACK, (40, 40, 140)]
STAMPS = [kit.STAMP_PURPLE, kit.STAMP_BLUE, kit.STAMP_GREY, (150, 60, 170)]
VARIANTS = ["signed", "signed", "signed_nostamp", "unsigned", "crop_office", "crop_block", "scribble",
            "legible", "date_top", "roman_i", "scan_letter", "sk_scan", "event", "screenshot", "screenshot_plain"]


def _dates(rng: random.Random, year: int) -> tuple[date, date, date]:
    """Letter date, meeting day 2-10 days later, cited letter 5-30 days before (all in the year)."""
    own = date(year, rng.randint(1, 12), rng.randint(1, 28))
    meeting = min(own + timedelta(days=rng.randint(2, 10)), date(year, 12, 31))
    cited = max(own - timedelta(days=rng.randint(5, 30)), date(year, 1, 1))
    return own, meeting, cited


def _month_style(value: date, rng: random.Random) -> str:
    return "nopember" if value.month == 11 and rng.random() < 0.5 else "full"


def build(directory: Path, n: int = 40, seed: int = 1, year: int = 2022) -> list[tuple[Label, Path]]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    out: list[tuple[Label, Path]] = []
    for i in range(n):
        variant = VARIANTS[i % len(VARIANTS)] if i < len(VARIANTS) else rng.choice(VARIANTS)
        s = seed * 1000 + i
        town, kop, office, inner = rng.choice(OFFICES)
        name, nip = rng.choice(NAMES)
        own, meeting, cited = _dates(rng, year)
        style = _month_style(own, rng)
        own_text = kit.indonesian_date(own, style)
        meeting_text = f"{kit.DAYS_ID[meeting.weekday()]}, {kit.indonesian_date(meeting, style)}"
        body = kit.default_body(meeting=meeting_text, cited=kit.indonesian_date(cited), town=town)
        angle = round(rng.uniform(-6, 6), 1)
        grey = rng.randint(140, 190)
        page_kw = dict(town=town, kop=kop, office=office, name=name, nip=nip, ink=rng.choice(INKS),
                       stamp_colour=rng.choice(STAMPS), stamp_inner=inner, seed=s,
                       number=f"{rng.randint(1, 900):03d}/{rng.randint(1, 999)}/415.{rng.randint(10, 50)}/{year}")
        photo_kw = dict(angle=angle, paper_grey=grey, hand=rng.random() < 0.25, seed=s,
                        perspective=rng.random() < 0.8, table=rng.random() < 0.85)
        note = f"{variant} angle={angle} grey={grey} {town}"
        path = directory / f"{i:03d}_{variant}.jpg"
        label = Label(path.name, "letter_photo", own.isoformat(), True, "image", note)
        if variant in ("signed", "signed_nostamp"):
            page = kit.letter_page(body, date_text=own_text, stamp=variant == "signed", **page_kw)
        elif variant == "unsigned":
            page = kit.letter_page(body, date_text=own_text, signed=False, stamp=False, **page_kw)
            label.signed, label.signature = False, None
        elif variant == "crop_office":
            page = kit.letter_page(body, date_text=own_text, crop="office", **page_kw)
            label.signed, label.signature = None, None
        elif variant == "crop_block":  # the letter's own date is gone; the meeting day stands
            page = kit.letter_page(body, date_text=own_text, crop="block", **page_kw)
            label.date, label.signed, label.signature = meeting.isoformat(), None, None
        elif variant == "scribble":  # no day of its own anywhere: undated
            page = kit.letter_page(kit.notice_body(kit.indonesian_date(cited), town), date_text=own_text,
                                   handwritten_day=True, subject="Usulan Anggota Tim", **page_kw)
            label.date = None
        elif variant == "legible":
            page = kit.letter_page(body, date_text=own_text, handwritten_day="legible", **page_kw)
        elif variant == "date_top":
            page = kit.letter_page(body, date_text=own_text, date_at_top=True, **page_kw)
        elif variant == "roman_i":
            first = own.replace(day=1)
            meeting = first + timedelta(days=rng.randint(2, 9))
            body = kit.default_body(meeting=f"{kit.DAYS_ID[meeting.weekday()]}, {kit.indonesian_date(meeting)}",
                                    cited=kit.indonesian_date(cited), town=town)
            page = kit.letter_page(body, date_text="I " + kit.indonesian_date(first).split(" ", 1)[1], **page_kw)
            label.date = first.isoformat()
        elif variant == "scan_letter":
            page = kit.scan_look(kit.letter_page(body, date_text=own_text, **page_kw), seed=s,
                                 angle=rng.uniform(-0.8, 0.8))
            path = kit.scanned_pdf([page], path.with_suffix(".pdf"))
            out.append((Label(path.name, "letter_scan", own.isoformat(), True, "image", note), path))
            continue
        elif variant == "sk_scan":
            pages_n = rng.randint(3, 13)
            date_page = rng.randint(max(2, pages_n - 3), pages_n)
            signed = rng.random() < 0.75
            pages = kit.sk_pages(pages_n, date_page=date_page, town=town, date_text=own_text, name=name, nip=nip,
                                 signed=signed, stamp_colour=rng.choice(STAMPS), ink=rng.choice(INKS), seed=s,
                                 number=f"188/{rng.randint(1, 99)}/404.1.1/{year}",
                                 regency=kop[0].replace("PEMERINTAH ", "") if "PEMERINTAH" in kop[0] else kop[1],
                                 agency=kop[1] if "PEMERINTAH" in kop[0] else "SEKRETARIAT KOMISI PEMILIHAN UMUM")
            path = kit.scanned_pdf(pages, path.with_suffix(".pdf"))
            out.append((Label(path.name, "sk_scan", own.isoformat(), signed, "image" if signed else None,
                              f"sk pages={pages_n} date_page={date_page} signed={signed} {town}"), path))
            continue
        elif variant == "event":
            taken = datetime(own.year, own.month, own.day, rng.randint(8, 15), rng.randint(0, 59), rng.randint(0, 59))
            path = kit.write(directory / f"{i:03d}_IMG_{rng.randint(1000, 9999)}.jpg", kit.event_photo(s, taken=taken))
            out.append((Label(path.name, "event_photo", own.isoformat(), None, None, f"event {taken}"), path))
            continue
        else:  # screenshots: dated by their name, or undated
            named = variant == "screenshot"
            when = datetime(own.year, own.month, own.day, rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59))
            fname, data = kit.screenshot_png(when if named else None, seed=s,
                                             shown_date=kit.indonesian_date(cited) if rng.random() < 0.3 else None)
            path = kit.write(directory / f"{i:03d}_{fname}", data)
            out.append((Label(path.name, "screenshot", own.isoformat() if named else None, None, None,
                              variant), path))
            continue
        kit.write(path, kit.phone_photo(page, **photo_kw))
        out.append((label, path))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=2022)
    args = parser.parse_args(argv)
    built = build(args.out, n=args.n, seed=args.seed, year=args.year)
    labels = [dict(asdict(label), file=label.name, year=args.year) for label, _ in built]
    (args.out / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(built)} files and labels.json in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
