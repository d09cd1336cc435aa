"""Search answered by the database while Meilisearch cannot answer.

Simple but honest: every query word must begin a word of the opening's search terms (its
title, description, tags, unit and location with the analysed forms its index document
carries, kept in search_terms under a full-text index: FTS5 on SQLite, GIN on PostgreSQL);
with a text analyzer a query word also matches through any of its own analysed forms, so
*kesätöitä* finds *kesätyö…*. The filters, facet counts, visibility rule, sorts and
pagination are the index's. There is no typo tolerance and no ranking beyond "the title
matches" — the answer says ``"degraded": true`` so clients can tell.

At most MAX_CONCURRENT questions run at once (each holds a database connection and a core);
one that cannot start within QUEUE_SECONDS is refused (FallbackBusy) rather than queued
without bound behind a hung index.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Protocol

from sqlalchemy import Integer, Text, and_, case, cast, column, func, literal_column, or_, text
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, SearchTerms, Unit
from opportunity_bank.opportunities.visibility import searchable_clause
from opportunity_bank.search.documents import FACETS, to_document, words
from opportunity_bank.search.query import (
    HIGHLIGHT_POST,
    HIGHLIGHT_PRE,
    HIT_FIELDS,
    SearchRequest,
    SearchResult,
    total_of,
)

MAX_FORMS_PER_WORD = 8
MAX_FACET_VALUES = 100  # as the index's faceting.maxValuesPerFacet
MAX_CONCURRENT = 4
QUEUE_SECONDS = 0.5
# How long the list of openings changed since their terms is reused: finding it costs a
# scan of every opening (15 ms at 20,000), a third of a fallback question.
CHANGED_SECONDS = 1.0


class FallbackBusy(RuntimeError):
    """Too many questions wait for the database already: answer "try again" at once."""


class QueryAnalyzer(Protocol):
    """What the fallback needs from a text analyzer (search.analysis provides one)."""

    def base_form(self, word: str) -> str: ...


# --- SQL building blocks that differ between SQLite and PostgreSQL ------------------------------
class folded(FunctionElement):
    """Lower case for matching, Unicode-aware on both databases (Ä matches ä)."""

    type = Text()
    inherit_cache = True


@compiles(folded)
def _folded_postgresql(element, compiler, **kw) -> str:
    # ICU case mapping does not depend on the cluster's locale (C locale lowers only ASCII).
    return f'lower(({compiler.process(element.clauses, **kw)}) COLLATE "und-x-icu")'


@compiles(folded, "sqlite")
def _folded_sqlite(element, compiler, **kw) -> str:
    # SQLite's lower() folds ASCII only; db.py registers this Python function on each connection.
    return f"ob_lower({compiler.process(element.clauses, **kw)})"


class list_text(FunctionElement):
    """The items of a JSON list column as one space-separated text (unescaped, unlike its JSON)."""

    type = Text()
    inherit_cache = True


@compiles(list_text)
def _list_text_postgresql(element, compiler, **kw) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"(SELECT string_agg(value, ' ') FROM json_array_elements_text({column}))"  # noqa: S608 (a column)


@compiles(list_text, "sqlite")
def _list_text_sqlite(element, compiler, **kw) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"(SELECT group_concat(value, ' ') FROM json_each({column}))"  # noqa: S608 (a column)


# --- the rules --------------------------------------------------------------------------------
def word_forms(word: str, analyzer: QueryAnalyzer | None) -> list[str]:
    """The word itself and, with an analyzer, its base form.

    Not the search query's analysis: that splits compounds into parts, and a part as an
    alternative substring ("yö" of "yövalvoja") would match far too much ("työ")."""
    forms = [word.lower()]
    if analyzer is not None:
        forms += analyzer.base_form(word.lower()).split()
    return list(dict.fromkeys(f for f in forms if f))[:MAX_FORMS_PER_WORD]


def query_words(q: str, analyzer: QueryAnalyzer | None) -> list[list[str]]:
    return [word_forms(word, analyzer) for word in dict.fromkeys(q.split())]


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column, form: str) -> ColumnElement[bool]:
    return folded(column).like(_like_pattern(form), escape="\\")


def _matching_texts() -> list:
    return [
        Opportunity.title,
        Opportunity.description,
        list_text(Opportunity.tags),
        Unit.name,
        func.coalesce(Opportunity.location, ""),
    ]


def words_clause(query: list[list[str]], dialect: str, changed: list[int]) -> list[ColumnElement[bool]]:
    """Every query word must begin a search term through one of its forms (a form of several
    words: each of them, the last as a prefix).

    An opening changed since its terms were made (they are written by the indexer, just
    after the change), one of `changed`, is searched on its text as it is now instead (each
    form a substring of some field), so one published while Meilisearch hangs is found at once.
    """
    groups = [[words(form) for form in forms] for forms in query]
    groups = [[tokens for tokens in group if tokens] for group in groups]
    if not any(groups):
        return []
    if not all(groups):
        return [Opportunity.id.is_(None)]  # a word with nothing to match matches nothing
    if not changed:
        return [_terms_match(groups, dialect)]
    texts = _matching_texts()
    as_now = and_(Opportunity.id.in_(changed),
                  *(or_(*(_contains(t, form) for form in forms for t in texts)) for forms in query))
    return [or_(_terms_match(groups, dialect), as_now)]


def changed_since_terms(session: Session, today: date) -> list[int]:
    """Searchable openings whose terms are missing or older than the opening: usually none."""
    return list(session.exec(
        select(Opportunity.id).outerjoin(SearchTerms, SearchTerms.opportunity_id == Opportunity.id)
        .where(searchable_clause(today), or_(SearchTerms.opportunity_id.is_(None),
                                             SearchTerms.source_updated_at < Opportunity.updated_at))
    ).all())


def _terms_match(groups: list[list[list[str]]], dialect: str) -> ColumnElement[bool]:
    if dialect == "sqlite":
        # FTS5 syntax: tokens are word characters only, so a quoted phrase cannot break out.
        match = " AND ".join(
            "(" + " OR ".join(f'"{" ".join(tokens)}"*' for tokens in group) + ")" for group in groups)
        found = text("SELECT rowid FROM search_terms_fts WHERE search_terms_fts MATCH :match") \
            .bindparams(match=match).columns(column("rowid", Integer))
        return Opportunity.id.in_(found)
    tsquery = " & ".join(
        "(" + " | ".join("(" + " & ".join([*(f"'{t}'" for t in tokens[:-1]), f"'{tokens[-1]}':*"]) + ")"
                         for tokens in group) + ")"
        for group in groups)
    # The stored tsvector of search_terms.terms (migration 0010), under a GIN index.
    lexemes = literal_column("search_terms.lexemes")
    return Opportunity.id.in_(
        select(SearchTerms.opportunity_id).where(lexemes.op("@@")(cast(tsquery, TSQUERY))))


def _list_contains(column, values: tuple[str, ...]) -> ColumnElement[bool]:
    # The values are fixed codes (fi, master…) without quotes, so the quoted JSON item is exact.
    return or_(*(cast(column, Text).like(_like_pattern(json.dumps(v)), escape="\\") for v in values))


def filter_clauses(request: SearchRequest, skip: str | None = None) -> list[ColumnElement[bool]]:
    """AND across groups, OR within a group, as in search.query.filter_expression."""
    columns = {
        "kind": lambda values: Opportunity.kind.in_(values),
        "unit": lambda values: Unit.name.in_(values),
        "language": lambda values: _list_contains(Opportunity.languages, values),
        "level": lambda values: _list_contains(Opportunity.degree_levels, values),
    }
    return [columns[name](values) for name, values in request.filters().items() if name != skip]


def order_by(request: SearchRequest, words: list[list[str]]) -> list:
    if request.sort == "deadline":
        return [Opportunity.application_deadline.is_(None), Opportunity.application_deadline,
                Opportunity.id]
    newest = [Opportunity.published_at.is_(None), Opportunity.published_at.desc(), Opportunity.id.desc()]
    if request.sort == "newest":
        return newest
    if not words:
        return [Opportunity.id]
    title_hits = sum(
        case((or_(*(_contains(Opportunity.title, f) for f in forms)), 1), else_=0) for forms in words
    )
    return [title_hits.desc(), *newest]


def highlight(title: str, words: list[list[str]]) -> str:
    forms = sorted({f for forms in words for f in forms}, key=len, reverse=True)
    if not forms:
        return title
    pattern = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
    return pattern.sub(lambda m: f"{HIGHLIGHT_PRE}{m.group(0)}{HIGHLIGHT_POST}", title)


def _top(counts: Counter) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_FACET_VALUES])


class DatabaseSearch:
    """Answers a SearchRequest from the database; the same shape as the index's answers."""

    def __init__(self, engine: Engine, analyzer: QueryAnalyzer | None = None,
                 max_concurrent: int = MAX_CONCURRENT, queue_seconds: float = QUEUE_SECONDS) -> None:
        self.engine = engine
        self.analyzer = analyzer
        self.queue_seconds = queue_seconds
        self._slots = threading.BoundedSemaphore(max_concurrent)
        self._changed: tuple[float, date, list[int]] | None = None  # (when, day, ids)

    def search(self, request: SearchRequest, today: date) -> SearchResult:
        if not self._slots.acquire(timeout=self.queue_seconds):
            raise FallbackBusy(f"more than {self.queue_seconds:g} s waiting for the database search")
        try:
            return self._search(request, today)
        finally:
            self._slots.release()

    def _search(self, request: SearchRequest, today: date) -> SearchResult:
        if _holds_nul(request):
            # No stored text holds a NUL (PostgreSQL cannot even compare with one): no match.
            return SearchResult(request=request, total=0, hits=[],
                                facets={name: {} for name in FACETS}, degraded=True)
        words = query_words(request.q, self.analyzer)
        with Session(self.engine) as session:
            changed = self._changed_since_terms(session, today) if words else []
            base = [searchable_clause(today), *words_clause(words, self.engine.dialect.name, changed)]
            if request.ids:
                base.append(Opportunity.id.in_(request.ids))
            facets = self._facets(session, request, base) if request.facets else {}
            # Each opening has one kind, so the kind counts (taken without the kind filter)
            # add up to the total, as in the index's answer.
            total = total_of(request, facets["kind"]) if request.facets else session.exec(
                select(func.count()).select_from(Opportunity).join(Unit, Unit.id == Opportunity.unit_id)
                .where(*base, *filter_clauses(request))
            ).one()
            rows = session.exec(
                select(Opportunity, Unit.name).join(Unit, Unit.id == Opportunity.unit_id)
                .where(*base, *filter_clauses(request))
                .order_by(*order_by(request, words))
                .offset((request.page - 1) * request.per_page).limit(request.per_page)
            ).all()
        hits = []
        for opportunity, unit in rows:
            document = to_document(opportunity, unit)
            hit = {name: document.get(name) for name in HIT_FIELDS}
            hit["title_highlight"] = highlight(opportunity.title, words) if words else opportunity.title
            hits.append(hit)
        return SearchResult(
            request=request, total=total, hits=hits,
            facets={name: facets.get(name, {}) for name in FACETS}, degraded=True,
        )

    def _changed_since_terms(self, session: Session, today: date) -> list[int]:
        now = time.monotonic()
        kept = self._changed
        if kept is not None and kept[1] == today and now - kept[0] < CHANGED_SECONDS:
            return kept[2]
        changed = changed_since_terms(session, today)
        self._changed = (now, today, changed)
        return changed

    def _facets(self, session: Session, request: SearchRequest, base: list) -> dict[str, dict[str, int]]:
        """Each group counted under the other groups' filters (disjunctive, like the index).

        One pass over the matches' facet values, counted here: four GROUP BY questions would
        each find the matches again (80 ms instead of 20 at 20,000 openings on PostgreSQL)."""
        # Thousands of matches share a few hundred combinations of values: count those.
        values = (Opportunity.kind, Unit.name, cast(Opportunity.languages, Text),
                  cast(Opportunity.degree_levels, Text))
        combinations = session.exec(
            select(*values, func.count()).select_from(Opportunity)
            .join(Unit, Unit.id == Opportunity.unit_id).where(*base).group_by(*values)
        ).all()
        return facet_counts(request.filters(), _facet_values(combinations))


FacetValues = dict[str, tuple[str, ...]]


def facet_counts(wanted: dict[str, tuple[str, ...]],
                 matches: Iterable[tuple[FacetValues, int]]) -> dict[str, dict[str, int]]:
    """Per group, the values of the matches that pass every other group's filter (OR within a
    group, AND across groups: search.query.filter_expression); each match with its count."""
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    for values, count in matches:
        failing = [name for name, allowed in wanted.items() if not set(values[name]) & set(allowed)]
        if len(failing) > 1:
            continue
        for name in failing or FACETS:
            for value in values[name]:
                counts[name][value] += count
    return {name: _top(counted) for name, counted in counts.items()}


def _facet_values(combinations: Iterable[tuple[str, str, str, str, int]]
                  ) -> Iterator[tuple[FacetValues, int]]:
    for kind, unit, languages, levels, count in combinations:
        yield ({"kind": (kind,), "unit": (unit,), "language": tuple(json.loads(languages)),
                "level": tuple(json.loads(levels))}, count)


def _holds_nul(request: SearchRequest) -> bool:
    values = [request.q, *(v for group in request.filters().values() for v in group)]
    return any("\x00" in value for value in values)
