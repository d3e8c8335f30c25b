"""Changes to the corrections file, as `zi-auditor review` makes them: each under the audit
lock (a scan never reads half a change, two changes never overwrite each other), written
whole by an atomic rename. Each returns what changed, in plain words."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.config.model import Config
from auditor.errors import ExitCode, UserError
from auditor.fsnames import is_within, shown
from auditor.i18n import default_language, t
from auditor.lock import PERSON_WAIT_SECONDS, audit_lock
from auditor.report.labels import month_name
from auditor.review.apply import sha256_of
from auditor.review.book import Book, FileReview, VerdictReview, load_book, part_names


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def who(by: str | None) -> str:
    """The name given with --by, else the person's login name (the one who typed `sudo`, when
    the command runs as the service user)."""
    return (by or "").strip() or os.environ.get("SUDO_USER") or getpass.getuser()


def edit(config: Config, change: Callable[[Book], str]) -> str:
    """Apply ``change`` to the corrections file under the audit lock and save it whole."""
    with audit_lock(config.state_dir, wait_seconds=PERSON_WAIT_SECONDS, purpose="review"):
        book = load_book(config.corrections)
        message = change(book)
        try:
            book.save()
        except OSError as exc:
            raise UserError(t("review.cli.unwritable", path=config.corrections,
                              reason=exc.strerror or exc), ExitCode.WRITE_FAILED) from None
    return message


def locate(config: Config, raw: str) -> tuple[Path, str]:
    """The file ``raw`` names (as given, or under the evidence root as the report shows it)
    and its path relative to the root, named as the report names it."""
    root = Path(config.evidence_root)
    given = Path(raw)
    tries = [given] if given.is_absolute() else [Path.cwd() / given, root / given]
    found = next((p for p in tries if p.is_file()), None)
    if found is None:
        raise UserError(t("review.cli.not_found", path=raw, root=root))
    if not is_within(found, root):
        raise UserError(t("review.cli.outside", path=raw, root=root))
    rel = os.path.relpath(os.path.abspath(found), os.path.abspath(root))
    if rel.startswith(".."):
        rel = os.path.relpath(os.path.realpath(found), os.path.realpath(root))
    return found, shown(rel.replace(os.sep, "/"))


def content_of(path: Path) -> str:
    try:
        return sha256_of(path)
    except OSError as exc:
        raise UserError(t("review.cli.unreadable", path=path,
                          reason=exc.strerror or exc)) from None


def set_file(config: Config, raw: str, fields: dict[str, Any], by: str | None,
             why: str | None, ruleset: Any) -> str:
    """Record ``fields`` (date, signed, rule, part, month, ignore) for the file's content."""
    path, rel = locate(config, raw)
    digest = content_of(path)
    if fields.get("rule"):
        _check_rule(ruleset, fields["rule"], fields.get("part"))

    def change(book: Book) -> str:
        entry = book.file(digest) or FileReview(sha256=digest, by="", at="")
        entry = replace(entry, path=rel, by=who(by), at=now(),
                        why=why if why is not None else entry.why,
                        **{k: v for k, v in fields.items() if v is not None})
        book.files = [f for f in book.files if f.sha256 != digest] + [entry]
        from auditor.review.apply import said_text

        return t("review.cli.set", path=rel, said=said_text(entry, default_language()), by=entry.by,
                 file=book.path)

    return edit(config, change)


def decide(config: Config, rule_id: str, month: int, decision: str, by: str | None,
           why: str, ruleset: Any) -> str:
    """Record a person's decision on ``rule_id`` for due ``month``."""
    rule = _check_rule(ruleset, rule_id, None)
    if month not in rule.months:
        raise UserError(t("review.cli.bad_month", month=month_name(month, default_language()), rule=rule_id,
                          months=", ".join(month_name(m, default_language()) for m in sorted(rule.months))))

    def change(book: Book) -> str:
        entry = VerdictReview(rule_id, month, decision, who(by), now(), why)
        book.verdicts = [v for v in book.verdicts
                         if (v.rule, v.month) != (rule_id, month)] + [entry]
        return t("review.cli.accepted", rule=rule_id, month=month_name(month, default_language()),
                 decision=t(f"review.cli.decision.{decision}"), by=entry.by, why=why,
                 file=book.path)

    return edit(config, change)


def unset_file(config: Config, raw: str) -> str:
    """Forget the correction of a file (by its content, else by where it was corrected)."""
    path, rel = locate(config, raw)
    digest = content_of(path)

    def change(book: Book) -> str:
        gone = [f for f in book.files if f.sha256 == digest] or [
            f for f in book.files if f.path == rel]
        if not gone:
            raise UserError(t("review.cli.no_entry", what=rel))
        book.files = [f for f in book.files if f not in gone]
        from auditor.review.apply import said_text

        return t("review.cli.unset_file", path=rel,
                 said="; ".join(said_text(f, default_language()) for f in gone))

    return edit(config, change)


def unset_verdict(config: Config, rule_id: str, month: int) -> str:
    def change(book: Book) -> str:
        if book.verdict(rule_id, month) is None:
            raise UserError(t("review.cli.no_entry",
                              what=f"{rule_id} {month_name(month, default_language())}"))
        book.verdicts = [v for v in book.verdicts if (v.rule, v.month) != (rule_id, month)]
        return t("review.cli.unset_verdict", rule=rule_id, month=month_name(month, default_language()))

    return edit(config, change)


def _check_rule(ruleset: Any, rule_id: str, part: str | None) -> Any:
    rule = next((r for r in ruleset.rules if r.id == rule_id), None)
    if rule is None:
        raise UserError(t("review.unknown_rule", rule=rule_id))
    if part is not None and part not in part_names(rule):
        raise UserError(t("review.unknown_part", part=part, rule=rule_id,
                          parts=", ".join(part_names(rule))))
    return rule

