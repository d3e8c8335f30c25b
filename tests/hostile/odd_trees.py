"""Evidence trees of odd shapes, as real office drives have them: files at the top, folders
twelve deep, names that are only digits, punctuation, a month, a year or a rule id, Unicode
(Arabic, emoji, NFC and NFD twins), trailing spaces and dots, 250-byte names, newlines and
backslashes, bytes that are not UTF-8, hidden files, Office locks, Google shortcuts, empty
files and folders, symbolic links of every kind, and one file name in many month folders.

A tree is plain data (``Node``s with byte names) so that hypothesis can generate and shrink
it; ``build`` writes it under a folder. Most files are a few bytes; some are real small PDF,
DOCX and JPEG documents from the office kits."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hypothesis import strategies as st
from office_kit import docx_bytes, sk_pdf_bytes, write_bytes
from scan.foreign_trees import photo, undangan

NAME_MAX = 255  # bytes, Linux


@cache
def contents() -> dict[str, bytes]:
    """The bytes of each kind of file, made once."""
    with tempfile.TemporaryDirectory() as tmp:
        jpeg = Path(tmp) / "foto.jpg"
        photo("2022:05:13 09:30:00")(jpeg)
        und = Path(tmp) / "und.pdf"
        undangan("9 Mei 2022")(und)
        return {
            "empty": b"",
            "tiny": b"x",
            "text": b"Notulen rapat evaluasi ZI, Karanganyar, 13 Mei 2022\n",
            "pdf": sk_pdf_bytes("13 Mei 2022"),
            "undangan_pdf": und.read_bytes(),
            "docx": docx_bytes(["RISALAH RAPAT", "Hari/Tanggal : Jumat, 13 Mei 2022",
                                "Notulis,", "ttd.", "SRI WAHYUNI"]),
            "jpeg": jpeg.read_bytes(),
            "gdoc": b'{"url": "https://docs.google.com/open?id=1", "doc_id": "1"}',
        }


@dataclass(frozen=True)
class File:
    name: bytes
    content: str  # a key of contents()


@dataclass(frozen=True)
class Folder:
    name: bytes
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Link:
    """A symbolic link: to a file or a folder of the tree, to itself, to its parent, to
    nothing, or out of the evidence root."""

    name: bytes
    target: str  # "file" | "folder" | "self" | "parent" | "dangling" | "outside"


Node = File | Folder | Link

NOTULEN = "Notulen é"
STEMS = (
    "1", "007", "2022", "Mei", "05 Mei", "2022-05", "Agust", "I.3.1", "I.3.1 Rapat Evaluasi ZI",
    "VI.2.3", "!!!", "...", "-", "_", "(1)", "#%&", "تقرير الاجتماع", "📁 Dok 🎉",
    unicodedata.normalize("NFC", NOTULEN), unicodedata.normalize("NFD", NOTULEN),
    "Notulen ", "SK.", "SK ..", "Und\nDH", "back\\slash", "Undangan", "DH", "Dokumentasi",
    "Notulen Rapat", "SK Tim Kerja ZI", "AREA I MANAJEMEN PERUBAHAN", "Laporan", " ", "x" * 240,
)
BAD_BYTES = (b"\xff\xfe", b"Notulen \xe9t\xe9", b"SK \xc3(", b"\xed\xa0\x80", b"\x80")
EXTS = ("", ".pdf", ".PDF", ".docx", ".DOCX", ".jpg", ".JPEG", ".pdf.docx", ".gdoc",
        ".gsheet", ".txt", ".xlsx", ".", ".tmp", ".Pdf ")
PREFIXES = ("", "", "", ".", "~$", ".~lock.")


def _fit(name: bytes) -> bytes:
    """A name Linux accepts: no slash or NUL, not '.' or '..', at most 255 bytes."""
    name = name.replace(b"/", b"_").replace(b"\0", b"_")[:NAME_MAX] or b"_"
    return b"_" + name[:NAME_MAX - 1] if name in (b".", b"..") else name


_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"),
                min_size=1, max_size=12)
stems = st.one_of(st.sampled_from(STEMS).map(str.encode), _text.map(str.encode),
                  st.sampled_from(BAD_BYTES))
file_names = st.builds(lambda p, s, e: _fit(p.encode() + s + e.encode()),
                       st.sampled_from(PREFIXES), stems, st.sampled_from(EXTS))
folder_names = st.builds(lambda p, s: _fit(p.encode() + s), st.sampled_from(PREFIXES[:4]),
                         stems)
files = st.builds(File, file_names, st.sampled_from(sorted(contents())))
links = st.builds(Link, file_names,
                  st.sampled_from(("file", "folder", "self", "parent", "dangling", "outside")))


def _deep(depth: int, leaf: File, names: list[bytes]) -> Folder:
    node: Node = leaf
    for name in reversed(names[:depth]):
        node = Folder(name, (node,))
    assert isinstance(node, Folder)
    return node


deep_chains = st.builds(_deep, st.integers(1, 12), files,
                        st.lists(folder_names, min_size=12, max_size=12))
month_fans = st.builds(  # one file name in many month folders
    lambda folder, months, leaf: Folder(folder, tuple(
        Folder(m, (leaf,)) for m in months)),
    folder_names,
    st.lists(st.sampled_from([b"01 Januari", b"02 Februari", b"2022-03", b"April", b"Mei",
                              b"06. JUNI 2022", b"Juli", b"Agust", b"Sept", b"10",
                              b"Nop", b"Des"]), min_size=2, max_size=6, unique=True),
    files,
)
nodes = st.recursive(
    st.one_of(files, links, deep_chains, month_fans, folder_names.map(lambda n: Folder(n, ()))),
    lambda children: st.builds(Folder, folder_names,
                               st.lists(children, max_size=5).map(tuple)),
    max_leaves=20,
)
plain = st.one_of(  # what keeps a tree from looking like an unmounted share: no hidden name
    st.builds(File, st.sampled_from([b"SK.pdf", b"Undangan 9 Mei 2022.pdf", b"foto.jpg"]),
              st.sampled_from(["pdf", "undangan_pdf", "jpeg"])),
    st.builds(Folder, st.sampled_from([b"Arsip", b"I.3.1", b"AREA I"]), st.just(())),
)
trees = st.builds(lambda first, rest: (first, *rest), plain, st.lists(nodes, max_size=8))


@dataclass
class Built:
    root: Path
    files: list[bytes]  # relative paths of the regular files written, in build order
    folders: list[bytes]


def build(root: Path, outside: Path, tree: tuple[Node, ...]) -> Built:
    """Write ``tree`` under ``root`` (links last, once their targets exist); a name that is
    already taken in its folder is left out. ``outside`` holds a document the links may
    point at and nothing may read."""
    top = os.fsencode(root)
    os.makedirs(top, exist_ok=True)
    os.makedirs(os.fsencode(outside), exist_ok=True)
    write_bytes(os.path.join(os.fsencode(outside), b"Rahasia.pdf"), contents()["pdf"])
    built = Built(root, [], [])
    pending: list[tuple[bytes, Link]] = []

    def put(folder: bytes, rel: bytes, node: Node) -> None:
        path = os.path.join(folder, node.name)
        if os.path.lexists(path):
            return
        sub = os.path.join(rel, node.name) if rel else node.name
        if isinstance(node, File):
            write_bytes(path, contents()[node.content])
            built.files.append(sub)
        elif isinstance(node, Folder):
            os.mkdir(path)
            built.folders.append(sub)
            for child in node.children:
                put(path, sub, child)
        else:
            os.symlink(b"_", path)  # holds the name; its target is set below
            pending.append((path, node))

    for node in tree:
        put(top, b"", node)
    for path, link in pending:
        os.unlink(path)
        os.symlink(_target(top, os.fsencode(outside), path, link, built), path)
    return built


def _target(top: bytes, outside: bytes, path: bytes, link: Link, built: Built) -> bytes:
    if link.target == "file" and built.files:
        return os.path.join(top, built.files[0])
    if link.target == "folder" and built.folders:
        return os.path.join(top, built.folders[-1])
    if link.target == "self":
        return os.path.basename(path)
    if link.target == "parent":
        return b".."
    if link.target == "outside":
        return outside
    return b"nowhere/hilang.pdf"
