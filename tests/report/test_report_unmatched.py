"""Files no rule claimed are listed (capped, with the total) and guessed files say so."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from report_sample import HOSTILE_FILE, make_report

from auditor.audit.summary import summary_text
from auditor.report.load import load_report
from auditor.report.write import write_reports

WHY = ("tidak cocok dengan bukti fisik mana pun; pindahkan ke folder bukti fisiknya atau beri "
       "nama yang menyebut bukti fisiknya.")


def _report_with_strays(count: int):
    report = make_report()
    report.unmatched = [{"path": f"Lain-lain/berkas {n:03d}.pdf", "reason": WHY}
                        for n in range(count - 1)]
    report.unmatched.append({"path": f"Lain-lain/{HOSTILE_FILE}", "reason": WHY})
    gap = next(v for v in report.verdicts if v.is_gap and v.files)
    gap.files[0].matched_by = "guess"
    return report, gap.files[0].path


def test_the_html_lists_the_first_200_with_the_total(tmp_path: Path) -> None:
    report, guessed = _report_with_strays(250)
    folder = write_reports(report, tmp_path, "id")
    page = lxml.html.fromstring((folder / "gap-report.html").read_bytes())
    (section,) = page.xpath("//section[@id='unmatched']")
    assert section.xpath("h2")[0].text_content() == "Berkas yang tidak dikenali (250)"
    rows = section.xpath(".//tbody/tr")
    assert len(rows) == 200 and rows[0].xpath("td[2]")[0].text_content() == WHY
    assert "Ditampilkan 200 dari 250; daftar lengkap ada di gap-report.json." in \
        section.text_content()
    assert not page.xpath("//section[@id='unmatched']//img")  # names are text, never markup
    (item,) = page.xpath(f"//li[code[contains(., {guessed!r})]]")
    assert item.xpath("em[@class='guessed']")[0].text_content() == \
        "(ditebak dari nama folder dan berkas; periksa)"


def test_markdown_json_and_terminal_carry_the_list(tmp_path: Path) -> None:
    report, _ = _report_with_strays(12)
    folder = write_reports(report, tmp_path, "en")
    markdown = (folder / "gap-report.md").read_text(encoding="utf-8")
    assert "## Files not recognised (12)" in markdown
    assert "Lain-lain/&lt;img src=x onerror=alert(1)&gt;.pdf" in markdown
    again = load_report(folder / "gap-report.json")
    assert again.unmatched == report.unmatched
    text = summary_text(report, "id", files_seen=300, files_inspected=0, report_dir=folder)
    assert "Berkas yang tidak dikenali: 12" in text
    assert f"  Lain-lain/berkas 000.pdf: {WHY}" in text
    assert "… dan 2 lainnya; daftar lengkap di laporan." in text


def test_no_section_when_every_file_was_recognised(tmp_path: Path) -> None:
    folder = write_reports(make_report(), tmp_path, "id")
    page = lxml.html.fromstring((folder / "gap-report.html").read_bytes())
    assert page.xpath("//section[@id='unmatched']") == []
    assert "tidak dikenali" not in (folder / "gap-report.md").read_text(encoding="utf-8")
