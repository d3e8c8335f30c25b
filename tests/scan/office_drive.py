"""A drive an office filled long before it used the tool, built from the seed plan with every
habit offices have (seeded, so a failure is reproducible): area and item folders numbered in
any style or not at all, under "Bukti Dukung/" or not, an item called by its last word,
"Und DH Dok Rakor ..." and Zona Integritas abbreviations ("UPG", "Monev", "SKM") or the long
forms of the plan's ("Surat Keputusan", "Sistem Pengendalian Intern Pemerintah"), typos ("MANNAJEMEN",
"Keterlibattan", "Evalausi", "Korodinasi"), month folders ("05 Mei", "2022-05",
"02. FEBRUARI 2022"), and a folder named only by a kind of document under its item.

``build`` returns each file's relative path with the rule it truly serves; the files hold a
few bytes (what map propose reads is names, not contents).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from auditor.rules.model import Rule

ROMAN = ["I", "II", "III", "IV", "V", "VI"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
FILES = {"undangan": "Undangan {s}.pdf", "daftar_hadir": "DH {s}.pdf",
         "dokumentasi": "IMG_2022{n:04d}.jpg", "risalah": "Notulen {s}.docx", "sk": "SK {s}.pdf",
         "laporan": "Laporan {s}.pdf", "screenshot": "Screenshot_{n}.png", "surat": "Surat {s}.pdf",
         "tabel": "Rekap {s}.xlsx", "dokumen": "Dokumen {s}.pdf"}
ABBREVIATIONS = [
    (r"Undangan, Daftar hadir,? (?:dan )?Dokumentasi", "Und DH Dok"),
    (r"Undangan, Daftar hadir", "Und DH"), (r"Rapat Koordinasi", "Rakor"),
    (r"Rencana Aksi", "Renaksi"), (r"Semester", "Smt"), (r"Unit Pengendalian Gratifikasi", "UPG"),
    (r"Pengendalian Gratifikasi", "UPG"), (r"survei kepuasan masyarakat", "SKM"),
    (r"monitoring dan evaluasi", "Monev"),
    (r"Pelaksanaan PPID", "Pejabat Pengelola Informasi dan Dokumentasi"),
    (r"\bSK\b", "Surat Keputusan"), (r"\bSPIP\b", "Sistem Pengendalian Intern Pemerintah"),
]
TYPOS = {"manajemen": "mannajemen", "keterlibatan": "keterlibattan", "evaluasi": "evalausi",
         "koordinasi": "korodinasi", "pengawasan": "pengawsan", "pelayanan": "pelayaan"}
# the kind-only folder habit ("Daftar Hadir" straight under the item): for I.4.1 the item
# tells; for I.1.3 the item has two meetings with an attendance list, so a person must say
KIND_ONLY = {"I.4.1": "Daftar Hadir", "I.1.3": "Daftar Hadir"}


def _typo(text: str, rng: random.Random, rate: float) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        wrong = TYPOS.get(word.lower())
        if wrong is None or rng.random() > rate:
            return word
        return wrong.upper() if word.isupper() else wrong.capitalize() if word[0].isupper() else wrong
    return re.sub(r"[A-Za-z]+", swap, text)


def _short(rule: Rule, rng: random.Random) -> str:
    text = re.sub(r"\s+yang ditandatangani.*$", "", rule.evidence)
    text = re.sub(r"\(.*?\)|[\"/:]", " ", text)
    if rng.random() < 0.6:
        for pattern, short in ABBREVIATIONS:
            text = re.sub(pattern, short, text, flags=re.I)
    words = [w for w in text.replace(",", " ").split() if w.lower() not in ("kpu", "kabupaten")]
    return " ".join(words[:7])


def _area(rule: Rule, rng: random.Random) -> str:
    n = ROMAN.index(rule.area) + 1
    name = rule.area_name
    area = rng.choice([f"AREA {rule.area} {name.upper()}", f"{n:02d}. {name}",
                       f"{rule.area}. {name}", f"Area {n} {name}", name.upper()])
    return f"Bukti Dukung/{area}" if rng.random() < 0.3 else area


def _item(rule: Rule, rules: list[Rule] | tuple[Rule, ...], rng: random.Random) -> str:
    name = re.sub(r"\(.*?\)", "", rule.item_name).strip()
    styles = [f"{rule.item}. {name.upper()}", f"{rule.area}.{rule.item} {name}",
              f"{rule.item:02d}_{name.replace(' ', '_')}", name]
    last = name.split()[-1]  # "Gratifikasi" for "Pengendalian Gratifikasi", when no other
    if not any(last.lower() in r.item_name.lower() for r in rules  # item of the area says it
               if r.area == rule.area and r.item != rule.item):
        styles.append(last)
    return rng.choice(styles)


def _month_folder(month: int, rng: random.Random) -> str:
    return rng.choice([f"{month:02d} {MONTHS[month - 1]}", f"2022-{month:02d}",
                       f"{month:02d}. {MONTHS[month - 1].upper()} 2022"])


def build(rules: list[Rule] | tuple[Rule, ...], seed: int) -> dict[str, str]:
    """Relative path -> the rule id it serves."""
    rng = random.Random(seed)
    areas: dict[str, str] = {}
    items: dict[tuple[str, int], str] = {}
    lettered: dict[tuple[str, int], bool] = {}
    out: dict[str, str] = {}
    counter = 0
    for rule in rules:
        area = areas.setdefault(rule.area, _typo(_area(rule, rng), rng, 0.5))
        key = (rule.area, rule.item)
        item = items.setdefault(key, _typo(_item(rule, rules, rng), rng, 0.5))
        siblings = [r for r in rules if (r.area, r.item) == key]
        twins = sum(1 for r in siblings if r.evidence == rule.evidence) > 1
        letter = lettered.setdefault(key, twins or rng.random() < 0.7)
        name = KIND_ONLY.get(rule.id) or _typo(_short(rule, rng), rng, 0.3)
        if letter and rule.id not in KIND_ONLY:
            name = f"{'abcdefghij'[siblings.index(rule)]}. {name}"
        folder = f"{area}/{item}/{name}"
        subject = " ".join(_short(rule, rng).split()[-2:])
        months = rule.months if len(rule.months) > 1 and rng.random() < 0.7 else ()
        for part in rule.parts:
            for month in months or (None,):
                counter += 1
                place = f"{folder}/{_month_folder(month, rng)}" if month else folder
                file_name = FILES[part.kind].format(s=subject, n=counter)
                out[f"{place}/{file_name}"] = rule.id
    return out


def write(root: Path, files: dict[str, str]) -> Path:
    for relpath in files:
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4\n" if path.suffix == ".pdf" else b"x")
    return root


def placement(index, files: dict[str, str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """How ``index`` places the drive's ``files`` (path -> the rule it serves): the files
    left unplaced, and (path, rule served, rule given) for each file placed wrongly."""
    unplaced, wrong = [], []
    for path, rule_id in files.items():
        match = index.match(path)
        if match is None:
            unplaced.append(path)
        elif match.rule.id != rule_id:
            wrong.append((path, rule_id, match.rule.id))
    return unplaced, wrong
