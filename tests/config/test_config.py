"""An office admin edits config.yaml; every mistake is named by file, line and key (exit 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.config import load_config
from auditor.config.generate import generate

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "config.example.yaml"

GOOD = """\
evidence_root: bukti
rules: [aturan.yaml]
year: 2022
reports_dir: laporan
state_dir: keadaan
teams:
  - name: Tim Pengawasan
    lead: Budi
    email: budi@kpu.example
smtp:
  host: smtp.kpu.example
  port: 587
  user: zi
  password_env: ZI_SMTP_PASSWORD
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_shipped_example_is_valid(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZI_SMTP_PASSWORD", "rahasia")  # `smtp.user` logs in with it
    code, out, err = run(capsys, "config", "validate", "--config", str(EXAMPLE))
    assert code == 0, err
    assert "sah" in out


def test_the_example_is_what_config_generate_prints() -> None:
    # One source of truth: the schema documents every key and produces the sample.
    assert EXAMPLE.read_text(encoding="utf-8") == generate()


def test_generate_never_overwrites_an_edited_config(tmp_path: Path, capsys) -> None:
    from auditor.cli import main

    config = tmp_path / "config.yaml"
    assert main(["config", "generate", "--out", str(config)]) == 0
    config.write_text(config.read_text(encoding="utf-8").replace(
        "office: KPU Kabupaten Karanganyar", "office: KPU Kota Contoh"), encoding="utf-8")
    assert main(["config", "generate", "--out", str(config)]) == 2
    assert "--force" in capsys.readouterr().err
    assert "office: KPU Kota Contoh" in config.read_text(encoding="utf-8")
    assert main(["config", "generate", "--out", str(config), "--force"]) == 0
    assert "office: KPU Kabupaten Karanganyar" in config.read_text(encoding="utf-8")


def test_generated_sample_comments_every_top_level_key(tmp_path: Path) -> None:
    text = generate()
    import yaml

    data = yaml.safe_load(text)
    for key in data:
        before = text.split(f"\n{key}:")[0]
        assert before.rstrip().splitlines()[-1].startswith("#"), key


def test_relative_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.evidence_root == tmp_path / "bukti"
    assert config.rules == (tmp_path / "aturan.yaml",)
    assert config.reports_dir == tmp_path / "laporan"
    assert config.timezone == "Asia/Jakarta" and config.language == "id"
    assert config.smtp is not None and config.smtp.security == "starttls"
    assert config.smtp.sender == "zi"
    assert config.team("Tim Pengawasan").email == "budi@kpu.example"


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        (GOOD + "colour: blue\n", 15, "colour", "tidak dikenal"),
        (GOOD.replace("port: 587", "port: lima"), 12, "smtp.port", "integer"),
        (GOOD.replace("year: 2022", "year: 1999"), 3, "year", "2000"),
        (GOOD + "language: fr\n", 15, "language", "id, en"),
        (GOOD + "timezone: Asia/Jakarat\n", 15, "timezone", "Asia/Jakarta"),
        (GOOD.replace("budi@kpu.example", "budi kpu"), 9, "teams[0].email", "surel"),
        (GOOD + "smtp:\n  host: x\n", 15, "smtp", "dua kali"),
        (GOOD.replace("evidence_root: bukti\n", ""), 1, "evidence_root", "wajib"),
        (GOOD.replace("password_env: ZI_SMTP_PASSWORD", "password_env: rahasia-123"), 14,
         "smtp.password_env", "variabel"),
        (GOOD.replace("reports_dir: laporan", "reports_dir: bukti/laporan"), 4, "reports_dir",
         "folder bukti"),
        (GOOD + "schedule: 'tiap malam'\n", 15, "schedule", "crontab"),
        (GOOD + "watch:\n  debounce_seconds: -1\n", 16, "watch.debounce_seconds", "0"),
        # values that passed and then crashed a run or switched a guard off
        (GOOD.replace("year: 2022", "year: 2022.0"), 3, "year", "bilangan bulat"),
        (GOOD.replace("port: 587", "port: 587.0"), 12, "smtp.port", "bilangan bulat"),
        (GOOD + "inspect: {timeout_seconds: .nan}\n", 15, "inspect.timeout_seconds", ".nan"),
        (GOOD + "guard:\n  max_file_loss_percent: .NaN\n", 16, "guard.max_file_loss_percent",
         "bukan angka"),
        (GOOD + "inspect: {max_file_mb: .inf}\n", 15, "inspect.max_file_mb", "bukan angka"),
        (GOOD + "watch: {debounce_seconds: -.inf}\n", 15, "watch.debounce_seconds", "bukan angka"),
        (GOOD + "watch: {enabled: 1}\n", 15, "watch.enabled", "boolean"),
        (GOOD + "schedule: '0 2 30 2 *'\n", 15, "schedule", "tidak pernah"),
        (GOOD + "schedule: '0 2 31 4,6,9,11 *'\n", 15, "schedule", "tidak pernah"),
        (GOOD + "email: {max_attempts: 20}\n", 15, "email.max_attempts", "lebih dari"),
        (GOOD.replace("  port: 587", "  timeout_seconds: 86400"), 12, "smtp.timeout_seconds",
         "lebih dari"),
        (GOOD.replace("reports_dir: laporan", "reports_dir: ."), 4, "reports_dir",
         "folder bukti"),
        (GOOD.replace("state_dir: keadaan", "state_dir: bukti/.."), 5, "state_dir",
         "folder bukti"),
    ],
)
def test_a_bad_config_names_file_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, key: str, words: str
) -> None:
    path = write(tmp_path, text)
    code, _, err = run(capsys, "config", "validate", "--config", str(path))
    assert code == 2
    assert f"{path}:{line}" in err
    assert f"'{key}'" in err
    assert words in err
    assert "Traceback" not in err


def test_evidence_inside_reports_dir_through_a_link_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # reports_dir is a link to the share's parent: the evidence lies inside it, by another path
    share = tmp_path / "share"
    (share / "bukti").mkdir(parents=True)
    (tmp_path / "laporan").symlink_to(share)
    path = write(tmp_path, GOOD.replace("evidence_root: bukti", "evidence_root: share/bukti"))
    code, _, err = run(capsys, "config", "validate", str(path))
    assert code == 2
    assert f"{path}:4" in err and "'reports_dir'" in err and "folder bukti" in err


def test_a_schedule_on_29_february_is_allowed(tmp_path: Path) -> None:
    # it fires in leap years: unusual but possible, so not refused
    assert load_config(write(tmp_path, GOOD + "schedule: '0 2 29 2 *'\n")).schedule == "0 2 29 2 *"


def test_a_day_that_never_comes_is_fine_when_a_weekday_is_named_too(tmp_path: Path) -> None:
    # crontab runs when EITHER day field matches: every Monday, whatever 30 February is
    assert load_config(write(tmp_path, GOOD + "schedule: '0 2 30 2 1'\n")).schedule


def test_yaml_syntax_error_gives_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD + "teams: [unclosed\n")
    code, _, err = run(capsys, "config", "validate", str(path))
    assert code == 2
    assert str(path) in err and "YAML" in err


def test_messages_in_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD + "colour: blue\n")
    code, _, err = run(capsys, "--lang", "en", "config", "validate", str(path))
    assert code == 2
    assert "unknown key 'colour'" in err


def test_missing_config_file_is_a_plain_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "config", "validate", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "tidak ditemukan" in err


def test_no_config_anywhere_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZI_CONFIG", raising=False)
    code, _, err = run(capsys, "config", "validate")
    assert code == 2
    assert "config generate" in err


def test_every_command_has_plain_help() -> None:
    import argparse

    from auditor.cli import build_parser

    listing = subprocess.run(
        [sys.executable, "-m", "auditor", "--help"], capture_output=True, text=True, check=True
    ).stdout
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    commands = list(sub.choices)
    # the commands the README and the deployment depend on are all there, and all listed
    assert {"rules", "init-tree", "config", "inspect", "scan", "index", "email", "serve",
            "watch"} <= set(commands)
    assert all(c in listing for c in commands)
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "auditor", command, "--help"], capture_output=True, text=True
        )
        assert result.returncode == 0, (command, result.stderr)
        assert "pemakaian: zi-auditor" in result.stdout


def test_every_default_comes_from_the_schema_alone(tmp_path) -> None:
    """schema.yaml is the one home of the defaults: a minimal config gets exactly them, and
    the settings classes hold none of their own that could disagree."""
    import dataclasses

    from auditor.config.load import load_config, schema
    from auditor.config.model import Config, EmailSettings, InspectSettings, WatchSettings

    (tmp_path / "bukti").mkdir()
    path = tmp_path / "config.yaml"
    path.write_text("evidence_root: bukti\n", encoding="utf-8")
    config = load_config(path)
    props = schema()["properties"]
    for section in ("inspect", "watch", "email"):
        for key, sub in props[section]["properties"].items():
            assert getattr(getattr(config, section), key) == sub["default"], (section, key)
    assert config.max_file_loss_percent == props["guard"]["properties"]["max_file_loss_percent"]["default"]
    assert (config.timezone, config.language, config.schedule) == (
        props["timezone"]["default"], props["language"]["default"], props["schedule"]["default"])
    for cls in (InspectSettings, WatchSettings, EmailSettings):
        assert all(f.default is dataclasses.MISSING for f in dataclasses.fields(cls)), cls
    assert all(f.default is dataclasses.MISSING for f in dataclasses.fields(Config)
               if f.name in ("timezone", "language", "reports_dir", "state_dir", "schedule"))
