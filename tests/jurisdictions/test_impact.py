"""Preview and publish against real cases: which open cases move, then recompute and annotate."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from incidents.actions import add_team_member, record_notification
from incidents.models import Activity, Incident
from jurisdictions import impact, services
from jurisdictions.loader import current_rulebook
from jurisdictions.models import PublishJob, RuleVersion
from jurisdictions.tasks import recompute_after_publish
from tests.factories import facts

TEXAS = facts(
    title="Payroll export left public",
    events={"discovered_at": "2026-11-02T15:00:00-06:00", "determined_at": None},
    data=["name", "ssn"],
    affected={"US-TX": 400},
    organisation={
        "role": "controller",
        "main_establishment": None,
        "established_in": ["US"],
        "subject_to": [],
    },
)
GERMANY = facts(title="Lost laptop", affected={"DE": 40}, data=["name", "contact"])


def _draft_texas_45_days(user) -> RuleVersion:
    v1 = RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")
    draft = RuleVersion.objects.get(pk=v1.pk)
    draft.pk = draft.id = None
    draft._state.adding = True
    draft.deadline_amount = 45
    draft.timing_standard = "not later than the 45th day after determination"
    draft.effective_from = date(2026, 9, 1)
    draft.change_note = "HB 45: 30 days extended to 45"
    return services.save_draft(draft, user=user, base=v1)


def _texas_due(incident):
    return incident.obligations.get(rule_code="US-TX-AG").due_at


def test_preview_lists_only_the_cases_that_move(rulebook, rules_admin, open_case, counsel):
    texas = open_case(counsel, TEXAS)
    open_case(counsel, GERMANY)
    old_due = _texas_due(texas)
    draft = _draft_texas_45_days(rules_admin)

    impacts = list(impact.case_impacts(current_rulebook(), services.proposed_rulebook([draft])))
    assert [i.incident_id for i in impacts] == [texas.pk]
    (change,) = impacts[0].changes
    assert change.rule == "US-TX-AG" and change.change == "moved"
    assert change.old_due == old_due.isoformat().replace("+00:00", "Z")
    # 2 Nov 2026 + 45 days = 17 Dec 2026, end of day in Austin (CST, UTC-6).
    assert change.new_due == "2026-12-18T05:59:59Z"
    assert (change.old_version, change.new_version) == (1, 2)
    assert not change.needs_decision


def test_preview_shows_deadlines_in_the_readers_zone_and_in_utc(
    rulebook, rules_admin, open_case, counsel, client
):
    from accounts.models import UserProfile

    texas = open_case(counsel, TEXAS)
    # The preview names only cases the reader may see (test_impact_visibility).
    add_team_member(texas, rules_admin, "viewer", acting_user=counsel)
    draft = _draft_texas_45_days(rules_admin)
    UserProfile.objects.update_or_create(user=rules_admin, defaults={"time_zone": "Europe/Berlin"})
    client.force_login(rules_admin)
    page = client.get(
        reverse("admin:jurisdictions_ruleversion_preview", args=[draft.pk])
    ).content.decode()
    # The new deadline, 2026-12-18 05:59:59 UTC, is 06:59 in Berlin (CET).
    assert "Fri 18 Dec 2026, 06:59 CET" in page
    assert "2026-12-18 05:59 UTC" in page


def test_publish_recomputes_and_annotates_the_timeline(rulebook, rules_admin, open_case, counsel):
    texas = open_case(counsel, TEXAS)
    draft = _draft_texas_45_days(rules_admin)
    job = services.publish([draft], user=rules_admin)
    assert (job.total, job.incident_ids) == (1, [texas.pk])

    recompute_after_publish(job.pk)  # what the worker runs

    job.refresh_from_db()
    assert (job.state, job.done) == ("done", 1)
    ob = texas.obligations.get(rule_code="US-TX-AG")
    assert ob.due_at.isoformat() == "2026-12-18T05:59:59+00:00"
    assert ob.rule_version == 2
    entry = Activity.objects.filter(incident=texas, summary__contains="HB 45").last()
    assert entry is not None and entry.actor == rules_admin
    v1 = RuleVersion.objects.get(rule__code="US-TX-AG", version=1)
    assert v1.effective_to == date(2026, 8, 31)


def test_obligation_already_notified_is_flagged_for_a_person(
    rulebook, rules_admin, open_case, counsel, client
):
    texas = open_case(counsel, TEXAS)
    ob = texas.obligations.get(rule_code="US-TX-AG")
    record_notification(
        ob,
        sent_at=texas.created_at,
        method="portal",
        sent_to="Texas AG portal",
        acting_user=counsel,
    )
    add_team_member(texas, rules_admin, "viewer", acting_user=counsel)
    draft = _draft_texas_45_days(rules_admin)
    client.force_login(rules_admin)
    response = client.get(reverse("admin:jurisdictions_ruleversion_preview", args=[draft.pk]))
    page = response.content.decode()
    assert "Already notified: for a person to decide" in page
    assert texas.reference in page
    assert response.context["needs_decision"][0].incident_id == texas.pk

    # Publishing through the page queues the recompute, which keeps what was done.
    response = client.post(reverse("admin:jurisdictions_ruleversion_preview", args=[draft.pk]))
    job = PublishJob.objects.get()
    assert response["Location"] == reverse("admin:jurisdictions_publishjob_progress", args=[job.pk])
    recompute_after_publish(job.pk)
    ob.refresh_from_db()
    assert ob.status == "notified"
    status = client.get(reverse("admin:jurisdictions_publishjob_status", args=[job.pk])).json()
    assert status == {"state": "done", "state_label": "Done", "done": 1, "total": 1, "error": ""}


def test_closed_cases_with_nothing_open_are_not_touched(rulebook, rules_admin, open_case, counsel):
    texas = open_case(counsel, TEXAS)
    texas.obligations.update(status="waived")
    Incident.objects.unrestricted("test").filter(pk=texas.pk).update(status="closed")
    draft = _draft_texas_45_days(rules_admin)
    assert services.publish([draft], user=rules_admin).incident_ids == []


def test_a_closed_case_whose_deadline_still_runs_follows_the_new_rule(
    rulebook, rules_admin, open_case, counsel
):
    # Closing does not end a legal deadline: reminders still count down to it, so it must move.
    texas = open_case(counsel, TEXAS)
    Incident.objects.unrestricted("test").filter(pk=texas.pk).update(status="closed")
    draft = _draft_texas_45_days(rules_admin)
    job = services.publish([draft], user=rules_admin)
    assert job.incident_ids == [texas.pk]
    recompute_after_publish(job.pk)
    assert _texas_due(texas).isoformat() == "2026-12-18T05:59:59+00:00"
    texas.refresh_from_db()
    assert texas.status == "closed"
