"""Query-side compounds, derivations, the lexicon (one test per entry class), Swedish and
English lemmas, the query's language, "did you mean" and which missed queries are kept."""

from __future__ import annotations

import pytest

from opportunity_bank.search.analysis import get_analyzer, read_lexicon
from opportunity_bank.search.misses import WITHHELD, keepable


@pytest.fixture(scope="module")
def analyzer():
    return get_analyzer()


def query_terms(analyzer, query: str) -> set[str]:
    return set(analyzer.query_text(query).split())


def index_terms(analyzer, text: str, language: str = "fi") -> set[str]:
    return set(analyzer.index_terms(text, language).split())


def test_a_compound_joined_split_or_inflected_asks_for_the_same_parts(analyzer):
    wanted = {"kunnossapito", "harjoittelu"}
    for query in ("kunnossapitoharjoittelu", "harjoittelu kunnossapidossa", "kunnossapitoharjoitteluun"):
        assert wanted <= query_terms(analyzer, query), query


def test_the_index_has_the_parts_of_a_compound_and_of_a_split_phrase(analyzer):
    assert {"kunnossapito", "harjoittelija"} <= index_terms(analyzer, "Kunnossapitoharjoittelija")
    assert {"kunnossapito", "harjoittelija"} <= index_terms(analyzer, "Kunnossapidon harjoittelija")


def test_a_domain_compound_stays_whole_so_its_synonyms_apply(analyzer):
    assert analyzer.query_text("talvikunnossapidon") == "talvikunnossapito"


def test_a_word_with_a_bound_prefix_is_indexed_with_its_root_too(analyzer):
    # Voikko binds infra- to the word; the ad still meets "suunnittelijaksi" (suunnitella).
    assert "suunnitella" in index_terms(analyzer, "Infrasuunnittelijaksi")
    assert "suunnitella" in query_terms(analyzer, "suunnittelijaksi")
    assert analyzer.query_text("infrahankkeiden") == "infrahanke"  # not any hanke


def test_the_index_has_the_domain_compounds_inside_a_longer_one(analyzer):
    # As the query keeps them: "surveyor" (mittausinsinööri's synonym) meets this ad.
    assert "mittausinsinööri" in index_terms(analyzer, "Mittausinsinööriharjoittelija")
    assert "mittausinsinööri" in query_terms(analyzer, "mittausinsinööriharjoittelijaksi")
    assert {"talvikunnossapito", "luokitus"} <= index_terms(analyzer, "talvikunnossapitoluokituksen")
    assert "liikenneturvallisuus" in index_terms(analyzer, "Liikenneturvallisuuskesätyö")


def test_derived_words_meet_at_their_root(analyzer):
    root = analyzer.query_text("suunnittelijaksi")
    assert root == "suunnitella"
    for text in ("suunnittelu", "Suunnittelijat", "liikennesuunnittelija"):
        assert root in index_terms(analyzer, text), text


@pytest.mark.parametrize(("query", "meant"), [
    ("oppari", "opinnäytetyö"), ("opparista", "opinnäytetyö"), ("dippa", "diplomityö"),
    ("kandin", "kandidaatintyö"), ("harkkaan", "harjoittelu"), ("kesäjobi", "kesätyö"),
    ("kesäjobit", "kesätyö"), ("kesäduunia", "kesätyö"), ("exjobb", "examensarbete"),
    ("traineeship", "internship"), ("traineeships", "internship"), ("master's thesis", "thesis"),
    ("harjottelu", "harjoittelu"), ("kesäpestiä", "kesätyö"), ("raksalla", "rakennustyömaa"),
    ("inssiksi", "insinööri"), ("comms", "communications"),
])
def test_colloquial_and_clipped_forms_become_the_word_they_stand_for(analyzer, query, meant):
    assert analyzer.query_text(query).split()[0] == meant


def test_every_colloquial_entry_leads_to_a_domain_word(analyzer):
    lexicon = read_lexicon()
    assert lexicon["_provenance"]
    for clipped, meant in lexicon["colloquial"].items():
        assert clipped == clipped.lower() and clipped != meant
        assert analyzer.recognised(meant), meant


@pytest.mark.parametrize(("query", "expected"), [
    ("work placement traffic", "internship traffic"),
    ("summer work in a park", "summer park"),
    ("praktik inom trafikplanering", "praktik trafikplanering"),
    ("thesis topics", "thesis"),
])
def test_stop_words_are_not_required(analyzer, query, expected):
    assert analyzer.query_text(query) == expected


def test_a_query_of_stop_words_only_is_kept(analyzer):
    assert analyzer.query_text("in the") == "in the"


@pytest.mark.parametrize(("query", "parts"), [
    ("trafikplaneringspraktik", {"trafikplanering", "praktik"}),
    ("gatuunderhåll", {"gata", "underhåll"}),
    # three parts, the first two no dictionary word together (trädvård)
    ("trädvårdspraktik", {"träd", "vård", "praktik"}),
    ("gatuunderhållspraktik", {"gata", "underhåll", "praktik"}),
])
def test_swedish_compounds_are_split(analyzer, query, parts):
    assert parts <= query_terms(analyzer, query)


def test_a_three_part_swedish_compound_in_an_ad_has_its_parts_indexed(analyzer):
    assert {"träd", "vård", "praktik"} <= index_terms(analyzer, "trädvårdspraktiken", "sv")


def test_swedish_and_english_inflections_meet_their_lemma(analyzer):
    assert analyzer.query_text("snöröjningen") == "snöröjning"
    assert "gatubelysning" in index_terms(analyzer, "gatubelysningen", "sv")
    assert {"gata", "belysning"} <= index_terms(analyzer, "gatubelysningen", "sv")
    assert "inspection" in index_terms(analyzer, "bridge inspections", "en")


@pytest.mark.parametrize(("query", "interface", "language"), [
    ("kesätöitä puistoissa", "sv", "fi"),
    ("opinnäytetyö liikenne", "en", "fi"),
    ("sommarjobb i parkerna", "fi", "sv"),
    ("summer jobs parks", "fi", "en"),   # Swedish dictionaries list jobs and parks too
    ("summer jobs parks", "sv", "sv"),   # ... so the interface breaks the tie
    ("qgis", "sv", "sv"),                # no dictionary knows it
    ("qgis", "", None),
])
def test_the_query_language_comes_from_its_words_and_then_the_interface(analyzer, query, interface, language):
    assert analyzer.query_language(query, interface) == language


@pytest.mark.parametrize(("query", "suggestion"), [
    ("puisot", "puisto"), ("katuvalaitus", "katuvalaistus"), ("stormwatr", "stormwater"),
    ("sommarjob parkk", "sommarjobb park"),
])
def test_did_you_mean_corrects_unknown_words(analyzer, query, suggestion):
    assert analyzer.suggestion(query) == suggestion


@pytest.mark.parametrize("query", ["puisto", "xyzzyq", "oppari", ""])
def test_did_you_mean_has_nothing_when_nothing_would_change(analyzer, query):
    assert analyzer.suggestion(query) is None


@pytest.mark.parametrize(("query", "kept"), [
    ("Kesätyö  PUISTO", "kesätyö puisto"),
    ("sommarjobb park", "sommarjobb park"),
    ("matti virtanen", WITHHELD),             # names
    ("kesätyö 0401234567", WITHHELD),         # numbers
    ("anna@example.org", WITHHELD),           # addresses
    ("xyzzyq kesätyö", WITHHELD),             # a word no dictionary knows may be anything
    ("puisto " * 7, WITHHELD),                # long ones are too specific to keep
])
def test_only_dictionary_words_that_are_not_names_are_kept(analyzer, query, kept):
    assert keepable(query, analyzer) == kept


def test_a_wordlist_finds_every_form_and_nothing_else():
    from opportunity_bank.search.wordlists import Wordlist

    forms = {b"Parken": b"park", b"park": b"park", b"gator": b"gata", b"a": b"a", b"\xc3\xb6ar": b"\xc3\xb6"}
    words = Wordlist.of(forms)
    found = [words.get(w) for w in ("parken", "park", "gator", "a", "öar")]
    assert found == ["park", "park", "gata", "a", "ö"]
    for missing in ("", "aa", "par", "parke", "parkens", "zzz", "ö", "Parken"):
        assert words.get(missing) is None, missing


def test_the_shipped_swedish_and_english_wordlists_lemmatise():
    from opportunity_bank.search.wordlists import wordlist

    assert wordlist("sv").get("snöröjningen") == "snöröjning"
    assert wordlist("sv").get("gatu") == "gata"
    assert wordlist("en").get("inspections") == "inspection"
    assert wordlist("sv").get("kesätyö") is None


@pytest.mark.parametrize(("query", "language"), [
    ("traineeship", "en"), ("traineeships", "en"), ("exjobbet", "sv"), ("oppari", "fi"), ("kesäjobeja", "fi"),
])
def test_a_colloquial_form_speaks_the_language_of_the_word_it_stands_for(analyzer, query, language):
    assert analyzer.query_language(query) == language


def test_a_reading_whose_base_form_is_a_domain_word_comes_first(analyzer):
    # Voikko also reads "katuvalojen" as katu + vala (street oaths).
    assert analyzer.query_text("katuvalojen") == "katuvalo"


@pytest.mark.parametrize(("query", "terms"), [
    ("puistokesätöitä", "puisto kesätyö"),
    ("hulevesiopinnäytetyö", "hulevesi opinnäytetyö"),
])
def test_a_compound_ending_in_a_domain_word_keeps_that_word_whole(analyzer, query, terms):
    assert analyzer.query_text(query) == terms


def test_associations_are_a_reviewed_thesaurus():
    from opportunity_bank.search.analysis import read_associations

    data = read_associations()
    assert "_provenance" in data and len(data["related"]) >= 200
    for key, values in data["related"].items():
        assert key == key.strip().lower() and 1 <= len(values) <= 8, key
        assert key not in values and len(set(values)) == len(values), key


def test_a_word_has_the_associations_of_its_synonyms_after_its_own(analyzer):
    from opportunity_bank.search.analysis import read_associations

    related = read_associations()["related"]
    assert "talvihoito" not in related and "auraus" in related["talvikunnossapito"]
    assert "auraus" in analyzer.associated_terms("talvihoidon")
    own = analyzer.associated_terms("arboristi")
    assert own[:len(related["arboristi"])] == [analyzer.analysed_phrase(t) for t in related["arboristi"]]


def test_associated_terms_leave_out_the_querys_own_terms(analyzer):
    terms = analyzer.associated_terms("arboristi")
    assert "puuinventointi" in terms and "arboristi" not in terms
    assert analyzer.associated_terms("zzqqxx") == []


def test_of_two_readings_the_one_whose_parts_keep_their_stem_is_meant(analyzer):
    # turvallisuus (safety) comes from turva, not from turpa (muzzle, genitive turvan)
    assert analyzer.finnish_reading("turvallisuutta") == ("turvallisuus", (("turvallisuus", "turva"),))
    assert "turpa" not in query_terms(analyzer, "liikenneturvallisuuden parantaminen")


def test_an_english_or_swedish_word_is_not_read_as_another_word(analyzer):
    # gig is an English word, not the Finnish suggestion giga or Swedish giga's form
    assert analyzer.query_text("summer gig") == "summer gig"
    # in an English query, position is English, not Finnish positio
    assert "position" in query_terms(analyzer, "thesis position stormwater")
    assert analyzer.query_text("position", "en") == "position"
    assert analyzer.query_text("position", "fi") == "positio"


def test_a_word_that_is_no_domain_word_is_given_up_before_the_topic(analyzer):
    # Meilisearch's `last` strategy drops query words from the end
    terms = analyzer.query_text("thesis position stormwater").split()
    assert terms.index("stormwater") < terms.index("position")
