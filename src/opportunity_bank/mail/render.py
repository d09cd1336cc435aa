"""Mails from Jinja templates: a text part and an HTML part in the recipient's language.

Each mail is two templates, `templates/mail/<name>.txt` and `.html`; the text one defines the
subject in `{% block subject %}`. The text environment does not escape (it is not HTML), the
HTML one escapes everything. Both have `_`, the date and number filters of the language, and
`link(path)`, which makes an absolute address on PUBLIC_URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from opportunity_bank.models import utcnow
from opportunity_bank.opportunities.lifecycle import CITY_TZ
from opportunity_bank.settings import Settings
from opportunity_bank.web import i18n
from opportunity_bank.web.templating import make_environment


@dataclass(frozen=True, slots=True)
class RenderedMail:
    subject: str
    text: str
    html: str


@cache
def _environment(directory: Path, language: str, html: bool) -> Environment:
    # Undefined names fail the mail rather than sending a blank where a link should be.
    return make_environment(directory, language, escape_all=html, undefined=StrictUndefined)


def render(settings: Settings, template: str, language: str, context: dict[str, Any]) -> RenderedMail:
    language = language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    base = settings.base_url.rstrip("/")
    values = {**context, "lang": language, "public_url": base,
              "link": lambda path: base + (path if path.startswith("/") else "/" + path)}
    text_template = _environment(settings.templates_dir, language, False).get_template(f"mail/{template}.txt")
    subject = "".join(text_template.blocks["subject"](text_template.new_context(values))).strip()
    return RenderedMail(
        subject=" ".join(subject.split()),
        text=text_template.render(values),
        html=_environment(settings.templates_dir, language, True).get_template(f"mail/{template}.html")
        .render({**values, "subject": subject}),
    )


def build_message(settings: Settings, rendered: RenderedMail, to: str, language: str,
                  unsubscribe_path: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = rendered.subject
    message["Date"] = format_datetime(utcnow().astimezone(CITY_TZ))
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    # Tells auto-responders and vacation replies not to answer (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe_path:
        message["List-Unsubscribe"] = f"<{settings.base_url.rstrip('/')}{unsubscribe_path}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    # After the parts: making the message multipart moves Content-* headers into the first part.
    message["Content-Language"] = language
    return message
