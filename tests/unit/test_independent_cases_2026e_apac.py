"""Independent cases, fifth set: Asia-Pacific incidents built from the primary law.

One row per incident: Japan (APPI Art 26 for businesses and Art 68 for administrative organs and
local public bodies, the PPC Enforcement Rules Arts 7-8 and 43-44, the My Number Act Art 29-4),
Korea (PIPA Art 34 with Enforcement Decree Arts 39-40, the Credit Information Act Art 39-4, the
Network Act Art 48-3), China (PIPL Art 57, the CAC Measures for Cybersecurity Incident Reporting in
force 1 November 2025 with their grading guide), Hong Kong (PDPO: no duty; Cap. 653), Macau, Taiwan
(PDPA Art 12, CSMA Art 18), Singapore (PDPA ss 4, 26A-26E, Cybersecurity Act s 14, MAS TRM
Notices), Malaysia (PDPA ss 3, 12B; Cyber Security Act 2024 s 23), the Philippines (NPC Circular
16-03 s 17; BSP Circular 1019), Thailand (PDPA ss 37(4), 40(2)), Indonesia (UU PDP Art 46), Viet
Nam (Law 91/2025/QH15 Art 23, Decree 356/2025), India (CERT-In Directions 2022, RBI, DPDP Rules
2025 r 7 not yet in force), Sri Lanka, Nepal, Australia (Privacy Act Part IIIC, SOCI Act Part 2B,
Cyber Security Act 2024 Part 3, CPS 234) and New Zealand (Privacy Act 2020 ss 114-115).

Each row lists every owed (recipient, jurisdiction) pair and every dated deadline as (recipient,
jurisdiction, due_at). The expectations were written down from the primary text before the engine
was run; each row's comment cites the provisions, and "Checked after the run" marks what was
settled only after comparing with the engine (and why). Counting as in the earlier sets: the
trigger day is not counted, days end at 23:59:59 in the authority's zone, hours are elapsed UTC
time; a notice counted from another notice that has not been sent is dated from that notice's
latest time (the engine's "latest possible" convention). Discovery is Monday 14 September 2026
03:00 UTC (11:00 in Beijing, Hong Kong, Taipei, Singapore, Kuala Lumpur and Manila, 12:00 in Tokyo
and Seoul, 10:00 in Bangkok, Jakarta and Hanoi, 08:30 in India, 13:00 in Sydney, 15:00 in
Wellington) unless a row says otherwise.

What the facts format cannot express, so these rows do not test it:

* Whether a loss or a theft (`loss_or_theft`) was a theft. The PPC guidelines (General Rules
  3-5-3-1, category (iii)) give the theft of documents or media holding personal data as an example
  of a leak "possibly committed for a wrongful purpose"; a plain loss is not. The rows say
  `loss_or_theft` where they mean a theft.
* The CAC grading guide's criteria other than the number of people whose personal information
  leaked (direct economic loss, outage of critical systems, important data): a row that relies on
  one of them records the operator's grading as `classified_major_at`.
* Which Singaporean public agency is a "public agency" (PDPA s 2: the Government, Organs of State
  and specified statutory bodies): `public_body` with establishment in Singapore is read as one.
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-09-14T03:00:00Z"

facts = partial(incident_facts, discovered=DISCOVERED, data=("name", "contact"))

H1 = "2026-09-14T04:00:00Z"
H2 = "2026-09-14T05:00:00Z"
H4 = "2026-09-14T07:00:00Z"
H6 = "2026-09-14T09:00:00Z"
H12 = "2026-09-14T15:00:00Z"
H24 = "2026-09-15T03:00:00Z"
H48 = "2026-09-16T03:00:00Z"
H72 = "2026-09-17T03:00:00Z"
# Japan: aware Mon 14 Sep 12:00 JST. Preliminary report "promptly" (PPC Rules Art 8(1), 44(1)):
# the guidelines' three to five days; final report within 30 days, 60 for category (iii).
JP_PRELIM = "2026-09-19T14:59:59Z"
JP_30 = "2026-10-14T14:59:59Z"
JP_60 = "2026-11-13T14:59:59Z"
SAFE_KEY = {"encrypted": True, "key_compromised": False}

CASES = [
    # --- Japan -------------------------------------------------------------------------------
    pytest.param(
        # A national ministry (an administrative organ, APPI Art 2(8)) e-mails a file with 150
        # applicants' names and addresses to the wrong recipient. APPI Art 68(1) and PPC Rules Art
        # 43(iv): an administrative organ reports a leak of retained personal information of MORE
        # THAN 100 principals (a business: more than 1,000, Art 7(iv)); Art 44: preliminary report
        # promptly, final within 30 days; Art 68(2): the principals.
        facts({"JP": 150}, est=("JP",), subj=("public_body",), cause="misdirected_disclosure"),
        {("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_30)},
        id="jp-ministry-150-misdirected",
    ),
    pytest.param(
        # The same leak by a private business: Art 7(iv) needs more than 1,000 principals; no
        # sensitive data, no property-damage data, no wrongful purpose: nothing is reportable.
        facts({"JP": 150}, est=("JP",), cause="misdirected_disclosure"),
        set(),
        set(),
        id="jp-business-150-misdirected-nothing",
    ),
    pytest.param(
        # A city office (local public body: 行政機関等 since 1 April 2023) below the 100 line: 80
        # residents. Art 43(iv) needs more than 100: nothing.
        facts({"JP": 80}, est=("JP",), subj=("public_body",), cause="misdirected_disclosure"),
        set(),
        set(),
        id="jp-city-80-nothing",
    ),
    pytest.param(
        # An administrative organ whose system was hacked, 60 people: category (iii) (wrongful
        # purpose, any number; Art 43(iii)) - final report within 60 days (Art 44(2)).
        facts({"JP": 60}, est=("JP",), subj=("public_body",), cause="external_attack"),
        {("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_60)},
        id="jp-ministry-hacked-60",
    ),
    pytest.param(
        # A business's unencrypted laptop with 40 customers' names and e-mail addresses is stolen
        # from a car. PPC guidelines (General Rules 3-5-3-1(3)): theft of media holding personal
        # data is an example of category (iii), Art 7(iii): PPC preliminary report and final report
        # within 60 days; Art 26(2) the principals.
        facts({"JP": 40}, est=("JP",), cause="loss_or_theft"),
        {("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_60)},
        id="jp-laptop-stolen-40",
    ),
    pytest.param(
        # The same theft, the disk under advanced encryption with the key safe: Art 7 excludes
        # data "to which advanced encryption or other measures necessary to protect the rights
        # and interests of individuals have been applied": nothing.
        facts({"JP": 40}, est=("JP",), cause="loss_or_theft", encryption=SAFE_KEY),
        set(),
        set(),
        id="jp-laptop-stolen-encrypted",
    ),
    pytest.param(
        # Payroll papers with 30 employees' My Numbers stolen from an office. My Number Act Art
        # 29-4(1), PPC Rules (My Number) Art 2(ii): a leak possibly for a wrongful purpose, any
        # number - preliminary and final (60 days, Art 3(2)) reports; Art 29-4(2) the principals.
        # APPI Art 26 / Rules Art 7(iii): the same theft is reportable as personal data too (one
        # report to the same Commission).
        facts({"JP": 30}, est=("JP",), data=("name", "national_id"), cause="loss_or_theft"),
        {("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_60)},
        id="jp-my-number-papers-stolen",
    ),
    pytest.param(
        # A clinic sends 20 patients' test results to the wrong fax. Art 7(i): sensitive personal
        # information (medical history, results of medical examinations), any number; final within
        # 30 days; Art 26(2) the principals.
        facts({"JP": 20}, est=("JP",), data=("name", "medical"), cause="misdirected_disclosure"),
        {("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_30)},
        id="jp-clinic-fax-sensitive",
    ),
    pytest.param(
        # A cloud entrustee whose system was hacked, 2,000 principals of a Japanese client. Art
        # 26(1) proviso: an entrustee that notifies the entrusting operator is relieved of its own
        # report; that notice is the duty.
        facts({"JP": 2000}, est=("JP",), role="processor"),
        {("controller", "JP")},
        set(),
        id="jp-entrustee-notifies-client",
    ),
    # --- Korea -------------------------------------------------------------------------------
    pytest.param(
        # A credit card company hacked: 12,000 cardholders' names, card and account numbers. PIPA
        # Art 34(1) and Decree Art 39: the data subjects within 72 hours; Art 34(3), Decree Art
        # 40(1): the PIPC or KISA within 72 hours (1,000 or more; and unlawful outside access).
        # Credit Information Act Art 39-4(1): the credit data subjects without delay; Art 39-4(3):
        # where personal credit information of 10,000 or more people leaked (Decree), the notice
        # and the measures reported without delay to the Financial Services Commission or the
        # Financial Supervisory Service.
        facts(
            {"KR": 12000},
            est=("KR",),
            data=("name", "payment_card", "financial_account"),
            subj=("kr_credit_information_company",),
        ),
        {
            ("individuals", "KR"),
            ("supervisory_authority", "KR"),
            ("sector_regulator", "KR"),
        },
        {("individuals", "KR", H72), ("supervisory_authority", "KR", H72)},
        id="kr-card-company-12000",
    ),
    pytest.param(
        # The same company, 5,000 account holders' records e-mailed to the wrong partner: PIPA Art
        # 34(1) subjects 72 hours; Art 34(3) the PIPC (1,000 or more); Credit Information Act Art
        # 39-4(1) the subjects; below the 10,000 of Art 39-4(3): no FSC report.
        facts(
            {"KR": 5000},
            est=("KR",),
            data=("name", "financial_account"),
            subj=("kr_credit_information_company",),
            cause="misdirected_disclosure",
        ),
        {("individuals", "KR"), ("supervisory_authority", "KR")},
        {("individuals", "KR", H72), ("supervisory_authority", "KR", H72)},
        id="kr-card-company-5000-misdirected",
    ),
    pytest.param(
        # An online shop hacked, 50 customers' names and contacts: Decree Art 40(1)(3) - unlawful
        # outside access, any number: the PIPC within 72 hours; the subjects within 72 hours.
        facts({"KR": 50}, est=("KR",)),
        {("individuals", "KR"), ("supervisory_authority", "KR")},
        {("individuals", "KR", H72), ("supervisory_authority", "KR", H72)},
        id="kr-shop-hacked-50",
    ),
    pytest.param(
        # A lost USB stick with 50 members' names and contacts: under 1,000, no sensitive or unique
        # identifying information, no outside access - the subjects only (Art 34(1)).
        facts({"KR": 50}, est=("KR",), cause="loss_or_theft"),
        {("individuals", "KR")},
        {("individuals", "KR", H72)},
        id="kr-usb-lost-50",
    ),
    pytest.param(
        # A portal (information and communications service provider) hacked, 3,000 users: PIPA
        # Art 34 as above; Network Act Art 48-3(1), Decree Art 58-2: the Minister of Science and
        # ICT or KISA within 24 hours of becoming aware of the intrusion.
        facts(
            {"KR": 3000},
            est=("KR",),
            subj=("kr_information_communications_service_provider",),
        ),
        {
            ("individuals", "KR"),
            ("supervisory_authority", "KR"),
            ("csirt_or_competent_authority", "KR"),
        },
        {
            ("individuals", "KR", H72),
            ("supervisory_authority", "KR", H72),
            ("csirt_or_competent_authority", "KR", H24),
        },
        id="kr-portal-network-act",
    ),
    # --- China, Hong Kong, Macau, Taiwan -----------------------------------------------------
    pytest.param(
        # A retailer hacked, 5,000 customers' names, phones and ID numbers. PIPL Art 57: the
        # departments performing PI protection duties and the individuals, immediately (no fixed
        # period). CAC Measures Art 4: only "relatively major" (较大) or worse incidents are
        # reported; the guide's count for personal information is 1,000,000 or more (annex III(5))
        # and nothing else in the facts reaches a higher grade: no CAC report.
        facts({"CN": 5000}, est=("CN",), data=("name", "contact", "national_id")),
        {("supervisory_authority", "CN"), ("individuals", "CN")},
        set(),
        id="cn-retailer-5000-general-incident",
    ),
    pytest.param(
        # A critical information infrastructure operator, 1,200,000 people's data leaked: a
        # relatively major incident (annex III(5)). Measures Art 4(1): the protection department
        # and the public security organ within 1 hour - not the provincial CAC office, which the
        # "other network operators" (Art 4(3)) tell within 4 hours. PIPL Art 57 as above.
        facts({"CN": 1200000}, est=("CN",), subj=("cn_ciio",)),
        {
            ("supervisory_authority", "CN"),
            ("individuals", "CN"),
            ("csirt_or_competent_authority", "CN"),
        },
        {("csirt_or_competent_authority", "CN", H1)},
        id="cn-ciio-1200000",
    ),
    pytest.param(
        # A platform hit by ransomware: 20,000 people's data leaked, and the outage makes it a
        # relatively major incident on the guide's other criteria (graded one hour after
        # discovery, recorded as classified_major_at). Art 4(3): the provincial CAC office within
        # 4 hours of discovery. PIPL Art 57.
        facts(
            {"CN": 20000},
            est=("CN",),
            cause="ransomware",
            classified_major_at="2026-09-14T04:00:00Z",
        ),
        {
            ("supervisory_authority", "CN"),
            ("individuals", "CN"),
            ("csirt_or_competent_authority", "CN"),
        },
        {("csirt_or_competent_authority", "CN", H4)},
        id="cn-ransomware-graded-major",
    ),
    pytest.param(
        # A Hong Kong CI operator (designated under Cap. 653 s 12), ransomware on a critical
        # computer system, serious (disrupts the essential service) as soon as discovered. Cap.
        # 653: a serious incident within 12 hours of becoming aware. The PDPO has no breach
        # notification duty (voluntary). Macau's Law 8/2005 has none either. Checked after the
        # run: the book also lists the 48-hour notice for other incidents (HK-PCICSO-OTHER), which
        # the 12-hour notice meets; it keeps it because a serious-incident notice still waiting for
        # its classification must not hide the 48 hours. Accepted as the book's convention.
        facts(
            {"HK": 10000, "MO": 300},
            est=("HK",),
            subj=("hk_ci_operator",),
            cause="ransomware",
            classified_major_at=DISCOVERED,
        ),
        {("csirt_or_competent_authority", "HK")},
        {("csirt_or_competent_authority", "HK", H12), ("csirt_or_competent_authority", "HK", H48)},
        id="hk-ci-operator-serious",
    ),
    pytest.param(
        # A Taiwanese specific non-government agency (CSMA Art 3) hacked, 5,000 customers. PDPA
        # Art 12: the data subjects after investigation (no fixed period). CSMA Art 18,
        # Notification Regulations Art 11: the sector's competent authority within one hour.
        facts({"TW": 5000}, est=("TW",), subj=("tw_specific_non_government_agency",)),
        {("individuals", "TW"), ("sector_regulator", "TW")},
        {("sector_regulator", "TW", H1)},
        id="tw-csma-1h",
    ),
    # --- Singapore, Malaysia -----------------------------------------------------------------
    pytest.param(
        # A Singapore ministry (a public agency, PDPA s 2): PDPA s 4(1)(c) - Parts 3 to 6A do not
        # impose any obligation on a public agency. Nothing under the PDPA.
        facts({"SG": 800}, est=("SG",), subj=("public_body",)),
        set(),
        set(),
        id="sg-public-agency-excluded",
    ),
    pytest.param(
        # A Singapore retailer, 600 Singapore customers and 300 in Malaysia, harm not significant.
        # PDPA s 26C: the assessment; s 26B(1)(b): 500 or more is notifiable; s 26D(1): the
        # Commission within 3 calendar days after the day of the assessment (assessed Wed 16 Sep
        # 10:00 SGT: by the end of Sat 19 Sep); s 26D(2): individuals only on significant harm.
        # Malaysia PDPA s 12B(1): the Commissioner as soon as practicable (the Guideline: 72 hours)
        # for every breach; s 12B(2): the data subjects only on significant harm. Checked after
        # the territorial-scope review (2026-12-06): PDPA s 2(2) binds only a person established in
        # Malaysia or using equipment there, so a Singapore retailer selling to Malaysians owes
        # Malaysia nothing (the row had listed the Commissioner within 72 hours).
        facts(
            {"SG": 600, "MY": 300},
            est=("SG",),
            risk="risk",
            assessed_notifiable_at="2026-09-16T02:00:00Z",
        ),
        {
            ("internal", "SG"),
            ("supervisory_authority", "SG"),
        },
        {
            ("supervisory_authority", "SG", "2026-09-19T15:59:59Z"),
        },
        id="sg-500-my-not-significant",
    ),
    pytest.param(
        # A Malaysian federal ministry: PDPA s 3(1) - the Act does not apply to the Federal
        # Government and State Governments. Nothing.
        facts({"MY": 2000}, est=("MY",), subj=("public_body",)),
        set(),
        set(),
        id="my-federal-ministry-excluded",
    ),
    pytest.param(
        # A Malaysian bank designated an NCII entity (Cyber Security Act 2024 s 18), ransomware,
        # 5,000 customers, significant harm. PDPA s 12B(1): the Commissioner within 72 hours (the
        # Guideline); s 12B(2): the data subjects within 7 days of notifying the Commissioner.
        # Cyber Security Act 2024 s 23 and the Notification of Cyber Security Incident Regulations
        # 2024: the Chief Executive of NACSA and the sector lead immediately and with the
        # prescribed particulars within 6 hours of knowledge; the supplementary particulars within
        # 14 days of that notification.
        facts(
            {"MY": 5000},
            est=("MY",),
            data=("name", "financial_account"),
            subj=("my_ncii_entity",),
            cause="ransomware",
        ),
        {
            ("supervisory_authority", "MY"),
            ("individuals", "MY"),
            ("csirt_or_competent_authority", "MY"),
        },
        {
            ("supervisory_authority", "MY", H72),
            ("individuals", "MY", "2026-09-24T15:59:59Z"),
            ("csirt_or_competent_authority", "MY", H6),
            ("csirt_or_competent_authority", "MY", "2026-09-28T15:59:59Z"),
        },
        id="my-ncii-bank-ransomware",
    ),
    pytest.param(
        # A Singapore bank that owns CII, hacked, 20,000 customers, significant harm, assessed
        # notifiable on Tue 15 Sep 11:00 SGT. PDPA s 26C assessment; s 26D(1) the Commission by the
        # end of Fri 18 Sep; s 26D(2) individuals. MAS TRM Notice: MAS within 1 hour of discovery;
        # the root cause and impact report within 14 days. Cybersecurity Act s 14(1), CII Reg 5:
        # the Commissioner within 2 hours. Checked in the fifth round: the CII Regulations as
        # amended from 31 October 2025 add supplementary details within 72 hours and a final
        # report within 30 days (my first row had only the 2 hours).
        facts(
            {"SG": 20000},
            est=("SG",),
            data=("name", "financial_account"),
            subj=("mas_trm_notice_fi", "sg_cii_owner"),
            assessed_notifiable_at="2026-09-15T03:00:00Z",
        ),
        {
            ("internal", "SG"),
            ("supervisory_authority", "SG"),
            ("individuals", "SG"),
            ("sector_regulator", "SG"),
            ("csirt_or_competent_authority", "SG"),
        },
        {
            ("supervisory_authority", "SG", "2026-09-18T15:59:59Z"),
            ("sector_regulator", "SG", H1),
            ("sector_regulator", "SG", "2026-09-28T15:59:59Z"),
            ("csirt_or_competent_authority", "SG", H2),
            ("csirt_or_competent_authority", "SG", H72),
            ("csirt_or_competent_authority", "SG", "2026-10-14T15:59:59Z"),
        },
        id="sg-bank-cii-mas",
    ),
    # --- South-east Asia ---------------------------------------------------------------------
    pytest.param(
        # A Philippine bank hacked, 3,000 depositors' names, ID and account numbers (sensitive
        # personal information enabling identity fraud), real risk of serious harm. NPC Circular
        # 16-03 ss 11, 17-18: the Commission and the data subjects within 72 hours. BSP Circular
        # 1019: major cyber incident within 2 hours of discovery, follow-up within 24 hours.
        facts(
            {"PH": 3000},
            est=("PH",),
            data=("name", "national_id", "financial_account"),
            subj=("bsp_supervised_fi",),
        ),
        {
            ("supervisory_authority", "PH"),
            ("individuals", "PH"),
            ("sector_regulator", "PH"),
        },
        {
            ("supervisory_authority", "PH", H72),
            ("individuals", "PH", H72),
            ("sector_regulator", "PH", H2),
            ("sector_regulator", "PH", H24),
        },
        id="ph-bank-npc-bsp",
    ),
    pytest.param(
        # A Thai processor (cloud host) for a Thai controller: PDPA s 40(2) - notify the controller
        # of the breach (no period).
        facts({"TH": 1000}, est=("TH",), role="processor"),
        {("controller", "TH")},
        set(),
        id="th-processor",
    ),
    pytest.param(
        # A regional e-commerce firm established in Singapore, hacked: 2,000 in Thailand, 1,000 in
        # Indonesia, 500 in Viet Nam, a risk but not a high one. Thailand PDPA s 37(4): the Office
        # within 72 hours unless unlikely to result in a risk; data subjects only on a high risk.
        # Indonesia UU PDP Art 46(1): the data subjects and the institution in writing within 3 x
        # 24 hours. Viet Nam Law 91/2025/QH15 Art 23(1) (from 1 Jan 2026): the specialised agency
        # within 72 hours of discovering a violation that may cause harm; data subjects only for
        # location or biometric data (Decree 356/2025 Art 29). Checked after the run: my first row
        # listed nothing in Singapore (no one there) - wrong. The PDPA binds an organisation in
        # Singapore for all the personal data it handles, and s 26B(1)(b) counts every affected
        # individual (3,500: 500 or more), so the s 26C assessment and the s 26D(1) notice to the
        # Commission are owed (undated: no assessment recorded yet). Checked after the second
        # round: the account numbers with the names are prescribed data (reg 3 and the Schedule of
        # the 2021 Regulations), so the breach is deemed to cause significant harm and the affected
        # individuals, wherever they live, are told too (s 26D(2)).
        facts(
            {"TH": 2000, "ID": 1000, "VN": 500},
            est=("SG",),
            data=("name", "contact", "financial_account"),
            risk="risk",
        ),
        {
            ("supervisory_authority", "TH"),
            ("supervisory_authority", "ID"),
            ("individuals", "ID"),
            ("supervisory_authority", "VN"),
            ("internal", "SG"),
            ("supervisory_authority", "SG"),
            ("individuals", "SG"),
        },
        {
            ("supervisory_authority", "TH", H72),
            ("supervisory_authority", "ID", H72),
            ("individuals", "ID", H72),
            ("supervisory_authority", "VN", H72),
        },
        id="sea-ecommerce-th-id-vn",
    ),
    pytest.param(
        # A Vietnamese ride-hailing app, 10,000 riders' trip locations leaked: Law 91/2025 Art
        # 23(1) the agency within 72 hours; Decree 356/2025 Art 29: location data - the data
        # subjects within 72 hours.
        facts({"VN": 10000}, est=("VN",), data=("name", "location")),
        {("supervisory_authority", "VN"), ("individuals", "VN")},
        {("supervisory_authority", "VN", H72), ("individuals", "VN", H72)},
        id="vn-location-data",
    ),
    # --- South Asia ----------------------------------------------------------------------------
    pytest.param(
        # An Indian NBFC regulated by the RBI, hacked, 50,000 borrowers. CERT-In Directions of 28
        # April 2022 para (ii): within 6 hours of noticing; RBI Master Direction on IT Governance:
        # cyber incidents to the RBI within 6 hours. DPDP Rules 2025 r 7 commences 18 months after
        # publication (14 May 2027): not yet. Sri Lanka's PDPA s 23 is not in operation; Nepal
        # has no breach notice.
        facts(
            {"IN": 50000, "LK": 200, "NP": 100},
            est=("IN",),
            data=("name", "financial_account"),
            subj=("rbi_regulated_entity",),
        ),
        {("csirt_or_competent_authority", "IN"), ("sector_regulator", "IN")},
        {("csirt_or_competent_authority", "IN", H6), ("sector_regulator", "IN", H6)},
        id="in-nbfc-cert-in-rbi",
    ),
    # --- Australia, New Zealand ----------------------------------------------------------------
    pytest.param(
        # An Australian energy company, SOCI responsible entity with turnover over $3 million,
        # ransomware, 30,000 customers, serious harm likely; assessed eligible on Fri 18 Sep; the
        # ransom paid on Tue 15 Sep 03:00 UTC. Privacy Act s 26WH(2): assessment within 30 days
        # (Wed 14 Oct, AEDT from 4 Oct); s 26WK: the OAIC as soon as practicable; s 26WL: the
        # individuals as soon as practicable after the statement. SOCI Act s 30BD: 72 hours for a
        # relevant impact; s 30BC (significant impact on availability: 12 hours) - not stated.
        # Cyber Security Act 2024 s 27: the ransomware payment report within 72 hours of paying.
        facts(
            {"AU": 30000},
            est=("AU",),
            subj=("au_soci_responsible_entity", "au_turnover_over_3m"),
            cause="ransomware",
            assessed_notifiable_at="2026-09-18T03:00:00Z",
            ransom_paid_at="2026-09-15T03:00:00Z",
        ),
        {
            ("internal", "AU"),
            ("supervisory_authority", "AU"),
            ("individuals", "AU"),
            ("csirt_or_competent_authority", "AU"),
        },
        {
            ("internal", "AU", "2026-10-14T12:59:59Z"),
            ("csirt_or_competent_authority", "AU", H72),
            ("csirt_or_competent_authority", "AU", "2026-09-18T03:00:00Z"),
        },
        id="au-soci-ransom-ndb",
    ),
    pytest.param(
        # An Australian insurer (APRA-regulated), an employee sold 800 policyholders' records:
        # Part IIIC as above (assessed Wed 16 Sep); CPS 234 para 35: APRA within 72 hours of an
        # information security incident that materially affected the entity or its customers.
        facts(
            {"AU": 800},
            est=("AU",),
            data=("name", "medical"),
            subj=("apra_regulated_entity", "au_turnover_over_3m"),
            cause="insider_misuse",
            assessed_notifiable_at="2026-09-16T03:00:00Z",
        ),
        {
            ("internal", "AU"),
            ("supervisory_authority", "AU"),
            ("individuals", "AU"),
            ("sector_regulator", "AU"),
        },
        {("internal", "AU", "2026-10-14T12:59:59Z"), ("sector_regulator", "AU", H72)},
        id="au-insurer-insider-cps234",
    ),
    pytest.param(
        # A New Zealand retailer, 2,000 customers, serious harm likely. Privacy Act 2020 s 114:
        # the Commissioner as soon as practicable; s 115: the affected individuals as soon as
        # practicable. No fixed period.
        facts({"NZ": 2000}, est=("NZ",)),
        {("supervisory_authority", "NZ"), ("individuals", "NZ")},
        set(),
        id="nz-serious-harm",
    ),
    pytest.param(
        # The same New Zealand breach assessed as not serious: s 112 - not notifiable.
        facts({"NZ": 2000}, est=("NZ",), risk="risk"),
        set(),
        set(),
        id="nz-not-serious",
    ),
]

# Second round, written after the first fixes landed and before the engine was run on them: harm
# that a law deems from the data itself, whatever the organisation's own assessment of the risk.
DEEMED_HARM = [
    pytest.param(
        # A Singapore clinic e-mails 50 patients' diagnoses to the wrong list; the clinic rates the
        # risk as real but not significant. PDPA s 26B(1)(a) with the Personal Data Protection
        # (Notification of Data Breaches) Regulations 2021 reg 3 and Schedule Part 1 (medical
        # information with the individual's name): deemed to result in significant harm. s 26C the
        # assessment (done Tue 15 Sep 11:00 SGT); s 26D(1) the Commission by the end of Fri 18 Sep;
        # s 26D(2) the individuals.
        facts(
            {"SG": 50},
            est=("SG",),
            data=("name", "medical"),
            risk="risk",
            cause="misdirected_disclosure",
            assessed_notifiable_at="2026-09-15T03:00:00Z",
        ),
        {("internal", "SG"), ("supervisory_authority", "SG"), ("individuals", "SG")},
        {("supervisory_authority", "SG", "2026-09-18T15:59:59Z")},
        id="sg-medical-deemed-significant",
    ),
    pytest.param(
        # 30 users' log-in names and passwords of a Singapore app exposed; the risk rated unlikely.
        # Schedule Part 2: an account identifier with the password or security code that gives
        # access to the account - deemed significant harm: the Commission and the individuals.
        facts(
            {"SG": 30},
            est=("SG",),
            data=("name", "account_credentials"),
            risk="unlikely",
            assessed_notifiable_at="2026-09-15T03:00:00Z",
        ),
        {("internal", "SG"), ("supervisory_authority", "SG"), ("individuals", "SG")},
        {("supervisory_authority", "SG", "2026-09-18T15:59:59Z")},
        id="sg-credentials-deemed-significant",
    ),
    pytest.param(
        # 30 customers' names and e-mail addresses, risk not significant, under 500: not notifiable
        # (s 26B); only the assessment (s 26C).
        facts({"SG": 30}, est=("SG",), risk="risk"),
        {("internal", "SG")},
        set(),
        id="sg-contacts-not-notifiable",
    ),
    pytest.param(
        # A Malaysian clinic, 200 patients' records with diagnoses leaked, risk rated real but not
        # significant. PDPA s 12B(1): the Commissioner (Guideline: 72 hours). s 12B(2) with the
        # Data Breach Notification Guideline (2025): a breach of sensitive personal data (physical
        # or mental health, PDPA s 4) is one that causes significant harm - the data subjects within
        # 7 days of notifying the Commissioner.
        facts({"MY": 200}, est=("MY",), data=("name", "medical"), risk="risk"),
        {("supervisory_authority", "MY"), ("individuals", "MY")},
        {("supervisory_authority", "MY", H72), ("individuals", "MY", "2026-09-24T15:59:59Z")},
        id="my-sensitive-deemed-significant",
    ),
    pytest.param(
        # The same with names and e-mail addresses only: the Commissioner only.
        facts({"MY": 200}, est=("MY",), risk="risk"),
        {("supervisory_authority", "MY")},
        {("supervisory_authority", "MY", H72)},
        id="my-contacts-commissioner-only",
    ),
    pytest.param(
        # A Philippine retailer, 500 customers' names and e-mail addresses taken, real risk of
        # serious harm asserted. NPC Circular 16-03 s 11: notification is required only where
        # (A) the data is sensitive personal information or information that may enable identity
        # fraud, (B) it may have been acquired by an unauthorised person and (C) a real risk of
        # serious harm is likely - (A) fails: no notice.
        facts({"PH": 500}, est=("PH",)),
        set(),
        set(),
        id="ph-contacts-not-notifiable",
    ),
    pytest.param(
        # The same retailer's 100 customers' health declarations (sensitive personal information,
        # RA 10173 s 3(l)): the Commission and the data subjects within 72 hours (ss 17-18).
        facts({"PH": 100}, est=("PH",), data=("name", "medical")),
        {("supervisory_authority", "PH"), ("individuals", "PH")},
        {("supervisory_authority", "PH", H72), ("individuals", "PH", H72)},
        id="ph-health-notifiable",
    ),
    pytest.param(
        # A Japanese genetic-testing service sends 10 customers' results to the wrong addresses.
        # APPI Art 2(3), Cabinet Order Art 2(ii): the results of medical examinations and tests
        # (the guidelines include genetic tests) are sensitive personal information - Rules Art
        # 7(i), any number: PPC preliminary and final (30 days) reports; Art 26(2) the principals.
        facts({"JP": 10}, est=("JP",), data=("name", "genetic"), cause="misdirected_disclosure"),
        {("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_30)},
        id="jp-genetic-results-sensitive",
    ),
    pytest.param(
        # 10 members' face templates sent to the wrong partner: in Japan biometric data is an
        # individual identification code, not sensitive personal information - nothing. Korea's
        # PIPA Decree Art 18(3) makes biometric data for identification sensitive: 10 Koreans'
        # templates - the PIPC and the subjects within 72 hours.
        facts(
            {"JP": 10, "KR": 10},
            est=("JP",),
            data=("name", "biometric"),
            cause="misdirected_disclosure",
        ),
        {("supervisory_authority", "KR"), ("individuals", "KR")},
        {("supervisory_authority", "KR", H72), ("individuals", "KR", H72)},
        id="jp-kr-biometric",
    ),
]

# Third round, written before the engine was run on it: public bodies under a cyber-security act.
PUBLIC_CYBER = [
    pytest.param(
        # A Taipei city government department (a government agency, 公務機關) hacked, 3,000
        # residents' records taken. PDPA Art 12: the data subjects after investigation. Cyber
        # Security Management Act Art 14(2): a government agency that learns of a cyber security
        # incident notifies its superior or supervisory agency and the competent authority; the
        # Regulations on the Notification and Response of Cyber Security Incidents Art 4(1): within
        # one hour of learning of it.
        facts({"TW": 3000}, est=("TW",), subj=("public_body",)),
        {("individuals", "TW"), ("csirt_or_competent_authority", "TW")},
        {("csirt_or_competent_authority", "TW", H1)},
        id="tw-government-agency-csma",
    ),
    pytest.param(
        # A Japanese company's Taiwanese customers (200), hacked: PDPA Art 12 only - a foreign
        # company is not a Taiwanese government agency or a specific non-government agency.
        facts({"TW": 200, "JP": 100}, est=("JP",)),
        {("individuals", "TW"), ("supervisory_authority", "JP"), ("individuals", "JP")},
        {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_60)},
        id="tw-customers-of-a-japanese-company",
    ),
]

# Fourth round, written before the engine was run on it: who a head-count line counts when the
# organisation is not established in the country but its law reaches it for the people there.
FOREIGN_COUNTS = [
    pytest.param(
        # A Nepalese software firm (no establishment elsewhere) e-mails a customer list to the
        # wrong partner: 5,000 in Nepal, 600 in Japan, 700 in Korea, 300 in Singapore; names and
        # e-mail addresses, no significant harm. Japan, APPI Art 171: a foreign operator is bound
        # for the personal information of persons in Japan it handles in supplying them - 600
        # principals, not more than 1,000 (Rules Art 7(iv)): nothing. Korea, PIPA Art 34(1): the
        # subjects within 72 hours; Art 34(3), Decree Art 40(1): 700 Korean data subjects, under
        # 1,000, no outside access, no sensitive data: no PIPC report. Singapore, PDPA s 26B(1)(b):
        # the data it governs is that collected in Singapore - 300 individuals, under 500: the
        # assessment only. Nepal: no breach notice.
        facts(
            {"NP": 5000, "JP": 600, "KR": 700, "SG": 300},
            est=("NP",),
            risk="risk",
            cause="misdirected_disclosure",
        ),
        {("individuals", "KR"), ("internal", "SG")},
        {("individuals", "KR", H72)},
        id="foreign-firm-counts-people-there",
    ),
    pytest.param(
        # A Japanese retailer's misdirected customer list: 800 in Japan and 700 in Thailand. The
        # APPI binds a Japanese operator for all its personal data: 1,500 principals, more than
        # 1,000 - the PPC preliminary and final (30 days) reports; Art 26(2) the principals.
        # Thailand PDPA s 37(4): the Office within 72 hours (a risk).
        facts({"JP": 800, "TH": 700}, est=("JP",), risk="risk", cause="misdirected_disclosure"),
        {("supervisory_authority", "JP"), ("individuals", "JP"), ("supervisory_authority", "TH")},
        {
            ("supervisory_authority", "JP", JP_PRELIM),
            ("supervisory_authority", "JP", JP_30),
            ("supervisory_authority", "TH", H72),
        },
        id="japanese-firm-counts-everyone",
    ),
    pytest.param(
        # A Korean game company's misdirected file: 600 in Korea, 600 in Viet Nam. PIPA binds the
        # Korean processor for all its data: 1,200 data subjects - the PIPC within 72 hours; the
        # subjects within 72 hours. Viet Nam Law 91/2025 Art 23(1): the agency within 72 hours.
        facts({"KR": 600, "VN": 600}, est=("KR",), risk="risk", cause="misdirected_disclosure"),
        {("individuals", "KR"), ("supervisory_authority", "KR"), ("supervisory_authority", "VN")},
        {
            ("individuals", "KR", H72),
            ("supervisory_authority", "KR", H72),
            ("supervisory_authority", "VN", H72),
        },
        id="korean-firm-counts-everyone",
    ),
]

# Fifth round, written before the engine was run on it: the later stages of a cyber incident report.
STAGES = [
    pytest.param(
        # A Singapore CII owner's system breached by an outside attacker (a prescribed
        # cybersecurity incident: unauthorised access), 100 customers' names and e-mail addresses,
        # no significant harm. Cybersecurity Act 2018 s 14(1) with the Cybersecurity (Critical
        # Information Infrastructure) Regulations as amended from 31 October 2025: the
        # Commissioner within 2 hours of becoming aware, supplementary details within 72 hours and
        # a final report within 30 days. PDPA: under 500 and not significant - the assessment only.
        facts({"SG": 100}, est=("SG",), subj=("sg_cii_owner",), risk="risk"),
        {("internal", "SG"), ("csirt_or_competent_authority", "SG")},
        {
            ("csirt_or_competent_authority", "SG", H2),
            ("csirt_or_competent_authority", "SG", H72),
            ("csirt_or_competent_authority", "SG", "2026-10-14T15:59:59Z"),
        },
        id="sg-cii-owner-three-stages",
    ),
]


@pytest.mark.parametrize(
    ("incident", "owed", "dated"), CASES + DEEMED_HARM + PUBLIC_CYBER + FOREIGN_COUNTS + STAGES
)
def test_independent_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)
