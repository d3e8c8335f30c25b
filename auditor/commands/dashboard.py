"""`zi-auditor dashboard`: the office's progress page (index.html) from the state and the
newest report, without scanning. Every scan also writes it into reports_dir."""

from __future__ import annotations

import argparse
from pathlib import Path

from auditor.i18n import t

ORDER = 36


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "dashboard", help=t("cli.dashboard.dashboard.help"),
        description=(
            t("cli.dashboard.dashboard.description")),
    )
    parser.add_argument("--config", "-c", metavar="FILE", help=t("cli.dashboard.config.help"))
    parser.add_argument("--out", "-o", metavar="DIR",
                        help=t("cli.dashboard.out.help"))
    parser.set_defaults(handler=_dashboard)


def _dashboard(args: argparse.Namespace) -> int:
    from auditor.config import find_config, load_config
    from auditor.errors import UserError
    from auditor.guard import refuse_inside_evidence
    from auditor.i18n import default_language, t, use_config_language
    from auditor.report.dashboard import write_dashboard
    from auditor.report.load import latest_report, load_report_set

    config = load_config(find_config(args.config))
    use_config_language(config.language)
    lang = default_language()
    out_dir = refuse_inside_evidence(Path(args.out) if args.out else config.reports_dir,
                                     config.evidence_root, lang)
    latest = latest_report(config.reports_dir, config.year)
    if latest is None:
        raise UserError(t("dashboard.no_report", path=config.reports_dir))
    report = load_report_set(latest.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = write_dashboard(report, config.state_dir, config.reports_dir, lang, out_dir)
    print(t("dashboard.written", path=path))
    return 0
