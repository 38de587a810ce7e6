"""The breach the rule-book tables start from (test_duty_structure.py and its siblings): one
incident discovered on Monday 2 March 2026 at 16:00 UTC; each row changes only what it tests."""

DISCOVERED = "2026-03-02T16:00:00Z"


def breach(
    affected,
    *,
    role="controller",
    risk="high",
    data=("name", "ssn"),
    subject_to=(),
    encryption=None,
    cause="external_attack",
    discovered=DISCOVERED,
    fmt=1,
):
    """Facts in the incident-facts format for one breach."""
    facts = {
        "format": f"breachclock.facts/{fmt}",
        "events": {"discovered_at": discovered},
        "organisation": {"role": role, "subject_to": list(subject_to)},
        "data": list(data),
        "risk_of_harm": risk,
        "cause": cause,
        "affected": affected,
    }
    if encryption is not None:
        facts["encryption"] = encryption
    return facts


def recipients_in(out, *places):
    """Who is owed notice in these places (a jurisdiction code each)."""
    return {o["recipient"] for o in out.owed.values() if o["jurisdiction"] in places}
