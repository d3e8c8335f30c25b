"""The committed sample_evidence/ tree gets exactly the statuses the demo report shows."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from auditor.config import load_config
from auditor.pipeline import ScanOptions, run_scan

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_evidence"

# Every (rule, month) due up to June 2022 that is not "missing".
EXPECTED = {
    ("I.1.1", 5): "ok", ("I.1.2", 5): "unsigned", ("I.1.3", 5): "incomplete",
    ("I.1.4", 4): "ok", ("I.2.1", 5): "late", ("I.2.3", 6): "needs_review",
    ("I.2.5", 5): "ok", ("I.2.6", 5): "ok", ("I.3.1", 5): "ok",
    ("I.3.2", 5): "needs_review", ("I.3.4", 5): "needs_review",
    ("I.4.1", 4): "ok", ("I.4.1", 5): "ok", ("I.4.1", 6): "undated",
    ("II.3.3", 1): "late", ("II.3.4", 1): "ok",
    ("III.6.1", 1): "ok", ("III.6.1", 2): "ok", ("III.6.1", 3): "ok", ("III.6.1", 4): "ok",
    ("III.6.1", 5): "ok", ("V.1.2", 1): "unsigned", ("V.5.1", 5): "undated",
}


@pytest.fixture(scope="module")
def june(tmp_path_factory):
    work = tmp_path_factory.mktemp("sample")
    (work / "config.yaml").write_text(
        f"evidence_root: {SAMPLE}\nrules: [{REPO / 'rules' / 'kpu-karanganyar-2022.yaml'}]\n"
        "year: 2022\nreports_dir: reports\nstate_dir: state\n", encoding="utf-8")
    return run_scan(load_config(work / "config.yaml"), ScanOptions(month=6, year=2022))


def test_every_rule_and_month_gets_its_status(june) -> None:
    got = {(v.rule_id, v.month): v.status for v in june.report.verdicts}
    assert len(got) == 112  # every due (rule, month) of January..June
    assert {k: s for k, s in got.items() if s != "missing"} == EXPECTED


def test_the_demo_shows_every_status_and_its_reasons(june) -> None:
    assert {v.status for v in june.report.verdicts} == {
        "ok", "late", "missing", "incomplete", "unsigned", "undated", "needs_review"}
    by_key = {(v.rule_id, v.month): v for v in june.report.verdicts}
    assert any("sama dengan foto" in p for p in by_key[("I.2.3", 6)].problems)
    assert any("belum ditandatangani" in p for p in by_key[("V.1.2", 1)].problems)
    assert {e["path"].rsplit("/", 1)[1] for e in june.report.errors} == {
        "Risalah Evaluasi ZI Mei.pdf", "LKE ZI 2022 (upload gagal).pdf"}
    assert june.files_seen == 38  # Thumbs.db, ~$ lock and .DS_Store are not counted


def test_a_photo_shows_its_own_date_beside_the_upload_time(june) -> None:
    (v,) = [v for v in june.report.verdicts if (v.rule_id, v.month) == ("I.1.1", 5)]
    photo = next(f for f in v.files if f.part == "dokumentasi")
    assert (photo.date, photo.date_source) == ("2022-05-13", "exif")
    # beside it, the file's own modification time (git sets it to the checkout time)
    stamp = (SAMPLE / photo.path).stat().st_mtime
    wib = datetime.fromtimestamp(stamp, ZoneInfo("Asia/Jakarta")).isoformat(timespec="seconds")
    assert photo.mtime == wib
    assert not photo.mtime.startswith(photo.date)


def test_the_tree_is_small_and_regenerates_the_same_files(tmp_path: Path) -> None:
    files = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*") if p.is_file())
    assert sum((SAMPLE / p).stat().st_size for p in files) < 3 * 1024 * 1024
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample_evidence.py"),
                    "--out", str(tmp_path / "again")], check=True)
    again = sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*")
                   if p.is_file())
    assert again == files
