"""`zi-auditor scan`: audit the evidence tree and write the month's gap report."""

from __future__ import annotations

import argparse
import sys

from auditor.lock import wait_seconds

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "scan",
        help="periksa folder bukti dan tulis laporan kekurangan / audit and write the gap report",
        description=(
            "Memeriksa folder bukti fisik terhadap Rencana Aksi dan menulis laporan kekurangan "
            "bulan ini (JSON, HTML, Markdown, CSV) per Tim. Hanya dokumen baru atau yang berubah "
            "yang dibaca ulang. Kode keluar: 0 audit selesai, 1 ada kekurangan (dengan "
            "--fail-on-gaps), 2 salah pemakaian/konfigurasi, 3 folder bukti hilang, tanpa folder, "
            "kehilangan banyak berkas atau terputus di tengah pemeriksaan, 4 audit lain sedang "
            "berjalan (jadwal cron/systemd: pakai --wait), 5 ada surel yang tidak terkirim, "
            "6 laporan atau state tidak dapat ditulis."
        ),
    )
    parser.add_argument("--config", "-c", metavar="FILE",
                        help="berkas konfigurasi (default: ./config.yaml atau $ZI_CONFIG)")
    parser.add_argument("--month", type=int, metavar="M",
                        help="bulan laporan 1-12 (default: bulan ini) / report month")
    parser.add_argument("--year", type=int, metavar="Y",
                        help="tahun rencana (default: dari konfigurasi; tahun yang tidak dicakup "
                             "konfigurasi atau aturan ditolak) / plan year")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", dest="as_of",
                        help="periksa yang jatuh tempo sampai tanggal ini (dalam tahun rencana), "
                             "mis. sebelum Pleno / audit what is due up to this day")
    parser.add_argument("--out", metavar="DIR",
                        help="folder laporan (default: reports_dir di konfigurasi)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="tanpa bilah kemajuan dan ringkasan / no progress bar or summary")
    parser.add_argument("--fail-on-gaps", action="store_true",
                        help="keluar dengan kode 1 bila ada kekurangan / exit 1 when there are gaps")
    parser.add_argument("--email", action="store_true",
                        help="sesudah audit, kirim laporan ke ketua tim dan koordinator (bila "
                             "folder bukti bermasalah: peringatan ke koordinator saja) / "
                             "e-mail the report after the scan")
    parser.add_argument("--wait", type=wait_seconds, default=0.0, metavar="DTK",
                        help="bila audit lain sedang berjalan, tunggu paling lama DTK detik "
                             "(untuk cron/systemd; tanpa ini langsung keluar dengan kode 4) / "
                             "wait up to DTK seconds for a running audit (scheduled runs)")
    parser.set_defaults(handler=_scan)


def _scan(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from auditor.config import find_config, load_config
    from auditor.errors import ExitCode, UserError
    from auditor.i18n import t
    from auditor.pipeline import ScanOptions
    from auditor.run.job import run_once

    config = load_config(find_config(args.config))
    lang = getattr(args, "lang", None) or config.language
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise UserError(t("audit.bad_as_of", lang, value=args.as_of)) from None
    if args.month is not None and not 1 <= args.month <= 12:
        raise UserError(t("audit.bad_month", lang, month=args.month))
    options = ScanOptions(month=args.month, year=args.year, as_of=as_of,
                          out_dir=Path(args.out) if args.out else None, lang=lang,
                          quiet=args.quiet, lock_wait_seconds=args.wait)
    if args.email:
        from auditor.run.job import setup_logging

        setup_logging(config)  # the cron run leaves the same log line as `serve`
    result = run_once(config, options, email=args.email, log_line=args.email)
    outcome, delivery = result.outcome, result.delivery
    if outcome.root_problem:
        print(outcome.root_problem, file=sys.stderr)
    elif not args.quiet:
        from auditor.audit.summary import summary_text

        assert outcome.report is not None
        print(summary_text(outcome.report, lang, files_seen=outcome.files_seen,
                           files_inspected=outcome.files_inspected,
                           report_dir=outcome.report_dir))
    if delivery is not None and not args.quiet:
        from auditor.deliver.console import print_delivery

        print_delivery(delivery, lang)
    if result.exit_code != ExitCode.OK:
        return result.exit_code  # 3: the root; 5: mail that did not go out (cron, systemd see it)
    if args.fail_on_gaps and outcome.gaps:
        return int(ExitCode.GAPS)
    return int(ExitCode.OK)
