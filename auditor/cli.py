"""Argument parsing and wiring only: every command lives in ``auditor.commands.<name>``.

Each command module has ``ORDER`` (its place in ``--help``) and ``register(subparsers)``,
which adds its parser with ``set_defaults(handler=...)``; a handler takes the parsed
arguments and returns an exit code. Command modules import heavy libraries inside their
handlers, so that ``zi-auditor --help`` and a warm scan start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from auditor import __version__, commands
from auditor.errors import ExitCode, UserError
from auditor.i18n import LANGUAGES, set_language, t


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zi-auditor",
        description=(
            "Memeriksa bukti fisik Zona Integritas (WBK/WBBM) terhadap Rencana Aksi dan "
            "menulis laporan kekurangan per bulan dan per Tim. / Checks Zona Integritas "
            "evidence against the action plan and writes a monthly gap report per team."
        ),
    )
    parser.add_argument("--version", action="version", version=f"zi-auditor {__version__}")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None,
        help="bahasa pesan / message language (id, en); default: config or 'id'",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [
        importlib.import_module(f"auditor.commands.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
    ]
    for module in sorted(modules, key=lambda m: getattr(m, "ORDER", 100)):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(explicit=args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return ExitCode.USAGE
    try:
        return int(handler(args))
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the user never sees a traceback
        if "ZI_DEBUG" in os.environ:
            raise
        print(t("cli.internal_error", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return int(ExitCode.INTERNAL)
    finally:
        set_language()  # --lang and the config's language hold for this call only
