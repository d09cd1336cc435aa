"""The database fallback counts facets as the index does: each group under the others' filters."""

from opportunity_bank.search.fallback import facet_counts


def match(kind, unit, languages, levels):
    return {"kind": (kind,), "unit": (unit,), "language": tuple(languages), "level": tuple(levels)}


MATCHES = [
    (match("thesis", "Geotekniikka", ["fi"], ["master"]), 3),
    (match("internship", "Geotekniikka", ["fi", "en"], ["bachelor"]), 2),
    (match("summer_job", "Kunnossapito", ["sv"], ["vocational"]), 5),
]


def test_without_filters_every_value_is_counted_with_its_weight():
    counts = facet_counts({}, MATCHES)
    assert counts["kind"] == {"summer_job": 5, "thesis": 3, "internship": 2}
    assert counts["unit"] == {"Geotekniikka": 5, "Kunnossapito": 5}
    assert counts["language"] == {"fi": 5, "sv": 5, "en": 2}


def test_a_group_is_counted_without_its_own_filter_but_under_the_others():
    counts = facet_counts({"kind": ("thesis",), "language": ("en",)}, MATCHES)
    # kind: under language=en only -> the internship
    assert counts["kind"] == {"internship": 2}
    # language: under kind=thesis only -> the thesis's languages
    assert counts["language"] == {"fi": 3}
    # other groups: under both filters -> nothing matches both
    assert counts["unit"] == {} and counts["level"] == {}


def test_or_within_a_group():
    counts = facet_counts({"unit": ("Geotekniikka", "Kunnossapito")}, MATCHES)
    assert counts["kind"] == {"summer_job": 5, "thesis": 3, "internship": 2}
