"""Which rules files a command uses: --rules, else the config's, else the shipped seed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from auditor.errors import ConfigError


def rules_paths(rules: Sequence[str] | None, config: str | None) -> list[Path]:
    """``--rules`` files; else the rules of the config found (``--config``, $ZI_CONFIG,
    ./config.yaml); else the seed ruleset shipped in the package (auditor/rules/)."""
    from auditor.config.load import SEED_RULES, find_config, load_config

    if rules:
        return [Path(r) for r in rules]
    try:
        path = find_config(config)
    except ConfigError:
        if config:
            raise
        return [SEED_RULES]
    loaded = load_config(path)
    from auditor.i18n import use_config_language

    use_config_language(loaded.language)
    return list(loaded.rules)
