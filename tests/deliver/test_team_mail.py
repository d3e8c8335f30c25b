"""Each Tim lead gets their own gaps; the coordinator gets the whole report."""

from __future__ import annotations

from pathlib import Path

from deliver_kit import PASSWORD, parts, sample_report, write_sample_report

from auditor.deliver.send import deliver_month


def test_each_lead_gets_only_their_teams_gaps(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    result = deliver_month(config, 2022, 5)
    assert not result.queued and not result.errors
    assert smtp_server.recorder.logins == ["zi-auditor"]  # one session, logged in
    assert len(smtp_server.recorder.messages) == 4  # three leads and the coordinator

    [mail] = smtp_server.recorder.to("pengawasan@kpu.example")
    assert mail.rcpt_tos == ["pengawasan@kpu.example"]
    msg = mail.message
    assert msg["Subject"] == "[ZI] Kekurangan bukti fisik Mei 2022 — Tim Pengawasan: 2 item"
    assert msg["To"].addresses[0].display_name == "Budi Santoso"
    assert msg["Content-Language"] == "id"
    content = parts(msg)
    assert "Yth. Budi Santoso," in content["text"]
    assert "V.1.1" in content["text"] and "V.2.1" in content["text"]
    assert "SK belum ditandatangani." in content["text"]
    assert "Belum ada" in content["text"]  # status name in Indonesian
    assert "I.1.1" not in content["text"], "another team's gap leaked into this mail"
    assert "V.2.1" in content["html"] and "<table" in content["html"]
    # reminded of what falls due next month, before the gap opens
    assert "Jatuh tempo bulan depan (Juni 2022)" in content["text"]
    assert "V.4.1" in content["text"] and "VI.2.1" not in content["text"]
    csv_text = content["zi-tim-pengawasan-2022-05.csv"]
    rows = csv_text.strip().splitlines()
    assert len(rows) == 1 + 3  # header + the team's three rows
    assert all("Tim Pengawasan" in row for row in rows[1:])
    assert password_free(msg.as_string())


def password_free(text: str) -> bool:
    return PASSWORD not in text


def test_team_with_nothing_missing_gets_a_short_note(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    deliver_month(config, 2022, 5)
    [mail] = smtp_server.recorder.to("pelayanan@kpu.example")
    assert mail.message["Subject"] == "[ZI] Bukti fisik Mei 2022 lengkap — Tim Peningkatan Kualitas Pelayanan Publik"
    text = parts(mail.message)["text"]
    assert "lengkap" in text and "VI.2.1" in text  # next month's reminder still there


def test_complete_note_can_be_switched_off(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port, extra="")
    config = make_config(port=smtp_server.port)
    from dataclasses import replace

    config = replace(config, email=replace(config.email, send_when_complete=False))
    write_sample_report(config)
    deliver_month(config, 2022, 5)
    assert smtp_server.recorder.to("pelayanan@kpu.example") == []
    assert len(smtp_server.recorder.messages) == 3


def test_coordinator_gets_the_whole_report(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port)
    folder = write_sample_report(config)
    deliver_month(config, 2022, 5)
    [mail] = smtp_server.recorder.to("koordinator@kpu.example")
    assert mail.message["Subject"] == (
        "[ZI] Laporan kekurangan bukti fisik Mei 2022 — semua tim: 3 item")
    content = parts(mail.message)
    for rule in ("V.1.1", "V.2.1", "I.1.1"):
        assert rule in content["text"]
    assert "Tim Peningkatan Kualitas Pelayanan Publik" in content["text"]  # the summary names every team
    assert len(content["zi-2022-05.csv"].strip().splitlines()) == 1 + 6
    assert content["zi-2022-05.html"].rstrip() == (folder / "gap-report.html").read_text(encoding="utf-8").rstrip()


def test_mail_in_english_when_the_config_says_so(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port, language="en")
    write_sample_report(config, "en")
    deliver_month(config, 2022, 5)
    [mail] = smtp_server.recorder.to("mp@kpu.example")
    assert mail.message["Subject"] == "[ZI] Missing evidence May 2022 — Tim Manajemen Perubahan: 1 item(s)"
    text = parts(mail.message)["text"]
    assert text.startswith("Dear Sri Wahyuni,") and "Incomplete" in text
    assert "Due next month (June 2022)" in text


def test_same_month_is_not_sent_twice_unless_resend(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    deliver_month(config, 2022, 5)
    again = deliver_month(config, 2022, 5)
    assert len(smtp_server.recorder.messages) == 4
    assert len(again.skipped) == 4 and not again.sent
    forced = deliver_month(config, 2022, 5, resend=True)
    assert len(forced.sent) == 4 and len(smtp_server.recorder.messages) == 8


def test_dry_run_writes_eml_files_and_sends_nothing(make_config, smtp_server) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    result = deliver_month(config, 2022, 5, dry_run=True)
    assert smtp_server.recorder.messages == []
    assert len(result.written) == 4
    for path in result.written:
        assert path.suffix == ".eml" and Path(config.state_dir / "outbox") in path.parents
        assert b"Subject: " in path.read_bytes()
    # a dry run records nothing: the real run still sends every message
    assert len(deliver_month(config, 2022, 5).sent) == 4


def test_report_object_and_json_file_give_the_same_mail(make_config, smtp_server) -> None:
    from auditor.deliver.send import deliver_report

    config = make_config(port=smtp_server.port)
    deliver_report(config, sample_report(), dry_run=False)
    subjects = sorted(m.message["Subject"] for m in smtp_server.recorder.messages)
    write_sample_report(config)
    deliver_month(config, 2022, 5, resend=True)
    assert sorted(m.message["Subject"] for m in smtp_server.recorder.messages[4:]) == subjects
