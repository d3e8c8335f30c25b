"""The parsed rules kept between runs are data, never code: a planted, damaged or old
cache is ignored and written anew, and an edited rules file is always read."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

from audit_documents import Office, sk

from auditor.pipeline import ScanOptions, run_scan
from auditor.rules.load import load_rulesets

CACHE_NAME = "rules-cache.json"

JUNE = ScanOptions(month=6, year=2022)


def _decree(office: Office) -> None:
    sk(office.decree / "SK Tim Kerja ZI.docx", "11 April 2022", signed=True)


class Planted:
    """What an attacker (or an older zi-auditor) leaves: unpickling it writes ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (Path.write_text, (self.marker, "code ran"))


def test_a_planted_cache_runs_no_code(office: Office, tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    _decree(office)
    state = office.config.state_dir
    state.mkdir(parents=True)
    for name in ("rules-cache.pickle", CACHE_NAME):
        (state / name).write_bytes(pickle.dumps(Planted(marker)))
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 0 and not marker.exists()
    assert run_scan(office.config, JUNE).exit_code == 0 and not marker.exists()


def test_a_cache_of_another_version_is_ignored_and_rebuilt(office: Office) -> None:
    _decree(office)
    state = office.config.state_dir
    state.mkdir(parents=True)
    # What an older release left: a pickle of a class that no longer exists (was exit 70).
    (state / "rules-cache.pickle").write_bytes(
        b"\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x16auditor.rules.oldmodel"
        b"\x94\x8c\x07RuleSet\x94\x93\x94.")
    assert run_scan(office.config, JUNE).exit_code == 0
    cache = json.loads((state / CACHE_NAME).read_text(encoding="utf-8"))
    cache["key"]["version"] = "0.0.1"
    cache["ruleset"]["rules"] = "not rules"
    (state / CACHE_NAME).write_text(json.dumps(cache), encoding="utf-8")
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 0 and len(outcome.report.rules) == 2
    (state / CACHE_NAME).write_text('{"key": {"format": 1', encoding="utf-8")  # cut short
    assert run_scan(office.config, JUNE).exit_code == 0


def test_a_rules_file_edited_at_the_same_size_and_second_is_read_again(office: Office) -> None:
    _decree(office)
    run_scan(office.config, JUNE)
    rules = office.config.rules[0]
    st = rules.stat()
    text = rules.read_text(encoding="utf-8")
    assert "months: [5, 6]" in text
    rules.write_text(text.replace("months: [5, 6]", "months: [5, 7]"), encoding="utf-8")
    os.utime(rules, ns=(st.st_atime_ns, st.st_mtime_ns))
    outcome = run_scan(office.config, ScanOptions(month=7, year=2022))
    assert {(v.rule_id, v.month) for v in outcome.report.verdicts} >= {("I.3.1", 7)}


def test_the_cached_rules_are_the_parsed_rules() -> None:
    from auditor.rules.cache import _data, _ruleset

    seed = load_rulesets([Path(__file__).parents[2] / "rules" / "kpu-karanganyar-2022.yaml"])
    assert _ruleset(json.loads(json.dumps(_data(seed)))) == seed
