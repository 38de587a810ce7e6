"""Recording an assessment: it sets the case's risk of harm, is versioned with who and when, and
a change recomputes the obligations with the reason on the timeline (real engine, rule book)."""

from datetime import UTC, datetime

import pytest

from assessments import actions
from assessments.models import RiskAssessment, in_force_at
from incidents.choices import ObligationStatus
from tests.factories import facts

pytestmark = pytest.mark.django_db

ENISA_LOW = {"dpc_base": "simple", "ei": "limited", "cb_confidentiality": "exposed",
             "cb_integrity": "none", "cb_availability": "none"}  # fmt: skip
ENISA_HIGH = {**ENISA_LOW, "dpc_base": "financial", "ei": "maximum",
              "cb_confidentiality": "unknown", "malicious": True}  # fmt: skip
US_NO_HARM = {"data": "identity", "encryption": "unencrypted", "acquirer": "trusted",
              "misuse": "none", "mitigation": "full"}  # fmt: skip
US_RISK = {**US_NO_HARM, "acquirer": "unknown", "mitigation": "none"}

FLORIDA = facts(
    data=["name", "ssn"],
    organisation={"role": "controller", "main_establishment": None, "established_in": ["US"],
                  "subject_to": []},
    affected={"US-FL": 800},
    risk_of_harm=None,
    events={"discovered_at": "2026-04-01T09:00:00-04:00"},
)  # fmt: skip


def _obligations(incident):
    return {o.rule_code: o for o in incident.obligations.all()}


def test_enisa_assessment_sets_risk_and_recomputes_with_the_reason(open_case, counsel):
    incident = open_case(counsel)  # DE/FR/US-CA, risk "high": GDPR Art 34 owed
    assert "EU-GDPR-34-DS" in {o.rule_code for o in incident.obligations.filter(status="open")}
    first = actions.record_assessment(
        incident, method="enisa", answers=ENISA_HIGH, rationale="Card data taken by an attacker.",
        acting_user=counsel,
    )  # fmt: skip
    assert (first.version, first.score, first.risk_of_harm) == (1, 4.0, "high")
    second = actions.record_assessment(
        incident, method="enisa", answers=ENISA_LOW, reasons={"ei": "tokens only"},
        rationale="Only tokenised references left the system.",
        reason_for_change="forensics: the card numbers were tokenised", acting_user=counsel,
    )  # fmt: skip
    incident.refresh_from_db()
    assert (second.version, second.score, incident.risk_of_harm) == (2, 0.5, "unlikely")
    assert incident.risk_rationale == "Only tokenised references left the system."
    art34 = _obligations(incident)["EU-GDPR-34-DS"]
    assert art34.status == ObligationStatus.NOT_REQUIRED
    assert "risk of harm assessed as harm unlikely" in art34.reason
    entry = incident.activity.filter(kind="assessment_recorded").last()
    assert "v2" in entry.summary and "card numbers were tokenised" in entry.summary
    assert entry.actor == counsel
    assert entry.before == {"risk_of_harm": "high"} and entry.after == {"risk_of_harm": "unlikely"}
    moved = incident.activity.filter(kind="obligation_no_longer_applies").last()
    assert "risk-of-harm assessment v2: harm unlikely (forensics" in moved.summary
    # The version in force at a time is part of the record.
    assert in_force_at(incident, first.created_at) == first
    assert in_force_at(incident, datetime(2000, 1, 1, tzinfo=UTC)) is None


def test_a_revision_needs_its_reason_and_an_override_needs_one_too(open_case, counsel):
    incident = open_case(counsel)
    actions.record_assessment(
        incident, method="enisa", answers=ENISA_HIGH, rationale="First.", acting_user=counsel
    )
    with pytest.raises(actions.ActionError) as exc:
        actions.record_assessment(
            incident, method="enisa", answers=ENISA_LOW, rationale="Second.", acting_user=counsel
        )
    assert exc.value.field == "reason_for_change"
    with pytest.raises(actions.ActionError) as exc:
        actions.record_assessment(
            incident, method="enisa", answers=ENISA_LOW, risk_of_harm="high", rationale="x",
            reason_for_change="y", acting_user=counsel,
        )  # fmt: skip
    assert exc.value.field == "override_reason"
    assert RiskAssessment.objects.filter(incident=incident).count() == 1  # nothing stored


def test_viewer_cannot_record(open_case, counsel, viewer):
    from incidents.actions import add_team_member

    incident = open_case(counsel)
    add_team_member(incident, viewer, "viewer", acting_user=counsel)
    with pytest.raises(actions.ActionError):
        actions.record_assessment(
            incident, method="enisa", answers=ENISA_LOW, rationale="x", acting_user=viewer
        )


def test_florida_no_harm_gives_the_written_determination_duty(open_case, counsel):
    incident = open_case(counsel, FLORIDA)
    assert "US-FL-IND" in _obligations(incident)  # not yet assessed: treated as notifiable
    determined = datetime(2026, 4, 10, 19, 0, tzinfo=UTC)  # 15:00 EDT
    a = actions.record_assessment(
        incident, method="us_harm", answers=US_NO_HARM,
        rationale="The misdirected file went to a bank that deleted it, attested in writing.",
        determined_at=determined, acting_user=counsel,
    )  # fmt: skip
    assert a.risk_of_harm == "none" and a.determined_at == determined
    obs = _obligations(incident)
    duty = obs["US-FL-NOHARM"]
    assert duty.status == ObligationStatus.OPEN
    assert duty.due_local == "2026-05-10T23:59:59-04:00"  # 30 days after 10 April, Tallahassee
    assert duty.citation == "Fla. Stat. 501.171(4)(c)"
    assert obs["US-FL-IND"].status == ObligationStatus.NOT_REQUIRED
    event = incident.events.get(event="no_harm_determined_at")
    assert event.at == determined and event.determined_by == counsel
    # A later version that finds a risk withdraws the determination and its duty.
    actions.record_assessment(
        incident, method="us_harm", answers=US_RISK, rationale="The bank cannot confirm deletion.",
        reason_for_change="the attestation was withdrawn", acting_user=counsel,
    )  # fmt: skip
    obs = _obligations(incident)
    assert obs["US-FL-NOHARM"].status == ObligationStatus.NOT_REQUIRED
    assert obs["US-FL-IND"].status == ObligationStatus.OPEN
    assert not incident.events.filter(event="no_harm_determined_at").exists()


def test_assessment_page(client, open_case, counsel, outsider):
    incident = open_case(counsel, FLORIDA)
    client.force_login(outsider)
    assert client.get(f"/incidents/{incident.pk}/assessment/").status_code == 404
    client.force_login(counsel)
    response = client.post(
        f"/incidents/{incident.pk}/assessment/",
        {"method": "us_harm", **US_NO_HARM, "rationale": ""},
    )
    assert response.status_code == 200  # kept, with the error by the field
    assert "is required" in response.content.decode()
    assert 'value="trusted" selected' in response.content.decode()
    assert not incident.assessments.exists()
    future = client.post(
        f"/incidents/{incident.pk}/assessment/",
        {"method": "us_harm", **US_NO_HARM, "rationale": "Recipient deleted it.",
         "determined_at": "2099-01-01T10:00"},
    )  # fmt: skip
    assert "cannot be in the future" in future.content.decode()
    response = client.post(
        f"/incidents/{incident.pk}/assessment/",
        {"method": "us_harm", **US_NO_HARM, "rationale": "Recipient deleted it.",
         "determined_at": "2026-04-10T15:00"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "No reasonable likelihood of harm" in page and "Version 1" in page
    assert "Fla. Stat. 501.171(4)(c)" in page
    # Typed in the person's zone (UTC here); Florida counts its 30 days in Tallahassee's.
    assert incident.events.get(event="no_harm_determined_at").at == datetime(
        2026, 4, 10, 15, 0, tzinfo=UTC
    )
    duty = incident.obligations.get(rule_code="US-FL-NOHARM")
    assert duty.due_local == "2026-05-10T23:59:59-04:00"


def test_facts_form_leaves_the_assessed_facts_to_the_assessment(client, open_case, counsel):
    incident = open_case(counsel, FLORIDA)
    actions.record_assessment(
        incident, method="us_harm", answers=US_NO_HARM, rationale="Deleted by the recipient.",
        acting_user=counsel,
    )  # fmt: skip
    client.force_login(counsel)
    url = f"/incidents/{incident.pk}/edit/"
    page = client.get(url)
    assert "Set by the risk-of-harm assessment (version 1)" in page.content.decode()
    form, details = page.context["facts"], page.context["details"]
    data = {
        **{k: v for k, v in form.initial.items() if v not in (None, "")},
        **{k: v for k, v in details.initial.items() if v not in (None, "")},
    }
    for name in ("discovered_at", "occurred_at"):
        if data.get(name):
            data[name] = data[name].astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
    data.pop("no_harm_determined_at", None)
    # A crafted post cannot change what the assessment decided (the fields are disabled).
    data.update(times_zone="UTC", risk_of_harm="high", risk_rationale="typed over", title="Renamed")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    incident.refresh_from_db()
    assert (incident.title, incident.risk_of_harm) == ("Renamed", "none")
    assert incident.risk_rationale == "Deleted by the recipient."
    assert incident.events.filter(event="no_harm_determined_at").exists()
