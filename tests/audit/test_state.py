"""The state file: facts survive between runs, runs are remembered, damage is repaired."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from auditor.audit.state import STATE_NAME, open_state
from auditor.inspect.facts import FileFacts


def _facts(path: str) -> FileFacts:
    return FileFacts(path=path, format="pdf", date="2022-05-13", date_source="signature_block",
                     signed=True, title="UNDANGAN", text_head="Hal : Undangan " * 200)


def test_facts_are_kept_by_path_size_and_mtime(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        state.store_facts([("a/Undangan.pdf", 10, 1652400000.5, _facts("a/Undangan.pdf"))])
    with open_state(tmp_path) as state:
        hit = state.files["a/Undangan.pdf"]
        assert (hit.size, hit.mtime) == (10, 1652400000.5)
        facts = state.facts_of(["a/Undangan.pdf"])["a/Undangan.pdf"]
        assert facts.date == "2022-05-13" and facts.signed is True and facts.title == "UNDANGAN"
        state.forget(["a/Undangan.pdf"])
    with open_state(tmp_path) as state:
        assert state.files == {}


def test_runs_are_remembered_for_the_progress_table(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        for month, ok in ((4, 10), (5, 20)):
            state.record_run(run_at=f"2022-0{month}-30T02:00:00+07:00", year=2022, month=month,
                             as_of=f"2022-0{month}-30", due=40, ok=ok, gaps=40 - ok, files=100,
                             inspected=3, duration=1.0)
        state.record_run(run_at="2022-06-01T02:00:00+07:00", year=2022, month=6, as_of="2022-06-01",
                         due=0, ok=0, gaps=0, files=0, inspected=0, duration=0.1,
                         root_problem="kosong")
    with open_state(tmp_path) as state:
        assert [(h.month, h.ok) for h in state.history(2022)] == [(4, 10), (5, 20)]
        assert state.last_good_file_count() == 100


def test_a_killed_batch_leaves_the_earlier_batches(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        state.store_facts([("a.pdf", 1, 1.0, _facts("a.pdf"))])
        with pytest.raises(KeyboardInterrupt), state.transaction():
            state.db.execute("INSERT INTO files VALUES ('b.pdf', 1, 1.0, '{}', 0)")
            raise KeyboardInterrupt
    with open_state(tmp_path) as state:
        assert sorted(state.files) == ["a.pdf"]


def test_a_corrupt_state_file_is_set_aside_and_rebuilt(tmp_path: Path, capsys) -> None:
    (tmp_path / STATE_NAME).write_bytes(b"this is not a database" * 100)
    with open_state(tmp_path) as state:
        assert state.files == {}
    err = capsys.readouterr().err
    assert "rusak atau bukan milik zi-auditor" in err
    assert len(list(tmp_path.glob(f"{STATE_NAME}.corrupt-*"))) == 1


def test_a_foreign_database_is_not_touched_but_set_aside(tmp_path: Path, capsys) -> None:
    foreign = sqlite3.connect(tmp_path / STATE_NAME)
    foreign.execute("CREATE TABLE invoices (id INTEGER)")
    foreign.commit()
    foreign.close()
    with open_state(tmp_path) as state:
        state.store_facts([("a.pdf", 1, 1.0, _facts("a.pdf"))])
    (moved,) = tmp_path.glob(f"{STATE_NAME}.corrupt-*")
    assert sqlite3.connect(moved).execute("SELECT name FROM sqlite_master").fetchall() == [("invoices",)]
    assert "dibuat baru" in capsys.readouterr().err
