"""A real SMTP server for the mail tests: aiosmtpd on a free loopback port.

It keeps every message it accepts and can be told to refuse a recipient with a given reply
(a permanent 550 or a temporary 451), so tests see what a mail server really answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from opportunity_bank.search.managed import free_loopback_port


@dataclass
class Received:
    envelope_from: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class RecordingHandler:
    received: list[Received] = field(default_factory=list)
    # Recipient address -> the reply to RCPT TO, e.g. "550 5.1.1 No such user".
    refuse: dict[str, str] = field(default_factory=dict)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    handler: RecordingHandler
    url: str

    @property
    def messages(self) -> list[EmailMessage]:
        return [r.message for r in self.handler.received]

    def to(self, address: str) -> list[EmailMessage]:
        return [r.message for r in self.handler.received if address in r.recipients]


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    handler = RecordingHandler()
    port = free_loopback_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer(handler, f"smtp://127.0.0.1:{port}")
    finally:
        controller.stop()


def parts(message: EmailMessage) -> tuple[str, str]:
    """The text and the HTML part of a multipart/alternative mail."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html
