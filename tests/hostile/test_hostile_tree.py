"""A drive full of bad files: the audit still finishes, names each one with a plain reason,
and never calls a month "lengkap" on the strength of a file it could not read."""

from __future__ import annotations

import csv
import io
import json
import os

import lxml.html
import pytest
from hostile_kit import CASES, LONG_NAME, Case, relpath
from office_kit import REPORT_FILES
from openpyxl import load_workbook

from auditor.i18n import t

pytestmark = pytest.mark.slow  # whole-tool runs on hostile trees

WALK_CASES = ("symlink_loop", "symlink_outside")  # never opened: the walk reports them


def plain(message: str) -> bool:
    """A sentence a clerk can read: no traceback, no Python exception names."""
    return bool(message) and not any(w in message for w in (
        "Traceback", "Error:", "Exception", "errno", "\n"))


def verdicts_naming(report: dict, relpath: str) -> list[dict]:
    return [v for v in report["verdicts"]
            if any(f["path"] == relpath for f in v["files"])
            or any(relpath in p for p in v["problems"])]


def test_the_scan_finishes_and_writes_every_report(hostile) -> None:
    assert hostile.run.returncode == 0
    assert hostile.run.stderr == ""
    folder = hostile.office.reports / "2022-12"
    for name in REPORT_FILES:
        assert (folder / name).stat().st_size > 0, name
    assert hostile.report["month"] == 12 and hostile.report["summary"]["due"] > 0


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_file_is_named_with_a_plain_reason(hostile, case: Case) -> None:
    path = relpath(hostile.office, case)
    errors = {e["path"]: e["error"] for e in hostile.report["errors"]}
    if case.error is None:  # a readable document with a hostile name: judged like any other
        assert path not in errors
    else:
        assert plain(errors[path]), errors[path]
        assert errors[path].startswith(t(case.error).split("{")[0]), errors[path]
    [verdict] = verdicts_naming(hostile.report, path)
    assert verdict["rule_id"] == case.rule
    assert verdict["status"] == case.status
    assert any(path in p for p in verdict["problems"]), verdict["problems"]


def test_no_month_is_complete_on_hostile_files(hostile) -> None:
    """Nothing in this tree is good evidence: not one month may be "lengkap"."""
    assert hostile.report["summary"]["ok"] == 0
    assert {v["status"] for v in hostile.report["verdicts"]}.isdisjoint({"ok", "late"})


def test_an_empty_file_does_not_pass_on_the_date_in_its_name(hostile) -> None:
    case = hostile.office.cases["empty_doc"]
    [verdict] = verdicts_naming(hostile.report, relpath(hostile.office, case))
    assert verdict["status"] == "needs_review" and verdict["files"][0]["date"] is None


def test_a_link_loop_inside_the_tree_is_walked_once(hostile) -> None:
    paths = [f["path"] for v in hostile.report["verdicts"] for f in v["files"]]
    assert not [p for p in paths if "/semua/" in p]
    assert len(paths) == len(set(paths))


def test_a_link_out_of_the_root_is_never_read(hostile) -> None:
    """The signed SK the link points at, outside the evidence root, credits nothing."""
    case = hostile.office.cases["symlink_outside"]
    verdicts = [v for v in hostile.report["verdicts"] if v["rule_id"] == case.rule]
    assert verdicts and all(not v["files"] and v["status"] != "ok" for v in verdicts)
    folder = hostile.office.rules[case.rule]["folder"]
    errors = {e["path"]: e["error"] for e in hostile.report["errors"]}
    assert errors[f"{folder}/arsip lama"] == t("scan.link_outside")


def test_a_name_with_bytes_that_are_not_utf8_is_shown_escaped(hostile) -> None:
    case = hostile.office.cases["name_bad_utf8"]
    assert relpath(hostile.office, case).endswith("SK Penempatan CPNS \\xff\\xfe\\xc3(.docx")
    raw = (hostile.office.reports / "2022-12" / "gap-report.json").read_bytes()
    raw.decode("utf-8")  # strict: the report is valid UTF-8


def _html_text(page) -> str:
    dom = lxml.html.fromstring(page.read_bytes())
    assert not dom.xpath("//script | //*[@onerror] | //img")
    return " ".join(" ".join(dom.body.itertext()).split())


def test_every_format_names_the_hostile_files(hostile) -> None:
    folder = hostile.office.reports / "2022-12"
    html = _html_text(folder / "gap-report.html")
    markdown = (folder / "gap-report.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((folder / "gap-report.csv").read_text("utf-8-sig"))))
    cells = "\n".join(v for row in rows for v in row.values() if v)
    sheet = load_workbook(folder / "gap-report.xlsx").active
    xlsx_cells = "\n".join(str(v) for row in sheet.values for v in row if v is not None)
    for case in CASES:
        name = os.path.basename(relpath(hostile.office, case))
        assert " ".join(name.split()) in html, case.name
        assert name in cells, case.name
        assert name in xlsx_cells, case.name
    assert "&lt;script&gt;" in markdown and "<script>" not in markdown
    assert LONG_NAME in markdown
    assert "SK Tim Kerja ZI Tahun 2022.docx" in markdown  # the newline cannot break a row
    assert "<script>document.title='PWNED'<script> SK Role Model.docx" in cells


def test_fail_on_gaps_exits_1_and_a_warm_rescan_agrees(hostile) -> None:
    run = hostile.office.scan("--month", "12", "--year", "2022", "--fail-on-gaps", timeout=60)
    assert run.returncode == 1, run.stderr
    again = hostile.office.report()
    assert again["verdicts"] == hostile.report["verdicts"]
    assert again["errors"] == hostile.report["errors"]


def test_the_default_limits_protect_too(hostile) -> None:
    """`inspect` with its default limits (20 s, 50 MB) on every hostile file: one JSON line
    each, an error for every bad one, exit 0."""
    office = hostile.office
    paths = [os.fsencode(office.folder(c.rule)) + b"/" + os.fsencode(c.filename)
             for c in CASES if c.name not in WALK_CASES]
    run = office.zi("inspect", "--json", *[os.fsdecode(p) for p in paths], timeout=120)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == len(paths)
    for case, facts in zip([c for c in CASES if c.name not in WALK_CASES], lines, strict=True):
        if case.error:
            assert plain(facts["error"] or ""), (case.name, facts)
        else:
            assert facts["error"] is None, (case.name, facts)
            assert facts["signed"] is (False if case.status == "unsigned" else None)
