"""The one check every command runs before it writes: never inside the evidence tree.

The evidence root is read only for zi-auditor; a report, an index, the state or an outbox
written there would change the drive the evaluators see and be read back as evidence. Paths
are compared with links resolved, so a link that leads into the tree is refused too.
``init-tree`` is the one exception: making the rule folders is its purpose.
"""

from __future__ import annotations

from pathlib import Path

from auditor.errors import UserError
from auditor.fsnames import is_within
from auditor.i18n import t


def refuse_inside_evidence(path: Path, evidence_root: Path | str, lang: str | None = None) -> Path:
    """``path`` when it lies outside ``evidence_root``; else a UserError (exit 2)."""
    path = Path(path)
    if is_within(path, Path(evidence_root)):
        raise UserError(t("guard.inside_evidence", lang, path=path, root=evidence_root))
    return path
