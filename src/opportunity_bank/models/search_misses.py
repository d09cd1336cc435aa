from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel


class SearchMiss(SQLModel, table=True):
    """How many searches found nothing, per day and query: what the lexicon should learn.

    Holds no personal data: no address, session or time of day, and a query only when every
    word of it is a dictionary word that is not a name (``search.misses.keepable``); any
    other query is counted under "" (withheld).
    """

    __tablename__ = "search_misses"

    day: date = Field(primary_key=True)
    query: str = Field(primary_key=True, max_length=200)
    count: int = Field(default=0)
