"""Subscribing, confirming, unsubscribing and managing alerts through the API and the pages,
with a real SMTP server; bad input, repeated subscriptions, rate limits, tokens."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from opportunity_bank.alerts import service
from opportunity_bank.alerts.rules import AlertInput, SavedSearch
from opportunity_bank.db import session_scope
from opportunity_bank.mail.addresses import address_hash
from opportunity_bank.mail.sender import MailSender
from opportunity_bank.models import AlertRequest, AlertSubscription, AlertToken, MailMessage, utcnow
from tests.smtp_server import parts
from tests.workspace_helpers import csrf_token

STUDENT = "student@example.fi"


def subscribe(client, **overrides):
    body = {"email": STUDENT, "frequency": "weekly", "language": "en",
            "search": {"q": "puisto", "kind": ["summer_job"]}, **overrides}
    return client.post("/api/v1/alerts", json=body)


def subscriptions(engine) -> list[AlertSubscription]:
    with Session(engine) as session:
        return list(session.exec(select(AlertSubscription)).all())


def link_in(message, path: str) -> str:
    return re.search(rf"https://mahdollisuudet\.espoo\.fi({path}\S+)", parts(message)[0]).group(1)


def confirm_with_button(client, path: str):
    page = client.get(path)
    return client.post(path, data={"_csrf_token": csrf_token(page.text)})


@pytest.fixture
def send(mail_settings, mail_client):
    return lambda: MailSender(mail_settings, mail_client.app.state.services.db).send_pending()


def test_the_api_accepts_a_subscription_and_mails_a_confirmation(mail_client, smtp, send):
    response = subscribe(mail_client)
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "confirmation_sent"
    send()
    (message,) = smtp.to(STUDENT)
    assert message["Subject"] == "Confirm your job alert" and message["Content-Language"] == "en"
    assert "List-Unsubscribe" not in message  # nothing to unsubscribe from until confirmed
    (subscription,) = subscriptions(mail_client.app.state.services.db)
    assert (subscription.q, subscription.kinds) == ("puisto", ["summer_job"])
    assert subscription.frequency == "weekly"
    assert subscription.confirmed_at is None


@pytest.mark.parametrize(("body", "field"), [
    ({"email": "not-an-address"}, "email"),
    ({"email": "a@b.fi\r\nBcc: x@y.fi"}, "email"),
    ({"frequency": "hourly"}, "frequency"),
    ({"language": "de"}, "language"),
    ({"search": {"kind": ["job"]}}, "search.kind"),
    ({"search": {"level": ["phd"]}}, "search.level"),
])
def test_bad_values_answer_400_naming_the_field(mail_client, body, field):
    response = subscribe(mail_client, **body)
    assert response.status_code == 400, response.text
    assert field in [e["field"] for e in response.json()["errors"]]
    assert subscriptions(mail_client.app.state.services.db) == []


def test_wrong_types_answer_400_too(mail_client):
    response = mail_client.post("/api/v1/alerts", json={"email": 5, "search": {"kind": "summer_job"}})
    assert response.status_code == 400
    assert response.json()["errors"]


def test_errors_are_in_the_subscribers_language(mail_client):
    response = subscribe(mail_client, email="nope", language="fi")
    assert response.json()["errors"][0]["message"] == "Anna sähköpostiosoite, esimerkiksi nimi@example.fi."


def test_the_same_address_and_search_again_is_one_subscription(mail_client, smtp, send):
    assert subscribe(mail_client).status_code == 202
    assert subscribe(mail_client, email="Student@EXAMPLE.fi", frequency="daily",
                     search={"q": "  PUISTO ", "kind": ["summer_job"]}).status_code == 202
    (only,) = subscriptions(mail_client.app.state.services.db)
    assert only.frequency == "daily"  # not confirmed yet: the latest request's choice
    assert subscribe(mail_client, search={"q": "puisto"}).status_code == 202
    assert len(subscriptions(mail_client.app.state.services.db)) == 2


def test_confirming_takes_the_button_and_a_token_works_once(mail_client, smtp, send):
    subscribe(mail_client)
    send()
    path = link_in(smtp.to(STUDENT)[0], "/alerts/confirm/")
    page = mail_client.get(path)
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert subscriptions(mail_client.app.state.services.db)[0].confirmed_at is None
    # The button's form is protected like every other form.
    assert mail_client.post(path, data={}).status_code == 403
    done = mail_client.post(path, data={"_csrf_token": csrf_token(page.text)})
    assert done.status_code == 200 and "Your job alert is on" in done.text
    assert subscriptions(mail_client.app.state.services.db)[0].confirmed_at is not None
    again = mail_client.get(path)
    assert again.status_code == 200 and "already confirmed" in again.text
    # Subscribing again now mails a note with the manage link, not a second confirmation.
    subscribe(mail_client)
    send()
    assert smtp.to(STUDENT)[-1]["Subject"] == "You already have this job alert"


@pytest.mark.parametrize("path", ["/alerts/confirm/nonsense", "/alerts/manage/nonsense",
                                  "/alerts/confirm/" + "x" * 300])
def test_unknown_tokens_get_a_friendly_page(mail_client, path):
    page = mail_client.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 404 and "This link does not work" in page.text
    assert mail_client.post(path, data={"_csrf_token": csrf_token(mail_client.get("/alerts/new").text)}
                            ).status_code == 404


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token(mail_client, smtp, send):
    subscribe(mail_client)
    send()
    confirmed = confirm_with_button(mail_client, link_in(smtp.to(STUDENT)[0], "/alerts/confirm/"))
    manage = re.search(r'href="(/alerts/manage/[^"]+)"', confirmed.text).group(1)
    token = manage.rsplit("/", 1)[1]
    mail_client.cookies.clear()
    response = mail_client.post(f"/alerts/unsubscribe/{token}", content=b"List-Unsubscribe=One-Click",
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200
    engine = mail_client.app.state.services.db
    assert subscriptions(engine) == []
    with Session(engine) as session:
        assert session.exec(select(AlertToken)).all() == []
    # Repeating it (mail programs retry) answers the same.
    assert mail_client.post(f"/alerts/unsubscribe/{token}").status_code == 200


def test_the_manage_page_changes_frequency_and_deletes_every_trace(mail_client, smtp, send):
    subscribe(mail_client)
    subscribe(mail_client, search={"q": "geotekniikka"})
    send()
    confirmed = confirm_with_button(mail_client, link_in(smtp.to(STUDENT)[0], "/alerts/confirm/"))
    manage = re.search(r'href="(/alerts/manage/[^"]+)"', confirmed.text).group(1)
    page = mail_client.get(manage)
    assert page.status_code == 200 and "puisto" in page.text
    saved = mail_client.post(manage, data={"_csrf_token": csrf_token(page.text), "action": "frequency",
                                           "frequency": "daily"})
    assert saved.status_code == 200
    engine = mail_client.app.state.services.db
    assert {s.q: s.frequency for s in subscriptions(engine)} == {"puisto": "daily", "geotekniikka": "weekly"}
    gone = mail_client.post(manage, data={"_csrf_token": csrf_token(page.text), "action": "forget"})
    assert gone.status_code == 200 and "Your address is deleted" in gone.text
    key = address_hash(STUDENT)
    with Session(engine) as session:
        assert session.exec(select(AlertSubscription)).all() == []
        assert session.exec(select(MailMessage).where(MailMessage.address_hash == key)).all() == []
        assert session.exec(select(AlertRequest).where(AlertRequest.address_hash == key)).all() == []
    assert mail_client.get(manage).status_code == 404


def test_the_form_is_re_rendered_with_the_message(mail_client):
    mail_client.headers["Accept-Language"] = "fi"
    form = mail_client.get("/alerts/new", params={"q": "puisto", "kind": "summer_job"})
    assert form.status_code == 200
    assert 'name="kind" value="summer_job"' in form.text and 'href="/alerts/privacy"' in form.text
    bad = mail_client.post("/alerts/new", data={"_csrf_token": csrf_token(form.text), "q": "puisto",
                                                "kind": "summer_job", "email": "ei-osoite",
                                                "frequency": "weekly", "language": "fi"})
    assert bad.status_code == 422
    assert 'aria-invalid="true"' in bad.text and "Anna sähköpostiosoite" in bad.text
    assert 'value="ei-osoite"' in bad.text and 'name="kind" value="summer_job"' in bad.text


def test_rate_limits_per_address_and_per_ip(mail_client):
    statuses = [subscribe(mail_client, search={"q": f"sana{n}"}).status_code
                for n in range(service.MAX_PER_ADDRESS + 1)]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {202}
    for n in range(service.MAX_PER_IP - service.MAX_PER_ADDRESS):  # the refused one is not counted
        assert subscribe(mail_client, email=f"s{n}@example.fi").status_code == 202
    refused = subscribe(mail_client, email="fresh@example.fi")
    assert refused.status_code == 429 and refused.json()["errors"][0]["field"] == "email"


def test_the_search_page_and_its_empty_state_offer_the_alert(mail_client):
    page = mail_client.get("/", params={"q": "zzzyxq", "kind": "thesis", "sort": "deadline"})
    assert 'href="/alerts/new?q=zzzyxq&amp;kind=thesis"' in page.text


def test_privacy_notice(mail_client):
    mail_client.headers["Accept-Language"] = "sv"
    page = mail_client.get("/alerts/privacy")
    assert page.status_code == 200 and "Vad vi sparar" in page.text


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(engine):
    wanted = AlertInput(email=STUDENT, frequency="daily", language="fi", search=SavedSearch(q="puisto"))
    with session_scope(engine) as session:
        service.subscribe(session, wanted, "127.0.0.1", now=utcnow() - timedelta(days=8))
        service.subscribe(session, AlertInput(STUDENT, "daily", "fi", SavedSearch(q="katu")), "127.0.0.1")
    with session_scope(engine) as session:
        assert service.purge_unconfirmed(session) == 1
    assert [s.q for s in subscriptions(engine)] == ["katu"]


def test_retention_asks_after_a_year_and_deletes_without_an_answer(engine, settings, smtp):
    with session_scope(engine) as session:
        subscription = service.subscribe(session, AlertInput(STUDENT, "weekly", "sv", SavedSearch(q="park")),
                                         "127.0.0.1", now=utcnow() - timedelta(days=400))
        subscription.confirmed_at = utcnow() - timedelta(days=400)
    with session_scope(engine) as session:
        assert service.apply_retention(session) == (1, 0)
    with session_scope(engine) as session:
        assert service.apply_retention(session) == (0, 0)  # asked once, waiting for the answer
        assert service.apply_retention(session, now=utcnow() + timedelta(days=31)) == (0, 1)
    assert subscriptions(engine) == []


def test_digest_candidates_are_new_since_the_last_run_with_an_hours_margin(engine, tmp_path):
    from opportunity_bank.alerts.digest import candidate_ids
    from opportunity_bank.models import AlertSentOpening, Opportunity
    from opportunity_bank.opportunities.importer import import_file
    from tests.helpers import record, write_jsonl

    now = utcnow()
    import_file(engine, write_jsonl(tmp_path / "o.jsonl", [record(n, external_id=f"o{n}") for n in range(5)]))
    published = {"o0": now - timedelta(days=4),  # before the confirmation
                 "o1": now - timedelta(days=2),  # before the last run
                 "o2": now - timedelta(days=1, minutes=30),  # just before it: maybe not indexed then
                 "o3": now, "o4": now}
    with session_scope(engine) as session:
        ids = {}
        for opening in session.exec(select(Opportunity)).all():
            opening.published_at = published[opening.external_id]
            ids[opening.external_id] = opening.id
        subscription = AlertSubscription(email=STUDENT, address_hash=address_hash(STUDENT), search_hash="x",
                                         confirmed_at=now - timedelta(days=3),
                                         last_digest_at=now - timedelta(days=1))
        session.add(subscription)
        session.flush()
        session.add(AlertSentOpening(subscription_id=subscription.id, opportunity_id=ids["o4"]))
    with Session(engine) as session:
        found = set(candidate_ids(session, session.get(AlertSubscription, subscription.id)))
    assert found == {ids["o2"], ids["o3"]}
