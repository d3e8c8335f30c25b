"""gap-report.html, as a reader sees it in a real browser (headless Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from PIL import Image
from pypdf import PdfReader
from report_sample import HOSTILE_FILE, HOSTILE_SCRIPT, make_report

from auditor.report.write import write_reports

pytestmark = pytest.mark.slow  # headless Chromium

HOSTILE_TITLE_IMG = "<img src=x onerror=\"document.title='PWNED'\">.pdf"
HOSTILE_OFFICE = "KPU Kabupaten Karanganyar </title><script>document.title='PWNED'</script>"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, chromium) -> dict[str, object]:
    """The May report in Indonesian and English, rendered once by Chromium."""
    out = tmp_path_factory.mktemp("reports")
    report = make_report()
    report.office = HOSTILE_OFFICE
    unsigned = next(v for v in report.verdicts if v.status == "unsigned")
    unsigned.files[0].path = f"III Penataan SDM/{HOSTILE_TITLE_IMG}"
    page = write_reports(report, out / "id", "id") / "gap-report.html"
    page_en = write_reports(make_report(), out / "en", "en") / "gap-report.html"
    return {
        "page": page,
        "dom": lxml.html.fromstring(chromium.dump_dom(page)),
        "dom_en": lxml.html.fromstring(chromium.dump_dom(page_en)),
        "png": chromium.screenshot(page, out / "report.png"),
        "pdf": chromium.print_pdf(page, out / "report.pdf"),
    }


def _text(element) -> str:
    """The words a reader sees, one space between pieces of text."""
    return " ".join(" ".join(element.itertext()).split())


def test_hostile_names_show_as_text_and_no_script_runs(rendered) -> None:
    dom = rendered["dom"]
    title = dom.findtext(".//title")
    assert "PWNED" not in title.split("—")[0]
    assert title == ("Laporan Kekurangan Bukti Fisik Zona Integritas — "
                     f"{HOSTILE_OFFICE} — Mei 2022")
    assert dom.xpath("//img") == [] and dom.xpath("//script") == []
    assert dom.xpath("//*[@onerror]") == []
    body = _text(dom.body)
    for hostile in (HOSTILE_FILE, HOSTILE_SCRIPT, HOSTILE_TITLE_IMG):
        assert hostile in body


def test_a_reader_sees_the_headline_per_team(rendered) -> None:
    dom = rendered["dom"]
    headline = _text(dom.xpath("//p[@class='headline']")[0])
    assert headline == "8 dari 14 item yang jatuh tempo sudah lengkap 6 masih kurang"
    teams = {_text(r.xpath("./th")[0]): [_text(c) for c in r.xpath("./td")][:3]
             for r in dom.xpath("//tr[@class='team-row']")}
    assert teams == {"Tim Manajemen Perubahan": ["4", "3", "1"],
                     "Tim Penataan Sistem Manajemen SDM": ["7", "4", "3"],
                     "Tim Pengawasan": ["3", "1", "2"]}


def test_the_grid_shows_each_month_with_colour_and_words(rendered) -> None:
    dom = rendered["dom"]
    header = [_text(th) for th in dom.xpath("//table[@class='grid']/thead//th")]
    assert header[:2] == ["ID", "Bukti fisik"]
    assert header[2:] == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
                          "Nov", "Des"]
    row = dom.xpath("//tr[@class='rule-row'][td[@class='id']='III.1.1']")[0]
    cells = row.xpath("./td[contains(@class,'cell')]")
    assert [c.get("title") for c in cells[:6]] == ["Lengkap"] * 4 + ["Belum ada", "Belum jatuh tempo"]
    assert "s-missing" in cells[4].get("class") and "✗" in _text(cells[4])
    row = dom.xpath("//tr[@class='rule-row'][td[@class='id']='I.3.1']")[0]
    states = [c.get("class").split()[1] for c in row.xpath("./td[contains(@class,'cell')]")]
    assert states == ["s-not_due", "s-not_due", "s-late", "s-not_due", "s-not_due", "s-upcoming",
                      "s-not_due", "s-not_due", "s-upcoming", "s-not_due", "s-not_due", "s-upcoming"]
    areas = [_text(th) for th in dom.xpath("//tr[@class='area-row']/th")]
    assert areas[0] == "I. Manajemen Perubahan — Tim Manajemen Perubahan"
    legend = _text(dom.xpath("//div[@class='legend']")[0])
    for word in ("Lengkap", "Terlambat", "Belum ada", "Belum lengkap", "Belum ditandatangani",
                 "Tanpa tanggal", "Perlu diperiksa", "Belum jatuh tempo"):
        assert word in legend


def test_each_team_gets_its_todo_with_folder_and_found_files(rendered) -> None:
    dom = rendered["dom"]
    team = dom.xpath("//section[@class='team'][h3='Tim Manajemen Perubahan']")[0]
    gap = _text(team.xpath(".//li[@class='gap']")[0])
    assert "Belum lengkap I.1.2 Undangan, Daftar hadir dan Dokumentasi Rapat Pembentukan Tim — Mei" in gap
    assert "Daftar hadir belum ada." in gap
    assert "Simpan berkas di folder: I Manajemen Perubahan/1 Tim Kerja/I.1.2 Rapat Pembentukan Tim" in gap
    assert ("Undangan Rapat Evaluasi Tim.pdf [undangan] — tanggal 2022-05-09 (dari blok tanda "
            "tangan), diubah 2022-05-20 08:15; bertanda tangan") in gap
    # without links.base no server-side file:// link that opens nowhere: the path as text
    assert not team.xpath(".//li[@class='gap']//a")
    upcoming = _text(team.xpath(".//ul[@class='upcoming']")[0])
    assert "I.3.1 Laporan Monev Pembangunan ZI per triwulan — Juni" in upcoming


def test_errors_and_progress_are_shown(rendered) -> None:
    dom = rendered["dom"]
    errors = _text(dom.xpath("//section[@id='errors']")[0])
    assert "Notulen Penilaian Risiko.pdf berkas terkunci dengan kata sandi" in errors
    history = dom.xpath("//section[@id='history']//tbody/tr")
    assert [_text(r) for r in history][-1] == "2022-05-31 02:00 Mei 14 8 6 163 57%"
    assert len(dom.xpath("//section[@id='history']//svg/rect")) == 3


def test_the_page_is_self_contained(rendered) -> None:
    source = rendered["page"].read_text("utf-8")
    dom = lxml.html.fromstring(source)
    assert "default-src 'none'" in dom.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    for attr in ("src", "href", "srcset", "action", "data", "poster"):
        for value in dom.xpath(f"//@{attr}"):
            assert value.startswith(("file:", "#")), f"{attr}={value} would leave the page"
    assert not dom.xpath("//link | //script | //iframe | //object | //embed | //img")
    assert not re.search(r"url\(|@import|https?://", "".join(dom.xpath("//style/text()")))


def test_the_screenshot_shows_status_colours(rendered) -> None:
    image = Image.open(rendered["png"]).convert("RGB")
    assert image.size == (1280, 2400)
    colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 20)}
    for wanted in ((0xC8, 0xE6, 0xC9), (0xF8, 0xC7, 0xC7), (0xFF, 0xD8, 0xB0), (0xE3, 0xD0, 0xF2)):
        assert wanted in colours, f"status colour {wanted} not painted"


def test_it_prints_on_a4(rendered) -> None:
    pdf = PdfReader(rendered["pdf"])
    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx([595.3, 841.9], abs=2)
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "8 dari 14 item yang jatuh tempo sudah lengkap" in text
    assert "Belum ditandatangani" in text


def test_english_report(rendered) -> None:
    dom = rendered["dom_en"]
    assert dom.get("lang") == "en"
    headings = [_text(h) for h in dom.xpath("//h2")]
    assert headings == ["Summary", "Evidence by month", "What to do, by team",
                        "Files that could not be read", "Progress over past runs"]
    assert _text(dom.xpath("//p[@class='headline']")[0]) == "8 of 14 due items complete 6 still open"
    assert "May" in [_text(th) for th in dom.xpath("//table[@class='grid']/thead//th")]


def test_indonesian_is_the_default_language(rendered) -> None:
    assert rendered["dom"].get("lang") == "id"


def test_a_report_without_rules_still_renders(tmp_path: Path) -> None:
    report = make_report()
    report.rules = []
    html = (write_reports(report, tmp_path, "id") / "gap-report.html").read_text("utf-8")
    dom = lxml.html.fromstring(html)
    ids = [_text(td) for td in dom.xpath("//tr[@class='rule-row']/td[@class='id']")]
    assert ids == ["I.1.1", "I.1.2", "I.3.1", "III.1.1", "III.5.1", "V.1.1", "V.2.1"]
