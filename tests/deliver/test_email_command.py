"""`zi-auditor email`: the command a secretary runs to (re)send a month's report."""

from __future__ import annotations

from deliver_kit import write_sample_report

from auditor.cli import main


def test_email_sends_the_latest_report(make_config, smtp_server, capsys) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    assert main(["email", "--config", str(config.path)]) == 0
    out = capsys.readouterr().out
    assert out.count("terkirim:") == 4 and len(smtp_server.recorder.messages) == 4
    assert main(["email", "--config", str(config.path), "--month", "5"]) == 0
    assert capsys.readouterr().out.count("dilewati") == 4
    assert len(smtp_server.recorder.messages) == 4
    assert main(["email", "--config", str(config.path), "--month", "5", "--resend"]) == 0
    assert len(smtp_server.recorder.messages) == 8


def test_dry_run_prints_the_eml_paths(make_config, smtp_server, capsys) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    assert main(["email", "--config", str(config.path), "--dry-run"]) == 0
    lines = capsys.readouterr().out.split()
    assert len(lines) == 4 and all(line.endswith(".eml") for line in lines)
    assert smtp_server.recorder.messages == []


def test_no_smtp_section_is_a_plain_usage_error(make_config, capsys) -> None:
    config = make_config(smtp=False)
    write_sample_report(config)
    assert main(["email", "--config", str(config.path)]) == 2
    err = capsys.readouterr().err
    assert "smtp" in err and "--dry-run" in err and "Traceback" not in err
    assert main(["email", "--config", str(config.path), "--dry-run"]) == 0


def test_server_down_exits_delivery_failed_and_says_mail_waits_in_the_outbox(
        make_config, capsys) -> None:
    from deliver_kit import free_port

    config = make_config(port=free_port())
    write_sample_report(config)
    assert main(["email", "--config", str(config.path)]) == 5  # ExitCode.DELIVERY_FAILED
    err = capsys.readouterr().err
    assert "4 pesan belum terkirim dan menunggu di outbox" in err and "tidak hilang" in err


def test_a_month_without_a_report_says_what_to_run(make_config, smtp_server, capsys) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    assert main(["email", "--config", str(config.path), "--month", "3"]) == 2
    assert "zi-auditor scan" in capsys.readouterr().err
