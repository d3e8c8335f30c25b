"""`zi-auditor rollup DIR…`: the province roll-up of the offices' published reports
(DuckDB file, rollup.html, rollup.xlsx). See docs/rollup.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from auditor.i18n import t

ORDER = 80
STALE_DAYS = 45


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rollup", help=t("cli.rollup.rollup.help"),
        description=(
            t("cli.rollup.rollup.description")),
    )
    parser.add_argument("dirs", nargs="+", metavar="DIR", help=t("cli.rollup.dirs.help"))
    parser.add_argument("--out", "-o", metavar="DIR", default=".",
                        help=t("cli.rollup.out.help"))
    parser.add_argument("--db", metavar="FILE", default=None,
                        help=t("cli.rollup.db.help"))
    parser.add_argument("--stale-days", type=int, default=STALE_DAYS, metavar="N",
                        help=f"kantor tanpa laporan baru selama N hari disebut (default {STALE_DAYS})")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", default=None,
                        help=t("cli.rollup.as_of.help"))
    parser.set_defaults(handler=_rollup)


def _rollup(args: argparse.Namespace) -> int:
    import sys
    from datetime import date

    import duckdb

    from auditor.errors import ExitCode, UserError
    from auditor.i18n import default_language, t
    from auditor.report.atomic import atomic_write
    from auditor.rollup.load import load
    from auditor.rollup.page import province_view, render_page
    from auditor.rollup.xlsx import render_xlsx

    lang = default_language()
    dirs = [Path(d) for d in args.dirs]
    for d in dirs:
        if not d.is_dir():
            raise UserError(t("rollup.no_dir", path=d))
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        raise UserError(t("audit.bad_as_of", value=args.as_of)) from None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db_path = Path(args.db) if args.db else out / "rollup.duckdb"
    try:
        result = load(dirs, db_path, lang)
        view = province_view(db_path, lang, as_of, args.stale_days, result.skipped)
    except ValueError:
        raise UserError(t("rollup.db_foreign", path=db_path)) from None
    except duckdb.Error as exc:  # another program holds the file, or the disk refuses
        busy = "lock" in str(exc).lower()
        raise UserError(t("rollup.db_busy", path=db_path, reason=exc),
                        ExitCode.BUSY if busy else ExitCode.WRITE_FAILED) from None
    page, book = out / "rollup.html", out / "rollup.xlsx"
    atomic_write(page, render_page(view))
    atomic_write(book, render_xlsx(view))
    for s in result.skipped:
        print(t("rollup.skipped_line", path=s.path, reason=s.reason), file=sys.stderr)
    for o in view.stale:
        print(t("rollup.stale_line", days=view.stale_days, name=o.name, office=o.office,
                period=f"{o.year:04d}-{o.month:02d}"))
    print(t("rollup.done", loaded=len(result.loaded), unchanged=result.unchanged,
            skipped=len(result.skipped), paths=f"{page}, {book}, {db_path}"))
    return 0
