"""`zi-auditor init-tree ROOT`: create the folder of every rule (area / item / rule)."""

from __future__ import annotations

import argparse

from auditor.commands._options import add_config
from auditor.i18n import t

ORDER = 25


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "init-tree", help=t("cli.init_tree.init_tree.help"),
        description=t("cli.init_tree.init_tree.description"),
    )
    parser.add_argument("root", metavar="ROOT", help=t("cli.init_tree.root.help"))
    parser.add_argument("--rules", action="append", metavar="FILE",
                        help=t("cli.init_tree.rules.help"))
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
