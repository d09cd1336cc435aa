"""The closed vocabularies of the bank, shared by models, validation and search."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    THESIS = "thesis"
    INTERNSHIP = "internship"
    SUMMER_JOB = "summer_job"


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"  # waiting for review in a unit that requires it
    PUBLISHED = "published"
    FILLED = "filled"  # for a thesis: reserved by a student
    COMPLETED = "completed"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class Role(StrEnum):
    SUPERVISOR = "supervisor"
    HR = "hr"
    ADMIN = "admin"


class PayPeriod(StrEnum):
    HOUR = "hour"
    MONTH = "month"


class ReviewDecision(StrEnum):
    APPROVE = "approve"
    CHANGES = "changes"


LANGUAGES = ("fi", "sv", "en")
DEGREE_LEVELS = ("vocational", "bachelor", "master", "doctoral")
KINDS = tuple(k.value for k in Kind)
STATUSES = tuple(s.value for s in Status)
ROLES = tuple(r.value for r in Role)
