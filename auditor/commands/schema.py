"""`zi-auditor schema report`: print the JSON Schema of gap-report.json (package data), so a
province roll-up or a dashboard can validate the reports it reads."""

from __future__ import annotations

import argparse
import sys

ORDER = 95
SCHEMAS = {"report": "gap-report.schema.json"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schema", help="cetak JSON Schema laporan / print the JSON Schema of a contract",
        description=("Mencetak JSON Schema gap-report.json (schema_version ada di dalamnya), "
                     "untuk program lain yang membaca laporan."),
    )
    parser.add_argument("name", choices=sorted(SCHEMAS), help="report: gap-report.json")
    parser.set_defaults(handler=_schema)


def schema_text(name: str) -> str:
    from importlib import resources

    return resources.files("auditor.report").joinpath(SCHEMAS[name]).read_text(encoding="utf-8")


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.name))
    return 0
