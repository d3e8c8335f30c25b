"""The plan's table, whatever file it came from, read into bukti fisik entries.

Every reader (text, DOCX, XLSX) hands over ``SourceRow``s: a line or table-row number and
the cells. This module copes with what such tables contain: repeated headers and
column-number rows at page breaks, area rows, continuation rows, cells with several lettered
items whose months stand on the rows below, item numbers lost at page breaks, √ beyond
month 12 or in the team column, rows without √, a team name in a month column, HTML tags.
Every guess becomes a ``Notice`` (the row's line, what was odd, what was assumed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROMAN = ("I", "II", "III", "IV", "V", "VI")
# The six change areas and their components (PermenPANRB 90/2021, lever side), used when
# the plan's own wording is missing or is not an area name.
STANDARD_AREAS = {
    "I": "Manajemen Perubahan",
    "II": "Penataan Tata Laksana",
    "III": "Penataan Sistem Manajemen SDM",
    "IV": "Penguatan Akuntabilitas Kinerja",
    "V": "Penguatan Pengawasan",
    "VI": "Peningkatan Kualitas Pelayanan Publik",
}
STANDARD_COMPONENTS = {
    "I": ("Tim Kerja", "Dokumen Rencana Aksi", "Pemantauan dan Evaluasi Pembangunan ZI",
          "Perubahan Pola Pikir dan Budaya Kerja"),
    "II": ("Prosedur Operasional Standar (SOP) Kegiatan Utama", "E-Office",
           "Keterbukaan Informasi Publik"),
    "III": ("Perencanaan Kebutuhan Pegawai", "Pola Mutasi Internal",
            "Pengembangan Pegawai Berbasis Kompetensi", "Penetapan Kinerja Individu",
            "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku Pegawai",
            "Sistem Informasi Kepegawaian"),
    "IV": ("Keterlibatan Pimpinan", "Pengelolaan Akuntabilitas Kinerja"),
    "V": ("Pengendalian Gratifikasi", "Penerapan SPIP", "Pengaduan Masyarakat",
          "Whistle-Blowing System", "Penanganan Benturan Kepentingan"),
    "VI": ("Standar Pelayanan", "Budaya Pelayanan Prima", "Penilaian Kepuasan terhadap Pelayanan"),
}
TICKS = {"√", "✓", "✔", "v", "V"}
_TAG = re.compile(r"<[^>]+>")
_AREA = re.compile(r"^(VI|IV|V|I{1,3})(?:\s+(.*))?$")
_LETTER = re.compile(r"(?:^|(?<=\s))([a-z])\.\s+")


@dataclass(frozen=True)
class SourceRow:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Notice:
    line: int
    key: str  # message key under rules.import.*
    values: tuple[tuple[str, str], ...] = ()


@dataclass
class Entry:
    """One bukti fisik item of the plan, before it becomes a Rule."""

    line: int
    area: str
    area_name: str
    item: int
    item_name: str
    indicator: str
    action: str
    evidence: str
    months: list[int]
    notices: list[Notice] = field(default_factory=list)


@dataclass
class Row:
    line: int
    no: str
    komponen: str
    indikator: str
    aksi: str
    bukti: str
    months: list[int]
    after_break: bool
    notices: list[Notice] = field(default_factory=list)
    below: list[list[int]] = field(default_factory=list)  # months on the rows below


@dataclass
class Area:
    roman: str
    name: str
    line: int
    team: str = ""
    rows: list[Row] = field(default_factory=list)


@dataclass
class _Columns:
    no: int = 0
    komponen: int = 1
    indikator: int = 2
    aksi: int = 3
    bukti: int = 4
    first_month: int = 5
    team: int = 17


def _clean(text: str | None) -> str:
    text = _TAG.sub("", text or "")
    return re.sub(r"\s+", " ", text).strip()


def letters_only(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _header(cells: list[str], cols: _Columns) -> bool:
    upper = [c.upper() for c in cells]
    if "KOMPONEN" not in upper or "BUKTI FISIK" not in upper:
        return False
    for name, title in (("no", "NO"), ("komponen", "KOMPONEN"), ("indikator", "INDIKATOR"),
                        ("aksi", "LANGKAH AKSI"), ("bukti", "BUKTI FISIK")):
        if title in upper:
            setattr(cols, name, upper.index(title))
    for index, cell in enumerate(upper):
        if cell.startswith("PELAKSANAAN"):
            cols.first_month = index
        if cell.startswith("PENANGGUNG"):
            cols.team = index
    return True


def _numbers_row(cells: list[str], cols: _Columns) -> bool:
    """The month-number row (1 … 12) or the column-number row (1 2 3 4 5 6 … 7)."""
    filled = [(i, c) for i, c in enumerate(cells) if c]
    if not filled or not all(c.isdigit() for _, c in filled):
        return False
    if len(filled) >= 12 and [c for _, c in filled[:12]] == [str(m) for m in range(1, 13)]:
        cols.first_month = filled[0][0]
        return True
    return len(filled) >= 3 and filled[0][1] == "1" and filled[1][1] == "2"


def read_table(rows: list[SourceRow]) -> tuple[list[Area], list[Notice]]:
    """Pass 1: drop page furniture, find areas, months, teams; one Row per data row."""
    cols = _Columns()
    areas: list[Area] = []
    notices: list[Notice] = []
    after_break = False
    for source in rows:
        raw = list(source.cells)
        cells = [_clean(c) for c in raw]
        line = source.line
        if not any(cells):
            continue
        if _header(cells, cols) or _numbers_row(cells, cols):
            after_break = True
            continue
        filled = [c for c in cells if c]
        if len(filled) == 1 and cells[0].isdigit():
            notices.append(Notice(line, "stray_number", (("value", cells[0]),)))
            after_break = True
            continue
        area_match = _AREA.match(cells[0]) if cells[0] else None
        if area_match and not any(c in TICKS for c in cells):
            name = area_match.group(2) or next((c for c in cells[1:] if c), "")
            areas.append(Area(area_match.group(1), name, line))
            continue
        if not areas:
            notices.append(Notice(line, "before_area"))
            continue
        area = areas[-1]
        row = _data_row(line, raw, cells, cols, area, notices, after_break)
        after_break = False
        if row is None:
            continue
        if not (row.no or row.komponen or row.indikator or row.aksi or row.bukti):
            if row.months and area.rows:  # months of a lettered item above
                area.rows[-1].below.append(row.months)
                area.rows[-1].notices.extend(row.notices)
            continue
        area.rows.append(row)
    return areas, notices


def _data_row(line: int, raw: list[str], cells: list[str], cols: _Columns, area: Area,
              notices: list[Notice], after_break: bool) -> Row | None:
    def cell(index: int) -> str:
        return cells[index] if index < len(cells) else ""

    row_notices: list[Notice] = []
    if any(_TAG.search(c or "") for c in raw):
        row_notices.append(Notice(line, "html_tags"))
    months: list[int] = []
    for index in range(cols.first_month, len(cells)):
        value = cells[index]
        if not value:
            continue
        month = index - cols.first_month + 1
        if value in TICKS:
            if month <= 12:
                months.append(month)
            elif index == cols.team:
                row_notices.append(Notice(line, "tick_in_team"))
            else:
                row_notices.append(Notice(line, "tick_beyond", (("column", str(index + 1)),)))
            continue
        team = value
        if month <= 12:
            row_notices.append(Notice(line, "team_in_month", (("team", team), ("month", str(month)))))
        if area.team and letters_only(area.team) != letters_only(team):
            row_notices.append(Notice(line, "second_team", (("team", team), ("kept", area.team))))
        elif not area.team:
            area.team = team
    row = Row(line, cell(cols.no), cell(cols.komponen), cell(cols.indikator), cell(cols.aksi),
               cell(cols.bukti), months, after_break, row_notices)
    if not (row.no or row.komponen or row.indikator or row.aksi or row.bukti or months):
        notices.extend(row_notices)  # a row holding only the team name
        return None
    return row


def split_letters(text: str) -> list[str]:
    """'a. X b. Y' -> ['X', 'Y'] when the letters run a, b, c … from the start (or from any
    letter at the very start, for a list continued across a page break)."""
    found = [m for m in _LETTER.finditer(text)]
    if not found or found[0].start() != 0:
        return [text]
    kept = [found[0]]
    for match in found[1:]:
        if ord(match.group(1)) == ord(kept[-1].group(1)) + 1:
            kept.append(match)
    bounds = [m.end() for m in kept]
    starts = [m.start() for m in kept[1:]] + [len(text)]
    return [text[b:e].strip(" ,;") for b, e in zip(bounds, starts, strict=True)]
