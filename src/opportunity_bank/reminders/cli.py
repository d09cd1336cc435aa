"""`reminders send`: mail owners about deadlines in a week or a day, and ask about filled positions."""

from __future__ import annotations

import argparse

from opportunity_bank.settings import Settings


def register(commands) -> None:
    reminders = commands.add_parser("reminders", help="deadline reminders for owners of openings")
    actions = reminders.add_subparsers(dest="reminders_command", required=True, metavar="ACTION")
    actions.add_parser("send", help="queue and send the reminders due today").set_defaults(handler=run_send)


def run_send(settings: Settings, _args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.mail.sender import MailSender
    from opportunity_bank.reminders.service import send_reminders

    db.upgrade(settings)
    engine = db.make_engine(settings)
    try:
        report = send_reminders(engine)
        sent = MailSender(settings, engine).send_pending()
    finally:
        engine.dispose()
    print(f"{report.queued} reminders queued; mails sent {sent.sent}, to retry {sent.retried}, "
          f"bounced {sent.bounced}")
    return 0
