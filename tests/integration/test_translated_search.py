"""A query in English or Swedish finds a Finnish opening that is open to that language,
through the translations of its title and tags (FreeDict, search/translations.py)."""

from __future__ import annotations

import pytest

from opportunity_bank.opportunities.importer import import_file
from tests.helpers import record, search_ids, wait_until, write_jsonl

# Words of no synonym group or association (synonyms.json, associations.json): only the
# dictionaries can bridge them.
TITLE = "Kirjaston pihan suunnittelu"


@pytest.fixture
def openings(client, services, tmp_path):
    rows = [
        record(1, title=TITLE, languages="fi;en;sv", tags="", description="Työ kaupungilla."),
        record(2, title=TITLE, languages="fi", tags="", description="Työ kaupungilla."),
        record(3, title="Library courtyard design", languages="en;fi", tags="",
               description="Work for the city."),
    ]
    assert import_file(services.db, write_jsonl(tmp_path / "o.jsonl", rows)).written
    wait_until(lambda: len(search_ids(client)) == len(rows))


def found(client, q: str) -> list[str]:
    response = client.get("/api/v1/search", params={"q": q})
    assert response.status_code == 200, response.text
    return [hit["external_id"] for hit in response.json()["hits"]]


def test_an_english_query_finds_a_finnish_opening_open_to_english(client, openings):
    hits = found(client, "library yard")
    assert "t-0001" in hits
    assert "t-0002" not in hits  # the same ad, open to Finnish speakers only
    assert hits[0] == "t-0003"  # an ad written in English says it first


def test_a_swedish_query_finds_it_too(client, openings):
    hits = found(client, "biblioteket")
    assert "t-0001" in hits and "t-0002" not in hits


def test_a_finnish_query_finds_an_english_opening_open_to_finnish(client, openings):
    assert "t-0003" in found(client, "kirjastot")
