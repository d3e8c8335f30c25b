"""Many files through worker processes: order, limits, timeouts, nothing written, the CLI."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from inspect_fixtures import IMG, make_docx, make_jpeg, make_pdf, make_scan_pdf

from auditor.cli import main
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.run import inspect_paths
from auditor.inspect.sandbox import RETRY_FACTOR, Attempt, run_pool

pytestmark = pytest.mark.slow  # worker processes killed and retried on time limits


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))}


def _evidence(root: Path) -> list[Path]:
    root.mkdir()
    return [
        make_pdf(root / "laporan.pdf", ["LAPORAN", ">Sleman, 2 Juni 2022", ">KETUA,", IMG, ">BUDI SANTOSO"]),
        root / "hilang.pdf",
        make_docx(root / "notulen.docx", ["NOTULEN", "Hari/Tanggal : Senin, 6 Juni 2022", "Notulis,", "", "SARI"]),
        make_jpeg(root / "IMG_20220606_101010.jpg"),
    ]


def test_results_come_in_input_order_with_errors_in_place(tmp_path: Path) -> None:
    paths = _evidence(tmp_path / "bukti")
    seen: list[FileFacts] = []
    results = inspect_paths(paths, year=2022, workers=2, display=lambda p: p.name, on_done=seen.append)
    assert [r.path for r in results] == ["laporan.pdf", "hilang.pdf", "notulen.docx", "IMG_20220606_101010.jpg"]
    assert [r.date for r in results] == ["2022-06-02", None, "2022-06-06", "2022-06-06"]
    assert results[1].error and not results[0].error
    assert sorted(f.path for f in seen) == sorted(r.path for r in results)


def test_nothing_is_written_into_the_evidence_tree(tmp_path: Path) -> None:
    root = tmp_path / "bukti"
    paths = _evidence(root)
    make_scan_pdf(root / "scan.pdf", ["BERITA ACARA", "Sleman, 6 Juni 2022"], dpi=150)
    before = _tree(root)
    inspect_paths(paths + [root / "scan.pdf"], year=2022, workers=2)
    assert _tree(root) == before


def _scan(path: Path, lines: int, dpi: int = 300) -> Path:
    """An image-only page of ``lines`` lines: real OCR, its CPU time grows with the lines."""
    return make_scan_pdf(path, [f"BERITA ACARA RAPAT NOMOR {i} TANGGAL 6 JUNI 2022 DI SLEMAN"
                                for i in range(lines)], dpi=dpi)


def _alone(path: Path) -> Attempt:
    """One reading of ``path`` by itself, without a limit that could cut it."""
    attempts: list[Attempt] = []
    run_pool([path], [path.name], limits=Limits(timeout_seconds=600), year=2022, workers=1,
             on_done=None, attempts=attempts)
    [attempt] = attempts
    assert attempt.outcome == "done" and attempt.cpu is not None
    return attempt


def _our_tesseracts() -> list[int]:
    """tesseract processes of this test's process group (a worker's children)."""
    found = []
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                data = handle.read()
        except (OSError, ValueError):
            continue
        comm = data[data.index(b"(") + 1:data.rindex(b")")]
        fields = data[data.rindex(b")") + 2:].split()
        if comm == b"tesseract" and fields[0] != b"Z" and int(fields[2]) == os.getpgrp():
            found.append(int(name))
    return found


def test_a_document_over_the_time_limit_alone_is_killed_retried_and_the_others_go_on(
        tmp_path: Path) -> None:
    slow = _scan(tmp_path / "scan.pdf", 45)
    quick = make_pdf(tmp_path / "ok.pdf", ["LAPORAN", "Hari/Tanggal : Senin, 6 Juni 2022"])
    solo = _alone(slow)
    limit = 0.3
    assert solo.cpu is not None and solo.cpu > 2 * RETRY_FACTOR * limit, "the scan must be slow"
    attempts: list[Attempt] = []
    results = run_pool([slow, quick, slow, quick], ["a", "b", "c", "d"],
                       limits=Limits(timeout_seconds=limit), year=2022, workers=1,
                       on_done=None, attempts=attempts)
    assert results[0].error == "waktu baca habis (0.3 detik), juga saat dibaca ulang sendiri (0.6 detik)"
    assert results[2].error == results[0].error and results[0].size == slow.stat().st_size
    assert [results[1].date, results[3].date] == ["2022-06-06", "2022-06-06"]
    assert [r.retried for r in results] == [True, False, True, False]
    # Each slow reading was stopped by its CPU budget (tesseract's CPU counted while it
    # runs, not only once it ends), well before the whole page was read; each twice.
    slow_ones = [a for a in attempts if a.index in (0, 2)]
    assert [(a.index, a.alone, a.outcome) for a in slow_ones] == [
        (0, False, "timeout"), (2, False, "timeout"), (0, True, "timeout"), (2, True, "timeout")]
    for a in slow_ones:
        budget = limit * (RETRY_FACTOR if a.alone else 1)
        assert a.cpu is not None and budget <= a.cpu < solo.cpu * 0.75, a
    time.sleep(0.2)
    assert _our_tesseracts() == [], "a killed worker's tesseract ran on"


def test_scans_read_together_are_not_timed_out_for_waiting_their_turn(tmp_path: Path) -> None:
    """Four scans, two workers sharing one core: each meets the limit alone (CPU), and each
    takes about twice as long in wall time, over the limit: none may time out."""
    scans = [_scan(tmp_path / f"pindaian-{n}.pdf", 12, dpi=200) for n in range(4)]
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})  # the workers forked next share this one core
    try:
        solo = _alone(scans[0])
        assert solo.cpu is not None
        limit = round(max(solo.cpu * 1.5, 0.3), 2)
        attempts: list[Attempt] = []
        results = run_pool(scans, [p.name for p in scans], limits=Limits(timeout_seconds=limit),
                           year=2022, workers=2, on_done=None, attempts=attempts)
    finally:
        os.sched_setaffinity(0, cores)
    assert [(r.error, r.retried, r.scanned) for r in results] == [(None, False, True)] * 4
    assert [a.outcome for a in attempts] == ["done"] * 4
    assert max(a.wall for a in attempts) > limit, "the scans did not wait for each other"


def test_cli_prints_json_lines_in_the_order_given(tmp_path: Path, capsys) -> None:
    paths = _evidence(tmp_path / "bukti")
    code = main(["inspect", "--json", "--year", "2022", "--no-ocr", *map(str, paths)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [x["path"] for x in lines] == [str(p) for p in paths]
    assert {"path", "format", "date", "date_source", "signed", "signature", "signer", "scanned", "error"} <= set(lines[0])
    assert (lines[0]["signed"], lines[0]["signature"], lines[1]["error"] is not None) == (True, "image", True)


def test_cli_table_and_bad_usage(tmp_path: Path, capsys) -> None:
    paths = _evidence(tmp_path / "bukti")
    assert main(["inspect", str(tmp_path / "bukti")]) == 0
    out = capsys.readouterr().out
    assert "laporan.pdf | pdf | 2022-06-02 | signature_block | ya | image" in out
    assert main(["inspect"]) == 2
    assert main(["inspect", "--workers", "0", str(paths[0])]) == 2
    assert os.path.exists(paths[0])
