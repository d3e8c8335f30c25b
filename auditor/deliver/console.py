"""What a delivery did, told to the person at the console (the `email` command and
`scan --email`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.deliver.send import DeliveryResult


def print_delivery(result: DeliveryResult, lang: str | None = None) -> None:
    """What a delivery did, one line per message, for the person at the console."""
    import sys

    from auditor.i18n import t

    for path in result.written:
        print(path)
    for label in result.sent:
        print(t("deliver.cli.sent", lang, who=label))
    for label in result.skipped:
        print(t("deliver.cli.skipped", lang, who=label))
    for team in result.no_address:
        print(t("deliver.cli.no_address", lang, team=team), file=sys.stderr)
    for label in result.failed:
        print(t("deliver.cli.failed", lang, who=label), file=sys.stderr)
    for label in result.maybe:
        print(t("deliver.cli.maybe", lang, who=label), file=sys.stderr)
    for error in result.errors:
        print(t("deliver.cli.problem", lang, problem=error), file=sys.stderr)
    if result.queued:
        print(t("deliver.cli.queued", lang, count=len(result.queued)), file=sys.stderr)
