"""One message table for everything a user reads, in Bahasa Indonesia (default) and English.

Catalogues live in ``auditor/messages/*.yaml``, one per pipeline stage, each mapping a
message key to ``{id: ..., en: ...}``. They are merged once at first use.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources

import yaml

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for entry in sorted(resources.files("auditor.messages").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        table = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        for key, texts in table.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({entry.name})")
            merged[key] = texts
    return merged


def default_language() -> str:
    lang = os.environ.get("ZI_LANG", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in."""
    lang = lang or default_language()
    texts = _catalogue().get(key)
    if texts is None:
        raise KeyError(f"unknown message key {key!r}")
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def has(key: str) -> bool:
    return key in _catalogue()
