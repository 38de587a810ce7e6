"""A rule version in words a lawyer reads aloud: for the rule pages, the rule history and the
rule console's live reading of a rule as it is built.

The stored values stay machine keys (``data_condition`` a JSON tree, ``clock_start`` an event
key); everything a person reads of them goes through here and ``engine.vocabulary``.
"""

from __future__ import annotations

from typing import Any

from jurisdictions.engine.rules import EVENT_PREFIX, NOTICE_PREFIX
from jurisdictions.engine.vocabulary import (
    STATUS_WORDS,
    condition_words,
    duration_words,
    event_words,
    fact_words,
    join_words,
    label,
    regimes_in_words,
)

RISK_WORDS = {
    "none": "any breach, whatever the risk",
    "unlikely": "any breach except one with no likelihood of harm",
    "risk": "a risk to individuals",
    "high": "a high risk to individuals",
}
THRESHOLD_OP_WORDS = {">": "more than", ">=": "at least", "<": "fewer than"}
THRESHOLD_COUNTED_WORDS = {
    "jurisdiction": "residents of the jurisdiction",
    "total": "people affected in total",
    "per_subdivision": "residents of any one of its subdivisions",
}


def clock_start_words(clock_start: str | None) -> str:
    """``aware_at`` -> "awareness of a personal-data breach"; a notice -> "the notice under
    rule US-CA-IND is sent"."""
    if not clock_start:
        return "-"
    if clock_start.startswith(NOTICE_PREFIX):
        return f"{event_words(clock_start)} is sent"
    return event_words(clock_start)


def required_fact_words(item: str) -> str:
    if item.startswith(EVENT_PREFIX):
        return f"{event_words(item[len(EVENT_PREFIX) :])} is recorded"
    return fact_words(item)


def value_words(field: str, value: Any) -> str:
    """One stored field value as words (the history's before and after)."""
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if field == "data_condition":
        return condition_words(value)
    if field in ("clock_start", "also_not_later_than_event"):
        return clock_start_words(value)
    if field in ("requires_subject_to", "relief_not_for"):
        return regimes_in_words(value, "or")
    if field == "requires_facts":
        return join_words([required_fact_words(v) for v in value])
    if field == "status":
        return STATUS_WORDS.get(value, label(value))
    if field in ("recipient", "stage", "scope", "obligated_role", "min_risk", "kind"):
        return label(str(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{label(str(k))}: {value_words(str(k), v)}" for k, v in value.items())
    return str(value)


def reading(v: dict) -> list[str]:
    """The rule as sentences, from its field values (a version's fields or a form's answers):
    what the rule console shows beside the condition builder as it is filled in."""
    out: list[str] = []
    who = label(v.get("recipient") or "") if v.get("recipient") else "someone"
    authority = f" ({v['authority']})" if v.get("authority") else ""
    out.append(f"Who is told: {who}{authority}.")
    amount, unit = v.get("deadline_amount"), v.get("deadline_unit")
    start = clock_start_words(v.get("clock_start"))
    if v.get("deadline_kind") == "before":
        out.append(f"When: before {start.removesuffix(' is sent')}.")
    elif amount in (None, ""):
        out.append(f"When: no fixed outer limit, counted from {start}.")
    else:
        out.append(f"When: within {duration_words(int(amount), unit)} of {start}.")
    limit = v.get("also_not_later_than_event")
    if limit and v.get("also_not_later_than_amount") not in (None, ""):
        span = duration_words(
            int(v["also_not_later_than_amount"]), v.get("also_not_later_than_unit")
        )
        out.append(f"And no later than {span} after {clock_start_words(limit)}.")
    cond = v.get("data_condition")
    if cond is None:
        out.append("Data: applies whatever data is affected (no data condition).")
    else:
        out.append(f"Data: applies when the breach involves {condition_words(cond)}.")
    op, value = v.get("threshold_op"), v.get("threshold_value")
    if op and value not in (None, ""):
        counted = THRESHOLD_COUNTED_WORDS.get(
            v.get("threshold_counted") or "jurisdiction", "people"
        )
        out.append(
            f"Head count: {THRESHOLD_OP_WORDS.get(op, op)} {int(value):,} {counted} affected."
        )
    if v.get("min_risk"):
        risk = RISK_WORDS.get(v["min_risk"], v["min_risk"])
        out.append(f"Harm: owed for {risk}" + (" or more." if v["min_risk"] != "none" else "."))
    if v.get("encryption_safe_harbour"):
        keyed = (
            " unless the key was compromised too"
            if v.get("key_compromise_defeats_safe_harbour", True)
            else " even if the key was compromised"
        )
        out.append(f"Encryption: not owed when the data was encrypted{keyed}.")
    role = v.get("obligated_role")
    if role:
        out.append(f"Role: owed by the organisation as {label(role).lower()}.")
    regimes = [r for r in v.get("requires_subject_to") or [] if r]
    if regimes:
        out.append(f"Only for an organisation that is {regimes_in_words(regimes, 'or')}.")
    return out


READ_FIELDS = (
    "recipient", "authority", "clock_start", "deadline_amount", "deadline_unit", "deadline_kind",
    "also_not_later_than_event", "also_not_later_than_amount", "also_not_later_than_unit",
    "data_condition", "threshold_op", "threshold_value", "threshold_counted", "min_risk",
    "encryption_safe_harbour", "key_compromise_defeats_safe_harbour", "obligated_role",
    "requires_subject_to",
)  # fmt: skip


def version_reading(version) -> list[str]:
    """``reading`` of a stored rule version."""
    return reading({name: getattr(version, name, None) for name in READ_FIELDS})


def difference_words(field: str, before: Any, after: Any) -> tuple[str, str]:
    """(before, after) of one changed field as a change table shows them, in words."""
    if field == "notice_content":
        from jurisdictions.notice_content import readable_difference

        return readable_difference(field, before, after)
    return value_words(field, before), value_words(field, after)
