"""Published office reports for roll-up tests and the roll-up benchmark: each one an
AuditReport of the seed rules (96 rules, KPU Karanganyar 2022) built in code with varied
progress and written by the report stage's own JSON writer, laid out in a drop folder as
``<office-slug>/<YYYY>-<MM>.json`` exactly as ``publish`` leaves them."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path
from typing import Any

from auditor.audit.model import AuditReport, Count, FileEvidence, Verdict
from auditor.report.json_format import JsonFormat

REPO = Path(__file__).resolve().parents[1]
SEED_RULES = REPO / "rules" / "kpu-karanganyar-2022.yaml"
GAP_CHOICES = ("missing", "missing", "missing", "incomplete", "unsigned", "undated",
               "needs_review")


@cache
def seed_rules() -> tuple:
    from auditor.rules.load import load_rules

    return tuple(load_rules(SEED_RULES).rules)


def _due(month: int, size: int | None) -> list[tuple[str, Any, int]]:
    """(rule id, rule, due month) of every rule-month due by ``month``; with ``size``,
    repeated (ids numbered on) to that many, as a larger plan of the same kind would be."""
    pairs = [(r.id, r, due) for r in seed_rules() for due in r.months if due <= month]
    if size is None:
        return pairs
    out = []
    for n in range(size):
        rule_id, rule, due = pairs[n % len(pairs)]
        if n >= len(pairs):
            area, item, number = rule_id.split(".")
            rule_id = f"{area}.{item}.{int(number) + 100 * (n // len(pairs))}"
        out.append((rule_id, rule, due))
    return out


def office_report(slug: str, year: int, month: int, diligence: float, seed: int = 0,
                  size: int | None = None) -> AuditReport:
    """The ``month`` report of office ``slug``: each due rule-month complete with
    probability ``diligence`` (the report month a little less: work still to come);
    ``size``: that many verdicts (see ``_due``)."""
    rng = random.Random(f"{slug}/{year}/{month}/{seed}")
    verdicts: list[Verdict] = []
    for rule_id, rule, due in _due(month, size):
        done = rng.random() < diligence * (1.0 if due < month else 0.8)
        status = ("ok" if rng.random() < 0.9 else "late") if done else rng.choice(GAP_CHOICES)
        files = [FileEvidence(path=f"{rule.folder}/{rule.id} {due:02d}-{year}.pdf",
                              part=rule.parts[0].kind if rule.parts else None,
                              date=f"{year}-{due:02d}-15", date_source="signature_block",
                              signed=True)] if done else []
        verdicts.append(Verdict(rule_id=rule_id, month=due, team=rule.team, status=status,
                                files=files, problems=[] if done else ["Belum ada berkas."],
                                folder=rule.folder, evidence=rule.evidence, area=rule.area,
                                item=rule.item))
    by_team: dict[str, Count] = {}
    for v in verdicts:
        c = by_team.setdefault(v.team, Count())
        c.due += 1
        c.ok += not v.is_gap
        c.gaps += v.is_gap
    gaps = sum(v.is_gap for v in verdicts)
    day = 28
    return AuditReport(
        year=year, month=month, as_of=f"{year}-{month:02d}-{day}",
        generated_at=f"{year}-{month:02d}-{day}T02:00:00+07:00", evidence_root="/srv/zi/bukti",
        language="id", office=f"KPU {slug.replace('-', ' ').title()}",
        summary=Count(due=len(verdicts), ok=len(verdicts) - gaps, gaps=gaps), by_team=by_team,
        verdicts=verdicts, errors=[])


def report_json(report: AuditReport) -> str:
    return JsonFormat().render(report, "id")


def publish_office(drop: Path, slug: str, year: int, months: range | list[int],
                   diligence: float) -> list[Path]:
    """Write office ``slug``'s reports for ``months`` into the drop folder."""
    out = []
    folder = drop / slug
    folder.mkdir(parents=True, exist_ok=True)
    for month in months:
        path = folder / f"{year}-{month:02d}.json"
        path.write_text(report_json(office_report(slug, year, month, diligence)),
                        encoding="utf-8")
        out.append(path)
    return out


def office_slug(index: int) -> str:
    return f"kab-{index:03d}"
