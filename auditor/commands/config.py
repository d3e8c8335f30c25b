"""`zi-auditor config validate | generate`."""

from __future__ import annotations

import argparse
import sys

from auditor.commands._options import add_config
from auditor.i18n import t

ORDER = 50


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "config", help=t("cli.config.config.help"),
        description=t("cli.config.config.description"),
    )
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "validate", help=t("cli.config.validate.help"),
        description=(
            t("cli.config.validate.description")),
    )
    check.add_argument("--config", "-c", metavar="FILE", help=t("cli.config.config.help2"))
    check.add_argument("file", nargs="?", metavar="FILE", help=t("cli.config.file.help"))
    check.set_defaults(handler=_validate)
    gen = actions.add_parser(
        "generate", help=t("cli.config.generate.help"),
        description=t("cli.config.generate.description"),
    )
    gen.add_argument("--out", "-o", metavar="FILE", help=t("cli.config.out.help"))
    gen.set_defaults(handler=_generate)
    timer = actions.add_parser(
        "timer", help=t("cli.config_timer.help"), description=t("cli.config_timer.description"))
    add_config(timer)
    timer.set_defaults(handler=_timer)


def _validate(args: argparse.Namespace) -> int:
    from auditor.config import find_config
    from auditor.config.validate import check_setup
    from auditor.i18n import t

    path = find_config(args.file or args.config)
    check_setup(path)
    print(t("config.valid", path=path))
    return 0


def _timer(args: argparse.Namespace) -> int:
    from auditor.config import find_config, load_config
    from auditor.run.timer import timer_unit

    sys.stdout.write(timer_unit(load_config(find_config(args.config))))
    return 0


def _generate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.config.generate import generate

    text = generate()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
