"""The deadline diff behind the impact preview: a pure function, table-tested."""

from __future__ import annotations

import pytest

from jurisdictions.diff import diff_obligations


def doc(*obligations):
    return {"format": "breachclock.obligations/1", "obligations": list(obligations)}


def ob(rule, due, version=1, stage=None, waiting=None):
    return {
        "rule": rule,
        "jurisdiction": rule[:5],
        "recipient": "attorney_general",
        "stage": stage,
        "due_at": due,
        "waiting_for": waiting,
        "rule_version": version,
    }


A = "2026-12-01T05:59:59Z"
B = "2026-12-16T05:59:59Z"


@pytest.mark.parametrize(
    ("old", "new", "statuses", "expected"),
    [
        # Nothing changes: no rows.
        (doc(ob("US-TX-AG", A)), doc(ob("US-TX-AG", A)), {}, []),
        # A deadline moves with a new version.
        (
            doc(ob("US-TX-AG", A)),
            doc(ob("US-TX-AG", B, version=2)),
            {},
            [("US-TX-AG", "moved", A, B, False)],
        ),
        # Same deadline, new version (e.g. a corrected citation): listed, not a move.
        (
            doc(ob("US-TX-AG", A)),
            doc(ob("US-TX-AG", A, version=2)),
            {},
            [("US-TX-AG", "version", A, A, False)],
        ),
        # A rule starts or stops applying.
        (doc(), doc(ob("US-TX-AG", A)), {}, [("US-TX-AG", "added", None, A, False)]),
        (doc(ob("US-TX-AG", A)), doc(), {}, [("US-TX-AG", "removed", A, None, False)]),
        # Already notified and the deadline moves: for a person to decide.
        (
            doc(ob("US-TX-AG", A)),
            doc(ob("US-TX-AG", B, version=2)),
            {("US-TX-AG", None): "notified"},
            [("US-TX-AG", "moved", A, B, True)],
        ),
        (
            doc(ob("US-TX-AG", A)),
            doc(),
            {("US-TX-AG", None): "waived"},
            [("US-TX-AG", "removed", A, None, True)],
        ),
        # Still open: no decision needed, the recompute moves it.
        (
            doc(ob("US-TX-AG", A)),
            doc(ob("US-TX-AG", B, version=2)),
            {("US-TX-AG", None): "open"},
            [("US-TX-AG", "moved", A, B, False)],
        ),
        # Staged obligations are told apart by stage.
        (
            doc(ob("EU-NIS2", A, stage="early_warning"), ob("EU-NIS2", A, stage="final_report")),
            doc(ob("EU-NIS2", A, stage="early_warning"), ob("EU-NIS2", B, stage="final_report")),
            {},
            [("EU-NIS2", "moved", A, B, False)],
        ),
        # Waiting for an event that has not happened, before and after: no deadline either way,
        # but what it waits for changed.
        (
            doc(ob("US-CA-AG", None, waiting="notice:US-CA-IND")),
            doc(ob("US-CA-AG", None, waiting="determined_at")),
            {},
            [("US-CA-AG", "moved", None, None, False)],
        ),
    ],
)
def test_diff(old, new, statuses, expected):
    changes = diff_obligations(old, new, statuses=statuses)
    assert [(c.rule, c.change, c.old_due, c.new_due, c.needs_decision) for c in changes] == expected
