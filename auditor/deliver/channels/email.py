"""The e-mail channel: a letter becomes a MIME message (plain text + HTML, attachments),
sent over SMTP one message at a time (``auditor.deliver.smtp``).

Header safety: every header value goes through ``clean_header`` (control characters, CR and
LF become spaces) and addresses are ``email.headerregistry.Address`` objects, so a team or
lead name like ``"X\\r\\nBcc: evil@x"`` stays text inside a quoted display name and can never
start a header of its own. Attachment names are ASCII slugs.

Size: a message stays under ``MAX_MESSAGE_BYTES`` (well below Postfix's default 10 MB
``message_size_limit``): the body lists at most ``body.MAX_ROWS`` gaps; attachments that make
it too large are sent as one ZIP file, and if that is still too large they are left out and
the message names the report folder instead.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from auditor.config.model import Config, Person, Team
from auditor.deliver.channel import (
    Attachment,
    Budget,
    Letter,
    Outgoing,
    Queued,
    Result,
    ResultCallback,
    Status,
)
from auditor.deliver.smtp import SendError, Session, smtp_password
from auditor.errors import UserError
from auditor.i18n import t

NAME = "email"
SUFFIX = ".eml"
MAX_MESSAGE_BYTES = 5_000_000
BACKOFF_SECONDS = 2.0
FALLBACK_SENDER = "zi-auditor <zi-auditor@localhost>"
log = logging.getLogger("auditor.deliver")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def clean_header(value: object) -> str:
    """``value`` as one line: no CR, LF or other control character can reach a header."""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def address(name: str, email: str) -> Address:
    try:
        return Address(display_name=clean_header(name), addr_spec=clean_header(email))
    except (ValueError, IndexError, TypeError) as exc:
        raise UserError(t("deliver.bad_address", address=clean_header(email), reason=exc)) from None


def sender_address(config: Config) -> Address:
    raw = config.smtp.sender if config.smtp else FALLBACK_SENDER
    name, addr = parseaddr(clean_header(raw))
    return address(name, addr or clean_header(raw))


def address_of(person: Team | Person) -> str | None:
    return person.email or None


def problem(config: Config) -> str | None:
    """Why nothing can be sent by e-mail at all, or None."""
    if config.smtp is None:
        return t("deliver.no_smtp")
    try:
        smtp_password(config.smtp)
    except SendError as exc:
        return exc.message
    return None


def _mime(config: Config, letter: Letter, now: datetime, attachments: Sequence[Attachment],
          note: list[str]) -> EmailMessage:
    sender = sender_address(config)
    body = replace(letter.body, closing=[*note, *letter.body.closing])
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = address(letter.to_name or letter.to, letter.to)
    msg["Subject"] = clean_header(letter.subject)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid("zi-auditor", domain=sender.domain or "localhost")
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to a robot
    msg.set_content(body.text())
    msg.add_alternative(body.html(), subtype="html")
    for item in attachments:
        if item.subtype == "zip":
            msg.add_attachment(item.data, maintype="application", subtype="zip",
                               filename=item.filename)
        else:  # UTF-8 text (CSV keeps its BOM so Excel shows Indonesian text intact)
            msg.add_attachment(item.data.decode("utf-8"), subtype=item.subtype, charset="utf-8",
                               filename=item.filename, cte="base64")
    # last: making a message multipart moves every Content-* header into the first part
    msg["Content-Language"] = body.lang
    return msg


def _zipped(letter: Letter) -> Attachment:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in letter.attachments:
            archive.writestr(item.filename, item.data)
    stem = letter.attachments[0].filename.rsplit(".", 1)[0]
    return Attachment(f"{stem}.zip", buffer.getvalue(), "zip")


def render(config: Config, letter: Letter, now: datetime) -> Outgoing:
    """The message of ``letter``, under MAX_MESSAGE_BYTES (see the module's text)."""
    tries: list[tuple[list[Attachment], list[str]]] = [(letter.attachments, letter.attached_note)]
    if letter.attachments:
        packed = _zipped(letter)
        tries.append(([packed], [*letter.attached_note,
                                 t("deliver.zipped", letter.body.lang, filename=packed.filename)]))
        tries.append(([], letter.not_attached_note))
    for attachments, note in tries:
        msg = _mime(config, letter, now, attachments, note)
        data = msg.as_bytes(policy=policy.SMTP)
        if len(data) <= MAX_MESSAGE_BYTES:
            break
    return Outgoing(NAME, letter.kind, letter.year, letter.month, letter.to, data,
                    str(msg["Message-ID"]))


def send(config: Config, batch: Sequence[Queued], on_result: ResultCallback,
         budget: Budget) -> None:
    """Send every message of ``batch``, calling ``on_result`` as soon as each one's fate is
    known; passing failures are retried in rounds (waits of 2, 4, 8 … s, up to
    ``email.max_attempts`` rounds) while the budget lasts."""
    assert config.smtp is not None
    try:
        password = smtp_password(config.smtp)
    except SendError as exc:
        for item in batch:
            on_result(item, Result(Status.HELD, exc.message))
        return
    sender = sender_address(config).addr_spec
    todo = list(batch)
    attempts = max(1, config.email.max_attempts)
    for attempt in range(1, attempts + 1):
        if attempt > 1:
            delay = BACKOFF_SECONDS * 2 ** (attempt - 2)
            log.info(t("deliver.smtp.retry", count=len(todo), seconds=f"{delay:g}",
                       attempt=attempt, attempts=attempts))
            if not budget.wait(delay):
                break  # what is left waits in the outbox for the next run
        session = Session(config.smtp, password)
        retry: list[Queued] = []
        try:
            for index, item in enumerate(todo):
                if budget.left() <= 0:
                    for rest in todo[index:]:
                        on_result(rest, Result(Status.RETRY, t("deliver.out_of_time")))
                    return
                try:
                    session.open()
                except SendError as exc:  # the server as a whole: the rest of the round
                    status = Status.HELD if exc.permanent else Status.RETRY
                    for rest in todo[index:]:
                        on_result(rest, Result(status, exc.message))
                        if status is Status.RETRY:
                            retry.append(rest)
                    break
                result = session.deliver(sender, item.recipient, item.payload)
                on_result(item, result)
                if result.status is Status.RETRY:
                    retry.append(item)
                elif result.status is Status.HELD:  # the sender is refused: so are the rest
                    for rest in todo[index + 1:]:
                        on_result(rest, result)
                    break
        finally:
            session.close()
        todo = retry
        if not todo:
            break
