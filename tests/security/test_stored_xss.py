"""Stored XSS: markup typed into any free-text field comes back escaped on every page, report,
export, email and calendar feed.

Every text a person can type about a case (title, description, rationale, systems, customers,
notes, event basis, notification details, reasons, file names, their own name) and every text a
rules administrator can type that ends up on a case (authority, counterparty, contact,
citation, timing, why) carries the payload. Then every GET-able URL of the URL table is read as
the case owner (and the auditor and an administrator for their pages): an HTML response must never
contain the payload unescaped; a non-HTML response must never claim to be HTML.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import send_mail
from django.utils import timezone
from rest_framework.authtoken.models import Token

from audit import roles
from incidents import actions
from incidents.models import ConflictDecision, FeedToken, IncidentEvent
from reminders import outbox as local_outbox
from reminders.emails import recipients_for, render_reminder
from reminders.models import Reminder
from reminders.schedule import sync_reminders
from tests.factories import IncidentFactory, NoteFactory, ObligationFactory, UserFactory
from tests.security.test_url_access import CLASSIFIED, kind_of, url_for

pytestmark = pytest.mark.django_db

MARK = "<x-xss"
PAYLOAD = "<x-xss onmouseover=alert(1)>\"'&</textarea></script><script>alert(1)</script>"
ICS_INJECTION = "\r\nBEGIN:VEVENT\r\nSUMMARY:injected"


def hostile(max_length=None):
    return PAYLOAD[:max_length] if max_length else PAYLOAD


@pytest.fixture
def poisoned(counsel, responder, settings, tmp_path):
    counsel.first_name, counsel.last_name = hostile(150), hostile(150)
    counsel.save()
    # A member's name too: the team pages show it in forms, labels and buttons.
    responder.first_name = hostile(150)
    responder.save()
    case = IncidentFactory(
        owner=counsel,
        title=hostile(200),
        description=hostile() + ICS_INJECTION,
        risk_rationale=hostile(),
        systems=[hostile()],
        customers=[hostile()],
        team=[(responder, "responder")],
    )
    obligation = ObligationFactory(
        incident=case,
        due_at=timezone.now() + timedelta(hours=30),
        authority=hostile(200),
        counterparty=hostile(200),
        contact=hostile(200),
        citation=hostile(300),
        timing_standard=hostile() + ICS_INJECTION,
        why=[hostile(), hostile()],
        reason=hostile(),
        notified_to=hostile(300),
        notified_reference=hostile(200),
    )
    NoteFactory(incident=case, text=hostile())
    IncidentEvent.objects.create(
        incident=case,
        event="aware_at",
        at=datetime(2026, 3, 27, 18, tzinfo=UTC),
        basis=hostile(),
        **({"determined_by": counsel} if hasattr(IncidentEvent, "determined_by") else {}),
    )
    actions.add_note(case, hostile(), acting_user=counsel, privileged=False)
    actions.add_attachment(
        case,
        SimpleUploadedFile("letter.pdf", b"%PDF-1.7\n%%EOF\n"),
        acting_user=counsel,
        name=hostile(150) + ".pdf",
    )
    actions.log_activity(case, "note_added", hostile(), actor=counsel, before=PAYLOAD)
    sync_reminders([obligation])
    # A hold, a conflict and counsel's decision on it (the "Conflicts and precedence" panel).
    case.holds = {
        "law_enforcement_hold": {
            "requested_at": "2026-03-28T10:00:00Z",
            "lifted_at": None,
            "written": True,
            "agency": hostile(200),
        }
    }
    case.conflicts = [
        {"kind": hostile(40), "key": hostile(100), "rules": ["GDPR-33"], "why": hostile(),
         "citation": hostile()}
    ]  # fmt: skip
    case.save(update_fields=["holds", "conflicts"])
    # An organisation profile, the case's snapshot of it and its format-2 data sets.
    from organisations.models import OrganisationProfile

    profile = OrganisationProfile.objects.create(
        name=hostile(150), affiliates=[hostile(100)], notes=hostile(), sectors=[hostile(40)]
    )
    case.organisation_snapshot = profile.snapshot()
    case.facts_format = "breachclock.facts/2"
    case.sectors = [hostile(40)]
    case.data_sets = [{"name": hostile(100), "role": "processor", "controller": hostile(100),
                       "data": ["name"], "affected": {"DE": 5}}]  # fmt: skip
    case.save(update_fields=["organisation_snapshot", "facts_format", "sectors", "data_sets"])
    ConflictDecision.objects.create(
        incident=case, key=hostile(100), conflict=case.conflicts[0], decision=hostile(),
        decided_by=counsel,
    )  # fmt: skip
    feed = FeedToken.objects.create(user=counsel, incident=case)
    Token.objects.create(user=counsel)
    # A notice draft whose text counsel typed, a letter to individuals and an outgoing hook.
    from incidents.drafting.actions import save_version, start_draft
    from incidents.drafting.models import NoticeLetter
    from webhooks.models import Webhook

    draft = start_draft(obligation, acting_user=counsel)
    save_version(draft, hostile(400), acting_user=counsel)
    letter = NoticeLetter.objects.create(incident=case, created_by=counsel)
    hook = Webhook.objects.create(
        created_by=counsel, url="https://hooks.example.com/" + hostile(60), events=[hostile(30)]
    )
    # A mail in the local outbox whose subject and text carry the payload too.
    settings.EMAIL_BACKEND = "reminders.outbox.EmlOutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "outbox")
    send_mail(hostile(60), hostile(), None, [counsel.email])
    (outbox_message,) = local_outbox.messages_for(counsel)
    return {
        "outbox_key": outbox_message.key,
        "case": case.pk,
        "reference": case.reference,
        "obligation": obligation.pk,
        "attachment": case.attachments.first().pk,
        "feed_token": feed.token,
        "insider_id": counsel.pk,
        "member_id": responder.pk,
        "rule_code": "GDPR-33",
        "uid": "MQ",
        "reset_token": "set-password",
        "hold_key": "law_enforcement_hold",
        "profile": profile.pk,
        "draft": draft.pk,
        "letter": letter.pk,
        "webhook": hook.pk,
    }


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def assert_escaped(response, where: str) -> None:
    content_type = response.get("Content-Type", "")
    body = body_of(response)
    if "html" in content_type:
        assert MARK.encode() not in body, f"{where}: unescaped markup in an HTML response"
        assert b"<script>alert(1)" not in body, f"{where}: unescaped script"
    elif content_type.startswith("text/calendar"):
        lines = body.decode().splitlines()
        assert not any(line.startswith("SUMMARY:injected") for line in lines), where
        assert sum(line == "BEGIN:VEVENT" for line in lines) == body.count(b"\r\nUID:"), where
    # Anything else (JSON, CSV) is data: fine as long as it is not served as HTML.


HTML_PAGES = [p for p in CLASSIFIED if kind_of(p[0]) not in ("admin", "public")]


@pytest.mark.parametrize("name, route, converters", HTML_PAGES, ids=[p[1] for p in HTML_PAGES])
def test_every_page_and_export_escapes_stored_text(
    client, poisoned, counsel, name, route, converters
):
    url = url_for(name, poisoned, route, converters)
    if kind_of(name) == "auditor":
        auditor = UserFactory(username="alma.auditor")
        auditor.groups.add(Group.objects.get(name=roles.AUDITOR))
        client.force_login(auditor)
    else:
        client.force_login(counsel)
    response = client.get(url)
    assert response.status_code < 500, f"{url}: {response.status_code}"
    assert_escaped(response, url)


ADMIN_PAGES = [
    "admin:incidents_incident_changelist",
    "admin:incidents_obligation_changelist",
    "admin:incidents_note_changelist",
    "admin:incidents_activity_changelist",
    "admin:incidents_attachment_changelist",
    "admin:reminders_reminder_changelist",
    "admin:audit_auditevent_changelist",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_pages_escape_stored_text(client, poisoned, name):
    from django.urls import reverse

    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert_escaped(response, name)


def test_admin_change_page_of_the_case_escapes(client, poisoned):
    from django.urls import reverse

    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:incidents_incident_change", args=[poisoned["case"]]))
    assert response.status_code == 200
    assert_escaped(response, "admin incident change page")


def test_reminder_emails_escape_stored_text(poisoned):
    from incidents.models import Incident, Obligation

    incident = Incident.objects.unrestricted("test").get(pk=poisoned["case"])
    obligation = Obligation.objects.get(pk=poisoned["obligation"])
    reminders = list(Reminder.objects.filter(obligation=obligation))
    assert reminders
    for reminder in reminders:
        for recipient in recipients_for(reminder, obligation, incident):
            message = render_reminder(reminder, obligation, incident, recipient, timezone.now())
            html = message.alternatives[0][0]
            assert MARK not in html and "<script>alert(1)" not in html
            assert "\n" not in message.subject and "\r" not in message.subject
            # The plain-text part is text: markup is harmless there, but no header injection.
            assert "BEGIN:VEVENT" not in message.body


@pytest.mark.parametrize(
    "url_name", ["incidents:detail", "incidents:report", "incidents:list", "dashboard"]
)
def test_the_payload_is_really_there_escaped(client, poisoned, counsel, url_name):
    """Guards the test above: the hostile text is on the page, shown as text."""
    from django.urls import reverse

    client.force_login(counsel)
    kwargs = (
        {"pk": poisoned["case"]}
        if url_name.startswith("incidents:") and url_name not in ("incidents:list",)
        else {}
    )
    body = client.get(reverse(url_name, kwargs=kwargs)).content
    assert b"&lt;x-xss" in body


def test_calendar_feed_carries_the_text_without_letting_it_add_events(client, poisoned):
    response = client.get(f"/feeds/{poisoned['feed_token']}.ics")
    body = body_of(response).decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "x-xss" in body  # the text is there (folded and escaped by the iCalendar rules)
    lines = body.splitlines()
    assert lines.count("BEGIN:VEVENT") == 1  # the injected one stays inside a text value
    assert not any(line.startswith("SUMMARY:injected") for line in lines)
