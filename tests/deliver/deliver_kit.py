"""Real parts for the mail tests: an in-process SMTP server (aiosmtpd), a config file loaded
the way users load it, and a month's report written by the real report writers."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from smtp_kit import (  # noqa: F401 - shared with the whole-tool tests
    PASSWORD,
    USER,
    MailServer,
    Received,
    Recorder,
    free_port,
    smtp_server,
)

from auditor.audit.model import AuditReport, Count, FileEvidence, Verdict
from auditor.config import Config, load_config
from auditor.report.write import write_reports


@pytest.fixture
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 / localhost, made with `cryptography`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def server_tls_context(tls_files: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*tls_files)
    return context


TEAMS = (
    ("Tim Pengawasan", "Budi Santoso", "pengawasan@kpu.example"),
    ("Tim Manajemen Perubahan", "Sri Wahyuni", "mp@kpu.example"),
    ("Tim Peningkatan Kualitas Pelayanan Publik", "Agus Salim", "pelayanan@kpu.example"),
)


def write_config(folder: Path, *, port: int | None = None, security: str = "none",
                 language: str = "id", extra: str = "", teams=TEAMS,
                 smtp: bool = True) -> Config:
    """Write config.yaml into ``folder`` (evidence tree beside it) and load it."""
    (folder / "bukti").mkdir(exist_ok=True)
    team_lines = "".join(
        f"  - name: {name!r}\n    lead: {lead!r}\n    email: {email}\n"
        for name, lead, email in teams)
    smtp_text = (f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  security: {security}\n"
                 f"  user: {USER}\n  password_env: ZI_TEST_SMTP_PASSWORD\n"
                 f"  sender: 'zi-auditor <zi@kpu.example>'\n  timeout_seconds: 5\n") if smtp else ""
    text = (f"evidence_root: bukti\nyear: 2022\nlanguage: {language}\nreports_dir: out/reports\n"
            f"state_dir: out/state\nteams:\n{team_lines}"
            f"coordinator: {{name: Koordinator ZI, email: koordinator@kpu.example}}\n"
            f"{smtp_text}email: {{max_attempts: 1}}\noffice: KPU Kabupaten Karanganyar\n{extra}")
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def _verdict(rule_id: str, month: int, team: str, status: str, evidence: str,
             problems: tuple[str, ...] = (), files: tuple[str, ...] = ()) -> Verdict:
    area, item, _ = rule_id.split(".")
    return Verdict(rule_id=rule_id, month=month, team=team, status=status,
                   files=[FileEvidence(path=f, part="sk", date="2022-05-13",
                                       date_source="signature_block", signed=False) for f in files],
                   problems=list(problems), folder=f"{area}/{item}/{rule_id}", evidence=evidence,
                   area=area, item=int(item))


def sample_report(language: str = "id") -> AuditReport:
    """May 2022: Tim Pengawasan has 2 gaps, Tim Manajemen Perubahan 1, Pelayanan none."""
    verdicts = [
        _verdict("V.1.1", 5, "Tim Pengawasan", "missing", "Laporan pengendalian gratifikasi",
                 ("Belum ada berkas untuk Mei.",)),
        _verdict("V.2.1", 5, "Tim Pengawasan", "unsigned", "SK Satgas SPIP",
                 ("SK belum ditandatangani.",), ("V/2/V.2.1/SK Satgas SPIP.docx",)),
        _verdict("V.3.1", 4, "Tim Pengawasan", "ok", "Rekap pengaduan masyarakat"),
        _verdict("I.1.1", 5, "Tim Manajemen Perubahan", "incomplete", "Undangan, Daftar hadir rapat ZI",
                 ("Daftar hadir belum ada.",)),
        _verdict("I.1.2", 4, "Tim Manajemen Perubahan", "late", "SK Tim Kerja ZI"),
        _verdict("VI.1.1", 5, "Tim Peningkatan Kualitas Pelayanan Publik", "ok", "Standar pelayanan"),
    ]
    upcoming = [
        _verdict("V.4.1", 6, "Tim Pengawasan", "upcoming", "Laporan Whistle-Blowing System"),
        _verdict("VI.2.1", 6, "Tim Peningkatan Kualitas Pelayanan Publik", "upcoming", "Survei kepuasan masyarakat"),
    ]
    by_team = {"Tim Pengawasan": Count(3, 1, 2), "Tim Manajemen Perubahan": Count(2, 1, 1),
               "Tim Peningkatan Kualitas Pelayanan Publik": Count(1, 1, 0)}
    return AuditReport(year=2022, month=5, as_of="2022-05-31",
                       generated_at="2022-06-01T02:00:05+07:00", evidence_root="/srv/zi/bukti",
                       language=language, office="KPU Kabupaten Karanganyar",
                       summary=Count(6, 3, 3), by_team=by_team, verdicts=verdicts, errors=[],
                       upcoming=upcoming)


@pytest.fixture
def make_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Config]:
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", PASSWORD)

    def make(**kwargs) -> Config:
        return write_config(tmp_path, **kwargs)

    return make


def write_sample_report(config: Config, language: str = "id") -> Path:
    return write_reports(sample_report(language), config.reports_dir, language)


def parts(message: EmailMessage) -> dict[str, str]:
    """text, html and attachment contents of a received message, by content type/name."""
    out = {"text": message.get_body(("plain",)).get_content(),
           "html": message.get_body(("html",)).get_content()}
    for attachment in message.iter_attachments():
        data = attachment.get_content()
        out[attachment.get_filename()] = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    return out
