"""gap-report.md: the same story in plain Markdown, with untrusted text made inert."""

from __future__ import annotations

from pathlib import Path

from report_sample import make_report

from auditor.audit.model import FileEvidence, Verdict
from auditor.report.markdown import md
from auditor.report.write import write_reports


def test_headline_team_todo_and_verdict_table(report, tmp_path: Path) -> None:
    text = (write_reports(report, tmp_path, "id") / "gap-report.md").read_text("utf-8")
    assert "**8 dari 14 item yang jatuh tempo sudah lengkap** · 6 masih kurang" in text
    assert "### Tim Pengawasan" in text
    assert "**3 dari 4 item yang jatuh tempo sudah lengkap** · 1 masih kurang" in text
    assert "Simpan berkas di folder: III Penataan SDM/5 Disiplin/III.5.1 Rekap kehadiran" in text
    assert "## Semua hasil pemeriksaan" in text
    assert "## Perkembangan dari pemeriksaan sebelumnya" in text
    assert "| 2022-05-31 02:00 | Mei | 14 | 8 | 6 | 163 | 57% |" in text
    assert "berkas terkunci dengan kata sandi" in text


def test_untrusted_text_is_escaped(report, tmp_path: Path) -> None:
    text = (write_reports(report, tmp_path, "id") / "gap-report.md").read_text("utf-8")
    assert "<img" not in text and "<script" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in text
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in text


def test_pipes_and_backticks_in_file_names_do_not_break_the_table(tmp_path: Path) -> None:
    report = make_report()
    report.verdicts.append(Verdict(
        rule_id="V.2.1", month=5, team="Tim Pengawasan", status="undated",
        files=[FileEvidence(path="V/SPIP | `rm -rf` | notulen.pdf", part=None, date=None,
                            date_source=None, signed=None)],
        problems=["Tanggal tidak terbaca | lihat `berkas`."], folder="V/SPIP",
        evidence="Notulen", area="V", item=2))
    text = (write_reports(report, tmp_path, "id") / "gap-report.md").read_text("utf-8")
    row = next(line for line in text.splitlines() if "rm -rf" in line and line.startswith("|"))
    assert row.count("|") - row.count("\\|") == 8  # 7 columns, none added by the file name
    assert "V/SPIP \\| \\`rm -rf\\` \\| notulen.pdf" in row


def test_md_escape_keeps_text_on_one_line() -> None:
    assert md("a\nb|c") == "a b\\|c"
    assert md("[klik](http://x)") == "\\[klik\\](http://x)"


def test_english_markdown(report, tmp_path: Path) -> None:
    text = (write_reports(report, tmp_path, "en") / "gap-report.md").read_text("utf-8")
    assert "# Zona Integritas Evidence Gap Report" in text
    assert "**8 of 14 due items complete** · 6 still open" in text
    assert "## What to do, by team" in text
