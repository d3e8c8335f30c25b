"""A real SMTP server in the test process (aiosmtpd) that records what it receives, with
LOGIN/PLAIN auth against a test password; shared by the mail tests and the whole-tool tests.

Faults on demand (the Recorder's fields): refuse chosen recipients at RCPT with scripted
replies (4xx then 5xx...), drop the connection during DATA for chosen recipients, answer
slowly after storing a message, and (Controller ``data_size_limit``) refuse large mail."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

PASSWORD = "s3kr3t-Pa55-zi"  # noqa: S105 - a test password that must never leak
USER = "zi-auditor"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Recorder:
    """The aiosmtpd handler: keeps every message; can refuse the first N with 451."""

    messages: list[Received] = field(default_factory=list)
    refuse_first: int = 0
    logins: list[str] = field(default_factory=list)
    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)  # address: replies in turn
    rcpt_seen: list[str] = field(default_factory=list)  # every RCPT address, in order
    drop_data_for: set[str] = field(default_factory=set)  # close the connection, store nothing
    slow_seconds: float = 0.0  # wait this long after storing, before answering
    slow_for: set[str] = field(default_factory=set)  # only for these (empty: everyone)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001
        self.rcpt_seen.append(address)
        script = self.rcpt_replies.get(address)
        if script:
            return script.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001 - aiosmtpd API
        if self.refuse_first > 0:
            self.refuse_first -= 1
            return "451 4.3.0 coba lagi nanti"
        dropped = self.drop_data_for & set(envelope.rcpt_tos)
        if dropped:
            self.drop_data_for -= dropped  # once each
            server.transport.close()
            return "421 closing"
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        if self.slow_seconds and (not self.slow_for or self.slow_for & set(envelope.rcpt_tos)):
            await asyncio.sleep(self.slow_seconds)
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):  # noqa: ANN001
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER
              and auth_data.password.decode() == PASSWORD)
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if address in m.rcpt_tos]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class MailServer:
    recorder: Recorder
    port: int
    controller: Controller | None = None
    kwargs: dict = field(default_factory=dict)

    def start(self) -> None:
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port,
                                     authenticator=self.recorder.authenticate, **self.kwargs)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@contextmanager
def running_smtp_server() -> Iterator[MailServer]:
    """A plain SMTP server offering LOGIN/PLAIN auth (no TLS), on a free port of 127.0.0.1."""
    server = MailServer(Recorder(), free_port(), kwargs={"auth_require_tls": False})
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server() -> Iterator[MailServer]:
    with running_smtp_server() as server:
        yield server
