"""The hostile cases: each one hostile thing, put in the folder of one rule of the seed
ruleset, with what the report must say of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import hostile_files as hf
from office_kit import Office, build_office


@dataclass(frozen=True)
class Case:
    """One hostile thing: where it goes (the folder of ``rule``), how it is made, and what
    the report must say of it (``error``: the message key of FileFacts.error, or None when
    the file is readable and only its name is hostile)."""

    name: str
    rule: str
    filename: str | bytes
    make: Callable[[Path | bytes], None]
    status: str  # the verdict of the rule's month that holds the file
    error: str | None = None


def _symlink_loop(path: Path | bytes) -> None:
    os.symlink(os.path.basename(os.fsencode(path)), path)  # points at itself


def _unsigned_sk(day: str) -> Callable[[Path | bytes], None]:
    return lambda path: hf.sk_docx(path, day, signed=False)


LONG_NAME = "SK Satyalencana Karya Satya dan penetapan pegawai teladan " + "x" * 187 + ".docx"
assert len(LONG_NAME) == 250

CASES = (
    Case("truncated_pdf", "V.1.2", "SK Unit Pengendalian Gratifikasi.pdf", hf.truncated_pdf,
         "needs_review", "inspect.pdf_truncated"),
    Case("pdf_reference_loop", "V.2.1", "Salinan SK Satgas SPIP.pdf", hf.reference_loop_pdf,
         "needs_review", "inspect.pdf_corrupt"),
    Case("encrypted_pdf", "V.2.2", "Salinan SK SOP Kartu Kendali.pdf", hf.encrypted_pdf,
         "needs_review", "inspect.pdf_encrypted"),
    Case("docx_not_zip", "I.1.2", "Risalah Rapat Koordinasi ZI 20 Mei 2022.docx",
         hf.not_a_zip_docx, "needs_review", "inspect.zip_corrupt"),
    Case("docx_zip_bomb", "I.2.2", "Risalah Rapat Penyusunan Rencana Aksi.docx",
         lambda p: hf.zip_bomb(p, "docx"), "needs_review", "inspect.zip_bomb"),
    Case("xlsx_zip_bomb", "III.5.1", "Rekapitulasi potongan tukin Februari 2022.xlsx",
         lambda p: hf.zip_bomb(p, "xlsx"), "needs_review", "inspect.zip_bomb"),
    Case("empty_pdf", "II.1.3", "Dokumen SOP 10 Juni 2022.pdf", lambda p: hf.write_bytes(p, b""),
         "needs_review", "inspect.empty"),
    Case("empty_doc", "IV.1.1", "RKA-KL 2022 tanggal 10 Januari 2022.doc",
         lambda p: hf.write_bytes(p, b""), "needs_review", "inspect.empty"),
    Case("empty_photo", "V.3.1", "Foto brosur pengaduan 2 Februari 2022.jpg",
         lambda p: hf.write_bytes(p, b""), "needs_review", "inspect.empty"),
    Case("sparse_16gib", "V.1.3", "Laporan Monitoring Gratifikasi Januari 2022.pdf",
         hf.sparse_file, "needs_review", "inspect.too_large"),
    Case("image_bomb", "V.1.1", "Foto spanduk gratifikasi 5 Januari 2022.png", hf.png_bomb,
         "needs_review", "inspect.image_bomb"),
    Case("symlink_loop", "VI.2.3", "SK Pegawai Berprestasi 2021.pdf", _symlink_loop,
         "needs_review", "scan.link_loop"),
    Case("symlink_outside", "VI.2.6", "SK SOP Penanganan Hoax.docx", None,  # type: ignore[arg-type]
         "needs_review", "scan.link_outside"),
    Case("name_newline", "I.1.4", "SK Tim Kerja ZI\nTahun 2022.docx", _unsigned_sk("13 April 2022"),
         "unsigned"),
    Case("name_script", "I.4.6", "<script>document.title='PWNED'<script> SK Role Model.docx",
         _unsigned_sk("14 April 2022"), "unsigned"),
    Case("name_bad_utf8", "III.1.2", b"SK Penempatan CPNS \xff\xfe\xc3(.docx",
         _unsigned_sk("15 April 2022"), "unsigned"),
    Case("name_bad_utf8_photo", "I.3.6", b"Foto evaluasi ZI \xe9t\xe9.jpg", hf.photo, "undated"),
    Case("name_250_chars", "III.4.2", LONG_NAME, _unsigned_sk("17 Januari 2022"), "unsigned"),
)


def shown_name(filename: str | bytes) -> str:
    """How the report shows a file name: bytes that are not UTF-8 are written as \\xNN."""
    raw = filename if isinstance(filename, bytes) else filename.encode()
    return raw.decode("utf-8", "backslashreplace")


def hostile_office(base: Path, cases: Sequence[Case] = CASES, **options: object) -> Office:
    """The seed office under ``base`` with the hostile ``cases`` put in their folders."""
    office = build_office(base, **options)  # type: ignore[arg-type]
    secret = office.outside / "SK SOP Penanganan Hoax.docx"
    hf.sk_docx(secret, "20 Februari 2022", signed=True)
    for case in cases:
        target = os.fsencode(office.folder(case.rule)) + b"/" + os.fsencode(case.filename)
        if case.name == "symlink_outside":
            os.symlink(secret, target)
            os.symlink(office.outside, os.fsencode(office.folder(case.rule)) + b"/arsip lama")
        else:
            case.make(target)
        office.cases[case.name] = case
    # A folder that links to its own parent: a loop the walk must leave after one round.
    os.symlink("..", office.folder("VI.2.3") / "semua")
    return office


def relpath(office: Office, case: Case) -> str:
    """How the report names the case's file."""
    return f"{office.rules[case.rule]['folder']}/{shown_name(case.filename)}"
