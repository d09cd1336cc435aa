"""How long digests and their mail take: queueing digests for many alerts, then sending them.

    PYTHONPATH=src:. .venv/bin/python scripts/bench_alerts.py [--alerts 1000] [--openings 2000]

Loads demo openings into a temporary SQLite bank and the managed Meilisearch, saves ALERTS
confirmed alerts (a few common searches with and without filters), and times `send_digests`
(one search per alert through the student search pipeline) and `MailSender.send_pending`
into a local aiosmtpd server. Prints the numbers.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlmodel import Session
from tests.smtp_server import smtp_server

from opportunity_bank import db
from opportunity_bank.alerts.digest import send_digests
from opportunity_bank.alerts.rules import SavedSearch
from opportunity_bank.mail.addresses import address_hash
from opportunity_bank.mail.sender import MailSender
from opportunity_bank.models import AlertSubscription, utcnow
from opportunity_bank.opportunities.demo import demo_records
from opportunity_bank.opportunities.importer import write_records
from opportunity_bank.opportunities.schemas import validate_import_record
from opportunity_bank.search.analysis import get_analyzer
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.managed import ManagedMeilisearch
from opportunity_bank.settings import Settings

SEARCHES = (
    SavedSearch(q="puisto"), SavedSearch(q="kesätöitä", kind=("summer_job",)), SavedSearch(q="mittaus"),
    SavedSearch(q="geotekniikka", level=("master",)), SavedSearch(kind=("thesis",)),
    SavedSearch(q="liikenne", language=("fi",)),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--openings", type=int, default=2000)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="bench-alerts-"))
    meili = ManagedMeilisearch(data_dir / "meili")
    meili.start()
    try:
        settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'bench.db'}",
                            meili_url=meili.url, meili_master_key=meili.master_key, env="test")
        db.upgrade(settings)
        engine = db.make_engine(settings)
        client = SearchClient(meili.url, meili.master_key, timeout=120)
        search = SearchEngine(client, settings.meili_index, get_analyzer(), fallback=DatabaseSearch(engine))
        confirmed = utcnow() - timedelta(days=1)
        write_records(engine, [validate_import_record(raw)[0] for raw in demo_records(args.openings)])
        indexed = search.reindex(engine)
        with Session(engine) as session:
            for number in range(args.alerts):
                saved = SEARCHES[number % len(SEARCHES)]
                email = f"student{number}@example.fi"
                session.add(AlertSubscription(
                    email=email, address_hash=address_hash(email), search_hash=f"{number}", q=saved.q,
                    kinds=list(saved.kind), units=list(saved.unit), languages=list(saved.language),
                    levels=list(saved.level), frequency="daily", confirmed_at=confirmed))
            session.commit()
        print(f"{args.openings} demo openings ({indexed} searchable), {args.alerts} confirmed alerts")
        started = time.perf_counter()
        report = send_digests(engine, search)
        elapsed = time.perf_counter() - started
        print(f"send_digests: {report.digests} digests, {report.openings} openings listed or counted, "
              f"{elapsed:.2f} s ({elapsed / args.alerts * 1000:.1f} ms per alert)")
        started = time.perf_counter()
        again = send_digests(engine, search)
        print(f"second run: {again.digests} digests in {time.perf_counter() - started:.2f} s")
        with smtp_server() as smtp:
            sender = MailSender(dataclasses.replace(settings, smtp_url=smtp.url), engine)
            started = time.perf_counter()
            sent = sender.send_pending()
            elapsed = time.perf_counter() - started
            print(f"send_pending: {sent.sent} mails to aiosmtpd in {elapsed:.2f} s "
                  f"({sent.sent / max(elapsed, 1e-9):.0f} mails/s, a fresh connection per 50)")
        client.close()
        engine.dispose()
    finally:
        meili.stop()


if __name__ == "__main__":
    main()
