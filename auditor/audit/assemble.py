"""From the matched files and their facts to the month's report: the verdicts of every rule,
the post-edits that need the whole picture (photos reused across items, rules whose folder
could not be read, how each file was found), the counts per Tim and the files that count
for nothing. The pipeline only sequences; the audit decides here.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from auditor.audit import judge
from auditor.audit.model import GAP_STATUSES, AuditReport, Count, Verdict
from auditor.audit.reuse import mark_photo_reuse
from auditor.i18n import t
from auditor.inspect.facts import FileFacts
from auditor.review.apply import FileReviews, apply_decisions, note_files
from auditor.review.apply import summary as review_summary
from auditor.scan.match import RuleIndex, RuleMatch, assign_part, part_key

if TYPE_CHECKING:
    from auditor.config.model import Config
    from auditor.scan.walk import Entry


def assemble_report(config: Config, ruleset: Any, period: judge.Period,
                    matched: list[tuple[Entry, RuleMatch]], facts: dict[str, FileFacts], lang: str,
                    tz: ZoneInfo, reviews: FileReviews | None = None) -> AuditReport:
    """Judge every rule against the files matched to it, with what people said in place of
    what the tool read (``reviews``); the report without its run notes."""
    read = facts
    if reviews is not None:
        facts = reviews.correct(facts)
    months = reviews.months if reviews is not None else {}
    candidates: dict[str, list[judge.Candidate]] = defaultdict(list)
    parts_of: dict[str, dict[str, str]] = {}
    for entry, match in matched:
        f = facts.get(entry.relpath)
        if f is None:
            continue
        part = assign_part(match, f.title, f.text_head)
        key = part_key(match.rule, part) if part is not None else None
        mtime = datetime.fromtimestamp(entry.mtime, tz).isoformat(timespec="seconds")
        candidates[match.rule.id].append(
            judge.Candidate(entry.relpath, key, match.folder_month, f, mtime,
                            months.get(entry.relpath)))
        parts_of.setdefault(match.rule.id, {})[entry.relpath] = part.kind if part else ""
    verdicts: list[Verdict] = []
    upcoming: list[Verdict] = []
    for rule in ruleset.rules:
        verdicts.extend(judge.judge_rule(rule, candidates.get(rule.id, ()), period, lang))
        nxt = judge.upcoming(rule, period, lang)
        if nxt is not None:
            upcoming.append(nxt)
    photos = [(v, fe.path, facts[fe.path].phash) for v in verdicts for fe in v.files
              if parts_of.get(v.rule_id, {}).get(fe.path) == "dokumentasi"
              and facts[fe.path].phash]
    mark_photo_reuse(photos, lang)
    review_block: dict[str, Any] = {}
    if reviews is not None:
        contradictions = note_files(verdicts, read, reviews, lang)
        apply_decisions(reviews.book, verdicts, lang)
        review_block = review_summary(reviews, verdicts, contradictions)
    summary, by_team = count_verdicts(verdicts)
    report = AuditReport(
        year=period.year, month=period.month, as_of=period.as_of.isoformat(),
        generated_at=datetime.now(tz).isoformat(timespec="seconds"),
        evidence_root=str(config.evidence_root), language=lang,
        office=config.office or ruleset.office,
        summary=summary, by_team=by_team, verdicts=verdicts, errors=[], upcoming=upcoming,
        rules=[r.to_json() for r in ruleset.rules], review=review_block,
        output=config.output)
    if config.teams:  # a lead per team is configured: say whose gaps reach nobody
        report.no_recipient = sorted({v.team for v in verdicts if v.team and not (
            (team := config.team(v.team)) is not None and team.email)})
    return report


def mark_unwalked(verdicts: list[Verdict], index: RuleIndex, problems: list[dict[str, str]],
              lang: str) -> None:
    """A rule whose folder could not be read whole (no permission, a link out of the root, a
    folder gone mid-scan) is not "missing": what is there cannot be told, so review it."""
    by_rule: dict[str, list[dict[str, str]]] = defaultdict(list)
    for problem in problems:
        path = problem["path"]
        match = index.match(f"{path}/-")  # the problem is the rule's folder or lies inside it
        hit = {match.rule.id} if match else set()
        hit.update(r.id for r in index.rules if r.folder.startswith(f"{path}/"))  # above it
        for rule_id in hit:
            by_rule[rule_id].append(problem)
    for verdict in verdicts:
        if verdict.rule_id in by_rule and verdict.status in ("missing", "incomplete"):
            verdict.status = "needs_review"
            verdict.problems.extend(t("audit.unwalked", lang, path=p["path"], error=p["error"])
                                    for p in by_rule[verdict.rule_id])


def say_how_found(verdicts: list[Verdict], matched: list[tuple[Entry, RuleMatch]]) -> None:
    """Each credited file says whether its folder named its rule or the rule was guessed."""
    how = {entry.relpath: match.matched_by for entry, match in matched}
    for verdict in verdicts:
        for evidence in verdict.files:
            evidence.matched_by = how.get(evidence.path)


def count_verdicts(verdicts: list[Verdict]) -> tuple[Count, dict[str, Count]]:
    """Due, complete (ok, late or accepted) and gaps, in all and per Tim; a month a person
    declared not applicable is not due."""
    total = Count()
    teams: dict[str, Count] = {}
    for v in verdicts:
        if v.status == "not_applicable":
            teams.setdefault(v.team, Count())
            continue
        for c in (total, teams.setdefault(v.team, Count())):
            c.due += 1
            if v.status in GAP_STATUSES:
                c.gaps += 1
            else:
                c.ok += 1
    return total, teams


EXPLAINED = 200  # guessed or unplaced files a report tells the story of (as `explain` does)


def explain_guesses(report: AuditReport, index: RuleIndex, facts: dict[str, FileFacts],
                    plan_year: int, lang: str) -> None:
    """Give each file the tool guessed a place for, and each file it could not place, the
    story `zi-auditor explain PATH` tells (the first EXPLAINED of them): the report shows it
    beside the file, so a Tim lead sees why without a terminal."""
    from auditor.scan.explain import explain_file

    told = 0
    for verdict in report.verdicts:
        for evidence in verdict.files:
            if evidence.matched_by == "guess" and told < EXPLAINED:
                evidence.explain = "\n".join(explain_file(evidence.path, index, facts.get(evidence.path),
                                                          plan_year, lang))
                told += 1
    for entry in report.unmatched:
        if told >= EXPLAINED:
            break
        entry["explain"] = "\n".join(explain_file(entry["path"], index, None, plan_year, lang))
        told += 1
