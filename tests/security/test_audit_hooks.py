"""Every change made through incidents.actions lands in the audit trail, in its transaction."""

import pytest
from django.db import transaction

from audit.choices import Action
from audit.models import AuditEvent
from incidents import actions

pytestmark = pytest.mark.django_db


def test_a_change_is_audited_with_who_before_and_after(case, counsel):
    actions.update_details(case, acting_user=counsel, title="Skimmer: scope confirmed")
    event = AuditEvent.objects.filter(incident_id=case.pk, action=Action.CHANGE).latest("id")
    assert event.actor_id == counsel.pk
    assert "Skimmer: scope confirmed" in str(event.after)
    assert "Web skimmer on checkout" in str(event.before)


def test_team_changes_are_audited_as_team_changes(case, counsel, outsider):
    actions.add_team_member(case, outsider, "responder", acting_user=counsel)
    actions.remove_team_member(case, outsider, acting_user=counsel)
    assert AuditEvent.objects.filter(incident_id=case.pk, action=Action.TEAM_CHANGED).count() == 2


def test_a_change_that_rolls_back_leaves_no_audit_record(case, counsel):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.update_details(case, acting_user=counsel, title="Never committed")
        raise RuntimeError("the surrounding work failed")
    assert AuditEvent.objects.count() == before


def test_a_reminder_sent_is_in_the_audit_trail(counsel, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    from reminders.schedule import sync_reminders
    from reminders.tasks import claim_due_reminders, fold_claimed, send_reminders
    from tests.factories import IncidentFactory, ObligationFactory

    case = IncidentFactory(owner=counsel)
    obligation = ObligationFactory(incident=case, due_at=timezone.now() + timedelta(minutes=30))
    sync_reminders([obligation])
    now = timezone.now()
    token, ids = claim_due_reminders(now=now)
    ids = fold_claimed(token, ids, now)
    assert ids
    send_reminders(ids, token)
    assert mailoutbox
    sent = AuditEvent.objects.filter(incident_id=case.pk, action=Action.REMINDER_SENT)
    assert sent.exists()
    assert sent.first().actor_id is None  # the system sent it


def test_a_rule_book_change_is_in_the_audit_trail(counsel):
    from jurisdictions.models import Jurisdiction, RuleChange

    jurisdiction = Jurisdiction.objects.order_by("pk").first()
    RuleChange.objects.create(
        user=counsel,
        action=RuleChange.Action.CLOSURE,
        jurisdiction=jurisdiction,
        summary="Closure day added: 2026-12-24",
        before=None,
        after={"day": "2026-12-24"},
    )
    event = AuditEvent.objects.get(action=Action.RULE_CHANGED)
    assert event.actor_id == counsel.pk and "2026-12-24" in event.summary
    assert event.after == {"day": "2026-12-24"}
    assert event.object_type == "jurisdictions.jurisdiction"
