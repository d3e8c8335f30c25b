"""The options several commands share, spelled and explained the same way everywhere."""

from __future__ import annotations

import argparse

from auditor.i18n import t


def month_value(text: str) -> int:
    """``--month``: 1-12 or a month's name in Indonesian or English ("Mei", "may", "juni")."""
    word = text.strip().lower()
    if word.isdigit():
        month: int | None = int(word)
    else:  # the one table of month names (not the date reader: its import costs 30 ms)
        from auditor.months import MONTHS

        month = MONTHS.get(word)
    if month is None or not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(t("cli.bad_month", value=text))
    return month


def year_value(text: str) -> int:
    """``--year``: a four-digit year."""
    word = text.strip()
    if not (word.isdigit() and len(word) == 4):
        raise argparse.ArgumentTypeError(t("cli.bad_year", value=text))
    return int(word)


def add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", "-c", metavar=t("cli.metavar.file"), help=t("cli.opt.config"))


def add_month(parser: argparse.ArgumentParser, default_key: str = "cli.opt.month") -> None:
    parser.add_argument("--month", "-m", type=month_value, metavar="M", help=t(default_key))


def add_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", "-y", type=year_value, metavar="Y", help=t("cli.opt.year"))


def add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", "-o", metavar=t("cli.metavar.folder"), help=t("cli.opt.out"))
