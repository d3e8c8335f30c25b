"""What a secretary sees from `zi-auditor email` and `config validate`: setup mistakes
refused with file, line and key; the report month it took; the outbox listed and pruned;
SMTP messages that name the real problem, and exit 5 when mail did not go out."""

from __future__ import annotations

from dataclasses import replace

import pytest
from deliver_kit import MailServer, Recorder, free_port, sample_report, write_config

from auditor.cli import main
from auditor.deliver.send import deliver_month, deliver_report
from auditor.errors import ExitCode
from auditor.report.write import write_reports

SDM = "Tim Penataan Sistem Manajemen SDM/ASN"


def test_a_config_team_no_rule_names_is_refused_with_the_closest_name(
        tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", "x")
    config = write_config(tmp_path, port=25, teams=(("Tim SDM", "Ani", "sdm@kpu.example"),))
    for args in (["config", "validate", str(config.path)], ["email", "--config", str(config.path)],
                 ["scan", "--config", str(config.path), "--quiet"]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert f"{config.path}:7: 'teams[0].name'" in err
        assert f"Maksud Anda '{SDM}'" in err


def test_aliases_let_a_team_spelt_two_ways_get_its_gaps(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", "x")
    config = write_config(tmp_path, port=25, teams=(("Tim SDM", "Ani", "sdm@kpu.example"),))
    text = config.path.read_text(encoding="utf-8").replace(
        "email: sdm@kpu.example\n", f"email: sdm@kpu.example\n    aliases: ['{SDM}']\n")
    config.path.write_text(text, encoding="utf-8")
    assert main(["config", "validate", str(config.path)]) == 0
    from auditor.config import load_config

    config = load_config(config.path)
    report = sample_report()
    report.verdicts[0].team = SDM  # the plan's spelling
    result = deliver_report(config, report, dry_run=True)
    [team_mail] = [p for p in result.written if "tim-sdm" in p.name]
    assert "V.1.1" in team_mail.read_text(encoding="utf-8")


def test_a_rules_team_without_a_lead_is_named_to_the_coordinator_and_no_empty_all_clear(
        make_config, capsys) -> None:
    # Pengawasan has no lead in the config; Pelayanan has a lead but nothing due this month
    config = make_config(port=25, teams=(("Tim Manajemen Perubahan", "Sri", "mp@kpu.example"),
                                          ("Tim Penguatan Akuntabilitas Kinerja", "Tono",
                                           "akuntabilitas@kpu.example")))
    report = sample_report()
    result = deliver_report(config, report, dry_run=True)
    names = sorted(p.name for p in result.written)
    assert not any("akuntabilitas" in n for n in names)  # nothing due: no "semua lengkap"
    [coordinator] = [p for p in result.written if "coordinator" in p.name]
    text = coordinator.read_text(encoding="utf-8")
    assert "Tidak ada penerima untuk tim berikut" in text and "Tim Pengawasan" in text
    assert "Tim Pengawasan" in result.no_address


def test_email_takes_the_latest_report_of_the_plan_year_and_says_which(
        make_config, smtp_server, capsys) -> None:
    config = make_config(port=smtp_server.port)
    write_reports(sample_report(), config.reports_dir, "id")  # 2022-05, the plan year
    mistaken = replace(sample_report(), year=2027, month=12)
    write_reports(mistaken, config.reports_dir, "id")  # scan --month 12 --year 2027 by mistake
    assert main(["email", "--config", str(config.path)]) == 0
    assert "laporan terbaru tahun 2022: Mei 2022" in capsys.readouterr().err
    subjects = [m.message["Subject"] for m in smtp_server.recorder.messages]
    assert len(subjects) == 4 and all("Mei 2022" in s for s in subjects)


def test_queued_mail_of_a_mistaken_run_can_be_listed_and_dropped(make_config, capsys) -> None:
    port = free_port()  # the server is down during the mistaken run
    config = make_config(port=port)
    write_reports(sample_report(), config.reports_dir, "id")
    write_reports(replace(sample_report(), year=2027, month=12), config.reports_dir, "id")
    assert main(["email", "--config", str(config.path), "--month", "12", "--year", "2027"]) == 5
    capsys.readouterr()
    assert main(["email", "--config", str(config.path), "--outbox"]) == 0
    listed = capsys.readouterr().out
    ids = [line.split()[0] for line in listed.splitlines() if line.startswith("2027-12-")]
    assert len(ids) == 4 and "--drop" in listed
    assert main(["email", "--config", str(config.path), "--drop", *ids]) == 0
    assert capsys.readouterr().out.count("dibuang dari outbox") == 4
    assert main(["email", "--config", str(config.path), "--drop", "tidak-ada"]) == 2
    server = MailServer(Recorder(), port, kwargs={"auth_require_tls": False})
    server.start()
    try:
        assert main(["email", "--config", str(config.path), "--month", "5"]) == 0
        subjects = [m.message["Subject"] for m in server.recorder.messages]
        assert len(subjects) == 4 and not any("2027" in s for s in subjects)
    finally:
        server.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_user_against_a_server_without_login_says_remove_smtp_user(make_config) -> None:
    server = MailServer(Recorder(), free_port(), kwargs={})
    server.controller = None
    from aiosmtpd.controller import Controller

    server.controller = Controller(server.recorder, hostname="127.0.0.1", port=server.port)
    server.controller.start()  # no authenticator: the server offers no AUTH
    try:
        config = make_config(port=server.port, security="none")
        from deliver_kit import write_sample_report

        write_sample_report(config)
        result = deliver_month(config, 2022, 5)
        assert result.exit_code == ExitCode.DELIVERY_FAILED and len(result.queued) == 4
        [reason] = result.errors
        assert "tidak menawarkan login" in reason and "smtp.user" in reason
        assert "STARTTLS" not in reason
    finally:
        server.controller.stop()


def test_missing_password_or_refused_login_exits_delivery_failed(
        make_config, smtp_server, monkeypatch, capsys) -> None:
    config = make_config(port=smtp_server.port)
    from deliver_kit import write_sample_report

    write_sample_report(config)
    monkeypatch.delenv("ZI_TEST_SMTP_PASSWORD")
    assert main(["email", "--config", str(config.path)]) == 5
    assert "ZI_TEST_SMTP_PASSWORD belum diisi" in capsys.readouterr().err
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", "salah")
    assert main(["email", "--config", str(config.path)]) == 5
    assert "menolak login" in capsys.readouterr().err
    assert smtp_server.recorder.messages == []
