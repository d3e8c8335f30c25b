"""`zi-auditor review`: a person has the last word — correct what the tool read of a file,
mark a file as not evidence, accept a month's evidence or declare it not applicable, list
and undo. Kept in the corrections file (config `corrections:`), never in the evidence."""

from __future__ import annotations

import argparse

from auditor.i18n import t

ORDER = 35
_CONFIG_HELP = "berkas konfigurasi (default: ./config.yaml atau $ZI_CONFIG)"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "review",
        help=t("cli.review.review.help"),
        description=(
            t("cli.review.review.description")),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def common(p: argparse.ArgumentParser, writes: bool = True) -> None:
        p.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
        if writes:
            p.add_argument("--by", metavar="NAMA", help=t("cli.review.by.help"))

    p = actions.add_parser("set", help=t("cli.review.set.help"))
    p.add_argument("path", metavar="PATH", help=t("cli.review.path.help"))
    p.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.review.date.help"))
    p.add_argument("--signed", metavar="ya|tidak", help=t("cli.review.signed.help"))
    p.add_argument("--rule", metavar="ID", help=t("cli.review.rule.help"))
    p.add_argument("--part", metavar="BAGIAN", help=t("cli.review.part.help"))
    p.add_argument("--month", type=int, metavar="M", help=t("cli.review.month.help"))
    p.add_argument("--why", metavar="ALASAN", help=t("cli.review.why.help"))
    common(p)
    p.set_defaults(handler=_set)

    p = actions.add_parser("ignore", help=t("cli.review.ignore.help"))
    p.add_argument("path", metavar="PATH")
    p.add_argument("--why", metavar="ALASAN", help=t("cli.review.why.help"))
    common(p)
    p.set_defaults(handler=_ignore)

    for name, decision, text in (
            ("accept", "accepted", t("cli.review.accept.help")),
            ("not-applicable", "not_applicable",
             t("cli.review.not_applicable.help"))):
        p = actions.add_parser(name, help=text)
        p.add_argument("rule", metavar="ID", help=t("cli.review.rule.help2"))
        p.add_argument("--month", type=int, metavar="M", required=True)
        p.add_argument("--why", metavar="ALASAN", required=True, help=t("cli.review.why.help"))
        common(p)
        p.set_defaults(handler=_decide, decision=decision)

    p = actions.add_parser("unset", help=t("cli.review.unset.help"))
    p.add_argument("target", metavar="PATH|ID")
    p.add_argument("--month", type=int, metavar="M", help=t("cli.review.month.help2"))
    common(p, writes=False)
    p.set_defaults(handler=_unset)

    p = actions.add_parser("list", help=t("cli.review.list.help"))
    p.add_argument("--team", metavar="TIM", help=t("cli.review.team.help"))
    p.add_argument("--month", type=int, metavar="M", help=t("cli.review.month.help3"))
    common(p, writes=False)
    p.set_defaults(handler=_list)


def _config(args: argparse.Namespace):  # noqa: ANN202 - Config
    from auditor.config import find_config, load_config

    return load_config(find_config(args.config))


def _rules(config):  # noqa: ANN001, ANN202 - RuleSet, imported lazily
    from auditor.rules.cache import cached_rules

    return cached_rules(list(config.rules), config.state_dir)


def _signed(value: str | None) -> bool | None:
    from auditor.errors import UserError
    from auditor.i18n import t

    if value is None:
        return None
    word = value.strip().lower()
    if word in ("ya", "y", "yes", "true", "1", "sudah"):
        return True
    if word in ("tidak", "t", "no", "n", "false", "0", "belum"):
        return False
    raise UserError(t("review.cli.bad_signed", value=value))


def _date(value: str | None) -> str | None:
    from datetime import date

    from auditor.errors import UserError
    from auditor.i18n import t

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(t("review.cli.bad_date", value=value)) from None


def _month(value: int | None) -> int | None:
    from auditor.errors import UserError
    from auditor.i18n import t

    if value is not None and not 1 <= value <= 12:
        raise UserError(t("audit.bad_month", month=value))
    return value


def _set(args: argparse.Namespace) -> int:
    from auditor.errors import UserError
    from auditor.i18n import t
    from auditor.review.edit import set_file

    fields = {"date": _date(args.date), "signed": _signed(args.signed), "rule": args.rule,
              "part": args.part, "month": _month(args.month)}
    if all(v is None for v in fields.values()):
        raise UserError(t("review.cli.nothing"))
    if (args.part or args.month) and not args.rule:
        raise UserError(t("review.part_needs_rule"))
    config = _config(args)
    print(set_file(config, args.path, fields, args.by, args.why,
                   _rules(config) if args.rule else None))
    return 0


def _ignore(args: argparse.Namespace) -> int:
    from auditor.review.edit import set_file

    print(set_file(_config(args), args.path, {"ignore": True}, args.by, args.why, None))
    return 0


def _decide(args: argparse.Namespace) -> int:
    from auditor.review.edit import decide

    config = _config(args)
    print(decide(config, args.rule, _month(args.month), args.decision, args.by, args.why,
                 _rules(config)))
    return 0


def _unset(args: argparse.Namespace) -> int:
    from auditor.errors import UserError
    from auditor.i18n import t
    from auditor.review.edit import unset_file, unset_verdict

    config = _config(args)
    if args.month is not None:
        print(unset_verdict(config, args.target, _month(args.month)))
        return 0
    try:
        print(unset_file(config, args.target))
    except UserError as exc:
        if "/" in args.target or "." not in args.target:
            raise
        raise UserError(t("review.cli.unset_usage") + "\n" + exc.message) from None
    return 0


def _list(args: argparse.Namespace) -> int:
    from auditor.review.listing import listing

    print(listing(_config(args), args.team, _month(args.month)))
    return 0
