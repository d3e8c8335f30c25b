"""The one place a link to an evidence file or folder is made, for every report format,
the evidence index and the mail.

The auditor reads the tree at a server path (``/srv/zi``) that opens on no reader's PC, so a
link is only made from ``links.base`` in the config: the evidence root as readers reach it.
Without a base, callers show the path relative to the evidence root as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

_DRIVE_HOSTS = ("drive.google.com",)
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]?")


@dataclass(frozen=True)
class Link:
    url: str  # what a browser or mail program opens (href)
    text: str  # what a person reads or pastes: a UNC path for a Windows share, else the URL
    windows_path: str | None = None  # \\SERVER\ZI\... or Z:\..., which Excel opens as is

    @property
    def spreadsheet_target(self) -> str:
        """An Excel hyperlink's target: the Windows path when there is one (and holds no
        control character, which a workbook cannot store), else the URL."""
        path = self.windows_path
        if path and not any(ord(c) < 32 or ord(c) == 127 for c in path):
            return path
        return self.url


def evidence_link(base: str | None, relative: str) -> Link | None:
    """A link to ``relative`` (a '/'-separated path under the evidence root) through
    ``base``; None without a base or for a path that climbs out of the root. Every unusual
    character is percent-encoded, so a hostile file name stays a name."""
    if not base or not base.strip():
        return None
    base = base.strip()
    parts = PurePosixPath(relative.strip("/")).parts if relative.strip("/") else ()
    if ".." in parts:
        return None
    encoded = "/".join(quote(p, safe="") for p in parts)
    if base.startswith(("\\\\", "//")) and "://" not in base:  # \\SERVER\ZI\ share
        share = base.replace("\\", "/").strip("/")
        text = "\\\\" + share.replace("/", "\\") + "\\" + "\\".join(parts)
        url = "file://" + "/".join(quote(p, safe="") for p in share.split("/")) + "/" + encoded
        return Link(url=url, text=text, windows_path=text)
    if _WINDOWS_DRIVE.match(base):  # Z:\ZI\ (a mapped drive)
        root = base.replace("/", "\\").rstrip("\\")
        text = root + "\\" + "\\".join(parts)
        tail = "/".join(quote(p, safe="") for p in root[2:].split("\\") if p)
        url = "file:///" + root[:2] + ("/" + tail if tail else "") + "/" + encoded
        return Link(url=url, text=text, windows_path=text)
    split = urlsplit(base)
    if split.scheme in ("http", "https") and split.hostname in _DRIVE_HOSTS:
        # a Drive folder has no path under it: a file is reached by searching its name
        if not parts:
            return Link(url=base, text=base)
        url = "https://drive.google.com/drive/search?q=" + quote(f'"{parts[-1]}"', safe="")
        return Link(url=url, text="/".join(parts))
    if split.scheme:  # smb://, https://, file://
        url = base.rstrip("/") + "/" + encoded
        return Link(url=url, text=url)
    if base.startswith("/"):  # a local path, e.g. where the share is mounted on the PC
        path = PurePosixPath(base).joinpath(*parts)
        return Link(url=path.as_uri(), text=str(path))
    return None


def link_url(base: str | None, relative: str) -> str | None:
    """Only the URL of :func:`evidence_link` (an href)."""
    link = evidence_link(base, relative)
    return link.url if link else None


def spreadsheet_target(base: str | None, relative: str) -> str | None:
    """Only the spreadsheet hyperlink target of :func:`evidence_link`."""
    link = evidence_link(base, relative)
    return link.spreadsheet_target if link else None
