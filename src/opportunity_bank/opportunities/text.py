"""Text hygiene, pure: Unicode-normalised names, no control characters, something visible.

A title of zero-width spaces looks empty on every page; a NUL byte is stored by SQLite and
refused by PostgreSQL; `Kunnossapito\\u200b` and `kunnossapito` look like one unit and must
be one unit.
"""

from __future__ import annotations

import re
import unicodedata

LINE_BREAKS = "\n\r\t"  # kept where they come from (an XLSX cell, a description)
# Categories that put nothing on the screen: controls, format characters (zero-width space,
# direction overrides, soft hyphen), separators, and marks with no base character.
INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me")
SPACES = re.compile(r"\s+")


def normalized(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def control_problem(value: str) -> str | None:
    """Why this text cannot be stored, or None: NUL and other control characters."""
    if any(unicodedata.category(ch) == "Cc" and ch not in LINE_BREAKS for ch in value):
        return "must not contain control characters"
    return None


def has_visible(value: str) -> bool:
    return any(unicodedata.category(ch) not in INVISIBLE for ch in value)


def clean_name(value: str) -> str:
    """A name as stored: NFC, no format characters, single spaces, no space at the ends."""
    value = "".join(ch for ch in normalized(value) if unicodedata.category(ch) != "Cf")
    return SPACES.sub(" ", value).strip()


def name_key(value: str) -> str:
    """What two names must share to be one: case, spacing and invisible characters aside."""
    return "".join(ch for ch in clean_name(value).casefold() if not ch.isspace())
