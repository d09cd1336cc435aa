"""`/opportunities/{id}/deadline.ics`: the application deadline as a whole-day calendar event."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event
from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from sqlmodel import Session

from opportunity_bank.opportunities.views import public_opening
from opportunity_bank.search.documents import detail_url
from opportunity_bank.web.i18n import gettext_for, negotiate_language
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep

PRODID = "-//City of Espoo//Opportunity Bank//EN"
# A whole-day event starts at midnight; noon the day before leaves time to finish an application.
REMINDER_BEFORE = timedelta(hours=12)


def deadline_event(*, opportunity_id: int, title: str, deadline: date, page_url: str,
                   summary: str, reminder: str, now: datetime) -> bytes:
    """An RFC 5545 calendar with one all-day event on the deadline and a display reminder."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"deadline-{opportunity_id}@{urlsplit(page_url).hostname or 'localhost'}")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", deadline)
    event.add("dtend", deadline + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", f"{title}\n{page_url}")
    event.add("url", page_url)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder)
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


@get("/opportunities/{opportunity_id:int}/deadline.ics", name="opportunity-deadline-ics",
     sync_to_thread=True, include_in_schema=False)
def deadline_calendar(opportunity_id: RowId, request: Request, services: ServicesDep) -> Response:
    gettext = gettext_for(negotiate_language(request))
    with Session(services.db) as session:
        row = public_opening(session, opportunity_id)
    if row is None:
        raise NotFoundException(f"no public opening {opportunity_id}")
    if row[0].application_deadline is None:
        return Response(gettext("This opening has no application deadline.") + "\n", status_code=404,
                        media_type="text/plain")
    opportunity = row[0]
    body = deadline_event(
        opportunity_id=opportunity.id, title=opportunity.title, deadline=opportunity.application_deadline,
        page_url=services.settings.base_url + detail_url(opportunity.id),
        summary=gettext("Application deadline: %(title)s") % {"title": opportunity.title},
        reminder=gettext("The application period ends tomorrow: %(title)s") % {"title": opportunity.title},
        now=datetime.now(UTC),
    )
    return Response(body, media_type="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="deadline-{opportunity.id}.ics"',
        "Cache-Control": "public, max-age=300",
    })


ROUTES = [deadline_calendar]
