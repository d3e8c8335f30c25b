"""Speed of the inspection layer (figures defined in shared benchmarks: inspect cost, OCR).

Generates N text PDFs and N DOCX of 1-3 pages in a temp dir, then measures in one run:
- files/s of inspect_paths with 2 workers (whole pool, start-up included);
- per-file cost of inspect_file (in-process) and of bare extraction of the same files
  (pypdf extract_text on every page; python-docx paragraphs + tables), and their ratio;
- one A4 page scanned at 300 dpi: the whole inspect of that page (OCR), median of 3.
Usage: .venv/bin/python bench/inspect_speed.py [--n 150]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "inspect"))
sys.path.insert(0, str(ROOT))

BODY = ["Menindaklanjuti Surat Nomor 12 Tahun 2022 tanggal 2 Maret 2022, rapat membahas rencana aksi",
        "pembangunan Zona Integritas, pemantauan, evaluasi dan tindak lanjut hasil rapat sebelumnya."]


def _doc_lines(k: int) -> list[str]:
    from inspect_fixtures import IMG, PAGE

    pages = 1 + k % 3
    lines = [f"NOTULEN RAPAT KOORDINASI {k}", f"Hari/Tanggal : Senin, {1 + k % 28} Juni 2022", ""]
    for p in range(pages):
        lines += BODY * 18
        if p < pages - 1:
            lines.append(PAGE)
    return lines + [">Sleman, 6 Juni 2022", ">Notulis,", IMG if k % 2 else "", ">SARI WULANDARI"]


def _bare_pdf(path: Path) -> int:
    from pypdf import PdfReader

    return sum(len(page.extract_text() or "") for page in PdfReader(path).pages)


def _bare_docx(path: Path) -> int:
    import docx

    d = docx.Document(str(path))
    n = sum(len(p.text) for p in d.paragraphs)
    for table in d.tables:
        for row in table.rows:
            n += sum(len(c.text) for c in row.cells)
    return n


def _per_file(fn, files: list[Path], rounds: int = 3) -> float:
    best = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for f in files:
            fn(f)
        best.append((time.perf_counter() - t0) / len(files))
    return statistics.median(best)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=150, help="files of each kind (PDF, DOCX)")
    args = parser.parse_args()
    from inspect_fixtures import make_docx, make_pdf, make_scan_pdf

    from auditor.inspect.run import inspect_file, inspect_paths

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        pdfs = [make_pdf(d / f"n{k}.pdf", _doc_lines(k)) for k in range(args.n)]
        docxs = [make_docx(d / f"n{k}.docx", [x.lstrip(">") for x in _doc_lines(k) if x != "<<PAGE>>"])
                 for k in range(args.n)]
        files = pdfs + docxs
        for f in files[:5]:  # warm imports
            inspect_file(f, year=2022)
            _bare_pdf(pdfs[0])
            _bare_docx(docxs[0])
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            out = inspect_paths(files, year=2022, workers=2)
            runs.append(time.perf_counter() - t0)
        assert not any(f.error for f in out)
        rate = len(files) / statistics.median(runs)
        ins_pdf = _per_file(lambda f: inspect_file(f, year=2022), pdfs)
        ins_docx = _per_file(lambda f: inspect_file(f, year=2022), docxs)
        bare_pdf = _per_file(_bare_pdf, pdfs)
        bare_docx = _per_file(_bare_docx, docxs)
        scan = make_scan_pdf(d / "scan.pdf", ["BERITA ACARA RAPAT PLENO", "Pada hari ini Jumat tanggal 20 Mei 2022"]
                             + BODY * 14 + [">Boyolali, 20 Mei 2022", ">KETUA,", "", ">HERU PRASETYO"], dpi=300)
        ocr = []
        for _ in range(3):
            t0 = time.perf_counter()
            facts = inspect_file(scan, year=2022)
            ocr.append(time.perf_counter() - t0)
        assert facts.date == "2022-05-20", facts
    print(f"files                      {len(files)} ({args.n} PDF + {args.n} DOCX, 1-3 pages)")
    print(f"inspect_paths, 2 workers   {rate:.0f} files/s (median of 3 runs, pool start included)")
    print(f"PDF  inspect / bare pypdf  {ins_pdf * 1000:.1f} ms / {bare_pdf * 1000:.1f} ms = {ins_pdf / bare_pdf:.2f}x")
    print(f"DOCX inspect / bare docx   {ins_docx * 1000:.1f} ms / {bare_docx * 1000:.1f} ms = {ins_docx / bare_docx:.2f}x")
    print(f"OCR, one A4 page 300 dpi   {statistics.median(ocr):.2f} s (median of 3, whole inspect)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
