"""SQLModel tables, one module per table family."""

from opportunity_bank.models.alerts import AlertRequest, AlertSentOpening, AlertSubscription, AlertToken
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
from opportunity_bank.models.jobs import DeadlineReminder, JobRun
from opportunity_bank.models.mail import MailBounce, MailMessage
from opportunity_bank.models.opportunities import Attachment, AttachmentChunk, Opportunity
from opportunity_bank.models.outbox import OutboxEntry, SearchState, SearchTerms
from opportunity_bank.models.report_totals import ReportTotal
from opportunity_bank.models.search_misses import SearchMiss
from opportunity_bank.models.sessions import LoginThrottle, WebSession
from opportunity_bank.models.targets import Target
from opportunity_bank.models.units import Unit
from opportunity_bank.models.users import ApiToken, User

__all__ = [
    "DEGREE_LEVELS", "KINDS", "LANGUAGES", "ROLES", "STATUSES",
    "AlertRequest", "AlertSentOpening", "AlertSubscription", "AlertToken", "ApiToken", "Attachment",
    "AttachmentChunk", "AuditEntry", "DeadlineReminder", "JobRun", "Kind", "LoginThrottle", "MailBounce",
    "MailMessage", "OidcIdentity", "OidcRequest", "Opportunity", "OutboxEntry", "PayPeriod",
    "ReportTotal", "ReviewDecision", "Role", "SearchMiss", "SearchState", "SearchTerms", "Status",
    "Target", "Unit", "User", "WebSession", "utcnow",
]
