"""Pure rules for search engines and reviews: JSON-LD pay and HTML, pay fields, review rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from opportunity_bank.opportunities.jsonld import description_html, job_posting
from opportunity_bank.opportunities.schemas import OpportunityFields, field_errors
from opportunity_bank.review.rules import (
    ReviewRefused,
    check_decision,
    reason_problem,
    split_edit,
    status_on_publish,
    working_days_between,
)
from tests.unit.test_student_page_rules import opening

BASE = {"kind": "summer_job", "title": "Kesätyö puistoon", "unit": "Katu- ja viherpalvelut", "year": 2027}


def test_description_is_escaped_html_with_paragraphs_and_line_breaks():
    html = description_html("Työ <b>puistoissa</b> & kaduilla\ntoinen rivi\n\nUusi kappale")
    assert html == "<p>Työ &lt;b&gt;puistoissa&lt;/b&gt; &amp; kaduilla<br>toinen rivi</p><p>Uusi kappale</p>"
    assert job_posting(opening(description="a < b"), "u")["description"] == "<p>a &lt; b</p>"


def test_base_salary_from_structured_pay():
    posting = job_posting(opening(pay_min=Decimal("12.50"), pay_max=Decimal("14"), pay_currency="EUR",
                                  pay_period="hour"), "u")
    assert posting["baseSalary"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": {
        "@type": "QuantitativeValue", "unitText": "HOUR", "minValue": 12.5, "maxValue": 14.0}}
    single = job_posting(opening(pay_min=Decimal("2100"), pay_period="month"), "u")["baseSalary"]
    assert single["value"] == {"@type": "QuantitativeValue", "unitText": "MONTH", "value": 2100.0}
    assert "baseSalary" not in job_posting(opening(compensation="TES:n mukaan"), "u")


def test_direct_apply_only_with_an_apply_link():
    assert job_posting(opening(direct_apply=True, apply_url="https://rekry.espoo.fi/1"), "u")["directApply"]
    assert "directApply" not in job_posting(opening(apply_url="https://rekry.espoo.fi/1"), "u")


@pytest.mark.parametrize(("values", "field"), [
    ({"pay_min": "12", "pay_max": "10", "pay_period": "hour"}, "pay_max"),
    ({"pay_min": "12"}, "pay_period"),
    ({"pay_min": "-1", "pay_period": "hour"}, "pay_min"),
    ({"pay_min": "12", "pay_period": "week"}, "pay_period"),
    ({"pay_min": "12", "pay_period": "hour", "pay_currency": "euro"}, "pay_currency"),
    ({"direct_apply": True}, "direct_apply"),
])
def test_pay_fields_are_validated_naming_the_field(values, field):
    with pytest.raises(Exception) as raised:
        OpportunityFields.model_validate({**BASE, **values})
    assert field in {e.field for e in field_errors(raised.value)}


def test_pay_defaults_to_euros():
    fields = OpportunityFields.model_validate({**BASE, "pay_min": "2000", "pay_period": "month"})
    assert fields.pay_currency == "EUR"


def test_review_rules():
    assert status_on_publish(True) == "in_review" and status_on_publish(False) == "published"
    assert split_edit({"title": "x", "application_deadline": date(2027, 1, 1)}) == (
        {"application_deadline": date(2027, 1, 1)}, {"title": "x"})
    with pytest.raises(ReviewRefused) as refused:
        check_decision(reviewer_role="supervisor", reviewer_id=1, owner_id=2, status="in_review",
                       pending_changes=None)
    assert refused.value.forbidden
    with pytest.raises(ReviewRefused) as refused:
        check_decision(reviewer_role="hr", reviewer_id=2, owner_id=2, status="in_review",
                       pending_changes=None)
    assert refused.value.code == "own_opening"
    with pytest.raises(ReviewRefused) as refused:
        check_decision(reviewer_role="hr", reviewer_id=1, owner_id=2, status="published",
                       pending_changes=None)
    assert not refused.value.forbidden
    check_decision(reviewer_role="admin", reviewer_id=1, owner_id=2, status="published",
                   pending_changes={"title": "x"})
    assert reason_problem("changes", "  ") and not reason_problem("approve", None)


def test_working_days_skip_weekends():
    friday = date(2026, 12, 4)
    assert working_days_between(friday, date(2026, 12, 7)) == 1  # Monday
    assert working_days_between(friday, date(2026, 12, 8)) == 2
    assert working_days_between(friday, friday) == 0
