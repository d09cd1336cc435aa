"""`opportunity-bank demo-data`: true-looking openings of the centre's units, and targets.

Deterministic (seeded) so that a demo and a screenshot look the same twice; open openings
get deadlines relative to today so the demo never looks stale.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from opportunity_bank.opportunities.lifecycle import CITY_TZ, city_today

# The statuses the report counts (reports.arithmetic), for targets that fit the openings.
COUNTED = ("published", "filled", "completed", "closed")

UNITS = (
    "Katu- ja viherpalvelut",
    "Kunnossapito",
    "Liikennesuunnittelu",
    "Kaupunkimittaus",
    "Geotekniikka",
    "Datapalvelut",
)
# What Swedish and English readers see for them (the Finnish name is the key).
UNIT_NAMES = {
    "Katu- ja viherpalvelut": {"sv": "Gatu- och grönområdestjänster", "en": "Street and Green Area Services"},
    "Kunnossapito": {"sv": "Underhåll", "en": "Maintenance"},
    "Liikennesuunnittelu": {"sv": "Trafikplanering", "en": "Traffic Planning"},
    "Kaupunkimittaus": {"sv": "Stadsmätning", "en": "City Survey"},
    "Geotekniikka": {"sv": "Geoteknik", "en": "Geotechnical Engineering"},
    "Datapalvelut": {"sv": "Datatjänster", "en": "Data Services"},
}

# (unit index, kind, title, description, tags, language)
TEMPLATES: tuple[tuple[int, str, str, str, str, str], ...] = (
    (0, "summer_job", "Puistotyöntekijä kesäksi",
     "Kesätyössä hoidat Espoon puistoja: niität nurmia, istutat kesäkukkia, kitket "
     "perennapenkkejä ja pidät leikkipaikat siisteinä. Työ tehdään ulkona pienissä ryhmissä.",
     "puisto;viheralue;ulkotyö", "fi"),
    (0, "summer_job", "Vieraslajien torjuja",
     "Torjut haitallisia vieraslajeja, kuten jättipalsamia ja kurtturuusua, Espoon "
     "viheralueilla ja rannoilla. Kartoitat esiintymiä mobiilisovelluksella.",
     "vieraslajit;luonto;kesätyö", "fi"),
    (0, "thesis", "Katupuiden kunto ja hiilensidonta",
     "Opinnäytetyössä arvioidaan Espoon katupuiden kuntoa puurekisterin ja maastokäyntien "
     "avulla sekä lasketaan puuston hiilensidontaa.",
     "katupuut;puurekisteri;ilmasto", "fi"),
    (0, "internship", "Viheralueiden suunnittelun harjoittelija",
     "Harjoittelija osallistuu puisto- ja viheraluesuunnitelmien laatimiseen ja "
     "asukasosallistamiseen. Työkaluina AutoCAD ja paikkatieto-ohjelmistot.",
     "viherrakentaminen;suunnittelu", "fi"),
    (0, "summer_job", "Sommarjobb i parkskötsel",
     "Du sköter parker och grönområden i Esbo: klipper gräs, planterar sommarblommor och "
     "håller lekplatser rena. Arbetsspråket är svenska och finska.",
     "park;grönområde", "sv"),
    (1, "summer_job", "Katujen kunnossapidon kesätyöntekijä",
     "Kesätyöntekijänä paikkaat päällystevaurioita, puhdistat katukaivoja ja korjaat "
     "liikennemerkkejä kunnossapidon ryhmässä.",
     "päällyste;katukaivot;kunnossapito", "fi"),
    (1, "thesis", "Talvikunnossapidon laatu ja liukastumiset",
     "Tutkitaan talvikunnossapidon laatutasojen vaikutusta jalankulkijoiden "
     "liukastumisiin ja tapaturmiin sairaalatilastojen avulla.",
     "talvikunnossapito;turvallisuus", "fi"),
    (1, "internship", "Kunnossapidon työnjohdon harjoittelija",
     "Harjoittelussa pääset mukaan katujen ja viheralueiden kunnossapidon työnjohtoon, "
     "urakoiden valvontaan ja laadunseurantaan.",
     "työnjohto;urakat", "fi"),
    (1, "summer_job", "Summer worker, street maintenance",
     "Help keep Espoo's streets safe: patch potholes, clean storm drains and fix traffic "
     "signs. English is fine; Finnish is a plus.",
     "streets;maintenance", "en"),
    (2, "thesis", "Pyöräilyväylien laatukäytävät",
     "Diplomityössä arvioidaan Espoon pyöräilyn laatukäytävien sujuvuutta ja "
     "turvallisuutta laskentadatan ja maastokäyntien perusteella.",
     "pyöräily;pyörätie;liikenneturvallisuus", "fi"),
    (2, "thesis", "Liikennevalojen ajoitus ja joukkoliikenne",
     "Opinnäytetyössä simuloidaan liikennevaloetuuksia raitiotie Jokerin ja bussien "
     "reiteillä ja arvioidaan matka-aikasäästöjä.",
     "liikennevalot;joukkoliikenne;simulointi", "fi"),
    (2, "internship", "Liikennesuunnittelun harjoittelija",
     "Harjoittelija tekee liikennelaskentoja, laatii liikennejärjestelyjen luonnoksia ja "
     "osallistuu koulujen ympäristöjen turvallisuuskävelyihin.",
     "liikenne;liikennelaskenta", "fi"),
    (2, "thesis", "Traffic safety around schools",
     "Master's thesis on traffic safety near Espoo schools: analyse accident data, "
     "speed measurements and pupils' routes to propose low-cost measures.",
     "traffic safety;schools", "en"),
    (2, "thesis", "Examensarbete om cykelvägar i Esbo",
     "Examensarbetet kartlägger cykelvägarnas kvalitet och vinterunderhåll i Esbo och "
     "föreslår prioriteringar.",
     "cykelväg;cykling", "sv"),
    (3, "internship", "Kaupunkimittauksen harjoittelija",
     "Harjoittelussa teet maastomittauksia GNSS- ja takymetrilaitteilla sekä päivität "
     "kantakarttaa ja laserkeilausaineistoja.",
     "mittaus;kartoitus;laserkeilaus", "fi"),
    (3, "thesis", "Laserkeilausaineiston automaattinen luokittelu",
     "Diplomityössä kehitetään koneoppimismenetelmä, joka luokittelee mobiililaserkeilauksen "
     "pistepilvistä katualueen kohteet.",
     "laserkeilaus;pistepilvi;koneoppiminen", "fi"),
    (3, "summer_job", "Mittausapulainen kesäksi",
     "Kesätyössä toimit mittausryhmän apuna maastossa: merkitset rajapyykkejä ja "
     "kannat mittalaitteita.",
     "maastotyö;mittaus", "fi"),
    (4, "internship", "Geotekniikan harjoittelija",
     "Harjoittelija osallistuu pohjatutkimuksiin, kairausten valvontaan ja "
     "maaperätietojen tallentamiseen rekisteriin.",
     "pohjatutkimus;kairaus;maaperä", "fi"),
    (4, "thesis", "Savikoiden painumien seuranta InSAR-aineistolla",
     "Opinnäytetyössä verrataan satelliittitutkan InSAR-painumahavaintoja "
     "Espoon savikoiden painumamittauksiin.",
     "painuma;savi;InSAR", "fi"),
    (4, "summer_job", "Geotekninen kesäharjoittelija",
     "Kesäharjoittelussa pääset kairausryhmän mukaan maastoon ja opit "
     "pohjatutkimusten perusteet.",
     "geotekniikka;kairaus", "fi"),
    (5, "internship", "Datapalveluiden harjoittelija",
     "Harjoittelussa rakennat paikkatietoaineistojen rajapintoja ja raportteja "
     "Python- ja SQL-työkaluilla.",
     "paikkatieto;python;avoin data", "fi"),
    (5, "thesis", "Hulevesiverkoston digitaalinen kaksonen",
     "Diplomityössä rakennetaan hulevesiverkoston malli ja yhdistetään siihen "
     "sadeanturien reaaliaikainen data tulvariskien ennustamiseksi.",
     "hulevesi;digitaalinen kaksonen;tulvat", "fi"),
    (5, "internship", "Data analyst intern",
     "Work with the city's open data platform: clean traffic and maintenance datasets, "
     "build dashboards and document APIs.",
     "open data;dashboards;python", "en"),
    (0, "thesis", "Katuvalaistuksen energiansäästö",
     "Tutkitaan LED-katuvalaistuksen ohjauksen ja himmennyksen energiansäästöä ja "
     "vaikutusta asukkaiden turvallisuuden tunteeseen.",
     "katuvalaistus;energia;LED", "fi"),
)

LEVELS_BY_KIND = {
    "thesis": (["master"], ["bachelor"], ["bachelor", "master"]),
    "internship": (["bachelor"], ["vocational", "bachelor"], ["master"]),
    "summer_job": ([], ["vocational"], []),
}
PAST_STATUSES = ("completed", "completed", "filled", "closed", "closed", "withdrawn")


def opening_year(today: date) -> int:
    """From autumn on, the openings being advertised are for next year."""
    return today.year + 1 if today.month >= 9 else today.year


LOCATIONS = ("Espoon keskus", "Leppävaara", "Tapiola", "Matinkylä", "Espoonlahti", "Otaniemi")
# The same places as a Swedish-speaking reader names them.
SWEDISH_PLACES = dict(zip(LOCATIONS, ("Esbo centrum", "Alberga", "Hagalund", "Mattby", "Esboviken",
                                      "Otnäs"), strict=True))
# Roles rather than places tell repeated openings apart: fewer near-identical titles.
VARIANTS = {
    "fi": ("", "jatkohaku", "syyskausi", "kevätkausi", "kenttätyö", "toimisto- ja kenttätyö"),
    "sv": ("", "fortsatt ansökan", "höstterminen", "vårterminen", "fältarbete", "kontor och fält"),
    "en": ("", "second round", "autumn term", "spring term", "field work", "office and field"),
}
HOW_TO_APPLY = {
    "fi": ("Hae Kuntarekryssä liitteineen: hakemus, CV ja opintosuoritusote. Haastattelut pidetään "
           "kahden viikon kuluessa hakuajan päättymisestä, ja kaikille hakijoille vastataan."),
    "sv": ("Ansök via Kuntarekry med ansökan, CV och studieutdrag. Intervjuerna hålls inom två veckor "
           "efter att ansökningstiden gått ut, och alla sökande får svar."),
    "en": ("Apply on Kuntarekry with a cover letter, CV and transcript of records. Interviews are held "
           "within two weeks of the deadline, and every applicant gets an answer."),
}
COMPENSATION = {
    "fi": {"thesis": "Opinnäytetyöpalkkio 2 000–4 000 € sopimuksen mukaan",
           "internship": "Harjoittelijan palkka 2 150 €/kk",
           "summer_job": "Kesätyöntekijän palkka 1 950 €/kk"},
    "sv": {"thesis": "Arvode för examensarbete 2 000–4 000 € enligt avtal",
           "internship": "Praktikantlön 2 150 €/mån", "summer_job": "Sommarjobbarens lön 1 950 €/mån"},
    "en": {"thesis": "Thesis fee 2,000–4,000 € by agreement",
           "internship": "Intern's pay 2,150 €/month", "summer_job": "Summer worker's pay 1,950 €/month"},
}
APPLY_URL = "https://www.kuntarekry.fi/fi/tyopaikat/?employer=espoon-kaupunki&ref={number:05d}"


def demo_languages(language: str, kind: str) -> str:
    """Who may apply: a Swedish or English ad is open to Finnish speakers too, and a Finnish
    thesis to English speakers (universities here take many theses in English)."""
    if language != "fi":
        return f"{language};fi"
    return "fi;en" if kind == "thesis" else "fi"


def demo_records(count: int, today: date | None = None, seed: int = 2025) -> Iterator[dict[str, Any]]:
    today = today or city_today()
    rng = random.Random(seed)
    upcoming = opening_year(today)
    past_years = list(range(2022, upcoming))
    for number in range(1, count + 1):
        unit_index, kind, title, description, tags, language = TEMPLATES[(number - 1) % len(TEMPLATES)]
        cycle = (number - 1) // len(TEMPLATES)
        location = LOCATIONS[cycle % len(LOCATIONS)]
        place = SWEDISH_PLACES[location] if language == "sv" else location
        variant = VARIANTS[language][cycle % len(VARIANTS[language])]
        # Every fourth round of the templates is open now; the rest fill the past years.
        year = upcoming if cycle % 4 == 0 else past_years[(cycle - cycle // 4 - 1) % len(past_years)]
        positions = 1 if kind == "thesis" else rng.choice((1, 2, 3, 4, 6, 10))
        record: dict[str, Any] = {
            "external_id": f"demo-{number:05d}",
            "kind": kind,
            "title": f"{title} ({variant})" if variant else title,
            "description": description,
            "unit": UNITS[unit_index],
            "languages": demo_languages(language, kind),
            "degree_levels": ";".join(rng.choice(LEVELS_BY_KIND[kind])),
            "positions": positions,
            "year": year,
            "tags": tags,
            "contact_email": f"{UNITS[unit_index].split()[0].lower().strip('-')}.rekry@espoo.fi",
            "location": place,
            "compensation": COMPENSATION[language][kind],
            "how_to_apply": HOW_TO_APPLY[language],
            "apply_url": APPLY_URL.format(number=number),
        }
        if year >= upcoming:
            record.update(_open_dates(kind, today, year, rng))
            record["status"] = "draft" if rng.random() < 0.08 else "published"
        else:
            status = rng.choice(PAST_STATUSES)
            record.update(_past_dates(kind, year))
            record["status"] = status
            if status in ("filled", "completed") and positions > 1 and rng.random() < 0.5:
                record["filled_positions"] = rng.randint(1, positions)
        yield record


def _open_dates(kind: str, today: date, year: int, rng: random.Random) -> dict[str, str]:
    deadline = today + timedelta(days=rng.randint(10, 120))
    if kind == "summer_job":
        start, end = date(year, 6, 1), date(year, 8, 15)
    else:
        start = max(deadline + timedelta(days=21), date(year, 1, 15))
        end = start + timedelta(days=150)
    return {
        "application_deadline": deadline.isoformat(),
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
    }


def _past_dates(kind: str, year: int) -> dict[str, str]:
    start = date(year, 6, 1) if kind == "summer_job" else date(year, 2, 1)
    return {
        "application_deadline": date(year, 2 if kind == "summer_job" else 1, 28).isoformat(),
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=90 if kind == "summer_job" else 150)).isoformat(),
    }


def published_at(record: dict[str, Any], today: date | None = None) -> datetime | None:
    """When a demo opening went up: spread over its season, a few weeks before its deadline
    (and never after today), so "newest first" and the published dates look lived in."""
    if record.get("status") == "draft" or not record.get("application_deadline"):
        return None
    today = today or city_today()
    rng = random.Random(record["external_id"])
    deadline = date.fromisoformat(record["application_deadline"])
    day = min(deadline - timedelta(days=rng.randint(14, 75)), today - timedelta(days=rng.randint(0, 20)))
    return datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=CITY_TZ)


def demo_targets(records: Iterable[dict[str, Any]], seed: int = 2025) -> list[tuple[int, str, int]]:
    """Centre-wide targets near what the demo openings offer: achievement 60–140 %, as real
    goals land, never so far off that the report looks invented."""
    rng = random.Random(seed)
    offered: dict[tuple[int, str], int] = {}
    for record in records:
        if record["status"] in COUNTED:
            key = (record["year"], record["kind"])
            offered[key] = offered.get(key, 0) + record["positions"]
    return [(year, kind, max(1, round(positions / rng.uniform(0.65, 1.35))))
            for (year, kind), positions in sorted(offered.items())]
