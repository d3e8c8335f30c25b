"""Audit rules: one Rule per bukti fisik item of the Rencana Aksi, with its Parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.documents.formats import FAMILIES as FORMATS

AREAS = ("I", "II", "III", "IV", "V", "VI")


@dataclass(frozen=True)
class Part:
    """One document of a bukti fisik ("Undangan" of "Undangan, Daftar hadir dan ...")."""

    kind: str
    label: str  # how the plan names it, for messages: "Daftar hadir"
    name_words: tuple[str, ...] = ()  # words in a file name that identify this part
    text_words: tuple[str, ...] = ()  # words inside the document that identify it
    formats: tuple[str, ...] = FORMATS  # accepted file formats
    signed_required: bool = False
    signer: str | None = None  # "Ketua KPU Kabupaten Karanganyar" when the plan says so
    date_required: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "name_words": list(self.name_words),
            "text_words": list(self.text_words),
            "formats": list(self.formats),
            "signed_required": self.signed_required,
            "signer": self.signer,
            "date_required": self.date_required,
        }


@dataclass(frozen=True)
class Rule:
    id: str  # "<AREA>.<ITEM>.<N>", e.g. "I.1.4"
    area: str  # Roman numeral I..VI
    area_name: str
    item: int
    item_name: str  # KOMPONEN
    indicator: str
    action: str  # LANGKAH AKSI
    evidence: str  # BUKTI FISIK text
    team: str
    months: tuple[int, ...]
    parts: tuple[Part, ...]
    patterns: tuple[str, ...]  # globs relative to the evidence root
    folder: str  # relative folder created by init-tree; files directly in it belong here
    subject: str = ""  # the event or document, for sentences: "Rapat Koordinasi ZI ..."
    note: str | None = None
    source_line: int | None = None  # line of the rule in its rules file
    plan_line: int | None = None  # line (text) or table row (DOCX/XLSX) of the plan it came from

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "area": self.area,
            "area_name": self.area_name,
            "item": self.item,
            "item_name": self.item_name,
            "indicator": self.indicator,
            "action": self.action,
            "evidence": self.evidence,
            "team": self.team,
            "months": list(self.months),
            "parts": [p.to_json() for p in self.parts],
            "patterns": list(self.patterns),
            "folder": self.folder,
            "subject": self.subject,
            "note": self.note,
            "plan_line": self.plan_line,
        }


@dataclass(frozen=True)
class RuleSet:
    office: str
    year: int
    source: str
    rules: tuple[Rule, ...]
    teams: tuple[str, ...] = ()
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}
