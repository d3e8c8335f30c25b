"""`zi-auditor index`: the evidence index evaluators ask for beside the LKE."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import openpyxl
import pytest
from report_sample import HOSTILE_FILE, ROOT, make_report

from auditor.audit.model import AuditReport, FileEvidence
from auditor.cli import main
from auditor.config.model import OutputSettings
from auditor.report.write import write_reports

pytestmark = pytest.mark.slow  # headless Chromium
SHARE = "\\\\KPU-SRV\\ZI\\"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An office folder with config.yaml; reports of April and May 2022 already written."""
    monkeypatch.setenv("ZI_LANG", "id")
    (tmp_path / "config.yaml").write_text(
        f"evidence_root: {ROOT}\nreports_dir: laporan\nstate_dir: state\nyear: 2022\n",
        encoding="utf-8")
    may = make_report()
    may.verdicts[0].files.append(FileEvidence(
        path="=1+1 Rekap.xlsx", part="tabel", date="2022-01-31", date_source="period",
        signed=None))
    may.verdicts[0].files.append(FileEvidence(
        path="I Manajemen Perubahan/Notulen\x07rapat.pdf", part="risalah", date=None,
        date_source=None, signed=False))
    april = make_report(month=4)
    for report in (april, may):  # links.base: the evidence share as the readers' PCs see it
        report.output = OutputSettings(links_base=SHARE)
    write_reports(april, tmp_path / "laporan", "id")
    write_reports(may, tmp_path / "laporan", "id")
    return tmp_path


def _sheet_rows(path: Path) -> tuple[list[str], list[tuple]]:
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows())
    return [c.value for c in rows[0]], rows[1:]


def test_index_lists_every_rule_with_its_files_and_links(office: Path, capsys) -> None:
    assert main(["index", "--config", str(office / "config.yaml"), "--month", "5"]) == 0
    folder = office / "laporan" / "2022-05"
    assert "indeks-bukti.xlsx" in capsys.readouterr().out
    header, rows = _sheet_rows(folder / "indeks-bukti.xlsx")
    col = {name: i for i, name in enumerate(header)}
    assert header[:8] == ["Area", "Nama area", "Item", "Komponen", "Indikator", "ID",
                          "Bukti fisik", "Tim"]
    assert header[8:20] == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep",
                            "Okt", "Nov", "Des"]
    nominatif = [r for r in rows if r[col["ID"]].value == "III.1.1"]
    assert len(nominatif) == 4  # January to April each have their table; May is missing
    first = nominatif[0]
    assert first[col["Indikator"]].value.startswith("Kebutuhan pegawai disusun")
    assert first[col["Berkas"]].value.endswith("Nominatif 01-2022.xlsx")
    assert first[col["Berkas"]].hyperlink.target.startswith(  # Excel opens the share's path
        "\\\\KPU-SRV\\ZI\\III Penataan SDM\\1 Perencanaan\\")
    assert [first[col[m]].value for m in ("Apr", "Mei", "Jun")] == [
        "Lengkap", "Belum ada", "Belum jatuh tempo"]
    assert first[col["Mei"]].fill.fgColor.rgb.endswith("F8C7C7")
    empty = [r for r in rows if r[col["ID"]].value == "III.5.1"]
    assert empty[0][col["Folder"]].hyperlink.target.endswith("\\III.5.1 Rekap kehadiran")


def test_hostile_file_names_stay_text_in_the_workbook(office: Path) -> None:
    main(["index", "--config", str(office / "config.yaml")])  # latest report: May
    header, rows = _sheet_rows(office / "laporan" / "2022-05" / "indeks-bukti.xlsx")
    paths = {r[header.index("Berkas")].value: r[header.index("Berkas")] for r in rows}
    formula = paths["=1+1 Rekap.xlsx"]
    assert formula.data_type == "s"  # shown as a name, never calculated
    assert "I Manajemen Perubahan/Notulen\ufffdrapat.pdf" in paths
    assert any(p and p.endswith(HOSTILE_FILE) for p in paths)


def test_html_index_groups_by_area_item_and_indicator(office: Path) -> None:
    main(["index", "--config", str(office / "config.yaml"), "--month", "5"])
    html = (office / "laporan" / "2022-05" / "indeks-bukti.html").read_text("utf-8")
    dom = lxml.html.fromstring(html)
    assert [h.text_content() for h in dom.xpath("//h2")] == [
        "I. Manajemen Perubahan", "III. Penataan Sistem Manajemen SDM", "V. Penguatan Pengawasan"]
    assert "I.1 Tim Kerja" in [h.text_content() for h in dom.xpath("//h3")]
    indicators = [p.text_content() for p in dom.xpath("//p[@class='indicator']")]
    assert "Indikator: Telah dibangun lingkungan pengendalian" in indicators
    links = dom.xpath("//a/@href")
    assert all(link.startswith("file://KPU-SRV/ZI/") for link in links)
    assert "file://KPU-SRV/ZI/V%20Penguatan%20Pengawasan/1%20Gratifikasi/V.1.1%20Publikasi/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.pdf" in links
    assert not dom.xpath("//img | //script")
    assert HOSTILE_FILE in dom.text_content()


def test_without_a_report_it_says_to_scan_first(office: Path, capsys) -> None:
    code = main(["index", "--config", str(office / "config.yaml"), "--month", "7"])
    assert code == 2
    err = capsys.readouterr().err
    assert "Belum ada laporan untuk Juli 2022" in err
    assert "zi-auditor scan --month 7" in err
    assert not (office / "laporan" / "2022-07").exists()


def test_no_reports_folder_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("ZI_LANG", "id")
    (tmp_path / "config.yaml").write_text(f"evidence_root: {ROOT}\nreports_dir: laporan\n",
                                          encoding="utf-8")
    assert main(["index", "--config", str(tmp_path / "config.yaml")]) == 2
    assert "Jalankan dulu: zi-auditor scan" in capsys.readouterr().err


def test_index_from_a_report_file_in_english(office: Path, capsys) -> None:
    report = office / "laporan" / "2022-04" / "gap-report.json"
    out = office / "untuk-tpi"
    assert main(["--lang", "en", "index", "--report", str(report), "--out", str(out)]) == 0
    header, rows = _sheet_rows(out / "2022-04" / "indeks-bukti.xlsx")
    assert header[5:8] == ["ID", "Evidence", "Team"] and "May" in header
    html = (out / "2022-04" / "indeks-bukti.html").read_text("utf-8")
    assert '<html lang="en">' in html and "Zona Integritas Evidence Index" in html
    assert not (office / "laporan" / "2022-04" / "indeks-bukti.xlsx").exists()


def test_a_rule_without_files_is_still_listed(tmp_path: Path) -> None:
    from auditor.report.evidence_index import build_index

    report: AuditReport = make_report()
    index = build_index(report, "id")
    rules = {r.rule_id: r for a in index.areas for i in a.items for ind in i.indicators
             for r in ind.rules}
    assert len(rules) == 7
    assert rules["III.5.1"].files[0].months == ["April"]
    assert index.file_count == sum(len(r.files) for r in rules.values())


def test_html_index_in_a_real_browser_runs_no_script(office: Path, chromium) -> None:
    main(["index", "--config", str(office / "config.yaml"), "--month", "5"])
    page = office / "laporan" / "2022-05" / "indeks-bukti.html"
    dom = lxml.html.fromstring(chromium.dump_dom(page))
    assert dom.findtext(".//title") == "Indeks Bukti Fisik Zona Integritas — KPU Kabupaten Karanganyar — Mei 2022"
    assert not dom.xpath("//img | //script | //*[@onerror]")
    shown = " ".join(" ".join(dom.body.itertext()).split())
    assert HOSTILE_FILE in shown
    assert "Simpan berkas di folder: III Penataan SDM/5 Disiplin/III.5.1 Rekap kehadiran" in shown


def test_a_later_scan_of_the_month_keeps_its_index_true_to_the_new_report(office: Path) -> None:
    from auditor.report.load import load_report_set

    assert main(["index", "--config", str(office / "config.yaml"), "--month", "5"]) == 0
    folder = office / "laporan" / "2022-05"
    assert "Undangan rapat baru.pdf" not in (folder / "indeks-bukti.html").read_text("utf-8")
    may = make_report()  # the night's scan found one more file for May
    may.verdicts[0].files.append(FileEvidence(
        path="I Manajemen Perubahan/Undangan rapat baru.pdf", part="undangan",
        date="2022-05-20", date_source="text", signed=True))
    write_reports(may, office / "laporan", "id")
    assert "Undangan rapat baru.pdf" in (folder / "indeks-bukti.html").read_text("utf-8")
    _, rows = _sheet_rows(folder / "indeks-bukti.xlsx")
    assert any("Undangan rapat baru.pdf" in str(c.value) for r in rows for c in r)
    assert load_report_set(folder).month == 5  # the set itself is still whole
    # and running `index` again over that set is still fine
    assert main(["index", "--config", str(office / "config.yaml"), "--month", "5"]) == 0
    assert load_report_set(folder).month == 5


def test_index_waits_for_a_running_scan_instead_of_writing_beside_it(office: Path) -> None:
    import subprocess
    import sys
    import time

    from auditor.lock import audit_lock

    folder = office / "laporan" / "2022-05"
    with audit_lock(office / "state", purpose="scan"):
        proc = subprocess.Popen([sys.executable, "-m", "auditor", "index", "--config",
                                 str(office / "config.yaml"), "--month", "5"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert proc.poll() is None, proc.communicate()
        assert not (folder / "indeks-bukti.html").exists()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert (folder / "indeks-bukti.html").is_file() and "indeks-bukti" in out
