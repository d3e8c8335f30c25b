"""`zi-auditor init-tree ROOT`: create the folder of every rule (area / item / rule)."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config

ORDER = 25


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "init-tree", help="buat folder bukti untuk setiap aturan / create the evidence folders",
        description="Membuat di ROOT folder setiap aturan (area / butir / aturan) dengan nama yang mudah "
                    "dibaca. Aman diulang: folder yang sudah ada dipakai (juga bila huruf besar/kecil, spasi "
                    "atau garis bawahnya berbeda) dan tidak ada berkas yang disentuh. Mencetak folder yang "
                    "dibuat. (Creates the folder of every rule; idempotent; never touches a file.)",
    )
    parser.add_argument("root", metavar="ROOT", help="folder induk bukti fisik / the evidence root")
    parser.add_argument("--rules", action="append", metavar="FILE",
                        help="berkas aturan (default: dari konfigurasi, atau aturan bawaan) / rules file")
    add_config(parser)
    parser.set_defaults(handler=_init_tree)


def _init_tree(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditor.errors import UserError
    from auditor.i18n import t
    from auditor.rules.load import load_rulesets
    from auditor.rules.source import rules_paths
    from auditor.rules.tree import create_tree

    ruleset = load_rulesets(rules_paths(args.rules, args.config))
    root = Path(args.root)
    result = create_tree(root, [rule.folder for rule in ruleset.rules])
    for path in result.created:
        print(t("rules.tree_created", path=path))
    print(t("rules.tree_summary", created=len(result.created), existing=result.existing, root=root))
    if result.problems:
        raise UserError("\n".join(result.problems))
    return 0
