"""The shared vocabulary of notice content: what a law may require a notice to say.

Each rule's ``notice_content`` (``jurisdictions/rulebook/notice_content.yaml``) names its required
elements, forbidden content and attachments by these keys; the drafting checklist finds them in a
draft's free text with the detection hints. A key is never renamed (rules and drafts refer to it);
new keys are added as the law requires.

Detection hints are regular expressions, matched case-insensitively against a section of the
draft: the element is present when any pattern of ``any_of`` matches (if given) and every pattern
of ``all_of`` matches (if given). No Django import: the engine validates rule data against it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One key of the vocabulary: its plain-English label and how a checklist recognises it."""

    label: str
    any_of: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()
    help: str = ""  # what the element means, for the admin and template writers


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    rf"|{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
)
_PHONE_TOLL_FREE = r"\b(1[-. ]?)?\(?8(00|33|44|55|66|77|88)\)?[-. ]?\d{3}[-. ]?\d{4}\b"
_NUMBER = r"\b\d{1,3}(,\d{3})+\b|\b\d+\b"

ELEMENTS: dict[str, Term] = {
    "organisation_name": Term(
        "The name of the organisation giving notice",
        any_of=(r"\b(we|our company|our organi[sz]ation)\b", r"\b(inc|llc|ltd|gmbh|plc|corp)\b"),
        help="Who is writing: the business or controller responsible for the data.",
    ),
    "reporting_entity_details": Term(
        "Details of the reporting organisation (name, address, sector, registration)",
        any_of=(r"\baddress\b", r"\bregist(ered|ration)\b", r"\bsector\b", r"\bheadquarter"),
        help="The identifying details a regulator's form asks for about the notifier.",
    ),
    "breach_description": Term(
        "A description of what happened",
        any_of=(
            r"\bwhat happened\b",
            r"\b(incident|breach|unauthori[sz]ed|compromise[d]?|attack|intrusion|accessed)\b",
        ),
        help="In plain words: what happened, how it was found; no speculation.",
    ),
    "type_of_incident": Term(
        "The type of incident (e.g. ransomware, lost device, misdirected email)",
        any_of=(
            r"\b(ransomware|phishing|malware|hack(ing|ed)?|stolen|theft|lost|misdirected|"
            r"unauthori[sz]ed access|cyber ?attack|intrusion|exfiltrat\w*|disclos\w*)\b",
        ),
    ),
    "breach_date": Term(
        "The date, estimated date or date range of the breach",
        all_of=(_DATE,),
        any_of=(
            r"\b(occurred|took place|between|on or about|from|since|"
            r"date of the (breach|incident))\b",
        ),
        help="When it happened, or the estimated range; say 'estimated' when it is.",
    ),
    "discovery_date": Term(
        "The date the breach was discovered",
        all_of=(_DATE,),
        any_of=(r"\b(discover\w*|detect\w*|became aware|learned|identified)\b",),
    ),
    "notice_date": Term(
        "The date of the notice",
        all_of=(_DATE,),
    ),
    "data_categories": Term(
        "The kinds of personal information involved",
        any_of=(
            r"\bwhat information was involved\b",
            r"\b(social security|driver'?s licen[cs]e|passport|account number|card number|"
            r"date of birth|medical|health|password|email address|name|address|"
            r"military identification|maiden name|signature|birth or marriage certificate|"
            r"tax(es)? withheld|employee identification|"
            r"categor(y|ies) of (personal )?data|personal (data|information))\b",
        ),
    ),
    "approx_subjects_count": Term(
        "The approximate number of people affected",
        all_of=(_NUMBER,),
        any_of=(
            r"\b(individuals|people|persons|residents|data subjects|consumers|customers|"
            r"patients)\b",
        ),
    ),
    "approx_records_count": Term(
        "The approximate number of records affected",
        all_of=(_NUMBER,),
        any_of=(r"\brecords?\b",),
    ),
    "likely_consequences": Term(
        "The likely consequences of the breach",
        any_of=(r"\b(consequence|risk|could (be used|lead)|may (result|lead)|harm|impact)\w*\b",),
    ),
    "measures_taken": Term(
        "What the organisation has done or will do in response",
        any_of=(
            r"\bwhat we are doing\b",
            r"\b(we have|we took|we are|we will)\b.{0,80}\b(secur|investig|contain|reset|"
            r"notif|engag|improv|review|fix|patch|block|disabl)\w*",
        ),
    ),
    "measures_to_mitigate": Term(
        "Measures to mitigate the breach's possible adverse effects",
        any_of=(r"\b(mitigat|reduce the risk|protect you|limit the (harm|effect))\w*",),
    ),
    "steps_individuals_can_take": Term(
        "What affected people can do to protect themselves",
        any_of=(
            r"\bwhat you can do\b",
            r"\byou (can|should|may)\b.{0,80}\b(change|monitor|review|contact|place|request)\b",
        ),
    ),
    "remain_vigilant": Term(
        "Advice to remain vigilant: review account statements and monitor free credit reports",
        all_of=(r"\b(vigilant|review(ing)? (your )?(account )?statements|monitor\w*)\b",),
        any_of=(r"\bcredit report", r"\baccount statements?\b"),
    ),
    "contact_point": Term(
        "A contact point for more information (name or office and how to reach it)",
        any_of=(
            r"\bfor more information\b",
            r"\b(contact|call|email|write to)\b.{0,80}(@|\bphone\b|\d{3}[-. ]\d{4}|www\.|https?://)",
            r"\bdata protection officer\b",
        ),
    ),
    "toll_free_number": Term(
        "A toll-free telephone number",
        any_of=(_PHONE_TOLL_FREE,),
    ),
    "credit_agencies_contact": Term(
        "Contact details of the nationwide consumer reporting agencies (Equifax, Experian, "
        "TransUnion)",
        all_of=(r"\bequifax\b", r"\bexperian\b", r"\btrans ?union\b"),
    ),
    "ftc_contact": Term(
        "Contact details of the Federal Trade Commission",
        any_of=(
            r"\bfederal trade commission\b",
            r"\bftc\b",
            r"identitytheft\.gov",
            r"877[-. ]438[-. ]4338",
        ),
    ),
    "attorney_general_contact": Term(
        "Contact details of the state Attorney General",
        any_of=(r"\battorney general\b",),
    ),
    "authority_contact": Term(
        "Contact details of the data protection or supervisory authority",
        any_of=(
            r"\b(commissioner|supervisory authority|data protection (authority|agency)|"
            r"regulator)\b",
        ),
    ),
    "security_freeze": Term(
        "How to place a security (credit) freeze, free of charge",
        any_of=(r"\b(security|credit) freeze\b",),
    ),
    "police_report": Term(
        "The right to obtain a police report",
        any_of=(r"\bpolice report\b",),
    ),
    "fraud_alert": Term(
        "How to place a fraud alert",
        any_of=(r"\bfraud alert\b",),
    ),
    "credit_monitoring_offer": Term(
        "The offer of free credit monitoring or identity theft protection, and how to enrol",
        any_of=(r"\b(credit monitoring|identity (theft )?protection|identity monitoring)\b",),
    ),
    "identity_theft_advice": Term(
        "Information about preventing and reporting identity theft",
        any_of=(r"\bidentity theft\b",),
    ),
    "notice_delayed_by_law_enforcement": Term(
        "Whether notice was delayed at law enforcement's request",
        any_of=(r"\blaw enforcement\b.{0,120}\bdelay|\bdelay\w*\b.{0,120}\blaw enforcement\b",),
    ),
    "law_enforcement_contacted": Term(
        "Whether law enforcement has been notified",
        any_of=(r"\b(police|law enforcement|fbi)\b",),
    ),
    "reasons_for_delay": Term(
        "The reasons for a late notification",
        any_of=(r"\b(reason|because|due to)\b.{0,80}\b(delay|late)\w*",),
    ),
    "notice_timing_distribution": Term(
        "The timing, distribution and content of the notices sent to individuals",
        any_of=(
            r"\b(notices? (were|was|will be) (sent|mailed|emailed|distributed))\b",
            r"\bmailed on\b",
        ),
    ),
    "cross_border_details": Term(
        "Other countries or authorities concerned, and cross-border impact",
        any_of=(
            r"\b(cross[- ]border|other (member )?states?|other countries|other authorities)\b",
        ),
    ),
    "root_cause": Term(
        "The cause of the incident (root cause, threat, vulnerability exploited)",
        any_of=(r"\b(root cause|caused by|cause of|vulnerabilit|threat actor|exploit)\w*",),
    ),
    "impact_assessment": Term(
        "The severity and impact of the incident",
        any_of=(r"\b(severity|impact|material(ity)?|affected (services|systems|operations))\b",),
    ),
    "incident_status": Term(
        "The current status of the incident (ongoing, contained, resolved)",
        any_of=(r"\b(ongoing|contained|resolved|status|under investigation)\b",),
    ),
    "suspected_unlawful_act": Term(
        "Whether the incident is suspected of being caused by unlawful or malicious acts",
        any_of=(r"\b(malicious|unlawful|criminal|deliberate)\b",),
    ),
    "encryption_status": Term(
        "Whether the data was encrypted or otherwise protected",
        any_of=(r"\b(encrypt\w*|redact\w*|unreadable|unintelligible)\b",),
    ),
    "discovery_circumstances": Term(
        "How the incident was discovered",
        any_of=(
            r"\b(discovered|detected|identified|learned|became aware)\b.{0,80}"
            r"\b(when|after|through|by|via)\b",
        ),
    ),
    "data_recovery": Term(
        "Whether the information has been recovered, and how",
        any_of=(r"\b(recovered|retrieved|returned|deleted by|destroyed)\b",),
    ),
    "third_party_role": Term(
        "The role of any third-party service provider in the incident",
        any_of=(r"\b(vendor|service provider|third[- ]party|supplier|processor)\b",),
    ),
    "internal_review": Term(
        "The results of the internal review (lapses in controls or procedures found, or none)",
        any_of=(
            r"\b(internal review|review (found|showed|confirmed)|lapse|controls were followed)\b",
        ),
    ),
    "ransom_payment": Term(
        "The ransom or extortion payment: amount, form, reasons and alternatives considered",
        any_of=(r"\b(ransom|extortion|payment)\b",),
    ),
    "affected_systems": Term(
        "The systems, services or products affected",
        any_of=(
            r"\b(system|server|network|application|service|product|device)s?\b.{0,60}\b(affected|impacted|compromised)\b",
        ),
    ),
    "right_to_complain": Term(
        "The right to complain to the authority or seek a remedy",
        any_of=(r"\b(complain\w*|lodge a complaint|remed(y|ies))\b",),
    ),
}

FORBIDDEN: dict[str, Term] = {
    "resident_count": Term(
        "The number of the jurisdiction's residents affected",
        # A number next to "residents", "people", "individuals", in either order.
        any_of=(
            r"\b\d{1,3}(,\d{3})*\b\s+(\w+\s+){0,3}(residents|individuals|people|persons|consumers)\b",
            r"\b(residents|individuals|people|persons|consumers)\b\s+(\w+\s+){0,3}"
            r"(numbered|totall?ing|of)\s+\d",
        ),
        help="Massachusetts: the resident notice must not include the number of residents "
        "affected.",
    ),
    "breach_nature": Term(
        "The nature of the breach or of the unauthorised acquisition or use",
        any_of=(
            r"\b(ransomware|phishing|malware|hack(ing|ed|er)?|stolen|theft|cyber ?attack|"
            r"intrusion|exfiltrat\w*|threat actor|compromised (server|account|system))\b",
        ),
        help="Massachusetts: the resident notice must not describe the nature of the breach.",
    ),
    "suspect_identity": Term(
        "The identity of a person suspected of holding the information",
        any_of=(r"\b(suspect|perpetrator|named individual|former employee)\b",),
        help="New Zealand: the notice to individuals must not identify a person suspected of "
        "holding the information unless that is necessary to prevent or lessen a serious threat.",
    ),
}

ATTACHMENTS: dict[str, Term] = {
    "copy_of_individual_notice": Term("A copy (or template) of the notice sent to individuals"),
    "regulator_form": Term("The regulator's own notification form, completed"),
    "list_of_affected_jurisdictions": Term("The list of other jurisdictions notified"),
    "supporting_documents": Term("Supporting documents the regulator asks for"),
    "report_of_investigation": Term("The report of the investigation or forensic findings"),
    "list_of_affected_individuals": Term(
        "The names (or identification) of the individuals affected"
    ),
    "privacy_policy": Term("A copy of the organisation's privacy policy"),
    "police_report_copy": Term("A copy of the police report, incident report or forensic report"),
}

DELIVERY_METHODS: dict[str, str] = {
    "mail": "Written notice by post",
    "email": "Electronic notice (email)",
    "telephone": "Telephone",
    "substitute": "Substitute notice (website posting, media, email where known)",
    "portal": "The regulator's online form or portal",
    "fax": "Fax",
    "in_person": "In person",
    "media": "Notice to prominent media",
    "website": "Conspicuous posting on the organisation's website",
    "text_message": "Text message",
    "other": "Other means the law allows",
}


def label(key: str) -> str:
    """The plain-English label of an element, forbidden-content or attachment key."""
    for table in (ELEMENTS, FORBIDDEN, ATTACHMENTS):
        if key in table:
            return table[key].label
    return DELIVERY_METHODS.get(key, key.replace("_", " "))
