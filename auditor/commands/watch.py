"""`zi-auditor watch`: re-audit soon after files change in the evidence tree."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config
from auditor.i18n import t

ORDER = 61


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "watch", help=t("cli.watch.watch.help"),
        description=(
            t("cli.watch.watch.description")),
    )
    add_config(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--polling", action="store_true", default=None,
                      help=t("cli.watch.polling.help"))
    mode.add_argument("--native", dest="polling", action="store_false",
                      help=t("cli.watch.native.help"))
    parser.add_argument("--debounce", type=float, metavar="DTK",
                        help=t("cli.watch.debounce.help"))
    parser.add_argument("--interval", type=float, default=2.0, metavar="DTK",
                        help=t("cli.watch.interval.help"))
    parser.add_argument("--no-log-file", action="store_true",
                        help=t("cli.watch.no_log_file.help"))
    parser.set_defaults(handler=_watch)


def _watch(args: argparse.Namespace) -> int:
    import signal
    import threading

    from auditor.config import find_config, load_config
    from auditor.errors import ExitCode, UserError
    from auditor.i18n import t
    from auditor.pipeline import ScanOptions
    from auditor.run.job import run_once, setup_logging
    from auditor.run.watch import Watcher

    config = load_config(find_config(args.config))
    if not config.evidence_root.is_dir():
        raise UserError(t("run.watch.root_missing", root=config.evidence_root),
                        ExitCode.ROOT_UNAVAILABLE)
    setup_logging(config, log_file=not args.no_log_file)

    def audit(paths):  # noqa: ANN001 - Sequence[Path] | None
        run_once(config, ScanOptions(quiet=True, lock_wait_seconds=600, changed_paths=paths))

    polling = args.polling if args.polling is not None else (config.watch.polling or None)
    debounce = args.debounce if args.debounce is not None else config.watch.debounce_seconds
    watcher = Watcher(config.evidence_root, audit, polling=polling, debounce_seconds=debounce,
                      poll_interval=args.interval, ignore=[config.state_dir, config.reports_dir],
                      lang=config.language,
                      judged_by=[p for p in (config.corrections, config.folder_map) if p])
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set())
                for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        watcher.start()
        audit(None)  # bring the reports up to date before waiting for changes
        stop.wait()
    finally:
        watcher.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
