"""The mail outbox and sender against a real SMTP server (aiosmtpd): headers, both parts,
languages, a permanent 550 (bounce), a temporary 451 (retry), nothing sent twice."""

from __future__ import annotations

import dataclasses
import logging
import threading
from datetime import timedelta
from email import message_from_bytes, policy

from sqlmodel import Session, select

from opportunity_bank import mail
from opportunity_bank.db import session_scope
from opportunity_bank.mail.addresses import address_hash
from opportunity_bank.mail.sender import MailSender
from opportunity_bank.models import MailBounce, MailMessage, utcnow
from tests.smtp_server import parts

STUDENT = "Opiskelija.Testi@Example.FI"


def our_log(caplog) -> str:
    """What the bank logged (the test SMTP server logs addresses, as servers do)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("opportunity_bank"))


def queue(engine, to=STUDENT, language="fi", **context):
    with session_scope(engine) as session:
        message = mail.enqueue(session, to=to, template="alerts/confirm", language=language,
                               context={"query": "kesätöitä puistoissa", "frequency": "daily",
                                        "confirm_path": "/alerts/confirm/abc",
                                        "manage_path": "/alerts/manage/m", **context})
    return message.id


def test_a_mail_has_both_parts_headers_and_absolute_links(mail_settings, engine, smtp):
    queue(engine)
    report = MailSender(mail_settings, engine).send_pending()
    assert report.sent == 1
    (received,) = smtp.handler.received
    assert received.recipients == ["Opiskelija.Testi@example.fi"]
    assert received.envelope_from == "noreply@espoo.fi"
    message = received.message
    assert message["Subject"] == "Vahvista hakuvahtisi"
    assert message["From"] == "Mahdollisuuspankki <noreply@espoo.fi>"
    assert message["Content-Language"] == "fi"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@espoo.fi>")
    assert message.get_content_type() == "multipart/alternative"
    text, html = parts(message)
    assert "https://mahdollisuudet.espoo.fi/alerts/confirm/abc" in text
    assert "kesätöitä puistoissa" in text and "&" not in text.split("--")[0]
    assert '<html lang="fi">' in html and "<title>Vahvista hakuvahtisi</title>" in html
    assert 'href="https://mahdollisuudet.espoo.fi/alerts/confirm/abc"' in html
    assert "<img" not in html  # no tracking pixels, no images at all
    # Once sent, the outbox keeps no address and no links (tokens).
    with Session(engine) as session:
        row = session.exec(select(MailMessage)).one()
        assert row.sent_at is not None and row.to_address is None and row.context == {}


def test_mails_come_in_the_recipients_language(mail_settings, engine, smtp):
    for language, address in (("fi", "a@example.fi"), ("sv", "b@example.fi"), ("en", "c@example.fi")):
        queue(engine, to=address, language=language)
    MailSender(mail_settings, engine).send_pending()
    subjects = {m["To"]: (m["Subject"], m["Content-Language"]) for m in smtp.messages}
    assert subjects == {"a@example.fi": ("Vahvista hakuvahtisi", "fi"),
                        "b@example.fi": ("Bekräfta din jobbevakning", "sv"),
                        "c@example.fi": ("Confirm your job alert", "en")}
    swedish = smtp.to("b@example.fi")[0]
    assert '<html lang="sv">' in parts(swedish)[1]


def test_a_permanent_refusal_marks_the_address_bouncing(mail_settings, engine, smtp, caplog):
    smtp.handler.refuse["gone@example.fi"] = "550 5.1.1 <GONE@example.fi>: Recipient address rejected"
    queue(engine, to="gone@example.fi")
    queue(engine, to="ok@example.fi")
    with caplog.at_level(logging.INFO, logger="opportunity_bank.mail"):
        report = MailSender(mail_settings, engine).send_pending()
    ours = our_log(caplog)
    assert "550" in ours and "@example.fi" not in ours.lower()
    assert (report.sent, report.bounced, report.retried) == (1, 1, 0)
    assert mail.is_bouncing(Session(engine), "gone@example.fi")
    with Session(engine) as session:
        failed = session.exec(select(MailMessage).where(MailMessage.failed_at.is_not(None))).one()
        assert "550" in failed.last_error and failed.to_address is None
        assert "example.fi" not in failed.last_error
    # Nothing more is tried for the refused mail.
    assert MailSender(mail_settings, engine).send_pending(now=utcnow() + timedelta(days=1)).sent == 0
    assert [m["To"] for m in smtp.messages] == ["ok@example.fi"]


def test_a_temporary_refusal_is_retried_later_and_sent_once(mail_settings, engine, smtp):
    smtp.handler.refuse["busy@example.fi"] = "451 4.3.0 Try again later"
    queue(engine, to="busy@example.fi")
    sender = MailSender(mail_settings, engine)
    assert sender.send_pending().retried == 1
    with Session(engine) as session:
        row = session.exec(select(MailMessage)).one()
        assert row.attempts == 1 and "451" in row.last_error and row.to_address == "busy@example.fi"
    assert sender.send_pending().sent == 0  # not due yet: it waits for its backoff
    del smtp.handler.refuse["busy@example.fi"]
    assert sender.send_pending(now=utcnow() + timedelta(minutes=2)).sent == 1
    assert sender.send_pending(now=utcnow() + timedelta(days=1)).sent == 0
    assert len(smtp.to("busy@example.fi")) == 1
    assert not mail.is_bouncing(Session(engine), "busy@example.fi")


def test_a_server_that_cannot_be_reached_keeps_the_mail_for_later(mail_settings, engine, smtp):
    from opportunity_bank.search.managed import free_loopback_port

    queue(engine)
    closed = dataclasses.replace(mail_settings, smtp_url=f"smtp://127.0.0.1:{free_loopback_port()}")
    assert MailSender(closed, engine).send_pending().retried == 1
    assert MailSender(mail_settings, engine).send_pending(now=utcnow() + timedelta(minutes=2)).sent == 1


def test_two_senders_at_once_send_each_mail_once(mail_settings, engine, smtp):
    for number in range(30):
        queue(engine, to=f"student{number}@example.fi")
    start = threading.Barrier(3)

    def drain():
        start.wait()
        MailSender(mail_settings, engine).send_pending(limit=5)

    threads = [threading.Thread(target=drain) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(m["To"] for m in smtp.messages) == sorted(f"student{n}@example.fi" for n in range(30))


def test_without_smtp_mails_are_written_as_files(settings, engine, caplog):
    queue(engine)
    with caplog.at_level(logging.INFO, logger="opportunity_bank.mail"):
        assert MailSender(settings, engine).send_pending().sent == 1
    (path,) = (settings.data_dir / "mail").glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["To"] == "Opiskelija.Testi@example.fi"
    ours = our_log(caplog)
    assert "written to" in ours
    # Logs name the address by its hash only.
    assert "example.fi" not in ours.lower() and address_hash(STUDENT)[:12] in ours


def test_a_successful_delivery_clears_an_old_bounce(mail_settings, engine, smtp):
    with session_scope(engine) as session:
        session.add(MailBounce(address_hash=address_hash("back@example.fi"), reason="550 earlier"))
    queue(engine, to="back@example.fi")
    MailSender(mail_settings, engine).send_pending()
    assert not mail.is_bouncing(Session(engine), "back@example.fi")
