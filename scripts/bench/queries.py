"""What a January rush of students asks, as a reproducible stream of searches.

A student opens the page (browse, facets), types a query letter by letter (htmx asks after
each pause: "k", "ke", "kes", "kesä", …), sees the full results page with facets, and now and
then clicks a filter or the next page. What they type follows a Zipf-like law over popular
searches; one session in six is a rare search of its own (a cache miss for the app).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

POPULAR = (
    "kesätyö", "harjoittelu", "opinnäytetyö", "puisto", "diplomityö", "kesätyöt", "liikenne",
    "summer job", "data", "mittaus", "internship", "geotekniikka", "kunnossapito", "thesis",
    "laserkeilaus", "python", "pyöräily", "sommarjobb", "katuvalaistus", "hulevesi",
    "harjoittelija", "vieraslajit", "katupuut", "paikkatieto", "talvikunnossapito",
    "liikennesuunnittelu", "kairaus", "examensarbete", "traffic safety", "open data",
    "viheralue", "kesäharjoittelu", "koneoppiminen", "joukkoliikenne", "puistotyö",
    "insar", "tapiola", "leppävaara", "otaniemi", "energia",
)
RARE_WORDS = (
    "pistepilvi", "takymetri", "rajapyykki", "perennat", "jättipalsami", "kurtturuusu",
    "päällystevauriot", "katukaivot", "liikennemerkit", "urakat", "sadeanturit", "tulvariski",
    "hiilensidonta", "puurekisteri", "raitiotie", "matka-aika", "savikko", "painuma",
    "rajapinnat", "dashboards", "grönområde", "cykelväg", "vinterunderhåll", "pohjatutkimus",
    "asukasosallistaminen", "autocad", "leikkipaikat", "himmennys", "turvallisuuskävely",
    "maaperä", "kantakartta", "accident data", "storm drains", "potholes", "lekplatser",
)
KINDS = ("summer_job", "internship", "thesis")
LANGUAGES = ("fi", "sv", "en")
TYPING_STEP = (1, 1, 2)  # letters typed between two requests (htmx waits for a short pause)


@dataclass(frozen=True, slots=True)
class Search:
    params: tuple[tuple[str, str], ...]
    typing: bool  # an as-you-type request: results only, no facets

    def value(self, name: str) -> str:
        return next((v for k, v in self.params if k == name), "")

    def filters(self) -> dict[str, tuple[str, ...]]:
        grouped: dict[str, list[str]] = {}
        for name, value in self.params:
            if name in ("kind", "unit", "language", "level"):
                grouped.setdefault(name, []).append(value)
        return {k: tuple(v) for k, v in grouped.items()}


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    return [1 / (rank ** s) for rank in range(1, n + 1)]


def typed_prefixes(text: str, rng: random.Random) -> list[str]:
    prefixes, end = [], 0
    while end < len(text):
        end = min(len(text), end + rng.choice(TYPING_STEP))
        if not text[:end].endswith(" "):
            prefixes.append(text[:end])
    return prefixes


def session(rng: random.Random, weights: list[float]) -> list[Search]:
    if rng.random() < 1 / 6:
        text = " ".join(rng.sample(RARE_WORDS, k=rng.randint(1, 2)))
        filters: tuple[tuple[str, str], ...] = ()
        if rng.random() < 0.5:
            filters = (("language", rng.choice(LANGUAGES)),)
    else:
        text = rng.choices(POPULAR, weights=weights)[0]
        filters = ()
    searches = []
    if rng.random() < 0.3:
        searches.append(Search(params=(), typing=False))  # the page opened: browse with facets
    searches += [Search(params=(("q", prefix),), typing=True) for prefix in typed_prefixes(text, rng)[:-1]]
    final = (("q", text), *filters)
    searches.append(Search(params=final, typing=False))
    if rng.random() < 0.35:
        searches.append(Search(params=(*final, ("kind", rng.choice(KINDS))), typing=False))
    if rng.random() < 0.15:
        searches.append(Search(params=(*final, ("page", "2")), typing=False))
    return searches


def search_stream(seed: int = 2026) -> Iterator[Search]:
    """An endless, reproducible stream of searches, session after session."""
    rng = random.Random(seed)
    weights = zipf_weights(len(POPULAR))
    while True:
        yield from session(rng, weights)
