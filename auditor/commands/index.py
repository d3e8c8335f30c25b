"""`zi-auditor index`: the evidence index (XLSX + HTML) beside the month's gap report."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 35


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "index", help="buat indeks bukti (XLSX dan HTML) untuk LKE / write the evidence index",
        description=(
            "Menulis indeks-bukti.xlsx dan indeks-bukti.html: per area, item dan indikator, "
            "berkas yang mendukungnya, dengan tautan ke berkas. Memakai laporan terakhir bulan "
            "itu (gap-report.json), tanpa memindai ulang; jalankan 'zi-auditor scan' dulu. "
            "(Writes the evidence index from the month's latest gap report, without rescanning.)"
        ),
    )
    parser.add_argument("--config", "-c", metavar="FILE", help="berkas konfigurasi (default: ./config.yaml)")
    parser.add_argument("--month", "-m", type=int, choices=range(1, 13), metavar="M",
                        help="bulan 1-12 (default: laporan terakhir) / month")
    parser.add_argument("--year", "-y", type=int, metavar="Y",
                        help="tahun (default: tahun di konfigurasi, atau laporan terakhir) / year")
    parser.add_argument("--out", "-o", metavar="DIR",
                        help="folder tujuan (default: reports_dir di konfigurasi) / output folder")
    parser.add_argument("--report", metavar="FILE",
                        help="pakai gap-report.json ini, tanpa konfigurasi / use this report file")
    parser.set_defaults(handler=_index)


def _index(args: argparse.Namespace) -> int:
    from auditor.errors import UserError
    from auditor.guard import refuse_inside_evidence
    from auditor.i18n import default_language, t, use_config_language
    from auditor.report.labels import month_name
    from auditor.report.load import latest_report, load_report, load_report_set
    from auditor.report.write import write_index

    config = None
    if args.report:
        report = load_report(Path(args.report))
        use_config_language(report.language)  # --lang still wins
        out_dir = Path(args.out) if args.out else Path(args.report).resolve().parent.parent
    else:
        from auditor.config import find_config, load_config

        config = load_config(find_config(args.config))
        use_config_language(config.language)
        reports_dir = config.reports_dir
        year = args.year or config.year
        if args.month:
            if year is None:
                latest = latest_report(reports_dir, None)
                year = int(latest.parent.name[:4]) if latest else None
            path = reports_dir / f"{year:04d}-{args.month:02d}" / "gap-report.json" if year else None
            if path is None or not path.is_file():
                period = f"{month_name(args.month, default_language())} {year or ''}".strip()
                raise UserError(t("report.index.no_report", period=period,
                                  path=path or reports_dir, month=args.month))
        else:
            path = latest_report(reports_dir, year)
            if path is None:
                raise UserError(t("report.index.no_reports_at_all", path=reports_dir))
        report = load_report_set(path.parent)
        out_dir = Path(args.out) if args.out else reports_dir
    evidence_root = config.evidence_root if config else report.evidence_root
    if evidence_root:  # a report from elsewhere names the tree it was made from
        refuse_inside_evidence(out_dir, evidence_root)
    paths = write_index(report, out_dir, default_language())
    print(t("report.index.written", paths=", ".join(str(p) for p in paths)))
    return 0
