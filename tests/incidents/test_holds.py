"""A request to delay notices, recorded on a case: cleaned field by field, written through the
actions (timeline with before and after, audit), and read by the engine - held notices wait and
their reminders pause, the others keep running; lifted, the held ones are re-timed and their
reminders come back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from incidents import actions, holds
from incidents.choices import ActivityKind
from incidents.models import Activity, Incident
from jurisdictions.engine.facts import FactsError
from reminders.models import Reminder
from tests.factories import facts

REQUESTED = "2026-11-21T15:00:00+00:00"


@pytest.mark.parametrize(
    ("value", "field", "message"),
    [
        ("yes", "law_enforcement_hold", "must be an object"),
        ({"lifted_at": None}, "law_enforcement_hold.requested_at", "is required"),
        ({"requested_at": "2026-11-21T15:00"}, "law_enforcement_hold.requested_at", "UTC offset"),
        (
            {"requested_at": REQUESTED, "lifted_at": "2026-11-20T15:00:00Z"},
            "law_enforcement_hold.lifted_at",
            "must not be before requested_at",
        ),
        ({"requested_at": REQUESTED, "written": "yes"}, "law_enforcement_hold.written", "true or"),
        ({"requested_at": REQUESTED, "agency": "x" * 201}, "law_enforcement_hold.agency", "200"),
        ({"requested_at": REQUESTED, "by": "FBI"}, "law_enforcement_hold.by", "unknown field"),
    ],
)
def test_a_bad_hold_is_named_field_by_field(value, field, message):
    with pytest.raises(FactsError) as caught:
        holds.clean(holds.LAW_ENFORCEMENT_HOLD, value)
    assert caught.value.field == field and message in caught.value.message


def test_a_hold_is_stored_in_utc_with_its_defaults():
    value = holds.clean(
        holds.LAW_ENFORCEMENT_HOLD,
        {"requested_at": "2026-11-21T16:00:00+01:00", "agency": " FBI Houston "},
    )
    assert value == {
        "requested_at": "2026-11-21T15:00:00Z",
        "lifted_at": None,
        "written": False,
        "agency": "FBI Houston",
    }
    delay = holds.clean(holds.NATIONAL_SECURITY_DELAY, {"determined_at": REQUESTED})
    assert delay == {
        "determined_at": "2026-11-21T15:00:00Z",
        "ends_at": None,
        "notified_in_writing": True,
    }


# --- with the engine and the shipped rule book ---------------------------------------------------
DISCOVERED = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def de_and_texas():
    """1,000 German and 600 Texas residents; discovered 2026-11-20 15:00 UTC."""
    return facts(
        title="Customer database exfiltrated",
        events={"occurred_at": None, "discovered_at": "2026-11-20T15:00:00Z"},
        affected={"DE": 1000, "US-TX": 600},
    )


def obligation(incident, code):
    return incident.obligations.get(rule_code=code, stage="")


def pending_reminders(ob):
    return Reminder.objects.filter(obligation=ob, status="pending").count()


@pytest.fixture
def texas_case(counsel, open_case):
    return open_case(counsel, de_and_texas())


def test_hold_holds_texas_keeps_gdpr_and_lift_retimes(texas_case, counsel):
    gdpr_before = obligation(texas_case, "DE-GDPR-33-SA").due_at
    texas = obligation(texas_case, "US-TX-IND")
    assert texas.due_at is not None and pending_reminders(texas) > 0

    actions.record_hold(
        texas_case,
        holds.LAW_ENFORCEMENT_HOLD,
        {"requested_at": (DISCOVERED + timedelta(days=1)).isoformat(), "written": True,
         "agency": "FBI Houston"},
        acting_user=counsel,
    )  # fmt: skip
    incident = Incident.objects.unrestricted("test").get(pk=texas_case.pk)
    texas = obligation(incident, "US-TX-IND")
    gdpr = obligation(incident, "DE-GDPR-33-SA")
    assert texas.due_at is None and texas.waiting_for == "law_enforcement_hold"
    assert any("held" in line for line in texas.why)
    assert gdpr.due_at == gdpr_before  # GDPR Art 33 allows no delay
    assert pending_reminders(texas) == 0  # paused
    assert pending_reminders(gdpr) > 0  # keeps running
    assert any("DE-GDPR-33-SA" in c["rules"] for c in incident.conflicts)
    entry = Activity.objects.get(incident=incident, kind=ActivityKind.HOLD_RECORDED)
    assert entry.actor == counsel and "FBI Houston" in entry.summary
    assert entry.before == {"law_enforcement_hold": None}
    assert entry.after["law_enforcement_hold"]["written"] is True

    lifted = DISCOVERED + timedelta(days=5)
    actions.lift_hold(incident, holds.LAW_ENFORCEMENT_HOLD, lifted_at=lifted, acting_user=counsel)
    incident = Incident.objects.unrestricted("test").get(pk=texas_case.pk)
    texas = obligation(incident, "US-TX-IND")
    assert texas.waiting_for == "" and texas.clock_start_at == lifted
    lift_entry = Activity.objects.get(incident=incident, kind=ActivityKind.HOLD_LIFTED)
    assert lift_entry.before["law_enforcement_hold"]["lifted_at"] is None
    assert lift_entry.after["law_enforcement_hold"]["lifted_at"] == "2026-11-25T15:00:00Z"
    if texas.due_at is not None:  # a fixed period after the lift: reminders come back
        assert texas.due_at > lifted and pending_reminders(texas) > 0
    assert obligation(incident, "DE-GDPR-33-SA").due_at == gdpr_before


def test_no_hold_no_conflicts(texas_case):
    assert Incident.objects.unrestricted("test").get(pk=texas_case.pk).conflicts == []


def test_removing_the_hold_restores_the_deadline(texas_case, counsel):
    before = obligation(texas_case, "US-TX-IND").due_at
    actions.record_hold(
        texas_case, holds.LAW_ENFORCEMENT_HOLD,
        {"requested_at": "2026-11-21T15:00:00Z", "written": True, "agency": "FBI"},
        acting_user=counsel,
    )  # fmt: skip
    actions.record_hold(texas_case, holds.LAW_ENFORCEMENT_HOLD, None, acting_user=counsel)
    incident = Incident.objects.unrestricted("test").get(pk=texas_case.pk)
    assert incident.holds == {} and "law_enforcement_hold" not in incident.facts_dict()
    texas = obligation(incident, "US-TX-IND")
    assert texas.due_at == before and pending_reminders(texas) > 0


def test_a_hold_in_the_future_is_refused_with_nothing_changed(texas_case, counsel):
    with pytest.raises(FactsError) as caught:
        actions.record_hold(
            texas_case,
            holds.LAW_ENFORCEMENT_HOLD,
            {"requested_at": "2099-01-01T00:00:00Z", "written": True, "agency": "FBI"},
            acting_user=counsel,
        )
    assert caught.value.field == "law_enforcement_hold.requested_at"
    assert Incident.objects.unrestricted("test").get(pk=texas_case.pk).holds == {}


def test_lifting_without_a_hold_is_refused(texas_case, counsel):
    with pytest.raises(actions.ActionError):
        actions.lift_hold(
            texas_case, holds.LAW_ENFORCEMENT_HOLD, lifted_at=DISCOVERED, acting_user=counsel
        )
