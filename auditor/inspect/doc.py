"""DOC (Word 97-2003): its text through Debian's ``antiword``, then the DOCX path's rules.

antiword prints the text of a binary Word file; it cannot show pictures. So a .doc is never
"signed" by a picture: it is signed only by what text shows ("ttd." of a certified copy),
and otherwise cannot be told (``None``, with a note), never ``False`` for lack of a picture.

Many ".doc" files are something else under the old name: a DOCX renamed, or RTF that a web
application saved as .doc. Those are read as what they are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.signatures import analyse, decide
from auditor.inspect.text import apply_text, clean_lines

TOOL = "antiword"
_TARGET = "PDF/DOCX"
MAX_TEXT = 4 * 1024 * 1024  # characters of antiword's output used (a letter is a few thousand)
_PICTURE = "[pic]"  # what antiword prints where a picture is, in some versions


def read_doc(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    ext = "." + (path.suffix.lower().lstrip(".") or "doc")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK"):  # a DOCX saved under the old name
        from auditor.inspect.docx import read_docx

        read_docx(path, facts, year, limits)
        return
    if head.startswith(b"{\\rtf"):  # RTF saved as .doc (Word and many web applications do)
        from auditor.inspect.rtf import read_rtf

        read_rtf(path, facts, year, limits)
        return
    # Word 97-2003 (an OLE container), Word 6/95, Word for Windows 1/2 and DOS: antiword knows
    lines = doc_lines(path, ext, limits)
    apply_text(facts, lines, year)
    analysis = analyse(lines)
    bsre = analysis.bsre
    # As in a DOCX: a Word file cannot carry the electronic signature itself (only its PDF can).
    analysis.bsre = False
    verdict = decide(analysis, scanned=False)
    if verdict.signed and verdict.signature == "marker":
        facts.signed, facts.signature, facts.signer = True, "marker", verdict.signer
        facts.notes.extend(t(k) for k in verdict.notes)
    else:
        facts.signed = facts.signature = None
        facts.signer = verdict.signer
        facts.notes.append(t("inspect.note_doc_pictures"))
    if bsre:
        facts.notes.append(t("inspect.note_bsre_docx"))


def doc_lines(path: Path, ext: str = ".doc", limits: Limits | None = None) -> list[str]:
    """The lines of a Word 97-2003 file as antiword prints them (one paragraph a line)."""
    exe = shutil.which(TOOL)
    if exe is None:
        raise BadDocument("inspect.old_format", ext=ext, target=_TARGET)
    timeout = max(1.0, (limits.timeout_seconds if limits else 20.0) * 0.9)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/"),
           "LC_ALL": "C.UTF-8"}
    full = os.path.abspath(path)  # not resolved: the path may be a pinned link (inspect/pin.py)
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program, list arguments, no shell
            [exe, "-t", "-w", "0", "-m", "UTF-8.txt", full],
            capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BadDocument("inspect.timeout", error_kind="timeout", seconds=f"{timeout:g}") from exc
    except OSError as exc:
        raise BadDocument("inspect.old_format", ext=ext, target=_TARGET) from exc
    err = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or (not done.stdout.strip() and err):
        if "encrypt" in err.lower():
            raise BadDocument("inspect.zip_encrypted", kind="DOC")
        if "not a word document" in err.lower() or not err:
            reason = "bukan berkas Word"
        else:  # antiword names the file by its full path: the name is enough
            reason = err.splitlines()[-1].replace(full, path.name)[:100]
        raise BadDocument("inspect.format_corrupt", kind="DOC", reason=reason, target=_TARGET)
    text = done.stdout[:MAX_TEXT].decode("utf-8", "replace")
    return [ln for ln in clean_lines(text) if ln != _PICTURE]
