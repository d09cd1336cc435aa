"""Validation of an opening's fields, shared by the import, the JSON API and the forms.

Table models skip validation, so everything that comes from outside passes through these
non-table models first; errors come back as (field, message) pairs a person can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from opportunity_bank.models.enums import Kind, PayPeriod, Status

EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
LIST_SEPARATOR = ";"
MAX_LIST_ITEMS = 30

Language = Literal["fi", "sv", "en"]
DegreeLevel = Literal["vocational", "bachelor", "master", "doctoral"]


def split_list(value: Any) -> Any:
    """CSV and XLSX carry lists as `a;b;c`; JSON may carry either form."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value


def lower_list(value: Any) -> Any:
    value = split_list(value)
    if isinstance(value, list):
        return [v.strip().lower() if isinstance(v, str) else v for v in value]
    return value


Money = Annotated[Decimal, Field(ge=0, le=1_000_000, max_digits=10, decimal_places=2)]
Currency = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z]{3}$")]
Text300 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
OptionalText = Annotated[
    str | None, StringConstraints(strip_whitespace=True, max_length=300)
]


class FieldRules(BaseModel):
    """Per-field rules beyond the types, shared by whole openings and partial changes."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("contact_email", check_fields=False)
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value and not EMAIL_RE.match(value):
            raise ValueError("is not an e-mail address")
        return value or None

    @field_validator("apply_url", "thesis_url", check_fields=False)
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        # Only web links and URNs: a javascript: URL here would end up in an href.
        if value and not value.lower().startswith(("https://", "http://", "urn:")):
            raise ValueError("must start with https://, http:// or urn:")
        return value or None

    @field_validator("languages", "degree_levels", "tags", check_fields=False)
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        return list(dict.fromkeys(value)) if value is not None else None


class OpportunityFields(FieldRules):
    """Every field a person may set on an opening; the import record is this plus external_id."""

    kind: Kind
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]
    description: Annotated[str, StringConstraints(max_length=20_000)] = ""
    unit: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
    languages: Annotated[
        list[Language], BeforeValidator(lower_list), Field(min_length=1, max_length=3)
    ] = Field(default_factory=lambda: ["fi"])
    content_language: Language | None = None
    degree_levels: Annotated[
        list[DegreeLevel], BeforeValidator(lower_list), Field(max_length=4)
    ] = Field(default_factory=list)
    positions: Annotated[int, Field(ge=1, le=10_000)] = 1
    filled_positions: Annotated[int, Field(ge=0, le=10_000)] | None = None
    year: Annotated[int, Field(ge=2000, le=2100)]
    status: Status = Status.DRAFT
    start_date: date | None = None
    end_date: date | None = None
    application_deadline: date | None = None
    tags: Annotated[
        list[Tag], BeforeValidator(split_list), Field(max_length=MAX_LIST_ITEMS)
    ] = Field(default_factory=list)
    contact_email: Annotated[str, StringConstraints(max_length=254)] | None = None
    location: Annotated[str, StringConstraints(max_length=200)] | None = None
    compensation: OptionalText = None
    pay_min: Money | None = None
    pay_max: Money | None = None
    pay_currency: Currency | None = None
    pay_period: PayPeriod | None = None
    how_to_apply: Annotated[str, StringConstraints(max_length=5_000)] | None = None
    apply_url: Annotated[str, StringConstraints(max_length=500)] | None = None
    direct_apply: bool = False
    field_of_study: Annotated[str, StringConstraints(max_length=200)] | None = None
    min_age: Annotated[int, Field(ge=14, le=70)] | None = None
    thesis_url: Annotated[str, StringConstraints(max_length=500)] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> OpportunityFields:
        if self.filled_positions is not None and self.filled_positions > self.positions:
            raise ValueError("filled_positions: cannot be more than positions")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date: cannot be before start_date")
        if self.pay_max is not None and self.pay_min is None:
            self.pay_min, self.pay_max = self.pay_max, None
        if self.pay_min is not None:
            if self.pay_max is not None and self.pay_max < self.pay_min:
                raise ValueError("pay_max: cannot be less than pay_min")
            if self.pay_period is None:
                raise ValueError("pay_period: is required when pay is given")
            self.pay_currency = self.pay_currency or "EUR"
        if self.direct_apply and not self.apply_url:
            raise ValueError("direct_apply: needs an apply_url")
        if self.content_language is None:
            self.content_language = self.languages[0]
        return self


class ImportRecord(OpportunityFields):
    external_id: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


def field_errors(error: ValidationError) -> list[FieldError]:
    """Flatten pydantic's errors into one message per field, in words a person understands."""
    found: list[FieldError] = []
    for item in error.errors(include_url=False):
        loc = [str(part) for part in item["loc"] if not isinstance(part, int)]
        message = item["msg"].removeprefix("Value error, ")
        field = loc[0] if loc else ""
        if not field and ": " in message:
            # Cross-field rules name their field at the start of the message.
            field, message = message.split(": ", 1)
        if item["type"] == "extra_forbidden":
            message = "is not a field of an opening"
        elif item["type"] == "missing":
            message = "is required"
        found.append(FieldError(field or "record", message))
    return found


def clean_raw(raw: dict[str, Any]) -> dict[str, Any]:
    """Empty cells mean 'not given' in CSV and XLSX; drop them so defaults apply."""
    cleaned: dict[str, Any] = {}
    for key, value in raw.items():
        key = str(key).strip() if key is not None else ""
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "" or key == "":
            continue
        cleaned[key] = value
    return cleaned


def validate_import_record(raw: dict[str, Any]) -> tuple[ImportRecord | None, list[FieldError]]:
    try:
        return ImportRecord.model_validate(clean_raw(raw)), []
    except ValidationError as error:
        return None, field_errors(error)


class OpportunityCreate(OpportunityFields):
    """A new opening from the editing API: the import record with an optional external_id.

    `unit` may be left out by a supervisor (their own unit is used); a new opening is a draft
    or published at once.
    """

    external_id: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ] | None = None
    unit: Annotated[  # type: ignore[assignment]
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)
    ] | None = None
    status: Literal["draft", "published"] = "draft"  # type: ignore[assignment]


def _optional(annotation: Any) -> Any:
    return annotation | None


# Every field optional, the types kept: a PATCH names only what changes. Cross-field rules
# run afterwards on the merged opening, with OpportunityFields.
OpportunityPatch = create_model(
    "OpportunityPatch",
    __base__=FieldRules,
    **{name: (_optional(info.rebuild_annotation()), None)
       for name, info in OpportunityFields.model_fields.items()},
)


class StatusChange(BaseModel):
    """A lifecycle move: `filled` needs filled_positions for jobs, `completed` a thesis_url for a thesis."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    status: Status
    filled_positions: Annotated[int, Field(ge=0, le=10_000)] | None = None
    thesis_url: Annotated[str, StringConstraints(max_length=500)] | None = None

    @field_validator("thesis_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return OpportunityFields._url(value)
