"""Formats whose content is not read (PowerPoint 97-2003, shortcuts, text...): the name.

A name that carries a date is used, with the advice to save the file in a readable format;
one that carries none is an error naming that advice (never a bare "undated").
"""

from __future__ import annotations

from pathlib import Path

from auditor.documents.formats import extension_of, save_as
from auditor.fsnames import shown
from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.text import date_from_name


def read_other(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    ext = extension_of(path)
    date_from_name(facts, path, year)
    facts.title = shown(path.stem)
    if not facts.date:
        raise BadDocument("inspect.format_not_read", ext=f".{ext}" if ext else path.name,
                          target=save_as(path))
    facts.notes.append(t("inspect.note_name_only"))
    facts.notes.append(t("inspect.note_name_only_advice", target=save_as(path)))


def read_google(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    """A .gdoc/.gsheet/.gslides file holds a link to the document on Google Drive, never its
    content: whatever its name says, the document itself must be exported into the tree."""
    facts.title = shown(path.stem)
    raise BadDocument("inspect.google_doc", ext=f".{extension_of(path)}", target=save_as(path))
