"""One SMTP session (STARTTLS, SSL or plain, with login) that sends messages one at a time
and says, for each one, what became of it.

The password is read from the environment variable the config names, only here, and never
put into a message, a log line or an exception text (every error text is scrubbed of it).

Each message is its own transaction (MAIL, RCPT, DATA), so a refusal touches one message:
- 2xx after the data: sent;
- 4xx anywhere, or the connection lost before all data went out: try again later;
- 5xx at RCPT or after the data (unknown address, 552 too large): refused for good;
- the data all sent but no answer (timeout, connection dropped): maybe sent — the server
  may have stored it, so it is not sent again in this run.
What concerns the server as a whole (cannot connect, TLS, login, sender refused) holds every
message of the round; only a connection failure is retried within the run.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl

from auditor.config.model import SmtpSettings
from auditor.deliver.channel import Result, Status
from auditor.i18n import t


class SendError(Exception):
    """A failure of the whole session, with a message already free of the password."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent  # retrying within this run would not help


def smtp_password(settings: SmtpSettings) -> str | None:
    """The password from ``$password_env``; None when no login is configured."""
    if not settings.user or not settings.password_env:
        return None
    value = os.environ.get(settings.password_env)
    if not value:
        raise SendError(t("deliver.smtp.no_password", var=settings.password_env), permanent=True)
    return value


def _scrub(text: str, password: str | None) -> str:
    return text.replace(password, "***") if password else text


def _reply_text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def describe(exc: BaseException, settings: SmtpSettings, password: str | None) -> SendError:
    """A plain, password-free SendError for a failure to open the session."""
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, SendError):
        return exc
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        message, permanent = t("deliver.smtp.login_failed", user=settings.user, server=where,
                               code=exc.smtp_code), True
    elif isinstance(exc, smtplib.SMTPResponseException):
        message = t("deliver.smtp.rejected", server=where, code=exc.smtp_code,
                    reply=_reply_text(exc.smtp_error))
        permanent = exc.smtp_code >= 500
    elif isinstance(exc, ssl.SSLError):
        message, permanent = t("deliver.smtp.tls_failed", server=where,
                               reason=getattr(exc, "reason", None) or exc), True
    elif isinstance(exc, OSError | smtplib.SMTPException):
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        message, permanent = t("deliver.smtp.unreachable", server=where, reason=reason), False
    else:
        message, permanent = f"{type(exc).__name__}: {exc}", False
    return SendError(_scrub(message, password), permanent)


def _quote(payload: bytes) -> bytes:
    """The DATA of ``payload`` (CRLF lines): leading dots doubled, the closing dot added."""
    data = re.sub(rb"(?m)^\.", b"..", payload)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


class Session:
    """One SMTP session, opened on first use and reopened after a failure."""

    def __init__(self, settings: SmtpSettings, password: str | None) -> None:
        self.settings = settings
        self._password = password
        self._smtp: smtplib.SMTP | None = None

    @property
    def where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def open(self) -> None:
        """Connect, secure and log in; raises SendError (password-free) when it cannot."""
        if self._smtp is not None:
            return
        try:
            self._smtp = self._connect()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a SendError
            raise describe(exc, self.settings, self._password) from None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_seconds,
                                                  context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout_seconds)
        try:
            smtp.ehlo()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError(t("deliver.smtp.no_starttls", server=self.where), True)
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user and self._password is not None:
                if not smtp.has_extn("auth"):
                    raise SendError(t("deliver.smtp.no_auth", server=self.where,
                                      security=s.security), True)
                smtp.login(s.user, self._password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _lost(self, exc: BaseException) -> str:
        self.close()
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return _scrub(t("deliver.smtp.unreachable", server=self.where, reason=reason),
                      self._password)

    def _refused(self, code: int, reply: bytes | str, recipient: str, stage: str) -> Result:
        try:
            assert self._smtp is not None
            self._smtp.rset()
        except (OSError, smtplib.SMTPException):
            self.close()
        text = t(f"deliver.smtp.refused_{stage}", server=self.where, who=recipient, code=code,
                 reply=_reply_text(reply))
        if 400 <= code < 500:
            return Result(Status.RETRY, text)
        if stage == "sender":
            return Result(Status.HELD, text)
        return Result(Status.FAILED, text)

    def deliver(self, sender: str, recipient: str, payload: bytes) -> Result:
        """Send one message to one recipient over the open session."""
        smtp = self._smtp
        assert smtp is not None
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                return self._refused(code, reply, recipient, "sender")
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                return self._refused(code, reply, recipient, "recipient")
            smtp.putcmd("data")
            code, reply = smtp.getreply()
            if code != 354:
                return self._refused(code, reply, recipient, "message")
        except (OSError, smtplib.SMTPException) as exc:
            return Result(Status.RETRY, self._lost(exc))
        try:
            smtp.send(_quote(payload))
        except (OSError, smtplib.SMTPException) as exc:  # dropped mid-DATA: not taken
            return Result(Status.RETRY, self._lost(exc))
        try:
            code, reply = smtp.getreply()
        except (OSError, smtplib.SMTPException) as exc:
            reason = self._lost(exc)
            return Result(Status.MAYBE, t("deliver.smtp.maybe_sent", who=recipient, reason=reason))
        if code == 250:
            return Result(Status.SENT)
        return self._refused(code, reply, recipient, "message")

    @property
    def is_open(self) -> bool:
        return self._smtp is not None

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()
