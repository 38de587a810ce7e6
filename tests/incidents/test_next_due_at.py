"""``Incident.next_due_at`` (the earliest open deadline, kept on the case for the case list)
stays equal to what the obligations say through every way they change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import Min, Q

from incidents import actions
from incidents.models import Incident, Obligation
from incidents.queries import CaseFilters
from tests.factories import IncidentFactory, ObligationFactory
from tests.incidents.test_recompute import ob, recompute

EARLY = datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
LATE = datetime(2026, 3, 30, 16, 0, tzinfo=UTC)


def stored(case) -> datetime | None:
    return (
        Incident.objects.unrestricted("test").values_list("next_due_at", flat=True).get(pk=case.pk)
    )


def live(case) -> datetime | None:
    """The earliest open deadline worked out from the obligations themselves."""
    return Obligation.objects.filter(incident=case).aggregate(
        d=Min("due_at", filter=Q(status="open", superseded=False))
    )["d"]


def test_recompute_sets_moves_and_clears_it(case, counsel):
    assert stored(case) is None
    recompute(case, ob("GDPR-33-DE", due="2026-03-30T16:00:00Z"), ob("US-CA-IND", due=None))
    assert stored(case) == LATE == live(case)
    recompute(case, ob("GDPR-33-DE", due="2026-03-29T09:00:00Z"), ob("US-CA-IND", due=None))
    assert stored(case) == EARLY == live(case)  # the deadline moved earlier
    recompute(case, ob("US-CA-IND", due=None), not_applicable=[{"rule": "GDPR-33-DE"}])
    assert stored(case) is None and live(case) is None  # no open deadline left


def test_decisions_on_obligations_move_it(case, counsel):
    recompute(
        case, ob("GDPR-33-DE", due="2026-03-29T09:00:00Z"), ob("FR-33", due="2026-03-30T16:00:00Z")
    )
    first = Obligation.objects.get(incident=case, rule_code="GDPR-33-DE")
    assert stored(case) == EARLY

    actions.waive(first, reason="handled by the processor", acting_user=counsel)
    assert stored(case) == LATE == live(case)  # the next open one

    actions.reopen_obligation(first, reason="waived in error", acting_user=counsel)
    # Reopening recomputes with the real engine, which may close these made-up rules: whatever
    # it leaves open, the stored value follows.
    assert stored(case) == live(case)


def test_recording_the_notice_moves_it(case, counsel):
    recompute(
        case, ob("GDPR-33-DE", due="2026-03-29T09:00:00Z"), ob("FR-33", due="2026-03-30T16:00:00Z")
    )
    first = Obligation.objects.get(incident=case, rule_code="GDPR-33-DE")
    sent = datetime.now(UTC) - timedelta(hours=1)
    try:
        actions.record_notification(
            first, sent_at=sent, method="email", sent_to="dpa@example.org", acting_user=counsel
        )
    except actions.ActionError as error:  # pragma: no cover - the method names are the model's
        pytest.fail(str(error))
    assert stored(case) == live(case)
    assert stored(case) != EARLY


def test_plain_saves_and_deletes_keep_it(db):
    case = IncidentFactory()
    a = ObligationFactory(incident=case, due_at=LATE)
    assert stored(case) == LATE
    b = ObligationFactory(incident=case, due_at=EARLY)
    assert stored(case) == EARLY
    b.superseded = True
    b.save(update_fields=["superseded"])
    assert stored(case) == LATE
    b.superseded = False
    b.save()
    b.delete()
    assert stored(case) == LATE
    a.due_at = None
    a.save()
    assert stored(case) is None


def test_refresh_repairs_after_bulk_writes(db):
    case = IncidentFactory()
    Obligation.objects.bulk_create([ObligationFactory.build(incident=case, due_at=EARLY)])
    assert stored(case) is None  # bulk_create bypasses save()
    Incident.objects.unrestricted("test").filter(pk=case.pk).refresh_next_due()
    assert stored(case) == EARLY


def test_due_within_and_sort_agree_with_the_obligations(counsel):
    now = datetime.now(UTC)
    soon, later, none = (IncidentFactory(owner=counsel) for _ in range(3))
    ObligationFactory(incident=soon, due_at=now + timedelta(hours=5))
    ObligationFactory(incident=soon, due_at=now + timedelta(days=40))
    ObligationFactory(incident=later, due_at=now + timedelta(days=3))
    ObligationFactory(incident=later, due_at=now - timedelta(days=1), status="waived")
    ObligationFactory(incident=none, due_at=None)
    qs = Incident.objects.visible_to(counsel)

    def ids(**filters):
        return list(CaseFilters(**filters).apply(qs).values_list("pk", flat=True))

    assert ids(due_within=timedelta(hours=24)) == [soon.pk]  # the waived overdue one is not open
    assert set(ids(due_within=timedelta(days=7))) == {soon.pk, later.pk}
    assert ids(sort="next_due") == [soon.pk, later.pk, none.pk]
    assert ids(sort="-next_due") == [later.pk, soon.pk, none.pk]  # no deadline stays last
