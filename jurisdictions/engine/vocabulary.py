"""The rule book's vocabulary in words a lawyer reads aloud. No Django import.

Facts, rules and obligations carry machine keys (``payment_card``, ``attorney_general``,
``nydfs_covered_entity``, ``notice:US-CA-IND``); they stay in their own fields for machines. Every
place a person reads one - pages, reports, emails, the ``why`` of an obligation - goes through
this module, so one key reads the same everywhere and a new key needs one line here, not a
template change.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

# How a data category reads inside a sentence ("a name together with a Social Security number").
DATA_CATEGORY_WORDS = {
    "name": "a name",
    "ssn": "a Social Security number",
    "national_id": "a national identity number",
    "drivers_license": "a driver's licence number",
    "passport": "a passport number",
    "military_id": "a military identification number",
    "tax_id": "a tax identification number",
    "tax_withholding": "the income tax withheld from a person's pay",
    "employee_id": "an identification number assigned by an employer",
    "financial_account": "a financial account number",
    "payment_card": "a payment card number",
    "account_credentials": "account credentials (a user name or e-mail with a password)",
    "medical": "medical information",
    "health_insurance": "health insurance information",
    "biometric": "biometric data",
    "genetic": "genetic data",
    "date_of_birth": "a date of birth",
    "mothers_maiden_name": "a mother's maiden name",
    "vital_record": "a birth or marriage certificate",
    "electronic_signature": "an electronic or digital signature",
    "contact": "contact details",
    "location": "location data",
    "special_category": "special-category data (GDPR Art 9)",
    "children": "children's data",
    "other": "other personal data",
}
# How a data category reads as a label in a list or a table heading.
DATA_CATEGORY_LABELS = {
    "name": "Name",
    "contact": "Contact details",
    "date_of_birth": "Date of birth",
    "mothers_maiden_name": "Mother's maiden name",
    "ssn": "SSN (Social Security number)",
    "national_id": "National ID number",
    "drivers_license": "Driver's licence",
    "passport": "Passport",
    "military_id": "Military ID number",
    "tax_id": "Tax ID",
    "tax_withholding": "Income tax withheld (payroll)",
    "employee_id": "Employer-assigned ID number",
    "vital_record": "Birth or marriage certificate",
    "electronic_signature": "Electronic signature",
    "financial_account": "Financial account",
    "payment_card": "Payment card numbers",
    "account_credentials": "Account credentials",
    "medical": "Medical",
    "health_insurance": "Health insurance",
    "biometric": "Biometric",
    "genetic": "Genetic",
    "location": "Location",
    "special_category": "Special category (GDPR Art 9)",
    "children": "Children's data",
    "other": "Other",
}
RECIPIENT_LABELS = {
    "supervisory_authority": "Supervisory authority",
    "attorney_general": "Attorney General",
    "state_agency": "State agency",
    "sector_regulator": "Sector regulator",
    "csirt_or_competent_authority": "CSIRT or competent authority",
    "individuals": "Individuals",
    "consumer_reporting_agencies": "Consumer reporting agencies",
    "media": "Media",
    "controller": "Controller",
    "service_recipients": "Recipients of the service",
    "public": "The public",
    "internal": "Internal record",
}
STAGE_LABELS = {
    "early_warning": "Early warning",
    "initial_notification": "Initial notification",
    "incident_notification": "Incident notification",
    "intermediate_report": "Intermediate report",
    "final_report": "Final report",
    "detailed_report": "Detailed report",
    "supplementary_report": "Supplementary report",
    "supplement": "Supplement",
    "second_notification": "Second notification",
    "preliminary_report": "Preliminary report",
    "payment_notice": "Payment notice",
    "written_description": "Written description",
    "intimation": "Intimation",
    "vulnerability_notification": "Vulnerability notification",
}
# Regimes an organisation may be subject to (``organisation.subject_to``) and sector tokens that
# rules require. A token with a colon names a type within the regime (``dora:credit_institution``).
REGIME_LABELS = {
    "hipaa_covered_entity": "HIPAA covered entity",
    "hipaa_business_associate": "HIPAA business associate",
    "sec_registrant": "SEC registrant",
    "nydfs_covered_entity": "NYDFS-covered entity",
    "dora": "DORA financial entity (any type)",
    "dora_financial_entity": "DORA financial entity",
    "nis2": "NIS2 essential or important entity",
    "nis2_essential_entity": "NIS2 essential entity",
    "nis2_important_entity": "NIS2 important entity",
    "nis2_trust_service_provider": "NIS2 trust service provider",
    "glba_financial_institution": "GLBA financial institution",
    "circia_covered_entity": "CIRCIA covered entity",
    "uk_nis": "UK NIS operator or digital service provider",
    "banking_organization": "US bank or bank holding company",
    "ncua_credit_union": "Federally insured credit union (NCUA)",
    "bank_service_provider": "Bank service provider (Bank Service Company Act)",
    "ftc_safeguards_financial_institution": "Non-bank financial institution (FTC Safeguards Rule)",
    "sec_reg_sp_covered_institution": "SEC Regulation S-P covered institution",
    "sec_reg_sp_service_provider": "Service provider to an SEC Regulation S-P institution",
    "sec_reg_sp_smaller_entity": "Smaller entity under SEC Regulation S-P (from 3 June 2026)",
    "vn_finance_banking_credit": "Finance, banking or credit information business (Viet Nam)",
    "naic_licensee": "Insurance licensee (state insurance data security law)",
    "ftc_hbnr_vendor": "Vendor of personal health records (FTC HBNR)",
    "ftc_hbnr_phr_related_entity": "PHR related entity (FTC HBNR)",
    "ftc_hbnr_service_provider": "Service provider to a PHR vendor (FTC HBNR)",
    "phr_vendor": "Vendor of personal health records",
    "fcc_cpni_carrier": "Telecommunications carrier or interconnected VoIP provider (FCC CPNI)",
    "ca_licensed_health_facility": "California-licensed clinic, health facility or hospice",
    "federal_regulator_compliant": "Notifies under its federal regulator's breach rules",
    "own_notification_procedures": "Keeps its own notification procedures",
    "ncua_federally_insured_credit_union": "Federally insured credit union (NCUA)",
    "part2_program": "Substance use disorder program (42 CFR Part 2)",
    "apra_regulated_entity": "APRA-regulated entity (Australia)",
    "hk_ci_operator": "Critical infrastructure operator (Hong Kong, Cap. 653)",
    "sg_cii_owner": "Owner of critical information infrastructure (Singapore)",
    "eidas_trust_service_provider": "Non-qualified trust service provider (eIDAS)",
    "eidas_qualified_trust_service_provider": "Qualified trust service provider (eIDAS)",
    "ai_act_high_risk_provider": "Provider of a high-risk AI system (EU AI Act)",
    "osfi_frfi": "Federally regulated financial institution (Canada, OSFI)",
    "ca_federal_institution": "Government institution under the Privacy Act (Canada, federal)",
    "cl_essential_service": "Provider of an essential service (Chile, Ley 21.663)",
    "cl_vital_importance_operator": "Operator of vital importance (Chile, Ley 21.663)",
    "nerc_cip_responsible_entity": "NERC registered entity with high or medium impact BES Cyber "
    "Systems (CIP-008-6)",
    "doe_oe417_respondent": "Electric utility, balancing authority or reliability coordinator "
    "(DOE Form OE-417)",
    "nrc_power_reactor_licensee": "Nuclear power reactor licensee (NRC, 10 CFR 73.54)",
    "tsa_pipeline_owner_operator": "TSA-designated critical pipeline owner/operator",
    "tsa_rail_owner_operator": "Railroad or rail transit owner/operator (TSA security directives)",
    "sec_sci_entity": "SCI entity (SEC Regulation SCI)",
    "mas_trm_notice_fi": "Financial institution under an MAS Technology Risk Management Notice "
    "(Singapore)",
    "rbi_regulated_entity": "RBI-regulated entity (India, IT Governance Master Direction)",
    "sebi_regulated_entity": "SEBI-regulated entity (India, CSCRF)",
    "irdai_regulated_entity": "IRDAI-regulated insurer or intermediary (India)",
    "uk_trust_service_provider": "Trust service provider established in the UK (UK eIDAS)",
    "eu_institution": "Union institution, body, office or agency (Regulation (EU) 2018/1725)",
    "led_competent_authority": "Competent authority processing for law-enforcement purposes "
    "(EU/EEA, Law Enforcement Directive)",
    "uk_law_enforcement_competent_authority": "Competent authority processing for the law "
    "enforcement purposes (UK, Data Protection Act 2018 Part 3)",
    "nis1_operator_essential_service": "Operator of essential services under a national NIS1 law "
    "(where no NIS2 law is in force)",
    "nis1_digital_service_provider": "Digital service provider under a national NIS1 law (online "
    "marketplace, search engine or cloud service)",
    "it_l90_entity": "Public administration or body listed in Legge 90/2024 art. 1 (Italy)",
    "es_ens_supplier": "Private provider of services or solutions to a Spanish public-sector "
    "entity (Esquema Nacional de Seguridad, RD 311/2022 art 2(3))",
    "it_psnc_entity": "Body included in the national cyber security perimeter (Italy, DL 105/2019, "
    "Perimetro)",
    "fr_oiv": "Operator of vital importance (France, OIV, code de la défense L. 1332-1)",
    "fr_health_establishment": "Health establishment or care organisation (France, Code de la "
    "santé publique L. 1111-8-2)",
    "ch_isg_reporting_entity": "Authority or organisation required to report cyberattacks "
    "(Switzerland, ISG)",
    "finma_supervised_institution": "Institution supervised by FINMA (Switzerland)",
    "bsp_supervised_fi": "BSP-supervised financial institution (Philippines)",
    "mtsa_regulated_owner_operator": "Owner/operator of an MTSA-regulated vessel or facility "
    "(US Coast Guard)",
    "uk_payment_service_provider": "Payment service provider (UK, Payment Services Regulations "
    "2017)",
    "fca_authorised_firm": "FCA-authorised firm (UK)",
    "kr_information_communications_service_provider": "Information and communications service "
    "provider (Korea, Network Act)",
    "tw_specific_non_government_agency": "Specific non-government agency (Taiwan, Cyber Security "
    "Management Act)",
    "tw_fsc_designated_institution": "Non-government agency designated by the Financial "
    "Supervisory Commission (Taiwan: financial holding company, bank, securities, futures or "
    "insurance business, electronic payment institution)",
    "tw_digital_economy_business": "Digital economy business (Taiwan, Ministry of Digital Affairs "
    "personal data file security rules)",
    "kr_efta_financial_company": "Financial company or electronic financial business entity "
    "(Korea, Electronic Financial Transactions Act)",
    "au_financial_services_licensee": "Australian financial services (AFS) licensee",
    "rbnz_regulated_entity": "Registered bank, licensed non-bank deposit taker or licensed insurer "
    "(New Zealand, RBNZ)",
    "nz_cofi_licensee": "Financial institution licensee under the CoFI regime (New Zealand, FMA)",
    "sfc_licensed_corporation": "SFC-licensed corporation or registered institution (Hong Kong)",
    "cbk_licensed_institution": "Institution licensed under the Banking Act (Kenya, CBK)",
    "cbb_licensee": "Licensee of the Central Bank of Bahrain (CBB Rulebook)",
    "kw_citra_service_provider": "Communications and information technology service provider "
    "(Kuwait, CITRA Data Privacy Protection Regulation)",
    "sama_member_organization": "SAMA member organisation (Saudi Arabia, SAMA Cyber Security "
    "Framework)",
    "sbs_supervised_company": "Company supervised by the SBS (Peru, Resolución SBS 504-2021)",
    "cmf_bank": "Bank supervised by the CMF (Chile, RAN chapter 20-8)",
    "sbv_regulated_organisation": "Credit institution, foreign bank branch or payment "
    "intermediary under SBV Circular 09/2020 (Viet Nam)",
    "kr_credit_information_company": "Credit information company or credit information provider "
    "or user (Korea, Credit Information Act)",
    "my_ncii_entity": "National critical information infrastructure entity (Malaysia, Cyber "
    "Security Act 2024)",
    "jp_my_number_utilization_system": "My Numbers held in the Information Provision Network "
    "System or an Individual Number utilisation system (Japan)",
    "au_mhr_participant": "Registered My Health Record participant (Australia, My Health Records "
    "Act)",
    "ae_adgm": "Controller or processor in Abu Dhabi Global Market (ADGM)",
    "ae_difc": "Controller or processor in the Dubai International Financial Centre (DIFC)",
    "au_ransomware_reporting_entity": "Ransomware reporting business (Australia)",
    "au_soci_responsible_entity": "Responsible entity for critical infrastructure (Australia)",
    "au_turnover_over_3m": "Australian business with turnover over AUD 3 million",
    "cn_ciio": "Critical information infrastructure operator (China)",
    "cra_manufacturer": "Manufacturer of a product with digital elements (CRA)",
    "dfars_contractor": "US defence contractor (DFARS)",
    "dfars_subcontractor": "Subcontractor under DFARS 252.204-7012 (reports to the prime "
    "contractor)",
    "fcc_trs_provider": "Telecommunications relay services provider (FCC, 47 CFR 64.5111)",
    "us_federal_agency": "US federal agency (FISMA, OMB M-17-12)",
    "us_veterans_affairs": "US Department of Veterans Affairs (38 U.S.C. 5726)",
    "irs_fti_recipient": "Agency or contractor holding federal tax information (IRS Publication "
    "1075)",
    "ecomms_provider": "Provider of public electronic communications services",
    "idaho_public_agency": "Idaho public agency",
    "intra_provincial": "Organisation under a provincial privacy law",
    "me_pfr_regulated": "Regulated by the Maine Bureau of Financial Institutions",
    "mn_commerce_financial_institution": "Financial institution licensed by the Minnesota "
    "Department of Commerce (Minn. Stat. ch. 46A)",
    "nh_358a3_regulated": "Regulated under N.H. RSA 358-A:3",
    "ok_hospital_cybersecurity_act": "Oklahoma hospital (Hospital Cybersecurity Act)",
    "wi_insurance_financial_affiliate": "Wisconsin insurance licensee affiliated with a depository "
    "institution or broker-dealer whose security program meets its standards "
    "(Wis. Stat. 601.951(2))",
    "ok_insurance_small_licensee": "Oklahoma insurance licensee with less than $5 million gross "
    "annual revenue (36 O.S. 678)",
    "tn_insurance_small_licensee": "Tennessee insurance licensee under 25 individuals, $5 million "
    "revenue or $10 million assets (Tenn. Code 56-2-1009)",
    "postal_service_provider": "Postal service provider",
    "ut_governmental_entity": "Utah governmental entity (Utah Code 63A-19)",
    "ssm_significant_institution": "Significant institution supervised by the ECB (SSM)",
    "vt_dfr_regulated": "Regulated by the Vermont Department of Financial Regulation",
    "health": "Health sector: a health information custodian or trustee (Canadian provincial "
    "health information acts)",
    "health_information_custodian": "Health information custodian or trustee (Canadian provincial "
    "health information acts)",
    "public_body": "Public body, institution or public sector agency (provincial or state "
    "public-sector privacy law)",
    "public_sector": "Public sector body (provincial or state public-sector privacy law)",
    "government": "Government body (provincial or state public-sector privacy law)",
    "local_government": "Local government (municipality, council)",
}
# The words after a colon: ``dora:credit_institution`` reads "DORA financial entity: credit
# institution"; ``intra_provincial:qc`` names the province.
_SUBTYPE_WORDS = {"ab": "Alberta", "bc": "British Columbia", "qc": "Quebec"}
# Events as nouns, so that "the clock starts at ..." and "the date of ..." read as sentences.
EVENT_LABELS = {
    "occurred_at": "the occurrence of the incident",
    "discovered_at": "discovery of the incident",
    "aware_at": "awareness of a personal-data breach",
    "determined_at": "determination that a breach occurred",
    "scope_identified_at": "identification of the breach's scope",
    "materiality_determined_at": "the determination that the incident is material",
    "classified_major_at": "classification as a major or significant incident",
    "assessed_notifiable_at": "the assessment that the breach is notifiable",
    "ransom_paid_at": "payment of a ransom",
    "exploited_vulnerability_at": "awareness of an actively exploited vulnerability",
    "corrective_measure_available_at": "availability of a corrective measure",
    "no_harm_determined_at": "the written determination that no harm is likely",
}
# Facts a rule may require to be true (``requires_facts``), as a clause.
FACT_WORDS = {
    "product_security_incident": "the incident is a severe incident affecting the security of "
    "the organisation's product with digital elements",
    "client_financial_impact": "the incident has an impact on the financial interests of the "
    "financial entity's clients",
}
UNIT_WORDS = {
    "minutes": ("minute", "minutes"),
    "hours": ("hour", "hours"),
    "calendar_days": ("day", "days"),
    "business_days": ("business day", "business days"),
    "months": ("month", "months"),
}
ROLE_WORDS = {"controller": "controller", "processor": "processor"}
CAUSE_WORDS = {
    "external_attack": "an external attack",
    "ransomware": "ransomware",
    "insider_misuse": "insider misuse",
    "loss_or_theft": "loss or theft",
    "misdirected_disclosure": "a misdirected disclosure",
    "system_failure": "a system failure",
    "other": "another cause",
}
STATUS_WORDS = {
    "in_force": "in force",
    "in_force_pending_executive_regulations": "in force pending executive regulations",
    "notified_not_yet_in_force": "notified not yet in force",
    "proposed_not_in_force": "proposed not in force",
}
# One look-up for templates: a key of any vocabulary above, as a label.
LABELS: dict[str, str] = {
    **{k: v[:1].upper() + v[1:] for k, v in STATUS_WORDS.items()},
    **{k: v[:1].upper() + v[1:] for k, v in EVENT_LABELS.items()},
    **STAGE_LABELS,
    **REGIME_LABELS,
    **RECIPIENT_LABELS,
}


def label(key: str) -> str:
    """Any vocabulary key as a label; an unknown key as words (never with underscores)."""
    if key in LABELS:
        return LABELS[key]
    if ":" in key:
        return regime_label(key)
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def regime_label(token: str) -> str:
    """``sec_registrant`` -> "SEC registrant"; ``dora:credit_institution`` -> "DORA financial
    entity: credit institution"."""
    base, _, sub = token.partition(":")
    head = REGIME_LABELS.get(base) or base.replace("_", " ").capitalize()
    if not sub:
        return head
    return f"{head}: {_SUBTYPE_WORDS.get(sub) or sub.replace('_', ' ')}"


def regimes_in_words(tokens: Iterable[str], joiner: str = "or") -> str:
    return join_words([regime_label(t) for t in tokens], joiner)


def data_words(category: str) -> str:
    return DATA_CATEGORY_WORDS.get(category) or category.replace("_", " ")


def data_label(category: str) -> str:
    return DATA_CATEGORY_LABELS.get(category) or category.replace("_", " ").capitalize()


def event_words(event: str) -> str:
    """``aware_at`` -> "awareness of a personal-data breach"; ``notice:US-CA-IND`` -> "the
    notice under rule US-CA-IND"."""
    if event.startswith("notice:"):
        return f"the notice under rule {event.split(':', 1)[1]}"
    head, paren, rest = event.partition(" (")  # "discovered_at (start event not yet happened)"
    words = EVENT_LABELS.get(head) or head.removesuffix("_at").replace("_", " ")
    return words + paren + rest


def fact_words(fact: str) -> str:
    return FACT_WORDS.get(fact) or f"{fact.replace('_', ' ')} is true"


def categories_in_words(categories: Iterable[str]) -> str:
    """Data categories as a list of labels, in the facts format's order where known."""
    order = list(DATA_CATEGORY_LABELS)
    ordered = sorted(categories, key=lambda c: order.index(c) if c in order else len(order))
    return ", ".join(data_name(c) for c in ordered)


def data_name(category: str) -> str:
    """A category's label inside a sentence: "payment card numbers", "SSN (...)"."""
    text = data_label(category)
    return text if category in ("ssn",) or text[:3].isupper() else text[:1].lower() + text[1:]


def duration_words(amount: int | None, unit: str | None) -> str:
    """``(1, "months")`` -> "1 month" (never "1 months")."""
    if amount is None or not unit:
        return "no fixed period"
    one, many = UNIT_WORDS.get(unit, (unit.replace("_", " "), unit.replace("_", " ")))
    return f"{amount:,} {one if amount == 1 else many}"


def join_words(items: list[str], joiner: str = "and") -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def condition_words(cond: Any) -> str:
    """A data condition as a sentence: ``{"all": ["name", {"any": ["ssn", "drivers_license"]}]}``
    -> "a name together with any of: a Social Security number or a driver's licence number"."""
    if cond is None:
        return "no data condition"
    if cond == "*":
        return "any personal data"
    if isinstance(cond, str):
        return data_words(cond)
    ((op, items),) = cond.items()
    parts = [condition_words(c) for c in items]
    if op == "all":
        if len(parts) == 2 and isinstance(items[1], dict):
            return f"{parts[0]} together with {parts[1]}"
        return (
            join_words(parts, "together with") if len(parts) == 2 else "all of: " + "; ".join(parts)
        )
    if len(parts) == 1:
        return parts[0]
    if any(isinstance(c, dict) for c in items):
        # Alternatives that are themselves combinations: one per clause, so it reads aloud.
        return "either " + "; or ".join(parts)
    return "any of: " + join_words(parts, "or")


def known_regimes(rules: Iterable[Any] = ()) -> frozenset[str]:
    """Regime keys the product knows: the labelled ones and every token a rule of ``rules``
    requires, relieves or picks an authority by."""
    tokens = set(REGIME_LABELS)
    for rule in rules:
        for name in ("requires_subject_to", "relief_not_for"):
            tokens.update(getattr(rule, name, ()) or ())
        for entry in getattr(rule, "displaces", ()) or ():
            tokens.update(getattr(entry, "when_subject_to", ()) or ())
        for authority in (getattr(rule, "authorities", None) or {}).values():
            tokens.update(getattr(authority, "subject_to", ()) or ())
    return frozenset(tokens)


def regime_problem(token: str, known: Iterable[str]) -> str | None:
    """Why ``token`` is not a regime key the rule book knows (naming the closest one), or None.

    A typed type after a colon is accepted when the regime is known (``dora:investment_firm``).
    """
    known = frozenset(known)
    if token in known or token.partition(":")[0] in known:
        return None
    close = difflib.get_close_matches(token, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"unknown regime key {token!r}: did you mean {close[0]} ({regime_label(close[0])})?"
    return f"unknown regime key {token!r}: no rule in the rule book applies to it"
