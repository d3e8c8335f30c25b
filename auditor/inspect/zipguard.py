"""Refuse a DOCX/XLSX whose ZIP declares absurd sizes before any parser inflates it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from auditor.inspect.bad import BadDocument

MAX_TOTAL = 300 * 1024 * 1024  # declared uncompressed bytes of all members
MAX_MEMBER_RATIO = 200  # uncompressed / compressed, for members over 1 MB
MAX_MEMBERS = 10_000
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")


def check_zip(path: Path, kind: str) -> None:
    """Raise BadDocument when ``path`` is not a sane ZIP (corrupt, encrypted, bomb)."""
    with open(path, "rb") as fh:
        if fh.read(8) == OLE_MAGIC:  # an OOXML file saved with a password is an OLE container
            raise BadDocument("inspect.zip_encrypted", kind=kind)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BadDocument("inspect.zip_corrupt", kind=kind) from exc
    if len(infos) > MAX_MEMBERS:
        raise BadDocument("inspect.zip_bomb", kind=kind, detail=f"{len(infos)} isi")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise BadDocument("inspect.zip_encrypted", kind=kind)
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > 1024 * 1024 and ratio > MAX_MEMBER_RATIO:
            raise BadDocument("inspect.zip_bomb", kind=kind,
                              detail=f"{info.filename}: {info.file_size // (1024 * 1024)} MB, rasio {ratio:.0f}:1")
    if total > MAX_TOTAL:
        raise BadDocument("inspect.zip_bomb", kind=kind, detail=f"{total // (1024 * 1024)} MB")
