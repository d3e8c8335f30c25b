"""Fixtures shared across stages: small, generic builders only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from auditor.i18n import set_language
from auditor.rules.model import Part, Rule


@pytest.fixture(autouse=True)
def _default_language(monkeypatch: pytest.MonkeyPatch):
    """Every test starts in Indonesian, the default: a `--lang en` run or a config with
    `language: en` (which sets the language of the process) never leaks into the next."""
    monkeypatch.delenv("ZI_LANG", raising=False)
    set_language()
    yield
    set_language()

MEETING_PARTS = (
    Part("undangan", "Undangan", name_words=("undangan", "und"), signed_required=True),
    Part("daftar_hadir", "Daftar hadir", name_words=("daftar hadir", "dh"),
         text_words=("daftar hadir",)),
    Part("dokumentasi", "Dokumentasi", name_words=("foto", "dokumentasi")),
)


def build_rule(rule_id: str = "I.3.1", *, months: tuple[int, ...] = (5,),
               parts: tuple[Part, ...] = MEETING_PARTS, **extra: Any) -> Rule:
    area, item, _ = rule_id.split(".")
    values: dict[str, Any] = {
        "id": rule_id, "area": area, "area_name": "Manajemen Perubahan", "item": int(item),
        "item_name": "Pemantauan dan Evaluasi", "indicator": "", "action": "",
        "evidence": "Undangan, Daftar hadir dan Dokumentasi Rapat Evaluasi ZI",
        "team": "Tim Manajemen Perubahan", "months": months, "parts": parts,
        "patterns": (f"**/{rule_id}*/**",),
        "folder": f"I Manajemen Perubahan/{item} Pemantauan/{rule_id} Rapat Evaluasi ZI",
        "subject": "Rapat Evaluasi ZI",
    }
    values.update(extra)
    return Rule(**values)


@pytest.fixture
def make_rule() -> Callable[..., Rule]:
    """A rule built from keyword overrides (defaults: a meeting with three parts, due May)."""
    return build_rule
