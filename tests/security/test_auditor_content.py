"""What an auditor reads of case content (audit/README.md, "What an auditor sees").

The trail says that something happened, to which case, by whom, when, from where. The content of
a case (titles, descriptions, note text, before/after values) is shown only to a reader who may
see that case (``visible_to``): an auditor on no case reads the record without the content, on
the audit pages, in both exports and in the admin.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from incidents import actions
from tests.factories import facts

pytestmark = pytest.mark.django_db

TITLE = "Merger talks with Globex exposed"
DESCRIPTION = "Counsel's draft analysis of the Globex term sheet"
NOTE = "Privileged: outside counsel advises against notifying yet"
SECRETS = (TITLE, DESCRIPTION, NOTE)


@pytest.fixture
def privileged_case(counsel):
    case = actions.open_incident(
        facts(title=TITLE), acting_user=counsel, description=DESCRIPTION, privileged=True
    )
    actions.add_note(case, NOTE, acting_user=counsel, privileged=True)
    assert AuditEvent.objects.filter(incident_id=case.pk).exists()
    return case


def _bodies(client, case):
    urls = [
        reverse("audit:list"),
        reverse("audit:incident", args=[case.pk]),
        reverse("audit:export_csv"),
        reverse("audit:export_json"),
        reverse("audit:incident_export_csv", args=[case.pk]),
        reverse("audit:incident_export_json", args=[case.pk]),
    ]
    out = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        out[url] = body.decode()
    return out


def test_auditor_reads_that_and_who_but_not_the_content(client, auditor, counsel, privileged_case):
    client.force_login(auditor)
    for url, body in _bodies(client, privileged_case).items():
        for secret in SECRETS:
            assert secret not in body, f"{url} shows {secret!r}"
        assert counsel.username in body, url  # who
    exported = client.get(reverse("audit:incident_export_json", args=[privileged_case.pk]))
    events = json.loads(b"".join(exported.streaming_content))
    note = next(e for e in events if (e["summary"] or "").startswith("note_added"))
    assert note["incident_id"] == privileged_case.pk
    assert note["after"] == {
        "note": "(withheld)",
        "personal": "(withheld)",
        "privileged": "(withheld)",
        "text": "(withheld)",
    }
    response = client.get(reverse("audit:incident_export_csv", args=[privileged_case.pk]))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {r["action"] for r in rows if r["actor_username"] == counsel.username} >= {"change"}


def test_an_auditor_on_the_case_team_reads_its_content(client, auditor, counsel, privileged_case):
    actions.add_team_member(privileged_case, auditor, "viewer", acting_user=counsel)
    client.force_login(auditor)
    body = _bodies(client, privileged_case)[
        reverse("audit:incident_export_json", args=[privileged_case.pk])
    ]
    assert NOTE in body and TITLE in body


def test_the_admin_shows_an_auditor_no_case_content(client, auditor, privileged_case):
    auditor.is_staff = True
    auditor.save()
    client.force_login(auditor)
    changelist = client.get(reverse("admin:audit_auditevent_changelist"))
    assert changelist.status_code == 200
    searched = client.get(reverse("admin:audit_auditevent_changelist"), {"q": "Globex"})
    assert searched.context["cl"].result_count == 0  # no search oracle on withheld text
    for event in AuditEvent.objects.filter(incident_id=privileged_case.pk):
        page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
        assert page.status_code == 200
        for secret in SECRETS:
            assert secret not in page.content.decode()
