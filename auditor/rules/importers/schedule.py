"""When a plan says an action is due: marks in month columns, month-column labels, and the
words of a single schedule column ("B03, B06, B09 dan B12", "Mar–Jun", "Triwulanan").

Month names come from the one table of Indonesian month words (``auditor.inspect.dates``).
A reading that is not literal (quarterly → 3, 6, 9, 12) says so, for the importer's warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.months import MONTHS

MARKS = {"√", "✓", "✔", "v", "V", "x", "X", "●", "•", "1"}
ROMAN_NUMBERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_RANGE_SEP = r"\s*(?:[-–—]|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
_MONTH_RANGE = re.compile(rf"\b({_NAME})\.?{_RANGE_SEP}({_NAME})\b\.?", re.I)
_MONTH_WORD = re.compile(rf"\b({_NAME})\b\.?", re.I)
_CODE = re.compile(r"\bB\s*[-.]?\s*(\d{1,2})\b", re.I)
_BULAN_NUMBERS = re.compile(r"\b(?:bulan|bln)\s*(?:ke\s*-?\s*)?((?:\d{1,2}\s*(?:[,;/&]|dan|-|–|s\.?d\.?)?\s*)+)",
                            re.I)
_NUMBERS = re.compile(r"^\s*\d{1,2}(?:\s*(?:[,;/&]|dan|-|–)\s*\d{1,2})*\s*$", re.I)
_TW = re.compile(r"\b(?:TW|triwulan|trw|kuartal|q)\s*[-.]?\s*(IV|I{1,3}|[1-4])\b"
                 r"(?:\s*(?:[-–]|s\.?d\.?)\s*(?:TW\s*)?(IV|I{1,3}|[1-4])\b)?", re.I)
_SEMESTER = re.compile(r"\bsemester\s*(II|I|[12])\b(?:\s*(?:[-–/]|dan|s\.?d\.?)\s*(II|[2]))?", re.I)
_EVERY_MONTH = re.compile(r"\b(?:(?:se)?tiap\s+bulan|bulanan|per\s*bulan|januari\s*(?:[-–]|s\.?d\.?)\s*desember)\b",
                          re.I)
_QUARTERLY = re.compile(r"\b(?:triwulanan|(?:se)?tiap\s+triwulan|per\s*triwulan|per-triwulan)\b", re.I)
_HALF_YEARLY = re.compile(r"\b(?:semesteran|(?:se)?tiap\s+semester|per\s*semester)\b", re.I)
_YEARLY = re.compile(r"\b(?:tahunan|(?:se)?tiap\s+tahun|per\s*tahun|setahun\s+sekali|1\s*x\s*setahun)\b", re.I)


@dataclass(frozen=True)
class Schedule:
    months: tuple[int, ...]
    reading: str | None = None  # the non-literal reading, e.g. "triwulanan", for the warning


def _number(token: str) -> int:
    token = token.upper()
    return ROMAN_NUMBERS[token] if token in ROMAN_NUMBERS else int(token)


def _span(first: int, last: int) -> list[int]:
    return list(range(first, last + 1)) if first <= last else [*range(first, 13), *range(1, last + 1)]


def read_schedule(text: str) -> Schedule | None:
    """The months a schedule cell names, or None when it names none that can be read."""
    value = text.strip()
    if not value:
        return None
    if _EVERY_MONTH.search(value):
        return Schedule(tuple(range(1, 13)), "tiap_bulan")
    if _QUARTERLY.search(value):
        return Schedule((3, 6, 9, 12), "triwulan")
    if _HALF_YEARLY.search(value):
        return Schedule((6, 12), "semester")
    months: set[int] = set()
    reading = None
    for match in _TW.finditer(value):
        first = _number(match.group(1))
        last = _number(match.group(2)) if match.group(2) else first
        months.update(3 * q for q in range(first, last + 1))
        reading = "triwulan"
    for match in _SEMESTER.finditer(value):
        first = _number(match.group(1))
        last = _number(match.group(2)) if match.group(2) else first
        months.update(6 * s for s in range(first, last + 1))
        reading = "semester"
    for match in _CODE.finditer(value):
        months.add(int(match.group(1)))
    for match in _BULAN_NUMBERS.finditer(value):
        months.update(_numbers(match.group(1)))
    rest = _MONTH_RANGE.sub(" ", value)
    for match in _MONTH_RANGE.finditer(value):
        months.update(_span(MONTHS[match.group(1).lower()], MONTHS[match.group(2).lower()]))
    for match in _MONTH_WORD.finditer(rest):
        months.add(MONTHS[match.group(1).lower()])
    if not months and _NUMBERS.match(value):
        months.update(_numbers(value))
    months = {m for m in months if 1 <= m <= 12}
    if months:
        return Schedule(tuple(sorted(months)), reading)
    if _YEARLY.search(value):
        return Schedule((12,), "tahunan")
    return None


def _numbers(text: str) -> list[int]:
    """'3, 6, 9 dan 12' -> [3, 6, 9, 12]; '3-6' -> [3, 4, 5, 6]."""
    out: list[int] = []
    for match in re.finditer(r"(\d{1,2})(?:\s*(?:-|–|s\.?d\.?)\s*(\d{1,2}))?", text):
        first = int(match.group(1))
        out.extend(_span(first, int(match.group(2))) if match.group(2) else [first])
    return out


def month_label(text: str, under_group: bool) -> tuple[int, ...] | None:
    """The months a month-column header stands for: '1'…'12' (only under a schedule group
    heading), 'Jan'…'Des', 'Januari', 'TW I', 'Triwulan II', 'Semester I'; else None."""
    value = re.sub(r"\s+", " ", text).strip().rstrip(".")
    if not value:
        return None
    if value.isdigit():
        return (int(value),) if under_group and 1 <= int(value) <= 12 else None
    if value.lower() in MONTHS:
        return (MONTHS[value.lower()],)
    tw = re.fullmatch(r"(?:TW|triwulan|trw|kuartal|Q)\s*[-.]?\s*(IV|I{1,3}|[1-4])", value, re.I)
    if tw:
        return (3 * _number(tw.group(1)),)
    semester = re.fullmatch(r"(?:semester|smt|sem)\s*[-.]?\s*(II|I|[12])", value, re.I)
    if semester:
        return (6 * _number(semester.group(1)),)
    if under_group and value.upper() in ROMAN_NUMBERS:
        return None  # a bare I…IV is read by the group heading (TRIWULAN / SEMESTER)
    return None


def group_label(heading: str, text: str) -> tuple[int, ...] | None:
    """A bare 'I'…'IV' or '1'…'4' under a TRIWULAN heading, 'I'/'II' under SEMESTER."""
    value = text.strip().rstrip(".").upper()
    head = heading.upper()
    if value in ROMAN_NUMBERS or (value.isdigit() and 1 <= int(value) <= 4):
        number = _number(value)
        if "TRIWULAN" in head or re.search(r"\bTW\b", head):
            return (3 * number,)
        if "SEMESTER" in head and number <= 2:
            return (6 * number,)
    return None
