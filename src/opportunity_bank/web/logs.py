"""Access logs without secrets: values of token-like query parameters are replaced.

A link with `?access_token=…` or `?token=…` (a confirmation link, a misconfigured client)
must not leave the secret in every log line the access log writes.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

import uvicorn.config

SECRET_PARAMETERS = re.compile(
    r"(?i)([?&](?:[^=&#]*(?:token|password|passwd|secret|api[_-]?key|session|code|signature)"
    r"[^=&#]*)=)[^&#]*"
)
REDACTED = "[redacted]"


def redact_query(target: str) -> str:
    """A request target with the values of secret-looking parameters replaced."""
    return SECRET_PARAMETERS.sub(lambda match: match.group(1) + REDACTED, target)


class RedactSecrets(logging.Filter):
    """For uvicorn's access log, whose third argument is the path with its query string."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3 and isinstance(record.args[2], str):
            args = list(record.args)
            args[2] = redact_query(args[2])
            record.args = tuple(args)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging set-up with the filter on its access log (in every worker too)."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_secrets"] = {"()": RedactSecrets}
    config["handlers"]["access"]["filters"] = ["redact_secrets"]
    return config
