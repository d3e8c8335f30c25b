"""FileFacts: what inspecting one file tells the audit (the `inspect --json` contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Raised whenever a reader reads differently: facts cached by an older reader are read again.
READER_VERSION = 2
EVIDENCE_CHARS = 120


@dataclass
class FileFacts:
    path: str  # as given / relative to the evidence root
    format: str  # pdf | docx | xlsx | image | other
    date: str | None = None  # YYYY-MM-DD: the document's own date
    date_source: str | None = None  # signature_block, ditetapkan, meeting_day, letter_date,
    #   digital_signature, exif, filename, period, text
    date_evidence: str | None = None  # the words the date was read from (<= 120 characters)
    file_date: str | None = None  # YYYY-MM-DD from the file's properties or mtime: a weak hint,
    file_date_source: str | None = None  # "metadata" | "mtime"; never credits a month
    signed: bool | None = None  # None: cannot be told (e.g. a scanned page)
    signature: str | None = None  # digital | image | marker | None
    signer: str | None = None
    scanned: bool = False
    error: str | None = None  # plain message: corrupt, encrypted, too large, timed out...
    # Beyond the contract, for the scan and audit stages:
    title: str | None = None  # first heading lines ("DAFTAR HADIR ..."), to tell the part
    text_head: str = ""  # the first ~4000 characters of text, normalised whitespace
    period: str | None = None  # "YYYY-MM" a table or report covers (XLSX titles)
    phash: str | None = None  # perceptual hash of a photo (hex), for reuse detection
    pages: int | None = None
    size: int | None = None
    mtime: float | None = None
    notes: list[str] = field(default_factory=list)  # plain remarks (weak date, OCR used...)
    retried: bool = False  # read a second time, alone, after a timeout or crash among others
    error_kind: str | None = None  # what ``error`` belongs to: one of ERROR_KINDS (see there)

    CONTRACT_KEYS = ("path", "format", "date", "date_source", "date_evidence", "file_date",
                     "file_date_source", "signed", "signature", "signer", "scanned", "error")

    def to_json(self) -> dict[str, Any]:
        out = {key: getattr(self, key) for key in self.CONTRACT_KEYS}
        out.update(title=self.title, period=self.period, phash=self.phash, pages=self.pages,
                   size=self.size, mtime=self.mtime, notes=list(self.notes), retried=self.retried,
                   error_kind=self.error_kind)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileFacts:
        known = cls.__dataclass_fields__  # called once per cached file on every scan
        if data.keys() <= known.keys():
            return cls(**data)
        return cls(**{k: v for k, v in data.items() if k in known})


# What an error belongs to. Only the first two are facts of the file's bytes and may be
# kept between runs: "content" (corrupt, encrypted, unsupported, empty) for as long as the
# file's size and mtime are the same, "limit" (too large) also only while the limit that
# refused it is the same. The others pass: the file is read again on the next run.
CONTENT, LIMIT = "content", "limit"
VANISHED, IO, PERMISSION = "vanished", "io", "permission"  # the file or its share went away
TIMEOUT, CRASHED, CHANGED = "timeout", "crashed", "changed"  # the reading, not the bytes
ERROR_KINDS = (CONTENT, LIMIT, VANISHED, IO, PERMISSION, TIMEOUT, CRASHED, CHANGED)
CACHED_ERRORS = frozenset({CONTENT, LIMIT})


def may_cache(facts: FileFacts) -> bool:
    """True when ``facts`` hold for the file's bytes (no error, or one of its content)."""
    return facts.error is None or facts.error_kind in CACHED_ERRORS


@dataclass(frozen=True)
class Limits:
    """Per-document limits of the inspection sandbox (config: inspect.*)."""

    timeout_seconds: float = 20.0  # CPU seconds (reader and its OCR child); see sandbox.py
    max_bytes: int = 50 * 1024 * 1024
    ocr: bool = True

    def cache_key(self) -> str:
        """What a cached "limit" error depends on: another key reads those files again."""
        return f"max_bytes={self.max_bytes}"
