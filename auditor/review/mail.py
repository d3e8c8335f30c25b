"""What the coordinator's letter says about people's corrections: those made since the last
letter, the ones that contradict a strong reading, the files edited since, and how many
verdicts rest on a person's word."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from auditor.i18n import t
from auditor.report.labels import month_name
from auditor.review.apply import day_of


def _after(at: str, since: str | None) -> bool:
    if since is None:
        return True
    try:
        return datetime.fromisoformat(at) > datetime.fromisoformat(since)
    except (TypeError, ValueError):  # a hand-written time: shown rather than lost
        return True


def _said(entry: dict[str, Any], lang: str) -> str:
    from auditor.review.apply import said_text
    from auditor.review.book import FileReview

    return said_text(FileReview(sha256="", by="", at="", **{
        k: entry.get(k) for k in ("date", "signed", "rule", "part", "month")},
        ignore=bool(entry.get("ignore"))), lang)


def review_paragraphs(review: dict[str, Any], since: str | None, lang: str) -> list[str]:
    """Paragraphs for the coordinator (none when nobody corrected anything)."""
    if not review:
        return []
    out: list[str] = []
    if review.get("on_word"):
        out.append(t("review.on_word", lang, count=review["on_word"]))
    fresh = [e for e in review.get("entries", []) if _after(str(e.get("at", "")), since)]
    if fresh:
        lines = [t("review.mail.since", lang)]
        for e in fresh:
            when = day_of(str(e.get("at", "")), lang)
            if e.get("kind") == "verdict":
                lines.append(t("review.mail.entry_verdict", lang, rule=e["rule"],
                               month=month_name(int(e["month"]), lang),
                               decision=t(f"review.cli.decision.{e['decision']}", lang),
                               by=e["by"], when=when, why=e.get("why") or "-"))
            else:
                lines.append(t("review.mail.entry_file", lang, path=e.get("path") or e["sha256"],
                               said=_said(e, lang), by=e["by"], when=when,
                               why=e.get("why") or "-"))
        out.append("\n".join(lines))
    if review.get("contradictions"):
        lines = [t("review.mail.contradictions", lang)]
        lines += [t("review.mail.contradiction", lang, path=c["path"], said=c["said"],
                    by=c["by"], read=c.get("read") or "-") for c in review["contradictions"]]
        out.append("\n".join(lines))
    if review.get("stale"):
        out.append(t("review.mail.stale", lang,
                     paths=", ".join(s["path"] for s in review["stale"])))
    return out
