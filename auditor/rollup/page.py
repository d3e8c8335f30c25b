"""The province page (rollup.html): what the province reads from rollup.duckdb's views.

``province_view`` runs the views' queries once; the HTML page and the XLSX workbook are both
written from the same ProvinceView, so they show the same numbers as the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from auditor.report.html import render_template
from auditor.rollup.load import Skipped

RULES_SHOWN = 20


@dataclass
class OfficeRow:
    office: str
    name: str
    year: int
    month: int
    due: int
    ok: int
    gaps: int
    rank: int
    last_generated: str  # UTC, YYYY-MM-DD HH:MM
    stale: bool = False
    shares: dict[str, float | None] = field(default_factory=dict)  # area -> 0..1
    trend: dict[tuple[int, int], int] = field(default_factory=dict)  # (year, month) -> gaps


@dataclass
class RuleRow:
    rule_id: str
    evidence: str
    offices: int
    gaps: int


@dataclass
class ProvinceView:
    lang: str
    generated_at: str
    as_of: str
    stale_days: int
    offices: list[OfficeRow]  # ranked by open gaps, most first
    areas: list[str]
    periods: list[tuple[int, int]]  # (year, month) of every report, oldest first
    rules: list[RuleRow]
    stale: list[OfficeRow]
    skipped: list[Skipped]


def province_view(db_path: Path, lang: str, as_of: date, stale_days: int,
                  skipped: list[Skipped]) -> ProvinceView:
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute(
            "SELECT g.office, coalesce(g.office_name, g.office), g.year, g.month, g.due, g.ok,"
            " g.gaps, g.rank, l.last_generated_utc FROM office_gaps g"
            " JOIN office_last_report l USING (office) ORDER BY g.rank, g.office").fetchall()
        cutoff = datetime.combine(as_of - timedelta(days=stale_days), datetime.min.time())
        offices = [OfficeRow(o, n, y, m, d, k, g, r, last.strftime("%Y-%m-%d %H:%M"),
                             stale=last < cutoff)
                   for o, n, y, m, d, k, g, r, last in rows]
        by_office = {row.office: row for row in offices}
        areas = [a for (a,) in con.execute(
            "SELECT DISTINCT area FROM office_area ORDER BY area").fetchall()]
        areas.sort(key=_roman)
        for office, area, share in con.execute(
                "SELECT office, area, share_complete FROM office_area").fetchall():
            by_office[office].shares[area] = float(share)
        periods = set()
        for office, year, month, gaps in con.execute(
                "SELECT office, year, month, gaps FROM office_trend").fetchall():
            by_office[office].trend[(year, month)] = gaps
            periods.add((year, month))
        rules = [RuleRow(*r) for r in con.execute(
            "SELECT rule_id, evidence, offices, gaps FROM rules_missing"
            " ORDER BY offices DESC, gaps DESC, rule_id LIMIT ?", [RULES_SHOWN]).fetchall()]
    finally:
        con.close()
    return ProvinceView(
        lang=lang, generated_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        as_of=as_of.isoformat(), stale_days=stale_days, offices=offices, areas=areas,
        periods=sorted(periods), rules=rules,
        stale=sorted((o for o in offices if o.stale), key=lambda o: o.last_generated),
        skipped=skipped)


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _roman(area: str | None) -> tuple[int, str]:
    return (_ROMAN.get(area or "", 99), area or "")


def render_page(view: ProvinceView) -> str:
    return render_template("province.html.j2", view.lang, x=view)
