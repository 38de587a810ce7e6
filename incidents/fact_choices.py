"""The words of the incident-facts form: the events a clock can start from, the regimes an
organisation can be subject to, and the risk, cause and role choices, each with the label a
person sees. Kept apart from the forms so the lists can grow with the rule book."""

from __future__ import annotations

from incidents.choices import DATA_CATEGORY_LABELS

BOTH_ROLES = "both"

EVENT_FIELDS = [
    ("discovered_at", "Discovered", "First knowledge of a security incident. Required."),
    (
        "aware_at",
        "Aware of a personal-data breach",
        "Reasonable certainty that personal data was compromised (GDPR awareness). "
        "Blank: same as discovered.",
    ),
    (
        "determined_at",
        "Breach determined",
        "Determination that a breach of personal information occurred (many US states). "
        "Blank: same as aware.",
    ),
    (
        "scope_identified_at",
        "Scope identified",
        "Scope of the breach identified (e.g. Maine). Blank: same as determined.",
    ),
    ("occurred_at", "Occurred", "When the incident itself happened, if known."),
    (
        "materiality_determined_at",
        "Materiality determined",
        "Determined to be material (SEC Form 8-K Item 1.05).",
    ),
    (
        "classified_major_at",
        "Classified major / significant",
        "Classified as major (DORA) or significant (NIS2).",
    ),
    (
        "assessed_notifiable_at",
        "Assessed notifiable",
        "Assessment concluded that the breach is notifiable (e.g. Singapore).",
    ),
    ("ransom_paid_at", "Ransom paid", "An extortion payment was made (e.g. NYDFS 500.17(c))."),
    (
        "no_harm_determined_at",
        "No-harm determination made",
        "A written determination that the breach is not likely to cause harm (US harm tests, "
        "e.g. Fla. Stat. 501.171(4)(c)); set by the case's risk-of-harm assessment.",
    ),
    (
        "exploited_vulnerability_at",
        "Exploited vulnerability known",
        "Became aware of an actively exploited vulnerability in a product with digital elements "
        "(Cyber Resilience Act Art 14(1)).",
    ),
    (
        "corrective_measure_available_at",
        "Corrective measure available",
        "A corrective or mitigating measure for the exploited vulnerability is available (CRA "
        "Art 14(2)(c): final report within 14 days).",
    ),
]
EVENT_NAMES = [name for name, _, _ in EVENT_FIELDS]

DATA_CATEGORIES = list(DATA_CATEGORY_LABELS.items())
# The regime tick-boxes of the facts form and the organisation profile form, by group. Every
# regime key the vocabulary labels (``jurisdictions.engine.vocabulary.REGIME_LABELS``) and every
# token the shipped rule book states has a box here, with a label: a key typed only under "Other
# regimes" is one a person may not know to type. tests/web/test_regime_boxes.py fails on a key
# without a box or a box without a group.
SUBJECT_TO_GROUPS = [
    (
        "Europe: EU, EEA, United Kingdom and Switzerland",
        [
            ("dora_financial_entity", "DORA financial entity"),
            ("dora", "DORA financial entity (any type)"),
            ("dora:credit_institution", "DORA: credit institution"),
            ("dora:central_counterparty", "DORA: central counterparty"),
            ("dora:trading_venue", "DORA: trading venue"),
            ("ssm_significant_institution", "Significant institution supervised by the ECB (SSM)"),
            ("nis2", "NIS2 essential or important entity"),
            ("nis2_essential_entity", "NIS2 essential entity"),
            ("nis2_important_entity", "NIS2 important entity"),
            ("nis2:important", "NIS2: important entity (national lower regime)"),
            ("nis2_trust_service_provider", "NIS2 trust service provider"),
            ("nis2:trust_service_provider", "NIS2: trust service provider"),
            ("eidas_trust_service_provider", "Non-qualified trust service provider (EU eIDAS)"),
            (
                "eidas_qualified_trust_service_provider",
                "Qualified trust service provider (EU eIDAS)",
            ),
            ("ai_act_high_risk_provider", "Provider of a high-risk AI system (EU AI Act)"),
            ("cra_manufacturer", "Manufacturer of a product with digital elements (CRA)"),
            (
                "ecomms_provider",
                "Provider of a public electronic communications network or service",
            ),
            (
                "ecomms_provider:service_data",
                "Electronic communications provider: the breach concerns service data",
            ),
            ("postal_service_provider", "Postal service provider"),
            (
                "eu_institution",
                "Union institution, body, office or agency (EUDPR, Regulation (EU) 2018/1725)",
            ),
            (
                "led_competent_authority",
                "Competent authority: police or criminal-justice processing (Law Enforcement "
                "Directive)",
            ),
            (
                "uk_law_enforcement_competent_authority",
                "Competent authority: law enforcement processing (UK, Data Protection Act 2018 "
                "Part 3)",
            ),
            (
                "nis1_operator_essential_service",
                "Operator of essential services under a national NIS1 law (ES, FR, IE, LU, NL, IS, "
                "NO)",
            ),
            (
                "nis1_digital_service_provider",
                "Digital service provider under a national NIS1 law (marketplace, search engine, "
                "cloud)",
            ),
            (
                "it_l90_entity",
                "Public administration or body listed in Legge 90/2024 art. 1 (Italy)",
            ),
            (
                "es_ens_supplier",
                "Private provider of services or solutions to a Spanish public-sector entity "
                "(Esquema Nacional de Seguridad, RD 311/2022 art 2(3))",
            ),
            (
                "it_psnc_entity",
                "Body included in the national cyber security perimeter (Italy, DL 105/2019, "
                "Perimetro)",
            ),
            (
                "fr_oiv",
                "Operator of vital importance (France, OIV, code de la défense L. 1332-1)",
            ),
            (
                "fr_health_establishment",
                "Health establishment or care organisation (France, Code de la santé publique "
                "L. 1111-8-2)",
            ),
            ("uk_nis", "UK NIS"),
            (
                "uk_trust_service_provider",
                "Trust service provider established in the UK (UK eIDAS)",
            ),
            (
                "uk_payment_service_provider",
                "Payment service provider (UK, Payment Services Regulations 2017)",
            ),
            ("fca_authorised_firm", "FCA-authorised firm (UK, FCA Handbook SUP 15)"),
            (
                "ch_isg_reporting_entity",
                "Authority or organisation required to report cyberattacks (Switzerland, ISG "
                "Art 74b)",
            ),
            (
                "finma_supervised_institution",
                "Institution supervised by FINMA (Switzerland, FINMASA Art 29(2))",
            ),
        ],
    ),
    (
        "United States: federal and sector",
        [
            ("hipaa_covered_entity", "HIPAA covered entity"),
            ("hipaa_business_associate", "HIPAA business associate"),
            ("part2_program", "Substance use disorder program (42 CFR Part 2)"),
            ("ftc_hbnr_vendor", "Vendor of personal health records (FTC HBNR)"),
            ("phr_vendor", "Vendor of personal health records (earlier key)"),
            ("ftc_hbnr_phr_related_entity", "PHR related entity (FTC HBNR)"),
            ("ftc_hbnr_service_provider", "Service provider to a PHR vendor (FTC HBNR)"),
            ("sec_registrant", "SEC registrant"),
            ("sec_reg_sp_covered_institution", "SEC Regulation S-P covered institution"),
            (
                "sec_reg_sp_smaller_entity",
                "Smaller entity under SEC Regulation S-P (compliance from 3 June 2026)",
            ),
            (
                "sec_reg_sp_service_provider",
                "Service provider to an SEC Regulation S-P institution",
            ),
            ("glba_financial_institution", "GLBA financial institution"),
            ("banking_organization", "US bank or bank holding company (banking agencies)"),
            ("ncua_credit_union", "Federally insured credit union (NCUA guidance)"),
            ("bank_service_provider", "Bank service provider (Bank Service Company Act)"),
            (
                "ncua_federally_insured_credit_union",
                "Federally insured credit union (NCUA, 12 CFR 748.1(c))",
            ),
            (
                "ftc_safeguards_financial_institution",
                "Non-bank financial institution (FTC Safeguards Rule)",
            ),
            ("fcc_cpni_carrier", "Telecommunications carrier or interconnected VoIP (FCC CPNI)"),
            (
                "fcc_trs_provider",
                "Telecommunications relay services provider (FCC, 47 CFR 64.5111)",
            ),
            ("us_federal_agency", "US federal agency (FISMA, OMB M-17-12)"),
            ("us_veterans_affairs", "US Department of Veterans Affairs (38 U.S.C. 5726)"),
            (
                "irs_fti_recipient",
                "Agency or contractor holding federal tax information (IRS Publication 1075)",
            ),
            ("circia_covered_entity", "CIRCIA covered entity"),
            ("dfars_contractor", "US defence contractor (DFARS)"),
            (
                "dfars_subcontractor",
                "Subcontractor under DFARS 252.204-7012 (reports to the prime contractor)",
            ),
            ("sec_sci_entity", "SCI entity (SEC Regulation SCI)"),
            (
                "nerc_cip_responsible_entity",
                "NERC registered entity with high or medium impact BES Cyber Systems (CIP-008-6)",
            ),
            (
                "doe_oe417_respondent",
                "Electric utility, balancing authority or reliability coordinator (DOE Form "
                "OE-417)",
            ),
            (
                "nrc_power_reactor_licensee",
                "Nuclear power reactor licensee under 10 CFR 73.54 (NRC, 10 CFR 73.77)",
            ),
            (
                "tsa_pipeline_owner_operator",
                "TSA-designated critical pipeline or LNG owner/operator (SD Pipeline-2021-01)",
            ),
            (
                "tsa_rail_owner_operator",
                "Railroad or rail transit owner/operator under TSA SD 1580-21-01 / 1582-21-01",
            ),
            (
                "mtsa_regulated_owner_operator",
                "Owner/operator of a US-flagged vessel, OCS facility or MTSA-regulated facility "
                "(US Coast Guard)",
            ),
            (
                "federal_regulator_compliant",
                "Notifies under its primary or functional regulator's breach rules "
                "(US state exemptions)",
            ),
            (
                "own_notification_procedures",
                "Own notification procedures consistent with state timing (US state exemptions)",
            ),
        ],
    ),
    (
        "United States: state",
        [
            ("naic_licensee", "Insurance licensee (state insurance data security law)"),
            ("nydfs_covered_entity", "NYDFS covered entity"),
            (
                "ca_licensed_health_facility",
                "California-licensed clinic, health facility, home health agency or hospice",
            ),
            ("idaho_public_agency", "Idaho public agency"),
            ("me_pfr_regulated", "Regulated by the Maine Bureau of Financial Institutions"),
            (
                "mn_commerce_financial_institution",
                "Financial institution licensed by the Minnesota Department of Commerce "
                "(Minn. Stat. ch. 46A)",
            ),
            ("nh_358a3_regulated", "Regulated under N.H. RSA 358-A:3"),
            ("ok_hospital_cybersecurity_act", "Oklahoma hospital (Hospital Cybersecurity Act)"),
            (
                "ok_insurance_small_licensee",
                "Oklahoma insurance licensee under $5 million gross annual revenue (36 O.S. 678)",
            ),
            (
                "tn_insurance_small_licensee",
                "Tennessee small insurance licensee (Tenn. Code 56-2-1009)",
            ),
            ("ut_governmental_entity", "Utah governmental entity (Utah Code 63A-19)"),
            ("vt_dfr_regulated", "Regulated by the Vermont Department of Financial Regulation"),
            (
                "wi_insurance_financial_affiliate",
                "Wisconsin insurance licensee affiliated with a depository institution or "
                "broker-dealer (Wis. Stat. 601.951(2))",
            ),
        ],
    ),
    (
        "Canada",
        [
            ("osfi_frfi", "Federally regulated financial institution (Canada, OSFI)"),
            (
                "ca_federal_institution",
                "Federal government institution under the Privacy Act (Canada; with public body)",
            ),
            (
                "health_information_custodian",
                "Health information custodian or trustee (Canadian provincial health information "
                "acts)",
            ),
            ("intra_provincial", "Organisation under a provincial privacy law"),
            ("intra_provincial:ab", "Intra-provincial activity: Alberta"),
            ("intra_provincial:bc", "Intra-provincial activity: British Columbia"),
            ("intra_provincial:qc", "Intra-provincial activity: Quebec"),
        ],
    ),
    (
        "Asia-Pacific",
        [
            ("apra_regulated_entity", "APRA-regulated entity (Australia, CPS 234)"),
            ("au_commonwealth_agency", "Australian Commonwealth (federal) agency"),
            (
                "au_soci_responsible_entity",
                "Responsible entity for a critical infrastructure asset (Australia, SOCI Act)",
            ),
            ("au_ransomware_reporting_entity", "Ransomware reporting business (Australia)"),
            (
                "au_turnover_over_3m",
                "Australian business with turnover over AUD 3 million",
            ),
            ("cn_ciio", "Critical information infrastructure operator (China)"),
            ("hk_ci_operator", "Critical infrastructure operator (Hong Kong, Cap. 653)"),
            ("sg_cii_owner", "Owner of critical information infrastructure (Singapore)"),
            (
                "mas_trm_notice_fi",
                "Financial institution under an MAS Notice on Technology Risk Management "
                "(Singapore)",
            ),
            (
                "rbi_regulated_entity",
                "RBI-regulated entity under the IT Governance Master Direction (India)",
            ),
            ("sebi_regulated_entity", "SEBI-regulated entity under the CSCRF (India)"),
            (
                "irdai_regulated_entity",
                "IRDAI-regulated insurer or intermediary (India, Cyber Security Guidelines 2023)",
            ),
            (
                "bsp_supervised_fi",
                "BSP-supervised financial institution (Philippines, BSP Circular 1019)",
            ),
            (
                "kr_information_communications_service_provider",
                "Information and communications service provider (Korea, Network Act)",
            ),
            (
                "tw_specific_non_government_agency",
                "Specific non-government agency (Taiwan, Cyber Security Management Act)",
            ),
            (
                "tw_fsc_designated_institution",
                "FSC-designated financial institution (Taiwan: bank, securities, futures, "
                "insurance, electronic payment)",
            ),
            (
                "tw_digital_economy_business",
                "Digital economy business (Taiwan, Ministry of Digital Affairs rules)",
            ),
            (
                "kr_efta_financial_company",
                "Financial company or electronic financial business entity (Korea, Electronic "
                "Financial Transactions Act)",
            ),
            (
                "au_financial_services_licensee",
                "Australian financial services (AFS) licensee (Corporations Act s 912DAA)",
            ),
            (
                "rbnz_regulated_entity",
                "Registered bank, licensed non-bank deposit taker or licensed insurer "
                "(New Zealand, RBNZ)",
            ),
            (
                "nz_cofi_licensee",
                "Financial institution licensee under the CoFI regime (New Zealand, FMA)",
            ),
            (
                "sfc_licensed_corporation",
                "SFC-licensed corporation or registered institution (Hong Kong)",
            ),
            (
                "kr_credit_information_company",
                "Credit information company, or financial company handling personal credit "
                "information (Korea, Credit Information Act)",
            ),
            (
                "my_ncii_entity",
                "National critical information infrastructure entity (Malaysia, Cyber Security "
                "Act 2024)",
            ),
            (
                "jp_my_number_utilization_system",
                "Holds My Numbers in the Information Provision Network System or an Individual "
                "Number utilisation system (Japan, My Number Act PPC Rules art 2(i))",
            ),
            (
                "au_mhr_participant",
                "Registered My Health Record participant: healthcare provider organisation, "
                "repository or portal operator, contracted service provider (Australia, My Health "
                "Records Act s 75)",
            ),
            (
                "vn_finance_banking_credit",
                "Finance, banking or credit information business (Viet Nam, Decree 356/2025 Art 8)",
            ),
            (
                "sbv_regulated_organisation",
                "Credit institution, foreign bank branch, payment intermediary or other "
                "organisation under State Bank Circular 09/2020/TT-NHNN (Viet Nam)",
            ),
        ],
    ),
    (
        "Latin America",
        [
            (
                "cl_essential_service",
                "Provider of an essential service (Chile, Cybersecurity Framework Law 21.663)",
            ),
            (
                "cl_vital_importance_operator",
                "Operator of vital importance qualified by ANCI (Chile, Law 21.663)",
            ),
            (
                "cmf_bank",
                "Bank supervised by the CMF (Chile, operational incident reporting, RAN chapter "
                "20-8)",
            ),
            (
                "sbs_supervised_company",
                "Bank, finance, insurance or pension fund company supervised by the SBS (Peru, "
                "Resolución SBS 504-2021)",
            ),
        ],
    ),
    (
        "Middle East and Africa",
        [
            (
                "ae_difc",
                "Controller or processor in the Dubai International Financial Centre (DIFC Data "
                "Protection Law 2020)",
            ),
            (
                "cbk_licensed_institution",
                "Institution licensed under the Banking Act (Kenya, CBK Guidance Note on "
                "Cybersecurity)",
            ),
            (
                "cbb_licensee",
                "Licensee of the Central Bank of Bahrain (bank, ancillary service provider, "
                "stablecoin issuer; CBB Rulebook)",
            ),
            (
                "sama_member_organization",
                "SAMA member organisation: bank, insurer, finance company, credit bureau or "
                "financial market infrastructure (Saudi Arabia, SAMA Cyber Security Framework)",
            ),
            (
                "ae_adgm",
                "Controller or processor in Abu Dhabi Global Market (ADGM Data Protection "
                "Regulations 2021)",
            ),
            (
                "kw_citra_service_provider",
                "Communications or information technology service provider in Kuwait (network, "
                "website, smart application or cloud service; CITRA Data Privacy Protection "
                "Regulation)",
            ),
        ],
    ),
    (
        "Public sector (several countries)",
        [
            (
                "public_body",
                "Public body, institution or public sector agency (provincial or state privacy "
                "law)",
            ),
            ("local_government", "Local government (municipality, council)"),
        ],
    ),
]
SUBJECT_TO = [choice for _, choices in SUBJECT_TO_GROUPS for choice in choices]
# Sector tokens (``organisation.sectors``, typed under "Sectors") that rules accept beside a
# regime key meaning the same: stated by that key's box. Every rule that takes the token is met by
# the key too (tests/web/test_regime_boxes.py checks it against the shipped rule book).
SECTOR_TOKEN_BOXES = {
    "health": "health_information_custodian",
    "public_sector": "public_body",
    "government": "public_body",
}
RISK_CHOICES = [
    ("none", "None — no reasonable likelihood of harm or misuse"),
    ("unlikely", "Unlikely to result in a risk"),
    ("risk", "Risk to individuals"),
    ("high", "High — likely high risk / real risk of significant harm"),
]
CAUSE_CHOICES = [
    ("external_attack", "External attack"),
    ("ransomware", "Ransomware"),
    ("insider_misuse", "Insider misuse"),
    ("loss_or_theft", "Loss or theft"),
    ("misdirected_disclosure", "Misdirected disclosure"),
    ("system_failure", "System failure"),
    ("other", "Other"),
]
ROLE_CHOICES = [
    ("controller", "Controller"),
    ("processor", "Processor"),
    (BOTH_ROLES, "Both controller and processor"),
]
