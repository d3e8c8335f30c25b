"""RTF: the text left once control words are stripped, pictures marked, then the DOCX rules.

A small reader of the RTF syntax: groups, control words, ``\\'hh`` bytes in the document's
code page and ``\\uN`` characters. Font, colour and style tables, field instructions and
other ``\\*`` destinations are skipped; ``\\pict`` becomes a picture mark (but not in a page
header, where the letterhead logo sits), as a DOCX's drawings do.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path

from auditor.inspect.bad import BadDocument
from auditor.inspect.docx import word_signature
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.signatures import IMAGE
from auditor.inspect.text import apply_text, file_date

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 200
_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+",
                    re.DOTALL)
_SKIP = frozenset({
    "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl",
    "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore", "latentstyles",
    "pgdsctbl", "fldinst", "object", "nonshppict", "bkmkstart", "bkmkend", "footnote",
    "annotation", "atnid", "atnauthor", "template", "filetbl", "mmathPr", "listtext",
    "pntext", "pntxta", "pntxtb", "falt", "panose", "userprops", "docvar", "sp", "sn",
})
_HEADERS = frozenset({"header", "headerl", "headerr", "headerf", "footer", "footerl",
                      "footerr", "footerf"})
_BREAKS = frozenset({"par", "line", "sect", "page", "row", "cell", "nestcell", "column"})
_SPECIAL = {"tab": " ", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
            "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
            "emspace": " ", "enspace": " ", "qmspace": " "}


class _State:
    __slots__ = ("skip", "header", "uc", "info")

    def __init__(self, skip: bool = False, header: bool = False, uc: int = 1,
                 info: str = "") -> None:
        self.skip, self.header, self.uc, self.info = skip, header, uc, info

    def copy(self) -> _State:
        return _State(self.skip, self.header, self.uc, self.info)


def rtf_lines(raw: str) -> tuple[list[str], list[str], date | None]:
    """(body lines, header/footer lines, creation date) of an RTF document's text."""
    body: list[str] = []
    heads: list[str] = []
    buf: list[str] = []
    stack: list[_State] = []
    state = _State()
    codec = "cp1252"
    pending_bytes = bytearray()
    skip_chars = 0  # the fallback characters after a \uN
    created: dict[str, int] = {}
    group_start = False  # the next control word is the first in its group

    def sink() -> list[str]:
        return heads if state.header else body

    def flush_bytes() -> None:
        if pending_bytes:
            buf.append(bytes(pending_bytes).decode(codec, "replace"))
            pending_bytes.clear()

    def end_line() -> None:
        flush_bytes()
        sink().append("".join(buf).strip())
        buf.clear()

    for m in _TOKEN.finditer(raw):
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if brace == "{":
            flush_bytes()
            if len(stack) >= MAX_DEPTH:
                raise BadDocument("inspect.format_corrupt", kind="RTF", reason="terlalu dalam",
                                  target="PDF/DOCX")
            stack.append(state)
            state = state.copy()
            group_start = True
            continue
        if brace == "}":
            flush_bytes()
            if state.header and not (stack and stack[-1].header) and buf:
                end_line()
            state = stack.pop() if stack else state
            group_start = False
            continue
        first, group_start = group_start, False
        if word is not None:
            if word in _SKIP:
                state.skip = True
            if word == "info":
                state.info = "info"
            if word in _HEADERS:
                if buf and not state.header:
                    end_line()
                state.header = True
            if state.info and word in ("creatim", "revtim"):
                state.info = word
            if state.info == "creatim" and word in ("yr", "mo", "dy") and arg:
                created[word] = int(arg)
            if word == "ansicpg" and arg:
                try:
                    codec = codecs.lookup(f"cp{arg}").name
                except LookupError:
                    codec = "cp1252"
            if word == "uc" and arg:
                state.uc = max(0, int(arg))
            if state.skip or state.info:
                continue
            if word == "pict":
                state.skip = True
                if not state.header:
                    end_line()
                    sink().append(IMAGE)
            elif word in _BREAKS:
                end_line()
            elif word == "u" and arg:
                flush_bytes()
                code = int(arg)
                buf.append(chr(code + 65536 if code < 0 else code) if -32768 <= code <= 0x10FFFF else "")
                skip_chars = state.uc
            elif word in _SPECIAL:
                flush_bytes()
                buf.append(_SPECIAL[word])
            continue
        if symbol is not None:
            if symbol == "*" and first:
                state.skip = True
            if state.skip or state.info:
                continue
            if symbol in "\\{}":
                flush_bytes()
                buf.append(symbol)
            elif symbol == "~":
                buf.append(" ")
            elif symbol == "_":
                buf.append("-")
            elif symbol in "\r\n":
                end_line()
            continue
        if state.skip or state.info:
            continue
        if hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            pending_bytes.append(int(hexbyte, 16))
            continue
        if text:
            flush_bytes()
            if skip_chars:
                cut = min(skip_chars, len(text))
                text, skip_chars = text[cut:], skip_chars - cut
            buf.append(text)
    if buf or pending_bytes:
        end_line()
    when = None
    if {"yr", "mo", "dy"} <= created.keys():
        try:
            when = date(created["yr"], created["mo"], created["dy"])
        except ValueError:
            when = None
    return body, heads, when


def read_rtf(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    with open(path, "rb") as fh:
        data = fh.read(MAX_BYTES)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise BadDocument("inspect.format_corrupt", kind="RTF", reason="tidak diawali {\\rtf",
                          target="PDF/DOCX")
    body, heads, created = rtf_lines(data.decode("latin-1"))
    lines = body
    apply_text(facts, heads + lines, year)
    file_date(facts, created)
    word_signature(facts, lines + heads)
