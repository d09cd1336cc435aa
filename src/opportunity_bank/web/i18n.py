"""The interface languages: choosing one per request, catalogs, and locale-aware formatting.

Finnish is the default; Swedish and English follow. A request picks its language from
`?lang=` (then remembered in a cookie), the cookie, or Accept-Language. Nothing here keeps
per-request state: each language has its own Jinja environment (see templating.py), so two
requests in two languages never share translation functions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal
from babel.support import Translations
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from opportunity_bank.opportunities.lifecycle import CITY_TZ, city_time, city_today

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LANGUAGE_COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
TRANSLATIONS_DIR = Path(__file__).parent / "translations"
# Formatting follows Finland's conventions in every language: day before month, 24-hour clock.
FORMAT_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
# Each language's name in itself, for the switcher (never translated: a reader must find theirs).
ENDONYMS = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


def parse_accept_language(header: str) -> list[str]:
    """Primary language subtags in the client's order of preference (q-values honoured)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:30]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary and quality > 0:
            ranked.append((-quality, position, primary))
    return [primary for _, _, primary in sorted(ranked)]


def pick_language(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return candidate
    for primary in parse_accept_language(accept_language or ""):
        if primary in LANGUAGES:
            return primary
        if primary in ("nb", "nn", "no", "da"):
            return "sv"  # Scandinavian readers understand Swedish better than Finnish
    return DEFAULT_LANGUAGE


def negotiate_language(connection: ASGIConnection) -> str:
    """The interface language of this request: ?lang=, else the cookie, else Accept-Language."""
    return pick_language(
        connection.query_params.get("lang"),
        connection.cookies.get(LANGUAGE_COOKIE),
        connection.headers.get("accept-language"),
    )


@cache
def translations(language: str) -> Translations:
    """The compiled catalog of a language (loaded once; Translations objects are read-only)."""
    return Translations.load(str(TRANSLATIONS_DIR), [language], domain="messages")


def gettext_for(language: str) -> Callable[[str], str]:
    return translations(language).gettext


def kind_label(kind: str, gettext: Callable[[str], str]) -> str:
    labels = {"thesis": gettext("Thesis"), "internship": gettext("Internship"),
              "summer_job": gettext("Summer job")}
    return labels.get(kind, kind)


def level_label(level: str, gettext: Callable[[str], str]) -> str:
    labels = {"vocational": gettext("Vocational"), "bachelor": gettext("Bachelor's"),
              "master": gettext("Master's"), "doctoral": gettext("Doctoral")}
    return labels.get(level, level)


def status_label(status: str, gettext: Callable[[str], str]) -> str:
    labels = {"draft": gettext("Draft"), "in_review": gettext("In review"),
              "published": gettext("Published"), "filled": gettext("Filled or reserved"),
              "completed": gettext("Completed"), "closed": gettext("Closed"),
              "withdrawn": gettext("Withdrawn")}
    return labels.get(status, status)


def role_label(role: str, gettext: Callable[[str], str]) -> str:
    labels = {"supervisor": gettext("Supervisor"), "hr": gettext("HR"), "admin": gettext("Administrator")}
    return labels.get(role, role)


def as_date(value: date | str | None) -> date | None:
    if isinstance(value, datetime):
        return city_time(value).date()  # the Espoo day, not the UTC one
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def days_until(value: date | str | None, today: date | None = None) -> int | None:
    day = as_date(value)
    return None if day is None else (day - (today or city_today())).days


def formatters(language: str) -> dict[str, Callable[..., Any]]:
    """Jinja filters that format for one language.

    Every card shows a few dates and numbers and a page shows twenty cards: the locale is parsed
    once and each formatted value kept, which takes a third off rendering the search page.
    """
    locale = Locale.parse(FORMAT_LOCALES[language])

    @lru_cache(maxsize=4096)
    def format_day(day: date, style: str) -> str:
        return format_date(day, style, locale=locale)

    def date_filter(value: date | str | None, style: str = "medium") -> str:
        day = as_date(value)
        return "" if day is None else format_day(day, style)

    def datetime_filter(value: datetime | None, style: str = "short") -> str:
        """A moment in Espoo time, as people in Espoo read a clock."""
        if value is None:
            return ""
        return format_datetime(city_time(value), style, tzinfo=CITY_TZ, locale=locale)

    def clock_filter(value: datetime | None) -> str:
        """The time of day of a moment, in Espoo time."""
        return "" if value is None else format_time(city_time(value), "short", tzinfo=CITY_TZ, locale=locale)

    @lru_cache(maxsize=1024)
    def number_filter(value: float | int | None) -> str:
        return "" if value is None else format_decimal(value, locale=locale)

    def language_name(code: str) -> str:
        return locale.languages.get(code, code)

    def kind_filter(kind: str) -> str:
        return kind_label(kind, gettext_for(language))

    def level_filter(level: str) -> str:
        return level_label(level, gettext_for(language))

    def status_filter(status: str) -> str:
        return status_label(status, gettext_for(language))

    def role_filter(role: str) -> str:
        return role_label(role, gettext_for(language))

    return {"date": date_filter, "datetime": datetime_filter, "clock": clock_filter,
            "city_time": city_time, "number": number_filter, "language_name": language_name,
            "kind_label": kind_filter, "level_label": level_filter,
            "status_label": status_filter, "role_label": role_filter}


def language_url(path: str, query: str, language: str) -> str:
    """This page in another language: the same address and parameters in their order, `lang` replaced."""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "lang"]
    pairs.append(("lang", language))
    return f"{path}?{urlencode(pairs)}"


def remember_language(app: ASGIApp, *, always_secure: bool = False) -> ASGIApp:
    """ASGI middleware: keep a `?lang=` choice in a cookie and say pages vary by language.

    `always_secure` (production): behind a TLS-terminating proxy the scheme seen here is
    http, yet the cookie must still be Secure.
    """

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        connection: ASGIConnection = ASGIConnection(scope)
        chosen = connection.query_params.get("lang")
        remember = chosen in LANGUAGES and connection.cookies.get(LANGUAGE_COOKIE) != chosen
        secure = always_secure or scope.get("scheme") == "https"

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if _is_html(headers):
                    headers = _add_vary(headers, "Accept-Language, Cookie")
                    if remember:
                        cookie = Cookie(
                            key=LANGUAGE_COOKIE, value=chosen, max_age=COOKIE_MAX_AGE, path="/",
                            samesite="lax", httponly=True, secure=secure,
                        )
                        headers.append((b"set-cookie", cookie.to_header(header="").strip().encode()))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_language)

    return middleware


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)


def _add_vary(headers: list[tuple[bytes, bytes]], value: str) -> list[tuple[bytes, bytes]]:
    existing = [v.decode("latin-1") for k, v in headers if k.lower() == b"vary"]
    merged = ", ".join([*existing, value])
    return [(k, v) for k, v in headers if k.lower() != b"vary"] + [(b"vary", merged.encode("latin-1"))]
