"""The filing sheet: the answers a recipient's notification form asks for, prefilled from the
case, with every answer the facts do not give flagged as a gap.

Two forms are modelled: a data protection authority's Art 33 form (the fields the EDPB
Guidelines 9/2022 and the authorities' online forms, e.g. the ICO's, ask for) and a US state
Attorney General's breach form (the fields of the California and Massachusetts online forms).
Other recipients get the general questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from incidents.choices import ObligationStatus

from . import checklist, prefill, render, wording
from .outputs import _inline_html


@dataclass(frozen=True)
class Row:
    question: str
    answer: str
    source: str = ""

    @property
    def gap(self) -> bool:
        return bool(checklist.gaps(self.answer))


SPECIAL = {"special_category", "medical", "genetic", "biometric", "health_insurance", "children"}


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _individuals_status(incident, jurisdiction: str | None = None) -> str:
    rows = [
        ob
        for ob in incident.obligations.all()
        if ob.recipient == "individuals"
        and (jurisdiction is None or ob.jurisdiction == jurisdiction)
    ]
    if not rows:
        return "Not required on these facts"
    sent = [ob for ob in rows if ob.status == ObligationStatus.NOTIFIED and ob.notified_at]
    if sent:
        first = min(ob.notified_at for ob in sent)
        return f"Yes, on {first:%Y-%m-%d} ({first:%H:%M} UTC)"
    return "Not yet; " + render.gap("notice_to_individuals_date")


def _common(draft, values: dict) -> list[Row]:
    incident = draft.incident
    return [
        Row("Organisation (name)", values["organisation_name"] or render.gap("organisation_name")),
        Row(
            "Organisation (address)",
            values["organisation_address"] or render.gap("organisation_address"),
        ),
        Row(
            "Contact point (DPO or other)",
            values["contact_point"] or render.gap("contact_point"),
            "GDPR Art 33(3)(b)",
        ),
        Row("Our reference", incident.reference),
    ]


def _art33_rows(draft, values: dict) -> list[Row]:
    incident = draft.incident
    categories = list(incident.data_categories or [])
    affected = {a.jurisdiction: a.count for a in incident.affected.all()}
    total = sum(affected.values())
    countries = sorted({prefill.jurisdiction_info(code.split("-")[0])[0] for code in affected})
    late = draft.obligation.due_at is not None and timezone.now() > draft.obligation.due_at
    return [
        *_common(draft, values),
        Row(
            "Is this an initial or a complete notification?",
            "Complete, or initial with further information to follow (choose when recording "
            "it as sent)",
            "GDPR Art 33(4)",
        ),
        Row(
            "When did the breach happen, and when did you become aware of it?",
            values["event_times"] or render.gap("breach_dates"),
            "GDPR Art 33(1)",
        ),
        Row(
            "Reasons for notifying after 72 hours",
            render.gap("reasons_for_delay") if late else "Not applicable: within 72 hours",
            "GDPR Art 33(1)",
        ),
        Row(
            "What happened (nature of the breach)",
            values["what_happened"] or render.gap("what_happened"),
            "GDPR Art 33(3)(a)",
        ),
        Row("Cause", values["root_cause"] or render.gap("root_cause")),
        Row(
            "Categories of personal data",
            wording.data_words(categories) or render.gap("data_categories"),
            "GDPR Art 33(3)(a)",
        ),
        Row(
            "Special categories of data (Art 9) involved?",
            _yes_no(bool(SPECIAL.intersection(categories))),
        ),
        Row(
            "Approximate number of data subjects",
            "; ".join(
                f"{prefill.jurisdiction_info(code)[0]}: {n:,}"
                for code, n in sorted(affected.items())
            )
            + f" ({total:,} in all)"
            if total
            else render.gap("subjects_count"),
            "GDPR Art 33(3)(a)",
        ),
        Row(
            "Categories of data subjects",
            render.gap("data_subject_categories"),
            "GDPR Art 33(3)(a)",
        ),
        Row("Approximate number of records", render.gap("records_count"), "GDPR Art 33(3)(a)"),
        Row(
            "Countries where affected people live (cross-border processing)",
            ", ".join(countries) or render.gap("subjects_count"),
            "GDPR Art 56",
        ),
        Row(
            "Were the data encrypted?",
            ("Yes, and the key was compromised" if incident.key_compromised else "Yes")
            if incident.encrypted
            else "No",
        ),
        Row(
            "Likely consequences",
            values["likely_consequences"] or render.gap("likely_consequences"),
            "GDPR Art 33(3)(c)",
        ),
        Row("Measures taken or proposed", render.gap("measures_taken"), "GDPR Art 33(3)(d)"),
        Row("Have the data subjects been told?", _individuals_status(incident), "GDPR Art 34"),
    ]


def _us_ag_rows(draft, values: dict) -> list[Row]:
    incident = draft.incident
    categories = list(incident.data_categories or [])
    affected = {a.jurisdiction: a.count for a in incident.affected.all()}
    hold = (incident.holds or {}).get("law_enforcement_hold")
    return [
        *_common(draft, values),
        Row("Person submitting (name and title)", values["signatory"] or render.gap("signatory")),
        Row("Date(s) of the breach", values["breach_dates"] or render.gap("breach_dates")),
        Row(
            "Date the breach was discovered", values["event_times"] or render.gap("discovery_date")
        ),
        Row(
            f"Number of {values['jurisdiction_name']} residents affected",
            values["jurisdiction_count"] or render.gap("jurisdiction_count"),
        ),
        Row("Total number of people affected", f"{sum(affected.values()):,}"),
        Row(
            "Type of personal information",
            wording.data_words(categories) or render.gap("data_categories"),
        ),
        Row("Description of the breach", values["what_happened"] or render.gap("what_happened")),
        Row(
            "Date residents were notified",
            _individuals_status(incident, draft.obligation.jurisdiction),
        ),
        Row("Was notice delayed by law enforcement?", _yes_no(bool(hold))),
        Row(
            "Credit monitoring or identity theft protection offered",
            render.gap("credit_monitoring"),
        ),
        Row("Steps taken in response", render.gap("measures_taken")),
        Row(
            "Sample copy of the notice to residents",
            "Attach the approved residents' notice (without personal information)",
        ),
    ]


def _general_rows(draft, values: dict) -> list[Row]:
    return [
        *_common(draft, values),
        Row(
            "When it happened and was discovered",
            values["event_times"] or render.gap("breach_dates"),
        ),
        Row("What happened", values["what_happened"] or render.gap("what_happened")),
        Row("Information involved", values["data_categories"] or render.gap("data_categories")),
        Row("People affected", values["subjects_count"] or render.gap("subjects_count")),
        Row("Measures taken", render.gap("measures_taken")),
    ]


FORMS = {
    "supervisory_authority": ("Data protection authority's breach form (GDPR Art 33)", _art33_rows),
    "attorney_general": ("State Attorney General's breach form", _us_ag_rows),
    "state_agency": ("State agency's breach form", _us_ag_rows),
}


@dataclass(frozen=True)
class Sheet:
    title: str
    rows: list[Row]

    @property
    def gap_count(self) -> int:
        return sum(1 for r in self.rows if r.gap)


def sheet_for(draft) -> Sheet:
    values, _ = prefill.values_for(draft.obligation)
    title, build = FORMS.get(
        draft.obligation.recipient, ("Notification form: general questions", _general_rows)
    )
    return Sheet(title=title, rows=build(draft, values))


def sheet_pdf(draft, sheet: Sheet) -> bytes:
    from incidents.pdf import render_pdf

    rows = "".join(
        f"<tr><th>{_inline_html(r.question)}</th><td>{_inline_html(r.answer)}</td>"
        f'<td class="meta">{_inline_html(r.source)}</td></tr>'
        for r in sheet.rows
    )
    body = (
        f"<h1>{_inline_html(sheet.title)}</h1>"
        f'<p class="meta">{_inline_html(draft.obligation.authority)} · '
        f"{sheet.gap_count} answer(s) still to complete (highlighted)</p>"
        f"<table><thead><tr><th>Question</th><th>Answer</th><th>Source</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return render_pdf(
        body,
        reference=f"{draft.incident.reference} · filing sheet",
        privileged=draft.is_privileged,
        title=sheet.title,
    )
