"""Saved-search rules as pure functions: input checking, the search's identity, time limits."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from opportunity_bank.mail.addresses import is_valid_address, normalize_address
from opportunity_bank.search.documents import FACETS
from opportunity_bank.search.query import SearchParamError, SearchRequest, parse_request
from opportunity_bank.web.i18n import LANGUAGES

FREQUENCIES = ("daily", "weekly")
DIGEST_LIMIT = 20
UNCONFIRMED_LIFETIME = timedelta(days=7)
INACTIVE_AFTER = timedelta(days=365)
# After asking an inactive subscriber whether to keep the alert, wait this long for an answer.
RETENTION_GRACE = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    code: str  # email, frequency, language, rate or search (the search's own message in detail)
    detail: str = ""


class AlertInputError(ValueError):
    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """The search as it stands: words and filters (never a page or a sort)."""

    q: str = ""
    kind: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    level: tuple[str, ...] = ()

    @classmethod
    def of(cls, request: SearchRequest) -> SavedSearch:
        return cls(request.q, *(tuple(sorted(getattr(request, name))) for name in FACETS))

    def request(self, **changes: Any) -> SearchRequest:
        return SearchRequest(q=self.q, kind=self.kind, unit=self.unit, language=self.language,
                             level=self.level, **changes)

    def fingerprint(self) -> str:
        """The same for searches that find the same: case and spacing of words, filter order."""
        canonical = {"q": " ".join(self.q.casefold().split()),
                     **{name: sorted(getattr(self, name)) for name in FACETS}}
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class AlertInput:
    email: str
    frequency: str
    language: str
    search: SavedSearch


def parse_search(values: Mapping[str, Any]) -> SavedSearch:
    """The search part through the search API's own checks; lists or single values."""
    params: dict[str, list[str]] = {}
    for name in ("q", *FACETS):
        value = values.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            params[name] = [value]
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            params[name] = list(value)
        else:
            raise SearchParamError(name, "must be text or a list of texts")
    return SavedSearch.of(parse_request(params))


def parse_alert(data: Mapping[str, Any]) -> AlertInput:
    """Check a subscription (the API's JSON or the form's fields); every problem at once."""
    problems: list[FieldProblem] = []
    email = data.get("email")
    email = normalize_address(email) if isinstance(email, str) else ""
    if not is_valid_address(email):
        problems.append(FieldProblem("email", "email"))
    frequency = data.get("frequency", "weekly")
    if frequency not in FREQUENCIES:
        problems.append(FieldProblem("frequency", "frequency"))
    language = data.get("language", "fi")
    if language not in LANGUAGES:
        problems.append(FieldProblem("language", "language"))
    search = SavedSearch()
    raw_search = data.get("search", {})
    if not isinstance(raw_search, Mapping):
        problems.append(FieldProblem("search", "search", "must be an object"))
    else:
        try:
            search = parse_search(raw_search)
        except SearchParamError as error:
            problems.append(FieldProblem(f"search.{error.field}", "search", error.message))
    if problems:
        raise AlertInputError(problems)
    return AlertInput(email=email, frequency=str(frequency), language=str(language), search=search)


def retention_step(last_active_at: datetime, asked_at: datetime | None, now: datetime) -> str | None:
    """What retention does to a confirmed subscription: "ask", "delete" or nothing (None)."""
    if now - last_active_at <= INACTIVE_AFTER:
        return None
    if asked_at is None or asked_at < last_active_at:
        return "ask"
    return "delete" if now - asked_at > RETENTION_GRACE else None
