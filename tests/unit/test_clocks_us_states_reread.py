"""US state duties re-read from the statutes: New York's HIPAA copy to the Attorney General,
Vermont's Department of Financial Regulation notices, New Hampshire's primary regulator.

Expected dates counted by hand: the trigger day is not counted, days end at 23:59:59 in the
state's zone; business days skip weekends and the state's holidays (New York: Juneteenth
19 June, Independence Day 3 July 2026 observed). US DST 2026: 8 March and 1 November.
"""

import pytest

from .conftest import SSN_DATA

PHI = ["name", "medical"]


def facts(discovered, affected, *, data=SSN_DATA, subject_to=(), sent=None):
    doc = {
        "events": {"discovered_at": discovered},
        "data": data,
        "risk_of_harm": "high",
        "organisation": {"role": "controller", "subject_to": list(subject_to)},
        "affected": affected,
    }
    if sent:
        doc["notices_sent"] = sent
    return doc


# ------------------------------------------------------------ New York 899-aa(9): HIPAA copy


@pytest.mark.parametrize(
    ("rule", "count", "sent", "due_at", "due_local", "kind"),
    [
        # HHS told Tue 16 June: 17, 18, (19 Juneteenth), 22, 23, 24 June -> 24 June (EDT)
        (
            "US-NY-AG-HIPAA",
            600,
            {"US-HIPAA-408-HHS": "2026-06-16T10:00:00-04:00"},
            "2026-06-25T03:59:59Z",
            "2026-06-24T23:59:59-04:00",
            "fixed",
        ),
        # HHS not told yet: latest possible is 5 business days after HHS's own limit, 30 June
        # (1 May + 60): 1, 2, (3 July observed), 6, 7, 8 July -> 8 July
        (
            "US-NY-AG-HIPAA",
            600,
            None,
            "2026-07-09T03:59:59Z",
            "2026-07-08T23:59:59-04:00",
            "latest_possible",
        ),
        # under 500: the annual HHS report filed Fri 26 Feb 2027; 1-5 March -> Fri 5 March (EST)
        (
            "US-NY-AG-HIPAA-LOG",
            100,
            {"US-HIPAA-408-HHS-LOG": "2027-02-26T10:00:00-05:00"},
            "2027-03-06T04:59:59Z",
            "2027-03-05T23:59:59-05:00",
            "fixed",
        ),
    ],
)
def test_new_york_ag_within_five_business_days_of_the_hhs_notice(
    clocks, rule, count, sent, due_at, due_local, kind
):
    out = clocks(
        facts(
            "2026-05-01T09:00:00-04:00",
            {"US-NY": count},
            data=PHI,
            subject_to=["hipaa_covered_entity"],
            sent=sent,
        )
    )
    ob = out.owed[rule]
    assert (ob["due_at"], ob["due_local"], ob["deadline_kind"]) == (due_at, due_local, kind)
    assert ob["authority"] == "New York State Attorney General"
    other = "US-NY-AG-HIPAA-LOG" if rule == "US-NY-AG-HIPAA" else "US-NY-AG-HIPAA"
    assert other in out.excluded  # one of the two, as with the HHS notices


@pytest.mark.parametrize(
    ("subject_to", "data", "why"),
    [
        ([], PHI, "HIPAA covered entity"),  # not a covered entity
        (["hipaa_covered_entity"], SSN_DATA, "data affected"),  # no PHI: no HHS notice
    ],
)
def test_new_york_hipaa_copy_only_for_a_covered_entitys_phi(clocks, subject_to, data, why):
    out = clocks(
        facts("2026-05-01T09:00:00-04:00", {"US-NY": 600}, data=data, subject_to=subject_to)
    )
    assert "US-NY-AG-HIPAA" not in out.owed
    assert why in out.excluded["US-NY-AG-HIPAA"]["why"]


# ------------------------------------------------ Vermont 2435(b)(3)(A) and (h): the Department


def test_vermont_dfr_regulated_collector_tells_the_department_not_the_ag(clocks):
    # discovered Wed 25 March: 26, 27, 30, 31 March, 1-3, 6-10, 13, 14 April -> Tue 14 April
    out = clocks(facts("2026-03-25T10:00:00-04:00", {"US-VT": 40}, subject_to=["vt_dfr_regulated"]))
    dfr = out.owed["US-VT-DFR"]
    assert (dfr["due_at"], dfr["due_local"]) == (
        "2026-04-15T03:59:59Z",
        "2026-04-14T23:59:59-04:00",
    )
    assert dfr["authority"] == "Vermont Department of Financial Regulation"
    assert out.excluded["US-VT-AG"]["displaced_by"] == "US-VT-DFR"
    assert "US-VT-DFR-FI" in out.excluded


def test_vermont_others_tell_the_ag_on_the_same_14_business_days(clocks):
    out = clocks(facts("2026-03-25T10:00:00-04:00", {"US-VT": 40}))
    assert out.due("US-VT-AG") == "2026-04-15T03:59:59Z"
    assert "US-VT-DFR" in out.excluded and "US-VT-DFR" not in out.owed


def test_vermont_financial_institution_tells_the_department_as_soon_as_possible(clocks):
    out = clocks(
        facts(
            "2026-03-25T10:00:00-04:00",
            {"US-VT": 40},
            # 2435(h) reaches institutions under the federal interagency or NCUA guidance: a bank.
            subject_to=["glba_financial_institution", "banking_organization", "vt_dfr_regulated"],
        )
    )
    fi = out.owed["US-VT-DFR-FI"]
    assert (fi["due_at"], fi["deadline_kind"]) == (None, "no_fixed_deadline")
    for exempt in ("US-VT-AG", "US-VT-DFR", "US-VT-IND", "US-VT-CRA"):
        assert exempt not in out.owed, exempt


# ------------------------------------------------ New Hampshire 359-C:20(I)(b): primary regulator


@pytest.mark.parametrize(
    ("subject_to", "owed", "displaced"),
    [
        (["nh_358a3_regulated"], "US-NH-REGULATOR", "US-NH-AG"),
        ([], "US-NH-AG", None),
    ],
)
def test_new_hampshire_regulated_trade_tells_its_regulator_instead(
    clocks, subject_to, owed, displaced
):
    out = clocks(facts("2026-03-25T10:00:00-04:00", {"US-NH": 40}, subject_to=subject_to))
    assert out.owed[owed]["deadline_kind"] == "no_fixed_deadline"
    if displaced:
        assert out.excluded[displaced]["displaced_by"] == "US-NH-REGULATOR"
        assert "RSA 359-C:20(I)(b)" in out.excluded[displaced]["why"]
    else:
        assert (
            "applies only to: Regulated under N.H. RSA 358-A:3"
            in (out.excluded["US-NH-REGULATOR"]["why"])
        )


def test_new_york_hipaa_copy_is_held_with_the_hhs_notice(clocks):
    doc = facts(
        "2026-05-01T09:00:00-04:00", {"US-NY": 600}, data=PHI, subject_to=["hipaa_covered_entity"]
    )
    doc["law_enforcement_hold"] = {
        "requested_at": "2026-05-02T09:00:00-04:00",
        "lifted_at": None,
        "written": True,
        "agency": "FBI",
    }
    out = clocks(doc)
    ag = out.owed["US-NY-AG-HIPAA"]
    assert (ag["due_at"], ag["waiting_for"]) == (None, "law_enforcement_hold")
    assert not any("US-NY-AG-HIPAA" in c.get("key", "") for c in out.doc["conflicts"])


# ------------------------------------------------ Pennsylvania 2303(c.1), (c.2): insurers exempt


@pytest.mark.parametrize(
    ("subject_to", "ag_owed"),
    [([], True), (["naic_licensee"], False)],
)
def test_pennsylvania_ag_notice_not_for_an_insurance_licensee(clocks, subject_to, ag_owed):
    doc = facts(
        "2026-03-25T10:00:00-04:00",
        {"US-PA": 501},
        subject_to=subject_to,
        sent={"US-PA-IND": "2026-04-10T12:00:00-04:00"},
    )
    doc["organisation"]["established_in"] = ["US-PA"]
    out = clocks(doc)
    assert ("US-PA-AG" in out.owed) is ag_owed
    if not ag_owed:
        assert out.excluded["US-PA-AG"]["displaced_by"] == "US-PA-AG"
        assert "2303(c.2)" in out.excluded["US-PA-AG"]["why"]
        assert "US-PA-INS" in out.owed  # the Insurance Commissioner instead


# ------------------------------------------------ Oklahoma 164 (SB 626): HIPAA entities


@pytest.mark.parametrize(
    "subject_to", [["hipaa_covered_entity"], ["ok_hospital_cybersecurity_act"]]
)
def test_oklahoma_hipaa_entity_skips_the_residents_notice_but_tells_the_ag(clocks, subject_to):
    # residents notified Fri 15 May 2026; AG within 60 days: 15 May + 60 = Tue 14 July (CDT)
    doc = facts(
        "2026-05-01T09:00:00-05:00",
        {"US-OK": 700},
        subject_to=subject_to,
        sent={"US-OK-IND": "2026-05-15T12:00:00-05:00"},
    )
    out = clocks(doc)
    assert out.excluded["US-OK-IND"]["displaced_by"] == "US-OK-IND"
    assert out.due("US-OK-AG") == "2026-07-15T04:59:59Z"


# ------------------------------------------------ Maine 1348(1)(B): "reasonably possible" misuse


@pytest.mark.parametrize(
    ("risk", "owed"),
    [("none", False), ("unlikely", True), ("risk", True)],
)
def test_maine_notice_unless_misuse_is_not_reasonably_possible(clocks, risk, owed):
    doc = facts("2026-05-04T09:00:00-04:00", {"US-ME": 1200})
    doc["risk_of_harm"] = risk
    doc["events"]["scope_identified_at"] = "2026-05-06T09:00:00-04:00"
    out = clocks(doc)
    for code in ("US-ME-IND", "US-ME-CRA", "US-ME-AG"):
        assert (code in out.owed) is owed, code
    if owed:
        # scope identified Wed 6 May: + 30 days = Fri 5 June (EDT)
        assert out.due("US-ME-IND") == "2026-06-06T03:59:59Z"


# ------------------------------------------------ Texas 521.053(i) (SB 768): 30 days, 250 residents


@pytest.mark.parametrize(("count", "owed"), [(249, False), (250, True)])
def test_texas_ag_at_least_250_residents_within_30_days_of_determination(clocks, count, owed):
    # determined Mon 2 March 2026 (CST); + 30 days = Wed 1 April, after the DST change (CDT)
    doc = facts("2026-03-02T10:00:00-06:00", {"US-TX": count})
    doc["law_enforcement_hold"] = {
        "requested_at": "2026-03-03T10:00:00-06:00",
        "lifted_at": None,
        "written": True,
        "agency": "FBI",
    }
    out = clocks(doc)
    assert ("US-TX-AG" in out.owed) is owed
    if owed:  # the hold does not move the Attorney General notice
        assert out.owed["US-TX-AG"]["due_local"] == "2026-04-01T23:59:59-05:00"
        assert out.due("US-TX-AG") == "2026-04-02T04:59:59Z"


# ------------------------------------------------ Maine 1348(5): regulator within the Department


@pytest.mark.parametrize(
    ("subject_to", "owed", "not_owed"),
    [(["me_pfr_regulated"], "US-ME-PFR", "US-ME-AG"), ([], "US-ME-AG", "US-ME-PFR")],
)
def test_maine_pfr_regulated_person_tells_its_regulator_not_the_ag(
    clocks, subject_to, owed, not_owed
):
    doc = facts("2026-05-04T09:00:00-04:00", {"US-ME": 10}, subject_to=subject_to)
    out = clocks(doc)
    assert owed in out.owed and not_owed not in out.owed
    if owed == "US-ME-PFR":
        assert out.excluded["US-ME-AG"]["displaced_by"] == "US-ME-PFR"
