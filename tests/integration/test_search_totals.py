"""The search total is exact however many openings match, not capped at maxTotalHits."""

from __future__ import annotations

from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.indexer import OutboxIndexer
from opportunity_bank.search.query import parse_request
from tests.faults import openings, publish_openings

CAP = 10  # the index's pagination.maxTotalHits here; 5,000 in the bank (too many to test)


def test_total_and_kind_counts_are_exact_beyond_max_total_hits(settings, engine, meili):
    publish_openings(engine, openings(1, 45))  # 15 of each kind
    client = SearchClient(meili.url, meili.master_key)
    search = SearchEngine(client, settings.meili_index)
    search.ensure_index()
    search.wait(client.index(settings.meili_index).update_pagination_settings(
        {"maxTotalHits": CAP}).task_uid)
    assert OutboxIndexer(engine, search).drain() == 45

    def answer(**params):
        return search.search(parse_request({k: [v] if isinstance(v, str) else v
                                            for k, v in params.items()}))

    everything = answer()
    assert everything.total == 45 and sum(everything.facets["kind"].values()) == 45
    assert answer(facets="false").total == 45  # as-you-type answers count exactly too
    assert answer(q="avoin tehtävä").total == 30  # the two kinds without "Kesätyöntekijä"
    assert answer(kind=["thesis", "internship"]).total == 30
    by_unit = answer(unit=["Geotekniikka"], kind=["thesis"])
    assert by_unit.total == sum(1 for n in range(1, 46) if n % 3 == 2 and n % 2 == 1)
    assert len(answer(per_page="100").hits) == CAP  # the cap still bounds how deep pages go
    client.close()
