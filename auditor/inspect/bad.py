"""The one exception a reader raises for a document it cannot read: becomes FileFacts.error."""

from __future__ import annotations

from auditor.i18n import t


class BadDocument(Exception):
    """A corrupt, encrypted, oversized or otherwise unreadable document (a finding, not a bug)."""

    def __init__(self, key: str, *, error_kind: str = "content", **values: object) -> None:
        self.message = t(key, **values)
        self.error_kind = error_kind  # FileFacts.error_kind: "content" unless the reading failed
        super().__init__(self.message)
