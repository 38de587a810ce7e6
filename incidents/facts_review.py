"""Every problem of facts a person is about to store, in one answer.

The engine's parser finds every independent problem of a facts document; this adds the checks
that need the rule book and the clock - a regime key no rule knows (a typo would silently drop
that regime's obligations, so it is refused with the closest known key) and an event in the
future - so that the API and the forms answer with all of them at once instead of one per try.
The actions run the same checks again when they store the facts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from jurisdictions.engine.facts import FactsError, Problems, parse_facts

# How far ahead of our clock a recorded time may be (another device's clock may run fast);
# the same allowance as the actions' own check.
CLOCK_SKEW = timedelta(minutes=5)


def known_regimes() -> frozenset[str]:
    """Regime keys of the labelled vocabulary and of the rule book in force."""
    from jurisdictions.engine.vocabulary import known_regimes as from_rules
    from jurisdictions.loader import current_rulebook

    return from_rules(current_rulebook().rules)


def review_facts(
    facts: dict, *, now: datetime | None = None, events_to_check=None, check_regimes: bool = True
) -> None:
    """Raise ``FactsError`` / ``FactsErrors`` naming every problem of ``facts``; nothing if none.

    ``events_to_check``: only these events must not lie in the future (an edit checks what it
    changes, not an older record); None checks every event given.
    """
    from jurisdictions.loader import current_rulebook

    problems = Problems()
    parsed = None
    try:
        parsed = parse_facts(
            facts,
            known_jurisdictions=current_rulebook().jurisdictions.keys(),
            known_regimes=known_regimes() if check_regimes else None,
        )
    except FactsError as exc:
        problems.add(exc)
    now = now or timezone.now()
    events = parsed.events_given if parsed else _events_that_parse(facts)
    for name, when in events.items():
        if when is None or (events_to_check is not None and name not in events_to_check):
            continue
        if when > now + CLOCK_SKEW:
            path = f"events.{name}"
            if path not in problems.errors:
                problems.add(
                    FactsError(
                        path,
                        f"{when.isoformat()} is in the future; record an event once it has "
                        "happened",
                    )
                )
    problems.raise_any()


def _events_that_parse(facts: dict) -> dict[str, datetime]:
    """The events of a document that failed elsewhere, as far as each one reads on its own (a
    bad code elsewhere must not hide a future time)."""
    from jurisdictions.engine.facts import parse_time

    raw = facts.get("events") if isinstance(facts, dict) else None
    out = {}
    for name, value in (raw if isinstance(raw, dict) else {}).items():
        if value is None:
            continue
        try:
            out[name] = parse_time(value, f"events.{name}")
        except FactsError:
            continue
    return out


def review_changes(changes: dict) -> None:
    """The checks of ``review_facts`` that a partial change can be judged on alone: the regime
    keys it sets (the merged document is parsed by the action)."""
    org = changes.get("organisation") if isinstance(changes, dict) else None
    tokens = org.get("subject_to") if isinstance(org, dict) else None
    if not isinstance(tokens, list):
        return
    from jurisdictions.engine.vocabulary import regime_problem

    known = known_regimes()
    problems = Problems()
    for i, token in enumerate(tokens):
        why_not = isinstance(token, str) and regime_problem(token, known)
        if why_not:
            problems.add(FactsError(f"organisation.subject_to.{i}", why_not))
    problems.raise_any()
