"""`demo-data` gives every page and report something true-looking, and is safe to rerun."""

from __future__ import annotations

from collections import Counter

from sqlmodel import Session, func, select

from opportunity_bank.cli import main
from opportunity_bank.models import Opportunity, Target, Unit
from opportunity_bank.opportunities.demo import COMPENSATION, UNITS, demo_records, demo_targets, published_at
from opportunity_bank.opportunities.lifecycle import city_today


def test_demo_records_cover_units_kinds_years_and_languages():
    records = list(demo_records(300))
    assert {r["unit"] for r in records} == set(UNITS)
    assert {r["kind"] for r in records} == {"thesis", "internship", "summer_job"}
    assert {r["year"] for r in records} >= set(range(2022, city_today().year + 1))
    languages = Counter(r["languages"].split(";")[0] for r in records)
    assert languages["fi"] > languages["sv"] > 0 and languages["en"] > 0
    # Finnish theses are open to English speakers, as many are: English searches find them.
    finnish_theses = [r for r in records if r["kind"] == "thesis" and r["languages"].startswith("fi")]
    assert finnish_theses and all("en" in r["languages"].split(";") for r in finnish_theses)
    open_now = [r for r in records if r["status"] == "published"]
    assert all(r["application_deadline"] > city_today().isoformat() for r in open_now)
    assert any("Vieraslajien torjuja" in r["title"] for r in open_now)
    assert all(r["how_to_apply"] and r["apply_url"].startswith("https://") for r in records)
    swedish = [r for r in records if r["languages"].startswith("sv")]
    assert swedish and all("Ansök" in r["how_to_apply"] and "€" in r["compensation"]
                           and r["compensation"] == COMPENSATION["sv"][r["kind"]] for r in swedish)
    # Few near-duplicates: a title repeats at most once a year.
    assert max(Counter((r["year"], r["title"]) for r in records).values()) <= 2
    # Published dates are spread over the seasons, never in the future.
    days = {published_at(r).date() for r in records if published_at(r)}
    assert len(days) > 50 and max(days) <= city_today()


def test_demo_targets_are_plausible():
    records = list(demo_records(300))
    offered = Counter()
    for r in records:
        if r["status"] in ("published", "filled", "completed", "closed"):
            offered[r["year"], r["kind"]] += r["positions"]
    for year, kind, target in demo_targets(records):
        assert 0.6 <= offered[year, kind] / target <= 1.4, (year, kind)


def test_demo_data_command_is_idempotent(settings, engine, monkeypatch, capsys):
    monkeypatch.setenv("OPPORTUNITY_BANK_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("OPPORTUNITY_BANK_DATABASE_URL", settings.database_url)
    assert main(["demo-data", "--count", "60"]) == 0
    assert main(["demo-data", "--count", "60"]) == 0
    assert "created 0, updated 0, unchanged 60" in capsys.readouterr().out
    with Session(engine) as session:
        assert session.exec(select(func.count(Opportunity.id))).one() == 60
        assert session.exec(select(func.count(Unit.id))).one() == len(UNITS)
        assert session.exec(select(func.count(Target.id))).one() > 0
