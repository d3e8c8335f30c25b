"""Judging a rule month by month from the files found for it."""

from __future__ import annotations

from datetime import date

from auditor.audit.judge import Candidate, Period, judge_rule, upcoming
from auditor.inspect.facts import FileFacts
from auditor.rules.model import Part

JUNE_END = Period(2022, 6, date(2022, 6, 30))


def cand(path: str, part: str | None, when: str | None, *, signed: bool | None = True,
         error: str | None = None, folder_month: int | None = None, source: str = "signature_block") -> Candidate:
    facts = FileFacts(path=path, format="pdf", date=when, date_source=source if when else None,
                      signed=signed, error=error)
    return Candidate(path, part, folder_month, facts, "2022-07-01T08:00:00+07:00")


def meeting(month: int = 5, day: int = 13) -> list[Candidate]:
    d = f"2022-{month:02d}-{day:02d}"
    return [cand(f"x/{month}/Undangan.pdf", "undangan", d),
            cand(f"x/{month}/DH.pdf", "daftar_hadir", d, signed=None),
            cand(f"x/{month}/Foto.jpg", "dokumentasi", d, signed=None, source="exif")]


def status(verdicts, month: int) -> str:
    return next(v.status for v in verdicts if v.month == month)


def test_a_complete_meeting_in_its_month_is_ok(make_rule) -> None:
    (verdict,) = judge_rule(make_rule(), meeting(), JUNE_END, "id")
    assert verdict.status == "ok" and verdict.problems == []
    photo = next(f for f in verdict.files if f.part == "dokumentasi")
    assert photo.date == "2022-05-13" and photo.date_source == "exif"
    assert photo.mtime == "2022-07-01T08:00:00+07:00"


def test_nothing_found_is_missing_with_the_folder_named(make_rule) -> None:
    (verdict,) = judge_rule(make_rule(), [], JUNE_END, "id")
    assert verdict.status == "missing"
    assert verdict.problems == [
        "Undangan, Daftar hadir dan Dokumentasi Rapat Evaluasi ZI bulan Mei belum ada di folder "
        "I Manajemen Perubahan/3 Pemantauan/I.3.1 Rapat Evaluasi ZI."]


def test_a_missing_part_makes_it_incomplete_in_plain_words(make_rule) -> None:
    files = [c for c in meeting() if c.part != "daftar_hadir"]
    (verdict,) = judge_rule(make_rule(), files, JUNE_END, "id")
    assert verdict.status == "incomplete"
    assert verdict.problems[0].startswith("Daftar hadir Rapat Evaluasi ZI bulan Mei belum ada di folder")


def test_dated_after_the_due_month_is_late(make_rule) -> None:
    (verdict,) = judge_rule(make_rule(), meeting(6, 2), JUNE_END, "id")
    assert verdict.status == "late"
    assert any("sesudah bulan Mei" in p for p in verdict.problems)


def test_a_file_counts_for_one_due_month_only(make_rule) -> None:
    rule = make_rule(months=(5, 6))
    verdicts = judge_rule(rule, meeting(5, 30), JUNE_END, "id")
    assert status(verdicts, 5) == "ok" and status(verdicts, 6) == "missing"


def test_late_only_while_the_month_is_still_open(make_rule) -> None:
    rule = make_rule(months=(5, 7))
    # May lacks everything, a June meeting fills May late; July is a month of its own.
    verdicts = judge_rule(rule, meeting(6, 3) + meeting(7, 8), Period(2022, 7, date(2022, 7, 31)), "id")
    assert status(verdicts, 5) == "late" and status(verdicts, 7) == "ok"


def test_a_late_copy_does_not_spoil_an_on_time_one(make_rule) -> None:
    files = meeting() + [cand("x/Undangan revisi.pdf", "undangan", "2022-06-01")]
    (verdict,) = judge_rule(make_rule(), files, JUNE_END, "id")
    assert verdict.status == "ok" and len(verdict.files) == 4


def test_an_undated_file_never_makes_a_month_ok(make_rule) -> None:
    files = meeting()
    files[0] = cand("x/Undangan.pdf", "undangan", None)
    (verdict,) = judge_rule(make_rule(), files, JUNE_END, "id")
    assert verdict.status == "undated"
    assert any("tidak memuat tanggal" in p for p in verdict.problems)


def test_an_undated_file_goes_to_the_month_its_folder_names(make_rule) -> None:
    rule = make_rule(months=(5, 6))
    files = meeting(5) + [cand("x/06 Juni/DH.pdf", "daftar_hadir", None, folder_month=6)]
    verdicts = judge_rule(rule, files, JUNE_END, "id")
    assert status(verdicts, 5) == "ok"
    assert status(verdicts, 6) == "incomplete"
    june = next(v for v in verdicts if v.month == 6)
    assert [f.path for f in june.files] == ["x/06 Juni/DH.pdf"]


def test_a_required_signature_absent_is_unsigned(make_rule) -> None:
    sk = Part("sk", "SK Tim Kerja ZI", signed_required=True)
    rule = make_rule("I.1.4", parts=(sk,), subject="SK Tim Kerja ZI", months=(4,))
    (verdict,) = judge_rule(rule, [cand("x/SK.docx", "sk", "2022-04-11", signed=False)], JUNE_END, "id")
    assert verdict.status == "unsigned"
    assert verdict.problems == ["SK Tim Kerja ZI belum ditandatangani (x/SK.docx)."]


def test_what_cannot_be_read_or_decided_needs_review(make_rule) -> None:
    sk = Part("sk", "SK", signed_required=True)
    rule = make_rule("I.1.4", parts=(sk,), months=(4,))
    for facts in (dict(error="PDF terkunci kata sandi"), dict(signed=None)):
        c = cand("x/SK.pdf", "sk", "2022-04-11", **{"signed": True, **facts})
        (verdict,) = judge_rule(rule, [c], JUNE_END, "id")
        assert verdict.status == "needs_review", facts


def test_a_file_whose_part_cannot_be_told_does_not_satisfy_a_part(make_rule) -> None:
    files = meeting()[:2] + [cand("x/berkas.pdf", None, "2022-05-13")]
    (verdict,) = judge_rule(make_rule(), files, JUNE_END, "id")
    assert verdict.status == "incomplete"
    assert any("x/berkas.pdf tidak dapat dikenali" in p for p in verdict.problems)
    (alone,) = judge_rule(make_rule(), [cand("x/berkas.pdf", None, "2022-05-13")], JUNE_END, "id")
    assert alone.status == "needs_review"


def test_a_date_outside_the_plan_year_does_not_count(make_rule) -> None:
    rule = make_rule(parts=(Part("laporan", "Laporan"),))
    (verdict,) = judge_rule(rule, [cand("x/Lap.pdf", "laporan", "2021-05-13")], JUNE_END, "id")
    assert verdict.status == "needs_review"
    assert any("di luar tahun rencana 2022" in p for p in verdict.problems)


def test_the_open_month_says_it_is_due_by_the_end_of_the_month(make_rule) -> None:
    rule = make_rule(months=(5,))
    (verdict,) = judge_rule(rule, [], Period(2022, 5, date(2022, 5, 13)), "id")
    assert verdict.status == "missing" and verdict.open
    assert "batasnya akhir bulan ini (31 Mei 2022)" in verdict.problems[0]
    (english,) = judge_rule(rule, [], Period(2022, 5, date(2022, 5, 13)), "en")
    assert "due by the end of this month (31 May 2022)" in english.problems[0]


def test_only_due_months_up_to_the_report_month_are_judged(make_rule) -> None:
    rule = make_rule(months=(4, 5, 6, 7))
    assert [v.month for v in judge_rule(rule, [], Period(2022, 5, date(2022, 5, 31)), "id")] == [4, 5]
    nxt = upcoming(rule, Period(2022, 6, date(2022, 6, 30)), "id")
    assert nxt is not None and nxt.month == 7 and nxt.status == "upcoming"


def test_a_date_from_file_properties_alone_counts_as_no_date(make_rule) -> None:
    files = meeting()
    files[0] = cand("x/Undangan.docx", "undangan", None)
    files[0].facts.file_date, files[0].facts.file_date_source = "2022-05-13", "metadata"
    (verdict,) = judge_rule(make_rule(), files, JUNE_END, "id")
    assert verdict.status == "undated"  # even a file date inside the due month credits nothing
    assert any("menurut data berkas" in p and "13 Mei 2022" in p for p in verdict.problems)
