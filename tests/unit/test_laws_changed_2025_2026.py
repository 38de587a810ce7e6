"""Laws that changed or came into force in 2025-2026: the version in force on the clock-start date.

Each row was written from the text (or, where only a reliable quotation of it could be read, from
that quotation; the rule's notes and confidence say which) before the engine was run, with a
clock start before and one after each change. The engine picks the rule version in force on the
local date of the clock-start event, so a breach discovered before a change keeps the old duty
and one discovered after it gets the new one; a law not yet in force is not listed.
"""

import pytest

from tests.unit.law_cases import ESTABLISHMENT_SCOPED, breach

SEC = ["sec_reg_sp_covered_institution"]
SEC_SMALL = ["sec_reg_sp_covered_institution", "sec_reg_sp_smaller_entity"]
CPNI = ["fcc_cpni_carrier"]
SENSITIVE = ("name", "special_category")


def _at(
    place, discovered, *, role="controller", risk="high", data=("name", "ssn"), subject_to=(), **org
):
    facts = breach(
        {place: 10},
        role=role,
        risk=risk,
        data=data,
        subject_to=subject_to,
        discovered=discovered,
        est=(place,) if place in ESTABLISHMENT_SCOPED else (),
    )
    facts["organisation"].update(org)
    return facts


def _us(discovered, subject_to, *, risk="high"):
    return breach(
        {"US-NY": 10},
        subject_to=subject_to,
        risk=risk,
        data=("name", "ssn", "financial_account"),
        discovered=discovered,
    )


# (label, facts, rule, owed?, citation contains (or None), due_at (or None))
ROWS = [
    # --- Viet Nam. Decree 13/2023/ND-CP Art 23(1) (in force 1 Jul 2023 to 31 Dec 2025): the
    # controller tells the Ministry of Public Security (A05) within 72 hours, on Form No. 03;
    # Art 23(2): the processor tells the controller as soon as possible. Law on Personal Data
    # Protection No. 91/2025/QH15 (in force 1 Jan 2026) Art 23, detailed by Decree 356/2025/ND-CP
    # (which replaced Decree 13 on the same day): the specialised personal data protection
    # agency (A05) within 72 hours; the processor tells the controller.
    (
        "VN controller, December 2025: Decree 13 Art 23",
        _at("VN", "2025-12-15T16:00:00Z"),
        "VN-PDP-SA",
        True,
        "Decree 13/2023/ND-CP Art 23",
        "2025-12-18T16:00:00Z",
    ),
    (
        "VN controller, March 2026: Law 91/2025 Art 23",
        _at("VN", "2026-03-02T16:00:00Z"),
        "VN-PDP-SA",
        True,
        "Law on Personal Data Protection No. 91/2025/QH15 Art 23",
        "2026-03-05T16:00:00Z",
    ),
    (
        "VN processor, December 2025: Decree 13 Art 23(2)",
        _at("VN", "2025-12-15T16:00:00Z", role="processor"),
        "VN-PDP-PROC",
        True,
        "Decree 13/2023/ND-CP Art 23(2)",
        None,
    ),
    (
        "VN processor, March 2026: Law 91/2025 Art 23",
        _at("VN", "2026-03-02T16:00:00Z", role="processor"),
        "VN-PDP-PROC",
        True,
        "Law on Personal Data Protection No. 91/2025/QH15 Art 23",
        None,
    ),
    (
        "VN before Decree 13 (June 2023): no duty",
        _at("VN", "2023-06-01T16:00:00Z"),
        "VN-PDP-SA",
        False,
        None,
        None,
    ),
    # Law 91/2025 Art 23(1) owes the agency's notice only where the violation may harm national
    # defence, security, order, or the data subject's life, health, honour, dignity or property;
    # Decree 13 Art 23(1) had no harm test.
    (
        "VN no possible harm, December 2025: Decree 13 has no harm test",
        _at("VN", "2025-12-15T16:00:00Z", risk="none"),
        "VN-PDP-SA",
        True,
        "Decree 13/2023/ND-CP Art 23",
        None,
    ),
    (
        "VN no possible harm, March 2026: no agency notice under Art 23(1)",
        _at("VN", "2026-03-02T16:00:00Z", risk="none"),
        "VN-PDP-SA",
        False,
        None,
        None,
    ),
    # Decree 356 Art 29(1)(a): location or biometric data - the data subjects within 72 hours of
    # discovery, whatever the harm; nothing like it in Decree 13.
    (
        "VN biometric data, March 2026: data subjects within 72 hours (Decree 356 Art 29)",
        _at("VN", "2026-03-02T16:00:00Z", risk="none", data=("name", "biometric")),
        "VN-PDP-DS-LOCBIO",
        True,
        "Decree 356/2025/ND-CP Art 29",
        "2026-03-05T16:00:00Z",
    ),
    (
        "VN biometric data, December 2025: no data-subject notice under Decree 13",
        _at("VN", "2025-12-15T16:00:00Z", data=("name", "biometric")),
        "VN-PDP-DS-LOCBIO",
        False,
        None,
        None,
    ),
    # Decree 356 Art 8(3): finance, banking, credit information - a leak of sensitive data goes to
    # the agency and the data subjects within 72 hours, whatever the harm.
    (
        "VN bank, card data, March 2026: the agency within 72 hours (Decree 356 Art 8(3))",
        _at(
            "VN",
            "2026-03-02T16:00:00Z",
            risk="none",
            data=("name", "payment_card"),
            subject_to=["vn_finance_banking_credit"],
        ),
        "VN-PDP-FIN-SA",
        True,
        "Decree 356/2025/ND-CP Art 8(3)",
        "2026-03-05T16:00:00Z",
    ),
    (
        "VN bank, card data, March 2026: the data subjects within 72 hours (Decree 356 Art 8(3))",
        _at(
            "VN",
            "2026-03-02T16:00:00Z",
            risk="none",
            data=("name", "payment_card"),
            subject_to=["vn_finance_banking_credit"],
        ),
        "VN-PDP-FIN-DS",
        True,
        "Decree 356/2025/ND-CP Art 8(3)",
        "2026-03-05T16:00:00Z",
    ),
    (
        "VN bank, no sensitive data, March 2026: no Art 8(3) notice",
        _at("VN", "2026-03-02T16:00:00Z", subject_to=["vn_finance_banking_credit"]),
        "VN-PDP-FIN-DS",
        False,
        None,
        None,
    ),
    # --- Mexico. LFPDPPP (DOF 5 Jul 2010) art 20, abrogated on 21 Mar 2025 by the new LFPDPPP
    # (DOF 20 Mar 2025) art 19: breaches that significantly affect property or moral rights are
    # reported to the data subject immediately (same duty, new article).
    (
        "MX, 3 Feb 2025: LFPDPPP 2010 art 20",
        _at("MX", "2025-02-03T16:00:00Z"),
        "MX-LFPDPPP-DS",
        True,
        "LFPDPPP (DOF 5 Jul 2010) art 20",
        None,
    ),
    (
        "MX, 1 Apr 2025: LFPDPPP 2025 art 19",
        _at("MX", "2025-04-01T16:00:00Z"),
        "MX-LFPDPPP-DS",
        True,
        "LFPDPPP (DOF 20 Mar 2025) art 19",
        None,
    ),
    # --- Chile, Ley 21.719 (DO 13 Dec 2024), in force 1 Dec 2026: Ley 19.628 art 14 sexies as
    # replaced - the Agencia de Protección de Datos Personales by the most expeditious means and
    # without undue delay where there is a reasonable risk; the data subjects where the breach
    # concerns sensitive data, data of children under 14 or economic/financial data.
    (
        "CL, 30 Nov 2026: Ley 21.719 not yet in force",
        _at("CL", "2026-11-30T16:00:00Z", data=SENSITIVE),
        "CL-LPDP-SA",
        False,
        None,
        None,
    ),
    (
        "CL, 30 Nov 2026: no data-subject notice yet",
        _at("CL", "2026-11-30T16:00:00Z", data=SENSITIVE),
        "CL-LPDP-DS",
        False,
        None,
        None,
    ),
    (
        "CL, 2 Dec 2026: the Agency",
        _at("CL", "2026-12-02T16:00:00Z", data=SENSITIVE),
        "CL-LPDP-SA",
        True,
        "14 sexies",
        None,
    ),
    (
        "CL, 2 Dec 2026: sensitive data, the data subjects",
        _at("CL", "2026-12-02T16:00:00Z", data=SENSITIVE),
        "CL-LPDP-DS",
        True,
        "14 sexies",
        None,
    ),
    (
        "CL, 2 Dec 2026: no sensitive, child or financial data, no data-subject notice",
        _at("CL", "2026-12-02T16:00:00Z", data=("name", "contact")),
        "CL-LPDP-DS",
        False,
        None,
        None,
    ),
    # --- India. DPDP Rules 2025 (notified 13 Nov 2025): rules 3, 5-16, 22-23 - rule 7, breach
    # intimation - come into force 18 months after publication (the book: 14 May 2027). Until
    # then no Board or Data Principal notice; CERT-In Directions of 28 Apr 2022 (6 hours) stay.
    (
        "IN, 6 Dec 2026: CERT-In within 6 hours",
        _at("IN", "2026-12-06T10:00:00Z"),
        "IN-CERTIN-6H",
        True,
        "CERT-In Directions",
        "2026-12-06T16:00:00Z",
    ),
    (
        "IN, 6 Dec 2026: no Board report before rule 7 commences",
        _at("IN", "2026-12-06T10:00:00Z"),
        "IN-DPDP-BOARD",
        False,
        None,
        None,
    ),
    (
        "IN, 6 Dec 2026: no Board intimation before rule 7 commences",
        _at("IN", "2026-12-06T10:00:00Z"),
        "IN-DPDP-BOARD-INTIMATION",
        False,
        None,
        None,
    ),
    (
        "IN, 6 Dec 2026: no Data Principal notice before rule 7 commences",
        _at("IN", "2026-12-06T10:00:00Z"),
        "IN-DPDP-PRINCIPALS",
        False,
        None,
        None,
    ),
    (
        "IN, 12 May 2027: rule 7 not yet in force",
        _at("IN", "2027-05-12T06:00:00Z"),
        "IN-DPDP-BOARD-INTIMATION",
        False,
        None,
        None,
    ),
    (
        "IN, 14 May 2027: the Board intimation without delay (rule 7(2)(a))",
        _at("IN", "2027-05-14T06:00:00Z"),
        "IN-DPDP-BOARD-INTIMATION",
        True,
        "rule 7(2)(a)",
        None,
    ),
    (
        "IN, 1 Jun 2027: the Board report within 72 hours (rule 7(2)(b))",
        _at("IN", "2027-06-01T10:00:00Z"),
        "IN-DPDP-BOARD",
        True,
        "rule 7(2)(b)",
        "2027-06-04T10:00:00Z",
    ),
    (
        "IN, 1 Jun 2027: the Data Principals (rule 7(1))",
        _at("IN", "2027-06-01T10:00:00Z"),
        "IN-DPDP-PRINCIPALS",
        True,
        "rule 7(1)",
        None,
    ),
    (
        "IN, 1 Jun 2027: CERT-In still within 6 hours",
        _at("IN", "2027-06-01T10:00:00Z"),
        "IN-CERTIN-6H",
        True,
        "CERT-In Directions",
        "2027-06-01T16:00:00Z",
    ),
    # --- US SEC Regulation S-P, 17 CFR 248.30(a)(4) (Release 34-100155, 89 FR 47688, 3 Jun
    # 2024): effective 2 Aug 2024; compliance 3 Dec 2025 for larger entities, 3 Jun 2026 for
    # smaller entities. Individuals within 30 days of becoming aware.
    (
        "SEC S-P larger entity, 10 Dec 2025: individuals within 30 days",
        _us("2025-12-10T15:00:00Z", SEC),
        "US-SEC-REGSP-IND",
        True,
        "248.30(a)(4)",
        None,
    ),
    (
        "SEC S-P, 1 Nov 2025: before any compliance date",
        _us("2025-11-01T15:00:00Z", SEC),
        "US-SEC-REGSP-IND",
        False,
        None,
        None,
    ),
    (
        "SEC S-P smaller entity, 2 Mar 2026: before its compliance date (3 Jun 2026)",
        _us("2026-03-02T16:00:00Z", SEC_SMALL),
        "US-SEC-REGSP-IND",
        False,
        None,
        None,
    ),
    (
        "SEC S-P smaller entity, 1 Jul 2026: from its compliance date",
        _us("2026-07-01T16:00:00Z", SEC_SMALL),
        "US-SEC-REGSP-IND",
        True,
        "248.30(a)(4)",
        None,
    ),
    # --- US FCC CPNI. FCC 23-111 (89 FR 9968): the amendments to 47 CFR 64.2011 are "delayed
    # indefinitely" until the FCC announces their effective date; the Sixth Circuit upheld the
    # order (Ohio Telecom Ass'n v. FCC, 13 Aug 2025) and the FCC told the court (Sep 2025) it was
    # reviewing it. No effective date found: the 2007 text governs - USSS/FBI within seven
    # business days of reasonable determination; the 2023 Commission notice is not yet owed.
    (
        "FCC CPNI, 2 Mar 2026: USSS/FBI under the 2007 text",
        _us("2026-03-02T16:00:00Z", CPNI),
        "US-FCC-CPNI-LE",
        True,
        "64.2011(a), (b)",
        None,
    ),
    (
        "FCC CPNI, 6 Dec 2026: the 2023 Commission notice is not yet in force",
        _us("2026-12-06T16:00:00Z", CPNI),
        "US-FCC-CPNI-2023-FED",
        False,
        None,
        None,
    ),
    (
        "FCC CPNI, 6 Dec 2026: the 2023 customer notice is not yet in force",
        _us("2026-12-06T16:00:00Z", CPNI),
        "US-FCC-CPNI-2023-IND",
        False,
        None,
        None,
    ),
    # --- US CIRCIA: only the NPRM (89 FR 23644, 4 Apr 2024); no final rule found by Dec 2026.
    (
        "CIRCIA, 6 Dec 2026: proposed rule only",
        _us("2026-12-06T16:00:00Z", ["circia_covered_entity"]),
        "US-CIRCIA-INCIDENT",
        False,
        None,
        None,
    ),
    # --- Malaysia, PDPA 2010 s 12B (Personal Data Protection (Amendment) Act 2024), in force
    # 1 Jun 2025: the Commissioner as soon as practicable (Guideline: 72 hours).
    (
        "MY, 20 May 2025: before s 12B",
        _at("MY", "2025-05-20T16:00:00Z"),
        "MY-PDPA-SA",
        False,
        None,
        None,
    ),
    (
        "MY, 2 Jun 2025: the Commissioner within 72 hours",
        _at("MY", "2025-06-02T16:00:00Z"),
        "MY-PDPA-SA",
        True,
        "12B",
        "2025-06-05T16:00:00Z",
    ),
    # --- Peru, Reglamento de la Ley 29733 (DS 016-2024-JUS), in force 30 Mar 2025: the ANPD
    # within 48 hours.
    (
        "PE, 1 Mar 2025: before DS 016-2024-JUS",
        _at("PE", "2025-03-01T16:00:00Z"),
        "PE-LPDP-SA",
        False,
        None,
        None,
    ),
    (
        "PE, 1 Apr 2025: the ANPD within 48 hours",
        _at("PE", "2025-04-01T16:00:00Z"),
        "PE-LPDP-SA",
        True,
        "016-2024-JUS",
        "2025-04-03T16:00:00Z",
    ),
    # --- China, National Cybersecurity Incident Reporting Measures (CAC, in force 1 Nov 2025):
    # relatively major incidents (the guide: 1,000,000 people's information or more) within 4 hours.
    (
        "CN, 20 Oct 2025: before the Measures",
        {**_at("CN", "2025-10-20T02:00:00Z", established_in=["CN"]), "affected": {"CN": 1000000}},
        "CN-CAC-INCIDENT",
        False,
        None,
        None,
    ),
    (
        "CN, 3 Nov 2025: the CAC within 4 hours",
        {**_at("CN", "2025-11-03T02:00:00Z", established_in=["CN"]), "affected": {"CN": 1000000}},
        "CN-CAC-INCIDENT",
        True,
        None,
        "2025-11-03T06:00:00Z",
    ),
]


@pytest.mark.parametrize(
    ("label", "facts", "rule", "owed", "citation", "due"), ROWS, ids=[r[0] for r in ROWS]
)
def test_law_in_force_on_the_clock_start_date(clocks, label, facts, rule, owed, citation, due):
    out = clocks(facts)
    if not owed:
        assert rule not in out.owed, out.owed.get(rule)
        return
    assert rule in out.owed, out.excluded.get(rule)
    if citation is not None:
        assert citation in out.owed[rule]["citation"]
    if due is not None:
        assert out.due(rule) == due


def _cra(day, hour):
    return {
        "events": {
            "discovered_at": f"{day}T{hour}:00:00+02:00",
            "exploited_vulnerability_at": f"{day}T{hour}:00:00+02:00",
        },
        "organisation": {
            "main_establishment": "DE",
            "established_in": ["DE"],
            "subject_to": ["cra_manufacturer"],
        },
        "data": [],
    }


@pytest.mark.parametrize(
    ("day", "owed", "due"),
    [
        # Regulation (EU) 2024/2847 Art 71(2): Art 14 applies from 11 September 2026.
        ("2026-09-10", False, None),
        # 24 hours of elapsed time from 07:00Z on Friday 11 September.
        ("2026-09-11", True, "2026-09-12T07:00:00Z"),
    ],
)
def test_cra_article_14_from_11_september_2026(clocks, day, owed, due):
    out = clocks(_cra(day, "09"))
    assert ("EU-CRA-14-2-EW" in out.owed) is owed
    if owed:
        assert out.due("EU-CRA-14-2-EW") == due


@pytest.mark.parametrize(
    ("paid", "owed"),
    [
        # Cyber Security Act 2024 (Cth) Part 3 (ransomware payment reports) commenced 30 May 2025.
        ("2025-05-20T10:00:00+10:00", False),
        ("2025-06-10T10:00:00+10:00", True),
    ],
)
def test_australia_ransomware_payment_report_from_30_may_2025(clocks, paid, owed):
    facts = breach({"AU": 10}, discovered=paid)
    facts["events"]["ransom_paid_at"] = paid
    facts["organisation"].update(
        established_in=["AU"],
        subject_to=["au_ransomware_reporting_entity", "au_turnover_over_3m"],
    )
    out = clocks(facts)
    assert ("AU-CSA-RANSOM" in out.owed) is owed, out.excluded.get("AU-CSA-RANSOM")
