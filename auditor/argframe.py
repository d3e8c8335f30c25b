"""argparse's own words ("usage", "options", its error sentences) in the message language.

argparse looks its sentences up through the module-level ``_``/``ngettext`` (gettext) at the
moment it prints them; ``install()`` points those at our message table, so ``--help`` and
every usage error read in Bahasa Indonesia by default and in English with ``--lang en``.
Sentences we do not know pass through unchanged.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from auditor.i18n import LANGUAGES, t

# argparse's English text (Python 3.11) -> our message key
_KEYS = {
    "usage: ": "cli.frame.usage",
    "options": "cli.frame.options",
    "positional arguments": "cli.frame.positional",
    "show this help message and exit": "cli.frame.help",
    "argument %(argument_name)s: %(message)s": "cli.frame.argument",
    "invalid %(type)s value: %(value)r": "cli.frame.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.frame.invalid_choice",
    "the following arguments are required: %s": "cli.frame.required",
    "%(prog)s: error: %(message)s\n": "cli.frame.error",
    "unrecognized arguments: %s": "cli.frame.unrecognized",
    "expected one argument": "cli.frame.expected_one",
    "expected at most one argument": "cli.frame.expected_at_most_one",
    "expected at least one argument": "cli.frame.expected_at_least_one",
    "expected %s argument": "cli.frame.expected_n",
    "expected %s arguments": "cli.frame.expected_n",
    "not allowed with argument %s": "cli.frame.not_allowed_with",
    "one of the arguments %s is required": "cli.frame.one_required",
    "ambiguous option: %(option)s could match %(matches)s": "cli.frame.ambiguous",
    "ignored explicit argument %r": "cli.frame.ignored_explicit",
}


def translate(text: str) -> str:
    key = _KEYS.get(text)
    return t(key) if key else text


def _ntranslate(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


def install() -> None:
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = _ntranslate  # type: ignore[attr-defined]


def take_lang(argv: Sequence[str]) -> tuple[str | None, list[str], str | None]:
    """``--lang X`` / ``--lang=X`` from anywhere before ``--``: (language, the rest, a bad
    value or None). Taken out before parsing so that it also sets the language of ``--help``
    and of usage errors, whichever command it follows."""
    lang: str | None = None
    bad: str | None = None
    rest: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if item == "--":
            rest += items[i:]
            break
        if item == "--lang" or item.startswith("--lang="):
            if item == "--lang":
                if i + 1 >= len(items):
                    bad = ""
                    i += 1
                    continue
                value = items[i + 1]
                i += 2
            else:
                value = item.split("=", 1)[1]
                i += 1
            if value in LANGUAGES:
                lang = value
            else:
                bad = value
            continue
        rest.append(item)
        i += 1
    return lang, rest, bad
