"""What the held-out build scripts share: units, kinds, the record they write and the judging.

Judging is by labels, not by looking at search results: every opening carries the topics a
student would file it under, every query the kind(s) and topic(s) the student means. An
opening is an acceptable answer when its kind and one of its topics fit, and it is open to
the query's language (its `languages` has it): a student who types English wants what they
can apply for in English.
"""

from __future__ import annotations

import json
from pathlib import Path

T, I, S = "thesis", "internship", "summer_job"  # noqa: E741 - one letter a kind reads best as data

STREET = "Katu- ja infrasuunnittelu"
BUILD = "Rakennuttaminen"
GREEN = "Viheralueiden ylläpito"
MAINT = "Kunnossapito"
TRAFFIC = "Liikennesuunnittelu"
SURVEY = "Kaupunkimittaus"
GEO = "Geotekniikka"
DATA = "Datapalvelut"
ADMIN = "Hallinto ja asiakaspalvelu"
ENV = "Ympäristö ja hulevedet"

LEVELS = {T: ["bachelor", "master"], I: ["bachelor", "master"], S: ["vocational", "bachelor"]}


class Openings(list):
    """(languages, kind, unit, title, description, tags, topics) of each opening, in order."""

    def add(self, langs: str, kind: str, unit: str, title: str, description: str, tags: str,
            topics: str) -> None:
        self.append((langs.split("+"), kind, unit, title, description,
                     tags.split(";") if tags else [], set(topics.split())))


def write_set(here: Path, prefix: str, openings: Openings,
              queries: list[tuple[str, str, list[str] | None, str]]) -> tuple[list[dict], list[dict]]:
    """Write openings.jsonl and queries.jsonl into `here`; queries as (language, text, kinds,
    topics), each judged by the labels."""
    records = [{
        "external_id": f"{prefix}-{number:03d}", "kind": kind, "title": title,
        "description": description, "unit": unit, "languages": langs,
        "degree_levels": LEVELS[kind], "positions": 1 if kind == T else 2, "year": 2027,
        "status": "published", "start_date": "2027-06-01", "end_date": "2027-08-31",
        "application_deadline": "2027-12-31", "tags": tags,
        "contact_email": "kaupunkitekniikka@espoo.fi", "location": "Espoo",
    } for number, (langs, kind, unit, title, description, tags, _) in enumerate(openings, start=1)]
    judged = []
    for language, text, kinds, topics in queries:
        wanted = set(topics.split())
        expected = [
            f"{prefix}-{n:03d}" for n, (langs, kind, *_, labels) in enumerate(openings, start=1)
            if (kinds is None or kind in kinds) and labels & wanted and language in langs
        ]
        assert 1 <= len(expected) <= 10, (text, expected)
        judged.append({"query": text, "language": language, "expected": expected})
    for name, rows in (("openings.jsonl", records), ("queries.jsonl", judged)):
        (here / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                 encoding="utf-8")
    return records, judged
