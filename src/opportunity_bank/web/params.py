"""Path parameters shared by the routes."""

from __future__ import annotations

from typing import Annotated

from litestar.params import PathParameter

# Ids are 32-bit in the database: a larger one is bad input (400), not a lookup that overflows.
RowId = Annotated[int, PathParameter(gt=0, le=2**31 - 1)]
