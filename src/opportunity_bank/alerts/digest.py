"""Digests: each confirmed subscription gets the new openings that match its search.

"New" means published since the last digest run looked at the subscription (or since it was
confirmed) and never listed to it before (alert_sent_openings), so a digest repeats nothing.
The window reaches back INDEX_LAG before the last run: an opening published just before a run
but not yet in the index then comes in the next digest rather than never. Matching goes
through SearchEngine.search, the very pipeline of the student search (Finnish base forms,
synonyms, filters; the database when Meilisearch is away), restricted to the candidates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank import mail
from opportunity_bank.accounts.sessions import aware
from opportunity_bank.alerts.rules import DIGEST_LIMIT, FREQUENCIES
from opportunity_bank.alerts.service import MANAGE, issue_token, saved_search
from opportunity_bank.models import AlertSentOpening, AlertSubscription, MailBounce, Opportunity, utcnow
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import searchable_clause
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.pages import search_url
from opportunity_bank.search.query import SearchResult

log = logging.getLogger(__name__)
PAGE = 100  # matching openings asked per search request when collecting them all
INDEX_LAG = timedelta(hours=1)
HIT_FIELDS = ("title", "kind", "unit", "application_deadline", "url", "content_language")


@dataclass(slots=True)
class DigestReport:
    subscriptions: int = 0
    digests: int = 0
    openings: int = 0


def due_subscriptions(session: Session, frequencies: tuple[str, ...]) -> list[AlertSubscription]:
    """Confirmed subscriptions of these frequencies whose address does not bounce."""
    bouncing = select(MailBounce.address_hash)
    return list(session.exec(
        select(AlertSubscription).where(
            AlertSubscription.confirmed_at.is_not(None),
            AlertSubscription.frequency.in_(frequencies),
            AlertSubscription.address_hash.not_in(bouncing),
        ).order_by(AlertSubscription.id)
    ).all())


def candidate_ids(session: Session, subscription: AlertSubscription) -> list[int]:
    since = aware(subscription.confirmed_at)
    if subscription.last_digest_at is not None:
        since = max(since, aware(subscription.last_digest_at) - INDEX_LAG)
    sent = select(AlertSentOpening.opportunity_id).where(AlertSentOpening.subscription_id == subscription.id)
    return list(session.exec(
        select(Opportunity.id).where(
            searchable_clause(city_today()),
            Opportunity.published_at > since,
            Opportunity.id.not_in(sent),
        )
    ).all())


def matching(search: SearchEngine, subscription: AlertSubscription,
             ids: list[int]) -> tuple[SearchResult, list[int]]:
    """The first page of matches (newest first) and the ids of every match."""
    saved = saved_search(subscription)
    first = search.search(saved.request(ids=tuple(ids), per_page=DIGEST_LIMIT, sort="newest", facets=False))
    if first.total <= DIGEST_LIMIT:
        return first, [int(hit["id"]) for hit in first.hits]
    matched: list[int] = []
    for page in range(1, -(-first.total // PAGE) + 1):
        answer = search.search(saved.request(ids=tuple(ids), per_page=PAGE, page=page, sort="newest",
                                             facets=False))
        matched.extend(int(hit["id"]) for hit in answer.hits)
    return first, matched


def send_digests(engine: Engine, search: SearchEngine, frequencies: tuple[str, ...] = FREQUENCIES,
                 now: datetime | None = None) -> DigestReport:
    """Queue one digest per subscription that has something new; each in its own transaction."""
    report = DigestReport()
    now = now or utcnow()
    with Session(engine) as session:
        subscription_ids = [s.id for s in due_subscriptions(session, frequencies)]
    for subscription_id in subscription_ids:
        report.subscriptions += 1
        with Session(engine) as session:
            subscription = session.get(AlertSubscription, subscription_id)
            if subscription is None:  # unsubscribed meanwhile
                continue
            ids = candidate_ids(session, subscription)
            if not ids:
                continue
            first, matched = matching(search, subscription, ids)
            subscription.last_digest_at = now
            session.add(subscription)
            if not matched:
                session.commit()
                continue
            unsubscribe = issue_token(session, subscription, MANAGE)
            mail.enqueue(
                session, to=subscription.email, template="alerts/digest", language=subscription.language,
                context={
                    "query": subscription.q,
                    "frequency": subscription.frequency,
                    "total": len(matched),
                    "hits": [{name: hit.get(name) for name in HIT_FIELDS} for hit in first.hits],
                    "search_path": search_url("/", saved_search(subscription).request()),
                    "manage_path": f"/alerts/manage/{unsubscribe}",
                },
                unsubscribe_path=f"/alerts/unsubscribe/{unsubscribe}",
            )
            for opening_id in matched:
                session.add(AlertSentOpening(subscription_id=subscription.id, opportunity_id=opening_id,
                                             sent_at=now))
            session.commit()
            report.digests += 1
            report.openings += len(matched)
    log.info("alert digests: %d subscriptions, %d digests queued, %d openings",
             report.subscriptions, report.digests, report.openings)
    return report
