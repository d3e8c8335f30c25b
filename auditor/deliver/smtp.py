"""Send messages over SMTP (STARTTLS, SSL or plain) with login, retrying with backoff.

The password is read from the environment variable the config names, only here, and never
put into a message, a log line or an exception text (every error text is scrubbed of it).
A batch is retried as a whole: after a failed round, wait 2, 4, 8... seconds and try the
messages that failed with a passing error again, up to ``max_attempts`` rounds; what still
fails stays in the outbox for the next run.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from email.message import EmailMessage

from auditor.config.model import SmtpSettings
from auditor.i18n import t

BACKOFF_SECONDS = 2.0
log = logging.getLogger("auditor.deliver")


class SendError(Exception):
    """A failure to tell the user about, with a message already free of the password."""

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


def describe(exc: BaseException, settings: SmtpSettings, password: str | None) -> SendError:
    """A plain, password-free SendError for any failure of smtplib or the network."""
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, SendError):
        return exc
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        message, permanent = t("deliver.smtp.login_failed", user=settings.user, server=where,
                               code=exc.smtp_code), True
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(f"{addr} ({code})" for addr, (code, _) in exc.recipients.items())
        message, permanent = t("deliver.smtp.refused", who=refused), True
    elif isinstance(exc, smtplib.SMTPNotSupportedError):
        message, permanent = t("deliver.smtp.no_starttls", server=where), True
    elif isinstance(exc, smtplib.SMTPResponseException):
        reply = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) \
            else str(exc.smtp_error)
        message = t("deliver.smtp.rejected", server=where, code=exc.smtp_code, reply=reply)
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


class Connection:
    """One SMTP session, opened on first use and reopened after a failure."""

    def __init__(self, settings: SmtpSettings, password: str | None) -> None:
        self.settings = settings
        self._password = password
        self._smtp: smtplib.SMTP | None = None

    def _open(self) -> smtplib.SMTP:
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
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user and self._password is not None:
                smtp.login(s.user, self._password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    @property
    def is_open(self) -> bool:
        return self._smtp is not None

    def send(self, message: EmailMessage) -> None:
        if self._smtp is None:
            self._smtp = self._open()
        self._smtp.send_message(message)

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def send_batch(settings: SmtpSettings, messages: Sequence[tuple[str, EmailMessage]],
               max_attempts: int, *, sleep: Callable[[float], None] = time.sleep,
               ) -> dict[str, SendError | None]:
    """Send every (id, message); the result maps each id to None (sent) or its last error."""
    results: dict[str, SendError | None] = {}
    try:
        password = smtp_password(settings)
    except SendError as exc:
        return {key: exc for key, _ in messages}
    todo = list(messages)
    for attempt in range(1, max(1, max_attempts) + 1):
        if attempt > 1:
            delay = BACKOFF_SECONDS * 2 ** (attempt - 2)
            log.info(t("deliver.smtp.retry", count=len(todo), seconds=f"{delay:g}",
                       attempt=attempt, attempts=max_attempts))
            sleep(delay)
        connection = Connection(settings, password)
        retry: list[tuple[str, EmailMessage]] = []
        try:
            for index, (key, message) in enumerate(todo):
                opening = not connection.is_open
                try:
                    connection.send(message)
                    results[key] = None
                except Exception as exc:  # noqa: BLE001 - every failure becomes a SendError
                    error = describe(exc, settings, password)
                    connection.close()
                    # a server that cannot be reached or refuses the login fails the whole round
                    failed = todo[index:] if opening else [(key, message)]
                    for failed_key, failed_message in failed:
                        results[failed_key] = error
                        if not error.permanent:
                            retry.append((failed_key, failed_message))
                    if opening:
                        break
        finally:
            connection.close()
        todo = retry
        if not todo:
            break
    return results
