"""The words the tolerant matcher reads folder and file names with, each from its one home:
the ways offices write a kind of document come from the kinds registry; real trees scanned."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from foreign_trees import Tree, daftar_hadir
from office_kit import SEED_RULES as SEED
from office_kit import cli_env

CULTURE = "I. MANAJEMEN PERUBAHAN/4. BUDAYA KERJA"


def _scan_with_registry(base: Path, tree: Tree, variant: tuple[str, str, str] | None) -> dict:
    """``tree`` scanned by the CLI in its own process, after ``variant`` (kind, as an office
    writes it, the kind's word) was added to that kind's entry in the registry only."""
    tree.write(base / "bukti")
    config = base / "config.yaml"
    config.write_text(f"evidence_root: bukti\nrules: [{SEED}]\nyear: 2022\nreports_dir: out\n"
                      "state_dir: state\noffice: KPU Uji\ninspect: {workers: 1, ocr: false}\n",
                      encoding="utf-8")
    patch = ""
    if variant is not None:
        kind, written, word = variant
        patch = ("import dataclasses\nfrom auditor.documents import kinds\n"
                 f"k = kinds.KINDS[{kind!r}]\nkinds.KINDS[{kind!r}] = dataclasses.replace("
                 f"k, variants=k.variants + (({written!r}, {word!r}),))\n")
    script = (patch + "import sys\nfrom auditor.cli import main\n"
              f"sys.exit(main(['scan', '--config', {str(config)!r}, '--month', '5', '--quiet']))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=cli_env(), cwd=base, timeout=300)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return json.loads((base / "out" / "2022-05" / "gap-report.json").read_text(encoding="utf-8"))


def test_a_spelling_added_only_to_the_kinds_registry_is_read_by_the_tolerant_matcher(
        tmp_path: Path) -> None:
    """"Kehadiran" for an attendance list: while nothing knows the word, the work culture
    item's "Kehadiran" folder says nothing and its file is not placed; once the registry alone
    says it is a way to write "daftar hadir", the scan credits the file to the attendance
    rule, guessed, for May."""
    path = f"{CULTURE}/Kehadiran/2022-05/Kehadiran Apel Mei.docx"
    tree = Tree()
    tree.lands(path, daftar_hadir("Senin, 9 Mei 2022"), "I.4.1")
    before = _scan_with_registry(tmp_path / "before", tree, None)
    assert [u["path"] for u in before["unmatched"]] == [path]
    after = _scan_with_registry(tmp_path / "after", tree,
                                ("daftar_hadir", "kehadiran", "daftar hadir"))
    assert after["unmatched"] == []
    credited = {(v["rule_id"], v["month"], v["status"], f["path"], f["matched_by"])
                for v in after["verdicts"] for f in v["files"]}
    assert credited == {("I.4.1", 5, "ok", path, "guess")}
