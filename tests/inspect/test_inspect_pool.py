"""Many files through worker processes: order, limits, timeouts, nothing written, the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

from inspect_fixtures import IMG, make_docx, make_jpeg, make_pdf, make_scan_pdf

from auditor.cli import main
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.run import inspect_paths


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


def test_a_document_over_the_time_limit_is_killed_and_the_others_go_on(tmp_path: Path) -> None:
    slow = make_scan_pdf(tmp_path / "scan.pdf", ["BERITA ACARA RAPAT"] * 30, dpi=300)
    quick = make_pdf(tmp_path / "ok.pdf", ["LAPORAN", "Hari/Tanggal : Senin, 6 Juni 2022"])
    results = inspect_paths([slow, quick, slow, quick], limits=Limits(timeout_seconds=0.3), year=2022, workers=1)
    assert results[0].error == "waktu baca habis (0.3 detik), juga saat dibaca ulang sendiri (0.6 detik)"
    assert results[2].error == results[0].error and results[0].retried and not results[1].retried
    assert results[0].size == slow.stat().st_size
    assert [results[1].date, results[3].date] == ["2022-06-06", "2022-06-06"]


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
