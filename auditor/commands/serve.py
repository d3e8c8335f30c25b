"""`zi-auditor serve`: the nightly audit as a foreground service (systemd or an open console)."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config
from auditor.lock import SCHEDULED_WAIT_SECONDS, wait_seconds

ORDER = 60


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve", help="jalankan audit terjadwal terus-menerus / run the scheduled audit as a service",
        description=(
            "Menjalankan audit menurut jadwal crontab di konfigurasi (default setiap malam 02:00 "
            "WIB), lalu mengirim surel ke ketua tim. Berjalan di latar depan (untuk systemd atau "
            "konsol); berhenti dengan Ctrl+C atau SIGTERM. Jadwal yang terlewat karena server "
            "tidur dijalankan sekali saat bangun, bila masih dalam tenggang waktu. / Runs the "
            "audit on the config's crontab schedule and mails the result, in the foreground."),
    )
    add_config(parser)
    parser.add_argument("--grace-minutes", type=float, default=60.0, metavar="N",
                        help="jadwal terlewat masih dijalankan bila belum lewat N menit "
                             "(default 60) / run a missed audit if at most N minutes late")
    parser.add_argument("--no-email", action="store_true",
                        help="audit saja, tanpa surel / audit only, no mail")
    parser.add_argument("--no-log-file", action="store_true",
                        help="log hanya ke stderr, bukan ke state_dir/logs / log to stderr only")
    parser.add_argument("--wait", type=wait_seconds, default=SCHEDULED_WAIT_SECONDS, metavar="DTK",
                        help="bila audit lain sedang berjalan (mis. watch), tunggu paling lama DTK "
                             f"detik (default {SCHEDULED_WAIT_SECONDS:g}) / wait up to DTK seconds "
                             "for a running audit")
    parser.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from auditor.config import find_config, load_config
    from auditor.errors import UserError
    from auditor.i18n import t
    from auditor.run.job import audit_and_mail, setup_logging
    from auditor.run.schedule import serve

    config = load_config(find_config(args.config))
    if args.grace_minutes <= 0:
        raise UserError(t("run.cli.bad_grace", minutes=args.grace_minutes))
    setup_logging(config, log_file=not args.no_log_file)
    return serve(config, lambda: audit_and_mail(config, email=not args.no_email,
                                                lock_wait_seconds=args.wait),
                 grace_seconds=args.grace_minutes * 60)
