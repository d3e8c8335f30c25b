"""publish: {dir} — each scan leaves the month's gap-report.json in the province's drop
folder as <office-slug>/<YYYY>-<MM>.json, replaced whole, never inside the evidence tree;
and the province's rollup reads it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from office_kit import build_office, fingerprint, sk_docx  # noqa: E402

SLUG = "kpu-kabupaten-karanganyar"


def test_a_scan_publishes_the_report_whole_and_rollup_reads_it(tmp_path: Path) -> None:
    office = build_office(tmp_path / "office", extra_config="publish: {dir: ../drop}\n")
    scanned = office.scan("--month", "5")
    assert scanned.returncode in (0, 1), scanned.stderr
    published = tmp_path / "drop" / SLUG / "2022-05.json"
    first = published.read_bytes()
    assert first == (office.reports / "2022-05" / "gap-report.json").read_bytes()
    assert [p.name for p in published.parent.iterdir()] == ["2022-05.json"]  # no temp left

    with published.open("rb") as reader:  # a province reading while the office scans again
        rule = next(r for r in office.rules.values() if 1 in r["months"] and "SK" in r["evidence"])
        sk_docx(office.folder(rule["id"]) / "SK Tim.docx", day="13 Januari 2022")
        again = office.scan("--month", "5")
        assert again.returncode in (0, 1), again.stderr
        assert reader.read() == first  # the old file, whole: the new one came by rename
    second = published.read_bytes()
    assert second != first
    assert second == (office.reports / "2022-05" / "gap-report.json").read_bytes()
    assert json.loads(second)["year"] == 2022

    rolled = office.zi("--lang", "en", "rollup", str(tmp_path / "drop"), "--out",
                       str(tmp_path / "province"))
    assert rolled.returncode == 0, rolled.stderr
    assert "Loaded 1 new reports, 0 unchanged, 0 skipped" in rolled.stdout
    page = (tmp_path / "province" / "rollup.html").read_text(encoding="utf-8")
    assert f'<tr data-office="{SLUG}">' in page


def test_a_drop_folder_inside_the_evidence_tree_is_refused(tmp_path: Path) -> None:
    office = build_office(tmp_path / "office", extra_config="publish: {dir: bukti/kiriman}\n")
    before = fingerprint(office.root)
    scanned = office.scan("--month", "5")
    assert scanned.returncode == 2
    assert "publish" in scanned.stderr and "bukti" in scanned.stderr
    assert fingerprint(office.root) == before
    assert not (office.root / "kiriman").exists()


def test_publish_refuses_the_evidence_tree_even_through_a_link(tmp_path: Path) -> None:
    from auditor.errors import UserError
    from auditor.rollup.publish import publish_report

    root = tmp_path / "bukti"
    root.mkdir()
    (tmp_path / "drop").symlink_to(root)
    report = tmp_path / "gap-report.json"
    report.write_text("{}", encoding="utf-8")
    before = fingerprint(root)
    try:
        publish_report(report, tmp_path / "drop", "KPU Kota Surakarta", 2022, 5, root)
    except UserError as exc:
        assert str(root) in exc.message
    else:
        raise AssertionError("published into the evidence tree")
    assert fingerprint(root) == before
