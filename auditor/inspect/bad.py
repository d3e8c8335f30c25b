"""The one exception a reader raises for a document it cannot read: becomes FileFacts.error."""

from __future__ import annotations

from auditor.fsnames import shown
from auditor.i18n import t


class BadDocument(Exception):
    """A corrupt, encrypted, oversized or otherwise unreadable document (a finding, not a bug)."""

    def __init__(self, key: str, *, error_kind: str = "content", **values: object) -> None:
        # a file name or extension in the message may hold bytes that are not UTF-8
        self.message = shown(t(key, **values))
        self.error_kind = error_kind  # FileFacts.error_kind: "content" unless the reading failed
        super().__init__(self.message)
