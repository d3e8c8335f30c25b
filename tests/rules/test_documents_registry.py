"""The documents registry is the one home of kinds and formats: the rules schema that checks
an office's rules file must accept exactly the kinds and formats the registry knows, a
word an office adds to a kind in its rules file must reach the scan, and the ways offices
write a kind's words are the registry's alone."""

from __future__ import annotations

from pathlib import Path

import yaml

from auditor.documents.formats import FAMILIES
from auditor.documents.kinds import KIND_NAMES, KINDS, variants
from auditor.rules.load import load_rules
from auditor.scan.fuzzy_words import SYNONYMS
from auditor.scan.match import part_by_name

SCHEMA = Path(__file__).resolve().parents[2] / "auditor" / "rules" / "schema.yaml"


def test_the_rules_schema_knows_exactly_the_registrys_kinds_and_formats() -> None:
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    part = schema["$defs"]["part"]["properties"]
    assert part["kind"]["enum"] == list(KIND_NAMES)
    assert list(schema["properties"]["kinds"]["properties"]) == list(KIND_NAMES)
    assert schema["$defs"]["formats"]["items"]["enum"] == list(FAMILIES)


def test_every_kind_accepts_only_known_formats_and_names_an_example_or_its_label() -> None:
    for kind in KINDS.values():
        assert set(kind.formats) <= set(FAMILIES), kind.name
        assert kind.name_words and set(kind.generic_words) <= {w for n in kind.name_words for w in n.split()}


def test_a_word_an_office_adds_to_a_kind_in_its_rules_file_reaches_the_scan(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "office: Kantor Uji\nyear: 2022\nsource: uji\nteams: [Tim A]\n"
        "kinds:\n  daftar_hadir: {name_words: [daftar hadir, dh, kehadiran peserta]}\n"
        "rules:\n- id: I.1.1\n  area: I\n  area_name: Manajemen Perubahan\n  item: 1\n  item_name: Tim\n"
        "  indicator: x\n  action: x\n  evidence: Undangan dan daftar hadir rapat\n  team: Tim A\n"
        "  months: [5]\n  folder: I/Rapat\n  patterns: ['I/Rapat/**']\n"
        "  parts:\n  - {kind: undangan, label: Undangan}\n  - {kind: daftar_hadir, label: Daftar hadir}\n",
        encoding="utf-8")
    rule = load_rules(rules).rules[0]
    assert part_by_name(rule, "Kehadiran Peserta 13 Mei.pdf").kind == "daftar_hadir"
    assert part_by_name(rule, "Surat Undangan Rapat.pdf").kind == "undangan"  # the registry's own words


def test_the_ways_to_write_a_kind_of_document_are_the_registrys_alone() -> None:
    """Each spelling in the registry reads as a word of its own kind, and no word the tolerant
    matcher reads names with says a kind of document unless the registry gave it."""
    for kind in KINDS.values():
        for written, word in kind.variants:
            assert word in (*kind.name_words, *kind.plan_words), (kind.name, written, word)
    kind_words = {w for kind in KINDS.values() for w in (*kind.name_words, *kind.plan_words)}
    registry = variants()
    elsewhere = {written: word for written, word in SYNONYMS.items()
                 if written not in registry and (written in kind_words or word in kind_words)}
    assert elsewhere == {}
