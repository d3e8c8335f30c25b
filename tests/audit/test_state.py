"""The state file: facts survive between runs, runs are remembered, damage is repaired."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from auditor.audit.state import STATE_NAME, CachedFacts, open_state
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
        found, _ = state.load_facts({"a/Undangan.pdf": CachedFacts(10, 1652400000.5)})
        facts = found["a/Undangan.pdf"]
        assert facts.date == "2022-05-13" and facts.signed is True and facts.title == "UNDANGAN"
        assert facts.retried is False
        state.forget(["a/Undangan.pdf"])
    with open_state(tmp_path) as state:
        assert state.files == {}


def test_a_file_read_again_alone_is_cached_as_such(tmp_path: Path) -> None:
    retried = _facts("b/SK.pdf")
    retried.retried = True
    assert FileFacts.from_json(retried.to_json()) == FileFacts.from_json(
        {**retried.to_json(), "text_head": ""})
    assert FileFacts.from_json(retried.to_json()).retried is True
    with open_state(tmp_path) as state:
        state.store_facts([("b/SK.pdf", 10, 1.0, retried)])
    with open_state(tmp_path) as state:
        found, _ = state.load_facts({"b/SK.pdf": CachedFacts(10, 1.0)})
    assert found["b/SK.pdf"].retried is True
    assert found["b/SK.pdf"].to_json() == retried.to_json()


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


def test_each_months_counts_survive_an_older_state(tmp_path: Path) -> None:
    """A state made before runs were counted per Tim keeps its runs; the dashboard shows
    the months counted since, and no invented zeros for the month scanned before."""
    from auditor.audit.state import CountRow

    with open_state(tmp_path) as state:
        state.record_run(run_at="2022-04-30T02:00:00+07:00", year=2022, month=4,
                         as_of="2022-04-30", due=40, ok=10, gaps=30, files=100, inspected=3,
                         duration=1.0)
        state.db.execute("DROP TABLE run_counts")  # as a state of the previous release
    rows = [CountRow("Tim Pengawasan", "V", 5, "ok", 3), CountRow("Tim Pengawasan", "V", 5,
                                                                  "missing", 2)]
    with open_state(tmp_path) as state:
        state.record_run(run_at="2022-05-31T02:00:00+07:00", year=2022, month=5,
                         as_of="2022-05-31", due=5, ok=3, gaps=2, files=100, inspected=0,
                         duration=1.0, counts=rows)
    with open_state(tmp_path) as state:
        counts = state.month_counts(2022)
        assert [h.month for h in state.history(2022)] == [4, 5]
    assert counts == {5: ("2022-05-31T02:00:00+07:00", rows)}


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


def _cache_all(state_dir: Path, walked) -> None:  # noqa: ANN001 - Walked
    with open_state(state_dir) as state:
        state.store_facts([(e.relpath, e.size, e.mtime, _facts(e.relpath)) for e in walked.entries])
        state.changed(walked.entries, walked)
        state.save_listings(walked.listings)


def test_what_changed_is_learnt_per_folder_and_then_per_file(tmp_path: Path) -> None:
    from auditor.scan.walk import walk_tree

    tree, state_dir = tmp_path / "drive", tmp_path / "state"
    for rel in ("I.1.1/Undangan.pdf", "I.1.1/05 Mei/DH.pdf", "I.2.1/SK.pdf"):
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_bytes(b"12345")
    _cache_all(state_dir, walk_tree(tree))
    with open_state(state_dir) as state:
        assert state.changed(walk_tree(tree).entries, walk_tree(tree)) == []

    st = (tree / "I.1.1" / "05 Mei" / "DH.pdf").stat()  # saved in place, same size
    os.utime(tree / "I.1.1" / "05 Mei" / "DH.pdf", ns=(st.st_atime_ns, st.st_mtime_ns + 1000))
    (tree / "I.2.1" / "SK baru.pdf").write_bytes(b"x")
    walked = walk_tree(tree)
    with open_state(state_dir) as state:
        assert sorted(e.relpath for e in state.changed(walked.entries, walked)) == [
            "I.1.1/05 Mei/DH.pdf", "I.2.1/SK baru.pdf"]


def test_a_night_when_nothing_changed_writes_no_listing(tmp_path: Path) -> None:
    from auditor.scan.walk import walk_tree

    tree, state_dir = tmp_path / "drive", tmp_path / "state"
    (tree / "I.1.1").mkdir(parents=True)
    (tree / "I.1.1" / "SK.pdf").write_bytes(b"x")
    _cache_all(state_dir, walk_tree(tree))
    with open_state(state_dir) as state:
        walked = walk_tree(tree)
        assert state.changed(walked.entries, walked) == []
        before = state.db.total_changes
        state.save_listings(walked.listings)
        assert state.db.total_changes == before
        rows = dict(state.db.execute("SELECT path, listing FROM folders"))
    assert rows == walked.listings and set(rows) == {"", "I.1.1"}
