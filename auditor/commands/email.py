"""`zi-auditor email`: mail a month's report (from gap-report.json, no rescan)."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config, add_month, add_year
from auditor.i18n import t

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("email", help=t("cli.email.help"),
                            description=t("cli.email.description"))
    add_config(parser)
    add_month(parser, "cli.opt.month_latest")
    add_year(parser)
    parser.add_argument("--dry-run", action="store_true", help=t("cli.email.dry_run"))
    parser.add_argument("--resend", action="store_true", help=t("cli.email.resend"))
    parser.add_argument("--outbox", action="store_true", help=t("cli.email.outbox"))
    parser.add_argument("--drop", nargs="+", metavar="ID", help=t("cli.email.drop"))
    parser.set_defaults(handler=_email)


def _list_outbox(config) -> int:  # noqa: ANN001 - Config
    from auditor.deliver.send import outbox_entries
    from auditor.i18n import t

    entries = outbox_entries(config)
    if not entries:
        print(t("deliver.cli.outbox_empty"))
        return 0
    for e in entries:
        error = f"  ({e.last_error})" if e.last_error else ""
        print(t("deliver.cli.outbox_line", id=e.id, who=e.label, year=e.year, month=e.month,
                created=e.created, attempts=e.attempts, error=error))
    print(t("deliver.cli.outbox_hint"))
    return 0


def _email(args: argparse.Namespace) -> int:
    import sys

    from auditor.config import find_config, load_config
    from auditor.config.teams import check_teams
    from auditor.deliver.console import print_delivery
    from auditor.deliver.send import deliver_month, drop_from_outbox, latest_report_month
    from auditor.errors import ExitCode, UserError
    from auditor.i18n import t
    from auditor.report.labels import month_name

    config = load_config(find_config(args.config))
    if args.outbox:
        return _list_outbox(config)
    if args.drop:
        for entry in drop_from_outbox(config, args.drop):
            print(t("deliver.cli.dropped", id=entry.id, who=entry.label))
        return 0
    check_teams(config)
    if args.month is not None and not 1 <= args.month <= 12:
        raise UserError(t("deliver.cli.bad_month", month=args.month))
    if not args.dry_run and config.smtp is None:
        raise UserError(t("deliver.cli.no_smtp", path=config.path))
    if args.month is None:
        year, month = latest_report_month(config, args.year or config.year)
        print(t("deliver.cli.month_taken", year=year, month=month_name(month, config.language),
                folder=config.reports_dir / f"{year:04d}-{month:02d}"), file=sys.stderr)
    else:
        month = args.month
        year = args.year or config.year or latest_report_month(config)[0]
    result = deliver_month(config, year, month, dry_run=args.dry_run, resend=args.resend)
    print_delivery(result)
    return int(ExitCode.OK if args.dry_run else result.exit_code)
