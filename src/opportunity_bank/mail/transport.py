"""SMTP_URL and the connection to the mail server (the standard library's smtplib)."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
CONNECT_TIMEOUT_SECONDS = 30


class SmtpUrlError(ValueError):
    """SMTP_URL cannot be used; the message says why (never the password)."""


@dataclass(frozen=True, slots=True)
class SmtpTarget:
    scheme: str
    host: str
    port: int
    username: str | None = None
    password: str | None = None


def parse_smtp_url(url: str) -> SmtpTarget:
    """`smtp://host:port`, `smtp+starttls://user:password@host:587` or `smtps://…`."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise SmtpUrlError(f"must start with {', '.join(s + '://' for s in SCHEMES)}")
    if not parts.hostname:
        raise SmtpUrlError("must name a host, as in smtp://mail.example.org:25")
    try:
        port = parts.port or SCHEMES[parts.scheme]
    except ValueError:
        raise SmtpUrlError("has a port that is not a number from 1 to 65535") from None
    return SmtpTarget(
        scheme=parts.scheme, host=parts.hostname, port=port,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def connect(target: SmtpTarget) -> smtplib.SMTP:
    """A fresh, logged-in connection; the sender opens one per batch and closes it after."""
    context = ssl.create_default_context()
    if target.scheme == "smtps":
        connection: smtplib.SMTP = smtplib.SMTP_SSL(target.host, target.port, timeout=CONNECT_TIMEOUT_SECONDS,
                                                    context=context)
    else:
        connection = smtplib.SMTP(target.host, target.port, timeout=CONNECT_TIMEOUT_SECONDS)
    try:
        connection.ehlo()
        if target.scheme == "smtp+starttls":
            connection.starttls(context=context)
            connection.ehlo()
        if target.username:
            connection.login(target.username, target.password or "")
    except BaseException:
        connection.close()
        raise
    return connection
