"""The relevance dataset stays usable: valid import records, queries that point at them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from opportunity_bank.opportunities.demo import UNITS as DEMO_UNITS

RELEVANCE = Path(__file__).resolve().parent.parent / "relevance"
UNITS = set(DEMO_UNITS)
KINDS = {"thesis", "internship", "summer_job"}
LEVELS = {"vocational", "bachelor", "master", "doctoral"}
NOTES = {"inflection", "compound", "typo", "prefix", "synonym", "swedish", "english", "exact"}


def read(name: str) -> list[dict]:
    with (RELEVANCE / name).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def openings() -> list[dict]:
    return read("openings.jsonl")


@pytest.fixture(scope="module")
def queries() -> list[dict]:
    return read("queries.jsonl")


def test_openings_are_valid_import_records(openings):
    assert len(openings) >= 70
    assert len({o["external_id"] for o in openings}) == len(openings)
    for opening in openings:
        assert opening["kind"] in KINDS
        assert opening["unit"] in UNITS
        assert set(opening["degree_levels"]) <= LEVELS
        assert opening["languages"] in (["fi"], ["sv"], ["en"])
        assert opening["status"] == "published"
        assert opening["year"] == 2027
        assert opening["positions"] >= 1
        assert opening["start_date"] <= opening["end_date"]
        assert opening["contact_email"].endswith("@espoo.fi")


def test_openings_cover_all_three_languages(openings):
    languages = Counter(o["languages"][0] for o in openings)
    assert languages["sv"] >= 12
    assert languages["en"] >= 12


def test_queries_expect_existing_openings(openings, queries):
    ids = {o["external_id"] for o in openings}
    assert len(queries) >= 70
    for query in queries:
        assert query["expected"], query
        assert set(query["expected"]) <= ids, query
        assert query["note"] in NOTES
        assert query["language"] in {"fi", "sv", "en"}


def test_queries_cover_all_three_languages(queries):
    languages = Counter(q["language"] for q in queries)
    assert languages["fi"] >= 35
    assert languages["sv"] >= 12
    assert languages["en"] >= 12
