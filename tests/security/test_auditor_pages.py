"""The auditor reads and exports the trail, per case and globally; nobody else can."""

import csv
import io
import json

import pytest

from audit.choices import Action
from audit.models import AuditEvent
from audit.recording import record

pytestmark = pytest.mark.django_db

PAGES = [
    "/audit/",
    "/audit/export.csv",
    "/audit/export.json",
    "/audit/cases/1/",
    "/audit/cases/1/export.csv",
    "/audit/cases/1/export.json",
]


@pytest.fixture
def trail(counsel, case):
    record(Action.CASE_VIEWED, actor=counsel, obj=case, incident=case)
    record(
        Action.CHANGE,
        actor=counsel,
        obj=case,
        incident=case,
        summary='=HYPERLINK("http://evil.example")',
        before={"title": "a"},
        after={"title": "b"},
    )
    record(Action.LOGIN, actor=counsel, obj=counsel)
    return case


def rows(response) -> str:
    """The table body only (the filter's drop-down names every action too)."""
    html = response.content.decode()
    return html[html.index("<tbody>") : html.index("</tbody>")]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("persona", ["counsel", "responder", "viewer", "privacy_officer"])
def test_other_roles_are_refused(client, request, url, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == 403


def test_auditor_reads_the_global_trail_with_filters(client, auditor, trail):
    client.force_login(auditor)
    page = client.get("/audit/")
    assert page.status_code == 200
    assert "Case viewed" in rows(page) and "Signed in" in rows(page)
    only_logins = client.get("/audit/", {"action": "login"})
    assert "Signed in" in rows(only_logins) and "Case viewed" not in rows(only_logins)
    bad = client.get("/audit/", {"since": "not a date"})
    assert bad.status_code == 200 and b"Enter a valid date" in bad.content


def test_auditor_reads_one_case(client, auditor, trail):
    client.force_login(auditor)
    page = client.get(f"/audit/cases/{trail.pk}/")
    assert page.status_code == 200
    assert "Case viewed" in rows(page) and "Signed in" not in rows(page)


def on_the_team(auditor, case):
    """Case content in the trail is for readers who may see the case (test_auditor_content)."""
    from incidents.models import TeamMember

    TeamMember.objects.create(incident=case, user=auditor, role="viewer")


def test_csv_export_is_a_download_and_neutralises_formulas(client, auditor, trail):
    on_the_team(auditor, trail)
    client.force_login(auditor)
    response = client.get(f"/audit/cases/{trail.pk}/export.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {r["action"] for r in rows} == {"case_viewed", "change"}
    change = next(r for r in rows if r["action"] == "change")
    assert change["summary"].startswith("'=")  # a spreadsheet shows it as text
    assert json.loads(change["after"]) == {"title": "b"}


def test_json_export_of_everything(client, auditor, trail):
    on_the_team(auditor, trail)
    client.force_login(auditor)
    response = client.get("/audit/export.json", {"action": "change"})
    events = json.loads(b"".join(response.streaming_content))
    assert [e["action"] for e in events] == ["change"]
    assert events[0]["before"] == {"title": "a"} and events[0]["incident_id"] == trail.pk


def test_reading_and_exporting_are_themselves_audited(client, auditor, trail):
    client.force_login(auditor)
    client.get("/audit/")
    b"".join(client.get("/audit/export.csv").streaming_content)
    mine = AuditEvent.objects.filter(actor_id=auditor.pk)
    assert mine.filter(action=Action.AUDIT_VIEWED).count() == 1
    assert mine.filter(action=Action.AUDIT_EXPORTED).count() == 1


def test_superuser_may_read(client, trail):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get("/audit/").status_code == 200
