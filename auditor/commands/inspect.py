"""`zi-auditor inspect [--json] PATH...`: what the auditor reads in each file."""

from __future__ import annotations

import argparse

from auditor.commands._options import year_value
from auditor.i18n import t

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "inspect",
        help=t("cli.inspect.inspect.help"),
        description=(
            t("cli.inspect.inspect.description")),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=t("cli.inspect.paths.help"))
    parser.add_argument("--json", action="store_true",
                        help=t("cli.inspect.json.help"))
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help=t("cli.inspect.workers.help"))
    parser.add_argument("--timeout", type=float, default=20.0, metavar="S",
                        help=t("cli.inspect.timeout.help"))
    parser.add_argument("--max-mb", type=float, default=50.0, metavar="M",
                        help=t("cli.inspect.max_mb.help"))
    parser.add_argument("--year", "-y", type=year_value, default=None, metavar="Y",
                        help=t("cli.inspect.year.help"))
    parser.add_argument("--no-ocr", action="store_true",
                        help=t("cli.inspect.no_ocr.help"))
    parser.set_defaults(handler=_handle)


def _expand(raw: list[str]) -> list[str]:
    """Files as given; a folder gives its files, sorted, recursively."""
    import os
    from pathlib import Path

    out: list[str] = []
    for item in raw:
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out.extend(os.path.join(root, f) for f in sorted(files))
        else:
            out.append(item)
    return out


def _handle(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from auditor.errors import UserError
    from auditor.fsnames import shown as printable
    from auditor.i18n import t
    from auditor.inspect.facts import Limits
    from auditor.inspect.run import inspect_paths

    if not args.paths:
        raise UserError(t("inspect.cli_no_paths"))
    for option, value in (("--workers", args.workers), ("--timeout", args.timeout), ("--max-mb", args.max_mb)):
        if value <= 0:
            raise UserError(t("inspect.cli_bad_number", option=option, got=value))
    limits = Limits(timeout_seconds=args.timeout, max_bytes=int(args.max_mb * 1024 * 1024), ocr=not args.no_ocr)
    paths = _expand(args.paths)
    # as given, except bytes that are not UTF-8 (\xNN): the output stays valid JSON text
    shown = dict(zip((Path(p) for p in paths), map(printable, paths), strict=True))
    results = inspect_paths([Path(p) for p in paths], limits=limits, year=args.year,
                            workers=args.workers, display=lambda p: shown.get(p, str(p)))
    if args.json:
        for facts in results:
            sys.stdout.write(json.dumps(facts.to_json(), ensure_ascii=False) + "\n")
        return 0
    print(t("inspect.cli_header"))
    for f in results:
        signed = "-" if f.signed is None else ("ya" if f.signed else "tidak")
        print(" | ".join([f.path, f.format, f.date or "-", f.date_source or "-", signed,
                          f.signature or "-", f.error or ""]).rstrip(" |"))
    return 0
