"""`zi-auditor rules list | check | import`."""

from __future__ import annotations

import argparse
import json
import sys

ORDER = 20

_RULES_HELP = "berkas aturan (boleh diulang; default: dari konfigurasi, atau aturan bawaan) / rules file"
_CONFIG_HELP = "berkas konfigurasi yang aturannya dipakai / config whose rules to use"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rules", help="lihat, periksa atau buat aturan audit dari Rencana Aksi / rules",
        description="Aturan audit: satu aturan per butir bukti fisik Rencana Aksi. "
                    "(Audit rules: one per bukti fisik item of the action plan.)",
    )
    actions = parser.add_subparsers(dest="rules_action", metavar="ACTION", required=True)

    show = actions.add_parser(
        "list", help="tampilkan aturan / list the rules",
        description="Menampilkan setiap aturan: id, bulan jatuh tempo, tim, bukti fisik. "
                    "--json mencetak semua kolom untuk program lain. (Lists every rule; --json for programs.)",
    )
    show.add_argument("--json", action="store_true", help="cetak JSON / print JSON")
    show.add_argument("--rules", action="append", metavar="FILE", help=_RULES_HELP)
    show.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
    show.set_defaults(handler=_list)

    check = actions.add_parser(
        "check", help="periksa berkas aturan; galat menyebut baris dan kunci / validate rules",
        description="Memeriksa berkas aturan. Keluar 0 bila sah, 2 bila ada galat "
                    "(berkas:baris: 'kunci': pesan). (Exit 0 when valid, 2 with located errors.)",
    )
    check.add_argument("files", nargs="*", metavar="FILE",
                       help="berkas aturan (default: dari konfigurasi, atau aturan bawaan) / rules files")
    check.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
    check.set_defaults(handler=_check)

    imp = actions.add_parser(
        "import", help="buat berkas aturan dari Rencana Aksi (.txt, .docx, .xlsx) / derive rules from a plan",
        description="Menurunkan aturan dari tabel Rencana Aksi (ekspor teks, DOCX atau XLSX). Baris yang "
                    "meragukan dilaporkan satu per satu (berkas:baris: keanehan; anggapan) dan dicatat di "
                    "'note' aturannya. Periksa hasilnya sebelum dipakai. (Warnings go to stderr, one per "
                    "doubtful row; read the result before use.)",
    )
    imp.add_argument("plan", metavar="PLAN", help="berkas Rencana Aksi / the plan file")
    imp.add_argument("--out", "-o", metavar="FILE", help="tulis ke berkas ini (default: layar) / output file")
    imp.add_argument("--office", metavar="NAMA", help="nama satuan kerja (default: dari judul rencana)")
    imp.add_argument("--year", type=int, metavar="TAHUN", help="tahun rencana (default: dari judul rencana)")
    imp.add_argument("--source", metavar="TEKS", help="sumber yang dicatat di berkas (default: nama berkas)")
    imp.set_defaults(handler=_import)


def _list(args: argparse.Namespace) -> int:
    from auditor.i18n import t
    from auditor.rules.load import load_rulesets
    from auditor.rules.source import rules_paths

    ruleset = load_rulesets(rules_paths(args.rules, args.config))
    if args.json:
        json.dump([r.to_json() for r in ruleset.rules], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(t("rules.list_header", count=len(ruleset.rules), office=ruleset.office, year=ruleset.year))
    for rule in ruleset.rules:
        months = ",".join(str(m) for m in rule.months) or "-"
        print(f"{rule.id:<8} {months:<12} {rule.team:<40} {rule.evidence[:70]}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from auditor.i18n import t
    from auditor.rules.load import load_rules, load_rulesets
    from auditor.rules.source import rules_paths

    paths = rules_paths(args.files, args.config)
    for path in paths:
        print(t("rules.valid", path=path, count=len(load_rules(path).rules)))
    if len(paths) > 1:
        load_rulesets(paths)
    return 0


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.i18n import t
    from auditor.rules.importers import import_plan
    from auditor.rules.load import dump_rules

    result = import_plan(args.plan, office=args.office, year=args.year, source=args.source)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    ruleset = result.ruleset
    if args.out:
        from dataclasses import replace

        out = Path(args.out)
        out.write_text(dump_rules(replace(ruleset, path=out)), encoding="utf-8")
        print(t("rules.written", path=out), file=sys.stderr)
    else:
        sys.stdout.write(dump_rules(ruleset))
    print(t("rules.imported", count=len(ruleset.rules), path=args.plan,
            warnings=len(result.warnings)), file=sys.stderr)
    return 0
