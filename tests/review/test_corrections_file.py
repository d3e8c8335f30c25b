"""The corrections file and the content hashes behind it, without a whole scan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.audit.model import FileEvidence, Verdict
from auditor.audit.state import open_state
from auditor.config.load import load_config
from auditor.errors import ConfigError
from auditor.inspect.facts import FileFacts
from auditor.review.apply import FileReviews, fingerprint, note_files
from auditor.review.book import Book, FileReview, load_book
from auditor.scan.walk import Entry

SHA = "a" * 64


def _entry(root: Path, name: str) -> Entry:
    path = root / name
    st = path.stat()
    return Entry(name, str(path), st.st_size, st.st_mtime)


def test_a_files_hash_is_computed_once_and_again_only_when_it_changes(tmp_path: Path) -> None:
    root = tmp_path / "bukti"
    root.mkdir()
    (root / "SK.pdf").write_bytes(b"%PDF-1.4 SK")
    read: list[str] = []

    def counted(entry: Entry) -> str | None:
        read.append(entry.relpath)
        return fingerprint(entry)

    with open_state(tmp_path / "state") as state:
        first = state.hashes_for([_entry(root, "SK.pdf")], counted)
    with open_state(tmp_path / "state") as state:  # the next night: nothing read again
        again = state.hashes_for([_entry(root, "SK.pdf")], counted)
    assert first == again and read == ["SK.pdf"]
    (root / "SK.pdf").write_bytes(b"%PDF-1.4 SK revisi")
    os.utime(root / "SK.pdf", (1, 1))
    with open_state(tmp_path / "state") as state:
        changed = state.hashes_for([_entry(root, "SK.pdf")], counted)
    assert changed["SK.pdf"] != first["SK.pdf"] and read == ["SK.pdf", "SK.pdf"]


def test_a_hand_written_file_with_plain_dates_is_understood(tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(f"files:\n  - sha256: {SHA}\n    date: 2022-05-13\n    signed: true\n"
                    "    by: Siti\n    at: 2022-05-20\n", encoding="utf-8")
    book = load_book(path)
    assert book.file(SHA) == FileReview(sha256=SHA, by="Siti", at="2022-05-20",
                                        date="2022-05-13", signed=True)


@pytest.mark.parametrize("text, where", [
    ("files:\n  - sha256: x\n    by: Siti\n    at: now\n", ":2: 'files[0].sha256'"),
    ("verdicts:\n  - rule: I.1.1\n    month: 13\n    decision: accepted\n    by: S\n    at: x\n"
     "    why: y\n", ":3: 'verdicts[0].month'"),
    ("verdicts:\n  - rule: I.1.1\n    month: 5\n    decision: maybe\n", ":4: 'verdicts[0].decision'"),
    ("files: &a []\nverdicts: *a\n", ":1: 'files'"),  # anchors refused as in config files
])
def test_a_bad_corrections_file_is_named_by_file_line_and_key(tmp_path: Path, text: str,
                                                              where: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_book(path)
    assert f"{path}{where}" in caught.value.message


def test_the_corrections_file_is_refused_inside_the_evidence_tree(tmp_path: Path) -> None:
    (tmp_path / "bukti").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text("evidence_root: bukti\ncorrections: bukti/koreksi.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert f"{config}:2: 'corrections'" in caught.value.message


def test_the_default_corrections_file_sits_beside_the_config(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("evidence_root: bukti\n", encoding="utf-8")
    assert load_config(config).corrections == tmp_path / "corrections.yaml"


@pytest.mark.parametrize("source, flagged", [("ditetapkan", True), ("digital_signature", True),
                                             ("filename", False)])
def test_only_a_correction_against_a_strong_reading_is_flagged(source: str, flagged: bool) -> None:
    fix = FileReview(sha256=SHA, by="Budi", at="2022-05-20T10:00:00+07:00", date="2022-04-01")
    verdict = Verdict("I.1.4", 4, "Tim", "ok", files=[FileEvidence("SK.pdf", "sk", "2022-04-01",
                                                                   "review", True)])
    read = {"SK.pdf": FileFacts("SK.pdf", "pdf", date="2022-04-13", date_source=source,
                                date_evidence="pada tanggal 13 April 2022", signed=True)}
    found = note_files([verdict], read, FileReviews(Book(Path("c.yaml")), fixes={"SK.pdf": fix}),
                       "id")
    assert bool(found) is flagged
    assert verdict.files[0].read["date"] == "2022-04-13"  # the reading stays beside it


def test_config_validate_checks_the_corrections_file_too(tmp_path: Path) -> None:
    from auditor.config.validate import check_setup

    (tmp_path / "bukti").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text("office: KPU\nevidence_root: bukti\nyear: 2022\n", encoding="utf-8")
    (tmp_path / "corrections.yaml").write_text(
        "verdicts:\n  - {rule: IX.9.9, month: 5, decision: accepted, by: S, at: x, why: y}\n",
        encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        check_setup(config)
    assert f"{tmp_path / 'corrections.yaml'}:2: 'verdicts[0].rule'" in caught.value.message
