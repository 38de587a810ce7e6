"""US federal and sector regimes against the shipped rule book, with dates counted by hand.

Days: the trigger day is not counted; the deadline is 23:59:59 in the authority's zone (federal
authorities: New York). Hours are elapsed UTC time. US DST 2026: 8 March and 1 November.
"""

import pytest

HEALTH = ["name", "medical"]


def facts(discovered, subject_to, affected, **extra):
    events = {"discovered_at": discovered, **extra.pop("events", {})}
    org = {"subject_to": subject_to, **extra.pop("organisation", {})}
    return {
        "events": events,
        "organisation": org,
        "data": extra.pop("data", HEALTH),
        "risk_of_harm": extra.pop("risk_of_harm", "high"),
        "affected": affected,
        **extra,
    }


# --------------------------------------------------------------------------- HIPAA

HIPAA_CE = ["hipaa_covered_entity"]
HIPAA_NOTICES = ("US-HIPAA-404-IND", "US-HIPAA-406-MEDIA", "US-HIPAA-408-HHS")


def test_hipaa_large_breach_owes_individuals_media_and_hhs_within_60_days(clocks):
    # 10 March 2026 (EDT from 8 March) + 60 days = 9 May 2026
    out = clocks(facts("2026-03-10T09:00:00-04:00", HIPAA_CE, {"US-NY": 600, "US-NJ": 100}))
    for code in HIPAA_NOTICES:
        assert out.owed[code]["due_local"] == "2026-05-09T23:59:59-04:00", code
    assert "fewer than 500" not in " ".join(out.owed["US-HIPAA-408-HHS"]["why"])
    assert out.excluded["US-HIPAA-408-HHS-LOG"]["why"] == (
        "700 people affected in total, at least 500"
    )


@pytest.mark.parametrize(
    ("discovered", "due_local", "due_at"),
    [
        # 164.408(c): 60 days after 31 Dec 2026 -> 1 Mar 2027 (Jan 31 + Feb 28 = 59; day 60 = 1 Mar)
        ("2026-03-10T09:00:00-04:00", "2027-03-01T23:59:59-05:00", "2027-03-02T04:59:59Z"),
        # discovered late on 31 Dec in New York (already 1 Jan UTC): still the year 2026
        ("2027-01-01T03:00:00Z", "2027-03-01T23:59:59-05:00", "2027-03-02T04:59:59Z"),
        # discovered in 2027: 60 days after 31 Dec 2027 is 29 Feb 2028 (leap year)
        ("2027-06-15T10:00:00-04:00", "2028-02-29T23:59:59-05:00", "2028-03-01T04:59:59Z"),
    ],
)
def test_hipaa_small_breach_goes_to_hhs_after_the_calendar_year(
    clocks, discovered, due_local, due_at
):
    out = clocks(facts(discovered, HIPAA_CE, {"US-CA": 120}))
    log = out.owed["US-HIPAA-408-HHS-LOG"]
    assert (log["due_local"], log["due_at"]) == (due_local, due_at)
    assert "120 people affected in total, fewer than 500" in log["why"]
    assert any("the count starts at the end of that year" in s for s in log["computation"])
    assert out.excluded["US-HIPAA-408-HHS"]["why"] == "120 people affected in total, fewer than 500"
    assert out.excluded["US-HIPAA-406-MEDIA"]["why"].endswith("not more than 500")
    assert out.owed["US-HIPAA-404-IND"]["due_at"] is not None


@pytest.mark.parametrize(
    ("encryption", "owed"),
    [
        # secured PHI (encrypted, key safe): no breach of unsecured PHI -> no notice at all
        ({"encrypted": True, "key_compromised": False}, False),
        # key taken too: the PHI is unsecured -> every notice is owed
        ({"encrypted": True, "key_compromised": True}, True),
        ({"encrypted": False, "key_compromised": False}, True),
    ],
)
def test_hipaa_unsecured_phi_safe_harbour_covers_every_notice(clocks, encryption, owed):
    affected = {"US-NY": 700}
    ce = clocks(facts("2026-03-10T09:00:00-04:00", HIPAA_CE, affected, encryption=encryption))
    small = clocks(
        facts("2026-03-10T09:00:00-04:00", HIPAA_CE, {"US-NY": 20}, encryption=encryption)
    )
    ba = clocks(
        facts(
            "2026-03-10T09:00:00-04:00",
            ["hipaa_business_associate"],
            affected,
            encryption=encryption,
            organisation={"role": "processor"},
        )
    )
    for out, code in [
        *((ce, c) for c in HIPAA_NOTICES),
        (small, "US-HIPAA-408-HHS-LOG"),
        (ba, "US-HIPAA-410-BA"),
    ]:
        if owed:
            assert code in out.owed, code
        else:
            assert out.excluded[code]["why"] == (
                "data is encrypted and the key was not compromised: safe harbour"
            ), code


def test_hipaa_business_associate_tells_the_covered_entity_within_60_days(clocks):
    # 20 Oct 2026 (EDT) + 60 days = 19 Dec 2026 (EST from 1 November)
    out = clocks(
        facts(
            "2026-10-20T15:00:00-04:00",
            ["hipaa_business_associate"],
            {"US-TX": 3},
            organisation={"role": "processor"},
        )
    )
    ba = out.owed["US-HIPAA-410-BA"]
    assert (ba["recipient"], ba["authority"]) == ("controller", "The covered entity")
    assert ba["due_local"] == "2026-12-19T23:59:59-05:00"
    assert "US-HIPAA-404-IND" not in out.owed


def test_hipaa_low_probability_of_compromise_is_no_breach(clocks):
    out = clocks(facts("2026-03-10T09:00:00-04:00", HIPAA_CE, {"US-NY": 900}, risk_of_harm="none"))
    for code in (*HIPAA_NOTICES, "US-HIPAA-408-HHS-LOG"):
        assert code not in out.owed, code


# --------------------------------------------------------------------------- FTC HBNR

VENDOR = ["ftc_hbnr_vendor"]


def test_hbnr_large_breach_owes_individuals_ftc_and_media_within_60_days(clocks):
    # 4 May 2026 + 60 days: 27 days to 31 May, 57 to 30 June, day 60 = 3 July (EDT)
    out = clocks(facts("2026-05-04T10:00:00-04:00", VENDOR, {"US-TX": 550, "US-OK": 50}))
    for code in ("US-FTC-HBNR-IND", "US-FTC-HBNR-FTC", "US-FTC-HBNR-MEDIA"):
        assert out.owed[code]["due_local"] == "2026-07-03T23:59:59-04:00", code
    assert out.owed["US-FTC-HBNR-FTC"]["rule_version"] == 2
    assert (
        out.excluded["US-FTC-HBNR-FTC-LOG"]["why"] == "600 people affected in total, at least 500"
    )


def test_hbnr_small_breach_goes_in_the_annual_log(clocks):
    out = clocks(facts("2026-05-04T10:00:00-04:00", VENDOR, {"US-TX": 40}))
    assert out.owed["US-FTC-HBNR-FTC-LOG"]["due_local"] == "2027-03-01T23:59:59-05:00"
    assert out.excluded["US-FTC-HBNR-FTC"]["why"] == "40 people affected in total, fewer than 500"


def test_hbnr_before_the_2024_amendment_ftc_had_ten_business_days(clocks):
    # Mon 12 Jun 2023: 13-16 (4), Mon 19 Juneteenth skipped, 20-23 (8), 26 (9), 27 (10)
    out = clocks(facts("2023-06-12T09:00:00-04:00", VENDOR, {"US-NY": 600}))
    ftc = out.owed["US-FTC-HBNR-FTC"]
    assert (ftc["rule_version"], ftc["due_local"]) == (1, "2023-06-27T23:59:59-04:00")
    assert any("Juneteenth" in step for step in ftc["computation"])


def test_hbnr_safe_harbour_covers_individual_ftc_and_media_notices(clocks):
    enc = {"encrypted": True, "key_compromised": False}
    out = clocks(facts("2026-05-04T10:00:00-04:00", VENDOR, {"US-TX": 900}, encryption=enc))
    for code in ("US-FTC-HBNR-IND", "US-FTC-HBNR-FTC", "US-FTC-HBNR-MEDIA"):
        assert "safe harbour" in out.excluded[code]["why"], code


def test_hbnr_service_provider_tells_the_vendor(clocks):
    out = clocks(
        facts(
            "2026-05-04T10:00:00-04:00",
            ["ftc_hbnr_service_provider"],
            {"US-TX": 3},
            organisation={"role": "processor"},
        )
    )
    tpsp = out.owed["US-FTC-HBNR-TPSP"]
    assert (tpsp["recipient"], tpsp["due_local"]) == ("controller", "2026-07-03T23:59:59-04:00")
    assert "US-FTC-HBNR-IND" not in out.owed


# --------------------------------------------------------------------------- NAIC #668 states

LICENSEE = ["naic_licensee"]
NPI = ["name", "ssn"]


@pytest.mark.parametrize(
    ("rule", "determined", "affected", "established", "due_local"),
    [
        # Ohio, 3 business days: Fri 22 May 2026; Mon 25 Memorial Day skipped; 26, 27, 28
        (
            "US-OH-INS",
            "2026-05-22T10:00:00-04:00",
            {"US-OH": 10},
            ["US-OH"],
            "2026-05-28T23:59:59-04:00",
        ),
        # South Carolina keeps the model's 72 hours: 12:00 EST + 72 h = 13:00 EDT (DST on 8 March)
        ("US-SC-INS", "2026-03-06T12:00:00-05:00", {"US-SC": 300}, [], "2026-03-09T13:00:00-04:00"),
        # Michigan, 10 business days: Mon 1 June 2026 -> 2-5 (4), 8-12 (9), 15 (10)
        ("US-MI-INS", "2026-06-01T09:00:00-04:00", {"US-MI": 260}, [], "2026-06-15T23:59:59-04:00"),
        # Pennsylvania, 5 business days: Thu 24 Dec 2026; 25 Dec, 1 Jan skipped; 28-31, 4 Jan
        ("US-PA-INS", "2026-12-24T09:00:00-05:00", {"US-PA": 400}, [], "2027-01-04T23:59:59-05:00"),
        # Alaska (in force 2025): domiciled insurer, Juneau time; Memorial Day skipped
        (
            "US-AK-INS",
            "2026-05-22T10:00:00-08:00",
            {"US-AK": 3},
            ["US-AK"],
            "2026-05-28T23:59:59-08:00",
        ),
        # Maine: a resident licensee reports whatever the number of Maine residents
        (
            "US-ME-INS",
            "2026-05-22T10:00:00-04:00",
            {"US-ME": 5},
            ["US-ME"],
            "2026-05-28T23:59:59-04:00",
        ),
    ],
)
def test_naic_states_time_the_commissioner_notice(
    clocks, rule, determined, affected, established, due_local
):
    out = clocks(
        facts(
            determined,
            LICENSEE,
            affected,
            data=NPI,
            organisation={"established_in": established},
        )
    )
    assert out.owed[rule]["due_local"] == due_local
    assert out.owed[rule]["recipient"] == "sector_regulator"
    if established:
        assert any("no head count needed" in w for w in out.owed[rule]["why"])


def test_naic_head_count_applies_only_outside_the_state_of_domicile(clocks):
    out = clocks(facts("2026-05-22T10:00:00-04:00", LICENSEE, {"US-OH": 100}, data=NPI))
    assert out.excluded["US-OH-INS"]["why"] == "100 residents of Ohio affected, fewer than 250"
    # Virginia: notice owed to another government body suffices, so no head count (reading)
    va = clocks(facts("2026-05-22T10:00:00-04:00", LICENSEE, {"US-VA": 10}, data=NPI))
    assert "US-VA-INS" in va.owed


def test_rhode_island_binds_domestic_insurers_only(clocks):
    # Illinois for comparison: 3 business days, Thu 2 Jul 2026 -> Fri 3 Jul observed holiday
    # skipped, Mon 6, Tue 7, Wed 8
    out = clocks(
        facts(
            "2026-07-02T10:00:00-05:00",
            LICENSEE,
            {"US-RI": 1000, "US-IL": 300},
            data=NPI,
        )
    )
    assert out.excluded["US-RI-INS"]["why"] == "the organisation is not established in Rhode Island"
    assert out.owed["US-IL-INS"]["due_local"] == "2026-07-08T23:59:59-05:00"
    domestic = clocks(
        facts(
            "2026-07-02T10:00:00-04:00",
            LICENSEE,
            {"US-RI": 3},
            data=NPI,
            organisation={"established_in": ["US-RI"]},
        )
    )
    assert domestic.owed["US-RI-INS"]["due_local"] == "2026-07-08T23:59:59-04:00"


def test_naic_encrypted_data_with_the_key_safe_is_no_cybersecurity_event(clocks):
    enc = {"encrypted": True, "key_compromised": False}
    out = clocks(
        facts("2026-05-22T10:00:00-04:00", LICENSEE, {"US-OH": 900}, data=NPI, encryption=enc)
    )
    assert "safe harbour" in out.excluded["US-OH-INS"]["why"]


def test_naic_rules_need_an_insurance_licensee(clocks):
    out = clocks(facts("2026-05-22T10:00:00-04:00", [], {"US-OH": 900}, data=NPI))
    assert out.excluded["US-OH-INS"]["why"].startswith(
        "applies only to: Insurance licensee (state insurance data security law)"
    )


# --------------------------------------------------------------------------- GLBA and banks


def test_ftc_safeguards_rule_500_consumers_30_days(clocks):
    # 1 June 2026 + 30 days = 1 July 2026
    out = clocks(
        facts(
            "2026-06-01T09:00:00-04:00",
            ["ftc_safeguards_financial_institution"],
            {"US-GA": 500},
            data=NPI,
        )
    )
    assert out.owed["US-GLBA-SAFEGUARDS-FTC"]["due_local"] == "2026-07-01T23:59:59-04:00"
    small = clocks(
        facts(
            "2026-06-01T09:00:00-04:00",
            ["ftc_safeguards_financial_institution"],
            {"US-GA": 499},
            data=NPI,
        )
    )
    assert small.excluded["US-GLBA-SAFEGUARDS-FTC"]["why"] == (
        "499 people affected in total, fewer than 500"
    )


def test_bank_36_hours_and_interagency_guidance(clocks):
    # 20:00 EST on 7 March + 36 h = 09:00 EDT on 9 March (DST began 8 March)
    out = clocks(
        facts(
            "2026-03-07T20:00:00-05:00",
            ["banking_organization"],
            {"US-NY": 40},
            data=NPI,
            risk_of_harm="none",
        )
    )
    assert out.owed["US-BANK-36H"]["due_local"] == "2026-03-09T09:00:00-04:00"
    assert out.owed["US-GLBA-IAG-REG"]["deadline_kind"] == "no_fixed_deadline"
    # misuse not reasonably possible: no customer notice under the guidance
    assert "US-GLBA-IAG-IND" in out.excluded


# --------------------------------------------------------------------------- FCC CPNI


def test_fcc_cpni_law_enforcement_notice_seven_business_days(clocks):
    # Wed 18 Nov 2026: 19, 20, 23, 24, 25 (5), Thanksgiving 26 skipped, 27 (6), 30 (7)
    out = clocks(facts("2026-11-18T11:00:00-05:00", ["fcc_cpni_carrier"], {"US-NY": 30}))
    assert out.owed["US-FCC-CPNI-LE"]["due_local"] == "2026-11-30T23:59:59-05:00"
    assert out.owed["US-FCC-CPNI-IND"]["clock_start"]["event"] == "notice:US-FCC-CPNI-LE"
    for code in ("US-FCC-CPNI-2023-FED", "US-FCC-CPNI-2023-IND"):
        assert "no date of entry into force" in out.excluded[code]["why"], code


# --------------------------------------------------------------------------- SEC Reg S-P


def test_reg_s_p_individuals_within_30_days_from_its_compliance_date(clocks):
    # aware 10 Feb 2026: 18 days to 28 Feb, day 30 = 12 March (EDT from 8 March)
    sp = ["sec_reg_sp_covered_institution"]
    out = clocks(facts("2026-02-10T09:00:00-05:00", sp, {"US-NY": 30}, data=NPI))
    assert out.owed["US-SEC-REGSP-IND"]["due_local"] == "2026-03-12T23:59:59-04:00"
    early = clocks(facts("2025-06-01T09:00:00-04:00", sp, {"US-NY": 30}, data=NPI))
    assert "not in force until 2025-12-03" in early.excluded["US-SEC-REGSP-IND"]["why"]


# --------------------------------------------------------------------------- California H&SC


def test_california_health_facility_tells_cdph_and_patient_in_15_business_days(clocks):
    # Mon 9 Nov 2026: Veterans Day 11, Thanksgiving 26 and the day after skipped -> Thu 3 Dec
    out = clocks(
        facts(
            "2026-11-09T10:00:00-08:00",
            ["ca_licensed_health_facility"],
            {"US-CA": 2},
            organisation={"established_in": ["US-CA"]},
        )
    )
    for code in ("US-CA-HSC-1280.15", "US-CA-HSC-1280.15-PT"):
        assert out.owed[code]["due_local"] == "2026-12-03T23:59:59-08:00", code


# --------------------------------------------------------------------------- precedence and holds


def test_hbnr_does_not_apply_to_hipaa_entities(clocks):
    both = ["hipaa_covered_entity", "ftc_hbnr_vendor"]
    out = clocks(facts("2026-05-04T10:00:00-04:00", both, {"US-TX": 600}))
    for code in ("US-FTC-HBNR-IND", "US-FTC-HBNR-FTC", "US-FTC-HBNR-MEDIA"):
        assert code not in out.owed, code
        assert out.excluded[code]["displaced_by"] == "US-FTC-HBNR-IND", code
        assert "16 CFR 318.1(a)" in out.excluded[code]["why"], code
    assert "US-HIPAA-404-IND" in out.owed
    kinds = {c["key"]: c["kind"] for c in out.doc["conflicts"]}
    assert kinds["displacement:US-FTC-HBNR-IND>US-FTC-HBNR-FTC"] == "displacement"
    # the same vendor without HIPAA status owes the FTC rule's notices
    vendor = clocks(facts("2026-05-04T10:00:00-04:00", VENDOR, {"US-TX": 600}))
    assert {"US-FTC-HBNR-IND", "US-FTC-HBNR-FTC"} <= set(vendor.owed)
    assert vendor.doc["conflicts"] == []


def test_ftc_safeguards_rule_does_not_apply_to_banks(clocks):
    bank = ["glba_financial_institution", "banking_organization"]
    out = clocks(facts("2026-06-01T09:00:00-04:00", bank, {"US-GA": 600}, data=NPI))
    excluded = out.excluded["US-GLBA-SAFEGUARDS-FTC"]
    assert excluded["displaced_by"] == "US-GLBA-SAFEGUARDS-FTC"
    assert "16 CFR 314.1(b)" in excluded["why"]
    assert {"US-BANK-36H", "US-GLBA-IAG-REG", "US-GLBA-IAG-IND"} <= set(out.owed)


@pytest.mark.parametrize("lifted", [None, "2026-06-10T10:00:00-04:00"])
def test_hipaa_notices_wait_for_law_enforcement_and_the_nydfs_clock_does_not(clocks, lifted):
    hold = {
        "requested_at": "2026-05-05T10:00:00-04:00",
        "lifted_at": lifted,
        "written": False,
        "agency": "FBI",
    }
    out = clocks(
        facts(
            "2026-05-04T10:00:00-04:00",
            [*HIPAA_CE, "nydfs_covered_entity"],
            {"US-NY": 600},
            law_enforcement_hold=hold,
        )
    )
    ind = out.owed["US-HIPAA-404-IND"]
    if lifted is None:
        assert (ind["due_at"], ind["waiting_for"]) == (None, "law_enforcement_hold")
    else:
        # 164.412 then gives no fixed period: as soon as possible after the lift
        assert (ind["due_at"], ind["deadline_kind"]) == (None, "no_fixed_deadline")
    # NYDFS 500.17 allows no delay: 72 hours from determination still run
    assert out.owed["US-NYDFS-500-17A"]["due_at"] == "2026-05-07T14:00:00Z"
    held = {c["key"] for c in out.doc["conflicts"] if c["kind"] == "hold_not_allowed"}
    assert "hold_not_allowed:US-NYDFS-500-17A" in held
    assert not any("HIPAA" in key for key in held)
