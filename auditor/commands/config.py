"""`zi-auditor config validate | generate`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    gen.add_argument("--force", action="store_true", help=t("cli.config.force.help"))
    gen.set_defaults(handler=_generate)
    timer = actions.add_parser(
        "timer", help=t("cli.config_timer.help"), description=t("cli.config_timer.description"))
    add_config(timer)
    timer.add_argument("--out", "-o", metavar="FILE", help=t("cli.config_timer.out.help"))
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

    text = timer_unit(load_config(find_config(args.config)))
    if not args.out:
        sys.stdout.write(text)
        return 0
    _write_out(Path(args.out), text, replace=True)  # a timer is made again when the hour moves
    print(t("config.out.timer_next", unit=Path(args.out).name))
    return 0


def _generate(args: argparse.Namespace) -> int:
    from auditor.config.generate import generate

    text = generate()
    if args.out:
        _write_out(Path(args.out), text, replace=args.force)
    else:
        sys.stdout.write(text)
    return 0


def _write_out(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` to ``path`` whole or not at all (a failed run never leaves an empty
    file, which systemd would read as a masked unit); an existing file only when ``replace``:
    a config someone edited is never overwritten by a fresh example."""
    from auditor.errors import ExitCode, UserError
    from auditor.report.atomic import atomic_write, write_new

    try:
        if replace:
            atomic_write(path, text)
        else:
            write_new(path, text)
    except FileExistsError:
        raise UserError(t("config.out.exists", path=path)) from None
    except OSError as exc:
        raise UserError(t("config.out.unwritable", path=path, reason=exc.strerror or exc),
                        ExitCode.WRITE_FAILED) from None
    print(t("config.out.written", path=path))
