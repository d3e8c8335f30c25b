"""`zi-auditor scan`: audit the evidence tree and write the month's gap report."""

from __future__ import annotations

import argparse
import sys

from auditor.commands._options import add_config, add_month, add_out, add_year
from auditor.i18n import t
from auditor.lock import wait_seconds

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scan", help=t("cli.scan.help"), description=t("cli.scan.description"))
    add_config(parser)
    add_month(parser)
    add_year(parser)
    parser.add_argument("--as-of", metavar=t("cli.metavar.date"), dest="as_of",
                        help=t("cli.scan.as_of"))
    add_out(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help=t("cli.scan.quiet"))
    parser.add_argument("--fail-on-gaps", action="store_true", help=t("cli.scan.fail_on_gaps"))
    parser.add_argument("--email", action="store_true", help=t("cli.scan.email"))
    parser.add_argument("--wait", type=wait_seconds, default=0.0, metavar=t("cli.metavar.seconds"),
                        help=t("cli.scan.wait"))
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
