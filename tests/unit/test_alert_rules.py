"""Pure rules of mail, alerts, reminders and the job schedule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from opportunity_bank.alerts.rules import AlertInputError, SavedSearch, parse_alert, retention_step
from opportunity_bank.jobs.schedule import daily_at, hourly, weekly_at
from opportunity_bank.mail.addresses import address_hash, is_valid_address, log_name, normalize_address
from opportunity_bank.mail.sender import LONGEST_RETRY, retry_delay
from opportunity_bank.mail.transport import SmtpTarget, SmtpUrlError, parse_smtp_url
from opportunity_bank.reminders.service import reminder_due
from opportunity_bank.settings import Settings, SettingsError


@pytest.mark.parametrize(("url", "target"), [
    ("smtp://mail.espoo.fi", SmtpTarget("smtp", "mail.espoo.fi", 25)),
    ("smtp+starttls://bank%40espoo.fi:p%3Ass@smtp.espoo.fi:587",
     SmtpTarget("smtp+starttls", "smtp.espoo.fi", 587, "bank@espoo.fi", "p:ss")),
    ("smtps://smtp.espoo.fi", SmtpTarget("smtps", "smtp.espoo.fi", 465)),
])
def test_smtp_urls(url, target):
    assert parse_smtp_url(url) == target


@pytest.mark.parametrize("url", ["http://mail", "smtp://", "smtp://host:port"])
def test_bad_smtp_urls(url):
    with pytest.raises(SmtpUrlError):
        parse_smtp_url(url)


def test_settings_name_a_bad_smtp_url_without_its_password():
    with pytest.raises(SettingsError, match="OPPORTUNITY_BANK_SMTP_URL") as refused:
        Settings.from_env({"OPPORTUNITY_BANK_SMTP_URL": "ftp://u:secret@host"})
    assert "secret" not in str(refused.value)


def test_public_url_defaults_to_the_served_address():
    settings = Settings.from_env({"OPPORTUNITY_BANK_PORT": "8080"})
    assert settings.base_url == "http://127.0.0.1:8080" and settings.smtp_url is None


def test_addresses():
    assert normalize_address("  Matti.M@ESPOO.FI ") == "Matti.M@espoo.fi"
    assert address_hash("matti.m@espoo.fi") == address_hash("MATTI.M@Espoo.fi")
    assert log_name("matti@espoo.fi").startswith("addr:") and "espoo" not in log_name("matti@espoo.fi")
    for bad in ("", "matti", "matti@espoo", "a b@espoo.fi", "a@b.fi\nBcc: c@d.fi", "a..b@espoo.fi",
                "a@b.fi,c@d.fi", "x" * 250 + "@espoo.fi"):
        assert not is_valid_address(bad), bad


def test_retry_delays_double_up_to_six_hours():
    assert [retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert retry_delay(20) == LONGEST_RETRY


def test_a_saved_search_is_the_same_whatever_the_case_spacing_or_order():
    one = parse_alert({"email": "a@b.fi",
                       "search": {"q": "Kesätyö  puisto", "kind": ["thesis", "summer_job"]}})
    two = parse_alert({"email": "a@b.fi",
                       "search": {"q": "kesätyö puisto", "kind": ["summer_job", "thesis"]}})
    assert one.search.fingerprint() == two.search.fingerprint()
    assert one.search.fingerprint() != SavedSearch(q="kesätyö").fingerprint()


def test_every_problem_is_named_at_once():
    with pytest.raises(AlertInputError) as error:
        parse_alert({"email": "x", "frequency": "monthly", "language": "de", "search": {"unit": [3]}})
    assert [p.field for p in error.value.problems] == ["email", "frequency", "language", "search.unit"]


def test_retention_asks_then_deletes():
    now = datetime(2027, 6, 1, tzinfo=UTC)
    active = now - timedelta(days=100)
    idle = now - timedelta(days=400)
    assert retention_step(active, None, now) is None
    assert retention_step(idle, None, now) == "ask"
    assert retention_step(idle, now - timedelta(days=10), now) is None
    assert retention_step(idle, now - timedelta(days=31), now) == "delete"


@pytest.mark.parametrize(("days", "status", "filled", "due"), [
    (8, "published", None, None), (7, "published", None, "7d"), (2, "published", None, "7d"),
    (1, "published", None, "1d"), (0, "published", None, "1d"), (-1, "published", None, "filled"),
    (-1, "closed", None, "filled"), (-1, "filled", 2, None), (-1, "published", 2, None),
    (-31, "published", None, None), (3, "draft", None, None),
])
def test_reminder_due(days, status, filled, due):
    today = date(2027, 3, 10)
    assert reminder_due(status, today + timedelta(days=days), filled, today) == due


def test_periods_are_in_espoo_time():
    daily = daily_at(7)
    # 04:59 UTC is 06:59 in Espoo in winter: yesterday's period still.
    assert daily(datetime(2026, 12, 1, 4, 59, tzinfo=UTC)) == "2026-11-30"
    assert daily(datetime(2026, 12, 1, 5, 0, tzinfo=UTC)) == "2026-12-01"
    # In summer Espoo is UTC+3.
    assert daily(datetime(2027, 6, 1, 4, 0, tzinfo=UTC)) == "2027-06-01"
    weekly = weekly_at(0, 7)
    assert weekly(datetime(2026, 11, 30, 4, 59, tzinfo=UTC)) == "2026-W48"  # Monday 06:59
    assert weekly(datetime(2026, 11, 30, 5, 0, tzinfo=UTC)) == "2026-W49"  # Monday 07:00
    assert weekly(datetime(2026, 12, 6, 21, 0, tzinfo=UTC)) == "2026-W49"  # Sunday 23:00
    assert hourly(datetime(2026, 12, 1, 22, 30, tzinfo=UTC)) == "2026-12-02T00"
