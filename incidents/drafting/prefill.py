"""What a notice draft starts from: the obligation's rule requirements, the template that fits
its recipient and place, and the values the case gives for each placeholder.

Reads only the case the caller already got through ``visible_to`` (and the rule book, which is
not case data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from accounts import timezones

from . import render, wording
from .models import NoticeTemplate

# The order inserts take in a letter: the agencies before the freeze that needs them.
INSERT_ORDER = (
    "remain_vigilant",
    "credit_agencies_contact",
    "fraud_alert",
    "security_freeze",
    "police_report",
    "ftc_contact",
    "attorney_general_contact",
    "identity_theft_advice",
    "credit_monitoring_offer",
    "toll_free_number",
)


PEOPLE_FACING = ("individuals", "public", "media")


def vocabulary() -> dict:
    """The shared element vocabulary's detection hints (required and forbidden keys)."""
    try:
        from jurisdictions import notice_vocabulary as vocab
    except ImportError:  # the rule book without content requirements
        return {}
    return {**getattr(vocab, "ELEMENTS", {}), **getattr(vocab, "FORBIDDEN", {})}


def requirements_for(obligation) -> dict:
    """The ``notice_content`` of the rule version the obligation was computed under."""
    from jurisdictions.models import RuleVersion

    version = (
        RuleVersion.objects.filter(rule__code=obligation.rule_code, version=obligation.rule_version)
        .only("pk")
        .first()
    )
    content = getattr(version, "notice_content", None) if version else None
    return dict(content or {})


def jurisdiction_info(code: str) -> tuple[str, str]:
    """``(name, IANA zone)`` of a jurisdiction code, from the rule book (its parent's zone when
    it has none); the code itself and UTC when unknown."""
    from jurisdictions.models import Jurisdiction

    place = Jurisdiction.objects.filter(code=code).select_related("parent").first()
    if place is None:
        return code, timezones.DEFAULT
    zone = place.timezone or (place.parent.timezone if place.parent_id else "")
    return place.name, zone or timezones.DEFAULT


def choose_template(recipient: str, jurisdiction: str, language: str = "en"):
    """The most specific active letter template: this place, its country, then any place; the
    language asked for, else English."""
    places = [jurisdiction, jurisdiction.split("-")[0], ""]
    for lang in dict.fromkeys([language, "en"]):
        found = {
            t.jurisdiction: t
            for t in NoticeTemplate.objects.filter(
                kind="letter",
                recipient=recipient,
                language=lang,
                active=True,
                jurisdiction__in=places,
            )
        }
        for place in places:
            if place in found:
                return found[place]
    return None


def insert_templates(keys, jurisdiction: str, language: str = "en") -> dict:
    """``{key: template}`` of the inserts for ``keys``, most specific place first."""
    places = [jurisdiction, jurisdiction.split("-")[0], ""]
    rows = NoticeTemplate.objects.filter(
        kind="insert",
        key__in=list(keys),
        active=True,
        jurisdiction__in=places,
        language__in=[language, "en"],
    )
    best: dict = {}
    for row in rows:
        rank = (places.index(row.jurisdiction), row.language != language)
        if row.key not in best or rank < best[row.key][0]:
            best[row.key] = (rank, row)
    return {k: v[1] for k, v in best.items()}


@dataclass
class Prefill:
    template: NoticeTemplate | None
    requirements: dict
    context: dict
    text: str


def _profile_value(incident, name: str) -> str:
    profile = incident.organisation_profile
    value = getattr(profile, name, "") if profile is not None else ""
    return value or (incident.organisation_snapshot or {}).get(name, "") or ""


def _count_for(affected: dict[str, int], code: str) -> int | None:
    """People of ``code``: its own row, or the sum of its subdivisions' rows (``US`` = US-*)."""
    if code in affected:
        return affected[code]
    parts = [n for c, n in affected.items() if c.startswith(f"{code}-")]
    return sum(parts) if parts else None


def _other_obligation(incident, jurisdiction: str, recipient: str):
    return next(
        (
            o
            for o in incident.obligations.all()
            if o.jurisdiction == jurisdiction and o.recipient == recipient
        ),
        None,
    )


def values_for(obligation, *, now: datetime | None = None) -> tuple[dict, dict]:
    """``(values, context)``: each placeholder's text from the case, and what the checklist
    needs (the jurisdiction's count and name)."""
    incident = obligation.incident
    now = now or timezone.now()
    place_name, zone_name = jurisdiction_info(obligation.jurisdiction)
    zone = timezones.zone(zone_name)
    us = wording.us_style(obligation.jurisdiction)
    events = {e.event: e.at for e in incident.events.all()}
    affected = {a.jurisdiction: a.count for a in incident.affected.all()}
    categories = list(incident.data_categories or [])
    total = sum(affected.values())
    here = _count_for(affected, obligation.jurisdiction)

    def when(name: str) -> str:
        return wording.date_text(events[name], zone, us=us) if events.get(name) else ""

    event_lines = []
    for name, label in (
        ("occurred_at", "The breach occurred"),
        ("discovered_at", "It was discovered"),
        ("aware_at", "We became aware of it"),
    ):
        if events.get(name):
            event_lines.append(f"{label} on {wording.time_text(events[name], zone, us=us)}.")
    if not events.get("occurred_at"):
        event_lines.insert(0, render.gap("breach_dates"))

    breach_dates = ""
    if events.get("occurred_at"):
        breach_dates = f"The incident occurred on or about {when('occurred_at')}"
        breach_dates += (
            f" and was discovered on {when('discovered_at')}."
            if events.get("discovered_at")
            else "."
        )
    hold = (incident.holds or {}).get("law_enforcement_hold")
    delay = (
        "This notice was delayed at the request of a law enforcement agency investigating the "
        "incident."
        if hold
        else "This notice was not delayed by a law enforcement investigation."
    )
    risk_list = wording.risks(categories)
    consequences = (
        f"Because of the information involved, the main risks are {wording.join_words(risk_list)}."
        if risk_list
        else ""
    )
    advice = wording.advice(categories)
    steps = " ".join(
        [
            "We encourage you to remain vigilant: review your account statements and monitor "
            "your free credit reports for activity you do not recognise.",
            *advice,
        ]
    )
    subjects = ""
    if here is not None:
        subjects = (
            f"approximately {wording.count_text(here)} people residing in {place_name}"
            + (f" ({wording.count_text(total)} in all jurisdictions)" if total != here else "")
            + ". Categories of data subjects: "
            + render.gap("data_subject_categories")
        )
    timing = ""
    aware = events.get("aware_at") or events.get("discovered_at")
    if aware:
        late = obligation.due_at is not None and now > obligation.due_at
        timing = f"We became aware of the breach on {wording.time_text(aware, zone, us=us)}."
        if late:
            timing += (
                " This notification is made after the deadline. The reason for the delay: "
                + render.gap("reasons_for_delay")
            )
    individuals = _other_obligation(incident, obligation.jurisdiction, "individuals")
    ag = _other_obligation(incident, obligation.jurisdiction, "attorney_general")
    ag_contact = ""
    if ag is not None and ag.contact:
        ag_contact = f"{ag.authority}, {ag.contact}"
    cause = wording.CAUSE_WORDS.get(incident.cause or "", "")
    values = {
        "reference": incident.reference,
        "notice_date": wording.date_text(now, zone, us=us),
        "salutation": "<<Name>>",
        "organisation_name": _profile_value(incident, "name"),
        "organisation_address": _profile_value(incident, "address").replace("\n", ", "),
        "contact_point": _profile_value(incident, "contact_point"),
        "toll_free_number": _profile_value(incident, "toll_free_number"),
        "signatory": _profile_value(incident, "signatory"),
        "authority": obligation.authority or obligation.counterparty,
        "jurisdiction_name": place_name,
        "jurisdiction_count": wording.count_text(here) if here is not None else "",
        "what_happened": (incident.description or "").strip(),
        "breach_dates": breach_dates,
        "event_times": "\n".join(event_lines),
        "law_enforcement_delay": delay,
        "data_involved": (
            "The information involved may include your "
            f"{wording.data_words(categories, one_person=True)}."
            if categories
            else ""
        ),
        "data_categories": wording.data_words(categories),
        "likely_consequences": consequences,
        "steps_individuals": steps,
        "subjects_count": subjects,
        "timing_statement": timing,
        "phase_statement": (
            "Where information is not yet available, we will provide it in phases without "
            "undue further delay (GDPR Art 33(4))."
            if obligation.recipient == "supervisory_authority"
            else ""
        ),
        "root_cause": f"The incident was caused by {cause}." if cause else "",
        "notice_to_individuals_date": (
            wording.date_text(individuals.notified_at, zone, us=us)
            if individuals is not None and individuals.notified_at
            else ""
        ),
        "attorney_general_contact": ag_contact,
    }
    context = {
        "jurisdiction": obligation.jurisdiction,
        "place_name": place_name,
        "count": here,
        "zone": zone_name,
    }
    return values, context


def _insert_keys(requirements: dict) -> list[str]:
    keys = [str(e.get("key")) for e in requirements.get("elements") or []]
    return sorted((k for k in dict.fromkeys(keys) if k in INSERT_ORDER), key=INSERT_ORDER.index)


def prefill(obligation, *, language: str = "en", now: datetime | None = None) -> Prefill:
    """The first version of a notice draft for ``obligation``."""
    requirements = requirements_for(obligation)
    template = choose_template(obligation.recipient, obligation.jurisdiction, language)
    values, context = values_for(obligation, now=now)
    # Inserts speak to the people affected (your credit report, your freeze): letters to an
    # authority or an agency carry their own wording in the template instead.
    keys = _insert_keys(requirements) if obligation.recipient in PEOPLE_FACING else []
    found = insert_templates(keys, obligation.jurisdiction, language)
    inserts = "\n\n".join(render.fill(found[k].body, values).strip() for k in keys if k in found)
    body = template.body if template else "# Notice\n\n{{ what_happened }}\n\n{{ inserts }}\n"
    return Prefill(
        template=template,
        requirements=requirements,
        context=context,
        text=render.fill(body, values, inserts=inserts),
    )


def follow_up_default(now: datetime | None = None) -> datetime:
    """A first internal target for the further information of a phased notice: 7 days."""
    return (now or timezone.now()) + timedelta(days=7)
