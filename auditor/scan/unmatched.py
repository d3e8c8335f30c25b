"""Why a file that looks like evidence counts for no bukti fisik, and what to do, in words:
the reason the matcher gave (``Guess.reason``) as the report's list of unplaced files and
``zi-auditor explain`` tell it."""

from __future__ import annotations

from auditor.documents.formats import GOOGLE_EXPORT, extension_of
from auditor.i18n import t
from auditor.scan.fuzzy import Guess


def unmatched_reason(guess: Guess, year: int, lang: str | None, path: str = "") -> str:
    """Why a file that looks like evidence counts for no bukti fisik, and what to do."""
    ext = extension_of(path) if path else ""
    if ext in GOOGLE_EXPORT and guess.reason not in ("archive", "other_year", "not_evidence"):
        # placing it would not help: a shortcut holds no document to read
        return t("audit.unmatched.google", lang, ext=f".{ext}", target=GOOGLE_EXPORT[ext])
    if guess.reason == "ambiguous":
        return t("audit.unmatched.ambiguous", lang, rules=", ".join(guess.candidates))
    if guess.reason == "archive":
        return t("audit.unmatched.archive", lang, folder=guess.detail, year=year)
    if guess.reason == "other_year":
        return t("audit.unmatched.other_year", lang, other=guess.detail, year=year)
    if guess.reason == "map_part":
        return t("map.unmatched.part", lang, folder=guess.detail, rules=", ".join(guess.candidates))
    if guess.reason == "not_evidence":
        return t("map.unmatched.not_evidence", lang, folder=guess.detail)
    return t("audit.unmatched.none", lang)
