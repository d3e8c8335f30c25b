"""Apply what people said, between inspect and audit.

Files are recognised by content: the SHA-256 of each matched or unrecognised file (cached in
the state with size and mtime, so computed once) is looked up among the corrections. A
correction whose content is no longer in the tree, while a file stands at its recorded path,
is stale: that file was edited since, is read as it is now, and the report says so.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from auditor.i18n import t
from auditor.review.book import Book, FileReview, part_names

if TYPE_CHECKING:
    from auditor.audit.model import Verdict
    from auditor.audit.state import State
    from auditor.inspect.facts import FileFacts
    from auditor.scan.match import RuleIndex, RuleMatch
    from auditor.scan.walk import Entry

# Readings a person may overrule, but not silently: the coordinator is told.
STRONG_DATE_SOURCES = ("digital_signature", "ditetapkan")
CHUNK = 1 << 20


def sha256_of(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's content, read only; OSError when it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(entry: Entry) -> str | None:
    """The SHA-256 of a walked file, or None when it cannot be read now."""
    try:
        return sha256_of(entry.abspath)
    except OSError:
        return None


@dataclass
class FileReviews:
    """The corrections that hold for this run's files, by path in the tree."""

    book: Book
    fixes: dict[str, FileReview] = field(default_factory=dict)  # relpath -> its correction
    stale: dict[str, FileReview] = field(default_factory=dict)  # edited since corrected
    ignored: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)  # relpath -> month it serves

    def correct(self, facts: dict[str, FileFacts]) -> dict[str, FileFacts]:
        """The facts with each corrected date and signature in place of the reading."""
        out = dict(facts)
        for path, fix in self.fixes.items():
            f = out.get(path)
            if f is None or (fix.date is None and fix.signed is None):
                continue
            changes: dict[str, Any] = {}
            if fix.date is not None:
                changes.update(date=fix.date, date_source="review", date_evidence=None,
                               error=None, error_kind=None)
            if fix.signed is not None:
                changes.update(signed=fix.signed,
                               signature=f.signature if fix.signed else None)
            out[path] = replace(f, **changes)
        return out


def review_files(book: Book, state: State, index: RuleIndex,
                 matched: list[tuple[Entry, RuleMatch]],
                 strays: list[Entry]) -> tuple[list[tuple[Entry, RuleMatch]], list[Entry],
                                               FileReviews]:
    """Matched and unrecognised files after the corrections: ignored files dropped, files
    given a rule (and part, month) placed there; and the corrections that hold."""
    reviews = FileReviews(book)
    if not book.files:
        return matched, strays, reviews
    from auditor.scan.match import RuleMatch

    entries = [e for e, _ in matched] + list(strays)
    hashes = state.hashes_for(entries, fingerprint)
    by_sha = {f.sha256: f for f in book.files}
    present = set(hashes.values())
    rules = {r.id: r for r in index.rules}
    by_path = {e.relpath: e for e in entries}
    last_seen = state.reviewed_paths()
    for fix in book.files:  # its content is gone, a file stands where it was: edited since
        if fix.sha256 in present:
            continue
        for where in dict.fromkeys((last_seen.get(fix.sha256), fix.path)):
            if where in by_path:
                reviews.stale[where] = fix
    out: list[tuple[Entry, RuleMatch]] = []
    match_of = dict(matched)
    for entry in entries:
        fix = by_sha.get(hashes.get(entry.relpath, ""))
        match = match_of.get(entry)
        if fix is None:
            if match is not None:
                out.append((entry, match))
            continue
        reviews.fixes[entry.relpath] = fix
        if fix.ignore:
            reviews.ignored.append(entry.relpath)
            continue
        if fix.rule is not None and fix.rule in rules:
            rule = rules[fix.rule]
            part = next((p for p, name in zip(rule.parts, part_names(rule), strict=False)
                         if name == fix.part), None)
            month = fix.month if fix.month is not None else (match.folder_month if match else None)
            match = RuleMatch(rule, month, (), part or (match.part if match and match.rule is rule
                                                         else None), "review")
        if fix.month is not None:
            reviews.months[entry.relpath] = fix.month
        if match is not None:
            out.append((entry, match))
    state.see_reviewed({fix.sha256: path for path, fix in reviews.fixes.items()})
    kept = {e.relpath for e, _ in out}
    left = [e for e in strays if e.relpath not in kept and e.relpath not in reviews.ignored]
    return out, left, reviews


def day_of(at: str, lang: str) -> str:
    """'2022-05-20T10:00:00+07:00' -> '20 Mei 2022'; a hand-written ``at`` as it is."""
    from auditor.audit.problems import long_date

    try:
        return long_date(at[:10], lang)
    except ValueError:
        return at


def said_text(fix: FileReview, lang: str) -> str:
    """'tanggal 13 Mei 2022, ditandatangani' in ``lang``."""
    from auditor.audit.problems import long_date

    bits = []
    if fix.date:
        bits.append(t("review.said.date", lang, date=long_date(fix.date, lang)))
    if fix.signed is not None:
        bits.append(t("review.said.signed_yes" if fix.signed else "review.said.signed_no", lang))
    if fix.rule:
        bits.append(t("review.said.rule", lang, rule=fix.rule, part=fix.part or "-"))
    if fix.month:
        from auditor.audit.problems import month_name

        bits.append(t("review.said.month", lang, month=month_name(fix.month, lang)))
    if fix.ignore:
        bits.append(t("review.said.ignore", lang))
    return ", ".join(bits)


def note_files(verdicts: list[Verdict], facts: dict[str, FileFacts], reviews: FileReviews,
               lang: str) -> list[dict[str, Any]]:
    """Mark each corrected file (who, when, why, what; the reader's own reading beside it)
    and each file edited since its correction; returns the corrections that contradict a
    strong reading (a digital signature's time, "Ditetapkan … pada tanggal")."""
    contradictions: list[dict[str, Any]] = []
    seen: set[str] = set()
    for verdict in verdicts:
        for evidence in verdict.files:
            fix = reviews.fixes.get(evidence.path)
            if fix is not None:
                f = facts.get(evidence.path)
                evidence.review = {"by": fix.by, "at": fix.at, "why": fix.why, **fix.said()}
                evidence.read = ({"date": f.date, "date_source": f.date_source,
                                  "signed": f.signed, "signature": f.signature}
                                 if f is not None else None)
                if f is not None and evidence.path not in seen and _contradicts(fix, f):
                    seen.add(evidence.path)
                    contradictions.append({"path": evidence.path, "by": fix.by, "at": fix.at,
                                           "said": said_text(fix, lang),
                                           "read": f.date_evidence or f.date or f.signature})
            stale = reviews.stale.get(evidence.path)
            if stale is not None:
                verdict.problems.append(t("review.changed_since", lang, path=evidence.path,
                                          by=stale.by, when=day_of(stale.at, lang)))
    return contradictions


def _contradicts(fix: FileReview, read: FileFacts) -> bool:
    if fix.date and read.date and read.date_source in STRONG_DATE_SOURCES and fix.date != read.date:
        return True
    return fix.signed is False and read.signature == "digital" and read.signed is True


def apply_decisions(book: Book, verdicts: list[Verdict], lang: str) -> None:
    """A person's "accepted" or "not applicable this month" replaces a gap the tool saw (a
    month the tool finds complete stays complete); the tool's own status is kept in
    ``review.status_read``."""
    for verdict in verdicts:
        decision = book.verdict(verdict.rule_id, verdict.month)
        if decision is None:
            continue
        verdict.review = {"decision": decision.decision, "by": decision.by, "at": decision.at,
                          "why": decision.why, "status_read": verdict.status}
        if not verdict.is_gap:
            continue
        verdict.status = decision.decision
        verdict.problems = [t(f"review.decided.{decision.decision}", lang, by=decision.by,
                              when=day_of(decision.at, lang), why=decision.why)]


def on_word(verdicts: list[Verdict]) -> int:
    """Verdicts that rest on a person's word: decided by one, or complete thanks to a
    corrected file."""
    return sum(1 for v in verdicts
               if v.status in ("accepted", "not_applicable")
               or (not v.is_gap and any(f.review for f in v.files)))


def summary(reviews: FileReviews, verdicts: list[Verdict],
            contradictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The report's ``review`` block (see docs/report-json.md)."""
    book = reviews.book
    entries: list[dict[str, Any]] = [
        {"kind": "file", "path": f.path, "sha256": f.sha256, **f.said(), "by": f.by,
         "at": f.at, "why": f.why} for f in book.files]
    entries += [{"kind": "verdict", "rule": v.rule, "month": v.month, "decision": v.decision,
                 "by": v.by, "at": v.at, "why": v.why} for v in book.verdicts]
    return {"file": str(book.path), "on_word": on_word(verdicts),
            "entries": sorted(entries, key=lambda e: e["at"]),
            "stale": [{"path": p, "by": f.by, "at": f.at} for p, f in sorted(reviews.stale.items())],
            "contradictions": contradictions, "ignored": sorted(reviews.ignored)}
