"""An obligation that stops applying and applies again (the facts swing back) is reminded again:
its reminders were ended when it stopped, and rows are written once per deadline version, so it
comes back on a new version with a series of its own. The same for the further information of
a notice given in phases (GDPR Art 33(4)) whose obligation was superseded meanwhile."""

from datetime import timedelta

import pytest
from django.utils import timezone

from incidents import actions
from incidents.models import Obligation
from reminders.schedule import sync_reminders
from tests.incidents.test_recompute import evaluation, ob, recompute

pytestmark = pytest.mark.django_db


def _pending(row):
    return list(row.reminders.filter(status="pending"))


def _due():
    due = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    return due, due.isoformat().replace("+00:00", "Z")


def test_a_notice_that_applies_again_is_reminded_again(case):
    due, iso = _due()
    recompute(case, ob("GDPR-34-DE", due=iso))
    row = Obligation.objects.get(incident=case)
    version = row.deadline_version
    recompute(case)  # the facts no longer call for it: not required, reminders ended
    row.refresh_from_db()
    assert row.status == "not_required" and not _pending(row)
    recompute(case, ob("GDPR-34-DE", due=iso))  # the facts swing back
    row.refresh_from_db()
    assert row.status == "open" and row.deadline_version == version + 1
    rows = _pending(row)
    assert rows and {(r.owed, r.deadline_at, r.deadline_version) for r in rows} == {
        ("notice", due, row.deadline_version)
    }


def test_further_information_owed_again_after_a_supersede_is_reminded_again(
    case, counsel, monkeypatch
):
    due, iso = _due()
    monkeypatch.setattr(
        actions.hooks, "evaluate", lambda facts: evaluation(ob("GDPR-33-DE", due=iso))
    )
    recompute(case, ob("GDPR-33-DE", due=iso))
    row = Obligation.objects.get(incident=case)
    actions.record_notification(
        row, sent_at=timezone.now(), method="portal", sent_to="LfDI portal", acting_user=counsel
    )
    row.refresh_from_db()
    # The first part of a phased notice: what drafting.actions.record_sent leaves.
    target = due + timedelta(days=10)
    row.follow_up_target_at = target
    row.deadline_version += 1
    row.save()
    sync_reminders([row])
    assert _pending(row)
    recompute(case, not_applicable=[{"rule": "GDPR-33-DE", "why": "no EU residents"}])
    row.refresh_from_db()
    assert row.superseded and not _pending(row)
    recompute(case, ob("GDPR-33-DE", due=iso))
    row.refresh_from_db()
    assert not row.superseded
    rows = _pending(row)
    assert sorted(r.offset_minutes for r in rows) == [-4320, -1440, -240, -60, 0, 15]
    assert {(r.owed, r.deadline_at, r.deadline_version) for r in rows} == {
        ("further_information", target, row.deadline_version)
    }
