"""What every delivery channel works with: a letter to compose, a queued message, a result.

A channel is a module in ``auditor/deliver/channels/`` with the same names in each (found by
``auditor.deliver.dispatch``, as borgmatic finds its monitoring hooks):

- ``NAME``: the channel's name, stored with every queued message ("email");
- ``SUFFIX``: the file suffix of a stored payload (".eml"), so a person can open it;
- ``address_of(person) -> str | None``: the person's address in this channel;
- ``render(config, letter, now) -> Outgoing``: the payload for one recipient;
- ``problem(config) -> str | None``: why nothing can be sent at all (no server, no
  password), said before anything is tried;
- ``send(config, batch, on_result, budget)``: send each ``Queued`` of the batch and call
  ``on_result(queued, result)`` right after each one's fate is known, so the outbox records
  a message as sent before the next one goes.

The letter (words, tables, attachments) is the same for every channel; only the rendering
and the transport differ. The next channel (a WhatsApp gateway) is one more module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from auditor.deliver.body import Body
from auditor.i18n import t


@dataclass
class Attachment:
    filename: str  # ASCII
    data: bytes
    subtype: str  # "csv", "html"


@dataclass
class Letter:
    """One message to one person, before a channel renders it."""

    kind: str  # "team:<name>", "coordinator", "alert:<YYYY-MM-DD>", "notice:<id>"
    year: int
    month: int
    to_name: str
    to: str  # the address in the channel
    subject: str
    body: Body
    attachments: list[Attachment] = field(default_factory=list)
    # closing lines said when the attachments go along / when they are too large to
    attached_note: list[str] = field(default_factory=list)
    not_attached_note: list[str] = field(default_factory=list)


def label_of(kind: str, recipient: str) -> str:
    """'Tim Pengawasan <addr>', 'koordinator <addr>' or 'peringatan ... <addr>' for people."""
    if kind.startswith("team:"):
        who = kind.split(":", 1)[1]
    else:
        who = t(f"deliver.label.{kind.split(':', 1)[0]}")
    return f"{who} <{recipient}>"


@dataclass
class Outgoing:
    """A rendered message: what the outbox stores (channel + recipient + payload)."""

    channel: str
    kind: str
    year: int
    month: int
    recipient: str
    payload: bytes
    message_id: str

    @property
    def label(self) -> str:
        return label_of(self.kind, self.recipient)


class Status(Enum):
    SENT = "sent"  # the server took it
    RETRY = "retry"  # a passing failure: try again later in this run or the next
    FAILED = "failed"  # this recipient or message is refused for good
    MAYBE = "maybe"  # the server had it all but its answer never came: not resent this run
    HELD = "held"  # not tried, because the server as a whole refused (login, TLS, sender)


@dataclass(frozen=True)
class Result:
    status: Status
    reason: str | None = None


@dataclass
class Queued:
    """A queued message handed to a channel's ``send``."""

    id: str
    recipient: str
    payload: bytes
    label: str


@dataclass
class Budget:
    """How long one run may spend sending, retries and waits included.

    A slow or refusing server can never hold the nightly run for hours: no new message or
    retry round starts after the deadline, and a wait that would end after it is not made.
    """

    seconds: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    start: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.start = self.clock()

    @property
    def deadline(self) -> float:
        return self.start + self.seconds

    def left(self) -> float:
        return self.deadline - self.clock()

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds`` if that ends before the deadline; False (no sleep) if not."""
        if seconds >= self.left():
            return False
        self.sleep(seconds)
        return True


ResultCallback = Callable[[Queued, Result], None]
