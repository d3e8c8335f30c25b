"""`zi-auditor rules list | check | import | template`."""

from __future__ import annotations

import argparse
import json
import sys

from auditor.i18n import t

ORDER = 20



def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rules", help=t("cli.rules.rules.help"),
        description=t("cli.rules.rules.description"),
    )
    actions = parser.add_subparsers(dest="rules_action", metavar="ACTION", required=True)

    show = actions.add_parser(
        "list", help=t("cli.rules.list.help"),
        description=t("cli.rules.list.description"),
    )
    show.add_argument("--json", action="store_true", help=t("cli.rules.json.help"))
    show.add_argument("--rules", action="append", metavar="FILE", help=t("cli.rules.rules_file.help"))
    show.add_argument("--config", "-c", metavar="FILE", help=t("cli.rules.config_file.help"))
    show.set_defaults(handler=_list)

    check = actions.add_parser(
        "check", help=t("cli.rules.check.help"),
        description=t("cli.rules.check.description"),
    )
    check.add_argument("files", nargs="*", metavar="FILE",
                       help=t("cli.rules.files.help"))
    check.add_argument("--config", "-c", metavar="FILE", help=t("cli.rules.config_file.help"))
    check.set_defaults(handler=_check)

    imp = actions.add_parser(
        "import", help=t("cli.rules.import.help"),
        description=t("cli.rules.import.description"),
    )
    imp.add_argument("plan", metavar="PLAN", help=t("cli.rules.plan.help"))
    imp.add_argument("--out", "-o", metavar="FILE", help=t("cli.rules.out.help"))
    imp.add_argument("--office", metavar="NAMA", help=t("cli.rules.office.help"))
    imp.add_argument("--year", type=int, metavar="TAHUN", help=t("cli.rules.year.help"))
    imp.add_argument("--source", metavar="TEKS", help=t("cli.rules.source.help"))
    imp.add_argument("--columns", metavar="PETA",
                     help=t("cli.rules.columns.help"))
    imp.add_argument("--team", action="append", metavar="AREA=TIM", default=[],
                     help=t("cli.rules.team.help"))
    imp.set_defaults(handler=_import)

    template = actions.add_parser(
        "template", help=t("cli.rules.template.help"),
        description=t("cli.rules.template.description"),
    )
    template.add_argument("--out", "-o", metavar="FILE", default="rencana-aksi.xlsx",
                          help=t("cli.rules.out.help2"))
    template.add_argument("--office", metavar="NAMA", default="NAMA KANTOR", help=t("cli.rules.office.help2"))
    template.add_argument("--year", type=int, metavar="TAHUN", help=t("cli.rules.year.help2"))
    template.set_defaults(handler=_template)


def _list(args: argparse.Namespace) -> int:
    from auditor.i18n import t
    from auditor.rules.load import load_rulesets
    from auditor.rules.source import rules_paths

    ruleset = load_rulesets(rules_paths(args.rules, args.config))
    if args.json:
        json.dump([r.to_json() for r in ruleset.rules], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(t("rules.list_header", count=len(ruleset.rules), office=ruleset.office, year=ruleset.year))
    for rule in ruleset.rules:
        months = ",".join(str(m) for m in rule.months) or "-"
        print(f"{rule.id:<8} {months:<12} {rule.team:<40} {rule.evidence[:70]}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from auditor.i18n import t
    from auditor.rules.load import load_rules, load_rulesets
    from auditor.rules.source import rules_paths

    paths = rules_paths(args.files, args.config)
    for path in paths:
        print(t("rules.valid", path=path, count=len(load_rules(path).rules)))
    ruleset = load_rulesets(paths) if len(paths) > 1 else load_rules(paths[0])
    for line in _doubtful(ruleset, _config_for_teams(args.config)):
        print(line)
    return 0


def _config_for_teams(explicit: str | None):
    """The config whose teams receive the rules' gaps, when there is one."""
    from auditor.config.load import find_config, load_config
    from auditor.errors import ConfigError

    try:
        return load_config(find_config(explicit))
    except ConfigError:
        if explicit:
            raise
        return None


def _doubtful(ruleset, config) -> list[str]:
    """What a valid rules file may still get wrong: rules never due, teams left as the
    importer's placeholder, teams that no config team (name or alias) receives."""
    import re

    from auditor.i18n import t

    out = [t("rules.check_no_months", id=r.id, note=r.note or "-") for r in ruleset.rules if not r.months]
    for team in dict.fromkeys(r.team for r in ruleset.rules):
        ids = [r.id for r in ruleset.rules if r.team == team]
        if re.fullmatch(r"Tim Area (?:I|II|III|IV|V|VI)", team):
            out.append(t("rules.check_placeholder_team", team=team, count=len(ids), first=ids[0]))
        elif config is not None and config.teams and config.team(team) is None:
            out.append(t("rules.check_team_unreceived", team=team, count=len(ids), first=ids[0]))
    return out


def _teams(values: list[str]) -> dict[str, str]:
    from auditor.errors import UserError
    from auditor.i18n import t

    teams: dict[str, str] = {}
    for value in values:
        area, _, name = value.partition("=")
        area = area.strip().upper()
        if area not in ("I", "II", "III", "IV", "V", "VI") or not name.strip():
            raise UserError(t("rules.import.bad_team", value=value))
        teams[area] = " ".join(name.split())
    return teams


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.errors import ExitCode
    from auditor.i18n import t
    from auditor.rules.importers import import_plan
    from auditor.rules.load import dump_rules

    result = import_plan(args.plan, office=args.office, year=args.year, source=args.source,
                         columns=args.columns, teams=_teams(args.team))
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    ruleset = result.ruleset
    unread = result.not_understood
    lines = t("rules.import.summary_lines", lines=", ".join(map(str, unread))) if unread else ""
    summary = [t("rules.import.summary", count=len(ruleset.rules), rows=result.data_rows,
                 unread=len(unread), lines=lines),
               t("rules.import.summary_columns", columns=result.columns)]
    summary += [t("rules.import.summary_assumption", text=a) for a in result.assumptions]
    if len(unread) * 3 > result.data_rows:
        print("\n".join(summary), file=sys.stderr)
        print(t("rules.import.too_many_unread", path=args.plan, unread=len(unread),
                rows=result.data_rows), file=sys.stderr)
        return int(ExitCode.USAGE)
    comment = [f"# Diimpor dari / imported from: {Path(args.plan).name}",
               f"# Kolom / columns: {result.columns}"]
    comment += [f"# Anggapan / assumption: {a}" for a in result.assumptions]
    header = "\n".join(comment) + "\n"
    if args.out:
        from dataclasses import replace

        out = Path(args.out)
        out.write_text(header + dump_rules(replace(ruleset, path=out)), encoding="utf-8")
        print(t("rules.written", path=out), file=sys.stderr)
    else:
        sys.stdout.write(header + dump_rules(ruleset))
    print(t("rules.imported", count=len(ruleset.rules), path=args.plan,
            warnings=len(result.warnings)), file=sys.stderr)
    print("\n".join(summary), file=sys.stderr)
    return 0


def _template(args: argparse.Namespace) -> int:
    import datetime
    from pathlib import Path

    from auditor.i18n import t
    from auditor.rules.importers.template import write_template

    out = Path(args.out)
    write_template(out, args.office, args.year or datetime.date.today().year)
    print(t("rules.template_written", path=out), file=sys.stderr)
    return 0
