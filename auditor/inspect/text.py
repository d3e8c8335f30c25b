"""From a document's lines to the text facts every text reader shares: date, title, head."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from auditor.fsnames import shown
from auditor.i18n import t
from auditor.inspect.dates import DateFinding, date_in_name, find_date, is_office_line, normalise
from auditor.inspect.facts import EVIDENCE_CHARS, FileFacts
from auditor.inspect.signatures import PICTURES

HEAD_CHARS = 4000
_KOP = re.compile(
    r"^(komisi|badan|kantor|kementerian|pemerintah|sekretariat|dinas|direktorat|bawaslu|kpu|"
    r"republik|provinsi|kabupaten|kota|pengadilan|lembaga)\b|\b(jalan|jl\.|telp|telepon|fax|"
    r"faks|e-?mail|website|laman|kode\s*pos|www\.)", re.IGNORECASE)
_SUBJECT = re.compile(r"^(hal|perihal)\s*:\s*(.*)$", re.IGNORECASE)
_NOT_TITLE = re.compile(r"^(nomor|no\.|lampiran|hal|perihal|sifat|yth|kepada)\b|\d{2,}", re.IGNORECASE)


def clean_lines(text: str) -> list[str]:
    return [ln.strip() for ln in normalise(text).split("\n")]


def title_of(lines: list[str]) -> str | None:
    """The first heading lines ("DAFTAR HADIR RAPAT ...", "NOTULEN", "KEPUTUSAN ...")."""
    for line in lines[:40]:
        subject = _SUBJECT.match(line)
        if subject and subject.group(2).strip():
            return subject.group(2).strip()[:200]
    picked: list[str] = []
    for line in lines[:min(60, max(8, len(lines) // 2))]:
        if not line or line in PICTURES:
            if picked:
                break
            continue
        letters = [c for c in line if c.isalpha()]
        upper = letters and sum(c.isupper() for c in letters) / len(letters) > 0.85
        if not picked and (_KOP.search(line) or _NOT_TITLE.search(line) or not upper
                           or is_office_line(line)):
            continue
        if picked and not upper:
            break
        picked.append(line)
        if len(picked) == 4:
            break
    if not picked:
        first = next((ln for ln in lines if ln and ln not in PICTURES and not _KOP.search(ln)), None)
        return first[:200] if first else None
    return re.sub(r"\s+", " ", " ".join(picked))[:200]


def head_of(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(ln for ln in lines if ln and ln not in PICTURES)).strip()[:HEAD_CHARS]


def apply_text(facts: FileFacts, lines: list[str], year: int | None,
               text_lines: int | None = None) -> DateFinding:
    """Fill title, text_head, date and period from the text; returns the finding for more."""
    plain = [ln for ln in lines if ln not in PICTURES]
    facts.title = title_of(lines)
    facts.text_head = head_of(lines)
    finding = find_date("\n".join(plain), year, text_lines=text_lines)
    if finding.date:
        facts.date, facts.date_source = finding.date.isoformat(), finding.source
        facts.date_evidence = finding.evidence
    facts.period = finding.period
    if finding.blank_date and not finding.date:
        facts.notes.append(t("inspect.note_date_blank"))
        facts.date_source = "blank"  # marks "no weak date either": the document says undated
    if finding.roman_month and not finding.date:
        month, yr = finding.roman_month
        facts.notes.append(t("inspect.note_roman_month", month=f"{month:02d}", year=yr))
    return finding


def signing_date(facts: FileFacts, value: date | None, source: str, year: int | None = None,
                 evidence: str | None = None) -> None:
    """Use the time of a digital signature when the text gave no date of its own.

    Not, given the plan year, for a year outside plan year ± 1. A draft's unfilled date line
    ("Karanganyar, ...... Mei 2022") yields to the signing time: signing completes it.
    """
    if value is None or (year is not None and not year - 1 <= value.year <= year + 1):
        return
    if facts.date is None or facts.date_source == "blank":
        facts.date, facts.date_source = value.isoformat(), source
        facts.date_evidence = evidence[:EVIDENCE_CHARS] if evidence else None


def file_date(facts: FileFacts, value: date | None, source: str = "metadata") -> None:
    """A date the file's properties carry (created/modified): a hint shown to people, never
    the document's own date (copies and templates reset it), never crediting a month."""
    if value is not None and facts.file_date_source != "metadata":
        facts.file_date, facts.file_date_source = value.isoformat(), source


def date_from_name(facts: FileFacts, path: Path, year: int | None) -> None:
    """A date written in the file's name ("IMG_20220513_0935.jpg", "SK 13 Mei 2022.doc")."""
    value = date_in_name(path.stem, year)
    if value:
        facts.date, facts.date_source, facts.date_evidence = value.isoformat(), "filename", shown(path.name)[:EVIDENCE_CHARS]
