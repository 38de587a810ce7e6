"""Attorney–client privilege: the label travels with the case (page, report, exports, feed,
email), and reminder emails carry only what is needed to act, never the case narrative."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from incidents import actions
from incidents.models import FeedToken
from reminders.emails import recipients_for, render_reminder
from reminders.models import Reminder
from reminders.schedule import sync_reminders
from tests.factories import IncidentFactory, ObligationFactory

pytestmark = pytest.mark.django_db

NARRATIVE = "Counsel believes the vendor was negligent"
PERSONAL = "Jane Q. Public, SSN 078-05-1120"
PRIVATE_NOTE = "Privileged strategy: delay the press release"


@pytest.fixture
def privileged_case(counsel, responder):
    case = IncidentFactory(
        owner=counsel,
        title="Project Nightjar",
        description=f"{NARRATIVE}. Affected: {PERSONAL}.",
        risk_rationale=f"High risk for {PERSONAL}",
        privileged=True,
        team=[(responder, "responder")],
    )
    actions.add_note(case, PRIVATE_NOTE, acting_user=counsel, privileged=True)
    obligation = ObligationFactory(incident=case, due_at=timezone.now() + timedelta(hours=20))
    sync_reminders([obligation])
    return case


def test_case_page_and_list_show_the_label(client, counsel, privileged_case):
    client.force_login(counsel)
    page = client.get(f"/incidents/{privileged_case.pk}/").content.decode()
    assert "Attorney–client privileged" in page
    assert page.count("badge-privileged") >= 2  # the case and its privileged note
    assert "Privileged" in client.get("/incidents/").content.decode()


def test_report_shows_the_label(client, counsel, privileged_case):
    client.force_login(counsel)
    report = client.get(f"/incidents/{privileged_case.pk}/report/").content.decode()
    assert "PRIVILEGED" in report and "CONFIDENTIAL" in report


def test_exports_carry_the_label(client, counsel, privileged_case):
    client.force_login(counsel)
    as_csv = client.get(f"/api/v1/incidents/{privileged_case.pk}/activity.csv")
    text = (b"".join(as_csv.streaming_content) if as_csv.streaming else as_csv.content).decode()
    assert "PRIVILEGED" in text.splitlines()[0].upper()
    as_json = client.get(f"/api/v1/incidents/{privileged_case.pk}/activity")
    body = json.loads(b"".join(as_json.streaming_content) if as_json.streaming else as_json.content)
    assert body["incident"]["privileged"] is True and body["incident"]["privilege_label"]


def test_calendar_feed_of_a_privileged_case_names_only_its_reference(client, privileged_case):
    token = FeedToken.objects.create(user=privileged_case.owner, incident=privileged_case)
    body = client.get(f"/feeds/{token.token}.ics")
    text = (b"".join(body.streaming_content) if body.streaming else body.content).decode()
    unfolded = text.replace("\r\n ", "")
    assert privileged_case.reference in unfolded
    assert "Project Nightjar" not in unfolded and NARRATIVE not in unfolded
    assert "rivileged" in unfolded


def _emails(case):
    obligation = case.obligations.get()
    for reminder in Reminder.objects.filter(obligation=obligation):
        for recipient in recipients_for(reminder, obligation, case):
            yield render_reminder(reminder, obligation, case, recipient, timezone.now())


def test_reminder_emails_of_a_privileged_case_hold_no_narrative_or_personal_data(
    privileged_case,
):
    messages = list(_emails(privileged_case))
    assert messages
    for message in messages:
        parts = [message.subject, message.body, message.alternatives[0][0]]
        for part in parts:
            for secret in (NARRATIVE, PERSONAL, PRIVATE_NOTE, "Project Nightjar", "078-05-1120"):
                assert secret not in part
        assert "privileged" in message.body.lower()
        assert f"/incidents/{privileged_case.pk}/" in message.body  # the link to act on


def test_no_reminder_email_ever_carries_the_narrative(counsel):
    """Even for a case that is not privileged, the email says what to do, not what happened."""
    case = IncidentFactory(owner=counsel, description=NARRATIVE, risk_rationale=PERSONAL)
    actions.add_note(case, PRIVATE_NOTE, acting_user=counsel)
    obligation = ObligationFactory(incident=case, due_at=timezone.now() + timedelta(hours=20))
    sync_reminders([obligation])
    for message in _emails(case):
        for part in (message.subject, message.body, message.alternatives[0][0]):
            assert NARRATIVE not in part and PERSONAL not in part and PRIVATE_NOTE not in part
