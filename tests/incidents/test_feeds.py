"""Calendar feeds: my open deadlines in UTC, by secret address, revocable, nothing privileged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from incidents import actions
from incidents.actions import ActionError
from incidents.models import TeamMember
from tests.factories import IncidentFactory, NoteFactory, ObligationFactory

DUE = datetime(2026, 3, 30, 16, 0, tzinfo=UTC)


def fetch(client, token):
    return client.get(token.get_absolute_url())


def events(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


@pytest.fixture
def obligation(case):
    return ObligationFactory(incident=case, rule_code="DE-GDPR-33-SA", due_at=DUE)


def test_user_feed_lists_my_open_deadlines_in_utc(client, counsel, case, obligation):
    ObligationFactory(incident=case, due_at=DUE, status="notified")
    ObligationFactory(incident=case, due_at=None, deadline_kind="no_fixed_deadline")
    ObligationFactory(incident=IncidentFactory(), due_at=DUE)  # not my case
    token = actions.create_feed_token(counsel, acting_user=counsel)
    found = events(fetch(client, token))
    assert list(found) == [f"obligation-{obligation.pk}@127.0.0.1:8000"]
    event = found[f"obligation-{obligation.pk}@127.0.0.1:8000"]
    assert event["dtend"].dt == DUE and event["dtend"].dt.tzinfo is not None
    assert b"DTEND:20260330T160000Z" in fetch(client, token).content
    assert case.reference in str(event["summary"])
    assert "Test supervisory authority" in str(event["summary"])
    assert str(event["url"]).endswith(case.get_absolute_url())
    assert int(event["sequence"]) == obligation.deadline_version
    assert len(event.subcomponents) == 2  # alarms 24 h and 1 h before


def test_text_is_escaped_by_the_library(client, counsel):
    case = IncidentFactory(owner=counsel, title="Breach; at shop, line\nBREAK:VEVENT")
    ObligationFactory(incident=case, due_at=DUE)
    token = actions.create_feed_token(counsel, acting_user=counsel)
    body = fetch(client, token).content.decode()
    assert "\r\nBREAK:VEVENT" not in body  # no injected line
    assert "Breach\\; at shop\\, line\\nBREAK:VEVENT" in body.replace("\r\n ", "")
    (event,) = events(fetch(client, token)).values()
    assert "Breach; at shop, line\nBREAK:VEVENT" in str(event["summary"])


def test_privileged_case_shows_no_title_description_or_notes(client, counsel):
    case = IncidentFactory(
        owner=counsel,
        privileged=True,
        title="Ransomware at Dr Smith's clinic",
        description="Counsel believes the CFO clicked the link.",
    )
    NoteFactory(incident=case, text="Privileged legal analysis", privileged=True)
    ObligationFactory(incident=case, due_at=DUE)
    token = actions.create_feed_token(counsel, incident=case, acting_user=counsel)
    body = fetch(client, token).content.decode()
    assert case.reference in body
    for secret in ("Smith", "CFO", "legal analysis"):
        assert secret not in body
    assert "Privileged" in body  # the label, not the narrative


def test_case_feed_shows_that_case_only(client, counsel, case, obligation):
    other = IncidentFactory(owner=counsel)
    ObligationFactory(incident=other, due_at=DUE)
    token = actions.create_feed_token(counsel, incident=case, acting_user=counsel)
    assert list(events(fetch(client, token))) == [f"obligation-{obligation.pk}@127.0.0.1:8000"]
    assert case.activity.filter(kind="feed_token").exists()


def test_revoked_or_unknown_token_is_404(client, counsel, obligation):
    token = actions.create_feed_token(counsel, acting_user=counsel)
    assert fetch(client, token).status_code == 200
    actions.revoke_feed_token(token, acting_user=counsel)
    assert fetch(client, token).status_code == 404
    assert client.get("/feeds/not-a-token.ics").status_code == 404


def test_feed_follows_the_read_door(client, counsel, responder, case, obligation):
    mine = actions.create_feed_token(responder, acting_user=responder)
    per_case = actions.create_feed_token(responder, incident=case, acting_user=responder)
    assert len(events(fetch(client, mine))) == 1
    TeamMember.objects.filter(incident=case, user=responder).delete()
    assert events(fetch(client, mine)) == {}
    assert fetch(client, per_case).status_code == 404


def test_inactive_user_feed_is_closed(client, counsel, obligation):
    token = actions.create_feed_token(counsel, acting_user=counsel)
    counsel.is_active = False
    counsel.save()
    assert fetch(client, token).status_code == 404


def test_only_the_owner_creates_or_revokes(counsel, outsider, case):
    with pytest.raises(ActionError):
        actions.create_feed_token(counsel, acting_user=outsider)
    with pytest.raises(ActionError) as err:
        actions.create_feed_token(outsider, incident=case, acting_user=outsider)
    assert err.value.field == "incident"
    token = actions.create_feed_token(counsel, acting_user=counsel)
    with pytest.raises(ActionError):
        actions.revoke_feed_token(token, acting_user=outsider)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_tokens_are_long_and_distinct(counsel):
    tokens = {actions.create_feed_token(counsel, acting_user=counsel).token for _ in range(20)}
    assert len(tokens) == 20 and all(len(t) >= 40 for t in tokens)
