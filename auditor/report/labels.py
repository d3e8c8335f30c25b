"""Words and symbols a reader sees: status names, month names, date sources, file lines."""

from __future__ import annotations

from auditor.audit.model import STATUSES, FileEvidence
from auditor.i18n import has, t

# Grid cell states beyond the verdict statuses.
UPCOMING = "upcoming"
NOT_DUE = "not_due"
CELL_STATES = (*STATUSES, UPCOMING, NOT_DUE)

# One symbol per state, so the grid reads in black and white and without colour vision.
SYMBOLS = {
    "ok": "\u2713",  # check mark
    "late": "\u25f7",  # clock-like circle
    "missing": "\u2717",  # ballot x
    "incomplete": "\u25d0",  # half circle
    "unsigned": "\u270e",  # pencil
    "undated": "?",
    "needs_review": "!",
    "accepted": "\u2611",  # ballot box with check: a person's word, not the tool's reading
    "not_applicable": "\u2013",  # en dash
    UPCOMING: "\u25cb",  # white circle
    NOT_DUE: "",
}

# One colour pair per state (background, text), hex without '#': the HTML report's CSS and
# the XLSX fills both take them from here, so a cell looks the same in every format.
STATUS_COLOURS = {
    "ok": ("c8e6c9", "1b5e20"),
    "late": ("fff3c4", "6d4c00"),
    "missing": ("f8c7c7", "8b0000"),
    "incomplete": ("ffd8b0", "7a3b00"),
    "unsigned": ("e3d0f2", "4a1a6b"),
    "undated": ("cfe3f5", "0d3c61"),
    "needs_review": ("f2e15c", "3d3500"),
    "accepted": ("b2dfdb", "004d40"),
    "not_applicable": ("e0e0e0", "424242"),
    UPCOMING: ("f2f2f2", "666666"),
    NOT_DUE: ("ffffff", "999999"),
}


def status_label(status: str, lang: str) -> str:
    key = f"report.status.{status}"
    return t(key, lang) if has(key) else status


def status_help(status: str, lang: str) -> str:
    key = f"report.status_help.{status}"
    return t(key, lang) if has(key) else ""


def month_name(month: int, lang: str) -> str:
    key = f"report.month.{month}"
    return t(key, lang) if has(key) else str(month)


def month_short(month: int, lang: str) -> str:
    key = f"report.month_short.{month}"
    return t(key, lang) if has(key) else str(month)


def date_source_label(source: str | None, lang: str) -> str:
    if not source:
        return t("report.unknown", lang)
    key = f"report.date_source.{source}"
    return t(key, lang) if has(key) else source


def signed_label(signed: bool | None, lang: str) -> str:
    word = {True: "yes", False: "no", None: "unknown"}[signed]
    return t(f"report.signed.{word}", lang)


def short_time(value: str | None) -> str:
    """'2022-05-13T10:22:05+07:00' -> '2022-05-13 10:22' (readers need no seconds)."""
    if not value:
        return ""
    text = value.replace("T", " ")
    return text[:16] if len(text) >= 16 and text[10] == " " else text


_ZONES = {"+07:00": "WIB", "+08:00": "WITA", "+09:00": "WIT"}


def display_time(value: str | None) -> str:
    """'2022-05-31T02:00:04+07:00' -> '2022-05-31 02:00 WIB' (Indonesian zone names)."""
    if not value:
        return ""
    shown = short_time(value)
    offset = value[-6:] if len(value) > 19 and value[-6] in "+-" and value[-3] == ":" else ""
    if value.endswith("Z"):
        offset = "UTC"
    return f"{shown} {_ZONES.get(offset, offset)}".strip()


def file_line(evidence: FileEvidence, lang: str) -> str:
    """'dated 2022-05-13 (from signature block), modified 2022-05-14 08:00' in ``lang``; a
    corrected file says so, with the tool's own reading beside it."""
    line = _read_line(evidence, lang)
    if not evidence.review:
        return line
    return f"{review_mark(evidence, lang)}; {line}"


def review_mark(evidence: FileEvidence, lang: str) -> str:
    """'dikoreksi oleh Siti, 20 Mei 2022: tanggal 13 Mei 2022 (alat membaca: …)'."""
    from auditor.review.apply import day_of, said_text
    from auditor.review.book import FileReview

    review = evidence.review or {}
    fix = FileReview(sha256="", by=str(review.get("by", "")), at=str(review.get("at", "")),
                     **{k: review.get(k) for k in ("date", "signed", "rule", "part", "month")})
    mark = t("review.marked", lang, by=fix.by, when=day_of(fix.at, lang),
             said=said_text(fix, lang))
    if review.get("why"):
        mark += f" ({review['why']})"
    read = evidence.read or {}
    was = []
    if "date" in review:
        was.append(str(read.get("date") or t("report.no_date", lang)))
    if "signed" in review:
        was.append(signed_label(read.get("signed"), lang))
    if was:
        mark += "; " + t("review.read_was", lang, read=", ".join(was))
    return mark


def _read_line(evidence: FileEvidence, lang: str) -> str:
    mtime = short_time(evidence.mtime) or t("report.unknown", lang)
    if not evidence.date:
        if evidence.file_date and evidence.file_date_source == "metadata":
            return t("report.file_line_hint", lang, file_date=evidence.file_date, mtime=mtime)
        return t("report.file_line_undated", lang, mtime=mtime)
    source = date_source_label(evidence.date_source, lang)
    if evidence.date_evidence:
        return t("report.file_line_read", lang, date=evidence.date, source=source,
                 evidence=evidence.date_evidence, mtime=mtime)
    return t("report.file_line", lang, date=evidence.date, source=source, mtime=mtime)
