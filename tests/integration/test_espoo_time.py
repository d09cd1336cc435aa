"""Every time a person is shown is Espoo time (Europe/Helsinki), whatever the server's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update

from opportunity_bank.models import Target
from opportunity_bank.opportunities.lifecycle import city_time
from opportunity_bank.web.i18n import formatters
from tests.hr_users import bearer, make_token

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LATE_IN_JUNE = datetime(2026, 6, 30, 22, 30, tzinfo=UTC)  # already 1 July in Espoo (UTC+3)


def test_moments_are_formatted_in_espoo_time_summer_and_winter():
    fi, en = formatters("fi"), formatters("en")
    assert fi["datetime"](LATE_IN_JUNE) == "1.7.2026 1.30"
    assert en["datetime"](LATE_IN_JUNE) == "01/07/2026, 01:30"
    # A naive value (as SQLite gives it back) is UTC; in January Espoo is UTC+2.
    assert fi["datetime"](datetime(2026, 1, 15, 22, 30)) == "16.1.2026 0.30"
    assert fi["date"](LATE_IN_JUNE) == "1.7.2026"  # the Espoo day, not the UTC one
    assert (fi["clock"](LATE_IN_JUNE), en["clock"](LATE_IN_JUNE)) == ("1.30", "01:30")
    assert city_time(LATE_IN_JUNE).isoformat() == "2026-07-01T01:30:00+03:00"


def test_the_targets_page_shows_when_a_target_changed_in_espoo_time(client, services):
    hr = bearer(make_token(services.db, "hr@espoo.fi", "hr"))
    assert client.put("/api/v1/targets/2026/thesis", json={"positions": 30}, headers=hr).status_code == 200
    with services.db.begin() as connection:
        connection.execute(update(Target).values(updated_at=LATE_IN_JUNE))
    page = client.get("/hr/targets?from=2026&to=2026", headers=hr)
    assert page.status_code == 200
    assert '<time datetime="2026-07-01T01:30:00+03:00">01/07/2026, 01:30</time>' in page.text
    assert "22:30" not in page.text


def test_no_template_formats_a_moment_itself():
    """strftime or a bare isoformat() in a template would show the stored UTC time."""
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        if "strftime(" in text or "_at.isoformat()" in text:
            offenders.append(template.relative_to(TEMPLATES).as_posix())
    assert offenders == []
