"""The shipped ruleset says what the Karanganyar 2022 plan says: 96 items, their months, teams."""

from __future__ import annotations

import json

from auditor.cli import main
from auditor.rules.load import load_rules

from .conftest import SEED

TEAMS = {
    "I": "Tim Manajemen Perubahan",
    "II": "Tim Penataan Tata Laksana",
    "III": "Tim Penataan Sistem Manajemen SDM/ASN",
    "IV": "Tim Penguatan Akuntabilitas Kinerja",
    "V": "Tim Pengawasan",
    "VI": "Tim Peningkatan Kualitas Pelayanan Publik",
}


def seed_rules() -> dict:
    return load_rules(SEED).by_id()


def test_the_seed_plan_has_96_bukti_fisik_items_from_I_1_1_to_VI_3_3():
    ruleset = load_rules(SEED)
    ids = [r.id for r in ruleset.rules]
    assert len(ids) == 96 == len(set(ids))
    assert ids[0] == "I.1.1" and ids[-1] == "VI.3.3"
    per_area = {a: sum(1 for i in ids if i.split(".")[0] == a) for a in TEAMS}
    assert per_area == {"I": 22, "II": 17, "III": 14, "IV": 10, "V": 20, "VI": 13}
    assert ruleset.office == "KPU Kabupaten Karanganyar" and ruleset.year == 2022


def test_lettered_items_are_separate_rules_and_a_meeting_is_one_rule_with_three_parts():
    rules = seed_rules()
    assert [rules[f"I.1.{n}"].evidence.split()[0] for n in (1, 2, 3, 4)] == [
        "Undangan,", "Risalah", "Undangan,", "SK"]
    meeting = rules["I.1.1"]
    assert [p.kind for p in meeting.parts] == ["undangan", "daftar_hadir", "dokumentasi"]
    assert meeting.subject == "Rapat Koordinasi ZI Pembentukan Tim Kerja"
    sk = rules["I.1.4"].parts[0]
    assert sk.kind == "sk" and sk.signed_required and sk.signer == "Ketua KPU Kabupaten Karanganyar"


def test_months_are_the_plans_tick_columns():
    rules = seed_rules()
    expected = {
        "I.1.1": (5,), "I.1.4": (4,), "I.2.3": (6,), "I.2.4": (7,),
        "I.3.1": (5, 7, 10, 11), "I.3.4": (5, 7, 10, 11), "I.3.5": (6, 8, 12),
        "I.4.1": tuple(range(4, 13)), "II.1.1": (6, 7), "II.1.4": (6, 7), "II.2.8": (8,),
        "II.3.2": (2,), "II.3.3": (1,), "III.4.2": (1,), "III.6.1": tuple(range(1, 13)),
        "IV.1.3": (7,), "V.2.3": tuple(range(1, 13)), "V.4.2": (6, 8), "V.5.1": (5,),
        "V.5.4": (6,), "VI.1.4": tuple(range(1, 12)), "VI.3.2": (5,),
    }
    assert {rule_id: rules[rule_id].months for rule_id in expected} == expected


def test_rows_without_a_tick_are_due_with_their_item_and_say_so():
    rules = seed_rules()
    for rule_id, month in (("II.3.1", 1), ("VI.2.3", 2), ("VI.2.4", 2), ("VI.2.5", 2), ("VI.2.6", 2)):
        assert rules[rule_id].months == (month,)
        assert "√" in rules[rule_id].note and f"bulan {month}" in rules[rule_id].note


def test_every_rule_carries_its_areas_team():
    for rule in load_rules(SEED).rules:
        assert rule.team == TEAMS[rule.area], rule.id


def test_items_whose_number_was_lost_at_a_page_break_keep_their_place():
    rules = seed_rules()
    assert rules["III.4.1"].item_name == "Penetapan Kinerja Individu"
    assert rules["III.4.1"].evidence == "Hasil pengukuran kinerja semester"
    assert rules["V.4.1"].item_name == "Whistle-Blowing System"
    assert "<i>" not in rules["V.4.1"].indicator and "Whistle Blowing System" in rules["V.4.1"].indicator
    assert rules["III.5.1"].item == 5 and rules["V.5.1"].item == 5


def test_rules_list_json_gives_every_field_of_the_interface(capsys):
    assert main(["rules", "list", "--json", "--rules", str(SEED)]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert len(rules) == 96
    keys = {"id", "area", "area_name", "item", "item_name", "indicator", "action", "evidence",
            "team", "months", "parts", "patterns", "folder", "note"}
    for rule in rules:
        assert keys <= set(rule)
        assert rule["months"] == sorted(rule["months"]) and all(1 <= m <= 12 for m in rule["months"])
        assert rule["parts"] and all({"kind", "signed_required", "date_required"} <= set(p) for p in rule["parts"])
        assert rule["patterns"] == [rule["folder"] + "/**"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["I.1.4"]["folder"] == "I Manajemen Perubahan/1 Tim Kerja/I.1.4 SK Tim Kerja ZI Tahun 2022"
    assert by_id["VI.3.2"]["parts"][0] == {
        "kind": "screenshot", "label": "Screenshoot dari website",
        "name_words": list(load_rules(SEED).by_id()["VI.3.2"].parts[0].name_words),
        "text_words": [], "formats": ["image", "pdf", "docx"], "signed_required": False,
        "signer": None, "date_required": True}


def test_without_rules_or_config_the_commands_use_the_seed(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZI_CONFIG", raising=False)
    assert main(["rules", "list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("96 aturan")
    assert "VI.3.3" in out


def test_rules_from_the_config(capsys, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text(f"evidence_root: bukti\nrules: [{SEED}]\nlanguage: en\n", encoding="utf-8")
    assert main(["rules", "check", "--config", str(config)]) == 0
    assert "96 rules, valid" in capsys.readouterr().out
