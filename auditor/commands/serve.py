"""`zi-auditor serve`: the nightly audit as a foreground service (systemd or an open console)."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config
from auditor.i18n import t
from auditor.lock import SCHEDULED_WAIT_SECONDS, wait_seconds

ORDER = 60


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve", help=t("cli.serve.serve.help"),
        description=(
            t("cli.serve.serve.description")),
    )
    add_config(parser)
    parser.add_argument("--grace-minutes", type=float, default=60.0, metavar="N",
                        help=t("cli.serve.grace_minutes.help"))
    parser.add_argument("--no-email", action="store_true",
                        help=t("cli.serve.no_email.help"))
    parser.add_argument("--no-log-file", action="store_true",
                        help=t("cli.serve.no_log_file.help"))
    parser.add_argument("--wait", type=wait_seconds, default=SCHEDULED_WAIT_SECONDS, metavar="DTK",
                        help=t("cli.serve.wait.help", seconds=f"{SCHEDULED_WAIT_SECONDS:g}"))
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
