"""Pure rules of the staff pages: messages in the reader's language, deadlines, filters, Excel CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from opportunity_bank.opportunities.editing import FieldProblems, validate
from opportunity_bank.opportunities.lifecycle import deadline_soon, publish_problems, thesis_link
from opportunity_bank.opportunities.listing import ListFilters, main_action, parse_filters
from opportunity_bank.opportunities.messages import field_message, field_messages
from opportunity_bank.opportunities.schemas import FieldError, OpportunityFields
from opportunity_bank.reports.arithmetic import ReportRow
from opportunity_bank.reports.exports import ExportLabels, to_excel_csv
from opportunity_bank.web.i18n import gettext_for

TODAY = date(2027, 3, 10)
VALID = {"kind": "summer_job", "title": "Puistotyöntekijä", "unit": "Katu- ja viherpalvelut",
         "year": 2027, "languages": ["fi"]}


def problems(**changes) -> dict[str, str]:
    with pytest.raises(FieldProblems) as caught:
        validate(OpportunityFields, {**VALID, **changes})
    return field_messages(caught.value.errors, gettext_for("fi"))


@pytest.mark.parametrize(("changes", "field", "finnish"), [
    ({"positions": "abc"}, "positions", "Anna kokonaisluku, esimerkiksi 3."),
    ({"title": "ab"}, "title", "Kirjoita vähintään 3 merkin otsikko."),
    ({"start_date": "2027-06-10", "end_date": "2027-06-01"}, "end_date",
     "Päättymispäivä ei voi olla ennen alkamispäivää."),
    ({"contact_email": "ei-osoite"}, "contact_email", "Anna sähköpostiosoite, esimerkiksi nimi@espoo.fi."),
    ({"application_deadline": "31.3."}, "application_deadline", "Anna päivämäärä, esimerkiksi 31.3.2027."),
    ({"year": 1990}, "year", "Anna vuosi väliltä 2000–2100."),
    ({"languages": []}, "languages", "Valitse vähintään yksi työkieli."),
])
def test_validator_errors_become_our_finnish_sentences(changes, field, finnish):
    assert problems(**changes)[field] == finnish


def test_an_unknown_rule_still_speaks_the_readers_language():
    error = FieldError("title", "Some new English text from a validator", "brand_new_rule")
    assert field_message(error, gettext_for("sv")) == "Kontrollera det här fältet."
    assert field_message(error, gettext_for("en")) == "Check this field."


def test_publishing_refuses_a_past_deadline_and_warns_within_a_week():
    assert publish_problems(date(2027, 3, 9), TODAY)[0][:2] == ("application_deadline", "deadline_passed")
    assert publish_problems(TODAY, TODAY) == [] and publish_problems(None, TODAY) == []
    assert deadline_soon(date(2027, 3, 16), TODAY) and not deadline_soon(date(2027, 3, 17), TODAY)
    assert not deadline_soon(date(2027, 3, 9), TODAY) and not deadline_soon(None, TODAY)


@pytest.mark.parametrize(("stored", "link"), [
    ("URN:NBN:fi:amk-2027031012345", "https://urn.fi/URN:NBN:fi:amk-2027031012345"),
    ("https://www.theseus.fi/handle/10024/1", "https://www.theseus.fi/handle/10024/1"),
    ("javascript:alert(1)", None), (None, None),
])
def test_the_finished_thesis_gets_a_web_link(stored, link):
    assert thesis_link(stored) == link


def test_list_filters_forgive_odd_addresses():
    assert parse_filters({"status": "nonsense", "year": "12", "page": "-3", "sort": "x"}) == ListFilters()
    chosen = parse_filters({"status": "counted", "kind": "thesis", "year": "2027", "q": " puisto ",
                            "sort": "deadline", "page": "3", "unit": "Geotekniikka"})
    assert chosen.params(page=1) == {"status": "counted", "kind": "thesis", "year": "2027",
                                     "q": "puisto", "unit": "Geotekniikka", "sort": "deadline"}


def test_the_main_action_of_a_row():
    assert main_action("draft", False) == "published"
    assert main_action("published", False) == "filled"
    assert main_action("published", True) == "closed"
    assert main_action("closed", False) is None


def test_excel_csv_has_bom_semicolons_decimal_commas_and_words():
    rows = [ReportRow(2027, "summer_job", None, 3, 12, 4, 10, Decimal("120.0"), 2)]
    labels = ExportLabels(headers={"year": "Vuosi", "kind": "Tyyppi", "achieved_pct": "Toteuma (%)"},
                          kinds={"summer_job": "Kesätyöt"})
    text = to_excel_csv(rows, False, labels)
    assert text.startswith("\ufeffVuosi;Tyyppi;postings;")
    table = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert table[1] == ["2027", "Kesätyöt", "3", "12", "4", "10", "120,0", "2"]
