"""Rule x due month -> Verdict. Pure functions: no file is opened here.

How files credit months:
- a file dated in a due month credits that month; dated before the rule's first due month
  it credits the first (done ahead of plan);
- dated after a due month and before the next one, it credits that due month as late; the
  best file of each part decides, so a late copy never spoils an on-time one;
- each file is placed in one due month only;
- a date taken only from the file's properties or modification time counts as no date;
- an undated file (or one dated outside the plan year, or unreadable) goes to the month its
  folder names ("05 Mei"), else to the first due month still lacking that part; it is shown
  there but never makes the month ok;
- a part that must be signed and is not gives ``unsigned``; a signature that cannot be told
  (a scanned page), an unreadable file, a file dated outside the year, or files whose part
  cannot be told are ``needs_review``.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from auditor.audit import problems
from auditor.audit.model import FileEvidence, Verdict
from auditor.inspect.facts import FileFacts
from auditor.rules.model import Part, Rule
from auditor.scan.match import part_key

# A date only the file's properties carry (FileFacts.file_date) places nothing: copies and
# templates reset it; the document itself must carry its date (FileFacts.date).
# File states, best first; the best file of a part decides the part.
FILE_RANK = ("ok", "late", "unsigned", "signature_unknown", "undated", "outside", "error")


@dataclass(frozen=True)
class Candidate:
    """A file matched to a rule, with what inspecting it told."""

    relpath: str
    part: str | None  # part key (scan.match.part_key); None when it cannot be told
    folder_month: int | None
    facts: FileFacts
    mtime: str | None = None  # ISO 8601 in the config time zone
    served_month: int | None = None  # a person said which due month it serves (review)


@dataclass(frozen=True)
class Period:
    """What the report covers: due months of ``year`` up to ``month``, as seen on ``as_of``."""

    year: int
    month: int
    as_of: date

    @property
    def month_end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def open(self) -> bool:
        """True while the report month is not over yet (a pre-Pleno scan mid-month)."""
        return self.as_of < self.month_end


def _parse(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _window_month(month: int, due: Sequence[int]) -> tuple[int, bool] | None:
    """The due month that a document of ``month`` serves, and whether it is late."""
    if month in due:
        return month, False
    if month < due[0]:
        return due[0], False
    earlier = [m for m in due if m < month]
    return (earlier[-1], True) if earlier else None


def _parts(rule: Rule) -> tuple[Part, ...]:
    return rule.parts or (Part(kind="dokumen", label=rule.evidence),)


def _file_state(part: Part | None, cand: Candidate, timing: str) -> str:
    facts = cand.facts
    if facts.error:
        return "error"
    if timing in ("undated", "weak", "outside") and (part is None or part.date_required):
        return "undated" if timing == "weak" else timing
    if part is not None and part.signed_required:
        if facts.signed is False:
            return "unsigned"
        if facts.signed is None:
            return "signature_unknown"
    return "late" if timing == "late" else "ok"


def place(rule: Rule, candidates: Sequence[Candidate], year: int,
          last_month: int) -> dict[int, list[tuple[Candidate, str]]]:
    """Each file into one due month (up to ``last_month``) with its timing."""
    due = sorted(rule.months)
    shown = [m for m in due if m <= last_month]
    slots: dict[int, list[tuple[Candidate, str]]] = {m: [] for m in shown}
    if not due:
        return slots
    later: list[tuple[Candidate, str]] = []
    for cand in sorted(candidates, key=lambda c: c.relpath):
        when = _parse(cand.facts.date)
        timing = "on_time"
        target: int | None = None
        if cand.served_month is not None:
            found = _window_month(cand.served_month, due)
            if found and found[0] in slots:
                slots[found[0]].append((cand, "on_time"))
                continue
        if cand.facts.error is None and when is not None and when.year == year:
            found = _window_month(when.month, due)
            if found:
                target, is_late = found
                timing = "late" if is_late else "on_time"
        else:
            timing = "outside" if when is not None and cand.facts.error is None else "undated"
            if timing == "undated" and cand.facts.file_date_source == "metadata":
                timing = "weak"
            if cand.folder_month is not None:
                found = _window_month(cand.folder_month, due)
                target = found[0] if found else None
            if target is None:
                later.append((cand, timing))
                continue
        if target in slots:
            slots[target].append((cand, timing))
    for cand, timing in later:  # no date and no month folder: first month still lacking it
        if not shown:
            break
        lacking = [m for m in shown if not any(c.part == cand.part for c, _ in slots[m])]
        slots[lacking[0] if lacking else shown[-1]].append((cand, timing))
    return slots


def _evidence(cand: Candidate) -> FileEvidence:
    f = cand.facts
    return FileEvidence(path=cand.relpath, part=cand.part, date=f.date, date_source=f.date_source,
                        signed=f.signed, signature=f.signature, signer=f.signer,
                        mtime=cand.mtime, error=f.error, date_evidence=f.date_evidence,
                        file_date=f.file_date, file_date_source=f.file_date_source)


def judge_month(rule: Rule, month: int, placed: Sequence[tuple[Candidate, str]],
                period: Period, lang: str) -> Verdict:
    """The verdict of ``rule`` for due ``month`` from the files placed in it."""
    parts = _parts(rule)
    by_key = {part_key(rule, p): p for p in parts}
    states: dict[str, str] = {}
    sentences: list[str] = []
    unclassified = [c for c, _ in placed if c.part not in by_key]
    for key, part in by_key.items():
        mine = [(c, timing) for c, timing in placed if c.part == key]
        if not mine:
            states[key] = "missing"
            continue
        ranked = sorted(((FILE_RANK.index(_file_state(part, c, tm)), c, tm) for c, tm in mine),
                        key=lambda x: (x[0], x[1].relpath))
        rank, best, timing = ranked[0]
        state = FILE_RANK[rank]
        states[key] = state
        sentences.extend(_sentences(rule, part, state, best, month, period, lang))
    is_open = period.open and month == period.month
    deadline = period.month_end if is_open else None
    missing = [k for k, s in states.items() if s == "missing"]
    if len(missing) == len(states) and not unclassified:
        status = "missing"
        sentences.insert(0, problems.missing(rule, None, month, lang, deadline))
    else:
        if len(missing) == len(states):
            status = "needs_review"
        elif missing:
            status = "incomplete"
        else:
            found = set(states.values())
            status = ("unsigned" if "unsigned" in found
                      else "needs_review" if found & {"signature_unknown", "error", "outside"}
                      else "undated" if "undated" in found
                      else "late" if "late" in found else "ok")
        if missing and len(missing) < len(states):
            sentences[:0] = [problems.missing(rule, by_key[k], month, lang, deadline)
                             for k in missing]
        sentences.extend(problems.unclassified(rule, c.relpath, lang) for c in unclassified)
    files = sorted((_evidence(c) for c, _ in placed), key=lambda e: e.path)
    return Verdict(rule_id=rule.id, month=month, team=rule.team, status=status, files=files,
                   problems=list(dict.fromkeys(sentences)), folder=rule.folder,
                   evidence=rule.evidence, area=rule.area, item=rule.item, open=is_open)


def _sentences(rule: Rule, part: Part, state: str, cand: Candidate, month: int,
               period: Period, lang: str) -> list[str]:
    path, facts = cand.relpath, cand.facts
    if state == "late":
        return [problems.late(path, facts.date or "", month, lang)]
    if state == "unsigned":
        return [problems.unsigned(rule, part, path, lang)]
    if state == "signature_unknown":
        return [problems.signature_unknown(path, lang)]
    if state == "undated":
        if facts.file_date and facts.file_date_source == "metadata":
            return [problems.weak_date(path, facts.file_date, lang)]
        return [problems.undated(path, lang)]
    if state == "outside":
        return [problems.outside_year(path, facts.date or "", period.year, lang)]
    if state == "error":
        return [problems.unreadable(path, facts.error or "", lang)]
    return []


def judge_rule(rule: Rule, candidates: Sequence[Candidate], period: Period,
               lang: str) -> list[Verdict]:
    """One verdict per due month of ``rule`` up to the report month."""
    slots = place(rule, candidates, period.year, period.month)
    return [judge_month(rule, m, slots[m], period, lang) for m in sorted(slots)]


def upcoming(rule: Rule, period: Period, lang: str) -> Verdict | None:
    """What falls due in the month after the report month, as a verdict-like entry."""
    following = period.month + 1
    if following > 12 or following not in rule.months:
        return None
    return Verdict(rule_id=rule.id, month=following, team=rule.team, status="upcoming",
                   problems=[problems.upcoming(rule, following, lang)], folder=rule.folder,
                   evidence=rule.evidence, area=rule.area, item=rule.item)
