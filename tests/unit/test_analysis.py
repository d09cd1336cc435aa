"""Behaviour of the Finnish-aware analysis that student search relies on (real Voikko)."""

from __future__ import annotations

import threading

import pytest

from opportunity_bank.search import analysis
from opportunity_bank.search.analysis import (
    MAX_QUERY_TERMS,
    TextAnalyzer,
    get_analyzer,
    load_synonym_groups,
    meilisearch_synonyms,
    tokens,
)


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return get_analyzer()


def terms(analyzer: TextAnalyzer, text: str, language: str = "fi") -> set[str]:
    return set(analyzer.index_terms(text, language).split())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("katuvalaistus", {"katuvalaistus", "katu", "valaistus"}),
        ("kesätöitä", {"kesätyö", "kesä", "työ"}),
        ("päällystevaurioita", {"päällystevaurio", "päällyste", "vaurio"}),
        ("geotekniikan", {"geotekniikka"}),
        ("puistoissa", {"puisto"}),
        ("Liikenneturvallisuus", {"liikenneturvallisuus", "liikenne", "turvallisuus"}),
    ],
)
def test_finnish_words_are_indexed_with_base_forms_and_compound_parts(analyzer, word, expected):
    assert expected <= terms(analyzer, word)


def test_inflected_forms_of_one_word_meet_in_the_index(analyzer):
    assert terms(analyzer, "Puisto puistossa PUISTOIHIN") == {"puisto"}


def test_over_split_compound_reading_is_ignored(analyzer):
    # Voikko also reads päällysteiden as päällys+tie ("cover road"); a road query must not hit.
    found = terms(analyzer, "päällysteiden")
    assert "päällyste" in found
    assert "tie" not in found


def test_words_voikko_does_not_know_are_kept(analyzer):
    assert terms(analyzer, "QGIS xyzzyq") == {"qgis", "xyzzyq"}


def test_swedish_and_english_are_stemmed(analyzer):
    assert {"park", "cykelväg", "gata"} <= terms(analyzer, "parkerna cykelvägar gatorna", "sv")
    assert {"signal", "pothole"} <= terms(analyzer, "Traffic signals and potholes", "en")


def test_unknown_language_is_analysed_as_finnish(analyzer):
    assert "kesätyö" in terms(analyzer, "kesätöitä", "de")


def test_tokens_keep_nordic_letters_and_split_hyphenated_compounds():
    assert tokens("GIS-asiantuntija, Katu- ja viherpalvelut") == [
        "gis",
        "asiantuntija",
        "katu",
        "ja",
        "viherpalvelut",
    ]
    assert tokens("Trädinventerare på Åland") == ["trädinventerare", "på", "åland"]


def test_query_words_become_base_forms_and_a_recognised_last_word_is_not_repeated(analyzer):
    assert analyzer.query_text("kesätöitä puistoissa") == "kesätyö puisto"


def test_ambiguous_words_prefer_the_noun_reading(analyzer):
    # puiden: trees (puu), not threshing (puida); inventointi is sent as its root, which the
    # index has for every form derived from it
    assert analyzer.query_text("puiden inventointi") == "puu inventoida"


def test_an_unfinished_last_word_stays_last_for_prefix_search(analyzer):
    assert analyzer.query_text("vieraslaj").split()[-1] == "vieraslaj"
    assert analyzer.query_text("kesätyö vieraslaj").split()[-1] == "vieraslaj"


def test_swedish_english_and_misspelt_words_reach_the_synonym_vocabulary(analyzer):
    assert analyzer.query_text("summer job parks").split()[:3] == ["summer", "job", "park"]
    assert analyzer.query_text("sommarjobb gator").split()[:2] == ["sommarjobb", "gata"]
    assert analyzer.query_text("kesätyö puisot").split()[:2] == ["kesätyö", "puisto"]


def test_a_stem_reaches_domain_words_of_its_own_language_only(analyzer):
    # English "programme" and Swedish "programmering" share a stem (programm), but a
    # student asking for a trainee programme is not asking for programming.
    assert "programmering" not in analyzer.query_text("trainee programme").split()
    assert analyzer.query_text("programmeringen") == "programmering"


def test_mixed_language_query(analyzer):
    assert analyzer.query_text("Summer job puistoissa") == "summer job puisto"


@pytest.mark.parametrize("query", ["", "   ", "!!!", "?!-–—…", "\"'"])
def test_query_without_letters_is_empty(analyzer, query):
    assert analyzer.query_text(query) == ""


def test_markup_and_search_operators_are_not_passed_on(analyzer):
    assert analyzer.query_text("<script>alert(1)</script>") == "script alert 1"
    shaped = analyzer.query_text('"katuvalaistus" -liikenne')
    assert shaped == "katuvalaistus liikenne"


def test_very_long_queries_are_capped(analyzer):
    for query in ["katu " * 2000, "a" * 10_000, "kesätyö " + "x" * 9_990, "sana" + " ö" * 5000]:
        shaped = analyzer.query_text(query)
        assert len(shaped.split()) <= MAX_QUERY_TERMS
        assert len(shaped) <= 700


def test_many_distinct_words_fit_meilisearchs_ten_word_limit(analyzer):
    query = " ".join(["puisto", "katu", "silta", "tie", "kaivo", "valo", "melu", "data"] * 3)
    shaped = analyzer.query_text(query + " vieraslaj").split()
    assert len(shaped) == MAX_QUERY_TERMS
    assert shaped[0] == "puisto"
    assert shaped[-1] == "vieraslaj"


def test_word_analyses_are_cached():
    fresh = TextAnalyzer()
    fresh.index_terms("kesätöitä puistoissa", "fi")
    before = fresh.finnish_terms.cache_info()
    fresh.index_terms("kesätöitä puistoissa", "fi")
    after = fresh.finnish_terms.cache_info()
    assert before.misses == 2
    assert after.misses == before.misses
    assert after.hits == before.hits + 2


def test_concurrent_use_gives_the_same_results_as_sequential_use():
    texts = ["kesätöitä puistoissa", "katuvalaistuksen", "päällystevaurioita", "geotekniikan"]
    expected = [TextAnalyzer().index_terms(text, "fi") for text in texts]
    shared = TextAnalyzer(cache_size=0)  # no cache: every call goes to Voikko
    results: list[list[str]] = []

    def work() -> None:
        results.append([shared.index_terms(text, "fi") for text in texts * 20][: len(texts)])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 8


def test_get_analyzer_is_one_instance_per_process():
    assert get_analyzer() is get_analyzer()


def test_missing_voikko_is_a_clear_error(monkeypatch):
    import libvoikko

    def missing(*args, **kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(libvoikko, "Voikko", missing)
    with pytest.raises(RuntimeError, match="libvoikko1 voikko-fi"):
        TextAnalyzer().index_terms("katu", "fi")


def test_meilisearch_synonyms_map_every_term_to_all_others():
    mapping = meilisearch_synonyms([["Puisto", "park", "parc"], ["park", "grönområde"]])
    assert mapping == {
        "puisto": ["park", "parc"],
        "park": ["puisto", "parc", "grönområde"],
        "parc": ["puisto", "park"],
        "grönområde": ["park"],
    }


def test_shipped_synonyms_are_symmetric():
    mapping = meilisearch_synonyms(load_synonym_groups())
    for term, others in mapping.items():
        assert term == term.lower()
        for other in others:
            assert term in mapping[other], (term, other)


# Every member of a group matches every other: a broad word in one would flood the results.
BROAD = {"työ", "vesi", "suunnittelu", "hoito", "work", "job", "water", "planning", "arbete", "vatten"}


def test_shipped_synonym_groups_are_curated():
    raw = analysis._read_synonym_groups()
    assert 150 <= len(raw) <= 400
    seen: dict[str, list[str]] = {}
    for group in raw:
        assert 2 <= len(group) <= 20, group
        assert len(set(group)) == len(group), group
        assert all(term == term.strip().lower() for term in group), group
        assert not BROAD & set(group), group
        for term in group:
            assert term not in seen, (term, seen.get(term), group)  # one group a term
            seen[term] = group


def test_synonyms_also_carry_the_base_form_queries_send(analyzer):
    groups = load_synonym_groups()
    learning = next(group for group in groups if "machine learning" in group)
    assert analyzer.query_text("koneoppiminen").split()[0] in learning
    assert "kesätyö" in next(group for group in groups if "sommarjobb" in group)


def test_a_word_still_being_typed_is_read_without_voikko_suggestions(analyzer, monkeypatch):
    # Nearly written: read as the domain word it begins, so its synonyms fire as for the word.
    assert analyzer.query_word("vieraslaj") == analyzer.query_word("vieraslaji")
    assert analyzer.domain_completion("kesäty") == "kesätyö"
    # Far from any one word: left to Meilisearch's prefix search. Neither asks Voikko for
    # suggestions, which cost milliseconds for every new letter typed.
    monkeypatch.setattr(analyzer, "_suggestions", lambda word: pytest.fail(f"suggestions for {word}"))
    assert analyzer.query_word("liikennesu") == ("liikennesu",)
    assert analyzer.domain_completion("zzz") is None
