"""A small, varied set of openings for the student pages' tests (integration and browser)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, select

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.importer import import_file
from tests.helpers import record, wait_until, write_jsonl

TODAY = date.today()
SOON = TODAY + timedelta(days=12)
LATER = TODAY + timedelta(days=40)


def student_records() -> list[dict]:
    return [
        record(1, external_id="vieraslajit", kind="summer_job", title="Vieraslajien torjuja",
               description="Torju haitallisia vieraslajeja Espoon puistoissa.\n\nTyö tehdään ulkona.",
               unit="Katu- ja viherpalvelut", languages="fi;sv", application_deadline=SOON.isoformat(),
               start_date=(TODAY + timedelta(days=60)).isoformat(),
               end_date=(TODAY + timedelta(days=120)).isoformat(), positions=3,
               how_to_apply="Hae Kuntarekryssä.", apply_url="https://www.kuntarekry.fi/fi/tyopaikat/1",
               compensation="2 100 € / kk", location="Espoon keskus", contact_email="viher@espoo.fi"),
        record(2, external_id="puisto", kind="summer_job", title="Kesätyö: puistotyöntekijä Leppävaarassa",
               description="Puistojen hoitoa kesällä.", application_deadline=LATER.isoformat()),
        record(3, external_id="valaistus", kind="thesis",
               title="Opinnäytetyö: katuvalaistuksen energiatehokkuus", languages="fi;en",
               degree_levels="bachelor;master", unit="Liikennesuunnittelu",
               description="Vertaile LED-valaistuksen kulutusta.", application_deadline=None),
        record(4, external_id="sommarjobb", kind="summer_job", title="Sommarjobb i parkerna",
               languages="sv", content_language="sv", description="Skötsel av parker på sommaren.",
               application_deadline=(LATER + timedelta(days=5)).isoformat()),
        record(5, external_id="geo", kind="internship", title="Harjoittelija geotekniikkaan",
               unit="Geotekniikka", degree_levels="bachelor", application_deadline=LATER.isoformat()),
        record(6, external_id="markup", kind="internship",
               title='Tekijä <script>alert(1)</script> & "lainaus"', application_deadline=LATER.isoformat()),
        record(7, external_id="closed", kind="summer_job", title="Suljettu kesätyö", status="closed"),
        record(8, external_id="expired", kind="internship", title="Vanhentunut harjoittelu",
               application_deadline=(TODAY - timedelta(days=3)).isoformat()),
        record(9, external_id="draft", kind="thesis", title="Luonnos aiheesta", status="draft"),
        record(10, external_id="withdrawn", kind="thesis", title="Peruttu aihe", status="withdrawn"),
    ]


SEARCHABLE = ("geo", "markup", "puisto", "sommarjobb", "valaistus", "vieraslajit")


def seed_openings(engine, found: Callable[[], list[str]], tmp_path: Path) -> dict[str, int]:
    """Import the openings, wait until `found()` (the external ids search finds) lists them all,
    and return their ids by external_id."""
    report = import_file(engine, write_jsonl(tmp_path / "students.jsonl", student_records()))
    assert report.written, report.errors
    wait_until(lambda: found() == sorted(SEARCHABLE), timeout=20)
    with Session(engine) as session:
        return {o.external_id: o.id for o in session.exec(select(Opportunity)).all()}
