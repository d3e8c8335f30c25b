"""The words of `zi-auditor scan` on the console: month names, --lang after the command, and
the report section the summary points to under the name the report gives it."""

from __future__ import annotations

from audit_documents import Office, daftar_hadir, undangan

from auditor.cli import main
from auditor.i18n import t


def test_a_month_may_be_written_by_name_and_lang_may_follow_the_command(
        office: Office, capsys) -> None:
    undangan(office.meeting / "05 Mei" / "Undangan.docx", "9 Mei 2022")
    daftar_hadir(office.meeting / "05 Mei" / "DH_rakor.docx", "Jumat, 13 Mei 2022")
    code = main(["scan", "-c", str(office.config.path), "-m", "Mei", "-y", "2022", "--lang", "en"])
    assert code == 0
    out = capsys.readouterr().out
    assert "KPU Kabupaten Karanganyar: May 2022 (up to 31 May 2022)" in out
    assert "Tim Manajemen Perubahan: 0 of 2 complete" in out
    assert (office.config.reports_dir / "2022-05" / "gap-report.html").is_file()


def test_the_summary_names_the_unreadable_files_section_as_the_report_does(
        office: Office, capsys) -> None:
    (office.meeting / "05 Mei").mkdir()
    (office.meeting / "05 Mei" / "Undangan.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    assert main(["scan", "-c", str(office.config.path), "-m", "5", "-y", "2022"]) == 0
    out = capsys.readouterr().out
    section = t("report.heading.errors", "id")
    assert f"lihat bagian '{section}' di laporan" in out
    html = (office.config.reports_dir / "2022-05" / "gap-report.html").read_text(encoding="utf-8")
    assert section in html


def test_the_config_s_link_base_and_csv_separator_reach_the_written_reports(
        office: Office, capsys) -> None:
    with office.config.path.open("a", encoding="utf-8") as config:
        config.write("links: {base: 'smb://kpu-srv/zi/'}\ncsv: {delimiter: ';'}\n")
    undangan(office.meeting / "05 Mei" / "Undangan.docx", "9 Mei 2022")
    assert main(["scan", "-c", str(office.config.path), "-m", "5", "-y", "2022", "-q"]) == 0
    folder = office.config.reports_dir / "2022-05"
    html = (folder / "gap-report.html").read_text(encoding="utf-8")
    assert 'href="smb://kpu-srv/zi/I%20Manajemen' in html and "file://" not in html
    raw = (folder / "gap-report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfID;Area;Item;")  # Excel with Indonesian settings: columns
    assert not raw.startswith(b"\xef\xbb\xbfsep=")
    # `zi-auditor email` and `index` read the report back: the link base comes with it
    assert main(["index", "-c", str(office.config.path), "-m", "5"]) == 0
    index = (folder / "indeks-bukti.html").read_text(encoding="utf-8")
    assert 'href="smb://kpu-srv/zi/I%20Manajemen' in index
