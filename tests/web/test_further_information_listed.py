"""The further information a notice given in phases still owes (GDPR Art 33(4)) is listed where
the deadlines are: the calendar feeds (an event of its own, "Further information due: ...", at
the team's internal target) and the dashboard (a row of its own in the window of its target).
Never as the notice's legal deadline, and only through the read door."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from incidents import actions
from incidents.models import TeamMember
from tests.factories import IncidentFactory, ObligationFactory

pytestmark = pytest.mark.django_db

SENT = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
HOST = "127.0.0.1:8000"


def _owed(incident, target, **extra):
    """Notified in phases: the first part sent, the rest owed by ``target``."""
    return ObligationFactory(
        incident=incident,
        rule_code=extra.pop("rule_code", "DE-GDPR-33-SA"),
        authority="BfDI",
        status="notified",
        notified_at=SENT,
        notified_method="portal",
        notified_to="BfDI online form",
        follow_up_target_at=target,
        **extra,
    )


def _events(client, token):
    response = client.get(token.get_absolute_url())
    assert response.status_code == 200, response.content
    return {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.fixture
def target():
    return (timezone.now() + timedelta(days=3)).replace(microsecond=0)


def test_the_feeds_list_the_further_information_beside_the_deadlines(client, counsel, case, target):
    deadline = ObligationFactory(incident=case, rule_code="FR-GDPR-33-SA")
    owed = _owed(case, target, deadline_version=3)
    _owed(case, None, rule_code="US-CA-1798.82")  # notified in one go: nothing more owed
    _owed(case, target, rule_code="IE-GDPR-33-SA", superseded=True)  # no longer required
    _owed(IncidentFactory(), target, rule_code="NL-GDPR-33-SA")  # not my case
    for token in (
        actions.create_feed_token(counsel, acting_user=counsel),
        actions.create_feed_token(counsel, incident=case, acting_user=counsel),
    ):
        found = _events(client, token)
        assert sorted(found) == sorted(
            [f"obligation-{deadline.pk}@{HOST}", f"further-information-{owed.pk}@{HOST}"]
        )
        event = found[f"further-information-{owed.pk}@{HOST}"]
        assert str(event["summary"]) == (
            f"Further information due: BfDI - {case.reference} {case.title}"
        )
        assert event["dtend"].dt == target
        assert int(event["sequence"]) == 3
        description = str(event["description"])
        assert f"Further information due (UTC): {target:%Y-%m-%d %H:%M} UTC" in description
        assert "not a legal deadline" in description
        assert "Notice sent (UTC): 2026-03-27 09:00 UTC" in description
        assert "further information" in [str(c) for c in event["categories"].cats]
        # The notice's own deadline event is unchanged.
        assert str(found[f"obligation-{deadline.pk}@{HOST}"]["summary"]).startswith("Deadline:")


def test_the_feed_follows_the_read_door_and_keeps_privileged_titles_out(
    client, counsel, responder, case, target
):
    owed = _owed(case, target)
    mine = actions.create_feed_token(responder, acting_user=responder)
    assert f"further-information-{owed.pk}@{HOST}" in _events(client, mine)
    TeamMember.objects.filter(incident=case, user=responder).delete()
    assert _events(client, mine) == {}

    secret = IncidentFactory(owner=counsel, privileged=True, title="Ransomware at Dr Smith's")
    _owed(secret, target)
    token = actions.create_feed_token(counsel, incident=secret, acting_user=counsel)
    body = client.get(token.get_absolute_url()).content.decode()
    assert "Further information due: BfDI - " + secret.reference in body
    assert "Smith" not in body


@pytest.mark.parametrize(
    ("offset", "window"),
    [
        (timedelta(hours=-2), "Overdue"),
        (timedelta(hours=5), "Due within 24 hours"),
        (timedelta(days=3), "Due this week"),
        (timedelta(days=30), "Later"),
    ],
)
def test_the_dashboard_lists_it_in_the_window_of_its_target(login, counsel, case, offset, window):
    now = timezone.now()
    target = (now + offset).replace(microsecond=0)
    owed = _owed(case, target)
    ObligationFactory(incident=case, rule_code="FR-GDPR-33-SA", due_at=now + offset)
    page = login(counsel).get(reverse("dashboard")).content.decode()
    section = page[page.index(f"<h2>{window}") :]
    section = section[: section.index("</section>")]
    rows = [r for r in section.split("<tr") if "data-further-information" in r]
    assert len(rows) == 1, section
    row = html.unescape(rows[0])
    assert f"#obligation-{owed.pk}" in row and "Further information due" in row
    assert "internal target, not a legal deadline" in row
    assert ("row-overdue" in row) == (offset < timedelta(0))
    # The notice's deadline next to it is still a deadline row of its own.
    assert section.count("<tr data-live-row") == 2


def test_the_dashboard_orders_a_window_by_time_and_keeps_others_cases_out(
    login, counsel, outsider, case
):
    now = timezone.now()
    first = ObligationFactory(
        incident=case, rule_code="FR-GDPR-33-SA", due_at=now + timedelta(days=2)
    )
    owed = _owed(case, now + timedelta(days=3))
    last = ObligationFactory(
        incident=case, rule_code="IT-GDPR-33-SA", due_at=now + timedelta(days=4)
    )
    page = login(counsel).get(reverse("dashboard"))
    week = page.context["groups"]["week"]
    assert [ob.pk for ob in week] == [first.pk, owed.pk, last.pk]
    # The stat tiles still count the notices' deadlines, as the case list's filters do.
    assert page.context["totals"]["open"] == 2
    outsiders = login(outsider).get(reverse("dashboard")).content.decode()
    assert "Further information due" not in outsiders and case.reference not in outsiders
