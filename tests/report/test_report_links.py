"""Links that open on the reader's PC: `links.base` maps the evidence root to the office's
share, and every format links through it; without it, paths are plain text, never a
file:///srv/... link that opens nowhere but on the server."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from report_sample import make_report

from auditor.config.model import OutputSettings
from auditor.deliver.body import Body
from auditor.report.write import write_index, write_reports

SHARE = "\\\\KPU-SRV\\ZI\\"
FOLDER = "III Penataan SDM/5 Disiplin/III.5.1 Rekap kehadiran"


def _written(tmp_path: Path, base: str | None) -> Path:
    report = make_report()
    report.output = OutputSettings(links_base=base)
    folder = write_reports(report, tmp_path, "id")
    write_index(report, tmp_path, "id")
    return folder


def _body(base: str | None) -> Body:
    report = make_report()
    return Body(lang="id", greeting="Yth. Ketua Tim", gaps=[v for v in report.verdicts
                                                            if v.is_gap], links_base=base)


def test_a_windows_share_opens_from_every_format(tmp_path: Path) -> None:
    folder = _written(tmp_path, SHARE)
    url = "file://KPU-SRV/ZI/III%20Penataan%20SDM/5%20Disiplin/III.5.1%20Rekap%20kehadiran"
    html = lxml.html.fromstring((folder / "gap-report.html").read_text("utf-8"))
    assert url in html.xpath("//a/@href")
    assert url in (folder / "gap-report.md").read_text("utf-8")
    rows = list(csv.reader(io.StringIO((folder / "gap-report.csv").read_bytes()
                                       .decode("utf-8-sig"))))
    assert rows[0][-1] == "Buka folder"
    assert "\\\\KPU-SRV\\ZI\\III Penataan SDM\\5 Disiplin\\III.5.1 Rekap kehadiran" in [
        r[-1] for r in rows[1:]]
    unc = "\\\\KPU-SRV\\ZI\\III Penataan SDM\\5 Disiplin\\III.5.1 Rekap kehadiran"
    for name in ("gap-report.xlsx", "indeks-bukti.xlsx"):  # Excel opens the UNC path itself
        sheet = openpyxl.load_workbook(folder / name).worksheets[0]
        targets = {c.hyperlink.target.removeprefix("file:///").replace("%20", " ")
                   for row in sheet.iter_rows() for c in row if c.hyperlink}
        assert unc in targets, name
    index = lxml.html.fromstring((folder / "indeks-bukti.html").read_text("utf-8"))
    assert url in index.xpath("//a/@href")
    mail = _body(SHARE)
    assert f'<a href="{url}">{FOLDER}</a>' in mail.html()
    assert f"Folder: {FOLDER} (\\\\KPU-SRV\\ZI\\III Penataan SDM\\5 Disiplin\\III.5.1 Rekap kehadiran)" in mail.text()


@pytest.mark.parametrize(("base", "expected"), [
    ("smb://kpu-srv/zi/", "smb://kpu-srv/zi/III%20Penataan%20SDM/5%20Disiplin/III.5.1%20Rekap%20kehadiran"),
    ("https://berkas.kpu-karanganyar.go.id/zi", "https://berkas.kpu-karanganyar.go.id/zi/III%20Penataan%20SDM/5%20Disiplin/III.5.1%20Rekap%20kehadiran"),
    ("https://drive.google.com/drive/folders/1AbC", "https://drive.google.com/drive/search?q=%22III.5.1%20Rekap%20kehadiran%22"),
])
def test_smb_web_and_drive_bases(tmp_path: Path, base: str, expected: str) -> None:
    folder = _written(tmp_path, base)
    html = lxml.html.fromstring((folder / "gap-report.html").read_text("utf-8"))
    assert expected in html.xpath("//a/@href")
    assert f'href="{expected}"' in _body(base).html()


def test_without_a_base_paths_are_plain_text_and_no_format_links_to_the_server(
        tmp_path: Path) -> None:
    folder = _written(tmp_path, None)
    for name in ("gap-report.html", "gap-report.md", "gap-report.csv", "indeks-bukti.html"):
        text = (folder / name).read_bytes().decode("utf-8-sig")
        assert "file://" not in text, name
        assert FOLDER in text, name
    for name in ("gap-report.xlsx", "indeks-bukti.xlsx"):
        book = openpyxl.load_workbook(folder / name)
        assert not [c for s in book.worksheets for row in s.iter_rows() for c in row
                    if c.hyperlink], name
    mail = _body(None)
    assert "<a " not in mail.html() and f"Folder: {FOLDER}\n" in mail.text()
