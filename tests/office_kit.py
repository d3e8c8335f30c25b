"""A real office for whole-tool tests: the seed ruleset (96 rules, KPU Karanganyar 2022), its
folder tree made by ``init-tree``, a config, and the real CLI run in a subprocess, so exit
codes, stderr and reports are what a user gets. Also: running as an unprivileged user (the
tests run as root, who can read a chmod-000 folder) and fingerprints of a tree."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx

REPO = Path(__file__).resolve().parents[1]
SEED_RULES = REPO / "rules" / "kpu-karanganyar-2022.yaml"
REPORT_FILES = ("gap-report.json", "gap-report.html", "gap-report.md", "gap-report.csv",
                "gap-report.xlsx", "ringkasan-pleno.html")
NOBODY = 65534
AS_NOBODY = ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")


def sk_lines(day: str, signed: bool) -> list[str]:
    return ["KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "MEMUTUSKAN",
            f"Ditetapkan di Karanganyar pada tanggal {day}",
            "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR,", "ttd." if signed else "",
            "TRIASTUTI SURYANDARI"]


def docx_bytes(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_bytes(path: Path | bytes, data: bytes) -> None:
    """Write ``data`` at ``path``; a bytes path may hold bytes that are not UTF-8."""
    fd = os.open(os.fsencode(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def sk_docx(path: Path | bytes, day: str = "13 Mei 2022", signed: bool = True) -> None:
    """An SK (decree) as offices write them: 'Ditetapkan ... pada tanggal DAY', 'ttd.'."""
    write_bytes(path, docx_bytes(sk_lines(day, signed)))


def sk_pdf_bytes(day: str = "13 Mei 2022", signed: bool = True) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=0)
    y = 780
    for line in sk_lines(day, signed):
        c.drawString(60, y, line)
        y -= 18
    c.save()
    return buf.getvalue()


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZI_", "PYTEST"))}
    env.update(PYTHONPATH=str(REPO), LC_ALL="C.UTF-8", PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


@dataclass
class Office:
    base: Path
    root: Path
    config: Path
    rules: dict[str, Any]  # rule id -> `rules list --json` object
    outside: Path  # a folder beside the evidence root, never to be read
    env: dict[str, str] = field(default_factory=dict)
    cases: dict[str, Any] = field(default_factory=dict)

    @property
    def reports(self) -> Path:
        return self.base / "out" / "reports"

    @property
    def state(self) -> Path:
        return self.base / "out" / "state"

    def folder(self, rule_id: str) -> Path:
        return self.root / self.rules[rule_id]["folder"]

    def zi(self, *args: str, timeout: float = 120, wrap: Sequence[str] = (),
           driver: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
        """Run ``zi-auditor ARGS`` (through a driver script, or under ``wrap`` e.g. setpriv)."""
        entry = [*driver] if driver else ["-m", "auditor"]
        return subprocess.run([*wrap, sys.executable, *entry, *args], capture_output=True,
                              text=True, timeout=timeout, env=self.env, cwd=self.base)

    def scan(self, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return self.zi("scan", "--config", str(self.config), "--quiet", *args, **kwargs)

    def report(self, month: str = "2022-12") -> dict[str, Any]:
        return json.loads((self.reports / month / "gap-report.json").read_text(encoding="utf-8"))


def build_office(base: Path, *, timeout: float = 3, workers: int = 2,
                 extra_config: str = "") -> Office:
    """Config, rules and the empty folder tree of every rule under ``base``."""
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
    return office


@contextmanager
def shared_tmp() -> Iterator[Path]:
    """A folder another user can enter (pytest's tmp_path sits under a 0700 folder)."""
    path = Path(tempfile.mkdtemp(prefix="zi-test-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for folder, dirs, _ in os.walk(path):  # undo chmod 000 / a-w before removing
            os.chmod(folder, 0o755)
            for d in dirs:
                full = os.path.join(folder, d)
                if not os.path.islink(full):
                    os.chmod(full, 0o755)
        shutil.rmtree(path)


def give_to_nobody(*paths: Path) -> None:
    """Make ``paths`` (created if missing) and everything under them owned by nobody."""
    for top in paths:
        top.mkdir(parents=True, exist_ok=True)
        for folder, dirs, files in os.walk(top):
            for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                os.chown(name, NOBODY, NOBODY, follow_symlinks=False)


def fingerprint(root: Path) -> dict[bytes, tuple]:
    """Every entry under ``root`` (not following links): type, mode, size, mtime in ns,
    content hash for files, target for links. Equal fingerprints: nothing was touched."""
    out: dict[bytes, tuple] = {}
    top = os.fsencode(root)
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            full = os.path.join(folder, name)
            st = os.lstat(full)
            rel = os.path.relpath(full, top)
            if os.path.islink(full):
                out[rel] = ("link", os.readlink(full))
            elif os.path.isdir(full):
                out[rel] = ("dir", st.st_mode, st.st_mtime_ns)
            else:
                out[rel] = ("file", st.st_mode, st.st_size, st.st_mtime_ns, _content_hash(full))
    st = os.lstat(top)
    out[b"."] = ("dir", st.st_mode, st.st_mtime_ns)
    return out


def _content_hash(path: bytes) -> str:
    """SHA-256 of the data regions with their offsets: a sparse file's holes are zeros by
    definition, so a 16 GiB hole hashes in no time and any written byte still shows."""
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY)
    try:
        pos = 0
        while True:
            try:
                start = os.lseek(fd, pos, os.SEEK_DATA)
            except OSError:  # ENXIO: no data after pos
                break
            end = os.lseek(fd, start, os.SEEK_HOLE)
            os.lseek(fd, start, os.SEEK_SET)
            digest.update(start.to_bytes(8, "little"))
            left = end - start
            while left > 0:
                block = os.read(fd, min(left, 1 << 20))
                if not block:
                    break
                digest.update(block)
                left -= len(block)
            pos = end
    finally:
        os.close(fd)
    return digest.hexdigest()


TEAM_LEADS = ("  - {name: Tim Manajemen Perubahan, lead: Sri Wahyuni, email: mp@kpu.example}\n",
              "  - {name: Tim Pengawasan, lead: Budi Santoso, email: pengawasan@kpu.example}\n")


def mail_config(port: int, user: str, *, teams: int = 2, timeout: float = 5) -> str:
    """Config lines for mail through a test SMTP server on 127.0.0.1 (one try per run)."""
    return ("teams:\n" + "".join(TEAM_LEADS[:teams])
            + "coordinator: {name: Koordinator ZI, email: koordinator@kpu.example}\n"
            f"smtp: {{host: 127.0.0.1, port: {port}, security: none, user: {user},\n"
            f"        password_env: ZI_SMTP_PASSWORD, sender: zi@kpu.example, "
            f"timeout_seconds: {timeout:g}}}\n"
            "email: {max_attempts: 1}\n")
