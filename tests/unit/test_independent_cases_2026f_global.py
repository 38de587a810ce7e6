"""Independent cases, sixth set: multinational incidents, where the regimes meet.

Earlier sets audited one region at a time. These rows are the incidents a tester builds for an
organisation that is established in one country and serves people in many: the one-stop-shop
(GDPR Arts 4(16), 56(1)) against every authority where people live (Art 3(2)); a processor's
duties in each country where its controllers' customers live; head counts counted in the country
or over the whole breach; safe harbours for encrypted data read per regime; a sector regime beside
the general one. Each row lists every owed (recipient, jurisdiction) pair and every dated deadline
as (recipient, jurisdiction, due_at), written from the primary law of each place before the engine
was run; "Checked after the run" marks what was settled only after comparing with the engine.

Counting as in the earlier sets: hours are elapsed UTC time; days end at 23:59:59 in the
authority's zone (a US state: its capital's); business days skip the rule's holidays (Brazil: 20
November, Dia da Consciência Negra, national since 2024); a notice counted from another notice is
dated from that notice's latest time. Discovery and awareness: Monday 2 November 2026 09:00 UTC
(the day after US daylight saving time ended: 04:00 EST, 01:00 PST; 10:00 CET; 18:00 JST; 17:00
SGT; 20:00 AEDT; 06:00 BRT) unless a row says otherwise.

What the facts cannot express, so the rows do not test it: whether an organisation outside a
country "carries on business" or "targets" people there (the rows read affected customers as
offering goods or services to them); the Art 34(3)(b)-(c) exceptions; a regime's contract terms.
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-11-02T09:00:00Z"
H6 = "2026-11-02T15:00:00Z"
H24 = "2026-11-03T09:00:00Z"
H48 = "2026-11-04T09:00:00Z"
H72 = "2026-11-05T09:00:00Z"
# US: 30 calendar days from Mon 2 Nov, end of Wed 2 Dec in the capital's zone.
D30_ET = "2026-12-03T04:59:59Z"
D30_CT = "2026-12-03T05:59:59Z"
D30_MT = "2026-12-03T06:59:59Z"
D30_PT = "2026-12-03T07:59:59Z"
TX_60 = "2027-01-02T05:59:59Z"
CA_AG = "2026-12-18T07:59:59Z"  # 15 days after the residents' notice's last day
FL_VENDOR = "2026-11-13T04:59:59Z"  # Fla. Stat. 501.171(6)(a): 10 days
# Japan (aware 18:00 JST): preliminary report promptly (3-5 days), final 30 / 60 days.
JP_PRELIM = "2026-11-07T14:59:59Z"
JP_30 = "2026-12-02T14:59:59Z"
JP_60 = "2027-01-01T14:59:59Z"
AU_30 = "2026-12-02T12:59:59Z"  # Privacy Act s 26WH(2)(b): 30 days, AEDT
# Brazil, Res. CD/ANPD 15/2024 arts 6, 9: three business days (Tue 3 - Thu 5 Nov); the
# supplement within 20 business days of the communication (20 Nov a holiday): Fri 4 Dec.
BR_3BD = "2026-11-06T02:59:59Z"
BR_SUPP = "2026-12-05T02:59:59Z"
SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}

facts = partial(incident_facts, discovered=DISCOVERED, aware_at=DISCOVERED)

US_12 = {
    "US-CA": 4000,
    "US-NY": 3000,
    "US-TX": 2000,
    "US-FL": 800,
    "US-IL": 700,
    "US-WA": 600,
    "US-MA": 300,
    "US-NJ": 1200,
    "US-CO": 400,
    "US-GA": 200,
    "US-VA": 150,
    "US-PA": 100,
}
# The duties those counts bring (name and SSN taken, harm likely): every state's residents; the
# Attorney General / agency where the count meets the line (CA > 500, TX >= 250, FL >= 500,
# IL > 500, WA > 500, CO >= 500 not met, PA > 500 not met; NY, MA, VA, NJ whatever the count);
# consumer reporting agencies in MA (always), NJ (> 1,000), TX (> 10,000 over the breach).
US_12_OWED = {
    ("individuals", "US-CA"),
    ("attorney_general", "US-CA"),
    ("individuals", "US-NY"),
    ("attorney_general", "US-NY"),
    ("state_agency", "US-NY"),
    ("individuals", "US-TX"),
    ("attorney_general", "US-TX"),
    ("consumer_reporting_agencies", "US-TX"),
    ("individuals", "US-FL"),
    ("state_agency", "US-FL"),
    ("individuals", "US-IL"),
    ("attorney_general", "US-IL"),
    ("individuals", "US-WA"),
    ("attorney_general", "US-WA"),
    ("individuals", "US-MA"),
    ("attorney_general", "US-MA"),
    ("state_agency", "US-MA"),
    ("consumer_reporting_agencies", "US-MA"),
    ("individuals", "US-NJ"),
    ("state_agency", "US-NJ"),
    ("consumer_reporting_agencies", "US-NJ"),
    ("individuals", "US-CO"),
    ("individuals", "US-GA"),
    ("individuals", "US-VA"),
    ("attorney_general", "US-VA"),
    ("individuals", "US-PA"),
}
US_12_DATED = {
    ("individuals", "US-CA", D30_PT),
    ("attorney_general", "US-CA", CA_AG),
    ("individuals", "US-NY", D30_ET),
    ("individuals", "US-TX", TX_60),
    ("attorney_general", "US-TX", D30_CT),
    ("individuals", "US-FL", D30_ET),
    ("state_agency", "US-FL", D30_ET),
    ("individuals", "US-WA", D30_PT),
    ("attorney_general", "US-WA", D30_PT),
    ("individuals", "US-CO", D30_MT),
}
GDPR_DS = {("individuals", "EU"), ("internal", "EU")}
UK = {("supervisory_authority", "GB"), ("individuals", "GB"), ("internal", "GB")}
PIPEDA = {
    ("supervisory_authority", "CA"),
    ("individuals", "CA"),
    ("state_agency", "CA"),
    ("internal", "CA"),
}
QUEBEC = {("supervisory_authority", "CA-QC"), ("individuals", "CA-QC"), ("internal", "CA-QC")}
NDB = {("supervisory_authority", "AU"), ("individuals", "AU"), ("internal", "AU")}
LGPD = {("supervisory_authority", "BR"), ("individuals", "BR"), ("internal", "BR")}
LGPD_DATED = {
    ("supervisory_authority", "BR", BR_3BD),
    ("supervisory_authority", "BR", BR_SUPP),
    ("individuals", "BR", BR_3BD),
}
JP_REPORT = {("supervisory_authority", "JP"), ("individuals", "JP")}
SG_REPORT = {("supervisory_authority", "SG"), ("individuals", "SG"), ("internal", "SG")}

CASES = [
    pytest.param(
        # A US SaaS company (California, turnover over A$3 million), attacked; name, SSN or
        # national identifier, contact and account numbers of customers in 12 US states, 5 EU
        # member states, the UK, Ontario, Quebec, British Columbia, Australia, Japan, Singapore,
        # Brazil, India and the UAE. No EU establishment: GDPR Art 3(2), no one-stop-shop (Art
        # 56(1) needs a main establishment): each authority where people live, 72 h (Art 33(1)),
        # Art 34, Art 33(5). UK GDPR Arts 3(2), 33, 34, 33(5). PIPEDA ss 10.1(1),(3), 10.2, 10.3
        # (Ontario and BC customers; BC PIPA has no breach notice); Quebec private-sector Act
        # ss 3.5, 3.8 (register). Privacy Act 1988 ss 5B(3), 26WH, 26WK, 26WL. APPI Art 171, Art
        # 26(1), PPC Rules Art 7(iii) (an attack: wrongful purpose) and (iv) (1,100 > 1,000):
        # preliminary promptly, final 60 days for (iii). PDPA s 26B(1)(a) (name with account
        # number: Schedule Part 1, deemed significant harm) and (b) (700 >= 500), s 26C the
        # assessment, s 26D(1) the PDPC within 3 days of the assessment (not yet made), s 26D(2).
        # LGPD Arts 3, 48; Res. CD/ANPD 15/2024 arts 6, 9, 10. CERT-In Directions 28 April 2022
        # (iii): 6 hours; the DPDP Rules 2025 r 7 are not in force until May 2027. UAE
        # Decree-Law 45/2021 Arts 2(1)(b), 9(1) and (3): the Data Office and the data subjects.
        facts(
            {
                **US_12,
                "DE": 3000,
                "FR": 2000,
                "ES": 1000,
                "IT": 800,
                "NL": 600,
                "GB": 2500,
                "CA-ON": 1500,
                "CA-QC": 900,
                "CA-BC": 400,
                "AU": 1200,
                "JP": 1100,
                "SG": 700,
                "BR": 900,
                "IN": 2000,
                "AE": 300,
            },
            data=("name", "ssn", "national_id", "contact", "financial_account"),
            est=("US-CA",),
            subj=("au_turnover_over_3m",),
        ),
        US_12_OWED
        | {("supervisory_authority", c) for c in ("DE", "FR", "ES", "IT", "NL")}
        | GDPR_DS
        | UK
        | PIPEDA
        | QUEBEC
        | NDB
        | JP_REPORT
        | SG_REPORT
        | LGPD
        | {("csirt_or_competent_authority", "IN")}
        | {("supervisory_authority", "AE"), ("individuals", "AE")},
        US_12_DATED
        | {("supervisory_authority", c, H72) for c in ("DE", "FR", "ES", "IT", "NL", "GB")}
        | {("internal", "AU", AU_30)}
        | {("supervisory_authority", "JP", JP_PRELIM), ("supervisory_authority", "JP", JP_60)}
        | LGPD_DATED
        | {("csirt_or_competent_authority", "IN", H6)},
        id="us-saas-controller-worldwide",
    ),
    pytest.param(
        # A German processor (main establishment DE) hosting a US retailer's customer records.
        # GDPR Art 33(2): the controller without undue delay (German law, one duty). UK GDPR Art
        # 33(2). The US states' "maintains data it does not own" clauses: Cal. Civ. Code
        # 1798.82(b), GBL 899-aa(3), Tex. Bus. & Com. Code 521.053(c), Fla. Stat. 501.171(6)(a)
        # (10 days), O.C.G.A. 10-1-912(b) (24 hours). APPI Art 26(1) proviso: an entrusted
        # person tells the entrusting business; PDPA s 26C(3)(a): a data intermediary tells the
        # organisation; Thai PDPA s 40(2): the processor tells the controller. The processor owes
        # no authority or data-subject notice of its own anywhere.
        facts(
            {
                "US-CA": 3000,
                "US-NY": 2000,
                "US-TX": 1500,
                "US-FL": 600,
                "US-GA": 400,
                "DE": 500,
                "FR": 300,
                "GB": 200,
                "JP": 150,
                "SG": 100,
                "TH": 100,
            },
            data=("name", "ssn", "contact"),
            role="processor",
            main="DE",
            est=("DE",),
        ),
        {
            ("controller", "DE"),
            ("controller", "GB"),
            ("controller", "US-CA"),
            ("controller", "US-NY"),
            ("controller", "US-TX"),
            ("controller", "US-FL"),
            ("controller", "US-GA"),
            ("controller", "JP"),
            ("controller", "SG"),
            ("controller", "TH"),
        },
        {
            ("controller", "US-FL", FL_VENDOR),
            ("controller", "US-GA", H24),
            ("controller", "US-NY", D30_ET),
        },
        id="german-processor-for-us-controller",
    ),
    pytest.param(
        # A Japanese retailer whose French branch decides on its EU sales (main establishment
        # FR, Art 4(16)(a)). APPI: established in Japan, so the whole breach counts (6,400 >
        # 1,000, Art 7(iv)) and the attack is category (iii): the PPC, preliminary and final
        # (60 days); Art 26(2) the principals. GDPR: the CNIL leads (Art 56(1)), not the
        # German or Italian authority; Art 34; Art 33(5).
        facts(
            {"JP": 5000, "FR": 800, "DE": 400, "IT": 200},
            data=("name", "contact", "payment_card"),
            main="FR",
            est=("JP", "FR"),
        ),
        JP_REPORT | {("supervisory_authority", "FR")} | GDPR_DS,
        {
            ("supervisory_authority", "JP", JP_PRELIM),
            ("supervisory_authority", "JP", JP_60),
            ("supervisory_authority", "FR", H72),
        },
        id="japanese-retailer-eu-branch-lead",
    ),
    pytest.param(
        # The same, but the French branch takes no decisions (EDPB Guidelines 8/2022: no main
        # establishment in the Union, no one-stop-shop): each authority where people live.
        facts(
            {"JP": 5000, "FR": 800, "DE": 400, "IT": 200},
            data=("name", "contact", "payment_card"),
            est=("JP", "FR"),
        ),
        JP_REPORT
        | {("supervisory_authority", "FR"), ("supervisory_authority", "DE")}
        | {("supervisory_authority", "IT")}
        | GDPR_DS,
        {
            ("supervisory_authority", "JP", JP_PRELIM),
            ("supervisory_authority", "JP", JP_60),
            ("supervisory_authority", "FR", H72),
            ("supervisory_authority", "DE", H72),
            ("supervisory_authority", "IT", H72),
        },
        id="japanese-retailer-eu-branch-no-main",
    ),
    pytest.param(
        # A UK bank (FCA-authorised) with customers in the UK, Ireland, France, New York and New
        # Jersey. UK GDPR Arts 33, 34, 33(5); FCA SUP 15.3.1R / 15.3.8G: the FCA immediately.
        # GDPR Art 3(2), no EU establishment: the DPC and the CNIL, 72 h; Art 34; Art 33(5).
        # GBL 899-aa(2), (8)(a): the residents within 30 days, the AG, DOS and State Police
        # (3,000 is not over 5,000: no CRA); N.J.S.A. 56:8-163: residents, the State Police first.
        facts(
            {"GB": 20000, "IE": 3000, "FR": 1000, "US-NY": 600, "US-NJ": 300},
            data=("name", "contact", "financial_account", "ssn"),
            est=("GB",),
            subj=("fca_authorised_firm",),
        ),
        UK
        | {("sector_regulator", "GB")}
        | {("supervisory_authority", "IE"), ("supervisory_authority", "FR")}
        | GDPR_DS
        | {("individuals", "US-NY"), ("attorney_general", "US-NY"), ("state_agency", "US-NY")}
        | {("individuals", "US-NJ"), ("state_agency", "US-NJ")},
        {
            ("supervisory_authority", "GB", H72),
            ("supervisory_authority", "IE", H72),
            ("supervisory_authority", "FR", H72),
            ("individuals", "US-NY", D30_ET),
        },
        id="uk-bank-eu-and-us-customers",
    ),
    pytest.param(
        # An Ontario hospital network (a health information custodian), attacked; patients from
        # Ontario, Quebec, New York and Michigan. PHIPA s 12(2): the individuals at the first
        # reasonable opportunity; s 12(3) and O. Reg. 329/04 s 6.3(1) (stolen by an attacker):
        # the IPC; s 6.4: the annual statistics by 1 March 2027. PIPEDA does not reach a hospital
        # (no commercial activity) and Quebec's private-sector Act does not reach an Ontario
        # hospital. GBL 899-aa(1)(b) (since March 2025: medical and health insurance information
        # are private information): the New York residents, AG, DOS, State Police. Michigan MCL
        # 445.63(r): medical data is not personal information - nothing.
        facts(
            {"CA-ON": 8000, "CA-QC": 200, "US-NY": 150, "US-MI": 300},
            data=("name", "medical", "health_insurance"),
            est=("CA-ON",),
            subj=("health",),
        ),
        {
            ("individuals", "CA-ON"),
            ("supervisory_authority", "CA-ON"),
            ("individuals", "US-NY"),
            ("attorney_general", "US-NY"),
            ("state_agency", "US-NY"),
        }
        | PIPEDA
        | QUEBEC,
        {
            ("supervisory_authority", "CA-ON", "2027-03-02T04:59:59Z"),
            ("individuals", "US-NY", D30_ET),
        },
        id="ontario-hospital-us-patients",
    ),
]

CASES += [
    pytest.param(
        # An Irish-established cloud provider (processor, main establishment IE) for customers
        # whose users live in 28 places. Art 33(2) once, under Irish law; UK GDPR Art 33(2); FADP
        # Art 24(3); Cal./Tex./Fla. vendor clauses (Florida 10 days); APPI Art 26(1) proviso;
        # PDPA s 26C(3)(a); Thai PDPA s 40(2); Philippine NPC Circular 16-03 s 9 / DPA s 14 (the
        # national ID is sensitive personal information); Kenya DPA s 43(3) (48 hours); Nigeria
        # NDPA s 40(1); UAE Decree-Law 45/2021 Art 9(3); Viet Nam Law 91/2025 Art 23(3). CERT-In
        # Directions (iii): a cloud service provider serving India reports within 6 hours. No
        # processor duty to an authority or to people in Brazil, Australia, New Zealand, Korea,
        # Indonesia, Canada or Saudi Arabia; South Africa and Mexico bind only the established.
        facts(
            {
                "IE": 2000,
                "DE": 1000,
                "FR": 800,
                "NL": 500,
                "NO": 200,
                "GB": 900,
                "CH": 300,
                "US-CA": 700,
                "US-TX": 400,
                "US-FL": 300,
                "JP": 500,
                "SG": 400,
                "TH": 300,
                "PH": 200,
                "KE": 100,
                "NG": 100,
                "BR": 600,
                "AE": 100,
                "ZA": 200,
                "AU": 300,
                "NZ": 100,
                "KR": 200,
                "IN": 300,
                "VN": 100,
                "ID": 100,
                "CA-ON": 300,
                "MX": 100,
                "SA": 100,
            },
            data=("name", "contact", "national_id", "ssn"),
            role="processor",
            main="IE",
            est=("IE",),
        ),
        {
            ("controller", c)
            for c in (
                "IE",
                "GB",
                "CH",
                "US-CA",
                "US-TX",
                "US-FL",
                "JP",
                "SG",
                "TH",
                "PH",
                "KE",
                "NG",
                "AE",
                "VN",
            )
        }
        | {("csirt_or_competent_authority", "IN")}
        | NDB,
        {
            ("internal", "AU", AU_30),
            ("controller", "US-FL", FL_VENDOR),
            ("controller", "KE", H48),
            ("csirt_or_competent_authority", "IN", H6),
        },
        id="irish-cloud-processor-28-places",
    ),
    pytest.param(
        # An Indian outsourcer (processor, established only in India) for German, British and
        # US clients. CERT-In Directions (iii): 6 hours. GDPR Art 3(2) reaches a processor whose
        # processing relates to the controller's offering to people in the Union (EDPB
        # Guidelines 3/2018): Art 33(2), placed in the member state where the people are. UK GDPR
        # Art 33(2). GBL 899-aa(3), Cal. Civ. Code 1798.82(b).
        facts(
            {"DE": 3000, "GB": 2000, "US-NY": 1000, "US-CA": 500},
            data=("name", "ssn", "national_id", "financial_account"),
            role="processor",
            est=("IN",),
        ),
        {
            ("csirt_or_competent_authority", "IN"),
            ("controller", "EU"),
            ("controller", "GB"),
            ("controller", "US-NY"),
            ("controller", "US-CA"),
        },
        {("csirt_or_competent_authority", "IN", H6), ("controller", "US-NY", D30_ET)},
        id="indian-outsourcer-processor",
    ),
    pytest.param(
        # A Brazilian fintech, no EU establishment, with Portuguese and Spanish users. LGPD Art 48
        # and Res. CD/ANPD 15/2024: the ANPD and the data subjects in 3 business days, the
        # supplement in 20, the register. GDPR Art 3(2): the CNPD and the AEPD, 72 h; Art 34;
        # Art 33(5).
        facts(
            {"BR": 50000, "PT": 2000, "ES": 1500},
            data=("name", "national_id", "financial_account"),
            est=("BR",),
        ),
        LGPD | {("supervisory_authority", "PT"), ("supervisory_authority", "ES")} | GDPR_DS,
        LGPD_DATED | {("supervisory_authority", "PT", H72), ("supervisory_authority", "ES", H72)},
        id="brazilian-fintech-portugal-spain",
    ),
    pytest.param(
        # A Singapore-established group (no other establishment), assessed notifiable on Tue 3
        # Nov 17:00 SGT. PDPA ss 26B (9,100 >= 500 over the breach; name with account number),
        # 26C, 26D(1) (the PDPC by the end of Fri 6 Nov), 26D(2). Malaysia PDPA s 2(2): only the
        # established - nothing. Thailand PDPA s 5 para 2: the Office within 72 h (s 37(4)), the
        # data subjects without delay. Indonesia UU PDP Art 2(1)(b), Art 46(1)-(2): the subjects
        # and the agency within 3 x 24 hours (no public notice: Art 46(3) "in certain cases" -
        # a disruption of public services or a serious effect on the public interest). The
        # Philippines DPA s 6, NPC Circular 16-03 ss 11, 17: the NPC and the subjects within 72
        # h. Viet Nam Law 91/2025 Art 1, Art 23(1): the authority within 72 h.
        facts(
            {"SG": 3000, "MY": 1500, "TH": 1200, "ID": 1000, "PH": 800, "VN": 600},
            data=("name", "national_id", "financial_account"),
            est=("SG",),
            assessed_notifiable_at="2026-11-03T09:00:00Z",
        ),
        SG_REPORT
        | {("supervisory_authority", "TH"), ("individuals", "TH")}
        | {("supervisory_authority", "ID"), ("individuals", "ID")}
        | {("supervisory_authority", "PH"), ("individuals", "PH")}
        | {("supervisory_authority", "VN"), ("public", "ID")},
        {
            ("supervisory_authority", "SG", "2026-11-06T15:59:59Z"),
            ("supervisory_authority", "TH", H72),
            ("supervisory_authority", "ID", H72),
            ("individuals", "ID", H72),
            ("supervisory_authority", "PH", H72),
            ("individuals", "PH", H72),
            ("supervisory_authority", "VN", H72),
        },
        id="singapore-group-asean",
    ),
    pytest.param(
        # Ransomware at an Australian company (turnover over A$3 million, a reporting business
        # entity) with New Zealand customers; the ransom paid Tue 3 Nov 09:00 UTC. Privacy Act
        # ss 26WH (30 days), 26WK, 26WL; Cyber Security Act 2024 s 27: the payment report within
        # 72 hours of paying. New Zealand Privacy Act 2020 s 4(1)(b)(ii): an overseas agency
        # carrying on business in New Zealand; ss 114-115: the Commissioner and the individuals
        # as soon as practicable.
        facts(
            {"AU": 20000, "NZ": 4000},
            data=("name", "contact", "drivers_license"),
            est=("AU",),
            subj=("au_turnover_over_3m", "au_ransomware_reporting_entity"),
            cause="ransomware",
            ransom_paid_at="2026-11-03T09:00:00Z",
        ),
        NDB
        | {("csirt_or_competent_authority", "AU")}
        | {("supervisory_authority", "NZ"), ("individuals", "NZ")},
        {("internal", "AU", AU_30), ("csirt_or_competent_authority", "AU", "2026-11-06T09:00:00Z")},
        id="australian-ransomware-nz-customers",
    ),
]

LAPTOP = {
    "DE": 2000,
    "FR": 500,
    "GB": 300,
    "US-CA": 200,
    "US-TX": 300,
    "JP": 1500,
    "SG": 600,
    "AU": 400,
    "BR": 300,
    "CA-ON": 200,
}
laptop = partial(
    facts,
    LAPTOP,
    data=("name", "ssn", "national_id", "contact"),
    main="DE",
    est=("DE",),
    subj=("au_turnover_over_3m",),
    cause="loss_or_theft",
)

CASES += [
    pytest.param(
        # A German company's encrypted laptop is stolen; the key is safe; the risk is rated real
        # but not high. GDPR Art 33(1) has no encryption exception: the lead authority (DE) 72 h;
        # Art 34(3)(a) and the risk level: no data subjects; Art 33(5). UK GDPR the same (ICO,
        # record). Cal. 1798.82(a) and Tex. 521.002(a)(2) reach unencrypted data only; APPI Rules
        # Art 7 exclude advanced encryption; Singapore s 26B(1)(b): 600 >= 500 still notifiable
        # (encryption bears on harm, not scale), the assessment; no individuals (s 26D(5)).
        # Australia: no likely serious harm (s 26WG(c)), but s 26WH the assessment; LGPD: no
        # relevant risk, the register (Res. 15/2024 art 10); PIPEDA s 10.3 the record.
        laptop(encryption=SAFE_KEY, risk="risk"),
        {
            ("supervisory_authority", "DE"),
            ("internal", "EU"),
            ("supervisory_authority", "GB"),
            ("internal", "GB"),
            ("supervisory_authority", "SG"),
            ("internal", "SG"),
            ("internal", "AU"),
            ("internal", "BR"),
            ("internal", "CA"),
        },
        {
            ("supervisory_authority", "DE", H72),
            ("supervisory_authority", "GB", H72),
            ("internal", "AU", AU_30),
        },
        id="encrypted-laptop-key-safe",
    ),
    pytest.param(
        # The same laptop, the key written on a note in the bag: no harbour anywhere, harm likely.
        # GDPR and UK GDPR Arts 33, 34, 33(5); California and Texas residents (30 / 60 days; 300 >=
        # 250: the Texas AG in 30 days; 200 is not over 500: no California AG); APPI: theft is
        # category (iii) and 1,500 > 1,000: the PPC (60 days), the principals; PDPA: 600 >= 500
        # and harm: the PDPC, individuals, the assessment; NDB; LGPD; PIPEDA.
        laptop(encryption=LOST_KEY),
        {("supervisory_authority", "DE")}
        | GDPR_DS
        | UK
        | {("individuals", "US-CA"), ("individuals", "US-TX"), ("attorney_general", "US-TX")}
        | JP_REPORT
        | SG_REPORT
        | NDB
        | LGPD
        | PIPEDA,
        {
            ("supervisory_authority", "DE", H72),
            ("supervisory_authority", "GB", H72),
            ("individuals", "US-CA", D30_PT),
            ("individuals", "US-TX", TX_60),
            ("attorney_general", "US-TX", D30_CT),
            ("supervisory_authority", "JP", JP_PRELIM),
            ("supervisory_authority", "JP", JP_60),
            ("internal", "AU", AU_30),
        }
        | LGPD_DATED,
        id="encrypted-laptop-key-compromised",
    ),
    pytest.param(
        # A Dutch controller e-mails a list of 55 names and e-mail addresses to the wrong
        # customer, who deletes it; unlikely to result in a risk (Art 33(1) proviso): no
        # authority anywhere, no data subjects; Art 33(5) the record.
        facts(
            {"NL": 40, "BE": 10, "DE": 5},
            data=("name", "contact"),
            main="NL",
            est=("NL",),
            risk="unlikely",
            cause="misdirected_disclosure",
        ),
        {("internal", "EU")},
        set(),
        id="misdirected-email-eu-records-only",
    ),
    pytest.param(
        # Counts on each line, a mis-sent file (no wrongful purpose) with name, SSN / national ID.
        # California 500 (not over 500: no AG); Texas 249 (under 250: no AG; but the breach's
        # 10,747 people are over 10,000: the CRAs, 521.053(h)); Florida 499 (no Department);
        # Washington 500 (not over 500: no AG); Colorado 500 (500 or more: the AG in 30 days);
        # New Jersey 1,000 (not over 1,000: no CRA); New York 5,000 (not over 5,000: no CRA; AG,
        # DOS, State Police); Japan 1,000 (not over 1,000, no other category: nothing); Singapore
        # 500 (500 or more: the PDPC; harm: individuals; the assessment); Korea 999 (under 1,000,
        # but a resident registration number is unique identifying information, Enforcement
        # Decree Art 40(1)(2): the PIPC within 72 h; Art 34(1): the subjects within 72 h).
        # Checked after the run: the Japanese residents' national ID is their My Number, and
        # 1,000 > 100 (My Number Act Art 29-4, PPC Rules art 2(iv)): the PPC, preliminary and
        # within 30 days, and the principals - the row had said nothing for Japan.
        facts(
            {
                "US-CA": 500,
                "US-TX": 249,
                "US-FL": 499,
                "US-WA": 500,
                "US-CO": 500,
                "US-NJ": 1000,
                "US-NY": 5000,
                "JP": 1000,
                "SG": 500,
                "KR": 999,
            },
            data=("name", "ssn", "national_id"),
            est=("US-CA",),
            cause="misdirected_disclosure",
        ),
        {
            ("individuals", "US-CA"),
            ("individuals", "US-TX"),
            ("consumer_reporting_agencies", "US-TX"),
            ("individuals", "US-FL"),
            ("individuals", "US-WA"),
            ("individuals", "US-CO"),
            ("attorney_general", "US-CO"),
            ("individuals", "US-NJ"),
            ("state_agency", "US-NJ"),
            ("individuals", "US-NY"),
            ("attorney_general", "US-NY"),
            ("state_agency", "US-NY"),
        }
        | SG_REPORT
        | JP_REPORT
        | {("supervisory_authority", "KR"), ("individuals", "KR")},
        {
            ("individuals", "US-CA", D30_PT),
            ("individuals", "US-TX", TX_60),
            ("individuals", "US-FL", D30_ET),
            ("individuals", "US-WA", D30_PT),
            ("individuals", "US-CO", D30_MT),
            ("attorney_general", "US-CO", D30_MT),
            ("individuals", "US-NY", D30_ET),
            ("supervisory_authority", "KR", H72),
            ("individuals", "KR", H72),
            ("supervisory_authority", "JP", JP_PRELIM),
            ("supervisory_authority", "JP", JP_30),
        },
        id="counts-on-each-line",
    ),
    pytest.param(
        # A UK retailer whose Irish subsidiary is its EU main establishment: the ICO (UK GDPR)
        # and the DPC as lead (Art 56(1)), not the CNIL or the German authority.
        facts(
            {"GB": 10000, "IE": 2000, "FR": 1000, "DE": 500},
            data=("name", "contact", "payment_card"),
            main="IE",
            est=("GB", "IE"),
        ),
        UK | {("supervisory_authority", "IE")} | GDPR_DS,
        {("supervisory_authority", "GB", H72), ("supervisory_authority", "IE", H72)},
        id="uk-retailer-irish-main-establishment",
    ),
    pytest.param(
        # A Quebec enterprise with Ontario and French customers. Quebec private-sector Act ss
        # 3.5, 3.8: the CAI, the persons, the register. PIPEDA s 26(2)(b) exemption order covers
        # only collection within Quebec: the Ontario customers' data crossed a border, so PIPEDA
        # ss 10.1-10.3 too. GDPR Art 3(2): the CNIL, 72 h; Art 34; Art 33(5).
        facts(
            {"CA-QC": 5000, "CA-ON": 800, "FR": 300},
            data=("name", "contact", "financial_account"),
            est=("CA-QC",),
        ),
        QUEBEC | PIPEDA | {("supervisory_authority", "FR")} | GDPR_DS,
        {("supervisory_authority", "FR", H72)},
        id="quebec-enterprise-ontario-and-france",
    ),
]


CASES += [
    pytest.param(
        # A US employer (no Japanese establishment) mis-sends a payroll file: 50 Japanese
        # residents' My Numbers and 5,000 Californians' SSNs. My Number Act Art 29-4 / PPC Rules
        # art 2(iv): more than 100 principals' specific personal information - only the 50
        # residents of Japan have a My Number, so nothing is reportable in Japan; APPI: 50 is
        # not over 1,000 and a mis-sent file is no wrongful purpose. California: residents and
        # the Attorney General (5,000 > 500).
        facts(
            {"JP": 50, "US-CA": 5000},
            data=("name", "ssn", "national_id"),
            est=("US-CA",),
            cause="misdirected_disclosure",
        ),
        {("individuals", "US-CA"), ("attorney_general", "US-CA")},
        {("individuals", "US-CA", D30_PT), ("attorney_general", "US-CA", CA_AG)},
        id="my-number-counted-in-japan-only",
    ),
]


@pytest.mark.parametrize(("incident", "owed", "dated"), CASES)
def test_independent_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)
