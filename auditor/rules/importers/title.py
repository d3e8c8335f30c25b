"""The plan's title (office and year) and the signature block under its table.

Titles read like "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS / KPU KABUPATEN X TAHUN 2026",
"… DI LINGKUNGAN KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR TAHUN 2022" or
"KANTOR IMIGRASI KELAS I KHUSUS TPI SURABAYA TAHUN 2019". A signature block is a place and
date line, the office line, the name, "NIP. …": none of it is a rule.
"""

from __future__ import annotations

import re
from pathlib import Path

from auditor.inspect.dates import DMY_TEXT

_YEAR = re.compile(r"\bTAHUN\s+(?:ANGGARAN\s+)?(20\d\d)\b", re.I)
_PLAN = re.compile(r"RENCANA\s+(?:AKSI|KERJA|KEGIATAN)|PROGRAM\s+KERJA|ZONA\s+INTEGRITAS", re.I)
_LEAD = re.compile(r"^.*(?:ZONA\s+INTEGRITAS(?:\s+MENUJU\s+(?:WBK|WBBM)(?:\s*/\s*WBBM)?)?|"
                   r"RENCANA\s+AKSI(?:\s+PEMBANGUNAN)?(?:\s+(?:ZI|ZONA\s+INTEGRITAS))?)\s*", re.I)
_FILLER = re.compile(r"^(?:DI\s+LINGKUNGAN|PADA|UNIT\s+KERJA|SATUAN\s+KERJA|SATKER|DI)\s+", re.I)
_KPU = re.compile(r"KOMISI\s+PEMILIHAN\s+UMUM", re.I)
_SMALL = {"DAN", "DI", "KE", "DARI", "YANG"}
_ACRONYMS = {"KPU", "TPI", "RI", "DKI", "RSUD", "UPT", "UPTD", "PA", "PTUN", "HAM", "BPKAD", "KPPN",
             "SDM", "ZI", "WBK", "WBBM", "KUA", "BKD", "BAPPEDA", "DIY", "NTB", "NTT", "PUPR", "BPJS",
             "BUMN", "KPKNL", "KSOP", "LLDIKTI", "BBPOM", "BPOM", "POLRI", "TNI"}


def _keep_upper(word: str) -> bool:
    """KPU, TPI, BPS, PN, Roman numerals: written in capitals in a name."""
    return (word in _ACRONYMS or bool(re.fullmatch(r"[IVX]+[ABC]?", word))  # KELAS IIA
            or (len(word) <= 5 and not re.search(r"[AIUEO]", word)))


def _title_case(text: str) -> str:
    words = []
    for word in text.split():
        bare = word.strip(".,()")
        if bare.upper() in _SMALL:
            words.append(word.lower())
        elif word.isupper() and _keep_upper(bare):
            words.append(word)
        elif word.isupper() or word.islower():
            words.append(word.capitalize())
        else:
            words.append(word)
    return " ".join(words)


def _office(text: str) -> str | None:
    text = _YEAR.split(text)[0]
    text = _LEAD.sub("", text).strip(" ,.-:/")
    while _FILLER.match(text):
        text = _FILLER.sub("", text).strip()
    text = text.strip(" ,.-:/")
    if len(text) < 4 or not re.search(r"[A-Za-z]{3}", text) or _PLAN.search(text):
        return None
    office = _title_case(text)
    return _KPU.sub("KPU", office)


def identity(lines: list[str], path: Path) -> tuple[str | None, int | None, bool]:
    """Office, plan year, and whether the year came only from the file name."""
    clean = [re.sub(r"\s+", " ", line).strip() for line in lines]
    clean = [line for line in clean if line]
    office = None
    year = None
    for index, line in enumerate(clean):
        if not _PLAN.search(line):  # the title's first line, however the office names its plan
            continue
        block = clean[index:index + 3]
        joined = " ".join(block)
        if year is None and (match := _YEAR.search(joined)):
            year = int(match.group(1))
        if office is None:
            # the office is on the title line or on the lines right below it
            for end in range(1, len(block) + 1):
                candidate = " ".join(block[:end])
                found = _office(candidate)
                if found:
                    office = found
                    break
                if _YEAR.search(candidate):
                    break
        if office and year:
            break
    if year is None:
        for line in clean:
            if _PLAN.search(line) and (match := _YEAR.search(line)):
                year = int(match.group(1))
                break
    if year is not None:
        return office, year, False
    found = re.findall(r"(20\d\d)", path.stem)
    return office, (int(found[-1]) if found else None), bool(found)


_SIGN_START = re.compile(
    r"^(?:[A-Z][\w .'-]{1,40},\s*(?:\d{1,2}|\.{2,}|…)\s*\w*\.?\s*\d{0,4}\s*$|"  # "Surabaya, 2 Januari 2019"
    r"Ditetapkan\s+di\b|Mengetahui\b|Menyetujui\b|Disahkan\b|Dibuat\s+di\b)", re.I)


def signature_start(cells: list[str]) -> bool:
    """A row that opens the signature block under the table: place and date, 'Mengetahui'…"""
    filled = [c for c in cells if c]
    if not filled or len(filled) > 2:
        return False
    text = " ".join(filled)
    if _SIGN_START.match(text) and (DMY_TEXT.search(text) or not re.search(r"\d", text)
                                    or re.search(r"\.{2,}|…", text)):
        return True
    return bool(re.match(r"^NIP\.?\s*[:.]?\s*\d", text, re.I))
