"""Installed like a package (issue 18.6): a wheel built from the sources and installed away
from the checkout finds its seed rules, messages, templates and schemas as package data,
lists the rules and audits a tree, with the current directory nowhere near the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from office_kit import REPO, cli_env, sk_docx

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_a_wheel_installed_outside_the_checkout_lists_its_rules_and_scans(tmp_path: Path) -> None:
    source = tmp_path / "src"  # a copy: building never writes into the checkout
    shutil.copytree(REPO / "auditor", source / "auditor",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, source / name)
    env = cli_env()
    env.pop("PYTHONPATH")
    built = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                  "-w", str(tmp_path / "dist"), str(source)], tmp_path, env)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("zi_auditor-*.whl")
    site = tmp_path / "site"
    installed = _run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                      "--target", str(site), str(wheel)], tmp_path, env)
    assert installed.returncode == 0, installed.stderr[-2000:]

    office = tmp_path / "kantor"
    office.mkdir()
    env["PYTHONPATH"] = str(site)  # ahead of the checkout's editable install
    where = _run([sys.executable, "-c", "import auditor; print(auditor.__file__)"], office, env)
    assert where.stdout.strip().startswith(str(site)), where.stdout + where.stderr

    listed = _run([sys.executable, "-m", "auditor", "rules", "list", "--json"], office, env)
    assert listed.returncode == 0, listed.stderr
    rules = json.loads(listed.stdout)
    assert len(rules) == 96 and rules[0]["id"] == "I.1.1"
    schema = _run([sys.executable, "-m", "auditor", "schema", "report"], office, env)
    assert schema.returncode == 0 and json.loads(schema.stdout)["title"].startswith("zi-auditor")

    (office / "config.yaml").write_text(
        "office: KPU Kabupaten Contoh\nevidence_root: bukti\nyear: 2022\n"
        "reports_dir: laporan\nstate_dir: state\ninspect: {workers: 1}\n", encoding="utf-8")
    made = _run([sys.executable, "-m", "auditor", "init-tree", "bukti", "--config", "config.yaml"], office, env)
    assert made.returncode == 0, made.stderr
    sk = next(r for r in rules if r["id"] == "I.1.4")
    sk_docx(office / "bukti" / sk["folder"] / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    scanned = _run([sys.executable, "-m", "auditor", "scan", "--config", "config.yaml", "--month", "5",
                    "--quiet"], office, env)
    assert scanned.returncode == 0, scanned.stderr
    report = json.loads((office / "laporan" / "2022-05" / "gap-report.json").read_text(encoding="utf-8"))
    verdict = next(v for v in report["verdicts"] if v["rule_id"] == "I.1.4")
    assert verdict["status"] == "ok" and report["office"] == "KPU Kabupaten Contoh"
    assert (office / "laporan" / "2022-05" / "gap-report.html").stat().st_size > 0
