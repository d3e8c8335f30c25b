"""`zi-auditor email`: mail a month's report (from gap-report.json, no rescan)."""

from __future__ import annotations

import argparse

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "email", help="kirim laporan bulanan ke ketua tim dan koordinator / e-mail the report",
        description=(
            "Mengirim laporan satu bulan: setiap ketua tim menerima kekurangan timnya sendiri, "
            "koordinator menerima laporan lengkap. Bulan yang sudah terkirim tidak dikirim dua "
            "kali (kecuali --resend). Pesan yang gagal terkirim disimpan di outbox dan dikirim "
            "pada jalankan berikutnya. / Sends one month's report to every team lead (their "
            "gaps only) and the coordinator (everything)."),
    )
    parser.add_argument("--config", "-c", metavar="FILE", help="berkas konfigurasi / config file")
    parser.add_argument("--month", type=int, metavar="M",
                        help="bulan laporan 1-12 (default: laporan terbaru) / report month")
    parser.add_argument("--year", type=int, metavar="Y",
                        help="tahun laporan (default: tahun di konfigurasi) / report year")
    parser.add_argument("--dry-run", action="store_true",
                        help="tulis pesan sebagai berkas .eml di outbox, tanpa mengirim / "
                             "write .eml files instead of sending")
    parser.add_argument("--resend", action="store_true",
                        help="kirim lagi walau bulan ini sudah terkirim / send again")
    parser.set_defaults(handler=_email)


def print_delivery(result, lang: str | None = None) -> None:  # noqa: ANN001 - DeliveryResult
    """What a delivery did, one line per message, for the person at the console."""
    import sys

    from auditor.i18n import t

    for path in result.written:
        print(path)
    for label in result.sent:
        print(t("deliver.cli.sent", lang, who=label))
    for label in result.skipped:
        print(t("deliver.cli.skipped", lang, who=label))
    for team in result.no_address:
        print(t("deliver.cli.no_address", lang, team=team), file=sys.stderr)
    for error in result.errors:
        print(t("deliver.cli.problem", lang, problem=error), file=sys.stderr)
    if result.queued:
        print(t("deliver.cli.queued", lang, count=len(result.queued)), file=sys.stderr)


def _email(args: argparse.Namespace) -> int:
    from auditor.config import find_config, load_config
    from auditor.deliver.send import deliver_month, latest_report_month
    from auditor.deliver.smtp import SendError, smtp_password
    from auditor.errors import UserError
    from auditor.i18n import t

    config = load_config(find_config(args.config))
    if args.month is not None and not 1 <= args.month <= 12:
        raise UserError(t("deliver.cli.bad_month", month=args.month))
    if not args.dry_run:
        if config.smtp is None:
            raise UserError(t("deliver.cli.no_smtp", path=config.path))
        try:
            smtp_password(config.smtp)
        except SendError as exc:
            raise UserError(exc.message) from None
    if args.month is None:
        year, month = latest_report_month(config)
        year = args.year or year
    else:
        month = args.month
        year = args.year or config.year or latest_report_month(config)[0]
    result = deliver_month(config, year, month, dry_run=args.dry_run, resend=args.resend)
    print_delivery(result)
    return 0
