"""Reminders for the further information of a notice given in phases (GDPR Art 33(4)): once the
first part is sent the obligation counts down to the team's target for the rest, with the same
lead times, overdue notice and daily repeats as a deadline, and says in every email and timeline
entry that it is the further information owed, not the notice.

Built on the models (tests/drafting/test_follow_up_reminders.py drives the same through the
drafting actions, the one door that records phases)."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from incidents.models import Obligation
from reminders.choices import ReminderOwed
from reminders.models import Reminder
from reminders.schedule import (
    needs_reminders,
    owed_of,
    reminder_deadline,
    sync_reminders,
)
from reminders.tasks import claim_due_reminders, fold_claimed, send_reminder

pytestmark = pytest.mark.django_db

DUE = datetime(2030, 5, 1, 12, 0, tzinfo=UTC)  # the notice's legal deadline
TARGET = datetime(2030, 5, 20, 12, 0, tzinfo=UTC)  # the team's target for the rest
CITATION = "Regulation (EU) 2016/679 Art 33(1),(3)-(5)"


# --- What the reminders count down to: a table, no database -------------------------------------

ROWS = [
    # (status, due_at, target_at, follow_up_target_at, superseded) -> deadline, owed, needs
    ("open", DUE, None, None, False, DUE, "notice", True),
    ("open", None, TARGET, None, False, TARGET, "notice", True),
    ("notified", DUE, None, None, False, DUE, "notice", False),
    # The first part sent: the target for the rest, whatever the legal deadline was.
    ("notified", DUE, None, TARGET, False, TARGET, "further_information", True),
    ("notified", None, None, TARGET, False, TARGET, "further_information", True),
    # The rules no longer ask for it: nothing more is owed.
    ("notified", DUE, None, TARGET, True, TARGET, "further_information", False),
    # Only a notified obligation owes further information (open: the notice itself is owed).
    ("open", DUE, None, TARGET, False, DUE, "notice", True),
    ("waived", DUE, None, TARGET, False, DUE, "notice", False),
]


@pytest.mark.parametrize(
    "status, due_at, target_at, follow_up, superseded, deadline, owed, needs", ROWS
)
def test_what_the_reminders_count_down_to(
    status, due_at, target_at, follow_up, superseded, deadline, owed, needs
):
    ob = Obligation(
        status=status,
        due_at=due_at,
        target_at=target_at,
        follow_up_target_at=follow_up,
        superseded=superseded,
    )
    assert reminder_deadline(ob) == deadline
    assert owed_of(ob) == owed
    assert needs_reminders(ob) is needs


# --- Rows ----------------------------------------------------------------------------------------


def _first_part_sent(obligation, target, *, now):
    """What drafting.actions.record_sent does for an initial phase: notified (its sync ends the
    notice's reminders), then the target for the rest on a new deadline version."""
    obligation.status = "notified"
    obligation.notified_at = now
    obligation.save()
    sync_reminders([obligation], now=now)
    obligation.follow_up_target_at = target
    obligation.deadline_version += 1
    obligation.save()
    sync_reminders([obligation], now=now)
    return obligation


def _pending(obligation):
    return {
        r.offset_minutes: r
        for r in obligation.reminders.filter(status="pending").order_by("offset_minutes")
    }


def test_the_first_part_sent_ends_the_notice_reminders_and_starts_the_rest(make_obligation):
    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE, citation=CITATION)
        notice_rows = set(ob.reminders.values_list("pk", flat=True))
        _first_part_sent(ob, TARGET, now=now)
    ended = Reminder.objects.filter(pk__in=notice_rows)
    assert set(ended.values_list("status", "closed_reason")) == {
        ("cancelled", "obligation notified")
    }
    rows = _pending(ob)
    # The reminders app's lead times, counted from the target: 72 h, 24 h, 4 h, 1 h, at it,
    # and the overdue notice 15 minutes after.
    assert sorted(rows) == [-4320, -1440, -240, -60, 0, 15]
    assert {r.owed for r in rows.values()} == {ReminderOwed.FURTHER_INFORMATION}
    assert {r.deadline_at for r in rows.values()} == {TARGET}
    assert {r.deadline_version for r in rows.values()} == {ob.deadline_version}
    assert rows[15].due_at == TARGET + timedelta(minutes=15) and rows[15].is_overdue_notice


def test_sync_is_idempotent_and_a_new_target_moves_the_reminders(make_obligation):
    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE)
        _first_part_sent(ob, TARGET, now=now)
        before = set(ob.reminders.values_list("pk", flat=True))
        sync_reminders([ob], now=now)
        assert set(ob.reminders.values_list("pk", flat=True)) == before  # nothing doubled
        old = set(_pending(ob).values())
        # A follow-up phase with a new target for the rest.
        later = TARGET + timedelta(days=7)
        ob.follow_up_target_at = later
        ob.deadline_version += 1
        ob.save()
        sync_reminders([ob], now=now)
    assert {Reminder.objects.get(pk=r.pk).closed_reason for r in old} == {
        "further information target changed"
    }
    assert {r.deadline_at for r in _pending(ob).values()} == {later}


def test_the_final_part_ends_the_reminders_with_its_reason(make_obligation):
    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE)
        _first_part_sent(ob, TARGET, now=now)
        ob.follow_up_target_at = None  # a final phase recorded
        ob.deadline_version += 1
        ob.save()
        sync_reminders([ob], now=now)
    assert not _pending(ob)
    ended = ob.reminders.filter(owed=ReminderOwed.FURTHER_INFORMATION)
    assert set(ended.values_list("status", "closed_reason")) == {
        ("cancelled", "further information given: final phase recorded")
    }


def test_an_obligation_that_no_longer_applies_owes_nothing_more(make_obligation):
    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE)
        _first_part_sent(ob, TARGET, now=now)
        ob.superseded = True
        ob.save()
        sync_reminders([ob], now=now)
    assert not _pending(ob)
    assert set(
        ob.reminders.filter(owed="further_information").values_list("closed_reason", flat=True)
    ) == {"obligation no longer applies"}


def test_a_moved_legal_deadline_does_not_restart_the_series_for_the_same_target(
    make_obligation,
):
    """A recompute moves the legal deadline of a notified obligation (a new deadline version)
    while the target for the rest stays: the unsent reminders go on under the new version, and
    no "where things stand" email repeats a moment already announced."""
    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE)
        _first_part_sent(ob, TARGET, now=now)
    rows = _pending(ob)
    later = TARGET - timedelta(hours=23)  # the 72 h and 24 h reminders were sent
    Reminder.objects.filter(pk__in=[rows[-4320].pk, rows[-1440].pk]).update(
        status="sent", sent_at=later
    )
    with time_machine.travel(later, tick=False):
        ob.due_at = DUE - timedelta(hours=6)
        ob.deadline_version += 1
        ob.save()
        sync_reminders([ob], now=later)
    after = _pending(ob)
    assert sorted(after) == [-240, -60, 0, 15]
    assert {r.pk for r in after.values()} == {rows[o].pk for o in (-240, -60, 0, 15)}
    assert {r.deadline_version for r in after.values()} == {ob.deadline_version}
    assert not ob.reminders.filter(kind="catch_up").exists()


def test_a_target_already_passed_gets_one_overdue_notice_now(make_obligation):
    now = datetime(2030, 5, 21, 9, 0, tzinfo=UTC)  # the target passed yesterday
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE)
        _first_part_sent(ob, TARGET, now=now)
    rows = _pending(ob)
    assert list(rows) == [15]
    assert rows[15].due_at == now and rows[15].kind == "overdue"


# --- Sending -------------------------------------------------------------------------------------


def _send_all():
    token, ids = claim_due_reminders()
    return [send_reminder(pk, token) for pk in fold_claimed(token, ids, timezone.now())]


def test_the_email_says_it_is_the_further_information_not_the_notice(
    make_obligation, make_incident, responder, settings
):
    settings.SITE_URL = "https://breachclock.example"
    incident = make_incident(team=[responder])
    ob = make_obligation(incident, due_at=DUE, citation=CITATION)
    sent_at = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(sent_at, tick=False):
        _first_part_sent(ob, TARGET, now=sent_at)
    with time_machine.travel(TARGET - timedelta(hours=1), tick=False):
        assert _send_all() == ["sent"]
    assert sorted(m.to[0] for m in mail.outbox) == ["counsel@example.org", "responder@example.org"]
    message = mail.outbox[0]
    assert message.subject == (
        f"[{incident.reference}] Further information (internal target): Due in 1 hour: owed to "
        "supervisory authority - GDPR Art. 33"
    )
    body = message.body
    assert body.startswith("FURTHER INFORMATION OWED - not the original notice.")
    assert f"the further information owed under {CITATION} is still to be sent" in body
    assert "The notice to Hamburg Commissioner for Data Protection is being given in phases" in body
    assert "The further information is due in 1 hour." in body
    assert "Owed to:     Hamburg Commissioner for Data Protection" in body
    assert "Target:      " in body and "Deadline:" not in body
    assert "Monday 20 May 2030, 12:00 UTC" in body
    assert "This notification deadline" not in body
    html = message.alternatives[0][0]
    assert "Further information owed &ndash; not the original notice." in html
    # The timeline names what is owed, under which provision, to whom.
    from incidents.models import Activity

    entry = Activity.objects.get(incident=incident, kind="reminder_sent")
    assert entry.summary.startswith("Before the deadline sent for EU-GDPR-SA: further information")
    assert f"owed under {CITATION} to Hamburg Commissioner for Data Protection" in entry.summary
    assert "internal target 2030-05-20 12:00 UTC" in entry.summary
    assert entry.after["owed"] == "further_information"


def test_the_target_passing_escalates_and_the_daily_series_follows(make_obligation, settings):
    settings.ESCALATION_EMAIL = "escalation@example.org"
    ob = make_obligation(due_at=DUE, citation=CITATION)
    sent_at = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(sent_at, tick=False):
        _first_part_sent(ob, TARGET, now=sent_at)
    with time_machine.travel(TARGET + timedelta(minutes=15), tick=False):
        assert _send_all() == ["sent"]
    assert sorted(m.to[0] for m in mail.outbox) == ["counsel@example.org", "escalation@example.org"]
    subject = mail.outbox[0].subject
    assert "Further information (internal target): OVERDUE by 15 minutes: owed to" in subject
    assert "OVERDUE: the target for the further information passed 15 minutes ago." in (
        mail.outbox[0].body
    )
    daily = ob.reminders.get(kind="daily_overdue", status="pending")
    assert daily.owed == ReminderOwed.FURTHER_INFORMATION
    assert daily.due_at == TARGET + timedelta(days=1, minutes=15)


def test_a_privileged_case_names_the_regime_not_the_citation(make_obligation, make_incident):
    incident = make_incident(privileged=True, title="Insider at Acme payroll, J. Doe")
    ob = make_obligation(incident, due_at=DUE, citation=CITATION)
    sent_at = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(sent_at, tick=False):
        _first_part_sent(ob, TARGET, now=sent_at)
    with time_machine.travel(TARGET - timedelta(hours=1), tick=False):
        _send_all()
    message = mail.outbox[0]
    everything = message.subject + message.body + message.alternatives[0][0]
    assert "Insider" not in everything and CITATION not in everything
    assert message.subject.startswith(f"[Privileged] [{incident.reference}] Further information")
    assert "the further information owed under GDPR Art. 33 is still to be sent" in message.body


def test_the_final_part_recorded_after_the_claim_sends_nothing(make_obligation):
    ob = make_obligation(due_at=DUE)
    sent_at = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(sent_at, tick=False):
        _first_part_sent(ob, TARGET, now=sent_at)
    with time_machine.travel(TARGET - timedelta(hours=1), tick=False):
        token, ids = claim_due_reminders()
        send = fold_claimed(token, ids, timezone.now())  # the stale 72 h, 24 h and 4 h fold
        ob.follow_up_target_at = None
        ob.deadline_version += 1
        ob.save()
        assert [send_reminder(pk, token) for pk in send] == ["cancelled"]
    assert mail.outbox == []


def test_nobody_who_may_not_read_the_case_is_emailed(make_obligation, make_incident, make_user):
    """Recipients go through the case's read door: a deactivated owner gets nothing."""
    from tests.conftest import make_person

    lead = make_person("lena", "responder", email="lena@example.org")
    incident = make_incident(team=[lead])
    incident.owner.is_active = False
    incident.owner.save(update_fields=["is_active"])
    make_obligation(incident, due_in=timedelta(minutes=59))
    assert _send_all() == ["sent"]
    assert [m.to[0] for m in mail.outbox] == ["lena@example.org"]


def test_sync_reminders_command_writes_missing_rows_once(make_obligation):
    """After an upgrade: obligations owed reminders they lack get them, and a second run writes
    nothing more."""
    from django.core.management import call_command

    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        ob = make_obligation(due_at=DUE, schedule=False)
        Obligation.objects.filter(pk=ob.pk).update(
            status="notified", follow_up_target_at=TARGET, deadline_version=2
        )
        call_command("sync_reminders", stdout=io.StringIO())
        rows = set(ob.reminders.values_list("pk", "owed", "deadline_at"))
        call_command("sync_reminders", stdout=io.StringIO())
    assert len(rows) == 6
    assert {(owed, at) for _, owed, at in rows} == {("further_information", TARGET)}
    assert set(ob.reminders.values_list("pk", "owed", "deadline_at")) == rows


def test_a_daily_notice_written_under_the_old_version_of_the_same_target_still_goes(
    make_obligation,
):
    """The overdue series wrote its next daily notice while a recompute moved the legal deadline
    of the notice already given (a new version, the same target): it is still the series' next
    step and is sent; one for a moved target is not."""
    ob = make_obligation(due_at=DUE)
    sent_at = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(sent_at, tick=False):
        _first_part_sent(ob, TARGET, now=sent_at)
    old_version = ob.deadline_version
    ob.reminders.filter(status="pending").update(status="sent", sent_at=TARGET)
    daily = Reminder.objects.create(
        obligation=ob,
        kind="daily_overdue",
        owed=ReminderOwed.FURTHER_INFORMATION,
        offset_minutes=1455,
        deadline_version=old_version,
        deadline_at=TARGET,
        due_at=TARGET + timedelta(minutes=1455),
    )
    Obligation.objects.filter(pk=ob.pk).update(
        due_at=DUE - timedelta(hours=6), deadline_version=old_version + 1
    )
    with time_machine.travel(daily.due_at, tick=False):
        assert _send_all() == ["sent"]
    # The series goes on (its next row under the version it read); once the target itself
    # moves, that row is not sent.
    nxt = ob.reminders.get(status="pending", kind="daily_overdue")
    assert nxt.deadline_version == old_version and nxt.offset_minutes == 2895
    Obligation.objects.filter(pk=ob.pk).update(follow_up_target_at=TARGET + timedelta(days=3))
    with time_machine.travel(nxt.due_at, tick=False):
        assert _send_all() == ["cancelled"]


def test_a_daily_notice_written_under_an_older_version_survives_the_next_recompute(
    make_obligation,
):
    """The daily notice the series wrote under the version its sender read (while a recompute
    carried the series over to a new one) is the series' only next step: a second recompute of
    the legal deadline, the target unchanged, carries it over too instead of ending the series.
    """
    ob = make_obligation(due_at=DUE)
    sent_at = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(sent_at, tick=False):
        _first_part_sent(ob, TARGET, now=sent_at)
    v = ob.deadline_version
    ob.reminders.filter(status="pending").update(status="sent", sent_at=TARGET)
    # First recompute: the pending daily notice was carried over to v + 1, then sent; its
    # sender, holding the row as it read it (v), wrote the next daily under v.
    Reminder.objects.create(
        obligation=ob,
        kind="daily_overdue",
        owed=ReminderOwed.FURTHER_INFORMATION,
        offset_minutes=1455,
        deadline_version=v + 1,
        deadline_at=TARGET,
        due_at=TARGET + timedelta(minutes=1455),
        status="sent",
        sent_at=TARGET + timedelta(minutes=1455),
    )
    nxt = Reminder.objects.create(
        obligation=ob,
        kind="daily_overdue",
        owed=ReminderOwed.FURTHER_INFORMATION,
        offset_minutes=2895,
        deadline_version=v,
        deadline_at=TARGET,
        due_at=TARGET + timedelta(minutes=2895),
    )
    Obligation.objects.filter(pk=ob.pk).update(deadline_version=v + 1)
    ob.refresh_from_db()
    # Second recompute: the legal deadline moves again, the target stays.
    with time_machine.travel(TARGET + timedelta(hours=30), tick=False):
        ob.due_at = DUE - timedelta(hours=12)
        ob.deadline_version += 1
        ob.save()
        sync_reminders([ob])
    nxt.refresh_from_db()
    assert (nxt.status, nxt.deadline_version) == ("pending", ob.deadline_version)


def test_the_alert_that_a_further_information_reminder_failed_says_what_it_was_about(
    make_obligation,
):
    from reminders.emails import render_delivery_failure

    ob = make_obligation(due_at=DUE)
    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        _first_part_sent(ob, TARGET, now=now)
    row = ob.reminders.filter(status="pending").first()
    message = render_delivery_failure(
        row, ob, ob.incident, {"gone@example.org": "550 no such user"}, ["counsel@example.org"]
    )
    assert "further information owed" in message.subject
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "not the notice itself" in body
        assert "Internal target:" in body and "not a legal deadline" in body
        assert "Deadline:" not in body and "Notify:" not in body


def test_sync_reminders_command_syncs_what_a_person_changed_while_it_ran(
    make_obligation, monkeypatch
):
    """The app runs while the command does: a target moved (its reminders rescheduled) after
    the command listed the obligations is synced as it now stands, and the reminders just
    written for it are not cancelled from a stale copy."""
    from django.core.management import call_command

    from reminders.management.commands import sync_reminders as command

    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        first = make_obligation(due_at=DUE)
        second = make_obligation(due_at=DUE)
        _first_part_sent(second, TARGET, now=now)
        real, calls = command.sync_reminders, []

        def sync_while_a_person_moves_the_target(batch):
            if not calls:  # the first batch: meanwhile the second obligation's target moves
                moved = Obligation.objects.get(pk=second.pk)
                moved.follow_up_target_at = TARGET + timedelta(days=7)
                moved.deadline_version += 1
                moved.save()
                real([moved])
            calls.append([o.pk for o in batch])
            real(batch)

        monkeypatch.setattr(command, "BATCH", 1)
        monkeypatch.setattr(command, "sync_reminders", sync_while_a_person_moves_the_target)
        call_command("sync_reminders", stdout=io.StringIO())
    assert {r.deadline_at for r in _pending(second).values()} == {TARGET + timedelta(days=7)}
    assert calls == [[first.pk], [second.pk]]


def test_sync_reminders_command_restarts_a_series_ended_on_the_current_version(make_obligation):
    """Repair after the upgrade: an obligation that applied again on the version whose reminders
    were all cancelled when it stopped applying (as the product once did) gets a new version
    and its reminders; one whose series simply ran is left alone."""
    from django.core.management import call_command

    now = datetime(2030, 4, 30, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        lost = make_obligation(due_at=DUE)
        lost.reminders.update(status="cancelled", closed_reason="obligation not_required")
        fine = make_obligation(due_at=DUE)
        versions = {o.pk: o.deadline_version for o in (lost, fine)}
        kept = set(fine.reminders.values_list("pk", flat=True))
        call_command("sync_reminders", stdout=io.StringIO())
    lost.refresh_from_db()
    fine.refresh_from_db()
    assert lost.deadline_version == versions[lost.pk] + 1
    assert {r.deadline_version for r in _pending(lost).values()} == {lost.deadline_version}
    assert len(_pending(lost)) == 6
    assert fine.deadline_version == versions[fine.pk]
    assert set(fine.reminders.values_list("pk", flat=True)) == kept
