"""A config or rules file with YAML anchors and aliases is refused at once, with its line.

Offices never need them, and a 292-byte file of nested aliases ("billion laughs") expands
to billions of values: it must not be read past the first anchor. The CLI runs in a child
process under a memory ceiling, so a blow-up would fail the test instead of the machine.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from office_kit import cli_env

# Each level repeats the one before nine times: 9**8 (43 million) values below `h`.
BOMB = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
)
SELF_REFERENCE = "evidence_root: bukti\nteams: &loop\n  - *loop\n"
MEMORY_CEILING = 1 << 30  # 1 GiB: the bomb needs gigabytes, a refusal needs a few MB


def _ceiling() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def zi(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, env=cli_env(), cwd=tmp_path, timeout=300,
                          preexec_fn=_ceiling)


@pytest.mark.parametrize("command", [("config", "validate", "--config"), ("rules", "check")])
def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path,
                                                      command: tuple[str, ...]) -> None:
    path = tmp_path / "berkas.yaml"
    path.write_text("evidence_root: bukti\n" + BOMB, encoding="utf-8")
    run = zi(tmp_path, *command, str(path))
    assert run.returncode == 2, run.stderr
    assert f"{path}:2" in run.stderr  # the line of the first anchor
    assert "anchor" in run.stderr and "alias" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_self_referencing_alias_is_a_located_refusal_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(SELF_REFERENCE, encoding="utf-8")
    run = zi(tmp_path, "config", "validate", str(path))
    assert run.returncode == 2, run.stderr
    assert f"{path}:2" in run.stderr and "'teams'" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_merge_key_needs_an_alias_and_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("evidence_root: bukti\nwatch: &w {enabled: false}\ninspect:\n  <<: *w\n",
                    encoding="utf-8")
    run = zi(tmp_path, "config", "validate", str(path))
    assert run.returncode == 2
    assert f"{path}:2" in run.stderr and "'watch'" in run.stderr


def test_an_asterisk_or_ampersand_inside_a_value_is_only_text(tmp_path: Path) -> None:
    # glob patterns and names hold '*' and '&' all the time: only YAML's own anchors count
    from auditor.yamlfile import load_yaml

    path = tmp_path / "aturan.yaml"
    path.write_text("patterns: ['**/SK*', \"Foto & Dokumentasi/*\"]\nname: 'R&D *penting*'\n",
                    encoding="utf-8")
    assert load_yaml(path).data == {"patterns": ["**/SK*", "Foto & Dokumentasi/*"],
                                    "name": "R&D *penting*"}
