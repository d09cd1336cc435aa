"""schema.org JobPosting data, so search engines list openings as jobs.

Summer jobs and internships are temporary jobs and internships. A thesis topic is offered
as a JobPosting too, of type OTHER: the city takes the student on for the thesis, usually
paid, and JobPosting is the only schema.org type that carries a deadline, a place and how to
apply (schema.org's Thesis describes a finished thesis, not an offer of one).
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from markupsafe import Markup, escape

from opportunity_bank.models import Kind, Opportunity, PayPeriod
from opportunity_bank.opportunities.lifecycle import CITY_TZ

EMPLOYMENT_TYPES = {Kind.SUMMER_JOB: "TEMPORARY", Kind.INTERNSHIP: "INTERN", Kind.THESIS: "OTHER"}
PAY_UNITS = {PayPeriod.HOUR: "HOUR", PayPeriod.MONTH: "MONTH"}
HIRING_ORGANIZATION = {
    "@type": "Organization",
    "name": "City of Espoo",
    "alternateName": ["Espoon kaupunki", "Esbo stad"],
    "sameAs": "https://www.espoo.fi",
}
# Characters that could end the <script> element or start markup inside it; JSON allows
# them escaped as \uXXXX, which a JSON parser turns back into the same text.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def description_html(text: str) -> str:
    """The supervisor's plain text as HTML paragraphs, escaped: search engines read it as HTML."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join("<p>" + "<br>".join(str(escape(line)) for line in block.split("\n")) + "</p>"
                   for block in blocks)


def base_salary(opportunity: Opportunity) -> dict[str, Any] | None:
    o = opportunity
    if o.pay_min is None or o.pay_period not in PAY_UNITS:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": PAY_UNITS[PayPeriod(o.pay_period)]}
    if o.pay_max is not None and o.pay_max != o.pay_min:
        value.update(minValue=float(o.pay_min), maxValue=float(o.pay_max))
    else:
        value["value"] = float(o.pay_min)
    return {"@type": "MonetaryAmount", "currency": o.pay_currency or "EUR", "value": value}


def job_posting(opportunity: Opportunity, url: str) -> dict[str, Any]:
    """The JobPosting of an opening that takes applications."""
    o = opportunity
    posted = o.published_at or o.created_at
    address = {"@type": "PostalAddress", "addressLocality": "Espoo", "addressRegion": "Uusimaa",
               "addressCountry": "FI"}
    if o.location:
        address["streetAddress"] = o.location
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": o.title,
        "description": description_html(o.description) or str(escape(o.title)),
        "datePosted": posted.date().isoformat(),
        "employmentType": EMPLOYMENT_TYPES[Kind(o.kind)],
        "hiringOrganization": HIRING_ORGANIZATION,
        "jobLocation": {"@type": "Place", "address": address},
        "identifier": {"@type": "PropertyValue", "name": "City of Espoo", "value": o.external_id},
        "url": url,
        "inLanguage": o.content_language,
        "totalJobOpenings": o.positions,
    }
    if o.application_deadline:
        # Open all of the deadline day in Espoo.
        end = datetime.combine(o.application_deadline, time(23, 59, 59), tzinfo=CITY_TZ)
        data["validThrough"] = end.isoformat()
    if o.start_date:
        data["jobStartDate"] = o.start_date.isoformat()
    salary = base_salary(o)
    if salary:
        data["baseSalary"] = salary
    if o.direct_apply and o.apply_url:
        data["directApply"] = True
    return data


def json_script(data: dict[str, Any]) -> Markup:
    """JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return Markup(text)  # noqa: S704 (every character that could break out is escaped above)
