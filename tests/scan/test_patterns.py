"""Rule patterns cannot stall the night: repeated ``**`` are one, matching does no
backtracking whatever the pattern, and `rules check` refuses patterns beyond any office's
need with a located message."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_kit import build_office, sk_docx

from auditor.cli import main
from auditor.i18n import t
from auditor.rules.patterns import match_pattern, pattern_problem

FOLDER = "I Manajemen Perubahan/1 Tim Kerja/I.1.1 Rapat Koordinasi ZI Pembentukan Tim Kerja (Undangan, DH, Dok)"


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZI_LANG", "id")


def test_a_rules_file_with_ten_double_stars_is_refused_where_it_says_so(tmp_path: Path,
                                                                        capsys) -> None:
    office = build_office(tmp_path, workers=1)
    rules = office.base / "rules.yaml"
    bomb = "/".join(["**"] * 10) + "/*.pdf"
    text = rules.read_text(encoding="utf-8").replace(f"  - {FOLDER}/**", f"  - '{bomb}'", 1)
    rules.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if bomb in row)
    assert main(["rules", "check", str(rules)]) == 2
    err = capsys.readouterr().err
    assert f"{rules}:{line}: 'rules[0].patterns[0]': " in err
    assert t("rules.pattern_complex", pattern=bomb) in err


def test_a_pattern_that_backtracks_for_hours_as_a_regex_scans_at_once(tmp_path: Path) -> None:
    """Within the limits of `rules check`, a pattern a regular expression would try for
    hours on long names (one star per letter) scans 20 long-named files at once; the
    subprocess timeout is the bound: a stall fails the test."""
    office = build_office(tmp_path, workers=1)
    rules = office.base / "rules.yaml"
    starry = "Lain lain/*a*a*a*a*a*a*a*a*a*b.docx"
    assert pattern_problem(starry) is None
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        f"  - {FOLDER}/**", f"  - {FOLDER}/**\n  - {starry}", 1), encoding="utf-8")
    other = office.root / "Lain lain"
    other.mkdir()
    for n in range(10):  # ten names the pattern takes, ten it must try every way to refuse
        sk_docx(other / f"{n:02d} {'a' * 70}b.docx", "13 Mei 2022")
        sk_docx(other / f"{n:02d} {'a' * 70}.docx", "13 Mei 2022")
    run = office.scan("--month", "5", "--year", "2022", timeout=60)
    assert run.returncode == 0, run.stderr
    files = {f["path"] for v in office.report("2022-05")["verdicts"] if v["rule_id"] == "I.1.1"
             for f in v["files"]}
    assert files == {f"Lain lain/{n:02d} {'a' * 70}b.docx" for n in range(10)}


def test_repeated_double_stars_match_as_one() -> None:
    assert match_pattern("a/**/**/**/b/*.pdf", "a/b/x.pdf")
    assert match_pattern("a/**/**/**/b/*.pdf", "a/1/2/3/4/b/x.pdf")
    assert not match_pattern("a/**/**/**/b/*.pdf", "a/1/2/b/c/x.pdf")
    assert match_pattern("a/**/**", "a/x/y.pdf") and not match_pattern("a/**/**", "a")
    assert match_pattern("**", "x.pdf") and match_pattern("*a?c*", "xxabcyy")
    assert not match_pattern("*a?c*", "xxacyy")
