"""`zi-auditor review`: a person has the last word — correct what the tool read of a file,
mark a file as not evidence, accept a month's evidence or declare it not applicable, list
and undo. Kept in the corrections file (config `corrections:`), never in the evidence."""

from __future__ import annotations

import argparse

ORDER = 35
_CONFIG_HELP = "berkas konfigurasi (default: ./config.yaml atau $ZI_CONFIG)"
_BY = "nama orang yang memutuskan (default: nama login) / who says so"
_WHY = "alasannya / why"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "review",
        help="koreksi bacaan alat, terima bukti, lihat siapa yang memutuskan / correct the tool",
        description=(
            "Bila alat salah membaca: koreksi tanggal, tanda tangan, bukti fisik atau bagian "
            "sebuah berkas (dikenali dari isinya, jadi tetap berlaku bila berkas dipindah atau "
            "diganti namanya), tandai berkas sebagai bukan bukti, atau terima bukti satu bulan "
            "dengan alasan. Disimpan di berkas koreksi (kunci corrections: di konfigurasi), "
            "tidak pernah di folder bukti. / When the tool is wrong: correct a file's date, "
            "signature, rule or part, ignore a file, or accept a month's evidence with a reason."),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def common(p: argparse.ArgumentParser, writes: bool = True) -> None:
        p.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
        if writes:
            p.add_argument("--by", metavar="NAMA", help=_BY)

    p = actions.add_parser("set", help="koreksi tanggal, tanda tangan, bukti fisik, bagian "
                                       "atau bulan satu berkas / correct one file")
    p.add_argument("path", metavar="PATH", help="berkas (seperti di laporan, atau jalur penuh)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal dokumen / the document's date")
    p.add_argument("--signed", metavar="ya|tidak", help="sudah ditandatangani? / signed?")
    p.add_argument("--rule", metavar="ID", help="bukti fisik, mis. I.1.4 / rule id")
    p.add_argument("--part", metavar="BAGIAN", help="bagian, mis. sk, undangan / part")
    p.add_argument("--month", type=int, metavar="M", help="bulan yang dipenuhi / month it serves")
    p.add_argument("--why", metavar="ALASAN", help=_WHY)
    common(p)
    p.set_defaults(handler=_set)

    p = actions.add_parser("ignore", help="tandai berkas sebagai bukan bukti / not evidence")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--why", metavar="ALASAN", help=_WHY)
    common(p)
    p.set_defaults(handler=_ignore)

    for name, decision, text in (
            ("accept", "accepted", "terima bukti satu bulan dengan alasan / accept a month"),
            ("not-applicable", "not_applicable",
             "nyatakan tidak berlaku bulan itu, dengan alasan / not applicable this month")):
        p = actions.add_parser(name, help=text)
        p.add_argument("rule", metavar="ID", help="bukti fisik, mis. I.1.4")
        p.add_argument("--month", type=int, metavar="M", required=True)
        p.add_argument("--why", metavar="ALASAN", required=True, help=_WHY)
        common(p)
        p.set_defaults(handler=_decide, decision=decision)

    p = actions.add_parser("unset", help="hapus koreksi (berkas, atau ID --month M) / undo")
    p.add_argument("target", metavar="PATH|ID")
    p.add_argument("--month", type=int, metavar="M", help="bersama ID: bulan keputusannya")
    common(p, writes=False)
    p.set_defaults(handler=_unset)

    p = actions.add_parser("list", help="daftar koreksi dan keputusan / list corrections")
    p.add_argument("--team", metavar="TIM", help="hanya tim ini / only this team")
    p.add_argument("--month", type=int, metavar="M", help="hanya bulan ini / only this month")
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
