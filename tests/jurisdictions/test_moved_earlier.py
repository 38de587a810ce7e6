"""A published rule change that moves a deadline EARLIER tells the case team by email, in each
reader's zone, and the timeline names the old and the new deadline. Later is not news; the same
change recomputed again tells nobody twice."""

from __future__ import annotations

from datetime import date

from accounts.models import UserProfile
from incidents.actions import add_team_member
from incidents.models import Activity
from jurisdictions import services
from jurisdictions.models import RuleVersion
from jurisdictions.tasks import recompute_after_publish
from tests.jurisdictions.test_impact import TEXAS


def _texas_draft(user, days: int, note: str) -> RuleVersion:
    v1 = RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")
    draft = RuleVersion.objects.get(pk=v1.pk)
    draft.pk = draft.id = None
    draft._state.adding = True
    draft.deadline_amount = days
    draft.timing_standard = f"not later than the {days}th day after determination"
    draft.effective_from = date(2026, 9, 1)
    draft.change_note = note
    return services.save_draft(draft, user=user, base=v1)


def _publish(draft, user, capture):
    job = services.publish([draft], user=user)
    with capture(execute=True):
        recompute_after_publish(job.pk)  # what the worker runs
    return job


def test_a_deadline_moved_earlier_emails_the_team_in_their_zones(
    rulebook,
    rules_admin,
    open_case,
    counsel,
    responder,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    texas = open_case(counsel, TEXAS)
    add_team_member(texas, responder, "responder", acting_user=counsel)
    UserProfile.objects.update_or_create(user=responder, defaults={"time_zone": "Asia/Tokyo"})
    old_due = texas.obligations.get(rule_code="US-TX-AG").due_at
    mailoutbox.clear()

    _publish(
        _texas_draft(rules_admin, 10, "SB 10: 10 days"),
        rules_admin,
        django_capture_on_commit_callbacks,
    )

    new_due = texas.obligations.get(rule_code="US-TX-AG").due_at
    assert new_due < old_due
    by_reader = {m.to[0]: m for m in mailoutbox}
    assert set(by_reader) == {counsel.email, responder.email}
    mail = by_reader[responder.email]
    assert mail.subject.startswith(f"{texas.reference}: a notification deadline moved earlier")
    assert "EARLIER" in mail.body
    # Both dates, in the reader's zone (Tokyo) and in UTC.
    assert new_due.strftime("%Y-%m-%d %H:%M UTC") in mail.body
    assert old_due.strftime("%Y-%m-%d %H:%M UTC") in mail.body
    assert "[Asia/Tokyo]" in mail.body and "JST" in mail.body
    assert "SB 10" in mail.body
    html = mail.alternatives[0][0]
    assert "Now due" in html and "JST" in html

    entry = Activity.objects.filter(incident=texas, summary__startswith="Deadline moved earlier")
    (entry,) = entry
    iso = lambda d: d.isoformat().replace("+00:00", "Z")  # noqa: E731
    assert f"from {iso(old_due)} to {iso(new_due)}" in entry.summary
    assert "case team told by email" in entry.summary and responder.email in entry.summary
    assert entry.actor == rules_admin


def test_a_deadline_moved_later_is_on_the_timeline_without_an_email(
    rulebook, rules_admin, open_case, counsel, mailoutbox, django_capture_on_commit_callbacks
):
    texas = open_case(counsel, TEXAS)
    mailoutbox.clear()
    _publish(
        _texas_draft(rules_admin, 45, "HB 45: 45 days"),
        rules_admin,
        django_capture_on_commit_callbacks,
    )
    assert mailoutbox == []
    assert Activity.objects.filter(incident=texas, kind="deadline_moved").count() == 1
    assert not Activity.objects.filter(summary__startswith="Deadline moved earlier").exists()


def test_a_redelivered_publish_tells_nobody_twice(
    rulebook, rules_admin, open_case, counsel, mailoutbox, django_capture_on_commit_callbacks
):
    open_case(counsel, TEXAS)
    mailoutbox.clear()
    job = _publish(
        _texas_draft(rules_admin, 10, "SB 10"), rules_admin, django_capture_on_commit_callbacks
    )
    assert len(mailoutbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        recompute_after_publish(job.pk)  # the broker delivers the task again
    assert len(mailoutbox) == 1


def test_a_privileged_case_gets_the_minimal_email(
    rulebook, rules_admin, open_case, counsel, mailoutbox, django_capture_on_commit_callbacks
):
    texas = open_case(counsel, TEXAS)
    texas.privileged = True
    texas.save(update_fields=["privileged"])
    mailoutbox.clear()
    _publish(
        _texas_draft(rules_admin, 10, "SB 10: 10 days"),
        rules_admin,
        django_capture_on_commit_callbacks,
    )
    (mail,) = mailoutbox
    assert mail.subject == f"{texas.reference}: a notification deadline moved earlier"
    assert TEXAS["title"] not in mail.body and "SB 10" not in mail.body
    assert "privileged" in mail.body
