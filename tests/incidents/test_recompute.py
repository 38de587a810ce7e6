"""recompute_obligations: new rows, moved deadlines, acted-on rows kept, nothing silently lost.

The engine's answer is given explicitly (in the obligations format) so each case of the
comparison is pinned; tests/incidents/test_actions.py runs the same path with the real engine.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from incidents import actions
from incidents.actions import ActionError, recompute_obligations
from incidents.models import Activity, Obligation

T0 = datetime(2026, 3, 27, 16, 0, tzinfo=UTC)


def ob(rule, due="2026-03-30T16:00:00Z", stage=None, **extra):
    return {
        "rule": rule,
        "jurisdiction": extra.pop("jurisdiction", "DE"),
        "regime": "GDPR",
        "recipient": extra.pop("recipient", "supervisory_authority"),
        "authority": "Landesbeauftragte",
        "stage": stage,
        "clock_start": {"event": "aware_at", "at": "2026-03-27T16:00:00Z"},
        "due_at": due,
        "due_local": None,
        "deadline_kind": "fixed" if due else "no_fixed_deadline",
        "timing_standard": "within 72 hours",
        "citation": "GDPR Art. 33",
        "waiting_for": None,
        "why": extra.pop("why", ["personal data of people in DE"]),
        "rule_version": extra.pop("rule_version", 1),
        **extra,
    }


def evaluation(*obligations, not_applicable=()):
    return {"obligations": list(obligations), "not_applicable": list(not_applicable)}


def recompute(case, *obs, not_applicable=(), user=None, reason="test"):
    return recompute_obligations(
        case,
        acting_user=user,
        reason=reason,
        evaluation=evaluation(*obs, not_applicable=not_applicable),
    )


def kinds(case):
    return list(Activity.objects.filter(incident=case).values_list("kind", flat=True))


@pytest.fixture
def hooked(monkeypatch):
    """Record what recompute hands to the reminders hook."""
    calls = []
    monkeypatch.setattr(actions.hooks, "obligations_changed", lambda rows: calls.append(list(rows)))
    return calls


def test_creates_rows_for_new_obligations_and_logs_each(case, counsel, hooked):
    result = recompute(case, ob("GDPR-33-DE"), ob("US-CA-IND", due=None), user=counsel)
    assert {o.rule_code for o in result.created} == {"GDPR-33-DE", "US-CA-IND"}
    rows = {o.rule_code: o for o in Obligation.objects.filter(incident=case)}
    assert rows["GDPR-33-DE"].due_at == datetime(2026, 3, 30, 16, 0, tzinfo=UTC)
    assert rows["GDPR-33-DE"].deadline_version == 1
    assert rows["US-CA-IND"].due_at is None
    assert kinds(case).count("obligation_added") == 2
    assert "obligations_recomputed" in kinds(case)
    assert Activity.objects.filter(kind="obligation_added").first().actor == counsel
    assert len(hooked) == 1 and {o.rule_code for o in hooked[0]} == {"GDPR-33-DE", "US-CA-IND"}


def test_same_answer_twice_changes_nothing_and_logs_nothing(case, hooked):
    recompute(case, ob("GDPR-33-DE"))
    before = Activity.objects.filter(incident=case).count()
    result = recompute(case, ob("GDPR-33-DE"))
    assert not result.anything and result.unchanged == 1
    assert Activity.objects.filter(incident=case).count() == before
    assert len(hooked) == 1  # only the first run changed anything


def test_moved_deadline_records_old_and_new_and_why(case, counsel, hooked):
    recompute(case, ob("GDPR-33-DE"))
    result = recompute(
        case,
        ob("GDPR-33-DE", due="2026-03-29T09:00:00Z", why=["aware earlier than first thought"]),
        user=counsel,
        reason="facts changed: events.aware_at",
    )
    row = Obligation.objects.get(incident=case, rule_code="GDPR-33-DE")
    assert row.due_at == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
    assert row.deadline_version == 2
    assert len(result.moved) == 1
    moved = Activity.objects.get(incident=case, kind="deadline_moved")
    assert moved.before["due_at"] == "2026-03-30T16:00:00Z"
    assert moved.after["due_at"] == "2026-03-29T09:00:00Z"
    assert moved.after["deadline_version"] == 2
    assert moved.after["why"] == ["aware earlier than first thought"]
    assert "facts changed: events.aware_at" in moved.summary
    assert moved.obligation == row and moved.actor == counsel
    assert hooked[-1] == [row]


def test_open_obligation_that_no_longer_applies_becomes_not_required_with_reason(case, hooked):
    recompute(case, ob("GDPR-33-DE"), ob("GDPR-34-DE", recipient="individuals"))
    result = recompute(
        case,
        ob("GDPR-33-DE"),
        not_applicable=[{"rule": "GDPR-34-DE", "why": "risk of harm is unlikely, not high"}],
    )
    row = Obligation.objects.get(incident=case, rule_code="GDPR-34-DE")
    assert row.status == "not_required"
    assert row.reason == "no longer applies: risk of harm is unlikely, not high"
    assert row.status_changed_by is None
    assert result.no_longer_applies == [row]
    assert Obligation.objects.filter(incident=case).count() == 2  # never deleted


def test_system_closed_obligation_applies_again_when_facts_swing_back(case):
    recompute(case, ob("GDPR-34-DE"))
    recompute(case)
    result = recompute(case, ob("GDPR-34-DE"))
    row = Obligation.objects.get(incident=case, rule_code="GDPR-34-DE")
    assert row.status == "open" and row.reason == ""
    assert result.applies_again == [row]
    assert "obligation_applies_again" in kinds(case)


@pytest.mark.parametrize(
    "decide",
    [
        lambda o, u: actions.record_notification(
            o, sent_at=T0, method="portal", sent_to="LfDI portal", acting_user=u
        ),
        lambda o, u: actions.waive(o, reason="authority said no filing needed", acting_user=u),
        lambda o, u: actions.mark_not_required(o, reason="data was encrypted", acting_user=u),
    ],
    ids=["notified", "waived", "not_required"],
)
def test_acted_on_obligation_is_kept_and_flagged_superseded(case, counsel, decide, monkeypatch):
    # Decisions recompute with the real engine; pin it to "same answer" for this test.
    answer = evaluation(ob("GDPR-33-DE"))
    monkeypatch.setattr(actions.hooks, "evaluate", lambda facts: answer)
    recompute(case, ob("GDPR-33-DE"))
    row = Obligation.objects.get(incident=case)
    decide(row, counsel)
    status = Obligation.objects.get(pk=row.pk).status
    result = recompute(case, not_applicable=[{"rule": "GDPR-33-DE", "why": "no EU residents"}])
    row.refresh_from_db()
    assert row.status == status  # what was done stays done
    assert row.superseded is True
    assert result.superseded == [row]
    assert "obligation_superseded" in kinds(case)
    # ... and if the rule applies again the flag clears, the decision still stands.
    recompute(case, ob("GDPR-33-DE"))
    row.refresh_from_db()
    assert row.superseded is False and row.status == status


def test_deadline_of_notified_obligation_still_tracked_when_it_moves(case, counsel, monkeypatch):
    monkeypatch.setattr(actions.hooks, "evaluate", lambda facts: evaluation(ob("GDPR-33-DE")))
    recompute(case, ob("GDPR-33-DE"))
    row = Obligation.objects.get(incident=case)
    actions.record_notification(
        row, sent_at=T0, method="email", sent_to="poststelle@lfd.example", acting_user=counsel
    )
    recompute(case, ob("GDPR-33-DE", due="2026-03-31T16:00:00Z"))
    row.refresh_from_db()
    assert row.status == "notified" and row.deadline_version == 2


def test_staged_rules_are_matched_by_rule_and_stage(case):
    recompute(
        case,
        ob("NIS2-DE", stage="early_warning", due="2026-03-28T16:00:00Z"),
        ob("NIS2-DE", stage="initial_notification", due="2026-03-30T16:00:00Z"),
    )
    result = recompute(
        case,
        ob("NIS2-DE", stage="early_warning", due="2026-03-28T16:00:00Z"),
        ob("NIS2-DE", stage="initial_notification", due="2026-03-30T18:00:00Z"),
    )
    assert [m[0].stage for m in result.moved] == ["initial_notification"]
    assert set(Obligation.objects.values_list("stage", flat=True)) == {
        "early_warning",
        "initial_notification",
    }


def test_explanation_only_changes_update_quietly(case):
    recompute(case, ob("GDPR-33-DE", why=["600 people"]))
    n = Activity.objects.filter(incident=case).count()
    result = recompute(case, ob("GDPR-33-DE", why=["700 people"]))
    assert Obligation.objects.get().why == ["700 people"]
    assert not result.moved and not result.updated
    assert Activity.objects.filter(incident=case).count() == n


def test_rule_version_change_is_logged(case):
    recompute(case, ob("GDPR-33-DE"))
    result = recompute(case, ob("GDPR-33-DE", rule_version=2), reason="rule book updated")
    assert [o.rule_code for o in result.updated] == ["GDPR-33-DE"]
    entry = Activity.objects.get(kind="obligation_changed")
    assert entry.before == {"rule_version": 1} and entry.after == {"rule_version": 2}
    assert entry.actor is None  # the system


@pytest.mark.parametrize("decide", [actions.waive, actions.mark_not_required])
@pytest.mark.parametrize("reason", ["", "   ", None])
def test_decisions_need_a_reason_and_change_nothing_without(case, counsel, decide, reason):
    recompute(case, ob("GDPR-33-DE"))
    row = Obligation.objects.get()
    with pytest.raises(ActionError) as err:
        decide(row, reason=reason, acting_user=counsel)
    assert err.value.field == "reason"
    row.refresh_from_db()
    assert row.status == "open"
    assert not Activity.objects.filter(kind__in=["waived", "marked_not_required"]).exists()
