"""`zi-auditor map propose | check`: adopt the drive an office already has."""

from __future__ import annotations

import argparse

from auditor.i18n import t

ORDER = 27
_CONFIG_HELP = "berkas konfigurasi (default: ./config.yaml atau $ZI_CONFIG)"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "map", help=t("cli.map.map.help"),
        description=t("cli.map.map.description"),
    )
    actions = parser.add_subparsers(dest="map_action", metavar="ACTION", required=True)
    prop = actions.add_parser(
        "propose", help=t("cli.map.propose.help"),
        description=t("cli.map.propose.description"),
    )
    prop.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
    prop.add_argument("--out", "-o", metavar="FILE", required=True,
                      help=t("cli.map.out.help"))
    prop.add_argument("--force", action="store_true",
                      help=t("cli.map.force.help"))
    prop.set_defaults(handler=_propose)
    check = actions.add_parser(
        "check", help=t("cli.map.check.help"),
        description=t("cli.map.check.description"),
    )
    check.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
    check.add_argument("--map", metavar="FILE",
                       help=t("cli.map.map.help2"))
    check.set_defaults(handler=_check)


def _propose(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.errors import ExitCode, UserError
    from auditor.guard import refuse_inside_evidence
    from auditor.i18n import t
    from auditor.report.atomic import atomic_write
    from auditor.scan.folder_map import context, evidence_files
    from auditor.scan.map_propose import propose, render
    from auditor.scan.match import RuleIndex

    config, ruleset, year = context(args.config)
    out = refuse_inside_evidence(Path(args.out), config.evidence_root)
    if out.exists() and not args.force:
        raise UserError(t("map.out_exists", path=out))
    files = evidence_files(config)
    proposals = propose(files, RuleIndex(ruleset.rules, year=year))
    try:
        atomic_write(out, render(proposals))
    except OSError as exc:
        raise UserError(t("audit.report_unwritable", path=out, reason=exc.strerror or exc),
                        ExitCode.WRITE_FAILED) from None
    print(t("map.written", path=out, folders=len(proposals), files=len(files),
            doubtful=sum(1 for p in proposals if p.doubtful)))
    return 0


def _check(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from auditor.errors import ExitCode, UserError
    from auditor.i18n import t
    from auditor.scan.folder_map import check_map, context

    config, ruleset, _ = context(args.config)
    path = Path(args.map) if args.map else config.folder_map
    if path is None:
        raise UserError(t("map.no_map", config=config.path))
    problems = check_map(path, ruleset.rules, config.evidence_root)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(t("map.check_problems", path=path, count=len(problems)), file=sys.stderr)
        return int(ExitCode.USAGE)
    from auditor.scan.folder_map import load_folder_map

    folder_map = load_folder_map(path, ruleset.rules)
    print(t("map.check_ok", path=path, folders=len(folder_map.entries),
            rules=len(ruleset.rules)))
    return 0
