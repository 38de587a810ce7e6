"""The no-harm path of US harm tests against the shipped rule book: the written determination
owed to a regulator counts from ``no_harm_determined_at`` (Fla. Stat. 501.171(4)(c): to the
Department of Legal Affairs within 30 days), and duties owed only on that path (``max_risk``)
drop once a risk is found."""

import pytest

from jurisdictions.engine.serialization import RulebookError, rule_from_dict

from .conftest import SSN_DATA

DETERMINED = "2026-04-10T15:00:00-04:00"  # Friday 10 April 2026, Tallahassee (EDT)


def facts(risk, *, events=None, affected=None):
    return {
        "events": {"discovered_at": "2026-04-01T09:00:00-04:00", **(events or {})},
        "data": SSN_DATA,
        "risk_of_harm": risk,
        "affected": affected or {"US-FL": 800},
    }


def test_florida_no_harm_determination_is_owed_within_30_days(clocks):
    out = clocks(facts("unlikely", events={"no_harm_determined_at": DETERMINED}))
    duty = out.owed["US-FL-NOHARM"]
    # 30 calendar days after Friday 10 April, trigger day not counted: Sunday 10 May, end of day.
    assert duty["due_local"] == "2026-05-10T23:59:59-04:00"
    assert duty["due_at"] == "2026-05-11T03:59:59Z"
    assert duty["citation"] == "Fla. Stat. 501.171(4)(c)"
    assert duty["recipient"] == "state_agency"
    # ... and the residents' notice is not owed at that level of harm.
    assert "US-FL-IND" in out.excluded


@pytest.mark.parametrize(
    ("risk", "events", "why"),
    [
        ("risk", {"no_harm_determined_at": DETERMINED}, "only up to harm unlikely"),
        ("high", {"no_harm_determined_at": DETERMINED}, "only up to harm unlikely"),
    ],
)
def test_no_florida_determination_duty_off_the_no_harm_path(clocks, risk, events, why):
    out = clocks(facts(risk, events=events))
    assert "US-FL-NOHARM" not in out.owed
    assert why.split(" is ")[0] in out.excluded["US-FL-NOHARM"]["why"]


def test_florida_determination_owed_undated_when_its_date_is_not_recorded(clocks):
    # At "harm unlikely" the residents' notice is not owed, so the written determination is: the
    # facts' risk level is the determination; without its date the duty is listed undated (it had
    # been left out, so such a case owed Florida nothing but the Department's breach notice).
    out = clocks(facts("unlikely"))
    duty = out.owed["US-FL-NOHARM"]
    assert duty["due_at"] is None
    assert duty["clock_start"] == {"event": "no_harm_determined_at", "at": None}
    assert "US-FL-IND" in out.excluded


@pytest.mark.parametrize(
    ("risk", "owed"),
    [(None, True), ("none", True), ("unlikely", False), ("risk", False), ("high", False)],
)
def test_alaska_attorney_general_only_on_the_no_harm_path(clocks, risk, owed):
    out = clocks(facts(risk, affected={"US-AK": 50}))
    assert ("US-AK-AG" in out.owed) is owed
    # The residents' notice applies from "harm unlikely" upward (AS 45.48.010(c)).
    assert ("US-AK-IND" in out.owed) is (risk != "none")


def test_max_risk_below_min_risk_is_refused():
    entry = {
        "code": "XX-TEST",
        "jurisdiction": "US-FL",
        "regime": "Test",
        "regime_code": "test",
        "recipient": "state_agency",
        "authority": "Test",
        "citation": "Test",
        "clock_start": "discovered_at",
        "timing_standard": "Test",
        "min_risk": "risk",
        "max_risk": "unlikely",
    }
    with pytest.raises(RulebookError, match="max_risk"):
        rule_from_dict(entry)


def test_vermont_determination_goes_to_the_attorney_general_with_no_fixed_deadline(clocks):
    out = clocks(
        facts("none", events={"no_harm_determined_at": DETERMINED}, affected={"US-VT": 30})
    )
    duty = out.owed["US-VT-NOHARM"]
    assert duty["due_at"] is None and duty["deadline_kind"] == "no_fixed_deadline"
    assert duty["clock_start"]["event"] == "no_harm_determined_at"
    assert "US-VT-IND" in out.excluded
    # "Harm unlikely" is not "misuse not reasonably possible": residents are told, no duty here.
    unlikely = clocks(
        facts("unlikely", events={"no_harm_determined_at": DETERMINED}, affected={"US-VT": 30})
    )
    assert "US-VT-NOHARM" not in unlikely.owed and "US-VT-IND" in unlikely.owed
