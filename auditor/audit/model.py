"""What the audit stage hands to report and deliver: verdicts per (rule, due month)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from auditor.config.model import OutputSettings

STATUSES = ("ok", "late", "missing", "incomplete", "unsigned", "undated", "needs_review",
            "accepted", "not_applicable")
# A person's decision (auditor/review/): accepted counts with ok, shown apart; not applicable
# this month is not due at all.
DECIDED = ("accepted", "not_applicable")
# gap-report.json's `schema_version`: raised whenever a key's meaning changes (the JSON
# Schema of the report, auditor/report/gap-report.schema.json, says the same number).
SCHEMA_VERSION = 1
GAP_STATUSES = tuple(s for s in STATUSES if s not in ("ok", "late", *DECIDED))


@dataclass
class FileEvidence:
    """One file credited to (or found for) a verdict."""

    path: str  # relative to the evidence root, '/'-separated
    part: str | None  # the Part.kind it was taken as, None when it could not be told
    date: str | None  # YYYY-MM-DD, the document's own date
    date_source: str | None  # signature_block, exif, filename, ...
    signed: bool | None
    signature: str | None = None
    signer: str | None = None
    mtime: str | None = None  # ISO 8601 modification time, shown beside the date
    error: str | None = None
    # how the file was found: "folder" | "id" | "pattern" | "guess" (read from the names of
    # a layout of the office's own; the report says so, for a reader to check)
    matched_by: str | None = None
    date_evidence: str | None = None  # the words the date was read from
    file_date: str | None = None  # the file's properties' date: a weak hint, never credited
    file_date_source: str | None = None  # "metadata" | "mtime"
    explain: str | None = None  # for a guessed file: the story `zi-auditor explain` tells
    # a person's correction of this file ({by, at, why, date?, signed?, rule?, part?, month?,
    # ignore?}) and what the tool itself read ({date, date_source, signed, signature})
    review: dict[str, Any] | None = None
    read: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        # Every field is a plain value: a shallow copy is what asdict() would give, without
        # its deep copy of each value (thousands of files per report).
        return {name: getattr(self, name) for name in _EVIDENCE_FIELDS}


_EVIDENCE_FIELDS = tuple(f.name for f in fields(FileEvidence))


@dataclass
class Verdict:
    rule_id: str
    month: int
    team: str
    status: str  # one of STATUSES
    files: list[FileEvidence] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # plain sentences, report language
    folder: str = ""  # where the evidence is expected, relative to the root
    evidence: str = ""  # the BUKTI FISIK text, for readers
    area: str = ""
    item: int = 0
    open: bool = False  # the due month is the report month and not over yet (as_of inside it)
    # a person's decision: {decision, by, at, why, status_read} (auditor/review/)
    review: dict[str, Any] | None = None

    @property
    def is_gap(self) -> bool:
        return self.status in GAP_STATUSES

    def to_json(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in _VERDICT_FIELDS}
        out["files"] = [f.to_json() for f in self.files]
        out["problems"] = list(self.problems)
        return out


_VERDICT_FIELDS = tuple(f.name for f in fields(Verdict))


@dataclass
class Count:
    due: int = 0
    ok: int = 0
    gaps: int = 0


@dataclass
class RunSummary:
    """One past run, for the progress-over-time table."""

    run_at: str  # ISO 8601
    month: int
    due: int
    ok: int
    gaps: int
    files: int


@dataclass
class AuditReport:
    year: int
    month: int
    as_of: str  # YYYY-MM-DD
    generated_at: str  # ISO 8601 with offset
    evidence_root: str
    language: str
    office: str
    summary: Count
    by_team: dict[str, Count]
    verdicts: list[Verdict]
    errors: list[dict[str, str]]  # {path, error}
    upcoming: list[Verdict] = field(default_factory=list)  # due next month (status "upcoming")
    history: list[RunSummary] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)  # Rule.to_json() of every rule
    # evidence-looking files no rule claimed: {path, reason} (reason: a sentence, report language)
    unmatched: list[dict[str, str]] = field(default_factory=list)
    # this run's reading: files read (new or changed) and, of them, files read a second time
    # alone after a timeout or a crash while other files were read (see inspect/sandbox.py)
    inspection: dict[str, int] = field(default_factory=lambda: {"read": 0, "retried": 0})
    # with a folder map: folders it does not name whose files were guessed or left unplaced,
    # {folder, line}: the proposed line to paste into the map
    new_folders: list[dict[str, str]] = field(default_factory=list)
    # what people said and how much rests on it (auditor/review/apply.summary)
    review: dict[str, Any] = field(default_factory=dict)
    # teams of the rules with something due whose gaps reach no lead: no config team (name or
    # alias) with an e-mail address names them. Never dropped silently (issue #13).
    no_recipient: list[str] = field(default_factory=list)
    # how files are shown to readers: the link base (``links.base``) and the CSV separator
    output: OutputSettings = field(default_factory=OutputSettings)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "year": self.year, "month": self.month, "as_of": self.as_of,
            "generated_at": self.generated_at, "evidence_root": self.evidence_root,
            "language": self.language, "office": self.office,
            "summary": {**asdict(self.summary),
                        "by_team": {k: asdict(v) for k, v in self.by_team.items()}},
            "verdicts": [v.to_json() for v in self.verdicts],
            "errors": list(self.errors),
            "upcoming": [v.to_json() for v in self.upcoming],
            "history": [asdict(h) for h in self.history],
            "rules": list(self.rules),
            "unmatched": list(self.unmatched),
            "inspection": dict(self.inspection),
            "new_folders": list(self.new_folders),
            "review": dict(self.review),
            "no_recipient": list(self.no_recipient),
            "output": {"links_base": self.output.links_base,
                       "csv_delimiter": self.output.csv_delimiter},
        }
