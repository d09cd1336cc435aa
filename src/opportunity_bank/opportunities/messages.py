"""Field errors in the reader's language.

The validator and the rules speak English to the API; a page never shows that text. Each
error carries a code (pydantic's error type or one of ours) and its numbers, and this module
turns them into our own sentence, chosen by field first and rule second. An unknown code gets
a general sentence in the reader's language rather than the English original.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from opportunity_bank.opportunities.schemas import FieldError

Gettext = Callable[[str], str]

DATE_CODES = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"}
NUMBER_CODES = {"int_parsing", "int_from_float", "int_type", "float_parsing", "int_parsing_size"}
TEXT_CODES = {"string_type", "string_unicode"}
CHOICE_CODES = {"literal_error", "enum"}


def _rule_messages(gettext: Gettext) -> dict[str, str]:
    return {
        "missing": gettext("Fill in this field."),
        "string_too_short": gettext("Write at least %(min_length)s characters."),
        "string_too_long": gettext("Write at most %(max_length)s characters."),
        "too_short": gettext("Choose at least %(min_length)s."),
        "too_long": gettext("Choose at most %(max_length)s."),
        "greater_than_equal": gettext("Enter %(ge)s or more."),
        "less_than_equal": gettext("Enter %(le)s or less."),
        "greater_than": gettext("Enter more than %(gt)s."),
        "less_than": gettext("Enter less than %(lt)s."),
        "number": gettext("Enter a whole number, such as 3."),
        "date": gettext("Enter a date, such as 31.3.2027."),
        "text": gettext("Write this as text."),
        "control": gettext("Remove the control characters (such as NUL) from this text."),
        "choice": gettext("Choose one of the options."),
        "email": gettext("Enter an e-mail address, such as name@espoo.fi."),
        "url": gettext("Enter a web address that starts with https:// (or a URN)."),
        "end_before_start": gettext("The end date cannot be before the start date."),
        "filled_over_positions": gettext("Filled positions cannot be more than the positions."),
        "own_unit": gettext("You can post only for your own unit, %(unit)s."),
        "taken": gettext("This is already used by another opening."),
        "status_elsewhere": gettext("The status is changed with the status buttons."),
        "filled_required": gettext("Enter how many positions were filled."),
        "filled_range": gettext("Enter a number from 1 to the number of positions."),
        "thesis_url_required": gettext("Give the link to the finished thesis, such as its Theseus URN."),
        "deadline_passed": gettext("The application deadline has passed. Choose a later date "
                                   "before publishing."),
        "roll_over_kind": gettext("Only summer jobs and internships can be rolled over."),
        "roll_over_unit": gettext("You can roll over only your own unit."),
        "no_unit": gettext("There is no unit with this name."),
        "year": gettext("Enter a year, such as 2027."),
        "range": gettext("Choose years from %(min)s to %(max)s, the first not after the last."),
        "extra_forbidden": gettext("This is not a field of an opening."),
        "pdf": gettext("Choose a PDF file."),
        "too_large": gettext("The file is larger than 10 MB."),
        "empty_file": gettext("The chosen file is empty."),
        "file": gettext("The file could not be received. Try again."),
        "email_taken": gettext("A user with this e-mail address already exists."),
        "password": gettext("Write a password of at least %(min_length)s characters."),
    }


def _field_messages(gettext: Gettext) -> dict[tuple[str, str], str]:
    """Sentences that read better for one field than the rule's general one."""
    return {
        ("title", "missing"): gettext("Write a title."),
        ("title", "string_too_short"): gettext("Write a title of at least %(min_length)s characters."),
        ("year", "missing"): gettext("Enter the year the opening counts toward, such as 2027."),
        ("year", "greater_than_equal"): gettext("Enter a year from 2000 to 2100."),
        ("year", "less_than_equal"): gettext("Enter a year from 2000 to 2100."),
        ("unit", "missing"): gettext("Choose the unit."),
        ("languages", "too_short"): gettext("Choose at least one working language."),
        ("min_age", "greater_than_equal"): gettext("Enter an age from 14 to 70."),
        ("min_age", "less_than_equal"): gettext("Enter an age from 14 to 70."),
        ("positions", "missing"): gettext("Enter the number of positions."),
    }


def rule_of(code: str) -> str:
    if code in DATE_CODES:
        return "date"
    if code in NUMBER_CODES:
        return "number"
    if code in TEXT_CODES:
        return "text"
    if code in CHOICE_CODES:
        return "choice"
    return code


def field_message(error: FieldError, gettext: Gettext) -> str:
    rule = rule_of(error.code)
    text = (_field_messages(gettext).get((error.field, rule))
            or _rule_messages(gettext).get(rule)
            or gettext("Check this field."))
    try:
        return text % error.params if "%(" in text else text
    except (KeyError, TypeError, ValueError):
        return gettext("Check this field.")


def field_messages(errors: Iterable[FieldError], gettext: Gettext) -> dict[str, str]:
    """One sentence per field (the first error of each), in the reader's language."""
    shown: dict[str, str] = {}
    for error in errors:
        shown.setdefault(error.field, field_message(error, gettext))
    return shown
