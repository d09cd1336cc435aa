"""Review before publishing: a unit that requires it holds its openings until HR decides."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from opportunity_bank import db
from opportunity_bank.accounts.users import add_user
from opportunity_bank.cli import main
from opportunity_bank.mail.sender import MailSender
from opportunity_bank.models import AuditEntry, Opportunity, Unit, User
from opportunity_bank.opportunities.editing import Editor
from opportunity_bank.review.rules import ReviewRefused
from opportunity_bank.review.service import decide, remind_reviewers
from tests.helpers import search_ids, wait_until
from tests.smtp_server import parts
from tests.workspace_helpers import GEO, PASSWORD, STREETS, make_staff, opening, page_form, sign_in


def require_review(services, unit_name: str) -> None:
    with db.session_scope(services.db) as session:
        unit = session.exec(select(Unit).where(Unit.name == unit_name)).one()
        unit.review_required = True
        session.add(unit)


@pytest.fixture
def staff(client, services):
    people = make_staff(services)
    require_review(services, STREETS)
    return people


def publish(client, person, **fields) -> dict:
    response = client.post("/api/v1/opportunities", json=opening(status="published", **fields),
                           headers=person.auth)
    assert response.status_code == 201, response.text
    return response.json()


def report_positions(client, hr, unit: str) -> int:
    rows = client.get("/api/v1/reports/yearly", params={"from": 2027, "to": 2027, "by": "unit"},
                      headers=hr.auth).json()["rows"]
    return sum(row["positions"] for row in rows if row["unit"] == unit)


def test_publishing_in_a_review_unit_waits_unsearchable_and_uncounted(client, staff):
    created = publish(client, staff.streets, external_id="rev-1")
    assert created["status"] == "in_review"
    assert created["published_at"] is None
    assert client.get(created["url"]).status_code == 404
    assert search_ids(client) == []
    assert report_positions(client, staff.hr, STREETS) == 0
    # A unit without review publishes at once.
    assert publish(client, staff.geo, external_id="geo-1")["status"] == "published"


def test_queue_oldest_first_and_only_for_reviewers(client, staff):
    first = publish(client, staff.streets, external_id="rev-a", title="Ensimmäinen odottaja")
    second = publish(client, staff.streets, external_id="rev-b", title="Toinen odottaja")
    queue = client.get("/api/v1/reviews", headers=staff.hr.auth)
    assert queue.status_code == 200
    items = queue.json()["items"]
    assert [item["id"] for item in items] == [first["id"], second["id"]]
    assert all(item["age_hours"] >= 0 and not item["changes_only"] for item in items)
    assert client.get("/api/v1/reviews", headers=staff.streets.auth).status_code == 403
    refused = client.post(f"/api/v1/opportunities/{first['id']}/review", json={"decision": "approve"},
                          headers=staff.streets.auth)
    assert refused.status_code == 403


def test_changes_send_it_back_with_the_reason_then_approve_publishes(client, staff):
    created = publish(client, staff.streets, external_id="rev-c", title="Puistotyöntekijä Tapiolaan")
    url = f"/api/v1/opportunities/{created['id']}/review"
    no_reason = client.post(url, json={"decision": "changes"}, headers=staff.hr.auth)
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"][0]["field"] == "reason"

    back = client.post(url, json={"decision": "changes", "reason": "Lisää hakuohjeet."},
                       headers=staff.hr.auth)
    assert back.status_code == 200, back.text
    assert back.json()["status"] == "draft"
    mine = client.get("/api/v1/me/opportunities", headers=staff.streets.auth).json()
    assert [o["review_reason"] for o in mine if o["id"] == created["id"]] == ["Lisää hakuohjeet."]

    again = client.post(f"/api/v1/opportunities/{created['id']}/status", json={"status": "published"},
                        headers=staff.streets.auth)
    assert again.json()["status"] == "in_review"
    assert again.json()["review_reason"] is None
    approved = client.post(url, json={"decision": "approve"}, headers=staff.hr.auth)
    assert approved.json()["status"] == "published"
    wait_until(lambda: search_ids(client) == ["rev-c"], timeout=20)
    assert report_positions(client, staff.hr, STREETS) == 3

    with Session(client.app.state.services.db) as session:
        decisions = session.exec(select(AuditEntry).where(AuditEntry.entity_id == created["id"],
                                                          AuditEntry.action == "review")).all()
    assert [d.changes["decision"][1] for d in decisions] == ["changes", "approve"]
    assert decisions[0].changes["reason"][1] == "Lisää hakuohjeet."


def test_impossible_decisions_answer_409_naming_what_is_possible(client, staff):
    live = publish(client, staff.geo, external_id="geo-live")
    response = client.post(f"/api/v1/opportunities/{live['id']}/review", json={"decision": "approve"},
                           headers=staff.hr.auth)
    assert response.status_code == 409
    assert "decisions possible now: none" in response.json()["errors"][0]["message"]
    unknown = client.post(f"/api/v1/opportunities/{live['id']}/review", json={"decision": "reject"},
                          headers=staff.hr.auth)
    assert unknown.status_code in (400, 422)


def test_nobody_reviews_their_own_opening(client, staff):
    own = client.post("/api/v1/opportunities", json=opening(status="published", unit=STREETS),
                      headers=staff.hr.auth).json()
    assert own["status"] == "in_review"
    response = client.post(f"/api/v1/opportunities/{own['id']}/review", json={"decision": "approve"},
                           headers=staff.hr.auth)
    assert response.status_code == 403


def test_edits_of_a_published_opening_wait_except_minor_fields(client, staff):
    created = publish(client, staff.streets, external_id="rev-e", title="Katujen kunnossapitäjä")
    client.post(f"/api/v1/opportunities/{created['id']}/review", json={"decision": "approve"},
                headers=staff.hr.auth)
    patched = client.patch(f"/api/v1/opportunities/{created['id']}",
                           json={"title": "Katujen kunnossapitäjä Leppävaaraan",
                                 "application_deadline": "2099-04-30"}, headers=staff.streets.auth)
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["status"] == "published"
    assert body["title"] == "Katujen kunnossapitäjä"  # the live version stays
    assert body["application_deadline"] == "2099-04-30"  # a deadline extension goes live at once
    assert body["pending_changes"] == {"title": "Katujen kunnossapitäjä Leppävaaraan"}
    queue = client.get("/api/v1/reviews", headers=staff.hr.auth).json()["items"]
    assert [(item["id"], item["changes_only"]) for item in queue] == [(created["id"], True)]

    approved = client.post(f"/api/v1/opportunities/{created['id']}/review", json={"decision": "approve"},
                           headers=staff.hr.auth).json()
    assert approved["title"] == "Katujen kunnossapitäjä Leppävaaraan"
    assert approved["pending_changes"] is None
    assert client.get("/api/v1/reviews", headers=staff.hr.auth).json()["items"] == []


def test_review_page_approves_with_the_button(client, staff):
    created = publish(client, staff.streets, external_id="rev-p", title="Viheralueiden kesätyö")
    sign_in(client, staff.hr.email)
    page = client.get("/hr/reviews")
    assert page.status_code == 200
    assert "Viheralueiden kesätyö" in page.text
    token = page_form(client, "/hr/reviews")
    missing = client.post(f"/hr/reviews/{created['id']}", data={"decision": "changes", "reason": "",
                                                                "_csrf_token": token})
    assert missing.status_code == 422
    assert "Write a reason" in missing.text
    done = client.post(f"/hr/reviews/{created['id']}", data={"decision": "approve", "_csrf_token": token},
                       follow_redirects=False)
    assert done.status_code == 303
    assert client.get(created["url"]).status_code == 200


def test_hr_previews_an_opening_waiting_for_review(client, staff):
    created = publish(client, staff.streets, external_id="rev-v", title="Puistojen kesätyö")
    sign_in(client, staff.hr.email)
    preview = client.get(f"/hr/reviews/{created['id']}", params={"lang": "fi"})
    assert preview.status_code == 200
    assert "Puistojen kesätyö" in preview.text
    assert client.get("/hr/reviews/99999", params={"lang": "fi"}).status_code == 404


def test_of_two_decisions_made_at_once_only_the_first_counts(client, services, staff):
    created = publish(client, staff.streets, external_id="rev-race", title="Kaksi päättäjää")
    with db.session_scope(services.db) as session:
        second = add_user(session, "hr2@espoo.fi", "hr", PASSWORD, None)
        reviewers = [Editor.of(session.exec(select(User).where(User.email == staff.hr.email)).one()),
                     Editor.of(second)]
    # Both reviewers opened the opening before either decided.
    first_view, second_view = Session(services.db), Session(services.db)
    with first_view, second_view:
        seen = [view.get(Opportunity, created["id"]) for view in (first_view, second_view)]
        decide(first_view, reviewers[0], seen[0], "approve", None)
        first_view.commit()
        with pytest.raises(ReviewRefused) as refused:
            decide(second_view, reviewers[1], seen[1], "changes", "Korjaa otsikko")
        assert refused.value.code == "nothing_to_review"
        second_view.rollback()
    with Session(services.db) as session:
        assert session.get(Opportunity, created["id"]).status == "published"
        decisions = session.exec(select(AuditEntry).where(AuditEntry.action == "review")).all()
    assert len(decisions) == 1


def test_units_set_review_on_the_command_line(settings, engine, monkeypatch, capsys):
    monkeypatch.setenv("OPPORTUNITY_BANK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OPPORTUNITY_BANK_DATA_DIR", str(settings.data_dir))
    with db.session_scope(engine) as session:
        session.add(Unit(name=GEO))
    assert main(["units", "set", "  geotekniikka ", "--review", "required"]) == 0
    with Session(engine) as session:
        assert session.exec(select(Unit.review_required).where(Unit.name == GEO)).one() is True
    capsys.readouterr()
    assert main(["units", "set", "Ei tällaista", "--review", "none"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "no unit named 'Ei tällaista'" in error


def test_the_owner_is_mailed_the_reason_and_late_reviews_remind_reviewers(mail_client, mail_settings, smtp):
    services = mail_client.app.state.services
    people = make_staff(services)
    require_review(services, STREETS)
    sender = MailSender(mail_settings, services.db)
    created = publish(mail_client, people.streets, external_id="rev-m", title="Liikennelaskija")
    # The owner uses the workspace in English, so the reason comes in an English mail.
    assert sign_in(mail_client, people.streets.email).status_code == 303
    assert mail_client.get("/my", params={"lang": "en"}).status_code == 200
    mail_client.post(f"/api/v1/opportunities/{created['id']}/review", headers=people.hr.auth,
                     json={"decision": "changes", "reason": "Kerro työajat."})
    sender.send_pending()
    (message,) = smtp.to(people.streets.email)
    assert message["Content-Language"] == "en"
    text, html = parts(message)
    assert "Kerro työajat." in text and "Kerro työajat." in html
    assert f"https://mahdollisuudet.espoo.fi/my/{created['id']}/edit" in text

    waiting = publish(mail_client, people.streets, external_id="rev-w", title="Kaupunkimittaaja")
    with db.session_scope(services.db) as session:
        opportunity = session.get(Opportunity, waiting["id"])
        opportunity.submitted_at = datetime(2026, 11, 30, 8, tzinfo=UTC)  # a Monday
        session.add(opportunity)
    thursday, saturday = datetime(2026, 12, 3, 7, tzinfo=UTC), datetime(2026, 12, 5, 7, tzinfo=UTC)
    with db.session_scope(services.db) as session:
        assert remind_reviewers(session, datetime(2026, 12, 2, 7, tzinfo=UTC)) == 0  # two working days
        assert remind_reviewers(session, saturday) == 0
        assert remind_reviewers(session, thursday) == 1  # HR, the only reviewer
    sender.send_pending()
    (reminder,) = smtp.to(people.hr.email)
    assert reminder["Content-Language"] == "fi"  # HR has not used the service in another language
    assert "Kaupunkimittaaja" in parts(reminder)[0]
    assert "https://mahdollisuudet.espoo.fi/hr/reviews" in parts(reminder)[0]
