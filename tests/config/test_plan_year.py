"""A scan for a year the plan does not cover is refused before anything is written: a report
for December 2027 made from 2022 rules would be the newest report, and mailed as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_kit import Office, build_office, sk_docx


def office_with_an_sk(base: Path) -> Office:
    office = build_office(base)  # the seed rules of 2022, `year: 2022`
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja.docx")
    return office


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    return office_with_an_sk(tmp_path_factory.mktemp("kantor"))


@pytest.mark.parametrize(("args", "year"), [
    (("--month", "12", "--year", "2027"), "2027"),
    (("--year", "2021"), "2021"),
    (("--as-of", "2202-05-13"), "2202"),
    (("--as-of", "2023-01-02"), "2023"),
])
def test_a_year_outside_the_plan_is_refused_and_no_report_is_written(
        office: Office, args: tuple[str, ...], year: str) -> None:
    run = office.scan(*args)
    assert run.returncode == 2, run.stderr
    assert f"{year}" in run.stderr and "2022" in run.stderr
    assert "Rencana Aksi" in run.stderr and "--year 2022" in run.stderr
    assert "Traceback" not in run.stderr
    assert not list(office.reports.glob(f"{year}-*"))


def test_the_plan_year_itself_still_runs(office: Office) -> None:
    run = office.scan("--month", "12", "--year", "2022")
    assert run.returncode == 0, run.stderr
    assert office.report("2022-12")["year"] == 2022


def test_a_config_year_of_its_own_allows_the_rules_year_too(tmp_path: Path) -> None:
    # an office running its 2022 plan again in 2023 says `year: 2023`; the 2022 the rules
    # were written for stays open, any other year does not
    office = office_with_an_sk(tmp_path)
    office.config.write_text(office.config.read_text(encoding="utf-8").replace(
        "year: 2022", "year: 2023"), encoding="utf-8")
    assert office.scan("--month", "3", "--year", "2023").returncode == 0
    assert office.scan("--month", "3", "--year", "2022").returncode == 0
    refused = office.scan("--month", "3", "--year", "2024")
    assert refused.returncode == 2 and "2024" in refused.stderr
    assert not (office.reports / "2024-03").exists()


def test_english_on_request(office: Office) -> None:
    run = office.zi("--lang", "en", "scan", "--config", str(office.config), "--quiet",
                    "--year", "2030")
    assert run.returncode == 2
    assert "2030" in run.stderr and "plan" in run.stderr
