"""The calls from a change out to the rule engine, the audit trail and the reminder schedule.

Each is looked up on this module at call time (``hooks.evaluate(...)``), so a test can pin
the engine's answer in one place.
"""

from __future__ import annotations

from ..models import Activity, Obligation


def evaluate(facts: dict, **kwargs):
    from jurisdictions.services import evaluate_facts

    return evaluate_facts(facts, **kwargs)


def activity_written(activity: Activity) -> None:
    """Hook for the audit trail: called for every Activity row, inside the same transaction.

    The audit app mirrors each change into its append-only log (with request id and address),
    so the change and its audit record commit or roll back together.
    """
    from audit.recording import record_activity
    from webhooks.events import from_activity

    record_activity(activity)
    # Webhooks: a case opened, a notice recorded, a hold requested or lifted (webhooks/events.py).
    from_activity(activity)


def obligations_changed(changed_obligations: list[Obligation]) -> None:
    """Hook for reminders: called once per transaction that created obligations or changed their
    deadline or status, with those rows (already saved).

    The reminders app cancels the unsent reminder rows of old deadline versions and writes new
    ones, inside this same transaction, so a deadline and its reminders can never disagree.
    """
    # Reminders hook (reminders/schedule.py): the one call from cases into the reminder schedule.
    from reminders.schedule import sync_reminders
    from webhooks.events import obligations_changed as tell_webhooks

    sync_reminders(changed_obligations)
    tell_webhooks(changed_obligations)  # "obligations.changed", one per case (webhooks/events.py)
