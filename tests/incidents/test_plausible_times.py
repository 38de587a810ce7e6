"""A real case records what has happened: ``open_incident`` and ``update_facts`` refuse events in
the future, ``record_notification`` refuses a notice earlier than the incident - each naming the
field and storing nothing. What-if (the engine alone) may still explore future times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from incidents import actions
from incidents.actions import ActionError
from incidents.models import Activity, Incident
from jurisdictions.engine.facts import FactsError
from tests.factories import facts

pytestmark = pytest.mark.django_db


def iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def in_a_day() -> str:
    return iso(datetime.now(UTC) + timedelta(days=1))


@pytest.mark.parametrize("event", ["discovered_at", "occurred_at", "ransom_paid_at"])
def test_opening_a_case_with_a_future_event_is_refused(counsel, event):
    doc = facts()
    if event == "discovered_at":
        doc["events"] = {"discovered_at": in_a_day()}
    else:
        doc["events"][event] = in_a_day()
    with pytest.raises(FactsError) as caught:
        actions.open_incident(doc, acting_user=counsel)
    assert caught.value.field == f"events.{event}"
    assert "future" in caught.value.message
    assert not Incident.objects.unrestricted("test").exists()


def test_a_moment_of_clock_skew_is_tolerated(counsel):
    doc = facts()
    doc["events"] = {"discovered_at": iso(datetime.now(UTC) + timedelta(minutes=2))}
    assert actions.open_incident(doc, acting_user=counsel).pk


def test_changing_facts_to_a_future_event_is_refused(open_case, counsel):
    incident = open_case(counsel)
    logged = Activity.objects.count()
    with pytest.raises(FactsError) as caught:
        actions.update_facts(incident, {"events": {"aware_at": in_a_day()}}, acting_user=counsel)
    assert caught.value.field == "events.aware_at"
    assert not incident.events.filter(event="aware_at").exists()
    assert Activity.objects.count() == logged


def test_awareness_before_discovery_is_refused_on_a_case(open_case, counsel):
    incident = open_case(counsel)
    discovered = incident.events.get(event="discovered_at").at
    with pytest.raises(FactsError) as caught:
        actions.update_facts(
            incident,
            {"events": {"aware_at": iso(discovered - timedelta(hours=1))}},
            acting_user=counsel,
        )
    assert caught.value.field == "events.aware_at"


def test_notice_before_the_incident_is_refused(open_case, counsel):
    incident = open_case(counsel)
    ob = incident.obligations.filter(status="open").first()
    earliest = min(e.at for e in incident.events.filter(event__in=["occurred_at", "discovered_at"]))
    for sent_at in (datetime(1990, 1, 1, tzinfo=UTC), earliest - timedelta(seconds=1)):
        with pytest.raises(ActionError) as caught:
            actions.record_notification(
                ob, sent_at=sent_at, method="portal", sent_to="DPA portal", acting_user=counsel
            )
        assert caught.value.field == "sent_at"
        assert "before the incident" in str(caught.value)
    ob.refresh_from_db()
    assert ob.status == "open" and ob.notified_at is None
    done = actions.record_notification(
        ob, sent_at=earliest, method="portal", sent_to="DPA portal", acting_user=counsel
    )
    assert done.status == "notified"
