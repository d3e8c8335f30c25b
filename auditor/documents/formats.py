"""The one table of file formats: each extension, its reader, its contract format, evidence.

Everything that asks "what is this file?" asks here: the scan (is it evidence, which part
can it be), the inspection (which reader reads it, what ``format`` the ``inspect --json``
contract shows) and the worker sandbox (which readers to import before forking). A new
format is one row in ``_EXTENSIONS`` (and, when it needs a new reader, one in ``READERS``).

The contract allows five formats only, so each extension shows the family a person would
file it under: Word-like documents are "docx", tables "xlsx", pictures "image"; a reader
says which family it fills in, and an extension's format is its reader's.

Start-up matters (the scan imports this): nothing here imports a reader until one reads.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from auditor.inspect.facts import FileFacts, Limits

FAMILIES = ("pdf", "docx", "xlsx", "image", "other")  # the `inspect --json` contract
# What a person is told to save an unreadable file as, by its family.
SAVE_AS = {"pdf": "PDF", "docx": "PDF/DOCX", "xlsx": "PDF/XLSX", "image": "JPG/PNG",
           "other": "PDF"}


@dataclass(frozen=True)
class Reader:
    """One document reader: ``read(path, facts, year, limits)`` fills ``facts`` in place.

    ``format`` is the contract family it reports; ``preload`` the modules a worker imports
    before it is forked (so each document does not pay for them).
    """

    name: str
    format: str
    module: str
    function: str
    reads_content: bool = True  # False: only the name is used (no size limit applies)
    preload: tuple[str, ...] = ()

    @property
    def extensions(self) -> tuple[str, ...]:
        return tuple(ext for ext, entry in _EXTENSIONS.items() if entry[0] == self.name)

    def read(self, path: Path, facts: FileFacts, year: int | None, limits: Limits) -> None:
        getattr(importlib.import_module(self.module), self.function)(path, facts, year, limits)


READERS: dict[str, Reader] = {r.name: r for r in (
    Reader("pdf", "pdf", "auditor.inspect.pdf", "read_pdf", preload=("pypdfium2",)),
    Reader("docx", "docx", "auditor.inspect.docx", "read_docx", preload=("docx",)),
    Reader("doc", "docx", "auditor.inspect.doc", "read_doc"),  # antiword, a subprocess
    Reader("odt", "docx", "auditor.inspect.odf", "read_odt", preload=("lxml.etree",)),
    Reader("rtf", "docx", "auditor.inspect.rtf", "read_rtf"),
    Reader("xlsx", "xlsx", "auditor.inspect.xlsx", "read_xlsx", preload=("openpyxl",)),
    Reader("xls", "xlsx", "auditor.inspect.xls", "read_xls", preload=("xlrd",)),
    Reader("ods", "xlsx", "auditor.inspect.odf", "read_ods", preload=("lxml.etree",)),
    Reader("csv", "xlsx", "auditor.inspect.xlsx", "read_csv"),
    Reader("image", "image", "auditor.inspect.image", "read_image", preload=("PIL.Image",)),
    Reader("slides", "other", "auditor.inspect.odf", "read_slides", preload=("lxml.etree",)),
    Reader("other", "other", "auditor.inspect.other", "read_other", reads_content=False),
    # a Google Docs/Sheets/Slides file synced to disk is a shortcut: a link, no content
    Reader("google", "other", "auditor.inspect.other", "read_google", reads_content=False),
)}

# extension -> (reader, counts as evidence). Evidence: what an office files as bukti fisik
# (a document, a table, a presentation or a picture; not a zip, an exe, a shortcut...).
_EXTENSIONS: dict[str, tuple[str, bool]] = {
    "pdf": ("pdf", True),
    # Word-like: the DOCX family
    "docx": ("docx", True), "docm": ("docx", True), "dotx": ("docx", True),
    "dotm": ("docx", True),
    "doc": ("doc", True), "dot": ("doc", True),  # Word 97-2003 (binary)
    "odt": ("odt", True), "ott": ("odt", True),  # OpenDocument text
    "rtf": ("rtf", True),
    # Tables: the XLSX family
    "xlsx": ("xlsx", True), "xlsm": ("xlsx", True), "xltx": ("xlsx", True),
    "xltm": ("xlsx", True),
    "xls": ("xls", True), "xlt": ("xls", True),  # Excel 97-2003 (BIFF)
    "ods": ("ods", True), "ots": ("ods", True),
    "csv": ("csv", True),
    # Pictures
    "jpg": ("image", True), "jpeg": ("image", True), "jfif": ("image", True),
    "jpe": ("image", True), "png": ("image", True), "gif": ("image", True),
    "bmp": ("image", True), "tif": ("image", True), "tiff": ("image", True),
    "webp": ("image", True), "heic": ("image", True), "heif": ("image", True),
    # Presentations: evidence of a sosialisasi; text read, format "other" in the contract
    "pptx": ("slides", True), "ppsx": ("slides", True), "odp": ("slides", True),
    "ppt": ("other", True), "pps": ("other", True),  # PowerPoint 97-2003: the name only
    # Google Drive's own documents (Drive for desktop, a Drive mount without export): evidence
    # in intent, but only a link; the person is told to export them
    "gdoc": ("google", True), "gsheet": ("google", True), "gslides": ("google", True),
}
# What a Google document is exported as: the readable formats of its kind.
GOOGLE_EXPORT = {"gdoc": "PDF/DOCX", "gsheet": "PDF/XLSX", "gslides": "PDF"}
_OTHER = READERS["other"]


def extension_of(name: str | PurePath) -> str:
    """The lower-case extension of a file name or path, without the dot ("" when none)."""
    base = PurePath(name).name if isinstance(name, PurePath) else str(name).rpartition("/")[2]
    return base.rpartition(".")[2].lower() if "." in base.strip(".") else ""


def reader_for(name: str | PurePath) -> Reader:
    """The reader of a file by its extension ("other": only its name is used)."""
    entry = _EXTENSIONS.get(extension_of(name))
    return READERS[entry[0]] if entry else _OTHER


def format_of(name: str | PurePath) -> str:
    """The contract format of a file by its extension: pdf | docx | xlsx | image | other."""
    return reader_for(name).format


def looks_like_evidence(name: str | PurePath) -> bool:
    """A document, a table, a presentation or a picture: what an office files as bukti fisik."""
    entry = _EXTENSIONS.get(extension_of(name))
    return bool(entry and entry[1])


def extensions() -> tuple[str, ...]:
    """Every extension the table knows."""
    return tuple(_EXTENSIONS)


def save_as(name: str | PurePath) -> str:
    """What to save an unreadable file as ("PDF/DOCX" for a Word file...)."""
    return GOOGLE_EXPORT.get(extension_of(name)) or SAVE_AS[format_of(name)]


def preload_modules(names: Iterable[str | PurePath] | None = None) -> list[str]:
    """The modules a worker imports before it is forked: the readers and their libraries;
    with ``names``, only those of the readers of these files (one new DOCX needs no
    openpyxl, numpy or pdfium: importing every reader costs a third of a second)."""
    readers = READERS.values() if names is None else dict.fromkeys(map(reader_for, names))
    out = ["auditor.inspect.run"]
    for reader in readers:
        out.append(reader.module)
        out.extend(reader.preload)
    return list(dict.fromkeys(out))


def describe() -> list[dict[str, Any]]:
    """The table as rows (extension, format, reader, evidence), for documentation and tests."""
    return [{"extension": ext, "format": READERS[r].format, "reader": r, "evidence": ev}
            for ext, (r, ev) in _EXTENSIONS.items()]
