"""Conflicts between rules on a case: stored at each recompute, logged when they appear or go,
decided on by counsel (a decision survives recomputes and stays, marked no longer current, when
the conflict goes)."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from incidents import actions
from incidents.choices import ActivityKind
from incidents.conflicts import conflict_rows, decisions_export
from incidents.models import Activity, ConflictDecision, Incident
from jurisdictions.services import evaluate_facts
from tests.factories import facts

GDPR_KEEPS_RUNNING = {
    "kind": "hold_not_allowed",
    "rules": ["EU-GDPR-33-SA"],
    "why": "A law-enforcement hold was requested, but GDPR Art 33 allows no delay: the 72-hour "
    "deadline still runs.",
    "citation": "GDPR Art 33(1)",
    "key": "hold_not_allowed:EU-GDPR-33-SA",
}


def recompute_with(incident, conflicts, reason="rule book changed"):
    """Recompute with the real engine's answer plus ``conflicts``."""
    evaluation = evaluate_facts(
        Incident.objects.unrestricted("test").get(pk=incident.pk).facts_dict()
    ).to_dict()
    evaluation["conflicts"] = conflicts
    return actions.recompute_obligations(incident, reason=reason, evaluation=evaluation)


@pytest.fixture
def opened(counsel, open_case):
    return open_case(counsel, facts())


def test_a_recompute_stores_the_conflicts_and_logs_each_new_one(opened):
    recompute_with(opened, [GDPR_KEEPS_RUNNING])
    stored = Incident.objects.unrestricted("test").get(pk=opened.pk).conflicts
    assert stored == [GDPR_KEEPS_RUNNING]
    found = Activity.objects.filter(incident=opened, kind=ActivityKind.CONFLICT_FOUND).get()
    assert "EU-GDPR-33-SA" in found.summary and found.after["key"] == GDPR_KEEPS_RUNNING["key"]
    recompute_with(opened, [GDPR_KEEPS_RUNNING])  # unchanged: no second entry
    assert Activity.objects.filter(incident=opened, kind=ActivityKind.CONFLICT_FOUND).count() == 1


def test_a_conflict_without_a_key_gets_one_from_its_kind_and_rules(opened):
    recompute_with(opened, [{"kind": "displacement", "rules": ["B-2", "A-1"], "why": "lex"}])
    assert (
        Incident.objects.unrestricted("test").get(pk=opened.pk).conflicts[0]["key"]
        == "displacement:A-1+B-2"
    )


def test_decision_is_attributed_logged_and_audited(opened, counsel):
    recompute_with(opened, [GDPR_KEEPS_RUNNING])
    row = actions.decide_conflict(
        opened,
        GDPR_KEEPS_RUNNING["key"],
        decision="Notify the BfDI within 72 hours; tell the FBI we must.",
        acting_user=counsel,
    )
    assert row.decided_by == counsel and row.conflict["rules"] == ["EU-GDPR-33-SA"]
    entry = Activity.objects.get(incident=opened, kind=ActivityKind.CONFLICT_DECIDED)
    assert entry.actor == counsel and entry.before is None
    assert entry.after["decision"].startswith("Notify the BfDI")
    assert AuditEvent.objects.filter(summary__contains="Notify the BfDI").exists()

    actions.decide_conflict(
        opened, GDPR_KEEPS_RUNNING["key"], decision="Revised: notify now.", acting_user=counsel
    )
    second = Activity.objects.filter(incident=opened, kind=ActivityKind.CONFLICT_DECIDED).last()
    assert second.before == {"decision": "Notify the BfDI within 72 hours; tell the FBI we must."}
    [current] = [
        r
        for r in conflict_rows(Incident.objects.unrestricted("test").get(pk=opened.pk))
        if r.current
    ]
    assert current.decision.decision == "Revised: notify now." and len(current.earlier) == 1


@pytest.mark.parametrize(
    ("key", "decision", "field"),
    [
        ("hold_not_allowed:EU-GDPR-33-SA", "   ", "decision"),
        ("displacement:NOT-THERE", "ok", "key"),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_written(opened, counsel, key, decision, field):
    recompute_with(opened, [GDPR_KEEPS_RUNNING])
    with pytest.raises(actions.ActionError) as caught:
        actions.decide_conflict(opened, key, decision=decision, acting_user=counsel)
    assert caught.value.field == field
    assert not ConflictDecision.objects.exists()


def test_a_decision_survives_recomputes_and_stays_when_the_conflict_goes(opened, counsel):
    recompute_with(opened, [GDPR_KEEPS_RUNNING])
    actions.decide_conflict(
        opened, GDPR_KEEPS_RUNNING["key"], decision="Notify anyway.", acting_user=counsel
    )
    recompute_with(opened, [GDPR_KEEPS_RUNNING], reason="again")
    [row] = conflict_rows(Incident.objects.unrestricted("test").get(pk=opened.pk))
    assert row.current and row.decision.decision == "Notify anyway."

    recompute_with(opened, [], reason="hold withdrawn")
    incident = Incident.objects.unrestricted("test").get(pk=opened.pk)
    assert incident.conflicts == []
    gone = Activity.objects.get(incident=opened, kind=ActivityKind.CONFLICT_GONE)
    assert "hold withdrawn" in gone.summary and gone.before["key"] == GDPR_KEEPS_RUNNING["key"]
    [row] = conflict_rows(incident)
    assert not row.current and row.decision.decision == "Notify anyway."
    [exported] = decisions_export(incident)
    assert exported["current"] is False and exported["decided_by"] == counsel.username
    with pytest.raises(actions.ActionError):  # no decision on a conflict that is gone
        actions.decide_conflict(
            incident, GDPR_KEEPS_RUNNING["key"], decision="x", acting_user=counsel
        )


def test_bulk_recompute_stores_new_conflicts_too(opened, monkeypatch):
    """recompute_many skips cases whose obligations would not change; a new conflict alone still
    reaches the case (with its timeline entry)."""
    from incidents.actions import hooks

    real = hooks.evaluate

    def with_conflict(facts_doc, **kwargs):
        result = real(facts_doc, **kwargs).to_dict()
        result["conflicts"] = [GDPR_KEEPS_RUNNING]
        return result

    monkeypatch.setattr(hooks, "evaluate", with_conflict)
    actions.recompute_many(
        Incident.objects.unrestricted("test").filter(pk=opened.pk), reason="rule book 2"
    )
    assert Incident.objects.unrestricted("test").get(pk=opened.pk).conflicts == [GDPR_KEEPS_RUNNING]
    assert Activity.objects.filter(incident=opened, kind=ActivityKind.CONFLICT_FOUND).exists()
