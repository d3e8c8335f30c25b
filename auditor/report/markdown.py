"""gap-report.md: the same content as the HTML report, in plain Markdown."""

from __future__ import annotations

from auditor.audit.model import AuditReport
from auditor.i18n import t
from auditor.report import labels
from auditor.report.base import ReportFormat
from auditor.report.view import ReportView, TeamView, build_view

_ESCAPES = str.maketrans({
    "\\": "\\\\", "|": "\\|", "`": "\\`", "<": "&lt;", ">": "&gt;", "*": "\\*",
    "_": "\\_", "[": "\\[", "]": "\\]", "#": "\\#", "&": "&amp;"})


# The same escapes as a chain of str.replace, much faster than translate() with strings:
# the backslash first, "&" before the entities that contain it.
_REPLACES = sorted(((chr(c), e) for c, e in _ESCAPES.items()), key=lambda p: (p[0] != "\\", p[0] != "&"))


def md(text: object) -> str:
    """Untrusted text (a file name, a document's words) made inert in Markdown, on one line."""
    value = " ".join(str(text).split())
    for char, escaped in _REPLACES:
        if char in value:
            value = value.replace(char, escaped)
    return value


def _linked(text: str, href: str | None) -> str:
    """``text`` as a Markdown link when links.base gives it one (the URL is percent-encoded,
    and in <> so that nothing in it ends the link), else as plain text."""
    return f"[{md(text)}](<{href}>)" if href else md(text)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _team(team: TeamView, lang: str) -> list[str]:
    c = team.count
    out = [f"### {md(team.name)}", "",
           f"**{t('report.headline', lang, ok=c.ok, due=c.due)}** · "
           f"{t('report.headline_gaps', lang, gaps=c.gaps)}", ""]
    if not team.todo:
        out += [t("report.team_done", lang), ""]
    for todo in team.todo:
        out.append(f"- **{md(todo.rule_id)}** {md(todo.evidence)} — {md(todo.month_name)}: "
                   f"{todo.symbol} **{md(todo.status_label)}**")
        out += [f"  - {md(problem)}" for problem in todo.problems]
        out.append(f"  - {t('report.put_in', lang)} {_linked(todo.folder, todo.folder_href)}")
        if todo.fix:
            out.append(f"  - {t('review.fix_hint', lang)} {md(todo.fix)}")
        if todo.files:
            out.append(f"  - {t('report.files_found', lang)}")
            for f in todo.files:
                extra = f"; {md(f.error)}" if f.error else ""
                guessed = f" ({md(f.guessed)})" if f.guessed else ""
                out.append(f"    - {_linked(f.path, f.href)}{guessed} — {md(f.line)}; {md(f.signed)}{extra}")
    if team.decided:
        out += ["", f"**{t('review.heading.decided', lang)}:**", ""]
        out += [f"- {d.symbol} **{md(d.status_label)}** {md(d.rule_id)} {md(d.evidence)} — "
                f"{md(d.month_name)}; " + " ".join(md(p) for p in d.problems) for d in team.decided]
    if team.upcoming:
        out += ["", f"**{t('report.heading.upcoming', lang)}:**", ""]
        out += [f"- **{md(u.rule_id)}** {md(u.evidence)} — {md(u.month_name)}; "
                f"{t('report.put_in', lang)} {_linked(u.folder, u.folder_href)}" for u in team.upcoming]
    return [*out, ""]


def _unmatched(view: ReportView, lang: str) -> list[str]:
    """The section of files no rule claimed; none when every file was recognised."""
    if not view.unmatched_total:
        return []
    out = [f"## {t('report.heading.unmatched', lang)} ({view.unmatched_total})", ""]
    out += [t("report.unmatched_intro", lang, count=view.unmatched_total), ""]
    out += _table([t("report.col.path", lang), t("report.col.error", lang)],
                  [[md(u.get("path", "")), md(u.get("reason", ""))] for u in view.unmatched])
    if view.unmatched_total > len(view.unmatched):
        out += [t("report.unmatched_more", lang, shown=len(view.unmatched),
                  count=view.unmatched_total), ""]
    return out


def _new_folders(view: ReportView, lang: str) -> list[str]:
    """With a folder map: the folders it does not name yet, each with the line to paste."""
    if not view.new_folders:
        return []
    out = [f"## {t('report.heading.new_folders', lang)} ({len(view.new_folders)})", ""]
    out += [t("report.new_folders_intro", lang), "", "```yaml"]
    out += [f["line"] for f in view.new_folders]
    return [*out, "```", ""]


def render_markdown(view: ReportView) -> str:
    lang = view.lang
    s = view.summary
    out = [f"# {view.title}", "", f"**{md(view.office)}** — {md(view.period)}", "",
           f"{t('report.as_of', lang, as_of=md(view.as_of))} · "
           f"{t('report.generated_at', lang, generated_at=md(view.generated_at))}  ",
           t("report.evidence_root", lang, root=md(view.evidence_root)), "",
           f"## {t('report.heading.summary', lang)}", "",
           f"**{t('report.headline', lang, ok=s.ok, due=s.due)}** · "
           f"{t('report.headline_gaps', lang, gaps=s.gaps)}", ""]
    if view.status_counts:
        out += [" · ".join(f"{labels.SYMBOLS[st]} {label}: {n}"
                           for st, label, n in view.status_counts), ""]
    if view.on_word:
        out += [md(view.on_word), ""]
    if view.no_recipient:
        out += [md(view.no_recipient), ""]
    if view.corrected:
        out += [f"**{t('review.heading.corrected', lang)}:**", ""]
        out += [f"- {md(f.path)} — {md(f.line)}" for f in view.corrected] + [""]
    out += _table([t(f"report.col.{k}", lang) for k in ("team", "due", "ok", "gaps")],
                  [[md(tm.name), str(tm.count.due), str(tm.count.ok), str(tm.count.gaps)]
                   for tm in view.teams])
    out += [f"## {t('report.heading.todo', lang)}", ""]
    for team in view.teams:
        out += _team(team, lang)
    out += [f"## {t('report.heading.verdicts', lang)}", ""]
    out += _table(
        [t(f"report.col.{k}", lang) for k in ("rule_id", "evidence", "month", "team", "status",
                                              "files", "problems")],
        [[md(v.rule_id), md(v.evidence), md(labels.month_name(v.month, lang)), md(v.team),
          f"{labels.SYMBOLS.get(v.status, '')} {md(labels.status_label(v.status, lang))}",
          "<br>".join(md(f.path) for f in v.files), " ".join(md(p) for p in v.problems)]
         for v in view.verdicts])
    out += _unmatched(view, lang)
    out += _new_folders(view, lang)
    out += [f"## {t('report.heading.errors', lang)}", ""]
    if view.retried:
        out += [t("report.retried", lang, count=view.retried), ""]
    if view.errors:
        out += _table([t("report.col.path", lang), t("report.col.error", lang)],
                      [[md(e.get("path", "")), md(e.get("error", ""))] for e in view.errors])
    else:
        out += [t("report.no_errors", lang), ""]
    out += [f"## {t('report.heading.history', lang)}", ""]
    if view.history:
        out += _table([t(f"report.col.{k}", lang) for k in ("run_at", "report_month", "due", "ok",
                                                            "gaps", "files_seen", "progress")],
                      [[md(h.run_at), md(h.month_name), str(h.due), str(h.ok), str(h.gaps),
                        str(h.files), f"{h.percent}%"] for h in view.history])
    else:
        out += [t("report.no_history", lang), ""]
    out += ["---", "", t("report.footer", lang), ""]
    return "\n".join(out)


class MarkdownFormat(ReportFormat):
    name = "md"
    filename = "gap-report.md"

    def render(self, report: AuditReport, lang: str) -> str:
        return render_markdown(build_view(report, lang))
