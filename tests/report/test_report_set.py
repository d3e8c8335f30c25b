"""A month's five report files are one set: a run killed while writing them leaves the old set
or the new one, never JSON of one run beside HTML of another, and a set that is not whole is
never mailed."""

from __future__ import annotations

import errno
import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from report_sample import make_report

from auditor.audit.model import AuditReport
from auditor.cli import main
from auditor.errors import UserError
from auditor.report.load import load_report_set
from auditor.report.write import write_reports

pytestmark = pytest.mark.slow  # whole-tool runs: kills, full disks, other users

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NAMES = ("gap-report.json", "gap-report.html", "gap-report.md", "gap-report.csv",
         "gap-report.xlsx", "ringkasan-pleno.html")

# Writes variant B over the set in argv[1]; with argv[2] = K > 0 it is killed (SIGKILL, as a
# power cut or the OOM killer) at the K-th change it makes to the file system under argv[1];
# it prints how many changes a whole write made.
WRITER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[3])
    from report_sample import make_report
    out, kill_at = sys.argv[1], int(sys.argv[2])
    EVENTS = {"open", "os.rename", "os.symlink", "os.link", "os.remove", "os.mkdir",
              "os.rmdir", "shutil.rmtree", "os.chmod", "os.truncate"}
    seen = 0

    def hook(event, args):
        global seen
        if event not in EVENTS or not args:
            return
        path = args[0]
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, (str, os.PathLike)) or not os.fspath(path).startswith(out):
            return
        if event == "open" and (args[1] in (None, "r", "rb") and not (args[2] or 0) & 0o3):
            return  # reading is no change
        seen += 1
        if seen == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    from auditor.report.write import write_reports
    report = make_report()
    for verdict in report.verdicts:
        verdict.evidence += " VARIAN-B"
    report.generated_at = "2022-06-01T02:00:00+07:00"
    sys.addaudithook(hook)
    write_reports(report, out, "id")
    print(seen)
""")


def variant(report: AuditReport, name: str) -> AuditReport:
    for verdict in report.verdicts:
        verdict.evidence += f" VARIAN-{name}"
    return report


def which(name: str, data: bytes) -> str | None:
    """"A" or "B": the run whose report this file is (None: neither or both)."""
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            data = b"".join(book.read(n) for n in book.namelist())
    found = {v for v in "ABC" if f"VARIAN-{v}".encode() in data}
    return found.pop() if len(found) == 1 else None


def set_of(folder: Path) -> str:
    """The one run every report file of ``folder`` comes from, or what is wrong."""
    files = {n: (folder / n).read_bytes() for n in NAMES if (folder / n).is_file()}
    runs = {n: which(n, data) for n, data in files.items()}
    if len(files) != len(NAMES) or len(set(runs.values())) != 1:
        return f"mixed or partial: {runs}"
    return next(iter(runs.values())) or "neither"


def write_killed(out: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", WRITER, str(out), str(kill_at), str(HERE)],
                          capture_output=True, text=True, timeout=120, env=env)


def test_a_writer_killed_at_any_moment_leaves_the_old_set_or_the_new_one(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    write_reports(variant(make_report(), "A"), out, "id")
    # how many changes one whole write over an existing set makes (a first write makes more)
    write_reports(variant(make_report(), "A"), tmp_path / "count", "id")
    whole = write_killed(tmp_path / "count", 0)
    assert whole.returncode == 0, whole.stderr
    changes = int(whole.stdout)
    moments = sorted(random.Random(9).sample(range(1, changes + 1), min(10, changes)))
    last = "A"
    for moment in moments:
        killed = write_killed(out, moment)
        assert killed.returncode == -signal.SIGKILL, (moment, killed.stderr)
        seen = set_of(out / "2022-05")
        assert seen in ("A", "B"), f"killed at change {moment} of {changes}: {seen}"
        assert load_report_set(out / "2022-05").verdicts[0].evidence.endswith(f"VARIAN-{seen}")
        assert not (last == "B" and seen == "A"), "an older set came back"
        last = seen
    write_reports(variant(make_report(), "C"), out, "id")  # the next run tidies up
    assert set_of(out / "2022-05") == "C"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["2022-05"]
    kept = {p.name for p in (out / ".sets").iterdir()}
    assert os.path.basename(os.readlink(out / "2022-05")) in kept
    assert len(kept) <= 2, f"killed runs' folders stay behind: {kept}"  # this set and the last


def test_the_month_path_still_holds_the_five_files(report: AuditReport, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "id")
    write_reports(report, tmp_path, "en")
    assert folder == tmp_path / "2022-05"
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} == set(NAMES)
    data = json.loads((tmp_path / "2022-05" / "gap-report.json").read_text(encoding="utf-8"))
    assert data["language"] == "en" or data["verdicts"]


def test_a_set_from_before_manifests_is_switched_whole(report: AuditReport, tmp_path: Path) -> None:
    old = tmp_path / "2022-05"
    old.mkdir()
    for name in NAMES:
        (old / name).write_text("laporan versi lama", encoding="utf-8")
    (old / "indeks-bukti.html").write_text("indeks", encoding="utf-8")
    (old / "catatan.txt").write_text("catatan", encoding="utf-8")
    folder = write_reports(variant(report, "A"), tmp_path, "id")
    assert set_of(folder) == "A"
    # the evidence index asked for this month is made again from the new report; any other
    # file beside the set stays as it was
    index = (folder / "indeks-bukti.html").read_text(encoding="utf-8")
    assert index.startswith("<!DOCTYPE html>") and report.office in index
    assert (folder / "catatan.txt").read_text(encoding="utf-8") == "catatan"


def test_a_half_written_set_is_not_loaded(report: AuditReport, tmp_path: Path) -> None:
    folder = write_reports(variant(report, "A"), tmp_path, "id")
    (folder / "gap-report.html").write_text("<p>laporan lain</p>", encoding="utf-8")
    with pytest.raises(UserError, match="tidak utuh.*gap-report.html"):
        load_report_set(folder)


def test_email_refuses_a_month_whose_set_is_not_whole(report: AuditReport, tmp_path: Path,
                                                     capsys) -> None:
    (tmp_path / "bukti").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text(
        "evidence_root: bukti\nyear: 2022\nreports_dir: out/reports\nstate_dir: out/state\n"
        "teams:\n  - {name: Tim Manajemen Perubahan, lead: Sri Wahyuni, email: mp@kpu.example}\n"
        "coordinator: {name: Koordinator ZI, email: koordinator@kpu.example}\n",
        encoding="utf-8")
    whole = write_reports(variant(report, "A"), tmp_path / "whole", "id")
    folder = tmp_path / "out" / "reports" / "2022-05"
    folder.mkdir(parents=True)  # five files of two runs, as a run killed midway left them
    for name in NAMES:
        (folder / name).write_bytes((whole / name).read_bytes())
    (folder / "gap-report.html").write_text("<p>laporan April</p>", encoding="utf-8")

    code = main(["email", "--config", str(config), "--month", "5", "--dry-run"])

    assert code == 2
    err = capsys.readouterr().err
    assert "tidak utuh" in err and "zi-auditor scan" in err and "Traceback" not in err
    assert not list((tmp_path / "out" / "state").rglob("*.eml"))


def test_a_run_that_found_nothing_new_leaves_the_set_as_it_is(tmp_path: Path) -> None:
    """A warm night rewrites nothing: the same findings an hour later are the same set (its
    files keep their time); a changed verdict or another language is a new set."""
    first = make_report()
    folder = write_reports(first, tmp_path, "id")
    target = os.readlink(folder)
    stamps = {n: (folder / n).stat().st_mtime_ns for n in NAMES}

    again = make_report()
    again.generated_at = "2022-05-31T03:00:00+07:00"
    again.history = again.history[:-1]
    assert write_reports(again, tmp_path, "id") == folder
    assert os.readlink(folder) == target
    assert {n: (folder / n).stat().st_mtime_ns for n in NAMES} == stamps

    changed = make_report()
    changed.verdicts[2].status = "ok"  # the missing attendance list came
    write_reports(changed, tmp_path, "id")
    assert os.readlink(folder) != target
    assert json.loads((folder / "gap-report.json").read_text("utf-8"))["verdicts"][2][
        "status"] == "ok"
    target = os.readlink(folder)
    write_reports(changed, tmp_path, "en")
    assert os.readlink(folder) != target


def test_where_links_cannot_be_made_the_month_folder_is_swapped_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args, **kwargs) -> None:  # a share mounted without link support
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_links)
    write_reports(variant(make_report(), "A"), tmp_path, "id")
    folder = write_reports(variant(make_report(), "B"), tmp_path, "id")
    assert folder.is_dir() and not folder.is_symlink()
    assert set_of(folder) == "B"
    assert load_report_set(folder).verdicts[0].evidence.endswith("VARIAN-B")
    assert not [p for p in (tmp_path / ".sets").iterdir()], "the replaced set stays behind"


def test_a_set_changed_by_hand_is_written_again(tmp_path: Path) -> None:
    folder = write_reports(variant(make_report(), "A"), tmp_path, "id")
    (folder / "gap-report.md").write_text("diubah di Notepad", encoding="utf-8")
    write_reports(variant(make_report(), "A"), tmp_path, "id")  # same findings
    assert set_of(folder) == "A"
    assert load_report_set(folder).verdicts[0].evidence.endswith("VARIAN-A")
