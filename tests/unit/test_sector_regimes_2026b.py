"""Sector cyber-incident reporting regimes that had no rule at all, second round: the US electric
sector (NERC CIP-008-6, DOE Form OE-417), nuclear power reactors (10 CFR 73.77), TSA-designated
pipelines and railroads, SEC Regulation SCI entities, Singapore's MAS Technology Risk Management
Notices, India's RBI, SEBI and IRDAI incident reporting, and the United Kingdom's telecoms security
duty (Communications Act 2003 s 105K) and UK eIDAS Art 19(2). An organisation under one of them
saw none of its sector notices. Each row was written down from the text before the engine was run
and cites its provision.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_duty_structure.py; hours are elapsed hours,
days end at 23:59:59 in the authority's zone. "Classified" stands for the determination that the
incident meets the higher tier of a regime (a Reportable Cyber Security Incident, an interruption
of electrical system operations, an attack that adversely impacted safety or security functions).
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach

CLASSIFIED = "2026-03-02T18:00:00Z"  # two hours after discovery


def _facts(subject_to, *, affected=None, at=DISCOVERED, classified=None, established=None):
    facts = breach(
        affected or {"US-CA": 10}, data=("name", "contact"), subject_to=subject_to, discovered=at
    )
    if classified:
        facts["events"]["classified_major_at"] = classified
    if established:
        facts["organisation"]["established_in"] = list(established)
    return facts


NERC = {"US-NERC-CIP008-R4-RCSI", "US-NERC-CIP008-R4-ATTEMPT"}
OE417 = {"US-DOE-OE417-ALERT", "US-DOE-OE417-NORMAL", "US-DOE-OE417-FINAL"}
NRC = {"US-NRC-7377-1H", "US-NRC-7377-4H", "US-NRC-7377-WRITTEN"}
SCI = {"US-SEC-SCI-1002B1", "US-SEC-SCI-1002B2"}
MAS = {"SG-MAS-TRM-1H", "SG-MAS-TRM-RCA"}
UK_EIDAS = {"GB-UKEIDAS-19-ICO", "GB-UKEIDAS-19-USERS"}
SECTOR_RULES = (
    NERC
    | OE417
    | NRC
    | SCI
    | MAS
    | UK_EIDAS
    | {
        "US-TSA-PIPELINE-SD01",
        "US-TSA-RAIL-SD01",
        "IN-RBI-ITGRCA",
        "IN-SEBI-CSCRF",
        "IN-IRDAI-ICS",
        "GB-CA2003-105K",
    }
)
# Added in a second pass (the rows below were written before these rules existed too).
SECOND_PASS = {
    "CH-ISG-74E",
    "CH-FINMA-29-2-INITIAL",
    "CH-FINMA-29-2-REPORT",
    "PH-BSP-2H",
    "PH-BSP-24H",
    "US-USCG-CYBER",
    "GB-PSR-99",
    "GB-FCA-SUP15-3",
    "KR-NETACT-48-3",
    "TW-CSMA-NOTIFY",
}
SECTOR_RULES = SECTOR_RULES | SECOND_PASS

# (regime tokens, facts options, sector duties owed)
ROWS = [
    # CIP-008-6 R4.1-R4.2: a Reportable Cyber Security Incident to the E-ISAC and CISA within one
    # hour of its determination; an attempt to compromise an applicable system by the end of the
    # next calendar day. Both are listed; the one-hour notice waits for the determination.
    (["nerc_cip_responsible_entity"], {}, NERC),
    # Form DOE-417 (mandatory, 15 U.S.C. 772(b)): a cyber event that could potentially impact
    # electric power system adequacy or reliability - the 6-hour normal report and the 72-hour
    # final report; the 1-hour emergency alert waits for an interruption of operations.
    (["doe_oe417_respondent"], {}, OE417),
    # 10 CFR 73.77(a)(1)-(2), (d): a power reactor licensee under 73.54 - the NRC Headquarters
    # Operations Center within 4 hours of a cyber attack that could have caused an adverse impact,
    # within 1 hour of one that adversely impacted safety, security or emergency-preparedness
    # functions (waits for that finding), and the written follow-up within 60 days.
    (["nrc_power_reactor_licensee"], {}, NRC),
    # TSA SD Pipeline-2021-01 series: a TSA-designated critical pipeline owner/operator reports
    # cybersecurity incidents to CISA within 24 hours of identification.
    (["tsa_pipeline_owner_operator"], {}, {"US-TSA-PIPELINE-SD01"}),
    # TSA SD 1580-21-01 / 1582-21-01 series: freight and passenger railroads and rail transit.
    (["tsa_rail_owner_operator"], {}, {"US-TSA-RAIL-SD01"}),
    # 17 CFR 242.1002(b)(1)-(2): an SCI entity tells the Commission immediately and in writing on
    # Form SCI within 24 hours of a reasonable basis to conclude that an SCI event occurred.
    (["sec_sci_entity"], {}, SCI),
    # MAS Notices on Technology Risk Management (e.g. Notice 644 for banks): MAS within 1 hour of
    # the discovery of a relevant incident, the root cause and impact analysis within 14 days.
    (["mas_trm_notice_fi"], {}, MAS),
    # RBI Master Direction on IT Governance, Risk, Controls and Assurance Practices (2023).
    (["rbi_regulated_entity"], {}, {"IN-RBI-ITGRCA"}),
    # SEBI CSCRF (20 August 2024): SEBI within 6 hours of noticing or detecting the incident.
    (["sebi_regulated_entity"], {}, {"IN-SEBI-CSCRF"}),
    # IRDAI Information and Cyber Security Guidelines 2023, Policy 2.10 para 3.5: IRDAI within 6
    # hours of noticing or being told of the incident.
    (["irdai_regulated_entity"], {}, {"IN-IRDAI-ICS"}),
    # Communications Act 2003 s 105K(1)(a): a provider of a public electronic communications
    # network or service in the UK informs OFCOM as soon as reasonably practicable.
    (["ecomms_provider"], {"established": ["GB"], "affected": {"US-CA": 10}}, {"GB-CA2003-105K"}),
    # ... a provider with neither UK users affected nor a UK establishment owes OFCOM nothing.
    (["ecomms_provider"], {"established": ["FR"], "affected": {"FR": 10}}, set()),
    # UK eIDAS Art 19(2): a UK trust service provider - the ICO within 24 hours and the persons to
    # whom the service is provided without undue delay.
    (["uk_trust_service_provider"], {}, UK_EIDAS),
    # Switzerland, Information Security Act (ISG) Arts 74a-74e with the Cybersecurity Ordinance
    # (CSV) Art 16 (in force 1 April 2025): an authority or organisation under Art 74b reports a
    # cyberattack to the Federal Office for Cyber Security (BACS) within 24 hours of discovery.
    (["ch_isg_reporting_entity"], {}, {"CH-ISG-74E"}),
    # FINMASA Art 29(2) as FINMA Guidance 05/2020 (updated by 03/2024) applies it: an institution
    # supervised by FINMA tells FINMA within 24 hours and reports within 72 hours. A Swiss bank is
    # under both regimes and owes both notices.
    (["finma_supervised_institution"], {}, {"CH-FINMA-29-2-INITIAL", "CH-FINMA-29-2-REPORT"}),
    (
        ["finma_supervised_institution", "ch_isg_reporting_entity"],
        {},
        {"CH-ISG-74E", "CH-FINMA-29-2-INITIAL", "CH-FINMA-29-2-REPORT"},
    ),
    # BSP Circular No. 1019 (2018): a BSP-supervised financial institution reports a major
    # cyber-related incident within 2 hours of discovery and follows up within 24 hours.
    (["bsp_supervised_fi"], {}, {"PH-BSP-2H", "PH-BSP-24H"}),
    # 33 CFR 6.16-1 (from 21 February 2024) and 101.650(g) (from 16 July 2025): an MTSA-regulated
    # vessel or facility reports a (reportable) cyber incident without delay.
    (["mtsa_regulated_owner_operator"], {}, {"US-USCG-CYBER"}),
    # Payment Services Regulations 2017 reg 99(1): a payment service provider notifies the FCA of a
    # major operational or security incident without undue delay (the FCA's form: within 4 hours).
    (["uk_payment_service_provider"], {}, {"GB-PSR-99"}),
    # FCA Handbook SUP 15.3.1R (with SYSC 13.4.1G, SUP 15.3.8G): an authorised firm notifies the
    # FCA immediately of a matter that could seriously affect its services to customers.
    (["fca_authorised_firm"], {}, {"GB-FCA-SUP15-3"}),
    # Korea, Network Act Art 48-3(1) with Enforcement Decree Art 58-2 (from 14 August 2024): an
    # information and communications service provider reports an intrusion incident to the
    # Minister of Science and ICT or KISA within 24 hours of becoming aware of it.
    (["kr_information_communications_service_provider"], {}, {"KR-NETACT-48-3"}),
    # Taiwan, Cyber Security Management Act Art 18 with the Regulations on Notification and
    # Response of Cyber Security Incidents Art 11: a specific non-government agency notifies
    # within one hour of awareness.
    (["tw_specific_non_government_agency"], {}, {"TW-CSMA-NOTIFY"}),
    # Not subject to any of them (a US bank, or no regime at all): none of these duties.
    (["banking_organization"], {}, set()),
    ([], {}, set()),
]


@pytest.mark.parametrize(("subject_to", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, subject_to, options, owed):
    out = clocks(_facts(subject_to, **options))
    assert set(out.owed) & SECTOR_RULES == owed


# (rule, regime, options, due_at) - counted by hand.
DEADLINES = [
    # CIP-008-6 R4.2: one hour after the determination (18:00 UTC).
    (
        "US-NERC-CIP008-R4-RCSI",
        "nerc_cip_responsible_entity",
        {"classified": CLASSIFIED},
        "2026-03-02T19:00:00Z",
    ),
    # R4.2: "by the end of the next calendar day" after the determination (11:00 EST on 2 March):
    # 3 March, 23:59:59 EST.
    ("US-NERC-CIP008-R4-ATTEMPT", "nerc_cip_responsible_entity", {}, "2026-03-04T04:59:59Z"),
    # DOE-417: emergency alert within 1 hour, normal report within 6 hours, final within 72 hours.
    (
        "US-DOE-OE417-ALERT",
        "doe_oe417_respondent",
        {"classified": CLASSIFIED},
        "2026-03-02T19:00:00Z",
    ),
    ("US-DOE-OE417-NORMAL", "doe_oe417_respondent", {}, "2026-03-02T22:00:00Z"),
    ("US-DOE-OE417-FINAL", "doe_oe417_respondent", {}, "2026-03-05T16:00:00Z"),
    # 73.77(a)(1): one hour after discovery of the adverse impact; (a)(2): four hours.
    (
        "US-NRC-7377-1H",
        "nrc_power_reactor_licensee",
        {"classified": CLASSIFIED},
        "2026-03-02T19:00:00Z",
    ),
    ("US-NRC-7377-4H", "nrc_power_reactor_licensee", {}, "2026-03-02T20:00:00Z"),
    # 73.77(d): the written report within 60 days after the telephone notification, at the latest
    # 60 days after 2 March (15:00 EST): 1 May 2026, 23:59:59 EDT.
    ("US-NRC-7377-WRITTEN", "nrc_power_reactor_licensee", {}, "2026-05-02T03:59:59Z"),
    # TSA: 24 hours after identification.
    ("US-TSA-PIPELINE-SD01", "tsa_pipeline_owner_operator", {}, "2026-03-03T16:00:00Z"),
    ("US-TSA-RAIL-SD01", "tsa_rail_owner_operator", {}, "2026-03-03T16:00:00Z"),
    # 242.1002(b)(2): within 24 hours; (b)(1) "immediately" sets no fixed period.
    ("US-SEC-SCI-1002B2", "sec_sci_entity", {}, "2026-03-03T16:00:00Z"),
    ("US-SEC-SCI-1002B1", "sec_sci_entity", {}, None),
    # MAS TRM Notice: 1 hour; 14 days from discovery (00:00 on 3 March in Singapore): 17 March,
    # 23:59:59 SGT.
    ("SG-MAS-TRM-1H", "mas_trm_notice_fi", {}, "2026-03-02T17:00:00Z"),
    ("SG-MAS-TRM-RCA", "mas_trm_notice_fi", {}, "2026-03-17T15:59:59Z"),
    # India: 6 hours each.
    ("IN-RBI-ITGRCA", "rbi_regulated_entity", {}, "2026-03-02T22:00:00Z"),
    ("IN-SEBI-CSCRF", "sebi_regulated_entity", {}, "2026-03-02T22:00:00Z"),
    ("IN-IRDAI-ICS", "irdai_regulated_entity", {}, "2026-03-02T22:00:00Z"),
    # s 105K: "as soon as reasonably practicable" - no fixed period.
    ("GB-CA2003-105K", "ecomms_provider", {"established": ["GB"]}, None),
    # UK eIDAS Art 19(2): 24 hours after becoming aware; the users "without undue delay".
    ("GB-UKEIDAS-19-ICO", "uk_trust_service_provider", {}, "2026-03-03T16:00:00Z"),
    ("GB-UKEIDAS-19-USERS", "uk_trust_service_provider", {}, None),
    # ISG / CSV Art 16(1): 24 hours after discovery.
    ("CH-ISG-74E", "ch_isg_reporting_entity", {}, "2026-03-03T16:00:00Z"),
    # FINMA Guidance 05/2020: 24 hours (read as elapsed hours, the "severe" case) and 72 hours.
    ("CH-FINMA-29-2-INITIAL", "finma_supervised_institution", {}, "2026-03-03T16:00:00Z"),
    ("CH-FINMA-29-2-REPORT", "finma_supervised_institution", {}, "2026-03-05T16:00:00Z"),
    # BSP: 2 hours; the follow-up 24 hours.
    ("PH-BSP-2H", "bsp_supervised_fi", {}, "2026-03-02T18:00:00Z"),
    ("PH-BSP-24H", "bsp_supervised_fi", {}, "2026-03-03T16:00:00Z"),
    # 33 CFR 6.16-1 "immediately", 101.650(g) "without delay": no fixed period.
    ("US-USCG-CYBER", "mtsa_regulated_owner_operator", {}, None),
    # PSRs reg 99 as the FCA applies it: 4 hours from detection.
    ("GB-PSR-99", "uk_payment_service_provider", {}, "2026-03-02T20:00:00Z"),
    # SUP 15.3.1R: "immediately" - no fixed period.
    ("GB-FCA-SUP15-3", "fca_authorised_firm", {}, None),
    # Network Act: 24 hours from 14 August 2024; before it, "immediately" (no fixed period).
    (
        "KR-NETACT-48-3",
        "kr_information_communications_service_provider",
        {},
        "2026-03-03T16:00:00Z",
    ),
    (
        "KR-NETACT-48-3",
        "kr_information_communications_service_provider",
        {"at": "2024-08-01T03:00:00Z"},
        None,
    ),
    # Taiwan: one hour.
    ("TW-CSMA-NOTIFY", "tw_specific_non_government_agency", {}, "2026-03-02T17:00:00Z"),
]


@pytest.mark.parametrize(("rule", "regime", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, regime, options, due):
    out = clocks(_facts([regime], **options))
    assert out.due(rule) == due


# Below the higher tier: an incident not (yet) found to be a Reportable Cyber Security Incident,
# an interruption of electrical system operations, or an attack that adversely impacted safety or
# security functions owes the lower-tier notice now; the higher-tier notice waits.
@pytest.mark.parametrize(
    ("rule", "regime"),
    [
        ("US-NERC-CIP008-R4-RCSI", "nerc_cip_responsible_entity"),
        ("US-DOE-OE417-ALERT", "doe_oe417_respondent"),
        ("US-NRC-7377-1H", "nrc_power_reactor_licensee"),
    ],
)
def test_higher_tier_waits_for_the_determination(clocks, rule, regime):
    out = clocks(_facts([regime]))
    assert out.due(rule) is None
    assert out.owed[rule]["waiting_for"] == "classified_major_at"


# Regimes that began recently: an incident discovered before the start date owes nothing.
NOT_YET = [
    # CIP-008-6 (attempts to compromise, CISA) effective 1 January 2021.
    ("US-NERC-CIP008-R4-ATTEMPT", "nerc_cip_responsible_entity", {}, "2020-12-15T12:00:00Z"),
    # 10 CFR 73.77: compliance required from 2 May 2016.
    ("US-NRC-7377-4H", "nrc_power_reactor_licensee", {}, "2016-04-20T12:00:00Z"),
    # TSA SD Pipeline-2021-01 effective 28 May 2021.
    ("US-TSA-PIPELINE-SD01", "tsa_pipeline_owner_operator", {}, "2021-05-20T12:00:00Z"),
    # TSA SD 1580-21-01 / 1582-21-01 effective 31 December 2021.
    ("US-TSA-RAIL-SD01", "tsa_rail_owner_operator", {}, "2021-12-20T12:00:00Z"),
    # s 105K (Telecommunications (Security) Act 2021) in force 1 October 2022.
    ("GB-CA2003-105K", "ecomms_provider", {"established": ["GB"]}, "2022-09-20T12:00:00Z"),
    # IRDAI Guidelines 2023, issued 24 April 2023.
    ("IN-IRDAI-ICS", "irdai_regulated_entity", {}, "2023-04-10T12:00:00Z"),
    # RBI Master Direction in force 1 April 2024.
    ("IN-RBI-ITGRCA", "rbi_regulated_entity", {}, "2024-03-20T12:00:00Z"),
    # ISG reporting obligation in force 1 April 2025.
    ("CH-ISG-74E", "ch_isg_reporting_entity", {}, "2025-03-20T12:00:00Z"),
    # 33 CFR 6.16-1 cyber incident reporting from 21 February 2024 (Executive Order 14116).
    ("US-USCG-CYBER", "mtsa_regulated_owner_operator", {}, "2024-02-10T12:00:00Z"),
    # PSRs 2017 reg 99 in force 13 January 2018.
    ("GB-PSR-99", "uk_payment_service_provider", {}, "2018-01-05T12:00:00Z"),
    # Cyber Security Management Act in force 1 January 2019.
    ("TW-CSMA-NOTIFY", "tw_specific_non_government_agency", {}, "2018-12-20T12:00:00Z"),
]


@pytest.mark.parametrize(("rule", "regime", "options", "at"), NOT_YET)
def test_not_owed_before_the_regime_began(clocks, rule, regime, options, at):
    out = clocks(_facts([regime], at=at, **options))
    assert rule not in out.owed
    assert rule in out.excluded


NEW_KEYS = (
    "nerc_cip_responsible_entity",
    "doe_oe417_respondent",
    "nrc_power_reactor_licensee",
    "tsa_pipeline_owner_operator",
    "tsa_rail_owner_operator",
    "sec_sci_entity",
    "mas_trm_notice_fi",
    "rbi_regulated_entity",
    "sebi_regulated_entity",
    "irdai_regulated_entity",
    "ecomms_provider",
    "uk_trust_service_provider",
    "ch_isg_reporting_entity",
    "finma_supervised_institution",
    "bsp_supervised_fi",
    "mtsa_regulated_owner_operator",
    "uk_payment_service_provider",
    "fca_authorised_firm",
    "kr_information_communications_service_provider",
    "tw_specific_non_government_agency",
)


def test_every_new_regime_key_has_a_label_and_a_form_choice():
    from incidents.fact_choices import SUBJECT_TO
    from jurisdictions.engine.vocabulary import REGIME_LABELS

    choices = {key for key, _ in SUBJECT_TO}
    assert set(NEW_KEYS) <= set(REGIME_LABELS)
    assert set(NEW_KEYS) <= choices


def test_the_api_accepts_the_new_keys_and_names_them_in_words(shipped):
    from jurisdictions.engine.facts import parse_facts
    from jurisdictions.engine.vocabulary import known_regimes, regime_label

    known = known_regimes(shipped.rules)
    facts = parse_facts(
        _facts(list(NEW_KEYS)),
        known_jurisdictions={j.code for j in shipped.jurisdictions},
        known_regimes=known,
    )
    assert set(NEW_KEYS) <= set(facts.organisation.subject_to)
    for key in NEW_KEYS:
        assert regime_label(key) != key.replace("_", " ").capitalize(), key
