"""Deadline reminders and the filled-positions question, mailed once each to the owner."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from opportunity_bank.mail.sender import MailSender
from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.reminders.service import send_reminders
from tests.smtp_server import parts
from tests.workspace_helpers import make_staff, opening, page_form, sign_in


def publish(client, person, external_id, deadline, **fields):
    response = client.post("/api/v1/opportunities", headers=person.auth, json=opening(
        external_id=external_id, status="published", application_deadline=deadline.isoformat(), **fields))
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_a_week_before_a_day_before_and_after_the_deadline(mail_client, mail_settings, smtp):
    services = mail_client.app.state.services
    staff = make_staff(services)
    today = city_today()
    opening_id = publish(mail_client, staff.streets, "park", today + timedelta(days=7), title="Puistotyö")
    sender = MailSender(mail_settings, services.db)

    def run(day):
        queued = send_reminders(services.db, day).queued
        sender.send_pending()
        return queued

    assert run(today) == 1
    assert run(today) == 0
    assert run(today + timedelta(days=3)) == 0  # the week's reminder went already
    assert run(today + timedelta(days=6)) == 1  # the day before
    assert run(today + timedelta(days=7)) == 0
    assert run(today + timedelta(days=8)) == 1  # after: how many were filled?
    assert run(today + timedelta(days=9)) == 0
    subjects = [m["Subject"] for m in smtp.to(staff.streets.email)]
    assert subjects == ["Hakuaika päättyy 7 päivän kuluttua: Puistotyö",
                        "Hakuaika päättyy 1 päivän kuluttua: Puistotyö",
                        "Kuinka monta paikkaa täytettiin? Puistotyö"]
    text = parts(smtp.to(staff.streets.email)[-1])[0]
    assert f"https://mahdollisuudet.espoo.fi/my/{opening_id}/edit" in text
    assert "https://mahdollisuudet.espoo.fi/my/reminders" in text


def test_a_reminder_comes_in_the_language_its_owner_last_used(mail_client, mail_settings, smtp):
    services = mail_client.app.state.services
    staff = make_staff(services)
    publish(mail_client, staff.streets, "park", city_today() + timedelta(days=7), title="Parkarbete")
    assert sign_in(mail_client, staff.streets.email).status_code == 303
    settings = mail_client.get("/my/reminders", params={"lang": "sv"})
    assert settings.status_code == 200
    assert "Meddelandena skickas på svenska" in settings.text  # the page says which language
    send_reminders(services.db)
    MailSender(mail_settings, services.db).send_pending()
    (message,) = smtp.to(staff.streets.email)
    assert message["Subject"] == "Ansökningstiden går ut om 7 dagar: Parkarbete"
    assert message["Content-Language"] == "sv"


def test_an_opening_marked_filled_is_not_asked_about(mail_client, mail_settings, smtp):
    services = mail_client.app.state.services
    staff = make_staff(services)
    today = city_today()
    opening_id = publish(mail_client, staff.streets, "filled", today + timedelta(days=20))
    with Session(services.db) as session:
        row = session.get(Opportunity, opening_id)
        row.status, row.filled_positions = "filled", 2
        session.add(row)
        session.commit()
    assert send_reminders(services.db, today + timedelta(days=25)).queued == 0


def test_an_owner_can_turn_reminders_off(mail_client, mail_settings, smtp):
    services = mail_client.app.state.services
    staff = make_staff(services)
    publish(mail_client, staff.streets, "park", city_today() + timedelta(days=3))
    assert sign_in(mail_client, staff.streets.email).status_code == 303
    token = page_form(mail_client, "/my/reminders")
    saved = mail_client.post("/my/reminders", data={"_csrf_token": token})
    assert saved.status_code == 200 and "checked" not in saved.text
    assert send_reminders(services.db).queued == 0
    mail_client.post("/my/reminders", data={"_csrf_token": token, "deadline_reminders": "on"})
    assert send_reminders(services.db).queued == 1


def test_the_reminder_settings_need_a_sign_in(mail_client):
    response = mail_client.get("/my/reminders", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
