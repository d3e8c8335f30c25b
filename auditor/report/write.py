"""Write the month's gap report in every format: <out>/<YYYY>-<MM>/gap-report.*."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from auditor import __version__
from auditor.audit.model import AuditReport
from auditor.i18n import DEFAULT_LANGUAGE, LANGUAGES
from auditor.report.atomic import atomic_write
from auditor.report.base import ReportFormat
from auditor.report.csv_format import CsvFormat
from auditor.report.html import HtmlFormat
from auditor.report.json_format import JsonFormat
from auditor.report.markdown import MarkdownFormat
from auditor.report.pleno import PlenoFormat
from auditor.report.sets import current_content, digest, switch_in
from auditor.report.view import one_view, report_json
from auditor.report.xlsx_format import XlsxFormat


def default_formats() -> tuple[ReportFormat, ...]:
    return (JsonFormat(), MarkdownFormat(), CsvFormat(), HtmlFormat(), XlsxFormat(),
            PlenoFormat())


def month_folder(out_dir: Path, year: int, month: int) -> Path:
    return Path(out_dir) / f"{year:04d}-{month:02d}"


def write_reports(report: AuditReport, out_dir: Path, lang: str, *,
                  formats: Sequence[ReportFormat] | None = None) -> Path:
    """Write out_dir/<YYYY>-<MM>/gap-report.{json,md,csv,html,xlsx} and ringkasan-pleno.html
    and return that folder.

    Each format is rendered and written into a new generation folder that no reader sees
    yet; the set is then switched in whole (``sets.switch_in``): a reader sees the old set or
    the new one, and a failure midway leaves the previous set. Other months are never
    touched.

    When the whole set already there says the same (``content_hash``: same verdicts, files,
    errors, files read, language, zi-auditor version; only the run's time and history
    differ) nothing is rendered or written: a night that found nothing new costs no report
    writing, and the set keeps the
    ``generated_at`` of the run that last changed it (every run is still in the state's
    history and the log).
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    formats = formats or default_formats()
    folder = month_folder(out_dir, report.year, report.month)
    with one_view():
        content = content_hash(report, lang, formats)
        if current_content(folder) == content:
            return folder
        files = ((f.filename, _bytes(f.render(report, lang))) for f in formats)
        # an index asked for this month stays true to the report beside it
        beside = index_files(report, lang) if has_index(folder) else ()
        return switch_in(folder, files, content, beside=beside)


def content_hash(report: AuditReport, lang: str, formats: Sequence[ReportFormat]) -> str:
    """What the report says, without when it was made and the run history: the same hash
    means the same findings (and the same count of files read, which a report also says)."""
    data = {k: v for k, v in report_json(report).items() if k not in ("generated_at", "history")}
    data["_formats"] = [f.filename for f in formats]
    data["_lang"] = lang
    data["_version"] = __version__  # a new release may render the same findings differently
    return digest(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def has_index(folder: Path) -> bool:
    """Someone ran `zi-auditor index` for this month (its files sit beside the report)."""
    from auditor.report.evidence_index import INDEX_BASENAME

    return any((folder / f"{INDEX_BASENAME}.{ext}").is_file() for ext in ("xlsx", "html"))


def index_files(report: AuditReport, lang: str) -> list[tuple[str, bytes]]:
    """The evidence index of ``report``: indeks-bukti.xlsx and indeks-bukti.html."""
    from auditor.report.evidence_index import INDEX_BASENAME, build_index
    from auditor.report.index_html import render_index_html
    from auditor.report.index_xlsx import render_xlsx

    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    index = build_index(report, lang)
    return [(f"{INDEX_BASENAME}.xlsx", _bytes(render_xlsx(index))),
            (f"{INDEX_BASENAME}.html", _bytes(render_index_html(index)))]


def write_index(report: AuditReport, out_dir: Path, lang: str) -> list[Path]:
    """Write out_dir/<YYYY>-<MM>/indeks-bukti.{xlsx,html}; returns the two paths. Later
    scans of that month write it again with their report (``write_reports``)."""
    folder = month_folder(out_dir, report.year, report.month)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for filename, data in index_files(report, lang):
        atomic_write(folder / filename, data)
        paths.append(folder / filename)
    return paths
