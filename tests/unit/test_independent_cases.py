"""Independent cases built from the primary law, not from the rule book.

One row per incident. Each row says which duties are owed, as (recipient, jurisdiction) pairs,
and every dated deadline as (recipient, jurisdiction, due_at). The expectations were written
down from the statute or regulator's text before the engine was run, and counted by hand: the
trigger day is not counted, days end at 23:59:59 in the authority's zone, hours are elapsed UTC
time, months keep the day and time. Discovery is Monday 6 April 2026 15:00 UTC unless a row says
otherwise (08:00 PDT, 10:00 CDT, 11:00 EDT, 17:00 CEST, 23:00 SGT, Tue 01:00 AEST).
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-04-06T15:00:00Z"


facts = partial(incident_facts, discovered=DISCOVERED)


HIPAA_60_DAYS = "2026-06-06T03:59:59Z"  # 6 Apr + 60 = 5 June, 23:59:59 EDT (Washington)
HHS_ANNUAL_LOG = "2027-03-02T04:59:59Z"  # 60 days after 31 Dec 2026 = 1 March 2027, EST
EDT_30_DAYS = "2026-05-07T03:59:59Z"  # 6 Apr + 30 = 6 May, 23:59:59 EDT
PDT_30_DAYS = "2026-05-07T06:59:59Z"  # 6 Apr + 30 = 6 May, 23:59:59 PDT
GDPR_72_HOURS = "2026-04-09T15:00:00Z"

CASES = [
    pytest.param(
        # Cal. Civ. Code 1798.82(a),(f) as amended by SB 446 (in force 2026-01-01): residents within
        # 30 days of discovery; AG (more than 500) within 15 days of the residents' notice, i.e.
        # 21 May at the latest. N.Y. GBL 899-aa(2),(8)(a) (2024 amendment): 30 days; AG, Department
        # of State and State Police told, no fixed time; CRAs only above 5,000 New Yorkers.
        facts({"US-CA": 600, "US-NY": 600}),
        {
            ("individuals", "US-CA"),
            ("attorney_general", "US-CA"),
            ("individuals", "US-NY"),
            ("attorney_general", "US-NY"),
            # 899-aa(8)(a): Department of State, State Police (split 2026-12-06)
            ("state_agency", "US-NY"),
        },
        {
            ("individuals", "US-CA", PDT_30_DAYS),
            ("attorney_general", "US-CA", "2026-05-22T06:59:59Z"),
            ("individuals", "US-NY", EDT_30_DAYS),
        },
        id="us-ca-ny-controller",
    ),
    pytest.param(
        # New York 899-aa(8)(b): consumer reporting agencies when more than 5,000 are notified.
        facts({"US-NY": 6000}),
        {
            ("individuals", "US-NY"),
            ("attorney_general", "US-NY"),
            # 899-aa(8)(a): Department of State, State Police (split 2026-12-06)
            ("state_agency", "US-NY"),
            ("consumer_reporting_agencies", "US-NY"),
        },
        {("individuals", "US-NY", EDT_30_DAYS)},
        id="us-ny-6000-cras",
    ),
    pytest.param(
        # Vendors: Fla. Stat. 501.171(6)(a) 10 days after the determination; Tex. Bus. & Com.
        # Code 521.053(c), 9 V.S.A. 2435(b)(2), 6 Del. C. 12B-102(b): immediately. No duty to the
        # residents or regulators: the owner notifies them.
        facts({"US-FL": 600, "US-TX": 600, "US-VT": 10, "US-DE": 10}, role="processor"),
        {
            ("controller", "US-FL"),
            ("controller", "US-TX"),
            ("controller", "US-VT"),
            ("controller", "US-DE"),
        },
        {("controller", "US-FL", "2026-04-17T03:59:59Z")},
        id="us-vendor-fl-tx-vt-de",
    ),
    pytest.param(
        # Cal. Civ. Code 1798.82(b) and N.Y. GBL 899-aa(3): notify the owner immediately; in New
        # York within 30 days of discovery since S2659-B (21 December 2024; corrected 2026-12-06).
        facts({"US-CA": 600, "US-NY": 600}, role="processor"),
        {("controller", "US-CA"), ("controller", "US-NY")},
        {("controller", "US-NY", "2026-05-07T03:59:59Z")},
        id="us-vendor-ca-ny",
    ),
    pytest.param(
        # Tex. Bus. & Com. Code 521.053(b) 60 days; AG (521.053(i)) only from 250 residents.
        facts({"US-TX": 249}),
        {("individuals", "US-TX")},
        {("individuals", "US-TX", "2026-06-06T04:59:59Z")},
        id="us-tx-249-no-ag",
    ),
    pytest.param(
        # 45 CFR 164.404, 164.406 (more than 500 residents of a State), 164.408(b): 60 days.
        # Ariz. Rev. Stat. 18-552: does not apply to a HIPAA covered entity complying with HIPAA.
        facts({"US-AZ": 1200}, data=("name", "medical", "ssn"), subj=("hipaa_covered_entity",)),
        {("individuals", "US"), ("media", "US"), ("sector_regulator", "US")},
        {
            ("individuals", "US", HIPAA_60_DAYS),
            ("media", "US", HIPAA_60_DAYS),
            ("sector_regulator", "US", HIPAA_60_DAYS),
        },
        id="hipaa-covered-entity-az-1200",
    ),
    pytest.param(
        # 45 CFR 164.408(c): fewer than 500, HHS log within 60 days after the calendar year ends.
        facts({"US-AZ": 120}, data=("name", "medical"), subj=("hipaa_covered_entity",)),
        {("individuals", "US"), ("sector_regulator", "US")},
        {("individuals", "US", HIPAA_60_DAYS), ("sector_regulator", "US", HHS_ANNUAL_LOG)},
        id="hipaa-covered-entity-under-500",
    ),
    pytest.param(
        # 45 CFR 164.410: business associate to the covered entity, 60 days after discovery.
        facts(
            {"US-AZ": 700},
            data=("name", "medical"),
            role="processor",
            subj=("hipaa_business_associate",),
        ),
        {("controller", "US")},
        {("controller", "US", HIPAA_60_DAYS)},
        id="hipaa-business-associate",
    ),
    pytest.param(
        # M.G.L. c. 93H s. 5: federal procedures deem the residents' notice compliant, but the AG
        # and the Director of Consumer Affairs are still told, without unreasonable delay (each a
        # notice of its own since 2026-12-06).
        facts({"US-MA": 100}, data=("name", "medical", "ssn"), subj=("hipaa_covered_entity",)),
        {
            ("individuals", "US"),
            ("sector_regulator", "US"),
            ("attorney_general", "US-MA"),
            ("state_agency", "US-MA"),
        },
        {("individuals", "US", HIPAA_60_DAYS), ("sector_regulator", "US", HHS_ANNUAL_LOG)},
        id="hipaa-covered-entity-massachusetts",
    ),
    pytest.param(
        # 16 CFR 314.4(j): 500 or more consumers, FTC within 30 days of discovery. Ariz. Rev.
        # Stat. 18-552 does not apply to a person subject to GLBA Title V.
        facts(
            {"US-AZ": 600}, data=("name", "financial_account"), subj=("glba_financial_institution",)
        ),
        {("sector_regulator", "US")},
        {("sector_regulator", "US", EDT_30_DAYS)},
        id="glba-ftc-safeguards-arizona",
    ),
    pytest.param(
        # RCW 19.255.010: encrypted data is covered when the key was also acquired; residents
        # and AG (more than 500) within 30 days of discovery.
        facts({"US-WA": 600}, encryption={"encrypted": True, "key_compromised": True}),
        {("individuals", "US-WA"), ("attorney_general", "US-WA")},
        {("individuals", "US-WA", PDT_30_DAYS), ("attorney_general", "US-WA", PDT_30_DAYS)},
        id="us-wa-encrypted-key-compromised",
    ),
    pytest.param(
        facts({"US-WA": 600}, encryption={"encrypted": True, "key_compromised": False}),
        set(),
        set(),
        id="us-wa-encrypted-key-safe",
    ),
    pytest.param(
        # Fla. Stat. 501.171(3),(4),(5): Department of Legal Affairs (500+) and residents within
        # 30 days; CRAs above 1,000 without unreasonable delay.
        facts({"US-FL": 1200}),
        {
            ("individuals", "US-FL"),
            ("state_agency", "US-FL"),
            ("consumer_reporting_agencies", "US-FL"),
        },
        {("individuals", "US-FL", EDT_30_DAYS), ("state_agency", "US-FL", EDT_30_DAYS)},
        id="us-fl-1200",
    ),
    pytest.param(
        # GDPR Art 56(1), 33(1), 34(1): lead authority of the main establishment only, 72 hours.
        facts({"DE": 5000, "FR": 2000}, main="IE", est=("IE", "DE"), aware_at=DISCOVERED),
        # Art 33(5): the controller documents every breach ("internal").
        {("supervisory_authority", "IE"), ("individuals", "EU"), ("internal", "EU")},
        {("supervisory_authority", "IE", GDPR_72_HOURS)},
        id="gdpr-one-stop-shop-ireland",
    ),
    pytest.param(
        # GDPR Art 33(2): a processor tells its controller without undue delay, nobody else.
        facts({"DE": 100}, role="processor", main="FR", est=("FR",)),
        {("controller", "FR")},
        set(),
        id="gdpr-processor",
    ),
    pytest.param(
        # GDPR Art 33 with the Berlin commissioner (BlnDSG s. 8) as lead; risk but not high risk:
        # no Art 34 notice.
        facts({"DE": 300}, main="DE-BE", est=("DE",), risk="risk"),
        {("supervisory_authority", "DE"), ("internal", "EU")},
        {("supervisory_authority", "DE", GDPR_72_HOURS)},
        id="gdpr-germany-berlin",
    ),
    pytest.param(
        # NIS2 Art 23(4) / BSIG s. 32: early warning 24 h and notification 72 h from awareness of
        # the significant incident (20:00 UTC), final report one month after the notification.
        facts(
            {},
            data=(),
            main="DE",
            est=("DE",),
            subj=("nis2_essential_entity",),
            risk="none",
            classified_major_at="2026-04-06T20:00:00Z",
        ),
        {("csirt_or_competent_authority", "DE")},
        {
            ("csirt_or_competent_authority", "DE", "2026-04-07T20:00:00Z"),
            ("csirt_or_competent_authority", "DE", "2026-04-09T20:00:00Z"),
            ("csirt_or_competent_authority", "DE", "2026-05-09T20:00:00Z"),
        },
        id="nis2-germany-essential",
    ),
    pytest.param(
        # UK GDPR Art 33, 34: ICO within 72 hours, residents without undue delay.
        facts({"GB": 300}, est=("GB",)),
        {("supervisory_authority", "GB"), ("individuals", "GB"), ("internal", "GB")},
        {("supervisory_authority", "GB", GDPR_72_HOURS)},
        id="uk-gdpr-controller",
    ),
    pytest.param(
        # UK GDPR Art 33(2): processor to controller only.
        facts({"GB": 300}, role="processor", est=("GB",)),
        {("controller", "GB")},
        set(),
        id="uk-gdpr-processor",
    ),
    pytest.param(
        # Privacy Act 1988 s 26WH (assessment within 30 days of suspicion: 7 Apr AEST + 30 =
        # 7 May), s 26WK, 26WL; NSW PPIP Act Part 6A binds public sector agencies only.
        facts({"AU-NSW": 100}, assessed_notifiable_at="2026-04-10T00:00:00Z"),
        {("internal", "AU"), ("supervisory_authority", "AU"), ("individuals", "AU")},
        {("internal", "AU", "2026-05-07T13:59:59Z")},
        id="australia-ndb-nsw-residents",
    ),
    pytest.param(
        # Quebec private sector Act s. 3.5, 3.8: no risk of serious injury, so only the register;
        # PIPEDA s. 10.3 adds its own record (handling not stated to be wholly within Quebec).
        facts({"CA-QC": 50}, data=("name", "contact"), risk="unlikely"),
        {("internal", "CA-QC"), ("internal", "CA")},
        set(),
        id="quebec-register-only",
    ),
    pytest.param(
        # APPI Art 26, PPC Rules Art 7: 50 people, no sensitive, financial or wrongful-purpose
        # element, not more than 1,000: no report, no notice.
        facts({"JP": 50}, data=("name", "contact"), cause="misdirected_disclosure", risk="risk"),
        set(),
        set(),
        id="japan-not-reportable",
    ),
    pytest.param(
        # LGPD Art 48; Res. CD/ANPD 15/2024 Arts 6, 9: ANPD and data subjects within 3 business
        # days (7-9 April, 23:59:59 Brasilia = 02:59:59Z); supplement 20 business days after the
        # communication, skipping 21 April and 1 May: 11 May.
        facts({"BR": 200}),
        # Res. 15/2024 art. 10: the incident register ("internal").
        {("supervisory_authority", "BR"), ("individuals", "BR"), ("internal", "BR")},
        {
            ("supervisory_authority", "BR", "2026-04-10T02:59:59Z"),
            ("individuals", "BR", "2026-04-10T02:59:59Z"),
            ("supervisory_authority", "BR", "2026-05-12T02:59:59Z"),
        },
        id="brazil-lgpd",
    ),
    pytest.param(
        # CERT-In Directions of 28 April 2022 (IT Act s 70B(6)): 6 hours. DPDP Rules 2025 r 7
        # commence 18 months after 13 November 2025: not owed in April 2026.
        facts({"IN": 1000}, est=("IN",)),
        {("csirt_or_competent_authority", "IN")},
        {("csirt_or_competent_authority", "IN", "2026-04-06T21:00:00Z")},
        id="india-cert-in",
    ),
    pytest.param(
        # POPIA s 21(2): an operator notifies the responsible party immediately. s 3(1)(b): a
        # South African operator (the row states its establishment since the fifth set).
        facts({"ZA": 100}, role="processor", est=("ZA",)),
        {("controller", "ZA")},
        set(),
        id="south-africa-operator",
    ),
    pytest.param(
        # POPIA s 22: Regulator and data subjects as soon as reasonably possible. s 3(1)(b): a
        # responsible party domiciled in the Republic (stated since the fifth set).
        facts({"ZA": 100}, est=("ZA",)),
        {("supervisory_authority", "ZA"), ("individuals", "ZA")},
        set(),
        id="south-africa-responsible-party",
    ),
    pytest.param(
        # PDPA s 26B(1)(b), 26D(1): 500 or more affected makes it notifiable; PDPC within 3 days
        # of the assessment (8 Apr SGT + 3 = 11 Apr); individuals only for significant harm.
        facts(
            {"SG": 600},
            data=("name", "contact"),
            risk="unlikely",
            assessed_notifiable_at="2026-04-08T02:00:00Z",
        ),
        {("supervisory_authority", "SG"), ("internal", "SG")},
        {("supervisory_authority", "SG", "2026-04-11T15:59:59Z")},
        id="singapore-scale-only",
    ),
]


@pytest.mark.parametrize(("incident", "owed", "dated"), CASES)
def test_independent_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)


@pytest.mark.parametrize(
    ("incident", "authority"),
    [
        (facts({"DE": 300}, main="DE-BE", est=("DE",)), "Berliner Beauftragte"),
        (facts({"FR": 30}, main="IE", est=("IE",)), "Data Protection Commission"),
        (
            facts(
                {},
                data=(),
                main="DE",
                est=("DE",),
                subj=("nis2_essential_entity",),
                risk="none",
                classified_major_at="2026-04-06T20:00:00Z",
            ),
            "Bundesamt für Sicherheit in der Informationstechnik",
        ),
    ],
    ids=["berlin", "ireland-dpc", "bsi"],
)
def test_named_authority(clocks, incident, authority):
    # The Art 33(5) record is kept by the organisation, not sent to an authority.
    obligations = clocks(incident).doc["obligations"]
    names = {o["authority"] for o in obligations if o["recipient"] != "internal"}
    assert names and all(authority in n for n in names if "Affected" not in n)


@pytest.mark.parametrize(
    ("affected", "data", "cause", "finals"),
    [
        # Payment card + external attack: categories 2 and 3 -> one final report, 60 days.
        ({"JP": 50}, ("name", "payment_card"), "external_attack", {"2026-06-05T14:59:59Z"}),
        # Payment cards e-mailed to the wrong customer, no wrongful purpose: category 2 only -> 30
        # days. (A loss or theft is read as category 3 too: the PPC guidelines give the theft of
        # media as an example, and the facts do not tell a theft from a loss.)
        ({"JP": 50}, ("name", "payment_card"), "misdirected_disclosure", {"2026-05-06T14:59:59Z"}),
        # More than 1,000 people and sensitive data: one report, 30 days.
        ({"JP": 1500}, ("name", "medical"), "system_failure", {"2026-05-06T14:59:59Z"}),
        # More than 1,000 people and an attack: one report, 60 days.
        ({"JP": 1500}, ("name", "contact"), "external_attack", {"2026-06-05T14:59:59Z"}),
    ],
    ids=["card-attack", "card-lost", "many-sensitive", "many-attack"],
)
def test_japan_one_final_report_to_the_ppc(clocks, affected, data, cause, finals):
    # PPC Enforcement Rules Art 8(2): the final report is due within 30 days of knowing, 60 days
    # where the situation is an Art 7(iii) one (possibly for a wrongful purpose), overlaps included.
    incident = facts(affected, data=data, cause=cause, discovered_at="2026-04-06T03:00:00Z")
    out = clocks(incident).doc
    final = [
        o for o in out["obligations"] if o["jurisdiction"] == "JP" and o["stage"] == "final_report"
    ]
    assert {o["due_at"] for o in final} == finals and len(final) == 1


@pytest.mark.parametrize(
    ("risk", "subj", "owed"),
    [
        # PIPEDA s. 10.3: a record of EVERY breach, whatever the risk; the reports only from a
        # real risk of significant harm.
        ("unlikely", (), {"CA-PIPEDA-RECORD"}),
        # s. 10.2(1): with the individuals, any other organisation or government institution
        # that may reduce the harm (added with the fifth independent set).
        ("high", (), {"CA-PIPEDA-RECORD", "CA-PIPEDA-OPC", "CA-PIPEDA-IND", "CA-PIPEDA-ORGS"}),
        # Wholly within Alberta: PIPEDA yields to Alberta's PIPA (s. 26(2)(b) exemption order).
        ("unlikely", ("intra_provincial:ab",), set()),
    ],
    ids=["record-only", "record-and-reports", "intra-provincial"],
)
def test_pipeda_breach_record(clocks, risk, subj, owed):
    out = clocks(facts({"CA-ON": 50}, data=("name", "contact"), risk=risk, subj=subj)).doc
    assert {o["rule"] for o in out["obligations"] if o["rule"].startswith("CA-PIPEDA")} == owed
