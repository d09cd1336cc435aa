"""N openings that look like a city's decade of postings: the demo templates, varied.

Most are past years (completed, closed, filled, withdrawn); about a quarter are this year's,
of which most are published and open. Seeded, so two runs search the same data.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from opportunity_bank.opportunities.demo import (
    LEVELS_BY_KIND,
    PAST_STATUSES,
    TEMPLATES,
    UNITS,
    demo_languages,
    opening_year,
)

OPEN_SHARE = 0.25
DISTRICTS = (
    "Espoon keskus", "Leppävaara", "Tapiola", "Matinkylä", "Espoonlahti", "Otaniemi",
    "Kilo", "Kauklahti", "Soukka", "Kivenlahti", "Olari", "Niittykumpu", "Westend", "Haukilahti",
    "Viherlaakso", "Karakallio", "Kalajärvi", "Nuuksio", "Suurpelto", "Perkkaa", "Laajalahti",
    "Kera", "Mankkaa", "Latokaski", "Finnoo", "Saunalahti", "Auroranportti", "Kalasatama",
)
EXTRA_SENTENCES = {
    "fi": (
        "Työ sopii myös alanvaihtajalle.", "Perehdytys järjestetään ensimmäisellä viikolla.",
        "Työssä käytetään paikkatietoa ja mobiilisovelluksia.", "Haemme oma-aloitteista tekijää.",
        "Ajokortti on eduksi.", "Voit tehdä osan työstä etänä.", "Työ tehdään yhteistyössä "
        "asukkaiden ja urakoitsijoiden kanssa.", "Ohjaajana toimii alueen insinööri.",
        "Aineisto kerätään maastokäynneillä ja rekistereistä.", "Tulokset esitellään "
        "kaupunkitekniikan keskuksen johtoryhmälle.", "Turvakengät ja työvaatteet saat meiltä.",
    ),
    "sv": ("Arbetet passar även studerande inom andra områden.", "Körkort är en fördel.",
           "Du får introduktion under den första veckan."),
    "en": ("No prior experience is needed.", "A driving licence is an advantage.",
           "You get an induction in the first week.", "Part of the work can be done remotely."),
}
EXTRA_TAGS = ("ilmasto", "asukkaat", "turvallisuus", "data", "kartoitus", "ulkotyö", "kestävyys",
              "kaupunkiluonto", "liikenne", "rakentaminen", "energia", "vesi", "digitalisaatio")


def bench_records(count: int, today: date, seed: int = 8) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    upcoming = opening_year(today)
    past_years = list(range(upcoming - 12, upcoming))
    for number in range(1, count + 1):
        unit_index, kind, title, description, tags, language = rng.choice(TEMPLATES)
        district = rng.choice(DISTRICTS)
        is_open = rng.random() < OPEN_SHARE
        year = upcoming if is_open else rng.choice(past_years)
        sentences = rng.sample(EXTRA_SENTENCES[language], k=min(2, len(EXTRA_SENTENCES[language])))
        positions = 1 if kind == "thesis" else rng.choice((1, 2, 3, 4, 6, 10))
        record: dict[str, Any] = {
            "external_id": f"bench-{number:07d}",
            "kind": kind,
            "title": f"{title}, {district}" if rng.random() < 0.7 else title,
            "description": " ".join([description, *sentences]),
            "unit": UNITS[unit_index],
            "languages": demo_languages(language, kind),
            "degree_levels": ";".join(rng.choice(LEVELS_BY_KIND[kind])),
            "positions": positions,
            "year": year,
            "tags": ";".join([tags, *rng.sample(EXTRA_TAGS, k=rng.randint(0, 2))]),
            "contact_email": f"rekry.{unit_index}@espoo.fi",
            "location": district,
            "compensation": "Palkka työehtosopimuksen mukaan",
        }
        if is_open:
            deadline = today + timedelta(days=rng.randint(5, 150))
            record.update(
                status="draft" if rng.random() < 0.08 else "published",
                application_deadline=deadline.isoformat(),
                start_date=(deadline + timedelta(days=30)).isoformat(),
                end_date=(deadline + timedelta(days=120)).isoformat(),
            )
        else:
            status = rng.choice(PAST_STATUSES)
            record.update(
                status=status,
                application_deadline=date(year, 2, 28).isoformat(),
                start_date=date(year, 5, 1).isoformat(),
                end_date=date(year, 8, 31).isoformat(),
            )
            if status in ("filled", "completed") and positions > 1 and rng.random() < 0.5:
                record["filled_positions"] = rng.randint(1, positions)
        yield record


def write_jsonl(path: Path, count: int, today: date) -> int:
    """Write the file; returns how many openings will be searchable (published and open)."""
    searchable = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in bench_records(count, today):
            is_open = record["application_deadline"] >= today.isoformat()
            searchable += record["status"] == "published" and is_open
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return searchable
