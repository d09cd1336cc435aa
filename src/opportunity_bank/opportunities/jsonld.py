"""schema.org JobPosting data for jobs and internships, so search engines list them as jobs."""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from markupsafe import Markup

from opportunity_bank.models import Kind, Opportunity
from opportunity_bank.opportunities.lifecycle import CITY_TZ, city_time

EMPLOYMENT_TYPES = {Kind.SUMMER_JOB: "TEMPORARY", Kind.INTERNSHIP: "INTERN"}
HIRING_ORGANIZATION = {
    "@type": "Organization",
    "name": "City of Espoo",
    "alternateName": ["Espoon kaupunki", "Esbo stad"],
    "sameAs": "https://www.espoo.fi",
}
# Characters that could end the <script> element or start markup inside it; JSON allows
# them escaped as \uXXXX, which a JSON parser turns back into the same text.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def job_posting(opportunity: Opportunity, url: str) -> dict[str, Any] | None:
    """The JobPosting of a summer job or internship; None for a thesis topic."""
    o = opportunity
    if o.kind not in EMPLOYMENT_TYPES:
        return None
    posted = o.published_at or o.created_at
    address = {"@type": "PostalAddress", "addressLocality": "Espoo", "addressRegion": "Uusimaa",
               "addressCountry": "FI"}
    if o.location:
        address["streetAddress"] = o.location
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": o.title,
        "description": o.description or o.title,
        "datePosted": city_time(posted).date().isoformat(),
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
    return data


def json_script(data: dict[str, Any]) -> Markup:
    """JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return Markup(text)  # noqa: S704 (every character that could break out is escaped above)
