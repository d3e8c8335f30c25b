"""A real office with hostile evidence: the seed ruleset (96 rules, KPU Karanganyar 2022),
its folder tree made by ``init-tree``, one hostile thing in the folder of one rule, and
the real CLI run in a subprocess so exit codes, stderr and reports are what a user gets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hostile_files as hf

REPO = Path(__file__).resolve().parents[2]
SEED_RULES = REPO / "rules" / "kpu-karanganyar-2022.yaml"
REPORT_FILES = ("gap-report.json", "gap-report.html", "gap-report.md", "gap-report.csv")


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


@dataclass
class Office:
    base: Path
    root: Path
    config: Path
    rules: dict[str, Any]  # rule id -> `rules list --json` object
    outside: Path
    cases: dict[str, Case] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)

    @property
    def reports(self) -> Path:
        return self.base / "out" / "reports"

    @property
    def state(self) -> Path:
        return self.base / "out" / "state"

    def folder(self, rule_id: str) -> Path:
        return self.root / self.rules[rule_id]["folder"]

    def relpath(self, case: Case) -> str:
        return f"{self.rules[case.rule]['folder']}/{shown_name(case.filename)}"

    def zi(self, *args: str, timeout: float = 120, wrap: Sequence[str] = (),
           driver: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
        """Run ``zi-auditor ARGS`` (optionally through a driver script or under another user)."""
        entry = [*driver] if driver else ["-m", "auditor"]
        return subprocess.run([*wrap, sys.executable, *entry, *args], capture_output=True,
                              text=True, timeout=timeout, env=self.env, cwd=self.base)

    def scan(self, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return self.zi("scan", "--config", str(self.config), "--quiet", *args, **kwargs)

    def report(self, month: str = "2022-12") -> dict[str, Any]:
        return json.loads((self.reports / month / "gap-report.json").read_text(encoding="utf-8"))


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZI_", "PYTEST"))}
    env.update(PYTHONPATH=str(REPO), LC_ALL="C.UTF-8", **extra)
    return env


def build_office(base: Path, cases: Sequence[Case] = CASES, *, timeout: float = 3,
                 workers: int = 2, extra_config: str = "") -> Office:
    """Config, rules and tree under ``base``; the hostile ``cases`` put in their folders."""
    base.mkdir(parents=True, exist_ok=True)
    rules_file = base / "rules.yaml"
    rules_file.write_bytes(SEED_RULES.read_bytes())
    config = base / "config.yaml"
    config.write_text(
        "evidence_root: bukti\nrules: [rules.yaml]\nyear: 2022\nreports_dir: out/reports\n"
        f"state_dir: out/state\ninspect: {{workers: {workers}, timeout_seconds: {timeout}}}\n"
        + extra_config, encoding="utf-8")
    office = Office(base, base / "bukti", config, {}, base / "di-luar-bukti", env=cli_env())
    listed = office.zi("rules", "list", "--json", "--rules", str(rules_file))
    assert listed.returncode == 0, listed.stderr
    office.rules = {r["id"]: r for r in json.loads(listed.stdout)}
    made = office.zi("init-tree", str(office.root), "--rules", str(rules_file))
    assert made.returncode == 0, made.stderr
    office.outside.mkdir()
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
