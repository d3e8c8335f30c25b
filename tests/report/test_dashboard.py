"""The office dashboard (reports_dir/index.html) after six months of real scans of a
generated tree, opened in headless Chromium: every figure per Tim and month is the one that
month's report gave, the charts carry their numbers as text, and the page prints."""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest
from PIL import Image
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from office_kit import build_office, sk_docx  # noqa: E402

from auditor.report.labels import month_name  # noqa: E402

pytestmark = pytest.mark.slow
MONTHS_ID = [month_name(m, "id") for m in range(1, 13)]
# decrees the office files as the months go by (rule id, day written in the decree)
FILED = {1: [("III.4.2", "14 Januari 2022"), ("V.1.2", "10 Januari 2022")],
         2: [("VI.2.3", "7 Februari 2022")], 3: [], 4: [("I.1.4", "4 April 2022")],
         5: [("I.4.6", "9 Mei 2022")], 6: []}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory, chromium) -> dict[str, object]:
    office = build_office(tmp_path_factory.mktemp("dashboard") / "kantor")
    for month, decrees in FILED.items():
        for rule_id, day in decrees:
            sk_docx(office.folder(rule_id) / f"SK {rule_id}.docx", day=day)
        done = office.scan("--month", str(month))
        assert done.returncode in (0, 1), done.stderr
    reports = {m: office.report(f"2022-{m:02d}") for m in FILED}
    page = office.reports / "index.html"
    out = tmp_path_factory.mktemp("dashboard-shots")
    again = office.zi("dashboard", "--config", str(office.config), "--out", str(out / "copy"))
    return {"office": office, "reports": reports, "page": page,
            "command": again, "copy": out / "copy" / "index.html",
            "dom": lxml.html.fromstring(chromium.dump_dom(page)),
            "png": chromium.screenshot(page, out / "dashboard.png"),
            "pdf": chromium.print_pdf(page, out / "dashboard.pdf")}


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_every_monthly_report_is_linked(scanned) -> None:
    links = scanned["dom"].xpath('//section[@id="reports"]//a')
    assert [_text(a) for a in links] == [f"{MONTHS_ID[m - 1]} 2022" for m in FILED]
    for a in links:
        assert (scanned["page"].parent / a.get("href")).is_file()


def test_each_tims_months_are_what_that_months_report_said(scanned) -> None:
    dom, reports = scanned["dom"], scanned["reports"]
    teams = set().union(*(r["summary"]["by_team"] for r in reports.values()))
    assert teams
    for team in teams:
        for key in ("due", "ok", "gaps"):
            row = dom.xpath(f'//section[@id="teams"]//tr[@data-team="{team}"][@data-row="{key}"]')
            assert len(row) == 1, (team, key)
            cells = [_text(td) for td in row[0].xpath("td")]
            expected = [str(reports[m]["summary"]["by_team"].get(team, {}).get(key, 0))
                        for m in FILED] + ["–"] * 6
            assert cells == expected, (team, key)


def test_the_charts_read_without_colour(scanned) -> None:
    dom, latest = scanned["dom"], scanned["reports"][6]
    for team, count in latest["summary"]["by_team"].items():
        chart = dom.xpath(f'//div[@class="team-chart"][@data-team="{team}"]/*[local-name()="svg"]')
        assert len(chart) == 1, team
        numbers = [_text(n) for n in chart[0].xpath('.//*[@class="gap-count"]')]
        assert len(numbers) == 6 and numbers[-1] == str(count["gaps"])
        assert chart[0].xpath('.//*[local-name()="pattern"]')  # gaps are hatched, not only red
    points = [_text(p) for p in dom.xpath('//section[@id="trend"]//*[@class="point"]')]
    assert points == [str(r["summary"]["gaps"]) for r in scanned["reports"].values()]


def test_areas_by_months_in_the_reports_colours(scanned) -> None:
    rows = scanned["dom"].xpath('//section[@id="grid"]//tr[@data-area]')
    assert [r.get("data-area") for r in rows] == ["I", "II", "III", "IV", "V", "VI"]
    latest = scanned["reports"][6]
    for row in rows:
        cells = row.xpath("td")
        assert len(cells) == 12
        for month, cell in enumerate(cells, start=1):
            due = [v for v in latest["verdicts"]
                   if v["area"] == row.get("data-area") and v["month"] == month]
            if due:
                done = sum(v["status"] in ("ok", "late") for v in due)
                assert f"{done}/{len(due)}" in _text(cell)
                assert cell.get("data-state") in {v["status"] for v in due}
            else:
                assert cell.get("data-state") in ("upcoming", "not_due")


def test_the_oldest_gaps_and_next_month(scanned) -> None:
    dom, latest = scanned["dom"], scanned["reports"][6]
    rows = dom.xpath('//section[@id="oldest"]//tr[@class="gap"]')
    gaps = sorted((v for v in latest["verdicts"]
                   if v["status"] not in ("ok", "late")), key=lambda v: (v["month"], v["rule_id"]))
    assert len(rows) == 10
    assert [(r.get("data-rule"), int(r.get("data-month"))) for r in rows] == [
        (v["rule_id"], v["month"]) for v in gaps[:10]]
    for row, v in zip(rows, gaps, strict=False):
        assert _text(row.xpath('td[@class="team"]')[0]) == v["team"]
        assert _text(row.xpath('.//code[@class="folder"]')[0]) == v["folder"]
    assert "Juli" in _text(dom.xpath('//section[@id="upcoming"]/h2')[0])
    upcoming = [r.get("data-rule") for r in dom.xpath('//section[@id="upcoming"]//tr[@class="upcoming"]')]
    assert upcoming == [v["rule_id"] for v in latest["upcoming"]] and upcoming


def test_it_prints_and_the_command_writes_the_same_page(scanned) -> None:
    image = Image.open(scanned["png"])
    assert image.size == (1280, 2400)
    assert len(image.convert("L").getcolors(maxcolors=1 << 16)) > 20  # charts and colours drawn
    pdf = PdfReader(scanned["pdf"])
    assert len(pdf.pages) >= 2
    assert "Perkembangan Zona Integritas" in pdf.pages[0].extract_text()
    assert scanned["command"].returncode == 0, scanned["command"].stderr
    copy = scanned["copy"].read_text(encoding="utf-8")
    assert copy.count("gap-report.html") == 6
    page = lxml.html.fromstring(copy)
    assert [a.get("href") for a in page.xpath('//section[@id="reports"]//a')][0].endswith(
        "2022-01/gap-report.html")
    assert (scanned["copy"].parent / page.xpath('//section[@id="reports"]//a')[0].get("href")
            ).resolve().is_file()
