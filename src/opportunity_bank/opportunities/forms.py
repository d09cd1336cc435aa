"""The posting form: which fields fit which kind, and turning submitted text into field values."""

from __future__ import annotations

from datetime import date
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

from opportunity_bank.models import Kind, Opportunity, Status
from opportunity_bank.opportunities.lifecycle import allowed_transitions
from opportunity_bank.opportunities.schemas import LIST_SEPARATOR, OpportunityFields

LIST_FIELDS = ("languages", "degree_levels")
# One-click actions on the "my openings" page, in the order they are offered.
ACTION_ORDER = (Status.PUBLISHED, Status.FILLED, Status.COMPLETED, Status.CLOSED,
                Status.DRAFT, Status.WITHDRAWN)


# The form in sections, as a supervisor thinks of an opening; each kind has its own middle part.
KIND_GROUPS = {
    Kind.THESIS: (("thesis", ("degree_levels", "field_of_study", "compensation")),),
    Kind.INTERNSHIP: (("positions", ("positions", "start_date", "end_date")),
                      ("pay", ("compensation", "min_age", "degree_levels"))),
    Kind.SUMMER_JOB: (("positions", ("positions", "start_date", "end_date")),
                      ("pay", ("compensation", "min_age"))),
}


def form_groups(kind: str, with_unit: bool) -> list[tuple[str, tuple[str, ...]]]:
    """(section, fields) in the order shown; together exactly the fields of `form_fields`."""
    basics = ("title", "description", *(("unit",) if with_unit else ()), "languages", "tags",
              "location")
    return [("basics", basics), *KIND_GROUPS[Kind(kind)],
            ("applying", ("application_deadline", "how_to_apply", "apply_url", "contact_email")),
            ("reporting", ("year",))]


def form_fields(kind: str, with_unit: bool) -> tuple[str, ...]:
    return tuple(name for _, names in form_groups(kind, with_unit) for name in names)


def _nullable(name: str) -> bool:
    annotation = OpportunityFields.model_fields[name].annotation
    return (get_origin(annotation) in (Union, UnionType)) and NoneType in get_args(annotation)


def values_from_form(form: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The submitted fields as raw input for validation: an empty box clears an optional field.

    Unchecked checkboxes send nothing, so a list field shown on the form and absent is empty.
    """
    values: dict[str, Any] = {}
    for name in fields:
        value = form.get(name)
        if name in LIST_FIELDS:
            values[name] = value if isinstance(value, list) else ([value] if value else [])
            continue
        if isinstance(value, list):
            value = value[-1]
        value = (value or "").strip() if isinstance(value, str) or value is None else value
        values[name] = None if value == "" and _nullable(name) else value
    return values


def display_value(value: Any) -> str:
    """How a stored or submitted value is shown back in its input box."""
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def form_values(opportunity: Opportunity | None, unit: str, kind: str) -> dict[str, Any]:
    if opportunity is None:
        return {"kind": kind, "languages": ["fi"], "positions": 1, "year": date.today().year,
                "unit": unit}
    values = {name: getattr(opportunity, name)
              for name in OpportunityFields.model_fields if name != "unit"}
    values["unit"] = unit
    return values


def actions_for(status: str) -> list[str]:
    """The lifecycle moves offered as buttons for an opening in this status."""
    allowed = allowed_transitions(status)
    return [str(target) for target in ACTION_ORDER if target in allowed]
