"""A Tim lead reads the mail on a phone: at 400 px the HTML part shows every gap whole —
what to do ("Keterangan") included — without sideways scrolling, and the plain-text part
carries the same instructions."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from html import escape
from pathlib import Path

from browser import Chromium
from deliver_kit import sample_report

from auditor.audit.model import FileEvidence
from auditor.deliver.send import deliver_month
from auditor.report.write import write_reports

LONG_FILE = ("V Penguatan Pengawasan/1 Pengendalian Gratifikasi/V.1.1 Publikasi/"
             "Screenshot_Instagram_KPU_Karanganyar_Sosialisasi_Pengendalian_Gratifikasi_Mei_2022.png")

PHONE_WIDTH = 400
# The mail in a 400 px frame (a phone's screen; the frame's width is what its media queries
# see, whatever the headless window's smallest size), measured from the page around it.
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="phone" style="width:%dpx;height:4000px;border:0" srcdoc="%s"></iframe>
<script>
const frame = document.getElementById('phone');
frame.addEventListener('load', () => {
  const doc = frame.contentDocument, win = frame.contentWindow;
  const w = doc.documentElement.clientWidth;
  const cut = [...doc.querySelectorAll('td, th, p, h3, a')].filter(e => {
    const r = e.getBoundingClientRect();
    return win.getComputedStyle(e).display !== 'none' && r.width > 0
      && (r.right > w + 1 || r.left < -1);
  }).map(e => e.textContent.slice(0, 50));
  const labels = [...doc.querySelectorAll('td[data-label]')].map(
    td => win.getComputedStyle(td, '::before').content);
  document.body.setAttribute('data-result', JSON.stringify({
    width: w, scroll: doc.documentElement.scrollWidth, cut: cut, labels: labels}));
});
</script></body></html>"""


def _team_mail(make_config) -> tuple[str, str]:
    config = make_config(port=2525)  # a dry run: written to the outbox, nothing sent
    report = sample_report()
    for verdict in report.verdicts:
        if verdict.team == "Tim Pengawasan" and verdict.is_gap:
            verdict.files.append(FileEvidence(path=LONG_FILE, part="screenshot", date=None,
                                              date_source=None, signed=None))
    write_reports(report, config.reports_dir, "id")
    result = deliver_month(config, 2022, 5, dry_run=True)
    [eml] = [p for p in result.written if "pengawasan" in Path(p).name.lower()] or [
        p for p in result.written if "Pengawasan" in Path(p).read_text("utf-8", "replace")
        and "coordinator" not in Path(p).name]
    message = message_from_bytes(Path(eml).read_bytes(), policy=policy.default)
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    return html, text


def test_the_team_mail_fits_a_400_px_phone(make_config, chromium: Chromium,
                                           tmp_path: Path) -> None:
    html, _ = _team_mail(make_config)
    page = tmp_path / "mail.html"
    page.write_text(FRAME % (PHONE_WIDTH, escape(html, quote=True)), encoding="utf-8")
    dom = chromium.run(page, "--window-size=800,900", "--dump-dom").stdout
    result = json.loads(dom.split('data-result="', 1)[1].split('"', 1)[0]
                        .replace("&quot;", '"').replace("&amp;", "&"))
    assert result["width"] <= PHONE_WIDTH
    assert result["scroll"] <= result["width"], "the mail scrolls sideways on a phone"
    assert result["cut"] == [], f"cut off at the right edge: {result['cut']}"
    # each cell is a labelled line: the lead sees "Keterangan:" before what to do
    assert any("Keterangan" in label for label in result["labels"])


def test_the_plain_text_part_says_what_to_do_as_the_html_does(make_config) -> None:
    html, text = _team_mail(make_config)
    for needed in ("SK belum ditandatangani.", "Folder:", LONG_FILE, "V.2.1"):
        assert needed in text and needed in html
