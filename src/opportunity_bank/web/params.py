"""Path parameters shared by the routes."""

from __future__ import annotations

from typing import Annotated

from litestar.params import PathParameter

# Ids are 32-bit in the database: a larger one is bad input (400), not a lookup that overflows.
RowId = Annotated[int, PathParameter(gt=0, le=2**31 - 1)]

# Body limits per handler, so nobody streams megabytes where a few lines fit (the app-wide
# limit is the ceiling for handlers that set none).
SMALL_BODY = 16 * 1024  # sign-in, a status change, a target, a button
OPENING_BODY = 256 * 1024  # a whole opening: a 20,000-character description, URL-encoded
