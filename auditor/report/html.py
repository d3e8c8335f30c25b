"""gap-report.html: one self-contained page (inline CSS, no script, no network), A4-printable."""

from __future__ import annotations

from functools import cache, partial

import jinja2

from auditor.audit.model import AuditReport
from auditor.i18n import t
from auditor.report import labels
from auditor.report.base import ReportFormat
from auditor.report.view import build_view


@cache
def environment() -> jinja2.Environment:
    """Autoescape is on for every template: file names and document words are untrusted."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("auditor.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, lang: str, **context: object) -> str:
    template = environment().get_template(name)
    return template.render(t=partial(t, lang=lang), symbols=labels.SYMBOLS,
                           colours=labels.STATUS_COLOURS, **context)


class HtmlFormat(ReportFormat):
    name = "html"
    filename = "gap-report.html"

    def render(self, report: AuditReport, lang: str) -> str:
        return render_template("report.html.j2", lang, v=build_view(report, lang))
