"""The evidence index: per area, item and indicator, the rules and the files that back them.

Evaluators ask for it beside the LKE. Built from an AuditReport (read back from
gap-report.json), so making it needs no rescan. Rendered by index_xlsx and index_html.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from auditor.audit.model import AuditReport, Verdict
from auditor.i18n import t
from auditor.report import labels
from auditor.report.links import link_url, spreadsheet_target
from auditor.report.view import Cell, by_rule_month, rule_cells, rules_by_item

INDEX_BASENAME = "indeks-bukti"


@dataclass
class IndexFile:
    path: str
    href: str | None
    part: str
    date: str
    date_source: str
    signed: str
    months: list[str]  # month names of the verdicts it was found for
    statuses: list[str]  # status labels of those verdicts
    target: str | None = None  # the spreadsheet's hyperlink (report/links.py)


@dataclass
class IndexRule:
    rule_id: str
    evidence: str
    action: str
    team: str
    folder: str
    folder_href: str | None
    cells: list[Cell]
    files: list[IndexFile]
    folder_target: str | None = None  # the spreadsheet's hyperlink (report/links.py)


@dataclass
class IndexIndicator:
    text: str
    rules: list[IndexRule] = field(default_factory=list)


@dataclass
class IndexItem:
    item: int
    name: str
    indicators: list[IndexIndicator] = field(default_factory=list)


@dataclass
class IndexArea:
    area: str
    name: str
    items: list[IndexItem] = field(default_factory=list)


@dataclass
class EvidenceIndex:
    lang: str
    title: str
    office: str
    period: str
    year: int
    month: int
    generated_at: str
    evidence_root: str
    months: list[tuple[int, str]]
    areas: list[IndexArea]
    file_count: int


def _files(report: AuditReport, verdicts: list[Verdict], lang: str) -> list[IndexFile]:
    """The files of one rule's verdicts, each once, with every month it was found for."""
    found: dict[str, IndexFile] = {}
    for verdict in sorted(verdicts, key=lambda v: v.month):
        for f in verdict.files:
            entry = found.get(f.path)
            if entry is None:
                entry = found[f.path] = IndexFile(
                    path=f.path, href=link_url(report.output.links_base, f.path),
                    part=f.part or "", date=f.date or t("report.no_date", lang),
                    date_source=labels.date_source_label(f.date_source, lang) if f.date else "",
                    signed=labels.signed_label(f.signed, lang), months=[], statuses=[],
                    target=spreadsheet_target(report.output.links_base, f.path))
            entry.months.append(labels.month_name(verdict.month, lang))
            entry.statuses.append(labels.status_label(verdict.status, lang))
    return sorted(found.values(), key=lambda f: f.path)


def build_index(report: AuditReport, lang: str) -> EvidenceIndex:
    judged = by_rule_month(report.verdicts)
    of_rule: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in report.verdicts:
        of_rule[verdict.rule_id].append(verdict)
    areas: dict[str, IndexArea] = {}
    count = 0
    for group in rules_by_item(report):
        area = areas.setdefault(group.area, IndexArea(group.area, group.area_name))
        item = IndexItem(group.item, group.item_name)
        area.items.append(item)
        indicators: dict[str, IndexIndicator] = {}
        for rule in group.rules:
            text = str(rule.get("indicator") or "")
            if text not in indicators:
                indicators[text] = IndexIndicator(text)
                item.indicators.append(indicators[text])
            files = _files(report, of_rule[str(rule["id"])], lang)
            count += len(files)
            folder = str(rule.get("folder") or "")
            indicators[text].rules.append(IndexRule(
                rule_id=str(rule["id"]), evidence=str(rule.get("evidence") or ""),
                action=str(rule.get("action") or ""), team=str(rule.get("team") or ""),
                folder=folder, folder_href=link_url(report.output.links_base, folder),
                cells=rule_cells(rule, judged, report.month, lang), files=files,
                folder_target=spreadsheet_target(report.output.links_base, folder)))
    return EvidenceIndex(
        lang=lang, title=t("report.index.title", lang), office=report.office,
        period=t("report.period", lang, month=labels.month_name(report.month, lang),
                 year=report.year),
        year=report.year, month=report.month,
        generated_at=labels.display_time(report.generated_at),
        evidence_root=report.evidence_root,
        months=[(m, labels.month_short(m, lang)) for m in range(1, 13)],
        areas=list(areas.values()), file_count=count)
