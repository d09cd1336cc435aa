"""Pure rules of the workspace: lifecycle, dates, PDFs, file names, sessions, rate limit, forms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from opportunity_bank.accounts.pages import landing, safe_next
from opportunity_bank.accounts.security_log import format_event
from opportunity_bank.accounts.sessions import (
    ABSOLUTE_TIMEOUT,
    IDLE_TIMEOUT,
    is_expired,
    session_cookie_name,
)
from opportunity_bank.accounts.throttle import MAX_DELAY, delay_after
from opportunity_bank.models import Status
from opportunity_bank.opportunities.attachments import (
    clean_filename,
    content_disposition,
    download_name,
    pdf_problem,
)
from opportunity_bank.opportunities.forms import actions_for, form_fields, values_from_form
from opportunity_bank.opportunities.lifecycle import TRANSITIONS, next_year, status_change_problems
from opportunity_bank.settings import Settings

NOW = datetime(2027, 5, 1, 12, 0, tzinfo=UTC)


def test_every_status_has_rules_and_completed_is_final():
    assert set(TRANSITIONS) == set(Status)
    assert TRANSITIONS[Status.COMPLETED] == frozenset()
    assert Status.PUBLISHED in TRANSITIONS[Status.DRAFT]
    assert Status.FILLED not in TRANSITIONS[Status.DRAFT]  # published first


@pytest.mark.parametrize(("kind", "target", "filled", "url", "fields"), [
    ("summer_job", "filled", None, None, ["filled_positions"]),
    ("summer_job", "filled", 0, None, ["filled_positions"]),
    ("summer_job", "filled", 4, None, ["filled_positions"]),
    ("summer_job", "filled", 3, None, []),
    ("thesis", "filled", None, None, []),
    ("thesis", "filled", 2, None, ["filled_positions"]),
    ("thesis", "completed", None, None, ["thesis_url"]),
    ("thesis", "completed", None, "urn:nbn:fi:amk-1", []),
    ("internship", "completed", None, None, []),
])
def test_status_change_problems(kind, target, filled, url, fields):
    positions = 1 if kind == "thesis" else 3
    assert [f for f, _, _ in status_change_problems(kind, target, positions, filled, url)] == fields


def test_next_year():
    assert next_year(date(2026, 6, 1)) == date(2027, 6, 1)
    assert next_year(date(2028, 2, 29)) == date(2029, 2, 28)
    assert next_year(None) is None


def test_pdf_problem():
    good_tail = b"...\nstartxref\n9\n%%EOF\n"
    assert pdf_problem(b"%PDF-1.7", good_tail, 100) is None
    assert "does not start" in pdf_problem(b"GIF89a", good_tail, 100)
    assert "no startxref" in pdf_problem(b"%PDF-1.7", b"%%EOF", 100)
    assert "outside" in pdf_problem(b"%PDF-1.7", good_tail, 5)


@pytest.mark.parametrize(("raw", "clean"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\a\\Työ.pdf", "Työ.pdf"),
    ("a\x00b\r\n.pdf", "ab.pdf"),
    ("", "attachment.pdf"),
    ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
])
def test_clean_filename(raw, clean):
    assert clean_filename(raw) == clean


def test_content_disposition_quotes_everything():
    header = content_disposition('Työ "ohje"; x.pdf')
    assert header == ("attachment; filename=\"Ty_ _ohje_; x.pdf\"; "
                      "filename*=UTF-8''Ty%C3%B6%20%22ohje%22%3B%20x.pdf")


@pytest.mark.parametrize(("value", "expected"), [
    # "" is no page asked for: the person lands where their role's work is.
    ("/my/3/edit", "/my/3/edit"), ("//evil.example", ""), ("/\\evil", ""),
    ("https://evil.example", ""), (None, ""), (["/a"], ""), ("/my/\r\nSet-Cookie: x", ""),
])
def test_safe_next(value, expected):
    assert safe_next(value) == expected


@pytest.mark.parametrize(("role", "route"), [
    ("supervisor", "my-openings"), ("hr", "hr-report"), ("admin", "admin-users")])
def test_each_role_lands_where_its_work_is(role, route):
    assert landing(role) == route


def test_session_timeouts():
    assert not is_expired(NOW - timedelta(hours=1), NOW - timedelta(minutes=5), NOW)
    assert is_expired(NOW - timedelta(hours=1), NOW - IDLE_TIMEOUT - timedelta(seconds=1), NOW)
    assert is_expired(NOW - ABSOLUTE_TIMEOUT - timedelta(seconds=1), NOW, NOW)
    naive = (NOW - timedelta(minutes=1)).replace(tzinfo=None)  # as SQLite returns it
    assert not is_expired(naive, naive, NOW)


def test_cookie_names_follow_the_environment():
    assert session_cookie_name(Settings(env="production")) == "__Host-ob_session"
    assert session_cookie_name(Settings(env="development")) == "ob_session"


def test_sign_in_delays_grow_and_stop_growing():
    assert [delay_after(n, 5).total_seconds() for n in range(1, 9)] == [0, 0, 0, 0, 1, 2, 4, 8]
    assert delay_after(100, 5) == MAX_DELAY == timedelta(seconds=60)


def test_security_events_stay_on_one_line():
    line = format_event("login_failed", {"email": "a@b.fi\nevent=login", "ip": "1.2.3.4"})
    assert "\n" not in line and line.startswith("event=login_failed email=")


def test_form_values_and_actions():
    values = values_from_form({"title": " T ", "languages": "fi", "compensation": "", "positions": "",
                               "description": ""}, form_fields("summer_job", with_unit=False))
    assert values["title"] == "T" and values["languages"] == ["fi"]
    assert values["compensation"] is None and values["positions"] == "" and values["description"] == ""
    assert values["start_date"] is None  # an empty box clears an optional field
    assert "unit" in form_fields("thesis", with_unit=True)
    assert actions_for("draft") == ["published", "withdrawn"]
    assert actions_for("completed") == []


def test_download_names_cannot_change_the_header_or_the_type():
    sent = 'x.pdf"\r\nContent-Disposition: inline; filename="y.html'
    assert download_name(sent) == "x.pdf_Content-Disposition_ inline_ filename__y.pdf"
    assert download_name("raportti.PDF.pdf") == "raportti.pdf"
    assert download_name("...") == "attachment.pdf"
    assert download_name("Työ ohje (2027).pdf") == "Työ ohje (2027).pdf"
    assert content_disposition(download_name(sent)).count("filename=") == 1
