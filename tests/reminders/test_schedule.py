"""Which reminder rows are written, and when: pure planning tables, then the rows themselves."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from reminders.choices import ReminderKind, ReminderStatus
from reminders.schedule import (
    DEFAULT_OFFSETS,
    Offsets,
    next_daily_overdue,
    parse_duration,
    parse_offsets,
    plan,
)

from .conftest import move_deadline

H = timedelta(hours=1)
D = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72h", timedelta(hours=72)),
        ("90m", timedelta(minutes=90)),
        ("2d", timedelta(days=2)),
        ("1h30m", timedelta(minutes=90)),
        (" 1d 2h ", timedelta(hours=26)),
    ],
)
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "72", "h", "3 weeks", "1h-30m", "1.5h"])
def test_parse_duration_rejects_with_a_message(text):
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_parse_offsets_sorts_and_dedupes():
    assert parse_offsets("1h, 72h, 60m, 24h") == [72 * H, 24 * H, 1 * H]
    with pytest.raises(ValueError, match="greater than zero"):
        parse_offsets("0m")


def _summary(rows):
    return [(r.kind, r.offset_minutes, r.due_at) for r in rows]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Scheduled well ahead: every moment as configured.
        (
            D - 100 * H,
            [
                ("before", -4320, D - 72 * H),
                ("before", -1440, D - 24 * H),
                ("before", -240, D - 4 * H),
                ("before", -60, D - H),
                ("at_deadline", 0, D),
                ("overdue", 15, D + timedelta(minutes=15)),
            ],
        ),
        # Scheduled 30 hours out: the 72 h moment has passed and is written once, due now
        # (its label is kept; the email says the real time left).
        (
            D - 30 * H,
            [
                ("before", -4320, D - 30 * H),
                ("before", -1440, D - 24 * H),
                ("before", -240, D - 4 * H),
                ("before", -60, D - H),
                ("at_deadline", 0, D),
                ("overdue", 15, D + timedelta(minutes=15)),
            ],
        ),
        # Minutes before the deadline: the four "before" moments collapse into one due now.
        (
            D - timedelta(minutes=5),
            [
                ("before", -60, D - timedelta(minutes=5)),
                ("at_deadline", 0, D),
                ("overdue", 15, D + timedelta(minutes=15)),
            ],
        ),
        # Already overdue when computed (facts recorded late): one overdue notice now.
        (D + 3 * H, [("overdue", 15, D + 3 * H)]),
    ],
)
def test_plan(now, expected):
    assert _summary(plan(D, now)) == expected


def test_plan_hours_are_elapsed_time_across_a_dst_change():
    # Deadline 03:30 CEST on 29 March 2026, the night Berlin moves from CET to CEST at 01:00 UTC.
    deadline = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    rows = plan(deadline, deadline - 100 * H)
    before_4h = next(r for r in rows if r.offset_minutes == -240)
    # 4 elapsed hours (21:30 UTC), not "4 wall-clock hours earlier in Berlin" (22:30 UTC).
    assert before_4h.due_at == datetime(2026, 3, 28, 21, 30, tzinfo=UTC)
    assert (deadline - before_4h.due_at) == 4 * H


def test_plan_with_a_policy_without_overdue_or_at_deadline():
    offsets = Offsets(before=(2 * H,), at_deadline=False, overdue_after=None)
    assert _summary(plan(D, D - 10 * H, offsets)) == [("before", -120, D - 2 * H)]


@pytest.mark.parametrize(
    ("sent_at", "expected_due"),
    [
        (D + timedelta(minutes=15), D + timedelta(days=1, minutes=15)),
        # Sent late: the series stays anchored on the deadline, it does not drift.
        (D + timedelta(hours=5), D + timedelta(days=1, minutes=15)),
        (D + timedelta(days=1, minutes=16), D + timedelta(days=2, minutes=15)),
        (D + timedelta(days=3, hours=2), D + timedelta(days=4, minutes=15)),
    ],
)
def test_next_daily_overdue(sent_at, expected_due):
    nxt = next_daily_overdue(D, sent_at, DEFAULT_OFFSETS)
    assert nxt.kind == ReminderKind.DAILY_OVERDUE
    assert nxt.due_at == expected_due
    assert nxt.offset_minutes == (expected_due - D) // timedelta(minutes=1)


def test_no_daily_overdue_when_the_policy_does_not_repeat():
    assert next_daily_overdue(D, D + H, Offsets(repeat_overdue_every=None)) is None


# --- rows in the database ----------------------------------------------------------------------


@pytest.mark.django_db
def test_rows_written_for_a_new_obligation_and_sync_is_idempotent(make_obligation):
    from reminders.models import Reminder
    from reminders.schedule import sync_reminders

    obligation = make_obligation(due_in=timedelta(hours=100))
    offsets = sorted(obligation.reminders.values_list("offset_minutes", flat=True))
    assert offsets == [-4320, -1440, -240, -60, 0, 15]
    assert set(obligation.reminders.values_list("status", flat=True)) == {"pending"}
    sync_reminders([obligation])
    assert Reminder.objects.filter(obligation=obligation).count() == 6


@pytest.mark.django_db
def test_moving_the_deadline_cancels_the_old_version_and_writes_the_new(make_obligation):
    obligation = make_obligation(due_in=timedelta(hours=100))
    old_due = obligation.due_at
    move_deadline(obligation, old_due + timedelta(hours=24))
    old = obligation.reminders.filter(deadline_version=1)
    new = obligation.reminders.filter(deadline_version=2)
    assert set(old.values_list("status", flat=True)) == {ReminderStatus.CANCELLED}
    assert set(old.values_list("closed_reason", flat=True)) == {"deadline moved"}
    assert new.count() == 6
    assert new.get(offset_minutes=0).due_at == old_due + timedelta(hours=24)


@pytest.mark.django_db
def test_sent_rows_of_the_old_version_are_kept(make_obligation):
    obligation = make_obligation(due_in=timedelta(hours=100))
    first = obligation.reminders.get(offset_minutes=-4320)
    obligation.reminders.filter(pk=first.pk).update(status=ReminderStatus.SENT)
    move_deadline(obligation, obligation.due_at - timedelta(hours=10))
    first.refresh_from_db()
    assert first.status == ReminderStatus.SENT


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["notified", "not_required", "waived"])
def test_closing_the_obligation_cancels_unsent_rows(make_obligation, status):
    from reminders.schedule import sync_reminders

    obligation = make_obligation(due_in=timedelta(hours=100))
    obligation.status = status
    obligation.save(update_fields=["status"])
    sync_reminders([obligation])
    assert set(obligation.reminders.values_list("status", flat=True)) == {"cancelled"}
    assert obligation.reminders.first().closed_reason == f"obligation {status}"


@pytest.mark.django_db
def test_no_rows_without_a_deadline(make_obligation):
    obligation = make_obligation(due_at=None, schedule=False)
    obligation.due_at = None
    from reminders.schedule import sync_reminders

    sync_reminders([obligation])
    assert not obligation.reminders.exists()


@pytest.mark.django_db
def test_policy_for_the_rule_beats_recipient_kind_beats_global(make_obligation):
    from reminders.models import ReminderPolicy

    ReminderPolicy.objects.create(name="global", before="48h", overdue_after="1h")
    ReminderPolicy.objects.create(name="people", recipient_kind="individuals", before="12h")
    ReminderPolicy.objects.create(name="sec", rule_code="US-SEC-8K", before="6h, 2h")
    cases = [
        ({"rule_code": "EU-GDPR-SA"}, [-2880, 0, 60]),
        ({"rule_code": "US-CA-IND", "recipient": "individuals"}, [-720, 0, 15]),
        ({"rule_code": "US-SEC-8K", "recipient": "sector_regulator"}, [-360, -120, 0, 15]),
    ]
    for fields, expected in cases:
        obligation = make_obligation(due_in=timedelta(days=5), **fields)
        got = sorted(obligation.reminders.values_list("offset_minutes", flat=True))
        assert got == expected, fields


@pytest.mark.django_db
def test_policy_validation_names_the_field():
    from django.core.exceptions import ValidationError

    from reminders.models import ReminderPolicy

    policy = ReminderPolicy(name="bad", before="72h, soon", repeat_overdue_every="10m")
    with pytest.raises(ValidationError) as err:
        policy.full_clean()
    assert set(err.value.message_dict) == {"before", "repeat_overdue_every"}


@pytest.mark.django_db
def test_snooze_holds_reminders_and_writes_one_catch_up(make_obligation, counsel):
    from django.core.exceptions import ValidationError

    from incidents.models import Activity
    from reminders.actions import snooze_reminders

    with time_machine.travel(datetime(2026, 6, 1, 9, 0, tzinfo=UTC), tick=False):
        obligation = make_obligation(due_at=datetime(2026, 6, 3, 9, 0, tzinfo=UTC))
        with pytest.raises(ValidationError) as err:
            snooze_reminders(
                obligation,
                until=datetime(2026, 6, 2, 9, 0, tzinfo=UTC),
                reason=" ",
                acting_user=counsel,
            )
        assert list(err.value.message_dict) == ["reason"]
        assert not obligation.reminder_snoozes.exists()

        until = datetime(2026, 6, 3, 7, 0, tzinfo=UTC)  # past the 24 h and 4 h reminders
        snooze_reminders(
            obligation, until=until, reason="Regulator call booked", acting_user=counsel
        )
    statuses = dict(obligation.reminders.values_list("offset_minutes", "status"))
    assert statuses[-1440] == statuses[-240] == "snoozed"
    assert statuses[-60] == statuses[0] == "pending"
    catch_up = obligation.reminders.get(kind="catch_up")
    assert catch_up.due_at == until and catch_up.status == "pending"
    entry = Activity.objects.get(incident=obligation.incident, kind="reminder_snoozed")
    assert entry.actor == counsel
    assert "Regulator call booked" in entry.summary
    assert entry.after["until"] == until.isoformat()
