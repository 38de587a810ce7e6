"""Counting a deadline for a rule that applies: its clock start, the period in the rule's zone and
business calendar, an outer limit, weekend relief. Every step is written down. Pure; no Django.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from . import calendars as cal
from .conditions import subject_to_matches
from .context import _calendar_for, _Context, _zone_for
from .results import ObligationResult
from .rules import Rule
from .vocabulary import (
    duration_words,
    event_words,
    regimes_in_words,
)


def _period_counter(rule: Rule, ctx: _Context):
    """Counts a period in the rule's zone and calendar (for re-timing after a hold)."""
    zone = _zone_for(rule, ctx.book)

    def add(start: datetime, amount: int, unit: str):
        calendar = _calendar_for(rule, ctx) if unit == "business_days" else None
        return cal.add(start, amount, unit, zone, calendar)

    return add


def _deadline(rule: Rule, start: datetime, ctx: _Context) -> tuple[datetime, list[str]]:
    zone = _zone_for(rule, ctx.book)
    calendar = _calendar_for(rule, ctx) if rule.deadline_unit == "business_days" else None
    cutoff = time.fromisoformat(rule.deadline_cutoff) if rule.deadline_cutoff else None
    anchored: list[str] = []
    if rule.deadline_anchor == "calendar_year_end":
        start, anchored = cal.end_of_calendar_year(start, zone)
    due, steps = cal.add(start, rule.deadline_amount, rule.deadline_unit, zone, calendar, cutoff)
    return due, anchored + steps


def _timed(
    rule: Rule,
    event: str,
    start: datetime | None,
    why: list[str],
    steps: list[str],
    ctx: _Context,
    *,
    kind: str = "fixed",
) -> ObligationResult:
    zone = _zone_for(rule, ctx.book)
    limit = rule.also_not_later_than
    limit_due = None
    if limit is not None:
        limit_start = ctx.facts.events.get(limit.event)
        if limit_start is not None:
            limit_calendar = _calendar_for(rule, ctx) if limit.unit == "business_days" else None
            limit_due, limit_steps = cal.add(
                limit_start, limit.amount, limit.unit, zone, limit_calendar
            )
    if start is None:
        if rule.deadline_amount is not None and limit_due is not None:
            steps.append(
                f"{event_words(event)} has not happened yet, but the outer limit of "
                f"{duration_words(limit.amount, limit.unit)} after {event_words(limit.event)} "
                "already runs"
            )
            steps.extend(limit_steps)
            due_local = _relief(rule, limit_due.astimezone(zone), steps, ctx)
            why.append(
                f"{event_words(event)} not yet recorded: the "
                f"{duration_words(limit.amount, limit.unit)} limit from "
                f"{event_words(limit.event)} applies"
            )
            return ObligationResult(
                rule,
                event,
                None,
                due_local.astimezone(UTC),
                due_local,
                "fixed",
                None,
                tuple(why),
                tuple(steps),
            )
        why.append(f"the clock starts at {event_words(event)}, which has not happened yet")
        return ObligationResult(
            rule,
            event,
            None,
            None,
            None,
            "fixed" if rule.deadline_amount is not None else "no_fixed_deadline",
            event,
            tuple(why),
            tuple(steps),
        )
    steps.append(
        f"clock starts at {event_words(event)}: {cal.fmt_utc(start)} = "
        f"{cal.fmt_local(start.astimezone(zone))} in {zone.key}"
    )
    if rule.deadline_amount is None:
        steps.append(f"no fixed outer limit: {rule.timing_standard}")
        return ObligationResult(
            rule,
            event,
            start.astimezone(UTC),
            None,
            None,
            "no_fixed_deadline",
            None,
            tuple(why),
            tuple(steps),
        )
    due, more = _deadline(rule, start, ctx)
    steps.extend(more)
    if limit_due is not None:
        if limit_due < start:
            steps.append(
                f"the outer limit from {event_words(limit.event)} ({cal.fmt_utc(limit_due)}) had "
                "already passed when the clock started: the "
                f"{duration_words(rule.deadline_amount, rule.deadline_unit)} from "
                f"{event_words(event)} govern"
            )
        elif limit_due < due:
            steps.extend(limit_steps)
            steps.append(
                f"the outer limit of {duration_words(limit.amount, limit.unit)} after "
                f"{event_words(limit.event)} is earlier and wins: {cal.fmt_utc(limit_due)}"
            )
            due = limit_due
        else:
            steps.append(
                f"the outer limit of {duration_words(limit.amount, limit.unit)} after "
                f"{event_words(limit.event)} ({cal.fmt_utc(limit_due)}) is later; the earlier "
                "deadline stands"
            )
    due_local = _relief(rule, due.astimezone(zone), steps, ctx)
    return ObligationResult(
        rule,
        event,
        start.astimezone(UTC),
        due_local.astimezone(UTC),
        due_local,
        kind,
        None,
        tuple(why),
        tuple(steps),
    )


def _relief(rule: Rule, due_local: datetime, steps: list[str], ctx: _Context) -> datetime:
    if rule.non_business_day_relief != "next_business_day_noon":
        return due_local
    stated = ctx.regimes
    barred = [s for s in stated if any(subject_to_matches(r, s) for r in rule.relief_not_for)]
    if barred:
        steps.append(f"no weekend/holiday relief for a {regimes_in_words(barred, 'or')}")
        return due_local
    calendar = _calendar_for(rule, ctx)
    if calendar is None:
        return due_local
    moved, more = cal.next_business_day_noon(due_local, calendar)
    steps.extend(more)
    return moved
