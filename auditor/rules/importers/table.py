"""The plan's table, whatever file it came from, read into bukti fisik entries.

Every reader (text, CSV, DOCX, XLSX, PDF) hands over ``SourceRow``s: a line or table-row
number and the cells. The header says which column is which (``columns.py``). This module
copes with what such tables contain: headers and column-number rows repeated at page breaks,
area rows (Roman numerals, the area's own numbering, or the area named on every row),
continuation rows, cells with several lettered items whose months stand on the rows below,
item numbers lost at page breaks, marks beyond the months or in the team column, rows
without marks, a team name in a month column, HTML tags, the signature block under the table.
Every guess becomes a ``Notice`` (the row's line, what was odd, what was assumed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.rules.importers.columns import (
    Columns,
    apply_override,
    evidence_by_contents,
    header_at,
    letter,
)
from auditor.rules.importers.schedule import MARKS, read_schedule
from auditor.rules.importers.title import signature_start

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
_TAG = re.compile(r"<[^>]+>")
_AREA = re.compile(r"^(?:AREA\s+(?:PERUBAHAN\s+)?)?(VI|IV|V|I{1,3})\b[.):]?(?:\s+(.*))?$", re.I)
_OWN_NUMBER = re.compile(r"^(?:AREA\s+)?(?:[A-F]|[1-6])[.):]?(?:\s+(.*))?$", re.I)
_LETTER = re.compile(r"(?:^|(?<=\s))([a-z])\.\s+")
# words that name each change area whatever its numbering ("A. MANAJEMEN PERUBAHAN")
_AREA_WORDS = {
    "I": ("manajemenperubahan",),
    "II": ("tatalaksana", "ketatalaksanaan"),
    "III": ("manajemensdm", "sumberdayamanusia", "manajemensumberdaya"),
    "IV": ("akuntabilitas",),
    "V": ("pengawasan",),
    "VI": ("pelayananpublik", "kualitaspelayanan"),
}


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
    team: str = ""


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
    team: str = ""


@dataclass
class Area:
    roman: str
    name: str
    line: int
    team: str = ""
    team_rows: int = 0
    rows: list[Row] = field(default_factory=list)
    in_column: bool = False  # named in an area column on its rows, items numbered plan-wide


@dataclass
class Table:
    """What pass 1 read: the areas and their rows, the notices of rows that made no rule,
    the column mapping, and which rows were not understood."""

    areas: list[Area]
    notices: list[Notice]
    columns: Columns
    data_rows: int = 0
    not_understood: list[int] = field(default_factory=list)
    assumptions: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)


def _clean(text: str | None) -> str:
    text = _TAG.sub("", text or "")
    return re.sub(r"\s+", " ", text).strip()


def letters_only(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def team_name(text: str) -> str:
    """A team cell as one consistent name: line breaks gone, 'TIM '/'Tim ' as 'Tim '."""
    name = re.sub(r"\s+", " ", text).strip(" ,;.-")
    match = re.match(r"^tim\b\.?\s*(.*)$", name, re.I)
    if match:
        rest = match.group(1)
        if rest.isupper():
            rest = " ".join(w if len(w) <= 4 and w.isalpha() and w not in ("DAN", "YANG") else
                            w.lower() if w in ("DAN", "YANG", "DI") else w.capitalize()
                            for w in rest.split())
        name = f"Tim {rest}".strip()
    return name


def standard_area(text: str) -> str | None:
    """The Roman numeral of the change area a short text names, if it names one."""
    if not text or len(text.split()) > 9:
        return None
    letters = letters_only(text.replace("SDM", "sdm"))
    for roman, words in _AREA_WORDS.items():
        if any(w in letters for w in words):
            return roman
    return None


def _numbers_row(cells: list[str]) -> bool:
    """The month-number row (1 … 12) or the column-number row (1 2 3 4 5 6 … 7)."""
    filled = [c for c in cells if c]
    if not filled or not all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled):
        return False
    digits = [c.strip("()") for c in filled]
    if len(digits) >= 12 and digits[:12] == [str(m) for m in range(1, 13)]:
        return True
    return len(digits) >= 3 and digits[0] == "1" and digits[1] == "2"


def read_table(rows: list[SourceRow], override: dict | None = None) -> Table | None:
    """Pass 1: find the header, drop page furniture and the signature block, find areas,
    months, teams; one Row per data row. None when no table can be found."""
    grid = [[_clean(c) for c in source.cells] for source in rows]
    first = None
    columns: Columns | None = None
    for index in range(len(grid)):
        columns = header_at(grid, index)
        if columns:
            first = index
            break
    assumptions: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    if override:
        columns = apply_override(columns, override)
        first = 0 if first is None else first
    if columns is None or first is None:
        return None
    if columns.get("evidence") is None:
        found = evidence_by_contents(columns, grid[first + columns.header_rows:])
        if found is None:
            return None
        columns.roles["evidence"] = found
        assumptions.append(("evidence_from_contents", (("column", letter(found)), (
            "heading", columns.headings.get(found, "") or "?"))))
    periods = sorted({m for months in columns.months.values() for m in months})
    if columns.months and len(columns.months) < 12 and periods in ([3, 6, 9, 12], [6, 12]):
        assumptions.append(("month_columns", (
            ("columns", f"{letter(min(columns.months))}–{letter(max(columns.months))}"),
            ("what", "triwulan I–IV" if len(periods) == 4 else "semester I–II"),
            ("months", ", ".join(map(str, periods))))))
    table = Table([], [], columns, assumptions=assumptions)
    after_break = False
    in_signature = False
    index = first
    while index < len(grid):
        cells, line = grid[index], rows[index].line
        header = header_at(grid, index)
        if header:  # the header, or its repetition at a page break
            if not columns.given and header.get("evidence") is not None:
                columns = header  # a later table (or page) laid out differently reads by its own
            index += header.header_rows
            after_break, in_signature = True, False
            continue
        index += 1
        if not any(cells) or in_signature:
            continue
        if _numbers_row(cells):
            after_break = True
            continue
        no_col = columns.get("no")
        number = cells[no_col] if no_col is not None and no_col < len(cells) else ""
        filled = [c for c in cells if c]
        if len(filled) == 1 and number.isdigit():
            table.notices.append(Notice(line, "stray_number", (("value", number),)))
            after_break = True
            continue
        if table.areas and signature_start(cells):
            in_signature = True
            continue
        table.data_rows += 1
        area = _area_row(cells, columns, table.areas, line)
        if area:
            table.areas.append(area)
            continue
        area = _area_in_column(cells, columns, table.areas, line)
        if area:
            table.areas.append(area)
        if not table.areas:
            table.notices.append(Notice(line, "before_area"))
            table.not_understood.append(line)
            continue
        area = table.areas[-1]
        row = _data_row(line, list(rows[index - 1].cells), cells, columns, area, table.notices,
                        after_break)
        after_break = False
        if row is None:
            continue
        if not (row.no or row.komponen or row.indikator or row.aksi or row.bukti):
            if row.months and area.rows:  # months of a lettered item above
                area.rows[-1].below.append(row.months)
                area.rows[-1].notices.extend(row.notices)
            else:
                table.not_understood.append(line)
            continue
        area.rows.append(row)
    return table


def _area_row(cells: list[str], columns: Columns, areas: list[Area], line: int) -> Area | None:
    """An area row: a Roman numeral (never a mark) and a name in the number column or the
    first cell, or a short row naming one of the six change areas however it is numbered."""
    no_col = columns.get("no")
    start = no_col if no_col is not None else next((i for i, c in enumerate(cells) if c), 0)
    first = cells[start] if start < len(cells) else ""
    texts = [c for i, c in enumerate(cells) if c and i != start and i not in columns.months
             and i != columns.get("team") and i not in columns.ignored]
    if any(cells[i] for i in columns.months if i < len(cells)):
        return None
    match = _AREA.match(first) if first else None
    if match and (match.group(2) or texts):
        name = (match.group(2) or texts[0]).strip(" :.-")
        return Area(match.group(1).upper(), name or texts[0], line)
    own = _OWN_NUMBER.match(first) if first else None
    name = (own.group(1) if own and own.group(1) else None) or (texts[0] if texts else "")
    if len(texts) > 1 or not name:
        return None
    roman = standard_area(name)
    if roman and (own or not first or first == name):
        return Area(roman, name, line)
    return None


def _area_in_column(cells: list[str], columns: Columns, areas: list[Area], line: int) -> Area | None:
    """A plan without area rows that names the area on each row ("No | Area | Sub Area | …"):
    a new area starts where that cell names another change area."""
    index = columns.get("area")
    if index is None or index >= len(cells) or columns.get("area") == columns.get("evidence"):
        return None
    roman = standard_area(cells[index])
    if roman is None or (areas and (areas[-1].roman == roman or not areas[-1].in_column)):
        return None
    return Area(roman, cells[index], line, in_column=True)


def _data_row(line: int, raw: list[str], cells: list[str], cols: Columns, area: Area,
              notices: list[Notice], after_break: bool) -> Row | None:
    def cell(role: str) -> str:
        index = cols.get(role)
        return cells[index] if index is not None and index < len(cells) else ""

    row_notices: list[Notice] = []
    if any(_TAG.search(c or "") for c in raw):
        row_notices.append(Notice(line, "html_tags"))
    months: list[int] = []
    teams: list[str] = []
    team_col = cols.get("team")
    first_month = cols.first_month
    named = set(cols.roles.values()) | cols.ignored
    for index, value in enumerate(cells):
        if not value or index in cols.ignored:
            continue
        if index in cols.months:
            if value in MARKS:
                months.extend(cols.months[index])
            elif re.search(r"[A-Za-z]{3}", value):
                teams.append(value)
                month = cols.months[index][0]
                row_notices.append(Notice(line, "team_in_month", (("team", value), ("month", str(month)))))
            else:
                row_notices.append(Notice(line, "mark_unknown", (("value", value),)))
        elif index == team_col:
            if value in MARKS:
                row_notices.append(Notice(line, "tick_in_team"))
            else:
                teams.append(value)
        elif first_month is not None and index > first_month and index not in named:
            if value in MARKS:
                row_notices.append(Notice(line, "tick_beyond", (("column", str(index + 1)),)))
            else:
                teams.append(value)
    schedule_col = cols.get("schedule")
    text = cells[schedule_col] if schedule_col is not None and schedule_col < len(cells) else ""
    if text:
        schedule = read_schedule(text)
        if schedule is None:
            row_notices.append(Notice(line, "schedule_unread", (("text", text),)))
        else:
            months.extend(schedule.months)
            if schedule.reading:
                row_notices.append(Notice(line, f"schedule_{schedule.reading}", (
                    ("text", text), ("months", ", ".join(map(str, schedule.months))))))
    team = team_name(teams[0]) if teams else ""
    if team:
        area.team_rows += 1
        area.team = area.team or team
    bukti = cell("evidence")
    komponen = cell("area")
    if area.in_column:
        komponen = cell("item") if cols.get("item") is not None else ""
    no = re.sub(r"^(\d+)[.)]$", r"\1", cell("no"))
    if cols.get("area") is None and no.isdigit():  # no component column: the item's own words
        komponen = cell("action") or cell("indicator") or bukti
    if cols.get("area") is None and no.isdigit() and bukti and not months:
        komponen, bukti = bukti, ""  # a numbered heading over lettered rows: the item's name
    if cols.get("evidence") == cols.get("area") and komponen:
        # one column holds the component on the item's row and the evidence below it
        if no.isdigit():
            bukti = ""
        else:
            komponen = ""
    row = Row(line, no, komponen, cell("indicator"), cell("action"), bukti, months,
              after_break, row_notices, team=team)
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
