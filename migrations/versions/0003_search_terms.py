"""search_terms and its full-text index, for the database fallback of student search

Revision ID: 0003
Revises: 0004
Create Date: 2026-12-01 07:30:00

The fallback answers while Meilisearch cannot: it must be fast and find Finnish forms, so it
matches the words and analysed forms (Voikko base forms, compound parts) of each searchable
opening, which the indexer writes into search_terms beside the index (Python does the
analysis, so no trigger can). A full-text index over that column:

- SQLite: an FTS5 table with search_terms as its external content, kept by triggers. The
  terms are already split into words by the application; the tokenizer keeps diacritics
  (ä is not a) and `_` within a word, as the application's splitting does; prefixes of two
  to four letters are indexed for as-you-type searches.
- PostgreSQL: a GIN index over the words taken as lexemes as they are (array_to_tsvector),
  so no text-search configuration or locale changes them.

source_updated_at is the opening's updated_at the terms were made from: the fallback matches
an opening whose terms are missing or older on its current text instead. The table starts
empty; the indexer fills it for every searchable opening at its next check.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE search_terms_fts USING fts5(
        terms, content='search_terms', content_rowid='opportunity_id',
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'", prefix='2 3 4')""",
    """CREATE TRIGGER search_terms_fts_insert AFTER INSERT ON search_terms BEGIN
        INSERT INTO search_terms_fts(rowid, terms) VALUES (NEW.opportunity_id, NEW.terms);
        END""",
    """CREATE TRIGGER search_terms_fts_delete AFTER DELETE ON search_terms BEGIN
        INSERT INTO search_terms_fts(search_terms_fts, rowid, terms)
        VALUES ('delete', OLD.opportunity_id, OLD.terms);
        END""",
    """CREATE TRIGGER search_terms_fts_update AFTER UPDATE ON search_terms BEGIN
        INSERT INTO search_terms_fts(search_terms_fts, rowid, terms)
        VALUES ('delete', OLD.opportunity_id, OLD.terms);
        INSERT INTO search_terms_fts(rowid, terms) VALUES (NEW.opportunity_id, NEW.terms);
        END""",
]
SQLITE_DOWN = [
    *(f"DROP TRIGGER IF EXISTS search_terms_fts_{event}" for event in ("insert", "delete", "update")),
    "DROP TABLE IF EXISTS search_terms_fts",
]
POSTGRESQL_UP = [
    """CREATE INDEX ix_search_terms_lexemes ON search_terms
        USING gin (array_to_tsvector(string_to_array(terms, ' ')))""",
]
POSTGRESQL_DOWN = ["DROP INDEX IF EXISTS ix_search_terms_lexemes"]


STATEMENTS = {"sqlite": (SQLITE_UP, SQLITE_DOWN), "postgresql": (POSTGRESQL_UP, POSTGRESQL_DOWN)}


def upgrade() -> None:
    op.create_table(
        "search_terms",
        sa.Column("opportunity_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("terms", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source_updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("opportunity_id"),
    )
    up, _down = STATEMENTS[op.get_bind().dialect.name]
    for statement in up:
        op.execute(statement)


def downgrade() -> None:
    _up, down = STATEMENTS[op.get_bind().dialect.name]
    for statement in down:
        op.execute(statement)
    op.drop_table("search_terms")
