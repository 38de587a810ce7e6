"""The change door with the real engine: each action writes its rows and its activity together,
and refuses bad input naming the field, having written nothing."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from incidents import actions
from incidents.actions import ActionError
from incidents.models import (
    Activity,
    AffectedPopulation,
    Incident,
    IncidentEvent,
    Obligation,
    TeamMember,
)
from jurisdictions.engine.facts import FactsError
from tests.factories import facts


def kinds(incident):
    return list(incident.activity.values_list("kind", flat=True))


def test_open_incident(open_case, counsel):
    incident = open_case(counsel, description="Script on checkout", severity="high")
    assert incident.reference.startswith("INC-20")
    assert incident.owner == counsel
    assert TeamMember.objects.get(incident=incident).role == "owner"
    assert incident.events.get(event="discovered_at").determined_by == counsel
    assert set(incident.affected.values_list("jurisdiction", flat=True)) == {"DE", "FR", "US-CA"}
    rules = set(incident.obligations.values_list("rule_code", flat=True))
    assert "US-CA-IND" in rules and any(code.startswith("DE-GDPR-33") for code in rules)
    assert kinds(incident)[0] == "opened"
    assert kinds(incident).count("obligation_added") == len(rules)


def test_references_count_up_per_year(open_case, counsel):
    first, second = open_case(counsel), open_case(counsel)
    year = datetime.now(UTC).year
    assert first.reference == f"INC-{year}-0001" and second.reference == f"INC-{year}-0002"


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        (facts(events={"discovered_at": "2026-03-27T17:00:00"}), "events.discovered_at"),
        (facts(affected={"DE": -1}), "affected.DE"),
        (facts(title=""), "title"),
        (facts(data=["name", "horoscope"]), "data.1"),
    ],
)
def test_open_with_bad_facts_writes_nothing(counsel, doc, field):
    with pytest.raises((FactsError, ActionError)) as err:
        actions.open_incident(doc, acting_user=counsel)
    assert err.value.field == field
    assert not Incident.objects.unrestricted("test").exists() and not Activity.objects.exists()


def test_every_change_names_its_user(counsel):
    with pytest.raises(ActionError) as err:
        actions.open_incident(facts(), acting_user=None)
    assert err.value.field == "acting_user"


def test_update_facts_records_before_after_and_who_determined(open_case, counsel, responder):
    incident = open_case(counsel)
    actions.add_team_member(incident, responder, "responder", acting_user=counsel)
    result = actions.update_facts(
        incident,
        {"events": {"determined_at": "2026-03-29T12:00:00+02:00"}, "risk_of_harm": "risk"},
        acting_user=responder,
        event_basis={"determined_at": "Forensic report v2"},
    )
    assert result is not None
    entry = incident.activity.get(kind="facts_changed")
    assert entry.actor == responder
    assert entry.before["risk_of_harm"] == "high" and entry.after["risk_of_harm"] == "risk"
    assert entry.after["events"]["determined_at"] == "2026-03-29T10:00:00Z"
    event = IncidentEvent.objects.get(incident=incident, event="determined_at")
    assert event.determined_by == responder and event.basis == "Forensic report v2"
    assert "events.determined_at" in entry.summary and "risk_of_harm" in entry.summary


def test_update_facts_with_no_change_is_a_no_op(open_case, counsel):
    incident = open_case(counsel)
    n = incident.activity.count()
    assert actions.update_facts(incident, {"risk_of_harm": "high"}, acting_user=counsel) is None
    assert incident.activity.count() == n


def test_clearing_an_event(open_case, counsel):
    incident = open_case(counsel, facts(events={"aware_at": "2026-03-28T09:00:00+01:00"}))
    actions.update_facts(incident, {"events": {"aware_at": None}}, acting_user=counsel)
    assert not incident.events.filter(event="aware_at").exists()


def test_bad_fact_change_writes_nothing(open_case, counsel):
    incident = open_case(counsel)
    n = incident.activity.count()
    with pytest.raises(FactsError) as err:
        actions.update_facts(incident, {"cause": "gremlins"}, acting_user=counsel)
    assert err.value.field == "cause"
    incident.refresh_from_db()
    assert incident.cause == "external_attack" and incident.activity.count() == n


def test_set_affected_recomputes(open_case, counsel):
    incident = open_case(counsel, facts(affected={"DE": 10}))
    assert not incident.obligations.filter(jurisdiction="US-CA").exists()
    actions.set_affected(incident, {"us-ca": 600}, acting_user=counsel, replace=False)
    assert dict(incident.affected.values_list("jurisdiction", "count")) == {"DE": 10, "US-CA": 600}
    assert incident.obligations.filter(rule_code="US-CA-IND", status="open").exists()
    actions.set_affected(incident, {"DE": 10}, acting_user=counsel)
    ca = incident.obligations.get(rule_code="US-CA-IND")
    assert ca.status == "not_required" and ca.reason.startswith("no longer applies: ")
    assert not AffectedPopulation.objects.filter(incident=incident, jurisdiction="US-CA").exists()


def test_set_affected_rejects_unknown_codes(open_case, counsel):
    incident = open_case(counsel)
    with pytest.raises(FactsError) as err:
        actions.set_affected(incident, {"US-ZZ": 5}, acting_user=counsel, replace=False)
    assert err.value.field == "affected.US-ZZ"


def test_notice_starts_the_dependent_clock(open_case, counsel):
    incident = open_case(counsel)
    individuals = incident.obligations.get(rule_code="US-CA-IND")
    ag = incident.obligations.get(rule_code="US-CA-AG")
    assert ag.deadline_kind == "latest_possible"
    latest = ag.due_at
    actions.record_notification(
        individuals,
        sent_at=datetime(2026, 4, 1, 16, 0, tzinfo=UTC),
        method="letter",
        sent_to="600 California customers",
        acting_user=counsel,
    )
    ag.refresh_from_db()
    assert ag.due_at < latest and ag.deadline_version == 2
    assert incident.facts_dict()["notices_sent"] == {"US-CA-IND": "2026-04-01T16:00:00Z"}
    assert incident.activity.filter(kind="deadline_moved", obligation=ag).exists()


def test_reopen_obligation(open_case, counsel):
    incident = open_case(counsel)
    ob = incident.obligations.get(rule_code="US-CA-IND")
    actions.waive(ob, reason="recorded on the wrong case", acting_user=counsel)
    with pytest.raises(ActionError):
        actions.reopen_obligation(ob, reason="", acting_user=counsel)
    actions.reopen_obligation(ob, reason="waived in error", acting_user=counsel)
    ob.refresh_from_db()
    assert ob.status == "open" and ob.reason == ""
    assert "obligation_reopened" in kinds(incident)


def test_team_changes_are_logged_and_owner_protected(case, counsel, outsider):
    actions.add_team_member(case, outsider, "viewer", acting_user=counsel)
    actions.add_team_member(case, outsider, "responder", acting_user=counsel)
    actions.remove_team_member(case, outsider, acting_user=counsel)
    assert kinds(case) == ["team_added", "team_role_changed", "team_removed"]
    with pytest.raises(ActionError):
        actions.remove_team_member(case, counsel, acting_user=counsel)
    with pytest.raises(ActionError) as err:
        actions.add_team_member(case, outsider, "chief", acting_user=counsel)
    assert err.value.field == "role"


def test_change_team_role_never_adds_anyone(case, counsel, responder, outsider):
    with pytest.raises(ActionError) as err:
        actions.change_team_role(case, outsider, "viewer", acting_user=counsel)
    assert err.value.field == "user"
    assert not case.team.filter(user=outsider).exists() and not case.activity.exists()
    with pytest.raises(ActionError) as err:
        actions.change_team_role(case, responder, "owner", acting_user=counsel)
    assert err.value.field == "role"
    actions.change_team_role(case, responder, "counsel", acting_user=counsel)
    assert case.team.get(user=responder).role == "counsel"
    assert kinds(case) == ["team_role_changed"]


def test_leave_case(case, counsel, viewer, outsider):
    actions.leave_case(case, acting_user=viewer)
    entry = case.activity.get()
    assert (entry.kind, entry.summary, entry.actor) == (
        "team_removed",
        "vera.viewer left the case",
        viewer,
    )
    assert entry.before == {"user": "vera.viewer", "role": "viewer"}
    for person, message in ((counsel, "you own this case"), (outsider, "not on this case")):
        with pytest.raises(ActionError) as err:
            actions.leave_case(case, acting_user=person)
        assert message in err.value.message
    assert case.activity.count() == 1 and case.team.filter(user=counsel).exists()


def test_transfer_ownership(case, counsel, responder):
    actions.transfer_ownership(case, responder, acting_user=counsel)
    case.refresh_from_db()
    assert case.owner == responder
    roles = dict(case.team.values_list("user__username", "role"))
    assert roles["rui.responder"] == "owner" and roles["carla.counsel"] == "lead"


def test_notes(case, counsel):
    note = actions.add_note(case, "  Privileged analysis  ", privileged=True, acting_user=counsel)
    assert note.text == "Privileged analysis" and note.privileged
    entry = case.activity.get()
    assert entry.summary == "Privileged note added" and entry.after["privileged"] is True
    with pytest.raises(ActionError) as err:
        actions.add_note(case, "   ", acting_user=counsel)
    assert err.value.field == "text"


@pytest.mark.parametrize("privileged", ["false", 1, None])
def test_a_note_is_privileged_only_by_a_boolean(case, counsel, privileged):
    with pytest.raises(ActionError) as err:
        actions.add_note(case, "Scope confirmed", privileged=privileged, acting_user=counsel)
    assert err.value.field == "privileged"
    assert not case.notes.exists() and not case.activity.exists()


def test_attachment_keeps_a_hash(case, counsel, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("../../etc/report.pdf", b"%PDF-1.7 data")
    attachment = actions.add_attachment(case, upload, acting_user=counsel, kind="report")
    assert attachment.sha256 == hashlib.sha256(b"%PDF-1.7 data").hexdigest()
    assert attachment.size == len(b"%PDF-1.7 data")
    assert ".." not in attachment.file.name and "/" not in attachment.name
    assert case.activity.get().kind == "attachment_added"
    with pytest.raises(ActionError) as err:
        actions.add_attachment(case, SimpleUploadedFile("empty.txt", b""), acting_user=counsel)
    assert err.value.field == "file"


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        (["investigating", "notifying", "closed", "reopened", "investigating"], True),
        (["closed", "investigating"], False),
        (["notifying", "triage"], False),
    ],
)
def test_status_transitions(case, counsel, path, ok):
    def walk():
        for status in path:
            actions.change_status(case, status, acting_user=counsel, reason="as planned")

    if ok:
        walk()
        case.refresh_from_db()
        assert case.status == path[-1]
    else:
        with pytest.raises(ActionError) as err:
            walk()
        assert err.value.field == "status"


def test_closing_with_open_obligations_needs_a_reason(case, counsel):
    from tests.factories import ObligationFactory

    ObligationFactory(incident=case)
    with pytest.raises(ActionError) as err:
        actions.change_status(case, "closed", acting_user=counsel)
    assert err.value.field == "reason"
    actions.change_status(case, "closed", acting_user=counsel, reason="handled by the parent")
    case.refresh_from_db()
    assert case.status == "closed" and case.closed_at is not None


def test_activity_is_append_only(case, counsel):
    entry = actions.log_activity(case, "note_added", "x", actor=counsel)
    entry.summary = "rewritten"
    with pytest.raises(ValueError, match="never edited"):
        entry.save()
    with pytest.raises(ValueError, match="never deleted"):
        entry.delete()


def test_recompute_many(open_case, counsel):
    a, b = open_case(counsel), open_case(counsel)
    totals = actions.recompute_many(reason="rule book updated")
    assert totals["cases"] == 2 and totals["changed"] == 0
    Obligation.objects.filter(incident=a, rule_code="US-CA-IND").delete()
    totals = actions.recompute_many(reason="rule book updated")
    assert totals["created"] == 1 and totals["changed"] == 1
    assert a.activity.filter(kind="obligation_added", actor=None).exists()
    assert not b.activity.filter(kind="obligations_recomputed", actor=None).exists()


@pytest.mark.parametrize(
    ("obligations_left_open", "recomputed"),
    [(True, True), (False, False)],  # a closed case's running deadline still follows the rules
)
def test_recompute_many_includes_closed_cases_only_while_a_deadline_runs(
    open_case, counsel, obligations_left_open, recomputed
):
    closed = open_case(counsel)
    if not obligations_left_open:
        closed.obligations.exclude(rule_code="US-CA-IND").update(status="waived")
    closed.obligations.filter(rule_code="US-CA-IND").delete()
    Incident.objects.unrestricted("test").filter(pk=closed.pk).update(status="closed")
    totals = actions.recompute_many(reason="rule book updated")
    assert totals["cases"] == int(recomputed)
    assert closed.obligations.filter(rule_code="US-CA-IND").exists() is recomputed
