"""The schedule follows the case through incidents.actions (the one door): opening a case writes
reminder rows in the same transaction; a changed fact moves them; a notification ends them."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from incidents import actions
from tests.factories import facts

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _gdpr(incident):
    return incident.obligations.get(rule_code__endswith="GDPR-33-SA")  # not the Art 33(5) record


@time_machine.travel(NOW, tick=False)
def test_opening_a_case_schedules_and_notifying_cancels(counsel):
    aware = NOW - timedelta(hours=70)  # the GDPR 72 hours end two hours from now
    incident = actions.open_incident(
        facts(events={"discovered_at": aware.isoformat(), "aware_at": aware.isoformat()}),
        acting_user=counsel,
    )
    gdpr = _gdpr(incident)
    assert gdpr.due_at == aware + timedelta(hours=72)
    rows = {r.offset_minutes: r for r in gdpr.reminders.all()}
    # 72 h / 24 h / 4 h have passed: one "where things stand" reminder now, then 1 h, 0, +15 m.
    assert sorted(rows) == [-240, -60, 0, 15]
    assert rows[-240].due_at == NOW
    assert {r.status for r in rows.values()} == {"pending"}

    actions.record_notification(
        gdpr,
        sent_at=NOW,
        method="portal",
        sent_to="Hamburg DPA online form",
        acting_user=counsel,
    )
    assert set(gdpr.reminders.values_list("status", flat=True)) == {"cancelled"}


@time_machine.travel(NOW, tick=False)
def test_a_changed_awareness_time_moves_the_reminders(counsel):
    aware = NOW - timedelta(hours=10)
    incident = actions.open_incident(
        facts(events={"discovered_at": aware.isoformat(), "aware_at": aware.isoformat()}),
        acting_user=counsel,
    )
    gdpr = _gdpr(incident)
    assert gdpr.reminders.filter(deadline_version=gdpr.deadline_version).count() == 6
    earlier = aware - timedelta(hours=30)
    actions.update_facts(
        incident,
        facts(events={"discovered_at": earlier.isoformat(), "aware_at": earlier.isoformat()}),
        acting_user=counsel,
    )
    gdpr.refresh_from_db()
    assert gdpr.due_at == earlier + timedelta(hours=72)
    old = gdpr.reminders.exclude(deadline_version=gdpr.deadline_version)
    assert set(old.values_list("status", flat=True)) == {"cancelled"}
    new = gdpr.reminders.filter(deadline_version=gdpr.deadline_version)
    assert new.get(offset_minutes=0).due_at == gdpr.due_at
