"""The issue's "done when", as a new user tries it, with a real SMTP server (aiosmtpd):

a student subscribes to "kesätöitä puistoissa", gets the confirmation mail and confirms with
the button; a new park summer job is published; `alerts send` sends one digest listing it
(not the earlier or the non-matching openings); a second run sends nothing; the one-click
POST unsubscribes and the next digest is not sent; a supervisor gets one reminder 7 days
before a deadline, and not again on a second run.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from sqlmodel import Session, select

from opportunity_bank import cli
from opportunity_bank.mail.sender import MailSender
from opportunity_bank.models import AlertSubscription
from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.opportunities.lifecycle import city_today
from tests.helpers import record, search_ids, wait_until, write_jsonl
from tests.smtp_server import parts
from tests.workspace_helpers import csrf_token, make_staff, opening

STUDENT = "opiskelija@example.fi"
QUERY = "kesätöitä puistoissa"


def command(monkeypatch, settings, *argv: str) -> int:
    """The command line as an operator runs it, configured through the environment."""
    for name, value in {
        "DATABASE_URL": settings.database_url, "DATA_DIR": str(settings.data_dir),
        "MEILI_URL": settings.meili_url, "MEILI_MASTER_KEY": settings.meili_master_key,
        "MEILI_INDEX": settings.meili_index, "SECRET_KEY": settings.secret_key, "ENV": "test",
        "SMTP_URL": settings.smtp_url, "MAIL_FROM": settings.mail_from, "PUBLIC_URL": settings.public_url,
    }.items():
        monkeypatch.setenv(f"OPPORTUNITY_BANK_{name}", value)
    return cli.main(list(argv))


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_a_student_alert_and_a_supervisor_reminder_end_to_end(mail_client, mail_settings, smtp, monkeypatch,
                                                              tmp_path, capsys):
    client = mail_client
    client.headers["Accept-Language"] = "fi-FI,fi;q=0.9"
    services = client.app.state.services
    staff = make_staff(services)
    earlier = record(1, external_id="earlier-park", kind="summer_job",
                     title="Kesätyö: puistotyöntekijä Leppävaarassa", description="Puistojen hoitoa kesällä.")
    import_file(services.db, write_jsonl(tmp_path / "earlier.jsonl", [earlier]))
    wait_until(lambda: search_ids(client, q=QUERY) == ["earlier-park"], timeout=20)

    # The search page offers the alert for the search as it stands.
    page = client.get("/", params={"q": QUERY}).text
    link = re.search(r'href="(/alerts/new\?[^"]+)" class="alert-link"', page).group(1).replace("&amp;", "&")
    form = client.get(link)
    assert "Tilaa hakuvahti" in form.text and QUERY in form.text
    done = client.post("/alerts/new", data={
        "_csrf_token": csrf_token(form.text), "q": QUERY, "email": STUDENT, "frequency": "daily",
        "language": "fi"})
    assert done.status_code == 200 and "Tarkista sähköpostisi" in done.text

    MailSender(mail_settings, services.db).send_pending()
    (confirmation,) = smtp.to(STUDENT)
    assert confirmation["Subject"] == "Vahvista hakuvahtisi"
    text, _html = parts(confirmation)
    confirm_url = re.search(r"https://mahdollisuudet\.espoo\.fi(/alerts/confirm/\S+)", text).group(1)
    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    button_page = client.get(confirm_url)
    assert button_page.status_code == 200 and "Vahvista hakuvahti" in button_page.text
    with Session(services.db) as session:
        assert session.exec(select(AlertSubscription)).one().confirmed_at is None
    confirmed = client.post(confirm_url, data={"_csrf_token": csrf_token(button_page.text)})
    assert confirmed.status_code == 200 and "Hakuvahtisi on päällä" in confirmed.text

    # Published after the confirmation: one park summer job, one that does not match.
    soon = (city_today() + timedelta(days=7)).isoformat()
    new_park = client.post("/api/v1/opportunities", headers=staff.streets.auth, json=opening(
        external_id="new-park", title="Kesätyö puistossa: nurmikoiden hoito", description="Puiston hoitoa.",
        status="published", application_deadline=soon))
    assert new_park.status_code == 201, new_park.text
    other = client.post("/api/v1/opportunities", headers=staff.geo.auth, json=opening(
        external_id="geo-new", kind="internship", title="Harjoittelija geotekniikkaan",
        description="Maaperätutkimuksia.", status="published"))
    assert other.status_code == 201, other.text
    wait_until(lambda: search_ids(client, q=QUERY) == ["earlier-park", "new-park"], timeout=20)
    wait_until(lambda: "geo-new" in search_ids(client), timeout=20)

    assert command(monkeypatch, mail_settings, "alerts", "send") == 0
    assert "1 digests queued" in capsys.readouterr().out
    confirmation_and_digest = smtp.to(STUDENT)
    assert len(confirmation_and_digest) == 2
    digest = confirmation_and_digest[1]
    assert digest["Subject"] == f"1 uusi paikka: {QUERY}"
    unsubscribe_url = digest["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("https://mahdollisuudet.espoo.fi/alerts/unsubscribe/")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(digest)
    assert "Kesätyö puistossa: nurmikoiden hoito" in text and "Kesätyö puistossa: nurmikoiden hoito" in html
    for not_listed in ("Leppävaarassa", "geotekniikkaan"):
        assert not_listed not in text and not_listed not in html
    assert f"https://mahdollisuudet.espoo.fi/opportunities/{new_park.json()['id']}" in text

    # A second run finds nothing new and sends nothing.
    assert command(monkeypatch, mail_settings, "alerts", "send") == 0
    assert len(smtp.to(STUDENT)) == 2

    # The mail program's one-click POST: no cookies, no CSRF token.
    client.cookies.clear()
    stopped = client.post(path_of(unsubscribe_url), content=b"List-Unsubscribe=One-Click",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert stopped.status_code == 200 and "Hakuvahti on lopetettu" in stopped.text
    later = client.post("/api/v1/opportunities", headers=staff.streets.auth, json=opening(
        external_id="later-park", title="Kesätyö puistossa: istutukset", status="published"))
    assert later.status_code == 201
    wait_until(lambda: "later-park" in search_ids(client, q=QUERY), timeout=20)
    assert command(monkeypatch, mail_settings, "alerts", "send") == 0
    assert len(smtp.to(STUDENT)) == 2

    # The supervisor whose park job closes in 7 days: one reminder, once.
    assert command(monkeypatch, mail_settings, "reminders", "send") == 0
    (reminder,) = smtp.to(staff.streets.email)
    assert reminder["Subject"] == "Hakuaika päättyy 7 päivän kuluttua: Kesätyö puistossa: nurmikoiden hoito"
    assert f"https://mahdollisuudet.espoo.fi/my/{new_park.json()['id']}/edit" in parts(reminder)[0]
    assert command(monkeypatch, mail_settings, "reminders", "send") == 0
    assert len(smtp.to(staff.streets.email)) == 1
    assert smtp.to(staff.geo.email) == []
