"""`zi-auditor index`: the evidence index (XLSX + HTML) beside the month's gap report."""

from __future__ import annotations

import argparse
from pathlib import Path

from auditor.commands._options import add_config, add_month, add_out, add_year
from auditor.i18n import t

ORDER = 35


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("index", help=t("cli.index.help"),
                            description=t("cli.index.description"))
    add_config(parser)
    add_month(parser, "cli.opt.month_latest")
    add_year(parser)
    add_out(parser)
    parser.add_argument("--report", metavar=t("cli.metavar.file"), help=t("cli.index.report"))
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
        out_dir = Path(args.out) if args.out else reports_dir
    if config is None:
        if report.evidence_root:  # a report from elsewhere names the tree it was made from
            refuse_inside_evidence(out_dir, report.evidence_root)
        paths = write_index(report, out_dir, default_language())
    else:
        from auditor.lock import PERSON_WAIT_SECONDS, audit_lock

        refuse_inside_evidence(out_dir, config.evidence_root)
        # a scan switching in the month's new set would leave this index behind
        with audit_lock(config.state_dir, wait_seconds=PERSON_WAIT_SECONDS, purpose="index",
                        timezone=config.timezone):
            report = load_report_set(path.parent)
            paths = write_index(report, out_dir, default_language())
    print(t("report.index.written", paths=", ".join(str(p) for p in paths)))
    return 0
