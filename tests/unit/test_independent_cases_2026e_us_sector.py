"""Independent cases, fifth set: US federal and sector regimes and where they meet state law.

Each row is one incident built from the federal text (eCFR, U.S. Code, Federal Register, agency
publications) and the state code it touches, written down before the engine was run. It lists
every duty owed as (recipient, jurisdiction) and every dated deadline as (recipient,
jurisdiction, due_at). Federal duties sit in jurisdiction ``US``; several federal notices to
different agencies share the pair ("sector_regulator", "US"), so the dated set is what tells
them apart. Committees of Congress are written as ``state_agency`` in ``US`` (as Illinois' General
Assembly is in ``US-IL``).

Discovery is Tuesday 15 September 2026, 14:00 UTC (10:00 EDT), unless a row says otherwise; the
determination of a breach is discovery unless stated. Counting: the trigger day is not counted;
days end at 23:59:59 in Washington (federal rules) or the state's zone; hours are elapsed time;
business days skip weekends and federal holidays (Columbus Day is 12 October, Veterans Day 11
November 2026). Summer time ends on 1 November 2026, so a day ending after it is at 04:59:59 UTC.

Most rows put the people in Kentucky or New Mexico so that the federal duty is what is tested:
KRS 365.732 has no medical, health-insurance or online-credential element and does not apply to a
person subject to Title V of the Gramm-Leach-Bliley Act or to HIPAA (365.732(7)); N.M. Stat.
57-12C-8 does not apply to a person subject to GLBA or HIPAA.

What these rows cannot test (the facts have no field for it):

* Whether a bank's incident is a "notification incident" or a service provider's disruption
  lasted four hours (12 CFR 53.2(b)(7), 53.4): the rows assume it is.
* Whether the information is CPNI, federal tax information, covered defense information or PHR
  identifiable health information: the organisation's token stands for "the breach touches it".
* Substitute notice (45 CFR 164.404(d)(2), 16 CFR 318.5(a)(4)) is a way of giving the notice, not
  a further duty, so it is not a row.
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-09-15T14:00:00Z"

facts = partial(incident_facts, discovered=DISCOVERED)

H1 = "2026-09-15T15:00:00Z"
H24 = "2026-09-16T14:00:00Z"
H36 = "2026-09-17T02:00:00Z"
H72 = "2026-09-18T14:00:00Z"
BD7 = "2026-09-25T03:59:59Z"  # 7 business days after Tue 15 Sep: Thu 24 Sep, end of day EDT
D30 = "2026-10-16T03:59:59Z"  # 15 Sep + 30 = 15 Oct, end of day EDT
D60 = "2026-11-15T04:59:59Z"  # 15 Sep + 60 = 14 Nov, end of day EST
YEAR_END_60 = "2027-03-02T04:59:59Z"  # 60 days after 31 Dec 2026: 1 Mar 2027, end of day EST
IL_5BD_AFTER_60 = "2026-11-21T05:59:59Z"  # 5 business days after Sat 14 Nov: Fri 20 Nov, CST
NY_5BD_AFTER_60 = "2026-11-21T04:59:59Z"  # the same, EST

HEALTH = ("name", "medical", "health_insurance")
FIN = ("name", "ssn", "financial_account")
CONTACT = ("name", "contact")

CASES = [
    # --- HIPAA (45 CFR 164.400-414) -----------------------------------------------------------
    pytest.param(
        # A clinic (covered entity), 450 New Mexico patients. 164.404(b): individuals within 60
        # days of discovery. 164.408(c): fewer than 500 - the log, to the Secretary within 60
        # days after the end of the calendar year of discovery. 164.406: no media (not more than
        # 500 residents of a State). N.M. Stat. 57-12C-8: the Act does not apply under HIPAA.
        facts({"US-NM": 450}, data=HEALTH, subj=("hipaa_covered_entity",)),
        {("individuals", "US"), ("sector_regulator", "US")},
        {("individuals", "US", D60), ("sector_regulator", "US", YEAR_END_60)},
        id="hipaa-450-annual-log",
    ),
    pytest.param(
        # 501 New Mexicans and 100 Tennesseans: 164.406(a) "more than 500 residents of a State
        # or jurisdiction" - the media in New Mexico; 164.408(b) "500 or more individuals" -
        # the Secretary contemporaneously with the individuals (60 days). Tenn. Code
        # 47-18-2107(i): not for HIPAA-covered entities.
        facts({"US-NM": 501, "US-TN": 100}, data=HEALTH, subj=("hipaa_covered_entity",)),
        {("individuals", "US"), ("media", "US"), ("sector_regulator", "US")},
        {("individuals", "US", D60), ("media", "US", D60), ("sector_regulator", "US", D60)},
        id="hipaa-501-in-one-state-media",
    ),
    pytest.param(
        # Exactly 500 New Mexicans: the Secretary now (164.408(b), 500 or more) but no media
        # (164.406, more than 500 residents of a State).
        facts({"US-NM": 500}, data=HEALTH, subj=("hipaa_covered_entity",)),
        {("individuals", "US"), ("sector_regulator", "US")},
        {("individuals", "US", D60), ("sector_regulator", "US", D60)},
        id="hipaa-500-secretary-no-media",
    ),
    pytest.param(
        # 300 in each of four states (1,200 in all, no state above 500): the Secretary within 60
        # days (counted in total), no media (counted per State).
        facts(
            {s: 300 for s in ("US-NM", "US-TN", "US-KY", "US-AZ")},
            data=HEALTH,
            subj=("hipaa_covered_entity",),
        ),
        {("individuals", "US"), ("sector_regulator", "US")},
        {("individuals", "US", D60), ("sector_regulator", "US", D60)},
        id="hipaa-1200-spread-no-media",
    ),
    pytest.param(
        # The four-factor assessment shows a low probability of compromise (164.402(2)): no
        # breach, so no notice at all.
        facts({"US-NM": 2000}, data=HEALTH, subj=("hipaa_covered_entity",), risk="none"),
        set(),
        set(),
        id="hipaa-low-probability-none",
    ),
    pytest.param(
        # Encrypted to the HHS guidance, key safe: not "unsecured" PHI (164.402), no notice.
        facts(
            {"US-NM": 2000},
            data=HEALTH,
            subj=("hipaa_covered_entity",),
            encryption={"encrypted": True, "key_compromised": False},
        ),
        set(),
        set(),
        id="hipaa-encrypted-key-safe",
    ),
    pytest.param(
        # A business associate: 164.410(b) the covered entity within 60 days of discovery; it
        # owes the individuals, media and Secretary nothing itself.
        facts(
            {"US-NM": 700},
            data=HEALTH,
            role="processor",
            subj=("hipaa_business_associate",),
        ),
        {("controller", "US")},
        {("controller", "US", D60)},
        id="hipaa-business-associate",
    ),
    pytest.param(
        # 600 Illinois patients. 815 ILCS 530/50: a HIPAA covered entity complying with HITECH is
        # deemed compliant, provided it gives the Attorney General the notice it gives the
        # Secretary within 5 business days of notifying the Secretary (outer date: the 60th day).
        facts({"US-IL": 600}, data=HEALTH, subj=("hipaa_covered_entity",)),
        {
            ("individuals", "US"),
            ("media", "US"),
            ("sector_regulator", "US"),
            ("attorney_general", "US-IL"),
        },
        {
            ("individuals", "US", D60),
            ("media", "US", D60),
            ("sector_regulator", "US", D60),
            ("attorney_general", "US-IL", IL_5BD_AFTER_60),
        },
        id="hipaa-illinois-ag-copy",
    ),
    pytest.param(
        # 600 New York patients (name, SSN, medical). GBL 899-aa(2)(b)(ii): notice under HIPAA
        # excuses the residents' notice; (8)(a) the AG, Department of State and State Police
        # still; (9) the AG a copy of the Secretary's notice within 5 business days of it.
        facts({"US-NY": 600}, data=HEALTH + ("ssn",), subj=("hipaa_covered_entity",)),
        {
            ("individuals", "US"),
            ("media", "US"),
            ("sector_regulator", "US"),
            ("attorney_general", "US-NY"),
            # 899-aa(8)(a): Department of State, State Police (split 2026-12-06)
            ("state_agency", "US-NY"),
        },
        {
            ("individuals", "US", D60),
            ("media", "US", D60),
            ("sector_regulator", "US", D60),
            ("attorney_general", "US-NY", NY_5BD_AFTER_60),
        },
        id="hipaa-new-york-ag-copy",
    ),
    # --- FTC Health Breach Notification Rule (16 CFR 318, as amended 2024) ------------------
    pytest.param(
        # A symptom-tracker app (vendor of personal health records), 499 Kentuckians. 318.4(a),
        # 318.5(a): individuals within 60 calendar days; 318.5(c): fewer than 500 - the log, to
        # the FTC within 60 days after the end of the calendar year; 318.6: no media (500 or
        # more residents). KRS 365.732: no health element.
        facts({"US-KY": 499}, data=HEALTH, subj=("ftc_hbnr_vendor",)),
        {("individuals", "US"), ("sector_regulator", "US")},
        {("individuals", "US", D60), ("sector_regulator", "US", YEAR_END_60)},
        id="hbnr-499-log",
    ),
    pytest.param(
        # 500 Kentuckians: 318.5(c) the FTC contemporaneously with the individuals and within 60
        # days (500 or more); 318.6 media serving Kentucky (500 or more residents of a State).
        facts({"US-KY": 500}, data=HEALTH, subj=("ftc_hbnr_vendor",)),
        {("individuals", "US"), ("sector_regulator", "US"), ("media", "US")},
        {("individuals", "US", D60), ("sector_regulator", "US", D60), ("media", "US", D60)},
        id="hbnr-500-ftc-and-media",
    ),
    pytest.param(
        # The app's analytics vendor (a third-party service provider): 318.3(b) a senior official
        # of the vendor within 60 calendar days of discovery.
        facts(
            {"US-KY": 1000},
            data=HEALTH,
            role="processor",
            subj=("ftc_hbnr_service_provider",),
        ),
        {("controller", "US")},
        {("controller", "US", D60)},
        id="hbnr-service-provider",
    ),
    # --- GLBA: FTC Safeguards Rule 16 CFR 314.4(j) ---------------------------------------------
    pytest.param(
        # A tax-preparation firm (a financial institution under the FTC Safeguards Rule, 314.2(h)
        # (2)(viii)), 800 clients: 314.4(j)(1) the FTC as soon as possible and no later than 30
        # days after discovery (500 or more consumers). IRS Publication 4557 asks preparers to
        # tell their stakeholder liaison: guidance, not a legal duty. Kentucky: 365.732(7) (GLBA).
        facts(
            {"US-KY": 800},
            data=("name", "ssn", "tax_id"),
            subj=("ftc_safeguards_financial_institution",),
        ),
        {("sector_regulator", "US")},
        {("sector_regulator", "US", D30)},
        id="safeguards-tax-preparer-800",
    ),
    pytest.param(
        # 499 clients: below "at least 500 consumers" (314.4(j)(1)); Kentucky exempt.
        facts(
            {"US-KY": 499},
            data=("name", "ssn", "tax_id"),
            subj=("ftc_safeguards_financial_institution",),
        ),
        set(),
        set(),
        id="safeguards-499-nothing",
    ),
    pytest.param(
        # 5,000 clients, data encrypted and the key safe: 314.2(m) a notification event is the
        # acquisition of unencrypted customer information.
        facts(
            {"US-KY": 5000},
            data=("name", "ssn", "tax_id"),
            subj=("ftc_safeguards_financial_institution",),
            encryption={"encrypted": True, "key_compromised": False},
        ),
        set(),
        set(),
        id="safeguards-encrypted-nothing",
    ),
    # --- Credit unions and banks ----------------------------------------------------------
    pytest.param(
        # A federally insured credit union, ransomware, 2,000 members. 12 CFR 748.1(c): NCUA
        # within 72 hours of reasonably believing a reportable cyber incident occurred. 12 CFR
        # 748.0(b)(3) and Appendix B III.A.1.b: the NCUA Regional Director as soon as possible
        # after becoming aware of unauthorized access to sensitive member information; III.A.1.d
        # and III.B: the members, as soon as possible, where misuse is reasonably possible. Not
        # the FTC Safeguards Rule: 15 U.S.C. 6805(a)(2) gives credit unions to the NCUA and
        # 16 CFR 314.1(b) reaches only institutions under FTC jurisdiction. Kentucky: GLBA.
        facts(
            {"US-KY": 2000},
            data=FIN,
            cause="ransomware",
            subj=("ncua_federally_insured_credit_union", "glba_financial_institution"),
        ),
        {("sector_regulator", "US"), ("individuals", "US")},
        {("sector_regulator", "US", H72)},
        id="credit-union-748-and-appendix-b",
    ),
    pytest.param(
        # The same credit union ticking only the "NCUA guidance" box: the same duties (both
        # boxes name a federally insured credit union; it is a GLBA institution by definition).
        facts({"US-KY": 2000}, data=FIN, cause="ransomware", subj=("ncua_credit_union",)),
        {("sector_regulator", "US"), ("individuals", "US")},
        {("sector_regulator", "US", H72)},
        id="credit-union-guidance-box-only",
    ),
    pytest.param(
        # A credit union (the "NCUA guidance" box only), 600 members in each of eight states.
        # GLBA exemptions: Minn. 325E.61 subd. 4; S.C. 39-1-90(I); Wis. 134.98(3)(c)1; Tenn.
        # 47-18-2107(i); N.M. 57-12C-8; A.R.S. 18-552(N)(1). None in Texas (521.053: 60 days;
        # AG from 250 within 30 days) or California (1798.82: 30 days since 1 Jan 2026; AG above
        # 500, as the earlier sets count it 15 days after the residents' date).
        facts(
            {
                s: 600
                for s in ("US-MN", "US-SC", "US-WI", "US-TN", "US-NM", "US-AZ", "US-TX", "US-CA")
            },
            data=FIN,
            cause="ransomware",
            subj=("ncua_credit_union",),
        ),
        {
            ("sector_regulator", "US"),
            ("individuals", "US"),
            ("individuals", "US-TX"),
            ("attorney_general", "US-TX"),
            ("individuals", "US-CA"),
            ("attorney_general", "US-CA"),
        },
        {
            ("sector_regulator", "US", H72),
            ("individuals", "US-TX", "2026-11-15T05:59:59Z"),
            ("attorney_general", "US-TX", "2026-10-16T04:59:59Z"),
            ("individuals", "US-CA", "2026-10-16T06:59:59Z"),
            ("attorney_general", "US-CA", "2026-10-31T06:59:59Z"),
        },
        id="credit-union-eight-states",
    ),
    pytest.param(
        # A state member bank, 2,000 customers. 12 CFR 225.302: the Federal Reserve within 36
        # hours of determining a notification incident; Interagency Guidance (12 CFR 208 app.
        # D-2 supp. A): the regulator and the customers as soon as possible. Not the FTC rule.
        facts(
            {"US-KY": 2000},
            data=FIN,
            cause="ransomware",
            subj=("banking_organization", "glba_financial_institution"),
        ),
        {("sector_regulator", "US"), ("individuals", "US")},
        {("sector_regulator", "US", H36)},
        id="bank-36-hours-and-guidance",
    ),
    pytest.param(
        # The same bank ticking only "US bank": the same duties, and Kentucky's GLBA exemption
        # holds (a bank is a GLBA financial institution, 15 U.S.C. 6809(3)).
        facts({"US-KY": 2000}, data=FIN, cause="ransomware", subj=("banking_organization",)),
        {("sector_regulator", "US"), ("individuals", "US")},
        {("sector_regulator", "US", H36)},
        id="bank-box-only-kentucky-exempt",
    ),
    pytest.param(
        # A core-processing provider (bank service provider), outage of more than four hours:
        # 12 CFR 53.4 / 225.303 / 304.24 - each affected bank customer as soon as possible. No
        # personal-information element taken, so no state notice.
        facts(
            {"US-KY": 2000},
            data=CONTACT,
            role="processor",
            cause="ransomware",
            subj=("bank_service_provider",),
        ),
        {("controller", "US")},
        set(),
        id="bank-service-provider",
    ),
    # --- SEC Regulation S-P (17 CFR 248.30, as amended 2024) --------------------------------
    pytest.param(
        # A broker-dealer (larger entity), 3,000 customers' names, SSNs and account numbers.
        # 248.30(a)(4)(iii): the individuals as soon as practicable, no later than 30 days after
        # becoming aware. Not the FTC Safeguards Rule (15 U.S.C. 6805(a)(3): the SEC). Kentucky:
        # 365.732(7) (GLBA Title V: Regulation S-P is its SEC rule).
        facts(
            {"US-KY": 3000},
            data=FIN,
            subj=("sec_reg_sp_covered_institution", "glba_financial_institution"),
        ),
        {("individuals", "US")},
        {("individuals", "US", D30)},
        id="reg-sp-broker-dealer",
    ),
    pytest.param(
        # The same broker-dealer ticking only the Regulation S-P box: the same, Kentucky exempt.
        facts({"US-KY": 3000}, data=FIN, subj=("sec_reg_sp_covered_institution",)),
        {("individuals", "US")},
        {("individuals", "US", D30)},
        id="reg-sp-box-only-kentucky-exempt",
    ),
    pytest.param(
        # Its clearing-software vendor (service provider): 248.30(a)(5)(i)(B) the covered
        # institution within 72 hours of becoming aware. KRS 365.732(3): a holder of data it does
        # not own tells the owner as soon as reasonably practicable.
        facts(
            {"US-KY": 3000},
            data=FIN,
            role="processor",
            subj=("sec_reg_sp_service_provider",),
        ),
        {("controller", "US"), ("controller", "US-KY")},
        {("controller", "US", H72)},
        id="reg-sp-service-provider",
    ),
    # --- NYDFS and insurance ---------------------------------------------------------------
    pytest.param(
        # A New York-domiciled insurer (NYDFS-licensed), 800 New Yorkers, no GLBA box: 23 NYCRR
        # 500.17(a)(1) the superintendent within 72 hours of the determination (New York's
        # insurance data security rule is Part 500 itself). GBL 899-aa(2): residents within 30
        # days; (8)(a) AG, Department of State, State Police.
        facts(
            {"US-NY": 800},
            data=("name", "ssn"),
            subj=("nydfs_covered_entity", "naic_licensee"),
            est=("US-NY",),
        ),
        {
            ("sector_regulator", "US-NY"),
            ("individuals", "US-NY"),
            ("attorney_general", "US-NY"),
            # 899-aa(8)(a): Department of State, State Police (split 2026-12-06)
            ("state_agency", "US-NY"),
        },
        {("sector_regulator", "US-NY", H72), ("individuals", "US-NY", D30)},
        id="nydfs-insurer-new-york",
    ),
    # --- FCC ------------------------------------------------------------------------------
    pytest.param(
        # A wireless carrier, pretexting exposes 5,000 customers' call records. 47 CFR 64.2011(b)
        # (2007 text; the 2023 amendments are delayed indefinitely, 89 FR 9968): USSS and FBI
        # within 7 business days of reasonable determination; customers only after 7 full
        # business days from that notice (no outer date).
        facts({"US-KY": 5000}, data=CONTACT, subj=("fcc_cpni_carrier",)),
        {("sector_regulator", "US"), ("individuals", "US")},
        {("sector_regulator", "US", BD7)},
        id="fcc-cpni-carrier",
    ),
    pytest.param(
        # A video relay service provider (TRS): 47 CFR 64.5111(b) - the same: USSS and FBI
        # within 7 business days, customers after 7 full business days (the Disability Rights
        # Office gets a copy when the customers are told). The 2023 amendments to 64.5111 are
        # delayed indefinitely too.
        facts({"US-KY": 5000}, data=CONTACT, subj=("fcc_trs_provider",)),
        {("sector_regulator", "US"), ("individuals", "US")},
        {("sector_regulator", "US", BD7)},
        id="fcc-trs-provider",
    ),
    # --- Defence contractors ---------------------------------------------------------------
    pytest.param(
        # A prime contractor holding covered defense information: DFARS 252.204-7012(c)(1) DoD
        # (DIBNet) within 72 hours of discovery. No personal-information element: no state notice.
        facts({"US-KY": 50}, data=CONTACT, subj=("dfars_contractor",)),
        {("sector_regulator", "US")},
        {("sector_regulator", "US", H72)},
        id="dfars-prime",
    ),
    pytest.param(
        # A subcontractor under the clause: 252.204-7012(m)(2)(ii) it reports to DoD itself
        # within 72 hours and gives the prime contractor (or next higher tier) the incident
        # report number as soon as practicable.
        facts({"US-KY": 50}, data=CONTACT, subj=("dfars_contractor", "dfars_subcontractor")),
        {("sector_regulator", "US"), ("controller", "US")},
        {("sector_regulator", "US", H72)},
        id="dfars-subcontractor",
    ),
    # --- Federal agencies ------------------------------------------------------------------
    pytest.param(
        # A federal agency, 20,000 people's names and SSNs, found a major incident on Wed 16 Sep
        # 14:00 UTC. CISA's Federal Incident Notification Guidelines and OMB M-17-12: CISA within
        # one hour of identification; 44 U.S.C. 3554(b)(7)(C)(iii)(III)(aa): the Congressional
        # committees within 7 days of a reasonable basis to conclude that a major incident
        # occurred; M-17-12 / FISMA 2014 s 2(d): the individuals as expeditiously as practicable
        # (no fixed date). State breach statutes bind persons, businesses and the state's own
        # agencies, not federal agencies: KRS 365.732 nothing.
        facts(
            {"US-KY": 20000},
            data=("name", "ssn"),
            subj=("us_federal_agency",),
            classified_major_at="2026-09-16T14:00:00Z",
        ),
        {("csirt_or_competent_authority", "US"), ("state_agency", "US"), ("individuals", "US")},
        {
            ("csirt_or_competent_authority", "US", H1),
            ("state_agency", "US", "2026-09-24T03:59:59Z"),
        },
        id="federal-agency-major-incident",
    ),
    pytest.param(
        # The Department of Veterans Affairs: besides the above, 38 U.S.C. 5726(b) a significant
        # breach to the Committees on Veterans' Affairs promptly (no fixed date; same pair).
        facts(
            {"US-KY": 20000},
            data=("name", "ssn"),
            subj=("us_federal_agency", "us_veterans_affairs"),
            classified_major_at="2026-09-16T14:00:00Z",
        ),
        {("csirt_or_competent_authority", "US"), ("state_agency", "US"), ("individuals", "US")},
        {
            ("csirt_or_competent_authority", "US", H1),
            ("state_agency", "US", "2026-09-24T03:59:59Z"),
        },
        id="veterans-affairs",
    ),
    pytest.param(
        # The same agency with 600 people in each of six places, states and territories: the
        # federal duties only (none of Cal. Civ. 1798.82, Tex. 521.053, GBL 899-aa, Fla.
        # 501.171, 10 L.P.R.A. 4051-4055 or 9 GCA ch. 48 binds a federal agency).
        facts(
            {s: 600 for s in ("US-CA", "US-TX", "US-NY", "US-FL", "US-PR", "US-GU")},
            data=("name", "ssn"),
            subj=("us_federal_agency",),
            classified_major_at="2026-09-16T14:00:00Z",
        ),
        {("csirt_or_competent_authority", "US"), ("state_agency", "US"), ("individuals", "US")},
        {
            ("csirt_or_competent_authority", "US", H1),
            ("state_agency", "US", "2026-09-24T03:59:59Z"),
        },
        id="federal-agency-six-places",
    ),
    # --- IRS federal tax information (Publication 1075) -------------------------------------
    pytest.param(
        # A private contractor to a state revenue agency holding federal tax information, 500
        # Kentuckians' names and SSNs. Publication 1075 s 10 (irs.gov): TIGTA and the IRS Office
        # of Safeguards immediately, no later than 24 hours after identifying a possible issue.
        # KRS 365.732(2): the residents (no fixed date; 500: no agency notice).
        facts({"US-KY": 500}, data=("name", "ssn"), subj=("irs_fti_recipient",)),
        {("sector_regulator", "US"), ("individuals", "US-KY")},
        {("sector_regulator", "US", H24)},
        id="irs-pub-1075-contractor",
    ),
    # --- No federal notice ------------------------------------------------------------------
    pytest.param(
        # A private college (FERPA): FERPA (20 U.S.C. 1232g, 34 CFR 99) has no breach notice;
        # 34 CFR 99.32 is a record of disclosures. KRS 365.732(2): the residents.
        facts({"US-KY": 500}, data=("name", "ssn")),
        {("individuals", "US-KY")},
        set(),
        id="ferpa-college-state-only",
    ),
    pytest.param(
        # A children's game (COPPA operator), names and e-mail addresses of 2,000 children: the
        # COPPA Rule (16 CFR 312, as amended 2025) requires security, not breach notice; no
        # Kentucky element.
        facts({"US-KY": 2000}, data=CONTACT),
        set(),
        set(),
        id="coppa-no-notice",
    ),
]


@pytest.mark.parametrize(("incident", "owed", "dated"), CASES)
def test_independent_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)
