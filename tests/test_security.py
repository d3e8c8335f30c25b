"""Untrusted strings stay text: file and folder names run no script in the HTML report, the
evidence index or the HTML e-mail (checked in headless Chromium); rule patterns cannot reach
outside the evidence root; no shell ever sees a file name; the SMTP password appears in no
log, report, outbox file or console output."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from browser import Chromium
from browser import chromium as chromium  # the shared browser fixture
from office_kit import REPO, Office, build_office, mail_config, sk_docx, sk_pdf_bytes, write_bytes
from smtp_kit import PASSWORD, USER, MailServer
from smtp_kit import smtp_server as smtp_server  # the shared mail-server fixture

from auditor.i18n import t

pytestmark = pytest.mark.slow  # whole-tool runs: kills, full disks, other users

IMG_ALERT = "<img src=x onerror=alert(1)>.pdf"
IMG_TITLE = "<img src=x onerror=\"document.title='PWNED'\">.docx"
SVG_FOLDER = "<svg onload=\"document.title='PWNED'\">"
SHELL_NAMES = ("$(touch PWNED-1).pdf", "`touch PWNED-2`.docx", "x;touch PWNED-3;#.docx",
               "Surat $(touch PWNED-4) | touch PWNED-5.jpg")
# What an injected name would leave in the page (the report's own chart is an svg.spark).
INJECTED = ("//script | //img | //iframe | //object | //svg[not(@class='spark')]"
            " | //*[@*[starts-with(name(), 'on')]]")
def paper_jpg(path: Path) -> None:
    """A photographed letter (white page, black text): read with Tesseract OCR."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=30)
    for n, line in enumerate(["KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "SURAT EDARAN",
                              "Karanganyar, 10 Januari 2022", "KETUA,", "ttd.",
                              "TRIASTUTI SURYANDARI"]):
        draw.text((120, 160 + 60 * n), line, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    write_bytes(path, buf.getvalue())



@pytest.fixture
def office(tmp_path: Path, smtp_server: MailServer) -> Office:
    office = build_office(tmp_path, timeout=20, extra_config=mail_config(
        smtp_server.port, USER, timeout=3))
    office.env["ZI_SMTP_PASSWORD"] = PASSWORD
    write_bytes(office.folder("I.1.4") / IMG_ALERT, sk_pdf_bytes("13 April 2022", signed=False))
    sk_docx(office.folder("I.4.6") / IMG_TITLE, "14 April 2022", signed=False)
    (office.folder("V.1.2") / SVG_FOLDER).mkdir()
    sk_docx(office.folder("V.1.2") / SVG_FOLDER / "SK UPG.docx", "10 Januari 2022", signed=False)
    write_bytes(office.folder("V.2.1") / SHELL_NAMES[0], sk_pdf_bytes("10 Januari 2022"))
    sk_docx(office.folder("V.2.2") / SHELL_NAMES[1], "11 Januari 2022")
    sk_docx(office.folder("V.1.3") / SHELL_NAMES[2], "12 Januari 2022")
    paper_jpg(office.folder("III.2.1") / SHELL_NAMES[3])
    return office


def check_page(chromium: Chromium, page: Path, title: str) -> str:
    """The page as Chromium leaves it after running it: no element an attacker's name
    could have made, the title as written, and the visible text."""
    dom = lxml.html.fromstring(chromium.dump_dom(page))
    assert dom.findtext(".//title") == title
    assert not dom.xpath(INJECTED)
    return " ".join(" ".join(dom.body.itertext()).split())


def test_hostile_names_run_no_script_in_report_index_or_mail(office: Office, smtp_server: MailServer,
                                                            chromium: Chromium,
                                                            tmp_path: Path) -> None:
    run = office.scan("--month", "12", "--year", "2022", "--email", timeout=120)
    assert run.returncode == 0, run.stderr
    assert office.zi("index", "--config", str(office.config), "--month", "12").returncode == 0
    folder = office.reports / "2022-12"
    office_title = "Laporan Kekurangan Bukti Fisik Zona Integritas — KPU Kabupaten Karanganyar"
    shown = check_page(chromium, folder / "gap-report.html", f"{office_title} — Desember 2022")
    for name in (IMG_ALERT, IMG_TITLE, SVG_FOLDER):
        assert name in shown, name
    shown = check_page(chromium, folder / "indeks-bukti.html",
                       "Indeks Bukti Fisik Zona Integritas — KPU Kabupaten Karanganyar — "
                       "Desember 2022")
    assert IMG_ALERT in shown and IMG_TITLE in shown

    mails = {r: m.message for m in smtp_server.recorder.messages for r in m.rcpt_tos}
    assert set(mails) == {"mp@kpu.example", "pengawasan@kpu.example", "koordinator@kpu.example"}
    for address, message in mails.items():
        page = tmp_path / f"{address}.html"
        page.write_text(message.get_body(("html",)).get_content(), encoding="utf-8")
        dom = lxml.html.fromstring(chromium.dump_dom(page))
        assert not dom.xpath(INJECTED), address
        assert "PWNED" not in (dom.findtext(".//title") or "")
        text = " ".join(" ".join(dom.body.itertext()).split())
        if address == "mp@kpu.example":
            assert IMG_ALERT in text and IMG_TITLE in text
        if address == "pengawasan@kpu.example":
            assert SVG_FOLDER in text
    assert "<img" not in mails["mp@kpu.example"]["Subject"]

    # No shell ever saw a name: none of the commands hidden in them ran, anywhere; the
    # photographed letter went through Tesseract (a subprocess) under its hostile name.
    letter = office.zi("inspect", "--json", str(office.folder("III.2.1") / SHELL_NAMES[3]))
    assert t("inspect.note_ocr", pages=1) in letter.stdout, letter.stdout
    for place in (office.base, REPO, Path.cwd()):
        assert not list(place.rglob("PWNED-*")), place


# The one module that runs a program: the DOC reader runs Debian's antiword on one file, with
# list arguments, no shell and a time limit (pytesseract does the same for tesseract).
RUNS_A_PROGRAM = {"auditor/inspect/doc.py": "subprocess.run"}


def test_no_module_can_start_a_shell() -> None:
    """The code itself: no subprocess (but the DOC reader's antiword), os.system, os.popen,
    exec*/spawn* or shell=True."""
    banned_calls = re.compile(r"^(os\.(system|popen|exec\w*|spawn\w*|posix_spawn\w*)|pty\.\w+)$")
    for source in sorted((REPO / "auditor").rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        allowed = RUNS_A_PROGRAM.get(source.relative_to(REPO).as_posix())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not ({"pty"} if allowed else {"subprocess", "pty"}) & set(names), source
                assert not (allowed and isinstance(node, ast.ImportFrom)
                            and node.module == "subprocess"), source
            if allowed and isinstance(node, ast.Attribute) and ast.unparse(node.value) == "subprocess" \
                    and node.attr not in ("run", "DEVNULL", "TimeoutExpired"):
                raise AssertionError((source, node.lineno, node.attr))
            if allowed and isinstance(node, ast.Call) and ast.unparse(node.func) == allowed:
                assert isinstance(node.args[0], ast.List), (source, node.lineno)  # no string to a shell
                assert {k.arg for k in node.keywords} >= {"timeout"}, (source, node.lineno)
            if isinstance(node, ast.Call):
                assert not banned_calls.match(ast.unparse(node.func)), (source, node.lineno)
                for keyword in node.keywords:
                    assert not (keyword.arg == "shell" and ast.unparse(keyword.value) != "False"), \
                        (source, node.lineno)


@pytest.mark.parametrize(("pattern", "key"), [("../di-luar-bukti/**", "rules.pattern_parent"),
                                              ("bukti/../../di-luar-bukti/*", "rules.pattern_parent"),
                                              ("/etc/**", "rules.pattern_absolute"),
                                              ("~/**", "rules.pattern_absolute")])
def test_a_rule_pattern_cannot_reach_outside_the_root(tmp_path: Path, pattern: str,
                                                      key: str) -> None:
    office = build_office(tmp_path)
    sk_docx(office.outside / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    rules_file = office.base / "rules.yaml"
    data = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
    rule = next(r for r in data["rules"] if r["id"] == "I.1.4")
    rule["patterns"] = [pattern]
    rules_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    run = office.scan("--month", "12", "--year", "2022")
    assert run.returncode == 2
    assert "rules.yaml" in run.stderr and t(key, pattern=pattern) in run.stderr
    assert "Traceback" not in run.stderr
    assert not office.reports.exists()


def test_the_smtp_password_never_leaves_the_environment(office: Office, smtp_server: MailServer,
                                                       tmp_path: Path) -> None:
    outputs: list[str] = []

    def zi(*args: str) -> None:
        run = office.zi(*args, "--config", str(office.config), timeout=120)
        outputs.extend([run.stdout, run.stderr])

    zi("scan", "--month", "12", "--year", "2022", "--email")  # sent, with a login
    assert smtp_server.recorder.logins == [USER]
    zi("email", "--month", "12", "--year", "2022", "--dry-run")
    office.env["ZI_SMTP_PASSWORD"] = PASSWORD + "-salah"  # refused login: the error is logged
    zi("email", "--month", "12", "--year", "2022", "--resend")
    smtp_server.stop()  # server down: the mail waits in the outbox, the failure is logged
    office.env["ZI_SMTP_PASSWORD"] = PASSWORD
    zi("scan", "--month", "12", "--year", "2022", "--email")
    zi("config", "validate")
    assert any("outbox" in text for text in outputs)
    files = [p for p in office.base.rglob("*") if p.is_file() and not p.is_symlink()
             and p.stat().st_size < 64 * 1024 * 1024]
    assert any(p.suffix == ".eml" for p in files) and any(p.suffix == ".log" for p in files)
    for path in files:
        assert PASSWORD.encode() not in path.read_bytes(), path
    for text in outputs:
        assert PASSWORD not in text
