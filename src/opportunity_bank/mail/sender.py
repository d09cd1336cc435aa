"""Draining the mail outbox: one fresh SMTP connection per batch, retries with backoff.

A message is claimed with a lease before it is sent, so two senders (two processes, or
`serve` and a command) never both send it; it is marked sent in its own commit right after
the server accepted it. Only a crash between the server's acceptance and that commit can
send one twice, after the lease ran out: there is no way to ask the server what it got.

The server's answers decide: 2xx sent; 4xx or a lost connection tried again later (backoff
doubling from a minute up to six hours, given up after MAX_ATTEMPTS); 5xx for the recipient
is permanent: the address is marked bouncing (which suspends its alerts) and the message
failed. Without SMTP_URL each mail is written as a .eml file under DATA_DIR/mail/ instead.
"""

from __future__ import annotations

import logging
import re
import smtplib
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import parseaddr

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, delete, select

from opportunity_bank.mail.addresses import log_name
from opportunity_bank.mail.outbox import mail_queued
from opportunity_bank.mail.render import build_message, render
from opportunity_bank.mail.transport import connect, parse_smtp_url
from opportunity_bank.models import MailBounce, MailMessage, utcnow
from opportunity_bank.settings import Settings

log = logging.getLogger(__name__)
BATCH = 50
LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 12
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
POLL_SECONDS = 10


def retry_delay(attempts: int) -> timedelta:
    """After the n-th failed attempt: 1, 2, 4 … minutes, at most six hours."""
    return min(FIRST_RETRY * 2 ** max(0, attempts - 1), LONGEST_RETRY)


def scrubbed(reason: str, message: MailMessage) -> str:
    """A server's reply often repeats the recipient; logs and the outbox keep its hash instead."""
    if not message.to_address:
        return reason
    return re.sub(re.escape(message.to_address), log_name(message.address_hash), reason, flags=re.IGNORECASE)


class PermanentRefusal(Exception):
    """The server refused the recipient or the message with a 5xx."""


@dataclass(slots=True)
class SendReport:
    sent: int = 0
    retried: int = 0
    bounced: int = 0
    failed: int = 0


class SendingLoop:
    """Sends in a daemon thread: at once after this process queues mail, else every `poll` s
    (mail queued by other processes, retries that have come due)."""

    def __init__(self, sender: MailSender, poll: float = POLL_SECONDS) -> None:
        self.sender = sender
        self.poll = poll
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="mail-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        mail_queued.set()
        if self._thread:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            mail_queued.wait(self.poll)
            mail_queued.clear()
            if self._stop.is_set():
                return
            try:
                self.sender.send_pending()
            except Exception:
                log.exception("sending mail failed; the outbox keeps the mails")


class MailSender:
    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.target = parse_smtp_url(settings.smtp_url) if settings.smtp_url else None

    # --- claiming ---------------------------------------------------------------------------
    def _claim(self, now: datetime, limit: int) -> list[MailMessage]:
        """Due messages this sender now owns; another sender's live claim is left alone."""
        free = or_(MailMessage.claimed_until.is_(None), MailMessage.claimed_until < now)
        due = [MailMessage.sent_at.is_(None), MailMessage.failed_at.is_(None),
               MailMessage.available_at <= now, free]
        claimed: list[int] = []
        with Session(self.engine) as session:
            candidates = session.exec(
                select(MailMessage.id).where(*due).order_by(MailMessage.id).limit(limit)
            ).all()
            for message_id in candidates:
                won = session.exec(
                    update(MailMessage).where(MailMessage.id == message_id, *due)
                    .values(claimed_until=now + LEASE)
                )
                if won.rowcount == 1:
                    claimed.append(message_id)
            session.commit()
            if not claimed:
                return []
            messages = session.exec(select(MailMessage).where(MailMessage.id.in_(claimed))
                                    .order_by(MailMessage.id)).all()
            for message in messages:
                session.expunge(message)
        return list(messages)

    # --- sending ----------------------------------------------------------------------------
    def send_pending(self, now: datetime | None = None, limit: int = BATCH) -> SendReport:
        """Send what is due now, in batches, until nothing due is left (or a batch fails)."""
        report = SendReport()
        while True:
            batch = self._claim(now or utcnow(), limit)
            if not batch:
                return report
            if self._send_batch(batch, report) < len(batch):
                return report  # the server is unwell: the rest waits for its retry time

    def _send_batch(self, batch: list[MailMessage], report: SendReport) -> int:
        """Returns how many messages got a final answer or a retry from the server itself."""
        if self.target is None:
            for message in batch:
                self._write_file(message)
                self._sent(message, report)
            return len(batch)
        try:
            connection = connect(self.target)
        except (OSError, smtplib.SMTPException) as error:
            for message in batch:
                self._retry(message, f"connecting: {error}", report)
            return 0
        answered = 0
        try:
            for message in batch:
                try:
                    self._deliver(connection, message)
                except PermanentRefusal as refusal:
                    self._bounced(message, str(refusal), report)
                except smtplib.SMTPResponseException as error:
                    self._retry(message, f"{error.smtp_code} {error.smtp_error!r}", report)
                except (OSError, smtplib.SMTPException) as error:
                    # Connection lost mid-batch: this and the rest wait for their retry.
                    self._retry(message, str(error) or type(error).__name__, report)
                    break
                else:
                    self._sent(message, report)
                answered += 1
        finally:
            try:
                connection.quit()
            except (OSError, smtplib.SMTPException):
                connection.close()
        for message in batch[answered + 1:]:
            self._retry(message, "not tried: the connection was lost", report)
        return answered

    def _deliver(self, connection: smtplib.SMTP, message: MailMessage) -> None:
        email = self._build(message)
        envelope_from = parseaddr(self.settings.mail_from)[1]
        try:
            refused = connection.send_message(email, from_addr=envelope_from, to_addrs=[message.to_address])
        except smtplib.SMTPRecipientsRefused as error:
            code, text = next(iter(error.recipients.values()))
            if 500 <= code < 600:
                raise PermanentRefusal(f"{code} {text!r}") from None
            raise smtplib.SMTPResponseException(code, text) from None
        except smtplib.SMTPDataError as error:
            if 500 <= error.smtp_code < 600:
                raise PermanentRefusal(f"{error.smtp_code} {error.smtp_error!r}") from None
            raise
        if refused:  # cannot happen with one recipient, but never count a refusal as sent
            code, text = next(iter(refused.values()))
            raise PermanentRefusal(f"{code} {text!r}")

    def _build(self, message: MailMessage) -> EmailMessage:
        rendered = render(self.settings, message.template, message.language, message.context)
        return build_message(self.settings, rendered, message.to_address or "", message.language,
                             message.unsubscribe_path)

    def _write_file(self, message: MailMessage) -> None:
        directory = self.settings.mail_dir
        directory.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%dT%H%M%S}-{message.id:06d}-{message.template.replace('/', '-')}.eml"
        (directory / name).write_bytes(bytes(self._build(message)))
        log.info("mail %d (%s) to %s written to %s (no SMTP_URL set)", message.id, message.template,
                 log_name(message.address_hash), directory / name)

    # --- outcomes: each in its own commit, so a crash later loses none of them ----------------
    def _sent(self, message: MailMessage, report: SendReport) -> None:
        with Session(self.engine) as session:
            session.exec(update(MailMessage).where(MailMessage.id == message.id)
                         .values(to_address=None, context={}, claimed_until=None, sent_at=utcnow(),
                                 attempts=message.attempts + 1))
            session.exec(delete(MailBounce).where(MailBounce.address_hash == message.address_hash))
            session.commit()
        report.sent += 1
        log.info("mail %d (%s) sent to %s", message.id, message.template, log_name(message.address_hash))

    def _bounced(self, message: MailMessage, reason: str, report: SendReport) -> None:
        reason = scrubbed(reason, message)
        with Session(self.engine) as session:
            session.exec(update(MailMessage).where(MailMessage.id == message.id)
                         .values(to_address=None, context={}, claimed_until=None, failed_at=utcnow(),
                                 attempts=message.attempts + 1, last_error=reason[:1000]))
            if session.get(MailBounce, message.address_hash) is None:
                session.add(MailBounce(address_hash=message.address_hash, reason=reason[:500]))
            session.commit()
        report.bounced += 1
        log.warning("mail %d (%s) to %s refused permanently, address marked bouncing: %s",
                    message.id, message.template, log_name(message.address_hash), reason)

    def _retry(self, message: MailMessage, reason: str, report: SendReport) -> None:
        reason = scrubbed(reason, message)
        attempts = message.attempts + 1
        values: dict = {"attempts": attempts, "last_error": reason[:1000], "claimed_until": None}
        if attempts >= MAX_ATTEMPTS:
            values.update(failed_at=utcnow(), to_address=None, context={})
            report.failed += 1
            log.error("mail %d (%s) to %s given up after %d attempts: %s", message.id, message.template,
                      log_name(message.address_hash), attempts, reason)
        else:
            values["available_at"] = utcnow() + retry_delay(attempts)
            report.retried += 1
            log.warning("mail %d (%s) to %s not sent (attempt %d), retrying later: %s", message.id,
                        message.template, log_name(message.address_hash), attempts, reason)
        with Session(self.engine) as session:
            session.exec(update(MailMessage).where(MailMessage.id == message.id).values(**values))
            session.commit()
