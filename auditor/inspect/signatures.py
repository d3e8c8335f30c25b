"""Signature-block logic shared by the PDF, DOCX and OCR readers.

A reader turns a document into lines in reading order, with ``IMAGE`` standing where a
picture is drawn. A signature block is an office line ("KETUA KOMISI ... ,", "Notulis,")
followed within a few lines by a name; what stands between them tells how it was signed:
a picture ("image"), "ttd." ("marker", a certified copy) or nothing (unsigned draft).
Calling an unsigned document signed hides a gap, so every rule here errs towards "not signed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.inspect.dates import DMY_NUM, DMY_TEXT, MDY_TEXT, is_office_line

IMAGE = "\x00IMAGE"  # a picture in the flow of the text (inline)
FLOAT = "\x00FLOAT"  # a floating picture: drawn at an offset from the paragraph it is anchored in
PICTURES = frozenset({IMAGE, FLOAT})
_F = re.IGNORECASE
_BSRE = re.compile(
    r"dokumen\s+ini\s+(telah\s+)?di\s*tanda\s*tangani\s+secara\s+elektronik|"
    r"di\s*tanda\s*tangani\s+secara\s+elektronik\s+((dengan\s+)?menggunakan|dengan)\s+sertifikat|"
    r"sertifikat\s+elektronik\s+yang\s+diterbitkan\s+oleh\s+(balai|bsre)|"
    r"(has\s+been|is)\s+(digitally|electronically)\s+signed\s+(using|with)", _F)
# The visible stamp of an electronic signature (Srikandi, TTE apps) above the signer's name.
_TTE_STAMP = re.compile(r"^\s*di\s*tanda\s*tangani\s+secara\s+elektronik\s+oleh\s*:?\s*$", _F | re.M)
_MARKER = re.compile(r"^(\s*\(?\s*(ttd|t\.t\.d|tertanda)\s*\.?\s*\)?\s*(dan\s+cap|&\s*cap|/\s*cap)?\s*)+$", _F)
_COPY = re.compile(r"salinan\s+(ini\s+)?sesuai\s+dengan\s+aslinya", _F)
_INSTITUTION = re.compile(
    r"\b(kabupaten|kota|provinsi|komisi|badan|kantor|pemilihan|umum|republik|indonesia|dinas|"
    r"sekretariat|bagian|divisi|imigrasi|kelas|kementerian|direktorat|pengawas|wilayah|"
    r"kpu|bawaslu|rapat|tim|zona|integritas|unit|seksi|subbagian|sub\s+bagian)\b", _F)
_NAME = re.compile(r"^\(?\s*((dr|drs|dra|ir|h|hj|prof)\.?\s+)*[A-Za-z][A-Za-z.'\s-]{1,60}"
                   r"(,\s*[A-Za-z.'\s]{1,25})*\s*\)?$")
_NIP = re.compile(r"^\s*(NIP|NIK|NRP|NIPPPK)\b", _F)
_DEGREE = re.compile(r",\s*(S|M|A|D)\.?\s?[A-Za-z]{1,6}\.?|\b(Dr|Drs|Dra|Ir|Prof)\.", 0)


@dataclass
class Block:
    office: int  # line index of the office line
    name: int  # line index of the name
    signer: str
    image: bool = False
    marker: bool = False


@dataclass
class Analysis:
    bsre: bool = False
    certified_copy: bool = False
    loose_marker: bool = False  # a "ttd." line outside any block found
    blocks: list[Block] = field(default_factory=list)


def _is_marker(line: str) -> bool:
    return bool(_MARKER.match(line)) and line.strip() != ""


# Words that are never part of a person's name: the tail of an office or a heading that a
# name test would take for a name in capitals ("RISET, DAN TEKNOLOGI", "RINCIAN STANDAR ...").
_NOT_NAME = re.compile(
    r"\b(dan|serta|atau|untuk|yang|dengan|tentang|pada|dari|oleh|and|of|the|for|to|"
    r"riset|teknologi|pendidikan|kebudayaan|kesehatan|keuangan|hukum|asasi|manusia|agama|"
    r"dalam|negeri|luar|negara|daerah|pusat|nasional|politeknik|universitas|sekolah|"
    r"standar|pelayanan|minimum|rincian|lampiran|keputusan|peraturan|daftar|hadir|laporan|"
    r"kegiatan|tahun|bulan|nomor|jabatan|golongan|pangkat|lembaga|instansi|organisasi|"
    r"program|kinerja|evaluasi|pembangunan|pengembangan|perencanaan|pengawasan|humas|"
    r"ministry|office|regional|head|rights|division|section|tanda|tangan|materai|meterai)\b", _F)
# Honorifics written after an English name: "Susy Susilawati (Mrs.)".
_HONORIFIC = re.compile(r"\s*\((mrs|mr|ms|miss|ibu|bapak|bpk)\.?\)\s*$", _F)
_DEGREE_TAIL = re.compile(r"^\s*[A-Za-z]{1,5}\.?(\s?[A-Za-z]{1,4}\.?){0,3}(\s{2,}|\s*$)")  # S.H., M.Si, Ph.D


def _name_part(line: str) -> str:
    return _HONORIFIC.sub("", line.strip())


def _plausible_words(line: str) -> bool:
    """Words a person's name is made of: every long word has a vowel ("JFT", "KPU" have
    none), no office or heading word, and what follows a comma is an academic degree."""
    base, *tails = line.split(",")
    if _NOT_NAME.search(line) or any(not _DEGREE_TAIL.match(t) for t in tails if t.strip()):
        return False
    # "Drs.", "H.", "Hj": titles and initials are abbreviations, the rest are whole words
    words = [w for w in re.findall(r"[A-Za-z']+\.?", base) if not w.endswith(".")]
    words = [w for w in words if w.lower() not in ("drs", "dra", "dr", "hj", "ir", "st", "prof")]
    return bool(words) and all(len(w) < 3 or re.search(r"[aeiouyAEIOUY]", w) for w in words) and (
        any(len(w) >= 3 for w in words))


def _looks_like_name(lines: list[str], j: int) -> bool:
    line = _name_part(lines[j])
    if not line or line in PICTURES or len(line) > 80 or is_office_line(line) or _NIP.match(line):
        return False
    if not _NAME.match(line) or _INSTITUTION.search(line) or line.endswith(":") or not _plausible_words(line):
        return False
    nxt = next((ln for ln in lines[j + 1:j + 3] if ln.strip()), "")
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / max(1, len(letters))
    base = line.split(",")[0]
    return bool(_NIP.match(nxt)) or (upper > 0.8 and len(base.split()) <= 6) or bool(_DEGREE.search(line))


def looks_like_signer(lines: list[str], j: int, under_picture: bool = False) -> bool:
    """A person's name at ``lines[j]``; a name in title case ("Susy Susilawati") counts only
    right under a picture or "ttd." (``under_picture``)."""
    if _looks_like_name(lines, j):
        return True
    s = _name_part(lines[j])
    return under_picture and bool(_TITLE_NAME.match(s)) and not _INSTITUTION.search(s) and (
        not is_office_line(s)) and _plausible_words(s)


_PLACE = re.compile(r"^\s*(?:[A-Z][A-Za-z'.-]+(?:\s+[A-Za-z][A-Za-z'.-]+){0,3}\s*,\s*)?"
                    r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*)?", _F)


def is_place_date_line(line: str) -> bool:
    """"Sidoarjo, 05 Juni 2019", "August 12, 2019", "pada tanggal 28 Desember 2021": the date
    line of a signature block, a whole line that is (place and) date only."""
    s = line.strip()
    if not s or len(s) > 60:
        return False
    s = re.sub(r"^(ditetapkan\s+di\s+[A-Za-z ]+,?\s*)?(pada\s+)?(tanggal|tgl\.?)\s*:?\s*", "", s, flags=_F)
    rest = s[_PLACE.match(s).end():]
    return any(p.fullmatch(rest.strip().rstrip(".")) for p in (DMY_TEXT, MDY_TEXT, DMY_NUM))


def is_block_head(line: str) -> bool:
    """A line a signature picture stands under: the office, a line ending in a comma
    ("Sincerely yours,", "a.n. KETUA,"), or the place and date line."""
    s = line.strip()
    return bool(s) and (is_office_line(s) or s.endswith(",") or is_place_date_line(s))


def is_copy_line(line: str) -> bool:
    """"Salinan sesuai dengan aslinya": the head of the certification of a copy."""
    return bool(_COPY.search(line))


# "Rina Kusuma Dewi": a name in title case, taken as one only right below a picture or "ttd."
_TITLE_NAME = re.compile(r"^(?:[A-Z][a-z'.]+(?:-[A-Z][a-z']+)?\s+){1,4}[A-Z][a-z']+(?:,\s*[A-Za-z.]{2,10})*$")
_DATE_LINE = re.compile(r"\b(19|20)\d{2}\b|\b(ditetapkan|dikeluarkan)\s+di\b|^(pada\s+)?tanggal\b", _F)


def _float_near(lines: list[str], office: int, name: int) -> bool:
    """A floating picture anchored anywhere in the block: the date or office lines above the
    office line, or the name and NIP lines (Word anchors it to whichever paragraph was clicked)."""
    k, seen = office - 1, 0
    while k >= 0 and seen < 4:
        s = lines[k].strip()
        if s == FLOAT:
            return True
        if s and not (len(s) <= 60 and (_DATE_LINE.search(s) or _is_office_start(s))):
            break
        seen += bool(s)
        k -= 1
    after = [ln.strip() for ln in lines[name + 1:name + 4] if ln.strip()]
    return FLOAT in after[:1] or (len(after) > 1 and _NIP.match(after[0]) is not None and after[1] == FLOAT)


def _is_office_start(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 120 and is_office_line(s) and not _MARKER.match(s) and (
        s.endswith(",") or s.endswith(".") or s.isupper() or len(s.split()) <= 8)


def analyse(lines: list[str]) -> Analysis:
    """Signature blocks and signing marks in ``lines`` (IMAGE marks pictures)."""
    result = Analysis()
    joined = "\n".join(ln for ln in lines if ln not in PICTURES)
    result.bsre = bool(_BSRE.search(re.sub(r"\s+", " ", joined)) or _TTE_STAMP.search(joined))
    result.certified_copy = bool(_COPY.search(joined))
    used_markers: set[int] = set()
    i = 0
    while i < len(lines):
        if not _is_office_start(lines[i]):
            i += 1
            continue
        block = None
        gap_image = gap_marker = False
        markers: list[int] = []
        for j in range(i + 1, min(len(lines), i + 14)):
            s = lines[j].strip()
            if not s:
                continue
            if s in PICTURES:
                gap_image = True
            elif _is_marker(s):
                gap_marker = True
                markers.append(j)
            elif _looks_like_name(lines, j) or ((gap_image or gap_marker) and _TITLE_NAME.match(s)
                                                 and not _INSTITUTION.search(s) and not is_office_line(s)):
                image = gap_image or _float_near(lines, i, j)
                block = Block(i, j, clean_name(s), image, gap_marker)
                break
            elif _is_office_start(s) or _INSTITUTION.search(s) or s.endswith(","):
                continue  # the office line goes on ("KABUPATEN KARANGANYAR,")
            elif not (gap_image or gap_marker) and s.isupper() and len(s) <= 80 and _NOT_NAME.search(s):
                continue  # ... in capitals, with words no name has ("RISET, DAN TEKNOLOGI")
            else:
                break
        if block:
            result.blocks.append(block)
            used_markers.update(markers)
            i = block.name + 1
        else:
            i += 1
    for j, line in enumerate(lines):
        if j not in used_markers and _is_marker(line.strip()) and re.search(r"ttd\s*\.|\(\s*ttd|tertanda", line, _F):
            result.loose_marker = True
    return result


def clean_name(line: str) -> str:
    return re.sub(r"\s+", " ", _name_part(line).strip("()").strip())


@dataclass
class Verdict:
    signed: bool | None
    signature: str | None
    signer: str | None
    notes: list[str] = field(default_factory=list)  # message keys


def decide(analysis: Analysis, *, scanned: bool, picture_in_block: str | None = None) -> Verdict:
    """signed/signature from the text evidence (the PDF reader adds digital signatures first).

    ``picture_in_block`` is the signer's name when the PDF reader found a drawn picture between
    an office line and a name by position.
    """
    signer = next((b.signer for b in reversed(analysis.blocks)), None)
    if analysis.bsre:
        return Verdict(True, "digital", signer, ["inspect.note_bsre_footer"])
    img = next((b for b in analysis.blocks if b.image), None)
    if img:
        return Verdict(True, "image", img.signer)
    if picture_in_block is not None:
        return Verdict(True, "image", picture_in_block or signer)
    mark = next((b for b in analysis.blocks if b.marker), None)
    if mark or (analysis.loose_marker and analysis.certified_copy):
        notes = ["inspect.note_certified_copy"] if analysis.certified_copy else []
        return Verdict(True, "marker", mark.signer if mark else signer, notes)
    if scanned:
        return Verdict(None, None, None, ["inspect.note_scanned_signature"])
    notes = ["inspect.note_unsigned_block"] if analysis.blocks else []
    return Verdict(False, None, None, notes)
