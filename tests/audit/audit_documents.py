"""Real small documents as offices write them (python-docx), with fixed modification times."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import docx

from auditor.config.model import Config
from auditor.rules.model import Part

SK = Part("sk", "SK Tim Kerja ZI", signed_required=True)
MTIME = 1656000000  # 2022-06-23


def write_docx(path: Path, *lines: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    os.utime(path, (MTIME, MTIME))
    return path


def undangan(path: Path, day: str, signed: bool = True) -> Path:
    return write_docx(path, "Nomor : 123/PK.01-Und/3313/2022", "Hal : Undangan",
                      f"Karanganyar, {day}", "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR,",
                      "ttd." if signed else "", "TRIASTUTI SURYANDARI")


def daftar_hadir(path: Path, day: str) -> Path:
    return write_docx(path, "DAFTAR HADIR", "Rapat Evaluasi ZI", f"Hari/Tanggal : {day}",
                      "No Nama Jabatan Tanda Tangan")


def sk(path: Path, day: str, signed: bool) -> Path:
    return write_docx(path, "KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
                      "MEMUTUSKAN", f"Ditetapkan di Karanganyar pada tanggal {day}",
                      "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR,",
                      "ttd." if signed else "", "TRIASTUTI SURYANDARI")


@dataclass
class Office:
    root: Path
    config: Config
    meeting: Path  # folder of rule I.3.1 (due May and June)
    decree: Path  # folder of rule I.1.4 (due April)
