"""`zi-auditor rules list | check | import | template`."""

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
                    "(berkas:baris: 'kunci': pesan). Yang sah tetapi meragukan disebut: aturan tanpa bulan, "
                    "tim sementara 'Tim Area I' dari impor, tim yang tidak disebut di teams: konfigurasi. "
                    "(Exit 0 when valid, 2 with located errors; doubtful things are named.)",
    )
    check.add_argument("files", nargs="*", metavar="FILE",
                       help="berkas aturan (default: dari konfigurasi, atau aturan bawaan) / rules files")
    check.add_argument("--config", "-c", metavar="FILE", help=_CONFIG_HELP)
    check.set_defaults(handler=_check)

    imp = actions.add_parser(
        "import", help="buat berkas aturan dari Rencana Aksi (.txt, .csv, .docx, .xlsx, .pdf) / derive rules from a plan",
        description="Menurunkan aturan dari tabel Rencana Aksi kantor mana pun (teks, CSV, DOCX, XLSX, atau PDF "
                    "yang punya lapisan teks). Kolom dikenali dari judulnya (NO, KOMPONEN, INDIKATOR, LANGKAH "
                    "AKSI, BUKTI FISIK, bulan atau KURUN WAKTU, PENANGGUNG JAWAB…). Baris yang meragukan "
                    "dilaporkan satu per satu (berkas:baris: keanehan; anggapan) dan dicatat di 'note' aturannya; "
                    "ringkasan di akhir menyebut baris yang tidak dipahami dan setiap anggapan. Keluar 2 bila tabel "
                    "tidak ditemukan atau lebih dari sepertiga baris tidak dipahami. (Reads any office's plan by "
                    "its header; warnings and a summary go to stderr.)",
    )
    imp.add_argument("plan", metavar="PLAN", help="berkas Rencana Aksi / the plan file")
    imp.add_argument("--out", "-o", metavar="FILE", help="tulis ke berkas ini (default: layar) / output file")
    imp.add_argument("--office", metavar="NAMA", help="nama satuan kerja (default: dari judul rencana)")
    imp.add_argument("--year", type=int, metavar="TAHUN", help="tahun rencana (default: dari judul rencana)")
    imp.add_argument("--source", metavar="TEKS", help="sumber yang dicatat di berkas (default: nama berkas)")
    imp.add_argument("--columns", metavar="PETA",
                     help="tentukan kolom sendiri, mis. \"evidence=D,months=F,team=G\" (months=F-Q untuk 12 kolom "
                          "bulan; peran: no, area, indicator, action, evidence, months, team, ignore) / column map")
    imp.add_argument("--team", action="append", metavar="AREA=TIM", default=[],
                     help="tim suatu area bila rencana tidak menyebutnya, mis. \"I=Tim Manajemen Perubahan\" "
                          "(boleh diulang) / the team of an area")
    imp.set_defaults(handler=_import)

    template = actions.add_parser(
        "template", help="tulis templat Rencana Aksi XLSX kosong / write an empty plan template",
        description="Menulis Rencana Aksi kosong (XLSX) dengan tata letak yang paling mudah dibaca importir: "
                    "judul kolom, satu contoh baris per area, pilihan √ di sel bulan, dan lembar 'Petunjuk' yang "
                    "menjelaskan setiap kolom. (An empty plan in the layout the importer reads best.)",
    )
    template.add_argument("--out", "-o", metavar="FILE", default="rencana-aksi.xlsx",
                          help="berkas XLSX yang ditulis (default: rencana-aksi.xlsx) / output file")
    template.add_argument("--office", metavar="NAMA", default="NAMA KANTOR", help="nama kantor di judul")
    template.add_argument("--year", type=int, metavar="TAHUN", help="tahun rencana di judul (default: tahun ini)")
    template.set_defaults(handler=_template)


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
    ruleset = load_rulesets(paths) if len(paths) > 1 else load_rules(paths[0])
    for line in _doubtful(ruleset, _config_for_teams(args.config)):
        print(line)
    return 0


def _config_for_teams(explicit: str | None):
    """The config whose teams receive the rules' gaps, when there is one."""
    from auditor.config.load import find_config, load_config
    from auditor.errors import ConfigError

    try:
        return load_config(find_config(explicit))
    except ConfigError:
        if explicit:
            raise
        return None


def _doubtful(ruleset, config) -> list[str]:
    """What a valid rules file may still get wrong: rules never due, teams left as the
    importer's placeholder, teams that no config team (name or alias) receives."""
    import re

    from auditor.i18n import t

    out = [t("rules.check_no_months", id=r.id, note=r.note or "-") for r in ruleset.rules if not r.months]
    for team in dict.fromkeys(r.team for r in ruleset.rules):
        ids = [r.id for r in ruleset.rules if r.team == team]
        if re.fullmatch(r"Tim Area (?:I|II|III|IV|V|VI)", team):
            out.append(t("rules.check_placeholder_team", team=team, count=len(ids), first=ids[0]))
        elif config is not None and config.teams and config.team(team) is None:
            out.append(t("rules.check_team_unreceived", team=team, count=len(ids), first=ids[0]))
    return out


def _teams(values: list[str]) -> dict[str, str]:
    from auditor.errors import UserError
    from auditor.i18n import t

    teams: dict[str, str] = {}
    for value in values:
        area, _, name = value.partition("=")
        area = area.strip().upper()
        if area not in ("I", "II", "III", "IV", "V", "VI") or not name.strip():
            raise UserError(t("rules.import.bad_team", value=value))
        teams[area] = " ".join(name.split())
    return teams


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.errors import ExitCode
    from auditor.i18n import t
    from auditor.rules.importers import import_plan
    from auditor.rules.load import dump_rules

    result = import_plan(args.plan, office=args.office, year=args.year, source=args.source,
                         columns=args.columns, teams=_teams(args.team))
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    ruleset = result.ruleset
    unread = result.not_understood
    lines = t("rules.import.summary_lines", lines=", ".join(map(str, unread))) if unread else ""
    summary = [t("rules.import.summary", count=len(ruleset.rules), rows=result.data_rows,
                 unread=len(unread), lines=lines),
               t("rules.import.summary_columns", columns=result.columns)]
    summary += [t("rules.import.summary_assumption", text=a) for a in result.assumptions]
    if len(unread) * 3 > result.data_rows:
        print("\n".join(summary), file=sys.stderr)
        print(t("rules.import.too_many_unread", path=args.plan, unread=len(unread),
                rows=result.data_rows), file=sys.stderr)
        return int(ExitCode.USAGE)
    comment = [f"# Diimpor dari / imported from: {Path(args.plan).name}",
               f"# Kolom / columns: {result.columns}"]
    comment += [f"# Anggapan / assumption: {a}" for a in result.assumptions]
    header = "\n".join(comment) + "\n"
    if args.out:
        from dataclasses import replace

        out = Path(args.out)
        out.write_text(header + dump_rules(replace(ruleset, path=out)), encoding="utf-8")
        print(t("rules.written", path=out), file=sys.stderr)
    else:
        sys.stdout.write(header + dump_rules(ruleset))
    print(t("rules.imported", count=len(ruleset.rules), path=args.plan,
            warnings=len(result.warnings)), file=sys.stderr)
    print("\n".join(summary), file=sys.stderr)
    return 0


def _template(args: argparse.Namespace) -> int:
    import datetime
    from pathlib import Path

    from auditor.i18n import t
    from auditor.rules.importers.template import write_template

    out = Path(args.out)
    write_template(out, args.office, args.year or datetime.date.today().year)
    print(t("rules.template_written", path=out), file=sys.stderr)
    return 0
