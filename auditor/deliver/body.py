"""The words of each e-mail, as plain text and as an HTML alternative, in the report language.

Every value from the report or the config is escaped in the HTML; the plain text needs no
escaping. Headers are not built here (see compose.py). Team leads read these on a phone: on a
narrow screen each table row becomes a block of labelled lines (the ``<style>`` below; mail
programs without it keep the inline-styled table, whose long words still wrap).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from auditor.audit.model import AuditReport, Count, Verdict
from auditor.i18n import t
from auditor.report.labels import month_name, status_label
from auditor.report.links import evidence_link
from auditor.report.view import rule_sort_key
from auditor.review.hints import fix_command

# Rows listed in a message body; the rest are in the attachment or the report, so a month
# with tens of thousands of gaps still makes a mail well under servers' size limits.
MAX_ROWS = 300
_STYLE_TABLE = "border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px;max-width:100%"
_STYLE_CELL = ("border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left;"
               "overflow-wrap:anywhere;word-break:break-word")
# Below 600 px a row is a card: every cell on its own line, headed by its column's name.
_NARROW_CSS = (
    "@media screen and (max-width:600px){"
    "table.zi,table.zi tbody,table.zi tr,table.zi td{display:block!important;width:auto!important}"
    "table.zi tr.zi-head{display:none!important}"
    "table.zi tr{border:1px solid #999;margin:0 0 10px 0}"
    "table.zi td{border:none!important;border-bottom:1px solid #ddd!important}"
    "table.zi td[data-label]:before{content:attr(data-label) ': ';font-weight:bold}"
    "}")


@dataclass
class Body:
    """The content of one message: paragraphs, gap rows, upcoming rows, closing lines."""

    lang: str
    greeting: str
    paragraphs: list[str] = field(default_factory=list)
    summary: dict[str, Count] = field(default_factory=dict)  # coordinator only
    gaps: list[Verdict] = field(default_factory=list)
    decided: list[Verdict] = field(default_factory=list)  # accepted / not applicable by a person
    upcoming: list[Verdict] = field(default_factory=list)
    upcoming_title: str = ""
    show_team: bool = False
    closing: list[str] = field(default_factory=list)
    links_base: str | None = None  # the config's links.base: folders and files open from here

    def text(self) -> str:
        lines = [self.greeting, ""]
        for paragraph in self.paragraphs:
            lines += [paragraph, ""]
        if self.summary:
            lines += [t("deliver.summary_heading", self.lang) + ":"]
            for team, count in self.summary.items():
                lines.append(f"- {team}: " + t("deliver.counts", self.lang, due=count.due,
                                                   ok=count.ok, gaps=count.gaps))
            lines.append("")
        if self.gaps:
            lines += [t("deliver.gaps_heading", self.lang) + ":"]
            for number, verdict in enumerate(self.gaps[:MAX_ROWS], 1):
                lines += _verdict_lines(number, verdict, self.lang, self.show_team,
                                        self.links_base)
            if len(self.gaps) > MAX_ROWS:
                lines.append(t("deliver.more_rows", self.lang, count=len(self.gaps) - MAX_ROWS))
            lines.append("")
        if self.decided:
            lines += [t("review.heading.decided", self.lang) + ":"]
            for verdict in self.decided[:MAX_ROWS]:
                lines += _decided_line(verdict, self.lang, self.show_team)
            lines.append("")
        if self.upcoming_title:
            lines.append(self.upcoming_title + ":")
            for verdict in self.upcoming[:MAX_ROWS]:
                team = f" ({verdict.team})" if self.show_team else ""
                lines.append(f"- {verdict.rule_id}{team}: {verdict.evidence}")
                if verdict.folder:
                    lines.append(f"  {t('deliver.folder', self.lang)}: "
                                 f"{_where(self.links_base, verdict.folder)}")
            if len(self.upcoming) > MAX_ROWS:
                lines.append(t("deliver.more_rows", self.lang, count=len(self.upcoming) - MAX_ROWS))
            if not self.upcoming:
                lines.append(t("deliver.upcoming_none", self.lang))
            lines.append("")
        lines += self.closing
        return "\n".join(lines).rstrip() + "\n"

    def html(self) -> str:
        lang, base = self.lang, self.links_base
        out = [f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
               '<meta name="viewport" content="width=device-width, initial-scale=1">',
               f"<style>{_NARROW_CSS}</style></head>",
               '<body style="font-family:Arial,sans-serif;font-size:14px;color:#111;'
               'overflow-wrap:anywhere">',
               f"<p>{escape(self.greeting)}</p>"]
        out += [f"<p>{_html_lines(p)}</p>" for p in self.paragraphs]
        if self.summary:
            out.append(f"<h3>{escape(t('deliver.summary_heading', lang))}</h3>")
            header = [t(f"deliver.col.{c}", lang) for c in ("team", "due", "ok", "gaps")]
            rows = [[_html_lines(cell) for cell in (team, str(c.due), str(c.ok), str(c.gaps))]
                    for team, c in self.summary.items()]
            out.append(_table(header, rows))
        if self.gaps:
            out.append(f"<h3>{escape(t('deliver.gaps_heading', lang))}</h3>")
            columns = ["no", "rule", *(["team"] if self.show_team else []), "month", "status",
                       "evidence", "notes"]
            rows = []
            for number, v in enumerate(self.gaps[:MAX_ROWS], 1):
                notes = [_html_lines(p) for p in v.problems]
                if v.folder:
                    notes.append(f"{escape(t('deliver.folder', lang))}: {_anchor(base, v.folder)}")
                if v.files:
                    notes.append(f"{escape(t('deliver.files_found', lang))}: "
                                 + ", ".join(_anchor(base, f.path) for f in v.files))
                notes.append(f"{escape(t('review.fix_hint', lang))} <code>{escape(fix_command(v))}</code>")
                cells = [str(number), v.rule_id, *([v.team] if self.show_team else []),
                         month_name(v.month, lang), status_label(v.status, lang), v.evidence]
                rows.append([*(_html_lines(c) for c in cells), "<br>".join(notes)])
            out.append(_table([t(f"deliver.col.{c}", lang) for c in columns], rows))
            if len(self.gaps) > MAX_ROWS:
                out.append(f"<p>{escape(t('deliver.more_rows', lang, count=len(self.gaps) - MAX_ROWS))}</p>")
        if self.decided:
            out.append(f"<h3>{escape(t('review.heading.decided', lang))}</h3>")
            out.append("<ul>" + "".join(
                f"<li>{_html_lines(line.strip())}</li>"
                for v in self.decided[:MAX_ROWS]
                for line in _decided_line(v, lang, self.show_team)) + "</ul>")
        if self.upcoming_title:
            out.append(f"<h3>{escape(self.upcoming_title)}</h3>")
            if self.upcoming:
                columns = ["rule", *(["team"] if self.show_team else []), "evidence", "notes"]
                rows = [[*(_html_lines(c) for c in (v.rule_id, *([v.team] if self.show_team else []),
                                                      v.evidence)),
                         f"{escape(t('deliver.folder', lang))}: {_anchor(base, v.folder)}"
                         if v.folder else ""]
                        for v in self.upcoming[:MAX_ROWS]]
                out.append(_table([t(f"deliver.col.{c}", lang) for c in columns], rows))
                if len(self.upcoming) > MAX_ROWS:
                    out.append(f"<p>{escape(t('deliver.more_rows', lang, count=len(self.upcoming) - MAX_ROWS))}</p>")
            else:
                out.append(f"<p>{escape(t('deliver.upcoming_none', lang))}</p>")
        out += [f'<p style="color:#444">{_html_lines(line)}</p>' for line in self.closing if line]
        out.append("</body></html>")
        return "\n".join(out) + "\n"


def _where(base: str | None, relative: str) -> str:
    """A folder or file for the plain-text part: the path, and where it opens when known."""
    link = evidence_link(base, relative)
    return f"{relative} ({link.text})" if link and link.text != relative else relative


def _anchor(base: str | None, relative: str) -> str:
    """A folder or file for the HTML part: a link through links.base, else the plain path."""
    link = evidence_link(base, relative)
    if link is None:
        return escape(relative)
    return f'<a href="{escape(link.url)}">{escape(relative)}</a>'


def _verdict_lines(number: int, verdict: Verdict, lang: str, show_team: bool,
                   base: str | None = None) -> list[str]:
    team = f" · {verdict.team}" if show_team else ""
    lines = [f"{number}. {verdict.rule_id}{team} · {month_name(verdict.month, lang)} · "
             f"{status_label(verdict.status, lang)}: {verdict.evidence}"]
    lines += [f"   - {problem}" for problem in verdict.problems]
    if verdict.files:
        lines.append(f"   {t('deliver.files_found', lang)}: " + ", ".join(f.path for f in verdict.files))
    if verdict.folder:
        lines.append(f"   {t('deliver.folder', lang)}: {_where(base, verdict.folder)}")
    lines.append(f"   {t('review.fix_hint', lang)} {fix_command(verdict)}")
    return lines


def _decided_line(verdict: Verdict, lang: str, show_team: bool) -> list[str]:
    team = f" · {verdict.team}" if show_team else ""
    return [f"- {verdict.rule_id}{team} · {month_name(verdict.month, lang)} · "
            f"{status_label(verdict.status, lang)}: {verdict.evidence}. "
            + " ".join(verdict.problems)]


def _html_lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A table of HTML ``rows`` (cells already escaped); each cell carries its column's name
    for the narrow layout."""
    head = "".join(f'<th style="{_STYLE_CELL};background:#eee">{escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{escape(label)}" style="{_STYLE_CELL}">{cell}</td>'
                         for label, cell in zip(header, row, strict=True))
        + "</tr>" for row in rows)
    return (f'<table class="zi" style="{_STYLE_TABLE}"><tr class="zi-head">{head}</tr>'
            f"{body}</table>")


def sorted_verdicts(verdicts: list[Verdict]) -> list[Verdict]:
    return sorted(verdicts, key=lambda v: (rule_sort_key(v.rule_id), v.month))


def next_month(report: AuditReport) -> tuple[int, int]:
    return (report.year + 1, 1) if report.month == 12 else (report.year, report.month + 1)


def upcoming_title(report: AuditReport, lang: str) -> str:
    year, month = next_month(report)
    return t("deliver.upcoming_heading", lang, month=month_name(month, lang), year=year)
