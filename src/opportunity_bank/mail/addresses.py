"""E-mail addresses: checking, normalising, and the hash that stands for one in logs and joins."""

from __future__ import annotations

import hashlib
import re

MAX_ADDRESS_LENGTH = 254
# Deliberately plain: one @, a dot in the domain, no spaces, quotes or angle brackets. Header
# injection needs a newline or a comma, which this refuses too.
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def normalize_address(address: str) -> str:
    """The form we store and compare: trimmed, the domain in lower case."""
    local, _, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}" if local else address.strip()


def is_valid_address(address: str) -> bool:
    return len(address) <= MAX_ADDRESS_LENGTH and bool(_ADDRESS.match(address)) and ".." not in address


def address_hash(address: str) -> str:
    """SHA-256 of the address compared case-insensitively: what logs show and tables join on."""
    return hashlib.sha256(normalize_address(address).casefold().encode()).hexdigest()


def log_name(address_or_hash: str) -> str:
    """How an address appears in a log line: a short prefix of its hash, never the address."""
    value = address_or_hash if "@" not in address_or_hash else address_hash(address_or_hash)
    return f"addr:{value[:12]}"
