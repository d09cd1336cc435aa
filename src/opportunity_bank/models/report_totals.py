from __future__ import annotations

from sqlmodel import Field, SQLModel


class ReportTotal(SQLModel, table=True):
    """What the openings of one (year, kind, unit, status) add up to, for the yearly report.

    Written only by database triggers on `opportunities` (migrations/versions/0002), never by
    the application, so every path that changes an opening (ORM, bulk SQL, imports, restores
    through SQL) keeps it exact. A group whose last opening goes is deleted, so the table
    holds exactly the non-empty groups of `opportunities`. Counting rules: reports.arithmetic.
    """

    __tablename__ = "report_totals"

    year: int = Field(primary_key=True)
    kind: str = Field(max_length=20, primary_key=True)
    unit_id: int = Field(foreign_key="units.id", primary_key=True)
    status: str = Field(max_length=20, primary_key=True)
    postings: int
    positions: int
    filled_positions: int
