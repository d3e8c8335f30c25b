"""One message table for everything a user reads, in Bahasa Indonesia (default) and English.

Catalogues live in ``auditor/messages/*.yaml``, one per pipeline stage, each mapping a
message key to ``{id: ..., en: ...}``. They are merged once at first use.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources

import yaml

# libyaml's loader when PyYAML was built with it: ten times faster at start-up.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for entry in sorted(resources.files("auditor.messages").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        table = yaml.load(entry.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        for key, texts in table.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({entry.name})")
            merged[key] = texts
    return merged


_explicit: str | None = None  # --lang on the command line
_configured: str | None = None  # `language:` of the config in use


def set_language(explicit: str | None = None, configured: str | None = None) -> None:
    """Choose the message language: --lang wins over the config, which wins over $ZI_LANG."""
    global _explicit, _configured
    _explicit, _configured = explicit, configured


def use_config_language(configured: str | None) -> None:
    """Called once a config is loaded; --lang, when given, still wins."""
    global _configured
    _configured = configured


def default_language() -> str:
    for lang in (_explicit, _configured, os.environ.get("ZI_LANG")):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def t(message_key: str, /, lang: str | None = None, **values: object) -> str:
    """The message ``message_key`` in ``lang`` with ``values`` filled in."""
    lang = lang or default_language()
    texts = _catalogue().get(message_key)
    if texts is None:
        raise KeyError(f"unknown message key {message_key!r}")
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def has(key: str) -> bool:
    return key in _catalogue()
