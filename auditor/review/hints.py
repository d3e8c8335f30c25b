"""The one command that would correct a gap, for a person to copy from the report or mail."""

from __future__ import annotations

import shlex

from auditor.audit.model import Verdict

WHO = '--by "Nama" --why "…"'


def fix_command(verdict: Verdict) -> str:
    """``zi-auditor review set 'PATH' --date YYYY-MM-DD …`` for a file the tool misread, else
    ``zi-auditor review accept RULE --month M …`` for evidence kept elsewhere."""
    if verdict.files and verdict.status in ("undated", "unsigned", "needs_review"):
        wanted = {"undated": "--date YYYY-MM-DD", "unsigned": "--signed ya",
                  "needs_review": "--date YYYY-MM-DD --signed ya"}[verdict.status]
        target = next((f for f in verdict.files
                       if (verdict.status != "undated" or not f.date)
                       and (verdict.status != "unsigned" or f.signed is not True)),
                      verdict.files[0])
        return f"zi-auditor review set {shlex.quote(target.path)} {wanted} {WHO}"
    return f"zi-auditor review accept {shlex.quote(verdict.rule_id)} --month {verdict.month} {WHO}"
