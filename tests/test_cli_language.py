"""The command line speaks the user's language: argparse's frame, usage errors and YAML
mistakes in Bahasa Indonesia by default, complete English with --lang en anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # help lines unwrapped, so words stay whole


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # --help and usage errors leave through argparse
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_scan_help_is_indonesian_and_names_every_report_file(capsys) -> None:
    code, out, _ = _run(capsys, "scan", "--help")
    assert code == 0
    assert out.startswith("pemakaian: zi-auditor scan")
    assert "\npilihan:\n" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "usage" not in out and "options:" not in out and "show this help" not in out
    assert "gap-report.xlsx" in out and "ringkasan-pleno.html" in out
    assert "--month M, -m M" in out and "--year Y, -y Y" in out


def test_help_in_english_with_lang_after_the_command(capsys) -> None:
    code, out, _ = _run(capsys, "scan", "--help", "--lang", "en")
    assert code == 0
    assert out.startswith("usage: zi-auditor scan") and "\noptions:\n" in out
    assert "report month" in out and "bulan laporan" not in out
    assert "exit with code 1 when there are gaps" in out and "kekurangan" not in out


@pytest.mark.parametrize("command", ["scan", "email", "index"])
def test_every_command_with_a_month_takes_m_and_y_and_speaks_one_language(
        capsys, command: str) -> None:
    _, out, _ = _run(capsys, command, "--help")
    assert "-m M" in out and "-y Y" in out
    assert " / " not in out, "Indonesian help with English glued on"
    _, out, _ = _run(capsys, command, "--help", "--lang", "en")
    assert "-m M" in out and "bulan" not in out


def test_a_wrong_month_is_explained_in_indonesian(capsys) -> None:
    code, _, err = _run(capsys, "scan", "--month", "Mai")
    assert code == 2
    assert "zi-auditor scan: galat: pilihan --month/-m: bulan 'Mai' tidak dikenal" in err
    assert "invalid" not in err and "error" not in err
    assert "Bantuan: zi-auditor scan --help" in err


def test_a_wrong_month_in_english(capsys) -> None:
    code, _, err = _run(capsys, "index", "-m", "13", "--lang", "en")
    assert code == 2
    assert "zi-auditor index: error: argument --month/-m: unknown month '13'" in err


def test_an_unknown_command_and_a_missing_argument_in_indonesian(capsys) -> None:
    code, _, err = _run(capsys, "config", "periksa")
    assert code == 2 and "pilihan 'periksa' tidak dikenal (pilih salah satu: " in err
    code, _, err = _run(capsys, "rules", "import")
    assert code == 2 and "yang berikut wajib diisi: PLAN" in err
    code, _, err = _run(capsys, "scan", "--bulan", "5")
    assert code == 2 and "pilihan tidak dikenal: --bulan" in err


def test_an_unknown_language_is_refused_plainly(capsys) -> None:
    code, _, err = _run(capsys, "scan", "--lang", "fr")
    assert code == 2 and "bahasa 'fr' tidak dikenal (pilih id atau en)" in err


def test_lang_en_after_the_command_gives_english_messages(capsys, tmp_path: Path,
                                                           monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZI_CONFIG", raising=False)
    code, _, err = _run(capsys, "scan", "--lang", "en")
    assert code == 2 and "No configuration file" in err
    code, _, err = _run(capsys, "scan")
    assert code == 2 and "Berkas konfigurasi tidak ditemukan" in err


@pytest.mark.parametrize(("text", "indonesian", "english"), [
    ("year: 2022\nteams:\n\t- name: Tim A\n", "gunakan spasi, bukan tab", "indent with spaces, not tabs"),
    ("teams:\n  - name: Tim A\n  email: a@b.c\n", "butir daftar harus diawali '- '", "must start with '- '"),
    ("office: KPU: Kota\n", "titik dua ':' di tempat yang salah", "a ':' where none may stand"),
    ("office: 'KPU Kota\n", "tanda kutip dibuka tetapi tidak ditutup", "a quote is opened but never closed"),
])
def test_common_yaml_mistakes_are_told_plainly(capsys, tmp_path: Path, text: str,
                                               indonesian: str, english: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, "config", "validate", str(config))
    assert code == 2 and f"{config}:" in err and indonesian in err
    assert "did not find" not in err and "cannot start" not in err
    code, _, err = _run(capsys, "config", "validate", str(config), "--lang", "en")
    assert code == 2 and english in err


def _commands() -> list[list[str]]:
    import argparse

    from auditor.cli import build_parser

    def subs(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
        action = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
        return list(action.choices.items()) if action else []

    out = []
    for name, parser in subs(build_parser()):
        out.append([name])
        out += [[name, sub] for sub, _ in subs(parser)]
    return out


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_s_help_speaks_one_language(capsys, command: list[str]) -> None:
    _, indonesian, _ = _run(capsys, *command, "--help")
    _, english, _ = _run(capsys, *command, "--help", "--lang", "en")
    assert indonesian.startswith("pemakaian:") and english.startswith("usage:")
    assert " / " not in indonesian and " / " not in english, "one language glued to the other"
    assert indonesian != english
