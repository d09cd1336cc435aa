"""Security events as one key=value line each, on logger `opportunity_bank.security`.

Callers pass identifiers (user id, e-mail, address, path), never passwords, tokens or
session ids.
"""

from __future__ import annotations

import json
import logging

log = logging.getLogger("opportunity_bank.security")


def format_event(event: str, fields: dict[str, object]) -> str:
    # JSON-quoting every value keeps one event on one line whatever a user typed.
    parts = [f"event={event}"]
    parts += [f"{key}={json.dumps(value, ensure_ascii=False, default=str)}"
              for key, value in fields.items()]
    return " ".join(parts)


def security_event(event: str, *, level: int = logging.INFO, **fields: object) -> None:
    log.log(level, format_event(event, fields))
