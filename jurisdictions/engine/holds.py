"""Notices the law lets wait: law-enforcement holds and the SEC's national-security delay. Pure.

``apply`` takes one owed obligation and the facts and returns it as the hold leaves it, plus any
conflict the hold raises:

* a law-enforcement hold (facts ``law_enforcement_hold``) holds a notice only if its rule's
  ``delay.law_enforcement`` allows it (and the request was written where ``written_required``):
  the due date is then unknown (``waiting_for`` ``law_enforcement_hold``) until ``lifted_at``, and
  re-timed from the lift per ``delay.after_lift`` (fixed days after the lift, "as soon as" with no
  fixed limit, or the original deadline if later). Every other notice keeps its deadline and
  yields a ``hold_not_allowed`` (or ``hold_not_written``) conflict, so no one takes the hold for a
  pause of every clock.
* the national-security delay (facts ``national_security_delay``) moves only rules with
  ``delay.national_security``: to the end of the period the Attorney General specified, or, with
  no end recorded, the longest delay the rule allows after the original deadline.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from . import calendars as cal
from .facts import Facts
from .rules import AfterLift, Rule

HOLD = "law_enforcement_hold"
LIFTED_EVENT = "law_enforcement_hold.lifted_at"
NATIONAL_SECURITY_EVENT = "national_security_delay.ends_at"
# A hold concerns notices; an internal record is not one.
NOT_NOTICES = ("internal",)


def _words(after: AfterLift) -> str:
    return f"{after.amount} {after.unit.replace('_', ' ')}"


def _request(facts: Facts) -> str:
    hold = facts.law_enforcement_hold
    who = hold.agency or "a law-enforcement agency"
    how = "in writing" if hold.written else "orally (no written request recorded)"
    return f"{who} asked {how} on {cal.fmt_utc(hold.requested_at)} that notice wait"


def apply(result, facts: Facts, add_period) -> tuple[object, list[dict]]:
    """``result`` (an ``ObligationResult``) as the facts' holds leave it, and the conflicts.

    ``add_period(start, amount, unit) -> (due_local, steps)`` counts a period in the rule's zone
    and calendar.
    """
    rule: Rule = result.rule
    if rule.kind == "contract" or rule.recipient in NOT_NOTICES or rule.code in facts.notices_sent:
        return result, []
    out, found = result, []
    if facts.national_security_delay is not None:
        out = _national_security(out, facts, add_period)
    if facts.law_enforcement_hold is not None:
        out, found = _law_enforcement(out, facts, add_period)
    return out, found


def _law_enforcement(result, facts: Facts, add_period):
    rule: Rule = result.rule
    hold = facts.law_enforcement_hold
    delay = rule.delay
    why = list(result.why)
    steps = list(result.computation)
    request = _request(facts)
    if delay is None or not delay.law_enforcement:
        running = (
            f"its deadline {cal.fmt_utc(result.due_at)} still runs"
            if result.due_at
            else "it is still owed on its own terms"
        )
        why.append(f"{request}; this law allows no delay for law enforcement: {running}")
        conflict = {
            "kind": "hold_not_allowed",
            "key": f"hold_not_allowed:{rule.code}",
            "rules": [rule.code],
            "citation": rule.citation,
            "why": (
                f"A law-enforcement hold was requested on {cal.fmt_utc(hold.requested_at)}, but "
                f"{rule.code} ({rule.regime}, {rule.citation}) allows no delay: {running}."
            ),
        }
        return dataclasses.replace(result, why=tuple(why)), [conflict]
    if delay.written_required and not hold.written:
        why.append(
            f"{request}; {delay.citation} lets only a written request hold this notice: the "
            "deadline still runs"
        )
        conflict = {
            "kind": "hold_not_written",
            "key": f"hold_not_written:{rule.code}",
            "rules": [rule.code],
            "citation": delay.citation,
            "why": (
                f"{rule.code} ({rule.regime}) may wait for law enforcement only on a written "
                f"request ({delay.citation}); the request recorded is oral, so its deadline "
                "still runs."
            ),
        }
        return dataclasses.replace(result, why=tuple(why)), [conflict]
    note = f" ({delay.note})" if delay.note else ""
    if hold.lifted_at is None:
        why.append(
            f"held: {request}; {delay.citation} allows the delay{note}. The deadline is set "
            "again when the hold is lifted"
        )
        steps.append(
            "law-enforcement hold in place: no due date until it is lifted"
            + (f" (without the hold: {cal.fmt_utc(result.due_at)})" if result.due_at else "")
        )
        return (
            dataclasses.replace(
                result,
                due_at=None,
                due_local=None,
                waiting_for=HOLD,
                why=tuple(why),
                computation=tuple(steps),
            ),
            [],
        )
    lifted = hold.lifted_at
    after = delay.after_lift or AfterLift("as_soon_as")
    why.append(
        f"{request}; {delay.citation} allowed the delay{note}; the hold was lifted on "
        f"{cal.fmt_utc(lifted)}"
    )
    steps.append(f"law-enforcement hold lifted at {cal.fmt_utc(lifted)}")
    if after.mode == "as_soon_as":
        why.append("notice is due as soon as possible after the lift (no fixed period)")
        steps.append("after the lift: as soon as possible, no fixed outer limit")
        return (
            dataclasses.replace(
                result,
                clock_event=LIFTED_EVENT,
                clock_start_at=lifted.astimezone(UTC),
                due_at=None,
                due_local=None,
                deadline_kind="no_fixed_deadline",
                waiting_for=None,
                why=tuple(why),
                computation=tuple(steps),
            ),
            [],
        )
    due_local, more = add_period(lifted, after.amount, after.unit)
    steps.extend(more)
    due = due_local.astimezone(UTC)
    if after.mode == "original_if_later" and result.due_at and result.due_at > due:
        steps.append(
            f"the original deadline {cal.fmt_utc(result.due_at)} is later than "
            f"{_words(after)} after the lift, and stands"
        )
        why.append(f"due by the original deadline, later than {_words(after)} after the lift")
        return dataclasses.replace(result, why=tuple(why), computation=tuple(steps)), []
    why.append(f"due {_words(after)} after the lift")
    return (
        dataclasses.replace(
            result,
            clock_event=LIFTED_EVENT,
            clock_start_at=lifted.astimezone(UTC),
            due_at=due,
            due_local=due_local,
            deadline_kind="fixed",
            waiting_for=None,
            why=tuple(why),
            computation=tuple(steps),
        ),
        [],
    )


def _national_security(result, facts: Facts, add_period):
    rule: Rule = result.rule
    limit = rule.delay.national_security if rule.delay else None
    if limit is None:
        return result
    delay = facts.national_security_delay
    why = list(result.why)
    steps = list(result.computation)
    if not delay.notified_in_writing:
        why.append(
            "a national-security determination is recorded, but the Commission has not been "
            f"notified in writing: no delay ({rule.delay.citation})"
        )
        return dataclasses.replace(result, why=tuple(why))
    if result.due_at is None:
        why.append(
            f"national-security delay determined on {cal.fmt_utc(delay.determined_at)}: it "
            "counts from the deadline, which is not set yet"
        )
        return dataclasses.replace(result, why=tuple(why))
    most_local, more = add_period(result.due_at, limit.amount, limit.unit)
    most: datetime = most_local.astimezone(UTC)
    if delay.ends_at is not None:
        due_local = delay.ends_at.astimezone(most_local.tzinfo)
        why.append(
            f"disclosure delayed on the Attorney General's national-security determination of "
            f"{cal.fmt_utc(delay.determined_at)} until {cal.fmt_utc(delay.ends_at)} "
            f"({rule.delay.citation})"
        )
        steps.append(
            f"original deadline {cal.fmt_utc(result.due_at)}; delayed to the end of the period "
            f"the Attorney General specified: {cal.fmt_utc(delay.ends_at)}"
        )
        if delay.ends_at > most:
            why.append(
                f"that is more than {_words(limit)} after the original deadline: it needs a "
                "further determination (or a Commission exemptive order) on record"
            )
    else:
        due_local = most_local
        steps.extend(more)
        why.append(
            f"disclosure delayed on the Attorney General's national-security determination of "
            f"{cal.fmt_utc(delay.determined_at)}; no end recorded: at most {_words(limit)} "
            f"after the original deadline without a further determination "
            f"({rule.delay.citation})"
        )
    return dataclasses.replace(
        result,
        due_at=due_local.astimezone(UTC),
        due_local=due_local,
        why=tuple(why),
        computation=tuple(steps),
    )
