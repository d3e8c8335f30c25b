"""`zi-auditor schema report`: print the JSON Schema of gap-report.json (package data), so a
province roll-up or a dashboard can validate the reports it reads."""

from __future__ import annotations

import argparse
import sys

from auditor.i18n import t
from auditor.report.schema import SCHEMAS, schema_text

ORDER = 95


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schema", help=t("cli.schema.schema.help"),
        description=(t("cli.schema.schema.description")),
    )
    parser.add_argument("name", choices=sorted(SCHEMAS), help=t("cli.schema.name.help"))
    parser.set_defaults(handler=_schema)


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.name))
    return 0
