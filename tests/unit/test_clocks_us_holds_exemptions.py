"""US state law-enforcement holds and HIPAA / GLBA / own-procedures exemptions, per statute.

Holds: each state's residents' notice says whether a law-enforcement agency may hold it, whether
the request must be written, and how the clock runs after the agency lifts it (a fixed period in
some states, "as soon as" in most). Exemptions: each statute's own exemption sits on the rule it
exempts (the rule names itself, ``requires_applies: false``).

Expected dates counted by hand: the day of the lift is not counted, days end at 23:59:59 in the
state's zone; business days skip weekends and the state's holidays. US DST 2026: 8 March and
1 November; Arizona keeps MST all year.
"""

import pytest

from .conftest import SSN_DATA


def facts(discovered, affected, *, hold=None, subject_to=(), role="controller"):
    doc = {
        "events": {"discovered_at": discovered},
        "data": SSN_DATA,
        "risk_of_harm": "high",
        "organisation": {"role": role, "subject_to": list(subject_to)},
        "affected": affected,
    }
    if hold is not None:
        doc["law_enforcement_hold"] = hold
    return doc


def hold(requested, lifted=None, written=True):
    return {"requested_at": requested, "lifted_at": lifted, "written": written, "agency": "FBI"}


# --------------------------------------------------------------------------- holds


@pytest.mark.parametrize(
    ("rule", "state", "discovered", "lifted", "due_at", "due_local"),
    [
        # Arizona 18-552(D): within 45 days after the agency says notice no longer compromises
        # the investigation; 10 May + 45 = 24 June (MST, no DST in Arizona)
        (
            "US-AZ-IND",
            "US-AZ",
            "2026-04-01T10:00:00-07:00",
            "2026-05-10T15:00:00-07:00",
            "2026-06-25T06:59:59Z",
            "2026-06-24T23:59:59-07:00",
        ),
        # the same 45 days for Arizona's AG/AZDHS notice (same subsection B)
        (
            "US-AZ-AG",
            "US-AZ",
            "2026-04-01T10:00:00-07:00",
            "2026-05-10T15:00:00-07:00",
            "2026-06-25T06:59:59Z",
            "2026-06-24T23:59:59-07:00",
        ),
        # Maine 1348(3): no longer than 7 business days after the agency's determination;
        # lifted Thu 2 July: Fri 3 July is Independence Day (observed), so 6, 7, 8, 9, 10,
        # 13, 14 July -> 14 July (EDT)
        (
            "US-ME-IND",
            "US-ME",
            "2026-06-01T09:00:00-04:00",
            "2026-07-02T10:00:00-04:00",
            "2026-07-15T03:59:59Z",
            "2026-07-14T23:59:59-04:00",
        ),
        # Maryland 14-3504(d)(2): not later than 7 days after; 30 Oct + 7 = 6 November (EST)
        (
            "US-MD-IND",
            "US-MD",
            "2026-10-01T09:00:00-04:00",
            "2026-10-30T16:00:00-04:00",
            "2026-11-07T04:59:59Z",
            "2026-11-06T23:59:59-05:00",
        ),
        # ... and the Maryland maintainer's notice to the owner (14-3504(c), same subsection d)
        (
            "US-MD-VENDOR",
            "US-MD",
            "2026-10-01T09:00:00-04:00",
            "2026-10-30T16:00:00-04:00",
            "2026-11-07T04:59:59Z",
            "2026-11-06T23:59:59-05:00",
        ),
        # South Dakota 22-40-21: not later than 30 days after; 20 Feb + 30 = 22 March
        # (Pierre is on Central time; CDT from 8 March)
        (
            "US-SD-IND",
            "US-SD",
            "2026-02-01T09:00:00-06:00",
            "2026-02-20T12:00:00-06:00",
            "2026-03-23T04:59:59Z",
            "2026-03-22T23:59:59-05:00",
        ),
        # Tennessee 47-18-2107(d): no later than 45 days after; 1 June + 45 = 16 July
        (
            "US-TN-IND",
            "US-TN",
            "2026-05-01T09:00:00-05:00",
            "2026-06-01T09:00:00-05:00",
            "2026-07-17T04:59:59Z",
            "2026-07-16T23:59:59-05:00",
        ),
    ],
)
def test_fixed_period_after_the_hold_is_lifted(
    clocks, rule, state, discovered, lifted, due_at, due_local
):
    requested = discovered.replace("09:00", "11:00").replace("10:00", "11:00")
    out = clocks(facts(discovered, {state: 2000}, hold=hold(requested, lifted), role=_role(rule)))
    owed = out.owed[rule]
    assert (owed["due_at"], owed["due_local"]) == (due_at, due_local)
    assert owed["deadline_kind"] == "fixed"
    assert owed["waiting_for"] is None


def _role(rule):
    return "processor" if rule.endswith("-VENDOR") else "controller"


@pytest.mark.parametrize(
    ("rule", "state"),
    [
        ("US-TX-IND", "US-TX"),
        ("US-CA-IND", "US-CA"),
        ("US-NY-IND", "US-NY"),
        ("US-FL-IND", "US-FL"),
    ],
)
def test_held_notice_waits_then_has_no_fixed_limit_after_the_lift(clocks, rule, state):
    discovered = "2026-03-02T10:00:00-05:00"
    held = clocks(facts(discovered, {state: 600}, hold=hold("2026-03-03T10:00:00-05:00")))
    owed = held.owed[rule]
    assert owed["due_at"] is None
    assert owed["waiting_for"] == "law_enforcement_hold"
    assert any("held" in w for w in owed["why"])
    lifted = clocks(
        facts(
            discovered,
            {state: 600},
            hold=hold("2026-03-03T10:00:00-05:00", "2026-05-20T10:00:00-04:00"),
        )
    )
    after = lifted.owed[rule]
    assert after["waiting_for"] is None
    assert after["deadline_kind"] == "no_fixed_deadline"


def test_florida_needs_a_written_request_and_its_department_notice_keeps_running(clocks):
    discovered = "2026-03-02T10:00:00-05:00"
    oral = clocks(
        facts(discovered, {"US-FL": 600}, hold=hold("2026-03-03T10:00:00-05:00", written=False))
    )
    # 501.171(4)(b): only a written request holds the notice; 2 March + 30 = 1 April (EDT)
    assert oral.due("US-FL-IND") == "2026-04-02T03:59:59Z"
    kinds = {(c["kind"], tuple(c["rules"])) for c in oral.doc["conflicts"]}
    assert ("hold_not_written", ("US-FL-IND",)) in kinds
    written = clocks(facts(discovered, {"US-FL": 600}, hold=hold("2026-03-03T10:00:00-05:00")))
    assert written.owed["US-FL-IND"]["waiting_for"] == "law_enforcement_hold"
    # the Department of Legal Affairs notice (501.171(3)) has no law-enforcement delay
    assert written.due("US-FL-DLA") == "2026-04-02T03:59:59Z"
    assert ("hold_not_allowed", ("US-FL-DLA",)) in {
        (c["kind"], tuple(c["rules"])) for c in written.doc["conflicts"]
    }


def test_documented_request_states_need_the_request_recorded_as_written(clocks):
    # North Carolina 75-65(c): in writing or documented contemporaneously by the business
    out = clocks(
        facts(
            "2026-03-02T10:00:00-05:00",
            {"US-NC": 10},
            hold=hold("2026-03-03T10:00:00-05:00", written=False),
        )
    )
    assert out.owed["US-NC-IND"]["waiting_for"] is None
    assert any(c["kind"] == "hold_not_written" for c in out.doc["conflicts"])


def test_no_hold_no_conflicts(clocks):
    out = clocks(facts("2026-03-02T10:00:00-05:00", {"US-FL": 600, "US-TX": 600}))
    assert out.doc["conflicts"] == []


def test_every_state_residents_rule_says_whether_it_may_wait(shipped):
    ind = [
        r
        for r in shipped.rules
        if r.code.startswith("US-")
        and r.code.endswith("-IND")
        and r.code.count("-") == 2
        and len(r.code) == len("US-XX-IND")  # not the federal US-FISMA-IND
    ]
    assert len({r.code for r in ind}) == 54  # 50 states, DC, PR, Guam, US Virgin Islands
    assert all(r.delay is not None and r.delay.law_enforcement for r in ind)
    written = sorted({r.jurisdiction for r in ind if r.delay.written_required})
    assert written == [
        "US-AL",
        "US-FL",
        "US-HI",
        "US-IA",
        "US-IL",
        "US-MO",
        "US-NC",
        "US-OR",
        "US-PA",
        "US-WY",
    ]


# --------------------------------------------------------------------------- exemptions


@pytest.mark.parametrize(
    ("subject_to", "displaced"),
    [
        (["hipaa_covered_entity"], True),
        (["hipaa_business_associate"], True),
        (["glba_financial_institution"], True),
        ([], False),
        (["sec_registrant"], False),
    ],
)
def test_arizona_exempts_hipaa_and_glba_entities(clocks, subject_to, displaced):
    out = clocks(facts("2026-04-01T10:00:00-07:00", {"US-AZ": 2000}, subject_to=subject_to))
    for code in ("US-AZ-IND", "US-AZ-AG", "US-AZ-CRA"):
        if displaced:
            entry = out.excluded[code]
            assert entry["displaced_by"] == code
            assert "exempt under its own terms" in entry["why"]
            assert "18-552" in entry["why"]
        else:
            assert code in out.owed
    if not displaced:
        assert out.due("US-AZ-IND") == "2026-05-17T06:59:59Z"  # 1 April + 45 = 16 May


def test_alabama_federal_exemption_keeps_the_attorney_general_copy(clocks):
    out = clocks(
        facts(
            "2026-04-01T10:00:00-05:00", {"US-AL": 2000}, subject_to=["glba_financial_institution"]
        )
    )
    assert out.excluded["US-AL-IND"]["displaced_by"] == "US-AL-IND"
    assert out.excluded["US-AL-CRA"]["displaced_by"] == "US-AL-CRA"
    assert "US-AL-AG" in out.owed  # 8-38-11(3): a copy to the AG above 1,000 still owed


def test_california_hipaa_deems_only_the_content_compliant(clocks):
    out = clocks(
        facts("2026-04-01T10:00:00-07:00", {"US-CA": 20}, subject_to=["hipaa_covered_entity"])
    )
    assert "US-CA-IND" in out.owed  # 1798.82(e) is about content, not the duty


def test_own_notification_procedures_token(clocks):
    out = clocks(
        facts(
            "2026-04-01T10:00:00-05:00",
            {"US-TX": 300},
            subject_to=["own_notification_procedures"],
        )
    )
    assert out.excluded["US-TX-IND"]["displaced_by"] == "US-TX-IND"
    assert "521.053" in out.excluded["US-TX-IND"]["why"]
    assert "US-TX-AG" in out.owed  # 250 or more Texans: the AG notice stays


@pytest.mark.parametrize(
    ("state", "subject_to", "codes"),
    [
        # N.M. Stat. 57-12C-8: the Act does not apply to GLBA or HIPAA entities, vendor included
        ("US-NM", ["glba_financial_institution"], ["US-NM-IND", "US-NM-AG", "US-NM-CRA"]),
        # Ohio 1349.19: HIPAA covered entities only (business associates are not named)
        ("US-OH", ["hipaa_covered_entity"], ["US-OH-IND", "US-OH-CRA"]),
        # Tennessee 47-18-2107(i)
        ("US-TN", ["hipaa_business_associate"], ["US-TN-IND", "US-TN-CRA"]),
    ],
)
def test_exemptions_written_as_does_not_apply(clocks, state, subject_to, codes):
    out = clocks(facts("2026-04-01T10:00:00-05:00", {state: 2000}, subject_to=subject_to))
    for code in codes:
        assert out.excluded[code]["displaced_by"] == code


def test_ohio_does_not_exempt_business_associates(clocks):
    out = clocks(
        facts("2026-04-01T10:00:00-04:00", {"US-OH": 20}, subject_to=["hipaa_business_associate"])
    )
    assert "US-OH-IND" in out.owed


def test_vendor_exempt_where_the_whole_section_does_not_apply(clocks):
    out = clocks(
        facts(
            "2026-04-01T10:00:00-06:00",
            {"US-NM": 20, "US-FL": 20},
            subject_to=["hipaa_business_associate"],
            role="processor",
        )
    )
    assert out.excluded["US-NM-VENDOR"]["displaced_by"] == "US-NM-VENDOR"
    assert "US-FL-VENDOR" in out.owed  # Florida has no HIPAA exemption


@pytest.mark.parametrize(
    ("state", "kept"),
    [
        # 899-aa(2)(b): no second notice to persons told under HIPAA, but the Attorney
        # General, Department of State and State Police notices are still owed
        ("US-NY", "US-NY-AG-DOS-NYSP-DFS"),
        # 36a-701b(h): deemed compliance provided the Attorney General is told no later
        ("US-CT", "US-CT-AG"),
    ],
)
def test_deemed_compliance_keeps_the_regulator_notice_that_follows(clocks, state, kept):
    out = clocks(
        facts("2026-04-01T10:00:00-04:00", {state: 20}, subject_to=["hipaa_covered_entity"])
    )
    code = f"{state}-IND"
    assert out.excluded[code]["displaced_by"] == code
    assert kept in out.owed


def test_utah_deemed_compliance_covers_the_whole_part(clocks):
    out = clocks(
        facts(
            "2026-04-01T10:00:00-06:00",
            {"US-UT": 1500},
            subject_to=["own_notification_procedures"],
        )
    )
    for code in ("US-UT-IND", "US-UT-AG", "US-UT-CRA"):
        assert out.excluded[code]["displaced_by"] is not None
