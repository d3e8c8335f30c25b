"""Mail goes out over STARTTLS or SSL with a login; nothing is lost when the server is down."""

from __future__ import annotations

import pytest
from deliver_kit import (
    PASSWORD,
    MailServer,
    Recorder,
    free_port,
    server_tls_context,
    write_sample_report,
)

from auditor.deliver.channels import email as email_channel
from auditor.deliver.outbox import Outbox
from auditor.deliver.send import deliver_month

pytestmark = pytest.mark.slow  # a real SMTP server, killed runs


def tls_server(tls_files, monkeypatch, **kwargs) -> MailServer:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files[0]))  # trust the test's own certificate
    server = MailServer(Recorder(), free_port(), kwargs=kwargs)
    server.start()
    return server


def test_starttls_with_login(make_config, tls_files, monkeypatch) -> None:
    server = tls_server(tls_files, monkeypatch, tls_context=server_tls_context(tls_files),
                        require_starttls=True, auth_required=True)
    try:
        config = make_config(port=server.port, security="starttls")
        write_sample_report(config)
        result = deliver_month(config, 2022, 5)
        assert len(result.sent) == 4 and not result.errors
        assert len(server.recorder.messages) == 4 and server.recorder.logins == ["zi-auditor"]
    finally:
        server.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_ssl_with_login(make_config, tls_files, monkeypatch) -> None:
    server = tls_server(tls_files, monkeypatch, ssl_context=server_tls_context(tls_files),
                        auth_required=True, auth_require_tls=False)
    try:
        config = make_config(port=server.port, security="ssl")
        write_sample_report(config)
        result = deliver_month(config, 2022, 5)
        assert len(result.sent) == 4 and len(server.recorder.messages) == 4
    finally:
        server.stop()


def test_untrusted_certificate_is_refused_and_mail_kept(make_config, tls_files, monkeypatch) -> None:
    server = MailServer(Recorder(), free_port(),
                        kwargs={"tls_context": server_tls_context(tls_files)})
    server.start()
    try:
        config = make_config(port=server.port, security="starttls")
        write_sample_report(config)
        result = deliver_month(config, 2022, 5)
        assert server.recorder.messages == [] and len(result.queued) == 4
        assert "aman" in result.errors[0]  # "sambungan aman ... gagal"
    finally:
        server.stop()


def test_server_down_keeps_mail_in_outbox_then_sends_once_it_is_up(make_config) -> None:
    port = free_port()  # nothing listens here yet
    config = make_config(port=port)
    write_sample_report(config)
    down = deliver_month(config, 2022, 5)
    assert len(down.queued) == 4 and not down.sent
    assert "tidak dapat dihubungi" in down.errors[0]
    outbox = Outbox(config.state_dir)
    assert len(outbox.pending()) == 4 and all(p.attempts == 1 for p in outbox.pending())

    server = MailServer(Recorder(), port, kwargs={"auth_require_tls": False})
    server.start()
    try:
        up = deliver_month(config, 2022, 5)  # the next run
        assert len(up.sent) == 4 and not up.queued
        assert len(server.recorder.messages) == 4
        assert outbox.pending() == []
        third = deliver_month(config, 2022, 5)
        assert len(third.skipped) == 4 and len(server.recorder.messages) == 4  # no duplicates
    finally:
        server.stop()


def test_mail_queued_for_another_month_goes_out_with_the_next_run(make_config, smtp_server) -> None:
    config = make_config(port=free_port())
    write_sample_report(config)
    deliver_month(config, 2022, 5)  # server down: four messages wait
    from dataclasses import replace

    config = replace(config, smtp=replace(config.smtp, port=smtp_server.port))
    from auditor.deliver.send import deliver_alert

    result = deliver_alert(config, "folder bukti kosong")
    assert len(result.sent) == 5  # the alert and the four waiting messages
    assert len(smtp_server.recorder.messages) == 5


def test_a_passing_refusal_is_retried_with_backoff(make_config, smtp_server, monkeypatch) -> None:
    monkeypatch.setattr(email_channel, "BACKOFF_SECONDS", 0.05)
    smtp_server.recorder.refuse_first = 2  # "451 try again later" twice
    config = make_config(port=smtp_server.port, extra="")
    from dataclasses import replace

    config = replace(config, email=replace(config.email, max_attempts=3))
    write_sample_report(config)
    result = deliver_month(config, 2022, 5)
    assert len(result.sent) == 4 and not result.queued
    assert len(smtp_server.recorder.messages) == 4


def test_wrong_password_keeps_mail_and_never_shows_the_password(
        make_config, smtp_server, monkeypatch, capfd, caplog) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", PASSWORD + "-salah")
    result = deliver_month(config, 2022, 5)
    assert len(result.queued) == 4 and "menolak login" in result.errors[0]
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", PASSWORD)
    assert len(deliver_month(config, 2022, 5).sent) == 4
    written = [p for root in (config.state_dir, config.reports_dir) for p in root.rglob("*")
               if p.is_file()]
    assert written
    for path in written:
        data = path.read_bytes()
        assert PASSWORD.encode() not in data and (PASSWORD + "-salah").encode() not in data, path
    captured = capfd.readouterr()
    assert PASSWORD not in captured.out + captured.err + caplog.text
    assert PASSWORD not in " ".join(result.errors)


def test_missing_password_variable_is_a_plain_reason(make_config, smtp_server, monkeypatch) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    monkeypatch.delenv("ZI_TEST_SMTP_PASSWORD")
    result = deliver_month(config, 2022, 5)
    assert result.errors == ["kata sandi surel tidak ada: variabel lingkungan "
                             "ZI_TEST_SMTP_PASSWORD belum diisi"]
    assert smtp_server.recorder.messages == [] and len(result.queued) == 4


@pytest.mark.parametrize("field", ["name", "lead"])
def test_names_cannot_inject_headers(make_config, smtp_server, field) -> None:
    evil = "Tim Jahat\r\nBcc: evil@attacker.example\r\nX-Injected: yes"
    team = (evil, "Ketua Biasa", "jahat@kpu.example") if field == "name" else (
        "Tim Pengawasan", evil, "jahat@kpu.example")
    config = make_config(port=smtp_server.port, teams=(team,))
    from deliver_kit import sample_report

    from auditor.report.write import write_reports

    report = sample_report()
    for verdict in report.verdicts:
        verdict.team = config.teams[0].name  # as the config spells it
    write_reports(report, config.reports_dir, "id")
    deliver_month(config, 2022, 5)
    for received in smtp_server.recorder.messages:
        assert "evil@attacker.example" not in received.rcpt_tos
        msg = received.message
        assert msg["Bcc"] is None and msg["X-Injected"] is None
        for name, value in msg.items():
            assert "\n" not in str(value) and "\r" not in str(value), name
    [lead_mail] = smtp_server.recorder.to("jahat@kpu.example")
    assert lead_mail.rcpt_tos == ["jahat@kpu.example"]
    for attachment in lead_mail.message.iter_attachments():
        assert "\n" not in attachment.get_filename()
