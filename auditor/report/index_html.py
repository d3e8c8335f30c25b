"""indeks-bukti.html: the evidence index as one self-contained, printable page."""

from __future__ import annotations

from auditor.report.evidence_index import EvidenceIndex
from auditor.report.html import render_template


def render_index_html(index: EvidenceIndex) -> str:
    return render_template("index.html.j2", index.lang, x=index)
