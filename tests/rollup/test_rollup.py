"""zi-auditor rollup over a drop folder of 40 offices' published reports: bad files are named
with their reason and skipped, the page and workbook show what the DuckDB file holds, and a
second run reads only what changed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

from auditor.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rollup_kit import office_report, office_slug, publish_office, report_json  # noqa: E402

YEAR = 2026


@pytest.fixture()
def drop(tmp_path: Path) -> dict[str, Path]:
    """40 offices publishing January..October 2026, and the odd files a province meets."""
    drop = tmp_path / "drop"
    other = tmp_path / "drop2"
    for i in range(40):
        slug = office_slug(i)
        last = 7 if i == 5 else 10  # kab-005 stopped after July: three months silent
        publish_office(drop, slug, YEAR, range(1, last + 1), diligence=0.4 + i * 0.014)
    odd = {}
    odd["truncated"] = drop / office_slug(7) / f"{YEAR}-11.json"
    text = report_json(office_report(office_slug(7), YEAR, 11, 0.8))
    odd["truncated"].write_text(text[: len(text) // 2], encoding="utf-8")
    old = json.loads(report_json(office_report(office_slug(8), YEAR, 11, 0.8)))
    old.pop("schema_version")  # written before reports carried a schema_version
    odd["old"] = drop / office_slug(8) / f"{YEAR}-11.json"
    odd["old"].write_text(json.dumps(old), encoding="utf-8")
    odd["duplicate"] = other / office_slug(9) / f"{YEAR}-10.json"
    odd["duplicate"].parent.mkdir(parents=True)
    odd["duplicate"].write_text(report_json(office_report(office_slug(9), YEAR, 10, 0.9, seed=1)),
                                encoding="utf-8")
    return {"drop": drop, "other": other, "out": tmp_path / "out", **odd}


def _run(drop: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--lang", "en", "rollup", str(drop["drop"]), str(drop["other"]),
                 "--out", str(drop["out"]), "--as-of", f"{YEAR}-11-26"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _cells(html: str, section: str) -> str:
    return html.split(f'<section id="{section}">')[1].split("</section>")[0]


def test_rollup_names_each_bad_file_and_the_silent_office(drop, capsys) -> None:
    code, out, err = _run(drop, capsys)
    assert code == 0, err
    assert f"{drop['truncated']}: not whole JSON" in err
    assert f"{drop['old']}: schema_version -, this zi-auditor reads version 1" in err
    dup_of = drop["drop"] / office_slug(9) / f"{YEAR}-10.json"
    assert f"{drop['duplicate']}: the same office and month is already loaded from {dup_of}" in err
    assert "Loaded 397 new reports, 0 unchanged, 3 skipped" in out
    assert "No report for more than 45 days: KPU Kab 005 (kab-005), last report 2026-07" in out
    html = (drop["out"] / "rollup.html").read_text(encoding="utf-8")
    for key in ("truncated", "old", "duplicate"):
        assert str(drop[key]) in _cells(html, "skipped")
    stale = _cells(html, "stale")
    assert re.findall(r'data-office="([^"]+)"', stale) == [office_slug(5)]
    assert "2026-07" in stale


def test_page_and_workbook_show_what_plain_sql_on_the_duckdb_file_gives(drop, capsys) -> None:
    assert _run(drop, capsys)[0] == 0
    con = duckdb.connect(str(drop["out"] / "rollup.duckdb"), read_only=True)
    ranked = con.execute("SELECT office, gaps FROM office_gaps ORDER BY rank, office").fetchall()
    shares = con.execute("SELECT office, area, share_complete FROM office_area").fetchall()
    top = con.execute("SELECT rule_id, offices FROM rules_missing "
                      "ORDER BY offices DESC, gaps DESC, rule_id LIMIT 5").fetchall()
    trend = con.execute("SELECT gaps FROM office_trend WHERE office = 'kab-005' "
                        "ORDER BY year, month").fetchall()
    con.close()
    assert len(ranked) == 40
    html = (drop["out"] / "rollup.html").read_text(encoding="utf-8")
    page_rank = re.findall(r'<tr data-office="([^"]+)">.*?<td class="n gaps">(\d+)</td>',
                           _cells(html, "ranking"))
    assert [(o, int(g)) for o, g in page_rank] == ranked
    areas = _cells(html, "areas")
    for office, area, share in shares[:30]:
        row = areas.split(f'<tr data-office="{office}">')[1].split("</tr>")[0]
        assert f'data-area="{area}">{round(share * 100)}%<' in row
    rules = re.findall(r'<tr data-rule="([^"]+)">.*?<td class="n">(\d+)</td>', _cells(html, "rules"))
    assert [(r, int(n)) for r, n in rules[:5]] == top
    kab5 = _cells(html, "trend").split('<tr data-office="kab-005">')[1].split("</tr>")[0]
    assert re.findall(r'<td class="n">(\d+)</td>', kab5) == [str(g) for (g,) in trend]

    book = openpyxl.load_workbook(drop["out"] / "rollup.xlsx")
    sheet = book.worksheets[0]
    rows = [(row[1].value, row[5].value) for row in sheet.iter_rows(min_row=2)]
    names = dict(duckdb.connect(str(drop["out"] / "rollup.duckdb"), read_only=True).execute(
        "SELECT office, office_name FROM reports").fetchall())
    assert rows == [(names[o], g) for o, g in ranked]


def test_a_second_run_reads_only_the_new_month(drop, capsys) -> None:
    assert _run(drop, capsys)[0] == 0
    publish_office(drop["drop"], office_slug(3), YEAR, [11], diligence=0.9)
    code, out, err = _run(drop, capsys)
    assert code == 0
    assert "Loaded 1 new reports, 397 unchanged, 3 skipped" in out
    assert str(drop["truncated"]) in err  # still named: it is still not loaded
    html = (drop["out"] / "rollup.html").read_text(encoding="utf-8")
    assert '<tr data-office="kab-003"><td class="n">' in html
    assert "2026-11" in _cells(html, "trend")


def test_a_removed_report_leaves_the_database(drop, capsys) -> None:
    assert _run(drop, capsys)[0] == 0
    os.unlink(drop["drop"] / office_slug(4) / f"{YEAR}-10.json")
    assert _run(drop, capsys)[0] == 0
    con = duckdb.connect(str(drop["out"] / "rollup.duckdb"), read_only=True)
    assert con.execute("SELECT year, month FROM latest_reports WHERE office = 'kab-004'"
                       ).fetchall() == [(YEAR, 9)]


def test_a_missing_drop_folder_or_a_busy_database_is_said_plainly(drop, capsys) -> None:
    code = main(["--lang", "en", "rollup", str(drop["drop"] / "nothing-here")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err
    drop["out"].mkdir()
    db = drop["out"] / "rollup.duckdb"
    holder = subprocess.Popen(  # another program has the database open for writing
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        code, out, err = _run(drop, capsys)
    finally:
        holder.communicate("")
    assert code == 4
    assert str(db) in err and "lock" in err.lower()


@pytest.mark.slow
def test_the_province_page_prints_and_runs_nothing(drop, capsys, chromium) -> None:
    import lxml.html
    from pypdf import PdfReader

    assert _run(drop, capsys)[0] == 0
    page = drop["out"] / "rollup.html"
    dom = lxml.html.fromstring(chromium.dump_dom(page))
    assert not dom.xpath("//script")
    assert len(dom.xpath('//section[@id="ranking"]//tr[@data-office]')) == 40
    png = chromium.screenshot(page, drop["out"] / "rollup.png")
    assert png.stat().st_size > 10_000
    pdf = PdfReader(chromium.print_pdf(page, drop["out"] / "rollup.pdf"))
    assert len(pdf.pages) >= 2
    assert "Province roll-up, Zona Integritas" in pdf.pages[0].extract_text()
