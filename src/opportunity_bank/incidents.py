"""Unexpected errors: the details go to a log under an id, the person is shown only the id.

A page, an API answer or a command line never carries a stack; whoever reads the log finds
the one that belongs to the id a person reports.
"""

from __future__ import annotations

import logging
import secrets

log = logging.getLogger("opportunity_bank.unexpected")


def new_error_id() -> str:
    return secrets.token_hex(6)


def log_unexpected(what: str, error: BaseException) -> str:
    """Log ``error`` with its stack under a new id, and return the id."""
    error_id = new_error_id()
    log.error("unexpected error %s in %s", error_id, what, exc_info=error)
    return error_id
