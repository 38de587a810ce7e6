"""Every page renders for a team member, is a 404 for an outsider, and read-only for a viewer."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CASE_READ_PAGES = ["incidents:detail", "incidents:report", "incidents:case_calendar"]
CASE_EDIT_PAGES = [
    "incidents:edit",
    "incidents:affected",
    "incidents:team",
    "incidents:note",
]
OBLIGATION_EDIT_PAGES = ["incidents:notify", "incidents:decide"]


def case_urls(case, ob):
    urls = [reverse(name, args=[case.pk]) for name in CASE_READ_PAGES + CASE_EDIT_PAGES]
    urls += [reverse(name, args=[case.pk, ob.pk]) for name in OBLIGATION_EDIT_PAGES]
    return urls


@pytest.mark.parametrize(
    "name",
    ["dashboard", "incidents:list", "incidents:what_if", "incidents:calendar", "accounts:profile"],
)
def test_general_pages_render_for_a_signed_in_person(login, responder, clocks, name):
    response = login(responder).get(reverse(name))
    assert response.status_code == 200
    assert b"Sign out" in response.content


def test_every_case_page_renders_for_a_team_member(login, responder, case, clocks):
    client = login(responder)
    for url in case_urls(case, clocks["day"]):
        response = client.get(url)
        assert response.status_code == 200, url
        assert case.reference.encode() in response.content, url


def test_every_case_page_is_404_for_an_outsider(login, outsider, case, clocks):
    client = login(outsider)
    for url in case_urls(case, clocks["day"]):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert client.post(reverse("incidents:status", args=[case.pk]), {}).status_code == 404


def test_outsider_sees_nothing_of_the_case_in_lists(login, outsider, case, clocks):
    client = login(outsider)
    for name in ("dashboard", "incidents:list"):
        body = client.get(reverse(name)).content
        assert case.reference.encode() not in body
        assert b"BfDI" not in body


def test_anonymous_people_are_sent_to_sign_in(client, case, clocks):
    for url in case_urls(case, clocks["day"]) + [reverse("dashboard"), reverse("incidents:list")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_a_viewer_reads_but_cannot_change(login, viewer, case, clocks):
    client = login(viewer)
    for name in CASE_READ_PAGES:
        assert client.get(reverse(name, args=[case.pk])).status_code == 200
    for name in CASE_EDIT_PAGES:
        assert client.get(reverse(name, args=[case.pk])).status_code == 403
    for name in OBLIGATION_EDIT_PAGES:
        assert client.get(reverse(name, args=[case.pk, clocks["day"].pk])).status_code == 403
    detail = client.get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert "Record notification" not in detail
    assert "Edit facts" not in detail


def test_the_privacy_office_sees_every_case(login, privacy_officer, case, clocks):
    response = login(privacy_officer).get(reverse("incidents:detail", args=[case.pk]))
    assert response.status_code == 200


def test_dashboard_groups_deadlines_overdue_first(login, responder, case, clocks):
    body = login(responder).get(reverse("dashboard")).content.decode()
    overdue = body.index("Overdue")
    day = body.index("Due within 24 hours")
    week = body.index("Due this week")
    assert overdue < body.index("BfDI") < day < body.index("CNIL") < week
    assert week < body.index("California residents")
    # The overdue row is marked as such, and a countdown carries its UTC instant for the script.
    assert re.search(r'<tr data-live-row class="row-overdue">\s*<td><a href="[^"]+#obligation-'
                     rf'{clocks["overdue"].pk}"', body)  # fmt: skip
    assert 'class="countdown countdown-overdue" data-due="' in body
    # The notified obligation is not "due" any more.
    assert "Autoriteit Persoonsgegevens" not in body
    # Counts per status: the case is in triage.
    assert re.search(r'stat-value">1</span><span class="stat-label"><span class="badge '
                     r'badge-triage">Triage', body)  # fmt: skip


def test_case_detail_shows_the_obligations_table_and_the_clock_picture(
    login, responder, case, clocks
):
    body = login(responder).get(reverse("incidents:detail", args=[case.pk])).content.decode()
    for text in ("BfDI", "CNIL", "California Attorney General", "Autoriteit Persoonsgegevens"):
        assert text in body
    assert "How this date was computed" in body
    assert "+ 30 calendar days" in body
    assert "ref. AP-123" in body
    assert '<svg class="timeline"' in body
    assert 'class="now-line"' in body
    # Five lanes with deadlines (the deadline-less obligation has no bar).
    assert body.count('<circle class="deadline') == 5
    assert "without undue delay" in body
    # Deadline in UTC and in the viewer's zone, UTC on hover.
    assert "UTC</time>" in body
    assert re.search(r'<time datetime="[0-9T:-]+Z" title="[^"]+ UTC"', body)


def test_case_report_is_the_evidence_pack(login, responder, case, clocks):
    from incidents.actions import add_note

    case.privileged = True
    case.save(update_fields=["privileged"])
    add_note(case, "Forensics engaged at 18:00.", acting_user=responder)
    body = login(responder).get(reverse("incidents:report", args=[case.pk])).content.decode()
    assert "PRIVILEGED &amp; CONFIDENTIAL" in body
    assert "Obligations and their status" in body
    assert "Activity timeline" in body
    assert "Forensics engaged at 18:00." in body
    assert "css/print.css" in body


def test_times_are_shown_in_the_viewers_zone_with_utc_on_hover(login, responder, case, clocks):
    client = login(responder)
    response = client.post(reverse("accounts:profile"), {"time_zone": "America/New_York"})
    assert response.status_code == 302
    assert responder.profile.time_zone == "America/New_York"
    body = client.get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert "America/New_York" in body  # the header says which zone
    assert re.search(r'title="\d{4}-\d\d-\d\d \d\d:\d\d UTC" data-local="[^"]+ E[SD]T"', body)


def test_profile_refuses_an_unknown_time_zone_and_keeps_the_old_one(login, responder):
    client = login(responder)
    response = client.post(reverse("accounts:profile"), {"time_zone": "Mars/Olympus_Mons"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "Mars/Olympus_Mons" not in responder.__class__.objects.get(pk=responder.pk).__dict__


def test_login_page_and_sign_in(client, responder):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    response = client.post(
        reverse("login"),
        {"username": responder.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    wrong = client.post(reverse("login"), {"username": responder.username, "password": "nope"})
    assert wrong.status_code == 200
    assert b"errorlist" in wrong.content


def test_pages_carry_no_inline_script_style_or_handlers(login, responder, case, clocks):
    """The Content-Security-Policy forbids inline code: nothing on our pages may need it."""
    client = login(responder)
    urls = case_urls(case, clocks["day"]) + [
        reverse(name)
        for name in ("dashboard", "incidents:list", "incidents:what_if", "accounts:profile")
    ]
    for url in urls:
        body = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", body), url
        assert not re.search(r"\sstyle=", body), url
        assert not re.search(r"\son[a-z]+=", body), url
        assert "<style" not in body, url


def test_viewing_and_exporting_a_case_is_in_the_audit_trail(login, responder, case, clocks):
    from audit.models import AuditEvent

    client = login(responder)
    client.get(reverse("incidents:detail", args=[case.pk]))
    client.get(reverse("incidents:report", args=[case.pk]))
    events = AuditEvent.objects.filter(incident_id=case.pk, actor_id=responder.pk)
    assert list(events.order_by("at", "id").values_list("action", "summary")) == [
        ("case_viewed", ""),
        ("case_exported", "case report"),
    ]


def test_an_outsiders_attempt_leaves_no_view_record(login, outsider, case):
    from audit.models import AuditEvent

    login(outsider).get(reverse("incidents:detail", args=[case.pk]))
    assert not AuditEvent.objects.filter(action="case_viewed", incident_id=case.pk).exists()


def test_calendar_feed_links_are_created_and_revoked_by_their_owner(login, responder, case, clocks):
    from incidents.models import FeedToken

    client = login(responder)
    url = reverse("incidents:case_calendar", args=[case.pk])
    assert client.post(url, {"create": "1"}).status_code == 302
    token = FeedToken.objects.get(user=responder, incident=case)
    page = client.get(url).content.decode()
    assert f"/feeds/{token.token}.ics" in page
    feed = client.get(f"/feeds/{token.token}.ics")
    assert feed.status_code == 200
    assert b"BEGIN:VCALENDAR" in b"".join(getattr(feed, "streaming_content", [feed.content]))
    client.post(url, {"revoke": token.pk})
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert f"/feeds/{token.token}.ics" not in client.get(url).content.decode()
    # Another person cannot revoke it: the link is looked up among the person's own.
    other = FeedToken.objects.create(user=case.owner, incident=case)
    assert client.post(url, {"revoke": other.pk}).status_code == 404


def test_the_activity_timeline_links_to_its_exports(login, responder, case):
    body = login(responder).get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert f"/api/v1/incidents/{case.pk}/activity.csv" in body
