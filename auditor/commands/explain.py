"""`zi-auditor explain PATH`: why one file counts for the bukti fisik it does, or for none."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config
from auditor.i18n import t

ORDER = 28


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "explain", help=t("cli.explain.explain.help"),
        description=t("cli.explain.explain.description"),
    )
    parser.add_argument("path", metavar="PATH", help=t("cli.explain.path.help"))
    add_config(parser)
    parser.set_defaults(handler=_explain)


def _explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.errors import UserError
    from auditor.fsnames import shown
    from auditor.i18n import t
    from auditor.inspect.facts import Limits
    from auditor.inspect.run import inspect_paths
    from auditor.scan.explain import explain_file
    from auditor.scan.folder_map import context, folder_map_of
    from auditor.scan.match import RuleIndex

    config, ruleset, year = context(args.config)
    root = config.evidence_root.resolve()
    given = Path(args.path)
    path = given if given.exists() or given.is_absolute() else root / given
    if not path.is_file():
        raise UserError(t("explain.not_file", path=args.path))
    try:
        relpath = shown(path.resolve().relative_to(root).as_posix())  # as the scan names it
    except ValueError:
        raise UserError(t("explain.outside", path=args.path, root=root)) from None
    index = RuleIndex(ruleset.rules, year=year, folder_map=folder_map_of(config, ruleset.rules))
    limits = Limits(timeout_seconds=config.inspect.timeout_seconds,
                    max_bytes=int(config.inspect.max_file_mb * 1024 * 1024),
                    ocr=config.inspect.ocr)
    (facts,) = inspect_paths([path], limits=limits, year=year, workers=1)
    print("\n".join(explain_file(relpath, index, facts, year or 0)))
    return 0
