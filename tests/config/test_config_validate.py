"""`config validate` checks what it can before the first night run: the folders and files the
config names exist and can be used, the mail password is there, the office has its own name.
Each problem names file, line and key with what to do (exit 2); a scan is not needed for it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from office_kit import AS_NOBODY, REPO, SEED_RULES, build_office, cli_env, shared_tmp, sk_docx

from auditor.cli import main

GOOD = """\
office: KPU Kabupaten Contoh
evidence_root: bukti
rules: [aturan.yaml]
year: 2022
reports_dir: keluaran/laporan
state_dir: keluaran/keadaan
smtp:
  host: smtp.kpu.example
  user: zi
  password_env: ZI_SMTP_PASSWORD
  sender: zi@kpu.example
"""


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a config that passes every check: evidence, rules, the password."""
    (tmp_path / "bukti" / "I Manajemen Perubahan").mkdir(parents=True)
    shutil.copyfile(SEED_RULES, tmp_path / "aturan.yaml")
    monkeypatch.setenv("ZI_SMTP_PASSWORD", "rahasia")
    path = tmp_path / "config.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def validate(capsys: pytest.CaptureFixture[str], path: Path, *lang: str) -> tuple[int, str]:
    code = main([*lang, "config", "validate", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


def test_a_complete_setup_is_valid(setup: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = validate(capsys, setup)
    assert code == 0, text
    assert "sah" in text
    assert not (setup.parent / "keluaran").exists()  # checking creates nothing


@pytest.mark.parametrize(("change", "line", "key", "words"), [
    (("evidence_root: bukti", "evidence_root: bukit"), 2, "evidence_root", "tidak ada"),
    (("evidence_root: bukti", "evidence_root: aturan.yaml"), 2, "evidence_root", "bukan folder"),
    (("rules: [aturan.yaml]", "rules: [aturan.yaml, tambahan.yaml]"), 3, "rules[1]",
     "tidak ditemukan"),
    (("reports_dir: keluaran/laporan", "reports_dir: aturan.yaml/laporan"), 5, "reports_dir",
     "tidak dapat dibuat"),
    (("state_dir: keluaran/keadaan", "state_dir: aturan.yaml"), 6, "state_dir", "bukan folder"),
    (("password_env: ZI_SMTP_PASSWORD", "password_env: ZI_SANDI_LAIN"), 10, "smtp.password_env",
     "ZI_SANDI_LAIN"),
    (("  password_env: ZI_SMTP_PASSWORD\n", ""), 9, "smtp.user", "password_env"),
    (("office: KPU Kabupaten Contoh\n", ""), 1, "office", "KPU Kabupaten Karanganyar"),
])
def test_each_setup_mistake_is_named_with_line_key_and_what_to_do(
        setup: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], line: int,
        key: str, words: str) -> None:
    setup.write_text(GOOD.replace(*change), encoding="utf-8")
    code, text = validate(capsys, setup)
    assert code == 2, text
    assert f"{setup}:{line}: '{key}'" in text
    assert words in text


def test_the_password_must_be_in_the_environment_when_a_user_logs_in(
        setup: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZI_SMTP_PASSWORD")
    code, text = validate(capsys, setup)
    assert code == 2
    assert f"{setup}:10: 'smtp.password_env'" in text and "ZI_SMTP_PASSWORD" in text
    assert "rahasia" not in text


def test_a_rules_file_with_a_mistake_is_checked_too(setup: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rules = setup.parent / "aturan.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("year: 2022", "year: dua ribu", 1),
                     encoding="utf-8")
    code, text = validate(capsys, setup)
    assert code == 2
    assert f"{rules}:" in text and "'year'" in text


def test_every_problem_is_listed_at_once_in_english_on_request(
        setup: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZI_SMTP_PASSWORD")
    setup.write_text(GOOD.replace("evidence_root: bukti", "evidence_root: /mnt/zi-belum-ada"),
                     encoding="utf-8")
    code, text = validate(capsys, setup, "--lang", "en")
    assert code == 2
    assert "'evidence_root'" in text and "'smtp.password_env'" in text
    assert "does not exist" in text


def test_folders_the_service_user_cannot_use_are_named() -> None:
    # root can write anywhere, so the check runs as an unprivileged user, as the service does
    with shared_tmp() as base:
        (base / "bukti").mkdir()
        (base / "bukti" / "rahasia").mkdir(mode=0o700)
        shutil.copyfile(SEED_RULES, base / "aturan.yaml")
        (base / "aturan.yaml").chmod(0o600)
        (base / "laporan").mkdir()  # root's, 0755: nobody cannot write in it
        config = base / "config.yaml"
        config.write_text(GOOD.replace("keluaran/laporan", "laporan")
                          .replace("evidence_root: bukti", "evidence_root: bukti/rahasia"),
                          encoding="utf-8")
        run = subprocess.run([*AS_NOBODY, sys.executable, "-m", "auditor", "config", "validate",
                              str(config)], capture_output=True, text=True, timeout=120,
                             env=cli_env(ZI_SMTP_PASSWORD="rahasia"), cwd=base)
    assert run.returncode == 2, run.stderr
    assert f"{config}:2: 'evidence_root'" in run.stderr and "tidak dapat dibaca" in run.stderr
    assert f"{config}:3: 'rules[0]'" in run.stderr
    assert f"{config}:5: 'reports_dir'" in run.stderr and "tidak dapat ditulis" in run.stderr
    assert f"{config}:6: 'state_dir'" in run.stderr and "tidak dapat dibuat" in run.stderr


def test_the_config_office_name_heads_the_report_instead_of_the_rules_one(tmp_path: Path) -> None:
    office = build_office(tmp_path, extra_config="office: KPU Kabupaten Wonogiri\n")
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja.docx")
    run = office.scan("--month", "12", "--year", "2022")
    assert run.returncode == 0, run.stderr
    assert office.report()["office"] == "KPU Kabupaten Wonogiri"
    html = (office.reports / "2022-12" / "gap-report.html").read_text(encoding="utf-8")
    assert '<p class="sub"><strong>KPU Kabupaten Wonogiri</strong>' in html
    assert "<title>Laporan" in html and "KPU Kabupaten Wonogiri —" in html


def test_a_generated_config_works_outside_the_checkout(tmp_path: Path) -> None:
    # the package alone, as pip installs it: no rules/ folder of the repository beside it
    site = tmp_path / "site-packages"
    shutil.copytree(REPO / "auditor", site / "auditor",
                    ignore=shutil.ignore_patterns("__pycache__"))
    home = tmp_path / "etc-zi"
    home.mkdir()
    (home / "bukti").mkdir()
    env = {**cli_env(ZI_SMTP_PASSWORD="rahasia"), "PYTHONPATH": str(site)}

    def zi(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                              text=True, timeout=120, env=env, cwd=home)

    assert zi("config", "generate", "--out", "config.yaml").returncode == 0
    config = home / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "evidence_root: sample_evidence", "evidence_root: bukti"), encoding="utf-8")
    checked = zi("config", "validate", "--config", str(config))
    assert checked.returncode == 0, checked.stderr
    listed = zi("rules", "list", "--json", "--config", str(config))
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 96
