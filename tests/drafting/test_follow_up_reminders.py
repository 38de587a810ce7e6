"""A notice given in phases through the drafting door (GDPR Art 33(4)): recording its first part
starts reminders toward the team's target for the further information; a follow-up phase with a
new target moves them; the final phase, or reopening the obligation, ends them; the case page
lists them as the further information owed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from incidents import actions as case_actions
from incidents.choices import ActivityKind, ObligationStatus
from incidents.drafting import actions
from incidents.drafting.choices import Phase

from .conftest import obligation

pytestmark = pytest.mark.django_db

GDPR = "DE-GDPR-33-SA"


def _sent(ob, user, phase, target=None):
    draft = actions.start_draft(ob, acting_user=user)
    actions.approve(draft, acting_user=user)
    return actions.record_sent(
        draft,
        sent_at=timezone.now() - timedelta(minutes=5),
        method="portal",
        sent_to="BfDI online form",
        acting_user=user,
        phase=phase,
        follow_up_target_at=target,
    )


def _pending(ob):
    return list(ob.reminders.filter(status="pending").order_by("due_at"))


def test_the_first_part_starts_reminders_for_the_rest(three_places, counsel):
    ob = obligation(three_places, GDPR)
    notice_rows = set(ob.reminders.values_list("pk", flat=True))
    assert notice_rows
    target = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    _sent(ob, counsel, Phase.INITIAL, target)
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.NOTIFIED and ob.follow_up_target_at == target
    # The notice's own reminders ended; the further information's are written, on a new
    # deadline version, toward the target.
    assert set(ob.reminders.filter(pk__in=notice_rows).values_list("status", flat=True)) == {
        "cancelled"
    }
    rows = _pending(ob)
    assert [r.offset_minutes for r in rows] == [-4320, -1440, -240, -60, 0, 15]
    assert {(r.owed, r.deadline_at, r.deadline_version) for r in rows} == {
        ("further_information", target, ob.deadline_version)
    }
    entry = three_places.activity.filter(kind=ActivityKind.NOTICE_PHASE).get()
    assert "further information to follow, internal target" in entry.summary


def test_a_follow_up_phase_with_a_new_target_moves_them_and_the_same_target_keeps_them(
    three_places, counsel
):
    ob = obligation(three_places, GDPR)
    first = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    _sent(ob, counsel, Phase.INITIAL, first)
    ob.refresh_from_db()
    version, rows = ob.deadline_version, _pending(ob)
    # Another part, and the rest now promised for a later date.
    second = first + timedelta(days=14)
    _sent(ob, counsel, Phase.FOLLOW_UP, second)
    ob.refresh_from_db()
    assert ob.deadline_version == version + 1
    assert {r.deadline_at for r in _pending(ob)} == {second}
    assert {
        (r.status, r.closed_reason) for r in ob.reminders.filter(pk__in=[r.pk for r in rows])
    } == {("cancelled", "further information target changed")}
    # A further part with the same target: the reminders go on as they were.
    kept = {r.pk for r in _pending(ob)}
    _sent(ob, counsel, Phase.FOLLOW_UP, second.astimezone(UTC))
    ob.refresh_from_db()
    assert {r.pk for r in _pending(ob)} == kept


def test_the_final_phase_ends_them(three_places, counsel):
    ob = obligation(three_places, GDPR)
    _sent(ob, counsel, Phase.INITIAL, timezone.now() + timedelta(days=10))
    _sent(ob, counsel, Phase.FINAL)
    ob.refresh_from_db()
    assert ob.follow_up_target_at is None and ob.status == ObligationStatus.NOTIFIED
    assert _pending(ob) == []
    assert set(
        ob.reminders.filter(owed="further_information").values_list("closed_reason", flat=True)
    ) == {"further information given: final phase recorded"}


def test_reopening_ends_them_and_the_notice_is_reminded_again(three_places, counsel):
    ob = obligation(three_places, GDPR)
    _sent(ob, counsel, Phase.INITIAL, timezone.now() + timedelta(days=10))
    case_actions.reopen_obligation(ob, reason="recorded on the wrong case", acting_user=counsel)
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.OPEN and ob.follow_up_target_at is None
    assert set(
        ob.reminders.filter(owed="further_information").values_list("closed_reason", flat=True)
    ) == {"obligation reopened: the notice is owed again"}
    pending = _pending(ob)
    assert pending and {(r.owed, r.deadline_at) for r in pending} == {("notice", ob.due_at)}


def test_a_reopened_obligation_is_reminded_again(three_places, counsel):
    """Not only after phases: a notice recorded in error and reopened owes its reminders again
    (they were written once per deadline version, and closing had ended them)."""
    ob = obligation(three_places, GDPR)
    case_actions.record_notification(
        ob, sent_at=timezone.now(), method="portal", sent_to="BfDI", acting_user=counsel
    )
    assert _pending(ob) == []
    case_actions.reopen_obligation(ob, reason="sent to the wrong authority", acting_user=counsel)
    ob.refresh_from_db()
    assert {(r.owed, r.deadline_at) for r in _pending(ob)} == {("notice", ob.due_at)}


def test_the_further_information_can_be_snoozed(three_places, counsel):
    from reminders.actions import snooze_reminders

    ob = obligation(three_places, GDPR)
    target = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    _sent(ob, counsel, Phase.INITIAL, target)
    ob.refresh_from_db()
    snooze_reminders(
        ob,
        until=target - timedelta(hours=2),
        reason="authority asked us to wait",
        acting_user=counsel,
    )
    catch_up = ob.reminders.get(kind="catch_up")
    assert catch_up.owed == "further_information" and catch_up.status == "pending"


def test_the_case_page_lists_the_further_information_reminders(client, three_places, counsel):
    ob = obligation(three_places, GDPR)
    target = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
    _sent(ob, counsel, Phase.INITIAL, target)
    client.force_login(counsel)
    page = client.get(f"/incidents/{three_places.pk}/").content.decode()
    panel = page[page.index('id="reminders"') :]
    panel = panel[: panel.index("</section>")]
    assert "further information owed" in panel
    assert "Further information: before the deadline" in panel
    assert f"/incidents/{three_places.pk}/obligations/{ob.pk}/snooze/" in panel


def test_moving_the_target_reschedules_the_reminders_and_is_on_the_timeline(
    client, three_places, counsel, viewer
):
    ob = obligation(three_places, GDPR)
    first = (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
    _sent(ob, counsel, Phase.INITIAL, first)
    ob.refresh_from_db()
    old = {r.pk for r in _pending(ob)}
    url = f"/incidents/{three_places.pk}/obligations/{ob.pk}/further-information-target/"
    # The case page offers it to the team who may change the case, not to a viewer.
    client.force_login(viewer)
    assert url not in client.get(f"/incidents/{three_places.pk}/").content.decode()
    assert client.post(url, {}).status_code == 403
    client.force_login(counsel)
    assert url in client.get(f"/incidents/{three_places.pk}/").content.decode()
    later = first + timedelta(days=21)
    response = client.post(
        url,
        {
            "target_at": later.strftime("%Y-%m-%dT%H:%M"),
            "times_zone": "UTC",
            "reason": "BfDI agreed to wait for the forensic report",
        },
    )
    assert response.status_code == 302
    ob.refresh_from_db()
    assert ob.follow_up_target_at == later
    assert {r.deadline_at for r in _pending(ob)} == {later}
    assert set(ob.reminders.filter(pk__in=old).values_list("closed_reason", flat=True)) == {
        "further information target changed"
    }
    entry = three_places.activity.filter(kind=ActivityKind.TARGET_SET).get()
    assert entry.actor == counsel
    assert entry.summary.startswith("Target for the further information owed under ")
    assert "BfDI agreed to wait for the forensic report" in entry.summary
    assert entry.before["follow_up_target_at"] and entry.after["deadline_version"]


def test_the_target_moves_only_while_further_information_is_owed(three_places, counsel):
    from incidents.actions import ActionError

    ob = obligation(three_places, GDPR)
    with pytest.raises(ActionError, match="no further information is owed"):
        actions.set_follow_up_target(
            ob, target_at=timezone.now() + timedelta(days=3), reason="x", acting_user=counsel
        )
    phase = _sent(ob, counsel, Phase.INITIAL, timezone.now() + timedelta(days=10))
    with pytest.raises(ActionError, match="after the last part"):
        actions.set_follow_up_target(
            ob, target_at=phase.sent_at - timedelta(hours=1), reason="x", acting_user=counsel
        )
    with pytest.raises(ActionError, match="time zone"):
        actions.set_follow_up_target(
            ob, target_at=datetime(2030, 1, 1), reason="x", acting_user=counsel
        )
    _sent(ob, counsel, Phase.FINAL)
    with pytest.raises(ActionError, match="no further information is owed"):
        actions.set_follow_up_target(
            ob, target_at=timezone.now() + timedelta(days=3), reason="x", acting_user=counsel
        )


def test_the_upgrade_carries_over_further_information_already_owed(three_places, counsel):
    """Migration incidents 0021: an obligation whose latest phase still owes further information
    gets that phase's target and a new deadline version (manage.py sync_reminders then writes
    its rows); one whose final phase was recorded gets nothing."""
    import importlib

    from django.apps import apps

    from incidents.models import Obligation

    migration = importlib.import_module("incidents.migrations.0021_follow_up_target")
    owed, done = obligation(three_places, GDPR), obligation(three_places, "US-CA-IND")
    target = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    _sent(owed, counsel, Phase.INITIAL, target)
    _sent(done, counsel, Phase.INITIAL, target)
    _sent(done, counsel, Phase.FINAL)
    # As the rows stood before the upgrade: no target on the obligation.
    Obligation.objects.filter(pk__in=[owed.pk, done.pk]).update(follow_up_target_at=None)
    versions = dict(Obligation.objects.values_list("pk", "deadline_version"))
    migration.from_phases(apps, None)
    owed.refresh_from_db()
    done.refresh_from_db()
    assert owed.follow_up_target_at == target
    assert owed.deadline_version == versions[owed.pk] + 1
    assert done.follow_up_target_at is None and done.deadline_version == versions[done.pk]
