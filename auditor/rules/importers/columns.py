"""Which column of a plan's table holds what, read from its header (one or two lines,
merged cells, line breaks inside cells) or given by the user with ``--columns``.

Roles: ``no`` (item number), ``area`` (KOMPONEN / PROSES), ``indicator``, ``action``,
``evidence`` (BUKTI FISIK), ``item`` (a second area-like column: AREA then SUB AREA), months (a grid of month / quarter / half-year columns, or one
``schedule`` column holding codes or names), ``team`` and columns to ignore (KET…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.documents.kinds import KINDS
from auditor.errors import UserError
from auditor.i18n import t
from auditor.rules.importers.schedule import group_label, month_label

ROLES = ("no", "area", "item", "indicator", "action", "evidence", "schedule", "team")
# Header words of each role, as offices write them (upper case, punctuation as spaces).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "no": ("NO", "NOMOR", "NO URUT", "NOMOR URUT"),
    "area": ("KOMPONEN", "PROSES", "AREA", "AREA PERUBAHAN", "KOMPONEN PENGUNGKIT", "ASPEK",
             "SUB KOMPONEN", "AREA PEMBANGUNAN ZI"),
    "indicator": ("INDIKATOR", "TARGET", "TARGET PRIORITAS", "SASARAN", "INDIKATOR KINERJA",
                  "TUJUAN", "UKURAN KEBERHASILAN"),
    "action": ("LANGKAH AKSI", "KEGIATAN", "RENCANA AKSI", "RENCANA KEGIATAN", "URAIAN KEGIATAN",
               "AKSI", "PROGRAM KEGIATAN", "LANGKAH LANGKAH", "TAHAPAN KEGIATAN"),
    "evidence": ("BUKTI FISIK", "OUTPUT", "DATA DUKUNG", "EVIDEN", "EVIDENCE", "BUKTI DUKUNG",
                 "BUKTI", "KELUARAN", "HASIL YANG DIHARAPKAN", "DOKUMEN PENDUKUNG"),
    "schedule": ("KURUN WAKTU", "JADWAL", "WAKTU PELAKSANAAN", "PELAKSANAAN", "BULAN",
                 "PELAKSANAAN BULAN", "JADWAL PELAKSANAAN", "TARGET WAKTU", "TIMELINE",
                 "JANGKA WAKTU", "WAKTU", "TARGET PENYELESAIAN", "JADWAL PELAKSANAAN BULAN",
                 "TRIWULAN", "SEMESTER", "TAHAPAN WAKTU"),
    "team": ("PENANGGUNG JAWAB", "PENANGGUNGJAWAB", "PJ", "PIC", "UNIT", "PELAKSANA", "UNIT KERJA",
             "TIM", "UNIT PELAKSANA", "KOORDINATOR", "PELAKSANA KEGIATAN", "UNIT PENANGGUNG JAWAB"),
    "ignore": ("KET", "KETERANGAN", "ANGGARAN", "REALISASI", "STATUS", "BIAYA", "CATATAN",
               "SUMBER DANA", "CAPAIAN", "PROGRES", "PROGRESS", "SATUAN", "VOLUME"),
}
_ROLE_NAMES = {"no": "no", "nomor": "no", "area": "area", "komponen": "area", "indicator": "indicator",
               "indikator": "indicator", "action": "action", "aksi": "action", "evidence": "evidence",
               "bukti": "evidence", "months": "months", "bulan": "months", "schedule": "months",
               "team": "team", "tim": "team", "ignore": "ignore", "abaikan": "ignore"}


@dataclass
class Columns:
    """Where each role is: column indexes (0 = A). ``months`` maps a grid column to the
    months a mark in it stands for; ``schedule`` is one column of schedule words."""

    roles: dict[str, int] = field(default_factory=dict)
    months: dict[int, tuple[int, ...]] = field(default_factory=dict)
    ignored: set[int] = field(default_factory=set)
    headings: dict[int, str] = field(default_factory=dict)  # column -> its header words
    header_rows: int = 1
    given: bool = False  # from --columns

    def get(self, role: str) -> int | None:
        return self.roles.get(role)

    @property
    def first_month(self) -> int | None:
        return min(self.months) if self.months else None

    def describe(self) -> str:
        """'no=A (NO), area=B (KOMPONEN), …, months=F–Q (1–12), team=R (PENANGGUNG JAWAB)'."""
        parts = []
        for role in ROLES:
            if role == "schedule" and self.months:
                first, last = min(self.months), max(self.months)
                labels = [self.months[c] for c in sorted(self.months)]
                shown = ",".join(str(m[0]) for m in labels)
                parts.append(f"months={letter(first)}–{letter(last)} ({shown})")
                continue
            index = self.roles.get(role)
            if index is None:
                continue
            name = "months" if role == "schedule" else role
            heading = self.headings.get(index, "")
            parts.append(f"{name}={letter(index)}" + (f" ({heading})" if heading else ""))
        if self.ignored:
            parts.append("ignore=" + ",".join(
                letter(i) + (f" ({self.headings[i]})" if self.headings.get(i) else "") for i in sorted(self.ignored)))
        return ", ".join(parts)


def letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (as Excel names columns)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _index(text: str) -> int:
    value = text.strip().upper()
    if value.isdigit():
        return int(value) - 1
    if not re.fullmatch(r"[A-Z]{1,2}", value):
        raise ValueError(text)
    number = 0
    for char in value:
        number = number * 26 + ord(char) - 64
    return number - 1


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^A-Z0-9]+", " ", text.upper())).strip()


_FILLER = {"DAN", "ATAU", "KE", "YANG", "DIHARAPKAN", "TAHUN", "PER", "SUB"}
_HEADER_WORDS = {w for words in SYNONYMS.values() for s in words for w in s.split()} | _FILLER


def role_of(text: str) -> str | None:
    """The role a header cell names, by its longest synonym (whole words). A cell with more
    than one word that is not header vocabulary is data, not a heading."""
    cell = normal(text)
    if not cell or len(cell.split()) > 6:
        return None
    if sum(1 for w in cell.split() if w not in _HEADER_WORDS and not w.isdigit()) > 1:
        return None
    best: tuple[int, int, str] | None = None
    padded = f" {cell} "
    for role, words in SYNONYMS.items():
        for word in words:
            at = padded.rfind(f" {word} ")
            # the longest synonym; on a tie the later one ("TARGET OUTPUT" is an output)
            if at >= 0 and (best is None or (len(word), at) > best[:2]):
                best = (len(word), at, role)
    return best[2] if best else None


def header_at(rows: list[list[str]], index: int) -> Columns | None:
    """The mapping when ``rows[index]`` starts a header (with the row below when it is the
    header's second line), else None."""
    top = rows[index]
    roles = {i: role_of(c) for i, c in enumerate(top) if c}
    named = {i: r for i, r in roles.items() if r}
    body = {"area", "indicator", "action", "evidence"}
    if len(set(named.values()) - {"ignore"}) < 3 or not body & set(named.values()):
        return None
    digits = _digit_months(top)
    unknown = [c for i, c in enumerate(top)
               if c and i not in named and i not in digits and not month_label(c, False)]
    if len(unknown) > len(named):
        return None
    below = rows[index + 1] if index + 1 < len(rows) else []
    columns = Columns()
    second = _second_line(top, below, named)
    columns.header_rows = 2 if second else 1
    heading = ""
    for i in range(max(len(top), len(below) if second else 0)):
        cell = top[i] if i < len(top) else ""
        under = below[i] if second and i < len(below) else ""
        heading = cell or heading
        role = named.get(i) if cell else None
        label = digits.get(i) or (month_label(cell, False) if cell else None)
        if label:
            columns.months[i] = label
            columns.headings[i] = cell
            continue
        if under:
            label = month_label(under, role_of(heading) == "schedule") or group_label(heading, under)
            if label:
                columns.months[i] = label
                columns.headings[i] = f"{heading} {under}".strip()
                continue
            if not cell and role_of(under):
                role, cell = role_of(under), under
        if role == "ignore":
            columns.ignored.add(i)
            columns.headings[i] = cell
        elif role and role not in columns.roles:
            columns.roles[role] = i
            columns.headings[i] = cell
        elif role == "area" and "item" not in columns.roles:  # AREA then SUB AREA / KOMPONEN
            columns.roles["item"] = i
            columns.headings[i] = cell
    if columns.months:
        columns.roles.pop("schedule", None)
    return columns


def _digit_months(cells: list[str]) -> dict[int, tuple[int, ...]]:
    """Month columns headed 1 … 12 in the header's own line (no heading above them)."""
    filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
    for start in range(len(filled) - 11):
        run = filled[start:start + 12]
        if [c for _, c in run] == [str(m) for m in range(1, 13)]:
            return {i: (m,) for m, (i, _) in enumerate(run, 1)}
    return {}


def _second_line(top: list[str], below: list[str], named: dict[int, str]) -> bool:
    """The row below is the header's second line: month labels, or names under merged cells."""
    filled = [(i, c) for i, c in enumerate(below) if c]
    if not filled:
        return False
    heading = ""
    labels = 0
    for i in range(len(below)):
        heading = (top[i] if i < len(top) else "") or heading
        cell = below[i]
        if not cell:
            continue
        if month_label(cell, role_of(heading) == "schedule") or group_label(heading, cell):
            labels += 1
        elif role_of(cell) and not (i < len(top) and top[i]):
            labels += 1
        else:
            return False
    return labels >= 2 or (labels == 1 and len(filled) == 1)


def parse_override(text: str) -> dict[str, tuple[int, int | None]]:
    """'evidence=D,months=F,team=G' (or months=F-Q for a month grid) -> role: (first, last)."""
    out: dict[str, tuple[int, int | None]] = {}
    for piece in text.split(","):
        if not piece.strip():
            continue
        name, _, where = piece.partition("=")
        role = _ROLE_NAMES.get(name.strip().lower())
        try:
            if role is None or not where.strip():
                raise ValueError(piece)
            first, _, last = where.strip().replace("–", "-").partition("-")
            out[role] = (_index(first), _index(last) if last else None)
        except ValueError:
            raise UserError(t("rules.import.bad_columns", value=piece.strip(),
                              roles=", ".join(sorted(set(_ROLE_NAMES.values()))))) from None
    return out


def apply_override(columns: Columns | None, override: dict[str, tuple[int, int | None]]) -> Columns:
    result = columns or Columns()
    result.given = True
    for role, (first, last) in override.items():
        for old_role, index in list(result.roles.items()):
            if old_role == role or (index == first and role != "months"):
                del result.roles[old_role]
        if role == "months":
            result.roles.pop("schedule", None)
            if last is not None:
                result.months = {c: (c - first + 1,) for c in range(first, last + 1)}
            else:
                result.months = {}
                result.roles["schedule"] = first
        elif role == "ignore":
            result.ignored.update(range(first, (last if last is not None else first) + 1))
        else:
            result.roles[role] = first
        if role != "ignore":
            result.ignored -= set(range(first, (last if last is not None else first) + 1))
        old = result.headings.get(first)
        result.headings[first] = f"{old}, --columns" if old else "--columns"
    return result


_KIND_WORDS = re.compile(r"\b(" + "|".join(sorted(
    (re.escape(w) for k in KINDS.values() for w in k.plan_words), key=len, reverse=True)) + r")\b", re.I)


def evidence_by_contents(columns: Columns, rows: list[list[str]]) -> int | None:
    """The text column whose cells most often name documents (SK, Laporan, Undangan…)."""
    taken = {columns.roles.get(r) for r in ("no", "team", "schedule")} | set(columns.months)
    taken |= columns.ignored
    scores: dict[int, int] = {}
    for row in rows:
        for index, cell in enumerate(row):
            if index not in taken and cell and _KIND_WORDS.search(cell):
                scores[index] = scores.get(index, 0) + 1
    if not scores:
        return None
    return max(scores, key=lambda i: (scores[i], -i))
