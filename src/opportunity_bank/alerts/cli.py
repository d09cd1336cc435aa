"""`alerts send [--frequency daily|weekly]`: queue the digests that have something new, send them."""

from __future__ import annotations

import argparse

from opportunity_bank.alerts.rules import FREQUENCIES
from opportunity_bank.settings import Settings


def register(commands) -> None:
    alerts = commands.add_parser("alerts", help="saved-search e-mail alerts")
    actions = alerts.add_subparsers(dest="alerts_command", required=True, metavar="ACTION")
    send = actions.add_parser("send", help="mail each confirmed alert the new openings matching it")
    send.add_argument("--frequency", choices=FREQUENCIES,
                      help="only the daily or the weekly alerts (default: both)")
    send.set_defaults(handler=run_send)


def run_send(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.alerts.digest import send_digests
    from opportunity_bank.mail.sender import MailSender
    from opportunity_bank.search.cli import search_engine
    from opportunity_bank.search.fallback import DatabaseSearch

    frequencies = (args.frequency,) if args.frequency else FREQUENCIES
    with search_engine(settings) as (engine, search):
        search.fallback = DatabaseSearch(engine, search.analyzer)
        report = send_digests(engine, search, frequencies)
        sent = MailSender(settings, engine).send_pending()
    print(f"{report.digests} digests queued for {report.subscriptions} alerts "
          f"({report.openings} openings); mails sent {sent.sent}, to retry {sent.retried}, "
          f"bounced {sent.bounced}")
    return 0
