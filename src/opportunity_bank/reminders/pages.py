"""/my/reminders: an owner turns deadline reminders on or off for themselves."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Router, get, post
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotAuthorizedException
from litestar.params import Body
from litestar.response import Template
from sqlmodel import Session

from opportunity_bank.accounts.identity import identify, require_editor
from opportunity_bank.models import User
from opportunity_bank.web.csrf import require_csrf
from opportunity_bank.web.errors import sign_in_redirect
from opportunity_bank.web.params import SMALL_BODY
from opportunity_bank.web.services import ServicesDep

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]


def settings_page(user: User, saved: bool = False) -> Template:
    return Template("reminders/settings.html", context={
        "enabled": user.deadline_reminders, "mail_language": user.language, "saved": saved})


@get("/", name="reminder-settings", sync_to_thread=True)
def reminder_settings(request: Request) -> Template:
    return settings_page(identify(request))


@post("/", name="reminder-settings-save", sync_to_thread=True, request_max_body_size=SMALL_BODY)
def save_reminder_settings(request: Request, data: FormData, services: ServicesDep) -> Template:
    enabled = data.get("deadline_reminders") == "on"
    with Session(services.db) as session:
        user = session.get(User, identify(request).id)
        user.deadline_reminders = enabled
        session.add(user)
        session.commit()
        return settings_page(user, saved=True)


reminder_pages = Router(
    path="/my/reminders", route_handlers=[reminder_settings, save_reminder_settings],
    guards=[require_editor, require_csrf], include_in_schema=False,
    exception_handlers={NotAuthorizedException: sign_in_redirect},
)
