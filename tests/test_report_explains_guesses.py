"""A file whose place the tool guessed, or could not find, carries in the report the story
`zi-auditor explain` tells (issue #16 point 4): the Tim lead sees why without a terminal."""

from __future__ import annotations

from pathlib import Path

from office_kit import build_office, sk_docx


def test_guessed_and_unplaced_files_tell_their_story_in_the_report(tmp_path: Path) -> None:
    office = build_office(tmp_path / "kantor", workers=1)
    own = office.root / "AREA I MANAJEMEN PERUBAHAN" / "1. TIM KERJA" / "SK Tim Kerja ZI"
    own.mkdir(parents=True)
    sk_docx(own / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    (office.root / "Lain-lain").mkdir()
    sk_docx(office.root / "Lain-lain" / "dokumen 17.docx", "2 Mei 2022")
    run = office.scan("--month", "5", "--year", "2022")
    assert run.returncode == 0, run.stderr
    report = office.report("2022-05")
    guessed = [f for v in report["verdicts"] for f in v["files"] if f.get("matched_by") == "guess"]
    assert guessed and all(f["explain"] and f["path"] in f["explain"] for f in guessed)
    unplaced = [u for u in report["unmatched"] if u["path"] == "Lain-lain/dokumen 17.docx"]
    assert unplaced and "Lain-lain/dokumen 17.docx" in unplaced[0]["explain"]
    html = (office.reports / "2022-05" / "gap-report.html").read_text(encoding="utf-8")
    assert '<details class="why">' in html and "Lain-lain/dokumen 17.docx" in html
