"""The story of one file's verdict, for a Tim lead whose report surprised them: which bukti
fisik and part it was given, by which step (the folder map, the rule's folder, a rule id in a
folder name, a pattern, a guess) and why, its month, and the document facts the verdict used.
``zi-auditor explain PATH`` prints it."""

from __future__ import annotations

from auditor.i18n import t
from auditor.inspect.facts import FileFacts
from auditor.scan.folder_map import place_of
from auditor.scan.map_propose import Proposal, explain_facts, place_file, propose
from auditor.scan.match import RuleIndex, RuleMatch, part_by_text, part_key
from auditor.scan.unmatched import unmatched_reason


def explain_file(relpath: str, index: RuleIndex, facts: FileFacts | None,
                 plan_year: int, lang: str | None = None) -> list[str]:
    """The lines that tell why ``relpath`` counts where it does (or nowhere)."""
    lines = [t("explain.file", lang, path=relpath)]
    match = index.match(relpath)
    if match is None:
        guess = index.explain(relpath)
        lines.append(t("explain.no_rule", lang, reason=unmatched_reason(guess, plan_year, lang,
                                                                     relpath)))
        if guess.reason not in ("not_evidence", "map_part"):
            found = place_file(relpath, index, lang)
            lines.append(t("explain.why", lang, why=explain_facts(found.how, found.facts, lang)))
            proposal = _new_line(relpath, index, lang)
            if proposal is not None:
                lines.append(t("explain.add_line", lang, line=proposal.line()))
        lines += _facts(facts, lang)
        return lines
    rule = match.rule
    lines.append(t("explain.rule", lang, rule=rule.id, evidence=rule.evidence, team=rule.team))
    lines.append(t("explain.step", lang, step=_step(match, index, lang)))
    if match.matched_by == "guess":
        found = place_file(relpath, index, lang)
        lines.append(t("explain.why", lang, why=explain_facts("guess", found.facts, lang)))
        proposal = _new_line(relpath, index, lang) if index.folder_map is not None else None
        if proposal is not None:
            lines.append(t("explain.add_line", lang, line=proposal.line()))
    lines.append(_part(match, facts, lang))
    lines.append(_month(match, facts, lang))
    lines += _facts(facts, lang)
    return lines


def _new_line(relpath: str, index: RuleIndex, lang: str | None) -> Proposal | None:
    """The folder-map line for the folder of ``relpath``; None for a file at the top of the
    tree, which has no folder to map."""
    place = place_of(relpath.rpartition("/")[0])
    return next((p for p in propose([relpath], index, lang) if p.folder == place), None)


def _step(match: RuleMatch, index: RuleIndex, lang: str | None) -> str:
    if match.matched_by == "map" and match.map_entry is not None and index.folder_map:
        return t("explain.step_map", lang, path=index.folder_map.path,
                 line=match.map_entry.line, folder=match.map_entry.folder)
    return t(f"map.how.{match.matched_by}", lang)


def _part(match: RuleMatch, facts: FileFacts | None, lang: str | None) -> str:
    if match.part is not None:
        return t("explain.part", lang, part=part_key(match.rule, match.part))
    if facts is not None:
        part = part_by_text(match.rule, facts.title, facts.text_head)
        if part is not None:
            return t("explain.part_text", lang, part=part_key(match.rule, part))
    if len(match.rule.parts) == 1:
        return t("explain.part_only", lang, part=part_key(match.rule, match.rule.parts[0]))
    return t("explain.part_unknown", lang)


def _month(match: RuleMatch, facts: FileFacts | None, lang: str | None) -> str:
    if match.folder_month is not None:
        folder = next((s for s in reversed(match.subfolders) if s), "")
        return t("explain.month_folder", lang, month=match.folder_month, folder=folder)
    if facts is not None and facts.date:
        return t("explain.month_date", lang, date=facts.date,
                 months=", ".join(map(str, match.rule.months)))
    return t("explain.month_none", lang)


def _facts(facts: FileFacts | None, lang: str | None) -> list[str]:
    if facts is None:
        return []
    signed = {True: "explain.signed_yes", False: "explain.signed_no"}.get(
        facts.signed, "explain.signed_unknown")  # type: ignore[arg-type]
    return [t("explain.facts", lang, date=facts.date or "-", source=facts.date_source or "-",
              evidence=facts.date_evidence or "-", signed=t(signed, lang),
              signature=f" ({facts.signature})" if facts.signature else "",
              error=f"; {facts.error}" if facts.error else "")]
