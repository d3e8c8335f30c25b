"""Argument parsing and wiring only: every command lives in ``auditor.commands.<name>``.

Each command module has ``ORDER`` (its place in ``--help``) and ``register(subparsers)``,
which adds its parser with ``set_defaults(handler=...)``; a handler takes the parsed
arguments and returns an exit code. Command modules import heavy libraries inside their
handlers, so that ``zi-auditor --help`` and a warm scan start fast.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from auditor import __version__, argframe, commands
from auditor.errors import ExitCode, UserError
from auditor.i18n import LANGUAGES, set_language, t

# When the program ends, CPython's last garbage collection goes over every object still alive
# (after a scan of 10 000 files: 40-80 ms of a one-second run) only to find them all still
# referenced; atexit runs before it. Every exit handler still runs (logging's flushes the log
# file), and what is freed by its last reference (open files) is still freed as modules go.
atexit.register(gc.freeze)


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language chosen now (``set_language`` before calling)."""
    argframe.install()
    parser = argparse.ArgumentParser(
        prog="zi-auditor",
        description=t("cli.program.description"),
    )
    parser.add_argument("--version", action="version", version=f"zi-auditor {__version__}",
                        help=t("cli.frame.version"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=t("cli.frame.lang"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.frame.commands"))
    modules = [  # _options and the like are helpers, not commands
        importlib.import_module(f"auditor.commands.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_")
    ]
    for module in sorted(modules, key=lambda m: getattr(m, "ORDER", 100)):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # --lang may stand anywhere ("scan --lang en"); it is read first so that --help and
    # usage errors already speak the chosen language.
    lang, rest, bad_lang = argframe.take_lang(sys.argv[1:] if argv is None else argv)
    set_language(explicit=lang)
    parser = build_parser()
    if bad_lang is not None:
        set_language()
        parser.error(t("cli.bad_lang", value=bad_lang))
    try:
        args = parser.parse_args(rest)
    except SystemExit:
        set_language()
        raise
    args.lang = lang
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
