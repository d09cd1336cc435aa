"""A search that finds less than a page lists openings close to it after its hits ("Close to
your search"): in the API as `related`, on the page as its own section, never in `total`."""

from __future__ import annotations

import pytest

from opportunity_bank.opportunities.importer import import_file
from tests.helpers import record, search_ids, wait_until, write_jsonl

OPENINGS = [
    (1, "thesis", "Opinnäytetyö ilmastonmuutokseen sopeutumisesta", "Tulvat ja helteet kaduilla."),
    (2, "internship", "Ilmastotyön harjoittelija", "Päästölaskentaa ja ilmasto-ohjelman seurantaa."),
    (3, "summer_job", "Puistotyöntekijä", "Nurmikoiden leikkuuta ja istutuksia."),
    (4, "thesis", "Diplomityö katuvalaistuksen ohjauksesta", "Valaistuksen energiankulutus."),
    (5, "internship", "Arboristiharjoittelija", "Puunhoitoa kokeneen työparin kanssa."),
    (6, "thesis", "Katupuiden kuntoinventointi", "Espoon keskuksen katupuut ja niiden elinvoima."),
    (7, "internship", "Talvihoidon harjoittelija", "Kaduilla talvella."),
    (8, "thesis", "Diplomityö aurausreiteistä", "Reittien optimointi."),
]


@pytest.fixture
def openings(client, services, tmp_path):
    rows = [record(n, kind=kind, title=title, description=text) for n, kind, title, text in OPENINGS]
    assert import_file(services.db, write_jsonl(tmp_path / "o.jsonl", rows)).written
    wait_until(lambda: len(search_ids(client)) == len(OPENINGS))


def search(client, **params):
    response = client.get("/api/v1/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def ids(hits):
    return [hit["external_id"] for hit in hits]


def test_a_short_answer_is_followed_by_openings_near_it(client, openings):
    answer = search(client, q="ilmastonmuutos")
    assert ids(answer["hits"]) == ["t-0001"] and answer["total"] == 1
    # the climate internship shares the compound's part "ilmasto", not the whole word
    assert ids(answer["related"]) == ["t-0002"]


def test_associated_terms_reach_openings_that_share_no_word_with_the_search(client, openings):
    answer = search(client, q="arboristi")
    assert ids(answer["hits"]) == ["t-0005"]
    # associations.json: arboristi -> katupuu, …; the street-tree thesis never says "arboristi"
    assert "t-0006" in ids(answer["related"])


def test_a_synonyms_associations_come_before_the_searchs_common_parts(client, openings):
    answer = search(client, q="talvihoito")
    assert ids(answer["hits"]) == ["t-0007"]
    # talvihoito has no associations of its own; its synonym talvikunnossapito's (auraus, …)
    # reach the ploughing thesis before the part "hoito" alone reaches the tree-care job.
    assert ids(answer["related"])[:2] == ["t-0008", "t-0005"]


def test_related_openings_keep_the_filters(client, openings):
    answer = search(client, q="ilmastonmuutos", kind="thesis")
    assert ids(answer["hits"]) == ["t-0001"]
    assert "t-0002" not in ids(answer["related"])


def test_a_full_page_or_a_later_page_has_none(client, openings):
    assert search(client, q="ilmastonmuutos", per_page=1)["related"] == []
    assert search(client, q="ilmastonmuutos", page=2)["related"] == []
    assert search(client, q="ilmastonmuutos", sort="newest")["related"] == []


def test_the_page_shows_them_as_their_own_section_in_the_readers_language(client, openings):
    page = client.get("/", params={"q": "ilmastonmuutos", "lang": "fi"}).text
    assert "Lähellä hakuasi" in page
    found, near = page.split("Lähellä hakuasi")
    assert "Opinnäytetyö" in found and "Ilmastotyön harjoittelija" in near
    assert "Lähellä hakuasi" not in client.get("/", params={"q": "puistotyöntekijä", "lang": "fi",
                                                          "per_page": 1}).text
