"""SQLModel tables, one module per table family."""

from opportunity_bank.models.audit import AuditEntry
from opportunity_bank.models.base import utcnow
from opportunity_bank.models.enums import (
    DEGREE_LEVELS,
    KINDS,
    LANGUAGES,
    ROLES,
    STATUSES,
    Kind,
    PayPeriod,
    ReviewDecision,
    Role,
    Status,
)
from opportunity_bank.models.identities import OidcIdentity, OidcRequest
from opportunity_bank.models.opportunities import Attachment, Opportunity
from opportunity_bank.models.outbox import OutboxEntry, SearchState, SearchTerms
from opportunity_bank.models.report_totals import ReportTotal
from opportunity_bank.models.search_misses import SearchMiss
from opportunity_bank.models.sessions import LoginFailure, WebSession
from opportunity_bank.models.targets import Target
from opportunity_bank.models.units import Unit
from opportunity_bank.models.users import ApiToken, User

__all__ = [
    "DEGREE_LEVELS", "KINDS", "LANGUAGES", "ROLES", "STATUSES",
    "ApiToken", "Attachment", "AuditEntry", "Kind", "LoginFailure", "OidcIdentity", "OidcRequest",
    "Opportunity", "OutboxEntry", "PayPeriod", "ReportTotal", "ReviewDecision", "Role", "SearchMiss",
    "SearchState", "SearchTerms", "Status", "Target", "Unit", "User", "WebSession", "utcnow",
]
